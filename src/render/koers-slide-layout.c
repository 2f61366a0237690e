/* koers-slide-layout.c: the slide's grid, and the search over layouts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lanes and phase columns, where a group of columns stands on a
 * page, how the rows of cards are split over pages, and the search over
 * title size, columns per page and cards side by side. The search only
 * measures; _koers_slide_build_page() in koers-slide-build.c places what
 * it chose.
 */
#define G_LOG_DOMAIN "koers-slide"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "koers-slide-private.h"

#define COLUMN_GAP       18.0  /* between phase columns: room for arrow heads */
#define ORG_GAP          28.0  /* between the organisation's column and the lanes */

/* The card title sizes the layout may use, largest first: a short
 * roadmap is read from further away than a long one needs to be. The
 * smallest stays above the owner line's 16 px, the largest below the
 * phase headings (see _koers_slide_phase_font()). */
static const double title_fonts[] = { 28, 26, 24, 22, 21, 20, 19, 18, 17 };

/* The organisation's lane: Dark 3 and Dark 1 of the GNOME palette, grey
 * like the models' colours are saturated, with white text on both. */
static const KoersColor org_light = { 0x5e / 255.0, 0x5c / 255.0, 0x64 / 255.0, 1 };
static const KoersColor org_dark = { 0x77 / 255.0, 0x76 / 255.0, 0x7b / 255.0, 1 };

/* The plan's lane: GNOME's Blue 4 and Blue 2, with white text on both
 * (4.9 : 1 and more). */
static const KoersColor plan_light = { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1 };
static const KoersColor plan_dark = { 0x1a / 255.0, 0x5f / 255.0, 0xb4 / 255.0, 1 };

/* Two lanes: the organisation's, for phase 0, and the plan's, for every
 * later phase. The plan is one schedule across the models, so its cards
 * stand in the order the work is done in each quarter; each card's chips
 * say which models it serves. */
void
_koers_slide_collect_lanes_and_columns (KoersSlide *self)
{
  guint n_phases = koers_roadmap_get_n_phases (self->roadmap);
  gboolean has_plan = FALSE;
  Lane org = { 0 };

  org.model = NULL;
  /* TRANSLATORS: the roadmap's lane for phase 0, where the organisation prepares */
  org.name = g_strdup (_("Organisation"));
  org.on_color = (KoersColor) { 1, 1, 1, 1 };
  org.color = _koers_slide_legible_fill (is_dark (self) ? &org_dark : &org_light, &org.on_color);
  g_array_append_val (self->lanes, org);

  for (guint p = 0; p < n_phases; p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (self->roadmap, p);

      if (phase->index > 0 && phase->items->len > 0)
        has_plan = TRUE;
    }
  if (has_plan)
    {
      Lane plan = { 0 };

      /* TRANSLATORS: the roadmap's lane for the phases after phase 0 */
      plan.name = g_strdup (C_("slide lane", "Plan"));
      plan.on_color = (KoersColor) { 1, 1, 1, 1 };
      plan.color = _koers_slide_legible_fill (is_dark (self) ? &plan_dark : &plan_light, &plan.on_color);
      g_array_append_val (self->lanes, plan);
    }

  for (guint p = 0; p < n_phases; p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (self->roadmap, p);
      Column *column;

      if (phase->index == 0 && phase->items->len == 0)
        continue;

      column = g_new0 (Column, 1);
      column->phase = phase;
      column->is_org = phase->index == 0;
      column->cells = g_new0 (GPtrArray *, self->lanes->len);
      for (guint l = 0; l < self->lanes->len; l++)
        column->cells[l] = g_ptr_array_new ();

      for (guint i = 0; i < phase->items->len; i++)
        g_ptr_array_add (column->cells[column->is_org ? 0 : 1], g_ptr_array_index (phase->items, i));
      g_ptr_array_add (self->columns, column);
    }
}

void
_koers_slide_geometry_clear (Geometry *geo)
{
  g_clear_pointer (&geo->col_x, g_free);
  g_clear_pointer (&geo->col_width, g_free);
  g_clear_pointer (&geo->sub, g_free);
}

/* How many rows of cards the model lanes need, in all, with the phase
 * columns' sub-columns as @sub says: each lane as tall as its fullest
 * cell. */
static guint
lane_rows (KoersSlide  *self,
           guint        first,
           guint        n,
           const guint *sub)
{
  guint total = 0;

  for (guint l = 0; l < n_lanes (self); l++)
    {
      guint most = 0;
      for (guint c = 0; c < n; c++)
        {
          Column *column = column_get (self, first + c);
          if (!column->is_org)
            most = MAX (most, (column->cells[l]->len + sub[c] - 1) / sub[c]);
        }
      total += most;
    }
  return total;
}

/* Fills @sub for the columns first … first + n - 1: the organisation's
 * from the config, the phases' by @config->widen greedy steps, each
 * giving one more sub-column to the phase where that saves the most rows.
 * A crowded phase widens while quiet ones stay narrow. Returns FALSE when
 * no step saved a row before @config->widen steps were taken: that layout
 * is the same as one with fewer steps. */
static gboolean
group_subs (KoersSlide   *self,
            guint         first,
            guint         n,
            const Config *config,
            guint        *sub)
{
  for (guint c = 0; c < n; c++)
    sub[c] = column_get (self, first + c)->is_org ? config->org_sub : 1;

  for (guint step = 0; step < config->widen; step++)
    {
      guint rows = lane_rows (self, first, n, sub), best_rows = rows;
      int best = -1;

      for (guint c = 0; c < n; c++)
        {
          guint r;

          if (column_get (self, first + c)->is_org || sub[c] >= 3)
            continue;
          sub[c]++;
          r = lane_rows (self, first, n, sub);
          sub[c]--;
          if (r < best_rows)
            {
              best_rows = r;
              best = c;
            }
        }
      if (best < 0)
        return FALSE;
      sub[best]++;
    }
  return TRUE;
}

static double
column_gap (KoersSlide *self,
            double      font)
{
  return u (self, COLUMN_GAP * _koers_slide_gap_scale (self));
}

static double
org_gap (KoersSlide *self,
         double      font)
{
  return u (self, ORG_GAP * _koers_slide_gap_scale (self));
}

/* About fifteen characters a line, narrower and titles turn into towers
 * of short lines; and room for the longest word any card holds. */
static double
min_card_width (KoersSlide *self,
                double      font)
{
  return MAX (u (self, font) * 9, self->word_inner) + 2 * u (self, CARD_PAD_X * _koers_slide_gap_scale (self));
}

/* What a phase heading's height depends on; compared as it is, not
 * printed, as the search asks for it thousands of times. */
typedef struct {
  guint  column;
  double width;
  double font;
} HeaderKey;

static guint
header_key_hash (gconstpointer data)
{
  const HeaderKey *key = data;

  return (key->column * 31 + g_double_hash (&key->width)) * 31 + g_double_hash (&key->font);
}

static gboolean
header_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const HeaderKey *x = a, *y = b;

  return x->column == y->column && x->width == y->width && x->font == y->font;
}

GHashTable *
_koers_slide_header_heights_new (void)
{
  return g_hash_table_new_full (header_key_hash, header_key_equal, g_free, g_free);
}

/* Computes where the columns first … first + n - 1 stand: every card
 * equally wide, each column as wide as its sub-columns of cards. Returns
 * FALSE when the cards would be too narrow for the title size. */
gboolean
_koers_slide_geometry_init (KoersSlide   *self,
                            Geometry     *geo,
                            guint         first,
                            guint         n,
                            const Config *config)
{
  double margin = u (self, MARGIN);
  double avail = self->width - 2 * margin;
  gboolean distinct;
  double gap = column_gap (self, config->font), pad = u (self, CELL_PAD), sub_gap = u (self, SUB_GAP);
  double min_card = min_card_width (self, config->font);
  guint total_sub = 0;
  double x;

  memset (geo, 0, sizeof *geo);
  geo->first = first;
  geo->n = n;
  geo->has_org = column_get (self, first)->is_org;
  geo->n_model = n - geo->has_org;
  geo->col_x = g_new0 (double, n);
  geo->col_width = g_new0 (double, n);
  geo->sub = g_new0 (guint, n);
  geo->col_gap = gap;

  if (geo->has_org && geo->n_model > 0)
    avail -= org_gap (self, config->font);
  if (geo->n_model > 0)
    avail -= self->lane_header_width + gap + (geo->n_model - 1) * gap;
  distinct = group_subs (self, first, n, config, geo->sub);
  for (guint c = 0; c < n; c++)
    {
      total_sub += geo->sub[c];
      avail -= 2 * pad + (geo->sub[c] - 1) * sub_gap;
    }
  geo->card_width = avail / total_sub;
  if (geo->card_width < min_card || !distinct)
    return FALSE;
  for (guint c = 0; c < n; c++)
    geo->col_width[c] = geo->sub[c] * geo->card_width + (geo->sub[c] - 1) * sub_gap + 2 * pad;

  x = margin;
  if (geo->has_org)
    {
      geo->col_x[0] = x;
      x += geo->col_width[0] + org_gap (self, config->font);
    }
  geo->lane_header_x = x;
  if (geo->n_model > 0)
    x += self->lane_header_width + gap;
  for (guint c = geo->has_org; c < n; c++)
    {
      geo->col_x[c] = x;
      x += geo->col_width[c] + gap;
    }

  geo->header_top = self->grid_top;
  geo->header_height = 0;
  for (guint c = 0; c < n; c++)
    {
      HeaderKey key = { first + c, geo->col_width[c], config->font };
      Measured *h = g_hash_table_lookup (self->header_heights, &key);

      if (h == NULL)
        {
          h = g_new0 (Measured, 1);
          h->height = _koers_slide_phase_header_height (self, column_get (self, first + c), geo->col_width[c],
                                                        config->font, h);
          g_hash_table_insert (self->header_heights, g_memdup2 (&key, sizeof key), h);
        }
      geo->header_height = MAX (geo->header_height, h->height);
      geo->headers_broken += h->broken;
      geo->headers_avoidable += h->avoidable;
    }
  geo->lanes_top = geo->header_top + geo->header_height + u (self, 12);
  geo->lanes_height = self->grid_bottom - geo->lanes_top;

  return geo->lanes_height > 0;
}

/* Heights of the rows of cards in one cell: @sub cards a row. */
GArray *
_koers_slide_cell_rows (KoersSlide *self,
                        GPtrArray  *items,
                        double      card_width,
                        double      font,
                        guint       sub,
                        Measured   *words)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (double));

  for (guint i = 0; i < items->len; i += sub)
    {
      double h = 0;
      for (guint k = i; k < MIN (i + sub, items->len); k++)
        {
          Measured size = _koers_slide_measure_card (self, g_ptr_array_index (items, k), card_width, font);
          h = MAX (h, size.height);
          if (words)
            {
              words->broken += size.broken;
              words->avoidable += size.avoidable;
            }
        }
      g_array_append_val (rows, h);
    }
  return rows;
}

double
_koers_slide_rows_height (KoersSlide *self,
                          GArray     *rows,
                          guint       from,
                          guint       to)
{
  double h = 0;

  if (to <= from)
    return 0;
  for (guint r = from; r < to; r++)
    h += g_array_index (rows, double, r);
  return h + (to - from - 1) * u (self, CARD_GAP) + 2 * u (self, CELL_PAD);
}

PagePlan *
_koers_slide_page_plan_new (KoersSlide *self,
                            guint       first,
                            guint       n,
                            guint       vpage)
{
  PagePlan *plan = g_new0 (PagePlan, 1);
  guint size = n_lanes (self) * self->columns->len;

  plan->first = first;
  plan->n = n;
  plan->vpage = vpage;
  plan->row_start = g_new0 (guint, size);
  plan->row_end = g_new0 (guint, size);
  return plan;
}

void
_koers_slide_page_plan_free (gpointer data)
{
  PagePlan *plan = data;
  g_free (plan->row_start);
  g_free (plan->row_end);
  g_free (plan);
}

/* Splits one group of columns into pages from top to bottom: lanes fill
 * a page in order, up to @fill of its height; a lane that fits on an
 * empty page is never split; one taller than a page continues on the
 * next. Returns the number of pages, 0 when a single row of cards is
 * taller than the page. */
static guint
paginate_group (KoersSlide   *self,
                guint         first,
                guint         n,
                const Config *config,
                double        fill,
                Measured     *words,
                guint        *extra,
                GPtrArray    *plans)
{
  Geometry geo;
  guint nl = n_lanes (self), nc = self->columns->len;
  g_autofree GArray **rows = g_new0 (GArray *, nl * nc);
  g_autofree guint *next = g_new0 (guint, nl * nc);
  double lane_gap = u (self, LANE_GAP * _koers_slide_gap_scale (self));
  guint vpages = 0;
  gboolean ok = TRUE;

  if (!_koers_slide_geometry_init (self, &geo, first, n, config))
    {
      _koers_slide_geometry_clear (&geo);
      return 0;
    }
  for (guint c = 0; c < n; c++)
    *extra += geo.sub[c] - 1;
  /* A word broken in a heading counts as one broken on a card. */
  words->broken += geo.headers_broken;
  words->avoidable += geo.headers_avoidable;

  for (guint c = first; c < first + n; c++)
    for (guint l = 0; l < nl; l++)
      if (column_get (self, c)->cells[l]->len > 0)
        rows[l * nc + c] = _koers_slide_cell_rows (self, column_get (self, c)->cells[l], geo.card_width,
                                                   config->font, geo.sub[c - first], words);

  while (ok)
    {
      gboolean remaining = FALSE, taken = FALSE, lanes_on_page = FALSE;
      double avail = geo.lanes_height * fill;
      PagePlan *plan = plans ? _koers_slide_page_plan_new (self, first, n, vpages) : NULL;

      for (guint c = first; c < first + n; c++)
        for (guint l = 0; l < nl; l++)
          if (rows[l * nc + c] && next[l * nc + c] < rows[l * nc + c]->len)
            remaining = TRUE;
      if (!remaining)
        {
          g_clear_pointer (&plan, _koers_slide_page_plan_free);
          break;
        }

      /* The organisation's column: as many rows as fit below its label. */
      if (geo.has_org && rows[first])
        {
          GArray *r = rows[first];
          guint *nx = &next[first];
          guint start = *nx;
          double space = geo.lanes_height * fill - self->org_label_height;

          while (*nx < r->len && _koers_slide_rows_height (self, r, start, *nx + 1) <= space + 0.01)
            (*nx)++;
          if (*nx > start)
            taken = TRUE;
          else if (*nx < r->len)
            ok = FALSE;  /* one row taller than the column */
          if (plan)
            {
              plan->row_start[first] = start;
              plan->row_end[first] = *nx;
            }
        }

      for (guint l = 0; l < nl && ok; l++)
        {
          double rem = 0, label = self->lane_min_height[l];
          gboolean has = FALSE;

          for (guint c = first + geo.has_org; c < first + n; c++)
            {
              guint i = l * nc + c;
              if (rows[i] && next[i] < rows[i]->len)
                {
                  has = TRUE;
                  rem = MAX (rem, _koers_slide_rows_height (self, rows[i], next[i], rows[i]->len));
                }
            }
          if (!has)
            continue;
          rem = MAX (rem, label);

          if (rem <= avail + 0.01)
            {
              for (guint c = first + geo.has_org; c < first + n; c++)
                {
                  guint i = l * nc + c;
                  if (rows[i] == NULL)
                    continue;
                  if (plan)
                    {
                      plan->row_start[i] = next[i];
                      plan->row_end[i] = rows[i]->len;
                    }
                  next[i] = rows[i]->len;
                }
              avail -= rem + lane_gap;
              taken = lanes_on_page = TRUE;
              continue;
            }

          if (rem <= geo.lanes_height + 0.01 && lanes_on_page)
            break;

          /* Taller than a page, or nothing else on this one: split. */
          {
            gboolean took = FALSE;

            if (avail >= label)
              for (guint c = first + geo.has_org; c < first + n; c++)
                {
                  guint i = l * nc + c, start;
                  if (rows[i] == NULL)
                    continue;
                  start = next[i];
                  while (next[i] < rows[i]->len &&
                         _koers_slide_rows_height (self, rows[i], start, next[i] + 1) <= avail + 0.01)
                    next[i]++;
                  if (plan)
                    {
                      plan->row_start[i] = start;
                      plan->row_end[i] = next[i];
                    }
                  took |= next[i] > start;
                }
            if (took)
              taken = lanes_on_page = TRUE;
            else if (!lanes_on_page)
              ok = FALSE;  /* a single row taller than the page */
            break;
          }
        }

      if (!taken)
        ok = FALSE;
      if (plan && ok)
        g_ptr_array_add (plans, plan);
      else
        g_clear_pointer (&plan, _koers_slide_page_plan_free);
      vpages++;
    }

  for (guint i = 0; i < nl * nc; i++)
    if (rows[i])
      g_array_unref (rows[i]);
  _koers_slide_geometry_clear (&geo);
  return ok ? MAX (vpages, 1) : 0;
}

/* Splits the columns into @n_groups groups as even as can be. */
static void
group_bounds (guint  n_columns,
              guint  n_groups,
              guint  group,
              guint *first,
              guint *n)
{
  guint base = n_columns / n_groups, extra = n_columns % n_groups;

  *first = group * base + MIN (group, extra);
  *n = base + (group < extra ? 1 : 0);
}

/* Adds the pages of one group of columns to @plans. The group gets the
 * largest title size at which it needs no more pages and breaks no more
 * words than at @config's: a group with room to spare shows larger text
 * than the fullest one. Then its pages share its cards evenly, so that
 * the last is not left half empty: each page is filled up to the least
 * part of its height at which the group still needs no more pages. */
static void
plan_group (KoersSlide     *self,
            guint           first,
            guint           n,
            const Config   *config,
            guint           pages,
            const Measured *words,
            GPtrArray      *plans)
{
  Config group = *config;
  Measured unused = { 0 };
  guint unused_extra = 0, from = plans->len;
  double lo, hi = 1.0;

  for (guint f = 0; f < G_N_ELEMENTS (title_fonts) && title_fonts[f] > config->font; f++)
    {
      Config larger = *config;
      Measured at = { 0 };
      guint p;

      larger.font = title_fonts[f];
      p = paginate_group (self, first, n, &larger, 1.0, &at, &unused_extra, NULL);
      if (p > 0 && p <= pages && at.broken <= words->broken && at.avoidable <= words->avoidable)
        {
          group = larger;
          pages = p;
          break;
        }
    }

  lo = 1.0 / pages;
  for (guint step = 0; pages > 1 && step < 10; step++)
    {
      double mid = (lo + hi) / 2;

      if (paginate_group (self, first, n, &group, mid, &unused, &unused_extra, NULL) == pages)
        hi = mid;
      else
        lo = mid;
    }
  paginate_group (self, first, n, &group, hi, &unused, &unused_extra, plans);
  for (guint i = from; i < plans->len; i++)
    ((PagePlan *) g_ptr_array_index (plans, i))->font = group.font;
}

/* Whether a layout that has, after some of its groups, @partial, and
 * has @remaining groups to go (a page each at the least), can no longer
 * be as good as @bound in the keys that weigh most: its words broken
 * that need not be and its pages only grow. */
static gboolean
cannot_reach (const Score *partial,
              guint        remaining,
              const Score *bound)
{
  if (bound == NULL || !bound->valid)
    return FALSE;
  if (partial->avoidable > bound->avoidable)
    return TRUE;
  return partial->avoidable >= bound->avoidable && partial->pages + remaining > bound->pages;
}

/* Scores @config, adding its pages to @plans where given. Where @bounds
 * are given, the search only needs to know whether @config is as good
 * as each of them in the keys that weigh most: it stops at the first
 * group that shows it cannot be, and says the layout is not valid. */
Score
_koers_slide_evaluate (KoersSlide   *self,
                       const Config *config,
                       GPtrArray    *plans,
                       const Score  *bounds,
                       guint         n_bounds)
{
  Score score = { 0 };
  guint nc = self->columns->len;
  guint n_groups = (nc + config->per_page - 1) / config->per_page;

  score.font = config->font;
  for (guint g = 0; g < n_groups; g++)
    {
      guint first, n, pages;

      Measured words = { 0 };

      for (guint b = 0; b < n_bounds; b++)
        if (cannot_reach (&score, n_groups - g, &bounds[b]))
          {
            score.valid = FALSE;
            return score;
          }
      group_bounds (nc, n_groups, g, &first, &n);
      pages = paginate_group (self, first, n, config, 1.0, &words, &score.extra, NULL);
      if (plans != NULL && pages > 0)
        plan_group (self, first, n, config, pages, &words, plans);
      score.broken += words.broken;
      score.avoidable += words.avoidable;
      if (pages == 0)
        return score;
      score.pages += pages;
      score.splits += pages - 1;
    }
  score.valid = TRUE;
  return score;
}

/* How @a compares with @b, best first: negative when @a is better.
 * An invalid score is worse than any valid one. The keys weigh in this
 * order: words broken that need not be, pages, words broken, lanes split
 * over pages; then, where @keys says SCORE_KEYS_ALL, a larger title size, and
 * fewer sub-columns. */
typedef enum {
  SCORE_KEYS_LEGIBILITY,  /* all that weighs more than the title size */
  SCORE_KEYS_ALL,
} ScoreKeys;

static int
score_compare (const Score *a,
               const Score *b,
               ScoreKeys    keys)
{
  if (a->valid != b->valid)
    return a->valid ? -1 : 1;
  if (!a->valid)
    return 0;
  /* A word broken that need not be is a flaw on every page; one more
   * page is not. */
  if (a->avoidable != b->avoidable)
    return a->avoidable < b->avoidable ? -1 : 1;
  if (a->pages != b->pages)
    return a->pages < b->pages ? -1 : 1;
  if (a->broken != b->broken)
    return a->broken < b->broken ? -1 : 1;
  if (a->splits != b->splits)
    return a->splits < b->splits ? -1 : 1;
  if (keys == SCORE_KEYS_LEGIBILITY)
    return 0;
  if (a->font != b->font)
    return a->font > b->font ? -1 : 1;
  if (a->extra != b->extra)
    return a->extra < b->extra ? -1 : 1;
  return 0;
}

static gboolean
score_better (const Score *a,
              const Score *b)
{
  return score_compare (a, b, SCORE_KEYS_ALL) < 0;
}

/* Whether @config leaves cards wide enough for its title size in every
 * group, and widens as often as it says: the cheap half of _koers_slide_evaluate(),
 * without measuring a card. More widening only narrows the cards, so the
 * search stops widening at the first FALSE. */
static gboolean
config_fits_width (KoersSlide   *self,
                   const Config *config)
{
  guint nc = self->columns->len;
  guint n_groups = (nc + config->per_page - 1) / config->per_page;
  double min_card = min_card_width (self, config->font);

  for (guint g = 0; g < n_groups; g++)
    {
      guint first, n, total_sub = 0;
      g_autofree guint *sub = NULL;
      double avail = self->width - 2 * u (self, MARGIN);
      gboolean has_org, distinct;

      group_bounds (nc, n_groups, g, &first, &n);
      sub = g_new0 (guint, n);
      distinct = group_subs (self, first, n, config, sub);
      has_org = column_get (self, first)->is_org;
      if (has_org && n > 1)
        avail -= org_gap (self, config->font);
      if (n > (guint) has_org)
        avail -= self->lane_header_width + (n - has_org) * column_gap (self, config->font);
      for (guint c = 0; c < n; c++)
        {
          total_sub += sub[c];
          avail -= 2 * u (self, CELL_PAD) + (sub[c] - 1) * u (self, SUB_GAP);
        }
      if (!distinct || avail / total_sub < min_card)
        return FALSE;
    }
  return TRUE;
}

/* The best layout at one title size; only layouts of at most @max_pages
 * column groups are tried. */
static Score
best_at_font (KoersSlide  *self,
              double       font,
              const Score *goal,
              Config      *best)
{
  guint max_pages = goal != NULL && goal->valid ? goal->pages : G_MAXUINT;
  guint nc = self->columns->len;
  gboolean has_org = column_get (self, 0)->is_org;
  Score best_score = { 0 };

  for (guint per_page = nc; per_page >= 1; per_page--)
    {
      guint n_groups = (nc + per_page - 1) / per_page;

      /* No better than the best found, whatever the cards do. */
      if (n_groups > max_pages || (best_score.valid && n_groups > best_score.pages))
        continue;

      for (guint org_sub = 1; org_sub <= (has_org ? 3 : 1); org_sub++)
        for (guint widen = 0; ; widen++)
          {
            Config config = { font, per_page, org_sub, widen };
            Score score;

            if (!config_fits_width (self, &config))
              break;
            Score bounds[2];
            guint n_bounds = 0;

            /* Only a layout better than the best so far, and (where there
             * is a goal) as good as it, matters: see score_reaches(). A
             * layout that cannot be either is not measured to its end. */
            if (best_score.valid)
              bounds[n_bounds++] = best_score;
            if (goal != NULL && goal->valid)
              bounds[n_bounds++] = *goal;
            score = _koers_slide_evaluate (self, &config, NULL, bounds, n_bounds);
            if (score_better (&score, &best_score))
              {
                best_score = score;
                *best = config;
              }
          }
    }
  return best_score;
}

/* Whether @a is as good as @b in all that weighs more than the title
 * size: pages, shortened titles, split lanes. */
static gboolean
score_reaches (const Score *a,
               const Score *b)
{
  return a->valid && score_compare (a, b, SCORE_KEYS_LEGIBILITY) <= 0;
}

/* The search over title sizes, columns per page and sub-columns. The
 * smallest title size shows how few pages (and shortened titles and split
 * lanes) the roadmap can have; then the sizes from the largest down, and
 * the first that does as well wins. Where the smallest size needs
 * @must_beat pages or more, the caller has no use for the layout, and
 * the larger sizes are not tried. */
static Score
choose_spaced (KoersSlide *self,
               guint       must_beat,
               Config     *best)
{
  Config smallest_config = { title_fonts[G_N_ELEMENTS (title_fonts) - 1], 1, 1, 0 };
  Score goal = best_at_font (self, smallest_config.font, NULL, &smallest_config);

  *best = smallest_config;
  if (goal.valid && goal.pages >= must_beat)
    return goal;
  for (guint f = 0; f + 1 < G_N_ELEMENTS (title_fonts); f++)
    {
      Config config;
      Score score = best_at_font (self, title_fonts[f], &goal, &config);

      if (score_reaches (&score, &goal))
        {
          *best = config;
          break;
        }
    }
  return goal;
}

/* The search with the design spacing; where the roadmap takes more than
 * one page, once more with the spacing a little tighter (_koers_slide_gap_scale()),
 * which wins only if it saves a page: long words (Dutch compounds) can
 * leave a roadmap a few pixels short of one page, and a second page
 * costs more than slightly closer cards. */
void
_koers_slide_choose_config (KoersSlide *self,
                            Config     *best)
{
  Config tight_config;
  Score spaced, tight;

  self->tight = FALSE;
  spaced = choose_spaced (self, G_MAXUINT, best);
  if (spaced.valid && spaced.pages <= 1)
    return;
  self->tight = TRUE;
  tight = choose_spaced (self, spaced.valid ? spaced.pages : G_MAXUINT, &tight_config);
  if (tight.valid && (!spaced.valid || tight.pages < spaced.pages))
    *best = tight_config;
  else
    self->tight = FALSE;
}
