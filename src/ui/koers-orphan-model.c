/* koers-orphan-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The orphans of a roadmap (koers_roadmap_get_orphans()) as a GListModel
 * of GtkStringObject, one per orphan, holding its item's id. The model
 * keeps the roadmap's own array, which never changes once built, and
 * makes an item only when it is asked for: a list view asks for the rows
 * it makes, so showing 131,828 orphans costs what showing a few hundred
 * does, not an object, a string and a copy for each of them.
 */
#define G_LOG_DOMAIN "koers-orphan-model"

#include "config.h"

#include <gtk/gtk.h>

#include "koers-orphan-model.h"

struct _KoersOrphanModel
{
  GObject    parent_instance;

  GPtrArray *orphans;   /* KoersOrphan*, a roadmap's; never NULL */
};

static void koers_orphan_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KoersOrphanModel, koers_orphan_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      koers_orphan_model_list_model_init))

static GType
koers_orphan_model_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
koers_orphan_model_get_n_items (GListModel *model)
{
  return KOERS_ORPHAN_MODEL (model)->orphans->len;
}

static gpointer
koers_orphan_model_get_item (GListModel *model,
                             guint       position)
{
  KoersOrphanModel *self = KOERS_ORPHAN_MODEL (model);

  if (position >= self->orphans->len)
    return NULL;
  return gtk_string_object_new (((const KoersOrphan *) g_ptr_array_index (self->orphans, position))->id);
}

static void
koers_orphan_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = koers_orphan_model_get_item_type;
  iface->get_n_items = koers_orphan_model_get_n_items;
  iface->get_item = koers_orphan_model_get_item;
}

static void
koers_orphan_model_finalize (GObject *object)
{
  KoersOrphanModel *self = (KoersOrphanModel *) object;

  g_clear_pointer (&self->orphans, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_orphan_model_parent_class)->finalize (object);
}

static void
koers_orphan_model_class_init (KoersOrphanModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koers_orphan_model_finalize;
}

static void
koers_orphan_model_init (KoersOrphanModel *self)
{
  self->orphans = g_ptr_array_new ();
}

KoersOrphanModel *
koers_orphan_model_new (void)
{
  return g_object_new (KOERS_TYPE_ORPHAN_MODEL, NULL);
}

/**
 * koers_orphan_model_set_orphans:
 * @orphans: (element-type KoersOrphan) (nullable): from
 *   koers_roadmap_get_orphans(); kept, not copied, so it must not change
 *   afterwards, as a built roadmap's does not
 *
 * Replaces what the model holds, in one ::items-changed.
 */
void
koers_orphan_model_set_orphans (KoersOrphanModel *self,
                                GPtrArray        *orphans)
{
  guint removed;

  g_return_if_fail (KOERS_IS_ORPHAN_MODEL (self));

  removed = self->orphans->len;
  g_ptr_array_unref (self->orphans);
  self->orphans = orphans != NULL ? g_ptr_array_ref (orphans) : g_ptr_array_new ();
  if (removed > 0 || self->orphans->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->orphans->len);
}

/**
 * koers_orphan_model_get_orphan:
 *
 * Returns: (nullable): the orphan at @position, or %NULL past the end
 */
const KoersOrphan *
koers_orphan_model_get_orphan (KoersOrphanModel *self,
                               guint             position)
{
  g_return_val_if_fail (KOERS_IS_ORPHAN_MODEL (self), NULL);

  if (position >= self->orphans->len)
    return NULL;
  return g_ptr_array_index (self->orphans, position);
}
