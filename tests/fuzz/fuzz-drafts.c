/* fuzz-drafts.c: every byte string as a safety copy found at start-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A draft is two files in the drafts folder: <id>.json, the sidecar that
 * says which file the draft belongs to and which process owns it, and
 * <id>.koers, the project. The input is split at its first NUL byte: what
 * comes before is the sidecar, what comes after the project; without a
 * NUL there is no project file. Both are written into a folder of this
 * process's own, which is then read as the next start reads it.
 *
 * Whatever the files hold, each way in must work or fail with a message,
 * never more: the details of the draft are its own or none, loading gives
 * a project or an error that says why, and a draft that is offered back
 * loads.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "koers-drafts.h"
#include "koers-error.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define DRAFT_ID "0b6f3c3e-5d2a-4c1e-9f4b-2a7d8e9c1f00"

static char *folder;
static char *sidecar_path;
static char *project_path;

static void
remove_folder (void)
{
  g_remove (sidecar_path);
  g_remove (project_path);
  g_rmdir (folder);
}

static void
ensure_folder (void)
{
  g_autoptr(GError) error = NULL;

  if (folder != NULL)
    return;
  folder = g_dir_make_tmp ("koers-fuzz-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  sidecar_path = g_build_filename (folder, DRAFT_ID ".json", NULL);
  project_path = g_build_filename (folder, DRAFT_ID ".koers", NULL);
  atexit (remove_folder);
}

static void
write_file (const char    *path,
            const uint8_t *data,
            size_t         size)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, (gssize) size, &error);
  g_assert_no_error (error);
}

static void
check_error (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == KOERS_FILE_ERROR || error->domain == G_IO_ERROR);
  g_assert_true (error->message != NULL && error->message[0] != '\0');
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) directory = NULL;
  g_autoptr(KoersDrafts) drafts = NULL;
  g_autoptr(KoersDraftInfo) info = NULL;
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(GPtrArray) orphaned = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  const uint8_t *nul = memchr (data, '\0', size);

  ensure_folder ();
  g_remove (project_path);
  if (nul != NULL)
    {
      write_file (sidecar_path, data, (size_t) (nul - data));
      write_file (project_path, nul + 1, size - (size_t) (nul - data) - 1);
    }
  else
    write_file (sidecar_path, data, size);

  directory = g_file_new_for_path (folder);
  drafts = koers_drafts_new_for_directory (directory);

  info = koers_drafts_get_info (drafts, DRAFT_ID);
  if (info != NULL)
    {
      g_assert_cmpstr (info->id, ==, DRAFT_ID);
      g_assert_nonnull (info->saved);
      g_assert_true (g_utf8_validate (info->saved, -1, NULL));
      g_assert_true (info->uri == NULL || g_utf8_validate (info->uri, -1, NULL));
      /* The dialog that offers the draft back names its file so. */
      if (info->uri != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_uri (info->uri);
          g_autofree char *basename = g_file_get_basename (file);

          g_assert_nonnull (basename);
        }
    }

  project = koers_drafts_load (drafts, DRAFT_ID, &uri, &error);
  if (project == NULL)
    {
      check_error (error);
      g_assert_null (uri);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_nonnull (info);
      g_assert_cmpstr (uri, ==, info->uri);
    }

  /* As at start-up: a draft offered back is one that loads. Listing may
   * remove a sidecar whose project was never written. */
  orphaned = koers_drafts_list_orphaned (drafts);
  g_assert_cmpuint (orphaned->len, <=, 1);
  if (orphaned->len == 1)
    {
      KoersDraftInfo *offered = g_ptr_array_index (orphaned, 0);

      g_assert_cmpstr (offered->id, ==, DRAFT_ID);
      g_assert_nonnull (project);
    }
  return 0;
}
