/* test-application.c: `koers FILE…` opens a window per file, at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real binary, which reports its windows' titles when
 * KOERS_SCREENSHOT_POINTS is set (the hook build-aux/screenshot uses).
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>
#include "koers-test-util.h"
#include "ui-test-display.h"

typedef struct {
  GPtrArray *titles;
  GPtrArray *dialogs;
  gboolean   done;
} Run;

static void
read_line_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Run *run = data;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL, NULL);

  if (line == NULL)
    {
      run->done = TRUE;
      return;
    }
  if (g_str_has_prefix (line, "koers-title "))
    g_ptr_array_add (run->titles, g_strdup (line + strlen ("koers-title ")));
  else if (g_str_has_prefix (line, "koers-dialog ") && run->dialogs != NULL)
    g_ptr_array_add (run->dialogs, g_strdup (line + strlen ("koers-dialog ")));
  else if (g_str_has_prefix (line, "koers-dialog-body ") && run->dialogs != NULL)
    g_ptr_array_add (run->dialogs, g_strdup (line + strlen ("koers-dialog-body ")));
  g_data_input_stream_read_line_async (G_DATA_INPUT_STREAM (source), G_PRIORITY_DEFAULT, NULL, read_line_cb, run);
}

#define NOBODY 65534

static void
become_nobody (gpointer data)
{
  /* Between fork and exec: only what is safe there, and no way back. */
  if (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0)
    _exit (125);
}

static void
copy_file (const char *from,
           const char *to,
           int         mode)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
  g_assert_cmpint (g_chmod (to, mode), ==, 0);
}

/* Hands @path and all it holds to nobody. */
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

/* Starts koers on @files and returns the titles of the first @n windows,
 * and in @dialogs (if not %NULL) the headings of the dialogs over them.
 * Koers is ended after 20 s whatever it does: a window that never comes
 * fails the test rather than hanging it. With @nobody_home, koers runs
 * as nobody, a copy of it in that folder (which the caller made), with
 * its settings schemas and the X server's key copied there too: the
 * checkout and the test's own files may lie where nobody may look. */
static GPtrArray *
run_koers (const char * const *files,
           guint               n,
           GPtrArray          *dialogs,
           const char         *nobody_home)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) stream = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  g_autofree char *home = NULL;
  g_autofree char *drafts = NULL;
  Run run = { g_ptr_array_new_with_free_func (g_free), dialogs, FALSE };

  g_autofree char *binary = g_strdup (g_getenv ("KOERS_TEST_BINARY"));
  char *lsan = NULL;

  if (nobody_home != NULL)
    {
      g_autofree char *schemas = g_build_filename (nobody_home, "schemas", NULL);
      g_autofree char *compiled = g_build_filename (g_getenv ("GSETTINGS_SCHEMA_DIR"), "gschemas.compiled", NULL);
      g_autofree char *compiled_copy = g_build_filename (schemas, "gschemas.compiled", NULL);
      g_autofree char *binary_copy = g_build_filename (nobody_home, "koers-test", NULL);

      copy_file (binary, binary_copy, 0700);
      g_free (binary);
      binary = g_steal_pointer (&binary_copy);
      g_assert_cmpint (g_mkdir (schemas, 0700), ==, 0);
      copy_file (compiled, compiled_copy, 0600);
      g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", schemas, TRUE);
      if (g_getenv ("XAUTHORITY") != NULL)
        {
          g_autofree char *key = g_build_filename (nobody_home, "Xauthority", NULL);

          copy_file (g_getenv ("XAUTHORITY"), key, 0600);
          g_subprocess_launcher_setenv (launcher, "XAUTHORITY", key, TRUE);
        }
      g_subprocess_launcher_setenv (launcher, "HOME", nobody_home, TRUE);
      g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", nobody_home, TRUE);
      g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", nobody_home, TRUE);
      g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", nobody_home, TRUE);
      g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", nobody_home, TRUE);
      g_subprocess_launcher_set_cwd (launcher, nobody_home);
      g_subprocess_launcher_set_child_setup (launcher, become_nobody, NULL, NULL);
      give_to_nobody (nobody_home);
      g_assert_cmpint (g_chmod (nobody_home, 0700), ==, 0);
      lsan = koers_test_share_lsan_suppressions ();
    }
  g_ptr_array_add (argv, binary);
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) files[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "KOERS_SCREENSHOT_POINTS", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "KOERS_SCREENSHOT_SIZE", "900x600", TRUE);
  /* Opening a file adds it to the recent files, and a start looks for
   * drafts: in a folder of the test's own, not the user's. */
  home = nobody_home ? g_build_filename (nobody_home, "data", NULL) : g_dir_make_tmp ("koers-test-app-XXXXXX", &error);
  g_assert_no_error (error);
  drafts = g_build_filename (home, "drafts", NULL);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "KOERS_DRAFTS_DIR", drafts, TRUE);
  if (nobody_home != NULL)
    {
      g_assert_cmpint (g_mkdir (home, 0700), ==, 0);
      give_to_nobody (home);
    }
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  if (lsan != NULL)
    koers_test_unshare_lsan_suppressions (lsan);

  stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_data_input_stream_read_line_async (stream, G_PRIORITY_DEFAULT, NULL, read_line_cb, &run);
  while (run.titles->len < n && !run.done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
  if (g_subprocess_get_if_exited (process))
    g_assert_cmpint (g_subprocess_get_exit_status (process), !=, 125);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  koers_test_remove_tree (home);
  return run.titles;
}

static void
test_open_files (void)
{
  g_autofree char *example = NULL;
  g_autofree char *broken = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GError) error = NULL;
  const char *files[3];
  gboolean found_example = FALSE, found_new = FALSE;

  if (g_getenv ("KOERS_TEST_BINARY") == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("needs KOERS_TEST_BINARY and a display");
      return;
    }

  example = g_build_filename (g_getenv ("KOERS_DATA_DIR"), "examples", "woonstichting.koers", NULL);
  broken = g_build_filename (g_get_tmp_dir (), "koers-test-broken.koers", NULL);
  g_file_set_contents (broken, "{ \"format\": \"koers-project\", \"version\": 1, \"organisation\": 3 }", -1, &error);
  g_assert_no_error (error);

  files[0] = example;
  files[1] = broken;
  files[2] = NULL;
  titles = run_koers (files, 2, NULL, NULL);
  g_unlink (broken);

  /* One window per file; the broken one opens a new project (and a dialog
   * saying what is wrong with the file). */
  g_assert_cmpuint (titles->len, ==, 2);
  for (guint i = 0; i < titles->len; i++)
    {
      const char *title = g_ptr_array_index (titles, i);

      if (g_strcmp0 (title, "Woonstichting Rivierenland — woonstichting.koers") == 0)
        found_example = TRUE;
      else if (g_str_has_suffix (title, "Not saved yet"))
        found_new = TRUE;
      else
        g_error ("unexpected window title “%s”", title);
    }
  g_assert_true (found_example);
  g_assert_true (found_new);
}

/* A FIFO named like a project: the window comes at once and says it
 * cannot open it, rather than waiting forever for a writer. */
static void
check_open_fifo (gboolean as_nobody)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *fifo = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) dialogs = g_ptr_array_new_with_free_func (g_free);
  const char *files[2];
  gboolean said_so = FALSE;

  if (g_getenv ("KOERS_TEST_BINARY") == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("needs KOERS_TEST_BINARY and a display");
      return;
    }

  dir = g_dir_make_tmp ("koers-test-fifo-XXXXXX", &error);
  g_assert_no_error (error);
  fifo = g_build_filename (dir, "x.koers", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  files[0] = fifo;
  files[1] = NULL;
  titles = run_koers (files, 1, dialogs, as_nobody ? dir : NULL);
  koers_test_remove_tree (dir);

  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (titles, 0), "Not saved yet"));
  /* The heading, then the body: refused as a FIFO (not for want of
   * permission, as nobody). */
  for (guint i = 0; i + 1 < dialogs->len; i++)
    if (g_str_equal (g_ptr_array_index (dialogs, i), "Could Not Open the Project") &&
        g_str_has_prefix (g_ptr_array_index (dialogs, i + 1), "x.koers: ") &&
        strstr (g_ptr_array_index (dialogs, i + 1), "not an ordinary file") != NULL)
      said_so = TRUE;
  g_assert_true (said_so);
}

static void
test_open_fifo (void)
{
  check_open_fifo (FALSE);
}

/* As nobody, the FIFO in a folder of nobody's: refused as a FIFO, not for
 * want of permission. */
static void
test_open_fifo_nobody (void)
{
  if (getuid () != 0)
    {
      g_test_skip ("running as nobody needs root to become nobody; "
                   "the case ran as the current user only");
      return;
    }
  check_open_fifo (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_own_display ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/application/open-files", test_open_files);
  g_test_add_func ("/ui/application/open-fifo", test_open_fifo);
  g_test_add_func ("/ui/application/nobody/open-fifo", test_open_fifo_nobody);

  return g_test_run ();
}
