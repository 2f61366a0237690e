/* koers-rules-private.h: what the roadmap engine reads of the rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "koers-rules.h"

G_BEGIN_DECLS

typedef enum {
  KOERS_LEVEL_ALWAYS = -1,
  KOERS_LEVEL_LOW,
  KOERS_LEVEL_MIDDLE,
  KOERS_LEVEL_HIGH,
} KoersLevel;

typedef enum {
  KOERS_RULE_PHASE_0,
  KOERS_RULE_STEP,
  KOERS_RULE_CONDITIONAL,
} KoersRuleKind;

typedef enum {
  KOERS_CONDITION_IS,
  KOERS_CONDITION_AT_LEAST,
  KOERS_CONDITION_AT_MOST,
  KOERS_CONDITION_PLACED,
  KOERS_CONDITION_ANY,
  KOERS_CONDITION_ALL,             /* every condition of the list */
  KOERS_CONDITION_ALL_AT_GOAL,     /* something placed, no model has a step left */
  KOERS_CONDITION_GOAL_BELOW_NOW,  /* some model's Goal is below its Now */
  KOERS_CONDITION_ANSWERS_DISAGREE, /* some model's Now is not where its answers point */
} KoersConditionOp;

/* Organisations by staff, for efforts that grow with size. */
typedef enum {
  KOERS_SIZE_SMALL,
  KOERS_SIZE_MEDIUM,
  KOERS_SIZE_LARGE,
  KOERS_N_SIZES
} KoersSize;

typedef struct {
  guint days[KOERS_N_SIZES];   /* person-days per size class */
} KoersEffort;

/* A text that differs per organisation kind or maturity level. */
typedef struct {
  char *key;    /* a kind ("small-business"), a level ("high") or "default" */
  char *text;   /* untranslated */
} KoersVariant;

typedef struct {
  char        *id;      /* the last part of the milestone's id */
  char        *title;   /* untranslated */
  KoersEffort  effort;
} KoersMilestoneRule;

typedef struct {
  char     *id;
  char     *before;   /* a tag */
  char     *after;    /* a tag */
  gboolean  strict;   /* a later quarter, not only later in the list */
  gboolean  spread;   /* a later quarter where the plan has room */
  gboolean  pull;     /* planning an `after` item brings the `before` items in */
  gboolean  quiet;    /* orders the plan, but is not listed as an item's "after" */
  char     *cite;     /* the model and stage that call for it */
} KoersSequenceRule;

typedef struct {
  char *id;
  char *name;   /* untranslated */
  char *done;   /* untranslated */
} KoersGoal;

typedef struct {
  KoersConditionOp  op;
  char             *model;
  KoersMarker       marker;
  int               stage;     /* index, for IS / AT_LEAST / AT_MOST */
  gboolean          placed;    /* for PLACED */
  GPtrArray        *any;       /* KoersCondition*, for ANY and ALL */
} KoersCondition;

typedef struct {
  char *model;
  char *stage;
} KoersRuleRef;

typedef struct {
  guint          order;     /* position in the file */
  char          *id;
  KoersRuleKind  kind;
  KoersLevel     level;     /* PHASE_0 */
  GPtrArray     *towards;   /* KoersRuleRef*, STEP */
  GPtrArray     *when;      /* KoersCondition*, CONDITIONAL */
  GPtrArray     *serves;    /* KoersRuleRef*, CONDITIONAL */
  guint          phase;     /* CONDITIONAL */
  char          *title;     /* untranslated, the default */
  char          *why;       /* untranslated, the default */
  GPtrArray     *titles;    /* KoersVariant*, by kind */
  GPtrArray     *whys;      /* KoersVariant*, by kind or level */
  GPtrArray     *roles;     /* KoersVariant*, by kind; text is a role id */
  char          *result;    /* untranslated, or NULL */
  KoersEffort    effort;
  guint          kinds;     /* 1 << KoersOrganisationKind; 0 for all */
  guint          levels;    /* 1 << KoersLevel; 0 for all */
  GPtrArray     *unless;    /* KoersCondition*, or NULL */
  gboolean       doing;     /* acts in public or spends real money */
  int            goal;      /* index into the goals */
  GStrv          tags;
  GStrv          after;
  GStrv          after_if_planned;
  GStrv          requires;
  GPtrArray     *milestones; /* KoersMilestoneRule*, or NULL */
  int            lesson;    /* 0 when none */
} KoersRule;

typedef struct {
  char          *id;
  KoersSeverity  severity;
  GStrv          models;
  GPtrArray     *when;      /* KoersCondition* */
  char          *message;   /* untranslated */
  int            lesson;
  GStrv          adds;            /* items the finding brings into the plan */
  GStrv          unless_planned;  /* the finding is moot when these are planned */
} KoersFindingRule;

typedef struct {
  double days_per_fte;      /* person-days of roadmap work per fte per quarter */
  double default_fte;
  double small_business_fte;
  guint  small_staff;       /* below: a small organisation */
  guint  large_staff;       /* from: a large organisation */
  guint  max_items;         /* per phase after phase 0 */
} KoersCapacityRule;

/* One type over koers-rules.c, koers-rules-item.c and koers-rules-plan.c. */
struct _KoersRules
{
  GObject       parent_instance;

  KoersCatalog *catalog;
  GPtrArray    *items;      /* KoersRule* */
  GHashTable   *by_id;      /* id → KoersRule* */
  GPtrArray    *findings;   /* KoersFindingRule* */
  GHashTable   *levels;     /* "model/stage" → level + 10 */
  GHashTable   *joins;      /* "model/stage" set */
  GHashTable   *in_phase_0; /* "model/stage" set */
  GHashTable   *efforts;    /* name → KoersEffort* */
  GPtrArray    *goals;      /* KoersGoal* */
  GPtrArray    *sequences;  /* KoersSequenceRule* */
  KoersCapacityRule capacity;
  guint8       *order;      /* KoersOrder, items × items */
  GStrv         strict_models;
};

gboolean                _koers_rules_parse_id_list     (JsonObject   *object,
                                                        const char   *path,
                                                        const char   *member,
                                                        GStrv        *out,
                                                        GError      **error);
gboolean                _koers_rules_parse_string_list (JsonObject   *object,
                                                        const char   *path,
                                                        const char   *member,
                                                        const char   *expected,
                                                        GStrv        *out,
                                                        GError      **error);

/* koers-rules-plan.c */
gboolean                _koers_rules_parse_planning    (KoersRules   *self,
                                                        JsonObject   *root,
                                                        GError      **error);
gboolean                _koers_rules_check_references  (KoersRules   *self,
                                                        GError      **error);

const KoersRule        *_koers_rules_get_item          (KoersRules   *self,
                                                        guint         index);
const KoersRule        *_koers_rules_lookup_item       (KoersRules   *self,
                                                        const char   *id);
const KoersFindingRule *_koers_rules_get_finding       (KoersRules   *self,
                                                        guint         index);
int                     _koers_rules_get_level         (KoersRules   *self,
                                                        const char   *model,
                                                        const char   *stage);
gboolean                _koers_rules_model_is_strict   (KoersRules   *self,
                                                        const char   *model);
gboolean                _koers_rules_stage_joins       (KoersRules   *self,
                                                        const char   *model,
                                                        const char   *stage);
gboolean                _koers_rules_stage_in_phase_0  (KoersRules   *self,
                                                        const char   *model,
                                                        const char   *stage);
KoersCatalog           *_koers_rules_get_catalog       (KoersRules   *self);
const KoersCapacityRule *_koers_rules_get_capacity     (KoersRules   *self);
guint                   _koers_rules_get_n_goals       (KoersRules   *self);
const KoersGoal        *_koers_rules_get_goal          (KoersRules   *self,
                                                        guint         index);
guint                   _koers_rules_get_n_sequences   (KoersRules   *self);
const KoersSequenceRule *_koers_rules_get_sequence     (KoersRules   *self,
                                                        guint         index);
gboolean                _koers_rule_has_tag            (const KoersRule *rule,
                                                        const char      *tag);
const char             *_koers_rule_pick               (GPtrArray    *variants,
                                                        const char   *fallback,
                                                        const char   *kind,
                                                        const char   *level);

int                     _koers_rules_lookup_goal       (KoersRules   *self,
                                                        const char   *id);
const KoersEffort      *_koers_rules_lookup_effort     (KoersRules   *self,
                                                        const char   *name);

typedef enum {
  KOERS_ORDER_NONE,
  KOERS_ORDER_LATER,         /* later in the list, the same quarter allowed */
  KOERS_ORDER_SPREAD,        /* a later quarter where the plan has room, else LATER */
  KOERS_ORDER_NEXT_QUARTER,  /* in a later quarter */
} KoersOrder;

KoersOrder              _koers_rules_get_order         (KoersRules      *self,
                                                        const KoersRule *a,
                                                        const KoersRule *b);
gboolean                _koers_rules_names_order       (KoersRules      *self,
                                                        const KoersRule *a,
                                                        const KoersRule *b);
int                     _koers_rules_stage_on          (KoersRules      *self,
                                                        const KoersRule *rule,
                                                        KoersModel      *model);

/* koers-rules-item.c */
gboolean                _koers_rules_parse_text        (JsonObject   *object,
                                                        const char   *path,
                                                        const char   *member,
                                                        char        **text,
                                                        GPtrArray   **variants,
                                                        GError      **error);
gboolean                _koers_rules_parse_effort      (KoersRules   *self,
                                                        JsonNode     *node,
                                                        const char   *path,
                                                        KoersEffort  *effort,
                                                        GError      **error);
gboolean                _koers_rules_parse_item_extras (KoersRules   *self,
                                                        KoersRule    *rule,
                                                        JsonObject   *object,
                                                        const char   *path,
                                                        GError      **error);
void                    _koers_rule_free_extras        (KoersRule    *rule);
GPtrArray              *_koers_rules_parse_conditions  (KoersRules   *self,
                                                        JsonArray    *array,
                                                        const char   *path,
                                                        GError      **error);
gboolean                _koers_rules_set_invalid       (GError      **error,
                                                        const char   *path,
                                                        const char   *what);

G_END_DECLS
