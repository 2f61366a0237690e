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
 * @role: who carries it: "communication", "service", "hr",
 *   "management", "it" or "all-staff" (koers_roadmap_role_get_label())
 * @effort: the work it takes, in person-days
 * @result: (nullable): translated measurable result, e.g. a KPI
 * @milestone: a dated milestone rather than work, e.g. the go/no-go gate
 * @programme: (nullable): for one milestone of a programme too big for a
 *   quarter, the programme's id; @part counts from 1 to @n_parts
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
  char        *role;
  guint        effort;
  char        *result;
  gboolean     milestone;
  char        *programme;
  guint        part;
  guint        n_parts;
  KoersStatus  status;
  char        *owner;
  char        *due;
  char        *note;
} KoersRoadmapItem;

/**
 * KoersRoadmapPhase:
 * @index: 0 for phase 0; a phase is a quarter
 * @title: "Phase 2", translated
 * @name: (nullable): what the phase achieves, e.g. "Listen and set direction"
 * @done: (nullable): its definition of done, translated
 * @period: the quarter, "Q1 2027", or %NULL without a start month
 * @effort: the person-days its items take
 * @items: (element-type KoersRoadmapItem): in the order the work is done
 */
typedef struct {
  guint      index;
  char      *title;
  char      *name;
  char      *done;
  char      *period;
  guint      effort;
  GPtrArray *items;
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
double                   koers_roadmap_get_capacity     (KoersRoadmap *self);
guint                    koers_roadmap_get_quarter_capacity (KoersRoadmap *self);

const char              *koers_roadmap_role_get_label   (const char   *role);

G_END_DECLS
