/* koers-model.h: one maturity model, as read from data/models/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "koers-types.h"

G_BEGIN_DECLS

/**
 * KoersStage:
 * @id: the stage id used in project files
 * @index: position in the model's order, from 0
 * @name: translated name
 * @tagline: translated short line, or %NULL
 * @description: translated description
 * @step: the step number as the model numbers it, or %NULL
 * @gate: whether this is a decision moment rather than a stage of work
 *
 * Owned by its #KoersModel; never freed by callers.
 */
typedef struct {
  char     *id;
  guint     index;
  char     *name;
  char     *tagline;
  char     *description;
  char     *step;
  gboolean  gate;
} KoersStage;

/**
 * KoersStatement:
 * @id: the statement id, unique within its model; project files store
 *   answers under it
 * @stage_index: the index of the stage the statement belongs to
 * @text: translated text, first person plural ("We have …")
 * @basis: what in the stage's description the statement checks, or %NULL;
 *   a note for whoever maintains the model, not translated
 *
 * One statement of a model's questionnaire. Owned by its #KoersModel.
 */
typedef struct {
  char  *id;
  guint  stage_index;
  char  *text;
  char  *basis;
} KoersStatement;

/**
 * KoersSuggestionRule:
 * @KOERS_SUGGESTION_IN_ORDER: a stage counts only when every stage beneath
 *   it is reached too (layers or steps that build on each other)
 * @KOERS_SUGGESTION_ONE_GAP: a stage counts when at most one stage beneath
 *   it is not reached (maturity curves, which allow some unevenness)
 *
 * How answers to a model's statements become a suggested stage
 * (docs/assessment.md).
 */
typedef enum {
  KOERS_SUGGESTION_IN_ORDER,
  KOERS_SUGGESTION_ONE_GAP,
} KoersSuggestionRule;

/* The number of statements each stage has, when a model has statements. */
#define KOERS_MODEL_MIN_STAGE_STATEMENTS 3
#define KOERS_MODEL_MAX_STAGE_STATEMENTS 6

#define KOERS_TYPE_MODEL (koers_model_get_type ())
G_DECLARE_FINAL_TYPE (KoersModel, koers_model, KOERS, MODEL, GObject)

KoersModel       *koers_model_new_from_bytes   (GBytes      *bytes,
                                                const char  *filename,
                                                GError     **error);
const char       *koers_model_get_id           (KoersModel  *self);
const char       *koers_model_get_name         (KoersModel  *self);
const char       *koers_model_get_short_name   (KoersModel  *self);
const char       *koers_model_get_source       (KoersModel  *self);
const char       *koers_model_get_summary      (KoersModel  *self);
const char       *koers_model_get_note         (KoersModel  *self);
const char       *koers_model_get_color        (KoersModel  *self);
const char       *koers_model_get_diagram      (KoersModel  *self);
const char       *koers_model_get_label        (KoersModel  *self,
                                                const char  *key);
GStrv             koers_model_dup_label_keys   (KoersModel  *self);
guint             koers_model_get_n_stages     (KoersModel  *self);
const KoersStage *koers_model_get_stage        (KoersModel  *self,
                                                guint        index);
const KoersStage *koers_model_find_stage       (KoersModel  *self,
                                                const char  *stage_id);
int               koers_model_stage_index      (KoersModel  *self,
                                                const char  *stage_id);
char             *koers_model_dup_stage_list   (KoersModel  *self);
guint             koers_model_get_n_statements (KoersModel  *self);
const KoersStatement *koers_model_get_statement (KoersModel *self,
                                                guint        index);
const KoersStatement *koers_model_find_statement (KoersModel *self,
                                                 const char *statement_id);
KoersSuggestionRule koers_model_get_suggestion_rule (KoersModel *self);

G_END_DECLS
