/* koers-window.h: a window on one project: assess, explain, plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koers-document.h"
#include "koers-document-load.h"
#include "koers-roadmap.h"

G_BEGIN_DECLS

#define KOERS_TYPE_WINDOW (koers_window_get_type ())
G_DECLARE_FINAL_TYPE (KoersWindow, koers_window, KOERS, WINDOW, AdwApplicationWindow)
KoersWindow   *koers_window_new                (GtkApplication *application,
                                                KoersDocument  *document);
KoersDocument *koers_window_get_document       (KoersWindow    *self);
GMenuModel    *koers_window_get_primary_menu  (KoersWindow    *self);
const char    *koers_window_get_selected_model (KoersWindow    *self);
void           koers_window_select_model       (KoersWindow    *self,
                                                const char     *model_id);
const char    *koers_window_get_view           (KoersWindow    *self);
void           koers_window_set_view           (KoersWindow    *self,
                                                const char     *view);
void           koers_window_show_error         (KoersWindow    *self,
                                                const char     *heading,
                                                const char     *message);

/* Files, drafts and closing (koers-window-files.c). */
void           koers_window_reload             (KoersWindow    *self);
void           koers_window_offer_leftovers    (KoersWindow    *self);
void           koers_window_open_file_async    (KoersWindow    *self,
                                                GFile          *file,
                                                GCancellable   *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer        user_data);
KoersWindow   *koers_window_new_for_load       (GtkApplication *application,
                                                KoersDocumentLoad *load);
void           koers_window_open_load_async    (KoersWindow    *self,
                                                KoersDocumentLoad *load,
                                                GCancellable   *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer        user_data);
KoersWindow   *koers_window_open_file_finish   (KoersWindow    *self,
                                                GAsyncResult   *result,
                                                GError        **error);
KoersWindow   *koers_window_open_file          (KoersWindow    *self,
                                                GFile          *file,
                                                GError        **error);
gboolean       koers_window_shows_file         (KoersWindow    *self,
                                                GFile          *file);
gboolean       koers_window_get_loading        (KoersWindow    *self);
KoersWindow   *koers_window_restore_draft      (KoersWindow    *self,
                                                const char     *draft_id,
                                                GError        **error);
void           koers_window_save_to_file       (KoersWindow    *self,
                                                GFile          *file,
                                                GCancellable   *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer        user_data);
gboolean       koers_window_save_to_file_finish (KoersWindow   *self,
                                                GAsyncResult   *result,
                                                GError        **error);
void           koers_window_request_close      (KoersWindow    *self,
                                                GAsyncReadyCallback callback,
                                                gpointer        user_data);
gboolean       koers_window_request_close_finish (KoersWindow  *self,
                                                GAsyncResult   *result);


G_END_DECLS
