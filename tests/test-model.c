/* test-model.c: the built-in models and the model file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stage ids are a contract (shared/domain/models.md): project files and
 * the command line refer to them, so they are spelled out here in full.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "koers-catalog.h"
#include "koers-error.h"
#include "koers-model.h"
#include "koers-types.h"

typedef struct {
  const char *id;
  const char *stages[12];
} ExpectedModel;

static const ExpectedModel expected_models[] = {
  { "pyramid", { "monitor", "listen", "respond", "create", NULL } },
  { "learning-curve", { "emerging", "tactical", "integrated", "social-business", NULL } },
  { "maturity-matrix", { "planning", "presence", "engagement", "formalized", "strategic", "converged", NULL } },
  { "strategy-model", { "phase-0", "baseline", "analysis", "objectives", "audiences", "go-no-go",
                        "channels", "content", "execution", "monitoring", "evaluation", NULL } },
};

static void
test_builtin_models (void)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();

  g_assert_nonnull (catalog);
  g_assert_cmpuint (koers_catalog_get_n_models (catalog), ==, G_N_ELEMENTS (expected_models));

  for (guint m = 0; m < G_N_ELEMENTS (expected_models); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      const ExpectedModel *e = &expected_models[m];
      guint n = g_strv_length ((char **) e->stages);

      g_test_message ("%s", e->id);
      g_assert_cmpstr (koers_model_get_id (model), ==, e->id);
      g_assert_true (koers_catalog_lookup (catalog, e->id) == model);
      g_assert_cmpint (koers_catalog_index_of (catalog, e->id), ==, (int) m);

      /* name, short name and description */
      g_assert_nonnull (koers_model_get_name (model));
      g_assert_cmpuint (strlen (koers_model_get_name (model)), >, 5);
      g_assert_nonnull (koers_model_get_short_name (model));
      g_assert_cmpuint (strlen (koers_model_get_short_name (model)), >, 2);
      g_assert_cmpuint (strlen (koers_model_get_short_name (model)), <, strlen (koers_model_get_name (model)));
      g_assert_nonnull (koers_model_get_summary (model));
      g_assert_cmpuint (strlen (koers_model_get_summary (model)), >, 10);
      g_assert_nonnull (koers_model_get_source (model));
      g_assert_cmpuint (strlen (koers_model_get_source (model)), >, 0);
      g_assert_true (g_str_has_prefix (koers_model_get_color (model), "#"));
      g_assert_cmpuint (strlen (koers_model_get_color (model)), ==, 7);
      g_assert_nonnull (koers_model_get_diagram (model));

      /* exactly the stage ids of the contract, in order */
      g_assert_cmpuint (koers_model_get_n_stages (model), ==, n);
      for (guint s = 0; s < n; s++)
        {
          const KoersStage *stage = koers_model_get_stage (model, s);

          g_assert_cmpstr (stage->id, ==, e->stages[s]);
          g_assert_cmpuint (stage->index, ==, s);
          g_assert_nonnull (stage->name);
          g_assert_cmpuint (strlen (stage->name), >, 0);
          g_assert_nonnull (stage->description);
          g_assert_cmpuint (strlen (stage->description), >, 0);
          g_assert_true (koers_model_find_stage (model, e->stages[s]) == stage);
          g_assert_cmpint (koers_model_stage_index (model, e->stages[s]), ==, (int) s);
        }
      g_assert_null (koers_model_find_stage (model, "no-such-stage"));
      g_assert_null (koers_model_find_stage (model, NULL));
      g_assert_cmpint (koers_model_stage_index (model, "no-such-stage"), ==, -1);
    }

  g_assert_null (koers_catalog_lookup (catalog, "custom-model"));
  g_assert_null (koers_catalog_lookup (catalog, NULL));
  g_assert_cmpint (koers_catalog_index_of (catalog, "custom-model"), ==, -1);
}

static void
test_builtin_names (void)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  KoersModel *pyramid = koers_catalog_lookup (catalog, "pyramid");
  KoersModel *strategy = koers_catalog_lookup (catalog, "strategy-model");
  const KoersStage *gate;
  g_autofree char *list = koers_model_dup_stage_list (pyramid);

  /* LANGUAGE=en: the English names of the files */
  g_assert_cmpstr (koers_model_get_name (pyramid), ==, "Social Media Pyramid");
  g_assert_cmpstr (koers_model_find_stage (pyramid, "listen")->name, ==, "Listen");
  g_assert_cmpstr (list, ==, "monitor, listen, respond, create");

  /* the Social Strategy Model: a decision gate without a step number,
   * and a note that the steps are a reconstruction */
  gate = koers_model_find_stage (strategy, "go-no-go");
  g_assert_true (gate->gate);
  g_assert_null (gate->step);
  /* phase 0 is named "Phase 0" already; a step number would say it twice */
  g_assert_null (koers_model_find_stage (strategy, "phase-0")->step);
  g_assert_cmpstr (koers_model_find_stage (strategy, "baseline")->step, ==, "1");
  g_assert_cmpstr (koers_model_find_stage (strategy, "evaluation")->step, ==, "9");
  g_assert_false (koers_model_find_stage (strategy, "channels")->gate);
  g_assert_nonnull (koers_model_get_note (strategy));
  g_assert_nonnull (strstr (koers_model_get_note (strategy), "reconstruct"));
}

static void
test_builtin_shared (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersCatalog) fresh = koers_catalog_new_builtin (&error);

  g_assert_no_error (error);
  /* the shared catalog is one object; a new one is equal to it */
  g_assert_true (koers_catalog_get_builtin () == koers_catalog_get_builtin ());
  g_assert_true (fresh != koers_catalog_get_builtin ());
  g_assert_cmpuint (koers_catalog_get_n_models (fresh), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (koers_model_get_id (koers_catalog_get_model (fresh, i)), ==, expected_models[i].id);
}

static gboolean
has_word (const char *text,
          const char *word)
{
  g_auto(GStrv) words = g_regex_split_simple ("[^[:alpha:]']+", text, 0, 0);

  for (guint i = 0; words[i]; i++)
    if (g_ascii_strcasecmp (words[i], word) == 0)
      return TRUE;
  return FALSE;
}

/* Traceable to the model: each part of a statement's basis (parts are
 * separated by ";") quotes the stage's description or tagline. Run with
 * LANGUAGE=en, so both are the English of the file. */
static void
assert_basis_traceable (const KoersStage     *stage,
                        const KoersStatement *statement)
{
  g_autofree char *source = g_ascii_strdown (stage->description, -1);
  g_autofree char *tagline = g_ascii_strdown (stage->tagline ? stage->tagline : "", -1);
  g_auto(GStrv) parts = g_strsplit (statement->basis, ";", -1);

  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *part = g_ascii_strdown (g_strstrip (parts[i]), -1);

      if (strstr (source, part) == NULL && strstr (tagline, part) == NULL)
        g_error ("%s: basis \"%s\" is not in the description of %s", statement->id, part, stage->id);
    }
}

/* Every stage of every built-in model has a questionnaire a workshop can
 * answer: three to six short statements, each a sentence of its own. */
static void
test_builtin_statements (void)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();

  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      guint n_stages = koers_model_get_n_stages (model);
      g_autofree guint *counts = g_new0 (guint, n_stages);
      g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
      guint n = koers_model_get_n_statements (model);

      g_test_message ("%s: %u statements", koers_model_get_id (model), n);
      g_assert_cmpuint (n, >=, n_stages * KOERS_MODEL_MIN_STAGE_STATEMENTS);
      for (guint i = 0; i < n; i++)
        {
          const KoersStatement *statement = koers_model_get_statement (model, i);
          gsize len;

          g_assert_nonnull (statement->id);
          g_assert_true (g_hash_table_add (ids, statement->id));
          g_assert_true (koers_model_find_statement (model, statement->id) == statement);
          g_assert_cmpuint (statement->stage_index, <, n_stages);
          counts[statement->stage_index]++;

          g_assert_nonnull (statement->text);
          len = g_utf8_strlen (statement->text, -1);
          g_assert_cmpuint (len, >=, 20);
          g_assert_cmpuint (len, <, 160);
          g_assert_true (g_str_has_suffix (statement->text, "."));
          /* first person plural, as a workshop says it */
          g_assert_true (has_word (statement->text, "we") ||
                         has_word (statement->text, "our") ||
                         has_word (statement->text, "us"));
          g_assert_nonnull (statement->basis);
          assert_basis_traceable (koers_model_get_stage (model, statement->stage_index), statement);
        }
      for (guint s = 0; s < n_stages; s++)
        {
          g_test_message ("  %s: %u", koers_model_get_stage (model, s)->id, counts[s]);
          g_assert_cmpuint (counts[s], >=, 3);
          g_assert_cmpuint (counts[s], <=, 6);
        }
    }

  /* layers and steps build on each other; maturity curves allow unevenness */
  g_assert_cmpint (koers_model_get_suggestion_rule (koers_catalog_lookup (catalog, "pyramid")),
                   ==, KOERS_SUGGESTION_IN_ORDER);
  g_assert_cmpint (koers_model_get_suggestion_rule (koers_catalog_lookup (catalog, "strategy-model")),
                   ==, KOERS_SUGGESTION_IN_ORDER);
  g_assert_cmpint (koers_model_get_suggestion_rule (koers_catalog_lookup (catalog, "learning-curve")),
                   ==, KOERS_SUGGESTION_ONE_GAP);
  g_assert_cmpint (koers_model_get_suggestion_rule (koers_catalog_lookup (catalog, "maturity-matrix")),
                   ==, KOERS_SUGGESTION_ONE_GAP);

  g_assert_cmpuint (koers_model_find_statement (koers_catalog_lookup (catalog, "pyramid"), "monitor-tool")->stage_index, ==, 0);
  g_assert_null (koers_model_find_statement (koers_catalog_lookup (catalog, "pyramid"), "no-such-statement"));
  g_assert_null (koers_model_find_statement (koers_catalog_lookup (catalog, "pyramid"), NULL));
}

/* --- model files --------------------------------------------------------- */

#define STAGE_A "{ \"id\": \"a\", \"name\": \"A\", \"description\": \"The first.\" }"
#define STAGE_B "{ \"id\": \"b\", \"name\": \"B\", \"description\": \"The second.\" }"

static char *
model_json (const char *color,
            const char *stages)
{
  return g_strdup_printf ("{\n"
                          "  \"format\": \"koers-model\",\n"
                          "  \"version\": 1,\n"
                          "  \"id\": \"test-model\",\n"
                          "  \"name\": \"Test Model\",\n"
                          "  \"short-name\": \"Test\",\n"
                          "  \"source\": \"Nobody, 2026\",\n"
                          "  \"summary\": \"A model for the tests.\",\n"
                          "  \"color\": \"%s\",\n"
                          "  \"diagram\": \"test.svg\",\n"
                          "  \"labels\": { \"left\": \"Left\", \"right\": \"Right\" },\n"
                          "  \"stages\": [ %s ]\n"
                          "}\n", color, stages);
}

/* Three statements for each of STAGE_A and STAGE_B */
#define STATEMENT(id, stage) "{ \"id\": \"" id "\", \"stage\": \"" stage "\", \"text\": \"We do " id ".\" }"
#define STATEMENTS_A STATEMENT ("a1", "a") ", " STATEMENT ("a2", "a") ", " STATEMENT ("a3", "a")
#define STATEMENTS_B STATEMENT ("b1", "b") ", " STATEMENT ("b2", "b") ", " STATEMENT ("b3", "b")

/* The list goes before the stages, to show that member order does not matter. */
static char *
model_with_statements (const char *rule,
                       const char *statements)
{
  g_autofree char *text = model_json ("#3584e4", STAGE_A ", " STAGE_B);
  g_autofree char *members = g_strdup_printf ("\"suggestion-rule\": \"%s\", \"statements\": [ %s ],\n  \"stages\":",
                                              rule, statements);
  GString *edited = g_string_new (text);

  g_assert_cmpuint (g_string_replace (edited, "\"stages\":", members, 1), ==, 1);
  return g_string_free (edited, FALSE);
}

static KoersModel *
model_from_string (const char  *text,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  return koers_model_new_from_bytes (bytes, "broken.json", error);
}

static void
test_model_valid (void)
{
  g_autofree char *text = model_json ("#3584e4", STAGE_A ", " STAGE_B);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersModel) model = model_from_string (text, &error);
  g_auto(GStrv) keys = NULL;
  const char * const expected_keys[] = { "left", "right", NULL };

  g_assert_no_error (error);
  g_assert_cmpstr (koers_model_get_id (model), ==, "test-model");
  g_assert_cmpstr (koers_model_get_short_name (model), ==, "Test");
  g_assert_cmpstr (koers_model_get_color (model), ==, "#3584e4");
  g_assert_null (koers_model_get_note (model));
  g_assert_cmpuint (koers_model_get_n_stages (model), ==, 2);
  g_assert_null (koers_model_get_stage (model, 0)->tagline);
  g_assert_false (koers_model_get_stage (model, 1)->gate);
  keys = koers_model_dup_label_keys (model);
  g_assert_cmpstrv (keys, expected_keys);
  g_assert_cmpstr (koers_model_get_label (model, "left"), ==, "Left");
  g_assert_null (koers_model_get_label (model, "middle"));
  /* a model without a questionnaire is still a model */
  g_assert_cmpuint (koers_model_get_n_statements (model), ==, 0);
  g_assert_null (koers_model_find_statement (model, "a1"));
  g_assert_cmpint (koers_model_get_suggestion_rule (model), ==, KOERS_SUGGESTION_IN_ORDER);
}

static void
test_model_statements_valid (void)
{
  /* stage b's statements first: a stage's statements need not be together */
  g_autofree char *text = model_with_statements ("one-gap", STATEMENTS_B ", "
                                                 "{ \"id\": \"a1\", \"stage\": \"a\", \"text\": \"We do a1.\", \"basis\": \"first\" }, "
                                                 STATEMENT ("a2", "a") ", " STATEMENT ("a3", "a"));
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersModel) model = model_from_string (text, &error);
  const KoersStatement *statement;

  g_assert_no_error (error);
  g_assert_cmpuint (koers_model_get_n_statements (model), ==, 6);
  g_assert_cmpint (koers_model_get_suggestion_rule (model), ==, KOERS_SUGGESTION_ONE_GAP);

  statement = koers_model_get_statement (model, 0);
  g_assert_cmpstr (statement->id, ==, "b1");
  g_assert_cmpuint (statement->stage_index, ==, 1);
  g_assert_cmpstr (statement->text, ==, "We do b1.");
  g_assert_null (statement->basis);

  statement = koers_model_find_statement (model, "a1");
  g_assert_true (statement == koers_model_get_statement (model, 3));
  g_assert_cmpuint (statement->stage_index, ==, 0);
  g_assert_cmpstr (statement->basis, ==, "first");
}

typedef struct {
  const char     *name;
  const char     *rule;
  const char     *statements;
  KoersFileError  code;
  const char     *message;
} BrokenStatements;

static const BrokenStatements broken_statements[] = {
  { "unknown-stage", "in-order", STATEMENTS_A ", " STATEMENTS_B ", " STATEMENT ("c1", "c"),
    KOERS_FILE_ERROR_UNKNOWN_STAGE, "broken.json: statements[6].stage: unknown stage \"c\" (expected one of a, b)" },
  { "duplicate-id", "in-order", STATEMENTS_A ", " STATEMENT ("b1", "b") ", " STATEMENT ("a2", "b") ", " STATEMENT ("b3", "b"),
    KOERS_FILE_ERROR_INVALID, "broken.json: statements[4].id: the statement \"a2\" appears twice" },
  { "empty-text", "in-order", STATEMENTS_A ", " STATEMENTS_B ", { \"id\": \"b4\", \"stage\": \"b\", \"text\": \"\" }",
    KOERS_FILE_ERROR_INVALID, "broken.json: statements[6].text: a statement needs a text" },
  { "blank-text", "in-order", "{ \"id\": \"a0\", \"stage\": \"a\", \"text\": \" \\n\\t \" }, " STATEMENTS_A,
    KOERS_FILE_ERROR_INVALID, "broken.json: statements[0].text: a statement needs a text" },
  { "missing-text", "in-order", "{ \"id\": \"a0\", \"stage\": \"a\" }",
    KOERS_FILE_ERROR_MISSING, "broken.json: statements[0].text: missing; this member is required" },
  { "missing-stage", "in-order", "{ \"id\": \"a0\", \"text\": \"We do.\" }",
    KOERS_FILE_ERROR_MISSING, "broken.json: statements[0].stage: missing; this member is required" },
  { "text-number", "in-order", "{ \"id\": \"a0\", \"stage\": \"a\", \"text\": 3 }",
    KOERS_FILE_ERROR_TYPE, "broken.json: statements[0].text: expected text, found a number" },
  { "basis-list", "in-order", "{ \"id\": \"a0\", \"stage\": \"a\", \"text\": \"We do.\", \"basis\": [] }",
    KOERS_FILE_ERROR_TYPE, "broken.json: statements[0].basis: expected text, found a list" },
  { "bad-id", "in-order", "{ \"id\": \"A 1\", \"stage\": \"a\", \"text\": \"We do.\" }",
    KOERS_FILE_ERROR_INVALID, "broken.json: statements[0].id: \"A 1\" is not a valid id (use lower-case letters, digits and -)" },
  { "not-object", "in-order", STATEMENTS_A ", \"We do b.\"",
    KOERS_FILE_ERROR_TYPE, "broken.json: statements[3]: expected an object, found text" },
  { "too-few", "in-order", STATEMENTS_A ", " STATEMENT ("b1", "b") ", " STATEMENT ("b2", "b"),
    KOERS_FILE_ERROR_INVALID, "broken.json: statements: the stage \"b\" has too few statements (2); each stage needs at least 3" },
  { "none-for-a-stage", "in-order", STATEMENTS_B,
    KOERS_FILE_ERROR_INVALID, "broken.json: statements: the stage \"a\" has too few statements (0); each stage needs at least 3" },
  { "empty-list", "in-order", "",
    KOERS_FILE_ERROR_INVALID, "broken.json: statements: the stage \"a\" has too few statements (0); each stage needs at least 3" },
  { "too-many", "in-order", STATEMENTS_A ", " STATEMENTS_B ", " STATEMENT ("b4", "b") ", " STATEMENT ("b5", "b") ", "
    STATEMENT ("b6", "b") ", " STATEMENT ("b7", "b") ", " STATEMENT ("b8", "b"),
    KOERS_FILE_ERROR_INVALID, "broken.json: statements[9].stage: the stage \"b\" has more than 6 statements" },
  { "unknown-rule", "strict", STATEMENTS_A ", " STATEMENTS_B,
    KOERS_FILE_ERROR_INVALID, "broken.json: suggestion-rule: expected \"in-order\" or \"one-gap\", found \"strict\"" },
};

static void
test_model_statements_broken (gconstpointer data)
{
  const BrokenStatements *c = data;
  g_autofree char *text = model_with_statements (c->rule, c->statements);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersModel) model = model_from_string (text, &error);

  g_assert_null (model);
  g_assert_error (error, KOERS_FILE_ERROR, (int) c->code);
  g_assert_cmpstr (error->message, ==, c->message);
}

static void
test_model_statements_not_list (void)
{
  g_autofree char *text = model_json ("#3584e4", STAGE_A ", " STAGE_B);
  GString *edited = g_string_new (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersModel) model = NULL;

  g_assert_cmpuint (g_string_replace (edited, "\"stages\":", "\"statements\": {}, \"stages\":", 1), ==, 1);
  g_free (text);
  text = g_string_free (edited, FALSE);
  model = model_from_string (text, &error);
  g_assert_null (model);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_TYPE);
  g_assert_cmpstr (error->message, ==, "broken.json: statements: expected a list, found an object");
}

typedef struct {
  const char     *name;
  const char     *color;
  const char     *stages;
  const char     *replace_from;   /* optional edit of the text */
  const char     *replace_to;
  KoersFileError  code;
  const char     *message;
} BrokenModel;

static const BrokenModel broken_models[] = {
  { "stage-id-number", "#3584e4", STAGE_A ", { \"id\": 2, \"name\": \"B\", \"description\": \"x\" }", NULL, NULL,
    KOERS_FILE_ERROR_TYPE, "broken.json: stages[1].id: expected text, found a number" },
  { "stage-missing-name", "#3584e4", STAGE_A ", { \"id\": \"b\", \"description\": \"x\" }", NULL, NULL,
    KOERS_FILE_ERROR_MISSING, "broken.json: stages[1].name: missing; this member is required" },
  { "stage-missing-description", "#3584e4", "{ \"id\": \"a\", \"name\": \"A\" }, " STAGE_B, NULL, NULL,
    KOERS_FILE_ERROR_MISSING, "broken.json: stages[0].description: missing; this member is required" },
  { "stage-not-object", "#3584e4", STAGE_A ", \"b\"", NULL, NULL,
    KOERS_FILE_ERROR_TYPE, "broken.json: stages[1]: expected an object, found text" },
  { "stage-gate-text", "#3584e4", STAGE_A ", { \"id\": \"b\", \"name\": \"B\", \"description\": \"x\", \"gate\": \"yes\" }", NULL, NULL,
    KOERS_FILE_ERROR_TYPE, "broken.json: stages[1].gate: expected true or false, found text" },
  { "duplicate-stage", "#3584e4", STAGE_A ", " STAGE_B ", " STAGE_A, NULL, NULL,
    KOERS_FILE_ERROR_INVALID, "broken.json: stages[2].id: the stage \"a\" appears twice" },
  { "bad-stage-id", "#3584e4", STAGE_A ", { \"id\": \"Stage B\", \"name\": \"B\", \"description\": \"x\" }", NULL, NULL,
    KOERS_FILE_ERROR_INVALID, "broken.json: stages[1].id: \"Stage B\" is not a valid id (use lower-case letters, digits and -)" },
  { "one-stage", "#3584e4", STAGE_A, NULL, NULL,
    KOERS_FILE_ERROR_INVALID, "broken.json: stages: a model needs at least two stages" },
  { "color-name", "blue", STAGE_A ", " STAGE_B, NULL, NULL,
    KOERS_FILE_ERROR_INVALID, "broken.json: color: expected a colour like #3584e4, found \"blue\"" },
  { "color-short", "#38e", STAGE_A ", " STAGE_B, NULL, NULL,
    KOERS_FILE_ERROR_INVALID, "broken.json: color: expected a colour like #3584e4, found \"#38e\"" },
  { "color-not-hex", "#3584eg", STAGE_A ", " STAGE_B, NULL, NULL,
    KOERS_FILE_ERROR_INVALID, "broken.json: color: expected a colour like #3584e4, found \"#3584eg\"" },
  { "stages-not-list", "#3584e4", STAGE_A ", " STAGE_B, "\"stages\": [", "\"stages\": \"none\", \"x-stages\": [",
    KOERS_FILE_ERROR_TYPE, "broken.json: stages: expected a list, found text" },
  { "missing-short-name", "#3584e4", STAGE_A ", " STAGE_B, "\"short-name\": \"Test\",", "",
    KOERS_FILE_ERROR_MISSING, "broken.json: short-name: missing; this member is required" },
  { "bad-model-id", "#3584e4", STAGE_A ", " STAGE_B, "\"id\": \"test-model\"", "\"id\": \"Test_Model\"",
    KOERS_FILE_ERROR_INVALID, "broken.json: id: \"Test_Model\" is not a valid id (use lower-case letters, digits and -)" },
  { "label-number", "#3584e4", STAGE_A ", " STAGE_B, "\"left\": \"Left\"", "\"left\": 1",
    KOERS_FILE_ERROR_TYPE, "broken.json: labels.left: expected text, found a number" },
  { "wrong-format", "#3584e4", STAGE_A ", " STAGE_B, "\"koers-model\"", "\"koers-project\"",
    KOERS_FILE_ERROR_NOT_PROJECT, "broken.json: format: expected \"koers-model\", found \"koers-project\"" },
  { "newer-version", "#3584e4", STAGE_A ", " STAGE_B, "\"version\": 1", "\"version\": 3",
    KOERS_FILE_ERROR_VERSION, NULL },
  { "syntax", "#3584e4", STAGE_A ", " STAGE_B, "\"name\": \"Test Model\",", "\"name\": \"Test Model\"",
    KOERS_FILE_ERROR_SYNTAX, NULL },
};

static void
test_model_broken (gconstpointer data)
{
  const BrokenModel *c = data;
  g_autofree char *text = model_json (c->color, c->stages);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersModel) model = NULL;

  if (c->replace_from != NULL)
    {
      GString *edited = g_string_new (text);

      g_assert_cmpuint (g_string_replace (edited, c->replace_from, c->replace_to, 1), ==, 1);
      g_free (text);
      text = g_string_free (edited, FALSE);
    }

  model = model_from_string (text, &error);
  g_assert_null (model);
  g_assert_error (error, KOERS_FILE_ERROR, (int) c->code);
  g_assert_true (g_str_has_prefix (error->message, "broken.json: "));
  if (c->message != NULL)
    g_assert_cmpstr (error->message, ==, c->message);
  else if (c->code == KOERS_FILE_ERROR_SYNTAX)
    {
      /* broken.json: LINE:COLUMN: … */
      g_autoptr(GRegex) regex = g_regex_new ("^broken\\.json: [0-9]+:[0-9]+: ", 0, 0, NULL);
      g_assert_true (g_regex_match (regex, error->message, 0, NULL));
    }
  else
    g_assert_nonnull (strstr (error->message, "reads format version 1"));
}

static void
test_model_not_object (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersModel) model = model_from_string ("[]", &error);

  g_assert_null (model);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_NOT_PROJECT);
  g_assert_cmpstr (error->message, ==, "broken.json: expected a model (a JSON object), found a list");
}

static void
test_model_too_deep (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersModel) model = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '{');
  bytes = g_string_free_to_bytes (text);
  model = koers_model_new_from_bytes (bytes, "deep.json", &error);
  g_assert_null (model);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_TOO_DEEP);
  g_assert_true (g_str_has_prefix (error->message, "deep.json: 1:65: "));
}

static void
test_catalog_duplicate (void)
{
  g_autofree char *text = model_json ("#3584e4", STAGE_A ", " STAGE_B);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersModel) one = model_from_string (text, &error);
  g_autoptr(KoersModel) two = model_from_string (text, &error);
  g_autoptr(KoersCatalog) catalog = koers_catalog_new ();

  g_assert_no_error (error);
  g_assert_true (koers_catalog_add_model (catalog, one, &error));
  g_assert_no_error (error);
  g_assert_false (koers_catalog_add_model (catalog, two, &error));
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "there are two models with the id \"test-model\"");
  g_assert_cmpuint (koers_catalog_get_n_models (catalog), ==, 1);
  g_assert_true (koers_catalog_get_model (catalog, 0) == one);
}

/* Dates name their month in the language of the interface, from our own
 * catalogue: LANGUAGE=nl alone must give Dutch months, whatever LC_TIME is. */
static void
test_format_dates (void)
{
  const char *localedir = g_getenv ("KOERS_LOCALEDIR");
  g_autofree char *mo = NULL;
  g_autofree char *month = koers_format_month (2027, 3);
  g_autofree char *day = koers_format_day (2026, 11, 3);
  g_autofree char *dutch_month = NULL;
  g_autofree char *dutch_day = NULL;

  g_assert_cmpstr (month, ==, "March 2027");
  g_assert_cmpstr (day, ==, "3 November 2026");
  g_assert_null (koers_format_month (2027, 0));
  g_assert_null (koers_format_month (2027, 13));
  g_assert_null (koers_format_day (2027, -1, 1));

  if (localedir == NULL)
    {
      g_test_skip ("KOERS_LOCALEDIR not set: no Dutch catalogue to test with");
      return;
    }
  mo = g_build_filename (localedir, "nl", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("Dutch catalogue not built");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "nl", TRUE);
  setlocale (LC_ALL, "");
  dutch_month = koers_format_month (2027, 3);
  dutch_day = koers_format_day (2026, 11, 3);
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");

  g_assert_cmpstr (dutch_month, ==, "maart 2027");
  g_assert_cmpstr (dutch_day, ==, "3 november 2026");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/model/builtin/models", test_builtin_models);
  g_test_add_func ("/core/model/builtin/names", test_builtin_names);
  g_test_add_func ("/core/model/builtin/shared", test_builtin_shared);
  g_test_add_func ("/core/model/builtin/statements", test_builtin_statements);
  g_test_add_func ("/core/model/file/valid", test_model_valid);
  for (guint i = 0; i < G_N_ELEMENTS (broken_models); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/model/file/%s", broken_models[i].name);
      g_test_add_data_func (path, &broken_models[i], test_model_broken);
    }
  g_test_add_func ("/core/model/file/not-object", test_model_not_object);
  g_test_add_func ("/core/model/statements/valid", test_model_statements_valid);
  g_test_add_func ("/core/model/statements/not-list", test_model_statements_not_list);
  for (guint i = 0; i < G_N_ELEMENTS (broken_statements); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/model/statements/%s", broken_statements[i].name);
      g_test_add_data_func (path, &broken_statements[i], test_model_statements_broken);
    }
  g_test_add_func ("/core/model/file/too-deep", test_model_too_deep);
  g_test_add_func ("/core/model/catalog/duplicate", test_catalog_duplicate);
  g_test_add_func ("/core/format/dates", test_format_dates);

  return g_test_run ();
}
