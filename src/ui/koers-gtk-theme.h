/* koers-gtk-theme.h: GTK's own theme, not parsed only to be replaced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean koers_gtk_theme_defer  (void);
void     koers_gtk_theme_settle (void);
void     koers_gtk_theme_check  (void);

void     koers_gtk_theme_load_icons        (GdkDisplay          *display,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean koers_gtk_theme_load_icons_finish (GAsyncResult        *result,
                                            GError             **error);
gboolean koers_gtk_theme_icons_loaded      (void);

G_END_DECLS
