/* test-export-dialog.c: the dialog writes what the command line writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

/* For the options the dialog hands the exporter. */
#include "koers-export-dialog-private.h"
#include "koers-file-chooser.h"
#include "koers-project.h"
#include "koers-test-util.h"
#include "ui-test-display.h"

static KoersProject *project;
static char *project_path;

#define ROW(dialog, name) ADW_COMBO_ROW (template_child (dialog, name))

static void
exported_cb (KoersExportDialog *dialog,
             GFile             *file,
             GFile            **exported)
{
  g_assert_true (G_IS_FILE (file));
  g_set_object (exported, file);
}

static const char *
format_extension (KoersExportFormat format)
{
  return (const char *[]) { "png", "svg", "pdf" }[format];
}

/* Runs `koers --export-…=OUT … FILE` with the command line's words for
 * @options. */
static GBytes *
export_with_cli (const char               *dir,
                 const char               *model_id,
                 const KoersExportOptions *options)
{
  const char *binary = g_getenv ("KOERS_BINARY");
  g_autofree char *out = g_strdup_printf ("%s/cli.%s", dir, format_extension (options->format));
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *standard_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  const char *backgrounds[] = { "theme", "white", "transparent" };
  int status;

  g_assert_nonnull (binary);

  g_ptr_array_add (argv, g_strdup (binary));
  if (model_id != NULL)
    g_ptr_array_add (argv, g_strdup_printf ("--export-diagram=%s:%s", model_id, out));
  else
    g_ptr_array_add (argv, g_strdup_printf ("--export-roadmap=%s", out));
  g_ptr_array_add (argv, g_strdup_printf ("--size=%.0fx%.0f", options->width, options->height));
  g_ptr_array_add (argv, g_strdup_printf ("--scale=%.0f", options->scale));
  g_ptr_array_add (argv, g_strdup_printf ("--theme=%s", options->render.dark ? "dark" : "light"));
  g_ptr_array_add (argv, g_strdup_printf ("--background=%s", backgrounds[options->render.background]));
  g_ptr_array_add (argv, g_strdup_printf ("--page=%u", options->page));
  g_ptr_array_add (argv, g_strdup (project_path));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                NULL, &standard_error, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("koers failed: %s", standard_error);

  mapped = g_mapped_file_new (out, FALSE, &error);
  g_assert_no_error (error);
  return g_mapped_file_get_bytes (mapped);
}

static GBytes *
read_bytes (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static GBytes *
normalise_svg_ids (GBytes *svg)
{
  g_autoptr(GRegex) regex = g_regex_new ("surface[0-9]+", 0, 0, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  char *normal = g_regex_replace_literal (regex, text, -1, 0, "surface", 0, NULL);

  return g_bytes_new_take (normal, strlen (normal));
}

/* The dialog, with a reference of the test's own: a dialog closes itself
 * after an export. */
static KoersExportDialog *
new_dialog_for (const char *model_id,
                GFile      *project_file)
{
  KoersExportDialog *dialog = koers_export_dialog_new (NULL, project, project_file, model_id);

  g_assert_true (KOERS_IS_EXPORT_DIALOG (dialog));
  return g_object_ref (dialog);
}

static KoersExportDialog *
new_dialog (const char *model_id)
{
  return new_dialog_for (model_id, NULL);
}

static GObject *
template_child (KoersExportDialog *dialog,
                const char        *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), KOERS_TYPE_EXPORT_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

static void
select_row (KoersExportDialog *dialog,
            const char        *name,
            guint              position)
{
  adw_combo_row_set_selected (ROW (dialog, name), position);
}

/* Chooses the rows as the options say, as a user would. */
static void
choose_options (KoersExportDialog        *dialog,
                const KoersExportOptions *options)
{
  const double sizes[][2] = { { 1920, 1080 }, { 1280, 720 }, { 1024, 768 }, { 842, 595 } };

  select_row (dialog, "format_row", options->format);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (sizes[i][0] == options->width && sizes[i][1] == options->height)
      select_row (dialog, "size_row", i);
  select_row (dialog, "scale_row", (guint) options->scale - 1);
  select_row (dialog, "theme_row", options->render.dark ? 1 : 0);
  select_row (dialog, "background_row", options->render.background);
}

/* Iterates until the preview shows a page (or a document's summary), or
 * fails after a few seconds. */
static void
wait_for_preview (KoersExportDialog *dialog)
{
  GtkStack *stack = GTK_STACK (template_child (dialog, "preview_stack"));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* The message the dialog shows under its options, read from its template
 * as a user reads it; %NULL when none is shown. */
static const char *
shown_error (KoersExportDialog *dialog)
{
  GObject *revealer = gtk_widget_get_template_child (GTK_WIDGET (dialog), KOERS_TYPE_EXPORT_DIALOG, "error_revealer");
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (dialog), KOERS_TYPE_EXPORT_DIALOG, "error_label");

  g_assert_true (GTK_IS_REVEALER (revealer));
  g_assert_true (GTK_IS_LABEL (label));
  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Destroys the dialog and waits until it is finalized. A finished export's
 * GTask, which holds the dialog as its source object, may be released by
 * its worker thread a moment after its callback ran: allow for that, but
 * fail when the dialog is still alive after a few seconds. */
static void
destroy_dialog (KoersExportDialog *dialog)
{
  gpointer alive = dialog;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (dialog), &alive);
  /* Destroyed already when an export closed it: destroying again is
   * harmless. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  while (alive != NULL && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  if (alive != NULL)
    g_error ("the export dialog is still referenced %u times after it was destroyed",
             G_OBJECT (alive)->ref_count);
}

/* Writes to @file through the dialog's action, as after the file
 * chooser, and waits for the outcome: %TRUE when "exported" named @file,
 * %FALSE when the dialog shows a message instead. */
static gboolean
export_via_action (KoersExportDialog *dialog,
                   GFile             *file)
{
  g_autoptr(GFile) exported = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  gulong handler;

  handler = g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.to", "s", uri));
  while (exported == NULL && shown_error (dialog) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_signal_handler_disconnect (dialog, handler);
  if (exported != NULL)
    g_assert_true (g_file_equal (exported, file));
  return exported != NULL;
}

/* Without a schema, or with the schema's defaults, the dialog starts where
 * the command line starts, and a diagram export lays out no roadmap. */
static void
test_defaults (void)
{
  KoersExportDialog *dialog = new_dialog (NULL);
  g_autofree char *model_id = NULL;

  g_assert_cmpuint (adw_combo_row_get_selected (ROW (dialog, "format_row")), ==, KOERS_EXPORT_PNG);
  g_assert_cmpuint (adw_combo_row_get_selected (ROW (dialog, "size_row")), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ROW (dialog, "scale_row")), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ROW (dialog, "theme_row")), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ROW (dialog, "background_row")), ==, KOERS_BACKGROUND_THEME);
  g_object_get (dialog, "model-id", &model_id, NULL);
  g_assert_null (model_id);
  /* The layout runs in a worker: the dialog opens on a spinner. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (dialog, "preview_stack"))), ==, "loading");
  wait_for_preview (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (dialog, "preview_stack"))), ==, "page");
  destroy_dialog (dialog);
}

/* The "what" row and the model-id property are one. */
static void
test_model_id (void)
{
  KoersExportDialog *dialog = new_dialog ("pyramid");
  g_autofree char *model_id = NULL;
  g_autofree char *other = NULL;

  g_object_get (dialog, "model-id", &model_id, NULL);
  g_assert_cmpstr (model_id, ==, "pyramid");
  select_row (dialog, "what_row", 0);
  g_object_get (dialog, "model-id", &other, NULL);
  g_assert_null (other);
  destroy_dialog (dialog);
}

typedef struct {
  const char         *model_id;
  KoersExportFormat   format;
  double              width, height, scale;
  gboolean            dark;
  KoersBackground     background;
} SameBytesCase;

static void
test_same_bytes (gconstpointer data)
{
  const SameBytesCase *c = data;
  g_autofree char *dir = koers_test_make_dir ("koers-export");
  KoersExportDialog *dialog = new_dialog (c->model_id);
  KoersExportOptions options;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GBytes) theirs = NULL;

  koers_export_options_init (&options);
  options.format = c->format;
  options.width = c->width;
  options.height = c->height;
  options.scale = c->scale;
  options.render.dark = c->dark;
  options.render.background = c->background;
  choose_options (dialog, &options);
  wait_for_preview (dialog);

  path = g_strdup_printf ("%s/dialog.%s", dir, format_extension (c->format));
  file = g_file_new_for_path (path);
  g_assert_true (export_via_action (dialog, file));

  ours = read_bytes (file);
  theirs = export_with_cli (dir, c->model_id, &options);
  g_assert_cmpuint (g_bytes_get_size (ours), >, 0);

  /* cairo names an SVG's surface after a counter of every surface the
   * process made ("surface1" in the command line, "surface307" in an app
   * that has drawn windows): the only difference an exporter may leave.
   * Until the exporter numbers it from 1 itself, the rest must be equal. */
  if (c->format == KOERS_EXPORT_SVG && !g_bytes_equal (ours, theirs))
    {
      g_autoptr(GBytes) ours_normal = normalise_svg_ids (ours);
      g_autoptr(GBytes) theirs_normal = normalise_svg_ids (theirs);

      if (g_bytes_equal (ours_normal, theirs_normal))
        {
          g_test_incomplete ("equal but for cairo's process-wide surface id; "
                             "the SVG exporter should number it from 1");
          destroy_dialog (dialog);
          koers_test_remove_tree (dir);
          return;
        }
    }

  if (!g_bytes_equal (ours, theirs))
    g_error ("the dialog wrote %" G_GSIZE_FORMAT " bytes, the command line %" G_GSIZE_FORMAT
             " different ones (see %s)", g_bytes_get_size (ours), g_bytes_get_size (theirs), dir);

  destroy_dialog (dialog);
  koers_test_remove_tree (dir);
}

typedef struct {
  guint       format_position;
  const char *extension;
  const char *mimetype;   /* ODF only */
  const char *member;
} PackageCase;

/* Presentation and spreadsheet: chosen in the format row, exported, a
 * real package. */
static void
test_package (gconstpointer data)
{
  const PackageCase *c = data;
  g_autofree char *dir = koers_test_make_dir ("koers-export");
  g_autofree char *path = g_strdup_printf ("%s/plan.%s", dir, c->extension);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  KoersExportDialog *dialog = new_dialog ("pyramid");
  GtkStack *stack = GTK_STACK (template_child (dialog, "preview_stack"));

  select_row (dialog, "format_row", c->format_position);
  select_row (dialog, "theme_row", 1);
  /* Nothing to lay out: what it holds, at once. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "document");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (template_child (dialog, "size_row"))));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (template_child (dialog, "what_row")),
                                                                   ADW_TYPE_PREFERENCES_GROUP)));

  g_assert_true (export_via_action (dialog, file));
  bytes = read_bytes (file);
  g_assert_true (koers_test_is_package (bytes, c->mimetype, c->member));

  destroy_dialog (dialog);
  koers_test_remove_tree (dir);
}

/* The preview is the exported page: the dialog's preview image and the
 * PNG it writes at scale 1 are equal, pixel for pixel, subtitle and all. */
static void
test_preview_is_export (gconstpointer data)
{
  const SameBytesCase *c = data;
  g_autofree char *dir = koers_test_make_dir ("koers-export");
  g_autofree char *path = g_build_filename (dir, "page.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KoersExportDialog *dialog = new_dialog (c->model_id);
  KoersExportOptions options;
  GdkPaintable *paintable;
  cairo_surface_t *png;
  g_autofree guchar *pixels = NULL;
  int width, height, stride;
  guint differ = 0;

  koers_export_options_init (&options);
  options.format = KOERS_EXPORT_PNG;
  options.width = c->width;
  options.height = c->height;
  options.scale = 1;
  options.render.dark = c->dark;
  options.render.background = c->background;
  choose_options (dialog, &options);
  wait_for_preview (dialog);

  paintable = gtk_picture_get_paintable (GTK_PICTURE (template_child (dialog, "preview_picture")));
  g_assert_true (GDK_IS_TEXTURE (paintable));
  width = gdk_texture_get_width (GDK_TEXTURE (paintable));
  height = gdk_texture_get_height (GDK_TEXTURE (paintable));
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (GDK_TEXTURE (paintable), pixels, width * 4);

  g_assert_true (export_via_action (dialog, file));
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, height);
  stride = cairo_image_surface_get_stride (png);
  cairo_surface_flush (png);

  /* Opaque pages: the PNG has no alpha; compare the colours. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 ours = ((guint32 *) (pixels + y * width * 4))[x];
        guint32 theirs = ((guint32 *) (cairo_image_surface_get_data (png) + y * stride))[x];

        g_assert_cmphex (ours >> 24, ==, 0xff);
        if ((ours & 0xffffff) != (theirs & 0xffffff))
          differ++;
      }
  cairo_surface_destroy (png);
  g_assert_cmpuint (differ, ==, 0);

  destroy_dialog (dialog);
  koers_test_remove_tree (dir);
}

/* A see-through page keeps the theme's text: the dialog says where it
 * will not show. */
static void
test_transparent_warning (void)
{
  KoersExportDialog *dialog = new_dialog ("learning-curve");
  AdwActionRow *warning = ADW_ACTION_ROW (template_child (dialog, "warning_row"));
  const char *title;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (warning)));

  select_row (dialog, "background_row", KOERS_BACKGROUND_TRANSPARENT);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (warning)));
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (warning));
  g_assert_nonnull (strstr (title, "Dark text"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (warning), "dark or coloured slide"));

  select_row (dialog, "theme_row", 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (warning)));
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (warning));
  g_assert_nonnull (strstr (title, "Light text"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (warning), "white or light slide"));

  select_row (dialog, "background_row", KOERS_BACKGROUND_WHITE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (warning)));
  select_row (dialog, "background_row", KOERS_BACKGROUND_TRANSPARENT);
  /* A presentation has no see-through page. */
  select_row (dialog, "format_row", 3);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (warning)));

  destroy_dialog (dialog);
}

/* The project's own file, under another name too, and a pipe are
 * refused with a message; nothing is written, nothing changes. */
static void
test_refuses_target (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-export");
  g_autofree char *copy_path = g_build_filename (dir, "plan.koers", NULL);
  g_autofree char *link_path = g_build_filename (dir, "plan.png", NULL);
  g_autofree char *fifo_path = g_build_filename (dir, "pipe.png", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(GFile) fifo = g_file_new_for_path (fifo_path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  KoersExportDialog *dialog;
  const char *message;
  struct stat st;

  g_assert_true (g_file_get_contents (project_path, &before, NULL, &error));
  g_assert_true (g_file_set_contents (copy_path, before, -1, &error));
  g_assert_cmpint (symlink (copy_path, link_path), ==, 0);
  g_assert_cmpint (mkfifo (fifo_path, 0644), ==, 0);

  dialog = new_dialog_for (NULL, copy);
  wait_for_preview (dialog);

  g_assert_false (export_via_action (dialog, copy));
  message = shown_error (dialog);
  g_test_message ("shown: %s", message);
  g_assert_nonnull (strstr (message, "project itself"));

  /* Another name for the same file. */
  g_assert_false (export_via_action (dialog, link));
  g_assert_nonnull (strstr (shown_error (dialog), "project itself"));
  g_assert_true (g_file_get_contents (copy_path, &after, NULL, &error));
  g_assert_cmpstr (after, ==, before);

  /* A pipe: refused at once, never opened (that would wait forever). */
  g_assert_false (export_via_action (dialog, fifo));
  message = shown_error (dialog);
  g_test_message ("shown: %s", message);
  g_assert_nonnull (strstr (message, "pipe.png"));
  g_assert_cmpint (lstat (fifo_path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  destroy_dialog (dialog);
  koers_test_remove_tree (dir);
}

/* A failing export says why in the dialog, changes nothing else, and the
 * next export works. */
static void
test_failure (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-export");
  g_autofree char *gone = g_build_filename (dir, "Presentaties", NULL);
  g_autofree char *gone_path = g_build_filename (gone, "roadmap.png", NULL);
  g_autofree char *good_path = g_build_filename (dir, "roadmap.png", NULL);
  g_autoptr(GFile) gone_file = g_file_new_for_path (gone_path);
  g_autoptr(GFile) good_file = g_file_new_for_path (good_path);
  KoersExportDialog *dialog = new_dialog (NULL);
  const char *message;

  g_assert_cmpint (g_mkdir (gone, 0755), ==, 0);
  g_assert_cmpint (g_rmdir (gone), ==, 0);
  select_row (dialog, "theme_row", 1);

  g_assert_false (export_via_action (dialog, gone_file));
  message = shown_error (dialog);
  g_test_message ("shown: %s", message);
  g_assert_nonnull (strstr (message, "roadmap.png"));
  g_assert_nonnull (strstr (message, gone));
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (adw_combo_row_get_selected (ROW (dialog, "theme_row")), ==, 1);

  g_assert_true (export_via_action (dialog, good_file));
  g_assert_true (g_file_test (good_path, G_FILE_TEST_IS_REGULAR));

  destroy_dialog (dialog);
  koers_test_remove_tree (dir);
}

static GSettingsSchema *
lookup_schema (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  GSettingsSchema *schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.koersapp.Koers", TRUE);
  if (schema != NULL && !g_settings_schema_has_key (schema, key))
    g_clear_pointer (&schema, g_settings_schema_unref);
  return schema;
}

/* An export from the app shows the other organisations as the canvas
 * does: the show-others setting. */
static void
test_show_others (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ("show-others");
  g_autoptr(GSettings) settings = NULL;

  g_assert_nonnull (schema);
  settings = g_settings_new_full (schema, NULL, NULL);
  for (guint show = 0; show < 2; show++)
    {
      KoersExportDialog *dialog;
      KoersExportOptions options;

      g_settings_set_boolean (settings, "show-others", show);
      dialog = new_dialog ("pyramid");
      _koers_export_dialog_read_options (dialog, &options);
      g_assert_cmpint (options.hide_others, ==, !show);
      destroy_dialog (dialog);
    }
  g_settings_reset (settings, "show-others");
}

/* The last options come back in the next dialog, when the schema is
 * there: a picture's, and a presentation's. */
static void
test_remembers (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ("export-format");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *deck_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) deck_file = NULL;
  KoersExportDialog *dialog;
  KoersExportOptions options;

  if (schema == NULL)
    {
      g_test_skip ("the GSettings schema is not compiled in GSETTINGS_SCHEMA_DIR");
      return;
    }

  dir = koers_test_make_dir ("koers-export");
  path = g_build_filename (dir, "roadmap.pdf", NULL);
  file = g_file_new_for_path (path);
  deck_path = g_build_filename (dir, "plan.pptx", NULL);
  deck_file = g_file_new_for_path (deck_path);

  dialog = new_dialog (NULL);
  koers_export_options_init (&options);
  options.format = KOERS_EXPORT_PDF;
  options.width = 1024;
  options.height = 768;
  options.scale = 4;
  options.render.dark = TRUE;
  options.render.background = KOERS_BACKGROUND_WHITE;
  choose_options (dialog, &options);
  g_assert_true (export_via_action (dialog, file));
  destroy_dialog (dialog);

  dialog = new_dialog (NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (ROW (dialog, "format_row")), ==, KOERS_EXPORT_PDF);
  g_assert_cmpuint (adw_combo_row_get_selected (ROW (dialog, "size_row")), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (ROW (dialog, "scale_row")), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (ROW (dialog, "theme_row")), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ROW (dialog, "background_row")), ==, KOERS_BACKGROUND_WHITE);

  /* Presentation (PPTX), light. */
  select_row (dialog, "format_row", 4);
  select_row (dialog, "theme_row", 0);
  g_assert_true (export_via_action (dialog, deck_file));
  destroy_dialog (dialog);

  dialog = new_dialog (NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (ROW (dialog, "format_row")), ==, 4);
  g_assert_cmpuint (adw_combo_row_get_selected (ROW (dialog, "theme_row")), ==, 0);
  /* What a format is for stands under the group's title: under the row's
   * it took the room of the format's name ("PPTX pres…"). */
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (template_child (dialog, "file_group"))),
                   ==, "Editable slides for PowerPoint");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ROW (dialog, "format_row"))), ==, "");
  select_row (dialog, "format_row", KOERS_EXPORT_PNG);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (template_child (dialog, "file_group"))),
                   ==, "For slides, documents and social media");
  destroy_dialog (dialog);

  /* Back to the defaults for the other tests. */
  {
    g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
    const char *keys[] = { "export-format", "export-size", "export-scale",
                           "export-theme", "export-background", "last-folder" };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      if (g_settings_schema_has_key (schema, keys[i]))
        g_settings_reset (settings, keys[i]);
  }
  koers_test_remove_tree (dir);
}

/* Options tried but not exported are not remembered; a stored value the
 * dialog cannot show (a size no row offers) gives the row's default. */
static void
test_remembers_only_exports (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ("export-size");
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *format = NULL;
  KoersExportDialog *dialog;

  if (schema == NULL)
    {
      g_test_skip ("the GSettings schema is not compiled in GSETTINGS_SCHEMA_DIR");
      return;
    }
  settings = g_settings_new_full (schema, NULL, NULL);

  dialog = new_dialog (NULL);
  select_row (dialog, "format_row", KOERS_EXPORT_SVG);
  select_row (dialog, "size_row", 1);
  destroy_dialog (dialog);
  format = g_settings_get_string (settings, "export-format");
  g_assert_cmpstr (format, ==, "png");

  g_settings_set_string (settings, "export-size", "1000x1000");
  g_settings_set_int (settings, "export-scale", 3);
  dialog = new_dialog (NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (ROW (dialog, "format_row")), ==, KOERS_EXPORT_PNG);
  g_assert_cmpuint (adw_combo_row_get_selected (ROW (dialog, "size_row")), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ROW (dialog, "scale_row")), ==, 2);
  destroy_dialog (dialog);

  g_settings_reset (settings, "export-size");
  g_settings_reset (settings, "export-scale");
}

static void
chooser_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(GFile) file = koers_choose_open_file_finish (result, error);

  g_assert_null (file);
  g_assert_nonnull (*error);
}

/* Closing the chooser (here: cancelling it) is not an error to show. */
static void
test_chooser_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GError *error = NULL;

  koers_choose_open_file_async (window, NULL, cancellable, chooser_cb, &error);
  g_cancellable_cancel (cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  gtk_window_destroy (window);
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The app's style sheet, which AdwApplication loads in the app. */
static void
load_app_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) css = NULL;

  if (loaded)
    return;
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/koersapp/Koers/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

/* The shown dialog as the screen shows it. */
static GdkTexture *
render_dialog (KoersExportDialog *dialog)
{
  int width = gtk_widget_get_width (GTK_WIDGET (dialog));
  int height = gtk_widget_get_height (GTK_WIDGET (dialog));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (dialog));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (dialog));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static double
luminance_at (const guchar *pixels,
              int           stride,
              int           x,
              int           y)
{
  guint32 pixel = ((const guint32 *) (pixels + y * stride))[x];

  return 0.2126 * ((pixel >> 16) & 0xff) + 0.7152 * ((pixel >> 8) & 0xff) + 0.0722 * (pixel & 0xff);
}

/* A dark slide in a dark window: the page's edge stands out from both
 * the page and the backdrop around it. */
static void
test_dark_frame (void)
{
  KoersExportDialog *dialog;
  GtkWidget *picture;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  graphene_rect_t bounds;
  double page, ring, backdrop, dx, dy;
  int width, height, x, y;

  load_app_style ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  dialog = new_dialog ("maturity-matrix");
  select_row (dialog, "theme_row", 1);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_preview (dialog);
  /* The page fades in: measure it once it is there. */
  while (gtk_stack_get_transition_running (GTK_STACK (template_child (dialog, "preview_stack"))))
    g_main_context_iteration (NULL, TRUE);
  wait_ms (100);

  picture = GTK_WIDGET (template_child (dialog, "preview_picture"));
  g_assert_true (gtk_widget_compute_bounds (picture, GTK_WIDGET (dialog), &bounds));
  texture = render_dialog (dialog);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);

  /* The rendering starts at the window's surface, outside its frame. */
  gtk_native_get_surface_transform (GTK_NATIVE (dialog), &dx, &dy);
  x = (int) round (bounds.origin.x + dx);
  y = (int) (bounds.origin.y + dy + bounds.size.height / 2);
  g_assert_cmpint (x, >=, 12);
  g_assert_cmpint (x + 3, <, width);
  /* The edge: the brightest of the pixels around the page's first column
   * (where exactly depends on rounding the frame's centred allocation). */
  ring = 0;
  for (int i = x - 2; i <= x + 1; i++)
    ring = MAX (ring, luminance_at (pixels, width * 4, i, y));
  page = luminance_at (pixels, width * 4, x + 4, y);
  backdrop = luminance_at (pixels, width * 4, x - 12, y);
  g_test_message ("page %.0f, edge %.0f, backdrop %.0f at %d,%d of %dx%d", page, ring, backdrop, x, y, width, height);
  g_assert_cmpfloat (ring - MAX (page, backdrop), >, 30);

  destroy_dialog (dialog);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* With KOERS_SCREENSHOT_DIR set, saves the dialog as PNGs to look at. */
static void
test_screenshot (void)
{
  const char *dir = g_getenv ("KOERS_SCREENSHOT_DIR");
  const char *cases[] = { NULL, "pyramid", NULL, NULL, "maturity-matrix" };

  if (dir == NULL)
    {
      g_test_skip ("set KOERS_SCREENSHOT_DIR to save screenshots");
      return;
    }

  load_app_style ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KoersExportDialog *dialog = new_dialog (cases[i]);
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GtkSnapshot) snapshot = NULL;
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree char *path = NULL;
      GskRenderer *renderer;
      int width, height;

      if (i == 1)
        {
          select_row (dialog, "theme_row", 1);
          select_row (dialog, "background_row", KOERS_BACKGROUND_TRANSPARENT);
        }
      else if (i == 2)
        {
          /* A small page: the roadmap may need more than one. */
          select_row (dialog, "format_row", KOERS_EXPORT_PDF);
          select_row (dialog, "size_row", 3);
        }
      else if (i == 3)
        select_row (dialog, "format_row", 3);
      else if (i == 4)
        {
          /* A dark slide in a dark window keeps its edge. */
          adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
          select_row (dialog, "theme_row", 1);
        }

      gtk_window_present (GTK_WINDOW (dialog));
      wait_for_preview (dialog);
      wait_ms (500);

      width = gtk_widget_get_width (GTK_WIDGET (dialog));
      height = gtk_widget_get_height (GTK_WIDGET (dialog));
      paintable = gtk_widget_paintable_new (GTK_WIDGET (dialog));
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      renderer = gtk_native_get_renderer (GTK_NATIVE (dialog));
      texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
      path = g_strdup_printf ("%s/export-dialog-%u.png", dir, i);
      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("saved %s", path);

      destroy_dialog (dialog);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static const SameBytesCase cases[] = {
  { NULL, KOERS_EXPORT_PNG, 1920, 1080, 2, FALSE, KOERS_BACKGROUND_THEME },
  { NULL, KOERS_EXPORT_PNG, 1280, 720, 1, TRUE, KOERS_BACKGROUND_TRANSPARENT },
  { NULL, KOERS_EXPORT_SVG, 1024, 768, 2, FALSE, KOERS_BACKGROUND_WHITE },
  { NULL, KOERS_EXPORT_PDF, 842, 595, 2, TRUE, KOERS_BACKGROUND_THEME },
  { "pyramid", KOERS_EXPORT_PNG, 1920, 1080, 1, FALSE, KOERS_BACKGROUND_WHITE },
  { "learning-curve", KOERS_EXPORT_SVG, 1280, 720, 2, TRUE, KOERS_BACKGROUND_THEME },
  { "strategy-model", KOERS_EXPORT_PDF, 1920, 1080, 2, FALSE, KOERS_BACKGROUND_TRANSPARENT },
};

static const PackageCase package_cases[] = {
  { 3, "odp", "application/vnd.oasis.opendocument.presentation", "content.xml" },
  { 4, "pptx", NULL, "ppt/presentation.xml" },
  { 5, "ods", "application/vnd.oasis.opendocument.spreadsheet", "content.xml" },
  { 6, "xlsx", NULL, "xl/workbook.xml" },
};

static const SameBytesCase preview_cases[] = {
  { NULL, KOERS_EXPORT_PNG, 1280, 720, 1, FALSE, KOERS_BACKGROUND_THEME },
  { NULL, KOERS_EXPORT_PNG, 1024, 768, 1, TRUE, KOERS_BACKGROUND_THEME },
  { "pyramid", KOERS_EXPORT_PNG, 1920, 1080, 1, FALSE, KOERS_BACKGROUND_WHITE },
  { "strategy-model", KOERS_EXPORT_PNG, 1280, 720, 1, TRUE, KOERS_BACKGROUND_THEME },
};

int
main (int   argc,
      char *argv[])
{
  const char *data_dir;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  ui_test_own_display ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  data_dir = g_getenv ("KOERS_DATA_DIR");
  g_assert_nonnull (data_dir);
  project_path = g_build_filename (data_dir, "examples", "woonstichting.koers", NULL);
  file = g_file_new_for_path (project_path);
  project = koers_project_load_from_file (NULL, file, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/export-dialog/defaults", test_defaults);
  g_test_add_func ("/ui/export-dialog/model-id", test_model_id);
  g_test_add_func ("/ui/export-dialog/show-others", test_show_others);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const SameBytesCase *c = &cases[i];
      g_autofree char *path =
        g_strdup_printf ("/ui/export-dialog/same-bytes-as-cli/%s/%s-%.0fx%.0f",
                         c->model_id ? c->model_id : "roadmap", format_extension (c->format),
                         c->width, c->height);

      g_test_add_data_func (path, c, test_same_bytes);
    }
  for (guint i = 0; i < G_N_ELEMENTS (package_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/export-dialog/package/%s", package_cases[i].extension);

      g_test_add_data_func (path, &package_cases[i], test_package);
    }
  for (guint i = 0; i < G_N_ELEMENTS (preview_cases); i++)
    {
      const SameBytesCase *c = &preview_cases[i];
      g_autofree char *path =
        g_strdup_printf ("/ui/export-dialog/preview-is-export/%s/%s", c->model_id ? c->model_id : "roadmap",
                         c->dark ? "dark" : "light");

      g_test_add_data_func (path, c, test_preview_is_export);
    }
  g_test_add_func ("/ui/export-dialog/transparent-warning", test_transparent_warning);
  g_test_add_func ("/ui/export-dialog/refuses-target", test_refuses_target);
  g_test_add_func ("/ui/export-dialog/failure", test_failure);
  g_test_add_func ("/ui/export-dialog/remembers", test_remembers);
  g_test_add_func ("/ui/export-dialog/remembers-only-exports", test_remembers_only_exports);
  g_test_add_func ("/ui/export-dialog/dark-frame", test_dark_frame);
  g_test_add_func ("/ui/export-dialog/screenshot", test_screenshot);
  g_test_add_func ("/ui/file-chooser/cancel", test_chooser_cancel);

  status = g_test_run ();
  g_clear_object (&project);
  g_free (project_path);
  return status;
}
