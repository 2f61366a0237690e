/* koers-window-private.h: the window's parts, shared by koers-window.c
 * (the views) and koers-window-files.c (open, save, drafts, closing)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koers-window.h"

G_BEGIN_DECLS

struct _KoersWindow
{
  AdwApplicationWindow  parent_instance;

  KoersProject         *project;
  KoersHistory         *history;
  GFile                *file;
  KoersRoadmap         *roadmap;
  gboolean              roadmap_stale;
  gulong                changed_id;
  GMenu                *primary_menu;
  GMenu                *undo_section;
  AdwToast             *toast;
  char                 *last_toast;
  guint                 narrow_source;
  guint                 back_source;
  gboolean              syncing;

  /* files, drafts and closing (koers-window-files.c) */
  char                 *draft_id;
  guint                 draft_source;
  gboolean              draft_error_shown;
  /* A restored draft differs from its file although its history is new. */
  gboolean              restored;
  /* Counts the project's changes, so a save knows whether what it wrote
   * is still what the project holds when the write is done. */
  guint64               change_serial;
  guint                 n_saving;
  gboolean              close_confirmed;
  AdwMessageDialog     *close_dialog;
  GPtrArray            *close_tasks;
  GtkWidget            *message_dialog;
  GtkDropTarget        *drop_target;
  GtkApplication       *inhibit_app;
  guint                 inhibit_cookie;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *header_bar;
  GtkWidget            *switcher_title;
  GtkWidget            *back_button;
  GtkWidget            *open_button;
  GtkWidget            *save_button;
  GtkWidget            *export_button;
  GtkWidget            *menu_button;
  GtkWidget            *view_stack;
  GtkWidget            *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *organisation_button;
  GtkWidget            *organisation_label;
  GtkWidget            *organisation_editor;
  GtkWidget            *file_label;
  GtkWidget            *models_list;
  GtkWidget            *content;
  GtkWidget            *content_clamp;
  GtkWidget            *columns;
  GtkWidget            *main_column;
  GtkWidget            *side_column;
  GtkWidget            *side_clamp;
  GtkWidget            *empty_state;
  GtkWidget            *organisation_entry;
  GtkWidget            *model_title;
  GtkWidget            *model_summary;
  GtkWidget            *model_source;
  GtkWidget            *canvas;
  GtkWidget            *stage_card;
  GtkWidget            *stage_title;
  GtkWidget            *stage_description;
  GtkWidget            *assess_findings;
  GtkWidget            *rationale;
  GtkWidget            *roadmap_view;
  GtkWidget            *switcher_bar;
};

/* koers-window.c */
void     _koers_window_set_project       (KoersWindow  *self,
                                          KoersProject *project,
                                          GFile        *file);
void     _koers_window_update_title      (KoersWindow  *self);
void     _koers_window_show_toast        (KoersWindow  *self,
                                          AdwToast     *toast);

/* koers-window-files.c */
void     _koers_window_class_files_init  (GtkWidgetClass *widget_class);
void     _koers_window_files_init        (KoersWindow  *self);
void     _koers_window_files_dispose     (KoersWindow  *self);
void     _koers_window_project_changed   (KoersWindow  *self);
void     _koers_window_sync_inhibit      (KoersWindow  *self);
gboolean _koers_window_close_request     (GtkWindow    *window);

G_END_DECLS
