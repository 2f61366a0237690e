/* koers-orphan-list.h: what was recorded on items the roadmap no longer has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koers-roadmap.h"

G_BEGIN_DECLS

#define KOERS_TYPE_ORPHAN_LIST (koers_orphan_list_get_type ())
G_DECLARE_FINAL_TYPE (KoersOrphanList, koers_orphan_list, KOERS, ORPHAN_LIST, AdwBin)

GtkWidget *koers_orphan_list_new         (void);
void       koers_orphan_list_set_orphans (KoersOrphanList *self,
                                          const GPtrArray *orphans);

G_END_DECLS
