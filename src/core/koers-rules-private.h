/* koers-rules-private.h: what the roadmap engine reads of the rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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
} KoersConditionOp;

typedef struct {
  KoersConditionOp  op;
  char             *model;
  KoersMarker       marker;
  int               stage;     /* index, for IS / AT_LEAST / AT_MOST */
  gboolean          placed;    /* for PLACED */
  GPtrArray        *any;       /* KoersCondition*, for ANY */
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
  char          *title;     /* untranslated */
  char          *why;       /* untranslated */
  GStrv          after;
  GStrv          requires;
  int            lesson;    /* 0 when none */
} KoersRule;

typedef struct {
  char          *id;
  KoersSeverity  severity;
  GStrv          models;
  GPtrArray     *when;      /* KoersCondition* */
  char          *message;   /* untranslated */
  int            lesson;
} KoersFindingRule;

const KoersRule        *_koers_rules_get_item          (KoersRules   *self,
                                                        guint         index);
const KoersRule        *_koers_rules_lookup_item       (KoersRules   *self,
                                                        const char   *id);
const KoersFindingRule *_koers_rules_get_finding       (KoersRules   *self,
                                                        guint         index);
int                     _koers_rules_get_level         (KoersRules   *self,
                                                        const char   *model,
                                                        const char   *stage);
gboolean                _koers_rules_stage_joins       (KoersRules   *self,
                                                        const char   *model,
                                                        const char   *stage);
gboolean                _koers_rules_stage_in_phase_0  (KoersRules   *self,
                                                        const char   *model,
                                                        const char   *stage);
KoersCatalog           *_koers_rules_get_catalog       (KoersRules   *self);

G_END_DECLS
