/* koers-questionnaire.h: the guided self-assessment of one model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koers-history.h"

G_BEGIN_DECLS

#define KOERS_TYPE_QUESTIONNAIRE (koers_questionnaire_get_type ())
G_DECLARE_FINAL_TYPE (KoersQuestionnaire, koers_questionnaire, KOERS, QUESTIONNAIRE, AdwWindow)

KoersQuestionnaire *koers_questionnaire_new            (GtkWindow          *parent,
                                                        KoersHistory       *history,
                                                        KoersModel         *model);
KoersModel         *koers_questionnaire_get_model      (KoersQuestionnaire *self);
int                 koers_questionnaire_get_suggestion (KoersQuestionnaire *self);

G_END_DECLS
