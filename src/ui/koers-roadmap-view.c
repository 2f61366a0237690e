/* koers-roadmap-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows a KoersRoadmap: phases from phase 0 onward, each item with what
 * the user recorded on it, and what was recorded on items the roadmap no
 * longer has. A new roadmap patches the rows it changes and keeps the
 * others, so that focus, open rows and the scroll position stay.
 */
#define G_LOG_DOMAIN "koers-roadmap-view"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-findings-list.h"
#include "koers-history-field.h"
#include "koers-item-row.h"
#include "koers-orphan-list.h"
#include "koers-roadmap-format.h"
#include "koers-roadmap-view.h"
#include "koers-tooltip.h"

struct _KoersRoadmapView
{
  AdwBin        parent_instance;

  KoersHistory *history;
  KoersProject *project;
  /* The history's ::changed, moved along with the history. */
  GSignalGroup *history_signals;
  KoersRoadmap *roadmap;
  GHashTable   *rows;          /* item id → KoersItemRow */
  GPtrArray    *phase_groups;  /* one section per phase */
  GtkWidget    *orphans_group; /* NULL until there are orphans */
  GtkWidget    *orphans_list;  /* KoersOrphanList */
  gboolean      syncing;
  guint         clear_source;

  /* The page is built when it is first shown, or first asked about: at
   * startup it is hidden behind the Assess page, and laying out dozens of
   * wrapped rows nobody sees was most of the time to the first frame. */
  gboolean      exposed;        /* shown or asked about at least once */
  gboolean      rows_dirty;     /* the rows do not show the roadmap yet */
  gboolean      findings_dirty;

  /* from koers-roadmap-view.ui, made when the page is first needed:
   * NULL until then */
  GtkWidget    *scroller;
  GtkWidget    *subtitle_label;
  GtkWidget    *export_button;
  GtkWidget    *findings;
  GtkWidget    *unplaced_label;
  GtkWidget    *phases_box;
  GtkWidget    *organisation_group;
  GtkWidget    *name_row;
  GtkWidget    *description_row;
  GtkWidget    *start_row;
};

G_DEFINE_FINAL_TYPE (KoersRoadmapView, koers_roadmap_view, ADW_TYPE_BIN)

/* --- helpers ------------------------------------------------------------ */

static gboolean
has_placements (KoersProject *project)
{
  KoersCatalog *catalog = koers_project_get_catalog (project);

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      const char *id = koers_model_get_id (koers_catalog_get_model (catalog, i));

      if (koers_project_get_current (project, id) != NULL || koers_project_get_target (project, id) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
set_entry (KoersRoadmapView *self,
           GtkWidget        *entry,
           const char       *value)
{
  koers_history_field_show (GTK_EDITABLE (entry), value, &self->syncing);
}

static void
show_start_error (KoersRoadmapView *self,
                  gboolean          error)
{
  if (error)
    {
      gtk_widget_add_css_class (self->start_row, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->start_row),
                                     _("Roadmap starts: use YYYY-MM, e.g. 2027-01"));
    }
  else
    {
      gtk_widget_remove_css_class (self->start_row, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->start_row), _("Roadmap starts (YYYY-MM)"));
    }
}

static void
sync_organisation (KoersRoadmapView *self)
{
  const char *name = "";

  if (self->scroller == NULL)
    return;

  if (self->project != NULL)
    {
      name = koers_project_get_organisation_name (self->project);
      set_entry (self, self->name_row, name);
      set_entry (self, self->description_row, koers_project_get_organisation_description (self->project));
      set_entry (self, self->start_row, koers_project_get_roadmap_start (self->project));
      show_start_error (self, FALSE);
    }

  if (name != NULL && *name != '\0')
    {
      /* TRANSLATORS: under the roadmap's title; %s is the organisation */
      g_autofree char *text = g_strdup_printf (_("For %s"), name);

      gtk_label_set_text (GTK_LABEL (self->subtitle_label), text);
      gtk_widget_set_visible (self->subtitle_label, TRUE);
    }
  else
    gtk_widget_set_visible (self->subtitle_label, FALSE);
}

static void
store (KoersRoadmapView *self,
       KoersField        field,
       const char       *value)
{
  g_autoptr(GError) error = NULL;

  if (!koers_history_field_store (self->history, field, NULL, value, &self->syncing, &error))
    g_warning ("Cannot store the organisation: %s", error->message);
}

static GtkWidget *
new_group (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped_title);
  if (description != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (description, -1);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped);
    }
  return group;
}

static GtkWidget *
add_header_label (GtkWidget  *header,
                  const char *text,
                  const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (header), label);
  return label;
}

/* What a phase's header says: its title, name, quarter, effort against
 * the team's time and definition of done. */
typedef struct
{
  const char *title;
  const char *name;
  char       *facts;
  gboolean    over_capacity;
  char       *done;
} PhaseHeader;

static void
phase_header_clear (PhaseHeader *header)
{
  g_free (header->facts);
  g_free (header->done);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PhaseHeader, phase_header_clear)

static void
describe_phase (KoersRoadmap            *roadmap,
                const KoersRoadmapPhase *phase,
                PhaseHeader             *header)
{
  g_autofree char *effort = koers_roadmap_describe_phase_effort (roadmap, phase);
  g_autoptr(GPtrArray) facts = g_ptr_array_new ();

  header->title = phase->title;
  header->name = phase->name != NULL && *phase->name != '\0' ? phase->name : NULL;
  if (phase->period != NULL)
    g_ptr_array_add (facts, phase->period);
  if (effort != NULL)
    g_ptr_array_add (facts, effort);
  if (facts->len > 0)
    {
      g_ptr_array_add (facts, NULL);
      header->facts = g_strjoinv (_(" · "), (char **) facts->pdata);
    }
  /* The planner keeps a quarter within the team's time; should a plan
   * ever say otherwise, it shows. */
  header->over_capacity = koers_roadmap_get_quarter_capacity (roadmap) > 0 &&
                          phase->effort > koers_roadmap_get_quarter_capacity (roadmap);
  if (phase->done != NULL && *phase->done != '\0')
    /* TRANSLATORS: a phase's definition of done */
    header->done = g_strdup_printf (_("Done when: %s"), phase->done);
}

static char *
phase_header_key (const PhaseHeader *header)
{
  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%d\x1f%s", header->title, header->name ? header->name : "",
                          header->facts ? header->facts : "", header->over_capacity,
                          header->done ? header->done : "");
}

static GtkWidget *
new_phase_header (const PhaseHeader *text)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  gtk_widget_set_margin_bottom (header, 12);
  label = add_header_label (header, text->title, "heading");
  gtk_widget_add_css_class (label, "phase-title");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  if (text->name != NULL)
    add_header_label (header, text->name, "phase-name");
  if (text->facts != NULL)
    {
      label = add_header_label (header, text->facts, "dim-label");
      gtk_widget_add_css_class (label, "phase-facts");
      if (text->over_capacity)
        gtk_widget_add_css_class (label, "warning");
    }
  if (text->done != NULL)
    {
      label = add_header_label (header, text->done, "dim-label");
      gtk_widget_add_css_class (label, "phase-done");
    }
  return header;
}

/* A phase: its header over a boxed list. Not an AdwPreferencesGroup,
 * whose title does not wrap in libadwaita 1.2 and would cut "Phase 0:
 * prepare the internal organisation" on a phone. The header is made
 * again only when what it says changes. */
static void
update_phase_section (GtkWidget               *section,
                      KoersRoadmap            *roadmap,
                      const KoersRoadmapPhase *phase)
{
  g_auto(PhaseHeader) text = { 0 };
  g_autofree char *key = NULL;
  GtkWidget *old = gtk_widget_get_first_child (section);

  describe_phase (roadmap, phase, &text);
  key = phase_header_key (&text);
  if (g_strcmp0 (g_object_get_data (G_OBJECT (section), "koers-header"), key) == 0)
    return;
  if (old != NULL && old != gtk_widget_get_last_child (section))
    gtk_box_remove (GTK_BOX (section), old);
  gtk_box_prepend (GTK_BOX (section), new_phase_header (&text));
  g_object_set_data_full (G_OBJECT (section), "koers-header", g_steal_pointer (&key), g_free);
}

static GtkWidget *
new_phase_section (void)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (section, "phase-section");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (section), list);
  return section;
}

static GtkWidget *
section_list (GtkWidget *section)
{
  return gtk_widget_get_last_child (section);
}

static void
update_findings (KoersRoadmapView *self)
{
  self->findings_dirty = FALSE;
  koers_findings_list_set_roadmap (KOERS_FINDINGS_LIST (self->findings), self->roadmap,
                                   self->project ? koers_project_get_catalog (self->project) : NULL);
  gtk_widget_set_visible (self->unplaced_label, self->project != NULL && !has_placements (self->project));
}

/* Puts @row at @index of @list, unless it is there already. A row that
 * moves to another phase keeps the focus it had. */
static void
place_row (GtkWidget *list,
           GtkWidget *row,
           int        index)
{
  GtkWidget *parent = gtk_widget_get_parent (row);
  GtkRoot *root;
  g_autoptr(GtkWidget) focus = NULL;

  if (parent == list && gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) == index)
    return;
  root = gtk_widget_get_root (row);
  if (root != NULL && gtk_root_get_focus (root) != NULL &&
      (gtk_root_get_focus (root) == row || gtk_widget_is_ancestor (gtk_root_get_focus (root), row)))
    focus = g_object_ref (gtk_root_get_focus (root));
  g_object_ref (row);
  if (parent != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (parent), row);
  gtk_list_box_insert (GTK_LIST_BOX (list), row, index);
  g_object_unref (row);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
remove_row (GtkWidget *row)
{
  GtkWidget *parent = gtk_widget_get_parent (row);

  if (parent != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (parent), row);
}

/* "Nothing to do in this phase." while the phase has no items. */
static void
show_empty_phase (GtkWidget *list,
                  gboolean   empty)
{
  GtkWidget *first = gtk_widget_get_first_child (list);
  gboolean shown = first != NULL && !KOERS_IS_ITEM_ROW (first);

  if (empty && !shown)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing to do in this phase."));
      gtk_widget_add_css_class (row, "phase-empty");
      gtk_list_box_prepend (GTK_LIST_BOX (list), row);
    }
  else if (!empty && shown)
    gtk_list_box_remove (GTK_LIST_BOX (list), first);
}

static void
update_items (KoersRoadmapView *self)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_phases = koers_roadmap_get_n_phases (self->roadmap);
  GHashTableIter iter;
  gpointer key, value;

  for (guint p = 0; p < n_phases; p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (self->roadmap, p);

      for (guint i = 0; i < phase->items->len; i++)
        g_hash_table_add (wanted, ((KoersRoadmapItem *) g_ptr_array_index (phase->items, i))->id);
    }

  /* Rows of items that left the roadmap go; every other row stays, and
   * with it its focus, whether it is open and what is typed in it. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (wanted, key))
      {
        remove_row (value);
        g_hash_table_iter_remove (&iter);
      }

  while (self->phase_groups->len < n_phases)
    {
      GtkWidget *section = new_phase_section ();

      gtk_box_append (GTK_BOX (self->phases_box), section);
      g_ptr_array_add (self->phase_groups, section);
    }

  for (guint p = 0; p < n_phases; p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (self->roadmap, p);
      GtkWidget *section = g_ptr_array_index (self->phase_groups, p);
      GtkWidget *list = section_list (section);

      update_phase_section (section, self->roadmap, phase);
      show_empty_phase (list, phase->items->len == 0);
      /* Rows that belong to a later phase may still sit below; they move
       * when that phase's turn comes. */
      for (guint i = 0; i < phase->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);
          GtkWidget *row = g_hash_table_lookup (self->rows, item->id);

          if (row == NULL)
            {
              row = koers_item_row_new (self->history, self->roadmap, item);
              g_hash_table_insert (self->rows, g_strdup (item->id), row);
            }
          else
            koers_item_row_update (KOERS_ITEM_ROW (row), self->roadmap, item);
          place_row (list, row, i);
        }
    }

  while (self->phase_groups->len > n_phases)
    {
      GtkWidget *section = g_ptr_array_steal_index (self->phase_groups, self->phase_groups->len - 1);

      gtk_box_remove (GTK_BOX (self->phases_box), section);
    }
}

static void
update_orphans (KoersRoadmapView *self)
{
  const GPtrArray *orphans = koers_roadmap_get_orphans (self->roadmap);

  if (orphans->len > 0 && self->orphans_group == NULL)
    {
      self->orphans_group = new_group (_("No longer in the roadmap"),
                                       _("Kept because you recorded something on them. Move the markers back and they return to their phase."));
      gtk_widget_add_css_class (self->orphans_group, "orphans");
      self->orphans_list = koers_orphan_list_new ();
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->orphans_group), self->orphans_list);
      gtk_box_append (GTK_BOX (self->phases_box), self->orphans_group);
    }
  if (self->orphans_group != NULL)
    {
      gtk_widget_set_visible (self->orphans_group, orphans->len > 0);
      koers_orphan_list_set_orphans (KOERS_ORPHAN_LIST (self->orphans_list), orphans);
    }
}

static void
clear_rows (KoersRoadmapView *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->rows);
  g_ptr_array_set_size (self->phase_groups, 0);
  self->orphans_group = NULL;
  self->orphans_list = NULL;
  while ((child = gtk_widget_get_first_child (self->phases_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->phases_box), child);
}

/* A new roadmap is mostly the old one: the rows are kept by item id and
 * patched, so that an edit costs what changed, not the whole page. */
static void
update_rows (KoersRoadmapView *self)
{
  self->rows_dirty = FALSE;

  if (self->roadmap == NULL || self->history == NULL)
    {
      clear_rows (self);
      return;
    }
  update_items (self);
  update_orphans (self);
}

/* Until the page is first shown or asked about, a new roadmap is only
 * noted; from then on the page follows every change at once. */
static void
rebuild (KoersRoadmapView *self)
{
  self->rows_dirty = TRUE;
  self->findings_dirty = TRUE;
  if (!self->exposed)
    return;
  update_findings (self);
  update_rows (self);
}

static void name_changed_cb (KoersRoadmapView *self);
static void description_changed_cb (KoersRoadmapView *self);
static void start_changed_cb (KoersRoadmapView *self);
static void focus_leave_cb (KoersRoadmapView *self);

/* The page's widgets, from koers-roadmap-view.ui: three entry rows, the
 * findings and the headings are not worth making for a window that may
 * never show them. */
static void
ensure_content (KoersRoadmapView *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->scroller != NULL)
    return;

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/koers-roadmap-view.ui");
  self->scroller = GTK_WIDGET (gtk_builder_get_object (builder, "scroller"));
  self->subtitle_label = GTK_WIDGET (gtk_builder_get_object (builder, "subtitle_label"));
  self->export_button = GTK_WIDGET (gtk_builder_get_object (builder, "export_button"));
  /* Not in the template: see koers-tooltip.c. */
  koers_tooltip_set (self->export_button, _("Export the roadmap as a slide"));
  self->findings = GTK_WIDGET (gtk_builder_get_object (builder, "findings"));
  self->unplaced_label = GTK_WIDGET (gtk_builder_get_object (builder, "unplaced_label"));
  self->phases_box = GTK_WIDGET (gtk_builder_get_object (builder, "phases_box"));
  self->organisation_group = GTK_WIDGET (gtk_builder_get_object (builder, "organisation_group"));
  self->name_row = GTK_WIDGET (gtk_builder_get_object (builder, "name_row"));
  self->description_row = GTK_WIDGET (gtk_builder_get_object (builder, "description_row"));
  self->start_row = GTK_WIDGET (gtk_builder_get_object (builder, "start_row"));

  /* A page behind another is still measured: hidden until shown. */
  gtk_widget_set_visible (self->scroller, gtk_widget_get_mapped (GTK_WIDGET (self)));
  adw_bin_set_child (ADW_BIN (self), self->scroller);

  koers_history_field_setup (GTK_EDITABLE (self->name_row), G_CALLBACK (name_changed_cb),
                             G_CALLBACK (focus_leave_cb), self);
  koers_history_field_setup (GTK_EDITABLE (self->description_row), G_CALLBACK (description_changed_cb),
                             G_CALLBACK (focus_leave_cb), self);
  koers_history_field_setup (GTK_EDITABLE (self->start_row), G_CALLBACK (start_changed_cb),
                             G_CALLBACK (focus_leave_cb), self);

  sync_organisation (self);
}

static void
expose (KoersRoadmapView *self)
{
  self->exposed = TRUE;
  ensure_content (self);
  if (self->findings_dirty)
    update_findings (self);
}

static void
ensure_rows (KoersRoadmapView *self)
{
  expose (self);
  if (self->rows_dirty)
    update_rows (self);
}

/* --- callbacks ---------------------------------------------------------- */

static void
history_changed_cb (KoersRoadmapView *self,
                    KoersField        field,
                    const char       *key,
                    KoersHistory     *history)
{
  KoersItemRow *row;

  switch (field)
    {
    case KOERS_FIELD_ORGANISATION_NAME:
    case KOERS_FIELD_ORGANISATION_DESCRIPTION:
    case KOERS_FIELD_ROADMAP_START:
      sync_organisation (self);
      break;
    case KOERS_FIELD_ITEM_STATUS:
    case KOERS_FIELD_ITEM_OWNER:
    case KOERS_FIELD_ITEM_DUE:
    case KOERS_FIELD_ITEM_NOTE:
      row = key ? g_hash_table_lookup (self->rows, key) : NULL;
      if (row != NULL)
        koers_item_row_sync (row);
      break;
    default:
      break;
    }
}

static void
name_changed_cb (KoersRoadmapView *self)
{
  store (self, KOERS_FIELD_ORGANISATION_NAME, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

static void
description_changed_cb (KoersRoadmapView *self)
{
  store (self, KOERS_FIELD_ORGANISATION_DESCRIPTION, gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
}

static gboolean
clear_start_cb (gpointer data)
{
  KoersRoadmapView *self = data;

  self->clear_source = 0;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->start_row)) == '\0')
    store (self, KOERS_FIELD_ROADMAP_START, NULL);
  return G_SOURCE_REMOVE;
}

static void
start_changed_cb (KoersRoadmapView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->start_row));
  gboolean valid = *text == '\0' || koers_is_valid_month (text);

  if (self->syncing)
    return;
  g_clear_handle_id (&self->clear_source, g_source_remove);
  show_start_error (self, !valid);
  if (*text == '\0')
    /* Replacing the text empties the field for a moment: only a field
     * that stays empty removes the month. */
    self->clear_source = g_idle_add (clear_start_cb, self);
  else if (valid)
    store (self, KOERS_FIELD_ROADMAP_START, text);
}

/* "edit.commit", before an undo (see commit_edit() in koers-window.c): an
 * emptied field is stored now rather than once the main loop runs. */
static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KoersRoadmapView *self = KOERS_ROADMAP_VIEW (widget);

  if (self->clear_source != 0)
    {
      g_clear_handle_id (&self->clear_source, g_source_remove);
      clear_start_cb (self);
    }
}

static void
focus_leave_cb (KoersRoadmapView *self)
{
  if (self->history != NULL)
    koers_history_seal (self->history);
}

/* --- overrides ---------------------------------------------------------- */

static void
koers_roadmap_view_map (GtkWidget *widget)
{
  KoersRoadmapView *self = KOERS_ROADMAP_VIEW (widget);

  /* Rows first, so that the page is laid out once, complete. */
  ensure_rows (self);
  gtk_widget_set_visible (self->scroller, TRUE);

  GTK_WIDGET_CLASS (koers_roadmap_view_parent_class)->map (widget);
}

static void
koers_roadmap_view_dispose (GObject *object)
{
  KoersRoadmapView *self = (KoersRoadmapView *) object;

  g_clear_handle_id (&self->clear_source, g_source_remove);
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->history);
  g_clear_object (&self->roadmap);
  if (self->rows != NULL)
    g_hash_table_remove_all (self->rows);
  self->orphans_group = NULL;
  self->orphans_list = NULL;

  adw_bin_set_child (ADW_BIN (self), NULL);
  self->scroller = NULL;

  G_OBJECT_CLASS (koers_roadmap_view_parent_class)->dispose (object);
}

static void
koers_roadmap_view_finalize (GObject *object)
{
  KoersRoadmapView *self = (KoersRoadmapView *) object;

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->phase_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_roadmap_view_parent_class)->finalize (object);
}

static void
koers_roadmap_view_class_init (KoersRoadmapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_roadmap_view_dispose;
  object_class->finalize = koers_roadmap_view_finalize;

  widget_class->map = koers_roadmap_view_map;
  gtk_widget_class_install_action (widget_class, "edit.commit", NULL, commit_action);

  /* Named in koers-roadmap-view.ui. */
  g_type_ensure (KOERS_TYPE_FINDINGS_LIST);
}

static void
koers_roadmap_view_init (KoersRoadmapView *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->phase_groups = g_ptr_array_new ();
  self->history_signals = g_signal_group_new (KOERS_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "changed", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
}

/* --- public API --------------------------------------------------------- */

GtkWidget *
koers_roadmap_view_new (void)
{
  return g_object_new (KOERS_TYPE_ROADMAP_VIEW, NULL);
}

void
koers_roadmap_view_set_history (KoersRoadmapView *self,
                                KoersHistory     *history)
{
  g_return_if_fail (KOERS_IS_ROADMAP_VIEW (self));
  g_return_if_fail (history == NULL || KOERS_IS_HISTORY (history));

  if (self->history == history)
    return;

  g_clear_object (&self->project);
  g_set_object (&self->history, history);
  if (history != NULL)
    self->project = g_object_ref (koers_history_get_project (history));
  g_signal_group_set_target (self->history_signals, history);
  sync_organisation (self);
  rebuild (self);
}

/**
 * koers_roadmap_view_set_roadmap:
 * @roadmap: (nullable): the roadmap to show
 *
 * Shows @roadmap, keeping open the items that were open.
 */
void
koers_roadmap_view_set_roadmap (KoersRoadmapView *self,
                                KoersRoadmap     *roadmap)
{
  g_return_if_fail (KOERS_IS_ROADMAP_VIEW (self));

  g_set_object (&self->roadmap, roadmap);
  rebuild (self);
}
