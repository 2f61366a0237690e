/* replay.c: runs a fuzz target over every file of a corpus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with any compiler, so that the seed corpus and every finding the
 * fuzzer ever made stay regression tests in the normal test suite.
 *   replay DIR…
 */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
main (int   argc,
      char *argv[])
{
  guint count = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GError) error = NULL;
      const char *name;

      dir = g_dir_open (argv[i], 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *contents = NULL;
          gsize len = 0;

          if (g_file_test (path, G_FILE_TEST_IS_DIR))
            continue;
          if (!g_file_get_contents (path, &contents, &len, &error))
            g_error ("%s: %s", path, error->message);
          LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
          count++;
        }
    }

  printf ("replayed %u inputs\n", count);
  return count > 0 ? 0 : 1;
}
