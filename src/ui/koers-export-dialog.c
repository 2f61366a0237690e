/* koers-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog's type, its options and the settings that remember them; the
 * preview and the export itself live in koers-export-dialog-{preview,export}.c.
 */
#define G_LOG_DOMAIN "koers-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-a11y.h"
#include "koers-export-dialog-private.h"

#define SETTINGS_SCHEMA_ID "io.github.koersapp.Koers"

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_PROJECT_FILE,
  PROP_MODEL_ID,
  N_PROPS
};

enum {
  EXPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KoersExportDialog, koers_export_dialog, ADW_TYPE_WINDOW)

typedef struct {
  double      width;
  double      height;
  const char *label;
} SizePreset;

static const SizePreset size_presets[] = {
  { 1920, 1080, N_("16:9, 1920 × 1080") },
  { 1280,  720, N_("16:9, 1280 × 720") },
  { 1024,  768, N_("4:3, 1024 × 768") },
  {  842,  595, N_("A4 landscape") },
};

/* The words the command line uses, also what GSettings stores. */
static const char * const format_nicks[] = { "png", "svg", "pdf", "odp", "pptx", "ods", "xlsx", NULL };
static const char * const theme_nicks[] = { "light", "dark", NULL };
static const char * const background_nicks[] = { "theme", "white", "transparent", NULL };

/* --- settings ------------------------------------------------------------ */

/* The schema stores the command line's words ("png", "dark"); the rows
 * show them in the same order. A word the schema does not know (an older
 * dconf database) is refused, and GSettings falls back to the default. */
static gboolean
get_nick_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_strcmp0 (nick, nicks[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
set_nick_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[selected]);
}

/* "1920x1080", as --size= writes it, to the row of that preset. */
static gboolean
get_size_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  double width, height;

  if (!koers_parse_size (g_variant_get_string (variant, NULL), &width, &height))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (size_presets); i++)
    if (size_presets[i].width == width && size_presets[i].height == height)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
set_size_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  guint selected = g_value_get_uint (value);
  g_autofree char *text = NULL;

  if (selected >= G_N_ELEMENTS (size_presets))
    return NULL;
  text = g_strdup_printf ("%.0fx%.0f", size_presets[selected].width, size_presets[selected].height);
  return g_variant_new_string (text);
}

/* The scale row lists 1× to 4×: its position is the scale less one. */
static gboolean
get_scale_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  int scale = g_variant_get_int32 (variant);

  if (scale < 1 || scale > 4)
    return FALSE;
  g_value_set_uint (value, scale - 1);
  return TRUE;
}

static GVariant *
set_scale_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected > 3)
    return NULL;
  return g_variant_new_int32 (selected + 1);
}

/* Binds a row to its key. The settings are read once, when the dialog
 * opens, and written only by g_settings_apply() after an export worked:
 * options tried and abandoned are not remembered. */
static void
bind_row (KoersExportDialog           *self,
          const char                  *key,
          AdwComboRow                 *row,
          GSettingsBindGetMapping      get_mapping,
          GSettingsBindSetMapping      set_mapping,
          gconstpointer                user_data)
{
  /* A schema of an older Koers may lack the key: the row's default does. */
  if (!g_settings_schema_has_key (self->schema, key))
    return;
  g_settings_bind_with_mapping (self->settings, key, row, "selected",
                                G_SETTINGS_BIND_GET | G_SETTINGS_BIND_SET |
                                G_SETTINGS_BIND_GET_NO_CHANGES | G_SETTINGS_BIND_NO_SENSITIVITY,
                                get_mapping, set_mapping, (gpointer) user_data, NULL);
}

static void
bind_settings (KoersExportDialog *self)
{
  g_autofree char *folder = NULL;

  g_settings_delay (self->settings);
  bind_row (self, "export-format", self->format_row, get_nick_mapping, set_nick_mapping, format_nicks);
  bind_row (self, "export-size", self->size_row, get_size_mapping, set_size_mapping, NULL);
  bind_row (self, "export-scale", self->scale_row, get_scale_mapping, set_scale_mapping, NULL);
  bind_row (self, "export-theme", self->theme_row, get_nick_mapping, set_nick_mapping, theme_nicks);
  bind_row (self, "export-background", self->background_row, get_nick_mapping, set_nick_mapping, background_nicks);

  if (!g_settings_schema_has_key (self->schema, "last-folder"))
    return;
  folder = g_settings_get_string (self->settings, "last-folder");
  /* A URI, as the schema says; a path works too. */
  if (*folder != '\0')
    self->last_folder = g_file_new_for_commandline_arg (folder);
}

/* After an export worked: the options as they are now, and its folder. */
void
_koers_export_dialog_remember_options (KoersExportDialog *self)
{
  if (self->settings == NULL)
    return;

  if (self->last_folder != NULL && g_settings_schema_has_key (self->schema, "last-folder"))
    {
      /* A URI, as the schema says. */
      g_autofree char *uri = g_file_get_uri (self->last_folder);

      g_settings_set_string (self->settings, "last-folder", uri);
    }
  g_settings_apply (self->settings);
}

/* --- state --------------------------------------------------------------- */

KoersExportKind
_koers_export_dialog_get_kind (KoersExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return selected < KOERS_EXPORT_N_KINDS ? selected : KOERS_EXPORT_KIND_PNG;
}

/* Maps what the dialog shows to the exporter's options, exactly as the
 * command line maps its options: the date is %NULL (today), and a PDF
 * always starts at page 1 because it holds every page. A presentation
 * only takes the theme; a spreadsheet nothing. */
void
_koers_export_dialog_read_options (KoersExportDialog  *self,
                                   KoersExportOptions *options)
{
  KoersExportKind kind = _koers_export_dialog_get_kind (self);
  const SizePreset *preset;
  guint size;

  koers_export_options_init (options);

  options->format = KIND_IS_PICTURE (kind) ? (KoersExportFormat) kind : KOERS_EXPORT_PNG;
  size = adw_combo_row_get_selected (self->size_row);
  preset = &size_presets[size < G_N_ELEMENTS (size_presets) ? size : 0];
  options->width = preset->width;
  options->height = preset->height;
  options->scale = adw_combo_row_get_selected (self->scale_row) + 1;
  options->render.dark = adw_combo_row_get_selected (self->theme_row) == 1;
  options->render.background = MIN (adw_combo_row_get_selected (self->background_row),
                                    KOERS_BACKGROUND_TRANSPARENT);
  if (options->format != KOERS_EXPORT_PDF && self->model_id == NULL)
    options->page = _koers_export_dialog_get_preview_page (self);
  else
    options->page = 1;
  options->date = NULL;
  /* The diagram shows what the canvas shows. */
  if (self->settings != NULL && g_settings_schema_has_key (self->schema, "show-others"))
    options->hide_others = !g_settings_get_boolean (self->settings, "show-others");
}

/* A file name for the export, like "Woonstichting Rivierenland
 * roadmap.png"; never one with a folder in it. */
char *
_koers_export_dialog_dup_suggested_name (KoersExportDialog *self)
{
  KoersExportKind kind = _koers_export_dialog_get_kind (self);
  const char *extension = format_nicks[kind];
  const char *organisation;
  g_autofree char *name = NULL;

  organisation = koers_project_get_organisation_name (self->project);
  if (organisation == NULL || *organisation == '\0')
    organisation = _("Koers");

  if (KIND_IS_DECK (kind))
    /* TRANSLATORS: a file name, "Woonstichting Rivierenland presentation.odp" */
    name = g_strdup_printf (_("%s presentation.%s"), organisation, extension);
  else if (self->model_id != NULL && KIND_IS_PICTURE (kind))
    {
      KoersModel *model = koers_catalog_lookup (koers_project_get_catalog (self->project), self->model_id);

      /* TRANSLATORS: a file name, "Woonstichting Rivierenland pyramid.png" */
      name = g_strdup_printf (C_("file name", "%s %s.%s"), organisation,
                              model ? koers_model_get_short_name (model) : self->model_id, extension);
    }
  else if (self->n_pages > 1 && KIND_IS_PICTURE (kind) && kind != KOERS_EXPORT_KIND_PDF)
    /* TRANSLATORS: a file name, "Woonstichting Rivierenland roadmap 2.png" */
    name = g_strdup_printf (_("%s roadmap %u.%s"), organisation,
                            _koers_export_dialog_get_preview_page (self), extension);
  else
    /* TRANSLATORS: a file name, "Woonstichting Rivierenland roadmap.png" */
    name = g_strdup_printf (_("%s roadmap.%s"), organisation, extension);

  /* An organisation "Sales/Marketing" must not become a folder. */
  return g_strdelimit (g_steal_pointer (&name), "/\\", '-');
}

void
_koers_export_dialog_show_error (KoersExportDialog *self,
                                 const char        *message)
{
  /* An export may finish after the dialog was closed. */
  if (self->error_label == NULL)
    return;

  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

guint
_koers_export_dialog_get_preview_page (KoersExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->page_row);

  return selected == GTK_INVALID_LIST_POSITION ? 1 : MIN (selected + 1, MAX (self->n_pages, 1));
}

/* The page row, once the layout says how many pages there are. */
void
_koers_export_dialog_update_pages (KoersExportDialog *self)
{
  g_autoptr(GtkStringList) pages = gtk_string_list_new (NULL);
  KoersExportKind kind = _koers_export_dialog_get_kind (self);
  guint selected = adw_combo_row_get_selected (self->page_row);
  gboolean updating = self->updating;

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;

  for (guint i = 1; i <= self->n_pages; i++)
    {
      /* TRANSLATORS: a page of the roadmap slides, "2 of 3" */
      g_autofree char *label = g_strdup_printf (_("%u of %u"), i, self->n_pages);

      gtk_string_list_append (pages, label);
    }
  self->updating = TRUE;
  adw_combo_row_set_model (self->page_row, G_LIST_MODEL (pages));
  adw_combo_row_set_selected (self->page_row, MIN (selected, self->n_pages > 0 ? self->n_pages - 1 : 0));
  self->updating = updating;

  gtk_widget_set_visible (GTK_WIDGET (self->page_row),
                          self->model_id == NULL && KIND_IS_PICTURE (kind) && self->n_pages > 1);
  if (kind == KOERS_EXPORT_KIND_PDF)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->page_row),
                                 _("Shown in the preview; the PDF holds every page"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->page_row),
                                 _("One page per file"));
}

/* A see-through page keeps the theme's text colours: dark headings
 * vanish on a dark or coloured slide, light ones on a white slide. */
static void
update_warning (KoersExportDialog *self,
                KoersExportKind    kind)
{
  gboolean dark = adw_combo_row_get_selected (self->theme_row) == 1;
  gboolean transparent = adw_combo_row_get_selected (self->background_row) == KOERS_BACKGROUND_TRANSPARENT;

  gtk_widget_set_visible (GTK_WIDGET (self->warning_row), KIND_IS_PICTURE (kind) && transparent);
  if (dark)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->warning_row),
                                     _("Light text on a see-through page"));
      adw_action_row_set_subtitle (self->warning_row,
                                   _("The headings will hardly show on a white or light slide. "
                                     "Choose the light theme for a light slide."));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->warning_row),
                                     _("Dark text on a see-through page"));
      adw_action_row_set_subtitle (self->warning_row,
                                   _("The headings will hardly show on a dark or coloured slide. "
                                     "Choose the dark theme for a dark slide."));
    }
}

static void
update_rows (KoersExportDialog *self)
{
  KoersExportKind kind = _koers_export_dialog_get_kind (self);
  guint size = adw_combo_row_get_selected (self->size_row);
  const SizePreset *preset = &size_presets[size < G_N_ELEMENTS (size_presets) ? size : 0];
  guint scale = adw_combo_row_get_selected (self->scale_row) + 1;
  g_autofree char *pixels = NULL;
  const char *subtitle;

  /* A presentation holds every model and the roadmap; a spreadsheet is
   * the roadmap: neither chooses what, nor a page's size or background. */
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->what_row), ADW_TYPE_PREFERENCES_GROUP),
                          KIND_IS_PICTURE (kind));
  gtk_widget_set_visible (GTK_WIDGET (self->size_row), KIND_IS_PICTURE (kind));
  gtk_widget_set_visible (GTK_WIDGET (self->scale_row), kind == KOERS_EXPORT_KIND_PNG);
  gtk_widget_set_visible (GTK_WIDGET (self->theme_row), !KIND_IS_SPREADSHEET (kind));
  gtk_widget_set_visible (GTK_WIDGET (self->background_row), KIND_IS_PICTURE (kind));
  /* TRANSLATORS: the size of the PNG image, "3840 × 2160 pixels" */
  pixels = g_strdup_printf (_("%.0f × %.0f pixels"), preset->width * scale, preset->height * scale);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scale_row), pixels);

  switch (kind)
    {
    case KOERS_EXPORT_KIND_SVG:
      subtitle = _("Sharp at any size; for editing in Inkscape or Illustrator");
      break;
    case KOERS_EXPORT_KIND_PDF:
      subtitle = _("For printing and handing out");
      break;
    case KOERS_EXPORT_KIND_ODP:
      subtitle = _("Editable slides for LibreOffice Impress");
      break;
    case KOERS_EXPORT_KIND_PPTX:
      subtitle = _("Editable slides for PowerPoint");
      break;
    case KOERS_EXPORT_KIND_ODS:
      subtitle = _("The roadmap for LibreOffice Calc");
      break;
    case KOERS_EXPORT_KIND_XLSX:
      subtitle = _("The roadmap for Excel");
      break;
    case KOERS_EXPORT_KIND_PNG:
    default:
      subtitle = _("For slides, documents and social media");
      break;
    }
  /* Under the group's title, not under the row's: there it took the
   * room of the format's own name ("PPTX pres…"). */
  adw_preferences_group_set_description (self->file_group, subtitle);

  update_warning (self, kind);
  _koers_export_dialog_update_pages (self);
}

static void
options_changed (KoersExportDialog *self,
                 gboolean           layout)
{
  if (self->updating || !self->constructed)
    return;

  self->updating = TRUE;
  update_rows (self);
  self->updating = FALSE;

  _koers_export_dialog_update_preview (self, layout);
}

static void
layout_option_changed_cb (KoersExportDialog *self)
{
  options_changed (self, TRUE);
}

static void
option_changed_cb (KoersExportDialog *self)
{
  options_changed (self, FALSE);
}

static void
what_changed_cb (KoersExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->what_row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION || selected >= self->what_ids->len)
    return;

  g_free (self->model_id);
  self->model_id = g_strdup (g_ptr_array_index (self->what_ids, selected));
  options_changed (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL_ID]);
}

static void
fill_what_row (KoersExportDialog *self)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  KoersCatalog *catalog = koers_project_get_catalog (self->project);
  guint selected = 0;

  g_ptr_array_set_size (self->what_ids, 0);
  gtk_string_list_append (items, _("Roadmap slides"));
  g_ptr_array_add (self->what_ids, NULL);

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, i);
      /* TRANSLATORS: an export choice, "Diagram: Learning Curve" */
      g_autofree char *label = g_strdup_printf (_("Diagram: %s"), koers_model_get_short_name (model));

      if (g_strcmp0 (koers_model_get_id (model), self->model_id) == 0)
        selected = self->what_ids->len;
      gtk_string_list_append (items, label);
      g_ptr_array_add (self->what_ids, g_strdup (koers_model_get_id (model)));
    }

  /* An unknown model exports the roadmap rather than nothing. */
  if (selected == 0)
    g_clear_pointer (&self->model_id, g_free);

  adw_combo_row_set_model (self->what_row, G_LIST_MODEL (items));
  adw_combo_row_set_selected (self->what_row, selected);
}

/* --- GObject ------------------------------------------------------------- */

static void
koers_export_dialog_constructed (GObject *object)
{
  KoersExportDialog *self = KOERS_EXPORT_DIALOG (object);

  G_OBJECT_CLASS (koers_export_dialog_parent_class)->constructed (object);

  g_return_if_fail (KOERS_IS_PROJECT (self->project));

  /* The only work on the project here: the workers lay out and draw
   * from these bytes, as the command line does from a file. */
  self->project_bytes = koers_project_to_bytes (self->project);

  self->updating = TRUE;
  fill_what_row (self);
  self->updating = FALSE;

  self->constructed = TRUE;
  options_changed (self, TRUE);
}

static void
koers_export_dialog_dispose (GObject *object)
{
  KoersExportDialog *self = KOERS_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  _koers_export_dialog_stop_preview (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_EXPORT_DIALOG);

  g_clear_object (&self->project);
  g_clear_object (&self->project_file);
  g_clear_pointer (&self->project_bytes, g_bytes_unref);
  g_clear_pointer (&self->page_textures, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->schema, g_settings_schema_unref);
  g_clear_object (&self->last_folder);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (koers_export_dialog_parent_class)->dispose (object);
}

static void
koers_export_dialog_finalize (GObject *object)
{
  KoersExportDialog *self = KOERS_EXPORT_DIALOG (object);

  g_clear_pointer (&self->model_id, g_free);
  g_clear_pointer (&self->what_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_export_dialog_parent_class)->finalize (object);
}

static void
koers_export_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KoersExportDialog *self = KOERS_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_PROJECT_FILE:
      g_value_set_object (value, self->project_file);
      break;

    case PROP_MODEL_ID:
      g_value_set_string (value, self->model_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Selects @model_id (%NULL: the roadmap) in the "what" row, which then
 * updates the dialog. */
static void
select_model (KoersExportDialog *self,
              const char        *model_id)
{
  for (guint i = 0; i < self->what_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->what_ids, i), model_id) == 0)
      {
        adw_combo_row_set_selected (self->what_row, i);
        return;
      }

  g_warning ("No model “%s” to export", model_id);
}

static void
koers_export_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KoersExportDialog *self = KOERS_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;

    case PROP_PROJECT_FILE:
      self->project_file = g_value_dup_object (value);
      break;

    case PROP_MODEL_ID:
      /* While constructing: the first thing shown, so that a diagram
       * export never lays out the roadmap first. */
      if (!self->constructed)
        self->model_id = g_value_dup_string (value);
      else
        select_model (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_export_dialog_class_init (KoersExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = koers_export_dialog_constructed;
  object_class->dispose = koers_export_dialog_dispose;
  object_class->finalize = koers_export_dialog_finalize;
  object_class->get_property = koers_export_dialog_get_property;
  object_class->set_property = koers_export_dialog_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         KOERS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KoersExportDialog:project-file:
   *
   * The file the project was read from, or %NULL: an export never
   * overwrites it.
   */
  properties[PROP_PROJECT_FILE] =
    g_param_spec_object ("project-file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KoersExportDialog:model-id:
   *
   * The model whose diagram is exported, or %NULL for the roadmap.
   */
  properties[PROP_MODEL_ID] =
    g_param_spec_string ("model-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KoersExportDialog::exported:
   * @self: the dialog
   * @file: the file written
   *
   * Emitted after a file was written, so the window can say where it went
   * (a toast with an Open button).
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/koers-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KoersExportDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, KoersExportDialog, preview_frame);
  gtk_widget_class_bind_template_child (widget_class, KoersExportDialog, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, KoersExportDialog, document_page);
  gtk_widget_class_bind_template_child (widget_class, KoersExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, KoersExportDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, KoersExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KoersExportDialog, what_row);
  gtk_widget_class_bind_template_child (widget_class, KoersExportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, KoersExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, KoersExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, KoersExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, KoersExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, KoersExportDialog, background_row);
  gtk_widget_class_bind_template_child (widget_class, KoersExportDialog, page_row);
  gtk_widget_class_bind_template_child (widget_class, KoersExportDialog, warning_row);

  _koers_export_dialog_class_export_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
koers_export_dialog_init (KoersExportDialog *self)
{
  GSettingsSchemaSource *source;
  g_autoptr(GtkStringList) sizes = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  koers_a11y_name_controls (GTK_WIDGET (self));

  self->what_ids = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  self->n_pages = 1;

  /* Without the schema (a test, an uninstalled build) the defaults do. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    self->schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (size_presets); i++)
    gtk_string_list_append (sizes, _(size_presets[i].label));
  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (sizes));
  adw_combo_row_set_selected (self->scale_row, 1);

  if (self->schema != NULL)
    {
      self->settings = g_settings_new_full (self->schema, NULL, NULL);
      bind_settings (self);
    }

  g_signal_connect_swapped (self->what_row, "notify::selected", G_CALLBACK (what_changed_cb), self);
  /* PNG, SVG and PDF draw the same pages: a new format needs no layout. */
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (option_changed_cb), self);
  g_signal_connect_swapped (self->scale_row, "notify::selected", G_CALLBACK (option_changed_cb), self);
  g_signal_connect_swapped (self->page_row, "notify::selected", G_CALLBACK (option_changed_cb), self);
  g_signal_connect_swapped (self->size_row, "notify::selected", G_CALLBACK (layout_option_changed_cb), self);
  g_signal_connect_swapped (self->theme_row, "notify::selected", G_CALLBACK (layout_option_changed_cb), self);
  g_signal_connect_swapped (self->background_row, "notify::selected", G_CALLBACK (layout_option_changed_cb), self);
}

/* --- private API --------------------------------------------------------- */

void
_koers_export_dialog_exported (KoersExportDialog *self,
                               GFile             *file)
{
  g_signal_emit (self, signals[EXPORTED], 0, file);
}

/* --- public API ---------------------------------------------------------- */

/**
 * koers_export_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @project: the project to export
 * @project_file: (nullable): the file @project was read from, which no
 *   export may overwrite; %NULL for a project never saved
 * @model_id: (nullable): the model whose diagram to export first, or
 *   %NULL for the roadmap
 *
 * Returns: (transfer none): a modal dialog, owned by GTK like every
 *   window; present it
 */
KoersExportDialog *
koers_export_dialog_new (GtkWindow    *parent,
                         KoersProject *project,
                         GFile        *project_file,
                         const char   *model_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KOERS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (project_file == NULL || G_IS_FILE (project_file), NULL);

  return g_object_new (KOERS_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "project", project,
                       "project-file", project_file,
                       "model-id", model_id,
                       NULL);
}
