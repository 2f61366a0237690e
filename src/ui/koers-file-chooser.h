/* koers-file-chooser.h: asking for a file to open, save or export to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no GtkFileDialog (4.10): these wrap GtkFileChooserNative in
 * one place, as _async/_finish pairs, so the switch later is one file.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void   koers_choose_open_file_async    (GtkWindow            *parent,
                                        GFile                *current_folder,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
GFile *koers_choose_open_file_finish   (GAsyncResult         *result,
                                        GError              **error);

void   koers_choose_save_file_async    (GtkWindow            *parent,
                                        const char           *suggested_name,
                                        GFile                *current_folder,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
GFile *koers_choose_save_file_finish   (GAsyncResult         *result,
                                        GError              **error);

void   koers_choose_export_file_async  (GtkWindow            *parent,
                                        const char           *suggested_name,
                                        GFile                *current_folder,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
GFile *koers_choose_export_file_finish (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
