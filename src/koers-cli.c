/* koers-cli.c: --check, --roadmap and the exports, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "koers-catalog.h"
#include "koers-cli.h"
#include "koers-deck.h"
#include "koers-export.h"
#include "koers-error.h"
#include "koers-io.h"
#include "koers-progress.h"
#include "koers-project.h"
#include "koers-roadmap-format.h"
#include "koers-roadmap.h"
#include "koers-slide.h"
#include "koers-spreadsheet.h"

#define EXIT_REFUSED 1
#define EXIT_USAGE   2

void
koers_cli_add_options (GApplication *application)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and exit"), NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Validate FILE; print errors, warnings and cross-model findings"), NULL },
    { "roadmap", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the roadmap of FILE on standard output"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Roadmap text format: markdown, json or csv (default markdown)"), N_("FORMAT") },
    { "export-roadmap", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the roadmap to OUT; its extension picks png, svg, pdf, ods or xlsx"), N_("OUT") },
    { "export-deck", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write an editable presentation to OUT; its extension picks odp or pptx"), N_("OUT") },
    { "export-progress", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the progress since the last closed round to OUT; its extension picks png, svg or pdf"), N_("OUT") },
    { "export-diagram", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write one model’s diagram with the organisation placed on it"), N_("MODEL:OUT") },
    { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Logical size of the image, multiplied by --scale for PNG (default 1920x1080, a 16:9 slide; a PNG has at most as many pixels as 8K, 7680x4320)"), N_("WIDTHxHEIGHT") },
    /* Text, not numbers: GApplication drops a numeric option given as 0,
     * and --page=0 must be refused rather than read as the default. */
    { "scale", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Pixels per logical unit for PNG: a whole number from 1 to 4 (default 2)"), N_("N") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("light or dark (default light)"), N_("THEME") },
    { "background", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("theme, white or transparent (default theme)"), N_("BACKGROUND") },
    { "page", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("For PNG and SVG: which page of a roadmap too long for one slide (default 1)"), N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  g_application_add_main_option_entries (application, entries);
  g_application_set_option_context_parameter_string (application, _("[FILE…]"));
  g_application_set_option_context_summary (application,
    _("Place your organisation on social media maturity models and plan from phase 0.\n"
      "Without options, FILE opens in the app; with the options below Koers works without a display."));
}

G_GNUC_PRINTF (1, 2)
static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("koers: %s\n", message);
  g_printerr (_("Run “koers --help” to see the options.\n"));
  return EXIT_USAGE;
}

/* "-": a project piped in, as other command-line tools take it. */
static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  guint8 chunk[65536];

  for (;;)
    {
      gssize n = read (STDIN_FILENO, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("could not read standard input: %s"), g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > KOERS_MAX_FILE_SIZE)
        {
          koers_file_set_too_large_error (error, (guint64) buffer->len + n, KOERS_MAX_FILE_SIZE);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static KoersProject *
load (const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  KoersProject *project;

  if (g_str_equal (path, "-"))
    bytes = read_stdin (&error);
  else
    bytes = koers_file_read_limited (file, KOERS_MAX_FILE_SIZE, NULL, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_printerr ("koers: %s: %s\n", path, _("no such file"));
      else
        g_printerr ("koers: %s: %s\n", path, error->message);
      return NULL;
    }

  project = koers_project_load_from_bytes (NULL, bytes, &error);
  if (project == NULL)
    g_printerr ("koers: %s: %s\n", path, error->message);
  return project;
}

static void
print_warnings (const char   *path,
                KoersProject *project)
{
  const GPtrArray *warnings = koers_project_get_warnings (project);

  for (guint i = 0; i < warnings->len; i++)
    g_printerr ("koers: %s: %s\n", path, (const char *) g_ptr_array_index (warnings, i));
}

/* Output that never arrived (a full disk, a closed pipe) is a failure,
 * not a success with nothing to show. */
static int
finish_output (void)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr ("koers: %s: %s\n", _("could not write the output"), g_strerror (errno));
      return EXIT_REFUSED;
    }
  return 0;
}

/* The suggested stage beside the placed one, for each model with answers:
 * a disagreement shows without opening the app. */
static void
print_assessments (KoersProject *project)
{
  KoersCatalog *catalog = koers_project_get_catalog (project);

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, i);
      const char *id = koers_model_get_id (model);
      const KoersStage *placed = koers_model_find_stage (model, koers_project_get_current (project, id));
      g_autoptr(GHashTable) answers = koers_project_dup_answers (project, id);
      int suggested;
      guint n = koers_model_get_n_statements (model);
      g_autofree char *count = NULL;

      if (g_hash_table_size (answers) == 0)
        continue;
      suggested = koers_assessment_suggest (model, answers);
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u statement answered",
                                            "%u of %u statements answered", n),
                               g_hash_table_size (answers), n);
      /* TRANSLATORS: "assessment (pyramid): Now placed at Create, the answers
       * suggest Listen (16 of 16 statements answered)" */
      g_print (_("%s (%s): Now placed at %s, the answers suggest %s (%s)\n"),
               C_("check", "assessment"), id,
               placed ? placed->name : C_("check", "nothing"),
               suggested >= 0 ? koers_model_get_stage (model, suggested)->name : C_("check", "no stage yet"),
               count);
    }
}

static int
run_check (const char *path)
{
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(KoersRoadmap) roadmap = NULL;
  const GPtrArray *findings;
  KoersCatalog *catalog;
  guint placed = 0;

  if (!(project = load (path)))
    return EXIT_REFUSED;

  print_warnings (path, project);

  catalog = koers_project_get_catalog (project);
  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      const char *id = koers_model_get_id (koers_catalog_get_model (catalog, i));

      if (koers_project_get_current (project, id) || koers_project_get_target (project, id))
        placed++;
    }

  roadmap = koers_roadmap_build (project, NULL);
  findings = koers_roadmap_get_findings (roadmap);

  {
    guint n_items = koers_roadmap_get_n_items (roadmap);
    g_autofree char *items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u roadmap item", "%u roadmap items", n_items), n_items);

    /* TRANSLATORS: "northwind.koers: a valid Koers project; 2 of 4 models placed, 9 roadmap items" */
    g_print (_("%s: a valid Koers project; %u of %u models placed, %s\n"),
             path, placed, koers_catalog_get_n_models (catalog), items);
  }

  print_assessments (project);

  for (guint i = 0; i < findings->len; i++)
    {
      const KoersFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *models = g_strjoinv (", ", f->models);
      g_autofree char *message = koers_strip_soft_hyphens (g_strdup (f->message));

      g_print ("%s [%s] (%s): %s\n",
               f->severity == KOERS_SEVERITY_WARNING ? C_("finding", "warning") : C_("finding", "note"),
               f->id, models, message);
    }

  return finish_output ();
}

static int
run_roadmap (const char         *path,
             KoersRoadmapFormat  format)
{
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(KoersRoadmap) roadmap = NULL;
  g_autofree char *text = NULL;

  if (!(project = load (path)))
    return EXIT_REFUSED;

  print_warnings (path, project);
  roadmap = koers_roadmap_build (project, NULL);
  text = koers_roadmap_to_text (roadmap, koers_project_get_catalog (project), format);
  fwrite (text, 1, strlen (text), stdout);
  return finish_output ();
}

/* Whether @out names the file @path is, through links and other names. */
static gboolean
same_file (const char *path,
           const char *out)
{
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) output = NULL;

  if (g_str_equal (path, "-"))
    return FALSE;
  input = g_file_new_for_commandline_arg (path);
  output = g_file_new_for_commandline_arg (out);
  return koers_file_equal_on_disk (input, output);
}

static int
run_export (const char               *path,
            const char               *model_id,
            const char               *out,
            const KoersExportOptions *options)
{
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!(project = load (path)))
    return EXIT_REFUSED;

  if (model_id != NULL && koers_catalog_lookup (koers_project_get_catalog (project), model_id) == NULL)
    return usage_error (_("--export-diagram: unknown model “%s” (expected one of pyramid, learning-curve, maturity-matrix, strategy-model)"),
                        model_id);

  if (same_file (path, out))
    {
      g_printerr ("koers: %s: %s\n", out, _("this is the project itself; choose another name for the export"));
      return EXIT_REFUSED;
    }

  file = g_file_new_for_commandline_arg (out);
  if (model_id != NULL)
    {
      /* A PDF holds every page, so --page picks none; but a page that
       * does not exist is a mistake on the command line, as for PNG. */
      if (options->format == KOERS_EXPORT_PDF && options->page != 1)
        return usage_error (_("there is no page %u; a diagram has one page"), options->page);
      ok = koers_export_diagram (project, model_id, options, file, &error);
    }
  else
    {
      g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);

      if (options->format == KOERS_EXPORT_PDF && options->page != 1)
        {
          g_autofree char *date = options->date ? g_strdup (options->date) : koers_slide_format_date (NULL);
          g_autoptr(KoersSlide) slide = koers_slide_new (project, roadmap, options->width, options->height,
                                                         &options->render, date);
          guint n_pages = koers_slide_get_n_pages (slide);

          if (options->page > n_pages)
            return usage_error (g_dngettext (GETTEXT_PACKAGE,
                                             "there is no page %u; this roadmap has %u page",
                                             "there is no page %u; this roadmap has %u pages", n_pages),
                                options->page, n_pages);
        }
      ok = koers_export_roadmap (project, roadmap, options, file, &error);
    }

  if (!ok)
    {
      if (g_error_matches (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_PAGE))
        return usage_error ("%s", error->message);
      g_printerr ("koers: %s: %s\n", out, error->message);
      return EXIT_REFUSED;
    }
  return 0;
}

static int
run_progress (const char               *path,
              const char               *out,
              const KoersExportOptions *options)
{
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!(project = load (path)))
    return EXIT_REFUSED;
  if (same_file (path, out))
    {
      g_printerr ("koers: %s: %s\n", out, _("this is the project itself; choose another name for the export"));
      return EXIT_REFUSED;
    }
  if (options->page != 1)
    return usage_error (_("there is no page %u; the progress slide has one page"), options->page);

  file = g_file_new_for_commandline_arg (out);
  if (!koers_export_progress (project, options, file, &error))
    {
      g_printerr ("koers: %s: %s\n", out, error->message);
      return EXIT_REFUSED;
    }
  return 0;
}

static int
run_deck (const char               *path,
          const char               *out,
          KoersDeckFormat           format,
          const KoersExportOptions *options)
{
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(KoersRoadmap) roadmap = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!(project = load (path)))
    return EXIT_REFUSED;

  print_warnings (path, project);
  roadmap = koers_roadmap_build (project, NULL);
  file = g_file_new_for_commandline_arg (out);
  if (!koers_export_deck (project, roadmap, &options->render, options->date, format, file, &error))
    {
      g_printerr ("koers: %s: %s\n", out, error->message);
      return EXIT_REFUSED;
    }
  return 0;
}

static int
run_spreadsheet (const char             *path,
                 const char             *out,
                 KoersSpreadsheetFormat  format)
{
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(KoersRoadmap) roadmap = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!(project = load (path)))
    return EXIT_REFUSED;

  print_warnings (path, project);
  roadmap = koers_roadmap_build (project, NULL);
  file = g_file_new_for_commandline_arg (out);
  if (!koers_export_spreadsheet (roadmap, format, file, &error))
    {
      g_printerr ("koers: %s: %s\n", out, error->message);
      return EXIT_REFUSED;
    }
  return 0;
}

/**
 * koers_cli_run:
 * @options: the parsed options
 *
 * Runs a headless command when the options ask for one. Nothing here
 * touches GTK, so it works with no display at all.
 *
 * Returns: an exit status, or %KOERS_CLI_CONTINUE to start the app
 */
/* The most pixels a PNG may have: 8K (7680×4320) at scale 1. The size is
 * logical and multiplied by the scale, so --size=3840x2160 at the default
 * scale 2 is already this much; a larger size would quietly need hundreds
 * of megabytes. */
#define MAX_PNG_WIDTH  7680
#define MAX_PNG_HEIGHT 4320

static gboolean
png_fits (const KoersExportOptions *options)
{
  double pixels = round (options->width * options->scale) * round (options->height * options->scale);

  return options->format != KOERS_EXPORT_PNG || pixels <= (double) MAX_PNG_WIDTH * MAX_PNG_HEIGHT;
}

static int
png_too_large_error (const KoersExportOptions *options)
{
  /* TRANSLATORS: "--size: 7680x4320 at scale 2 makes an image of
   * 15360x8640 pixels; a PNG has at most as many as 8K (7680x4320) …" */
  return usage_error (_("--size: %gx%g at scale %g makes an image of %gx%g pixels; "
                        "a PNG has at most as many as 8K (%dx%d). The size is logical and "
                        "multiplied by --scale: give a smaller --size or --scale"),
                      options->width, options->height, options->scale,
                      round (options->width * options->scale),
                      round (options->height * options->scale),
                      MAX_PNG_WIDTH, MAX_PNG_HEIGHT);
}

int
koers_cli_run (GVariantDict *options)
{
  g_autofree char *format_name = NULL;
  g_autofree char *export_roadmap = NULL;
  g_autofree char *export_diagram = NULL;
  g_autofree char *export_deck = NULL;
  g_autofree char *export_progress = NULL;
  g_autofree char *size = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *background = NULL;
  g_autofree const char **files = NULL;
  gboolean check = FALSE, roadmap = FALSE, version = FALSE;
  g_autofree char *scale_text = NULL;
  g_autofree char *page_text = NULL;
  guint64 scale = 2;
  guint64 page = 1;
  guint n_commands, n_files;
  KoersExportOptions export_options;

  g_variant_dict_lookup (options, "version", "b", &version);
  g_variant_dict_lookup (options, "check", "b", &check);
  g_variant_dict_lookup (options, "roadmap", "b", &roadmap);
  g_variant_dict_lookup (options, "format", "s", &format_name);
  g_variant_dict_lookup (options, "export-roadmap", "^ay", &export_roadmap);
  g_variant_dict_lookup (options, "export-diagram", "s", &export_diagram);
  g_variant_dict_lookup (options, "export-deck", "^ay", &export_deck);
  g_variant_dict_lookup (options, "export-progress", "^ay", &export_progress);
  g_variant_dict_lookup (options, "size", "s", &size);
  g_variant_dict_lookup (options, "scale", "s", &scale_text);
  g_variant_dict_lookup (options, "theme", "s", &theme);
  g_variant_dict_lookup (options, "background", "s", &background);
  g_variant_dict_lookup (options, "page", "s", &page_text);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);

  if (version)
    {
      g_print ("koers %s\n", PACKAGE_VERSION);
      return 0;
    }

  n_commands = check + roadmap + (export_roadmap != NULL) + (export_diagram != NULL) +
               (export_deck != NULL) + (export_progress != NULL);
  n_files = files ? g_strv_length ((char **) files) : 0;

  if (n_commands == 0)
    {
      if (format_name || size || theme || background || scale_text || page_text)
        return usage_error (_("--format, --size, --scale, --theme, --background and --page go with --roadmap or an export"));
      return KOERS_CLI_CONTINUE;
    }
  if (n_commands > 1)
    return usage_error (_("give one of --check, --roadmap, --export-roadmap, --export-diagram, --export-deck or --export-progress at a time"));
  if (n_files != 1)
    return usage_error (_("expected exactly one FILE, found %u"), n_files);

  if (check)
    {
      if (format_name || size || theme || background || scale_text || page_text)
        return usage_error (_("--check takes no other options"));
      return run_check (files[0]);
    }

  if (roadmap)
    {
      KoersRoadmapFormat format = KOERS_ROADMAP_FORMAT_MARKDOWN;

      if (format_name && !koers_roadmap_format_from_string (format_name, &format))
        return usage_error (_("--format: unknown format “%s” (expected markdown, json or csv)"), format_name);
      if (size || theme || background || scale_text || page_text)
        return usage_error (_("--size, --scale, --theme, --background and --page go with an export"));
      return run_roadmap (files[0], format);
    }

  /* An export. */
  if (format_name)
    return usage_error (_("--format goes with --roadmap; an export’s format comes from OUT’s extension"));

  koers_export_options_init (&export_options);
  if (export_deck)
    {
      KoersDeckFormat deck_format;

      /* A deck is editable: its size is the slide's, it has no pixels and every slide is in it. */
      if (size || scale_text || background || page_text)
        return usage_error (_("--size, --scale, --background and --page do not go with --export-deck"));
      if (!koers_deck_format_from_filename (export_deck, &deck_format))
        return usage_error (_("--export-deck: “%s” does not end in .odp or .pptx"), export_deck);
      if (theme && g_str_equal (theme, "dark"))
        export_options.render.dark = TRUE;
      else if (theme && !g_str_equal (theme, "light"))
        return usage_error (_("--theme: expected light or dark, found “%s”"), theme);
      return run_deck (files[0], export_deck, deck_format, &export_options);
    }
  if (size && !koers_parse_size (size, &export_options.width, &export_options.height))
    return usage_error (_("--size: expected WIDTHxHEIGHT between 320x240 and 7680x4320, like 1920x1080; found “%s”"), size);
  if (scale_text && !g_ascii_string_to_unsigned (scale_text, 10, 1, 4, &scale, NULL))
    return usage_error (_("--scale: expected a whole number from 1 to 4, found “%s”"), scale_text);
  export_options.scale = scale;
  if (theme && g_str_equal (theme, "dark"))
    export_options.render.dark = TRUE;
  else if (theme && !g_str_equal (theme, "light"))
    return usage_error (_("--theme: expected light or dark, found “%s”"), theme);
  if (background && !koers_background_from_string (background, &export_options.render.background))
    return usage_error (_("--background: expected theme, white or transparent, found “%s”"), background);
  if (page_text && !g_ascii_string_to_unsigned (page_text, 10, 1, 9999, &page, NULL))
    return usage_error (_("--page: expected a page number from 1, found “%s”"), page_text);
  export_options.page = page;

  if (export_progress)
    {
      if (!koers_export_format_from_filename (export_progress, &export_options.format))
        return usage_error (_("--export-progress: “%s” does not end in .png, .svg or .pdf"), export_progress);
      if (!png_fits (&export_options))
        return png_too_large_error (&export_options);
      return run_progress (files[0], export_progress, &export_options);
    }
  if (export_roadmap)
    {
      KoersSpreadsheetFormat sheet_format;

      if (koers_spreadsheet_format_from_filename (export_roadmap, &sheet_format))
        {
          if (size || scale_text || theme || background || page_text)
            return usage_error (_("--size, --scale, --theme, --background and --page do not go with a spreadsheet"));
          return run_spreadsheet (files[0], export_roadmap, sheet_format);
        }
      if (!koers_export_format_from_filename (export_roadmap, &export_options.format))
        return usage_error (_("--export-roadmap: “%s” does not end in .png, .svg, .pdf, .ods or .xlsx"), export_roadmap);
      if (!png_fits (&export_options))
        return png_too_large_error (&export_options);
      return run_export (files[0], NULL, export_roadmap, &export_options);
    }
  else
    {
      const char *colon = strchr (export_diagram, ':');
      g_autofree char *model_id = NULL;

      if (colon == NULL || colon == export_diagram || colon[1] == '\0')
        return usage_error (_("--export-diagram: expected MODEL:OUT, like pyramid:pyramid.png; found “%s”"), export_diagram);
      model_id = g_strndup (export_diagram, colon - export_diagram);
      if (!koers_export_format_from_filename (colon + 1, &export_options.format))
        return usage_error (_("--export-diagram: “%s” does not end in .png, .svg or .pdf"), colon + 1);
      if (!png_fits (&export_options))
        return png_too_large_error (&export_options);
      return run_export (files[0], model_id, colon + 1, &export_options);
    }
}
