/* koers-slide-build.c: the display list of each page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turns the chosen layout into operations (rectangles, texts, arrows)
 * and into the boxes the legibility check reads. One card is added in
 * build_card(), one phase heading in _koers_slide_phase_heading(): what
 * a card or a heading shows is decided there and nowhere else.
 */
#define G_LOG_DOMAIN "koers-slide"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "koers-slide-private.h"

#define ORG_FONT         40.0
#define SUBTITLE_FONT    22.0
#define DATE_FONT        22.0
#define PAGE_LABEL_FONT  18.0
#define PERIOD_FONT      16.0
#define STRIP_FONT       16.0
#define LEGEND_FONT      16.0
#define CREDIT_FONT      16.0
#define CARD_RADIUS       8.0

/* Green 5 and green 4 of the GNOME palette: the check mark of a done
 * card, white on green on either page. */
static const KoersColor done_light = { 0x26 / 255.0, 0xa2 / 255.0, 0x69 / 255.0, 1 };
static const KoersColor done_dark = { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0, 1 };

/* @fill, darkened (or, under dark ink, lightened) just enough for @ink
 * to meet WCAG AA on it: the models' own colours are chosen for the
 * diagrams, and white text on some of them (the Learning Curve's green)
 * falls short. The hue stays, so a chip still says its model. */
KoersColor
_koers_slide_legible_fill (const KoersColor *fill,
                           const KoersColor *ink)
{
  KoersColor towards = color_luminance (ink) > 0.5 ? (KoersColor) { 0, 0, 0, 1 } : (KoersColor) { 1, 1, 1, 1 };
  KoersColor c = *fill;

  for (guint step = 1; step <= 50 && color_contrast (&c, ink) < MIN_CONTRAST + 0.05; step++)
    c = color_mix (fill, &towards, step * 0.02);
  c.alpha = fill->alpha;
  return c;
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
  double font_px = _koers_slide_layout_font_px (layout);

  op.kind = OP_TEXT;
  op.layout = g_object_ref (layout);
  op.x = x;
  op.y = y;
  op.stroke = *color;
  g_array_append_val (page->ops, op);

  _koers_slide_layout_logical (layout, &box);
  box.x += x;
  box.y += y;
  added = add_box (page, BOX_TEXT, role, &box, container, what);
  added->font_px = font_px;
  added->layout = g_object_ref (layout);
  self->min_font_used = MIN (self->min_font_used, font_px);
}

static void
add_chip (KoersSlide       *self,
          Page             *page,
          const Chip       *chip,
          double            x,
          double            y,
          const KoersColor *fill,
          const KoersColor *outline,
          const KoersColor *ink,
          const Rect       *container,
          const char       *what)
{
  Rect rect = { x, y, chip->width, chip->height };
  gboolean one_line = pango_layout_get_line_count (chip->layout) == 1;

  add_rect (page, &rect, one_line ? chip->height / 2 : u (self, CARD_RADIUS), fill, outline, u (self, 1.5), FALSE);
  add_box (page, BOX_CHIP, ROLE_CHIP, &rect, container, what);
  add_text (self, page, chip->layout, x + u (self, CHIP_PAD_X), y + u (self, CHIP_PAD_Y),
            ink, &rect, ROLE_CHIP, what);
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
  double pad_x = u (self, CARD_PAD_X * _koers_slide_gap_scale (self)), pad_y = u (self, CARD_PAD_Y * _koers_slide_gap_scale (self));
  gboolean done = item->status == KOERS_STATUS_DONE;
  gboolean skipped = item->status == KOERS_STATUS_SKIPPED;
  gboolean muted = done || skipped;
  KoersColor fill = muted ? color_mix (&pal->card, &pal->page, 0.6) : pal->card;
  const KoersColor *ink = muted ? &pal->ink_muted : &pal->ink;
  g_autofree char *what = g_strdup_printf ("card “%s”", item->title);
  CardLayout card;
  double y;

  _koers_slide_card_layout_init (self, &card, item, rect->width, font);

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
  y += MAX (_koers_slide_layout_height (card.title), card.check_size);

  if (card.n_chips > 0)
    {
      y += u (self, 8);
      for (guint i = 0; i < card.n_chips; i++)
        {
          KoersColor white = { 1, 1, 1, 1 };
          KoersColor chip_fill = _koers_slide_legible_fill (&card.chip_colors[i], &white);

          /* A done or skipped card's chips step back to an outline in
           * the model's colour, their names in the card's ink: muted,
           * yet as legible as any other text. */
          if (muted)
            add_chip (self, page, &card.chips[i], rect->x + pad_x + card.chip_x[i], y + card.chip_y[i],
                      &fill, &chip_fill, ink, rect, what);
          else
            add_chip (self, page, &card.chips[i], rect->x + pad_x + card.chip_x[i], y + card.chip_y[i],
                      &chip_fill, NULL, &white, rect, what);
        }
      y += card.chips_height;
    }

  if (card.meta != NULL)
    {
      y += u (self, 6);
      add_text (self, page, card.meta, rect->x + pad_x, y, &pal->ink_muted, rect, ROLE_META, what);
      y += _koers_slide_layout_height (card.meta);
    }
  if (card.deps != NULL)
    {
      y += u (self, 6);
      add_text (self, page, card.deps, rect->x + pad_x, y, &pal->ink_muted, rect, ROLE_META, what);
    }

  page->item = NULL;
  _koers_slide_card_layout_clear (&card);
}


/* A later phase's heading says what it achieves; phase 0's title already
 * does. Measured and drawn from this one text. */
char *
_koers_slide_phase_title (const KoersRoadmapPhase *phase)
{
  if (phase->index > 0 && phase->name != NULL)
    /* TRANSLATORS: a roadmap phase's heading, "Phase 1: Listen and set direction" */
    return g_strdup_printf (C_("phase heading", "%s: %s"), phase->title, phase->name);
  return g_strdup (phase->title);
}

/* A phase's heading: its title, and under it the period and, on a page
 * that continues the phase, "(continued)". The mark goes on the second
 * line, where a long title cannot push it out of sight. */
char *
_koers_slide_phase_second_line (const KoersRoadmapPhase *phase,
                                gboolean                 continued)
{
  if (continued && phase->period)
    /* TRANSLATORS: under a phase's heading on a page that continues it, e.g. "Q2 2027 (continued)" */
    return g_strdup_printf (_("%s (continued)"), phase->period);
  else if (continued)
    /* TRANSLATORS: under a phase's heading on a page that continues it */
    return g_strdup (_("(continued)"));
  else
    return g_strdup (phase->period);
}

double
_koers_slide_period_font (double title_font)
{
  return MAX (PERIOD_FONT, _koers_slide_meta_font (title_font));
}

void
_koers_slide_phase_heading (KoersSlide               *self,
                            const KoersRoadmapPhase  *phase,
                            double                    width,
                            gboolean                  continued,
                            double                    title_font,
                            PangoLayout             **title,
                            PangoLayout             **second)
{
  g_autofree char *text = _koers_slide_phase_second_line (phase, continued);
  g_autofree char *heading = _koers_slide_phase_title (phase);

  *title = _koers_slide_make_layout (self, heading, u (self, _koers_slide_phase_font (title_font)), PANGO_WEIGHT_BOLD,
                                     width, PANGO_ALIGN_LEFT, FALSE);
  *second = text ? _koers_slide_make_layout (self, text, u (self, _koers_slide_period_font (title_font)),
                                             PANGO_WEIGHT_NORMAL, width, PANGO_ALIGN_LEFT, FALSE) : NULL;
}

/* The date's column: as wide as the date or "Page 10 of 10", whichever
 * is wider, and at most a third of the band. */
static double
band_right_width (KoersSlide *self)
{
  /* TRANSLATORS: on a roadmap slide, e.g. "Page 2 of 3" */
  g_autofree char *label = g_strdup_printf (_("Page %u of %u"), 88, 88);
  g_autoptr(PangoLayout) date = _koers_slide_make_layout (self, self->date, u (self, DATE_FONT), PANGO_WEIGHT_NORMAL,
                                                          -1, PANGO_ALIGN_LEFT, FALSE);
  g_autoptr(PangoLayout) page = _koers_slide_make_layout (self, label, u (self, PAGE_LABEL_FONT), PANGO_WEIGHT_NORMAL,
                                                          -1, PANGO_ALIGN_LEFT, FALSE);

  return MIN (MAX (_koers_slide_layout_width (date), _koers_slide_layout_width (page)) + 1,
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
      PangoLayout *layout = _koers_slide_make_layout (self, self->organisation, u (self, size), PANGO_WEIGHT_BOLD,
                                                      width, PANGO_ALIGN_LEFT, FALSE);
      if (pango_layout_get_line_count (layout) == 1)
        return layout;
      g_object_unref (layout);
    }
  return _koers_slide_make_layout (self, self->organisation, u (self, ORG_FONT_MIN), PANGO_WEIGHT_BOLD,
                                   width, PANGO_ALIGN_LEFT, FALSE);
}

double
_koers_slide_build_band (KoersSlide *self,
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
  subtitle = _koers_slide_make_layout (self, _("Social media roadmap"), u (self, SUBTITLE_FONT), PANGO_WEIGHT_NORMAL,
                                       left_w, PANGO_ALIGN_LEFT, FALSE);
  date = _koers_slide_make_layout (self, self->date, u (self, DATE_FONT), PANGO_WEIGHT_NORMAL,
                                   right_w, PANGO_ALIGN_RIGHT, FALSE);
  if (n_pages > 1)
    {
      /* TRANSLATORS: on a roadmap slide, e.g. "Page 2 of 3" */
      g_autofree char *text = g_strdup_printf (_("Page %u of %u"), page_number + 1, n_pages);
      page_label = _koers_slide_make_layout (self, text, u (self, PAGE_LABEL_FONT), PANGO_WEIGHT_NORMAL,
                                             right_w, PANGO_ALIGN_RIGHT, FALSE);
    }

  left_h = _koers_slide_layout_height (org) + u (self, 2) + _koers_slide_layout_height (subtitle);
  /* Reserve the page label's line on every page, so that the grid stands
   * at the same height on each. */
  {
    g_autoptr(PangoLayout) probe = _koers_slide_make_layout (self, "0", u (self, PAGE_LABEL_FONT), PANGO_WEIGHT_NORMAL,
                                                             -1, PANGO_ALIGN_LEFT, FALSE);
    right_h = _koers_slide_layout_height (date) + u (self, 4) + _koers_slide_layout_height (probe);
  }
  height = MAX (left_h, right_h);

  if (page == NULL)
    return height;

  band = (Rect) { margin, margin, self->width - 2 * margin, height };
  add_text (self, page, org, margin, margin, &pal->ink, &band, ROLE_TITLE, "organisation name");
  add_text (self, page, subtitle, margin, margin + _koers_slide_layout_height (org) + u (self, 2),
                         &pal->ink_muted, &band, ROLE_OTHER, "subtitle");
  /* The date sits on the organisation name's baseline. */
  {
    double org_baseline = pango_layout_get_baseline (org) / (double) PANGO_SCALE;
    double date_baseline = pango_layout_get_baseline (date) / (double) PANGO_SCALE;
    double date_y = margin + MAX (0, org_baseline - date_baseline);

    if (date_y + _koers_slide_layout_height (date) > margin + height)
      date_y = margin;
    add_text (self, page, date, self->width - margin - right_w, date_y, &pal->ink, &band,
              ROLE_OTHER, "date");
    if (page_label)
      add_text (self, page, page_label, self->width - margin - right_w,
                MIN (date_y + _koers_slide_layout_height (date) + u (self, 4), margin + height - _koers_slide_layout_height (page_label)),
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
      _koers_slide_chip_init (self, &item.chip, koers_model_get_short_name (model), STRIP_FONT, max_w / 2);
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
      item.text = _koers_slide_make_layout (self, text, u (self, STRIP_FONT), PANGO_WEIGHT_NORMAL,
                                            MAX (1, max_w - item.chip.width - gap), PANGO_ALIGN_LEFT, FALSE);
      item.width = item.chip.width + gap + _koers_slide_layout_width (item.text);
      item.height = MAX (item.chip.height, _koers_slide_layout_height (item.text));
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
      item.text = _koers_slide_make_layout (self, text, u (self, LEGEND_FONT), PANGO_WEIGHT_NORMAL,
                                            MAX (1, max_w - sample_width (self) - gap), PANGO_ALIGN_LEFT, FALSE);
      item.width = sample_width (self) + gap + _koers_slide_layout_width (item.text);
      item.height = MAX (sample_height (self), _koers_slide_layout_height (item.text));
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
      /* Dashed, as a skipped card; its title is not struck through, as
       * nowhere else is (the card says "Skipped" in words). */
      add_rect (page, rect, u (self, 4), &muted_fill, &pal->card_border, u (self, 1), TRUE);
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
double
_koers_slide_build_strip (KoersSlide *self,
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

  credit = _koers_slide_make_layout (self, "Koers", u (self, CREDIT_FONT), PANGO_WEIGHT_BOLD,
                                     -1, PANGO_ALIGN_LEFT, FALSE);
  credit_w = _koers_slide_layout_width (credit);
  credit_h = _koers_slide_layout_height (credit);

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
          KoersColor chip_fill = _koers_slide_legible_fill (&item->color, &white);

          add_chip (self, page, &item->chip, ix, cy - item->chip.height / 2,
                    &chip_fill, NULL, &white, &strip, "model summary");
          add_text (self, page, item->text, ix + item->chip.width + gap_inner,
                    cy - _koers_slide_layout_height (item->text) / 2, &pal->ink, &strip, ROLE_OTHER, "model summary");
        }
      else
        {
          Rect sample = { ix, cy - sample_height (self) / 2, sample_width (self), sample_height (self) };
          build_sample (self, page, item->sample, &sample);
          add_box (page, BOX_CHIP, ROLE_OTHER, &sample, &strip, "legend sample");
          add_text (self, page, item->text, ix + sample_width (self) + gap_inner,
                    cy - _koers_slide_layout_height (item->text) / 2, &pal->ink_muted, &strip, ROLE_OTHER, "legend");
        }
    }

  add_text (self, page, credit, margin + max_w - credit_w,
            row_y[credit_row] + (row_h[credit_row] - credit_h) / 2, &pal->ink_muted, &strip,
            ROLE_OTHER, "credit");
  return height;
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

/* The display list of one page: the band and the strip, the phase and
 * lane headings, the lanes' tints, @arrows and the cards, as @placement
 * placed them. */
Page *
_koers_slide_build_page (KoersSlide      *self,
                         const Placement *placement,
                         GArray          *arrows,
                         guint            page_number,
                         guint            n_pages)
{
  const KoersPalette *pal = self->palette;
  const PagePlan *plan = placement->plan;
  const Geometry *geo = &placement->geo;
  const Config *config = &placement->config;
  Page *page = _koers_slide_page_new ();
  guint nl = n_lanes (self);
  Rect page_rect = { 0, 0, self->width, self->height };
  gboolean dark = is_dark (self);

  _koers_slide_build_band (self, page, page_number, n_pages);
  _koers_slide_build_strip (self, page, self->grid_bottom + u (self, BAND_GAP));

  /* Phase headings. */
  for (guint c = 0; c < plan->n; c++)
    {
      Column *column = column_get (self, plan->first + c);
      g_autoptr(PangoLayout) title = NULL;
      g_autoptr(PangoLayout) second = NULL;
      Rect header = { geo->col_x[c], geo->header_top, geo->col_width[c], geo->header_height };

      _koers_slide_phase_heading (self, column->phase, geo->col_width[c], plan->vpage > 0, config->font, &title, &second);
      add_text (self, page, title, geo->col_x[c], geo->header_top, &pal->ink, &header,
                ROLE_PHASE, "phase heading");
      if (second)
        add_text (self, page, second, geo->col_x[c], geo->header_top + _koers_slide_layout_height (title) + u (self, 2),
                  &pal->ink_muted, &header, ROLE_OTHER, "phase period");
    }

  /* Backgrounds first: the lanes' tints and the organisation's column. */
  for (guint l = 0; l < nl; l++)
    {
      KoersColor tint;
      Rect band;

      if (placement->lane_h[l] == 0)
        continue;
      tint = color_alpha (&lane_get (self, l)->color, dark ? 0.16 : 0.08);
      band = (Rect) { geo->lane_header_x, placement->lane_y[l], placement->lanes_right - geo->lane_header_x,
                      placement->lane_h[l] };
      add_rect (page, &band, u (self, CARD_RADIUS), &tint, NULL, 0, FALSE);
    }
  if (geo->has_org)
    {
      KoersColor tint = color_alpha (&pal->ink, dark ? 0.07 : 0.045);
      add_rect (page, &placement->org_cell, u (self, CARD_RADIUS), &tint, NULL, 0, FALSE);
    }

  /* Arrows above the backgrounds and under everything else. */
  for (guint a = 0; a < arrows->len; a++)
    {
      const Arrow *arrow = &g_array_index (arrows, Arrow, a);
      add_arrow (self, page, arrow->points, arrow->from, arrow->to);
    }

  /* Lane headings. */
  for (guint l = 0; l < nl; l++)
    {
      const Lane *lane = lane_get (self, l);
      g_autoptr(PangoLayout) name = NULL;
      Rect header;

      if (placement->lane_h[l] == 0)
        continue;
      header = (Rect) { geo->lane_header_x, placement->lane_y[l], self->lane_header_width, placement->lane_h[l] };
      add_rect (page, &header, u (self, CARD_RADIUS), &lane->color, NULL, 0, FALSE);
      add_box (page, BOX_HEADING, ROLE_OTHER, &header, &page_rect, "lane heading");
      name = _koers_slide_make_layout (self, lane->name, u (self, LANE_FONT), PANGO_WEIGHT_BOLD,
                                       self->lane_header_width - 2 * u (self, 10), PANGO_ALIGN_LEFT, FALSE);
      add_text (self, page, name, header.x + u (self, 10), header.y + u (self, 10),
                &lane->on_color, &header, ROLE_OTHER, "lane heading");
    }
  if (geo->has_org)
    {
      /* The organisation's lane runs down its column: its heading is a
       * bar across the top, in the lane headings' style. */
      const Lane *lane = lane_get (self, 0);
      g_autoptr(PangoLayout) name = _koers_slide_make_layout (self, lane->name, u (self, LANE_FONT), PANGO_WEIGHT_BOLD,
                                                              -1, PANGO_ALIGN_LEFT, FALSE);
      Rect bar = { placement->org_cell.x, placement->org_cell.y, placement->org_cell.width, self->org_label_height };

      add_rect (page, &bar, u (self, CARD_RADIUS), &lane->color, NULL, 0, FALSE);
      add_box (page, BOX_HEADING, ROLE_OTHER, &bar, &page_rect, "lane heading");
      add_text (self, page, name, bar.x + u (self, 10), bar.y + (bar.height - _koers_slide_layout_height (name)) / 2,
                &lane->on_color, &bar, ROLE_OTHER, "lane heading");
    }

  for (guint k = 0; k < placement->placed->len; k++)
    {
      const Placed *p = &g_array_index (placement->placed, Placed, k);
      build_card (self, page, p->item, &p->rect, &p->cell, config->font);
      /* Every cell stands inside the page. */
      add_box (page, BOX_CELL, ROLE_OTHER, &p->cell, &page_rect, "cell");
    }

  return page;
}
