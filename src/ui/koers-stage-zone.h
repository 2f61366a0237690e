/* koers-stage-zone.h: one stage of a diagram, as a focusable accessible element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "koers-model.h"

G_BEGIN_DECLS

#define KOERS_TYPE_STAGE_ZONE (koers_stage_zone_get_type ())
G_DECLARE_FINAL_TYPE (KoersStageZone, koers_stage_zone, KOERS, STAGE_ZONE, GtkWidget)

GtkWidget  *koers_stage_zone_new            (const KoersStage *stage);
const char *koers_stage_zone_get_stage_id   (KoersStageZone   *self);
void        koers_stage_zone_set_markers    (KoersStageZone   *self,
                                             gboolean          has_now,
                                             gboolean          has_goal,
                                             gboolean          suggested);

G_END_DECLS
