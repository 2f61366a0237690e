/* koers-test-hooks.c: hooks for the tests and the screenshot script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked only into koers-test, the binary the tests and build-aux/screenshot
 * run; the koers binary that is installed has none of this. Environment
 * variables drive them:
 *   KOERS_SCREENSHOT_VIEW, _MODEL, _STAGE, _SIZE  what a new window shows
 *   KOERS_SCREENSHOT_POINTS  print where markers and stages are, the
 *                            window's title and the dialog over it
 *   KOERS_TEST_PLACE=MODEL:MARKER:STAGE  place a marker once the loop runs
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "koers-model-canvas.h"
#include "koers-test-hooks.h"
#include "koers-window.h"

static GtkWidget *
get_canvas (KoersWindow *window)
{
  /* The template's own name for it: no getter exists for tests' sake. */
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), KOERS_TYPE_WINDOW, "canvas"));
}

static void
print_point (KoersWindow *window,
             const char  *kind,
             const char  *name,
             double       x,
             double       y)
{
  graphene_point_t point;

  if (gtk_widget_compute_point (get_canvas (window), GTK_WIDGET (window),
                                &GRAPHENE_POINT_INIT (x, y), &point))
    g_print ("koers-point %s %s %.0f %.0f\n", kind, name, point.x, point.y);
}

/* Where the markers and the stages are, in the window, for a real mouse
 * drag by build-aux/screenshot; and the window's title, for the tests. */
static gboolean
print_points_cb (gpointer data)
{
  KoersWindow *window = data;
  KoersModelCanvas *canvas = KOERS_MODEL_CANVAS (get_canvas (window));
  KoersModel *model = koers_model_canvas_get_model (canvas);
  graphene_rect_t rect;
  GListModel *toplevels;
  double x, y;

  /* A window still reading its file (a slow machine, a sanitizer) is
   * asked again a second later: what it shows is yet to come. */
  if (koers_window_get_loading (window))
    return G_SOURCE_CONTINUE;

  for (int m = KOERS_MARKER_CURRENT; m <= KOERS_MARKER_TARGET; m++)
    {
      /* The marker's shape stands at the left of its box. */
      if (koers_model_canvas_get_marker_rect (canvas, m, &rect))
        print_point (window, "marker", m == KOERS_MARKER_CURRENT ? "current" : "target",
                     rect.origin.x + MIN (rect.size.width, rect.size.height) / 2,
                     rect.origin.y + MIN (rect.size.width, rect.size.height) / 2);
      else if (koers_model_canvas_get_tray_point (canvas, m, &x, &y))
        print_point (window, "marker", m == KOERS_MARKER_CURRENT ? "current" : "target", x, y);
    }
  for (guint i = 0; model != NULL && i < koers_model_get_n_stages (model); i++)
    if (koers_model_canvas_get_stage_point (canvas, koers_model_get_stage (model, i)->id, &x, &y))
      print_point (window, "stage", koers_model_get_stage (model, i)->id, x, y);
  /* The question or error over the window first: the title comes last,
   * and a test that waits for it has both. */
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) dialog = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (dialog) && gtk_window_get_transient_for (dialog) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (dialog)))
        {
          g_autofree char *body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));

          /* One line each: a test reads lines. */
          g_strdelimit (body, "\n", ' ');
          g_print ("koers-dialog %s\n", adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)));
          g_print ("koers-dialog-body %s\n", body);
        }
    }
  g_print ("koers-title %s\n", gtk_window_get_title (GTK_WINDOW (window)));
  fflush (stdout);
  return G_SOURCE_REMOVE;
}

static void
print_placed_cb (KoersModelCanvas *canvas,
                 KoersMarker       marker,
                 const char       *stage_id)
{
  g_print ("koers-placed %s %s %s\n",
           koers_model_get_id (koers_model_canvas_get_model (canvas)),
           marker == KOERS_MARKER_CURRENT ? "current" : "target",
           stage_id ? stage_id : "none");
  fflush (stdout);
}

/* A hidden hook for tests/ui/test-files.c, which kills Koers with SIGKILL
 * after an edit and checks that the edit comes back from its draft:
 * KOERS_TEST_PLACE=MODEL:MARKER:STAGE (for example
 * "pyramid:current:listen") places a marker through the window's
 * history, as a drop would, once the main loop runs. */
static gboolean
test_place_cb (gpointer data)
{
  KoersWindow *window = data;
  g_auto(GStrv) parts = g_strsplit (g_getenv ("KOERS_TEST_PLACE"), ":", 3);
  g_autoptr(GError) error = NULL;
  KoersMarker marker;

  if (g_strv_length (parts) != 3)
    {
      g_printerr ("KOERS_TEST_PLACE: expected MODEL:MARKER:STAGE\n");
      return G_SOURCE_REMOVE;
    }
  marker = g_str_equal (parts[1], "target") ? KOERS_MARKER_TARGET : KOERS_MARKER_CURRENT;
  if (!koers_document_place (koers_window_get_document (window), parts[0], marker, parts[2], &error))
    g_printerr ("KOERS_TEST_PLACE: %s\n", error->message);
  else
    g_print ("koers-test-placed %s %s %s\n", parts[0], parts[1], parts[2]);
  fflush (stdout);
  return G_SOURCE_REMOVE;
}

/* Hidden hooks for build-aux/screenshot: which view and model to show,
 * and the window size, set before the first frame. */
static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *added)
{
  KoersWindow *window;
  const char *view = g_getenv ("KOERS_SCREENSHOT_VIEW");
  const char *model = g_getenv ("KOERS_SCREENSHOT_MODEL");
  const char *size = g_getenv ("KOERS_SCREENSHOT_SIZE");
  const char *stage = g_getenv ("KOERS_SCREENSHOT_STAGE");
  int width, height;

  if (!KOERS_IS_WINDOW (added))
    return;
  window = KOERS_WINDOW (added);

  if (model != NULL)
    koers_window_select_model (window, model);
  if (view != NULL)
    koers_window_set_view (window, view);
  if (stage != NULL)
    koers_model_canvas_set_selected_stage (KOERS_MODEL_CANVAS (get_canvas (window)), stage);
  if (size != NULL && sscanf (size, "%dx%d", &width, &height) == 2)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (g_getenv ("KOERS_SCREENSHOT_POINTS") != NULL)
    {
      g_timeout_add_full (G_PRIORITY_DEFAULT, 1000, print_points_cb,
                          g_object_ref (window), g_object_unref);
      g_signal_connect (get_canvas (window), "placed",
                        G_CALLBACK (print_placed_cb), NULL);
    }
  if (g_getenv ("KOERS_TEST_PLACE") != NULL)
    g_idle_add_full (G_PRIORITY_LOW, test_place_cb, g_object_ref (window), g_object_unref);
}

/**
 * koers_test_hooks_install:
 *
 * Applies the hooks the environment asks for to every window @app makes.
 */
void
koers_test_hooks_install (GApplication *app)
{
  g_return_if_fail (GTK_IS_APPLICATION (app));

  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
}
