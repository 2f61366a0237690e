/* koers-draft-info.h: what the drafts folder knows about one draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * KoersDraftInfo:
 * @id: the draft id (a UUID)
 * @uri: (nullable): the file the draft belongs to, or %NULL when the
 *   project was never saved
 * @saved: when the draft was written, ISO 8601 in UTC
 * @pid: the process that wrote it
 * @stamp: (nullable): the original file's etag, or time and size, as the
 *   document last read or wrote it: restoring the draft over a file that
 *   changed since must ask first
 *
 * What the drafts folder knows about one draft, without loading it.
 */
typedef struct {
  char *id;
  char *uri;
  char *saved;
  gint64 pid;
  char *stamp;
} KoersDraftInfo;

#define KOERS_TYPE_DRAFT_INFO (koers_draft_info_get_type ())
GType           koers_draft_info_get_type (void) G_GNUC_CONST;
KoersDraftInfo *koers_draft_info_copy     (const KoersDraftInfo *info);
void            koers_draft_info_free     (KoersDraftInfo       *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersDraftInfo, koers_draft_info_free)

G_END_DECLS
