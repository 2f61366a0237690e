/* koers-rules.h: the roadmap rules, as read from data/roadmap/rules.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koers-catalog.h"

G_BEGIN_DECLS

#define KOERS_TYPE_RULES (koers_rules_get_type ())
G_DECLARE_FINAL_TYPE (KoersRules, koers_rules, KOERS, RULES, GObject)

KoersRules *koers_rules_new_from_bytes (KoersCatalog  *catalog,
                                        GBytes        *bytes,
                                        const char    *filename,
                                        GError       **error);
KoersRules *koers_rules_get_builtin    (void);
guint       koers_rules_get_n_items    (KoersRules    *self);
guint       koers_rules_get_n_findings (KoersRules    *self);
const char *koers_rules_get_item_title (KoersRules    *self,
                                        const char    *id);

G_END_DECLS
