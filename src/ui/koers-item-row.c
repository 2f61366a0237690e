/* koers-item-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-history-field.h"
#include "koers-item-row.h"
#include "koers-model-row.h"
#include "koers-roadmap-format.h"
#include "koers-tooltip.h"

struct _KoersItemRow
{
  AdwExpanderRow  parent_instance;

  KoersHistory   *history;
  KoersProject   *project;
  char           *id;
  char           *after_text;    /* titles of the items it comes after */
  char           *why;
  char           *result;        /* a measurable result, or NULL */
  char           *badges_key;    /* what the badges show, to see a change */
  gboolean        populated;
  gboolean        syncing;
  guint           clear_source;

  GtkWidget      *badge_box;
  GtkWidget      *flag;          /* the milestone's, or NULL */
  GtkWidget      *why_row;       /* inside, once opened */
  GtkWidget      *result_row;
  GtkWidget      *after_row;
  GtkWidget      *status_pill;
  GtkWidget      *status;
  GtkWidget      *owner;
  GtkWidget      *due;
  GtkWidget      *note;
};

G_DEFINE_FINAL_TYPE (KoersItemRow, koers_item_row, ADW_TYPE_EXPANDER_ROW)

static const KoersStatus statuses[] = {
  KOERS_STATUS_TODO,
  KOERS_STATUS_DOING,
  KOERS_STATUS_DONE,
  KOERS_STATUS_SKIPPED,
};

static void
store (KoersItemRow *self,
       KoersField    field,
       const char   *value)
{
  g_autoptr(GError) error = NULL;

  if (!koers_history_field_store (self->history, field, self->id, value, &self->syncing, &error))
    g_warning ("Cannot store %s: %s", self->id, error->message);
}

static void
show_due_error (KoersItemRow *self,
                gboolean      error)
{
  if (error)
    {
      gtk_widget_add_css_class (self->due, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due),
                                     _("Due: use YYYY-MM or YYYY-Qn, e.g. 2027-03 or 2027-Q1"));
    }
  else
    {
      gtk_widget_remove_css_class (self->due, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due), _("Due"));
    }
}

static void
update_pill (KoersItemRow *self,
             KoersStatus   status,
             gboolean      has_status)
{
  static const char *classes[] = { "status-todo", "status-doing", "status-done", "status-skipped" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (self->status_pill, classes[i]);
  gtk_widget_set_visible (self->status_pill, has_status && status != KOERS_STATUS_TODO);
  gtk_label_set_text (GTK_LABEL (self->status_pill), koers_status_get_label (status));
  gtk_widget_add_css_class (self->status_pill, classes[status]);
}

static void
status_cb (KoersItemRow *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->status));

  if (selected < G_N_ELEMENTS (statuses))
    store (self, KOERS_FIELD_ITEM_STATUS, koers_status_to_string (statuses[selected]));
}

static void
owner_cb (KoersItemRow *self)
{
  store (self, KOERS_FIELD_ITEM_OWNER, gtk_editable_get_text (GTK_EDITABLE (self->owner)));
}

static void
note_cb (KoersItemRow *self)
{
  store (self, KOERS_FIELD_ITEM_NOTE, gtk_editable_get_text (GTK_EDITABLE (self->note)));
}

static gboolean
clear_due_cb (gpointer data)
{
  KoersItemRow *self = data;

  self->clear_source = 0;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->due)) == '\0')
    store (self, KOERS_FIELD_ITEM_DUE, NULL);
  return G_SOURCE_REMOVE;
}

static void
due_cb (KoersItemRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->due));
  gboolean valid = *text == '\0' || koers_is_valid_due (text);

  if (self->syncing)
    return;
  g_clear_handle_id (&self->clear_source, g_source_remove);
  show_due_error (self, !valid);
  if (*text == '\0')
    /* Replacing the text empties the field for a moment: only a field
     * that stays empty removes the date. */
    self->clear_source = g_idle_add (clear_due_cb, self);
  else if (valid)
    store (self, KOERS_FIELD_ITEM_DUE, text);
}

/* "edit.commit", before an undo (see commit_edit() in koers-window.c): an
 * emptied field is stored now rather than once the main loop runs. */
static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KoersItemRow *self = KOERS_ITEM_ROW (widget);

  if (self->clear_source != 0)
    {
      g_clear_handle_id (&self->clear_source, g_source_remove);
      clear_due_cb (self);
    }
}

static void
focus_leave_cb (KoersItemRow *self)
{
  if (self->history != NULL)
    koers_history_seal (self->history);
}

static void
set_entry (KoersItemRow *self,
           GtkWidget    *entry,
           const char   *value)
{
  koers_history_field_show (GTK_EDITABLE (entry), value, &self->syncing);
}

static GtkWidget *
add_entry (KoersItemRow *self,
           const char   *title,
           GCallback     callback)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  koers_history_field_setup (GTK_EDITABLE (row), callback, G_CALLBACK (focus_leave_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  return row;
}

/* What the badges show, one model after another: compared before any
 * badge is made, so that an update leaves unchanged badges alone. */
static char *
badges_key (KoersItemRow           *self,
            const KoersRoadmapItem *item)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; item->serves != NULL && i < item->serves->len; i++)
    {
      const KoersStageRef *ref = g_ptr_array_index (item->serves, i);

      g_string_append_printf (key, "%s:%s;", ref->model, ref->stage);
    }
  return g_string_free (key, FALSE);
}

/* One badge per model the item moves towards a stage. */
static void
add_badges (KoersItemRow           *self,
            const KoersRoadmapItem *item)
{
  KoersCatalog *catalog = koers_project_get_catalog (self->project);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *previous = NULL;

  for (guint i = 0; item->serves != NULL && i < item->serves->len; i++)
    {
      const KoersStageRef *ref = g_ptr_array_index (item->serves, i);
      KoersModel *model = koers_catalog_lookup (catalog, ref->model);
      const KoersStage *stage = model ? koers_model_find_stage (model, ref->stage) : NULL;
      g_autofree char *model_class = NULL;
      GtkWidget *badge;

      if (model == NULL || !g_hash_table_add (seen, ref->model))
        continue;

      badge = gtk_label_new (koers_model_get_short_name (model));
      model_class = g_strdup_printf ("model-%s", ref->model);
      gtk_widget_add_css_class (badge, "model-badge");
      gtk_widget_add_css_class (badge, model_class);
      if (stage != NULL)
        {
          /* TRANSLATORS: a badge's tooltip, e.g. "Social Media Pyramid: towards Create" */
          g_autofree char *tooltip = g_strdup_printf (_("%s: towards %s"), koers_model_get_name (model), stage->name);

          /* Not gtk_widget_set_tooltip_text(): see koers-tooltip.c. */
          koers_tooltip_set (badge, tooltip);
        }
      gtk_box_insert_child_after (GTK_BOX (self->badge_box), badge, previous);
      previous = badge;
    }
}

static void
update_badges (KoersItemRow           *self,
               const KoersRoadmapItem *item)
{
  g_autofree char *key = badges_key (self, item);
  GtkWidget *child;

  if (self->badge_box == NULL)
    {
      self->badge_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_valign (self->badge_box, GTK_ALIGN_CENTER);
      self->status_pill = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->status_pill, "status-pill");
      gtk_box_append (GTK_BOX (self->badge_box), self->status_pill);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (self), self->badge_box);
    }
  else if (g_strcmp0 (self->badges_key, key) == 0)
    return;

  g_free (self->badges_key);
  self->badges_key = g_steal_pointer (&key);
  while ((child = gtk_widget_get_first_child (self->badge_box)) != self->status_pill)
    gtk_box_remove (GTK_BOX (self->badge_box), child);
  add_badges (self, item);
}

static char *
describe_after (KoersRoadmap           *roadmap,
                const KoersRoadmapItem *item)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  for (guint i = 0; item->after != NULL && item->after[i] != NULL; i++)
    {
      const KoersRoadmapItem *before = roadmap ? koers_roadmap_lookup_item (roadmap, item->after[i]) : NULL;

      if (before != NULL)
        g_ptr_array_add (titles, before->title);
    }
  if (titles->len == 0)
    return NULL;
  g_ptr_array_add (titles, NULL);
  return g_strjoinv ("\n", (char **) titles->pdata);
}

static void sync_content (KoersItemRow *self);

/* A read-only fact inside the open row: its name over its text. */
static GtkWidget *
add_property (KoersItemRow *self,
              const char   *title,
              const char   *css_class)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (row, "property");
  if (css_class != NULL)
    gtk_widget_add_css_class (row, css_class);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  return row;
}

/* Shown only when there is something to say. */
static void
show_property (GtkWidget  *row,
               const char *text)
{
  gboolean shown = text != NULL && *text != '\0';

  if (row == NULL)
    return;
  if (shown && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), text) != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  gtk_widget_set_visible (row, shown);
}

static void
show_properties (KoersItemRow *self)
{
  show_property (self->why_row, self->why);
  show_property (self->result_row, self->result);
  show_property (self->after_row, self->after_text);
}

/* The go/no-go gate is a moment, not work: a flag in front, and the row
 * set apart. The subtitle says "Milestone, Q2 2027" in words. */
static void
show_milestone (KoersItemRow *self,
                gboolean      milestone)
{
  if (milestone && self->flag == NULL)
    {
      self->flag = g_object_new (GTK_TYPE_IMAGE,
                                 "icon-name", "emoji-flags-symbolic",
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                 NULL);
      gtk_widget_add_css_class (self->flag, "milestone-flag");
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self), self->flag);
    }
  if (self->flag != NULL)
    gtk_widget_set_visible (self->flag, milestone);
  if (milestone)
    gtk_widget_add_css_class (GTK_WIDGET (self), "milestone");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "milestone");
}

/* A roadmap has dozens of items: the fields inside a row are made when it
 * is first opened. */
static void
ensure_content (KoersItemRow *self)
{
  GtkStringList *labels;
  GtkExpression *expression;
  GtkWidget *row;

  if (self->populated)
    return;
  self->populated = TRUE;

  labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (labels, koers_status_get_label (statuses[i]));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  self->status = gtk_drop_down_new (G_LIST_MODEL (labels), expression);
  gtk_widget_set_valign (self->status, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"),
                                  -1);
  g_signal_connect_swapped (self->status, "notify::selected", G_CALLBACK (status_cb), self);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Status"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->status);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->status);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);

  self->owner = add_entry (self, _("Owner"), G_CALLBACK (owner_cb));
  self->due = add_entry (self, _("Due"), G_CALLBACK (due_cb));
  self->note = add_entry (self, _("Note"), G_CALLBACK (note_cb));
  /* Names a test can find them by, whatever language the titles are in. */
  gtk_widget_set_name (self->status, "status");
  gtk_widget_set_name (self->owner, "owner");
  gtk_widget_set_name (self->due, "due");
  gtk_widget_set_name (self->note, "note");

  self->why_row = add_property (self, _("Why"), "item-why");
  self->result_row = add_property (self, _("Result to measure"), "item-result");
  self->after_row = add_property (self, _("Comes after"), "item-after");
  show_properties (self);

  sync_content (self);
}

/* The row and its header, which takes the focus, say whether they are
 * open: libadwaita 1.2 tells screen readers neither. */
static void
sync_expanded_state (KoersItemRow *self)
{
  gboolean expanded = adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self));
  GtkWidget *header = GTK_WIDGET (self);

  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
  /* The header is the first action row inside the expander row. */
  while (header != NULL && (header == GTK_WIDGET (self) || !ADW_IS_ACTION_ROW (header)))
    header = gtk_widget_get_first_child (header);
  if (header != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
}

static void
expanded_cb (KoersItemRow *self)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    ensure_content (self);
  sync_expanded_state (self);
}

/* A screen reader's way to open or close the row; named in words because
 * GTK 4.8 reads a widget action's name aloud (see docs/accessibility.md). */
static const char *
toggle_action_name (void)
{
  return C_("roadmap row action", "Expand or collapse");
}

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (widget);

  adw_expander_row_set_expanded (row, !adw_expander_row_get_expanded (row));
}

static void
koers_item_row_dispose (GObject *object)
{
  KoersItemRow *self = (KoersItemRow *) object;

  g_clear_handle_id (&self->clear_source, g_source_remove);
  g_clear_object (&self->history);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (koers_item_row_parent_class)->dispose (object);
}

static void
koers_item_row_finalize (GObject *object)
{
  KoersItemRow *self = (KoersItemRow *) object;

  g_free (self->id);
  g_free (self->after_text);
  g_free (self->why);
  g_free (self->result);
  g_free (self->badges_key);

  G_OBJECT_CLASS (koers_item_row_parent_class)->finalize (object);
}

static void
koers_item_row_class_init (KoersItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = koers_item_row_dispose;
  object_class->finalize = koers_item_row_finalize;

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "edit.commit", NULL, commit_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), toggle_action_name (), NULL, toggle_action);
}

static void
koers_item_row_init (KoersItemRow *self)
{
}

/**
 * koers_item_row_new:
 * @history: every edit goes through it
 * @roadmap: the roadmap @item belongs to, to name what it comes after
 * @item: the item; its id is kept, the rest is shown
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
koers_item_row_new (KoersHistory           *history,
                    KoersRoadmap           *roadmap,
                    const KoersRoadmapItem *item)
{
  KoersItemRow *self;

  g_return_val_if_fail (KOERS_IS_HISTORY (history), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (KOERS_TYPE_ITEM_ROW, NULL);
  self->history = g_object_ref (history);
  self->project = g_object_ref (koers_history_get_project (history));
  self->id = g_strdup (item->id);
  /* How tests and benchmarks find the row of an item in the widget tree. */
  gtk_widget_set_name (GTK_WIDGET (self), item->id);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  koers_item_row_update (self, roadmap, item);
  /* Beside the badges: see koers_widget_measure_width_alone(). */
  koers_widget_measure_width_alone_inside (GTK_WIDGET (self), "title");
  g_signal_connect (self, "notify::expanded", G_CALLBACK (expanded_cb), NULL);
  sync_expanded_state (self);

  koers_item_row_sync (self);
  return GTK_WIDGET (self);
}

static void
set_string (char       **slot,
            const char  *value)
{
  if (g_strcmp0 (*slot, value) != 0)
    {
      g_free (*slot);
      *slot = g_strdup (value);
    }
}

/**
 * koers_item_row_update:
 * @roadmap: (nullable): the roadmap @item belongs to now
 * @item: the same item (by id) as the row was made for, as it is now
 *
 * Shows @item as a new roadmap has it, changing only what changed: the
 * row stays, and with it its focus, whether it is open, and what is typed
 * in its fields.
 */
void
koers_item_row_update (KoersItemRow           *self,
                       KoersRoadmap           *roadmap,
                       const KoersRoadmapItem *item)
{
  g_autofree char *plan = NULL;
  g_autofree char *after = NULL;
  const char *subtitle;

  g_return_if_fail (KOERS_IS_ITEM_ROW (self));
  g_return_if_fail (item != NULL && g_strcmp0 (item->id, self->id) == 0);

  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), item->title) != 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), item->title);
      /* The row itself takes the focus too: it needs the title as its name. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, item->title,
                                      -1);
    }
  /* Closed, the row says who does it, how much it takes and what comes
   * first; why and the result to measure are inside. Without a plan for
   * it the why stays in view. */
  plan = roadmap ? koers_roadmap_describe_item_plan (roadmap, item) : NULL;
  subtitle = plan ? plan : item->why;
  if (g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (self)), subtitle) != 0)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  set_string (&self->why, plan ? item->why : NULL);
  set_string (&self->result, item->result);
  after = describe_after (roadmap, item);
  set_string (&self->after_text, after);
  show_properties (self);
  show_milestone (self, item->milestone);
  update_badges (self, item);
}

static void
sync_content (KoersItemRow *self)
{
  if (!self->populated)
    return;

  self->syncing = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->status),
                              koers_project_get_item_status (self->project, self->id));
  set_entry (self, self->owner, koers_project_get_item_owner (self->project, self->id));
  set_entry (self, self->due, koers_project_get_item_due (self->project, self->id));
  set_entry (self, self->note, koers_project_get_item_note (self->project, self->id));
  show_due_error (self, FALSE);
  self->syncing = FALSE;
}

/**
 * koers_item_row_sync:
 *
 * Shows what the project records on the item now; called when it changed
 * from elsewhere, such as an undo.
 */
void
koers_item_row_sync (KoersItemRow *self)
{
  KoersStatus status;
  gboolean has_status;

  g_return_if_fail (KOERS_IS_ITEM_ROW (self));

  status = koers_project_get_item_status (self->project, self->id);
  has_status = koers_project_get_field (self->project, KOERS_FIELD_ITEM_STATUS, self->id) != NULL;
  update_pill (self, status, has_status);
  /* While the row stores its own edit, its fields already show it. */
  if (!self->syncing)
    sync_content (self);

  if (status == KOERS_STATUS_DONE || status == KOERS_STATUS_SKIPPED)
    gtk_widget_add_css_class (GTK_WIDGET (self), "item-finished");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "item-finished");
}
