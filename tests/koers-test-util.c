/* koers-test-util.c: temporary folders for the test suites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "koers-test-util.h"

#include <sys/stat.h>
#include <glib/gstdio.h>

/**
 * koers_test_make_dir:
 * @prefix: the start of the folder's name, like "koers-cli"
 *
 * Returns: (transfer full): a new, empty folder in the temporary folder;
 *   the test fails when it cannot be made
 */
char *
koers_test_make_dir (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

/**
 * koers_test_remove_tree:
 * @path: a file or folder
 *
 * Removes @path and, for a folder, everything in it. Folders a test made
 * read-only are made writable first; symbolic links are removed, never
 * followed.
 */
void
koers_test_remove_tree (const char *path)
{
  GStatBuf info;

  if (g_lstat (path, &info) != 0)
    return;
  if (S_ISDIR (info.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0755);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          koers_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}
