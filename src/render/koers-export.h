/* koers-export.h: PNG, SVG and PDF files of the roadmap and the diagrams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "koers-project.h"
#include "koers-render-types.h"
#include "koers-roadmap.h"

G_BEGIN_DECLS

typedef enum {
  KOERS_EXPORT_PNG,
  KOERS_EXPORT_SVG,
  KOERS_EXPORT_PDF,
} KoersExportFormat;

typedef struct {
  KoersExportFormat  format;
  double             width;       /* logical units; default 1920 */
  double             height;      /* default 1080 */
  double             scale;       /* PNG pixels per unit; default 2 */
  KoersRenderOptions render;
  guint              page;        /* 1-based, PNG and SVG; PDF holds every page */
  const char        *date;        /* printed on the slide; NULL for today */
  gboolean           hide_others; /* leave the other organisations off a diagram */
} KoersExportOptions;

#define KOERS_EXPORT_ERROR (koers_export_error_quark ())

typedef enum {
  KOERS_EXPORT_ERROR_FORMAT,     /* an extension Koers cannot write */
  KOERS_EXPORT_ERROR_PAGE,       /* no such page */
  KOERS_EXPORT_ERROR_MODEL,      /* no such model */
  KOERS_EXPORT_ERROR_SIZE,       /* size or scale out of range */
  KOERS_EXPORT_ERROR_FAILED,     /* cairo could not draw or encode */
} KoersExportError;

GQuark    koers_export_error_quark         (void);
void      koers_export_options_init        (KoersExportOptions       *options);
gboolean  koers_export_format_from_filename (const char              *filename,
                                            KoersExportFormat        *format);
gboolean  koers_parse_size                 (const char               *text,
                                            double                   *width,
                                            double                   *height);
GBytes   *koers_export_roadmap_to_bytes    (KoersProject             *project,
                                            KoersRoadmap             *roadmap,
                                            const KoersExportOptions *options,
                                            GError                  **error);
GBytes   *koers_export_diagram_to_bytes    (KoersProject             *project,
                                            const char               *model_id,
                                            const KoersExportOptions *options,
                                            GError                  **error);
gboolean  koers_export_roadmap             (KoersProject             *project,
                                            KoersRoadmap             *roadmap,
                                            const KoersExportOptions *options,
                                            GFile                    *file,
                                            GError                  **error);
gboolean  koers_export_diagram             (KoersProject             *project,
                                            const char               *model_id,
                                            const KoersExportOptions *options,
                                            GFile                    *file,
                                            GError                  **error);

G_END_DECLS
