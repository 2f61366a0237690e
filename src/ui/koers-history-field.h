/* koers-history-field.h: a text field whose edits go through the history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "koers-history.h"

G_BEGIN_DECLS

void     koers_history_field_setup (GtkEditable   *editable,
                                    GCallback      changed,
                                    GCallback      focus_leave,
                                    gpointer       owner);
void     koers_history_field_show  (GtkEditable   *editable,
                                    const char    *value,
                                    gboolean      *syncing);
gboolean koers_history_field_store (KoersHistory  *history,
                                    KoersField     field,
                                    const char    *key,
                                    const char    *value,
                                    gboolean      *syncing,
                                    GError       **error);

G_END_DECLS
