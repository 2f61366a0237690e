/* test-questionnaire.c: "Assess with Questions…": answering a model's
 * statements through the questionnaire's actions and its keyboard path,
 * the suggested stage, placing Now there, and the rationale's first draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koers-questionnaire.h"
#include "ui-test-util.h"

static KoersQuestionnaire *
find_questionnaire (KoersWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  KoersQuestionnaire *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (KOERS_IS_QUESTIONNAIRE (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        found = KOERS_QUESTIONNAIRE (toplevel);
    }
  return found;
}

static KoersQuestionnaire *
open_questionnaire (KoersWindow *window,
                    const char  *model_id)
{
  KoersQuestionnaire *questionnaire;

  g_assert_null (find_questionnaire (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.assess-questions", "s", model_id));
  pump ();
  questionnaire = find_questionnaire (window);
  g_assert_nonnull (questionnaire);
  return questionnaire;
}

static void
close_questionnaire (KoersQuestionnaire *questionnaire)
{
  gtk_window_close (GTK_WINDOW (questionnaire));
  pump ();
}

static void
answer (KoersQuestionnaire *questionnaire,
        const char         *statement_id,
        const char         *word)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (questionnaire), "questionnaire.answer",
                                             "(ss)", statement_id, word));
  pump ();
}

static gboolean
action_enabled (KoersQuestionnaire *questionnaire,
                const char         *name)
{
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (questionnaire),
                                                                 KOERS_TYPE_QUESTIONNAIRE, name));

  return gtk_widget_get_sensitive (button);
}

/* The focusable widgets in the order Tab reaches them. */
static GPtrArray *
tab_chain (GtkWidget *window)
{
  GPtrArray *chain = g_ptr_array_new ();

  gtk_widget_grab_focus (window);
  for (int i = 0; i < 2000; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (chain->len > 0 && focus == g_ptr_array_index (chain, 0))
        break;
      g_ptr_array_add (chain, focus);
    }
  return chain;
}

/* Answers through the actions, the way a test or an assistive technology
 * reaches them: the suggestion follows live, and Place Now Here places it. */
static void
test_actions (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  KoersModel *model = koers_catalog_lookup (koers_project_get_catalog (project), "pyramid");
  KoersHistory *history = ui_test_history (window);
  KoersQuestionnaire *questionnaire;
  const char *was = koers_project_get_current (project, "pyramid");
  g_autofree char *placed_before = g_strdup (was);

  g_assert_true (koers_model_get_n_statements (model) > 0);
  g_assert_cmpstr (placed_before, !=, "listen");

  questionnaire = open_questionnaire (window, "pyramid");
  g_assert_true (koers_questionnaire_get_model (questionnaire) == model);
  g_assert_cmpint (koers_questionnaire_get_suggestion (questionnaire), ==, -1);
  g_assert_false (action_enabled (questionnaire, "place_button"));
  g_assert_false (action_enabled (questionnaire, "rationale_button"));

  for (guint i = 0; i < koers_model_get_n_statements (model); i++)
    {
      const KoersStatement *st = koers_model_get_statement (model, i);

      answer (questionnaire, st->id, st->stage_index <= 1 ? "yes" : "no");
    }
  g_assert_cmpint (koers_questionnaire_get_suggestion (questionnaire), ==, 1);
  g_assert_true (action_enabled (questionnaire, "place_button"));
  g_assert_true (action_enabled (questionnaire, "rationale_button"));
  g_assert_cmpint (koers_project_get_answer (project, "pyramid", "monitor-tool"), ==, KOERS_ANSWER_YES);
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Answer statement");

  /* undone from the history, the questionnaire follows */
  g_assert_true (koers_history_undo (history));
  pump ();
  g_assert_cmpint (koers_project_get_answer (project, "pyramid",
                                             koers_model_get_statement (model, koers_model_get_n_statements (model) - 1)->id),
                   ==, KOERS_ANSWER_NONE);
  g_assert_true (koers_history_redo (history));
  pump ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (questionnaire), "questionnaire.place-suggestion", NULL));
  pump ();
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "listen");
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Move Now marker to Listen");
  g_assert_false (action_enabled (questionnaire, "place_button"));

  close_questionnaire (questionnaire);
  g_assert_null (find_questionnaire (window));
  close_window (window);
}

/* Keyboard only: Tab reaches every answer and every note, each with a
 * name; activating a focused answer (Space) answers it. */
static void
test_keys (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  KoersModel *model = koers_catalog_lookup (koers_project_get_catalog (project), "learning-curve");
  KoersQuestionnaire *questionnaire = open_questionnaire (window, "learning-curve");
  g_autoptr(GPtrArray) chain = NULL;
  guint n_answers = 0, n_notes = 0;
  GtkWidget *first_partly = NULL;

  gtk_window_present (GTK_WINDOW (questionnaire));
  wait_for_allocation (GTK_WIDGET (questionnaire));
  chain = tab_chain (GTK_WIDGET (questionnaire));
  for (guint i = 0; i < chain->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (chain, i);

      if (GTK_IS_TOGGLE_BUTTON (w))
        {
          n_answers++;
          if (first_partly == NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), "Partly") == 0)
            first_partly = w;
        }
      else if (gtk_widget_get_ancestor (w, ADW_TYPE_ENTRY_ROW) != NULL)
        n_notes++;
    }
  g_assert_cmpuint (n_answers, ==, 4 * koers_model_get_n_statements (model));
  g_assert_cmpuint (n_notes, ==, koers_model_get_n_statements (model));
  g_assert_nonnull (first_partly);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (first_partly), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       koers_model_get_statement (model, 0)->text);

  /* what Space does on a focused button: pressed, and released a moment
   * later */
  gtk_widget_grab_focus (first_partly);
  g_assert_true (gtk_widget_activate (first_partly));
  for (gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
       !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (first_partly)) && g_get_monotonic_time () < deadline;)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  pump ();
  g_assert_cmpint (koers_project_get_answer (project, "learning-curve", koers_model_get_statement (model, 0)->id),
                   ==, KOERS_ANSWER_PARTLY);

  close_questionnaire (questionnaire);
  close_window (window);
}

/* An empty rationale gets the answers as its first draft on closing; a
 * written one is kept until "Use as Rationale" is asked for. */
static void
test_rationale (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  KoersWindow *window = NULL;
  KoersQuestionnaire *questionnaire;
  const char *rationale;

  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_NAME, NULL, "Test", NULL));
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_RATIONALE, "learning-curve", "Our own words", NULL));
  window = open_window (project, NULL, 1100, 760);

  questionnaire = open_questionnaire (window, "pyramid");
  answer (questionnaire, "monitor-tool", "yes");
  g_assert_null (koers_project_get_rationale (project, "pyramid"));
  close_questionnaire (questionnaire);
  rationale = koers_project_get_rationale (project, "pyramid");
  g_assert_nonnull (rationale);
  g_assert_true (g_str_has_prefix (rationale, "Our answers to the questionnaire"));

  questionnaire = open_questionnaire (window, "learning-curve");
  answer (questionnaire, "emerging-accounts", "partly");
  close_questionnaire (questionnaire);
  g_assert_cmpstr (koers_project_get_rationale (project, "learning-curve"), ==, "Our own words");

  questionnaire = open_questionnaire (window, "learning-curve");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (questionnaire), "questionnaire.use-answers", NULL));
  pump ();
  g_assert_true (g_str_has_prefix (koers_project_get_rationale (project, "learning-curve"),
                                   "Our answers to the questionnaire"));
  g_assert_true (koers_history_undo (ui_test_history (window)));
  g_assert_cmpstr (koers_project_get_rationale (project, "learning-curve"), ==, "Our own words");
  close_questionnaire (questionnaire);

  close_window (window);
}

/* The sidebar row's context menu (Menu, Shift+F10 or a right click)
 * offers the questionnaire of its own model. */
static void
test_row_menu (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  GtkWidget *row = ui_test_model_row (window, "learning-curve");
  GtkWidget *popover = NULL;
  GMenuModel *menu;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  KoersQuestionnaire *questionnaire;

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action (row, "row.context-menu", NULL));
  pump ();
  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      popover = child;
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "win.assess-questions");
  target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "learning-curve");
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* what choosing it does: the row's model is shown and assessed */
  g_assert_true (gtk_widget_activate_action (popover, action, "s", "learning-curve"));
  pump ();
  questionnaire = find_questionnaire (window);
  g_assert_nonnull (questionnaire);
  g_assert_cmpstr (koers_model_get_id (koers_questionnaire_get_model (questionnaire)), ==, "learning-curve");
  g_assert_cmpstr (koers_window_get_selected_model (window), ==, "learning-curve");
  close_questionnaire (questionnaire);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/questionnaire/actions", test_actions);
  g_test_add_func ("/ui/questionnaire/keys", test_keys);
  g_test_add_func ("/ui/questionnaire/rationale", test_rationale);
  g_test_add_func ("/ui/questionnaire/row-menu", test_row_menu);

  return g_test_run ();
}
