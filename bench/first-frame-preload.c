/* first-frame-preload.c: reports when a GTK 4 app has drawn its first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loaded with LD_PRELOAD into any GTK 4 app (Koers, GNOME Text Editor), so
 * both are timed from the inside in exactly the same way without changing
 * either: the first GdkFrameClock::after-paint that follows a
 * GdkSurface::render (a surface really drew) writes CLOCK_MONOTONIC in
 * milliseconds to the file named by $BENCH_FIRST_FRAME_FILE. With
 * BENCH_EXIT_AT_FIRST_FRAME=1 the app then exits at once, so a profiler
 * (perf record -g -- app) sees the startup and nothing after it.
 *
 * Build: cc -shared -fPIC -O2 -o first-frame.so first-frame-preload.c $(pkg-config --cflags --libs gtk4)
 */
#include <gtk/gtk.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static gboolean rendered;

static gboolean
render_hook (GSignalInvocationHint *hint,
             guint                  n_params,
             const GValue          *params,
             gpointer               data)
{
  rendered = TRUE;
  return FALSE;
}

static gboolean
after_paint_hook (GSignalInvocationHint *hint,
                  guint                  n_params,
                  const GValue          *params,
                  gpointer               data)
{
  const char *path = g_getenv ("BENCH_FIRST_FRAME_FILE");
  struct timespec ts;
  FILE *file;

  if (!rendered)
    return TRUE;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  if (path != NULL && (file = fopen (path, "w")))
    {
      fprintf (file, "%.3f\n", ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
      fclose (file);
    }
  if (g_strcmp0 (g_getenv ("BENCH_EXIT_AT_FIRST_FRAME"), "1") == 0)
    _exit (0);
  return FALSE;
}

__attribute__((constructor)) static void
first_frame_init (void)
{
  g_type_class_ref (GDK_TYPE_FRAME_CLOCK);
  g_type_class_ref (GDK_TYPE_SURFACE);
  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                              render_hook, NULL, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("after-paint", GDK_TYPE_FRAME_CLOCK), 0,
                              after_paint_hook, NULL, NULL);
}
