/* koers-roadmap.c: the roadmap engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure: the same project and rules give the same roadmap, in the same
 * order, every time. Nothing here depends on the clock, hash order or
 * anything but the two inputs (and the translation of the texts).
 */
#define G_LOG_DOMAIN "koers-roadmap"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-project-private.h"
#include "koers-roadmap-private.h"

struct _KoersRoadmap
{
  GObject     parent_instance;

  char       *organisation;
  GPtrArray  *phases;    /* KoersRoadmapPhase* */
  GPtrArray  *items;     /* KoersRoadmapItem*, owning, in roadmap order */
  GPtrArray  *findings;  /* KoersFinding* */
  GPtrArray  *orphans;   /* KoersOrphan* */
  KoersLevel  level;
  double      capacity;
  guint       quarter_capacity;
};

G_DEFINE_FINAL_TYPE (KoersRoadmap, koers_roadmap, G_TYPE_OBJECT)

static void
stage_ref_free (KoersStageRef *ref)
{
  g_free (ref->model);
  g_free (ref->stage);
  g_free (ref);
}

static void
item_free (KoersRoadmapItem *item)
{
  g_free (item->id);
  g_free (item->title);
  g_free (item->why);
  g_clear_pointer (&item->serves, g_ptr_array_unref);
  g_strfreev (item->after);
  g_free (item->role);
  g_free (item->result);
  g_free (item->programme);
  g_free (item->owner);
  g_free (item->due);
  g_free (item->note);
  g_free (item);
}

static void
phase_free (KoersRoadmapPhase *phase)
{
  g_free (phase->title);
  g_free (phase->name);
  g_free (phase->done);
  g_free (phase->period);
  g_clear_pointer (&phase->items, g_ptr_array_unref);
  g_free (phase);
}

static void
orphan_free (KoersOrphan *orphan)
{
  g_free (orphan->id);
  g_free (orphan->owner);
  g_free (orphan->due);
  g_free (orphan->note);
  g_free (orphan);
}

static void
koers_roadmap_finalize (GObject *object)
{
  KoersRoadmap *self = (KoersRoadmap *) object;

  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->phases, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->orphans, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_roadmap_parent_class)->finalize (object);
}

static void
koers_roadmap_class_init (KoersRoadmapClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koers_roadmap_finalize;
}

static void
koers_roadmap_init (KoersRoadmap *self)
{
  self->phases = g_ptr_array_new_with_free_func ((GDestroyNotify) phase_free);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) _koers_finding_free);
  self->orphans = g_ptr_array_new_with_free_func ((GDestroyNotify) orphan_free);
}

static const char *
tr (const char *text)
{
  return g_dgettext (GETTEXT_PACKAGE, text);
}

/* --- turning work into the result ---------------------------------------- */

static KoersStageRef *
stage_ref_new (const char *model,
               const char *stage)
{
  KoersStageRef *ref = g_new0 (KoersStageRef, 1);

  ref->model = g_strdup (model);
  ref->stage = g_strdup (stage);
  return ref;
}

static const char *
level_id (KoersLevel level)
{
  static const char * const names[] = { "low", "middle", "high" };

  return names[CLAMP ((int) level, 0, 2)];
}


/* The item's prerequisites as the user sees them: what the rules name
 * before it (after, sequencing) and the plan holds, by its id in the
 * plan; a later milestone names the one before it. */
static GStrv
item_after (KoersWork *work)
{
  g_autoptr(GStrvBuilder) after = g_strv_builder_new ();

  for (guint k = 0; k < work->preds->len; k++)
    {
      KoersEdge *edge = &g_array_index (work->preds, KoersEdge, k);

      if (edge->named)
        g_strv_builder_add (after, edge->from->id);
    }
  return g_strv_builder_end (after);
}

static KoersRoadmapItem *
make_item (KoersBuilder *b,
           KoersWork    *work)
{
  const KoersRule *rule = work->rule;
  KoersRoadmapItem *item = g_new0 (KoersRoadmapItem, 1);
  const char *title = tr (_koers_rule_pick (rule->titles, rule->title, b->kind, NULL));

  item->id = g_strdup (work->id);
  if (work->part_title != NULL)
    item->title = g_strdup (tr (work->part_title));
  else if (work->n_parts > 1)
    /* TRANSLATORS: one milestone of a programme, "Equip staff (2 of 3)" */
    item->title = g_strdup_printf (_("%s (%u of %u)"), title, work->part, work->n_parts);
  else
    item->title = g_strdup (title);
  item->why = g_strdup (tr (_koers_rule_pick (rule->whys, rule->why, b->kind, level_id (b->level))));
  item->phase = work->quarter;
  item->lesson = rule->lesson;
  item->role = g_strdup (_koers_rule_pick (rule->roles, "communication", b->kind, NULL));
  item->effort = work->effort;
  item->result = rule->result ? g_strdup (tr (rule->result)) : NULL;
  item->milestone = _koers_rule_has_tag (rule, "gate");
  if (work->n_parts > 1)
    {
      item->programme = g_strdup (rule->id);
      item->part = work->part;
      item->n_parts = work->n_parts;
    }
  item->serves = g_ptr_array_new_with_free_func ((GDestroyNotify) stage_ref_free);

  switch (rule->kind)
    {
    case KOERS_RULE_PHASE_0:
      g_ptr_array_add (item->serves, stage_ref_new ("strategy-model", "phase-0"));
      break;
    case KOERS_RULE_STEP:
      /* In the order the rule names them, keeping only the steps taken. */
      for (guint i = 0; i < rule->towards->len; i++)
        {
          KoersRuleRef *ref = g_ptr_array_index (rule->towards, i);

          for (guint k = 0; k < work->steps->len; k++)
            {
              KoersStep *step = &g_array_index (work->steps, KoersStep, k);
              KoersModel *model = koers_catalog_get_model (b->catalog, step->model);

              if (g_str_equal (koers_model_get_id (model), ref->model) &&
                  g_str_equal (koers_model_get_stage (model, step->stage)->id, ref->stage))
                {
                  g_ptr_array_add (item->serves, stage_ref_new (ref->model, ref->stage));
                  break;
                }
            }
        }
      break;
    case KOERS_RULE_CONDITIONAL:
    default:
      for (guint i = 0; i < rule->serves->len; i++)
        {
          KoersRuleRef *ref = g_ptr_array_index (rule->serves, i);
          g_ptr_array_add (item->serves, stage_ref_new (ref->model, ref->stage));
        }
      break;
    }

  item->after = item_after (work);
  item->status = koers_project_get_item_status (b->project, work->id);
  item->owner = g_strdup (koers_project_get_item_owner (b->project, work->id));
  item->due = g_strdup (koers_project_get_item_due (b->project, work->id));
  item->note = g_strdup (koers_project_get_item_note (b->project, work->id));

  return item;
}

static char *
phase_period (KoersProject *project,
              guint         index)
{
  const char *start = koers_project_get_roadmap_start (project);
  const char *modified = koers_project_get_modified (project);
  char month_text[8];
  guint months;

  if (start == NULL && modified != NULL && g_ascii_isdigit (modified[0]))
    {
      g_strlcpy (month_text, modified, sizeof month_text);
      if (koers_is_valid_month (month_text))
        start = month_text;
    }
  if (start == NULL)
    return NULL;

  /* A phase is a quarter's work, phase 0 the first quarter. */
  months = atoi (start) * 12 + (atoi (start + 5) - 1) + 3 * index;
  /* TRANSLATORS: a quarter of a year, e.g. "Q1 2027" */
  return g_strdup_printf (_("Q%u %u"), (months % 12) / 3 + 1, months / 12);
}

/**
 * koers_roadmap_build:
 * @project: the placements and what the user recorded
 * @rules: (nullable): the rules; %NULL for the built-in ones
 *
 * Builds the roadmap: phase 0 first, then the steps from each model's
 * current stage to its target in the order the rules allow, the user's
 * status, owner, due and note on each item, items the rules no longer
 * produce as orphans, and the cross-model findings.
 *
 * Returns: (transfer full): the roadmap
 */
static KoersSize
size_of (const KoersCapacityRule *c,
         KoersOrganisationKind    kind,
         guint                    staff)
{
  if (staff == 0)
    return kind == KOERS_ORGANISATION_SMALL_BUSINESS ? KOERS_SIZE_SMALL : KOERS_SIZE_MEDIUM;
  if (staff < c->small_staff)
    return KOERS_SIZE_SMALL;
  if (staff >= c->large_staff)
    return KOERS_SIZE_LARGE;
  return KOERS_SIZE_MEDIUM;
}

static void
add_orphans (KoersRoadmap *self,
             KoersProject *project,
             GHashTable   *planned)
{
  const GPtrArray *recorded = _koers_project_get_item_states (project);

  /* Read straight from the states: a project may hold a hundred thousand
   * annotations, and this runs on every edit. */
  for (guint i = 0; i < recorded->len; i++)
    {
      const ItemState *state = g_ptr_array_index (recorded, i);
      KoersOrphan *orphan;

      if (g_hash_table_contains (planned, state->id))
        continue;
      orphan = g_new0 (KoersOrphan, 1);
      orphan->id = g_strdup (state->id);
      orphan->has_status = state->has_status;
      orphan->status = state->has_status ? state->status : KOERS_STATUS_TODO;
      orphan->owner = g_strdup (state->owner);
      orphan->due = g_strdup (state->due);
      orphan->note = g_strdup (state->note);
      g_ptr_array_add (self->orphans, orphan);
    }
}

/**
 * koers_roadmap_build:
 * @project: the placements, the organisation and what the user recorded
 * @rules: (nullable): the rules; %NULL for the built-in ones
 *
 * Plans the roadmap: the items the placements call for and what they
 * need, scheduled into quarters the team's capacity can carry (phase 0
 * first), the user's status, owner, due and note on each item, items
 * the rules no longer produce as orphans, and the cross-model findings.
 *
 * Returns: (transfer full): the roadmap
 */
KoersRoadmap *
koers_roadmap_build (KoersProject *project,
                     KoersRules   *rules)
{
  KoersRoadmap *self;
  KoersBuilder b = { .last_goal = -1 };
  g_autoptr(GHashTable) planned = NULL;
  const KoersCapacityRule *capacity;
  KoersModel *level_model;
  int level_stage;

  g_return_val_if_fail (KOERS_IS_PROJECT (project), NULL);

  if (rules == NULL)
    rules = koers_rules_get_builtin ();

  self = g_object_new (KOERS_TYPE_ROADMAP, NULL);
  self->organisation = g_strdup (koers_project_get_organisation_name (project));

  b.project = project;
  b.rules = rules;
  b.catalog = _koers_rules_get_catalog (rules);
  b.works = g_ptr_array_new_with_free_func ((GDestroyNotify) _koers_work_free);
  b.by_id = g_hash_table_new (g_str_hash, g_str_equal);
  b.kind_value = koers_project_get_organisation_kind (project);
  b.kind = b.kind_value == KOERS_ORGANISATION_UNKNOWN ? NULL : koers_organisation_kind_to_string (b.kind_value);

  capacity = _koers_rules_get_capacity (rules);
  self->capacity = koers_project_get_organisation_capacity (project);
  if (self->capacity <= 0)
    self->capacity = b.kind_value == KOERS_ORGANISATION_SMALL_BUSINESS ? capacity->small_business_fte
                                                                       : capacity->default_fte;
  self->quarter_capacity = MAX (1, (guint) (self->capacity * capacity->days_per_fte + 0.5));
  b.capacity = self->quarter_capacity;
  b.fte = self->capacity;
  b.max_items = capacity->max_items;
  b.size = size_of (capacity, b.kind_value, koers_project_get_organisation_staff (project));

  self->level = b.level = _koers_builder_find_level (&b, &level_model, &level_stage);
  _koers_builder_collect (&b);
  _koers_builder_schedule (&b);

  planned = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint q = 0; q < MAX (b.n_quarters, 1); q++)
    {
      g_autoptr(GPtrArray) ordered = _koers_builder_order_quarter (&b, q);
      KoersRoadmapPhase *phase = g_new0 (KoersRoadmapPhase, 1);

      phase->index = q;
      if (q == 0)
        phase->title = g_strdup (_("Phase 0: prepare the internal organisation"));
      else
        /* TRANSLATORS: a column of the roadmap, e.g. "Phase 2" */
        phase->title = g_strdup_printf (_("Phase %u"), q);
      phase->period = phase_period (project, q);
      phase->items = g_ptr_array_new ();
      g_ptr_array_add (self->phases, phase);

      for (guint k = 0; k < ordered->len; k++)
        {
          KoersWork *work = g_ptr_array_index (ordered, k);

          work->item = make_item (&b, work);
          g_ptr_array_add (self->items, work->item);
          g_ptr_array_add (phase->items, work->item);
          g_hash_table_add (planned, work->item->id);
        }
      _koers_roadmap_name_phase (phase, &b);
    }

  add_orphans (self, project, planned);
  _koers_roadmap_add_findings (self->findings, &b, level_model, level_stage);

  g_hash_table_unref (b.by_id);
  g_ptr_array_unref (b.works);

  return self;
}

const char *
koers_roadmap_get_organisation (KoersRoadmap *self)
{
  g_return_val_if_fail (KOERS_IS_ROADMAP (self), NULL);
  return self->organisation;
}

guint
koers_roadmap_get_n_phases (KoersRoadmap *self)
{
  g_return_val_if_fail (KOERS_IS_ROADMAP (self), 0);
  return self->phases->len;
}

const KoersRoadmapPhase *
koers_roadmap_get_phase (KoersRoadmap *self,
                         guint         index)
{
  g_return_val_if_fail (KOERS_IS_ROADMAP (self), NULL);
  g_return_val_if_fail (index < self->phases->len, NULL);
  return g_ptr_array_index (self->phases, index);
}

guint
koers_roadmap_get_n_items (KoersRoadmap *self)
{
  g_return_val_if_fail (KOERS_IS_ROADMAP (self), 0);
  return self->items->len;
}

/**
 * koers_roadmap_lookup_item:
 *
 * Returns: (nullable): the item with @id
 */
const KoersRoadmapItem *
koers_roadmap_lookup_item (KoersRoadmap *self,
                           const char   *id)
{
  g_return_val_if_fail (KOERS_IS_ROADMAP (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      KoersRoadmapItem *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (item->id, id) == 0)
        return item;
    }
  return NULL;
}

/**
 * koers_roadmap_get_findings:
 *
 * Returns: (transfer none) (element-type KoersFinding): warnings first
 */
const GPtrArray *
koers_roadmap_get_findings (KoersRoadmap *self)
{
  g_return_val_if_fail (KOERS_IS_ROADMAP (self), NULL);
  return self->findings;
}

/**
 * koers_roadmap_get_orphans:
 *
 * Returns: (transfer none) (element-type KoersOrphan): what the user
 *   recorded on items the rules no longer produce; kept, never dropped
 */
const GPtrArray *
koers_roadmap_get_orphans (KoersRoadmap *self)
{
  g_return_val_if_fail (KOERS_IS_ROADMAP (self), NULL);
  return self->orphans;
}

const char *
koers_roadmap_get_level_name (KoersRoadmap *self)
{
  static const char * const names[] = { "low", "middle", "high" };

  g_return_val_if_fail (KOERS_IS_ROADMAP (self), NULL);
  return names[CLAMP ((int) self->level, 0, 2)];
}

/**
 * koers_roadmap_get_capacity:
 *
 * Returns: the team's capacity for social media the roadmap was planned
 *   with, in fte (the project's, or the default when it does not say)
 */
double
koers_roadmap_get_capacity (KoersRoadmap *self)
{
  g_return_val_if_fail (KOERS_IS_ROADMAP (self), 0);
  return self->capacity;
}

/**
 * koers_roadmap_get_quarter_capacity:
 *
 * Returns: the person-days of roadmap work one quarter holds at most
 */
guint
koers_roadmap_get_quarter_capacity (KoersRoadmap *self)
{
  g_return_val_if_fail (KOERS_IS_ROADMAP (self), 0);
  return self->quarter_capacity;
}

/**
 * koers_roadmap_role_get_label:
 * @role: a role id, as in #KoersRoadmapItem
 *
 * Returns: the translated name of the role, for people
 */
const char *
koers_roadmap_role_get_label (const char *role)
{
  static const struct { const char *id; const char *label; } roles[] = {
    { "communication", NC_("role", "Communication") },
    { "service", NC_("role", "Service and webcare") },
    { "hr", NC_("role", "HR") },
    { "management", NC_("role", "Management") },
    { "it", NC_("role", "IT") },
    { "all-staff", NC_("role", "All staff") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_strcmp0 (role, roles[i].id) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "role", roles[i].label);
  return role ? role : "";
}
