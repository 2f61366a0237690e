/* koers-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is what a window shows: a project, the history that edits
 * it, the file it belongs to and the draft that keeps its unsaved changes
 * safe. It knows nothing of windows, so that saving and drafts can be
 * tested without a display.
 *
 * Saving serialises the project once, on the calling thread (a project is
 * not thread-safe), and writes those bytes atomically on a worker thread:
 * the previous file stays whole whatever happens. At most two seconds
 * after a change, the project also goes to the drafts store, however
 * often changes keep coming, so that a crash or a kill loses at most the
 * last two seconds. A clean save or a discard
 * removes the draft.
 */
#define G_LOG_DOMAIN "koers-document"

#include "config.h"

#include "koers-document-private.h"
#include "koers-enum-types.h"
#include "koers-io.h"

/* The longest a change waits before a draft holds it. */
#define DRAFT_DELAY_MS 2000



G_DEFINE_FINAL_TYPE (KoersDocument, koers_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_HISTORY,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_BUSY,
  PROP_CHANGED_ON_DISK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  DRAFT_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  GFile     *file;
  GBytes    *bytes;
  GDateTime *now;
  guint64    change_count;
  GFileInfo *info;

  /* What the file must still be for the save to go ahead. */
  gboolean   check;
  gboolean   known;
  char      *etag;
  GDateTime *mtime;
  goffset    size;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->now, g_date_time_unref);
  g_clear_object (&data->info);
  g_clear_pointer (&data->etag, g_free);
  g_clear_pointer (&data->mtime, g_date_time_unref);
  g_free (data);
}

/* --- helpers ------------------------------------------------------------ */

static void
set_modified_and_notify (KoersDocument *self,
                         gboolean       restored)
{
  gboolean was = koers_document_get_modified (self);

  self->restored = restored;
  if (was != koers_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
set_busy (KoersDocument *self,
          gboolean       busy)
{
  if (busy)
    self->n_saving++;
  else
    self->n_saving--;
  if (self->n_saving == (busy ? 1 : 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Remembers the file's stamp; an @info without one (a file system that
 * keeps no etag) forgets the old stamp rather than keep a wrong one. */
void
_koers_document_remember_stamp (KoersDocument *self,
                                GFileInfo     *info)
{
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->mtime, g_date_time_unref);
  self->size = -1;
  if (info == NULL)
    return;

  self->etag = g_strdup (g_file_info_get_etag (info));
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
    self->mtime = g_file_info_get_modification_date_time (info);
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    self->size = g_file_info_get_size (info);
}

static void
set_file (KoersDocument *self,
          GFile         *file)
{
  if (g_set_object (&self->file, file))
    {
      _koers_document_watch (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
}

/* --- drafts ------------------------------------------------------------- */

static void
draft_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(KoersDocument) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (ref);
  g_free (ref);

  if (koers_drafts_save_finish (KOERS_DRAFTS (source), result, &error))
    return;

  /* Not a g_warning: a full disk is the user's news, not a programming
   * error. Whoever shows the document decides how to tell. */
  g_debug ("Could not write a draft: %s", error->message);
  if (self != NULL)
    g_signal_emit (self, signals[DRAFT_FAILED], 0, error);
}

static void
write_draft_async (KoersDocument *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *stamp = NULL;
  GWeakRef *ref;

  if (!koers_document_get_modified (self))
    {
      koers_drafts_remove (self->drafts, self->draft_id, NULL);
      return;
    }

  bytes = koers_project_to_bytes (self->project);
  uri = self->file != NULL ? g_file_get_uri (self->file) : NULL;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  stamp = _koers_document_stamp_to_string (self);
  koers_drafts_save_async (self->drafts, self->draft_id, bytes, uri, stamp, NULL, draft_saved_cb, ref);
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  KoersDocument *self = user_data;

  self->draft_source = 0;
  write_draft_async (self);
  return G_SOURCE_REMOVE;
}

/* --- callbacks ---------------------------------------------------------- */

/* KoersHistory::changed comes after the command is recorded: the undo
 * label and the modified state are those of this edit already. */
static void
history_changed_cb (KoersDocument *self,
                    KoersField     field,
                    const char    *key,
                    KoersHistory  *history)
{
  self->change_count++;

  /* Not restarted by later changes: someone who keeps editing would
   * otherwise never get a draft. The draft follows the first unsaved
   * change within DRAFT_DELAY_MS, and takes every change made till then. */
  if (self->drafts != NULL && self->draft_source == 0)
    self->draft_source = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);

  g_signal_emit (self, signals[CHANGED], 0, field, key);
}

static void
history_modified_cb (KoersDocument *self)
{
  /* A restored draft stays modified whatever its history says. */
  if (!self->restored)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* --- overrides ---------------------------------------------------------- */

static void
koers_document_constructed (GObject *object)
{
  KoersDocument *self = (KoersDocument *) object;

  G_OBJECT_CLASS (koers_document_parent_class)->constructed (object);

  if (self->project == NULL)
    self->project = koers_project_new (NULL);
  self->history = koers_history_new (self->project);
  g_signal_connect_object (self->history, "changed", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::modified", G_CALLBACK (history_modified_cb), self, G_CONNECT_SWAPPED);
}

static void
koers_document_dispose (GObject *object)
{
  KoersDocument *self = (KoersDocument *) object;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  _koers_document_unwatch (self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (koers_document_parent_class)->dispose (object);
}

static void
koers_document_finalize (GObject *object)
{
  KoersDocument *self = (KoersDocument *) object;

  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->drafts);
  g_clear_object (&self->roadmap);
  g_clear_pointer (&self->draft_id, g_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->mtime, g_date_time_unref);

  G_OBJECT_CLASS (koers_document_parent_class)->finalize (object);
}

static void
koers_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KoersDocument *self = KOERS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, koers_document_get_modified (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, koers_document_get_busy (self));
      break;
    case PROP_CHANGED_ON_DISK:
      g_value_set_boolean (value, self->changed_on_disk);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_document_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KoersDocument *self = KOERS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_FILE:
      set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_document_class_init (KoersDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = koers_document_constructed;
  object_class->dispose = koers_document_dispose;
  object_class->finalize = koers_document_finalize;
  object_class->get_property = koers_document_get_property;
  object_class->set_property = koers_document_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, KOERS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, KOERS_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * KoersDocument:changed-on-disk:
   *
   * Whether another program changed the file since this document last
   * read or wrote it: a save would replace that program's work.
   */
  properties[PROP_CHANGED_ON_DISK] =
    g_param_spec_boolean ("changed-on-disk", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KoersDocument::changed:
   * @self: the document
   * @field: the #KoersField that changed
   * @key: (nullable): the model or item id the field belongs to
   *
   * Emitted once per edit, undo or redo, after the history recorded it:
   * the one notification a view needs to follow the document.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, KOERS_TYPE_FIELD, G_TYPE_STRING);

  /**
   * KoersDocument::draft-failed:
   * @self: the document
   * @error: what went wrong
   *
   * Emitted when a draft written in the background could not be written:
   * the unsaved changes are not safe until the document is saved.
   */
  signals[DRAFT_FAILED] =
    g_signal_new ("draft-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
koers_document_init (KoersDocument *self)
{
  self->draft_id = koers_drafts_new_id ();
  self->size = -1;
}

/* --- saving ------------------------------------------------------------- */

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (!_koers_document_check_before_save (data->file, data->check, data->known, data->etag,
                                          data->mtime, data->size, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!koers_file_write_atomic (data->file, data->bytes, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  data->info = g_file_query_info (data->file, STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KoersDocument *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The file on disk is as it was; the document stays modified. */
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  koers_project_stamp (self->project, data->now);
  set_file (self, data->file);
  _koers_document_remember_stamp (self, data->info);
  _koers_document_set_changed_on_disk (self, FALSE);

  /* Changed while the bytes were written: what is on disk is not what the
   * project holds, so it stays modified (and its draft stays). */
  if (data->change_count == self->change_count)
    {
      koers_document_discard_draft (self);
      koers_history_mark_saved (self->history);
      set_modified_and_notify (self, FALSE);
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * koers_document_save_async:
 * @file: (nullable): where to save; %NULL for the document's own file
 *
 * Saves the project atomically, in a worker thread: the bytes are made
 * once, here, and written there. On success @file becomes the document's
 * file and, unless it changed meanwhile, the document counts as saved and
 * its draft is removed. On failure the file on disk stays as it was and
 * the document stays modified.
 *
 * Before it writes, the save checks the file: one nobody may write fails
 * with %G_IO_ERROR_READ_ONLY; the document's own file changed by another
 * program since it was read or written fails with %G_IO_ERROR_WRONG_ETAG
 * (see koers_document_save_full_async() to overwrite it anyway).
 */
void
koers_document_save_async (KoersDocument       *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  koers_document_save_full_async (self, file, KOERS_SAVE_FLAGS_NONE, cancellable, callback, user_data);
}

/**
 * koers_document_save_full_async:
 * @file: (nullable): where to save; %NULL for the document's own file
 * @flags: %KOERS_SAVE_FLAGS_OVERWRITE when the user chose to replace
 *   another program's changes
 *
 * As koers_document_save_async(), with @flags.
 */
void
koers_document_save_full_async (KoersDocument       *self,
                                GFile               *file,
                                KoersSaveFlags       flags,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) write = NULL;
  SaveData *data;

  g_return_if_fail (KOERS_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (file != NULL || self->file != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, koers_document_save_async);

  /* A text edit in progress ends here: undo after the save takes back
   * what was typed after it, not before. */
  koers_history_seal (self->history);

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file ? file : self->file);
  data->now = g_date_time_new_now_utc ();
  data->bytes = koers_project_to_bytes_stamped (self->project, data->now);
  data->change_count = self->change_count;
  /* The document's own file must still be as it was read or written,
   * unless the user chose to overwrite; a file chosen in Save As was
   * asked about by the chooser already. A document made from a project
   * in memory knows no stamp and has nothing to compare; a restored
   * draft does not know it either, and must not assume the file is as
   * the crashed run left it. */
  data->known = self->etag != NULL || self->mtime != NULL;
  if (!(flags & KOERS_SAVE_FLAGS_OVERWRITE) && self->file != NULL && g_file_equal (data->file, self->file) &&
      (data->known || self->restored))
    {
      data->check = TRUE;
      data->etag = g_strdup (self->etag);
      data->mtime = self->mtime ? g_date_time_ref (self->mtime) : NULL;
      data->size = self->size;
    }

  set_busy (self, TRUE);

  /* The writing task does not hold the document: its worker thread may
   * drop the last reference, and whoever shows the document must never
   * be finalized there. The outer task holds it until written_cb ran. */
  write = g_task_new (NULL, cancellable, written_cb, g_steal_pointer (&task));
  g_task_set_source_tag (write, write_in_thread);
  g_task_set_task_data (write, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (write, write_in_thread);
}

/**
 * koers_document_save_finish:
 *
 * Returns: %TRUE when the project was written
 */
gboolean
koers_document_save_finish (KoersDocument  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (KOERS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- drafts ------------------------------------------------------------- */

/**
 * koers_document_save_draft_now:
 *
 * Writes the draft now rather than after the pause (removes it when
 * there is nothing unsaved): before a question that may take a while to
 * be answered. Without a drafts store there is nothing to do.
 *
 * Returns: %TRUE when the draft on disk matches the project
 */
gboolean
koers_document_save_draft_now (KoersDocument  *self,
                               GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (KOERS_IS_DOCUMENT (self), FALSE);

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->drafts == NULL)
    return TRUE;
  if (!koers_document_get_modified (self))
    return koers_drafts_remove (self->drafts, self->draft_id, error);

  bytes = koers_project_to_bytes (self->project);
  uri = self->file != NULL ? g_file_get_uri (self->file) : NULL;
  stamp = _koers_document_stamp_to_string (self);
  return koers_drafts_save (self->drafts, self->draft_id, bytes, uri, stamp, error);
}

/**
 * koers_document_discard_draft:
 *
 * Removes the draft and any pending write of it: after a save, or when
 * the user chose to discard the changes.
 */
void
koers_document_discard_draft (KoersDocument *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KOERS_IS_DOCUMENT (self));

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->drafts != NULL && !koers_drafts_remove (self->drafts, self->draft_id, &error))
    g_debug ("Could not remove draft %s: %s", self->draft_id, error->message);
}

/* --- public API --------------------------------------------------------- */

/**
 * koers_document_new:
 * @project: (nullable): the project; %NULL for a new, empty one
 * @file: (nullable): where @project was read from
 * @drafts: (nullable): where to keep drafts of unsaved changes; %NULL
 *   keeps none
 *
 * Returns: (transfer full): a document, with an empty history that
 *   counts as saved
 */
KoersDocument *
koers_document_new (KoersProject *project,
                    GFile        *file,
                    KoersDrafts  *drafts)
{
  KoersDocument *self;

  g_return_val_if_fail (project == NULL || KOERS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (drafts == NULL || KOERS_IS_DRAFTS (drafts), NULL);

  self = g_object_new (KOERS_TYPE_DOCUMENT,
                       "project", project,
                       "file", file,
                       NULL);
  self->drafts = drafts ? g_object_ref (drafts) : NULL;
  return self;
}

/**
 * koers_document_get_project:
 *
 * Returns: (transfer none): the project; edit it through the history
 */
KoersProject *
koers_document_get_project (KoersDocument *self)
{
  g_return_val_if_fail (KOERS_IS_DOCUMENT (self), NULL);
  return self->project;
}

/**
 * koers_document_take_roadmap:
 *
 * The roadmap built when the document was read (koers_document_load()),
 * once: later calls, and calls after the project changed, return %NULL,
 * and the caller builds it with koers_roadmap_build().
 *
 * Returns: (transfer full) (nullable): the project's roadmap, or %NULL
 */
KoersRoadmap *
koers_document_take_roadmap (KoersDocument *self)
{
  g_return_val_if_fail (KOERS_IS_DOCUMENT (self), NULL);

  if (self->change_count != self->roadmap_change_count)
    g_clear_object (&self->roadmap);
  return g_steal_pointer (&self->roadmap);
}

/**
 * koers_document_get_history:
 *
 * Returns: (transfer none): the undo history every edit goes through
 */
KoersHistory *
koers_document_get_history (KoersDocument *self)
{
  g_return_val_if_fail (KOERS_IS_DOCUMENT (self), NULL);
  return self->history;
}

/**
 * koers_document_get_file:
 *
 * Returns: (transfer none) (nullable): where the project is saved
 */
GFile *
koers_document_get_file (KoersDocument *self)
{
  g_return_val_if_fail (KOERS_IS_DOCUMENT (self), NULL);
  return self->file;
}

/**
 * koers_document_get_draft_id:
 *
 * Returns: the id of this document's draft in the drafts store
 */
const char *
koers_document_get_draft_id (KoersDocument *self)
{
  g_return_val_if_fail (KOERS_IS_DOCUMENT (self), NULL);
  return self->draft_id;
}

/**
 * koers_document_get_modified:
 *
 * Returns: whether the project differs from its file (or was never saved
 *   since it changed); a restored draft counts as modified
 */
gboolean
koers_document_get_modified (KoersDocument *self)
{
  g_return_val_if_fail (KOERS_IS_DOCUMENT (self), FALSE);
  return self->restored || (self->history != NULL && koers_history_get_modified (self->history));
}

/**
 * koers_document_get_busy:
 *
 * Returns: whether a save is being written
 */
gboolean
koers_document_get_busy (KoersDocument *self)
{
  g_return_val_if_fail (KOERS_IS_DOCUMENT (self), FALSE);
  return self->n_saving > 0;
}

/**
 * koers_document_is_untouched:
 *
 * Returns: whether the document is a new project nobody edited: a file
 *   opened next may take its place
 */
gboolean
koers_document_is_untouched (KoersDocument *self)
{
  g_return_val_if_fail (KOERS_IS_DOCUMENT (self), FALSE);

  return self->file == NULL && !koers_document_get_modified (self) && self->n_saving == 0 &&
         !koers_history_can_undo (self->history) && !koers_history_can_redo (self->history);
}

/**
 * koers_document_get_change_count:
 *
 * Returns: how many edits, undos and redos the document has seen
 */
guint64
koers_document_get_change_count (KoersDocument *self)
{
  g_return_val_if_fail (KOERS_IS_DOCUMENT (self), 0);
  return self->change_count;
}

/**
 * koers_document_get_etag:
 *
 * Returns: (nullable): the file's entity tag when it was last read or
 *   written by this document
 */
const char *
koers_document_get_etag (KoersDocument *self)
{
  g_return_val_if_fail (KOERS_IS_DOCUMENT (self), NULL);
  return self->etag;
}

/**
 * koers_document_get_mtime:
 *
 * Returns: (transfer none) (nullable): the file's modification time when
 *   it was last read or written by this document
 */
GDateTime *
koers_document_get_mtime (KoersDocument *self)
{
  g_return_val_if_fail (KOERS_IS_DOCUMENT (self), NULL);
  return self->mtime;
}

/**
 * koers_document_get_size:
 *
 * Returns: the file's size in bytes when it was last read or written by
 *   this document, or -1 when not known
 */
goffset
koers_document_get_size (KoersDocument *self)
{
  g_return_val_if_fail (KOERS_IS_DOCUMENT (self), -1);
  return self->size;
}

/**
 * koers_document_get_changed_on_disk:
 *
 * Returns: whether another program changed the file since this document
 *   last read or wrote it (seen by watching the file)
 */
gboolean
koers_document_get_changed_on_disk (KoersDocument *self)
{
  g_return_val_if_fail (KOERS_IS_DOCUMENT (self), FALSE);
  return self->changed_on_disk;
}

/**
 * koers_document_place:
 * @model_id: the model to place on
 * @marker: which marker
 * @stage_id: (nullable): the stage, or %NULL to take the marker off
 *
 * Places a marker as an undoable command: koers_history_place(), which
 * calls koers_project_place(). #KoersDocument::changed follows once the
 * command is recorded.
 *
 * Returns: %TRUE when the model and stage exist
 */
gboolean
koers_document_place (KoersDocument  *self,
                      const char     *model_id,
                      KoersMarker     marker,
                      const char     *stage_id,
                      GError        **error)
{
  g_return_val_if_fail (KOERS_IS_DOCUMENT (self), FALSE);
  return koers_history_place (self->history, model_id, marker, stage_id, error);
}
