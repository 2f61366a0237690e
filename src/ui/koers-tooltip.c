/* koers-tooltip.c: tooltips that ask the display nothing until shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's gtk_widget_set_tooltip_text() asks where the pointer is, in
 * case a tooltip must change under it, for every visible widget, even
 * one that is not on screen yet: on X11 that is three round trips to
 * the X server each. A window that sets a dozen tooltips while it is
 * built waits for some 40 of them before its first frame. These
 * tooltips keep their text on the widget and give it to GTK when GTK
 * asks for it, and ask where the pointer is only when the widget is on
 * screen. Like GTK's own, the text is also the widget's accessible
 * description.
 */
#define G_LOG_DOMAIN "koers-tooltip"

#include "config.h"

#include "koers-tooltip.h"

#define TEXT_KEY "koers-tooltip"

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TEXT_KEY);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * koers_tooltip_set:
 * @widget: a widget
 * @text: (nullable): what its tooltip says; %NULL or "" for none
 *
 * As gtk_widget_set_tooltip_text(), without a round trip to the display
 * for a widget that is not on screen. Use one or the other on a widget,
 * not both.
 */
void
koers_tooltip_set (GtkWidget  *widget,
                   const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (text, koers_tooltip_get (widget)) == 0)
    return;

  if (!g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, query_tooltip_cb, NULL))
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_object_set_data_full (G_OBJECT (widget), TEXT_KEY, g_strdup (text), g_free);

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_set_has_tooltip (widget, text != NULL);

  /* On screen, a tooltip shown now follows the new text at once. */
  if (gtk_widget_get_mapped (widget))
    gtk_widget_trigger_tooltip_query (widget);
}

/**
 * koers_tooltip_get:
 * @widget: a widget
 *
 * Returns: (nullable): the text of @widget's tooltip, set either way
 */
const char *
koers_tooltip_get (GtkWidget *widget)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  text = g_object_get_data (G_OBJECT (widget), TEXT_KEY);
  return text != NULL ? text : gtk_widget_get_tooltip_text (widget);
}
