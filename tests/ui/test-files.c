/* test-files.c: never lose work: save, open, drafts, closing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is driven through the functions its choosers and actions
 * call (koers_window_save_to_file(), koers_window_open_file()), its
 * dialogs through their "response" signal, and a crash is a real SIGKILL
 * of the real binary.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "koers-application.h"
#include "koers-drafts.h"
#include "koers-error.h"
#include "koers-export-dialog.h"
#include "koers-model-row.h"
#include "koers-rationale-panel.h"
#include "koers-session.h"
#include "ui-test-util.h"
#include "koers-test-util.h"

#define NOBODY 65534

static char *test_dir;  /* a temporary folder for this run's files */

/* --- helpers ------------------------------------------------------------- */

/* A copy of the example project, in a folder of its own. */
static GFile *
copy_example (const char *folder)
{
  g_autoptr(KoersProject) project = load_example ();
  g_autofree char *path = g_build_filename (folder, "woonstichting.koers", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (koers_project_save_to_file (project, file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

static char *
read_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static gboolean
draft_exists (const char *draft_id)
{
  g_autofree char *name = g_strconcat (draft_id, ".koers", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("KOERS_DRAFTS_DIR"), name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Iterates the main loop until *@flag is set, or fails after @seconds. */
static void
wait_for_flag (gboolean *flag,
               int       seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!*flag)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
wait_for_finalize (gpointer *weak,
                   int       seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (*weak != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

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

/* Saves through the window, as the chooser callback does, and waits. */
static gboolean
save_and_wait (KoersWindow  *window,
               GFile        *file,
               GError      **error)
{
  Result res = { 0 };

  koers_window_save_to_file (window, file, NULL, saved_cb, &res);
  wait_for_flag (&res.done, 10);
  if (res.error != NULL)
    g_propagate_error (error, res.error);
  return res.ok;
}

static void
set_rationale (KoersWindow *window,
               const char  *model_id,
               const char  *text)
{
  GtkWidget *panel = ui_test_child (window, "rationale");

  koers_window_select_model (window, model_id);
  gtk_text_buffer_set_text (ui_test_rationale_buffer (KOERS_RATIONALE_PANEL (panel)), text, -1);
}

static void
assert_same_placements (KoersProject *a,
                        KoersProject *b)
{
  KoersCatalog *catalog = koers_project_get_catalog (a);

  g_assert_cmpstr (koers_project_get_organisation_name (a), ==, koers_project_get_organisation_name (b));
  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      const char *id = koers_model_get_id (koers_catalog_get_model (catalog, i));

      g_assert_cmpstr (koers_project_get_current (a, id), ==, koers_project_get_current (b, id));
      g_assert_cmpstr (koers_project_get_target (a, id), ==, koers_project_get_target (b, id));
      g_assert_cmpstr (koers_project_get_rationale (a, id), ==, koers_project_get_rationale (b, id));
      g_assert_cmpstr (koers_project_get_assessed (a, id), ==, koers_project_get_assessed (b, id));
    }
}

static gboolean
title_is_modified (KoersWindow *window)
{
  return g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• ");
}

static void
respond (KoersWindow *window,
         const char  *response)
{
  AdwMessageDialog *dialog = ui_test_message_dialog (window);

  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
}

static void
dismiss_dialog (KoersWindow *window)
{
  AdwMessageDialog *dialog = ui_test_message_dialog (window);

  if (dialog != NULL)
    adw_message_dialog_response (dialog, adw_message_dialog_get_close_response (dialog));
  pump ();
}

/* A modified window on a saved copy of the example. */
static KoersWindow *
open_modified (const char  *folder,
               GFile      **file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = NULL;
  KoersWindow *window;

  *file = copy_example (folder);
  project = koers_project_load_from_file (koers_catalog_get_builtin (), *file, NULL, &error);
  g_assert_no_error (error);
  window = open_window (project, *file, 1000, 700);
  g_assert_true (koers_history_place (ui_test_history (window), "pyramid",
                                      KOERS_MARKER_CURRENT, "listen", NULL));
  g_assert_true (koers_document_get_modified (ui_test_document (window)));
  return window;
}

/* --- save and reopen ------------------------------------------------------ */

static void
test_save_reopen (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-files");
  g_autofree char *path = g_build_filename (dir, "zuidhaven.koers", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  KoersWindow *window = open_window (NULL, NULL, 1000, 700);
  KoersWindow *reopened = open_window (NULL, NULL, 1000, 700);
  KoersWindow *shown;
  KoersProject *project = ui_test_project (window);
  KoersHistory *history = ui_test_history (window);
  GtkWidget *entry = ui_test_child (window, "organisation_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), "Gemeente Zuidhaven");
  g_assert_true (koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "listen", NULL));
  g_assert_true (koers_history_place (history, "pyramid", KOERS_MARKER_TARGET, "create", NULL));
  g_assert_true (koers_history_place (history, "maturity-matrix", KOERS_MARKER_CURRENT, "engagement", NULL));
  set_rationale (window, "pyramid", "We luisteren mee op Facebook.\nReageren doen we nog niet.");
  g_assert_cmpstr (koers_project_get_rationale (project, "pyramid"), ==,
                   "We luisteren mee op Facebook.\nReageren doen we nog niet.");
  g_assert_true (koers_document_get_modified (ui_test_document (window)));
  g_assert_true (title_is_modified (window));
  g_assert_true (koers_document_save_draft_now (ui_test_document (window), NULL));
  g_assert_true (draft_exists (koers_document_get_draft_id (ui_test_document (window))));

  g_assert_true (save_and_wait (window, file, &error));
  g_assert_no_error (error);

  /* Saved: no marker, a toast, the draft gone, the file is the project. */
  g_assert_false (koers_document_get_modified (ui_test_document (window)));
  g_assert_false (title_is_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Gemeente Zuidhaven — zuidhaven.koers");
  g_assert_true (g_file_equal (koers_document_get_file (ui_test_document (window)), file));
  g_assert_cmpstr (ui_test_last_toast (window), ==, "Saved “zuidhaven.koers”");
  g_assert_false (draft_exists (koers_document_get_draft_id (ui_test_document (window))));
  g_assert_nonnull (koers_project_get_modified (project));
  bytes = koers_project_to_bytes (project);
  contents = read_file (file);
  g_assert_cmpmem (contents, strlen (contents), g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* Open it in another window: the same placements and rationale. */
  shown = koers_window_open_file (reopened, file, &error);
  g_assert_no_error (error);
  g_assert_true (shown == reopened);
  assert_same_placements (project, ui_test_project (reopened));
  g_assert_cmpstr (koers_project_get_current (ui_test_project (reopened), "pyramid"), ==, "listen");
  g_assert_false (koers_document_get_modified (ui_test_document (reopened)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (reopened)), ==, "Gemeente Zuidhaven — zuidhaven.koers");

  /* Ctrl+S on a project with a file saves there, without asking. */
  g_assert_true (koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "respond", NULL));
  g_assert_true (title_is_modified (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (koers_document_get_modified (ui_test_document (window)))
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }
  g_free (contents);
  contents = read_file (file);
  g_assert_nonnull (strstr (contents, "\"current\": \"respond\""));

  close_window (reopened);
  close_window (window);
  koers_test_remove_tree (dir);
}

/* A change made while the bytes are being written is not lost: the
 * project stays modified. */
static void
test_change_during_save (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-files");
  g_autoptr(GFile) file = NULL;
  KoersWindow *window = open_modified (dir, &file);
  Result res = { 0 };

  koers_window_save_to_file (window, file, NULL, saved_cb, &res);
  g_assert_true (koers_history_place (ui_test_history (window), "pyramid",
                                      KOERS_MARKER_TARGET, "respond", NULL));
  wait_for_flag (&res.done, 10);
  g_assert_no_error (res.error);
  g_assert_true (res.ok);
  g_assert_true (koers_document_get_modified (ui_test_document (window)));
  g_assert_true (title_is_modified (window));

  /* The next save catches up. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (save_and_wait (window, file, &error));
    g_assert_no_error (error);
    g_assert_false (koers_document_get_modified (ui_test_document (window)));
  }
  close_window (window);
  koers_test_remove_tree (dir);
}

/* --- opening -------------------------------------------------------------- */

static void
test_open_untouched_or_new (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-files");
  g_autoptr(GFile) file = copy_example (dir);
  g_autoptr(GError) error = NULL;
  KoersWindow *window = open_window (NULL, NULL, 1000, 700);
  KoersWindow *shown;
  KoersWindow *other;

  /* An untouched new project makes way for the file. */
  g_assert_true (koers_document_is_untouched (ui_test_document (window)));
  shown = koers_window_open_file (window, file, &error);
  g_assert_no_error (error);
  g_assert_true (shown == window);
  g_assert_true (g_file_equal (koers_document_get_file (ui_test_document (window)), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Woonstichting Rivierenland — woonstichting.koers");
  g_assert_cmpstr (ui_test_chip_text (ui_test_model_row (window, "pyramid")),
                   !=, "Not placed yet");
  g_assert_false (gtk_widget_get_visible (ui_test_child (window, "empty_state")));
  g_assert_false (koers_history_can_undo (ui_test_history (window)));

  /* Its edits go through the new project's history. */
  g_assert_true (koers_history_place (ui_test_history (window), "pyramid",
                                      KOERS_MARKER_CURRENT, "listen", NULL));
  g_assert_cmpstr (koers_project_get_current (ui_test_project (window), "pyramid"), ==, "listen");
  g_assert_true (title_is_modified (window));

  /* A window with work in it stays as it is: a new window opens. */
  other = open_window (NULL, NULL, 1000, 700);
  g_assert_true (koers_history_place (ui_test_history (other), "pyramid",
                                      KOERS_MARKER_CURRENT, "monitor", NULL));
  g_assert_true (koers_history_undo (ui_test_history (other)));
  g_assert_false (koers_document_is_untouched (ui_test_document (other)));
  shown = koers_window_open_file (other, file, &error);
  g_assert_no_error (error);
  g_assert_true (shown != other);
  g_assert_true (KOERS_IS_WINDOW (shown));
  g_assert_null (koers_document_get_file (ui_test_document (other)));
  g_assert_true (g_file_equal (koers_document_get_file (ui_test_document (shown)), file));

  /* It joins the recent projects. */
  {
    g_autoptr(GPtrArray) recent = koers_session_list_recent (KOERS_RECENT_MAX);
    gboolean found = FALSE;

    for (guint i = 0; i < recent->len; i++)
      found |= g_file_equal (g_ptr_array_index (recent, i), file);
    g_assert_true (found);
  }

  close_window (shown);
  close_window (other);
  close_window (window);
  koers_test_remove_tree (dir);
}

/* 100 000 opening brackets. */
static void
make_too_deep (const char *path)
{
  g_autofree char *text = g_strnfill (100000, '[');

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* 17 MiB, one more than a Koers file may be; sparse, so quick to make. */
static void
make_too_large (const char *path)
{
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  fputc ('{', f);
  g_assert_cmpint (fseek (f, 17 * 1024 * 1024 - 1, SEEK_SET), ==, 0);
  fputc ('}', f);
  g_assert_cmpint (fclose (f), ==, 0);
}

typedef struct {
  const char *name;
  const char *file;       /* in tests/data, or the name of one @make writes */
  void      (*make) (const char *path);
  const char *where;      /* what the message must name */
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "syntax", "syntax-error.koers", NULL, "syntax-error.koers: 3:" },
  { "unknown-stage", "unknown-stage.koers", NULL, "placements.pyramid.current: unknown stage \"shout\"" },
  { "too-new", "version-2.koers", NULL, "version: this file was written by a newer Koers" },
  { "not-utf8", "not-utf8.koers", NULL, "not-utf8.koers: 4:33: the file is not UTF-8 text" },
  { "too-deep", "too-deep.koers", make_too_deep, "too-deep.koers: 1:65: the data is nested more than 64 levels deep" },
  { "too-large", "huge.koers", make_too_large, "huge.koers: the file is 17.0 MiB; Koers files are at most 16 MiB" },
  { "wrong-format", "wrong-format.koers", NULL,
    "wrong-format.koers: format: expected \"koers-project\", found \"koers-model\"" },
  { "missing-member", "missing-name.koers", NULL,
    "missing-name.koers: organisation.name: missing; this member is required" },
  { "wrong-type", "name-not-string.koers", NULL,
    "name-not-string.koers: organisation.name: expected text, found a number" },
};

static void
test_open_broken (gconstpointer data)
{
  const BrokenCase *c = data;
  g_autofree char *dir = koers_test_make_dir ("koers-files");
  g_autoptr(GFile) good = copy_example (dir);
  g_autoptr(GFile) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = NULL;
  g_autofree char *title = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GBytes) before_bytes = NULL;
  g_autoptr(GBytes) after_bytes = NULL;
  KoersWindow *window;
  AdwMessageDialog *dialog;
  guint n_toplevels;

  if (c->make == NULL)
    {
      g_autofree char *path = koers_test_data_path (c->file);

      broken = g_file_new_for_path (path);
    }
  else
    {
      g_autofree char *path = g_build_filename (dir, c->file, NULL);

      c->make (path);
      broken = g_file_new_for_path (path);
    }

  /* A window with unsaved work in it. */
  project = koers_project_load_from_file (koers_catalog_get_builtin (), good, NULL, &error);
  g_assert_no_error (error);
  window = open_window (project, good, 1000, 700);
  g_assert_true (koers_history_place (ui_test_history (window), "pyramid",
                                      KOERS_MARKER_CURRENT, "listen", NULL));
  title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  before_bytes = koers_project_to_bytes (ui_test_project (window));
  before = g_strdup (koers_document_get_draft_id (ui_test_document (window)));
  n_toplevels = g_list_model_get_n_items (gtk_window_get_toplevels ());

  g_assert_null (koers_window_open_file (window, broken, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == KOERS_FILE_ERROR);

  /* Nothing changed: project, file, title, modified flag, no new window. */
  g_assert_true (ui_test_project (window) == project);
  g_assert_true (g_file_equal (koers_document_get_file (ui_test_document (window)), good));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  g_assert_true (koers_document_get_modified (ui_test_document (window)));
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "listen");
  after_bytes = koers_project_to_bytes (project);
  g_assert_true (g_bytes_equal (before_bytes, after_bytes));
  g_assert_cmpstr (koers_document_get_draft_id (ui_test_document (window)), ==, before);

  /* The dialog says what is wrong and where. */
  dialog = ui_test_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the Project");
  /* The name is in the body, and the body is a sentence. */
  {
    g_autofree char *name = g_file_get_basename (broken);

    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), name));
  }
  g_assert_true (g_str_has_suffix (adw_message_dialog_get_body (dialog), "."));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), c->where));
  {
    g_autofree char *sentence = g_str_has_suffix (error->message, ".") ? g_strdup (error->message)
                                                                      : g_strconcat (error->message, ".", NULL);

    g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, sentence);
  }
  /* The dialog is the only new toplevel. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, n_toplevels + 1);

  dismiss_dialog (window);
  close_window (window);
  koers_test_remove_tree (dir);
}

/* --- dropping files --------------------------------------------------------- */

static gboolean
drop_value (KoersWindow  *window,
            const GValue *value)
{
  gboolean ret = FALSE;

  g_signal_emit_by_name (ui_test_window_drop_target (window), "drop", value, 100.0, 100.0, &ret);
  return ret;
}

/* A dropped file is read on a worker: the window says so in its title
 * until the file is shown or refused. */
static void
wait_for_load (KoersWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Opening “") != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A file whose read started before its window (as the application does
 * with the files it is given): a read that ended gives a window built
 * with the file, never "Opening" first; a file that cannot be read gives
 * a new project and a dialog saying why. */
static void
test_new_for_load (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-files");
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *missing_path = g_build_filename (dir, "missing.koers", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);

  {
    g_autoptr(KoersDocumentLoad) load = koers_document_load_start (NULL, file, koers_session_get_drafts (), NULL);
    KoersWindow *window;

    g_assert_true (koers_document_load_wait (load, 30 * G_TIME_SPAN_SECOND));
    window = koers_window_new_for_load (NULL, load);
    g_assert_false (koers_window_get_loading (window));
    g_assert_true (g_file_equal (koers_document_get_file (ui_test_document (window)), file));
    g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Woonstichting Rivierenland"));
    g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Opening"));
    close_window (window);
  }

  {
    g_autoptr(KoersDocumentLoad) load = koers_document_load_start (NULL, missing, koers_session_get_drafts (), NULL);
    KoersWindow *window;

    g_assert_true (koers_document_load_wait (load, 30 * G_TIME_SPAN_SECOND));
    window = koers_window_new_for_load (NULL, load);
    g_assert_false (koers_window_get_loading (window));
    g_assert_null (koers_document_get_file (ui_test_document (window)));
    pump ();
    g_assert_nonnull (ui_test_message_dialog (window));
    dismiss_dialog (window);
    close_window (window);
  }

  koers_test_remove_tree (dir);
}

static void
test_drop_file (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-files");
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *broken_path = koers_test_data_path ("unknown-stage.koers");
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  KoersWindow *window = open_window (NULL, NULL, 1000, 700);
  GValue value = G_VALUE_INIT;
  GtkDropTarget *target = ui_test_window_drop_target (window);
  const GType *types;
  gsize n_types;
  gboolean has_list = FALSE, has_file = FALSE;

  /* The window takes file lists and files. */
  types = gtk_drop_target_get_gtypes (target, &n_types);
  for (gsize i = 0; i < n_types; i++)
    {
      has_list |= types[i] == GDK_TYPE_FILE_LIST;
      has_file |= types[i] == G_TYPE_FILE;
    }
  g_assert_true (has_list && has_file);

  /* A broken file: taken, then refused, with the dialog; nothing else
   * changes. */
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, broken);
  g_assert_true (drop_value (window, &value));
  g_value_unset (&value);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Opening “unknown-stage.koers”"));
  wait_for_load (window);
  g_assert_null (koers_document_get_file (ui_test_document (window)));
  g_assert_nonnull (ui_test_message_dialog (window));
  dismiss_dialog (window);

  /* A file list with a project: it opens into the untouched window. */
  {
    GSList *list = g_slist_prepend (NULL, file);

    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
    g_slist_free (list);
  }
  g_assert_true (drop_value (window, &value));
  g_value_unset (&value);
  wait_for_load (window);
  g_assert_true (g_file_equal (koers_document_get_file (ui_test_document (window)), file));
  g_assert_cmpstr (koers_project_get_organisation_name (ui_test_project (window)), ==,
                   "Woonstichting Rivierenland");

  /* The canvas's own drops (markers) still work: they offer no file. */
  {
    KoersModelCanvas *canvas = window_canvas (window);
    double x, y;

    koers_window_select_model (window, "pyramid");
    wait_for_allocation (GTK_WIDGET (canvas));
    g_assert_true (koers_model_canvas_get_stage_point (canvas, "monitor", &x, &y));
    g_assert_true (drop_text (canvas, "koers-marker:pyramid:current", x, y));
    g_assert_cmpstr (koers_project_get_current (ui_test_project (window), "pyramid"), ==, "monitor");
  }

  close_window (window);
  koers_test_remove_tree (dir);
}

/* --- closing with unsaved changes ----------------------------------------- */

typedef struct {
  gboolean done;
  gboolean closed;
} CloseResult;

static void
closed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CloseResult *res = user_data;

  res->closed = koers_window_request_close_finish (KOERS_WINDOW (source), result);
  res->done = TRUE;
}

static void
test_close_save (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-files");
  g_autoptr(GFile) file = NULL;
  KoersWindow *window = open_modified (dir, &file);
  g_autofree char *draft_id = g_strdup (koers_document_get_draft_id (ui_test_document (window)));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  CloseResult res = { 0 };

  before = read_file (file);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  koers_window_request_close (window, closed_cb, &res);
  pump ();
  g_assert_nonnull (window);
  dialog = ui_test_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "woonstichting.koers"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "save"), ==, ADW_RESPONSE_SUGGESTED);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  /* Asking took a draft, so a crash while the question is open loses nothing. */
  g_assert_true (draft_exists (draft_id));
  /* A second close does not stack a second question. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (ui_test_message_dialog (window) == dialog);

  respond (window, "save");
  wait_for_flag (&res.done, 10);
  g_assert_true (res.closed);
  wait_for_finalize ((gpointer *) &window, 5);

  after = read_file (file);
  g_assert_cmpstr (after, !=, before);
  g_assert_nonnull (strstr (after, "\"current\": \"listen\""));
  g_assert_false (draft_exists (draft_id));
  koers_test_remove_tree (dir);
}

static void
test_close_discard (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-files");
  g_autoptr(GFile) file = NULL;
  KoersWindow *window = open_modified (dir, &file);
  g_autofree char *draft_id = g_strdup (koers_document_get_draft_id (ui_test_document (window)));
  g_autofree char *before = read_file (file);
  g_autofree char *after = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  /* The close button takes the same path. */
  gtk_window_close (GTK_WINDOW (window));
  pump ();
  g_assert_nonnull (window);
  g_assert_true (draft_exists (draft_id));

  respond (window, "discard");
  wait_for_finalize ((gpointer *) &window, 5);

  after = read_file (file);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (draft_exists (draft_id));
  koers_test_remove_tree (dir);
}

static void
test_close_cancel (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-files");
  g_autoptr(GFile) file = NULL;
  KoersWindow *window = open_modified (dir, &file);
  g_autofree char *draft_id = g_strdup (koers_document_get_draft_id (ui_test_document (window)));
  g_autofree char *before = read_file (file);
  g_autofree char *after = NULL;
  CloseResult res = { 0 };

  koers_window_request_close (window, closed_cb, &res);
  pump ();
  respond (window, "cancel");
  wait_for_flag (&res.done, 5);
  pump ();

  g_assert_false (res.closed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (koers_document_get_modified (ui_test_document (window)));
  g_assert_true (title_is_modified (window));
  g_assert_null (ui_test_message_dialog (window));
  after = read_file (file);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (draft_exists (draft_id));

  /* Discarding later removes the draft it kept. */
  gtk_window_close (GTK_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  respond (window, "discard");
  wait_for_finalize ((gpointer *) &window, 5);
  g_assert_false (draft_exists (draft_id));
  koers_test_remove_tree (dir);
}

static void
test_close_unmodified (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-files");
  g_autoptr(GFile) file = NULL;
  KoersWindow *window = open_modified (dir, &file);
  g_autofree char *draft_id = g_strdup (koers_document_get_draft_id (ui_test_document (window)));

  /* Back to the saved state: no question, and the draft goes. */
  g_assert_true (koers_document_save_draft_now (ui_test_document (window), NULL));
  g_assert_true (draft_exists (draft_id));
  g_assert_true (koers_history_undo (ui_test_history (window)));
  g_assert_false (koers_document_get_modified (ui_test_document (window)));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  wait_for_finalize ((gpointer *) &window, 5);
  g_assert_false (draft_exists (draft_id));
  koers_test_remove_tree (dir);
}

/* --- drafts --------------------------------------------------------------- */

static void
test_draft_debounce (void)
{
  KoersWindow *window = open_window (NULL, NULL, 1000, 700);
  const char *draft_id = koers_document_get_draft_id (ui_test_document (window));
  gint64 deadline;

  g_assert_true (koers_history_place (ui_test_history (window), "pyramid",
                                      KOERS_MARKER_CURRENT, "listen", NULL));
  /* Not at once: after the change settles. */
  pump ();
  g_assert_false (draft_exists (draft_id));
  deadline = g_get_monotonic_time () + 6 * G_USEC_PER_SEC;
  while (!draft_exists (draft_id))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }

  /* Undone back to the saved state: the draft goes too. */
  g_assert_true (koers_history_undo (ui_test_history (window)));
  deadline = g_get_monotonic_time () + 6 * G_USEC_PER_SEC;
  while (draft_exists (draft_id))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }

  close_window (window);
}

static gboolean
has_new_draft (const char *dir,
               GHashTable *before,
               char      **id)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.' && g_str_has_suffix (name, ".koers") && !g_hash_table_contains (before, name))
      {
        *id = g_strndup (name, strlen (name) - strlen (".koers"));
        return TRUE;
      }
  return FALSE;
}

/* Koers is killed with SIGKILL after an edit; the next start finds the
 * draft and restores it. */
static void
test_restore_after_kill (void)
{
  const char *drafts_dir = g_getenv ("KOERS_DRAFTS_DIR");
  g_autofree char *dir = koers_test_make_dir ("koers-files");
  g_autofree char *data_home = g_build_filename (dir, "data", NULL);
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autofree char *draft_id = NULL;
  const KoersDraftInfo *found = NULL;
  KoersWindow *window;
  KoersWindow *restored;
  const char *name;
  gint64 deadline;

  if (g_getenv ("KOERS_TEST_BINARY") == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("needs KOERS_TEST_BINARY and a display");
      return;
    }

  d = g_dir_open (drafts_dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_hash_table_add (before, g_strdup (name));

  /* The real binary on the project, under this test's display, with its
   * drafts in this test's folder and the test hook making one edit
   * (see test_place_cb in koers-application.c). */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "KOERS_DRAFTS_DIR", drafts_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "KOERS_TEST_PLACE", "pyramid:current:listen", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("KOERS_TEST_BINARY"), path, NULL);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!has_new_draft (drafts_dir, before, &draft_id))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_subprocess_force_exit (child);
          g_error ("no draft appeared in %s within 10 s", drafts_dir);
        }
      /* Still running: it did not crash on its own. */
      g_assert_nonnull (g_subprocess_get_identifier (child));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }

  /* The crash. */
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* The next start: the draft is offered, naming its file. */
  orphans = koers_drafts_list_orphaned (koers_session_get_drafts ());
  for (guint i = 0; i < orphans->len; i++)
    if (g_strcmp0 (((KoersDraftInfo *) g_ptr_array_index (orphans, i))->id, draft_id) == 0)
      found = g_ptr_array_index (orphans, i);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->uri, ==, uri);

  /* Restore: the edit is back, unsaved, belonging to its file. */
  window = open_window (NULL, NULL, 1000, 700);
  restored = koers_window_restore_draft (window, draft_id, &error);
  g_assert_no_error (error);
  g_assert_true (restored == window);
  g_assert_cmpstr (koers_project_get_current (ui_test_project (window), "pyramid"), ==, "listen");
  g_assert_true (koers_document_get_modified (ui_test_document (window)));
  g_assert_true (title_is_modified (window));
  g_assert_true (g_file_equal (koers_document_get_file (ui_test_document (window)), file));
  g_assert_cmpstr (koers_document_get_draft_id (ui_test_document (window)), ==, draft_id);

  /* The window holds the draft now: not offered again while it runs. */
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = koers_drafts_list_orphaned (koers_session_get_drafts ());
  for (guint i = 0; i < orphans->len; i++)
    g_assert_cmpstr (((KoersDraftInfo *) g_ptr_array_index (orphans, i))->id, !=, draft_id);

  /* Saving it: the file gets the edit, the draft goes. */
  g_assert_true (save_and_wait (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (koers_document_get_modified (ui_test_document (window)));
  g_assert_false (draft_exists (draft_id));
  {
    g_autofree char *contents = read_file (file);

    g_assert_nonnull (strstr (contents, "\"current\": \"listen\""));
  }

  close_window (window);
  koers_test_remove_tree (dir);
}

/* A restored project never saved (no file) goes into a new window when
 * the current one has work of its own. */
static void
test_restore_new_window (void)
{
  KoersWindow *busy = open_window (NULL, NULL, 1000, 700);
  g_autoptr(KoersProject) project = koers_project_new (koers_catalog_get_builtin ());
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *id = koers_drafts_new_id ();
  g_autoptr(GError) error = NULL;
  KoersWindow *restored;

  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_NAME, NULL, "Bakkerij Bol", NULL));
  g_assert_true (koers_project_place (project, "learning-curve", KOERS_MARKER_CURRENT, "tactical", NULL));
  bytes = koers_project_to_bytes (project);
  g_assert_true (koers_drafts_save (koers_session_get_drafts (), id, bytes, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (koers_history_place (ui_test_history (busy), "pyramid",
                                      KOERS_MARKER_CURRENT, "listen", NULL));
  restored = koers_window_restore_draft (busy, id, &error);
  g_assert_no_error (error);
  g_assert_true (restored != busy);
  g_assert_null (koers_document_get_file (ui_test_document (restored)));
  g_assert_true (koers_document_get_modified (ui_test_document (restored)));
  g_assert_cmpstr (koers_project_get_organisation_name (ui_test_project (restored)), ==, "Bakkerij Bol");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (restored)), ==, "• Bakkerij Bol — Not saved yet");

  /* Discard on close removes it. */
  g_object_add_weak_pointer (G_OBJECT (restored), (gpointer *) &restored);
  gtk_window_close (GTK_WINDOW (restored));
  g_assert_nonnull (restored);
  respond (restored, "discard");
  wait_for_finalize ((gpointer *) &restored, 5);
  g_assert_false (draft_exists (id));

  close_window (busy);
}

/* --- saves that fail ----------------------------------------------------- */

static void
assert_save_error_dialog (KoersWindow *window,
                          const char  *name)
{
  AdwMessageDialog *dialog = ui_test_message_dialog (window);
  g_autofree char *start = g_strdup_printf ("“%s” was not saved. ", name);

  g_assert_nonnull (dialog);
  /* The name is in the body, where it wraps between words. */
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save the Project");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), start));
  g_assert_true (g_str_has_suffix (adw_message_dialog_get_body (dialog), "."));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "save-as"), ==, ADW_RESPONSE_SUGGESTED);
  g_assert_cmpuint (strlen (adw_message_dialog_get_body (dialog)), >, 20);
}

/* (a) The folder was removed (a USB stick pulled out, a share gone). */
static void
test_save_folder_removed (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-files");
  g_autofree char *folder = g_build_filename (dir, "stick", NULL);
  g_autofree char *path = g_build_filename (folder, "plan.koers", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KoersWindow *window = open_window (NULL, NULL, 1000, 700);
  const char *modified_stamp;
  g_autofree char *stamp = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (koers_history_place (ui_test_history (window), "pyramid",
                                      KOERS_MARKER_CURRENT, "listen", NULL));
  g_assert_true (save_and_wait (window, file, &error));
  g_assert_no_error (error);
  stamp = g_strdup (koers_project_get_modified (ui_test_project (window)));

  g_assert_true (koers_history_place (ui_test_history (window), "pyramid",
                                      KOERS_MARKER_TARGET, "create", NULL));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  g_usleep (1100000);  /* a save now would stamp another second */

  g_assert_false (save_and_wait (window, file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "stick"));

  g_assert_true (koers_document_get_modified (ui_test_document (window)));
  g_assert_true (title_is_modified (window));
  assert_save_error_dialog (window, "plan.koers");
  g_assert_true (g_str_has_suffix (adw_message_dialog_get_body (ui_test_message_dialog (window)), error->message));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  /* The project does not claim a save that did not happen. */
  modified_stamp = koers_project_get_modified (ui_test_project (window));
  g_assert_cmpstr (modified_stamp, ==, stamp);

  dismiss_dialog (window);
  close_window (window);
  koers_test_remove_tree (dir);
}

/* Saves a big project over @path, which holds a saved project, in a test
 * subprocess that @setup made unable to write there; checks the dialog. */
static void
save_in_subprocess (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  KoersWindow *window;

  project = koers_project_load_from_file (koers_catalog_get_builtin (), file, NULL, &error);
  g_assert_no_error (error);
  window = open_window (project, file, 1000, 700);
  /* Larger than the 4 KiB a file may grow to in (c). */
  for (int i = 0; i < 2000; i++)
    g_string_append (text, "Veel te zeggen. ");
  set_rationale (window, "pyramid", text->str);
  g_assert_true (koers_document_get_modified (ui_test_document (window)));

  g_assert_false (save_and_wait (window, file, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (koers_document_get_modified (ui_test_document (window)));
  g_assert_true (title_is_modified (window));
  assert_save_error_dialog (window, "plan.koers");
  dismiss_dialog (window);
  close_window (window);
}

static char *
make_saved_project (char **dir)
{
  g_autoptr(KoersProject) project = load_example ();
  char *path;
  g_autoptr(GFile) file = NULL;

  *dir = koers_test_make_dir ("koers-files");
  path = g_build_filename (*dir, "plan.koers", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (koers_project_save_to_file (project, file, NULL, NULL));
  return path;
}

static void
assert_only_plan (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_cmpstr (name, ==, "plan.koers");
}

/* (b) A folder the user may not write in. Tests run as root, to whom
 * permissions do not apply: the subprocess becomes "nobody" first. */
static void
test_save_read_only (void)
{
  if (g_test_subprocess ())
    {
      /* The recent files manager makes its folder (root's) when it
       * starts: before, not after, becoming nobody. */
      koers_session_start_recent ();
      if (getuid () == 0)
        {
          g_assert_cmpint (setgroups (0, NULL), ==, 0);
          g_assert_cmpint (setgid (NOBODY), ==, 0);
          g_assert_cmpint (setuid (NOBODY), ==, 0);
        }
      save_in_subprocess (g_getenv ("KOERS_TEST_PLAN"));
      return;
    }
  else
    {
      g_autofree char *dir = NULL;
      g_autofree char *path = make_saved_project (&dir);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      char *lsan;

      g_file_get_contents (path, &before, NULL, NULL);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_setenv ("KOERS_TEST_PLAN", path, TRUE);
      /* The sanitizers' files must not depend on where the checkout lies. */
      lsan = koers_test_share_lsan_suppressions ();

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      koers_test_unshare_lsan_suppressions (g_steal_pointer (&lsan));
      g_test_trap_assert_passed ();

      g_file_get_contents (path, &after, NULL, NULL);
      g_assert_cmpstr (after, ==, before);
      assert_only_plan (dir);
      g_chmod (dir, 0700);
      koers_test_remove_tree (dir);
    }
}

/* (c) The file cannot grow past 4 KiB (RLIMIT_FSIZE): write() fails half
 * way, as on a full disk or a quota. */
static void
test_save_file_too_large (void)
{
  if (g_test_subprocess ())
    {
      struct rlimit limit = { 4096, 4096 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      save_in_subprocess (g_getenv ("KOERS_TEST_PLAN"));
      return;
    }
  else
    {
      g_autofree char *dir = NULL;
      g_autofree char *path = make_saved_project (&dir);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_file_get_contents (path, &before, NULL, NULL);
      g_setenv ("KOERS_TEST_PLAN", path, TRUE);

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();

      g_file_get_contents (path, &after, NULL, NULL);
      g_assert_cmpstr (after, ==, before);
      assert_only_plan (dir);
      koers_test_remove_tree (dir);
    }
}

/* --- export, recent, menu ------------------------------------------------- */

static KoersExportDialog *
find_export_dialog (KoersWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (KOERS_IS_EXPORT_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return KOERS_EXPORT_DIALOG (toplevel);
    }
  return NULL;
}

static void
test_export (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1000, 700);
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/Woonstichting roadmap.png");
  KoersExportDialog *dialog;

  /* On Assess: the diagram of the model shown. */
  koers_window_set_view (window, "assess");
  koers_window_select_model (window, "learning-curve");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dialog = find_export_dialog (window);
  g_assert_nonnull (dialog);
  {
    g_autofree char *model_id = NULL;

    g_object_get (dialog, "model-id", &model_id, NULL);
    g_assert_cmpstr (model_id, ==, "learning-curve");
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  pump ();

  /* On Roadmap: the roadmap. */
  koers_window_set_view (window, "roadmap");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dialog = find_export_dialog (window);
  g_assert_nonnull (dialog);
  {
    g_autofree char *model_id = NULL;

    g_object_get (dialog, "model-id", &model_id, NULL);
    g_assert_null (model_id);
  }

  /* After the export, a toast says where it went, with Open. */
  g_signal_emit_by_name (dialog, "exported", file);
  g_assert_cmpstr (ui_test_last_toast (window), ==, "Exported “Woonstichting roadmap.png”");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pump ();

  close_window (window);
}

static void
test_menu (void)
{
  KoersWindow *window = open_window (NULL, NULL, 1000, 700);
  GMenuModel *menu = ui_test_primary_menu (window);
  GtkMenuButton *button = GTK_MENU_BUTTON (ui_test_child (window, "menu_button"));
  const char *actions[] = { "app.new-window", "win.open", "win.save", "win.save-as", "win.export",
                            "win.undo", "win.redo", "win.show-help-overlay", "app.help", "app.about" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *label = menu_label_for (menu, actions[i]);

      g_assert_nonnull (label);
    }
  /* The button is given that menu when it is first opened, and it is
   * the menu that then shows. */
  g_assert_null (gtk_menu_button_get_menu_model (button));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  pump ();
  g_assert_true (gtk_menu_button_get_menu_model (button) == menu);
  g_assert_true (GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (button)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  gtk_menu_button_popdown (button);
  pump ();
  g_assert_true (ADW_IS_SPLIT_BUTTON (find_action_widget (GTK_WIDGET (window), "win.open")));
  g_assert_true (gtk_widget_get_sensitive (find_action_widget (GTK_WIDGET (window), "win.save")));

  /* Help opens the installed guide, or the one on the web. */
  {
    g_autofree char *uri = koers_session_dup_help_uri ();

    g_assert_true ((g_str_has_prefix (uri, "file:///") && g_str_has_suffix (uri, "/doc/koers/user-guide.html")) ||
                   g_str_equal (uri, "https://github.com/koersapp/koers/blob/main/docs/user-guide.md"));
  }

  close_window (window);
}

static gboolean
menu_starts_with_newest (GMenuModel *menu)
{
  g_autoptr(GPtrArray) recent = koers_session_list_recent (1);
  g_autoptr(GVariant) target = NULL;
  g_autofree char *newest_uri = NULL;

  if (g_menu_model_get_n_items (menu) < KOERS_RECENT_MAX || recent->len == 0)
    return FALSE;
  target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
  newest_uri = g_file_get_uri (g_ptr_array_index (recent, 0));
  return target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), newest_uri) == 0;
}

static void
test_recent (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-files");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GMenuModel *menu = koers_session_get_recent_menu ();
  KoersWindow *window = open_window (NULL, NULL, 1000, 700);
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  /* Ten saved projects (one since removed): the menu lists the last eight
   * that are still there. */
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("project_%d.koers", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_true (save_and_wait (window, file, &error));
      g_assert_no_error (error);
      g_ptr_array_add (files, g_steal_pointer (&file));
    }
  g_assert_true (g_file_delete (g_ptr_array_index (files, 9), NULL, NULL));

  /* The recent files manager tells of changes in batches, a moment later:
   * a menu with eight items may still be the one from before the last
   * saves. Wait until it shows the newest project. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!menu_starts_with_newest (menu))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  {
    g_autoptr(GPtrArray) recent = koers_session_list_recent (KOERS_RECENT_MAX);
    g_autofree char *label = NULL;
    g_autofree char *newest_uri = NULL;
    g_autofree char *action = NULL;
    g_autoptr(GVariant) target = NULL;

    g_assert_cmpuint (recent->len, ==, KOERS_RECENT_MAX);
    for (guint i = 0; i < recent->len; i++)
      g_assert_false (g_file_equal (g_ptr_array_index (recent, i), g_ptr_array_index (files, 9)));

    /* Items open their file; underscores are not mnemonics. */
    g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_nonnull (strstr (label, "project__"));
    /* Its folder too: two projects of one name must not look alike. */
    {
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      g_autofree char *shown = g_file_get_parse_name (folder);

      if (!g_str_has_prefix (dir, g_get_home_dir ()))
        g_assert_nonnull (strstr (label, shown));
    }
    g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (action, ==, "win.open-recent");
    target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
    g_assert_nonnull (target);
    newest_uri = g_file_get_uri (g_ptr_array_index (recent, 0));
    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, newest_uri);
  }

  close_window (window);
  koers_test_remove_tree (dir);
}

/* Two projects of one name in two folders read differently, the home
 * folder as "~". */
static void
test_recent_label (void)
{
  g_autofree char *a_path = g_build_filename (g_get_home_dir (), "Clients", "A", "plan.koers", NULL);
  g_autofree char *b_path = g_build_filename (g_get_home_dir (), "plan.koers", NULL);
  g_autoptr(GFile) a = g_file_new_for_path (a_path);
  g_autoptr(GFile) b = g_file_new_for_path (b_path);
  g_autoptr(GFile) c = g_file_new_for_path ("/srv/shared/plan.koers");
  g_autofree char *a_label = koers_session_dup_recent_label (a);
  g_autofree char *b_label = koers_session_dup_recent_label (b);
  g_autofree char *c_label = koers_session_dup_recent_label (c);

  g_assert_cmpstr (a_label, ==, "plan.koers — ~/Clients/A");
  g_assert_cmpstr (b_label, ==, "plan.koers — ~");
  if (!g_str_has_prefix ("/srv/shared", g_get_home_dir ()))
    g_assert_cmpstr (c_label, ==, "plan.koers — /srv/shared");
}

/* --- quitting ------------------------------------------------------------- */

/* app.quit asks in each modified window in turn; Cancel stops the quit. */
static void
test_quit_asks_each (void)
{
  g_autoptr(KoersApplication) app = koers_application_new ();
  g_autofree char *dir = koers_test_make_dir ("koers-files");
  g_autoptr(GError) error = NULL;
  KoersWindow *clean, *first, *second;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  /* app.new-window (Ctrl+N): a new window on an empty project. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  clean = gtk_application_get_windows (GTK_APPLICATION (app))->data;
  g_assert_true (KOERS_IS_WINDOW (clean));
  g_assert_true (koers_document_is_untouched (ui_test_document (clean)));
  first = ui_test_window_new (GTK_APPLICATION (app), NULL, NULL);
  second = ui_test_window_new (GTK_APPLICATION (app), NULL, NULL);
  g_object_add_weak_pointer (G_OBJECT (clean), (gpointer *) &clean);
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  g_object_add_weak_pointer (G_OBJECT (second), (gpointer *) &second);
  gtk_window_present (GTK_WINDOW (first));
  gtk_window_present (GTK_WINDOW (second));
  g_assert_true (koers_history_place (ui_test_history (first), "pyramid", KOERS_MARKER_CURRENT, "listen", NULL));
  g_assert_true (koers_history_place (ui_test_history (second), "pyramid", KOERS_MARKER_CURRENT, "create", NULL));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  wait_for_finalize ((gpointer *) &clean, 5);
  pump ();

  /* One question at a time. */
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true ((ui_test_message_dialog (first) != NULL) != (ui_test_message_dialog (second) != NULL));
  if (ui_test_message_dialog (first) != NULL)
    {
      respond (first, "discard");
      wait_for_finalize ((gpointer *) &first, 5);
      pump ();
      g_assert_nonnull (ui_test_message_dialog (second));
      respond (second, "cancel");
    }
  else
    {
      respond (second, "discard");
      wait_for_finalize ((gpointer *) &second, 5);
      pump ();
      g_assert_nonnull (ui_test_message_dialog (first));
      respond (first, "cancel");
    }
  pump ();

  /* Cancel kept that window, modified. */
  g_assert_true ((first == NULL) != (second == NULL));
  {
    KoersWindow *left = first != NULL ? first : second;

    g_assert_true (koers_document_get_modified (ui_test_document (left)));
    g_assert_null (ui_test_message_dialog (left));

    /* A second quit asks again. */
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
    pump ();
    g_assert_nonnull (ui_test_message_dialog (left));
    respond (left, "discard");
  }
  wait_for_finalize ((gpointer *) (first != NULL ? &first : &second), 5);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  koers_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  gboolean own_dir = FALSE;
  int status;

  /* Recent files go to a folder of this run, not the user's; a test
   * subprocess uses its parent's. */
  test_dir = g_strdup (g_getenv ("KOERS_TEST_FILES_DIR"));
  if (test_dir == NULL)
    {
      test_dir = koers_test_make_dir ("koers-files");
      own_dir = TRUE;
      g_setenv ("KOERS_TEST_FILES_DIR", test_dir, TRUE);
    }
  data_home = g_build_filename (test_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  ui_test_init (&argc, &argv);
  /* No animations here: these tests save, show a toast and close windows
   * far faster than a person does, and libadwaita 1.2's toast overlay
   * crashes when its window is destroyed while a replaced toast is still
   * fading out (the animation's last tick calls into freed memory). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/ui/files/save-reopen", test_save_reopen);
  g_test_add_func ("/ui/files/change-during-save", test_change_during_save);
  g_test_add_func ("/ui/files/open/untouched-or-new", test_open_untouched_or_new);
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/files/open/broken/%s", broken_cases[i].name);

      g_test_add_data_func (path, &broken_cases[i], test_open_broken);
    }
  g_test_add_func ("/ui/files/new-for-load", test_new_for_load);
  g_test_add_func ("/ui/files/drop", test_drop_file);
  g_test_add_func ("/ui/files/close/save", test_close_save);
  g_test_add_func ("/ui/files/close/discard", test_close_discard);
  g_test_add_func ("/ui/files/close/cancel", test_close_cancel);
  g_test_add_func ("/ui/files/close/unmodified", test_close_unmodified);
  g_test_add_func ("/ui/files/close/quit-asks-each", test_quit_asks_each);
  g_test_add_func ("/ui/files/draft/debounce", test_draft_debounce);
  g_test_add_func ("/ui/files/draft/restore-after-kill", test_restore_after_kill);
  g_test_add_func ("/ui/files/draft/restore-new-window", test_restore_new_window);
  g_test_add_func ("/ui/files/save-error/folder-removed", test_save_folder_removed);
  g_test_add_func ("/ui/files/save-error/read-only", test_save_read_only);
  g_test_add_func ("/ui/files/save-error/file-too-large", test_save_file_too_large);
  g_test_add_func ("/ui/files/export", test_export);
  g_test_add_func ("/ui/files/menu", test_menu);
  g_test_add_func ("/ui/files/recent", test_recent);
  g_test_add_func ("/ui/files/recent-label", test_recent_label);

  status = g_test_run ();
  if (own_dir)
    koers_test_remove_tree (test_dir);
  g_free (test_dir);
  return status;
}
