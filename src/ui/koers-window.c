/* koers-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window per project. The window owns the project's history and the
 * roadmap built from it; the canvas, the rationale and the roadmap view
 * edit the project through the history and follow its "changed" signal,
 * so that an undo shows everywhere at once.
 */
#define G_LOG_DOMAIN "koers-window"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-findings-list.h"
#include "koers-model-canvas.h"
#include "koers-model-row.h"
#include "koers-organisation-editor.h"
#include "koers-rationale-panel.h"
#include "koers-render-types.h"
#include "koers-roadmap-view.h"
#include "koers-session.h"
#include "koers-window-private.h"

G_DEFINE_FINAL_TYPE (KoersWindow, koers_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FILE,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- helpers ------------------------------------------------------------ */

static KoersCatalog *
get_catalog (KoersWindow *self)
{
  return koers_project_get_catalog (self->project);
}

static gboolean
has_placements (KoersWindow *self)
{
  KoersCatalog *catalog = get_catalog (self);

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      const char *id = koers_model_get_id (koers_catalog_get_model (catalog, i));

      if (koers_project_get_current (self->project, id) != NULL ||
          koers_project_get_target (self->project, id) != NULL)
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
  const char *undo = koers_history_get_undo_label (self->history);
  const char *redo = koers_history_get_redo_label (self->history);
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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", koers_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", koers_history_can_redo (self->history));
}

static void
update_title (KoersWindow *self)
{
  const char *name = koers_project_get_organisation_name (self->project);
  gboolean modified = koers_window_get_modified (self);
  const char *marker = modified ? "• " : "";
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file_text = NULL;
  const char *organisation;

  organisation = name != NULL && *name != '\0' ? name : _("Unnamed organisation");
  if (self->file != NULL)
    basename = g_file_get_basename (self->file);
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
  gtk_widget_set_tooltip_text (self->file_label, modified ? _("Changed since it was last saved") : NULL);
  _koers_window_sync_inhibit (self);
}

static void
sync_organisation_entry (KoersWindow *self)
{
  const char *name = koers_project_get_organisation_name (self->project);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->organisation_entry)), name ? name : "") == 0)
    return;
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_entry), name ? name : "");
  /* After an undo in the field, typing goes on at the end. */
  gtk_editable_set_position (GTK_EDITABLE (self->organisation_entry), -1);
  self->syncing = FALSE;
}

static void
rebuild_roadmap (KoersWindow *self)
{
  const GPtrArray *findings;
  gboolean warnings = FALSE;

  g_clear_object (&self->roadmap);
  self->roadmap = koers_roadmap_build (self->project, NULL);
  self->roadmap_stale = FALSE;

  koers_findings_list_set_roadmap (KOERS_FINDINGS_LIST (self->assess_findings), self->roadmap, get_catalog (self));
  koers_roadmap_view_set_roadmap (KOERS_ROADMAP_VIEW (self->roadmap_view), self->roadmap);

  /* A warning shows as a dot on the Roadmap switcher, wherever you are. */
  findings = koers_roadmap_get_findings (self->roadmap);
  for (guint i = 0; i < findings->len && !warnings; i++)
    warnings = ((const KoersFinding *) g_ptr_array_index (findings, i))->severity == KOERS_SEVERITY_WARNING;
  adw_view_stack_page_set_needs_attention (adw_view_stack_get_page (ADW_VIEW_STACK (self->view_stack),
                                                                    self->roadmap_view),
                                           warnings);
}

static void
update_model_row (KoersWindow *self,
                  const char  *model_id)
{
  GtkWidget *row = koers_window_get_model_row (self, model_id);

  if (row != NULL)
    koers_model_row_update (KOERS_MODEL_ROW (row), self->project);
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
}

/* --- callbacks ---------------------------------------------------------- */

static void
project_changed_cb (KoersWindow  *self,
                    int           field,
                    const char   *key,
                    KoersProject *project)
{
  _koers_window_project_changed (self);

  switch (field)
    {
    case KOERS_FIELD_CURRENT:
    case KOERS_FIELD_TARGET:
      update_model_row (self, key);
      update_empty_state (self);
      rebuild_roadmap (self);
      break;
    case KOERS_FIELD_ROADMAP_START:
      rebuild_roadmap (self);
      break;
    case KOERS_FIELD_ORGANISATION_NAME:
      sync_organisation_entry (self);
      update_title (self);
      self->roadmap_stale = TRUE;
      break;
    case KOERS_FIELD_ITEM_STATUS:
    case KOERS_FIELD_ITEM_OWNER:
    case KOERS_FIELD_ITEM_DUE:
    case KOERS_FIELD_ITEM_NOTE:
      /* The rows show the project itself; the roadmap object is only
       * rebuilt when someone asks for it. */
      self->roadmap_stale = TRUE;
      break;
    default:
      break;
    }
}

static void
history_notify_cb (KoersWindow *self)
{
  update_undo (self);
  update_title (self);
}

static void
organisation_changed_cb (KoersWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing)
    return;
  self->syncing = TRUE;
  if (!koers_history_set (self->history, KOERS_FIELD_ORGANISATION_NAME, NULL,
                          gtk_editable_get_text (GTK_EDITABLE (self->organisation_entry)), &error))
    g_warning ("Cannot rename the organisation: %s", error->message);
  self->syncing = FALSE;
}

static void
organisation_focus_leave_cb (KoersWindow *self)
{
  /* Focus also leaves while the window is destroyed. */
  if (self->history != NULL)
    koers_history_seal (self->history);
}

static void
model_selected_cb (KoersWindow   *self,
                   GtkListBoxRow *row,
                   GtkListBox    *list)
{
  if (row != NULL)
    show_model (self, koers_model_row_get_model (KOERS_MODEL_ROW (row)));
}

static void
model_activated_cb (KoersWindow   *self,
                    GtkListBoxRow *row,
                    GtkListBox    *list)
{
  if (adw_leaflet_get_folded (ADW_LEAFLET (self->leaflet)))
    adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_FORWARD);
}

static gboolean
update_back_button_cb (gpointer data)
{
  KoersWindow *self = data;
  gboolean assess = g_strcmp0 (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (self->view_stack)), "assess") == 0;
  gboolean folded = adw_leaflet_get_folded (ADW_LEAFLET (self->leaflet));
  gboolean on_content = adw_leaflet_get_visible_child (ADW_LEAFLET (self->leaflet)) == self->content;

  self->back_source = 0;
  gtk_widget_set_visible (self->back_button, assess && folded && on_content);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being laid out, after the header bar was:
 * change the header bar after the layout, not in the middle of it. */
static void
update_back_button (KoersWindow *self)
{
  if (self->back_source == 0)
    self->back_source = g_idle_add (update_back_button_cb, self);
}

/* libadwaita 1.2 has no breakpoints: below NARROW_WIDTH the header bar
 * keeps only the menu (which has Open, Save and Export too), so that the
 * window fits a 360 px phone; from WIDE_WIDTH on, the rationale, the
 * findings and the stage stand beside a larger diagram instead of below
 * it, so that a large screen shows it all at once. */
#define NARROW_WIDTH 560
#define WIDE_WIDTH   1500

static void
update_narrow (KoersWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height;
  gboolean narrow, wide;

  if (width <= 0)
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  narrow = width > 0 && width < NARROW_WIDTH;
  wide = width >= WIDE_WIDTH;

  gtk_widget_set_visible (self->open_button, !narrow);
  gtk_widget_set_visible (self->save_button, !narrow);
  gtk_widget_set_visible (self->export_button, !narrow);
  adw_header_bar_set_centering_policy (ADW_HEADER_BAR (self->header_bar),
                                       narrow ? ADW_CENTERING_POLICY_LOOSE : ADW_CENTERING_POLICY_STRICT);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns),
                                  wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self->columns), wide ? 24 : 18);
  gtk_widget_set_size_request (self->side_column, wide ? 360 : -1, -1);
  adw_clamp_set_maximum_size (ADW_CLAMP (self->side_clamp), wide ? 440 : 960);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (self->side_clamp), wide ? 440 : 960);
  adw_clamp_set_maximum_size (ADW_CLAMP (self->content_clamp), wide ? 1800 : 960);
  koers_model_canvas_set_max_height (KOERS_MODEL_CANVAS (self->canvas), wide ? 760 : 460);
}

static gboolean
update_narrow_cb (gpointer data)
{
  KoersWindow *self = data;

  self->narrow_source = 0;
  update_narrow (self);
  return G_SOURCE_REMOVE;
}

/* The size changes during a layout; change the header bar after it. */
static void
default_width_cb (KoersWindow *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_narrow (self);
  else if (self->narrow_source == 0)
    self->narrow_source = g_idle_add (update_narrow_cb, self);
}

static void
back_clicked_cb (KoersWindow *self)
{
  adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

static void
canvas_placed_cb (KoersWindow *self,
                  int          marker,
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

/* A field may hold an edit the history has not seen yet (an emptied date
 * is stored once the main loop runs): the field with the focus puts it in
 * the history first, through its "edit.commit" action, and the edit ends
 * there, so that undo takes back all of it and nothing after it. */
static void
commit_edit (KoersWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL)
    gtk_widget_activate_action (focus, "edit.commit", NULL);
  koers_history_seal (self->history);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KoersWindow *self = KOERS_WINDOW (widget);

  commit_edit (self);
  koers_history_undo (self->history);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KoersWindow *self = KOERS_WINDOW (widget);

  commit_edit (self);
  koers_history_redo (self->history);
}

/* The Keyboard Shortcuts window, made when first asked for. GTK would
 * build it for every new window from gtk/help-overlay.ui, some 4 ms
 * before the first frame, for a window few people open; so the file is
 * kept under another name and the action is ours. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KoersWindow *self = KOERS_WINDOW (widget);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource ("/io/github/koersapp/Koers/ui/shortcuts.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (shortcuts, TRUE);
  gtk_window_present (shortcuts);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  koers_window_set_view (KOERS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* --- overrides ---------------------------------------------------------- */

/* Shows @self->project everywhere, with a history of its own: at
 * construction, and when a file opens into an untouched window. */
static void
attach_project (KoersWindow *self)
{
  KoersCatalog *catalog = get_catalog (self);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  self->history = koers_history_new (self->project);
  g_signal_connect_object (self->history, "notify::undo-label", G_CALLBACK (history_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::redo-label", G_CALLBACK (history_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::modified", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  self->changed_id = g_signal_connect_swapped (self->project, "changed", G_CALLBACK (project_changed_cb), self);

  koers_model_canvas_set_history (KOERS_MODEL_CANVAS (self->canvas), self->history);
  koers_rationale_panel_set_history (KOERS_RATIONALE_PANEL (self->rationale), self->history);
  koers_organisation_editor_set_history (KOERS_ORGANISATION_EDITOR (self->organisation_editor), self->history);
  koers_roadmap_view_set_history (KOERS_ROADMAP_VIEW (self->roadmap_view), self->history);

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    update_model_row (self, koers_model_get_id (koers_catalog_get_model (catalog, i)));

  sync_organisation_entry (self);
  rebuild_roadmap (self);
  update_empty_state (self);
  update_undo (self);
  update_title (self);
}

static void
koers_window_constructed (GObject *object)
{
  KoersWindow *self = (KoersWindow *) object;
  KoersCatalog *catalog;
  GtkEventController *controller;
  g_autoptr(GMenu) file_section = g_menu_new ();
  g_autoptr(GMenu) save_section = g_menu_new ();
  g_autoptr(GMenu) help_section = g_menu_new ();

  G_OBJECT_CLASS (koers_window_parent_class)->constructed (object);

  if (self->project == NULL)
    self->project = koers_project_new (koers_catalog_get_builtin ());
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
  g_menu_append (help_section, _("_Keyboard Shortcuts"), "win.show-help-overlay");
  g_menu_append (help_section, _("_Help"), "app.help");
  g_menu_append (help_section, _("_About Koers"), "app.about");
  g_menu_append_section (self->primary_menu, NULL, G_MENU_MODEL (file_section));
  g_menu_append_section (self->primary_menu, NULL, G_MENU_MODEL (save_section));
  g_menu_append_section (self->primary_menu, NULL, G_MENU_MODEL (self->undo_section));
  g_menu_append_section (self->primary_menu, NULL, G_MENU_MODEL (help_section));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), G_MENU_MODEL (self->primary_menu));
  adw_split_button_set_menu_model (ADW_SPLIT_BUTTON (self->open_button), koers_session_get_recent_menu ());

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      GtkWidget *row = koers_model_row_new (koers_catalog_get_model (catalog, i));

      gtk_list_box_append (GTK_LIST_BOX (self->models_list), row);
    }

  attach_project (self);
  g_signal_connect_swapped (self->organisation_entry, "changed", G_CALLBACK (organisation_changed_cb), self);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->organisation_entry), FALSE);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (organisation_focus_leave_cb), self);
  gtk_widget_add_controller (self->organisation_entry, controller);

  gtk_list_box_select_row (GTK_LIST_BOX (self->models_list),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->models_list), 0));

  /* On a narrow window, start on the diagram, not on the list. */
  adw_leaflet_set_visible_child (ADW_LEAFLET (self->leaflet), self->content);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (default_width_cb), NULL);
  update_narrow (self);

  if (!has_placements (self))
    gtk_widget_grab_focus (self->organisation_entry);
}

static void
koers_window_dispose (GObject *object)
{
  KoersWindow *self = (KoersWindow *) object;

  g_clear_handle_id (&self->narrow_source, g_source_remove);
  g_clear_handle_id (&self->back_source, g_source_remove);
  _koers_window_files_dispose (self);
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);

  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_WINDOW);

  g_clear_object (&self->toast);
  g_clear_object (&self->primary_menu);
  g_clear_object (&self->undo_section);
  g_clear_object (&self->roadmap);
  g_clear_object (&self->history);
  g_clear_object (&self->project);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (koers_window_parent_class)->dispose (object);
}

static void
koers_window_finalize (GObject *object)
{
  KoersWindow *self = (KoersWindow *) object;

  g_free (self->last_toast);

  G_OBJECT_CLASS (koers_window_parent_class)->finalize (object);
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
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
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
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_FILE:
      koers_window_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);

  /* Undo and redo are bound in add_undo_shortcuts(). */
  _koers_window_class_files_init (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "assess");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "roadmap");
}

static void
koers_window_class_init (KoersWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = koers_window_constructed;
  object_class->dispose = koers_window_dispose;
  object_class->finalize = koers_window_finalize;
  object_class->get_property = koers_window_get_property;
  object_class->set_property = koers_window_set_property;

  window_class->close_request = _koers_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, KOERS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, KOERS_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KOERS_TYPE_MODEL_CANVAS);
  g_type_ensure (KOERS_TYPE_FINDINGS_LIST);
  g_type_ensure (KOERS_TYPE_ORGANISATION_EDITOR);
  g_type_ensure (KOERS_TYPE_RATIONALE_PANEL);
  g_type_ensure (KOERS_TYPE_ROADMAP_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koers-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, organisation_button);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, organisation_label);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, organisation_editor);
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
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_back_button);
  gtk_widget_class_bind_template_callback (widget_class, model_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, model_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_placed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_stage_card);

  koers_window_class_actions_init (widget_class);
}

/* Ctrl+Z and Ctrl+Shift+Z undo and redo the project, wherever the focus
 * is. The text fields have an undo of their own, bound to the same keys,
 * which a class binding of the window only sees after them: GTK 4.8 keeps
 * GtkText's "text.undo" enabled even with its undo turned off, so the key
 * stopped in the field and did nothing. The window takes these keys first
 * (the capture phase); when there is nothing to undo, win.undo is disabled
 * and the key goes on to the focused widget as before. */
static void
add_undo_shortcuts (KoersWindow *self)
{
  static const struct {
    guint           keyval;
    GdkModifierType modifiers;
    const char     *action;
  } keys[] = {
    { GDK_KEY_z, GDK_CONTROL_MASK, "win.undo" },
    /* A key trigger matches Z as well as z. */
    { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo" },
    { GDK_KEY_y, GDK_CONTROL_MASK, "win.redo" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_name (controller, "koers-undo-shortcuts");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, keys[i].modifiers),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
koers_window_init (KoersWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_undo_shortcuts (self);
  _koers_window_files_init (self);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* --- private API -------------------------------------------------------- */

/* Puts @project (and @file) in place of the window's project. */
void
_koers_window_set_project (KoersWindow  *self,
                           KoersProject *project,
                           GFile        *file)
{
  g_assert (KOERS_IS_WINDOW (self));
  g_assert (KOERS_IS_PROJECT (project));

  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_set_object (&self->project, project);
  g_set_object (&self->file, file);
  attach_project (self);
  show_model (self, koers_model_canvas_get_model (KOERS_MODEL_CANVAS (self->canvas)));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

void
_koers_window_update_title (KoersWindow *self)
{
  g_assert (KOERS_IS_WINDOW (self));
  update_title (self);
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

  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));
}

/* --- public API --------------------------------------------------------- */

/**
 * koers_window_new:
 * @application: (nullable): the application, or %NULL (tests)
 * @project: (nullable): the project to edit; %NULL for a new one
 * @file: (nullable): where @project was read from
 *
 * Returns: (transfer none): a window owned by GTK; close it with
 *   gtk_window_destroy()
 */
KoersWindow *
koers_window_new (GtkApplication *application,
                  KoersProject   *project,
                  GFile          *file)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (project == NULL || KOERS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (KOERS_TYPE_WINDOW,
                       "application", application,
                       "project", project,
                       "file", file,
                       NULL);
}

KoersProject *
koers_window_get_project (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return self->project;
}

KoersHistory *
koers_window_get_history (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return self->history;
}

/**
 * koers_window_get_file:
 *
 * Returns: (transfer none) (nullable): where the project is saved
 */
GFile *
koers_window_get_file (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return self->file;
}

/**
 * koers_window_set_file:
 * @file: (nullable): where the project is now saved
 */
void
koers_window_set_file (KoersWindow *self,
                       GFile       *file)
{
  g_return_if_fail (KOERS_IS_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (!g_set_object (&self->file, file))
    return;
  if (self->history != NULL)
    update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/**
 * koers_window_get_roadmap:
 *
 * Returns: (transfer none): the roadmap as the project stands now
 */
KoersRoadmap *
koers_window_get_roadmap (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);

  if (self->roadmap_stale)
    {
      g_clear_object (&self->roadmap);
      self->roadmap = koers_roadmap_build (self->project, NULL);
      self->roadmap_stale = FALSE;
    }
  return self->roadmap;
}

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

  row = koers_window_get_model_row (self, model_id);
  if (row != NULL)
    gtk_list_box_select_row (GTK_LIST_BOX (self->models_list), GTK_LIST_BOX_ROW (row));
}

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
  g_set_weak_pointer (&self->message_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
koers_window_get_canvas (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return self->canvas;
}

GtkWidget *
koers_window_get_rationale (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return self->rationale;
}

GtkWidget *
koers_window_get_assess_findings (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return self->assess_findings;
}

GtkWidget *
koers_window_get_roadmap_view (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return self->roadmap_view;
}

GtkWidget *
koers_window_get_empty_state (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return self->empty_state;
}

GtkWidget *
koers_window_get_organisation_entry (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return self->organisation_entry;
}

/**
 * koers_window_get_model_row:
 *
 * Returns: (transfer none) (nullable): the sidebar row of @model_id
 */
GtkWidget *
koers_window_get_model_row (KoersWindow *self,
                            const char  *model_id)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (self->models_list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (KOERS_IS_MODEL_ROW (child) &&
        g_strcmp0 (koers_model_get_id (koers_model_row_get_model (KOERS_MODEL_ROW (child))), model_id) == 0)
      return child;
  return NULL;
}

GtkWidget *
koers_window_get_leaflet (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return self->leaflet;
}

GtkWidget *
koers_window_get_stage_description (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return self->stage_description;
}

GMenuModel *
koers_window_get_primary_menu (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return G_MENU_MODEL (self->primary_menu);
}

/**
 * koers_window_get_last_toast:
 *
 * Returns: (nullable): the title of the last toast shown
 */
const char *
koers_window_get_last_toast (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return self->last_toast;
}
