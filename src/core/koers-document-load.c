/* koers-document-load.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a file at start-up: the read starts before the window is built,
 * on a worker, so that it overlaps everything the toolkit does first. The
 * window then waits for it a few milliseconds at most. A normal file is
 * read by then, and the window is built with the project in it, shown in
 * its very first frame; a slow share, a FIFO or a hung disk is not, and
 * the window comes at once and follows the same read when it ends (never
 * a second read: two readers of a FIFO would split its data).
 */
#define G_LOG_DOMAIN "koers-document"

#include "config.h"

#include "koers-document-load.h"
#include "koers-rules.h"

struct _KoersDocumentLoad
{
  GObject parent_instance;

  KoersCatalog *catalog;
  GFile *file;
  KoersDrafts *drafts;
  GCancellable *cancellable;
  /* Where the read started: its end is told there. */
  GMainContext *context;

  /* Written by the worker, under @lock. */
  GMutex lock;
  GCond done_cond;
  gboolean done;
  KoersDocument *document;
  GError *error;
  gboolean taken;

  /* Main thread only. */
  GTask *waiter;
};

G_DEFINE_FINAL_TYPE (KoersDocumentLoad, koers_document_load, G_TYPE_OBJECT)

static void
koers_document_load_finalize (GObject *object)
{
  KoersDocumentLoad *self = (KoersDocumentLoad *) object;

  g_clear_object (&self->catalog);
  g_clear_object (&self->file);
  g_clear_object (&self->drafts);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->document);
  g_clear_error (&self->error);
  g_assert (self->waiter == NULL);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->done_cond);

  G_OBJECT_CLASS (koers_document_load_parent_class)->finalize (object);
}

static void
koers_document_load_class_init (KoersDocumentLoadClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koers_document_load_finalize;
}

static void
koers_document_load_init (KoersDocumentLoad *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->done_cond);
}

/* On the context the read started from: hands the end to whoever asked
 * for it with koers_document_load_when_done() meanwhile. */
static gboolean
tell_waiter (gpointer user_data)
{
  KoersDocumentLoad *self = user_data;
  g_autoptr(GTask) waiter = g_steal_pointer (&self->waiter);

  if (waiter != NULL)
    g_task_return_boolean (waiter, TRUE);
  return G_SOURCE_REMOVE;
}

static gpointer
load_thread (gpointer user_data)
{
  g_autoptr(KoersDocumentLoad) self = user_data;
  GError *error = NULL;
  KoersDocument *document;

  document = koers_document_load (self->catalog, self->file, self->drafts, self->cancellable, &error);
  /* The window builds the roadmap from these next; parsing and checking
   * them here keeps that off the main thread too. */
  if (document != NULL)
    koers_rules_get_builtin ();

  g_mutex_lock (&self->lock);
  self->document = document;
  self->error = error;
  self->done = TRUE;
  g_cond_broadcast (&self->done_cond);
  g_mutex_unlock (&self->lock);

  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, tell_waiter,
                              g_object_ref (self), g_object_unref);
  return NULL;
}

/**
 * koers_document_load_start:
 * @catalog: (nullable): the models to place on; %NULL for the built-in ones
 * @file: a .koers file
 * @drafts: (nullable): where the document keeps its drafts
 * @cancellable: (nullable): stops the read
 *
 * Starts reading @file into a new document on a worker thread, as
 * koers_document_load() does. The caller may wait for it a bounded time
 * (koers_document_load_wait()) or be told when it ends
 * (koers_document_load_when_done()), on the thread-default main context
 * of the caller.
 *
 * Returns: (transfer full): the read under way
 */
KoersDocumentLoad *
koers_document_load_start (KoersCatalog *catalog,
                           GFile        *file,
                           KoersDrafts  *drafts,
                           GCancellable *cancellable)
{
  KoersDocumentLoad *self;
  g_autoptr(GThread) thread = NULL;

  g_return_val_if_fail (catalog == NULL || KOERS_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (drafts == NULL || KOERS_IS_DRAFTS (drafts), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (KOERS_TYPE_DOCUMENT_LOAD, NULL);
  self->catalog = catalog != NULL ? g_object_ref (catalog) : NULL;
  self->file = g_object_ref (file);
  self->drafts = drafts != NULL ? g_object_ref (drafts) : NULL;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->context = g_main_context_ref_thread_default ();

  /* A thread of its own, not GTask's pool: a read that hangs for good
   * must not hold one of the few threads every other task shares. */
  thread = g_thread_new ("koers-open", load_thread, g_object_ref (self));
  return self;
}

/**
 * koers_document_load_get_file:
 *
 * Returns: (transfer none): the file being read
 */
GFile *
koers_document_load_get_file (KoersDocumentLoad *self)
{
  g_return_val_if_fail (KOERS_IS_DOCUMENT_LOAD (self), NULL);

  return self->file;
}

/**
 * koers_document_load_wait:
 * @timeout_us: how long to wait at most, in microseconds; 0 only looks
 *
 * Blocks until the read has ended or @timeout_us has passed, whichever
 * comes first.
 *
 * Returns: whether the read has ended (koers_document_load_take() then
 *   gives its result at once)
 */
gboolean
koers_document_load_wait (KoersDocumentLoad *self,
                          gint64             timeout_us)
{
  gint64 end_time;
  gboolean done;

  g_return_val_if_fail (KOERS_IS_DOCUMENT_LOAD (self), FALSE);

  end_time = g_get_monotonic_time () + MAX (timeout_us, 0);
  g_mutex_lock (&self->lock);
  while (!self->done)
    if (!g_cond_wait_until (&self->done_cond, &self->lock, end_time))
      break;
  done = self->done;
  g_mutex_unlock (&self->lock);
  return done;
}

/**
 * koers_document_load_take:
 *
 * The result of an ended read; it can be taken once. Call it after
 * koers_document_load_wait() said the read ended, or from the callback
 * of koers_document_load_when_done().
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   set to what koers_document_load() would have said
 */
KoersDocument *
koers_document_load_take (KoersDocumentLoad  *self,
                          GError            **error)
{
  KoersDocument *document = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (KOERS_IS_DOCUMENT_LOAD (self), NULL);

  g_mutex_lock (&self->lock);
  if (self->done && !self->taken)
    {
      self->taken = TRUE;
      document = g_steal_pointer (&self->document);
      local_error = g_steal_pointer (&self->error);
    }
  g_mutex_unlock (&self->lock);

  if (document == NULL && local_error == NULL)
    {
      g_critical ("%s: the read has not ended, or its result was taken", G_STRFUNC);
      return NULL;
    }
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return document;
}

/**
 * koers_document_load_when_done:
 * @callback: called on the context the read started from once it ends
 *   (on its next iteration when it has ended already), with @self as
 *   source object; take the result there with koers_document_load_take()
 *
 * Only one caller may wait this way.
 */
void
koers_document_load_when_done (KoersDocumentLoad   *self,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KOERS_IS_DOCUMENT_LOAD (self));
  g_return_if_fail (self->waiter == NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, koers_document_load_when_done);
  if (koers_document_load_wait (self, 0))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  /* The worker's tell_waiter() runs on this context after it set done,
   * so a read ending right now still finds the waiter. */
  self->waiter = g_steal_pointer (&task);
}
