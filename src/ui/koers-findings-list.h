/* koers-findings-list.h: what the models say about each other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koers-roadmap.h"

G_BEGIN_DECLS

#define KOERS_TYPE_FINDINGS_LIST (koers_findings_list_get_type ())
G_DECLARE_FINAL_TYPE (KoersFindingsList, koers_findings_list, KOERS, FINDINGS_LIST, AdwBin)

GtkWidget  *koers_findings_list_new          (void);
void        koers_findings_list_set_filter   (KoersFindingsList *self,
                                              const char        *model_id);
void        koers_findings_list_set_roadmap  (KoersFindingsList *self,
                                              KoersRoadmap      *roadmap,
                                              KoersCatalog      *catalog);

G_END_DECLS
