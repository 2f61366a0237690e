/* test-drafts.c: unsaved work survives a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "koers-drafts.h"
#include "koers-error.h"
#include "koers-project.h"
#include "koers-test-util.h"

static char *self_path;

static GBytes *
make_project_bytes (const char *organisation)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(GError) error = NULL;

  koers_project_set_field (project, KOERS_FIELD_ORGANISATION_NAME, NULL, organisation, &error);
  g_assert_no_error (error);
  koers_project_place (project, "pyramid", KOERS_MARKER_CURRENT, "respond", &error);
  g_assert_no_error (error);
  return koers_project_to_bytes (project);
}

static KoersDrafts *
drafts_in (const char *path)
{
  g_autoptr(GFile) dir = g_file_new_for_path (path);

  return koers_drafts_new_for_directory (dir);
}

/* Rewrites a draft's sidecar as if another process had written it. */
static void
fake_owner (const char *dir,
            const char *id,
            gint64      pid,
            const char *boot)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  json = g_strdup_printf ("{\"uri\": \"file:///home/anna/woonstichting.koers\", "
                          "\"saved\": \"2026-11-12T15:21:10Z\", \"pid\": %" G_GINT64_FORMAT
                          "%s%s%s}",
                          pid, boot ? ", \"boot\": \"" : "", boot ? boot : "", boot ? "\"" : "");
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
}

/* A pid that surely belongs to no process: a child that has exited and
 * been reaped. */
static GPid
dead_pid (void)
{
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  return pid;
}

static gboolean
listed (GPtrArray  *orphans,
        const char *id)
{
  for (guint i = 0; i < orphans->len; i++)
    if (g_str_equal (((KoersDraftInfo *) g_ptr_array_index (orphans, i))->id, id))
      return TRUE;
  return FALSE;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-drafts");
  g_autoptr(KoersDrafts) drafts = drafts_in (dir);
  g_autofree char *id = koers_drafts_new_id ();
  g_autoptr(GBytes) bytes = make_project_bytes ("Woonstichting Rivierenland");
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GBytes) reloaded = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  g_assert_true (g_uuid_string_is_valid (id));

  koers_drafts_save (drafts, id, bytes, "file:///home/anna/woonstichting.koers", NULL, &error);
  g_assert_no_error (error);

  /* Our own draft: this process is alive, so nothing to restore. */
  orphans = koers_drafts_list_orphaned (drafts);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  read = koers_drafts_read (drafts, id, &uri, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, bytes));
  g_assert_cmpstr (uri, ==, "file:///home/anna/woonstichting.koers");
  g_clear_pointer (&uri, g_free);

  project = koers_drafts_load (drafts, id, &uri, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (koers_project_get_organisation_name (project), ==, "Woonstichting Rivierenland");
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "respond");
  g_assert_cmpstr (uri, ==, "file:///home/anna/woonstichting.koers");
  reloaded = koers_project_to_bytes (project);
  g_assert_true (g_bytes_equal (reloaded, bytes));

  /* A later save replaces the draft; a project never saved has no uri. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = make_project_bytes ("Gemeente Voorbeeld");
  koers_drafts_save (drafts, id, bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&read, g_bytes_unref);
  g_clear_pointer (&uri, g_free);
  read = koers_drafts_read (drafts, id, &uri, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, bytes));
  g_assert_null (uri);

  /* Gone after a clean save or a discard, and removing twice is fine. */
  koers_drafts_remove (drafts, id, &error);
  g_assert_no_error (error);
  koers_drafts_remove (drafts, id, &error);
  g_assert_no_error (error);
  g_clear_object (&project);
  project = koers_drafts_load (drafts, id, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    g_assert_null (g_dir_read_name (d));
  }
  koers_test_remove_tree (dir);
}

static void
test_default_directory (void)
{
  g_autoptr(KoersDrafts) drafts = koers_drafts_new ();
  g_autofree char *expected = g_build_filename (g_get_user_state_dir (), "koers", "drafts", NULL);
  g_autofree char *path = g_file_get_path (koers_drafts_get_directory (drafts));

  g_assert_cmpstr (path, ==, expected);
}

/* Saves as a Koers that has since quit or crashed: its lock is let go. */
static void
save_as_gone (const char *dir,
              const char *id,
              GBytes     *bytes)
{
  g_autoptr(KoersDrafts) writer = drafts_in (dir);
  g_autoptr(GError) error = NULL;

  koers_drafts_save (writer, id, bytes, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
remove_lock (const char *dir,
             const char *id)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.lock", dir, id);

  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* Another Koers holding its draft, even in this very process (in a Flatpak
 * every instance has pids of its own): the lock tells, not the pid. */
static void
test_orphaned_lock (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-drafts");
  g_autoptr(KoersDrafts) writer = drafts_in (dir);
  g_autoptr(KoersDrafts) reader = drafts_in (dir);
  g_autofree char *id = koers_drafts_new_id ();
  g_autoptr(GBytes) bytes = make_project_bytes ("Woonstichting Rivierenland");
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;

  koers_drafts_save (writer, id, bytes, NULL, NULL, &error);
  g_assert_no_error (error);

  orphans = koers_drafts_list_orphaned (reader);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  /* The writer quits without saving or discarding. */
  g_clear_object (&writer);
  orphans = koers_drafts_list_orphaned (reader);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_true (listed (orphans, id));

  /* Restored and saved elsewhere: the draft goes, lock file and all. */
  koers_drafts_remove (reader, id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    g_assert_null (g_dir_read_name (d));
  }
  koers_test_remove_tree (dir);
}

/* Without lock files, the pid, its start time and the boot id decide. */
static void
test_orphaned_pid (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-drafts");
  g_autoptr(KoersDrafts) drafts = drafts_in (dir);
  g_autofree char *dead = koers_drafts_new_id ();
  g_autofree char *alive = koers_drafts_new_id ();
  g_autofree char *rebooted = koers_drafts_new_id ();
  g_autofree char *init = koers_drafts_new_id ();
  g_autoptr(GBytes) bytes = make_project_bytes ("Woonstichting Rivierenland");
  g_autoptr(GPtrArray) orphans = NULL;
  KoersDraftInfo *info;

  for (guint i = 0; i < 4; i++)
    {
      const char *id = (const char *[]) { dead, alive, rebooted, init }[i];

      save_as_gone (dir, id, bytes);
      remove_lock (dir, id);
    }

  fake_owner (dir, dead, dead_pid (), NULL);
  /* pid 1 is alive, and so is the test itself in a boot of its own. */
  fake_owner (dir, init, 1, NULL);
  fake_owner (dir, rebooted, getpid (), "00000000-0000-4000-8000-000000000000");

  orphans = koers_drafts_list_orphaned (drafts);
  g_assert_true (listed (orphans, dead));
  g_assert_true (listed (orphans, rebooted));
  g_assert_false (listed (orphans, alive));
  g_assert_false (listed (orphans, init));
  g_assert_cmpuint (orphans->len, ==, 2);

  info = g_ptr_array_index (orphans, 0);
  g_assert_cmpstr (info->uri, ==, "file:///home/anna/woonstichting.koers");
  g_assert_cmpstr (info->saved, ==, "2026-11-12T15:21:10Z");

  koers_test_remove_tree (dir);
}

static void
test_corrupted (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-drafts");
  g_autoptr(KoersDrafts) drafts = drafts_in (dir);
  g_autofree char *broken = koers_drafts_new_id ();
  g_autofree char *bad_sidecar = koers_drafts_new_id ();
  g_autofree char *no_project = koers_drafts_new_id ();
  g_autofree char *not_text = koers_drafts_new_id ();
  g_autofree char *good = koers_drafts_new_id ();
  g_autoptr(GBytes) bytes = make_project_bytes ("Woonstichting Rivierenland");
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *broken_path = NULL;
  g_autofree char *sidecar_path = NULL;
  g_autofree char *missing_path = NULL;
  g_autofree char *not_text_path = NULL;
  GPid pid = dead_pid ();

  for (guint i = 0; i < 5; i++)
    {
      const char *id = (const char *[]) { broken, bad_sidecar, no_project, not_text, good }[i];

      save_as_gone (dir, id, bytes);
      fake_owner (dir, id, pid, NULL);
    }

  /* Half a project, as a disk without atomic rename might leave it. */
  broken_path = g_strdup_printf ("%s/%s.koers", dir, broken);
  g_file_set_contents (broken_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 2, &error);
  g_assert_no_error (error);

  sidecar_path = g_strdup_printf ("%s/%s.json", dir, bad_sidecar);
  g_file_set_contents (sidecar_path, "{\"uri\": 12", -1, &error);
  g_assert_no_error (error);

  missing_path = g_strdup_printf ("%s/%s.koers", dir, no_project);
  g_assert_cmpint (g_unlink (missing_path), ==, 0);

  /* Valid JSON to json-glib 1.6, which reads "\300" as one byte that is
   * not UTF-8: found by fuzzing (tests/fuzz/corpus/drafts). Its text must
   * not reach the dialog that offers the draft back. */
  not_text_path = g_strdup_printf ("%s/%s.json", dir, not_text);
  g_file_set_contents (not_text_path,
                       "{\"uri\": \"file:///home/anna/plan.koers\", \"saved\": \"x\\300y\", \"pid\": 0}",
                       -1, &error);
  g_assert_no_error (error);
  g_assert_null (koers_drafts_get_info (drafts, not_text));
  /* Nor one whose file is not a URI: the dialog could not name the file. */
  g_file_set_contents (not_text_path,
                       "{\"uri\": \"::: no file\", \"saved\": \"2026-11-12T15:21:10Z\", \"pid\": 0}",
                       -1, &error);
  g_assert_no_error (error);
  g_assert_null (koers_drafts_get_info (drafts, not_text));

  orphans = koers_drafts_list_orphaned (drafts);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_true (listed (orphans, good));

  /* The damaged project says so, in words, and stays on disk. */
  project = koers_drafts_load (drafts, broken, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX);
  g_test_message ("damaged draft: %s", error->message);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_nonnull (strstr (error->message, broken_path));
  g_assert_true (g_file_test (broken_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  project = koers_drafts_load (drafts, bad_sidecar, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_NOT_PROJECT);
  g_test_message ("damaged sidecar: %s", error->message);
  g_clear_error (&error);

  project = koers_drafts_load (drafts, not_text, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_NOT_PROJECT);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  /* A sidecar without its project holds no work: it was cleaned up. */
  {
    g_autofree char *path = g_strdup_printf ("%s/%s.json", dir, no_project);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  koers_test_remove_tree (dir);
}

static void
save_async_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  guint *pending = user_data;
  g_autoptr(GError) error = NULL;

  koers_drafts_save_finish (KOERS_DRAFTS (object), result, &error);
  g_assert_no_error (error);
  (*pending)--;
}

/* Saves handed to worker threads: the newest always wins, and a removal
 * is never undone by a save asked for before it. */
static void
test_async_order (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-drafts");
  g_autoptr(KoersDrafts) drafts = drafts_in (dir);
  g_autofree char *id = koers_drafts_new_id ();
  g_autoptr(GBytes) last = NULL;
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;
  guint pending = 0;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Version %u", i);

      g_clear_pointer (&last, g_bytes_unref);
      last = make_project_bytes (name);
      pending++;
      koers_drafts_save_async (drafts, id, last, NULL, NULL, NULL, save_async_cb, &pending);
    }
  while (pending > 0)
    g_main_context_iteration (NULL, TRUE);

  read = koers_drafts_read (drafts, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, last));

  for (guint i = 0; i < 5; i++)
    {
      pending++;
      koers_drafts_save_async (drafts, id, last, NULL, NULL, NULL, save_async_cb, &pending);
    }
  koers_drafts_remove (drafts, id, &error);
  g_assert_no_error (error);
  while (pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_clear_pointer (&read, g_bytes_unref);
  read = koers_drafts_read (drafts, id, NULL, &error);
  g_assert_null (read);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  koers_test_remove_tree (dir);
}

/* --- a real crash --------------------------------------------------------- */

/* The child: saves a draft, says so on stdout, then keeps autosaving newer
 * versions until it is killed with SIGKILL (or, with "raise", kills itself
 * right after the first save). */
static int
draft_writer_main (const char *dir,
                   const char *mode)
{
  g_autoptr(KoersDrafts) drafts = drafts_in (dir);
  g_autofree char *id = koers_drafts_new_id ();
  g_autoptr(GError) error = NULL;

  for (guint version = 0;; version++)
    {
      g_autofree char *name = g_strdup_printf ("Version %u", version);
      g_autoptr(GBytes) bytes = make_project_bytes (name);

      if (!koers_drafts_save (drafts, id, bytes, "file:///home/anna/plan.koers", NULL, &error))
        {
          fprintf (stderr, "draft-writer: %s\n", error->message);
          return 1;
        }
      if (version == 0)
        {
          printf ("%s\n", id);
          fflush (stdout);
          if (g_str_equal (mode, "raise"))
            raise (SIGKILL);
        }
    }
}

static GPid
spawn_writer (const char *dir,
              const char *mode,
              char      **id)
{
  const char *argv[] = { self_path, "--draft-writer", dir, mode, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  GPid pid;
  int out;
  gsize terminator;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, &out, NULL, &error);
  g_assert_no_error (error);

  /* Ready once the first draft is on disk. */
  channel = g_io_channel_unix_new (out);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_io_channel_read_line (channel, id, NULL, &terminator, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*id);
  (*id)[terminator] = '\0';
  return pid;
}

static void
assert_restorable (const char *dir,
                   const char *id)
{
  g_autoptr(KoersDrafts) drafts = drafts_in (dir);
  g_autoptr(GPtrArray) orphans = koers_drafts_list_orphaned (drafts);
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  const char *name;

  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpstr (((KoersDraftInfo *) g_ptr_array_index (orphans, 0))->id, ==, id);

  project = koers_drafts_load (drafts, id, &uri, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uri, ==, "file:///home/anna/plan.koers");

  /* Whichever version the kill left: whole, and byte for byte as written. */
  name = koers_project_get_organisation_name (project);
  g_assert_true (g_str_has_prefix (name, "Version "));
  expected = make_project_bytes (name);
  read = koers_drafts_read (drafts, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, expected));
  g_test_message ("restored “%s”", name);

  koers_drafts_remove (drafts, id, &error);
  g_assert_no_error (error);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = koers_drafts_list_orphaned (drafts);
  g_assert_cmpuint (orphans->len, ==, 0);
}

static void
test_crash_raise (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-drafts");
  g_autofree char *id = NULL;
  GPid pid = spawn_writer (dir, "raise", &id);
  int status;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_spawn_close_pid (pid);

  assert_restorable (dir, id);

  {
    g_autoptr(KoersDrafts) drafts = drafts_in (dir);
    g_autoptr(GBytes) read = koers_drafts_read (drafts, id, NULL, NULL);
    g_assert_null (read);
  }
  koers_test_remove_tree (dir);
}

static void
test_crash_kill (void)
{
  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *dir = koers_test_make_dir ("koers-drafts");
      g_autofree char *id = NULL;
      GPid pid = spawn_writer (dir, "loop", &id);
      int status;

      /* Kill it somewhere in the middle of its autosaves. */
      g_usleep (g_random_int_range (0, 30000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_spawn_close_pid (pid);

      assert_restorable (dir, id);
      koers_test_remove_tree (dir);
    }
}

/* A crashed process nobody has reaped yet is a zombie: kill (pid, 0)
 * still finds it, yet its work is orphaned all the same. */
static void
test_zombie (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-drafts");
  g_autofree char *id = NULL;
  GPid pid = spawn_writer (dir, "raise", &id);
  g_autoptr(KoersDrafts) drafts = drafts_in (dir);
  g_autoptr(GPtrArray) orphans = NULL;

  /* Not reaped: kill (pid, 0) still succeeds on it. */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", pid);
      g_autofree char *stat = NULL;

      if (g_file_get_contents (stat_path, &stat, NULL, NULL) && strstr (stat, ") Z "))
        break;
      g_usleep (10000);
    }
  g_assert_cmpint (kill (pid, 0), ==, 0);

  /* The lock went with the process; make the pid decide. */
  remove_lock (dir, id);
  orphans = koers_drafts_list_orphaned (drafts);
  g_assert_cmpuint (orphans->len, ==, 1);

  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  koers_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--draft-writer"))
    return draft_writer_main (argv[2], argv[3]);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_canonicalize_filename (argv[0], NULL);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/drafts/round-trip", test_round_trip);
  g_test_add_func ("/core/drafts/default-directory", test_default_directory);
  g_test_add_func ("/core/drafts/orphaned/lock", test_orphaned_lock);
  g_test_add_func ("/core/drafts/orphaned/pid", test_orphaned_pid);
  g_test_add_func ("/core/drafts/corrupted", test_corrupted);
  g_test_add_func ("/core/drafts/async-order", test_async_order);
  g_test_add_func ("/core/drafts/crash/raise", test_crash_raise);
  g_test_add_func ("/core/drafts/crash/kill", test_crash_kill);
  g_test_add_func ("/core/drafts/crash/zombie", test_zombie);

  return g_test_run ();
}
