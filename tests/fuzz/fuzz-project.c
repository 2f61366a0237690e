/* fuzz-project.c: every byte string through the project loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the input, loading must either fail with a KOERS_FILE_ERROR and
 * a message, or succeed; a project that loads must save to bytes that load
 * again to the same bytes, and must give a roadmap in every text format.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "koers-error.h"
#include "koers-project.h"
#include "koers-roadmap-format.h"
#include "koers-roadmap.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(KoersProject) again = NULL;
  g_autoptr(KoersRoadmap) roadmap = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  project = koers_project_load_from_bytes (NULL, bytes, &error);
  if (project == NULL)
    {
      g_assert_true (error->domain == KOERS_FILE_ERROR);
      g_assert_true (error->message != NULL && error->message[0] != '\0');
      return 0;
    }

  saved = koers_project_to_bytes (project);
  again = koers_project_load_from_bytes (NULL, saved, &error);
  g_assert_no_error (error);
  saved_again = koers_project_to_bytes (again);
  g_assert_true (g_bytes_equal (saved, saved_again));

  roadmap = koers_roadmap_build (project, NULL);
  g_assert_cmpuint (koers_roadmap_get_n_phases (roadmap), >=, 1);
  for (guint f = KOERS_ROADMAP_FORMAT_MARKDOWN; f <= KOERS_ROADMAP_FORMAT_CSV; f++)
    g_free (koers_roadmap_to_text (roadmap, koers_project_get_catalog (project), f));

  return 0;
}
