/* koers-roadmap-schedule.c: the graph of work and its quarters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * List scheduling with a capacity per quarter: work that is ready (all
 * it depends on placed, in an earlier quarter where the rules ask for
 * one) goes into the current quarter in priority order, as long as the
 * quarter has person-days and places left. Priority is the longest
 * remaining path, then rule order. Work too big for a quarter is split
 * into milestones first. See docs/roadmap-rules.md for a worked example.
 */
#define G_LOG_DOMAIN "koers-roadmap"

#include "config.h"

#include "koers-roadmap-private.h"

static KoersWork *
new_part (KoersBuilder *b,
          KoersWork    *whole,
          guint         part,
          guint         n_parts,
          const char   *suffix,
          const char   *title,
          guint         effort)
{
  KoersWork *work = g_new0 (KoersWork, 1);

  work->rule = whole->rule;
  work->id = g_strdup_printf ("%s/%s", whole->rule->id, suffix);
  work->part_title = title;
  work->part = part;
  work->n_parts = n_parts;
  work->first_part = whole;
  work->steps = g_array_copy (whole->steps);
  work->preds = g_array_new (FALSE, FALSE, sizeof (KoersEdge));
  work->brought = whole->brought;
  work->remedy = whole->remedy;
  work->in_phase_0 = whole->in_phase_0;
  work->min_phase = whole->min_phase;
  work->effort = effort;
  work->quarter = -1;
  g_ptr_array_add (b->works, work);
  return work;
}

/* Turns @whole into the first milestone of its programme and adds the
 * others after it. Milestones from the rules when they have them, equal
 * parts otherwise; either way no part exceeds half a quarter. */
static void
split (KoersBuilder *b,
       KoersWork    *whole)
{
  GPtrArray *milestones = whole->rule->milestones;
  g_autoptr(GArray) efforts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  KoersWork *prev = whole;
  guint limit = MAX (1, b->capacity / 2);
  guint n;

  for (guint i = 0; milestones && i < milestones->len; i++)
    {
      KoersMilestoneRule *m = g_ptr_array_index (milestones, i);
      guint effort = m->effort.days[b->size];
      guint pieces = (effort + limit - 1) / limit;

      for (guint k = 0; k < pieces; k++)
        {
          guint e = effort / pieces + (k < effort % pieces ? 1 : 0);

          g_array_append_val (efforts, e);
          g_ptr_array_add (titles, m->title);
          g_ptr_array_add (names, pieces == 1 ? g_strdup (m->id) : g_strdup_printf ("%s-%u", m->id, k + 1));
        }
    }
  if (efforts->len == 0)
    {
      guint pieces = (whole->effort + limit - 1) / limit;

      for (guint k = 0; k < pieces; k++)
        {
          guint e = whole->effort / pieces + (k < whole->effort % pieces ? 1 : 0);

          g_array_append_val (efforts, e);
          g_ptr_array_add (titles, NULL);
          g_ptr_array_add (names, g_strdup_printf ("part-%u", k + 1));
        }
    }

  n = efforts->len;
  g_free (whole->id);
  whole->id = g_strdup_printf ("%s/%s", whole->rule->id, (char *) g_ptr_array_index (names, 0));
  whole->part_title = g_ptr_array_index (titles, 0);
  whole->part = 1;
  whole->n_parts = n;
  whole->effort = g_array_index (efforts, guint, 0);

  for (guint k = 1; k < n; k++)
    {
      KoersWork *part = new_part (b, whole, k + 1, n, g_ptr_array_index (names, k),
                                  g_ptr_array_index (titles, k), g_array_index (efforts, guint, k));
      /* Milestones go one a quarter, unless that would leave quarters
       * of one item: then two may share a quarter they fit in. */
      KoersEdge edge = { prev, KOERS_ORDER_SPREAD, TRUE };

      /* Only the first milestone is phase 0's; the rest is rolled out. */
      part->in_phase_0 = FALSE;
      g_array_append_val (part->preds, edge);
      prev->next_part = part;
      prev = part;
    }
}

static KoersWork *
last_part (KoersWork *work)
{
  while (work->next_part != NULL)
    work = work->next_part;
  return work;
}

/* The stage @work stands at on model @m in this plan, or -1. */
static int
stage_on (KoersBuilder *b,
          KoersWork    *work,
          guint         m)
{
  KoersModel *model = koers_catalog_get_model (b->catalog, m);
  int stage = -1;

  if (work->rule->kind == KOERS_RULE_CONDITIONAL)
    stage = _koers_rules_stage_on (b->rules, work->rule, model);
  for (guint k = 0; k < work->steps->len; k++)
    {
      KoersStep *step = &g_array_index (work->steps, KoersStep, k);

      if (step->model == m)
        stage = MAX (stage, (int) step->stage);
    }
  /* Phase 0's own stage stands before every model's order. */
  if (stage >= 0 && _koers_rules_stage_in_phase_0 (b->rules, koers_model_get_id (model),
                                                   koers_model_get_stage (model, stage)->id))
    return -1;
  return stage;
}

/* Each model's own order between the stages the plan takes: a later
 * stage after an earlier one, in a later quarter unless every stage in
 * between joins the one before it. */
static KoersOrder
model_order (guint          n_models,
             const int     *stages_a,
             const int     *stages_b,
             guint        **quarters_before,
             const gboolean *strict)
{
  KoersOrder order = KOERS_ORDER_NONE;

  for (guint m = 0; m < n_models; m++)
    {
      int sa = stages_a[m], sb = stages_b[m];

      if (sa >= 0 && sb > sa)
        order = MAX (order, quarters_before[m][sb] == quarters_before[m][sa] ? KOERS_ORDER_LATER :
                            strict[m] ? KOERS_ORDER_NEXT_QUARTER : KOERS_ORDER_SPREAD);
    }
  return order;
}

static void
build_graph (KoersBuilder *b)
{
  guint n_models = koers_catalog_get_n_models (b->catalog);
  g_autofree int *stages = NULL;
  g_autofree guint **quarters_before = g_new0 (guint *, n_models);
  g_autofree gboolean *strict = g_new0 (gboolean, n_models);
  guint n = b->works->len;   /* the whole items, before splitting */
  KoersRules *rules = b->rules;

  for (guint i = 0; i < n; i++)
    {
      KoersWork *work = g_ptr_array_index (b->works, i);

      for (guint k = 0; k < work->steps->len; k++)
        {
          KoersStep *step = &g_array_index (work->steps, KoersStep, k);
          KoersModel *model = koers_catalog_get_model (b->catalog, step->model);

          if (_koers_rules_stage_in_phase_0 (rules, koers_model_get_id (model),
                                             koers_model_get_stage (model, step->stage)->id))
            work->in_phase_0 = TRUE;
        }
      if (work->effort == 0)
        work->effort = 1;
    }

  for (guint i = 0; i < n; i++)
    {
      KoersWork *work = g_ptr_array_index (b->works, i);

      /* A programme runs as its milestones, whatever the capacity:
       * hiring or a roll-out takes calendar time, not only effort. Any
       * other work above half a quarter is split too, so that a quarter
       * always has room for two pieces and never has to hold just one. */
      if (_koers_rule_has_tag (work->rule, "gate"))
        work->effort = MIN (work->effort, b->capacity);   /* a decision is never split */
      else if (work->effort > MAX (1, b->capacity / 2) || work->rule->milestones != NULL)
        split (b, work);
    }

  /* For each stage, how many stages up to it need a quarter of their
   * own: two stages are a quarter apart when these counts differ. */
  for (guint m = 0; m < n_models; m++)
    {
      KoersModel *model = koers_catalog_get_model (b->catalog, m);
      guint n_stages = koers_model_get_n_stages (model);

      quarters_before[m] = g_new0 (guint, n_stages + 1);
      strict[m] = _koers_rules_model_is_strict (rules, koers_model_get_id (model));
      for (guint s = 1; s < n_stages; s++)
        quarters_before[m][s] = quarters_before[m][s - 1] +
          !_koers_rules_stage_joins (rules, koers_model_get_id (model), koers_model_get_stage (model, s)->id);
    }
  stages = g_new (int, n * n_models + 1);
  for (guint i = 0; i < n; i++)
    for (guint m = 0; m < n_models; m++)
      stages[i * n_models + m] = ((KoersWork *) g_ptr_array_index (b->works, i))->in_phase_0
                                 ? -1 : stage_on (b, g_ptr_array_index (b->works, i), m);

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        KoersWork *from = g_ptr_array_index (b->works, i);
        KoersWork *to = g_ptr_array_index (b->works, j);
        KoersOrder named = _koers_rules_get_order (rules, from->rule, to->rule);
        KoersOrder order = MAX (named, model_order (n_models, stages + i * n_models, stages + j * n_models,
                                                    quarters_before, strict));

        if (order != KOERS_ORDER_NONE)
          {
            KoersEdge edge = { last_part (from), order,
                               named != KOERS_ORDER_NONE && _koers_rules_names_order (rules, from->rule, to->rule) };

            g_array_append_val (to->preds, edge);
          }
      }

  for (guint m = 0; m < n_models; m++)
    g_free (quarters_before[m]);
}

/* Depth first over what each piece of work depends on: a topological
 * order, what comes first first. */
static void
visit (KoersWork *work,
       GPtrArray *order,
       GHashTable *seen)
{
  if (g_hash_table_contains (seen, work))
    return;
  g_hash_table_add (seen, work);
  for (guint i = 0; i < work->preds->len; i++)
    visit (g_array_index (work->preds, KoersEdge, i).from, order, seen);
  g_ptr_array_add (order, work);
}

static void
compute_paths (KoersBuilder *b)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < b->works->len; i++)
    visit (g_ptr_array_index (b->works, i), order, seen);

  for (guint i = 0; i < order->len; i++)
    ((KoersWork *) g_ptr_array_index (order, i))->path = ((KoersWork *) g_ptr_array_index (order, i))->effort;
  for (guint i = order->len; i-- > 0;)
    {
      KoersWork *work = g_ptr_array_index (order, i);

      for (guint k = 0; k < work->preds->len; k++)
        {
          KoersWork *pred = g_array_index (work->preds, KoersEdge, k).from;

          pred->path = MAX (pred->path, pred->effort + work->path);
          pred->n_succs++;
        }
    }
}

static int
compare_priority (gconstpointer pa,
                  gconstpointer pb)
{
  const KoersWork *a = *(const KoersWork * const *) pa;
  const KoersWork *b = *(const KoersWork * const *) pb;

  if (a->in_phase_0 != b->in_phase_0)
    return a->in_phase_0 ? -1 : 1;
  if (a->path != b->path)
    return a->path > b->path ? -1 : 1;
  if (a->rule->order != b->rule->order)
    return a->rule->order < b->rule->order ? -1 : 1;
  return a->part < b->part ? -1 : a->part > b->part;
}

/* @spread: whether KOERS_ORDER_SPREAD asks for a later quarter */
static gboolean
preds_allow (KoersWork *work,
             int        quarter,
             gboolean   spread)
{
  for (guint k = 0; k < work->preds->len; k++)
    {
      KoersEdge *edge = &g_array_index (work->preds, KoersEdge, k);

      if (edge->from->quarter < 0 || edge->from->quarter > quarter)
        return FALSE;
      if (edge->from->quarter == quarter &&
          (edge->order == KOERS_ORDER_NEXT_QUARTER || (spread && edge->order == KOERS_ORDER_SPREAD)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
succs_allow (KoersBuilder *b,
             KoersWork    *work,
             int           quarter)
{
  for (guint i = 0; i < b->works->len; i++)
    {
      KoersWork *other = g_ptr_array_index (b->works, i);

      for (guint k = 0; k < other->preds->len; k++)
        {
          KoersEdge *edge = &g_array_index (other->preds, KoersEdge, k);

          if (edge->from != work)
            continue;
          if (other->quarter < quarter ||
              (edge->order == KOERS_ORDER_NEXT_QUARTER && other->quarter == quarter))
            return FALSE;
        }
    }
  return TRUE;
}

typedef struct {
  guint effort;
  guint count;
} Load;

static GArray *
quarter_loads (KoersBuilder *b)
{
  GArray *loads = g_array_new (FALSE, TRUE, sizeof (Load));

  g_array_set_size (loads, b->n_quarters);
  for (guint i = 0; i < b->works->len; i++)
    {
      KoersWork *work = g_ptr_array_index (b->works, i);
      Load *load = &g_array_index (loads, Load, work->quarter);

      load->effort += work->effort;
      load->count++;
    }
  return loads;
}

static gboolean
fits (KoersBuilder *b,
      Load         *load,
      KoersWork    *work,
      guint         quarter)
{
  return load->effort + work->effort <= b->capacity &&
         (quarter == 0 || load->count < b->max_items);
}

/* @single, alone in quarter @q, takes the place of work of the quarter
 * before, which goes on to the quarter after, when both fit there and
 * the graph allows it. */
static gboolean
pass_through (KoersBuilder *b,
              GPtrArray    *sorted,
              GArray       *loads,
              KoersWork    *single,
              guint         q)
{
  Load *before = &g_array_index (loads, Load, q - 1);
  Load *after = &g_array_index (loads, Load, q + 1);

  /* A conditional item's quarter is never brought before its own. */
  for (guint i = sorted->len; q > 1 && single->min_phase < q && i-- > 0;)
    {
      KoersWork *work = g_ptr_array_index (sorted, i);

      if (work->quarter != (int) q - 1 || work->in_phase_0)
        continue;
      if (before->effort - work->effort + single->effort <= b->capacity && fits (b, after, work, q + 1))
        {
          single->quarter = q - 1;
          work->quarter = q + 1;
          if (preds_allow (single, q - 1, FALSE) && preds_allow (work, q + 1, FALSE) && succs_allow (b, work, q + 1))
            return TRUE;
          single->quarter = q;
          work->quarter = q - 1;
        }
    }
  return FALSE;
}

/* A quarter of one item before a fuller one says the plan was not
 * balanced: move that item to the next quarter, or bring work forward
 * into it, wherever the graph and the capacity allow. */
static gboolean
balance_once (KoersBuilder *b,
              GPtrArray    *sorted)
{
  g_autoptr(GArray) loads = quarter_loads (b);

  for (guint q = 1; q + 1 < b->n_quarters; q++)
    {
      KoersWork *single = NULL;

      if (g_array_index (loads, Load, q).count != 1)
        continue;
      for (guint i = 0; i < sorted->len && !single; i++)
        if (((KoersWork *) g_ptr_array_index (sorted, i))->quarter == (int) q)
          single = g_ptr_array_index (sorted, i);

      if (fits (b, &g_array_index (loads, Load, q + 1), single, q + 1) && succs_allow (b, single, q + 1))
        {
          single->quarter = q + 1;
          return TRUE;
        }
      if (q > 1 && fits (b, &g_array_index (loads, Load, q - 1), single, q - 1) && preds_allow (single, q - 1, FALSE))
        {
          single->quarter = q - 1;
          return TRUE;
        }
      /* Swap with less urgent work of the quarter before: it waits a
       * quarter, this one goes a quarter earlier. */
      for (guint i = sorted->len; q > 1 && i-- > 0;)
        {
          KoersWork *work = g_ptr_array_index (sorted, i);
          Load *here = &g_array_index (loads, Load, q);
          Load *before = &g_array_index (loads, Load, q - 1);

          if (work->quarter != (int) q - 1 || work->in_phase_0 || work->rank < single->rank)
            continue;
          if (before->effort - work->effort + single->effort <= b->capacity &&
              here->effort - single->effort + work->effort <= b->capacity &&
              succs_allow (b, work, q))
            {
              single->quarter = q - 1;
              work->quarter = q;
              if (preds_allow (single, q - 1, FALSE))
                return TRUE;
              single->quarter = q;
              work->quarter = q - 1;
            }
        }

      /* Work from an earlier quarter that can wait, lowest priority
       * first, leaving at least two items behind. */
      for (guint i = sorted->len; i-- > 0;)
        {
          KoersWork *work = g_ptr_array_index (sorted, i);

          if (work->quarter < 1 || work->quarter >= (int) q || work->in_phase_0 ||
              g_array_index (loads, Load, work->quarter).count <= 2)
            continue;
          if (fits (b, &g_array_index (loads, Load, q), work, q) && succs_allow (b, work, q))
            {
              work->quarter = q;
              return TRUE;
            }
        }
      for (guint i = 0; i < sorted->len; i++)
        {
          KoersWork *work = g_ptr_array_index (sorted, i);

          /* This may leave a quarter of one further on; the next round
           * fixes that one, and the last quarter may keep one item. */
          if (work->quarter <= (int) q)
            continue;
          if (fits (b, &g_array_index (loads, Load, q), work, q) && preds_allow (work, q, FALSE))
            {
              work->quarter = q;
              return TRUE;
            }
        }

      /* Nothing else moves: the piece takes the place of work of the
       * quarter before (more urgent work, since the swap above found no
       * less urgent), and that work goes on to the quarter after, which
       * the piece itself could not join (work that must come a quarter
       * after it, say). This quarter empties: that work waits a quarter,
       * and the plan ends a quarter sooner. Both moves at once, so that
       * they never undo each other. */
      if (pass_through (b, sorted, loads, single, q))
        return TRUE;
    }
  return FALSE;
}

static void
drop_empty_quarters (KoersBuilder *b)
{
  g_autofree int *renumber = g_new0 (int, b->n_quarters + 1);
  g_autofree gboolean *used = g_new0 (gboolean, b->n_quarters + 1);
  guint next = 0;

  for (guint i = 0; i < b->works->len; i++)
    used[((KoersWork *) g_ptr_array_index (b->works, i))->quarter] = TRUE;
  used[0] = TRUE;   /* phase 0 always stands */
  for (guint q = 0; q < b->n_quarters; q++)
    renumber[q] = used[q] ? (int) next++ : -1;
  for (guint i = 0; i < b->works->len; i++)
    {
      KoersWork *work = g_ptr_array_index (b->works, i);
      work->quarter = renumber[work->quarter];
    }
  b->n_quarters = next;
}

void
_koers_builder_schedule (KoersBuilder *b)
{
  g_autoptr(GPtrArray) sorted = NULL;
  guint left = b->works->len;
  guint idle = 0;

  build_graph (b);
  compute_paths (b);

  sorted = g_ptr_array_copy (b->works, NULL, NULL);
  g_ptr_array_set_free_func (sorted, NULL);   /* b->works owns them */
  g_ptr_array_sort (sorted, compare_priority);
  for (guint i = 0; i < sorted->len; i++)
    ((KoersWork *) g_ptr_array_index (sorted, i))->rank = i;
  left = sorted->len;

  for (guint q = 0; left > 0; q++)
    {
      guint effort = 0, count = 0;
      gboolean added = TRUE;

      /* Work placed in this quarter can make more work ready in it. */
      while (added)
        {
          added = FALSE;
          for (guint i = 0; i < sorted->len; i++)
            {
              KoersWork *work = g_ptr_array_index (sorted, i);

              if (work->quarter >= 0 || (q == 0 && !work->in_phase_0) || work->min_phase > q)
                continue;
              if (q > 0 && count >= b->max_items)
                break;
              if (effort + work->effort > b->capacity)
                continue;
              /* Rules without cycles never get here idle; if they did,
               * the work goes in anyway rather than waiting forever. */
              if (!preds_allow (work, q, TRUE) && idle < 8)
                continue;
              work->quarter = q;
              effort += work->effort;
              count++;
              left--;
              added = TRUE;
              idle = 0;
            }
        }
      if (count == 0 && q > 0)
        idle++;
      b->n_quarters = q + 1;
    }

  for (guint round = 0; round < 4 * sorted->len && balance_once (b, sorted); round++)
    drop_empty_quarters (b);
  drop_empty_quarters (b);
}

/* The work of one quarter in the order it is done: what a piece of work
 * depends on first, each model's own order, then rule order. */
GPtrArray *
_koers_builder_order_quarter (KoersBuilder *b,
                              guint         quarter)
{
  g_autoptr(GPtrArray) works = g_ptr_array_new ();
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);
  GPtrArray *ordered = g_ptr_array_new ();

  for (guint i = 0; i < b->works->len; i++)
    if (((KoersWork *) g_ptr_array_index (b->works, i))->quarter == (int) quarter)
      g_ptr_array_add (works, g_ptr_array_index (b->works, i));

  while (ordered->len < works->len)
    {
      KoersWork *best = NULL;

      for (guint i = 0; i < works->len; i++)
        {
          KoersWork *work = g_ptr_array_index (works, i);
          gboolean ready = TRUE;

          if (g_hash_table_contains (placed, work))
            continue;
          for (guint k = 0; k < work->preds->len && ready; k++)
            {
              KoersWork *dep = g_array_index (work->preds, KoersEdge, k).from;

              if (dep->quarter == (int) quarter && !g_hash_table_contains (placed, dep))
                ready = FALSE;
            }
          if (ready && (best == NULL ||
                        (work->in_phase_0 && !best->in_phase_0) ||
                        (work->in_phase_0 == best->in_phase_0 &&
                         (work->rule->order < best->rule->order ||
                          (work->rule->order == best->rule->order && work->part < best->part)))))
            best = work;
        }
      if (best == NULL)
        {
          /* Only a cycle gets here, and the rules loader refuses cycles. */
          for (guint i = 0; i < works->len; i++)
            if (!g_hash_table_contains (placed, g_ptr_array_index (works, i)))
              g_ptr_array_add (ordered, g_ptr_array_index (works, i));
          break;
        }
      g_hash_table_add (placed, best);
      g_ptr_array_add (ordered, best);
    }

  return ordered;
}
