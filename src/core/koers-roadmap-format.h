/* koers-roadmap-format.h: the roadmap as Markdown, CSV and JSON text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koers-roadmap.h"

G_BEGIN_DECLS

typedef enum {
  KOERS_ROADMAP_FORMAT_MARKDOWN,
  KOERS_ROADMAP_FORMAT_JSON,
  KOERS_ROADMAP_FORMAT_CSV,
} KoersRoadmapFormat;

gboolean koers_roadmap_format_from_string (const char         *name,
                                           KoersRoadmapFormat *format);
char    *koers_strip_soft_hyphens         (char               *text);
char    *koers_roadmap_to_text            (KoersRoadmap       *roadmap,
                                           KoersCatalog       *catalog,
                                           KoersRoadmapFormat  format);
void     koers_csv_append_field           (GString            *line,
                                           const char         *field);

char    *koers_format_person_days            (guint                    days);
char    *koers_roadmap_describe_phase_effort (KoersRoadmap            *roadmap,
                                              const KoersRoadmapPhase *phase);
char    *koers_roadmap_describe_item_plan    (KoersRoadmap            *roadmap,
                                              const KoersRoadmapItem  *item);

G_END_DECLS
