/* koers-slide-check.c: the legibility check, for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Verifies a built slide against the rules of legibility: boxes inside
 * their containers, nothing overlapping, every text whole, cards showing
 * all their item has, arrows clear of other cards, headings larger than
 * what they head. The app does not link this unit: only the tests do.
 */
#define G_LOG_DOMAIN "koers-slide"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "koers-slide-check.h"
#include "koers-slide-private.h"

G_DEFINE_QUARK (koers-slide-error-quark, koers_slide_error)

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
  guint n_models = _koers_slide_item_models (self, item, models, MAX_CHIPS);

  if (!card_has_text (cb, ROLE_CARD_TITLE, item->title, TRUE))
    return check_fail (error, p, "%s does not show its title whole", cb->card->what);
  for (guint m = 0; m < n_models; m++)
    if (!card_has_text (cb, ROLE_CHIP, koers_model_get_short_name (models[m]), TRUE))
      return check_fail (error, p, "%s does not show the model “%s”", cb->card->what,
                         koers_model_get_short_name (models[m]));
  if (_koers_slide_has_text (item->owner) && !card_has_text (cb, ROLE_META, item->owner, FALSE))
    return check_fail (error, p, "%s does not show its owner “%s”", cb->card->what, item->owner);
  if (_koers_slide_has_text (item->due))
    {
      g_autofree char *due = _koers_slide_format_due (item->due);
      if (!card_has_text (cb, ROLE_META, due, FALSE))
        return check_fail (error, p, "%s does not show “%s”", cb->card->what, due);
    }
  if (item->status != KOERS_STATUS_TODO &&
      !card_has_text (cb, ROLE_META, koers_status_get_label (item->status), FALSE))
    return check_fail (error, p, "%s does not show its status “%s”", cb->card->what,
                       koers_status_get_label (item->status));
  for (guint i = 0; i < cb->texts->len; i++)
    {
      const Box *box = g_ptr_array_index (cb->texts, i);
      PangoAttrList *attrs = box->layout ? pango_layout_get_attributes (box->layout) : NULL;
      g_autoptr(PangoAttrIterator) iter = attrs ? pango_attr_list_get_iterator (attrs) : NULL;

      /* Done and skipped are said in words, as in every other export:
       * a strike-through reads as deleted, and Markdown has none. */
      do
        if (iter != NULL && pango_attr_iterator_get (iter, PANGO_ATTR_STRIKETHROUGH) != NULL)
          return check_fail (error, p, "%s strikes “%s” through", cb->card->what,
                             pango_layout_get_text (box->layout));
      while (iter != NULL && pango_attr_iterator_next (iter));
    }
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
      if (_koers_slide_curve_hits_rect (op->points, &box->rect))
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

/* Every text meets WCAG AA (4.5 : 1) on what lies under it: the page
 * (the theme's colour, as a transparent page is meant to be shown on),
 * and every filled shape drawn before it that holds it, blended in
 * drawing order. */
static gboolean
check_contrast (KoersSlide *self,
                const Page *page,
                guint       p,
                GError    **error)
{
  for (guint i = 0; i < page->ops->len; i++)
    {
      const Op *text = &g_array_index (page->ops, Op, i);
      KoersColor under = self->palette->page, ink;
      Rect box;
      double ratio;

      if (text->kind != OP_TEXT)
        continue;
      _koers_slide_layout_logical (text->layout, &box);
      box.x += text->x;
      box.y += text->y;
      under.alpha = 1;
      for (guint k = 0; k < i; k++)
        {
          const Op *shape = &g_array_index (page->ops, Op, k);

          if (shape->kind == OP_RECT && shape->fill.alpha > 0 && rect_contains (&shape->rect, &box))
            {
              under = color_mix (&under, &shape->fill, shape->fill.alpha);
              under.alpha = 1;
            }
        }
      ink = text->stroke;
      ink.alpha = 1;
      ratio = color_contrast (&ink, &under);
      if (ratio < MIN_CONTRAST)
        return check_fail (error, p, "“%s” has a contrast of %.2f : 1 on its background, below %.1f : 1",
                           pango_layout_get_text (text->layout), ratio, MIN_CONTRAST);
    }
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
 *   texts overlapping; no text smaller than 16 px at 1920×1080
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
 * - no arrow crossing a card, heading or text other than its two cards';
 * - every text at a WCAG AA contrast of 4.5 : 1 or more on what lies
 *   under it, in either theme and in every state of a card.
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

              _koers_slide_layout_broken_words (self, box->layout, _koers_slide_role_floor (self, box->role, box->font_px),
                                                _koers_slide_card_word_cap (self, box->role), &avoidable, &word, NULL);
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

      if (!check_hierarchy (page, p, error) || !check_contrast (self, page, p, error))
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
 * koers_slide_get_card_font_px:
 * @self: a slide
 * @page: which page, from 0
 *
 * Returns: the size of the card titles on @page, in logical units, or 0
 *   when it shows no card
 */
double
koers_slide_get_card_font_px (KoersSlide *self,
                              guint       page)
{
  Page *p;
  double most = 0;

  g_return_val_if_fail (KOERS_IS_SLIDE (self), 0);
  g_return_val_if_fail (page < self->pages->len, 0);

  p = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < p->boxes->len; i++)
    {
      const Box *box = &g_array_index (p->boxes, Box, i);
      if (box->kind == BOX_TEXT && box->role == ROLE_CARD_TITLE)
        most = MAX (most, box->font_px);
    }
  return most;
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
                       _koers_slide_dep_is_text (self, box->item->id, box->item->after[a]);
        }
    }
  if (arrows)
    *arrows = n_arrows;
  if (in_words)
    *in_words = n_words;
}
