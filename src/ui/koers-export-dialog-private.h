/* koers-export-dialog-private.h: the dialog's parts, shared by
 * koers-export-dialog.c (the options and the settings),
 * koers-export-dialog-preview.c (the page as it will be exported) and
 * koers-export-dialog-export.c (choosing the file and writing it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koers-diagram-renderer.h"
#include "koers-export-dialog.h"
#include "koers-roadmap.h"
#include "koers-slide.h"

G_BEGIN_DECLS

/* koers_slide_draw_page() counts pages from 0; the options (and the
 * command line's --page) from 1. */
#define SLIDE_PAGE_INDEX(page) ((page) - 1)

struct _KoersExportDialog
{
  AdwWindow             parent_instance;

  KoersProject         *project;
  char                 *model_id;       /* NULL: the roadmap */
  KoersRoadmap         *roadmap;
  KoersSlide           *slide;          /* the roadmap laid out for the current options */
  KoersDiagramRenderer *renderer;       /* the diagram of model_id */
  GPtrArray            *what_ids;       /* what_row position → model id (NULL: roadmap) */
  GSettings            *settings;       /* NULL when the schema is not installed */
  GSettingsSchema      *schema;
  GFile                *last_folder;
  GCancellable         *cancellable;
  guint                 n_pages;
  guint                 updating : 1;
  guint                 busy : 1;

  /* Template widgets */
  GtkDrawingArea       *preview;
  GtkButton            *export_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwComboRow          *what_row;
  AdwComboRow          *format_row;
  AdwComboRow          *size_row;
  AdwComboRow          *scale_row;
  AdwComboRow          *theme_row;
  AdwComboRow          *background_row;
  AdwComboRow          *page_row;
};

/* koers-export-dialog.c */
void     _koers_export_dialog_show_error         (KoersExportDialog *self,
                                                  const char        *message);
guint    _koers_export_dialog_get_preview_page   (KoersExportDialog *self);
void     _koers_export_dialog_remember_options   (KoersExportDialog *self);
void     _koers_export_dialog_exported           (KoersExportDialog *self,
                                                  GFile             *file);

/* koers-export-dialog-preview.c */
void     _koers_export_dialog_init_preview       (KoersExportDialog *self);

/* koers-export-dialog-export.c */
void     _koers_export_dialog_class_export_init  (GtkWidgetClass    *widget_class);

G_END_DECLS
