/* koers-io.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "koers-error.h"
#include "koers-io.h"

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *what)
{
  const char *reason = g_strerror (saved_errno);

  /* The system's reason ends the message: it needs the full stop. */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s%s", what, reason, g_str_has_suffix (reason, ".") ? "" : ".");
  return FALSE;
}

/* A temporary file beside the target, written, flushed and synced, then
 * renamed over it: a crash or a full disk leaves the previous file whole. */
/* The file a save must replace: a symbolic link's target, so the link
 * survives the save (a project kept in a synced folder and linked from
 * elsewhere stays linked). A dangling link is written through too. */
static char *
resolve_target (const char *path)
{
  g_autofree char *link = NULL;
  char *resolved = realpath (path, NULL);

  if (resolved != NULL)
    {
      char *copy = g_strdup (resolved);

      free (resolved);
      return copy;
    }
  link = g_file_read_link (path, NULL);
  if (link != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      return g_path_is_absolute (link) ? g_steal_pointer (&link)
                                       : g_build_filename (dir, link, NULL);
    }
  return g_strdup (path);
}

/* After the rename, the folder's entry is what must reach the disk. Not
 * every file system can sync a folder; that is no reason to fail a save
 * whose file is already safely written. */
static void
sync_folder (const char *dir)
{
  int dfd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (dfd < 0)
    return;
  if (fsync (dfd) != 0)
    g_debug ("Could not sync the folder %s: %s", dir, g_strerror (errno));
  close (dfd);
}

/* Only ordinary files are replaced: renaming over a device, a pipe or a
 * socket (or over what a link to one points at) would destroy it.
 * @path is @requested_path with its links resolved. */
static gboolean
check_regular_target (const char  *requested_path,
                      const char  *path,
                      GError     **error)
{
  GStatBuf st;
  g_autofree char *name = NULL;

  if (g_lstat (path, &st) != 0 || S_ISREG (st.st_mode))
    return TRUE;

  name = g_filename_display_basename (requested_path);
  if (S_ISDIR (st.st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("“%s” is a folder. Choose a file name; nothing was changed."), name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is not an ordinary file but a device, pipe or socket, or a link to one. Koers writes only ordinary files: choose another name; nothing was changed."),
                 name);
  return FALSE;
}

static gboolean
write_atomic_path (const char  *requested_path,
                   GBytes      *bytes,
                   GError     **error)
{
  g_autofree char *path = resolve_target (requested_path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  const guint8 *data;
  gsize len = 0, done = 0;
  GStatBuf previous;
  gboolean replacing;
  int fd;

  data = g_bytes_get_data (bytes, &len);

  if (!check_regular_target (requested_path, path, error))
    return FALSE;
  replacing = g_stat (path, &previous) == 0 && S_ISREG (previous.st_mode);

  /* A new file gets the user's umask, as any file they make. */
  fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("The folder “%s” does not exist (any more). Choose another folder."), dir);
      else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("You may not write in the folder “%s”. Choose another folder."), dir);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not create a file in the folder “%s” (%s). Choose another folder."),
                     dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* A replaced file keeps who may read it: a project kept private stays
   * private. Failing that (another owner's file in a shared folder) is
   * not worth refusing the save for. */
  if (replacing && fchmod (fd, previous.st_mode & 07777) != 0)
    g_debug ("Could not keep the permissions of %s: %s", path, g_strerror (errno));

  while (done < len)
    {
      gssize n = write (fd, data + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = n < 0 ? errno : ENOSPC;

          close (fd);
          g_unlink (tmpl);
          if (saved_errno == ENOSPC || saved_errno == EDQUOT)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                         _("The disk is full. Free some space or choose another place; the previous file is unchanged."));
          else if (saved_errno == EFBIG)
            /* A quota, a file size limit, or a FAT-formatted stick. */
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                         _("The file is too large for this place. Choose another place; the previous file is unchanged."));
          else
            set_errno_error (error, saved_errno, _("Could not write the file. Choose another place; the previous file is unchanged"));
          return FALSE;
        }
      done += n;
    }

  if (fsync (fd) != 0 && errno != EINVAL)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (tmpl);
      return set_errno_error (error, saved_errno, _("Could not write the file to disk. Choose another place; the previous file is unchanged"));
    }

  if (close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmpl);
      return set_errno_error (error, saved_errno, _("Could not write the file. Choose another place; the previous file is unchanged"));
    }

  if (g_rename (tmpl, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmpl);
      return set_errno_error (error, saved_errno, _("Could not replace the file. Choose another name or place; the previous file is unchanged"));
    }

  sync_folder (dir);
  return TRUE;
}

/**
 * koers_file_write_atomic:
 *
 * Writes @bytes to @file so that at every moment either the previous
 * contents or the new contents are on disk, never a mix or nothing.
 */
gboolean
koers_file_write_atomic (GFile         *file,
                         GBytes        *bytes,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    return write_atomic_path (path, bytes, error);

  /* Not a local file: GIO writes beside the target and renames too. */
  return g_file_replace_contents (file,
                                  g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                  cancellable, error);
}

/**
 * koers_file_equal_on_disk:
 * @a: a file
 * @b: another file
 *
 * Returns: whether @a and @b are one file on disk, under any names or
 *   through links; %FALSE when either does not exist
 */
gboolean
koers_file_equal_on_disk (GFile *a,
                          GFile *b)
{
  g_autofree char *path_a = NULL;
  g_autofree char *path_b = NULL;
  GStatBuf st_a, st_b;

  g_return_val_if_fail (G_IS_FILE (a), FALSE);
  g_return_val_if_fail (G_IS_FILE (b), FALSE);

  path_a = g_file_get_path (a);
  path_b = g_file_get_path (b);
  if (path_a == NULL || path_b == NULL)
    return g_file_equal (a, b);
  if (g_stat (path_a, &st_a) != 0 || g_stat (path_b, &st_b) != 0)
    return FALSE;
  return st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino;
}

/**
 * koers_file_check_export_target:
 * @target: where an export is to be written
 * @input: (nullable): the project file the export is made from
 * @error: a #G_IO_ERROR
 *
 * Refuses, before anything is drawn, what koers_file_write_atomic() would
 * refuse (a folder, a device, a pipe or a socket, or a link to one) and
 * a @target that is @input itself, which the export would overwrite.
 *
 * Returns: whether @target may be written
 */
gboolean
koers_file_check_export_target (GFile   *target,
                                GFile   *input,
                                GError **error)
{
  g_autofree char *requested = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (input == NULL || G_IS_FILE (input), FALSE);

  if (input != NULL && koers_file_equal_on_disk (target, input))
    {
      g_autofree char *name = g_file_get_basename (target);
      g_autofree char *shown = g_filename_display_name (name);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is the project itself. Choose another name for the export; nothing was changed."),
                   shown);
      return FALSE;
    }

  requested = g_file_get_path (target);
  if (requested == NULL)
    return TRUE;
  path = resolve_target (requested);
  return check_regular_target (requested, path, error);
}

/**
 * koers_file_set_too_large_error:
 * @size: the file's size in bytes, larger than @max_size
 *
 * Says how large the file is, unless the size would read as the limit
 * itself ("the file is 16.0 MiB; … at most 16 MiB"): then that it is
 * larger than the limit.
 */
void
koers_file_set_too_large_error (GError  **error,
                                guint64   size,
                                gsize     max_size)
{
  guint max_mib = max_size / (1024 * 1024);
  double mib = size / (1024.0 * 1024.0);
  g_autofree char *shown = g_strdup_printf ("%.1f", mib);
  g_autofree char *limit = g_strdup_printf ("%.1f", (double) max_mib);

  if (g_str_equal (shown, limit))
    g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_TOO_LARGE,
                 _("the file is larger than %u MiB, the most a Koers file may be"), max_mib);
  else
    g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_TOO_LARGE,
                 _("the file is %.1f MiB; Koers files are at most %u MiB"), mib, max_mib);
}

/* GIO says "Error opening file /home/anna/x.koers: Is a directory": the
 * whole path again, in the system's words. Callers put the file's name
 * first; say the common cases in ours, keeping GIO's error code. */
static void
set_read_error (GError **error,
                GError  *local_error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                         _("this is a folder, not a Koers file"));
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("no such file"));
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                         _("you do not have permission to read this file"));
  else
    {
      g_propagate_error (error, local_error);
      return;
    }
  g_error_free (local_error);
}

static void
set_not_regular_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("this is not an ordinary file but a device, pipe or socket; Koers reads only ordinary files"));
}

/* open() of a pipe waits for a writer, and reading a device may never
 * end: opened without waiting, and refused unless an ordinary file, a
 * pipe named x.koers never freezes Koers. */
static GBytes *
read_local_limited (const char  *path,
                    gsize        max_size,
                    GError     **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  struct stat st;
  int fd, flags;

  fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      int saved_errno = errno;

      set_read_error (error, g_error_new_literal (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                                  g_strerror (saved_errno)));
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      set_errno_error (error, saved_errno, _("Could not read the file"));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      if (S_ISDIR (st.st_mode))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                             _("this is a folder, not a Koers file"));
      else
        set_not_regular_error (error);
      close (fd);
      return NULL;
    }
  if ((guint64) st.st_size > max_size)
    {
      koers_file_set_too_large_error (error, st.st_size, max_size);
      close (fd);
      return NULL;
    }
  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  buffer = g_byte_array_sized_new (st.st_size);
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          set_read_error (error, g_error_new_literal (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                                      g_strerror (saved_errno)));
          return NULL;
        }
      if (n == 0)
        break;
      /* The file may grow while it is read. */
      if (buffer->len + (gsize) n > max_size)
        {
          close (fd);
          koers_file_set_too_large_error (error, (guint64) buffer->len + n, max_size);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n);
    }
  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * koers_file_read_limited:
 *
 * Reads @file whole, refusing it before reading when it is larger than
 * @max_size, so a huge file never fills memory, and refusing anything
 * but an ordinary file (a pipe, a device) without waiting for it.
 */
GBytes *
koers_file_read_limited (GFile         *file,
                         gsize          max_size,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  guint8 chunk[65536];

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path != NULL)
    return read_local_limited (path, max_size, error);

  /* Not a local file: ask its type first, so that a pipe on a remote
   * share is refused rather than read until the other end writes. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("this is a folder, not a Koers file"));
      return NULL;
    }
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      set_not_regular_error (error);
      return NULL;
    }
  g_clear_object (&info);

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      set_read_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      (guint64) g_file_info_get_size (info) > max_size)
    {
      koers_file_set_too_large_error (error, g_file_info_get_size (info), max_size);
      return NULL;
    }

  buffer = g_byte_array_new ();
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, cancellable, &local_error);

      if (n < 0)
        {
          set_read_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > max_size)
        {
          koers_file_set_too_large_error (error, (guint64) buffer->len + n, max_size);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * koers_filename_get_extension:
 * @filename: (nullable): a file name or path
 *
 * The extension the export commands read the format from: the last dot of
 * the file's own name and what follows it. ".png" alone is a hidden file
 * without a name, not a PNG, and has none.
 *
 * Returns: (nullable): the extension with its dot, within @filename
 */
const char *
koers_filename_get_extension (const char *filename)
{
  const char *dot, *slash;

  if (filename == NULL)
    return NULL;
  dot = strrchr (filename, '.');
  slash = strrchr (filename, '/');
  if (dot == NULL || dot == filename || (slash != NULL && dot <= slash + 1))
    return NULL;
  return dot;
}
