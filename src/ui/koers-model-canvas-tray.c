/* koers-model-canvas-tray.c: the strip where unplaced markers wait
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Above the diagram, each marker that stands on no stage yet waits in a
 * pill of its own, drawn by the same koers_render_marker() as on the
 * diagram, with a hint beside them. Dragging one out places it.
 */
#define G_LOG_DOMAIN "koers-model-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "koers-model-canvas-private.h"

typedef struct {
  gboolean        shown;
  graphene_rect_t rect;     /* the whole slot: the marker and its label */
  double          glyph_x;  /* centre of the marker's shape */
} TraySlot;

/* What each marker covers at the tray's size: measured once, not on
 * every frame, since drawing a marker to measure it shapes its label. */
static const cairo_rectangle_t *
tray_extents (KoersModelCanvas *self,
              KoersMarker       marker)
{
  if (!self->tray_measured)
    {
      for (int m = KOERS_MARKER_CURRENT; m <= KOERS_MARKER_TARGET; m++)
        _koers_model_canvas_measure_marker (m, TRAY_GLYPH, &self->tray_extents[m]);
      self->tray_measured = TRUE;
      self->n_tray_measures++;
    }
  return &self->tray_extents[marker];
}

static void
tray_layout (KoersModelCanvas *self,
             TraySlot          slots[2],
             double           *hint_x)
{
  double x = TRAY_PADDING;

  for (int m = KOERS_MARKER_CURRENT; m <= KOERS_MARKER_TARGET; m++)
    {
      const cairo_rectangle_t *extents;

      slots[m].shown = self->model != NULL && _koers_model_canvas_get_marker_stage (self, m) == NULL;
      if (!slots[m].shown)
        continue;

      extents = tray_extents (self, m);
      graphene_rect_init (&slots[m].rect, x, 5, extents->width + 16, TRAY_HEIGHT - 10);
      slots[m].glyph_x = x + 8 - extents->x;
      x += slots[m].rect.size.width + 8;
    }
  *hint_x = x + 4;
}

gboolean
_koers_model_canvas_tray_marker_at (KoersModelCanvas *self,
                                    double            x,
                                    double            y,
                                    KoersMarker      *marker)
{
  TraySlot slots[2];
  double hint_x;

  tray_layout (self, slots, &hint_x);
  for (int m = KOERS_MARKER_CURRENT; m <= KOERS_MARKER_TARGET; m++)
    if (slots[m].shown && graphene_rect_contains_point (&slots[m].rect, &GRAPHENE_POINT_INIT (x, y)))
      {
        *marker = m;
        return TRUE;
      }
  return FALSE;
}

/* The marker in its slot, kept as a node while it looks the same: the
 * same node from frame to frame is no damage, and a new one would make
 * every frame of a drag repaint from the tray down to the stage the
 * pointer is over (GTK paints the box around all damage). */
static GskRenderNode *
glyph_node (KoersModelCanvas *self,
            KoersMarker       marker,
            const TraySlot   *slot,
            gboolean          dragging)
{
  double key[8] = {
    slot->rect.origin.x, slot->rect.origin.y, slot->rect.size.width, slot->rect.size.height,
    slot->glyph_x, _koers_model_canvas_is_dark (), dragging, self->theme_serial
  };
  GtkSnapshot *snapshot;
  cairo_t *cr;

  if (self->tray_glyphs[marker] != NULL && memcmp (key, self->tray_glyph_keys[marker], sizeof key) == 0)
    return self->tray_glyphs[marker];

  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &slot->rect);
  koers_render_marker (cr, marker, slot->glyph_x, TRAY_HEIGHT / 2, TRAY_GLYPH,
                       _koers_model_canvas_is_dark (), dragging);
  cairo_destroy (cr);
  g_clear_pointer (&self->tray_glyphs[marker], gsk_render_node_unref);
  self->tray_glyphs[marker] = gtk_snapshot_free_to_node (snapshot);
  memcpy (self->tray_glyph_keys[marker], key, sizeof key);
  return self->tray_glyphs[marker];
}

/* --- private API -------------------------------------------------------- */

void
_koers_model_canvas_snapshot_tray (KoersModelCanvas *self,
                                   GtkSnapshot      *snapshot)
{
  TraySlot slots[2];
  double hint_x;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  GdkRGBA fg = _koers_model_canvas_get_foreground (self);
  GdkRGBA dim = fg;
  GdkRGBA pill = fg;
  int text_height;
  gboolean any = FALSE;
  int dragging = _koers_model_canvas_dragged_marker (self);

  dim.alpha *= 0.7;
  pill.alpha *= 0.08;

  tray_layout (self, slots, &hint_x);
  for (int m = KOERS_MARKER_CURRENT; m <= KOERS_MARKER_TARGET; m++)
    {
      GskRoundedRect rounded;

      if (!slots[m].shown)
        continue;
      any = TRUE;

      gsk_rounded_rect_init_from_rect (&rounded, &slots[m].rect, slots[m].rect.size.height / 2);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &pill, &slots[m].rect);
      gtk_snapshot_pop (snapshot);

      gtk_snapshot_append_node (snapshot, glyph_node (self, m, &slots[m], dragging == m));
    }

  /* Kept while it says the same: a frame that only sets its width again
   * to what it was lays nothing out. The layout follows its context, the
   * widget's, when the font changes. */
  if (self->tray_hint == NULL || self->tray_hint_any != any)
    {
      g_clear_object (&self->tray_hint);
      self->tray_hint = _koers_model_canvas_create_layout (self,
                                                           any ? _("Drag onto a stage")
                                                               : _("Drag a marker to move it"),
                                                           FALSE);
      pango_layout_set_ellipsize (self->tray_hint, PANGO_ELLIPSIZE_END);
      self->tray_hint_any = any;
    }
  pango_layout_set_width (self->tray_hint, MAX (0, width - hint_x - TRAY_PADDING) * PANGO_SCALE);
  pango_layout_get_pixel_size (self->tray_hint, NULL, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (any ? hint_x : TRAY_PADDING, (TRAY_HEIGHT - text_height) / 2));
  gtk_snapshot_append_layout (snapshot, self->tray_hint, &dim);
  gtk_snapshot_restore (snapshot);
}

/* --- public API --------------------------------------------------------- */

/**
 * koers_model_canvas_get_tray_point:
 *
 * Returns: %TRUE when @marker waits in the tray, with its centre in @x, @y
 */
gboolean
koers_model_canvas_get_tray_point (KoersModelCanvas *self,
                                   KoersMarker       marker,
                                   double           *x,
                                   double           *y)
{
  TraySlot slots[2];
  double hint_x;

  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), FALSE);

  tray_layout (self, slots, &hint_x);
  if (!slots[marker].shown)
    return FALSE;
  *x = slots[marker].glyph_x;
  *y = TRAY_HEIGHT / 2;
  return TRUE;
}
