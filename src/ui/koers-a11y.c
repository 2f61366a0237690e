/* koers-a11y.c: accessible names GTK 4.8 does not give by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 names a button with only an icon after its child's class
 * ("GtkImage", "GtkMenuButton") and leaves the tooltip as the description;
 * a button with a mnemonic label gets its raw label and its text together
 * ("_Today Today"). Screen readers read those names aloud, so the buttons
 * are named here from what a sighted user sees: the tooltip or the label.
 */
#define G_LOG_DOMAIN "koers-a11y"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "koers-a11y.h"
#include "koers-tooltip.h"

/**
 * koers_a11y_strip_mnemonic:
 * @text: a label with mnemonic underscores, e.g. "_Export…"
 *
 * Returns: (transfer full): @text as it is shown, e.g. "Export…"; a doubled
 *   underscore stays as one
 */
char *
koers_a11y_strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (out, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The tooltip that says what @widget does: its own, or that of the
 * composite button it is part of (AdwSplitButton, GtkMenuButton). */
static const char *
find_tooltip (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  const char *tooltip = koers_tooltip_get (widget);

  if (tooltip != NULL)
    return tooltip;
  if (parent == NULL)
    return NULL;
  if (ADW_IS_SPLIT_BUTTON (parent))
    return GTK_IS_MENU_BUTTON (widget)
      ? adw_split_button_get_dropdown_tooltip (ADW_SPLIT_BUTTON (parent))
      : koers_tooltip_get (parent);
  return NULL;
}

/* A child label names the button by itself (the sidebar's organisation). */
static gboolean
has_text_child (GtkWidget *widget)
{
  GtkWidget *child = NULL;

  if (GTK_IS_BUTTON (widget))
    child = gtk_button_get_child (GTK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    child = gtk_menu_button_get_child (GTK_MENU_BUTTON (widget));
  return GTK_IS_LABEL (child);
}

static void
name_button (GtkWidget *widget)
{
  const char *tooltip;

  /* GTK names a mnemonic button twice: by the raw label ("_Today") it
   * sets as the button's label property, and by the label widget the
   * button is labelled by ("Today"). The label widget alone is right. */
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    {
      if (gtk_button_get_use_underline (GTK_BUTTON (widget)))
        gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) != NULL)
    {
      if (gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (widget)))
        gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }
  if (!GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget))
    return;

  /* The toggle inside a menu button is labelled by the menu button. */
  if (GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    return;

  /* A button showing an icon is named by its tooltip; one with a text
   * child names itself. */
  tooltip = find_tooltip (widget);
  /* libadwaita's toasts have a close button with neither. */
  if (tooltip == NULL && GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0)
    tooltip = _("Close");
  if (tooltip != NULL && !has_text_child (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                    -1);
}

/* What the combo row shows as its value: the item's string, through the
 * row's expression when it has one. */
static void
combo_value_cb (AdwComboRow *row)
{
  GObject *item = adw_combo_row_get_selected_item (row);
  GtkExpression *expression = adw_combo_row_get_expression (row);
  g_autofree char *text = NULL;

  if (item != NULL && expression != NULL)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (gtk_expression_evaluate (expression, item, &value) && G_VALUE_HOLDS_STRING (&value))
        text = g_value_dup_string (&value);
    }
  else if (GTK_IS_STRING_OBJECT (item))
    text = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));

  /* GTK 4.8 has no value property for a combo box: the description
   * carries it, and a screen reader reads it after the name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text ? text : "",
                                  -1);
}

static void
expose_combo_value (GtkWidget *widget)
{
  if (!ADW_IS_COMBO_ROW (widget) || g_object_get_data (G_OBJECT (widget), "koers-a11y-combo") != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), "koers-a11y-combo", GINT_TO_POINTER (TRUE));
  g_signal_connect (widget, "notify::selected-item", G_CALLBACK (combo_value_cb), NULL);
  combo_value_cb (ADW_COMBO_ROW (widget));
}

/**
 * koers_a11y_name_controls:
 * @root: a widget tree just built, e.g. a window after its template
 *
 * Names every icon button after its tooltip and every mnemonic button
 * after its text as shown, and lets every combo row say its value. Call it again for widgets built later; a
 * button whose label or tooltip changes afterwards needs naming again.
 */
void
koers_a11y_name_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  name_button (root);
  expose_combo_value (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    koers_a11y_name_controls (child);
}

static void
toplevel_map_cb (GtkWidget *window)
{
  koers_a11y_name_controls (window);
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      g_signal_connect (window, "map", G_CALLBACK (toplevel_map_cb), NULL);
    }
}

/**
 * koers_a11y_watch_toplevels:
 *
 * Names the controls of every window and dialog when it is shown, the
 * message dialogs' response buttons included. Call it once, at start-up.
 */
void
koers_a11y_watch_toplevels (void)
{
  static gboolean watching;

  if (watching)
    return;
  watching = TRUE;
  g_signal_connect (gtk_window_get_toplevels (), "items-changed",
                    G_CALLBACK (toplevels_changed_cb), NULL);
}
