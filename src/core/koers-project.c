/* koers-project.c: the project's state, what it holds, and every edit a
 * user can make (reading and writing the file is koers-project-file.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-enum-types.h"
#include "koers-error.h"
#include "koers-json-private.h"
#include "koers-project-private.h"


G_DEFINE_FINAL_TYPE (KoersProject, koers_project, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
placement_free (Placement *p)
{
  g_free (p->model_id);
  g_free (p->current);
  g_free (p->target);
  g_free (p->rationale);
  g_free (p->assessed);
  g_clear_pointer (&p->extra, json_object_unref);
  g_free (p);
}

void
_koers_project_item_state_free (ItemState *s)
{
  g_free (s->id);
  g_free (s->owner);
  g_free (s->due);
  g_free (s->note);
  g_clear_pointer (&s->extra, json_object_unref);
  g_free (s);
}

static void
koers_project_finalize (GObject *object)
{
  KoersProject *self = (KoersProject *) object;

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->organisation_name, g_free);
  g_clear_pointer (&self->organisation_description, g_free);
  g_clear_pointer (&self->organisation_kind, g_free);
  g_clear_pointer (&self->organisation_staff, g_free);
  g_clear_pointer (&self->organisation_capacity, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->roadmap_start, g_free);
  g_clear_pointer (&self->placements, g_hash_table_unref);
  g_clear_pointer (&self->unknown_models, json_object_unref);
  g_clear_pointer (&self->item_index, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->unknown_answers, json_object_unref);
  _koers_project_others_clear (self);
  _koers_project_rounds_clear (self);
  g_clear_pointer (&self->extra_root, json_object_unref);
  g_clear_pointer (&self->extra_organisation, json_object_unref);
  g_clear_pointer (&self->extra_roadmap, json_object_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_project_parent_class)->finalize (object);
}

static void
koers_project_class_init (KoersProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = koers_project_finalize;

  /**
   * KoersProject::changed:
   * @self: the project
   * @field: the #KoersField that changed
   * @key: (nullable): the model or item id the field belongs to
   *
   * Emitted after every change a user can make.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, KOERS_TYPE_FIELD, G_TYPE_STRING);
}

static void
koers_project_init (KoersProject *self)
{
  self->organisation_name = g_strdup ("");
  self->placements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) placement_free);
  self->unknown_models = json_object_new ();
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) _koers_project_item_state_free);
  self->item_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) _koers_model_answers_free);
  self->unknown_answers = json_object_new ();
  _koers_project_others_init (self);
  self->extra_root = json_object_new ();
  self->extra_organisation = json_object_new ();
  self->extra_roadmap = json_object_new ();
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

/**
 * koers_project_new:
 * @catalog: (nullable): the models to place on; %NULL for the built-in ones
 *
 * Returns: (transfer full): an empty project
 */
KoersProject *
koers_project_new (KoersCatalog *catalog)
{
  KoersProject *self = g_object_new (KOERS_TYPE_PROJECT, NULL);

  self->catalog = g_object_ref (catalog ? catalog : koers_catalog_get_builtin ());
  return self;
}
/* --- accessors ---------------------------------------------------------- */

KoersCatalog *
koers_project_get_catalog (KoersProject *self)
{
  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  return self->catalog;
}

const char *
koers_project_get_organisation_name (KoersProject *self)
{
  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  return self->organisation_name;
}

const char *
koers_project_get_organisation_description (KoersProject *self)
{
  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  return self->organisation_description;
}

/**
 * koers_project_get_organisation_kind:
 *
 * Returns: the kind of organisation, %KOERS_ORGANISATION_UNKNOWN when the
 *   project does not say
 */
KoersOrganisationKind
koers_project_get_organisation_kind (KoersProject *self)
{
  KoersOrganisationKind kind = KOERS_ORGANISATION_UNKNOWN;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), KOERS_ORGANISATION_UNKNOWN);
  koers_organisation_kind_from_string (self->organisation_kind, &kind);
  return kind;
}

/**
 * koers_project_get_organisation_staff:
 *
 * Returns: the number of staff, or 0 when the project does not say
 */
guint
koers_project_get_organisation_staff (KoersProject *self)
{
  guint staff = 0;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), 0);
  if (self->organisation_staff == NULL || !koers_parse_staff (self->organisation_staff, &staff))
    return 0;
  return staff;
}

/**
 * koers_project_get_organisation_capacity:
 *
 * Returns: the team's capacity for social media in fte, or 0 when the
 *   project does not say
 */
double
koers_project_get_organisation_capacity (KoersProject *self)
{
  double fte = 0;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), 0);
  if (self->organisation_capacity == NULL || !koers_parse_capacity (self->organisation_capacity, &fte))
    return 0;
  return fte;
}

const char *
koers_project_get_created (KoersProject *self)
{
  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  return self->created;
}

const char *
koers_project_get_modified (KoersProject *self)
{
  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  return self->modified;
}

const char *
koers_project_get_roadmap_start (KoersProject *self)
{
  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  return self->roadmap_start;
}

static Placement *
lookup_placement (KoersProject *self,
                  const char   *model_id)
{
  return model_id ? g_hash_table_lookup (self->placements, model_id) : NULL;
}

/* The roadmap asks for several fields of every item it builds, and a file
 * may hold a hundred thousand recorded items: a scan of the list here made
 * loading quadratic. */
static ItemState *
lookup_item (KoersProject *self,
             const char   *item_id)
{
  return item_id ? g_hash_table_lookup (self->item_index, item_id) : NULL;
}

/* Takes @s. A second state for the same id (a file cannot hold one, but
 * be safe) takes the first one's place in the file order. */
void
_koers_project_add_item_state (KoersProject *self,
                               ItemState    *s)
{
  ItemState *old = lookup_item (self, s->id);
  guint position;

  if (old != NULL && g_ptr_array_find (self->items, old, &position))
    {
      g_hash_table_replace (self->item_index, s->id, s);
      self->items->pdata[position] = s;
      _koers_project_item_state_free (old);
      return;
    }
  g_hash_table_replace (self->item_index, s->id, s);
  g_ptr_array_add (self->items, s);
}

static void
remove_item_state (KoersProject *self,
                   ItemState    *s)
{
  g_hash_table_remove (self->item_index, s->id);
  g_ptr_array_remove (self->items, s);
}

const char *
koers_project_get_current (KoersProject *self,
                           const char   *model_id)
{
  Placement *p;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  p = lookup_placement (self, model_id);
  return p ? p->current : NULL;
}

const char *
koers_project_get_target (KoersProject *self,
                          const char   *model_id)
{
  Placement *p;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  p = lookup_placement (self, model_id);
  return p ? p->target : NULL;
}

const char *
koers_project_get_marker (KoersProject *self,
                          const char   *model_id,
                          KoersMarker   marker)
{
  return marker == KOERS_MARKER_CURRENT ? koers_project_get_current (self, model_id)
                                        : koers_project_get_target (self, model_id);
}

const char *
koers_project_get_rationale (KoersProject *self,
                             const char   *model_id)
{
  Placement *p;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  p = lookup_placement (self, model_id);
  return p ? p->rationale : NULL;
}

const char *
koers_project_get_assessed (KoersProject *self,
                            const char   *model_id)
{
  Placement *p;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  p = lookup_placement (self, model_id);
  return p ? p->assessed : NULL;
}

gboolean
koers_project_has_item_state (KoersProject *self,
                              const char   *item_id)
{
  g_return_val_if_fail (KOERS_IS_PROJECT (self), FALSE);
  return lookup_item (self, item_id) != NULL;
}

KoersStatus
koers_project_get_item_status (KoersProject *self,
                               const char   *item_id)
{
  ItemState *s;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), KOERS_STATUS_TODO);
  s = lookup_item (self, item_id);
  return s && s->has_status ? s->status : KOERS_STATUS_TODO;
}

const char *
koers_project_get_item_owner (KoersProject *self,
                              const char   *item_id)
{
  ItemState *s;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  s = lookup_item (self, item_id);
  return s ? s->owner : NULL;
}

const char *
koers_project_get_item_due (KoersProject *self,
                            const char   *item_id)
{
  ItemState *s;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  s = lookup_item (self, item_id);
  return s ? s->due : NULL;
}

const char *
koers_project_get_item_note (KoersProject *self,
                             const char   *item_id)
{
  ItemState *s;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  s = lookup_item (self, item_id);
  return s ? s->note : NULL;
}

/*
 * _koers_project_get_item_states:
 *
 * For the roadmap's builder, which reads every annotation once: the
 * states themselves, in file order, rather than their ids copied and
 * each looked up again field by field.
 *
 * Returns: (transfer none) (element-type ItemState): read only, valid
 *   until the project changes
 */
const GPtrArray *
_koers_project_get_item_states (KoersProject *self)
{
  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  return self->items;
}

/**
 * koers_project_dup_item_ids:
 *
 * Returns: (transfer full): the ids of every item the user recorded
 *   something on, in file order
 */
GStrv
koers_project_dup_item_ids (KoersProject *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    g_strv_builder_add (builder, ((ItemState *) g_ptr_array_index (self->items, i))->id);
  return g_strv_builder_end (builder);
}

/**
 * koers_project_dup_unknown_models:
 *
 * Returns: (transfer full): ids of placements for models this build does
 *   not know; they are kept and written back unchanged
 */
GStrv
koers_project_dup_unknown_models (KoersProject *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);

  members = json_object_get_members (self->unknown_models);
  for (const GList *l = members; l; l = l->next)
    g_strv_builder_add (builder, l->data);
  return g_strv_builder_end (builder);
}

/**
 * koers_project_get_warnings:
 *
 * Returns: (transfer none) (element-type utf8): what reading the file found
 *   worth telling but not worth refusing, as "WHERE: WHAT"
 */
const GPtrArray *
koers_project_get_warnings (KoersProject *self)
{
  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  return self->warnings;
}

/* --- editing ------------------------------------------------------------ */

/**
 * koers_project_get_field:
 *
 * Returns: (nullable): the value of @field, as text (a status as its
 *   file form, e.g. "done")
 */
const char *
koers_project_get_field (KoersProject *self,
                         KoersField    field,
                         const char   *key)
{
  ItemState *s;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);

  switch (field)
    {
    case KOERS_FIELD_ORGANISATION_NAME:
      return self->organisation_name;
    case KOERS_FIELD_ORGANISATION_DESCRIPTION:
      return self->organisation_description;
    case KOERS_FIELD_ORGANISATION_KIND:
      return self->organisation_kind;
    case KOERS_FIELD_ORGANISATION_STAFF:
      return self->organisation_staff;
    case KOERS_FIELD_ORGANISATION_CAPACITY:
      return self->organisation_capacity;
    case KOERS_FIELD_CURRENT:
      return koers_project_get_current (self, key);
    case KOERS_FIELD_TARGET:
      return koers_project_get_target (self, key);
    case KOERS_FIELD_RATIONALE:
      return koers_project_get_rationale (self, key);
    case KOERS_FIELD_ASSESSED:
      return koers_project_get_assessed (self, key);
    case KOERS_FIELD_ROADMAP_START:
      return self->roadmap_start;
    case KOERS_FIELD_ITEM_STATUS:
      s = lookup_item (self, key);
      return s && s->has_status ? koers_status_to_string (s->status) : NULL;
    case KOERS_FIELD_ITEM_OWNER:
      return koers_project_get_item_owner (self, key);
    case KOERS_FIELD_ITEM_DUE:
      return koers_project_get_item_due (self, key);
    case KOERS_FIELD_ITEM_NOTE:
      return koers_project_get_item_note (self, key);
    case KOERS_FIELD_ANSWER:
    case KOERS_FIELD_ANSWER_NOTE:
      return _koers_project_get_answer_field (self, field, key);
    case KOERS_FIELD_OTHER:
    case KOERS_FIELD_OTHER_NAME:
    case KOERS_FIELD_OTHER_NOTE:
    case KOERS_FIELD_OTHER_NOW:
      return _koers_project_get_other_field (self, field, key);
    case KOERS_FIELD_ROUNDS:
      return _koers_project_get_rounds_field (self);
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
replace_string (char       **slot,
                const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static Placement *
ensure_placement (KoersProject *self,
                  const char   *model_id)
{
  Placement *p = lookup_placement (self, model_id);

  if (p == NULL)
    {
      p = g_new0 (Placement, 1);
      p->model_id = g_strdup (model_id);
      p->extra = json_object_new ();
      g_hash_table_replace (self->placements, p->model_id, p);
    }
  return p;
}

static ItemState *
ensure_item (KoersProject *self,
             const char   *item_id)
{
  ItemState *s = lookup_item (self, item_id);

  if (s == NULL)
    {
      s = g_new0 (ItemState, 1);
      s->id = g_strdup (item_id);
      _koers_project_add_item_state (self, s);
    }
  return s;
}

static gboolean
item_state_is_empty (ItemState *s)
{
  return !s->has_status && s->owner == NULL && s->due == NULL && s->note == NULL &&
         (s->extra == NULL || json_object_get_size (s->extra) == 0);
}

static gboolean
is_placement_field (KoersField field)
{
  return field == KOERS_FIELD_CURRENT || field == KOERS_FIELD_TARGET ||
         field == KOERS_FIELD_RATIONALE || field == KOERS_FIELD_ASSESSED;
}

static gboolean
is_item_field (KoersField field)
{
  return field >= KOERS_FIELD_ITEM_STATUS && field <= KOERS_FIELD_ITEM_NOTE;
}

static gboolean
validate_field (KoersProject  *self,
                KoersField     field,
                const char    *key,
                const char    *value,
                GError       **error)
{
  KoersModel *model = NULL;
  KoersStatus status;

  if (is_placement_field (field))
    {
      model = koers_catalog_lookup (self->catalog, key);
      if (model == NULL)
        {
          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                       _("There is no model “%s”"), key ? key : "");
          return FALSE;
        }
    }
  if (is_item_field (field) && (key == NULL || *key == '\0'))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("A roadmap item needs an id"));
      return FALSE;
    }

  if (value == NULL)
    {
      if (field == KOERS_FIELD_ORGANISATION_NAME)
        {
          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                       _("The organisation needs a name"));
          return FALSE;
        }
      return TRUE;
    }

  switch (field)
    {
    case KOERS_FIELD_CURRENT:
    case KOERS_FIELD_TARGET:
      if (koers_model_find_stage (model, value) == NULL)
        {
          g_autofree char *list = koers_model_dup_stage_list (model);

          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_UNKNOWN_STAGE,
                       _("unknown stage \"%s\" (expected one of %s)"), value, list);
          return FALSE;
        }
      break;
    case KOERS_FIELD_ASSESSED:
      if (!koers_is_valid_date (value))
        {
          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                       _("Expected a date like 2026-11-20, found “%s”"), value);
          return FALSE;
        }
      break;
    case KOERS_FIELD_ORGANISATION_KIND:
      {
        KoersOrganisationKind kind;

        if (!koers_organisation_kind_from_string (value, &kind))
          {
            g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                         _("Unknown kind of organisation “%s” (expected one of municipality, company, charity, small-business, other)"),
                         value);
            return FALSE;
          }
      }
      break;
    case KOERS_FIELD_ORGANISATION_STAFF:
      {
        guint staff;

        if (!koers_parse_staff (value, &staff))
          {
            g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                         _("Expected the number of staff, a whole number from 1 to %d, found “%s”"),
                         KOERS_STAFF_MAX, value);
            return FALSE;
          }
      }
      break;
    case KOERS_FIELD_ORGANISATION_CAPACITY:
      {
        double fte;

        if (!koers_parse_capacity (value, &fte))
          {
            g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                         _("Expected the team’s time in fte, a number above 0 and at most %d, such as 2.4, found “%s”"),
                         (int) KOERS_CAPACITY_MAX, value);
            return FALSE;
          }
      }
      break;
    case KOERS_FIELD_ROADMAP_START:
      if (!koers_is_valid_month (value))
        {
          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                       _("Expected a month like 2027-01, found “%s”"), value);
          return FALSE;
        }
      break;
    case KOERS_FIELD_ITEM_STATUS:
      if (!koers_status_from_string (value, &status))
        {
          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                       _("unknown status \"%s\" (expected one of todo, doing, done, skipped)"), value);
          return FALSE;
        }
      break;
    case KOERS_FIELD_ITEM_DUE:
      if (!koers_is_valid_due (value))
        {
          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                       _("Expected a month like 2027-03 or a quarter like 2027-Q1, found “%s”"), value);
          return FALSE;
        }
      break;
    case KOERS_FIELD_ORGANISATION_NAME:
    case KOERS_FIELD_ORGANISATION_DESCRIPTION:
    case KOERS_FIELD_RATIONALE:
    case KOERS_FIELD_ITEM_OWNER:
    case KOERS_FIELD_ITEM_NOTE:
    default:
      break;
    }

  return TRUE;
}

/**
 * koers_project_set_field:
 * @self: a #KoersProject
 * @field: what to change
 * @key: (nullable): the model id or item id @field belongs to
 * @value: (nullable): the new value; %NULL clears it
 * @error: return location for an error
 *
 * The one way a project changes. Validates @value (a stage of the model,
 * a real date…), stores it and emits #KoersProject::changed when the value
 * differs from the old one. Empty text is stored as absent.
 *
 * Returns: %TRUE when @value was valid
 */
gboolean
koers_project_set_field (KoersProject  *self,
                         KoersField     field,
                         const char    *key,
                         const char    *value,
                         GError       **error)
{
  gboolean changed = FALSE;
  ItemState *s;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), FALSE);

  if (value != NULL && *value == '\0' && field != KOERS_FIELD_ORGANISATION_NAME)
    value = NULL;

  if (field >= KOERS_FIELD_ANSWER && field <= KOERS_FIELD_ROUNDS)
    {
      if (field == KOERS_FIELD_ROUNDS
          ? !_koers_project_set_rounds_field (self, value, &changed, error)
          : field >= KOERS_FIELD_OTHER
          ? !_koers_project_set_other_field (self, field, key, value, &changed, error)
          : !_koers_project_set_answer_field (self, field, key, value, &changed, error))
        return FALSE;
      if (changed)
        g_signal_emit (self, signals[CHANGED], 0, (int) field, key);
      return TRUE;
    }

  if (!validate_field (self, field, key, value, error))
    return FALSE;

  switch (field)
    {
    case KOERS_FIELD_ORGANISATION_NAME:
      changed = replace_string (&self->organisation_name, value);
      break;
    case KOERS_FIELD_ORGANISATION_DESCRIPTION:
      changed = replace_string (&self->organisation_description, value);
      break;
    case KOERS_FIELD_ORGANISATION_KIND:
      changed = replace_string (&self->organisation_kind, value);
      break;
    case KOERS_FIELD_ORGANISATION_STAFF:
      {
        g_autofree char *canonical = NULL;
        guint staff;

        if (value != NULL && koers_parse_staff (value, &staff))
          canonical = g_strdup_printf ("%u", staff);
        changed = replace_string (&self->organisation_staff, canonical);
      }
      break;
    case KOERS_FIELD_ORGANISATION_CAPACITY:
      {
        g_autofree char *canonical = NULL;
        double fte;

        if (value != NULL && koers_parse_capacity (value, &fte))
          canonical = _koers_json_format_number (fte);
        changed = replace_string (&self->organisation_capacity, canonical);
      }
      break;
    case KOERS_FIELD_CURRENT:
      changed = replace_string (&ensure_placement (self, key)->current, value);
      break;
    case KOERS_FIELD_TARGET:
      changed = replace_string (&ensure_placement (self, key)->target, value);
      break;
    case KOERS_FIELD_RATIONALE:
      changed = replace_string (&ensure_placement (self, key)->rationale, value);
      break;
    case KOERS_FIELD_ASSESSED:
      changed = replace_string (&ensure_placement (self, key)->assessed, value);
      break;
    case KOERS_FIELD_ROADMAP_START:
      changed = replace_string (&self->roadmap_start, value);
      break;
    case KOERS_FIELD_ITEM_STATUS:
      s = ensure_item (self, key);
      if (value == NULL)
        {
          changed = s->has_status;
          s->has_status = FALSE;
          s->status = KOERS_STATUS_TODO;
        }
      else
        {
          KoersStatus status = KOERS_STATUS_TODO;

          koers_status_from_string (value, &status);
          changed = !s->has_status || s->status != status;
          s->has_status = TRUE;
          s->status = status;
        }
      break;
    case KOERS_FIELD_ITEM_OWNER:
      changed = replace_string (&ensure_item (self, key)->owner, value);
      break;
    case KOERS_FIELD_ITEM_DUE:
      changed = replace_string (&ensure_item (self, key)->due, value);
      break;
    case KOERS_FIELD_ITEM_NOTE:
      changed = replace_string (&ensure_item (self, key)->note, value);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  /* An item with nothing recorded on it is no item state: clearing the
   * last field (or undoing the first) leaves the file as it was. */
  if (is_item_field (field) && (s = lookup_item (self, key)) != NULL && item_state_is_empty (s))
    remove_item_state (self, s);

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0, (int) field, key);

  return TRUE;
}

/**
 * koers_project_place:
 * @self: a #KoersProject
 * @model_id: the model to place on
 * @marker: which marker
 * @stage_id: (nullable): the stage, or %NULL to take the marker off
 * @error: return location for an error
 *
 * Places the organisation's current or target marker on a stage. Dragging,
 * the keyboard, the stage menu and the tests all end up here (through
 * #KoersHistory when the change must be undoable).
 *
 * Returns: %TRUE when the model and stage exist
 */
gboolean
koers_project_place (KoersProject  *self,
                     const char    *model_id,
                     KoersMarker    marker,
                     const char    *stage_id,
                     GError       **error)
{
  return koers_project_set_field (self,
                                  marker == KOERS_MARKER_CURRENT ? KOERS_FIELD_CURRENT : KOERS_FIELD_TARGET,
                                  model_id, stage_id, error);
}
