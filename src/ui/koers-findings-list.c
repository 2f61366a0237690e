/* koers-findings-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2 has no AdwBanner, and GtkInfoBar is on its way out, so
 * findings are rows of a boxed list, each with a warning or an
 * information icon. The list hides itself when there is nothing to say.
 */
#define G_LOG_DOMAIN "koers-findings-list"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-findings-list.h"
#include "koers-model-row.h"

struct _KoersFindingsList
{
  AdwBin        parent_instance;

  GtkWidget    *group;
  GtkWidget    *list;
  KoersRoadmap *roadmap;
  KoersCatalog *catalog;
  char         *filter;
  char         *shown;         /* shown_key() of the rows shown */
  guint         n_shown[2];
};

G_DEFINE_FINAL_TYPE (KoersFindingsList, koers_findings_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FILTER,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
concerns (const KoersFinding *finding,
          const char         *model_id)
{
  return model_id == NULL ||
         (finding->models != NULL && g_strv_contains ((const char * const *) finding->models, model_id));
}

static char *
models_text (KoersFindingsList  *self,
             const KoersFinding *finding)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; finding->models != NULL && finding->models[i] != NULL; i++)
    {
      KoersModel *model = self->catalog ? koers_catalog_lookup (self->catalog, finding->models[i]) : NULL;

      g_ptr_array_add (names, (gpointer) (model ? koers_model_get_short_name (model) : finding->models[i]));
    }
  g_ptr_array_add (names, NULL);
  /* TRANSLATORS: separates model names, e.g. "Pyramid · Maturity Matrix" */
  return g_strjoinv (_(" · "), (char **) names->pdata);
}

/* What the list would show: every roadmap has its own findings, mostly
 * the same as the last one's, and rows made again for nothing cost a
 * frame. */
static char *
shown_key (KoersFindingsList *self)
{
  const GPtrArray *findings = self->roadmap ? koers_roadmap_get_findings (self->roadmap) : NULL;
  GString *key = g_string_new (NULL);

  /* The catalog names the models under each finding. */
  g_string_append_printf (key, "%p\x1e", (void *) self->catalog);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const KoersFinding *finding = g_ptr_array_index (findings, i);

      if (!concerns (finding, self->filter))
        continue;
      g_string_append_printf (key, "%d\x1f%s\x1f", finding->severity, finding->message);
      for (guint m = 0; finding->models != NULL && finding->models[m] != NULL; m++)
        g_string_append_printf (key, "%s,", finding->models[m]);
      g_string_append_c (key, '\x1e');
    }
  return g_string_free (key, FALSE);
}

static void
rebuild (KoersFindingsList *self)
{
  const GPtrArray *findings;
  GtkWidget *child;
  g_autofree char *key = shown_key (self);

  if (self->shown != NULL && g_str_equal (self->shown, key))
    return;
  g_free (self->shown);
  self->shown = g_steal_pointer (&key);

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  self->n_shown[KOERS_SEVERITY_INFO] = 0;
  self->n_shown[KOERS_SEVERITY_WARNING] = 0;

  findings = self->roadmap ? koers_roadmap_get_findings (self->roadmap) : NULL;
  for (guint pass = 0; findings != NULL && pass < 2; pass++)
    {
      /* Warnings first. */
      KoersSeverity severity = pass == 0 ? KOERS_SEVERITY_WARNING : KOERS_SEVERITY_INFO;

      for (guint i = 0; i < findings->len; i++)
        {
          const KoersFinding *finding = g_ptr_array_index (findings, i);
          g_autofree char *subtitle = NULL;
          GtkWidget *row;
          GtkWidget *icon;

          if (finding->severity != severity || !concerns (finding, self->filter))
            continue;

          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
          subtitle = models_text (self, finding);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_widget_add_css_class (row, "finding");

          icon = gtk_image_new_from_icon_name (severity == KOERS_SEVERITY_WARNING
                                               ? "dialog-warning-symbolic"
                                               : "dialog-information-symbolic");
          gtk_widget_add_css_class (icon, severity == KOERS_SEVERITY_WARNING ? "warning" : "accent");
          gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          severity == KOERS_SEVERITY_WARNING ? C_("finding", "Warning") : C_("finding", "Note"),
                                          -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          gtk_widget_add_css_class (row, severity == KOERS_SEVERITY_WARNING ? "finding-warning" : "finding-info");

          koers_widget_measure_width_alone_inside (row, "title");
          gtk_list_box_append (GTK_LIST_BOX (self->list), row);
          self->n_shown[severity]++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self),
                          self->n_shown[KOERS_SEVERITY_INFO] + self->n_shown[KOERS_SEVERITY_WARNING] > 0);
}

static void
koers_findings_list_dispose (GObject *object)
{
  KoersFindingsList *self = (KoersFindingsList *) object;

  g_clear_object (&self->roadmap);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (koers_findings_list_parent_class)->dispose (object);
}

static void
koers_findings_list_finalize (GObject *object)
{
  KoersFindingsList *self = (KoersFindingsList *) object;

  g_free (self->filter);
  g_free (self->shown);

  G_OBJECT_CLASS (koers_findings_list_parent_class)->finalize (object);
}

static void
koers_findings_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KoersFindingsList *self = KOERS_FINDINGS_LIST (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_string (value, self->filter);
      break;
    case PROP_TITLE:
      g_value_set_string (value, adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (self->group)));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (self->group)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_findings_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KoersFindingsList *self = KOERS_FINDINGS_LIST (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      koers_findings_list_set_filter (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_findings_list_class_init (KoersFindingsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = koers_findings_list_dispose;
  object_class->finalize = koers_findings_list_finalize;
  object_class->get_property = koers_findings_list_get_property;
  object_class->set_property = koers_findings_list_set_property;

  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
koers_findings_list_init (KoersFindingsList *self)
{
  self->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), _("Findings"));
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Findings"),
                                  -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->list);
  adw_bin_set_child (ADW_BIN (self), self->group);
  koers_widget_measure_width_alone_inside (self->group, "labels");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
koers_findings_list_new (void)
{
  return g_object_new (KOERS_TYPE_FINDINGS_LIST, NULL);
}

/**
 * koers_findings_list_set_filter:
 * @model_id: (nullable): show only findings about this model; %NULL for all
 */
void
koers_findings_list_set_filter (KoersFindingsList *self,
                                const char        *model_id)
{
  g_return_if_fail (KOERS_IS_FINDINGS_LIST (self));

  if (g_strcmp0 (self->filter, model_id) == 0)
    return;
  g_free (self->filter);
  self->filter = g_strdup (model_id);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/**
 * koers_findings_list_set_roadmap:
 * @roadmap: (nullable): the roadmap whose findings to show
 * @catalog: (nullable): to name the models
 */
void
koers_findings_list_set_roadmap (KoersFindingsList *self,
                                 KoersRoadmap      *roadmap,
                                 KoersCatalog      *catalog)
{
  g_return_if_fail (KOERS_IS_FINDINGS_LIST (self));

  g_set_object (&self->roadmap, roadmap);
  g_set_object (&self->catalog, catalog);
  rebuild (self);
}
