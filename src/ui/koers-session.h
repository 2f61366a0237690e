/* koers-session.h: what the app keeps between windows and between runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One drafts store for every window, the settings (or none, when the
 * schema is not installed), the last folder a chooser used, the recent
 * projects and where the user guide is.
 */
#pragma once

#include <gtk/gtk.h>

#include "koers-drafts.h"

G_BEGIN_DECLS

#define KOERS_RECENT_MAX 8

KoersDrafts *koers_session_get_drafts       (void);
GSettings   *koers_session_get_settings     (void);
GFile       *koers_session_dup_last_folder  (void);
void         koers_session_set_last_folder  (GFile *folder);
void         koers_session_add_recent       (GFile *file);
GPtrArray   *koers_session_list_recent      (guint  max);
GMenuModel  *koers_session_get_recent_menu  (void);
void         koers_session_start_recent     (void);
char        *koers_session_dup_recent_label (GFile *file);
char        *koers_session_dup_help_uri     (void);
char        *koers_session_find_help_uri    (const char * const *doc_dirs,
                                             const char * const *languages);

G_END_DECLS
