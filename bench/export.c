/* bench/export.c: how fast Koers exports the roadmap, against rsvg-convert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: run it by hand on a quiet machine. On the sample roadmap
 * (data/examples/woonstichting.koers), the largest roadmap the rules make
 * (every model from nowhere to its last stage, 50 items) and the same with
 * a long owner and a due date on every item, it measures the median of
 * several runs of each export to memory, and of rsvg-convert turning our
 * SVG into a PNG of the same size, the common way to get a PNG from a
 * drawing: each figure is given as a ratio to that peer, measured in the
 * same run. Then how the slide's layout grows with the roadmap: 10, 40
 * and 160 items from generated rules, the time per page against that of
 * the 10 items.
 *
 *   bench-export [PROJECT] [RUNS]
 *   bench-export --write DIR [PROJECT]
 *
 * The second form exports each roadmap once, as SVG and PDF, into DIR and
 * times nothing: files to compare byte for byte before and after a
 * change. It saves the projects there too (NAME.koers), for counting one
 * export under callgrind with `koers --export-roadmap`.
 *
 * The targets: our 3840×2160 PNG in under 300 ms and in at most half the
 * peer's time; SVG and PDF each under 100 ms; the layout's time per page
 * growing at most linearly with the items (160 items: at most 16 × that
 * of 10 items a page). Beside them, the editable deck (ODP and PPTX) of
 * the largest roadmap: under 500 ms, layout and diagrams included.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "koers-deck.h"
#include "koers-export.h"
#include "koers-rules.h"
#include "koers-slide.h"
#include "bench-util.h"

#define DEFAULT_RUNS 9

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

/* The peer's median on @svg, or 0 without rsvg-convert. */
static double
peer_on (GBytes *svg,
         guint   runs)
{
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *svg_path = NULL;
  g_autofree char *png_path = NULL;
  double peer_ms;

  if (rsvg == NULL)
    return 0;
  dir = g_dir_make_tmp ("koers-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  svg_path = g_build_filename (dir, "roadmap.svg", NULL);
  png_path = g_build_filename (dir, "roadmap.png", NULL);
  if (!g_file_set_contents (svg_path, g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), &error))
    g_error ("%s", error->message);
  peer_ms = time_peer (rsvg, svg_path, png_path, runs);
  g_unlink (png_path);
  g_unlink (svg_path);
  g_rmdir (dir);
  return peer_ms;
}

/* Returns the peer's time, for the figures measured beside it. */
static double
bench_project (const char   *what,
               KoersProject *project,
               KoersRoadmap *roadmap,
               guint         runs)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  double png_ms, svg_ms, pdf_ms, peer_ms;

  /* One run untimed: fonts, the font map and the caches warm up once per
   * process, in the app as here. */
  time_export (project, roadmap, KOERS_EXPORT_PNG, 1, NULL);

  png_ms = time_export (project, roadmap, KOERS_EXPORT_PNG, runs, &png);
  svg_ms = time_export (project, roadmap, KOERS_EXPORT_SVG, runs, &svg);
  pdf_ms = time_export (project, roadmap, KOERS_EXPORT_PDF, runs, &pdf);
  peer_ms = peer_on (svg, runs);

  g_print ("%s: %u items, median of %u runs\n", what, koers_roadmap_get_n_items (roadmap), runs);
  if (peer_ms > 0)
    g_print ("  rsvg-convert PNG     %8.1f ms            (our SVG to 3840x2160, a process each)\n", peer_ms);
  else
    {
      g_print ("  rsvg-convert is not installed: no peer to compare with\n");
      peer_ms = G_MAXDOUBLE;
    }
  g_print ("  koers PNG 3840x2160  %8.1f ms  %5.2f x peer  %6zu KiB  (target < 300 ms, <= 0.5 x peer)\n",
           png_ms, png_ms / peer_ms, g_bytes_get_size (png) / 1024);
  g_print ("  koers SVG            %8.1f ms  %5.2f x peer  %6zu KiB  (target < 100 ms)\n",
           svg_ms, svg_ms / peer_ms, g_bytes_get_size (svg) / 1024);
  g_print ("  koers PDF            %8.1f ms  %5.2f x peer  %6zu KiB  (target < 100 ms)\n",
           pdf_ms, pdf_ms / peer_ms, g_bytes_get_size (pdf) / 1024);
  return peer_ms;
}

static KoersProject *
load_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  KoersProject *project = koers_project_load_from_bytes (koers_catalog_get_builtin (), bytes, &error);

  if (project == NULL)
    g_error ("bench-export: %s", error->message);
  return project;
}

/* Every model from nowhere to its last stage; @items, if given, is the
 * inside of roadmap.items. */
static KoersProject *
everything_project (const char *items)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  GString *json = g_string_new ("{ \"format\": \"koers-project\", \"version\": 1, "
                                "\"organisation\": { \"name\": \"Gemeenschappelijke Regeling "
                                "Veiligheidsregio Gelderland-Midden\" }, \"placements\": {");
  g_autoptr(KoersProject) project = NULL;

  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);

      g_string_append_printf (json, "%s\"%s\": { \"target\": \"%s\" }", m ? ", " : "",
                              koers_model_get_id (model),
                              koers_model_get_stage (model, koers_model_get_n_stages (model) - 1)->id);
    }
  g_string_append_printf (json, "}, \"roadmap\": { \"start\": \"2027-01\", \"items\": { %s } } }",
                          items ? items : "");
  project = load_json (json->str);
  g_string_free (json, TRUE);
  return g_steal_pointer (&project);
}

/* The largest roadmap with what the audit found hardest: a long owner and
 * a due date on every item, every status. */
static KoersProject *
long_owners_project (KoersRoadmap *bare)
{
  static const char *statuses[] = { "todo", "doing", "done", "skipped" };
  GString *items = g_string_new (NULL);
  KoersProject *project;
  guint k = 0;

  for (guint p = 0; p < koers_roadmap_get_n_phases (bare); p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (bare, p);

      for (guint i = 0; i < phase->items->len; i++, k++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);

          g_string_append_printf (items, "%s\"%s\": { \"status\": \"%s\", \"owner\": \"%s\", "
                                  "\"due\": \"%s\" }", k ? ", " : "", item->id, statuses[k % 4],
                                  k % 2 ? "Maria van der Heijden-Oudshoorn (hoofdverantwoordelijke communicatie)"
                                        : "Gemeentelijke Communicatieadviseur Maria van den Heuvel-Schoonhoven",
                                  k % 3 ? "2027-03" : "2027-Q3");
        }
    }
  project = everything_project (items->str);
  g_string_free (items, TRUE);
  return project;
}

/* Rules with @n items over every stage of every model, every seventh for
 * phase 0, every third after an earlier one of its model: roadmaps of any
 * length from the same kind of content. */
static KoersRules *
generated_rules (guint n)
{
  static const char *titles[] = {
    "Write a content strategy: themes, audiences, aims",
    "Agree who answers what: service, press, HR",
    "Organiseer kennisdelingsbijeenkomsten voor klantcontactmedewerkers",
    "Measure what your content does",
    "Choose a monitoring tool and search terms",
  };
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"koers-rules\", \"version\": 1, "
                                          "\"maturity\": {}, \"findings\": [], \"items\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree int *last_of_step = NULL;
  KoersRules *rules;

  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);

      for (guint st = 0; st < koers_model_get_n_stages (model); st++)
        if (!g_str_equal (koers_model_get_stage (model, st)->id, "phase-0"))
          {
            g_ptr_array_add (steps, (gpointer) koers_model_get_id (model));
            g_ptr_array_add (steps, (gpointer) koers_model_get_stage (model, st)->id);
          }
    }
  last_of_step = g_new (int, steps->len / 2);
  for (guint s = 0; s < steps->len / 2; s++)
    last_of_step[s] = -1;

  for (guint i = 0; i < n; i++)
    {
      guint step = (i * 5) % (steps->len / 2);

      g_string_append_printf (json, "%s{ \"id\": \"bench/item-%u\", \"title\": \"%s %u\", "
                              "\"why\": \"Because.\", ", i ? ", " : "", i, titles[i % G_N_ELEMENTS (titles)], i);
      if (i % 7 == 0)
        {
          g_string_append (json, "\"phase-0\": \"always\" }");
          continue;
        }
      g_string_append_printf (json, "\"towards\": [ { \"model\": \"%s\", \"stage\": \"%s\" } ]",
                              (const char *) steps->pdata[2 * step], (const char *) steps->pdata[2 * step + 1]);
      if (i % 3 == 0 && last_of_step[step] >= 0)
        g_string_append_printf (json, ", \"after\": [ \"bench/item-%d\" ]", last_of_step[step]);
      g_string_append (json, " }");
      last_of_step[step] = i;
    }
  g_string_append (json, "] }");
  bytes = g_bytes_new (json->str, json->len);
  rules = koers_rules_new_from_bytes (catalog, bytes, "generated.json", &error);
  if (rules == NULL)
    g_error ("bench-export: generated rules: %s", error->message);
  return rules;
}

/* The median time to lay out the slide at 1920×1080, in ms; its pages in
 * @pages. */
static double
time_layout (KoersProject *project,
             KoersRoadmap *roadmap,
             guint         runs,
             guint        *pages)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  KoersRenderOptions options = { FALSE, KOERS_BACKGROUND_THEME };

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(KoersSlide) slide = koers_slide_new (project, roadmap, 1920, 1080, &options, "23 November 2026");
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (times, ms);
      *pages = koers_slide_get_n_pages (slide);
    }
  return median (times);
}

static void
bench_growth (guint runs)
{
  static const guint sizes[] = { 10, 40, 160 };
  double base_per_page = 0;

  g_print ("layout growth at 1920x1080, median of %u runs (target: time a page at most linear in the items)\n", runs);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(KoersRules) rules = generated_rules (sizes[i]);
      g_autoptr(KoersProject) project = everything_project (NULL);
      g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, rules);
      guint pages = 0;
      double ms = time_layout (project, roadmap, runs, &pages);
      double per_page = ms / pages;

      if (i == 0)
        base_per_page = per_page;
      g_print ("  %3u items  %2u pages  %8.1f ms  %7.1f ms a page  %5.2f x that of %u items (%u x the items)\n",
               koers_roadmap_get_n_items (roadmap), pages, ms, per_page, per_page / base_per_page,
               sizes[0], sizes[i] / sizes[0]);
    }
}

/* The decks of @roadmap, as PNG and the rest are timed beside them. */
static void
bench_deck (KoersProject *project,
            KoersRoadmap *roadmap,
            guint         runs,
            double        peer_ms)
{
  g_autoptr(GBytes) odp = NULL;
  g_autoptr(GBytes) pptx = NULL;
  guint n_slides = 0;
  double odp_ms = time_deck (project, roadmap, KOERS_DECK_ODP, runs, &odp, &n_slides);
  double pptx_ms = time_deck (project, roadmap, KOERS_DECK_PPTX, runs, &pptx, &n_slides);

  g_print ("  koers deck ODP       %8.1f ms  %5.2f x peer  %6zu KiB  %u slides  (target < 500 ms)\n",
           odp_ms, odp_ms / peer_ms, g_bytes_get_size (odp) / 1024, n_slides);
  g_print ("  koers deck PPTX      %8.1f ms  %5.2f x peer  %6zu KiB  %u slides  (target < 500 ms)\n",
           pptx_ms, pptx_ms / peer_ms, g_bytes_get_size (pptx) / 1024, n_slides);
}

/* Writes @project's roadmap as NAME.svg and NAME.pdf into @dir. */
static void
write_exports (const char   *dir,
               const char   *name,
               KoersProject *project,
               KoersRoadmap *roadmap)
{
  static const struct { KoersExportFormat format; const char *ext; } formats[] = {
    { KOERS_EXPORT_SVG, "svg" },
    { KOERS_EXPORT_PDF, "pdf" },
  };

  g_autoptr(GError) save_error = NULL;
  g_autofree char *project_file = g_strdup_printf ("%s.koers", name);
  g_autofree char *saved_path = g_build_filename (dir, project_file, NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);

  if (!koers_project_save_to_file (project, saved, NULL, &save_error))
    g_error ("bench-export: %s: %s", saved_path, save_error->message);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *file = g_strdup_printf ("%s.%s", name, formats[f].ext);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      KoersExportOptions options;

      koers_export_options_init (&options);
      options.format = formats[f].format;
      options.date = "23 November 2026";
      bytes = koers_export_roadmap_to_bytes (project, roadmap, &options, &error);
      if (bytes == NULL || !g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
        g_error ("bench-export: %s: %s", path, error->message);
    }
}

/* bench-export --write DIR [PROJECT] */
static int
write_main (int    argc,
            char **argv)
{
  const char *dir = argv[2];
  g_autofree char *path = project_path (argc - 2, argv + 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(KoersRoadmap) roadmap = NULL;
  g_autoptr(KoersProject) largest = NULL;
  g_autoptr(KoersRoadmap) largest_roadmap = NULL;
  g_autoptr(KoersProject) owners = NULL;
  g_autoptr(KoersRoadmap) owners_roadmap = NULL;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    g_error ("bench-export: cannot make %s", dir);
  project = koers_project_load_from_file (koers_catalog_get_builtin (), file, NULL, &error);
  if (project == NULL)
    g_error ("bench-export: %s: %s", path, error->message);
  roadmap = koers_roadmap_build (project, NULL);
  write_exports (dir, "example", project, roadmap);

  largest = everything_project (NULL);
  largest_roadmap = koers_roadmap_build (largest, NULL);
  write_exports (dir, "largest", largest, largest_roadmap);

  owners = long_owners_project (largest_roadmap);
  owners_roadmap = koers_roadmap_build (owners, NULL);
  write_exports (dir, "owners", owners, owners_roadmap);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = project_path (argc, argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(KoersRoadmap) roadmap = NULL;
  g_autoptr(KoersProject) largest = NULL;
  g_autoptr(KoersRoadmap) largest_roadmap = NULL;
  g_autoptr(KoersProject) owners = NULL;
  g_autoptr(KoersRoadmap) owners_roadmap = NULL;
  guint runs = argc > 2 ? (guint) MAX (1, atoi (argv[2])) : DEFAULT_RUNS;
  double peer_ms;

  if (argc > 2 && g_str_equal (argv[1], "--write"))
    return write_main (argc, argv);
  project = koers_project_load_from_file (koers_catalog_get_builtin (), file, NULL, &error);
  if (project == NULL)
    {
      g_printerr ("bench-export: %s: %s\n", path, error->message);
      return 1;
    }
  roadmap = koers_roadmap_build (project, NULL);
  bench_project (path, project, roadmap, runs);

  largest = everything_project (NULL);
  largest_roadmap = koers_roadmap_build (largest, NULL);
  peer_ms = bench_project ("the largest roadmap", largest, largest_roadmap, runs);
  bench_deck (largest, largest_roadmap, runs, peer_ms);

  owners = long_owners_project (largest_roadmap);
  owners_roadmap = koers_roadmap_build (owners, NULL);
  bench_project ("the largest roadmap, long owners", owners, owners_roadmap, runs);

  bench_growth (runs);
  return 0;
}
