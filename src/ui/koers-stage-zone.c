/* koers-stage-zone.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 cannot give a custom-drawn widget virtual accessible children,
 * so every stage of a KoersModelCanvas is a real child widget: invisible,
 * focusable, laid over its zone of the drawing, named after the stage and
 * saying which marker stands on it. The canvas draws everything.
 */
#define G_LOG_DOMAIN "koers-stage-zone"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-stage-zone.h"

struct _KoersStageZone
{
  GtkWidget  parent_instance;

  char      *stage_id;
  char      *marker_text;
};

G_DEFINE_FINAL_TYPE (KoersStageZone, koers_stage_zone, GTK_TYPE_WIDGET)

enum {
  SIGNAL_PLACE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_STAGE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
koers_stage_zone_finalize (GObject *object)
{
  KoersStageZone *self = (KoersStageZone *) object;

  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->marker_text, g_free);

  G_OBJECT_CLASS (koers_stage_zone_parent_class)->finalize (object);
}

static void
koers_stage_zone_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KoersStageZone *self = KOERS_STAGE_ZONE (object);

  switch (prop_id)
    {
    case PROP_STAGE_ID:
      g_value_set_string (value, self->stage_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A screen reader lists a widget action under its name and says nothing
 * else about it on GTK 4.8 (no label, no key binding), so the stage's own
 * actions are named with the words the stage menu shows. */
static const char *
place_now_name (void)
{
  return C_("stage action", "Place Now here");
}

static const char *
place_goal_name (void)
{
  return C_("stage action", "Place Goal here");
}

static void
place_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KoersMarker marker = g_str_equal (action_name, place_now_name ())
    ? KOERS_MARKER_CURRENT : KOERS_MARKER_TARGET;

  g_signal_emit (widget, signals[SIGNAL_PLACE], 0, marker);
}

static void
koers_stage_zone_class_init (KoersStageZoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = koers_stage_zone_finalize;
  object_class->get_property = koers_stage_zone_get_property;

  properties[PROP_STAGE_ID] =
    g_param_spec_string ("stage-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KoersStageZone::place:
   * @marker: the KoersMarker to place on this stage
   *
   * A screen reader ran one of the stage's actions.
   */
  signals[SIGNAL_PLACE] =
    g_signal_new ("place", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, place_now_name (), NULL, place_action);
  gtk_widget_class_install_action (widget_class, place_goal_name (), NULL, place_action);

  gtk_widget_class_set_css_name (widget_class, "stagezone");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
koers_stage_zone_init (KoersStageZone *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  /* The canvas hit-tests the drawing itself, with the art's exact shapes. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  self->marker_text = g_strdup ("");
}

/**
 * koers_stage_zone_new:
 * @stage: the stage; only its id and name are kept
 *
 * Returns: (transfer floating): a zone named after @stage
 */
GtkWidget *
koers_stage_zone_new (const KoersStage *stage)
{
  KoersStageZone *self;

  g_return_val_if_fail (stage != NULL, NULL);

  self = g_object_new (KOERS_TYPE_STAGE_ZONE, NULL);
  self->stage_id = g_strdup (stage->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, stage->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "",
                                  -1);
  return GTK_WIDGET (self);
}

const char *
koers_stage_zone_get_stage_id (KoersStageZone *self)
{
  g_return_val_if_fail (KOERS_IS_STAGE_ZONE (self), NULL);
  return self->stage_id;
}

/**
 * koers_stage_zone_set_markers:
 *
 * Says which markers stand on the stage, and whether the answers point
 * to it, for screen readers.
 */
void
koers_stage_zone_set_markers (KoersStageZone *self,
                              gboolean        has_now,
                              gboolean        has_goal,
                              gboolean        suggested)
{
  g_autofree char *joined = NULL;
  const char *text;

  g_return_if_fail (KOERS_IS_STAGE_ZONE (self));

  if (has_now && has_goal)
    text = _("Now and Goal are here");
  else if (has_now)
    text = _("Now is here");
  else if (has_goal)
    text = _("Goal is here");
  else
    text = "";
  if (suggested)
    text = joined = *text != '\0'
                    /* TRANSLATORS: %s is e.g. "Goal is here" */
                    ? g_strdup_printf (_("%s. Your answers point here"), text)
                    : g_strdup (_("Your answers point here"));

  if (g_strcmp0 (text, self->marker_text) == 0)
    return;

  g_free (self->marker_text);
  self->marker_text = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}
