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

#include "koers-history.h"
#include "koers-model-canvas.h"
#include "koers-project.h"
#include "koers-test-util.h"
#include "koers-window.h"

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

/* A presented window on @project (a new project when %NULL), laid out. */
static inline KoersWindow *
open_window (KoersProject *project,
             GFile        *file,
             int           width,
             int           height)
{
  KoersWindow *window = koers_window_new (NULL, project, file);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_allocation (koers_window_get_canvas (window));
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
  return KOERS_MODEL_CANVAS (koers_window_get_canvas (window));
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
  g_signal_emit_by_name (koers_model_canvas_get_drop_target (canvas), "drop", &value, x, y, &ret);
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
