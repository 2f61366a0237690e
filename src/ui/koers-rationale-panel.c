/* koers-rationale-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typing goes through the history, which merges consecutive keystrokes
 * into one command until the field loses focus. When the project changes
 * from elsewhere (undo), the widgets follow with their own handlers
 * blocked, so that an undo never records itself again.
 *
 * The panel stands below the diagram, out of sight in a window of the
 * usual size, and its text view is dear to build, style and measure: 3 %
 * of a start. So its widgets are built right after the first frame the
 * panel is mapped for, not with the window; until then it is empty, and
 * what it is given (history, model) waits for them.
 */
#define G_LOG_DOMAIN "koers-rationale-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-history-field.h"
#include "koers-model-row.h"
#include "koers-rationale-panel.h"
#include "koers-tooltip.h"

struct _KoersRationalePanel
{
  AdwBin        parent_instance;

  KoersHistory *history;
  KoersProject *project;
  /* The history's ::changed, moved along with the history. */
  GSignalGroup *history_signals;
  KoersModel   *model;
  gboolean      syncing;
  gboolean      date_valid;
  gboolean      built;
  guint         clear_source;
  guint         build_source;

  /* template widgets */
  GtkWidget    *group;
  GtkWidget    *text_view;
  GtkWidget    *placeholder;
  GtkWidget    *date_row;
  GtkWidget    *today_button;
};

G_DEFINE_FINAL_TYPE (KoersRationalePanel, koers_rationale_panel, ADW_TYPE_BIN)

static const char *
model_id (KoersRationalePanel *self)
{
  return self->model ? koers_model_get_id (self->model) : NULL;
}

static void
show_date_error (KoersRationalePanel *self,
                 gboolean             error)
{
  self->date_valid = !error;
  /* Said to screen readers too, not by colour alone. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->date_row), GTK_ACCESSIBLE_STATE_INVALID,
                               error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  if (error)
    {
      gtk_widget_add_css_class (self->date_row, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                     _("Assessment date: use YYYY-MM-DD, e.g. 2026-11-10"));
    }
  else
    {
      gtk_widget_remove_css_class (self->date_row, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Assessment date"));
    }
}

static void
sync_rationale (KoersRationalePanel *self)
{
  GtkTextBuffer *buffer;
  const char *value = NULL;
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  if (!self->built)
    return;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  if (self->project != NULL && self->model != NULL)
    value = koers_project_get_rationale (self->project, model_id (self));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, value ? value : "") != 0)
    {
      self->syncing = TRUE;
      gtk_text_buffer_set_text (buffer, value ? value : "", -1);
      self->syncing = FALSE;
    }
  gtk_widget_set_visible (self->placeholder, gtk_text_buffer_get_char_count (buffer) == 0);
}

static void
sync_date (KoersRationalePanel *self)
{
  const char *value = NULL;

  if (!self->built)
    return;
  if (self->project != NULL && self->model != NULL)
    value = koers_project_get_assessed (self->project, model_id (self));

  koers_history_field_show (GTK_EDITABLE (self->date_row), value, &self->syncing);
  show_date_error (self, FALSE);
}

static void
history_changed_cb (KoersRationalePanel *self,
                    KoersField           field,
                    const char          *key,
                    KoersHistory        *history)
{
  if (g_strcmp0 (key, model_id (self)) != 0)
    return;
  if (field == KOERS_FIELD_RATIONALE)
    sync_rationale (self);
  else if (field == KOERS_FIELD_ASSESSED)
    sync_date (self);
}

static void
buffer_changed_cb (KoersRationalePanel *self,
                   GtkTextBuffer       *buffer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_widget_set_visible (self->placeholder, gtk_text_buffer_get_char_count (buffer) == 0);

  if (self->syncing || self->history == NULL || self->model == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->syncing = TRUE;
  if (!koers_history_set (self->history, KOERS_FIELD_RATIONALE, model_id (self), text, &error))
    g_warning ("Cannot store the rationale: %s", error->message);
  self->syncing = FALSE;
}

static void
store_date (KoersRationalePanel *self,
            const char          *text)
{
  g_autoptr(GError) error = NULL;

  self->syncing = TRUE;
  if (!koers_history_set (self->history, KOERS_FIELD_ASSESSED, model_id (self), text, &error))
    {
      show_date_error (self, TRUE);
      g_debug ("Refused date: %s", error->message);
    }
  self->syncing = FALSE;
}

static gboolean
clear_date_cb (gpointer data)
{
  KoersRationalePanel *self = data;

  self->clear_source = 0;
  if (self->history != NULL && self->model != NULL &&
      *gtk_editable_get_text (GTK_EDITABLE (self->date_row)) == '\0')
    store_date (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
date_changed_cb (KoersRationalePanel *self,
                 GtkEditable         *editable)
{
  const char *text = gtk_editable_get_text (editable);

  if (self->syncing || self->history == NULL || self->model == NULL)
    return;

  g_clear_handle_id (&self->clear_source, g_source_remove);
  show_date_error (self, *text != '\0' && !koers_is_valid_date (text));
  if (*text == '\0')
    /* Replacing the text empties the field for a moment: only a field
     * that stays empty removes the date. */
    self->clear_source = g_idle_add (clear_date_cb, self);
  else if (self->date_valid)
    store_date (self, text);
  /* Half-typed dates stay in the field, marked, and are not stored. */
}

/* "edit.commit", before an undo (see commit_edit() in koers-window.c): an
 * emptied field is stored now rather than once the main loop runs. */
static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KoersRationalePanel *self = KOERS_RATIONALE_PANEL (widget);

  if (self->clear_source != 0)
    {
      g_clear_handle_id (&self->clear_source, g_source_remove);
      clear_date_cb (self);
    }
}

static void
focus_leave_cb (KoersRationalePanel *self)
{
  if (self->history != NULL)
    koers_history_seal (self->history);
}

/* The Today button: today's date, through the history. */
static void
today_clicked_cb (KoersRationalePanel *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (self->history == NULL || self->model == NULL)
    return;
  g_clear_handle_id (&self->clear_source, g_source_remove);
  store_date (self, today);
  sync_date (self);
}

/* The screen reader's name for the text: which model's rationale. */
static void
update_text_label (KoersRationalePanel *self)
{
  g_autofree char *label = NULL;

  if (!self->built || self->model == NULL)
    return;
  /* TRANSLATORS: a screen reader label, e.g. "Social Media Pyramid: rationale" */
  label = g_strdup_printf (_("%s: rationale"), koers_model_get_name (self->model));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
build (KoersRationalePanel *self)
{
  GtkTextBuffer *buffer;
  GtkEventController *controller;

  if (self->built)
    return;
  self->built = TRUE;
  g_clear_handle_id (&self->build_source, g_source_remove);

  gtk_widget_init_template (GTK_WIDGET (self));
  koers_widget_measure_width_alone_inside (self->group, "labels");
  /* Not in the template: see koers-tooltip.c. */
  koers_tooltip_set (self->today_button, _("Set the assessment date to today"));

  /* Undo is the project's, never the text widget's own. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
  koers_history_field_setup (GTK_EDITABLE (self->date_row), G_CALLBACK (date_changed_cb),
                             G_CALLBACK (focus_leave_cb), self);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (self->text_view, controller);

  update_text_label (self);
  sync_rationale (self);
  sync_date (self);
}

static gboolean
build_cb (gpointer data)
{
  KoersRationalePanel *self = data;

  self->build_source = 0;
  build (self);
  return G_SOURCE_REMOVE;
}

static void
koers_rationale_panel_map (GtkWidget *widget)
{
  KoersRationalePanel *self = KOERS_RATIONALE_PANEL (widget);

  GTK_WIDGET_CLASS (koers_rationale_panel_parent_class)->map (widget);

  /* After the frame that maps it: GTK draws at a higher priority than an
   * idle's. */
  if (!self->built && self->build_source == 0)
    self->build_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_cb, self, NULL);
}

static void
koers_rationale_panel_dispose (GObject *object)
{
  KoersRationalePanel *self = (KoersRationalePanel *) object;

  g_clear_handle_id (&self->clear_source, g_source_remove);
  g_clear_handle_id (&self->build_source, g_source_remove);
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->history);
  g_clear_object (&self->model);

  /* The bin's child is a bound template child: take it out of the bin
   * first, or the bin would unparent it a second time. */
  if (self->built)
    {
      adw_bin_set_child (ADW_BIN (self), NULL);
      gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_RATIONALE_PANEL);
    }

  G_OBJECT_CLASS (koers_rationale_panel_parent_class)->dispose (object);
}

static void
koers_rationale_panel_class_init (KoersRationalePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_rationale_panel_dispose;
  widget_class->map = koers_rationale_panel_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koers-rationale-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, KoersRationalePanel, group);
  gtk_widget_class_bind_template_child (widget_class, KoersRationalePanel, text_view);
  gtk_widget_class_bind_template_child (widget_class, KoersRationalePanel, placeholder);
  gtk_widget_class_bind_template_child (widget_class, KoersRationalePanel, date_row);
  gtk_widget_class_bind_template_child (widget_class, KoersRationalePanel, today_button);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);
  gtk_widget_class_install_action (widget_class, "edit.commit", NULL, commit_action);
}

static void
koers_rationale_panel_init (KoersRationalePanel *self)
{
  self->date_valid = TRUE;
  self->history_signals = g_signal_group_new (KOERS_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "changed", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

GtkWidget *
koers_rationale_panel_new (void)
{
  return g_object_new (KOERS_TYPE_RATIONALE_PANEL, NULL);
}

void
koers_rationale_panel_set_history (KoersRationalePanel *self,
                                   KoersHistory        *history)
{
  g_return_if_fail (KOERS_IS_RATIONALE_PANEL (self));
  g_return_if_fail (history == NULL || KOERS_IS_HISTORY (history));

  if (self->history == history)
    return;

  g_clear_object (&self->project);
  g_set_object (&self->history, history);
  if (history != NULL)
    self->project = g_object_ref (koers_history_get_project (history));
  g_signal_group_set_target (self->history_signals, history);

  gtk_widget_set_sensitive (GTK_WIDGET (self), self->history != NULL && self->model != NULL);
  sync_rationale (self);
  sync_date (self);
}

/**
 * koers_rationale_panel_set_model:
 * @model: (nullable): the model whose rationale to edit
 */
void
koers_rationale_panel_set_model (KoersRationalePanel *self,
                                 KoersModel          *model)
{
  g_return_if_fail (KOERS_IS_RATIONALE_PANEL (self));

  if (self->model == model)
    return;

  /* A new model is a new edit. */
  if (self->history != NULL)
    koers_history_seal (self->history);
  g_set_object (&self->model, model);
  update_text_label (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self), self->history != NULL && self->model != NULL);
  sync_rationale (self);
  sync_date (self);
}

/**
 * koers_rationale_panel_ensure_built:
 *
 * Builds the panel's widgets now, if the frame after the panel was first
 * mapped has not: for what needs them before that (tests).
 */
void
koers_rationale_panel_ensure_built (KoersRationalePanel *self)
{
  g_return_if_fail (KOERS_IS_RATIONALE_PANEL (self));
  build (self);
}
