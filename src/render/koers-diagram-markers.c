/* koers-diagram-markers.c: the Now and Goal markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where each marker stands (its stage's anchor, or the free spot of the
 * stage nearest to it: never on the words), and how it is drawn: the
 * shape and the pill that names it.
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

static gboolean
rects_meet (const cairo_rectangle_t *a,
            const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
rect_inside (const cairo_rectangle_t *inner,
             const cairo_rectangle_t *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

static void
add_obstacle (GArray                  *obstacles,
              const Fit               *fit,
              const cairo_rectangle_t *art,
              double                   pad)
{
  cairo_rectangle_t rect;

  if (art->width <= 0 || art->height <= 0)
    return;
  _koers_diagram_fit_rect (fit, art, &rect);
  rect.x -= pad;
  rect.y -= pad;
  rect.width += 2 * pad;
  rect.height += 2 * pad;
  g_array_append_val (obstacles, rect);
}

/* Every word on the art, in viewport units with a margin: markers never
 * stand on a stage's name or caption, nor on the art's notes. */
void
_koers_diagram_collect_label_rects (KoersDiagramRenderer *self,
                                    const Fit            *fit,
                                    double                pad,
                                    GArray               *obstacles)
{
  for (guint i = 0; i < self->stages->len; i++)
    {
      const StageGeometry *geometry = &g_array_index (self->stages, StageGeometry, i);

      add_obstacle (obstacles, fit, &geometry->name_rect, pad);
      add_obstacle (obstacles, fit, &geometry->tagline_rect, pad);
    }
  for (guint i = 0; i < self->texts->len; i++)
    {
      const TextBox *text = &g_array_index (self->texts, TextBox, i);

      if (text->layout != NULL)
        add_obstacle (obstacles, fit, &text->box, pad);
    }
}

static gboolean
spot_is_free (const cairo_rectangle_t *rect,
              GArray                  *obstacles)
{
  for (guint i = 0; i < obstacles->len; i++)
    if (rects_meet (rect, &g_array_index (obstacles, cairo_rectangle_t, i)))
      return FALSE;
  return TRUE;
}

/**
 * _koers_diagram_find_spot:
 * @width: the marker's (or group's) box
 * @height:
 * @obstacles: boxes to keep clear of, in viewport units
 * @spot: (out): the box found
 *
 * Finds where a marker of @width × @height stands on @geometry's stage:
 * the designer's anchor when it is free, else the free place nearest to
 * it wholly on the zone, else within the zone's box, else centred in it,
 * else near it on the art. Free means clear of every box in @obstacles.
 */
void
_koers_diagram_find_spot (KoersDiagramRenderer *self,
                          const Fit            *fit,
                          const StageGeometry  *geometry,
                          double                width,
                          double                height,
                          GArray               *obstacles,
                          cairo_rectangle_t    *spot)
{
  cairo_rectangle_t zone, art = { fit->x, fit->y, fit->width, fit->height };
  double ax, ay;
  double step = MAX (2.0, MIN (width, height) / 6);

  stage_anchor (fit, geometry, &ax, &ay);
  _koers_diagram_fit_rect (fit, &geometry->zone, &zone);
  *spot = (cairo_rectangle_t) { ax - width / 2, ay - height / 2, width, height };

  /* Ever looser: wholly on the zone's shape, within its box, centred
   * within its box, near the stage on the art, anywhere on the art, and
   * last anywhere in the viewport (a phone's crowded diagram). */
  for (int pass = 0; pass < 6; pass++)
    {
      cairo_rectangle_t area = zone;
      double best = G_MAXDOUBLE;
      cairo_rectangle_t found = { 0 };

      if (pass == 2)
        {
          area.x -= width / 2;
          area.y -= height / 2;
          area.width += width;
          area.height += height;
        }
      else if (pass == 3)
        {
          area.x -= 2 * width;
          area.y -= 2 * height;
          area.width += 4 * width;
          area.height += 4 * height;
        }
      else if (pass == 4)
        area = art;
      else if (pass == 5)
        area = art = (cairo_rectangle_t) { 0, 0, fit->view_width, fit->view_height };

      for (double y = area.y; y + height <= area.y + area.height + 0.01; y += step)
        for (double x = area.x; x + width <= area.x + area.width + 0.01; x += step)
          {
            cairo_rectangle_t rect = { x, y, width, height };
            double dx = x + width / 2 - ax;
            double dy = y + height / 2 - ay;
            double distance = dx * dx + dy * dy;

            if (distance >= best || !rect_inside (&rect, &art) || !spot_is_free (&rect, obstacles))
              continue;
            if (pass == 0 && !_koers_diagram_zone_covers (self, geometry, fit, &rect))
              continue;
            best = distance;
            found = rect;
          }

      /* The anchor itself, when free, whatever the grid's step. */
      if (spot_is_free (spot, obstacles) && rect_inside (spot, &art) &&
          (pass > 0 || _koers_diagram_zone_covers (self, geometry, fit, spot)))
        return;
      if (best < G_MAXDOUBLE)
        {
          *spot = found;
          return;
        }
    }
}

/* Where both markers stand. A marker alone carries its label beside it.
 * Two on one stage stand side by side, Now on the left as on a reading
 * line, their labels below them, so that the pair stays about as narrow
 * as one marker with its label beside it. Each takes its stage's anchor
 * when that leaves the words free, else the free spot of the stage
 * nearest to it. */
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
  g_autoptr(GArray) obstacles = NULL;
  g_autofree char *key = NULL;
  MarkerPlace *cached;

  /* The labels depend on the fit alone, so the fit and the stages say
   * where the markers go. */
  _koers_diagram_ensure_labels (self, fit);
  key = g_strdup_printf ("%.3f %.3f %.5f %.1f %.1f %s %s", fit->x, fit->y, fit->scale,
                         fit->view_width, fit->view_height,
                         stage_ids[0] ? stage_ids[0] : "", stage_ids[1] ? stage_ids[1] : "");
  cached = g_hash_table_lookup (self->placements, key);
  if (cached != NULL)
    {
      memcpy (places, cached, 2 * sizeof (MarkerPlace));
      return;
    }

  obstacles = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  _koers_diagram_collect_label_rects (self, fit, MAX (2.0, 0.08 * size), obstacles);

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
      cairo_rectangle_t spot;

      if (geometry == NULL || (shared && m == KOERS_MARKER_TARGET))
        continue;

      if (shared)
        {
          double space = 0.2 * size;
          double row = widths[0] + space + widths[1];
          double tall = MAX (heights[0], heights[1]);

          _koers_diagram_find_spot (self, fit, geometry, row, tall, obstacles, &spot);
          places[0].rect = (cairo_rectangle_t) { spot.x, spot.y, widths[0], heights[0] };
          places[1].rect = (cairo_rectangle_t) { spot.x + widths[0] + space, spot.y, widths[1], heights[1] };
          places[0].placed = places[1].placed = TRUE;
          for (guint n = 0; n < 2; n++)
            {
              places[n].cx = places[n].rect.x + widths[n] / 2;
              places[n].cy = places[n].rect.y + size / 2;
            }
        }
      else
        {
          _koers_diagram_find_spot (self, fit, geometry, widths[m], heights[m], obstacles, &spot);
          place->placed = TRUE;
          place->rect = spot;
          place->cx = spot.x + size / 2;
          place->cy = spot.y + size / 2;
          /* The next marker keeps clear of this one too. */
          g_array_append_val (obstacles, spot);
        }
    }

  /* A resize makes a new fit on every frame: keep the cache small. */
  if (g_hash_table_size (self->placements) >= 64)
    g_hash_table_remove_all (self->placements);
  g_hash_table_insert (self->placements, g_steal_pointer (&key), g_memdup2 (places, 2 * sizeof (MarkerPlace)));
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
