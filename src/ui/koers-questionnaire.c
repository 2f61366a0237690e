/* koers-questionnaire.c: the guided self-assessment of one model: its
 * statements by stage, each answered yes, partly, no or don't know with a
 * note of the evidence, and the stage the answers suggest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-questionnaire"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "koers-questionnaire.h"
#include "koers-tooltip.h"

/* The answers offered, in the order of the buttons */
static const KoersAnswer offered[] = {
  KOERS_ANSWER_YES, KOERS_ANSWER_PARTLY, KOERS_ANSWER_NO, KOERS_ANSWER_DONT_KNOW,
};

typedef struct {
  char      *id;
  char      *key;                            /* MODEL/STATEMENT */
  GtkWidget *buttons[G_N_ELEMENTS (offered)];
  GtkWidget *note;
} StatementRow;

struct _KoersQuestionnaire
{
  AdwWindow     parent_instance;

  KoersHistory *history;
  KoersModel   *model;
  GPtrArray    *rows;       /* StatementRow*, in the model's order */
  gboolean      syncing;    /* showing the project, not editing it */
  int           suggestion;

  /* template widgets */
  GtkWidget    *window_title;
  GtkWidget    *page;
  GtkWidget    *suggestion_row;
  GtkWidget    *rationale_button;
  GtkWidget    *place_button;
};

G_DEFINE_FINAL_TYPE (KoersQuestionnaire, koers_questionnaire, ADW_TYPE_WINDOW)

static void
statement_row_free (StatementRow *row)
{
  g_free (row->id);
  g_free (row->key);
  g_free (row);
}

static const char *
answer_label (KoersAnswer answer)
{
  switch (answer)
    {
    case KOERS_ANSWER_YES:
      return C_("answer", "Yes");
    case KOERS_ANSWER_PARTLY:
      return C_("answer", "Partly");
    case KOERS_ANSWER_NO:
      return C_("answer", "No");
    case KOERS_ANSWER_DONT_KNOW:
      return C_("answer", "Don’t Know");
    case KOERS_ANSWER_NONE:
    default:
      return "";
    }
}

static KoersProject *
get_project (KoersQuestionnaire *self)
{
  return koers_history_get_project (self->history);
}

static const char *
model_id (KoersQuestionnaire *self)
{
  return koers_model_get_id (self->model);
}

static StatementRow *
find_row (KoersQuestionnaire *self,
          const char         *statement_id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      StatementRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->id, statement_id) == 0)
        return row;
    }
  return NULL;
}

/* --- showing the project ------------------------------------------------ */

static void
update_suggestion (KoersQuestionnaire *self)
{
  KoersProject *project = get_project (self);
  const char *current = koers_project_get_current (project, model_id (self));
  int placed = koers_model_stage_index (self->model, current);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  self->suggestion = koers_project_suggest_stage (project, model_id (self));
  if (self->suggestion < 0)
    {
      title = g_strdup (_("No suggestion yet"));
      subtitle = g_strdup (_("Answer at least half of the statements of the first stage."));
    }
  else
    {
      const char *suggested = koers_model_get_stage (self->model, self->suggestion)->name;

      /* TRANSLATORS: %s is a stage, e.g. "Your answers point to Listen" */
      title = g_strdup_printf (_("Your answers point to %s"), suggested);
      if (placed < 0)
        subtitle = g_strdup (_("Now is not placed yet."));
      else if (placed == self->suggestion)
        subtitle = g_strdup (_("Now is placed there."));
      else
        /* TRANSLATORS: %1$s and %2$s are stages: "You placed Create; your answers point to Listen." */
        subtitle = g_strdup_printf (_("You placed %1$s; your answers point to %2$s."),
                                    koers_model_get_stage (self->model, placed)->name, suggested);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->suggestion_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->suggestion_row), subtitle);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questionnaire.place-suggestion",
                                 self->suggestion >= 0 && placed != self->suggestion);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questionnaire.use-answers",
                                 koers_project_has_answers (project, model_id (self)));
}

static void
sync_row (KoersQuestionnaire *self,
          StatementRow       *row)
{
  KoersProject *project = get_project (self);
  KoersAnswer answer = koers_project_get_answer (project, model_id (self), row->id);
  const char *note = koers_project_get_answer_note (project, model_id (self), row->id);

  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (offered); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->buttons[i]), offered[i] == answer);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row->note)), note ? note : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row->note), note ? note : "");
  self->syncing = FALSE;
}

/* KoersHistory::changed: an edit here, an undo, or a move of Now */
static void
history_changed_cb (KoersQuestionnaire *self,
                    KoersField          field,
                    const char         *key)
{
  if ((field == KOERS_FIELD_ANSWER || field == KOERS_FIELD_ANSWER_NOTE) && key != NULL)
    {
      const char *slash = strchr (key, '/');
      StatementRow *row;

      if (slash == NULL || strncmp (key, model_id (self), slash - key) != 0 ||
          model_id (self)[slash - key] != '\0')
        return;
      if ((row = find_row (self, slash + 1)) != NULL)
        sync_row (self, row);
    }
  update_suggestion (self);
}

/* --- editing --------------------------------------------------------------- */

static void
set_answer (KoersQuestionnaire *self,
            const char         *statement_id,
            const char         *word)
{
  g_autofree char *key = koers_project_answer_key (model_id (self), statement_id);
  g_autoptr(GError) error = NULL;

  if (!koers_history_set (self->history, KOERS_FIELD_ANSWER, key, word, &error))
    g_warning ("%s", error->message);
}

static void
answer_toggled_cb (GtkToggleButton    *button,
                   KoersQuestionnaire *self)
{
  StatementRow *row = g_object_get_data (G_OBJECT (button), "koers-statement-row");
  KoersAnswer answer = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "koers-answer"));

  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;
  set_answer (self, row->id, koers_answer_to_string (answer));
}

static void
note_changed_cb (GtkEditable        *editable,
                 KoersQuestionnaire *self)
{
  StatementRow *row = g_object_get_data (G_OBJECT (editable), "koers-statement-row");

  if (self->syncing)
    return;
  koers_history_set (self->history, KOERS_FIELD_ANSWER_NOTE, row->key,
                     gtk_editable_get_text (editable), NULL);
}

/* questionnaire.answer (ss): statement id, answer ("" takes it back) */
static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KoersQuestionnaire *self = KOERS_QUESTIONNAIRE (widget);
  const char *statement_id, *word;

  g_variant_get (parameter, "(&s&s)", &statement_id, &word);
  set_answer (self, statement_id, *word ? word : NULL);
}

static void
place_suggestion_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KoersQuestionnaire *self = KOERS_QUESTIONNAIRE (widget);

  if (self->suggestion < 0)
    return;
  koers_history_place (self->history, model_id (self), KOERS_MARKER_CURRENT,
                       koers_model_get_stage (self->model, self->suggestion)->id, NULL);
}

/* The explicit way to replace a rationale; undoable like any edit. */
static void
use_answers_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KoersQuestionnaire *self = KOERS_QUESTIONNAIRE (widget);
  g_autofree char *draft = koers_project_dup_answers_draft (get_project (self), model_id (self));

  if (draft == NULL)
    return;
  koers_history_seal (self->history);
  koers_history_set (self->history, KOERS_FIELD_RATIONALE, model_id (self), draft, NULL);
  koers_history_seal (self->history);
}

/* An empty rationale gets the answers as its first draft; text the user
 * wrote is never replaced without asking. */
static gboolean
close_request_cb (GtkWindow *window,
                  gpointer   user_data)
{
  KoersQuestionnaire *self = KOERS_QUESTIONNAIRE (window);
  KoersProject *project = get_project (self);
  const char *rationale = koers_project_get_rationale (project, model_id (self));

  if ((rationale == NULL || *rationale == '\0') && koers_project_has_answers (project, model_id (self)))
    use_answers_action (GTK_WIDGET (self), NULL, NULL);
  return FALSE;
}

/* --- building ------------------------------------------------------------ */

static GtkWidget *
add_statement (KoersQuestionnaire   *self,
               AdwPreferencesGroup  *group,
               const KoersStatement *statement)
{
  StatementRow *row = g_new0 (StatementRow, 1);
  GtkWidget *action_row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *note = adw_entry_row_new ();
  g_autofree char *note_label = NULL;

  row->id = g_strdup (statement->id);
  row->key = koers_project_answer_key (model_id (self), statement->id);
  g_ptr_array_add (self->rows, row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), statement->text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (action_row), 0);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, statement->text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (offered); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (answer_label (offered[i]));

      /* The answer is the name; the statement says what it answers. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, statement->text, -1);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (row->buttons[0]));
      g_object_set_data (G_OBJECT (button), "koers-statement-row", row);
      g_object_set_data (G_OBJECT (button), "koers-answer", GINT_TO_POINTER (offered[i]));
      g_signal_connect (button, "toggled", G_CALLBACK (answer_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), button);
      row->buttons[i] = button;
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), box);
  adw_preferences_group_add (group, action_row);

  row->note = note;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Evidence: a link, a document or a name"));
  /* TRANSLATORS: what a screen reader says for the note field; %s is a statement */
  note_label = g_strdup_printf (_("Evidence for: %s"), statement->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (note),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, note_label, -1);
  g_object_set_data (G_OBJECT (note), "koers-statement-row", row);
  g_signal_connect (note, "changed", G_CALLBACK (note_changed_cb), self);
  adw_preferences_group_add (group, note);

  sync_row (self, row);
  return action_row;
}

/* A preferences group keeps its rows in a list box it gives no name, and
 * a screen reader then announces the widget's class: the list takes the
 * group's title instead. */
static void
name_group_list (GtkWidget  *widget,
                 const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      else
        name_group_list (child, label);
    }
}

static void
build (KoersQuestionnaire *self)
{
  AdwPreferencesGroup *group = NULL;
  int stage = -1;
  g_autofree char *title = NULL;

  /* TRANSLATORS: the questionnaire's title; %s is a model */
  title = g_strdup_printf (_("Assess the %s"), koers_model_get_name (self->model));
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title), title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title), _("Answer the statements"));

  for (guint i = 0; i < koers_model_get_n_statements (self->model); i++)
    {
      const KoersStatement *statement = koers_model_get_statement (self->model, i);

      if ((int) statement->stage_index != stage)
        {
          const KoersStage *s = koers_model_get_stage (self->model, statement->stage_index);

          stage = statement->stage_index;
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, s->name);
          if (s->tagline != NULL)
            adw_preferences_group_set_description (group, s->tagline);
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), group);
          name_group_list (GTK_WIDGET (group), s->name);
        }
      add_statement (self, group, statement);
    }
  /* TRANSLATORS: what a screen reader calls the list holding the suggested stage */
  name_group_list (gtk_widget_get_ancestor (self->suggestion_row, ADW_TYPE_PREFERENCES_GROUP), _("Suggestion"));
  update_suggestion (self);
}

static void
koers_questionnaire_dispose (GObject *object)
{
  KoersQuestionnaire *self = (KoersQuestionnaire *) object;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_object (&self->model);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_QUESTIONNAIRE);

  G_OBJECT_CLASS (koers_questionnaire_parent_class)->dispose (object);
}

static void
koers_questionnaire_class_init (KoersQuestionnaireClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_questionnaire_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/koersapp/Koers/ui/koers-questionnaire.ui");
  gtk_widget_class_bind_template_child (widget_class, KoersQuestionnaire, window_title);
  gtk_widget_class_bind_template_child (widget_class, KoersQuestionnaire, page);
  gtk_widget_class_bind_template_child (widget_class, KoersQuestionnaire, suggestion_row);
  gtk_widget_class_bind_template_child (widget_class, KoersQuestionnaire, rationale_button);
  gtk_widget_class_bind_template_child (widget_class, KoersQuestionnaire, place_button);

  gtk_widget_class_install_action (widget_class, "questionnaire.answer", "(ss)", answer_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.place-suggestion", NULL, place_suggestion_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.use-answers", NULL, use_answers_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "questionnaire.place-suggestion", NULL);
}

static void
koers_questionnaire_init (KoersQuestionnaire *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not in the template: see koers-tooltip.c. */
  koers_tooltip_set (self->rationale_button, _("Replace this model’s rationale with a summary of the answers"));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) statement_row_free);
  self->suggestion = -1;
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

/**
 * koers_questionnaire_new:
 * @parent: (nullable): the window it belongs to
 * @history: the project's history: every answer is an undoable edit
 * @model: the model whose statements to ask
 *
 * Returns: (transfer none): a modal window, owned by GTK like every
 *   toplevel; present it
 */
KoersQuestionnaire *
koers_questionnaire_new (GtkWindow    *parent,
                         KoersHistory *history,
                         KoersModel   *model)
{
  KoersQuestionnaire *self;

  g_return_val_if_fail (KOERS_IS_HISTORY (history), NULL);
  g_return_val_if_fail (KOERS_IS_MODEL (model), NULL);

  self = g_object_new (KOERS_TYPE_QUESTIONNAIRE, "transient-for", parent, NULL);
  self->history = g_object_ref (history);
  self->model = g_object_ref (model);
  g_signal_connect_swapped (history, "changed", G_CALLBACK (history_changed_cb), self);
  build (self);
  return self;
}

/**
 * koers_questionnaire_get_model:
 *
 * Returns: (transfer none): the model being assessed
 */
KoersModel *
koers_questionnaire_get_model (KoersQuestionnaire *self)
{
  g_return_val_if_fail (KOERS_IS_QUESTIONNAIRE (self), NULL);
  return self->model;
}

/**
 * koers_questionnaire_get_suggestion:
 *
 * Returns: the index of the stage the answers suggest, or -1
 */
int
koers_questionnaire_get_suggestion (KoersQuestionnaire *self)
{
  g_return_val_if_fail (KOERS_IS_QUESTIONNAIRE (self), -1);
  return self->suggestion;
}
