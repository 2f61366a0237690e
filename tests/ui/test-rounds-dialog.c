/* test-rounds-dialog.c: closing a round from the window, listed newest
 * first, undone from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koers-rounds-dialog.h"
#include "ui-test-util.h"

static KoersRoundsDialog *
find_dialog (KoersWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  KoersRoundsDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (KOERS_IS_ROUNDS_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        found = KOERS_ROUNDS_DIALOG (toplevel);
    }
  return found;
}

static guint
count_round_rows (KoersRoundsDialog *dialog,
                  const char        *title)
{
  GObject *group = gtk_widget_get_template_child (GTK_WIDGET (dialog), KOERS_TYPE_ROUNDS_DIALOG, "group");
  GObject *empty = gtk_widget_get_template_child (GTK_WIDGET (dialog), KOERS_TYPE_ROUNDS_DIALOG, "empty_row");
  GtkWidget *list = GTK_WIDGET (empty);
  guint n = 0;

  g_assert_nonnull (group);
  list = gtk_widget_get_parent (list);
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child) && child != GTK_WIDGET (empty) &&
        (title == NULL || g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0))
      n++;
  return n;
}

static void
test_close_round (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *today = koers_format_iso_day (iso);
  /* The day as people read it, "Round of 6 December 2026". */
  g_autofree char *title = g_strdup_printf ("Round of %s", today);
  KoersRoundsDialog *dialog;
  GObject *empty;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-rounds", NULL));
  pump ();
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  empty = gtk_widget_get_template_child (GTK_WIDGET (dialog), KOERS_TYPE_ROUNDS_DIALOG, "empty_row");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (empty)));
  g_assert_cmpuint (count_round_rows (dialog, NULL), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rounds.close-round", NULL));
  pump ();
  g_assert_cmpuint (koers_project_get_n_rounds (project), ==, 1);
  g_assert_cmpstr (koers_project_get_round_closed (project, 0), ==, iso);
  g_assert_cmpstr (koers_project_get_round_marker (project, 0, "pyramid", KOERS_MARKER_CURRENT), ==,
                   koers_project_get_current (project, "pyramid"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (empty)));
  g_assert_cmpuint (count_round_rows (dialog, title), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pump ();
  g_assert_cmpuint (koers_project_get_n_rounds (project), ==, 0);
  g_assert_cmpuint (count_round_rows (dialog, NULL), ==, 0);

  gtk_window_close (GTK_WINDOW (dialog));
  pump ();
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/rounds-dialog/close-round", test_close_round);

  return g_test_run ();
}
