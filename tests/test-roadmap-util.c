/* test-roadmap-util.c: the invariants every roadmap keeps, and helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "koers-roadmap-format.h"
#include "test-roadmap-util.h"

char *roadmap_test_case;
#define current_case roadmap_test_case

void
place (KoersProject *project,
       const char   *model,
       const char   *current,
       const char   *target)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (koers_project_place (project, model, KOERS_MARKER_CURRENT, current, &error));
  g_assert_true (koers_project_place (project, model, KOERS_MARKER_TARGET, target, &error));
  g_assert_no_error (error);
}

const KoersRoadmapItem *
find_item (KoersRoadmap *roadmap,
           const char   *id,
           guint        *phase,
           guint        *position)
{
  guint pos = 0;

  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *ph = koers_roadmap_get_phase (roadmap, p);

      for (guint i = 0; i < ph->items->len; i++, pos++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (ph->items, i);

          if (g_str_equal (item->id, id))
            {
              if (phase)
                *phase = ph->index;
              if (position)
                *position = pos;
              return item;
            }
        }
    }
  return NULL;
}

gboolean
serves (const KoersRoadmapItem *item,
        const char             *model,
        const char             *stage)
{
  for (guint s = 0; s < item->serves->len; s++)
    {
      const KoersStageRef *ref = g_ptr_array_index (item->serves, s);

      if (g_str_equal (ref->model, model) && (stage == NULL || g_str_equal (ref->stage, stage)))
        return TRUE;
    }
  return FALSE;
}

const KoersFinding *
find_finding (KoersRoadmap *roadmap,
              const char   *id)
{
  const GPtrArray *findings = koers_roadmap_get_findings (roadmap);

  for (guint i = 0; i < findings->len; i++)
    {
      const KoersFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->id, id))
        return f;
    }
  return NULL;
}

char *
roadmap_json (KoersRoadmap *roadmap)
{
  return koers_roadmap_to_text (roadmap, koers_catalog_get_builtin (), KOERS_ROADMAP_FORMAT_JSON);
}

void
set_organisation (KoersProject *project,
                  const char   *kind,
                  const char   *staff,
                  const char   *capacity)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_KIND, NULL, kind, &error));
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_STAFF, NULL, staff, &error));
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_CAPACITY, NULL, capacity, &error));
  g_assert_no_error (error);
}

/* A rule without kind, level or unless filters: the rules never leave it
 * out for this organisation. */
static gboolean
unfiltered (const KoersRule *rule)
{
  return rule->kinds == 0 && rule->levels == 0 && rule->unless == NULL;
}

static gboolean
added_by_finding (KoersRoadmap *roadmap,
                  const char   *id)
{
  KoersRules *rules = koers_rules_get_builtin ();

  for (guint r = 0; r < koers_rules_get_n_findings (rules); r++)
    {
      const KoersFindingRule *fr = _koers_rules_get_finding (rules, r);

      if (g_strv_contains ((const char * const *) fr->adds, id) && find_finding (roadmap, fr->id))
        return TRUE;
    }
  return FALSE;
}

/* A conditional item serves what its rule names, in that order. */
static gboolean
serves_as_rule (const KoersRule        *rule,
                const KoersRoadmapItem *item)
{
  if (rule->serves->len != item->serves->len)
    return FALSE;
  for (guint s = 0; s < item->serves->len; s++)
    {
      const KoersRuleRef *want = g_ptr_array_index (rule->serves, s);
      const KoersStageRef *got = g_ptr_array_index (item->serves, s);

      if (!g_str_equal (want->model, got->model) || !g_str_equal (want->stage, got->stage))
        return FALSE;
    }
  return TRUE;
}

void
set_case (const char *description)
{
  g_free (current_case);
  current_case = g_strdup (description);
}

typedef struct {
  guint phase;
  guint position;
  const KoersRoadmapItem *item;
} Where;

/* The item of @rule, or the first milestone of its programme. */
static Where *
lookup_rule (GHashTable      *where,
             const KoersRule *rule)
{
  GHashTableIter iter;
  Where *w;

  if ((w = g_hash_table_lookup (where, rule->id)) != NULL)
    return w;
  g_hash_table_iter_init (&iter, where);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &w))
    if (g_strcmp0 (w->item->programme, rule->id) == 0 && w->item->part == 1)
      return w;
  return NULL;
}

void
check_roadmap (KoersProject *project,
               KoersRoadmap *roadmap)
{
  KoersRules *rules = koers_rules_get_builtin ();
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  guint n_models = koers_catalog_get_n_models (catalog);
  g_autoptr(GHashTable) where = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const KoersRoadmapPhase *phase0;
  const GPtrArray *findings;
  guint position = 0, n_items = 0;
  int level = KOERS_LEVEL_HIGH + 1;
  static const char * const level_names[] = { "low", "middle", "high" };

  /* Phase 0 first, present for every input, titled as phase 0. */
  CHECK (koers_roadmap_get_n_phases (roadmap) >= 1, "no phases");
  phase0 = koers_roadmap_get_phase (roadmap, 0);
  CHECK (phase0->index == 0, "first phase has index %u", phase0->index);
  CHECK (g_strcmp0 (phase0->title, "Phase 0: prepare the internal organisation") == 0,
         "phase 0 is titled “%s”", phase0->title);
  /* phase 0 drops what the placements say is done, so a mature
   * organisation may have little left to prepare; never nothing */
  CHECK (phase0->items->len >= 1, "phase 0 has %u items", phase0->items->len);

  /* Phases strictly increasing, numbered without gaps, none empty after 0. */
  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *ph = koers_roadmap_get_phase (roadmap, p);

      CHECK (ph->index == p, "phase %u has index %u", p, ph->index);
      if (p > 0)
        {
          g_autofree char *title = g_strdup_printf ("Phase %u", p);

          CHECK (g_strcmp0 (ph->title, title) == 0, "phase %u is titled “%s”", p, ph->title);
          CHECK (ph->items->len > 0, "phase %u is empty", p);
        }
      for (guint i = 0; i < ph->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (ph->items, i);
          Where *w = g_new0 (Where, 1);

          CHECK (item->phase == ph->index, "%s says phase %u but stands in %u", item->id, item->phase, ph->index);
          CHECK (!g_hash_table_contains (where, item->id), "%s appears twice", item->id);
          w->phase = ph->index;
          w->position = position++;
          w->item = item;
          g_hash_table_insert (where, item->id, w);
          n_items++;
        }
    }
  CHECK (n_items == koers_roadmap_get_n_items (roadmap), "%u items in phases, %u in the roadmap",
         n_items, koers_roadmap_get_n_items (roadmap));

  /* The maturity level: the lowest found among the placed currents. */
  for (guint m = 0; m < n_models; m++)
    {
      const char *model_id = koers_model_get_id (koers_catalog_get_model (catalog, m));
      const char *current = koers_project_get_current (project, model_id);
      int l = current ? _koers_rules_get_level (rules, model_id, current) : -1;

      if (l >= 0 && l < level)
        level = l;
    }
  if (level > KOERS_LEVEL_HIGH)
    level = KOERS_LEVEL_LOW;
  CHECK (g_strcmp0 (koers_roadmap_get_level_name (roadmap), level_names[level]) == 0,
         "level %s, expected %s", koers_roadmap_get_level_name (roadmap), level_names[level]);

  /* Every item. */
  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *ph = koers_roadmap_get_phase (roadmap, p);

      for (guint i = 0; i < ph->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (ph->items, i);
          const KoersRule *rule = _koers_rules_lookup_item (rules, item->programme ? item->programme : item->id);
          Where *self = g_hash_table_lookup (where, item->id);

          CHECK (rule != NULL, "%s is not an item of the rules", item->id);
          CHECK (item->id[0] != '\0' && strchr (item->id, '/') != NULL, "bad id “%s”", item->id);
          CHECK (item->title && item->title[0], "%s has no title", item->id);
          CHECK (item->why && item->why[0], "%s has no why", item->id);
          CHECK (item->serves->len >= 1, "%s serves nothing", item->id);
          CHECK (item->status == KOERS_STATUS_TODO && !item->owner && !item->due && !item->note,
                 "%s has a state nobody recorded", item->id);
          CHECK (item->lesson == rule->lesson, "%s lesson %d", item->id, item->lesson);

          for (guint s = 0; s < item->serves->len; s++)
            {
              const KoersStageRef *ref = g_ptr_array_index (item->serves, s);
              KoersModel *model = koers_catalog_lookup (catalog, ref->model);

              CHECK (model != NULL, "%s serves unknown model %s", item->id, ref->model);
              CHECK (koers_model_find_stage (model, ref->stage) != NULL,
                     "%s serves unknown stage %s/%s", item->id, ref->model, ref->stage);
            }

          /* after: only ids in the roadmap, all of them, each earlier */
          for (guint a = 0; item->after[a]; a++)
            {
              Where *dep = g_hash_table_lookup (where, item->after[a]);

              CHECK (dep != NULL, "%s is after %s, which is not in the roadmap", item->id, item->after[a]);
              CHECK (dep->phase <= self->phase, "%s (phase %u) is after %s (phase %u)",
                     item->id, self->phase, item->after[a], dep->phase);
              CHECK (dep->position < self->position, "%s stands before %s, which it is after",
                     item->id, item->after[a]);
            }
          /* a later milestone lists the one before it instead */
          for (guint a = 0; (!item->programme || item->part == 1) && rule->after[a]; a++)
            CHECK (!g_hash_table_contains (where, rule->after[a]) ||
                   g_strv_contains ((const char * const *) item->after, rule->after[a]),
                   "%s does not list %s in after", item->id, rule->after[a]);

          /* requires: present */
          for (guint r = 0; rule->requires[r]; r++)
            CHECK (g_hash_table_contains (where, rule->requires[r]),
                   "%s requires %s, which is missing", item->id, rule->requires[r]);

          switch (rule->kind)
            {
            case KOERS_RULE_PHASE_0:
              {
                const KoersStageRef *ref = g_ptr_array_index (item->serves, 0);

                CHECK (item->serves->len == 1 && g_str_equal (ref->model, "strategy-model") &&
                       g_str_equal (ref->stage, "phase-0"), "phase 0 item %s serves %s/%s",
                       item->id, ref->model, ref->stage);
              }
              break;

            case KOERS_RULE_STEP:
              /* serves only steps taken: current < stage <= target */
              for (guint s = 0; s < item->serves->len; s++)
                {
                  const KoersStageRef *ref = g_ptr_array_index (item->serves, s);
                  KoersModel *model = koers_catalog_lookup (catalog, ref->model);
                  int cur = koers_model_stage_index (model, koers_project_get_current (project, ref->model));
                  int tgt = koers_model_stage_index (model, koers_project_get_target (project, ref->model));
                  int st = koers_model_stage_index (model, ref->stage);

                          /* a step, or brought in: by another item (above Now)
                   * or as a finding's remedy (even below it) */
                  CHECK (st > cur || added_by_finding (roadmap, rule->id),
                         "%s serves %s/%s, not a step (current %d, target %d)",
                         item->id, ref->model, ref->stage, cur, tgt);
                  if (!_koers_rules_stage_in_phase_0 (rules, ref->model, ref->stage))
                    CHECK (self->phase >= 1, "step item %s in phase 0", item->id);
                }
              /* the primary model and stage first, in the rule's order */
              {
                guint k = 0;

                for (guint t = 0; t < rule->towards->len && k < item->serves->len; t++)
                  {
                    KoersRuleRef *ref = g_ptr_array_index (rule->towards, t);
                    const KoersStageRef *got = g_ptr_array_index (item->serves, k);

                    if (g_str_equal (ref->model, got->model) && g_str_equal (ref->stage, got->stage))
                      k++;
                  }
                CHECK (k == item->serves->len, "%s serves in another order than its rule", item->id);
              }
              break;

            case KOERS_RULE_CONDITIONAL:
            default:
              CHECK (self->phase >= MIN (rule->phase, 1), "conditional item %s in phase 0", item->id);
              CHECK (serves_as_rule (rule, item), "%s serves differently from its rule", item->id);
              break;
            }
        }
    }

  /* Phase 0: every item of the level and every "always" item; items of
   * another level only when something requires them. */
  for (guint i = 0; i < koers_rules_get_n_items (rules); i++)
    {
      const KoersRule *rule = _koers_rules_get_item (rules, i);
      gboolean present = lookup_rule (where, rule) != NULL;

      if (rule->kind != KOERS_RULE_PHASE_0)
        continue;
      if (rule->level == KOERS_LEVEL_ALWAYS || (int) rule->level == level)
        CHECK (present || !unfiltered (rule), "phase 0 item %s of this level is missing", rule->id);
      else if (present)
        {
          gboolean required = FALSE;
          GHashTableIter iter;
          Where *w;

          g_hash_table_iter_init (&iter, where);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &w))
            {
              const KoersRule *by = _koers_rules_lookup_item (rules, w->item->programme ? w->item->programme : w->item->id);

              required |= g_strv_contains ((const char * const *) by->requires, rule->id) ||
                          g_strv_contains ((const char * const *) by->after, rule->id);
            }
          CHECK (required, "phase 0 item %s of another level is there unasked", rule->id);
        }
    }

  /* Each model: every step's items present; no step items for a model
   * whose target is not above its current stage; the steps in order. */
  for (guint m = 0; m < n_models; m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      const char *model_id = koers_model_get_id (model);
      int cur = koers_model_stage_index (model, koers_project_get_current (project, model_id));
      int tgt = koers_model_stage_index (model, koers_project_get_target (project, model_id));
      int prev_max = -1;   /* the latest phase of the previous step's items */

      for (int s = 0; s < (int) koers_model_get_n_stages (model); s++)
        {
          const char *stage_id = koers_model_get_stage (model, s)->id;
          gboolean is_step = tgt >= 0 && s > cur && s <= tgt;
          gboolean joins = _koers_rules_stage_joins (rules, model_id, stage_id);
          int min_phase = G_MAXINT, max_phase = -1;

          for (guint i = 0; i < koers_rules_get_n_items (rules); i++)
            {
              const KoersRule *rule = _koers_rules_get_item (rules, i);
              Where *w;
              gboolean towards = FALSE;

              if (rule->kind != KOERS_RULE_STEP)
                continue;
              for (guint t = 0; t < rule->towards->len; t++)
                {
                  KoersRuleRef *ref = g_ptr_array_index (rule->towards, t);
                  towards |= g_str_equal (ref->model, model_id) && g_str_equal (ref->stage, stage_id);
                }
              if (!towards)
                continue;

              w = lookup_rule (where, rule);
              if (is_step && w == NULL && !unfiltered (rule))
                continue;
              if (is_step)
                {
                  CHECK (w != NULL, "%s/%s is a step but %s is missing", model_id, stage_id, rule->id);
                  CHECK (serves (w->item, model_id, stage_id), "%s does not serve the step %s/%s",
                         rule->id, model_id, stage_id);
                  min_phase = MIN (min_phase, (int) w->phase);
                  max_phase = MAX (max_phase, (int) w->phase);
                }
              else
                CHECK (w == NULL || !serves (w->item, model_id, stage_id) || s > cur ||
                       added_by_finding (roadmap, rule->id),
                       "%s serves %s/%s, which is neither a step nor brought in", rule->id, model_id, stage_id);
            }

          if (!is_step || max_phase < 0)
            continue;
          /* towards stage k never before the items towards stage k-1;
           * strictly after unless the stage joins the one before */
          if (prev_max >= 0)
            {
              /* only the strict models' stages need quarters of their
               * own; the others' may share one to keep the plan balanced */
              if (joins || !_koers_rules_model_is_strict (rules, model_id))
                CHECK (min_phase >= prev_max, "%s/%s starts in phase %d, before phase %d of the step before",
                       model_id, stage_id, min_phase, prev_max);
              else
                CHECK (min_phase > prev_max, "%s/%s starts in phase %d, not after phase %d of the step before",
                       model_id, stage_id, min_phase, prev_max);
            }
          prev_max = max_phase;
        }
    }

  /* The pyramid's create items after the content strategy when both are
   * there (after its last part when it is split). */
  {
    KoersRules *r = koers_rules_get_builtin ();
    Where *strategy = lookup_rule (where, _koers_rules_lookup_item (r, "learning-curve/content-strategy"));
    GHashTableIter iter;
    Where *w;

    g_hash_table_iter_init (&iter, where);
    while (strategy && g_hash_table_iter_next (&iter, NULL, (gpointer *) &w))
      if (serves (w->item, "pyramid", "create") && (!w->item->programme || w->item->part == 1))
        CHECK (w->position > strategy->position && w->phase >= strategy->phase,
               "%s stands before the content strategy", w->item->id);

    /* Staff of a social business need the policy known by all. */
    if (lookup_rule (where, _koers_rules_lookup_item (r, "learning-curve/equip-staff")) ||
        lookup_rule (where, _koers_rules_lookup_item (r, "learning-curve/trust-staff")))
      CHECK (lookup_rule (where, _koers_rules_lookup_item (r, "phase-0/policy-known-by-all")),
             "staff items without phase-0/policy-known-by-all");
  }

  /* Findings. */
  findings = koers_roadmap_get_findings (roadmap);
  for (guint i = 0; i < findings->len; i++)
    {
      const KoersFinding *f = g_ptr_array_index (findings, i);

      CHECK (f->id && f->id[0], "a finding without id");
      CHECK (f->message && f->message[0], "finding %s without message", f->id);
      CHECK (f->models && f->models[0], "finding %s names no model", f->id);
      for (guint k = 0; f->models[k]; k++)
        CHECK (koers_catalog_lookup (catalog, f->models[k]) != NULL,
               "finding %s names unknown model %s", f->id, f->models[k]);
      CHECK (f->severity == KOERS_SEVERITY_INFO || f->severity == KOERS_SEVERITY_WARNING,
             "finding %s has severity %d", f->id, f->severity);
      /* warnings first */
      if (i > 0)
        CHECK (!(f->severity == KOERS_SEVERITY_WARNING &&
                 ((const KoersFinding *) g_ptr_array_index (findings, i - 1))->severity == KOERS_SEVERITY_INFO),
               "warning %s after a note", f->id);
      /* a finding of the rules names the rule's models, all of them */
      for (guint r = 0; r < koers_rules_get_n_findings (rules); r++)
        {
          const KoersFindingRule *fr = _koers_rules_get_finding (rules, r);

          if (g_str_equal (fr->id, f->id))
            {
              g_autofree char *got = g_strjoinv (",", f->models);
              g_autofree char *want = g_strjoinv (",", fr->models);

              CHECK (g_str_equal (got, want), "finding %s names %s, its rule %s", f->id, got, want);
              CHECK (f->severity == fr->severity, "finding %s severity", f->id);
            }
        }
    }
  for (guint m = 0; m < n_models; m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      const char *model_id = koers_model_get_id (model);
      int cur = koers_model_stage_index (model, koers_project_get_current (project, model_id));
      int tgt = koers_model_stage_index (model, koers_project_get_target (project, model_id));
      g_autofree char *id = g_strconcat ("target-below-current/", model_id, NULL);
      const KoersFinding *f = find_finding (roadmap, id);

      CHECK ((f != NULL) == (cur >= 0 && tgt >= 0 && tgt < cur), "finding %s %s",
             id, f ? "present" : "missing");
      if (f != NULL)
        CHECK (f->severity == KOERS_SEVERITY_WARNING && g_str_equal (f->models[0], model_id),
               "finding %s", id);
    }

  CHECK (koers_roadmap_get_orphans (roadmap)->len == 0, "orphans nobody recorded");

  check_plan (project, roadmap);
}

/* --- the plan: capacity, balance, order ---------------------------------- */

typedef struct {
  const KoersRoadmapItem *item;
  const KoersRule        *rule;
  guint                   phase;
  guint                   position;
} Placed;

static const KoersRule *
rule_of (const KoersRoadmapItem *item)
{
  return _koers_rules_lookup_item (koers_rules_get_builtin (), item->programme ? item->programme : item->id);
}

/* The stage an item serves on a model in this plan, or -1. */
static int
served_stage (const KoersRoadmapItem *item,
              KoersModel             *model)
{
  int stage = -1;

  if (rule_of (item)->kind == KOERS_RULE_PHASE_0)
    return -1;
  for (guint s = 0; s < item->serves->len; s++)
    {
      const KoersStageRef *ref = g_ptr_array_index (item->serves, s);

      if (g_str_equal (ref->model, koers_model_get_id (model)))
        stage = MAX (stage, koers_model_stage_index (model, ref->stage));
    }
  if (stage >= 0 && _koers_rules_stage_in_phase_0 (koers_rules_get_builtin (), koers_model_get_id (model),
                                                   koers_model_get_stage (model, stage)->id))
    return -1;
  return stage;
}

/* How the rules order @b after @a, as the planner must keep it:
 * sequencing, after and each model's own order. Written from the rules
 * document, not from the engine's code. */
static KoersOrder
expected_order (const Placed *a,
                const Placed *b)
{
  KoersRules *rules = koers_rules_get_builtin ();
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  KoersOrder order = KOERS_ORDER_NONE;

  if (a->rule == b->rule)
    {
      /* milestones of one programme in order; two may share a quarter
       * when that keeps the plan balanced */
      return a->item->part < b->item->part ? KOERS_ORDER_LATER : KOERS_ORDER_NONE;
    }
  if (g_strv_contains ((const char * const *) b->rule->after, a->rule->id) ||
      g_strv_contains ((const char * const *) b->rule->after_if_planned, a->rule->id))
    order = KOERS_ORDER_LATER;
  for (guint i = 0; i < _koers_rules_get_n_sequences (rules); i++)
    {
      const KoersSequenceRule *seq = _koers_rules_get_sequence (rules, i);

      if (_koers_rule_has_tag (a->rule, seq->before) && _koers_rule_has_tag (b->rule, seq->after))
        /* spread: a later quarter where the plan has room, so only
         * "later" is certain */
        order = MAX (order, seq->strict ? KOERS_ORDER_NEXT_QUARTER : KOERS_ORDER_LATER);
    }
  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      int sa = served_stage (a->item, model), sb = served_stage (b->item, model);
      gboolean quarter = FALSE;

      if (sa < 0 || sb <= sa)
        continue;
      for (int s = sa + 1; s <= sb; s++)
        quarter |= !_koers_rules_stage_joins (rules, koers_model_get_id (model), koers_model_get_stage (model, s)->id);
      /* the strict models' stages each need a quarter of their own;
       * the others' where the plan has room, so only "later" is certain */
      order = MAX (order, quarter && _koers_rules_model_is_strict (rules, koers_model_get_id (model))
                          ? KOERS_ORDER_NEXT_QUARTER : KOERS_ORDER_LATER);
    }
  /* the parts of a programme: what follows it follows its last part,
   * what it follows precedes its first */
  if (order != KOERS_ORDER_NONE && a->item->programme && a->item->part != a->item->n_parts)
    return KOERS_ORDER_NONE;
  if (order != KOERS_ORDER_NONE && b->item->programme && b->item->part != 1)
    return KOERS_ORDER_NONE;
  return order;
}

static int
stage_of (KoersProject *project,
          const char   *model_id,
          KoersMarker   marker)
{
  KoersModel *model = koers_catalog_lookup (koers_catalog_get_builtin (), model_id);

  return koers_model_stage_index (model, koers_project_get_marker (project, model_id, marker));
}

static gboolean
reached (KoersProject *project,
         const char   *model_id,
         const char   *stage_id)
{
  KoersModel *model = koers_catalog_lookup (koers_catalog_get_builtin (), model_id);
  int current = stage_of (project, model_id, KOERS_MARKER_CURRENT);

  return current >= 0 && current >= koers_model_stage_index (model, stage_id);
}

/* The item with @id, or the first milestone of the programme @id. */
static const KoersRoadmapItem *
planned (KoersRoadmap *roadmap,
         const char   *id)
{
  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *ph = koers_roadmap_get_phase (roadmap, p);

      for (guint i = 0; i < ph->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (ph->items, i);

          if (g_str_equal (item->id, id) || g_strcmp0 (item->programme, id) == 0)
            return item;
        }
    }
  return NULL;
}

void
check_plan (KoersProject *project,
            KoersRoadmap *roadmap)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  guint capacity = koers_roadmap_get_quarter_capacity (roadmap);
  guint n_phases = koers_roadmap_get_n_phases (roadmap);
  const KoersRoadmapItem *gate = koers_roadmap_lookup_item (roadmap, "strategy-model/go-no-go");
  gboolean any_placed = FALSE, create_step = FALSE, doing = FALSE;
  static const char * const roles[] = { "communication", "service", "hr", "management", "it", "all-staff", NULL };

  CHECK (capacity >= 1, "a quarter holds no work");
  CHECK (koers_roadmap_get_capacity (roadmap) > 0, "no capacity");

  for (guint p = 0; p < n_phases; p++)
    {
      const KoersRoadmapPhase *ph = koers_roadmap_get_phase (roadmap, p);
      guint effort = 0;

      for (guint i = 0; i < ph->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (ph->items, i);
          Placed pl = { item, rule_of (item), p, placed->len };

          CHECK (item->effort >= 1, "%s takes no effort", item->id);
          CHECK (g_strv_contains (roles, item->role), "%s has the role “%s”", item->id, item->role);
          CHECK (item->milestone == _koers_rule_has_tag (pl.rule, "gate"), "%s milestone %d", item->id, item->milestone);
          if (item->programme)
            CHECK (g_str_has_prefix (item->id, item->programme) && item->part >= 1 &&
                   item->part <= item->n_parts && item->n_parts >= 2,
                   "%s: part %u of %u of %s", item->id, item->part, item->n_parts, item->programme);
          effort += item->effort;
          doing |= pl.rule->doing;
          g_array_append_val (placed, pl);
        }

      /* capacity, and a name, a period and a definition of done */
      CHECK (effort == ph->effort, "phase %u says %u person-days, its items take %u", p, ph->effort, effort);
      CHECK (effort <= capacity, "phase %u holds %u person-days, the capacity is %u", p, effort, capacity);
      if (ph->items->len > 0)
        CHECK (ph->name && ph->name[0] && ph->done && ph->done[0], "phase %u has no name or definition of done", p);
      if (p > 0)
        {
          /* balance: at most 8, and no one-item phase before the last */
          CHECK (ph->items->len <= 8, "phase %u holds %u items", p, ph->items->len);
          CHECK (ph->items->len >= 2 || p + 1 == n_phases, "phase %u holds one item, before phase %u", p, p + 1);
        }
    }

  /* order: across phases and within them */
  for (guint i = 0; i < placed->len; i++)
    for (guint j = 0; j < placed->len; j++)
      {
        Placed *a = &g_array_index (placed, Placed, i);
        Placed *b = &g_array_index (placed, Placed, j);
        KoersOrder order = expected_order (a, b);

        if (order == KOERS_ORDER_NONE)
          continue;
        CHECK (a->position < b->position, "%s stands before %s, which must come first", b->item->id, a->item->id);
        if (order == KOERS_ORDER_NEXT_QUARTER)
          CHECK (a->phase < b->phase, "%s must be in a quarter after %s (both in phase %u)",
                 b->item->id, a->item->id, a->phase);
      }

  for (guint m = 0; m < 4; m++)
    {
      KoersModel *model = koers_catalog_get_model (koers_catalog_get_builtin (), m);

      any_placed |= koers_project_get_current (project, koers_model_get_id (model)) != NULL ||
                    koers_project_get_target (project, koers_model_get_id (model)) != NULL;
    }
  for (guint i = 0; i < placed->len; i++)
    create_step |= serves (g_array_index (placed, Placed, i).item, "pyramid", "create");

  /* never empty: whatever is placed, there is work after phase 0 */
  CHECK (!any_placed || n_phases >= 2, "only phase 0, with placements");

  /* gate before doing: the gate is in the plan unless the Strategy Model
   * is past it, and it is a dated milestone */
  if (doing && !reached (project, "strategy-model", "go-no-go"))
    CHECK (gate != NULL, "doing items without the go/no-go gate");
  if (gate)
    CHECK (gate->milestone, "the gate is not a milestone");

  /* publishing always has direction and a content strategy */
  if (create_step)
    {
      CHECK (planned (roadmap, "shared/smart-objectives") ||
             reached (project, "strategy-model", "objectives") || reached (project, "learning-curve", "tactical"),
             "publishing without objectives");
      CHECK (planned (roadmap, "strategy-model/target-groups") ||
             reached (project, "strategy-model", "audiences"), "publishing without target groups");
      CHECK (planned (roadmap, "learning-curve/content-strategy") ||
             reached (project, "learning-curve", "tactical"), "publishing without a content strategy");
    }

  /* mandate before structure: a sponsor when a hub or governance is planned */
  if ((planned (roadmap, "shared/governance-and-policy") ||
       planned (roadmap, "shared/team-with-one-lead")) &&
      koers_project_get_organisation_kind (project) != KOERS_ORGANISATION_SMALL_BUSINESS)
    CHECK (planned (roadmap, "maturity-matrix/executive-sponsor") ||
           reached (project, "maturity-matrix", "formalized"), "structure without a sponsor");

  /* responding before engagement */
  if (planned (roadmap, "maturity-matrix/community-management"))
    CHECK (planned (roadmap, "pyramid/response-guidelines") || reached (project, "pyramid", "respond"),
           "community management without responding");

  /* findings speak correctly */
  {
    const KoersFinding *level = find_finding (roadmap, "phase-0-level");
    KoersRules *rules = koers_rules_get_builtin ();

    if (level && g_str_equal (koers_roadmap_get_level_name (roadmap), "high"))
      CHECK (strstr (level->message, "weakest") == NULL, "a weakest link where every model is high");
    for (guint r = 0; r < koers_rules_get_n_findings (rules); r++)
      {
        const KoersFindingRule *fr = _koers_rules_get_finding (rules, r);
        gboolean all = fr->unless_planned[0] != NULL;

        for (guint k = 0; fr->unless_planned[k]; k++)
          all &= planned (roadmap, fr->unless_planned[k]) != NULL;
        if (all)
          CHECK (find_finding (roadmap, fr->id) == NULL, "finding %s for what the roadmap plans", fr->id);
      }
  }
}
