/* koers-model-canvas-draw.c: what the canvas shows of its diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diagram is drawn in two parts. What a drag or a hover does not
 * change (the art, the selected stage and the words) is drawn once per
 * size, scale, theme and selection into an image; the lit stage, the
 * focus ring and the markers are drawn on top, each into a small image of
 * its own box, kept for as long as the base: a drag frame paints kept
 * pixels and never asks librsvg for anything. Kept images are kept
 * nodes, which GSK's damage tracking skips, so a frame repaints only the
 * parts that changed.
 */
#define G_LOG_DOMAIN "koers-model-canvas"

#include "config.h"

#include <math.h>
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

/* One part of the overlay drawn once into an image of its box, at the
 * base's size and scale, and the node that paints it. The same node from
 * frame to frame is no damage; lighting another stage is a blit. */
typedef struct {
  graphene_rect_t  box;
  cairo_surface_t *image;   /* kept alive, as the base's (see below) */
  GskRenderNode   *node;
} KeptPart;

static void
kept_part_free (gpointer data)
{
  KeptPart *part = data;

  g_clear_pointer (&part->node, gsk_render_node_unref);
  g_clear_pointer (&part->image, cairo_surface_destroy);
  g_free (part);
}

void
_koers_model_canvas_drop_base (KoersModelCanvas *self)
{
  g_clear_pointer (&self->base_node, gsk_render_node_unref);
  g_clear_pointer (&self->base_surface, cairo_surface_destroy);
  g_clear_pointer (&self->base_selected, g_free);
  g_clear_pointer (&self->kept_parts, g_hash_table_unref);
}

/**
 * _koers_model_canvas_theme_changed:
 *
 * The theme, the colour scheme or the fonts changed: what the canvas kept
 * is drawn again on the next frame.
 */
void
_koers_model_canvas_theme_changed (KoersModelCanvas *self)
{
  self->theme_serial++;
  _koers_model_canvas_drop_base (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A node painting @surface at @box, in the canvas's coordinates. */
static GskRenderNode *
image_node (cairo_surface_t       *surface,
            const graphene_rect_t *box)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, box);
  cairo_set_source_surface (cr, surface, box->origin.x, box->origin.y);
  cairo_paint (cr);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (snapshot);
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
  int key[5] = { width, height, scale, style->render.dark, self->theme_serial };
  cairo_surface_t *surface;
  cairo_t *cr;

  if (self->base_node != NULL && memcmp (key, self->base_key, sizeof key) == 0 &&
      g_strcmp0 (self->base_selected, style->selected) == 0)
    return self->base_node;

  /* Another size, scale or theme: the overlay's kept parts go too. A new
   * selection keeps them, since no part draws the selected stage. */
  if (memcmp (key, self->base_key, sizeof key) != 0)
    _koers_model_canvas_drop_base (self);
  g_clear_pointer (&self->base_node, gsk_render_node_unref);
  g_clear_pointer (&self->base_surface, cairo_surface_destroy);
  g_clear_pointer (&self->base_selected, g_free);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  koers_diagram_renderer_draw_layers (self->renderer, cr, width, height, style, KOERS_DIAGRAM_LAYER_BASE);
  cairo_destroy (cr);

  self->base_node = image_node (surface, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Kept alive: the node holds the image as a snapshot of it, which turns
   * into a copy of its own once the image is gone. */
  self->base_surface = surface;

  memcpy (self->base_key, key, sizeof key);
  self->base_selected = g_strdup (style->selected);
  self->n_base_builds++;
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

  /* Whole units: at a whole scale a part's image lands on whole device
   * pixels, and painting it is a copy. */
  for (guint i = 0; i < n; i++)
    {
      graphene_rect_t *box = &parts[i].box;
      double x0 = floor (box->origin.x), y0 = floor (box->origin.y);
      double x1 = ceil (box->origin.x + box->size.width);
      double y1 = ceil (box->origin.y + box->size.height);

      graphene_rect_init (box, x0, y0, x1 - x0, y1 - y0);
      graphene_rect_intersection (box, &view, box);
    }
  return n;
}

/* What a part's pixels depend on besides the base's size, scale and
 * theme: the stage lit or focused, or everything the markers show. */
static char *
part_key (const KoersDiagramStyle *style,
          KoersDiagramLayers       layer)
{
  GString *key;

  if (layer == KOERS_DIAGRAM_LAYER_HIGHLIGHT)
    return g_strconcat ("lit\x1f", style->highlight, NULL);
  if (layer == KOERS_DIAGRAM_LAYER_FOCUS)
    return g_strconcat ("focus\x1f", style->focus, NULL);

  key = g_string_new ("markers");
  g_string_append_printf (key, "\x1f%s\x1f%s\x1f%d\x1f%s\x1f%s",
                          style->current ? style->current : "",
                          style->target ? style->target : "",
                          style->hide_marker,
                          style->suggested ? style->suggested : "",
                          style->previous ? style->previous : "");
  for (guint i = 0; i < style->n_others; i++)
    g_string_append_printf (key, "\x1f%s\x1e%s", style->others[i].name ? style->others[i].name : "",
                            style->others[i].stage ? style->others[i].stage : "");
  return g_string_free (key, FALSE);
}

/* The kept image of one overlay part, drawn now if it was not yet. */
static GskRenderNode *
ensure_part_node (KoersModelCanvas        *self,
                  double                   width,
                  double                   height,
                  int                      scale,
                  const KoersDiagramStyle *style,
                  const OverlayPart       *part)
{
  g_autofree char *key = part_key (style, part->layer);
  KeptPart *kept;
  cairo_t *cr;

  if (self->kept_parts == NULL)
    self->kept_parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, kept_part_free);
  kept = g_hash_table_lookup (self->kept_parts, key);
  if (kept != NULL && graphene_rect_equal (&kept->box, &part->box))
    return kept->node;

  /* Marks and markers that moved leave images no frame asks for: a
   * drag asks for one per stage, so past a few dozen start again. */
  if (g_hash_table_size (self->kept_parts) >= 64)
    g_hash_table_remove_all (self->kept_parts);

  kept = g_new0 (KeptPart, 1);
  kept->box = part->box;
  kept->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) part->box.size.width * scale,
                                            (int) part->box.size.height * scale);
  cairo_surface_set_device_scale (kept->image, scale, scale);
  cr = cairo_create (kept->image);
  cairo_translate (cr, -part->box.origin.x, -part->box.origin.y);
  cairo_rectangle (cr, part->box.origin.x, part->box.origin.y, part->box.size.width, part->box.size.height);
  cairo_clip (cr);
  koers_diagram_renderer_draw_layers (self->renderer, cr, width, height, style, part->layer);
  cairo_destroy (cr);
  kept->node = image_node (kept->image, &part->box);
  g_hash_table_replace (self->kept_parts, g_steal_pointer (&key), kept);
  return kept->node;
}

/* Below the tray: the base, and the overlay's kept parts on top. */
void
_koers_model_canvas_snapshot_diagram (KoersModelCanvas *self,
                                      GtkSnapshot      *snapshot,
                                      double            width,
                                      double            height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  KoersDiagramStyle style;
  OverlayPart parts[3];
  guint n_parts;

  fill_draw_style (self, &style);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, TRAY_HEIGHT));
  gtk_snapshot_append_node (snapshot, ensure_base_node (self, width, height, scale, &style));
  n_parts = overlay_parts (self, width, height, &style, parts);
  for (guint i = 0; i < n_parts; i++)
    if (parts[i].box.size.width > 0 && parts[i].box.size.height > 0)
      gtk_snapshot_append_node (snapshot, ensure_part_node (self, width, height, scale, &style, &parts[i]));
  gtk_snapshot_restore (snapshot);
}
