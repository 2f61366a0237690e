/* roadmap.c: how long building a roadmap takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finds the largest roadmap the built-in rules make (every model from
 * unplaced to its last stage, for each kind, size and capacity in a small
 * grid), then builds it 1,000 times and prints the median time per
 * roadmap. As a yardstick in the same run: the smallest roadmap (an empty
 * project, phase 0 only), built as often; the ratio of the two is what
 * to compare across machines.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "koers-roadmap.h"
#include "bench-util.h"

#define BUILDS  1000
#define ROUNDS  9

/* The median over ROUNDS of the time per build, in ms, of BUILDS builds. */
static double
time_builds (KoersProject *project)
{
  KoersRules *rules = koers_rules_get_builtin ();
  double rounds[ROUNDS];

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < BUILDS; i++)
        g_object_unref (koers_roadmap_build (project, rules));
      rounds[r] = (g_get_monotonic_time () - start) / 1000.0 / BUILDS;
    }
  qsort (rounds, ROUNDS, sizeof (double), compare_doubles);
  return rounds[ROUNDS / 2];
}

static KoersProject *
project_to_the_top (const char *kind,
                    const char *staff,
                    const char *fte)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  KoersProject *project = koers_project_new (NULL);

  koers_project_set_field (project, KOERS_FIELD_ORGANISATION_NAME, NULL, "Bench", NULL);
  koers_project_set_field (project, KOERS_FIELD_ORGANISATION_KIND, NULL, kind, NULL);
  koers_project_set_field (project, KOERS_FIELD_ORGANISATION_STAFF, NULL, staff, NULL);
  koers_project_set_field (project, KOERS_FIELD_ORGANISATION_CAPACITY, NULL, fte, NULL);
  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);

      koers_project_place (project, koers_model_get_id (model), KOERS_MARKER_TARGET,
                           koers_model_get_stage (model, koers_model_get_n_stages (model) - 1)->id, NULL);
    }
  return project;
}

static KoersProject *
largest_project (guint *n_items)
{
  static const char * const kinds[] = { "municipality", "company", "charity", "small-business", "other" };
  static const char * const staff[] = { "20", "300", "12000" };
  static const char * const fte[] = { "1", "2", "8" };
  KoersProject *best = NULL;

  *n_items = 0;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint s = 0; s < G_N_ELEMENTS (staff); s++)
      for (guint f = 0; f < G_N_ELEMENTS (fte); f++)
        {
          KoersProject *project = project_to_the_top (kinds[k], staff[s], fte[f]);
          g_autoptr(KoersRoadmap) roadmap = NULL;

          roadmap = koers_roadmap_build (project, NULL);
          if (koers_roadmap_get_n_items (roadmap) > *n_items)
            {
              *n_items = koers_roadmap_get_n_items (roadmap);
              g_clear_object (&best);
              best = g_steal_pointer (&project);
            }
          g_clear_object (&project);
        }
  return best;
}

int
main (void)
{
  g_autoptr(KoersProject) largest = NULL;
  g_autoptr(KoersProject) empty = koers_project_new (NULL);
  g_autoptr(KoersProject) bank = project_to_the_top ("company", "12000", "8");
  g_autoptr(KoersRoadmap) roadmap = NULL;
  g_autoptr(KoersRoadmap) bank_roadmap = koers_roadmap_build (bank, NULL);
  guint n_items;
  double big, small, typical;

  largest = largest_project (&n_items);
  roadmap = koers_roadmap_build (largest, NULL);
  big = time_builds (largest);
  small = time_builds (empty);
  typical = time_builds (bank);

  printf ("largest roadmap: %u items in %u phases (%s, %u staff, %g fte)\n", n_items,
          koers_roadmap_get_n_phases (roadmap),
          koers_organisation_kind_to_string (koers_project_get_organisation_kind (largest)),
          koers_project_get_organisation_staff (largest), koers_project_get_organisation_capacity (largest));
  printf ("build, largest:  %.3f ms per roadmap (median of %u rounds of %u)\n", big, ROUNDS, BUILDS);
  printf ("build, smallest: %.3f ms per roadmap (phase 0 only)\n", small);
  printf ("build, a bank to the top of every model: %u items, %.3f ms per roadmap\n",
          koers_roadmap_get_n_items (bank_roadmap), typical);
  printf ("ratio largest/smallest: %.1f\n", big / small);
  printf ("per item: %.1f µs\n", big * 1000.0 / n_items);
  return 0;
}
