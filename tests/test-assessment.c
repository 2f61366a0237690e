/* test-assessment.c: the rule that suggests a stage from answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Answers are written per stage, one word per stage in the model's order:
 * a single letter answers every statement of the stage that way, more
 * letters answer the stage's statements one by one and leave the rest
 * unanswered. y = yes, p = partly, n = no, ? = don't know, - = unanswered.
 */
#include "config.h"

#include <string.h>

#include "koers-assessment.h"
#include "koers-catalog.h"
#include "koers-model.h"

static KoersAnswer
answer_for (char c)
{
  switch (c)
    {
    case 'y': return KOERS_ANSWER_YES;
    case 'p': return KOERS_ANSWER_PARTLY;
    case 'n': return KOERS_ANSWER_NO;
    case '?': return KOERS_ANSWER_DONT_KNOW;
    case '-': return KOERS_ANSWER_NONE;
    default: g_assert_not_reached ();
    }
}

static GHashTable *
answers_new (KoersModel *model,
             const char *spec)
{
  g_auto(GStrv) words = g_strsplit (spec, " ", -1);
  GHashTable *answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpuint (g_strv_length (words), ==, koers_model_get_n_stages (model));
  for (guint s = 0; words[s]; s++)
    {
      const char *word = words[s];
      guint position = 0;

      for (guint i = 0; i < koers_model_get_n_statements (model); i++)
        {
          const KoersStatement *statement = koers_model_get_statement (model, i);
          KoersAnswer answer;

          if (statement->stage_index != s)
            continue;
          if (strlen (word) == 1)
            answer = answer_for (word[0]);
          else if (position < strlen (word))
            answer = answer_for (word[position]);
          else
            answer = KOERS_ANSWER_NONE;
          position++;
          if (answer != KOERS_ANSWER_NONE)
            g_hash_table_insert (answers, g_strdup (statement->id), GINT_TO_POINTER (answer));
        }
      /* a word longer than the stage's list would be a mistake in the table */
      g_assert_true (strlen (word) == 1 || strlen (word) <= position);
    }
  return answers;
}

typedef struct {
  const char *name;
  const char *model;
  const char *answers;
  const char *expected;   /* stage id, or NULL for no suggestion */
} SuggestCase;

static const SuggestCase suggest_cases[] = {
  /* Pyramid: in order, a layer counts only when the ones beneath it do */
  { "pyramid/all-yes", "pyramid", "y y y y", "create" },
  { "pyramid/two-layers", "pyramid", "y y n n", "listen" },
  { "pyramid/create-without-monitor", "pyramid", "n y y y", "monitor" },
  { "pyramid/create-without-listen", "pyramid", "y n y y", "monitor" },
  { "pyramid/gap-in-the-middle", "pyramid", "y y n y", "listen" },
  { "pyramid/all-no", "pyramid", "n n n n", "monitor" },
  { "pyramid/all-partly", "pyramid", "p p p p", "monitor" },
  { "pyramid/two-thirds-is-enough", "pyramid", "yyn ppy y n", "respond" },
  { "pyramid/under-two-thirds", "pyramid", "y ynn y y", "monitor" },
  { "pyramid/dont-know-left-out", "pyramid", "yy?? y n n", "listen" },
  { "pyramid/dont-know-everywhere", "pyramid", "? ? ? ?", NULL },
  { "pyramid/nothing-answered", "pyramid", "- - - -", NULL },
  { "pyramid/base-unknown", "pyramid", "? y y y", NULL },
  { "pyramid/base-half-answered", "pyramid", "yy y n n", "listen" },
  { "pyramid/base-under-half-answered", "pyramid", "y??? y y y", NULL },
  { "pyramid/layer-under-half-answered", "pyramid", "y y--- y y", "monitor" },

  /* Learning Curve: one unreached stage beneath is allowed */
  { "learning-curve/all-yes", "learning-curve", "y y y y", "social-business" },
  { "learning-curve/one-gap", "learning-curve", "y n y n", "integrated" },
  { "learning-curve/one-gap-at-the-base", "learning-curve", "n y y n", "integrated" },
  { "learning-curve/two-gaps", "learning-curve", "n n y y", "emerging" },
  { "learning-curve/two-gaps-above-the-base", "learning-curve", "y n n y", "emerging" },
  { "learning-curve/tactical", "learning-curve", "n y n n", "tactical" },
  { "learning-curve/base-skipped", "learning-curve", "- y y y", "social-business" },
  { "learning-curve/dont-know-everywhere", "learning-curve", "? ? ? ?", NULL },
  { "learning-curve/only-the-top", "learning-curve", "- - - y", NULL },

  /* Maturity Matrix: one unreached stage beneath is allowed */
  { "maturity-matrix/all-yes", "maturity-matrix", "y y y y y y", "converged" },
  { "maturity-matrix/one-gap", "maturity-matrix", "y y y n y y", "converged" },
  { "maturity-matrix/two-gaps", "maturity-matrix", "y y n n y y", "presence" },
  { "maturity-matrix/not-converged", "maturity-matrix", "y y y y y n", "strategic" },
  { "maturity-matrix/only-planning", "maturity-matrix", "y n n n n n", "planning" },
  { "maturity-matrix/nothing-answered", "maturity-matrix", "- - - - - -", NULL },
  { "maturity-matrix/partly-and-dont-know", "maturity-matrix", "pyy? yyp? ? - - -", "presence" },

  /* Strategy Model: steps in order, the gate among them */
  { "strategy-model/all-done", "strategy-model", "y y y y y y y y y y y", "evaluation" },
  { "strategy-model/before-the-gate", "strategy-model", "y y y y y n n n n n n", "audiences" },
  { "strategy-model/gate-passed", "strategy-model", "y y y y y y n n n n n", "go-no-go" },
  { "strategy-model/no-phase-0", "strategy-model", "n y y y y y y y y y y", "phase-0" },
  { "strategy-model/phase-0-unknown", "strategy-model", "? y y y y y y y y y y", NULL },
  { "strategy-model/step-skipped", "strategy-model", "y y n y y y y y y y y", "baseline" },
};

static void
test_suggest (gconstpointer data)
{
  const SuggestCase *c = data;
  KoersModel *model = koers_catalog_lookup (koers_catalog_get_builtin (), c->model);
  g_autoptr(GHashTable) answers = NULL;
  int suggestion;

  g_assert_nonnull (model);
  answers = answers_new (model, c->answers);
  suggestion = koers_assessment_suggest (model, answers);
  if (c->expected == NULL)
    g_assert_cmpint (suggestion, ==, -1);
  else
    {
      g_assert_cmpint (suggestion, >=, 0);
      g_assert_cmpstr (koers_model_get_stage (model, (guint) suggestion)->id, ==, c->expected);
    }
}

static void
test_score_stage (void)
{
  KoersModel *pyramid = koers_catalog_lookup (koers_catalog_get_builtin (), "pyramid");
  g_autoptr(GHashTable) answers = answers_new (pyramid, "yp?- ynn - -");
  KoersStageScore score;

  koers_assessment_score_stage (pyramid, answers, 0, &score);
  g_assert_cmpuint (score.n_statements, ==, 4);
  g_assert_cmpuint (score.n_yes, ==, 1);
  g_assert_cmpuint (score.n_partly, ==, 1);
  g_assert_cmpuint (score.n_no, ==, 0);
  g_assert_cmpuint (score.n_dont_know, ==, 1);
  g_assert_cmpfloat_with_epsilon (score.score, 0.75, 1e-9);
  g_assert_true (score.assessed);
  g_assert_true (score.reached);

  koers_assessment_score_stage (pyramid, answers, 1, &score);
  g_assert_cmpuint (score.n_yes, ==, 1);
  g_assert_cmpuint (score.n_no, ==, 2);
  g_assert_cmpfloat_with_epsilon (score.score, 1.0 / 3.0, 1e-9);
  g_assert_true (score.assessed);
  g_assert_false (score.reached);

  koers_assessment_score_stage (pyramid, answers, 2, &score);
  g_assert_cmpuint (score.n_statements, ==, 4);
  g_assert_cmpfloat (score.score, ==, 0.0);
  g_assert_false (score.assessed);
  g_assert_false (score.reached);

  /* no table at all is no answers */
  koers_assessment_score_stage (pyramid, NULL, 3, &score);
  g_assert_false (score.assessed);
  g_assert_cmpint (koers_assessment_suggest (pyramid, NULL), ==, -1);
}

/* Answers stored under ids the model no longer has, or with values no
 * Koers knows, change nothing. */
static void
test_stray_answers (void)
{
  KoersModel *pyramid = koers_catalog_lookup (koers_catalog_get_builtin (), "pyramid");
  g_autoptr(GHashTable) answers = answers_new (pyramid, "y n - -");

  g_assert_cmpint (koers_assessment_suggest (pyramid, answers), ==, 0);
  g_hash_table_insert (answers, g_strdup ("listen-old-statement"), GINT_TO_POINTER (KOERS_ANSWER_YES));
  g_hash_table_insert (answers, g_strdup ("listen-read"), GINT_TO_POINTER (42));
  g_assert_cmpint (koers_assessment_suggest (pyramid, answers), ==, 0);
  g_hash_table_insert (answers, g_strdup ("listen-read"), GINT_TO_POINTER (-3));
  g_assert_cmpint (koers_assessment_suggest (pyramid, answers), ==, 0);
}

static void
test_no_statements (void)
{
  static const char text[] =
    "{ \"format\": \"koers-model\", \"version\": 1, \"id\": \"plain\", \"name\": \"Plain Model\","
    "  \"short-name\": \"Plain\", \"source\": \"Nobody\", \"summary\": \"Two stages.\","
    "  \"color\": \"#3584e4\", \"diagram\": \"plain.svg\","
    "  \"stages\": [ { \"id\": \"a\", \"name\": \"A\", \"description\": \"A.\" },"
    "              { \"id\": \"b\", \"name\": \"B\", \"description\": \"B.\" } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersModel) model = koers_model_new_from_bytes (bytes, "plain.json", &error);
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
  int suggested = 7;

  g_assert_no_error (error);
  g_hash_table_insert (answers, (char *) "a1", GINT_TO_POINTER (KOERS_ANSWER_YES));
  g_assert_cmpint (koers_assessment_suggest (model, answers), ==, -1);
  g_assert_false (koers_assessment_disagrees (model, answers, "b", &suggested));
  g_assert_cmpint (suggested, ==, -1);
}

static void
test_disagrees (void)
{
  KoersModel *pyramid = koers_catalog_lookup (koers_catalog_get_builtin (), "pyramid");
  KoersModel *matrix = koers_catalog_lookup (koers_catalog_get_builtin (), "maturity-matrix");
  g_autoptr(GHashTable) contradictory = answers_new (pyramid, "n y y y");
  g_autoptr(GHashTable) unknown = answers_new (pyramid, "? ? ? ?");
  g_autoptr(GHashTable) uneven = answers_new (matrix, "y y y n y y");
  int suggested = 99;

  /* "you placed Create; your answers point to Monitor" */
  g_assert_true (koers_assessment_disagrees (pyramid, contradictory, "create", &suggested));
  g_assert_cmpint (suggested, ==, 0);
  g_assert_false (koers_assessment_disagrees (pyramid, contradictory, "monitor", &suggested));
  g_assert_cmpint (suggested, ==, 0);
  g_assert_true (koers_assessment_disagrees (pyramid, contradictory, "listen", NULL));

  /* nothing to disagree with: no placement, a stage the model lacks, or no suggestion */
  g_assert_false (koers_assessment_disagrees (pyramid, contradictory, NULL, &suggested));
  g_assert_false (koers_assessment_disagrees (pyramid, contradictory, "converged", &suggested));
  g_assert_false (koers_assessment_disagrees (pyramid, unknown, "create", &suggested));
  g_assert_cmpint (suggested, ==, -1);

  /* the Matrix allows one gap: Converged agrees, Formalized (the gap) does not */
  g_assert_false (koers_assessment_disagrees (matrix, uneven, "converged", &suggested));
  g_assert_cmpint (suggested, ==, 5);
  g_assert_true (koers_assessment_disagrees (matrix, uneven, "formalized", &suggested));
}

static void
test_answer_names (void)
{
  static const struct { KoersAnswer answer; const char *name; } names[] = {
    { KOERS_ANSWER_YES, "yes" },
    { KOERS_ANSWER_PARTLY, "partly" },
    { KOERS_ANSWER_NO, "no" },
    { KOERS_ANSWER_DONT_KNOW, "dont-know" },
  };
  KoersAnswer answer = KOERS_ANSWER_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (koers_answer_to_string (names[i].answer), ==, names[i].name);
      g_assert_true (koers_answer_from_string (names[i].name, &answer));
      g_assert_cmpint (answer, ==, names[i].answer);
    }
  g_assert_null (koers_answer_to_string (KOERS_ANSWER_NONE));
  answer = KOERS_ANSWER_YES;
  g_assert_false (koers_answer_from_string ("maybe", &answer));
  g_assert_false (koers_answer_from_string ("Yes", &answer));
  g_assert_false (koers_answer_from_string ("", &answer));
  g_assert_false (koers_answer_from_string (NULL, &answer));
  g_assert_cmpint (answer, ==, KOERS_ANSWER_YES);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suggest_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/assessment/suggest/%s", suggest_cases[i].name);
      g_test_add_data_func (path, &suggest_cases[i], test_suggest);
    }
  g_test_add_func ("/core/assessment/score-stage", test_score_stage);
  g_test_add_func ("/core/assessment/stray-answers", test_stray_answers);
  g_test_add_func ("/core/assessment/no-statements", test_no_statements);
  g_test_add_func ("/core/assessment/disagrees", test_disagrees);
  g_test_add_func ("/core/assessment/answer-names", test_answer_names);

  return g_test_run ();
}
