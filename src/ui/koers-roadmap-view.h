/* koers-roadmap-view.h: the plan, phase by phase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koers-history.h"
#include "koers-roadmap.h"

G_BEGIN_DECLS

#define KOERS_TYPE_ROADMAP_VIEW (koers_roadmap_view_get_type ())
G_DECLARE_FINAL_TYPE (KoersRoadmapView, koers_roadmap_view, KOERS, ROADMAP_VIEW, AdwBin)

GtkWidget *koers_roadmap_view_new              (void);
void       koers_roadmap_view_set_history      (KoersRoadmapView *self,
                                                KoersHistory     *history);
void       koers_roadmap_view_set_roadmap      (KoersRoadmapView *self,
                                                KoersRoadmap     *roadmap);

G_END_DECLS
