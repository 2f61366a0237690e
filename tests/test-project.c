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
#include <time.h>

#include "koers-error.h"
#include "koers-project.h"
#include "koers-roadmap.h"
#include "koers-test-util.h"

/* --- helpers ------------------------------------------------------------- */

static GBytes *
read_data (const char *name)
{
  g_autofree char *path = koers_test_data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
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
  { "format-not-string.koers", KOERS_FILE_ERROR_TYPE,
    "format: expected text, found a number" },
  { "organisation-not-object.koers", KOERS_FILE_ERROR_TYPE,
    "organisation: expected an object, found text" },
  { "roadmap-not-object.koers", KOERS_FILE_ERROR_TYPE,
    "roadmap: expected an object, found a list" },
  { "start-not-string.koers", KOERS_FILE_ERROR_TYPE,
    "roadmap.start: expected text, found a number" },
  { "owner-not-string.koers", KOERS_FILE_ERROR_TYPE,
    "roadmap.items.phase-0/management-support.owner: expected text, found a list" },
  { "note-not-string.koers", KOERS_FILE_ERROR_TYPE,
    "roadmap.items.phase-0/management-support.note: expected text, found an object" },
  { "status-not-string.koers", KOERS_FILE_ERROR_TYPE,
    "roadmap.items.phase-0/management-support.status: expected text, found true or false" },
  { "due-not-string.koers", KOERS_FILE_ERROR_TYPE,
    "roadmap.items.phase-0/management-support.due: expected text, found a number" },
  /* Which number, not just "a number". */
  { "version-fraction.koers", KOERS_FILE_ERROR_TYPE,
    "version: expected a whole number, found 1.5" },
  /* The 65th level: the 64th list inside the root object, on line 69. */
  { "depth-65.koers", KOERS_FILE_ERROR_TOO_DEEP,
    "69:131: the data is nested more than 64 levels deep; this is not a file Koers wrote" },

  /* Numbers json-glib cannot hold: an integer beyond 64 bits wrapped to -1,
   * 1e400 became infinity and was saved as 0.0, -1e-400 became 0. */
  { "number-too-large.koers", KOERS_FILE_ERROR_INVALID,
    "5:10: x-h: the number is too large for Koers to keep exactly" },
  { "number-beyond-double.koers", KOERS_FILE_ERROR_INVALID,
    "6:51: placements.pyramid.x-g[1]: the number is too large for Koers to keep exactly" },
  { "number-below-double.koers", KOERS_FILE_ERROR_INVALID,
    "4:55: organisation.x-tiny: the number is too close to zero for Koers to keep exactly" },
  /* not "version: expected 1, found -1" */
  { "version-too-large.koers", KOERS_FILE_ERROR_INVALID,
    "3:14: version: the number is too large for Koers to keep exactly" },
  /* json-glib ends the text at \u0000: "Nul", and "Byte" lost. */
  { "nul-escape.koers", KOERS_FILE_ERROR_INVALID,
    "4:33: the text holds \\u0000, a character Koers cannot keep" },

  /* A member twice: json-glib keeps the last, and the first was lost. */
  { "duplicate-placement.koers", KOERS_FILE_ERROR_DUPLICATE,
    "8:5: the member \"pyramid\" appears twice in placements" },
  { "duplicate-top-level.koers", KOERS_FILE_ERROR_DUPLICATE,
    "5:3: the member \"organisation\" appears twice in the top level" },
  /* compared with the escapes resolved: "st\u0061tus" is "status" */
  { "duplicate-escaped.koers", KOERS_FILE_ERROR_DUPLICATE,
    "7:57: the member \"status\" appears twice in roadmap.items.phase-0/management-support" },

  /* Not JSON, though json-glib took it: a second value was dropped on
   * save, comments were skipped. */
  { "trailing-value.koers", KOERS_FILE_ERROR_SYNTAX,
    "6:1: not valid JSON: there is more after the end of the data; a Koers file holds a single JSON object" },
  { "comment-block.koers", KOERS_FILE_ERROR_SYNTAX,
    "3:17: not valid JSON: comments are not allowed in JSON" },
  { "comment-line.koers", KOERS_FILE_ERROR_SYNTAX,
    "4:3: not valid JSON: comments are not allowed in JSON" },
  { "single-quotes.koers", KOERS_FILE_ERROR_SYNTAX,
    "4:21: not valid JSON: text must be in double quotes (\"), not single quotes (')" },
  { "line-break-in-text.koers", KOERS_FILE_ERROR_SYNTAX,
    "4:34: not valid JSON: text cannot run on to the next line: close it with a double quote (\") or write the line break as \\n" },
  { "bad-escape.koers", KOERS_FILE_ERROR_SYNTAX,
    "4:32: not valid JSON: not a valid escape; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u and four hexadecimal digits" },
  { "leading-zero.koers", KOERS_FILE_ERROR_SYNTAX,
    "3:14: not valid JSON: not a valid number" },

  /* json-glib's own English wording, one per JsonParserError, now ours */
  { "syntax-error.koers", KOERS_FILE_ERROR_SYNTAX,
    "3:13: not valid JSON: expected a colon (:) after the member name" },
  { "trailing-comma.koers", KOERS_FILE_ERROR_SYNTAX,
    "4:45: not valid JSON: a comma (,) may not come right before } or ]" },
  { "missing-comma.koers", KOERS_FILE_ERROR_SYNTAX,
    "4:3: not valid JSON: expected a comma (,) or the end of the object (})" },
  { "bareword.koers", KOERS_FILE_ERROR_SYNTAX,
    "4:29: not valid JSON: unexpected word; text must be in double quotes, and true, false and null in lower case" },
  { "unclosed.koers", KOERS_FILE_ERROR_SYNTAX,
    "5:1: not valid JSON: the file ends too early; something is missing at the end, such as } or ]" },
};

static void
test_load_broken (gconstpointer data)
{
  const BrokenCase *c = data;
  g_autoptr(GBytes) bytes = read_data (c->file);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = NULL;
  g_autofree char *path = koers_test_data_path (c->file);
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

  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX);
  /* `  "version" 1,` on line 3: where the colon should be, in our words;
   * not json-glib's "<data>:3:13: Parse error: unexpected string constant". */
  g_assert_cmpstr (error->message, ==, "3:13: not valid JSON: expected a colon (:) after the member name");
  g_assert_null (strstr (error->message, "<data>"));
  g_assert_null (strstr (error->message, "Parse error"));
}

/* A text the reader must refuse, with the error it must give. */
typedef struct {
  const char     *json;
  KoersFileError  code;
  const char     *message;   /* exact */
} RefusedText;

static void
assert_refused (const RefusedText *cases,
                guint              n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KoersProject) project = load_string (cases[i].json, &error);

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_null (project);
      g_assert_error (error, KOERS_FILE_ERROR, (int) cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* What json-glib took, changed or worded in English, each refused with
 * the error code and where. */
static void
test_load_strict_json (void)
{
  static const RefusedText cases[] = {
    { "{\"a\": .5}", KOERS_FILE_ERROR_SYNTAX, "1:7: not valid JSON: not a valid number" },
    { "{\"a\": +1}", KOERS_FILE_ERROR_SYNTAX, "1:7: not valid JSON: not a valid number" },
    { "{\"a\": 0x10}", KOERS_FILE_ERROR_SYNTAX, "1:7: not valid JSON: not a valid number" },
    { "{\"a\": 1.}", KOERS_FILE_ERROR_SYNTAX, "1:7: not valid JSON: not a valid number" },
    { "{\"a\": 1e}", KOERS_FILE_ERROR_SYNTAX, "1:7: not valid JSON: not a valid number" },
    { "{\"a\": -}", KOERS_FILE_ERROR_SYNTAX, "1:7: not valid JSON: not a valid number" },
    { "{\"a\": 12abc}", KOERS_FILE_ERROR_SYNTAX, "1:7: not valid JSON: not a valid number" },
    { "{\"a\": \"x\ty\"}", KOERS_FILE_ERROR_SYNTAX,
      "1:9: not valid JSON: text may not hold a control character such as a tab; write it as an escape, such as \\t" },
    { "{\"a\": \"\\u12\"}", KOERS_FILE_ERROR_SYNTAX,
      "1:8: not valid JSON: not a valid escape; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u and four hexadecimal digits" },
    { "{\"a\": \"abc", KOERS_FILE_ERROR_SYNTAX,
      "1:7: not valid JSON: the text that starts here is not closed with a double quote (\")" },
    { "{\"a\": [1,,2]}", KOERS_FILE_ERROR_SYNTAX,
      "1:10: not valid JSON: expected a value: text in double quotes, a number, true, false, null, an object or a list" },
    { "{\"a\": [1 2]}", KOERS_FILE_ERROR_SYNTAX,
      "1:10: not valid JSON: expected a comma (,) or the end of the list (])" },
    { "{\"a\": [1,]}", KOERS_FILE_ERROR_SYNTAX,
      "1:9: not valid JSON: a comma (,) may not come right before } or ]" },
    { "{\"a\": nul}", KOERS_FILE_ERROR_SYNTAX,
      "1:7: not valid JSON: unexpected word; text must be in double quotes, and true, false and null in lower case" },
    { "{\"a\": True}", KOERS_FILE_ERROR_SYNTAX,
      "1:7: not valid JSON: unexpected word; text must be in double quotes, and true, false and null in lower case" },
    { "{a: 1}", KOERS_FILE_ERROR_SYNTAX, "1:2: not valid JSON: expected a member name in double quotes" },
    { "{\"a\": 1}]", KOERS_FILE_ERROR_SYNTAX,
      "1:9: not valid JSON: there is more after the end of the data; a Koers file holds a single JSON object" },
    { "{\"a\": 1} x", KOERS_FILE_ERROR_SYNTAX,
      "1:10: not valid JSON: there is more after the end of the data; a Koers file holds a single JSON object" },
    { "{\"a\": 1} /* c */", KOERS_FILE_ERROR_SYNTAX, "1:10: not valid JSON: comments are not allowed in JSON" },
    { "{\"a\": {", KOERS_FILE_ERROR_SYNTAX,
      "1:8: not valid JSON: the file ends too early; something is missing at the end, such as } or ]" },
    { "{\"a\":", KOERS_FILE_ERROR_SYNTAX,
      "1:6: not valid JSON: the file ends too early; something is missing at the end, such as } or ]" },
    /* one past gint64 either way; json-glib wrapped both */
    { "{\"a\": 9223372036854775808}", KOERS_FILE_ERROR_INVALID,
      "1:7: a: the number is too large for Koers to keep exactly" },
    { "{\"a\": -9223372036854775809}", KOERS_FILE_ERROR_INVALID,
      "1:7: a: the number is too large for Koers to keep exactly" },
    { "[1, 2, 1e999]", KOERS_FILE_ERROR_INVALID,
      "1:8: [2]: the number is too large for Koers to keep exactly" },
    { "99999999999999999999", KOERS_FILE_ERROR_INVALID,
      "1:1: the top level: the number is too large for Koers to keep exactly" },
    { "{\"a\": 0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001}",
      KOERS_FILE_ERROR_INVALID, "1:7: a: the number is too close to zero for Koers to keep exactly" },
    { "{\"x\": [{\"a\": 1, \"b\": 2, \"a\": 3}]}", KOERS_FILE_ERROR_DUPLICATE,
      "1:25: the member \"a\" appears twice in x[0]" },
    { "{\"\\ud83d\\ude80\": 1, \"\xf0\x9f\x9a\x80\": 2}", KOERS_FILE_ERROR_DUPLICATE,
      "1:21: the member \"\xf0\x9f\x9a\x80\" appears twice in the top level" },
  };

  assert_refused (cases, G_N_ELEMENTS (cases));
}

/* What a strict reader must still take. */
static void
test_load_strict_json_accepts (void)
{
  static const char head[] = "{\"format\": \"koers-project\", \"version\": 1, \"organisation\": {\"name\": \"x\"}";
  static const char * const tails[] = {
    /* the same name in sibling and nested objects is no duplicate */
    ", \"x\": [{\"a\": 1, \"b\": 2}, {\"a\": 1, \"b\": 2}], \"a\": {\"a\": {\"a\": 1}}}",
    /* an empty name, escapes, and every kind of value */
    ", \"\": [true, false, null, -0, 0.5e-3, 1E+2, \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"]}",
    /* the limits of a 64-bit integer and of a double */
    ", \"x\": [9223372036854775807, -9223372036854775808, 1.7976931348623157e308, 5e-324, 0e999]}",
    /* white space of every kind JSON has */
    " \t\r\n}\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tails); i++)
    {
      g_autofree char *text = g_strconcat (head, tails[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(KoersProject) project = load_string (text, &error);

      g_test_message ("case %u: %s", i, text);
      g_assert_no_error (error);
      g_assert_nonnull (project);
    }
}

/* The duplicate check keeps one set of names per level: an object with
 * many members, or many objects, stay quick, also at the depth limit. */
/* The processor time this thread has used, in µs: unlike the wall
 * clock, it does not count the time other processes had the processor. */
static gint64
thread_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

typedef KoersProject * (*LoadFunc) (GBytes  *bytes,
                                    GError **error);

/* Times @load on @small and on @large, taking turns, and keeps the best
 * of five of each: a busy machine only ever makes a run slower. Returns
 * the ratio large / small; the last error of each in @error. */
static double
growth (LoadFunc   load,
        GBytes    *small,
        GBytes    *large,
        GError   **small_error,
        GError   **large_error)
{
  gint64 best[2] = { G_MAXINT64, G_MAXINT64 };
  GBytes *bytes[2] = { small, large };
  GError **errors[2] = { small_error, large_error };

  for (guint run = 0; run < 10; run++)
    {
      g_autoptr(KoersProject) project = NULL;
      guint which = run % 2;
      gint64 start = thread_time ();

      g_clear_error (errors[which]);
      project = load (bytes[which], errors[which]);
      g_clear_object (&project);
      best[which] = MIN (best[which], thread_time () - start);
    }
  g_test_message ("best of five: %" G_GINT64_FORMAT " us and %" G_GINT64_FORMAT " us",
                  best[0], best[1]);
  return best[1] / (double) MAX (best[0], 1);
}

static GBytes *
many_members_bytes (guint n)
{
  GString *text = g_string_new ("{\"format\": \"koers-project\", \"version\": 1, "
                                "\"organisation\": {\"name\": \"Many\"}, \"x-many\": {");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s\"m%u\": {\"a\": 1, \"b\": [{\"a\": 2}]}", i ? ", " : "", i);
  g_string_append (text, ", \"m123\": 0}}");
  return g_string_free_to_bytes (text);
}

static KoersProject *
load_bytes (GBytes  *bytes,
            GError **error)
{
  return koers_project_load_from_bytes (NULL, bytes, error);
}

/* A duplicate among many members is found, and finding it is linear:
 * ten times the members take less than thirty times as long (a ratio,
 * not a time, so that it holds on a busy machine or under a sanitizer). */
static void
test_load_many_members (void)
{
  g_autoptr(GBytes) small = many_members_bytes (20000);
  g_autoptr(GBytes) large = many_members_bytes (200000);
  g_autoptr(GError) small_error = NULL;
  g_autoptr(GError) error = NULL;
  double ratio = growth (load_bytes, small, large, &small_error, &error);

  g_assert_error (small_error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_DUPLICATE);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_DUPLICATE);
  g_assert_true (g_str_has_suffix (error->message, ": the member \"m123\" appears twice in x-many"));
  g_assert_cmpfloat (ratio, <, 30);
}

static GBytes *
annotations_bytes (guint n)
{
  static const char *statuses[] = { "todo", "doing", "done", "skipped" };
  GString *text = g_string_new ("{\"format\": \"koers-project\", \"version\": 1, "
                                "\"organisation\": {\"name\": \"Many\"}, "
                                "\"placements\": {\"pyramid\": {\"current\": \"respond\", \"target\": \"create\"}}, "
                                "\"roadmap\": {\"start\": \"2027-01\", \"items\": {");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s\"item-%u\": {\"status\": \"%s\", \"owner\": \"Team %u\", "
                            "\"due\": \"2027-Q%u\", \"note\": \"Note %u\"}",
                            i ? ", " : "", i, statuses[i % 4], i % 17, 1 + i % 4, i);
  g_string_append (text, "}}}");
  return g_string_free_to_bytes (text);
}

/* What `koers --check` and opening a window do: load, then build the
 * roadmap, which asks the project about every recorded item. */
static KoersProject *
load_and_build (GBytes  *bytes,
                GError **error)
{
  KoersProject *project = koers_project_load_from_bytes (NULL, bytes, error);

  if (project != NULL)
    g_object_unref (koers_roadmap_build (project, NULL));
  return project;
}

/* Recorded annotations are found by id, not by a scan of them all: ten
 * times the annotations take less than thirty times as long. */
/* The annotations are read while the file is scanned, not from the tree
 * after it: the messages, and which of two problems is named, must be
 * those of a reader that reads the whole file first. */
static void
test_load_annotations_scanned (void)
{
#define HEAD "{\"format\": \"koers-project\", \"version\": 1, \"organisation\": {\"name\": \"A\"}, "
  static const RefusedText cases[] = {
    { HEAD "\"roadmap\": {\"items\": {\"a\": {}, \"a\": {}}}}", KOERS_FILE_ERROR_DUPLICATE,
      "1:105: the member \"a\" appears twice in roadmap.items" },
    /* the start is checked before the annotations */
    { HEAD "\"roadmap\": {\"items\": {\"a\": {\"status\": \"finished\"}}, \"start\": \"2027-13\"}}",
      KOERS_FILE_ERROR_INVALID, "roadmap.start: expected a month like 2027-01, found \"2027-13\"" },
    /* and the top level's members before the roadmap, wherever they are */
    { HEAD "\"roadmap\": {\"items\": {\"a\": {\"status\": \"finished\"}}}, \"created\": \"yesterday\"}",
      KOERS_FILE_ERROR_INVALID, "created: expected a time like 2026-11-20T09:12:00Z, found \"yesterday\"" },
    /* the first wrong annotation, not the last */
    { HEAD "\"roadmap\": {\"items\": {\"a\": {\"due\": \"2027-Q5\"}, \"b\": {\"status\": \"finished\"}}}}",
      KOERS_FILE_ERROR_INVALID, "roadmap.items.a.due: expected a month like 2027-03 or a quarter like 2027-Q1, found \"2027-Q5\"" },
    /* a syntax error after a wrong annotation is still a syntax error */
    { HEAD "\"roadmap\": {\"items\": {\"a\": {\"status\": \"finished\"}}},}", KOERS_FILE_ERROR_SYNTAX,
      "1:125: not valid JSON: a comma (,) may not come right before } or ]" },
    { HEAD "\"roadmap\": {\"items\": {\"a\": {\"status\": \"todo\", \"status\": \"done\"}}}}", KOERS_FILE_ERROR_DUPLICATE,
      "1:120: the member \"status\" appears twice in roadmap.items.a" },
    { HEAD "\"roadmap\": {\"items\": {\"a\": {\"owner\": 3}}}}", KOERS_FILE_ERROR_TYPE,
      "roadmap.items.a.owner: expected text, found a number" },
    { HEAD "\"roadmap\": {\"items\": {\"a\": 3}}}", KOERS_FILE_ERROR_TYPE,
      "roadmap.items.a: expected an object, found a number" },
    { HEAD "\"roadmap\": {\"items\": {\"a\": {\"note\": \"\\udc80\"}}}}", KOERS_FILE_ERROR_NOT_UTF8,
      "roadmap.items.a.note: the text holds an escape that is not a valid character (a lone \\u surrogate)" },
  };
  /* the same annotations, read while scanning and, with a \u escape,
   * from the tree */
  static const char * const valid[] = {
    HEAD "\"roadmap\": {\"items\": {\"c\": {\"note\": \"caf\xc3\xa9\"}, \"a\": {\"x-keep\": [1, {\"y\": null}], \"owner\": \"Ann\"}, "
    "\"b\": {\"status\": \"done\", \"due\": \"2027-Q2\"}, \"d\": {}, "
    "\"e\": {\"x1\": \"1\", \"x2\": \"2\", \"x3\": \"3\", \"x4\": \"4\", \"x5\": \"5\", \"x6\": \"6\", \"x7\": \"7\", \"x8\": \"8\", \"x9\": \"9\", \"note\": \"n\"}, "
    "\"f\": {\"x-s\": \"t\", \"owner\": null, \"x-n\": 5, \"due\": \"2027-03\"}}}}",
    HEAD "\"roadmap\": {\"items\": {\"c\": {\"note\": \"caf\\u00e9\"}, \"a\": {\"x-keep\": [1, {\"y\": null}], \"owner\": \"Ann\"}, "
    "\"b\": {\"status\": \"done\", \"due\": \"2027-Q2\"}, \"d\": {}, "
    "\"e\": {\"x1\": \"1\", \"x2\": \"2\", \"x3\": \"3\", \"x4\": \"4\", \"x5\": \"5\", \"x6\": \"6\", \"x7\": \"7\", \"x8\": \"8\", \"x9\": \"9\", \"note\": \"n\"}, "
    "\"f\": {\"x-s\": \"t\", \"owner\": null, \"x-n\": 5, \"due\": \"2027-03\"}}}}",
  };
#undef HEAD
  g_autofree char *first = NULL;

  assert_refused (cases, G_N_ELEMENTS (cases));

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KoersProject) project = load_string (valid[i], &error);
      g_auto(GStrv) ids = NULL;
      g_autoptr(GBytes) out = NULL;
      g_autoptr(JsonNode) root = NULL;
      JsonObject *items;

      g_assert_no_error (error);
      ids = koers_project_dup_item_ids (project);
      g_assert_cmpuint (g_strv_length (ids), ==, 6);
      g_assert_cmpstr (ids[0], ==, "c");
      g_assert_cmpstr (ids[1], ==, "a");
      g_assert_cmpstr (ids[2], ==, "b");
      g_assert_cmpstr (ids[3], ==, "d");
      g_assert_cmpstr (koers_project_get_item_note (project, "e"), ==, "n");
      g_assert_null (koers_project_get_item_owner (project, "f"));
      g_assert_cmpstr (koers_project_get_item_due (project, "f"), ==, "2027-03");
      g_assert_cmpstr (koers_project_get_item_note (project, "c"), ==, "caf\xc3\xa9");
      g_assert_cmpstr (koers_project_get_item_owner (project, "a"), ==, "Ann");
      g_assert_cmpint (koers_project_get_item_status (project, "b"), ==, KOERS_STATUS_DONE);

      out = koers_project_to_bytes (project);
      root = parse_json (out);
      items = json_object_get_object_member (json_object_get_object_member (json_node_get_object (root), "roadmap"), "items");
      g_assert_true (json_object_has_member (json_object_get_object_member (items, "a"), "x-keep"));
      g_assert_false (json_object_has_member (json_object_get_object_member (items, "b"), "x-keep"));
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (items, "f"), "x-n"), ==, 5);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (items, "f"), "x-s"), ==, "t");
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (items, "e"), "x9"), ==, "9");
      if (first == NULL)
        first = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
      else
        g_assert_cmpstr (first, ==, g_bytes_get_data (out, NULL));
    }
}

static void
test_load_annotations_linear (void)
{
  g_autoptr(GBytes) small = annotations_bytes (1000);
  g_autoptr(GBytes) large = annotations_bytes (10000);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(GError) small_error = NULL;
  g_auto(GStrv) ids = NULL;
  double ratio;

  /* What is timed is what it should be: every annotation read and kept. */
  project = load_and_build (large, &error);
  g_assert_no_error (error);
  ids = koers_project_dup_item_ids (project);
  g_assert_cmpuint (g_strv_length (ids), ==, 10000);
  g_assert_cmpstr (koers_project_get_item_owner (project, "item-9999"), ==, "Team 3");

  ratio = growth (load_and_build, small, large, &small_error, &error);
  g_assert_no_error (small_error);
  g_assert_no_error (error);
  g_assert_cmpfloat (ratio, <, 30);
}

static void
test_load_duplicate_at_depth_limit (void)
{
  GString *text = g_string_new ("{\"format\": \"koers-project\", \"version\": 1, "
                                "\"organisation\": {\"name\": \"Deep\"}, \"x\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = NULL;
  g_autofree char *str = NULL;
  g_autofree char *expected_path = NULL;
  GString *path = g_string_new ("x");

  /* 63 objects inside the root: 64 levels, the most there may be */
  for (guint i = 1; i < 63; i++)
    {
      g_string_append (text, "{\"k\": ");
      g_string_append (path, ".k");
    }
  g_string_append (text, "{\"d\": 1, \"d\": 2}");
  for (guint i = 1; i < 63; i++)
    g_string_append_c (text, '}');
  g_string_append_c (text, '}');
  str = g_string_free (text, FALSE);
  expected_path = g_strdup_printf (": the member \"d\" appears twice in %s", path->str);
  g_string_free (path, TRUE);

  project = load_string (str, &error);
  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_DUPLICATE);
  g_assert_true (g_str_has_suffix (error->message, expected_path));
}

static void
test_load_syntax_error_file (void)
{
  g_autofree char *path = koers_test_data_path ("syntax-error.koers");
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
  /* One byte over: not "the file is 16.0 MiB; Koers files are at most 16 MiB". */
  g_assert_cmpstr (error->message, ==, "the file is larger than 16 MiB, the most a Koers file may be");
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
  g_assert_cmpstr (error->message, ==, "too-large.koers: the file is 17.0 MiB; Koers files are at most 16 MiB");

  koers_test_remove_tree (dir);
}

static void
test_load_folder (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-test");
  g_autofree char *path = g_build_filename (dir, "folder.koers", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  project = koers_project_load_from_file (NULL, file, NULL, &error);
  g_assert_null (project);
  /* not GIO's "Error opening file /tmp/…/folder.koers: Is a directory" */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpstr (error->message, ==, "folder.koers: this is a folder, not a Koers file");

  koers_test_remove_tree (dir);
}

static void
test_load_missing_file (void)
{
  g_autofree char *path = koers_test_data_path ("does-not-exist.koers");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = koers_project_load_from_file (NULL, file, NULL, &error);

  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "does-not-exist.koers: no such file");
}

/* --- files that load ----------------------------------------------------- */

static void
test_load_minimal (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-minimal.koers");
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
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-full.koers");
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
      g_autoptr(KoersProject) project = koers_test_load_data (samples[i]);

      g_assert_cmpstr (koers_project_get_organisation_name (project), !=, "");
      g_assert_cmpuint (koers_project_get_warnings (project)->len, ==, 0);
    }
}

static void
test_load_due_quarter (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("due-quarter.koers");

  g_assert_cmpstr (koers_project_get_item_due (project, "phase-0/management-support"), ==, "2027-Q3");
  g_assert_cmpstr (koers_project_get_item_due (project, "phase-0/roadmap-owner"), ==, "2027-12");
  /* an item with no status has none, and reads as to do */
  g_assert_null (koers_project_get_field (project, KOERS_FIELD_ITEM_STATUS, "phase-0/management-support"));
  g_assert_cmpint (koers_project_get_item_status (project, "phase-0/management-support"), ==, KOERS_STATUS_TODO);
}

static void
test_load_target_below_current (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("target-below-current.koers");
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
  g_autoptr(KoersProject) project = koers_test_load_data ("null-current.koers");
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
  g_autoptr(KoersProject) project = koers_test_load_data ("orphan-items.koers");
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
  g_autoptr(KoersProject) project = koers_test_load_data ("long-rationale.koers");
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
  g_autoptr(KoersProject) project = koers_test_load_data ("unknown-model.koers");
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
                                 "long-rationale.koers", "unknown-model.koers", "target-below-current.koers",
                                 "numbers-kept.koers", "orphan-backticks.koers" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(KoersProject) project = koers_test_load_data (files[i]);
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

/* Unknown numbers are written back as they were: 0.1 not as
 * 0.10000000000000001, the ends of gint64 and of a double exactly. */
static void
test_round_trip_numbers (void)
{
  g_autoptr(GBytes) in = read_data ("numbers-kept.koers");
  g_autoptr(KoersProject) project = koers_test_load_data ("numbers-kept.koers");
  g_autoptr(GBytes) out = koers_project_to_bytes (project);
  g_autofree char *in_text = bytes_to_string (in);
  g_autofree char *out_text = bytes_to_string (out);

  /* The file is written as Koers writes it, so byte for byte the same. */
  g_assert_cmpstr (out_text, ==, in_text);
  g_assert_nonnull (strstr (out_text, "\"x-f\": 0.1,\n"));
  g_assert_nonnull (strstr (out_text, "\"x-max\": 9223372036854775807,\n"));
  g_assert_nonnull (strstr (out_text, "\"x-g\": 1e+300,\n"));
}

/* Every double is written in the shortest text that reads back as the
 * same double. */
static void
test_write_shortest_doubles (void)
{
  static const struct { double value; const char *text; } cases[] = {
    { 0.1, "0.1" },
    { 1.0 / 3, "0.3333333333333333" },
    { 2.0 / 3, "0.6666666666666666" },
    { 0.1 + 0.2, "0.30000000000000004" },
    { 1e21, "1e+21" },
    { 1e-7, "1e-07" },
    { 123456789.123456789, "123456789.12345679" },
    { 100.0, "100.0" },
    { -0.0, "-0.0" },
    { 9007199254740993.0, "9007199254740992.0" },
    { G_MAXDOUBLE, "1.7976931348623157e+308" },
    { G_MINDOUBLE, "2.2250738585072014e-308" },
    { 4.9406564584124654e-324, "5e-324" },
    { -4.9406564584124654e-324, "-5e-324" },
    { 1e-310, "1e-310" },
    { 2.2250738585072009e-308, "2.225073858507201e-308" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KoersProject) project = NULL;
      g_autoptr(GBytes) out = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;
      g_autofree char *printed = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GError) error = NULL;
      char number[G_ASCII_DTOSTR_BUF_SIZE];
      double back;

      /* %.17g is always exact; the loader takes it, the writer shortens it */
      g_ascii_formatd (number, sizeof number, "%.17g", cases[i].value);
      text = g_strdup_printf ("{\"format\": \"koers-project\", \"version\": 1, "
                              "\"organisation\": {\"name\": \"x\"}, \"x-d\": %s%s}",
                              number, strpbrk (number, ".e") ? "" : ".0");
      g_test_message ("%s", number);
      project = load_string (text, &error);
      g_assert_no_error (error);
      out = koers_project_to_bytes (project);
      printed = bytes_to_string (out);
      expected = g_strdup_printf ("\n  \"x-d\": %s\n", cases[i].text);
      g_assert_nonnull (strstr (printed, expected));
      root = parse_json (out);
      back = json_object_get_double_member (json_node_get_object (root), "x-d");
      g_assert_true (memcmp (&back, &cases[i].value, sizeof back) == 0);
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
  g_autoptr(KoersProject) project = koers_test_load_data ("unknown-members.koers");
  g_autoptr(KoersProject) full = koers_test_load_data ("valid-full.koers");
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
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-full.koers");
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
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-full.koers");
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
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-full.koers");
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
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-full.koers");
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
      g_autoptr(KoersProject) project = koers_test_load_data ("valid-full.koers");
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
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-full.koers");
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
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-minimal.koers");
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
  g_test_add_func ("/core/project/load/syntax-error-wording", test_load_syntax_error);
  g_test_add_func ("/core/project/load/strict-json", test_load_strict_json);
  g_test_add_func ("/core/project/load/strict-json-accepts", test_load_strict_json_accepts);
  g_test_add_func ("/core/project/load/many-members", test_load_many_members);
  g_test_add_func ("/core/project/load/annotations-linear", test_load_annotations_linear);
  g_test_add_func ("/core/project/load/annotations-scanned", test_load_annotations_scanned);
  g_test_add_func ("/core/project/load/duplicate-at-depth-limit", test_load_duplicate_at_depth_limit);
  g_test_add_func ("/core/project/load/folder", test_load_folder);
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
  g_test_add_func ("/core/project/write/numbers", test_round_trip_numbers);
  g_test_add_func ("/core/project/write/shortest-doubles", test_write_shortest_doubles);
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
