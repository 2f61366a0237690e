/* koers-slide-text.c: measuring the slide's texts without laying them out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout search measures every card at every width and title size it
 * tries: thousands of Pango layouts, each shaping its text anew, for the
 * same few dozen texts. A text's lines change only at a few widths, so
 * each text (at one size, weight and role) keeps what it measured at the
 * widths it was laid out at, sorted by width. A width between two of
 * those whose lines start at the same places has those same lines: Pango
 * fills a line with what fits, so what fits at the narrower width fits at
 * any wider one, and what did not fit at the wider one fits at no
 * narrower one. Such a width is answered without Pango, and so is one
 * between the widest of a layout's lines and its width.
 *
 * Even so, most texts were shaped anew at each width and title size the
 * search tried first. So each text is also shaped once, on one line at
 * one size, and the x of every place a line may break is kept: Pango
 * fills a line greedily up to the last break whose text (without its
 * trailing spaces) fits, so the lines at any width, and at any size with
 * the x scaled, follow from those x. Shaping a line on its own may move
 * its end a little, so such an answer is only given where every line's
 * end is more than a margin away from the width (predict_margin());
 * nearer, and for texts of more than one font or with a word broken
 * inside, Pango lays it out. tests/test-slide-text.c holds the answers
 * against Pango's.
 */
#define G_LOG_DOMAIN "koers-slide"

#include "config.h"

#include <string.h>

#include "koers-slide-private.h"

static void
text_sample_clear (gpointer data)
{
  TextSample *sample = data;

  g_clear_pointer (&sample->line_starts, g_array_unref);
  g_clear_pointer (&sample->broken_widths, g_array_unref);
}

/* @sample's lines at @width_units, where they are the same: the words
 * broken inside are too, but whether they would fit the line alone at
 * their floor depends on the width (see _koers_slide_layout_broken_words()). */
static TextSample
sample_at (const TextSample *sample,
           int               width_units)
{
  TextSample at = *sample;

  if (sample->broken > 0 && width_units != sample->width)
    {
      at.avoidable = 0;
      for (guint i = 0; i < sample->broken_widths->len; i++)
        {
          double w = g_array_index (sample->broken_widths, double, i);

          if (w <= width_units / (double) PANGO_SCALE + 0.01 || w <= sample->cap)
            at.avoidable++;
        }
    }
  return at;
}

/* A place a line may end: its byte and character index, the x of the
 * break on the text's one line, that of the end of what stands before
 * it without its spaces, and whether a line ending there loses kerning
 * (see predict_margin()). */
typedef struct {
  int      byte;
  int      chars;
  int      x;
  int      x_trim;
  gboolean soft;
} Stop;

/* A paragraph (a line of the text's own): its stops run from its start
 * to its end, both included. */
typedef struct {
  guint first, n;
} Para;

/* What a text, at one size, weight and role, measured: its samples by
 * width. Its breaks on one line, whatever its size and role, are kept
 * in an entry of their own (see text_entry_get()), shaped at the first
 * size asked for: the slide's fonts are neither hinted nor rounded, so
 * at any other size each x is that one scaled. */
typedef struct _TextEntry TextEntry;
struct _TextEntry {
  GArray    *samples;      /* TextSample, sorted by width */
  TextEntry *breaks;       /* the text's breaks, owned by the table */
  int        line_height;  /* at this size; 0 until known */

  /* In the entry of the breaks only. */
  gboolean   scanned;
  gboolean   predictable;
  int        size_units;   /* shaped at */
  GArray    *paras;        /* Para */
  GArray    *stops;        /* Stop */
};

static void
text_entry_free (gpointer data)
{
  TextEntry *entry = data;

  g_clear_pointer (&entry->samples, g_array_unref);
  g_clear_pointer (&entry->paras, g_array_unref);
  g_clear_pointer (&entry->stops, g_array_unref);
  g_free (entry);
}

/* A text at one size, weight and role: compared as it is, not printed,
 * as the search asks for it tens of thousands of times. */
typedef struct {
  int         size_units;
  int         weight;
  int         role;
  const char *text;  /* owned when the key is the table's */
} TextKey;

static guint
text_key_hash (gconstpointer data)
{
  const TextKey *key = data;

  return ((g_str_hash (key->text) * 31 + (guint) key->size_units) * 31 + (guint) key->weight) * 31 +
         (guint) key->role;
}

static gboolean
text_key_equal (gconstpointer a,
                gconstpointer b)
{
  const TextKey *x = a, *y = b;

  return x->size_units == y->size_units && x->weight == y->weight && x->role == y->role &&
         strcmp (x->text, y->text) == 0;
}

static void
text_key_free (gpointer data)
{
  TextKey *key = data;

  g_free ((char *) key->text);
  g_free (key);
}

GHashTable *
_koers_slide_text_sizes_new (void)
{
  return g_hash_table_new_full (text_key_hash, text_key_equal, text_key_free, text_entry_free);
}

static gboolean
same_lines (const TextSample *a,
            const TextSample *b)
{
  /* An empty array has no data to compare. */
  return a->line_starts->len == b->line_starts->len &&
         (a->line_starts->len == 0 ||
          memcmp (a->line_starts->data, b->line_starts->data, a->line_starts->len * sizeof (int)) == 0);
}

/* The widest width below which @layout, laid out at @width, keeps its
 * lines: where a line's width and the next line's first word would fit
 * together. Only lines broken at a space count; after any other break
 * (a soft hyphen, a word broken inside) the answer is @width itself. A
 * pixel is kept in hand for what shaping the two together may change. */
static int
max_same_lines (PangoLayout *layout,
                int          width)
{
  const char *text = pango_layout_get_text (layout);
  int n_attrs = 0, bound = G_MAXINT;
  const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  GSList *lines = pango_layout_get_lines_readonly (layout);

  for (GSList *l = lines; l != NULL && l->next != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data, *next = l->next->data;
      PangoRectangle logical;
      int offset, end, x = 0;

      if (next->is_paragraph_start)
        continue;  /* after a line break of the text's own */
      if (next->start_index == 0 || text[next->start_index - 1] != ' ')
        return width;
      offset = g_utf8_pointer_to_offset (text, text + next->start_index);
      end = offset + 1;
      while (end < n_attrs - 1 && !attrs[end].is_line_break)
        end++;
      /* The word without the spaces after it. */
      while (end > offset + 1 && g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (text, end - 1))))
        end--;
      if (g_utf8_offset_to_pointer (text, end) - text >= next->start_index + next->length)
        {
          pango_layout_line_get_extents (next, NULL, &logical);
          x = logical.x + logical.width;
        }
      else
        pango_layout_line_index_to_x (next, g_utf8_offset_to_pointer (text, end) - text, FALSE, &x);
      pango_layout_line_get_extents (line, NULL, &logical);
      bound = MIN (bound, logical.x + logical.width + x - PANGO_SCALE);
    }
  return MAX (bound, width);
}

static TextSample
measure_sample (KoersSlide  *self,
                const char  *text,
                double       size,
                PangoWeight  weight,
                double       width,
                Role         role)
{
  g_autoptr(PangoLayout) layout = _koers_slide_make_layout (self, text, size, weight, width, PANGO_ALIGN_LEFT, FALSE);
  GSList *lines = pango_layout_get_lines_readonly (layout);
  TextSample sample = { width > 0 ? (int) floor (width * PANGO_SCALE) : -1 };
  int widest = 0;
  Rect r;

  _koers_slide_layout_logical (layout, &r);
  sample.height = r.height;
  sample.logical_width = r.width;
  sample.cap = _koers_slide_card_word_cap (self, role);
  sample.broken_widths = g_array_new (FALSE, FALSE, sizeof (double));
  sample.broken = _koers_slide_layout_broken_words (self, layout,
                                                    _koers_slide_role_floor (self, role, _koers_slide_layout_font_px (layout)),
                                                    sample.cap, &sample.avoidable, NULL,
                                                    sample.broken_widths);
  sample.line_starts = g_array_new (FALSE, FALSE, sizeof (int));
  for (GSList *l = lines ? lines->next : NULL; l != NULL; l = l->next)
    g_array_append_val (sample.line_starts, ((PangoLayoutLine *) l->data)->start_index);

  /* Narrower than its widest line, a line would break elsewhere (and a
   * word broken inside, at the last character that fits, the same way).
   * One line, unwrapped, stays so at any width from its own. */
  sample.min_width = sample.width;
  for (GSList *l = lines; l != NULL; l = l->next)
    {
      PangoRectangle logical;

      pango_layout_line_get_extents (l->data, NULL, &logical);
      widest = MAX (widest, logical.x + logical.width);
    }
  if (sample.width > 0 || sample.line_starts->len == 0)
    sample.min_width = MAX (widest, 1);
  sample.max_width = sample.width > 0 ? max_same_lines (layout, sample.width) : sample.width;
  return sample;
}

/* How far, in Pango units, a line's end must be from the width for
 * the answer to come from the one-line shaping. Pango shapes each line
 * it tries on its own: at a space the line keeps the pairs it had (and
 * a line's start loses nothing: the kerning sat on the glyph before), but
 * after a hyphen (or any break not at a space) it loses the kerning
 * with the next word's first letter ("-O"), a good part of a pixel at
 * large sizes. An eighth of the text's size is more than a kerning pair
 * takes; half a pixel is more than shaping a line apart changes. */
static int
predict_margin (const Stop *stop,
                int         size_units)
{
  return stop->soft ? MAX (PANGO_SCALE / 2, size_units / 8) : PANGO_SCALE / 2;
}

/* An x of the breaks' size at @scale times it. Pango keeps each glyph's
 * advance and kerning in whole units at either size: the scaled x may
 * be off by a unit and a half a character, which is added to the
 * margin (see scale_error()). */
static int
scaled (int    x,
        double scale)
{
  return scale == 1.0 ? x : (int) lround (x * scale);
}

static int
scale_error (const Stop *from,
             const Stop *to,
             double      scale)
{
  return scale == 1.0 ? 0 : (int) ceil ((to->chars - from->chars + 1) * (1 + scale)) + 1;
}

/* Pango breaks a line item by item, and a whole item that fits is taken
 * with its trailing spaces: only a paragraph shaped as one item, in one
 * font, breaks as predict_sample() says; and only left to right, as its
 * x grow with the text. */
static gboolean
one_item (PangoLayoutLine *line,
          PangoFont      **font)
{
  PangoLayoutRun *run;

  if (line->runs == NULL || line->runs->next != NULL)
    return FALSE;
  run = line->runs->data;
  if (run->item->analysis.level % 2 != 0)
    return FALSE;
  if (*font == NULL)
    *font = run->item->analysis.font;
  return run->item->analysis.font == *font;
}

/* Shapes @text once, on one line, and keeps where its lines may break.
 * A text Pango would treat otherwise than by filling lines greedily at
 * spaces and after hyphens (a second font or item, tabs, a hyphen Pango
 * adds, spaces at a paragraph's ends) stays unpredictable. */
static void
scan_text (KoersSlide  *self,
           TextEntry   *entry,
           const char  *text,
           double       size,
           PangoWeight  weight)
{
  g_autoptr(PangoLayout) layout = _koers_slide_make_layout (self, text, size, weight, -1, PANGO_ALIGN_LEFT, FALSE);
  int n_attrs = 0;
  const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  PangoFont *font = NULL;

  entry->scanned = TRUE;
  entry->predictable = FALSE;
  entry->size_units = (int) ceil (size * PANGO_SCALE);
  if (text[0] == '\0' || strchr (text, '\t') != NULL)
    return;
  entry->paras = g_array_new (FALSE, FALSE, sizeof (Para));
  entry->stops = g_array_new (FALSE, FALSE, sizeof (Stop));
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      PangoRectangle logical;
      Para para = { entry->stops->len, 0 };
      int end = line->start_index + line->length;
      int offset = g_utf8_pointer_to_offset (text, text + line->start_index);

      if (line->length == 0 || !one_item (line, &font) ||
          g_unichar_isspace (g_utf8_get_char (text + line->start_index)) ||
          g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (text + end))))
        return;
      for (const char *p = text + line->start_index; p <= text + end; p = g_utf8_next_char (p), offset++)
        {
          int index = p - text;
          Stop stop = { index, offset, 0, 0, FALSE };
          const char *trim = p;

          if (offset >= n_attrs)
            return;
          if (index > line->start_index && index < end)
            {
              if (!attrs[offset].is_line_break)
                continue;
              if (attrs[offset].break_inserts_hyphen || attrs[offset].break_removes_preceding)
                return;
            }
          pango_layout_line_index_to_x (line, index, FALSE, &stop.x);
          if (index == end && end > line->start_index)
            {
              pango_layout_line_get_extents (line, NULL, &logical);
              stop.x = logical.x + logical.width;
            }
          while (trim > text + line->start_index && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (trim))))
            trim = g_utf8_prev_char (trim);
          /* After a hyphen, say: the kerning with what follows is lost. */
          stop.soft = index > line->start_index && index < end && trim == p;
          if (trim == p)
            stop.x_trim = stop.x;
          else
            pango_layout_line_index_to_x (line, trim - text, FALSE, &stop.x_trim);
          g_array_append_val (entry->stops, stop);
          para.n++;
          if (index == end)
            break;
        }
      g_array_append_val (entry->paras, para);
    }
  entry->predictable = entry->paras->len > 0;
}

/* The height of a line of @text at @size: one font, so that of its
 * first character alone, which many texts share. */
static int
line_height (KoersSlide  *self,
             const char  *text,
             double       size,
             PangoWeight  weight)
{
  gint64 key = ((gint64) ceil (size * PANGO_SCALE) << 32) | ((gint64) (weight & 0x7ff) << 21) |
               (gint64) (g_utf8_get_char (text) & 0x1fffff);
  gpointer height;

  if (!g_hash_table_lookup_extended (self->line_heights, &key, NULL, &height))
    {
      g_autofree char *first = g_strndup (text, g_utf8_next_char (text) - text);
      g_autoptr(PangoLayout) layout = _koers_slide_make_layout (self, first, size, weight, -1, PANGO_ALIGN_LEFT, FALSE);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      height = GINT_TO_POINTER (logical.height);
      g_hash_table_insert (self->line_heights, g_memdup2 (&key, sizeof key), height);
    }
  return GPOINTER_TO_INT (height);
}

/* @text's lines at @width_units as Pango would break them, from its one
 * line's breaks, or FALSE where Pango must say (see scan_text()). */
static gboolean
predict_sample (KoersSlide  *self,
                TextEntry   *entry,
                const char  *text,
                double       size,
                PangoWeight  weight,
                int          width_units,
                Role         role,
                TextSample  *sample)
{
  TextEntry *breaks = entry->breaks;
  int size_units = (int) ceil (size * PANGO_SCALE);
  double scale;
  const Stop *stops;
  g_autoptr(GArray) starts = NULL;
  int lines = 0, widest = 0;

  if (!breaks->scanned)
    scan_text (self, breaks, text, size, weight);
  /* A chip is as wide as its name, and the name's width is only
   * Pango's to say (see logical_width in TextSample). */
  if (!breaks->predictable || width_units <= 0 || role == ROLE_CHIP)
    return FALSE;
  scale = size_units == breaks->size_units ? 1.0 : size_units / (double) breaks->size_units;
  stops = (const Stop *) breaks->stops->data;
  starts = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint p = 0; p < breaks->paras->len; p++)
    {
      const Para *para = &g_array_index (breaks->paras, Para, p);
      guint s = para->first, last = para->first + para->n - 1;

      if (p > 0)
        g_array_append_val (starts, stops[s].byte);
      for (;;)
        {
          int x0 = scaled (stops[s].x, scale);
          int rest = scaled (stops[last].x, scale) - x0;
          int margin = predict_margin (&stops[last], size_units) + scale_error (&stops[s], &stops[last], scale);
          guint k;

          lines++;
          if (rest <= width_units)
            {
              if (width_units - rest < margin)
                return FALSE;
              widest = MAX (widest, rest);
              break;
            }
          if (rest - width_units < margin)
            return FALSE;
          /* The last break whose line fits; none: a word broken inside. */
          for (k = s + 1; k < last && scaled (stops[k + 1].x_trim, scale) - x0 <= width_units; k++)
            ;
          if (k >= last || scaled (stops[k].x_trim, scale) - x0 > width_units)
            return FALSE;
          if (width_units - (scaled (stops[k].x_trim, scale) - x0) <
                predict_margin (&stops[k], size_units) + scale_error (&stops[s], &stops[k], scale) ||
              (k + 1 < last && scaled (stops[k + 1].x_trim, scale) - x0 - width_units <
                predict_margin (&stops[k + 1], size_units) + scale_error (&stops[s], &stops[k + 1], scale)))
            return FALSE;
          widest = MAX (widest, scaled (stops[k].x_trim, scale) - x0);
          g_array_append_val (starts, stops[k].byte);
          s = k;
        }
    }

  if (entry->line_height == 0)
    entry->line_height = line_height (self, text, size, weight);
  memset (sample, 0, sizeof *sample);
  sample->width = sample->min_width = sample->max_width = width_units;
  sample->height = lines * entry->line_height / (double) PANGO_SCALE;
  sample->logical_width = widest / (double) PANGO_SCALE;
  sample->cap = _koers_slide_card_word_cap (self, role);
  sample->broken_widths = g_array_new (FALSE, FALSE, sizeof (double));
  sample->line_starts = g_steal_pointer (&starts);
  return TRUE;
}

/* The table's entry for @text at @size, @weight and @role, made empty
 * the first time. */
static TextEntry *
text_entry_get (KoersSlide  *self,
                const char  *text,
                double       size,
                PangoWeight  weight,
                Role         role)
{
  TextKey key = { (int) ceil (size * PANGO_SCALE), (int) weight, (int) role, text ? text : "" };
  TextEntry *entry = g_hash_table_lookup (self->text_sizes, &key);

  if (entry == NULL)
    {
      TextKey *owned = g_memdup2 (&key, sizeof key);

      owned->text = g_strdup (key.text);
      entry = g_new0 (TextEntry, 1);
      entry->samples = g_array_new (FALSE, FALSE, sizeof (TextSample));
      g_array_set_clear_func (entry->samples, text_sample_clear);
      g_hash_table_insert (self->text_sizes, owned, entry);
      /* The breaks' own entry: of no size (no text is measured at 0). */
      entry->breaks = key.size_units == 0 ? entry : text_entry_get (self, text, 0, weight, ROLE_OTHER);
    }
  return entry;
}

/**
 * _koers_slide_predict_text:
 *
 * What _koers_slide_measure_text() answers without laying @text out at
 * @width: FALSE where Pango has to (see predict_sample()). Apart from it
 * only for the tests, which hold each answer against Pango's own. Clear
 * @sample with _koers_slide_text_sample_clear().
 */
gboolean
_koers_slide_predict_text (KoersSlide  *self,
                           const char  *text,
                           double       size,
                           PangoWeight  weight,
                           double       width,
                           Role         role,
                           TextSample  *sample)
{
  TextEntry *entry = text_entry_get (self, text, size, weight, role);

  return predict_sample (self, entry, text ? text : "", size, weight,
                         width > 0 ? (int) floor (width * PANGO_SCALE) : -1, role, sample);
}

void
_koers_slide_text_sample_clear (TextSample *sample)
{
  text_sample_clear (sample);
}

/* What _koers_slide_make_layout() with these arguments would measure:
 * height, width and, for @role, the words broken inside (see
 * _koers_slide_layout_broken_words()). Left-aligned, not struck through:
 * a strikethrough changes no size, and is left out of the key. */
TextSample
_koers_slide_measure_text (KoersSlide  *self,
                           const char  *text,
                           double       size,
                           PangoWeight  weight,
                           double       width,
                           Role         role)
{
  int width_units = width > 0 ? (int) floor (width * PANGO_SCALE) : -1;
  TextEntry *entry = text_entry_get (self, text, size, weight, role);
  GArray *samples;
  TextSample sample;
  guint lo = 0, hi;

  samples = entry->samples;

  /* The first sample at least as wide. */
  hi = samples->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (samples, TextSample, mid).width < width_units)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < samples->len && g_array_index (samples, TextSample, lo).min_width <= width_units)
    return sample_at (&g_array_index (samples, TextSample, lo), width_units);
  if (lo > 0 && g_array_index (samples, TextSample, lo - 1).max_width >= width_units &&
      g_array_index (samples, TextSample, lo - 1).width > 0)
    return sample_at (&g_array_index (samples, TextSample, lo - 1), width_units);
  if (lo > 0 && lo < samples->len && width_units > 0)
    {
      const TextSample *below = &g_array_index (samples, TextSample, lo - 1);
      const TextSample *above = &g_array_index (samples, TextSample, lo);

      if (below->width > 0 && below->broken == above->broken &&
          below->height == above->height && below->logical_width == above->logical_width &&
          same_lines (below, above))
        return sample_at (below, width_units);
    }

  if (predict_sample (self, entry, text ? text : "", size, weight, width_units, role, &sample))
    {
      g_array_insert_val (samples, lo, sample);
      return sample;
    }

  sample = measure_sample (self, text, size, weight, width, role);
  if (lo == samples->len && width_units > 0 && sample.line_starts->len > 0)
    {
      /* Wider than any width measured yet, and more than one line: the
       * search tries ever wider cards, so learn where one line begins. */
      TextSample one_line = measure_sample (self, text, size, weight, -1, role);

      one_line.width = one_line.max_width = G_MAXINT;
      if (one_line.line_starts->len == 0 && one_line.min_width > 0)
        g_array_append_val (samples, one_line);
      else
        text_sample_clear (&one_line);  /* a line break of its own */
    }
  g_array_insert_val (samples, lo, sample);
  return sample;
}

