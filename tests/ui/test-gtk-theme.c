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
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/gtk-theme/control", test_control);
  g_test_add_func ("/ui/gtk-theme/settle", test_settle);
  g_test_add_func ("/ui/gtk-theme/application", test_application);
  g_test_add_func ("/ui/gtk-theme/fallback", test_fallback);
  g_test_add_func ("/ui/gtk-theme/user-theme", test_user_theme);
  g_test_add_func ("/ui/gtk-theme/opt-out", test_opt_out);

  return g_test_run ();
}
