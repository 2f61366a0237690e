/* koers-tooltip.h: tooltips that ask the display nothing until shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void         koers_tooltip_set (GtkWidget  *widget,
                                const char *text);
const char  *koers_tooltip_get (GtkWidget  *widget);

G_END_DECLS
