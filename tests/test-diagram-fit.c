/* test-diagram-fit.c: the labels' fit, kept across sizes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A renderer keeps its labels' fit across sizes only where a fit for the
 * size drawn would give the same: where it does, each label is placed, and
 * sized, as a new renderer at that size places it.
 */
#include "config.h"

#include <string.h>

#include "koers-catalog.h"
#include "koers-diagram-renderer.h"

/* From koers-diagram-renderer-private.h: how often the labels were fitted. */
guint _koers_diagram_label_fits (KoersDiagramRenderer *self);

static KoersDiagramRenderer *
renderer_for (KoersModel *model)
{
  g_autoptr(GError) error = NULL;
  KoersDiagramRenderer *renderer = koers_diagram_renderer_new (model, &error);

  g_assert_no_error (error);
  g_assert_nonnull (renderer);
  return renderer;
}

static cairo_surface_t *
draw_image (KoersDiagramRenderer    *renderer,
            const KoersDiagramStyle *style,
            int                      width,
            int                      height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  koers_diagram_renderer_draw (renderer, cr, width, height, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* What @kept draws is what @fresh draws, to the byte. */
static void
assert_same_image (KoersDiagramRenderer *kept,
                   KoersDiagramRenderer *fresh,
                   int                   width,
                   int                   height)
{
  KoersDiagramStyle style;
  cairo_surface_t *a, *b;

  koers_diagram_style_init (&style);
  a = draw_image (kept, &style, width, height);
  b = draw_image (fresh, &style, width, height);
  g_assert_cmpmem (cairo_image_surface_get_data (a), cairo_image_surface_get_stride (a) * height,
                   cairo_image_surface_get_data (b), cairo_image_surface_get_stride (b) * height);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* Every stage's name and caption where @fresh puts them, and as large. */
static void
assert_same_labels (KoersModel           *model,
                    KoersDiagramRenderer *kept,
                    KoersDiagramRenderer *fresh,
                    double                width,
                    double                height)
{
  KoersDiagramStyle style;

  koers_diagram_style_init (&style);
  for (guint s = 0; s < koers_model_get_n_stages (model); s++)
    {
      const KoersStage *stage = koers_model_get_stage (model, s);
      KoersStageLabel a, b;
      gboolean has_a, has_b;

      has_a = koers_diagram_renderer_get_stage_label (kept, width, height, &style, stage->id, &a);
      has_b = koers_diagram_renderer_get_stage_label (fresh, width, height, &style, stage->id, &b);
      g_assert_cmpint (has_a, ==, has_b);
      if (!has_a)
        continue;
      if (memcmp (&a, &b, sizeof a) != 0)
        g_error ("%s, %s at %g × %g: name %g,%g %g×%g size %g against %g,%g %g×%g size %g",
                 koers_model_get_id (model), stage->id, width, height,
                 a.name.x, a.name.y, a.name.width, a.name.height, a.name_size,
                 b.name.x, b.name.y, b.name.width, b.name.height, b.name_size);
    }
}

/* One renderer drawn at a run of sizes, as a window being resized, places
 * every label where a new renderer at each size places it: keeping a fit
 * across sizes changes nothing that a fit for the size would change. */
static void
test_kept_across_sizes (void)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, i);
      g_autoptr(KoersDiagramRenderer) kept = renderer_for (model);

      /* Growing, then shrinking, by steps that are not round. */
      for (int pass = 0; pass < 2; pass++)
        for (int step = 0; step < 24; step++)
          {
            int width = pass == 0 ? 260 + 71 * step : 1893 - 67 * step;
            double height = width * 9 / 16.0;
            g_autoptr(KoersDiagramRenderer) fresh = renderer_for (model);

            assert_same_labels (model, kept, fresh, width, height);
            if (step % 6 == 5)
              assert_same_image (kept, fresh, width, (int) height);
          }
      /* Where a label comes down to its floor at a size, a new size
       * fits again; elsewhere the fit is kept. (Fitting again at every
       * new floor took 47 fits here.) */
      g_assert_cmpuint (_koers_diagram_label_fits (kept), <=, 36);
    }
}

/* Resizing a window on a large screen, where no label is at the smallest
 * size that reads, fits the labels once. */
static void
test_resize_large (void)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, i);
      g_autoptr(KoersDiagramRenderer) renderer = renderer_for (model);
      KoersDiagramStyle style;
      KoersStageLabel label;

      koers_diagram_style_init (&style);
      for (int width = 1400; width <= 2000; width += 25)
        g_assert_true (koers_diagram_renderer_get_stage_label (renderer, width, width * 9 / 16.0, &style,
                                                               koers_model_get_stage (model, 0)->id,
                                                               &label));
      g_assert_cmpuint (_koers_diagram_label_fits (renderer), ==, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/diagram-fit/kept-across-sizes", test_kept_across_sizes);
  g_test_add_func ("/render/diagram-fit/resize-large", test_resize_large);

  return g_test_run ();
}
