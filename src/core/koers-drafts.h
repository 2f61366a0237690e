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

#include "koers-project.h"

G_BEGIN_DECLS

/**
 * KoersDraftInfo:
 * @id: the draft id (a UUID)
 * @uri: (nullable): the file the draft belongs to, or %NULL when the
 *   project was never saved
 * @saved: when the draft was written, ISO 8601 in UTC
 * @pid: the process that wrote it
 *
 * What the drafts folder knows about one draft, without loading it.
 */
typedef struct {
  char *id;
  char *uri;
  char *saved;
  gint64 pid;
} KoersDraftInfo;

#define KOERS_TYPE_DRAFT_INFO (koers_draft_info_get_type ())
GType           koers_draft_info_get_type (void) G_GNUC_CONST;
KoersDraftInfo *koers_draft_info_copy     (const KoersDraftInfo *info);
void            koers_draft_info_free     (KoersDraftInfo       *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersDraftInfo, koers_draft_info_free)

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
                                              GError       **error);
void          koers_drafts_save_async        (KoersDrafts         *self,
                                              const char          *draft_id,
                                              GBytes              *project_bytes,
                                              const char          *original_uri,
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
GBytes       *koers_drafts_read              (KoersDrafts   *self,
                                              const char    *draft_id,
                                              char         **original_uri,
                                              GError       **error);
KoersProject *koers_drafts_load              (KoersDrafts   *self,
                                              const char    *draft_id,
                                              char         **original_uri,
                                              GError       **error);

G_END_DECLS
