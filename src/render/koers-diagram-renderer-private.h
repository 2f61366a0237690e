/* koers-diagram-renderer-private.h: what the units of the diagram renderer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderer is one type over several files, each with one job: the
 * art, its loading and its raster cache (koers-diagram-art.c); the
 * stages' zones, their fills and outlines (koers-diagram-zones.c); the
 * Now and Goal markers (koers-diagram-markers.c); the marks beside them,
 * the ghost Now, the last round's Now and the others
 * (koers-diagram-extras.c); the stage labels and
 * their fitting, and the title band (koers-diagram-labels.c); and the
 * type itself, which fits the art to the page and draws the layers in
 * order (koers-diagram-renderer.c).
 */
#pragma once

#include <librsvg/rsvg.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "koers-diagram-renderer.h"
#include "koers-error.h"

G_BEGIN_DECLS

/* Side of a cell of the zones' coverage grid, in SVG units. */
#define ZONE_GRID 8.0

/* The smallest size of a stage's words in SVG units, whatever the scale:
 * art drawn at 1600 wide keeps them at 12 px at least, since smaller does
 * not read from across a meeting table. */
#define LABEL_FLOOR 12.0

/* Width of the outline of the selected stage, in SVG units. */
#define OUTLINE_WIDTH 6.0

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
  /* Where the name and the tagline ended up, in SVG units: what markers
   * keep clear of. Zero width when there is none. */
  cairo_rectangle_t  name_rect;
  cairo_rectangle_t  tagline_rect;

  /* Which cells of a coarse grid over the art the zone covers, for
   * finding a free spot for a marker inside it (ZONE_GRID units a cell). */
  guint8            *cells;

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

/* What a fit of the labels depended on: the smallest sizes it tried for
 * the names and for the other words, and whether a floor stopped it. */
typedef struct {
  double   name_low;
  double   text_low;
  gboolean floored;
} FitTrack;

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
  double view_width, view_height;    /* the whole viewport */
  /* The title band of an export. */
  double title_size;
  double title_extra;                /* the lines of a long title below its first */
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

typedef struct {
  KoersDiagramMarkKind kind;
  guint             index;
  double            size;
  double            cx, cy;
  double            pill_x, pill_y, pill_w, pill_h;
  cairo_rectangle_t rect;
  PangoLayout      *label;
} ExtraPlace;

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
  /* The smallest sizes the labels were fitted with, in SVG units: they
   * follow the scale the art is drawn at, so that words keep a size
   * that reads on screen (see _koers_diagram_ensure_labels()). */
  double        name_floor;
  double        tagline_floor;
  gboolean      taglines_may_hide;
  FitTrack      fitted;
  guint         label_fits;          /* fits made here: tests */
  int           grid_cols;
  int           grid_rows;
  GArray       *runs;                /* LabelRun */
  double        runs_scale;          /* SVG unit → device pixels they were made for */

  ArtCache      art[2];
  double        mask_key[4];         /* device scale, fit x, y, scale */

  /* Where the markers stood for the last few layouts and placements:
   * finding a free spot is done once, not on every frame of a drag. */
  GHashTable   *placements;          /* key string → MarkerPlace[2] */

  /* The extra marks of the last style drawn, and what it was. */
  char         *extras_key;
  GArray       *extras;              /* ExtraPlace */

  PangoLayout  *marker_layouts[2];
  double        marker_font_size;
};

static inline gboolean
is_dark (const KoersDiagramStyle *style)
{
  return koers_palette_for (&style->render) == koers_palette_get (TRUE);
}

static inline gboolean
rect_contains (const cairo_rectangle_t *rect,
               double                   x,
               double                   y)
{
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

/* koers-diagram-renderer.c */
void
_koers_diagram_stage_geometry_clear (StageGeometry *geometry);
void
_koers_diagram_fit_rect (const Fit               *fit,
                         const cairo_rectangle_t *art,
                         cairo_rectangle_t       *rect);
RsvgRectangle
_koers_diagram_fit_viewport (const Fit *fit);
StageGeometry *
_koers_diagram_find_geometry (KoersDiagramRenderer *self,
                              const char           *stage_id);

/* koers-diagram-art.c */
RsvgHandle *
_koers_diagram_load_handle (const char  *filename,
                            GBytes      *data,
                            GBytes      *stylesheet,
                            GError     **error);
RsvgHandle *
_koers_diagram_take_prefetched (const char  *filename);
gboolean
_koers_diagram_prefetch_pending (const char *filename);
void
_koers_diagram_read_art_size (KoersDiagramRenderer *self);
gboolean
_koers_diagram_read_geometry (KoersDiagramRenderer  *self,
                              GError               **error);
RsvgHandle *
_koers_diagram_get_handle (KoersDiagramRenderer    *self,
                           const KoersDiagramStyle *style);
RsvgHandle *
_koers_diagram_ensure_outline_handle (KoersDiagramRenderer *self);
gboolean
_koers_diagram_get_raster_scale (cairo_t *cr,
                                 double  *device_scale);
void
_koers_diagram_render_art (RsvgHandle              *handle,
                           cairo_t                 *cr,
                           const Fit               *fit,
                           double                   width,
                           double                   height,
                           const KoersDiagramStyle *style);
void
_koers_diagram_paint_cached_art (KoersDiagramRenderer    *self,
                                 cairo_t                 *cr,
                                 RsvgHandle              *handle,
                                 const Fit               *fit,
                                 double                   width,
                                 double                   height,
                                 double                   device_scale,
                                 const KoersDiagramStyle *style);

/* koers-diagram-zones.c */
void
_koers_diagram_mask_clear (Mask *mask);
void
_koers_diagram_fill_zone (KoersDiagramRenderer *self,
                          cairo_t              *cr,
                          const Fit            *fit,
                          gboolean              raster,
                          double                device_scale,
                          StageGeometry        *geometry,
                          gboolean              outline,
                          const KoersColor     *color,
                          double                alpha);
void
_koers_diagram_ensure_zone_cells (KoersDiagramRenderer *self);
gboolean
_koers_diagram_zone_covers (KoersDiagramRenderer    *self,
                            const StageGeometry     *geometry,
                            const Fit               *fit,
                            const cairo_rectangle_t *rect);
void
_koers_diagram_draw_focus_ring (cairo_t             *cr,
                                const Fit           *fit,
                                const KoersPalette  *palette,
                                const StageGeometry *geometry);

/* koers-diagram-markers.c */
void
_koers_diagram_rounded_rect (cairo_t *cr,
                             double   x,
                             double   y,
                             double   w,
                             double   h,
                             double   r);
void
_koers_diagram_draw_marker (cairo_t            *cr,
                            KoersMarker         marker,
                            const KoersPalette *palette,
                            double              cx,
                            double              cy,
                            double              size,
                            PangoLayout        *label,
                            gboolean            pill_below,
                            gboolean            faded);
PangoLayout *
_koers_diagram_get_marker_layout (KoersDiagramRenderer *self,
                                  KoersMarker           marker,
                                  double                size);
void
_koers_diagram_collect_label_rects (KoersDiagramRenderer *self,
                                    const Fit            *fit,
                                    double                pad,
                                    GArray               *obstacles);
void
_koers_diagram_find_spot (KoersDiagramRenderer *self,
                          const Fit            *fit,
                          const StageGeometry  *geometry,
                          double                width,
                          double                height,
                          GArray               *obstacles,
                          cairo_rectangle_t    *spot);
void
_koers_diagram_place_markers (KoersDiagramRenderer    *self,
                              const Fit               *fit,
                              const KoersDiagramStyle *style,
                              MarkerPlace              places[2]);

/* koers-diagram-extras.c */
GArray *
_koers_diagram_place_extras (KoersDiagramRenderer    *self,
                             const Fit               *fit,
                             const KoersDiagramStyle *style);
void
_koers_diagram_draw_extras (KoersDiagramRenderer    *self,
                            cairo_t                 *cr,
                            const Fit               *fit,
                            const KoersPalette      *palette,
                            const KoersDiagramStyle *style);

/* koers-diagram-labels.c */
void
_koers_diagram_text_box_clear (TextBox *text);
void
_koers_diagram_label_run_clear (LabelRun *run);
PangoContext *
_koers_diagram_create_pango_context (gboolean exact);
PangoLayout *
_koers_diagram_create_layout (PangoContext *context,
                              const char   *text,
                              double        size,
                              gboolean      bold);
void
_koers_diagram_layout_get_size (PangoLayout *layout,
                                double      *width,
                                double      *height);
double
_koers_diagram_layout_font_size (PangoLayout *layout);
void
_koers_diagram_ensure_labels (KoersDiagramRenderer *self,
                              const Fit            *fit);
/* How many times the labels were fitted: tests. */
guint
_koers_diagram_label_fits (KoersDiagramRenderer *self);
void
_koers_diagram_label_sizes (const Fit *fit,
                            double    *name_px,
                            double    *tagline_px,
                            gboolean  *may_hide);
void
_koers_diagram_draw_labels (KoersDiagramRenderer *self,
                            cairo_t              *cr,
                            const Fit            *fit,
                            gboolean              raster,
                            double                device_scale,
                            const KoersPalette   *palette);
PangoLayout *
_koers_diagram_title_layout (KoersDiagramRenderer *self,
                             const char           *title,
                             double                size,
                             double                width);
void
_koers_diagram_draw_title_band (KoersDiagramRenderer    *self,
                                cairo_t                 *cr,
                                const Fit               *fit,
                                double                   width,
                                double                   height,
                                const KoersPalette      *palette,
                                const KoersDiagramStyle *style);

G_END_DECLS
