/* koers-progress.c: the progress slide: where each model's Now stood when
 * the last round closed and where it stands now, and the roadmap items
 * done since, for the report to management
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "koers-export-private.h"
#include "koers-io.h"
#include "koers-progress.h"
#include "koers-progress-summary.h"
#include "koers-slide.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans"
/* The most done items listed by name; more are counted */
#define MAX_DONE_LISTED 8

typedef struct {
  KoersProject             *project;
  KoersProgressSummary     *summary;
  const KoersExportOptions *options;
  const char               *date;
} ProgressJob;

/* Writes @text at (@x, @y) in @width, @size logical px; returns its height. */
static double
draw_text (cairo_t          *cr,
           const char       *text,
           double            x,
           double            y,
           double            width,
           double            size,
           gboolean          bold,
           const KoersColor *color)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);
  int w, h;

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  koers_set_source_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, &w, &h);
  pango_font_description_free (desc);
  g_object_unref (layout);
  return (double) h / PANGO_SCALE;
}

static const char *
stage_name (KoersModel *model,
            const char *stage_id)
{
  const KoersStage *stage = koers_model_find_stage (model, stage_id);

  return stage ? stage->name : C_("progress", "not placed");
}

/* The two columns under the title: each model then → now, and the items
 * done since. @k scales their text. Returns where they end. */
static double
draw_columns (cairo_t            *cr,
              ProgressJob        *job,
              const KoersPalette *palette,
              double              top,
              double              unit,
              double              k)
{
  double w = job->options->width;
  double margin = 80 * unit, x = margin, col = (w - 3 * margin) / 2;
  const KoersProgressSummary *summary = job->summary;
  double left_y, right_y;
  guint n_done;

  /* Left: each model, then → now */
  left_y = top;
  left_y += draw_text (cr, C_("progress", "Now, then → now"), x, left_y, col, 30 * unit * k, TRUE,
                       &palette->ink) + 16 * unit * k;
  for (guint m = 0; m < summary->models->len; m++)
    {
      const KoersProgressModel *row = &g_array_index (summary->models, KoersProgressModel, m);
      g_autofree char *line = NULL;
      KoersColor accent;
      double start = left_y;

      left_y += draw_text (cr, koers_model_get_name (row->model), x + 24 * unit, left_y, col - 24 * unit,
                           26 * unit * k, FALSE, &palette->ink_muted);
      if (g_strcmp0 (row->then, row->now) == 0)
        /* TRANSLATORS: a model whose Now did not move: "Listen (unchanged)" */
        line = g_strdup_printf (C_("progress", "%s (unchanged)"), stage_name (row->model, row->now));
      else
        line = g_strdup_printf (C_("progress", "%s → %s"), stage_name (row->model, row->then),
                                stage_name (row->model, row->now));
      left_y += draw_text (cr, line, x + 24 * unit, left_y, col - 24 * unit, 36 * unit * k, TRUE, &palette->ink);
      /* The model's colour beside both lines */
      if (!koers_color_parse (koers_model_get_color (row->model), &accent))
        accent = palette->now;
      koers_set_source_color (cr, &accent);
      cairo_rectangle (cr, x, start + 4 * unit, 8 * unit, left_y - start - 4 * unit);
      cairo_fill (cr);
      left_y += 28 * unit * k;
    }

  /* Right: the items done since the round */
  right_y = top;
  x = 2 * margin + col;
  right_y += draw_text (cr, C_("progress", "Done since the last round"), x, right_y, col, 30 * unit * k, TRUE,
                        &palette->ink) + 16 * unit * k;
  n_done = summary->done->len;
  for (guint i = 0; i < MIN (n_done, MAX_DONE_LISTED); i++)
    {
      g_autofree char *line = g_strdup_printf ("✓ %s", (const char *) g_ptr_array_index (summary->done, i));

      right_y += draw_text (cr, line, x, right_y, col, 26 * unit * k, FALSE, &palette->ink) + 10 * unit * k;
    }
  if (n_done == 0)
    right_y += draw_text (cr, C_("progress", "No roadmap items done since then."), x, right_y, col, 26 * unit * k,
                          FALSE, &palette->ink_muted);
  else if (n_done > MAX_DONE_LISTED)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                            n_done - MAX_DONE_LISTED),
                                               n_done - MAX_DONE_LISTED);

      right_y += draw_text (cr, more, x, right_y, col, 26 * unit * k, FALSE, &palette->ink_muted);
    }
  return MAX (left_y, right_y);
}

/* The largest text scale, up to 1.6, at which the columns still fit
 * between @top and the bottom margin: a slide with four models and few
 * items should not leave its lower half empty. Tried on a recording
 * surface, which draws nothing. */
static double
columns_scale (ProgressJob        *job,
               const KoersPalette *palette,
               double              top,
               double              unit)
{
  double bottom = job->options->height - 80 * unit;

  for (double k = 1.6; k > 1.0; k -= 0.1)
    {
      cairo_surface_t *probe = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (probe);
      double end = draw_columns (cr, job, palette, top, unit, k);

      cairo_destroy (cr);
      cairo_surface_destroy (probe);
      if (end <= bottom)
        return k;
    }
  return 1.0;
}

static void
draw_progress_page (gpointer  data,
                    cairo_t  *cr,
                    guint     page)
{
  ProgressJob *job = data;
  const KoersPalette *palette = koers_palette_for (&job->options->render);
  double w = job->options->width, h = job->options->height;
  double unit = MIN (w / 1920.0, h / 1080.0);
  double margin = 80 * unit, x = margin, y = margin;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *closed = NULL;

  koers_paint_background (cr, &job->options->render, w, h);

  /* TRANSLATORS: the progress slide's title; %s is the organisation */
  title = g_strdup_printf (_("%s: progress"), koers_project_get_organisation_name (job->project));
  y += draw_text (cr, title, x, y, w - 2 * margin, 56 * unit, TRUE, &palette->ink);
  closed = koers_format_iso_day (job->summary->closed);
  /* TRANSLATORS: under the progress slide's title: "Since the round of 1 September 2026 · 6 December 2026" */
  subtitle = g_strdup_printf (_("Since the round of %s · %s"), closed, job->date);
  y += draw_text (cr, subtitle, x, y + 8 * unit, w - 2 * margin, 28 * unit, FALSE, &palette->ink_muted);
  y += 48 * unit;

  draw_columns (cr, job, palette, y, unit, columns_scale (job, palette, y, unit));
}

/**
 * koers_export_progress_to_bytes:
 * @project: a project with at least one closed round
 * @options: format, size, theme and date
 * @error: a #KOERS_EXPORT_ERROR
 *
 * Draws the progress slide: each model's Now when the last round closed
 * and now, and the roadmap items done since.
 *
 * Returns: (transfer full) (nullable): the file's contents
 */
GBytes *
koers_export_progress_to_bytes (KoersProject              *project,
                                const KoersExportOptions  *options,
                                GError                   **error)
{
  g_autoptr(KoersRoadmap) roadmap = NULL;
  g_autoptr(KoersProgressSummary) summary = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  KoersExportOptions opts;
  ProgressJob job;

  g_return_val_if_fail (KOERS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (koers_project_get_n_rounds (project) == 0)
    {
      g_set_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_FAILED,
                   _("there is no closed round to compare with; close a round first"));
      return NULL;
    }
  if (!_koers_export_check_options (options, error))
    return NULL;
  if (options->format != KOERS_EXPORT_PDF && options->page != 1)
    {
      g_set_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_PAGE,
                   _("there is no page %u; the progress slide has one page"), options->page);
      return NULL;
    }

  roadmap = koers_roadmap_build (project, NULL);
  date = options->date ? g_strdup (options->date) : koers_slide_format_date (NULL);
  job.project = project;
  summary = koers_progress_summary_new (project, roadmap);
  job.summary = summary;
  job.options = options;
  job.date = date;
  /* TRANSLATORS: the PDF's title; %s is the organisation */
  title = g_strdup_printf (_("%s: progress"), koers_project_get_organisation_name (project));
  opts = *options;
  opts.page = 1;
  return _koers_export_render (&opts, 1, title, project, draw_progress_page, &job, error);
}

/**
 * koers_export_progress:
 *
 * Writes the progress slide to @file, whole or not at all.
 *
 * Returns: whether the file was written
 */
gboolean
koers_export_progress (KoersProject              *project,
                       const KoersExportOptions  *options,
                       GFile                     *file,
                       GError                   **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = koers_export_progress_to_bytes (project, options, error);
  if (bytes == NULL)
    return FALSE;
  return koers_file_write_atomic (file, bytes, NULL, error);
}
