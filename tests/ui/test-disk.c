/* test-disk.c: another program changes the open file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window follows its document's file monitor and the check a save
 * makes; its questions are answered through their "response" signal.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <utime.h>

#include "koers-application.h"
#include "koers-session.h"
#include "ui-test-util.h"
#include "koers-test-util.h"

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Result;

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Result *res = user_data;

  res->ok = koers_window_save_to_file_finish (KOERS_WINDOW (source), result, &res->error);
  res->done = TRUE;
}

static gboolean
wait_until (gboolean (*condition) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  return condition (data);
}

static gboolean
has_dialog (gpointer window)
{
  return ui_test_message_dialog (window) != NULL;
}

static gboolean
is_done (gpointer res)
{
  return ((Result *) res)->done;
}

static char *
name_on_disk (const char *path)
{
  g_autoptr(KoersProject) project = koers_test_load_project (path);

  return g_strdup (koers_project_get_organisation_name (project));
}

static void
write_elsewhere (const char *path,
                 const char *name)
{
  g_autoptr(KoersProject) project = koers_test_load_project (path);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_NAME, NULL, name, NULL));
  bytes = koers_project_to_bytes (project);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

/* A window that opened a copy of the example, as Open does. */
static KoersWindow *
open_copy (char **dir,
           char **path)
{
  g_autoptr(KoersProject) project = load_example ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  KoersWindow *window = ui_test_window_new (NULL, NULL, NULL);

  *dir = koers_test_make_dir ("koers-disk");
  *path = g_build_filename (*dir, "plan.koers", NULL);
  file = g_file_new_for_path (*path);
  g_assert_true (koers_project_save_to_file (project, file, NULL, NULL));

  g_assert_true (koers_window_open_file (window, file, &error) == window);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  pump ();
  return window;
}

/* No unsaved changes: the monitor sees the change and offers to reload. */
static void
test_reload (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  KoersWindow *window = open_copy (&dir, &path);
  AdwMessageDialog *dialog;

  write_elsewhere (path, "Changed by another program");
  g_assert_true (wait_until (has_dialog, window));
  dialog = ui_test_message_dialog (window);
  g_assert_true (adw_message_dialog_has_response (dialog, "reload"));
  g_assert_false (adw_message_dialog_has_response (dialog, "overwrite"));
  adw_message_dialog_response (dialog, "reload");

  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       g_strcmp0 (koers_project_get_organisation_name (ui_test_project (window)), "Changed by another program") != 0 &&
       g_get_monotonic_time () < deadline;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (koers_project_get_organisation_name (ui_test_project (window)), ==, "Changed by another program");
  g_assert_false (koers_document_get_modified (ui_test_document (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  koers_test_remove_tree (dir);
}

/* Unsaved changes: the save asks (copy, reload, overwrite); Overwrite
 * replaces the other program's version only then. */
static void
test_save_asks (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  KoersWindow *window = open_copy (&dir, &path);
  GFile *file = koers_document_get_file (ui_test_document (window));
  g_autofree char *name = NULL;
  Result res = { 0 };
  Result again = { 0 };
  AdwMessageDialog *dialog;

  g_assert_true (koers_history_set (ui_test_history (window), KOERS_FIELD_ORGANISATION_NAME, NULL, "Mine", NULL));
  write_elsewhere (path, "Theirs");

  koers_window_save_to_file (window, file, NULL, saved_cb, &res);
  g_assert_true (wait_until (is_done, &res));
  g_assert_false (res.ok);
  g_assert_error (res.error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&res.error);
  name = name_on_disk (path);
  g_assert_cmpstr (name, ==, "Theirs");
  g_clear_pointer (&name, g_free);

  g_assert_true (wait_until (has_dialog, window));
  dialog = ui_test_message_dialog (window);
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_true (adw_message_dialog_has_response (dialog, "reload"));
  g_assert_true (adw_message_dialog_has_response (dialog, "overwrite"));

  /* Cancel changes nothing. */
  adw_message_dialog_response (dialog, "cancel");
  pump ();
  name = name_on_disk (path);
  g_assert_cmpstr (name, ==, "Theirs");
  g_clear_pointer (&name, g_free);

  koers_window_save_to_file (window, file, NULL, saved_cb, &again);
  g_assert_true (wait_until (is_done, &again));
  g_clear_error (&again.error);
  g_assert_true (wait_until (has_dialog, window));
  adw_message_dialog_response (ui_test_message_dialog (window), "overwrite");
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       koers_document_get_modified (ui_test_document (window)) && g_get_monotonic_time () < deadline;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (koers_document_get_modified (ui_test_document (window)));
  name = name_on_disk (path);
  g_assert_cmpstr (name, ==, "Mine");

  gtk_window_destroy (GTK_WINDOW (window));
  koers_test_remove_tree (dir);
}

/* A file made read-only while open: refused, and Save As offered. */
static void
test_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  KoersWindow *window = open_copy (&dir, &path);
  GFile *file = koers_document_get_file (ui_test_document (window));
  Result res = { 0 };

  g_assert_true (koers_history_set (ui_test_history (window), KOERS_FIELD_ORGANISATION_NAME, NULL, "Mine", NULL));
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  koers_window_save_to_file (window, file, NULL, saved_cb, &res);
  g_assert_true (wait_until (is_done, &res));
  g_assert_error (res.error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_clear_error (&res.error);
  g_assert_true (wait_until (has_dialog, window));
  g_assert_true (adw_message_dialog_has_response (ui_test_message_dialog (window), "save-as"));
  adw_message_dialog_response (ui_test_message_dialog (window), "close");
  pump ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_chmod (path, 0600);
  koers_test_remove_tree (dir);
}

/* What a killed save left beside the file is offered, and opens as
 * unsaved changes. */
static void
test_leftover (void)
{
  g_autoptr(KoersProject) project = load_example ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = koers_test_make_dir ("koers-disk");
  g_autofree char *path = g_build_filename (dir, "plan.koers", NULL);
  g_autofree char *leftover = g_build_filename (dir, ".plan.koers.Ab12Cd", NULL);
  struct utimbuf old = { 0 };
  KoersWindow *window = ui_test_window_new (NULL, NULL, NULL);
  AdwMessageDialog *dialog;

  file = g_file_new_for_path (path);
  g_assert_true (koers_project_save_to_file (project, file, NULL, NULL));
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_NAME, NULL, "Only in the leftover", NULL));
  bytes = koers_project_to_bytes (project);
  g_assert_true (g_file_set_contents (leftover, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  old.actime = old.modtime = time (NULL) - 600;
  g_assert_cmpint (g_utime (leftover, &old), ==, 0);

  g_assert_true (koers_window_open_file (window, file, &error) == window);
  g_assert_no_error (error);
  g_assert_true (wait_until (has_dialog, window));
  dialog = ui_test_message_dialog (window);
  g_assert_true (adw_message_dialog_has_response (dialog, "delete"));
  adw_message_dialog_response (dialog, "open");
  pump ();

  g_assert_cmpstr (koers_project_get_organisation_name (ui_test_project (window)), ==, "Only in the leftover");
  g_assert_true (koers_document_get_modified (ui_test_document (window)));
  g_assert_true (g_file_equal (koers_document_get_file (ui_test_document (window)), file));
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));

  koers_document_discard_draft (ui_test_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
  koers_test_remove_tree (dir);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* Ctrl+O on a pipe named x.koers froze the window in open(); opening is
 * asynchronous now, and refuses anything but an ordinary file. A file
 * opened twice is one window. */
static void
test_open_async (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-disk");
  g_autofree char *fifo = g_build_filename (dir, "x.koers", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.koers", NULL);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KoersProject) project = load_example ();
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GAsyncResult) opened = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(KoersWindow) shown = NULL;
  g_autoptr(KoersWindow) shown_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersApplication) app = koers_application_new ();
  KoersWindow *window, *other;
  guint showing = 0;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = ui_test_window_new (GTK_APPLICATION (app), NULL, NULL);
  other = ui_test_window_new (GTK_APPLICATION (app), NULL, NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (koers_project_save_to_file (project, file, NULL, NULL));

  /* The watchdog: wait_until gives up after 10 s and the test fails. */
  koers_window_open_file_async (window, fifo_file, NULL, store_result_cb, &refused);
  g_assert_true (wait_until (has_result, &refused));
  g_assert_null (koers_window_open_file_finish (window, refused, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (ui_test_message_dialog (window));
  adw_message_dialog_response (ui_test_message_dialog (window), "close");
  pump ();

  koers_window_open_file_async (window, file, NULL, store_result_cb, &opened);
  g_assert_true (wait_until (has_result, &opened));
  shown = koers_window_open_file_finish (window, opened, NULL);
  g_assert_true (shown == window);
  koers_window_open_file_async (other, file, NULL, store_result_cb, &again);
  g_assert_true (wait_until (has_result, &again));
  shown_again = koers_window_open_file_finish (other, again, NULL);
  g_assert_true (shown_again == window);

  /* The file given to the app again (koers plan.koers from a terminal,
   * a file manager): presented, not opened a second time. */
  g_application_open (G_APPLICATION (app), (GFile *[]) { file }, 1, "");
  pump ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      GFile *own = koers_document_get_file (koers_window_get_document (l->data));

      if (own != NULL && g_file_equal (own, file))
        showing++;
    }
  g_assert_cmpuint (showing, ==, 1);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (l->data);
  window = other = NULL;
  koers_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/ui/disk/reload", test_reload);
  g_test_add_func ("/ui/disk/save-asks", test_save_asks);
  g_test_add_func ("/ui/disk/read-only", test_read_only);
  g_test_add_func ("/ui/disk/leftover", test_leftover);
  g_test_add_func ("/ui/disk/open-async", test_open_async);

  return g_test_run ();
}
