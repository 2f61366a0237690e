/* test-roadmap-view.c: the plan, and what the user records on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koers-item-row.h"
#include "koers-roadmap-view.h"
#include "ui-test-util.h"

static KoersRoadmapView *
window_roadmap_view (KoersWindow *window)
{
  return KOERS_ROADMAP_VIEW (ui_test_child (window, "roadmap_view"));
}

/* The first item that moves @model_id towards a stage, outside phase 0. */
static const KoersRoadmapItem *
find_item_serving (KoersRoadmap *roadmap,
                   const char   *model_id)
{
  for (guint p = 1; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (roadmap, p);

      for (guint i = 0; i < phase->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);
          const KoersStageRef *ref = item->serves->len ? g_ptr_array_index (item->serves, 0) : NULL;

          if (ref != NULL && g_strcmp0 (ref->model, model_id) == 0)
            return item;
        }
    }
  return NULL;
}

static void
test_phases_and_items (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  KoersRoadmapView *view = window_roadmap_view (window);
  KoersRoadmap *roadmap = koers_window_get_roadmap (window);

  koers_window_set_view (window, "roadmap");
  pump ();

  g_assert_cmpuint (koers_roadmap_view_get_n_phases (view), ==, koers_roadmap_get_n_phases (roadmap));
  g_assert_cmpuint (koers_roadmap_view_get_n_items (view), ==, koers_roadmap_get_n_items (roadmap));
  g_assert_cmpuint (koers_roadmap_view_get_n_orphans (view), ==, 0);

  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (roadmap, p);

      /* Phase title and period: "Phase 1", "Q2 2027". */
      g_assert_cmpstr (koers_roadmap_view_get_phase_title (view, p), ==, phase->title);
      g_assert_cmpstr (koers_roadmap_view_get_phase_period (view, p), ==, phase->period);
      g_assert_nonnull (phase->period);

      for (guint i = 0; i < phase->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);
          GtkWidget *row = koers_roadmap_view_get_item_row (view, item->id);
          g_autoptr(GHashTable) models = g_hash_table_new (g_str_hash, g_str_equal);

          for (guint s = 0; s < item->serves->len; s++)
            g_hash_table_add (models, ((KoersStageRef *) g_ptr_array_index (item->serves, s))->model);

          g_assert_true (KOERS_IS_ITEM_ROW (row));
          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, item->title);
          g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, item->why);
          g_assert_cmpuint (koers_item_row_get_n_badges (KOERS_ITEM_ROW (row)), ==, g_hash_table_size (models));
        }
    }

  close_window (window);
}

static void
test_item_edit (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  KoersHistory *history = ui_test_history (window);
  const KoersRoadmapItem *item = find_item_serving (koers_window_get_roadmap (window), "pyramid");
  g_autofree char *id = NULL;
  KoersItemRow *row;

  g_assert_nonnull (item);
  id = g_strdup (item->id);
  row = KOERS_ITEM_ROW (koers_roadmap_view_get_item_row (window_roadmap_view (window), id));
  koers_window_set_view (window, "roadmap");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  pump ();

  /* Status */
  gtk_drop_down_set_selected (koers_item_row_get_status (row), KOERS_STATUS_DONE);
  g_assert_cmpint (koers_project_get_item_status (project, id), ==, KOERS_STATUS_DONE);
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Change status");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "item-finished"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (koers_project_has_item_state (project, id));
  g_assert_cmpuint (gtk_drop_down_get_selected (koers_item_row_get_status (row)), ==, KOERS_STATUS_TODO);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "item-finished"));

  /* Owner: typing is one step */
  gtk_editable_set_text (koers_item_row_get_owner (row), "A");
  gtk_editable_set_text (koers_item_row_get_owner (row), "An");
  gtk_editable_set_text (koers_item_row_get_owner (row), "Anna");
  g_assert_cmpstr (koers_project_get_item_owner (project, id), ==, "Anna");
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Change owner");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (koers_project_get_item_owner (project, id));
  g_assert_cmpstr (gtk_editable_get_text (koers_item_row_get_owner (row)), ==, "");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (koers_item_row_get_owner (row)), ==, "Anna");

  /* Due: a month or a quarter, nothing else */
  gtk_editable_set_text (koers_item_row_get_due (row), "2027-13");
  g_assert_null (koers_project_get_item_due (project, id));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (koers_item_row_get_due (row)), "error"));
  gtk_editable_set_text (koers_item_row_get_due (row), "2027-Q1");
  g_assert_cmpstr (koers_project_get_item_due (project, id), ==, "2027-Q1");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (koers_item_row_get_due (row)), "error"));
  gtk_editable_set_text (koers_item_row_get_due (row), "2027-03");
  g_assert_cmpstr (koers_project_get_item_due (project, id), ==, "2027-03");
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Change due date");

  /* Note */
  gtk_editable_set_text (koers_item_row_get_note (row), "Eerst de OR vragen");
  g_assert_cmpstr (koers_project_get_item_note (project, id), ==, "Eerst de OR vragen");

  close_window (window);
}

static void
test_rebuild_keeps_state (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  KoersRoadmapView *view = window_roadmap_view (window);
  KoersHistory *history = ui_test_history (window);
  const KoersRoadmapItem *item = find_item_serving (koers_window_get_roadmap (window), "pyramid");
  g_autofree char *id = g_strdup (item->id);
  GtkWidget *row = koers_roadmap_view_get_item_row (view, id);
  GtkWidget *new_row;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_editable_set_text (koers_item_row_get_owner (KOERS_ITEM_ROW (row)), "Team web");

  /* Another model moves: the roadmap is built again at once. */
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);
  g_assert_true (koers_history_place (history, "learning-curve", KOERS_MARKER_TARGET, "social-business", NULL));
  pump ();
  g_assert_null (row);

  new_row = koers_roadmap_view_get_item_row (view, id);
  g_assert_nonnull (new_row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (new_row)));
  g_assert_cmpstr (gtk_editable_get_text (koers_item_row_get_owner (KOERS_ITEM_ROW (new_row))), ==, "Team web");
  g_assert_cmpuint (koers_roadmap_view_get_n_items (view), ==,
                    koers_roadmap_get_n_items (koers_window_get_roadmap (window)));

  close_window (window);
}

static void
test_orphans (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  KoersRoadmapView *view = window_roadmap_view (window);
  KoersHistory *history = ui_test_history (window);
  const KoersRoadmapItem *item = find_item_serving (koers_window_get_roadmap (window), "pyramid");
  g_autofree char *id = g_strdup (item->id);
  GtkWidget *row = koers_roadmap_view_get_item_row (view, id);

  gtk_editable_set_text (koers_item_row_get_owner (KOERS_ITEM_ROW (row)), "Sanne");
  g_assert_cmpuint (koers_roadmap_view_get_n_orphans (view), ==, 0);

  /* Goal back to Now: the Pyramid's steps leave the roadmap; what was
   * recorded on them stays, listed apart. */
  g_assert_true (koers_history_place (history, "pyramid", KOERS_MARKER_TARGET, "respond", NULL));
  g_assert_null (koers_roadmap_view_get_item_row (view, id));
  g_assert_cmpuint (koers_roadmap_view_get_n_orphans (view), ==, 1);
  g_assert_cmpstr (koers_project_get_item_owner (project, id), ==, "Sanne");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (koers_roadmap_view_get_n_orphans (view), ==, 0);
  row = koers_roadmap_view_get_item_row (view, id);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (koers_item_row_get_owner (KOERS_ITEM_ROW (row))), ==, "Sanne");

  close_window (window);
}

static void
test_roadmap_start (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  KoersRoadmapView *view = window_roadmap_view (window);
  GtkEditable *name = koers_roadmap_view_get_name_entry (view);
  GtkEditable *start = NULL;

  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Woonstichting Rivierenland");

  /* The start field is the last entry of the organisation group. */
  for (GtkWidget *w = gtk_widget_get_parent (GTK_WIDGET (name)); w != NULL && start == NULL; w = gtk_widget_get_parent (w))
    for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (ADW_IS_ENTRY_ROW (c) && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), "Roadmap starts"))
        start = GTK_EDITABLE (c);
  g_assert_nonnull (start);
  g_assert_cmpstr (gtk_editable_get_text (start), ==, "2027-01");

  gtk_editable_set_text (start, "2027-13");
  g_assert_cmpstr (koers_project_get_roadmap_start (project), ==, "2027-01");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (start), "error"));

  gtk_editable_set_text (start, "2028-04");
  g_assert_cmpstr (koers_project_get_roadmap_start (project), ==, "2028-04");
  g_assert_true (g_str_has_suffix (koers_roadmap_view_get_phase_period (view, 0), "2028"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (start), ==, "2027-01");
  g_assert_true (g_str_has_suffix (koers_roadmap_view_get_phase_period (view, 0), "2027"));

  /* Without a start month, the core dates the phases from the last save. */
  gtk_editable_set_text (start, "");
  pump ();
  g_assert_null (koers_project_get_roadmap_start (project));
  g_assert_cmpstr (koers_roadmap_view_get_phase_period (view, 0), ==,
                   koers_roadmap_get_phase (koers_window_get_roadmap (window), 0)->period);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/roadmap/phases-and-items", test_phases_and_items);
  g_test_add_func ("/ui/roadmap/item-edit", test_item_edit);
  g_test_add_func ("/ui/roadmap/rebuild-keeps-state", test_rebuild_keeps_state);
  g_test_add_func ("/ui/roadmap/orphans", test_orphans);
  g_test_add_func ("/ui/roadmap/start", test_roadmap_start);

  return g_test_run ();
}
