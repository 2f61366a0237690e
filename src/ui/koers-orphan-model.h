/* koers-orphan-model.h: a roadmap's orphans as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "koers-roadmap.h"

G_BEGIN_DECLS

#define KOERS_TYPE_ORPHAN_MODEL (koers_orphan_model_get_type ())
G_DECLARE_FINAL_TYPE (KoersOrphanModel, koers_orphan_model, KOERS, ORPHAN_MODEL, GObject)

KoersOrphanModel  *koers_orphan_model_new         (void);
void               koers_orphan_model_set_orphans (KoersOrphanModel *self,
                                                   GPtrArray        *orphans);
const KoersOrphan *koers_orphan_model_get_orphan  (KoersOrphanModel *self,
                                                   guint             position);

G_END_DECLS
