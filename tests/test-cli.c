/* test-cli.c: the koers command line (shared/spec/cli.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real binary ($KOERS_BINARY) without a display (DISPLAY and
 * WAYLAND_DISPLAY unset) and checks, for each case, the exit status,
 * standard output and standard error.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <grp.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "koers-error.h"
#include "koers-project.h"
#include "koers-roadmap-format.h"
#include "koers-roadmap.h"
#include "koers-test-util.h"

/* --- running koers ------------------------------------------------------- */

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char **
headless_environment (const char *language)
{
  char **env = g_get_environ ();

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  return env;
}

static void
run_koers_env (Run                *run,
               char              **env,
               const char         *cwd,
               const char * const *args)
{
  const char *binary = g_getenv ("KOERS_BINARY");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  g_spawn_sync (cwd, (char **) argv->pdata, env, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
run_koers (Run                *run,
           const char * const *args)
{
  g_auto(GStrv) env = headless_environment ("en");
  run_koers_env (run, env, NULL, args);
}

#define KOERS(run, ...) run_koers ((run), (const char * const []) { __VA_ARGS__, NULL })

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir))
    n++;
  return n;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static void
assert_one_line (const char *text)
{
  g_assert_cmpuint (count_lines (text), ==, 1);
  g_assert_true (g_str_has_suffix (text, "\n"));
}

/* What the library gives for @name, to compare the binary's output with. */
static char *
library_roadmap (const char         *name,
                 KoersRoadmapFormat  format)
{
  g_autoptr(KoersProject) project = koers_test_load_data (name);
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);

  return koers_roadmap_to_text (roadmap, koers_project_get_catalog (project), format);
}

/* --- --version and --help ------------------------------------------------ */

static void
test_version (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GRegex) regex = g_regex_new ("^koers [0-9]+\\.[0-9]+\\.[0-9]+(-devel)?\n$", 0, 0, NULL);

  KOERS (&run, "--version");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_regex_match (regex, run.out, 0, NULL));
  g_assert_cmpstr (run.out, ==, "koers " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };
  const char * const options[] = { "--check", "--roadmap", "--format", "--export-roadmap", "--export-diagram", "--export-deck", "--export-progress",
                                   "--size", "--scale", "--theme", "--background", "--page", "--version", NULL };

  KOERS (&run, "--help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Usage:\n"));
  for (guint i = 0; options[i]; i++)
    if (strstr (run.out, options[i]) == NULL)
      g_error ("--help does not mention %s:\n%s", options[i], run.out);
  /* What --size and --scale mean, and what --scale takes */
  g_assert_nonnull (strstr (run.out, "multiplied by --scale"));
  g_assert_nonnull (strstr (run.out, "a whole number from 1 to 4"));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_help_usage_line (void)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  KOERS (&run, "--help");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", 3);
  /* FILE… once, as the spec writes it */
  g_assert_cmpstr (lines[1], ==, "  koers [OPTION…] [FILE…]");
}

/* --- --check ------------------------------------------------------------- */

static void
check_valid (const char *name,
             const char *expected_err)
{
  g_autofree char *path = koers_test_data_path (name);
  g_autoptr(KoersProject) project = koers_test_load_data (name);
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  const GPtrArray *findings = koers_roadmap_get_findings (roadmap);
  g_autofree char *first = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(Run) run = { 0 };
  guint placed = 0;
  const char *models[] = { "pyramid", "learning-curve", "maturity-matrix", "strategy-model" };

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    placed += koers_project_get_current (project, models[i]) || koers_project_get_target (project, models[i]);
  first = g_strdup_printf ("%s: a valid Koers project; %u of 4 models placed, %u roadmap items",
                           path, placed, koers_roadmap_get_n_items (roadmap));

  KOERS (&run, "--check", path);
  g_test_message ("%s\n%s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, expected_err);

  /* the summary, then each finding of the roadmap, warnings first */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, first);
  g_assert_cmpuint (g_strv_length (lines), ==, findings->len + 2);
  for (guint i = 0; i < findings->len; i++)
    {
      const KoersFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *models_text = g_strjoinv (", ", f->models);
      g_autofree char *line = g_strdup_printf ("%s [%s] (%s): %s",
                                               f->severity == KOERS_SEVERITY_WARNING ? "warning" : "note",
                                               f->id, models_text, f->message);

      g_assert_cmpstr (lines[i + 1], ==, line);
    }
  g_assert_cmpstr (lines[findings->len + 1], ==, "");
}

static void
test_check_valid (void)
{
  const char * const files[] = { "valid-minimal.koers", "valid-full.koers", "woonstichting.koers",
                                  "northwind.koers", "due-quarter.koers", "null-current.koers",
                                  "orphan-items.koers", "long-rationale.koers", "unknown-members.koers",
                                  "csv-quoting.koers" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    check_valid (files[i], "");
}

static void
test_check_findings (void)
{
  g_autofree char *path = koers_test_data_path ("valid-full.koers");
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-full.koers");
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  g_auto(Run) run = { 0 };

  /* this file has findings, and each is printed */
  g_assert_cmpuint (koers_roadmap_get_findings (roadmap)->len, >, 0);
  KOERS (&run, "--check", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, koers_roadmap_get_findings (roadmap)->len + 1);
  /* the roadmap plans objectives here, so the note that they need not
   * wait is not said; the level note is, in the same form */
  g_assert_nonnull (strstr (run.out, "\nnote [phase-0-level] (strategy-model, "));
}

static void
test_check_warnings (void)
{
  g_autofree char *below = koers_test_data_path ("target-below-current.koers");
  g_autofree char *unknown = koers_test_data_path ("unknown-model.koers");
  g_autofree char *below_err = g_strdup_printf ("koers: %s: placements.pyramid.target: the target “Listen” is below the current stage “Create”\n", below);
  g_autofree char *unknown_err = g_strdup_printf ("koers: %s: placements.custom-model: a model this version of Koers does not know; kept as it is\n", unknown);
  g_auto(Run) run = { 0 };

  /* warnings on standard error, the file still valid */
  check_valid ("target-below-current.koers", below_err);
  check_valid ("unknown-model.koers", unknown_err);

  KOERS (&run, "--check", below);
  g_assert_nonnull (strstr (run.out, "\nwarning [target-below-current/pyramid] (pyramid): "));
}

typedef struct {
  const char *file;
  const char *message;   /* WHERE: WHAT */
} BrokenFile;

static const BrokenFile broken_files[] = {
  { "not-utf8.koers", "4:33: the file is not UTF-8 text" },
  { "empty.koers", "1:1: the file is empty" },
  { "not-object.koers", "1:1: expected a Koers project (a JSON object), found a list" },
  { "wrong-format.koers", "format: expected \"koers-project\", found \"koers-model\"" },
  { "missing-format.koers", "format: missing; expected \"koers-project\"" },
  { "version-2.koers", "version: this file was written by a newer Koers (format version 2); this version reads format version 1. Update Koers to open it" },
  { "version-string.koers", "version: expected a whole number, found text" },
  { "missing-version.koers", "version: missing; expected 1" },
  { "missing-organisation.koers", "organisation: missing; this member is required" },
  { "missing-name.koers", "organisation.name: missing; this member is required" },
  { "name-not-string.koers", "organisation.name: expected text, found a number" },
  { "description-not-string.koers", "organisation.description: expected text, found a list" },
  { "bad-created.koers", "created: expected a time like 2026-11-20T09:12:00Z, found \"20 November 2026\"" },
  { "bad-modified.koers", "modified: expected a time like 2026-11-20T09:12:00Z, found \"2026-11-31T25:00:00Z\"" },
  { "placements-not-object.koers", "placements: expected an object, found a list" },
  { "placement-not-object.koers", "placements.pyramid: expected an object, found text" },
  { "unknown-stage.koers", "placements.pyramid.current: unknown stage \"shout\" (expected one of monitor, listen, respond, create)" },
  { "unknown-target-stage.koers", "placements.learning-curve.target: unknown stage \"expert\" (expected one of emerging, tactical, integrated, social-business)" },
  { "stage-not-string.koers", "placements.pyramid.current: expected text, found a number" },
  { "rationale-not-string.koers", "placements.maturity-matrix.rationale: expected text, found a number" },
  { "bad-assessed.koers", "placements.pyramid.assessed: expected a date like 2026-11-20, found \"2026-02-30\"" },
  { "bad-start.koers", "roadmap.start: expected a month like 2027-01, found \"2027-13\"" },
  { "items-not-object.koers", "roadmap.items: expected an object, found a list" },
  { "item-not-object.koers", "roadmap.items.phase-0/management-support: expected an object, found text" },
  { "bad-status.koers", "roadmap.items.phase-0/management-support.status: unknown status \"finished\" (expected one of todo, doing, done, skipped)" },
  { "bad-due.koers", "roadmap.items.phase-0/management-support.due: expected a month like 2027-03 or a quarter like 2027-Q1, found \"2027-Q5\"" },
  { "version-fraction.koers", "version: expected a whole number, found 1.5" },
  { "version-too-large.koers", "3:14: version: the number is too large for Koers to keep exactly" },
  { "number-too-large.koers", "5:10: x-h: the number is too large for Koers to keep exactly" },
  { "duplicate-placement.koers", "8:5: the member \"pyramid\" appears twice in placements" },
  { "trailing-value.koers", "6:1: not valid JSON: there is more after the end of the data; a Koers file holds a single JSON object" },
  { "comment-line.koers", "4:3: not valid JSON: comments are not allowed in JSON" },
  { "trailing-comma.koers", "4:45: not valid JSON: a comma (,) may not come right before } or ]" },
  { "depth-65.koers", "69:131: the data is nested more than 64 levels deep; this is not a file Koers wrote" },
  { "owner-not-string.koers", "roadmap.items.phase-0/management-support.owner: expected text, found a list" },
};

static void
test_check_broken (gconstpointer data)
{
  const BrokenFile *c = data;
  g_autofree char *path = koers_test_data_path (c->file);
  g_autofree char *expected = g_strdup_printf ("koers: %s: %s\n", path, c->message);
  g_autoptr(GRegex) where = g_regex_new ("^koers: [^\n]+: ([0-9]+:[0-9]+|[a-z][a-z0-9./_-]*): [^\n]+\n$", 0, 0, NULL);
  g_auto(Run) run = { 0 };

  KOERS (&run, "--check", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);
  /* exactly one line, koers: FILE: WHERE: WHAT */
  assert_one_line (run.err);
  g_assert_true (g_regex_match (where, run.err, 0, NULL));
}

static void
test_check_syntax_error (void)
{
  g_autofree char *path = koers_test_data_path ("syntax-error.koers");
  g_autofree char *escaped = g_regex_escape_string (path, -1);
  g_autofree char *pattern = g_strdup_printf ("^koers: %s: 3:[0-9]+: not valid JSON: [^\n]+\n$", escaped);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_auto(Run) run = { 0 };

  KOERS (&run, "--check", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  assert_one_line (run.err);
  g_assert_true (g_regex_match (regex, run.err, 0, NULL));
}

/* Each model with answers says where they point beside where Now is;
 * models without answers say nothing. */
static void
test_check_assessment (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-cli");
  g_autofree char *path = g_build_filename (dir, "assessed.koers", NULL);
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KoersModel *pyramid = koers_catalog_lookup (koers_project_get_catalog (project), "pyramid");
  KoersModel *curve = koers_catalog_lookup (koers_project_get_catalog (project), "learning-curve");
  g_autofree char *pyramid_line = NULL;
  g_autofree char *curve_line = NULL;
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_NAME, NULL, "Assessed", NULL));
  g_assert_true (koers_project_place (project, "pyramid", KOERS_MARKER_CURRENT, "create", NULL));
  for (guint i = 0; i < koers_model_get_n_statements (pyramid); i++)
    {
      const KoersStatement *st = koers_model_get_statement (pyramid, i);

      g_assert_true (koers_project_set_answer (project, "pyramid", st->id,
                                               st->stage_index <= 1 ? KOERS_ANSWER_YES : KOERS_ANSWER_NO, NULL));
    }
  g_assert_true (koers_project_set_answer (project, "learning-curve",
                                           koers_model_get_statement (curve, 0)->id,
                                           KOERS_ANSWER_PARTLY, NULL));
  koers_project_save_to_file (project, file, NULL, &error);
  g_assert_no_error (error);

  pyramid_line = g_strdup_printf ("assessment (pyramid): Now placed at Create, the answers suggest Listen (%u of %u statements answered)",
                                  koers_model_get_n_statements (pyramid), koers_model_get_n_statements (pyramid));
  curve_line = g_strdup_printf ("assessment (learning-curve): Now placed at nothing, the answers suggest no stage yet (1 of %u statements answered)",
                                koers_model_get_n_statements (curve));

  KOERS (&run, "--check", path);
  g_test_message ("%s\n%s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], path));
  g_assert_nonnull (strstr (lines[0], ": a valid Koers project; 1 of 4 models placed, "));
  g_assert_cmpstr (lines[1], ==, pyramid_line);
  g_assert_cmpstr (lines[2], ==, curve_line);
  g_assert_false (g_str_has_prefix (lines[3], "assessment"));
  g_assert_nonnull (strstr (run.out, "[answers-disagree/pyramid] (pyramid): Social Media Pyramid: you placed Create; your answers point to Listen."));
  koers_test_remove_tree (dir);
}

static void
test_check_missing_file (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-cli");
  g_autofree char *path = g_build_filename (dir, "nothing-here.koers", NULL);
  g_autofree char *expected = g_strdup_printf ("koers: %s: no such file\n", path);
  g_auto(Run) run = { 0 };

  KOERS (&run, "--check", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);
  koers_test_remove_tree (dir);
}

static void
test_check_folder (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-cli");
  g_autofree char *expected = g_strdup_printf ("koers: %s: this is a folder, not a Koers file\n", dir);
  g_auto(Run) run = { 0 };

  /* not "Error opening file …: Is a directory" */
  KOERS (&run, "--check", dir);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);
  koers_test_remove_tree (dir);
}

static void
test_check_too_large (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-cli");
  g_autofree char *path = g_build_filename (dir, "huge.koers", NULL);
  g_autofree char *prefix = g_strdup_printf ("koers: %s: ", path);
  g_auto(Run) run = { 0 };
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  fputc ('{', f);
  g_assert_cmpint (fseek (f, 17 * 1024 * 1024 - 1, SEEK_SET), ==, 0);
  fputc ('}', f);
  fclose (f);

  KOERS (&run, "--check", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  assert_one_line (run.err);
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_assert_nonnull (strstr (run.err, "16 MiB"));
  koers_test_remove_tree (dir);
}

static void
test_check_too_deep (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-cli");
  g_autofree char *path = g_build_filename (dir, "deep.koers", NULL);
  g_autofree char *text = g_malloc (200001);
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0 };

  memset (text, '[', 200000);
  text[200000] = '\0';
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  expected = g_strdup_printf ("koers: %s: 1:65: the data is nested more than 64 levels deep; this is not a file Koers wrote\n", path);

  KOERS (&run, "--check", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);
  koers_test_remove_tree (dir);
}

/* --- --roadmap ----------------------------------------------------------- */

static void
test_roadmap_markdown (void)
{
  g_autofree char *path = koers_test_data_path ("woonstichting.koers");
  g_autofree char *expected = library_roadmap ("woonstichting.koers", KOERS_ROADMAP_FORMAT_MARKDOWN);
  g_auto(Run) run = { 0 };
  g_auto(Run) explicit = { 0 };
  const char *first_section;

  KOERS (&run, "--roadmap", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "# Woonstichting Rivierenland"));
  g_assert_nonnull (strstr (run.out, "\n## Phase 0"));
  /* phase 0 is the first section */
  first_section = strstr (run.out, "\n## ");
  g_assert_true (g_str_has_prefix (first_section, "\n## Phase 0: prepare the internal organisation"));
  g_assert_nonnull (strstr (run.out, "\n## Phase 1"));
  /* each item a list line with its id */
  g_assert_nonnull (strstr (run.out, "(`phase-0/management-support`)\n"));
  g_assert_cmpstr (run.out, ==, expected);

  KOERS (&explicit, "--roadmap", "--format=markdown", path);
  g_assert_cmpint (explicit.status, ==, 0);
  g_assert_cmpstr (explicit.out, ==, run.out);
}

static void
test_roadmap_markdown_state (void)
{
  g_autofree char *path = koers_test_data_path ("orphan-items.koers");
  g_auto(Run) run = { 0 };
  const char *orphans;

  KOERS (&run, "--roadmap", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "# Orphans"));
  /* a done item says so in words, in plain CommonMark: no strike through */
  {
    const char *line = strstr (run.out, "\n- Secure support from management — ");
    g_autofree char *text = NULL;

    g_assert_nonnull (line);
    text = g_strndup (line + 1, strcspn (line + 1, "\n"));
    g_assert_nonnull (strstr (text, "Done"));
    g_assert_null (strstr (run.out, "~~"));
  }
  /* orphans and what the user recorded on them, in their own section at the end */
  orphans = strstr (run.out, "\n## Orphaned items");
  g_assert_nonnull (orphans);
  g_assert_nonnull (strstr (orphans, "`retired/press-kit`"));
  g_assert_nonnull (strstr (orphans, "Anna"));
  g_assert_nonnull (strstr (orphans, "2026-Q4"));
  g_assert_nonnull (strstr (orphans, "Sent to 12 papers"));
  g_assert_nonnull (strstr (orphans, "`old/without-status`"));
  g_assert_null (strstr (orphans + 1, "\n## "));
}

/* Item ids from the file go into code spans; a backtick in one must not
 * end the span early (CommonMark: a longer fence, padded at a backtick). */
static void
test_roadmap_markdown_backticks (void)
{
  g_autofree char *path = koers_test_data_path ("orphan-backticks.koers");
  g_auto(Run) run = { 0 };
  const char *orphans;

  KOERS (&run, "--roadmap", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  orphans = strstr (run.out, "\n## Orphaned items");
  g_assert_nonnull (orphans);
  g_assert_nonnull (strstr (orphans, "\n- ``retired/`press`-kit`` · status: Done\n"));
  g_assert_nonnull (strstr (orphans, "\n- ``` old/``double`` ``` · owner: Anna\n"));
  g_assert_nonnull (strstr (orphans, "\n- `` `edge` `` · note: starts and ends with a backtick\n"));
}

static JsonNode *
parse_json_text (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_string_or_null (JsonObject *object,
                       const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    g_error ("member %s missing", member);
  g_assert_true (JSON_NODE_HOLDS_NULL (node) ||
                 (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING));
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    g_error ("member %s missing", member);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING);
  return json_node_get_string (node);
}

static void
test_roadmap_json (void)
{
  g_autofree char *path = koers_test_data_path ("valid-full.koers");
  g_autofree char *expected = library_roadmap ("valid-full.koers", KOERS_ROADMAP_FORMAT_JSON);
  g_autoptr(JsonNode) root_node = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonArray *phases, *findings, *orphaned;
  g_auto(Run) run = { 0 };
  guint n_items = 0;

  KOERS (&run, "--roadmap", "--format=json", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, expected);

  root_node = parse_json_text (run.out);
  root = json_node_get_object (root_node);
  g_assert_cmpstr (get_string (root, "organisation"), ==, "Gemeente Voorbeeld");

  phases = json_object_get_array_member (root, "phases");
  g_assert_cmpuint (json_array_get_length (phases), >=, 2);
  for (guint p = 0; p < json_array_get_length (phases); p++)
    {
      JsonObject *phase = json_array_get_object_element (phases, p);
      JsonArray *items = json_object_get_array_member (phase, "items");

      g_assert_cmpint (json_object_get_int_member (phase, "index"), ==, p);
      g_assert_cmpuint (strlen (get_string (phase, "title")), >, 0);
      if (p == 0)
        g_assert_cmpstr (get_string (phase, "title"), ==, "Phase 0: prepare the internal organisation");

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          JsonArray *serves = json_object_get_array_member (item, "serves");
          JsonArray *after = json_object_get_array_member (item, "after");
          JsonObject *primary;
          const char *status;

          g_assert_cmpuint (strlen (get_string (item, "id")), >, 0);
          g_assert_cmpuint (strlen (get_string (item, "title")), >, 0);
          g_assert_cmpuint (strlen (get_string (item, "why")), >, 0);
          g_assert_nonnull (serves);
          g_assert_cmpuint (json_array_get_length (serves), >=, 1);
          /* model/stage is the primary one, first in serves */
          primary = json_array_get_object_element (serves, 0);
          g_assert_cmpstr (get_string (item, "model"), ==, get_string (primary, "model"));
          g_assert_cmpstr (get_string (item, "stage"), ==, get_string (primary, "stage"));
          if (p == 0)
            {
              g_assert_cmpstr (get_string (item, "model"), ==, "strategy-model");
              g_assert_cmpstr (get_string (item, "stage"), ==, "phase-0");
            }
          /* after: ids of items already listed */
          g_assert_nonnull (after);
          for (guint a = 0; a < json_array_get_length (after); a++)
            g_assert_true (g_hash_table_contains (seen, json_array_get_string_element (after, a)));
          status = get_string (item, "status");
          g_assert_true (g_str_equal (status, "todo") || g_str_equal (status, "doing") ||
                         g_str_equal (status, "done") || g_str_equal (status, "skipped"));
          assert_string_or_null (item, "owner");
          assert_string_or_null (item, "due");
          assert_string_or_null (item, "note");
          g_hash_table_add (seen, (gpointer) get_string (item, "id"));
          n_items++;

          if (g_str_equal (get_string (item, "id"), "phase-0/management-support"))
            {
              g_assert_cmpstr (status, ==, "done");
              g_assert_cmpstr (get_string (item, "owner"), ==, "Anna");
              g_assert_cmpstr (get_string (item, "due"), ==, "2027-02");
              g_assert_cmpstr (get_string (item, "note"), ==, "Besproken in het MT.");
            }
        }
    }
  g_assert_cmpuint (n_items, >, 5);

  orphaned = json_object_get_array_member (root, "orphaned");
  g_assert_nonnull (orphaned);
  findings = json_object_get_array_member (root, "findings");
  g_assert_nonnull (findings);
  g_assert_cmpuint (json_array_get_length (findings), >, 0);
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);
      const char *severity = get_string (f, "severity");
      JsonArray *models = json_object_get_array_member (f, "models");

      g_assert_cmpuint (strlen (get_string (f, "id")), >, 0);
      g_assert_true (g_str_equal (severity, "info") || g_str_equal (severity, "warning"));
      g_assert_cmpuint (json_array_get_length (models), >=, 1);
      g_assert_cmpuint (strlen (get_string (f, "message")), >, 0);
    }
}

static void
test_roadmap_json_orphans (void)
{
  g_autofree char *path = koers_test_data_path ("orphan-items.koers");
  g_autoptr(JsonNode) root_node = NULL;
  JsonArray *orphaned;
  JsonObject *o;
  g_auto(Run) run = { 0 };

  KOERS (&run, "--roadmap", "--format=json", path);
  g_assert_cmpint (run.status, ==, 0);
  root_node = parse_json_text (run.out);
  orphaned = json_object_get_array_member (json_node_get_object (root_node), "orphaned");
  g_assert_cmpuint (json_array_get_length (orphaned), ==, 3);
  o = json_array_get_object_element (orphaned, 0);
  g_assert_cmpstr (get_string (o, "id"), ==, "retired/press-kit");
  g_assert_cmpstr (get_string (o, "status"), ==, "done");
  g_assert_cmpstr (get_string (o, "owner"), ==, "Anna");
  g_assert_cmpstr (get_string (o, "due"), ==, "2026-Q4");
  g_assert_cmpstr (get_string (o, "note"), ==, "Sent to 12 papers");
  o = json_array_get_object_element (orphaned, 2);
  g_assert_cmpstr (get_string (o, "id"), ==, "old/without-status");
  g_assert_true (json_object_get_null_member (o, "status"));
  g_assert_true (json_object_get_null_member (o, "owner"));
  g_assert_cmpstr (get_string (o, "note"), ==, "only a note");
}

static void
test_csv_parser (void)
{
  char *error = NULL;
  g_autoptr(GPtrArray) records = koers_test_parse_csv ("a,\"b,c\",\"d\"\"e\"\r\n\"x\ny\",,z\r\n", &error);
  GPtrArray *r;

  /* the test's own parser, on a text where the answer is known */
  g_assert_null (error);
  g_assert_cmpuint (records->len, ==, 2);
  r = g_ptr_array_index (records, 0);
  g_assert_cmpuint (r->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (r, 1), ==, "b,c");
  g_assert_cmpstr (g_ptr_array_index (r, 2), ==, "d\"e");
  r = g_ptr_array_index (records, 1);
  g_assert_cmpstr (g_ptr_array_index (r, 0), ==, "x\ny");
  g_assert_cmpstr (g_ptr_array_index (r, 1), ==, "");
  g_assert_null (koers_test_parse_csv ("a\"b\r\n", &error));
  g_assert_nonnull (error);
  g_free (error);
  g_assert_null (koers_test_parse_csv ("\"ab\r\n", &error));
  g_free (error);
}

static void
test_roadmap_csv (void)
{
  g_autofree char *path = koers_test_data_path ("csv-quoting.koers");
  g_autoptr(KoersProject) project = koers_test_load_data ("csv-quoting.koers");
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *error = NULL;
  /* Today's nine columns stay first and in place; the planner's are
   * appended after them. */
  const char * const header[] = { "phase", "id", "title", "model", "stage", "status", "owner", "due", "note",
                                  "quarter", "phase name", "why", "role", "effort", "after" };
  GPtrArray *first;
  g_auto(Run) run = { 0 };
  gboolean found_management = FALSE, found_read = FALSE;
  guint row = 1;

  KOERS (&run, "--roadmap", "--format=csv", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "phase,id,title,model,stage,status,owner,due,note,"));
  g_assert_true (g_str_has_suffix (run.out, "\r\n"));
  g_assert_true (g_utf8_validate (run.out, -1, NULL));

  records = koers_test_parse_csv (run.out, &error);
  if (records == NULL)
    g_error ("not RFC 4180: %s\n%s", error, run.out);

  first = g_ptr_array_index (records, 0);
  g_assert_cmpuint (first->len, ==, G_N_ELEMENTS (header));
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    g_assert_cmpstr (g_ptr_array_index (first, i), ==, header[i]);

  /* one row per item, in roadmap order */
  g_assert_cmpuint (records->len, ==, koers_roadmap_get_n_items (roadmap) + 1);
  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (roadmap, p);

      for (guint i = 0; i < phase->items->len; i++, row++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);
          const KoersStageRef *primary = g_ptr_array_index (item->serves, 0);
          GPtrArray *r = g_ptr_array_index (records, row);
          g_autofree char *index = g_strdup_printf ("%u", phase->index);
          g_autofree char *effort = g_strdup_printf ("%u", item->effort);
          g_autofree char *after = g_strjoinv (";", item->after);

          g_assert_cmpuint (r->len, ==, G_N_ELEMENTS (header));
          g_assert_cmpstr (g_ptr_array_index (r, 0), ==, index);
          g_assert_cmpstr (g_ptr_array_index (r, 1), ==, item->id);
          g_assert_cmpstr (g_ptr_array_index (r, 2), ==, item->title);
          g_assert_cmpstr (g_ptr_array_index (r, 3), ==, primary->model);
          g_assert_cmpstr (g_ptr_array_index (r, 4), ==, primary->stage);
          g_assert_cmpstr (g_ptr_array_index (r, 5), ==, koers_status_to_string (item->status));
          g_assert_cmpstr (g_ptr_array_index (r, 9), ==, phase->period ? phase->period : "");
          g_assert_cmpstr (g_ptr_array_index (r, 10), ==, phase->name ? phase->name : "");
          g_assert_cmpstr (g_ptr_array_index (r, 11), ==, item->why);
          g_assert_cmpstr (g_ptr_array_index (r, 12), ==, item->role ? item->role : "");
          g_assert_cmpstr (g_ptr_array_index (r, 13), ==, effort);
          g_assert_cmpstr (g_ptr_array_index (r, 14), ==, after);

          if (g_str_equal (item->id, "phase-0/management-support"))
            {
              found_management = TRUE;
              g_assert_cmpstr (g_ptr_array_index (r, 5), ==, "doing");
              g_assert_cmpstr (g_ptr_array_index (r, 6), ==, "Anna, \"AJ\" de Vries");
              g_assert_cmpstr (g_ptr_array_index (r, 7), ==, "2027-Q1");
              g_assert_cmpstr (g_ptr_array_index (r, 8), ==, "First line, with a comma\nSecond line with \"quotes\"");
            }
          else if (g_str_equal (item->id, "pyramid/read-conversations"))
            {
              found_read = TRUE;
              g_assert_cmpstr (g_ptr_array_index (r, 0), ==, "1");
              g_assert_cmpstr (g_ptr_array_index (r, 3), ==, "pyramid");
              g_assert_cmpstr (g_ptr_array_index (r, 4), ==, "listen");
              g_assert_cmpstr (g_ptr_array_index (r, 5), ==, "done");
              g_assert_cmpstr (g_ptr_array_index (r, 6), ==, "Bram");
              g_assert_cmpstr (g_ptr_array_index (r, 8), ==, "");
            }
        }
    }
  g_assert_true (found_management);
  g_assert_true (found_read);
}

static void
test_roadmap_warning (void)
{
  g_autofree char *path = koers_test_data_path ("unknown-model.koers");
  g_autofree char *expected_err = g_strdup_printf ("koers: %s: placements.custom-model: a model this version of Koers does not know; kept as it is\n", path);
  g_auto(Run) run = { 0 };

  KOERS (&run, "--roadmap", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, expected_err);
  g_assert_true (g_str_has_prefix (run.out, "# Custom Models Inc"));
}

static void
test_roadmap_broken (void)
{
  g_autofree char *path = koers_test_data_path ("unknown-stage.koers");
  g_autofree char *expected = g_strdup_printf ("koers: %s: placements.pyramid.current: unknown stage \"shout\" (expected one of monitor, listen, respond, create)\n", path);
  const char * const formats[] = { "--format=markdown", "--format=json", "--format=csv" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto(Run) run = { 0 };

      KOERS (&run, "--roadmap", formats[i], path);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, ==, expected);
    }
}

static char *
find_dutch_localedir (void)
{
  const char *dirs[2] = { g_getenv ("KOERS_LOCALEDIR"), NULL };
  g_autofree char *build_po = NULL;

  /* meson's i18n.gettext() writes po/<lang>/LC_MESSAGES/<domain>.mo in
   * the build tree; KOERS_LOCALEDIR should point there */
  if (g_getenv ("G_TEST_BUILDDIR"))
    {
      g_autofree char *parent = g_path_get_dirname (g_getenv ("G_TEST_BUILDDIR"));
      build_po = g_build_filename (parent, "po", NULL);
      dirs[1] = build_po;
    }
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *mo = NULL;

      if (dirs[i] == NULL)
        continue;
      mo = g_build_filename (dirs[i], "nl", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
        return g_strdup (dirs[i]);
    }
  return NULL;
}

static void
test_roadmap_dutch (void)
{
  g_autofree char *path = koers_test_data_path ("woonstichting.koers");
  g_autofree char *localedir = find_dutch_localedir ();
  g_auto(GStrv) env = headless_environment ("nl");
  g_auto(Run) run = { 0 };

  if (localedir == NULL)
    {
      g_test_skip ("Dutch catalogue not built yet");
      return;
    }
  /* on a machine without a Dutch locale: LANG=C.UTF-8 LANGUAGE=nl */
  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  env = g_environ_setenv (env, "LANG", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "KOERS_LOCALEDIR", localedir, TRUE);

  run_koers_env (&run, env, NULL, (const char * const []) { "--roadmap", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "# Woonstichting Rivierenland"));
  if (strstr (run.out, "\n## Fase 0") == NULL)
    g_error ("no “Fase 0” in the Dutch roadmap (catalogue in %s):\n%s", localedir, run.out);
  g_assert_null (strstr (run.out, "\n## Phase 0"));
  /* The translation marks where "contentkalender" may break on a slide;
   * text for scripts carries the whole word, without the mark. */
  g_assert_null (strstr (run.out, "\xC2\xAD"));
  g_assert_nonnull (strstr (run.out, "contentkalender"));
}

/* --- usage errors -------------------------------------------------------- */

static void
assert_usage_error (const char * const *args)
{
  g_auto(Run) run = { 0 };

  run_koers (&run, args);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (strlen (run.err), >, 0);
}

#define USAGE_ERROR(...) assert_usage_error ((const char * const []) { __VA_ARGS__, NULL })

static void
test_usage_errors (void)
{
  g_autofree char *valid = koers_test_data_path ("valid-full.koers");
  g_autofree char *other = koers_test_data_path ("valid-minimal.koers");

  USAGE_ERROR ("--frobnicate");
  USAGE_ERROR ("--frobnicate", "--check", valid);
  USAGE_ERROR ("--roadmap", "--format=xml", valid);
  USAGE_ERROR ("--check", valid, other);
  USAGE_ERROR ("--check");
  USAGE_ERROR ("--roadmap");
  USAGE_ERROR ("--check", "--roadmap", valid);
  USAGE_ERROR ("--check", "--format=json", valid);
  USAGE_ERROR ("--format=json", valid);
  USAGE_ERROR ("--scale=abc", "--roadmap", valid);
  USAGE_ERROR ("--page=x", "--export-roadmap=out.png", valid);
}

static void
test_usage_error_messages (void)
{
  g_autofree char *valid = koers_test_data_path ("valid-full.koers");
  g_autofree char *other = koers_test_data_path ("valid-minimal.koers");
  g_auto(Run) run = { 0 };
  g_auto(Run) two = { 0 };

  KOERS (&run, "--roadmap", "--format=xml", valid);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "koers: --format: "));
  g_assert_nonnull (strstr (run.err, "xml"));

  KOERS (&two, "--check", valid, other);
  g_assert_cmpint (two.status, ==, 2);
  g_assert_true (g_str_has_prefix (two.err, "koers: "));
  g_assert_nonnull (strstr (two.err, "FILE"));
}

static void
test_usage_export_options (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-cli");
  g_autofree char *valid = koers_test_data_path ("valid-full.koers");
  g_autofree char *gif = g_build_filename (dir, "out.gif", NULL);
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);
  g_autofree char *export_gif = g_strconcat ("--export-roadmap=", gif, NULL);
  g_autofree char *export_png = g_strconcat ("--export-roadmap=", png, NULL);
  g_autofree char *diagram_gif = g_strconcat ("--export-diagram=pyramid:", gif, NULL);
  g_autofree char *diagram_nope = g_strconcat ("--export-diagram=nope:", png, NULL);

  USAGE_ERROR (export_gif, valid);
  USAGE_ERROR (diagram_gif, valid);
  USAGE_ERROR ("--export-diagram=pyramid", valid);
  USAGE_ERROR (diagram_nope, valid);
  USAGE_ERROR (export_png, "--size=abc", valid);
  USAGE_ERROR (export_png, "--size=100x100", valid);
  USAGE_ERROR (export_png, "--scale=7", valid);
  USAGE_ERROR (export_png, "--theme=blue", valid);
  USAGE_ERROR (export_png, "--background=pink", valid);
  USAGE_ERROR (export_png, "--format=json", valid);
  USAGE_ERROR ("--roadmap", "--size=1280x720", valid);
  USAGE_ERROR ("--size=1280x720", valid);
  /* nothing written */
  g_assert_cmpuint (count_entries (dir), ==, 0);
  koers_test_remove_tree (dir);
}

/* The size is logical and multiplied by the scale: a PNG past 8K pixels
 * is refused with a message that says so, before anything is drawn; the
 * same size as SVG or PDF (no pixels) and at scale 1 are fine. */
static void
test_usage_size_pixels (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-cli");
  g_autofree char *valid = koers_test_data_path ("valid-full.koers");
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *export_png = g_strconcat ("--export-roadmap=", png, NULL);
  g_autofree char *export_svg = g_strconcat ("--export-roadmap=", svg, NULL);
  g_autofree char *diagram_png = g_strconcat ("--export-diagram=pyramid:", png, NULL);
  g_auto(Run) run;
  g_auto(Run) diagram;
  g_auto(Run) scaled;
  g_auto(Run) vector;

  KOERS (&run, export_png, "--size=7680x4320", valid);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "koers: --size: 7680x4320 at scale 2 makes an image of 15360x8640 pixels"));
  g_assert_nonnull (strstr (run.err, "--scale"));
  KOERS (&diagram, diagram_png, "--size=4000x2160", valid);
  g_assert_cmpint (diagram.status, ==, 2);
  KOERS (&scaled, export_png, "--size=3000x2000", "--scale=3", valid);
  g_assert_cmpint (scaled.status, ==, 2);
  g_assert_cmpuint (count_entries (dir), ==, 0);

  KOERS (&vector, export_svg, "--size=7680x4320", valid);
  g_assert_cmpint (vector.status, ==, 0);
  g_assert_true (g_file_test (svg, G_FILE_TEST_EXISTS));
  koers_test_remove_tree (dir);
}

static void
test_usage_page_zero (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-cli");
  g_autofree char *valid = koers_test_data_path ("valid-full.koers");
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);
  g_autofree char *export_png = g_strconcat ("--export-roadmap=", png, NULL);

  /* pages count from 1 */
  USAGE_ERROR (export_png, "--page=0", valid);
  USAGE_ERROR (export_png, "--page=-1", valid);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  koers_test_remove_tree (dir);
}

/* A PDF holds every page, so --page picks none; but a page the roadmap
 * does not have is refused as for PNG and SVG: exit 2, nothing written. */
static void
test_usage_page_pdf (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-cli");
  g_autofree char *valid = koers_test_data_path ("every-model-to-the-top.koers");
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *export_pdf = g_strconcat ("--export-roadmap=", pdf, NULL);
  g_autofree char *diagram_pdf = g_strconcat ("--export-diagram=pyramid:", pdf, NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;
  gboolean two_pages = FALSE;
  g_auto(Run) beyond = { 0 };
  g_auto(Run) diagram = { 0 };
  g_auto(Run) second = { 0 };

  /* every model from nowhere to the top takes several slides at
   * 1920x1080, but not twenty */
  KOERS (&beyond, export_pdf, "--page=20", valid);
  g_assert_cmpint (beyond.status, ==, 2);
  g_assert_cmpstr (beyond.out, ==, "");
  g_assert_true (g_str_has_prefix (beyond.err, "koers: there is no page 20; this roadmap has "));
  g_assert_true (g_str_has_suffix (beyond.err, " pages\nRun “koers --help” to see the options.\n"));
  USAGE_ERROR (export_pdf, "--page=9999", valid);
  KOERS (&diagram, diagram_pdf, "--page=2", valid);
  g_assert_cmpint (diagram.status, ==, 2);
  g_assert_cmpstr (diagram.err, ==, "koers: there is no page 2; a diagram has one page\n"
                                    "Run “koers --help” to see the options.\n");
  g_assert_cmpuint (count_entries (dir), ==, 0);

  /* a page it has: the PDF, with every page */
  KOERS (&second, export_pdf, "--page=2", valid);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* binary streams hold NUL bytes: look through all of it */
  {
    guint n_pages = 0;
    g_autofree char *count = NULL;

    g_assert_cmpint (sscanf (beyond.err, "koers: there is no page 20; this roadmap has %u pages", &n_pages), ==, 1);
    g_assert_cmpuint (n_pages, >=, 2);
    count = g_strdup_printf ("/Count %u", n_pages);
    for (gsize i = 0; i + strlen (count) <= len && !two_pages; i++)
      two_pages = memcmp (contents + i, count, strlen (count)) == 0;
  }
  g_assert_true (two_pages);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  koers_test_remove_tree (dir);
}

/* --- exports ------------------------------------------------------------- */

static GBytes *
read_file (const char *path)
{
  char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
assert_png (const char *path,
            guint32     width,
            guint32     height)
{
  g_autoptr(GBytes) bytes = read_file (path);
  const guint8 *data = g_bytes_get_data (bytes, NULL);

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 33);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  /* IHDR: big-endian width and height */
  g_assert_cmpuint (GUINT32_FROM_BE (*(const guint32 *) (data + 16)), ==, width);
  g_assert_cmpuint (GUINT32_FROM_BE (*(const guint32 *) (data + 20)), ==, height);
}

static void
assert_svg (const char *path)
{
  g_autoptr(GBytes) bytes = read_file (path);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_true (g_str_has_prefix (text, "<?xml") || g_str_has_prefix (text, "<svg"));
  g_assert_nonnull (strstr (text, "<svg"));
  g_assert_nonnull (strstr (text, "</svg>"));
}

static void
assert_pdf (const char *path)
{
  g_autoptr(GBytes) bytes = read_file (path);

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 5);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
  /* A PDF ends with %%EOF (and perhaps a newline); its body holds binary
   * streams with NUL bytes, so look at the tail only. */
  {
    gsize size = g_bytes_get_size (bytes);
    const char *data = g_bytes_get_data (bytes, NULL);
    gsize tail = MIN (size, 16);

    g_assert_nonnull (g_strstr_len (data + size - tail, tail, "%%EOF"));
  }
}

static void
export_to (const char *option_prefix,
           const char *dir,
           const char *name,
           const char *file,
           const char *extra)
{
  g_autofree char *out = g_build_filename (dir, name, NULL);
  g_autofree char *option = g_strconcat (option_prefix, out, NULL);
  g_autofree char *input = koers_test_data_path (file);
  g_auto(Run) run = { 0 };

  if (extra)
    KOERS (&run, option, extra, input);
  else
    KOERS (&run, option, input);
  if (run.status != 0)
    g_error ("%s %s: exit %d: %s", option, file, run.status, run.err);
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_export_roadmap (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-cli");
  g_autofree char *png = g_build_filename (dir, "roadmap.png", NULL);
  g_autofree char *small = g_build_filename (dir, "small.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "roadmap.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "roadmap.pdf", NULL);

  export_to ("--export-roadmap=", dir, "roadmap.png", "woonstichting.koers", NULL);
  export_to ("--export-roadmap=", dir, "small.png", "woonstichting.koers", "--size=1280x720");
  export_to ("--export-roadmap=", dir, "roadmap.svg", "woonstichting.koers", NULL);
  export_to ("--export-roadmap=", dir, "roadmap.pdf", "woonstichting.koers", NULL);
  /* default 1920x1080 at scale 2 */
  assert_png (png, 3840, 2160);
  assert_png (small, 2560, 1440);
  assert_svg (svg);
  assert_pdf (pdf);
  /* written beside and renamed: nothing else left */
  g_assert_cmpuint (count_entries (dir), ==, 4);
  koers_test_remove_tree (dir);
}

static void
test_export_diagram (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-cli");
  const char * const models[] = { "pyramid", "learning-curve", "maturity-matrix", "strategy-model" };

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("--export-diagram=%s:", models[i]);
      g_autofree char *png_name = g_strdup_printf ("%s.png", models[i]);
      g_autofree char *svg_name = g_strdup_printf ("%s.svg", models[i]);
      g_autofree char *pdf_name = g_strdup_printf ("%s.pdf", models[i]);
      g_autofree char *png = g_build_filename (dir, png_name, NULL);
      g_autofree char *svg = g_build_filename (dir, svg_name, NULL);
      g_autofree char *pdf = g_build_filename (dir, pdf_name, NULL);

      export_to (prefix, dir, png_name, "woonstichting.koers", "--scale=1");
      export_to (prefix, dir, svg_name, "woonstichting.koers", NULL);
      export_to (prefix, dir, pdf_name, "woonstichting.koers", NULL);
      assert_png (png, 1920, 1080);
      assert_svg (svg);
      assert_pdf (pdf);
    }
  g_assert_cmpuint (count_entries (dir), ==, 12);
  koers_test_remove_tree (dir);
}

/* The progress slide in each format; a file without a closed round is
 * refused with the reason, and nothing is written. */
static void
test_export_progress (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-cli");
  g_autofree char *png = g_build_filename (dir, "progress.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "progress.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "progress.pdf", NULL);
  g_autofree char *none = g_build_filename (dir, "none.png", NULL);
  g_autofree char *option = g_strconcat ("--export-progress=", none, NULL);
  g_autofree char *input = koers_test_data_path ("valid-full.koers");
  g_autofree char *expected = g_strdup_printf ("koers: %s: there is no closed round to compare with; close a round first\n", none);
  g_auto(Run) run = { 0 };
  g_auto(Run) page = { 0 };

  export_to ("--export-progress=", dir, "progress.png", "rounds-kept.koers", "--scale=1");
  export_to ("--export-progress=", dir, "progress.svg", "rounds-kept.koers", "--theme=dark");
  export_to ("--export-progress=", dir, "progress.pdf", "rounds-kept.koers", NULL);
  assert_png (png, 1920, 1080);
  assert_svg (svg);
  assert_pdf (pdf);

  KOERS (&run, option, input);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));

  KOERS (&page, option, "--page=2", input);
  g_assert_cmpint (page.status, ==, 2);
  g_assert_cmpuint (count_entries (dir), ==, 3);
  koers_test_remove_tree (dir);
}

static void
test_export_missing_folder (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-cli");
  g_autofree char *out = g_build_filename (dir, "missing", "roadmap.png", NULL);
  g_autofree char *option = g_strconcat ("--export-roadmap=", out, NULL);
  g_autofree char *input = koers_test_data_path ("woonstichting.koers");
  g_autofree char *prefix = g_strdup_printf ("koers: %s: ", out);
  g_auto(Run) run = { 0 };

  KOERS (&run, option, input);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  assert_one_line (run.err);
  g_assert_true (g_str_has_prefix (run.err, prefix));
  /* nothing left behind */
  g_assert_cmpuint (count_entries (dir), ==, 0);
  koers_test_remove_tree (dir);
}

static void
test_export_keeps_existing (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-cli");
  g_autofree char *out = g_build_filename (dir, "roadmap.png", NULL);
  g_autofree char *pdf_out = g_build_filename (dir, "roadmap.pdf", NULL);
  g_autofree char *option = g_strconcat ("--export-roadmap=", out, NULL);
  g_autofree char *pdf_option = g_strconcat ("--export-roadmap=", pdf_out, NULL);
  g_autofree char *diagram = g_strconcat ("--export-diagram=pyramid:", out, NULL);
  g_autofree char *broken = koers_test_data_path ("unknown-stage.koers");
  g_autofree char *valid = koers_test_data_path ("woonstichting.koers");
  g_autofree char *contents = NULL;
  g_auto(Run) refused = { 0 };
  g_auto(Run) refused_diagram = { 0 };
  g_auto(Run) no_page = { 0 };
  g_auto(Run) no_pdf_page = { 0 };

  g_assert_true (g_file_set_contents (out, "the previous export", -1, NULL));
  g_assert_true (g_file_set_contents (pdf_out, "the previous export", -1, NULL));

  /* the input refused: exit 1, OUT as it was */
  KOERS (&refused, option, broken);
  g_assert_cmpint (refused.status, ==, 1);
  KOERS (&refused_diagram, diagram, broken);
  g_assert_cmpint (refused_diagram.status, ==, 1);
  /* a page that does not exist: the export fails, OUT as it was */
  KOERS (&no_page, option, "--page=999", valid);
  g_assert_cmpint (no_page.status, !=, 0);
  /* for a PDF too */
  KOERS (&no_pdf_page, pdf_option, "--page=999", valid);
  g_assert_cmpint (no_pdf_page.status, ==, 2);

  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the previous export");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf_out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the previous export");
  g_assert_cmpuint (count_entries (dir), ==, 2);
  koers_test_remove_tree (dir);
}

static void
test_no_display_needed (void)
{
  g_autofree char *path = koers_test_data_path ("woonstichting.koers");
  g_auto(GStrv) env = headless_environment ("en");
  g_auto(Run) run = { 0 };

  /* and with a display that cannot be opened, still no window is tried */
  env = g_environ_setenv (env, "DISPLAY", ":4242", TRUE);
  env = g_environ_setenv (env, "WAYLAND_DISPLAY", "no-such-wayland-socket", TRUE);
  run_koers_env (&run, env, NULL, (const char * const []) { "--check", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
}

static void
assert_zip (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4);
  g_assert_cmpmem (contents, 4, "PK\003\004", 4);
}

/* Decks and spreadsheets: written whole, beside and renamed. */
static void
test_export_deck (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-cli");
  const char *names[] = { "deck.odp", "deck.pptx", "roadmap.ods", "roadmap.xlsx" };

  export_to ("--export-deck=", dir, names[0], "woonstichting.koers", NULL);
  export_to ("--export-deck=", dir, names[1], "woonstichting.koers", "--theme=dark");
  export_to ("--export-roadmap=", dir, names[2], "woonstichting.koers", NULL);
  export_to ("--export-roadmap=", dir, names[3], "woonstichting.koers", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      assert_zip (path);
    }
  g_assert_cmpuint (count_entries (dir), ==, G_N_ELEMENTS (names));
  koers_test_remove_tree (dir);
}

static void
test_usage_deck_options (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-cli");
  g_autofree char *valid = koers_test_data_path ("valid-full.koers");
  g_autofree char *ppt = g_build_filename (dir, "deck.ppt", NULL);
  g_autofree char *odp = g_build_filename (dir, "deck.odp", NULL);
  g_autofree char *ods = g_build_filename (dir, "roadmap.ods", NULL);
  g_autofree char *export_ppt = g_strconcat ("--export-deck=", ppt, NULL);
  g_autofree char *export_odp = g_strconcat ("--export-deck=", odp, NULL);
  g_autofree char *export_ods = g_strconcat ("--export-roadmap=", ods, NULL);
  g_autofree char *missing = koers_test_data_path ("no-such-file.koers");
  g_auto(Run) run = { 0 };

  USAGE_ERROR (export_ppt, valid);
  USAGE_ERROR (export_odp, "--size=1280x720", valid);
  USAGE_ERROR (export_odp, "--scale=1", valid);
  USAGE_ERROR (export_odp, "--page=2", valid);
  USAGE_ERROR (export_odp, "--background=white", valid);
  USAGE_ERROR (export_odp, "--theme=blue", valid);
  USAGE_ERROR (export_odp, "--format=json", valid);
  USAGE_ERROR (export_odp, "--check", valid);
  USAGE_ERROR (export_ods, "--theme=dark", valid);
  USAGE_ERROR (export_ods, "--size=1280x720", valid);

  /* A file that cannot be read is refused, as for the other exports. */
  KOERS (&run, export_odp, missing);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "koers: "));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  koers_test_remove_tree (dir);
}

/* --- issue 15: pipes, devices, standard input and output ---------------- */

/* Each of these runs twice: as whoever runs the tests, and as "nobody",
 * for root may read and write where an ordinary user may not. As nobody,
 * koers is a copy in a folder that belongs to nobody, and so is every
 * file the test hands it: the checkout may lie where nobody may look. */
#define NOBODY 65534

static void run_koers_redirected (Run                *run,
                                  const char         *stdin_path,
                                  const char         *stdout_path,
                                  const char * const *args);

/* The folder of the running nobody case, or NULL. */
static char *nobody_dir;

/* A folder for the test's files; as nobody, inside nobody's folder. */
static char *
make_case_dir (void)
{
  if (nobody_dir != NULL)
    {
      char *dir = g_build_filename (nobody_dir, "case-XXXXXX", NULL);

      g_assert_nonnull (g_mkdtemp (dir));
      return dir;
    }
  return koers_test_make_dir ("koers-cli");
}

/* A file of tests/data; as nobody, a copy in nobody's folder. */
static char *
case_data_path (const char *name)
{
  g_autofree char *source = koers_test_data_path (name);
  g_autofree char *contents = NULL;
  char *copy;
  gsize length;

  if (nobody_dir == NULL)
    return g_steal_pointer (&source);
  copy = g_build_filename (nobody_dir, name, NULL);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  return copy;
}

/* Hands @path and all it holds to nobody, links included. */
static void
give_to_nobody (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_cmpint (lchown (path, NOBODY, NOBODY), ==, 0);
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      give_to_nobody (child);
    }
}

static void
become_nobody (gpointer data)
{
  /* Between fork and exec: only what is safe there, and no way back. */
  if (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0)
    _exit (125);
}

typedef struct {
  GTestFunc func;
} NobodyCase;

/* Runs the case as nobody: skipped, saying why, when the tests do not
 * run as root and so cannot become anyone else. */
static void
run_as_nobody (gconstpointer data)
{
  const NobodyCase *c = data;
  g_autofree char *binary = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *saved_binary = g_strdup (g_getenv ("KOERS_BINARY"));
  char *lsan;
  gsize length;

  if (getuid () != 0)
    {
      g_test_skip ("running as nobody needs root to become nobody; "
                   "the case ran as the current user only");
      return;
    }

  nobody_dir = koers_test_make_dir ("koers-cli-nobody");
  binary = g_build_filename (nobody_dir, "koers", NULL);
  g_assert_true (g_file_get_contents (saved_binary, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (binary, contents, length, NULL));
  g_assert_cmpint (g_chmod (binary, 0700), ==, 0);
  g_assert_cmpint (g_chmod (nobody_dir, 0700), ==, 0);
  g_setenv ("KOERS_BINARY", binary, TRUE);
  lsan = koers_test_share_lsan_suppressions ();

  /* The case really runs as nobody: a file no one but root may read (mode
   * 0000) is refused. */
  {
    g_autofree char *probe = case_data_path ("woonstichting.koers");
    g_auto(Run) refused = { 0 };

    g_assert_cmpint (g_chmod (probe, 0000), ==, 0);
    run_koers_redirected (&refused, NULL, NULL, (const char * const []) { "--check", "woonstichting.koers", NULL });
    g_assert_cmpint (refused.status, ==, 1);
    g_assert_cmpint (g_unlink (probe), ==, 0);
  }

  c->func ();

  if (lsan != NULL)
    koers_test_unshare_lsan_suppressions (lsan);
  g_setenv ("KOERS_BINARY", saved_binary, TRUE);
  koers_test_remove_tree (nobody_dir);
  g_clear_pointer (&nobody_dir, g_free);
}

static void
add_owner_and_nobody (const char *name,
                      GTestFunc   func)
{
  g_autofree char *owner = g_strconcat ("/cli/", name, NULL);
  g_autofree char *nobody = g_strconcat ("/cli/nobody/", name, NULL);
  NobodyCase *c = g_new0 (NobodyCase, 1);

  c->func = func;
  g_test_add_func (owner, func);
  g_test_add_data_func_full (nobody, c, run_as_nobody, g_free);
}

/* Runs koers with @stdin_path as standard input and @stdout_path as
 * standard output (either may be NULL), failing rather than hanging when
 * it takes more than 20 s. */
static void
run_koers_redirected (Run                *run,
                      const char         *stdin_path,
                      const char         *stdout_path,
                      const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                                                       (stdout_path ? 0 : G_SUBPROCESS_FLAGS_STDOUT_PIPE));
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = headless_environment ("en");
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;

  g_subprocess_launcher_set_environ (launcher, env);
  if (nobody_dir != NULL)
    {
      give_to_nobody (nobody_dir);
      g_subprocess_launcher_set_cwd (launcher, nobody_dir);
      g_subprocess_launcher_set_child_setup (launcher, become_nobody, NULL, NULL);
    }
  if (stdin_path != NULL)
    g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path);
  if (stdout_path != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, stdout_path);
  g_ptr_array_add (argv, (char *) g_getenv ("KOERS_BINARY"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  child = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  /* The watchdog: a blocked koers fails the test instead of hanging it. */
  while (g_subprocess_get_identifier (child) != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  if (g_subprocess_get_identifier (child) != NULL)
    {
      g_subprocess_force_exit (child);
      g_error ("koers did not finish within 20 s");
    }
  g_subprocess_communicate (child, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  memset (run, 0, sizeof *run);
  run->status = g_subprocess_get_exit_status (child);
  g_assert_cmpint (run->status, !=, 125);
  run->out = out ? g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out)) : g_strdup ("");
  run->err = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
}

#define KOERS_REDIRECTED(run, in, out, ...) \
  run_koers_redirected ((run), (in), (out), (const char * const []) { __VA_ARGS__, NULL })

/* Finding 3: --check on a pipe named x.koers waited forever. */
static void
test_check_fifo (void)
{
  g_autofree char *dir = make_case_dir ();
  g_autofree char *fifo = g_build_filename (dir, "x.koers", NULL);
  g_auto(Run) check = { 0 };
  g_auto(Run) roadmap = { 0 };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  KOERS_REDIRECTED (&check, NULL, NULL, "--check", fifo);
  g_assert_cmpint (check.status, ==, 1);
  g_assert_nonnull (strstr (check.err, "not an ordinary file"));
  KOERS_REDIRECTED (&roadmap, NULL, NULL, "--roadmap", fifo);
  g_assert_cmpint (roadmap.status, ==, 1);
  koers_test_remove_tree (dir);
}

/* Finding 7: write errors on standard output were ignored. */
static void
test_stdout_full (void)
{
  g_autofree char *valid = case_data_path ("woonstichting.koers");
  g_auto(Run) check = { 0 };
  g_auto(Run) roadmap = { 0 };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full here");
      return;
    }
  KOERS_REDIRECTED (&check, NULL, "/dev/full", "--check", valid);
  g_assert_cmpint (check.status, ==, 1);
  g_assert_nonnull (strstr (check.err, "could not write the output"));
  KOERS_REDIRECTED (&roadmap, NULL, "/dev/full", "--roadmap", valid);
  g_assert_cmpint (roadmap.status, ==, 1);
  g_assert_nonnull (strstr (roadmap.err, "could not write the output"));
}

/* Finding 7: "-" reads the project from standard input. */
static void
test_stdin (void)
{
  g_autofree char *valid = case_data_path ("woonstichting.koers");
  g_autofree char *broken = case_data_path ("missing-comma.koers");
  g_autofree char *expected = library_roadmap ("woonstichting.koers", KOERS_ROADMAP_FORMAT_MARKDOWN);
  g_auto(Run) check = { 0 };
  g_auto(Run) roadmap = { 0 };
  g_auto(Run) refused = { 0 };

  KOERS_REDIRECTED (&check, valid, NULL, "--check", "-");
  g_assert_cmpint (check.status, ==, 0);
  g_assert_true (g_str_has_prefix (check.out, "-: a valid Koers project"));
  KOERS_REDIRECTED (&roadmap, valid, NULL, "--roadmap", "-");
  g_assert_cmpint (roadmap.status, ==, 0);
  g_assert_cmpstr (roadmap.out, ==, expected);
  KOERS_REDIRECTED (&refused, broken, NULL, "--check", "-");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_true (g_str_has_prefix (refused.err, "koers: -: "));
}

/* Finding 2 and 7: an export through a link to a pipe, or onto its own
 * input, changes nothing. */
static void
test_export_refuses (void)
{
  g_autofree char *dir = make_case_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *to_fifo = g_build_filename (dir, "full.png", NULL);
  g_autofree char *project = g_build_filename (dir, "plan.koers", NULL);
  g_autofree char *to_project = g_build_filename (dir, "plan.png", NULL);
  g_autofree char *valid = case_data_path ("woonstichting.koers");
  g_autofree char *into_fifo = g_strconcat ("--export-roadmap=", to_fifo, NULL);
  g_autofree char *into_self = g_strconcat ("--export-roadmap=", to_project, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) piped = { 0 };
  g_auto(Run) itself = { 0 };
  GStatBuf st;

  g_assert_true (g_file_get_contents (valid, &before, NULL, NULL));
  g_assert_true (g_file_set_contents (project, before, -1, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (fifo, to_fifo), ==, 0);
  g_assert_cmpint (symlink (project, to_project), ==, 0);

  KOERS_REDIRECTED (&piped, NULL, NULL, into_fifo, valid);
  g_assert_cmpint (piped.status, ==, 1);
  g_assert_nonnull (strstr (piped.err, "not an ordinary file"));
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  KOERS_REDIRECTED (&itself, NULL, NULL, into_self, project);
  g_assert_cmpint (itself.status, ==, 1);
  g_assert_nonnull (strstr (itself.err, "the project itself"));
  g_assert_true (g_file_get_contents (project, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  koers_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/check/valid", test_check_valid);
  g_test_add_func ("/cli/check/findings", test_check_findings);
  g_test_add_func ("/cli/check/warnings", test_check_warnings);
  for (guint i = 0; i < G_N_ELEMENTS (broken_files); i++)
    {
      g_autofree char *name = g_strndup (broken_files[i].file, strlen (broken_files[i].file) - strlen (".koers"));
      g_autofree char *path = g_strdup_printf ("/cli/check/broken/%s", name);

      g_test_add_data_func (path, &broken_files[i], test_check_broken);
    }
  g_test_add_func ("/cli/check/broken/syntax-error", test_check_syntax_error);
  g_test_add_func ("/cli/check/missing-file", test_check_missing_file);
  g_test_add_func ("/cli/check/folder", test_check_folder);
  g_test_add_func ("/cli/check/too-large", test_check_too_large);
  g_test_add_func ("/cli/check/too-deep", test_check_too_deep);
  g_test_add_func ("/cli/check/no-display-needed", test_no_display_needed);
  g_test_add_func ("/cli/roadmap/markdown", test_roadmap_markdown);
  g_test_add_func ("/cli/roadmap/markdown-state", test_roadmap_markdown_state);
  g_test_add_func ("/cli/roadmap/markdown-backticks", test_roadmap_markdown_backticks);
  g_test_add_func ("/cli/roadmap/json", test_roadmap_json);
  g_test_add_func ("/cli/roadmap/json-orphans", test_roadmap_json_orphans);
  g_test_add_func ("/cli/roadmap/csv-parser", test_csv_parser);
  g_test_add_func ("/cli/roadmap/csv", test_roadmap_csv);
  g_test_add_func ("/cli/roadmap/warning", test_roadmap_warning);
  g_test_add_func ("/cli/roadmap/broken", test_roadmap_broken);
  g_test_add_func ("/cli/roadmap/dutch", test_roadmap_dutch);
  g_test_add_func ("/cli/usage/errors", test_usage_errors);
  g_test_add_func ("/cli/usage/messages", test_usage_error_messages);
  g_test_add_func ("/cli/usage/export-options", test_usage_export_options);
  g_test_add_func ("/cli/usage/size-pixels", test_usage_size_pixels);
  g_test_add_func ("/cli/export/missing-folder", test_export_missing_folder);
  g_test_add_func ("/cli/export/keeps-existing", test_export_keeps_existing);
  g_test_add_func ("/cli/export/page-zero", test_usage_page_zero);
  g_test_add_func ("/cli/export/page-pdf", test_usage_page_pdf);
  g_test_add_func ("/cli/export/roadmap", test_export_roadmap);
  g_test_add_func ("/cli/export/diagram", test_export_diagram);
  g_test_add_func ("/cli/export/progress", test_export_progress);
  g_test_add_func ("/cli/check/assessment", test_check_assessment);
  add_owner_and_nobody ("export/refuses-special-and-self", test_export_refuses);
  add_owner_and_nobody ("check/fifo", test_check_fifo);
  add_owner_and_nobody ("stdout/write-error", test_stdout_full);
  add_owner_and_nobody ("stdin", test_stdin);
  /* registered last: the suite "help" runs after the others */
  g_test_add_func ("/cli/help/usage-line", test_help_usage_line);

  g_test_add_func ("/cli/export/deck", test_export_deck);
  g_test_add_func ("/cli/usage/deck-options", test_usage_deck_options);

  return g_test_run ();
}
