/* koers-test-util.c: temporary folders and a CSV reader for the test suites
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

/**
 * koers_test_parse_csv:
 *
 * An RFC 4180 parser: records end in CRLF (a bare LF is accepted too),
 * fields are separated by commas, a field in double quotes may hold
 * commas, line breaks and doubled quotes. Anything else is an error.
 *
 * Returns: (transfer full) (nullable): the records, each a #GPtrArray of
 *   fields; %NULL with @error set when @text is not RFC 4180
 */
GPtrArray *
koers_test_parse_csv (const char  *text,
                      char       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  *error = NULL;
  if (*p == '\0')
    {
      g_ptr_array_unref (record);
      g_string_free (field, TRUE);
      return g_steal_pointer (&records);
    }

  for (;;)
    {
      /* one field */
      if (*p == '"')
        {
          p++;
          for (;;)
            {
              if (*p == '\0')
                {
                  *error = g_strdup ("a quoted field is not closed");
                  goto fail;
                }
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
          if (*p != ',' && *p != '\r' && *p != '\n' && *p != '\0')
            {
              *error = g_strdup_printf ("text after a closing quote at offset %d", (int) (p - text));
              goto fail;
            }
        }
      else
        {
          while (*p != ',' && *p != '\r' && *p != '\n' && *p != '\0')
            {
              if (*p == '"')
                {
                  *error = g_strdup_printf ("a quote in an unquoted field at offset %d", (int) (p - text));
                  goto fail;
                }
              g_string_append_c (field, *p++);
            }
        }
      g_ptr_array_add (record, g_string_free (field, FALSE));
      field = g_string_new (NULL);

      /* what ends it */
      if (*p == ',')
        {
          p++;
          continue;
        }
      if (*p == '\r')
        {
          if (p[1] != '\n')
            {
              *error = g_strdup ("a CR without LF");
              goto fail;
            }
          p++;
        }
      if (*p == '\n')
        p++;
      g_ptr_array_add (records, record);
      record = g_ptr_array_new_with_free_func (g_free);
      if (*p == '\0')
        break;
    }

  g_ptr_array_unref (record);
  g_string_free (field, TRUE);
  return g_steal_pointer (&records);

fail:
  g_ptr_array_unref (record);
  g_string_free (field, TRUE);
  return NULL;
}
