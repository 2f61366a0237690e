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
 *   - the art's only words are English labels for viewing the file on its own, all in a
 *     group of class "koers-standalone": every stage's name and tagline and every label
 *     of the model; with the stylesheet the renderer gives every handle they draw
 *     nothing, and without it they do;
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

/* What load_handle() in src/render/koers-diagram-renderer.c gives every handle, ahead
 * of any other stylesheet: Koers writes its own translated labels. */
#define HIDE_STANDALONE_CSS ".koers-standalone { display: none !important; }\n"
#define STANDALONE_CLASS "koers-standalone"

static const char *data_dir;

typedef struct
{
  char *id;
  char *svg_path;
  char *svg_text;
  GPtrArray *stages;        /* stage ids, in order */
  GPtrArray *titles;        /* stage names as the renderer writes them, in order */
  GPtrArray *taglines;      /* stage taglines, those the stages have */
  GPtrArray *label_keys;    /* keys of "labels" */
  GPtrArray *label_values;  /* their texts, in the same order */
  RsvgHandle *handle;
} Model;

static void
model_free (Model *model)
{
  g_free (model->id);
  g_free (model->svg_path);
  g_free (model->svg_text);
  g_clear_pointer (&model->stages, g_ptr_array_unref);
  g_clear_pointer (&model->titles, g_ptr_array_unref);
  g_clear_pointer (&model->taglines, g_ptr_array_unref);
  g_clear_pointer (&model->label_keys, g_ptr_array_unref);
  g_clear_pointer (&model->label_values, g_ptr_array_unref);
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
  model->titles = g_ptr_array_new_with_free_func (g_free);
  model->taglines = g_ptr_array_new_with_free_func (g_free);
  stages = json_object_get_array_member (root, "stages");
  g_assert_nonnull (stages);
  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);
      const char *name = json_object_get_string_member (stage, "name");
      const char *step = json_object_get_string_member_with_default (stage, "step", NULL);
      const char *tagline = json_object_get_string_member_with_default (stage, "tagline", NULL);
      gboolean gate = json_object_get_boolean_member_with_default (stage, "gate", FALSE);

      g_assert_nonnull (name);
      g_ptr_array_add (model->stages,
                       g_strdup (json_object_get_string_member (stage, "id")));
      /* As stage_title() in the renderer: a numbered step, unless a gate. */
      g_ptr_array_add (model->titles,
                       step != NULL && !gate ? g_strdup_printf ("%s · %s", step, name)
                                             : g_strdup (name));
      if (tagline != NULL)
        g_ptr_array_add (model->taglines, g_strdup (tagline));
    }

  model->label_keys = g_ptr_array_new_with_free_func (g_free);
  model->label_values = g_ptr_array_new_with_free_func (g_free);
  if (json_object_has_member (root, "labels"))
    {
      JsonObject *labels = json_object_get_object_member (root, "labels");
      GList *members = json_object_get_members (labels);

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_ptr_array_add (model->label_keys, g_strdup (l->data));
          g_ptr_array_add (model->label_values,
                           g_strdup (json_object_get_string_member (labels, l->data)));
        }
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

/* Gives the handle the stylesheet the renderer gives it: the rule that hides the
 * standalone words, then @extra_css when not NULL. */
static void
set_koers_stylesheet (RsvgHandle *handle,
                      const char *extra_css)
{
  g_autofree char *css = g_strconcat (HIDE_STANDALONE_CSS, extra_css, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (rsvg_handle_set_stylesheet (handle, (const guint8 *) css, strlen (css), &error));
  g_assert_no_error (error);
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
  cairo_surface_t *light, *dark;

  /* As the app draws the art: without the standalone words. */
  set_koers_stylesheet (model->handle, NULL);
  light = render (model->handle, 1.0, 1.0, 1.0);

  g_file_get_contents (css_path, &css, NULL, &error);
  g_assert_no_error (error);
  set_koers_stylesheet (model->handle, css);
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

/* The words of the art, read with GMarkup. */
typedef struct
{
  guint      depth;             /* of the element being read */
  guint      group_depth;       /* of the open standalone group, 0 outside one */
  guint      n_groups;
  GString   *text;              /* the <text> being read in the group, or NULL */
  GPtrArray *texts;             /* each <text> of the group, white space collapsed */
  GPtrArray *stray;             /* text elements outside the group */
} Words;

static const char *
local_name (const char *element_name)
{
  const char *colon = strrchr (element_name, ':');

  return colon != NULL ? colon + 1 : element_name;
}

static gboolean
is_text_element (const char *name)
{
  return g_str_equal (name, "text") || g_str_equal (name, "tspan") || g_str_equal (name, "textPath");
}

static gboolean
has_class (const char **attribute_names,
           const char **attribute_values,
           const char  *class_name)
{
  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      g_auto (GStrv) classes = NULL;

      if (!g_str_equal (attribute_names[i], "class"))
        continue;
      classes = g_strsplit_set (attribute_values[i], " \t\r\n", -1);
      if (g_strv_contains ((const char * const *) classes, class_name))
        return TRUE;
    }
  return FALSE;
}

static void
words_start_element (GMarkupParseContext  *context,
                     const char           *element_name,
                     const char          **attribute_names,
                     const char          **attribute_values,
                     gpointer              user_data,
                     GError              **error)
{
  Words *words = user_data;
  const char *name = local_name (element_name);

  words->depth++;
  if (words->group_depth == 0 && has_class (attribute_names, attribute_values, STANDALONE_CLASS))
    {
      words->group_depth = words->depth;
      words->n_groups++;
    }

  if (!is_text_element (name))
    return;
  if (words->group_depth == 0)
    {
      int line;

      g_markup_parse_context_get_position (context, &line, NULL);
      g_ptr_array_add (words->stray, g_strdup_printf ("<%s> on line %d", element_name, line));
    }
  else if (g_str_equal (name, "text") && words->text == NULL)
    words->text = g_string_new (NULL);
  else if (words->text != NULL)
    g_string_append_c (words->text, ' ');  /* a line of its own */
}

static void
words_end_element (GMarkupParseContext  *context,
                   const char           *element_name,
                   gpointer              user_data,
                   GError              **error)
{
  Words *words = user_data;
  const char *name = local_name (element_name);

  if (words->text != NULL && g_str_equal (name, "text"))
    {
      g_autofree char *raw = g_string_free (g_steal_pointer (&words->text), FALSE);
      g_auto (GStrv) parts = g_strsplit_set (raw, " \t\r\n", -1);
      GString *collapsed = g_string_new (NULL);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_string_append_printf (collapsed, "%s%s", collapsed->len > 0 ? " " : "", parts[i]);
      g_ptr_array_add (words->texts, g_string_free (collapsed, FALSE));
    }
  else if (words->text != NULL && is_text_element (name))
    g_string_append_c (words->text, ' ');

  if (words->depth == words->group_depth)
    words->group_depth = 0;
  words->depth--;
}

static void
words_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 text_len,
            gpointer              user_data,
            GError              **error)
{
  Words *words = user_data;

  if (words->text != NULL)
    g_string_append_len (words->text, text, text_len);
}

static void
words_clear (Words *words)
{
  if (words->text != NULL)
    g_string_free (words->text, TRUE);
  g_clear_pointer (&words->texts, g_ptr_array_unref);
  g_clear_pointer (&words->stray, g_ptr_array_unref);
}

static void
read_words (Model *model,
            Words *words)
{
  static const GMarkupParser parser = {
    words_start_element, words_end_element, words_text, NULL, NULL,
  };
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GError) error = NULL;

  memset (words, 0, sizeof *words);
  words->texts = g_ptr_array_new_with_free_func (g_free);
  words->stray = g_ptr_array_new_with_free_func (g_free);
  context = g_markup_parse_context_new (&parser, 0, words, NULL);
  g_markup_parse_context_parse (context, model->svg_text, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
assert_has_words (Model      *model,
                  Words      *words,
                  GPtrArray  *expected,
                  const char *what)
{
  for (guint i = 0; i < expected->len; i++)
    {
      const char *text = g_ptr_array_index (expected, i);
      gboolean found = FALSE;

      for (guint j = 0; j < words->texts->len && !found; j++)
        found = g_str_equal (g_ptr_array_index (words->texts, j), text);
      if (!found)
        g_error ("%s: the %s “%s” is not a <text> of the " STANDALONE_CLASS " group",
                 model->id, what, text);
    }
}

/* The art's words are all in the one group the renderer hides, and they are the
 * model's: every stage's name (numbered as the renderer numbers it) and tagline, and
 * every label. */
static void
test_standalone_words (gconstpointer data)
{
  Model *model = model_load (data);
  Words words;

  read_words (model, &words);
  for (guint i = 0; i < words.stray->len; i++)
    g_test_message ("%s: %s is outside the " STANDALONE_CLASS " group",
                    model->id, (char *) g_ptr_array_index (words.stray, i));
  g_assert_cmpuint (words.stray->len, ==, 0);
  g_assert_cmpuint (words.n_groups, ==, 1);

  assert_has_words (model, &words, model->titles, "stage name");
  assert_has_words (model, &words, model->taglines, "tagline");
  assert_has_words (model, &words, model->label_values, "label");

  words_clear (&words);
  model_free (model);
}

/* The art with the standalone group cut out of its source. */
static RsvgHandle *
load_without_group (Model *model)
{
  g_autoptr (GRegex) open_tag = g_regex_new ("<g\\s[^>]*class\\s*=\\s*([\"'])[^\"']*\\b"
                                             STANDALONE_CLASS "\\b[^\"']*\\1[^>]*>",
                                             0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *inner = NULL;
  g_autofree char *bare = NULL;
  const char *close;
  int start, end;
  RsvgHandle *handle;

  g_assert_true (g_regex_match (open_tag, model->svg_text, 0, &match));
  g_assert_true (g_match_info_fetch_pos (match, 0, &start, &end));
  close = strstr (model->svg_text + end, "</g>");
  g_assert_nonnull (close);
  /* A nested group would end the cut too early. */
  inner = g_strndup (model->svg_text + end, close - (model->svg_text + end));
  g_assert_null (strstr (inner, "<g"));

  bare = g_strdup_printf ("%.*s%s", start, model->svg_text, close + strlen ("</g>"));
  handle = rsvg_handle_new_from_data ((const guint8 *) bare, strlen (bare), &error);
  g_assert_no_error (error);
  return handle;
}

static guint
count_different_pixels (cairo_surface_t *a,
                        cairo_surface_t *b)
{
  const guchar *pa = cairo_image_surface_get_data (a);
  const guchar *pb = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  guint count = 0;

  g_assert_cmpint (cairo_image_surface_get_stride (b), ==, stride);
  for (int y = 0; y < VIEW_HEIGHT; y++)
    for (int x = 0; x < VIEW_WIDTH; x++)
      count += *(const guint32 *) (pa + y * stride + x * 4) != *(const guint32 *) (pb + y * stride + x * 4);

  return count;
}

/* The ids whose geometry the renderer reads: zones and their boxes. */
static GPtrArray *
geometry_ids (Model *model)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < model->stages->len; i++)
    {
      const char *stage = g_ptr_array_index (model->stages, i);

      g_ptr_array_add (ids, g_strdup (stage));
      g_ptr_array_add (ids, g_strconcat ("label-", stage, NULL));
      g_ptr_array_add (ids, g_strconcat ("anchor-", stage, NULL));
    }
  for (guint i = 0; i < model->label_keys->len; i++)
    g_ptr_array_add (ids, g_strconcat ("text-", (char *) g_ptr_array_index (model->label_keys, i), NULL));

  return ids;
}

/* Drawn with the renderer's stylesheet, light and dark, the art is exactly the art
 * without the standalone group: not a pixel of those words reaches the app or an
 * export. Drawn without it, as a browser does, the words show. The stylesheet leaves
 * the geometry of zones and boxes as it is. */
static void
test_standalone_hidden (gconstpointer data)
{
  Model *model = model_load (data);
  g_autofree char *css_path = g_build_filename (data_dir, "diagrams", "theme-dark.css", NULL);
  g_autofree char *dark_css = NULL;
  g_autoptr (GError) error = NULL;
  RsvgHandle *bare = load_without_group (model);
  g_autoptr (GPtrArray) ids = geometry_ids (model);
  g_autofree RsvgRectangle *ink = g_new0 (RsvgRectangle, ids->len);
  g_autofree RsvgRectangle *logical = g_new0 (RsvgRectangle, ids->len);
  g_autofree gboolean *found = g_new0 (gboolean, ids->len);
  cairo_surface_t *shown, *hidden, *expected;
  guint differ;

  g_file_get_contents (css_path, &dark_css, NULL, &error);
  g_assert_no_error (error);

  expected = render (bare, 1.0, 1.0, 1.0);
  shown = render (model->handle, 1.0, 1.0, 1.0);
  differ = count_different_pixels (shown, expected);
  g_test_message ("%s: the standalone words cover %u pixels", model->id, differ);
  g_assert_cmpuint (differ, >, 1000);

  for (guint i = 0; i < ids->len; i++)
    found[i] = element_geometry (model->handle, g_ptr_array_index (ids, i), &ink[i], &logical[i]);

  set_koers_stylesheet (model->handle, NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      RsvgRectangle now_ink, now_logical;

      g_assert_cmpint (element_geometry (model->handle, g_ptr_array_index (ids, i),
                                         &now_ink, &now_logical), ==, found[i]);
      if (!found[i])
        continue;
      g_assert_true (memcmp (&now_ink, &ink[i], sizeof now_ink) == 0);
      g_assert_true (memcmp (&now_logical, &logical[i], sizeof now_logical) == 0);
    }

  hidden = render (model->handle, 1.0, 1.0, 1.0);
  g_assert_cmpuint (count_different_pixels (hidden, expected), ==, 0);
  cairo_surface_destroy (hidden);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (shown);

  /* The dark theme's sheet comes after the rule and must not bring them back. */
  g_assert_true (rsvg_handle_set_stylesheet (bare, (const guint8 *) dark_css, strlen (dark_css), &error));
  g_assert_no_error (error);
  set_koers_stylesheet (model->handle, dark_css);
  expected = render (bare, 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0);
  hidden = render (model->handle, 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0);
  g_assert_cmpuint (count_different_pixels (hidden, expected), ==, 0);
  cairo_surface_destroy (hidden);
  cairo_surface_destroy (expected);

  g_object_unref (bare);
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
        { "standalone-words", test_standalone_words },
        { "standalone-hidden", test_standalone_hidden },
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
