/* koers-item-row.h: one roadmap item, with what the user records on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koers-history.h"
#include "koers-roadmap.h"

G_BEGIN_DECLS

#define KOERS_TYPE_ITEM_ROW (koers_item_row_get_type ())
G_DECLARE_FINAL_TYPE (KoersItemRow, koers_item_row, KOERS, ITEM_ROW, AdwExpanderRow)

GtkWidget   *koers_item_row_new       (KoersHistory           *history,
                                       KoersRoadmap           *roadmap,
                                       const KoersRoadmapItem *item);
void         koers_item_row_update    (KoersItemRow           *self,
                                       KoersRoadmap           *roadmap,
                                       const KoersRoadmapItem *item);
void         koers_item_row_sync      (KoersItemRow           *self);

G_END_DECLS
