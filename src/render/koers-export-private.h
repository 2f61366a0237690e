/* koers-export-private.h: export helpers shared inside the render layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "koers-export.h"

G_BEGIN_DECLS

GBytes *_koers_export_encode_png (cairo_surface_t  *surface,
                                  gboolean          opaque,
                                  GError          **error);

/* Draws one page on @cr, in logical units */
typedef void (*KoersExportDrawPage) (gpointer  data,
                                     cairo_t  *cr,
                                     guint     page);

GBytes *_koers_export_render     (const KoersExportOptions *options,
                                  guint                     n_pages,
                                  const char               *title,
                                  KoersProject             *project,
                                  KoersExportDrawPage       draw,
                                  gpointer                  data,
                                  GError                  **error);
typedef struct _KoersExportLayout KoersExportLayout;

KoersExportLayout *_koers_export_layout_new_pages (const KoersExportOptions *options,
                                                   guint                     n_pages,
                                                   const char               *title,
                                                   KoersExportDrawPage       draw,
                                                   gpointer                  data);

gboolean _koers_export_check_options (const KoersExportOptions *options,
                                      GError                  **error);

G_END_DECLS
