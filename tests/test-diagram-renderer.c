/* test-diagram-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <string.h>

#include "koers-catalog.h"
#include "koers-diagram-renderer.h"

/* From koers-diagram-renderer-private.h: what a prefetch left waiting. */
gboolean _koers_diagram_prefetch_pending (const char *filename);
#include "koers-error.h"

typedef struct {
  double width;
  double height;
} Size;

static const Size sizes[] = {
  { 360, 300 },
  { 1280, 720 },
  { 3840, 2160 },
};

static KoersDiagramRenderer *
renderer_for (KoersModel *model)
{
  g_autoptr(GError) error = NULL;
  KoersDiagramRenderer *renderer = koers_diagram_renderer_new (model, &error);

  g_assert_no_error (error);
  g_assert_nonnull (renderer);
  g_assert_true (koers_diagram_renderer_get_model (renderer) == model);
  return renderer;
}

static void
style_for_title (KoersDiagramStyle *style,
                 gboolean           title)
{
  koers_diagram_style_init (style);
  if (title)
    {
      style->title = "Woonstichting De Linde";
      style->subtitle = "12 March 2026";
    }
}

static void
test_style_init (void)
{
  KoersDiagramStyle style;

  memset (&style, 0xaa, sizeof style);
  koers_diagram_style_init (&style);
  g_assert_cmpint (style.hide_marker, ==, -1);
  g_assert_null (style.current);
  g_assert_null (style.target);
  g_assert_null (style.highlight);
  g_assert_null (style.title);
  g_assert_false (style.render.dark);
  g_assert_cmpint (style.render.background, ==, KOERS_BACKGROUND_THEME);
}

/* Every stage of every built-in model has a zone, and its centre maps back
 * to it at every size, with and without an export's title band. */
static void
test_stage_at (void)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();

  g_assert_cmpuint (koers_catalog_get_n_models (catalog), >, 0);

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, i);
      g_autoptr(KoersDiagramRenderer) renderer = renderer_for (model);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (int title = 0; title < 2; title++)
          {
            double w = sizes[s].width;
            double h = sizes[s].height;
            KoersDiagramStyle style;

            style_for_title (&style, title);
            for (guint n = 0; n < koers_model_get_n_stages (model); n++)
              {
                const KoersStage *stage = koers_model_get_stage (model, n);
                cairo_rectangle_t rect;
                const char *found;

                g_assert_true (koers_diagram_renderer_get_stage_rect (renderer, w, h, &style,
                                                                      stage->id, &rect));
                g_assert_cmpfloat (rect.width, >, 0);
                g_assert_cmpfloat (rect.height, >, 0);
                g_assert_cmpfloat (rect.x, >=, 0);
                g_assert_cmpfloat (rect.y, >=, 0);
                g_assert_cmpfloat (rect.x + rect.width, <=, w);
                g_assert_cmpfloat (rect.y + rect.height, <=, h);

                found = koers_diagram_renderer_stage_at (renderer, w, h, &style,
                                                         rect.x + rect.width / 2,
                                                         rect.y + rect.height / 2);
                g_assert_cmpstr (found, ==, stage->id);
              }

            /* The margin is never part of the art. */
            g_assert_null (koers_diagram_renderer_stage_at (renderer, w, h, &style, 1, 1));
            g_assert_null (koers_diagram_renderer_stage_at (renderer, w, h, &style, w - 1, h - 1));
            g_assert_null (koers_diagram_renderer_stage_at (renderer, w, h, &style, -10, h / 2));
          }
    }
}

static void
test_unknown_stage (void)
{
  KoersModel *model = koers_catalog_get_model (koers_catalog_get_builtin (), 0);
  g_autoptr(KoersDiagramRenderer) renderer = renderer_for (model);
  KoersDiagramStyle style;
  cairo_rectangle_t rect;

  koers_diagram_style_init (&style);
  g_assert_false (koers_diagram_renderer_get_stage_rect (renderer, 800, 450, &style,
                                                         "no-such-stage", &rect));
  g_assert_false (koers_diagram_renderer_get_marker_rect (renderer, 800, 450, &style,
                                                          KOERS_MARKER_CURRENT, &rect));
  style.current = "no-such-stage";
  g_assert_false (koers_diagram_renderer_get_marker_rect (renderer, 800, 450, &style,
                                                          KOERS_MARKER_CURRENT, &rect));
}

/* The title band takes room from the top: the art moves down. */
static void
test_title_band (void)
{
  KoersModel *model = koers_catalog_get_model (koers_catalog_get_builtin (), 0);
  g_autoptr(KoersDiagramRenderer) renderer = renderer_for (model);
  const KoersStage *stage = koers_model_get_stage (model, 0);
  KoersDiagramStyle plain, titled;
  cairo_rectangle_t a, b;

  style_for_title (&plain, FALSE);
  style_for_title (&titled, TRUE);
  g_assert_true (koers_diagram_renderer_get_stage_rect (renderer, 1920, 1080, &plain, stage->id, &a));
  g_assert_true (koers_diagram_renderer_get_stage_rect (renderer, 1920, 1080, &titled, stage->id, &b));
  g_assert_cmpfloat (b.height, <, a.height);
}

static gboolean
rects_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
rect_contains (const cairo_rectangle_t *rect,
               double                   x,
               double                   y)
{
  return x >= rect->x && x <= rect->x + rect->width &&
         y >= rect->y && y <= rect->y + rect->height;
}

/* No marker stands on the words of any stage. */
static void
assert_clear_of_labels (KoersDiagramRenderer    *renderer,
                        double                   width,
                        double                   height,
                        const KoersDiagramStyle *style,
                        const cairo_rectangle_t *marker)
{
  KoersModel *model = koers_diagram_renderer_get_model (renderer);

  for (guint n = 0; n < koers_model_get_n_stages (model); n++)
    {
      const KoersStage *stage = koers_model_get_stage (model, n);
      KoersStageLabel label;

      if (!koers_diagram_renderer_get_stage_label (renderer, width, height, style, stage->id, &label))
        continue;
      if (rects_overlap (marker, &label.name) || rects_overlap (marker, &label.caption))
        g_error ("%s at %g×%g: a marker at %g,%g (%g×%g) covers the words of %s",
                 koers_model_get_id (model), width, height, marker->x, marker->y,
                 marker->width, marker->height, stage->id);
    }
}

/* Each marker alone, on every stage: never on a name or caption. */
static void
test_markers_clear_of_labels (void)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, i);
      g_autoptr(KoersDiagramRenderer) renderer = renderer_for (model);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint n = 0; n < koers_model_get_n_stages (model); n++)
          {
            const KoersStage *stage = koers_model_get_stage (model, n);
            const KoersStage *other = koers_model_get_stage (model, (n + 1) % koers_model_get_n_stages (model));
            KoersDiagramStyle style;
            cairo_rectangle_t now, goal;

            koers_diagram_style_init (&style);
            style.current = stage->id;
            style.target = other->id;
            g_assert_true (koers_diagram_renderer_get_marker_rect (renderer, sizes[s].width, sizes[s].height,
                                                                   &style, KOERS_MARKER_CURRENT, &now));
            g_assert_true (koers_diagram_renderer_get_marker_rect (renderer, sizes[s].width, sizes[s].height,
                                                                   &style, KOERS_MARKER_TARGET, &goal));
            g_assert_false (rects_overlap (&now, &goal));
            assert_clear_of_labels (renderer, sizes[s].width, sizes[s].height, &style, &now);
            assert_clear_of_labels (renderer, sizes[s].width, sizes[s].height, &style, &goal);
          }
    }
}

static guint
count_marks (GArray               *marks,
             KoersDiagramMarkKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < marks->len; i++)
    n += g_array_index (marks, KoersDiagramMark, i).kind == kind;
  return n;
}

/* The ghost Now, the last round's Now and two others, all on one stage of
 * the Pyramid, for every stage and every place of Now: none covers a
 * word, Now, Goal, another mark, or the spot Now would take there. */
static void
test_marks_clear (void)
{
  KoersModel *model = koers_catalog_lookup (koers_catalog_get_builtin (), "pyramid");
  g_autoptr(KoersDiagramRenderer) renderer = renderer_for (model);
  guint n_stages = koers_model_get_n_stages (model);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint m = 0; m < n_stages; m++)
      for (guint n = 0; n < n_stages; n++)
        {
          double width = sizes[s].width, height = sizes[s].height;
          const char *mark_stage = koers_model_get_stage (model, m)->id;
          KoersDiagramOther others[] = {
            { "Stadsbank Noord", mark_stage },
            { "Regionale Omroep Rivierenland en Omstreken, afdeling Online", mark_stage },
          };
          KoersDiagramStyle style, placed;
          g_autoptr(GArray) marks = NULL;
          cairo_rectangle_t now, goal, own;

          koers_diagram_style_init (&style);
          style.current = koers_model_get_stage (model, n)->id;
          style.target = koers_model_get_stage (model, (n + 1) % n_stages)->id;
          style.suggested = style.previous = mark_stage;
          style.others = others;
          style.n_others = G_N_ELEMENTS (others);

          marks = koers_diagram_renderer_get_marks (renderer, width, height, &style);
          g_assert_cmpuint (count_marks (marks, KOERS_DIAGRAM_MARK_OTHER), ==, 2);
          /* Ghost and trail only where Now is not. */
          g_assert_cmpuint (count_marks (marks, KOERS_DIAGRAM_MARK_SUGGESTED), ==, m != n);
          g_assert_cmpuint (count_marks (marks, KOERS_DIAGRAM_MARK_PREVIOUS), ==, m != n);

          g_assert_true (koers_diagram_renderer_get_marker_rect (renderer, width, height, &style,
                                                                 KOERS_MARKER_CURRENT, &now));
          g_assert_true (koers_diagram_renderer_get_marker_rect (renderer, width, height, &style,
                                                                 KOERS_MARKER_TARGET, &goal));
          /* Where Now lands when the suggestion is taken. */
          placed = style;
          placed.current = mark_stage;
          placed.suggested = placed.previous = NULL;
          placed.n_others = 0;
          g_assert_true (koers_diagram_renderer_get_marker_rect (renderer, width, height, &placed,
                                                                 KOERS_MARKER_CURRENT, &own));

          for (guint i = 0; i < marks->len; i++)
            {
              const KoersDiagramMark *mark = &g_array_index (marks, KoersDiagramMark, i);

              assert_clear_of_labels (renderer, width, height, &style, &mark->rect);
              g_assert_false (rects_overlap (&mark->rect, &now));
              g_assert_false (rects_overlap (&mark->rect, &goal));
              if (m != n && g_strcmp0 (placed.target, mark_stage) != 0)
                g_assert_false (rects_overlap (&mark->rect, &own));
              g_assert_cmpfloat (mark->rect.x, >=, 0);
              g_assert_cmpfloat (mark->rect.y, >=, 0);
              g_assert_cmpfloat (mark->rect.x + mark->rect.width, <=, width);
              g_assert_cmpfloat (mark->rect.y + mark->rect.height, <=, height);
              for (guint j = i + 1; j < marks->len; j++)
                g_assert_false (rects_overlap (&mark->rect, &g_array_index (marks, KoersDiagramMark, j).rect));
            }
        }
}

/* A long name is shortened on the art; a short one is not. */
static void
test_marks_long_name (void)
{
  KoersModel *model = koers_catalog_lookup (koers_catalog_get_builtin (), "pyramid");
  g_autoptr(KoersDiagramRenderer) renderer = renderer_for (model);
  KoersDiagramOther short_name[] = { { "Stadsbank", "listen" } };
  KoersDiagramOther long_name[] = { { "Stadsbank Noord en Regionale Omroep Rivierenland en Omstreken", "listen" } };
  KoersDiagramOther longer_name[] = { { "Stadsbank Noord en Regionale Omroep Rivierenland en Omstreken en nog veel meer", "listen" } };
  KoersDiagramStyle style;
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autoptr(GArray) c = NULL;

  koers_diagram_style_init (&style);
  style.n_others = 1;
  style.others = short_name;
  a = koers_diagram_renderer_get_marks (renderer, 1280, 720, &style);
  style.others = long_name;
  b = koers_diagram_renderer_get_marks (renderer, 1280, 720, &style);
  style.others = longer_name;
  c = koers_diagram_renderer_get_marks (renderer, 1280, 720, &style);
  g_assert_cmpuint (a->len, ==, 1);
  g_assert_cmpfloat (g_array_index (a, KoersDiagramMark, 0).rect.width, <,
                     g_array_index (b, KoersDiagramMark, 0).rect.width);
  /* Past the limit, more words make the mark no wider. */
  g_assert_cmpfloat_with_epsilon (g_array_index (b, KoersDiagramMark, 0).rect.width,
                                  g_array_index (c, KoersDiagramMark, 0).rect.width, 0.01);
}

/* Words that read: names of 14 px and captions of 11 px at least on a
 * slide of 1920×1080 and a canvas of 720 px, every caption shown; on a
 * phone's 340 px names of 12 px, captions as they fit. */
static void
test_label_sizes (void)
{
  const struct { double width, height, name, caption; gboolean captions; } cases[] = {
    { 1920, 1080, 14, 11, TRUE },
    { 720, 405, 14, 11, TRUE },
    { 340, 200, 12, 11, FALSE },
  };
  KoersCatalog *catalog = koers_catalog_get_builtin ();

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, i);
      g_autoptr(KoersDiagramRenderer) renderer = renderer_for (model);

      for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
        for (guint n = 0; n < koers_model_get_n_stages (model); n++)
          {
            const KoersStage *stage = koers_model_get_stage (model, n);
            KoersDiagramStyle style;
            KoersStageLabel label;

            koers_diagram_style_init (&style);
            /* An export has a title band: its rules are the same. */
            style.title = c == 0 ? "Woonstichting Rivierenland" : NULL;
            g_assert_true (koers_diagram_renderer_get_stage_label (renderer, cases[c].width, cases[c].height,
                                                                   &style, stage->id, &label));
            g_test_message ("%s %s at %g: name %.1f px, caption %.1f px", koers_model_get_id (model),
                            stage->id, cases[c].width, label.name_size, label.caption_size);
            g_assert_cmpfloat (label.name_size, >=, cases[c].name - 0.01);
            g_assert_cmpfloat (label.name.width, >, 0);
            if (stage->tagline != NULL && cases[c].captions)
              g_assert_cmpfloat (label.caption_size, >=, cases[c].caption - 0.01);
            if (label.caption_size > 0)
              g_assert_cmpfloat (label.caption_size, >=, cases[c].caption - 0.01);
          }
    }
}

/* Both markers on one stage stand side by side, and each can be picked up. */
static void
test_markers_side_by_side (void)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, i);
      g_autoptr(KoersDiagramRenderer) renderer = renderer_for (model);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint n = 0; n < koers_model_get_n_stages (model); n++)
          {
            const KoersStage *stage = koers_model_get_stage (model, n);
            double w = sizes[s].width;
            double h = sizes[s].height;
            cairo_rectangle_t now, goal, zone;
            KoersDiagramStyle style;
            gboolean found;
            KoersMarker marker;

            koers_diagram_style_init (&style);
            style.current = stage->id;
            style.target = stage->id;

            g_assert_true (koers_diagram_renderer_get_marker_rect (renderer, w, h, &style,
                                                                   KOERS_MARKER_CURRENT, &now));
            g_assert_true (koers_diagram_renderer_get_marker_rect (renderer, w, h, &style,
                                                                   KOERS_MARKER_TARGET, &goal));
            g_assert_false (rects_overlap (&now, &goal));
            /* Markers keep a readable size even on a small canvas. */
            g_assert_cmpfloat (now.height, >=, 28);

            /* They stand on their stage: the pair is centred on it. */
            g_assert_true (koers_diagram_renderer_get_stage_rect (renderer, w, h, &style,
                                                                  stage->id, &zone));
            /* They stand on their stage: the pair is centred on it. On
             * the smallest canvas a stage can be too small to hold the
             * pair beside its name; the pair then stands right beside it. */
            if (w < 400)
              {
                zone.x -= goal.x + goal.width - now.x;
                zone.y -= now.height;
                zone.width += 2 * (goal.x + goal.width - now.x);
                zone.height += 2 * now.height;
              }
            g_assert_true (rect_contains (&zone,
                                          (now.x + goal.x + goal.width) / 2,
                                          now.y + now.height / 2));
            assert_clear_of_labels (renderer, w, h, &style, &now);
            assert_clear_of_labels (renderer, w, h, &style, &goal);

            marker = koers_diagram_renderer_marker_at (renderer, w, h, &style,
                                                       now.x + now.width / 2,
                                                       now.y + now.height / 2, &found);
            g_assert_true (found);
            g_assert_cmpint (marker, ==, KOERS_MARKER_CURRENT);
            marker = koers_diagram_renderer_marker_at (renderer, w, h, &style,
                                                       goal.x + goal.width / 2,
                                                       goal.y + goal.height / 2, &found);
            g_assert_true (found);
            g_assert_cmpint (marker, ==, KOERS_MARKER_TARGET);
            koers_diagram_renderer_marker_at (renderer, w, h, &style, 1, 1, &found);
            g_assert_false (found);
          }
    }
}

static cairo_surface_t *
draw_image (KoersDiagramRenderer    *renderer,
            const KoersDiagramStyle *style,
            int                      width,
            int                      height,
            double                   scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) (width * scale), (int) (height * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  koers_diagram_renderer_draw (renderer, cr, width, height, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + x * 4);
}

/* Lighting a stage changes its zone and nothing outside it. */
static void
test_draw_highlight (void)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  const int width = 960;
  const int height = 540;

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, i);
      g_autoptr(KoersDiagramRenderer) renderer = renderer_for (model);

      for (int dark = 0; dark < 2; dark++)
        for (guint n = 0; n < koers_model_get_n_stages (model); n++)
          {
            const KoersStage *stage = koers_model_get_stage (model, n);
            cairo_surface_t *plain, *lit;
            KoersDiagramStyle style;
            cairo_rectangle_t rect, grown;
            guint inside = 0, changed = 0, changed_outside = 0;

            koers_diagram_style_init (&style);
            style.render.dark = dark;
            plain = draw_image (renderer, &style, width, height, 1);
            style.highlight = stage->id;
            lit = draw_image (renderer, &style, width, height, 1);

            g_assert_true (koers_diagram_renderer_get_stage_rect (renderer, width, height, &style,
                                                                  stage->id, &rect));
            grown = (cairo_rectangle_t) { rect.x - 2, rect.y - 2, rect.width + 4, rect.height + 4 };
            for (int y = 0; y < height; y++)
              for (int x = 0; x < width; x++)
                {
                  gboolean differs = pixel_at (plain, x, y) != pixel_at (lit, x, y);

                  if (rect_contains (&rect, x + 0.5, y + 0.5))
                    {
                      inside++;
                      changed += differs;
                    }
                  else if (!rect_contains (&grown, x + 0.5, y + 0.5))
                    changed_outside += differs;
                }

            /* Labels sit on top of the light, so not every pixel changes;
             * a zone is never mostly words. */
            g_assert_cmpuint (changed, >, inside / 10);
            g_assert_cmpuint (changed_outside, ==, 0);

            cairo_surface_destroy (plain);
            cairo_surface_destroy (lit);
          }
    }
}

/* The dark theme's stylesheet reaches the art: its zones are dark too, not
 * the light pastels on a dark page. (A user stylesheet that forgets
 * !important loses to the SVG's own classes.) */
static void
test_draw_dark (void)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  const int width = 800;
  const int height = 450;

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, i);
      g_autoptr(KoersDiagramRenderer) renderer = renderer_for (model);
      KoersDiagramStyle style;
      cairo_surface_t *surface;

      koers_diagram_style_init (&style);
      style.render.dark = TRUE;
      surface = draw_image (renderer, &style, width, height, 1);

      for (guint n = 0; n < koers_model_get_n_stages (model); n++)
        {
          const KoersStage *stage = koers_model_get_stage (model, n);
          cairo_rectangle_t rect;
          double sum = 0;
          guint count = 0;

          g_assert_true (koers_diagram_renderer_get_stage_rect (renderer, width, height, &style,
                                                                stage->id, &rect));
          for (int y = (int) rect.y + 1; y < (int) (rect.y + rect.height) - 1; y++)
            for (int x = (int) rect.x + 1; x < (int) (rect.x + rect.width) - 1; x++)
              {
                guint32 p = pixel_at (surface, x, y);

                sum += 0.2126 * ((p >> 16) & 0xff) + 0.7152 * ((p >> 8) & 0xff) + 0.0722 * (p & 0xff);
                count++;
              }
          g_assert_cmpuint (count, >, 0);
          g_assert_cmpfloat (sum / count / 255.0, <, 0.45);
        }
      cairo_surface_destroy (surface);
    }
}

static void
fill_style (KoersModel        *model,
            KoersDiagramStyle *style,
            gboolean           dark)
{
  guint n = koers_model_get_n_stages (model);

  koers_diagram_style_init (style);
  style->render.dark = dark;
  style->current = koers_model_get_stage (model, 0)->id;
  style->target = koers_model_get_stage (model, n - 1)->id;
  style->highlight = koers_model_get_stage (model, 1)->id;
  style->selected = koers_model_get_stage (model, n - 1)->id;
  style->focus = koers_model_get_stage (model, 0)->id;
}

/* A warm cache draws what the cold one drew, in light and dark, at 1× and
 * 2×; and the cached art lands where the directly drawn art does. */
static void
test_draw_cached (void)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, i);
      g_autoptr(KoersDiagramRenderer) renderer = renderer_for (model);

      for (int dark = 0; dark < 2; dark++)
        for (int scale = 1; scale <= 2; scale++)
          {
            cairo_surface_t *cold, *warm, *recorded, *direct;
            KoersDiagramStyle style;
            int pw, ph, stride, far = 0, blocks = 0;
            cairo_t *cr;

            fill_style (model, &style, dark);
            cold = draw_image (renderer, &style, 640, 360, scale);
            warm = draw_image (renderer, &style, 640, 360, scale);
            pw = cairo_image_surface_get_width (cold);
            ph = cairo_image_surface_get_height (cold);
            stride = cairo_image_surface_get_stride (cold);
            g_assert_cmpmem (cairo_image_surface_get_data (cold), stride * ph,
                             cairo_image_surface_get_data (warm), stride * ph);

            /* A recording surface is a vector target: no cache. */
            recorded = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
            cr = cairo_create (recorded);
            koers_diagram_renderer_draw (renderer, cr, 640, 360, &style);
            g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
            cairo_destroy (cr);

            direct = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
            cr = cairo_create (direct);
            cairo_scale (cr, scale, scale);
            cairo_set_source_surface (cr, recorded, 0, 0);
            cairo_paint (cr);
            cairo_destroy (cr);
            cairo_surface_flush (direct);

            /* Text is laid out on the pixel grid on a raster target and
             * exactly on a vector one, so single pixels differ; averaged
             * over blocks, a shifted or missing shape would still show. */
            for (int by = 0; by + 8 <= ph; by += 8)
              for (int bx = 0; bx + 8 <= pw; bx += 8)
                {
                  blocks++;
                  for (int shift = 0; shift < 32; shift += 8)
                    {
                      int sum_a = 0, sum_b = 0;

                      for (int y = by; y < by + 8; y++)
                        for (int x = bx; x < bx + 8; x++)
                          {
                            sum_a += (pixel_at (cold, x, y) >> shift) & 0xff;
                            sum_b += (pixel_at (direct, x, y) >> shift) & 0xff;
                          }
                      if (ABS (sum_a - sum_b) > 24 * 64)
                        {
                          far++;
                          break;
                        }
                    }
                }
            /* Captions of 11 px put more text on a small diagram: at
             * most one block in 150 differs (0.54 % on the Strategy Model
             * at 2×, every one of them text). */
            g_assert_cmpint (far, <=, blocks / 150);

            cairo_surface_destroy (cold);
            cairo_surface_destroy (warm);
            cairo_surface_destroy (recorded);
            cairo_surface_destroy (direct);
          }
    }
}

/* A marker being dragged stays visible, but fainter. */
static void
test_draw_faded (void)
{
  KoersModel *model = koers_catalog_get_model (koers_catalog_get_builtin (), 0);
  g_autoptr(KoersDiagramRenderer) renderer = renderer_for (model);
  cairo_surface_t *plain, *faded;
  KoersDiagramStyle style;
  cairo_rectangle_t rect;
  int x, y;

  koers_diagram_style_init (&style);
  style.current = koers_model_get_stage (model, 0)->id;
  plain = draw_image (renderer, &style, 800, 450, 1);
  style.hide_marker = KOERS_MARKER_CURRENT;
  faded = draw_image (renderer, &style, 800, 450, 1);

  g_assert_true (koers_diagram_renderer_get_marker_rect (renderer, 800, 450, &style,
                                                         KOERS_MARKER_CURRENT, &rect));
  /* The middle of the Now disc: its white inner dot sits on the marker colour. */
  x = (int) (rect.x + rect.height / 2 + rect.height * 0.3);
  y = (int) (rect.y + rect.height / 2);
  g_assert_cmpuint (pixel_at (plain, x, y), !=, pixel_at (faded, x, y));

  cairo_surface_destroy (plain);
  cairo_surface_destroy (faded);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
test_draw_vector (void)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, i);
      g_autoptr(KoersDiagramRenderer) renderer = renderer_for (model);

      for (int dark = 0; dark < 2; dark++)
        for (int format = 0; format < 2; format++)
          {
            g_autoptr(GByteArray) bytes = g_byte_array_new ();
            KoersDiagramStyle style;
            cairo_surface_t *surface;
            cairo_t *cr;

            fill_style (model, &style, dark);
            style.title = "Woonstichting De Linde";
            style.subtitle = koers_model_get_name (model);
            /* An SVG export is drawn as the export draws it, without a lit or
             * selected stage: cairo 1.16's SVG surface leaks every group,
             * and the stage masks are groups. The PDF takes them all. */
            if (format == 1)
              style.highlight = style.selected = style.focus = NULL;

            if (format == 0)
              surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, 1920, 1080);
            else
              surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, 1920, 1080);
            cr = cairo_create (surface);
            koers_diagram_renderer_draw (renderer, cr, 1920, 1080, &style);
            g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
            cairo_destroy (cr);
            cairo_surface_finish (surface);
            g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
            cairo_surface_destroy (surface);

            g_assert_cmpuint (bytes->len, >, 1000);
            if (format == 0)
              g_assert_true (memcmp (bytes->data, "%PDF", 4) == 0);
            else
              g_assert_nonnull (g_strstr_len ((const char *) bytes->data, bytes->len, "<svg"));
          }
    }
}

static void
test_render_marker (void)
{
  for (int dark = 0; dark < 2; dark++)
    for (int marker = KOERS_MARKER_CURRENT; marker <= KOERS_MARKER_TARGET; marker++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 80);
        cairo_t *cr = cairo_create (surface);

        koers_render_marker (cr, marker, 40, 40, 48, dark, FALSE);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        /* The shape is drawn at its centre, opaque. */
        g_assert_cmpuint (pixel_at (surface, 40, 30) >> 24, ==, 0xff);
        /* Its label pill stands to the right of it. */
        g_assert_cmpuint (pixel_at (surface, 90, 40) >> 24, ==, 0xff);
        cairo_surface_destroy (surface);
      }
}

/* A diagram without the zone of a stage is refused, naming both. */
static void
test_missing_zone (void)
{
  static const char json[] =
    "{ \"format\": \"koers-model\", \"version\": 1, \"id\": \"broken\","
    "  \"name\": \"Broken\", \"short-name\": \"Broken\", \"source\": \"Tests\","
    "  \"summary\": \"A model whose diagram lacks a zone.\", \"color\": \"#3584e4\","
    "  \"diagram\": \"pyramid.svg\","
    "  \"stages\": ["
    "    { \"id\": \"monitor\", \"name\": \"Monitor\", \"description\": \"D\" },"
    "    { \"id\": \"fly\", \"name\": \"Fly\", \"description\": \"D\" } ] }";
  static const char json_no_diagram[] =
    "{ \"format\": \"koers-model\", \"version\": 1, \"id\": \"lost\","
    "  \"name\": \"Lost\", \"short-name\": \"Lost\", \"source\": \"Tests\","
    "  \"summary\": \"A model without its diagram.\", \"color\": \"#3584e4\","
    "  \"diagram\": \"lost.svg\","
    "  \"stages\": ["
    "    { \"id\": \"a\", \"name\": \"A\", \"description\": \"D\" },"
    "    { \"id\": \"b\", \"name\": \"B\", \"description\": \"D\" } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GBytes) lost_bytes = g_bytes_new_static (json_no_diagram, strlen (json_no_diagram));
  g_autoptr(KoersModel) model = NULL;
  g_autoptr(KoersModel) lost = NULL;
  g_autoptr(KoersDiagramRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;

  model = koers_model_new_from_bytes (bytes, "broken.json", &error);
  g_assert_no_error (error);
  renderer = koers_diagram_renderer_new (model, &error);
  g_assert_null (renderer);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "pyramid.svg"));
  g_assert_nonnull (strstr (error->message, "fly"));
  g_clear_error (&error);

  lost = koers_model_new_from_bytes (lost_bytes, "lost.json", &error);
  g_assert_no_error (error);
  renderer = koers_diagram_renderer_new (lost, &error);
  g_assert_null (renderer);
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "lost.svg"));
}

/* The art of the model a window shows first is parsed ahead on a thread:
 * the next renderer for that art takes it and draws what a renderer that
 * parsed it itself draws; a renderer for another art leaves it; one
 * prefetch waits at a time; one no renderer takes is let go. */
static void
test_prefetch (void)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  KoersModel *first = koers_catalog_get_model (catalog, 0);
  KoersModel *other = koers_catalog_get_model (catalog, 1);
  const char *first_art = koers_model_get_diagram (first);
  const char *other_art = koers_model_get_diagram (other);
  g_autoptr(KoersDiagramRenderer) parsed = renderer_for (first);
  g_autoptr(KoersDiagramRenderer) taken = NULL;
  g_autoptr(KoersDiagramRenderer) elsewhere = NULL;
  cairo_surface_t *a, *b;
  KoersDiagramStyle style;

  g_assert_cmpstr (first_art, !=, other_art);
  g_assert_false (_koers_diagram_prefetch_pending (first_art));

  koers_diagram_prefetch_art (first);
  g_assert_true (_koers_diagram_prefetch_pending (first_art));
  koers_diagram_prefetch_art (other);
  g_assert_false (_koers_diagram_prefetch_pending (other_art));

  elsewhere = renderer_for (other);
  g_assert_true (_koers_diagram_prefetch_pending (first_art));
  taken = renderer_for (first);
  g_assert_false (_koers_diagram_prefetch_pending (first_art));

  fill_style (first, &style, FALSE);
  a = draw_image (parsed, &style, 640, 360, 1);
  b = draw_image (taken, &style, 640, 360, 1);
  g_assert_cmpmem (cairo_image_surface_get_data (a), cairo_image_surface_get_stride (a) * 360,
                   cairo_image_surface_get_data (b), cairo_image_surface_get_stride (b) * 360);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  koers_diagram_prefetch_art (other);
  g_assert_true (_koers_diagram_prefetch_pending (other_art));
  koers_diagram_prefetch_drop ();
  g_assert_false (_koers_diagram_prefetch_pending (other_art));
  /* Nothing left to drop. */
  koers_diagram_prefetch_drop ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/diagram/style-init", test_style_init);
  g_test_add_func ("/render/diagram/stage-at", test_stage_at);
  g_test_add_func ("/render/diagram/unknown-stage", test_unknown_stage);
  g_test_add_func ("/render/diagram/title-band", test_title_band);
  g_test_add_func ("/render/diagram/markers-side-by-side", test_markers_side_by_side);
  g_test_add_func ("/render/diagram/markers-clear-of-labels", test_markers_clear_of_labels);
  g_test_add_func ("/render/diagram/label-sizes", test_label_sizes);
  g_test_add_func ("/render/diagram/marks-clear", test_marks_clear);
  g_test_add_func ("/render/diagram/marks-long-name", test_marks_long_name);
  g_test_add_func ("/render/diagram/draw/highlight", test_draw_highlight);
  g_test_add_func ("/render/diagram/draw/cached", test_draw_cached);
  g_test_add_func ("/render/diagram/draw/dark", test_draw_dark);
  g_test_add_func ("/render/diagram/draw/faded", test_draw_faded);
  g_test_add_func ("/render/diagram/draw/vector", test_draw_vector);
  g_test_add_func ("/render/diagram/render-marker", test_render_marker);
  g_test_add_func ("/render/diagram/missing-zone", test_missing_zone);
  g_test_add_func ("/render/diagram/prefetch", test_prefetch);

  return g_test_run ();
}
