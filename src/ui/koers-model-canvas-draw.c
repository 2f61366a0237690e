/* koers-model-canvas-draw.c: what the canvas shows of its diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diagram is drawn in two parts. What a drag or a hover does not
 * change (the art, the selected stage and the words) is drawn once per
 * size, scale, theme and selection into an image; the lit stage, the
 * focus ring and the markers are drawn on top, within their own bounds,
 * on every frame. GSK's damage tracking then repaints only those bounds.
 */
#define G_LOG_DOMAIN "koers-model-canvas"

#include "config.h"

#include <string.h>

#include "koers-model-canvas-private.h"

static void
fill_draw_style (KoersModelCanvas  *self,
                 KoersDiagramStyle *style)
{
  KoersStageZone *zone = _koers_model_canvas_focused_zone (self);
  int marker = _koers_model_canvas_dragged_marker (self);

  _koers_model_canvas_fill_base_style (self, style);

  if (zone != NULL && self->root != NULL && gtk_window_get_focus_visible (GTK_WINDOW (self->root)))
    style->focus = koers_stage_zone_get_stage_id (zone);

  if (marker >= 0)
    {
      /* The dragged marker is drawn faded where it would land, or where
       * it stands when the pointer is over no stage. */
      style->hide_marker = marker;
      style->highlight = self->drop_stage;
      if (self->drop_stage != NULL)
        {
          if (marker == KOERS_MARKER_CURRENT)
            style->current = self->drop_stage;
          else
            style->target = self->drop_stage;
        }
    }
  else
    style->highlight = self->hover;
}

void
_koers_model_canvas_drop_base (KoersModelCanvas *self)
{
  g_clear_pointer (&self->base_node, gsk_render_node_unref);
  g_clear_pointer (&self->base_surface, cairo_surface_destroy);
  g_clear_pointer (&self->base_selected, g_free);
}

/* The part of the diagram that a drag or a hover does not change, drawn
 * once into an image and kept as one render node that paints it. The
 * same node from frame to frame is what GSK's damage tracking skips, so
 * a drag frame repaints only the overlay's bounds. (A GdkTexture would
 * be downloaded into a new cairo surface on every frame by GTK 4.8's
 * cairo renderer: 200 ms a frame at 2×, bench/canvas.c.) */
static GskRenderNode *
ensure_base_node (KoersModelCanvas        *self,
                  int                      width,
                  int                      height,
                  int                      scale,
                  const KoersDiagramStyle *style)
{
  int key[4] = { width, height, scale, style->render.dark };
  cairo_surface_t *surface;
  GtkSnapshot *snapshot;
  cairo_t *cr;

  if (self->base_node != NULL && memcmp (key, self->base_key, sizeof key) == 0 &&
      g_strcmp0 (self->base_selected, style->selected) == 0)
    return self->base_node;

  _koers_model_canvas_drop_base (self);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  koers_diagram_renderer_draw_layers (self->renderer, cr, width, height, style, KOERS_DIAGRAM_LAYER_BASE);
  cairo_destroy (cr);

  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  self->base_node = gtk_snapshot_free_to_node (snapshot);
  /* Kept alive: the node holds the image as a snapshot of it, which turns
   * into a copy of its own once the image is gone. */
  self->base_surface = surface;

  memcpy (self->base_key, key, sizeof key);
  self->base_selected = g_strdup (style->selected);
  return self->base_node;
}

/* The overlay's parts, each a node of its own within its box, so that a
 * drag repaints two markers and a stage, not the box around all of them:
 * the lit stage, the focused stage's ring, and the markers, in that
 * order. Each node draws only its own layer: translucent parts drawn by
 * two overlapping nodes would show twice. */
typedef struct {
  graphene_rect_t    box;
  KoersDiagramLayers layer;
} OverlayPart;

static guint
overlay_parts (KoersModelCanvas        *self,
               double                   width,
               double                   height,
               const KoersDiagramStyle *style,
               OverlayPart              parts[3])
{
  const struct { const char *stage; KoersDiagramLayers layer; } stages[] = {
    { style->highlight, KOERS_DIAGRAM_LAYER_HIGHLIGHT },
    { style->focus, KOERS_DIAGRAM_LAYER_FOCUS },
  };
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, width, height);
  cairo_rectangle_t rect;
  gboolean any = FALSE;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    if (stages[i].stage != NULL &&
        koers_diagram_renderer_get_stage_rect (self->renderer, width, height, style, stages[i].stage, &rect))
      parts[n++] = (OverlayPart) {
        GRAPHENE_RECT_INIT (rect.x - 12, rect.y - 12, rect.width + 24, rect.height + 24),
        stages[i].layer
      };

  /* Both markers in one node: they never overlap each other. */
  for (KoersMarker m = KOERS_MARKER_CURRENT; m <= KOERS_MARKER_TARGET; m++)
    if (koers_diagram_renderer_get_marker_rect (self->renderer, width, height, style, m, &rect))
      {
        double grow = 0.5 * rect.height + 4;
        graphene_rect_t box = GRAPHENE_RECT_INIT (rect.x - grow, rect.y - grow,
                                                  rect.width + 2 * grow, rect.height + 2 * grow);

        if (any)
          graphene_rect_union (&parts[n].box, &box, &parts[n].box);
        else
          parts[n] = (OverlayPart) { box, KOERS_DIAGRAM_LAYER_MARKERS };
        any = TRUE;
      }
  /* The marks beside them go in the same node: they are drawn by the
   * same layer. The trail runs between the last round's Now and today's,
   * both inside the union. */
  {
    g_autoptr(GArray) marks = koers_diagram_renderer_get_marks (self->renderer, width, height, style);

    for (guint i = 0; i < marks->len; i++)
      {
        const cairo_rectangle_t *mark = &g_array_index (marks, KoersDiagramMark, i).rect;
        graphene_rect_t box = GRAPHENE_RECT_INIT (mark->x - 8, mark->y - 8,
                                                  mark->width + 16, mark->height + 16);

        if (any)
          graphene_rect_union (&parts[n].box, &box, &parts[n].box);
        else
          parts[n] = (OverlayPart) { box, KOERS_DIAGRAM_LAYER_MARKERS };
        any = TRUE;
      }
  }
  if (any)
    n++;

  for (guint i = 0; i < n; i++)
    graphene_rect_intersection (&parts[i].box, &view, &parts[i].box);
  return n;
}

/* Below the tray: the base, and the overlay drawn on top within
 * its bounds. */
void
_koers_model_canvas_snapshot_diagram (KoersModelCanvas *self,
                                      GtkSnapshot      *snapshot,
                                      double            width,
                                      double            height)
{
  KoersDiagramStyle style;
  OverlayPart parts[3];
  guint n_parts;

  fill_draw_style (self, &style);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, TRAY_HEIGHT));
  gtk_snapshot_append_node (snapshot, ensure_base_node (self, width, height,
                                                        gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                                        &style));
  n_parts = overlay_parts (self, width, height, &style, parts);
  for (guint i = 0; i < n_parts; i++)
    {
      const graphene_rect_t *box = &parts[i].box;
      cairo_t *cr;

      if (box->size.width <= 0 || box->size.height <= 0)
        continue;
      cr = gtk_snapshot_append_cairo (snapshot, box);
      cairo_rectangle (cr, box->origin.x, box->origin.y, box->size.width, box->size.height);
      cairo_clip (cr);
      koers_diagram_renderer_draw_layers (self->renderer, cr, width, height, &style, parts[i].layer);
      cairo_destroy (cr);
    }
  gtk_snapshot_restore (snapshot);
}
