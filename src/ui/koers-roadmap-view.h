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
guint      koers_roadmap_view_get_n_phases     (KoersRoadmapView *self);
guint      koers_roadmap_view_get_n_items      (KoersRoadmapView *self);
guint      koers_roadmap_view_get_n_orphans    (KoersRoadmapView *self);
GtkWidget *koers_roadmap_view_get_item_row     (KoersRoadmapView *self,
                                                const char       *item_id);
GtkWidget *koers_roadmap_view_get_findings     (KoersRoadmapView *self);
const char *koers_roadmap_view_get_phase_title  (KoersRoadmapView *self,
                                                guint             index);
const char *koers_roadmap_view_get_phase_period (KoersRoadmapView *self,
                                                 guint             index);
GtkEditable *koers_roadmap_view_get_name_entry (KoersRoadmapView *self);

G_END_DECLS
