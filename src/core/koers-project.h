/* koers-project.h: the document a user edits and saves as a .koers file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "koers-assessment.h"
#include "koers-catalog.h"
#include "koers-types.h"

G_BEGIN_DECLS

#define KOERS_PROJECT_FORMAT_VERSION 1

#define KOERS_TYPE_PROJECT (koers_project_get_type ())
G_DECLARE_FINAL_TYPE (KoersProject, koers_project, KOERS, PROJECT, GObject)

KoersProject *koers_project_new                  (KoersCatalog  *catalog);
KoersProject *koers_project_load_from_bytes      (KoersCatalog  *catalog,
                                                  GBytes        *bytes,
                                                  GError       **error);
KoersProject *koers_project_load_from_file       (KoersCatalog  *catalog,
                                                  GFile         *file,
                                                  GCancellable  *cancellable,
                                                  GError       **error);
GBytes       *koers_project_to_bytes             (KoersProject  *self);
GBytes       *koers_project_to_bytes_stamped     (KoersProject  *self,
                                                  GDateTime     *now);
void          koers_project_stamp                (KoersProject  *self,
                                                  GDateTime     *now);
gboolean      koers_project_save_to_file         (KoersProject  *self,
                                                  GFile         *file,
                                                  GCancellable  *cancellable,
                                                  GError       **error);

KoersCatalog *koers_project_get_catalog          (KoersProject  *self);
const char   *koers_project_get_organisation_name (KoersProject *self);
const char   *koers_project_get_organisation_description (KoersProject *self);
KoersOrganisationKind koers_project_get_organisation_kind     (KoersProject *self);
guint         koers_project_get_organisation_staff    (KoersProject *self);
double        koers_project_get_organisation_capacity (KoersProject *self);
const char   *koers_project_get_created          (KoersProject  *self);
const char   *koers_project_get_modified         (KoersProject  *self);
const char   *koers_project_get_roadmap_start    (KoersProject  *self);

const char   *koers_project_get_field            (KoersProject  *self,
                                                  KoersField     field,
                                                  const char    *key);
gboolean      koers_project_set_field            (KoersProject  *self,
                                                  KoersField     field,
                                                  const char    *key,
                                                  const char    *value,
                                                  GError       **error);
gboolean      koers_project_place                (KoersProject  *self,
                                                  const char    *model_id,
                                                  KoersMarker    marker,
                                                  const char    *stage_id,
                                                  GError       **error);

const char   *koers_project_get_current          (KoersProject  *self,
                                                  const char    *model_id);
const char   *koers_project_get_target           (KoersProject  *self,
                                                  const char    *model_id);
const char   *koers_project_get_marker           (KoersProject  *self,
                                                  const char    *model_id,
                                                  KoersMarker    marker);
const char   *koers_project_get_rationale        (KoersProject  *self,
                                                  const char    *model_id);
const char   *koers_project_get_assessed         (KoersProject  *self,
                                                  const char    *model_id);

gboolean      koers_project_has_item_state       (KoersProject  *self,
                                                  const char    *item_id);
KoersStatus   koers_project_get_item_status      (KoersProject  *self,
                                                  const char    *item_id);
const char   *koers_project_get_item_owner       (KoersProject  *self,
                                                  const char    *item_id);
const char   *koers_project_get_item_due         (KoersProject  *self,
                                                  const char    *item_id);
const char   *koers_project_get_item_note        (KoersProject  *self,
                                                  const char    *item_id);
GStrv         koers_project_dup_item_ids         (KoersProject  *self);

char         *koers_project_answer_key           (const char    *model_id,
                                                  const char    *statement_id);
KoersAnswer   koers_project_get_answer           (KoersProject  *self,
                                                  const char    *model_id,
                                                  const char    *statement_id);
const char   *koers_project_get_answer_note      (KoersProject  *self,
                                                  const char    *model_id,
                                                  const char    *statement_id);
gboolean      koers_project_set_answer           (KoersProject  *self,
                                                  const char    *model_id,
                                                  const char    *statement_id,
                                                  KoersAnswer    answer,
                                                  GError       **error);
gboolean      koers_project_set_answer_note      (KoersProject  *self,
                                                  const char    *model_id,
                                                  const char    *statement_id,
                                                  const char    *note,
                                                  GError       **error);
gboolean      koers_project_has_answers          (KoersProject  *self,
                                                  const char    *model_id);
GHashTable   *koers_project_dup_answers          (KoersProject  *self,
                                                  const char    *model_id);
int           koers_project_suggest_stage        (KoersProject  *self,
                                                  const char    *model_id);
char         *koers_project_dup_answers_draft    (KoersProject  *self,
                                                  const char    *model_id);

guint         koers_project_get_n_others         (KoersProject  *self);
const char   *koers_project_get_other_id         (KoersProject  *self,
                                                  guint          index);
const char   *koers_project_get_other_name       (KoersProject  *self,
                                                  const char    *other_id);
const char   *koers_project_get_other_note       (KoersProject  *self,
                                                  const char    *other_id);
const char   *koers_project_get_other_now        (KoersProject  *self,
                                                  const char    *other_id,
                                                  const char    *model_id);
char         *koers_project_dup_new_other        (KoersProject  *self,
                                                  const char    *name,
                                                  char         **other_id);
const char   *koers_project_add_other            (KoersProject  *self,
                                                  const char    *name,
                                                  GError       **error);
char         *koers_project_other_key            (const char    *other_id,
                                                  const char    *model_id);

guint         koers_project_get_n_rounds         (KoersProject  *self);
const char   *koers_project_get_round_closed     (KoersProject  *self,
                                                  guint          index);
const char   *koers_project_get_round_marker     (KoersProject  *self,
                                                  guint          index,
                                                  const char    *model_id,
                                                  KoersMarker    marker);
guint         koers_project_get_round_count      (KoersProject  *self,
                                                  guint          index,
                                                  KoersStatus    status);
gboolean      koers_project_get_round_item_status (KoersProject *self,
                                                  guint          index,
                                                  const char    *item_id,
                                                  KoersStatus   *status);
char         *koers_project_dup_closed_round     (KoersProject  *self,
                                                  const char    *date);

GStrv         koers_project_dup_unknown_models   (KoersProject  *self);
const GPtrArray *koers_project_get_warnings      (KoersProject  *self);

gboolean      koers_is_valid_month               (const char    *text);
gboolean      koers_is_valid_due                 (const char    *text);
gboolean      koers_is_valid_date                (const char    *text);

G_END_DECLS
