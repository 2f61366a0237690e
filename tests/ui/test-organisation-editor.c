/* test-organisation-editor.c: the organisation's name, kind, staff and
 * capacity, edited in the editor's own rows and from the window's sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koers-organisation-editor.h"
#include "ui-test-util.h"

static GtkWidget *
child (GtkWidget  *editor,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (editor, KOERS_TYPE_ORGANISATION_EDITOR, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
type_text (GtkWidget  *row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  pump ();
}

static void
test_parse_input (void)
{
  static const struct { const char *typed; const char *stored; } capacity[] = {
    { "2.4", "2.4" }, { "2,4", "2.4" }, { " 3 ", "3" }, { "0,5", "0.5" }, { ",5", ".5" },
    { "", "" }, { "  ", "" },
    { "0", NULL }, { "2,4,5", NULL }, { "2.4,5", NULL }, { "-1", NULL }, { "1001", NULL },
    { "twee", NULL }, { "2 fte", NULL }, { "nan", NULL }, { "1e3", "1e3" },
  };
  static const struct { const char *typed; const char *stored; } staff[] = {
    { "420", "420" }, { "1200", "1200" }, { "1.200", "1200" }, { "1,200", "1200" },
    { "1 200", "1200" }, { "1\xc2\xa0" "200", "1200" }, { "12.000.000", NULL }, { "10.000.000", "10000000" },
    { "", "" }, { "0", NULL }, { "2.5", NULL }, { "1.20", NULL }, { "1..200", NULL },
    { ".200", NULL }, { "1200.", NULL }, { "-3", NULL }, { "veel", NULL }, { "\xff", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (capacity); i++)
    {
      g_autofree char *stored = koers_parse_capacity_input (capacity[i].typed);

      g_autofree char *shown = g_strescape (capacity[i].typed, NULL);

      g_test_message ("capacity \"%s\"", shown);
      g_assert_cmpstr (stored, ==, capacity[i].stored);
    }
  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      g_autofree char *stored = koers_parse_staff_input (staff[i].typed);

      g_autofree char *shown = g_strescape (staff[i].typed, NULL);

      g_test_message ("staff \"%s\"", shown);
      g_assert_cmpstr (stored, ==, staff[i].stored);
    }
}

static void
test_edits (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(KoersHistory) history = koers_history_new (project);
  GtkWidget *editor = g_object_ref_sink (koers_organisation_editor_new ());
  GtkWidget *name_row = child (editor, "name_row");
  GtkWidget *kind_row = child (editor, "kind_row");
  GtkWidget *staff_row = child (editor, "staff_row");
  GtkWidget *capacity_row = child (editor, "capacity_row");
  GListModel *kinds;

  /* Nothing to edit without a project. */
  g_assert_false (gtk_widget_get_sensitive (editor));
  koers_organisation_editor_set_history (KOERS_ORGANISATION_EDITOR (editor), history);
  g_assert_true (gtk_widget_get_sensitive (editor));

  /* Every kind is offered, "Not specified" first and chosen. */
  kinds = adw_combo_row_get_model (ADW_COMBO_ROW (kind_row));
  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, KOERS_ORGANISATION_OTHER + 1);
  g_assert_cmpstr (gtk_string_object_get_string (g_list_model_get_item (kinds, 0)), ==, "Not specified");
  g_object_unref (g_list_model_get_item (kinds, 0));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, KOERS_ORGANISATION_UNKNOWN);

  type_text (name_row, "Gemeente Zuidhaven");
  g_assert_cmpstr (koers_project_get_organisation_name (project), ==, "Gemeente Zuidhaven");
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Rename organisation");

  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), KOERS_ORGANISATION_MUNICIPALITY);
  g_assert_cmpint (koers_project_get_organisation_kind (project), ==, KOERS_ORGANISATION_MUNICIPALITY);
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Change kind of organisation");

  /* Staff as people write it, grouped or not. */
  type_text (staff_row, "1.200");
  g_assert_cmpuint (koers_project_get_organisation_staff (project), ==, 1200);
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Change number of staff");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (staff_row)), ==, "1.200");
  koers_history_seal (history);

  /* A Dutch user types a decimal comma. */
  type_text (capacity_row, "2,4");
  g_assert_cmpfloat (koers_project_get_organisation_capacity (project), ==, 2.4);
  g_assert_cmpstr (koers_project_get_field (project, KOERS_FIELD_ORGANISATION_CAPACITY, NULL), ==, "2.4");
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Change team capacity");
  g_assert_false (gtk_widget_has_css_class (capacity_row, "error"));
  koers_history_seal (history);

  /* Half-typed or wrong: marked, said in the title, and not stored. */
  type_text (capacity_row, "2,4,");
  g_assert_true (gtk_widget_has_css_class (capacity_row, "error"));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (capacity_row)),
                                   "Time for social media: a number of fte"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (capacity_row), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_cmpstr (koers_project_get_field (project, KOERS_FIELD_ORGANISATION_CAPACITY, NULL), ==, "2.4");
  type_text (staff_row, "veel");
  g_assert_true (gtk_widget_has_css_class (staff_row, "error"));
  g_assert_cmpuint (koers_project_get_organisation_staff (project), ==, 1200);

  /* An empty field means "not specified". */
  type_text (capacity_row, "");
  g_assert_false (gtk_widget_has_css_class (capacity_row, "error"));
  g_assert_null (koers_project_get_field (project, KOERS_FIELD_ORGANISATION_CAPACITY, NULL));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (capacity_row), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_FALSE);

  /* Undo brings the value back into the row, and the mark goes. */
  g_assert_true (koers_history_undo (history));
  pump ();
  g_assert_cmpstr (koers_project_get_field (project, KOERS_FIELD_ORGANISATION_CAPACITY, NULL), ==, "2.4");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (capacity_row)), ==, "2.4");
  g_assert_true (koers_history_undo (history));
  pump ();
  g_assert_null (koers_project_get_field (project, KOERS_FIELD_ORGANISATION_CAPACITY, NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (capacity_row)), ==, "");
  g_assert_true (koers_history_undo (history));
  pump ();
  g_assert_cmpuint (koers_project_get_organisation_staff (project), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (staff_row)), ==, "");
  g_assert_false (gtk_widget_has_css_class (staff_row, "error"));
  g_assert_true (koers_history_undo (history));
  pump ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, KOERS_ORGANISATION_UNKNOWN);
  g_assert_true (koers_history_undo (history));
  pump ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");
  g_assert_false (koers_history_can_undo (history));

  /* Redo, and a project changed elsewhere, show in the rows too. */
  g_assert_true (koers_history_redo (history));
  g_assert_true (koers_history_redo (history));
  pump ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Gemeente Zuidhaven");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, KOERS_ORGANISATION_MUNICIPALITY);
  g_assert_true (koers_history_set (history, KOERS_FIELD_ORGANISATION_STAFF, NULL, "75", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (staff_row)), ==, "75");

  koers_organisation_editor_set_history (KOERS_ORGANISATION_EDITOR (editor), NULL);
  g_assert_false (gtk_widget_get_sensitive (editor));
  g_assert_finalize_object (editor);
}

/* The sidebar's name opens the editor, which shows and edits the window's
 * project; the button is named after the organisation. */
static void
test_window (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (window), KOERS_TYPE_WINDOW, "organisation_button");
  GtkPopover *popover;
  GtkWidget *editor;
  GtkWidget *name_row, *capacity_row;
  const char *name = koers_project_get_organisation_name (project);

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  /* Made on the first click, not with the window; clickable all the same. */
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name);

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  pump ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  editor = gtk_popover_get_child (popover);
  g_assert_true (KOERS_IS_ORGANISATION_EDITOR (editor));
  g_assert_true (gtk_widget_get_mapped (editor));

  name_row = child (GTK_WIDGET (editor), "name_row");
  capacity_row = child (GTK_WIDGET (editor), "capacity_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, name);

  type_text (name_row, "Woonstichting Noord");
  g_assert_cmpstr (koers_project_get_organisation_name (project), ==, "Woonstichting Noord");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, "Woonstichting Noord");
  g_assert_cmpstr (koers_history_get_undo_label (koers_document_get_history (koers_window_get_document (window))), ==, "Rename organisation");

  type_text (capacity_row, "1,5");
  g_assert_cmpfloat (koers_project_get_organisation_capacity (project), ==, 1.5);
  g_assert_true (koers_document_get_modified (koers_window_get_document (window)));

  /* Emptied and undone at once, before the main loop runs: the window's
   * undo stores the emptied field first, then takes back just that. */
  koers_history_seal (koers_document_get_history (koers_window_get_document (window)));
  g_assert_true (gtk_widget_grab_focus (capacity_row));
  gtk_editable_set_text (GTK_EDITABLE (capacity_row), "");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  pump ();
  g_assert_cmpfloat (koers_project_get_organisation_capacity (project), ==, 1.5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (capacity_row)), ==, "1.5");

  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  pump ();
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/organisation-editor/parse-input", test_parse_input);
  g_test_add_func ("/ui/organisation-editor/edits", test_edits);
  g_test_add_func ("/ui/organisation-editor/window", test_window);

  return g_test_run ();
}
