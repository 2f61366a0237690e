/* koers-project-others.c: other organisations placed on the same models
 * (competitors, a benchmark, a sister organisation): editing, reading and
 * writing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-project"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "koers-error.h"
#include "koers-json-private.h"
#include "koers-project-private.h"

/* More would not fit beside the organisation's own markers. */
#define MAX_OTHERS 50

static void
other_free (Other *o)
{
  g_free (o->id);
  g_free (o->name);
  g_free (o->note);
  g_clear_pointer (&o->now, g_hash_table_unref);
  g_clear_pointer (&o->unknown_now, json_object_unref);
  g_clear_pointer (&o->extra, json_object_unref);
  g_free (o->json);
  g_free (o);
}

void
_koers_project_others_init (KoersProject *self)
{
  self->others = g_ptr_array_new_with_free_func ((GDestroyNotify) other_free);
  self->next_other = 1;
}

void
_koers_project_others_clear (KoersProject *self)
{
  g_clear_pointer (&self->others, g_ptr_array_unref);
}

static Other *
find_other (KoersProject *self,
            const char   *id,
            guint        *index)
{
  for (guint i = 0; id != NULL && i < self->others->len; i++)
    {
      Other *o = g_ptr_array_index (self->others, i);

      if (g_str_equal (o->id, id))
        {
          if (index != NULL)
            *index = i;
          return o;
        }
    }
  return NULL;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static Other *
find_other_by_name (KoersProject *self,
                    const char   *name)
{
  for (guint i = 0; i < self->others->len; i++)
    {
      Other *o = g_ptr_array_index (self->others, i);

      if (g_str_equal (o->name, name))
        return o;
    }
  return NULL;
}

/* --- reading ---------------------------------------------------------------- */

/* One other organisation, as the file holds it, at @path ("others[2]"). */
static Other *
read_other (KoersProject  *self,
            const char    *path,
            JsonNode      *node,
            GError       **error)
{
  static const char * const known[] = { "name", "note", "now", NULL };
  g_autofree char *now_path = g_strconcat (path, ".now", NULL);
  const char *name, *note;
  JsonObject *object, *now = NULL;
  g_autoptr(GList) members = NULL;
  Other *o;

  object = _koers_json_node_get_object (node, path, error);
  if (object == NULL)
    return NULL;
  if (!_koers_json_get_string (object, path, "name", TRUE, &name, error) ||
      !_koers_project_get_optional_string (object, path, "note", &note, error) ||
      !_koers_json_get_object (object, path, "now", FALSE, &now, error))
    return NULL;
  if (is_blank (name))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("%s.name: the other organisation needs a name"), path);
      return NULL;
    }

  o = g_new0 (Other, 1);
  o->name = g_strdup (name);
  o->note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  o->now = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  o->unknown_now = json_object_new ();
  o->extra = _koers_project_copy_unknown (object, known);

  if (now != NULL)
    members = json_object_get_members (now);
  for (const GList *l = members; l; l = l->next)
    {
      const char *model_id = l->data;
      KoersModel *model = koers_catalog_lookup (self->catalog, model_id);
      const char *stage_id;

      if (model == NULL)
        {
          json_object_set_member (o->unknown_now, model_id, json_node_copy (json_object_get_member (now, model_id)));
          g_ptr_array_add (self->warnings,
                           g_strdup_printf (_("%s.%s: a model this version of Koers does not know; kept as it is"),
                                            now_path, model_id));
          continue;
        }
      if (!_koers_project_get_optional_string (now, now_path, model_id, &stage_id, error))
        {
          other_free (o);
          return NULL;
        }
      if (stage_id == NULL)
        continue;
      if (koers_model_find_stage (model, stage_id) == NULL)
        {
          g_autofree char *list = koers_model_dup_stage_list (model);

          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_UNKNOWN_STAGE,
                       _("%s.%s: unknown stage \"%s\" (expected one of %s)"),
                       now_path, model_id, stage_id, list);
          other_free (o);
          return NULL;
        }
      g_hash_table_replace (o->now, g_strdup (model_id), g_strdup (stage_id));
    }
  return o;
}

static void
take_other (KoersProject *self,
            Other        *o,
            const char   *id)
{
  o->id = id ? g_strdup (id) : g_strdup_printf ("other-%u", self->next_other++);
  g_ptr_array_add (self->others, o);
}

/* others: a list of { name, note, now: { model id: stage id } }.
 * docs/file-format.md */
gboolean
_koers_project_read_others (KoersProject  *self,
                            JsonArray     *others,
                            GError       **error)
{
  guint n = json_array_get_length (others);

  if (n > MAX_OTHERS)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("others: %u other organisations; Koers places at most %d beside yours"),
                   n, MAX_OTHERS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("others[%u]", i);
      Other *o = read_other (self, path, json_array_get_element (others, i), error);
      Other *same;

      if (o == NULL)
        return FALSE;
      if ((same = find_other_by_name (self, o->name)) != NULL)
        {
          guint index = 0;

          find_other (self, same->id, &index);
          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                       _("%s.name: “%s” is already the name of others[%u]; give each organisation its own name"),
                       path, o->name, index);
          other_free (o);
          return FALSE;
        }
      take_other (self, o, NULL);
    }
  return TRUE;
}

/* --- writing ---------------------------------------------------------------- */

static JsonObject *
write_other (KoersProject *self,
             Other        *o)
{
  JsonObject *object = json_object_new ();
  JsonObject *now = json_object_new ();

  json_object_set_string_member (object, "name", o->name);
  if (o->note != NULL)
    json_object_set_string_member (object, "note", o->note);
  for (guint i = 0; i < koers_catalog_get_n_models (self->catalog); i++)
    {
      const char *model_id = koers_model_get_id (koers_catalog_get_model (self->catalog, i));
      const char *stage_id = g_hash_table_lookup (o->now, model_id);

      if (stage_id != NULL)
        json_object_set_string_member (now, model_id, stage_id);
    }
  _koers_project_merge_extra (now, o->unknown_now);
  if (json_object_get_size (now) > 0)
    json_object_set_object_member (object, "now", now);
  else
    json_object_unref (now);
  _koers_project_merge_extra (object, o->extra);
  return object;
}

/* %NULL when there are none, so that files without others stay as they were */
JsonArray *
_koers_project_write_others (KoersProject *self)
{
  JsonArray *array;

  if (self->others->len == 0)
    return NULL;
  array = json_array_new ();
  for (guint i = 0; i < self->others->len; i++)
    json_array_add_object_element (array, write_other (self, g_ptr_array_index (self->others, i)));
  return array;
}

/* --- editing ---------------------------------------------------------------- */

const char *
_koers_project_get_other_field (KoersProject *self,
                                KoersField    field,
                                const char   *key)
{
  const char *slash = key ? strchr (key, '/') : NULL;
  g_autofree char *id = slash ? g_strndup (key, slash - key) : g_strdup (key);
  Other *o = find_other (self, id, NULL);

  if (o == NULL)
    return NULL;
  switch (field)
    {
    case KOERS_FIELD_OTHER:
      {
        g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

        json_node_take_object (node, write_other (self, o));
        g_free (o->json);
        o->json = json_to_string (node, FALSE);
        return o->json;
      }
    case KOERS_FIELD_OTHER_NAME:
      return o->name;
    case KOERS_FIELD_OTHER_NOTE:
      return o->note;
    case KOERS_FIELD_OTHER_NOW:
      return slash ? g_hash_table_lookup (o->now, slash + 1) : NULL;
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
check_name (KoersProject  *self,
            Other         *o,
            const char    *name,
            GError       **error)
{
  Other *same;

  if (is_blank (name))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("The other organisation needs a name"));
      return FALSE;
    }
  same = find_other_by_name (self, name);
  if (same != NULL && same != o)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("There is already an organisation called “%s”"), name);
      return FALSE;
    }
  return TRUE;
}

/* A whole other organisation: added, replaced or (value %NULL) removed */
static gboolean
set_other (KoersProject  *self,
           const char    *id,
           const char    *value,
           gboolean      *changed,
           GError       **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  guint index = 0;
  Other *old = find_other (self, id, &index);
  Other *o;

  if (value == NULL)
    {
      if (old != NULL)
        {
          g_ptr_array_remove_index (self->others, index);
          *changed = TRUE;
        }
      return TRUE;
    }

  if (old == NULL && self->others->len >= MAX_OTHERS)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("Koers places at most %d other organisations beside yours"), MAX_OTHERS);
      return FALSE;
    }
  node = json_from_string (value, &local_error);
  if (node == NULL)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX,
                   _("Not an organisation Koers can read: %s"), local_error->message);
      return FALSE;
    }
  if (!(o = read_other (self, "others", node, error)))
    return FALSE;
  if (!check_name (self, old, o->name, error))
    {
      other_free (o);
      return FALSE;
    }

  o->id = g_strdup (id);
  if (old != NULL)
    {
      g_ptr_array_index (self->others, index) = o;
      other_free (old);
    }
  else
    g_ptr_array_add (self->others, o);
  *changed = TRUE;
  return TRUE;
}

gboolean
_koers_project_set_other_field (KoersProject  *self,
                                KoersField     field,
                                const char    *key,
                                const char    *value,
                                gboolean      *changed,
                                GError       **error)
{
  const char *slash = key ? strchr (key, '/') : NULL;
  g_autofree char *id = slash ? g_strndup (key, slash - key) : g_strdup (key);
  Other *o;

  *changed = FALSE;
  if (id == NULL || *id == '\0')
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("An other organisation needs an id"));
      return FALSE;
    }
  if (field == KOERS_FIELD_OTHER)
    return set_other (self, id, value, changed, error);

  if ((o = find_other (self, id, NULL)) == NULL)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("There is no other organisation “%s”"), id);
      return FALSE;
    }

  switch (field)
    {
    case KOERS_FIELD_OTHER_NAME:
      if (!check_name (self, o, value, error))
        return FALSE;
      *changed = g_strcmp0 (o->name, value) != 0;
      g_free (o->name);
      o->name = g_strdup (value);
      return TRUE;
    case KOERS_FIELD_OTHER_NOTE:
      *changed = g_strcmp0 (o->note, value) != 0;
      g_free (o->note);
      o->note = g_strdup (value);
      return TRUE;
    case KOERS_FIELD_OTHER_NOW:
      {
        KoersModel *model = slash ? koers_catalog_lookup (self->catalog, slash + 1) : NULL;

        if (model == NULL)
          {
            g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                         _("There is no model “%s”"), slash ? slash + 1 : "");
            return FALSE;
          }
        if (value != NULL && koers_model_find_stage (model, value) == NULL)
          {
            g_autofree char *list = koers_model_dup_stage_list (model);

            g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_UNKNOWN_STAGE,
                         _("unknown stage \"%s\" (expected one of %s)"), value, list);
            return FALSE;
          }
        *changed = g_strcmp0 (g_hash_table_lookup (o->now, slash + 1), value) != 0;
        if (value == NULL)
          g_hash_table_remove (o->now, slash + 1);
        else
          g_hash_table_replace (o->now, g_strdup (slash + 1), g_strdup (value));
        return TRUE;
      }
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* --- the public API ---------------------------------------------------------- */

/**
 * koers_project_get_n_others:
 *
 * Returns: how many other organisations are placed beside this one
 */
guint
koers_project_get_n_others (KoersProject *self)
{
  g_return_val_if_fail (KOERS_IS_PROJECT (self), 0);
  return self->others->len;
}

/**
 * koers_project_get_other_id:
 *
 * Returns: the id of the @index-th other organisation, which the fields
 *   %KOERS_FIELD_OTHER… take as their key; it lasts as long as the project
 *   is open and is not saved
 */
const char *
koers_project_get_other_id (KoersProject *self,
                            guint         index)
{
  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (index < self->others->len, NULL);
  return ((Other *) g_ptr_array_index (self->others, index))->id;
}

/**
 * koers_project_get_other_name:
 *
 * Returns: (nullable): the other organisation's name
 */
const char *
koers_project_get_other_name (KoersProject *self,
                              const char   *other_id)
{
  Other *o;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  o = find_other (self, other_id, NULL);
  return o ? o->name : NULL;
}

/**
 * koers_project_get_other_note:
 *
 * Returns: (nullable): the note about the other organisation
 */
const char *
koers_project_get_other_note (KoersProject *self,
                              const char   *other_id)
{
  Other *o;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  o = find_other (self, other_id, NULL);
  return o ? o->note : NULL;
}

/**
 * koers_project_get_other_now:
 *
 * Returns: (nullable): the stage id where the other organisation is now
 *   on @model_id
 */
const char *
koers_project_get_other_now (KoersProject *self,
                             const char   *other_id,
                             const char   *model_id)
{
  Other *o;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  o = find_other (self, other_id, NULL);
  return o && model_id ? g_hash_table_lookup (o->now, model_id) : NULL;
}

/**
 * koers_project_dup_new_other:
 * @name: the new organisation's name
 * @other_id: (out) (transfer full): the id it will have
 *
 * What koers_history_set() with %KOERS_FIELD_OTHER takes to add an
 * organisation called @name, so that adding it is one undoable edit.
 *
 * Returns: (transfer full): the value for %KOERS_FIELD_OTHER
 */
char *
koers_project_dup_new_other (KoersProject  *self,
                             const char    *name,
                             char         **other_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL && other_id != NULL, NULL);

  *other_id = g_strdup_printf ("other-%u", self->next_other++);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return json_to_string (node, FALSE);
}

/**
 * koers_project_add_other:
 * @name: its name, unique among the others
 *
 * Adds another organisation, not placed yet. Not undoable: the app adds
 * through koers_project_dup_new_other() and the history.
 *
 * Returns: (nullable): its id, or %NULL with @error set
 */
const char *
koers_project_add_other (KoersProject  *self,
                         const char    *name,
                         GError       **error)
{
  g_autofree char *id = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);

  value = koers_project_dup_new_other (self, name ? name : "", &id);
  if (!koers_project_set_field (self, KOERS_FIELD_OTHER, id, value, error))
    return NULL;
  return find_other (self, id, NULL)->id;
}

/**
 * koers_project_other_key:
 *
 * Returns: (transfer full): the key of %KOERS_FIELD_OTHER_NOW, `ID/MODEL`
 */
char *
koers_project_other_key (const char *other_id,
                         const char *model_id)
{
  g_return_val_if_fail (other_id != NULL && model_id != NULL, NULL);
  return g_strconcat (other_id, "/", model_id, NULL);
}
