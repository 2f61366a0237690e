/* koers-model-canvas-a11y.c: the stage zones, for keyboard focus and screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diagram is one drawing; each stage also gets an invisible
 * KoersStageZone child laid over it, which can take the keyboard focus
 * and tells a screen reader the stage's name and which markers stand on it.
 */
#define G_LOG_DOMAIN "koers-model-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-model-canvas-private.h"

static char *
describe_marker (KoersModelCanvas *self,
                 KoersMarker       marker)
{
  const char *stage_id = _koers_model_canvas_get_marker_stage (self, marker);
  const KoersStage *stage = stage_id ? koers_model_find_stage (self->model, stage_id) : NULL;

  if (stage == NULL)
    /* TRANSLATORS: %s is "Now" or "Goal" */
    return g_strdup_printf (_("%s is not placed yet."), koers_marker_get_label (marker));
  /* TRANSLATORS: "Now: Listen." — a marker and the stage it stands on */
  return g_strdup_printf (_("%s: %s."), koers_marker_get_label (marker), stage->name);
}

/* A stage's own action, run by a screen reader. */
static void
zone_place_cb (KoersStageZone *zone,
               int             marker,
               gpointer        user_data)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (user_data);

  _koers_model_canvas_select_stage (self, koers_stage_zone_get_stage_id (zone), FALSE);
  koers_model_canvas_place (self, marker, koers_stage_zone_get_stage_id (zone));
}

/* --- overrides ---------------------------------------------------------- */

/* Tab enters the canvas on one stage and leaves it from there; the arrow
 * keys move between stages. */
static gboolean
koers_model_canvas_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);

  if (self->zones->len == 0)
    return FALSE;

  if (_koers_model_canvas_focused_zone (self) == NULL)
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
      _koers_model_canvas_move_cursor (self, direction);
      return TRUE;
    }
}

static gboolean
koers_model_canvas_grab_focus (GtkWidget *widget)
{
  KoersModelCanvas *self = KOERS_MODEL_CANVAS (widget);
  KoersStageZone *zone = _koers_model_canvas_find_zone (self, self->selected);

  if (zone == NULL && self->zones->len > 0)
    {
      zone = g_ptr_array_index (self->zones, 0);
      _koers_model_canvas_select_stage (self, koers_stage_zone_get_stage_id (zone), FALSE);
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

  GTK_WIDGET_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (widget)))->set_focus_child (widget, child);

  /* Focus follows selection: a focused stage shows its description. */
  if (KOERS_IS_STAGE_ZONE (child))
    _koers_model_canvas_select_stage (self, koers_stage_zone_get_stage_id (KOERS_STAGE_ZONE (child)), FALSE);
  gtk_widget_queue_draw (widget);
}

/* --- private API -------------------------------------------------------- */

/* The zones take the keyboard focus, never the canvas itself. */
void
_koers_model_canvas_class_a11y_init (GtkWidgetClass *widget_class)
{
  widget_class->focus = koers_model_canvas_focus;
  widget_class->grab_focus = koers_model_canvas_grab_focus;
  widget_class->set_focus_child = koers_model_canvas_set_focus_child;
}

/* One zone per stage of the model, and the canvas's accessible name. */
void
_koers_model_canvas_add_zones (KoersModelCanvas *self)
{
  g_autofree char *label = NULL;

  g_assert (self->model != NULL);
  g_assert (self->zones->len == 0);

  for (guint i = 0; i < koers_model_get_n_stages (self->model); i++)
    {
      GtkWidget *zone = koers_stage_zone_new (koers_model_get_stage (self->model, i));

      gtk_widget_set_parent (zone, GTK_WIDGET (self));
      g_signal_connect_object (zone, "place", G_CALLBACK (zone_place_cb), self, 0);
      g_ptr_array_add (self->zones, zone);
    }

  /* TRANSLATORS: the accessible name of a diagram; %s is the model's name */
  label = g_strdup_printf (_("%s diagram"), koers_model_get_name (self->model));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

KoersStageZone *
_koers_model_canvas_focused_zone (KoersModelCanvas *self)
{
  GtkWidget *child = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return KOERS_IS_STAGE_ZONE (child) ? KOERS_STAGE_ZONE (child) : NULL;
}

KoersStageZone *
_koers_model_canvas_find_zone (KoersModelCanvas *self,
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

int
_koers_model_canvas_zone_position (KoersModelCanvas *self,
                                   const char       *stage_id)
{
  KoersStageZone *zone = _koers_model_canvas_find_zone (self, stage_id);
  guint index;

  if (zone != NULL && g_ptr_array_find (self->zones, zone, &index))
    return index;
  return -1;
}

void
_koers_model_canvas_update_markers (KoersModelCanvas *self)
{
  const char *now = _koers_model_canvas_get_marker_stage (self, KOERS_MARKER_CURRENT);
  const char *goal = _koers_model_canvas_get_marker_stage (self, KOERS_MARKER_TARGET);
  g_autofree char *now_text = NULL;
  g_autofree char *goal_text = NULL;
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->zones->len; i++)
    {
      KoersStageZone *zone = g_ptr_array_index (self->zones, i);
      const char *id = koers_stage_zone_get_stage_id (zone);

      koers_stage_zone_set_markers (zone, g_strcmp0 (id, now) == 0, g_strcmp0 (id, goal) == 0,
                                    g_strcmp0 (id, self->suggested) == 0 && g_strcmp0 (id, now) != 0);
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

  _koers_model_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_koers_model_canvas_remove_zones (KoersModelCanvas *self)
{
  for (guint i = 0; i < self->zones->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->zones, i));
  g_ptr_array_set_size (self->zones, 0);
}
