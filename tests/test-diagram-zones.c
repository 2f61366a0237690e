/* test-diagram-zones.c: the diagrams keep the conventions the canvas relies on
 *
 * For every model file in $KOERS_DATA_DIR/models/ this loads the model's diagram from
 * $KOERS_DATA_DIR/diagrams/ with librsvg and checks the rules of docs/model-format.md,
 * section "The diagram":
 *   - a 1600x900 view box;
 *   - every stage has exactly one element with the stage id (its drop zone), large enough
 *     to drop on; zones keep a gap between their ink rectangles, so the centre of each
 *     zone hits that stage and no other;
 *   - every stage has an invisible label-<stage> box inside its zone; an anchor-<stage>
 *     box, when present, sits inside the zone and off the label;
 *   - every key of the model's "labels" has an invisible text-<key> box;
 *   - the art carries no <text> of its own;
 *   - the art renders in the light theme and with data/diagrams/theme-dark.css, with a
 *     light ground under each label in light and a dark one in dark.
 *
 * Only librsvg, json-glib and GIO; no Koers code.
 */

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <librsvg/rsvg.h>

#define VIEW_WIDTH 1600.0
#define VIEW_HEIGHT 900.0
#define ZONE_GAP 8.0        /* least room between two zones' ink rectangles */
#define ZONE_MIN_WIDTH 120.0
#define ZONE_MIN_HEIGHT 70.0
#define SLACK 0.5           /* rounding room for "inside" */

static const char *data_dir;

typedef struct
{
  char *id;
  char *svg_path;
  char *svg_text;
  GPtrArray *stages;        /* stage ids, in order */
  GPtrArray *label_keys;    /* keys of "labels" */
  RsvgHandle *handle;
} Model;

static void
model_free (Model *model)
{
  g_free (model->id);
  g_free (model->svg_path);
  g_free (model->svg_text);
  g_clear_pointer (&model->stages, g_ptr_array_unref);
  g_clear_pointer (&model->label_keys, g_ptr_array_unref);
  g_clear_object (&model->handle);
  g_free (model);
}

static Model *
model_load (const char *json_path)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  Model *model = g_new0 (Model, 1);
  JsonObject *root;
  JsonArray *stages;
  const char *diagram;

  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));

  model->id = g_strdup (json_object_get_string_member (root, "id"));
  diagram = json_object_get_string_member (root, "diagram");
  g_assert_nonnull (model->id);
  g_assert_nonnull (diagram);

  model->stages = g_ptr_array_new_with_free_func (g_free);
  stages = json_object_get_array_member (root, "stages");
  g_assert_nonnull (stages);
  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);
      g_ptr_array_add (model->stages,
                       g_strdup (json_object_get_string_member (stage, "id")));
    }

  model->label_keys = g_ptr_array_new_with_free_func (g_free);
  if (json_object_has_member (root, "labels"))
    {
      JsonObject *labels = json_object_get_object_member (root, "labels");
      GList *members = json_object_get_members (labels);

      for (GList *l = members; l != NULL; l = l->next)
        g_ptr_array_add (model->label_keys, g_strdup (l->data));
      g_list_free (members);
    }

  model->svg_path = g_build_filename (data_dir, "diagrams", diagram, NULL);
  g_file_get_contents (model->svg_path, &model->svg_text, NULL, &error);
  g_assert_no_error (error);

  model->handle = rsvg_handle_new_from_file (model->svg_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (model->handle);

  return model;
}

/* The ink and logical rectangles of the element with this id, in view box units. */
static gboolean
element_geometry (RsvgHandle    *handle,
                  const char    *id,
                  RsvgRectangle *ink,
                  RsvgRectangle *logical)
{
  RsvgRectangle viewport = { 0.0, 0.0, VIEW_WIDTH, VIEW_HEIGHT };
  g_autofree char *sub = g_strconcat ("#", id, NULL);
  g_autoptr (GError) error = NULL;
  RsvgRectangle ink_dummy, logical_dummy;

  if (!rsvg_handle_has_sub (handle, sub))
    return FALSE;

  if (!rsvg_handle_get_geometry_for_layer (handle, sub, &viewport,
                                           ink ? ink : &ink_dummy,
                                           logical ? logical : &logical_dummy,
                                           &error))
    {
      g_test_message ("%s: %s", sub, error->message);
      return FALSE;
    }

  return TRUE;
}

static guint
count_id_attributes (const char *svg_text,
                     const char *id)
{
  g_autofree char *escaped = g_regex_escape_string (id, -1);
  g_autofree char *pattern = g_strdup_printf ("(?<![\\w:.-])id\\s*=\\s*([\"'])%s\\1", escaped);
  g_autoptr (GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  guint count = 0;

  g_regex_match (regex, svg_text, 0, &match);
  while (g_match_info_matches (match))
    {
      count++;
      g_match_info_next (match, NULL);
    }

  return count;
}

static gboolean
rect_contains_point (const RsvgRectangle *r,
                     double               x,
                     double               y)
{
  return x >= r->x && x <= r->x + r->width && y >= r->y && y <= r->y + r->height;
}

static gboolean
rect_contains_rect (const RsvgRectangle *outer,
                    const RsvgRectangle *inner)
{
  return inner->x >= outer->x - SLACK
         && inner->y >= outer->y - SLACK
         && inner->x + inner->width <= outer->x + outer->width + SLACK
         && inner->y + inner->height <= outer->y + outer->height + SLACK;
}

/* Whether a and b come closer than gap to each other. */
static gboolean
rects_crowd (const RsvgRectangle *a,
             const RsvgRectangle *b,
             double               gap)
{
  return !(a->x + a->width + gap <= b->x
           || b->x + b->width + gap <= a->x
           || a->y + a->height + gap <= b->y
           || b->y + b->height + gap <= a->y);
}

static void
test_view_box (gconstpointer data)
{
  Model *model = model_load (data);
  gboolean has_width, has_height, has_viewbox;
  RsvgLength width, height;
  RsvgRectangle viewbox;

  rsvg_handle_get_intrinsic_dimensions (model->handle,
                                        &has_width, &width,
                                        &has_height, &height,
                                        &has_viewbox, &viewbox);
  g_assert_true (has_viewbox);
  g_assert_cmpfloat (viewbox.x, ==, 0.0);
  g_assert_cmpfloat (viewbox.y, ==, 0.0);
  g_assert_cmpfloat (viewbox.width, ==, VIEW_WIDTH);
  g_assert_cmpfloat (viewbox.height, ==, VIEW_HEIGHT);
  g_assert_true (has_width && has_height);
  g_assert_cmpfloat (width.length, ==, VIEW_WIDTH);
  g_assert_cmpfloat (height.length, ==, VIEW_HEIGHT);

  model_free (model);
}

static void
test_zones (gconstpointer data)
{
  Model *model = model_load (data);
  guint n = model->stages->len;
  g_autofree RsvgRectangle *zones = g_new0 (RsvgRectangle, n);

  g_assert_cmpuint (n, >=, 2);

  for (guint i = 0; i < n; i++)
    {
      const char *stage = g_ptr_array_index (model->stages, i);

      g_test_message ("%s: zone #%s", model->id, stage);
      g_assert_cmpuint (count_id_attributes (model->svg_text, stage), ==, 1);
      g_assert_true (element_geometry (model->handle, stage, &zones[i], NULL));
      g_assert_cmpfloat (zones[i].width, >=, ZONE_MIN_WIDTH);
      g_assert_cmpfloat (zones[i].height, >=, ZONE_MIN_HEIGHT);
      g_assert_cmpfloat (zones[i].x, >=, 0.0);
      g_assert_cmpfloat (zones[i].y, >=, 0.0);
      g_assert_cmpfloat (zones[i].x + zones[i].width, <=, VIEW_WIDTH);
      g_assert_cmpfloat (zones[i].y + zones[i].height, <=, VIEW_HEIGHT);
    }

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        if (rects_crowd (&zones[i], &zones[j], ZONE_GAP))
          g_error ("%s: zones #%s (%g,%g %gx%g) and #%s (%g,%g %gx%g) are less than %g apart",
                   model->id,
                   (char *) g_ptr_array_index (model->stages, i),
                   zones[i].x, zones[i].y, zones[i].width, zones[i].height,
                   (char *) g_ptr_array_index (model->stages, j),
                   zones[j].x, zones[j].y, zones[j].width, zones[j].height,
                   ZONE_GAP);
      }

  /* What the canvas does on a drop: the point picks the stage whose zone holds it. */
  for (guint i = 0; i < n; i++)
    {
      double cx = zones[i].x + zones[i].width / 2.0;
      double cy = zones[i].y + zones[i].height / 2.0;
      int hit = -1;

      for (guint j = 0; j < n; j++)
        {
          if (!rect_contains_point (&zones[j], cx, cy))
            continue;
          g_assert_cmpint (hit, ==, -1);
          hit = j;
        }
      g_assert_cmpint (hit, ==, i);
    }

  model_free (model);
}

/* Whether rendering the element alone leaves a transparent surface. */
static gboolean
box_is_invisible (RsvgHandle *handle,
                  const char *id)
{
  /* a quarter scale still catches a hairline, through antialiasing */
  RsvgRectangle viewport = { 0.0, 0.0, VIEW_WIDTH / 4, VIEW_HEIGHT / 4 };
  g_autofree char *sub = g_strconcat ("#", id, NULL);
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  const guchar *pixels;
  int stride;
  gboolean blank = TRUE;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, viewport.width, viewport.height);
  cr = cairo_create (surface);
  rsvg_handle_render_layer (handle, cr, sub, &viewport, &error);
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < viewport.height && blank; y++)
    for (int x = 0; x < viewport.width && blank; x++)
      blank = (*(const guint32 *) (pixels + y * stride + x * 4) >> 24) == 0;

  cairo_surface_destroy (surface);

  return blank;
}

static void
assert_invisible_box (Model               *model,
                      const char          *id,
                      RsvgRectangle       *logical)
{
  g_test_message ("%s: box #%s", model->id, id);
  g_assert_cmpuint (count_id_attributes (model->svg_text, id), ==, 1);
  g_assert_true (element_geometry (model->handle, id, NULL, logical));
  g_assert_true (box_is_invisible (model->handle, id));
  g_assert_cmpfloat (logical->width, >, 0.0);
  g_assert_cmpfloat (logical->height, >, 0.0);
  g_assert_cmpfloat (logical->x, >=, 0.0);
  g_assert_cmpfloat (logical->y, >=, 0.0);
  g_assert_cmpfloat (logical->x + logical->width, <=, VIEW_WIDTH);
  g_assert_cmpfloat (logical->y + logical->height, <=, VIEW_HEIGHT);
}

static void
test_boxes (gconstpointer data)
{
  Model *model = model_load (data);

  for (guint i = 0; i < model->stages->len; i++)
    {
      const char *stage = g_ptr_array_index (model->stages, i);
      g_autofree char *label_id = g_strconcat ("label-", stage, NULL);
      g_autofree char *anchor_id = g_strconcat ("anchor-", stage, NULL);
      g_autofree char *anchor_sub = g_strconcat ("#", anchor_id, NULL);
      RsvgRectangle zone, label, anchor;

      g_assert_true (element_geometry (model->handle, stage, &zone, NULL));

      assert_invisible_box (model, label_id, &label);
      g_assert_true (rect_contains_rect (&zone, &label));

      if (rsvg_handle_has_sub (model->handle, anchor_sub))
        {
          assert_invisible_box (model, anchor_id, &anchor);
          g_assert_true (rect_contains_rect (&zone, &anchor));
          g_assert_false (rects_crowd (&label, &anchor, 0.0));
        }
    }

  for (guint i = 0; i < model->label_keys->len; i++)
    {
      g_autofree char *text_id = g_strconcat ("text-", (char *) g_ptr_array_index (model->label_keys, i), NULL);
      RsvgRectangle box;

      assert_invisible_box (model, text_id, &box);
    }

  model_free (model);
}

static void
test_no_text (gconstpointer data)
{
  Model *model = model_load (data);
  g_autoptr (GRegex) regex = g_regex_new ("<\\s*([\\w-]+:)?(text|tspan|textPath)[\\s/>]",
                                          G_REGEX_CASELESS, 0, NULL);

  g_assert_false (g_regex_match (regex, model->svg_text, 0, NULL));

  model_free (model);
}

static double
luminance_at (cairo_surface_t *surface,
              double           x,
              double           y)
{
  const guchar *pixels = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(const guint32 *) (pixels + (int) y * stride + (int) x * 4);
  double r = ((pixel >> 16) & 0xff) / 255.0;
  double g = ((pixel >> 8) & 0xff) / 255.0;
  double b = (pixel & 0xff) / 255.0;

  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

static cairo_surface_t *
render (RsvgHandle *handle,
        double      page_r,
        double      page_g,
        double      page_b)
{
  RsvgRectangle viewport = { 0.0, 0.0, VIEW_WIDTH, VIEW_HEIGHT };
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, page_r, page_g, page_b);
  cairo_paint (cr);
  rsvg_handle_render_document (handle, cr, &viewport, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
test_render (gconstpointer data)
{
  Model *model = model_load (data);
  g_autofree char *css_path = g_build_filename (data_dir, "diagrams", "theme-dark.css", NULL);
  g_autofree char *css = NULL;
  g_autoptr (GError) error = NULL;
  gsize css_len;
  cairo_surface_t *light, *dark;

  light = render (model->handle, 1.0, 1.0, 1.0);

  g_file_get_contents (css_path, &css, &css_len, &error);
  g_assert_no_error (error);
  g_assert_true (rsvg_handle_set_stylesheet (model->handle, (const guint8 *) css, css_len, &error));
  g_assert_no_error (error);
  dark = render (model->handle, 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0);

  /* The app writes dark text on the light art and light text on the dark art. */
  for (guint i = 0; i < model->stages->len; i++)
    {
      g_autofree char *label_id = g_strconcat ("label-", (char *) g_ptr_array_index (model->stages, i), NULL);
      RsvgRectangle label;
      double cx, cy;

      g_assert_true (element_geometry (model->handle, label_id, NULL, &label));
      cx = label.x + label.width / 2.0;
      cy = label.y + label.height / 2.0;
      g_test_message ("%s: under #%s: light %.2f, dark %.2f", model->id, label_id,
                      luminance_at (light, cx, cy), luminance_at (dark, cx, cy));
      g_assert_cmpfloat (luminance_at (light, cx, cy), >, 0.6);
      g_assert_cmpfloat (luminance_at (dark, cx, cy), <, 0.4);
    }

  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
  model_free (model);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *models_dir = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);

  data_dir = g_getenv ("KOERS_DATA_DIR");
  if (data_dir == NULL)
    {
      g_printerr ("KOERS_DATA_DIR must name the data/ directory of the source tree\n");
      return 1;
    }

  models_dir = g_build_filename (data_dir, "models", NULL);
  dir = g_dir_open (models_dir, 0, &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (files, g_strdup (name));
  g_ptr_array_sort (files, compare_names);  /* stable test order */

  if (files->len == 0)
    {
      g_printerr ("no model files in %s\n", models_dir);
      return 1;
    }

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autofree char *stem = g_strndup (file, strlen (file) - strlen (".json"));
      g_autofree char *json_path = g_build_filename (models_dir, file, NULL);
      static const struct {
        const char *name;
        GTestDataFunc func;
      } tests[] = {
        { "view-box", test_view_box },
        { "zones", test_zones },
        { "boxes", test_boxes },
        { "no-text", test_no_text },
        { "render", test_render },
      };

      for (guint t = 0; t < G_N_ELEMENTS (tests); t++)
        {
          g_autofree char *path = g_strdup_printf ("/diagrams/%s/%s", stem, tests[t].name);
          g_test_add_data_func_full (path, g_strdup (json_path), tests[t].func, g_free);
        }
    }

  return g_test_run ();
}
