/* koers-slide-draw.c: drawing a page's display list on cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only place that touches a cairo_t: what was built is drawn, so the
 * screen, PNG, SVG and PDF show the same thing.
 */
#define G_LOG_DOMAIN "koers-slide"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "koers-slide-private.h"

static void
rounded_rect (cairo_t    *cr,
              const Rect *r,
              double      radius)
{
  radius = MIN (radius, MIN (r->width, r->height) / 2);
  if (radius <= 0)
    {
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, rect_right (r) - radius, r->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, rect_right (r) - radius, rect_bottom (r) - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r->x + radius, rect_bottom (r) - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_op (cairo_t  *cr,
         const Op *op)
{
  /* Text leaves a current point behind; an arc would join it with a line. */
  cairo_new_path (cr);
  switch (op->kind)
    {
    case OP_RECT:
      if (op->fill.alpha > 0)
        {
          rounded_rect (cr, &op->rect, op->radius);
          koers_set_source_color (cr, &op->fill);
          cairo_fill (cr);
        }
      if (op->stroke.alpha > 0 && op->line_width > 0)
        {
          Rect inset = { op->rect.x + op->line_width / 2, op->rect.y + op->line_width / 2,
                         op->rect.width - op->line_width, op->rect.height - op->line_width };
          rounded_rect (cr, &inset, op->radius);
          koers_set_source_color (cr, &op->stroke);
          cairo_set_line_width (cr, op->line_width);
          if (op->dashed)
            {
              double dash[] = { op->line_width * 4, op->line_width * 3 };
              cairo_set_dash (cr, dash, 2, 0);
            }
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      break;

    case OP_TEXT:
      cairo_move_to (cr, op->x, op->y);
      koers_set_source_color (cr, &op->stroke);
      pango_cairo_show_layout (cr, op->layout);
      break;

    case OP_LINE:
      cairo_move_to (cr, op->points[0], op->points[1]);
      cairo_line_to (cr, op->points[2], op->points[3]);
      koers_set_source_color (cr, &op->stroke);
      cairo_set_line_width (cr, op->line_width);
      cairo_stroke (cr);
      break;

    case OP_ARROW:
      {
        const double *p = op->points;
        double dx = p[6] - p[4], dy = p[7] - p[5];
        double len = hypot (dx, dy);
        double ux, uy, bx, by;

        if (len < 1e-6)
          {
            dx = p[6] - p[0];
            dy = p[7] - p[1];
            len = MAX (hypot (dx, dy), 1e-6);
          }
        ux = dx / len;
        uy = dy / len;
        /* The line stops where the head begins, so that its end does not
         * poke through the head's tip. */
        bx = p[6] - ux * op->head * 0.8;
        by = p[7] - uy * op->head * 0.8;

        koers_set_source_color (cr, &op->stroke);
        cairo_set_line_width (cr, op->line_width);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_move_to (cr, p[0], p[1]);
        cairo_curve_to (cr, p[2], p[3], p[4], p[5], bx, by);
        cairo_stroke (cr);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

        cairo_move_to (cr, p[6], p[7]);
        cairo_line_to (cr, p[6] - ux * op->head - uy * op->head * 0.45,
                       p[7] - uy * op->head + ux * op->head * 0.45);
        cairo_line_to (cr, p[6] - ux * op->head + uy * op->head * 0.45,
                       p[7] - uy * op->head - ux * op->head * 0.45);
        cairo_close_path (cr);
        cairo_fill (cr);
      }
      break;

    case OP_CHECK:
      {
        const Rect *r = &op->rect;
        double s = MIN (r->width, r->height);
        double cx = r->x + r->width / 2, cy = r->y + r->height / 2;

        koers_set_source_color (cr, &op->stroke);
        cairo_arc (cr, cx, cy, s / 2, 0, 2 * G_PI);
        cairo_fill (cr);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_set_line_width (cr, s * 0.13);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
        cairo_move_to (cr, cx - s * 0.24, cy + s * 0.01);
        cairo_line_to (cr, cx - s * 0.06, cy + s * 0.19);
        cairo_line_to (cr, cx + s * 0.25, cy - s * 0.17);
        cairo_stroke (cr);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
        cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * koers_slide_draw_page:
 * @self: a slide
 * @cr: where to draw, in logical units: the page is width × height
 * @page: which page, from 0
 *
 * Draws the page, its background included (as the options say).
 */
void
koers_slide_draw_page (KoersSlide *self,
                       cairo_t    *cr,
                       guint       page)
{
  Page *p;

  g_return_if_fail (KOERS_IS_SLIDE (self));
  g_return_if_fail (page < self->pages->len);

  p = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  koers_paint_background (cr, &self->options, self->width, self->height);
  for (guint i = 0; i < p->ops->len; i++)
    draw_op (cr, &g_array_index (p->ops, Op, i));
  cairo_restore (cr);
}
