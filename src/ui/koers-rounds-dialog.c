/* koers-rounds-dialog.c: the closed rounds, newest first, and "Close
 * This Round"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-rounds"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-rounds-dialog.h"
#include "koers-tooltip.h"

struct _KoersRoundsDialog
{
  AdwWindow     parent_instance;

  KoersHistory *history;
  GPtrArray    *rows;      /* the rows of the rounds, AdwActionRow* */

  /* template widgets */
  GtkWidget    *group;
  GtkWidget    *empty_row;
  GtkWidget    *close_round_button;
};

G_DEFINE_FINAL_TYPE (KoersRoundsDialog, koers_rounds_dialog, ADW_TYPE_WINDOW)

static char *
describe_round (KoersProject *project,
                guint         index)
{
  KoersCatalog *catalog = koers_project_get_catalog (project);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *counts = NULL;

  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      const KoersStage *stage = koers_model_find_stage (model, koers_project_get_round_marker (project, index,
                                                                                             koers_model_get_id (model),
                                                                                             KOERS_MARKER_CURRENT));

      if (stage == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, C_("list separator", ", "));
      /* TRANSLATORS: where Now stood on a model in a round: "Pyramid: Listen" */
      g_string_append_printf (text, C_("round", "%s: %s"), koers_model_get_short_name (model), stage->name);
    }
  if (text->len == 0)
    g_string_append (text, C_("round", "Nothing placed"));
  /* TRANSLATORS: the roadmap in a closed round: "3 done, 1 doing, 12 to do" */
  counts = g_strdup_printf (C_("round", "%u done, %u doing, %u to do"),
                            koers_project_get_round_count (project, index, KOERS_STATUS_DONE),
                            koers_project_get_round_count (project, index, KOERS_STATUS_DOING),
                            koers_project_get_round_count (project, index, KOERS_STATUS_TODO));
  g_string_append_printf (text, "\n%s", counts);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
rebuild (KoersRoundsDialog *self)
{
  KoersProject *project = koers_history_get_project (self->history);
  guint n = koers_project_get_n_rounds (project);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->group), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = n; i > 0; i--)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = describe_round (project, i - 1);
      g_autofree char *day = koers_format_iso_day (koers_project_get_round_closed (project, i - 1));

      /* TRANSLATORS: a closed round, by the day it closed: "Round of 1 September 2026" */
      title = g_strdup_printf (_("Round of %s"), day);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (self->empty_row, n == 0);
}

static void
history_changed_cb (KoersRoundsDialog *self,
                    KoersField         field)
{
  if (field == KOERS_FIELD_ROUNDS)
    rebuild (self);
}

/* rounds.close-round: one undoable edit, so no question first */
static void
close_round_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KoersRoundsDialog *self = KOERS_ROUNDS_DIALOG (widget);
  g_autofree char *value = koers_project_dup_closed_round (koers_history_get_project (self->history), NULL);
  g_autoptr(GError) error = NULL;

  if (!koers_history_set (self->history, KOERS_FIELD_ROUNDS, NULL, value, &error))
    g_warning ("Cannot close the round: %s", error->message);
}

static void
koers_rounds_dialog_dispose (GObject *object)
{
  KoersRoundsDialog *self = (KoersRoundsDialog *) object;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_ROUNDS_DIALOG);

  G_OBJECT_CLASS (koers_rounds_dialog_parent_class)->dispose (object);
}

static void
koers_rounds_dialog_class_init (KoersRoundsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_rounds_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/koersapp/Koers/ui/koers-rounds-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KoersRoundsDialog, group);
  gtk_widget_class_bind_template_child (widget_class, KoersRoundsDialog, empty_row);
  gtk_widget_class_bind_template_child (widget_class, KoersRoundsDialog, close_round_button);

  gtk_widget_class_install_action (widget_class, "rounds.close-round", NULL, close_round_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
koers_rounds_dialog_init (KoersRoundsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not in the template: see koers-tooltip.c. */
  koers_tooltip_set (self->close_round_button,
                     _("Record today’s placements, answers and roadmap statuses, to compare with next time"));
  self->rows = g_ptr_array_new ();
}

/**
 * koers_rounds_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @history: the project's history: closing a round is an undoable edit
 *
 * Returns: (transfer none): a modal window, owned by GTK like every
 *   toplevel; present it
 */
KoersRoundsDialog *
koers_rounds_dialog_new (GtkWindow    *parent,
                         KoersHistory *history)
{
  KoersRoundsDialog *self;

  g_return_val_if_fail (KOERS_IS_HISTORY (history), NULL);

  self = g_object_new (KOERS_TYPE_ROUNDS_DIALOG, "transient-for", parent, NULL);
  self->history = g_object_ref (history);
  g_signal_connect_swapped (history, "changed", G_CALLBACK (history_changed_cb), self);
  rebuild (self);
  return self;
}
