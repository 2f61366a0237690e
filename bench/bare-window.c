/* bare-window.c: the least a libadwaita window costs to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A libadwaita application whose window has a header bar and one label,
 * at Koers' default size (1100 × 760), titled with the organisation's
 * name that bench/startup.sh waits for. Timed in the same turns as Koers
 * and GNOME Text Editor (KOERS_BENCH_FLOOR=1), it says how much of a
 * start any such app pays: GTK and libadwaita loading their style
 * sheets and icon theme, opening the display, painting a window of
 * that size.
 */
#include "config.h"

#include <adwaita.h>

static void
activate (GtkApplication *app,
          gpointer        data)
{
  const char *title = data;
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new (title));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.koersapp.Koers.BenchBareWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate),
                    (gpointer) (argc > 1 ? argv[1] : "Woonstichting Rivierenland"));
  return g_application_run (G_APPLICATION (app), 1, argv);
}
