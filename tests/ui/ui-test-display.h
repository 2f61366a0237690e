/* ui-test-display.h: an X server of the test program's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson runs two test programs at once, and under build-aux/test both
 * draw on the one Xvfb that xvfb-run started. Their windows then take
 * the input focus from each other and cover each other: a focus test
 * finds its window inactive, and an Expose from the other program's
 * window paints ours in the middle of a change. So each UI test program
 * starts an Xvfb of its own before GTK opens a display, when Xvfb is
 * there, and keeps the display it was given otherwise.
 */
#pragma once

#include <errno.h>
#include <gio/gio.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

static GSubprocess *ui_test_display_server;

#ifdef __linux__
static void
ui_test_display_die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}
#endif

static void
ui_test_display_stop (void)
{
  if (ui_test_display_server == NULL)
    return;
  g_subprocess_send_signal (ui_test_display_server, SIGTERM);
  g_subprocess_wait (ui_test_display_server, NULL, NULL);
  g_clear_object (&ui_test_display_server);
}

/* Whether the test runs on a display of its own (see ui_test_own_display()). */
static inline gboolean
ui_test_has_own_display (void)
{
  return ui_test_display_server != NULL;
}

/* Before GTK opens a display: starts Xvfb, points $DISPLAY at it and
 * stops it at exit. Child processes (the app the test spawns) inherit
 * it, and so do the test's own subprocesses, which keep it. With
 * KOERS_TEST_SHARED_DISPLAY=1 a test stays on the display it was given. */
static inline void
ui_test_own_display (void)
{
  g_autofree char *xvfb = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  char number[16] = "";
  gsize len = 0;
  int fds[2];

  if (ui_test_display_server != NULL || g_strcmp0 (g_getenv ("KOERS_TEST_SHARED_DISPLAY"), "1") == 0)
    return;
  xvfb = g_find_program_in_path ("Xvfb");
  if (xvfb == NULL || !g_unix_open_pipe (fds, FD_CLOEXEC, NULL))
    return;
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  /* Xvfb picks a free display itself and writes its number there, so
   * that programs started at the same moment never pick the same one. */
  g_subprocess_launcher_take_fd (launcher, fds[1], 3);
#ifdef __linux__
  g_subprocess_launcher_set_child_setup (launcher, ui_test_display_die_with_parent, NULL, NULL);
#endif
  ui_test_display_server = g_subprocess_launcher_spawn (launcher, &error, xvfb, "-displayfd", "3",
                                                        "-screen", "0", "1280x800x24", "-nolisten", "tcp", NULL);
  /* Closes the write end here: the read ends if Xvfb fails to start. */
  g_clear_object (&launcher);
  while (ui_test_display_server != NULL && len < sizeof number - 1)
    {
      gssize n = read (fds[0], number + len, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || number[len] == '\n')
        break;
      len++;
    }
  close (fds[0]);
  number[len] = '\0';
  if (ui_test_display_server == NULL || len == 0)
    {
      g_printerr ("# no display of our own (%s): on the one given\n", error ? error->message : "Xvfb did not start");
      ui_test_display_stop ();
      return;
    }
  display = g_strconcat (":", number, NULL);
  g_setenv ("DISPLAY", display, TRUE);
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_setenv ("KOERS_TEST_SHARED_DISPLAY", "1", TRUE);
  atexit (ui_test_display_stop);
}
