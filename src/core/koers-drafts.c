/* koers-drafts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A draft is two files in the drafts folder:
 *   <id>.json   {"uri": …, "saved": …, "stamp": …, "pid": …, "boot": …, "start": …}
 *   <id>.koers  the project, exactly as koers_project_to_bytes() wrote it
 *   <id>.lock   held with flock() while the process that writes the draft
 *               runs: the kernel lets go of it however the process ends
 * Both are written atomically, the sidecar first: a crash between the two
 * writes leaves either a sidecar without a project (nothing to offer; it is
 * cleaned up) or an older project with a newer sidecar (still a whole
 * project). Never a half-written project.
 *
 * The lock, not the pid, tells a live owner from a gone one: in a Flatpak
 * every instance has a PID namespace of its own, so another instance's pid
 * means nothing here. Without a lock file (a file system without locks, a
 * draft from elsewhere) the pid, its start time and the boot id decide.
 */
#define G_LOG_DOMAIN "koers-drafts"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/types.h>
#include <unistd.h>

#include "koers-draft-sidecar.h"
#include "koers-drafts.h"
#include "koers-error.h"
#include "koers-io.h"

#define SIDECAR_MAX_SIZE ((gsize) 64 * 1024)

struct _KoersDrafts
{
  GObject     parent_instance;

  GFile      *directory;

  /* Held while a draft is written or removed, so that a removal never
   * interleaves with a write of the same draft. */
  GMutex      lock;
  /* draft id → Sequence: worker threads may run saves out of order, and a
   * save asked for before a removal must not bring the draft back. */
  GHashTable *sequences;
  /* draft id → file descriptor of its flock()ed <id>.lock */
  GHashTable *locks;
};

typedef struct {
  guint64 requested;  /* the number of the last save asked for */
  guint64 floor;      /* saves up to this number are written or void */
} Sequence;

enum {
  PROP_0,
  PROP_DIRECTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KoersDrafts, koers_drafts, G_TYPE_OBJECT)

typedef struct {
  char   *id;
  GBytes *bytes;
  char   *uri;
  char   *stamp;
  guint64 number;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->id);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->uri);
  g_free (data->stamp);
  g_free (data);
}

/* Call with the lock held. */
static Sequence *
get_sequence (KoersDrafts *self,
              const char  *draft_id)
{
  Sequence *sequence = g_hash_table_lookup (self->sequences, draft_id);

  if (sequence == NULL)
    {
      sequence = g_new0 (Sequence, 1);
      g_hash_table_insert (self->sequences, g_strdup (draft_id), sequence);
    }
  return sequence;
}

/* --- files --------------------------------------------------------------- */

static GFile *
draft_file (KoersDrafts *self,
            const char  *draft_id,
            const char  *extension)
{
  g_autofree char *name = g_strconcat (draft_id, extension, NULL);

  return g_file_get_child (self->directory, name);
}

static gboolean
ensure_directory (KoersDrafts  *self,
                  GError      **error)
{
  g_autofree char *path = g_file_get_path (self->directory);

  if (path == NULL)
    return TRUE;

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Koers could not make its safety-copy folder “%s” (%s). "
                     "Your changes are not protected against a crash: save the project to keep them."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_sidecar (KoersDrafts       *self,
              const char        *draft_id,
              KoersDraftSidecar *sidecar,
              GError           **error)
{
  g_autoptr(GFile) file = draft_file (self, draft_id, ".json");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  bytes = koers_file_read_limited (file, SIDECAR_MAX_SIZE, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("This safety copy is no longer there; it was restored or discarded already."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return koers_draft_sidecar_parse (sidecar, draft_id, bytes, error);
}

/* Call with the lock held. Marks the draft as this process's for as long
 * as the process runs. Without a lock the pid still tells. */
static void
hold_draft (KoersDrafts *self,
            const char  *draft_id)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  int fd;

  if (g_hash_table_contains (self->locks, draft_id))
    return;

  file = draft_file (self, draft_id, ".lock");
  if (!(path = g_file_get_path (file)))
    return;

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_debug ("Draft %s is held by another process", draft_id);
      close (fd);
      return;
    }
  g_hash_table_insert (self->locks, g_strdup (draft_id), GINT_TO_POINTER (fd));
}

static void
release_draft (KoersDrafts *self,
               const char  *draft_id)
{
  /* Closing the descriptor lets go of the lock. */
  g_hash_table_remove (self->locks, draft_id);
}

/* TRUE or FALSE when the lock file answers; -1 when there is none. */
static int
lock_says_gone (KoersDrafts *self,
                const char  *draft_id)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  int fd, gone;

  if (g_hash_table_contains (self->locks, draft_id))
    return FALSE;

  file = draft_file (self, draft_id, ".lock");
  if (!(path = g_file_get_path (file)))
    return -1;

  fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  if (fd < 0)
    return -1;

  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    {
      gone = TRUE;
      flock (fd, LOCK_UN);
    }
  else
    gone = errno == EWOULDBLOCK ? FALSE : -1;
  close (fd);
  return gone;
}

static gboolean
save_locked (KoersDrafts  *self,
             const char   *draft_id,
             GBytes       *bytes,
             const char   *uri,
             const char   *stamp,
             GError      **error)
{
  g_autoptr(GFile) sidecar_file = NULL;
  g_autoptr(GFile) project_file = NULL;
  g_autoptr(GBytes) sidecar = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!ensure_directory (self, error))
    return FALSE;

  hold_draft (self, draft_id);

  sidecar_file = draft_file (self, draft_id, ".json");
  project_file = draft_file (self, draft_id, ".koers");
  sidecar = koers_draft_sidecar_to_bytes (uri, stamp);

  if (!koers_file_write_atomic (sidecar_file, sidecar, NULL, &local_error) ||
      !koers_file_write_atomic (project_file, bytes, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Koers could not write a safety copy of your changes: %s "
                     "Until this works, save the project yourself to keep your changes."),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Removes what a killed write may have left beside the draft: files named
 * ".<id>.koers.XXXXXX" or ".<id>.json.XXXXXX" (see koers_file_write_atomic). */
static void
remove_leftovers (KoersDrafts *self,
                  const char  *draft_id)
{
  g_autofree char *path = g_file_get_path (self->directory);
  g_autofree char *prefix = g_strconcat (".", draft_id, ".", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL || !(dir = g_dir_open (path, 0, NULL)))
    return;

  while ((name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *leftover = g_build_filename (path, name, NULL);

        g_unlink (leftover);
      }
}

static gboolean
delete_if_present (GFile   *file,
                   GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_delete (file, NULL, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gint
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const KoersDraftInfo *info_a = *(const KoersDraftInfo * const *) a;
  const KoersDraftInfo *info_b = *(const KoersDraftInfo * const *) b;

  return g_strcmp0 (info_b->saved, info_a->saved);
}

/* --- GObject ------------------------------------------------------------- */

static void
close_fd (gpointer fd)
{
  close (GPOINTER_TO_INT (fd));
}

static void
koers_drafts_constructed (GObject *object)
{
  KoersDrafts *self = KOERS_DRAFTS (object);

  G_OBJECT_CLASS (koers_drafts_parent_class)->constructed (object);

  if (self->directory == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_state_dir (), "koers", "drafts", NULL);

      self->directory = g_file_new_for_path (path);
    }
}

static void
koers_drafts_finalize (GObject *object)
{
  KoersDrafts *self = KOERS_DRAFTS (object);

  g_clear_object (&self->directory);
  g_clear_pointer (&self->sequences, g_hash_table_unref);
  /* Closing lets go of the locks: drafts not removed by now are the next
   * start's to offer back. */
  g_clear_pointer (&self->locks, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (koers_drafts_parent_class)->finalize (object);
}

static void
koers_drafts_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KoersDrafts *self = KOERS_DRAFTS (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_object (value, self->directory);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_drafts_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KoersDrafts *self = KOERS_DRAFTS (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_set_object (&self->directory, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_drafts_class_init (KoersDraftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = koers_drafts_constructed;
  object_class->finalize = koers_drafts_finalize;
  object_class->get_property = koers_drafts_get_property;
  object_class->set_property = koers_drafts_set_property;

  /**
   * KoersDrafts:directory:
   *
   * The folder holding the drafts; by default
   * `$XDG_STATE_HOME/koers/drafts`. Created on the first save.
   */
  properties[PROP_DIRECTORY] =
    g_param_spec_object ("directory", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
koers_drafts_init (KoersDrafts *self)
{
  g_mutex_init (&self->lock);
  self->sequences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->locks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, close_fd);
}

/* --- public API ---------------------------------------------------------- */

/**
 * koers_drafts_new:
 *
 * Returns: (transfer full): the drafts of this user, in
 *   `$XDG_STATE_HOME/koers/drafts`
 */
KoersDrafts *
koers_drafts_new (void)
{
  return g_object_new (KOERS_TYPE_DRAFTS, NULL);
}

/**
 * koers_drafts_new_for_directory:
 * @directory: the folder to keep drafts in (tests use a temporary one)
 *
 * Returns: (transfer full): drafts kept in @directory
 */
KoersDrafts *
koers_drafts_new_for_directory (GFile *directory)
{
  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  return g_object_new (KOERS_TYPE_DRAFTS, "directory", directory, NULL);
}

/**
 * koers_drafts_get_directory:
 *
 * Returns: (transfer none): the folder holding the drafts
 */
GFile *
koers_drafts_get_directory (KoersDrafts *self)
{
  g_return_val_if_fail (KOERS_IS_DRAFTS (self), NULL);

  return self->directory;
}

/**
 * koers_drafts_new_id:
 *
 * Returns: (transfer full): a fresh draft id, a random UUID
 */
char *
koers_drafts_new_id (void)
{
  return g_uuid_string_random ();
}

/**
 * koers_drafts_save:
 * @draft_id: the project's draft id, from koers_drafts_new_id()
 * @project_bytes: the project, from koers_project_to_bytes()
 * @original_uri: (nullable): the file the project was opened from or last
 *   saved to, or %NULL for a project never saved
 * @stamp: (nullable): that file's stamp (see #KoersDraftInfo)
 *
 * Writes the draft atomically, replacing an earlier draft with the same
 * id: after a crash at any moment, a whole draft is left (the previous or
 * this one), never a broken one.
 *
 * Returns: %TRUE when the draft is on disk
 */
gboolean
koers_drafts_save (KoersDrafts  *self,
                   const char   *draft_id,
                   GBytes       *project_bytes,
                   const char   *original_uri,
                   const char   *stamp,
                   GError      **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  Sequence *sequence;

  g_return_val_if_fail (KOERS_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (draft_id != NULL && g_uuid_string_is_valid (draft_id), FALSE);
  g_return_val_if_fail (project_bytes != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  sequence = get_sequence (self, draft_id);
  /* Newer than any save still waiting in a thread: those are void now. */
  sequence->floor = ++sequence->requested;
  return save_locked (self, draft_id, project_bytes, original_uri, stamp, error);
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  KoersDrafts *self = source_object;
  SaveData *data = task_data;
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  Sequence *sequence = get_sequence (self, data->id);
  GError *error = NULL;

  /* A newer save is on disk already, or the draft was removed (saved or
   * discarded) after this save was asked for. */
  if (data->number <= sequence->floor)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  sequence->floor = data->number;

  if (save_locked (self, data->id, data->bytes, data->uri, data->stamp, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * koers_drafts_save_async:
 *
 * Like koers_drafts_save(), in a worker thread. An older draft never
 * overwrites a newer one, and a save asked for before
 * koers_drafts_remove() does nothing: the UI may fire and forget.
 */
void
koers_drafts_save_async (KoersDrafts         *self,
                         const char          *draft_id,
                         GBytes              *project_bytes,
                         const char          *original_uri,
                         const char          *stamp,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (KOERS_IS_DRAFTS (self));
  g_return_if_fail (draft_id != NULL && g_uuid_string_is_valid (draft_id));
  g_return_if_fail (project_bytes != NULL);

  data = g_new0 (SaveData, 1);
  data->id = g_strdup (draft_id);
  data->bytes = g_bytes_ref (project_bytes);
  data->uri = g_strdup (original_uri);
  data->stamp = g_strdup (stamp);
  g_mutex_lock (&self->lock);
  data->number = ++get_sequence (self, draft_id)->requested;
  g_mutex_unlock (&self->lock);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, koers_drafts_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  /* GTask's threads may run two saves in either order: the sequence
   * numbers make the newest bytes win whatever the order. */
  g_task_run_in_thread (task, save_in_thread);
}

gboolean
koers_drafts_save_finish (KoersDrafts   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (KOERS_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * koers_drafts_remove:
 * @draft_id: the draft to remove
 *
 * Removes a draft after a clean save, a discard or a restore. A draft
 * that is not there is not an error.
 *
 * Returns: %TRUE when no draft with this id is left
 */
gboolean
koers_drafts_remove (KoersDrafts  *self,
                     const char   *draft_id,
                     GError      **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GFile) project_file = NULL;
  g_autoptr(GFile) sidecar_file = NULL;
  g_autoptr(GFile) lock_file = NULL;
  Sequence *sequence;

  g_return_val_if_fail (KOERS_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (draft_id != NULL && g_uuid_string_is_valid (draft_id), FALSE);

  locker = g_mutex_locker_new (&self->lock);

  sequence = get_sequence (self, draft_id);
  sequence->floor = sequence->requested;

  project_file = draft_file (self, draft_id, ".koers");
  sidecar_file = draft_file (self, draft_id, ".json");
  lock_file = draft_file (self, draft_id, ".lock");
  remove_leftovers (self, draft_id);

  /* The project first: a sidecar alone is never offered. The lock last,
   * and only let go of once its file is gone. */
  if (!delete_if_present (project_file, error) || !delete_if_present (sidecar_file, error))
    return FALSE;
  delete_if_present (lock_file, NULL);
  release_draft (self, draft_id);
  return TRUE;
}

/**
 * koers_drafts_list_orphaned:
 *
 * Finds the drafts whose process is gone: Koers crashed, was killed, or
 * the computer stopped before they were saved or discarded. Drafts of Koers windows
 * still running are not listed, nor drafts that cannot be restored
 * (damaged); these stay on disk untouched.
 *
 * Returns: (transfer full) (element-type KoersDraftInfo): the drafts to
 *   offer back, newest first
 */
GPtrArray *
koers_drafts_list_orphaned (KoersDrafts *self)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (KOERS_IS_DRAFTS (self), NULL);

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) koers_draft_info_free);
  path = g_file_get_path (self->directory);
  if (path == NULL || !(dir = g_dir_open (path, 0, NULL)))
    return g_steal_pointer (&found);

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *id = NULL;
      g_auto(KoersDraftSidecar) sidecar = { { 0 } };
      g_autoptr(KoersProject) project = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".json"));
      if (!g_uuid_string_is_valid (id))
        continue;

      if (!read_sidecar (self, id, &sidecar, &error))
        {
          g_debug ("Draft %s not offered: %s", id, error->message);
          continue;
        }

      {
        G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
        int gone = lock_says_gone (self, id);

        if (gone == -1)
          gone = koers_draft_sidecar_owner_is_gone (&sidecar);
        if (!gone)
          continue;
      }

      project = koers_drafts_load (self, id, NULL, &error);
      if (project == NULL)
        {
          /* A sidecar whose project was never written holds no work. */
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            koers_drafts_remove (self, id, NULL);
          else
            g_debug ("Draft %s not offered: %s", id, error->message);
          continue;
        }

      g_ptr_array_add (found, koers_draft_info_copy (&sidecar.info));
    }

  g_ptr_array_sort (found, compare_newest_first);
  return g_steal_pointer (&found);
}

/**
 * koers_drafts_read:
 * @draft_id: the draft to read
 * @original_uri: (out) (optional) (nullable): the file the draft belongs
 *   to, or %NULL when the project was never saved
 *
 * Returns: (transfer full): the draft's project bytes, unchecked
 */
GBytes *
koers_drafts_read (KoersDrafts  *self,
                   const char   *draft_id,
                   char        **original_uri,
                   GError      **error)
{
  g_auto(KoersDraftSidecar) sidecar = { { 0 } };
  g_autoptr(GFile) project_file = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  g_return_val_if_fail (KOERS_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (draft_id != NULL && g_uuid_string_is_valid (draft_id), NULL);

  if (original_uri != NULL)
    *original_uri = NULL;

  if (!read_sidecar (self, draft_id, &sidecar, error))
    return NULL;

  project_file = draft_file (self, draft_id, ".koers");
  bytes = koers_file_read_limited (project_file, KOERS_MAX_FILE_SIZE, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("This safety copy is no longer there; it was restored or discarded already."));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("The safety copy from %s cannot be read: %s"),
                     sidecar.info.saved, local_error->message);
      return NULL;
    }

  if (original_uri != NULL)
    *original_uri = g_steal_pointer (&sidecar.info.uri);
  return bytes;
}

/**
 * koers_drafts_get_info:
 * Returns: (transfer full) (nullable): what the draft's sidecar says
 */
KoersDraftInfo *
koers_drafts_get_info (KoersDrafts *self,
                       const char  *draft_id)
{
  g_auto(KoersDraftSidecar) sidecar = { { 0 } };

  g_return_val_if_fail (KOERS_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (draft_id != NULL && g_uuid_string_is_valid (draft_id), NULL);

  return read_sidecar (self, draft_id, &sidecar, NULL) ? koers_draft_info_copy (&sidecar.info) : NULL;
}

/**
 * koers_drafts_load:
 * @draft_id: the draft to load
 * @original_uri: (out) (optional) (nullable): the file the draft belongs
 *   to, or %NULL when the project was never saved
 *
 * Loads a draft as a project, checked like any .koers file.
 *
 * Returns: (transfer full): the project, or %NULL with @error set, saying
 *   the draft is damaged and what is wrong with it
 */
KoersProject *
koers_drafts_load (KoersDrafts  *self,
                   const char   *draft_id,
                   char        **original_uri,
                   GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = NULL;
  KoersProject *project;

  g_return_val_if_fail (KOERS_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (draft_id != NULL && g_uuid_string_is_valid (draft_id), NULL);

  if (original_uri != NULL)
    *original_uri = NULL;

  bytes = koers_drafts_read (self, draft_id, &uri, error);
  if (bytes == NULL)
    return NULL;

  project = koers_project_load_from_bytes (NULL, bytes, &local_error);
  if (project == NULL)
    {
      g_autoptr(GFile) file = draft_file (self, draft_id, ".koers");
      g_autofree char *path = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   _("This safety copy is damaged and cannot be restored (%s). "
                     "It is kept as “%s” in case someone can repair it."),
                   local_error->message, path);
      return NULL;
    }

  if (original_uri != NULL)
    *original_uri = g_steal_pointer (&uri);
  return project;
}
