/* test-export-dialog.c: the dialog writes what the command line writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "koers-export-dialog.h"
#include "koers-file-chooser.h"
#include "koers-project.h"
#include "koers-slide.h"
#include "koers-test-util.h"

static KoersProject *project;
static char *project_path;

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

static KoersExportDialog *
new_dialog (const char *model_id)
{
  KoersExportDialog *dialog = koers_export_dialog_new (NULL, project, model_id);

  g_assert_true (KOERS_IS_EXPORT_DIALOG (dialog));
  return dialog;
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
  gtk_window_destroy (GTK_WINDOW (dialog));
  while (alive != NULL && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  if (alive != NULL)
    g_error ("the export dialog is still referenced %u times after it was destroyed",
             G_OBJECT (alive)->ref_count);
}

/* Without a schema, or with the schema's defaults, the dialog starts where
 * the command line starts. */
static void
test_defaults (void)
{
  KoersExportDialog *dialog = new_dialog (NULL);
  KoersExportOptions options, cli;
  g_autofree char *name = NULL;

  koers_export_dialog_get_options (dialog, &options);
  koers_export_options_init (&cli);

  g_assert_cmpint (options.format, ==, KOERS_EXPORT_PNG);
  g_assert_cmpfloat (options.width, ==, cli.width);
  g_assert_cmpfloat (options.height, ==, cli.height);
  g_assert_cmpfloat (options.scale, ==, cli.scale);
  g_assert_false (options.render.dark);
  g_assert_cmpint (options.render.background, ==, KOERS_BACKGROUND_THEME);
  g_assert_cmpuint (options.page, ==, 1);
  g_assert_null (options.date);
  g_assert_null (koers_export_dialog_get_model_id (dialog));

  /* A picture holds one slide: when the plan takes more, the name says
   * which. */
  {
    g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
    g_autoptr(KoersSlide) slide = koers_slide_new (project, roadmap, options.width, options.height,
                                                   &options.render, NULL);

    name = koers_export_dialog_dup_suggested_name (dialog);
    g_assert_cmpstr (name, ==, koers_slide_get_n_pages (slide) > 1 ? "Woonstichting Rivierenland roadmap 1.png"
                                                                   : "Woonstichting Rivierenland roadmap.png");
  }

  destroy_dialog (dialog);
}

static void
test_options (void)
{
  KoersExportDialog *dialog = new_dialog ("pyramid");
  KoersExportOptions options, read;
  g_autofree char *name = NULL;

  g_assert_cmpstr (koers_export_dialog_get_model_id (dialog), ==, "pyramid");

  koers_export_options_init (&options);
  options.format = KOERS_EXPORT_SVG;
  options.width = 842;
  options.height = 595;
  options.scale = 3;
  options.render.dark = TRUE;
  options.render.background = KOERS_BACKGROUND_TRANSPARENT;
  koers_export_dialog_set_options (dialog, &options);

  koers_export_dialog_get_options (dialog, &read);
  g_assert_cmpint (read.format, ==, KOERS_EXPORT_SVG);
  g_assert_cmpfloat (read.width, ==, 842);
  g_assert_cmpfloat (read.height, ==, 595);
  g_assert_cmpfloat (read.scale, ==, 3);
  g_assert_true (read.render.dark);
  g_assert_cmpint (read.render.background, ==, KOERS_BACKGROUND_TRANSPARENT);
  g_assert_cmpuint (read.page, ==, 1);
  g_assert_null (read.date);

  name = koers_export_dialog_dup_suggested_name (dialog);
  g_assert_true (g_str_has_prefix (name, "Woonstichting Rivierenland "));
  g_assert_true (g_str_has_suffix (name, ".svg"));
  g_clear_pointer (&name, g_free);

  g_object_set (dialog, "model-id", NULL, NULL);
  g_assert_null (koers_export_dialog_get_model_id (dialog));
  options.format = KOERS_EXPORT_PDF;
  koers_export_dialog_set_options (dialog, &options);
  name = koers_export_dialog_dup_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "Woonstichting Rivierenland roadmap.pdf");

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
  g_autoptr(GFile) exported = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GError) error = NULL;

  koers_export_options_init (&options);
  options.format = c->format;
  options.width = c->width;
  options.height = c->height;
  options.scale = c->scale;
  options.render.dark = c->dark;
  options.render.background = c->background;
  koers_export_dialog_set_options (dialog, &options);
  koers_export_dialog_get_options (dialog, &options);

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  path = g_strdup_printf ("%s/dialog.%s", dir, format_extension (c->format));
  file = g_file_new_for_path (path);
  g_assert_true (koers_export_dialog_export_to_file (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (exported != NULL && g_file_equal (exported, file));
  g_assert_null (shown_error (dialog));

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
  g_autoptr(GFile) exported = NULL;
  g_autoptr(GError) error = NULL;
  KoersExportDialog *dialog = new_dialog (NULL);
  KoersExportOptions before, after;
  const char *message;

  g_assert_cmpint (g_mkdir (gone, 0755), ==, 0);
  g_assert_cmpint (g_rmdir (gone), ==, 0);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  koers_export_dialog_get_options (dialog, &before);

  g_assert_false (koers_export_dialog_export_to_file (dialog, gone_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (exported);

  message = shown_error (dialog);
  g_test_message ("shown: %s", message);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "roadmap.png"));
  g_assert_nonnull (strstr (message, gone));
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));

  koers_export_dialog_get_options (dialog, &after);
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);

  g_assert_true (koers_export_dialog_export_to_file (dialog, good_file, &error));
  g_assert_no_error (error);
  g_assert_true (exported != NULL && g_file_equal (exported, good_file));
  g_assert_null (shown_error (dialog));
  g_assert_true (g_file_test (good_path, G_FILE_TEST_IS_REGULAR));

  destroy_dialog (dialog);
  koers_test_remove_tree (dir);
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (koers_export_dialog_export_to_file_finish (KOERS_EXPORT_DIALOG (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* The Export button's path: drawn and written in a worker thread, the
 * same bytes as the direct path. */
static void
test_async (void)
{
  g_autofree char *dir = koers_test_make_dir ("koers-export");
  g_autofree char *sync_path = g_build_filename (dir, "sync.png", NULL);
  g_autofree char *async_path = g_build_filename (dir, "async.png", NULL);
  g_autoptr(GFile) sync_file = g_file_new_for_path (sync_path);
  g_autoptr(GFile) async_file = g_file_new_for_path (async_path);
  g_autoptr(GFile) exported = NULL;
  g_autoptr(GBytes) sync_bytes = NULL;
  g_autoptr(GBytes) async_bytes = NULL;
  g_autoptr(GError) error = NULL;
  KoersExportDialog *dialog = new_dialog ("maturity-matrix");
  gboolean done = FALSE;

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  g_assert_true (koers_export_dialog_export_to_file (dialog, sync_file, &error));
  g_assert_no_error (error);

  koers_export_dialog_export_to_file_async (dialog, async_file, NULL, async_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (exported != NULL && g_file_equal (exported, async_file));

  sync_bytes = read_bytes (sync_file);
  async_bytes = read_bytes (async_file);
  g_assert_true (g_bytes_equal (sync_bytes, async_bytes));

  destroy_dialog (dialog);
  koers_test_remove_tree (dir);
}

/* The last options come back in the next dialog, when the schema is there. */
static void
test_remembers (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  KoersExportDialog *dialog;
  KoersExportOptions options, read;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.koersapp.Koers", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "export-format"))
    {
      g_test_skip ("the GSettings schema is not compiled in GSETTINGS_SCHEMA_DIR");
      return;
    }

  dir = koers_test_make_dir ("koers-export");
  path = g_build_filename (dir, "roadmap.pdf", NULL);
  file = g_file_new_for_path (path);

  dialog = new_dialog (NULL);
  koers_export_options_init (&options);
  options.format = KOERS_EXPORT_PDF;
  options.width = 1024;
  options.height = 768;
  options.scale = 4;
  options.render.dark = TRUE;
  options.render.background = KOERS_BACKGROUND_WHITE;
  koers_export_dialog_set_options (dialog, &options);
  g_assert_true (koers_export_dialog_export_to_file (dialog, file, &error));
  g_assert_no_error (error);
  destroy_dialog (dialog);

  dialog = new_dialog (NULL);
  koers_export_dialog_get_options (dialog, &read);
  g_assert_cmpint (read.format, ==, KOERS_EXPORT_PDF);
  g_assert_cmpfloat (read.width, ==, 1024);
  g_assert_cmpfloat (read.height, ==, 768);
  g_assert_cmpfloat (read.scale, ==, 4);
  g_assert_true (read.render.dark);
  g_assert_cmpint (read.render.background, ==, KOERS_BACKGROUND_WHITE);
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
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *format = NULL;
  KoersExportDialog *dialog;
  KoersExportOptions options, read;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.koersapp.Koers", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "export-size"))
    {
      g_test_skip ("the GSettings schema is not compiled in GSETTINGS_SCHEMA_DIR");
      return;
    }
  settings = g_settings_new_full (schema, NULL, NULL);

  dialog = new_dialog (NULL);
  koers_export_dialog_get_options (dialog, &options);
  options.format = KOERS_EXPORT_SVG;
  options.width = 1280;
  options.height = 720;
  koers_export_dialog_set_options (dialog, &options);
  destroy_dialog (dialog);
  format = g_settings_get_string (settings, "export-format");
  g_assert_cmpstr (format, ==, "png");

  g_settings_set_string (settings, "export-size", "1000x1000");
  g_settings_set_int (settings, "export-scale", 3);
  dialog = new_dialog (NULL);
  koers_export_dialog_get_options (dialog, &read);
  g_assert_cmpint (read.format, ==, KOERS_EXPORT_PNG);
  g_assert_cmpfloat (read.width, ==, 1920);
  g_assert_cmpfloat (read.height, ==, 1080);
  g_assert_cmpfloat (read.scale, ==, 3);
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

/* With KOERS_SCREENSHOT_DIR set, saves the dialog as PNGs to look at. */
static void
test_screenshot (void)
{
  const char *dir = g_getenv ("KOERS_SCREENSHOT_DIR");
  const char *cases[] = { NULL, "pyramid", NULL };

  if (dir == NULL)
    {
      g_test_skip ("set KOERS_SCREENSHOT_DIR to save screenshots");
      return;
    }

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
          KoersExportOptions options;

          koers_export_dialog_get_options (dialog, &options);
          options.render.dark = TRUE;
          options.render.background = KOERS_BACKGROUND_TRANSPARENT;
          koers_export_dialog_set_options (dialog, &options);
        }
      else if (i == 2)
        {
          KoersExportOptions options;

          /* A small page: the roadmap may need more than one. */
          koers_export_dialog_get_options (dialog, &options);
          options.format = KOERS_EXPORT_PDF;
          options.width = 842;
          options.height = 595;
          koers_export_dialog_set_options (dialog, &options);
        }

      gtk_window_present (GTK_WINDOW (dialog));
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

      gtk_window_destroy (GTK_WINDOW (dialog));
    }
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

int
main (int   argc,
      char *argv[])
{
  const char *data_dir;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  data_dir = g_getenv ("KOERS_DATA_DIR");
  g_assert_nonnull (data_dir);
  project_path = g_build_filename (data_dir, "examples", "woonstichting.koers", NULL);
  file = g_file_new_for_path (project_path);
  project = koers_project_load_from_file (NULL, file, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/export-dialog/defaults", test_defaults);
  g_test_add_func ("/ui/export-dialog/options", test_options);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const SameBytesCase *c = &cases[i];
      g_autofree char *path =
        g_strdup_printf ("/ui/export-dialog/same-bytes-as-cli/%s/%s-%.0fx%.0f",
                         c->model_id ? c->model_id : "roadmap", format_extension (c->format),
                         c->width, c->height);

      g_test_add_data_func (path, c, test_same_bytes);
    }
  g_test_add_func ("/ui/export-dialog/failure", test_failure);
  g_test_add_func ("/ui/export-dialog/async", test_async);
  g_test_add_func ("/ui/export-dialog/remembers", test_remembers);
  g_test_add_func ("/ui/export-dialog/remembers-only-exports", test_remembers_only_exports);
  g_test_add_func ("/ui/export-dialog/screenshot", test_screenshot);
  g_test_add_func ("/ui/file-chooser/cancel", test_chooser_cancel);

  status = g_test_run ();
  g_clear_object (&project);
  g_free (project_path);
  return status;
}
