/* koers-history-field.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text field that edits the project works the same way: the
 * project's undo, not the widget's; what is typed goes to the history
 * and merges into one command until the field loses focus; an undo
 * shows in the field without being stored back. These three functions
 * are that way, for the window, the rationale, the roadmap and its items.
 */
#define G_LOG_DOMAIN "koers-history-field"

#include "config.h"

#include "koers-history-field.h"

/**
 * koers_history_field_setup:
 * @editable: the text field
 * @changed: called, swapped, with @owner when the text changed
 * @focus_leave: called, swapped, with @owner when the field loses focus;
 *   it seals the history, so that the next edit is a command of its own
 * @owner: the widget that owns the field
 *
 * Turns the field's own undo off: Ctrl+Z is the project's.
 */
void
koers_history_field_setup (GtkEditable *editable,
                           GCallback    changed,
                           GCallback    focus_leave,
                           gpointer     owner)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_EDITABLE (editable));

  gtk_editable_set_enable_undo (editable, FALSE);
  if (changed != NULL)
    g_signal_connect_swapped (editable, "changed", changed, owner);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", focus_leave, owner);
  gtk_widget_add_controller (GTK_WIDGET (editable), controller);
}

/**
 * koers_history_field_show:
 * @value: (nullable): what the project holds
 * @syncing: (nullable): the owner's flag that tells its ::changed handler
 *   not to store what is only shown
 *
 * Shows @value unless the field shows it already (so that the cursor
 * stays put while typing). After an undo, typing goes on at the end.
 */
void
koers_history_field_show (GtkEditable *editable,
                          const char  *value,
                          gboolean    *syncing)
{
  gboolean was_syncing = FALSE;

  g_return_if_fail (GTK_IS_EDITABLE (editable));

  if (g_strcmp0 (gtk_editable_get_text (editable), value ? value : "") == 0)
    return;
  if (syncing != NULL)
    {
      was_syncing = *syncing;
      *syncing = TRUE;
    }
  gtk_editable_set_text (editable, value ? value : "");
  gtk_editable_set_position (editable, -1);
  if (syncing != NULL)
    *syncing = was_syncing;
}

/**
 * koers_history_field_store:
 * @history: (nullable): where the edit goes; %NULL stores nothing
 * @syncing: the owner's flag: set while the edit is stored, so that the
 *   field is not set again from the change it caused
 *
 * Stores what was typed as an undoable command, unless the field is
 * only showing the project (@syncing is set).
 *
 * Returns: %FALSE with @error set when the project refused the value
 */
gboolean
koers_history_field_store (KoersHistory  *history,
                           KoersField     field,
                           const char    *key,
                           const char    *value,
                           gboolean      *syncing,
                           GError       **error)
{
  gboolean stored;

  g_return_val_if_fail (history == NULL || KOERS_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (syncing != NULL, FALSE);

  if (*syncing || history == NULL)
    return TRUE;
  *syncing = TRUE;
  stored = koers_history_set (history, field, key, value, error);
  *syncing = FALSE;
  return stored;
}
