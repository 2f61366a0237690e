/* test-canvas-pixels.c: the canvas's kept images show what the vector
 * drawing shows, are reused from frame to frame, and are made again when
 * the theme or the size changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run at the display's scale: meson runs it at 1 and again with
 * GDK_SCALE=2, where the kept images have twice the pixels.
 */
#include "config.h"

/* For the drag preview and the canvas's kept nodes. */
#include "koers-model-canvas-private.h"
#include "ui-test-util.h"

typedef struct {
  KoersProject     *project;
  KoersHistory     *history;
  GtkWidget        *window;
  KoersModelCanvas *canvas;
  GskRenderer      *renderer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *model_id = data ? data : "pyramid";
  KoersModel *model = koers_catalog_lookup (koers_catalog_get_builtin (), model_id);
  guint n = koers_model_get_n_stages (model);

  f->project = koers_project_new (koers_catalog_get_builtin ());
  f->history = koers_history_new (f->project);
  koers_history_place (f->history, model_id, KOERS_MARKER_CURRENT, koers_model_get_stage (model, 0)->id, NULL);
  koers_history_place (f->history, model_id, KOERS_MARKER_TARGET, koers_model_get_stage (model, n - 1)->id, NULL);
  f->canvas = KOERS_MODEL_CANVAS (koers_model_canvas_new (f->history));
  koers_model_canvas_set_model (f->canvas, model);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 560);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->canvas));
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_allocation (GTK_WIDGET (f->canvas));

  f->renderer = gsk_cairo_renderer_new ();
  g_assert_true (gsk_renderer_realize (f->renderer, NULL, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gsk_renderer_unrealize (f->renderer);
  g_clear_object (&f->renderer);
  gtk_window_destroy (GTK_WINDOW (f->window));
  pump ();
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->project);
}

static GskRenderNode *
canvas_node (KoersModelCanvas *canvas)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* The diagram as the canvas drew it before it kept the overlay's images:
 * the base as an image (its words are laid on whole pixels there, so they
 * may stand a pixel off the vector drawing's), the lit stage and the
 * markers drawn over it as vectors, through librsvg. With @lit FALSE,
 * nothing lit and no marker dragged. */
static GskRenderNode *
vector_node (KoersModelCanvas *canvas,
             gboolean          lit)
{
  double width = _koers_model_canvas_diagram_width (canvas);
  double height = _koers_model_canvas_diagram_height (canvas);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (canvas));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  KoersDiagramStyle style;
  cairo_surface_t *base;
  cairo_t *cr;

  _koers_model_canvas_fill_base_style (canvas, &style);
  if (lit)
    {
      style.hide_marker = KOERS_MARKER_CURRENT;
      style.highlight = canvas->drop_stage;
      style.current = canvas->drop_stage;
    }
  base = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (base, scale, scale);
  cr = cairo_create (base);
  koers_diagram_renderer_draw_layers (canvas->renderer, cr, width, height, &style, KOERS_DIAGRAM_LAYER_BASE);
  cairo_destroy (cr);

  _koers_model_canvas_snapshot_tray (canvas, snapshot);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, TRAY_HEIGHT, width, height));
  cairo_translate (cr, 0, TRAY_HEIGHT);
  cairo_set_source_surface (cr, base, 0, 0);
  cairo_paint (cr);
  koers_diagram_renderer_draw_layers (canvas->renderer, cr, width, height, &style, KOERS_DIAGRAM_LAYER_HIGHLIGHT);
  koers_diagram_renderer_draw_layers (canvas->renderer, cr, width, height, &style, KOERS_DIAGRAM_LAYER_MARKERS);
  cairo_destroy (cr);
  cairo_surface_destroy (base);
  return gtk_snapshot_free_to_node (snapshot);
}

/* @node's pixels at the canvas's scale, as the window shows them. */
static guchar *
render_pixels (Fixture       *f,
               GskRenderNode *node,
               int           *width,
               int           *height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (f->canvas));
  g_autoptr(GskTransform) transform = NULL;
  g_autoptr(GskRenderNode) scaled = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  /* At 1, a scale transform is none (gsk_transform_scale() gives NULL). */
  if (scale > 1)
    scaled = gsk_transform_node_new (node, transform = gsk_transform_scale (NULL, scale, scale));
  else
    scaled = gsk_render_node_ref (node);
  *width = gtk_widget_get_width (GTK_WIDGET (f->canvas)) * scale;
  *height = gtk_widget_get_height (GTK_WIDGET (f->canvas)) * scale;
  texture = gsk_renderer_render_texture (f->renderer, scaled, &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  pixels = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (texture, pixels, *width * 4);
  return pixels;
}

/* How many pixels differ by more than @tolerance in some channel. */
static gsize
count_differing (Fixture       *f,
                 GskRenderNode *a,
                 GskRenderNode *b,
                 int            tolerance,
                 gsize         *n_pixels)
{
  int width, height, width_b, height_b;
  g_autofree guchar *pa = render_pixels (f, a, &width, &height);
  g_autofree guchar *pb = render_pixels (f, b, &width_b, &height_b);
  int x0 = width, y0 = height, x1 = -1, y1 = -1;
  gsize n = 0;

  g_assert_cmpint (width, ==, width_b);
  g_assert_cmpint (height, ==, height_b);
  for (gsize i = 0; i < (gsize) width * height; i++)
    for (int c = 0; c < 4; c++)
      if (ABS ((int) pa[4 * i + c] - (int) pb[4 * i + c]) > tolerance)
        {
          x0 = MIN (x0, (int) (i % width));
          y0 = MIN (y0, (int) (i / width));
          x1 = MAX (x1, (int) (i % width));
          y1 = MAX (y1, (int) (i / width));
          n++;
          break;
        }
  *n_pixels = (gsize) width * height;
  /* Where they differ, for whoever reads a failure. */
  if (n > 0)
    g_test_message ("%" G_GSIZE_FORMAT " pixels differ by more than %d, within %d,%d to %d,%d",
                    n, tolerance, x0, y0, x1, y1);
  return n;
}

/* A stage lit under a drag: the kept images give the vector drawing's
 * pixels, but for rounding at the edges of shapes. */
static void
test_lit_stage_pixels (Fixture       *f,
                       gconstpointer  data)
{
  KoersModel *model = koers_model_canvas_get_model (f->canvas);
  double x, y;

  for (guint s = 0; s < koers_model_get_n_stages (model); s++)
    {
      const char *stage = koers_model_get_stage (model, s)->id;
      g_autoptr(GskRenderNode) kept = NULL;
      g_autoptr(GskRenderNode) vector = NULL;
      g_autoptr(GskRenderNode) unlit = NULL;
      gsize n_pixels, n_diff, n_unlit;

      g_assert_true (koers_model_canvas_get_stage_point (f->canvas, stage, &x, &y));
      g_assert_cmpstr (_koers_model_canvas_drag_motion (f->canvas, KOERS_MARKER_CURRENT, x, y), ==, stage);
      kept = canvas_node (f->canvas);
      vector = vector_node (f->canvas, TRUE);
      unlit = vector_node (f->canvas, FALSE);

      n_diff = count_differing (f, kept, vector, 8, &n_pixels);
      g_test_message ("%s, %s: %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " pixels differ by more than 8",
                      koers_model_get_id (model), stage, n_diff, n_pixels);
      g_assert_cmpuint (n_diff, <=, n_pixels / 1000);
      /* The comparison sees a lit stage: without it, far more differ. */
      n_unlit = count_differing (f, kept, unlit, 8, &n_pixels);
      g_assert_cmpuint (n_unlit, >, 20 * MAX (n_diff, n_pixels / 2000));
    }
  _koers_model_canvas_drag_leave (f->canvas);
}

static void
collect_leaves (GskRenderNode *node,
                GPtrArray     *leaves)
{
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_leaves (gsk_container_node_get_child (node, i), leaves);
      break;
    case GSK_TRANSFORM_NODE:
      collect_leaves (gsk_transform_node_get_child (node), leaves);
      break;
    case GSK_CLIP_NODE:
      collect_leaves (gsk_clip_node_get_child (node), leaves);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_leaves (gsk_rounded_clip_node_get_child (node), leaves);
      break;
    default:
      g_ptr_array_add (leaves, node);
    }
}

/* The diagram's nodes in a frame (below the tray): what GSK compares
 * with the frame before. */
static GPtrArray *
diagram_leaves (KoersModelCanvas *canvas)
{
  g_autoptr(GskRenderNode) node = canvas_node (canvas);
  GPtrArray *leaves = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  collect_leaves (node, all);
  for (guint i = 0; i < all->len; i++)
    {
      GskRenderNode *leaf = g_ptr_array_index (all, i);

      /* The tray's pills and words are colour and text nodes, which GSK
       * compares by content; with both markers placed it has no other. */
      if (leaf == canvas->base_node ||
          gsk_render_node_get_node_type (leaf) == GSK_CAIRO_NODE)
        g_ptr_array_add (leaves, gsk_render_node_ref (leaf));
    }
  return leaves;
}

static guint
count_new (GPtrArray *before,
           GPtrArray *after)
{
  guint n = 0;

  for (guint i = 0; i < after->len; i++)
    if (!g_ptr_array_find (before, g_ptr_array_index (after, i), NULL))
      n++;
  return n;
}

/* Frame after frame the canvas hands GSK the same nodes for what did not
 * change, which its damage tracking skips: over one stage nothing is
 * new; entering another stage makes two nodes new, the lit stage and the
 * markers (the dragged one's faded preview moved); coming back to a
 * stage lit before reuses its image. */
static void
test_nodes_reused (Fixture       *f,
                   gconstpointer  data)
{
  KoersModel *model = koers_model_canvas_get_model (f->canvas);
  const char *first = koers_model_get_stage (model, 0)->id;
  const char *second = koers_model_get_stage (model, 1)->id;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;
  g_autoptr(GPtrArray) d = NULL;
  double x, y;
  guint builds;

  g_assert_true (koers_model_canvas_get_stage_point (f->canvas, first, &x, &y));
  _koers_model_canvas_drag_motion (f->canvas, KOERS_MARKER_CURRENT, x, y);
  a = diagram_leaves (f->canvas);
  builds = f->canvas->n_base_builds;
  _koers_model_canvas_drag_motion (f->canvas, KOERS_MARKER_CURRENT, x + 1, y + 1);
  b = diagram_leaves (f->canvas);
  g_assert_cmpuint (count_new (a, b), ==, 0);

  g_assert_true (koers_model_canvas_get_stage_point (f->canvas, second, &x, &y));
  _koers_model_canvas_drag_motion (f->canvas, KOERS_MARKER_CURRENT, x, y);
  c = diagram_leaves (f->canvas);
  g_assert_cmpuint (count_new (b, c), ==, 2);
  g_assert_true (g_ptr_array_find (c, f->canvas->base_node, NULL));

  g_assert_true (koers_model_canvas_get_stage_point (f->canvas, first, &x, &y));
  _koers_model_canvas_drag_motion (f->canvas, KOERS_MARKER_CURRENT, x, y);
  d = diagram_leaves (f->canvas);
  g_assert_cmpuint (count_new (a, d), ==, 0);
  g_assert_cmpuint (f->canvas->n_base_builds, ==, builds);
  _koers_model_canvas_drag_leave (f->canvas);
}

static guint
count_lit_images (KoersModelCanvas *canvas)
{
  g_autofree char *prefix = g_strdup_printf ("%d\x1f", KOERS_DIAGRAM_LAYER_HIGHLIGHT);
  GHashTableIter iter;
  const char *key;
  guint n = 0;

  if (canvas->kept_parts == NULL)
    return 0;
  g_hash_table_iter_init (&iter, canvas->kept_parts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    n += g_str_has_prefix (key, prefix);
  return n;
}

/* Once the window has been idle a while, every stage's lit image is
 * ready, and each marker's faded preview over each stage: a drag
 * entering a stage makes no image. */
static void
test_lit_made_ahead (Fixture       *f,
                     gconstpointer  data)
{
  KoersModel *model = koers_model_canvas_get_model (f->canvas);
  guint n = koers_model_get_n_stages (model);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint n_kept;
  double x, y;

  while ((count_lit_images (f->canvas) < n || f->canvas->warm_id != 0) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count_lit_images (f->canvas), ==, n);
  g_assert_cmpuint (f->canvas->warm_id, ==, 0);
  n_kept = g_hash_table_size (f->canvas->kept_parts);

  for (guint s = 0; s < n; s++)
    {
      g_autoptr(GskRenderNode) node = NULL;
      const char *stage = koers_model_get_stage (model, s)->id;

      g_assert_true (koers_model_canvas_get_stage_point (f->canvas, stage, &x, &y));
      _koers_model_canvas_drag_motion (f->canvas, KOERS_MARKER_CURRENT, x, y);
      node = canvas_node (f->canvas);
      g_assert_cmpuint (count_lit_images (f->canvas), ==, n);
      g_assert_cmpuint (g_hash_table_size (f->canvas->kept_parts), ==, n_kept);
    }
  _koers_model_canvas_drag_leave (f->canvas);
}

/* Dark mode and a resize make the base again, in the new colours and at
 * the new size; the kept lit stage is made again with it. */
static void
test_rebuilt_on_change (Fixture       *f,
                        gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  KoersModel *model = koers_model_canvas_get_model (f->canvas);
  const char *stage = koers_model_get_stage (model, 1)->id;
  g_autoptr(GskRenderNode) light = NULL;
  g_autoptr(GskRenderNode) dark = NULL;
  g_autoptr(GskRenderNode) vector = NULL;
  GskRenderNode *base;
  gsize n_pixels;
  guint builds;
  double x, y;

  g_assert_true (koers_model_canvas_get_stage_point (f->canvas, stage, &x, &y));
  _koers_model_canvas_drag_motion (f->canvas, KOERS_MARKER_CURRENT, x, y);
  light = canvas_node (f->canvas);
  base = f->canvas->base_node;
  builds = f->canvas->n_base_builds;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  pump ();
  g_assert_true (adw_style_manager_get_dark (manager));
  dark = canvas_node (f->canvas);
  g_assert_cmpuint (f->canvas->n_base_builds, >, builds);
  g_assert_true (f->canvas->base_node != base);
  /* In dark colours, as the vector drawing is now. */
  vector = vector_node (f->canvas, TRUE);
  g_assert_cmpuint (count_differing (f, dark, vector, 8, &n_pixels), <=, n_pixels / 1000);
  g_assert_cmpuint (count_differing (f, dark, light, 8, &n_pixels), >, n_pixels / 10);

  /* And back: the window may draw the new base before we ask for it. */
  builds = f->canvas->n_base_builds;
  base = f->canvas->base_node;
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  pump ();
  g_assert_false (adw_style_manager_get_dark (manager));
  g_clear_pointer (&dark, gsk_render_node_unref);
  dark = canvas_node (f->canvas);
  g_assert_cmpuint (f->canvas->n_base_builds, >, builds);
  g_assert_true (f->canvas->base_node != base);
  g_assert_cmpuint (count_differing (f, dark, light, 8, &n_pixels), <=, n_pixels / 1000);

  /* A resize (small enough for the screen at 2×): the base is drawn at
   * the new size. */
  builds = f->canvas->n_base_builds;
  gtk_window_set_default_size (GTK_WINDOW (f->window), 520, 360);
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (gtk_widget_get_width (GTK_WIDGET (f->canvas)) != 520 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->canvas)), ==, 520);
  g_clear_pointer (&dark, gsk_render_node_unref);
  dark = canvas_node (f->canvas);
  g_assert_cmpuint (f->canvas->n_base_builds, >, builds);
  g_assert_cmpint (cairo_image_surface_get_width (f->canvas->base_surface), ==,
                   520 * gtk_widget_get_scale_factor (GTK_WIDGET (f->canvas)));
  _koers_model_canvas_drag_leave (f->canvas);
}

/* The tray is snapshotted on every frame of a drag; what it measures is
 * kept: the markers' extents and the hint's layout are made once, and
 * again only when the theme or the fonts change, and a frame drawn from
 * kept measures shows what a freshly measured one shows. */
static void
test_tray_kept (Fixture       *f,
                gconstpointer  data)
{
  KoersModel *model = koers_model_canvas_get_model (f->canvas);
  g_autoptr(GskRenderNode) kept = NULL;
  g_autoptr(GskRenderNode) fresh = NULL;
  PangoLayout *hint;
  gsize n_pixels;
  guint measures;
  double tx, ty, x, y;

  /* Now back in the tray, Goal on the diagram. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.remove-now", NULL));
  pump ();
  g_assert_true (koers_model_canvas_get_tray_point (f->canvas, KOERS_MARKER_CURRENT, &tx, &ty));
  g_clear_pointer (&kept, gsk_render_node_unref);
  kept = canvas_node (f->canvas);
  measures = f->canvas->n_tray_measures;
  hint = f->canvas->tray_hint;
  g_assert_nonnull (hint);
  g_assert_cmpstr (pango_layout_get_text (hint), ==, "Drag onto a stage");

  /* A drag out of the tray across every stage measures nothing again. */
  for (guint i = 0; i < koers_model_get_n_stages (model); i++)
    {
      g_autoptr(GskRenderNode) frame = NULL;

      g_assert_true (koers_model_canvas_get_stage_point (f->canvas, koers_model_get_stage (model, i)->id, &x, &y));
      _koers_model_canvas_drag_motion (f->canvas, KOERS_MARKER_CURRENT, x, y);
      frame = canvas_node (f->canvas);
    }
  _koers_model_canvas_drag_leave (f->canvas);
  g_clear_pointer (&kept, gsk_render_node_unref);
  kept = canvas_node (f->canvas);
  g_assert_cmpuint (f->canvas->n_tray_measures, ==, measures);
  g_assert_true (f->canvas->tray_hint == hint);

  /* A font or theme change measures again, and the kept measures drew
   * what fresh ones draw. */
  _koers_model_canvas_theme_changed (f->canvas);
  fresh = canvas_node (f->canvas);
  g_assert_cmpuint (f->canvas->n_tray_measures, ==, measures + 1);
  g_assert_cmpuint (count_differing (f, kept, fresh, 0, &n_pixels), ==, 0);
  g_assert_true (koers_model_canvas_get_tray_point (f->canvas, KOERS_MARKER_CURRENT, &x, &y));
  g_assert_cmpfloat (x, ==, tx);
  g_assert_cmpfloat (y, ==, ty);

  /* With both markers placed, the hint says the other thing. */
  g_assert_true (koers_model_canvas_get_stage_point (f->canvas, koers_model_get_stage (model, 0)->id, &x, &y));
  koers_history_place (f->history, koers_model_get_id (model), KOERS_MARKER_CURRENT,
                       koers_model_get_stage (model, 0)->id, NULL);
  pump ();
  g_clear_pointer (&fresh, gsk_render_node_unref);
  fresh = canvas_node (f->canvas);
  g_assert_cmpstr (pango_layout_get_text (f->canvas->tray_hint), ==, "Drag a marker to move it");
}

int
main (int   argc,
      char *argv[])
{
  static const char * const models[] = { "pyramid", "learning-curve", "maturity-matrix", "strategy-model" };

  ui_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/canvas-pixels/lit-stage/%s", models[i]);

      g_test_add (path, Fixture, models[i], fixture_set_up, test_lit_stage_pixels, fixture_tear_down);
    }
  g_test_add ("/ui/canvas-pixels/nodes-reused", Fixture, "pyramid",
              fixture_set_up, test_nodes_reused, fixture_tear_down);
  g_test_add ("/ui/canvas-pixels/lit-made-ahead", Fixture, "strategy-model",
              fixture_set_up, test_lit_made_ahead, fixture_tear_down);
  g_test_add ("/ui/canvas-pixels/rebuilt-on-change", Fixture, "learning-curve",
              fixture_set_up, test_rebuilt_on_change, fixture_tear_down);
  g_test_add ("/ui/canvas-pixels/tray-kept", Fixture, "pyramid",
              fixture_set_up, test_tray_kept, fixture_tear_down);
  return g_test_run ();
}
