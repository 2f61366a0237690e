/* koers-export-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A layout owns copies of everything it draws (names, stage ids, the
 * date), so that it can be made in a worker thread from a project that
 * thread read itself, and drawn there without touching anything shared.
 */
#define G_LOG_DOMAIN "koers-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "koers-diagram-renderer.h"
#include "koers-export-layout.h"
#include "koers-export-private.h"
#include "koers-slide.h"

struct _KoersExportLayout
{
  GObject               parent_instance;

  double                width;
  double                height;
  char                 *date;
  char                 *title;     /* a PDF's title */

  /* The roadmap ... */
  KoersSlide           *slide;

  /* ... or one model's diagram. */
  KoersDiagramRenderer *renderer;
  KoersDiagramStyle     style;
  char                 *organisation;
  char                 *subtitle;
  char                 *current;
  char                 *target;
  GArray               *others;    /* what style.others points into */
  GPtrArray            *strings;   /* the copies of the project's words they hold */

  /* ... or pages another file draws (the progress slide). */
  KoersExportDrawPage   draw;
  gpointer              draw_data;
  guint                 n_pages;
};

G_DEFINE_FINAL_TYPE (KoersExportLayout, koers_export_layout, G_TYPE_OBJECT)

static void
koers_export_layout_finalize (GObject *object)
{
  KoersExportLayout *self = KOERS_EXPORT_LAYOUT (object);

  g_clear_object (&self->slide);
  g_clear_object (&self->renderer);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->current, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->others, g_array_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_export_layout_parent_class)->finalize (object);
}

static void
koers_export_layout_class_init (KoersExportLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koers_export_layout_finalize;
}

static void
koers_export_layout_init (KoersExportLayout *self)
{
  koers_diagram_style_init (&self->style);
}

static KoersExportLayout *
layout_new (const KoersExportOptions *options)
{
  KoersExportLayout *self = g_object_new (KOERS_TYPE_EXPORT_LAYOUT, NULL);

  self->width = options->width;
  self->height = options->height;
  self->date = options->date ? g_strdup (options->date) : koers_slide_format_date (NULL);
  return self;
}

static const char *
organisation_name (KoersProject *project)
{
  const char *name = koers_project_get_organisation_name (project);

  return name ? name : "";
}

/**
 * koers_export_layout_new_roadmap:
 * @project: the project
 * @roadmap: the roadmap built from @project
 * @options: size, theme and date; the format and page do not matter
 *
 * Lays the roadmap out as slides: the costly part of a roadmap export.
 *
 * Returns: (transfer full): the layout
 */
KoersExportLayout *
koers_export_layout_new_roadmap (KoersProject             *project,
                                 KoersRoadmap             *roadmap,
                                 const KoersExportOptions *options)
{
  KoersExportLayout *self;

  g_return_val_if_fail (KOERS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (KOERS_IS_ROADMAP (roadmap), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = layout_new (options);
  self->slide = koers_slide_new (project, roadmap, options->width, options->height,
                                 &options->render, self->date);
  /* TRANSLATORS: the title of an exported roadmap PDF, e.g. "Gemeente Voorbeeld: Social media roadmap" */
  self->title = g_strdup_printf (_("%s: %s"), organisation_name (project),
                                 _("Social media roadmap"));
  return self;
}

/**
 * koers_export_layout_new_diagram:
 * @project: the project: the organisation and its placements
 * @model_id: the model whose diagram to draw
 * @options: size, theme and date; the format and page do not matter
 * @error: a #KOERS_EXPORT_ERROR
 *
 * The model's diagram with the Now and Goal markers where @project places
 * them, under a title band with the organisation's name and a subtitle
 * with the model's name and the date.
 *
 * Returns: (transfer full): the layout, or %NULL with @error set
 */
static const char *
keep_string (KoersExportLayout *self,
             const char        *text)
{
  char *copy = g_strdup (text);

  if (copy != NULL)
    g_ptr_array_add (self->strings, copy);
  return copy;
}

KoersExportLayout *
koers_export_layout_new_diagram (KoersProject             *project,
                                 const char               *model_id,
                                 const KoersExportOptions *options,
                                 GError                  **error)
{
  g_autoptr(KoersExportLayout) self = NULL;
  g_autoptr(GError) local_error = NULL;
  KoersModel *model;

  g_return_val_if_fail (KOERS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  model = model_id ? koers_catalog_lookup (koers_project_get_catalog (project), model_id) : NULL;
  if (model == NULL)
    {
      g_set_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_MODEL,
                   _("there is no model “%s”"), model_id ? model_id : "");
      return NULL;
    }

  self = layout_new (options);
  self->renderer = koers_diagram_renderer_new (model, &local_error);
  if (self->renderer == NULL)
    {
      g_set_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_FAILED,
                   _("could not draw the diagram of %s: %s"), koers_model_get_name (model),
                   local_error->message);
      return NULL;
    }

  /* TRANSLATORS: under a diagram's title, e.g. "Social Media Pyramid · 23 November 2026" */
  self->subtitle = g_strdup_printf (_("%s · %s"), koers_model_get_name (model), self->date);
  self->title = g_strdup_printf (_("%s: %s"), organisation_name (project),
                                 koers_model_get_name (model));
  self->organisation = g_strdup (koers_project_get_organisation_name (project));
  self->current = g_strdup (koers_project_get_current (project, model_id));
  self->target = g_strdup (koers_project_get_target (project, model_id));

  self->style.render = options->render;
  self->style.current = self->current;
  self->style.target = self->target;
  self->style.title = self->organisation;
  self->style.subtitle = self->subtitle;
  /* Copies: the layout may be drawn after the project changed. */
  self->others = koers_diagram_style_add_project (&self->style, project, model_id, !options->hide_others);
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->style.previous = keep_string (self, self->style.previous);
  for (guint i = 0; i < self->others->len; i++)
    {
      KoersDiagramOther *other = &g_array_index (self->others, KoersDiagramOther, i);

      other->name = keep_string (self, other->name);
      other->stage = keep_string (self, other->stage);
    }
  return g_steal_pointer (&self);
}

/*
 * _koers_export_layout_new_pages:
 * @draw: draws a page; called while the layout is drawn, so @data must
 *   live as long as the layout is used
 *
 * A layout of pages drawn elsewhere, so that every export goes through
 * one writer.
 */
KoersExportLayout *
_koers_export_layout_new_pages (const KoersExportOptions *options,
                                guint                     n_pages,
                                const char               *title,
                                KoersExportDrawPage       draw,
                                gpointer                  data)
{
  KoersExportLayout *self;

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (draw != NULL, NULL);

  self = layout_new (options);
  self->draw = draw;
  self->draw_data = data;
  self->n_pages = MAX (n_pages, 1);
  self->title = g_strdup (title ? title : "");
  return self;
}

/**
 * koers_export_layout_get_n_pages:
 *
 * Returns: how many pages the layout has: a diagram one, a long roadmap
 *   more
 */
guint
koers_export_layout_get_n_pages (KoersExportLayout *self)
{
  g_return_val_if_fail (KOERS_IS_EXPORT_LAYOUT (self), 0);

  if (self->slide != NULL)
    return koers_slide_get_n_pages (self->slide);
  return self->draw != NULL ? self->n_pages : 1;
}

/**
 * koers_export_layout_get_title:
 *
 * Returns: the document's title, "Organisation: Social media roadmap"
 */
const char *
koers_export_layout_get_title (KoersExportLayout *self)
{
  g_return_val_if_fail (KOERS_IS_EXPORT_LAYOUT (self), NULL);

  return self->title;
}

/**
 * koers_export_layout_get_date:
 *
 * Returns: the date printed on the pages
 */
const char *
koers_export_layout_get_date (KoersExportLayout *self)
{
  g_return_val_if_fail (KOERS_IS_EXPORT_LAYOUT (self), NULL);

  return self->date;
}

/**
 * koers_export_layout_draw:
 * @cr: where to draw, in the layout's logical units
 * @page: which page, from 0
 *
 * Draws one page as every export and the preview show it.
 */
void
koers_export_layout_draw (KoersExportLayout *self,
                          cairo_t           *cr,
                          guint              page)
{
  g_return_if_fail (KOERS_IS_EXPORT_LAYOUT (self));
  g_return_if_fail (cr != NULL);

  if (self->slide != NULL)
    koers_slide_draw_page (self->slide, cr, page);
  else if (self->draw != NULL)
    self->draw (self->draw_data, cr, page);
  else
    koers_diagram_renderer_draw (self->renderer, cr, self->width, self->height, &self->style);
}

/**
 * koers_export_layout_render_image:
 * @page: which page, from 0
 * @scale: image pixels per logical unit
 * @error: a #KOERS_EXPORT_ERROR
 *
 * Draws one page into a new image: what a PNG export encodes.
 *
 * Returns: (transfer full): an ARGB32 image surface, or %NULL with
 *   @error set
 */
cairo_surface_t *
koers_export_layout_render_image (KoersExportLayout  *self,
                                  guint               page,
                                  double              scale,
                                  GError            **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (KOERS_IS_EXPORT_LAYOUT (self), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) round (self->width * scale),
                                        (int) round (self->height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  koers_export_layout_draw (self, cr, page);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_FAILED,
                   _("could not draw the image: %s"), cairo_status_to_string (status));
      return NULL;
    }
  cairo_surface_flush (surface);
  return surface;
}
