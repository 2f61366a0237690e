/* test-gtk-theme.c: GTK's own theme is not parsed only to be replaced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case runs in a process of its own: GTK makes a display's settings,
 * and loads their theme, once per process. GTK's built-in Default theme is
 * told apart by a colour only it defines, "content_view_bg"; libadwaita's
 * style sheet by "accent_bg_color".
 */
#include "config.h"

#include <adwaita.h>

#include "koers-application.h"
#include "koers-gtk-theme.h"
#include "ui-test-display.h"

static gboolean
has_color (const char *name)
{
  g_autoptr(GtkWidget) label = g_object_ref_sink (gtk_label_new (NULL));
  GdkRGBA rgba;
  gboolean found;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (label), name, &rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return found;
}

static char *
theme_name (void)
{
  char *name = NULL;

  g_object_get (gtk_settings_get_default (), "gtk-theme-name", &name, NULL);
  return name;
}

/* Runs the test in a process of its own and returns FALSE there. */
static gboolean
in_parent (void)
{
  if (g_test_subprocess ())
    return FALSE;
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return TRUE;
}

/* The control: without Koers' step, GTK does load its Default theme, so
 * the colour below does tell. */
static void
test_control (void)
{
  if (in_parent ())
    return;

  g_unsetenv ("GTK_THEME");
  g_assert_true (gtk_init_check ());
  g_assert_true (has_color ("content_view_bg"));
}

/* GTK's settings are made with the empty theme, and GTK_THEME is gone
 * again before libadwaita looks at it. */
static void
test_settle (void)
{
  if (in_parent ())
    return;

  g_unsetenv ("GTK_THEME");
  g_unsetenv ("KOERS_GTK_THEME");
  g_assert_true (koers_gtk_theme_defer ());
  g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "Adwaita-empty");

  koers_gtk_theme_settle ();
  g_assert_null (g_getenv ("GTK_THEME"));
  g_assert_false (has_color ("content_view_bg"));
  g_assert_false (has_color ("accent_bg_color"));

  adw_init ();
  koers_gtk_theme_check ();
  {
    g_autofree char *name = theme_name ();

    g_assert_cmpstr (name, ==, "Adwaita-empty");
  }
  g_assert_true (has_color ("accent_bg_color"));
  g_assert_false (has_color ("content_view_bg"));
}

static void
startup_cb (GApplication *app,
            gboolean     *started)
{
  g_autofree char *name = theme_name ();

  g_assert_null (g_getenv ("GTK_THEME"));
  g_assert_cmpstr (name, ==, "Adwaita-empty");
  g_assert_true (has_color ("accent_bg_color"));
  *started = TRUE;
}

/* The application's startup does the same, around libadwaita's. */
static void
test_application (void)
{
  g_autoptr(KoersApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  gboolean started = FALSE;

  if (in_parent ())
    return;

  g_unsetenv ("GTK_THEME");
  g_unsetenv ("KOERS_GTK_THEME");
  g_assert_true (koers_gtk_theme_defer ());

  app = koers_application_new ();
  g_signal_connect_after (app, "startup", G_CALLBACK (startup_cb), &started);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (started);
}

/* The application has no resource base path, so that GtkApplication adds
 * no icon path that throws away the icon theme GTK is reading; libadwaita's
 * path is there, and Koers' style sheet is loaded all the same. */
static void
test_application_resources (void)
{
  g_autoptr(KoersApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  g_autoptr(GtkWidget) chip = NULL;
  GtkBorder padding;

  if (in_parent ())
    return;

  app = koers_application_new ();
  g_assert_null (g_application_get_resource_base_path (G_APPLICATION (app)));
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  paths = gtk_icon_theme_get_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()));
  g_assert_true (g_strv_contains ((const char * const *) paths, "/org/gnome/Adwaita/icons"));
  for (guint i = 0; paths[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (paths[i], "/io/github/koersapp/"));

  /* A rule of style.css: .placement-chip { padding: 1px 8px; } */
  chip = g_object_ref_sink (gtk_label_new ("Now"));
  gtk_widget_add_css_class (chip, "placement-chip");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_padding (gtk_widget_get_style_context (chip), &padding);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_cmpint (padding.left, ==, 8);
  g_assert_cmpint (padding.top, ==, 1);
}

/* How long the main thread takes to learn whether the theme has an icon:
 * the whole reading of the theme when it is not read yet. */
static gint64
time_has_icon (GtkIconTheme *theme)
{
  gint64 start = g_get_monotonic_time ();

  g_assert_true (gtk_icon_theme_has_icon (theme, "adw-expander-arrow-symbolic"));
  return g_get_monotonic_time () - start;
}

/* The theme read by the main thread itself, after a resource path threw
 * it away as libadwaita's does: the least of three. */
static gint64
time_cold_reads (GtkIconTheme *theme)
{
  gint64 cold = G_MAXINT64;

  (void) time_has_icon (theme);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strdup_printf ("/org/example/koers-test/%d/", i);
      gint64 t;

      gtk_icon_theme_add_resource_path (theme, path);
      /* Not inside MIN (), which would ask twice. */
      t = time_has_icon (theme);
      cold = MIN (cold, t);
    }
  return cold;
}

static void
icons_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (koers_gtk_theme_load_icons_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* After libadwaita's startup the icon theme is read on a thread: the main
 * thread's first question finds it read. A ratio of two times measured in
 * turn, so that it holds on a busy machine: a read theme answers in
 * microseconds, reading it takes milliseconds. */
static void
test_icons_ahead (void)
{
  GtkIconTheme *theme;
  gint64 warm = G_MAXINT64;
  gint64 cold;

  if (in_parent ())
    return;

  g_assert_true (gtk_init_check ());
  adw_init ();
  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  cold = time_cold_reads (theme);

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strdup_printf ("/org/example/koers-test/ahead-%d/", i);
      gboolean done = FALSE;
      gint64 t;

      gtk_icon_theme_add_resource_path (theme, path);
      koers_gtk_theme_load_icons (gdk_display_get_default (), icons_loaded_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (koers_gtk_theme_icons_loaded ());
      t = time_has_icon (theme);
      warm = MIN (warm, t);
    }

  g_test_message ("theme read by the main thread: %" G_GINT64_FORMAT " µs; read ahead: %" G_GINT64_FORMAT " µs",
                  cold, warm);
  g_assert_cmpint (4 * warm, <, cold);
}

static gboolean
icons_loaded_or_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* The application's startup reads it ahead, after libadwaita's. */
static void
test_application_icons (void)
{
  g_autoptr(KoersApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GtkIconTheme *theme;
  gboolean timed_out = FALSE;
  gint64 first, cold;
  guint timeout;

  if (in_parent ())
    return;

  app = koers_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  timeout = g_timeout_add_seconds (30, icons_loaded_or_timeout, &timed_out);
  while (!koers_gtk_theme_icons_loaded () && !timed_out)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (timed_out);
  g_source_remove (timeout);

  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  first = time_has_icon (theme);
  cold = time_cold_reads (theme);
  g_test_message ("first question after the start: %" G_GINT64_FORMAT " µs; theme read by the main thread: %"
                  G_GINT64_FORMAT " µs", first, cold);
  g_assert_cmpint (4 * first, <, cold);
}

/* Where libadwaita leaves the theme to GTK (beside Granite), the
 * desktop's theme is loaded after all. */
static void
test_fallback (void)
{
  if (in_parent ())
    return;

  g_unsetenv ("GTK_THEME");
  g_unsetenv ("KOERS_GTK_THEME");
  g_assert_true (koers_gtk_theme_defer ());
  koers_gtk_theme_settle ();
  g_assert_false (has_color ("content_view_bg"));

  /* No libadwaita here: the settings still name GTK's theme. */
  koers_gtk_theme_check ();
  g_assert_true (has_color ("content_view_bg"));
}

/* A theme the user chose is theirs: GTK_THEME stays as it is. */
static void
test_user_theme (void)
{
  if (in_parent ())
    return;

  g_setenv ("GTK_THEME", "Default", TRUE);
  g_assert_false (koers_gtk_theme_defer ());
  koers_gtk_theme_settle ();
  koers_gtk_theme_check ();
  g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "Default");
  g_assert_true (gtk_init_check ());
  g_assert_true (has_color ("content_view_bg"));
}

/* KOERS_GTK_THEME=load keeps GTK's usual start, to compare. */
static void
test_opt_out (void)
{
  if (in_parent ())
    return;

  g_unsetenv ("GTK_THEME");
  g_setenv ("KOERS_GTK_THEME", "load", TRUE);
  g_assert_false (koers_gtk_theme_defer ());
  g_assert_null (g_getenv ("GTK_THEME"));
  koers_gtk_theme_settle ();
  g_assert_true (gtk_init_check ());
  g_assert_true (has_color ("content_view_bg"));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_own_display ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/gtk-theme/control", test_control);
  g_test_add_func ("/ui/gtk-theme/settle", test_settle);
  g_test_add_func ("/ui/gtk-theme/application", test_application);
  g_test_add_func ("/ui/gtk-theme/fallback", test_fallback);
  g_test_add_func ("/ui/gtk-theme/user-theme", test_user_theme);
  g_test_add_func ("/ui/gtk-theme/opt-out", test_opt_out);
  g_test_add_func ("/ui/gtk-theme/application-resources", test_application_resources);
  g_test_add_func ("/ui/gtk-theme/icons-ahead", test_icons_ahead);
  g_test_add_func ("/ui/gtk-theme/application-icons", test_application_icons);

  return g_test_run ();
}
