/* koers-model-canvas-dnd.c: markers dragged off and dropped on the canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One drag source for the whole canvas: the marker under the pointer is
 * picked in "prepare" and travels as a KoersMarkerRef (with a text form for
 * other programs). The drop target lights up the stage under the pointer
 * and hands the drop to koers_model_canvas_place().
 */
#define G_LOG_DOMAIN "koers-model-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-model-canvas-private.h"

/* How far the drag icon keeps from the pointer, right and down. */
#define DRAG_ICON_OFFSET 18

/* The drag icon: the marker as it stands on the diagram, label and all. */
static GdkPaintable *
create_marker_paintable (KoersModelCanvas *self,
                         KoersMarker       marker,
                         double           *hot_x,
                         double           *hot_y)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  KoersDiagramStyle style;
  graphene_rect_t rect;
  cairo_rectangle_t extents;
  double size = 28;
  graphene_rect_t bounds;
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  cairo_t *cr;

  _koers_model_canvas_fill_base_style (self, &style);
  if (g_strcmp0 (style.current, style.target) != 0 &&
      koers_model_canvas_get_marker_rect (self, marker, &rect))
    size = rect.size.height;

  _koers_model_canvas_measure_marker (marker, size, &extents);
  graphene_rect_init (&bounds, 0, 0, ceil (extents.width) + 4, ceil (extents.height) + 4);

  /* Without a compositor a drag icon cannot be see-through: give it the
   * page behind it rather than a black box. */
  if (!gdk_display_is_composited (display) || !gdk_display_is_rgba (display))
    {
      const KoersColor *page = &koers_palette_get (_koers_model_canvas_is_dark ())->page;

      gtk_snapshot_append_color (snapshot,
                                 &(GdkRGBA) { page->red, page->green, page->blue, 1.0 },
                                 &bounds);
    }

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  koers_render_marker (cr, marker, 2 - extents.x, 2 - extents.y, size, _koers_model_canvas_is_dark (), FALSE);
  /* The icon hangs below and to the right of the pointer, not on it: the
   * name of the stage under the pointer stays in sight while it moves. */
  *hot_x = -DRAG_ICON_OFFSET;
  *hot_y = -DRAG_ICON_OFFSET;
  cairo_destroy (cr);
  return gtk_snapshot_free_to_paintable (snapshot, &bounds.size);
}

/* What a drop does: places @marker on the stage under the point. A drop
 * outside every stage changes nothing. */
static gboolean
drop_at (KoersModelCanvas *self,
         KoersMarker       marker,
         double            x,
         double            y)
{
  const char *stage;

  _koers_model_canvas_clear_drag_preview (self);
  stage = _koers_model_canvas_stage_at (self, x, y);
  if (stage == NULL)
    return FALSE;
  return koers_model_canvas_place (self, marker, stage);
}

/* A drop's value is a KoersMarkerRef or its text form; a marker of another
 * model, or any other text, is refused. */
static gboolean
drop_value (KoersModelCanvas *self,
            const GValue     *value,
            double            x,
            double            y)
{
  g_autoptr(KoersMarkerRef) ref = koers_marker_ref_from_value (value);

  if (ref == NULL || self->model == NULL ||
      g_strcmp0 (ref->model_id, koers_model_get_id (self->model)) != 0)
    {
      _koers_model_canvas_clear_drag_preview (self);
      return FALSE;
    }
  return drop_at (self, ref->marker, x, y);
}

/* --- callbacks ---------------------------------------------------------- */

static GdkContentProvider *
drag_prepare_cb (KoersModelCanvas *self,
                 double            x,
                 double            y,
                 GtkDragSource    *source)
{
  g_autoptr(KoersMarkerRef) ref = NULL;
  KoersMarker marker;

  if (self->model == NULL || self->history == NULL || !_koers_model_canvas_marker_at (self, x, y, &marker))
    return NULL;

  self->source_marker = marker;
  ref = koers_marker_ref_new (koers_model_get_id (self->model), marker);
  return koers_marker_ref_create_content (ref);
}

static void
drag_begin_cb (KoersModelCanvas *self,
               GdkDrag          *drag,
               GtkDragSource    *source)
{
  g_autoptr(GdkPaintable) icon = NULL;
  double hot_x, hot_y;

  if (self->source_marker < 0)
    return;
  icon = create_marker_paintable (self, self->source_marker, &hot_x, &hot_y);
  gtk_drag_source_set_icon (source, icon, hot_x, hot_y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (KoersModelCanvas *self,
             GdkDrag          *drag,
             gboolean          delete_data,
             GtkDragSource    *source)
{
  self->source_marker = -1;
  _koers_model_canvas_clear_drag_preview (self);
}

static GdkDragAction
drop_motion_cb (KoersModelCanvas *self,
                double            x,
                double            y,
                GtkDropTarget    *target)
{
  const GValue *value = gtk_drop_target_get_value (target);
  g_autoptr(KoersMarkerRef) ref = NULL;
  GdkDrop *drop;
  int marker = self->source_marker;

  if (value != NULL)
    {
      ref = koers_marker_ref_from_value (value);
      if (ref == NULL || self->model == NULL ||
          g_strcmp0 (ref->model_id, koers_model_get_id (self->model)) != 0)
        {
          _koers_model_canvas_drag_leave (self);
          return 0;
        }
      marker = ref->marker;
    }

  if (_koers_model_canvas_drag_motion (self, marker, x, y) == NULL)
    return 0;

  drop = gtk_drop_target_get_current_drop (target);
  if (drop != NULL && (gdk_drop_get_actions (drop) & GDK_ACTION_MOVE) == 0)
    return GDK_ACTION_COPY;
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (KoersModelCanvas *self,
               GtkDropTarget    *target)
{
  _koers_model_canvas_drag_leave (self);
}

static gboolean
drop_cb (KoersModelCanvas *self,
         const GValue     *value,
         double            x,
         double            y,
         GtkDropTarget    *target)
{
  return drop_value (self, value, x, y);
}

/* --- private API -------------------------------------------------------- */

void
_koers_model_canvas_init_dnd (KoersModelCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkDragSource *source;

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_swapped (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect_swapped (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (source));

  self->drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (self->drop_target, (GType[]) { KOERS_TYPE_MARKER_REF, G_TYPE_STRING }, 2);
  gtk_drop_target_set_preload (self->drop_target, TRUE);
  g_signal_connect_swapped (self->drop_target, "enter", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect_swapped (self->drop_target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect_swapped (self->drop_target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect_swapped (self->drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (self->drop_target));
}

void
_koers_model_canvas_clear_drag_preview (KoersModelCanvas *self)
{
  g_clear_pointer (&self->drop_stage, g_free);
  self->hover_marker = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --- private API (koers-model-canvas-private.h) ------------------------ */

/**
 * _koers_model_canvas_drag_motion:
 * @marker: the marker being dragged, or -1 when not known yet
 *
 * What a drag over the canvas shows: the stage under the pointer lights
 * up, with a faded preview of @marker standing on it.
 *
 * Returns: (nullable): the stage under the point
 */
const char *
_koers_model_canvas_drag_motion (KoersModelCanvas *self,
                                int               marker,
                                double            x,
                                double            y)
{
  const char *stage;

  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), NULL);

  stage = _koers_model_canvas_stage_at (self, x, y);
  if (marker != self->hover_marker || g_strcmp0 (stage, self->drop_stage) != 0)
    {
      self->hover_marker = marker;
      set_string (&self->drop_stage, stage);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return self->drop_stage;
}

/**
 * _koers_model_canvas_drag_leave:
 *
 * Takes away what _koers_model_canvas_drag_motion() showed.
 */
void
_koers_model_canvas_drag_leave (KoersModelCanvas *self)
{
  g_return_if_fail (KOERS_IS_MODEL_CANVAS (self));
  _koers_model_canvas_clear_drag_preview (self);
}

/**
 * _koers_model_canvas_get_drop_stage:
 *
 * Returns: (nullable): the stage lit up under a drag
 */
const char *
_koers_model_canvas_get_drop_stage (KoersModelCanvas *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), NULL);
  return self->drop_stage;
}
