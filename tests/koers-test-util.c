/* koers-test-util.c: what several test suites share: test data, temporary
 * folders, the sanitizers' files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "koers-test-util.h"
#include "koers-error.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

/**
 * koers_test_data_path:
 * @name: a file in tests/data/, like "valid-full.koers"
 *
 * Returns: (transfer full): the path of @name in the source tree
 */
char *
koers_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/**
 * koers_test_example_path:
 * @name: an example project the app ships, like "woonstichting.koers"
 *
 * Returns: (transfer full): the path of @name in data/examples/ of the
 *   source tree ($KOERS_DATA_DIR, which the test environment sets)
 */
char *
koers_test_example_path (const char *name)
{
  const char *data_dir = g_getenv ("KOERS_DATA_DIR");

  if (data_dir != NULL)
    return g_build_filename (data_dir, "examples", name, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

/**
 * koers_test_load_project:
 * @path: a project file
 *
 * Loads @path on the built-in models, through the same function the app
 * opens files with.
 *
 * Returns: (transfer full): the project; the test fails when it does not load
 */
KoersProject *
koers_test_load_project (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KoersProject *project = koers_project_load_from_file (NULL, file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/**
 * koers_test_load_data:
 * @name: a project file in tests/data/
 *
 * Returns: (transfer full): the project; the test fails when it does not load
 */
KoersProject *
koers_test_load_data (const char *name)
{
  g_autofree char *path = koers_test_data_path (name);

  return koers_test_load_project (path);
}

/**
 * koers_test_load_example:
 * @name: an example project in data/examples/
 *
 * Returns: (transfer full): the project; the test fails when it does not load
 */
KoersProject *
koers_test_load_example (const char *name)
{
  g_autofree char *path = koers_test_example_path (name);

  return koers_test_load_project (path);
}

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

static char *saved_lsan_options;

/**
 * koers_test_share_lsan_suppressions:
 *
 * Lets a test subprocess that gives up root (becomes "nobody") still read
 * LeakSanitizer's suppressions. They are read when the process exits, and
 * the checkout they come from may lie where nobody may look (under /root,
 * mode 0700): the sanitizer then fails the child. This copies the file named
 * in `LSAN_OPTIONS` to a folder anyone may read and points `LSAN_OPTIONS` at
 * the copy for the subprocesses started from now on. Without a sanitizer
 * (no `suppressions=` in `LSAN_OPTIONS`) it does nothing.
 *
 * Returns: (transfer full) (nullable): what to hand to
 *   koers_test_unshare_lsan_suppressions() once the subprocess is done
 */
char *
koers_test_share_lsan_suppressions (void)
{
  const char *options = g_getenv ("LSAN_OPTIONS");
  g_auto(GStrv) parts = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  gboolean found = FALSE;

  g_assert_null (saved_lsan_options);
  if (options == NULL)
    return NULL;

  dir = koers_test_make_dir ("koers-lsan");
  copy = g_build_filename (dir, "lsan.supp", NULL);
  parts = g_strsplit (options, ":", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (!g_str_has_prefix (parts[i], "suppressions="))
        continue;
      g_file_get_contents (parts[i] + strlen ("suppressions="), &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents_full (copy, contents, length, G_FILE_SET_CONTENTS_NONE, 0644, &error);
      g_assert_no_error (error);
      g_free (parts[i]);
      parts[i] = g_strconcat ("suppressions=", copy, NULL);
      found = TRUE;
    }
  if (!found)
    {
      koers_test_remove_tree (dir);
      return NULL;
    }

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  saved_lsan_options = g_strdup (options);
  {
    g_autofree char *shared = g_strjoinv (":", parts);

    g_setenv ("LSAN_OPTIONS", shared, TRUE);
  }
  return g_steal_pointer (&dir);
}

/**
 * koers_test_unshare_lsan_suppressions:
 * @shared: (transfer full) (nullable): what
 *   koers_test_share_lsan_suppressions() returned
 *
 * Puts `LSAN_OPTIONS` back as it was and removes the copy.
 */
void
koers_test_unshare_lsan_suppressions (char *shared)
{
  if (shared == NULL)
    return;
  g_setenv ("LSAN_OPTIONS", saved_lsan_options, TRUE);
  g_clear_pointer (&saved_lsan_options, g_free);
  koers_test_remove_tree (shared);
  g_free (shared);
}

/* The names in a zip's central directory: the members it holds. */
static gboolean
zip_has_member (const guint8 *data,
                gsize         len,
                const char   *member)
{
  gsize name_len = strlen (member);

  for (gsize i = 0; i + 46 <= len; i++)
    {
      gsize n;

      if (memcmp (data + i, "PK\001\002", 4) != 0)
        continue;
      n = data[i + 28] | data[i + 29] << 8;
      if (n == name_len && i + 46 + n <= len && memcmp (data + i + 46, member, n) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * koers_test_is_package:
 * @bytes: a file's bytes
 * @mimetype: (nullable): for ODF, the type its first, stored member
 *   "mimetype" must hold; %NULL for OOXML, which has none
 * @member: a member the package must list, such as "content.xml"
 *
 * Returns: whether @bytes are a zip package as office suites expect it
 */
gboolean
koers_test_is_package (GBytes     *bytes,
                       const char *mimetype,
                       const char *member)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  if (len < 38 || memcmp (data, "PK\003\004", 4) != 0)
    return FALSE;
  if (mimetype != NULL)
    {
      gsize mime_len = strlen (mimetype);

      /* Stored (method 0), named "mimetype", no extra field, the type
       * right after the name. */
      if ((data[8] | data[9] << 8) != 0 || (data[26] | data[27] << 8) != 8 ||
          memcmp (data + 30, "mimetype", 8) != 0 || (data[28] | data[29] << 8) != 0 ||
          len < 38 + mime_len || memcmp (data + 38, mimetype, mime_len) != 0)
        return FALSE;
    }
  return zip_has_member (data, len, member);
}

/**
 * koers_test_assert_refused:
 * @refused_file: a #KoersTestRefusedFile
 *
 * Loads the file and asserts that it is refused with its error code and
 * its whole message, which names the file first. A test function for
 * g_test_add_data_func().
 */
void
koers_test_assert_refused (gconstpointer refused_file)
{
  const KoersTestRefusedFile *c = refused_file;
  g_autofree char *path = koers_test_data_path (c->file);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = koers_project_load_from_file (NULL, file, NULL, &error);
  g_autofree char *expected = g_strconcat (c->file, ": ", c->message, NULL);

  g_assert_null (project);
  g_assert_error (error, KOERS_FILE_ERROR, c->code);
  g_assert_cmpstr (error->message, ==, expected);
}
