/* koers-assessment.h: from answers to a model's statements to a suggested stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "koers-model.h"

G_BEGIN_DECLS

/**
 * KoersAnswer:
 * @KOERS_ANSWER_NONE: not answered (yet)
 * @KOERS_ANSWER_YES: yes
 * @KOERS_ANSWER_PARTLY: partly
 * @KOERS_ANSWER_NO: no
 * @KOERS_ANSWER_DONT_KNOW: don't know; left out of the score
 *
 * An answer to one statement. %KOERS_ANSWER_NONE is 0, so that a hash
 * table of answers (statement id → GINT_TO_POINTER (answer)) reads an
 * unanswered statement as %KOERS_ANSWER_NONE.
 */
typedef enum {
  KOERS_ANSWER_NONE,
  KOERS_ANSWER_YES,
  KOERS_ANSWER_PARTLY,
  KOERS_ANSWER_NO,
  KOERS_ANSWER_DONT_KNOW,
} KoersAnswer;

/**
 * KoersStageScore:
 * @n_statements: the stage's statements
 * @n_yes: answered yes
 * @n_partly: answered partly
 * @n_no: answered no
 * @n_dont_know: answered don't know
 * @score: (yes + partly / 2) / (yes + partly + no), from 0 to 1; 0 when
 *   nothing was answered yes, partly or no
 * @assessed: at least half of the statements were answered yes, partly or no
 * @reached: assessed, and the score is at least 2/3
 */
typedef struct {
  guint    n_statements;
  guint    n_yes;
  guint    n_partly;
  guint    n_no;
  guint    n_dont_know;
  double   score;
  gboolean assessed;
  gboolean reached;
} KoersStageScore;

const char *koers_answer_to_string        (KoersAnswer       answer);
gboolean    koers_answer_from_string      (const char       *text,
                                           KoersAnswer      *answer);

void        koers_assessment_score_stage  (KoersModel       *model,
                                           GHashTable       *answers,
                                           guint             stage_index,
                                           KoersStageScore  *score);
int         koers_assessment_suggest      (KoersModel       *model,
                                           GHashTable       *answers);
gboolean    koers_assessment_disagrees    (KoersModel       *model,
                                           GHashTable       *answers,
                                           const char       *placed_stage_id,
                                           int              *suggested);

G_END_DECLS
