/* koers-export-layout.h: what an export draws, laid out once for its options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one drawing path of every picture export and of the export dialog's
 * preview: the roadmap slide or a model's diagram, with the title and
 * subtitle the file gets, drawn page by page on any cairo_t.
 */
#pragma once

#include <cairo.h>

#include "koers-export.h"

G_BEGIN_DECLS

#define KOERS_TYPE_EXPORT_LAYOUT (koers_export_layout_get_type ())
G_DECLARE_FINAL_TYPE (KoersExportLayout, koers_export_layout, KOERS, EXPORT_LAYOUT, GObject)

KoersExportLayout *koers_export_layout_new_roadmap   (KoersProject             *project,
                                                      KoersRoadmap             *roadmap,
                                                      const KoersExportOptions *options);
KoersExportLayout *koers_export_layout_new_diagram   (KoersProject             *project,
                                                      const char               *model_id,
                                                      const KoersExportOptions *options,
                                                      GError                  **error);
guint              koers_export_layout_get_n_pages   (KoersExportLayout        *self);
const char        *koers_export_layout_get_title     (KoersExportLayout        *self);
const char        *koers_export_layout_get_date      (KoersExportLayout        *self);
void               koers_export_layout_draw          (KoersExportLayout        *self,
                                                      cairo_t                  *cr,
                                                      guint                     page);
cairo_surface_t   *koers_export_layout_render_image  (KoersExportLayout        *self,
                                                      guint                     page,
                                                      double                    scale,
                                                      GError                  **error);

G_END_DECLS
