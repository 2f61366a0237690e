/* koers-organisation-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field writes through the history, so each edit is one undoable
 * change with its own label ("Change number of staff"). Typing in one
 * field merges into one change until focus leaves the editor. When the
 * project changes from elsewhere (undo), the rows follow without
 * recording anything themselves.
 *
 * Staff and capacity are optional: an empty field means "not specified".
 * What someone is still typing ("2,") is marked and not stored.
 */
#define G_LOG_DOMAIN "koers-organisation-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "koers-organisation-editor.h"

struct _KoersOrganisationEditor
{
  AdwBin        parent_instance;

  KoersHistory *history;
  KoersProject *project;
  gulong        changed_id;
  gboolean      syncing;
  guint         clear_staff_source;
  guint         clear_capacity_source;

  /* template widgets */
  GtkWidget    *group;
  GtkWidget    *name_row;
  GtkWidget    *kind_row;
  GtkWidget    *staff_row;
  GtkWidget    *capacity_row;
};

G_DEFINE_FINAL_TYPE (KoersOrganisationEditor, koers_organisation_editor, ADW_TYPE_BIN)

/* --- reading what people type -------------------------------------------- */

static char *
strip_copy (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

/**
 * koers_parse_capacity_input:
 * @text: what someone typed as the team's capacity
 *
 * Reads a capacity in fte as people write it: "2.4" or, with a decimal
 * comma as in Dutch, "2,4". A capacity never needs digit grouping (it is
 * at most %KOERS_CAPACITY_MAX), so one comma or point is the decimal mark
 * whatever the locale.
 *
 * Returns: (transfer full) (nullable): "" for an empty field, the value
 *   as the project stores it ("2.4"), or %NULL when @text is no capacity
 */
char *
koers_parse_capacity_input (const char *text)
{
  g_autofree char *value = strip_copy (text);
  guint marks = 0;
  double fte;

  if (*value == '\0')
    return g_steal_pointer (&value);
  for (char *p = value; *p; p++)
    if (*p == ',' || *p == '.')
      {
        *p = '.';
        marks++;
      }
  if (marks > 1 || !koers_parse_capacity (value, &fte))
    return NULL;
  return g_steal_pointer (&value);
}

static gboolean
is_group_separator (gunichar c)
{
  return c == '.' || c == ',' || c == ' ' || c == '\'' ||
         c == 0x00A0 || c == 0x202F || c == 0x2009;
}

/**
 * koers_parse_staff_input:
 * @text: what someone typed as the number of staff
 *
 * Reads a whole number, with or without digit grouping as it is written
 * in any language ("1200", "1.200", "1,200", "1 200"). A separator counts
 * only between groups of three digits, so "2.5" is refused rather than
 * read as 25.
 *
 * Returns: (transfer full) (nullable): "" for an empty field, the number
 *   as the project stores it ("1200"), or %NULL when @text is no number
 *   of staff
 */
char *
koers_parse_staff_input (const char *text)
{
  g_autofree char *value = strip_copy (text);
  g_autoptr(GString) digits = g_string_new (NULL);
  guint group = 0;
  gboolean grouped = FALSE;
  guint staff;

  if (*value == '\0')
    return g_steal_pointer (&value);
  if (!g_utf8_validate (value, -1, NULL))
    return NULL;

  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && g_ascii_isdigit ((char) c))
        {
          g_string_append_c (digits, (char) c);
          group++;
        }
      else if (is_group_separator (c))
        {
          /* The first group holds 1 to 3 digits, every later one 3. */
          if (group == 0 || group > 3 || (grouped && group != 3))
            return NULL;
          grouped = TRUE;
          group = 0;
        }
      else
        return NULL;
    }
  if (grouped && group != 3)
    return NULL;
  if (!koers_parse_staff (digits->str, &staff))
    return NULL;
  return g_strdup_printf ("%u", staff);
}

/**
 * koers_format_capacity_for_display:
 * @stored: (nullable): the capacity as the project stores it ("2.4")
 *
 * Returns: (transfer full): @stored with the locale's decimal mark, as
 *   people read it ("2,4" in Dutch); "" for %NULL
 */
char *
koers_format_capacity_for_display (const char *stored)
{
  const char *mark = localeconv ()->decimal_point;
  g_auto(GStrv) parts = NULL;

  if (stored == NULL)
    return g_strdup ("");
  if (mark == NULL || *mark == '\0' || g_str_equal (mark, "."))
    return g_strdup (stored);
  parts = g_strsplit (stored, ".", -1);
  return g_strjoinv (mark, parts);
}

/* --- following the project ----------------------------------------------- */

static void
set_row_text (KoersOrganisationEditor *self,
              GtkWidget               *row,
              const char              *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) == 0)
    return;
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  /* After an undo in the field, typing goes on at the end. */
  gtk_editable_set_position (GTK_EDITABLE (row), -1);
  self->syncing = FALSE;
}

static void
show_row_error (GtkWidget  *row,
                const char *error_title,
                const char *title)
{
  if (error_title != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  /* The title says what is wrong, so a screen reader hears it too. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error_title ? error_title : title);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               error_title ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static const char *
staff_title (void)
{
  return _("Number of staff");
}

static const char *
capacity_title (void)
{
  return _("Time for social media, in fte");
}

static void
sync_name (KoersOrganisationEditor *self)
{
  const char *name = self->project ? koers_project_get_organisation_name (self->project) : NULL;

  set_row_text (self, self->name_row, name ? name : "");
}

static void
sync_kind (KoersOrganisationEditor *self)
{
  KoersOrganisationKind kind = KOERS_ORGANISATION_UNKNOWN;

  if (self->project != NULL)
    kind = koers_project_get_organisation_kind (self->project);
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row)) == (guint) kind)
    return;
  self->syncing = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), kind);
  self->syncing = FALSE;
}

static void
sync_staff (KoersOrganisationEditor *self)
{
  const char *stored = NULL;
  g_autofree char *typed = NULL;

  if (self->project != NULL)
    stored = koers_project_get_field (self->project, KOERS_FIELD_ORGANISATION_STAFF, NULL);
  /* What is typed may say the same in another way ("1.200"): leave it. */
  typed = koers_parse_staff_input (gtk_editable_get_text (GTK_EDITABLE (self->staff_row)));
  if (typed != NULL && g_strcmp0 (typed, stored ? stored : "") == 0)
    return;
  set_row_text (self, self->staff_row, stored ? stored : "");
  show_row_error (self->staff_row, NULL, staff_title ());
}

static void
sync_capacity (KoersOrganisationEditor *self)
{
  const char *stored = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *shown = NULL;
  double typed_fte, stored_fte;

  if (self->project != NULL)
    stored = koers_project_get_field (self->project, KOERS_FIELD_ORGANISATION_CAPACITY, NULL);
  typed = koers_parse_capacity_input (gtk_editable_get_text (GTK_EDITABLE (self->capacity_row)));
  if (typed != NULL &&
      ((*typed == '\0' && stored == NULL) ||
       (*typed != '\0' && stored != NULL &&
        koers_parse_capacity (typed, &typed_fte) && koers_parse_capacity (stored, &stored_fte) &&
        typed_fte == stored_fte)))
    return;
  shown = koers_format_capacity_for_display (stored);
  set_row_text (self, self->capacity_row, shown);
  show_row_error (self->capacity_row, NULL, capacity_title ());
}

static void
sync_all (KoersOrganisationEditor *self)
{
  sync_name (self);
  sync_kind (self);
  sync_staff (self);
  sync_capacity (self);
}

static void
project_changed_cb (KoersOrganisationEditor *self,
                    int                      field,
                    const char              *key,
                    KoersProject            *project)
{
  if (self->syncing)
    return;
  switch (field)
    {
    case KOERS_FIELD_ORGANISATION_NAME:
      sync_name (self);
      break;
    case KOERS_FIELD_ORGANISATION_KIND:
      sync_kind (self);
      break;
    case KOERS_FIELD_ORGANISATION_STAFF:
      sync_staff (self);
      break;
    case KOERS_FIELD_ORGANISATION_CAPACITY:
      sync_capacity (self);
      break;
    default:
      break;
    }
}

/* --- editing ------------------------------------------------------------- */

static void
store (KoersOrganisationEditor *self,
       KoersField               field,
       const char              *value)
{
  g_autoptr(GError) error = NULL;

  if (self->history == NULL)
    return;
  self->syncing = TRUE;
  if (!koers_history_set (self->history, field, NULL, value, &error))
    g_warning ("Cannot change the organisation: %s", error->message);
  self->syncing = FALSE;
}

static void
name_changed_cb (KoersOrganisationEditor *self,
                 GtkEditable             *editable)
{
  if (!self->syncing)
    store (self, KOERS_FIELD_ORGANISATION_NAME, gtk_editable_get_text (editable));
}

static void
kind_selected_cb (KoersOrganisationEditor *self)
{
  KoersOrganisationKind kind = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));

  if (self->syncing || kind > KOERS_ORGANISATION_OTHER)
    return;
  store (self, KOERS_FIELD_ORGANISATION_KIND,
         kind == KOERS_ORGANISATION_UNKNOWN ? NULL : koers_organisation_kind_to_string (kind));
  /* A choice is a change of its own, never merged with typing. */
  if (self->history != NULL)
    koers_history_seal (self->history);
}

static gboolean
clear_staff_cb (gpointer data)
{
  KoersOrganisationEditor *self = data;

  self->clear_staff_source = 0;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->staff_row)) == '\0')
    store (self, KOERS_FIELD_ORGANISATION_STAFF, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
clear_capacity_cb (gpointer data)
{
  KoersOrganisationEditor *self = data;

  self->clear_capacity_source = 0;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->capacity_row)) == '\0')
    store (self, KOERS_FIELD_ORGANISATION_CAPACITY, NULL);
  return G_SOURCE_REMOVE;
}

static void
staff_changed_cb (KoersOrganisationEditor *self,
                  GtkEditable             *editable)
{
  g_autofree char *value = NULL;

  if (self->syncing)
    return;
  value = koers_parse_staff_input (gtk_editable_get_text (editable));
  show_row_error (self->staff_row,
                  value ? NULL : _("Number of staff: a whole number, such as 420"),
                  staff_title ());
  g_clear_handle_id (&self->clear_staff_source, g_source_remove);
  if (value != NULL && *value == '\0')
    /* Replacing the text empties the field for a moment: only a field
     * that stays empty says "not specified". */
    self->clear_staff_source = g_idle_add (clear_staff_cb, self);
  else if (value != NULL)
    store (self, KOERS_FIELD_ORGANISATION_STAFF, value);
}

static void
capacity_changed_cb (KoersOrganisationEditor *self,
                     GtkEditable             *editable)
{
  g_autofree char *value = NULL;
  g_autofree char *error_title = NULL;

  if (self->syncing)
    return;
  value = koers_parse_capacity_input (gtk_editable_get_text (editable));
  if (value == NULL)
    {
      g_autofree char *example = koers_format_capacity_for_display ("2.4");

      /* TRANSLATORS: %s is an example in the user's own notation, "2.4" or "2,4" */
      error_title = g_strdup_printf (_("Time for social media: a number of fte, such as %s"), example);
    }
  show_row_error (self->capacity_row, error_title, capacity_title ());
  g_clear_handle_id (&self->clear_capacity_source, g_source_remove);
  if (value != NULL && *value == '\0')
    self->clear_capacity_source = g_idle_add (clear_capacity_cb, self);
  else if (value != NULL)
    store (self, KOERS_FIELD_ORGANISATION_CAPACITY, value);
}

/* "edit.commit", before an undo (see commit_edit() in koers-window.c): an
 * emptied field is stored now rather than once the main loop runs. */
static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KoersOrganisationEditor *self = KOERS_ORGANISATION_EDITOR (widget);

  if (self->clear_staff_source != 0)
    {
      g_clear_handle_id (&self->clear_staff_source, g_source_remove);
      clear_staff_cb (self);
    }
  if (self->clear_capacity_source != 0)
    {
      g_clear_handle_id (&self->clear_capacity_source, g_source_remove);
      clear_capacity_cb (self);
    }
}

static void
focus_leave_cb (KoersOrganisationEditor *self)
{
  if (self->history != NULL)
    koers_history_seal (self->history);
}

/* --- type ---------------------------------------------------------------- */

static void
koers_organisation_editor_dispose (GObject *object)
{
  KoersOrganisationEditor *self = (KoersOrganisationEditor *) object;

  g_clear_handle_id (&self->clear_staff_source, g_source_remove);
  g_clear_handle_id (&self->clear_capacity_source, g_source_remove);
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_object (&self->project);
  g_clear_object (&self->history);

  /* The bin's child is a bound template child: take it out of the bin
   * first, or the bin would unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_ORGANISATION_EDITOR);

  G_OBJECT_CLASS (koers_organisation_editor_parent_class)->dispose (object);
}

static void
koers_organisation_editor_class_init (KoersOrganisationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_organisation_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koers-organisation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KoersOrganisationEditor, group);
  gtk_widget_class_bind_template_child (widget_class, KoersOrganisationEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KoersOrganisationEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, KoersOrganisationEditor, staff_row);
  gtk_widget_class_bind_template_child (widget_class, KoersOrganisationEditor, capacity_row);
  gtk_widget_class_install_action (widget_class, "edit.commit", NULL, commit_action);
}

static void
koers_organisation_editor_init (KoersOrganisationEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The list's positions are the enum's values, "Not specified" first. */
  for (KoersOrganisationKind kind = KOERS_ORGANISATION_UNKNOWN; kind <= KOERS_ORGANISATION_OTHER; kind++)
    gtk_string_list_append (kinds, koers_organisation_kind_get_label (kind));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind_row), G_LIST_MODEL (kinds));

  /* Undo is the project's, never the text fields' own. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->name_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->staff_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->capacity_row), FALSE);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  g_signal_connect_swapped (self->staff_row, "changed", G_CALLBACK (staff_changed_cb), self);
  g_signal_connect_swapped (self->capacity_row, "changed", G_CALLBACK (capacity_changed_cb), self);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

/**
 * koers_organisation_editor_new:
 *
 * Returns: (transfer floating): an editor without a project; it stays
 *   insensitive until koers_organisation_editor_set_history()
 */
GtkWidget *
koers_organisation_editor_new (void)
{
  return g_object_new (KOERS_TYPE_ORGANISATION_EDITOR, NULL);
}

/**
 * koers_organisation_editor_set_history:
 * @history: (nullable): the history of the project to edit
 *
 * Shows the history's project and edits it through @history.
 */
void
koers_organisation_editor_set_history (KoersOrganisationEditor *self,
                                       KoersHistory            *history)
{
  g_return_if_fail (KOERS_IS_ORGANISATION_EDITOR (self));
  g_return_if_fail (history == NULL || KOERS_IS_HISTORY (history));

  if (self->history == history)
    return;

  g_clear_handle_id (&self->clear_staff_source, g_source_remove);
  g_clear_handle_id (&self->clear_capacity_source, g_source_remove);
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_object (&self->project);
  g_set_object (&self->history, history);
  if (history != NULL)
    {
      self->project = g_object_ref (koers_history_get_project (history));
      self->changed_id = g_signal_connect_swapped (self->project, "changed",
                                                   G_CALLBACK (project_changed_cb), self);
    }
  sync_all (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), history != NULL);
}
