/* render.c: how long the canvas takes to draw a diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws each built-in diagram with both markers and a lit stage at
 * 1920×1080 into an image surface, as the canvas does on every frame, and
 * prints the first (cold) frame and the median and 95th percentile of the
 * frames after it. As a yardstick measured in the same run: painting one
 * cached 1920×1080 surface, the least any frame can cost.
 *
 * Times are wall-clock (g_get_monotonic_time). The median of the thread's
 * CPU time is printed beside them: on a loaded machine the scheduler adds
 * whole time slices to the wall-clock tail, and the CPU time tells that
 * apart from work the renderer does.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "koers-catalog.h"
#include "koers-diagram-renderer.h"
#include "bench-util.h"

#define WIDTH   1920
#define HEIGHT  1080
#define WARMUP  20
#define FRAMES  200

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* A plain paint of a ready 1920×1080 surface: copying the pixels once. */
static double
measure_baseline (cairo_surface_t *target)
{
  cairo_surface_t *cached = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  double samples[FRAMES];
  cairo_t *cr;

  cr = cairo_create (cached);
  cairo_set_source_rgb (cr, 0.9, 0.9, 0.95);
  cairo_paint (cr);
  cairo_destroy (cr);

  for (guint i = 0; i < WARMUP + FRAMES; i++)
    {
      gint64 start = g_get_monotonic_time ();

      cr = cairo_create (target);
      cairo_set_source_surface (cr, cached, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_flush (target);
      if (i >= WARMUP)
        samples[i - WARMUP] = elapsed_ms (start);
    }

  cairo_surface_destroy (cached);
  return percentile_of (samples, FRAMES, 0.5);
}

int
main (int   argc,
      char *argv[])
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  double baseline, worst = 0;

  baseline = measure_baseline (target);

  printf ("diagram render, %dx%d ARGB32, both markers and a lit stage, %d frames after %d warm-up\n",
          WIDTH, HEIGHT, FRAMES, WARMUP);

  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      g_autoptr(KoersDiagramRenderer) renderer = NULL;
      g_autoptr(GError) error = NULL;
      guint n_stages = koers_model_get_n_stages (model);
      KoersDiagramStyle style;
      double samples[FRAMES];
      double cpu_samples[FRAMES];
      double cold = 0, median, p95, cpu_median;

      renderer = koers_diagram_renderer_new (model, &error);
      if (renderer == NULL)
        {
          fprintf (stderr, "%s: %s\n", koers_model_get_id (model), error->message);
          return EXIT_FAILURE;
        }

      koers_diagram_style_init (&style);
      style.current = koers_model_get_stage (model, 0)->id;
      style.target = koers_model_get_stage (model, n_stages - 1)->id;
      style.highlight = koers_model_get_stage (model, n_stages / 2)->id;

      for (guint i = 0; i < 1 + WARMUP + FRAMES; i++)
        {
          gint64 cpu_start = cpu_time ();
          gint64 start = g_get_monotonic_time ();
          cairo_t *cr = cairo_create (target);
          double ms;

          koers_diagram_renderer_draw (renderer, cr, WIDTH, HEIGHT, &style);
          cairo_destroy (cr);
          cairo_surface_flush (target);
          ms = elapsed_ms (start);

          if (i == 0)
            cold = ms;
          else if (i > WARMUP)
            {
              samples[i - WARMUP - 1] = ms;
              cpu_samples[i - WARMUP - 1] = (cpu_time () - cpu_start) / 1000.0;
            }
        }

      median = percentile_of (samples, FRAMES, 0.5);
      p95 = percentile_of (samples, FRAMES, 0.95);
      cpu_median = percentile_of (cpu_samples, FRAMES, 0.5);
      worst = MAX (worst, median);
      printf ("%-16s cold %7.2f ms  median %5.2f ms  p95 %5.2f ms  cpu median %5.2f ms  (%.1f× baseline)\n",
              koers_model_get_id (model), cold, median, p95, cpu_median, median / baseline);
    }

  printf ("baseline: cairo_paint of a cached %dx%d surface, median %.2f ms\n",
          WIDTH, HEIGHT, baseline);
  printf ("slowest median %.2f ms, %.1f× baseline; target under 4 ms: %s\n",
          worst, worst / baseline, worst < 4.0 ? "met" : "MISSED");

  cairo_surface_destroy (target);
  return EXIT_SUCCESS;
}
