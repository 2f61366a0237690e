/* koers-slide-place.c: where one page's cards stand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turns a page of the chosen layout (a PagePlan) into a Placement: the
 * lanes' heights, the organisation's column and a rectangle for every
 * card on the page. Routing (koers-slide-route.c) and the display list
 * (koers-slide-build.c) read it; nothing here measures a text again, as
 * the search's measurements are cached (see _koers_slide_measure_card()).
 */
#define G_LOG_DOMAIN "koers-slide"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "koers-slide-private.h"

/* Places the rows start … end - 1 of a cell's cards, from @top. */
static void
place_cell (KoersSlide   *self,
            GArray       *placed,
            GPtrArray    *items,
            const Rect   *cell,
            double        top,
            guint         column,
            guint         start,
            guint         end,
            double        card_width,
            guint         sub,
            const Config *config)
{
  g_autoptr(GArray) rows = _koers_slide_cell_rows (self, items, card_width, config->font, sub, NULL);
  double pad = u (self, CELL_PAD), gap = u (self, CARD_GAP), sub_gap = u (self, SUB_GAP);
  double y = top;

  for (guint r = start; r < end; r++)
    {
      double row_h = g_array_index (rows, double, r);

      /* Cards side by side share the row's height. */
      for (guint k = r * sub; k < MIN ((r + 1) * sub, items->len); k++)
        {
          Placed p = {
            g_ptr_array_index (items, k),
            { cell->x + pad + (k - r * sub) * (card_width + sub_gap), y, card_width, row_h },
            *cell,
            column,
          };
          g_array_append_val (placed, p);
        }
      y += row_h + gap;
    }
}

/* Fills @placement for @plan, at the plan's own title size where it has
 * one (see plan_group()) and otherwise at @config's. */
void
_koers_slide_placement_init (KoersSlide     *self,
                             Placement      *placement,
                             const PagePlan *plan,
                             const Config   *config)
{
  Geometry *geo = &placement->geo;
  guint nl = n_lanes (self), nc = self->columns->len;
  guint shown = 0;
  double content = 0, extra, y;
  double pad = u (self, CELL_PAD);
  double lane_gap = u (self, LANE_GAP * _koers_slide_gap_scale (self));

  memset (placement, 0, sizeof *placement);
  placement->plan = plan;
  placement->config = *config;
  if (plan->font > 0)
    placement->config.font = plan->font;
  config = &placement->config;
  placement->lane_y = g_new0 (double, nl);
  placement->lane_h = g_new0 (double, nl);
  placement->placed = g_array_new (FALSE, FALSE, sizeof (Placed));

  _koers_slide_geometry_init (self, geo, plan->first, plan->n, config);
  placement->lanes_right = geo->col_x[plan->n - 1] + geo->col_width[plan->n - 1];
  /* Where arrows may run: the grid, and the margin's inner half. */
  placement->grid = (Rect) { geo->col_x[0], geo->lanes_top,
                             self->width - u (self, MARGIN) / 2 - geo->col_x[0], geo->lanes_height };

  /* Lane heights: what the cards need, then the spare height shared out
   * so that the grid fills the page. */
  for (guint l = 0; l < nl; l++)
    {
      gboolean has = FALSE;
      double h = 0;

      for (guint c = plan->first + geo->has_org; c < plan->first + plan->n; c++)
        {
          guint i = l * nc + c;
          GPtrArray *items = column_get (self, c)->cells[l];
          g_autoptr(GArray) rows = NULL;

          if (plan->row_end[i] <= plan->row_start[i] || items->len == 0)
            continue;
          has = TRUE;
          rows = _koers_slide_cell_rows (self, items, geo->card_width, config->font, geo->sub[c - plan->first], NULL);
          h = MAX (h, _koers_slide_rows_height (self, rows, plan->row_start[i], plan->row_end[i]));
        }
      if (!has)
        continue;
      placement->lane_h[l] = MAX (h, self->lane_min_height[l]);
      content += placement->lane_h[l];
      shown++;
    }
  extra = shown ? (geo->lanes_height - content - (shown - 1) * lane_gap) / shown : 0;
  extra = MAX (0, extra);

  y = geo->lanes_top;
  for (guint l = 0; l < nl; l++)
    {
      if (placement->lane_h[l] == 0)
        continue;
      placement->lane_h[l] += extra;
      placement->lane_y[l] = y;
      y += placement->lane_h[l] + lane_gap;
    }

  if (geo->has_org)
    {
      placement->org_cell = (Rect) { geo->col_x[0], geo->lanes_top, geo->col_width[0], geo->lanes_height };
      place_cell (self, placement->placed, column_get (self, plan->first)->cells[0], &placement->org_cell,
                  placement->org_cell.y + self->org_label_height + pad, plan->first,
                  plan->row_start[plan->first], plan->row_end[plan->first], geo->card_width,
                  geo->sub[0], config);
    }

  for (guint l = 0; l < nl; l++)
    {
      if (placement->lane_h[l] == 0)
        continue;
      for (guint c = plan->first + geo->has_org; c < plan->first + plan->n; c++)
        {
          guint i = l * nc + c;
          Rect cell = { geo->col_x[c - plan->first], placement->lane_y[l], geo->col_width[c - plan->first],
                        placement->lane_h[l] };

          if (plan->row_end[i] > plan->row_start[i])
            place_cell (self, placement->placed, column_get (self, c)->cells[l], &cell, cell.y + pad, c,
                        plan->row_start[i], plan->row_end[i], geo->card_width,
                        geo->sub[c - plan->first], config);
        }
    }
}

void
_koers_slide_placement_clear (Placement *placement)
{
  _koers_slide_geometry_clear (&placement->geo);
  g_clear_pointer (&placement->lane_y, g_free);
  g_clear_pointer (&placement->lane_h, g_free);
  g_clear_pointer (&placement->placed, g_array_unref);
}
