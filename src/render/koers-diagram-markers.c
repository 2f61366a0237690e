/* koers-diagram-markers.c: the Now and Goal markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where each marker stands (its stage's anchor; both on one stage share
 * it), and how it is drawn: the shape and the pill that names it.
 */
#define G_LOG_DOMAIN "koers-diagram-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "koers-diagram-renderer-private.h"

#define FADED_ALPHA 0.35

/* The smallest marker shape: MARKER_MIN on art at least MARKER_LARGE_ART
 * tall, MARKER_SMALL_MIN on art at most MARKER_SMALL_ART tall. */
#define MARKER_MIN        28.0
#define MARKER_SMALL_MIN  20.0
#define MARKER_LARGE_ART 400.0
#define MARKER_SMALL_ART 200.0

/* Markers */

static double
pill_font_size (double size)
{
  /* 11 px at least, down to 10 px for the smallest markers of a phone. */
  return MAX (MIN (11.0, 0.5 * size), 0.36 * size);
}

static void
measure_pill (PangoLayout *layout,
              double       font_size,
              double      *pill_w,
              double      *pill_h)
{
  double w, h;

  _koers_diagram_layout_get_size (layout, &w, &h);
  *pill_w = w + 1.1 * font_size;
  *pill_h = h + 0.3 * font_size;
}

static double
pill_gap (double size)
{
  return 0.12 * size;
}

void
_koers_diagram_rounded_rect (cairo_t *cr,
                             double   x,
                             double   y,
                             double   w,
                             double   h,
                             double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_now_shape (cairo_t            *cr,
                const KoersPalette *palette,
                double              cx,
                double              cy,
                double              size)
{
  double r = size / 2;
  double rim = MAX (1.5, 0.09 * size);

  /* A soft drop shadow lifts the marker off the art without a blur. */
  cairo_arc (cr, cx, cy + 0.05 * size, r, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.22);
  cairo_fill (cr);

  /* The rim in the page colour keeps the disc apart from any zone fill. */
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  koers_set_source_color (cr, &palette->page);
  cairo_fill (cr);

  cairo_arc (cr, cx, cy, r - rim, 0, 2 * G_PI);
  koers_set_source_color (cr, &palette->now);
  cairo_fill (cr);

  cairo_arc (cr, cx, cy, 0.17 * size, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
}

static void
flag_path (cairo_t *cr,
           double   cx,
           double   cy,
           double   size)
{
  double pole_x = cx - 0.24 * size;
  double top = cy - 0.42 * size;
  double bottom = cy + 0.42 * size;
  double flag_w = 0.66 * size;
  double flag_h = 0.46 * size;

  /* Pole */
  cairo_move_to (cr, pole_x, bottom);
  cairo_line_to (cr, pole_x, top);

  /* A swallow-tailed pennant, waving a little. */
  cairo_move_to (cr, pole_x, top);
  cairo_curve_to (cr,
                  pole_x + flag_w * 0.35, top - flag_h * 0.12,
                  pole_x + flag_w * 0.65, top + flag_h * 0.12,
                  pole_x + flag_w, top);
  cairo_line_to (cr, pole_x + flag_w * 0.78, top + flag_h * 0.5);
  cairo_line_to (cr, pole_x + flag_w, top + flag_h);
  cairo_curve_to (cr,
                  pole_x + flag_w * 0.65, top + flag_h * 1.12,
                  pole_x + flag_w * 0.35, top + flag_h * 0.88,
                  pole_x, top + flag_h);
  cairo_close_path (cr);
}

static void
draw_goal_shape (cairo_t            *cr,
                 const KoersPalette *palette,
                 double              cx,
                 double              cy,
                 double              size)
{
  double pole = MAX (2.0, 0.1 * size);
  double rim = MAX (1.5, 0.09 * size);
  double pole_x = cx - 0.24 * size;
  double bottom = cy + 0.42 * size;

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  cairo_save (cr);
  cairo_translate (cr, 0, 0.05 * size);
  flag_path (cr, cx, cy, size);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.22);
  cairo_set_line_width (cr, pole + 2 * rim);
  cairo_stroke_preserve (cr);
  cairo_fill (cr);
  cairo_restore (cr);

  /* Halo in the page colour, then the flag itself. */
  flag_path (cr, cx, cy, size);
  koers_set_source_color (cr, &palette->page);
  cairo_set_line_width (cr, pole + 2 * rim);
  cairo_stroke_preserve (cr);
  cairo_fill (cr);

  /* The foot the pole stands on. */
  cairo_save (cr);
  cairo_translate (cr, pole_x, bottom);
  cairo_scale (cr, 1, 0.4);
  cairo_arc (cr, 0, 0, 0.2 * size + rim, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_fill (cr);

  koers_set_source_color (cr, &palette->goal);
  flag_path (cr, cx, cy, size);
  cairo_set_line_width (cr, pole);
  cairo_stroke_preserve (cr);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, pole_x, bottom);
  cairo_scale (cr, 1, 0.4);
  cairo_arc (cr, 0, 0, 0.2 * size, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_fill (cr);
}

/* Draws the shape centred on (@cx, @cy) and its label pill to its right,
 * or below it when two markers share a stage. */
void
_koers_diagram_draw_marker (cairo_t            *cr,
                            KoersMarker         marker,
                            const KoersPalette *palette,
                            double              cx,
                            double              cy,
                            double              size,
                            PangoLayout        *label,
                            gboolean            pill_below,
                            gboolean            faded)
{
  const KoersColor *color = marker == KOERS_MARKER_CURRENT ? &palette->now : &palette->goal;
  double font_size = pill_font_size (size);
  double pill_w, pill_h, pill_x, pill_y, text_w, text_h;

  measure_pill (label, font_size, &pill_w, &pill_h);
  if (pill_below)
    {
      pill_x = cx - pill_w / 2;
      pill_y = cy + size / 2 + pill_gap (size);
    }
  else
    {
      pill_x = cx + size / 2 + pill_gap (size);
      pill_y = cy - pill_h / 2;
    }

  cairo_save (cr);
  if (faded)
    {
      /* The group is as large as the clip: without one, fading a marker
       * composited the whole viewport, 7 ms a frame at 1920×1080. The
       * box holds the shape, its shadow and halo, and the pill, in whole
       * units so that the clip needs no mask of its own. */
      double margin = 0.3 * size + 4;
      double x0 = floor (MIN (cx - size / 2, pill_x) - margin);
      double y0 = floor (MIN (cy - size / 2, pill_y) - margin);
      double x1 = ceil (MAX (cx + size / 2, pill_x + pill_w) + margin);
      double y1 = ceil (MAX (cy + size / 2, pill_y + pill_h) + margin);

      cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
      cairo_clip (cr);
      cairo_push_group (cr);
    }

  if (marker == KOERS_MARKER_CURRENT)
    draw_now_shape (cr, palette, cx, cy, size);
  else
    draw_goal_shape (cr, palette, cx, cy, size);

  _koers_diagram_rounded_rect (cr, pill_x - 1.5, pill_y - 1.5, pill_w + 3, pill_h + 3, (pill_h + 3) / 2);
  koers_set_source_color (cr, &palette->page);
  cairo_fill (cr);
  _koers_diagram_rounded_rect (cr, pill_x, pill_y, pill_w, pill_h, pill_h / 2);
  koers_set_source_color (cr, color);
  cairo_fill (cr);

  /* Page-coloured words on the marker colour: white on the light palette's
   * deep blue and orange, near-black on the dark palette's light ones. */
  _koers_diagram_layout_get_size (label, &text_w, &text_h);
  koers_set_source_color (cr, &palette->page);
  cairo_move_to (cr, pill_x + (pill_w - text_w) / 2, pill_y + (pill_h - text_h) / 2);
  pango_cairo_show_layout (cr, label);

  if (faded)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, FADED_ALPHA);
    }
  cairo_restore (cr);
}

static PangoLayout *
create_marker_layout (PangoContext *context,
                      KoersMarker   marker,
                      double        size)
{
  return _koers_diagram_create_layout (context, koers_marker_get_label (marker), pill_font_size (size), TRUE);
}

PangoLayout *
_koers_diagram_get_marker_layout (KoersDiagramRenderer *self,
                                  KoersMarker           marker,
                                  double                size)
{
  double font_size = pill_font_size (size);

  if (font_size != self->marker_font_size)
    {
      g_clear_object (&self->marker_layouts[0]);
      g_clear_object (&self->marker_layouts[1]);
      self->marker_font_size = font_size;
    }
  if (self->marker_layouts[marker] == NULL)
    self->marker_layouts[marker] = create_marker_layout (self->ui_pango, marker, size);
  return self->marker_layouts[marker];
}

static double
marker_size (const Fit *fit)
{
  /* 5% of the art's height, and 28 px at least, so that a marker reads
   * and can be grabbed. On a phone that minimum covered whole stages: for
   * art shorter than 400 px it comes down with the art, to 20 px (still a
   * finger's width with its label) at 200 px and below. */
  double small = CLAMP ((fit->height - MARKER_SMALL_ART) / (MARKER_LARGE_ART - MARKER_SMALL_ART), 0.0, 1.0);
  double minimum = MARKER_SMALL_MIN + small * (MARKER_MIN - MARKER_SMALL_MIN);

  return MAX (minimum, 0.05 * fit->height);
}

static void
stage_anchor (const Fit           *fit,
              const StageGeometry *geometry,
              double              *x,
              double              *y)
{
  cairo_rectangle_t rect;

  _koers_diagram_fit_rect (fit, geometry->has_anchor ? &geometry->anchor : &geometry->zone, &rect);
  *x = rect.x + rect.width / 2;
  *y = rect.y + rect.height / 2;
}

/* Where both markers stand, each centred on its stage's anchor. A marker
 * alone carries its label beside it, as wide as an anchor box and no
 * taller than its shape. Two on one stage stand side by side, Now on the
 * left as on a reading line, their labels below them, so that the pair
 * stays about as narrow as one marker with its label beside it. */
void
_koers_diagram_place_markers (KoersDiagramRenderer    *self,
                              const Fit               *fit,
                              const KoersDiagramStyle *style,
                              MarkerPlace              places[2])
{
  const char *stage_ids[2] = { style->current, style->target };
  gboolean shared = stage_ids[0] != NULL && g_strcmp0 (stage_ids[0], stage_ids[1]) == 0;
  double size = marker_size (fit);
  double font_size = pill_font_size (size);
  double gap = pill_gap (size);
  double widths[2], heights[2];

  for (guint m = 0; m < 2; m++)
    {
      MarkerPlace *place = &places[m];

      memset (place, 0, sizeof *place);
      place->size = size;
      place->pill_below = shared;
      measure_pill (_koers_diagram_get_marker_layout (self, m, size), font_size, &place->pill_w, &place->pill_h);
      widths[m] = shared ? MAX (size, place->pill_w) : size + gap + place->pill_w;
      heights[m] = shared ? size + gap + place->pill_h : size;
    }

  for (guint m = 0; m < 2; m++)
    {
      MarkerPlace *place = &places[m];
      StageGeometry *geometry = _koers_diagram_find_geometry (self, stage_ids[m]);
      double ax, ay;

      if (geometry == NULL)
        continue;

      stage_anchor (fit, geometry, &ax, &ay);
      place->placed = TRUE;
      place->rect.width = widths[m];
      place->rect.height = heights[m];
      place->rect.y = ay - heights[m] / 2;

      if (shared)
        {
          double row = widths[0] + 0.2 * size + widths[1];

          place->rect.x = m == KOERS_MARKER_CURRENT ? ax - row / 2 : ax + row / 2 - widths[1];
          place->cx = place->rect.x + widths[m] / 2;
        }
      else
        {
          place->rect.x = ax - widths[m] / 2;
          place->cx = place->rect.x + size / 2;
        }
      place->cy = place->rect.y + size / 2;
    }

  /* Anchors sit near the edges of some zones; keep the markers on their
   * stage where there is room, moving a pair as one. */
  for (guint m = 0; m < 2; m++)
    {
      StageGeometry *geometry = _koers_diagram_find_geometry (self, stage_ids[m]);
      cairo_rectangle_t zone, group = places[m].rect;
      double inset = 0.12 * size;
      double dx = 0, dy = 0;

      if (!places[m].placed || (shared && m == KOERS_MARKER_TARGET))
        continue;
      if (shared)
        group.width = places[KOERS_MARKER_TARGET].rect.x + places[KOERS_MARKER_TARGET].rect.width
                      - group.x;

      _koers_diagram_fit_rect (fit, &geometry->zone, &zone);
      if (group.width <= zone.width - 2 * inset)
        dx = CLAMP (group.x, zone.x + inset, zone.x + zone.width - inset - group.width) - group.x;
      if (group.height <= zone.height - 2 * inset)
        dy = CLAMP (group.y, zone.y + inset, zone.y + zone.height - inset - group.height) - group.y;

      for (guint n = 0; n < 2; n++)
        {
          if (n != m && !shared)
            continue;
          places[n].rect.x += dx;
          places[n].rect.y += dy;
          places[n].cx += dx;
          places[n].cy += dy;
        }
    }
}

/**
 * koers_render_marker:
 * @cr: where to draw
 * @marker: which marker
 * @cx: centre of the marker's shape
 * @cy: centre of the marker's shape
 * @size: width and height of the shape
 * @dark: whether to use the dark palette
 * @faded: draw it faded, as while it is being dragged
 *
 * Draws one marker as it stands on a diagram: the Now disc or the Goal
 * flag, with its label in a pill to the right of the shape. For the canvas' tray and
 * drag icon, so that they look exactly like the markers on the art.
 */
void
koers_render_marker (cairo_t     *cr,
                     KoersMarker  marker,
                     double       cx,
                     double       cy,
                     double       size,
                     gboolean     dark,
                     gboolean     faded)
{
  static PangoContext *context;
  g_autoptr(PangoLayout) label = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (marker == KOERS_MARKER_CURRENT || marker == KOERS_MARKER_TARGET);

  /* The canvas draws its tray with this on every frame: one context for
   * all of them, like the font map it comes from (the UI's thread only). */
  if (context == NULL)
    context = _koers_diagram_create_pango_context (FALSE);
  label = create_marker_layout (context, marker, size);
  _koers_diagram_draw_marker (cr, marker, koers_palette_get (dark), cx, cy, size, label, FALSE, faded);
}
