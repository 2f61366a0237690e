/* koers-diagram-labels.c: the stages' labels and the export's title band
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Labels are fitted once, exactly, in SVG units, when first drawn at a
 * given size; on a raster target each line is laid out again on the
 * device's pixel grid where the exact line was.
 */
#define G_LOG_DOMAIN "koers-diagram-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "koers-diagram-renderer-private.h"

#define LABEL_FONT_FAMILY "Cantarell,DejaVu Sans"

/* What the words measure on screen or on a slide, in pixels of the art as
 * drawn: names 14 px and captions 11 px at least, the sizes of GNOME's
 * own headings and captions. Art narrower than NARROW_ART (a phone) keeps
 * names at 12 px and drops a caption that no longer fits. */
#define NAME_MIN_PX         14.0
#define NAME_MIN_PX_NARROW  12.0
#define CAPTION_MIN_PX      11.0
#define NARROW_ART         560.0

/* Captions and notes on the zones' pastels: #3d3846 on the lightest tints
 * and #deddda on the dark ones both give more than 4.5:1 (WCAG AA), where
 * the palette's muted ink gave 3.8:1 on the Pyramid's purple. */
static const KoersColor caption_light = { 0x3d / 255.0, 0x38 / 255.0, 0x46 / 255.0, 1.0 };
static const KoersColor caption_dark = { 0xde / 255.0, 0xdd / 255.0, 0xda / 255.0, 1.0 };

static const KoersColor *
caption_color (const KoersPalette *palette)
{
  return palette == koers_palette_get (TRUE) ? &caption_dark : &caption_light;
}

void
_koers_diagram_text_box_clear (TextBox *text)
{
  g_clear_pointer (&text->key, g_free);
  g_clear_object (&text->layout);
}

void
_koers_diagram_label_run_clear (LabelRun *run)
{
  g_clear_object (&run->layout);
}

/* An exact context measures text as the outlines say, the same at every
 * size: what fits at one zoom fits at all of them. A rounded one puts
 * every glyph on a whole device pixel, which is what keeps letter spacing
 * even on screen: cairo 1.16 rounds each glyph's position anyway. */
PangoContext *
_koers_diagram_create_pango_context (gboolean exact)
{
  PangoContext *context;
  cairo_font_options_t *options;

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, exact ? CAIRO_HINT_METRICS_OFF : CAIRO_HINT_METRICS_ON);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, !exact);
  pango_context_set_language (context, pango_language_get_default ());

  return context;
}

PangoLayout *
_koers_diagram_create_layout (PangoContext *context,
                              const char   *text,
                              double        size,
                              gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, LABEL_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
set_layout_size (PangoLayout *layout,
                 double       size)
{
  g_autoptr(PangoFontDescription) font = NULL;

  font = pango_font_description_copy (pango_layout_get_font_description (layout));
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
}

void
_koers_diagram_layout_get_size (PangoLayout *layout,
                                double      *width,
                                double      *height)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (width != NULL)
    *width = (double) w / PANGO_SCALE;
  if (height != NULL)
    *height = (double) h / PANGO_SCALE;
}

/* Notes a size a fit tried: what the fit depends on (FitTrack). */
static void
note_size (double   *low,
           gboolean *floored,
           double    size,
           double    floor_size)
{
  *low = MIN (*low, size);
  if (size <= floor_size)
    *floored = TRUE;
}

/* The largest size from @start down to @floor_size at which a stage name
 * fits @width on one line; from @wrap_below down it may take two lines
 * that fit @height, since a long name wrapped reads better than a tiny
 * one. At the floor it may grow to @wide_width, and past that it is cut
 * short with an ellipsis rather than overflowing. */
static PangoLayout *
fit_name (PangoContext *context,
          const char   *text,
          double        width,
          double        wide_width,
          double        height,
          double        start,
          double        wrap_below,
          double        floor_size,
          FitTrack     *track)
{
  double size = MAX (start, floor_size);
  PangoLayout *layout = _koers_diagram_create_layout (context, text, size, TRUE);

  note_size (&track->name_low, &track->floored, size, floor_size);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

  for (;;)
    {
      int lines = pango_layout_get_line_count (layout);
      PangoRectangle logical;
      gboolean inside;

      /* A word longer than the line shows in the logical extents only. */
      pango_layout_get_extents (layout, NULL, &logical);
      inside = logical.x >= 0 && logical.x + logical.width <= width * PANGO_SCALE;
      if (inside &&
          (lines == 1 ||
           (lines == 2 && size <= wrap_below && logical.height <= height * PANGO_SCALE)))
        break;

      if (size <= floor_size)
        {
          double line_h;

          /* At the smallest size that reads, a name may take more of its
           * zone than the designer's box, rather than be cut short. */
          if (width < wide_width)
            {
              width = wide_width;
              height = MAX (height, 2.5 * floor_size);
              pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
              continue;
            }
          pango_layout_set_height (layout, -1);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          _koers_diagram_layout_get_size (layout, NULL, &line_h);
          if (2 * line_h <= height)
            pango_layout_set_height (layout, -2);
          break;
        }

      size = MAX (floor_size, size * 0.95);
      note_size (&track->name_low, &track->floored, size, floor_size);
      set_layout_size (layout, size);
    }

  return layout;
}

/* Wraps @text into @width × @height at the largest size that fits, no word
 * broken; at the floor the last line that fits ends in an ellipsis. */
static PangoLayout *
fit_block (PangoContext *context,
           const char   *text,
           double        width,
           double        height,
           double        start,
           double        floor_size,
           FitTrack     *track)
{
  double size = MAX (start, floor_size);
  PangoLayout *layout = _koers_diagram_create_layout (context, text, size, FALSE);

  note_size (&track->text_low, &track->floored, size, floor_size);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

  for (;;)
    {
      PangoRectangle logical;

      /* A word longer than the line shows in the logical extents only. */
      pango_layout_get_extents (layout, NULL, &logical);
      if ((logical.height <= height * PANGO_SCALE &&
           logical.x >= 0 && logical.x + logical.width <= width * PANGO_SCALE) ||
          size <= floor_size)
        break;
      size = MAX (floor_size, size * 0.94);
      note_size (&track->text_low, &track->floored, size, floor_size);
      set_layout_size (layout, size);
    }

  pango_layout_set_height (layout, (int) (height * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  return layout;
}

/* Narrows a wrapped layout as far as it keeps its number of lines, so that
 * "what the public / sees" becomes "what the / public sees". Returns how
 * far to move it right to keep it centred in its box. */
static double
balance_lines (PangoLayout *layout)
{
  int width = pango_layout_get_width (layout);
  int lines = pango_layout_get_line_count (layout);
  gboolean ellipsized = pango_layout_is_ellipsized (layout);
  int low, high;

  if (lines < 2 || ellipsized || width <= 0)
    return 0;

  low = width / lines;
  high = width;
  while (high - low > PANGO_SCALE)
    {
      int mid = (low + high) / 2;

      pango_layout_set_width (layout, mid);
      if (pango_layout_get_line_count (layout) == lines && !pango_layout_is_ellipsized (layout))
        high = mid;
      else
        low = mid;
    }
  pango_layout_set_width (layout, high);
  return (double) (width - high) / PANGO_SCALE / 2;
}

static char *
stage_title (const KoersStage *stage)
{
  /* A gate is a decision between steps: it keeps its name without a number. */
  if (stage->step != NULL && !stage->gate)
    /* TRANSLATORS: a numbered step in a diagram, e.g. "3 · Objectives" */
    return g_strdup_printf (_("%s · %s"), stage->step, stage->name);
  return g_strdup (stage->name);
}

double
_koers_diagram_layout_font_size (PangoLayout *layout)
{
  const PangoFontDescription *font = pango_layout_get_font_description (layout);

  return pango_font_description_get_size (font) / (double) PANGO_SCALE;
}

/* How wide a label may grow when its words do not fit the designer's box
 * at the smallest size that reads: most of its zone's width. */
static double
wide_label_width (const StageGeometry *geometry)
{
  return MAX (geometry->label.width, MIN (0.92 * geometry->zone.width, 1.8 * geometry->label.width));
}

static double
layout_width (PangoLayout *layout)
{
  return pango_layout_get_width (layout) / (double) PANGO_SCALE;
}

/* Lays out a stage's name and tagline in its label box, each at the largest
 * size that fits up to @name_max and @tagline_max; returns the sizes used
 * (0 for a tagline left out). */
static void
layout_stage_label (KoersDiagramRenderer *self,
                    StageGeometry        *geometry,
                    double                name_max,
                    double                tagline_max,
                    double               *name_used,
                    double               *tagline_used)
{
  const cairo_rectangle_t *box = &geometry->label;
  g_autofree char *title = stage_title (geometry->stage);
  double start = MIN (0.42 * box->height, name_max);
  double wide = wide_label_width (geometry);
  double name_size, name_h, gap, tag_h;

  g_clear_object (&geometry->name_layout);
  g_clear_object (&geometry->tagline_layout);
  geometry->name_x = 0;
  geometry->tagline_x = 0;

  /* Once a common size is chosen (name_max), a name that does not fit it
   * on one line wraps at once instead of shrinking below its peers. */
  geometry->name_layout = fit_name (self->pango, title, box->width, wide, box->height, start,
                                    name_max < G_MAXDOUBLE ? start : 0.8 * start, self->name_floor,
                                    &self->fitted);
  /* A name grown past its box stays centred on it. */
  geometry->name_x = (box->width - layout_width (geometry->name_layout)) / 2;
  geometry->name_x += balance_lines (geometry->name_layout);
  name_size = _koers_diagram_layout_font_size (geometry->name_layout);
  _koers_diagram_layout_get_size (geometry->name_layout, NULL, &name_h);
  gap = 0.08 * name_size;
  *name_used = name_size;
  *tagline_used = 0;

  if (geometry->stage->tagline != NULL && (name_h + gap < box->height || !self->taglines_may_hide))
    {
      double floor_size = self->tagline_floor;
      double size = MAX (floor_size, MIN (0.6 * name_size, tagline_max));
      double room = MAX (0, box->height - name_h - gap);
      /* Where a caption must show, it may run down to the zone's foot. */
      double room_max = MAX (room, geometry->zone.y + geometry->zone.height - box->y - name_h - gap
                                   - 0.5 * floor_size);
      double width = box->width;
      int max_lines = 2;
      g_autoptr(PangoLayout) tagline = _koers_diagram_create_layout (self->pango, geometry->stage->tagline,
                                                                     size, FALSE);

      note_size (&self->fitted.text_low, &self->fitted.floored, size, floor_size);
      pango_layout_set_width (tagline, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (tagline, PANGO_WRAP_WORD);
      pango_layout_set_ellipsize (tagline, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (tagline, PANGO_ALIGN_CENTER);

      /* Prefer the tagline whole on at most two lines at the largest size;
       * a clipped tagline tells less than none, so it goes when it cannot
       * and captions may go (a phone); else it takes more room. */
      for (;;)
        {
          gboolean fits = FALSE;

          for (int lines = max_lines; lines >= 1 && !fits; lines--)
            {
              pango_layout_set_height (tagline, -lines);
              _koers_diagram_layout_get_size (tagline, NULL, &tag_h);
              fits = tag_h <= room && !pango_layout_is_ellipsized (tagline);
            }
          if (fits)
            {
              *tagline_used = size;
              geometry->tagline_x = balance_lines (tagline) + (box->width - width) / 2;
              geometry->tagline_layout = g_steal_pointer (&tagline);
              break;
            }
          if (size <= floor_size)
            {
              if (width < wide)
                {
                  width = wide;
                  pango_layout_set_width (tagline, (int) (width * PANGO_SCALE));
                  continue;
                }
              if (self->taglines_may_hide)
                break;
              if (room < room_max || max_lines < 3)
                {
                  room = room_max;
                  max_lines = 3;
                  continue;
                }
              /* Out of room: three lines, the last one cut short. */
              pango_layout_set_height (tagline, -3);
              *tagline_used = size;
              geometry->tagline_x = (box->width - width) / 2;
              geometry->tagline_layout = g_steal_pointer (&tagline);
              break;
            }
          size = MAX (floor_size, size * 0.93);
          note_size (&self->fitted.text_low, &self->fitted.floored, size, floor_size);
          set_layout_size (tagline, size);
        }
    }
}

static void
layout_rect (PangoLayout       *layout,
             double             x,
             double             y,
             cairo_rectangle_t *rect)
{
  PangoRectangle logical;

  memset (rect, 0, sizeof *rect);
  if (layout == NULL)
    return;
  pango_layout_get_extents (layout, NULL, &logical);
  rect->x = x + (double) logical.x / PANGO_SCALE;
  rect->y = y + (double) logical.y / PANGO_SCALE;
  rect->width = (double) logical.width / PANGO_SCALE;
  rect->height = (double) logical.height / PANGO_SCALE;
}

/* Centres each label's block in its box as if every tagline were as tall
 * as the tallest: names then line up across stages of one row. */
static void
position_stage_labels (KoersDiagramRenderer *self)
{
  double tallest = 0;

  for (guint i = 0; i < self->stages->len; i++)
    {
      StageGeometry *geometry = &g_array_index (self->stages, StageGeometry, i);
      double tag_h;

      if (geometry->tagline_layout == NULL)
        continue;
      _koers_diagram_layout_get_size (geometry->tagline_layout, NULL, &tag_h);
      tallest = MAX (tallest, tag_h);
    }

  for (guint i = 0; i < self->stages->len; i++)
    {
      StageGeometry *geometry = &g_array_index (self->stages, StageGeometry, i);
      const cairo_rectangle_t *box = &geometry->label;
      double name_h, gap, block;

      if (geometry->name_layout == NULL)
        continue;
      _koers_diagram_layout_get_size (geometry->name_layout, NULL, &name_h);
      gap = 0.08 * _koers_diagram_layout_font_size (geometry->name_layout);
      block = tallest > 0 ? MIN (box->height, name_h + gap + tallest) : name_h;
      geometry->name_y = box->y + (box->height - block) / 2;
      geometry->tagline_y = geometry->name_y + name_h + gap;
      layout_rect (geometry->name_layout, box->x + geometry->name_x, geometry->name_y, &geometry->name_rect);
      layout_rect (geometry->tagline_layout, box->x + geometry->tagline_x, geometry->tagline_y,
                   &geometry->tagline_rect);
    }
}

static void
layout_text_box (KoersDiagramRenderer *self,
                 TextBox              *text)
{
  const char *value = koers_model_get_label (self->model, text->key);
  double w = text->box.width;
  double h = text->box.height;
  double text_h;

  if (value == NULL || *value == '\0')
    return;

  /* An axis along the side of a chart is a tall box: the words run up it. */
  text->vertical = h > 1.6 * w;
  if (text->vertical)
    {
      double t = w;

      w = h;
      h = t;
    }

  /* Capped below the stage names' size: these words explain, they are not
   * what one places a marker on. */
  text->layout = fit_block (self->pango, value, w, h, MIN (0.42 * h, 28.0), self->tagline_floor,
                            &self->fitted);
  if (self->taglines_may_hide && pango_layout_is_ellipsized (text->layout))
    {
      g_clear_object (&text->layout);
      return;
    }
  text->x = balance_lines (text->layout);
  _koers_diagram_layout_get_size (text->layout, NULL, &text_h);
  text->y = MAX (0, (h - text_h) / 2);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The size every peer can take: the smallest any of them needs, unless one
 * needs much less than the others; that one then goes smaller on its own
 * rather than shrinking all of them. */
static double
common_size (GArray *sizes)
{
  double median;

  if (sizes->len == 0)
    return G_MAXDOUBLE;
  g_array_sort (sizes, compare_doubles);
  median = g_array_index (sizes, double, sizes->len / 2);
  return MAX (g_array_index (sizes, double, 0), 0.75 * median);
}

static void
fit_labels (KoersDiagramRenderer *self)
{
  g_autoptr(GArray) name_sizes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tagline_sizes = g_array_new (FALSE, FALSE, sizeof (double));
  double name_max, tagline_max;

  self->label_fits++;
  self->fitted.name_low = G_MAXDOUBLE;
  self->fitted.text_low = G_MAXDOUBLE;
  self->fitted.floored = FALSE;

  /* Stage names are peers: one size for all, so that a long name does not
   * look less important than a short one; likewise for the taglines. The
   * first pass finds what each label can take, the second uses the
   * common size. */
  for (int pass = 0; pass < 2; pass++)
    {
      name_max = pass == 0 ? G_MAXDOUBLE : common_size (name_sizes);
      tagline_max = pass == 0 ? G_MAXDOUBLE : common_size (tagline_sizes);

      for (guint i = 0; i < self->stages->len; i++)
        {
          StageGeometry *geometry = &g_array_index (self->stages, StageGeometry, i);
          double name_used, tagline_used;

          if (!geometry->has_label)
            continue;
          layout_stage_label (self, geometry, name_max, tagline_max, &name_used, &tagline_used);
          if (pass == 0)
            {
              g_array_append_val (name_sizes, name_used);
              if (tagline_used > 0)
                g_array_append_val (tagline_sizes, tagline_used);
            }
        }
    }
  position_stage_labels (self);

  for (guint i = 0; i < self->texts->len; i++)
    layout_text_box (self, &g_array_index (self->texts, TextBox, i));

  self->labels_ready = TRUE;
}

/**
 * _koers_diagram_label_sizes:
 * @fit: where the art stands
 * @name_px: (out): the smallest a stage name may be, in viewport units
 * @tagline_px: (out): the smallest a caption may be
 * @may_hide: (out): whether a caption that does not fit may go
 */
void
_koers_diagram_label_sizes (const Fit *fit,
                            double    *name_px,
                            double    *tagline_px,
                            gboolean  *may_hide)
{
  gboolean narrow = fit->width < NARROW_ART;

  *name_px = narrow ? NAME_MIN_PX_NARROW : NAME_MIN_PX;
  *tagline_px = CAPTION_MIN_PX;
  *may_hide = narrow;
}

/* The smallest sizes the labels may take in SVG units, for art drawn as
 * @fit says, and whether captions may go. The floors are rounded up to
 * half a unit, so that a window being resized fits them again now and
 * then, not on every frame; a drag or a hover never does. */
static void
label_floors (const Fit *fit,
              double    *name_floor,
              double    *tagline_floor,
              gboolean  *may_hide)
{
  double name_px, tagline_px;

  _koers_diagram_label_sizes (fit, &name_px, &tagline_px, may_hide);
  *name_floor = MAX (LABEL_FLOOR, ceil (2 * name_px / fit->scale) / 2);
  *tagline_floor = MAX (LABEL_FLOOR, ceil (2 * tagline_px / fit->scale) / 2);
}

/* Whether the labels as fitted are what a fit with these floors would
 * give. A fit that never came down to a floor gives the same with any
 * floor below every size it tried. */
static gboolean
fit_holds (const KoersDiagramRenderer *self,
           double                      name_floor,
           double                      tagline_floor,
           gboolean                    may_hide)
{
  if (!self->labels_ready || may_hide != self->taglines_may_hide)
    return FALSE;
  if (name_floor == self->name_floor && tagline_floor == self->tagline_floor)
    return TRUE;
  return !self->fitted.floored &&
         name_floor < self->fitted.name_low && tagline_floor < self->fitted.text_low;
}

/* How many times the labels were fitted on this renderer: tests. */
guint
_koers_diagram_label_fits (KoersDiagramRenderer *self)
{
  return self->label_fits;
}

/* Labels are fitted in SVG units, with floors that give the sizes above at
 * the scale the art is drawn at. Where no label is at its floor, a resize
 * does not fit them again at all. */
void
_koers_diagram_ensure_labels (KoersDiagramRenderer *self,
                              const Fit            *fit)
{
  double name_floor, tagline_floor;
  gboolean may_hide;

  label_floors (fit, &name_floor, &tagline_floor, &may_hide);
  if (fit_holds (self, name_floor, tagline_floor, may_hide))
    return;

  self->name_floor = name_floor;
  self->tagline_floor = tagline_floor;
  self->taglines_may_hide = may_hide;
  fit_labels (self);
  self->runs_scale = -1;
}

/* Splits an exactly fitted, centred layout drawn at (@x, @y) into one
 * pixel-grid layout per line, each centred where its line was. */
static void
add_runs (KoersDiagramRenderer *self,
          PangoLayout          *fitted,
          double                x,
          double                y,
          gboolean              muted)
{
  const PangoFontDescription *font = pango_layout_get_font_description (fitted);
  const char *text = pango_layout_get_text (fitted);
  double center = x + pango_layout_get_width (fitted) / (double) PANGO_SCALE / 2;
  PangoLayoutIter *iter;

  /* An ellipsized line has no text of its own to lay out again. */
  if (pango_layout_is_ellipsized (fitted))
    {
      LabelRun run = { g_object_ref (fitted), x, y, muted };

      g_array_append_val (self->runs, run);
      return;
    }

  iter = pango_layout_get_iter (fitted);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      g_autofree char *part = g_strndup (text + line->start_index, line->length);
      double baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      LabelRun run = { NULL, 0, 0, muted };
      double width;

      g_strstrip (part);
      if (*part == '\0')
        continue;
      run.layout = pango_layout_new (self->device_pango);
      pango_layout_set_font_description (run.layout, font);
      pango_layout_set_text (run.layout, part, -1);
      _koers_diagram_layout_get_size (run.layout, &width, NULL);
      run.x = center - width / 2;
      run.y = y + baseline - pango_layout_get_baseline (run.layout) / (double) PANGO_SCALE;
      g_array_append_val (self->runs, run);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
ensure_runs (KoersDiagramRenderer *self,
             double                scale)
{
  PangoMatrix matrix = PANGO_MATRIX_INIT;

  if (self->runs_scale == scale)
    return;

  g_array_set_size (self->runs, 0);
  pango_matrix_scale (&matrix, scale, scale);
  pango_context_set_matrix (self->device_pango, &matrix);
  self->runs_scale = scale;

  for (guint i = 0; i < self->stages->len; i++)
    {
      const StageGeometry *geometry = &g_array_index (self->stages, StageGeometry, i);

      if (geometry->name_layout != NULL)
        add_runs (self, geometry->name_layout, geometry->label.x + geometry->name_x,
                  geometry->name_y, FALSE);
      if (geometry->tagline_layout != NULL)
        add_runs (self, geometry->tagline_layout, geometry->label.x + geometry->tagline_x,
                  geometry->tagline_y, TRUE);
    }
  for (guint i = 0; i < self->texts->len; i++)
    {
      const TextBox *text = &g_array_index (self->texts, TextBox, i);

      if (text->layout != NULL && !text->vertical)
        add_runs (self, text->layout, text->box.x + text->x, text->box.y + text->y, TRUE);
    }
}

static void
draw_labels_on_grid (KoersDiagramRenderer *self,
                     cairo_t              *cr,
                     const Fit            *fit,
                     double                device_scale,
                     const KoersPalette   *palette)
{
  ensure_runs (self, fit->scale * device_scale);

  for (guint i = 0; i < self->runs->len; i++)
    {
      const LabelRun *run = &g_array_index (self->runs, LabelRun, i);
      double x = fit->x + run->x * fit->scale;
      double y = fit->y + run->y * fit->scale;

      cairo_save (cr);
      /* Whole pixels for the line's origin too, or the rounding is undone. */
      cairo_translate (cr, round (x * device_scale) / device_scale,
                       round (y * device_scale) / device_scale);
      cairo_scale (cr, fit->scale, fit->scale);
      koers_set_source_color (cr, run->muted ? caption_color (palette) : &palette->ink);
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, run->layout);
      cairo_restore (cr);
    }
}

void
_koers_diagram_draw_labels (KoersDiagramRenderer *self,
                            cairo_t              *cr,
                            const Fit            *fit,
                            gboolean              raster,
                            double                device_scale,
                            const KoersPalette   *palette)
{
  _koers_diagram_ensure_labels (self, fit);

  if (raster)
    draw_labels_on_grid (self, cr, fit, device_scale, palette);

  cairo_save (cr);
  cairo_translate (cr, fit->x, fit->y);
  cairo_scale (cr, fit->scale, fit->scale);

  for (guint i = 0; i < self->stages->len && !raster; i++)
    {
      const StageGeometry *geometry = &g_array_index (self->stages, StageGeometry, i);

      if (geometry->name_layout == NULL)
        continue;
      koers_set_source_color (cr, &palette->ink);
      cairo_move_to (cr, geometry->label.x + geometry->name_x, geometry->name_y);
      pango_cairo_show_layout (cr, geometry->name_layout);
      if (geometry->tagline_layout != NULL)
        {
          koers_set_source_color (cr, caption_color (palette));
          cairo_move_to (cr, geometry->label.x + geometry->tagline_x, geometry->tagline_y);
          pango_cairo_show_layout (cr, geometry->tagline_layout);
        }
    }

  koers_set_source_color (cr, caption_color (palette));
  for (guint i = 0; i < self->texts->len; i++)
    {
      const TextBox *text = &g_array_index (self->texts, TextBox, i);

      if (text->layout == NULL || (raster && !text->vertical))
        continue;
      if (text->vertical)
        {
          cairo_save (cr);
          cairo_translate (cr, text->box.x, text->box.y + text->box.height);
          cairo_rotate (cr, -G_PI / 2);
          cairo_move_to (cr, text->x, text->y);
          pango_cairo_show_layout (cr, text->layout);
          cairo_restore (cr);
        }
      else
        {
          cairo_move_to (cr, text->box.x + text->x, text->box.y + text->y);
          pango_cairo_show_layout (cr, text->layout);
        }
    }

  cairo_restore (cr);
}

/* The organisation's name over an export, whole: a long one wraps onto
 * more lines, as on the roadmap slide, and the art makes room for them
 * (see compute_fit()). */
PangoLayout *
_koers_diagram_title_layout (KoersDiagramRenderer *self,
                             const char           *title,
                             double                size,
                             double                width)
{
  PangoLayout *layout = _koers_diagram_create_layout (self->ui_pango, title, size, TRUE);

  pango_layout_set_width (layout, (int) (MAX (1.0, width) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

void
_koers_diagram_draw_title_band (KoersDiagramRenderer    *self,
                                cairo_t                 *cr,
                                const Fit               *fit,
                                double                   width,
                                double                   height,
                                const KoersPalette      *palette,
                                const KoersDiagramStyle *style)
{
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) credit = NULL;
  double line_width = MAX (1.0, width - 2 * fit->margin);
  double y = fit->margin;
  double w, h;

  cairo_save (cr);

  title = _koers_diagram_title_layout (self, style->title, fit->title_size, line_width);
  koers_set_source_color (cr, &palette->ink);
  cairo_move_to (cr, fit->margin, y);
  pango_cairo_show_layout (cr, title);
  y += fit->title_size * 1.25 + fit->title_extra;

  if (style->subtitle != NULL)
    {
      g_autoptr(PangoLayout) subtitle = NULL;

      subtitle = _koers_diagram_create_layout (self->ui_pango, style->subtitle, fit->subtitle_size, FALSE);
      pango_layout_set_width (subtitle, (int) (line_width * PANGO_SCALE));
      pango_layout_set_ellipsize (subtitle, PANGO_ELLIPSIZE_END);
      koers_set_source_color (cr, &palette->ink_muted);
      cairo_move_to (cr, fit->margin, y);
      pango_cairo_show_layout (cr, subtitle);
    }

  /* The app's name, not translated: it is a name. */
  credit = _koers_diagram_create_layout (self->ui_pango, "Koers", fit->credit_size, TRUE);
  _koers_diagram_layout_get_size (credit, &w, &h);
  koers_set_source_color (cr, &palette->ink_muted);
  cairo_move_to (cr, width - fit->margin - w, height - 0.5 * fit->margin - h);
  pango_cairo_show_layout (cr, credit);

  cairo_restore (cr);
}
