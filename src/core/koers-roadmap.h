/* koers-roadmap.h: the plan built from a project's placements and the rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koers-project.h"
#include "koers-rules.h"

G_BEGIN_DECLS

typedef struct {
  char *model;
  char *stage;
} KoersStageRef;

/**
 * KoersRoadmapItem:
 * @id: stable id; what the user records is stored under it
 * @title: translated, short enough for a card
 * @why: translated explanation
 * @serves: (element-type KoersStageRef): the model stages the item moves
 *   towards, the primary one first
 * @after: ids of the items it depends on, all earlier in the roadmap
 * @phase: the phase it stands in
 * @lesson: the combined-models lesson it applies, or 0
 * @status, @owner, @due, @note: what the user recorded
 */
typedef struct {
  char        *id;
  char        *title;
  char        *why;
  GPtrArray   *serves;
  GStrv        after;
  guint        phase;
  int          lesson;
  KoersStatus  status;
  char        *owner;
  char        *due;
  char        *note;
} KoersRoadmapItem;

typedef struct {
  guint      index;
  char      *title;
  char      *period;  /* "Q1 2027", or NULL without a start month */
  GPtrArray *items;   /* KoersRoadmapItem*, in order */
} KoersRoadmapPhase;

typedef struct {
  char          *id;
  KoersSeverity  severity;
  GStrv          models;
  char          *message;
  int            lesson;
} KoersFinding;

typedef struct {
  char        *id;
  gboolean     has_status;
  KoersStatus  status;
  char        *owner;
  char        *due;
  char        *note;
} KoersOrphan;

#define KOERS_TYPE_ROADMAP (koers_roadmap_get_type ())
G_DECLARE_FINAL_TYPE (KoersRoadmap, koers_roadmap, KOERS, ROADMAP, GObject)

KoersRoadmap            *koers_roadmap_build            (KoersProject *project,
                                                         KoersRules   *rules);
const char              *koers_roadmap_get_organisation (KoersRoadmap *self);
guint                    koers_roadmap_get_n_phases     (KoersRoadmap *self);
const KoersRoadmapPhase *koers_roadmap_get_phase        (KoersRoadmap *self,
                                                         guint         index);
guint                    koers_roadmap_get_n_items      (KoersRoadmap *self);
const KoersRoadmapItem  *koers_roadmap_lookup_item      (KoersRoadmap *self,
                                                         const char   *id);
const GPtrArray         *koers_roadmap_get_findings     (KoersRoadmap *self);
const GPtrArray         *koers_roadmap_get_orphans      (KoersRoadmap *self);
const char              *koers_roadmap_get_level_name   (KoersRoadmap *self);

G_END_DECLS
