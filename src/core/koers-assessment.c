/* koers-assessment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule is documented in docs/assessment.md; keep the two in step.
 */
#define G_LOG_DOMAIN "koers-assessment"

#include "config.h"

#include <string.h>

#include "koers-assessment.h"

static const char * const answer_names[] = {
  [KOERS_ANSWER_NONE] = NULL,
  [KOERS_ANSWER_YES] = "yes",
  [KOERS_ANSWER_PARTLY] = "partly",
  [KOERS_ANSWER_NO] = "no",
  [KOERS_ANSWER_DONT_KNOW] = "dont-know",
};

/**
 * koers_answer_to_string:
 *
 * Returns: (nullable): the answer's name in project files ("yes", "partly",
 *   "no", "dont-know"), or %NULL for %KOERS_ANSWER_NONE
 */
const char *
koers_answer_to_string (KoersAnswer answer)
{
  g_return_val_if_fail (answer <= KOERS_ANSWER_DONT_KNOW, NULL);
  return answer_names[answer];
}

/**
 * koers_answer_from_string:
 * @text: a name as koers_answer_to_string() gives it
 * @answer: (out): the answer
 *
 * Returns: %FALSE when @text names no answer
 */
gboolean
koers_answer_from_string (const char  *text,
                          KoersAnswer *answer)
{
  g_return_val_if_fail (answer != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = KOERS_ANSWER_YES; i < G_N_ELEMENTS (answer_names); i++)
    if (strcmp (text, answer_names[i]) == 0)
      {
        *answer = (KoersAnswer) i;
        return TRUE;
      }
  return FALSE;
}

static KoersAnswer
lookup_answer (GHashTable *answers,
               const char *statement_id)
{
  int value;

  if (answers == NULL)
    return KOERS_ANSWER_NONE;
  value = GPOINTER_TO_INT (g_hash_table_lookup (answers, statement_id));
  /* A value from a newer Koers, or garbage, is no answer rather than a guess. */
  if (value < KOERS_ANSWER_NONE || value > KOERS_ANSWER_DONT_KNOW)
    return KOERS_ANSWER_NONE;
  return (KoersAnswer) value;
}

/**
 * koers_assessment_score_stage:
 * @model: the model the answers belong to
 * @answers: (nullable): statement id → GINT_TO_POINTER (#KoersAnswer);
 *   ids the model does not have are ignored
 * @stage_index: the stage to score
 * @score: (out caller-allocates): the counts and the verdict
 *
 * Scores one stage: yes counts 1, partly 1/2, no 0; don't know and
 * unanswered statements are left out.
 */
void
koers_assessment_score_stage (KoersModel      *model,
                              GHashTable      *answers,
                              guint            stage_index,
                              KoersStageScore *score)
{
  guint answered, points2;

  g_return_if_fail (KOERS_IS_MODEL (model));
  g_return_if_fail (stage_index < koers_model_get_n_stages (model));
  g_return_if_fail (score != NULL);

  memset (score, 0, sizeof *score);
  for (guint i = 0; i < koers_model_get_n_statements (model); i++)
    {
      const KoersStatement *statement = koers_model_get_statement (model, i);

      if (statement->stage_index != stage_index)
        continue;
      score->n_statements++;
      switch (lookup_answer (answers, statement->id))
        {
        case KOERS_ANSWER_YES:
          score->n_yes++;
          break;
        case KOERS_ANSWER_PARTLY:
          score->n_partly++;
          break;
        case KOERS_ANSWER_NO:
          score->n_no++;
          break;
        case KOERS_ANSWER_DONT_KNOW:
          score->n_dont_know++;
          break;
        case KOERS_ANSWER_NONE:
        default:
          break;
        }
    }

  answered = score->n_yes + score->n_partly + score->n_no;
  /* Counted in half points, so that "at least 2/3" is exact: two yes and
   * one no is reached, not a rounding error away from it. */
  points2 = 2 * score->n_yes + score->n_partly;
  score->score = answered > 0 ? points2 / (2.0 * answered) : 0.0;
  score->assessed = answered > 0 && 2 * answered >= score->n_statements;
  score->reached = score->assessed && 3 * points2 >= 2 * (2 * answered);
}

/**
 * koers_assessment_suggest:
 * @model: the model the answers belong to
 * @answers: (nullable): statement id → GINT_TO_POINTER (#KoersAnswer)
 *
 * Suggests where the organisation is now, by the model's suggestion rule
 * (docs/assessment.md): the highest reached stage whose stages beneath are
 * all reached (%KOERS_SUGGESTION_IN_ORDER) or all but one
 * (%KOERS_SUGGESTION_ONE_GAP). When no stage qualifies but the first stage
 * was assessed, the first stage: that is where every organisation starts.
 *
 * Returns: the index of the suggested stage, or -1 when the answers are not
 *   enough to go on (or the model has no statements)
 */
int
koers_assessment_suggest (KoersModel *model,
                          GHashTable *answers)
{
  guint n_stages, allowed_gaps, gaps = 0;
  int suggestion = -1;
  gboolean first_assessed = FALSE;

  g_return_val_if_fail (KOERS_IS_MODEL (model), -1);

  if (koers_model_get_n_statements (model) == 0)
    return -1;

  n_stages = koers_model_get_n_stages (model);
  allowed_gaps = koers_model_get_suggestion_rule (model) == KOERS_SUGGESTION_ONE_GAP ? 1 : 0;

  for (guint s = 0; s < n_stages; s++)
    {
      KoersStageScore score;

      koers_assessment_score_stage (model, answers, s, &score);
      if (s == 0)
        first_assessed = score.assessed;

      if (score.reached)
        {
          if (gaps <= allowed_gaps)
            suggestion = (int) s;
        }
      else if (++gaps > allowed_gaps)
        break;   /* nothing higher can qualify any more */
    }

  if (suggestion < 0 && first_assessed)
    return 0;
  return suggestion;
}

/**
 * koers_assessment_disagrees:
 * @model: the model the answers belong to
 * @answers: (nullable): statement id → GINT_TO_POINTER (#KoersAnswer)
 * @placed_stage_id: (nullable): where the user placed Now
 * @suggested: (out) (optional): the suggested stage index, or -1
 *
 * Tells whether a placement differs from what the answers suggest. That is
 * allowed: it is a finding for the user, never something to correct.
 *
 * Returns: %TRUE when @placed_stage_id is a stage of @model, there is a
 *   suggestion, and the two differ
 */
gboolean
koers_assessment_disagrees (KoersModel *model,
                            GHashTable *answers,
                            const char *placed_stage_id,
                            int        *suggested)
{
  int placed, suggestion;

  g_return_val_if_fail (KOERS_IS_MODEL (model), FALSE);

  suggestion = koers_assessment_suggest (model, answers);
  if (suggested != NULL)
    *suggested = suggestion;

  placed = koers_model_stage_index (model, placed_stage_id);
  return placed >= 0 && suggestion >= 0 && placed != suggestion;
}
