/* koers-rationale-panel.h: why a model's markers stand where they do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koers-history.h"

G_BEGIN_DECLS

#define KOERS_TYPE_RATIONALE_PANEL (koers_rationale_panel_get_type ())
G_DECLARE_FINAL_TYPE (KoersRationalePanel, koers_rationale_panel, KOERS, RATIONALE_PANEL, AdwBin)

GtkWidget     *koers_rationale_panel_new         (void);
void           koers_rationale_panel_set_history (KoersRationalePanel *self,
                                                  KoersHistory        *history);
void           koers_rationale_panel_set_model   (KoersRationalePanel *self,
                                                  KoersModel          *model);
void           koers_rationale_panel_ensure_built (KoersRationalePanel *self);

G_END_DECLS
