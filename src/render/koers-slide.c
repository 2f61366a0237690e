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
 * words broken inside that need not be, then the fewest pages, then the
 * fewest words broken inside, then the fewest lanes
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
#include <string.h>

#include "koers-slide-private.h"

G_DEFINE_FINAL_TYPE (KoersSlide, koers_slide, G_TYPE_OBJECT)

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

Page *
_koers_slide_page_new (void)
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

static void
layout_slide (KoersSlide *self)
{
  g_autoptr(GHashTable) before_relax = NULL;
  gboolean done;
  Config config;
  double margin = u (self, MARGIN);

  _koers_slide_collect_lanes_and_columns (self);
  _koers_slide_compute_lane_header_width (self);
  _koers_slide_compute_word_inner (self);
  self->lane_min_height = g_new0 (double, n_lanes (self));
  for (guint l = 0; l < n_lanes (self); l++)
    self->lane_min_height[l] = _koers_slide_measure_lane_label (self, l);
  self->org_label_height = _koers_slide_measure_org_label (self);

  self->band_height = _koers_slide_build_band (self, NULL, 0, 1);
  self->strip_height = _koers_slide_build_strip (self, NULL, 0);
  self->grid_top = margin + self->band_height + u (self, BAND_GAP);
  self->grid_bottom = self->height - margin - self->strip_height - u (self, BAND_GAP);
  self->min_font_used = G_MAXDOUBLE;

  if (self->columns->len == 0)
    {
      /* Nothing to plan: the band and the strip alone. */
      Page *page = _koers_slide_page_new ();
      _koers_slide_build_band (self, page, 0, 1);
      _koers_slide_build_strip (self, page, self->grid_bottom + u (self, BAND_GAP));
      g_ptr_array_add (self->pages, page);
      return;
    }

  _koers_slide_initial_text_deps (self);
  for (guint round = 0, relaxed = FALSE; ; round++)
    {
      g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (_koers_slide_page_plan_free);
      g_autoptr(GHashTable) unrouted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) relaxable = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      RouteFindings findings = { unrouted, relaxable };
      GHashTableIter iter;
      gpointer key;

      g_autofree Placement *placements = NULL;
      g_autoptr(GPtrArray) arrows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

      _koers_slide_choose_config (self, &config);
      _koers_slide_evaluate (self, &config, plans, NULL, 0);
      if (plans->len == 0)
        {
          /* Even the smallest layout does not fit (a page far too small):
           * draw it anyway, and let koers_slide_check() say what is wrong. */
          g_ptr_array_add (plans, _koers_slide_page_plan_new (self, 0, self->columns->len, 0));
        }

      /* Only where the cards stand and which arrows find a route decide
       * whether another round is needed: the texts are laid out for
       * drawing once, in the last round. */
      placements = g_new0 (Placement, plans->len);
      for (guint p = 0; p < plans->len; p++)
        {
          _koers_slide_placement_init (self, &placements[p], g_ptr_array_index (plans, p), &config);
          g_ptr_array_add (arrows, _koers_slide_route_page (self, &placements[p], &findings));
        }
      done = !(g_hash_table_size (unrouted) > 0 ||
               (!relaxed && round < 4 && g_hash_table_size (relaxable) > 0));
      for (guint p = 0; p < plans->len; p++)
        {
          if (done)
            g_ptr_array_add (self->pages, _koers_slide_build_page (self, &placements[p],
                                                                   g_ptr_array_index (arrows, p), p, plans->len));
          _koers_slide_placement_clear (&placements[p]);
        }

      if (g_hash_table_size (unrouted) > 0 && before_relax != NULL)
        {
          /* Trying those as arrows cost another route: back to the
           * dependencies in words of the layout before, which needed no
           * further round. */
          g_hash_table_unref (self->text_deps);
          self->text_deps = g_steal_pointer (&before_relax);
        }
      else if (g_hash_table_size (unrouted) > 0)
        {
          /* Some arrows found no route: their cards say it, which changes
           * the cards' sizes; lay out again. After a few rounds, every
           * dependency is said on its card, and the next round is the
           * last. */
          g_hash_table_iter_init (&iter, unrouted);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_hash_table_add (self->text_deps, g_strdup (key));
          if (round >= 4)
            _koers_slide_all_deps_text (self);
        }
      else if (!relaxed && round < 4 && g_hash_table_size (relaxable) > 0)
        {
          /* A dependency said in words in an earlier round may have a
           * route now that the cards have settled: once, try those as
           * arrows (their cards get shorter; if that costs another
           * route, the rounds above take it back into words). */
          before_relax = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_iter_init (&iter, self->text_deps);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_hash_table_add (before_relax, g_strdup (key));
          g_hash_table_iter_init (&iter, relaxable);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_hash_table_remove (self->text_deps, key);
          relaxed = TRUE;
        }
      else
        break;
    }
}

static void
koers_slide_finalize (GObject *object)
{
  KoersSlide *self = (KoersSlide *) object;

  g_clear_object (&self->project);
  g_clear_object (&self->roadmap);
  g_clear_object (&self->context);
  g_clear_pointer (&self->card_sizes, g_hash_table_unref);
  g_clear_pointer (&self->text_sizes, g_hash_table_unref);
  g_clear_pointer (&self->line_heights, g_hash_table_unref);
  g_clear_pointer (&self->header_heights, g_hash_table_unref);
  g_clear_pointer (&self->text_deps, g_hash_table_unref);
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
  self->card_sizes = _koers_slide_card_sizes_new ();
  self->text_sizes = _koers_slide_text_sizes_new ();
  self->line_heights = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->header_heights = _koers_slide_header_heights_new ();
  self->text_deps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
  g_hash_table_remove_all (self->text_sizes);
  g_hash_table_remove_all (self->line_heights);
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
