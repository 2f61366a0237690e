/* koers-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "koers-a11y.h"
#include "koers-gtk-theme.h"
#include "koers-application.h"
#include "koers-catalog.h"
#include "koers-heap.h"
#include "koers-cli.h"
#include "koers-diagram-renderer.h"
#include "koers-session.h"
#include "koers-types.h"
#include "koers-window.h"

/* As <url type="homepage"> in the metainfo. */
#define HOMEPAGE_URL "https://github.com/koersapp/koers"

struct _KoersApplication
{
  AdwApplication  parent_instance;
  gboolean        options_handled;
  /* The files on the command line, their reads started before the
   * display is even opened. */
  GPtrArray      *loads;     /* KoersDocumentLoad* */
  GSettings      *settings;  /* NULL when the schema is not installed */

  /* Drafts left by a run that crashed, offered back one at a time. */
  gboolean        drafts_offered;
  GPtrArray      *orphans;   /* KoersDraftInfo*, still to offer */
  GWeakRef        offer_parent;

  /* Quitting closes the windows one after the other, each asking about
   * its unsaved changes; Cancel on any stops the quit. */
  GPtrArray      *quitting;  /* KoersWindow*, still to close */
};

G_DEFINE_FINAL_TYPE (KoersApplication, koers_application, ADW_TYPE_APPLICATION)

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

/* Every window opens at the size the last one closed at: those made
 * here, and those a window makes to open a file. */
static void
koers_application_window_added (GtkApplication *app,
                                GtkWindow      *window)
{
  KoersApplication *self = KOERS_APPLICATION (app);

  GTK_APPLICATION_CLASS (koers_application_parent_class)->window_added (app, window);

  if (!KOERS_IS_WINDOW (window) || self->settings == NULL)
    return;
  gtk_window_set_default_size (window,
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (window);
  g_signal_connect_object (window, "close-request", G_CALLBACK (window_close_request_cb), self, 0);
}

static KoersWindow *
new_window (KoersApplication *self,
            KoersDocument    *document)
{
  return koers_window_new (GTK_APPLICATION (self), document);
}

/* --- drafts of a run that crashed ---------------------------------------- */

static void offer_next_draft (KoersApplication *self);

/* "today at 14:32", "yesterday at 09:05", "3 March 2026 at 16:10" */
static char *
format_saved (const char *iso)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);

  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* TRANSLATORS: when a safety copy was made; a g_date_time_format() format */
    return g_date_time_format (local, _("today at %H:%M"));
  if (g_date_time_get_year (local) == g_date_time_get_year (yesterday) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (yesterday))
    /* TRANSLATORS: when a safety copy was made; a g_date_time_format() format */
    return g_date_time_format (local, _("yesterday at %H:%M"));
  {
    g_autofree char *day = koers_format_day (g_date_time_get_year (local),
                                             g_date_time_get_month (local),
                                             g_date_time_get_day_of_month (local));
    g_autofree char *time = g_date_time_format (local, "%H:%M");

    /* TRANSLATORS: when a safety copy was made, e.g. "3 March 2026 at 16:10" */
    return g_strdup_printf (_("%s at %s"), day, time);
  }
}

static KoersWindow *
get_offer_parent (KoersApplication *self)
{
  KoersWindow *window = g_weak_ref_get (&self->offer_parent);
  GtkWindow *active;

  if (window != NULL)
    {
      /* A weak reference only: the window belongs to GTK. */
      g_object_unref (window);
      return window;
    }
  active = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (KOERS_IS_WINDOW (active))
    return KOERS_WINDOW (active);
  window = new_window (self, NULL);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     KoersApplication *self)
{
  const char *draft_id = g_object_get_data (G_OBJECT (dialog), "koers-draft-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") == 0)
    {
      KoersWindow *window = get_offer_parent (self);
      KoersWindow *restored = koers_window_restore_draft (window, draft_id, &error);

      if (restored == NULL)
        koers_window_show_error (window, _("Could Not Restore Unsaved Work"), error->message);
      else
        g_weak_ref_set (&self->offer_parent, restored);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      if (!koers_drafts_remove (koers_session_get_drafts (), draft_id, &error))
        g_debug ("Could not discard draft %s: %s", draft_id, error->message);
    }
  /* Otherwise (Escape) the draft stays, to be offered at the next start. */

  offer_next_draft (self);
}

static gboolean
offer_next_draft_cb (gpointer data)
{
  offer_next_draft (data);
  return G_SOURCE_REMOVE;
}

/* Once the dialog in the way is gone; the reference on the application
 * was taken when waiting began. */
static void
offer_after_dialog_cb (gpointer  data,
                       GObject  *dialog)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, offer_next_draft_cb, data, g_object_unref);
}

/* The question or error shown over @parent, if one is open. */
static AdwMessageDialog *
find_open_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; parent != NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
offer_next_draft (KoersApplication *self)
{
  KoersDrafts *drafts = koers_session_get_drafts ();
  AdwMessageDialog *open_dialog;

  /* One question at a time: a file from the command line that could not
   * be opened says so first. */
  if (self->orphans != NULL && self->orphans->len > 0 &&
      (open_dialog = find_open_dialog (GTK_WINDOW (get_offer_parent (self)))) != NULL)
    {
      g_object_weak_ref (G_OBJECT (open_dialog), (GWeakNotify) offer_after_dialog_cb, g_object_ref (self));
      return;
    }

  while (self->orphans != NULL && self->orphans->len > 0)
    {
      g_autoptr(KoersDraftInfo) info = g_ptr_array_steal_index (self->orphans, 0);
      g_autoptr(KoersProject) project = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *when = NULL;
      g_autofree char *body = NULL;
      const char *name;
      KoersWindow *parent;
      GtkWidget *dialog;

      project = koers_drafts_load (drafts, info->id, NULL, &error);
      if (project == NULL)
        {
          /* Damaged, or restored by another Koers in the meantime: the
           * store keeps a damaged one on disk for whoever can repair it. */
          g_debug ("Draft %s not offered: %s", info->id, error->message);
          continue;
        }

      name = koers_project_get_organisation_name (project);
      if (name == NULL || *name == '\0')
        name = _("Unnamed organisation");
      when = format_saved (info->saved);
      if (info->uri != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_uri (info->uri);
          g_autofree char *basename = g_file_get_basename (file);

          /* TRANSLATORS: a file name, an organisation and a time ("today at 14:32") */
          body = g_strdup_printf (_("Koers stopped unexpectedly before the changes to “%s” (%s) were saved. "
                                    "The changes kept %s can be restored."),
                                  basename, name, when);
        }
      else
        /* TRANSLATORS: an organisation and a time ("today at 14:32") */
        body = g_strdup_printf (_("Koers stopped unexpectedly before the new project for “%s” was saved. "
                                  "The changes kept %s can be restored."),
                                name, when);

      parent = get_offer_parent (self);
      dialog = adw_message_dialog_new (GTK_WINDOW (parent), _("Restore Unsaved Work?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "discard", _("_Discard"),
                                        "restore", _("_Restore"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
      /* Escape decides nothing: the draft is offered again next time. */
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
      g_object_set_data_full (G_OBJECT (dialog), "koers-draft-id", g_strdup (info->id), g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  g_clear_pointer (&self->orphans, g_ptr_array_unref);
}

/* Once per run, when the first window is up. */
static void
offer_drafts (KoersApplication *self,
              KoersWindow      *parent)
{
  if (self->drafts_offered)
    return;
  self->drafts_offered = TRUE;

  self->orphans = koers_drafts_list_orphaned (koers_session_get_drafts ());
  g_weak_ref_set (&self->offer_parent, parent);
  offer_next_draft (self);
}

/* The read of each file starts before its window is built: a file read
 * by then is in the window's first frame. A FIFO or a slow share never
 * keeps the window from showing: it comes at once and shows the file
 * when it is read. A file that cannot be read says why over the window,
 * which keeps its new, empty project. */
static KoersWindow *
open_load (KoersApplication  *self,
           KoersDocumentLoad *load)
{
  GFile *file = koers_document_load_get_file (load);

  /* One file is one document, in one window: opened twice, two windows
   * would each save over the other's changes. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (KOERS_IS_WINDOW (l->data) && koers_window_shows_file (l->data, file))
      {
        gtk_window_present (l->data);
        return l->data;
      }

  return koers_window_new_for_load (GTK_APPLICATION (self), load);
}

static KoersDocumentLoad *
start_load (GFile *file)
{
  return koers_document_load_start (NULL, file, koers_session_get_drafts (), NULL);
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
      {
        g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);

        /* Read while GTK opens the display and loads its styles. */
        g_ptr_array_add (self->loads, start_load (file));
      }

  return status;
}

static void
koers_application_activate (GApplication *app)
{
  KoersApplication *self = KOERS_APPLICATION (app);
  GtkWindow *window;

  if (self->loads->len > 0)
    {
      g_autoptr(GPtrArray) loads = g_steal_pointer (&self->loads);
      KoersWindow *last = NULL;

      self->loads = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < loads->len; i++)
        last = open_load (self, g_ptr_array_index (loads, i));
      offer_drafts (self, last);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (new_window (self, NULL));
  gtk_window_present (window);
  if (KOERS_IS_WINDOW (window))
    offer_drafts (self, KOERS_WINDOW (window));
}

static void
koers_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  KoersWindow *last = NULL;

  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(KoersDocumentLoad) load = start_load (files[i]);

      last = open_load (KOERS_APPLICATION (app), load);
    }
  if (last != NULL)
    offer_drafts (KOERS_APPLICATION (app), last);
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
                        "website", HOMEPAGE_URL,
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

static void quit_next (KoersApplication *self);

static void
quit_window_closed_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(KoersApplication) self = user_data;

  if (koers_window_request_close_finish (KOERS_WINDOW (source), result))
    quit_next (self);
  else
    g_clear_pointer (&self->quitting, g_ptr_array_unref);
}

static void
quit_next (KoersApplication *self)
{
  while (self->quitting != NULL && self->quitting->len > 0)
    {
      g_autoptr(KoersWindow) window = g_ptr_array_steal_index (self->quitting, 0);

      /* Closed in the meantime. */
      if (gtk_window_get_application (GTK_WINDOW (window)) == NULL)
        continue;
      koers_window_request_close (window, quit_window_closed_cb, g_object_ref (self));
      return;
    }
  g_clear_pointer (&self->quitting, g_ptr_array_unref);
}

/* Closes the windows one at a time, so each with unsaved changes asks on
 * its own (Save, Discard, Cancel) and Cancel keeps the rest open too. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  KoersApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  if (self->quitting != NULL)
    return;
  /* The windows without unsaved changes go at once; then the others, in
   * the order they were last used. */
  self->quitting = g_ptr_array_new_with_free_func (g_object_unref);
  for (GList *l = windows; l != NULL; l = l->next)
    if (KOERS_IS_WINDOW (l->data) && koers_document_get_modified (koers_window_get_document (l->data)))
      g_ptr_array_add (self->quitting, g_object_ref (l->data));
  windows = g_list_copy_deep (windows, (GCopyFunc) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    if (!KOERS_IS_WINDOW (l->data) || !koers_document_get_modified (koers_window_get_document (l->data)))
      gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
  quit_next (self);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  KoersApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (new_window (self, NULL)));
}

static void
help_launched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    return;

  uri = koers_session_dup_help_uri ();
  /* TRANSLATORS: %s is where the user guide is, a file or a web address */
  body = g_strdup_printf (_("No program to show web pages could open it. You can open it yourself: %s"), uri);
  dialog = adw_message_dialog_new (window, _("The User Guide Could Not Be Opened"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autofree char *uri = koers_session_dup_help_uri ();
  GtkWindow *window = gtk_application_get_active_window (app);

  /* gtk_show_uri() fails without a word; F1 must not. */
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, help_launched_cb,
                                           window ? g_object_ref (window) : NULL);
}

/* Koers' style sheet, which AdwApplication would load from the resource
 * base path: see koers_application_new(). Koers has no style-dark.css or
 * style-hc.css, which it would load too. */
static void
add_style_sheet (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
koers_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { .name = "new-window", .activate = new_window_action },
    { .name = "help", .activate = help_action },
    { .name = "about", .activate = about_action },
    { .name = "quit", .activate = quit_action },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  KoersApplication *self = KOERS_APPLICATION (app);
  KoersCatalog *catalog = koers_catalog_get_builtin ();

  /* A window shows the first model first: librsvg parses its art on a
   * thread while GTK and libadwaita start, 3 ms of the main thread's
   * time before the first frame. */
  if (koers_catalog_get_n_models (catalog) > 0)
    koers_diagram_prefetch_art (koers_catalog_get_model (catalog, 0));

  /* GTK's settings are made before libadwaita's startup, so that GTK
   * does not parse a theme libadwaita replaces: see koers-gtk-theme.c. */
  koers_gtk_theme_settle ();
  /* libadwaita's startup parses its style sheet: 20 ms that allocate much
   * and map nothing, so the heap's helper never holds up an mmap() of
   * ours (see koers-heap.c). */
  koers_heap_populate ();
  G_APPLICATION_CLASS (koers_application_parent_class)->startup (app);
  koers_gtk_theme_check ();
  add_style_sheet ();
  /* Should a reading of the icon theme have been thrown away after all
   * (see koers_application_new()), it is done again on a thread, not by
   * the window's first icon. */
  koers_gtk_theme_load_icons (gdk_display_get_default (), NULL, NULL);

  /* An uninstalled build may run without the schema: it then just does
   * not remember the window size. */
  g_set_object (&self->settings, koers_session_get_settings ());

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", shortcuts_accels);
  gtk_window_set_default_icon_name (APPLICATION_ID);
  koers_a11y_watch_toplevels ();
}

static void
koers_application_shutdown (GApplication *app)
{
  /* No window took the art parsed ahead (it failed to open). */
  koers_diagram_prefetch_drop ();
  G_APPLICATION_CLASS (koers_application_parent_class)->shutdown (app);
}

static void
koers_application_finalize (GObject *object)
{
  KoersApplication *self = (KoersApplication *) object;

  g_clear_pointer (&self->loads, g_ptr_array_unref);
  g_clear_pointer (&self->orphans, g_ptr_array_unref);
  g_clear_pointer (&self->quitting, g_ptr_array_unref);
  g_weak_ref_clear (&self->offer_parent);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (koers_application_parent_class)->finalize (object);
}

static void
koers_application_class_init (KoersApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->finalize = koers_application_finalize;

  app_class->handle_local_options = koers_application_handle_local_options;
  app_class->startup = koers_application_startup;
  app_class->shutdown = koers_application_shutdown;
  app_class->activate = koers_application_activate;
  app_class->open = koers_application_open;

  gtk_app_class->window_added = koers_application_window_added;
}

static void
koers_application_init (KoersApplication *self)
{
  self->loads = g_ptr_array_new_with_free_func (g_object_unref);
  g_weak_ref_init (&self->offer_parent, NULL);
  koers_cli_add_options (G_APPLICATION (self));
}

/* No resource base path. GtkApplication would add "icons/" under it to
 * the icon theme's resource paths, and Koers has no icons there; GTK 4.8
 * throws the icon theme away each time a path is added, and by then it
 * has started reading it on a thread. That reading is then either waited
 * for by the main thread and thrown away, or made again: 8 to 14 ms
 * before the first frame (docs/performance.md). libadwaita's startup
 * adds its own path right after it asks for the theme, before the thread
 * can start, so the theme is read once. Without the base path the
 * shortcuts window is Koers' own already, and koers_application_startup()
 * loads style.css itself. */
KoersApplication *
koers_application_new (void)
{
  KoersApplication *self = g_object_new (KOERS_TYPE_APPLICATION,
                                         "application-id", APPLICATION_ID,
                                         "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                                         NULL);

  g_application_set_resource_base_path (G_APPLICATION (self), NULL);
  return self;
}

gboolean
koers_application_options_were_handled (KoersApplication *self)
{
  g_return_val_if_fail (KOERS_IS_APPLICATION (self), FALSE);
  return self->options_handled;
}
