/* koers-diagram-renderer.c: a model's diagram, with the organisation placed on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The type, and the page: where the art stands on a page of a given
 * size, the order in which the layers are drawn, and which stage or
 * marker lies under a point. Each layer is drawn in its own unit.
 */
#define G_LOG_DOMAIN "koers-diagram-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "koers-diagram-renderer-private.h"

G_DEFINE_FINAL_TYPE (KoersDiagramRenderer, koers_diagram_renderer, G_TYPE_OBJECT)

void
_koers_diagram_stage_geometry_clear (StageGeometry *geometry)
{
  g_clear_pointer (&geometry->layer, g_free);
  g_clear_object (&geometry->name_layout);
  g_clear_object (&geometry->tagline_layout);
  g_clear_pointer (&geometry->cells, g_free);
  _koers_diagram_mask_clear (&geometry->fill_mask);
  _koers_diagram_mask_clear (&geometry->outline_mask);
}

static double
base_size (double width,
           double height)
{
  /* On a portrait page the width limits the slide-like proportions. */
  return MIN (height, width * 9.0 / 16.0);
}

static void
compute_fit (KoersDiagramRenderer    *self,
             double                   width,
             double                   height,
             const KoersDiagramStyle *style,
             Fit                     *fit)
{
  double margin = 0.04 * MIN (width, height);
  double top = margin;
  double bottom = margin;
  double avail_w, avail_h;

  memset (fit, 0, sizeof *fit);
  fit->margin = margin;
  fit->view_width = width;
  fit->view_height = height;

  if (style->title != NULL)
    {
      double base = base_size (width, height);

      fit->title_size = MAX (14.0, 0.046 * base);
      fit->subtitle_size = style->subtitle != NULL ? MAX (12.0, 0.026 * base) : 0;
      fit->credit_size = MAX (10.0, 0.016 * base);
      {
        g_autoptr(PangoLayout) title = _koers_diagram_title_layout (self, style->title, fit->title_size,
                                                                    width - 2 * margin);
        PangoRectangle first, all;

        pango_layout_line_get_extents (pango_layout_get_line_readonly (title, 0), NULL, &first);
        pango_layout_get_extents (title, NULL, &all);
        fit->title_extra = (all.height - first.height) / (double) PANGO_SCALE;
      }
      top = margin + fit->title_size * 1.25 + fit->title_extra + fit->subtitle_size * 1.3 + 0.5 * margin;
      bottom = MAX (margin, fit->credit_size * 1.3 + margin * 0.8);
    }

  avail_w = MAX (1.0, width - 2 * margin);
  avail_h = MAX (1.0, height - top - bottom);
  fit->scale = MIN (avail_w / self->art_width, avail_h / self->art_height);
  fit->width = self->art_width * fit->scale;
  fit->height = self->art_height * fit->scale;
  fit->x = (width - fit->width) / 2;
  fit->y = top + (avail_h - fit->height) / 2;
}

void
_koers_diagram_fit_rect (const Fit               *fit,
                         const cairo_rectangle_t *art,
                         cairo_rectangle_t       *rect)
{
  rect->x = fit->x + art->x * fit->scale;
  rect->y = fit->y + art->y * fit->scale;
  rect->width = art->width * fit->scale;
  rect->height = art->height * fit->scale;
}

RsvgRectangle
_koers_diagram_fit_viewport (const Fit *fit)
{
  return (RsvgRectangle) { fit->x, fit->y, fit->width, fit->height };
}

StageGeometry *
_koers_diagram_find_geometry (KoersDiagramRenderer *self,
                              const char           *stage_id)
{
  if (stage_id == NULL)
    return NULL;
  for (guint i = 0; i < self->stages->len; i++)
    {
      StageGeometry *geometry = &g_array_index (self->stages, StageGeometry, i);

      if (g_strcmp0 (geometry->stage->id, stage_id) == 0)
        return geometry;
    }
  return NULL;
}

static void
koers_diagram_renderer_finalize (GObject *object)
{
  KoersDiagramRenderer *self = (KoersDiagramRenderer *) object;

  g_clear_pointer (&self->stages, g_array_unref);
  g_clear_pointer (&self->texts, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->art); i++)
    g_clear_pointer (&self->art[i].surface, cairo_surface_destroy);
  g_clear_object (&self->marker_layouts[0]);
  g_clear_object (&self->marker_layouts[1]);
  g_clear_pointer (&self->placements, g_hash_table_unref);
  g_clear_pointer (&self->extras, g_array_unref);
  g_clear_pointer (&self->extras_key, g_free);
  g_clear_pointer (&self->runs, g_array_unref);
  g_clear_object (&self->pango);
  g_clear_object (&self->ui_pango);
  g_clear_object (&self->device_pango);
  g_clear_object (&self->handle);
  g_clear_object (&self->dark_handle);
  g_clear_object (&self->outline_handle);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_object (&self->model);
  g_clear_pointer (&self->filename, g_free);

  G_OBJECT_CLASS (koers_diagram_renderer_parent_class)->finalize (object);
}

static void
koers_diagram_renderer_class_init (KoersDiagramRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koers_diagram_renderer_finalize;
}

static void
koers_diagram_renderer_init (KoersDiagramRenderer *self)
{
  self->stages = g_array_new (FALSE, TRUE, sizeof (StageGeometry));
  g_array_set_clear_func (self->stages, (GDestroyNotify) _koers_diagram_stage_geometry_clear);
  self->texts = g_array_new (FALSE, TRUE, sizeof (TextBox));
  g_array_set_clear_func (self->texts, (GDestroyNotify) _koers_diagram_text_box_clear);
  self->pango = _koers_diagram_create_pango_context (TRUE);
  self->ui_pango = _koers_diagram_create_pango_context (FALSE);
  self->device_pango = _koers_diagram_create_pango_context (FALSE);
  self->runs = g_array_new (FALSE, TRUE, sizeof (LabelRun));
  g_array_set_clear_func (self->runs, (GDestroyNotify) _koers_diagram_label_run_clear);
  self->marker_font_size = -1;
  self->placements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->mask_key[0] = -1;
  self->runs_scale = -1;
  self->name_floor = LABEL_FLOOR;
  self->tagline_floor = LABEL_FLOOR;
  self->taglines_may_hide = TRUE;
}

/* Public API */

/**
 * koers_diagram_style_init:
 * @style: the style to reset
 *
 * Sets @style to a plain diagram: theme background, light, no markers,
 * nothing lit, no marker being dragged and no title band.
 */
void
koers_diagram_style_init (KoersDiagramStyle *style)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->hide_marker = -1;
}

/**
 * koers_diagram_renderer_new:
 * @model: the model whose diagram to draw
 * @error: a place for the error
 *
 * Loads the model's diagram and finds its drop zones, label boxes and
 * marker anchors.
 *
 * Returns: (transfer full): the renderer, or %NULL when the diagram is
 *   missing, broken, or lacks the zone of one of the model's stages
 */
KoersDiagramRenderer *
koers_diagram_renderer_new (KoersModel  *model,
                            GError     **error)
{
  g_autoptr(KoersDiagramRenderer) self = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (KOERS_IS_MODEL (model), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (KOERS_TYPE_DIAGRAM_RENDERER, NULL);
  self->model = g_object_ref (model);
  self->filename = g_strdup (koers_model_get_diagram (model));

  path = g_strconcat (RESOURCE_PREFIX "/diagrams/", self->filename, NULL);
  data = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (data == NULL)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_MISSING,
                   _("%s: the diagram of the model “%s” is not part of Koers"),
                   self->filename, koers_model_get_name (model));
      return NULL;
    }

  /* Parsed ahead when this is the diagram a window shows first. */
  self->handle = _koers_diagram_take_prefetched (self->filename);
  if (self->handle == NULL)
    self->handle = _koers_diagram_load_handle (self->filename, data, NULL, error);
  if (self->handle == NULL)
    return NULL;
  self->data = g_steal_pointer (&data);

  _koers_diagram_read_art_size (self);
  if (!_koers_diagram_read_geometry (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * koers_diagram_renderer_get_model:
 * @self: a #KoersDiagramRenderer
 *
 * Returns: (transfer none): the model drawn
 */
KoersModel *
koers_diagram_renderer_get_model (KoersDiagramRenderer *self)
{
  g_return_val_if_fail (KOERS_IS_DIAGRAM_RENDERER (self), NULL);
  return self->model;
}

/**
 * koers_diagram_renderer_draw:
 * @self: a #KoersDiagramRenderer
 * @cr: where to draw
 * @width: viewport width, in @cr's user units
 * @height: viewport height
 * @style: what to draw on the art
 *
 * Draws the background, the art fitted to the viewport, the lit, selected
 * and focused stages, the stage names and the markers. On a raster target
 * the art comes from a cache, so that redrawing the canvas is cheap; on a
 * vector target (PDF, SVG) it is drawn as vectors.
 */
void
koers_diagram_renderer_draw (KoersDiagramRenderer    *self,
                             cairo_t                 *cr,
                             double                   width,
                             double                   height,
                             const KoersDiagramStyle *style)
{
  koers_diagram_renderer_draw_layers (self, cr, width, height, style,
                                      KOERS_DIAGRAM_LAYER_BASE | KOERS_DIAGRAM_LAYER_OVERLAY);
}

/**
 * koers_diagram_renderer_draw_layers:
 * @self: a #KoersDiagramRenderer
 * @cr: where to draw
 * @width: viewport width, in @cr's user units
 * @height: viewport height
 * @style: what to draw on the art
 * @layers: which layers to draw
 *
 * Draws some layers of what koers_diagram_renderer_draw() draws. Drawn
 * together, the lit stage and the focus ring lie under the words; drawn
 * as an overlay of their own, on top of them, where their tint and thin
 * ring still leave the words readable.
 */
void
koers_diagram_renderer_draw_layers (KoersDiagramRenderer    *self,
                                    cairo_t                 *cr,
                                    double                   width,
                                    double                   height,
                                    const KoersDiagramStyle *style,
                                    KoersDiagramLayers       layers)
{
  const KoersPalette *palette;
  StageGeometry *geometry;
  MarkerPlace places[2];
  double device_scale = 1;
  gboolean raster;
  gboolean base = (layers & KOERS_DIAGRAM_LAYER_BASE) != 0;

  Fit fit;

  g_return_if_fail (KOERS_IS_DIAGRAM_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  if (width <= 0 || height <= 0)
    return;

  compute_fit (self, width, height, style, &fit);
  palette = koers_palette_for (&style->render);
  raster = _koers_diagram_get_raster_scale (cr, &device_scale);

  cairo_save (cr);

  if (base)
    {
      RsvgHandle *handle = _koers_diagram_get_handle (self, style);

      if (raster)
        _koers_diagram_paint_cached_art (self, cr, handle, &fit, width, height, device_scale, style);
      else
        _koers_diagram_render_art (handle, cr, &fit, width, height, style);

      if ((geometry = _koers_diagram_find_geometry (self, style->selected)))
        {
          _koers_diagram_fill_zone (self, cr, &fit, raster, device_scale, geometry, FALSE, &palette->highlight, 0.45);
          _koers_diagram_fill_zone (self, cr, &fit, raster, device_scale, geometry, TRUE, &palette->focus, 0.8);
        }
    }
  if ((layers & KOERS_DIAGRAM_LAYER_HIGHLIGHT) && (geometry = _koers_diagram_find_geometry (self, style->highlight)))
    _koers_diagram_fill_zone (self, cr, &fit, raster, device_scale, geometry, FALSE, &palette->highlight,
                              base ? 1.0 : 0.6);
  if ((layers & KOERS_DIAGRAM_LAYER_FOCUS) && (geometry = _koers_diagram_find_geometry (self, style->focus)))
    _koers_diagram_draw_focus_ring (cr, &fit, palette, geometry);

  if (base)
    {
      _koers_diagram_draw_labels (self, cr, &fit, raster, device_scale, palette);
      if (style->title != NULL)
        _koers_diagram_draw_title_band (self, cr, &fit, width, height, palette, style);
    }

  if (layers & KOERS_DIAGRAM_LAYER_MARKERS)
    {
      _koers_diagram_draw_extras (self, cr, &fit, palette, style);
      _koers_diagram_place_markers (self, &fit, style, places);
      /* Now last: where the organisation stands is the point of the picture. */
      for (int m = KOERS_MARKER_TARGET; m >= KOERS_MARKER_CURRENT; m--)
        {
          if (!places[m].placed)
            continue;
          _koers_diagram_draw_marker (cr, m, palette, places[m].cx, places[m].cy, places[m].size,
                                      _koers_diagram_get_marker_layout (self, m, places[m].size),
                                      places[m].pill_below, style->hide_marker == m);
        }
    }

  cairo_restore (cr);
}

/**
 * koers_diagram_renderer_stage_at:
 * @self: a #KoersDiagramRenderer
 * @width: viewport width, as given to koers_diagram_renderer_draw()
 * @height: viewport height
 * @style: the style drawn with
 * @x: a point in the viewport
 * @y: a point in the viewport
 *
 * Finds the stage whose drop zone lies under a point.
 *
 * Returns: (nullable): the stage id, or %NULL outside every zone
 */
const char *
koers_diagram_renderer_stage_at (KoersDiagramRenderer    *self,
                                 double                   width,
                                 double                   height,
                                 const KoersDiagramStyle *style,
                                 double                   x,
                                 double                   y)
{
  Fit fit;

  g_return_val_if_fail (KOERS_IS_DIAGRAM_RENDERER (self), NULL);
  g_return_val_if_fail (style != NULL, NULL);

  compute_fit (self, width, height, style, &fit);
  for (guint i = 0; i < self->stages->len; i++)
    {
      const StageGeometry *geometry = &g_array_index (self->stages, StageGeometry, i);
      cairo_rectangle_t rect;

      _koers_diagram_fit_rect (&fit, &geometry->zone, &rect);
      if (rect_contains (&rect, x, y))
        return geometry->stage->id;
    }
  return NULL;
}

/**
 * koers_diagram_renderer_get_stage_rect:
 * @self: a #KoersDiagramRenderer
 * @width: viewport width, as given to koers_diagram_renderer_draw()
 * @height: viewport height
 * @style: the style drawn with
 * @stage_id: a stage of the model
 * @rect: (out): the box around the stage's zone, in the viewport
 *
 * Returns: %TRUE if the model has that stage
 */
gboolean
koers_diagram_renderer_get_stage_rect (KoersDiagramRenderer    *self,
                                       double                   width,
                                       double                   height,
                                       const KoersDiagramStyle *style,
                                       const char              *stage_id,
                                       cairo_rectangle_t       *rect)
{
  const StageGeometry *geometry;
  Fit fit;

  g_return_val_if_fail (KOERS_IS_DIAGRAM_RENDERER (self), FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  geometry = _koers_diagram_find_geometry (self, stage_id);
  if (geometry == NULL)
    return FALSE;

  compute_fit (self, width, height, style, &fit);
  _koers_diagram_fit_rect (&fit, &geometry->zone, rect);
  return TRUE;
}

/**
 * koers_diagram_renderer_get_art_rect:
 * @self: a #KoersDiagramRenderer
 * @width: viewport width, as given to koers_diagram_renderer_draw()
 * @height: viewport height
 * @style: the style drawn with
 * @rect: (out): where the art stands in the viewport
 *
 * Returns: %TRUE when the viewport is large enough to draw in
 */
gboolean
koers_diagram_renderer_get_art_rect (KoersDiagramRenderer    *self,
                                     double                   width,
                                     double                   height,
                                     const KoersDiagramStyle *style,
                                     cairo_rectangle_t       *rect)
{
  Fit fit;

  g_return_val_if_fail (KOERS_IS_DIAGRAM_RENDERER (self), FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (width <= 0 || height <= 0)
    return FALSE;
  compute_fit (self, width, height, style, &fit);
  *rect = (cairo_rectangle_t) { fit.x, fit.y, fit.width, fit.height };
  return TRUE;
}

/**
 * koers_diagram_renderer_get_stage_label:
 * @self: a #KoersDiagramRenderer
 * @width: viewport width, as given to koers_diagram_renderer_draw()
 * @height: viewport height
 * @style: the style drawn with
 * @stage_id: a stage of the model
 * @label: (out): where its name and caption stand, and their sizes
 *
 * The words of a stage as they are drawn at this size: what markers,
 * tooltips and drag previews keep clear of.
 *
 * Returns: %TRUE if the model has that stage and the diagram names it
 */
gboolean
koers_diagram_renderer_get_stage_label (KoersDiagramRenderer    *self,
                                        double                   width,
                                        double                   height,
                                        const KoersDiagramStyle *style,
                                        const char              *stage_id,
                                        KoersStageLabel         *label)
{
  const StageGeometry *geometry;
  Fit fit;

  g_return_val_if_fail (KOERS_IS_DIAGRAM_RENDERER (self), FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  memset (label, 0, sizeof *label);
  geometry = _koers_diagram_find_geometry (self, stage_id);
  if (geometry == NULL || width <= 0 || height <= 0)
    return FALSE;

  compute_fit (self, width, height, style, &fit);
  _koers_diagram_ensure_labels (self, &fit);
  if (geometry->name_layout == NULL)
    return FALSE;

  _koers_diagram_fit_rect (&fit, &geometry->name_rect, &label->name);
  label->name_size = _koers_diagram_layout_font_size (geometry->name_layout) * fit.scale;
  if (geometry->tagline_layout != NULL)
    {
      _koers_diagram_fit_rect (&fit, &geometry->tagline_rect, &label->caption);
      label->caption_size = _koers_diagram_layout_font_size (geometry->tagline_layout) * fit.scale;
    }
  return TRUE;
}

/**
 * koers_diagram_renderer_get_marker_rect:
 * @self: a #KoersDiagramRenderer
 * @width: viewport width, as given to koers_diagram_renderer_draw()
 * @height: viewport height
 * @style: the style drawn with; its current and target say where markers are
 * @marker: which marker
 * @rect: (out): the box around the marker and its label, in the viewport
 *
 * Returns: %TRUE if @marker stands on a stage
 */
gboolean
koers_diagram_renderer_get_marker_rect (KoersDiagramRenderer    *self,
                                        double                   width,
                                        double                   height,
                                        const KoersDiagramStyle *style,
                                        KoersMarker              marker,
                                        cairo_rectangle_t       *rect)
{
  MarkerPlace places[2];
  Fit fit;

  g_return_val_if_fail (KOERS_IS_DIAGRAM_RENDERER (self), FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (marker == KOERS_MARKER_CURRENT || marker == KOERS_MARKER_TARGET, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  compute_fit (self, width, height, style, &fit);
  _koers_diagram_place_markers (self, &fit, style, places);
  if (!places[marker].placed)
    return FALSE;
  *rect = places[marker].rect;
  return TRUE;
}

/**
 * koers_diagram_renderer_marker_at:
 * @self: a #KoersDiagramRenderer
 * @width: viewport width, as given to koers_diagram_renderer_draw()
 * @height: viewport height
 * @style: the style drawn with
 * @x: a point in the viewport
 * @y: a point in the viewport
 * @found: (out): whether a marker is under the point
 *
 * Finds the marker under a point, to start dragging it. Where markers
 * overlap, the one drawn on top wins.
 *
 * Returns: the marker under the point; only meaningful when @found
 */
KoersMarker
koers_diagram_renderer_marker_at (KoersDiagramRenderer    *self,
                                  double                   width,
                                  double                   height,
                                  const KoersDiagramStyle *style,
                                  double                   x,
                                  double                   y,
                                  gboolean                *found)
{
  MarkerPlace places[2];
  Fit fit;

  g_return_val_if_fail (found != NULL, KOERS_MARKER_CURRENT);
  *found = FALSE;
  g_return_val_if_fail (KOERS_IS_DIAGRAM_RENDERER (self), KOERS_MARKER_CURRENT);
  g_return_val_if_fail (style != NULL, KOERS_MARKER_CURRENT);

  compute_fit (self, width, height, style, &fit);
  _koers_diagram_place_markers (self, &fit, style, places);
  for (int m = KOERS_MARKER_CURRENT; m <= KOERS_MARKER_TARGET; m++)
    {
      if (places[m].placed && rect_contains (&places[m].rect, x, y))
        {
          *found = TRUE;
          return m;
        }
    }
  return KOERS_MARKER_CURRENT;
}

/**
 * koers_diagram_renderer_get_marks:
 * @self: a #KoersDiagramRenderer
 * @width: viewport width, as given to koers_diagram_renderer_draw()
 * @height: viewport height
 * @style: the style drawn with: its suggested, previous and others
 *
 * Where the marks beside Now and Goal stand: for the canvas's tooltips
 * and for tests that keep them off the words.
 *
 * Returns: (transfer full) (element-type KoersDiagramMark): the marks shown
 */
GArray *
koers_diagram_renderer_get_marks (KoersDiagramRenderer    *self,
                                  double                   width,
                                  double                   height,
                                  const KoersDiagramStyle *style)
{
  GArray *marks = g_array_new (FALSE, TRUE, sizeof (KoersDiagramMark));
  GArray *extras;
  Fit fit;

  g_return_val_if_fail (KOERS_IS_DIAGRAM_RENDERER (self), marks);
  g_return_val_if_fail (style != NULL, marks);

  compute_fit (self, width, height, style, &fit);
  extras = _koers_diagram_place_extras (self, &fit, style);
  for (guint i = 0; i < extras->len; i++)
    {
      const ExtraPlace *place = &g_array_index (extras, ExtraPlace, i);
      KoersDiagramMark mark = { place->kind, place->index, place->rect };

      g_array_append_val (marks, mark);
    }
  return marks;
}
