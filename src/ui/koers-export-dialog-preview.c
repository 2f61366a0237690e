/* koers-export-dialog-preview.c: the page as it will be exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview draws with the same renderer as the export, scaled to the
 * dialog, on a backdrop that shows the page's edge and, for a see-through
 * page, a checkerboard.
 */
#define G_LOG_DOMAIN "koers-export-dialog"

#include "config.h"

#include "koers-export-dialog-private.h"

/* The one place the preview calls the renderer: keep it in step with
 * what koers_export_roadmap() and koers_export_diagram() draw. */
static void
draw_page (KoersExportDialog        *self,
           cairo_t                  *cr,
           const KoersExportOptions *options,
           guint                     page)
{
  if (self->model_id != NULL)
    {
      KoersModel *model;
      KoersDiagramStyle style;

      if (self->renderer == NULL)
        return;

      model = koers_diagram_renderer_get_model (self->renderer);
      koers_diagram_style_init (&style);
      style.render = options->render;
      style.current = koers_project_get_current (self->project, self->model_id);
      style.target = koers_project_get_target (self->project, self->model_id);
      style.title = koers_project_get_organisation_name (self->project);
      style.subtitle = koers_model_get_name (model);
      koers_diagram_renderer_draw (self->renderer, cr, options->width, options->height, &style);
    }
  else if (self->slide != NULL)
    koers_slide_draw_page (self->slide, cr, SLIDE_PAGE_INDEX (page));
}

static void
draw_checkerboard (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height)
{
  const double cell = 8;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0.96, 0.96, 0.96);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
  for (double cy = y; cy < y + height; cy += cell)
    for (double cx = x + (((int) ((cy - y) / cell)) % 2) * cell; cx < x + width; cx += 2 * cell)
      cairo_rectangle (cr, cx, cy, cell, cell);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
preview_draw_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  KoersExportDialog *self = user_data;
  KoersExportOptions options;
  const double margin = 18;
  double scale, page_width, page_height, x, y;

  if (self->project == NULL)
    return;

  koers_export_dialog_get_options (self, &options);
  scale = MIN ((width - 2 * margin) / options.width, (height - 2 * margin) / options.height);
  if (scale <= 0)
    return;

  page_width = round (options.width * scale);
  page_height = round (options.height * scale);
  x = round ((width - page_width) / 2);
  y = round ((height - page_height) / 2);

  /* A backdrop a shade darker than the view, light or dark, so that a
   * white page and a dark page both stand out. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.07);
  cairo_paint (cr);

  /* A soft shadow lifts the page off the backdrop. */
  for (int i = 1; i <= 4; i++)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 0.04);
      cairo_rectangle (cr, x - i + 1, y - i + 2, page_width + 2 * i - 2, page_height + 2 * i - 2);
      cairo_fill (cr);
    }

  if (options.render.background == KOERS_BACKGROUND_TRANSPARENT)
    draw_checkerboard (cr, x, y, page_width, page_height);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, page_width, page_height);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, page_width / options.width, page_height / options.height);
  draw_page (self, cr, &options, _koers_export_dialog_get_preview_page (self));
  cairo_restore (cr);

  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, x - 0.5, y - 0.5, page_width + 1, page_height + 1);
  cairo_stroke (cr);
}

void
_koers_export_dialog_init_preview (KoersExportDialog *self)
{
  gtk_drawing_area_set_draw_func (self->preview, preview_draw_cb, self, NULL);
}
