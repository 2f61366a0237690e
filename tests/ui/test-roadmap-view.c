/* test-roadmap-view.c: the plan, and what the user records on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "koers-item-row.h"
#include "koers-orphan-model.h"
#include "koers-roadmap-format.h"
#include "koers-roadmap-view.h"
#include "koers-tooltip.h"
#include "ui-test-util.h"

/* The tests read the page as it is shown: phase sections, item rows found
 * by their item's id (the widget's name), fields by their names. */

/* The Roadmap page of @window, shown as the user shows it. */
static GtkWidget *
show_roadmap (KoersWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "roadmap"));
  pump ();
  return ui_test_child (window, "roadmap_view");
}

/* The roadmap as the project stands now: building it is pure. */
static KoersRoadmap *
build_roadmap (KoersWindow *window)
{
  return koers_roadmap_build (ui_test_project (window), NULL);
}

static GPtrArray *
phase_sections (GtkWidget *view)
{
  return ui_test_find_all (view, GTK_TYPE_BOX, "phase-section");
}

static guint
n_item_rows (GtkWidget *view)
{
  g_autoptr(GPtrArray) rows = ui_test_find_all (view, KOERS_TYPE_ITEM_ROW, NULL);

  return rows->len;
}

/* The items of "No longer in the roadmap", while it is shown: its list
 * view makes rows only for those in view, so its model is counted. */
static guint
n_orphan_rows (GtkWidget *view)
{
  g_autoptr(GPtrArray) groups = ui_test_find_all (view, ADW_TYPE_PREFERENCES_GROUP, "orphans");
  GtkWidget *list;

  if (groups->len == 0 || !gtk_widget_get_visible (groups->pdata[0]))
    return 0;
  list = ui_test_find (groups->pdata[0], GTK_TYPE_LIST_VIEW, NULL);
  g_assert_nonnull (list);
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))));
}

/* Whether a row of "No longer in the roadmap" says @text. */
static gboolean
orphan_shows (GtkWidget  *view,
              const char *text)
{
  g_autoptr(GPtrArray) groups = ui_test_find_all (view, ADW_TYPE_PREFERENCES_GROUP, "orphans");
  g_autoptr(GPtrArray) rows = NULL;

  if (groups->len == 0)
    return FALSE;
  /* The list view makes its rows on the next layout: a title over a
   * subtitle, each a label. */
  pump ();
  rows = ui_test_find_all (groups->pdata[0], GTK_TYPE_LABEL, "subtitle");
  for (guint i = 0; i < rows->len; i++)
    {
      const char *subtitle = gtk_label_get_text (rows->pdata[i]);

      if (strstr (subtitle, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The text of @section's label with @css_class. */
static const char *
section_label (GtkWidget  *section,
               const char *css_class)
{
  g_autoptr(GPtrArray) labels = ui_test_find_all (section, GTK_TYPE_LABEL, css_class);

  return labels->len > 0 ? gtk_label_get_text (labels->pdata[0]) : NULL;
}

/* The quarter under a phase's title, the first of its facts: "Q2 2027"
 * of "Q2 2027 · 14 person-days". */
static char *
section_period (GtkWidget *section)
{
  const char *facts = section_label (section, "phase-facts");
  const char *end = facts ? strstr (facts, " · ") : NULL;

  return end ? g_strndup (facts, end - facts) : g_strdup (facts);
}

/* The quarter of phase @index on the page. */
static char *
phase_period (GtkWidget *view,
              guint      index)
{
  g_autoptr(GPtrArray) sections = phase_sections (view);

  g_assert_cmpuint (index, <, sections->len);
  return section_period (sections->pdata[index]);
}

static KoersItemRow *
item_row (GtkWidget  *view,
          const char *item_id)
{
  GtkWidget *row = ui_test_find (view, KOERS_TYPE_ITEM_ROW, item_id);

  return row != NULL ? KOERS_ITEM_ROW (row) : NULL;
}

/* A field inside @row, which opens to show it: "owner", "due", "note". */
static GtkEditable *
row_field (KoersItemRow *row,
           const char   *name)
{
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  return GTK_EDITABLE (ui_test_find (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, name));
}

static GtkDropDown *
row_status (KoersItemRow *row)
{
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  return GTK_DROP_DOWN (ui_test_find (GTK_WIDGET (row), GTK_TYPE_DROP_DOWN, "status"));
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
  GtkWidget *view = show_roadmap (window);
  g_autoptr(KoersRoadmap) roadmap = build_roadmap (window);
  g_autoptr(GPtrArray) sections = phase_sections (view);
  guint n_tooltips = 0;

  g_assert_cmpuint (sections->len, ==, koers_roadmap_get_n_phases (roadmap));
  g_assert_cmpuint (n_item_rows (view), ==, koers_roadmap_get_n_items (roadmap));
  g_assert_cmpuint (n_orphan_rows (view), ==, 0);

  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (roadmap, p);

      /* Phase title and period: "Phase 1", "Q2 2027". */
      g_assert_cmpstr (section_label (sections->pdata[p], "phase-title"), ==, phase->title);
      g_assert_nonnull (phase->period);
      {
        g_autofree char *period = section_period (sections->pdata[p]);

        g_assert_cmpstr (period, ==, phase->period);
      }

      for (guint i = 0; i < phase->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);
          KoersItemRow *row = item_row (view, item->id);
          g_autoptr(GPtrArray) badges = NULL;
          g_autoptr(GHashTable) models = g_hash_table_new (g_str_hash, g_str_equal);

          for (guint s = 0; s < item->serves->len; s++)
            g_hash_table_add (models, ((KoersStageRef *) g_ptr_array_index (item->serves, s))->model);

          g_assert_true (KOERS_IS_ITEM_ROW (row));
          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, item->title);
          g_autofree char *plan = koers_roadmap_describe_item_plan (roadmap, item);

          /* The plan in the closed row; the why inside, or in view when
           * the plan says nothing more. */
          g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, plan ? plan : item->why);
          badges = ui_test_find_all (GTK_WIDGET (row), GTK_TYPE_LABEL, "model-badge");
          g_assert_cmpuint (badges->len, ==, g_hash_table_size (models));
          /* Each badge says where it leads, through a tooltip that asks
           * the X server nothing while the page is built. */
          for (guint b = 0; b < badges->len; b++)
            {
              const char *tooltip = koers_tooltip_get (badges->pdata[b]);

              g_assert_null (gtk_widget_get_tooltip_text (badges->pdata[b]));
              if (tooltip != NULL)
                {
                  g_assert_nonnull (strstr (tooltip, ": towards "));
                  n_tooltips++;
                }
            }
        }
    }
  g_assert_cmpuint (n_tooltips, >, 0);

  close_window (window);
}

static void
test_item_edit (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  KoersHistory *history = ui_test_history (window);
  g_autoptr(KoersRoadmap) roadmap = build_roadmap (window);
  const KoersRoadmapItem *item = find_item_serving (roadmap, "pyramid");
  g_autofree char *id = NULL;
  KoersItemRow *row;

  g_assert_nonnull (item);
  id = g_strdup (item->id);
  row = item_row (show_roadmap (window), id);
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  pump ();

  /* Status */
  gtk_drop_down_set_selected (row_status (row), KOERS_STATUS_DONE);
  g_assert_cmpint (koers_project_get_item_status (project, id), ==, KOERS_STATUS_DONE);
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Change status");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "item-finished"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (koers_project_has_item_state (project, id));
  g_assert_cmpuint (gtk_drop_down_get_selected (row_status (row)), ==, KOERS_STATUS_TODO);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "item-finished"));

  /* Owner: typing is one step */
  gtk_editable_set_text (row_field (row, "owner"), "A");
  gtk_editable_set_text (row_field (row, "owner"), "An");
  gtk_editable_set_text (row_field (row, "owner"), "Anna");
  g_assert_cmpstr (koers_project_get_item_owner (project, id), ==, "Anna");
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Change owner");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (koers_project_get_item_owner (project, id));
  g_assert_cmpstr (gtk_editable_get_text (row_field (row, "owner")), ==, "");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (row_field (row, "owner")), ==, "Anna");

  /* Due: a month or a quarter, nothing else */
  gtk_editable_set_text (row_field (row, "due"), "2027-13");
  g_assert_null (koers_project_get_item_due (project, id));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row_field (row, "due")), "error"));
  gtk_editable_set_text (row_field (row, "due"), "2027-Q1");
  g_assert_cmpstr (koers_project_get_item_due (project, id), ==, "2027-Q1");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row_field (row, "due")), "error"));
  gtk_editable_set_text (row_field (row, "due"), "2027-03");
  g_assert_cmpstr (koers_project_get_item_due (project, id), ==, "2027-03");
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Change due date");

  /* Note */
  gtk_editable_set_text (row_field (row, "note"), "Eerst de OR vragen");
  g_assert_cmpstr (koers_project_get_item_note (project, id), ==, "Eerst de OR vragen");

  close_window (window);
}

static void
test_rebuild_keeps_state (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  GtkWidget *view = show_roadmap (window);
  KoersHistory *history = ui_test_history (window);
  g_autoptr(KoersRoadmap) roadmap = build_roadmap (window);
  g_autoptr(KoersRoadmap) after = NULL;
  const KoersRoadmapItem *item = find_item_serving (roadmap, "pyramid");
  g_autofree char *id = g_strdup (item->id);
  KoersItemRow *row = item_row (view, id);
  KoersItemRow *new_row;
  GtkEditable *owner;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  owner = row_field (row, "owner");
  gtk_editable_set_text (owner, "Team web");
  gtk_widget_grab_focus (GTK_WIDGET (owner));
  pump ();
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (owner)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (owner)));

  /* Another model moves: the roadmap is built again at once, and the row
   * that stays is the same row, patched, not one made anew: it keeps its
   * focus, its state and its text. */
  g_assert_true (koers_history_place (history, "learning-curve", KOERS_MARKER_TARGET, "social-business", NULL));
  pump ();

  new_row = item_row (view, id);
  g_assert_nonnull (new_row);
  g_assert_true (new_row == row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (new_row)));
  g_assert_cmpstr (gtk_editable_get_text (row_field (new_row, "owner")), ==, "Team web");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (owner)));
  after = build_roadmap (window);
  g_assert_cmpuint (n_item_rows (view), ==, koers_roadmap_get_n_items (after));
  g_assert_cmpuint (koers_roadmap_get_n_items (after), >, koers_roadmap_get_n_items (roadmap));

  close_window (window);
}

static void
test_orphans (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  GtkWidget *view = show_roadmap (window);
  KoersHistory *history = ui_test_history (window);
  g_autoptr(KoersRoadmap) roadmap = build_roadmap (window);
  const KoersRoadmapItem *item = find_item_serving (roadmap, "pyramid");
  g_autofree char *id = g_strdup (item->id);
  KoersItemRow *row = item_row (view, id);

  gtk_editable_set_text (row_field (row, "owner"), "Sanne");
  g_assert_cmpuint (n_orphan_rows (view), ==, 0);

  /* Goal back to Now: the Pyramid's steps leave the roadmap; what was
   * recorded on them stays, listed apart. */
  g_assert_true (koers_history_place (history, "pyramid", KOERS_MARKER_TARGET, "respond", NULL));
  g_assert_null (item_row (view, id));
  g_assert_cmpuint (n_orphan_rows (view), ==, 1);
  g_assert_cmpstr (koers_project_get_item_owner (project, id), ==, "Sanne");
  g_assert_true (orphan_shows (view, "Owner: Sanne"));
  {
    /* A GTK 4.8 list view makes up to 200 rows: each is a box and two
     * labels, named after its item, whose tooltip is made when shown
     * (setting one asks the X server where the pointer is). */
    g_autoptr(GPtrArray) rows = ui_test_find_all (view, GTK_TYPE_BOX, "orphan");
    GtkWidget *orphan;

    g_assert_cmpuint (rows->len, ==, 1);
    orphan = rows->pdata[0];
    g_assert_cmpstr (gtk_widget_get_name (orphan), ==, id);
    g_assert_true (gtk_widget_get_has_tooltip (orphan));
    g_assert_null (gtk_widget_get_tooltip_text (orphan));
    g_assert_true (GTK_IS_LABEL (gtk_widget_get_first_child (orphan)));
    g_assert_true (gtk_widget_get_next_sibling (gtk_widget_get_first_child (orphan)) == gtk_widget_get_last_child (orphan));
  }

  /* The same orphan with another owner, then a roadmap built again (Now
   * there and back): the list sees that the orphan changed, not only
   * which items are orphans. */
  g_assert_true (koers_history_set (history, KOERS_FIELD_ITEM_OWNER, id, "Ruud", NULL));
  koers_history_seal (history);
  g_assert_true (koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "listen", NULL));
  g_assert_true (koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "respond", NULL));
  g_assert_cmpuint (n_orphan_rows (view), ==, 1);
  g_assert_true (orphan_shows (view, "Owner: Ruud"));
  g_assert_false (orphan_shows (view, "Owner: Sanne"));
  for (int i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (koers_project_get_item_owner (project, id), ==, "Sanne");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (n_orphan_rows (view), ==, 0);
  row = item_row (view, id);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (row_field (row, "owner")), ==, "Sanne");

  close_window (window);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

/* The orphans' list model makes an item only when asked for one, and
 * says each change in one ::items-changed. */
static void
test_orphan_model (void)
{
  g_autoptr(KoersOrphanModel) model = koers_orphan_model_new ();
  g_autoptr(GPtrArray) orphans = g_ptr_array_new ();
  g_autoptr(GPtrArray) many = g_ptr_array_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  KoersOrphan a = { (char *) "pyramid/listen-first" }, b = { (char *) "curve/name-an-owner" };
  g_autoptr(GtkStringObject) item = NULL;

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == GTK_TYPE_STRING_OBJECT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  g_ptr_array_add (orphans, &a);
  g_ptr_array_add (orphans, &b);
  koers_orphan_model_set_orphans (model, orphans);
  g_assert_cmpstr (log->str, ==, "0-0+2;");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  item = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "curve/name-an-owner");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 2));
  g_assert_true (koers_orphan_model_get_orphan (model, 0) == &a);
  g_assert_null (koers_orphan_model_get_orphan (model, 2));

  /* 100,000 orphans are one signal, and the array is kept, not copied. */
  for (guint i = 0; i < 100000; i++)
    g_ptr_array_add (many, i % 2 ? &a : &b);
  koers_orphan_model_set_orphans (model, many);
  g_assert_cmpstr (log->str, ==, "0-0+2;0-2+100000;");
  g_assert_true (koers_orphan_model_get_orphan (model, 99999) == &a);

  koers_orphan_model_set_orphans (model, NULL);
  koers_orphan_model_set_orphans (model, NULL);
  g_assert_cmpstr (log->str, ==, "0-0+2;0-2+100000;0-100000+0;");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

static void
test_roadmap_start (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  GtkWidget *view = show_roadmap (window);
  GtkEditable *name = GTK_EDITABLE (ui_test_find (view, ADW_TYPE_ENTRY_ROW, "name_row"));
  g_autofree char *period = NULL;
  g_autoptr(KoersRoadmap) roadmap = NULL;
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
  period = phase_period (view, 0);
  g_assert_true (g_str_has_suffix (period, "2028"));
  g_clear_pointer (&period, g_free);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (start), ==, "2027-01");
  period = phase_period (view, 0);
  g_assert_true (g_str_has_suffix (period, "2027"));
  g_clear_pointer (&period, g_free);

  /* Without a start month, the core dates the phases from the last save. */
  gtk_editable_set_text (start, "");
  pump ();
  g_assert_null (koers_project_get_roadmap_start (project));
  period = phase_period (view, 0);
  roadmap = build_roadmap (window);
  g_assert_cmpstr (period, ==, koers_roadmap_get_phase (roadmap, 0)->period);

  close_window (window);
}

/* --- the plan: hand-filled, whatever the engine makes of the project ---- */

static void
set_text (char       **slot,
          const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

static void
collect (GtkWidget  *root,
         GType       type,
         const char *css_class,
         GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    g_ptr_array_add (found, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect (c, type, css_class, found);
}

static KoersItemRow *
find_row (GtkWidget  *root,
          const char *id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (root, KOERS_TYPE_ITEM_ROW, NULL, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (gtk_widget_get_name (rows->pdata[i]), id))
      return rows->pdata[i];
  g_assert_not_reached ();
}

/* The label with @css_class whose text is @text, or %NULL. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *css_class,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (root, GTK_TYPE_LABEL, css_class, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return labels->pdata[i];
  return NULL;
}

static void
test_plan (void)
{
  g_autoptr(KoersProject) project = load_example ();
  g_autoptr(KoersHistory) history = koers_history_new (project);
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = koers_roadmap_view_new ();
  KoersRoadmapPhase *phase0, *phase;
  KoersRoadmapItem *gate, *work, *bare;
  KoersItemRow *row;
  g_autofree char *facts = NULL;
  g_autofree char *gate_plan = NULL;
  g_autoptr(GPtrArray) flags = g_ptr_array_new ();
  g_autoptr(GPtrArray) properties = g_ptr_array_new ();
  gboolean found_why = FALSE, found_result = FALSE;

  g_assert_cmpuint (koers_roadmap_get_n_phases (roadmap), >=, 2);
  phase0 = (KoersRoadmapPhase *) koers_roadmap_get_phase (roadmap, 0);
  phase = (KoersRoadmapPhase *) koers_roadmap_get_phase (roadmap, 1);
  g_assert_cmpuint (phase->items->len, >=, 2);
  g_assert_nonnull (phase->period);

  set_text (&phase->name, "Listen and set direction");
  set_text (&phase->done, "Management has decided");
  phase->effort = 14;
  set_text (&phase0->name, NULL);
  set_text (&phase0->done, NULL);
  phase0->effort = 0;

  gate = g_ptr_array_index (phase->items, 0);
  set_text (&gate->role, "management");
  gate->effort = 2;
  gate->milestone = TRUE;
  work = g_ptr_array_index (phase->items, 1);
  set_text (&work->role, "service");
  work->effort = 12;
  work->milestone = FALSE;
  set_text (&work->result, "Response time under 2 hours");
  g_strfreev (work->after);
  work->after = g_new0 (char *, 2);
  work->after[0] = g_strdup (gate->id);
  bare = g_ptr_array_index (phase0->items, 0);
  set_text (&bare->role, NULL);
  bare->effort = 0;
  bare->milestone = FALSE;
  bare->n_parts = 0;
  g_strfreev (bare->after);
  bare->after = g_new0 (char *, 1);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  koers_roadmap_view_set_history (KOERS_ROADMAP_VIEW (view), history);
  koers_roadmap_view_set_roadmap (KOERS_ROADMAP_VIEW (view), roadmap);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_allocation (view);

  /* The phase: its name, quarter, effort against capacity and when it is done. */
  g_assert_nonnull (find_label (view, "phase-name", "Listen and set direction"));
  if (koers_roadmap_get_quarter_capacity (roadmap) > 0)
    facts = g_strdup_printf ("%s · 14 of %u person-days", phase->period, koers_roadmap_get_quarter_capacity (roadmap));
  else
    facts = g_strdup_printf ("%s · 14 person-days", phase->period);
  g_assert_nonnull (find_label (view, "phase-facts", facts));
  g_assert_nonnull (find_label (view, "phase-done", "Done when: Management has decided"));
  /* Phase 0 has none of it here: only its quarter. */
  g_assert_nonnull (find_label (view, "phase-facts", phase0->period));

  /* The gate: a dated milestone with a flag that is no noise for a screen reader. */
  row = find_row (view, gate->id);
  gate_plan = g_strdup_printf ("Milestone, %s · Management · 2 person-days", phase->period);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, gate_plan);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "milestone"));
  collect (GTK_WIDGET (row), GTK_TYPE_IMAGE, "milestone-flag", flags);
  g_assert_cmpuint (flags->len, ==, 1);
  g_assert_cmpint (gtk_accessible_get_accessible_role (flags->pdata[0]), ==, GTK_ACCESSIBLE_ROLE_PRESENTATION);

  /* Work: role, effort and what comes first, closed; why and result, open. */
  row = find_row (view, work->id);
  {
    g_autofree char *expected = g_strdup_printf ("Service and webcare · 12 person-days · after %s", gate->title);

    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, expected);
  }
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "milestone"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  pump ();
  collect (GTK_WIDGET (row), ADW_TYPE_ACTION_ROW, "property", properties);
  for (guint i = 0; i < properties->len; i++)
    {
      AdwActionRow *property = properties->pdata[i];

      if (gtk_widget_has_css_class (GTK_WIDGET (property), "item-why"))
        {
          found_why = TRUE;
          g_assert_cmpstr (adw_action_row_get_subtitle (property), ==, work->why);
        }
      else if (gtk_widget_has_css_class (GTK_WIDGET (property), "item-result"))
        {
          found_result = TRUE;
          g_assert_cmpstr (adw_action_row_get_subtitle (property), ==, "Response time under 2 hours");
        }
    }
  g_assert_true (found_why);
  g_assert_true (found_result);

  /* Without a plan, the why stays in view. */
  row = find_row (view, bare->id);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, bare->why);

  gtk_window_destroy (GTK_WINDOW (window));
  pump ();
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
  g_test_add_func ("/ui/roadmap/orphan-model", test_orphan_model);
  g_test_add_func ("/ui/roadmap/start", test_roadmap_start);
  g_test_add_func ("/ui/roadmap/plan", test_plan);

  return g_test_run ();
}
