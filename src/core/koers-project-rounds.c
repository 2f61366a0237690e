/* koers-project-rounds.c: closed rounds of assessment: what was placed,
 * answered and done when a round closed, for progress over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-error.h"
#include "koers-json-private.h"
#include "koers-project-private.h"
#include "koers-roadmap.h"

static const char * const status_names[] = { "todo", "doing", "done", "skipped" };

void
_koers_project_rounds_clear (KoersProject *self)
{
  g_clear_pointer (&self->rounds, json_array_unref);
  g_clear_pointer (&self->rounds_json, g_free);
}

/* --- reading ------------------------------------------------------------------ */

static gboolean
check_round_placements (KoersProject  *self,
                        const char    *path,
                        JsonObject    *placements,
                        GError       **error)
{
  g_autoptr(GList) members = json_object_get_members (placements);

  for (const GList *l = members; l; l = l->next)
    {
      const char *model_id = l->data;
      KoersModel *model = koers_catalog_lookup (self->catalog, model_id);
      g_autofree char *model_path = g_strconcat (path, ".", model_id, NULL);
      JsonObject *placement;

      /* A colleague's own model: kept with the round, as it was. */
      if (model == NULL)
        continue;
      if (!_koers_json_get_object (placements, path, model_id, TRUE, &placement, error))
        return FALSE;
      for (guint m = 0; m < 2; m++)
        {
          const char *member = m == 0 ? "current" : "target";
          const char *stage_id;

          if (!_koers_project_get_optional_string (placement, model_path, member, &stage_id, error))
            return FALSE;
          if (stage_id != NULL && koers_model_find_stage (model, stage_id) == NULL)
            {
              g_autofree char *list = koers_model_dup_stage_list (model);

              g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_UNKNOWN_STAGE,
                           _("%s.%s: unknown stage \"%s\" (expected one of %s)"),
                           model_path, member, stage_id, list);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
check_round_answers (const char  *path,
                     JsonObject  *answers,
                     GError     **error)
{
  g_autoptr(GList) models = json_object_get_members (answers);

  for (const GList *l = models; l; l = l->next)
    {
      g_autofree char *model_path = g_strconcat (path, ".", (const char *) l->data, NULL);
      g_autoptr(GList) statements = NULL;
      JsonObject *model_answers;

      if (!_koers_json_get_object (answers, path, l->data, TRUE, &model_answers, error))
        return FALSE;
      statements = json_object_get_members (model_answers);
      for (const GList *s = statements; s; s = s->next)
        {
          const char *word;
          KoersAnswer answer;

          if (!_koers_json_get_string (model_answers, model_path, s->data, TRUE, &word, error))
            return FALSE;
          if (!koers_answer_from_string (word, &answer))
            {
              g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                           _("%s.%s: unknown answer \"%s\" (expected one of yes, partly, no, dont-know)"),
                           model_path, (const char *) s->data, word);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
check_round (KoersProject  *self,
             const char    *path,
             JsonNode      *node,
             GError       **error)
{
  g_autofree char *placements_path = g_strconcat (path, ".placements", NULL);
  g_autofree char *answers_path = g_strconcat (path, ".answers", NULL);
  g_autofree char *roadmap_path = g_strconcat (path, ".roadmap", NULL);
  g_autofree char *items_path = g_strconcat (path, ".items", NULL);
  JsonObject *object, *placements, *answers, *roadmap, *items;
  const char *closed;

  object = _koers_json_node_get_object (node, path, error);
  if (object == NULL)
    return FALSE;
  if (!_koers_json_get_string (object, path, "closed", TRUE, &closed, error) ||
      !_koers_json_get_object (object, path, "placements", FALSE, &placements, error) ||
      !_koers_json_get_object (object, path, "answers", FALSE, &answers, error) ||
      !_koers_json_get_object (object, path, "roadmap", FALSE, &roadmap, error) ||
      !_koers_json_get_object (object, path, "items", FALSE, &items, error))
    return FALSE;
  if (!koers_is_valid_date (closed))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("%s.closed: expected a date like 2026-11-20, found \"%s\""), path, closed);
      return FALSE;
    }
  if (placements != NULL && !check_round_placements (self, placements_path, placements, error))
    return FALSE;
  if (answers != NULL && !check_round_answers (answers_path, answers, error))
    return FALSE;

  for (guint i = 0; roadmap != NULL && i < G_N_ELEMENTS (status_names); i++)
    {
      JsonNode *count = json_object_get_member (roadmap, status_names[i]);

      if (count != NULL &&
          (!JSON_NODE_HOLDS_VALUE (count) || json_node_get_value_type (count) != G_TYPE_INT64 ||
           json_node_get_int (count) < 0 || json_node_get_int (count) > G_MAXINT))
        {
          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                       _("%s.%s: expected how many items had this status, a whole number from 0"),
                       roadmap_path, status_names[i]);
          return FALSE;
        }
    }

  if (items != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (items);

      for (const GList *l = members; l; l = l->next)
        {
          const char *word;
          KoersStatus status;

          if (!_koers_json_get_string (items, items_path, l->data, TRUE, &word, error))
            return FALSE;
          if (!koers_status_from_string (word, &status))
            {
              g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                           _("%s.%s: unknown status \"%s\" (expected one of todo, doing, done, skipped)"),
                           items_path, (const char *) l->data, word);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* rounds: a list of closed rounds, oldest first. docs/file-format.md.
 * Kept as read once checked, so that members a newer Koers adds to a
 * round survive. */
gboolean
_koers_project_read_rounds (KoersProject  *self,
                            JsonArray     *rounds,
                            GError       **error)
{
  g_autoptr(JsonArray) copy = json_array_sized_new (json_array_get_length (rounds));

  for (guint i = 0; i < json_array_get_length (rounds); i++)
    {
      g_autofree char *path = g_strdup_printf ("rounds[%u]", i);
      JsonNode *node = json_array_get_element (rounds, i);

      if (!check_round (self, path, node, error))
        return FALSE;
      json_array_add_element (copy, json_node_copy (node));
    }
  _koers_project_rounds_clear (self);
  if (json_array_get_length (copy) > 0)
    self->rounds = g_steal_pointer (&copy);
  return TRUE;
}

JsonArray *
_koers_project_write_rounds (KoersProject *self)
{
  JsonArray *array;

  if (self->rounds == NULL)
    return NULL;
  array = json_array_new ();
  for (guint i = 0; i < json_array_get_length (self->rounds); i++)
    json_array_add_element (array, json_node_copy (json_array_get_element (self->rounds, i)));
  return array;
}

/* --- editing: the whole list at once ---------------------------------------- */

const char *
_koers_project_get_rounds_field (KoersProject *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_clear_pointer (&self->rounds_json, g_free);
  if (self->rounds == NULL)
    return NULL;
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, self->rounds);
  self->rounds_json = json_to_string (node, FALSE);
  return self->rounds_json;
}

gboolean
_koers_project_set_rounds_field (KoersProject  *self,
                                 const char    *value,
                                 gboolean      *changed,
                                 GError       **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;

  *changed = g_strcmp0 (_koers_project_get_rounds_field (self), value) != 0;
  if (value == NULL)
    {
      _koers_project_rounds_clear (self);
      return TRUE;
    }
  node = json_from_string (value, &local_error);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      *changed = FALSE;
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX,
                   _("Not a list of rounds Koers can read%s%s"),
                   local_error ? ": " : "", local_error ? local_error->message : "");
      return FALSE;
    }
  if (!_koers_project_read_rounds (self, json_node_get_array (node), error))
    {
      *changed = FALSE;
      return FALSE;
    }
  return TRUE;
}

/* --- the public API ------------------------------------------------------------ */

static JsonObject *
get_round (KoersProject *self,
           guint         index)
{
  if (self->rounds == NULL || index >= json_array_get_length (self->rounds))
    return NULL;
  return json_array_get_object_element (self->rounds, index);
}

static JsonObject *
get_member_object (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
get_member_string (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

/**
 * koers_project_get_n_rounds:
 *
 * Returns: how many rounds were closed; the last is the previous round
 */
guint
koers_project_get_n_rounds (KoersProject *self)
{
  g_return_val_if_fail (KOERS_IS_PROJECT (self), 0);
  return self->rounds ? json_array_get_length (self->rounds) : 0;
}

/**
 * koers_project_get_round_closed:
 *
 * Returns: (nullable): the date the round closed, `YYYY-MM-DD`
 */
const char *
koers_project_get_round_closed (KoersProject *self,
                                guint         index)
{
  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  return get_member_string (get_round (self, index), "closed");
}

/**
 * koers_project_get_round_marker:
 *
 * Returns: (nullable): the stage id Now or Goal was on when the round closed
 */
const char *
koers_project_get_round_marker (KoersProject *self,
                                guint         index,
                                const char   *model_id,
                                KoersMarker   marker)
{
  JsonObject *placements;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  placements = get_member_object (get_round (self, index), "placements");
  return get_member_string (get_member_object (placements, model_id),
                            marker == KOERS_MARKER_CURRENT ? "current" : "target");
}

/**
 * koers_project_get_round_count:
 *
 * Returns: how many roadmap items had @status when the round closed
 */
guint
koers_project_get_round_count (KoersProject *self,
                               guint         index,
                               KoersStatus   status)
{
  JsonObject *roadmap;
  JsonNode *node;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), 0);
  g_return_val_if_fail (status <= KOERS_STATUS_SKIPPED, 0);
  roadmap = get_member_object (get_round (self, index), "roadmap");
  node = roadmap ? json_object_get_member (roadmap, status_names[status]) : NULL;
  return node ? (guint) json_node_get_int (node) : 0;
}

/**
 * koers_project_get_round_item_status:
 * @status: (out): the item's status then
 *
 * Returns: whether the item had a status other than todo when the round
 *   closed
 */
gboolean
koers_project_get_round_item_status (KoersProject *self,
                                     guint         index,
                                     const char   *item_id,
                                     KoersStatus  *status)
{
  const char *word;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), FALSE);
  word = get_member_string (get_member_object (get_round (self, index), "items"), item_id);
  return word != NULL && koers_status_from_string (word, status) && *status != KOERS_STATUS_TODO;
}

/**
 * koers_project_dup_closed_round:
 * @date: (nullable): the day the round closes, `YYYY-MM-DD`; %NULL for today
 *
 * What koers_history_set() with %KOERS_FIELD_ROUNDS takes to close a round
 * now: the rounds so far and a new one holding the placements, the answers
 * and the roadmap's status counts and item statuses, so that closing is
 * one undoable edit. Nothing in the project changes here.
 *
 * Returns: (transfer full): the value for %KOERS_FIELD_ROUNDS
 */
char *
koers_project_dup_closed_round (KoersProject *self,
                                const char   *date)
{
  g_autoptr(KoersRoadmap) roadmap = NULL;
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *today = NULL;
  JsonArray *array = json_array_new ();
  JsonObject *round = json_object_new ();
  JsonObject *placements = json_object_new ();
  JsonObject *answers = json_object_new ();
  JsonObject *counts = json_object_new ();
  JsonObject *items = json_object_new ();
  guint n[G_N_ELEMENTS (status_names)] = { 0 };

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);

  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      date = today = g_date_time_format (now, "%Y-%m-%d");
    }

  for (guint i = 0; i < koers_project_get_n_rounds (self); i++)
    json_array_add_element (array, json_node_copy (json_array_get_element (self->rounds, i)));

  json_object_set_string_member (round, "closed", date);
  for (guint m = 0; m < koers_catalog_get_n_models (self->catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (self->catalog, m);
      const char *model_id = koers_model_get_id (model);
      const char *current = koers_project_get_current (self, model_id);
      const char *target = koers_project_get_target (self, model_id);
      g_autoptr(GHashTable) table = koers_project_dup_answers (self, model_id);

      if (current != NULL || target != NULL)
        {
          JsonObject *placement = json_object_new ();

          if (current != NULL)
            json_object_set_string_member (placement, "current", current);
          if (target != NULL)
            json_object_set_string_member (placement, "target", target);
          json_object_set_object_member (placements, model_id, placement);
        }
      if (g_hash_table_size (table) > 0)
        {
          JsonObject *model_answers = json_object_new ();

          for (guint s = 0; s < koers_model_get_n_statements (model); s++)
            {
              const char *statement_id = koers_model_get_statement (model, s)->id;
              KoersAnswer answer = GPOINTER_TO_INT (g_hash_table_lookup (table, statement_id));

              if (answer != KOERS_ANSWER_NONE)
                json_object_set_string_member (model_answers, statement_id, koers_answer_to_string (answer));
            }
          json_object_set_object_member (answers, model_id, model_answers);
        }
    }
  json_object_set_object_member (round, "placements", placements);
  if (json_object_get_size (answers) > 0)
    json_object_set_object_member (round, "answers", answers);
  else
    json_object_unref (answers);

  roadmap = koers_roadmap_build (self, NULL);
  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (roadmap, p);

      for (guint i = 0; i < phase->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);

          n[item->status]++;
        }
    }
  /* Every status recorded, also on items the rules no longer make, so that
   * "done since the last round" counts each item once. */
  {
    g_auto(GStrv) item_ids = koers_project_dup_item_ids (self);

    for (guint i = 0; item_ids[i] != NULL; i++)
      {
        KoersStatus status = koers_project_get_item_status (self, item_ids[i]);

        if (koers_project_has_item_state (self, item_ids[i]) && status != KOERS_STATUS_TODO)
          json_object_set_string_member (items, item_ids[i], status_names[status]);
      }
  }
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    json_object_set_int_member (counts, status_names[i], n[i]);
  json_object_set_object_member (round, "roadmap", counts);
  json_object_set_object_member (round, "items", items);

  json_array_add_object_element (array, round);
  json_node_take_array (root, array);
  return json_to_string (root, FALSE);
}
