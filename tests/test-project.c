/* test-project.c: the .koers file format (shared/spec/file-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every rule of the format has a test here: each refused file with the
 * exact error domain, code and message (which names the member path or
 * line:column and what was expected), the round trip of members this
 * build does not know, the order and indentation of what is written, and
 * the atomic save.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "koers-error.h"
#include "koers-project.h"
#include "koers-test-util.h"

/* --- helpers ------------------------------------------------------------- */

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static GBytes *
read_data (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static KoersProject *
load_data (const char *name)
{
  g_autoptr(GBytes) bytes = read_data (name);
  g_autoptr(GError) error = NULL;
  KoersProject *project = koers_project_load_from_bytes (NULL, bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static KoersProject *
load_string (const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  return koers_project_load_from_bytes (NULL, bytes, error);
}

static JsonNode *
parse_json (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));
  return json_node_copy (json_parser_get_root (parser));
}

static char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static GStrv
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* --- refused files ------------------------------------------------------- */

typedef struct {
  const char     *file;
  KoersFileError  code;
  const char     *message;   /* exact, as from koers_project_load_from_bytes */
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "not-utf8.koers", KOERS_FILE_ERROR_NOT_UTF8,
    "4:33: the file is not UTF-8 text" },
  /* Found by the fuzzer: valid JSON whose escape spells a lone surrogate
   * loaded, and then saved to bytes that were not UTF-8. */
  { "lone-surrogate.koers", KOERS_FILE_ERROR_NOT_UTF8,
    "placements.pyramid.rationale: the text holds an escape that is not a valid character (a lone \\u surrogate)" },
  { "empty.koers", KOERS_FILE_ERROR_SYNTAX,
    "1:1: the file is empty" },
  { "not-object.koers", KOERS_FILE_ERROR_NOT_PROJECT,
    "1:1: expected a Koers project (a JSON object), found a list" },
  { "wrong-format.koers", KOERS_FILE_ERROR_NOT_PROJECT,
    "format: expected \"koers-project\", found \"koers-model\"" },
  { "missing-format.koers", KOERS_FILE_ERROR_NOT_PROJECT,
    "format: missing; expected \"koers-project\"" },
  { "version-2.koers", KOERS_FILE_ERROR_VERSION,
    "version: this file was written by a newer Koers (format version 2); this version reads format version 1. Update Koers to open it" },
  { "version-string.koers", KOERS_FILE_ERROR_TYPE,
    "version: expected a whole number, found text" },
  { "missing-version.koers", KOERS_FILE_ERROR_MISSING,
    "version: missing; expected 1" },
  { "missing-organisation.koers", KOERS_FILE_ERROR_MISSING,
    "organisation: missing; this member is required" },
  { "missing-name.koers", KOERS_FILE_ERROR_MISSING,
    "organisation.name: missing; this member is required" },
  { "name-not-string.koers", KOERS_FILE_ERROR_TYPE,
    "organisation.name: expected text, found a number" },
  { "description-not-string.koers", KOERS_FILE_ERROR_TYPE,
    "organisation.description: expected text, found a list" },
  { "bad-created.koers", KOERS_FILE_ERROR_INVALID,
    "created: expected a time like 2026-11-20T09:12:00Z, found \"20 November 2026\"" },
  { "bad-modified.koers", KOERS_FILE_ERROR_INVALID,
    "modified: expected a time like 2026-11-20T09:12:00Z, found \"2026-11-31T25:00:00Z\"" },
  { "placements-not-object.koers", KOERS_FILE_ERROR_TYPE,
    "placements: expected an object, found a list" },
  { "placement-not-object.koers", KOERS_FILE_ERROR_TYPE,
    "placements.pyramid: expected an object, found text" },
  { "unknown-stage.koers", KOERS_FILE_ERROR_UNKNOWN_STAGE,
    "placements.pyramid.current: unknown stage \"shout\" (expected one of monitor, listen, respond, create)" },
  { "unknown-target-stage.koers", KOERS_FILE_ERROR_UNKNOWN_STAGE,
    "placements.learning-curve.target: unknown stage \"expert\" (expected one of emerging, tactical, integrated, social-business)" },
  { "stage-not-string.koers", KOERS_FILE_ERROR_TYPE,
    "placements.pyramid.current: expected text, found a number" },
  { "rationale-not-string.koers", KOERS_FILE_ERROR_TYPE,
    "placements.maturity-matrix.rationale: expected text, found a number" },
  { "bad-assessed.koers", KOERS_FILE_ERROR_INVALID,
    "placements.pyramid.assessed: expected a date like 2026-11-20, found \"2026-02-30\"" },
  { "bad-start.koers", KOERS_FILE_ERROR_INVALID,
    "roadmap.start: expected a month like 2027-01, found \"2027-13\"" },
  { "items-not-object.koers", KOERS_FILE_ERROR_TYPE,
    "roadmap.items: expected an object, found a list" },
  { "item-not-object.koers", KOERS_FILE_ERROR_TYPE,
    "roadmap.items.phase-0/management-support: expected an object, found text" },
  { "bad-status.koers", KOERS_FILE_ERROR_INVALID,
    "roadmap.items.phase-0/management-support.status: unknown status \"finished\" (expected one of todo, doing, done, skipped)" },
  { "bad-due.koers", KOERS_FILE_ERROR_INVALID,
    "roadmap.items.phase-0/management-support.due: expected a month like 2027-03 or a quarter like 2027-Q1, found \"2027-Q5\"" },
};

static void
test_load_broken (gconstpointer data)
{
  const BrokenCase *c = data;
  g_autoptr(GBytes) bytes = read_data (c->file);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = NULL;
  g_autofree char *path = data_path (c->file);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *with_name = g_strdup_printf ("%s: %s", c->file, c->message);

  project = koers_project_load_from_bytes (NULL, bytes, &error);
  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, (int) c->code);
  g_assert_cmpstr (error->message, ==, c->message);
  g_clear_error (&error);

  /* From a file, the message names the file first. */
  project = koers_project_load_from_file (NULL, file, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, (int) c->code);
  g_assert_cmpstr (error->message, ==, with_name);
}

static void
test_load_syntax_error (void)
{
  g_autoptr(GBytes) bytes = read_data ("syntax-error.koers");
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = koers_project_load_from_bytes (NULL, bytes, &error);
  g_autoptr(GRegex) regex = g_regex_new ("^3:([0-9]+): not valid JSON: .*:", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *column = NULL;

  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX);
  /* `  "version" 1,` on line 3: the parser stops at the missing colon. */
  g_assert_true (g_str_has_prefix (error->message, "3:"));
  g_assert_true (g_regex_match (regex, error->message, 0, &match));
  column = g_match_info_fetch (match, 1);
  g_assert_cmpint (atoi (column), >=, 3);
  g_assert_cmpint (atoi (column), <=, 13);
  /* json-glib's own "<data>" prefix means nothing to users. */
  g_assert_null (strstr (error->message, "<data>"));
}

static void
test_load_syntax_error_file (void)
{
  g_autofree char *path = data_path ("syntax-error.koers");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = koers_project_load_from_file (NULL, file, NULL, &error);

  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "syntax-error.koers: 3:"));
}

static void
test_load_not_utf8_generated (void)
{
  /* Latin-1 é (0xE9), a NUL byte and a UTF-16 surrogate encoded as UTF-8. */
  static const struct { const char *data; gsize len; const char *message; } cases[] = {
    { "{\n  \"organisation\": { \"name\": \"Caf\xe9\" }\n}\n", 0, "2:33: the file is not UTF-8 text" },
    { "{\"a\":\"x\0\"}", 10, "1:8: the file is not UTF-8 text" },
    { "{\"a\":\"\xed\xa0\x80\"}", 11, "1:7: the file is not UTF-8 text" },
    { "\xc3\xa9\xc3", 3, "1:2: the file is not UTF-8 text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = cases[i].len ? cases[i].len : strlen (cases[i].data);
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].data, len);
      g_autoptr(GError) error = NULL;
      g_autoptr(KoersProject) project = koers_project_load_from_bytes (NULL, bytes, &error);

      g_test_message ("case %u", i);
      g_assert_null (project);
      g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_NOT_UTF8);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_load_whitespace_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = load_string ("  \n\t\n", &error);

  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX);
  g_assert_true (g_str_has_suffix (error->message, ": the file is empty"));
  g_assert_true (g_ascii_isdigit (error->message[0]));
}

static void
test_load_not_object_position (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = load_string ("\n\n   \"koers-project\"\n", &error);

  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_NOT_PROJECT);
  g_assert_cmpstr (error->message, ==, "3:4: expected a Koers project (a JSON object), found text");
}

static void
test_load_version_zero (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project =
    load_string ("{\"format\": \"koers-project\", \"version\": 0, \"organisation\": {\"name\": \"x\"}}", &error);

  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "version: expected 1, found 0");
}

/* --- limits -------------------------------------------------------------- */

static void
test_load_too_deep (void)
{
  const gsize n = 200000;
  g_autofree char *text = g_malloc (n + 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = NULL;
  gint64 start;

  memset (text, '[', n);
  text[n] = '\0';
  bytes = g_bytes_new_static (text, n);

  start = g_get_monotonic_time ();
  project = koers_project_load_from_bytes (NULL, bytes, &error);
  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_TOO_DEEP);
  /* The 65th '[' is where the limit is crossed. */
  g_assert_cmpstr (error->message, ==,
                   "1:65: the data is nested more than 64 levels deep; this is not a file Koers wrote");
  /* Refused before parsing: well under a second, not a stack overflow. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static void
test_load_too_deep_objects (void)
{
  GString *text = g_string_new ("{\n\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "{\"a\":");
  bytes = g_string_free_to_bytes (text);
  project = koers_project_load_from_bytes (NULL, bytes, &error);
  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_TOO_DEEP);
  /* Line 3: 63 objects of 5 characters, the 64th opens at column 316. */
  g_assert_true (g_str_has_prefix (error->message, "3:316: "));
}

/* A project whose unknown member nests @levels deep in total (the root
 * object counts as one). */
static char *
nested_project (guint levels)
{
  GString *text = g_string_new ("{\"format\": \"koers-project\", \"version\": 1, "
                                "\"organisation\": {\"name\": \"Deep\"}, \"x-deep\": ");

  for (guint i = 1; i < levels; i++)
    g_string_append_c (text, '[');
  for (guint i = 1; i < levels; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}");
  return g_string_free (text, FALSE);
}

static void
test_load_depth_limit (void)
{
  g_autofree char *ok_text = nested_project (64);
  g_autofree char *bad_text = nested_project (65);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) ok = load_string (ok_text, &error);
  g_autoptr(KoersProject) bad = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autofree char *out_text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (ok);
  /* Kept and written back. */
  out = koers_project_to_bytes (ok);
  out_text = bytes_to_string (out);
  g_assert_nonnull (strstr (out_text, "\"x-deep\""));

  bad = load_string (bad_text, &error);
  g_assert_null (bad);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_TOO_DEEP);
  g_assert_true (g_str_has_prefix (error->message, "1:"));
}

static void
test_load_brackets_in_strings (void)
{
  GString *text = g_string_new ("{\"format\": \"koers-project\", \"version\": 1, \"organisation\": {\"name\": \"\\\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = NULL;
  g_autofree char *str = NULL;

  /* Brackets inside a string (after an escaped quote) are text, not nesting. */
  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "[{");
  g_string_append (text, "\"}}");
  str = g_string_free (g_steal_pointer (&text), FALSE);
  project = load_string (str, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpuint (strlen (koers_project_get_organisation_name (project)), ==, 2001);
}

static void
test_load_too_large_bytes (void)
{
  const gsize size = KOERS_MAX_FILE_SIZE + 1;
  g_autofree char *text = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = NULL;

  memset (text, ' ', size);
  text[0] = '{';
  text[size - 1] = '}';
  bytes = g_bytes_new_static (text, size);
  project = koers_project_load_from_bytes (NULL, bytes, &error);
  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "16 MiB"));
}

static void
test_load_at_size_limit (void)
{
  static const char head[] = "{\"format\": \"koers-project\", \"version\": 1, \"organisation\": {\"name\": \"Big\"}";
  const gsize size = KOERS_MAX_FILE_SIZE;
  g_autofree char *text = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = NULL;

  /* Exactly 16 MiB is allowed. */
  memset (text, ' ', size);
  memcpy (text, head, strlen (head));
  text[size - 1] = '}';
  bytes = g_bytes_new_static (text, size);
  project = koers_project_load_from_bytes (NULL, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (koers_project_get_organisation_name (project), ==, "Big");
}

static void
test_load_too_large_file (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-test");
  g_autofree char *path = g_build_filename (dir, "too-large.koers", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = NULL;
  FILE *f;

  /* 17 MiB, sparse: it never needs to be read. */
  f = fopen (path, "w");
  g_assert_nonnull (f);
  fputc ('{', f);
  g_assert_cmpint (fseek (f, 17 * 1024 * 1024 - 1, SEEK_SET), ==, 0);
  fputc ('}', f);
  fclose (f);

  project = koers_project_load_from_file (NULL, file, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "too-large.koers: "));
  g_assert_nonnull (strstr (error->message, "16 MiB"));

  koers_test_remove_tree (dir);
}

static void
test_load_missing_file (void)
{
  g_autofree char *path = data_path ("does-not-exist.koers");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = koers_project_load_from_file (NULL, file, NULL, &error);

  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "does-not-exist.koers: "));
}

/* --- files that load ----------------------------------------------------- */

static void
test_load_minimal (void)
{
  g_autoptr(KoersProject) project = load_data ("valid-minimal.koers");
  g_auto(GStrv) items = koers_project_dup_item_ids (project);
  g_auto(GStrv) unknown = koers_project_dup_unknown_models (project);

  g_assert_cmpstr (koers_project_get_organisation_name (project), ==, "Minimal");
  g_assert_null (koers_project_get_organisation_description (project));
  /* created and modified are optional on read */
  g_assert_null (koers_project_get_created (project));
  g_assert_null (koers_project_get_modified (project));
  g_assert_null (koers_project_get_roadmap_start (project));
  /* absent = not placed */
  g_assert_null (koers_project_get_current (project, "pyramid"));
  g_assert_null (koers_project_get_target (project, "pyramid"));
  g_assert_cmpuint (g_strv_length (items), ==, 0);
  g_assert_cmpuint (g_strv_length (unknown), ==, 0);
  g_assert_cmpuint (koers_project_get_warnings (project)->len, ==, 0);
}

static void
test_load_full (void)
{
  g_autoptr(KoersProject) project = load_data ("valid-full.koers");
  g_auto(GStrv) items = koers_project_dup_item_ids (project);
  const char * const expected_items[] = { "phase-0/management-support", "phase-0/roadmap-owner",
                                          "pyramid/read-conversations", "shared/monitoring-set-up", NULL };

  g_assert_cmpstr (koers_project_get_organisation_name (project), ==, "Gemeente Voorbeeld");
  g_assert_cmpstr (koers_project_get_organisation_description (project), ==, "Communicatieafdeling, 12 fte");
  g_assert_cmpstr (koers_project_get_created (project), ==, "2026-11-20T09:12:00Z");
  g_assert_cmpstr (koers_project_get_modified (project), ==, "2026-11-23T16:40:05Z");
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "listen");
  g_assert_cmpstr (koers_project_get_target (project, "pyramid"), ==, "create");
  g_assert_cmpstr (koers_project_get_marker (project, "pyramid", KOERS_MARKER_CURRENT), ==, "listen");
  g_assert_cmpstr (koers_project_get_marker (project, "pyramid", KOERS_MARKER_TARGET), ==, "create");
  g_assert_cmpstr (koers_project_get_rationale (project, "pyramid"), ==,
                   "We volgen vermeldingen dagelijks, maar reageren nog ad hoc.");
  g_assert_cmpstr (koers_project_get_assessed (project, "pyramid"), ==, "2026-11-20");
  g_assert_cmpstr (koers_project_get_current (project, "learning-curve"), ==, "emerging");
  g_assert_cmpstr (koers_project_get_rationale (project, "learning-curve"), ==, "Eén adviseur, nog geen plan.");
  g_assert_cmpstr (koers_project_get_current (project, "maturity-matrix"), ==, "planning");
  g_assert_cmpstr (koers_project_get_target (project, "maturity-matrix"), ==, "engagement");
  g_assert_null (koers_project_get_rationale (project, "maturity-matrix"));
  g_assert_cmpstr (koers_project_get_current (project, "strategy-model"), ==, "phase-0");
  g_assert_cmpstr (koers_project_get_target (project, "strategy-model"), ==, "audiences");
  /* a leap day is a real date */
  g_assert_cmpstr (koers_project_get_assessed (project, "strategy-model"), ==, "2024-02-29");
  g_assert_cmpstr (koers_project_get_roadmap_start (project), ==, "2027-01");

  g_assert_cmpstrv (items, expected_items);
  g_assert_true (koers_project_has_item_state (project, "phase-0/management-support"));
  g_assert_cmpint (koers_project_get_item_status (project, "phase-0/management-support"), ==, KOERS_STATUS_DONE);
  g_assert_cmpstr (koers_project_get_item_owner (project, "phase-0/management-support"), ==, "Anna");
  g_assert_cmpstr (koers_project_get_item_due (project, "phase-0/management-support"), ==, "2027-02");
  g_assert_cmpstr (koers_project_get_item_note (project, "phase-0/management-support"), ==, "Besproken in het MT.");
  g_assert_cmpint (koers_project_get_item_status (project, "phase-0/roadmap-owner"), ==, KOERS_STATUS_DOING);
  g_assert_cmpstr (koers_project_get_item_due (project, "phase-0/roadmap-owner"), ==, "2027-Q1");
  g_assert_cmpint (koers_project_get_item_status (project, "pyramid/read-conversations"), ==, KOERS_STATUS_SKIPPED);
  g_assert_cmpint (koers_project_get_item_status (project, "shared/monitoring-set-up"), ==, KOERS_STATUS_TODO);
  g_assert_cmpstr (koers_project_get_field (project, KOERS_FIELD_ITEM_STATUS, "shared/monitoring-set-up"), ==, "todo");
  g_assert_false (koers_project_has_item_state (project, "phase-0/training"));
  g_assert_cmpuint (koers_project_get_warnings (project)->len, ==, 0);
}

static void
test_load_samples (void)
{
  const char * const samples[] = { "woonstichting.koers", "northwind.koers" };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(KoersProject) project = load_data (samples[i]);

      g_assert_cmpstr (koers_project_get_organisation_name (project), !=, "");
      g_assert_cmpuint (koers_project_get_warnings (project)->len, ==, 0);
    }
}

static void
test_load_due_quarter (void)
{
  g_autoptr(KoersProject) project = load_data ("due-quarter.koers");

  g_assert_cmpstr (koers_project_get_item_due (project, "phase-0/management-support"), ==, "2027-Q3");
  g_assert_cmpstr (koers_project_get_item_due (project, "phase-0/roadmap-owner"), ==, "2027-12");
  /* an item with no status has none, and reads as to do */
  g_assert_null (koers_project_get_field (project, KOERS_FIELD_ITEM_STATUS, "phase-0/management-support"));
  g_assert_cmpint (koers_project_get_item_status (project, "phase-0/management-support"), ==, KOERS_STATUS_TODO);
}

static void
test_load_target_below_current (void)
{
  g_autoptr(KoersProject) project = load_data ("target-below-current.koers");
  const GPtrArray *warnings = koers_project_get_warnings (project);

  /* A warning, not an error: the placement is kept as it is. */
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "create");
  g_assert_cmpstr (koers_project_get_target (project, "pyramid"), ==, "listen");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "placements.pyramid.target: the target “Listen” is below the current stage “Create”");
}

static void
test_load_null_current (void)
{
  g_autoptr(KoersProject) project = load_data ("null-current.koers");
  g_autoptr(GBytes) out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *pyramid;

  g_assert_null (koers_project_get_current (project, "pyramid"));
  g_assert_cmpstr (koers_project_get_target (project, "pyramid"), ==, "listen");
  g_assert_null (koers_project_get_rationale (project, "pyramid"));
  g_assert_null (koers_project_get_assessed (project, "pyramid"));
  g_assert_null (koers_project_get_organisation_description (project));
  g_assert_cmpuint (koers_project_get_warnings (project)->len, ==, 0);

  /* Written back as absent. */
  out = koers_project_to_bytes (project);
  root = parse_json (out);
  pyramid = json_object_get_object_member (json_object_get_object_member (json_node_get_object (root), "placements"), "pyramid");
  g_assert_false (json_object_has_member (pyramid, "current"));
  g_assert_cmpstr (json_object_get_string_member (pyramid, "target"), ==, "listen");
}

static void
test_load_orphan_items (void)
{
  g_autoptr(KoersProject) project = load_data ("orphan-items.koers");
  g_auto(GStrv) items = koers_project_dup_item_ids (project);
  const char * const expected[] = { "phase-0/management-support", "retired/press-kit",
                                    "pyramid/read-conversations", "old/without-status", NULL };
  g_autoptr(GBytes) out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *out_items;

  /* Ids the rules do not produce load and are kept, never dropped. */
  g_assert_cmpstrv (items, expected);
  g_assert_cmpint (koers_project_get_item_status (project, "retired/press-kit"), ==, KOERS_STATUS_DONE);
  g_assert_cmpstr (koers_project_get_item_owner (project, "retired/press-kit"), ==, "Anna");
  g_assert_cmpstr (koers_project_get_item_due (project, "retired/press-kit"), ==, "2026-Q4");
  g_assert_cmpstr (koers_project_get_item_note (project, "retired/press-kit"), ==, "Sent to 12 papers");

  out = koers_project_to_bytes (project);
  root = parse_json (out);
  out_items = json_object_get_object_member (json_object_get_object_member (json_node_get_object (root), "roadmap"), "items");
  g_assert_cmpuint (json_object_get_size (out_items), ==, 4);
  g_assert_true (json_object_has_member (out_items, "retired/press-kit"));
  g_assert_true (json_object_has_member (out_items, "old/without-status"));
}

static void
test_load_long_rationale (void)
{
  g_autoptr(KoersProject) project = load_data ("long-rationale.koers");
  g_autoptr(GBytes) expected_bytes = read_data ("long-rationale.expected.txt");
  g_autofree char *expected = bytes_to_string (expected_bytes);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(KoersProject) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *rationale;

  rationale = koers_project_get_rationale (project, "pyramid");
  g_assert_cmpuint (strlen (rationale), >, 20000);
  g_assert_cmpstr (rationale, ==, expected);
  g_assert_nonnull (strstr (rationale, "🚀"));   /* from the escaped surrogate pair */
  g_assert_nonnull (strstr (rationale, "∑"));    /* from \u2211 */
  g_assert_nonnull (strstr (rationale, "مرحبا بالعالم"));
  g_assert_nonnull (strstr (rationale, "שלום עולם"));
  g_assert_nonnull (strstr (rationale, "👩🏽‍💻"));
  g_assert_cmpstr (koers_project_get_organisation_name (project), ==, "Ünïcødé & Co — 🚀");
  g_assert_cmpstr (koers_project_get_organisation_description (project), ==, "שלום\nمرحبا");
  g_assert_cmpstr (koers_project_get_item_note (project, "phase-0/management-support"), ==, "📝 note\nwith two lines");
  g_assert_cmpstr (koers_project_get_item_owner (project, "phase-0/management-support"), ==, "José Ñúñez");

  /* Written and read back unchanged. */
  out = koers_project_to_bytes (project);
  g_assert_true (g_utf8_validate (g_bytes_get_data (out, NULL), g_bytes_get_size (out), NULL));
  again = koers_project_load_from_bytes (NULL, out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (koers_project_get_rationale (again, "pyramid"), ==, expected);
  g_assert_cmpstr (koers_project_get_organisation_name (again), ==, "Ünïcødé & Co — 🚀");
}

static void
test_load_unknown_model (void)
{
  g_autoptr(KoersProject) project = load_data ("unknown-model.koers");
  g_auto(GStrv) unknown = koers_project_dup_unknown_models (project);
  const char * const expected[] = { "custom-model", NULL };
  const GPtrArray *warnings = koers_project_get_warnings (project);
  g_autoptr(GBytes) in = read_data ("unknown-model.koers");
  g_autoptr(GBytes) out = NULL;
  g_autoptr(JsonNode) in_root = parse_json (in);
  g_autoptr(JsonNode) out_root = NULL;
  JsonNode *in_custom, *out_custom;

  /* Kept as it is, reported as a warning. */
  g_assert_cmpstrv (unknown, expected);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "placements.custom-model: a model this version of Koers does not know; kept as it is");
  g_assert_null (koers_project_get_current (project, "custom-model"));
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "monitor");

  /* Written back unchanged. */
  out = koers_project_to_bytes (project);
  out_root = parse_json (out);
  in_custom = json_object_get_member (json_object_get_object_member (json_node_get_object (in_root), "placements"), "custom-model");
  out_custom = json_object_get_member (json_object_get_object_member (json_node_get_object (out_root), "placements"), "custom-model");
  g_assert_nonnull (out_custom);
  g_assert_true (json_node_equal (in_custom, out_custom));
  g_assert_true (json_node_equal (in_root, out_root));
}

/* --- writing ------------------------------------------------------------- */

static void
remove_modified (JsonNode *root)
{
  json_object_remove_member (json_node_get_object (root), "modified");
}

static void
test_round_trip_unknown_members (void)
{
  g_autoptr(GBytes) in = read_data ("unknown-members.koers");
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = koers_project_load_from_bytes (NULL, in, &error);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(JsonNode) in_root = NULL;
  g_autoptr(JsonNode) out_root = NULL;
  JsonObject *o;

  g_assert_no_error (error);
  out = koers_project_to_bytes (project);
  in_root = parse_json (in);
  out_root = parse_json (out);

  /* to_bytes does not stamp. */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (out_root), "modified"), ==,
                   "2026-11-23T16:40:05Z");
  remove_modified (in_root);
  remove_modified (out_root);
  g_assert_true (json_node_equal (in_root, out_root));

  /* and, to be sure the comparison sees them, each level's unknown member */
  o = json_node_get_object (out_root);
  g_assert_true (json_object_has_member (o, "x-root-first"));
  g_assert_cmpint (json_object_get_int_member (o, "x-root-last"), ==, G_GINT64_CONSTANT (12345678901234));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (o, "organisation"), "x-org-size"), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "organisation"), "x-org-logo"), ==, "logo.svg");
  g_assert_true (json_object_has_member (json_object_get_object_member (json_object_get_object_member (o, "placements"), "strategy-model"),
                                         "x-placement-extra"));
  g_assert_true (json_object_has_member (json_object_get_object_member (json_object_get_object_member (o, "placements"), "learning-curve"),
                                         "x-future"));
  g_assert_true (json_object_has_member (json_object_get_object_member (o, "roadmap"), "x-roadmap-extra"));
  g_assert_true (json_object_has_member (json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (o, "roadmap"), "items"), "phase-0/management-support"),
                                         "x-item-extra"));
  g_assert_true (json_object_has_member (json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (o, "roadmap"), "items"), "retired/an-old-item"),
                                         "x-only-unknown"));
}

static void
test_round_trip_after_edit (void)
{
  g_autoptr(GBytes) in = read_data ("unknown-members.koers");
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = koers_project_load_from_bytes (NULL, in, &error);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(JsonNode) out_root = NULL;
  JsonObject *pyramid, *item;

  g_assert_no_error (error);
  /* Editing known members keeps the unknown ones beside them. */
  g_assert_true (koers_project_place (project, "pyramid", KOERS_MARKER_TARGET, "create", &error));
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ITEM_STATUS, "phase-0/management-support", "done", &error));
  g_assert_no_error (error);
  out = koers_project_to_bytes (project);
  out_root = parse_json (out);
  pyramid = json_object_get_object_member (json_object_get_object_member (json_node_get_object (out_root), "placements"), "pyramid");
  g_assert_cmpstr (json_object_get_string_member (pyramid, "target"), ==, "create");
  g_assert_false (json_object_get_boolean_member (pyramid, "x-placement-flag"));
  item = json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (json_node_get_object (out_root), "roadmap"), "items"),
                                        "phase-0/management-support");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "done");
  g_assert_true (json_object_has_member (item, "x-item-extra"));
}

static void
test_round_trip_all_samples (void)
{
  const char * const files[] = { "valid-minimal.koers", "valid-full.koers", "woonstichting.koers",
                                 "northwind.koers", "due-quarter.koers", "orphan-items.koers",
                                 "long-rationale.koers", "unknown-model.koers", "target-below-current.koers" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(KoersProject) project = load_data (files[i]);
      g_autoptr(GBytes) out = koers_project_to_bytes (project);
      g_autoptr(GError) error = NULL;
      g_autoptr(KoersProject) again = koers_project_load_from_bytes (NULL, out, &error);
      g_autoptr(GBytes) out2 = NULL;

      g_test_message ("%s", files[i]);
      g_assert_no_error (error);
      /* writing what was read is a fixed point, byte for byte */
      out2 = koers_project_to_bytes (again);
      g_assert_true (g_bytes_equal (out, out2));
    }
}

static gssize
find_from (const char *text,
           gsize       from,
           const char *needle)
{
  const char *found = strstr (text + from, needle);
  return found ? found - text : -1;
}

/* Asserts that each needle occurs, in this order. */
static void
assert_in_order (const char         *text,
                 const char * const *needles)
{
  gssize last = -1;

  for (guint i = 0; needles[i]; i++)
    {
      gssize at = find_from (text, 0, needles[i]);

      if (at < 0)
        g_error ("“%s” is not in the output:\n%s", needles[i], text);
      if (at <= last)
        g_error ("“%s” stands before “%s” in the output:\n%s", needles[i], needles[i - 1], text);
      last = at;
    }
}

static void
test_write_member_order (void)
{
  g_autoptr(KoersProject) project = load_data ("unknown-members.koers");
  g_autoptr(KoersProject) full = load_data ("valid-full.koers");
  g_autoptr(GBytes) out = koers_project_to_bytes (project);
  g_autoptr(GBytes) full_out = koers_project_to_bytes (full);
  g_autofree char *text = bytes_to_string (out);
  g_autofree char *full_text = bytes_to_string (full_out);
  /* The table's order at the root, with two spaces for each level. */
  const char * const root_order[] = {
    "\n  \"format\"", "\n  \"version\"", "\n  \"organisation\"", "\n    \"name\"",
    "\n    \"description\"", "\n  \"created\"", "\n  \"modified\"", "\n  \"placements\"",
    "\n    \"pyramid\"", "\n    \"learning-curve\"", "\n    \"strategy-model\"",
    "\n  \"roadmap\"", "\n    \"start\"", "\n    \"items\"", NULL
  };
  /* Inside a placement and an item, the table's order too. */
  const char * const placement_order[] = {
    "\n    \"pyramid\"", "\n      \"current\"", "\n      \"target\"", "\n      \"rationale\"",
    "\n      \"assessed\"", "\n    \"learning-curve\"", NULL
  };
  const char * const item_order[] = {
    "\n      \"phase-0/management-support\"", "\n        \"status\"", "\n        \"owner\"",
    "\n        \"note\"", "\n      \"retired/an-old-item\"", NULL
  };
  const char * const full_order[] = {
    "\n    \"pyramid\"", "\n    \"learning-curve\"", "\n    \"maturity-matrix\"", "\n    \"strategy-model\"",
    "\n        \"status\"", "\n        \"owner\"", "\n        \"due\"", "\n        \"note\"", NULL
  };

  g_assert_true (g_str_has_prefix (text, "{\n  \"format\""));
  assert_in_order (text, root_order);
  assert_in_order (text, placement_order);
  assert_in_order (text, item_order);
  assert_in_order (full_text, full_order);
  g_assert_true (g_str_has_suffix (text, "}\n"));
}

static void
test_write_indentation (void)
{
  g_autoptr(KoersProject) project = load_data ("valid-full.koers");
  g_autoptr(GBytes) out = koers_project_to_bytes (project);
  g_autofree char *text = bytes_to_string (out);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint prev = 0, max = 0;

  g_assert_null (strchr (text, '\t'));
  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      guint n = strspn (lines[i], " ");

      g_assert_cmpuint (n % 2, ==, 0);
      /* one level deeper is two more spaces, never more */
      if (n > prev)
        g_assert_cmpuint (n - prev, ==, 2);
      prev = n;
      max = MAX (max, n);
    }
  /* root → roadmap → items → item → member: eight spaces */
  g_assert_cmpuint (max, ==, 8);
  g_assert_nonnull (strstr (text, "\n        \"owner\""));
}

static void
test_write_new_project (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(KoersProject) again = NULL;

  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_NAME, NULL, "Nieuw", &error));
  g_assert_true (koers_project_place (project, "strategy-model", KOERS_MARKER_CURRENT, "baseline", &error));
  g_assert_true (koers_project_place (project, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error));
  g_assert_no_error (error);
  out = koers_project_to_bytes (project);
  again = koers_project_load_from_bytes (NULL, out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (koers_project_get_organisation_name (again), ==, "Nieuw");
  g_assert_cmpstr (koers_project_get_current (again, "strategy-model"), ==, "baseline");
  g_assert_cmpstr (koers_project_get_current (again, "pyramid"), ==, "monitor");
  g_assert_true (strstr (g_bytes_get_data (out, NULL), "\"pyramid\"") <
                 strstr (g_bytes_get_data (out, NULL), "\"strategy-model\""));
}

static void
test_stamp (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 11, 20, 9, 12, 0);
  g_autoptr(GTimeZone) cet = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) second = g_date_time_new (cet, 2026, 11, 23, 17, 40, 5);

  koers_project_stamp (project, first);
  g_assert_cmpstr (koers_project_get_created (project), ==, "2026-11-20T09:12:00Z");
  g_assert_cmpstr (koers_project_get_modified (project), ==, "2026-11-20T09:12:00Z");
  /* in UTC, whatever the zone of the clock; created never changes */
  koers_project_stamp (project, second);
  g_assert_cmpstr (koers_project_get_created (project), ==, "2026-11-20T09:12:00Z");
  g_assert_cmpstr (koers_project_get_modified (project), ==, "2026-11-23T16:40:05Z");
}

static void
assert_recent_utc (const char *timestamp)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (timestamp, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_nonnull (dt);
  g_assert_true (g_str_has_suffix (timestamp, "Z"));
  g_assert_cmpint (ABS (g_date_time_difference (now, dt)), <, 120 * G_USEC_PER_SEC);
}

static void
test_save_atomic (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-test");
  g_autofree char *path = g_build_filename (dir, "plan.koers", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KoersProject) project = load_data ("valid-full.koers");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(KoersProject) again = NULL;
  const char * const only_target[] = { "plan.koers", NULL };

  g_assert_true (g_file_set_contents (path, "old content that must go", -1, NULL));

  g_assert_true (koers_project_save_to_file (project, file, NULL, &error));
  g_assert_no_error (error);

  /* no temporary file left beside it */
  names = list_dir (dir);
  g_assert_cmpstrv (names, only_target);

  /* old content replaced by exactly what to_bytes gives after the stamp */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  expected = koers_project_to_bytes (project);
  g_assert_cmpmem (contents, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  /* modified updated, created kept */
  g_assert_cmpstr (koers_project_get_created (project), ==, "2026-11-20T09:12:00Z");
  g_assert_cmpstr (koers_project_get_modified (project), !=, "2026-11-23T16:40:05Z");
  assert_recent_utc (koers_project_get_modified (project));

  again = koers_project_load_from_file (NULL, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (koers_project_get_created (again), ==, "2026-11-20T09:12:00Z");
  g_assert_cmpstr (koers_project_get_modified (again), ==, koers_project_get_modified (project));
  g_assert_cmpstr (koers_project_get_current (again, "pyramid"), ==, "listen");

  koers_test_remove_tree (dir);
}

static void
test_save_new_sets_created (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-test");
  g_autofree char *path = g_build_filename (dir, "new.koers", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  g_autoptr(KoersProject) again = NULL;

  koers_project_set_field (project, KOERS_FIELD_ORGANISATION_NAME, NULL, "Nieuw", &error);
  g_assert_null (koers_project_get_created (project));
  g_assert_true (koers_project_save_to_file (project, file, NULL, &error));
  g_assert_no_error (error);
  assert_recent_utc (koers_project_get_created (project));
  g_assert_cmpstr (koers_project_get_created (project), ==, koers_project_get_modified (project));
  created = g_strdup (koers_project_get_created (project));

  /* a second save keeps created */
  g_usleep (1100 * 1000);
  g_assert_true (koers_project_save_to_file (project, file, NULL, &error));
  g_assert_cmpstr (koers_project_get_created (project), ==, created);
  g_assert_cmpstr (koers_project_get_modified (project), >, created);
  again = koers_project_load_from_file (NULL, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (koers_project_get_created (again), ==, created);

  koers_test_remove_tree (dir);
}

static void
test_save_missing_folder (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-test");
  g_autofree char *path = g_build_filename (dir, "missing", "plan.koers", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KoersProject) project = load_data ("valid-full.koers");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_false (koers_project_save_to_file (project, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing"));
  /* nothing left behind, and the project was not stamped */
  names = list_dir (dir);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
  g_assert_cmpstr (koers_project_get_modified (project), ==, "2026-11-23T16:40:05Z");
  g_assert_cmpstr (koers_project_get_created (project), ==, "2026-11-20T09:12:00Z");

  koers_test_remove_tree (dir);
}

static void
test_save_failure_keeps_previous (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-test");
  g_autofree char *target = g_build_filename (dir, "plan.koers", NULL);
  g_autofree char *inside = g_build_filename (target, "keep.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(KoersProject) project = load_data ("valid-full.koers");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *contents = NULL;
  const char * const only_target[] = { "plan.koers", NULL };

  /* The rename over the target fails (it is a folder that is not empty):
   * the temporary file is removed and what was there stays. */
  g_assert_cmpint (g_mkdir (target, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "precious", -1, NULL));
  g_assert_false (koers_project_save_to_file (project, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  names = list_dir (dir);
  g_assert_cmpstrv (names, only_target);
  g_assert_true (g_file_get_contents (inside, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");
  g_assert_cmpstr (koers_project_get_modified (project), ==, "2026-11-23T16:40:05Z");

  koers_test_remove_tree (dir);
}

/* --- editing ------------------------------------------------------------- */

typedef struct {
  guint  count;
  int    field;
  char  *key;
} ChangedLog;

static void
on_changed (KoersProject *project,
            int           field,
            const char   *key,
            ChangedLog   *log)
{
  log->count++;
  log->field = field;
  g_free (log->key);
  log->key = g_strdup (key);
}

static void
test_place (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(GError) error = NULL;
  ChangedLog log = { 0 };

  g_signal_connect (project, "changed", G_CALLBACK (on_changed), &log);

  g_assert_true (koers_project_place (project, "pyramid", KOERS_MARKER_CURRENT, "listen", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "listen");
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpint (log.field, ==, KOERS_FIELD_CURRENT);
  g_assert_cmpstr (log.key, ==, "pyramid");

  /* the same again is no change: no signal */
  g_assert_true (koers_project_place (project, "pyramid", KOERS_MARKER_CURRENT, "listen", &error));
  g_assert_cmpuint (log.count, ==, 1);

  g_assert_true (koers_project_place (project, "pyramid", KOERS_MARKER_TARGET, "create", &error));
  g_assert_cmpuint (log.count, ==, 2);
  g_assert_cmpint (log.field, ==, KOERS_FIELD_TARGET);
  g_assert_cmpstr (koers_project_get_target (project, "pyramid"), ==, "create");

  /* an unknown stage is refused, nothing changes, no signal */
  g_assert_false (koers_project_place (project, "pyramid", KOERS_MARKER_CURRENT, "shout", &error));
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_UNKNOWN_STAGE);
  g_assert_cmpstr (error->message, ==, "unknown stage \"shout\" (expected one of monitor, listen, respond, create)");
  g_clear_error (&error);
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "listen");
  g_assert_cmpuint (log.count, ==, 2);

  /* a stage of another model is unknown here */
  g_assert_false (koers_project_place (project, "pyramid", KOERS_MARKER_TARGET, "tactical", &error));
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_UNKNOWN_STAGE);
  g_clear_error (&error);

  /* an unknown model is refused */
  g_assert_false (koers_project_place (project, "no-such-model", KOERS_MARKER_CURRENT, "listen", &error));
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no-such-model"));
  g_clear_error (&error);
  g_assert_cmpuint (log.count, ==, 2);

  /* NULL takes the marker off, once */
  g_assert_true (koers_project_place (project, "pyramid", KOERS_MARKER_CURRENT, NULL, &error));
  g_assert_null (koers_project_get_current (project, "pyramid"));
  g_assert_cmpuint (log.count, ==, 3);
  g_assert_true (koers_project_place (project, "pyramid", KOERS_MARKER_CURRENT, NULL, &error));
  g_assert_cmpuint (log.count, ==, 3);
  g_assert_no_error (error);

  g_free (log.key);
}

typedef struct {
  KoersField   field;
  const char  *key;
  const char  *value;
  gboolean     valid;
  int          code;
} FieldCase;

static void
test_set_field_validation (void)
{
  static const FieldCase cases[] = {
    { KOERS_FIELD_ASSESSED, "pyramid", "2026-11-20", TRUE, 0 },
    { KOERS_FIELD_ASSESSED, "pyramid", "2024-02-29", TRUE, 0 },
    { KOERS_FIELD_ASSESSED, "pyramid", "2026-02-29", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ASSESSED, "pyramid", "2026-02-30", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ASSESSED, "pyramid", "2026-13-01", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ASSESSED, "pyramid", "2026-1-01", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ASSESSED, "pyramid", "20 Nov 2026", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ASSESSED, "pyramid", "2026-11-20T10:00", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ROADMAP_START, NULL, "2027-01", TRUE, 0 },
    { KOERS_FIELD_ROADMAP_START, NULL, "2027-12", TRUE, 0 },
    { KOERS_FIELD_ROADMAP_START, NULL, "2027-13", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ROADMAP_START, NULL, "2027-00", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ROADMAP_START, NULL, "2027-Q1", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ROADMAP_START, NULL, "2027-01-01", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ITEM_DUE, "phase-0/training", "2027-03", TRUE, 0 },
    { KOERS_FIELD_ITEM_DUE, "phase-0/training", "2027-Q1", TRUE, 0 },
    { KOERS_FIELD_ITEM_DUE, "phase-0/training", "2027-Q4", TRUE, 0 },
    { KOERS_FIELD_ITEM_DUE, "phase-0/training", "2027-Q5", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ITEM_DUE, "phase-0/training", "2027-Q0", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ITEM_DUE, "phase-0/training", "2027-q1", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ITEM_DUE, "phase-0/training", "2027-13", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ITEM_DUE, "phase-0/training", "March", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ITEM_STATUS, "phase-0/training", "todo", TRUE, 0 },
    { KOERS_FIELD_ITEM_STATUS, "phase-0/training", "doing", TRUE, 0 },
    { KOERS_FIELD_ITEM_STATUS, "phase-0/training", "done", TRUE, 0 },
    { KOERS_FIELD_ITEM_STATUS, "phase-0/training", "skipped", TRUE, 0 },
    { KOERS_FIELD_ITEM_STATUS, "phase-0/training", "Done", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ITEM_STATUS, "phase-0/training", "finished", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ITEM_STATUS, NULL, "done", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ITEM_OWNER, "", "Anna", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_CURRENT, "learning-curve", "tactical", TRUE, 0 },
    { KOERS_FIELD_CURRENT, "learning-curve", "listen", FALSE, KOERS_FILE_ERROR_UNKNOWN_STAGE },
    { KOERS_FIELD_TARGET, "maturity-matrix", "converged", TRUE, 0 },
    { KOERS_FIELD_TARGET, "maturity-matrix", "strategy", FALSE, KOERS_FILE_ERROR_UNKNOWN_STAGE },
    { KOERS_FIELD_RATIONALE, "strategy-model", "Because.\nTwo lines.", TRUE, 0 },
    { KOERS_FIELD_RATIONALE, "custom-model", "x", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_RATIONALE, NULL, "x", FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ORGANISATION_NAME, NULL, NULL, FALSE, KOERS_FILE_ERROR_INVALID },
    { KOERS_FIELD_ORGANISATION_NAME, NULL, "Nieuwe naam", TRUE, 0 },
    { KOERS_FIELD_ORGANISATION_DESCRIPTION, NULL, "Beschrijving", TRUE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const FieldCase *c = &cases[i];
      g_autoptr(KoersProject) project = load_data ("valid-full.koers");
      g_autoptr(GError) error = NULL;
      g_autofree char *before = g_strdup (koers_project_get_field (project, c->field, c->key));
      ChangedLog log = { 0 };
      gboolean ok;

      g_test_message ("case %u: field %d, key %s, value %s", i, c->field, c->key, c->value);
      g_signal_connect (project, "changed", G_CALLBACK (on_changed), &log);
      ok = koers_project_set_field (project, c->field, c->key, c->value, &error);
      if (c->valid)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (koers_project_get_field (project, c->field, c->key), ==, c->value);
          g_assert_cmpuint (log.count, ==, g_strcmp0 (before, c->value) != 0 ? 1 : 0);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, KOERS_FILE_ERROR, c->code);
          /* the message says what was wrong */
          if (c->value != NULL && c->key != NULL && *c->key != '\0' &&
              g_strcmp0 (c->key, "custom-model") != 0)
            g_assert_nonnull (strstr (error->message, c->value));
          g_assert_cmpstr (koers_project_get_field (project, c->field, c->key), ==, before);
          g_assert_cmpuint (log.count, ==, 0);
        }
      g_free (log.key);
    }
}

static void
test_set_field_messages (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(GError) error = NULL;

  koers_project_set_field (project, KOERS_FIELD_ASSESSED, "pyramid", "2026-02-30", &error);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Expected a date like 2026-11-20, found “2026-02-30”");
  g_clear_error (&error);

  koers_project_set_field (project, KOERS_FIELD_ROADMAP_START, NULL, "2027-13", &error);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Expected a month like 2027-01, found “2027-13”");
  g_clear_error (&error);

  koers_project_set_field (project, KOERS_FIELD_ITEM_DUE, "phase-0/training", "2027-Q5", &error);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Expected a month like 2027-03 or a quarter like 2027-Q1, found “2027-Q5”");
  g_clear_error (&error);

  koers_project_set_field (project, KOERS_FIELD_ITEM_STATUS, "phase-0/training", "finished", &error);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "unknown status \"finished\" (expected one of todo, doing, done, skipped)");
  g_clear_error (&error);

  /* a refused value leaves no trace in the file */
  g_assert_false (koers_project_has_item_state (project, "phase-0/training"));
}

static void
test_set_field_empty_is_absent (void)
{
  g_autoptr(KoersProject) project = load_data ("valid-full.koers");
  g_autoptr(GError) error = NULL;
  ChangedLog log = { 0 };

  g_signal_connect (project, "changed", G_CALLBACK (on_changed), &log);
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_DESCRIPTION, NULL, "", &error));
  g_assert_null (koers_project_get_organisation_description (project));
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ITEM_OWNER, "phase-0/management-support", "", &error));
  g_assert_null (koers_project_get_item_owner (project, "phase-0/management-support"));
  g_assert_cmpuint (log.count, ==, 2);
  g_assert_cmpint (log.field, ==, KOERS_FIELD_ITEM_OWNER);
  g_assert_cmpstr (log.key, ==, "phase-0/management-support");
  /* clearing what is already clear changes nothing */
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ITEM_OWNER, "phase-0/management-support", NULL, &error));
  g_assert_cmpuint (log.count, ==, 2);
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ITEM_STATUS, "phase-0/management-support", NULL, &error));
  g_assert_null (koers_project_get_field (project, KOERS_FIELD_ITEM_STATUS, "phase-0/management-support"));
  g_assert_cmpuint (log.count, ==, 3);
  g_assert_no_error (error);
  g_free (log.key);
}

static void
test_set_field_no_trace (void)
{
  g_autoptr(KoersProject) project = load_data ("valid-minimal.koers");
  g_autoptr(GBytes) before = koers_project_to_bytes (project);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  /* Clearing a field of an item nobody recorded anything on, or setting
   * and clearing it again, leaves the file as it was. */
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ITEM_NOTE, "phase-0/training", NULL, &error));
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ITEM_OWNER, "phase-0/training", "Anna", &error));
  g_assert_true (koers_project_has_item_state (project, "phase-0/training"));
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ITEM_OWNER, "phase-0/training", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (koers_project_has_item_state (project, "phase-0/training"));
  after = koers_project_to_bytes (project);
  g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before),
                   g_bytes_get_data (after, NULL), g_bytes_get_size (after));
}

static void
test_validators (void)
{
  static const char * const months[] = { "2027-01", "2027-12", "0001-06", NULL };
  static const char * const not_months[] = { "2027-00", "2027-13", "2027-1", "27-01", "2027/01", "2027-01 ", "", "abcd-ef", NULL };
  static const char * const dues[] = { "2027-01", "2027-Q1", "2027-Q4", NULL };
  static const char * const not_dues[] = { "2027-Q0", "2027-Q5", "2027Q1", "2027-q2", "Q1-2027", NULL };
  static const char * const dates[] = { "2026-11-20", "2024-02-29", "2000-02-29", "2026-12-31", NULL };
  static const char * const not_dates[] = { "2026-02-29", "1900-02-29", "2026-04-31", "2026-00-10", "2026-11-00", "2026-11-2", "2026-11-20Z", NULL };

  for (guint i = 0; months[i]; i++)
    g_assert_true (koers_is_valid_month (months[i]));
  for (guint i = 0; not_months[i]; i++)
    g_assert_false (koers_is_valid_month (not_months[i]));
  g_assert_false (koers_is_valid_month (NULL));
  for (guint i = 0; dues[i]; i++)
    g_assert_true (koers_is_valid_due (dues[i]));
  for (guint i = 0; not_dues[i]; i++)
    g_assert_false (koers_is_valid_due (not_dues[i]));
  for (guint i = 0; dates[i]; i++)
    g_assert_true (koers_is_valid_date (dates[i]));
  for (guint i = 0; not_dates[i]; i++)
    g_assert_false (koers_is_valid_date (not_dates[i]));
  g_assert_false (koers_is_valid_date (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *name = g_strndup (broken_cases[i].file, strlen (broken_cases[i].file) - strlen (".koers"));
      g_autofree char *path = g_strdup_printf ("/core/project/load/%s", name);

      g_test_add_data_func (path, &broken_cases[i], test_load_broken);
    }
  g_test_add_func ("/core/project/load/syntax-error", test_load_syntax_error);
  g_test_add_func ("/core/project/load/syntax-error-file", test_load_syntax_error_file);
  g_test_add_func ("/core/project/load/not-utf8-generated", test_load_not_utf8_generated);
  g_test_add_func ("/core/project/load/whitespace-only", test_load_whitespace_only);
  g_test_add_func ("/core/project/load/not-object-position", test_load_not_object_position);
  g_test_add_func ("/core/project/load/version-zero", test_load_version_zero);
  g_test_add_func ("/core/project/load/too-deep", test_load_too_deep);
  g_test_add_func ("/core/project/load/too-deep-objects", test_load_too_deep_objects);
  g_test_add_func ("/core/project/load/depth-limit", test_load_depth_limit);
  g_test_add_func ("/core/project/load/brackets-in-strings", test_load_brackets_in_strings);
  g_test_add_func ("/core/project/load/too-large-bytes", test_load_too_large_bytes);
  g_test_add_func ("/core/project/load/at-size-limit", test_load_at_size_limit);
  g_test_add_func ("/core/project/load/too-large-file", test_load_too_large_file);
  g_test_add_func ("/core/project/load/missing-file", test_load_missing_file);
  g_test_add_func ("/core/project/load/valid-minimal", test_load_minimal);
  g_test_add_func ("/core/project/load/valid-full", test_load_full);
  g_test_add_func ("/core/project/load/samples", test_load_samples);
  g_test_add_func ("/core/project/load/due-quarter", test_load_due_quarter);
  g_test_add_func ("/core/project/load/target-below-current", test_load_target_below_current);
  g_test_add_func ("/core/project/load/null-current", test_load_null_current);
  g_test_add_func ("/core/project/load/orphan-items", test_load_orphan_items);
  g_test_add_func ("/core/project/load/long-rationale", test_load_long_rationale);
  g_test_add_func ("/core/project/load/unknown-model", test_load_unknown_model);
  g_test_add_func ("/core/project/write/round-trip-unknown-members", test_round_trip_unknown_members);
  g_test_add_func ("/core/project/write/round-trip-after-edit", test_round_trip_after_edit);
  g_test_add_func ("/core/project/write/fixed-point", test_round_trip_all_samples);
  g_test_add_func ("/core/project/write/member-order", test_write_member_order);
  g_test_add_func ("/core/project/write/indentation", test_write_indentation);
  g_test_add_func ("/core/project/write/new-project", test_write_new_project);
  g_test_add_func ("/core/project/write/stamp", test_stamp);
  g_test_add_func ("/core/project/save/atomic", test_save_atomic);
  g_test_add_func ("/core/project/save/new-sets-created", test_save_new_sets_created);
  g_test_add_func ("/core/project/save/missing-folder", test_save_missing_folder);
  g_test_add_func ("/core/project/save/failure-keeps-previous", test_save_failure_keeps_previous);
  g_test_add_func ("/core/project/edit/place", test_place);
  g_test_add_func ("/core/project/edit/set-field-validation", test_set_field_validation);
  g_test_add_func ("/core/project/edit/set-field-messages", test_set_field_messages);
  g_test_add_func ("/core/project/edit/empty-is-absent", test_set_field_empty_is_absent);
  g_test_add_func ("/core/project/edit/no-trace", test_set_field_no_trace);
  g_test_add_func ("/core/project/validators", test_validators);

  return g_test_run ();
}
