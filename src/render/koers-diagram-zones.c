/* koers-diagram-zones.c: the stages' zones: fills, outlines and the focus ring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A zone is lit up or outlined through a mask made from the stage's own
 * layer, so the highlight follows the shape the designer drew.
 */
#define G_LOG_DOMAIN "koers-diagram-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "koers-diagram-renderer-private.h"

void
_koers_diagram_mask_clear (Mask *mask)
{
  g_clear_pointer (&mask->surface, cairo_surface_destroy);
}

/* Pushes the zone's own pixels as a group: its alpha is the stage's shape. */
static cairo_pattern_t *
render_zone_group (RsvgHandle          *handle,
                   cairo_t             *cr,
                   const Fit           *fit,
                   const StageGeometry *geometry)
{
  g_autoptr(GError) error = NULL;
  RsvgRectangle viewport = _koers_diagram_fit_viewport (fit);

  cairo_push_group_with_content (cr, CAIRO_CONTENT_ALPHA);
  if (!rsvg_handle_render_layer (handle, cr, geometry->layer, &viewport, &error))
    g_warning ("Cannot draw the stage %s: %s", geometry->stage->id, error->message);
  return cairo_pop_group (cr);
}

static gboolean
surface_is_empty (cairo_surface_t *surface)
{
  const guchar *data;
  int stride, w, h;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (data[y * stride + x] != 0)
        return FALSE;
  return TRUE;
}

static void
build_mask (RsvgHandle          *handle,
            const Fit           *fit,
            double               device_scale,
            const StageGeometry *geometry,
            double               grow,
            Mask                *mask)
{
  g_autoptr(GError) error = NULL;
  RsvgRectangle viewport = _koers_diagram_fit_viewport (fit);
  cairo_rectangle_t rect;
  double x0, y0, x1, y1;
  cairo_t *cr;

  _koers_diagram_fit_rect (fit, &geometry->zone, &rect);
  /* Whole device pixels, so the mask lands on the pixel grid. */
  x0 = floor ((rect.x - grow) * device_scale);
  y0 = floor ((rect.y - grow) * device_scale);
  x1 = ceil ((rect.x + rect.width + grow) * device_scale);
  y1 = ceil ((rect.y + rect.height + grow) * device_scale);

  mask->surface = cairo_image_surface_create (CAIRO_FORMAT_A8,
                                              MAX (1, (int) (x1 - x0)),
                                              MAX (1, (int) (y1 - y0)));
  cairo_surface_set_device_scale (mask->surface, device_scale, device_scale);
  mask->x = x0 / device_scale;
  mask->y = y0 / device_scale;

  cr = cairo_create (mask->surface);
  cairo_translate (cr, -mask->x, -mask->y);
  if (!rsvg_handle_render_layer (handle, cr, geometry->layer, &viewport, &error))
    g_warning ("Cannot draw the stage %s: %s", geometry->stage->id, error->message);
  cairo_destroy (cr);

  /* A zone drawn without paint (an invisible hit area) still lights up:
   * as its box, then. */
  if (surface_is_empty (mask->surface))
    {
      cr = cairo_create (mask->surface);
      cairo_translate (cr, -mask->x, -mask->y);
      _koers_diagram_rounded_rect (cr, rect.x, rect.y, rect.width, rect.height, 8);
      cairo_fill (cr);
      cairo_destroy (cr);
    }
}

/* A coarse map of where each zone is, made once from the zones' own
 * layers: a marker may stand where every cell under it is the stage's. A
 * zone drawn without paint counts as its box. */
void
_koers_diagram_ensure_zone_cells (KoersDiagramRenderer *self)
{
  int cols = (int) ceil (self->art_width / ZONE_GRID);
  int rows = (int) ceil (self->art_height / ZONE_GRID);
  RsvgRectangle viewport = { 0, 0, self->art_width / ZONE_GRID, self->art_height / ZONE_GRID };

  if (self->grid_cols > 0)
    return;
  self->grid_cols = cols;
  self->grid_rows = rows;

  for (guint i = 0; i < self->stages->len; i++)
    {
      StageGeometry *geometry = &g_array_index (self->stages, StageGeometry, i);
      g_autoptr(GError) error = NULL;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, cols, rows);
      cairo_t *cr = cairo_create (surface);
      gboolean empty;
      const guchar *data;
      int stride;

      if (!rsvg_handle_render_layer (self->handle, cr, geometry->layer, &viewport, &error))
        g_warning ("Cannot draw the stage %s: %s", geometry->stage->id, error->message);
      cairo_destroy (cr);
      empty = surface_is_empty (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);

      geometry->cells = g_new0 (guint8, cols * rows);
      for (int y = 0; y < rows; y++)
        for (int x = 0; x < cols; x++)
          {
            double sx = (x + 0.5) * ZONE_GRID;
            double sy = (y + 0.5) * ZONE_GRID;

            /* Half covered is the edge of the shape: not a place to stand. */
            geometry->cells[y * cols + x] = empty ? rect_contains (&geometry->zone, sx, sy)
                                                  : data[y * stride + x] > 200;
          }
      cairo_surface_destroy (surface);
    }
}

/* Whether @rect (viewport units, for the art fitted as @fit says) lies
 * wholly on @geometry's zone. */
gboolean
_koers_diagram_zone_covers (KoersDiagramRenderer    *self,
                            const StageGeometry     *geometry,
                            const Fit               *fit,
                            const cairo_rectangle_t *rect)
{
  int x0, y0, x1, y1;

  _koers_diagram_ensure_zone_cells (self);
  x0 = (int) floor ((rect->x - fit->x) / fit->scale / ZONE_GRID);
  y0 = (int) floor ((rect->y - fit->y) / fit->scale / ZONE_GRID);
  x1 = (int) floor ((rect->x + rect->width - fit->x) / fit->scale / ZONE_GRID);
  y1 = (int) floor ((rect->y + rect->height - fit->y) / fit->scale / ZONE_GRID);
  if (x0 < 0 || y0 < 0 || x1 >= self->grid_cols || y1 >= self->grid_rows)
    return FALSE;
  for (int y = y0; y <= y1; y++)
    for (int x = x0; x <= x1; x++)
      if (!geometry->cells[y * self->grid_cols + x])
        return FALSE;
  return TRUE;
}

static const Mask *
get_mask (KoersDiagramRenderer *self,
          const Fit            *fit,
          double                device_scale,
          StageGeometry        *geometry,
          gboolean              outline)
{
  Mask *mask = outline ? &geometry->outline_mask : &geometry->fill_mask;
  RsvgHandle *handle = outline ? _koers_diagram_ensure_outline_handle (self) : self->handle;
  double key[4] = { device_scale, fit->x, fit->y, fit->scale };

  if (handle == NULL)
    return NULL;

  if (memcmp (key, self->mask_key, sizeof key) != 0)
    {
      for (guint i = 0; i < self->stages->len; i++)
        {
          StageGeometry *other = &g_array_index (self->stages, StageGeometry, i);

          _koers_diagram_mask_clear (&other->fill_mask);
          _koers_diagram_mask_clear (&other->outline_mask);
        }
      memcpy (self->mask_key, key, sizeof key);
    }

  if (mask->surface == NULL)
    build_mask (handle, fit, device_scale, geometry,
                outline ? OUTLINE_WIDTH * fit->scale : 0, mask);
  return mask;
}

void
_koers_diagram_fill_zone (KoersDiagramRenderer *self,
                          cairo_t              *cr,
                          const Fit            *fit,
                          gboolean              raster,
                          double                device_scale,
                          StageGeometry        *geometry,
                          gboolean              outline,
                          const KoersColor     *color,
                          double                alpha)
{
  cairo_save (cr);
  if (raster)
    {
      const Mask *mask = get_mask (self, fit, device_scale, geometry, outline);

      if (mask != NULL)
        {
          cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
          cairo_mask_surface (cr, mask->surface, mask->x, mask->y);
        }
    }
  else
    {
      RsvgHandle *handle = outline ? _koers_diagram_ensure_outline_handle (self) : self->handle;

      if (handle != NULL)
        {
          cairo_pattern_t *shape;
          cairo_rectangle_t rect;
          double grow = (outline ? OUTLINE_WIDTH * fit->scale : 0) + 2;

          /* The group is as large as the clip: the zone's box, not the
           * whole viewport (which cost a canvas frame 3 ms at 1920×1080).
           * Whole units, so that the clip needs no mask of its own. */
          _koers_diagram_fit_rect (fit, &geometry->zone, &rect);
          cairo_rectangle (cr, floor (rect.x - grow), floor (rect.y - grow),
                           ceil (rect.x + rect.width + grow) - floor (rect.x - grow),
                           ceil (rect.y + rect.height + grow) - floor (rect.y - grow));
          cairo_clip (cr);
          shape = render_zone_group (handle, cr, fit, geometry);

          cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
          cairo_mask (cr, shape);
          cairo_pattern_destroy (shape);
        }
    }
  cairo_restore (cr);
}

void
_koers_diagram_draw_focus_ring (cairo_t             *cr,
                                const Fit           *fit,
                                const KoersPalette  *palette,
                                const StageGeometry *geometry)
{
  cairo_rectangle_t rect;
  double inset = -4.5;

  _koers_diagram_fit_rect (fit, &geometry->zone, &rect);
  cairo_save (cr);
  _koers_diagram_rounded_rect (cr, rect.x + inset, rect.y + inset,
                               rect.width - 2 * inset, rect.height - 2 * inset, 10);
  /* A page-coloured rim under the ring keeps it visible on any fill. */
  koers_set_source_color (cr, &palette->page);
  cairo_set_line_width (cr, 5);
  cairo_stroke_preserve (cr);
  koers_set_source_color (cr, &palette->focus);
  cairo_set_line_width (cr, 3);
  cairo_stroke (cr);
  cairo_restore (cr);
}
