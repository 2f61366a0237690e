/* koers-document-read.c: reading a document from its file or a draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-document"

#include "config.h"

#include "koers-document-private.h"

typedef struct {
  KoersCatalog *catalog;
  GFile        *file;
  KoersDrafts  *drafts;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->catalog);
  g_clear_object (&data->file);
  g_clear_object (&data->drafts);
  g_free (data);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  KoersDocument *document;

  document = koers_document_load (data->catalog, data->file, data->drafts, cancellable, &error);
  if (document != NULL)
    g_task_return_pointer (task, document, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * koers_document_load:
 * @catalog: (nullable): the models to place on; %NULL for the built-in ones
 * @file: a .koers file
 * @drafts: (nullable): where the document keeps its drafts
 *
 * Reads @file into a new document, blocking. The file's etag, time and
 * size as read are remembered.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with
 *   @error set to a message that says what is wrong, and where
 */
KoersDocument *
koers_document_load (KoersCatalog  *catalog,
                     GFile         *file,
                     KoersDrafts   *drafts,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(GFileInfo) info = NULL;
  KoersDocument *self;

  g_return_val_if_fail (catalog == NULL || KOERS_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (drafts == NULL || KOERS_IS_DRAFTS (drafts), NULL);

  /* The stamp before the read: should the file change in between, the
   * stamp is the older one, and a later check errs on the safe side. */
  info = g_file_query_info (file, STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  project = koers_project_load_from_file (catalog ? catalog : koers_catalog_get_builtin (),
                                          file, cancellable, error);
  if (project == NULL)
    return NULL;

  self = koers_document_new (project, file, drafts);
  _koers_document_remember_stamp (self, info);

  /* The roadmap of a large file takes a while to build: done here, on
   * the loading thread, the window only has to show it. */
  self->roadmap = koers_roadmap_build (self->project, NULL);
  self->roadmap_change_count = self->change_count;
  return self;
}

/**
 * koers_document_load_async:
 * @catalog: (nullable): the models to place on; %NULL for the built-in ones
 * @file: a .koers file
 * @drafts: (nullable): where the document keeps its drafts
 *
 * Reads @file into a new document on a worker thread.
 */
void
koers_document_load_async (KoersCatalog        *catalog,
                           GFile               *file,
                           KoersDrafts         *drafts,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (catalog == NULL || KOERS_IS_CATALOG (catalog));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (drafts == NULL || KOERS_IS_DRAFTS (drafts));

  data = g_new0 (LoadData, 1);
  data->catalog = g_object_ref (catalog ? catalog : koers_catalog_get_builtin ());
  data->file = g_object_ref (file);
  data->drafts = drafts ? g_object_ref (drafts) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, koers_document_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * koers_document_load_finish:
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
KoersDocument *
koers_document_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == koers_document_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * koers_document_restore_draft:
 * @drafts: the drafts store holding @draft_id
 * @draft_id: an orphaned draft, from koers_drafts_list_orphaned()
 *
 * Opens the draft as a modified document, belonging to its original file
 * if it had one. The document takes the draft over (same id, written
 * again at once and so locked by this process), so that a second crash
 * still leaves it.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
KoersDocument *
koers_document_restore_draft (KoersDrafts  *drafts,
                              const char   *draft_id,
                              GError      **error)
{
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(KoersDraftInfo) info = NULL;
  g_autofree char *uri = NULL;
  KoersDocument *self;

  g_return_val_if_fail (KOERS_IS_DRAFTS (drafts), NULL);
  g_return_val_if_fail (draft_id != NULL, NULL);

  project = koers_drafts_load (drafts, draft_id, &uri, error);
  if (project == NULL)
    return NULL;
  if (uri != NULL)
    file = g_file_new_for_uri (uri);

  self = koers_document_new (project, file, drafts);
  g_free (self->draft_id);
  self->draft_id = g_strdup (draft_id);
  self->restored = TRUE;
  info = koers_drafts_get_info (drafts, draft_id);
  if (info != NULL)
    _koers_document_stamp_from_string (self, info->stamp);

  if (!koers_document_save_draft_now (self, &local_error))
    g_debug ("Could not take over draft %s: %s", draft_id, local_error->message);
  return self;
}
