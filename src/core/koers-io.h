/* koers-io.h: reading and writing files without ever leaving half a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  koers_file_write_atomic (GFile         *file,
                                   GBytes        *bytes,
                                   GCancellable  *cancellable,
                                   GError       **error);
GBytes   *koers_file_read_limited (GFile         *file,
                                   gsize          max_size,
                                   GCancellable  *cancellable,
                                   GError       **error);
gboolean  koers_file_equal_on_disk (GFile         *a,
                                   GFile         *b);
gboolean  koers_file_check_export_target (GFile   *target,
                                          GFile   *input,
                                          GError **error);
const char *koers_filename_get_extension (const char *filename);
void      koers_file_set_too_large_error (GError **error,
                                          guint64  size,
                                          gsize    max_size);

G_END_DECLS
