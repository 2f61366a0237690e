/* koers-model.h: one maturity model, as read from data/models/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "koers-types.h"

G_BEGIN_DECLS

/**
 * KoersStage:
 * @id: the stage id used in project files
 * @index: position in the model's order, from 0
 * @name: translated name
 * @tagline: translated short line, or %NULL
 * @description: translated description
 * @step: the step number as the model numbers it, or %NULL
 * @gate: whether this is a decision moment rather than a stage of work
 *
 * Owned by its #KoersModel; never freed by callers.
 */
typedef struct {
  char     *id;
  guint     index;
  char     *name;
  char     *tagline;
  char     *description;
  char     *step;
  gboolean  gate;
} KoersStage;

#define KOERS_TYPE_MODEL (koers_model_get_type ())
G_DECLARE_FINAL_TYPE (KoersModel, koers_model, KOERS, MODEL, GObject)

KoersModel       *koers_model_new_from_bytes   (GBytes      *bytes,
                                                const char  *filename,
                                                GError     **error);
const char       *koers_model_get_id           (KoersModel  *self);
const char       *koers_model_get_name         (KoersModel  *self);
const char       *koers_model_get_short_name   (KoersModel  *self);
const char       *koers_model_get_source       (KoersModel  *self);
const char       *koers_model_get_summary      (KoersModel  *self);
const char       *koers_model_get_note         (KoersModel  *self);
const char       *koers_model_get_color        (KoersModel  *self);
const char       *koers_model_get_diagram      (KoersModel  *self);
const char       *koers_model_get_label        (KoersModel  *self,
                                                const char  *key);
GStrv             koers_model_dup_label_keys   (KoersModel  *self);
guint             koers_model_get_n_stages     (KoersModel  *self);
const KoersStage *koers_model_get_stage        (KoersModel  *self,
                                                guint        index);
const KoersStage *koers_model_find_stage       (KoersModel  *self,
                                                const char  *stage_id);
int               koers_model_stage_index      (KoersModel  *self,
                                                const char  *stage_id);
char             *koers_model_dup_stage_list   (KoersModel  *self);

G_END_DECLS
