/* koers-rules-item.c: what an item of the rules says besides its place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Texts that differ per kind or level, effort, role, result, filters,
 * tags and milestones: the members that let one rule speak to a bakery
 * and a bank alike.
 */
#define G_LOG_DOMAIN "koers-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-json-private.h"
#include "koers-rules-private.h"

static const char * const level_names[] = { "low", "middle", "high" };
static const char * const role_ids[] = {
  "communication", "service", "hr", "management", "it", "all-staff",
};

static void
variant_free (KoersVariant *variant)
{
  g_free (variant->key);
  g_free (variant->text);
  g_free (variant);
}

static void
milestone_rule_free (KoersMilestoneRule *milestone)
{
  g_free (milestone->id);
  g_free (milestone->title);
  g_free (milestone);
}

void
_koers_rule_free_extras (KoersRule *rule)
{
  g_clear_pointer (&rule->titles, g_ptr_array_unref);
  g_clear_pointer (&rule->whys, g_ptr_array_unref);
  g_clear_pointer (&rule->roles, g_ptr_array_unref);
  g_clear_pointer (&rule->result, g_free);
  g_clear_pointer (&rule->unless, g_ptr_array_unref);
  g_clear_pointer (&rule->tags, g_strfreev);
  g_clear_pointer (&rule->after_if_planned, g_strfreev);
  g_clear_pointer (&rule->milestones, g_ptr_array_unref);
}

gboolean
_koers_rules_set_invalid (GError     **error,
                          const char  *path,
                          const char  *what)
{
  g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID, "%s: %s", path, what);
  return FALSE;
}

static gboolean
is_kind (const char *key)
{
  KoersOrganisationKind kind;

  return koers_organisation_kind_from_string (key, &kind) && kind != KOERS_ORGANISATION_UNKNOWN;
}

static gboolean
is_level (const char *key)
{
  return g_strv_contains (level_names, key);
}

/* A text is a string, or an object whose keys are kinds, levels and
 * "default" (required). @text gets the default. */
gboolean
_koers_rules_parse_text (JsonObject  *object,
                         const char  *path,
                         const char  *member,
                         char       **text,
                         GPtrArray  **variants,
                         GError     **error)
{
  g_autofree char *p = _koers_json_path (path, member);
  g_autoptr(GList) keys = NULL;
  JsonNode *node = json_object_get_member (object, member);
  JsonObject *map;

  *variants = g_ptr_array_new_with_free_func ((GDestroyNotify) variant_free);
  if (node == NULL)
    {
      const char *missing;

      /* Says "missing; this member is required" in the usual words. */
      return _koers_json_get_string (object, path, member, TRUE, &missing, error);
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *text = g_strdup (json_node_get_string (node));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _koers_rules_set_invalid (error, p, _("expected a text, or texts per kind or level"));

  map = json_node_get_object (node);
  keys = json_object_get_members (map);
  for (const GList *l = keys; l; l = l->next)
    {
      JsonNode *value = json_object_get_member (map, l->data);
      KoersVariant *variant;

      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        return _koers_rules_set_invalid (error, p, _("each variant must be a text"));
      if (g_str_equal (l->data, "default"))
        {
          g_free (*text);
          *text = g_strdup (json_node_get_string (value));
          continue;
        }
      if (!is_kind (l->data) && !is_level (l->data))
        {
          g_autofree char *what = g_strdup_printf (_("\"%s\" is neither a kind of organisation nor a level"),
                                                   (const char *) l->data);
          return _koers_rules_set_invalid (error, p, what);
        }
      variant = g_new0 (KoersVariant, 1);
      variant->key = g_strdup (l->data);
      variant->text = g_strdup (json_node_get_string (value));
      g_ptr_array_add (*variants, variant);
    }
  if (*text == NULL)
    return _koers_rules_set_invalid (error, p, _("texts per kind or level need a default"));
  return TRUE;
}

/* The kind's variant first, then the level's, then the default. */
const char *
_koers_rule_pick (GPtrArray  *variants,
                  const char *fallback,
                  const char *kind,
                  const char *level)
{
  const char *by_level = NULL;

  for (guint i = 0; variants && i < variants->len; i++)
    {
      KoersVariant *variant = g_ptr_array_index (variants, i);

      if (kind && g_str_equal (variant->key, kind))
        return variant->text;
      if (g_str_equal (variant->key, "default"))
        fallback = variant->text;
      if (level && g_str_equal (variant->key, level))
        by_level = variant->text;
    }
  return by_level ? by_level : fallback;
}

/* An effort is a number of person-days, the name of an effort class of
 * the rules, or an object with small, medium and large. */
gboolean
_koers_rules_parse_effort (KoersRules   *self,
                           JsonNode     *node,
                           const char   *path,
                           KoersEffort  *effort,
                           GError      **error)
{
  static const char * const sizes[] = { "small", "medium", "large" };

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 days = json_node_get_int (node);

      if (days < 1 || days > 1000)
        return _koers_rules_set_invalid (error, path, _("an effort is 1 to 1000 person-days"));
      for (guint s = 0; s < KOERS_N_SIZES; s++)
        effort->days[s] = days;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING && self != NULL)
    {
      const KoersEffort *named = _koers_rules_lookup_effort (self, json_node_get_string (node));

      if (named == NULL)
        {
          g_autofree char *what = g_strdup_printf (_("unknown effort class \"%s\""), json_node_get_string (node));
          return _koers_rules_set_invalid (error, path, what);
        }
      *effort = *named;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      for (guint s = 0; s < KOERS_N_SIZES; s++)
        {
          JsonNode *value = json_object_get_member (object, sizes[s]);
          g_autofree char *p = _koers_json_path (path, sizes[s]);

          if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
              json_node_get_value_type (value) != G_TYPE_INT64 ||
              json_node_get_int (value) < 1 || json_node_get_int (value) > 1000)
            return _koers_rules_set_invalid (error, p, _("an effort is 1 to 1000 person-days"));
          effort->days[s] = json_node_get_int (value);
        }
      return TRUE;
    }
  return _koers_rules_set_invalid (error, path,
                                   _("an effort is a number of person-days, an effort class, or small, medium and large"));
}

static gboolean
parse_strings (JsonObject  *object,
               const char  *path,
               const char  *member,
               GStrv       *out,
               GError     **error)
{
  return _koers_rules_parse_string_list (object, path, member, _("expected a text"), out, error);
}

static gboolean
parse_role (KoersRule   *rule,
            JsonObject  *object,
            const char  *path,
            GError     **error)
{
  g_autofree char *p = _koers_json_path (path, "role");
  g_autofree char *fallback = NULL;

  if (!json_object_has_member (object, "role"))
    fallback = g_strdup ("communication");
  else if (!_koers_rules_parse_text (object, path, "role", &fallback, &rule->roles, error))
    return FALSE;
  if (rule->roles == NULL)
    rule->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) variant_free);
  if (!g_strv_contains (role_ids, fallback))
    return _koers_rules_set_invalid (error, p, _("a role is communication, service, hr, management, it or all-staff"));
  for (guint i = 0; i < rule->roles->len; i++)
    if (!g_strv_contains (role_ids, ((KoersVariant *) g_ptr_array_index (rule->roles, i))->text))
      return _koers_rules_set_invalid (error, p, _("a role is communication, service, hr, management, it or all-staff"));
  /* The default role rides along as a variant keyed "default". */
  {
    KoersVariant *variant = g_new0 (KoersVariant, 1);

    variant->key = g_strdup ("default");
    variant->text = g_steal_pointer (&fallback);
    g_ptr_array_add (rule->roles, variant);
  }
  return TRUE;
}

static gboolean
parse_filters (KoersRule   *rule,
               JsonObject  *object,
               const char  *path,
               GError     **error)
{
  g_auto(GStrv) kinds = NULL;
  g_auto(GStrv) levels = NULL;

  if (!parse_strings (object, path, "kinds", &kinds, error) ||
      !parse_strings (object, path, "levels", &levels, error))
    return FALSE;
  for (guint i = 0; kinds[i]; i++)
    {
      KoersOrganisationKind kind;

      if (!koers_organisation_kind_from_string (kinds[i], &kind) || kind == KOERS_ORGANISATION_UNKNOWN)
        {
          g_autofree char *what = g_strdup_printf (_("unknown kind of organisation \"%s\""), kinds[i]);
          return _koers_rules_set_invalid (error, path, what);
        }
      rule->kinds |= 1u << kind;
    }
  for (guint i = 0; levels[i]; i++)
    {
      if (!is_level (levels[i]))
        return _koers_rules_set_invalid (error, path, _("a level is low, middle or high"));
      for (guint l = 0; l < G_N_ELEMENTS (level_names); l++)
        if (g_str_equal (levels[i], level_names[l]))
          rule->levels |= 1u << l;
    }
  return TRUE;
}

static gboolean
parse_milestones (KoersRules  *self,
                  KoersRule   *rule,
                  JsonObject  *object,
                  const char  *path,
                  GError     **error)
{
  JsonArray *array;

  if (!_koers_json_get_array (object, path, "milestones", FALSE, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;
  if (json_array_get_length (array) < 2)
    return _koers_rules_set_invalid (error, path, _("a programme has at least two milestones"));

  rule->milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) milestone_rule_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = g_strdup_printf ("%s.milestones[%u]", path, i);
      g_autofree char *ep = _koers_json_path (p, "effort");
      JsonNode *node = json_array_get_element (array, i);
      KoersMilestoneRule *milestone;
      const char *id, *title;
      JsonObject *m;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return _koers_rules_set_invalid (error, p, _("expected a milestone (an object)"));
      m = json_node_get_object (node);
      if (!_koers_json_get_string (m, p, "id", TRUE, &id, error) ||
          !_koers_json_get_string (m, p, "title", TRUE, &title, error))
        return FALSE;
      if (id[0] == '\0' || strchr (id, '/') != NULL)
        return _koers_rules_set_invalid (error, p, _("a milestone id is one word without a slash"));
      for (guint k = 0; k < rule->milestones->len; k++)
        if (g_str_equal (((KoersMilestoneRule *) g_ptr_array_index (rule->milestones, k))->id, id))
          return _koers_rules_set_invalid (error, p, _("two milestones have the same id"));

      milestone = g_new0 (KoersMilestoneRule, 1);
      milestone->id = g_strdup (id);
      milestone->title = g_strdup (title);
      g_ptr_array_add (rule->milestones, milestone);
      if (!json_object_has_member (m, "effort"))
        return _koers_rules_set_invalid (error, p, _("a milestone needs an effort"));
      if (!_koers_rules_parse_effort (self, json_object_get_member (m, "effort"), ep,
                                      &milestone->effort, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * _koers_rules_parse_item_extras:
 *
 * Reads the members of an item that say who, how much and for whom;
 * the caller has read its id, place and texts.
 */
gboolean
_koers_rules_parse_item_extras (KoersRules  *self,
                                KoersRule   *rule,
                                JsonObject  *object,
                                const char  *path,
                                GError     **error)
{
  g_autofree char *ep = _koers_json_path (path, "effort");
  const char *result = NULL, *goal = NULL;
  JsonArray *unless;

  /* Without an effort, an item counts as a week of one person's time. */
  for (guint s = 0; s < KOERS_N_SIZES; s++)
    rule->effort.days[s] = 5;
  if ((json_object_has_member (object, "effort") &&
       !_koers_rules_parse_effort (self, json_object_get_member (object, "effort"), ep,
                                   &rule->effort, error)) ||
      !parse_role (rule, object, path, error) ||
      !_koers_json_get_string (object, path, "result", FALSE, &result, error) ||
      !_koers_json_get_string (object, path, "goal", FALSE, &goal, error) ||
      !_koers_json_get_bool (object, path, "doing", &rule->doing, error) ||
      !parse_strings (object, path, "tags", &rule->tags, error) ||
      !parse_strings (object, path, "after-if-planned", &rule->after_if_planned, error) ||
      !parse_filters (rule, object, path, error) ||
      !_koers_json_get_array (object, path, "unless", FALSE, &unless, error) ||
      !parse_milestones (self, rule, object, path, error))
    return FALSE;

  rule->result = g_strdup (result);
  rule->goal = goal ? _koers_rules_lookup_goal (self, goal) : -1;
  if (goal != NULL && rule->goal < 0)
    {
      g_autofree char *what = g_strdup_printf (_("unknown goal \"%s\""), goal);
      return _koers_rules_set_invalid (error, path, what);
    }
  if (unless != NULL)
    {
      g_autofree char *up = _koers_json_path (path, "unless");

      if (!(rule->unless = _koers_rules_parse_conditions (self, unless, up, error)))
        return FALSE;
    }
  return TRUE;
}

gboolean
_koers_rule_has_tag (const KoersRule *rule,
                     const char      *tag)
{
  if (g_str_equal (tag, "doing") && rule->doing)
    return TRUE;
  return rule->tags != NULL && g_strv_contains ((const char * const *) rule->tags, tag);
}
