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

#include "koers-roadmap.h"
#include "koers-rules-private.h"

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

/* While building: an item and what places it. */
typedef struct {
  const KoersRule  *rule;
  KoersRoadmapItem *item;
  GArray           *steps;   /* Step, the model stages this item belongs to */
  guint             min_phase;
  guint             phase;
} Work;

typedef struct {
  guint model;
  guint stage;
} Step;

typedef struct {
  KoersProject *project;
  KoersRules   *rules;
  KoersCatalog *catalog;
  GPtrArray    *works;     /* Work*, in the order added */
  GHashTable   *by_id;     /* id → Work* */
  int         **stage_phase; /* [model][stage] */
} Builder;

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
finding_free (KoersFinding *finding)
{
  g_free (finding->id);
  g_strfreev (finding->models);
  g_free (finding->message);
  g_free (finding);
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
work_free (Work *work)
{
  g_clear_pointer (&work->steps, g_array_unref);
  g_free (work);
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
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
  self->orphans = g_ptr_array_new_with_free_func ((GDestroyNotify) orphan_free);
}

static const char *
tr (const char *text)
{
  return g_dgettext (GETTEXT_PACKAGE, text);
}

/* --- conditions ---------------------------------------------------------- */

static gboolean
condition_holds (Builder              *b,
                 const KoersCondition *c)
{
  KoersModel *model;
  const char *stage_id;
  int index;

  if (c->op == KOERS_CONDITION_ANY)
    {
      for (guint i = 0; i < c->any->len; i++)
        if (condition_holds (b, g_ptr_array_index (c->any, i)))
          return TRUE;
      return FALSE;
    }

  model = koers_catalog_lookup (b->catalog, c->model);
  stage_id = koers_project_get_marker (b->project, c->model, c->marker);
  index = model ? koers_model_stage_index (model, stage_id) : -1;

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
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
all_hold (Builder   *b,
          GPtrArray *conditions)
{
  for (guint i = 0; i < conditions->len; i++)
    if (!condition_holds (b, g_ptr_array_index (conditions, i)))
      return FALSE;
  return TRUE;
}

/* --- collecting items ---------------------------------------------------- */

static Work *
add_rule (Builder         *b,
          const KoersRule *rule)
{
  Work *work = g_hash_table_lookup (b->by_id, rule->id);

  if (work != NULL)
    return work;

  work = g_new0 (Work, 1);
  work->rule = rule;
  work->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  work->min_phase = rule->kind == KOERS_RULE_CONDITIONAL ? rule->phase : 0;
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

static KoersLevel
find_level (Builder     *b,
            KoersModel **level_model,
            int         *level_stage)
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

static void
collect (Builder    *b,
         KoersLevel  level)
{
  guint n_rules = koers_rules_get_n_items (b->rules);

  for (guint i = 0; i < n_rules; i++)
    {
      const KoersRule *rule = _koers_rules_get_item (b->rules, i);

      if (rule->kind == KOERS_RULE_PHASE_0 &&
          (rule->level == KOERS_LEVEL_ALWAYS || rule->level == level))
        add_rule (b, rule);
    }

  for (guint m = 0; m < koers_catalog_get_n_models (b->catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (b->catalog, m);
      const char *model_id = koers_model_get_id (model);
      int current = koers_model_stage_index (model, koers_project_get_current (b->project, model_id));
      int target = koers_model_stage_index (model, koers_project_get_target (b->project, model_id));

      for (int s = current + 1; target >= 0 && s <= target; s++)
        {
          const char *stage_id = koers_model_get_stage (model, s)->id;

          for (guint i = 0; i < n_rules; i++)
            {
              const KoersRule *rule = _koers_rules_get_item (b->rules, i);
              Step step = { m, s };

              if (rule->kind == KOERS_RULE_STEP && rule_moves_towards (rule, model_id, stage_id))
                g_array_append_val (add_rule (b, rule)->steps, step);
            }
        }
    }

  for (guint i = 0; i < n_rules; i++)
    {
      const KoersRule *rule = _koers_rules_get_item (b->rules, i);

      if (rule->kind == KOERS_RULE_CONDITIONAL && all_hold (b, rule->when))
        add_rule (b, rule);
    }

  /* What an item requires comes along; b->works grows while we walk it. */
  for (guint i = 0; i < b->works->len; i++)
    {
      const KoersRule *rule = ((Work *) g_ptr_array_index (b->works, i))->rule;

      for (guint j = 0; rule->requires[j]; j++)
        add_rule (b, _koers_rules_lookup_item (b->rules, rule->requires[j]));
    }
}

/* --- scheduling ---------------------------------------------------------- */

static guint
dependency_phase (Builder *b,
                  Work    *work)
{
  guint phase = 0;

  for (guint i = 0; work->rule->after[i]; i++)
    {
      Work *dep = g_hash_table_lookup (b->by_id, work->rule->after[i]);

      if (dep != NULL)
        phase = MAX (phase, dep->phase);
    }
  return phase;
}

/* Steps of one model go one per phase (unless a stage joins the one
 * before), items never precede what they depend on, and pushing an item
 * later pushes the rest of its model's steps. Iterates to a fixed point;
 * rules without cycles (checked when they are read) always get there. */
static void
schedule (Builder *b)
{
  guint n_models = koers_catalog_get_n_models (b->catalog);
  gboolean changed = TRUE;

  for (guint round = 0; changed && round < 256; round++)
    {
      changed = FALSE;

      for (guint m = 0; m < n_models; m++)
        {
          KoersModel *model = koers_catalog_get_model (b->catalog, m);
          const char *model_id = koers_model_get_id (model);
          int current = koers_model_stage_index (model, koers_project_get_current (b->project, model_id));
          int target = koers_model_stage_index (model, koers_project_get_target (b->project, model_id));
          int prev = 0;

          for (int s = current + 1; target >= 0 && s <= target; s++)
            {
              const char *stage_id = koers_model_get_stage (model, s)->id;
              int phase;
              int end = 0;   /* the latest phase of this step's items */

              if (_koers_rules_stage_in_phase_0 (b->rules, model_id, stage_id))
                phase = 0;
              else if (_koers_rules_stage_joins (b->rules, model_id, stage_id))
                phase = MAX (prev, 1);
              else
                phase = prev + 1;

              for (guint w = 0; w < b->works->len; w++)
                {
                  Work *work = g_ptr_array_index (b->works, w);

                  for (guint k = 0; k < work->steps->len; k++)
                    {
                      Step *step = &g_array_index (work->steps, Step, k);

                      /* An item pushed later (by what it is after, or
                       * by another model's step it also serves) pushes
                       * the later steps of this model, not the other
                       * items of its own step. */
                      if (step->model == m && (int) step->stage == s)
                        end = MAX (end, (int) work->phase);
                    }
                }

              if (b->stage_phase[m][s] != phase)
                {
                  b->stage_phase[m][s] = phase;
                  changed = TRUE;
                }
              prev = MAX (phase, end);
            }
        }

      for (guint w = 0; w < b->works->len; w++)
        {
          Work *work = g_ptr_array_index (b->works, w);
          guint phase = MAX (work->min_phase, dependency_phase (b, work));

          for (guint k = 0; k < work->steps->len; k++)
            {
              Step *step = &g_array_index (work->steps, Step, k);
              phase = MAX (phase, (guint) b->stage_phase[step->model][step->stage]);
            }
          if (phase != work->phase)
            {
              work->phase = phase;
              changed = TRUE;
            }
        }
    }

  if (changed)
    g_critical ("The roadmap rules did not settle; check their after lists");
}

static int
compare_work_order (gconstpointer a,
                    gconstpointer b)
{
  const Work *wa = *(const Work * const *) a;
  const Work *wb = *(const Work * const *) b;

  if (wa->phase != wb->phase)
    return wa->phase < wb->phase ? -1 : 1;
  if (wa->rule->order != wb->rule->order)
    return wa->rule->order < wb->rule->order ? -1 : 1;
  return 0;
}

/* Within a phase: rule order, except that an item follows what it depends
 * on (a stable topological sort). */
static GPtrArray *
order_phase (Builder   *b,
             GPtrArray *works)
{
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);
  GPtrArray *ordered = g_ptr_array_new ();

  while (ordered->len < works->len)
    {
      gboolean progress = FALSE;

      for (guint i = 0; i < works->len; i++)
        {
          Work *work = g_ptr_array_index (works, i);
          gboolean ready = TRUE;

          if (g_hash_table_contains (placed, work))
            continue;
          for (guint j = 0; work->rule->after[j] && ready; j++)
            {
              Work *dep = g_hash_table_lookup (b->by_id, work->rule->after[j]);

              if (dep != NULL && dep->phase == work->phase && !g_hash_table_contains (placed, dep))
                ready = FALSE;
            }
          if (ready)
            {
              g_hash_table_add (placed, work);
              g_ptr_array_add (ordered, work);
              progress = TRUE;
              break;
            }
        }

      if (!progress)
        {
          /* Only a cycle gets here, and the rules loader refuses cycles. */
          for (guint i = 0; i < works->len; i++)
            if (!g_hash_table_contains (placed, g_ptr_array_index (works, i)))
              g_ptr_array_add (ordered, g_ptr_array_index (works, i));
        }
    }

  return ordered;
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

static KoersRoadmapItem *
make_item (Builder *b,
           Work    *work)
{
  const KoersRule *rule = work->rule;
  KoersRoadmapItem *item = g_new0 (KoersRoadmapItem, 1);
  g_autoptr(GStrvBuilder) after = g_strv_builder_new ();

  item->id = g_strdup (rule->id);
  item->title = g_strdup (tr (rule->title));
  item->why = g_strdup (tr (rule->why));
  item->phase = work->phase;
  item->lesson = rule->lesson;
  item->role = g_strdup ("communication");
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
              Step *step = &g_array_index (work->steps, Step, k);
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

  for (guint i = 0; rule->after[i]; i++)
    if (g_hash_table_contains (b->by_id, rule->after[i]))
      g_strv_builder_add (after, rule->after[i]);
  item->after = g_strv_builder_end (after);

  item->status = koers_project_get_item_status (b->project, rule->id);
  item->owner = g_strdup (koers_project_get_item_owner (b->project, rule->id));
  item->due = g_strdup (koers_project_get_item_due (b->project, rule->id));
  item->note = g_strdup (koers_project_get_item_note (b->project, rule->id));

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

/* @models: every model the finding is about, the main one first */
static void
add_finding (KoersRoadmap       *self,
             const char         *id,
             KoersSeverity       severity,
             const char * const *models,
             int                 lesson,
             char               *message)
{
  KoersFinding *finding = g_new0 (KoersFinding, 1);

  finding->id = g_strdup (id);
  finding->severity = severity;
  finding->models = g_strdupv ((char **) models);
  finding->lesson = lesson;
  finding->message = message;
  g_ptr_array_add (self->findings, finding);
}

static const char *
level_label (KoersLevel level)
{
  switch (level)
    {
    case KOERS_LEVEL_LOW:
      return C_("maturity", "a low");
    case KOERS_LEVEL_MIDDLE:
      return C_("maturity", "a middle");
    case KOERS_LEVEL_HIGH:
      return C_("maturity", "a high");
    case KOERS_LEVEL_ALWAYS:
    default:
      return "";
    }
}

static void
evaluate_findings (KoersRoadmap *self,
                   Builder      *b,
                   KoersModel   *level_model,
                   int           level_stage)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new ();
  g_autoptr(GPtrArray) infos = g_ptr_array_new ();

  for (guint m = 0; m < koers_catalog_get_n_models (b->catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (b->catalog, m);
      const char *model_id = koers_model_get_id (model);
      int current = koers_model_stage_index (model, koers_project_get_current (b->project, model_id));
      int target = koers_model_stage_index (model, koers_project_get_target (b->project, model_id));
      g_autofree char *id = NULL;

      if (current >= 0 && target >= 0 && target < current)
        {
          id = g_strconcat ("target-below-current/", model_id, NULL);
          /* TRANSLATORS: %1$s is a model, %2$s and %3$s are its stages */
          add_finding (self, id, KOERS_SEVERITY_WARNING, (const char * const []) { model_id, NULL }, 0,
                       g_strdup_printf (_("%1$s: the Goal (%2$s) is below Now (%3$s). The roadmap plans no steps back; move the Goal, or explain the choice in the rationale."),
                                        koers_model_get_name (model),
                                        koers_model_get_stage (model, target)->name,
                                        koers_model_get_stage (model, current)->name));
        }
      else if (current < 0 && target >= 0)
        {
          id = g_strconcat ("no-current/", model_id, NULL);
          add_finding (self, id, KOERS_SEVERITY_INFO, (const char * const []) { model_id, NULL }, 0,
                       g_strdup_printf (_("%s: Now is not placed, so the roadmap starts at the model’s first stage. Place Now to plan from where you really are."),
                                        koers_model_get_name (model)));
        }
    }

  for (guint i = 0; i < koers_rules_get_n_findings (b->rules); i++)
    {
      const KoersFindingRule *rule = _koers_rules_get_finding (b->rules, i);

      if (all_hold (b, rule->when))
        add_finding (self, rule->id, rule->severity, (const char * const *) rule->models,
                     rule->lesson, g_strdup (tr (rule->message)));
    }

  if (level_model != NULL)
    /* TRANSLATORS: "Phase 0 is pitched at a low maturity: the Social Media Pyramid places you at Monitor, …" */
    add_finding (self, "phase-0-level", KOERS_SEVERITY_INFO,
                 (const char * const []) { "strategy-model", koers_model_get_id (level_model), NULL }, 1,
                 g_strdup_printf (_("Phase 0 is pitched at %s maturity: the %s places you at %s, the weakest link across the models. Preparing the organisation comes first at every level."),
                                  level_label (self->level),
                                  koers_model_get_name (level_model),
                                  koers_model_get_stage (level_model, level_stage)->name));

  /* Warnings first, each group in the order found. */
  for (guint i = 0; i < self->findings->len; i++)
    {
      KoersFinding *f = g_ptr_array_index (self->findings, i);
      g_ptr_array_add (f->severity == KOERS_SEVERITY_WARNING ? warnings : infos, f);
    }
  g_ptr_array_set_free_func (self->findings, NULL);
  g_ptr_array_set_size (self->findings, 0);
  g_ptr_array_set_free_func (self->findings, (GDestroyNotify) finding_free);
  g_ptr_array_extend (self->findings, warnings, NULL, NULL);
  g_ptr_array_extend (self->findings, infos, NULL, NULL);
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
KoersRoadmap *
koers_roadmap_build (KoersProject *project,
                     KoersRules   *rules)
{
  KoersRoadmap *self;
  Builder b = { 0 };
  g_autoptr(GPtrArray) sorted = NULL;
  g_auto(GStrv) recorded = NULL;
  KoersModel *level_model;
  int level_stage;
  guint n_models;
  guint last_phase = G_MAXUINT;
  guint phase_number = 0;

  g_return_val_if_fail (KOERS_IS_PROJECT (project), NULL);

  if (rules == NULL)
    rules = koers_rules_get_builtin ();

  self = g_object_new (KOERS_TYPE_ROADMAP, NULL);
  self->organisation = g_strdup (koers_project_get_organisation_name (project));

  b.project = project;
  b.rules = rules;
  b.catalog = _koers_rules_get_catalog (rules);
  b.works = g_ptr_array_new_with_free_func ((GDestroyNotify) work_free);
  b.by_id = g_hash_table_new (g_str_hash, g_str_equal);
  n_models = koers_catalog_get_n_models (b.catalog);
  b.stage_phase = g_new0 (int *, n_models);
  for (guint m = 0; m < n_models; m++)
    b.stage_phase[m] = g_new0 (int, koers_model_get_n_stages (koers_catalog_get_model (b.catalog, m)));

  self->level = find_level (&b, &level_model, &level_stage);
  collect (&b, self->level);
  schedule (&b);

  /* Phase 0 always stands, even empty; later phases are numbered without
   * gaps in the order their items fall. */
  {
    KoersRoadmapPhase *phase0 = g_new0 (KoersRoadmapPhase, 1);

    phase0->index = 0;
    phase0->title = g_strdup (_("Phase 0: prepare the internal organisation"));
    phase0->period = phase_period (project, 0);
    phase0->items = g_ptr_array_new ();
    g_ptr_array_add (self->phases, phase0);
  }

  sorted = g_ptr_array_copy (b.works, NULL, NULL);
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, compare_work_order);

  for (guint i = 0; i < sorted->len;)
    {
      g_autoptr(GPtrArray) group = g_ptr_array_new ();
      g_autoptr(GPtrArray) ordered = NULL;
      guint phase_of_group = ((Work *) g_ptr_array_index (sorted, i))->phase;
      KoersRoadmapPhase *phase;

      while (i < sorted->len && ((Work *) g_ptr_array_index (sorted, i))->phase == phase_of_group)
        g_ptr_array_add (group, g_ptr_array_index (sorted, i++));

      if (phase_of_group == 0)
        phase = g_ptr_array_index (self->phases, 0);
      else
        {
          if (phase_of_group != last_phase)
            phase_number++;
          phase = g_new0 (KoersRoadmapPhase, 1);
          phase->index = phase_number;
          /* TRANSLATORS: a column of the roadmap, e.g. "Phase 2" */
          phase->title = g_strdup_printf (_("Phase %u"), phase_number);
          phase->period = phase_period (project, phase_number);
          phase->items = g_ptr_array_new ();
          g_ptr_array_add (self->phases, phase);
        }
      last_phase = phase_of_group;

      ordered = order_phase (&b, group);
      for (guint k = 0; k < ordered->len; k++)
        {
          Work *work = g_ptr_array_index (ordered, k);

          work->phase = phase->index;
          work->item = make_item (&b, work);
          g_ptr_array_add (self->items, work->item);
          g_ptr_array_add (phase->items, work->item);
        }
    }

  recorded = koers_project_dup_item_ids (project);
  for (guint i = 0; recorded[i]; i++)
    if (!g_hash_table_contains (b.by_id, recorded[i]))
      {
        KoersOrphan *orphan = g_new0 (KoersOrphan, 1);

        orphan->id = g_strdup (recorded[i]);
        orphan->has_status = koers_project_get_field (project, KOERS_FIELD_ITEM_STATUS, recorded[i]) != NULL;
        orphan->status = koers_project_get_item_status (project, recorded[i]);
        orphan->owner = g_strdup (koers_project_get_item_owner (project, recorded[i]));
        orphan->due = g_strdup (koers_project_get_item_due (project, recorded[i]));
        orphan->note = g_strdup (koers_project_get_item_note (project, recorded[i]));
        g_ptr_array_add (self->orphans, orphan);
      }

  evaluate_findings (self, &b, level_model, level_stage);

  for (guint m = 0; m < n_models; m++)
    g_free (b.stage_phase[m]);
  g_free (b.stage_phase);
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
