/* koers-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "koers-application.h"
#include "koers-cli.h"
#include "koers-model-canvas.h"
#include "koers-window.h"

struct _KoersApplication
{
  AdwApplication  parent_instance;
  gboolean        options_handled;
  GPtrArray      *files;     /* GFile*, from the command line */
  GSettings      *settings;  /* NULL when the schema is not installed */
};

G_DEFINE_FINAL_TYPE (KoersApplication, koers_application, ADW_TYPE_APPLICATION)

static void
print_point (KoersWindow *window,
             const char  *kind,
             const char  *name,
             double       x,
             double       y)
{
  graphene_point_t point;

  if (gtk_widget_compute_point (koers_window_get_canvas (window), GTK_WIDGET (window),
                                &GRAPHENE_POINT_INIT (x, y), &point))
    g_print ("koers-point %s %s %.0f %.0f\n", kind, name, point.x, point.y);
}

/* Where the markers and the stages are, in the window, for a real mouse
 * drag by build-aux/screenshot; and the window's title, for the tests. */
static gboolean
print_points_cb (gpointer data)
{
  KoersWindow *window = data;
  KoersModelCanvas *canvas = KOERS_MODEL_CANVAS (koers_window_get_canvas (window));
  KoersModel *model = koers_model_canvas_get_model (canvas);
  double x, y;

  for (int m = KOERS_MARKER_CURRENT; m <= KOERS_MARKER_TARGET; m++)
    if (koers_model_canvas_get_marker_point (canvas, m, &x, &y) ||
        koers_model_canvas_get_tray_point (canvas, m, &x, &y))
      print_point (window, "marker", m == KOERS_MARKER_CURRENT ? "current" : "target", x, y);
  for (guint i = 0; model != NULL && i < koers_model_get_n_stages (model); i++)
    if (koers_model_canvas_get_stage_point (canvas, koers_model_get_stage (model, i)->id, &x, &y))
      print_point (window, "stage", koers_model_get_stage (model, i)->id, x, y);
  g_print ("koers-title %s\n", gtk_window_get_title (GTK_WINDOW (window)));
  fflush (stdout);
  return G_SOURCE_REMOVE;
}

static void
print_placed_cb (KoersModelCanvas *canvas,
                 int               marker,
                 const char       *stage_id)
{
  g_print ("koers-placed %s %s %s\n",
           koers_model_get_id (koers_model_canvas_get_model (canvas)),
           marker == KOERS_MARKER_CURRENT ? "current" : "target",
           stage_id ? stage_id : "none");
  fflush (stdout);
}

/* Hidden hooks for build-aux/screenshot: which view and model to show,
 * and the window size, set before the first frame. */
static void
apply_screenshot_hooks (KoersWindow *window)
{
  const char *view = g_getenv ("KOERS_SCREENSHOT_VIEW");
  const char *model = g_getenv ("KOERS_SCREENSHOT_MODEL");
  const char *size = g_getenv ("KOERS_SCREENSHOT_SIZE");
  const char *stage = g_getenv ("KOERS_SCREENSHOT_STAGE");
  int width, height;

  if (model != NULL)
    koers_window_select_model (window, model);
  if (view != NULL)
    koers_window_set_view (window, view);
  if (stage != NULL)
    koers_model_canvas_set_selected_stage (KOERS_MODEL_CANVAS (koers_window_get_canvas (window)), stage);
  if (size != NULL && sscanf (size, "%dx%d", &width, &height) == 2)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (g_getenv ("KOERS_SCREENSHOT_POINTS") != NULL)
    {
      g_timeout_add_full (G_PRIORITY_DEFAULT, 1000, print_points_cb,
                          g_object_ref (window), g_object_unref);
      g_signal_connect (koers_window_get_canvas (window), "placed",
                        G_CALLBACK (print_placed_cb), NULL);
    }
}

static gboolean
window_close_request_cb (GtkWindow        *window,
                         KoersApplication *self)
{
  int width, height;

  if (self->settings == NULL)
    return FALSE;
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  return FALSE;
}

/* Every window opens at the size the last one closed at. */
static KoersWindow *
new_window (KoersApplication *self,
            KoersProject     *project,
            GFile            *file)
{
  KoersWindow *window = koers_window_new (GTK_APPLICATION (self), project, file);

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (window),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (window));
      g_signal_connect_object (window, "close-request", G_CALLBACK (window_close_request_cb), self, 0);
    }
  apply_screenshot_hooks (window);
  return window;
}

static KoersWindow *
open_file (KoersApplication *self,
           GFile            *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = NULL;
  KoersWindow *window;

  project = koers_project_load_from_file (koers_catalog_get_builtin (), file, NULL, &error);
  if (project == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      /* TRANSLATORS: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);
      /* TRANSLATORS: %s says what is wrong with the file */
      g_autofree char *body = g_strdup_printf (_("%s\n\nKoers started a new, empty project instead."),
                                               error->message);

      window = new_window (self, NULL, NULL);
      gtk_window_present (GTK_WINDOW (window));
      koers_window_show_error (window, heading, body);
      return window;
    }

  window = new_window (self, project, file);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Runs before any display is opened: headless commands end here. */
static int
koers_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  KoersApplication *self = KOERS_APPLICATION (app);
  g_autofree const char **paths = NULL;
  int status;

  self->options_handled = TRUE;
  status = koers_cli_run (options);
  if (status != KOERS_CLI_CONTINUE)
    return status;

  /* koers-cli.c takes the file arguments with G_OPTION_REMAINING, so
   * GApplication never sees them: keep them for activate. */
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths))
    for (guint i = 0; paths[i] != NULL; i++)
      g_ptr_array_add (self->files, g_file_new_for_commandline_arg (paths[i]));

  return status;
}

static void
koers_application_activate (GApplication *app)
{
  KoersApplication *self = KOERS_APPLICATION (app);
  GtkWindow *window;

  if (self->files->len > 0)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->files);

      self->files = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < files->len; i++)
        open_file (self, g_ptr_array_index (files, i));
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (new_window (self, NULL, NULL));
  gtk_window_present (window);
}

static void
koers_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    open_file (KOERS_APPLICATION (app), files[i]);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  g_autoptr(GPtrArray) credits = g_ptr_array_new_with_free_func (g_free);
  const char *developers[] = { _("The Koers contributors"), NULL };
  GtkIconTheme *theme;
  GtkWidget *about;

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, i);

      /* TRANSLATORS: a credit in the About window: a model and who made it */
      g_ptr_array_add (credits, g_strdup_printf (_("%s: %s"),
                                                 koers_model_get_name (model),
                                                 koers_model_get_source (model)));
    }
  g_ptr_array_add (credits, NULL);

  /* An uninstalled build has no icon in the theme: show none rather
   * than a broken image. */
  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Koers"),
                        "application-icon", gtk_icon_theme_has_icon (theme, APPLICATION_ID) ? APPLICATION_ID : "",
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Koers contributors"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("See where your organisation stands on social media, argue why, and walk out with a plan on a slide."),
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Models by"),
                                       (const char **) credits->pdata);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing each window lets a window ask about unsaved work. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
koers_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { .name = "about", .activate = about_action },
    { .name = "quit", .activate = quit_action },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  KoersApplication *self = KOERS_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (koers_application_parent_class)->startup (app);

  /* An uninstalled build may run without the schema: it then just does
   * not remember the window size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.koersapp.Koers", TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
koers_application_finalize (GObject *object)
{
  KoersApplication *self = (KoersApplication *) object;

  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (koers_application_parent_class)->finalize (object);
}

static void
koers_application_class_init (KoersApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = koers_application_finalize;

  app_class->handle_local_options = koers_application_handle_local_options;
  app_class->startup = koers_application_startup;
  app_class->activate = koers_application_activate;
  app_class->open = koers_application_open;
}

static void
koers_application_init (KoersApplication *self)
{
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  koers_cli_add_options (G_APPLICATION (self));
}

KoersApplication *
koers_application_new (void)
{
  return g_object_new (KOERS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

gboolean
koers_application_options_were_handled (KoersApplication *self)
{
  g_return_val_if_fail (KOERS_IS_APPLICATION (self), FALSE);
  return self->options_handled;
}
