/* koers-rules-plan.c: what the planner needs besides the items, and
 * the order the rules put items in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Capacity, effort classes, goals and sequencing rules; then, once all
 * items are read, every reference checked and every pair of items
 * ordered, refusing rules that would put an item before itself.
 */
#define G_LOG_DOMAIN "koers-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-json-private.h"
#include "koers-rules-private.h"

#define set_invalid _koers_rules_set_invalid

static gboolean
get_number (JsonObject  *object,
            const char  *path,
            const char  *member,
            double       min,
            double       max,
            double      *value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *p = _koers_json_path (path, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE) ||
      json_node_get_double (node) < min || json_node_get_double (node) > max)
    {
      g_autofree char *what = g_strdup_printf (_("expected a number from %g to %g"), min, max);
      return set_invalid (error, p, what);
    }
  *value = json_node_get_double (node);
  return TRUE;
}

/* capacity, efforts, goals and sequencing: what the planner needs
 * besides the items. All optional, with the defaults documented in
 * docs/roadmap-rules.md. */
gboolean
_koers_rules_parse_planning (KoersRules  *self,
                JsonObject  *root,
                GError     **error)
{
  JsonObject *capacity, *efforts;
  JsonArray *goals, *sequencing;
  KoersCapacityRule *c = &self->capacity;
  double small = c->small_staff, large = c->large_staff, max_items = c->max_items;

  if (!_koers_rules_parse_id_list (root, NULL, "strict-order", &self->strict_models, error))
    return FALSE;
  for (guint i = 0; self->strict_models[i]; i++)
    if (koers_catalog_lookup (self->catalog, self->strict_models[i]) == NULL)
      {
        g_autofree char *what = g_strdup_printf (_("unknown model \"%s\""), self->strict_models[i]);
        return set_invalid (error, "strict-order", what);
      }

  if (!_koers_json_get_object (root, NULL, "capacity", FALSE, &capacity, error) ||
      !_koers_json_get_object (root, NULL, "efforts", FALSE, &efforts, error) ||
      !_koers_json_get_array (root, NULL, "goals", FALSE, &goals, error) ||
      !_koers_json_get_array (root, NULL, "sequencing", FALSE, &sequencing, error))
    return FALSE;

  if (capacity != NULL &&
      (!get_number (capacity, "capacity", "days-per-fte", 1, 65, &c->days_per_fte, error) ||
       !get_number (capacity, "capacity", "default-fte", 0.1, 1000, &c->default_fte, error) ||
       !get_number (capacity, "capacity", "small-business-fte", 0.1, 1000, &c->small_business_fte, error) ||
       !get_number (capacity, "capacity", "small-staff", 1, 1e7, &small, error) ||
       !get_number (capacity, "capacity", "large-staff", 1, 1e7, &large, error) ||
       !get_number (capacity, "capacity", "max-items", 1, 100, &max_items, error)))
    return FALSE;
  c->small_staff = small;
  c->large_staff = MAX (large, small);
  c->max_items = max_items;

  if (efforts != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (efforts);

      for (const GList *l = names; l; l = l->next)
        {
          g_autofree char *p = _koers_json_path ("efforts", l->data);
          KoersEffort *effort = g_new0 (KoersEffort, 1);

          g_hash_table_insert (self->efforts, g_strdup (l->data), effort);
          if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (efforts, l->data)))
            return set_invalid (error, p, _("an effort class gives small, medium and large"));
          if (!_koers_rules_parse_effort (NULL, json_object_get_member (efforts, l->data), p, effort, error))
            return FALSE;
        }
    }

  for (guint i = 0; goals && i < json_array_get_length (goals); i++)
    {
      g_autofree char *p = g_strdup_printf ("goals[%u]", i);
      JsonNode *node = json_array_get_element (goals, i);
      const char *id, *name, *done;
      KoersGoal *goal;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return set_invalid (error, p, _("expected a goal (an object)"));
      if (!_koers_json_get_string (json_node_get_object (node), p, "id", TRUE, &id, error) ||
          !_koers_json_get_string (json_node_get_object (node), p, "name", TRUE, &name, error) ||
          !_koers_json_get_string (json_node_get_object (node), p, "done", TRUE, &done, error))
        return FALSE;
      if (_koers_rules_lookup_goal (self, id) >= 0)
        return set_invalid (error, p, _("two goals have the same id"));
      goal = g_new0 (KoersGoal, 1);
      goal->id = g_strdup (id);
      goal->name = g_strdup (name);
      goal->done = g_strdup (done);
      g_ptr_array_add (self->goals, goal);
    }

  for (guint i = 0; sequencing && i < json_array_get_length (sequencing); i++)
    {
      g_autofree char *p = g_strdup_printf ("sequencing[%u]", i);
      JsonNode *node = json_array_get_element (sequencing, i);
      const char *id, *before, *after, *cite;
      KoersSequenceRule *seq;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return set_invalid (error, p, _("expected a sequencing rule (an object)"));
      object = json_node_get_object (node);
      seq = g_new0 (KoersSequenceRule, 1);
      g_ptr_array_add (self->sequences, seq);
      if (!_koers_json_get_string (object, p, "id", TRUE, &id, error) ||
          !_koers_json_get_string (object, p, "before", TRUE, &before, error) ||
          !_koers_json_get_string (object, p, "after", TRUE, &after, error) ||
          !_koers_json_get_string (object, p, "cite", TRUE, &cite, error) ||
          !_koers_json_get_bool (object, p, "strict", &seq->strict, error) ||
          !_koers_json_get_bool (object, p, "spread", &seq->spread, error) ||
          !_koers_json_get_bool (object, p, "pull", &seq->pull, error) ||
          !_koers_json_get_bool (object, p, "quiet", &seq->quiet, error))
        return FALSE;
      seq->id = g_strdup (id);
      seq->before = g_strdup (before);
      seq->after = g_strdup (after);
      seq->cite = g_strdup (cite);
    }
  return TRUE;
}

/* The stage an item stands at on @model, or -1; phase 0 items stand
 * before every model's order. */
int
_koers_rules_stage_on (KoersRules      *self,
                       const KoersRule *rule,
                       KoersModel      *model)
{
  GPtrArray *refs = rule->kind == KOERS_RULE_STEP ? rule->towards :
                    rule->kind == KOERS_RULE_CONDITIONAL ? rule->serves : NULL;
  int stage = -1;

  for (guint i = 0; refs && i < refs->len; i++)
    {
      KoersRuleRef *ref = g_ptr_array_index (refs, i);

      if (g_str_equal (ref->model, koers_model_get_id (model)))
        stage = MAX (stage, koers_model_stage_index (model, ref->stage));
    }
  return stage;
}

/* Whether a stage on the way from @from (exclusive) to @to (inclusive)
 * needs a quarter of its own. */
static gboolean
stages_need_a_quarter (KoersRules *self,
                       KoersModel *model,
                       int         from,
                       int         to)
{
  for (int s = from + 1; s <= to; s++)
    if (!_koers_rules_stage_joins (self, koers_model_get_id (model), koers_model_get_stage (model, s)->id))
      return TRUE;
  return FALSE;
}

/* How @b must follow @a by the rules that order items: after,
 * after-if-planned, a sequencing rule, and with @with_models every
 * stage it moves towards in a model's own order (the engine orders by
 * the steps a plan takes, a part of these).
 * KOERS_ORDER_LATER: later in the list; KOERS_ORDER_NEXT_QUARTER: in a
 * later quarter. The engine's graph is always a part of this one, so
 * rules without a cycle give plans without one. */
static KoersOrder
compute_order (KoersRules      *self,
               const KoersRule *a,
               const KoersRule *b,
               gboolean         with_models)
{
  KoersCatalog *catalog = self->catalog;
  KoersOrder order = KOERS_ORDER_NONE;

  if (a == b)   /* only a mistake orders an item after itself */
    return g_strv_contains ((const char * const *) a->after, a->id) ||
           g_strv_contains ((const char * const *) a->after_if_planned, a->id) ? KOERS_ORDER_LATER : KOERS_ORDER_NONE;
  if (g_strv_contains ((const char * const *) b->after, a->id) ||
      g_strv_contains ((const char * const *) b->after_if_planned, a->id))
    order = KOERS_ORDER_LATER;
  for (guint i = 0; i < self->sequences->len; i++)
    {
      KoersSequenceRule *seq = g_ptr_array_index (self->sequences, i);

      if (_koers_rule_has_tag (a, seq->before) && _koers_rule_has_tag (b, seq->after))
        order = MAX (order, seq->strict ? KOERS_ORDER_NEXT_QUARTER :
                            seq->spread ? KOERS_ORDER_SPREAD : KOERS_ORDER_LATER);
    }
  for (guint m = 0; with_models && m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      int sa = _koers_rules_stage_on (self, a, model), sb = _koers_rules_stage_on (self, b, model);

      if (sa >= 0 && sb > sa)
        order = MAX (order, stages_need_a_quarter (self, model, sa, sb) ? KOERS_ORDER_NEXT_QUARTER
                                                                        : KOERS_ORDER_LATER);
    }
  return order;
}

/* By after, after-if-planned and sequencing; the models' own order is
 * the engine's to add, from the steps a plan takes. */
KoersOrder
_koers_rules_get_order (KoersRules      *self,
                        const KoersRule *a,
                        const KoersRule *b)
{
  return self->order[a->order * self->items->len + b->order];
}

/**
 * _koers_rules_names_order:
 *
 * Whether the rules name @a as what @b comes after, for people to read:
 * by @b's after lists or a sequencing rule that is not quiet. A quiet
 * rule (a round's evaluation after all its doing) orders the plan without
 * listing every doing item on the evaluation's card.
 */
gboolean
_koers_rules_names_order (KoersRules      *self,
                          const KoersRule *a,
                          const KoersRule *b)
{
  if (a == b)
    return FALSE;
  if (g_strv_contains ((const char * const *) b->after, a->id) ||
      g_strv_contains ((const char * const *) b->after_if_planned, a->id))
    return TRUE;
  for (guint i = 0; i < self->sequences->len; i++)
    {
      KoersSequenceRule *seq = g_ptr_array_index (self->sequences, i);

      if (!seq->quiet && _koers_rule_has_tag (a, seq->before) && _koers_rule_has_tag (b, seq->after))
        return TRUE;
    }
  return FALSE;
}

/* 0 unvisited, 1 on the stack, 2 done */
static gboolean
has_cycle_from (KoersRules *self,
                guint       index,
                guint8     *state,
                guint      *culprit)
{
  KoersRule *rule = g_ptr_array_index (self->items, index);

  if (state[index] == 1)
    {
      *culprit = index;
      return TRUE;
    }
  if (state[index] == 2)
    return FALSE;
  state[index] = 1;
  for (guint j = 0; j < self->items->len; j++)
    if (compute_order (self, g_ptr_array_index (self->items, j), rule, TRUE) != KOERS_ORDER_NONE &&
        has_cycle_from (self, j, state, culprit))
      return TRUE;
  state[index] = 2;
  return FALSE;
}

static gboolean
check_ids (KoersRules  *self,
           GStrv        ids,
           const char  *path,
           const char  *member,
           GError     **error)
{
  for (guint j = 0; ids && ids[j]; j++)
    if (!g_hash_table_contains (self->by_id, ids[j]))
      {
        g_autofree char *what = g_strdup_printf (_("%s: no item has the id \"%s\""), member, ids[j]);
        return set_invalid (error, path, what);
      }
  return TRUE;
}

gboolean
_koers_rules_check_references (KoersRules  *self,
                  GError     **error)
{
  g_autofree guint8 *state = g_new0 (guint8, self->items->len + 1);

  for (guint i = 0; i < self->items->len; i++)
    {
      KoersRule *rule = g_ptr_array_index (self->items, i);
      g_autofree char *path = g_strdup_printf ("items[%u]", i);

      if (!check_ids (self, rule->after, path, "after", error) ||
          !check_ids (self, rule->after_if_planned, path, "after-if-planned", error) ||
          !check_ids (self, rule->requires, path, "requires", error))
        return FALSE;
    }
  for (guint i = 0; i < self->findings->len; i++)
    {
      KoersFindingRule *rule = g_ptr_array_index (self->findings, i);
      g_autofree char *path = g_strdup_printf ("findings[%u]", i);

      if (!check_ids (self, rule->adds, path, "adds", error) ||
          !check_ids (self, rule->unless_planned, path, "unless-planned", error))
        return FALSE;
    }
  for (guint i = 0; i < self->sequences->len; i++)
    {
      KoersSequenceRule *seq = g_ptr_array_index (self->sequences, i);
      const char *tags[] = { seq->before, seq->after };
      g_autofree char *path = g_strdup_printf ("sequencing[%u]", i);

      for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
        {
          gboolean used = FALSE;

          for (guint k = 0; k < self->items->len && !used; k++)
            used = _koers_rule_has_tag (g_ptr_array_index (self->items, k), tags[t]);
          if (!used)
            {
              g_autofree char *what = g_strdup_printf (_("no item has the tag \"%s\""), tags[t]);
              return set_invalid (error, path, what);
            }
        }
    }

  /* Every pair once, when the rules are read, so that building a
   * roadmap only looks the answers up. */
  self->order = g_new0 (guint8, self->items->len * self->items->len + 1);
  for (guint i = 0; i < self->items->len; i++)
    for (guint j = 0; j < self->items->len; j++)
      self->order[i * self->items->len + j] = compute_order (self, g_ptr_array_index (self->items, i),
                                                             g_ptr_array_index (self->items, j), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      guint culprit = i;

      if (has_cycle_from (self, i, state, &culprit))
        {
          KoersRule *rule = g_ptr_array_index (self->items, culprit);
          g_autofree char *path = g_strdup_printf ("items[%u]", culprit);
          g_autofree char *what = g_strdup_printf (_("the item \"%s\" would have to come before itself (through after, sequencing or its model’s order)"), rule->id);

          return set_invalid (error, path, what);
        }
    }

  return TRUE;
}

