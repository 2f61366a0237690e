/* koers-export-private.h: export helpers shared inside the render layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *_koers_export_encode_png (cairo_surface_t  *surface,
                                  gboolean          opaque,
                                  GError          **error);

G_END_DECLS
