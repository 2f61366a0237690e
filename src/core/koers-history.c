/* koers-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-history.h"

/* Every edit of a project is one field changing from one value to another,
 * so one kind of command undoes them all. */
typedef struct {
  KoersField  field;
  char       *key;
  char       *old_value;
  char       *new_value;
  char       *label;
} KoersCommand;

struct _KoersHistory
{
  GObject       parent_instance;

  KoersProject *project;
  GPtrArray    *undo;         /* KoersCommand*, oldest first */
  GPtrArray    *redo;         /* KoersCommand*, next to redo last */
  int           saved_depth;  /* undo->len when saved; -1 when unreachable */
  gboolean      sealed;       /* the next text edit starts a new command */
};

G_DEFINE_FINAL_TYPE (KoersHistory, koers_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
koers_command_free (KoersCommand *command)
{
  g_free (command->key);
  g_free (command->old_value);
  g_free (command->new_value);
  g_free (command->label);
  g_free (command);
}

static gboolean
is_text_field (KoersField field)
{
  switch (field)
    {
    case KOERS_FIELD_ORGANISATION_NAME:
    case KOERS_FIELD_ORGANISATION_DESCRIPTION:
    case KOERS_FIELD_RATIONALE:
    case KOERS_FIELD_ITEM_OWNER:
    case KOERS_FIELD_ITEM_NOTE:
      return TRUE;
    default:
      return FALSE;
    }
}

static const char *
stage_name (KoersProject *project,
            const char   *model_id,
            const char   *stage_id)
{
  KoersModel *model = koers_catalog_lookup (koers_project_get_catalog (project), model_id);
  const KoersStage *stage = model ? koers_model_find_stage (model, stage_id) : NULL;

  return stage ? stage->name : stage_id;
}

static char *
describe (KoersHistory *self,
          KoersField    field,
          const char   *key,
          const char   *value)
{
  switch (field)
    {
    case KOERS_FIELD_CURRENT:
      if (value == NULL)
        return g_strdup (_("Remove Now marker"));
      /* TRANSLATORS: an undo action; %s is a stage, e.g. "Move Now marker to Listen" */
      return g_strdup_printf (_("Move Now marker to %s"), stage_name (self->project, key, value));
    case KOERS_FIELD_TARGET:
      if (value == NULL)
        return g_strdup (_("Remove Goal marker"));
      /* TRANSLATORS: an undo action; %s is a stage */
      return g_strdup_printf (_("Move Goal marker to %s"), stage_name (self->project, key, value));
    case KOERS_FIELD_ORGANISATION_NAME:
      return g_strdup (_("Rename organisation"));
    case KOERS_FIELD_ORGANISATION_DESCRIPTION:
      return g_strdup (_("Edit organisation description"));
    case KOERS_FIELD_ORGANISATION_KIND:
      return g_strdup (_("Change kind of organisation"));
    case KOERS_FIELD_ORGANISATION_STAFF:
      return g_strdup (_("Change number of staff"));
    case KOERS_FIELD_ORGANISATION_CAPACITY:
      return g_strdup (_("Change team capacity"));
    case KOERS_FIELD_RATIONALE:
      return g_strdup (_("Edit rationale"));
    case KOERS_FIELD_ASSESSED:
      return g_strdup (_("Change assessment date"));
    case KOERS_FIELD_ROADMAP_START:
      return g_strdup (_("Change roadmap start"));
    case KOERS_FIELD_ITEM_STATUS:
      return g_strdup (_("Change status"));
    case KOERS_FIELD_ITEM_OWNER:
      return g_strdup (_("Change owner"));
    case KOERS_FIELD_ITEM_DUE:
      return g_strdup (_("Change due date"));
    case KOERS_FIELD_ITEM_NOTE:
      return g_strdup (_("Edit note"));
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
notify_all (KoersHistory *self)
{
  for (guint i = PROP_CAN_UNDO; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

static void
koers_history_finalize (GObject *object)
{
  KoersHistory *self = (KoersHistory *) object;

  g_clear_object (&self->project);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_history_parent_class)->finalize (object);
}

static void
koers_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KoersHistory *self = KOERS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, koers_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, koers_history_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, koers_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, koers_history_get_redo_label (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, koers_history_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_history_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KoersHistory *self = KOERS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_history_class_init (KoersHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = koers_history_finalize;
  object_class->get_property = koers_history_get_property;
  object_class->set_property = koers_history_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, KOERS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
koers_history_init (KoersHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) koers_command_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) koers_command_free);
  self->sealed = TRUE;
}

/**
 * koers_history_new:
 *
 * Returns: (transfer full): an empty history for @project, which counts
 *   as saved
 */
KoersHistory *
koers_history_new (KoersProject *project)
{
  g_return_val_if_fail (KOERS_IS_PROJECT (project), NULL);
  return g_object_new (KOERS_TYPE_HISTORY, "project", project, NULL);
}

KoersProject *
koers_history_get_project (KoersHistory *self)
{
  g_return_val_if_fail (KOERS_IS_HISTORY (self), NULL);
  return self->project;
}

/**
 * koers_history_set:
 *
 * Changes a field through an undoable command. Consecutive edits of the
 * same text field merge into one command until koers_history_seal(), so
 * that undo takes back a whole edit rather than one keystroke.
 *
 * Returns: %TRUE when the value was valid (changed or not)
 */
gboolean
koers_history_set (KoersHistory  *self,
                   KoersField     field,
                   const char    *key,
                   const char    *value,
                   GError       **error)
{
  g_autofree char *old_value = NULL;
  KoersCommand *top;
  KoersCommand *command;

  g_return_val_if_fail (KOERS_IS_HISTORY (self), FALSE);

  if (value != NULL && *value == '\0' && field != KOERS_FIELD_ORGANISATION_NAME)
    value = NULL;

  old_value = g_strdup (koers_project_get_field (self->project, field, key));
  if (!koers_project_set_field (self->project, field, key, value, error))
    return FALSE;
  if (g_strcmp0 (old_value, value) == 0)
    return TRUE;

  top = self->undo->len ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
  if (top != NULL && !self->sealed && is_text_field (field) &&
      top->field == field && g_strcmp0 (top->key, key) == 0 &&
      self->saved_depth != (int) self->undo->len)
    {
      g_free (top->new_value);
      top->new_value = g_strdup (value);
    }
  else
    {
      command = g_new0 (KoersCommand, 1);
      command->field = field;
      command->key = g_strdup (key);
      command->old_value = g_steal_pointer (&old_value);
      command->new_value = g_strdup (value);
      command->label = describe (self, field, key, value);
      if (self->saved_depth > (int) self->undo->len)
        self->saved_depth = -1;
      g_ptr_array_add (self->undo, command);
    }

  g_ptr_array_set_size (self->redo, 0);
  self->sealed = !is_text_field (field);
  notify_all (self);
  return TRUE;
}

/**
 * koers_history_place:
 *
 * koers_project_place() as an undoable command, named after the move
 * ("Move Now marker to Listen").
 */
gboolean
koers_history_place (KoersHistory  *self,
                     const char    *model_id,
                     KoersMarker    marker,
                     const char    *stage_id,
                     GError       **error)
{
  return koers_history_set (self,
                            marker == KOERS_MARKER_CURRENT ? KOERS_FIELD_CURRENT : KOERS_FIELD_TARGET,
                            model_id, stage_id, error);
}

/**
 * koers_history_seal:
 *
 * Ends the current text edit: the next keystroke starts a new command.
 * Call it when a text field loses focus.
 */
void
koers_history_seal (KoersHistory *self)
{
  g_return_if_fail (KOERS_IS_HISTORY (self));
  self->sealed = TRUE;
}

gboolean
koers_history_can_undo (KoersHistory *self)
{
  g_return_val_if_fail (KOERS_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
koers_history_can_redo (KoersHistory *self)
{
  g_return_val_if_fail (KOERS_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

/**
 * koers_history_get_undo_label:
 *
 * Returns: (nullable): what undo would take back, e.g. "Move Now marker to Listen"
 */
const char *
koers_history_get_undo_label (KoersHistory *self)
{
  g_return_val_if_fail (KOERS_IS_HISTORY (self), NULL);
  return self->undo->len ? ((KoersCommand *) g_ptr_array_index (self->undo, self->undo->len - 1))->label : NULL;
}

/**
 * koers_history_get_redo_label:
 *
 * Returns: (nullable): what redo would do again
 */
const char *
koers_history_get_redo_label (KoersHistory *self)
{
  g_return_val_if_fail (KOERS_IS_HISTORY (self), NULL);
  return self->redo->len ? ((KoersCommand *) g_ptr_array_index (self->redo, self->redo->len - 1))->label : NULL;
}

static void
apply (KoersHistory *self,
       KoersCommand *command,
       const char   *value)
{
  g_autoptr(GError) error = NULL;

  /* The values were valid when recorded, so this cannot fail for a
   * project only edited through this history. */
  if (!koers_project_set_field (self->project, command->field, command->key, value, &error))
    g_critical ("Could not apply “%s”: %s", command->label, error->message);
}

gboolean
koers_history_undo (KoersHistory *self)
{
  KoersCommand *command;

  g_return_val_if_fail (KOERS_IS_HISTORY (self), FALSE);

  if (self->undo->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  g_ptr_array_add (self->redo, command);
  apply (self, command, command->old_value);
  self->sealed = TRUE;
  notify_all (self);
  return TRUE;
}

gboolean
koers_history_redo (KoersHistory *self)
{
  KoersCommand *command;

  g_return_val_if_fail (KOERS_IS_HISTORY (self), FALSE);

  if (self->redo->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  g_ptr_array_add (self->undo, command);
  apply (self, command, command->new_value);
  self->sealed = TRUE;
  notify_all (self);
  return TRUE;
}

/**
 * koers_history_get_modified:
 *
 * Returns: whether the project differs from when it was last saved
 */
gboolean
koers_history_get_modified (KoersHistory *self)
{
  g_return_val_if_fail (KOERS_IS_HISTORY (self), FALSE);
  return self->saved_depth != (int) self->undo->len;
}

void
koers_history_mark_saved (KoersHistory *self)
{
  g_return_if_fail (KOERS_IS_HISTORY (self));
  self->saved_depth = self->undo->len;
  self->sealed = TRUE;
  notify_all (self);
}
