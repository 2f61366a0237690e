/* koers-types.h: forward declarations and small enums shared by the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _KoersModel   KoersModel;
typedef struct _KoersCatalog KoersCatalog;
typedef struct _KoersProject KoersProject;
typedef struct _KoersHistory KoersHistory;
typedef struct _KoersRules   KoersRules;
typedef struct _KoersRoadmap KoersRoadmap;

/**
 * KoersMarker:
 * @KOERS_MARKER_CURRENT: where the organisation is now ("Now")
 * @KOERS_MARKER_TARGET: where it wants to be ("Goal")
 */
typedef enum {
  KOERS_MARKER_CURRENT,
  KOERS_MARKER_TARGET,
} KoersMarker;

typedef enum {
  KOERS_STATUS_TODO,
  KOERS_STATUS_DOING,
  KOERS_STATUS_DONE,
  KOERS_STATUS_SKIPPED,
} KoersStatus;

typedef enum {
  KOERS_SEVERITY_INFO,
  KOERS_SEVERITY_WARNING,
} KoersSeverity;

/**
 * KoersField:
 *
 * Every value a user can edit in a project. Edits go through
 * koers_project_set_field(), so that one undo command type covers them all.
 * The key is the model id for placement fields, the item id for roadmap
 * item fields, `MODEL/STATEMENT` for answers (koers_project_answer_key()),
 * the other organisation's id for its fields (`ID/MODEL` for its Now),
 * and %NULL otherwise. %KOERS_FIELD_OTHER is a whole other organisation
 * as the JSON object the file holds (%NULL removes it), so that adding
 * and removing one is a single undoable edit. %KOERS_FIELD_ROUNDS (key
 * %NULL) is the whole list of closed rounds, as the file holds it.
 */
typedef enum {
  KOERS_FIELD_ORGANISATION_NAME,
  KOERS_FIELD_ORGANISATION_DESCRIPTION,
  KOERS_FIELD_CURRENT,
  KOERS_FIELD_TARGET,
  KOERS_FIELD_RATIONALE,
  KOERS_FIELD_ASSESSED,
  KOERS_FIELD_ROADMAP_START,
  KOERS_FIELD_ITEM_STATUS,
  KOERS_FIELD_ITEM_OWNER,
  KOERS_FIELD_ITEM_DUE,
  KOERS_FIELD_ITEM_NOTE,
  KOERS_FIELD_ORGANISATION_KIND,
  KOERS_FIELD_ORGANISATION_STAFF,
  KOERS_FIELD_ORGANISATION_CAPACITY,
  KOERS_FIELD_ANSWER,
  KOERS_FIELD_ANSWER_NOTE,
  KOERS_FIELD_OTHER,
  KOERS_FIELD_OTHER_NAME,
  KOERS_FIELD_OTHER_NOTE,
  KOERS_FIELD_OTHER_NOW,
  KOERS_FIELD_ROUNDS,
} KoersField;

/**
 * KoersOrganisationKind:
 *
 * What kind of organisation a project is about; chooses and phrases
 * roadmap items. %KOERS_ORGANISATION_UNKNOWN when the file does not say.
 */
typedef enum {
  KOERS_ORGANISATION_UNKNOWN,
  KOERS_ORGANISATION_MUNICIPALITY,
  KOERS_ORGANISATION_COMPANY,
  KOERS_ORGANISATION_CHARITY,
  KOERS_ORGANISATION_SMALL_BUSINESS,
  KOERS_ORGANISATION_OTHER,
} KoersOrganisationKind;

#define KOERS_STAFF_MAX    10000000
#define KOERS_CAPACITY_MAX 1000.0

const char *koers_status_to_string   (KoersStatus  status);
gboolean    koers_status_from_string (const char  *str,
                                      KoersStatus *status);
const char *koers_status_get_label   (KoersStatus  status);
const char *koers_marker_get_label   (KoersMarker  marker);
const char *koers_severity_to_string (KoersSeverity severity);

const char *koers_organisation_kind_to_string   (KoersOrganisationKind  kind);
gboolean    koers_organisation_kind_from_string (const char            *str,
                                                 KoersOrganisationKind *kind);
const char *koers_organisation_kind_get_label   (KoersOrganisationKind  kind);
gboolean    koers_parse_staff                   (const char            *text,
                                                 guint                 *staff);
gboolean    koers_parse_capacity                (const char            *text,
                                                 double                *fte);

char       *koers_format_month       (int           year,
                                      int           month);
char       *koers_format_day         (int           year,
                                      int           month,
                                      int           day);
char       *koers_format_iso_day     (const char   *iso);

G_END_DECLS
