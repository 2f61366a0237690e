/* koers-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-error.h"
#include "koers-json-private.h"
#include "koers-rules-private.h"


G_DEFINE_FINAL_TYPE (KoersRules, koers_rules, G_TYPE_OBJECT)

static void
condition_free (KoersCondition *c)
{
  g_free (c->model);
  g_clear_pointer (&c->any, g_ptr_array_unref);
  g_free (c);
}

static void
ref_free (KoersRuleRef *ref)
{
  g_free (ref->model);
  g_free (ref->stage);
  g_free (ref);
}

static void
rule_free (KoersRule *rule)
{
  g_free (rule->id);
  g_clear_pointer (&rule->towards, g_ptr_array_unref);
  g_clear_pointer (&rule->when, g_ptr_array_unref);
  g_clear_pointer (&rule->serves, g_ptr_array_unref);
  g_free (rule->title);
  g_free (rule->why);
  g_strfreev (rule->after);
  g_strfreev (rule->requires);
  _koers_rule_free_extras (rule);
  g_free (rule);
}

static void
goal_free (KoersGoal *goal)
{
  g_free (goal->id);
  g_free (goal->name);
  g_free (goal->done);
  g_free (goal);
}

static void
sequence_free (KoersSequenceRule *sequence)
{
  g_free (sequence->id);
  g_free (sequence->before);
  g_free (sequence->after);
  g_free (sequence->cite);
  g_free (sequence);
}

static void
finding_rule_free (KoersFindingRule *rule)
{
  g_free (rule->id);
  g_strfreev (rule->models);
  g_clear_pointer (&rule->when, g_ptr_array_unref);
  g_free (rule->message);
  g_strfreev (rule->adds);
  g_strfreev (rule->unless_planned);
  g_free (rule);
}

static void
koers_rules_finalize (GObject *object)
{
  KoersRules *self = (KoersRules *) object;

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->levels, g_hash_table_unref);
  g_clear_pointer (&self->joins, g_hash_table_unref);
  g_clear_pointer (&self->in_phase_0, g_hash_table_unref);
  g_clear_pointer (&self->efforts, g_hash_table_unref);
  g_clear_pointer (&self->goals, g_ptr_array_unref);
  g_clear_pointer (&self->sequences, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->strict_models, g_strfreev);

  G_OBJECT_CLASS (koers_rules_parent_class)->finalize (object);
}

static void
koers_rules_class_init (KoersRulesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koers_rules_finalize;
}

static void
koers_rules_init (KoersRules *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_rule_free);
  self->levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->joins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->in_phase_0 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->efforts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) goal_free);
  self->sequences = g_ptr_array_new_with_free_func ((GDestroyNotify) sequence_free);
  self->capacity = (KoersCapacityRule) { 15, 2, 0.5, 50, 1000, 8 };
}

#define set_invalid _koers_rules_set_invalid

static KoersModel *
get_model (KoersRules  *self,
           JsonObject  *object,
           const char  *path,
           GError     **error)
{
  const char *model_id;
  KoersModel *model;

  if (!_koers_json_get_string (object, path, "model", TRUE, &model_id, error))
    return NULL;
  model = koers_catalog_lookup (self->catalog, model_id);
  if (model == NULL)
    {
      g_autofree char *p = _koers_json_path (path, "model");
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("%s: unknown model \"%s\""), p, model_id);
    }
  return model;
}

static int
get_stage (KoersModel  *model,
           JsonObject  *object,
           const char  *path,
           const char  *member,
           GError     **error)
{
  const char *stage_id;
  int index;

  if (!_koers_json_get_string (object, path, member, TRUE, &stage_id, error))
    return -1;
  index = koers_model_stage_index (model, stage_id);
  if (index < 0)
    {
      g_autofree char *p = _koers_json_path (path, member);
      g_autofree char *list = koers_model_dup_stage_list (model);

      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_UNKNOWN_STAGE,
                   _("%s: unknown stage \"%s\" (expected one of %s)"), p, stage_id, list);
    }
  return index;
}

static GPtrArray *parse_conditions (KoersRules *self, JsonArray *array, const char *path, GError **error);

static KoersCondition *
parse_condition (KoersRules  *self,
                 JsonNode    *node,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  KoersCondition *c;
  JsonObject *object;
  JsonArray *any;
  const char *marker;
  KoersModel *model;
  static const struct { const char *name; KoersConditionOp op; } ops[] = {
    { "is", KOERS_CONDITION_IS },
    { "at-least", KOERS_CONDITION_AT_LEAST },
    { "at-most", KOERS_CONDITION_AT_MOST },
  };

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, path, _("expected a condition (an object)"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!_koers_json_get_array (object, path, "all", FALSE, &any, error))
    return NULL;
  if (any != NULL)
    {
      g_autofree char *p = _koers_json_path (path, "all");
      GPtrArray *list = parse_conditions (self, any, p, error);

      if (list == NULL)
        return NULL;
      c = g_new0 (KoersCondition, 1);
      c->op = KOERS_CONDITION_ALL;
      c->any = list;
      return c;
    }

  if (!_koers_json_get_array (object, path, "any", FALSE, &any, error))
    return NULL;
  if (any != NULL)
    {
      g_autofree char *p = _koers_json_path (path, "any");
      GPtrArray *list = parse_conditions (self, any, p, error);

      if (list == NULL)
        return NULL;
      c = g_new0 (KoersCondition, 1);
      c->op = KOERS_CONDITION_ANY;
      c->any = list;
      return c;
    }

  /* Conditions on the whole project rather than one model. */
  if (json_object_has_member (object, "all-at-goal") || json_object_has_member (object, "goal-below-now") ||
      json_object_has_member (object, "answers-disagree"))
    {
      gboolean value = FALSE;
      const char *member = json_object_has_member (object, "all-at-goal") ? "all-at-goal" :
                           json_object_has_member (object, "goal-below-now") ? "goal-below-now" :
                           "answers-disagree";

      if (!_koers_json_get_bool (object, path, member, &value, error))
        return NULL;
      if (!value)
        {
          set_invalid (error, path, _("all-at-goal, goal-below-now and answers-disagree can only be true"));
          return NULL;
        }
      c = g_new0 (KoersCondition, 1);
      c->op = g_str_equal (member, "all-at-goal") ? KOERS_CONDITION_ALL_AT_GOAL :
              g_str_equal (member, "goal-below-now") ? KOERS_CONDITION_GOAL_BELOW_NOW :
              KOERS_CONDITION_ANSWERS_DISAGREE;
      return c;
    }

  if (!(model = get_model (self, object, path, error)) ||
      !_koers_json_get_string (object, path, "marker", TRUE, &marker, error))
    return NULL;
  if (!g_str_equal (marker, "current") && !g_str_equal (marker, "target"))
    {
      set_invalid (error, path, _("marker must be \"current\" or \"target\""));
      return NULL;
    }

  c = g_new0 (KoersCondition, 1);
  c->model = g_strdup (koers_model_get_id (model));
  c->marker = g_str_equal (marker, "current") ? KOERS_MARKER_CURRENT : KOERS_MARKER_TARGET;

  if (json_object_has_member (object, "placed"))
    {
      c->op = KOERS_CONDITION_PLACED;
      if (!_koers_json_get_bool (object, path, "placed", &c->placed, &local_error))
        {
          condition_free (c);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      return c;
    }

  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    if (json_object_has_member (object, ops[i].name))
      {
        c->op = ops[i].op;
        c->stage = get_stage (model, object, path, ops[i].name, &local_error);
        if (c->stage < 0)
          {
            condition_free (c);
            g_propagate_error (error, g_steal_pointer (&local_error));
            return NULL;
          }
        return c;
      }

  condition_free (c);
  set_invalid (error, path, _("a condition needs one of is, at-least, at-most, placed or any"));
  return NULL;
}

static GPtrArray *
parse_conditions (KoersRules  *self,
                  JsonArray   *array,
                  const char  *path,
                  GError     **error)
{
  return _koers_rules_parse_conditions (self, array, path, error);
}

GPtrArray *
_koers_rules_parse_conditions (KoersRules  *self,
                               JsonArray   *array,
                               const char  *path,
                               GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) condition_free);

  if (json_array_get_length (array) == 0)
    {
      set_invalid (error, path, _("expected at least one condition"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = g_strdup_printf ("%s[%u]", path, i);
      KoersCondition *c = parse_condition (self, json_array_get_element (array, i), p, error);

      if (c == NULL)
        return NULL;
      g_ptr_array_add (list, c);
    }
  return g_steal_pointer (&list);
}

static GPtrArray *
parse_refs (KoersRules  *self,
            JsonArray   *array,
            const char  *path,
            GError     **error)
{
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func ((GDestroyNotify) ref_free);

  if (json_array_get_length (array) == 0)
    {
      set_invalid (error, path, _("expected at least one model stage"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = g_strdup_printf ("%s[%u]", path, i);
      JsonNode *node = json_array_get_element (array, i);
      KoersModel *model;
      KoersRuleRef *ref;
      int stage;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          set_invalid (error, p, _("expected an object with model and stage"));
          return NULL;
        }
      if (!(model = get_model (self, json_node_get_object (node), p, error)) ||
          (stage = get_stage (model, json_node_get_object (node), p, "stage", error)) < 0)
        return NULL;

      ref = g_new0 (KoersRuleRef, 1);
      ref->model = g_strdup (koers_model_get_id (model));
      ref->stage = g_strdup (koers_model_get_stage (model, stage)->id);
      g_ptr_array_add (refs, ref);
    }
  return g_steal_pointer (&refs);
}

/* A list of texts; @expected says what each must be when one is not. */
gboolean
_koers_rules_parse_string_list (JsonObject  *object,
                                const char  *path,
                                const char  *member,
                                const char  *expected,
                                GStrv       *out,
                                GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!_koers_json_get_array (object, path, member, FALSE, &array, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_autofree char *p = g_strdup_printf ("%s.%s[%u]", path, member, i);
          return set_invalid (error, p, expected);
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
_koers_rules_parse_id_list (JsonObject  *object,
                            const char  *path,
                            const char  *member,
                            GStrv       *out,
                            GError     **error)
{
  return _koers_rules_parse_string_list (object, path, member, _("expected an item id"), out, error);
}

static gboolean
parse_level (const char *text,
             KoersLevel *level)
{
  static const char * const names[] = { "low", "middle", "high" };

  if (g_strcmp0 (text, "always") == 0)
    {
      *level = KOERS_LEVEL_ALWAYS;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *level = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_item (KoersRules  *self,
            JsonNode    *node,
            guint        index,
            GError     **error)
{
  g_autofree char *path = g_strdup_printf ("items[%u]", index);
  g_autofree char *title = NULL, *why = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) whys = NULL;
  const char *id, *phase_0;
  JsonArray *towards, *when, *serves;
  JsonObject *object;
  KoersRule *rule;
  guint kinds;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid (error, path, _("expected an item (an object)"));
  object = json_node_get_object (node);

  if (!_koers_json_get_string (object, path, "id", TRUE, &id, error) ||
      !_koers_rules_parse_text (object, path, "title", &title, &titles, error) ||
      !_koers_rules_parse_text (object, path, "why", &why, &whys, error) ||
      !_koers_json_get_string (object, path, "phase-0", FALSE, &phase_0, error) ||
      !_koers_json_get_array (object, path, "towards", FALSE, &towards, error) ||
      !_koers_json_get_array (object, path, "when", FALSE, &when, error) ||
      !_koers_json_get_array (object, path, "serves", FALSE, &serves, error))
    return FALSE;

  if (g_hash_table_contains (self->by_id, id))
    {
      g_autofree char *what = g_strdup_printf (_("the id \"%s\" is used twice"), id);
      return set_invalid (error, path, what);
    }

  kinds = (phase_0 != NULL) + (towards != NULL) + (when != NULL);
  if (kinds != 1)
    return set_invalid (error, path, _("an item needs exactly one of phase-0, towards or when"));

  rule = g_new0 (KoersRule, 1);
  rule->order = index;
  rule->id = g_strdup (id);
  rule->title = g_steal_pointer (&title);
  rule->why = g_steal_pointer (&why);
  rule->titles = g_steal_pointer (&titles);
  rule->whys = g_steal_pointer (&whys);
  g_ptr_array_add (self->items, rule);
  g_hash_table_insert (self->by_id, rule->id, rule);

  if (!_koers_rules_parse_id_list (object, path, "after", &rule->after, error) ||
      !_koers_rules_parse_id_list (object, path, "requires", &rule->requires, error) ||
      !_koers_rules_parse_item_extras (self, rule, object, path, error))
    return FALSE;

  if (json_object_has_member (object, "lesson"))
    {
      JsonNode *lesson = json_object_get_member (object, "lesson");

      if (!JSON_NODE_HOLDS_VALUE (lesson) || json_node_get_value_type (lesson) != G_TYPE_INT64 ||
          json_node_get_int (lesson) < 1 || json_node_get_int (lesson) > 7)
        return set_invalid (error, path, _("lesson must be a number from 1 to 7"));
      rule->lesson = json_node_get_int (lesson);
    }

  if (phase_0 != NULL)
    {
      rule->kind = KOERS_RULE_PHASE_0;
      if (!parse_level (phase_0, &rule->level))
        return set_invalid (error, path, _("phase-0 must be always, low, middle or high"));
    }
  else if (towards != NULL)
    {
      g_autofree char *p = _koers_json_path (path, "towards");

      rule->kind = KOERS_RULE_STEP;
      if (!(rule->towards = parse_refs (self, towards, p, error)))
        return FALSE;
    }
  else
    {
      g_autofree char *wp = _koers_json_path (path, "when");
      g_autofree char *sp = _koers_json_path (path, "serves");
      JsonNode *phase = json_object_get_member (object, "phase");

      rule->kind = KOERS_RULE_CONDITIONAL;
      if (!(rule->when = parse_conditions (self, when, wp, error)))
        return FALSE;
      if (serves == NULL)
        return set_invalid (error, path, _("an item with when needs serves"));
      if (!(rule->serves = parse_refs (self, serves, sp, error)))
        return FALSE;
      if (phase == NULL || !JSON_NODE_HOLDS_VALUE (phase) ||
          json_node_get_value_type (phase) != G_TYPE_INT64 ||
          json_node_get_int (phase) < 0 || json_node_get_int (phase) > 20)
        return set_invalid (error, path, _("an item with when needs a phase from 0 to 20"));
      rule->phase = json_node_get_int (phase);
    }

  return TRUE;
}

static gboolean
parse_finding (KoersRules  *self,
               JsonNode    *node,
               guint        index,
               GError     **error)
{
  g_autofree char *path = g_strdup_printf ("findings[%u]", index);
  g_autofree char *wp = NULL;
  const char *id, *severity, *message;
  JsonArray *when;
  JsonObject *object;
  KoersFindingRule *rule;
  JsonNode *lesson;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid (error, path, _("expected a finding (an object)"));
  object = json_node_get_object (node);

  if (!_koers_json_get_string (object, path, "id", TRUE, &id, error) ||
      !_koers_json_get_string (object, path, "severity", TRUE, &severity, error) ||
      !_koers_json_get_string (object, path, "message", TRUE, &message, error) ||
      !_koers_json_get_array (object, path, "when", TRUE, &when, error))
    return FALSE;

  rule = g_new0 (KoersFindingRule, 1);
  g_ptr_array_add (self->findings, rule);
  rule->id = g_strdup (id);
  rule->message = g_strdup (message);

  if (g_str_equal (severity, "warning"))
    rule->severity = KOERS_SEVERITY_WARNING;
  else if (g_str_equal (severity, "info"))
    rule->severity = KOERS_SEVERITY_INFO;
  else
    return set_invalid (error, path, _("severity must be info or warning"));

  if (!_koers_rules_parse_id_list (object, path, "models", &rule->models, error) ||
      !_koers_rules_parse_id_list (object, path, "adds", &rule->adds, error) ||
      !_koers_rules_parse_id_list (object, path, "unless-planned", &rule->unless_planned, error))
    return FALSE;
  for (guint i = 0; rule->models[i]; i++)
    if (koers_catalog_lookup (self->catalog, rule->models[i]) == NULL)
      {
        g_autofree char *what = g_strdup_printf (_("unknown model \"%s\""), rule->models[i]);
        return set_invalid (error, path, what);
      }
  if (g_strv_length (rule->models) == 0)
    return set_invalid (error, path, _("a finding names at least one model"));

  lesson = json_object_get_member (object, "lesson");
  if (lesson != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (lesson) || json_node_get_value_type (lesson) != G_TYPE_INT64 ||
          json_node_get_int (lesson) < 1 || json_node_get_int (lesson) > 7)
        return set_invalid (error, path, _("lesson must be a number from 1 to 7"));
      rule->lesson = json_node_get_int (lesson);
    }

  wp = _koers_json_path (path, "when");
  rule->when = parse_conditions (self, when, wp, error);
  return rule->when != NULL;
}

static gboolean
parse_maturity (KoersRules  *self,
                JsonObject  *maturity,
                GError     **error)
{
  g_autoptr(GList) models = json_object_get_members (maturity);

  for (const GList *l = models; l; l = l->next)
    {
      g_autofree char *path = _koers_json_path ("maturity", l->data);
      KoersModel *model = koers_catalog_lookup (self->catalog, l->data);
      JsonObject *stages;
      g_autoptr(GList) members = NULL;

      if (model == NULL)
        {
          g_autofree char *what = g_strdup_printf (_("unknown model \"%s\""), (const char *) l->data);
          return set_invalid (error, "maturity", what);
        }
      if (!_koers_json_get_object (maturity, "maturity", l->data, TRUE, &stages, error))
        return FALSE;

      members = json_object_get_members (stages);
      for (const GList *s = members; s; s = s->next)
        {
          const char *level_name;
          KoersLevel level;

          if (koers_model_find_stage (model, s->data) == NULL)
            {
              g_autofree char *what = g_strdup_printf (_("unknown stage \"%s\""), (const char *) s->data);
              return set_invalid (error, path, what);
            }
          if (!_koers_json_get_string (stages, path, s->data, TRUE, &level_name, error))
            return FALSE;
          if (!parse_level (level_name, &level) || level == KOERS_LEVEL_ALWAYS)
            return set_invalid (error, path, _("a level is low, middle or high"));
          g_hash_table_insert (self->levels,
                               g_strdup_printf ("%s/%s", (const char *) l->data, (const char *) s->data),
                               GINT_TO_POINTER (level + 10));
        }
    }
  return TRUE;
}

static gboolean
parse_stages (KoersRules  *self,
              JsonArray   *stages,
              GError     **error)
{
  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      g_autofree char *path = g_strdup_printf ("stages[%u]", i);
      JsonNode *node = json_array_get_element (stages, i);
      gboolean joins = FALSE, in_phase_0 = FALSE;
      JsonObject *object;
      KoersModel *model;
      int stage;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return set_invalid (error, path, _("expected an object with model and stage"));
      object = json_node_get_object (node);
      if (!(model = get_model (self, object, path, error)) ||
          (stage = get_stage (model, object, path, "stage", error)) < 0 ||
          !_koers_json_get_bool (object, path, "joins-previous", &joins, error) ||
          !_koers_json_get_bool (object, path, "phase-0", &in_phase_0, error))
        return FALSE;

      if (joins)
        g_hash_table_add (self->joins, g_strdup_printf ("%s/%s", koers_model_get_id (model),
                                                        koers_model_get_stage (model, stage)->id));
      if (in_phase_0)
        g_hash_table_add (self->in_phase_0, g_strdup_printf ("%s/%s", koers_model_get_id (model),
                                                             koers_model_get_stage (model, stage)->id));
    }
  return TRUE;
}

/* Reads @bytes into @self; the caller names the file in the message. */
static gboolean
parse_rules (KoersRules  *self,
             GBytes      *bytes,
             GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *maturity;
  JsonArray *stages, *items, *findings;

  if (!(root = _koers_json_parse (bytes, error)))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_NOT_PROJECT,
                   _("expected roadmap rules (a JSON object)"));
      return FALSE;
    }
  object = json_node_get_object (root);

  if (!_koers_json_check_header (object, "koers-rules", 2, error) ||
      !_koers_json_get_object (object, NULL, "maturity", TRUE, &maturity, error) ||
      !_koers_json_get_array (object, NULL, "stages", FALSE, &stages, error) ||
      !_koers_json_get_array (object, NULL, "items", TRUE, &items, error) ||
      !_koers_json_get_array (object, NULL, "findings", TRUE, &findings, error))
    return FALSE;

  if (!parse_maturity (self, maturity, error) ||
      !_koers_rules_parse_planning (self, object, error))
    return FALSE;
  if (stages != NULL && !parse_stages (self, stages, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (!parse_item (self, json_array_get_element (items, i), i, error))
      return FALSE;
  for (guint i = 0; i < json_array_get_length (findings); i++)
    if (!parse_finding (self, json_array_get_element (findings, i), i, error))
      return FALSE;
  return _koers_rules_check_references (self, error);
}

/**
 * koers_rules_new_from_bytes:
 * @catalog: the models the rules refer to
 * @bytes: the JSON text of a rules file
 * @filename: for error messages
 * @error: return location for a #KOERS_FILE_ERROR
 *
 * Reads and checks a rules file (docs/roadmap-rules.md): every model,
 * stage and item id it names must exist, and `after` may not loop.
 *
 * Returns: (transfer full): the rules, or %NULL
 */
KoersRules *
koers_rules_new_from_bytes (KoersCatalog  *catalog,
                            GBytes        *bytes,
                            const char    *filename,
                            GError       **error)
{
  g_autoptr(KoersRules) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KOERS_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (KOERS_TYPE_RULES, NULL);
  self->catalog = g_object_ref (catalog);
  if (!parse_rules (self, bytes, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", filename);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * koers_rules_get_builtin:
 *
 * The rules compiled into Koers, for the built-in models, loaded once.
 * Broken built-in rules are a build defect and abort with the message.
 *
 * Returns: (transfer none): the shared rules
 */
KoersRules *
koers_rules_get_builtin (void)
{
  static KoersRules *builtin;

  if (g_once_init_enter (&builtin))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      KoersRules *rules = NULL;

      bytes = g_resources_lookup_data (RESOURCE_PREFIX "/roadmap/rules.json",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL)
        rules = koers_rules_new_from_bytes (koers_catalog_get_builtin (), bytes, "rules.json", &error);
      if (rules == NULL)
        g_error ("The built-in roadmap rules are broken: %s", error->message);
      g_once_init_leave (&builtin, rules);
    }
  return builtin;
}

guint
koers_rules_get_n_items (KoersRules *self)
{
  g_return_val_if_fail (KOERS_IS_RULES (self), 0);
  return self->items->len;
}

guint
koers_rules_get_n_findings (KoersRules *self)
{
  g_return_val_if_fail (KOERS_IS_RULES (self), 0);
  return self->findings->len;
}

const KoersRule *
_koers_rules_get_item (KoersRules *self,
                       guint       index)
{
  return g_ptr_array_index (self->items, index);
}

const KoersRule *
_koers_rules_lookup_item (KoersRules *self,
                          const char *id)
{
  return g_hash_table_lookup (self->by_id, id);
}

/**
 * koers_rules_get_item_title:
 * @id: an item's id, "phase-0/inform-colleagues"
 *
 * The item's title in the interface's language, whether or not a roadmap
 * gives the item now: for what was recorded on an item that the
 * placements no longer call for.
 *
 * Returns: (nullable): the title, or %NULL when the rules have no such item
 */
const char *
koers_rules_get_item_title (KoersRules *self,
                            const char *id)
{
  const KoersRule *rule;

  g_return_val_if_fail (KOERS_IS_RULES (self), NULL);

  rule = id ? g_hash_table_lookup (self->by_id, id) : NULL;
  if (rule == NULL || rule->title == NULL)
    return NULL;
  return g_dgettext (GETTEXT_PACKAGE, rule->title);
}

const KoersFindingRule *
_koers_rules_get_finding (KoersRules *self,
                          guint       index)
{
  return g_ptr_array_index (self->findings, index);
}

/* Returns the level of a stage, or -1 when the rules give none. */
int
_koers_rules_get_level (KoersRules *self,
                        const char *model,
                        const char *stage)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", model, stage);
  gpointer value = g_hash_table_lookup (self->levels, key);

  return value ? GPOINTER_TO_INT (value) - 10 : -1;
}

/* Whether each stage of @model needs quarters of its own (the strict
 * bottom-up pyramid), rather than only where the plan has room. */
gboolean
_koers_rules_model_is_strict (KoersRules *self,
                              const char *model)
{
  return self->strict_models != NULL && g_strv_contains ((const char * const *) self->strict_models, model);
}

gboolean
_koers_rules_stage_joins (KoersRules *self,
                          const char *model,
                          const char *stage)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", model, stage);
  return g_hash_table_contains (self->joins, key);
}

gboolean
_koers_rules_stage_in_phase_0 (KoersRules *self,
                               const char *model,
                               const char *stage)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", model, stage);
  return g_hash_table_contains (self->in_phase_0, key);
}

KoersCatalog *
_koers_rules_get_catalog (KoersRules *self)
{
  return self->catalog;
}

const KoersCapacityRule *
_koers_rules_get_capacity (KoersRules *self)
{
  return &self->capacity;
}

guint
_koers_rules_get_n_goals (KoersRules *self)
{
  return self->goals->len;
}

const KoersGoal *
_koers_rules_get_goal (KoersRules *self,
                       guint       index)
{
  return g_ptr_array_index (self->goals, index);
}

int
_koers_rules_lookup_goal (KoersRules *self,
                          const char *id)
{
  for (guint i = 0; i < self->goals->len; i++)
    if (g_str_equal (((KoersGoal *) g_ptr_array_index (self->goals, i))->id, id))
      return i;
  return -1;
}

const KoersEffort *
_koers_rules_lookup_effort (KoersRules *self,
                            const char *name)
{
  return g_hash_table_lookup (self->efforts, name);
}

guint
_koers_rules_get_n_sequences (KoersRules *self)
{
  return self->sequences->len;
}

const KoersSequenceRule *
_koers_rules_get_sequence (KoersRules *self,
                           guint       index)
{
  return g_ptr_array_index (self->sequences, index);
}
