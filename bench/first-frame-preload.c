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
 * With BENCH_FIRST_FRAME_TEXT=TEXT, only a frame that shows TEXT counts:
 * the title of a window, or a mapped label, entry or text view in it,
 * must hold it when the frame is drawn (the title counts because a wide
 * Koers window shows the view switcher, not the title label, in its
 * header; it gets the organisation's name only once the file is read). An app that opens its window first and reads the file
 * after (both Koers and GNOME Text Editor do) is then timed to the frame
 * with the file's contents, not to its empty first frame.
 *
 * With BENCH_FIRST_FRAME_TRACE=1, every frame that draws is noted on
 * stderr (milliseconds since the shim was loaded, that is after the
 * dynamic linker's work, and whether it showed the text), and at the
 * counted frame what the main thread did until then: its time on a CPU,
 * its time waiting for one (a busy machine), and its page faults. Two
 * frames before the text, or a large wait, say where a start-up is lost.
 *
 * Build: cc -shared -fPIC -O2 -o first-frame.so first-frame-preload.c $(pkg-config --cflags --libs gtk4)
 */
#define _GNU_SOURCE

#include <gtk/gtk.h>
#include <stdio.h>
#include <sys/resource.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "bench-util.h"

static gboolean rendered;
static double loaded_ms;
static guint n_frames;

static gboolean
tracing (void)
{
  return g_strcmp0 (g_getenv ("BENCH_FIRST_FRAME_TRACE"), "1") == 0;
}

/* The main thread's CPU time, run-queue wait and page faults so far. */
static void
trace_main_thread (void)
{
  unsigned long long run_ns = 0, wait_ns = 0;
  struct rusage usage;
  FILE *file;

  if ((file = fopen ("/proc/thread-self/schedstat", "r")))
    {
      if (fscanf (file, "%llu %llu", &run_ns, &wait_ns) != 2)
        run_ns = wait_ns = 0;
      fclose (file);
    }
  getrusage (RUSAGE_THREAD, &usage);
  fprintf (stderr, "first-frame: main thread: %.1f ms on a CPU, %.1f ms waiting for one, "
           "%ld page faults\n", run_ns / 1e6, wait_ns / 1e6, usage.ru_minflt + usage.ru_majflt);
}

/* Whether @widget or a mapped widget inside it shows @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  if (GTK_IS_EDITABLE (widget) && strstr (gtk_editable_get_text (GTK_EDITABLE (widget)), text) != NULL)
    return TRUE;
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      char *head;
      gboolean found;

      /* The start is enough, and a long file stays quick to look at. */
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, 4096);
      head = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      found = strstr (head, text) != NULL;
      g_free (head);
      if (found)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
frame_shows_text (void)
{
  const char *text = g_getenv ("BENCH_FIRST_FRAME_TEXT");
  GListModel *toplevels;
  gboolean found = FALSE;

  if (text == NULL || *text == '\0')
    return TRUE;
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; !found && i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWidget *window = g_list_model_get_item (toplevels, i);
      const char *title = GTK_IS_WINDOW (window) ? gtk_window_get_title (GTK_WINDOW (window)) : NULL;

      found = (gtk_widget_get_mapped (window) && title != NULL && strstr (title, text) != NULL) ||
              shows_text (window, text);
      g_object_unref (window);
    }
  return found;
}

static gboolean
render_hook (GSignalInvocationHint *hint,
             guint                  n_params,
             const GValue          *params,
             gpointer               data)
{
  rendered = TRUE;
  /* Kept: a frame that does not show the text yet waits for the next. */
  return TRUE;
}

static gboolean
after_paint_hook (GSignalInvocationHint *hint,
                  guint                  n_params,
                  const GValue          *params,
                  gpointer               data)
{
  const char *path = g_getenv ("BENCH_FIRST_FRAME_FILE");
  gboolean shown;
  FILE *file;

  if (!rendered)
    return TRUE;
  shown = frame_shows_text ();
  if (tracing ())
    fprintf (stderr, "first-frame: frame %u at %.1f ms, %s\n", ++n_frames, now_ms () - loaded_ms,
             shown ? "shows the text" : "without the text");
  if (!shown)
    {
      /* Not yet: wait for the next frame that really draws. */
      rendered = FALSE;
      return TRUE;
    }

  if (path != NULL && (file = fopen (path, "w")))
    {
      fprintf (file, "%.3f\n", now_ms ());
      fclose (file);
    }
  if (tracing ())
    trace_main_thread ();
  if (g_strcmp0 (g_getenv ("BENCH_EXIT_AT_FIRST_FRAME"), "1") == 0)
    _exit (0);
  return FALSE;
}

__attribute__((constructor)) static void
first_frame_init (void)
{
  loaded_ms = now_ms ();
  g_type_class_ref (GDK_TYPE_FRAME_CLOCK);
  g_type_class_ref (GDK_TYPE_SURFACE);
  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                              render_hook, NULL, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("after-paint", GDK_TYPE_FRAME_CLOCK), 0,
                              after_paint_hook, NULL, NULL);
}
