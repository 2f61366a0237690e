/* koers-history.h: undo and redo for every edit of a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koers-project.h"

G_BEGIN_DECLS

#define KOERS_TYPE_HISTORY (koers_history_get_type ())
G_DECLARE_FINAL_TYPE (KoersHistory, koers_history, KOERS, HISTORY, GObject)

KoersHistory *koers_history_new            (KoersProject  *project);
KoersProject *koers_history_get_project    (KoersHistory  *self);
gboolean      koers_history_set            (KoersHistory  *self,
                                            KoersField     field,
                                            const char    *key,
                                            const char    *value,
                                            GError       **error);
gboolean      koers_history_place          (KoersHistory  *self,
                                            const char    *model_id,
                                            KoersMarker    marker,
                                            const char    *stage_id,
                                            GError       **error);
void          koers_history_seal           (KoersHistory  *self);
gboolean      koers_history_can_undo       (KoersHistory  *self);
gboolean      koers_history_can_redo       (KoersHistory  *self);
const char   *koers_history_get_undo_label (KoersHistory  *self);
const char   *koers_history_get_redo_label (KoersHistory  *self);
gboolean      koers_history_undo           (KoersHistory  *self);
gboolean      koers_history_redo           (KoersHistory  *self);
gboolean      koers_history_get_modified   (KoersHistory  *self);
void          koers_history_mark_saved     (KoersHistory  *self);

G_END_DECLS
