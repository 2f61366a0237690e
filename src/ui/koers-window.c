/* koers-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window per document (koers-document.c), which owns the project, its
 * history, its file and its draft. The window keeps the roadmap built from
 * the project; the canvas, the rationale and the roadmap view edit the
 * project through the history, and the window follows the document's one
 * "changed" per edit, so that an undo shows everywhere at once.
 */
#define G_LOG_DOMAIN "koers-window"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-a11y.h"
#include "koers-findings-list.h"
#include "koers-history-field.h"
#include "koers-model-canvas.h"
#include "koers-model-row.h"
#include "koers-organisation-editor.h"
#include "koers-rationale-panel.h"
#include "koers-render-types.h"
#include "koers-roadmap-view.h"
#include "koers-session.h"
#include "koers-tooltip.h"
#include "koers-window-private.h"

G_DEFINE_FINAL_TYPE (KoersWindow, koers_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- helpers ------------------------------------------------------------ */

static KoersProject *
get_project (KoersWindow *self)
{
  return koers_document_get_project (self->document);
}

static KoersHistory *
get_history (KoersWindow *self)
{
  return koers_document_get_history (self->document);
}

static KoersCatalog *
get_catalog (KoersWindow *self)
{
  return koers_project_get_catalog (get_project (self));
}

/* The sidebar row of @model_id. */
static GtkWidget *
find_model_row (KoersWindow *self,
                const char  *model_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->models_list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (KOERS_IS_MODEL_ROW (child) &&
        g_strcmp0 (koers_model_get_id (koers_model_row_get_model (KOERS_MODEL_ROW (child))), model_id) == 0)
      return child;
  return NULL;
}

static gboolean
has_placements (KoersWindow *self)
{
  KoersCatalog *catalog = get_catalog (self);

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      const char *id = koers_model_get_id (koers_catalog_get_model (catalog, i));

      if (koers_project_get_current (get_project (self), id) != NULL ||
          koers_project_get_target (get_project (self), id) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Each model's colour, for its badges and dots, from the catalog: adding a
 * model file is enough to get its colour in the UI. */
static void
install_model_css (KoersCatalog *catalog)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GString) css = g_string_new (NULL);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "koers-model-css") != NULL)
    return;

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, i);
      const char *color = koers_model_get_color (model);
      KoersColor parsed;

      if (!koers_color_parse (color, &parsed))
        continue;
      g_string_append_printf (css,
                              ".model-badge.model-%s { border-color: %s; background-color: alpha(%s, 0.16); }\n"
                              ".model-dot.model-%s { background-color: %s; }\n",
                              koers_model_get_id (model), color, color,
                              koers_model_get_id (model), color);
    }

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, css->len);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "koers-model-css",
                          g_steal_pointer (&provider), g_object_unref);
}

static char *
escape_underscores (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
update_undo (KoersWindow *self)
{
  const char *undo = koers_history_get_undo_label (get_history (self));
  const char *redo = koers_history_get_redo_label (get_history (self));
  g_autofree char *undo_text = NULL;
  g_autofree char *redo_text = NULL;
  g_autoptr(GMenuItem) undo_item = NULL;
  g_autoptr(GMenuItem) redo_item = NULL;

  if (undo != NULL)
    {
      g_autofree char *escaped = escape_underscores (undo);

      /* TRANSLATORS: a menu item; %s is what undo takes back, e.g. "Move Now marker to Listen" */
      undo_text = g_strdup_printf (_("_Undo: %s"), escaped);
    }
  else
    undo_text = g_strdup (_("_Undo"));

  if (redo != NULL)
    {
      g_autofree char *escaped = escape_underscores (redo);

      /* TRANSLATORS: a menu item; %s is what redo does again */
      redo_text = g_strdup_printf (_("_Redo: %s"), escaped);
    }
  else
    redo_text = g_strdup (_("_Redo"));

  undo_item = g_menu_item_new (undo_text, "win.undo");
  g_menu_item_set_attribute (undo_item, "accel", "s", "<Control>z");
  redo_item = g_menu_item_new (redo_text, "win.redo");
  g_menu_item_set_attribute (redo_item, "accel", "s", "<Control><Shift>z");

  g_menu_remove_all (self->undo_section);
  g_menu_append_item (self->undo_section, undo_item);
  g_menu_append_item (self->undo_section, redo_item);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", koers_history_can_undo (get_history (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", koers_history_can_redo (get_history (self)));
}

static void
update_title (KoersWindow *self)
{
  const char *name = koers_project_get_organisation_name (get_project (self));
  GFile *file = koers_document_get_file (self->document);
  gboolean modified = koers_document_get_modified (self->document);
  const char *marker = modified ? "• " : "";
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file_text = NULL;
  const char *organisation;

  organisation = name != NULL && *name != '\0' ? name : _("Unnamed organisation");
  if (_koers_window_is_loading (self))
    {
      g_autofree char *loading = g_file_get_basename (g_ptr_array_index (self->loading_files, 0));

      /* TRANSLATORS: in the window title while a file is read; %s is its name */
      basename = g_strdup_printf (_("Opening “%s”…"), loading);
    }
  else if (file != NULL)
    basename = g_file_get_basename (file);
  else
    basename = g_strdup (_("Not saved yet"));

  /* TRANSLATORS: the window title: organisation — file name */
  title = g_strdup_printf (_("%s%s — %s"), marker, organisation, basename);
  gtk_window_set_title (GTK_WINDOW (self), title);

  file_text = g_strconcat (marker, basename, NULL);
  adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (self->switcher_title), organisation);
  adw_view_switcher_title_set_subtitle (ADW_VIEW_SWITCHER_TITLE (self->switcher_title), file_text);
  gtk_label_set_text (GTK_LABEL (self->organisation_label), organisation);
  /* A screen reader hears the name and what clicking it does. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->organisation_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, organisation,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Edit the organisation"),
                                  -1);
  gtk_label_set_text (GTK_LABEL (self->file_label), file_text);
  koers_tooltip_set (self->file_label, modified ? _("Changed since it was last saved") : NULL);
  _koers_window_sync_inhibit (self);
}

static void
sync_organisation_entry (KoersWindow *self)
{
  koers_history_field_show (GTK_EDITABLE (self->organisation_entry),
                            koers_project_get_organisation_name (get_project (self)), &self->syncing);
}

/* Takes @roadmap, or builds it when %NULL. */
static void
show_roadmap (KoersWindow  *self,
              KoersRoadmap *roadmap)
{
  const GPtrArray *findings;
  gboolean warnings = FALSE;

  g_clear_object (&self->roadmap);
  self->roadmap = roadmap ? roadmap : koers_roadmap_build (get_project (self), NULL);

  koers_findings_list_set_roadmap (KOERS_FINDINGS_LIST (self->assess_findings), self->roadmap, get_catalog (self));
  koers_roadmap_view_set_roadmap (KOERS_ROADMAP_VIEW (self->roadmap_view), self->roadmap);

  /* A warning shows as a dot on the Roadmap switcher, wherever you are. */
  findings = koers_roadmap_get_findings (self->roadmap);
  for (guint i = 0; i < findings->len && !warnings; i++)
    warnings = ((const KoersFinding *) g_ptr_array_index (findings, i))->severity == KOERS_SEVERITY_WARNING;
  _koers_window_show_roadmap_warnings (self, warnings);
}

static void
rebuild_roadmap (KoersWindow *self)
{
  show_roadmap (self, NULL);
}

static void
update_model_row (KoersWindow *self,
                  const char  *model_id)
{
  GtkWidget *row = find_model_row (self, model_id);

  if (row != NULL)
    koers_model_row_update (KOERS_MODEL_ROW (row), get_project (self));
}

static void
update_empty_state (KoersWindow *self)
{
  gtk_widget_set_visible (self->empty_state, !has_placements (self));
}

static void
update_stage_card (KoersWindow *self)
{
  KoersModel *model = koers_model_canvas_get_model (KOERS_MODEL_CANVAS (self->canvas));
  const char *stage_id = koers_model_canvas_get_selected_stage (KOERS_MODEL_CANVAS (self->canvas));
  const KoersStage *stage = model && stage_id ? koers_model_find_stage (model, stage_id) : NULL;

  if (stage == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->stage_title), _("Choose a stage"));
      gtk_label_set_text (GTK_LABEL (self->stage_description),
                          _("Click a stage in the diagram, or use the arrow keys, to read what it means."));
      gtk_widget_add_css_class (self->stage_description, "dim-label");
      return;
    }

  if (stage->tagline != NULL)
    {
      /* TRANSLATORS: a stage and its tagline, e.g. "Listen: weigh before you act" */
      g_autofree char *title = g_strdup_printf (_("%s — %s"), stage->name, stage->tagline);

      gtk_label_set_text (GTK_LABEL (self->stage_title), title);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->stage_title), stage->name);
  gtk_label_set_text (GTK_LABEL (self->stage_description), stage->description);
  gtk_widget_remove_css_class (self->stage_description, "dim-label");
}

static void
show_model (KoersWindow *self,
            KoersModel  *model)
{
  const char *note;
  g_autofree char *source = NULL;

  koers_model_canvas_set_model (KOERS_MODEL_CANVAS (self->canvas), model);
  koers_rationale_panel_set_model (KOERS_RATIONALE_PANEL (self->rationale), model);
  koers_findings_list_set_filter (KOERS_FINDINGS_LIST (self->assess_findings),
                                  model ? koers_model_get_id (model) : NULL);

  if (model == NULL)
    return;

  gtk_label_set_text (GTK_LABEL (self->model_title), koers_model_get_name (model));
  note = koers_model_get_note (model);
  if (note != NULL)
    {
      g_autofree char *summary = g_strdup_printf ("%s\n%s", koers_model_get_summary (model), note);

      gtk_label_set_text (GTK_LABEL (self->model_summary), summary);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->model_summary), koers_model_get_summary (model));
  /* TRANSLATORS: who made a model, e.g. "After Bart van der Kooi, SocialMediaModellen.nl" */
  source = g_strdup_printf (_("After %s"), koers_model_get_source (model));
  gtk_label_set_text (GTK_LABEL (self->model_source), source);
  update_stage_card (self);
  _koers_window_update_suggestion (self);
}

/* --- callbacks ---------------------------------------------------------- */

/* KoersDocument::changed: once per edit, undo or redo, after the history
 * recorded it, so the undo menu is rebuilt once and shows this edit. The
 * title follows the modified state on its own (notify::modified), and
 * the name here. */
static void
document_changed_cb (KoersWindow   *self,
                     KoersField     field,
                     const char    *key,
                     KoersDocument *document)
{
  switch (field)
    {
    case KOERS_FIELD_CURRENT:
    case KOERS_FIELD_TARGET:
      update_model_row (self, key);
      update_empty_state (self);
      rebuild_roadmap (self);
      break;
    case KOERS_FIELD_ROADMAP_START:
    case KOERS_FIELD_ANSWER:
    case KOERS_FIELD_OTHER:
    case KOERS_FIELD_OTHER_NAME:
    case KOERS_FIELD_OTHER_NOW:
    case KOERS_FIELD_ROUNDS:
      rebuild_roadmap (self);
      break;
    case KOERS_FIELD_ORGANISATION_NAME:
      sync_organisation_entry (self);
      update_title (self);
      break;
    case KOERS_FIELD_ITEM_STATUS:
    case KOERS_FIELD_ITEM_OWNER:
    case KOERS_FIELD_ITEM_DUE:
    case KOERS_FIELD_ITEM_NOTE:
      /* The rows show the project itself: the roadmap stays as it is. */
      break;
    case KOERS_FIELD_ORGANISATION_DESCRIPTION:
    case KOERS_FIELD_RATIONALE:
    case KOERS_FIELD_ASSESSED:
    default:
      break;
    }
  if (field == KOERS_FIELD_ANSWER || field == KOERS_FIELD_CURRENT)
    _koers_window_update_suggestion (self);
  update_undo (self);
}

static void
draft_failed_cb (KoersWindow   *self,
                 const GError  *error,
                 KoersDocument *document)
{
  AdwToast *toast;

  /* Said once per window, in a toast, not in a dialog every two seconds. */
  if (self->draft_error_shown)
    return;
  self->draft_error_shown = TRUE;
  toast = adw_toast_new (_("Could not keep a safety copy of your changes: save the project to keep them"));
  adw_toast_set_timeout (toast, 0);
  _koers_window_show_toast (self, toast);
}

static void
organisation_changed_cb (KoersWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!koers_history_field_store (get_history (self), KOERS_FIELD_ORGANISATION_NAME, NULL,
                                  gtk_editable_get_text (GTK_EDITABLE (self->organisation_entry)),
                                  &self->syncing, &error))
    g_warning ("Cannot rename the organisation: %s", error->message);
}

static void
organisation_focus_leave_cb (KoersWindow *self)
{
  /* Focus also leaves while the window is destroyed. */
  if (self->document != NULL)
    koers_history_seal (get_history (self));
}

/* The list has no selection of its own (focus would select), so the row of
 * the model shown is marked here, for the eye and for screen readers. */
static void
choose_model_row (KoersWindow   *self,
                  GtkListBoxRow *row)
{
  GtkAdjustment *scroll;

  for (GtkWidget *child = gtk_widget_get_first_child (self->models_list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gboolean current = child == GTK_WIDGET (row);

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      if (current)
        gtk_widget_add_css_class (child, "koers-current");
      else
        gtk_widget_remove_css_class (child, "koers-current");
      gtk_accessible_update_state (GTK_ACCESSIBLE (child),
                                   GTK_ACCESSIBLE_STATE_SELECTED, current,
                                   -1);
    }

  show_model (self, koers_model_row_get_model (KOERS_MODEL_ROW (row)));

  /* A new model starts at its title, not at the old model's scroll. */
  scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->content));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_lower (scroll));
}

static void
model_activated_cb (KoersWindow   *self,
                    GtkListBoxRow *row,
                    GtkListBox    *list)
{
  if (KOERS_IS_MODEL_ROW (row))
    choose_model_row (self, row);
  _koers_window_model_activated (self);
}

static void
canvas_placed_cb (KoersWindow *self,
                  KoersMarker  marker,
                  const char  *stage_id)
{
  KoersModel *model = koers_model_canvas_get_model (KOERS_MODEL_CANVAS (self->canvas));
  const KoersStage *stage = stage_id ? koers_model_find_stage (model, stage_id) : NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (stage == NULL)
    title = g_strdup (marker == KOERS_MARKER_CURRENT ? _("Now removed") : _("Goal removed"));
  else if (marker == KOERS_MARKER_CURRENT)
    /* TRANSLATORS: a toast after a drop; %s is a stage, e.g. "Now moved to Listen" */
    title = g_strdup_printf (_("Now moved to %s"), stage->name);
  else
    /* TRANSLATORS: a toast after a drop; %s is a stage, e.g. "Goal moved to Create" */
    title = g_strdup_printf (_("Goal moved to %s"), stage->name);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_timeout (toast, 5);
  _koers_window_show_toast (self, toast);
}

/* --- overrides ---------------------------------------------------------- */

/* Shows the document everywhere: at construction, and when a file opens
 * into an untouched window. */
static void
attach_document (KoersWindow *self)
{
  KoersCatalog *catalog = get_catalog (self);

  g_signal_group_set_target (self->document_signals, self->document);
  koers_model_canvas_set_history (KOERS_MODEL_CANVAS (self->canvas), get_history (self));
  koers_rationale_panel_set_history (KOERS_RATIONALE_PANEL (self->rationale), get_history (self));
  koers_roadmap_view_set_history (KOERS_ROADMAP_VIEW (self->roadmap_view), get_history (self));
  if (self->organisation_editor != NULL)
    koers_organisation_editor_set_history (KOERS_ORGANISATION_EDITOR (self->organisation_editor), get_history (self));

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    update_model_row (self, koers_model_get_id (koers_catalog_get_model (catalog, i)));

  sync_organisation_entry (self);
  /* A document read on a worker brings its roadmap along. */
  show_roadmap (self, koers_document_take_roadmap (self->document));
  update_empty_state (self);
  update_undo (self);
  update_title (self);
  _koers_window_update_file_actions (self);
}

/* A menu model on a button builds the menu's widgets at once, and again
 * on each change of its sections (undo and redo change with every edit):
 * the main menu is only given its model when it is first opened. */
static void
create_primary_popover (GtkMenuButton *button,
                        gpointer       user_data)
{
  KoersWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (self->primary_menu));
}

/* The organisation editor is a form of its own that no first frame
 * shows: it is made when its button is first clicked. */
static void
create_organisation_popover (GtkMenuButton *button,
                             gpointer       user_data)
{
  KoersWindow *self = user_data;
  GtkWidget *popover;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  self->organisation_editor = koers_organisation_editor_new ();
  koers_organisation_editor_set_history (KOERS_ORGANISATION_EDITOR (self->organisation_editor), get_history (self));
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), self->organisation_editor);
  gtk_menu_button_set_popover (button, popover);
  koers_a11y_name_controls (popover);
}

static gboolean
start_recent_idle (gpointer data)
{
  koers_session_start_recent ();
  return G_SOURCE_REMOVE;
}

/* The first frame's tick: its layout and paint follow at once, and a
 * low-priority idle only after them. */
static gboolean
first_frame_tick (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  g_idle_add_full (G_PRIORITY_LOW, start_recent_idle, NULL, NULL);
  return G_SOURCE_REMOVE;
}

static void
koers_window_constructed (GObject *object)
{
  KoersWindow *self = (KoersWindow *) object;
  KoersCatalog *catalog;
  g_autoptr(GMenu) file_section = g_menu_new ();
  g_autoptr(GMenu) save_section = g_menu_new ();
  g_autoptr(GMenu) help_section = g_menu_new ();

  G_OBJECT_CLASS (koers_window_parent_class)->constructed (object);

  if (self->document == NULL)
    self->document = koers_document_new (NULL, NULL, koers_session_get_drafts ());
  catalog = get_catalog (self);
  install_model_css (catalog);

  /* The primary menu, with undo and redo named after what they do. */
  self->primary_menu = g_menu_new ();
  self->undo_section = g_menu_new ();
  g_menu_append (file_section, _("_New Window"), "app.new-window");
  g_menu_append (file_section, _("_Open…"), "win.open");
  g_menu_append_submenu (file_section, _("Open _Recent"), koers_session_get_recent_menu ());
  g_menu_append (save_section, _("_Save"), "win.save");
  g_menu_append (save_section, _("Save _As…"), "win.save-as");
  g_menu_append (save_section, _("_Export…"), "win.export");
  g_menu_append (save_section, _("_Other Organisations…"), "win.edit-others");
  g_menu_append (save_section, _("_Rounds…"), "win.show-rounds");
  g_menu_append (save_section, _("_Show Other Organisations"), "win.show-others");
  g_menu_append (help_section, _("_Keyboard Shortcuts"), "win.show-help-overlay");
  g_menu_append (help_section, _("_Help"), "app.help");
  g_menu_append (help_section, _("_About Koers"), "app.about");
  g_menu_append_section (self->primary_menu, NULL, G_MENU_MODEL (file_section));
  g_menu_append_section (self->primary_menu, NULL, G_MENU_MODEL (save_section));
  g_menu_append_section (self->primary_menu, NULL, G_MENU_MODEL (self->undo_section));
  g_menu_append_section (self->primary_menu, NULL, G_MENU_MODEL (help_section));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button), create_primary_popover, self, NULL);
  adw_split_button_set_menu_model (ADW_SPLIT_BUTTON (self->open_button), koers_session_get_recent_menu ());
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->organisation_button),
                                         create_organisation_popover, self, NULL);

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      GtkWidget *row = koers_model_row_new (koers_catalog_get_model (catalog, i));

      gtk_list_box_append (GTK_LIST_BOX (self->models_list), row);
    }

  attach_document (self);
  koers_history_field_setup (GTK_EDITABLE (self->organisation_entry), G_CALLBACK (organisation_changed_cb),
                             G_CALLBACK (organisation_focus_leave_cb), self);

  choose_model_row (self, gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->models_list), 0));

  _koers_window_layout_init (self);
  koers_a11y_name_controls (GTK_WIDGET (self));
  /* Recent files: see koers_session_start_recent(). */
  gtk_widget_add_tick_callback (GTK_WIDGET (self), first_frame_tick, NULL, NULL);

  if (!has_placements (self))
    gtk_widget_grab_focus (self->organisation_entry);
}

static void
koers_window_dispose (GObject *object)
{
  KoersWindow *self = (KoersWindow *) object;

  _koers_window_layout_dispose (self);
  _koers_window_files_dispose (self);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_WINDOW);
  self->organisation_editor = NULL;

  g_clear_object (&self->toast);
  g_clear_object (&self->primary_menu);
  g_clear_object (&self->undo_section);
  g_clear_object (&self->roadmap);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (koers_window_parent_class)->dispose (object);
}

static void
koers_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KoersWindow *self = KOERS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KoersWindow *self = KOERS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_window_class_init (KoersWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = koers_window_constructed;
  object_class->dispose = koers_window_dispose;
  object_class->get_property = koers_window_get_property;
  object_class->set_property = koers_window_set_property;

  window_class->close_request = _koers_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, KOERS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KOERS_TYPE_MODEL_CANVAS);
  g_type_ensure (KOERS_TYPE_FINDINGS_LIST);
  g_type_ensure (KOERS_TYPE_RATIONALE_PANEL);
  g_type_ensure (KOERS_TYPE_ROADMAP_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koers-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, assess_button);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, organisation_button);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, organisation_label);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, file_label);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, models_list);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, content);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, content_clamp);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, columns);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, main_column);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, side_column);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, side_clamp);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, empty_state);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, organisation_entry);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, model_title);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, model_summary);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, model_source);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, stage_card);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, stage_title);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, stage_description);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, assess_findings);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, rationale);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, roadmap_view);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, switcher_bar);
  gtk_widget_class_bind_template_callback_full (widget_class, "back_clicked_cb", G_CALLBACK (_koers_window_back_clicked));
  gtk_widget_class_bind_template_callback_full (widget_class, "update_back_button", G_CALLBACK (_koers_window_update_back_button));
  gtk_widget_class_bind_template_callback (widget_class, model_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_placed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_stage_card);

  _koers_window_class_actions_init (widget_class);
}

/* The header's and the page's tooltips, set here rather than in the
 * template: there, each would cost three round trips to an X server
 * before the first frame (koers-tooltip.c). */
static void
set_tooltips (KoersWindow *self)
{
  const struct {
    GtkWidget  *widget;
    const char *text;
  } tooltips[] = {
    { self->back_button, N_("Back to the Models") },
    { self->open_button, N_("Open…") },
    { self->menu_button, N_("Main Menu") },
    { self->save_button, N_("Save") },
    { self->export_button, N_("Export…") },
    { self->organisation_button, N_("Edit the organisation") },
    { self->assess_button, N_("Answer statements about your organisation; Koers suggests where to place Now") },
  };

  GtkWidget *dropdown = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tooltips); i++)
    koers_tooltip_set (tooltips[i].widget, _(tooltips[i].text));

  /* The split button's arrow is a menu button of its own. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->open_button);
       child != NULL && dropdown == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      dropdown = child;
  if (dropdown != NULL)
    koers_tooltip_set (dropdown, _("Recent Projects"));
  else
    adw_split_button_set_dropdown_tooltip (ADW_SPLIT_BUTTON (self->open_button), _("Recent Projects"));
}

static void
koers_window_init (KoersWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_tooltips (self);
  _koers_window_actions_init (self);
  _koers_window_files_init (self);

  self->document_signals = g_signal_group_new (KOERS_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "draft-failed", G_CALLBACK (draft_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::modified", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::file", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::busy", G_CALLBACK (_koers_window_update_file_actions), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::changed-on-disk", G_CALLBACK (_koers_window_changed_on_disk), self, G_CONNECT_SWAPPED);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* --- private API -------------------------------------------------------- */

/* Puts @document in place of the window's document. */
void
_koers_window_set_document (KoersWindow   *self,
                            KoersDocument *document)
{
  g_assert (KOERS_IS_WINDOW (self));
  g_assert (KOERS_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;
  self->draft_error_shown = FALSE;
  attach_document (self);
  show_model (self, koers_model_canvas_get_model (KOERS_MODEL_CANVAS (self->canvas)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
_koers_window_update_title (KoersWindow *self)
{
  g_assert (KOERS_IS_WINDOW (self));
  update_title (self);
}

void
_koers_window_update_undo (KoersWindow *self)
{
  g_assert (KOERS_IS_WINDOW (self));
  update_undo (self);
}

/* One toast at a time: a quick second one replaces the first. Takes
 * @toast, a floating or new reference. */
void
_koers_window_show_toast (KoersWindow *self,
                          AdwToast    *toast)
{
  g_assert (KOERS_IS_WINDOW (self));
  g_assert (ADW_IS_TOAST (toast));

  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_clear_object (&self->toast);

  self->toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
  /* The toast's buttons exist from here on: "_Undo" needs its name. */
  koers_a11y_name_controls (GTK_WIDGET (self->toast_overlay));
}

/* --- public API --------------------------------------------------------- */

/**
 * koers_window_new:
 * @application: (nullable): the application, or %NULL (tests)
 * @document: (nullable): the document to show; %NULL for a new project
 *
 * Returns: (transfer none): a window owned by GTK; close it with
 *   gtk_window_destroy()
 */
KoersWindow *
koers_window_new (GtkApplication *application,
                  KoersDocument  *document)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (document == NULL || KOERS_IS_DOCUMENT (document), NULL);

  return g_object_new (KOERS_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);
}

/**
 * koers_window_get_primary_menu:
 *
 * The main menu, with undo and redo named after what they do. Its button
 * is given it when it is first opened.
 *
 * Returns: (transfer none): the main menu's model
 */
GMenuModel *
koers_window_get_primary_menu (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);

  return G_MENU_MODEL (self->primary_menu);
}

/**
 * koers_window_get_document:
 *
 * Returns: (transfer none): the document the window shows
 */
KoersDocument *
koers_window_get_document (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return self->document;
}

/**
 * koers_window_get_selected_model:
 *
 * Returns: (nullable): the id of the model shown on the Assess page
 */
const char *
koers_window_get_selected_model (KoersWindow *self)
{
  KoersModel *model;

  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);

  model = koers_model_canvas_get_model (KOERS_MODEL_CANVAS (self->canvas));
  return model ? koers_model_get_id (model) : NULL;
}

/**
 * koers_window_select_model:
 *
 * Shows @model_id's canvas, rationale and findings on the Assess page.
 */
void
koers_window_select_model (KoersWindow *self,
                           const char  *model_id)
{
  GtkWidget *row;

  g_return_if_fail (KOERS_IS_WINDOW (self));

  row = find_model_row (self, model_id);
  if (row != NULL)
    choose_model_row (self, GTK_LIST_BOX_ROW (row));
}

/**
 * koers_window_get_view:
 *
 * Returns: the page shown: "assess" or "roadmap"
 */
const char *
koers_window_get_view (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (self->view_stack));
}

/**
 * koers_window_set_view:
 * @view: "assess" or "roadmap"
 */
void
koers_window_set_view (KoersWindow *self,
                       const char  *view)
{
  g_return_if_fail (KOERS_IS_WINDOW (self));

  if (g_strcmp0 (view, "assess") == 0 || g_strcmp0 (view, "roadmap") == 0)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->view_stack), view);
}

/**
 * koers_window_show_error:
 *
 * Tells the user what went wrong in a dialog over the window.
 */
void
koers_window_show_error (KoersWindow *self,
                         const char  *heading,
                         const char  *message)
{
  GtkWidget *dialog;

  g_return_if_fail (KOERS_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
