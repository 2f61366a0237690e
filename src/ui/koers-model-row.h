/* koers-model-row.h: a model in the sidebar, with where it stands at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "koers-project.h"

G_BEGIN_DECLS

#define KOERS_TYPE_MODEL_ROW (koers_model_row_get_type ())
G_DECLARE_FINAL_TYPE (KoersModelRow, koers_model_row, KOERS, MODEL_ROW, GtkListBoxRow)

GtkWidget  *koers_model_row_new            (KoersModel    *model);
KoersModel *koers_model_row_get_model      (KoersModelRow *self);
void        koers_model_row_update         (KoersModelRow *self,
                                            KoersProject  *project);
char       *koers_model_describe_placement (KoersModel    *model,
                                            KoersProject  *project);

void        koers_widget_measure_width_alone        (GtkWidget  *widget);
void        koers_widget_measure_width_alone_inside (GtkWidget  *root,
                                                     const char *css_class);

G_END_DECLS
