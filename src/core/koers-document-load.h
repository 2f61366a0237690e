/* koers-document-load.h: a project file read on a worker, waited for briefly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "koers-catalog.h"
#include "koers-document.h"
#include "koers-drafts.h"

G_BEGIN_DECLS

#define KOERS_TYPE_DOCUMENT_LOAD (koers_document_load_get_type ())
G_DECLARE_FINAL_TYPE (KoersDocumentLoad, koers_document_load, KOERS, DOCUMENT_LOAD, GObject)

KoersDocumentLoad *koers_document_load_start     (KoersCatalog        *catalog,
                                                  GFile               *file,
                                                  KoersDrafts         *drafts,
                                                  GCancellable        *cancellable);
GFile             *koers_document_load_get_file  (KoersDocumentLoad   *self);
gboolean           koers_document_load_wait      (KoersDocumentLoad   *self,
                                                  gint64               timeout_us);
KoersDocument     *koers_document_load_take      (KoersDocumentLoad   *self,
                                                  GError             **error);
void               koers_document_load_when_done (KoersDocumentLoad   *self,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);

G_END_DECLS
