/* koers-others-editor.h: the other organisations placed beside yours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koers-history.h"

G_BEGIN_DECLS

#define KOERS_TYPE_OTHERS_EDITOR (koers_others_editor_get_type ())
G_DECLARE_FINAL_TYPE (KoersOthersEditor, koers_others_editor, KOERS, OTHERS_EDITOR, AdwWindow)

KoersOthersEditor *koers_others_editor_new (GtkWindow    *parent,
                                            KoersHistory *history);

G_END_DECLS
