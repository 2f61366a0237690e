/* koers-project-file.c: reading and writing a project in the file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-project"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "koers-error.h"
#include "koers-io.h"
#include "koers-json-private.h"
#include "koers-project-private.h"

/* --- validation helpers ------------------------------------------------ */

static gboolean
all_digits (const char *s,
            guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/**
 * koers_is_valid_month:
 *
 * Returns: whether @text is `YYYY-MM`
 */
gboolean
koers_is_valid_month (const char *text)
{
  int month;

  if (text == NULL || strlen (text) != 7 || text[4] != '-' ||
      !all_digits (text, 4) || !all_digits (text + 5, 2))
    return FALSE;
  month = atoi (text + 5);
  return month >= 1 && month <= 12;
}

/**
 * koers_is_valid_due:
 *
 * Returns: whether @text is `YYYY-MM` or `YYYY-Qn`
 */
gboolean
koers_is_valid_due (const char *text)
{
  if (koers_is_valid_month (text))
    return TRUE;
  return text != NULL && strlen (text) == 7 && all_digits (text, 4) &&
         text[4] == '-' && text[5] == 'Q' && text[6] >= '1' && text[6] <= '4';
}

/**
 * koers_is_valid_date:
 *
 * Returns: whether @text is a real calendar date `YYYY-MM-DD`
 */
gboolean
koers_is_valid_date (const char *text)
{
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !all_digits (text, 4) || !all_digits (text + 5, 2) || !all_digits (text + 8, 2))
    return FALSE;
  return g_date_valid_dmy (atoi (text + 8), atoi (text + 5), atoi (text));
}

static gboolean
is_valid_timestamp (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL)
    return FALSE;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL;
}

/* --- reading ------------------------------------------------------------ */

/* Like _koers_json_get_string() for optional members, but forgiving null:
 * `"current": null` means the same as no "current". */
static gboolean
get_optional_string (JsonObject  *object,
                     const char  *parent,
                     const char  *member,
                     const char **value,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    {
      *value = NULL;
      return TRUE;
    }
  return _koers_json_get_string (object, parent, member, FALSE, value, error);
}

static JsonObject *
copy_unknown_members (JsonObject         *object,
                      const char * const *known)
{
  JsonObject *extra = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l; l = l->next)
    {
      const char *name = l->data;

      if (!g_strv_contains (known, name))
        json_object_set_member (extra, name, json_node_copy (json_object_get_member (object, name)));
    }
  return extra;
}

/* An annotation seldom holds members Koers does not know: with 100,000
 * of them, an empty table each would cost more than the rest of the
 * annotation. NULL when there is nothing to keep. */
static JsonObject *
copy_unknown_members_or_null (JsonObject         *object,
                              const char * const *known)
{
  guint n_known = 0;

  for (guint i = 0; known[i] != NULL; i++)
    n_known += json_object_has_member (object, known[i]) ? 1 : 0;
  if (n_known == json_object_get_size (object))
    return NULL;
  return copy_unknown_members (object, known);
}

/* The same helpers for the members read in their own files */
JsonObject *
_koers_project_copy_unknown (JsonObject         *object,
                             const char * const *known)
{
  return copy_unknown_members (object, known);
}

gboolean
_koers_project_get_optional_string (JsonObject  *object,
                                    const char  *parent,
                                    const char  *member,
                                    const char **value,
                                    GError     **error)
{
  return get_optional_string (object, parent, member, value, error);
}

static gboolean
check_stage (KoersModel  *model,
             const char  *path,
             const char  *stage_id,
             GError     **error)
{
  g_autofree char *list = NULL;

  if (stage_id == NULL || koers_model_find_stage (model, stage_id) != NULL)
    return TRUE;

  list = koers_model_dup_stage_list (model);
  g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_UNKNOWN_STAGE,
               _("%s: unknown stage \"%s\" (expected one of %s)"), path, stage_id, list);
  return FALSE;
}

static gboolean
read_placement (KoersProject  *self,
                KoersModel    *model,
                JsonNode      *node,
                GError       **error)
{
  static const char * const known[] = { "current", "target", "rationale", "assessed", NULL };
  const char *model_id = koers_model_get_id (model);
  g_autofree char *path = g_strconcat ("placements.", model_id, NULL);
  g_autofree char *current_path = g_strconcat (path, ".current", NULL);
  g_autofree char *target_path = g_strconcat (path, ".target", NULL);
  const char *current, *target, *rationale, *assessed;
  JsonObject *object;
  Placement *p;

  object = _koers_json_node_get_object (node, path, error);
  if (object == NULL)
    return FALSE;

  if (!get_optional_string (object, path, "current", &current, error) ||
      !get_optional_string (object, path, "target", &target, error) ||
      !get_optional_string (object, path, "rationale", &rationale, error) ||
      !get_optional_string (object, path, "assessed", &assessed, error))
    return FALSE;

  if (!check_stage (model, current_path, current, error) ||
      !check_stage (model, target_path, target, error))
    return FALSE;

  if (assessed != NULL && !koers_is_valid_date (assessed))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("%s.assessed: expected a date like 2026-11-20, found \"%s\""), path, assessed);
      return FALSE;
    }

  if (current != NULL && target != NULL &&
      koers_model_stage_index (model, target) < koers_model_stage_index (model, current))
    g_ptr_array_add (self->warnings,
                     g_strdup_printf (_("%s: the target “%s” is below the current stage “%s”"),
                                      target_path,
                                      koers_model_find_stage (model, target)->name,
                                      koers_model_find_stage (model, current)->name));

  p = g_new0 (Placement, 1);
  p->model_id = g_strdup (model_id);
  p->current = g_strdup (current);
  p->target = g_strdup (target);
  p->rationale = g_strdup (rationale);
  p->assessed = g_strdup (assessed);
  p->extra = copy_unknown_members (object, known);
  g_hash_table_replace (self->placements, p->model_id, p);

  return TRUE;
}

/**
 * _koers_project_read_by_model:
 * @self: the project being read
 * @object: a member of the file keyed by model id, such as `placements`
 * @member: that member's name, for messages
 * @unknown: where a model this version does not know is kept as it is
 * @read: reads one model's value
 * @error: return location for an error
 *
 * Reads each of @object's members with @read; a model the catalog does not
 * have is kept in @unknown, with a warning, so that a newer file loses
 * nothing when this version saves it.
 *
 * Returns: FALSE with @error set when @read fails
 */
gboolean
_koers_project_read_by_model (KoersProject      *self,
                              JsonObject        *object,
                              const char        *member,
                              JsonObject        *unknown,
                              KoersModelReadFunc read,
                              GError           **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l; l = l->next)
    {
      const char *model_id = l->data;
      JsonNode *node = json_object_get_member (object, model_id);
      KoersModel *model = koers_catalog_lookup (self->catalog, model_id);

      if (model == NULL)
        {
          json_object_set_member (unknown, model_id, json_node_copy (node));
          g_ptr_array_add (self->warnings,
                           g_strdup_printf (_("%s.%s: a model this version of Koers does not know; kept as it is"),
                                            member, model_id));
          continue;
        }
      if (!read (self, model, node, error))
        return FALSE;
    }
  return TRUE;
}

/* Checks the values and makes the annotation; takes @extra.
 * Returns: (transfer full) (nullable): the annotation, or %NULL */
static ItemState *
new_item_state (const char  *item_id,
                const char  *status,
                const char  *owner,
                const char  *due,
                const char  *note,
                JsonObject  *extra,
                GError     **error)
{
  ItemState *s = g_new0 (ItemState, 1);

  s->id = g_strdup (item_id);
  s->extra = extra;
  if (status != NULL)
    {
      if (!koers_status_from_string (status, &s->status))
        {
          g_autofree char *path = g_strconcat ("roadmap.items.", item_id, NULL);

          _koers_project_item_state_free (s);
          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                       _("%s.status: unknown status \"%s\" (expected one of todo, doing, done, skipped)"),
                       path, status);
          return NULL;
        }
      s->has_status = TRUE;
    }
  if (due != NULL && !koers_is_valid_due (due))
    {
      g_autofree char *path = g_strconcat ("roadmap.items.", item_id, NULL);

      _koers_project_item_state_free (s);
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("%s.due: expected a month like 2027-03 or a quarter like 2027-Q1, found \"%s\""),
                   path, due);
      return NULL;
    }
  s->owner = g_strdup (owner);
  s->due = g_strdup (due);
  s->note = g_strdup (note);
  return s;
}

/* Returns: (transfer full) (nullable): the annotation, or %NULL */
static ItemState *
read_item (const char  *item_id,
           JsonNode    *node,
           GError     **error)
{
  static const char * const known[] = { "status", "owner", "due", "note", NULL };
  g_autofree char *path = g_strconcat ("roadmap.items.", item_id, NULL);
  const char *status, *owner, *due, *note;
  JsonObject *object;

  object = _koers_json_node_get_object (node, path, error);
  if (object == NULL)
    return NULL;

  if (!get_optional_string (object, path, "status", &status, error) ||
      !get_optional_string (object, path, "owner", &owner, error) ||
      !get_optional_string (object, path, "due", &due, error) ||
      !get_optional_string (object, path, "note", &note, error))
    return NULL;

  return new_item_state (item_id, status, owner, due, note,
                         copy_unknown_members_or_null (object, known), error);
}

/* The annotations, read while the file is scanned (see
 * koers_project_load_from_bytes()). */
typedef struct {
  GPtrArray *items;   /* ItemState*, in file order */
  GError    *error;   /* the first that is wrong; none read after it */
} ItemSink;

static void
item_sink_clear (ItemSink *sink)
{
  g_clear_pointer (&sink->items, g_ptr_array_unref);
  g_clear_error (&sink->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ItemSink, item_sink_clear)

/* An annotation of text only, the usual kind: read without a JsonObject. */
static void
sink_text_item_cb (const char          *item_id,
                   const KoersJsonText *members,
                   guint                n_members,
                   gpointer             user_data)
{
  ItemSink *sink = user_data;
  const char *status = NULL, *owner = NULL, *due = NULL, *note = NULL;
  JsonObject *extra = NULL;
  ItemState *s;

  if (sink->error != NULL)
    return;
  for (guint i = 0; i < n_members; i++)
    {
      const char *name = members[i].name;

      if (strcmp (name, "status") == 0)
        status = members[i].text;
      else if (strcmp (name, "owner") == 0)
        owner = members[i].text;
      else if (strcmp (name, "due") == 0)
        due = members[i].text;
      else if (strcmp (name, "note") == 0)
        note = members[i].text;
      else
        {
          if (extra == NULL)
            extra = json_object_new ();
          json_object_set_string_member (extra, name, members[i].text);
        }
    }
  if ((s = new_item_state (item_id, status, owner, due, note, extra, &sink->error)) != NULL)
    g_ptr_array_add (sink->items, s);
}

static void
sink_item_cb (const char *item_id,
              JsonNode   *value,
              gpointer    user_data)
{
  ItemSink *sink = user_data;
  g_autoptr(JsonNode) node = value;
  ItemState *s;

  if (sink->error == NULL && (s = read_item (item_id, node, &sink->error)) != NULL)
    g_ptr_array_add (sink->items, s);
}

/* @sink: (nullable): the annotations read already, else they are in
 * @roadmap */
static gboolean
read_roadmap (KoersProject  *self,
              JsonObject    *roadmap,
              ItemSink      *sink,
              GError       **error)
{
  static const char * const known[] = { "start", "items", NULL };
  const char *start;
  JsonObject *items;

  if (!get_optional_string (roadmap, "roadmap", "start", &start, error) ||
      !_koers_json_get_object (roadmap, "roadmap", "items", FALSE, &items, error))
    return FALSE;

  if (start != NULL && !koers_is_valid_month (start))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("roadmap.start: expected a month like 2027-01, found \"%s\""), start);
      return FALSE;
    }
  self->roadmap_start = g_strdup (start);

  if (items != NULL && sink != NULL)
    {
      g_autoptr(GPtrArray) read = NULL;

      if (sink->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&sink->error));
          return FALSE;
        }
      /* The project takes them over. */
      read = g_steal_pointer (&sink->items);
      g_ptr_array_set_free_func (read, NULL);
      for (guint i = 0; i < read->len; i++)
        _koers_project_add_item_state (self, g_ptr_array_index (read, i));
    }
  else if (items != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (items);

      for (const GList *l = members; l; l = l->next)
        {
          ItemState *s = read_item (l->data, json_object_get_member (items, l->data), error);

          if (s == NULL)
            return FALSE;
          _koers_project_add_item_state (self, s);
        }
    }

  json_object_unref (self->extra_roadmap);
  self->extra_roadmap = copy_unknown_members (roadmap, known);
  self->had_roadmap = TRUE;
  return TRUE;
}

/* kind, staff and capacity: optional, and strict about what they hold,
 * since they change the roadmap. */
static gboolean
read_organisation_profile (KoersProject  *self,
                           JsonObject    *organisation,
                           GError       **error)
{
  const char *kind;
  JsonNode *node;
  KoersOrganisationKind k;

  if (!get_optional_string (organisation, "organisation", "kind", &kind, error))
    return FALSE;
  if (!koers_organisation_kind_from_string (kind, &k))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("organisation.kind: unknown kind \"%s\" (expected one of municipality, company, charity, small-business, other)"),
                   kind);
      return FALSE;
    }
  self->organisation_kind = g_strdup (kind);

  node = json_object_get_member (organisation, "staff");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 1 || json_node_get_int (node) > KOERS_STAFF_MAX)
        {
          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                       _("organisation.staff: expected the number of staff, a whole number from 1 to %d"),
                       KOERS_STAFF_MAX);
          return FALSE;
        }
      self->organisation_staff = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    }

  node = json_object_get_member (organisation, "capacity");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      double fte = -1;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        fte = (double) json_node_get_int (node);
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
        fte = json_node_get_double (node);
      if (!(fte > 0.0) || fte > KOERS_CAPACITY_MAX)
        {
          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                       _("organisation.capacity: expected the team’s time for social media in fte, a number above 0 and at most %d"),
                       (int) KOERS_CAPACITY_MAX);
          return FALSE;
        }
      self->organisation_capacity = _koers_json_format_number (fte);
    }
  return TRUE;
}

static gboolean
read_project (KoersProject  *self,
              JsonNode      *root_node,
              ItemSink      *sink,
              GError       **error)
{
  static const char * const known_root[] = { "format", "version", "organisation", "created",
                                             "modified", "placements", "answers", "others",
                                             "rounds", "roadmap", NULL };
  static const char * const known_org[] = { "name", "description", "kind", "staff", "capacity", NULL };
  const char *name, *description, *created, *modified;
  JsonObject *root, *organisation, *placements, *answers, *roadmap;
  JsonArray *others, *rounds;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_NOT_PROJECT,
                   _("expected a Koers project (a JSON object), found %s"),
                   _koers_json_type_name (root_node));
      return FALSE;
    }
  root = json_node_get_object (root_node);

  if (!_koers_json_check_header (root, "koers-project", KOERS_PROJECT_FORMAT_VERSION, error) ||
      !_koers_json_get_object (root, NULL, "organisation", TRUE, &organisation, error) ||
      !_koers_json_get_string (organisation, "organisation", "name", TRUE, &name, error) ||
      !get_optional_string (organisation, "organisation", "description", &description, error) ||
      !get_optional_string (root, NULL, "created", &created, error) ||
      !get_optional_string (root, NULL, "modified", &modified, error) ||
      !_koers_json_get_object (root, NULL, "placements", FALSE, &placements, error) ||
      !_koers_json_get_object (root, NULL, "answers", FALSE, &answers, error) ||
      !_koers_json_get_array (root, NULL, "others", FALSE, &others, error) ||
      !_koers_json_get_array (root, NULL, "rounds", FALSE, &rounds, error) ||
      !_koers_json_get_object (root, NULL, "roadmap", FALSE, &roadmap, error))
    return FALSE;

  if (created != NULL && !is_valid_timestamp (created))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("created: expected a time like 2026-11-20T09:12:00Z, found \"%s\""), created);
      return FALSE;
    }
  if (modified != NULL && !is_valid_timestamp (modified))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("modified: expected a time like 2026-11-20T09:12:00Z, found \"%s\""), modified);
      return FALSE;
    }

  g_free (self->organisation_name);
  self->organisation_name = g_strdup (name);
  self->organisation_description = g_strdup (description);
  if (!read_organisation_profile (self, organisation, error))
    return FALSE;
  self->created = g_strdup (created);
  self->modified = g_strdup (modified);

  if (placements != NULL &&
      !_koers_project_read_by_model (self, placements, "placements", self->unknown_models, read_placement, error))
    return FALSE;
  if (answers != NULL && !_koers_project_read_answers (self, answers, error))
    return FALSE;
  if (others != NULL && !_koers_project_read_others (self, others, error))
    return FALSE;
  if (rounds != NULL && !_koers_project_read_rounds (self, rounds, error))
    return FALSE;
  if (roadmap != NULL && !read_roadmap (self, roadmap, sink, error))
    return FALSE;

  json_object_unref (self->extra_root);
  self->extra_root = copy_unknown_members (root, known_root);
  json_object_unref (self->extra_organisation);
  self->extra_organisation = copy_unknown_members (organisation, known_org);

  return TRUE;
}

/**
 * koers_project_load_from_bytes:
 * @catalog: (nullable): the models; %NULL for the built-in ones
 * @bytes: the file's contents
 * @error: return location for a #KOERS_FILE_ERROR
 *
 * Reads a project as `spec/file-format.md` describes. The error message
 * starts with where the problem is (`line:column` or a member path).
 *
 * Returns: (transfer full): the project, or %NULL
 */
KoersProject *
koers_project_load_from_bytes (KoersCatalog  *catalog,
                               GBytes        *bytes,
                               GError       **error)
{
  static const char * const items_path[] = { "roadmap", "items", NULL };
  g_autoptr(KoersProject) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(ItemSink) sink = { NULL, NULL };
  gboolean sunk = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);

  /* A file may hold 100,000 annotations: each is read into its state as
   * soon as it is scanned, rather than kept in the tree until the end. */
  sink.items = g_ptr_array_new_with_free_func ((GDestroyNotify) _koers_project_item_state_free);
  if (!(root = _koers_json_parse_sinking (bytes, items_path, sink_item_cb, sink_text_item_cb, &sink, &sunk, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *what = NULL;
      guint line, column;

      /* The message says where, like every other: where the value starts. */
      _koers_json_value_position (bytes, &line, &column);
      what = g_strdup_printf (_("expected a Koers project (a JSON object), found %s"),
                              _koers_json_type_name (root));
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_NOT_PROJECT,
                   "%u:%u: %s", line, column, what);
      return NULL;
    }

  self = koers_project_new (catalog);
  if (!read_project (self, root, sunk ? &sink : NULL, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * koers_project_load_from_file:
 *
 * Like koers_project_load_from_bytes(), reading @file first; error
 * messages then start with the file's name.
 *
 * Returns: (transfer full): the project, or %NULL
 */
KoersProject *
koers_project_load_from_file (KoersCatalog  *catalog,
                              GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  KoersProject *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = koers_file_read_limited (file, KOERS_MAX_FILE_SIZE, cancellable, &local_error);
  if (bytes != NULL &&
      (self = koers_project_load_from_bytes (catalog, bytes, &local_error)) != NULL)
    return self;

  name = g_file_get_basename (file);
  g_set_error (error, local_error->domain, local_error->code,
               "%s: %s", name, local_error->message);
  return NULL;
}

/* --- writing ------------------------------------------------------------ */

static void
merge_extra (JsonObject *into,
             JsonObject *extra)
{
  g_autoptr(GList) members = NULL;

  if (extra == NULL)
    return;
  members = json_object_get_members (extra);
  for (const GList *l = members; l; l = l->next)
    if (!json_object_has_member (into, l->data))
      json_object_set_member (into, l->data, json_node_copy (json_object_get_member (extra, l->data)));
}

void
_koers_project_merge_extra (JsonObject *into,
                            JsonObject *extra)
{
  merge_extra (into, extra);
}

static void
set_string_if (JsonObject *object,
               const char *member,
               const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
}

static gboolean
placement_is_empty (Placement *p)
{
  return p->current == NULL && p->target == NULL && p->rationale == NULL &&
         p->assessed == NULL && json_object_get_size (p->extra) == 0;
}

/**
 * koers_project_to_bytes:
 *
 * Serialises the project: two-space indentation, members in the order of
 * the format's table, placements in the models' order, and every member
 * this build does not know written back as it was read.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
koers_project_to_bytes (KoersProject *self)
{
  g_autoptr(JsonNode) root_node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *root = json_object_new ();
  JsonObject *organisation = json_object_new ();
  JsonObject *placements = json_object_new ();
  JsonObject *answers;
  JsonArray *others, *rounds;
  gboolean write_roadmap;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);

  json_object_set_string_member (root, "format", "koers-project");
  json_object_set_int_member (root, "version", KOERS_PROJECT_FORMAT_VERSION);

  json_object_set_string_member (organisation, "name", self->organisation_name);
  set_string_if (organisation, "description", self->organisation_description);
  set_string_if (organisation, "kind", self->organisation_kind);
  if (self->organisation_staff != NULL)
    json_object_set_int_member (organisation, "staff", g_ascii_strtoll (self->organisation_staff, NULL, 10));
  if (self->organisation_capacity != NULL)
    {
      double fte = g_ascii_strtod (self->organisation_capacity, NULL);

      /* 3 stays 3 and 2.5 stays 2.5, as people write them */
      if (fte == (double) (gint64) fte)
        json_object_set_int_member (organisation, "capacity", (gint64) fte);
      else
        json_object_set_double_member (organisation, "capacity", fte);
    }
  merge_extra (organisation, self->extra_organisation);
  json_object_set_object_member (root, "organisation", organisation);

  set_string_if (root, "created", self->created);
  set_string_if (root, "modified", self->modified);

  for (guint i = 0; i < koers_catalog_get_n_models (self->catalog); i++)
    {
      const char *model_id = koers_model_get_id (koers_catalog_get_model (self->catalog, i));
      Placement *p = g_hash_table_lookup (self->placements, model_id);
      JsonObject *object;

      if (p == NULL || placement_is_empty (p))
        continue;

      object = json_object_new ();
      set_string_if (object, "current", p->current);
      set_string_if (object, "target", p->target);
      set_string_if (object, "rationale", p->rationale);
      set_string_if (object, "assessed", p->assessed);
      merge_extra (object, p->extra);
      json_object_set_object_member (placements, model_id, object);
    }
  merge_extra (placements, self->unknown_models);
  json_object_set_object_member (root, "placements", placements);
  if ((answers = _koers_project_write_answers (self)) != NULL)
    json_object_set_object_member (root, "answers", answers);
  if ((others = _koers_project_write_others (self)) != NULL)
    json_object_set_array_member (root, "others", others);
  if ((rounds = _koers_project_write_rounds (self)) != NULL)
    json_object_set_array_member (root, "rounds", rounds);

  write_roadmap = self->had_roadmap || self->roadmap_start != NULL || self->items->len > 0 ||
                  json_object_get_size (self->extra_roadmap) > 0;
  if (write_roadmap)
    {
      JsonObject *roadmap = json_object_new ();
      JsonObject *items = json_object_new ();

      set_string_if (roadmap, "start", self->roadmap_start);
      for (guint i = 0; i < self->items->len; i++)
        {
          ItemState *s = g_ptr_array_index (self->items, i);
          JsonObject *object = json_object_new ();

          if (s->has_status)
            json_object_set_string_member (object, "status", koers_status_to_string (s->status));
          set_string_if (object, "owner", s->owner);
          set_string_if (object, "due", s->due);
          set_string_if (object, "note", s->note);
          merge_extra (object, s->extra);
          json_object_set_object_member (items, s->id, object);
        }
      json_object_set_object_member (roadmap, "items", items);
      merge_extra (roadmap, self->extra_roadmap);
      json_object_set_object_member (root, "roadmap", roadmap);
    }

  merge_extra (root, self->extra_root);

  json_node_take_object (root_node, root);
  return _koers_json_to_bytes (root_node);
}

/**
 * koers_project_stamp:
 * @now: (nullable): the time of saving; %NULL for now
 *
 * Sets `modified` (and `created`, the first time) as a save does.
 */
void
koers_project_stamp (KoersProject *self,
                     GDateTime    *now)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_if_fail (KOERS_IS_PROJECT (self));

  utc = now ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
  g_free (self->modified);
  self->modified = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  if (self->created == NULL)
    self->created = g_strdup (self->modified);
}

/**
 * koers_project_to_bytes_stamped:
 * @now: (nullable): the time of saving; %NULL for now
 *
 * The bytes a save at @now writes, serialised once. The project itself
 * keeps its stamps: should the write fail, it must not claim a save that
 * never happened. Stamp it with koers_project_stamp() once the write is
 * done.
 *
 * Returns: (transfer full): the project as JSON
 */
GBytes *
koers_project_to_bytes_stamped (KoersProject *self,
                                GDateTime    *now)
{
  g_autofree char *old_modified = NULL;
  g_autofree char *old_created = NULL;
  GBytes *bytes;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);

  old_modified = g_strdup (self->modified);
  old_created = g_strdup (self->created);
  koers_project_stamp (self, now);
  bytes = koers_project_to_bytes (self);
  g_free (self->modified);
  self->modified = g_steal_pointer (&old_modified);
  g_free (self->created);
  self->created = g_steal_pointer (&old_created);
  return bytes;
}

/**
 * koers_project_save_to_file:
 *
 * Stamps the project and writes it atomically: the previous file stays
 * intact when anything fails.
 */
gboolean
koers_project_save_to_file (KoersProject  *self,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *old_modified = NULL;
  g_autofree char *old_created = NULL;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  old_modified = g_strdup (self->modified);
  old_created = g_strdup (self->created);
  koers_project_stamp (self, NULL);
  bytes = koers_project_to_bytes (self);

  if (!koers_file_write_atomic (file, bytes, cancellable, error))
    {
      g_free (self->modified);
      self->modified = g_steal_pointer (&old_modified);
      g_free (self->created);
      self->created = g_steal_pointer (&old_created);
      return FALSE;
    }
  return TRUE;
}
