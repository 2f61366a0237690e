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

/* What the overlay's kept images may take, about four images of a
 * 1920×1080 canvas at 2×, before they are let go and made again. */
#define KEPT_BYTES_MAX (128u << 20)
#define WARM_INTERVAL_MS 100

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
  self->kept_bytes = 0;
  g_clear_handle_id (&self->warm_id, g_source_remove);
  /* The tray's markers too: they are kept in the theme's colours. */
  for (guint m = 0; m < G_N_ELEMENTS (self->tray_glyphs); m++)
    g_clear_pointer (&self->tray_glyphs[m], gsk_render_node_unref);
  /* And its measures: its hint is in the theme's font. */
  self->tray_measured = FALSE;
  g_clear_object (&self->tray_hint);
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

static gboolean warm_lit_stages (gpointer data);

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
  /* Not at once: a resize draws a new base on every frame, and drops the
   * timeout with it, so the stages are lit ahead once the size holds. */
  if (self->warm_id == 0)
    self->warm_id = g_timeout_add_full (G_PRIORITY_LOW, WARM_INTERVAL_MS, warm_lit_stages, self, NULL);
  return self->base_node;
}

/* The overlay's parts, each a node of its own within its box, so that a
 * drag repaints the markers that moved and the stage whose light changed,
 * not the box around all of them: the lit stage, the focused stage's
 * ring, then each marker and mark. Each node draws only its own layer,
 * clipped to its box: translucent parts drawn by two overlapping nodes
 * would show twice, so markers and marks whose boxes overlap share one. */
typedef struct {
  graphene_rect_t    box;
  KoersDiagramLayers layer;
  char              *what;   /* the stage, or the markers and marks: which, where, how */
} OverlayPart;

static void
overlay_part_clear (gpointer data)
{
  g_free (((OverlayPart *) data)->what);
}

/* Whole units: at a whole scale a part's image lands on whole device
 * pixels, and painting it is a copy. */
static void
snap_box (graphene_rect_t       *box,
          const graphene_rect_t *view)
{
  double x0 = floor (box->origin.x), y0 = floor (box->origin.y);
  double x1 = ceil (box->origin.x + box->size.width);
  double y1 = ceil (box->origin.y + box->size.height);

  graphene_rect_init (box, x0, y0, x1 - x0, y1 - y0);
  if (!graphene_rect_intersection (box, view, box))
    graphene_rect_init (box, 0, 0, 0, 0);
}

static gboolean
boxes_overlap (const graphene_rect_t *a,
               const graphene_rect_t *b)
{
  return a->origin.x < b->origin.x + b->size.width && b->origin.x < a->origin.x + a->size.width &&
         a->origin.y < b->origin.y + b->size.height && b->origin.y < a->origin.y + a->size.height;
}

/* Adds a box of the markers' layer, merged with any it overlaps; @what
 * (taken) says what it shows. */
static void
add_marker_box (GArray                *parts,
                guint                  first,
                graphene_rect_t        box,
                char                  *what,
                const graphene_rect_t *view)
{
  snap_box (&box, view);
  if (box.size.width <= 0 || box.size.height <= 0)
    {
      g_free (what);
      return;
    }
  /* A merged box may overlap others it did not before: merge again. */
  for (gboolean merged = TRUE; merged;)
    {
      merged = FALSE;
      for (guint i = first; i < parts->len && !merged; i++)
        {
          OverlayPart *other = &g_array_index (parts, OverlayPart, i);

          if (boxes_overlap (&box, &other->box))
            {
              char *both = g_strconcat (other->what, "\x1e", what, NULL);

              graphene_rect_union (&box, &other->box, &box);
              g_free (what);
              what = both;
              g_array_remove_index (parts, i);
              merged = TRUE;
            }
        }
    }
  g_array_append_val (parts, ((OverlayPart) { box, KOERS_DIAGRAM_LAYER_MARKERS, what }));
}

/* The part that lights @stage_id or rings it. */
static gboolean
stage_part (KoersModelCanvas        *self,
            double                   width,
            double                   height,
            const KoersDiagramStyle *style,
            const char              *stage_id,
            KoersDiagramLayers       layer,
            OverlayPart             *part)
{
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, width, height);
  cairo_rectangle_t rect;
  double margin;

  if (stage_id == NULL ||
      !koers_diagram_renderer_get_stage_rect (self->renderer, width, height, style, stage_id, &rect))
    return FALSE;
  /* The ring stands 4.5 units out with a rim 5 wide; the light stays
   * within the zone, but for its edge's antialiasing. The smaller the
   * box, the less a frame repaints. */
  margin = layer == KOERS_DIAGRAM_LAYER_FOCUS ? 12 : 2;
  graphene_rect_init (&part->box, rect.x - margin, rect.y - margin,
                      rect.width + 2 * margin, rect.height + 2 * margin);
  snap_box (&part->box, &view);
  if (part->box.size.width <= 0 || part->box.size.height <= 0)
    return FALSE;
  part->layer = layer;
  part->what = g_strdup (stage_id);
  return TRUE;
}

static GArray *
overlay_parts (KoersModelCanvas        *self,
               double                   width,
               double                   height,
               const KoersDiagramStyle *style)
{
  const struct { const char *stage; KoersDiagramLayers layer; } stages[] = {
    { style->highlight, KOERS_DIAGRAM_LAYER_HIGHLIGHT },
    { style->focus, KOERS_DIAGRAM_LAYER_FOCUS },
  };
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, width, height);
  GArray *parts = g_array_new (FALSE, TRUE, sizeof (OverlayPart));
  g_autoptr(GArray) marks = NULL;
  graphene_rect_t now_box;
  gboolean now_placed = FALSE;
  cairo_rectangle_t rect;
  guint first;

  g_array_set_clear_func (parts, overlay_part_clear);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      OverlayPart part;

      if (stage_part (self, width, height, style, stages[i].stage, stages[i].layer, &part))
        g_array_append_val (parts, part);
    }

  first = parts->len;
  for (KoersMarker m = KOERS_MARKER_CURRENT; m <= KOERS_MARKER_TARGET; m++)
    if (koers_diagram_renderer_get_marker_rect (self->renderer, width, height, style, m, &rect))
      {
        double grow = 0.5 * rect.height + 4;
        graphene_rect_t box = GRAPHENE_RECT_INIT (rect.x - grow, rect.y - grow,
                                                  rect.width + 2 * grow, rect.height + 2 * grow);

        if (m == KOERS_MARKER_CURRENT)
          {
            now_box = box;
            now_placed = TRUE;
          }
        add_marker_box (parts, first, box,
                        g_strdup_printf ("marker %d %g,%g,%g,%g %d", m, rect.x, rect.y, rect.width, rect.height,
                                         style->hide_marker == (int) m),
                        &view);
      }
  marks = koers_diagram_renderer_get_marks (self->renderer, width, height, style);
  for (guint i = 0; i < marks->len; i++)
    {
      const KoersDiagramMark *mark = &g_array_index (marks, KoersDiagramMark, i);
      graphene_rect_t box = GRAPHENE_RECT_INIT (mark->rect.x - 8, mark->rect.y - 8,
                                                mark->rect.width + 16, mark->rect.height + 16);

      /* The trail runs from the last round's Now to today's: one box
       * around both holds it whole. */
      if (mark->kind == KOERS_DIAGRAM_MARK_PREVIOUS && now_placed)
        graphene_rect_union (&box, &now_box, &box);
      add_marker_box (parts, first, box,
                      g_strdup_printf ("mark %d %u %s %g,%g,%g,%g", mark->kind, mark->index,
                                       mark->kind == KOERS_DIAGRAM_MARK_OTHER && mark->index < style->n_others &&
                                       style->others[mark->index].name ? style->others[mark->index].name : "",
                                       mark->rect.x, mark->rect.y, mark->rect.width, mark->rect.height),
                      &view);
    }
  return parts;
}

/* What a part's pixels depend on besides the base's size, scale and
 * theme: the stage lit or focused, or the markers and marks it holds and
 * where. A marker that stays put keeps its image while another moves. */
static char *
part_key (const OverlayPart *part)
{
  switch ((int) part->layer)
    {
    case KOERS_DIAGRAM_LAYER_HIGHLIGHT:
    case KOERS_DIAGRAM_LAYER_FOCUS:
      return g_strdup_printf ("%d\x1f%s", part->layer, part->what);
    default:
      return g_strdup_printf ("%d\x1f%g,%g,%g,%g\x1f%s", part->layer, part->box.origin.x, part->box.origin.y,
                              part->box.size.width, part->box.size.height, part->what);
    }
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
  g_autofree char *key = part_key (part);
  KeptPart *kept;
  cairo_t *cr;

  if (self->kept_parts == NULL)
    self->kept_parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, kept_part_free);
  kept = g_hash_table_lookup (self->kept_parts, key);
  if (kept != NULL && graphene_rect_equal (&kept->box, &part->box))
    return kept->node;

  /* Marks and markers that moved leave images no frame asks for: a
   * drag asks for two or three per stage, so past a hundred, or past
   * what a few screens of pixels take, start again. */
  if (g_hash_table_size (self->kept_parts) >= 128 || self->kept_bytes > KEPT_BYTES_MAX)
    {
      g_hash_table_remove_all (self->kept_parts);
      self->kept_bytes = 0;
    }

  kept = g_new0 (KeptPart, 1);
  kept->box = part->box;
  kept->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) part->box.size.width * scale,
                                            (int) part->box.size.height * scale);
  cairo_surface_set_device_scale (kept->image, scale, scale);
  self->kept_bytes += (gsize) cairo_image_surface_get_stride (kept->image) *
                      cairo_image_surface_get_height (kept->image);
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

/* Makes the kept images of every part @style shows that are not kept
 * yet; says whether it made any. */
static gboolean
warm_parts (KoersModelCanvas        *self,
            int                      width,
            int                      height,
            int                      scale,
            const KoersDiagramStyle *style)
{
  g_autoptr(GArray) parts = overlay_parts (self, width, height, style);
  gboolean made = FALSE;

  for (guint i = 0; i < parts->len; i++)
    {
      const OverlayPart *part = &g_array_index (parts, OverlayPart, i);
      g_autofree char *key = part_key (part);

      if (self->kept_parts == NULL || !g_hash_table_contains (self->kept_parts, key))
        {
          ensure_part_node (self, width, height, scale, style, part);
          made = TRUE;
        }
    }
  return made;
}

/* After the base is drawn, what a drag shows is made ahead, a little a
 * call: first the lit image of every stage, then for each marker and
 * stage the marker's faded preview where it would land there. A first
 * drag then finds every image made and never waits for librsvg. One
 * call takes about as long as that wait (a few ms at 2×, tens on a busy
 * machine), so calls come WARM_INTERVAL_MS apart, leaving the main loop
 * to input and frames between them. */
static gboolean
warm_lit_stages (gpointer data)
{
  KoersModelCanvas *self = data;
  KoersDiagramStyle style;
  int width = self->base_key[0], height = self->base_key[1], scale = self->base_key[2];
  guint n_stages;

  if (self->base_node == NULL || self->renderer == NULL || self->model == NULL ||
      self->kept_bytes > KEPT_BYTES_MAX / 2)
    {
      self->warm_id = 0;
      return G_SOURCE_REMOVE;
    }

  n_stages = koers_model_get_n_stages (self->model);
  _koers_model_canvas_fill_base_style (self, &style);
  for (guint i = 0; i < n_stages; i++)
    {
      OverlayPart part;
      g_autofree char *key = NULL;

      style.highlight = koers_model_get_stage (self->model, i)->id;
      if (!stage_part (self, width, height, &style, style.highlight, KOERS_DIAGRAM_LAYER_HIGHLIGHT, &part))
        continue;
      key = part_key (&part);
      if (self->kept_parts == NULL || !g_hash_table_contains (self->kept_parts, key))
        {
          ensure_part_node (self, width, height, scale, &style, &part);
          g_free (part.what);
          return G_SOURCE_CONTINUE;
        }
      g_free (part.what);
    }

  /* As fill_draw_style() has it while a marker is dragged over a stage. */
  for (KoersMarker m = KOERS_MARKER_CURRENT; m <= KOERS_MARKER_TARGET; m++)
    for (guint i = 0; i < n_stages; i++)
      {
        const char *stage = koers_model_get_stage (self->model, i)->id;

        _koers_model_canvas_fill_base_style (self, &style);
        style.hide_marker = m;
        style.highlight = stage;
        if (m == KOERS_MARKER_CURRENT)
          style.current = stage;
        else
          style.target = stage;
        if (warm_parts (self, width, height, scale, &style))
          return G_SOURCE_CONTINUE;
      }
  self->warm_id = 0;
  return G_SOURCE_REMOVE;
}

/* Below the tray: the base, and the overlay's kept parts on top. */
void
_koers_model_canvas_snapshot_diagram (KoersModelCanvas *self,
                                      GtkSnapshot      *snapshot,
                                      double            width,
                                      double            height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  g_autoptr(GArray) parts = NULL;
  KoersDiagramStyle style;

  fill_draw_style (self, &style);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, TRAY_HEIGHT));
  gtk_snapshot_append_node (snapshot, ensure_base_node (self, width, height, scale, &style));
  parts = overlay_parts (self, width, height, &style);
  for (guint i = 0; i < parts->len; i++)
    gtk_snapshot_append_node (snapshot, ensure_part_node (self, width, height, scale, &style,
                                                          &g_array_index (parts, OverlayPart, i)));
  gtk_snapshot_restore (snapshot);
}
