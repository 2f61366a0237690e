/* koers-progress.h: the progress slide: each model then → now since the
 * last closed round, and the items done since
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "koers-export.h"

G_BEGIN_DECLS

GBytes   *koers_export_progress_to_bytes (KoersProject             *project,
                                          const KoersExportOptions *options,
                                          GError                  **error);
gboolean  koers_export_progress          (KoersProject             *project,
                                          const KoersExportOptions *options,
                                          GFile                    *file,
                                          GError                  **error);

G_END_DECLS
