/* koers-rounds-dialog.h: the closed rounds, and closing this one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koers-history.h"

G_BEGIN_DECLS

#define KOERS_TYPE_ROUNDS_DIALOG (koers_rounds_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KoersRoundsDialog, koers_rounds_dialog, KOERS, ROUNDS_DIALOG, AdwWindow)

KoersRoundsDialog *koers_rounds_dialog_new (GtkWindow    *parent,
                                            KoersHistory *history);

G_END_DECLS
