/* koers-model-canvas.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas draws with the same renderer as the exports, hit-tests with
 * it, and keeps one invisible KoersStageZone child per stage for keyboard
 * focus and screen readers. Markers are dragged as a KoersMarkerRef; the
 * drop, the keys and the stage menu all end in koers_model_canvas_place(),
 * which places through the history so that every move can be undone.
 *
 * This file holds the type and its geometry; the drawing, the tray, drag
 * and drop, the actions and the zones live in koers-model-canvas-*.c.
 */
#define G_LOG_DOMAIN "koers-model-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "koers-enum-types.h"
#include "koers-model-canvas-private.h"

G_DEFINE_FINAL_TYPE (KoersModelCanvas, koers_model_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_MODEL,
  PROP_SELECTED_STAGE,
  PROP_SUGGESTED_STAGE,
  PROP_SHOW_OTHERS,
  N_PROPS
};

enum {
  PLACED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* --- helpers ------------------------------------------------------------ */

gboolean
_koers_model_canvas_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

const char *
_koers_model_canvas_get_marker_stage (KoersModelCanvas *self,
                                      KoersMarker       marker)
{
  if (self->project == NULL || self->model == NULL)
    return NULL;
  return koers_project_get_marker (self->project, koers_model_get_id (self->model), marker);
}

double
_koers_model_canvas_diagram_width (KoersModelCanvas *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self));
}

double
_koers_model_canvas_diagram_height (KoersModelCanvas *self)
{
  return MAX (0.0, gtk_widget_get_height (GTK_WIDGET (self)) - TRAY_HEIGHT);
}

/* The style as it stands, without the preview of a drag: what hit-testing
 * and the zones use. */
void
_koers_model_canvas_fill_base_style (KoersModelCanvas  *self,
                                     KoersDiagramStyle *style)
{
  koers_diagram_style_init (style);
  style->render.dark = _koers_model_canvas_is_dark ();
  style->render.background = KOERS_BACKGROUND_TRANSPARENT;
  style->current = _koers_model_canvas_get_marker_stage (self, KOERS_MARKER_CURRENT);
  style->target = _koers_model_canvas_get_marker_stage (self, KOERS_MARKER_TARGET);
  style->selected = self->selected;
  _koers_model_canvas_add_marks (self, style);
}

int
_koers_model_canvas_dragged_marker (KoersModelCanvas *self)
{
  return self->hover_marker >= 0 ? self->hover_marker : self->source_marker;
}

const char *
_koers_model_canvas_stage_at (KoersModelCanvas *self,
                              double            x,
                              double            y)
{
  KoersDiagramStyle style;

  if (self->renderer == NULL || y < TRAY_HEIGHT)
    return NULL;
  _koers_model_canvas_fill_base_style (self, &style);
  return koers_diagram_renderer_stage_at (self->renderer,
                                          _koers_model_canvas_diagram_width (self),
                                          _koers_model_canvas_diagram_height (self),
                                          &style, x, y - TRAY_HEIGHT);
}

gboolean
_koers_model_canvas_get_stage_rect (KoersModelCanvas  *self,
                                    const char        *stage_id,
                                    graphene_rect_t   *rect)
{
  KoersDiagramStyle style;
  cairo_rectangle_t r;

  if (self->renderer == NULL || stage_id == NULL)
    return FALSE;
  _koers_model_canvas_fill_base_style (self, &style);
  if (!koers_diagram_renderer_get_stage_rect (self->renderer,
                                              _koers_model_canvas_diagram_width (self),
                                              _koers_model_canvas_diagram_height (self),
                                              &style, stage_id, &r))
    return FALSE;
  graphene_rect_init (rect, r.x, r.y + TRAY_HEIGHT, r.width, r.height);
  return TRUE;
}

PangoLayout *
_koers_model_canvas_create_layout (KoersModelCanvas *self,
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
void
_koers_model_canvas_measure_marker (KoersMarker        marker,
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

gboolean
_koers_model_canvas_marker_at (KoersModelCanvas *self,
                               double            x,
                               double            y,
                               KoersMarker      *marker)
{
  KoersDiagramStyle style;
  gboolean found = FALSE;
  KoersMarker m;

  if (_koers_model_canvas_tray_marker_at (self, x, y, marker))
    return TRUE;
  if (self->renderer == NULL || y < TRAY_HEIGHT)
    return FALSE;

  _koers_model_canvas_fill_base_style (self, &style);
  m = koers_diagram_renderer_marker_at (self->renderer,
                                        _koers_model_canvas_diagram_width (self),
                                        _koers_model_canvas_diagram_height (self),
                                        &style, x, y - TRAY_HEIGHT, &found);
  if (found)
    *marker = m;
  return found;
}

void
_koers_model_canvas_select_stage (KoersModelCanvas *self,
                                  const char       *stage_id,
                                  gboolean          focus)
{
  KoersStageZone *zone = _koers_model_canvas_find_zone (self, stage_id);

  if (stage_id != NULL && zone == NULL)
    return;

  if (g_strcmp0 (self->selected, stage_id) != 0)
    {
      set_string (&self->selected, stage_id);
      _koers_model_canvas_update_actions (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_STAGE]);
    }
  if (focus && zone != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (zone));
}

GdkRGBA
_koers_model_canvas_get_foreground (KoersModelCanvas *self)
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
  /* Others and rounds may have changed: their marks point into the project. */
  _koers_model_canvas_refresh_marks (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if ((field == KOERS_FIELD_CURRENT || field == KOERS_FIELD_TARGET) &&
      g_strcmp0 (key, koers_model_get_id (self->model)) == 0)
    {
      _koers_model_canvas_update_markers (self);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
}

static void
motion_cb (KoersModelCanvas         *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  const char *stage = _koers_model_canvas_stage_at (self, x, y);
  KoersMarker marker;

  if (g_strcmp0 (stage, self->hover) != 0)
    {
      set_string (&self->hover, stage);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   _koers_model_canvas_marker_at (self, x, y, &marker) ? "grab" : NULL);
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
  KoersStageLabel label;
  KoersMarker marker;
  KoersDiagramMarkKind kind;
  const char *mark_text;
  g_autofree char *markup = NULL;

  /* Never a tooltip over the stage menu. */
  if (self->model == NULL || _koers_model_canvas_menu_is_open (self))
    return FALSE;

  /* A shortened name is read in full here. */
  if (!keyboard_mode && (mark_text = _koers_model_canvas_mark_at (self, x, y, &kind)) != NULL)
    {
      gtk_tooltip_set_text (tooltip, mark_text);
      return TRUE;
    }

  if (!keyboard_mode && _koers_model_canvas_tray_marker_at (self, x, y, &marker))
    {
      gtk_tooltip_set_text (tooltip,
                            marker == KOERS_MARKER_CURRENT
                            ? _("Drag Now onto the stage where your organisation stands today")
                            : _("Drag Goal onto the stage you want to reach"));
      return TRUE;
    }

  stage_id = keyboard_mode ? self->selected : _koers_model_canvas_stage_at (self, x, y);
  if (stage_id != NULL)
    stage = koers_model_find_stage (self->model, stage_id);
  if (stage == NULL)
    return FALSE;

  markup = g_markup_printf_escaped ("<b>%s</b>\n%s", stage->name, stage->description);
  gtk_tooltip_set_markup (tooltip, markup);
  /* The tooltip opens below its area: below the stage's words, so that it
   * never hides them. */
  if (koers_model_canvas_get_stage_label (self, stage->id, &label))
    {
      const cairo_rectangle_t *words = label.caption.width > 0 ? &label.caption : &label.name;

      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                                  words->x, label.name.y,
                                  words->width, words->y + words->height - label.name.y });
    }
  else if (_koers_model_canvas_get_stage_rect (self, stage->id, &rect))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                                rect.origin.x, rect.origin.y,
                                rect.size.width, rect.size.height });
  return TRUE;
}

static void
focus_visible_cb (KoersModelCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

      if (_koers_model_canvas_get_stage_rect (self, koers_stage_zone_get_stage_id (KOERS_STAGE_ZONE (zone)), &rect))
        allocation = (GtkAllocation) {
          floor (rect.origin.x), floor (rect.origin.y),
          ceil (rect.size.width), ceil (rect.size.height)
        };
      gtk_widget_measure (zone, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_measure (zone, GTK_ORIENTATION_VERTICAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (zone, &allocation, -1);
    }

  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
koers_model_canvas_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);
  double width = _koers_model_canvas_diagram_width (self);
  double height = _koers_model_canvas_diagram_height (self);

  if (self->model == NULL)
    return;

  _koers_model_canvas_snapshot_tray (self, snapshot);

  if (self->renderer != NULL && width > 1 && height > 1)
    _koers_model_canvas_snapshot_diagram (self, snapshot, width, height);
  else if (self->error_message != NULL)
    {
      g_autoptr(PangoLayout) layout = _koers_model_canvas_create_layout (self, self->error_message, FALSE);
      GdkRGBA fg = _koers_model_canvas_get_foreground (self);

      pango_layout_set_width (layout, MAX (0, width - 2 * TRAY_PADDING) * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (TRAY_PADDING, TRAY_HEIGHT + height / 3));
      gtk_snapshot_append_layout (snapshot, layout, &fg);
      gtk_snapshot_restore (snapshot);
    }
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
    _koers_model_canvas_remove_zones (self);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->others, g_array_unref);
  self->previous = NULL;
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_object (&self->project);
  g_clear_object (&self->history);
  _koers_model_canvas_drop_base (self);
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
  g_clear_pointer (&self->suggested, g_free);

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
    case PROP_SUGGESTED_STAGE:
      g_value_set_string (value, self->suggested);
      break;
    case PROP_SHOW_OTHERS:
      g_value_set_boolean (value, self->show_others);
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
    case PROP_SUGGESTED_STAGE:
      if (_koers_model_canvas_set_suggested (self, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SHOW_OTHERS:
      if (_koers_model_canvas_set_show_others (self, g_value_get_boolean (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  /* Where the answers point: a ghost Now, when it is not where Now is. */
  properties[PROP_SUGGESTED_STAGE] =
    g_param_spec_string ("suggested-stage", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_OTHERS] =
    g_param_spec_boolean ("show-others", NULL, NULL, TRUE,
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
                  G_TYPE_NONE, 2, KOERS_TYPE_MARKER, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "modelcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  _koers_model_canvas_class_actions_init (widget_class);
  _koers_model_canvas_class_a11y_init (widget_class);
}

static void
koers_model_canvas_init (KoersModelCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;

  self->zones = g_ptr_array_new ();
  self->renderers = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->max_height = 460;
  self->source_marker = -1;
  self->hover_marker = -1;
  self->show_others = TRUE;

  gtk_widget_set_focusable (widget, FALSE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (motion_leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  _koers_model_canvas_init_actions (self);
  _koers_model_canvas_init_dnd (self);

  /* The kept images of the diagram are in the theme's colours and
   * fonts: drawn again when either changes. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (_koers_model_canvas_theme_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (_koers_model_canvas_theme_changed), self, G_CONNECT_SWAPPED);
  {
    const char *settings[] = { "notify::gtk-theme-name", "notify::gtk-font-name",
                               "notify::gtk-xft-dpi", "notify::gtk-xft-antialias",
                               "notify::gtk-xft-hinting" };

    for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
      g_signal_connect_object (gtk_settings_get_default (), settings[i],
                               G_CALLBACK (_koers_model_canvas_theme_changed), self, G_CONNECT_SWAPPED);
  }

  _koers_model_canvas_update_actions (self);
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

  _koers_model_canvas_refresh_marks (self);
  _koers_model_canvas_update_markers (self);
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

  g_return_if_fail (KOERS_IS_MODEL_CANVAS (self));
  g_return_if_fail (model == NULL || KOERS_IS_MODEL (model));

  if (self->model == model)
    return;

  if (self->menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->menu));
  _koers_model_canvas_remove_zones (self);
  _koers_model_canvas_clear_drag_preview (self);
  g_clear_pointer (&self->hover, g_free);
  g_clear_pointer (&self->error_message, g_free);
  /* A diagram shown before keeps its loaded SVG and laid-out labels for
   * when it is chosen again (self->renderers). */
  _koers_model_canvas_drop_base (self);
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
        /* Its labels are fitted when it is first drawn, for the size it
         * is drawn at: only then are their smallest sizes known. */
        g_hash_table_insert (self->renderers, g_object_ref (model), g_object_ref (self->renderer));

      _koers_model_canvas_add_zones (self);
    }

  if (self->selected != NULL)
    {
      g_clear_pointer (&self->selected, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_STAGE]);
    }

  _koers_model_canvas_refresh_marks (self);
  _koers_model_canvas_update_markers (self);
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
  _koers_model_canvas_select_stage (self, stage_id, FALSE);
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
  before = g_strdup (_koers_model_canvas_get_marker_stage (self, marker));
  if (!koers_history_place (self->history, model_id, marker, stage_id, &error))
    {
      g_warning ("Cannot place %s on %s: %s", model_id, stage_id, error->message);
      return FALSE;
    }

  if (stage_id != NULL)
    _koers_model_canvas_select_stage (self, stage_id, FALSE);
  if (g_strcmp0 (before, stage_id) != 0)
    g_signal_emit (self, signals[PLACED], 0, marker, stage_id);
  return TRUE;
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

  if (!_koers_model_canvas_get_stage_rect (self, stage_id, &rect))
    return FALSE;

  *x = rect.origin.x + rect.size.width / 2;
  *y = rect.origin.y + rect.size.height / 2;
  if (g_strcmp0 (_koers_model_canvas_stage_at (self, *x, *y), stage_id) == 0)
    return TRUE;

  for (int j = 1; j < 10; j++)
    for (int i = 1; i < 10; i++)
      {
        *x = rect.origin.x + rect.size.width * i / 10;
        *y = rect.origin.y + rect.size.height * j / 10;
        if (g_strcmp0 (_koers_model_canvas_stage_at (self, *x, *y), stage_id) == 0)
          return TRUE;
      }
  return FALSE;
}

/**
 * koers_model_canvas_get_art_rect:
 * @rect: (out): where the diagram's art stands
 *
 * Returns: %TRUE when a diagram is shown
 */
gboolean
koers_model_canvas_get_art_rect (KoersModelCanvas *self,
                                 graphene_rect_t  *rect)
{
  KoersDiagramStyle style;
  cairo_rectangle_t r;

  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (self->renderer == NULL)
    return FALSE;
  _koers_model_canvas_fill_base_style (self, &style);
  if (!koers_diagram_renderer_get_art_rect (self->renderer,
                                            _koers_model_canvas_diagram_width (self),
                                            _koers_model_canvas_diagram_height (self),
                                            &style, &r))
    return FALSE;
  graphene_rect_init (rect, r.x, r.y + TRAY_HEIGHT, r.width, r.height);
  return TRUE;
}

static void
shift_rect (cairo_rectangle_t *rect)
{
  if (rect->width > 0)
    rect->y += TRAY_HEIGHT;
}

/**
 * koers_model_canvas_get_stage_label:
 * @stage_id: a stage of the model shown
 * @label: (out): where its name and caption stand, and their sizes
 *
 * Returns: %TRUE when the stage is drawn with a name
 */
gboolean
koers_model_canvas_get_stage_label (KoersModelCanvas *self,
                                    const char       *stage_id,
                                    KoersStageLabel  *label)
{
  KoersDiagramStyle style;

  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  memset (label, 0, sizeof *label);
  if (self->renderer == NULL)
    return FALSE;
  _koers_model_canvas_fill_base_style (self, &style);
  if (!koers_diagram_renderer_get_stage_label (self->renderer,
                                               _koers_model_canvas_diagram_width (self),
                                               _koers_model_canvas_diagram_height (self),
                                               &style, stage_id, label))
    return FALSE;
  shift_rect (&label->name);
  shift_rect (&label->caption);
  return TRUE;
}

/**
 * koers_model_canvas_get_marker_rect:
 * @marker: a marker
 * @rect: (out): the box of the marker and its label, as drawn
 *
 * Returns: %TRUE when @marker stands on the diagram (not in the tray)
 */
gboolean
koers_model_canvas_get_marker_rect (KoersModelCanvas *self,
                                    KoersMarker       marker,
                                    graphene_rect_t  *rect)
{
  KoersDiagramStyle style;
  cairo_rectangle_t r;

  g_return_val_if_fail (KOERS_IS_MODEL_CANVAS (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (self->renderer == NULL)
    return FALSE;
  _koers_model_canvas_fill_base_style (self, &style);
  if (!koers_diagram_renderer_get_marker_rect (self->renderer,
                                               _koers_model_canvas_diagram_width (self),
                                               _koers_model_canvas_diagram_height (self),
                                               &style, marker, &r))
    return FALSE;
  graphene_rect_init (rect, r.x, r.y + TRAY_HEIGHT, r.width, r.height);
  return TRUE;
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
