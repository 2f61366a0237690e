/* koers-drafts.h: unsaved work kept safe on disk until it is saved or discarded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every open project has a draft id. After a change settles, the UI writes
 * the project's bytes as a draft; a clean save or a discard removes it. A
 * draft whose owning process is gone (a crash, a power cut) is "orphaned":
 * the next start offers it back.
 */
#pragma once

#include <gio/gio.h>

#include "koers-draft-info.h"
#include "koers-project.h"

G_BEGIN_DECLS


#define KOERS_TYPE_DRAFTS (koers_drafts_get_type ())
G_DECLARE_FINAL_TYPE (KoersDrafts, koers_drafts, KOERS, DRAFTS, GObject)

KoersDrafts  *koers_drafts_new               (void);
KoersDrafts  *koers_drafts_new_for_directory (GFile         *directory);
GFile        *koers_drafts_get_directory     (KoersDrafts   *self);
char         *koers_drafts_new_id            (void);
gboolean      koers_drafts_save              (KoersDrafts   *self,
                                              const char    *draft_id,
                                              GBytes        *project_bytes,
                                              const char    *original_uri,
                                              const char    *stamp,
                                              GError       **error);
void          koers_drafts_save_async        (KoersDrafts         *self,
                                              const char          *draft_id,
                                              GBytes              *project_bytes,
                                              const char          *original_uri,
                                              const char          *stamp,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      koers_drafts_save_finish       (KoersDrafts   *self,
                                              GAsyncResult  *result,
                                              GError       **error);
gboolean      koers_drafts_remove            (KoersDrafts   *self,
                                              const char    *draft_id,
                                              GError       **error);
GPtrArray    *koers_drafts_list_orphaned     (KoersDrafts   *self);
KoersDraftInfo *koers_drafts_get_info        (KoersDrafts   *self,
                                              const char    *draft_id);
GBytes       *koers_drafts_read              (KoersDrafts   *self,
                                              const char    *draft_id,
                                              char         **original_uri,
                                              GError       **error);
KoersProject *koers_drafts_load              (KoersDrafts   *self,
                                              const char    *draft_id,
                                              char         **original_uri,
                                              GError       **error);

G_END_DECLS
