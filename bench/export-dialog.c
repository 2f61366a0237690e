/* bench/export-dialog.c: what opening the Export dialog costs the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: run it by hand, under Xvfb. For a roadmap of about 20 items
 * and the largest one the rules make (50 items), and for both kinds of
 * export (the roadmap slides and a diagram), it opens the dialog and
 * iterates the main loop until the preview is drawn, and reports:
 *
 * - "open": the time koers_export_dialog_new() takes (the template, the
 *   settings, the project's bytes for the worker);
 * - "stall": the longest single main-loop iteration until the preview is
 *   shown (taking the worker's pages into textures, say);
 * - "ready": how long after opening the preview is there (off the main
 *   thread, the window stays responsive meanwhile);
 *
 * against the baseline measured in the same run: the work the dialog used
 * to do on the main thread when it opened, building the roadmap and laying
 * it out as a slide, for a diagram export too. Medians of RUNS runs.
 *
 *   xvfb-run -a -s '-screen 0 1280x800x24' bench-export-dialog [RUNS]
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "koers-catalog.h"
#include "koers-export-dialog.h"
#include "koers-roadmap.h"
#include "koers-slide.h"
#include "bench-util.h"

#define DEFAULT_RUNS 7

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

/* Every model's Goal at stage @depth (or its last), from nowhere. */
static KoersProject *
project_at_depth (guint depth)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  GString *json = g_string_new ("{ \"format\": \"koers-project\", \"version\": 1, "
                                "\"organisation\": { \"name\": \"Woonstichting Rivierenland\" }, "
                                "\"placements\": {");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  KoersProject *project;

  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      guint stage = MIN (depth, koers_model_get_n_stages (model) - 1);

      g_string_append_printf (json, "%s\"%s\": { \"target\": \"%s\" }", m ? ", " : "",
                              koers_model_get_id (model), koers_model_get_stage (model, stage)->id);
    }
  g_string_append (json, "}, \"roadmap\": { \"start\": \"2027-01\" } }");
  bytes = g_string_free_to_bytes (json);
  project = koers_project_load_from_bytes (catalog, bytes, &error);
  if (project == NULL)
    g_error ("bench-export-dialog: %s", error->message);
  return project;
}

/* The first depth whose roadmap has at least @n items (the last depth
 * gives the largest roadmap). */
static KoersProject *
project_with_items (guint  n,
                    guint *n_items)
{
  for (guint depth = 1; depth < 16; depth++)
    {
      g_autoptr(KoersProject) project = project_at_depth (depth);
      g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
      g_autoptr(KoersProject) deeper = project_at_depth (depth + 1);
      g_autoptr(KoersRoadmap) deeper_roadmap = koers_roadmap_build (deeper, NULL);

      *n_items = koers_roadmap_get_n_items (roadmap);
      if (*n_items >= n || koers_roadmap_get_n_items (deeper_roadmap) == *n_items)
        return g_steal_pointer (&project);
    }
  g_error ("bench-export-dialog: no roadmap of %u items", n);
}

/* What the dialog did on the main thread when it opened, before. */
static double
baseline (KoersProject *project)
{
  double start = now_ms ();
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  KoersRenderOptions options = { FALSE, KOERS_BACKGROUND_THEME };
  g_autoptr(KoersSlide) slide = koers_slide_new (project, roadmap, 1920, 1080, &options, NULL);

  koers_slide_get_n_pages (slide);
  return now_ms () - start;
}

static void
open_dialog (KoersProject *project,
             const char   *model_id,
             double       *open,
             double       *stall,
             double       *ready)
{
  double start = now_ms ();
  KoersExportDialog *dialog = koers_export_dialog_new (NULL, project, NULL, model_id);
  GtkStack *stack;
  gpointer alive = dialog;

  *open = now_ms () - start;
  *stall = 0;
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (dialog), KOERS_TYPE_EXPORT_DIALOG,
                                                    "preview_stack"));
  while (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") == 0)
    {
      double before = now_ms ();

      if (g_main_context_iteration (NULL, FALSE))
        *stall = MAX (*stall, now_ms () - before);
      else
        g_usleep (200);
      if (now_ms () - start > 30000)
        g_error ("bench-export-dialog: no preview after 30 s");
    }
  *ready = now_ms () - start;

  g_object_add_weak_pointer (G_OBJECT (dialog), &alive);
  gtk_window_destroy (GTK_WINDOW (dialog));
  while (alive != NULL)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (200);
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : DEFAULT_RUNS;
  const guint sizes[] = { 20, 50 };
  const char *kinds[] = { NULL, "pyramid" };

  /* Never the user's settings: the defaults, in memory. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* No accessibility bus under Xvfb: its warning is noise here. */
  g_setenv ("GTK_A11Y", "none", FALSE);
  gtk_init ();
  adw_init ();
  if (runs == 0)
    runs = DEFAULT_RUNS;

  g_print ("Opening the Export dialog: the main thread's share, median of %u runs (ms)\n", runs);
  g_print ("%-9s %-8s %9s %8s %8s %8s %14s\n", "items", "kind", "baseline", "open", "stall", "ready",
           "main/baseline");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint n_items;
      g_autoptr(KoersProject) project = project_with_items (sizes[s], &n_items);

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autoptr(GArray) base = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) stalls = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) readies = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) mains = g_array_new (FALSE, FALSE, sizeof (double));
          double b, o, st, r, m;

          /* Interleaved, so that a busy moment of the machine hits both. */
          for (guint i = 0; i < runs; i++)
            {
              double t, open, stall, ready, main_ms;

              t = baseline (project);
              g_array_append_val (base, t);
              open_dialog (project, kinds[k], &open, &stall, &ready);
              main_ms = open + stall;
              g_array_append_val (opens, open);
              g_array_append_val (stalls, stall);
              g_array_append_val (readies, ready);
              g_array_append_val (mains, main_ms);
            }
          b = median (base);
          o = median (opens);
          st = median (stalls);
          r = median (readies);
          m = median (mains);
          g_print ("%-9u %-8s %9.1f %8.1f %8.1f %8.1f %13.2f×\n", n_items,
                   kinds[k] ? "diagram" : "roadmap", b, o, st, r, m / b);
        }
    }
  return EXIT_SUCCESS;
}
