/* koers-slide-route.c: arrows between cards, and dependencies in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An arrow is drawn only where it runs clear of every other card and
 * heading; otherwise the dependent card says "after: …". This unit
 * decides which dependencies start out in words, and finds the routes.
 */
#define G_LOG_DOMAIN "koers-slide"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "koers-slide-private.h"

#define CURVE_STEPS 48

static void
bezier_point (const double *p,
              double        t,
              double       *x,
              double       *y)
{
  double mt = 1 - t;
  double a = mt * mt * mt, b = 3 * mt * mt * t, c = 3 * mt * t * t, d = t * t * t;

  *x = a * p[0] + b * p[2] + c * p[4] + d * p[6];
  *y = a * p[1] + b * p[3] + c * p[5] + d * p[7];
}

/* Whether the segment crosses or touches @r (Liang–Barsky). */
static gboolean
segment_hits_rect (double      x0,
                   double      y0,
                   double      x1,
                   double      y1,
                   const Rect *r)
{
  double dx = x1 - x0, dy = y1 - y0, t0 = 0, t1 = 1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - r->x, rect_right (r) - x0, y0 - r->y, rect_bottom (r) - y0 };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        {
          double t = q[i] / p[i];
          if (t > t1)
            return FALSE;
          t0 = MAX (t0, t);
        }
      else
        {
          double t = q[i] / p[i];
          if (t < t0)
            return FALSE;
          t1 = MIN (t1, t);
        }
    }
  return TRUE;
}

/* Whether the curve through @p (from, two control points, to), as the
 * straight segments it is drawn with to a hair, crosses @r. */
gboolean
_koers_slide_curve_hits_rect (const double *p,
                              const Rect   *r)
{
  double x0 = p[0], y0 = p[1];

  for (int i = 1; i <= CURVE_STEPS; i++)
    {
      double x1, y1;

      bezier_point (p, i / (double) CURVE_STEPS, &x1, &y1);
      if (segment_hits_rect (x0, y0, x1, y1, r))
        return TRUE;
      x0 = x1;
      y0 = y1;
    }
  return FALSE;
}

static gboolean
curve_inside (const double *p,
              const Rect   *area)
{
  for (int i = 0; i <= CURVE_STEPS; i++)
    {
      double x, y;
      Rect point;

      bezier_point (p, i / (double) CURVE_STEPS, &x, &y);
      point = (Rect) { x, y, 0, 0 };
      if (!rect_contains (area, &point))
        return FALSE;
    }
  return TRUE;
}

static gboolean
route_clear (KoersSlide   *self,
             const double *p,
             const Placed *from,
             const Placed *to,
             GArray       *obstacles,
             const Rect   *area)
{
  /* A little air between a line and a card it passes. */
  double air = u (self, 3);

  if (!curve_inside (p, area))
    return FALSE;
  for (guint i = 0; i < obstacles->len; i++)
    {
      const Obstacle *o = &g_array_index (obstacles, Obstacle, i);
      Rect r = { o->rect.x - air, o->rect.y - air, o->rect.width + 2 * air, o->rect.height + 2 * air };

      if (o->item != NULL && (o->item == from->item || o->item == to->item))
        continue;
      if (_koers_slide_curve_hits_rect (p, &r))
        return FALSE;
    }
  return TRUE;
}

/* A route for the arrow from @from to @to that crosses no card but its
 * own two and no heading, and stays in @area: forwards, from the right
 * edge into the left edge; one above the other in a column, a bracket
 * through the gutter at its right (@gutter_x) that shares no stretch of
 * it with another arrow. Returns FALSE where there is none: the card says it instead. */
gboolean
_koers_slide_route_arrow (KoersSlide   *self,
                          const Placed *from,
                          const Placed *to,
                          double        gutter_x,
                          GArray       *obstacles,
                          GArray       *stretches,
                          const Rect   *area,
                          double       *points)
{
  static const double heights[] = { 0.5, 0.3, 0.7 };
  const Rect *a = &from->rect, *b = &to->rect;

  if (b->x > rect_right (a) + 1)
    {
      for (guint i = 0; i < G_N_ELEMENTS (heights); i++)
        for (guint k = 0; k < G_N_ELEMENTS (heights); k++)
          {
            double x0 = rect_right (a), y0 = a->y + a->height * heights[i];
            double x3 = b->x, y3 = b->y + b->height * heights[k];
            double dx = (x3 - x0) * 0.5;
            double p[8] = { x0, y0, x0 + dx, y0, x3 - dx, y3, x3, y3 };

            if (route_clear (self, p, from, to, obstacles, area))
              {
                memcpy (points, p, sizeof p);
                return TRUE;
              }
          }
      return FALSE;
    }

  if (fabs (a->x - b->x) < 1 && from->column == to->column)
    {
      /* The curve's control points lie a third beyond the gutter so that
       * the curve itself reaches it. */
      /* Out below the middle, in above it: in a chain of brackets, the
       * one into a card and the one out of it do not meet. */
      double x0 = rect_right (a), y0 = a->y + a->height * 0.62;
      double x3 = rect_right (b), y3 = b->y + b->height * 0.38;
      double xg = gutter_x + (gutter_x - MAX (x0, x3)) / 3;
      double p[8] = { x0, y0, xg, y0, xg, y3, x3, y3 };
      Stretch s = { gutter_x, MIN (y0, y3), MAX (y0, y3) };

      for (guint i = 0; i < stretches->len; i++)
        {
          const Stretch *o = &g_array_index (stretches, Stretch, i);
          if (fabs (o->x - s.x) < 1 && o->top < s.bottom - 1 && s.top < o->bottom - 1)
            return FALSE;
        }
      if (!route_clear (self, p, from, to, obstacles, area))
        return FALSE;
      g_array_append_val (stretches, s);
      memcpy (points, p, sizeof p);
      return TRUE;
    }
  return FALSE;
}

/* A dependency that found no clear route on this build: said on the
 * card from the next build on. */
void
_koers_slide_defer_to_text (RouteFindings *findings,
                            const char    *to,
                            const char    *from)
{
  g_hash_table_add (findings->unrouted, _koers_slide_dep_key (to, from));
}

/* Where an item stands: its column, and its lane (-1: the organisation's
 * column). */
static void
item_place (KoersSlide             *self,
            const KoersRoadmapItem *item,
            int                    *column,
            int                    *lane)
{
  *column = *lane = -2;
  for (guint c = 0; c < self->columns->len; c++)
    for (guint l = 0; l < n_lanes (self); l++)
      if (g_ptr_array_find (column_get (self, c)->cells[l], item, NULL))
        {
          *column = c;
          *lane = column_get (self, c)->is_org ? -1 : (int) l;
          return;
        }
}

/* Dependencies between lanes (or out of the organisation's column, past
 * the lane headings) are said on the card: a line from one lane into
 * another, even where it finds a way between the cards, runs too far to
 * be followed from the back of a room. */
void
_koers_slide_initial_text_deps (KoersSlide *self)
{
  for (guint c = 0; c < self->columns->len; c++)
    for (guint l = 0; l < n_lanes (self); l++)
      {
        GPtrArray *items = column_get (self, c)->cells[l];

        for (guint i = 0; i < items->len; i++)
          {
            const KoersRoadmapItem *item = g_ptr_array_index (items, i);
            int to_column, to_lane;

            item_place (self, item, &to_column, &to_lane);
            for (guint a = 0; item->after != NULL && item->after[a] != NULL; a++)
              {
                const KoersRoadmapItem *before = koers_roadmap_lookup_item (self->roadmap, item->after[a]);
                int from_column, from_lane;

                if (before == NULL)
                  continue;
                item_place (self, before, &from_column, &from_lane);
                if (from_lane != to_lane || from_column > to_column)
                  {
                    g_hash_table_add (self->text_deps, _koers_slide_dep_key (item->id, before->id));
                    g_hash_table_add (self->between_lanes, _koers_slide_dep_key (item->id, before->id));
                  }
              }
          }
      }
}

void
_koers_slide_all_deps_text (KoersSlide *self)
{
  for (guint c = 0; c < self->columns->len; c++)
    for (guint l = 0; l < n_lanes (self); l++)
      {
        GPtrArray *items = column_get (self, c)->cells[l];

        for (guint i = 0; i < items->len; i++)
          {
            const KoersRoadmapItem *item = g_ptr_array_index (items, i);

            for (guint a = 0; item->after != NULL && item->after[a] != NULL; a++)
              g_hash_table_add (self->text_deps, _koers_slide_dep_key (item->id, item->after[a]));
          }
      }
}

/* The arrows of one placed page, where each finds a clear route; a
 * dependency that finds none goes into @findings->unrouted, and one said
 * in words that would have a route here into @findings->relaxable (see
 * layout_slide()). */
GArray *
_koers_slide_route_page (KoersSlide      *self,
                         const Placement *placement,
                         RouteFindings   *findings)
{
  const PagePlan *plan = placement->plan;
  const Geometry *geo = &placement->geo;
  GArray *placed = placement->placed;
  GArray *arrows = g_array_new (FALSE, FALSE, sizeof (Arrow));
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) obstacles = g_array_new (FALSE, FALSE, sizeof (Obstacle));
  g_autoptr(GArray) stretches = g_array_new (FALSE, FALSE, sizeof (Stretch));

  for (guint k = 0; k < placed->len; k++)
    {
      Placed *p = &g_array_index (placed, Placed, k);
      Obstacle o = { p->rect, p->item };

      g_hash_table_insert (by_id, p->item->id, p);
      g_array_append_val (obstacles, o);
    }
  for (guint l = 0; l < n_lanes (self); l++)
    if (placement->lane_h[l] > 0)
      {
        Obstacle o = { { geo->lane_header_x, placement->lane_y[l], self->lane_header_width, placement->lane_h[l] },
                       NULL };
        g_array_append_val (obstacles, o);
      }
  if (geo->has_org)
    {
      Obstacle o = { { placement->org_cell.x, placement->org_cell.y, placement->org_cell.width,
                       self->org_label_height }, NULL };
      g_array_append_val (obstacles, o);
    }

  for (guint k = 0; k < placed->len; k++)
    {
      Placed *to = &g_array_index (placed, Placed, k);

      for (guint a = 0; to->item->after != NULL && to->item->after[a] != NULL; a++)
        {
          const char *before = to->item->after[a];
          Placed *from = g_hash_table_lookup (by_id, before);
          double gutter = rect_right (&to->cell) + (to->column + 1 < plan->first + plan->n
                                                    ? geo->col_gap / 2 : u (self, MARGIN) / 3);
          Arrow arrow = { { 0 }, NULL, to->item };

          if (koers_roadmap_lookup_item (self->roadmap, before) == NULL ||
              _koers_slide_dep_is_text (self, to->item->id, before))
            continue;
          if (from != NULL && _koers_slide_route_arrow (self, from, to, gutter, obstacles, stretches,
                                                        &placement->grid, arrow.points))
            {
              arrow.from = from->item;
              g_array_append_val (arrows, arrow);
            }
          else
            _koers_slide_defer_to_text (findings, to->item->id, before);
        }
    }

  /* Dependencies said on their cards that would have a route on this
   * page: layout_slide() may try them as arrows once. */
  for (guint k = 0; k < placed->len; k++)
    {
      Placed *to = &g_array_index (placed, Placed, k);

      for (guint a = 0; to->item->after != NULL && to->item->after[a] != NULL; a++)
        {
          Placed *from = g_hash_table_lookup (by_id, to->item->after[a]);
          double gutter = rect_right (&to->cell) + (to->column + 1 < plan->first + plan->n
                                                    ? geo->col_gap / 2 : u (self, MARGIN) / 3);
          double points[8];
          g_autofree char *key = from ? _koers_slide_dep_key (to->item->id, from->item->id) : NULL;

          if (from != NULL && g_hash_table_contains (self->text_deps, key) &&
              !g_hash_table_contains (self->between_lanes, key) &&
              _koers_slide_route_arrow (self, from, to, gutter, obstacles, stretches, &placement->grid, points))
            g_hash_table_add (findings->relaxable, g_steal_pointer (&key));
        }
    }
  return arrows;
}
