/* bench/export.c: how fast Koers exports the roadmap, against rsvg-convert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: run it by hand on a quiet machine. On the sample roadmap
 * (data/examples/woonstichting.koers) it measures the median of several
 * runs of each export to memory, and of rsvg-convert turning our SVG into
 * a PNG of the same size, the common way to get a PNG from a drawing.
 *
 *   bench-export [PROJECT] [RUNS]
 *
 * The targets: our 3840×2160 PNG in under 300 ms and in at most half the
 * peer's time; SVG and PDF each under 100 ms. Beside them, the editable
 * deck (ODP and PPTX) of the longest roadmap there is, every model from
 * nowhere to the top (50 items): under 500 ms, layout and diagrams
 * included.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "koers-deck.h"
#include "koers-export.h"

#define DEFAULT_RUNS 9

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static char *
project_path (int    argc,
              char **argv)
{
  const char *data_dir = g_getenv ("KOERS_DATA_DIR");

  if (argc > 1)
    return g_strdup (argv[1]);
  /* Run from the source tree, or with KOERS_DATA_DIR as the tests have it. */
  return g_build_filename (data_dir ? data_dir : "data", "examples", "woonstichting.koers", NULL);
}

/* The median time of @runs exports in @format, in milliseconds; the last
 * export's bytes in @out. */
static double
time_export (KoersProject       *project,
             KoersRoadmap       *roadmap,
             KoersExportFormat   format,
             guint               runs,
             GBytes            **out)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  KoersExportOptions options;

  koers_export_options_init (&options);
  options.format = format;
  options.date = "23 November 2026";

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      bytes = koers_export_roadmap_to_bytes (project, roadmap, &options, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (bytes == NULL)
        g_error ("export failed: %s", error->message);
      g_array_append_val (times, ms);
      if (out && i + 1 == runs)
        *out = g_bytes_ref (bytes);
    }
  return median (times);
}

/* Every model from nowhere to the top: 50 roadmap items. */
static KoersProject *
load_large (void)
{
  static const char json[] =
    "{ \"format\": \"koers-project\", \"version\": 1, "
    "\"organisation\": { \"name\": \"Gemeente Westerkwartier\" }, "
    "\"placements\": { \"pyramid\": { \"target\": \"create\" }, "
    "\"learning-curve\": { \"target\": \"social-business\" }, "
    "\"maturity-matrix\": { \"target\": \"converged\" }, "
    "\"strategy-model\": { \"target\": \"evaluation\" } }, "
    "\"roadmap\": { \"start\": \"2027-01\", \"items\": {} } }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  KoersProject *project = koers_project_load_from_bytes (koers_catalog_get_builtin (), bytes, &error);

  if (project == NULL)
    g_error ("%s", error->message);
  return project;
}

/* The median time of @runs decks in @format, from the roadmap to the
 * package's bytes (the layout and the diagrams included). */
static double
time_deck (KoersProject    *project,
           KoersRoadmap    *roadmap,
           KoersDeckFormat  format,
           guint            runs,
           GBytes         **out,
           guint           *n_slides)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  KoersRenderOptions options = { FALSE, KOERS_BACKGROUND_THEME };

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(KoersDeck) deck = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      deck = koers_deck_new (project, roadmap, &options, "23 November 2026");
      bytes = koers_deck_to_bytes (deck, format, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (bytes == NULL)
        g_error ("deck failed: %s", error->message);
      g_array_append_val (times, ms);
      *n_slides = koers_deck_get_n_slides (deck);
      if (i + 1 == runs)
        *out = g_bytes_ref (bytes);
    }
  return median (times);
}

/* The median time of rsvg-convert rendering @svg to a PNG of 3840×2160,
 * as a process of its own (start-up included: that is what a user pays). */
static double
time_peer (const char *rsvg,
           const char *svg,
           const char *png,
           guint       runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  const char *argv[] = { rsvg, "-w", "3840", "-h", "2160", svg, "-o", png, NULL };

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      int status = 0;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("rsvg-convert failed: %s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  return median (times);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = project_path (argc, argv);
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(KoersRoadmap) roadmap = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  guint runs = argc > 2 ? (guint) MAX (1, atoi (argv[2])) : DEFAULT_RUNS;
  double png_ms, svg_ms, pdf_ms;

  project = koers_project_load_from_file (koers_catalog_get_builtin (), file, NULL, &error);
  if (project == NULL)
    {
      g_printerr ("bench-export: %s: %s\n", path, error->message);
      return 1;
    }
  roadmap = koers_roadmap_build (project, NULL);

  /* One run untimed: fonts, the font map and the caches warm up once per
   * process, in the app as here. */
  time_export (project, roadmap, KOERS_EXPORT_PNG, 1, NULL);

  png_ms = time_export (project, roadmap, KOERS_EXPORT_PNG, runs, &png);
  svg_ms = time_export (project, roadmap, KOERS_EXPORT_SVG, runs, &svg);
  pdf_ms = time_export (project, roadmap, KOERS_EXPORT_PDF, runs, &pdf);

  g_print ("%s, median of %u runs\n", path, runs);
  g_print ("  koers PNG 3840x2160  %8.1f ms  %7zu KiB   (target < 300 ms)\n",
           png_ms, g_bytes_get_size (png) / 1024);
  g_print ("  koers SVG            %8.1f ms  %7zu KiB   (target < 100 ms)\n",
           svg_ms, g_bytes_get_size (svg) / 1024);
  g_print ("  koers PDF            %8.1f ms  %7zu KiB   (target < 100 ms)\n",
           pdf_ms, g_bytes_get_size (pdf) / 1024);

  {
    g_autoptr(KoersProject) large = load_large ();
    g_autoptr(KoersRoadmap) large_roadmap = koers_roadmap_build (large, NULL);
    g_autoptr(GBytes) odp = NULL;
    g_autoptr(GBytes) pptx = NULL;
    guint n_slides = 0;
    double odp_ms, pptx_ms;

    odp_ms = time_deck (large, large_roadmap, KOERS_DECK_ODP, runs, &odp, &n_slides);
    pptx_ms = time_deck (large, large_roadmap, KOERS_DECK_PPTX, runs, &pptx, &n_slides);
    g_print ("every model to the top: %u items, %u slides\n",
             koers_roadmap_get_n_items (large_roadmap), n_slides);
    g_print ("  koers deck ODP       %8.1f ms  %7zu KiB   (target < 500 ms)\n",
             odp_ms, g_bytes_get_size (odp) / 1024);
    g_print ("  koers deck PPTX      %8.1f ms  %7zu KiB   (target < 500 ms)\n",
             pptx_ms, g_bytes_get_size (pptx) / 1024);
  }

  if (rsvg == NULL)
    {
      g_print ("  rsvg-convert is not installed: no peer to compare with\n");
      return 0;
    }

  {
    g_autofree char *dir = g_dir_make_tmp ("koers-bench-XXXXXX", &error);
    g_autofree char *svg_path = NULL;
    g_autofree char *png_path = NULL;
    double peer_ms;

    if (dir == NULL)
      g_error ("%s", error->message);
    svg_path = g_build_filename (dir, "roadmap.svg", NULL);
    png_path = g_build_filename (dir, "roadmap.png", NULL);
    if (!g_file_set_contents (svg_path, g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), &error))
      g_error ("%s", error->message);

    peer_ms = time_peer (rsvg, svg_path, png_path, runs);
    g_print ("  rsvg-convert PNG     %8.1f ms   (our SVG to 3840x2160, a process each)\n", peer_ms);
    g_print ("  ratio koers/peer PNG %8.2f      (target <= 0.5)\n", png_ms / peer_ms);

    g_unlink (png_path);
    g_unlink (svg_path);
    g_rmdir (dir);
  }
  return 0;
}
