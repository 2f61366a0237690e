/* test-document.c: saving, loading and drafts of a document, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "koers-document.h"
#include "koers-document-load.h"
#include "koers-error.h"
#include "koers-roadmap-format.h"
#include "koers-test-util.h"

typedef struct {
  char        *dir;
  KoersDrafts *drafts;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *drafts_path = NULL;
  g_autoptr(GFile) drafts_dir = NULL;

  fixture->dir = koers_test_make_dir ("koers-document-");
  drafts_path = g_build_filename (fixture->dir, "drafts", NULL);
  drafts_dir = g_file_new_for_path (drafts_path);
  fixture->drafts = koers_drafts_new_for_directory (drafts_dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->drafts);
  koers_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return g_file_new_for_path (path);
}

static GFile *
file_in (Fixture    *fixture,
         const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return g_file_new_for_path (path);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static gboolean
save_and_wait (KoersDocument  *document,
               GFile          *file,
               GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  koers_document_save_async (document, file, NULL, store_result_cb, &result);
  return koers_document_save_finish (document, wait_for (&result), error);
}

static GBytes *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

/* --- one notification per edit ------------------------------------------ */

typedef struct {
  KoersDocument *document;
  guint          changed;
  guint          notifies;
  guint          modified_notifies;
  char          *label_in_changed;
  char          *label_in_project_changed;
} Counts;

static void
document_changed_cb (KoersDocument *document,
                     KoersField     field,
                     const char    *key,
                     Counts        *counts)
{
  counts->changed++;
  g_free (counts->label_in_changed);
  counts->label_in_changed = g_strdup (koers_history_get_undo_label (koers_document_get_history (document)));
}

static void
project_changed_cb (KoersProject *project,
                    KoersField    field,
                    const char   *key,
                    Counts       *counts)
{
  g_free (counts->label_in_project_changed);
  counts->label_in_project_changed =
    g_strdup (koers_history_get_undo_label (koers_document_get_history (counts->document)));
}

static void
history_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   Counts     *counts)
{
  counts->notifies++;
}

static void
document_modified_cb (GObject    *object,
                      GParamSpec *pspec,
                      Counts     *counts)
{
  counts->modified_notifies++;
}

static void
test_one_change_per_edit (void)
{
  g_autoptr(KoersDocument) document = koers_document_new (NULL, NULL, NULL);
  KoersHistory *history = koers_document_get_history (document);
  g_autoptr(GError) error = NULL;
  Counts counts = { document, 0, };

  g_signal_connect (document, "changed", G_CALLBACK (document_changed_cb), &counts);
  g_signal_connect (document, "notify::modified", G_CALLBACK (document_modified_cb), &counts);
  g_signal_connect (koers_document_get_project (document), "changed", G_CALLBACK (project_changed_cb), &counts);
  g_signal_connect (history, "notify", G_CALLBACK (history_notify_cb), &counts);

  /* The first edit: can-undo, undo-label and modified change (five
   * notifications before every edit, whatever changed). */
  g_assert_true (koers_document_place (document, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error));
  g_assert_no_error (error);
  g_test_message ("first edit: %u changed, %u history notifications", counts.changed, counts.notifies);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.notifies, ==, 3);
  g_assert_cmpuint (counts.modified_notifies, ==, 1);
  /* ::changed comes after the command is recorded, the project's own
   * signal before. */
  g_assert_cmpstr (counts.label_in_changed, ==, "Move Now marker to Monitor");
  g_assert_null (counts.label_in_project_changed);

  /* A second edit only changes the undo label. */
  counts.notifies = 0;
  g_assert_true (koers_document_place (document, "pyramid", KOERS_MARKER_TARGET, "respond", &error));
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_cmpuint (counts.notifies, ==, 1);
  g_assert_cmpuint (counts.modified_notifies, ==, 1);
  g_assert_cmpstr (counts.label_in_changed, ==, "Move Goal marker to Respond");
  g_assert_cmpstr (counts.label_in_project_changed, ==, "Move Now marker to Monitor");

  /* No change, no notification. */
  counts.notifies = 0;
  g_assert_true (koers_document_place (document, "pyramid", KOERS_MARKER_TARGET, "respond", &error));
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_cmpuint (counts.notifies, ==, 0);

  /* Undo and redo are edits too. */
  koers_history_undo (history);
  g_assert_cmpuint (counts.changed, ==, 3);
  g_assert_cmpstr (counts.label_in_changed, ==, "Move Now marker to Monitor");
  koers_history_redo (history);
  g_assert_cmpuint (counts.changed, ==, 4);
  g_assert_cmpuint (koers_document_get_change_count (document), ==, 4);

  /* A bad stage changes nothing and says nothing. */
  g_assert_false (koers_document_place (document, "pyramid", KOERS_MARKER_TARGET, "nowhere", &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (counts.changed, ==, 4);

  g_free (counts.label_in_changed);
  g_free (counts.label_in_project_changed);
}

/* --- saving ------------------------------------------------------------- */

static void
test_new (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(KoersDocument) document = koers_document_new (NULL, NULL, fixture->drafts);

  g_assert_true (koers_document_is_untouched (document));
  g_assert_false (koers_document_get_modified (document));
  g_assert_false (koers_document_get_busy (document));
  g_assert_null (koers_document_get_file (document));
  g_assert_true (g_uuid_string_is_valid (koers_document_get_draft_id (document)));
  g_assert_cmpint (koers_document_get_size (document), ==, -1);
}

static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(KoersDocument) document = koers_document_new (NULL, NULL, fixture->drafts);
  KoersProject *project = koers_document_get_project (document);
  g_autoptr(GFile) file = file_in (fixture, "saved.koers");
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) in_memory = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) reread = NULL;

  g_assert_true (koers_document_place (document, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error));
  g_assert_true (koers_document_get_modified (document));
  g_assert_false (koers_document_is_untouched (document));
  g_assert_null (koers_project_get_modified (project));

  g_assert_true (save_and_wait (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (koers_document_get_modified (document));
  g_assert_false (koers_document_get_busy (document));
  g_assert_true (g_file_equal (koers_document_get_file (document), file));

  /* What is on disk is the project, stamped with the save's time. */
  g_assert_nonnull (koers_project_get_modified (project));
  on_disk = read_file (file);
  in_memory = koers_project_to_bytes (project);
  g_assert_true (g_bytes_equal (on_disk, in_memory));
  reread = koers_project_load_from_bytes (NULL, on_disk, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (koers_project_get_current (reread, "pyramid"), ==, "monitor");

  /* The file's stamp, for a later check that nobody else changed it. */
  g_assert_cmpint (koers_document_get_size (document), ==, (goffset) g_bytes_get_size (on_disk));
  g_assert_nonnull (koers_document_get_mtime (document));
  g_assert_nonnull (koers_document_get_etag (document));

  /* Saving again goes to the same file. */
  g_assert_true (koers_document_place (document, "pyramid", KOERS_MARKER_TARGET, "respond", &error));
  g_assert_true (save_and_wait (document, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&on_disk, g_bytes_unref);
  on_disk = read_file (file);
  reread = (g_object_unref (reread), koers_project_load_from_bytes (NULL, on_disk, &error));
  g_assert_cmpstr (koers_project_get_target (reread, "pyramid"), ==, "respond");
}

static void
test_save_fails (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(KoersDocument) document = koers_document_new (NULL, NULL, fixture->drafts);
  KoersProject *project = koers_document_get_project (document);
  g_autoptr(GFile) file = file_in (fixture, "no-such-folder/saved.koers");
  g_autoptr(GError) error = NULL;

  g_assert_true (koers_document_place (document, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error));
  g_assert_false (save_and_wait (document, file, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);

  /* Nothing claims a save that never happened. */
  g_assert_true (koers_document_get_modified (document));
  g_assert_false (koers_document_get_busy (document));
  g_assert_null (koers_document_get_file (document));
  g_assert_null (koers_project_get_modified (project));
  g_assert_false (g_file_query_exists (file, NULL));
}

static void
test_changed_while_saving (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(KoersDocument) document = koers_document_new (NULL, NULL, fixture->drafts);
  g_autoptr(GFile) file = file_in (fixture, "saved.koers");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) draft = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(KoersProject) reread = NULL;

  g_assert_true (koers_document_place (document, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error));
  koers_document_save_async (document, file, NULL, store_result_cb, &result);
  g_assert_true (koers_document_get_busy (document));
  /* An edit while the bytes are written. */
  g_assert_true (koers_document_place (document, "pyramid", KOERS_MARKER_TARGET, "respond", &error));
  g_assert_true (koers_document_save_finish (document, wait_for (&result), &error));
  g_assert_no_error (error);

  /* The file has the first edit only, so the document stays modified
   * and keeps its draft. */
  on_disk = read_file (file);
  reread = koers_project_load_from_bytes (NULL, on_disk, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (koers_project_get_current (reread, "pyramid"), ==, "monitor");
  g_assert_null (koers_project_get_target (reread, "pyramid"));
  g_assert_true (koers_document_get_modified (document));

  g_assert_true (koers_document_save_draft_now (document, &error));
  draft = koers_drafts_read (fixture->drafts, koers_document_get_draft_id (document), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
}

/* --- drafts ------------------------------------------------------------- */

static void
test_draft_removed_by_save (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(KoersDocument) document = koers_document_new (NULL, NULL, fixture->drafts);
  g_autoptr(GFile) file = file_in (fixture, "saved.koers");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) draft = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *uri = NULL;
  const char *id = koers_document_get_draft_id (document);

  /* Nothing unsaved, no draft. */
  g_assert_true (koers_document_save_draft_now (document, &error));
  g_assert_null (koers_drafts_read (fixture->drafts, id, NULL, &error));
  g_clear_error (&error);

  g_assert_true (koers_document_place (document, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error));
  g_assert_true (koers_document_save_draft_now (document, &error));
  g_assert_no_error (error);
  draft = koers_drafts_read (fixture->drafts, id, &uri, &error);
  g_assert_no_error (error);
  expected = koers_project_to_bytes (koers_document_get_project (document));
  g_assert_true (g_bytes_equal (draft, expected));
  g_assert_null (uri);

  g_assert_true (save_and_wait (document, file, &error));
  g_assert_null (koers_drafts_read (fixture->drafts, id, NULL, &error));
  g_assert_nonnull (error);
}

static void
test_draft_after_pause (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(KoersDocument) document = koers_document_new (NULL, NULL, fixture->drafts);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) draft = NULL;
  const char *id = koers_document_get_draft_id (document);
  gint64 deadline;

  if (!g_test_slow ())
    {
      g_test_skip ("waits for the two-second pause; run with -m slow");
      return;
    }

  g_assert_true (koers_document_place (document, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (draft == NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
      draft = koers_drafts_read (fixture->drafts, id, NULL, NULL);
    }
  g_assert_nonnull (draft);
}

static void
test_restore_draft (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("valid-minimal.koers");
  g_autoptr(KoersDocument) first = NULL;
  g_autoptr(KoersDocument) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  first = koers_document_load (NULL, file, fixture->drafts, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (koers_document_place (first, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error));
  g_assert_true (koers_document_save_draft_now (first, &error));
  id = g_strdup (koers_document_get_draft_id (first));

  restored = koers_document_restore_draft (fixture->drafts, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (koers_document_get_draft_id (restored), ==, id);
  g_assert_true (koers_document_get_modified (restored));
  g_assert_false (koers_document_is_untouched (restored));
  g_assert_true (g_file_equal (koers_document_get_file (restored), file));
  g_assert_cmpstr (koers_project_get_current (koers_document_get_project (restored), "pyramid"), ==, "monitor");
  /* Its history is new: nothing to undo, yet unsaved. */
  g_assert_false (koers_history_can_undo (koers_document_get_history (restored)));

  g_assert_null (koers_document_restore_draft (fixture->drafts, "00000000-0000-4000-8000-000000000000", &error) );
  g_assert_nonnull (error);
}

/* --- loading ------------------------------------------------------------ */

static void
test_load_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("valid-full.koers");
  g_autoptr(GFile) missing = file_in (fixture, "missing.koers");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) failed = NULL;
  g_autoptr(KoersDocument) document = NULL;
  g_autoptr(KoersProject) expected = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GBytes) reference = NULL;
  g_autoptr(GError) error = NULL;

  koers_document_load_async (NULL, file, fixture->drafts, NULL, store_result_cb, &result);
  document = koers_document_load_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (koers_document_get_file (document), file));
  g_assert_false (koers_document_get_modified (document));
  g_assert_false (koers_document_is_untouched (document));

  expected = koers_project_load_from_file (NULL, file, NULL, &error);
  g_assert_no_error (error);
  loaded = koers_project_to_bytes (koers_document_get_project (document));
  reference = koers_project_to_bytes (expected);
  g_assert_true (g_bytes_equal (loaded, reference));

  bytes = read_file (file);
  g_assert_cmpint (koers_document_get_size (document), ==, (goffset) g_bytes_get_size (bytes));
  g_assert_nonnull (koers_document_get_mtime (document));

  koers_document_load_async (NULL, missing, NULL, NULL, store_result_cb, &failed);
  g_assert_null (koers_document_load_finish (wait_for (&failed), &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
}

/* A read started before the window exists: waited for a bounded time,
 * or followed to its end; either way the same document as a plain load. */
static void
test_load_early (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("valid-full.koers");
  g_autoptr(KoersProject) expected = NULL;
  g_autoptr(GBytes) reference = NULL;
  g_autoptr(GError) error = NULL;

  expected = koers_project_load_from_file (NULL, file, NULL, &error);
  g_assert_no_error (error);
  reference = koers_project_to_bytes (expected);

  /* Waited for: ended well within the generous bound. */
  {
    g_autoptr(KoersDocumentLoad) load = koers_document_load_start (NULL, file, fixture->drafts, NULL);
    g_autoptr(KoersDocument) document = NULL;
    g_autoptr(GBytes) loaded = NULL;

    g_assert_true (g_file_equal (koers_document_load_get_file (load), file));
    g_assert_true (koers_document_load_wait (load, 30 * G_TIME_SPAN_SECOND));
    /* Ended stays ended: looking again does not wait. */
    g_assert_true (koers_document_load_wait (load, 0));
    document = koers_document_load_take (load, &error);
    g_assert_no_error (error);
    g_assert_true (g_file_equal (koers_document_get_file (document), file));
    g_assert_false (koers_document_get_modified (document));
    loaded = koers_project_to_bytes (koers_document_get_project (document));
    g_assert_true (g_bytes_equal (loaded, reference));
  }

  /* Followed from the start, as a window does with a slow file. */
  {
    g_autoptr(KoersDocumentLoad) load = koers_document_load_start (NULL, file, fixture->drafts, NULL);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(KoersDocument) document = NULL;
    g_autoptr(GBytes) loaded = NULL;

    koers_document_load_when_done (load, store_result_cb, &result);
    g_assert_true (g_async_result_get_source_object (wait_for (&result)) == G_OBJECT (load));
    g_object_unref (load); /* the ref the line above took */
    g_assert_true (koers_document_load_wait (load, 0));
    document = koers_document_load_take (load, &error);
    g_assert_no_error (error);
    loaded = koers_project_to_bytes (koers_document_get_project (document));
    g_assert_true (g_bytes_equal (loaded, reference));
  }

  /* Followed once it has ended: still told, on a later iteration. */
  {
    g_autoptr(KoersDocumentLoad) load = koers_document_load_start (NULL, file, fixture->drafts, NULL);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(KoersDocument) document = NULL;

    g_assert_true (koers_document_load_wait (load, 30 * G_TIME_SPAN_SECOND));
    koers_document_load_when_done (load, store_result_cb, &result);
    g_assert_null (result);
    wait_for (&result);
    document = koers_document_load_take (load, &error);
    g_assert_no_error (error);
    g_assert_nonnull (document);
  }
}

/* A file that cannot be read ends the read with the error a plain load
 * gives, never with a document. */
static void
test_load_early_fails (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) missing = file_in (fixture, "missing.koers");
  g_autoptr(GFile) bad = data_file ("missing-comma.koers");
  GFile *files[] = { missing, bad };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(KoersDocumentLoad) load = koers_document_load_start (NULL, files[i], NULL, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) expected = NULL;
      g_autoptr(KoersDocument) plain = koers_document_load (NULL, files[i], NULL, NULL, &expected);

      g_assert_null (plain);
      g_assert_true (koers_document_load_wait (load, 30 * G_TIME_SPAN_SECOND));
      g_assert_null (koers_document_load_take (load, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, expected->message);
    }
}

static void
test_load_bad (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("missing-comma.koers");
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersDocument) document = NULL;

  document = koers_document_load (NULL, file, fixture->drafts, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX);
}

/* The roadmap built on the loading thread is the one the window would
 * build, handed out once, and never once the project has changed. */
static void
test_load_roadmap (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("valid-full.koers");
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersDocument) document = NULL;
  g_autoptr(KoersDocument) edited = NULL;
  g_autoptr(KoersRoadmap) prebuilt = NULL;
  g_autoptr(KoersRoadmap) built = NULL;
  g_autofree char *prebuilt_text = NULL;
  g_autofree char *built_text = NULL;
  KoersRoadmap *again;

  document = koers_document_load (NULL, file, fixture->drafts, NULL, &error);
  g_assert_no_error (error);
  prebuilt = koers_document_take_roadmap (document);
  g_assert_nonnull (prebuilt);
  built = koers_roadmap_build (koers_document_get_project (document), NULL);
  g_assert_cmpuint (koers_roadmap_get_n_items (built), >, 0);
  prebuilt_text = koers_roadmap_to_text (prebuilt, NULL, KOERS_ROADMAP_FORMAT_JSON);
  built_text = koers_roadmap_to_text (built, NULL, KOERS_ROADMAP_FORMAT_JSON);
  g_assert_cmpstr (prebuilt_text, ==, built_text);
  again = koers_document_take_roadmap (document);
  g_assert_null (again);

  edited = koers_document_load (NULL, file, fixture->drafts, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (koers_document_place (edited, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error));
  g_assert_no_error (error);
  again = koers_document_take_roadmap (edited);
  g_assert_null (again);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/document/one-change-per-edit", test_one_change_per_edit);
  g_test_add ("/core/document/new", Fixture, NULL, fixture_set_up, test_new, fixture_tear_down);
  g_test_add ("/core/document/save", Fixture, NULL, fixture_set_up, test_save, fixture_tear_down);
  g_test_add ("/core/document/save-fails", Fixture, NULL, fixture_set_up, test_save_fails, fixture_tear_down);
  g_test_add ("/core/document/changed-while-saving", Fixture, NULL, fixture_set_up, test_changed_while_saving, fixture_tear_down);
  g_test_add ("/core/document/draft/removed-by-save", Fixture, NULL, fixture_set_up, test_draft_removed_by_save, fixture_tear_down);
  g_test_add ("/core/document/draft/after-pause", Fixture, NULL, fixture_set_up, test_draft_after_pause, fixture_tear_down);
  g_test_add ("/core/document/draft/restore", Fixture, NULL, fixture_set_up, test_restore_draft, fixture_tear_down);
  g_test_add ("/core/document/load/async", Fixture, NULL, fixture_set_up, test_load_async, fixture_tear_down);
  g_test_add ("/core/document/load/roadmap", Fixture, NULL, fixture_set_up, test_load_roadmap, fixture_tear_down);
  g_test_add ("/core/document/load/bad", Fixture, NULL, fixture_set_up, test_load_bad, fixture_tear_down);
  g_test_add ("/core/document/load/early", Fixture, NULL, fixture_set_up, test_load_early, fixture_tear_down);
  g_test_add ("/core/document/load/early-fails", Fixture, NULL, fixture_set_up, test_load_early_fails, fixture_tear_down);

  return g_test_run ();
}
