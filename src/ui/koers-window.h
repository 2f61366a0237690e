/* koers-window.h: a window on one project: assess, explain, plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koers-history.h"
#include "koers-roadmap.h"

G_BEGIN_DECLS

#define KOERS_TYPE_WINDOW (koers_window_get_type ())
G_DECLARE_FINAL_TYPE (KoersWindow, koers_window, KOERS, WINDOW, AdwApplicationWindow)

KoersWindow  *koers_window_new                (GtkApplication *application,
                                               KoersProject   *project,
                                               GFile          *file);
KoersProject *koers_window_get_project        (KoersWindow    *self);
KoersHistory *koers_window_get_history        (KoersWindow    *self);
GFile        *koers_window_get_file           (KoersWindow    *self);
void          koers_window_set_file           (KoersWindow    *self,
                                               GFile          *file);
KoersRoadmap *koers_window_get_roadmap        (KoersWindow    *self);
const char   *koers_window_get_selected_model (KoersWindow    *self);
void          koers_window_select_model       (KoersWindow    *self,
                                               const char     *model_id);
const char   *koers_window_get_view           (KoersWindow    *self);
void          koers_window_set_view           (KoersWindow    *self,
                                               const char     *view);
void          koers_window_show_error         (KoersWindow    *self,
                                               const char     *heading,
                                               const char     *message);

/* Files, drafts and closing (koers-window-files.c). */
gboolean      koers_window_get_modified       (KoersWindow    *self);
gboolean      koers_window_is_untouched       (KoersWindow    *self);
KoersWindow  *koers_window_open_file          (KoersWindow    *self,
                                               GFile          *file,
                                               GError        **error);
void          koers_window_save_to_file       (KoersWindow    *self,
                                               GFile          *file,
                                               GCancellable   *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer        user_data);
gboolean      koers_window_save_to_file_finish (KoersWindow   *self,
                                               GAsyncResult   *result,
                                               GError        **error);
void          koers_window_request_close      (KoersWindow    *self,
                                               GAsyncReadyCallback callback,
                                               gpointer        user_data);
gboolean      koers_window_request_close_finish (KoersWindow  *self,
                                               GAsyncResult   *result);
const char   *koers_window_get_draft_id       (KoersWindow    *self);
gboolean      koers_window_save_draft_now     (KoersWindow    *self,
                                               GError        **error);
KoersWindow  *koers_window_restore_draft      (KoersWindow    *self,
                                               const char     *draft_id,
                                               GError        **error);
void          koers_window_show_export_dialog (KoersWindow    *self);

/* The parts, for tests and the screenshot hooks. */
GtkWidget    *koers_window_get_canvas         (KoersWindow    *self);
GtkWidget    *koers_window_get_rationale      (KoersWindow    *self);
GtkWidget    *koers_window_get_assess_findings (KoersWindow   *self);
GtkWidget    *koers_window_get_roadmap_view   (KoersWindow    *self);
GtkWidget    *koers_window_get_empty_state    (KoersWindow    *self);
GtkWidget    *koers_window_get_organisation_entry (KoersWindow *self);
GtkWidget    *koers_window_get_model_row      (KoersWindow    *self,
                                               const char     *model_id);
GtkWidget    *koers_window_get_leaflet        (KoersWindow    *self);
GtkWidget    *koers_window_get_stage_description (KoersWindow *self);
GMenuModel   *koers_window_get_primary_menu   (KoersWindow    *self);
const char   *koers_window_get_last_toast     (KoersWindow    *self);
AdwMessageDialog *koers_window_get_message_dialog (KoersWindow  *self);
GtkDropTarget *koers_window_get_drop_target   (KoersWindow    *self);

G_END_DECLS
