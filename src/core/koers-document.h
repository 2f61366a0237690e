/* koers-document.h: one open project with its file, history and draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "koers-drafts.h"
#include "koers-history.h"
#include "koers-project.h"
#include "koers-roadmap.h"

G_BEGIN_DECLS

/**
 * KoersSaveFlags:
 * @KOERS_SAVE_FLAGS_NONE: refuse to replace another program's changes
 * @KOERS_SAVE_FLAGS_OVERWRITE: replace the file even though another
 *   program changed it since it was read (the user chose so)
 */
typedef enum {
  KOERS_SAVE_FLAGS_NONE      = 0,
  KOERS_SAVE_FLAGS_OVERWRITE = 1 << 0,
} KoersSaveFlags;

#define KOERS_TYPE_DOCUMENT (koers_document_get_type ())
G_DECLARE_FINAL_TYPE (KoersDocument, koers_document, KOERS, DOCUMENT, GObject)

KoersDocument *koers_document_new              (KoersProject        *project,
                                                GFile               *file,
                                                KoersDrafts         *drafts);
KoersDocument *koers_document_load             (KoersCatalog        *catalog,
                                                GFile               *file,
                                                KoersDrafts         *drafts,
                                                GCancellable        *cancellable,
                                                GError             **error);
void           koers_document_load_async       (KoersCatalog        *catalog,
                                                GFile               *file,
                                                KoersDrafts         *drafts,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
KoersDocument *koers_document_load_finish      (GAsyncResult        *result,
                                                GError             **error);
KoersDocument *koers_document_restore_draft    (KoersDrafts         *drafts,
                                                const char          *draft_id,
                                                GError             **error);

GPtrArray     *koers_document_collect_leftovers (GFile             *file,
                                                GCancellable        *cancellable);
KoersDocument *koers_document_restore_leftover (GFile               *leftover,
                                                GFile               *file,
                                                KoersDrafts         *drafts,
                                                GError             **error);

KoersProject  *koers_document_get_project      (KoersDocument       *self);
KoersHistory  *koers_document_get_history      (KoersDocument       *self);
KoersRoadmap  *koers_document_take_roadmap     (KoersDocument       *self);
GFile         *koers_document_get_file         (KoersDocument       *self);
const char    *koers_document_get_draft_id     (KoersDocument       *self);
gboolean       koers_document_get_modified     (KoersDocument       *self);
gboolean       koers_document_get_busy         (KoersDocument       *self);
gboolean       koers_document_is_untouched     (KoersDocument       *self);
guint64        koers_document_get_change_count (KoersDocument       *self);
const char    *koers_document_get_etag         (KoersDocument       *self);
GDateTime     *koers_document_get_mtime        (KoersDocument       *self);
goffset        koers_document_get_size         (KoersDocument       *self);
gboolean       koers_document_get_changed_on_disk (KoersDocument    *self);

gboolean       koers_document_place            (KoersDocument       *self,
                                                const char          *model_id,
                                                KoersMarker          marker,
                                                const char          *stage_id,
                                                GError             **error);

void           koers_document_save_async       (KoersDocument       *self,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
void           koers_document_save_full_async  (KoersDocument       *self,
                                                GFile               *file,
                                                KoersSaveFlags       flags,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       koers_document_save_finish      (KoersDocument       *self,
                                                GAsyncResult        *result,
                                                GError             **error);

gboolean       koers_document_save_draft_now   (KoersDocument       *self,
                                                GError             **error);
void           koers_document_discard_draft    (KoersDocument       *self);

G_END_DECLS
