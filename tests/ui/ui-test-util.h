/* ui-test-util.h: what every UI test needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests build the real widgets and drive them through the functions
 * their signal handlers call, their actions and their accessible
 * properties. They run under Xvfb (see tests/ui/meson.build).
 */
#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <execinfo.h>
#include <unistd.h>
#endif

#include "koers-history.h"
#include "koers-model-canvas.h"
#include "koers-model-row.h"
#include "koers-rationale-panel.h"
#include "koers-project.h"
#include "koers-session.h"
#include "koers-test-util.h"
#include "koers-window.h"
#include "ui-test-display.h"

/* GTK_A11Y=none (the test environment) gives widgets no accessibility
 * context at all; the "test" backend keeps one in memory, without a bus,
 * so that roles and properties can be checked. */
/* Windows keep drafts of their unsaved changes: in a folder of the test's
 * own, never in the user's $XDG_STATE_HOME. Removed at exit. */
static char *ui_test_drafts_dir;

static inline void
ui_test_remove_drafts_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (ui_test_drafts_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (ui_test_drafts_dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (ui_test_drafts_dir);
}

/* GTK's "Trying to snapshot GtkBox 0x… without a current allocation"
 * names a type and an address, which says little in a window of some 300
 * widgets. Before the warning fails the test, this prints the widget's
 * ancestors, each with its template id, size and state, so that a rare
 * failure on another machine says where it happened. Every other message
 * goes its usual way. */
static inline GLogWriterOutput
ui_test_log_writer (GLogLevelFlags   log_level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  const char *message = NULL, *at;
  void *address = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      message = fields[i].value;
  if (message != NULL && strstr (message, "without a current allocation") != NULL &&
      (at = strstr (message, " 0x")) != NULL && sscanf (at, " %p", &address) == 1)
    {
#ifdef __GLIBC__
      void *frames[64];
      int n_frames = backtrace (frames, G_N_ELEMENTS (frames));

      g_printerr ("# where GTK was drawing it:\n");
      backtrace_symbols_fd (frames, n_frames, STDERR_FILENO);
#endif
      g_printerr ("# the widget GTK could not draw, then its ancestors:\n");
      for (GtkWidget *w = address; w != NULL; w = gtk_widget_get_parent (w))
        {
          const char *id = GTK_IS_BUILDABLE (w) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) : NULL;
          g_auto(GStrv) classes = gtk_widget_get_css_classes (w);
          g_autofree char *joined = g_strjoinv (" .", classes);

          g_printerr ("#   %s%s%s%s%s %dx%d%s%s%s\n", G_OBJECT_TYPE_NAME (w), id ? " #" : "", id ? id : "",
                      classes[0] ? " ." : "", joined, gtk_widget_get_width (w), gtk_widget_get_height (w),
                      gtk_widget_get_mapped (w) ? " mapped" : "",
                      gtk_widget_get_child_visible (w) ? "" : " child-invisible",
                      gtk_widget_get_visible (w) ? "" : " hidden");
          /* stacks, squeezers and leaflets: which child they show */
          if (g_object_class_find_property (G_OBJECT_GET_CLASS (w), "visible-child") != NULL)
            {
              g_autoptr(GtkWidget) shown = NULL;

              g_object_get (w, "visible-child", &shown, NULL);
              g_printerr ("#     showing %s %p\n", shown ? G_OBJECT_TYPE_NAME (shown) : "nothing", (void *) shown);
            }
        }
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static inline void
ui_test_init (int    *argc,
              char ***argv)
{
  if (g_getenv ("KOERS_DRAFTS_DIR") == NULL)
    {
      ui_test_drafts_dir = g_dir_make_tmp ("koers-test-drafts-XXXXXX", NULL);
      g_assert_nonnull (ui_test_drafts_dir);
      g_setenv ("KOERS_DRAFTS_DIR", ui_test_drafts_dir, TRUE);
      atexit (ui_test_remove_drafts_dir);
    }
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_own_display ();
  g_log_set_writer_func (ui_test_log_writer, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

static inline void
pump (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Iterates until @widget is laid out, or fails after a few seconds. */
static inline void
wait_for_allocation (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  /* A frame more, so that size changes from the first layout settle. */
  for (int i = 0; i < 5; i++)
    {
      pump ();
      g_usleep (2000);
    }
}

static inline KoersProject *
load_example (void)
{
  return koers_test_load_example ("woonstichting.koers");
}

/* The tests reach the window's parts as GTK's own tests do: through its
 * template, its actions and its widget tree, not through getters made
 * for them. */
static inline GtkWidget *
ui_test_child (KoersWindow *window,
               const char  *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), KOERS_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* The first widget under @root, @root included, depth first, of @type
 * whose buildable id (from a .ui file) or widget name is @name; %NULL
 * @name takes any. */
static inline GtkWidget *
ui_test_find (GtkWidget  *root,
              GType       type,
              const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), name) == 0 ||
       g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline void
ui_test_collect (GtkWidget  *root,
                 GType       type,
                 const char *css_class,
                 GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    ui_test_collect (child, type, css_class, found);
}

/* Every widget under @root of @type with @css_class (any when %NULL), in
 * the order of the tree. */
static inline GPtrArray *
ui_test_find_all (GtkWidget  *root,
                  GType       type,
                  const char *css_class)
{
  GPtrArray *found = g_ptr_array_new ();

  ui_test_collect (root, type, css_class, found);
  return found;
}

static inline KoersDocument *
ui_test_document (KoersWindow *window)
{
  return koers_window_get_document (window);
}

static inline KoersProject *
ui_test_project (KoersWindow *window)
{
  return koers_document_get_project (koers_window_get_document (window));
}

static inline KoersHistory *
ui_test_history (KoersWindow *window)
{
  return koers_document_get_history (koers_window_get_document (window));
}

/* A window as the app makes one, on a document of @project and @file. */
static inline KoersWindow *
ui_test_window_new (GtkApplication *app,
                    KoersProject   *project,
                    GFile          *file)
{
  g_autoptr(KoersDocument) document = koers_document_new (project, file, koers_session_get_drafts ());

  return koers_window_new (app, document);
}

/* Whether the rationale panel has built its widgets, which it does after
 * the first frame it is mapped for (koers-rationale-panel.c). */
static inline gboolean
ui_test_rationale_is_built (gpointer panel)
{
  return gtk_widget_get_template_child (GTK_WIDGET (panel), KOERS_TYPE_RATIONALE_PANEL, "text_view") != NULL;
}

/* Waits for the rationale panel of a shown window to build its widgets. */
static inline GtkWidget *
ui_test_rationale_built (gpointer panel)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  while (!ui_test_rationale_is_built (panel))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return GTK_WIDGET (panel);
}

static inline GtkTextBuffer *
ui_test_rationale_buffer (gpointer panel)
{
  GObject *view = gtk_widget_get_template_child (ui_test_rationale_built (panel), KOERS_TYPE_RATIONALE_PANEL,
                                                 "text_view");

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

static inline GtkEditable *
ui_test_rationale_date (gpointer panel)
{
  return GTK_EDITABLE (gtk_widget_get_template_child (ui_test_rationale_built (panel), KOERS_TYPE_RATIONALE_PANEL,
                                                      "date_row"));
}

/* The text of the sidebar row's placement chip: "Now: Listen". */
static inline const char *
ui_test_chip_text (GtkWidget *model_row)
{
  g_autoptr(GPtrArray) chips = ui_test_find_all (model_row, GTK_TYPE_LABEL, "placement-chip");

  g_assert_cmpuint (chips->len, ==, 1);
  return gtk_label_get_text (chips->pdata[0]);
}

/* The sidebar row of @model_id. */
static inline GtkWidget *
ui_test_model_row (KoersWindow *window,
                   const char  *model_id)
{
  GtkWidget *list = ui_test_child (window, "models_list");

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (KOERS_IS_MODEL_ROW (child) &&
        g_strcmp0 (koers_model_get_id (koers_model_row_get_model (KOERS_MODEL_ROW (child))), model_id) == 0)
      return child;
  return NULL;
}

static inline GMenuModel *
ui_test_primary_menu (KoersWindow *window)
{
  /* Not from the button: it is given the menu when it is first opened,
   * and opening it would take the focus from where a test left it. */
  return koers_window_get_primary_menu (window);
}

/* The question or error shown over @window, while it is open. */
static inline AdwMessageDialog *
ui_test_message_dialog (KoersWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        found = ADW_MESSAGE_DIALOG (toplevel);
    }
  return found;
}

/* The target on the window itself that takes dropped files. */
static inline GtkDropTarget *
ui_test_window_drop_target (KoersWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static inline void
ui_test_collect_toasts (GtkWidget  *widget,
                        GtkWidget **last)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
    *last = widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    ui_test_collect_toasts (child, last);
}

static inline const char *
ui_test_first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *text = ui_test_first_label (child);

      if (text != NULL)
        return text;
    }
  return NULL;
}

/* The title of the newest toast on @window, as the user reads it. */
static inline const char *
ui_test_last_toast (KoersWindow *window)
{
  GtkWidget *toast = NULL;

  ui_test_collect_toasts (ui_test_child (window, "toast_overlay"), &toast);
  return toast != NULL ? ui_test_first_label (toast) : NULL;
}

/* A presented window on @project (a new project when %NULL), laid out. */
static inline KoersWindow *
open_window (KoersProject *project,
             GFile        *file,
             int           width,
             int           height)
{
  KoersWindow *window = ui_test_window_new (NULL, project, file);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_allocation (ui_test_child (window, "canvas"));
  return window;
}

/* Destroys @window and checks that nothing kept it alive. */
static inline void
close_window (KoersWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  pump ();
  g_assert_finalize_object (window);
}

static inline KoersModelCanvas *
window_canvas (KoersWindow *window)
{
  return KOERS_MODEL_CANVAS (ui_test_child (window, "canvas"));
}

/* Whether @marker waits in the canvas's tray, unplaced. */
static inline gboolean
tray_shows (KoersModelCanvas *canvas,
            KoersMarker       marker)
{
  double x, y;

  return koers_model_canvas_get_tray_point (canvas, marker, &x, &y);
}

/* The centre of @marker's shape on the diagram, where a drag picks it up. */
static inline gboolean
marker_point (KoersModelCanvas *canvas,
              KoersMarker       marker,
              double           *x,
              double           *y)
{
  graphene_rect_t rect;

  if (!koers_model_canvas_get_marker_rect (canvas, marker, &rect))
    return FALSE;
  *x = rect.origin.x + MIN (rect.size.width, rect.size.height) / 2;
  *y = rect.origin.y + MIN (rect.size.width, rect.size.height) / 2;
  return TRUE;
}

/* The canvas's drop target, found among its event controllers as GTK's
 * own tests find theirs. */
static inline GtkDropTarget *
canvas_drop_target (KoersModelCanvas *canvas)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (canvas));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  g_assert_not_reached ();
}

/* Emits the drop target's "drop" as a real drop would, with @text as the
 * payload: "koers-marker:MODEL:current" or any other text. */
static inline gboolean
drop_text (KoersModelCanvas *canvas,
           const char       *text,
           double            x,
           double            y)
{
  GValue value = G_VALUE_INIT;
  gboolean ret = FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_signal_emit_by_name (canvas_drop_target (canvas), "drop", &value, x, y, &ret);
  g_value_unset (&value);
  return ret;
}

static inline GtkWidget *
find_action_widget (GtkWidget  *root,
                    const char *action_name)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_widget (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label of the primary menu's item for @action ("win.undo"). */
static inline char *
menu_label_for (GMenuModel *menu,
                const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *item_action = NULL;
      char *label = NULL;

      if (section != NULL)
        {
          label = menu_label_for (section, action);
          if (label != NULL)
            return label;
          continue;
        }
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_strcmp0 (item_action, action) == 0 &&
          g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        return label;
    }
  return NULL;
}
