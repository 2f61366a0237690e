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

static void
text_samples_free (gpointer data)
{
  g_array_unref (data);
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
  return g_hash_table_new_full (text_key_hash, text_key_equal, text_key_free, text_samples_free);
}

static gboolean
same_lines (const TextSample *a,
            const TextSample *b)
{
  return a->line_starts->len == b->line_starts->len &&
         memcmp (a->line_starts->data, b->line_starts->data,
                 a->line_starts->len * sizeof (int)) == 0;
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
  int size_units = (int) ceil (size * PANGO_SCALE);
  int width_units = width > 0 ? (int) floor (width * PANGO_SCALE) : -1;
  TextKey key = { size_units, (int) weight, (int) role, text ? text : "" };
  GArray *samples = g_hash_table_lookup (self->text_sizes, &key);
  TextSample sample;
  guint lo = 0, hi;

  if (samples == NULL)
    {
      TextKey *owned = g_memdup2 (&key, sizeof key);

      owned->text = g_strdup (key.text);
      samples = g_array_new (FALSE, FALSE, sizeof (TextSample));
      g_array_set_clear_func (samples, text_sample_clear);
      g_hash_table_insert (self->text_sizes, owned, samples);
    }

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

