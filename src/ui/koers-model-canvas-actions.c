/* koers-model-canvas-actions.c: the stage menu, clicks and keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every way to place a marker without dragging: the canvas.* actions (what
 * the stage menu, the keys and screen readers use), the arrow keys that
 * move between stages and the clicks that select a stage or open its menu.
 */
#define G_LOG_DOMAIN "koers-model-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-model-canvas-private.h"

/**
 * _koers_model_canvas_tell:
 * @text: what to tell the user
 *
 * Shows @text as a toast of the window the canvas is in, and puts it in
 * the canvas's accessible description, where a screen reader reads it
 * (GTK 4.8 has no announcements; gtk_accessible_announce() is 4.14).
 */
void
_koers_model_canvas_tell (KoersModelCanvas *self,
                          const char       *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  KoersStageZone *zone = _koers_model_canvas_focused_zone (self);

  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_timeout (toast, 3);
      /* In answer to a key: now, not after the toast of the move before. */
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  if (zone != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (zone), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* Opens the stage menu ("Place Now here"…) on the selected stage, or on
 * the first stage when none is selected. */
static void
popup_menu (KoersModelCanvas *self)
{
  graphene_rect_t rect;

  if (self->zones->len == 0)
    return;
  if (self->selected == NULL)
    _koers_model_canvas_select_stage (self, koers_stage_zone_get_stage_id (g_ptr_array_index (self->zones, 0)), FALSE);

  _koers_model_canvas_ensure_menu (self);
  if (_koers_model_canvas_get_stage_rect (self, self->selected, &rect))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                                 &(GdkRectangle) {
                                   rect.origin.x, rect.origin.y,
                                   rect.size.width, rect.size.height });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* --- callbacks ---------------------------------------------------------- */

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

  stage = _koers_model_canvas_stage_at (self, x, y);
  if (stage == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  _koers_model_canvas_select_stage (self, stage, TRUE);
  _koers_model_canvas_ensure_menu (self);
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
  KoersDiagramMarkKind kind;
  const char *stage;

  if (button != GDK_BUTTON_PRIMARY)
    return;

  /* The ghost Now says "Place Now here": a click on it does so. */
  if (_koers_model_canvas_mark_at (self, x, y, &kind) != NULL && kind == KOERS_DIAGRAM_MARK_SUGGESTED)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "canvas.place-suggestion", NULL);
      return;
    }

  stage = _koers_model_canvas_stage_at (self, x, y);
  if (stage != NULL)
    _koers_model_canvas_select_stage (self, stage, TRUE);
}

static void
place_suggestion_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);

  if (self->suggested == NULL ||
      g_strcmp0 (_koers_model_canvas_get_marker_stage (self, KOERS_MARKER_CURRENT), self->suggested) == 0)
    return;
  /* The same path as a key: undoable, the stage selected, announced. */
  _koers_model_canvas_select_stage (self, self->suggested, FALSE);
  koers_model_canvas_place (self, KOERS_MARKER_CURRENT, self->suggested);
}

static void
place_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);
  KoersMarker marker = g_str_equal (action_name, "canvas.place-now") ? KOERS_MARKER_CURRENT : KOERS_MARKER_TARGET;

  if (self->selected == NULL)
    return;
  if (g_strcmp0 (_koers_model_canvas_get_marker_stage (self, marker), self->selected) == 0)
    {
      /* A key that does nothing looks broken: say why. */
      const KoersStage *stage = koers_model_find_stage (self->model, self->selected);
      g_autofree char *text = NULL;

      text = g_strdup_printf (marker == KOERS_MARKER_CURRENT
                              /* TRANSLATORS: %s is a stage, e.g. "Analysis" */
                              ? _("Now is already on %s")
                              /* TRANSLATORS: %s is a stage, e.g. "Analysis" */
                              : _("Goal is already on %s"),
                              stage != NULL ? stage->name : self->selected);
      _koers_model_canvas_tell (self, text);
      return;
    }
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
  popup_menu (KOERS_MODEL_CANVAS (widget));
}

/* N and G: where the marker already stands, the key is not silently lost
 * (the menu's item is greyed out instead). */
static gboolean
place_binding (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);
  KoersMarker marker = g_variant_get_int32 (args);

  if (self->selected == NULL || self->history == NULL)
    return FALSE;
  if (g_strcmp0 (_koers_model_canvas_get_marker_stage (self, marker), self->selected) == 0)
    {
      gtk_widget_error_bell (widget);
      return TRUE;
    }
  koers_model_canvas_place (self, marker, self->selected);
  return TRUE;
}

static gboolean
move_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  _koers_model_canvas_move_cursor (KOERS_MODEL_CANVAS (widget), g_variant_get_int32 (args));
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
  _koers_model_canvas_select_stage (self,
                koers_stage_zone_get_stage_id (g_ptr_array_index (self->zones, end ? self->zones->len - 1 : 0)),
                TRUE);
  return TRUE;
}

/* --- private API -------------------------------------------------------- */

/**
 * _koers_model_canvas_ensure_menu:
 *
 * The stage menu, made the first time it is needed rather than with every
 * canvas: most windows never show it.
 *
 * Returns: (transfer none): the menu's popover
 */
GtkWidget *
_koers_model_canvas_ensure_menu (KoersModelCanvas *self)
{
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenu) place = NULL;
  g_autoptr(GMenu) remove = NULL;

  if (self->menu != NULL)
    return self->menu;

  menu = g_menu_new ();
  place = g_menu_new ();
  remove = g_menu_new ();
  g_menu_append (place, _("Place _Now Here"), "canvas.place-now");
  g_menu_append (place, _("Place _Goal Here"), "canvas.place-goal");
  g_menu_append (remove, _("_Remove Now"), "canvas.remove-now");
  g_menu_append (remove, _("R_emove Goal"), "canvas.remove-goal");
  g_menu_append (place, _("Place Now Where Your _Answers Point"), "canvas.place-suggestion");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (place));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), TRUE);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  return self->menu;
}

/* Whether the stage menu is open. */
gboolean
_koers_model_canvas_menu_is_open (KoersModelCanvas *self)
{
  return self->menu != NULL && gtk_widget_get_visible (self->menu);
}

void
_koers_model_canvas_init_actions (KoersModelCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  g_signal_connect_swapped (controller, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect_swapped (controller, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (widget, controller);
}

void
_koers_model_canvas_update_actions (KoersModelCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *now = _koers_model_canvas_get_marker_stage (self, KOERS_MARKER_CURRENT);
  const char *goal = _koers_model_canvas_get_marker_stage (self, KOERS_MARKER_TARGET);
  gboolean have_stage = self->selected != NULL && self->history != NULL;

  /* Enabled where the marker already stands too, so that its key says
   * so instead of doing nothing. */
  gtk_widget_action_set_enabled (widget, "canvas.place-now", have_stage);
  gtk_widget_action_set_enabled (widget, "canvas.place-goal", have_stage);
  gtk_widget_action_set_enabled (widget, "canvas.remove-now", self->history != NULL && now != NULL);
  gtk_widget_action_set_enabled (widget, "canvas.remove-goal", self->history != NULL && goal != NULL);
  gtk_widget_action_set_enabled (widget, "canvas.menu", self->zones->len > 0);
  gtk_widget_action_set_enabled (widget, "canvas.place-suggestion",
                                 self->history != NULL && self->suggested != NULL &&
                                 g_strcmp0 (now, self->suggested) != 0);
}

void
_koers_model_canvas_class_actions_init (GtkWidgetClass *widget_class)
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
  guint initial;

  gtk_widget_class_install_action (widget_class, "canvas.place-now", NULL, place_action);
  gtk_widget_class_install_action (widget_class, "canvas.place-goal", NULL, place_action);
  gtk_widget_class_install_action (widget_class, "canvas.place-suggestion", NULL, place_suggestion_action);
  gtk_widget_class_install_action (widget_class, "canvas.remove-now", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "canvas.remove-goal", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "canvas.menu", NULL, menu_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_n, 0, place_binding, "i", KOERS_MARKER_CURRENT);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_g, 0, place_binding, "i", KOERS_MARKER_TARGET);
  /* The markers' initials in the language shown work too: D for Doel. */
  initial = gdk_unicode_to_keyval (g_unichar_tolower (g_utf8_get_char (koers_marker_get_label (KOERS_MARKER_TARGET))));
  if (initial != GDK_KEY_g && initial != GDK_KEY_n && g_unichar_isalpha (gdk_keyval_to_unicode (initial)))
    gtk_widget_class_add_binding (widget_class, initial, 0, place_binding, "i", KOERS_MARKER_TARGET);
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

/* --- public API --------------------------------------------------------- */

/**
 * _koers_model_canvas_move_cursor:
 * @direction: an arrow direction
 *
 * Moves the selection and the keyboard focus to another stage: left and
 * right follow the model's order, up and down go to the nearest stage
 * above or below in the drawing (or follow the order when there is none).
 */
void
_koers_model_canvas_move_cursor (KoersModelCanvas *self,
                                GtkDirectionType  direction)
{
  int position;
  int next = -1;
  graphene_rect_t from;
  gboolean rtl;

  g_return_if_fail (KOERS_IS_MODEL_CANVAS (self));

  if (self->zones->len == 0)
    return;

  position = _koers_model_canvas_zone_position (self, self->selected);
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
  else if (_koers_model_canvas_get_stage_rect (self, self->selected, &from))
    {
      double best = G_MAXDOUBLE;
      double from_x = from.origin.x + from.size.width / 2;
      double from_y = from.origin.y + from.size.height / 2;

      for (guint i = 0; i < self->zones->len; i++)
        {
          graphene_rect_t rect;
          double dx, dy, distance;

          if (!_koers_model_canvas_get_stage_rect (self, koers_stage_zone_get_stage_id (g_ptr_array_index (self->zones, i)), &rect))
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

  _koers_model_canvas_select_stage (self, koers_stage_zone_get_stage_id (g_ptr_array_index (self->zones, next)), TRUE);
}
