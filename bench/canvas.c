/* canvas.c: what one frame of a drag costs on the canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the real KoersModelCanvas in a window (run it under Xvfb) and
 * times what GTK does for every frame while a marker is dragged over it:
 * the drag preview follows the pointer, the canvas takes a snapshot, and
 * a GSK renderer turns the nodes into pixels. Each figure is given against
 * a baseline measured in the same run, frame by frame in turn: the whole
 * diagram drawn as vectors into a new node on every frame, as the canvas
 * drew before it kept images.
 *
 *   drag        the main figure: Now is dragged out of the tray through
 *               the middle of every stage, 6 to 12 logical pixels a frame,
 *               through the window's own renderer, which repaints only
 *               the damage; median, 95th percentile and max of every
 *               frame, and of the frames entering or leaving a stage;
 *               the first drag, and any drag after it;
 *   jump        the worst case: the preview jumps between the first and
 *               the last stage on every frame;
 *   cairo       the whole canvas, GTK's cairo renderer into a new image;
 *   full redraw the canvas and the baseline, each into a new image;
 *
 * and, once, a yardstick: a frame that paints one ready image of the
 * diagram's size, the least a whole frame costs. Run it with
 * GDK_DEBUG=gl-disable for the cairo renderer in the window, and
 * GDK_SCALE=2 for HiDPI; the size is the diagram's (1920×1080 by default).
 *
 * BENCH_DRAG_ONLY=1 measures the drag along a path alone (for callgrind).
 * BENCH_DRAG_ALONE=1 times the baseline's drag frames in a pass of their
 * own after the canvas's, instead of in turn: the canvas's frames then
 * meet caches and shared memory that only they used, as in the app.
 * BENCH_GL=1 adds the GL renderer (under Xvfb that is Mesa's software
 * rasteriser, which says little about a real GPU); BENCH_MODEL=ID times
 * one diagram. BENCH_FRAME_LOG=1 writes each drag frame of the canvas
 * over 4 ms to stderr, with the minor page faults the process took in it
 * (fresh memory: GTK's image of the frame, cairo's shared memory with the
 * X server); bench/shm-trace-preload.c adds when cairo makes and drops
 * its shared-memory pools.
 *
 *   bench-canvas [WIDTH HEIGHT [FRAMES]]
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <adwaita.h>
#include <gsk/gl/gskglrenderer.h>

#include "koers-diagram-renderer.h"
#include "koers-heap.h"
#include "koers-history.h"
#include "koers-model-canvas-private.h"
#include "bench-util.h"

#define WARMUP 10

static double
median (double *samples,
        int     n)
{
  qsort (samples, n, sizeof (double), compare_doubles);
  return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

static void
pump (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Two points on two different stages, where the drag preview alternates. */
static gboolean
two_stages (KoersModelCanvas *canvas,
            KoersModel       *model,
            double            points[2][2])
{
  guint n = koers_model_get_n_stages (model);

  if (n < 2)
    return FALSE;
  return koers_model_canvas_get_stage_point (canvas, koers_model_get_stage (model, 0)->id,
                                             &points[0][0], &points[0][1]) &&
         koers_model_canvas_get_stage_point (canvas, koers_model_get_stage (model, n - 1)->id,
                                             &points[1][0], &points[1][1]);
}

/* Into device pixels, as a window of that scale draws it (GDK_SCALE=2). */
static GdkTexture *
render_at_scale (GskRenderer   *renderer,
                 GskRenderNode *node,
                 double         width,
                 double         height,
                 int            scale)
{
  g_autoptr(GskRenderNode) scaled = NULL;
  g_autoptr(GskTransform) transform = NULL;

  if (scale == 1)
    return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  transform = gsk_transform_scale (NULL, scale, scale);
  scaled = gsk_transform_node_new (node, transform);
  return gsk_renderer_render_texture (renderer, scaled,
                                      &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
}

static void
measure_renderer (const char       *name,
                  GskRenderer      *renderer,
                  KoersModelCanvas *canvas,
                  KoersModel       *model,
                  int               frames)
{
  double width = gtk_widget_get_width (GTK_WIDGET (canvas));
  double height = gtk_widget_get_height (GTK_WIDGET (canvas));
  g_autofree double *snap = g_new (double, frames);
  g_autofree double *render = g_new (double, frames);
  g_autofree double *total = g_new (double, frames);
  double points[2][2];

  if (!two_stages (canvas, model, points))
    return;

  for (int i = 0; i < WARMUP + frames; i++)
    {
      GtkSnapshot *snapshot;
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      double t0, t1, t2;

      /* A frame of the drag: the pointer is over another stage. */
      _koers_model_canvas_drag_motion (canvas, KOERS_MARKER_CURRENT, points[i % 2][0], points[i % 2][1]);

      t0 = now_ms ();
      /* What GTK calls for the canvas when it draws the window. */
      snapshot = gtk_snapshot_new ();
      GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      t1 = now_ms ();
      texture = render_at_scale (renderer, node, width, height, gtk_widget_get_scale_factor (GTK_WIDGET (canvas)));
      t2 = now_ms ();

      if (i >= WARMUP)
        {
          snap[i - WARMUP] = t1 - t0;
          render[i - WARMUP] = t2 - t1;
          total[i - WARMUP] = t2 - t0;
        }
    }
  _koers_model_canvas_drag_leave (canvas);

  printf ("  %-16s %-8s snapshot %6.2f ms  render %6.2f ms  frame %6.2f ms\n",
          koers_model_get_id (model), name,
          median (snap, frames), median (render, frames), median (total, frames));
}

/* The baseline, measured in the same run and frame by frame beside the
 * canvas: the whole diagram drawn as vectors into a new cairo node on
 * every frame, as the canvas drew before it kept its base (art, selected
 * stage, words) as one node. */
static GskRenderNode *
baseline_node (KoersModelCanvas *canvas)
{
  double width = _koers_model_canvas_diagram_width (canvas);
  double height = _koers_model_canvas_diagram_height (canvas);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  KoersDiagramStyle style;
  cairo_t *cr;

  _koers_model_canvas_fill_base_style (canvas, &style);
  style.hide_marker = KOERS_MARKER_CURRENT;
  style.highlight = canvas->drop_stage;
  if (canvas->drop_stage != NULL)
    style.current = canvas->drop_stage;
  _koers_model_canvas_snapshot_tray (canvas, snapshot);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, TRAY_HEIGHT, width, height));
  cairo_translate (cr, 0, TRAY_HEIGHT);
  koers_diagram_renderer_draw (canvas->renderer, cr, width, height, &style);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (snapshot);
}

static GskRenderNode *
canvas_node (KoersModelCanvas *canvas)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  /* What GTK calls for the canvas when it draws the window. */
  GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* A drag frame as GTK draws it in a window: the window's own renderer
 * repaints only what differs from the frame before (damage). The
 * baseline goes through a second window's renderer, alternating with the
 * canvas frame by frame, so that both see the same load. */
static void
measure_window (GtkWidget        *window,
                GtkWidget        *baseline_window,
                KoersModelCanvas *canvas,
                KoersModel       *model,
                int               frames)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  GskRenderer *baseline_renderer = gtk_native_get_renderer (GTK_NATIVE (baseline_window));
  g_autofree double *now = g_new (double, frames);
  g_autofree double *before = g_new (double, frames);
  cairo_region_t *none = cairo_region_create ();
  double points[2][2];

  if (!two_stages (canvas, model, points))
    return;

  for (int i = 0; i < WARMUP + frames; i++)
    {
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GskRenderNode) old = NULL;
      double t0, t1, t2;

      _koers_model_canvas_drag_motion (canvas, KOERS_MARKER_CURRENT, points[i % 2][0], points[i % 2][1]);

      t0 = now_ms ();
      node = canvas_node (canvas);
      gsk_renderer_render (renderer, node, none);
      gdk_display_sync (gtk_widget_get_display (window));
      t1 = now_ms ();
      old = baseline_node (canvas);
      gsk_renderer_render (baseline_renderer, old, none);
      gdk_display_sync (gtk_widget_get_display (window));
      t2 = now_ms ();

      if (i >= WARMUP)
        {
          now[i - WARMUP] = t1 - t0;
          before[i - WARMUP] = t2 - t1;
        }
    }
  _koers_model_canvas_drag_leave (canvas);
  cairo_region_destroy (none);

  printf ("  %-16s worst-case jump, first stage <-> last stage on every frame: %6.2f ms, baseline %6.2f ms: %.2f× (%s, damage only)\n",
          koers_model_get_id (model), median (now, frames), median (before, frames),
          median (now, frames) / median (before, frames), G_OBJECT_TYPE_NAME (renderer) + 3);
}

static double
percentile (double *samples,
            int     n,
            double  p)
{
  int i = (int) ceil (p * n) - 1;

  qsort (samples, n, sizeof (double), compare_doubles);
  return samples[CLAMP (i, 0, n - 1)];
}

/* The pointer's path in a real drag: from the tray, where an unplaced
 * marker waits, through the middle of every stage in the model's order,
 * a few logical pixels a frame (6 to 12, as a hand moves a mouse at
 * 60 frames a second), crossing whatever lies between stages on the way.
 * Returns the points, two doubles each. */
static GArray *
drag_path (KoersModelCanvas *canvas,
           KoersModel       *model)
{
  static const double steps[] = { 6, 9, 12, 8, 11, 7, 10 };
  GArray *path = g_array_new (FALSE, FALSE, sizeof (double));
  double x = TRAY_PADDING + TRAY_GLYPH / 2, y = TRAY_HEIGHT / 2;
  guint step = 0;

  g_array_append_val (path, x);
  g_array_append_val (path, y);
  for (guint s = 0; s < koers_model_get_n_stages (model); s++)
    {
      double to_x, to_y;

      if (!koers_model_canvas_get_stage_point (canvas, koers_model_get_stage (model, s)->id, &to_x, &to_y))
        continue;
      for (;;)
        {
          double dx = to_x - x, dy = to_y - y;
          double distance = sqrt (dx * dx + dy * dy);
          double d = steps[step++ % G_N_ELEMENTS (steps)];

          if (distance <= d)
            {
              x = to_x;
              y = to_y;
            }
          else
            {
              x += dx * d / distance;
              y += dy * d / distance;
            }
          g_array_append_val (path, x);
          g_array_append_val (path, y);
          if (x == to_x && y == to_y)
            break;
        }
    }
  return path;
}

static void
print_spread (const char *label,
              double     *now,
              double     *before,
              int         n)
{
  double now_median, before_median, now_p95, before_p95, now_max, before_max;

  if (n == 0)
    return;
  now_median = median (now, n);
  now_p95 = percentile (now, n, 0.95);
  now_max = now[n - 1];
  before_median = median (before, n);
  before_p95 = percentile (before, n, 0.95);
  before_max = before[n - 1];
  printf ("    %-22s %4d frames  median %6.2f ms (%.2f×)  p95 %6.2f ms (%.2f×)  max %6.2f ms (%.2f×)"
          "  [baseline %.2f / %.2f / %.2f]\n",
          label, n, now_median, now_median / before_median, now_p95, now_p95 / before_p95,
          now_max, now_max / before_max, before_median, before_p95, before_max);
}

/* One frame of each, apart so that callgrind can count each alone:
 * valgrind --tool=callgrind --collect-atstart=no --toggle-collect=drag_frame_now */
G_GNUC_NO_INLINE static GskRenderNode *
drag_frame_now (KoersModelCanvas *canvas,
                GskRenderer      *renderer,
                cairo_region_t   *none)
{
  GskRenderNode *node = canvas_node (canvas);

  gsk_renderer_render (renderer, node, none);
  gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (canvas)));
  return node;
}

static void
collect_cairo_nodes (GskRenderNode *node,
                     GPtrArray     *nodes)
{
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_cairo_nodes (gsk_container_node_get_child (node, i), nodes);
      break;
    case GSK_TRANSFORM_NODE:
      collect_cairo_nodes (gsk_transform_node_get_child (node), nodes);
      break;
    case GSK_CLIP_NODE:
      collect_cairo_nodes (gsk_clip_node_get_child (node), nodes);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_cairo_nodes (gsk_rounded_clip_node_get_child (node), nodes);
      break;
    case GSK_CAIRO_NODE:
      g_ptr_array_add (nodes, node);
      break;
    default:
      break;
    }
}

/* The box GTK's cairo renderer repaints when @after follows @before: it
 * paints the box around all damage into a new image. Cairo nodes are
 * damage unless the same node (colour and text nodes are compared by
 * content, and the canvas's do not change in a drag). Without
 * transforms other than translations, a node's bounds are found in the
 * canvas's coordinates by adding up the offsets on the way down. */
static void
add_damage (GskRenderNode   *node,
            GPtrArray       *other,
            double           dx,
            double           dy,
            graphene_rect_t *box,
            gboolean        *any)
{
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        add_damage (gsk_container_node_get_child (node, i), other, dx, dy, box, any);
      break;
    case GSK_TRANSFORM_NODE:
      {
        float tx = 0, ty = 0;

        gsk_transform_to_translate (gsk_transform_node_get_transform (node), &tx, &ty);
        add_damage (gsk_transform_node_get_child (node), other, dx + tx, dy + ty, box, any);
      }
      break;
    case GSK_CLIP_NODE:
      add_damage (gsk_clip_node_get_child (node), other, dx, dy, box, any);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      add_damage (gsk_rounded_clip_node_get_child (node), other, dx, dy, box, any);
      break;
    case GSK_CAIRO_NODE:
      if (!g_ptr_array_find (other, node, NULL))
        {
          graphene_rect_t bounds;

          gsk_render_node_get_bounds (node, &bounds);
          graphene_rect_offset (&bounds, dx, dy);
          if (*any)
            graphene_rect_union (box, &bounds, box);
          else
            *box = bounds;
          *any = TRUE;
        }
      break;
    default:
      break;
    }
}

static double
damage_area (GskRenderNode *before,
             GskRenderNode *after)
{
  g_autoptr(GPtrArray) old_nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_nodes = g_ptr_array_new ();
  graphene_rect_t box;
  gboolean any = FALSE;

  if (before == NULL)
    return 0;
  collect_cairo_nodes (before, old_nodes);
  collect_cairo_nodes (after, new_nodes);
  add_damage (after, old_nodes, 0, 0, &box, &any);
  add_damage (before, new_nodes, 0, 0, &box, &any);
  return any ? box.size.width * box.size.height : 0;
}

G_GNUC_NO_INLINE static void
drag_frame_baseline (KoersModelCanvas *canvas,
                     GskRenderer      *renderer,
                     cairo_region_t   *none)
{
  g_autoptr(GskRenderNode) node = baseline_node (canvas);

  gsk_renderer_render (renderer, node, none);
  gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (canvas)));
}

/* A real drag, frame by frame along drag_path(), through the window's
 * renderer (damage only), each frame followed by the baseline's frame of
 * the same pointer position in a second window. Every frame counts,
 * those where the pointer stays over one stage (nothing changes on the
 * canvas) and those where it enters or leaves a stage; the latter are
 * also given apart. The first pass is the first drag after the canvas
 * appeared and lit each stage ahead: the faded marker's image at each
 * stage is made as the pointer first enters it; the second is any drag
 * after it. */
static void
measure_drag (GtkWidget        *window,
              GtkWidget        *baseline_window,
              KoersModelCanvas *canvas,
              KoersHistory     *history,
              KoersModel       *model)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  GskRenderer *baseline_renderer = gtk_native_get_renderer (GTK_NATIVE (baseline_window));
  g_autoptr(GArray) path = drag_path (canvas, model);
  int n = path->len / 2;
  g_autofree double *now = g_new (double, n);
  g_autofree double *before = g_new (double, n);
  g_autofree double *now_changed = g_new (double, n);
  g_autofree double *before_changed = g_new (double, n);
  cairo_region_t *none = cairo_region_create ();
  g_autofree double *damage = g_new (double, n);
  g_autofree gboolean *entering = g_new (gboolean, n);
  g_autofree char *now_stage = g_strdup (_koers_model_canvas_get_marker_stage (canvas, KOERS_MARKER_CURRENT));
  /* The baseline's frames in a pass of their own after the canvas's, not
   * in turn: its frames repaint the whole window, which takes the caches
   * and the X server's shared memory from the canvas's frames. */
  gboolean alone = g_getenv ("BENCH_DRAG_ALONE") != NULL;
  gboolean log_slow = g_getenv ("BENCH_FRAME_LOG") != NULL;

  /* Now waits in the tray, as before it is first placed: the drag takes
   * it from there. */
  koers_history_place (history, koers_model_get_id (model), KOERS_MARKER_CURRENT, NULL, NULL);
  pump ();
  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(GskRenderNode) previous = NULL;
      g_autoptr(GskRenderNode) rest_baseline = NULL;
      int n_changed = 0;
      g_autofree char *stage = NULL;

      /* Untimed: the frame before the drag, both windows showing the
       * diagram at rest, so that the first timed frame of either is a
       * drag frame and not the window's first paint. */
      _koers_model_canvas_drag_leave (canvas);
      previous = canvas_node (canvas);
      gsk_renderer_render (renderer, previous, none);
      rest_baseline = baseline_node (canvas);
      gsk_renderer_render (baseline_renderer, rest_baseline, none);
      gdk_display_sync (gtk_widget_get_display (window));

      for (int i = 0; i < n; i++)
        {
          g_autoptr(GskRenderNode) node = NULL;
          double x = g_array_index (path, double, 2 * i);
          double y = g_array_index (path, double, 2 * i + 1);
          const char *over;
          gboolean changed;
          double t0, t1, t2;
          struct rusage usage_before, usage_after;

          over = _koers_model_canvas_drag_motion (canvas, KOERS_MARKER_CURRENT, x, y);
          changed = g_strcmp0 (over, stage) != 0;
          g_free (stage);
          stage = g_strdup (over);

          getrusage (RUSAGE_SELF, &usage_before);
          t0 = now_ms ();
          node = drag_frame_now (canvas, renderer, none);
          t1 = now_ms ();
          getrusage (RUSAGE_SELF, &usage_after);
          if (!alone)
            drag_frame_baseline (canvas, baseline_renderer, none);
          t2 = now_ms ();

          now[i] = t1 - t0;
          before[i] = t2 - t1;
          if (log_slow && now[i] > 4.0)
            fprintf (stderr, "%.1f ms: slow frame, %s, frame %d%s: %.2f ms, %ld page faults\n",
                     t0, pass == 0 ? "first drag" : "again", i, changed ? " (entering a stage)" : "",
                     now[i], usage_after.ru_minflt - usage_before.ru_minflt);
          entering[i] = changed;
          if (changed)
            damage[n_changed++] = damage_area (previous, node);
          g_clear_pointer (&previous, gsk_render_node_unref);
          previous = g_steal_pointer (&node);
        }
      _koers_model_canvas_drag_leave (canvas);

      if (alone)
        {
          for (int i = 0; i < n; i++)
            {
              double start;

              _koers_model_canvas_drag_motion (canvas, KOERS_MARKER_CURRENT,
                                               g_array_index (path, double, 2 * i),
                                               g_array_index (path, double, 2 * i + 1));
              start = now_ms ();
              drag_frame_baseline (canvas, baseline_renderer, none);
              before[i] = now_ms () - start;
            }
          _koers_model_canvas_drag_leave (canvas);
        }
      for (int i = 0, j = 0; i < n; i++)
        if (entering[i])
          {
            now_changed[j] = now[i];
            before_changed[j++] = before[i];
          }

      printf ("  %-16s drag from the tray across every stage, %s (window, damage only; now (now : baseline)%s)\n",
              koers_model_get_id (model), pass == 0 ? "first drag" : "again",
              alone ? ", the baseline's frames after" : "");
      print_spread ("every frame", now, before, n);
      print_spread ("entering/leaving", now_changed, before_changed, n_changed);
      if (n_changed > 0)
        {
          double area = gtk_widget_get_width (GTK_WIDGET (canvas)) * gtk_widget_get_height (GTK_WIDGET (canvas));
          double damage_median = median (damage, n_changed);

          printf ("    %-22s median %.0f%% of the canvas, max %.0f%% (the box around the damage; baseline 100%%)\n",
                  "repainted, entering", 100 * damage_median / area, 100 * damage[n_changed - 1] / area);
        }
    }
  koers_history_place (history, koers_model_get_id (model), KOERS_MARKER_CURRENT, now_stage, NULL);
  pump ();
  cairo_region_destroy (none);
}

/* A full redraw (the window exposed, the canvas resized): the canvas and
 * the baseline, each into a new image, alternating frame by frame. */
static void
measure_full (GskRenderer      *renderer,
              KoersModelCanvas *canvas,
              KoersModel       *model,
              int               frames)
{
  double width = gtk_widget_get_width (GTK_WIDGET (canvas));
  double height = gtk_widget_get_height (GTK_WIDGET (canvas));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (canvas));
  g_autofree double *now = g_new (double, frames);
  g_autofree double *before = g_new (double, frames);

  for (int i = 0; i < WARMUP + frames; i++)
    {
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GskRenderNode) old = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GdkTexture) old_texture = NULL;
      double t0, t1, t2;

      t0 = now_ms ();
      node = canvas_node (canvas);
      texture = render_at_scale (renderer, node, width, height, scale);
      t1 = now_ms ();
      old = baseline_node (canvas);
      old_texture = render_at_scale (renderer, old, width, height, scale);
      t2 = now_ms ();
      if (i >= WARMUP)
        {
          now[i - WARMUP] = t1 - t0;
          before[i - WARMUP] = t2 - t1;
        }
    }
  printf ("  %-16s full redraw %6.2f ms, baseline %6.2f ms: %.2f× (into a new image)\n",
          koers_model_get_id (model), median (now, frames), median (before, frames),
          median (now, frames) / median (before, frames));
}

/* The yardstick, in the same run: a frame that only paints one ready
 * image of the diagram's size through the same GSK renderer, the least a
 * frame that redraws the whole diagram can cost. */
static void
measure_floor (const char  *name,
               GskRenderer *gsk,
               double       width,
               double       height,
               int          scale,
               int          frames)
{
  g_autofree double *total = g_new (double, frames);
  cairo_surface_t *image;
  cairo_t *cr;

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (image, scale, scale);
  cr = cairo_create (image);
  cairo_set_source_rgba (cr, 0.6, 0.7, 0.9, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);

  for (int i = 0; i < WARMUP + frames; i++)
    {
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      GtkSnapshot *snapshot;
      double t0 = now_ms ();

      snapshot = gtk_snapshot_new ();
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      node = gtk_snapshot_free_to_node (snapshot);
      texture = render_at_scale (gsk, node, width, height, scale);
      if (i >= WARMUP)
        total[i - WARMUP] = now_ms () - t0;
    }
  cairo_surface_destroy (image);

  printf ("  %-16s %-8s frame %6.2f ms: painting one ready image of that size\n",
          "yardstick", name, median (total, frames));
}

int
main (int   argc,
      char *argv[])
{
  KoersCatalog *catalog;
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(KoersHistory) history = NULL;
  g_autoptr(GskRenderer) cairo_renderer = NULL;
  g_autoptr(GskRenderer) gl_renderer = NULL;
  g_autoptr(GError) error = NULL;
  int width = argc > 2 ? atoi (argv[1]) : 1920;
  int height = argc > 2 ? atoi (argv[2]) : 1080;
  int frames = argc > 3 ? atoi (argv[3]) : 60;
  KoersModelCanvas *canvas;
  GtkWidget *window, *baseline_window;
  gint64 deadline;

  /* As the app's main() does: the frames' images come from the heap. */
  koers_heap_prepare ();
  koers_heap_populate ();
  gtk_init ();
  adw_init ();

  catalog = koers_catalog_get_builtin ();
  project = koers_project_new (catalog);
  history = koers_history_new (project);
  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      guint n = koers_model_get_n_stages (model);

      koers_history_place (history, koers_model_get_id (model), KOERS_MARKER_CURRENT,
                           koers_model_get_stage (model, 0)->id, NULL);
      koers_history_place (history, koers_model_get_id (model), KOERS_MARKER_TARGET,
                           koers_model_get_stage (model, n - 1)->id, NULL);
    }

  /* The canvas is as wide as asked, and as tall as the diagram is let be,
   * with the tray of unplaced markers above it. */
  canvas = KOERS_MODEL_CANVAS (koers_model_canvas_new (history));
  koers_model_canvas_set_max_height (canvas, height);
  gtk_widget_set_size_request (GTK_WIDGET (canvas), width, -1);
  window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (canvas));
  /* A window of the same size whose renderer draws the baseline. */
  baseline_window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (baseline_window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (baseline_window), width, height + TRAY_HEIGHT);
  gtk_window_present (GTK_WINDOW (baseline_window));

  cairo_renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (cairo_renderer, NULL, &error))
    g_error ("cairo renderer: %s", error->message);
  /* GL only when asked: under Xvfb it is Mesa's software rasteriser. */
  if (g_getenv ("BENCH_GL") != NULL)
    {
      gl_renderer = gsk_gl_renderer_new ();
      if (!gsk_renderer_realize (gl_renderer, NULL, NULL))
        g_clear_object (&gl_renderer);
    }

  printf ("canvas frame during a drag, diagram %dx%d, median of %d frames after %d warm-up\n",
          width, height, frames, WARMUP);

  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      const char *only = g_getenv ("BENCH_MODEL");

      if (only != NULL && g_strcmp0 (only, koers_model_get_id (model)) != 0)
        continue;
      koers_model_canvas_set_model (canvas, model);
      /* As after a click: a stage is selected, outlined. */
      koers_model_canvas_set_selected_stage (canvas, koers_model_get_stage (model, koers_model_get_n_stages (model) / 2)->id);
      gtk_window_present (GTK_WINDOW (window));
      deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      while (gtk_widget_get_width (GTK_WIDGET (canvas)) < width &&
             g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      pump ();
      /* As a user's first drag comes: the canvas has been shown for a
       * moment, and has lit every stage ahead (a timeout, one stage
       * every 100 ms, which pump() does not wait for). */
      deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      while (canvas->warm_id != 0 && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);

      measure_drag (window, baseline_window, canvas, history, model);
      if (g_getenv ("BENCH_DRAG_ONLY") != NULL)
        continue;
      measure_renderer ("cairo", cairo_renderer, canvas, model, frames);
      measure_window (window, baseline_window, canvas, model, frames);
      measure_full (cairo_renderer, canvas, model, frames);
      if (gl_renderer != NULL)
        measure_renderer ("gl", gl_renderer, canvas, model, frames);
    }

  if (g_getenv ("BENCH_DRAG_ONLY") == NULL)
    measure_floor ("cairo", cairo_renderer, width, height,
                 gtk_widget_get_scale_factor (GTK_WIDGET (canvas)), frames);
  if (gl_renderer != NULL)
    {
      measure_floor ("gl", gl_renderer, width, height,
                     gtk_widget_get_scale_factor (GTK_WIDGET (canvas)), frames);
      gsk_renderer_unrealize (gl_renderer);
    }
  gsk_renderer_unrealize (cairo_renderer);
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (baseline_window));
  return EXIT_SUCCESS;
}
