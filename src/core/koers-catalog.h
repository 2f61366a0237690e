/* koers-catalog.h: the models this build knows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "koers-model.h"

G_BEGIN_DECLS

#define KOERS_TYPE_CATALOG (koers_catalog_get_type ())
G_DECLARE_FINAL_TYPE (KoersCatalog, koers_catalog, KOERS, CATALOG, GObject)

KoersCatalog *koers_catalog_new            (void);
gboolean      koers_catalog_add_model      (KoersCatalog  *self,
                                            KoersModel    *model,
                                            GError       **error);
KoersCatalog *koers_catalog_new_builtin    (GError       **error);
KoersCatalog *koers_catalog_get_builtin    (void);
guint         koers_catalog_get_n_models   (KoersCatalog  *self);
KoersModel   *koers_catalog_get_model      (KoersCatalog  *self,
                                            guint          index);
KoersModel   *koers_catalog_lookup         (KoersCatalog  *self,
                                            const char    *model_id);
int           koers_catalog_index_of       (KoersCatalog  *self,
                                            const char    *model_id);

G_END_DECLS
