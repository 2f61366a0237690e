/* test-window.c: the real window, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koers-findings-list.h"
#include "koers-item-row.h"
#include "koers-model-row.h"
#include "koers-rationale-panel.h"
#include "koers-roadmap-view.h"
#include "koers-tooltip.h"
#include "ui-test-util.h"

static void
place_by_drop (KoersWindow *window,
               const char  *model_id,
               const char  *marker,
               const char  *stage_id)
{
  KoersModelCanvas *canvas = window_canvas (window);
  g_autofree char *payload = g_strdup_printf ("koers-marker:%s:%s", model_id, marker);
  double x, y;

  koers_window_select_model (window, model_id);
  wait_for_allocation (GTK_WIDGET (canvas));
  g_assert_true (koers_model_canvas_get_stage_point (canvas, stage_id, &x, &y));
  g_assert_true (drop_text (canvas, payload, x, y));
}

static void
test_new_project (void)
{
  KoersWindow *window = open_window (NULL, NULL, 1100, 760);
  KoersProject *project = ui_test_project (window);
  GtkWidget *entry = ui_test_child (window, "organisation_entry");
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));
  KoersModelCanvas *canvas = window_canvas (window);

  /* The empty state asks where the organisation stands, name field ready. */
  g_assert_true (gtk_widget_get_visible (ui_test_child (window, "empty_state")));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  g_assert_cmpstr (koers_window_get_selected_model (window), ==, "pyramid");
  g_assert_cmpstr (ui_test_chip_text (ui_test_model_row (window, "pyramid")),
                   ==, "Not placed yet");
  g_assert_true (tray_shows (canvas, KOERS_MARKER_CURRENT));
  g_assert_true (tray_shows (canvas, KOERS_MARKER_TARGET));
  g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (window)), "Not saved yet"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "Gemeente Zuidhaven");
  g_assert_cmpstr (koers_project_get_organisation_name (project), ==, "Gemeente Zuidhaven");

  place_by_drop (window, "pyramid", "current", "listen");
  g_assert_false (gtk_widget_get_visible (ui_test_child (window, "empty_state")));
  g_assert_false (tray_shows (canvas, KOERS_MARKER_CURRENT));
  g_assert_cmpstr (ui_test_chip_text (ui_test_model_row (window, "pyramid")),
                   ==, "Now: Listen");
  g_assert_cmpstr (ui_test_last_toast (window), ==, "Now moved to Listen");

  /* Undo brings the empty state back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (gtk_widget_get_visible (ui_test_child (window, "empty_state")));

  close_window (window);
}

static void
test_title (void)
{
  g_autoptr(KoersProject) project = load_example ();
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/woonstichting.koers");
  KoersWindow *window = open_window (project, file, 1100, 760);
  const char *title;

  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_cmpstr (title, ==, "Woonstichting Rivierenland — woonstichting.koers");
  g_assert_false (gtk_widget_get_visible (ui_test_child (window, "empty_state")));

  place_by_drop (window, "pyramid", "current", "listen");
  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_cmpstr (title, ==, "• Woonstichting Rivierenland — woonstichting.koers");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_cmpstr (title, ==, "Woonstichting Rivierenland — woonstichting.koers");

  /* Renaming through the roadmap page's field shows in the title. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "roadmap");
  pump ();
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find (ui_test_child (window, "roadmap_view"), ADW_TYPE_ENTRY_ROW, "name_row")),
                         "Woonstichting Maasland");
  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_cmpstr (title, ==, "• Woonstichting Maasland — woonstichting.koers");
  g_assert_cmpstr (koers_history_get_undo_label (ui_test_history (window)), ==, "Rename organisation");

  close_window (window);
}

/* One edit, one update: the window rebuilds its undo menu once and sets
 * its title only when what it shows changed. It did both for every
 * property the history notified: the undo menu twice and the title
 * three times per edit. */
typedef struct {
  guint titles;
  guint undo_menus;
} Updates;

static void
count_title (GObject    *object,
             GParamSpec *pspec,
             Updates    *updates)
{
  updates->titles++;
}

static void
count_undo_menu (GMenuModel *section,
                 int         position,
                 int         removed,
                 int         added,
                 Updates    *updates)
{
  /* A rebuild empties the section first. */
  if (removed > 0)
    updates->undo_menus++;
}

static void
test_updates_per_edit (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  GMenuModel *menu = ui_test_primary_menu (window);
  g_autoptr(GMenuModel) undo_section = NULL;
  KoersHistory *history = ui_test_history (window);
  g_autoptr(GError) error = NULL;
  Updates updates = { 0, };

  for (int i = 0; i < g_menu_model_get_n_items (menu) && undo_section == NULL; i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *label = section ? menu_label_for (section, "win.undo") : NULL;

      if (label != NULL)
        undo_section = g_steal_pointer (&section);
    }
  g_assert_nonnull (undo_section);
  g_signal_connect (window, "notify::title", G_CALLBACK (count_title), &updates);
  g_signal_connect (undo_section, "items-changed", G_CALLBACK (count_undo_menu), &updates);

  /* The first edit makes the project modified: the title shows it. */
  g_assert_true (koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "listen", &error));
  g_assert_no_error (error);
  g_test_message ("first edit: title set %u times, undo menu built %u times", updates.titles, updates.undo_menus);
  g_assert_cmpuint (updates.titles, ==, 1);
  g_assert_cmpuint (updates.undo_menus, ==, 1);

  /* The second changes nothing the title shows. */
  updates = (Updates) { 0, };
  g_assert_true (koers_history_place (history, "pyramid", KOERS_MARKER_TARGET, "listen", &error));
  g_test_message ("second edit: title set %u times, undo menu built %u times", updates.titles, updates.undo_menus);
  g_assert_cmpuint (updates.titles, ==, 0);
  g_assert_cmpuint (updates.undo_menus, ==, 1);

  /* A rename does. */
  updates = (Updates) { 0, };
  g_assert_true (koers_history_set (history, KOERS_FIELD_ORGANISATION_NAME, NULL, "Woonstichting Maasland", &error));
  g_assert_cmpuint (updates.titles, ==, 1);
  g_assert_cmpuint (updates.undo_menus, ==, 1);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Woonstichting Maasland — Not saved yet");

  g_signal_handlers_disconnect_by_data (undo_section, &updates);
  g_signal_handlers_disconnect_by_data (window, &updates);
  close_window (window);
}

static void
test_undo_redo_labels (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  GMenuModel *menu = ui_test_primary_menu (window);
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;
  g_autofree char *undo_after = NULL;
  g_autofree char *redo_after = NULL;
  g_autofree char *redo_empty = NULL;

  redo_empty = menu_label_for (menu, "win.redo");
  g_assert_cmpstr (redo_empty, ==, "_Redo");

  place_by_drop (window, "pyramid", "current", "listen");
  undo = menu_label_for (menu, "win.undo");
  g_assert_cmpstr (undo, ==, "_Undo: Move Now marker to Listen");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "respond");
  redo = menu_label_for (menu, "win.redo");
  g_assert_cmpstr (redo, ==, "_Redo: Move Now marker to Listen");
  undo_after = menu_label_for (menu, "win.undo");
  g_assert_cmpstr (undo_after, ==, "_Undo");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "listen");
  redo_after = menu_label_for (menu, "win.redo");
  g_assert_cmpstr (redo_after, ==, "_Redo");

  close_window (window);
}

static void
test_file_actions_enabled (void)
{
  KoersWindow *window = open_window (NULL, NULL, 1100, 760);
  const char *actions[] = { "win.open", "win.save", "win.export" };

  /* The header bar's buttons work (tests/ui/test-files.c drives them). */
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *button = find_action_widget (GTK_WIDGET (window), actions[i]);

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_get_sensitive (button));
    }

  close_window (window);
}

static gboolean
roadmap_needs_attention (KoersWindow *window)
{
  GtkWidget *view = ui_test_child (window, "roadmap_view");
  GtkWidget *stack = gtk_widget_get_ancestor (view, ADW_TYPE_VIEW_STACK);

  return adw_view_stack_page_get_needs_attention (adw_view_stack_get_page (ADW_VIEW_STACK (stack), view));
}

/* The tooltip of the dot on every switcher button of the Roadmap page
 * (the header's and the bottom bar's), all the same, or %NULL. */
static char *
roadmap_switcher_tooltip (KoersWindow *window)
{
  g_autoptr(GPtrArray) buttons = ui_test_find_all (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, NULL);
  char *tooltip = NULL;
  guint n = 0;

  for (guint i = 0; i < buttons->len; i++)
    {
      g_autofree char *label = NULL;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (buttons->pdata[i]), "needs-attention") == NULL)
        continue;
      g_object_get (buttons->pdata[i], "label", &label, NULL);
      if (g_strcmp0 (label, "_Roadmap") != 0)
        continue;
      /* The tab's name stays the page's title, without the reason. */
      g_assert_null (koers_tooltip_get (buttons->pdata[i]));
      {
        g_autoptr(GPtrArray) inside = ui_test_find_all (buttons->pdata[i], GTK_TYPE_WIDGET, NULL);

        for (guint j = 1; j < inside->len; j++)
          {
            GtkWidget *dot = inside->pdata[j];

            if (g_object_class_find_property (G_OBJECT_GET_CLASS (dot), "needs-attention") == NULL)
              continue;
            if (n++ == 0)
              tooltip = g_strdup (koers_tooltip_get (dot));
            else
              g_assert_cmpstr (koers_tooltip_get (dot), ==, tooltip);
          }
      }
    }
  g_assert_cmpuint (n, >, 0);
  return tooltip;
}

/* The rows of @list (a KoersFindingsList) shown for warnings. */
static guint
n_warnings (gpointer list)
{
  g_autoptr(GPtrArray) rows = ui_test_find_all (GTK_WIDGET (list), GTK_TYPE_LIST_BOX_ROW, "finding-warning");

  return rows->len;
}

static GtkWidget *
first_finding (gpointer list)
{
  g_autoptr(GPtrArray) rows = ui_test_find_all (GTK_WIDGET (list), GTK_TYPE_LIST_BOX_ROW, NULL);

  return rows->len > 0 ? rows->pdata[0] : NULL;
}

/* Shows the Roadmap page once, as the user would, and goes back: from
 * then on it follows every change. */
static GtkWidget *
visit_roadmap (KoersWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "roadmap");
  pump ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "assess");
  pump ();
  return ui_test_child (window, "roadmap_view");
}

static guint
n_item_rows (GtkWidget *view)
{
  g_autoptr(GPtrArray) rows = ui_test_find_all (view, KOERS_TYPE_ITEM_ROW, NULL);

  return rows->len;
}

static guint
n_phases (GtkWidget *view)
{
  g_autoptr(GPtrArray) sections = ui_test_find_all (view, GTK_TYPE_BOX, "phase-section");

  return sections->len;
}

static guint
n_roadmap_items (KoersWindow *window)
{
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (ui_test_project (window), NULL);

  return koers_roadmap_get_n_items (roadmap);
}

static void
test_findings (void)
{
  KoersWindow *window = open_window (NULL, NULL, 1100, 760);
  KoersHistory *history = ui_test_history (window);
  KoersFindingsList *assess = KOERS_FINDINGS_LIST (ui_test_child (window, "assess_findings"));
  GtkWidget *all = ui_test_find (visit_roadmap (window), KOERS_TYPE_FINDINGS_LIST, "findings");
  g_autofree char *tooltip = NULL;
  guint before;

  g_assert_true (koers_history_place (history, "maturity-matrix", KOERS_MARKER_CURRENT, "planning", NULL));
  koers_window_select_model (window, "pyramid");
  g_assert_cmpuint (n_warnings (assess), ==, 0);
  before = n_warnings (all);

  /* Create on the Pyramid before the Maturity Matrix has left Planning. */
  place_by_drop (window, "pyramid", "current", "create");
  g_assert_cmpuint (n_warnings (assess), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (assess)));
  g_assert_cmpuint (n_warnings (all), ==, before + 1);
  g_assert_true (ADW_IS_ACTION_ROW (first_finding (assess)));
  g_assert_true (gtk_widget_has_css_class (first_finding (assess), "finding-warning"));
  g_assert_true (roadmap_needs_attention (window));
  /* The dot says what it means. */
  tooltip = roadmap_switcher_tooltip (window);
  g_assert_cmpstr (tooltip, ==, "The models disagree: the roadmap lists warnings");
  g_clear_pointer (&tooltip, g_free);

  /* The Maturity Matrix page shows it too; the Learning Curve's does not. */
  koers_window_select_model (window, "maturity-matrix");
  g_assert_cmpuint (n_warnings (assess), ==, 1);
  koers_window_select_model (window, "learning-curve");
  g_assert_cmpuint (n_warnings (assess), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  koers_window_select_model (window, "pyramid");
  g_assert_cmpuint (n_warnings (assess), ==, 0);
  g_assert_cmpuint (n_warnings (all), ==, before);
  g_assert_true (roadmap_needs_attention (window) == (before > 0));
  tooltip = roadmap_switcher_tooltip (window);
  g_assert_true ((tooltip != NULL) == (before > 0));

  close_window (window);
}

static void
test_roadmap_follows_placement (void)
{
  KoersWindow *window = open_window (NULL, NULL, 1100, 760);
  GtkWidget *view = visit_roadmap (window);
  KoersModelCanvas *canvas = window_canvas (window);
  guint items_before, phases_before;

  items_before = n_item_rows (view);
  phases_before = n_phases (view);
  g_assert_cmpuint (phases_before, ==, 1);
  g_assert_cmpuint (items_before, ==, n_roadmap_items (window));

  /* The keyboard path: focus a stage, press N, move, press G. */
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.place-now", NULL));
  gtk_widget_child_focus (GTK_WIDGET (canvas), GTK_DIR_RIGHT);
  gtk_widget_child_focus (GTK_WIDGET (canvas), GTK_DIR_RIGHT);
  gtk_widget_child_focus (GTK_WIDGET (canvas), GTK_DIR_RIGHT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.place-goal", NULL));
  g_assert_cmpstr (koers_project_get_current (ui_test_project (window), "pyramid"), ==, "monitor");
  g_assert_cmpstr (koers_project_get_target (ui_test_project (window), "pyramid"), ==, "create");

  g_assert_cmpuint (n_item_rows (view), >, items_before);
  g_assert_cmpuint (n_phases (view), >, phases_before);
  g_assert_cmpuint (n_item_rows (view), ==, n_roadmap_items (window));
  g_assert_cmpstr (ui_test_chip_text (ui_test_model_row (window, "pyramid")),
                   ==, "Monitor → Create");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (n_item_rows (view), ==, items_before);

  close_window (window);
}

/* win.show-others: a toggle in the main menu, kept in GSettings, that the
 * canvas follows. */
static void
test_show_others (void)
{
  KoersWindow *window = open_window (NULL, NULL, 1100, 760);
  KoersModelCanvas *canvas = window_canvas (window);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.koersapp.Koers");
  g_autoptr(GVariant) state = NULL;
  gboolean shown = FALSE;

  g_settings_set_boolean (settings, "show-others", TRUE);
  g_object_get (canvas, "show-others", &shown, NULL);
  g_assert_true (shown);

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-others"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-others", NULL);
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-others");
  g_assert_false (g_variant_get_boolean (state));
  g_assert_false (g_settings_get_boolean (settings, "show-others"));
  g_object_get (canvas, "show-others", &shown, NULL);
  g_assert_false (shown);

  g_settings_set_boolean (settings, "show-others", TRUE);
  g_object_get (canvas, "show-others", &shown, NULL);
  g_assert_true (shown);

  close_window (window);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
note_first_frame (GdkFrameClock *clock,
                  gpointer       data)
{
  int *built = data;

  if (*built < 0)
    *built = ui_test_rationale_is_built (g_object_get_data (G_OBJECT (clock), "koers-test-panel"));
}

/* The rationale panel builds its widgets right after the first frame it is
 * mapped for, not with the window (3 % of a start, below the fold); what
 * it was given meanwhile shows once they are. */
static void
test_rationale_after_first_frame (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = ui_test_window_new (NULL, project, NULL);
  GtkWidget *panel = ui_test_child (window, "rationale");
  GtkWidget *view;
  GdkFrameClock *clock;
  int built_at_first_frame = -1;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  g_autofree char *label = NULL;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  koers_window_select_model (window, "learning-curve");
  g_assert_false (ui_test_rationale_is_built (panel));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_mapped (panel));
  g_assert_false (ui_test_rationale_is_built (panel));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_object_set_data (G_OBJECT (clock), "koers-test-panel", panel);
  g_signal_connect (clock, "after-paint", G_CALLBACK (note_first_frame), &built_at_first_frame);
  while (built_at_first_frame < 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_signal_handlers_disconnect_by_func (clock, note_first_frame, &built_at_first_frame);
  g_assert_false (built_at_first_frame);

  view = (GtkWidget *) gtk_widget_get_template_child (ui_test_rationale_built (panel), KOERS_TYPE_RATIONALE_PANEL, "text_view");
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &start, &end);
  shown = gtk_text_buffer_get_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, koers_project_get_rationale (project, "learning-curve"));
  g_assert_true (gtk_widget_is_sensitive (view));
  label = g_strdup_printf ("%s: rationale",
                           koers_model_get_name (koers_catalog_lookup (koers_catalog_get_builtin (),
                                                                       "learning-curve")));
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  close_window (window);
}

static void
test_rationale (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  KoersHistory *history = ui_test_history (window);
  KoersRationalePanel *panel = KOERS_RATIONALE_PANEL (ui_test_child (window, "rationale"));
  GtkTextBuffer *buffer = ui_test_rationale_buffer (panel);
  g_autofree char *original = g_strdup (koers_project_get_rationale (project, "pyramid"));
  g_autofree char *shown = NULL;
  g_autofree char *after_undo = NULL;
  g_autofree char *curve = NULL;
  GtkTextIter end;

  koers_window_select_model (window, "pyramid");
  shown = buffer_text (buffer);
  g_assert_cmpstr (shown, ==, original);

  /* Three keystrokes, one undo step. */
  for (const char *c = "Ja!"; *c; c++)
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, c, 1);
    }
  g_assert_true (g_str_has_suffix (koers_project_get_rationale (project, "pyramid"), "Ja!"));
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Edit rationale");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (koers_project_get_rationale (project, "pyramid"), ==, original);
  after_undo = buffer_text (buffer);
  g_assert_cmpstr (after_undo, ==, original);
  /* The undo did not record itself. */
  g_assert_false (koers_history_can_undo (history));
  g_assert_true (koers_history_can_redo (history));

  /* Another model shows its own rationale. */
  koers_window_select_model (window, "learning-curve");
  curve = buffer_text (buffer);
  g_assert_cmpstr (curve, ==, koers_project_get_rationale (project, "learning-curve"));

  /* After a seal, the next edit is a new step. */
  gtk_text_buffer_set_text (buffer, "Eerste", -1);
  koers_history_seal (history);
  gtk_text_buffer_set_text (buffer, "Tweede", -1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (koers_project_get_rationale (project, "learning-curve"), ==, "Eerste");

  close_window (window);
}

static void
test_assessment_date (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  KoersRationalePanel *panel = KOERS_RATIONALE_PANEL (ui_test_child (window, "rationale"));
  GtkEditable *date = ui_test_rationale_date (panel);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  koers_window_select_model (window, "pyramid");
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "2026-11-10");

  /* Not a date: kept in the field, marked, not stored. */
  gtk_editable_set_text (date, "2026-13-40");
  gtk_test_accessible_assert_state (date, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  g_assert_cmpstr (koers_project_get_assessed (project, "pyramid"), ==, "2026-11-10");

  gtk_editable_set_text (date, "2026-12-01");
  gtk_test_accessible_assert_state (date, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  g_assert_cmpstr (koers_project_get_assessed (project, "pyramid"), ==, "2026-12-01");

  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (panel), KOERS_TYPE_RATIONALE_PANEL, "today_button"), "clicked");
  g_assert_cmpstr (koers_project_get_assessed (project, "pyramid"), ==, today);
  g_assert_cmpstr (koers_history_get_undo_label (ui_test_history (window)), ==, "Change assessment date");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (koers_project_get_assessed (project, "pyramid"), ==, "2026-12-01");
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "2026-12-01");

  /* Emptying the field removes the date, once it stays empty. */
  gtk_editable_set_text (date, "");
  g_assert_cmpstr (koers_project_get_assessed (project, "pyramid"), ==, "2026-12-01");
  pump ();
  g_assert_null (koers_project_get_assessed (project, "pyramid"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "2026-12-01");

  close_window (window);
}

static void
test_stage_description (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  GtkLabel *description = GTK_LABEL (ui_test_child (window, "stage_description"));
  KoersModel *pyramid = koers_catalog_lookup (koers_catalog_get_builtin (), "pyramid");

  koers_window_select_model (window, "pyramid");
  koers_model_canvas_set_selected_stage (window_canvas (window), "listen");
  g_assert_cmpstr (gtk_label_get_text (description), ==, koers_model_find_stage (pyramid, "listen")->description);

  close_window (window);
}

static void
test_views (void)
{
  KoersWindow *window = open_window (NULL, NULL, 1100, 760);

  g_assert_cmpstr (koers_window_get_view (window), ==, "assess");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "roadmap");
  g_assert_cmpstr (koers_window_get_view (window), ==, "roadmap");
  pump ();
  koers_window_set_view (window, "assess");
  g_assert_cmpstr (koers_window_get_view (window), ==, "assess");

  close_window (window);
}

/* The Keyboard Shortcuts window is made when asked for, not with every
 * window (GTK builds gtk/help-overlay.ui for each new window otherwise).
 * Not presented here: GTK 4.8's shortcuts window warns about a label of
 * negative width when laid out with the test theme. */
static void
test_shortcuts_window (void)
{
  KoersWindow *window = open_window (NULL, NULL, 1100, 760);
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
  g_autoptr(GtkBuilder) builder = NULL;
  gboolean installed = FALSE;
  const GVariantType *type;
  const char *name, *property;
  GObject *shortcuts;
  GType owner;

  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_false (g_resources_get_info ("/io/github/koersapp/Koers/gtk/help-overlay.ui",
                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &type, &property); i++)
    installed |= g_str_equal (name, "win.show-help-overlay");
  g_assert_true (installed);

  builder = gtk_builder_new_from_resource ("/io/github/koersapp/Koers/ui/shortcuts.ui");
  shortcuts = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (shortcuts));
  gtk_window_destroy (GTK_WINDOW (shortcuts));

  close_window (window);
}

static void
test_narrow (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 360, 640);
  AdwLeaflet *leaflet = ADW_LEAFLET (ui_test_child (window, "leaflet"));
  KoersModelCanvas *canvas = window_canvas (window);
  double x, y;

  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), <=, 360);

  /* The views switch, and back. Before the drop: GTK 4.8 can paint the
   * window's main box unallocated for a frame when a page switch meets
   * the tick of a toast sliding in (HACKING.md), and the drop shows one. */
  koers_window_set_view (window, "roadmap");
  for (int i = 0; i < 10; i++)
    {
      pump ();
      g_usleep (2000);
    }
  g_assert_cmpstr (koers_window_get_view (window), ==, "roadmap");
  koers_window_set_view (window, "assess");
  pump ();
  g_assert_cmpstr (koers_window_get_view (window), ==, "assess");
  g_assert_true (adw_leaflet_get_folded (leaflet));

  /* Still usable: a drop on the small diagram places the marker. */
  g_assert_true (koers_model_canvas_get_stage_point (canvas, "listen", &x, &y));
  g_assert_true (drop_text (canvas, "koers-marker:pyramid:current", x, y));
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "listen");

  close_window (window);
}

/* Waits until @bar has its stack, or a few seconds. */
static void
wait_for_bar (AdwViewSwitcherBar *bar)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (adw_view_switcher_bar_get_stack (bar) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  pump ();
}

static void
frame_begins_cb (GdkFrameClock *clock,
                 gboolean      *in_frame)
{
  *in_frame = TRUE;
}

static void
frame_ends_cb (GdkFrameClock *clock,
               gboolean      *in_frame)
{
  *in_frame = FALSE;
}

/* Buttons added to the bar while the window is laid out would leave it
 * marked for a layout that no longer comes in that frame. */
static void
bar_stack_cb (AdwViewSwitcherBar *bar,
              GParamSpec         *pspec,
              gboolean           *in_frame)
{
  g_assert_false (*in_frame);
}

/* The bottom bar's switcher makes its buttons only once the header has no
 * room for its own: a wide window never makes them, and a narrow one
 * makes them between frames, not while it is laid out. Made later, the
 * Roadmap button still says why its dot shows. */
static void
test_switcher_bar (void)
{
  KoersWindow *window = open_window (NULL, NULL, 1100, 760);
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (ui_test_child (window, "switcher_bar"));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_autofree char *tooltip = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  gboolean in_frame = FALSE;

  g_signal_connect (clock, "before-paint", G_CALLBACK (frame_begins_cb), &in_frame);
  g_signal_connect (clock, "after-paint", G_CALLBACK (frame_ends_cb), &in_frame);
  g_signal_connect (bar, "notify::stack", G_CALLBACK (bar_stack_cb), &in_frame);

  pump ();
  g_assert_null (adw_view_switcher_bar_get_stack (bar));
  buttons = ui_test_find_all (GTK_WIDGET (bar), GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_cmpuint (buttons->len, ==, 0);
  g_clear_pointer (&buttons, g_ptr_array_unref);

  /* A warning first: Create on the Pyramid before the Maturity Matrix
   * has left Planning. */
  g_assert_true (koers_history_place (ui_test_history (window), "maturity-matrix", KOERS_MARKER_CURRENT,
                                      "planning", NULL));
  place_by_drop (window, "pyramid", "current", "create");
  g_assert_true (roadmap_needs_attention (window));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  wait_for_bar (bar);
  g_assert_true (adw_view_switcher_bar_get_stack (bar) ==
                 ADW_VIEW_STACK (ui_test_child (window, "view_stack")));
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));
  buttons = ui_test_find_all (GTK_WIDGET (bar), GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_cmpuint (buttons->len, >=, 2);
  /* Every Roadmap button, the header's and the bar's, says the same. */
  tooltip = roadmap_switcher_tooltip (window);
  g_assert_cmpstr (tooltip, ==, "The models disagree: the roadmap lists warnings");

  g_signal_handlers_disconnect_by_data (clock, &in_frame);
  g_signal_handlers_disconnect_by_data (bar, &in_frame);
  close_window (window);
}

/* The diagram uses a large window: wider and taller at 1600×1000 than at
 * the default 1100×760, and most of the window's height, not a strip with
 * room below. A screen smaller than the window (Xvfb's 1280×800) shortens
 * the window: the share is of the height it really has. */
static void
test_diagram_grows (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  int default_height = gtk_widget_get_height (GTK_WIDGET (window_canvas (window)));
  int default_width = gtk_widget_get_width (GTK_WIDGET (window_canvas (window)));
  int large_height, large_width, window_height, window_width;

  close_window (window);
  window = open_window (project, NULL, 1600, 1000);
  large_height = gtk_widget_get_height (GTK_WIDGET (window_canvas (window)));
  large_width = gtk_widget_get_width (GTK_WIDGET (window_canvas (window)));
  window_height = gtk_widget_get_height (GTK_WIDGET (window));
  window_width = gtk_widget_get_width (GTK_WIDGET (window));
  g_test_message ("canvas at 1100x760: %d x %d px; at %dx%d: %d x %d px",
                  default_width, default_height, window_width, window_height, large_width, large_height);
  g_assert_cmpint (large_width, >, default_width);
  g_assert_cmpint (large_height, >, default_height);
  g_assert_cmpint (large_height, >=, window_height * 6 / 10);
  if (window_width >= 1600 && window_height >= 1000)
    {
      g_assert_cmpint (large_width, >=, default_width * 13 / 10);
      g_assert_cmpint (large_height, >=, default_height * 13 / 10);
    }
  close_window (window);
}

/* 360 px is one resize away from the default window: its minimum width
 * there already allows it, before any narrow layout applies. */
static void
test_narrow_in_one_resize (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  const char *parts[] = { "header_bar", "leaflet", "content" };
  int minimum;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      gtk_widget_measure (ui_test_child (window, parts[i]), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, NULL, NULL, NULL);
      g_test_message ("%s: at least %d px wide", parts[i], minimum);
    }
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("window: at least %d px wide", minimum);
  g_assert_cmpint (minimum, <=, 360);
  close_window (window);
}

static void
test_dark (void)
{
  g_autoptr(KoersProject) project = load_example ();
  AdwStyleManager *manager = adw_style_manager_get_default ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  GtkWidget *canvas = ui_test_child (window, "canvas");
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (canvas);
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  pump ();
  g_assert_true (adw_style_manager_get_dark (manager));

  /* The canvas draws in the dark. */
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (canvas), gtk_widget_get_height (canvas));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  close_window (window);
}

/* The window's tooltips are not set through gtk_widget_set_tooltip_text(),
 * which asks the X server where the pointer is for every widget, shown or
 * not (koers-tooltip.c). Each has its text and gives it when GTK asks;
 * GTK's own tooltip text stays empty; the file's says "changed" only while
 * the project is. */
static void
test_tooltips (void)
{
  static const struct {
    const char *id;
    const char *text;
  } expected[] = {
    { "back_button", "Back to the Models" },
    { "open_button", "Open…" },
    { "menu_button", "Main Menu" },
    { "save_button", "Save" },
    { "export_button", "Export…" },
    { "organisation_button", "Edit the organisation" },
    { "assess_button", "Answer statements about your organisation; Koers suggests where to place Now" },
  };
  g_autoptr(KoersProject) project = load_example ();
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/woonstichting.koers");
  KoersWindow *window = open_window (project, file, 1100, 760);
  GtkWidget *arrow = ui_test_find (ui_test_child (window, "open_button"), GTK_TYPE_MENU_BUTTON, NULL);
  GtkWidget *today = ui_test_find (ui_test_rationale_built (ui_test_child (window, "rationale")),
                                   GTK_TYPE_BUTTON, "today_button");
  GtkWidget *label = ui_test_child (window, "file_label");
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkWidget *widget = ui_test_child (window, expected[i].id);

      g_assert_cmpstr (koers_tooltip_get (widget), ==, expected[i].text);
      g_assert_null (gtk_widget_get_tooltip_text (widget));
      g_assert_true (gtk_widget_get_has_tooltip (widget));
    }
  g_assert_nonnull (arrow);
  g_assert_cmpstr (koers_tooltip_get (arrow), ==, "Recent Projects");
  g_assert_null (gtk_widget_get_tooltip_text (arrow));
  g_assert_nonnull (today);
  g_assert_cmpstr (koers_tooltip_get (today), ==, "Set the assessment date to today");

  /* GTK asks when the pointer rests on it; the tooltip answers. */
  g_signal_emit_by_name (ui_test_child (window, "save_button"), "query-tooltip", 4, 4, FALSE, tooltip, &shown);
  g_assert_true (shown);
  shown = TRUE;
  g_signal_emit_by_name (label, "query-tooltip", 4, 4, FALSE, tooltip, &shown);
  g_assert_false (shown);

  g_assert_null (koers_tooltip_get (label));
  g_assert_false (gtk_widget_get_has_tooltip (label));
  place_by_drop (window, "pyramid", "current", "listen");
  g_assert_cmpstr (koers_tooltip_get (label), ==, "Changed since it was last saved");
  g_assert_true (gtk_widget_get_has_tooltip (label));
  g_assert_null (gtk_widget_get_tooltip_text (label));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (koers_tooltip_get (label));
  g_assert_false (gtk_widget_get_has_tooltip (label));

  g_object_unref (tooltip);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/window/new-project", test_new_project);
  g_test_add_func ("/ui/window/title", test_title);
  g_test_add_func ("/ui/window/tooltips", test_tooltips);
  g_test_add_func ("/ui/window/undo-redo-labels", test_undo_redo_labels);
  g_test_add_func ("/ui/window/updates-per-edit", test_updates_per_edit);
  g_test_add_func ("/ui/window/file-actions-enabled", test_file_actions_enabled);
  g_test_add_func ("/ui/window/findings", test_findings);
  g_test_add_func ("/ui/window/roadmap-follows-placement", test_roadmap_follows_placement);
  g_test_add_func ("/ui/window/rationale", test_rationale);
  g_test_add_func ("/ui/window/rationale-after-first-frame", test_rationale_after_first_frame);
  g_test_add_func ("/ui/window/assessment-date", test_assessment_date);
  g_test_add_func ("/ui/window/stage-description", test_stage_description);
  g_test_add_func ("/ui/window/views", test_views);
  g_test_add_func ("/ui/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/ui/window/narrow", test_narrow);
  g_test_add_func ("/ui/window/switcher-bar", test_switcher_bar);
  g_test_add_func ("/ui/window/diagram-grows", test_diagram_grows);
  g_test_add_func ("/ui/window/narrow-in-one-resize", test_narrow_in_one_resize);
  g_test_add_func ("/ui/window/dark", test_dark);
  g_test_add_func ("/ui/window/show-others", test_show_others);

  return g_test_run ();
}
