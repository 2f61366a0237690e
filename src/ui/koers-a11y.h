/* koers-a11y.h: accessible names GTK 4.8 does not give by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void   koers_a11y_name_controls   (GtkWidget  *root);
char  *koers_a11y_strip_mnemonic  (const char *text);
void   koers_a11y_watch_toplevels (void);

G_END_DECLS
