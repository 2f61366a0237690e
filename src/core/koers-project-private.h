/* koers-project-private.h: the project's state, shared by the files that
 * edit it (koers-project.c) and read and write it (koers-project-file.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

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

typedef struct {
  char       *id;
  gboolean    has_status;
  KoersStatus status;
  char       *owner;
  char       *due;
  char       *note;
  JsonObject *extra;
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

  JsonObject   *extra_root;
  JsonObject   *extra_organisation;
  JsonObject   *extra_roadmap;

  GPtrArray    *warnings;        /* char*: "WHERE: WHAT" */
};

void _koers_project_item_state_free (ItemState    *s);
void _koers_project_add_item_state  (KoersProject *self,
                                     ItemState    *s);

G_END_DECLS
