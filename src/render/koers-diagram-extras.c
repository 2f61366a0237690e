/* koers-diagram-extras.c: the marks beside Now and Goal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ghost Now where the answers point, the previous round's Now with a
 * trail to today's, and the other organisations. They are placed after
 * Now and Goal, in free spots of their stages: never on the words, never
 * on Now or Goal, never on the spot Now or Goal would take on that stage,
 * and never on each other.
 */
#define G_LOG_DOMAIN "koers-diagram-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "koers-diagram-renderer-private.h"

#define PREVIOUS_ALPHA 0.4
/* A name longer than this many ems is shortened with an ellipsis. */
#define OTHER_NAME_EMS 12.0

static double
extra_font_size (double marker_size)
{
  /* The size Now's and Goal's pills use: the names read as well. */
  return MAX (MIN (11.0, 0.5 * marker_size), 0.36 * marker_size);
}

static void
extra_place_clear (ExtraPlace *place)
{
  g_clear_object (&place->label);
}

static void
append_text (GString    *key,
             const char *text)
{
  g_string_append (key, text != NULL ? text : "");
  g_string_append_c (key, '\x1f');
}

static char *
extras_key (const Fit               *fit,
            const KoersDiagramStyle *style)
{
  GString *key = g_string_new (NULL);

  g_string_printf (key, "%.3f %.3f %.5f %.1f %.1f\x1f", fit->x, fit->y, fit->scale,
                   fit->view_width, fit->view_height);
  append_text (key, style->current);
  append_text (key, style->target);
  append_text (key, style->suggested);
  append_text (key, style->previous);
  for (guint i = 0; i < style->n_others; i++)
    {
      append_text (key, style->others[i].name);
      append_text (key, style->others[i].stage);
    }
  return g_string_free (key, FALSE);
}

static void
pad_rect (cairo_rectangle_t *rect,
          double             pad)
{
  rect->x -= pad;
  rect->y -= pad;
  rect->width += 2 * pad;
  rect->height += 2 * pad;
}

/* Keeps the spots Now and Goal would take on @geometry's stage free, so
 * that placing them there later never lands on a mark. */
static void
reserve_own_spots (KoersDiagramRenderer *self,
                   const Fit            *fit,
                   const StageGeometry  *geometry,
                   const MarkerPlace     places[2],
                   GArray               *labels,
                   GArray               *obstacles)
{
  for (guint m = 0; m < 2; m++)
    {
      double size = places[m].size;
      cairo_rectangle_t spot;

      _koers_diagram_find_spot (self, fit, geometry, size + 0.12 * size + places[m].pill_w,
                                size, labels, &spot);
      g_array_append_val (obstacles, spot);
    }
}

static void
add_extra (KoersDiagramRenderer *self,
           const Fit            *fit,
           GArray               *extras,
           GArray               *obstacles,
           KoersDiagramMarkKind  kind,
           guint                 index,
           const char           *stage_id,
           const char           *text,
           double                size,
           double                font_size)
{
  StageGeometry *geometry = _koers_diagram_find_geometry (self, stage_id);
  ExtraPlace place = { 0 };
  double gap = 0.12 * size;
  double text_w, text_h, width, height;
  cairo_rectangle_t spot;

  if (geometry == NULL || text == NULL)
    return;

  place.kind = kind;
  place.index = index;
  place.size = size;
  place.label = _koers_diagram_create_layout (self->ui_pango, text, font_size,
                                              kind == KOERS_DIAGRAM_MARK_SUGGESTED);
  if (kind == KOERS_DIAGRAM_MARK_OTHER)
    {
      pango_layout_set_width (place.label, (int) (OTHER_NAME_EMS * font_size * PANGO_SCALE));
      pango_layout_set_ellipsize (place.label, PANGO_ELLIPSIZE_END);
    }
  _koers_diagram_layout_get_size (place.label, &text_w, &text_h);
  place.pill_w = text_w + 1.1 * font_size;
  place.pill_h = text_h + 0.3 * font_size;
  width = size + gap + place.pill_w;
  height = MAX (size, place.pill_h);

  _koers_diagram_find_spot (self, fit, geometry, width, height, obstacles, &spot);
  place.rect = spot;
  place.cx = spot.x + size / 2;
  place.cy = spot.y + height / 2;
  place.pill_x = spot.x + size + gap;
  place.pill_y = place.cy - place.pill_h / 2;
  g_array_append_val (extras, place);

  pad_rect (&spot, 2.0);
  g_array_append_val (obstacles, spot);
}

/**
 * _koers_diagram_place_extras:
 *
 * Where the marks beside Now and Goal stand for @style. The ghost Now
 * shows only where it differs from Now, and so does the previous round's
 * Now. The result is kept until the style or the fit changes.
 *
 * Returns: (transfer none): the #ExtraPlace of every mark shown
 */
GArray *
_koers_diagram_place_extras (KoersDiagramRenderer    *self,
                             const Fit               *fit,
                             const KoersDiagramStyle *style)
{
  g_autofree char *key = extras_key (fit, style);
  g_autoptr(GArray) labels = NULL;
  g_autoptr(GArray) obstacles = NULL;
  g_autoptr(GHashTable) reserved = NULL;
  g_autoptr(GPtrArray) stage_ids = g_ptr_array_new ();
  MarkerPlace places[2];
  double size, font_size;

  if (self->extras != NULL && g_strcmp0 (self->extras_key, key) == 0)
    return self->extras;

  g_clear_pointer (&self->extras, g_array_unref);
  g_free (self->extras_key);
  self->extras_key = g_steal_pointer (&key);
  self->extras = g_array_new (FALSE, TRUE, sizeof (ExtraPlace));
  g_array_set_clear_func (self->extras, (GDestroyNotify) extra_place_clear);

  _koers_diagram_place_markers (self, fit, style, places);
  size = places[0].size;
  font_size = extra_font_size (size);

  labels = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  _koers_diagram_collect_label_rects (self, fit, MAX (2.0, 0.08 * size), labels);
  obstacles = g_array_copy (labels);
  for (guint m = 0; m < 2; m++)
    if (places[m].placed)
      {
        cairo_rectangle_t rect = places[m].rect;

        pad_rect (&rect, 2.0);
        g_array_append_val (obstacles, rect);
      }

  /* Every stage a mark stands on keeps Now's and Goal's own spots free. */
  reserved = g_hash_table_new (g_str_hash, g_str_equal);
  g_ptr_array_add (stage_ids, (gpointer) style->suggested);
  g_ptr_array_add (stage_ids, (gpointer) style->previous);
  for (guint i = 0; i < style->n_others; i++)
    g_ptr_array_add (stage_ids, (gpointer) style->others[i].stage);
  for (guint i = 0; i < stage_ids->len; i++)
    {
      const char *stage_id = g_ptr_array_index (stage_ids, i);
      StageGeometry *geometry = _koers_diagram_find_geometry (self, stage_id);

      if (geometry == NULL || g_hash_table_contains (reserved, stage_id))
        continue;
      g_hash_table_add (reserved, (gpointer) stage_id);
      reserve_own_spots (self, fit, geometry, places, labels, obstacles);
    }

  if (style->suggested != NULL && g_strcmp0 (style->suggested, style->current) != 0)
    add_extra (self, fit, self->extras, obstacles, KOERS_DIAGRAM_MARK_SUGGESTED, 0,
               style->suggested, C_("marker", "Suggested"), size, font_size);
  if (style->previous != NULL && style->current != NULL &&
      g_strcmp0 (style->previous, style->current) != 0)
    add_extra (self, fit, self->extras, obstacles, KOERS_DIAGRAM_MARK_PREVIOUS, 0,
               style->previous, C_("marker", "Last round"), 0.8 * size, font_size);
  for (guint i = 0; i < style->n_others; i++)
    add_extra (self, fit, self->extras, obstacles, KOERS_DIAGRAM_MARK_OTHER, i,
               style->others[i].stage, style->others[i].name, 0.6 * size, font_size);

  return self->extras;
}

static void
draw_pill (cairo_t          *cr,
           const ExtraPlace *place,
           const KoersColor *fill,
           const KoersColor *border,
           const KoersColor *ink,
           gboolean          dashed)
{
  double text_w, text_h;
  double r = place->pill_h / 2;

  _koers_diagram_rounded_rect (cr, place->pill_x, place->pill_y, place->pill_w, place->pill_h, r);
  koers_set_source_color (cr, fill);
  cairo_fill_preserve (cr);
  koers_set_source_color (cr, border);
  cairo_set_line_width (cr, 1.5);
  if (dashed)
    cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  _koers_diagram_layout_get_size (place->label, &text_w, &text_h);
  koers_set_source_color (cr, ink);
  cairo_move_to (cr, place->pill_x + (place->pill_w - text_w) / 2,
                 place->pill_y + (place->pill_h - text_h) / 2);
  pango_cairo_show_layout (cr, place->label);
}

static void
draw_disc (cairo_t            *cr,
           const KoersPalette *palette,
           const ExtraPlace   *place,
           const KoersColor   *color)
{
  double r = place->size / 2;

  cairo_arc (cr, place->cx, place->cy, r, 0, 2 * G_PI);
  koers_set_source_color (cr, &palette->page);
  cairo_fill (cr);
  cairo_arc (cr, place->cx, place->cy, r - MAX (1.5, 0.09 * place->size), 0, 2 * G_PI);
  koers_set_source_color (cr, color);
  cairo_fill (cr);
}

/* A thin arrow from the previous round's Now to the edge of today's. */
static void
draw_trail (KoersDiagramRenderer *self,
            cairo_t              *cr,
            const Fit            *fit,
            const KoersPalette   *palette,
            const ExtraPlace     *from,
            const MarkerPlace    *to)
{
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  double dx = to->cx - from->cx;
  double dy = to->cy - from->cy;
  double length = sqrt (dx * dx + dy * dy);
  double head = 0.3 * to->size;
  double x0, y0, x1, y1, ux, uy;

  if (length < to->size / 2 + from->size / 2 + head)
    return;
  ux = dx / length;
  uy = dy / length;
  x0 = from->cx + ux * from->size / 2;
  y0 = from->cy + uy * from->size / 2;
  x1 = to->cx - ux * (to->size / 2 + 2);
  y1 = to->cy - uy * (to->size / 2 + 2);

  cairo_save (cr);
  /* The line breaks off where it would cross a stage's words. */
  _koers_diagram_collect_label_rects (self, fit, 2.0, words);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = 0; i < words->len; i++)
    {
      const cairo_rectangle_t *word = &g_array_index (words, cairo_rectangle_t, i);

      /* One box at a time: a name's and its caption's boxes overlap, and
       * even-odd over both would let the line through where they do. */
      cairo_rectangle (cr, 0, 0, fit->view_width, fit->view_height);
      cairo_rectangle (cr, word->x, word->y, word->width, word->height);
      cairo_clip (cr);
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);

  koers_set_source_color (cr, &palette->now);
  cairo_set_line_width (cr, MAX (1.5, 0.05 * to->size));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1 - ux * head * 0.8, y1 - uy * head * 0.8);
  cairo_stroke (cr);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x1 - ux * head - uy * head / 2, y1 - uy * head + ux * head / 2);
  cairo_line_to (cr, x1 - ux * head + uy * head / 2, y1 - uy * head - ux * head / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

/**
 * _koers_diagram_draw_extras:
 *
 * Draws the marks beside Now and Goal, below them: the trail first, then
 * the others, the previous round's Now and the ghost Now.
 */
void
_koers_diagram_draw_extras (KoersDiagramRenderer    *self,
                            cairo_t                 *cr,
                            const Fit               *fit,
                            const KoersPalette      *palette,
                            const KoersDiagramStyle *style)
{
  GArray *extras = _koers_diagram_place_extras (self, fit, style);
  MarkerPlace places[2];

  if (extras->len == 0)
    return;
  _koers_diagram_place_markers (self, fit, style, places);

  for (guint i = 0; i < extras->len; i++)
    {
      const ExtraPlace *place = &g_array_index (extras, ExtraPlace, i);

      cairo_save (cr);
      switch (place->kind)
        {
        case KOERS_DIAGRAM_MARK_OTHER:
          draw_disc (cr, palette, place, &palette->ink_muted);
          draw_pill (cr, place, &palette->card, &palette->card_border, &palette->ink, FALSE);
          break;

        case KOERS_DIAGRAM_MARK_PREVIOUS:
          {
            /* Faded by its colours, not by a group: a group painted with
             * an alpha leaked memory in cairo's SVG surface. */
            KoersColor faded = palette->now;

            faded.alpha *= PREVIOUS_ALPHA;
            draw_disc (cr, palette, place, &faded);
          }
          /* Only the disc fades: its words must still read. */
          draw_pill (cr, place, &palette->page, &palette->card_border, &palette->ink_muted, FALSE);
          if (places[KOERS_MARKER_CURRENT].placed)
            draw_trail (self, cr, fit, palette, place, &places[KOERS_MARKER_CURRENT]);
          break;

        case KOERS_DIAGRAM_MARK_SUGGESTED:
        default:
          /* An outline only: a Now that is not there yet. */
          cairo_arc (cr, place->cx, place->cy, place->size / 2 - 1.5, 0, 2 * G_PI);
          koers_set_source_color (cr, &palette->page);
          cairo_fill_preserve (cr);
          koers_set_source_color (cr, &palette->now);
          cairo_set_line_width (cr, MAX (2.0, 0.08 * place->size));
          cairo_set_dash (cr, (double[]) { 0.16 * place->size, 0.1 * place->size }, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          draw_pill (cr, place, &palette->page, &palette->now, &palette->now, TRUE);
          break;
        }
      cairo_restore (cr);
    }
}

/**
 * koers_diagram_style_add_project:
 * @style: the style to fill in
 * @project: the project the diagram belongs to
 * @model_id: the diagram's model
 * @others: whether to show the other organisations
 *
 * Sets @style's previous round's Now (from the last closed round) and,
 * when @others, the other organisations placed on @model_id. The strings
 * are @project's: the style is good while @project is unchanged.
 *
 * Returns: (transfer full) (element-type KoersDiagramOther): what
 *   @style's others point into; keep it as long as @style is used
 */
GArray *
koers_diagram_style_add_project (KoersDiagramStyle *style,
                                 KoersProject      *project,
                                 const char        *model_id,
                                 gboolean           others)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (KoersDiagramOther));
  guint n_rounds;

  g_return_val_if_fail (style != NULL, array);
  g_return_val_if_fail (KOERS_IS_PROJECT (project), array);

  n_rounds = koers_project_get_n_rounds (project);
  style->previous = n_rounds > 0 && model_id != NULL
                    ? koers_project_get_round_marker (project, n_rounds - 1, model_id, KOERS_MARKER_CURRENT)
                    : NULL;

  for (guint i = 0; others && model_id != NULL && i < koers_project_get_n_others (project); i++)
    {
      const char *id = koers_project_get_other_id (project, i);
      KoersDiagramOther other = {
        koers_project_get_other_name (project, id),
        koers_project_get_other_now (project, id, model_id),
      };

      if (other.name != NULL && other.stage != NULL)
        g_array_append_val (array, other);
    }
  style->others = (const KoersDiagramOther *) array->data;
  style->n_others = array->len;
  return array;
}
