/* koers-draft-sidecar.h: the details kept beside a draft, and its owner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidecar (<id>.json in the drafts folder) says which file a draft
 * belongs to, when it was written, and which process wrote it: its pid,
 * that process's start time and the boot it ran in, so that a draft whose
 * owner is gone can be told from one whose owner still runs. Used by
 * KoersDrafts only.
 */
#pragma once

#include <glib.h>

#include "koers-draft-info.h"

G_BEGIN_DECLS

typedef struct {
  KoersDraftInfo info;
  char          *boot;
  char          *start;
} KoersDraftSidecar;

GBytes   *koers_draft_sidecar_to_bytes     (const char              *uri,
                                            const char              *stamp);
gboolean  koers_draft_sidecar_parse        (KoersDraftSidecar       *sidecar,
                                            const char              *draft_id,
                                            GBytes                  *bytes,
                                            GError                 **error);
gboolean  koers_draft_sidecar_owner_is_gone (const KoersDraftSidecar *sidecar);
void      koers_draft_sidecar_clear        (KoersDraftSidecar       *sidecar);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KoersDraftSidecar, koers_draft_sidecar_clear)

G_END_DECLS
