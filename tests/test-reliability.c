/* test-reliability.c: never overwrite another's work, never hang, never
 * lose more than the last two seconds; without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every case runs twice, each time in a subprocess with a time limit (a
 * watchdog: a hang fails the case rather than the whole run): once as
 * whoever runs the tests, once as "nobody" in a folder that belongs to
 * nobody, for root may write where an ordinary user may not.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>
#include <time.h>
#include <grp.h>

#include "koers-document.h"
#include "koers-error.h"
#include "koers-io.h"
#include "koers-test-util.h"

#define NOBODY 65534
#define WATCHDOG_USEC (30 * G_USEC_PER_SEC)

typedef void (*CaseFunc) (const char *dir);

typedef struct {
  CaseFunc func;
  gboolean as_nobody;
  guint64  timeout;
} Case;

/* --- helpers ------------------------------------------------------------ */

/* The example comes from the test's own folder: the parent put it there,
 * because a case that runs as nobody may not see into the checkout (a
 * clone under /root is mode 0700). */
static char *
copy_example (const char *dir,
              const char *name)
{
  g_autofree char *source = g_build_filename (dir, "example.koers", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_steal_pointer (&path);
}

static KoersDrafts *
drafts_in (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "drafts", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  return koers_drafts_new_for_directory (folder);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
save_and_wait (KoersDocument   *document,
               KoersSaveFlags   flags,
               GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  koers_document_save_full_async (document, NULL, flags, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return koers_document_save_finish (document, result, error);
}

static char *
read_text (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Another program's save: a different organisation name, so a different
 * size too, whatever the clock's granularity. */
static void
write_elsewhere (const char *path,
                 const char *name)
{
  g_autoptr(KoersProject) project = koers_test_load_project (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_NAME, NULL, name, &error));
  bytes = koers_project_to_bytes (project);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
}

static const char *
name_in (const char *path)
{
  static char *name;
  g_autoptr(KoersProject) project = koers_test_load_project (path);

  g_free (name);
  name = g_strdup (koers_project_get_organisation_name (project));
  return name;
}

/* --- the cases ---------------------------------------------------------- */

/* Finding 3: a pipe named x.koers froze the window in open(). */
static void
case_open_fifo (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "x.koers", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(KoersDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  document = koers_document_load (NULL, file, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  koers_document_load_async (NULL, file, NULL, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (koers_document_load_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  bytes = koers_file_read_limited (file, 1024, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
}

static void
assert_write_refused (const char *path,
                      GError    **error_out)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  GError *error = NULL;

  g_assert_false (koers_file_write_atomic (file, bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_test_message ("%s", error->message);
  g_propagate_error (error_out, error);
}

/* Finding 2: a save or an export through a link replaced what the link
 * points at, devices and pipes included. */
static void
case_write_special (const char *dir)
{
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *to_fifo = g_build_filename (dir, "pipe.png", NULL);
  g_autofree char *to_null = g_build_filename (dir, "null.koers", NULL);
  g_autofree char *regular = copy_example (dir, "real.koers");
  g_autofree char *to_regular = g_build_filename (dir, "link.koers", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (to_regular);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (fifo, to_fifo), ==, 0);
  g_assert_cmpint (symlink ("/dev/null", to_null), ==, 0);
  g_assert_cmpint (symlink ("real.koers", to_regular), ==, 0);

  assert_write_refused (fifo, NULL);
  assert_write_refused (to_fifo, NULL);
  assert_write_refused (to_null, NULL);

  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpint (g_lstat (to_fifo, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  /* A link to an ordinary file is followed, and stays a link. */
  g_assert_true (koers_file_write_atomic (link_file, bytes, NULL, &error));
  g_assert_no_error (error);
  contents = read_text (regular);
  g_assert_cmpstr (contents, ==, "new");
  target = g_file_read_link (to_regular, NULL);
  g_assert_cmpstr (target, ==, "real.koers");
}

/* Finding 1, the check at save: another program's change is refused, and
 * replaced only when asked to. */
static void
case_changed_at_save (const char *dir)
{
  g_autofree char *path = copy_example (dir, "plan.koers");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KoersDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = koers_document_load (NULL, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (koers_document_place (document, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error));

  /* Unchanged on disk: saves. */
  g_assert_true (save_and_wait (document, KOERS_SAVE_FLAGS_NONE, &error));
  g_assert_no_error (error);

  g_assert_true (koers_document_place (document, "pyramid", KOERS_MARKER_TARGET, "monitor", &error));
  write_elsewhere (path, "Other program");

  g_assert_false (save_and_wait (document, KOERS_SAVE_FLAGS_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpstr (name_in (path), ==, "Other program");
  g_assert_true (koers_document_get_modified (document));

  /* The user chose Overwrite. */
  g_assert_true (save_and_wait (document, KOERS_SAVE_FLAGS_OVERWRITE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name_in (path), !=, "Other program");
  g_assert_false (koers_document_get_modified (document));
}

static gboolean
wait_changed_on_disk (KoersDocument *document,
                      gint64         usec)
{
  gint64 deadline = g_get_monotonic_time () + usec;

  while (!koers_document_get_changed_on_disk (document) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  return koers_document_get_changed_on_disk (document);
}

/* Finding 1, the file monitor: seen without saving; our own save is not
 * another program's change. */
static void
case_changed_monitor (const char *dir)
{
  g_autofree char *path = copy_example (dir, "plan.koers");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KoersDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = koers_document_load (NULL, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (koers_document_place (document, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error));
  g_assert_true (save_and_wait (document, KOERS_SAVE_FLAGS_NONE, &error));
  g_assert_false (wait_changed_on_disk (document, G_USEC_PER_SEC));

  write_elsewhere (path, "Other program");
  g_assert_true (wait_changed_on_disk (document, 10 * G_USEC_PER_SEC));

  /* Overwriting clears it. */
  g_assert_true (save_and_wait (document, KOERS_SAVE_FLAGS_OVERWRITE, &error));
  g_assert_false (koers_document_get_changed_on_disk (document));
}

/* Finding 1: two processes on one file; the second save must not drop
 * the first one's edit. */
static void
case_two_processes (const char *dir)
{
  g_autofree char *path = copy_example (dir, "plan.koers");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KoersDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  /* The parent put a copy of this program beside the file: nobody may
   * not run it from the build folder of a clone under /root. */
  g_autofree char *argv0 = g_build_filename (dir, "test-reliability", NULL);
  const char *argv[] = { argv0, "--other-process", path, NULL };
  int status = -1;

  document = koers_document_load (NULL, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (koers_document_place (document, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error));

  /* The other process opens, edits and saves. */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (name_in (path), ==, "Saved by the other process");

  g_assert_false (save_and_wait (document, KOERS_SAVE_FLAGS_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_cmpstr (name_in (path), ==, "Saved by the other process");
}

static int
other_process (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KoersDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  KoersHistory *history;

  document = koers_document_load (NULL, file, NULL, NULL, &error);
  if (document == NULL)
    return 2;
  history = koers_document_get_history (document);
  if (!koers_history_set (history, KOERS_FIELD_ORGANISATION_NAME, NULL, "Saved by the other process", &error))
    return 3;
  return save_and_wait (document, KOERS_SAVE_FLAGS_NONE, &error) ? 0 : 4;
}

/* Finding 1: a draft restored over a file that changed since the crash. */
static void
case_restore_over_changed (const char *dir)
{
  g_autofree char *path = copy_example (dir, "plan.koers");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KoersDrafts) drafts = drafts_in (dir);
  g_autoptr(KoersDocument) crashed = NULL;
  g_autoptr(KoersDocument) restored = NULL;
  g_autoptr(GError) error = NULL;

  crashed = koers_document_load (NULL, file, drafts, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (koers_document_place (crashed, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error));
  g_assert_true (koers_document_save_draft_now (crashed, &error));

  write_elsewhere (path, "Changed after the crash");

  restored = koers_document_restore_draft (drafts, koers_document_get_draft_id (crashed), &error);
  g_assert_no_error (error);
  g_assert_false (save_and_wait (restored, KOERS_SAVE_FLAGS_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_cmpstr (name_in (path), ==, "Changed after the crash");
  g_assert_true (koers_document_get_modified (restored));
}

/* Finding 5: a file made read-only while open. */
static void
case_read_only (const char *dir)
{
  g_autofree char *path = copy_example (dir, "plan.koers");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KoersDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GStatBuf st;

  document = koers_document_load (NULL, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (koers_document_place (document, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error));
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  before = read_text (path);

  g_assert_false (save_and_wait (document, KOERS_SAVE_FLAGS_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
  after = read_text (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0400);
}

/* Finding 4: one change every 500 ms, then kill -9. The editing runs in a
 * child that kills itself right after its last change; whatever the
 * draft holds must be at most two seconds old. */
static int
edit_until_killed (const char *dir,
                   guint       n_edits)
{
  g_autoptr(KoersDrafts) drafts = drafts_in (dir);
  g_autoptr(KoersDocument) document = koers_document_new (NULL, NULL, drafts);
  g_autofree char *id_path = g_build_filename (dir, "draft-id", NULL);
  KoersHistory *history = koers_document_get_history (document);

  g_assert_true (g_file_set_contents (id_path, koers_document_get_draft_id (document), -1, NULL));
  for (guint i = 1; i <= n_edits; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u", i);
      gint64 next = g_get_monotonic_time () + 500 * 1000;

      g_assert_true (koers_history_set (history, KOERS_FIELD_ORGANISATION_NAME, NULL, name, NULL));
      while (i < n_edits && g_get_monotonic_time () < next)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (5000);
        }
    }
  kill (getpid (), SIGKILL);
  return 1;
}

static void
run_continuous_edits (const char *dir,
                      guint       seconds)
{
  /* The parent put a copy of this program beside the file: nobody may
   * not run it from the build folder of a clone under /root. */
  g_autofree char *argv0 = g_build_filename (dir, "test-reliability", NULL);
  g_autofree char *n = g_strdup_printf ("%u", seconds * 2);
  const char *argv[] = { argv0, "--edit-until-killed", dir, n, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersDrafts) drafts = drafts_in (dir);
  g_autoptr(KoersProject) draft = NULL;
  g_autofree char *id_path = g_build_filename (dir, "draft-id", NULL);
  g_autofree char *id = NULL;
  int status = 0;
  guint64 last;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  id = read_text (id_path);
  draft = koers_drafts_load (drafts, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  last = g_ascii_strtoull (koers_project_get_organisation_name (draft), NULL, 10);
  g_test_message ("after %u edits, the draft holds edit %" G_GUINT64_FORMAT, seconds * 2, last);
  /* Edit n came at (n - 1) × 0.5 s, the kill right after the last one:
   * everything made more than two seconds before the kill is there. */
  g_assert_cmpuint (last, >=, seconds * 2 - 4);
}

static void
case_continuous_edits_short (const char *dir)
{
  run_continuous_edits (dir, 3);
}

static void
case_continuous_edits_long (const char *dir)
{
  run_continuous_edits (dir, 10);
}

static char *
make_leftover (const char *dir,
               const char *name,
               const char *contents,
               gboolean    stale)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  struct utimbuf old = { 0 };

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  if (stale)
    {
      old.actime = old.modtime = time (NULL) - 120;
      g_assert_cmpint (g_utime (path, &old), ==, 0);
    }
  return g_steal_pointer (&path);
}

/* Finding 6: hidden temp files of a killed save. */
static void
case_stale_temp (const char *dir)
{
  g_autofree char *path = copy_example (dir, "plan.koers");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KoersDrafts) drafts = drafts_in (dir);
  g_autofree char *saved = read_text (path);
  g_autofree char *copy = make_leftover (dir, ".plan.koers.AbC123", saved, TRUE);
  g_autofree char *young = make_leftover (dir, ".plan.koers.Young1", "{", FALSE);
  g_autofree char *junk = make_leftover (dir, ".plan.koers.Junk12", "not a project", TRUE);
  g_autofree char *other = make_leftover (dir, ".other.koers.Zz9999", saved, TRUE);
  g_autofree char *edited = NULL;
  g_autoptr(GPtrArray) leftovers = NULL;
  g_autoptr(KoersDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  write_elsewhere (path, "Only in the temp file");
  edited = read_text (path);
  g_assert_true (g_file_set_contents (path, saved, -1, NULL));
  g_free (make_leftover (dir, ".plan.koers.XyZ789", edited, TRUE));

  leftovers = koers_document_collect_leftovers (file, NULL);
  /* The whole copy of the saved file is gone; the others stay. */
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (young, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (junk, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  /* The edit that only the temp file holds is offered. */
  g_assert_cmpuint (leftovers->len, ==, 1);

  document = koers_document_restore_leftover (g_ptr_array_index (leftovers, 0), file, drafts, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (koers_project_get_organisation_name (koers_document_get_project (document)), ==,
                   "Only in the temp file");
  g_assert_true (koers_document_get_modified (document));
  g_assert_false (g_file_query_exists (g_ptr_array_index (leftovers, 0), NULL));
  g_assert_nonnull (koers_drafts_read (drafts, koers_document_get_draft_id (document), NULL, NULL));
}

/* --- running a case ------------------------------------------------------ */

static void
run_case (gconstpointer data)
{
  const Case *c = data;

  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("KOERS_TEST_DIR");

      if (c->as_nobody && getuid () == 0)
        {
          g_assert_cmpint (setgroups (0, NULL), ==, 0);
          g_assert_cmpint (setgid (NOBODY), ==, 0);
          g_assert_cmpint (setuid (NOBODY), ==, 0);
        }
      c->func (dir);
      return;
    }
  else
    {
      g_autofree char *dir = koers_test_make_dir ("koers-reliability-");
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "valid-minimal.koers", NULL);
      g_autofree char *example = g_build_filename (dir, "example.koers", NULL);
      g_autofree char *contents = NULL;
      gsize length;
      char *lsan = NULL;

      g_autofree char *self = g_test_build_filename (G_TEST_BUILT, "test-reliability", NULL);
      g_autofree char *self_copy = g_build_filename (dir, "test-reliability", NULL);
      g_autofree char *program = NULL;
      gsize program_length;

      g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (example, contents, length, NULL));
      g_assert_true (g_file_get_contents (self, &program, &program_length, NULL));
      g_assert_true (g_file_set_contents (self_copy, program, program_length, NULL));
      g_assert_cmpint (g_chmod (self_copy, 0755), ==, 0);
      if (c->as_nobody && getuid () == 0)
        {
          /* Only nobody may read this folder. */
          g_assert_cmpint (chown (example, NOBODY, NOBODY), ==, 0);
          g_assert_cmpint (chown (self_copy, NOBODY, NOBODY), ==, 0);
          g_assert_cmpint (chown (dir, NOBODY, NOBODY), ==, 0);
          g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
          lsan = koers_test_share_lsan_suppressions ();
        }
      g_setenv ("KOERS_TEST_DIR", dir, TRUE);
      g_test_trap_subprocess (NULL, c->timeout, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      if (lsan != NULL)
        koers_test_unshare_lsan_suppressions (lsan);
      koers_test_remove_tree (dir);
      g_test_trap_assert_passed ();
    }
}

static void
add_case (const char *name,
          CaseFunc    func,
          gboolean    slow)
{
  /* The subprocess is started without -m slow: it must still know the
   * case it is to run. */
  if (slow && !g_test_slow () && !g_test_subprocess ())
    return;
  for (guint i = 0; i < 2; i++)
    {
      Case *c = g_new0 (Case, 1);
      g_autofree char *path = g_strdup_printf ("/core/reliability/%s/%s", i ? "nobody" : "owner", name);

      c->func = func;
      c->as_nobody = i == 1;
      c->timeout = slow ? 4 * WATCHDOG_USEC : WATCHDOG_USEC;
      g_test_add_data_func_full (path, c, run_case, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--other-process"))
    return other_process (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "--edit-until-killed"))
    return edit_until_killed (argv[2], atoi (argv[3]));

  g_test_init (&argc, &argv, NULL);

  add_case ("open/fifo", case_open_fifo, FALSE);
  add_case ("write/special-files", case_write_special, FALSE);
  add_case ("changed-on-disk/at-save", case_changed_at_save, FALSE);
  add_case ("changed-on-disk/monitor", case_changed_monitor, FALSE);
  add_case ("changed-on-disk/two-processes", case_two_processes, FALSE);
  add_case ("changed-on-disk/restore-draft", case_restore_over_changed, FALSE);
  add_case ("read-only", case_read_only, FALSE);
  add_case ("stale-temp-files", case_stale_temp, FALSE);
  add_case ("draft/continuous-edits", case_continuous_edits_short, FALSE);
  add_case ("draft/continuous-edits-10s", case_continuous_edits_long, TRUE);

  return g_test_run ();
}
