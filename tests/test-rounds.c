/* test-rounds.c: closed rounds of assessment in the file
 * (docs/file-format.md), closing one as an undoable edit, and what moved
 * since the last one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <time.h>

#include "koers-error.h"
#include "koers-history.h"
#include "koers-project.h"
#include "koers-roadmap.h"
#include "koers-test-util.h"

static const KoersTestRefusedFile broken[] = {
  { "rounds-not-list.koers", KOERS_FILE_ERROR_TYPE,
    "rounds: expected a list, found an object" },
  { "round-not-object.koers", KOERS_FILE_ERROR_TYPE,
    "rounds[0]: expected an object, found text" },
  { "round-without-date.koers", KOERS_FILE_ERROR_MISSING,
    "rounds[0].closed: missing; this member is required" },
  { "round-bad-date.koers", KOERS_FILE_ERROR_INVALID,
    "rounds[0].closed: expected a date like 2026-11-20, found \"2026-09-31\"" },
  { "round-bad-stage.koers", KOERS_FILE_ERROR_UNKNOWN_STAGE,
    "rounds[0].placements.pyramid.current: unknown stage \"shout\" (expected one of monitor, listen, respond, create)" },
  { "round-bad-count.koers", KOERS_FILE_ERROR_INVALID,
    "rounds[0].roadmap.done: expected how many items had this status, a whole number from 0" },
  { "round-bad-status.koers", KOERS_FILE_ERROR_INVALID,
    "rounds[0].items.phase-0/management-support: unknown status \"finished\" (expected one of todo, doing, done, skipped)" },
  { "round-bad-answer.koers", KOERS_FILE_ERROR_INVALID,
    "rounds[0].answers.pyramid.monitor-tool: unknown answer \"maybe\" (expected one of yes, partly, no, dont-know)" },
};

static void
test_load_and_round_trip (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("rounds-kept.koers");
  g_autoptr(GBytes) out = koers_project_to_bytes (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) again = koers_project_load_from_bytes (NULL, out, &error);
  g_autoptr(GBytes) out2 = NULL;
  KoersStatus status;

  g_assert_cmpuint (koers_project_get_n_rounds (project), ==, 2);
  g_assert_cmpstr (koers_project_get_round_closed (project, 0), ==, "2026-03-02");
  g_assert_cmpstr (koers_project_get_round_marker (project, 1, "pyramid", KOERS_MARKER_CURRENT), ==, "monitor");
  g_assert_cmpstr (koers_project_get_round_marker (project, 1, "pyramid", KOERS_MARKER_TARGET), ==, "create");
  g_assert_null (koers_project_get_round_marker (project, 1, "learning-curve", KOERS_MARKER_CURRENT));
  g_assert_cmpuint (koers_project_get_round_count (project, 1, KOERS_STATUS_DONE), ==, 2);
  g_assert_cmpuint (koers_project_get_round_count (project, 0, KOERS_STATUS_TODO), ==, 14);
  g_assert_true (koers_project_get_round_item_status (project, 0, "phase-0/management-support", &status));
  g_assert_cmpint (status, ==, KOERS_STATUS_DOING);
  g_assert_false (koers_project_get_round_item_status (project, 0, "phase-0/other", &status));

  g_assert_no_error (error);
  out2 = koers_project_to_bytes (again);
  g_assert_true (g_bytes_equal (out, out2));
  /* members of a round this version does not know, and unknown models, kept */
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));

    g_assert_nonnull (strstr (text, "\"x-who\": \"Anna\""));
    g_assert_nonnull (strstr (text, "\"my-own-model\""));
  }
}

static void
test_close_and_undo (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("rounds-kept.koers");
  g_autoptr(KoersHistory) history = koers_history_new (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  guint done = 0;

  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ITEM_STATUS, "phase-0/management-support", "done", NULL));
  g_assert_true (koers_project_set_answer (project, "pyramid", "monitor-tool", KOERS_ANSWER_YES, NULL));
  value = koers_project_dup_closed_round (project, "2026-12-06");
  g_assert_cmpuint (koers_project_get_n_rounds (project), ==, 2);   /* nothing changed yet */
  g_assert_true (koers_history_set (history, KOERS_FIELD_ROUNDS, NULL, value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Close round");
  g_assert_cmpuint (koers_project_get_n_rounds (project), ==, 3);
  g_assert_cmpstr (koers_project_get_round_closed (project, 2), ==, "2026-12-06");
  g_assert_cmpstr (koers_project_get_round_marker (project, 2, "pyramid", KOERS_MARKER_CURRENT), ==, "listen");
  g_assert_cmpstr (koers_project_get_round_marker (project, 2, "maturity-matrix", KOERS_MARKER_CURRENT), ==, "engagement");
  for (KoersStatus s = KOERS_STATUS_TODO; s <= KOERS_STATUS_SKIPPED; s++)
    done += koers_project_get_round_count (project, 2, s);
  g_assert_cmpuint (done, >, 0);
  g_assert_cmpuint (koers_project_get_round_count (project, 2, KOERS_STATUS_DONE), >=, 1);

  g_assert_true (koers_history_undo (history));
  g_assert_cmpuint (koers_project_get_n_rounds (project), ==, 2);
  g_assert_true (koers_history_redo (history));
  g_assert_cmpuint (koers_project_get_n_rounds (project), ==, 3);

  g_assert_false (koers_project_set_field (project, KOERS_FIELD_ROUNDS, NULL, "[ { } ]", &error));
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_MISSING);
  g_assert_cmpuint (koers_project_get_n_rounds (project), ==, 3);
}

static const KoersFinding *
find_finding (KoersRoadmap *roadmap,
              const char   *id)
{
  const GPtrArray *findings = koers_roadmap_get_findings (roadmap);

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((KoersFinding *) g_ptr_array_index (findings, i))->id, id))
      return g_ptr_array_index (findings, i);
  return NULL;
}

static void
test_what_moved (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("rounds-kept.koers");
  g_autoptr(KoersRoadmap) roadmap = NULL;
  g_autoptr(KoersRoadmap) still = NULL;
  g_autoptr(KoersProject) none = koers_test_load_data ("valid-full.koers");
  g_autoptr(KoersRoadmap) without = koers_roadmap_build (none, NULL);
  g_autofree char *value = NULL;
  const KoersFinding *f;

  /* done in the last round already: not counted again */
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ITEM_STATUS, "phase-0/management-support", "done", NULL));
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ITEM_STATUS, "phase-0/inform-colleagues", "done", NULL));
  roadmap = koers_roadmap_build (project, NULL);
  f = find_finding (roadmap, "since-last-round");
  g_assert_nonnull (f);
  g_assert_cmpstr (f->message, ==, "Since the round of 1 September 2026: Pyramid Monitor → Listen, "
                                   "Maturity Matrix Presence → Engagement; 1 roadmap item done.");

  value = koers_project_dup_closed_round (project, "2026-12-06");
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ROUNDS, NULL, value, NULL));
  still = koers_roadmap_build (project, NULL);
  g_assert_cmpstr (find_finding (still, "since-last-round")->message, ==,
                   "Since the round of 6 December 2026 no Now marker moved; 0 roadmap items done.");

  g_assert_null (find_finding (without, "since-last-round"));
}

/* A project with @n_rounds closed rounds (each with every statement
 * answered and 30 item statuses) and @n_others other organisations. */
static GBytes *
history_bytes (guint n_rounds,
               guint n_others)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  g_autoptr(GString) text = g_string_new ("{ \"format\": \"koers-project\", \"version\": 1, "
                                          "\"organisation\": { \"name\": \"Growth\" }, "
                                          "\"placements\": { \"pyramid\": { \"current\": \"listen\" } }, ");

  g_string_append (text, "\"others\": [");
  for (guint o = 0; o < n_others; o++)
    g_string_append_printf (text, "%s{ \"name\": \"Other %u\", \"note\": \"competitor\", "
                            "\"now\": { \"pyramid\": \"respond\", \"maturity-matrix\": \"engagement\" } }",
                            o ? ", " : "", o);
  g_string_append (text, "], \"rounds\": [");
  for (guint r = 0; r < n_rounds; r++)
    {
      g_string_append_printf (text, "%s{ \"closed\": \"20%02u-0%u-01\", "
                              "\"placements\": { \"pyramid\": { \"current\": \"monitor\" } }, "
                              "\"roadmap\": { \"todo\": 10, \"done\": 3 }, \"answers\": {",
                              r ? ", " : "", 10 + r % 80, 1 + r % 9);
      for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
        {
          KoersModel *model = koers_catalog_get_model (catalog, m);

          g_string_append_printf (text, "%s\"%s\": {", m ? ", " : "", koers_model_get_id (model));
          for (guint i = 0; i < koers_model_get_n_statements (model); i++)
            g_string_append_printf (text, "%s\"%s\": \"yes\"", i ? ", " : "",
                                    koers_model_get_statement (model, i)->id);
          g_string_append (text, "}");
        }
      g_string_append (text, "}, \"items\": {");
      for (guint i = 0; i < 30; i++)
        g_string_append_printf (text, "%s\"item-%u\": \"done\"", i ? ", " : "", i);
      g_string_append (text, "} }");
    }
  g_string_append (text, "] }");
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/* Processor time of loading @bytes and building its roadmap, best of @runs */
static double
load_time (GBytes *bytes,
           guint   runs)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < runs; i++)
    {
      struct timespec start, end;
      g_autoptr(GError) error = NULL;
      g_autoptr(KoersProject) project = NULL;
      g_autoptr(KoersRoadmap) roadmap = NULL;

      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &start);
      project = koers_project_load_from_bytes (NULL, bytes, &error);
      g_assert_no_error (error);
      roadmap = koers_roadmap_build (project, NULL);
      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &end);
      best = MIN (best, (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9);
    }
  return best;
}

/* 50 rounds and 20 others stay fast: ten times the history takes less
 * than thirty times as long, and the whole is well under a second. */
static void
test_growth (void)
{
  g_autoptr(GBytes) small = history_bytes (5, 2);
  g_autoptr(GBytes) large = history_bytes (50, 20);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = koers_project_load_from_bytes (NULL, large, &error);
  double t_small, t_large;

  g_assert_no_error (error);
  g_assert_cmpuint (koers_project_get_n_rounds (project), ==, 50);
  g_assert_cmpuint (koers_project_get_n_others (project), ==, 20);

  t_small = load_time (small, 5);
  t_large = load_time (large, 5);
  g_test_message ("5 rounds, 2 others: %.1f ms; 50 rounds, 20 others: %.1f ms", t_small * 1e3, t_large * 1e3);
  g_assert_cmpfloat (t_large, <, 30 * t_small);
  g_assert_cmpfloat (t_large, <, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *name = g_strconcat ("/rounds/broken/", broken[i].file, NULL);

      g_test_add_data_func (name, &broken[i], koers_test_assert_refused);
    }
  g_test_add_func ("/rounds/load-and-round-trip", test_load_and_round_trip);
  g_test_add_func ("/rounds/close-and-undo", test_close_and_undo);
  g_test_add_func ("/rounds/what-moved", test_what_moved);
  g_test_add_func ("/rounds/growth", test_growth);

  return g_test_run ();
}
