/* koers-deck-text.c: measuring the deck's text with Pango before it is placed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Impress and PowerPoint lay the text out again with their own engines,
 * so a box that Pango fills to the last pixel could overflow there. The
 * measure is therefore taken with unhinted metrics and a margin: a box
 * only counts as fitting when its text takes no more than FIT_SHARE of
 * the room inside it.
 */
#define G_LOG_DOMAIN "koers-deck"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "koers-deck-private.h"

/* Line heights differ a little between Pango, Impress and PowerPoint, and
 * a wider fallback font may replace ours where it is missing. */
#define FIT_SHARE 0.88

struct _KoersDeckMeasure
{
  PangoContext *context;
  PangoLayout  *layout;
};

/**
 * _koers_deck_measure_new:
 *
 * Returns: (transfer full): a measure for the deck's font
 */
KoersDeckMeasure *
_koers_deck_measure_new (void)
{
  KoersDeckMeasure *measure = g_new0 (KoersDeckMeasure, 1);
  cairo_font_options_t *font_options = cairo_font_options_create ();

  measure->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (measure->context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (measure->context, FALSE);
  measure->layout = pango_layout_new (measure->context);
  pango_layout_set_wrap (measure->layout, PANGO_WRAP_WORD_CHAR);
  return measure;
}

/**
 * _koers_deck_measure_free:
 * @measure: (transfer full) (nullable): a measure
 */
void
_koers_deck_measure_free (KoersDeckMeasure *measure)
{
  if (measure == NULL)
    return;
  g_clear_object (&measure->layout);
  g_clear_object (&measure->context);
  g_free (measure);
}

static void
set_paragraph (KoersDeckMeasure    *measure,
               const KoersDeckPara *para,
               double               width)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoFontDescription *desc = pango_font_description_from_string (KOERS_DECK_FONT);

  for (guint i = 0; i < para->runs->len; i++)
    {
      const KoersDeckRun *run = g_ptr_array_index (para->runs, i);
      PangoAttribute *attr;
      guint start = text->len;

      g_string_append (text, run->text);
      attr = pango_attr_size_new_absolute ((int) (run->size * PANGO_SCALE));
      attr->start_index = start;
      attr->end_index = text->len;
      pango_attr_list_insert (attrs, attr);
      if (run->bold)
        {
          attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
          attr->start_index = start;
          attr->end_index = text->len;
          pango_attr_list_insert (attrs, attr);
        }
    }

  /* An empty paragraph still takes a line at its size. */
  if (para->runs->len > 0)
    {
      const KoersDeckRun *first = g_ptr_array_index (para->runs, 0);
      pango_font_description_set_absolute_size (desc, first->size * PANGO_SCALE);
    }
  pango_layout_set_font_description (measure->layout, desc);
  pango_layout_set_width (measure->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (measure->layout, text->str, text->len);
  pango_layout_set_attributes (measure->layout, attrs);
  pango_attr_list_unref (attrs);
  pango_font_description_free (desc);
}

/**
 * _koers_deck_measure_paras:
 * @measure: a measure
 * @paras: (element-type KoersDeckPara): the text
 * @box_width: the box's width, insets included
 *
 * Returns: the height the text takes, in px, insets not included
 */
double
_koers_deck_measure_paras (KoersDeckMeasure *measure,
                           GPtrArray        *paras,
                           double            box_width)
{
  double height = 0;

  for (guint i = 0; i < paras->len; i++)
    {
      const KoersDeckPara *para = g_ptr_array_index (paras, i);
      int h;

      set_paragraph (measure, para, box_width - 2 * KOERS_DECK_INSET_X);
      pango_layout_get_size (measure->layout, NULL, &h);
      height += (double) h / PANGO_SCALE;
      if (i > 0)
        height += para->space_before;
    }
  return height;
}

/**
 * _koers_deck_fits:
 * @measure: a measure
 * @paras: (element-type KoersDeckPara): the text
 * @box_width: the box's width
 * @box_height: the box's height
 *
 * Returns: whether @paras fit in the box with room to spare for another
 *   program's layout
 */
gboolean
_koers_deck_fits (KoersDeckMeasure *measure,
                  GPtrArray        *paras,
                  double            box_width,
                  double            box_height)
{
  double room = (box_height - 2 * KOERS_DECK_INSET_Y) * FIT_SHARE;

  return _koers_deck_measure_paras (measure, paras, box_width) <= room;
}

/**
 * _koers_deck_scale_paras:
 * @paras: (element-type KoersDeckPara): the text
 * @factor: how much larger (above 1) or smaller
 *
 * Scales every run and the space between paragraphs.
 */
void
_koers_deck_scale_paras (GPtrArray *paras,
                         double     factor)
{
  for (guint i = 0; i < paras->len; i++)
    {
      KoersDeckPara *para = g_ptr_array_index (paras, i);

      para->space_before *= factor;
      for (guint r = 0; r < para->runs->len; r++)
        {
          KoersDeckRun *run = g_ptr_array_index (para->runs, r);
          /* Whole pixels: half points in both formats. */
          run->size = floor (run->size * factor);
        }
    }
}

/**
 * _koers_deck_shorten:
 * @measure: a measure
 * @text: a text too long for its room
 * @size: its size in px
 * @box_width: the box's width
 * @max_height: the height it may take
 *
 * Cuts @text after the last whole word that lets it fit, and marks the
 * cut with an ellipsis. Used only where the full text stands elsewhere
 * too (the project file, the rationale panel).
 *
 * Returns: (transfer full): @text, or the part of it that fits
 */
char *
_koers_deck_shorten (KoersDeckMeasure *measure,
                     const char       *text,
                     double            size,
                     double            box_width,
                     double            max_height)
{
  g_autoptr(GPtrArray) paras = g_ptr_array_new_with_free_func ((GDestroyNotify) _koers_deck_para_free);
  KoersDeckPara *para = _koers_deck_para_new (0);
  KoersDeckRun *run;
  g_autofree char *work = g_strdup (text);
  gsize len = strlen (work);

  _koers_deck_para_add (para, work, size, FALSE, KOERS_INK_TEXT);
  g_ptr_array_add (paras, para);
  run = g_ptr_array_index (para->runs, 0);

  while (_koers_deck_measure_paras (measure, paras, box_width) > max_height && len > 0)
    {
      /* Back to the previous space, then try with an ellipsis. */
      while (len > 0 && work[len - 1] != ' ')
        len--;
      while (len > 0 && work[len - 1] == ' ')
        len--;
      if (len == 0)
        break;
      work[len] = '\0';
      g_free (run->text);
      run->text = g_strconcat (work, "…", NULL);
    }
  return g_strdup (run->text);
}
