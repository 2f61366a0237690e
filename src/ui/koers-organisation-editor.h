/* koers-organisation-editor.h: the organisation's name, kind, size and
 * the team's capacity, edited through the project's history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koers-history.h"

G_BEGIN_DECLS

#define KOERS_TYPE_ORGANISATION_EDITOR (koers_organisation_editor_get_type ())
G_DECLARE_FINAL_TYPE (KoersOrganisationEditor, koers_organisation_editor, KOERS, ORGANISATION_EDITOR, AdwBin)

GtkWidget *koers_organisation_editor_new         (void);
void       koers_organisation_editor_set_history (KoersOrganisationEditor *self,
                                                  KoersHistory            *history);

char      *koers_parse_capacity_input            (const char              *text);
char      *koers_parse_staff_input               (const char              *text);
char      *koers_format_capacity_for_display     (const char              *stored);

G_END_DECLS
