/* koers-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-catalog.h"
#include "koers-error.h"

struct _KoersCatalog
{
  GObject    parent_instance;
  GPtrArray *models;
};

G_DEFINE_FINAL_TYPE (KoersCatalog, koers_catalog, G_TYPE_OBJECT)

/* The built-in models, in the order Koers presents them. */
static const char * const builtin_models[] = {
  "pyramid",
  "learning-curve",
  "maturity-matrix",
  "strategy-model",
};

static void
koers_catalog_finalize (GObject *object)
{
  KoersCatalog *self = (KoersCatalog *) object;

  g_clear_pointer (&self->models, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_catalog_parent_class)->finalize (object);
}

static void
koers_catalog_class_init (KoersCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koers_catalog_finalize;
}

static void
koers_catalog_init (KoersCatalog *self)
{
  self->models = g_ptr_array_new_with_free_func (g_object_unref);
}

KoersCatalog *
koers_catalog_new (void)
{
  return g_object_new (KOERS_TYPE_CATALOG, NULL);
}

gboolean
koers_catalog_add_model (KoersCatalog  *self,
                         KoersModel    *model,
                         GError       **error)
{
  g_return_val_if_fail (KOERS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (KOERS_IS_MODEL (model), FALSE);

  if (koers_catalog_lookup (self, koers_model_get_id (model)) != NULL)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("there are two models with the id \"%s\""),
                   koers_model_get_id (model));
      return FALSE;
    }
  g_ptr_array_add (self->models, g_object_ref (model));
  return TRUE;
}

/**
 * koers_catalog_new_builtin:
 *
 * Loads the models compiled into Koers from its resources.
 *
 * Returns: (transfer full): the catalog, or %NULL when a model file is broken
 */
KoersCatalog *
koers_catalog_new_builtin (GError **error)
{
  g_autoptr(KoersCatalog) self = koers_catalog_new ();

  for (guint i = 0; i < G_N_ELEMENTS (builtin_models); i++)
    {
      g_autofree char *filename = g_strdup_printf ("%s.json", builtin_models[i]);
      g_autofree char *path = g_strdup_printf (RESOURCE_PREFIX "/models/%s", filename);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(KoersModel) model = NULL;

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;
      model = koers_model_new_from_bytes (bytes, filename, error);
      if (model == NULL || !koers_catalog_add_model (self, model, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * koers_catalog_get_builtin:
 *
 * The built-in models, loaded once. They are part of the binary, so a
 * failure is a build defect, not a user error: it aborts with the message.
 *
 * Returns: (transfer none): the shared catalog
 */
KoersCatalog *
koers_catalog_get_builtin (void)
{
  static KoersCatalog *builtin;

  if (g_once_init_enter (&builtin))
    {
      g_autoptr(GError) error = NULL;
      KoersCatalog *catalog = koers_catalog_new_builtin (&error);

      if (catalog == NULL)
        g_error ("The built-in models are broken: %s", error->message);
      g_once_init_leave (&builtin, catalog);
    }
  return builtin;
}

guint
koers_catalog_get_n_models (KoersCatalog *self)
{
  g_return_val_if_fail (KOERS_IS_CATALOG (self), 0);
  return self->models->len;
}

/**
 * koers_catalog_get_model:
 *
 * Returns: (transfer none): the model at @index
 */
KoersModel *
koers_catalog_get_model (KoersCatalog *self,
                         guint         index)
{
  g_return_val_if_fail (KOERS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->models->len, NULL);
  return g_ptr_array_index (self->models, index);
}

/**
 * koers_catalog_lookup:
 *
 * Returns: (transfer none) (nullable): the model with @model_id
 */
KoersModel *
koers_catalog_lookup (KoersCatalog *self,
                      const char   *model_id)
{
  int index = koers_catalog_index_of (self, model_id);

  return index < 0 ? NULL : g_ptr_array_index (self->models, index);
}

int
koers_catalog_index_of (KoersCatalog *self,
                        const char   *model_id)
{
  g_return_val_if_fail (KOERS_IS_CATALOG (self), -1);

  if (model_id == NULL)
    return -1;
  for (guint i = 0; i < self->models->len; i++)
    if (g_str_equal (koers_model_get_id (g_ptr_array_index (self->models, i)), model_id))
      return i;
  return -1;
}
