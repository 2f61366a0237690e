/* koers-window-actions.c: what the window does when asked, by menu or key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-window"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-export-dialog.h"
#include "koers-file-chooser.h"
#include "koers-model-canvas.h"
#include "koers-others-editor.h"
#include "koers-questionnaire.h"
#include "koers-rounds-dialog.h"
#include "koers-session.h"
#include "koers-window-private.h"

/* --- undo and redo ------------------------------------------------------ */

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
  koers_history_seal (koers_document_get_history (self->document));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KoersWindow *self = KOERS_WINDOW (widget);

  commit_edit (self);
  koers_history_undo (koers_document_get_history (self->document));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KoersWindow *self = KOERS_WINDOW (widget);

  commit_edit (self);
  koers_history_redo (koers_document_get_history (self->document));
}

/* --- views and help ---------------------------------------------------- */

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

/* --- files ------------------------------------------------------------- */

static void
open_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KoersWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  file = koers_choose_open_file_finish (result, &error);
  if (file == NULL)
    return;

  folder = g_file_get_parent (file);
  koers_session_set_last_folder (folder);
  /* Read without blocking; a file that cannot be read shows its dialog. */
  koers_window_open_file_async (self, file, NULL, NULL, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(GFile) folder = koers_session_dup_last_folder ();

  koers_choose_open_file_async (GTK_WINDOW (widget), folder, NULL, open_chosen_cb, g_object_ref (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  koers_window_open_file_async (KOERS_WINDOW (widget), file, NULL, NULL, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _koers_window_save_async (KOERS_WINDOW (widget), FALSE, NULL, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _koers_window_save_async (KOERS_WINDOW (widget), TRUE, NULL, NULL);
}

static void
exported_cb (KoersExportDialog *dialog,
             GFile             *file,
             KoersWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  /* TRANSLATORS: a toast after an export; %s is a file name */
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.show-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 8);
  _koers_window_show_toast (self, toast);
}

/* Opens the export dialog: for the roadmap on the Roadmap view, for the
 * model shown on the Assess view. A toast with an Open button follows an
 * export. */
static void
show_export_dialog (KoersWindow *self)
{
  const char *model_id = NULL;
  KoersExportDialog *dialog;

  if (g_strcmp0 (koers_window_get_view (self), "assess") == 0)
    model_id = koers_window_get_selected_model (self);
  dialog = koers_export_dialog_new (GTK_WINDOW (self), koers_document_get_project (self->document),
                                    koers_document_get_file (self->document), model_id);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  show_export_dialog (KOERS_WINDOW (widget));
}

/* win.assess-questions (s): a model id, or "" for the model shown */
static void
assess_questions_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KoersWindow *self = KOERS_WINDOW (widget);
  const char *model_id = g_variant_get_string (parameter, NULL);
  KoersProject *project = koers_document_get_project (self->document);
  KoersModel *model;
  KoersQuestionnaire *questionnaire;

  if (*model_id == '\0')
    model_id = koers_window_get_selected_model (self);
  model = model_id ? koers_catalog_lookup (koers_project_get_catalog (project), model_id) : NULL;
  if (model == NULL || koers_model_get_n_statements (model) == 0)
    return;
  if (g_strcmp0 (koers_window_get_selected_model (self), model_id) != 0)
    koers_window_select_model (self, model_id);
  questionnaire = koers_questionnaire_new (GTK_WINDOW (self), koers_document_get_history (self->document), model);
  gtk_window_present (GTK_WINDOW (questionnaire));
}

static void
edit_others_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KoersWindow *self = KOERS_WINDOW (widget);
  KoersOthersEditor *editor = koers_others_editor_new (GTK_WINDOW (self),
                                                       koers_document_get_history (self->document));

  gtk_window_present (GTK_WINDOW (editor));
}

static void
show_rounds_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KoersWindow *self = KOERS_WINDOW (widget);
  KoersRoundsDialog *dialog = koers_rounds_dialog_new (GTK_WINDOW (self),
                                                       koers_document_get_history (self->document));

  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _koers_window_update_suggestion:
 *
 * Shows where the answers point on the canvas, as a ghost Now marker.
 */
void
_koers_window_update_suggestion (KoersWindow *self)
{
  KoersModel *model = koers_model_canvas_get_model (KOERS_MODEL_CANVAS (self->canvas));
  const char *stage_id = NULL;
  int suggested;

  if (self->document == NULL)
    return;
  if (model != NULL)
    {
      suggested = koers_project_suggest_stage (koers_document_get_project (self->document),
                                               koers_model_get_id (model));
      if (suggested >= 0)
        stage_id = koers_model_get_stage (model, suggested)->id;
    }
  g_object_set (self->canvas, "suggested-stage", stage_id, NULL);
}

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KoersWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

#if GTK_CHECK_VERSION (4, 10, 0) && GDK_VERSION_MAX_ALLOWED >= GDK_VERSION_4_10
  ok = gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error);
#else
  ok = g_app_info_launch_default_for_uri_finish (result, &error);
#endif
  if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* TRANSLATORS: a toast when no app opens an exported file */
      g_autofree char *title = g_strdup_printf (_("No app could open the file: %s"), error->message);

      _koers_window_show_toast (self, adw_toast_new (title));
    }
}

/* The toast's Open: the exported file in the app that opens its kind, a
 * deck in Impress or PowerPoint, a spreadsheet in Calc or Excel. */
static void
show_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

#if GTK_CHECK_VERSION (4, 10, 0) && GDK_VERSION_MAX_ALLOWED >= GDK_VERSION_4_10
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_launch (launcher, GTK_WINDOW (widget), NULL, launched_cb, g_object_ref (widget));
#else
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           launched_cb, g_object_ref (widget));
#endif
}

void
_koers_window_update_file_actions (KoersWindow *self)
{
  /* One save at a time: a second Ctrl+S while the first still writes
   * would only write the same bytes again. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", !koers_document_get_busy (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", !koers_document_get_busy (self->document));
}

/* --- init -------------------------------------------------------------- */

/* Ctrl+Z and Ctrl+Shift+Z undo and redo the project, wherever the focus
 * is. The text fields have an undo of their own, bound to the same keys,
 * which a class binding of the window only sees after them: GTK 4.8 keeps
 * GtkText's "text.undo" enabled even with its undo turned off, so the key
 * stopped in the field and did nothing. The window takes these keys first
 * (the capture phase); when there is nothing to undo, win.undo is disabled
 * and the key goes on to the focused widget as before. */
/* win.show-others: the other organisations on the diagram, remembered
 * in GSettings; without the schema (a test, an uninstalled build) the
 * toggle still works for the session. */
static void
add_show_others_action (KoersWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GAction) action = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.koersapp.Koers", TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "show-others"))
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);

      g_settings_bind (settings, "show-others", self->canvas, "show-others", G_SETTINGS_BIND_GET);
      action = g_settings_create_action (settings, "show-others");
    }
  else
    action = G_ACTION (g_property_action_new ("show-others", self->canvas, "show-others"));
  g_action_map_add_action (G_ACTION_MAP (self), action);
}

void
_koers_window_actions_init (KoersWindow *self)
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

  add_show_others_action (self);
}

void
_koers_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.assess-questions", "s", assess_questions_action);
  gtk_widget_class_install_action (widget_class, "win.edit-others", NULL, edit_others_action);
  gtk_widget_class_install_action (widget_class, "win.show-rounds", NULL, show_rounds_action);
  gtk_widget_class_install_action (widget_class, "win.show-file", "s", show_file_action);

  /* Undo and redo are bound in _koers_window_actions_init(). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "assess");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "roadmap");
}
