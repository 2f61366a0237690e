/* koers-model-canvas.h: one model's diagram, where markers are placed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "koers-diagram-renderer.h"
#include "koers-history.h"
#include "koers-model.h"

G_BEGIN_DECLS

#define KOERS_TYPE_MODEL_CANVAS (koers_model_canvas_get_type ())
G_DECLARE_FINAL_TYPE (KoersModelCanvas, koers_model_canvas, KOERS, MODEL_CANVAS, GtkWidget)

GtkWidget     *koers_model_canvas_new                (KoersHistory     *history);
KoersHistory  *koers_model_canvas_get_history        (KoersModelCanvas *self);
void           koers_model_canvas_set_history        (KoersModelCanvas *self,
                                                      KoersHistory     *history);
KoersModel    *koers_model_canvas_get_model          (KoersModelCanvas *self);
void           koers_model_canvas_set_model          (KoersModelCanvas *self,
                                                      KoersModel       *model);
const char    *koers_model_canvas_get_selected_stage (KoersModelCanvas *self);
void           koers_model_canvas_set_selected_stage (KoersModelCanvas *self,
                                                      const char       *stage_id);

gboolean       koers_model_canvas_place              (KoersModelCanvas *self,
                                                      KoersMarker       marker,
                                                      const char       *stage_id);
void           koers_model_canvas_set_max_height     (KoersModelCanvas *self,
                                                      int               max_height);

/* Where the diagram's parts stand, in the canvas's coordinates. */
gboolean       koers_model_canvas_get_art_rect       (KoersModelCanvas *self,
                                                      graphene_rect_t  *rect);
gboolean       koers_model_canvas_get_stage_label    (KoersModelCanvas *self,
                                                      const char       *stage_id,
                                                      KoersStageLabel  *label);
gboolean       koers_model_canvas_get_marker_rect    (KoersModelCanvas *self,
                                                      KoersMarker       marker,
                                                      graphene_rect_t  *rect);

/* Where to point or drop with the mouse, for the screenshot script's
 * real drag, the benchmark and the tests' drops. */
gboolean       koers_model_canvas_get_stage_point    (KoersModelCanvas *self,
                                                      const char       *stage_id,
                                                      double           *x,
                                                      double           *y);
gboolean       koers_model_canvas_get_tray_point     (KoersModelCanvas *self,
                                                      KoersMarker       marker,
                                                      double           *x,
                                                      double           *y);

G_END_DECLS
