/* koers-spreadsheet.h: the roadmap as a spreadsheet (ODS or XLSX)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "koers-roadmap.h"

G_BEGIN_DECLS

typedef enum {
  KOERS_SPREADSHEET_ODS,
  KOERS_SPREADSHEET_XLSX,
} KoersSpreadsheetFormat;

gboolean  koers_spreadsheet_format_from_filename (const char              *filename,
                                                  KoersSpreadsheetFormat  *format);
GBytes   *koers_spreadsheet_to_bytes             (KoersRoadmap            *roadmap,
                                                  KoersSpreadsheetFormat   format,
                                                  GError                 **error);
gboolean  koers_export_spreadsheet               (KoersRoadmap            *roadmap,
                                                  KoersSpreadsheetFormat   format,
                                                  GFile                   *file,
                                                  GError                 **error);

G_END_DECLS
