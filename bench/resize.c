/* resize.c: what the labels cost a frame while a window is resized
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lays out each built-in diagram's labels at a run of widths, as a canvas
 * does while the user drags the window's edge: 4 px a frame, from FROM to
 * TO wide and back, at 16:9. The labels are fitted again only where a
 * label is at the smallest size that reads (docs/performance-canvas.md);
 * the art, drawn again at each size either way, is left out. As a
 * yardstick measured in the same run: a new renderer at each width, whose
 * labels are fitted for every frame.
 *
 *   _build/bench/bench-resize [FROM TO]     (default 1400 2000)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "koers-catalog.h"
#include "koers-diagram-renderer.h"
#include "bench-util.h"

#define STEP 4

/* The time to place the first stage's label at @width: the fit, when
 * the renderer makes one. */
static double
label_frame (KoersDiagramRenderer    *renderer,
             const KoersDiagramStyle *style,
             KoersModel              *model,
             int                      width)
{
  gint64 start = g_get_monotonic_time ();
  KoersStageLabel label;

  koers_diagram_renderer_get_stage_label (renderer, width, width * 9 / 16.0, style,
                                          koers_model_get_stage (model, 0)->id, &label);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static KoersDiagramRenderer *
renderer_for (KoersModel *model)
{
  g_autoptr(GError) error = NULL;
  KoersDiagramRenderer *renderer = koers_diagram_renderer_new (model, &error);

  if (renderer == NULL)
    {
      fprintf (stderr, "%s: %s\n", koers_model_get_id (model), error->message);
      exit (EXIT_FAILURE);
    }
  return renderer;
}

int
main (int   argc,
      char *argv[])
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  int from = argc > 2 ? atoi (argv[1]) : 1400;
  int to = argc > 2 ? atoi (argv[2]) : 2000;
  guint n = 0;
  double *kept, *fitted;

  if (from < 200 || to <= from)
    {
      fprintf (stderr, "usage: %s [FROM TO], 200 <= FROM < TO\n", argv[0]);
      return EXIT_FAILURE;
    }
  kept = g_new (double, 2 * ((to - from) / STEP + 1) * koers_catalog_get_n_models (catalog));
  fitted = g_new (double, 2 * ((to - from) / STEP + 1) * koers_catalog_get_n_models (catalog));

  printf ("resize from %d to %d px wide and back, %d px a frame, 16:9\n", from, to, STEP);
  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      g_autoptr(KoersDiagramRenderer) renderer = renderer_for (model);
      KoersDiagramStyle style;

      koers_diagram_style_init (&style);
      style.current = koers_model_get_stage (model, 0)->id;
      style.target = koers_model_get_stage (model, koers_model_get_n_stages (model) - 1)->id;

      /* Warm: the first frame fits as any first frame does. */
      label_frame (renderer, &style, model, from);
      for (int pass = 0; pass < 2; pass++)
        for (int w = from; w <= to; w += STEP)
          {
            int width = pass == 0 ? w : to - (w - from);
            g_autoptr(KoersDiagramRenderer) fresh = renderer_for (model);

            kept[n] = label_frame (renderer, &style, model, width);
            fitted[n] = label_frame (fresh, &style, model, width);
            n++;
          }
    }

  {
    double kept_median = percentile_of (kept, n, 0.5), fitted_median = percentile_of (fitted, n, 0.5);
    double kept_p95 = percentile_of (kept, n, 0.95), fitted_p95 = percentile_of (fitted, n, 0.95);
    double kept_max = percentile_of (kept, n, 1.0), fitted_max = percentile_of (fitted, n, 1.0);

    double kept_sum = 0, fitted_sum = 0;

    for (guint i = 0; i < n; i++)
      {
        kept_sum += kept[i];
        fitted_sum += fitted[i];
      }
    printf ("%u frames\n", n);
    printf ("this renderer: median %6.3f ms  p95 %6.3f ms  max %6.2f ms  all %7.1f ms\n",
            kept_median, kept_p95, kept_max, kept_sum);
    printf ("fit a frame:   median %6.3f ms  p95 %6.3f ms  max %6.2f ms  all %7.1f ms\n",
            fitted_median, fitted_p95, fitted_max, fitted_sum);
    printf ("ratio of all the frames' time %.3f\n", kept_sum / fitted_sum);
  }

  g_free (kept);
  g_free (fitted);
  return EXIT_SUCCESS;
}
