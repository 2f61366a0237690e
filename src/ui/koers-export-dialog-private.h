/* koers-export-dialog-private.h: the dialog's parts, shared by
 * koers-export-dialog.c (the options and the settings),
 * koers-export-dialog-preview.c (the page as it will be exported, laid out
 * in a worker thread) and koers-export-dialog-export.c (choosing the file
 * and writing it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koers-export-dialog.h"

G_BEGIN_DECLS

/* The format row's positions, in the order the row lists them; the
 * first three are KoersExportFormat's. */
typedef enum {
  KOERS_EXPORT_KIND_PNG,
  KOERS_EXPORT_KIND_SVG,
  KOERS_EXPORT_KIND_PDF,
  KOERS_EXPORT_KIND_ODP,
  KOERS_EXPORT_KIND_PPTX,
  KOERS_EXPORT_KIND_ODS,
  KOERS_EXPORT_KIND_XLSX,
  KOERS_EXPORT_N_KINDS
} KoersExportKind;

/* A picture of one page (PNG, SVG, PDF), a presentation or a spreadsheet. */
#define KIND_IS_PICTURE(kind)     ((kind) <= KOERS_EXPORT_KIND_PDF)
#define KIND_IS_DECK(kind)        ((kind) == KOERS_EXPORT_KIND_ODP || (kind) == KOERS_EXPORT_KIND_PPTX)
#define KIND_IS_SPREADSHEET(kind) ((kind) == KOERS_EXPORT_KIND_ODS || (kind) == KOERS_EXPORT_KIND_XLSX)

struct _KoersExportDialog
{
  AdwWindow             parent_instance;

  KoersProject         *project;
  GFile                *project_file;   /* NULL: never saved */
  GBytes               *project_bytes;  /* what the workers read, taken once */
  char                 *model_id;       /* NULL: the roadmap */
  GPtrArray            *what_ids;       /* what_row position → model id (NULL: roadmap) */
  GSettings            *settings;       /* NULL when the schema is not installed */
  GSettingsSchema      *schema;
  GFile                *last_folder;
  GCancellable         *cancellable;    /* the export; cancelled when the dialog closes */
  GCancellable         *preview_cancellable;
  GPtrArray            *page_textures;  /* the preview's pages, GdkTexture at scale 1 */
  guint                 n_pages;
  guint                 constructed : 1;
  guint                 updating : 1;
  guint                 busy : 1;

  /* Template widgets */
  GtkStack             *preview_stack;
  GtkAspectFrame       *preview_frame;
  GtkPicture           *preview_picture;
  AdwStatusPage        *document_page;
  GtkButton            *export_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwComboRow          *what_row;
  AdwPreferencesGroup  *file_group;
  AdwComboRow          *format_row;
  AdwComboRow          *size_row;
  AdwComboRow          *scale_row;
  AdwComboRow          *theme_row;
  AdwComboRow          *background_row;
  AdwComboRow          *page_row;
  AdwActionRow         *warning_row;
};

/* koers-export-dialog.c */
KoersExportKind _koers_export_dialog_get_kind          (KoersExportDialog  *self);
void     _koers_export_dialog_read_options       (KoersExportDialog  *self,
                                                  KoersExportOptions *options);
char    *_koers_export_dialog_dup_suggested_name (KoersExportDialog  *self);
void     _koers_export_dialog_show_error         (KoersExportDialog  *self,
                                                  const char         *message);
guint    _koers_export_dialog_get_preview_page   (KoersExportDialog  *self);
void     _koers_export_dialog_update_pages       (KoersExportDialog  *self);
void     _koers_export_dialog_remember_options   (KoersExportDialog  *self);
void     _koers_export_dialog_exported           (KoersExportDialog  *self,
                                                  GFile              *file);

/* koers-export-dialog-preview.c */
void     _koers_export_dialog_update_preview     (KoersExportDialog  *self,
                                                  gboolean            layout);
void     _koers_export_dialog_stop_preview       (KoersExportDialog  *self);

/* koers-export-dialog-export.c */
void     _koers_export_dialog_class_export_init  (GtkWidgetClass     *widget_class);

G_END_DECLS
