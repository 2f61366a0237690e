/* koers-export.c: PNG, SVG and PDF files of the roadmap and the diagrams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is drawn to memory first and written with
 * koers_file_write_atomic(), so that a failed export never leaves half a
 * file, nor touches a file that was there. The same input and options
 * give the same bytes: nothing here reads the clock except when no date
 * is given, and the PDF's creation date is derived from the slide's date.
 */
#define G_LOG_DOMAIN "koers-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#if HAVE_LIBPNG
#include <png.h>
#include <setjmp.h>
#endif

#include "koers-diagram-renderer.h"
#include "koers-export.h"
#include "koers-export-layout.h"
#include "koers-export-private.h"
#include "koers-io.h"
#include "koers-slide.h"

#define MIN_WIDTH   320
#define MIN_HEIGHT  240
#define MAX_WIDTH   7680
#define MAX_HEIGHT  4320
#define MAX_SCALE   8.0
/* cairo's image surfaces stop at 32767 pixels a side. */
#define MAX_PIXELS_SIDE 32767

G_DEFINE_QUARK (koers-export-error-quark, koers_export_error)

/**
 * koers_export_options_init:
 * @options: the options to fill in
 *
 * The defaults of the command line: PNG, 1920×1080 at scale 2, light,
 * the theme's background, page 1, today's date.
 */
void
koers_export_options_init (KoersExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = KOERS_EXPORT_PNG;
  options->width = 1920;
  options->height = 1080;
  options->scale = 2;
  options->render.dark = FALSE;
  options->render.background = KOERS_BACKGROUND_THEME;
  options->page = 1;
  options->date = NULL;
}

/**
 * koers_export_format_from_filename:
 * @filename: a file name or path
 * @format: (out): the format its extension names
 *
 * Returns: whether @filename ends in .png, .svg or .pdf, in any case
 */
gboolean
koers_export_format_from_filename (const char        *filename,
                                   KoersExportFormat *format)
{
  static const struct {
    const char        *extension;
    KoersExportFormat  format;
  } formats[] = {
    { ".png", KOERS_EXPORT_PNG },
    { ".svg", KOERS_EXPORT_SVG },
    { ".pdf", KOERS_EXPORT_PDF },
  };
  const char *dot = koers_filename_get_extension (filename);

  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (dot, formats[i].extension) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_dimension (const char *text,
                 guint       min,
                 guint       max,
                 double     *value)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &number, NULL))
    return FALSE;
  *value = number;
  return TRUE;
}

/**
 * koers_parse_size:
 * @text: "WIDTHxHEIGHT", e.g. "1920x1080"
 * @width: (out): the width
 * @height: (out): the height
 *
 * Accepts whole numbers from 320x240 up to 7680x4320.
 *
 * Returns: whether @text is such a size; @width and @height are left
 *   alone otherwise
 */
gboolean
koers_parse_size (const char *text,
                  double     *width,
                  double     *height)
{
  g_auto(GStrv) parts = NULL;
  double w, h;

  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  parts = g_strsplit_set (text, "xX", -1);
  if (g_strv_length (parts) != 2 ||
      !parse_dimension (parts[0], MIN_WIDTH, MAX_WIDTH, &w) ||
      !parse_dimension (parts[1], MIN_HEIGHT, MAX_HEIGHT, &h))
    return FALSE;
  *width = w;
  *height = h;
  return TRUE;
}

static gboolean
check_options (const KoersExportOptions  *options,
               GError                   **error)
{
  if (options->width < MIN_WIDTH || options->width > MAX_WIDTH ||
      options->height < MIN_HEIGHT || options->height > MAX_HEIGHT)
    {
      g_set_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_SIZE,
                   _("the size %gx%g is out of range (from %dx%d to %dx%d)"),
                   options->width, options->height, MIN_WIDTH, MIN_HEIGHT, MAX_WIDTH, MAX_HEIGHT);
      return FALSE;
    }
  if (options->format == KOERS_EXPORT_PNG &&
      (!(options->scale > 0) || options->scale > MAX_SCALE ||
       round (options->width * options->scale) > MAX_PIXELS_SIDE ||
       round (options->height * options->scale) > MAX_PIXELS_SIDE))
    {
      g_set_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_SIZE,
                   _("the scale %g is out of range for %gx%g"),
                   options->scale, options->width, options->height);
      return FALSE;
    }
  return TRUE;
}

/* --- PNG ------------------------------------------------------------------ */

#if HAVE_LIBPNG

static void
png_append (png_structp png,
            png_bytep   data,
            png_size_t  length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

static void
png_flush_nothing (png_structp png)
{
}

/* Un-premultiplies one row of cairo's native-endian ARGB32 into RGBA or,
 * when every pixel is opaque, RGB. */
static void
convert_row (const guint32 *src,
             guint8        *dst,
             int            width,
             gboolean       opaque)
{
  if (opaque)
    {
      for (int x = 0; x < width; x++)
        {
          guint32 p = src[x];
          dst[0] = p >> 16;
          dst[1] = p >> 8;
          dst[2] = p;
          dst += 3;
        }
      return;
    }

  for (int x = 0; x < width; x++)
    {
      guint32 p = src[x];
      guint a = p >> 24;

      if (a == 0xff)
        {
          dst[0] = p >> 16;
          dst[1] = p >> 8;
          dst[2] = p;
        }
      else if (a == 0)
        dst[0] = dst[1] = dst[2] = 0;
      else
        {
          /* Rounded, as cairo's own writer does. */
          dst[0] = (((p >> 16) & 0xff) * 255 + a / 2) / a;
          dst[1] = (((p >> 8) & 0xff) * 255 + a / 2) / a;
          dst[2] = ((p & 0xff) * 255 + a / 2) / a;
        }
      dst[3] = a;
      dst += 4;
    }
}

/* libpng directly, for speed: cairo's writer compresses at zlib's default
 * level with every filter tried per row, which costs most of an export's
 * time at 4K. A slide is large flat areas and text: at level 1 without
 * filtering, zlib finds the long runs of one colour as they are. Measured
 * on the sample roadmap at 3840×2160 (bench/export.c): level 1 unfiltered
 * 52 ms and 503 KiB, with SUB 62 ms and 597 KiB (SUB turns the runs into
 * zeros, but the anti-aliased edges into more varied bytes), level 2
 * 89 ms; the whole export through cairo's writer took 280 ms. An opaque image is written as RGB: a
 * quarter less data to compress. */
static GBytes *
encode_png (cairo_surface_t  *surface,
            gboolean          opaque,
            GError          **error)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;
  GByteArray *out;
  guint8 *row;
  png_structp png;
  png_infop info;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  info = png ? png_create_info_struct (png) : NULL;
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      g_set_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_FAILED,
                   _("could not encode the image: out of memory"));
      return NULL;
    }

  /* A flat slide compresses to about a fiftieth: a start, not a limit. */
  out = g_byte_array_sized_new (MAX (4096, width * height / 16));
  row = g_malloc (width * 4);

  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      g_byte_array_unref (out);
      g_free (row);
      g_set_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_FAILED,
                   _("could not encode the image"));
      return NULL;
    }

  png_set_write_fn (png, out, png_append, png_flush_nothing);
  png_set_IHDR (png, info, width, height, 8,
                opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level (png, 1);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info (png, info);

  for (int y = 0; y < height; y++)
    {
      convert_row ((const guint32 *) (data + (gsize) y * stride), row, width, opaque);
      png_write_row (png, row);
    }
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  g_free (row);

  return g_byte_array_free_to_bytes (out);
}

#else /* !HAVE_LIBPNG */

static cairo_status_t
append_stream (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
encode_png (cairo_surface_t  *surface,
            gboolean          opaque,
            GError          **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_status_t status = cairo_surface_write_to_png_stream (surface, append_stream, out);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_FAILED,
                   _("could not encode the image: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

#endif /* HAVE_LIBPNG */

/**
 * _koers_export_encode_png:
 * @surface: an ARGB32 image surface
 * @opaque: whether to leave the alpha channel out
 * @error: a #KOERS_EXPORT_ERROR
 *
 * The quick PNG encoder of the image exports, for the deck's pictures.
 *
 * Returns: (transfer full): the PNG's bytes, or %NULL with @error set
 */
GBytes *
_koers_export_encode_png (cairo_surface_t  *surface,
                          gboolean          opaque,
                          GError          **error)
{
  return encode_png (surface, opaque, error);
}

/* --- drawing to a format -------------------------------------------------- */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
cairo_failed (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return FALSE;
  g_set_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_FAILED,
               _("could not draw the image: %s"), cairo_status_to_string (status));
  return TRUE;
}

/* The PDF's creation date, so that the same input gives the same bytes
 * (cairo would write the clock's time): today when the caller asked for
 * today's date; otherwise the caller's date if it is an ISO date, else
 * the day the project was last changed. */
static char *
pdf_create_date (KoersProject *project,
                 const char   *date)
{
  const char *modified = koers_project_get_modified (project);

  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      return g_date_time_format (now, "%Y-%m-%d");
    }
  if (strlen (date) == 10 && koers_is_valid_date (date))
    return g_strdup (date);
  if (modified != NULL && strlen (modified) >= 10)
    {
      g_autofree char *day = g_strndup (modified, 10);
      if (koers_is_valid_date (day))
        return g_steal_pointer (&day);
    }
  return NULL;
}

static gboolean
renumber_surface (const GMatchInfo *match,
                  GString          *result,
                  gpointer          data)
{
  GHashTable *numbers = data;
  g_autofree char *old = g_match_info_fetch (match, 1);
  gpointer number = g_hash_table_lookup (numbers, old);

  if (number == NULL)
    {
      number = GUINT_TO_POINTER (g_hash_table_size (numbers) + 1);
      g_hash_table_insert (numbers, g_steal_pointer (&old), number);
    }
  g_string_append_printf (result, "surface%u", GPOINTER_TO_UINT (number));
  return FALSE;
}

/* cairo names the groups of an SVG "surface<N>" after a counter shared by
 * every surface the process ever made, so a second export of the same
 * slide would differ. Numbered again in order of appearance, the same
 * slide gives the same bytes. Our text is drawn as glyph outlines, so the
 * pattern cannot occur in the organisation's own words. */
static GBytes *
svg_renumber (GByteArray *svg)
{
  g_autoptr(GRegex) regex = g_regex_new ("surface([0-9]+)", G_REGEX_OPTIMIZE | G_REGEX_RAW, 0, NULL);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *result = NULL;

  result = g_regex_replace_eval (regex, (const char *) svg->data, svg->len, 0, 0,
                                 renumber_surface, numbers, NULL);
  return g_bytes_new_take (g_steal_pointer (&result), strlen (result));
}

static GBytes *
render (const KoersExportOptions  *options,
        KoersExportLayout         *layout,
        const char                *created,
        GError                   **error)
{
  g_autoptr(GByteArray) out = NULL;
  guint n_pages = koers_export_layout_get_n_pages (layout);
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  switch (options->format)
    {
    case KOERS_EXPORT_PNG:
      {
        GBytes *bytes;

        /* The preview draws this same image, at scale 1. */
        surface = koers_export_layout_render_image (layout, options->page - 1, options->scale, error);
        if (surface == NULL)
          return NULL;
        bytes = encode_png (surface, options->render.background != KOERS_BACKGROUND_TRANSPARENT, error);
        cairo_surface_destroy (surface);
        return bytes;
      }

    case KOERS_EXPORT_SVG:
      out = g_byte_array_new ();
      surface = cairo_svg_surface_create_for_stream (append_bytes, out, options->width, options->height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      cr = cairo_create (surface);
      koers_export_layout_draw (layout, cr, options->page - 1);
      break;

    case KOERS_EXPORT_PDF:
    default:
      {
        out = g_byte_array_new ();
        surface = cairo_pdf_surface_create_for_stream (append_bytes, out, options->width, options->height);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                        koers_export_layout_get_title (layout));
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Koers");
        if (created != NULL)
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
        cr = cairo_create (surface);
        for (guint p = 0; p < n_pages; p++)
          {
            koers_export_layout_draw (layout, cr, p);
            cairo_show_page (cr);
          }
      }
      break;
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (cairo_failed (status, error))
    return NULL;

  if (options->format == KOERS_EXPORT_SVG)
    return svg_renumber (out);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* The same writer for the exports drawn in their own files (the progress
 * slide): one page per call of @draw, PDF metadata from @project. */
GBytes *
_koers_export_render (const KoersExportOptions  *options,
                      guint                      n_pages,
                      const char                *title,
                      KoersProject              *project,
                      KoersExportDrawPage        draw,
                      gpointer                   data,
                      GError                   **error)
{
  g_autofree char *created = pdf_create_date (project, options->date);
  g_autoptr(KoersExportLayout) layout = _koers_export_layout_new_pages (options, n_pages, title,
                                                                        draw, data);

  return render (options, layout, created, error);
}

gboolean
_koers_export_check_options (const KoersExportOptions  *options,
                             GError                   **error)
{
  return check_options (options, error);
}

static gboolean
check_roadmap_page (guint     page,
                    guint     n_pages,
                    GError  **error)
{
  if (page >= 1 && page <= n_pages)
    return TRUE;
  g_set_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_PAGE,
               g_dngettext (GETTEXT_PACKAGE,
                            "there is no page %u; this roadmap has %u page",
                            "there is no page %u; this roadmap has %u pages", n_pages),
               page, n_pages);
  return FALSE;
}

/* --- the roadmap ---------------------------------------------------------- */

/**
 * koers_export_roadmap_to_bytes:
 * @project: the project
 * @roadmap: the roadmap built from @project
 * @options: format, size, theme, page and date
 * @error: a #KOERS_EXPORT_ERROR
 *
 * The roadmap slide as PNG or SVG (the page @options asks for), or as a
 * PDF with every page.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
koers_export_roadmap_to_bytes (KoersProject              *project,
                               KoersRoadmap              *roadmap,
                               const KoersExportOptions  *options,
                               GError                   **error)
{
  g_autoptr(KoersExportLayout) layout = NULL;
  g_autofree char *created = NULL;
  KoersExportOptions opts;

  g_return_val_if_fail (KOERS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (KOERS_IS_ROADMAP (roadmap), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_options (options, error))
    return NULL;

  layout = koers_export_layout_new_roadmap (project, roadmap, options);
  if (options->format != KOERS_EXPORT_PDF &&
      !check_roadmap_page (options->page, koers_export_layout_get_n_pages (layout), error))
    return NULL;

  created = pdf_create_date (project, options->date);
  opts = *options;
  opts.date = koers_export_layout_get_date (layout);
  return render (&opts, layout, created, error);
}

/**
 * koers_export_roadmap:
 * @project: the project
 * @roadmap: the roadmap built from @project
 * @options: format, size, theme, page and date
 * @file: where to write
 * @error: a #KOERS_EXPORT_ERROR or a #G_IO_ERROR
 *
 * Writes the roadmap to @file, whole or not at all: on failure a file
 * that was there stays as it was.
 *
 * Returns: whether the file was written
 */
gboolean
koers_export_roadmap (KoersProject              *project,
                      KoersRoadmap              *roadmap,
                      const KoersExportOptions  *options,
                      GFile                     *file,
                      GError                   **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = koers_export_roadmap_to_bytes (project, roadmap, options, error);
  if (bytes == NULL)
    return FALSE;
  return koers_file_write_atomic (file, bytes, NULL, error);
}

/* --- a diagram ------------------------------------------------------------ */

/**
 * koers_export_diagram_to_bytes:
 * @project: the project: the organisation and its placements
 * @model_id: the model whose diagram to draw
 * @options: format, size, theme and date; the page must be 1
 * @error: a #KOERS_EXPORT_ERROR
 *
 * The model's diagram with the Now and Goal markers where @project places
 * them, under a title band with the organisation's name.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
koers_export_diagram_to_bytes (KoersProject              *project,
                               const char                *model_id,
                               const KoersExportOptions  *options,
                               GError                   **error)
{
  g_autoptr(KoersExportLayout) layout = NULL;
  g_autofree char *created = NULL;
  KoersExportOptions opts;

  g_return_val_if_fail (KOERS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (model_id == NULL || koers_catalog_lookup (koers_project_get_catalog (project), model_id) == NULL)
    {
      g_set_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_MODEL,
                   _("there is no model “%s”"), model_id ? model_id : "");
      return NULL;
    }
  if (!check_options (options, error))
    return NULL;
  if (options->format != KOERS_EXPORT_PDF && options->page != 1)
    {
      g_set_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_PAGE,
                   _("there is no page %u; a diagram has one page"), options->page);
      return NULL;
    }

  layout = koers_export_layout_new_diagram (project, model_id, options, error);
  if (layout == NULL)
    return NULL;

  created = pdf_create_date (project, options->date);
  opts = *options;
  opts.date = koers_export_layout_get_date (layout);
  opts.page = 1;
  return render (&opts, layout, created, error);
}

/**
 * koers_export_diagram:
 * @project: the project
 * @model_id: the model whose diagram to draw
 * @options: format, size, theme and date
 * @file: where to write
 * @error: a #KOERS_EXPORT_ERROR or a #G_IO_ERROR
 *
 * Writes the diagram to @file, whole or not at all.
 *
 * Returns: whether the file was written
 */
gboolean
koers_export_diagram (KoersProject              *project,
                      const char                *model_id,
                      const KoersExportOptions  *options,
                      GFile                     *file,
                      GError                   **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = koers_export_diagram_to_bytes (project, model_id, options, error);
  if (bytes == NULL)
    return FALSE;
  return koers_file_write_atomic (file, bytes, NULL, error);
}
