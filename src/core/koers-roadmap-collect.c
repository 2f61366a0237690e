/* koers-roadmap-collect.c: which items the placements call for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Phase 0 by maturity, the steps from Now to Goal, items whose
 * conditions hold, the remedies of findings, and everything those need
 * that is neither planned nor done: an `after` or a pulling sequencing
 * rule brings its item in unless a reached stage says it is done.
 */
#define G_LOG_DOMAIN "koers-roadmap"

#include "config.h"

#include "koers-roadmap-private.h"

void
_koers_work_free (KoersWork *work)
{
  g_free (work->id);
  g_clear_pointer (&work->steps, g_array_unref);
  g_clear_pointer (&work->preds, g_array_unref);
  g_free (work);
}

static int
stage_index (KoersBuilder *b,
             KoersModel   *model,
             KoersMarker   marker)
{
  return koers_model_stage_index (model, koers_project_get_marker (b->project, koers_model_get_id (model), marker));
}

static gboolean
all_at_goal (KoersBuilder *b)
{
  gboolean placed = FALSE;

  for (guint m = 0; m < koers_catalog_get_n_models (b->catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (b->catalog, m);
      int current = stage_index (b, model, KOERS_MARKER_CURRENT);
      int target = stage_index (b, model, KOERS_MARKER_TARGET);

      placed |= current >= 0 || target >= 0;
      /* A Goal above Now has steps left, one below it is a scale-back;
       * a Goal that is phase 0's own stage leaves nothing after it. */
      if (target >= 0 && target != current &&
          !(target > current && _koers_rules_stage_in_phase_0 (b->rules, koers_model_get_id (model),
                                                               koers_model_get_stage (model, target)->id)))
        return FALSE;
    }
  return placed;
}

static gboolean
goal_below_now (KoersBuilder *b)
{
  for (guint m = 0; m < koers_catalog_get_n_models (b->catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (b->catalog, m);
      int current = stage_index (b, model, KOERS_MARKER_CURRENT);
      int target = stage_index (b, model, KOERS_MARKER_TARGET);

      if (target >= 0 && current > target)
        return TRUE;
    }
  return FALSE;
}

/* The placement a user kept against the questionnaire: worth a second
 * look with colleagues, which the review item plans. */
static gboolean
answers_disagree (KoersBuilder *b)
{
  for (guint m = 0; m < koers_catalog_get_n_models (b->catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (b->catalog, m);
      int current = stage_index (b, model, KOERS_MARKER_CURRENT);
      int suggested;

      if (current < 0)
        continue;
      suggested = koers_project_suggest_stage (b->project, koers_model_get_id (model));
      if (suggested >= 0 && suggested != current)
        return TRUE;
    }
  return FALSE;
}

gboolean
_koers_builder_condition_holds (KoersBuilder         *b,
                                const KoersCondition *c)
{
  KoersModel *model;
  int index;

  switch (c->op)
    {
    case KOERS_CONDITION_ANY:
      for (guint i = 0; i < c->any->len; i++)
        if (_koers_builder_condition_holds (b, g_ptr_array_index (c->any, i)))
          return TRUE;
      return FALSE;
    case KOERS_CONDITION_ALL:
      return _koers_builder_all_hold (b, c->any);
    case KOERS_CONDITION_ALL_AT_GOAL:
      return all_at_goal (b);
    case KOERS_CONDITION_GOAL_BELOW_NOW:
      return goal_below_now (b);
    case KOERS_CONDITION_ANSWERS_DISAGREE:
      return answers_disagree (b);
    case KOERS_CONDITION_PLACED:
    case KOERS_CONDITION_IS:
    case KOERS_CONDITION_AT_LEAST:
    case KOERS_CONDITION_AT_MOST:
    default:
      break;
    }

  model = koers_catalog_lookup (b->catalog, c->model);
  index = model ? stage_index (b, model, c->marker) : -1;

  switch (c->op)
    {
    case KOERS_CONDITION_PLACED:
      return (index >= 0) == c->placed;
    case KOERS_CONDITION_IS:
      return index >= 0 && index == c->stage;
    case KOERS_CONDITION_AT_LEAST:
      return index >= 0 && index >= c->stage;
    case KOERS_CONDITION_AT_MOST:
      return index >= 0 && index <= c->stage;
    case KOERS_CONDITION_ANY:
    case KOERS_CONDITION_ALL:
    case KOERS_CONDITION_ALL_AT_GOAL:
    case KOERS_CONDITION_GOAL_BELOW_NOW:
    case KOERS_CONDITION_ANSWERS_DISAGREE:
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
_koers_builder_all_hold (KoersBuilder *b,
                         GPtrArray    *conditions)
{
  for (guint i = 0; i < conditions->len; i++)
    if (!_koers_builder_condition_holds (b, g_ptr_array_index (conditions, i)))
      return FALSE;
  return TRUE;
}

/* The lowest level among the placed Now markers: the weakest link
 * decides how much preparation is needed. */
KoersLevel
_koers_builder_find_level (KoersBuilder  *b,
                           KoersModel   **level_model,
                           int           *level_stage)
{
  KoersLevel level = KOERS_LEVEL_HIGH + 1;

  *level_model = NULL;
  *level_stage = -1;

  for (guint m = 0; m < koers_catalog_get_n_models (b->catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (b->catalog, m);
      const char *current = koers_project_get_current (b->project, koers_model_get_id (model));
      int l;

      if (current == NULL)
        continue;
      l = _koers_rules_get_level (b->rules, koers_model_get_id (model), current);
      if (l >= 0 && l < (int) level)
        {
          level = l;
          *level_model = model;
          *level_stage = koers_model_stage_index (model, current);
        }
    }

  return *level_model ? level : KOERS_LEVEL_LOW;
}

/* Whether the rule speaks to this organisation at all: its kind, the
 * maturity level, and what the placements say is done. */
static gboolean
rule_applies (KoersBuilder    *b,
              const KoersRule *rule)
{
  KoersOrganisationKind kind = b->kind_value == KOERS_ORGANISATION_UNKNOWN ? KOERS_ORGANISATION_OTHER
                                                                            : b->kind_value;

  if (rule->kinds != 0 && !(rule->kinds & (1u << kind)))
    return FALSE;
  if (rule->levels != 0 && !(rule->levels & (1u << b->level)))
    return FALSE;
  if (rule->unless != NULL && _koers_builder_all_hold (b, rule->unless))
    return FALSE;
  return TRUE;
}

/* A step item is done when Now has reached a stage it moves towards. */
static gboolean
rule_done (KoersBuilder    *b,
           const KoersRule *rule)
{
  if (rule->kind != KOERS_RULE_STEP)
    return FALSE;
  for (guint i = 0; i < rule->towards->len; i++)
    {
      KoersRuleRef *ref = g_ptr_array_index (rule->towards, i);
      KoersModel *model = koers_catalog_lookup (b->catalog, ref->model);
      int current = model ? stage_index (b, model, KOERS_MARKER_CURRENT) : -1;

      if (current >= 0 && current >= koers_model_stage_index (model, ref->stage))
        return TRUE;
    }
  return FALSE;
}

static KoersWork *
add_rule (KoersBuilder    *b,
          const KoersRule *rule,
          gboolean         brought)
{
  KoersWork *work = g_hash_table_lookup (b->by_id, rule->id);

  if (work != NULL)
    return work;

  work = g_new0 (KoersWork, 1);
  work->rule = rule;
  work->id = g_strdup (rule->id);
  work->first_part = work;
  work->steps = g_array_new (FALSE, FALSE, sizeof (KoersStep));
  work->preds = g_array_new (FALSE, FALSE, sizeof (KoersEdge));
  work->brought = brought;
  work->quarter = -1;
  work->min_phase = rule->kind == KOERS_RULE_CONDITIONAL ? rule->phase : 0;
  work->in_phase_0 = rule->kind == KOERS_RULE_PHASE_0 ||
                     (rule->kind == KOERS_RULE_CONDITIONAL && rule->phase == 0);
  work->effort = rule->effort.days[b->size];
  g_ptr_array_add (b->works, work);
  g_hash_table_insert (b->by_id, rule->id, work);
  return work;
}

static gboolean
rule_moves_towards (const KoersRule *rule,
                    const char      *model,
                    const char      *stage)
{
  for (guint i = 0; i < rule->towards->len; i++)
    {
      KoersRuleRef *ref = g_ptr_array_index (rule->towards, i);

      if (g_str_equal (ref->model, model) && g_str_equal (ref->stage, stage))
        return TRUE;
    }
  return FALSE;
}

/* What an item brought into the plan serves: the stages it moves
 * towards that Now has not reached, each as a step. */
static void
add_open_steps (KoersBuilder *b,
                KoersWork    *work,
                gboolean      even_reached)
{
  if (work->rule->kind != KOERS_RULE_STEP || work->steps->len > 0)
    return;
  for (guint i = 0; i < work->rule->towards->len; i++)
    {
      KoersRuleRef *ref = g_ptr_array_index (work->rule->towards, i);
      KoersModel *model = koers_catalog_lookup (b->catalog, ref->model);
      int stage = koers_model_stage_index (model, ref->stage);
      KoersStep step = { 0, stage };

      for (guint m = 0; m < koers_catalog_get_n_models (b->catalog); m++)
        if (koers_catalog_get_model (b->catalog, m) == model)
          step.model = m;
      if (even_reached || stage > stage_index (b, model, KOERS_MARKER_CURRENT))
        g_array_append_val (work->steps, step);
    }
}

static void
bring (KoersBuilder    *b,
       const KoersRule *rule)
{
  KoersWork *work;

  if (g_hash_table_contains (b->by_id, rule->id) || !rule_applies (b, rule) || rule_done (b, rule))
    return;
  work = add_rule (b, rule, TRUE);
  add_open_steps (b, work, FALSE);
}

/* What planned items need comes along; b->works grows while we walk it. */
static void
close_over_needs (KoersBuilder *b)
{
  guint n_rules = koers_rules_get_n_items (b->rules);

  for (guint w = 0; w < b->works->len; w++)
    {
      const KoersRule *rule = ((KoersWork *) g_ptr_array_index (b->works, w))->rule;

      for (guint j = 0; rule->after[j]; j++)
        bring (b, _koers_rules_lookup_item (b->rules, rule->after[j]));
      for (guint j = 0; rule->requires[j]; j++)
        {
          const KoersRule *dep = _koers_rules_lookup_item (b->rules, rule->requires[j]);

          /* Required means required, whatever the level picked. */
          if (!g_hash_table_contains (b->by_id, dep->id) && rule_applies (b, dep) &&
              !rule_done (b, dep))
            add_open_steps (b, add_rule (b, dep, TRUE), FALSE);
        }

      for (guint s = 0; s < _koers_rules_get_n_sequences (b->rules); s++)
        {
          const KoersSequenceRule *seq = _koers_rules_get_sequence (b->rules, s);

          if (!seq->pull || !_koers_rule_has_tag (rule, seq->after))
            continue;
          for (guint i = 0; i < n_rules; i++)
            {
              const KoersRule *other = _koers_rules_get_item (b->rules, i);

              if (_koers_rule_has_tag (other, seq->before))
                bring (b, other);
            }
        }
    }
}

void
_koers_builder_collect (KoersBuilder *b)
{
  guint n_rules = koers_rules_get_n_items (b->rules);

  for (guint i = 0; i < n_rules; i++)
    {
      const KoersRule *rule = _koers_rules_get_item (b->rules, i);

      if (rule->kind == KOERS_RULE_PHASE_0 &&
          (rule->level == KOERS_LEVEL_ALWAYS || rule->level == b->level) &&
          rule_applies (b, rule))
        add_rule (b, rule, FALSE);
    }

  for (guint m = 0; m < koers_catalog_get_n_models (b->catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (b->catalog, m);
      const char *model_id = koers_model_get_id (model);
      int current = stage_index (b, model, KOERS_MARKER_CURRENT);
      int target = stage_index (b, model, KOERS_MARKER_TARGET);

      for (int s = current + 1; target >= 0 && s <= target; s++)
        {
          const char *stage_id = koers_model_get_stage (model, s)->id;

          for (guint i = 0; i < n_rules; i++)
            {
              const KoersRule *rule = _koers_rules_get_item (b->rules, i);
              KoersStep step = { m, s };

              if (rule->kind == KOERS_RULE_STEP && rule_moves_towards (rule, model_id, stage_id) &&
                  rule_applies (b, rule))
                g_array_append_val (add_rule (b, rule, FALSE)->steps, step);
            }
        }
    }

  for (guint i = 0; i < n_rules; i++)
    {
      const KoersRule *rule = _koers_rules_get_item (b->rules, i);

      if (rule->kind == KOERS_RULE_CONDITIONAL && rule_applies (b, rule) &&
          _koers_builder_all_hold (b, rule->when))
        add_rule (b, rule, FALSE);
    }

  /* A finding's remedy comes in even when Now says it is done: the
   * finding is that Now is probably wrong about it. */
  for (guint i = 0; i < koers_rules_get_n_findings (b->rules); i++)
    {
      const KoersFindingRule *finding = _koers_rules_get_finding (b->rules, i);

      if (finding->adds[0] == NULL || !_koers_builder_all_hold (b, finding->when))
        continue;
      for (guint j = 0; finding->adds[j]; j++)
        {
          const KoersRule *rule = _koers_rules_lookup_item (b->rules, finding->adds[j]);
          KoersWork *work;

          if (g_hash_table_contains (b->by_id, rule->id) || !rule_applies (b, rule))
            continue;
          work = add_rule (b, rule, TRUE);
          work->remedy = TRUE;
          add_open_steps (b, work, TRUE);
        }
    }

  close_over_needs (b);
}
