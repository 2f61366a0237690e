/* koers-roadmap-private.h: the roadmap engine's shared state while building
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koers-roadmap.h"
#include "koers-rules-private.h"

G_BEGIN_DECLS

typedef struct {
  guint model;
  guint stage;
} KoersStep;

typedef struct _KoersWork KoersWork;

typedef struct {
  KoersWork *from;
  KoersOrder order;
  gboolean   named;   /* by the rules (after, sequencing), not by a model's order */
} KoersEdge;

/* One piece of work in the plan: an item, or one milestone of an item
 * too big for a quarter. */
struct _KoersWork {
  const KoersRule    *rule;
  char               *id;          /* the rule's id, or programme/milestone */
  const char         *part_title;  /* untranslated, for a milestone; NULL for a whole item */
  guint               part;        /* 1-based; 0 for a whole item */
  guint               n_parts;
  KoersWork          *next_part;
  KoersWork          *first_part;
  GArray             *steps;       /* KoersStep: the model stages it moves towards */
  gboolean            brought;     /* brought in by another item or a finding */
  gboolean            remedy;      /* brought in by a finding: serves stages below Now */
  gboolean            in_phase_0;  /* phase 0 work */
  guint               min_phase;
  guint               effort;
  GArray             *preds;       /* KoersEdge */
  guint               n_succs;
  guint               path;        /* the longest remaining path, in person-days */
  int                 quarter;     /* -1 until scheduled */
  guint               rank;        /* position in priority order */
  KoersRoadmapItem   *item;
};

typedef struct {
  KoersProject          *project;
  KoersRules            *rules;
  KoersCatalog          *catalog;
  KoersLevel             level;
  const char            *kind;      /* the kind's id, or NULL when unknown */
  KoersOrganisationKind  kind_value;
  KoersSize              size;
  guint                  capacity;  /* person-days a quarter */
  double                 fte;       /* the team's time the plan is made for */
  guint                  max_items;
  GPtrArray             *works;     /* KoersWork*, owning */
  GHashTable            *by_id;     /* rule id → first KoersWork* */
  guint                  n_quarters;
  int                    last_goal;   /* the goal that named the phase before, or -1 */
} KoersBuilder;

/* koers-roadmap-collect.c */
gboolean   _koers_builder_condition_holds (KoersBuilder         *b,
                                           const KoersCondition *c);
gboolean   _koers_builder_all_hold        (KoersBuilder         *b,
                                           GPtrArray            *conditions);
KoersLevel _koers_builder_find_level      (KoersBuilder         *b,
                                           KoersModel          **level_model,
                                           int                  *level_stage);
void       _koers_builder_collect         (KoersBuilder         *b);
void       _koers_work_free               (KoersWork            *work);

/* koers-roadmap-schedule.c */
void       _koers_builder_schedule        (KoersBuilder         *b);
GPtrArray *_koers_builder_order_quarter   (KoersBuilder         *b,
                                           guint                 quarter);

/* koers-roadmap-findings.c */
void       _koers_roadmap_add_findings    (GPtrArray            *findings,
                                           KoersBuilder         *b,
                                           KoersModel           *level_model,
                                           int                   level_stage);
void       _koers_roadmap_name_phase      (KoersRoadmapPhase    *phase,
                                           KoersBuilder         *b);
void       _koers_finding_free            (KoersFinding         *finding);

G_END_DECLS
