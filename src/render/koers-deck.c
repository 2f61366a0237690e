/* koers-deck.c: what the deck says and where it stands on each slide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The content model shared by the ODP and PPTX writers: a title slide,
 * one slide per placed model, the findings, the progress since the last
 * closed round (when there is one), the roadmap overview and one
 * slide (or more) per phase. Every text is measured before it is placed:
 * phase slides keep their text at 24 px or more and continue on another
 * slide rather than shrink; the overview may go down to 16 px to keep a
 * phase in one column.
 */
#define G_LOG_DOMAIN "koers-deck"

#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "koers-catalog.h"
#include "koers-deck-private.h"
#include "koers-diagram-renderer.h"
#include "koers-export.h"
#include "koers-export-private.h"
#include "koers-io.h"
#include "koers-roadmap-format.h"
#include "koers-slide.h"

G_DEFINE_FINAL_TYPE (KoersDeck, koers_deck, G_TYPE_OBJECT)

/* --- building blocks ------------------------------------------------------ */

static void
run_free (KoersDeckRun *run)
{
  g_free (run->text);
  g_free (run);
}

KoersDeckPara *
_koers_deck_para_new (double space_before)
{
  KoersDeckPara *para = g_new0 (KoersDeckPara, 1);

  para->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) run_free);
  para->space_before = space_before;
  return para;
}

/* Slides show what people read, so the invisible break marks that some
 * translations carry go, as they do for every other text export. */
void
_koers_deck_para_add (KoersDeckPara *para,
                      const char    *text,
                      double         size,
                      gboolean       bold,
                      KoersInk       ink)
{
  KoersDeckRun *run = g_new0 (KoersDeckRun, 1);

  run->text = koers_strip_soft_hyphens (g_strdup (text ? text : ""));
  /* XML 1.0 cannot hold control characters; a tab reads as a space. */
  for (char *p = run->text; *p; p++)
    if ((guchar) *p < 0x20 && *p != '\n')
      *p = ' ';
  run->size = size;
  run->bold = bold;
  run->ink = ink;
  g_ptr_array_add (para->runs, run);
}

void
_koers_deck_para_free (KoersDeckPara *para)
{
  if (para == NULL)
    return;
  g_ptr_array_unref (para->runs);
  g_free (para);
}

const KoersColor *
_koers_deck_ink_color (KoersDeck *self,
                       KoersInk   ink)
{
  switch (ink)
    {
    case KOERS_INK_MUTED:
      return &self->palette->ink_muted;
    case KOERS_INK_NOW:
      return &self->palette->now;
    case KOERS_INK_GOAL:
      return &self->palette->goal;
    case KOERS_INK_TEXT:
    default:
      return &self->palette->ink;
    }
}

void
_koers_deck_color_hex (const KoersColor *color,
                       char              hex[7])
{
  g_snprintf (hex, 7, "%02X%02X%02X",
              (guint) round (color->red * 255),
              (guint) round (color->green * 255),
              (guint) round (color->blue * 255));
}

GPtrArray *
_koers_deck_paras_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) _koers_deck_para_free);
}

KoersDeckPara *
_koers_deck_add_para (GPtrArray  *paras,
          double      space_before,
          const char *text,
          double      size,
          gboolean    bold,
          KoersInk    ink)
{
  KoersDeckPara *para = _koers_deck_para_new (space_before);

  if (text != NULL)
    _koers_deck_para_add (para, text, size, bold, ink);
  g_ptr_array_add (paras, para);
  return para;
}

static void
box_free (KoersDeckBox *box)
{
  g_clear_pointer (&box->paras, g_ptr_array_unref);
  g_free (box->description);
  g_free (box);
}

static void
slide_free (KoersDeckSlide *slide)
{
  g_ptr_array_unref (slide->boxes);
  g_free (slide->name);
  g_free (slide);
}

static void
picture_free (KoersDeckPicture *picture)
{
  g_clear_pointer (&picture->svg, g_bytes_unref);
  g_clear_pointer (&picture->png, g_bytes_unref);
  g_free (picture);
}

KoersDeckSlide *
_koers_deck_add_slide (KoersDeck          *self,
           KoersDeckSlideKind  kind,
           const char         *name)
{
  KoersDeckSlide *slide = g_new0 (KoersDeckSlide, 1);

  slide->kind = kind;
  slide->name = g_strdup (name);
  slide->boxes = g_ptr_array_new_with_free_func ((GDestroyNotify) box_free);
  g_ptr_array_add (self->slides, slide);
  return slide;
}

KoersDeckBox *
_koers_deck_add_box (KoersDeckSlide   *slide,
         KoersDeckBoxKind  kind,
         double            x,
         double            y,
         double            width,
         double            height,
         GPtrArray        *paras)
{
  KoersDeckBox *box = g_new0 (KoersDeckBox, 1);

  box->kind = kind;
  box->x = x;
  box->y = y;
  box->width = width;
  box->height = height;
  box->paras = paras;
  g_ptr_array_add (slide->boxes, box);
  return box;
}

/* Makes @paras smaller in steps until they fit, but not under @min_size
 * for their smallest run. Returns whether they fit. */
gboolean
_koers_deck_shrink_to_fit (KoersDeckMeasure *measure,
               GPtrArray        *paras,
               double            width,
               double            height,
               double            min_size)
{
  while (!_koers_deck_fits (measure, paras, width, height))
    {
      double smallest = G_MAXDOUBLE;

      for (guint i = 0; i < paras->len; i++)
        {
          KoersDeckPara *para = g_ptr_array_index (paras, i);
          for (guint r = 0; r < para->runs->len; r++)
            smallest = MIN (smallest, ((KoersDeckRun *) g_ptr_array_index (para->runs, r))->size);
        }
      if (smallest == G_MAXDOUBLE || smallest - 2 < min_size)
        return FALSE;
      _koers_deck_scale_paras (paras, (smallest - 2) / smallest);
    }
  return TRUE;
}

/* A title that fits its box: one or two lines, smaller if it must, cut
 * with an ellipsis only when even the smallest size would not hold it. */
void
_koers_deck_add_title (KoersDeckSlide   *slide,
           KoersDeckMeasure *measure,
           const char       *text,
           double            size,
           double            min_size)
{
  GPtrArray *paras = _koers_deck_paras_new ();

  _koers_deck_add_para (paras, 0, text, size, TRUE, KOERS_INK_TEXT);
  if (!_koers_deck_shrink_to_fit (measure, paras, CONTENT_WIDTH, TITLE_HEIGHT, min_size))
    {
      KoersDeckPara *para = g_ptr_array_index (paras, 0);
      KoersDeckRun *run = g_ptr_array_index (para->runs, 0);
      char *shorter = _koers_deck_shorten (measure, text, run->size, CONTENT_WIDTH,
                                           (TITLE_HEIGHT - 2 * KOERS_DECK_INSET_Y) * 0.85);
      g_free (run->text);
      run->text = shorter;
    }
  _koers_deck_add_box (slide, KOERS_BOX_TITLE, MARGIN, TITLE_Y, CONTENT_WIDTH, TITLE_HEIGHT, paras);
}

/* --- the slides ----------------------------------------------------------- */

static void
add_title_slide (KoersDeck        *self,
                 KoersDeckMeasure *measure,
                 const char       *organisation,
                 const char       *date)
{
  KoersDeckSlide *slide = _koers_deck_add_slide (self, KOERS_DECK_SLIDE_TITLE, _("Social media roadmap"));
  GPtrArray *title = _koers_deck_paras_new ();
  GPtrArray *subtitle = _koers_deck_paras_new ();
  const double x = 160, width = KOERS_DECK_WIDTH - 2 * 160;

  _koers_deck_add_para (title, 0, organisation, 88, TRUE, KOERS_INK_TEXT);
  if (!_koers_deck_shrink_to_fit (measure, title, width, 380, 44))
    {
      KoersDeckRun *run = g_ptr_array_index (((KoersDeckPara *) g_ptr_array_index (title, 0))->runs, 0);
      char *shorter = _koers_deck_shorten (measure, organisation, run->size, width, 380 * 0.8);
      g_free (run->text);
      run->text = shorter;
    }
  _koers_deck_add_box (slide, KOERS_BOX_TITLE, x, 220, width, 380, title);

  _koers_deck_add_para (subtitle, 0, _("Social media roadmap"), 48, FALSE, KOERS_INK_TEXT);
  _koers_deck_add_para (subtitle, 16, date, 36, FALSE, KOERS_INK_MUTED);
  _koers_deck_shrink_to_fit (measure, subtitle, width, 240, 24);
  _koers_deck_add_box (slide, KOERS_BOX_SUBTITLE, x, 630, width, 240, subtitle);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The diagram as SVG and PNG; FALSE when cairo could not draw it. */
static gboolean
add_diagram_picture (KoersDeck               *self,
                     KoersDiagramRenderer    *renderer,
                     const KoersDiagramStyle *style,
                     double                   width,
                     double                   height,
                     guint                   *index)
{
  g_autoptr(GError) error = NULL;
  KoersDeckPicture *picture = g_new0 (KoersDeckPicture, 1);
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  /* One pixel a pixel at 1080p: the PNG is only what readers without SVG
   * show, and larger ones made the deck slower than its budget. */
  const double scale = 1.0;

  surface = cairo_svg_surface_create_for_stream (append_bytes, svg, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  koers_diagram_renderer_draw (renderer, cr, width, height, style);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  picture->png_width = (guint) round (width * scale);
  picture->png_height = (guint) round (height * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, picture->png_width, picture->png_height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  koers_diagram_renderer_draw (renderer, cr, width, height, style);
  cairo_destroy (cr);
  picture->png = _koers_export_encode_png (surface, FALSE, &error);
  cairo_surface_destroy (surface);
  picture->svg = g_byte_array_free_to_bytes (g_steal_pointer (&svg));
  if (picture->png == NULL)
    {
      g_warning ("No picture of the diagram: %s", error->message);
      picture_free (picture);
      return FALSE;
    }

  g_ptr_array_add (self->pictures, picture);
  *index = self->pictures->len - 1;
  return TRUE;
}

static const char *
stage_name (KoersModel *model,
            const char *stage_id)
{
  const KoersStage *stage = stage_id ? koers_model_find_stage (model, stage_id) : NULL;

  /* TRANSLATORS: on a deck slide, for a marker not placed on the model */
  return stage ? stage->name : _("not placed");
}

static void
add_model_slide (KoersDeck                *self,
                 KoersDeckMeasure         *measure,
                 KoersProject             *project,
                 KoersModel               *model,
                 const KoersRenderOptions *options)
{
  const char *id = koers_model_get_id (model);
  const char *current = koers_project_get_current (project, id);
  const char *target = koers_project_get_target (project, id);
  const char *rationale = koers_project_get_rationale (project, id);
  KoersDeckSlide *slide = _koers_deck_add_slide (self, KOERS_DECK_SLIDE_MODEL, koers_model_get_name (model));
  g_autoptr(KoersDiagramRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *move = NULL;
  GPtrArray *text = _koers_deck_paras_new ();
  KoersDeckPara *para;
  const double picture_width = 1040, text_x = MARGIN + picture_width + 32;
  const double text_width = KOERS_DECK_WIDTH - MARGIN - text_x;
  const double body_height = BODY_BOTTOM - BODY_Y;

  _koers_deck_add_title (slide, measure, koers_model_get_name (model), PHASE_TITLE_SIZE, 36);

  renderer = koers_diagram_renderer_new (model, &error);
  if (renderer != NULL)
    {
      KoersDiagramStyle style;
      KoersDeckBox *box;

      koers_diagram_style_init (&style);
      style.render = *options;
      /* The slide's own background shows through, in either theme. */
      style.render.background = KOERS_BACKGROUND_TRANSPARENT;
      style.current = current;
      style.target = target;
      guint picture;

      if (add_diagram_picture (self, renderer, &style, picture_width, body_height, &picture))
        {
          box = _koers_deck_add_box (slide, KOERS_BOX_PICTURE, MARGIN, BODY_Y, picture_width, body_height, NULL);
          box->picture = picture;
          /* TRANSLATORS: a diagram's description for screen readers: model, Now stage, Goal stage */
          box->description = g_strdup_printf (_("%s: Now at %s, Goal at %s"), koers_model_get_name (model),
                                              stage_name (model, current), stage_name (model, target));
        }
    }
  else
    g_warning ("No diagram for %s: %s", id, error->message);

  /* TRANSLATORS: heading on a deck slide; the arrow reads "moves to" */
  _koers_deck_add_para (text, 0, _("Now → Goal"), 28, TRUE, KOERS_INK_MUTED);
  para = _koers_deck_add_para (text, 8, NULL, 0, FALSE, KOERS_INK_TEXT);
  _koers_deck_para_add (para, stage_name (model, current), 36, TRUE, KOERS_INK_NOW);
  _koers_deck_para_add (para, " → ", 36, TRUE, KOERS_INK_TEXT);
  _koers_deck_para_add (para, stage_name (model, target), 36, TRUE, KOERS_INK_GOAL);

  if (rationale != NULL && rationale[0] != '\0')
    {
      _koers_deck_add_para (text, 40, _("Rationale"), 28, TRUE, KOERS_INK_MUTED);
      _koers_deck_add_para (text, 8, rationale, 28, FALSE, KOERS_INK_TEXT);
    }
  if (!_koers_deck_shrink_to_fit (measure, text, text_width, body_height, 20))
    {
      /* Only the rationale can be this long; the project keeps it whole. */
      KoersDeckPara *last = g_ptr_array_index (text, text->len - 1);
      double size = ((KoersDeckRun *) g_ptr_array_index (last->runs, 0))->size;
      double others;
      char *shorter;

      g_ptr_array_remove_index (text, text->len - 1);
      others = _koers_deck_measure_paras (measure, text, text_width);
      shorter = _koers_deck_shorten (measure, rationale, size, text_width,
                                     (body_height - 2 * KOERS_DECK_INSET_Y) * 0.85 - others - 8);
      _koers_deck_add_para (text, 8, shorter, size, FALSE, KOERS_INK_TEXT);
      g_free (shorter);
    }
  _koers_deck_add_box (slide, KOERS_BOX_BODY, text_x, BODY_Y, text_width, body_height, text);
}

/* --- the deck ------------------------------------------------------------- */

static void
koers_deck_finalize (GObject *object)
{
  KoersDeck *self = KOERS_DECK (object);

  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_clear_pointer (&self->pictures, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->country, g_free);

  G_OBJECT_CLASS (koers_deck_parent_class)->finalize (object);
}

static void
koers_deck_class_init (KoersDeckClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koers_deck_finalize;
}

static void
koers_deck_init (KoersDeck *self)
{
  self->slides = g_ptr_array_new_with_free_func ((GDestroyNotify) slide_free);
  self->pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) picture_free);
}

/* The interface's language, as the slides' text is in it: Dutch when
 * gettext reads Dutch, English otherwise. */
static void
pick_language (KoersDeck *self)
{
  const char * const *names = g_get_language_names ();
  gboolean dutch = names[0] != NULL && g_str_has_prefix (names[0], "nl");

  self->language = g_strdup (dutch ? "nl" : "en");
  self->country = g_strdup (dutch ? "NL" : "GB");
}

/**
 * koers_deck_format_from_filename:
 * @filename: a file name or path
 * @format: (out): the format its extension names
 *
 * Returns: whether @filename ends in .odp or .pptx, in any case
 */
gboolean
koers_deck_format_from_filename (const char      *filename,
                                 KoersDeckFormat *format)
{
  const char *dot = koers_filename_get_extension (filename);

  g_return_val_if_fail (format != NULL, FALSE);

  if (dot == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".odp") == 0)
    *format = KOERS_DECK_ODP;
  else if (g_ascii_strcasecmp (dot, ".pptx") == 0)
    *format = KOERS_DECK_PPTX;
  else
    return FALSE;
  return TRUE;
}

/**
 * koers_deck_new:
 * @project: the project: organisation, placements, rationales
 * @roadmap: the roadmap built from @project
 * @options: the theme (light or dark); the background is the theme's page
 * @date: (nullable): the date on the title slide, or %NULL for today
 *
 * Lays out every slide of the deck, in the interface's language.
 *
 * Returns: (transfer full): the deck
 */
KoersDeck *
koers_deck_new (KoersProject             *project,
                KoersRoadmap             *roadmap,
                const KoersRenderOptions *options,
                const char               *date)
{
  g_autoptr(KoersDeckMeasure) measure = _koers_deck_measure_new ();
  g_autofree char *today = NULL;
  g_autofree char *clean = NULL;
  g_autoptr(KoersProgressSummary) summary = NULL;
  KoersCatalog *catalog;
  const char *organisation;
  KoersDeck *self;

  g_return_val_if_fail (KOERS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (KOERS_IS_ROADMAP (roadmap), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (KOERS_TYPE_DECK, NULL);
  self->dark = options->dark;
  self->palette = koers_palette_get (options->dark);
  self->min_phase_text = G_MAXDOUBLE;
  pick_language (self);

  if (date == NULL)
    date = today = koers_slide_format_date (NULL);
  organisation = koers_project_get_organisation_name (project);
  if (organisation == NULL || organisation[0] == '\0')
    organisation = koers_roadmap_get_organisation (roadmap);
  if (organisation == NULL)
    organisation = "";
  /* The name also goes where no run cleans it: the file's title. */
  organisation = clean = g_strdup (organisation);
  for (char *p = clean; *p; p++)
    if ((guchar) *p < 0x20)
      *p = ' ';
  self->title = g_strdup_printf (_("%s: %s"), organisation, _("Social media roadmap"));

  add_title_slide (self, measure, organisation, date);

  catalog = koers_project_get_catalog (project);
  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, i);
      const char *id = koers_model_get_id (model);

      if (koers_project_get_current (project, id) || koers_project_get_target (project, id))
        add_model_slide (self, measure, project, model, options);
    }

  _koers_deck_add_findings_slides (self, measure, roadmap);
  summary = koers_progress_summary_new (project, roadmap);
  if (summary != NULL)
    _koers_deck_add_progress_slides (self, measure, summary);
  _koers_deck_add_overview_slides (self, measure, roadmap);
  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    _koers_deck_add_phase_slides (self, measure, koers_roadmap_get_phase (roadmap, p));

  for (guint s = 0; s < self->slides->len; s++)
    {
      KoersDeckSlide *slide = g_ptr_array_index (self->slides, s);

      if (slide->kind != KOERS_DECK_SLIDE_PHASE && slide->kind != KOERS_DECK_SLIDE_PROGRESS)
        continue;
      for (guint b = 0; b < slide->boxes->len; b++)
        {
          KoersDeckBox *box = g_ptr_array_index (slide->boxes, b);

          for (guint i = 0; box->paras && i < box->paras->len; i++)
            {
              KoersDeckPara *para = g_ptr_array_index (box->paras, i);
              for (guint r = 0; r < para->runs->len; r++)
                self->min_phase_text = MIN (self->min_phase_text,
                                            ((KoersDeckRun *) g_ptr_array_index (para->runs, r))->size);
            }
        }
    }
  if (self->min_phase_text == G_MAXDOUBLE)
    self->min_phase_text = 0;

  return self;
}

/**
 * koers_deck_get_n_slides:
 * @self: a deck
 *
 * Returns: how many slides the deck holds
 */
guint
koers_deck_get_n_slides (KoersDeck *self)
{
  g_return_val_if_fail (KOERS_IS_DECK (self), 0);
  return self->slides->len;
}

/**
 * koers_deck_get_language:
 * @self: a deck
 *
 * Returns: the language the slides are written in and declare: "nl" or "en"
 */
const char *
koers_deck_get_language (KoersDeck *self)
{
  g_return_val_if_fail (KOERS_IS_DECK (self), NULL);
  return self->language;
}

/**
 * koers_deck_get_min_phase_text:
 * @self: a deck
 *
 * Returns: the smallest text on any phase or progress slide, in px at
 *   1080p
 */
double
koers_deck_get_min_phase_text (KoersDeck *self)
{
  g_return_val_if_fail (KOERS_IS_DECK (self), 0);
  return self->min_phase_text;
}

/**
 * koers_deck_to_bytes:
 * @self: a deck
 * @format: ODP or PPTX
 * @error: a #KOERS_EXPORT_ERROR
 *
 * Returns: (transfer full): the package's bytes, or %NULL with @error set
 */
GBytes *
koers_deck_to_bytes (KoersDeck        *self,
                     KoersDeckFormat   format,
                     GError          **error)
{
  g_return_val_if_fail (KOERS_IS_DECK (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format == KOERS_DECK_PPTX)
    return _koers_deck_write_pptx (self, error);
  return _koers_deck_write_odp (self, error);
}

/**
 * koers_export_deck:
 * @project: the project
 * @roadmap: the roadmap built from @project
 * @options: the theme
 * @date: (nullable): the date on the title slide, or %NULL for today
 * @format: ODP or PPTX
 * @file: where to write
 * @error: a #KOERS_EXPORT_ERROR or a #G_IO_ERROR
 *
 * Writes the deck to @file, whole or not at all: on failure a file that
 * was there stays as it was.
 *
 * Returns: whether the file was written
 */
gboolean
koers_export_deck (KoersProject             *project,
                   KoersRoadmap             *roadmap,
                   const KoersRenderOptions *options,
                   const char               *date,
                   KoersDeckFormat           format,
                   GFile                    *file,
                   GError                  **error)
{
  g_autoptr(KoersDeck) deck = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  deck = koers_deck_new (project, roadmap, options, date);
  bytes = koers_deck_to_bytes (deck, format, error);
  if (bytes == NULL)
    return FALSE;
  return koers_file_write_atomic (file, bytes, NULL, error);
}
