/* koers-slide-measure.c: measuring texts and cards for the slide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every size on the slide comes from Pango: a text, a card, a lane or
 * phase heading is measured here at a given width and title size, and
 * nothing here adds to a page. Words Pango has to break inside are
 * counted, because the layout search weighs them.
 */
#define G_LOG_DOMAIN "koers-slide"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "koers-slide-private.h"

#include "koers-slide.h"

/* Design sizes in px at 1920×1080; multiplied by the page's unit. The
 * gaps between columns and lanes and the cards' padding are a little
 * tighter where that saves a page (see _koers_slide_gap_scale()). */
#define FONT_FAMILY      "Cantarell, DejaVu Sans"
#define PHASE_FONT       20.0  /* at least; and above the card titles */
#define LANE_HEADER_MAX 260.0  /* the lane headings' column at most */
#define TITLE_FONT_MIN   17.0

double
_koers_slide_layout_font_px (PangoLayout *layout)
{
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);

  return pango_font_description_get_size (desc) / (double) PANGO_SCALE;
}

/* Width ≤ 0: one line, as wide as the text. Otherwise wrapped at word
 * boundaries, inside a word only when the word alone is wider than the
 * line. Never shortened: the caller makes room for every line. */
PangoLayout *
_koers_slide_make_layout (KoersSlide     *self,
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
       * layout (see _koers_slide_layout_broken_words()). */
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

void
_koers_slide_layout_logical (PangoLayout *layout,
                             Rect        *rect)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  rect->x = logical.x / (double) PANGO_SCALE;
  rect->y = logical.y / (double) PANGO_SCALE;
  rect->width = logical.width / (double) PANGO_SCALE;
  rect->height = logical.height / (double) PANGO_SCALE;
}

double
_koers_slide_layout_height (PangoLayout *layout)
{
  Rect r;
  _koers_slide_layout_logical (layout, &r);
  return r.height;
}

double
_koers_slide_layout_width (PangoLayout *layout)
{
  Rect r;
  _koers_slide_layout_logical (layout, &r);
  return r.width;
}

/* Phase headings stand above the card titles at every title size. */
double
_koers_slide_phase_font (double title_font)
{
  return MAX (PHASE_FONT, title_font + 4);
}

/* The smallest size the layout could have given a text of @role: a word
 * broken inside is acceptable only when it does not fit even at that. */
double
_koers_slide_role_floor (KoersSlide *self,
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
 * cards are made wide enough for them (see _koers_slide_compute_word_inner()). */
double
_koers_slide_card_word_cap (KoersSlide *self,
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
guint
_koers_slide_layout_broken_words (KoersSlide   *self,
                                  PangoLayout  *layout,
                                  double        floor,
                                  double        cap,
                                  guint        *avoidable,
                                  char        **example,
                                  GArray       *widths)
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
        if (widths)
          g_array_append_val (widths, w);
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

/* Chips go with the card's title, a step smaller, never below the
 * floor. */
static double
chip_font (double title_font)
{
  return MAX (MIN_FONT, round (title_font * 0.65));
}

/* As wide as its text; where the name is wider than @max_width, it
 * wraps onto a second line rather than being cut. */
void
_koers_slide_chip_init (KoersSlide *self,
                        Chip       *chip,
                        const char *text,
                        double      font,
                        double      max_width)
{
  double pad_x = u (self, CHIP_PAD_X), pad_y = u (self, CHIP_PAD_Y);

  chip->layout = _koers_slide_make_layout (self, text, u (self, font), PANGO_WEIGHT_BOLD,
                                           MAX (1, max_width - 2 * pad_x), PANGO_ALIGN_LEFT, FALSE);
  chip->width = _koers_slide_layout_width (chip->layout) + 2 * pad_x;
  chip->height = _koers_slide_layout_height (chip->layout) + 2 * pad_y;
}

void
_koers_slide_card_layout_clear (CardLayout *card)
{
  g_clear_object (&card->title);
  g_clear_object (&card->meta);
  g_clear_object (&card->deps);
  for (guint i = 0; i < MAX_CHIPS; i++)
    g_clear_object (&card->chips[i].layout);
}

/* The owner line goes with the title, a step smaller, never below the
 * floor; the title's smallest size stays above it. */
double
_koers_slide_meta_font (double title_font)
{
  return MAX (MIN_FONT, round (title_font * 0.78));
}

/* "March 2027" or "Q1 2027", for a due month or quarter. */
char *
_koers_slide_format_due (const char *due)
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

gboolean
_koers_slide_has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

/* Owner, due and status, each whole: a line breaks between them (the
 * dot keeps to the part before it) or at the spaces inside them. */
static char *
card_meta_text (const KoersRoadmapItem *item)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  /* The go/no-go gate is a decision, not work: say so first. */
  if (item->milestone)
    /* TRANSLATORS: on a roadmap card, before the decision it names */
    g_ptr_array_add (parts, g_strdup_printf ("\u25c6\u00a0%s", C_("card", "Milestone")));
  if (_koers_slide_has_text (item->owner))
    g_ptr_array_add (parts, g_strdup (item->owner));
  if (_koers_slide_has_text (item->due))
    g_ptr_array_add (parts, _koers_slide_format_due (item->due));
  /* To do is every card's starting point: saying it adds only noise. */
  if (item->status != KOERS_STATUS_TODO)
    g_ptr_array_add (parts, g_strdup (koers_status_get_label (item->status)));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("\u00a0· ", (char **) parts->pdata);
}

char *
_koers_slide_dep_key (const char *to,
                      const char *from)
{
  return g_strconcat (to, "\x1f", from, NULL);
}

gboolean
_koers_slide_dep_is_text (KoersSlide *self,
                          const char *to,
                          const char *from)
{
  g_autofree char *key = _koers_slide_dep_key (to, from);
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

      if (before == NULL || !_koers_slide_dep_is_text (self, item->id, item->after[a]))
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
guint
_koers_slide_item_models (KoersSlide             *self,
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
 * page (see _koers_slide_choose_config()). */
double
_koers_slide_gap_scale (KoersSlide *self)
{
  return self->tight ? 0.85 : 1.0;
}

/* The size of a card as _koers_slide_card_layout_init() would lay it out,
 * and the words broken on it, from _koers_slide_measure_text(). Keep the two alike. */
static Measured
measure_card_text (KoersSlide             *self,
                   const KoersRoadmapItem *item,
                   double                  width,
                   double                  font)
{
  double pad_x = u (self, CARD_PAD_X * _koers_slide_gap_scale (self)), pad_y = u (self, CARD_PAD_Y * _koers_slide_gap_scale (self));
  double inner = width - 2 * pad_x;
  double title_width = inner, check_size = 0;
  gboolean muted = item->status == KOERS_STATUS_DONE || item->status == KOERS_STATUS_SKIPPED;
  g_autofree char *meta = card_meta_text (item);
  g_autofree char *deps = card_deps_text (self, item);
  KoersModel *models[MAX_CHIPS];
  guint n_models;
  double x = 0, y = 0, row_h = 0, chips_height;
  Measured m = { 0 };
  TextSample t;

  if (item->status == KOERS_STATUS_DONE)
    {
      check_size = u (self, font);
      title_width -= check_size + u (self, 6);
    }
  t = _koers_slide_measure_text (self, item->title, u (self, font), muted ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_BOLD,
                    title_width, ROLE_CARD_TITLE);
  m.height = pad_y + MAX (t.height, check_size);
  m.broken += t.broken;
  m.avoidable += t.avoidable;

  n_models = _koers_slide_item_models (self, item, models, MAX_CHIPS);
  for (guint i = 0; i < n_models; i++)
    {
      double pad_cx = u (self, CHIP_PAD_X), pad_cy = u (self, CHIP_PAD_Y);
      double chip_width, chip_height;

      t = _koers_slide_measure_text (self, koers_model_get_short_name (models[i]), u (self, chip_font (font)),
                        PANGO_WEIGHT_BOLD, MAX (1, inner - 2 * pad_cx), ROLE_CHIP);
      m.broken += t.broken;
      m.avoidable += t.avoidable;
      chip_width = t.logical_width + 2 * pad_cx;
      chip_height = t.height + 2 * pad_cy;
      if (x > 0 && x + chip_width > inner)
        {
          x = 0;
          y += row_h + u (self, 4);
          row_h = 0;
        }
      x += chip_width + u (self, 6);
      row_h = MAX (row_h, chip_height);
    }
  chips_height = n_models > 0 ? y + row_h : 0;
  if (n_models > 0)
    m.height += u (self, 8) + chips_height;

  if (meta != NULL)
    {
      t = _koers_slide_measure_text (self, meta, u (self, _koers_slide_meta_font (font)), PANGO_WEIGHT_NORMAL, inner, ROLE_META);
      m.height += u (self, 6) + t.height;
      m.broken += t.broken;
      m.avoidable += t.avoidable;
    }
  if (deps != NULL)
    {
      t = _koers_slide_measure_text (self, deps, u (self, _koers_slide_meta_font (font)), PANGO_WEIGHT_NORMAL, inner, ROLE_META);
      m.height += u (self, 6) + t.height;
      m.broken += t.broken;
      m.avoidable += t.avoidable;
    }
  m.height += pad_y;
  return m;
}

void
_koers_slide_card_layout_init (KoersSlide             *self,
                               CardLayout             *card,
                               const KoersRoadmapItem *item,
                               double                  width,
                               double                  font)
{
  double pad_x = u (self, CARD_PAD_X * _koers_slide_gap_scale (self)), pad_y = u (self, CARD_PAD_Y * _koers_slide_gap_scale (self));
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
  card->title = _koers_slide_make_layout (self, item->title, u (self, font),
                                          muted ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_BOLD,
                                          title_width, PANGO_ALIGN_LEFT, FALSE);

  /* The chips flow in rows, each as wide as its name. */
  n_models = _koers_slide_item_models (self, item, models, MAX_CHIPS);
  for (guint i = 0; i < n_models; i++)
    {
      Chip *chip = &card->chips[card->n_chips];

      if (!koers_color_parse (koers_model_get_color (models[i]), &card->chip_colors[card->n_chips]))
        card->chip_colors[card->n_chips] = self->palette->ink_muted;
      _koers_slide_chip_init (self, chip, koers_model_get_short_name (models[i]), chip_font (font), inner);
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
    card->meta = _koers_slide_make_layout (self, meta, u (self, _koers_slide_meta_font (font)), PANGO_WEIGHT_NORMAL,
                                           inner, PANGO_ALIGN_LEFT, FALSE);
  if (deps != NULL)
    card->deps = _koers_slide_make_layout (self, deps, u (self, _koers_slide_meta_font (font)), PANGO_WEIGHT_NORMAL,
                                           inner, PANGO_ALIGN_LEFT, FALSE);

  card->height = pad_y + MAX (_koers_slide_layout_height (card->title), card->check_size);
  if (card->n_chips > 0)
    card->height += u (self, 8) + card->chips_height;
  if (card->meta != NULL)
    card->height += u (self, 6) + _koers_slide_layout_height (card->meta);
  if (card->deps != NULL)
    card->height += u (self, 6) + _koers_slide_layout_height (card->deps);
  card->height += pad_y;
}

/* What a card's size depends on: the search asks for the same few
 * hundred of these tens of thousands of times, so the key is compared as
 * it is, not printed. */
typedef struct {
  const KoersRoadmapItem *item;
  double                  width;
  double                  font;
  guint                   said;  /* which dependencies the card says */
  gboolean                tight;
} CardKey;

static guint
card_key_hash (gconstpointer data)
{
  const CardKey *key = data;
  guint h = g_direct_hash (key->item);

  h = h * 31 + g_double_hash (&key->width);
  h = h * 31 + g_double_hash (&key->font);
  return h * 31 + key->said * 2 + (key->tight ? 1 : 0);
}

static gboolean
card_key_equal (gconstpointer a,
                gconstpointer b)
{
  const CardKey *x = a, *y = b;

  return x->item == y->item && x->width == y->width && x->font == y->font &&
         x->said == y->said && x->tight == y->tight;
}

GHashTable *
_koers_slide_card_sizes_new (void)
{
  return g_hash_table_new_full (card_key_hash, card_key_equal, g_free, g_free);
}

Measured
_koers_slide_measure_card (KoersSlide             *self,
                           const KoersRoadmapItem *item,
                           double                  width,
                           double                  font)
{
  CardKey key = { item, width, font, 0, self->tight };
  Measured *size;

  /* Which of its dependencies the card says changes from round to round
   * of layout_slide(); the rest of it does not. */
  for (guint a = 0; item->after != NULL && item->after[a] != NULL && a < 32; a++)
    key.said |= (guint) _koers_slide_dep_is_text (self, item->id, item->after[a]) << a;
  size = g_hash_table_lookup (self->card_sizes, &key);

  if (size == NULL)
    {
      size = g_new0 (Measured, 1);
      *size = measure_card_text (self, item, width, font);
      g_hash_table_insert (self->card_sizes, g_memdup2 (&key, sizeof key), size);
    }
  return *size;
}

double
_koers_slide_phase_header_height (KoersSlide *self,
                                  Column     *column,
                                  double      width,
                                  double      title_font,
                                  Measured   *measured)
{
  double height = 0;

  /* Measured with "(continued)" too, so that a continued page keeps the
   * same grid as the page before. Measured as _koers_slide_phase_heading()
   * lays it out. */
  for (int continued = 0; continued < 2; continued++)
    {
      g_autofree char *text = _koers_slide_phase_second_line (column->phase, continued);
      g_autofree char *heading = _koers_slide_phase_title (column->phase);
      TextSample title, second;
      double h;

      title = _koers_slide_measure_text (self, heading, u (self, _koers_slide_phase_font (title_font)),
                            PANGO_WEIGHT_BOLD, width, ROLE_PHASE);
      h = title.height;
      if (!continued)
        {
          measured->broken += title.broken;
          measured->avoidable += title.avoidable;
        }
      if (text)
        {
          second = _koers_slide_measure_text (self, text, u (self, _koers_slide_period_font (title_font)),
                                 PANGO_WEIGHT_NORMAL, width, ROLE_OTHER);
          h += u (self, 2) + second.height;
          if (!continued)
            {
              measured->broken += second.broken;
              measured->avoidable += second.avoidable;
            }
        }
      height = MAX (height, h);
    }
  return height;
}

/* The height of the organisation column's heading bar. */
double
_koers_slide_measure_org_label (KoersSlide *self)
{
  g_autoptr(PangoLayout) name = _koers_slide_make_layout (self, lane_get (self, 0)->name, u (self, LANE_FONT),
                                                          PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT, FALSE);
  return _koers_slide_layout_height (name) + 2 * u (self, 8);
}

double
_koers_slide_measure_lane_label (KoersSlide *self,
                                    guint       lane)
{
  g_autoptr(PangoLayout) layout = _koers_slide_make_layout (self, lane_get (self, lane)->name, u (self, LANE_FONT),
                                                            PANGO_WEIGHT_BOLD, self->lane_header_width - 2 * u (self, 10),
                                                            PANGO_ALIGN_LEFT, FALSE);
  return _koers_slide_layout_height (layout) + 2 * u (self, 10);
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
  g_autoptr(PangoLayout) layout = _koers_slide_make_layout (self, text, size, weight, -1, PANGO_ALIGN_LEFT, FALSE);
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

void
_koers_slide_compute_lane_header_width (KoersSlide *self)
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
static double
widest_word_once (KoersSlide  *self,
                  GHashTable  *seen,
                  const char  *text,
                  double       size,
                  PangoWeight  weight,
                  double       cap)
{
  g_autofree char *key = g_strdup_printf ("%a %d %a\x1f%s", size, (int) weight, cap, text);
  double *widest = g_hash_table_lookup (seen, key);

  if (widest == NULL)
    {
      widest = g_new (double, 1);
      *widest = widest_word (self, text, size, weight, cap);
      g_hash_table_insert (seen, g_steal_pointer (&key), widest);
    }
  return *widest;
}

void
_koers_slide_compute_word_inner (KoersSlide *self)
{
  double title = u (self, TITLE_FONT_MIN), meta = u (self, _koers_slide_meta_font (TITLE_FONT_MIN));
  double chip = u (self, chip_font (TITLE_FONT_MIN));
  double cap = _koers_slide_card_word_cap (self, ROLE_CARD_TITLE);
  double widest = 0;
  /* The same chips and dependencies stand on many cards. */
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

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
            guint n_models = _koers_slide_item_models (self, item, models, MAX_CHIPS);

            widest = MAX (widest, check + widest_word_once (self, seen, item->title, title,
                                                            muted ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_BOLD,
                                                            cap - check));
            if (text)
              widest = MAX (widest, widest_word_once (self, seen, text, meta, PANGO_WEIGHT_NORMAL, cap));
            for (guint m = 0; m < n_models; m++)
              widest = MAX (widest, 2 * u (self, CHIP_PAD_X) +
                            widest_word_once (self, seen, koers_model_get_short_name (models[m]), chip,
                                              PANGO_WEIGHT_BOLD, cap - 2 * u (self, CHIP_PAD_X)));
            for (guint a = 0; item->after != NULL && item->after[a] != NULL; a++)
              {
                const KoersRoadmapItem *before = koers_roadmap_lookup_item (self->roadmap, item->after[a]);
                g_autofree char *deps = before ? g_strdup_printf (_("after: %s"), before->title) : NULL;

                if (deps)
                  widest = MAX (widest, widest_word_once (self, seen, deps, meta, PANGO_WEIGHT_NORMAL, cap));
              }
          }
      }
  self->word_inner = widest + 1;
}
