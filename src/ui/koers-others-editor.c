/* koers-others-editor.c: the other organisations placed beside yours:
 * add, rename, note, place their Now per model, remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-others-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "koers-others-editor.h"
#include "koers-tooltip.h"

typedef struct {
  char      *id;
  GtkWidget *expander;
  GtkWidget *name_row;
  GtkWidget *note_row;
  GPtrArray *combos;     /* AdwComboRow*, in the catalog's order */
} OtherRows;

struct _KoersOthersEditor
{
  AdwWindow     parent_instance;

  KoersHistory *history;
  GPtrArray    *rows;     /* OtherRows* */
  gboolean      syncing;

  /* template widgets */
  GtkWidget    *group;
  GtkWidget    *empty_row;
  GtkWidget    *add_button;
};

G_DEFINE_FINAL_TYPE (KoersOthersEditor, koers_others_editor, ADW_TYPE_WINDOW)

static void
other_rows_free (OtherRows *rows)
{
  g_free (rows->id);
  g_clear_pointer (&rows->combos, g_ptr_array_unref);
  g_free (rows);
}

static KoersProject *
get_project (KoersOthersEditor *self)
{
  return koers_history_get_project (self->history);
}

static OtherRows *
find_rows (KoersOthersEditor *self,
           const char        *other_id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      OtherRows *rows = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (rows->id, other_id) == 0)
        return rows;
    }
  return NULL;
}

static void
sync_rows (KoersOthersEditor *self,
           OtherRows         *rows)
{
  KoersProject *project = get_project (self);
  KoersCatalog *catalog = koers_project_get_catalog (project);
  const char *name = koers_project_get_other_name (project, rows->id);
  const char *note = koers_project_get_other_note (project, rows->id);

  self->syncing = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->expander), name ? name : "");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (rows->expander), note ? note : "");
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (rows->name_row)), name) != 0)
    gtk_editable_set_text (GTK_EDITABLE (rows->name_row), name ? name : "");
  gtk_widget_remove_css_class (rows->name_row, "error");
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (rows->note_row)), note ? note : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (rows->note_row), note ? note : "");
  for (guint m = 0; m < rows->combos->len; m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      int stage = koers_model_stage_index (model, koers_project_get_other_now (project, rows->id,
                                                                               koers_model_get_id (model)));

      adw_combo_row_set_selected (ADW_COMBO_ROW (g_ptr_array_index (rows->combos, m)), (guint) (stage + 1));
    }
  self->syncing = FALSE;
}

static void
name_apply_cb (AdwEntryRow       *row,
               KoersOthersEditor *self)
{
  OtherRows *rows = g_object_get_data (G_OBJECT (row), "koers-other-rows");
  g_autoptr(GError) error = NULL;

  if (!koers_history_set (self->history, KOERS_FIELD_OTHER_NAME, rows->id,
                          gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      /* The name stays as typed, marked, with the reason at hand. */
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      koers_tooltip_set (GTK_WIDGET (row), error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  koers_tooltip_set (GTK_WIDGET (row), NULL);
}

static void
note_changed_cb (GtkEditable       *editable,
                 KoersOthersEditor *self)
{
  OtherRows *rows = g_object_get_data (G_OBJECT (editable), "koers-other-rows");

  if (self->syncing)
    return;
  koers_history_set (self->history, KOERS_FIELD_OTHER_NOTE, rows->id, gtk_editable_get_text (editable), NULL);
}

static void
stage_selected_cb (AdwComboRow       *combo,
                   GParamSpec        *pspec,
                   KoersOthersEditor *self)
{
  OtherRows *rows = g_object_get_data (G_OBJECT (combo), "koers-other-rows");
  KoersModel *model = g_object_get_data (G_OBJECT (combo), "koers-model");
  guint selected = adw_combo_row_get_selected (combo);
  g_autofree char *key = NULL;

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  key = koers_project_other_key (rows->id, koers_model_get_id (model));
  koers_history_set (self->history, KOERS_FIELD_OTHER_NOW, key,
                     selected == 0 ? NULL : koers_model_get_stage (model, selected - 1)->id, NULL);
}

static OtherRows *
add_rows (KoersOthersEditor *self,
          const char        *other_id)
{
  KoersCatalog *catalog = koers_project_get_catalog (get_project (self));
  OtherRows *rows = g_new0 (OtherRows, 1);
  GtkWidget *remove_row, *remove_button;

  rows->id = g_strdup (other_id);
  rows->combos = g_ptr_array_new ();
  rows->expander = adw_expander_row_new ();

  rows->name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->name_row), _("Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (rows->name_row), TRUE);
  g_object_set_data (G_OBJECT (rows->name_row), "koers-other-rows", rows);
  g_signal_connect (rows->name_row, "apply", G_CALLBACK (name_apply_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (rows->expander), rows->name_row);

  rows->note_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->note_row), _("Note"));
  g_object_set_data (G_OBJECT (rows->note_row), "koers-other-rows", rows);
  g_signal_connect (rows->note_row, "changed", G_CALLBACK (note_changed_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (rows->expander), rows->note_row);

  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
      GtkWidget *combo = adw_combo_row_new ();

      gtk_string_list_append (stages, C_("other organisation", "Not placed"));
      for (guint s = 0; s < koers_model_get_n_stages (model); s++)
        gtk_string_list_append (stages, koers_model_get_stage (model, s)->name);
      adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (stages));
      /* TRANSLATORS: where another organisation is now on a model, e.g. "Now on the Social Media Pyramid" */
      {
        g_autofree char *title = g_strdup_printf (_("Now on the %s"), koers_model_get_name (model));

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), title);
      }
      g_object_set_data (G_OBJECT (combo), "koers-other-rows", rows);
      g_object_set_data (G_OBJECT (combo), "koers-model", model);
      g_signal_connect (combo, "notify::selected", G_CALLBACK (stage_selected_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (rows->expander), combo);
      g_ptr_array_add (rows->combos, combo);
    }

  remove_row = adw_action_row_new ();
  remove_button = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove_button, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove_button), "others.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove_button), "s", other_id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove this organisation"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (remove_row), remove_button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (rows->expander), remove_row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), rows->expander);
  g_ptr_array_add (self->rows, rows);
  sync_rows (self, rows);
  return rows;
}

static void
rebuild (KoersOthersEditor *self)
{
  KoersProject *project = get_project (self);
  guint n = koers_project_get_n_others (project);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->group),
                                  ((OtherRows *) g_ptr_array_index (self->rows, i))->expander);
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < n; i++)
    add_rows (self, koers_project_get_other_id (project, i));
  gtk_widget_set_visible (self->empty_row, n == 0);
}

static void
history_changed_cb (KoersOthersEditor *self,
                    KoersField         field,
                    const char        *key)
{
  g_autofree char *id = NULL;
  OtherRows *rows;

  if (field == KOERS_FIELD_OTHER)
    {
      rebuild (self);
      return;
    }
  if (field != KOERS_FIELD_OTHER_NAME && field != KOERS_FIELD_OTHER_NOTE && field != KOERS_FIELD_OTHER_NOW)
    return;
  id = strchr (key, '/') ? g_strndup (key, strchr (key, '/') - key) : g_strdup (key);
  if ((rows = find_rows (self, id)) != NULL)
    sync_rows (self, rows);
}

/* others.add: a new organisation with a name of its own, opened to edit */
static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KoersOthersEditor *self = KOERS_OTHERS_EDITOR (widget);
  KoersProject *project = get_project (self);
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;
  OtherRows *rows;

  for (guint i = koers_project_get_n_others (project) + 1; name == NULL; i++)
    {
      gboolean taken = FALSE;

      /* TRANSLATORS: the name a new other organisation starts with */
      name = g_strdup_printf (_("Organisation %u"), i);
      for (guint o = 0; o < koers_project_get_n_others (project) && !taken; o++)
        taken = g_strcmp0 (koers_project_get_other_name (project, koers_project_get_other_id (project, o)), name) == 0;
      if (taken)
        g_clear_pointer (&name, g_free);
    }
  value = koers_project_dup_new_other (project, name, &id);
  if (!koers_history_set (self->history, KOERS_FIELD_OTHER, id, value, &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  if ((rows = find_rows (self, id)) != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (rows->expander), TRUE);
      gtk_widget_grab_focus (rows->name_row);
    }
}

/* others.remove (s): undoable, so no question first */
static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KoersOthersEditor *self = KOERS_OTHERS_EDITOR (widget);

  koers_history_set (self->history, KOERS_FIELD_OTHER, g_variant_get_string (parameter, NULL), NULL, NULL);
}

static void
koers_others_editor_dispose (GObject *object)
{
  KoersOthersEditor *self = (KoersOthersEditor *) object;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_OTHERS_EDITOR);

  G_OBJECT_CLASS (koers_others_editor_parent_class)->dispose (object);
}

static void
koers_others_editor_class_init (KoersOthersEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_others_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/koersapp/Koers/ui/koers-others-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KoersOthersEditor, group);
  gtk_widget_class_bind_template_child (widget_class, KoersOthersEditor, empty_row);
  gtk_widget_class_bind_template_child (widget_class, KoersOthersEditor, add_button);

  gtk_widget_class_install_action (widget_class, "others.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "others.remove", "s", remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "others.add", NULL);
}

static void
koers_others_editor_init (KoersOthersEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not in the template: see koers-tooltip.c. */
  koers_tooltip_set (self->add_button, _("Add Organisation"));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) other_rows_free);
}

/**
 * koers_others_editor_new:
 * @parent: (nullable): the window it belongs to
 * @history: the project's history: every change is an undoable edit
 *
 * Returns: (transfer none): a modal window, owned by GTK like every
 *   toplevel; present it
 */
KoersOthersEditor *
koers_others_editor_new (GtkWindow    *parent,
                         KoersHistory *history)
{
  KoersOthersEditor *self;

  g_return_val_if_fail (KOERS_IS_HISTORY (history), NULL);

  self = g_object_new (KOERS_TYPE_OTHERS_EDITOR, "transient-for", parent, NULL);
  self->history = g_object_ref (history);
  g_signal_connect_swapped (history, "changed", G_CALLBACK (history_changed_cb), self);
  rebuild (self);
  return self;
}
