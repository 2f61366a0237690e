/* test-roadmap-util.h: what the roadmap tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koers-roadmap.h"
#include "koers-rules-private.h"
#include "koers-test-util.h"

G_BEGIN_DECLS

/* What is being checked, for the message when a check fails. */
extern char *roadmap_test_case;

#define CHECK(cond, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      { \
        g_autofree char *what_ = g_strdup_printf (__VA_ARGS__); \
        g_error ("%s: %s (%s)", roadmap_test_case, what_, #cond); \
      } \
  } G_STMT_END

void                    set_case      (const char   *description);
void                    place         (KoersProject *project,
                                       const char   *model,
                                       const char   *current,
                                       const char   *target);
void                    set_organisation (KoersProject *project,
                                          const char   *kind,
                                          const char   *staff,
                                          const char   *capacity);
const KoersRoadmapItem *find_item     (KoersRoadmap *roadmap,
                                       const char   *id,
                                       guint        *phase,
                                       guint        *position);
gboolean                serves        (const KoersRoadmapItem *item,
                                       const char   *model,
                                       const char   *stage);
const KoersFinding     *find_finding  (KoersRoadmap *roadmap,
                                       const char   *id);
char                   *roadmap_json  (KoersRoadmap *roadmap);
void                    check_roadmap (KoersProject *project,
                                       KoersRoadmap *roadmap);
void                    check_plan    (KoersProject *project,
                                       KoersRoadmap *roadmap);

void                    add_property_tests  (void);
void                    add_archetype_tests (void);

G_END_DECLS
