/* koers-model-canvas.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas draws with the same renderer as the exports, hit-tests with
 * it, and keeps one invisible KoersStageZone child per stage for keyboard
 * focus and screen readers. Markers are dragged as a KoersMarkerRef; the
 * drop, the keys and the stage menu all end in koers_model_canvas_place(),
 * which places through the history so that every move can be undone.
 */
#define G_LOG_DOMAIN "koers-model-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "koers-diagram-renderer.h"
#include "koers-marker-ref.h"
#include "koers-model-canvas.h"
#include "koers-stage-zone.h"

/* The strip above the diagram where unplaced markers wait. */
#define TRAY_HEIGHT   44.0
#define TRAY_PADDING  12.0
#define TRAY_GLYPH    22.0

typedef struct {
  gboolean        shown;
  graphene_rect_t rect;     /* the whole slot: the marker and its label */
  double          glyph_x;  /* centre of the marker's shape */
} TraySlot;

struct _KoersModelCanvas
{
  GtkWidget             parent_instance;

  KoersHistory         *history;
  KoersProject         *project;
  gulong                changed_id;

  KoersModel           *model;
  KoersDiagramRenderer *renderer;
  GHashTable           *renderers;      /* KoersModel* → KoersDiagramRenderer*, shown before */
  char                 *error_message;

  GPtrArray            *zones;          /* KoersStageZone*, in the model's order */
  char                 *selected;       /* stage id, or NULL */
  char                 *hover;          /* stage under the pointer outside a drag */
  char                 *drop_stage;     /* stage under the pointer in a drag */
  int                   source_marker;  /* marker dragged from this canvas, or -1 */
  int                   hover_marker;   /* marker of a drag over this canvas, or -1 */

  GtkDropTarget        *drop_target;
  GtkWidget            *menu;
  GtkRoot              *root;
  gulong                focus_visible_id;
  int                   max_height;     /* of the diagram, without the tray */
};

G_DEFINE_FINAL_TYPE (KoersModelCanvas, koers_model_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_MODEL,
  PROP_SELECTED_STAGE,
  N_PROPS
};

enum {
  PLACED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* --- helpers ------------------------------------------------------------ */

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static const char *
get_marker_stage (KoersModelCanvas *self,
                  KoersMarker       marker)
{
  if (self->project == NULL || self->model == NULL)
    return NULL;
  return koers_project_get_marker (self->project, koers_model_get_id (self->model), marker);
}

static double
diagram_width (KoersModelCanvas *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self));
}

static double
diagram_height (KoersModelCanvas *self)
{
  return MAX (0.0, gtk_widget_get_height (GTK_WIDGET (self)) - TRAY_HEIGHT);
}

/* The style as it stands, without the preview of a drag: what hit-testing
 * and the zones use. */
static void
fill_base_style (KoersModelCanvas  *self,
                 KoersDiagramStyle *style)
{
  koers_diagram_style_init (style);
  style->render.dark = is_dark ();
  style->render.background = KOERS_BACKGROUND_TRANSPARENT;
  style->current = get_marker_stage (self, KOERS_MARKER_CURRENT);
  style->target = get_marker_stage (self, KOERS_MARKER_TARGET);
  style->selected = self->selected;
}

static int
dragged_marker (KoersModelCanvas *self)
{
  return self->hover_marker >= 0 ? self->hover_marker : self->source_marker;
}

static KoersStageZone *
focused_zone (KoersModelCanvas *self)
{
  GtkWidget *child = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return KOERS_IS_STAGE_ZONE (child) ? KOERS_STAGE_ZONE (child) : NULL;
}

static void
fill_draw_style (KoersModelCanvas  *self,
                 KoersDiagramStyle *style)
{
  KoersStageZone *zone = focused_zone (self);
  int marker = dragged_marker (self);

  fill_base_style (self, style);

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

static const char *
stage_at (KoersModelCanvas *self,
          double            x,
          double            y)
{
  KoersDiagramStyle style;

  if (self->renderer == NULL || y < TRAY_HEIGHT)
    return NULL;
  fill_base_style (self, &style);
  return koers_diagram_renderer_stage_at (self->renderer,
                                          diagram_width (self), diagram_height (self),
                                          &style, x, y - TRAY_HEIGHT);
}

static gboolean
get_stage_rect (KoersModelCanvas  *self,
                const char        *stage_id,
                graphene_rect_t   *rect)
{
  KoersDiagramStyle style;
  cairo_rectangle_t r;

  if (self->renderer == NULL || stage_id == NULL)
    return FALSE;
  fill_base_style (self, &style);
  if (!koers_diagram_renderer_get_stage_rect (self->renderer,
                                              diagram_width (self), diagram_height (self),
                                              &style, stage_id, &r))
    return FALSE;
  graphene_rect_init (rect, r.x, r.y + TRAY_HEIGHT, r.width, r.height);
  return TRUE;
}

static PangoLayout *
create_layout (KoersModelCanvas *self,
               const char       *text,
               gboolean          bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (bold)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
  return layout;
}

/* What koers_render_marker() covers around the centre of the shape: the
 * shape and its label pill, measured by drawing it once on a recording
 * surface, so that the tray and the drag icon follow the renderer. */
static void
measure_marker (KoersMarker        marker,
                double             size,
                cairo_rectangle_t *extents)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  koers_render_marker (cr, marker, 0, 0, size, FALSE, FALSE);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &extents->x, &extents->y,
                                       &extents->width, &extents->height);
  cairo_surface_destroy (surface);
}

static void
tray_layout (KoersModelCanvas *self,
             TraySlot          slots[2],
             double           *hint_x)
{
  double x = TRAY_PADDING;

  for (int m = KOERS_MARKER_CURRENT; m <= KOERS_MARKER_TARGET; m++)
    {
      cairo_rectangle_t extents;

      slots[m].shown = self->model != NULL && get_marker_stage (self, m) == NULL;
      if (!slots[m].shown)
        continue;

      measure_marker (m, TRAY_GLYPH, &extents);
      graphene_rect_init (&slots[m].rect, x, 5, extents.width + 16, TRAY_HEIGHT - 10);
      slots[m].glyph_x = x + 8 - extents.x;
      x += slots[m].rect.size.width + 8;
    }
  *hint_x = x + 4;
}

static gboolean
tray_marker_at (KoersModelCanvas *self,
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

static gboolean
marker_at (KoersModelCanvas *self,
           double            x,
           double            y,
           KoersMarker      *marker)
{
  KoersDiagramStyle style;
  gboolean found = FALSE;
  KoersMarker m;

  if (tray_marker_at (self, x, y, marker))
    return TRUE;
  if (self->renderer == NULL || y < TRAY_HEIGHT)
    return FALSE;

  fill_base_style (self, &style);
  m = koers_diagram_renderer_marker_at (self->renderer,
                                        diagram_width (self), diagram_height (self),
                                        &style, x, y - TRAY_HEIGHT, &found);
  if (found)
    *marker = m;
  return found;
}

static KoersStageZone *
find_zone (KoersModelCanvas *self,
           const char       *stage_id)
{
  if (stage_id == NULL)
    return NULL;
  for (guint i = 0; i < self->zones->len; i++)
    {
      KoersStageZone *zone = g_ptr_array_index (self->zones, i);

      if (g_strcmp0 (koers_stage_zone_get_stage_id (zone), stage_id) == 0)
        return zone;
    }
  return NULL;
}

static int
zone_position (KoersModelCanvas *self,
               const char       *stage_id)
{
  KoersStageZone *zone = find_zone (self, stage_id);
  guint index;

  if (zone != NULL && g_ptr_array_find (self->zones, zone, &index))
    return index;
  return -1;
}

static void
update_actions (KoersModelCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *now = get_marker_stage (self, KOERS_MARKER_CURRENT);
  const char *goal = get_marker_stage (self, KOERS_MARKER_TARGET);
  gboolean have_stage = self->selected != NULL && self->history != NULL;

  gtk_widget_action_set_enabled (widget, "canvas.place-now", have_stage && g_strcmp0 (now, self->selected) != 0);
  gtk_widget_action_set_enabled (widget, "canvas.place-goal", have_stage && g_strcmp0 (goal, self->selected) != 0);
  gtk_widget_action_set_enabled (widget, "canvas.remove-now", self->history != NULL && now != NULL);
  gtk_widget_action_set_enabled (widget, "canvas.remove-goal", self->history != NULL && goal != NULL);
  gtk_widget_action_set_enabled (widget, "canvas.menu", self->zones->len > 0);
}

static char *
describe_marker (KoersModelCanvas *self,
                 KoersMarker       marker)
{
  const char *stage_id = get_marker_stage (self, marker);
  const KoersStage *stage = stage_id ? koers_model_find_stage (self->model, stage_id) : NULL;

  if (stage == NULL)
    /* TRANSLATORS: %s is "Now" or "Goal" */
    return g_strdup_printf (_("%s is not placed yet."), koers_marker_get_label (marker));
  /* TRANSLATORS: "Now: Listen." — a marker and the stage it stands on */
  return g_strdup_printf (_("%s: %s."), koers_marker_get_label (marker), stage->name);
}

static void
update_markers (KoersModelCanvas *self)
{
  const char *now = get_marker_stage (self, KOERS_MARKER_CURRENT);
  const char *goal = get_marker_stage (self, KOERS_MARKER_TARGET);
  g_autofree char *now_text = NULL;
  g_autofree char *goal_text = NULL;
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->zones->len; i++)
    {
      KoersStageZone *zone = g_ptr_array_index (self->zones, i);
      const char *id = koers_stage_zone_get_stage_id (zone);

      koers_stage_zone_set_markers (zone, g_strcmp0 (id, now) == 0, g_strcmp0 (id, goal) == 0);
    }

  if (self->model != NULL)
    {
      now_text = describe_marker (self, KOERS_MARKER_CURRENT);
      goal_text = describe_marker (self, KOERS_MARKER_TARGET);
      description = g_strjoin (" ", now_text, goal_text,
                               _("Use the arrow keys to choose a stage, N to place Now, G to place Goal, and the Menu key for more."),
                               NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }

  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

static void
clear_drag_preview (KoersModelCanvas *self)
{
  g_clear_pointer (&self->drop_stage, g_free);
  self->hover_marker = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
select_stage (KoersModelCanvas *self,
              const char       *stage_id,
              gboolean          focus)
{
  KoersStageZone *zone = find_zone (self, stage_id);

  if (stage_id != NULL && zone == NULL)
    return;

  if (g_strcmp0 (self->selected, stage_id) != 0)
    {
      set_string (&self->selected, stage_id);
      update_actions (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_STAGE]);
    }
  if (focus && zone != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (zone));
}

static void
remove_zones (KoersModelCanvas *self)
{
  for (guint i = 0; i < self->zones->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->zones, i));
  g_ptr_array_set_size (self->zones, 0);
}

/* The drag icon: the marker as it stands on the diagram, label and all. */
static GdkPaintable *
create_marker_paintable (KoersModelCanvas *self,
                         KoersMarker       marker,
                         double           *hot_x,
                         double           *hot_y)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  KoersDiagramStyle style;
  cairo_rectangle_t rect, extents;
  double size = 28;
  graphene_rect_t bounds;
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  cairo_t *cr;

  fill_base_style (self, &style);
  if (self->renderer != NULL &&
      g_strcmp0 (style.current, style.target) != 0 &&
      koers_diagram_renderer_get_marker_rect (self->renderer,
                                              diagram_width (self), diagram_height (self),
                                              &style, marker, &rect))
    size = rect.height;

  measure_marker (marker, size, &extents);
  graphene_rect_init (&bounds, 0, 0, ceil (extents.width) + 4, ceil (extents.height) + 4);

  /* Without a compositor a drag icon cannot be see-through: give it the
   * page behind it rather than a black box. */
  if (!gdk_display_is_composited (display) || !gdk_display_is_rgba (display))
    {
      const KoersColor *page = &koers_palette_get (is_dark ())->page;

      gtk_snapshot_append_color (snapshot,
                                 &(GdkRGBA) { page->red, page->green, page->blue, 1.0 },
                                 &bounds);
    }

  *hot_x = 2 - extents.x;
  *hot_y = 2 - extents.y;
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  koers_render_marker (cr, marker, *hot_x, *hot_y, size, is_dark (), FALSE);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_paintable (snapshot, &bounds.size);
}

static GdkRGBA
get_foreground (KoersModelCanvas *self)
{
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  return color;
}

/* --- callbacks ---------------------------------------------------------- */

static void
project_changed_cb (KoersModelCanvas *self,
                    int               field,
                    const char       *key,
                    KoersProject     *project)
{
  if (self->model == NULL)
    return;
  if ((field == KOERS_FIELD_CURRENT || field == KOERS_FIELD_TARGET) &&
      g_strcmp0 (key, koers_model_get_id (self->model)) == 0)
    {
      update_markers (self);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
}

static void
click_pressed_cb (KoersModelCanvas *self,
                  int               n_press,
                  double            x,
                  double            y,
                  GtkGestureClick  *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  const char *stage;

  if (button != GDK_BUTTON_SECONDARY)
    return;

  stage = stage_at (self, x, y);
  if (stage == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  select_stage (self, stage, TRUE);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
click_released_cb (KoersModelCanvas *self,
                   int               n_press,
                   double            x,
                   double            y,
                   GtkGestureClick  *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  const char *stage;

  if (button != GDK_BUTTON_PRIMARY)
    return;

  stage = stage_at (self, x, y);
  if (stage != NULL)
    select_stage (self, stage, TRUE);
}

static void
motion_cb (KoersModelCanvas         *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  const char *stage = stage_at (self, x, y);
  KoersMarker marker;

  if (g_strcmp0 (stage, self->hover) != 0)
    {
      set_string (&self->hover, stage);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   marker_at (self, x, y, &marker) ? "grab" : NULL);
}

static void
motion_leave_cb (KoersModelCanvas         *self,
                 GtkEventControllerMotion *controller)
{
  if (self->hover != NULL)
    {
      g_clear_pointer (&self->hover, g_free);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
query_tooltip_cb (KoersModelCanvas *self,
                  int               x,
                  int               y,
                  gboolean          keyboard_mode,
                  GtkTooltip       *tooltip)
{
  const KoersStage *stage = NULL;
  const char *stage_id;
  graphene_rect_t rect;
  KoersMarker marker;
  g_autofree char *markup = NULL;

  /* Never a tooltip over the stage menu. */
  if (self->model == NULL || gtk_widget_get_visible (self->menu))
    return FALSE;

  if (!keyboard_mode && tray_marker_at (self, x, y, &marker))
    {
      gtk_tooltip_set_text (tooltip,
                            marker == KOERS_MARKER_CURRENT
                            ? _("Drag Now onto the stage where your organisation stands today")
                            : _("Drag Goal onto the stage you want to reach"));
      return TRUE;
    }

  stage_id = keyboard_mode ? self->selected : stage_at (self, x, y);
  if (stage_id != NULL)
    stage = koers_model_find_stage (self->model, stage_id);
  if (stage == NULL)
    return FALSE;

  markup = g_markup_printf_escaped ("<b>%s</b>\n%s", stage->name, stage->description);
  gtk_tooltip_set_markup (tooltip, markup);
  if (get_stage_rect (self, stage->id, &rect))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                                rect.origin.x, rect.origin.y,
                                rect.size.width, rect.size.height });
  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (KoersModelCanvas *self,
                 double            x,
                 double            y,
                 GtkDragSource    *source)
{
  g_autoptr(KoersMarkerRef) ref = NULL;
  KoersMarker marker;

  if (self->model == NULL || self->history == NULL || !marker_at (self, x, y, &marker))
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
  clear_drag_preview (self);
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
          koers_model_canvas_drag_leave (self);
          return 0;
        }
      marker = ref->marker;
    }

  if (koers_model_canvas_drag_motion (self, marker, x, y) == NULL)
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
  koers_model_canvas_drag_leave (self);
}

static gboolean
drop_cb (KoersModelCanvas *self,
         const GValue     *value,
         double            x,
         double            y,
         GtkDropTarget    *target)
{
  return koers_model_canvas_drop_value (self, value, x, y);
}

static void
focus_visible_cb (KoersModelCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
place_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);
  KoersMarker marker = g_str_equal (action_name, "canvas.place-now") ? KOERS_MARKER_CURRENT : KOERS_MARKER_TARGET;

  if (self->selected != NULL)
    koers_model_canvas_place (self, marker, self->selected);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);
  KoersMarker marker = g_str_equal (action_name, "canvas.remove-now") ? KOERS_MARKER_CURRENT : KOERS_MARKER_TARGET;

  koers_model_canvas_place (self, marker, NULL);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  koers_model_canvas_popup_menu (KOERS_MODEL_CANVAS (widget));
}

static gboolean
move_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  koers_model_canvas_move_cursor (KOERS_MODEL_CANVAS (widget), g_variant_get_int32 (args));
  return TRUE;
}

static gboolean
home_end_binding (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);
  gboolean end = g_variant_get_boolean (args);

  if (self->zones->len == 0)
    return FALSE;
  select_stage (self,
                koers_stage_zone_get_stage_id (g_ptr_array_index (self->zones, end ? self->zones->len - 1 : 0)),
                TRUE);
  return TRUE;
}

/* --- overrides ---------------------------------------------------------- */

static GtkSizeRequestMode
koers_model_canvas_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
koers_model_canvas_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 720;
    }
  else
    {
      int width = for_size < 0 ? 720 : for_size;

      /* The art is 16:9, never taller than a screen can show beside the
       * rest. The minimum is the natural height too: in a scrolled page
       * (which gives its content the minimum) the diagram does not shrink,
       * the page scrolls. */
      KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);

      *minimum = *natural = TRAY_HEIGHT + CLAMP (width * 9 / 16, 150, MAX (150, self->max_height));
    }
}

static void
koers_model_canvas_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);

  for (guint i = 0; i < self->zones->len; i++)
    {
      GtkWidget *zone = g_ptr_array_index (self->zones, i);
      graphene_rect_t rect;
      GtkAllocation allocation = { 0, 0, 0, 0 };

      if (get_stage_rect (self, koers_stage_zone_get_stage_id (KOERS_STAGE_ZONE (zone)), &rect))
        allocation = (GtkAllocation) {
          floor (rect.origin.x), floor (rect.origin.y),
          ceil (rect.size.width), ceil (rect.size.height)
        };
      gtk_widget_measure (zone, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_measure (zone, GTK_ORIENTATION_VERTICAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (zone, &allocation, -1);
    }

  gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
snapshot_tray (KoersModelCanvas *self,
               GtkSnapshot      *snapshot)
{
  TraySlot slots[2];
  double hint_x;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  GdkRGBA fg = get_foreground (self);
  GdkRGBA dim = fg;
  GdkRGBA pill = fg;
  g_autoptr(PangoLayout) hint = NULL;
  int text_height;
  gboolean any = FALSE;
  int dragging = dragged_marker (self);

  dim.alpha *= 0.7;
  pill.alpha *= 0.08;

  tray_layout (self, slots, &hint_x);
  for (int m = KOERS_MARKER_CURRENT; m <= KOERS_MARKER_TARGET; m++)
    {
      GskRoundedRect rounded;
      cairo_t *cr;

      if (!slots[m].shown)
        continue;
      any = TRUE;

      gsk_rounded_rect_init_from_rect (&rounded, &slots[m].rect, slots[m].rect.size.height / 2);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &pill, &slots[m].rect);
      gtk_snapshot_pop (snapshot);

      cr = gtk_snapshot_append_cairo (snapshot, &slots[m].rect);
      koers_render_marker (cr, m, slots[m].glyph_x, TRAY_HEIGHT / 2, TRAY_GLYPH,
                           is_dark (), dragging == m);
      cairo_destroy (cr);
    }

  hint = create_layout (self,
                        any ? _("Drag onto a stage")
                            : _("Drag a marker to move it"),
                        FALSE);
  pango_layout_set_width (hint, MAX (0, width - hint_x - TRAY_PADDING) * PANGO_SCALE);
  pango_layout_set_ellipsize (hint, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (hint, NULL, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (any ? hint_x : TRAY_PADDING, (TRAY_HEIGHT - text_height) / 2));
  gtk_snapshot_append_layout (snapshot, hint, &dim);
  gtk_snapshot_restore (snapshot);
}

static void
koers_model_canvas_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);
  double width = diagram_width (self);
  double height = diagram_height (self);

  if (self->model == NULL)
    return;

  snapshot_tray (self, snapshot);

  if (self->renderer != NULL && width > 1 && height > 1)
    {
      KoersDiagramStyle style;
      cairo_t *cr;

      /* Vectors, replayed by GSK: for these flat diagrams that costs less
       * than compositing a cached image of them (bench/canvas.c). */
      fill_draw_style (self, &style);
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, TRAY_HEIGHT, width, height));
      cairo_translate (cr, 0, TRAY_HEIGHT);
      koers_diagram_renderer_draw (self->renderer, cr, width, height, &style);
      cairo_destroy (cr);
    }
  else if (self->error_message != NULL)
    {
      g_autoptr(PangoLayout) layout = create_layout (self, self->error_message, FALSE);
      GdkRGBA fg = get_foreground (self);

      pango_layout_set_width (layout, MAX (0, width - 2 * TRAY_PADDING) * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (TRAY_PADDING, TRAY_HEIGHT + height / 3));
      gtk_snapshot_append_layout (snapshot, layout, &fg);
      gtk_snapshot_restore (snapshot);
    }
}

/* Tab enters the canvas on one stage and leaves it from there; the arrow
 * keys move between stages. */
static gboolean
koers_model_canvas_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);

  if (self->zones->len == 0)
    return FALSE;

  if (focused_zone (self) == NULL)
    return gtk_widget_grab_focus (widget);

  switch (direction)
    {
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
      return FALSE;
    case GTK_DIR_UP:
    case GTK_DIR_DOWN:
    case GTK_DIR_LEFT:
    case GTK_DIR_RIGHT:
    default:
      koers_model_canvas_move_cursor (self, direction);
      return TRUE;
    }
}

static gboolean
koers_model_canvas_grab_focus (GtkWidget *widget)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);
  KoersStageZone *zone = find_zone (self, self->selected);

  if (zone == NULL && self->zones->len > 0)
    {
      zone = g_ptr_array_index (self->zones, 0);
      select_stage (self, koers_stage_zone_get_stage_id (zone), FALSE);
    }
  if (zone == NULL)
    return FALSE;
  return gtk_widget_grab_focus (GTK_WIDGET (zone));
}

static void
koers_model_canvas_set_focus_child (GtkWidget *widget,
                                    GtkWidget *child)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);

  GTK_WIDGET_CLASS (koers_model_canvas_parent_class)->set_focus_child (widget, child);

  /* Focus follows selection: a focused stage shows its description. */
  if (KOERS_IS_STAGE_ZONE (child))
    select_stage (self, koers_stage_zone_get_stage_id (KOERS_STAGE_ZONE (child)), FALSE);
  gtk_widget_queue_draw (widget);
}

static void
koers_model_canvas_root (GtkWidget *widget)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);

  GTK_WIDGET_CLASS (koers_model_canvas_parent_class)->root (widget);

  self->root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (self->root))
    self->focus_visible_id = g_signal_connect_swapped (self->root, "notify::focus-visible",
                                                       G_CALLBACK (focus_visible_cb), self);
  else
    self->root = NULL;
}

static void
koers_model_canvas_unroot (GtkWidget *widget)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);

  if (self->root != NULL)
    g_clear_signal_handler (&self->focus_visible_id, self->root);
  self->root = NULL;

  GTK_WIDGET_CLASS (koers_model_canvas_parent_class)->unroot (widget);
}

static void
koers_model_canvas_dispose (GObject *object)
{
  KoersModelCanvas *self = (KoersModelCanvas *) object;

  if (self->zones != NULL)
    remove_zones (self);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_object (&self->project);
  g_clear_object (&self->history);
  g_clear_object (&self->renderer);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (koers_model_canvas_parent_class)->dispose (object);
}

static void
koers_model_canvas_finalize (GObject *object)
{
  KoersModelCanvas *self = (KoersModelCanvas *) object;

  g_clear_pointer (&self->zones, g_ptr_array_unref);
  g_clear_pointer (&self->renderers, g_hash_table_unref);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->hover, g_free);
  g_clear_pointer (&self->drop_stage, g_free);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (koers_model_canvas_parent_class)->finalize (object);
}

static void
koers_model_canvas_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED_STAGE:
      g_value_set_string (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_model_canvas_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      koers_model_canvas_set_history (self, g_value_get_object (value));
      break;
    case PROP_MODEL:
      koers_model_canvas_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_STAGE:
      koers_model_canvas_set_selected_stage (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_model_canvas_class_actions_init (GtkWidgetClass *widget_class)
{
  const struct {
    guint            key;
    GtkDirectionType direction;
  } arrows[] = {
    { GDK_KEY_Left, GTK_DIR_LEFT },
    { GDK_KEY_KP_Left, GTK_DIR_LEFT },
    { GDK_KEY_Right, GTK_DIR_RIGHT },
    { GDK_KEY_KP_Right, GTK_DIR_RIGHT },
    { GDK_KEY_Up, GTK_DIR_UP },
    { GDK_KEY_KP_Up, GTK_DIR_UP },
    { GDK_KEY_Down, GTK_DIR_DOWN },
    { GDK_KEY_KP_Down, GTK_DIR_DOWN },
  };

  gtk_widget_class_install_action (widget_class, "canvas.place-now", NULL, place_action);
  gtk_widget_class_install_action (widget_class, "canvas.place-goal", NULL, place_action);
  gtk_widget_class_install_action (widget_class, "canvas.remove-now", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "canvas.remove-goal", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "canvas.menu", NULL, menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "canvas.place-now", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, 0, "canvas.place-goal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "canvas.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "canvas.menu", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    gtk_widget_class_add_binding (widget_class, arrows[i].key, 0, move_binding, "i", arrows[i].direction);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, home_end_binding, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, home_end_binding, "b", TRUE);
}

static void
koers_model_canvas_class_init (KoersModelCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_model_canvas_dispose;
  object_class->finalize = koers_model_canvas_finalize;
  object_class->get_property = koers_model_canvas_get_property;
  object_class->set_property = koers_model_canvas_set_property;

  widget_class->get_request_mode = koers_model_canvas_get_request_mode;
  widget_class->measure = koers_model_canvas_measure;
  widget_class->size_allocate = koers_model_canvas_size_allocate;
  widget_class->snapshot = koers_model_canvas_snapshot;
  widget_class->focus = koers_model_canvas_focus;
  widget_class->grab_focus = koers_model_canvas_grab_focus;
  widget_class->set_focus_child = koers_model_canvas_set_focus_child;
  widget_class->root = koers_model_canvas_root;
  widget_class->unroot = koers_model_canvas_unroot;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, KOERS_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, KOERS_TYPE_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_STAGE] =
    g_param_spec_string ("selected-stage", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KoersModelCanvas::placed:
   * @self: the canvas
   * @marker: the #KoersMarker the user placed
   * @stage_id: (nullable): where it went; %NULL when it was removed
   *
   * Emitted after the user moved a marker here, by dragging, by key or by
   * the stage menu, and the move changed the project.
   */
  signals[PLACED] =
    g_signal_new ("placed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "modelcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  koers_model_canvas_class_actions_init (widget_class);
}

static void
koers_model_canvas_init (KoersModelCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkDragSource *source;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) place = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();

  self->zones = g_ptr_array_new ();
  self->renderers = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->max_height = 460;
  self->source_marker = -1;
  self->hover_marker = -1;

  gtk_widget_set_focusable (widget, FALSE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  g_menu_append (place, _("Place _Now Here"), "canvas.place-now");
  g_menu_append (place, _("Place _Goal Here"), "canvas.place-goal");
  g_menu_append (remove, _("_Remove Now"), "canvas.remove-now");
  g_menu_append (remove, _("R_emove Goal"), "canvas.remove-goal");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (place));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), TRUE);
  gtk_widget_set_parent (self->menu, widget);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  g_signal_connect_swapped (controller, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect_swapped (controller, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (motion_leave_cb), self);
  gtk_widget_add_controller (widget, controller);

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

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

/* --- public API --------------------------------------------------------- */

/**
 * koers_model_canvas_new:
 * @history: (nullable): the history every placement goes through
 *
 * Returns: (transfer floating): a canvas showing no model yet
 */
GtkWidget *
koers_model_canvas_new (KoersHistory *history)
{
  return g_object_new (KOERS_TYPE_MODEL_CANVAS, "history", history, NULL);
}

KoersHistory *
koers_model_canvas_get_history (KoersModelCanvas *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), NULL);
  return self->history;
}

void
koers_model_canvas_set_history (KoersModelCanvas *self,
                                KoersHistory     *history)
{
  g_return_if_fail (KOERS_IS_MODEL_CANVAS (self));
  g_return_if_fail (history == NULL || KOERS_IS_HISTORY (history));

  if (self->history == history)
    return;

  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_object (&self->project);
  g_set_object (&self->history, history);

  if (history != NULL)
    {
      self->project = g_object_ref (koers_history_get_project (history));
      self->changed_id = g_signal_connect_swapped (self->project, "changed",
                                                   G_CALLBACK (project_changed_cb), self);
    }

  update_markers (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

KoersModel *
koers_model_canvas_get_model (KoersModelCanvas *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), NULL);
  return self->model;
}

/**
 * koers_model_canvas_set_model:
 * @model: (nullable): the model to show
 *
 * Shows @model's diagram, with one accessible zone per stage.
 */
void
koers_model_canvas_set_model (KoersModelCanvas *self,
                              KoersModel       *model)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (KOERS_IS_MODEL_CANVAS (self));
  g_return_if_fail (model == NULL || KOERS_IS_MODEL (model));

  if (self->model == model)
    return;

  gtk_popover_popdown (GTK_POPOVER (self->menu));
  remove_zones (self);
  clear_drag_preview (self);
  g_clear_pointer (&self->hover, g_free);
  g_clear_pointer (&self->error_message, g_free);
  /* A diagram shown before keeps its loaded SVG and laid-out labels for
   * when it is chosen again (self->renderers). */
  g_clear_object (&self->renderer);
  g_set_object (&self->model, model);

  if (model != NULL)
    {
      KoersDiagramRenderer *renderer = g_hash_table_lookup (self->renderers, model);

      if (renderer != NULL)
        self->renderer = g_object_ref (renderer);
      else
        self->renderer = koers_diagram_renderer_new (model, &error);
      if (self->renderer == NULL)
        {
          g_warning ("Cannot draw %s: %s", koers_model_get_id (model), error->message);
          /* TRANSLATORS: %s is the technical reason */
          self->error_message = g_strdup_printf (_("This diagram cannot be shown: %s"), error->message);
        }
      else if (renderer == NULL)
        {
          /* Its labels are laid out while the window is, not when the
           * first frame needs them. */
          koers_diagram_renderer_prepare (self->renderer);
          g_hash_table_insert (self->renderers, g_object_ref (model), g_object_ref (self->renderer));
        }

      for (guint i = 0; i < koers_model_get_n_stages (model); i++)
        {
          GtkWidget *zone = koers_stage_zone_new (koers_model_get_stage (model, i));

          gtk_widget_set_parent (zone, GTK_WIDGET (self));
          g_ptr_array_add (self->zones, zone);
        }

      /* TRANSLATORS: the accessible name of a diagram; %s is the model's name */
      label = g_strdup_printf (_("%s diagram"), koers_model_get_name (model));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }

  if (self->selected != NULL)
    {
      g_clear_pointer (&self->selected, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_STAGE]);
    }

  update_markers (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

const char *
koers_model_canvas_get_selected_stage (KoersModelCanvas *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), NULL);
  return self->selected;
}

void
koers_model_canvas_set_selected_stage (KoersModelCanvas *self,
                                       const char       *stage_id)
{
  g_return_if_fail (KOERS_IS_MODEL_CANVAS (self));
  select_stage (self, stage_id, FALSE);
}

/**
 * koers_model_canvas_place:
 * @marker: the marker to place
 * @stage_id: (nullable): the stage, or %NULL to remove the marker
 *
 * Places @marker through the history, so that it can be undone, selects
 * the stage and emits #KoersModelCanvas::placed when that changed the
 * project.
 *
 * Returns: %TRUE when @stage_id is a stage of the model
 */
gboolean
koers_model_canvas_place (KoersModelCanvas *self,
                          KoersMarker       marker,
                          const char       *stage_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  const char *model_id;

  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), FALSE);

  if (self->model == NULL || self->history == NULL)
    return FALSE;
  if (stage_id != NULL && koers_model_find_stage (self->model, stage_id) == NULL)
    return FALSE;

  model_id = koers_model_get_id (self->model);
  before = g_strdup (get_marker_stage (self, marker));
  if (!koers_history_place (self->history, model_id, marker, stage_id, &error))
    {
      g_warning ("Cannot place %s on %s: %s", model_id, stage_id, error->message);
      return FALSE;
    }

  if (stage_id != NULL)
    select_stage (self, stage_id, FALSE);
  if (g_strcmp0 (before, stage_id) != 0)
    g_signal_emit (self, signals[PLACED], 0, (int) marker, stage_id);
  return TRUE;
}

/**
 * koers_model_canvas_drop_at:
 * @marker: the marker dropped
 * @x: where, in the canvas's coordinates
 * @y: where, in the canvas's coordinates
 *
 * What a drop does: places @marker on the stage under the point. A drop
 * outside every stage changes nothing.
 *
 * Returns: %TRUE when the point is on a stage
 */
gboolean
koers_model_canvas_drop_at (KoersModelCanvas *self,
                            KoersMarker       marker,
                            double            x,
                            double            y)
{
  const char *stage;

  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), FALSE);

  clear_drag_preview (self);
  stage = stage_at (self, x, y);
  if (stage == NULL)
    return FALSE;
  return koers_model_canvas_place (self, marker, stage);
}

/**
 * koers_model_canvas_drop_value:
 * @value: what was dropped: a #KoersMarkerRef or its text form
 *
 * Like koers_model_canvas_drop_at() for a drop's value. A marker of
 * another model, or any other text, is refused.
 *
 * Returns: %TRUE when the drop placed the marker
 */
gboolean
koers_model_canvas_drop_value (KoersModelCanvas *self,
                               const GValue     *value,
                               double            x,
                               double            y)
{
  g_autoptr(KoersMarkerRef) ref = NULL;

  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  ref = koers_marker_ref_from_value (value);
  if (ref == NULL || self->model == NULL ||
      g_strcmp0 (ref->model_id, koers_model_get_id (self->model)) != 0)
    {
      clear_drag_preview (self);
      return FALSE;
    }
  return koers_model_canvas_drop_at (self, ref->marker, x, y);
}

/**
 * koers_model_canvas_drag_motion:
 * @marker: the marker being dragged, or -1 when not known yet
 *
 * What a drag over the canvas shows: the stage under the pointer lights
 * up, with a faded preview of @marker standing on it.
 *
 * Returns: (nullable): the stage under the point
 */
const char *
koers_model_canvas_drag_motion (KoersModelCanvas *self,
                                int               marker,
                                double            x,
                                double            y)
{
  const char *stage;

  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), NULL);

  stage = stage_at (self, x, y);
  if (marker != self->hover_marker || g_strcmp0 (stage, self->drop_stage) != 0)
    {
      self->hover_marker = marker;
      set_string (&self->drop_stage, stage);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return self->drop_stage;
}

/**
 * koers_model_canvas_drag_leave:
 *
 * Takes away what koers_model_canvas_drag_motion() showed.
 */
void
koers_model_canvas_drag_leave (KoersModelCanvas *self)
{
  g_return_if_fail (KOERS_IS_MODEL_CANVAS (self));
  clear_drag_preview (self);
}

/**
 * koers_model_canvas_get_drop_stage:
 *
 * Returns: (nullable): the stage lit up under a drag
 */
const char *
koers_model_canvas_get_drop_stage (KoersModelCanvas *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), NULL);
  return self->drop_stage;
}

/**
 * koers_model_canvas_move_cursor:
 * @direction: an arrow direction
 *
 * Moves the selection and the keyboard focus to another stage: left and
 * right follow the model's order, up and down go to the nearest stage
 * above or below in the drawing (or follow the order when there is none).
 */
void
koers_model_canvas_move_cursor (KoersModelCanvas *self,
                                GtkDirectionType  direction)
{
  int position;
  int next = -1;
  graphene_rect_t from;
  gboolean rtl;

  g_return_if_fail (KOERS_IS_MODEL_CANVAS (self));

  if (self->zones->len == 0)
    return;

  position = zone_position (self, self->selected);
  rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  if (position < 0)
    next = 0;
  else if (direction == GTK_DIR_LEFT || direction == GTK_DIR_RIGHT ||
           direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD)
    {
      gboolean forward = direction == GTK_DIR_RIGHT || direction == GTK_DIR_TAB_FORWARD;

      if (rtl && (direction == GTK_DIR_LEFT || direction == GTK_DIR_RIGHT))
        forward = !forward;
      next = CLAMP (position + (forward ? 1 : -1), 0, (int) self->zones->len - 1);
    }
  else if (get_stage_rect (self, self->selected, &from))
    {
      double best = G_MAXDOUBLE;
      double from_x = from.origin.x + from.size.width / 2;
      double from_y = from.origin.y + from.size.height / 2;

      for (guint i = 0; i < self->zones->len; i++)
        {
          graphene_rect_t rect;
          double dx, dy, distance;

          if (!get_stage_rect (self, koers_stage_zone_get_stage_id (g_ptr_array_index (self->zones, i)), &rect))
            continue;
          dx = rect.origin.x + rect.size.width / 2 - from_x;
          dy = rect.origin.y + rect.size.height / 2 - from_y;
          if ((direction == GTK_DIR_UP && dy >= -1) || (direction == GTK_DIR_DOWN && dy <= 1))
            continue;
          /* Straight above or below wins over a closer stage off to the side. */
          distance = dx * dx * 4 + dy * dy;
          if (distance < best)
            {
              best = distance;
              next = i;
            }
        }
      if (next < 0)
        next = position;
    }
  else
    next = CLAMP (position + (direction == GTK_DIR_UP ? 1 : -1), 0, (int) self->zones->len - 1);

  select_stage (self, koers_stage_zone_get_stage_id (g_ptr_array_index (self->zones, next)), TRUE);
}

/**
 * koers_model_canvas_popup_menu:
 *
 * Opens the stage menu ("Place Now here"…) on the selected stage, or on
 * the first stage when none is selected.
 *
 * Returns: %TRUE when the menu opened
 */
gboolean
koers_model_canvas_popup_menu (KoersModelCanvas *self)
{
  graphene_rect_t rect;

  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), FALSE);

  if (self->zones->len == 0)
    return FALSE;
  if (self->selected == NULL)
    select_stage (self, koers_stage_zone_get_stage_id (g_ptr_array_index (self->zones, 0)), FALSE);

  if (get_stage_rect (self, self->selected, &rect))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                                 &(GdkRectangle) {
                                   rect.origin.x, rect.origin.y,
                                   rect.size.width, rect.size.height });
  gtk_popover_popup (GTK_POPOVER (self->menu));
  return TRUE;
}

GtkDropTarget *
koers_model_canvas_get_drop_target (KoersModelCanvas *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), NULL);
  return self->drop_target;
}

/**
 * koers_model_canvas_get_zone:
 *
 * Returns: (transfer none) (nullable): the accessible zone of @stage_id
 */
GtkWidget *
koers_model_canvas_get_zone (KoersModelCanvas *self,
                             const char       *stage_id)
{
  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), NULL);
  return (GtkWidget *) find_zone (self, stage_id);
}

/**
 * koers_model_canvas_get_stage_point:
 *
 * Finds a point of the canvas that hits @stage_id: the centre of its
 * zone, or the first point of a grid over the zone that does.
 *
 * Returns: %TRUE when the stage is drawn and such a point exists
 */
gboolean
koers_model_canvas_get_stage_point (KoersModelCanvas *self,
                                    const char       *stage_id,
                                    double           *x,
                                    double           *y)
{
  graphene_rect_t rect;

  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), FALSE);

  if (!get_stage_rect (self, stage_id, &rect))
    return FALSE;

  *x = rect.origin.x + rect.size.width / 2;
  *y = rect.origin.y + rect.size.height / 2;
  if (g_strcmp0 (stage_at (self, *x, *y), stage_id) == 0)
    return TRUE;

  for (int j = 1; j < 10; j++)
    for (int i = 1; i < 10; i++)
      {
        *x = rect.origin.x + rect.size.width * i / 10;
        *y = rect.origin.y + rect.size.height * j / 10;
        if (g_strcmp0 (stage_at (self, *x, *y), stage_id) == 0)
          return TRUE;
      }
  return FALSE;
}

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

/**
 * koers_model_canvas_get_marker_point:
 *
 * Returns: %TRUE when @marker stands on the diagram, with its centre in
 *   @x, @y
 */
gboolean
koers_model_canvas_get_marker_point (KoersModelCanvas *self,
                                     KoersMarker       marker,
                                     double           *x,
                                     double           *y)
{
  KoersDiagramStyle style;
  cairo_rectangle_t rect;

  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), FALSE);

  if (self->renderer == NULL)
    return FALSE;
  fill_base_style (self, &style);
  if (!koers_diagram_renderer_get_marker_rect (self->renderer,
                                               diagram_width (self), diagram_height (self),
                                               &style, marker, &rect))
    return FALSE;
  *x = rect.x + rect.width / 2;
  *y = rect.y + rect.height / 2 + TRAY_HEIGHT;
  return TRUE;
}

/**
 * koers_model_canvas_tray_shows:
 *
 * Returns: whether @marker waits in the tray, unplaced
 */
gboolean
koers_model_canvas_tray_shows (KoersModelCanvas *self,
                               KoersMarker       marker)
{
  TraySlot slots[2];
  double hint_x;

  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), FALSE);

  tray_layout (self, slots, &hint_x);
  return slots[marker].shown;
}

/**
 * koers_model_canvas_set_max_height:
 * @max_height: the tallest the diagram may be, in pixels, without the tray
 *
 * The diagram takes the width it gets, in its 16:9 shape, up to this
 * height: the window lets it grow on a large screen.
 */
void
koers_model_canvas_set_max_height (KoersModelCanvas *self,
                                   int               max_height)
{
  g_return_if_fail (KOERS_IS_MODEL_CANVAS (self));

  if (self->max_height == max_height)
    return;
  self->max_height = max_height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

GtkWidget *
koers_model_canvas_get_menu (KoersModelCanvas *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), NULL);
  return self->menu;
}
