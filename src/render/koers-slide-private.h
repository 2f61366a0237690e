/* koers-slide-private.h: what the units of the slide share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The slide is one type over several files, each with one job: measure
 * (koers-slide-measure.c, with its cache of text sizes in
 * koers-slide-text.c), the grid and the layout search
 * (koers-slide-layout.c), placing a page's cards (koers-slide-place.c),
 * arrow routing (koers-slide-route.c), the display list
 * (koers-slide-build.c), drawing (koers-slide-draw.c) and, for tests
 * only, the legibility check (koers-slide-check.c).
 *
 * The phases pass explicit data: the search gives PagePlans (and a
 * Config), placing a plan gives a Placement, routing a Placement gives
 * its Arrows and RouteFindings, and a Placement with its Arrows gives a
 * Page, the display list that drawing and the check read.
 */
#pragma once

#include <math.h>
#include <pango/pangocairo.h>

#include "koers-slide.h"

G_BEGIN_DECLS

#define MIN_FONT         16.0  /* at 1920×1080: legible from the back of a room */
#define MARGIN           40.0
#define ORG_FONT_MIN     34.0  /* a long name shrinks to this, then wraps */
#define LANE_FONT        17.0
#define BAND_GAP         22.0  /* between the top band, the grid and the strip */
#define LANE_GAP         10.0  /* between lanes */
#define CELL_PAD          8.0  /* from a lane's edge to its cards */
#define CARD_GAP          8.0  /* between cards above each other in a cell */
#define SUB_GAP          18.0  /* between cards side by side: room for an arrow */
#define CARD_PAD_X       12.0
#define CARD_PAD_Y       10.0
#define CHIP_PAD_X        8.0
#define CHIP_PAD_Y        2.5

typedef struct {
  double x, y, width, height;
} Rect;

typedef enum {
  OP_RECT,
  OP_TEXT,
  OP_ARROW,
  OP_CHECK,
  OP_LINE,
} OpKind;

typedef struct {
  OpKind       kind;
  Rect         rect;       /* OP_RECT, OP_CHECK */
  double       radius;
  KoersColor   fill;       /* alpha 0: not filled */
  KoersColor   stroke;     /* alpha 0: not stroked; OP_TEXT, OP_ARROW, OP_CHECK, OP_LINE: the colour */
  double       line_width;
  gboolean     dashed;
  PangoLayout *layout;     /* OP_TEXT, a reference */
  double       x, y;       /* OP_TEXT: the layout's origin */
  double       points[8];  /* OP_ARROW: from, two control points, to; OP_LINE: from, to */
  double       head;       /* OP_ARROW: length of the head */
  const KoersRoadmapItem *from, *to;  /* OP_ARROW between cards; NULL in the legend */
} Op;

typedef enum {
  BOX_TEXT,
  BOX_CHIP,
  BOX_CARD,
  BOX_CELL,
  BOX_HEADING,  /* a lane heading's bar: arrows keep clear of it */
} BoxKind;

/* What a text is, for the typographic hierarchy and for the size it
 * could have been given at the least (see _koers_slide_role_floor()). */
typedef enum {
  ROLE_OTHER,
  ROLE_TITLE,       /* the organisation's name */
  ROLE_PHASE,       /* a phase's heading */
  ROLE_CARD_TITLE,
  ROLE_META,        /* owner, due, status; dependencies */
  ROLE_CHIP,        /* a model's name on its colour */
  ROLE_CHECK,       /* a done card's check mark */
} Role;

/* What koers_slide_check() verifies: each box lies inside its container,
 * and texts and cards do not overlap others of their kind; texts are
 * whole, and cards show all their item has. */
typedef struct {
  BoxKind                 kind;
  Role                    role;
  Rect                    rect;
  Rect                    container;
  double                  font_px;  /* BOX_TEXT */
  PangoLayout            *layout;   /* BOX_TEXT, a reference */
  const KoersRoadmapItem *item;     /* the card it is, or is part of */
  char                   *what;
} Box;

typedef struct {
  GArray                 *ops;    /* Op */
  GArray                 *boxes;  /* Box */
  const KoersRoadmapItem *item;   /* the card being added, while it is */
} Page;

typedef struct {
  KoersModel *model;  /* NULL: the organisation */
  char       *name;
  KoersColor  color;
  KoersColor  on_color;  /* text on the colour */
} Lane;

typedef struct {
  const KoersRoadmapPhase *phase;
  gboolean                 is_org;  /* phase 0: one cell, the organisation's lane */
  GPtrArray              **cells;   /* per lane: const KoersRoadmapItem*; is_org: cells[0] only */
} Column;

/* One page of the plan: a group of consecutive columns, and which rows of
 * cards of each cell it shows. A row is @sub cards side by side. */
typedef struct {
  guint  first;        /* first column */
  guint  n;            /* columns */
  guint  vpage;        /* 0, or how many pages of this group came before */
  double font;         /* its card titles; 0: the layout's (see plan_group()) */
  guint *row_start;    /* [lane * n_columns + column] */
  guint *row_end;
} PagePlan;

/* A candidate layout. Each column holds its cards in one to three
 * sub-columns: the organisation's as @org_sub says; the phases' start
 * at one, and @widen times the phase column where another sub-column
 * lowers the lanes most gets one (see group_subs()). */
typedef struct {
  double font;         /* card titles */
  guint  per_page;     /* columns per page */
  guint  org_sub;
  guint  widen;
} Config;

typedef struct {
  gboolean valid;
  guint    pages;
  guint    avoidable;  /* words broken inside that fit at the smallest size */
  guint    broken;     /* words broken inside */
  guint    splits;
  double   font;
  guint    extra;      /* sub-columns beyond one a column */
} Score;

/* Where a group's columns stand on the page. */
typedef struct {
  guint    first, n;
  gboolean has_org;
  guint    n_model;      /* model columns */
  double   card_width;
  double   col_gap;      /* column_gap() at the layout's title size */
  double  *col_x;        /* per column of the group */
  double  *col_width;
  guint   *sub;          /* cards side by side */
  guint    headers_broken, headers_avoidable;
  double   lane_header_x;
  double   header_top, header_height;
  double   lanes_top, lanes_height;
} Geometry;

/* A measured card or heading: its height, and how many words Pango had
 * to break inside (and of those, how many would fit at the least size). */
typedef struct {
  double height;
  guint  broken;
  guint  avoidable;
} Measured;

struct _KoersSlide
{
  GObject             parent_instance;

  KoersProject       *project;
  KoersRoadmap       *roadmap;
  double              width, height;
  KoersRenderOptions  options;
  const KoersPalette *palette;
  char               *date;
  char               *organisation;

  double              unit;
  double              min_font;      /* the floor: 16 px at 1920×1080 */
  double              min_font_used; /* the smallest size the pages use */

  PangoContext       *context;
  GHashTable         *card_sizes;    /* CardKey → Measured, while laying out */
  GHashTable         *text_sizes;    /* size, weight, role, text → its samples (koers-slide-text.c) */
  GHashTable         *line_heights;  /* size, weight, first character → a line's height */

  GArray             *lanes;         /* Lane; lane 0 is the organisation */
  GPtrArray          *columns;       /* Column* */
  double              lane_header_width;
  gboolean            tight;  /* spacing at 85 %: see _koers_slide_choose_config() */
  double             *lane_min_height;  /* per lane: its heading's height */
  double              org_label_height;
  GHashTable         *header_heights;   /* HeaderKey → Measured, while laying out */
  double              word_inner;       /* a card's inside holds its longest word */
  GHashTable         *text_deps;        /* "to\x1ffrom": dependencies said on the card */
  GHashTable         *between_lanes;    /* always said on the card */
  double              band_height;
  double              strip_height;
  double              grid_top, grid_bottom;

  GPtrArray          *pages;         /* Page* */
};

static inline double
rect_right (const Rect *r)
{
  return r->x + r->width;
}

static inline double
rect_bottom (const Rect *r)
{
  return r->y + r->height;
}

static inline gboolean
rect_contains (const Rect *outer,
               const Rect *inner)
{
  /* A hundredth of a pixel for rounding in Pango units. */
  const double e = 0.01;

  return inner->x >= outer->x - e && inner->y >= outer->y - e &&
         rect_right (inner) <= rect_right (outer) + e &&
         rect_bottom (inner) <= rect_bottom (outer) + e;
}

static inline gboolean
rect_overlaps (const Rect *a,
               const Rect *b)
{
  const double e = 0.01;

  return a->x < rect_right (b) - e && b->x < rect_right (a) - e &&
         a->y < rect_bottom (b) - e && b->y < rect_bottom (a) - e;
}

static inline KoersColor
color_mix (const KoersColor *a,
           const KoersColor *b,
           double            t)
{
  KoersColor c = {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    a->alpha + (b->alpha - a->alpha) * t,
  };
  return c;
}

static inline KoersColor
color_alpha (const KoersColor *a,
             double            alpha)
{
  KoersColor c = *a;
  c.alpha = alpha;
  return c;
}

/* Relative luminance of an opaque colour, as WCAG 2.x defines it. */
static inline double
color_luminance (const KoersColor *c)
{
  double channel[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    channel[i] = channel[i] <= 0.04045 ? channel[i] / 12.92 : pow ((channel[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

/* WCAG 2.x contrast ratio of two opaque colours, from 1 to 21. */
static inline double
color_contrast (const KoersColor *a,
                const KoersColor *b)
{
  double la = color_luminance (a), lb = color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* WCAG AA for text of any size. */
#define MIN_CONTRAST 4.5

/* Whether the page is dark: the palette says, as a white background
 * always takes the light one. */
static inline gboolean
is_dark (KoersSlide *self)
{
  return self->palette == koers_palette_get (TRUE);
}

static inline double
u (KoersSlide *self,
   double      design)
{
  return design * self->unit;
}

typedef struct {
  PangoLayout *layout;
  double       width, height;
} Chip;

static inline const Lane *
lane_get (KoersSlide *self,
          guint       index)
{
  return &g_array_index (self->lanes, Lane, index);
}

static inline guint
n_lanes (KoersSlide *self)
{
  return self->lanes->len;
}

static inline Column *
column_get (KoersSlide *self,
            guint       index)
{
  return g_ptr_array_index (self->columns, index);
}

#define MAX_CHIPS 8

typedef struct {
  PangoLayout *title;
  PangoLayout *meta;
  PangoLayout *deps;       /* "after: …": the dependencies said, not drawn */
  Chip         chips[MAX_CHIPS];
  KoersColor   chip_colors[MAX_CHIPS];
  double       chip_x[MAX_CHIPS], chip_y[MAX_CHIPS];  /* from the chips' top left */
  guint        n_chips;
  double       chips_height;
  double       check_size;
  double       height;
} CardLayout;

typedef struct {
  const KoersRoadmapItem *item;
  Rect                    rect;
  Rect                    cell;
  guint                   column;
} Placed;

/* What an arrow must not cross: a card (other than its own two) or a
 * heading (item NULL). */
typedef struct {
  Rect                    rect;
  const KoersRoadmapItem *item;
} Obstacle;

/* The vertical stretch of an arrow through a gutter. */
typedef struct {
  double x, top, bottom;
} Stretch;

/* Where one page's cards stand: what placing a PagePlan gives
 * (koers-slide-place.c), and what routing and building the page read. */
typedef struct {
  const PagePlan *plan;
  Config          config;       /* the page's own title size */
  Geometry        geo;
  double         *lane_y;       /* per lane */
  double         *lane_h;       /* per lane; 0: not on this page */
  double          lanes_right;
  Rect            org_cell;     /* the organisation's column, where the page has it */
  Rect            grid;         /* where arrows may run */
  GArray         *placed;       /* Placed */
} Placement;

/* An arrow routed on a page (koers-slide-route.c), for the page to draw. */
typedef struct {
  double                  points[8];  /* from, two control points, to */
  const KoersRoadmapItem *from, *to;
} Arrow;

/* What building the pages of one round of layout found about the
 * dependencies, for the next round to act on (see layout_slide()). Keys
 * are _koers_slide_dep_key()s. */
typedef struct {
  GHashTable *unrouted;   /* drawn as arrows, but found no route */
  GHashTable *relaxable;  /* said on the card, but had a route */
} RouteFindings;

/* koers-slide.c */
Page *
_koers_slide_page_new (void);

/* A text as _koers_slide_make_layout() would lay it out at one width:
 * its size, its broken words, and the widths at which its lines stay the
 * same (see koers-slide-text.c). */
typedef struct {
  int     width;        /* the layout's width in Pango units; -1: one line */
  int     min_width;    /* the same lines down to this width: the widest line */
  int     max_width;    /* and up to this one: where a line could take a word more */
  double  height;
  double  logical_width;  /* predicted: within the kerning at a line's ends */
  guint   broken, avoidable;
  GArray *line_starts;  /* int: byte index of every line but the first */
  GArray *broken_widths;  /* double: each word broken inside, at its floor */
  double  cap;
} TextSample;

/* koers-slide-text.c */
GHashTable *
_koers_slide_text_sizes_new (void);
TextSample
_koers_slide_measure_text (KoersSlide  *self,
                           const char  *text,
                           double       size,
                           PangoWeight  weight,
                           double       width,
                           Role         role);
gboolean
_koers_slide_predict_text (KoersSlide  *self,
                           const char  *text,
                           double       size,
                           PangoWeight  weight,
                           double       width,
                           Role         role,
                           TextSample  *sample);
void
_koers_slide_text_sample_clear (TextSample *sample);

/* koers-slide-measure.c */
double
_koers_slide_layout_font_px (PangoLayout *layout);
PangoLayout *
_koers_slide_make_layout (KoersSlide     *self,
                          const char     *text,
                          double          size,
                          PangoWeight     weight,
                          double          width,
                          PangoAlignment  alignment,
                          gboolean        strikethrough);
void
_koers_slide_layout_logical (PangoLayout *layout,
                             Rect        *rect);
double
_koers_slide_layout_height (PangoLayout *layout);
double
_koers_slide_layout_width (PangoLayout *layout);
double
_koers_slide_phase_font (double title_font);
double
_koers_slide_role_floor (KoersSlide *self,
                         Role        role,
                         double      font_px);
double
_koers_slide_card_word_cap (KoersSlide *self,
                            Role        role);
guint
_koers_slide_layout_broken_words (KoersSlide   *self,
                                  PangoLayout  *layout,
                                  double        floor,
                                  double        cap,
                                  guint        *avoidable,
                                  char        **example,
                                  GArray       *widths);
void
_koers_slide_chip_init (KoersSlide *self,
                        Chip       *chip,
                        const char *text,
                        double      font,
                        double      max_width);
void
_koers_slide_card_layout_clear (CardLayout *card);
double
_koers_slide_meta_font (double title_font);
char *
_koers_slide_format_due (const char *due);
gboolean
_koers_slide_has_text (const char *text);
char *
_koers_slide_dep_key (const char *to,
                      const char *from);
gboolean
_koers_slide_dep_is_text (KoersSlide *self,
                          const char *to,
                          const char *from);
guint
_koers_slide_item_models (KoersSlide             *self,
                          const KoersRoadmapItem *item,
                          KoersModel            **models,
                          guint                   max);
double
_koers_slide_gap_scale (KoersSlide *self);
void
_koers_slide_card_layout_init (KoersSlide             *self,
                               CardLayout             *card,
                               const KoersRoadmapItem *item,
                               double                  width,
                               double                  font);
Measured
_koers_slide_measure_card (KoersSlide             *self,
                           const KoersRoadmapItem *item,
                           double                  width,
                           double                  font);
double
_koers_slide_phase_header_height (KoersSlide *self,
                                  Column     *column,
                                  double      width,
                                  double      title_font,
                                  Measured   *measured);
double
_koers_slide_measure_org_label (KoersSlide *self);
double
_koers_slide_measure_lane_label (KoersSlide *self,
                                    guint       lane);
void
_koers_slide_compute_lane_header_width (KoersSlide *self);
GHashTable *
_koers_slide_card_sizes_new (void);
void
_koers_slide_compute_word_inner (KoersSlide *self);

/* koers-slide-layout.c */
GHashTable *
_koers_slide_header_heights_new (void);
void
_koers_slide_collect_lanes_and_columns (KoersSlide *self);
void
_koers_slide_geometry_clear (Geometry *geo);
gboolean
_koers_slide_geometry_init (KoersSlide   *self,
                            Geometry     *geo,
                            guint         first,
                            guint         n,
                            const Config *config);
GArray *
_koers_slide_cell_rows (KoersSlide *self,
                        GPtrArray  *items,
                        double      card_width,
                        double      font,
                        guint       sub,
                        Measured   *words);
double
_koers_slide_rows_height (KoersSlide *self,
                          GArray     *rows,
                          guint       from,
                          guint       to);
PagePlan *
_koers_slide_page_plan_new (KoersSlide *self,
                            guint       first,
                            guint       n,
                            guint       vpage);
void
_koers_slide_page_plan_free (gpointer data);
Score
_koers_slide_evaluate (KoersSlide   *self,
                       const Config *config,
                       GPtrArray    *plans,
                       const Score  *bounds,
                       guint         n_bounds);
void
_koers_slide_choose_config (KoersSlide *self,
                            Config     *best);

/* koers-slide-place.c */
void
_koers_slide_placement_init (KoersSlide     *self,
                             Placement      *placement,
                             const PagePlan *plan,
                             const Config   *config);
void
_koers_slide_placement_clear (Placement *placement);

/* koers-slide-route.c */
GArray *
_koers_slide_route_page (KoersSlide      *self,
                         const Placement *placement,
                         RouteFindings   *findings);
gboolean
_koers_slide_curve_hits_rect (const double *p,
                              const Rect   *r);
gboolean
_koers_slide_route_arrow (KoersSlide   *self,
                          const Placed *from,
                          const Placed *to,
                          double        gutter_x,
                          GArray       *obstacles,
                          GArray       *stretches,
                          const Rect   *area,
                          double       *points);
void
_koers_slide_defer_to_text (RouteFindings *findings,
                            const char    *to,
                            const char    *from);
void
_koers_slide_initial_text_deps (KoersSlide *self);
void
_koers_slide_all_deps_text (KoersSlide *self);

/* koers-slide-build.c */
KoersColor
_koers_slide_legible_fill (const KoersColor *fill,
                           const KoersColor *ink);
char *
_koers_slide_phase_title (const KoersRoadmapPhase *phase);
char *
_koers_slide_phase_second_line (const KoersRoadmapPhase *phase,
                                gboolean                 continued);
double
_koers_slide_period_font (double title_font);
void
_koers_slide_phase_heading (KoersSlide               *self,
                            const KoersRoadmapPhase  *phase,
                            double                    width,
                            gboolean                  continued,
                            double                    title_font,
                            PangoLayout             **title,
                            PangoLayout             **second);
double
_koers_slide_build_band (KoersSlide *self,
                         Page       *page,
                         guint       page_number,
                         guint       n_pages);
double
_koers_slide_build_strip (KoersSlide *self,
                          Page       *page,
                          double      top);
Page *
_koers_slide_build_page (KoersSlide      *self,
                         const Placement *placement,
                         GArray          *arrows,
                         guint            page_number,
                         guint            n_pages);

G_END_DECLS
