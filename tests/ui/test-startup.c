/* test-startup.c: what the application does as it starts and as its
 * windows close
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The offer to restore the work of a run that crashed, the window size it
 * remembers, and the About window's website. Each test runs the real KoersApplication with
 * g_application_run(), as main.c does, in a process of its own: its
 * drafts in $XDG_STATE_HOME/koers/drafts of a temporary folder, its
 * settings in memory (GSETTINGS_BACKEND=memory, from the test
 * environment). The test drives it from the main loop once it is up.
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <string.h>

#include "koers-application.h"
#include "koers-drafts.h"
#include "koers-session.h"
#include "ui-test-util.h"
#include "koers-test-util.h"

/* --- running the application ------------------------------------------------ */

typedef void (*Scenario) (KoersApplication *app,
                          gpointer          data);

typedef struct {
  Scenario          scenario;
  gpointer          data;
  KoersApplication *app;
  gboolean          ran;
} Run;

static gboolean
scenario_cb (gpointer user_data)
{
  Run *run = user_data;
  GList *windows;

  run->scenario (run->app, run->data);
  run->ran = TRUE;

  /* What is left goes unsaved: the run ends with its last window. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (run->app))) != NULL)
    gtk_window_destroy (windows->data);
  return G_SOURCE_REMOVE;
}

static void
activated_cb (GApplication *app,
              Run          *run)
{
  g_idle_add (scenario_cb, run);
}

/* Starts Koers without arguments, runs @scenario once it is up (after its
 * "activate"), and returns when its windows are gone. */
static void
run_application (Scenario scenario,
                 gpointer data)
{
  g_autoptr(KoersApplication) app = koers_application_new ();
  char *argv[] = { (char *) "koers", NULL };
  Run run = { scenario, data, app, FALSE };

  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_true (run.ran);
}

static KoersWindow *
only_window (KoersApplication *app)
{
  KoersWindow *found = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (KOERS_IS_WINDOW (l->data))
      {
        g_assert_null (found);
        found = l->data;
      }
  g_assert_nonnull (found);
  return found;
}

/* --- the restore offer ------------------------------------------------------ */

static char *
drafts_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "koers", "drafts", NULL);
}

static gboolean
draft_exists (const char *draft_id)
{
  g_autofree char *dir = drafts_dir ();
  g_autofree char *name = g_strconcat (draft_id, ".koers", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* A draft as a run that crashed leaves it: written by a store that is
 * gone (its lock with it), as its process would be. */
static char *
leave_draft (KoersProject *project,
             GFile        *file)
{
  g_autofree char *dir = drafts_dir ();
  g_autoptr(GFile) directory = g_file_new_for_path (dir);
  g_autoptr(KoersDrafts) store = koers_drafts_new_for_directory (directory);
  g_autoptr(GBytes) bytes = koers_project_to_bytes (project);
  g_autofree char *uri = file ? g_file_get_uri (file) : NULL;
  g_autoptr(GError) error = NULL;
  char *id = koers_drafts_new_id ();

  g_assert_true (koers_drafts_save (store, id, bytes, uri, NULL, &error));
  g_assert_no_error (error);
  return id;
}

/* The dialog that offers a draft back, once it is up. */
static AdwMessageDialog *
wait_for_offer (void)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  for (;;)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
              g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), "Restore Unsaved Work?") == 0)
            return ADW_MESSAGE_DIALOG (window);
        }
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

typedef struct {
  const char *response;
  char       *draft_id;
  GFile      *file;       /* where the drafted project was saved, or NULL */
} OfferCase;

static void
offer_scenario (KoersApplication *app,
                gpointer          data)
{
  OfferCase *c = data;
  AdwMessageDialog *dialog = wait_for_offer ();
  KoersWindow *window = only_window (app);
  KoersProject *project;
  g_autoptr(GPtrArray) orphans = NULL;

  /* Over the window the start made; naming the file or the organisation. */
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  if (c->file != NULL)
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“woonstichting.koers” (Woonstichting Rivierenland)"));
  else
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "the new project for “Bakkerij Bol”"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "restore");
  g_assert_true (koers_document_is_untouched (ui_test_document (window)));

  adw_message_dialog_response (dialog, c->response);
  pump ();

  /* Into the untouched window, not a new one. */
  g_assert_true (only_window (app) == window);
  project = ui_test_project (window);
  orphans = koers_drafts_list_orphaned (koers_session_get_drafts ());
  if (g_str_equal (c->response, "restore"))
    {
      g_assert_true (koers_document_get_modified (ui_test_document (window)));
      g_assert_cmpstr (koers_document_get_draft_id (ui_test_document (window)), ==, c->draft_id);
      g_assert_true (draft_exists (c->draft_id));
      if (c->file != NULL)
        {
          g_assert_true (g_file_equal (koers_document_get_file (ui_test_document (window)), c->file));
          g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "listen");
          g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                           "• Woonstichting Rivierenland — woonstichting.koers");
        }
      else
        {
          g_assert_null (koers_document_get_file (ui_test_document (window)));
          g_assert_cmpstr (koers_project_get_organisation_name (project), ==, "Bakkerij Bol");
          g_assert_cmpstr (koers_project_get_current (project, "learning-curve"), ==, "tactical");
          g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Bakkerij Bol — Not saved yet");
        }
    }
  else
    {
      /* Gone from the disk; the window keeps its new, empty project. */
      g_assert_false (draft_exists (c->draft_id));
      g_assert_true (koers_document_is_untouched (ui_test_document (window)));
      g_assert_false (koers_document_get_modified (ui_test_document (window)));
      g_assert_null (koers_document_get_file (ui_test_document (window)));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Unnamed organisation — Not saved yet");
    }
  /* Offered once: restored, the window holds it; discarded, it is gone. */
  g_assert_cmpuint (orphans->len, ==, 0);
}

static void
check_offer (const char *response,
             gboolean    with_file)
{
  g_autofree char *dir = koers_test_make_dir ("koers-startup");
  g_autoptr(KoersProject) project = NULL;
  OfferCase c = { response, NULL, NULL };

  if (with_file)
    {
      g_autofree char *path = g_build_filename (dir, "woonstichting.koers", NULL);
      g_autoptr(GError) error = NULL;

      project = load_example ();
      c.file = g_file_new_for_path (path);
      g_assert_true (koers_project_save_to_file (project, c.file, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (koers_project_place (project, "pyramid", KOERS_MARKER_CURRENT, "listen", NULL));
    }
  else
    {
      project = koers_project_new (koers_catalog_get_builtin ());
      g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_NAME, NULL, "Bakkerij Bol", NULL));
      g_assert_true (koers_project_place (project, "learning-curve", KOERS_MARKER_CURRENT, "tactical", NULL));
    }
  c.draft_id = leave_draft (project, c.file);
  g_assert_true (draft_exists (c.draft_id));

  run_application (offer_scenario, &c);

  g_free (c.draft_id);
  g_clear_object (&c.file);
  koers_test_remove_tree (dir);
}

static void
test_offer_restore (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  check_offer ("restore", TRUE);
}

static void
test_offer_restore_unsaved (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  check_offer ("restore", FALSE);
}

static void
test_offer_discard (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  check_offer ("discard", FALSE);
}

/* The error over @window saying a draft could not be restored, if shown. */
static AdwMessageDialog *
find_refusal (KoersWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)),
                     "Could Not Restore Unsaved Work") == 0)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

/* A draft of a file that is open already: into its window, never a
 * second window on the same file; refused and kept when that window has
 * changes of its own. */
static void
offer_open_scenario (KoersApplication *app,
                     gpointer          data)
{
  OfferCase *c = data;
  AdwMessageDialog *dialog = wait_for_offer ();
  KoersWindow *window = only_window (app);
  gboolean edited = g_str_equal (c->response, "edited");
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *refusal;

  g_assert_true (koers_window_open_file (window, c->file, &error) == window);
  g_assert_no_error (error);
  if (edited)
    g_assert_true (koers_document_place (ui_test_document (window), "pyramid",
                                         KOERS_MARKER_TARGET, "respond", NULL));

  adw_message_dialog_response (dialog, "restore");
  pump ();

  g_assert_true (only_window (app) == window);
  g_assert_true (g_file_equal (koers_document_get_file (ui_test_document (window)), c->file));
  g_assert_true (koers_document_get_modified (ui_test_document (window)));
  g_assert_true (draft_exists (c->draft_id));
  refusal = find_refusal (window);
  if (edited)
    {
      /* The window keeps its own edit; the draft waits for the next start. */
      g_assert_nonnull (refusal);
      g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "“woonstichting.koers” is open already"));
      g_assert_cmpstr (koers_document_get_draft_id (ui_test_document (window)), !=, c->draft_id);
      g_assert_cmpstr (koers_project_get_target (ui_test_project (window), "pyramid"), ==, "respond");
      g_assert_cmpstr (koers_project_get_current (ui_test_project (window), "pyramid"), !=, "listen");
    }
  else
    {
      g_assert_null (refusal);
      g_assert_cmpstr (koers_document_get_draft_id (ui_test_document (window)), ==, c->draft_id);
      g_assert_cmpstr (koers_project_get_current (ui_test_project (window), "pyramid"), ==, "listen");
    }
}

static void
check_offer_open (const char *response)
{
  g_autofree char *dir = koers_test_make_dir ("koers-startup");
  g_autofree char *path = g_build_filename (dir, "woonstichting.koers", NULL);
  g_autoptr(KoersProject) project = load_example ();
  g_autoptr(GError) error = NULL;
  OfferCase c = { response, NULL, NULL };

  c.file = g_file_new_for_path (path);
  g_assert_true (koers_project_save_to_file (project, c.file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), !=, "listen");
  g_assert_true (koers_project_place (project, "pyramid", KOERS_MARKER_CURRENT, "listen", NULL));
  c.draft_id = leave_draft (project, c.file);

  run_application (offer_open_scenario, &c);

  g_free (c.draft_id);
  g_clear_object (&c.file);
  koers_test_remove_tree (dir);
}

static void
test_offer_restore_open (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  check_offer_open ("unchanged");
}

static void
test_offer_restore_open_edited (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  check_offer_open ("edited");
}

/* --- one file, one window -------------------------------------------------- */

static guint
count_windows (KoersApplication *app)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    n += KOERS_IS_WINDOW (l->data);
  return n;
}

static KoersWindow *
window_for (KoersApplication *app,
            GFile            *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (KOERS_IS_WINDOW (l->data) && koers_window_shows_file (l->data, file))
      return l->data;
  return NULL;
}

/* `koers FILE` for a file a window shows, or is still reading, presents
 * that window: one document, shown once. */
static void
open_twice_scenario (KoersApplication *app,
                     gpointer          data)
{
  GFile *file = data;
  guint before = count_windows (app);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  KoersWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = window_for (app, file);
  g_assert_nonnull (window);
  g_assert_cmpuint (count_windows (app), ==, before + 1);

  /* Again while it is read, and again once it is shown. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpuint (count_windows (app), ==, before + 1);
  while (koers_document_get_file (ui_test_document (window)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpuint (count_windows (app), ==, before + 1);
  g_assert_true (window_for (app, file) == window);
  g_assert_true (gtk_application_get_windows (GTK_APPLICATION (app))->data == window);
  g_assert_cmpstr (koers_project_get_organisation_name (ui_test_project (window)), ==,
                   "Woonstichting Rivierenland");
}

static void
test_open_twice (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  dir = koers_test_make_dir ("koers-startup");
  path = g_build_filename (dir, "woonstichting.koers", NULL);
  file = g_file_new_for_path (path);
  project = load_example ();
  g_assert_true (koers_project_save_to_file (project, file, NULL, &error));
  g_assert_no_error (error);

  run_application (open_twice_scenario, file);
  koers_test_remove_tree (dir);
}

/* --- the window size ------------------------------------------------------- */

/* Iterates until @window's surface is @width × @height. */
static void
wait_for_size (KoersWindow *window,
               int          width,
               int          height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (surface == NULL || gdk_surface_get_width (surface) != width || gdk_surface_get_height (surface) != height)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the window is %d×%d, not %d×%d",
                 surface ? gdk_surface_get_width (surface) : 0,
                 surface ? gdk_surface_get_height (surface) : 0, width, height);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      surface = gtk_native_get_surface (GTK_NATIVE (window));
    }
  pump ();
}

static void
size_scenario (KoersApplication *app,
               gpointer          data)
{
  GSettings *settings = data;
  KoersWindow *window = only_window (app);
  GdkSurface *surface;
  int width, height;

  /* The size the last window closed at. */
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));
  wait_for_size (window, 900, 640);

  /* The user makes it larger: through the X server, as a window manager
   * would; elsewhere as GTK records a resize. */
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  if (GDK_IS_X11_SURFACE (surface))
    {
      Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));

      XResizeWindow (display, gdk_x11_surface_get_xid (surface), 1000, 700);
      XSync (display, False);
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  wait_for_size (window, 1000, 700);

  /* Closing it keeps that size for the next window. */
  gtk_window_close (GTK_WINDOW (window));
  pump ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_window_size (void)
{
  g_autoptr(GSettings) settings = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* In memory, shared with the application in this process. */
  g_assert_cmpstr (g_getenv ("GSETTINGS_BACKEND"), ==, "memory");
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  run_application (size_scenario, settings);
}

/* --- the About window ---------------------------------------------------------- */

/* The homepage the metainfo names, from the source. */
static char *
metainfo_homepage (void)
{
  const char *data_dir = g_getenv ("KOERS_DATA_DIR");
  g_autofree char *path = data_dir ?
    g_build_filename (data_dir, "io.github.koersapp.Koers.metainfo.xml.in.in", NULL) :
    g_test_build_filename (G_TEST_DIST, "..", "data", "io.github.koersapp.Koers.metainfo.xml.in.in", NULL);
  g_autofree char *text = NULL;
  const char *start, *end;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  start = strstr (text, "<url type=\"homepage\">");
  g_assert_nonnull (start);
  start += strlen ("<url type=\"homepage\">");
  end = strstr (start, "</url>");
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static void
about_scenario (KoersApplication *app,
                gpointer          data)
{
  g_autofree char *homepage = metainfo_homepage ();
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwAboutWindow *about = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  pump ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && about == NULL; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (window))
        about = ADW_ABOUT_WINDOW (window);
    }
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, homepage);
  g_assert_true (g_str_has_prefix (homepage, "https://"));
  gtk_window_destroy (GTK_WINDOW (about));
}

static void
test_about_website (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  run_application (about_scenario, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_home = koers_test_make_dir ("koers-state");
  int status;

  /* Drafts where Koers keeps them, $XDG_STATE_HOME/koers/drafts, in a
   * folder of this process (each test runs in a process of its own): an
   * empty KOERS_DRAFTS_DIR keeps ui_test_init() from choosing one. */
  g_setenv ("XDG_STATE_HOME", state_home, TRUE);
  g_setenv ("KOERS_DRAFTS_DIR", "", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/startup/offer/restore", test_offer_restore);
  g_test_add_func ("/ui/startup/offer/restore-unsaved", test_offer_restore_unsaved);
  g_test_add_func ("/ui/startup/offer/discard", test_offer_discard);
  g_test_add_func ("/ui/startup/offer/restore-open", test_offer_restore_open);
  g_test_add_func ("/ui/startup/offer/restore-open-edited", test_offer_restore_open_edited);
  g_test_add_func ("/ui/startup/open-twice", test_open_twice);
  g_test_add_func ("/ui/startup/window-size", test_window_size);
  g_test_add_func ("/ui/startup/about-website", test_about_website);

  status = g_test_run ();
  koers_test_remove_tree (state_home);
  return status;
}
