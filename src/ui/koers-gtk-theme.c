/* koers-gtk-theme.c: GTK's own theme, not parsed only to be replaced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When GTK makes a display's settings, it loads the theme the desktop
 * names, usually "Adwaita": GTK's built-in Default theme, a style sheet of
 * some 80 M instructions to parse, a seventh of the main thread's work
 * before Koers' first frame (docs/performance.md). A moment later
 * libadwaita sets the theme to its empty "Adwaita-empty" and styles every
 * widget itself; the parse is thrown away.
 *
 * GTK takes the theme from GTK_THEME first, when that is set. So:
 * - koers_gtk_theme_defer(), first thing in main() and before any other
 *   thread, names libadwaita's empty theme there;
 * - koers_gtk_theme_settle(), in the application's startup before
 *   libadwaita's, makes GTK's settings, which load that empty theme, and
 *   takes GTK_THEME away again. libadwaita then finds no theme forced on
 *   it and installs its style sheet as always, and nothing Koers starts
 *   later inherits the variable;
 * - koers_gtk_theme_check(), after libadwaita's startup, loads the
 *   desktop's theme after all if libadwaita left the theme to GTK, as it
 *   does beside elementary's Granite.
 *
 * The window looks the same pixel for pixel, light, dark and in high
 * contrast. A GTK_THEME the user set is left alone, and so is everything
 * with KOERS_GTK_THEME=load, to compare.
 *
 * The icon theme: GTK 4.8 reads it on a thread as soon as the display
 * has one, and every resource path added afterwards throws that reading
 * away; the window's first icon then has the main thread read it all
 * again, 8 to 14 ms before the first frame. Koers starts without a
 * resource base path, so that only libadwaita adds one, right after it
 * first asks for the theme (see koers_application_new()). Should the
 * reading be thrown away all the same, koers_gtk_theme_load_icons(),
 * after libadwaita's startup, has it done again on a thread, as GTK meant
 * to; GtkIconTheme takes a lock around its reading, so a widget that
 * needs an icon before the thread is done waits for it, and a theme
 * already read answers at once.
 */
#define G_LOG_DOMAIN "koers-gtk-theme"

#include "config.h"

#include "koers-gtk-theme.h"

/* libadwaita's own empty theme, in its resources. */
#define EMPTY_THEME "Adwaita-empty"

static gboolean deferred;
static gint icons_loaded;

/**
 * koers_gtk_theme_defer:
 *
 * Names libadwaita's empty theme in GTK_THEME, unless the user set
 * GTK_THEME or KOERS_GTK_THEME=load. Call it before any other thread
 * starts: setenv() is not safe beside a getenv() in another thread.
 *
 * Returns: whether GTK_THEME was set, for koers_gtk_theme_settle() to
 *   take away again
 */
gboolean
koers_gtk_theme_defer (void)
{
  if (g_getenv ("GTK_THEME") != NULL || g_strcmp0 (g_getenv ("KOERS_GTK_THEME"), "load") == 0)
    return FALSE;

  deferred = g_setenv ("GTK_THEME", EMPTY_THEME, FALSE);
  return deferred;
}

/**
 * koers_gtk_theme_settle:
 *
 * Makes the default display's settings while GTK_THEME names the empty
 * theme, then takes GTK_THEME away. Call it before libadwaita's startup.
 *
 * GLib's threads run by now. glibc's unsetenv() frees nothing and moves
 * the variables after the one it removes down in place; GTK_THEME was
 * added last, so a getenv() elsewhere misses no other variable.
 */
void
koers_gtk_theme_settle (void)
{
  if (!deferred)
    return;

  if (gtk_init_check ())
    (void) gtk_settings_get_default ();
  g_unsetenv ("GTK_THEME");
}

/**
 * koers_gtk_theme_check:
 *
 * Loads the desktop's theme after all if the settings name another theme
 * than libadwaita's empty one: libadwaita did not take over the styling.
 * Call it after libadwaita's startup.
 */
void
koers_gtk_theme_check (void)
{
  GtkSettings *settings;
  g_autofree char *name = NULL;

  if (!deferred)
    return;
  deferred = FALSE;

  settings = gtk_settings_get_default ();
  if (settings == NULL)
    return;

  g_object_get (settings, "gtk-theme-name", &name, NULL);
  if (g_strcmp0 (name, EMPTY_THEME) == 0)
    return;

  /* Set again, the same name loads again, now without GTK_THEME. */
  g_debug ("libadwaita left the theme to GTK: loading “%s”", name ? name : "(default)");
  g_object_set (settings, "gtk-theme-name", name, NULL);
}

static void
load_icons_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GtkIconTheme *theme = task_data;

  /* Any question about the icons reads the theme first, under its lock.
   * libadwaita's own icons tell whether its resource path was in place. */
  if (gtk_icon_theme_has_icon (theme, "adw-expander-arrow-symbolic"))
    {
      g_atomic_int_set (&icons_loaded, TRUE);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             "The icon theme has no libadwaita icons");
}

/**
 * koers_gtk_theme_load_icons:
 * @display: the display whose icon theme to read
 * @callback: (nullable): called on this thread once it is read
 * @user_data: data for @callback
 *
 * Reads @display's icon theme on a thread of GLib's pool. Call it after
 * libadwaita's startup: its resource path throws away a theme read
 * before.
 */
void
koers_gtk_theme_load_icons (GdkDisplay          *display,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, koers_gtk_theme_load_icons);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)), g_object_unref);
  g_task_run_in_thread (task, load_icons_thread);
}

/**
 * koers_gtk_theme_load_icons_finish:
 * @result: the result given to the callback
 * @error: where to put an error
 *
 * Returns: whether the theme was read with libadwaita's icons in it
 */
gboolean
koers_gtk_theme_load_icons_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * koers_gtk_theme_icons_loaded:
 *
 * Returns: whether a koers_gtk_theme_load_icons() has read the theme, for
 *   the tests
 */
gboolean
koers_gtk_theme_icons_loaded (void)
{
  return g_atomic_int_get (&icons_loaded);
}
