/* koers-export-dialog.h: export the roadmap or a diagram, with a live preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog only chooses options; the file is written by the same
 * koers_export_roadmap(), koers_export_diagram(), koers_export_deck() and
 * koers_export_spreadsheet() the command line uses, so the same options
 * give the same bytes. Tests drive it through its actions ("export.to",
 * "window.close") and its template's rows.
 */
#pragma once

#include <adwaita.h>

#include "koers-export.h"
#include "koers-project.h"

G_BEGIN_DECLS

#define KOERS_TYPE_EXPORT_DIALOG (koers_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KoersExportDialog, koers_export_dialog, KOERS, EXPORT_DIALOG, AdwWindow)

KoersExportDialog *koers_export_dialog_new (GtkWindow    *parent,
                                            KoersProject *project,
                                            GFile        *project_file,
                                            const char   *model_id);

G_END_DECLS
