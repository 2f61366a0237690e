/* test-others-editor.c: other organisations added, placed, renamed and
 * removed in their editor, each step undoable from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koers-others-editor.h"
#include "ui-test-util.h"

static KoersOthersEditor *
find_editor (KoersWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  KoersOthersEditor *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (KOERS_IS_OTHERS_EDITOR (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        found = KOERS_OTHERS_EDITOR (toplevel);
    }
  return found;
}

/* The first widget of @type under @root, depth first. */
static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             guint      skip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          if (skip == 0)
            return child;
          skip--;
        }
      if ((found = find_widget (child, type, skip)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_edit (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  KoersHistory *history = ui_test_history (window);
  KoersOthersEditor *editor;
  GtkWidget *combo, *name_row;
  g_autofree char *id = NULL;   /* a copy: removing the organisation frees its own */

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-others", NULL));
  pump ();
  editor = find_editor (window);
  g_assert_nonnull (editor);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "others.add", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "others.add", NULL));
  pump ();
  g_assert_cmpuint (koers_project_get_n_others (project), ==, 2);
  id = g_strdup (koers_project_get_other_id (project, 0));
  g_assert_cmpstr (koers_project_get_other_name (project, id), ==, "Organisation 1");
  g_assert_cmpstr (koers_project_get_other_name (project, koers_project_get_other_id (project, 1)), ==, "Organisation 2");

  /* the first model's drop-down of the first organisation: its second stage */
  combo = find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, 0);
  g_assert_nonnull (combo);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 2);
  pump ();
  g_assert_cmpstr (koers_project_get_other_now (project, id, "pyramid"), ==, "listen");
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Place other organisation");

  /* renamed on apply; a name already taken is refused and marked */
  name_row = find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, 0);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Organisation 2");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_cmpstr (koers_project_get_other_name (project, id), ==, "Organisation 1");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Woonbron");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_cmpstr (koers_project_get_other_name (project, id), ==, "Woonbron");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));

  /* removed, and back with its Now from the window's undo */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "others.remove", "s", id));
  pump ();
  g_assert_cmpuint (koers_project_get_n_others (project), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pump ();
  g_assert_cmpuint (koers_project_get_n_others (project), ==, 2);
  g_assert_cmpstr (koers_project_get_other_now (project, id, "pyramid"), ==, "listen");

  gtk_window_close (GTK_WINDOW (editor));
  pump ();
  g_assert_null (find_editor (window));
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/others-editor/edit", test_edit);

  return g_test_run ();
}
