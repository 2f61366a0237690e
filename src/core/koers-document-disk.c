/* koers-document-disk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Another program may change the file while Koers has it open: a second
 * Koers, a sync client, a colleague on a shared folder. The document
 * watches its file and compares what is on disk with the stamp (etag, or
 * time and size) it remembered when it last read or wrote it; a save
 * checks the same just before it writes, so that nobody's work is
 * replaced unasked.
 */
#define G_LOG_DOMAIN "koers-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "koers-document-private.h"
#include "koers-error.h"
#include "koers-io.h"

#define CHECK_ATTRIBUTES STAMP_ATTRIBUTES "," \
                         G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
                         G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE "," \
                         G_FILE_ATTRIBUTE_UNIX_MODE

static gboolean
size_matches (goffset    size,
              GFileInfo *info)
{
  return size < 0 || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) ||
         g_file_info_get_size (info) == size;
}

/* An etag says it best; without one, time and size together. A local
 * file's etag is its modification time, which two writes within one tick
 * of the file system's clock share: a different size still tells them
 * apart. */
gboolean
_koers_document_stamp_matches (const char *etag,
                               GDateTime  *mtime,
                               goffset     size,
                               GFileInfo  *info)
{
  const char *now_etag = g_file_info_get_etag (info);
  g_autoptr(GDateTime) now_mtime = NULL;

  if (etag != NULL && now_etag != NULL)
    return g_str_equal (etag, now_etag) && size_matches (size, info);

  if (mtime == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
    return FALSE;
  now_mtime = g_file_info_get_modification_date_time (info);
  if (!g_date_time_equal (mtime, now_mtime))
    return FALSE;
  return size_matches (size, info);
}

/* Root may write anywhere: a file nobody may write is read-only for
 * Koers too, as it is for GNOME's editors. */
static gboolean
is_read_only (GFileInfo *info)
{
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) &&
      !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    return TRUE;
  return g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE) &&
         (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 0222) == 0;
}

/* Runs on the saving thread, just before the write. A read-only file is
 * always refused. With @compare, the file must still carry the stamp;
 * @known says whether there is one (a restored draft has none, and then
 * any file in the way counts as changed). A file that is gone is no one's
 * work: saving brings it back. */
gboolean
_koers_document_check_before_save (GFile         *file,
                                   gboolean       compare,
                                   gboolean       known,
                                   const char    *etag,
                                   GDateTime     *mtime,
                                   goffset        size,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;

  info = g_file_query_info (file, CHECK_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info == NULL)
    return TRUE;

  name = g_file_get_basename (file);
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && is_read_only (info))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("“%s” is read-only. Save a copy under another name; the file is unchanged."), name);
      return FALSE;
    }
  if (compare && (!known || !_koers_document_stamp_matches (etag, mtime, size, info)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                   _("“%s” was changed by another program since Koers opened it. Saving now would replace those changes."),
                   name);
      return FALSE;
    }
  return TRUE;
}

/* The stamp as a draft keeps it, so that a draft restored after a crash
 * still knows the file as the crashed run read it. */
char *
_koers_document_stamp_to_string (KoersDocument *self)
{
  if (self->etag != NULL)
    return g_strconcat ("etag:", self->etag, NULL);
  if (self->mtime != NULL)
    return g_strdup_printf ("mtime:%" G_GINT64_FORMAT ".%06d:%" G_GOFFSET_FORMAT,
                            g_date_time_to_unix (self->mtime),
                            g_date_time_get_microsecond (self->mtime), self->size);
  return NULL;
}

/* A stamp that does not parse is no stamp: the file then counts as
 * changed, which asks once too often rather than once too few. */
void
_koers_document_stamp_from_string (KoersDocument *self,
                                   const char    *stamp)
{
  gint64 seconds = 0;
  gint micro = 0;
  gint64 size = -1;

  if (stamp == NULL)
    return;
  if (g_str_has_prefix (stamp, "etag:"))
    {
      g_free (self->etag);
      self->etag = g_strdup (stamp + strlen ("etag:"));
    }
  else if (sscanf (stamp, "mtime:%" G_GINT64_FORMAT ".%d:%" G_GINT64_FORMAT, &seconds, &micro, &size) == 3)
    {
      g_autoptr(GDateTime) whole = g_date_time_new_from_unix_utc (seconds);

      g_clear_pointer (&self->mtime, g_date_time_unref);
      self->mtime = whole != NULL ? g_date_time_add (whole, micro) : NULL;
      self->size = size;
    }
}

void
_koers_document_set_changed_on_disk (KoersDocument *self,
                                     gboolean       changed)
{
  if (self->changed_on_disk == changed)
    return;
  self->changed_on_disk = changed;
  g_object_notify (G_OBJECT (self), "changed-on-disk");
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  KoersDocument *self = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info_finish (G_FILE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Our own save is the change seen; its stamp comes when it is done. */
  if (koers_document_get_busy (self) || !g_file_equal (G_FILE (source), self->file))
    return;

  /* A file deleted or moved away: a save brings it back, nothing to
   * reload. */
  if (info == NULL)
    return;
  if (!_koers_document_stamp_matches (self->etag, self->mtime, self->size, info))
    _koers_document_set_changed_on_disk (self, TRUE);
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    KoersDocument     *self)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
      event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT ||
      event == G_FILE_MONITOR_EVENT_UNMOUNTED ||
      self->file == NULL)
    return;

  /* Asked without blocking: the file may be on a slow share. */
  g_cancellable_cancel (self->monitor_check);
  g_clear_object (&self->monitor_check);
  self->monitor_check = g_cancellable_new ();
  g_file_query_info_async (self->file, STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT,
                           self->monitor_check, checked_cb, self);
}

/* Follows the document's file; called whenever it is set. */
void
_koers_document_watch (KoersDocument *self)
{
  g_autoptr(GError) error = NULL;

  _koers_document_unwatch (self);
  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      /* Not every file system can be watched; the check before each
       * save still guards the file. */
      g_debug ("Cannot watch the file: %s", error->message);
      return;
    }
  g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
}

void
_koers_document_unwatch (KoersDocument *self)
{
  if (self->monitor_check != NULL)
    {
      g_cancellable_cancel (self->monitor_check);
      g_clear_object (&self->monitor_check);
    }
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
}

/* A save writes ".NAME.XXXXXX" beside the file and renames it over; a
 * kill in between leaves it. One older than this is no save in progress. */
#define LEFTOVER_AGE_SECONDS 60

static gboolean
is_leftover_name (const char *name,
                  const char *prefix)
{
  gsize len = strlen (prefix);

  if (!g_str_has_prefix (name, prefix) || strlen (name) != len + 6)
    return FALSE;
  for (const char *p = name + len; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

/**
 * koers_document_collect_leftovers:
 * @file: a project file
 *
 * Looks for what an interrupted save of @file left beside it. A
 * leftover that is a whole copy of @file as it is now holds nothing new
 * and is removed; one that holds a different project is returned, to be
 * offered like a draft (koers_document_restore_leftover()). Leftovers of
 * a save that may still be running (younger than a minute) and ones that
 * are not a Koers project are left alone.
 *
 * Returns: (transfer full) (element-type GFile): the leftovers to offer
 */
GPtrArray *
koers_document_collect_leftovers (GFile        *file,
                                  GCancellable *cancellable)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GBytes) current = NULL;
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean read_current = FALSE;
  GFileInfo *info;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (folder == NULL)
    return g_steal_pointer (&found);
  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  if (children == NULL)
    return g_steal_pointer (&found);

  while ((info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      g_autoptr(GFile) leftover = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(KoersProject) project = NULL;

      if (!is_leftover_name (g_file_info_get_name (info), prefix) ||
          g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          now - (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) < LEFTOVER_AGE_SECONDS)
        continue;

      leftover = g_file_get_child (folder, g_file_info_get_name (info));
      bytes = koers_file_read_limited (leftover, KOERS_MAX_FILE_SIZE, cancellable, NULL);
      if (bytes == NULL)
        continue;
      /* Read only once there is a leftover to compare it with: the
       * file itself may be large, and nearly always has none. */
      if (!read_current)
        {
          current = koers_file_read_limited (file, KOERS_MAX_FILE_SIZE, cancellable, NULL);
          read_current = TRUE;
        }
      if (current != NULL && g_bytes_equal (bytes, current))
        {
          g_autoptr(GError) error = NULL;

          if (!g_file_delete (leftover, cancellable, &error))
            g_debug ("Could not remove a leftover of a save: %s", error->message);
          continue;
        }
      project = koers_project_load_from_bytes (NULL, bytes, NULL);
      if (project != NULL)
        g_ptr_array_add (found, g_steal_pointer (&leftover));
    }
  return g_steal_pointer (&found);
}

/**
 * koers_document_restore_leftover:
 * @leftover: from koers_document_collect_leftovers()
 * @file: the project file it was meant to replace
 * @drafts: (nullable): where the document keeps its drafts
 *
 * Opens @leftover as unsaved changes to @file, like a restored draft: a
 * save asks before it replaces @file. The leftover becomes a draft and
 * is removed.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
KoersDocument *
koers_document_restore_leftover (GFile        *leftover,
                                 GFile        *file,
                                 KoersDrafts  *drafts,
                                 GError      **error)
{
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(GError) local_error = NULL;
  KoersDocument *self;

  g_return_val_if_fail (G_IS_FILE (leftover), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  project = koers_project_load_from_file (koers_catalog_get_builtin (), leftover, NULL, error);
  if (project == NULL)
    return NULL;

  self = koers_document_new (project, file, drafts);
  self->restored = TRUE;
  if (drafts == NULL || !koers_document_save_draft_now (self, &local_error))
    {
      /* Without a draft, the leftover stays the only copy on disk. */
      g_debug ("Could not keep a leftover as a draft: %s", local_error ? local_error->message : "no drafts");
      return self;
    }
  if (!g_file_delete (leftover, NULL, &local_error))
    g_debug ("Could not remove a leftover of a save: %s", local_error->message);
  return self;
}
