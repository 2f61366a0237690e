/* koers-orphan-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file edited by another version of Koers, or a long history of moved
 * markers, may hold thousands of annotations on items no roadmap has.
 * They are listed in a GtkListView of their own, which makes rows for
 * what is in view and some around it (up to 200 in GTK 4.8), and the list
 * is only touched when what was recorded changed: an edit elsewhere in
 * the roadmap costs nothing here.
 */
#define G_LOG_DOMAIN "koers-orphan-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "koers-orphan-list.h"
#include "koers-orphan-model.h"
#include "koers-rules.h"

struct _KoersOrphanList
{
  AdwBin      parent_instance;

  KoersOrphanModel *model;
  GPtrArray        *shown;   /* KoersOrphan*: the roadmap's, kept */
  GtkWidget        *scroller;
};

/* GTK 4.8's list view asks for the height of one row only: the frame
 * asks for up to MAX_ROWS rows of about ROW_HEIGHT, and scrolls past. */
#define ROW_HEIGHT 58
#define MAX_ROWS   7

G_DEFINE_FINAL_TYPE (KoersOrphanList, koers_orphan_list, ADW_TYPE_BIN)

/* "listen/respond-within-a-day" reads "Respond within a day". */
static char *
humanise_id (const char *id)
{
  const char *slash = strrchr (id, '/');
  char *text = g_strdup (slash ? slash + 1 : id);

  g_strdelimit (text, "-_", ' ');
  if (text[0] != '\0')
    text[0] = g_ascii_toupper (text[0]);
  return text;
}

static char *
describe_orphan (const KoersOrphan *orphan)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (orphan->has_status)
    g_ptr_array_add (parts, g_strdup (koers_status_get_label (orphan->status)));
  if (orphan->owner != NULL)
    /* TRANSLATORS: what was recorded on a roadmap item, e.g. "Owner: Anna" */
    g_ptr_array_add (parts, g_strdup_printf (_("Owner: %s"), orphan->owner));
  if (orphan->due != NULL)
    /* TRANSLATORS: e.g. "Due: 2027-Q1" */
    g_ptr_array_add (parts, g_strdup_printf (_("Due: %s"), orphan->due));
  if (orphan->note != NULL)
    /* TRANSLATORS: e.g. "Note: ask the works council" */
    g_ptr_array_add (parts, g_strdup_printf (_("Note: %s"), orphan->note));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/* Whether two lists of orphans show the same, compared field by field:
 * no copy and no formatting, so that an edit elsewhere in a project with
 * a hundred thousand annotations costs a few milliseconds here. */
static gboolean
same_orphans (const GPtrArray *a,
              const GPtrArray *b)
{
  guint n_a = a != NULL ? a->len : 0;
  guint n_b = b != NULL ? b->len : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    {
      const KoersOrphan *x = g_ptr_array_index (a, i);
      const KoersOrphan *y = g_ptr_array_index (b, i);

      if (x == y)
        continue;
      if (strcmp (x->id, y->id) != 0 || x->has_status != y->has_status || x->status != y->status ||
          g_strcmp0 (x->owner, y->owner) != 0 || g_strcmp0 (x->due, y->due) != 0 ||
          g_strcmp0 (x->note, y->note) != 0)
        return FALSE;
    }
  return TRUE;
}

/* A row: the item's title over what was recorded on it, each on one
 * line, in a box of the list view's row. GTK 4.8's list view makes up to
 * 200 rows whatever it shows, so a row is kept light: an AdwActionRow is
 * a dozen widgets, and 200 of them took a third of a second to make and
 * lay out the first time the Roadmap page was shown. The whole text, and
 * the item's id, are in the tooltip and the accessible description. */
static gboolean
query_tooltip_cb (GtkWidget  *box,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  const char *id = gtk_widget_get_name (box);
  const char *recorded = gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box)));
  g_autofree char *text = NULL;

  if (id == NULL || *id == '\0')
    return FALSE;
  /* Asked for when shown: gtk_widget_set_tooltip_text() on every bind
   * asked the X server where the pointer was, a round trip a row. */
  text = *recorded != '\0' ? g_strdup_printf ("%s\n%s", recorded, id) : g_strdup (id);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          KoersOrphanList          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "orphan");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "title");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "subtitle");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);

  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect (box, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         KoersOrphanList          *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  const KoersOrphan *orphan = koers_orphan_model_get_orphan (self->model, gtk_list_item_get_position (list_item));
  const char *known;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *id;

  if (orphan == NULL)
    return;
  id = orphan->id;
  known = koers_rules_get_item_title (koers_rules_get_builtin (), id);
  title = known ? g_strdup (known) : humanise_id (id);
  subtitle = describe_orphan (orphan);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), title);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), subtitle);
  gtk_widget_set_name (box, id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

static void
koers_orphan_list_finalize (GObject *object)
{
  KoersOrphanList *self = (KoersOrphanList *) object;

  g_clear_object (&self->model);
  g_clear_pointer (&self->shown, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_orphan_list_parent_class)->finalize (object);
}

static void
koers_orphan_list_class_init (KoersOrphanListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koers_orphan_list_finalize;
}

static void
koers_orphan_list_init (KoersOrphanList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view;

  self->scroller = scroller;

  self->model = koers_orphan_model_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)))),
                            factory);
  /* Lines between the rows, as in the boxed lists above it. */
  gtk_list_view_set_show_separators (GTK_LIST_VIEW (view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("No longer in the roadmap"),
                                  -1);

  /* A few rows take their own height; thousands scroll within a frame
   * rather than making the page as long as all of them. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), MAX_ROWS * ROW_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_set_overflow (scroller, GTK_OVERFLOW_HIDDEN);
  adw_bin_set_child (ADW_BIN (self), scroller);
}

GtkWidget *
koers_orphan_list_new (void)
{
  return g_object_new (KOERS_TYPE_ORPHAN_LIST, NULL);
}

/**
 * koers_orphan_list_set_orphans:
 * @orphans: (element-type KoersOrphan) (nullable): from
 *   koers_roadmap_get_orphans()
 *
 * Shows @orphans; does nothing when they say what is shown already.
 */
void
koers_orphan_list_set_orphans (KoersOrphanList *self,
                               const GPtrArray *orphans)
{
  guint n;

  g_return_if_fail (KOERS_IS_ORPHAN_LIST (self));

  if (self->shown != NULL && same_orphans (orphans, self->shown))
    return;
  /* Kept, not copied: a roadmap never changes once built, and the
   * reference keeps its orphans alive after it is gone. The model makes
   * an item only for the rows the list view makes. */
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = orphans != NULL ? g_ptr_array_ref ((GPtrArray *) orphans)
                                : g_ptr_array_new ();
  koers_orphan_model_set_orphans (self->model, self->shown);
  n = self->shown->len;
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scroller),
                                              MIN (n, MAX_ROWS) * ROW_HEIGHT);
}
