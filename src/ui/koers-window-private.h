/* koers-window-private.h: the window's parts, shared by its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * koers-window.c         the type, its document, and what shows it
 * koers-window-layout.c  narrow and wide windows, the back button
 * koers-window-actions.c the win.* actions and their keys
 * koers-window-files.c   open, save, closing, dropped files
 * koers-window-disk.c    the file changed by another program, leftovers
 *                        of an interrupted save
 */
#pragma once

#include "koers-document.h"
#include "koers-window.h"

G_BEGIN_DECLS

struct _KoersWindow
{
  AdwApplicationWindow  parent_instance;

  KoersDocument        *document;
  /* The document's signals, moved along when another document comes. */
  GSignalGroup         *document_signals;
  KoersRoadmap         *roadmap;
  GMenu                *primary_menu;
  GMenu                *undo_section;
  AdwToast             *toast;
  guint                 narrow_source;
  guint                 back_source;
  guint                 bar_source;
  gboolean              syncing;

  /* files, drafts and closing (koers-window-files.c) */
  gboolean              draft_error_shown;
  gboolean              close_confirmed;
  AdwMessageDialog     *close_dialog;
  AdwMessageDialog     *disk_dialog;
  GPtrArray            *close_tasks;
  GtkDropTarget        *drop_target;
  GtkApplication       *inhibit_app;
  guint                 inhibit_cookie;
  /* Files being read for this window, and what stops the reads when it
   * closes. */
  GPtrArray            *loading_files;
  GCancellable         *load_cancellable;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *header_bar;
  GtkWidget            *switcher_title;
  GtkWidget            *back_button;
  GtkWidget            *assess_button;
  GtkWidget            *open_button;
  GtkWidget            *save_button;
  GtkWidget            *export_button;
  GtkWidget            *menu_button;
  GtkWidget            *view_stack;
  GtkWidget            *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *organisation_button;
  GtkWidget            *organisation_label;
  GtkWidget            *organisation_editor; /* NULL until first opened */
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
void     _koers_window_set_document      (KoersWindow   *self,
                                          KoersDocument *document);
void     _koers_window_update_title      (KoersWindow   *self);
void     _koers_window_update_undo       (KoersWindow   *self);
void     _koers_window_show_toast        (KoersWindow   *self,
                                          AdwToast      *toast);

/* koers-window-layout.c */
void     _koers_window_layout_init       (KoersWindow   *self);
void     _koers_window_layout_dispose    (KoersWindow   *self);
void     _koers_window_update_back_button (KoersWindow  *self);
void     _koers_window_back_clicked      (KoersWindow   *self);
void     _koers_window_model_activated   (KoersWindow   *self);
void     _koers_window_show_roadmap_warnings (KoersWindow *self,
                                              gboolean     warnings);

/* koers-window-actions.c */
void     _koers_window_class_actions_init (GtkWidgetClass *widget_class);
void     _koers_window_actions_init      (KoersWindow   *self);
void     _koers_window_update_file_actions (KoersWindow *self);
void     _koers_window_update_suggestion (KoersWindow   *self);

/* koers-window-files.c */
void     _koers_window_files_init        (KoersWindow   *self);
void     _koers_window_files_dispose     (KoersWindow   *self);
void     _koers_window_sync_inhibit      (KoersWindow   *self);
void     _koers_window_save_async        (KoersWindow   *self,
                                          gboolean       choose,
                                          GAsyncReadyCallback callback,
                                          gpointer       user_data);
gboolean _koers_window_close_request     (GtkWindow     *window);
gboolean _koers_window_is_loading       (KoersWindow   *self);
void     _koers_window_show_open_error   (KoersWindow   *self,
                                          GFile         *file,
                                          const GError  *error);
void     _koers_window_save_to_file_full (KoersWindow   *self,
                                          GFile         *file,
                                          KoersSaveFlags flags,
                                          GCancellable  *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer       user_data);

/* koers-window-disk.c */
void     _koers_window_changed_on_disk   (KoersWindow   *self);
void     _koers_window_show_changed_on_disk (KoersWindow *self);

G_END_DECLS
