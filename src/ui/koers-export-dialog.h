/* koers-export-dialog.h: export the roadmap or a diagram, with a live preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog only chooses KoersExportOptions; the file is written by the
 * same koers_export_roadmap() / koers_export_diagram() the command line
 * uses, so the same options give the same bytes.
 */
#pragma once

#include <adwaita.h>

#include "koers-export.h"
#include "koers-project.h"

G_BEGIN_DECLS

#define KOERS_TYPE_EXPORT_DIALOG (koers_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KoersExportDialog, koers_export_dialog, KOERS, EXPORT_DIALOG, AdwWindow)

KoersExportDialog *koers_export_dialog_new                 (GtkWindow                *parent,
                                                            KoersProject             *project,
                                                            const char               *model_id);
const char        *koers_export_dialog_get_model_id        (KoersExportDialog        *self);
void               koers_export_dialog_get_options         (KoersExportDialog        *self,
                                                            KoersExportOptions       *options);
void               koers_export_dialog_set_options         (KoersExportDialog        *self,
                                                            const KoersExportOptions *options);
char              *koers_export_dialog_dup_suggested_name  (KoersExportDialog        *self);
gboolean           koers_export_dialog_export_to_file      (KoersExportDialog        *self,
                                                            GFile                    *file,
                                                            GError                  **error);
void               koers_export_dialog_export_to_file_async  (KoersExportDialog      *self,
                                                              GFile                  *file,
                                                              GCancellable           *cancellable,
                                                              GAsyncReadyCallback     callback,
                                                              gpointer                user_data);
gboolean           koers_export_dialog_export_to_file_finish (KoersExportDialog      *self,
                                                              GAsyncResult           *result,
                                                              GError                **error);

G_END_DECLS
