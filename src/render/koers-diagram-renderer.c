/* koers-diagram-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-diagram-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "koers-diagram-renderer.h"
#include "koers-error.h"

#define LABEL_FONT_FAMILY "Cantarell,DejaVu Sans"

/* Art drawn at 1600 wide keeps its words at 12 px at least: smaller does not
 * read from across a meeting table. */
#define LABEL_FLOOR 12.0

/* The diagrams are drawn on a 1600×900 page; used when an SVG has no size. */
#define DEFAULT_ART_WIDTH  1600.0
#define DEFAULT_ART_HEIGHT 900.0

/* Width of the outline of the selected stage, in SVG units. */
#define OUTLINE_WIDTH 6.0

/* Past this many device pixels the art is drawn directly instead of kept
 * in memory: a 8K canvas is not worth 128 MB. */
#define MAX_CACHE_PIXELS (4096 * 4096)

#define FADED_ALPHA 0.35

/* The smallest marker shape: MARKER_MIN on art at least MARKER_LARGE_ART
 * tall, MARKER_SMALL_MIN on art at most MARKER_SMALL_ART tall. */
#define MARKER_MIN        28.0
#define MARKER_SMALL_MIN  20.0
#define MARKER_LARGE_ART 400.0
#define MARKER_SMALL_ART 200.0

typedef struct {
  cairo_surface_t *surface;   /* A8, device scale set; NULL when not made yet */
  double           x, y;      /* its origin in viewport units */
} Mask;

typedef struct {
  const KoersStage  *stage;
  char              *layer;          /* "#<stage id>" */
  cairo_rectangle_t  zone;           /* ink box, SVG units */
  cairo_rectangle_t  label;
  cairo_rectangle_t  anchor;
  gboolean           has_label;
  gboolean           has_anchor;

  /* Laid out once, in SVG units: labels do not depend on the viewport. */
  PangoLayout       *name_layout;
  PangoLayout       *tagline_layout;
  double             name_x;         /* offsets within the label box */
  double             name_y;
  double             tagline_x;
  double             tagline_y;

  Mask               fill_mask;
  Mask               outline_mask;
} StageGeometry;

typedef struct {
  char              *key;
  cairo_rectangle_t  box;
  PangoLayout       *layout;
  double             x;              /* where the text starts within the box */
  double             y;
  gboolean           vertical;       /* tall box: text runs bottom to top */
} TextBox;

typedef struct {
  PangoLayout *layout;
  double       x, y;                 /* top left, SVG units */
  gboolean     muted;
} LabelRun;

typedef struct {
  cairo_surface_t *surface;
  int              width;            /* viewport, rounded to 1/64 */
  int              height;
  double           device_scale;
  gboolean         dark;
  KoersBackground  background;
  double           fit_x, fit_y, fit_scale;
  gint64           used;
} ArtCache;

typedef struct {
  double scale;                      /* SVG units → viewport units */
  double x, y;                       /* the art's top left in the viewport */
  double width, height;              /* the art's fitted size */
  double margin;
  /* The title band of an export. */
  double title_size;
  double subtitle_size;
  double credit_size;
} Fit;

typedef struct {
  gboolean          placed;
  gboolean          pill_below;      /* sharing a stage: the pair stays compact */
  double            size;            /* the shape's box */
  double            cx, cy;          /* centre of the shape */
  double            pill_w, pill_h;
  cairo_rectangle_t rect;            /* shape and pill together */
} MarkerPlace;

struct _KoersDiagramRenderer
{
  GObject       parent_instance;

  KoersModel   *model;
  char         *filename;

  RsvgHandle   *handle;
  RsvgHandle   *dark_handle;         /* made when first drawn dark */
  RsvgHandle   *outline_handle;      /* zones as bare outlines, made when needed */
  GBytes       *data;                /* the SVG, for the handles made later */
  double        art_width;
  double        art_height;

  GArray       *stages;              /* StageGeometry, in the model's order */
  GArray       *texts;               /* TextBox */

  /* Labels are fitted once, exactly, in SVG units (pango); on a raster
   * target each of their lines is laid out again on the device's pixel
   * grid (device_pango, runs) and centred where the exact line was. The
   * markers and the title band are measured in viewport units (ui_pango).
   * None of these contexts is updated from a cairo_t, so what was measured
   * is what is drawn. */
  PangoContext *pango;
  PangoContext *ui_pango;
  PangoContext *device_pango;
  gboolean      labels_ready;
  GThread      *labels_thread;       /* fitting them, see koers_diagram_renderer_prepare() */
  PangoContext *replaced_pango;      /* the context the thread replaced, freed when joined */
  GArray       *runs;                /* LabelRun */
  double        runs_scale;          /* SVG unit → device pixels they were made for */

  ArtCache      art[2];
  double        mask_key[4];         /* device scale, fit x, y, scale */

  PangoLayout  *marker_layouts[2];
  double        marker_font_size;
};

G_DEFINE_FINAL_TYPE (KoersDiagramRenderer, koers_diagram_renderer, G_TYPE_OBJECT)

static void
mask_clear (Mask *mask)
{
  g_clear_pointer (&mask->surface, cairo_surface_destroy);
}

static void
stage_geometry_clear (StageGeometry *geometry)
{
  g_clear_pointer (&geometry->layer, g_free);
  g_clear_object (&geometry->name_layout);
  g_clear_object (&geometry->tagline_layout);
  mask_clear (&geometry->fill_mask);
  mask_clear (&geometry->outline_mask);
}

static void
text_box_clear (TextBox *text)
{
  g_clear_pointer (&text->key, g_free);
  g_clear_object (&text->layout);
}

static void
label_run_clear (LabelRun *run)
{
  g_clear_object (&run->layout);
}

/* An exact context measures text as the outlines say, the same at every
 * size: what fits at one zoom fits at all of them. A rounded one puts
 * every glyph on a whole device pixel, which is what keeps letter spacing
 * even on screen: cairo 1.16 rounds each glyph's position anyway. */
static PangoContext *
create_pango_context (gboolean exact)
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

static PangoLayout *
create_layout (PangoContext *context,
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

static void
layout_get_size (PangoLayout *layout,
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

/* The largest size from @start down to @floor_size at which a stage name
 * fits @width on one line; from @wrap_below down it may take two lines
 * that fit @height, since a long name wrapped reads better than a tiny
 * one. At the floor it is cut short with an ellipsis rather than
 * overflowing. */
static PangoLayout *
fit_name (PangoContext *context,
          const char   *text,
          double        width,
          double        height,
          double        start,
          double        wrap_below,
          double        floor_size)
{
  double size = MAX (start, floor_size);
  PangoLayout *layout = create_layout (context, text, size, TRUE);

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

          pango_layout_set_height (layout, -1);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          layout_get_size (layout, NULL, &line_h);
          if (2 * line_h <= height)
            pango_layout_set_height (layout, -2);
          break;
        }

      size = MAX (floor_size, size * 0.95);
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
           double        floor_size)
{
  double size = MAX (start, floor_size);
  PangoLayout *layout = create_layout (context, text, size, FALSE);

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

static double
layout_font_size (PangoLayout *layout)
{
  const PangoFontDescription *font = pango_layout_get_font_description (layout);

  return pango_font_description_get_size (font) / (double) PANGO_SCALE;
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
  double name_size, name_h, gap, tag_h;

  g_clear_object (&geometry->name_layout);
  g_clear_object (&geometry->tagline_layout);
  geometry->name_x = 0;
  geometry->tagline_x = 0;

  /* Once a common size is chosen (name_max), a name that does not fit it
   * on one line wraps at once instead of shrinking below its peers. */
  geometry->name_layout = fit_name (self->pango, title, box->width, box->height, start,
                                    name_max < G_MAXDOUBLE ? start : 0.8 * start, LABEL_FLOOR);
  geometry->name_x = balance_lines (geometry->name_layout);
  name_size = layout_font_size (geometry->name_layout);
  layout_get_size (geometry->name_layout, NULL, &name_h);
  gap = 0.08 * name_size;
  *name_used = name_size;
  *tagline_used = 0;

  if (geometry->stage->tagline != NULL && name_h + gap < box->height)
    {
      double size = MAX (LABEL_FLOOR, MIN (0.6 * name_size, tagline_max));
      double room = box->height - name_h - gap;
      g_autoptr(PangoLayout) tagline = create_layout (self->pango, geometry->stage->tagline,
                                                      size, FALSE);

      pango_layout_set_width (tagline, (int) (box->width * PANGO_SCALE));
      pango_layout_set_wrap (tagline, PANGO_WRAP_WORD);
      pango_layout_set_ellipsize (tagline, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (tagline, PANGO_ALIGN_CENTER);

      /* Prefer the tagline whole on at most two lines at the largest size;
       * a clipped tagline tells less than none, so it goes when it cannot. */
      for (;;)
        {
          gboolean fits = FALSE;

          for (int lines = 2; lines >= 1 && !fits; lines--)
            {
              pango_layout_set_height (tagline, -lines);
              layout_get_size (tagline, NULL, &tag_h);
              fits = tag_h <= room && !pango_layout_is_ellipsized (tagline);
            }
          if (fits)
            {
              *tagline_used = size;
              geometry->tagline_x = balance_lines (tagline);
              geometry->tagline_layout = g_steal_pointer (&tagline);
              break;
            }
          if (size <= LABEL_FLOOR)
            break;
          size = MAX (LABEL_FLOOR, size * 0.93);
          set_layout_size (tagline, size);
        }
    }
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
      layout_get_size (geometry->tagline_layout, NULL, &tag_h);
      tallest = MAX (tallest, tag_h);
    }

  for (guint i = 0; i < self->stages->len; i++)
    {
      StageGeometry *geometry = &g_array_index (self->stages, StageGeometry, i);
      const cairo_rectangle_t *box = &geometry->label;
      double name_h, gap, block;

      if (geometry->name_layout == NULL)
        continue;
      layout_get_size (geometry->name_layout, NULL, &name_h);
      gap = 0.08 * layout_font_size (geometry->name_layout);
      block = tallest > 0 ? MIN (box->height, name_h + gap + tallest) : name_h;
      geometry->name_y = box->y + (box->height - block) / 2;
      geometry->tagline_y = geometry->name_y + name_h + gap;
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
  text->layout = fit_block (self->pango, value, w, h, MIN (0.42 * h, 28.0), LABEL_FLOOR);
  text->x = balance_lines (text->layout);
  layout_get_size (text->layout, NULL, &text_h);
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

/* Fitting the labels tries size after size, and every size of a font is
 * a font to find and load: a few milliseconds per diagram. A thread of
 * its own, with its own context (PangoCairo's default font map is one per
 * thread), does it while the window is still being laid out; it touches
 * only the labels, which nothing else reads until ensure_labels(). The
 * layouts stay in the thread's context: drawn from this thread after the
 * join, they are only read. */
static gpointer
fit_labels_thread (gpointer data)
{
  KoersDiagramRenderer *self = data;

  self->replaced_pango = self->pango;
  self->pango = create_pango_context (TRUE);
  fit_labels (self);
  return NULL;
}

static void
join_labels_thread (KoersDiagramRenderer *self)
{
  if (self->labels_thread == NULL)
    return;
  g_thread_join (g_steal_pointer (&self->labels_thread));
  g_clear_object (&self->replaced_pango);
}

static void
ensure_labels (KoersDiagramRenderer *self)
{
  join_labels_thread (self);
  if (!self->labels_ready)
    fit_labels (self);
}

static gboolean
is_dark (const KoersDiagramStyle *style)
{
  return koers_palette_for (&style->render) == koers_palette_get (TRUE);
}

static double
base_size (double width,
           double height)
{
  /* On a portrait page the width limits the slide-like proportions. */
  return MIN (height, width * 9.0 / 16.0);
}

static void
compute_fit (KoersDiagramRenderer    *self,
             double                   width,
             double                   height,
             const KoersDiagramStyle *style,
             Fit                     *fit)
{
  double margin = 0.04 * MIN (width, height);
  double top = margin;
  double bottom = margin;
  double avail_w, avail_h;

  memset (fit, 0, sizeof *fit);
  fit->margin = margin;

  if (style->title != NULL)
    {
      double base = base_size (width, height);

      fit->title_size = MAX (14.0, 0.046 * base);
      fit->subtitle_size = style->subtitle != NULL ? MAX (12.0, 0.026 * base) : 0;
      fit->credit_size = MAX (10.0, 0.016 * base);
      top = margin + fit->title_size * 1.25 + fit->subtitle_size * 1.3 + 0.5 * margin;
      bottom = MAX (margin, fit->credit_size * 1.3 + margin * 0.8);
    }

  avail_w = MAX (1.0, width - 2 * margin);
  avail_h = MAX (1.0, height - top - bottom);
  fit->scale = MIN (avail_w / self->art_width, avail_h / self->art_height);
  fit->width = self->art_width * fit->scale;
  fit->height = self->art_height * fit->scale;
  fit->x = (width - fit->width) / 2;
  fit->y = top + (avail_h - fit->height) / 2;
}

static void
fit_rect (const Fit               *fit,
          const cairo_rectangle_t *art,
          cairo_rectangle_t       *rect)
{
  rect->x = fit->x + art->x * fit->scale;
  rect->y = fit->y + art->y * fit->scale;
  rect->width = art->width * fit->scale;
  rect->height = art->height * fit->scale;
}

static RsvgRectangle
fit_viewport (const Fit *fit)
{
  return (RsvgRectangle) { fit->x, fit->y, fit->width, fit->height };
}

static StageGeometry *
find_geometry (KoersDiagramRenderer *self,
               const char           *stage_id)
{
  if (stage_id == NULL)
    return NULL;
  for (guint i = 0; i < self->stages->len; i++)
    {
      StageGeometry *geometry = &g_array_index (self->stages, StageGeometry, i);

      if (g_strcmp0 (geometry->stage->id, stage_id) == 0)
        return geometry;
    }
  return NULL;
}

static gboolean
rect_contains (const cairo_rectangle_t *rect,
               double                   x,
               double                   y)
{
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

/* Markers */

static double
pill_font_size (double size)
{
  /* 11 px at least, down to 10 px for the smallest markers of a phone. */
  return MAX (MIN (11.0, 0.5 * size), 0.36 * size);
}

static void
measure_pill (PangoLayout *layout,
              double       font_size,
              double      *pill_w,
              double      *pill_h)
{
  double w, h;

  layout_get_size (layout, &w, &h);
  *pill_w = w + 1.1 * font_size;
  *pill_h = h + 0.3 * font_size;
}

static double
pill_gap (double size)
{
  return 0.12 * size;
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_now_shape (cairo_t            *cr,
                const KoersPalette *palette,
                double              cx,
                double              cy,
                double              size)
{
  double r = size / 2;
  double rim = MAX (1.5, 0.09 * size);

  /* A soft drop shadow lifts the marker off the art without a blur. */
  cairo_arc (cr, cx, cy + 0.05 * size, r, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.22);
  cairo_fill (cr);

  /* The rim in the page colour keeps the disc apart from any zone fill. */
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  koers_set_source_color (cr, &palette->page);
  cairo_fill (cr);

  cairo_arc (cr, cx, cy, r - rim, 0, 2 * G_PI);
  koers_set_source_color (cr, &palette->now);
  cairo_fill (cr);

  cairo_arc (cr, cx, cy, 0.17 * size, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
}

static void
flag_path (cairo_t *cr,
           double   cx,
           double   cy,
           double   size)
{
  double pole_x = cx - 0.24 * size;
  double top = cy - 0.42 * size;
  double bottom = cy + 0.42 * size;
  double flag_w = 0.66 * size;
  double flag_h = 0.46 * size;

  /* Pole */
  cairo_move_to (cr, pole_x, bottom);
  cairo_line_to (cr, pole_x, top);

  /* A swallow-tailed pennant, waving a little. */
  cairo_move_to (cr, pole_x, top);
  cairo_curve_to (cr,
                  pole_x + flag_w * 0.35, top - flag_h * 0.12,
                  pole_x + flag_w * 0.65, top + flag_h * 0.12,
                  pole_x + flag_w, top);
  cairo_line_to (cr, pole_x + flag_w * 0.78, top + flag_h * 0.5);
  cairo_line_to (cr, pole_x + flag_w, top + flag_h);
  cairo_curve_to (cr,
                  pole_x + flag_w * 0.65, top + flag_h * 1.12,
                  pole_x + flag_w * 0.35, top + flag_h * 0.88,
                  pole_x, top + flag_h);
  cairo_close_path (cr);
}

static void
draw_goal_shape (cairo_t            *cr,
                 const KoersPalette *palette,
                 double              cx,
                 double              cy,
                 double              size)
{
  double pole = MAX (2.0, 0.1 * size);
  double rim = MAX (1.5, 0.09 * size);
  double pole_x = cx - 0.24 * size;
  double bottom = cy + 0.42 * size;

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  cairo_save (cr);
  cairo_translate (cr, 0, 0.05 * size);
  flag_path (cr, cx, cy, size);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.22);
  cairo_set_line_width (cr, pole + 2 * rim);
  cairo_stroke_preserve (cr);
  cairo_fill (cr);
  cairo_restore (cr);

  /* Halo in the page colour, then the flag itself. */
  flag_path (cr, cx, cy, size);
  koers_set_source_color (cr, &palette->page);
  cairo_set_line_width (cr, pole + 2 * rim);
  cairo_stroke_preserve (cr);
  cairo_fill (cr);

  /* The foot the pole stands on. */
  cairo_save (cr);
  cairo_translate (cr, pole_x, bottom);
  cairo_scale (cr, 1, 0.4);
  cairo_arc (cr, 0, 0, 0.2 * size + rim, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_fill (cr);

  koers_set_source_color (cr, &palette->goal);
  flag_path (cr, cx, cy, size);
  cairo_set_line_width (cr, pole);
  cairo_stroke_preserve (cr);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, pole_x, bottom);
  cairo_scale (cr, 1, 0.4);
  cairo_arc (cr, 0, 0, 0.2 * size, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_fill (cr);
}

/* Draws the shape centred on (@cx, @cy) and its label pill to its right,
 * or below it when two markers share a stage. */
static void
draw_marker (cairo_t            *cr,
             KoersMarker         marker,
             const KoersPalette *palette,
             double              cx,
             double              cy,
             double              size,
             PangoLayout        *label,
             gboolean            pill_below,
             gboolean            faded)
{
  const KoersColor *color = marker == KOERS_MARKER_CURRENT ? &palette->now : &palette->goal;
  double font_size = pill_font_size (size);
  double pill_w, pill_h, pill_x, pill_y, text_w, text_h;

  measure_pill (label, font_size, &pill_w, &pill_h);
  if (pill_below)
    {
      pill_x = cx - pill_w / 2;
      pill_y = cy + size / 2 + pill_gap (size);
    }
  else
    {
      pill_x = cx + size / 2 + pill_gap (size);
      pill_y = cy - pill_h / 2;
    }

  cairo_save (cr);
  if (faded)
    {
      /* The group is as large as the clip: without one, fading a marker
       * composited the whole viewport, 7 ms a frame at 1920×1080. The
       * box holds the shape, its shadow and halo, and the pill, in whole
       * units so that the clip needs no mask of its own. */
      double margin = 0.3 * size + 4;
      double x0 = floor (MIN (cx - size / 2, pill_x) - margin);
      double y0 = floor (MIN (cy - size / 2, pill_y) - margin);
      double x1 = ceil (MAX (cx + size / 2, pill_x + pill_w) + margin);
      double y1 = ceil (MAX (cy + size / 2, pill_y + pill_h) + margin);

      cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
      cairo_clip (cr);
      cairo_push_group (cr);
    }

  if (marker == KOERS_MARKER_CURRENT)
    draw_now_shape (cr, palette, cx, cy, size);
  else
    draw_goal_shape (cr, palette, cx, cy, size);

  rounded_rect (cr, pill_x - 1.5, pill_y - 1.5, pill_w + 3, pill_h + 3, (pill_h + 3) / 2);
  koers_set_source_color (cr, &palette->page);
  cairo_fill (cr);
  rounded_rect (cr, pill_x, pill_y, pill_w, pill_h, pill_h / 2);
  koers_set_source_color (cr, color);
  cairo_fill (cr);

  /* Page-coloured words on the marker colour: white on the light palette's
   * deep blue and orange, near-black on the dark palette's light ones. */
  layout_get_size (label, &text_w, &text_h);
  koers_set_source_color (cr, &palette->page);
  cairo_move_to (cr, pill_x + (pill_w - text_w) / 2, pill_y + (pill_h - text_h) / 2);
  pango_cairo_show_layout (cr, label);

  if (faded)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, FADED_ALPHA);
    }
  cairo_restore (cr);
}

static PangoLayout *
create_marker_layout (PangoContext *context,
                      KoersMarker   marker,
                      double        size)
{
  return create_layout (context, koers_marker_get_label (marker), pill_font_size (size), TRUE);
}

static PangoLayout *
get_marker_layout (KoersDiagramRenderer *self,
                   KoersMarker           marker,
                   double                size)
{
  double font_size = pill_font_size (size);

  if (font_size != self->marker_font_size)
    {
      g_clear_object (&self->marker_layouts[0]);
      g_clear_object (&self->marker_layouts[1]);
      self->marker_font_size = font_size;
    }
  if (self->marker_layouts[marker] == NULL)
    self->marker_layouts[marker] = create_marker_layout (self->ui_pango, marker, size);
  return self->marker_layouts[marker];
}

static double
marker_size (const Fit *fit)
{
  /* 5% of the art's height, and 28 px at least, so that a marker reads
   * and can be grabbed. On a phone that minimum covered whole stages: for
   * art shorter than 400 px it comes down with the art, to 20 px (still a
   * finger's width with its label) at 200 px and below. */
  double small = CLAMP ((fit->height - MARKER_SMALL_ART) / (MARKER_LARGE_ART - MARKER_SMALL_ART), 0.0, 1.0);
  double minimum = MARKER_SMALL_MIN + small * (MARKER_MIN - MARKER_SMALL_MIN);

  return MAX (minimum, 0.05 * fit->height);
}

static void
stage_anchor (const Fit           *fit,
              const StageGeometry *geometry,
              double              *x,
              double              *y)
{
  cairo_rectangle_t rect;

  fit_rect (fit, geometry->has_anchor ? &geometry->anchor : &geometry->zone, &rect);
  *x = rect.x + rect.width / 2;
  *y = rect.y + rect.height / 2;
}

/* Where both markers stand, each centred on its stage's anchor. A marker
 * alone carries its label beside it, as wide as an anchor box and no
 * taller than its shape. Two on one stage stand side by side, Now on the
 * left as on a reading line, their labels below them, so that the pair
 * stays about as narrow as one marker with its label beside it. */
static void
place_markers (KoersDiagramRenderer    *self,
               const Fit               *fit,
               const KoersDiagramStyle *style,
               MarkerPlace              places[2])
{
  const char *stage_ids[2] = { style->current, style->target };
  gboolean shared = stage_ids[0] != NULL && g_strcmp0 (stage_ids[0], stage_ids[1]) == 0;
  double size = marker_size (fit);
  double font_size = pill_font_size (size);
  double gap = pill_gap (size);
  double widths[2], heights[2];

  for (guint m = 0; m < 2; m++)
    {
      MarkerPlace *place = &places[m];

      memset (place, 0, sizeof *place);
      place->size = size;
      place->pill_below = shared;
      measure_pill (get_marker_layout (self, m, size), font_size, &place->pill_w, &place->pill_h);
      widths[m] = shared ? MAX (size, place->pill_w) : size + gap + place->pill_w;
      heights[m] = shared ? size + gap + place->pill_h : size;
    }

  for (guint m = 0; m < 2; m++)
    {
      MarkerPlace *place = &places[m];
      StageGeometry *geometry = find_geometry (self, stage_ids[m]);
      double ax, ay;

      if (geometry == NULL)
        continue;

      stage_anchor (fit, geometry, &ax, &ay);
      place->placed = TRUE;
      place->rect.width = widths[m];
      place->rect.height = heights[m];
      place->rect.y = ay - heights[m] / 2;

      if (shared)
        {
          double row = widths[0] + 0.2 * size + widths[1];

          place->rect.x = m == KOERS_MARKER_CURRENT ? ax - row / 2 : ax + row / 2 - widths[1];
          place->cx = place->rect.x + widths[m] / 2;
        }
      else
        {
          place->rect.x = ax - widths[m] / 2;
          place->cx = place->rect.x + size / 2;
        }
      place->cy = place->rect.y + size / 2;
    }

  /* Anchors sit near the edges of some zones; keep the markers on their
   * stage where there is room, moving a pair as one. */
  for (guint m = 0; m < 2; m++)
    {
      StageGeometry *geometry = find_geometry (self, stage_ids[m]);
      cairo_rectangle_t zone, group = places[m].rect;
      double inset = 0.12 * size;
      double dx = 0, dy = 0;

      if (!places[m].placed || (shared && m == KOERS_MARKER_TARGET))
        continue;
      if (shared)
        group.width = places[KOERS_MARKER_TARGET].rect.x + places[KOERS_MARKER_TARGET].rect.width
                      - group.x;

      fit_rect (fit, &geometry->zone, &zone);
      if (group.width <= zone.width - 2 * inset)
        dx = CLAMP (group.x, zone.x + inset, zone.x + zone.width - inset - group.width) - group.x;
      if (group.height <= zone.height - 2 * inset)
        dy = CLAMP (group.y, zone.y + inset, zone.y + zone.height - inset - group.height) - group.y;

      for (guint n = 0; n < 2; n++)
        {
          if (n != m && !shared)
            continue;
          places[n].rect.x += dx;
          places[n].rect.y += dy;
          places[n].cx += dx;
          places[n].cy += dy;
        }
    }
}

/* Construction */

static gboolean
get_box (RsvgHandle              *handle,
         const char              *id,
         double                   art_width,
         double                   art_height,
         cairo_rectangle_t       *rect,
         GError                 **error)
{
  g_autofree char *layer = g_strconcat ("#", id, NULL);
  RsvgRectangle viewport = { 0, 0, art_width, art_height };
  RsvgRectangle ink, logical;

  if (!rsvg_handle_has_sub (handle, layer))
    return FALSE;
  if (!rsvg_handle_get_geometry_for_layer (handle, layer, &viewport, &ink, &logical, error))
    return FALSE;

  /* Invisible boxes have no ink: their logical box is the one drawn. */
  if (ink.width <= 0 || ink.height <= 0)
    ink = logical;
  rect->x = ink.x;
  rect->y = ink.y;
  rect->width = ink.width;
  rect->height = ink.height;
  return rect->width > 0 && rect->height > 0;
}

/* Every handle is made here, and every one draws without the group of
 * class "koers-standalone": the English words that make the art look
 * finished when the file is opened on its own. Koers writes translated,
 * fitted labels into the boxes itself, so drawing those words too would
 * double them. @stylesheet, when given, follows the rule in one sheet, so
 * that no handle escapes it, whatever else it is given. */
static RsvgHandle *
load_handle (const char  *filename,
             GBytes      *data,
             GBytes      *stylesheet,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) css = NULL;
  RsvgHandle *handle;

  handle = rsvg_handle_new_from_data (g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                      &local_error);
  if (handle == NULL)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX,
                   "%s: %s", filename, local_error->message);
      return NULL;
    }

  /* A user stylesheet loses to the art's own <style> unless important. */
  css = g_string_new (".koers-standalone { display: none !important; }\n");
  if (stylesheet != NULL)
    g_string_append_len (css, g_bytes_get_data (stylesheet, NULL), g_bytes_get_size (stylesheet));
  if (!rsvg_handle_set_stylesheet (handle, (const guint8 *) css->str, css->len, &local_error))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX,
                   "%s: %s", stylesheet != NULL ? "theme-dark.css" : filename,
                   local_error->message);
      g_object_unref (handle);
      return NULL;
    }
  return handle;
}

static void
read_art_size (KoersDiagramRenderer *self)
{
  gboolean has_width, has_height, has_viewbox;
  RsvgLength width, height;
  RsvgRectangle viewbox;
  double w, h;

  /* Geometry is asked for in SVG units, so the viewport is the view box. */
  rsvg_handle_get_intrinsic_dimensions (self->handle, &has_width, &width,
                                        &has_height, &height, &has_viewbox, &viewbox);
  if (has_viewbox && viewbox.width > 0 && viewbox.height > 0)
    {
      self->art_width = viewbox.width;
      self->art_height = viewbox.height;
    }
  else if (rsvg_handle_get_intrinsic_size_in_pixels (self->handle, &w, &h) && w > 0 && h > 0)
    {
      self->art_width = w;
      self->art_height = h;
    }
  else
    {
      self->art_width = DEFAULT_ART_WIDTH;
      self->art_height = DEFAULT_ART_HEIGHT;
    }
}

static gboolean
read_geometry (KoersDiagramRenderer  *self,
               GError               **error)
{
  g_auto(GStrv) keys = NULL;
  guint n_stages = koers_model_get_n_stages (self->model);

  for (guint i = 0; i < n_stages; i++)
    {
      StageGeometry geometry = { 0 };
      g_autofree char *label_id = NULL;
      g_autofree char *anchor_id = NULL;
      g_autoptr(GError) local_error = NULL;

      geometry.stage = koers_model_get_stage (self->model, i);
      geometry.layer = g_strconcat ("#", geometry.stage->id, NULL);

      if (!get_box (self->handle, geometry.stage->id, self->art_width, self->art_height,
                    &geometry.zone, &local_error))
        {
          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_MISSING,
                       _("%s: there is no drop zone with the id “%s” for the stage “%s”%s%s"),
                       self->filename, geometry.stage->id, geometry.stage->name,
                       local_error != NULL ? ": " : "",
                       local_error != NULL ? local_error->message : "");
          stage_geometry_clear (&geometry);
          return FALSE;
        }

      label_id = g_strconcat ("label-", geometry.stage->id, NULL);
      anchor_id = g_strconcat ("anchor-", geometry.stage->id, NULL);
      geometry.has_label = get_box (self->handle, label_id, self->art_width, self->art_height,
                                    &geometry.label, NULL);
      geometry.has_anchor = get_box (self->handle, anchor_id, self->art_width, self->art_height,
                                     &geometry.anchor, NULL);
      g_array_append_val (self->stages, geometry);
    }

  keys = koers_model_dup_label_keys (self->model);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      TextBox text = { 0 };
      g_autofree char *text_id = g_strconcat ("text-", keys[i], NULL);

      if (!get_box (self->handle, text_id, self->art_width, self->art_height, &text.box, NULL))
        {
          g_debug ("%s has no box for the label “%s”", self->filename, keys[i]);
          continue;
        }
      text.key = g_strdup (keys[i]);
      g_array_append_val (self->texts, text);
    }

  return TRUE;
}

/* The dark theme's handle is a second parse of the whole SVG: most
 * sessions never draw dark, so it is made when first needed. Without its
 * stylesheet, or with a broken one, the diagram draws in its light colours. */
static RsvgHandle *
get_handle (KoersDiagramRenderer    *self,
            const KoersDiagramStyle *style)
{
  if (!is_dark (style))
    return self->handle;

  if (self->dark_handle == NULL)
    {
      g_autoptr(GBytes) dark_css = NULL;
      g_autoptr(GError) error = NULL;

      dark_css = g_resources_lookup_data (RESOURCE_PREFIX "/diagrams/theme-dark.css",
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (dark_css != NULL)
        self->dark_handle = load_handle (self->filename, self->data, dark_css, &error);
      if (self->dark_handle == NULL)
        {
          if (error != NULL)
            g_warning ("Cannot draw %s dark: %s", self->filename, error->message);
          self->dark_handle = g_object_ref (self->handle);
        }
    }
  return self->dark_handle;
}

/* The selected stage is outlined along its real edge: a handle whose
 * stylesheet turns every zone into a bare stroke gives that edge as a mask. */
static RsvgHandle *
ensure_outline_handle (KoersDiagramRenderer *self)
{
  if (self->outline_handle == NULL)
    {
      g_autoptr(GString) css = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < self->stages->len; i++)
        {
          const StageGeometry *geometry = &g_array_index (self->stages, StageGeometry, i);

          /* Attribute selectors: stage ids may start with a digit. */
          g_string_append_printf (css, "%s[id=\"%s\"], [id=\"%s\"] *",
                                  i > 0 ? ", " : "", geometry->stage->id, geometry->stage->id);
        }
      /* User stylesheets lose to the art's own classes unless important. */
      g_string_append_printf (css,
                              " { fill: none !important; stroke: #000 !important;"
                              " stroke-opacity: 1 !important; opacity: 1 !important;"
                              " stroke-dasharray: none !important;"
                              " stroke-width: %gpx !important; }",
                              OUTLINE_WIDTH);

      {
        g_autoptr(GBytes) stylesheet = g_string_free_to_bytes (g_steal_pointer (&css));

        self->outline_handle = load_handle (self->filename, self->data, stylesheet, &error);
      }
      if (self->outline_handle == NULL)
        g_warning ("Cannot outline the stages of %s: %s", self->filename, error->message);
    }
  return self->outline_handle;
}

static void
koers_diagram_renderer_finalize (GObject *object)
{
  KoersDiagramRenderer *self = (KoersDiagramRenderer *) object;

  join_labels_thread (self);
  g_clear_pointer (&self->stages, g_array_unref);
  g_clear_pointer (&self->texts, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->art); i++)
    g_clear_pointer (&self->art[i].surface, cairo_surface_destroy);
  g_clear_object (&self->marker_layouts[0]);
  g_clear_object (&self->marker_layouts[1]);
  g_clear_pointer (&self->runs, g_array_unref);
  g_clear_object (&self->pango);
  g_clear_object (&self->ui_pango);
  g_clear_object (&self->device_pango);
  g_clear_object (&self->handle);
  g_clear_object (&self->dark_handle);
  g_clear_object (&self->outline_handle);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_object (&self->model);
  g_clear_pointer (&self->filename, g_free);

  G_OBJECT_CLASS (koers_diagram_renderer_parent_class)->finalize (object);
}

static void
koers_diagram_renderer_class_init (KoersDiagramRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koers_diagram_renderer_finalize;
}

static void
koers_diagram_renderer_init (KoersDiagramRenderer *self)
{
  self->stages = g_array_new (FALSE, TRUE, sizeof (StageGeometry));
  g_array_set_clear_func (self->stages, (GDestroyNotify) stage_geometry_clear);
  self->texts = g_array_new (FALSE, TRUE, sizeof (TextBox));
  g_array_set_clear_func (self->texts, (GDestroyNotify) text_box_clear);
  self->pango = create_pango_context (TRUE);
  self->ui_pango = create_pango_context (FALSE);
  self->device_pango = create_pango_context (FALSE);
  self->runs = g_array_new (FALSE, TRUE, sizeof (LabelRun));
  g_array_set_clear_func (self->runs, (GDestroyNotify) label_run_clear);
  self->marker_font_size = -1;
  self->mask_key[0] = -1;
  self->runs_scale = -1;
}

/* Drawing */

/* Raster targets get the art from a cache; vector targets (PDF, SVG, and
 * GTK's recording surfaces) get it drawn afresh so that it stays vector. */
static gboolean
get_raster_scale (cairo_t *cr,
                  double  *device_scale)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_matrix_t matrix;
  double sx, sy;

  switch ((int) cairo_surface_get_type (target))
    {
    case CAIRO_SURFACE_TYPE_IMAGE:
    case CAIRO_SURFACE_TYPE_XLIB:
    case CAIRO_SURFACE_TYPE_XCB:
    case CAIRO_SURFACE_TYPE_WIN32:
    case CAIRO_SURFACE_TYPE_QUARTZ_IMAGE:
      break;
    default:
      return FALSE;
    }

  /* Only a uniform scale maps cached pixels one to one onto the target. */
  cairo_get_matrix (cr, &matrix);
  if (fabs (matrix.xy) > 1e-9 || fabs (matrix.yx) > 1e-9 ||
      matrix.xx <= 0 || fabs (matrix.xx - matrix.yy) > 1e-9)
    return FALSE;

  /* cairo's matrix leaves out the surface's own scale (HiDPI). */
  cairo_surface_get_device_scale (target, &sx, &sy);
  if (fabs (sx - sy) > 1e-9)
    return FALSE;

  *device_scale = matrix.xx * sx;
  return TRUE;
}

static void
render_art (RsvgHandle              *handle,
            cairo_t                 *cr,
            const Fit               *fit,
            double                   width,
            double                   height,
            const KoersDiagramStyle *style)
{
  g_autoptr(GError) error = NULL;
  RsvgRectangle viewport = fit_viewport (fit);

  koers_paint_background (cr, &style->render, width, height);
  if (!rsvg_handle_render_document (handle, cr, &viewport, &error))
    g_warning ("Cannot draw the diagram: %s", error->message);
}

static void
paint_cached_art (KoersDiagramRenderer    *self,
                  cairo_t                 *cr,
                  RsvgHandle              *handle,
                  const Fit               *fit,
                  double                   width,
                  double                   height,
                  double                   device_scale,
                  const KoersDiagramStyle *style)
{
  gboolean dark = is_dark (style);
  int key_w = (int) round (width * 64);
  int key_h = (int) round (height * 64);
  ArtCache *entry = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (self->art); i++)
    {
      ArtCache *candidate = &self->art[i];

      if (candidate->surface != NULL &&
          candidate->width == key_w && candidate->height == key_h &&
          candidate->device_scale == device_scale &&
          candidate->dark == dark &&
          candidate->background == style->render.background &&
          candidate->fit_x == fit->x && candidate->fit_y == fit->y &&
          candidate->fit_scale == fit->scale)
        {
          entry = candidate;
          break;
        }
    }

  if (entry == NULL)
    {
      int pixel_w = (int) ceil (width * device_scale);
      int pixel_h = (int) ceil (height * device_scale);
      cairo_format_t format;
      cairo_t *cache_cr;

      if ((gint64) pixel_w * pixel_h > MAX_CACHE_PIXELS || pixel_w <= 0 || pixel_h <= 0)
        {
          render_art (handle, cr, fit, width, height, style);
          return;
        }

      /* Replace the entry used least recently. */
      entry = &self->art[0];
      for (guint i = 1; i < G_N_ELEMENTS (self->art); i++)
        if (self->art[i].used < entry->used)
          entry = &self->art[i];
      g_clear_pointer (&entry->surface, cairo_surface_destroy);

      /* An opaque page needs no alpha, and painting it is a plain copy. */
      format = style->render.background == KOERS_BACKGROUND_TRANSPARENT
               ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;
      entry->surface = cairo_image_surface_create (format, pixel_w, pixel_h);
      cairo_surface_set_device_scale (entry->surface, device_scale, device_scale);
      cache_cr = cairo_create (entry->surface);
      render_art (handle, cache_cr, fit, width, height, style);
      cairo_destroy (cache_cr);

      entry->width = key_w;
      entry->height = key_h;
      entry->device_scale = device_scale;
      entry->dark = dark;
      entry->background = style->render.background;
      entry->fit_x = fit->x;
      entry->fit_y = fit->y;
      entry->fit_scale = fit->scale;
    }

  entry->used = g_get_monotonic_time ();

  cairo_save (cr);
  cairo_set_source_surface (cr, entry->surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* Pushes the zone's own pixels as a group: its alpha is the stage's shape. */
static cairo_pattern_t *
render_zone_group (RsvgHandle          *handle,
                   cairo_t             *cr,
                   const Fit           *fit,
                   const StageGeometry *geometry)
{
  g_autoptr(GError) error = NULL;
  RsvgRectangle viewport = fit_viewport (fit);

  cairo_push_group_with_content (cr, CAIRO_CONTENT_ALPHA);
  if (!rsvg_handle_render_layer (handle, cr, geometry->layer, &viewport, &error))
    g_warning ("Cannot draw the stage %s: %s", geometry->stage->id, error->message);
  return cairo_pop_group (cr);
}

static gboolean
surface_is_empty (cairo_surface_t *surface)
{
  const guchar *data;
  int stride, w, h;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (data[y * stride + x] != 0)
        return FALSE;
  return TRUE;
}

static void
build_mask (RsvgHandle          *handle,
            const Fit           *fit,
            double               device_scale,
            const StageGeometry *geometry,
            double               grow,
            Mask                *mask)
{
  g_autoptr(GError) error = NULL;
  RsvgRectangle viewport = fit_viewport (fit);
  cairo_rectangle_t rect;
  double x0, y0, x1, y1;
  cairo_t *cr;

  fit_rect (fit, &geometry->zone, &rect);
  /* Whole device pixels, so the mask lands on the pixel grid. */
  x0 = floor ((rect.x - grow) * device_scale);
  y0 = floor ((rect.y - grow) * device_scale);
  x1 = ceil ((rect.x + rect.width + grow) * device_scale);
  y1 = ceil ((rect.y + rect.height + grow) * device_scale);

  mask->surface = cairo_image_surface_create (CAIRO_FORMAT_A8,
                                              MAX (1, (int) (x1 - x0)),
                                              MAX (1, (int) (y1 - y0)));
  cairo_surface_set_device_scale (mask->surface, device_scale, device_scale);
  mask->x = x0 / device_scale;
  mask->y = y0 / device_scale;

  cr = cairo_create (mask->surface);
  cairo_translate (cr, -mask->x, -mask->y);
  if (!rsvg_handle_render_layer (handle, cr, geometry->layer, &viewport, &error))
    g_warning ("Cannot draw the stage %s: %s", geometry->stage->id, error->message);
  cairo_destroy (cr);

  /* A zone drawn without paint (an invisible hit area) still lights up:
   * as its box, then. */
  if (surface_is_empty (mask->surface))
    {
      cr = cairo_create (mask->surface);
      cairo_translate (cr, -mask->x, -mask->y);
      rounded_rect (cr, rect.x, rect.y, rect.width, rect.height, 8);
      cairo_fill (cr);
      cairo_destroy (cr);
    }
}

static const Mask *
get_mask (KoersDiagramRenderer *self,
          const Fit            *fit,
          double                device_scale,
          StageGeometry        *geometry,
          gboolean              outline)
{
  Mask *mask = outline ? &geometry->outline_mask : &geometry->fill_mask;
  RsvgHandle *handle = outline ? ensure_outline_handle (self) : self->handle;
  double key[4] = { device_scale, fit->x, fit->y, fit->scale };

  if (handle == NULL)
    return NULL;

  if (memcmp (key, self->mask_key, sizeof key) != 0)
    {
      for (guint i = 0; i < self->stages->len; i++)
        {
          StageGeometry *other = &g_array_index (self->stages, StageGeometry, i);

          mask_clear (&other->fill_mask);
          mask_clear (&other->outline_mask);
        }
      memcpy (self->mask_key, key, sizeof key);
    }

  if (mask->surface == NULL)
    build_mask (handle, fit, device_scale, geometry,
                outline ? OUTLINE_WIDTH * fit->scale : 0, mask);
  return mask;
}

static void
fill_zone (KoersDiagramRenderer *self,
           cairo_t              *cr,
           const Fit            *fit,
           gboolean              raster,
           double                device_scale,
           StageGeometry        *geometry,
           gboolean              outline,
           const KoersColor     *color,
           double                alpha)
{
  cairo_save (cr);
  if (raster)
    {
      const Mask *mask = get_mask (self, fit, device_scale, geometry, outline);

      if (mask != NULL)
        {
          cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
          cairo_mask_surface (cr, mask->surface, mask->x, mask->y);
        }
    }
  else
    {
      RsvgHandle *handle = outline ? ensure_outline_handle (self) : self->handle;

      if (handle != NULL)
        {
          cairo_pattern_t *shape;
          cairo_rectangle_t rect;
          double grow = (outline ? OUTLINE_WIDTH * fit->scale : 0) + 2;

          /* The group is as large as the clip: the zone's box, not the
           * whole viewport (which cost a canvas frame 3 ms at 1920×1080).
           * Whole units, so that the clip needs no mask of its own. */
          fit_rect (fit, &geometry->zone, &rect);
          cairo_rectangle (cr, floor (rect.x - grow), floor (rect.y - grow),
                           ceil (rect.x + rect.width + grow) - floor (rect.x - grow),
                           ceil (rect.y + rect.height + grow) - floor (rect.y - grow));
          cairo_clip (cr);
          shape = render_zone_group (handle, cr, fit, geometry);

          cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
          cairo_mask (cr, shape);
          cairo_pattern_destroy (shape);
        }
    }
  cairo_restore (cr);
}

static void
draw_focus_ring (cairo_t             *cr,
                 const Fit           *fit,
                 const KoersPalette  *palette,
                 const StageGeometry *geometry)
{
  cairo_rectangle_t rect;
  double inset = -4.5;

  fit_rect (fit, &geometry->zone, &rect);
  cairo_save (cr);
  rounded_rect (cr, rect.x + inset, rect.y + inset,
                rect.width - 2 * inset, rect.height - 2 * inset, 10);
  /* A page-coloured rim under the ring keeps it visible on any fill. */
  koers_set_source_color (cr, &palette->page);
  cairo_set_line_width (cr, 5);
  cairo_stroke_preserve (cr);
  koers_set_source_color (cr, &palette->focus);
  cairo_set_line_width (cr, 3);
  cairo_stroke (cr);
  cairo_restore (cr);
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
      layout_get_size (run.layout, &width, NULL);
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
      koers_set_source_color (cr, run->muted ? &palette->ink_muted : &palette->ink);
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, run->layout);
      cairo_restore (cr);
    }
}

static void
draw_labels (KoersDiagramRenderer *self,
             cairo_t              *cr,
             const Fit            *fit,
             gboolean              raster,
             double                device_scale,
             const KoersPalette   *palette)
{
  ensure_labels (self);

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
          koers_set_source_color (cr, &palette->ink_muted);
          cairo_move_to (cr, geometry->label.x + geometry->tagline_x, geometry->tagline_y);
          pango_cairo_show_layout (cr, geometry->tagline_layout);
        }
    }

  koers_set_source_color (cr, &palette->ink_muted);
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

static void
draw_title_band (KoersDiagramRenderer    *self,
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

  title = create_layout (self->ui_pango, style->title, fit->title_size, TRUE);
  pango_layout_set_width (title, (int) (line_width * PANGO_SCALE));
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  koers_set_source_color (cr, &palette->ink);
  cairo_move_to (cr, fit->margin, y);
  pango_cairo_show_layout (cr, title);
  y += fit->title_size * 1.25;

  if (style->subtitle != NULL)
    {
      g_autoptr(PangoLayout) subtitle = NULL;

      subtitle = create_layout (self->ui_pango, style->subtitle, fit->subtitle_size, FALSE);
      pango_layout_set_width (subtitle, (int) (line_width * PANGO_SCALE));
      pango_layout_set_ellipsize (subtitle, PANGO_ELLIPSIZE_END);
      koers_set_source_color (cr, &palette->ink_muted);
      cairo_move_to (cr, fit->margin, y);
      pango_cairo_show_layout (cr, subtitle);
    }

  /* The app's name, not translated: it is a name. */
  credit = create_layout (self->ui_pango, "Koers", fit->credit_size, TRUE);
  layout_get_size (credit, &w, &h);
  koers_set_source_color (cr, &palette->ink_muted);
  cairo_move_to (cr, width - fit->margin - w, height - 0.5 * fit->margin - h);
  pango_cairo_show_layout (cr, credit);

  cairo_restore (cr);
}

/* Public API */

/**
 * koers_diagram_style_init:
 * @style: the style to reset
 *
 * Sets @style to a plain diagram: theme background, light, no markers,
 * nothing lit, no marker being dragged and no title band.
 */
void
koers_diagram_style_init (KoersDiagramStyle *style)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->hide_marker = -1;
}

/**
 * koers_diagram_renderer_new:
 * @model: the model whose diagram to draw
 * @error: a place for the error
 *
 * Loads the model's diagram and finds its drop zones, label boxes and
 * marker anchors.
 *
 * Returns: (transfer full): the renderer, or %NULL when the diagram is
 *   missing, broken, or lacks the zone of one of the model's stages
 */
KoersDiagramRenderer *
koers_diagram_renderer_new (KoersModel  *model,
                            GError     **error)
{
  g_autoptr(KoersDiagramRenderer) self = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (KOERS_IS_MODEL (model), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (KOERS_TYPE_DIAGRAM_RENDERER, NULL);
  self->model = g_object_ref (model);
  self->filename = g_strdup (koers_model_get_diagram (model));

  path = g_strconcat (RESOURCE_PREFIX "/diagrams/", self->filename, NULL);
  data = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (data == NULL)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_MISSING,
                   _("%s: the diagram of the model “%s” is not part of Koers"),
                   self->filename, koers_model_get_name (model));
      return NULL;
    }

  self->handle = load_handle (self->filename, data, NULL, error);
  if (self->handle == NULL)
    return NULL;
  self->data = g_steal_pointer (&data);

  read_art_size (self);
  if (!read_geometry (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * koers_diagram_renderer_get_model:
 * @self: a #KoersDiagramRenderer
 *
 * Returns: (transfer none): the model drawn
 */
KoersModel *
koers_diagram_renderer_get_model (KoersDiagramRenderer *self)
{
  g_return_val_if_fail (KOERS_IS_DIAGRAM_RENDERER (self), NULL);
  return self->model;
}

/**
 * koers_diagram_renderer_draw:
 * @self: a #KoersDiagramRenderer
 * @cr: where to draw
 * @width: viewport width, in @cr's user units
 * @height: viewport height
 * @style: what to draw on the art
 *
 * Draws the background, the art fitted to the viewport, the lit, selected
 * and focused stages, the stage names and the markers. On a raster target
 * the art comes from a cache, so that redrawing the canvas is cheap; on a
 * vector target (PDF, SVG) it is drawn as vectors.
 */
void
koers_diagram_renderer_draw (KoersDiagramRenderer    *self,
                             cairo_t                 *cr,
                             double                   width,
                             double                   height,
                             const KoersDiagramStyle *style)
{
  const KoersPalette *palette;
  RsvgHandle *handle;
  StageGeometry *geometry;
  MarkerPlace places[2];
  double device_scale = 1;
  gboolean raster;
  Fit fit;

  g_return_if_fail (KOERS_IS_DIAGRAM_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  if (width <= 0 || height <= 0)
    return;

  compute_fit (self, width, height, style, &fit);
  palette = koers_palette_for (&style->render);
  handle = get_handle (self, style);
  raster = get_raster_scale (cr, &device_scale);

  cairo_save (cr);

  if (raster)
    paint_cached_art (self, cr, handle, &fit, width, height, device_scale, style);
  else
    render_art (handle, cr, &fit, width, height, style);

  if ((geometry = find_geometry (self, style->selected)))
    {
      fill_zone (self, cr, &fit, raster, device_scale, geometry, FALSE, &palette->highlight, 0.45);
      fill_zone (self, cr, &fit, raster, device_scale, geometry, TRUE, &palette->focus, 0.8);
    }
  if ((geometry = find_geometry (self, style->highlight)))
    fill_zone (self, cr, &fit, raster, device_scale, geometry, FALSE, &palette->highlight, 1.0);
  if ((geometry = find_geometry (self, style->focus)))
    draw_focus_ring (cr, &fit, palette, geometry);

  draw_labels (self, cr, &fit, raster, device_scale, palette);

  if (style->title != NULL)
    draw_title_band (self, cr, &fit, width, height, palette, style);

  place_markers (self, &fit, style, places);
  /* Now last: where the organisation stands is the point of the picture. */
  for (int m = KOERS_MARKER_TARGET; m >= KOERS_MARKER_CURRENT; m--)
    {
      if (!places[m].placed)
        continue;
      draw_marker (cr, m, palette, places[m].cx, places[m].cy, places[m].size,
                   get_marker_layout (self, m, places[m].size),
                   places[m].pill_below, style->hide_marker == m);
    }

  cairo_restore (cr);
}

/**
 * koers_diagram_renderer_stage_at:
 * @self: a #KoersDiagramRenderer
 * @width: viewport width, as given to koers_diagram_renderer_draw()
 * @height: viewport height
 * @style: the style drawn with
 * @x: a point in the viewport
 * @y: a point in the viewport
 *
 * Finds the stage whose drop zone lies under a point.
 *
 * Returns: (nullable): the stage id, or %NULL outside every zone
 */
const char *
koers_diagram_renderer_stage_at (KoersDiagramRenderer    *self,
                                 double                   width,
                                 double                   height,
                                 const KoersDiagramStyle *style,
                                 double                   x,
                                 double                   y)
{
  Fit fit;

  g_return_val_if_fail (KOERS_IS_DIAGRAM_RENDERER (self), NULL);
  g_return_val_if_fail (style != NULL, NULL);

  compute_fit (self, width, height, style, &fit);
  for (guint i = 0; i < self->stages->len; i++)
    {
      const StageGeometry *geometry = &g_array_index (self->stages, StageGeometry, i);
      cairo_rectangle_t rect;

      fit_rect (&fit, &geometry->zone, &rect);
      if (rect_contains (&rect, x, y))
        return geometry->stage->id;
    }
  return NULL;
}

/**
 * koers_diagram_renderer_get_stage_rect:
 * @self: a #KoersDiagramRenderer
 * @width: viewport width, as given to koers_diagram_renderer_draw()
 * @height: viewport height
 * @style: the style drawn with
 * @stage_id: a stage of the model
 * @rect: (out): the box around the stage's zone, in the viewport
 *
 * Returns: %TRUE if the model has that stage
 */
gboolean
koers_diagram_renderer_get_stage_rect (KoersDiagramRenderer    *self,
                                       double                   width,
                                       double                   height,
                                       const KoersDiagramStyle *style,
                                       const char              *stage_id,
                                       cairo_rectangle_t       *rect)
{
  const StageGeometry *geometry;
  Fit fit;

  g_return_val_if_fail (KOERS_IS_DIAGRAM_RENDERER (self), FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  geometry = find_geometry (self, stage_id);
  if (geometry == NULL)
    return FALSE;

  compute_fit (self, width, height, style, &fit);
  fit_rect (&fit, &geometry->zone, rect);
  return TRUE;
}

/**
 * koers_diagram_renderer_get_marker_rect:
 * @self: a #KoersDiagramRenderer
 * @width: viewport width, as given to koers_diagram_renderer_draw()
 * @height: viewport height
 * @style: the style drawn with; its current and target say where markers are
 * @marker: which marker
 * @rect: (out): the box around the marker and its label, in the viewport
 *
 * Returns: %TRUE if @marker stands on a stage
 */
gboolean
koers_diagram_renderer_get_marker_rect (KoersDiagramRenderer    *self,
                                        double                   width,
                                        double                   height,
                                        const KoersDiagramStyle *style,
                                        KoersMarker              marker,
                                        cairo_rectangle_t       *rect)
{
  MarkerPlace places[2];
  Fit fit;

  g_return_val_if_fail (KOERS_IS_DIAGRAM_RENDERER (self), FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (marker == KOERS_MARKER_CURRENT || marker == KOERS_MARKER_TARGET, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  compute_fit (self, width, height, style, &fit);
  place_markers (self, &fit, style, places);
  if (!places[marker].placed)
    return FALSE;
  *rect = places[marker].rect;
  return TRUE;
}

/**
 * koers_diagram_renderer_marker_at:
 * @self: a #KoersDiagramRenderer
 * @width: viewport width, as given to koers_diagram_renderer_draw()
 * @height: viewport height
 * @style: the style drawn with
 * @x: a point in the viewport
 * @y: a point in the viewport
 * @found: (out): whether a marker is under the point
 *
 * Finds the marker under a point, to start dragging it. Where markers
 * overlap, the one drawn on top wins.
 *
 * Returns: the marker under the point; only meaningful when @found
 */
KoersMarker
koers_diagram_renderer_marker_at (KoersDiagramRenderer    *self,
                                  double                   width,
                                  double                   height,
                                  const KoersDiagramStyle *style,
                                  double                   x,
                                  double                   y,
                                  gboolean                *found)
{
  MarkerPlace places[2];
  Fit fit;

  g_return_val_if_fail (found != NULL, KOERS_MARKER_CURRENT);
  *found = FALSE;
  g_return_val_if_fail (KOERS_IS_DIAGRAM_RENDERER (self), KOERS_MARKER_CURRENT);
  g_return_val_if_fail (style != NULL, KOERS_MARKER_CURRENT);

  compute_fit (self, width, height, style, &fit);
  place_markers (self, &fit, style, places);
  for (int m = KOERS_MARKER_CURRENT; m <= KOERS_MARKER_TARGET; m++)
    {
      if (places[m].placed && rect_contains (&places[m].rect, x, y))
        {
          *found = TRUE;
          return m;
        }
    }
  return KOERS_MARKER_CURRENT;
}

/**
 * koers_render_marker:
 * @cr: where to draw
 * @marker: which marker
 * @cx: centre of the marker's shape
 * @cy: centre of the marker's shape
 * @size: width and height of the shape
 * @dark: whether to use the dark palette
 * @faded: draw it faded, as while it is being dragged
 *
 * Draws one marker as it stands on a diagram: the Now disc or the Goal
 * flag, with its label in a pill to the right of the shape. For the canvas' tray and
 * drag icon, so that they look exactly like the markers on the art.
 */
void
koers_render_marker (cairo_t     *cr,
                     KoersMarker  marker,
                     double       cx,
                     double       cy,
                     double       size,
                     gboolean     dark,
                     gboolean     faded)
{
  static PangoContext *context;
  g_autoptr(PangoLayout) label = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (marker == KOERS_MARKER_CURRENT || marker == KOERS_MARKER_TARGET);

  /* The canvas draws its tray with this on every frame: one context for
   * all of them, like the font map it comes from (the UI's thread only). */
  if (context == NULL)
    context = create_pango_context (FALSE);
  label = create_marker_layout (context, marker, size);
  draw_marker (cr, marker, koers_palette_get (dark), cx, cy, size, label, FALSE, faded);
}

/**
 * koers_diagram_renderer_prepare:
 * @self: a #KoersDiagramRenderer
 *
 * Starts laying out the diagram's labels in a thread, so that the first
 * draw does not have to: for a renderer made some time before it is first
 * drawn, such as the canvas's while its window is being built. Every
 * function of @self may still be called meanwhile; a draw waits for the
 * labels if they are not ready yet.
 */
void
koers_diagram_renderer_prepare (KoersDiagramRenderer *self)
{
  g_return_if_fail (KOERS_IS_DIAGRAM_RENDERER (self));

  if (self->labels_ready || self->labels_thread != NULL)
    return;
  self->labels_thread = g_thread_try_new ("koers-labels", fit_labels_thread, self, NULL);
}

