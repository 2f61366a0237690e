/* test-answers.c: answers to the models' statements in a project, their
 * place in the file (docs/file-format.md) and in the undo history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "koers-error.h"
#include "koers-history.h"
#include "koers-project.h"
#include "koers-roadmap.h"
#include "koers-test-util.h"

static const KoersTestRefusedFile broken[] = {
  { "answers-not-object.koers", KOERS_FILE_ERROR_TYPE,
    "answers: expected an object, found a list" },
  { "answers-model-not-object.koers", KOERS_FILE_ERROR_TYPE,
    "answers.pyramid: expected an object, found text" },
  { "answer-not-object.koers", KOERS_FILE_ERROR_TYPE,
    "answers.pyramid.monitor-tool: expected an object, found text" },
  { "bad-answer.koers", KOERS_FILE_ERROR_INVALID,
    "answers.pyramid.monitor-tool.answer: unknown answer \"maybe\" (expected one of yes, partly, no, dont-know)" },
  { "answer-not-string.koers", KOERS_FILE_ERROR_TYPE,
    "answers.pyramid.monitor-tool.answer: expected text, found true or false" },
  { "answer-note-not-string.koers", KOERS_FILE_ERROR_TYPE,
    "answers.pyramid.monitor-tool.note: expected text, found a list" },
  /* kept when it is an answer, refused when it is not one */
  { "bad-answer-unknown-statement.koers", KOERS_FILE_ERROR_INVALID,
    "answers.pyramid.monitor-old.answer: unknown answer \"always\" (expected one of yes, partly, no, dont-know)" },
};

static gboolean
has_warning (KoersProject *project,
             const char   *start)
{
  const GPtrArray *warnings = koers_project_get_warnings (project);

  for (guint i = 0; i < warnings->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (warnings, i), start))
      return TRUE;
  return FALSE;
}

static JsonObject *
parse_object (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_load (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("answers-kept.koers");
  g_autoptr(GHashTable) table = NULL;

  g_assert_cmpint (koers_project_get_answer (project, "pyramid", "monitor-tool"), ==, KOERS_ANSWER_YES);
  g_assert_cmpint (koers_project_get_answer (project, "pyramid", "monitor-sector"), ==, KOERS_ANSWER_PARTLY);
  g_assert_cmpint (koers_project_get_answer (project, "pyramid", "monitor-daily"), ==, KOERS_ANSWER_DONT_KNOW);
  g_assert_cmpint (koers_project_get_answer (project, "pyramid", "monitor-share"), ==, KOERS_ANSWER_NONE);
  g_assert_cmpint (koers_project_get_answer (project, "pyramid", "listen-read"), ==, KOERS_ANSWER_NO);
  g_assert_cmpint (koers_project_get_answer (project, "pyramid", "monitor-old"), ==, KOERS_ANSWER_NONE);
  g_assert_cmpstr (koers_project_get_answer_note (project, "pyramid", "monitor-tool"), ==,
                   "Brandwatch, search terms in the wiki");
  g_assert_cmpstr (koers_project_get_answer_note (project, "pyramid", "monitor-share"), ==, "ask Anna");
  g_assert_null (koers_project_get_answer_note (project, "pyramid", "listen-read"));

  /* a note alone is no answer; the unknown statement is not scored */
  table = koers_project_dup_answers (project, "pyramid");
  g_assert_cmpuint (g_hash_table_size (table), ==, 4);
  g_assert_true (koers_project_has_answers (project, "pyramid"));
  g_assert_false (koers_project_has_answers (project, "learning-curve"));

  g_assert_true (has_warning (project, "answers.pyramid.monitor-old: "));
  g_assert_true (has_warning (project, "answers.my-own-model: "));
}

/* Old files stay as they were: no answers member appears. */
static void
test_old_file_unchanged (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-full.koers");
  g_autoptr(GBytes) out = koers_project_to_bytes (project);
  g_autoptr(JsonObject) root = parse_object (out);

  g_assert_false (json_object_has_member (root, "answers"));
  g_assert_false (koers_project_has_answers (project, "pyramid"));
}

static void
test_round_trip (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("answers-kept.koers");
  g_autoptr(GBytes) out = koers_project_to_bytes (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) again = koers_project_load_from_bytes (NULL, out, &error);
  g_autoptr(GBytes) out2 = NULL;
  g_autoptr(JsonObject) root = parse_object (out);
  JsonObject *answers, *pyramid, *tool;
  g_autoptr(GList) order = NULL;

  g_assert_no_error (error);
  out2 = koers_project_to_bytes (again);
  g_assert_true (g_bytes_equal (out, out2));

  answers = json_object_get_object_member (root, "answers");
  pyramid = json_object_get_object_member (answers, "pyramid");
  tool = json_object_get_object_member (pyramid, "monitor-tool");
  g_assert_cmpstr (json_object_get_string_member (tool, "answer"), ==, "yes");
  g_assert_cmpstr (json_object_get_string_member (tool, "x-source"), ==, "audit");
  /* the statement the model does not have, as it was */
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (
                     json_object_get_object_member (pyramid, "monitor-old"), "x-kept")), ==, 2);
  g_assert_true (json_object_has_member (answers, "my-own-model"));
  /* statements in the model's order */
  order = json_object_get_members (pyramid);
  g_assert_cmpstr (order->data, ==, "monitor-tool");
  g_assert_cmpstr (g_list_last (order)->data, ==, "monitor-old");
}

static void
test_set (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) cleared = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(KoersProject) again = NULL;

  g_assert_true (koers_project_set_answer (project, "learning-curve", "emerging-accounts",
                                           KOERS_ANSWER_PARTLY, &error));
  g_assert_no_error (error);
  g_assert_true (koers_project_set_answer_note (project, "learning-curve", "emerging-accounts",
                                                "https://example.org/accounts.xlsx", &error));
  g_assert_no_error (error);

  out = koers_project_to_bytes (project);
  again = koers_project_load_from_bytes (NULL, out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (koers_project_get_answer (again, "learning-curve", "emerging-accounts"), ==,
                   KOERS_ANSWER_PARTLY);
  g_assert_cmpstr (koers_project_get_answer_note (again, "learning-curve", "emerging-accounts"), ==,
                   "https://example.org/accounts.xlsx");

  /* clearing both leaves no trace in the file */
  g_assert_true (koers_project_set_answer (project, "learning-curve", "emerging-accounts",
                                           KOERS_ANSWER_NONE, NULL));
  g_assert_true (koers_project_set_answer_note (project, "learning-curve", "emerging-accounts", "", NULL));
  cleared = koers_project_to_bytes (project);
  root = parse_object (cleared);
  g_assert_false (json_object_has_member (root, "answers"));

  g_assert_false (koers_project_set_answer (project, "pyramid", "no-such-statement",
                                            KOERS_ANSWER_YES, &error));
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The Social Media Pyramid has no statement “no-such-statement”");
  g_clear_error (&error);
  g_assert_false (koers_project_set_answer (project, "no-model", "monitor-tool",
                                            KOERS_ANSWER_YES, &error));
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (koers_project_set_field (project, KOERS_FIELD_ANSWER, "pyramid/monitor-tool",
                                           "maybe", &error));
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (koers_project_set_field (project, KOERS_FIELD_ANSWER, "pyramid", "yes", &error));
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID);
  g_assert_false (koers_project_has_answers (project, "pyramid"));
}

static void
test_suggest (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  KoersModel *model = koers_catalog_lookup (koers_project_get_catalog (project), "pyramid");

  g_assert_cmpint (koers_project_suggest_stage (project, "pyramid"), ==, -1);
  /* yes on Monitor and Listen, no on the rest: Listen */
  for (guint i = 0; i < koers_model_get_n_statements (model); i++)
    {
      const KoersStatement *st = koers_model_get_statement (model, i);

      g_assert_true (koers_project_set_answer (project, "pyramid", st->id,
                                               st->stage_index <= 1 ? KOERS_ANSWER_YES : KOERS_ANSWER_NO,
                                               NULL));
    }
  g_assert_cmpint (koers_project_suggest_stage (project, "pyramid"), ==, 1);
  g_assert_cmpint (koers_project_suggest_stage (project, "no-model"), ==, -1);
}

/* Yes up to and including @top (by stage index), no above it. */
static void
answer_up_to (KoersProject *project,
              const char   *model_id,
              guint         top)
{
  KoersModel *model = koers_catalog_lookup (koers_project_get_catalog (project), model_id);

  for (guint i = 0; i < koers_model_get_n_statements (model); i++)
    {
      const KoersStatement *st = koers_model_get_statement (model, i);

      g_assert_true (koers_project_set_answer (project, model_id, st->id,
                                               st->stage_index <= top ? KOERS_ANSWER_YES : KOERS_ANSWER_NO,
                                               NULL));
    }
}

static void
test_draft (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autofree char *empty = koers_project_dup_answers_draft (project, "pyramid");
  g_autofree char *draft = NULL;

  g_assert_null (empty);
  answer_up_to (project, "pyramid", 1);
  g_assert_true (koers_project_set_answer (project, "pyramid", "monitor-daily", KOERS_ANSWER_DONT_KNOW, NULL));
  g_assert_true (koers_project_set_answer_note (project, "pyramid", "monitor-tool", "Brandwatch", NULL));
  draft = koers_project_dup_answers_draft (project, "pyramid");
  g_assert_true (g_str_has_prefix (draft, "Our answers to the questionnaire point to Listen.\n\nMonitor\n- Yes: "));
  g_assert_nonnull (strstr (draft, " (evidence: Brandwatch)\n"));
  g_assert_nonnull (strstr (draft, "\n- Don’t know: "));
  g_assert_nonnull (strstr (draft, "\n\nCreate\n- No: "));
  /* a draft is offered, never written by itself */
  g_assert_null (koers_project_get_rationale (project, "pyramid"));
}

static gboolean
has_finding (KoersRoadmap *roadmap,
             const char   *id,
             const char   *message)
{
  const GPtrArray *findings = koers_roadmap_get_findings (roadmap);

  for (guint i = 0; i < findings->len; i++)
    {
      const KoersFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->id, id))
        {
          if (message != NULL)
            g_assert_cmpstr (f->message, ==, message);
          return TRUE;
        }
    }
  return FALSE;
}

/* Placing Now elsewhere than the answers point is a finding, and the
 * review of phase 0 plans going over it; agreeing is neither. */
static void
test_disagreement (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(KoersRoadmap) agree = NULL;
  g_autoptr(KoersRoadmap) disagree = NULL;
  g_autoptr(KoersRoadmap) unplaced = NULL;

  answer_up_to (project, "pyramid", 1);
  unplaced = koers_roadmap_build (project, NULL);
  g_assert_false (has_finding (unplaced, "answers-disagree/pyramid", NULL));
  g_assert_null (koers_roadmap_lookup_item (unplaced, "phase-0/review-answers"));

  g_assert_true (koers_project_place (project, "pyramid", KOERS_MARKER_CURRENT, "listen", NULL));
  agree = koers_roadmap_build (project, NULL);
  g_assert_false (has_finding (agree, "answers-disagree/pyramid", NULL));
  g_assert_null (koers_roadmap_lookup_item (agree, "phase-0/review-answers"));

  g_assert_true (koers_project_place (project, "pyramid", KOERS_MARKER_CURRENT, "create", NULL));
  disagree = koers_roadmap_build (project, NULL);
  g_assert_true (has_finding (disagree, "answers-disagree/pyramid",
                              "Social Media Pyramid: you placed Create; your answers point to Listen. "
                              "Either the placement or some answers are off: phase 0 plans going over them with colleagues."));
  g_assert_nonnull (koers_roadmap_lookup_item (disagree, "phase-0/review-answers"));
}

typedef struct {
  KoersHistory *history;
  guint         n_changed;
  gboolean      could_undo;
} ChangedProbe;

static void
on_history_changed (KoersHistory *history,
                    KoersField    field,
                    const char   *key,
                    ChangedProbe *probe)
{
  probe->n_changed++;
  probe->could_undo = koers_history_can_undo (history);
  g_assert_cmpint (field, ==, KOERS_FIELD_ANSWER);
  g_assert_cmpstr (key, ==, "pyramid/monitor-tool");
}

static void
test_undo (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(KoersHistory) history = koers_history_new (project);
  g_autofree char *key = koers_project_answer_key ("pyramid", "monitor-tool");
  g_autoptr(GError) error = NULL;
  ChangedProbe probe = { history, 0, FALSE };
  gulong id;

  id = g_signal_connect (history, "changed", G_CALLBACK (on_history_changed), &probe);
  g_assert_true (koers_history_set (history, KOERS_FIELD_ANSWER, key, "yes", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (probe.n_changed, ==, 1);
  g_assert_true (probe.could_undo);   /* the command was recorded first */
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Answer statement");
  g_assert_true (koers_history_set (history, KOERS_FIELD_ANSWER, key, "partly", NULL));
  g_signal_handler_disconnect (history, id);

  /* a note typed letter by letter is one step */
  g_assert_true (koers_history_set (history, KOERS_FIELD_ANSWER_NOTE, key, "B", NULL));
  g_assert_true (koers_history_set (history, KOERS_FIELD_ANSWER_NOTE, key, "Br", NULL));
  g_assert_true (koers_history_set (history, KOERS_FIELD_ANSWER_NOTE, key, "Brandwatch", NULL));
  g_assert_true (koers_history_undo (history));
  g_assert_null (koers_project_get_answer_note (project, "pyramid", "monitor-tool"));
  g_assert_cmpint (koers_project_get_answer (project, "pyramid", "monitor-tool"), ==, KOERS_ANSWER_PARTLY);

  g_assert_true (koers_history_undo (history));
  g_assert_cmpint (koers_project_get_answer (project, "pyramid", "monitor-tool"), ==, KOERS_ANSWER_YES);
  g_assert_true (koers_history_undo (history));
  g_assert_cmpint (koers_project_get_answer (project, "pyramid", "monitor-tool"), ==, KOERS_ANSWER_NONE);
  g_assert_false (koers_history_get_modified (history));
  g_assert_true (koers_history_redo (history));
  g_assert_cmpint (koers_project_get_answer (project, "pyramid", "monitor-tool"), ==, KOERS_ANSWER_YES);

  /* a refused answer records nothing */
  g_assert_false (koers_history_set (history, KOERS_FIELD_ANSWER, key, "maybe", &error));
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID);
  g_assert_cmpint (koers_project_get_answer (project, "pyramid", "monitor-tool"), ==, KOERS_ANSWER_YES);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *name = g_strconcat ("/answers/broken/", broken[i].file, NULL);

      g_test_add_data_func (name, &broken[i], koers_test_assert_refused);
    }
  g_test_add_func ("/answers/load", test_load);
  g_test_add_func ("/answers/old-file-unchanged", test_old_file_unchanged);
  g_test_add_func ("/answers/round-trip", test_round_trip);
  g_test_add_func ("/answers/set", test_set);
  g_test_add_func ("/answers/suggest", test_suggest);
  g_test_add_func ("/answers/undo", test_undo);
  g_test_add_func ("/answers/draft", test_draft);
  g_test_add_func ("/answers/disagreement", test_disagreement);

  return g_test_run ();
}
