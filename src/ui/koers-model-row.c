/* koers-model-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-model-row"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-model-row.h"

struct _KoersModelRow
{
  GtkListBoxRow  parent_instance;

  KoersModel    *model;
  GtkWidget     *name_label;
  GtkWidget     *chip;
  GtkWidget     *menu;       /* the row's context menu, made when first shown */
};

G_DEFINE_FINAL_TYPE (KoersModelRow, koers_model_row, GTK_TYPE_LIST_BOX_ROW)

static void
koers_model_row_dispose (GObject *object)
{
  KoersModelRow *self = (KoersModelRow *) object;

  g_clear_object (&self->model);
  g_clear_pointer (&self->menu, gtk_widget_unparent);

  G_OBJECT_CLASS (koers_model_row_parent_class)->dispose (object);
}

/* The row's context menu: what can be done with this model besides
 * showing it. Its items are window actions with the model as target. */
static void
show_menu (KoersModelRow *self,
           double         x,
           double         y)
{
  if (self->menu == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autoptr(GMenuItem) assess = g_menu_item_new (_("_Assess with Questions…"), NULL);

      g_menu_item_set_action_and_target (assess, "win.assess-questions", "s", koers_model_get_id (self->model));
      g_menu_append_item (menu, assess);
      self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
    }
  if (x >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  else
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), NULL);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_menu (KOERS_MODEL_ROW (widget), -1, -1);
}

static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      KoersModelRow   *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_menu (self, x, y);
}

static void
koers_model_row_class_init (KoersModelRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_model_row_dispose;

  gtk_widget_class_install_action (widget_class, "row.context-menu", NULL, context_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "row.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "row.context-menu", NULL);
}

static void
koers_model_row_init (KoersModelRow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/* A layout that asks the widget's own layout manager, but never for the
 * width it needs at a given height: always for its width alone. */

static GtkLayoutManager *
get_own_layout (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "koers-own-layout");
}

static GtkSizeRequestMode
width_alone_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
width_alone_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  gtk_layout_manager_measure (get_own_layout (widget), widget, orientation,
                              orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                              minimum, natural, minimum_baseline, natural_baseline);
}

static void
width_alone_allocate (GtkWidget *widget,
                      int        width,
                      int        height,
                      int        baseline)
{
  gtk_layout_manager_allocate (get_own_layout (widget), widget, width, height, baseline);
}

/**
 * koers_widget_measure_width_alone:
 * @widget: a widget laid out by a #GtkBoxLayout or a #GtkBinLayout (layout
 *   managers with layout children, such as a grid's, cannot be used)
 *
 * Wrapped text is measured for its height at a given width, which is
 * cheap, and for its width at a given height, which GtkLabel answers by
 * laying the text out again and again in a binary search. A horizontal
 * box asks that second question of a child that holds wrapped text, at
 * one height after another, to share out its width: for the title of a
 * row, or a dot beside a name, that was most of the text measuring before
 * the first frame. @widget keeps its own layout, but is only ever asked
 * for its width alone (its longest word, its text on one line), which its
 * labels answer from their cache.
 *
 * @widget's layout manager is replaced: do not use #GtkBox API that
 * changes the layout of @widget afterwards.
 */
void
koers_widget_measure_width_alone (GtkWidget *widget)
{
  GtkLayoutManager *own;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  own = gtk_widget_get_layout_manager (widget);
  if (own == NULL || get_own_layout (widget) != NULL)
    return;

  g_object_set_data_full (G_OBJECT (widget), "koers-own-layout", g_object_ref (own), g_object_unref);
  gtk_widget_set_layout_manager (widget,
                                 gtk_custom_layout_new (width_alone_request_mode,
                                                        width_alone_measure,
                                                        width_alone_allocate));
}

/**
 * koers_widget_measure_width_alone_inside:
 * @root: where to look
 * @css_class: the style class of the boxes to change, e.g. "title" for the
 *   box of an #AdwActionRow's title and subtitle, "labels" for the one of
 *   an #AdwPreferencesGroup's title and description
 *
 * Calls koers_widget_measure_width_alone() on every #GtkBox under @root
 * with @css_class.
 */
void
koers_widget_measure_width_alone_inside (GtkWidget  *root,
                                         const char *css_class)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BOX (child) && gtk_widget_has_css_class (child, css_class))
        koers_widget_measure_width_alone (child);
      else
        koers_widget_measure_width_alone_inside (child, css_class);
    }
}

/**
 * koers_model_describe_placement:
 *
 * Returns: (transfer full): where @project places @model at a glance:
 *   "Listen → Create", "Now: Listen", "Goal: Create" or "Not placed yet"
 */
char *
koers_model_describe_placement (KoersModel   *model,
                                KoersProject *project)
{
  const char *model_id = koers_model_get_id (model);
  const char *now_id = koers_project_get_current (project, model_id);
  const char *goal_id = koers_project_get_target (project, model_id);
  const KoersStage *now = now_id ? koers_model_find_stage (model, now_id) : NULL;
  const KoersStage *goal = goal_id ? koers_model_find_stage (model, goal_id) : NULL;

  if (now != NULL && goal != NULL)
    /* TRANSLATORS: where a model stands at a glance, e.g. "Listen → Create" */
    return g_strdup_printf (_("%s → %s"), now->name, goal->name);
  if (now != NULL)
    /* TRANSLATORS: only the Now marker is placed, e.g. "Now: Listen" */
    return g_strdup_printf (_("Now: %s"), now->name);
  if (goal != NULL)
    /* TRANSLATORS: only the Goal marker is placed, e.g. "Goal: Create" */
    return g_strdup_printf (_("Goal: %s"), goal->name);
  return g_strdup (_("Not placed yet"));
}

/**
 * koers_model_row_new:
 *
 * Returns: (transfer floating): a row for @model
 */
GtkWidget *
koers_model_row_new (KoersModel *model)
{
  KoersModelRow *self;
  GtkWidget *box;
  GtkWidget *text;
  GtkWidget *dot;
  g_autofree char *model_class = NULL;

  g_return_val_if_fail (KOERS_IS_MODEL (model), NULL);

  self = g_object_new (KOERS_TYPE_MODEL_ROW, NULL);
  self->model = g_object_ref (model);
  model_class = g_strdup_printf ("model-%s", koers_model_get_id (model));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (dot, GTK_ALIGN_START);
  gtk_widget_set_margin_top (dot, 4);
  gtk_widget_add_css_class (dot, "model-dot");
  gtk_widget_add_css_class (dot, model_class);
  gtk_box_append (GTK_BOX (box), dot);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (box), text);

  self->name_label = gtk_label_new (koers_model_get_name (model));
  gtk_label_set_xalign (GTK_LABEL (self->name_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->name_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->name_label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (text), self->name_label);

  self->chip = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->chip), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->chip), PANGO_ELLIPSIZE_END);
  gtk_widget_set_halign (self->chip, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->chip, "placement-chip");
  gtk_box_append (GTK_BOX (text), self->chip);

  /* Beside the dot: see koers_widget_measure_width_alone(). */
  koers_widget_measure_width_alone (text);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  return GTK_WIDGET (self);
}

KoersModel *
koers_model_row_get_model (KoersModelRow *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL_ROW (self), NULL);
  return self->model;
}

/**
 * koers_model_row_update:
 *
 * Shows where @project places the row's model now.
 */
void
koers_model_row_update (KoersModelRow *self,
                        KoersProject  *project)
{
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  const char *model_id;
  gboolean placed;

  g_return_if_fail (KOERS_IS_MODEL_ROW (self));
  g_return_if_fail (KOERS_IS_PROJECT (project));

  model_id = koers_model_get_id (self->model);
  placed = koers_project_get_current (project, model_id) != NULL ||
           koers_project_get_target (project, model_id) != NULL;
  text = koers_model_describe_placement (self->model, project);
  gtk_label_set_text (GTK_LABEL (self->chip), text);
  if (placed)
    gtk_widget_remove_css_class (self->chip, "unplaced");
  else
    gtk_widget_add_css_class (self->chip, "unplaced");

  accessible = g_strdup_printf ("%s: %s", koers_model_get_name (self->model), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

