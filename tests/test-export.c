/* test-export.c: PNG, SVG and PDF files of the roadmap and the diagrams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The golden images in tests/data/golden/ are compared with a tolerance,
 * so that anti-aliasing differences between machines do not fail the
 * test, but a moved card does. After a deliberate change to the look,
 * regenerate them with build-aux/update-golden (KOERS_UPDATE_GOLDEN=1).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <locale.h>
#include <string.h>

#include "koers-export.h"
#include "koers-progress.h"
#include "koers-slide.h"
#include "koers-test-util.h"

#define DATE "23 November 2026"

static const char *models[] = { "pyramid", "learning-curve", "maturity-matrix", "strategy-model" };

static KoersProject *
load_sample (void)
{
  return koers_test_load_example ("woonstichting.koers");
}

/* Every model from nowhere to the top: a roadmap too long for one page. */
static KoersProject *
load_large (void)
{
  const char *json =
    "{ \"format\": \"koers-project\", \"version\": 1, "
    "\"organisation\": { \"name\": \"Gemeente Westerkwartier\" }, "
    "\"created\": \"2026-09-02T09:00:00Z\", \"modified\": \"2026-11-12T15:21:10Z\", "
    "\"placements\": { \"pyramid\": { \"target\": \"create\" }, "
    "\"learning-curve\": { \"target\": \"social-business\" }, "
    "\"maturity-matrix\": { \"target\": \"converged\" }, "
    "\"strategy-model\": { \"target\": \"evaluation\" } }, "
    "\"roadmap\": { \"start\": \"2027-01\", \"items\": {} } }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  KoersProject *project = koers_project_load_from_bytes (koers_catalog_get_builtin (), bytes, &error);

  g_assert_no_error (error);
  return project;
}

static void
options_init (KoersExportOptions *options,
              KoersExportFormat   format)
{
  koers_export_options_init (options);
  options->format = format;
  options->date = DATE;
}

static GBytes *
export_roadmap (KoersProject             *project,
                const KoersExportOptions *options)
{
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = koers_export_roadmap_to_bytes (project, roadmap, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static void
assert_png_size (GBytes *bytes,
                 guint   width,
                 guint   height)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  g_assert_cmpuint (len, >, 33);
  g_assert_cmpmem (data, 8, signature, 8);
  /* The first chunk is IHDR: length 13, then width and height. */
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpuint (read_be32 (data + 16), ==, width);
  g_assert_cmpuint (read_be32 (data + 20), ==, height);
}

typedef struct {
  const guint8 *data;
  gsize         len, pos;
} Reader;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  Reader *reader = closure;

  if (reader->pos + length > reader->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->pos, length);
  reader->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

/* Decodes a PNG into an ARGB32 surface (cairo decodes with libpng too,
 * independently of our encoder). */
static cairo_surface_t *
decode_png (GBytes *bytes)
{
  Reader reader = { 0 };
  cairo_surface_t *image, *argb;
  cairo_t *cr;

  reader.data = g_bytes_get_data (bytes, &reader.len);
  image = cairo_image_surface_create_from_png_stream (read_bytes, &reader);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);

  /* Whatever format it came in (RGB24 for an opaque PNG), as ARGB32. */
  argb = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width (image),
                                     cairo_image_surface_get_height (image));
  cr = cairo_create (argb);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  cairo_surface_flush (argb);
  return argb;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
}

/* --- options ---------------------------------------------------------- */

static void
test_options (void)
{
  KoersExportOptions options;

  memset (&options, 0xff, sizeof options);
  koers_export_options_init (&options);
  g_assert_cmpint (options.format, ==, KOERS_EXPORT_PNG);
  g_assert_cmpfloat (options.width, ==, 1920);
  g_assert_cmpfloat (options.height, ==, 1080);
  g_assert_cmpfloat (options.scale, ==, 2);
  g_assert_false (options.render.dark);
  g_assert_cmpint (options.render.background, ==, KOERS_BACKGROUND_THEME);
  g_assert_cmpuint (options.page, ==, 1);
  g_assert_null (options.date);
}

static void
test_format_from_filename (void)
{
  static const struct {
    const char *name;
    gboolean    ok;
    KoersExportFormat format;
  } cases[] = {
    { "roadmap.png", TRUE, KOERS_EXPORT_PNG },
    { "ROADMAP.PNG", TRUE, KOERS_EXPORT_PNG },
    { "dir.pdf/roadmap.Svg", TRUE, KOERS_EXPORT_SVG },
    { "/tmp/x.pdf", TRUE, KOERS_EXPORT_PDF },
    { "roadmap.jpeg", FALSE, 0 },
    { "roadmap", FALSE, 0 },
    { "png", FALSE, 0 },
    { ".png", FALSE, 0 },
    { "dir/.png", FALSE, 0 },
    { "roadmap.png.txt", FALSE, 0 },
    { "", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KoersExportFormat format = 99;
      gboolean ok = koers_export_format_from_filename (cases[i].name, &format);

      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_cmpint (format, ==, cases[i].format);
    }
}

static void
test_parse_size (void)
{
  static const char *bad[] = {
    "", "1920", "1920x", "x1080", "1920x1080x2", "+1920x1080", "-1920x1080", " 1920x1080",
    "1920x1080 ", "1920.5x1080", "319x240", "320x239", "7681x4320", "7680x4321", "abcxdef",
    "0x0", "99999999999999999999x1080",
  };
  double width = 1, height = 1;

  g_assert_true (koers_parse_size ("1920x1080", &width, &height));
  g_assert_cmpfloat (width, ==, 1920);
  g_assert_cmpfloat (height, ==, 1080);
  g_assert_true (koers_parse_size ("842x595", &width, &height));
  g_assert_cmpfloat (width, ==, 842);
  g_assert_cmpfloat (height, ==, 595);
  g_assert_true (koers_parse_size ("320x240", &width, &height));
  g_assert_true (koers_parse_size ("7680x4320", &width, &height));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      width = height = 1;
      g_assert_false (koers_parse_size (bad[i], &width, &height));
      /* Left alone on failure. */
      g_assert_cmpfloat (width, ==, 1);
      g_assert_cmpfloat (height, ==, 1);
    }
}

/* --- PNG -------------------------------------------------------------- */

static void
test_png_scales (void)
{
  g_autoptr(KoersProject) project = load_sample ();

  for (guint scale = 1; scale <= 4; scale++)
    {
      KoersExportOptions options;
      g_autoptr(GBytes) bytes = NULL;

      options_init (&options, KOERS_EXPORT_PNG);
      options.width = 800;
      options.height = 450;
      options.scale = scale;
      bytes = export_roadmap (project, &options);
      assert_png_size (bytes, 800 * scale, 450 * scale);
    }
}

static void
test_png_background (void)
{
  g_autoptr(KoersProject) project = load_sample ();
  static const struct {
    gboolean        dark;
    KoersBackground background;
    guint32         corner;   /* premultiplied ARGB */
  } cases[] = {
    { FALSE, KOERS_BACKGROUND_TRANSPARENT, 0x00000000 },
    { TRUE, KOERS_BACKGROUND_TRANSPARENT, 0x00000000 },
    { TRUE, KOERS_BACKGROUND_WHITE, 0xffffffff },
    { FALSE, KOERS_BACKGROUND_WHITE, 0xffffffff },
    { FALSE, KOERS_BACKGROUND_THEME, 0xffffffff },
    { TRUE, KOERS_BACKGROUND_THEME, 0xff1e1e1e },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KoersExportOptions options;
      g_autoptr(GBytes) bytes = NULL;
      cairo_surface_t *image;

      options_init (&options, KOERS_EXPORT_PNG);
      options.width = 640;
      options.height = 360;
      options.scale = 1;
      options.render.dark = cases[i].dark;
      options.render.background = cases[i].background;
      bytes = export_roadmap (project, &options);
      image = decode_png (bytes);
      g_assert_cmphex (pixel_at (image, 0, 0), ==, cases[i].corner);
      g_assert_cmphex (pixel_at (image, 639, 359), ==, cases[i].corner);
      cairo_surface_destroy (image);
    }
}

/* Semi-transparent pixels come back as they were drawn: our encoder
 * un-premultiplies, cairo's decoder premultiplies again. */
static void
test_png_alpha (void)
{
  g_autoptr(KoersProject) project = load_sample ();
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  KoersExportOptions options;
  KoersSlide *slide;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *expected, *image;
  cairo_t *cr;
  guint partial = 0, off = 0;
  const int w = 480, h = 270;

  options_init (&options, KOERS_EXPORT_PNG);
  options.width = w;
  options.height = h;
  options.scale = 1;
  options.render.background = KOERS_BACKGROUND_TRANSPARENT;
  bytes = export_roadmap (project, &options);
  image = decode_png (bytes);

  expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (expected);
  slide = koers_slide_new (project, roadmap, w, h, &options.render, DATE);
  koers_slide_draw_page (slide, cr, 0);
  g_object_unref (slide);
  cairo_destroy (cr);
  cairo_surface_flush (expected);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 a = pixel_at (expected, x, y), b = pixel_at (image, x, y);
        guint alpha = a >> 24;

        g_assert_cmpuint (b >> 24, ==, alpha);
        if (alpha > 0 && alpha < 255)
          partial++;
        /* Rounding through 8 bits twice: off by one at most per channel. */
        for (int shift = 0; shift < 24; shift += 8)
          if (ABS ((int) (a >> shift & 0xff) - (int) (b >> shift & 0xff)) > 1)
            off++;
      }
  g_assert_cmpuint (partial, >, 100);
  g_assert_cmpuint (off, ==, 0);

  cairo_surface_destroy (expected);
  cairo_surface_destroy (image);
}

/* --- SVG and PDF -------------------------------------------------------- */

static void
test_svg (void)
{
  g_autoptr(KoersProject) project = load_sample ();
  KoersExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GObject) handle = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize len;
  double width = 0, height = 0;

  options_init (&options, KOERS_EXPORT_SVG);
  options.width = 1280;
  options.height = 720;
  bytes = export_roadmap (project, &options);
  data = g_bytes_get_data (bytes, &len);
  g_assert_true (g_str_has_prefix (data, "<?xml") || g_str_has_prefix (data, "<svg"));

  handle = G_OBJECT (rsvg_handle_new_from_data ((const guint8 *) data, len, &error));
  g_assert_no_error (error);
  g_assert_true (rsvg_handle_get_intrinsic_size_in_pixels (RSVG_HANDLE (handle), &width, &height));
  g_assert_cmpfloat (width, ==, 1280);
  g_assert_cmpfloat (height, ==, 720);
}

static guint
count_pdf_pages (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *needle = "/Type /Page";
  gsize n = strlen (needle);
  guint pages = 0;

  /* "/Type /Page" but not "/Type /Pages": one per page object. */
  for (gsize i = 0; i + n < len; i++)
    if (memcmp (data + i, needle, n) == 0 && data[i + n] != 's')
      pages++;
  return pages;
}

static void
test_pdf (void)
{
  g_autoptr(KoersProject) sample = load_sample ();
  g_autoptr(KoersProject) large = load_large ();
  g_autoptr(KoersRoadmap) large_roadmap = koers_roadmap_build (large, NULL);
  g_autoptr(KoersSlide) slide = NULL;
  KoersExportOptions options;
  g_autoptr(GBytes) one = NULL;
  g_autoptr(GBytes) many = NULL;

  options_init (&options, KOERS_EXPORT_PDF);
  one = export_roadmap (sample, &options);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (one, NULL), "%PDF-"));
  {
    g_autoptr(KoersRoadmap) sample_roadmap = koers_roadmap_build (sample, NULL);
    g_autoptr(KoersSlide) sample_slide = koers_slide_new (sample, sample_roadmap, options.width, options.height,
                                                          &options.render, DATE);

    g_assert_cmpuint (count_pdf_pages (one), ==, koers_slide_get_n_pages (sample_slide));
  }

  /* Every page, whatever --page says. */
  options.page = 7;
  many = export_roadmap (large, &options);
  slide = koers_slide_new (large, large_roadmap, options.width, options.height, &options.render, DATE);
  g_assert_cmpuint (koers_slide_get_n_pages (slide), >, 1);
  g_assert_cmpuint (count_pdf_pages (many), ==, koers_slide_get_n_pages (slide));
}

/* The text stays text: a PDF reader finds the organisation's name. */
static void
test_pdf_text (void)
{
  g_autoptr(KoersProject) project = load_sample ();
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  KoersExportOptions options;
  int status;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  options_init (&options, KOERS_EXPORT_PDF);
  bytes = export_roadmap (project, &options);
  dir = g_dir_make_tmp ("koers-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "roadmap.pdf", NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { pdftotext, path, "-", NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                  &out, NULL, &status, &error);
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (out, "Woonstichting Rivierenland"));
  g_assert_nonnull (strstr (out, "Social media roadmap"));

  g_unlink (path);
  g_rmdir (dir);
}

/* --- errors and files --------------------------------------------------- */

static void
test_page_out_of_range (void)
{
  g_autoptr(KoersProject) project = load_sample ();
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  KoersExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  options_init (&options, KOERS_EXPORT_PNG);
  options.page = 5;
  bytes = koers_export_roadmap_to_bytes (project, roadmap, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_PAGE);
  {
    g_autoptr(KoersSlide) slide = koers_slide_new (project, roadmap, options.width, options.height,
                                                   &options.render, DATE);
    guint n = koers_slide_get_n_pages (slide);
    g_autofree char *expected = g_strdup_printf ("there is no page 5; this roadmap has %u page%s",
                                                 n, n == 1 ? "" : "s");

    g_assert_cmpuint (n, <, 5);
    g_assert_cmpstr (error->message, ==, expected);
  }
  g_clear_error (&error);

  options.format = KOERS_EXPORT_SVG;
  options.page = 0;
  bytes = koers_export_roadmap_to_bytes (project, roadmap, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_PAGE);
}

static void
test_size_out_of_range (void)
{
  g_autoptr(KoersProject) project = load_sample ();
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  KoersExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  options_init (&options, KOERS_EXPORT_PNG);
  options.width = 100;
  bytes = koers_export_roadmap_to_bytes (project, roadmap, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_SIZE);
  g_clear_error (&error);

  options_init (&options, KOERS_EXPORT_PNG);
  options.scale = 0;
  bytes = koers_export_roadmap_to_bytes (project, roadmap, &options, &error);
  g_assert_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_SIZE);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  return n;
}

/* Never half a file: a missing folder writes nothing, a refused export
 * leaves the file that was there as it was, and no temporary is left. */
static void
test_atomic (void)
{
  g_autoptr(KoersProject) project = load_sample ();
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("koers-test-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "roadmap.png", NULL);
  g_autofree char *existing = g_build_filename (dir, "roadmap.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  KoersExportOptions options;
  gsize len;

  g_assert_no_error (error);
  options_init (&options, KOERS_EXPORT_PNG);
  options.scale = 1;

  file = g_file_new_for_path (missing);
  g_assert_false (koers_export_roadmap (project, roadmap, &options, file, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_clear_object (&file);

  g_file_set_contents (existing, "old bytes", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (existing);
  options.page = 5;
  g_assert_false (koers_export_roadmap (project, roadmap, &options, file, &error));
  g_assert_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_PAGE);
  g_clear_error (&error);
  g_file_get_contents (existing, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "old bytes");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* And a good export replaces it whole. */
  options.page = 1;
  g_assert_true (koers_export_roadmap (project, roadmap, &options, file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (existing, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, 4, "\x89PNG", 4);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_unlink (existing);
  g_rmdir (dir);
}

/* The same input and options give the same bytes, in every format. */
static void
test_deterministic (void)
{
  g_autoptr(KoersProject) sample = load_sample ();
  g_autoptr(KoersProject) large = load_large ();
  static const KoersExportFormat formats[] = { KOERS_EXPORT_PNG, KOERS_EXPORT_SVG, KOERS_EXPORT_PDF };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    for (guint dark = 0; dark < 2; dark++)
      {
        KoersExportOptions options;
        g_autoptr(GBytes) a = NULL;
        g_autoptr(GBytes) b = NULL;
        g_autoptr(GBytes) c = NULL;

        options_init (&options, formats[f]);
        options.scale = 1;
        options.render.dark = dark;
        a = export_roadmap (f == 2 ? large : sample, &options);
        b = export_roadmap (f == 2 ? large : sample, &options);
        g_assert_true (g_bytes_equal (a, b));

        /* The date is printed: another date, other bytes. */
        options.date = "1 January 2027";
        c = export_roadmap (f == 2 ? large : sample, &options);
        g_assert_false (g_bytes_equal (a, c));
      }

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        KoersExportOptions options;
        g_autoptr(GBytes) a = NULL;
        g_autoptr(GBytes) b = NULL;
        g_autoptr(GError) error = NULL;

        options_init (&options, formats[f]);
        options.scale = 1;
        options.render.dark = m % 2;
        a = koers_export_diagram_to_bytes (sample, models[m], &options, &error);
        g_assert_no_error (error);
        b = koers_export_diagram_to_bytes (sample, models[m], &options, &error);
        g_assert_no_error (error);
        g_assert_true (g_bytes_equal (a, b));
      }
}

/* --- diagrams ----------------------------------------------------------- */

static void
test_diagram (void)
{
  g_autoptr(KoersProject) project = load_sample ();

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    {
      KoersExportOptions options;
      g_autoptr(GBytes) png = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GError) error = NULL;

      options_init (&options, KOERS_EXPORT_PNG);
      options.width = 800;
      options.height = 600;
      options.scale = 1;
      png = koers_export_diagram_to_bytes (project, models[m], &options, &error);
      g_assert_no_error (error);
      assert_png_size (png, 800, 600);

      options.format = KOERS_EXPORT_PDF;
      pdf = koers_export_diagram_to_bytes (project, models[m], &options, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (count_pdf_pages (pdf), ==, 1);
    }
}

/* An organisation's name of 80 characters comes out whole on every
 * diagram export: wrapped, never ending in "…". pdftotext reads the
 * PDF's text; an SVG from cairo holds the same drawing as glyph outlines,
 * with no text to read. */
static void
test_diagram_long_name (void)
{
  static const char *name = "Gemeenschappelijke Regeling Veiligheidsregio Gelderland Midden en Omstreken 2027";
  g_autofree char *json = g_strdup_printf ("{ \"format\": \"koers-project\", \"version\": 1, "
                                           "\"organisation\": { \"name\": \"%s\" }, "
                                           "\"placements\": { \"pyramid\": { \"current\": \"listen\", "
                                           "\"target\": \"create\" } } }", name);
  g_autoptr(GBytes) json_bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = koers_project_load_from_bytes (koers_catalog_get_builtin (), json_bytes, &error);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  g_assert_no_error (error);
  g_assert_cmpuint (g_utf8_strlen (name, -1), ==, 80);
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    {
      KoersExportOptions options;
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *dir = NULL;
      g_autofree char *path = NULL;
      g_autofree char *out = NULL;
      g_auto(GStrv) words = NULL;
      g_autofree char *joined = NULL;
      int status;

      options_init (&options, KOERS_EXPORT_PDF);
      pdf = koers_export_diagram_to_bytes (project, models[m], &options, &error);
      g_assert_no_error (error);
      dir = g_dir_make_tmp ("koers-test-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "diagram.pdf", NULL);
      g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
      g_assert_no_error (error);
      {
        const char *argv[] = { pdftotext, path, "-", NULL };
        g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                      &out, NULL, &status, &error);
        g_assert_no_error (error);
      }
      g_assert_null (strstr (out, "…"));
      /* Wider than the page, the name takes more than one line. (Cairo
       * gives an ellipsis the text it stands for, so pdftotext would
       * find a shortened name whole on one line.) */
      g_assert_null (strstr (out, name));
      /* The name's lines, joined again. */
      words = g_strsplit_set (out, " \n", -1);
      joined = g_strjoinv (" ", words);
      while (strstr (joined, "  ") != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (joined, "  ", -1);
          g_free (joined);
          joined = g_strjoinv (" ", parts);
        }
      if (strstr (joined, name) == NULL)
        g_error ("%s: the name is not whole in “%s”", models[m], out);

      g_unlink (path);
      g_rmdir (dir);
    }
}

static void
test_diagram_errors (void)
{
  g_autoptr(KoersProject) project = load_sample ();
  KoersExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  options_init (&options, KOERS_EXPORT_PNG);
  bytes = koers_export_diagram_to_bytes (project, "no-such-model", &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_MODEL);
  g_clear_error (&error);

  options.page = 2;
  bytes = koers_export_diagram_to_bytes (project, "pyramid", &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_PAGE);
}

/* --- golden images ------------------------------------------------------ */

/* How far two renderings are apart. Anti-aliasing that differs by a
 * library version scatters small differences over the whole image; a
 * changed word, a moved card or a wrong colour puts many large ones in
 * one place. So the image is cut into 16 × 16 tiles, and what counts is
 * the tile with the most pixels off by more than 48 in a channel, besides
 * the mean difference over the whole image. */
#define TILE 16
#define FAR 48
#define MAX_FAR_PER_TILE 12
#define MAX_MEAN 1.0

typedef struct
{
  double mean;
  guint worst_tile;
  int worst_x, worst_y;
} Difference;

static Difference
compare_images (GBytes *bytes,
                GBytes *other)
{
  cairo_surface_t *a = decode_png (bytes);
  cairo_surface_t *b = decode_png (other);
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int tiles_x = (width + TILE - 1) / TILE;
  int tiles_y = (height + TILE - 1) / TILE;
  g_autofree guint *far = g_new0 (guint, (gsize) tiles_x * tiles_y);
  Difference result = { 0, 0, 0, 0 };
  guint64 sum = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = pixel_at (a, x, y), q = pixel_at (b, x, y);
        int most = 0;

        for (int shift = 0; shift < 32; shift += 8)
          {
            int d = ABS ((int) (p >> shift & 0xff) - (int) (q >> shift & 0xff));
            sum += d;
            most = MAX (most, d);
          }
        if (most > FAR)
          {
            guint *tile = &far[(y / TILE) * tiles_x + x / TILE];

            if (++*tile > result.worst_tile)
              {
                result.worst_tile = *tile;
                result.worst_x = x / TILE * TILE;
                result.worst_y = y / TILE * TILE;
              }
          }
      }
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  result.mean = sum / (4.0 * width * height);
  return result;
}

static gboolean
close_enough (const Difference *d)
{
  return d->mean < MAX_MEAN && d->worst_tile <= MAX_FAR_PER_TILE;
}

/* Compares with the golden image, or writes it with KOERS_UPDATE_GOLDEN.
 * A missing golden image is a failure: a test that compares with nothing
 * passes whatever the renderer does. */
static void
check_golden (GBytes     *bytes,
              const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "golden", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) golden = NULL;
  Difference d;
  gsize len;

  if (g_getenv ("KOERS_UPDATE_GOLDEN"))
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_mkdir_with_parents (dir, 0755);
      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
      g_test_message ("wrote %s", path);
      return;
    }

  if (!g_file_get_contents (path, &contents, &len, &error))
    g_error ("no golden image %s (%s): run build-aux/update-golden and look at it", name, error->message);
  golden = g_bytes_new_take (g_steal_pointer (&contents), len);

  d = compare_images (bytes, golden);
  g_test_message ("%s: mean difference %.3f, at most %u pixels far off in a tile", name, d.mean, d.worst_tile);
  if (!close_enough (&d))
    {
      g_autofree char *actual = g_strdup_printf ("%s/%s", g_get_tmp_dir (), name);
      g_file_set_contents (actual, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
      g_error ("%s differs from the golden image: mean difference %.2f, %u pixels far off "
               "in the %d×%d tile at %d,%d; this export is in %s. If the change is on "
               "purpose, run build-aux/update-golden.", name, d.mean, d.worst_tile,
               TILE, TILE, d.worst_x, d.worst_y, actual);
    }
}

/* The comparison must see what a reader would: one letter changed in the
 * organisation's name on the slide, one marker on another stage. And the
 * same export twice is the same. */
static void
test_golden_sensitivity (void)
{
  g_autoptr(KoersProject) project = load_sample ();
  g_autoptr(KoersProject) renamed = load_sample ();
  g_autoptr(KoersProject) moved = load_sample ();
  g_autoptr(GBytes) one = NULL;
  g_autoptr(GBytes) two = NULL;
  g_autoptr(GBytes) other_name = NULL;
  g_autoptr(GBytes) diagram = NULL;
  g_autoptr(GBytes) other_marker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  KoersExportOptions options;
  Difference d;

  options_init (&options, KOERS_EXPORT_PNG);
  options.width = 1280;
  options.height = 720;
  options.scale = 1;

  one = export_roadmap (project, &options);
  two = export_roadmap (project, &options);
  d = compare_images (one, two);
  g_assert_true (close_enough (&d));
  g_assert_cmpfloat (d.mean, ==, 0);

  /* "Rivierenland" → "Rivierenlend": one letter of the title. */
  name = g_strdup (koers_project_get_organisation_name (renamed));
  g_assert_nonnull (strstr (name, "land"));
  strstr (name, "land")[1] = 'e';
  koers_project_set_field (renamed, KOERS_FIELD_ORGANISATION_NAME, NULL, name, &error);
  g_assert_no_error (error);
  other_name = export_roadmap (renamed, &options);
  d = compare_images (one, other_name);
  g_test_message ("one letter: mean %.3f, worst tile %u", d.mean, d.worst_tile);
  g_assert_false (close_enough (&d));

  diagram = koers_export_diagram_to_bytes (project, "pyramid", &options, &error);
  g_assert_no_error (error);
  koers_project_place (moved, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error);
  g_assert_no_error (error);
  other_marker = koers_export_diagram_to_bytes (moved, "pyramid", &options, &error);
  g_assert_no_error (error);
  d = compare_images (diagram, other_marker);
  g_assert_false (close_enough (&d));
}

static void
test_golden_roadmap (void)
{
  g_autoptr(KoersProject) project = load_sample ();

  for (guint dark = 0; dark < 2; dark++)
    {
      KoersExportOptions options;
      g_autoptr(GBytes) bytes = NULL;

      options_init (&options, KOERS_EXPORT_PNG);
      options.width = 1280;
      options.height = 720;
      options.scale = 1;
      options.render.dark = dark;
      bytes = export_roadmap (project, &options);
      check_golden (bytes, dark ? "roadmap-dark.png" : "roadmap-light.png");
    }
}

/* The progress slide since a round, with a few items done since, light
 * and dark. */
static void
test_golden_progress (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("rounds-kept.koers");
  const char * const done[] = { "phase-0/inform-colleagues", "phase-0/list-accounts", "pyramid/read-conversations" };

  for (guint i = 0; i < G_N_ELEMENTS (done); i++)
    g_assert_true (koers_project_set_field (project, KOERS_FIELD_ITEM_STATUS, done[i], "done", NULL));

  for (guint dark = 0; dark < 2; dark++)
    {
      KoersExportOptions options;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      options_init (&options, KOERS_EXPORT_PNG);
      options.width = 1280;
      options.height = 720;
      options.scale = 1;
      options.render.dark = dark;
      bytes = koers_export_progress_to_bytes (project, &options, &error);
      g_assert_no_error (error);
      check_golden (bytes, dark ? "progress-dark.png" : "progress-light.png");
    }
}

static void
test_golden_diagrams (void)
{
  g_autoptr(KoersProject) project = load_sample ();

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    for (guint dark = 0; dark < 2; dark++)
      {
        KoersExportOptions options;
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *name = NULL;

        name = g_strdup_printf ("diagram-%s-%s.png", models[m], dark ? "dark" : "light");
        options_init (&options, KOERS_EXPORT_PNG);
        options.width = 1280;
        options.height = 720;
        options.scale = 1;
        options.render.dark = dark;
        bytes = koers_export_diagram_to_bytes (project, models[m], &options, &error);
        g_assert_no_error (error);
        check_golden (bytes, name);
      }
}

/* The project with a closed round (Now was on Monitor, is on Listen now)
 * and two competitors, one beside Now and one with a name too long to
 * show whole. */
static KoersProject *
load_marks_project (void)
{
  KoersProject *project = koers_test_load_data ("rounds-kept.koers");
  const char *names[] = { "Stadsbank Noord", "Regionale Omroep Rivierenland en Omstreken" };
  const char *stages[] = { "listen", "monitor" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *id = koers_project_add_other (project, names[i], &error);
      g_autofree char *key = NULL;

      g_assert_no_error (error);
      key = koers_project_other_key (id, "pyramid");
      g_assert_true (koers_project_set_field (project, KOERS_FIELD_OTHER_NOW, key, stages[i], NULL));
    }
  return project;
}

/* The Pyramid with the last round's Now, its trail and two competitors. */
static void
test_golden_marks (void)
{
  g_autoptr(KoersProject) project = load_marks_project ();

  for (guint dark = 0; dark < 2; dark++)
    {
      KoersExportOptions options;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      options_init (&options, KOERS_EXPORT_PNG);
      options.width = 1280;
      options.height = 720;
      options.scale = 1;
      options.render.dark = dark;
      bytes = koers_export_diagram_to_bytes (project, "pyramid", &options, &error);
      g_assert_no_error (error);
      check_golden (bytes, dark ? "diagram-marks-dark.png" : "diagram-marks-light.png");
    }
}

/* hide_others leaves the competitors off: the picture differs from the
 * one with them, and equals the one of a project without them. */
static void
test_hide_others (void)
{
  g_autoptr(KoersProject) project = load_marks_project ();
  g_autoptr(KoersProject) plain = koers_test_load_data ("rounds-kept.koers");
  g_autoptr(GBytes) shown = NULL;
  g_autoptr(GBytes) hidden = NULL;
  g_autoptr(GBytes) without = NULL;
  KoersExportOptions options;

  options_init (&options, KOERS_EXPORT_SVG);
  shown = koers_export_diagram_to_bytes (project, "pyramid", &options, NULL);
  options.hide_others = TRUE;
  hidden = koers_export_diagram_to_bytes (project, "pyramid", &options, NULL);
  without = koers_export_diagram_to_bytes (plain, "pyramid", &options, NULL);
  g_assert_nonnull (shown);
  g_assert_nonnull (hidden);
  g_assert_false (g_bytes_equal (shown, hidden));
  g_assert_true (g_bytes_equal (hidden, without));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("KOERS_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/export/options", test_options);
  g_test_add_func ("/render/export/format-from-filename", test_format_from_filename);
  g_test_add_func ("/render/export/parse-size", test_parse_size);
  g_test_add_func ("/render/export/png/scales", test_png_scales);
  g_test_add_func ("/render/export/png/background", test_png_background);
  g_test_add_func ("/render/export/png/alpha", test_png_alpha);
  g_test_add_func ("/render/export/svg", test_svg);
  g_test_add_func ("/render/export/pdf", test_pdf);
  g_test_add_func ("/render/export/pdf/text", test_pdf_text);
  g_test_add_func ("/render/export/page-out-of-range", test_page_out_of_range);
  g_test_add_func ("/render/export/size-out-of-range", test_size_out_of_range);
  g_test_add_func ("/render/export/atomic", test_atomic);
  g_test_add_func ("/render/export/deterministic", test_deterministic);
  g_test_add_func ("/render/export/diagram", test_diagram);
  g_test_add_func ("/render/export/diagram/errors", test_diagram_errors);
  g_test_add_func ("/render/export/diagram/long-name", test_diagram_long_name);
  g_test_add_func ("/render/export/golden/roadmap", test_golden_roadmap);
  g_test_add_func ("/render/export/golden/diagrams", test_golden_diagrams);
  g_test_add_func ("/render/export/golden/progress", test_golden_progress);
  g_test_add_func ("/render/export/golden/marks", test_golden_marks);
  g_test_add_func ("/render/export/hide-others", test_hide_others);
  g_test_add_func ("/render/export/golden/sensitivity", test_golden_sensitivity);

  return g_test_run ();
}
