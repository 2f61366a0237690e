/* koers-window-layout.c: the window on a phone, a laptop and a large screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-window"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-model-canvas.h"
#include "koers-tooltip.h"
#include "koers-window-private.h"

static gboolean
update_back_button_cb (gpointer data)
{
  KoersWindow *self = data;
  gboolean assess = g_strcmp0 (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (self->view_stack)), "assess") == 0;
  gboolean folded = adw_leaflet_get_folded (ADW_LEAFLET (self->leaflet));
  gboolean on_content = adw_leaflet_get_visible_child (ADW_LEAFLET (self->leaflet)) == self->content;

  self->back_source = 0;
  gtk_widget_set_visible (self->back_button, assess && folded && on_content);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being laid out, after the header bar was:
 * change the header bar after the layout, not in the middle of it. */
void
_koers_window_update_back_button (KoersWindow *self)
{
  if (self->back_source == 0)
    self->back_source = g_idle_add (update_back_button_cb, self);
}

/* libadwaita 1.2 has no breakpoints: the layout follows the window's size
 * here. (On a narrow window the header bar's squeezers keep only the menu,
 * which has Open, Save and Export too.) From WIDE_WIDTH on, the rationale,
 * the findings and the stage stand beside a larger diagram instead of
 * below it, so that a large screen shows it all at once. */
/* Side by side only when the diagram keeps a full-size column beside the
 * rationale; below that, a diagram above the rationale is the larger one. */
#define WIDE_WIDTH   1800
/* Above this width the single column grows past its usual 960 px. */
#define LARGE_WIDTH  1400
/* The header bar, the page margins and the model's title above the
 * diagram: what the window's height gives the diagram is the rest. */
#define ABOVE_DIAGRAM 320

static void
update_narrow (KoersWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int default_width, default_height;
  gboolean wide, large;
  int diagram_height;

  gtk_window_get_default_size (GTK_WINDOW (self), &default_width, &default_height);
  if (width <= 0)
    width = default_width;
  if (height <= 0)
    height = default_height;
  wide = width >= WIDE_WIDTH;
  large = width >= LARGE_WIDTH;
  /* The diagram grows with the window, in height as in width. */
  diagram_height = CLAMP (height - ABOVE_DIAGRAM, 460, wide ? 960 : 760);

  /* Open, Save and Export sit in squeezers that drop them when the header
   * bar runs out of room; hiding them here as well, inside a squeezer,
   * made it draw a box it had not laid out. */

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns),
                                  wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self->columns), wide ? 24 : 18);
  gtk_widget_set_size_request (self->side_column, wide ? 360 : -1, -1);
  adw_clamp_set_maximum_size (ADW_CLAMP (self->side_clamp), wide ? 440 : 960);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (self->side_clamp), wide ? 440 : 960);
  adw_clamp_set_maximum_size (ADW_CLAMP (self->content_clamp), wide ? 1800 : large ? 1280 : 960);
  koers_model_canvas_set_max_height (KOERS_MODEL_CANVAS (self->canvas), diagram_height);
}

static gboolean
update_narrow_cb (gpointer data)
{
  KoersWindow *self = data;

  self->narrow_source = 0;
  update_narrow (self);
  return G_SOURCE_REMOVE;
}

/* The size changes during a layout; change the header bar after it. */
static void
default_width_cb (KoersWindow *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_narrow (self);
  else if (self->narrow_source == 0)
    self->narrow_source = g_idle_add (update_narrow_cb, self);
}

void
_koers_window_back_clicked (KoersWindow *self)
{
  adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

/* A model chosen in the list of a folded window shows its diagram. */
void
_koers_window_model_activated (KoersWindow *self)
{
  if (adw_leaflet_get_folded (ADW_LEAFLET (self->leaflet)))
    adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void explain_roadmap_warnings (KoersWindow *self,
                                      GtkWidget   *switcher);

static gboolean
give_bar_stack_cb (gpointer user_data)
{
  KoersWindow *self = user_data;
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (self->switcher_bar);

  self->bar_source = 0;
  if (adw_view_switcher_bar_get_stack (bar) == NULL)
    {
      adw_view_switcher_bar_set_stack (bar, ADW_VIEW_STACK (self->view_stack));
      explain_roadmap_warnings (self, self->switcher_bar);
    }
  return G_SOURCE_REMOVE;
}

/* The bottom bar gets its stack, and with it its buttons, when the header
 * first has no room for its own switcher: 36 of the window's 318 widgets,
 * which a wide window never shows. The header learns that while it is
 * laid out, inside the window's own allocation, where GTK does not expect
 * widgets to be added. So they are added right after the frame; the bar
 * is only starting to slide in by then. */
static void
title_visible_cb (KoersWindow *self)
{
  if (!adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (self->switcher_title)) ||
      adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (self->switcher_bar)) != NULL ||
      self->bar_source != 0)
    return;
  self->bar_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, give_bar_stack_cb, self, NULL);
}

void
_koers_window_layout_init (KoersWindow *self)
{
  /* On a narrow window, start on the diagram, not on the list. */
  adw_leaflet_set_visible_child (ADW_LEAFLET (self->leaflet), self->content);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (default_width_cb), NULL);
  g_signal_connect (self, "notify::default-height", G_CALLBACK (default_width_cb), NULL);
  g_signal_connect_object (self->switcher_title, "notify::title-visible", G_CALLBACK (title_visible_cb), self,
                           G_CONNECT_SWAPPED);
  update_narrow (self);
}

void
_koers_window_layout_dispose (KoersWindow *self)
{
  g_clear_handle_id (&self->narrow_source, g_source_remove);
  g_clear_handle_id (&self->back_source, g_source_remove);
  g_clear_handle_id (&self->bar_source, g_source_remove);
}

/* libadwaita 1.2 draws a dot on a page's switcher button when the page
 * needs attention, and says nothing more. The dot is drawn by an
 * AdwIndicatorBin inside the button: found by its "needs-attention",
 * it gets the reason as its tooltip. Not the button: GTK 4.8 would read
 * the button's tooltip into its name. */
static void
explain_dots (GtkWidget  *button,
              const char *why)
{
  for (GtkWidget *child = gtk_widget_get_first_child (button); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (child), "needs-attention") != NULL)
        koers_tooltip_set (child, why);
      explain_dots (child, why);
    }
}

static void
explain_switcher_buttons (GtkWidget  *widget,
                          const char *title,
                          const char *why)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (widget);

  if (GTK_IS_TOGGLE_BUTTON (widget) &&
      g_object_class_find_property (klass, "needs-attention") != NULL &&
      g_object_class_find_property (klass, "label") != NULL)
    {
      g_autofree char *label = NULL;

      g_object_get (widget, "label", &label, NULL);
      if (g_strcmp0 (label, title) != 0)
        return;
      explain_dots (widget, why);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    explain_switcher_buttons (child, title, why);
}

/* Says on @switcher's Roadmap button why its dot shows, or that it does
 * not. */
static void
explain_roadmap_warnings (KoersWindow *self,
                          GtkWidget   *switcher)
{
  AdwViewStackPage *page = adw_view_stack_get_page (ADW_VIEW_STACK (self->view_stack), self->roadmap_view);
  const char *why = adw_view_stack_page_get_needs_attention (page)
                      ? _("The models disagree: the roadmap lists warnings") : NULL;

  explain_switcher_buttons (switcher, adw_view_stack_page_get_title (page), why);
}

/* Shows the dot on the Roadmap switcher while the roadmap has warnings,
 * and says what it means where the dot is. */
void
_koers_window_show_roadmap_warnings (KoersWindow *self,
                                     gboolean     warnings)
{
  AdwViewStackPage *page = adw_view_stack_get_page (ADW_VIEW_STACK (self->view_stack), self->roadmap_view);

  adw_view_stack_page_set_needs_attention (page, warnings);
  explain_roadmap_warnings (self, self->switcher_title);
  explain_roadmap_warnings (self, self->switcher_bar);
}
