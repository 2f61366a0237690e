/* koers-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-enum-types.h"
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

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the properties were before an edit, so that only those that
 * changed are notified: a typed letter must not rebuild the undo menu. */
typedef struct {
  gboolean  can_undo;
  gboolean  can_redo;
  gboolean  modified;
  char     *undo_label;
  char     *redo_label;
} State;

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
    case KOERS_FIELD_ANSWER_NOTE:
    case KOERS_FIELD_OTHER_NAME:
    case KOERS_FIELD_OTHER_NOTE:
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
    case KOERS_FIELD_ANSWER:
      return g_strdup (value ? _("Answer statement") : _("Clear answer"));
    case KOERS_FIELD_ANSWER_NOTE:
      return g_strdup (_("Edit evidence"));
    case KOERS_FIELD_OTHER:
      if (value == NULL)
        return g_strdup (_("Remove other organisation"));
      return g_strdup (_("Add other organisation"));
    case KOERS_FIELD_OTHER_NAME:
      return g_strdup (_("Rename other organisation"));
    case KOERS_FIELD_OTHER_NOTE:
      return g_strdup (_("Edit note on other organisation"));
    case KOERS_FIELD_OTHER_NOW:
      return g_strdup (_("Place other organisation"));
    case KOERS_FIELD_ROUNDS:
      return g_strdup (_("Close round"));
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
state_save (KoersHistory *self,
            State        *state)
{
  state->can_undo = koers_history_can_undo (self);
  state->can_redo = koers_history_can_redo (self);
  state->modified = koers_history_get_modified (self);
  state->undo_label = g_strdup (koers_history_get_undo_label (self));
  state->redo_label = g_strdup (koers_history_get_redo_label (self));
}

/* Notifies what differs from @before, then emits ::changed for the edit
 * (when there was one): by then the command is on the stack, so a
 * handler sees the history as it stays. */
static void
finish_edit (KoersHistory *self,
             State        *before,
             gboolean      edited,
             KoersField    field,
             const char   *key)
{
  GObject *object = G_OBJECT (self);

  if (before->can_undo != koers_history_can_undo (self))
    g_object_notify_by_pspec (object, properties[PROP_CAN_UNDO]);
  if (before->can_redo != koers_history_can_redo (self))
    g_object_notify_by_pspec (object, properties[PROP_CAN_REDO]);
  if (g_strcmp0 (before->undo_label, koers_history_get_undo_label (self)) != 0)
    g_object_notify_by_pspec (object, properties[PROP_UNDO_LABEL]);
  if (g_strcmp0 (before->redo_label, koers_history_get_redo_label (self)) != 0)
    g_object_notify_by_pspec (object, properties[PROP_REDO_LABEL]);
  if (before->modified != koers_history_get_modified (self))
    g_object_notify_by_pspec (object, properties[PROP_MODIFIED]);
  g_clear_pointer (&before->undo_label, g_free);
  g_clear_pointer (&before->redo_label, g_free);

  if (edited)
    g_signal_emit (self, signals[CHANGED], 0, field, key);
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

  /**
   * KoersHistory::changed:
   * @self: the history
   * @field: the #KoersField that changed
   * @key: (nullable): the model or item id the field belongs to
   *
   * Emitted once per edit, undo or redo, after the command is recorded
   * (unlike #KoersProject::changed, which the project emits while the
   * value changes, before the history knows of it). Follow this one to
   * show the undo label or the modified state of the same edit.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, KOERS_TYPE_FIELD, G_TYPE_STRING);
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

/* Puts @value in place and records it: the one path every edit takes.
 * Placements go through koers_project_place(), the entry point the
 * architecture names for them. */
static gboolean
record (KoersHistory  *self,
        KoersField     field,
        const char    *key,
        const char    *value,
        GError       **error)
{
  g_autofree char *old_value = NULL;
  State before;
  KoersCommand *top;
  gboolean applied;

  if (value != NULL && *value == '\0' && field != KOERS_FIELD_ORGANISATION_NAME)
    value = NULL;

  old_value = g_strdup (koers_project_get_field (self->project, field, key));
  state_save (self, &before);
  if (field == KOERS_FIELD_CURRENT || field == KOERS_FIELD_TARGET)
    applied = koers_project_place (self->project, key,
                                   field == KOERS_FIELD_CURRENT ? KOERS_MARKER_CURRENT : KOERS_MARKER_TARGET,
                                   value, error);
  else
    applied = koers_project_set_field (self->project, field, key, value, error);
  if (!applied || g_strcmp0 (old_value, value) == 0)
    {
      finish_edit (self, &before, FALSE, field, key);
      return applied;
    }

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
      KoersCommand *command = g_new0 (KoersCommand, 1);

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
  finish_edit (self, &before, TRUE, field, key);
  return TRUE;
}

/**
 * koers_history_set:
 *
 * Changes a field through an undoable command. Consecutive edits of the
 * same text field merge into one command until koers_history_seal(), so
 * that undo takes back a whole edit rather than one keystroke.
 * #KoersHistory::changed follows once the command is recorded.
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
  g_return_val_if_fail (KOERS_IS_HISTORY (self), FALSE);

  return record (self, field, key, value, error);
}

/**
 * koers_history_place:
 * @model_id: the model to place on
 * @marker: which marker
 * @stage_id: (nullable): the stage, or %NULL to take the marker off
 *
 * The one way the app places a marker: koers_project_place() as an
 * undoable command, named after the move ("Move Now marker to Listen").
 * Dragging, the keyboard, the stage menu and the tests all call this (or
 * koers_document_place(), which calls this).
 *
 * Returns: %TRUE when the model and stage exist
 */
gboolean
koers_history_place (KoersHistory  *self,
                     const char    *model_id,
                     KoersMarker    marker,
                     const char    *stage_id,
                     GError       **error)
{
  g_return_val_if_fail (KOERS_IS_HISTORY (self), FALSE);

  return record (self,
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
  State before;

  g_return_val_if_fail (KOERS_IS_HISTORY (self), FALSE);

  if (self->undo->len == 0)
    return FALSE;

  state_save (self, &before);
  command = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  g_ptr_array_add (self->redo, command);
  apply (self, command, command->old_value);
  self->sealed = TRUE;
  finish_edit (self, &before, TRUE, command->field, command->key);
  return TRUE;
}

gboolean
koers_history_redo (KoersHistory *self)
{
  KoersCommand *command;
  State before;

  g_return_val_if_fail (KOERS_IS_HISTORY (self), FALSE);

  if (self->redo->len == 0)
    return FALSE;

  state_save (self, &before);
  command = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  g_ptr_array_add (self->undo, command);
  apply (self, command, command->new_value);
  self->sealed = TRUE;
  finish_edit (self, &before, TRUE, command->field, command->key);
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
  State before;

  g_return_if_fail (KOERS_IS_HISTORY (self));

  state_save (self, &before);
  self->saved_depth = self->undo->len;
  self->sealed = TRUE;
  finish_edit (self, &before, FALSE, 0, NULL);
}
