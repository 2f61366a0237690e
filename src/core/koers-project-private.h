/* koers-project-private.h: the project's state, shared by the files that
 * edit it (koers-project.c) and read and write it (koers-project-file.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "koers-assessment.h"
#include "koers-project.h"

G_BEGIN_DECLS

typedef struct {
  char       *model_id;
  char       *current;
  char       *target;
  char       *rationale;
  char       *assessed;
  JsonObject *extra;     /* members the format does not define */
} Placement;

/* One answer to a statement, and the evidence noted with it */
typedef struct {
  KoersAnswer answer;
  char       *note;
  JsonObject *extra;
} Answer;

/* The answers for one model */
typedef struct {
  GHashTable *by_id;    /* statement id → Answer*, statements the model has */
  JsonObject *unknown;  /* statement id → node, statements it does not have */
} ModelAnswers;

/* Another organisation placed beside this one (a competitor, a benchmark) */
typedef struct {
  char       *id;        /* for this session only: "other-N" */
  char       *name;
  char       *kind;
  char       *note;
  GHashTable *now;       /* model id → stage id, known models */
  JsonObject *unknown_now;
  JsonObject *extra;
  char       *json;      /* koers_project_get_field() of KOERS_FIELD_OTHER */
} Other;

typedef struct {
  char       *id;
  gboolean    has_status;
  KoersStatus status;
  char       *owner;
  char       *due;
  char       *note;
  JsonObject *extra;     /* members Koers does not know; NULL for none */
} ItemState;

struct _KoersProject
{
  GObject       parent_instance;

  KoersCatalog *catalog;

  char         *organisation_name;
  char         *organisation_description;
  char         *organisation_kind;      /* file form, e.g. "charity" */
  char         *organisation_staff;     /* "1200" */
  char         *organisation_capacity;  /* fte, shortest form, e.g. "2.4" */
  char         *created;
  char         *modified;
  char         *roadmap_start;
  gboolean      had_roadmap;

  GHashTable   *placements;      /* model id → Placement, known models */
  JsonObject   *unknown_models;  /* model id → node, kept verbatim */
  GPtrArray    *items;           /* ItemState*, in file order, for writing */
  GHashTable   *item_index;      /* item id → ItemState* in items, for lookups */
  GHashTable   *answers;         /* model id → ModelAnswers*, known models */
  JsonObject   *unknown_answers; /* model id → node, models Koers does not know */
  GPtrArray    *others;          /* Other*, in file order */
  guint         next_other;      /* the number of the next Other's id */
  JsonArray    *rounds;          /* closed rounds, checked, as the file holds them */
  char         *rounds_json;     /* koers_project_get_field() of KOERS_FIELD_ROUNDS */

  JsonObject   *extra_root;
  JsonObject   *extra_organisation;
  JsonObject   *extra_roadmap;

  GPtrArray    *warnings;        /* char*: "WHERE: WHAT" */
};

void _koers_project_item_state_free (ItemState    *s);
void _koers_project_add_item_state  (KoersProject *self,
                                     ItemState    *s);
const GPtrArray *_koers_project_get_item_states (KoersProject *self);

/* koers-project-file.c, for the readers of other members */
JsonObject *_koers_project_copy_unknown  (JsonObject         *object,
                                          const char * const *known);
gboolean    _koers_project_get_optional_string (JsonObject  *object,
                                                const char  *parent,
                                                const char  *member,
                                                const char **value,
                                                GError     **error);
void        _koers_project_merge_extra   (JsonObject         *into,
                                          JsonObject         *extra);
typedef gboolean (*KoersModelReadFunc) (KoersProject *self,
                                        KoersModel   *model,
                                        JsonNode     *node,
                                        GError      **error);
gboolean    _koers_project_read_by_model (KoersProject      *self,
                                          JsonObject        *object,
                                          const char        *member,
                                          JsonObject        *unknown,
                                          KoersModelReadFunc read,
                                          GError           **error);

/* koers-project-others.c */
void        _koers_project_others_init   (KoersProject       *self);
void        _koers_project_others_clear  (KoersProject       *self);
gboolean    _koers_project_read_others   (KoersProject       *self,
                                          JsonArray          *others,
                                          GError            **error);
JsonArray  *_koers_project_write_others  (KoersProject       *self);
const char *_koers_project_get_other_field (KoersProject     *self,
                                            KoersField        field,
                                            const char       *key);
gboolean    _koers_project_set_other_field (KoersProject     *self,
                                            KoersField        field,
                                            const char       *key,
                                            const char       *value,
                                            gboolean         *changed,
                                            GError          **error);

/* koers-project-rounds.c */
void        _koers_project_rounds_clear  (KoersProject       *self);
gboolean    _koers_project_read_rounds   (KoersProject       *self,
                                          JsonArray          *rounds,
                                          GError            **error);
JsonArray  *_koers_project_write_rounds  (KoersProject       *self);
const char *_koers_project_get_rounds_field (KoersProject    *self);
gboolean    _koers_project_set_rounds_field (KoersProject    *self,
                                             const char      *value,
                                             gboolean        *changed,
                                             GError         **error);

/* koers-project-answers.c */
void        _koers_model_answers_free    (ModelAnswers       *answers);
gboolean    _koers_project_read_answers  (KoersProject       *self,
                                          JsonObject         *answers,
                                          GError            **error);
JsonObject *_koers_project_write_answers (KoersProject       *self);
const char *_koers_project_get_answer_field (KoersProject    *self,
                                             KoersField       field,
                                             const char      *key);
gboolean    _koers_project_set_answer_field (KoersProject    *self,
                                             KoersField       field,
                                             const char      *key,
                                             const char      *value,
                                             gboolean        *changed,
                                             GError         **error);

G_END_DECLS
