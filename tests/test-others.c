/* test-others.c: other organisations placed beside the project's own, in
 * the file (docs/file-format.md), in the undo history and in the findings
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
  { "others-not-list.koers", KOERS_FILE_ERROR_TYPE,
    "others: expected a list, found an object" },
  { "other-not-object.koers", KOERS_FILE_ERROR_TYPE,
    "others[0]: expected an object, found text" },
  { "other-without-name.koers", KOERS_FILE_ERROR_MISSING,
    "others[0].name: missing; this member is required" },
  { "other-name-blank.koers", KOERS_FILE_ERROR_INVALID,
    "others[0].name: the other organisation needs a name" },
  { "other-name-twice.koers", KOERS_FILE_ERROR_INVALID,
    "others[2].name: “Woonbron” is already the name of others[0]; give each organisation its own name" },
  { "other-now-not-object.koers", KOERS_FILE_ERROR_TYPE,
    "others[0].now: expected an object, found text" },
  { "other-bad-stage.koers", KOERS_FILE_ERROR_UNKNOWN_STAGE,
    "others[0].now.pyramid: unknown stage \"shout\" (expected one of monitor, listen, respond, create)" },
  { "other-note-not-string.koers", KOERS_FILE_ERROR_TYPE,
    "others[0].note: expected text, found a number" },
};

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
test_load_and_round_trip (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("others-kept.koers");
  g_autoptr(GBytes) out = koers_project_to_bytes (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) again = koers_project_load_from_bytes (NULL, out, &error);
  g_autoptr(GBytes) out2 = NULL;
  g_autoptr(JsonObject) root = parse_object (out);
  JsonArray *others;
  JsonObject *first, *now;
  const char *id;

  g_assert_cmpuint (koers_project_get_n_others (project), ==, 2);
  id = koers_project_get_other_id (project, 0);
  g_assert_cmpstr (koers_project_get_other_name (project, id), ==, "Woonbron");
  g_assert_cmpstr (koers_project_get_other_note (project, id), ==, "competitor, largest in the region");
  g_assert_cmpstr (koers_project_get_other_now (project, id, "maturity-matrix"), ==, "engagement");
  g_assert_cmpstr (koers_project_get_other_now (project, id, "learning-curve"), ==, NULL);
  id = koers_project_get_other_id (project, 1);
  g_assert_cmpstr (koers_project_get_other_name (project, id), ==, "Havensteder");
  g_assert_null (koers_project_get_other_now (project, id, "pyramid"));

  g_assert_no_error (error);
  out2 = koers_project_to_bytes (again);
  g_assert_true (g_bytes_equal (out, out2));

  /* in file order; unknown members and models kept as they were */
  others = json_object_get_array_member (root, "others");
  g_assert_cmpuint (json_array_get_length (others), ==, 2);
  first = json_array_get_object_element (others, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Woonbron");
  g_assert_cmpstr (json_object_get_string_member (first, "x-colour"), ==, "#aa0000");
  now = json_object_get_object_member (first, "now");
  g_assert_cmpstr (json_object_get_string_member (now, "my-own-model"), ==, "step-2");
  g_assert_cmpstr (json_object_get_string_member (now, "pyramid"), ==, "respond");
}

static void
test_old_file_unchanged (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-full.koers");
  g_autoptr(GBytes) out = koers_project_to_bytes (project);
  g_autoptr(JsonObject) root = parse_object (out);

  g_assert_cmpuint (koers_project_get_n_others (project), ==, 0);
  g_assert_false (json_object_has_member (root, "others"));
}

static void
test_edit_and_undo (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(KoersHistory) history = koers_history_new (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *value = koers_project_dup_new_other (project, "Woonbron", &id);
  g_autofree char *key = koers_project_other_key (id, "pyramid");

  g_assert_true (koers_history_set (history, KOERS_FIELD_OTHER, id, value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Add other organisation");
  g_assert_cmpuint (koers_project_get_n_others (project), ==, 1);
  g_assert_true (koers_history_set (history, KOERS_FIELD_OTHER_NOW, key, "respond", &error));
  g_assert_no_error (error);
  g_assert_true (koers_history_set (history, KOERS_FIELD_OTHER_NOTE, id, "competitor", &error));
  g_assert_no_error (error);

  /* a second name like the first is refused */
  g_assert_null (koers_project_add_other (project, "Woonbron", &error));
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "There is already an organisation called “Woonbron”");
  g_clear_error (&error);
  g_assert_false (koers_history_set (history, KOERS_FIELD_OTHER_NOW, key, "shout", &error));
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_UNKNOWN_STAGE);
  g_clear_error (&error);
  g_assert_false (koers_history_set (history, KOERS_FIELD_OTHER_NAME, id, " ", &error));
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID);
  g_clear_error (&error);

  /* removed in one step, and back with its Now and note in one step */
  g_assert_true (koers_history_set (history, KOERS_FIELD_OTHER, id, NULL, &error));
  g_assert_cmpuint (koers_project_get_n_others (project), ==, 0);
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Remove other organisation");
  g_assert_true (koers_history_undo (history));
  g_assert_cmpuint (koers_project_get_n_others (project), ==, 1);
  g_assert_cmpstr (koers_project_get_other_now (project, id, "pyramid"), ==, "respond");
  g_assert_cmpstr (koers_project_get_other_note (project, id), ==, "competitor");

  g_assert_true (koers_history_undo (history));   /* the note */
  g_assert_true (koers_history_undo (history));   /* the Now */
  g_assert_null (koers_project_get_other_now (project, id, "pyramid"));
  g_assert_true (koers_history_undo (history));   /* the adding */
  g_assert_cmpuint (koers_project_get_n_others (project), ==, 0);
  g_assert_false (koers_history_get_modified (history));
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
test_findings (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("others-kept.koers");
  g_autoptr(KoersRoadmap) both = koers_roadmap_build (project, NULL);
  g_autoptr(KoersRoadmap) split = NULL;
  g_autoptr(KoersRoadmap) level = NULL;
  const KoersFinding *f = find_finding (both, "others/maturity-matrix");
  g_autofree char *second = koers_project_other_key (koers_project_get_other_id (project, 1), "maturity-matrix");

  g_assert_nonnull (f);
  g_assert_cmpstr (f->message, ==, "Both Woonbron and Havensteder are at Engagement on the "
                                   "Social Business Strategy Maturity Matrix; you are at Presence.");
  /* the pyramid: you are not placed, so there is nothing to compare */
  g_assert_null (find_finding (both, "others/pyramid"));

  /* the others apart: no single stage to name */
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_OTHER_NOW,
                                          second, "strategic", NULL));
  split = koers_roadmap_build (project, NULL);
  g_assert_null (find_finding (split, "others/maturity-matrix"));

  /* at your level: nothing to say */
  g_assert_true (koers_project_place (project, "maturity-matrix", KOERS_MARKER_CURRENT, "engagement", NULL));
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_OTHER_NOW,
                                          second, NULL, NULL));
  level = koers_roadmap_build (project, NULL);
  g_assert_null (find_finding (level, "others/maturity-matrix"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *name = g_strconcat ("/others/broken/", broken[i].file, NULL);

      g_test_add_data_func (name, &broken[i], koers_test_assert_refused);
    }
  g_test_add_func ("/others/load-and-round-trip", test_load_and_round_trip);
  g_test_add_func ("/others/old-file-unchanged", test_old_file_unchanged);
  g_test_add_func ("/others/edit-and-undo", test_edit_and_undo);
  g_test_add_func ("/others/findings", test_findings);

  return g_test_run ();
}
