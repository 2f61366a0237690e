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
#include <sys/stat.h>
#include "koers-test-util.h"

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
  g_data_input_stream_read_line_async (G_DATA_INPUT_STREAM (source), G_PRIORITY_DEFAULT, NULL, read_line_cb, run);
}

/* Starts koers on @files and returns the titles of the first @n windows,
 * and in @dialogs (if not %NULL) the headings of the dialogs over them.
 * Koers is ended after 20 s whatever it does: a window that never comes
 * fails the test rather than hanging it. */
static GPtrArray *
run_koers (const char * const *files,
           guint               n,
           GPtrArray          *dialogs)
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

  g_ptr_array_add (argv, (gpointer) g_getenv ("KOERS_TEST_BINARY"));
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) files[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "KOERS_SCREENSHOT_POINTS", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "KOERS_SCREENSHOT_SIZE", "900x600", TRUE);
  /* Opening a file adds it to the recent files, and a start looks for
   * drafts: in a folder of the test's own, not the user's. */
  home = g_dir_make_tmp ("koers-test-app-XXXXXX", &error);
  g_assert_no_error (error);
  drafts = g_build_filename (home, "drafts", NULL);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "KOERS_DRAFTS_DIR", drafts, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_data_input_stream_read_line_async (stream, G_PRIORITY_DEFAULT, NULL, read_line_cb, &run);
  while (run.titles->len < n && !run.done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
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
  titles = run_koers (files, 2, NULL);
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
test_open_fifo (void)
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
  titles = run_koers (files, 1, dialogs);
  koers_test_remove_tree (dir);

  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (titles, 0), "Not saved yet"));
  for (guint i = 0; i < dialogs->len; i++)
    if (g_str_equal (g_ptr_array_index (dialogs, i), "Could Not Open “x.koers”"))
      said_so = TRUE;
  g_assert_true (said_so);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/application/open-files", test_open_files);
  g_test_add_func ("/ui/application/open-fifo", test_open_fifo);

  return g_test_run ();
}
