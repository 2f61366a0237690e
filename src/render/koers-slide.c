/* koers-slide.c: the roadmap laid out as presentation slides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is computed, never hard-coded: every size is a design size
 * at 1920×1080 multiplied by the page's scale, and every text is measured
 * with Pango before anything is placed. The slide is built once into a
 * display list per page (rectangles, texts, arrows) together with the
 * boxes that koers_slide_check() verifies, so what is checked is exactly
 * what is drawn.
 *
 * The grid: phase 0 holds only the organisation's preparation, so its
 * column is the organisation's lane and spans the full height; the model
 * lanes run as rows to its right, one per model with items, through the
 * phase columns 1, 2, …. A search over card font size, phase columns per
 * page and cards side by side per cell picks the layout with the fewest
 * pages, then the fewest words broken inside, then the fewest lanes
 * split over pages, then the largest text. Where one page cannot hold it,
 * the phases continue on further pages (and lanes too tall for a page
 * continue below, marked "(continued)").
 *
 * Nothing is shortened: every text wraps at word boundaries and its box
 * grows to hold it. A word is broken inside only where it cannot fit its
 * box even at the smallest size the layout may give it; cards are made
 * wide enough for the longest word any card holds.
 *
 * Dependencies: an arrow within a lane where it runs from card to card
 * without crossing another card or a heading (between neighbours, mostly);
 * otherwise the dependent card says "after: <title>". A slide read from
 * the back of a room cannot be followed along long lines through a grid
 * of cards, and a dependency on another page has no line to draw at all.
 * Whether an arrow finds a route depends on where the cards stand, and
 * the words change the cards' sizes: the layout is made again until both
 * agree (see layout_slide()).
 */
#define G_LOG_DOMAIN "koers-slide"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "koers-slide.h"

/* Design sizes in px at 1920×1080; multiplied by the page's unit. The
 * gaps between columns and lanes and the cards' padding are a little
 * tighter where that saves a page (see gap_scale()). */
#define FONT_FAMILY      "Cantarell, DejaVu Sans"
#define MIN_FONT         14.0
#define MARGIN           40.0
#define ORG_FONT         40.0
#define ORG_FONT_MIN     34.0  /* a long name shrinks to this, then wraps */
#define SUBTITLE_FONT    22.0
#define DATE_FONT        22.0
#define PAGE_LABEL_FONT  18.0
#define PHASE_FONT       20.0  /* at least; and above the card titles */
#define PERIOD_FONT      16.0
#define LANE_FONT        17.0
#define STRIP_FONT       16.0
#define LEGEND_FONT      15.0
#define CREDIT_FONT      14.0
#define BAND_GAP         22.0  /* between the top band, the grid and the strip */
#define COLUMN_GAP       18.0  /* between phase columns: room for arrow heads */
#define ORG_GAP          28.0  /* between the organisation's column and the lanes */
#define LANE_GAP         10.0  /* between lanes */
#define CELL_PAD          8.0  /* from a lane's edge to its cards */
#define CARD_GAP          8.0  /* between cards above each other in a cell */
#define SUB_GAP          18.0  /* between cards side by side: room for an arrow */
#define CARD_PAD_X       12.0
#define CARD_PAD_Y       10.0
#define CARD_RADIUS       8.0
#define CHIP_PAD_X        8.0
#define CHIP_PAD_Y        2.5
#define LANE_HEADER_MAX 260.0  /* the lane headings' column at most */

/* The card title sizes the layout may use, largest first: a short
 * roadmap is read from further away than a long one needs to be. The
 * smallest stays above the owner line's 14 px, the largest below the
 * phase headings (see phase_font()). */
static const double title_fonts[] = { 26, 24, 22, 20, 19, 18, 17, 16, 15 };
#define TITLE_FONT_MIN   15.0

/* Green 5 and green 4 of the GNOME palette: the check mark of a done
 * card, white on green on either page. */
static const KoersColor done_light = { 0x26 / 255.0, 0xa2 / 255.0, 0x69 / 255.0, 1 };
static const KoersColor done_dark = { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0, 1 };

/* The organisation's lane: Dark 3 and Dark 1 of the GNOME palette, grey
 * like the models' colours are saturated, with white text on both. */
static const KoersColor org_light = { 0x5e / 255.0, 0x5c / 255.0, 0x64 / 255.0, 1 };
static const KoersColor org_dark = { 0x77 / 255.0, 0x76 / 255.0, 0x7b / 255.0, 1 };

G_DEFINE_QUARK (koers-slide-error-quark, koers_slide_error)

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
 * could have been given at the least (see role_floor()). */
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
  double              min_font;      /* the floor: 14 px at 1920×1080 */
  double              min_font_used; /* the smallest size the pages use */

  PangoContext       *context;
  GHashTable         *card_sizes;    /* "item width font" → Measured, while laying out */

  GArray             *lanes;         /* Lane; lane 0 is the organisation */
  GPtrArray          *columns;       /* Column* */
  double              lane_header_width;
  gboolean            tight;  /* spacing at 85 %: see choose_config() */
  double             *lane_min_height;  /* per lane: its heading's height */
  double              org_label_height;
  GHashTable         *header_heights;   /* "column width font" → Measured */
  double              word_inner;       /* a card's inside holds its longest word */
  GHashTable         *text_deps;        /* "to\x1ffrom": dependencies said on the card */
  GHashTable         *new_text_deps;    /* those the last build found no route for */
  GHashTable         *relaxable;        /* said on the card, but the last build had a route */
  GHashTable         *between_lanes;    /* always said on the card */
  double              band_height;
  double              strip_height;
  double              grid_top, grid_bottom;

  GPtrArray          *pages;         /* Page* */
};

G_DEFINE_FINAL_TYPE (KoersSlide, koers_slide, G_TYPE_OBJECT)

/* --- small helpers ------------------------------------------------------ */

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

static gboolean
rect_contains (const Rect *outer,
               const Rect *inner)
{
  /* A hundredth of a pixel for rounding in Pango units. */
  const double e = 0.01;

  return inner->x >= outer->x - e && inner->y >= outer->y - e &&
         rect_right (inner) <= rect_right (outer) + e &&
         rect_bottom (inner) <= rect_bottom (outer) + e;
}

static gboolean
rect_overlaps (const Rect *a,
               const Rect *b)
{
  const double e = 0.01;

  return a->x < rect_right (b) - e && b->x < rect_right (a) - e &&
         a->y < rect_bottom (b) - e && b->y < rect_bottom (a) - e;
}

static KoersColor
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

static KoersColor
color_alpha (const KoersColor *a,
             double            alpha)
{
  KoersColor c = *a;
  c.alpha = alpha;
  return c;
}

static void
op_clear (gpointer data)
{
  Op *op = data;
  g_clear_object (&op->layout);
}

static void
box_clear (gpointer data)
{
  Box *box = data;
  g_clear_pointer (&box->what, g_free);
  g_clear_object (&box->layout);
}

static Page *
page_new (void)
{
  Page *page = g_new0 (Page, 1);

  page->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (page->ops, op_clear);
  page->boxes = g_array_new (FALSE, TRUE, sizeof (Box));
  g_array_set_clear_func (page->boxes, box_clear);
  return page;
}

static void
page_free (Page *page)
{
  g_array_unref (page->ops);
  g_array_unref (page->boxes);
  g_free (page);
}

static void
column_free (gpointer data)
{
  Column *column = data;

  /* The cells themselves are freed by the slide, which knows their number. */
  g_free (column->cells);
  g_free (column);
}

static void
lane_clear (gpointer data)
{
  Lane *lane = data;
  g_clear_pointer (&lane->name, g_free);
}

/* Records a box; one added while a card is built belongs to its item. */
static Box *
add_box (Page       *page,
         BoxKind     kind,
         Role        role,
         const Rect *rect,
         const Rect *container,
         const char *what)
{
  Box box = { 0 };

  box.kind = kind;
  box.role = role;
  box.rect = *rect;
  box.container = *container;
  box.item = page->item;
  box.what = g_strdup (what);
  g_array_append_val (page->boxes, box);
  return &g_array_index (page->boxes, Box, page->boxes->len - 1);
}

static void
add_rect (Page             *page,
          const Rect       *rect,
          double            radius,
          const KoersColor *fill,
          const KoersColor *stroke,
          double            line_width,
          gboolean          dashed)
{
  Op op = { 0 };

  op.kind = OP_RECT;
  op.rect = *rect;
  op.radius = radius;
  if (fill)
    op.fill = *fill;
  if (stroke)
    op.stroke = *stroke;
  op.line_width = line_width;
  op.dashed = dashed;
  g_array_append_val (page->ops, op);
}

static void
add_line (Page             *page,
          double            x_from,
          double            y_from,
          double            x_to,
          double            y_to,
          const KoersColor *color,
          double            line_width)
{
  Op op = { 0 };

  op.kind = OP_LINE;
  op.points[0] = x_from;
  op.points[1] = y_from;
  op.points[2] = x_to;
  op.points[3] = y_to;
  op.stroke = *color;
  op.line_width = line_width;
  g_array_append_val (page->ops, op);
}

/* --- text --------------------------------------------------------------- */

static double
layout_font_px (PangoLayout *layout)
{
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);

  return pango_font_description_get_size (desc) / (double) PANGO_SCALE;
}

/* Width ≤ 0: one line, as wide as the text. Otherwise wrapped at word
 * boundaries, inside a word only when the word alone is wider than the
 * line. Never shortened: the caller makes room for every line. */
static PangoLayout *
make_layout (KoersSlide     *self,
             const char     *text,
             double          size,
             PangoWeight     weight,
             double          width,
             PangoAlignment  alignment,
             gboolean        strikethrough)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);

  /* Pango keeps sizes in whole 1/1024ths: round up, never below the floor. */
  pango_font_description_set_absolute_size (desc, ceil (size * PANGO_SCALE));
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
      /* Pango breaks inside a word only when it does not fit a line of
       * its own; whether it could have at a smaller size is up to the
       * layout (see layout_broken_words()). */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);

  if (strikethrough)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static void
layout_logical (PangoLayout *layout,
                Rect        *rect)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  rect->x = logical.x / (double) PANGO_SCALE;
  rect->y = logical.y / (double) PANGO_SCALE;
  rect->width = logical.width / (double) PANGO_SCALE;
  rect->height = logical.height / (double) PANGO_SCALE;
}

static double
layout_height (PangoLayout *layout)
{
  Rect r;
  layout_logical (layout, &r);
  return r.height;
}

static double
layout_width (PangoLayout *layout)
{
  Rect r;
  layout_logical (layout, &r);
  return r.width;
}

/* Places @layout with its origin at x, y; records its box. */
static void
add_text (KoersSlide       *self,
          Page             *page,
          PangoLayout      *layout,
          double            x,
          double            y,
          const KoersColor *color,
          const Rect       *container,
          Role              role,
          const char       *what)
{
  Op op = { 0 };
  Rect box;
  Box *added;
  double font_px = layout_font_px (layout);

  op.kind = OP_TEXT;
  op.layout = g_object_ref (layout);
  op.x = x;
  op.y = y;
  op.stroke = *color;
  g_array_append_val (page->ops, op);

  layout_logical (layout, &box);
  box.x += x;
  box.y += y;
  added = add_box (page, BOX_TEXT, role, &box, container, what);
  added->font_px = font_px;
  added->layout = g_object_ref (layout);
  self->min_font_used = MIN (self->min_font_used, font_px);
}

/* Whether the page is dark: the palette says, as a white background
 * always takes the light one. */
static gboolean
is_dark (KoersSlide *self)
{
  return self->palette == koers_palette_get (TRUE);
}

static double
u (KoersSlide *self,
   double      design)
{
  return design * self->unit;
}

/* Phase headings stand above the card titles at every title size. */
static double
phase_font (double title_font)
{
  return MAX (PHASE_FONT, title_font + 4);
}

/* The smallest size the layout could have given a text of @role: a word
 * broken inside is acceptable only when it does not fit even at that. */
static double
role_floor (KoersSlide *self,
            Role        role,
            double      font_px)
{
  switch (role)
    {
    case ROLE_TITLE:
      return MIN (font_px, u (self, ORG_FONT_MIN));
    case ROLE_PHASE:
      return MIN (font_px, u (self, PHASE_FONT));
    case ROLE_CARD_TITLE:
      return MIN (font_px, u (self, TITLE_FONT_MIN));
    case ROLE_META:
    case ROLE_CHIP:
      return MIN (font_px, self->min_font);
    case ROLE_OTHER:
    case ROLE_CHECK:
    default:
      return font_px;
    }
}

/* The width of @text on one line, set like @like but at @size. */
static double
text_width_at (KoersSlide  *self,
               PangoLayout *like,
               const char  *text,
               int          length,
               double       size)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_copy (pango_layout_get_font_description (like));
  PangoRectangle logical;

  pango_font_description_set_absolute_size (desc, ceil (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, length);
  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

/* Words up to this wide (at their smallest size) never break on a card:
 * cards are made wide enough for them (see compute_word_inner()). */
static double
card_word_cap (KoersSlide *self,
               Role        role)
{
  if (role != ROLE_CARD_TITLE && role != ROLE_META && role != ROLE_CHIP)
    return 0;
  return MIN ((self->width - 2 * u (self, MARGIN)) / 4, 16 * u (self, TITLE_FONT_MIN));
}

/* Counts the words @layout breaks inside: where lines start where Pango
 * sees no break opportunity. @avoidable counts those that would fit the
 * layout's width set alone at @floor, or are at most @cap wide at it;
 * @example gets the first of those (or else the first broken word). */
static guint
layout_broken_words (KoersSlide   *self,
                     PangoLayout  *layout,
                     double        floor,
                     double        cap,
                     guint        *avoidable,
                     char        **example)
{
  const char *text = pango_layout_get_text (layout);
  int width = pango_layout_get_width (layout), n_attrs = 0;
  const PangoLogAttr *attrs;
  GSList *lines;
  guint broken = 0;
  gboolean found = FALSE;
  int last = -1;

  if (width <= 0)
    return 0;
  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  lines = pango_layout_get_lines_readonly (layout);
  for (GSList *l = lines ? lines->next : NULL; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      int offset = g_utf8_pointer_to_offset (text, text + line->start_index);
      int start = offset, end = offset + 1;
      const char *from, *to;
      gboolean fits;

      if (offset <= 0 || offset >= n_attrs || attrs[offset].is_line_break)
        continue;
      while (start > 0 && !attrs[start].is_line_break)
        start--;
      /* A word in three pieces is one word broken. */
      if (start == last)
        continue;
      last = start;
      broken++;
      while (end < n_attrs - 1 && !attrs[end].is_line_break)
        end++;
      from = g_utf8_offset_to_pointer (text, start);
      to = g_utf8_offset_to_pointer (text, end);
      while (to > from && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (to))))
        to = g_utf8_prev_char (to);
      {
        double w = text_width_at (self, layout, from, to - from, floor);
        fits = w <= width / (double) PANGO_SCALE + 0.01 || w <= cap;
      }
      if (fits && avoidable)
        (*avoidable)++;
      if (example && (*example == NULL || (fits && !found)))
        {
          g_free (*example);
          *example = g_strndup (from, to - from);
        }
      found |= fits;
    }
  return broken;
}

static void
measured_add (Measured    *m,
              KoersSlide  *self,
              PangoLayout *layout,
              Role         role)
{
  m->broken += layout_broken_words (self, layout, role_floor (self, role, layout_font_px (layout)),
                                    card_word_cap (self, role), &m->avoidable, NULL);
}

/* --- chips: a model's short name on its colour --------------------------- */

typedef struct {
  PangoLayout *layout;
  double       width, height;
} Chip;

/* Chips go with the card's title, a step smaller, never below the
 * floor. */
static double
chip_font (double title_font)
{
  return MAX (MIN_FONT, round (title_font * 0.65));
}

/* As wide as its text; where the name is wider than @max_width, it
 * wraps onto a second line rather than being cut. */
static void
chip_init (KoersSlide *self,
           Chip       *chip,
           const char *text,
           double      font,
           double      max_width)
{
  double pad_x = u (self, CHIP_PAD_X), pad_y = u (self, CHIP_PAD_Y);

  chip->layout = make_layout (self, text, u (self, font), PANGO_WEIGHT_BOLD,
                              MAX (1, max_width - 2 * pad_x), PANGO_ALIGN_LEFT, FALSE);
  chip->width = layout_width (chip->layout) + 2 * pad_x;
  chip->height = layout_height (chip->layout) + 2 * pad_y;
}

static void
add_chip (KoersSlide       *self,
          Page             *page,
          const Chip       *chip,
          double            x,
          double            y,
          const KoersColor *fill,
          const KoersColor *ink,
          const Rect       *container,
          const char       *what)
{
  Rect rect = { x, y, chip->width, chip->height };
  gboolean one_line = pango_layout_get_line_count (chip->layout) == 1;

  add_rect (page, &rect, one_line ? chip->height / 2 : u (self, CARD_RADIUS), fill, NULL, 0, FALSE);
  add_box (page, BOX_CHIP, ROLE_CHIP, &rect, container, what);
  add_text (self, page, chip->layout, x + u (self, CHIP_PAD_X), y + u (self, CHIP_PAD_Y),
            ink, &rect, ROLE_CHIP, what);
}

/* --- lanes and columns ---------------------------------------------------- */

static const Lane *
lane_get (KoersSlide *self,
          guint       index)
{
  return &g_array_index (self->lanes, Lane, index);
}

static guint
n_lanes (KoersSlide *self)
{
  return self->lanes->len;
}

static Column *
column_get (KoersSlide *self,
            guint       index)
{
  return g_ptr_array_index (self->columns, index);
}

static guint
lane_for_model (KoersSlide *self,
                const char *model_id)
{
  for (guint i = 1; i < self->lanes->len; i++)
    if (g_strcmp0 (koers_model_get_id (lane_get (self, i)->model), model_id) == 0)
      return i;
  return 0;
}

/* Lanes in the catalog's order, one per model with items after phase 0.
 * Items of phase 0 stand in the organisation's column; an item after
 * phase 0 that serves no known model stands in an organisation lane. */
static void
collect_lanes_and_columns (KoersSlide *self)
{
  KoersCatalog *catalog = koers_project_get_catalog (self->project);
  guint n_phases = koers_roadmap_get_n_phases (self->roadmap);
  g_autofree gboolean *used = g_new0 (gboolean, koers_catalog_get_n_models (catalog));
  Lane org = { 0 };

  org.model = NULL;
  /* TRANSLATORS: the roadmap's lane for phase 0, where the organisation prepares */
  org.name = g_strdup (_("Organisation"));
  org.color = is_dark (self) ? org_dark : org_light;
  org.on_color = (KoersColor) { 1, 1, 1, 1 };
  g_array_append_val (self->lanes, org);

  for (guint p = 0; p < n_phases; p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (self->roadmap, p);
      if (phase->index == 0)
        continue;
      for (guint i = 0; i < phase->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);
          int index;

          if (item->serves == NULL || item->serves->len == 0)
            continue;
          index = koers_catalog_index_of (catalog, ((KoersStageRef *) g_ptr_array_index (item->serves, 0))->model);
          if (index >= 0)
            used[index] = TRUE;
        }
    }

  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      Lane lane = { 0 };
      KoersModel *model = koers_catalog_get_model (catalog, m);

      if (!used[m])
        continue;
      lane.model = model;
      lane.name = g_strdup (koers_model_get_short_name (model));
      if (!koers_color_parse (koers_model_get_color (model), &lane.color))
        lane.color = self->palette->ink_muted;
      lane.on_color = (KoersColor) { 1, 1, 1, 1 };
      g_array_append_val (self->lanes, lane);
    }

  for (guint p = 0; p < n_phases; p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (self->roadmap, p);
      Column *column;

      if (phase->index == 0 && phase->items->len == 0)
        continue;

      column = g_new0 (Column, 1);
      column->phase = phase;
      column->is_org = phase->index == 0;
      column->cells = g_new0 (GPtrArray *, self->lanes->len);
      for (guint l = 0; l < self->lanes->len; l++)
        column->cells[l] = g_ptr_array_new ();

      for (guint i = 0; i < phase->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);
          guint lane = 0;

          if (!column->is_org && item->serves != NULL && item->serves->len > 0)
            lane = lane_for_model (self, ((KoersStageRef *) g_ptr_array_index (item->serves, 0))->model);
          g_ptr_array_add (column->cells[lane], (gpointer) item);
        }
      g_ptr_array_add (self->columns, column);
    }
}

/* --- cards ---------------------------------------------------------------- */

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

static void
card_layout_clear (CardLayout *card)
{
  g_clear_object (&card->title);
  g_clear_object (&card->meta);
  g_clear_object (&card->deps);
  for (guint i = 0; i < MAX_CHIPS; i++)
    g_clear_object (&card->chips[i].layout);
}

/* The owner line goes with the title, a step smaller, never below the
 * floor; the title's smallest size stays above it. */
static double
meta_font (double title_font)
{
  return MAX (MIN_FONT, round (title_font * 0.78));
}

/* "March 2027" or "Q1 2027", for a due month or quarter. */
static char *
format_due (const char *due)
{
  if (due == NULL)
    return NULL;
  if (koers_is_valid_month (due))
    {
      g_autofree char *month = koers_format_month (atoi (due), atoi (due + 5));

      if (month != NULL)
        /* TRANSLATORS: when a roadmap item is due, e.g. "due March 2027" */
        return g_strdup_printf (_("due %s"), month);
    }
  else if (strlen (due) == 7 && due[5] == 'Q')
    {
      /* TRANSLATORS: a quarter of a year, e.g. "Q1 2027" */
      g_autofree char *quarter = g_strdup_printf (_("Q%u %u"), (guint) (due[6] - '0'), (guint) atoi (due));
      return g_strdup_printf (_("due %s"), quarter);
    }
  return g_strdup_printf (_("due %s"), due);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

/* Owner, due and status, each whole: a line breaks between them (the
 * dot keeps to the part before it) or at the spaces inside them. */
static char *
card_meta_text (const KoersRoadmapItem *item)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (has_text (item->owner))
    g_ptr_array_add (parts, g_strdup (item->owner));
  if (has_text (item->due))
    g_ptr_array_add (parts, format_due (item->due));
  /* To do is every card's starting point: saying it adds only noise. */
  if (item->status != KOERS_STATUS_TODO)
    g_ptr_array_add (parts, g_strdup (koers_status_get_label (item->status)));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("\u00a0· ", (char **) parts->pdata);
}

static char *
dep_key (const char *to,
         const char *from)
{
  return g_strconcat (to, "\x1f", from, NULL);
}

static gboolean
dep_is_text (KoersSlide *self,
             const char *to,
             const char *from)
{
  g_autofree char *key = dep_key (to, from);
  return g_hash_table_contains (self->text_deps, key);
}

/* "after: …" for each dependency of @item said on its card, one a line. */
static char *
card_deps_text (KoersSlide             *self,
                const KoersRoadmapItem *item)
{
  GString *text = NULL;

  for (guint a = 0; item->after != NULL && item->after[a] != NULL; a++)
    {
      const KoersRoadmapItem *before = koers_roadmap_lookup_item (self->roadmap, item->after[a]);

      if (before == NULL || !dep_is_text (self, item->id, item->after[a]))
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append_c (text, '\n');
      /* TRANSLATORS: on a roadmap card, the item it waits for, e.g.
       * "after: Choose a monitoring tool and search terms" */
      g_string_append_printf (text, _("after: %s"), before->title);
    }
  return text ? g_string_free (text, FALSE) : NULL;
}

/* The models @item serves, one each, in its order; the chips' names. */
static guint
item_models (KoersSlide             *self,
             const KoersRoadmapItem *item,
             KoersModel            **models,
             guint                   max)
{
  KoersCatalog *catalog = koers_project_get_catalog (self->project);
  guint n = 0;

  for (guint i = 0; item->serves != NULL && i < item->serves->len && n < max; i++)
    {
      const KoersStageRef *ref = g_ptr_array_index (item->serves, i);
      KoersModel *model = koers_catalog_lookup (catalog, ref->model);
      gboolean seen = FALSE;

      for (guint k = 0; k < n; k++)
        seen |= models[k] == model;
      if (model != NULL && !seen)
        models[n++] = model;
    }
  return n;
}

/* The spacing: the design sizes, or 85 % of them where that saves a
 * page (see choose_config()). */
static double
gap_scale (KoersSlide *self)
{
  return self->tight ? 0.85 : 1.0;
}

static void
card_layout_init (KoersSlide             *self,
                  CardLayout             *card,
                  const KoersRoadmapItem *item,
                  double                  width,
                  double                  font)
{
  double pad_x = u (self, CARD_PAD_X * gap_scale (self)), pad_y = u (self, CARD_PAD_Y * gap_scale (self));
  double inner = width - 2 * pad_x;
  double title_width = inner;
  gboolean muted = item->status == KOERS_STATUS_DONE || item->status == KOERS_STATUS_SKIPPED;
  g_autofree char *meta = card_meta_text (item);
  g_autofree char *deps = card_deps_text (self, item);
  KoersModel *models[MAX_CHIPS];
  guint n_models;
  double x = 0, y = 0, row_h = 0;

  memset (card, 0, sizeof *card);

  if (item->status == KOERS_STATUS_DONE)
    {
      card->check_size = u (self, font);
      title_width -= card->check_size + u (self, 6);
    }
  card->title = make_layout (self, item->title, u (self, font),
                             muted ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_BOLD,
                             title_width, PANGO_ALIGN_LEFT,
                             item->status == KOERS_STATUS_SKIPPED);

  /* The chips flow in rows, each as wide as its name. */
  n_models = item_models (self, item, models, MAX_CHIPS);
  for (guint i = 0; i < n_models; i++)
    {
      Chip *chip = &card->chips[card->n_chips];

      if (!koers_color_parse (koers_model_get_color (models[i]), &card->chip_colors[card->n_chips]))
        card->chip_colors[card->n_chips] = self->palette->ink_muted;
      chip_init (self, chip, koers_model_get_short_name (models[i]), chip_font (font), inner);
      if (x > 0 && x + chip->width > inner)
        {
          x = 0;
          y += row_h + u (self, 4);
          row_h = 0;
        }
      card->chip_x[card->n_chips] = x;
      card->chip_y[card->n_chips] = y;
      x += chip->width + u (self, 6);
      row_h = MAX (row_h, chip->height);
      card->n_chips++;
    }
  card->chips_height = card->n_chips > 0 ? y + row_h : 0;

  if (meta != NULL)
    card->meta = make_layout (self, meta, u (self, meta_font (font)), PANGO_WEIGHT_NORMAL,
                              inner, PANGO_ALIGN_LEFT, FALSE);
  if (deps != NULL)
    card->deps = make_layout (self, deps, u (self, meta_font (font)), PANGO_WEIGHT_NORMAL,
                              inner, PANGO_ALIGN_LEFT, FALSE);

  card->height = pad_y + MAX (layout_height (card->title), card->check_size);
  if (card->n_chips > 0)
    card->height += u (self, 8) + card->chips_height;
  if (card->meta != NULL)
    card->height += u (self, 6) + layout_height (card->meta);
  if (card->deps != NULL)
    card->height += u (self, 6) + layout_height (card->deps);
  card->height += pad_y;
}

static Measured
measure_card (KoersSlide             *self,
              const KoersRoadmapItem *item,
              double                  width,
              double                  font)
{
  g_autofree char *key = NULL;
  Measured *size;
  guint said = 0;

  /* Which of its dependencies the card says changes from round to round
   * of layout_slide(); the rest of it does not. */
  for (guint a = 0; item->after != NULL && item->after[a] != NULL && a < 32; a++)
    said |= dep_is_text (self, item->id, item->after[a]) << a;
  key = g_strdup_printf ("%p %.2f %.1f %x %d", (gpointer) item, width, font, said, self->tight);
  size = g_hash_table_lookup (self->card_sizes, key);

  if (size == NULL)
    {
      CardLayout card;

      card_layout_init (self, &card, item, width, font);
      size = g_new0 (Measured, 1);
      size->height = card.height;
      measured_add (size, self, card.title, ROLE_CARD_TITLE);
      if (card.meta)
        measured_add (size, self, card.meta, ROLE_META);
      if (card.deps)
        measured_add (size, self, card.deps, ROLE_META);
      for (guint i = 0; i < card.n_chips; i++)
        measured_add (size, self, card.chips[i].layout, ROLE_CHIP);
      card_layout_clear (&card);
      g_hash_table_insert (self->card_sizes, g_steal_pointer (&key), size);
    }
  return *size;
}

static void
draw_check_op (Page             *page,
               const Rect       *rect,
               const KoersColor *color)
{
  Op op = { 0 };

  op.kind = OP_CHECK;
  op.rect = *rect;
  op.stroke = *color;
  g_array_append_val (page->ops, op);
}

static void
build_card (KoersSlide             *self,
            Page                   *page,
            const KoersRoadmapItem *item,
            const Rect             *rect,
            const Rect             *cell,
            double                  font)
{
  const KoersPalette *pal = self->palette;
  double pad_x = u (self, CARD_PAD_X * gap_scale (self)), pad_y = u (self, CARD_PAD_Y * gap_scale (self));
  gboolean done = item->status == KOERS_STATUS_DONE;
  gboolean skipped = item->status == KOERS_STATUS_SKIPPED;
  gboolean muted = done || skipped;
  KoersColor fill = muted ? color_mix (&pal->card, &pal->page, 0.6) : pal->card;
  const KoersColor *ink = muted ? &pal->ink_muted : &pal->ink;
  g_autofree char *what = g_strdup_printf ("card “%s”", item->title);
  CardLayout card;
  double y;

  card_layout_init (self, &card, item, rect->width, font);

  add_rect (page, rect, u (self, CARD_RADIUS), &fill, &pal->card_border, u (self, 1), skipped);
  page->item = item;
  add_box (page, BOX_CARD, ROLE_OTHER, rect, cell, what);

  if (item->status == KOERS_STATUS_DOING)
    {
      /* In progress: the Now colour down the card's left edge. */
      Rect stripe = { rect->x, rect->y, u (self, 5), rect->height };
      add_rect (page, &stripe, u (self, 2.5), &pal->now, NULL, 0, FALSE);
    }

  y = rect->y + pad_y;
  add_text (self, page, card.title, rect->x + pad_x, y, ink, rect, ROLE_CARD_TITLE, what);
  if (done)
    {
      Rect check = { rect_right (rect) - pad_x - card.check_size, y,
                     card.check_size, card.check_size };
      draw_check_op (page, &check, is_dark (self) ? &done_dark : &done_light);
      add_box (page, BOX_CHIP, ROLE_CHECK, &check, rect, what);
    }
  y += MAX (layout_height (card.title), card.check_size);

  if (card.n_chips > 0)
    {
      y += u (self, 8);
      for (guint i = 0; i < card.n_chips; i++)
        {
          KoersColor chip_fill = muted ? color_mix (&card.chip_colors[i], &fill, 0.45) : card.chip_colors[i];
          KoersColor white = { 1, 1, 1, 1 };

          add_chip (self, page, &card.chips[i], rect->x + pad_x + card.chip_x[i], y + card.chip_y[i],
                    &chip_fill, &white, rect, what);
        }
      y += card.chips_height;
    }

  if (card.meta != NULL)
    {
      y += u (self, 6);
      add_text (self, page, card.meta, rect->x + pad_x, y, &pal->ink_muted, rect, ROLE_META, what);
      y += layout_height (card.meta);
    }
  if (card.deps != NULL)
    {
      y += u (self, 6);
      add_text (self, page, card.deps, rect->x + pad_x, y, &pal->ink_muted, rect, ROLE_META, what);
    }

  page->item = NULL;
  card_layout_clear (&card);
}

/* --- the top band and the bottom strip ------------------------------------ */

/* A phase's heading: its title, and under it the period and, on a page
 * that continues the phase, "(continued)". The mark goes on the second
 * line, where a long title cannot push it out of sight. */
static void
phase_heading (KoersSlide               *self,
               const KoersRoadmapPhase  *phase,
               double                    width,
               gboolean                  continued,
               double                    title_font,
               PangoLayout             **title,
               PangoLayout             **second)
{
  g_autofree char *text = NULL;

  *title = make_layout (self, phase->title, u (self, phase_font (title_font)), PANGO_WEIGHT_BOLD,
                        width, PANGO_ALIGN_LEFT, FALSE);
  if (continued && phase->period)
    /* TRANSLATORS: under a phase's heading on a page that continues it, e.g. "Q2 2027 (continued)" */
    text = g_strdup_printf (_("%s (continued)"), phase->period);
  else if (continued)
    /* TRANSLATORS: under a phase's heading on a page that continues it */
    text = g_strdup (_("(continued)"));
  else
    text = g_strdup (phase->period);
  *second = text ? make_layout (self, text, u (self, MAX (PERIOD_FONT, meta_font (title_font))),
                                PANGO_WEIGHT_NORMAL, width, PANGO_ALIGN_LEFT, FALSE) : NULL;
}

/* The date's column: as wide as the date or "Page 10 of 10", whichever
 * is wider, and at most a third of the band. */
static double
band_right_width (KoersSlide *self)
{
  /* TRANSLATORS: on a roadmap slide, e.g. "Page 2 of 3" */
  g_autofree char *label = g_strdup_printf (_("Page %u of %u"), 88, 88);
  g_autoptr(PangoLayout) date = make_layout (self, self->date, u (self, DATE_FONT), PANGO_WEIGHT_NORMAL,
                                             -1, PANGO_ALIGN_LEFT, FALSE);
  g_autoptr(PangoLayout) page = make_layout (self, label, u (self, PAGE_LABEL_FONT), PANGO_WEIGHT_NORMAL,
                                             -1, PANGO_ALIGN_LEFT, FALSE);

  return MIN (MAX (layout_width (date), layout_width (page)) + 1,
              (self->width - 2 * u (self, MARGIN)) / 3);
}

/* The organisation's name: on one line at its size, or smaller down to
 * ORG_FONT_MIN where that fits one line; otherwise wrapped at that. */
static PangoLayout *
org_layout (KoersSlide *self,
            double      width)
{
  for (double size = ORG_FONT; size > ORG_FONT_MIN; size -= 2)
    {
      PangoLayout *layout = make_layout (self, self->organisation, u (self, size), PANGO_WEIGHT_BOLD,
                                         width, PANGO_ALIGN_LEFT, FALSE);
      if (pango_layout_get_line_count (layout) == 1)
        return layout;
      g_object_unref (layout);
    }
  return make_layout (self, self->organisation, u (self, ORG_FONT_MIN), PANGO_WEIGHT_BOLD,
                      width, PANGO_ALIGN_LEFT, FALSE);
}

static double
build_band (KoersSlide *self,
            Page       *page,
            guint       page_number,
            guint       n_pages)
{
  const KoersPalette *pal = self->palette;
  double margin = u (self, MARGIN);
  double right_w = band_right_width (self);
  double left_w = self->width - 2 * margin - right_w - u (self, 24);
  g_autoptr(PangoLayout) org = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autoptr(PangoLayout) date = NULL;
  g_autoptr(PangoLayout) page_label = NULL;
  double left_h, right_h, height;
  Rect band;

  org = org_layout (self, left_w);
  /* TRANSLATORS: the heading of the exported roadmap slide */
  subtitle = make_layout (self, _("Social media roadmap"), u (self, SUBTITLE_FONT), PANGO_WEIGHT_NORMAL,
                          left_w, PANGO_ALIGN_LEFT, FALSE);
  date = make_layout (self, self->date, u (self, DATE_FONT), PANGO_WEIGHT_NORMAL,
                      right_w, PANGO_ALIGN_RIGHT, FALSE);
  if (n_pages > 1)
    {
      /* TRANSLATORS: on a roadmap slide, e.g. "Page 2 of 3" */
      g_autofree char *text = g_strdup_printf (_("Page %u of %u"), page_number + 1, n_pages);
      page_label = make_layout (self, text, u (self, PAGE_LABEL_FONT), PANGO_WEIGHT_NORMAL,
                                right_w, PANGO_ALIGN_RIGHT, FALSE);
    }

  left_h = layout_height (org) + u (self, 2) + layout_height (subtitle);
  /* Reserve the page label's line on every page, so that the grid stands
   * at the same height on each. */
  {
    g_autoptr(PangoLayout) probe = make_layout (self, "0", u (self, PAGE_LABEL_FONT), PANGO_WEIGHT_NORMAL,
                                                -1, PANGO_ALIGN_LEFT, FALSE);
    right_h = layout_height (date) + u (self, 4) + layout_height (probe);
  }
  height = MAX (left_h, right_h);

  if (page == NULL)
    return height;

  band = (Rect) { margin, margin, self->width - 2 * margin, height };
  add_text (self, page, org, margin, margin, &pal->ink, &band, ROLE_TITLE, "organisation name");
  add_text (self, page, subtitle, margin, margin + layout_height (org) + u (self, 2),
            &pal->ink_muted, &band, ROLE_OTHER, "subtitle");
  /* The date sits on the organisation name's baseline. */
  {
    double org_baseline = pango_layout_get_baseline (org) / (double) PANGO_SCALE;
    double date_baseline = pango_layout_get_baseline (date) / (double) PANGO_SCALE;
    double date_y = margin + MAX (0, org_baseline - date_baseline);

    if (date_y + layout_height (date) > margin + height)
      date_y = margin;
    add_text (self, page, date, self->width - margin - right_w, date_y, &pal->ink, &band,
              ROLE_OTHER, "date");
    if (page_label)
      add_text (self, page, page_label, self->width - margin - right_w,
                MIN (date_y + layout_height (date) + u (self, 4), margin + height - layout_height (page_label)),
                &pal->ink_muted, &band, ROLE_OTHER, "page number");
  }
  add_line (page, margin, margin + height + u (self, BAND_GAP) / 2,
            self->width - margin, margin + height + u (self, BAND_GAP) / 2,
            &pal->card_border, u (self, 1.5));
  return height;
}

/* The legend's small samples. */
typedef enum {
  SAMPLE_DONE,
  SAMPLE_SKIPPED,
  SAMPLE_DOING,
  SAMPLE_ARROW,
} Sample;

typedef struct {
  PangoLayout *text;
  Chip         chip;      /* a model summary's chip */
  KoersColor   color;
  gboolean     is_model;
  Sample       sample;
  double       width, height;
} StripItem;

static void
strip_item_clear (gpointer data)
{
  StripItem *item = data;
  g_clear_object (&item->text);
  g_clear_object (&item->chip.layout);
}

static double
sample_width (KoersSlide *self)
{
  return u (self, 36);
}

static double
sample_height (KoersSlide *self)
{
  return u (self, 22);
}

static const char *
stage_name (KoersModel *model,
            const char *stage_id)
{
  const KoersStage *stage = stage_id ? koers_model_find_stage (model, stage_id) : NULL;
  /* TRANSLATORS: in the roadmap slide's summary, a model without Now or Goal */
  return stage ? stage->name : _("not placed");
}

static GArray *
strip_items (KoersSlide *self)
{
  KoersCatalog *catalog = koers_project_get_catalog (self->project);
  GArray *items = g_array_new (FALSE, TRUE, sizeof (StripItem));
  double max_w = self->width - 2 * u (self, MARGIN);
  double gap = u (self, 8);
  static const KoersStatus statuses[] = { KOERS_STATUS_DONE, KOERS_STATUS_SKIPPED, KOERS_STATUS_DOING };

  g_array_set_clear_func (items, strip_item_clear);

  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      const char *id = koers_model_get_id (model);
      StripItem item = { 0 };
      g_autofree char *text = NULL;

      item.is_model = TRUE;
      if (!koers_color_parse (koers_model_get_color (model), &item.color))
        item.color = self->palette->ink_muted;
      chip_init (self, &item.chip, koers_model_get_short_name (model), STRIP_FONT - 1, max_w / 2);
      if (koers_project_get_current (self->project, id) == NULL &&
          koers_project_get_target (self->project, id) == NULL)
        /* TRANSLATORS: in the roadmap slide's summary, a model with neither
         * Now nor Goal, e.g. "Pyramid  not placed yet" */
        text = g_strdup (_("not placed yet"));
      else
        /* TRANSLATORS: now and goal in a model, on the slide, e.g. "Respond → Create" */
        text = g_strdup_printf (_("%s → %s"),
                                stage_name (model, koers_project_get_current (self->project, id)),
                                stage_name (model, koers_project_get_target (self->project, id)));
      item.text = make_layout (self, text, u (self, STRIP_FONT), PANGO_WEIGHT_NORMAL,
                               MAX (1, max_w - item.chip.width - gap), PANGO_ALIGN_LEFT, FALSE);
      item.width = item.chip.width + gap + layout_width (item.text);
      item.height = MAX (item.chip.height, layout_height (item.text));
      g_array_append_val (items, item);
    }

  for (guint i = 0; i < G_N_ELEMENTS (statuses) + 1; i++)
    {
      StripItem item = { 0 };
      const char *text;

      if (i < G_N_ELEMENTS (statuses))
        {
          item.sample = statuses[i] == KOERS_STATUS_DONE ? SAMPLE_DONE
                      : statuses[i] == KOERS_STATUS_SKIPPED ? SAMPLE_SKIPPED : SAMPLE_DOING;
          text = koers_status_get_label (statuses[i]);
        }
      else
        {
          item.sample = SAMPLE_ARROW;
          /* TRANSLATORS: the roadmap slide's legend for the arrows between cards */
          text = _("comes before");
        }
      item.text = make_layout (self, text, u (self, LEGEND_FONT), PANGO_WEIGHT_NORMAL,
                               MAX (1, max_w - sample_width (self) - gap), PANGO_ALIGN_LEFT, FALSE);
      item.width = sample_width (self) + gap + layout_width (item.text);
      item.height = MAX (sample_height (self), layout_height (item.text));
      g_array_append_val (items, item);
    }
  return items;
}

static void
build_sample (KoersSlide *self,
              Page       *page,
              Sample      sample,
              const Rect *rect)
{
  const KoersPalette *pal = self->palette;
  KoersColor muted_fill = color_mix (&pal->card, &pal->page, 0.6);

  switch (sample)
    {
    case SAMPLE_DONE:
      {
        double s = rect->height - u (self, 6);
        Rect check = { rect->x + (rect->width - s) / 2, rect->y + u (self, 3), s, s };
        add_rect (page, rect, u (self, 4), &muted_fill, &pal->card_border, u (self, 1), FALSE);
        draw_check_op (page, &check, is_dark (self) ? &done_dark : &done_light);
      }
      break;
    case SAMPLE_SKIPPED:
      add_rect (page, rect, u (self, 4), &muted_fill, &pal->card_border, u (self, 1), TRUE);
      add_line (page, rect->x + u (self, 7), rect->y + rect->height / 2,
                rect_right (rect) - u (self, 7), rect->y + rect->height / 2, &pal->ink_muted, u (self, 1.5));
      break;
    case SAMPLE_DOING:
      {
        Rect stripe = { rect->x, rect->y, u (self, 5), rect->height };
        add_rect (page, rect, u (self, 4), &pal->card, &pal->card_border, u (self, 1), FALSE);
        add_rect (page, &stripe, u (self, 2.5), &pal->now, NULL, 0, FALSE);
      }
      break;
    case SAMPLE_ARROW:
    default:
      {
        Op op = { 0 };
        double cy = rect->y + rect->height / 2;
        op.kind = OP_ARROW;
        op.points[0] = rect->x;
        op.points[1] = cy;
        op.points[2] = rect->x + rect->width / 3;
        op.points[3] = cy;
        op.points[4] = rect->x + rect->width * 2 / 3;
        op.points[5] = cy;
        op.points[6] = rect_right (rect);
        op.points[7] = cy;
        op.head = u (self, 8);
        op.line_width = u (self, 1.5);
        op.stroke = pal->ink_muted;
        g_array_append_val (page->ops, op);
      }
      break;
    }
}

/* Lays the strip out in rows: the models' summaries, then the legend,
 * and the credit closing the last row at the right; everything in one row
 * when it fits side by side. Returns its height; with @page, adds it to
 * the page with its top at @top. */
static double
build_strip (KoersSlide *self,
             Page       *page,
             double      top)
{
  const KoersPalette *pal = self->palette;
  g_autoptr(GArray) items = strip_items (self);
  g_autoptr(PangoLayout) credit = NULL;
  double margin = u (self, MARGIN);
  double max_w = self->width - 2 * margin;
  double gap_items = u (self, 28), gap_inner = u (self, 8), gap_rows = u (self, 10);
  g_autofree double *item_x = g_new0 (double, items->len);
  g_autofree guint *item_row = g_new0 (guint, items->len);
  double row_h[16] = { 0 }, row_y[16] = { 0 };
  double credit_w, credit_h, total_w = 0, x = 0, height;
  guint row = 0, credit_row, n_models = 0;
  gboolean one_row;
  Rect strip;

  credit = make_layout (self, "Koers", u (self, CREDIT_FONT), PANGO_WEIGHT_BOLD,
                        -1, PANGO_ALIGN_LEFT, FALSE);
  credit_w = layout_width (credit);
  credit_h = layout_height (credit);

  for (guint i = 0; i < items->len; i++)
    {
      StripItem *item = &g_array_index (items, StripItem, i);
      total_w += item->width + gap_items;
      n_models += item->is_model;
    }
  one_row = total_w + credit_w <= max_w;

  for (guint i = 0; i < items->len; i++)
    {
      StripItem *item = &g_array_index (items, StripItem, i);
      double width = MIN (item->width, max_w);

      if (x > 0 && ((i == n_models && !one_row) || x + width > max_w))
        {
          row = MIN (row + 1, G_N_ELEMENTS (row_h) - 2);
          x = 0;
        }
      item_x[i] = x;
      item_row[i] = row;
      row_h[row] = MAX (row_h[row], item->height);
      x += width + gap_items;
    }
  credit_row = (x + credit_w > max_w) ? row + 1 : row;
  row_h[credit_row] = MAX (row_h[credit_row], credit_h);

  height = 0;
  for (guint r = 0; r <= credit_row; r++)
    {
      row_y[r] = top + height;
      height += row_h[r] + (r < credit_row ? gap_rows : 0);
    }

  if (page == NULL)
    return height;

  strip = (Rect) { margin, top, max_w, height };
  add_line (page, margin, top - u (self, BAND_GAP) / 2, self->width - margin,
            top - u (self, BAND_GAP) / 2, &pal->card_border, u (self, 1.5));

  for (guint i = 0; i < items->len; i++)
    {
      StripItem *item = &g_array_index (items, StripItem, i);
      double ix = margin + item_x[i];
      /* Items of a row share its centre line. */
      double cy = row_y[item_row[i]] + row_h[item_row[i]] / 2;

      if (item->is_model)
        {
          KoersColor white = { 1, 1, 1, 1 };
          add_chip (self, page, &item->chip, ix, cy - item->chip.height / 2,
                    &item->color, &white, &strip, "model summary");
          add_text (self, page, item->text, ix + item->chip.width + gap_inner,
                    cy - layout_height (item->text) / 2, &pal->ink, &strip, ROLE_OTHER, "model summary");
        }
      else
        {
          Rect sample = { ix, cy - sample_height (self) / 2, sample_width (self), sample_height (self) };
          build_sample (self, page, item->sample, &sample);
          add_box (page, BOX_CHIP, ROLE_OTHER, &sample, &strip, "legend sample");
          add_text (self, page, item->text, ix + sample_width (self) + gap_inner,
                    cy - layout_height (item->text) / 2, &pal->ink_muted, &strip, ROLE_OTHER, "legend");
        }
    }

  add_text (self, page, credit, margin + max_w - credit_w,
            row_y[credit_row] + (row_h[credit_row] - credit_h) / 2, &pal->ink_muted, &strip,
            ROLE_OTHER, "credit");
  return height;
}

/* --- geometry of a group of columns -------------------------------------- */

static double
phase_header_height (KoersSlide *self,
                     Column     *column,
                     double      width,
                     double      title_font,
                     Measured   *measured)
{
  double height = 0;

  /* Measured with "(continued)" too, so that a continued page keeps the
   * same grid as the page before. */
  for (int continued = 0; continued < 2; continued++)
    {
      g_autoptr(PangoLayout) title = NULL;
      g_autoptr(PangoLayout) second = NULL;
      double h;

      phase_heading (self, column->phase, width, continued, title_font, &title, &second);
      if (!continued)
        {
          measured_add (measured, self, title, ROLE_PHASE);
          if (second)
            measured_add (measured, self, second, ROLE_OTHER);
        }
      h = layout_height (title);
      if (second)
        h += u (self, 2) + layout_height (second);
      height = MAX (height, h);
    }
  return height;
}

static void
geometry_clear (Geometry *geo)
{
  g_clear_pointer (&geo->col_x, g_free);
  g_clear_pointer (&geo->col_width, g_free);
  g_clear_pointer (&geo->sub, g_free);
}

/* How many rows of cards the model lanes need, in all, with the phase
 * columns' sub-columns as @sub says: each lane as tall as its fullest
 * cell. */
static guint
lane_rows (KoersSlide  *self,
           guint        first,
           guint        n,
           const guint *sub)
{
  guint total = 0;

  for (guint l = 0; l < n_lanes (self); l++)
    {
      guint most = 0;
      for (guint c = 0; c < n; c++)
        {
          Column *column = column_get (self, first + c);
          if (!column->is_org)
            most = MAX (most, (column->cells[l]->len + sub[c] - 1) / sub[c]);
        }
      total += most;
    }
  return total;
}

/* Fills @sub for the columns first … first + n - 1: the organisation's
 * from the config, the phases' by @config->widen greedy steps, each
 * giving one more sub-column to the phase where that saves the most rows.
 * A crowded phase widens while quiet ones stay narrow. Returns FALSE when
 * no step saved a row before @config->widen steps were taken: that layout
 * is the same as one with fewer steps. */
static gboolean
group_subs (KoersSlide   *self,
            guint         first,
            guint         n,
            const Config *config,
            guint        *sub)
{
  for (guint c = 0; c < n; c++)
    sub[c] = column_get (self, first + c)->is_org ? config->org_sub : 1;

  for (guint step = 0; step < config->widen; step++)
    {
      guint rows = lane_rows (self, first, n, sub), best_rows = rows;
      int best = -1;

      for (guint c = 0; c < n; c++)
        {
          guint r;

          if (column_get (self, first + c)->is_org || sub[c] >= 3)
            continue;
          sub[c]++;
          r = lane_rows (self, first, n, sub);
          sub[c]--;
          if (r < best_rows)
            {
              best_rows = r;
              best = c;
            }
        }
      if (best < 0)
        return FALSE;
      sub[best]++;
    }
  return TRUE;
}


static double
column_gap (KoersSlide *self,
            double      font)
{
  return u (self, COLUMN_GAP * gap_scale (self));
}

static double
org_gap (KoersSlide *self,
         double      font)
{
  return u (self, ORG_GAP * gap_scale (self));
}

/* About fifteen characters a line, narrower and titles turn into towers
 * of short lines; and room for the longest word any card holds. */
static double
min_card_width (KoersSlide *self,
                double      font)
{
  return MAX (u (self, font) * 9, self->word_inner) + 2 * u (self, CARD_PAD_X * gap_scale (self));
}

/* Computes where the columns first … first + n - 1 stand: every card
 * equally wide, each column as wide as its sub-columns of cards. Returns
 * FALSE when the cards would be too narrow for the title size. */
static gboolean
geometry_init (KoersSlide   *self,
               Geometry     *geo,
               guint         first,
               guint         n,
               const Config *config)
{
  double margin = u (self, MARGIN);
  double avail = self->width - 2 * margin;
  gboolean distinct;
  double gap = column_gap (self, config->font), pad = u (self, CELL_PAD), sub_gap = u (self, SUB_GAP);
  double min_card = min_card_width (self, config->font);
  guint total_sub = 0;
  double x;

  memset (geo, 0, sizeof *geo);
  geo->first = first;
  geo->n = n;
  geo->has_org = column_get (self, first)->is_org;
  geo->n_model = n - geo->has_org;
  geo->col_x = g_new0 (double, n);
  geo->col_width = g_new0 (double, n);
  geo->sub = g_new0 (guint, n);
  geo->col_gap = gap;

  if (geo->has_org && geo->n_model > 0)
    avail -= org_gap (self, config->font);
  if (geo->n_model > 0)
    avail -= self->lane_header_width + gap + (geo->n_model - 1) * gap;
  distinct = group_subs (self, first, n, config, geo->sub);
  for (guint c = 0; c < n; c++)
    {
      total_sub += geo->sub[c];
      avail -= 2 * pad + (geo->sub[c] - 1) * sub_gap;
    }
  geo->card_width = avail / total_sub;
  if (geo->card_width < min_card || !distinct)
    return FALSE;
  for (guint c = 0; c < n; c++)
    geo->col_width[c] = geo->sub[c] * geo->card_width + (geo->sub[c] - 1) * sub_gap + 2 * pad;

  x = margin;
  if (geo->has_org)
    {
      geo->col_x[0] = x;
      x += geo->col_width[0] + org_gap (self, config->font);
    }
  geo->lane_header_x = x;
  if (geo->n_model > 0)
    x += self->lane_header_width + gap;
  for (guint c = geo->has_org; c < n; c++)
    {
      geo->col_x[c] = x;
      x += geo->col_width[c] + gap;
    }

  geo->header_top = self->grid_top;
  geo->header_height = 0;
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *key = g_strdup_printf ("%u %.2f %.1f", first + c, geo->col_width[c], config->font);
      Measured *h = g_hash_table_lookup (self->header_heights, key);

      if (h == NULL)
        {
          h = g_new0 (Measured, 1);
          h->height = phase_header_height (self, column_get (self, first + c), geo->col_width[c],
                                           config->font, h);
          g_hash_table_insert (self->header_heights, g_steal_pointer (&key), h);
        }
      geo->header_height = MAX (geo->header_height, h->height);
      geo->headers_broken += h->broken;
      geo->headers_avoidable += h->avoidable;
    }
  geo->lanes_top = geo->header_top + geo->header_height + u (self, 12);
  geo->lanes_height = self->grid_bottom - geo->lanes_top;

  return geo->lanes_height > 0;
}

/* --- pagination ----------------------------------------------------------- */

/* Heights of the rows of cards in one cell: @sub cards a row. */
static GArray *
cell_rows (KoersSlide *self,
           GPtrArray  *items,
           double      card_width,
           double      font,
           guint       sub,
           Measured   *words)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (double));

  for (guint i = 0; i < items->len; i += sub)
    {
      double h = 0;
      for (guint k = i; k < MIN (i + sub, items->len); k++)
        {
          Measured size = measure_card (self, g_ptr_array_index (items, k), card_width, font);
          h = MAX (h, size.height);
          if (words)
            {
              words->broken += size.broken;
              words->avoidable += size.avoidable;
            }
        }
      g_array_append_val (rows, h);
    }
  return rows;
}

static double
rows_height (KoersSlide *self,
             GArray     *rows,
             guint       from,
             guint       to)
{
  double h = 0;

  if (to <= from)
    return 0;
  for (guint r = from; r < to; r++)
    h += g_array_index (rows, double, r);
  return h + (to - from - 1) * u (self, CARD_GAP) + 2 * u (self, CELL_PAD);
}

/* The height of the organisation column's heading bar. */
static double
measure_org_label (KoersSlide *self)
{
  g_autoptr(PangoLayout) name = make_layout (self, lane_get (self, 0)->name, u (self, LANE_FONT),
                                             PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT, FALSE);
  return layout_height (name) + 2 * u (self, 8);
}

static double
measure_lane_label (KoersSlide *self,
                       guint       lane)
{
  g_autoptr(PangoLayout) layout = make_layout (self, lane_get (self, lane)->name, u (self, LANE_FONT),
                                               PANGO_WEIGHT_BOLD, self->lane_header_width - 2 * u (self, 10),
                                               PANGO_ALIGN_LEFT, FALSE);
  return layout_height (layout) + 2 * u (self, 10);
}

static PagePlan *
page_plan_new (KoersSlide *self,
               guint       first,
               guint       n,
               guint       vpage)
{
  PagePlan *plan = g_new0 (PagePlan, 1);
  guint size = n_lanes (self) * self->columns->len;

  plan->first = first;
  plan->n = n;
  plan->vpage = vpage;
  plan->row_start = g_new0 (guint, size);
  plan->row_end = g_new0 (guint, size);
  return plan;
}

static void
page_plan_free (gpointer data)
{
  PagePlan *plan = data;
  g_free (plan->row_start);
  g_free (plan->row_end);
  g_free (plan);
}

/* Splits one group of columns into pages from top to bottom: lanes fill
 * a page in order; a lane that fits on an empty page is never split; one
 * taller than a page continues on the next. Returns the number of pages,
 * 0 when a single row of cards is taller than the page. */
static guint
paginate_group (KoersSlide *self,
                guint       first,
                guint       n,
                const Config *config,
                Measured   *words,
                guint      *extra,
                GPtrArray  *plans)
{
  Geometry geo;
  guint nl = n_lanes (self), nc = self->columns->len;
  g_autofree GArray **rows = g_new0 (GArray *, nl * nc);
  g_autofree guint *next = g_new0 (guint, nl * nc);
  double lane_gap = u (self, LANE_GAP * gap_scale (self));
  guint vpages = 0;
  gboolean ok = TRUE;

  if (!geometry_init (self, &geo, first, n, config))
    {
      geometry_clear (&geo);
      return 0;
    }
  for (guint c = 0; c < n; c++)
    *extra += geo.sub[c] - 1;
  /* A word broken in a heading counts as one broken on a card. */
  words->broken += geo.headers_broken;
  words->avoidable += geo.headers_avoidable;

  for (guint c = first; c < first + n; c++)
    for (guint l = 0; l < nl; l++)
      if (column_get (self, c)->cells[l]->len > 0)
        rows[l * nc + c] = cell_rows (self, column_get (self, c)->cells[l], geo.card_width,
                                      config->font, geo.sub[c - first], words);

  while (ok)
    {
      gboolean remaining = FALSE, taken = FALSE, lanes_on_page = FALSE;
      double avail = geo.lanes_height;
      PagePlan *plan = plans ? page_plan_new (self, first, n, vpages) : NULL;

      for (guint c = first; c < first + n; c++)
        for (guint l = 0; l < nl; l++)
          if (rows[l * nc + c] && next[l * nc + c] < rows[l * nc + c]->len)
            remaining = TRUE;
      if (!remaining)
        {
          g_clear_pointer (&plan, page_plan_free);
          break;
        }

      /* The organisation's column: as many rows as fit below its label. */
      if (geo.has_org && rows[first])
        {
          GArray *r = rows[first];
          guint *nx = &next[first];
          guint start = *nx;
          double space = geo.lanes_height - self->org_label_height;

          while (*nx < r->len && rows_height (self, r, start, *nx + 1) <= space + 0.01)
            (*nx)++;
          if (*nx > start)
            taken = TRUE;
          else if (*nx < r->len)
            ok = FALSE;  /* one row taller than the column */
          if (plan)
            {
              plan->row_start[first] = start;
              plan->row_end[first] = *nx;
            }
        }

      for (guint l = 0; l < nl && ok; l++)
        {
          double rem = 0, label = self->lane_min_height[l];
          gboolean has = FALSE;

          for (guint c = first + geo.has_org; c < first + n; c++)
            {
              guint i = l * nc + c;
              if (rows[i] && next[i] < rows[i]->len)
                {
                  has = TRUE;
                  rem = MAX (rem, rows_height (self, rows[i], next[i], rows[i]->len));
                }
            }
          if (!has)
            continue;
          rem = MAX (rem, label);

          if (rem <= avail + 0.01)
            {
              for (guint c = first + geo.has_org; c < first + n; c++)
                {
                  guint i = l * nc + c;
                  if (rows[i] == NULL)
                    continue;
                  if (plan)
                    {
                      plan->row_start[i] = next[i];
                      plan->row_end[i] = rows[i]->len;
                    }
                  next[i] = rows[i]->len;
                }
              avail -= rem + lane_gap;
              taken = lanes_on_page = TRUE;
              continue;
            }

          if (rem <= geo.lanes_height + 0.01 && lanes_on_page)
            break;

          /* Taller than a page, or nothing else on this one: split. */
          {
            gboolean took = FALSE;

            if (avail >= label)
              for (guint c = first + geo.has_org; c < first + n; c++)
                {
                  guint i = l * nc + c, start;
                  if (rows[i] == NULL)
                    continue;
                  start = next[i];
                  while (next[i] < rows[i]->len &&
                         rows_height (self, rows[i], start, next[i] + 1) <= avail + 0.01)
                    next[i]++;
                  if (plan)
                    {
                      plan->row_start[i] = start;
                      plan->row_end[i] = next[i];
                    }
                  took |= next[i] > start;
                }
            if (took)
              taken = lanes_on_page = TRUE;
            else if (!lanes_on_page)
              ok = FALSE;  /* a single row taller than the page */
            break;
          }
        }

      if (!taken)
        ok = FALSE;
      if (plan && ok)
        g_ptr_array_add (plans, plan);
      else
        g_clear_pointer (&plan, page_plan_free);
      vpages++;
    }

  for (guint i = 0; i < nl * nc; i++)
    if (rows[i])
      g_array_unref (rows[i]);
  geometry_clear (&geo);
  return ok ? MAX (vpages, 1) : 0;
}

/* Splits the columns into @n_groups groups as even as can be. */
static void
group_bounds (guint  n_columns,
              guint  n_groups,
              guint  group,
              guint *first,
              guint *n)
{
  guint base = n_columns / n_groups, extra = n_columns % n_groups;

  *first = group * base + MIN (group, extra);
  *n = base + (group < extra ? 1 : 0);
}

static Score
evaluate (KoersSlide   *self,
          const Config *config,
          GPtrArray    *plans)
{
  Score score = { 0 };
  guint nc = self->columns->len;
  guint n_groups = (nc + config->per_page - 1) / config->per_page;

  score.font = config->font;
  for (guint g = 0; g < n_groups; g++)
    {
      guint first, n, pages;

      Measured words = { 0 };

      group_bounds (nc, n_groups, g, &first, &n);
      pages = paginate_group (self, first, n, config, &words, &score.extra, plans);
      score.broken += words.broken;
      score.avoidable += words.avoidable;
      if (pages == 0)
        return score;
      score.pages += pages;
      score.splits += pages - 1;
    }
  score.valid = TRUE;
  return score;
}

static gboolean
score_better (const Score *a,
              const Score *b)
{
  if (!a->valid)
    return FALSE;
  if (!b->valid)
    return TRUE;
  if (a->pages != b->pages)
    return a->pages < b->pages;
  if (a->avoidable != b->avoidable)
    return a->avoidable < b->avoidable;
  if (a->broken != b->broken)
    return a->broken < b->broken;
  if (a->splits != b->splits)
    return a->splits < b->splits;
  if (a->font != b->font)
    return a->font > b->font;
  return a->extra < b->extra;
}

/* Whether @config leaves cards wide enough for its title size in every
 * group, and widens as often as it says: the cheap half of evaluate(),
 * without measuring a card. More widening only narrows the cards, so the
 * search stops widening at the first FALSE. */
static gboolean
config_fits_width (KoersSlide   *self,
                   const Config *config)
{
  guint nc = self->columns->len;
  guint n_groups = (nc + config->per_page - 1) / config->per_page;
  double min_card = min_card_width (self, config->font);

  for (guint g = 0; g < n_groups; g++)
    {
      guint first, n, total_sub = 0;
      g_autofree guint *sub = NULL;
      double avail = self->width - 2 * u (self, MARGIN);
      gboolean has_org, distinct;

      group_bounds (nc, n_groups, g, &first, &n);
      sub = g_new0 (guint, n);
      distinct = group_subs (self, first, n, config, sub);
      has_org = column_get (self, first)->is_org;
      if (has_org && n > 1)
        avail -= org_gap (self, config->font);
      if (n > (guint) has_org)
        avail -= self->lane_header_width + (n - has_org) * column_gap (self, config->font);
      for (guint c = 0; c < n; c++)
        {
          total_sub += sub[c];
          avail -= 2 * u (self, CELL_PAD) + (sub[c] - 1) * u (self, SUB_GAP);
        }
      if (!distinct || avail / total_sub < min_card)
        return FALSE;
    }
  return TRUE;
}

/* The best layout at one title size; only layouts of at most @max_pages
 * column groups are tried. */
static Score
best_at_font (KoersSlide *self,
              double      font,
              guint       max_pages,
              Config     *best)
{
  guint nc = self->columns->len;
  gboolean has_org = column_get (self, 0)->is_org;
  Score best_score = { 0 };

  for (guint per_page = nc; per_page >= 1; per_page--)
    {
      guint n_groups = (nc + per_page - 1) / per_page;

      /* No better than the best found, whatever the cards do. */
      if (n_groups > max_pages || (best_score.valid && n_groups > best_score.pages))
        continue;

      for (guint org_sub = 1; org_sub <= (has_org ? 3 : 1); org_sub++)
        for (guint widen = 0; ; widen++)
          {
            Config config = { font, per_page, org_sub, widen };
            Score score;

            if (!config_fits_width (self, &config))
              break;
            score = evaluate (self, &config, NULL);
            if (score_better (&score, &best_score))
              {
                best_score = score;
                *best = config;
              }
          }
    }
  return best_score;
}

/* Whether @a is as good as @b in all that weighs more than the title
 * size: pages, shortened titles, split lanes. */
static gboolean
score_reaches (const Score *a,
               const Score *b)
{
  if (!a->valid)
    return FALSE;
  if (!b->valid)
    return TRUE;
  if (a->pages != b->pages)
    return a->pages < b->pages;
  if (a->avoidable != b->avoidable)
    return a->avoidable < b->avoidable;
  if (a->broken != b->broken)
    return a->broken < b->broken;
  return a->splits <= b->splits;
}

/* The search over title sizes, columns per page and sub-columns. The
 * smallest title size shows how few pages (and shortened titles and split
 * lanes) the roadmap can have; then the sizes from the largest down, and
 * the first that does as well wins. */
static Score
choose_spaced (KoersSlide *self,
               Config     *best)
{
  Config smallest_config = { title_fonts[G_N_ELEMENTS (title_fonts) - 1], 1, 1, 0 };
  Score goal = best_at_font (self, smallest_config.font, G_MAXUINT, &smallest_config);

  *best = smallest_config;
  for (guint f = 0; f + 1 < G_N_ELEMENTS (title_fonts); f++)
    {
      Config config;
      Score score = best_at_font (self, title_fonts[f], goal.valid ? goal.pages : G_MAXUINT, &config);

      if (score_reaches (&score, &goal))
        {
          *best = config;
          break;
        }
    }
  return goal;
}

/* The search with the design spacing; where the roadmap takes more than
 * one page, once more with the spacing a little tighter (gap_scale()),
 * which wins only if it saves a page: long words (Dutch compounds) can
 * leave a roadmap a few pixels short of one page, and a second page
 * costs more than slightly closer cards. */
static void
choose_config (KoersSlide *self,
               Config     *best)
{
  Config tight_config;
  Score spaced, tight;

  self->tight = FALSE;
  spaced = choose_spaced (self, best);
  if (spaced.valid && spaced.pages <= 1)
    return;
  self->tight = TRUE;
  tight = choose_spaced (self, &tight_config);
  if (tight.valid && (!spaced.valid || tight.pages < spaced.pages))
    *best = tight_config;
  else
    self->tight = FALSE;
}

/* --- building pages ------------------------------------------------------- */

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

#define CURVE_STEPS 48

static void
bezier_point (const double *p,
              double        t,
              double       *x,
              double       *y)
{
  double mt = 1 - t;
  double a = mt * mt * mt, b = 3 * mt * mt * t, c = 3 * mt * t * t, d = t * t * t;

  *x = a * p[0] + b * p[2] + c * p[4] + d * p[6];
  *y = a * p[1] + b * p[3] + c * p[5] + d * p[7];
}

/* Whether the segment crosses or touches @r (Liang–Barsky). */
static gboolean
segment_hits_rect (double      x0,
                   double      y0,
                   double      x1,
                   double      y1,
                   const Rect *r)
{
  double dx = x1 - x0, dy = y1 - y0, t0 = 0, t1 = 1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - r->x, rect_right (r) - x0, y0 - r->y, rect_bottom (r) - y0 };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        {
          double t = q[i] / p[i];
          if (t > t1)
            return FALSE;
          t0 = MAX (t0, t);
        }
      else
        {
          double t = q[i] / p[i];
          if (t < t0)
            return FALSE;
          t1 = MIN (t1, t);
        }
    }
  return TRUE;
}

/* Whether the curve through @p (from, two control points, to), as the
 * straight segments it is drawn with to a hair, crosses @r. */
static gboolean
curve_hits_rect (const double *p,
                 const Rect   *r)
{
  double x0 = p[0], y0 = p[1];

  for (int i = 1; i <= CURVE_STEPS; i++)
    {
      double x1, y1;

      bezier_point (p, i / (double) CURVE_STEPS, &x1, &y1);
      if (segment_hits_rect (x0, y0, x1, y1, r))
        return TRUE;
      x0 = x1;
      y0 = y1;
    }
  return FALSE;
}

static gboolean
curve_inside (const double *p,
              const Rect   *area)
{
  for (int i = 0; i <= CURVE_STEPS; i++)
    {
      double x, y;
      Rect point;

      bezier_point (p, i / (double) CURVE_STEPS, &x, &y);
      point = (Rect) { x, y, 0, 0 };
      if (!rect_contains (area, &point))
        return FALSE;
    }
  return TRUE;
}

static gboolean
route_clear (KoersSlide   *self,
             const double *p,
             const Placed *from,
             const Placed *to,
             GArray       *obstacles,
             const Rect   *area)
{
  /* A little air between a line and a card it passes. */
  double air = u (self, 3);

  if (!curve_inside (p, area))
    return FALSE;
  for (guint i = 0; i < obstacles->len; i++)
    {
      const Obstacle *o = &g_array_index (obstacles, Obstacle, i);
      Rect r = { o->rect.x - air, o->rect.y - air, o->rect.width + 2 * air, o->rect.height + 2 * air };

      if (o->item != NULL && (o->item == from->item || o->item == to->item))
        continue;
      if (curve_hits_rect (p, &r))
        return FALSE;
    }
  return TRUE;
}

/* A route for the arrow from @from to @to that crosses no card but its
 * own two and no heading, and stays in @area: forwards, from the right
 * edge into the left edge; one above the other in a column, a bracket
 * through the gutter at its right (@gutter_x) that shares no stretch of
 * it with another arrow. Returns FALSE where there is none: the card says it instead. */
static gboolean
route_arrow (KoersSlide   *self,
             const Placed *from,
             const Placed *to,
             double        gutter_x,
             GArray       *obstacles,
             GArray       *stretches,
             const Rect   *area,
             double       *points)
{
  static const double heights[] = { 0.5, 0.3, 0.7 };
  const Rect *a = &from->rect, *b = &to->rect;

  if (b->x > rect_right (a) + 1)
    {
      for (guint i = 0; i < G_N_ELEMENTS (heights); i++)
        for (guint k = 0; k < G_N_ELEMENTS (heights); k++)
          {
            double x0 = rect_right (a), y0 = a->y + a->height * heights[i];
            double x3 = b->x, y3 = b->y + b->height * heights[k];
            double dx = (x3 - x0) * 0.5;
            double p[8] = { x0, y0, x0 + dx, y0, x3 - dx, y3, x3, y3 };

            if (route_clear (self, p, from, to, obstacles, area))
              {
                memcpy (points, p, sizeof p);
                return TRUE;
              }
          }
      return FALSE;
    }

  if (fabs (a->x - b->x) < 1 && from->column == to->column)
    {
      /* The curve's control points lie a third beyond the gutter so that
       * the curve itself reaches it. */
      /* Out below the middle, in above it: in a chain of brackets, the
       * one into a card and the one out of it do not meet. */
      double x0 = rect_right (a), y0 = a->y + a->height * 0.62;
      double x3 = rect_right (b), y3 = b->y + b->height * 0.38;
      double xg = gutter_x + (gutter_x - MAX (x0, x3)) / 3;
      double p[8] = { x0, y0, xg, y0, xg, y3, x3, y3 };
      Stretch s = { gutter_x, MIN (y0, y3), MAX (y0, y3) };

      for (guint i = 0; i < stretches->len; i++)
        {
          const Stretch *o = &g_array_index (stretches, Stretch, i);
          if (fabs (o->x - s.x) < 1 && o->top < s.bottom - 1 && s.top < o->bottom - 1)
            return FALSE;
        }
      if (!route_clear (self, p, from, to, obstacles, area))
        return FALSE;
      g_array_append_val (stretches, s);
      memcpy (points, p, sizeof p);
      return TRUE;
    }
  return FALSE;
}

static void
add_arrow (KoersSlide             *self,
           Page                   *page,
           const double           *points,
           const KoersRoadmapItem *from,
           const KoersRoadmapItem *to)
{
  Op op = { 0 };

  op.kind = OP_ARROW;
  op.head = u (self, 8);
  op.line_width = u (self, 1.5);
  /* The rules' colour, lighter than text: arrows are context. */
  op.stroke = self->palette->line;
  memcpy (op.points, points, sizeof op.points);
  op.from = from;
  op.to = to;
  g_array_append_val (page->ops, op);
}

/* A dependency that found no clear route on this build: said on the
 * card from the next build on. */
static void
defer_to_text (KoersSlide *self,
               const char *to,
               const char *from)
{
  g_hash_table_add (self->new_text_deps, dep_key (to, from));
}

/* Places the rows start … end - 1 of a cell's cards, from @top. */
static void
place_cell (KoersSlide   *self,
            GArray       *placed,
            GPtrArray    *items,
            const Rect   *cell,
            double        top,
            guint         column,
            guint         start,
            guint         end,
            double        card_width,
            guint         sub,
            const Config *config)
{
  g_autoptr(GArray) rows = cell_rows (self, items, card_width, config->font, sub, NULL);
  double pad = u (self, CELL_PAD), gap = u (self, CARD_GAP), sub_gap = u (self, SUB_GAP);
  double y = top;

  for (guint r = start; r < end; r++)
    {
      double row_h = g_array_index (rows, double, r);

      /* Cards side by side share the row's height. */
      for (guint k = r * sub; k < MIN ((r + 1) * sub, items->len); k++)
        {
          Placed p = {
            g_ptr_array_index (items, k),
            { cell->x + pad + (k - r * sub) * (card_width + sub_gap), y, card_width, row_h },
            *cell,
            column,
          };
          g_array_append_val (placed, p);
        }
      y += row_h + gap;
    }
}

static void
build_page (KoersSlide     *self,
            const PagePlan *plan,
            const Config   *config,
            guint           page_number,
            guint           n_pages)
{
  const KoersPalette *pal = self->palette;
  Page *page = page_new ();
  Geometry geo;
  guint nl = n_lanes (self), nc = self->columns->len;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree double *lane_y = g_new0 (double, nl);
  g_autofree double *lane_h = g_new0 (double, nl);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(GArray) obstacles = g_array_new (FALSE, FALSE, sizeof (Obstacle));
  g_autoptr(GArray) stretches = g_array_new (FALSE, FALSE, sizeof (Stretch));
  Rect page_rect = { 0, 0, self->width, self->height };
  Rect org_cell = { 0 };
  Rect grid;
  guint shown = 0;
  double content = 0, extra, y, lanes_right;
  double pad = u (self, CELL_PAD);
  double lane_gap = u (self, LANE_GAP * gap_scale (self));
  gboolean dark = is_dark (self);

  geometry_init (self, &geo, plan->first, plan->n, config);
  lanes_right = geo.col_x[plan->n - 1] + geo.col_width[plan->n - 1];
  /* Where arrows may run: the grid, and the margin's inner half. */
  grid = (Rect) { geo.col_x[0], geo.lanes_top,
                  self->width - u (self, MARGIN) / 2 - geo.col_x[0], geo.lanes_height };

  build_band (self, page, page_number, n_pages);
  build_strip (self, page, self->grid_bottom + u (self, BAND_GAP));

  /* Phase headings. */
  for (guint c = 0; c < plan->n; c++)
    {
      Column *column = column_get (self, plan->first + c);
      g_autoptr(PangoLayout) title = NULL;
      g_autoptr(PangoLayout) second = NULL;
      Rect header = { geo.col_x[c], geo.header_top, geo.col_width[c], geo.header_height };

      phase_heading (self, column->phase, geo.col_width[c], plan->vpage > 0, config->font, &title, &second);
      add_text (self, page, title, geo.col_x[c], geo.header_top, &pal->ink, &header,
                ROLE_PHASE, "phase heading");
      if (second)
        add_text (self, page, second, geo.col_x[c], geo.header_top + layout_height (title) + u (self, 2),
                  &pal->ink_muted, &header, ROLE_OTHER, "phase period");
    }

  /* Lane heights: what the cards need, then the spare height shared out
   * so that the grid fills the page. */
  for (guint l = 0; l < nl; l++)
    {
      gboolean has = FALSE;
      double h = 0;

      for (guint c = plan->first + geo.has_org; c < plan->first + plan->n; c++)
        {
          guint i = l * nc + c;
          GPtrArray *items = column_get (self, c)->cells[l];
          g_autoptr(GArray) rows = NULL;

          if (plan->row_end[i] <= plan->row_start[i] || items->len == 0)
            continue;
          has = TRUE;
          rows = cell_rows (self, items, geo.card_width, config->font, geo.sub[c - plan->first], NULL);
          h = MAX (h, rows_height (self, rows, plan->row_start[i], plan->row_end[i]));
        }
      if (!has)
        continue;
      lane_h[l] = MAX (h, self->lane_min_height[l]);
      content += lane_h[l];
      shown++;
    }
  extra = shown ? (geo.lanes_height - content - (shown - 1) * lane_gap) / shown : 0;
  extra = MAX (0, extra);

  /* Backgrounds first: the lanes' tints and the organisation's column. */
  y = geo.lanes_top;
  for (guint l = 0; l < nl; l++)
    {
      KoersColor tint;
      Rect band;

      if (lane_h[l] == 0)
        continue;
      lane_h[l] += extra;
      lane_y[l] = y;
      tint = color_alpha (&lane_get (self, l)->color, dark ? 0.16 : 0.08);
      band = (Rect) { geo.lane_header_x, y, lanes_right - geo.lane_header_x, lane_h[l] };
      add_rect (page, &band, u (self, CARD_RADIUS), &tint, NULL, 0, FALSE);
      y += lane_h[l] + lane_gap;
    }
  if (geo.has_org)
    {
      KoersColor tint = color_alpha (&pal->ink, dark ? 0.07 : 0.045);

      org_cell = (Rect) { geo.col_x[0], geo.lanes_top, geo.col_width[0], geo.lanes_height };
      add_rect (page, &org_cell, u (self, CARD_RADIUS), &tint, NULL, 0, FALSE);
      place_cell (self, placed, column_get (self, plan->first)->cells[0], &org_cell,
                  org_cell.y + self->org_label_height + pad, plan->first,
                  plan->row_start[plan->first], plan->row_end[plan->first], geo.card_width,
                  geo.sub[0], config);
    }

  for (guint l = 0; l < nl; l++)
    {
      if (lane_h[l] == 0)
        continue;
      for (guint c = plan->first + geo.has_org; c < plan->first + plan->n; c++)
        {
          guint i = l * nc + c;
          Rect cell = { geo.col_x[c - plan->first], lane_y[l], geo.col_width[c - plan->first], lane_h[l] };

          if (plan->row_end[i] > plan->row_start[i])
            place_cell (self, placed, column_get (self, c)->cells[l], &cell, cell.y + pad, c,
                        plan->row_start[i], plan->row_end[i], geo.card_width,
                        geo.sub[c - plan->first], config);
        }
    }

  /* Arrows above the backgrounds and under everything else, where one
   * finds a clear route; see route_arrow(). */
  for (guint k = 0; k < placed->len; k++)
    {
      Placed *p = &g_array_index (placed, Placed, k);
      Obstacle o = { p->rect, p->item };

      g_hash_table_insert (by_id, p->item->id, p);
      g_array_append_val (obstacles, o);
    }
  for (guint l = 0; l < nl; l++)
    if (lane_h[l] > 0)
      {
        Obstacle o = { { geo.lane_header_x, lane_y[l], self->lane_header_width, lane_h[l] }, NULL };
        g_array_append_val (obstacles, o);
      }
  if (geo.has_org)
    {
      Obstacle o = { { org_cell.x, org_cell.y, org_cell.width, self->org_label_height }, NULL };
      g_array_append_val (obstacles, o);
    }
  for (guint k = 0; k < placed->len; k++)
    {
      Placed *to = &g_array_index (placed, Placed, k);

      for (guint a = 0; to->item->after != NULL && to->item->after[a] != NULL; a++)
        {
          const char *before = to->item->after[a];
          Placed *from = g_hash_table_lookup (by_id, before);
          double gutter = rect_right (&to->cell) + (to->column + 1 < plan->first + plan->n
                                                    ? geo.col_gap / 2 : u (self, MARGIN) / 3);
          double points[8];

          if (koers_roadmap_lookup_item (self->roadmap, before) == NULL ||
              dep_is_text (self, to->item->id, before))
            continue;
          if (from != NULL && route_arrow (self, from, to, gutter, obstacles, stretches, &grid, points))
            add_arrow (self, page, points, from->item, to->item);
          else
            defer_to_text (self, to->item->id, before);
        }
    }
  /* Dependencies said on their cards that would have a route on this
   * page: layout_slide() may try them as arrows once. */
  for (guint k = 0; k < placed->len; k++)
    {
      Placed *to = &g_array_index (placed, Placed, k);

      for (guint a = 0; to->item->after != NULL && to->item->after[a] != NULL; a++)
        {
          Placed *from = g_hash_table_lookup (by_id, to->item->after[a]);
          double gutter = rect_right (&to->cell) + (to->column + 1 < plan->first + plan->n
                                                    ? geo.col_gap / 2 : u (self, MARGIN) / 3);
          double points[8];

          g_autofree char *key = from ? dep_key (to->item->id, from->item->id) : NULL;

          if (from != NULL && g_hash_table_contains (self->text_deps, key) &&
              !g_hash_table_contains (self->between_lanes, key) &&
              route_arrow (self, from, to, gutter, obstacles, stretches, &grid, points))
            g_hash_table_add (self->relaxable, g_steal_pointer (&key));
        }
    }

  /* Lane headings. */
  for (guint l = 0; l < nl; l++)
    {
      const Lane *lane = lane_get (self, l);
      g_autoptr(PangoLayout) name = NULL;
      Rect header;

      if (lane_h[l] == 0)
        continue;
      header = (Rect) { geo.lane_header_x, lane_y[l], self->lane_header_width, lane_h[l] };
      add_rect (page, &header, u (self, CARD_RADIUS), &lane->color, NULL, 0, FALSE);
      add_box (page, BOX_HEADING, ROLE_OTHER, &header, &page_rect, "lane heading");
      name = make_layout (self, lane->name, u (self, LANE_FONT), PANGO_WEIGHT_BOLD,
                          self->lane_header_width - 2 * u (self, 10), PANGO_ALIGN_LEFT, FALSE);
      add_text (self, page, name, header.x + u (self, 10), header.y + u (self, 10),
                &lane->on_color, &header, ROLE_OTHER, "lane heading");
    }
  if (geo.has_org)
    {
      /* The organisation's lane runs down its column: its heading is a
       * bar across the top, in the lane headings' style. */
      const Lane *lane = lane_get (self, 0);
      g_autoptr(PangoLayout) name = make_layout (self, lane->name, u (self, LANE_FONT), PANGO_WEIGHT_BOLD,
                                                 -1, PANGO_ALIGN_LEFT, FALSE);
      Rect bar = { org_cell.x, org_cell.y, org_cell.width, self->org_label_height };

      add_rect (page, &bar, u (self, CARD_RADIUS), &lane->color, NULL, 0, FALSE);
      add_box (page, BOX_HEADING, ROLE_OTHER, &bar, &page_rect, "lane heading");
      add_text (self, page, name, bar.x + u (self, 10), bar.y + (bar.height - layout_height (name)) / 2,
                &lane->on_color, &bar, ROLE_OTHER, "lane heading");
    }

  for (guint k = 0; k < placed->len; k++)
    {
      Placed *p = &g_array_index (placed, Placed, k);
      build_card (self, page, p->item, &p->rect, &p->cell, config->font);
      /* Every cell stands inside the page. */
      add_box (page, BOX_CELL, ROLE_OTHER, &p->cell, &page_rect, "cell");
    }

  geometry_clear (&geo);
  g_ptr_array_add (self->pages, page);
}

/* The widest of the words of @text (the stretches between break
 * opportunities) set at @size, leaving out those wider than @cap. */
static double
widest_word (KoersSlide  *self,
             const char  *text,
             double       size,
             PangoWeight  weight,
             double       cap)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, size, weight, -1, PANGO_ALIGN_LEFT, FALSE);
  int n_attrs = 0, start = 0;
  const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  double widest = 0;

  for (int i = 1; i < n_attrs; i++)
    {
      const char *from, *to;
      double w;

      if (!attrs[i].is_line_break && i < n_attrs - 1)
        continue;
      from = g_utf8_offset_to_pointer (text, start);
      to = g_utf8_offset_to_pointer (text, i);
      start = i;
      while (to > from && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (to))))
        to = g_utf8_prev_char (to);
      if (to == from)
        continue;
      w = text_width_at (self, layout, from, to - from, size);
      if (w <= cap)
        widest = MAX (widest, w);
    }
  return widest;
}

/* Where an item stands: its column, and its lane (-1: the organisation's
 * column). */
static void
item_place (KoersSlide             *self,
            const KoersRoadmapItem *item,
            int                    *column,
            int                    *lane)
{
  *column = *lane = -2;
  for (guint c = 0; c < self->columns->len; c++)
    for (guint l = 0; l < n_lanes (self); l++)
      if (g_ptr_array_find (column_get (self, c)->cells[l], item, NULL))
        {
          *column = c;
          *lane = column_get (self, c)->is_org ? -1 : (int) l;
          return;
        }
}

/* Dependencies between lanes (or out of the organisation's column, past
 * the lane headings) are said on the card: a line from one lane into
 * another, even where it finds a way between the cards, runs too far to
 * be followed from the back of a room. */
static void
initial_text_deps (KoersSlide *self)
{
  for (guint c = 0; c < self->columns->len; c++)
    for (guint l = 0; l < n_lanes (self); l++)
      {
        GPtrArray *items = column_get (self, c)->cells[l];

        for (guint i = 0; i < items->len; i++)
          {
            const KoersRoadmapItem *item = g_ptr_array_index (items, i);
            int to_column, to_lane;

            item_place (self, item, &to_column, &to_lane);
            for (guint a = 0; item->after != NULL && item->after[a] != NULL; a++)
              {
                const KoersRoadmapItem *before = koers_roadmap_lookup_item (self->roadmap, item->after[a]);
                int from_column, from_lane;

                if (before == NULL)
                  continue;
                item_place (self, before, &from_column, &from_lane);
                if (from_lane != to_lane || from_column > to_column)
                  {
                    g_hash_table_add (self->text_deps, dep_key (item->id, before->id));
                    g_hash_table_add (self->between_lanes, dep_key (item->id, before->id));
                  }
              }
          }
      }
}

static void
all_deps_text (KoersSlide *self)
{
  for (guint c = 0; c < self->columns->len; c++)
    for (guint l = 0; l < n_lanes (self); l++)
      {
        GPtrArray *items = column_get (self, c)->cells[l];

        for (guint i = 0; i < items->len; i++)
          {
            const KoersRoadmapItem *item = g_ptr_array_index (items, i);

            for (guint a = 0; item->after != NULL && item->after[a] != NULL; a++)
              g_hash_table_add (self->text_deps, dep_key (item->id, item->after[a]));
          }
      }
}

static void
compute_lane_header_width (KoersSlide *self)
{
  double widest = 0;

  for (guint l = 1; l < n_lanes (self); l++)
    widest = MAX (widest, widest_word (self, lane_get (self, l)->name, u (self, LANE_FONT), PANGO_WEIGHT_BOLD,
                                       G_MAXDOUBLE));
  /* As wide as the longest word of a lane's name ("Volwassenheidsmatrix"),
   * up to a limit: a longer one breaks. */
  self->lane_header_width = CLAMP (widest + 2 * u (self, 10) + 1, u (self, 90), u (self, LANE_HEADER_MAX));
}

/* The room a card's inside needs for the longest word it may hold at the
 * smallest sizes: of its title, owner line, chips and of the titles it
 * may say it comes after. Words longer than about two dozen letters are left
 * out: rather than make every card that wide (and the roadmap a page
 * longer), such a word breaks. */
static void
compute_word_inner (KoersSlide *self)
{
  double title = u (self, TITLE_FONT_MIN), meta = u (self, meta_font (TITLE_FONT_MIN));
  double chip = u (self, chip_font (TITLE_FONT_MIN));
  double cap = card_word_cap (self, ROLE_CARD_TITLE);
  double widest = 0;

  for (guint c = 0; c < self->columns->len; c++)
    for (guint l = 0; l < n_lanes (self); l++)
      {
        GPtrArray *items = column_get (self, c)->cells[l];

        for (guint i = 0; i < items->len; i++)
          {
            const KoersRoadmapItem *item = g_ptr_array_index (items, i);
            gboolean muted = item->status == KOERS_STATUS_DONE || item->status == KOERS_STATUS_SKIPPED;
            double check = item->status == KOERS_STATUS_DONE ? title + u (self, 6) : 0;
            g_autofree char *text = card_meta_text (item);
            KoersModel *models[MAX_CHIPS];
            guint n_models = item_models (self, item, models, MAX_CHIPS);

            widest = MAX (widest, check + widest_word (self, item->title, title,
                                                       muted ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_BOLD,
                                                       cap - check));
            if (text)
              widest = MAX (widest, widest_word (self, text, meta, PANGO_WEIGHT_NORMAL, cap));
            for (guint m = 0; m < n_models; m++)
              widest = MAX (widest, 2 * u (self, CHIP_PAD_X) +
                            widest_word (self, koers_model_get_short_name (models[m]), chip,
                                         PANGO_WEIGHT_BOLD, cap - 2 * u (self, CHIP_PAD_X)));
            for (guint a = 0; item->after != NULL && item->after[a] != NULL; a++)
              {
                const KoersRoadmapItem *before = koers_roadmap_lookup_item (self->roadmap, item->after[a]);
                g_autofree char *deps = before ? g_strdup_printf (_("after: %s"), before->title) : NULL;

                if (deps)
                  widest = MAX (widest, widest_word (self, deps, meta, PANGO_WEIGHT_NORMAL, cap));
              }
          }
      }
  self->word_inner = widest + 1;
}

static void
layout_slide (KoersSlide *self)
{
  g_autoptr(GHashTable) before_relax = NULL;
  Config config;
  double margin = u (self, MARGIN);

  collect_lanes_and_columns (self);
  compute_lane_header_width (self);
  compute_word_inner (self);
  self->lane_min_height = g_new0 (double, n_lanes (self));
  for (guint l = 0; l < n_lanes (self); l++)
    self->lane_min_height[l] = measure_lane_label (self, l);
  self->org_label_height = measure_org_label (self);

  self->band_height = build_band (self, NULL, 0, 1);
  self->strip_height = build_strip (self, NULL, 0);
  self->grid_top = margin + self->band_height + u (self, BAND_GAP);
  self->grid_bottom = self->height - margin - self->strip_height - u (self, BAND_GAP);
  self->min_font_used = G_MAXDOUBLE;

  if (self->columns->len == 0)
    {
      /* Nothing to plan: the band and the strip alone. */
      Page *page = page_new ();
      build_band (self, page, 0, 1);
      build_strip (self, page, self->grid_bottom + u (self, BAND_GAP));
      g_ptr_array_add (self->pages, page);
      return;
    }

  initial_text_deps (self);
  for (guint round = 0, relaxed = FALSE; ; round++)
    {
      g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (page_plan_free);
      GHashTableIter iter;
      gpointer key;

      choose_config (self, &config);
      evaluate (self, &config, plans);
      if (plans->len == 0)
        {
          /* Even the smallest layout does not fit (a page far too small):
           * draw it anyway, and let koers_slide_check() say what is wrong. */
          g_ptr_array_add (plans, page_plan_new (self, 0, self->columns->len, 0));
        }

      g_hash_table_remove_all (self->relaxable);
      for (guint p = 0; p < plans->len; p++)
        build_page (self, g_ptr_array_index (plans, p), &config, p, plans->len);

      if (g_hash_table_size (self->new_text_deps) > 0 && before_relax != NULL)
        {
          /* Trying those as arrows cost another route: back to the
           * dependencies in words of the layout before, which needed no
           * further round. */
          g_hash_table_remove_all (self->new_text_deps);
          g_hash_table_unref (self->text_deps);
          self->text_deps = g_steal_pointer (&before_relax);
        }
      else if (g_hash_table_size (self->new_text_deps) > 0)
        {
          /* Some arrows found no route: their cards say it, which changes
           * the cards' sizes; lay out again. After a few rounds, every
           * dependency is said on its card, and the next round is the
           * last. */
          g_hash_table_iter_init (&iter, self->new_text_deps);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_hash_table_add (self->text_deps, g_strdup (key));
          g_hash_table_remove_all (self->new_text_deps);
          if (round >= 4)
            all_deps_text (self);
        }
      else if (!relaxed && round < 4 && g_hash_table_size (self->relaxable) > 0)
        {
          /* A dependency said in words in an earlier round may have a
           * route now that the cards have settled: once, try those as
           * arrows (their cards get shorter; if that costs another
           * route, the rounds above take it back into words). */
          before_relax = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_iter_init (&iter, self->text_deps);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_hash_table_add (before_relax, g_strdup (key));
          g_hash_table_iter_init (&iter, self->relaxable);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_hash_table_remove (self->text_deps, key);
          relaxed = TRUE;
        }
      else
        break;

      g_ptr_array_set_size (self->pages, 0);
      self->min_font_used = G_MAXDOUBLE;
    }
}

/* --- GObject -------------------------------------------------------------- */

static void
koers_slide_finalize (GObject *object)
{
  KoersSlide *self = (KoersSlide *) object;

  g_clear_object (&self->project);
  g_clear_object (&self->roadmap);
  g_clear_object (&self->context);
  g_clear_pointer (&self->card_sizes, g_hash_table_unref);
  g_clear_pointer (&self->header_heights, g_hash_table_unref);
  g_clear_pointer (&self->text_deps, g_hash_table_unref);
  g_clear_pointer (&self->new_text_deps, g_hash_table_unref);
  g_clear_pointer (&self->relaxable, g_hash_table_unref);
  g_clear_pointer (&self->between_lanes, g_hash_table_unref);
  g_clear_pointer (&self->lane_min_height, g_free);
  if (self->columns)
    for (guint c = 0; c < self->columns->len; c++)
      {
        Column *column = column_get (self, c);
        for (guint l = 0; l < self->lanes->len; l++)
          g_ptr_array_unref (column->cells[l]);
      }
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self->date);
  g_free (self->organisation);

  G_OBJECT_CLASS (koers_slide_parent_class)->finalize (object);
}

static void
koers_slide_class_init (KoersSlideClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koers_slide_finalize;
}

static void
koers_slide_init (KoersSlide *self)
{
  self->lanes = g_array_new (FALSE, TRUE, sizeof (Lane));
  g_array_set_clear_func (self->lanes, lane_clear);
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  self->card_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->header_heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->text_deps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->new_text_deps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->relaxable = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->between_lanes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * koers_slide_format_date:
 * @dt: (nullable): the day, or %NULL for today
 *
 * The date as the slide prints it, e.g. "23 November 2026", in the
 * language of the interface (see koers_format_day()).
 *
 * Returns: (transfer full): the text
 */
char *
koers_slide_format_date (GDateTime *dt)
{
  g_autoptr(GDateTime) now = dt ? g_date_time_ref (dt) : g_date_time_new_now_local ();

  return koers_format_day (g_date_time_get_year (now),
                           g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now));
}

/**
 * koers_slide_new:
 * @project: the project: its organisation and placements
 * @roadmap: the roadmap built from @project
 * @width: the page width in logical units (pixels at scale 1, or points)
 * @height: the page height
 * @options: theme and background
 * @date: (nullable): the date printed in the top band, or %NULL for today
 *
 * Lays the roadmap out on as many pages of @width × @height as it needs
 * to stay legible. The layout is fixed once made: draw it with
 * koers_slide_draw_page().
 *
 * Returns: (transfer full): the slide
 */
KoersSlide *
koers_slide_new (KoersProject             *project,
                 KoersRoadmap             *roadmap,
                 double                    width,
                 double                    height,
                 const KoersRenderOptions *options,
                 const char               *date)
{
  KoersSlide *self;
  cairo_font_options_t *font_options;
  const char *organisation;

  g_return_val_if_fail (KOERS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (KOERS_IS_ROADMAP (roadmap), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (KOERS_TYPE_SLIDE, NULL);
  self->project = g_object_ref (project);
  self->roadmap = g_object_ref (roadmap);
  self->width = width;
  self->height = height;
  self->options = *options;
  self->palette = koers_palette_for (options);
  self->date = date ? g_strdup (date) : koers_slide_format_date (NULL);
  organisation = koers_project_get_organisation_name (project);
  if (organisation == NULL || organisation[0] == '\0')
    organisation = koers_roadmap_get_organisation (roadmap);
  self->organisation = g_strdup (organisation ? organisation : "");
  self->unit = MIN (width / 1920.0, height / 1080.0);
  self->min_font = MIN_FONT * self->unit;

  /* Metrics independent of the surface and of the scale: the same layout
   * for PNG at any scale, SVG and PDF, and for the check. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->context, font_options);
  cairo_font_options_destroy (font_options);
  pango_cairo_context_set_resolution (self->context, 72);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_get_default ());

  layout_slide (self);

  /* The measuring cache is of no use once the pages are built. */
  g_hash_table_remove_all (self->card_sizes);
  g_hash_table_remove_all (self->header_heights);
  if (self->min_font_used == G_MAXDOUBLE)
    self->min_font_used = self->min_font;

  return self;
}

/**
 * koers_slide_get_n_pages:
 * @self: a slide
 *
 * Returns: the number of pages, at least 1
 */
guint
koers_slide_get_n_pages (KoersSlide *self)
{
  g_return_val_if_fail (KOERS_IS_SLIDE (self), 0);
  return self->pages->len;
}

static void
rounded_rect (cairo_t    *cr,
              const Rect *r,
              double      radius)
{
  radius = MIN (radius, MIN (r->width, r->height) / 2);
  if (radius <= 0)
    {
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, rect_right (r) - radius, r->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, rect_right (r) - radius, rect_bottom (r) - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r->x + radius, rect_bottom (r) - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_op (cairo_t  *cr,
         const Op *op)
{
  /* Text leaves a current point behind; an arc would join it with a line. */
  cairo_new_path (cr);
  switch (op->kind)
    {
    case OP_RECT:
      if (op->fill.alpha > 0)
        {
          rounded_rect (cr, &op->rect, op->radius);
          koers_set_source_color (cr, &op->fill);
          cairo_fill (cr);
        }
      if (op->stroke.alpha > 0 && op->line_width > 0)
        {
          Rect inset = { op->rect.x + op->line_width / 2, op->rect.y + op->line_width / 2,
                         op->rect.width - op->line_width, op->rect.height - op->line_width };
          rounded_rect (cr, &inset, op->radius);
          koers_set_source_color (cr, &op->stroke);
          cairo_set_line_width (cr, op->line_width);
          if (op->dashed)
            {
              double dash[] = { op->line_width * 4, op->line_width * 3 };
              cairo_set_dash (cr, dash, 2, 0);
            }
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      break;

    case OP_TEXT:
      cairo_move_to (cr, op->x, op->y);
      koers_set_source_color (cr, &op->stroke);
      pango_cairo_show_layout (cr, op->layout);
      break;

    case OP_LINE:
      cairo_move_to (cr, op->points[0], op->points[1]);
      cairo_line_to (cr, op->points[2], op->points[3]);
      koers_set_source_color (cr, &op->stroke);
      cairo_set_line_width (cr, op->line_width);
      cairo_stroke (cr);
      break;

    case OP_ARROW:
      {
        const double *p = op->points;
        double dx = p[6] - p[4], dy = p[7] - p[5];
        double len = hypot (dx, dy);
        double ux, uy, bx, by;

        if (len < 1e-6)
          {
            dx = p[6] - p[0];
            dy = p[7] - p[1];
            len = MAX (hypot (dx, dy), 1e-6);
          }
        ux = dx / len;
        uy = dy / len;
        /* The line stops where the head begins, so that its end does not
         * poke through the head's tip. */
        bx = p[6] - ux * op->head * 0.8;
        by = p[7] - uy * op->head * 0.8;

        koers_set_source_color (cr, &op->stroke);
        cairo_set_line_width (cr, op->line_width);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_move_to (cr, p[0], p[1]);
        cairo_curve_to (cr, p[2], p[3], p[4], p[5], bx, by);
        cairo_stroke (cr);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

        cairo_move_to (cr, p[6], p[7]);
        cairo_line_to (cr, p[6] - ux * op->head - uy * op->head * 0.45,
                       p[7] - uy * op->head + ux * op->head * 0.45);
        cairo_line_to (cr, p[6] - ux * op->head + uy * op->head * 0.45,
                       p[7] - uy * op->head - ux * op->head * 0.45);
        cairo_close_path (cr);
        cairo_fill (cr);
      }
      break;

    case OP_CHECK:
      {
        const Rect *r = &op->rect;
        double s = MIN (r->width, r->height);
        double cx = r->x + r->width / 2, cy = r->y + r->height / 2;

        koers_set_source_color (cr, &op->stroke);
        cairo_arc (cr, cx, cy, s / 2, 0, 2 * G_PI);
        cairo_fill (cr);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_set_line_width (cr, s * 0.13);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
        cairo_move_to (cr, cx - s * 0.24, cy + s * 0.01);
        cairo_line_to (cr, cx - s * 0.06, cy + s * 0.19);
        cairo_line_to (cr, cx + s * 0.25, cy - s * 0.17);
        cairo_stroke (cr);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
        cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * koers_slide_draw_page:
 * @self: a slide
 * @cr: where to draw, in logical units: the page is width × height
 * @page: which page, from 0
 *
 * Draws the page, its background included (as the options say).
 */
void
koers_slide_draw_page (KoersSlide *self,
                       cairo_t    *cr,
                       guint       page)
{
  Page *p;

  g_return_if_fail (KOERS_IS_SLIDE (self));
  g_return_if_fail (page < self->pages->len);

  p = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  koers_paint_background (cr, &self->options, self->width, self->height);
  for (guint i = 0; i < p->ops->len; i++)
    draw_op (cr, &g_array_index (p->ops, Op, i));
  cairo_restore (cr);
}

static gboolean
check_fail (GError    **error,
            guint       page,
            const char *format,
            ...) G_GNUC_PRINTF (3, 4);

static gboolean
check_fail (GError    **error,
            guint       page,
            const char *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, KOERS_SLIDE_ERROR, KOERS_SLIDE_ERROR_LAYOUT, "page %u: %s", page + 1, message);
  return FALSE;
}

/* The texts of @item's card on @page, by role. */
typedef struct {
  const Box *card;
  GPtrArray *texts;  /* const Box*: texts and the check mark */
} CardBoxes;

static void
card_boxes_free (gpointer data)
{
  CardBoxes *cb = data;
  g_ptr_array_unref (cb->texts);
  g_free (cb);
}

static gboolean
card_has_text (const CardBoxes *cb,
               Role             role,
               const char      *text,
               gboolean         whole)
{
  for (guint i = 0; i < cb->texts->len; i++)
    {
      const Box *box = g_ptr_array_index (cb->texts, i);
      const char *shown;

      if (box->role != role || box->layout == NULL)
        continue;
      shown = pango_layout_get_text (box->layout);
      if (whole ? g_str_equal (shown, text) : strstr (shown, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
card_has_role (const CardBoxes *cb,
               Role             role)
{
  for (guint i = 0; i < cb->texts->len; i++)
    if (((const Box *) g_ptr_array_index (cb->texts, i))->role == role)
      return TRUE;
  return FALSE;
}

static const Op *
find_arrow (const Page             *page,
            const KoersRoadmapItem *to,
            const char             *from)
{
  for (guint i = 0; i < page->ops->len; i++)
    {
      const Op *op = &g_array_index (page->ops, Op, i);
      if (op->kind == OP_ARROW && op->to == to && op->from != NULL && g_str_equal (op->from->id, from))
        return op;
    }
  return NULL;
}

/* Everything the card of @cb's item has is on it: the title whole, a
 * chip per model, owner, due and status when set, the check mark when
 * done, and each dependency as an arrow on this page or in words. */
static gboolean
check_card (KoersSlide      *self,
            const Page      *page,
            guint            p,
            const CardBoxes *cb,
            GError         **error)
{
  const KoersRoadmapItem *item = cb->card->item;
  KoersModel *models[MAX_CHIPS];
  guint n_models = item_models (self, item, models, MAX_CHIPS);

  if (!card_has_text (cb, ROLE_CARD_TITLE, item->title, TRUE))
    return check_fail (error, p, "%s does not show its title whole", cb->card->what);
  for (guint m = 0; m < n_models; m++)
    if (!card_has_text (cb, ROLE_CHIP, koers_model_get_short_name (models[m]), TRUE))
      return check_fail (error, p, "%s does not show the model “%s”", cb->card->what,
                         koers_model_get_short_name (models[m]));
  if (has_text (item->owner) && !card_has_text (cb, ROLE_META, item->owner, FALSE))
    return check_fail (error, p, "%s does not show its owner “%s”", cb->card->what, item->owner);
  if (has_text (item->due))
    {
      g_autofree char *due = format_due (item->due);
      if (!card_has_text (cb, ROLE_META, due, FALSE))
        return check_fail (error, p, "%s does not show “%s”", cb->card->what, due);
    }
  if (item->status != KOERS_STATUS_TODO &&
      !card_has_text (cb, ROLE_META, koers_status_get_label (item->status), FALSE))
    return check_fail (error, p, "%s does not show its status “%s”", cb->card->what,
                       koers_status_get_label (item->status));
  if (item->status == KOERS_STATUS_DONE && !card_has_role (cb, ROLE_CHECK))
    return check_fail (error, p, "%s is done but shows no check mark", cb->card->what);
  for (guint a = 0; item->after != NULL && item->after[a] != NULL; a++)
    {
      const KoersRoadmapItem *before = koers_roadmap_lookup_item (self->roadmap, item->after[a]);
      g_autofree char *said = NULL;

      if (before == NULL || find_arrow (page, item, before->id) != NULL)
        continue;
      said = g_strdup_printf (_("after: %s"), before->title);
      if (!card_has_text (cb, ROLE_META, said, FALSE))
        return check_fail (error, p, "%s comes after “%s”, but neither an arrow nor its text says so",
                           cb->card->what, before->title);
    }
  return TRUE;
}

/* An arrow runs from its card's edge to the other's, and crosses no other
 * card, no heading and no text but its two cards' own. */
static gboolean
check_arrow (const Page *page,
             guint       p,
             const Op   *op,
             GError    **error)
{
  const Box *from = NULL, *to = NULL;
  Rect start = { op->points[0], op->points[1], 0, 0 }, end = { op->points[6], op->points[7], 0, 0 };

  for (guint i = 0; i < page->boxes->len; i++)
    {
      const Box *box = &g_array_index (page->boxes, Box, i);
      if (box->kind == BOX_CARD && box->item == op->from)
        from = box;
      if (box->kind == BOX_CARD && box->item == op->to)
        to = box;
    }
  if (from == NULL || to == NULL)
    return check_fail (error, p, "an arrow to “%s” has a card not on the page", op->to->title);
  if (!rect_contains (&from->rect, &start) || !rect_contains (&to->rect, &end))
    return check_fail (error, p, "the arrow from “%s” to “%s” does not join their cards",
                       op->from->title, op->to->title);

  for (guint i = 0; i < page->boxes->len; i++)
    {
      const Box *box = &g_array_index (page->boxes, Box, i);

      if (box->kind != BOX_CARD && box->kind != BOX_HEADING && box->kind != BOX_TEXT)
        continue;
      if (box->item != NULL && (box->item == op->from || box->item == op->to))
        continue;
      if (curve_hits_rect (op->points, &box->rect))
        return check_fail (error, p, "the arrow from “%s” to “%s” crosses %s", op->from->title,
                           op->to->title, box->what);
    }
  return TRUE;
}

/* Title > phase heading > card title > owner line, on every page. */
static gboolean
check_hierarchy (const Page *page,
                 guint       p,
                 GError    **error)
{
  static const Role order[] = { ROLE_TITLE, ROLE_PHASE, ROLE_CARD_TITLE, ROLE_META };
  static const char *names[] = { "the title", "a phase heading", "a card title", "an owner line" };
  double least[G_N_ELEMENTS (order)], most[G_N_ELEMENTS (order)];

  for (guint r = 0; r < G_N_ELEMENTS (order); r++)
    {
      least[r] = G_MAXDOUBLE;
      most[r] = 0;
    }
  for (guint i = 0; i < page->boxes->len; i++)
    {
      const Box *box = &g_array_index (page->boxes, Box, i);

      if (box->kind != BOX_TEXT)
        continue;
      for (guint r = 0; r < G_N_ELEMENTS (order); r++)
        if (box->role == order[r])
          {
            least[r] = MIN (least[r], box->font_px);
            most[r] = MAX (most[r], box->font_px);
          }
    }
  for (guint r = 0; r + 1 < G_N_ELEMENTS (order); r++)
    for (guint k = r + 1; k < G_N_ELEMENTS (order); k++)
      if (most[k] > 0 && least[r] < G_MAXDOUBLE && least[r] <= most[k] + 0.01)
        return check_fail (error, p, "%s (%.1f px) is not larger than %s (%.1f px)",
                           names[r], least[r], names[k], most[k]);
  return TRUE;
}

/**
 * koers_slide_check:
 * @self: a slide
 * @error: the first violation found
 *
 * Verifies the layout this slide computed:
 *
 * - every text inside its card (or band, heading, chip), every card
 *   inside its cell, everything inside the page; no two cards and no two
 *   texts overlapping; no text smaller than 14 px at 1920×1080
 *   (proportionally at other sizes);
 * - no text shortened with an ellipsis, and no word broken inside unless
 *   it does not fit its line even at the smallest size it could have had;
 * - the typographic hierarchy on every page: the organisation's name
 *   larger than the phase headings, larger than the card titles, larger
 *   than the owner lines;
 * - every item of the roadmap on exactly one card, and each card showing
 *   its title, a chip per model, its owner, due date and status where
 *   set, a check mark when done, and every dependency: as an arrow on the
 *   page, or in words on the card;
 * - no arrow crossing a card, heading or text other than its two cards'.
 *
 * Returns: whether the layout holds
 */
gboolean
koers_slide_check (KoersSlide  *self,
                   GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  Rect page_rect;

  g_return_val_if_fail (KOERS_IS_SLIDE (self), FALSE);

  page_rect = (Rect) { 0, 0, self->width, self->height };
  for (guint p = 0; p < self->pages->len; p++)
    {
      Page *page = g_ptr_array_index (self->pages, p);
      g_autoptr(GHashTable) cards = g_hash_table_new_full (NULL, NULL, NULL, card_boxes_free);
      GHashTableIter iter;
      gpointer value;

      for (guint i = 0; i < page->boxes->len; i++)
        {
          const Box *box = &g_array_index (page->boxes, Box, i);

          if (!rect_contains (&page_rect, &box->rect))
            return check_fail (error, p, "%s runs off the page (%.1f,%.1f %.1f×%.1f)", box->what,
                               box->rect.x, box->rect.y, box->rect.width, box->rect.height);
          if (!rect_contains (&box->container, &box->rect))
            return check_fail (error, p, "%s sticks out of its %s (%.1f,%.1f %.1f×%.1f in %.1f,%.1f %.1f×%.1f)",
                               box->what, box->kind == BOX_CARD ? "cell" : "box",
                               box->rect.x, box->rect.y, box->rect.width, box->rect.height,
                               box->container.x, box->container.y, box->container.width, box->container.height);
          if (box->kind == BOX_TEXT && box->font_px < self->min_font - 0.001)
            return check_fail (error, p, "%s is set in %.2f px, below the minimum of %.2f px",
                               box->what, box->font_px, self->min_font);
          if (box->kind == BOX_TEXT && pango_layout_is_ellipsized (box->layout))
            return check_fail (error, p, "%s is shortened: “%s”", box->what,
                               pango_layout_get_text (box->layout));
          if (box->kind == BOX_TEXT)
            {
              g_autofree char *word = NULL;
              guint avoidable = 0;

              layout_broken_words (self, box->layout, role_floor (self, box->role, box->font_px),
                                   card_word_cap (self, box->role), &avoidable, &word);
              if (avoidable > 0)
                return check_fail (error, p, "%s breaks “%s” inside, which could have been whole",
                                   box->what, word);
            }
          if (box->kind == BOX_TEXT || box->kind == BOX_CARD)
            for (guint k = i + 1; k < page->boxes->len; k++)
              {
                const Box *other = &g_array_index (page->boxes, Box, k);
                if (other->kind == box->kind && rect_overlaps (&box->rect, &other->rect))
                  return check_fail (error, p, "%s overlaps %s", box->what, other->what);
              }

          /* Collect each card's parts. */
          if (box->item != NULL)
            {
              CardBoxes *cb = g_hash_table_lookup (cards, box->item);

              if (cb == NULL)
                {
                  cb = g_new0 (CardBoxes, 1);
                  cb->texts = g_ptr_array_new ();
                  g_hash_table_insert (cards, (gpointer) box->item, cb);
                }
              if (box->kind == BOX_CARD)
                {
                  if (cb->card != NULL || g_hash_table_contains (seen, box->item))
                    return check_fail (error, p, "%s stands on more than one card", box->what);
                  cb->card = box;
                  g_hash_table_add (seen, (gpointer) box->item);
                }
              else if (box->kind == BOX_TEXT || box->role == ROLE_CHECK)
                g_ptr_array_add (cb->texts, (gpointer) box);
            }
        }

      if (!check_hierarchy (page, p, error))
        return FALSE;

      g_hash_table_iter_init (&iter, cards);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (!check_card (self, page, p, value, error))
          return FALSE;

      for (guint i = 0; i < page->ops->len; i++)
        {
          const Op *op = &g_array_index (page->ops, Op, i);
          if (op->kind == OP_ARROW && op->to != NULL && !check_arrow (page, p, op, error))
            return FALSE;
        }
    }

  /* Every item on a card. */
  for (guint ph = 0; ph < koers_roadmap_get_n_phases (self->roadmap); ph++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (self->roadmap, ph);

      for (guint i = 0; i < phase->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);
          if (!g_hash_table_contains (seen, item))
            {
              g_set_error (error, KOERS_SLIDE_ERROR, KOERS_SLIDE_ERROR_LAYOUT,
                           "“%s” is on no page", item->title);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/**
 * koers_slide_get_min_font_px:
 * @self: a slide
 *
 * Returns: the smallest font size the pages use, in logical units
 */
double
koers_slide_get_min_font_px (KoersSlide *self)
{
  g_return_val_if_fail (KOERS_IS_SLIDE (self), 0);
  return self->min_font_used;
}

/**
 * koers_slide_count_dependencies:
 * @self: a slide
 * @arrows: (out) (optional): how many dependencies are drawn as arrows
 * @in_words: (out) (optional): how many are said on their cards
 *
 * How the dependencies between the roadmap's items are shown, over all
 * pages; together, every dependency once.
 */
void
koers_slide_count_dependencies (KoersSlide *self,
                                guint      *arrows,
                                guint      *in_words)
{
  guint n_arrows = 0, n_words = 0;

  g_return_if_fail (KOERS_IS_SLIDE (self));

  for (guint p = 0; p < self->pages->len; p++)
    {
      Page *page = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < page->ops->len; i++)
        n_arrows += g_array_index (page->ops, Op, i).kind == OP_ARROW && g_array_index (page->ops, Op, i).to != NULL;
      for (guint i = 0; i < page->boxes->len; i++)
        {
          const Box *box = &g_array_index (page->boxes, Box, i);
          if (box->kind != BOX_CARD || box->item->after == NULL)
            continue;
          for (guint a = 0; box->item->after[a] != NULL; a++)
            n_words += koers_roadmap_lookup_item (self->roadmap, box->item->after[a]) != NULL &&
                       dep_is_text (self, box->item->id, box->item->after[a]);
        }
    }
  if (arrows)
    *arrows = n_arrows;
  if (in_words)
    *in_words = n_words;
}

/**
 * koers_slide_get_size:
 * @self: a slide
 * @width: (out) (optional): the page width
 * @height: (out) (optional): the page height
 *
 * The page size the slide was laid out for.
 */
void
koers_slide_get_size (KoersSlide *self,
                      double     *width,
                      double     *height)
{
  g_return_if_fail (KOERS_IS_SLIDE (self));
  if (width)
    *width = self->width;
  if (height)
    *height = self->height;
}
