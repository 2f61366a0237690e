/* test-text-undo.c: Ctrl+Z in a text field undoes the project's last edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entry rows are GtkTexts inside, with an undo of their own bound to
 * the same keys as the window's. Each test puts the focus in a field,
 * types, and presses Ctrl+Z and Ctrl+Shift+Z: as real key presses through
 * an X server of the test's own (Xvfb and XTest) when they are there, and
 * always along the path the keys take, the window's capture-phase shortcuts
 * activating win.undo and win.redo from the focused field.
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <gmodule.h>

#include "koers-item-row.h"
#include "koers-rationale-panel.h"
#include "koers-roadmap-view.h"
#include "ui-test-util.h"

/* --- real key presses ----------------------------------------------------- */

/* Key presses go to whichever window has the focus: on a display shared
 * with other test programs, now and then one of theirs. They are pressed
 * only when the test runs on an X server of its own (ui-test-display.h). */

typedef int (*FakeKeyEventFunc) (Display *display, unsigned int keycode, int is_press, unsigned long delay);

static FakeKeyEventFunc fake_key_event;

/* XTest, on a display of our own (see ui_test_own_display()), when libXtst
 * can be loaded: the test does not link it, so that it builds without
 * libxtst-dev. */
static gboolean
have_xtest (void)
{
  static gsize checked;

  if (g_once_init_enter (&checked))
    {
      GModule *module = NULL;

      if (ui_test_has_own_display () && GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
        module = g_module_open ("libXtst.so.6", G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      if (module != NULL && !g_module_symbol (module, "XTestFakeKeyEvent", (gpointer *) &fake_key_event))
        fake_key_event = NULL;
      g_once_init_leave (&checked, 1);
    }
  return fake_key_event != NULL;
}

/* The X input focus on @window, for the keys to come. */
static void
focus_window (KoersWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());

  XSetInputFocus (display, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XSync (display, False);
  pump ();
}

static void
press (KeySym   keysym,
       gboolean control,
       gboolean shift)
{
  Display *display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  KeyCode code = XKeysymToKeycode (display, keysym);
  KeyCode control_code = XKeysymToKeycode (display, XK_Control_L);
  KeyCode shift_code = XKeysymToKeycode (display, XK_Shift_L);

  g_assert_cmpuint (code, !=, 0);
  if (control)
    fake_key_event (display, control_code, True, CurrentTime);
  if (shift)
    fake_key_event (display, shift_code, True, CurrentTime);
  fake_key_event (display, code, True, CurrentTime);
  fake_key_event (display, code, False, CurrentTime);
  if (shift)
    fake_key_event (display, shift_code, False, CurrentTime);
  if (control)
    fake_key_event (display, control_code, False, CurrentTime);
  XSync (display, False);
}

/* Iterates until the field shows @expected, or fails after a few seconds. */
static void
wait_for_text (GtkEditable *editable,
               const char  *expected)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_strcmp0 (gtk_editable_get_text (editable), expected) != 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("expected “%s” in the field, found “%s”", expected, gtk_editable_get_text (editable));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  pump ();
}

/* Types @text (ASCII) key by key over the selection, and waits until the
 * field shows it. */
static void
type_keys (GtkEditable *editable,
           const char  *text)
{
  for (const char *p = text; *p != '\0'; p++)
    press ((KeySym) g_ascii_tolower (*p), FALSE, g_ascii_isupper (*p));
  wait_for_text (editable, text);
}

/* --- the path the keys take ------------------------------------------------- */

/* What a key press in the field does: the selection goes, the character
 * goes in at the cursor, one "changed" each (as GtkText's typing does). */
static void
type_signals (GtkEditable *editable,
              const char  *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      int position;

      gtk_editable_delete_selection (editable);
      position = gtk_editable_get_position (editable);
      gtk_editable_insert_text (editable, p, 1, &position);
      gtk_editable_set_position (editable, position);
    }
}

/* The window's shortcut for @keyval with @modifiers, in the capture phase,
 * so that it comes before the text field's own binding. */
static const char *
capture_shortcut_action (KoersWindow     *window,
                         guint            keyval,
                         GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers &&
              GTK_IS_NAMED_ACTION (action))
            return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
        }
    }
  return NULL;
}

/* --- the fields ------------------------------------------------------------ */

typedef struct {
  const char *name;
  KoersField  field;
  const char *key;       /* the model or item, or NULL */
  const char *typed;     /* replaces the field's text */
  const char *label;     /* the undo menu's name of the edit */
  gboolean    empty;     /* on a new project (the example otherwise) */
} FieldCase;

/* The id of the first item outside phase 0. */
static char *
first_item_id (KoersWindow *window)
{
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (ui_test_project (window), NULL);

  for (guint p = 1; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (roadmap, p);

      if (phase->items->len > 0)
        return g_strdup (((KoersRoadmapItem *) g_ptr_array_index (phase->items, 0))->id);
    }
  g_assert_not_reached ();
}

static GtkWidget *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Shows the field of @c in @window, and returns it; *@key is set to the
 * model or item whose field it is. */
static GtkEditable *
show_field (KoersWindow    *window,
            const FieldCase *c,
            const char     **key)
{
  GtkWidget *view = ui_test_child (window, "roadmap_view");
  GtkEditable *editable;
  KoersItemRow *row;
  g_autofree char *id = NULL;
  gint64 deadline;

  *key = c->key;
  switch (c->field)
    {
    case KOERS_FIELD_ORGANISATION_NAME:
      if (g_str_has_prefix (c->name, "roadmap-"))
        {
          koers_window_set_view (window, "roadmap");
          pump ();
          return GTK_EDITABLE (ui_test_find (view, ADW_TYPE_ENTRY_ROW, "name_row"));
        }
      return GTK_EDITABLE (ui_test_child (window, "organisation_entry"));
    case KOERS_FIELD_ASSESSED:
      koers_window_select_model (window, c->key);
      pump ();
      return ui_test_rationale_date (KOERS_RATIONALE_PANEL (ui_test_child (window, "rationale")));
    case KOERS_FIELD_ORGANISATION_DESCRIPTION:
    case KOERS_FIELD_ROADMAP_START:
      koers_window_set_view (window, "roadmap");
      pump ();
      return GTK_EDITABLE (find_entry_row (view, c->field == KOERS_FIELD_ROADMAP_START ?
                                                 "Roadmap starts (YYYY-MM)" : "Description"));
    case KOERS_FIELD_ITEM_OWNER:
    case KOERS_FIELD_ITEM_DUE:
    case KOERS_FIELD_ITEM_NOTE:
      koers_window_set_view (window, "roadmap");
      pump ();
      id = first_item_id (window);
      row = KOERS_ITEM_ROW (ui_test_find (view, KOERS_TYPE_ITEM_ROW, id));
      /* The row's name is its item's id, and lives as long as the row. */
      *key = gtk_widget_get_name (GTK_WIDGET (row));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      pump ();
      editable = GTK_EDITABLE (ui_test_find (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW,
                                             c->field == KOERS_FIELD_ITEM_OWNER ? "owner" :
                                             c->field == KOERS_FIELD_ITEM_DUE ? "due" : "note"));
      /* The row opens with an animation. */
      deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      while (!gtk_widget_get_mapped (GTK_WIDGET (editable)))
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, FALSE);
          g_usleep (1000);
        }
      return editable;
    default:
      g_assert_not_reached ();
    }
}

static const FieldCase field_cases[] = {
  /* On the Assess page while nothing is placed. */
  { "organisation", KOERS_FIELD_ORGANISATION_NAME, NULL, "Gemeente Zuidhaven", "Rename organisation", TRUE },
  { "assessment-date", KOERS_FIELD_ASSESSED, "pyramid", "2026-12-01", "Change assessment date" },
  { "roadmap-name", KOERS_FIELD_ORGANISATION_NAME, NULL, "Bakkerij Bol", "Rename organisation" },
  { "roadmap-description", KOERS_FIELD_ORGANISATION_DESCRIPTION, NULL, "Team web", "Edit organisation description" },
  { "roadmap-start", KOERS_FIELD_ROADMAP_START, NULL, "2028-04", "Change roadmap start" },
  { "item-owner", KOERS_FIELD_ITEM_OWNER, NULL, "Anna", "Change owner" },
  { "item-due", KOERS_FIELD_ITEM_DUE, NULL, "2027-03", "Change due date" },
  { "item-note", KOERS_FIELD_ITEM_NOTE, NULL, "Eerst de OR vragen", "Edit note" },
};

/* The field's own undo is off, and the window takes Ctrl+Z before it. */
static void
assert_keys_go_to_window (KoersWindow *window,
                          GtkEditable *editable)
{
  g_assert_false (gtk_editable_get_enable_undo (editable));
  g_assert_false (gtk_editable_get_enable_undo (gtk_editable_get_delegate (editable)));
  g_assert_cmpstr (capture_shortcut_action (window, GDK_KEY_z, GDK_CONTROL_MASK), ==, "win.undo");
  g_assert_cmpstr (capture_shortcut_action (window, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK), ==, "win.redo");
  g_assert_cmpstr (capture_shortcut_action (window, GDK_KEY_y, GDK_CONTROL_MASK), ==, "win.redo");
}

/* Focus in the field, all of it selected, a new text typed over it; then
 * undo takes the whole edit back and redo does it again. @keys: real key
 * presses, or the signals and actions they end in. */
static void
check_field (const FieldCase *c,
             gboolean         keys)
{
  g_autoptr(KoersProject) project = c->empty ? koers_project_new (koers_catalog_get_builtin ()) : load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  KoersHistory *history = ui_test_history (window);
  g_autofree char *before = NULL;
  g_autofree char *undo_label = NULL;
  GtkEditable *editable;
  GtkWidget *focus;
  const char *key;

  editable = show_field (window, c, &key);
  g_assert_nonnull (editable);
  before = g_strdup (koers_project_get_field (project, c->field, key));
  g_assert_cmpstr (gtk_editable_get_text (editable), ==, before ? before : "");
  assert_keys_go_to_window (window, editable);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editable)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (editable)));
  pump ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == GTK_WIDGET (editable) || gtk_widget_is_ancestor (focus, GTK_WIDGET (editable)));
  gtk_editable_select_region (editable, 0, -1);

  if (keys)
    {
      focus_window (window);
      type_keys (editable, c->typed);
    }
  else
    type_signals (editable, c->typed);

  /* One edit, named in the menu. */
  g_assert_cmpstr (gtk_editable_get_text (editable), ==, c->typed);
  g_assert_cmpstr (koers_project_get_field (project, c->field, key), ==, c->typed);
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, c->label);
  undo_label = menu_label_for (ui_test_primary_menu (window), "win.undo");
  g_assert_true (g_str_has_prefix (undo_label, "_Undo: "));

  /* Ctrl+Z, the focus still in the field. */
  if (keys)
    {
      press (XK_z, TRUE, FALSE);
      wait_for_text (editable, before ? before : "");
    }
  else
    g_assert_true (gtk_widget_activate_action (focus, "win.undo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (editable), ==, before ? before : "");
  g_assert_cmpstr (koers_project_get_field (project, c->field, key), ==, before);
  g_assert_true (koers_history_can_redo (history));
  g_assert_false (koers_document_get_modified (ui_test_document (window)));

  /* Ctrl+Shift+Z */
  if (keys)
    {
      press (XK_z, TRUE, TRUE);
      wait_for_text (editable, c->typed);
    }
  else
    g_assert_true (gtk_widget_activate_action (focus, "win.redo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (editable), ==, c->typed);
  g_assert_cmpstr (koers_project_get_field (project, c->field, key), ==, c->typed);
  g_assert_true (koers_document_get_modified (ui_test_document (window)));
  /* The cursor at the end, where typing goes on. */
  g_assert_cmpint (gtk_editable_get_position (editable), ==, g_utf8_strlen (c->typed, -1));


  close_window (window);
}

static void
test_field_signals (gconstpointer data)
{
  check_field (data, FALSE);
}

static void
test_field_keys (gconstpointer data)
{
  if (!have_xtest ())
    {
      g_test_skip ("needs Xvfb and XTest (libXtst.so.6)");
      return;
    }
  check_field (data, TRUE);
}

/* An emptied date is stored once the main loop runs; an undo before that
 * takes back the emptying, not the edit before it. */
static void
test_pending_edit_committed (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 760);
  KoersHistory *history = ui_test_history (window);
  GtkEditable *start;

  g_assert_true (koers_history_set (history, KOERS_FIELD_ORGANISATION_NAME, NULL, "Bakkerij Bol", NULL));
  koers_window_set_view (window, "roadmap");
  pump ();
  start = GTK_EDITABLE (find_entry_row (ui_test_child (window, "roadmap_view"), "Roadmap starts (YYYY-MM)"));
  g_assert_nonnull (start);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (start)));
  pump ();

  gtk_editable_select_region (start, 0, -1);
  gtk_editable_delete_selection (start);
  g_assert_cmpstr (koers_project_get_roadmap_start (project), ==, "2027-01");
  g_assert_true (gtk_widget_activate_action (gtk_root_get_focus (GTK_ROOT (window)), "win.undo", NULL));
  pump ();

  /* The emptying went in and came out again; the rename stays. */
  g_assert_cmpstr (koers_project_get_roadmap_start (project), ==, "2027-01");
  g_assert_cmpstr (gtk_editable_get_text (start), ==, "2027-01");
  g_assert_cmpstr (koers_history_get_redo_label (history), ==, "Change roadmap start");
  g_assert_cmpstr (koers_project_get_organisation_name (project), ==, "Bakkerij Bol");

  close_window (window);
}

/* The rationale is a GtkTextView, whose own undo is off too: Ctrl+Z there
 * undoes the project as well. */
static void
test_rationale_keys (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window;
  KoersRationalePanel *panel;
  GtkTextBuffer *buffer;
  GtkWidget *view = NULL;
  g_autofree char *before = NULL;
  gint64 deadline;

  if (!have_xtest ())
    {
      g_test_skip ("needs Xvfb and XTest (libXtst.so.6)");
      return;
    }

  window = open_window (project, NULL, 1100, 760);
  koers_window_select_model (window, "pyramid");
  pump ();
  panel = KOERS_RATIONALE_PANEL (ui_test_child (window, "rationale"));
  buffer = ui_test_rationale_buffer (panel);
  before = g_strdup (koers_project_get_rationale (project, "pyramid"));
  for (GtkWidget *w = GTK_WIDGET (panel); w != NULL && view == NULL; )
    {
      /* The text view is the only one in the panel. */
      GtkWidget *next = gtk_widget_get_first_child (w);

      if (GTK_IS_TEXT_VIEW (w))
        view = w;
      while (next == NULL && w != GTK_WIDGET (panel))
        {
          next = gtk_widget_get_next_sibling (w);
          if (next == NULL)
            w = gtk_widget_get_parent (w);
        }
      w = next;
    }
  g_assert_nonnull (view);
  g_assert_false (gtk_text_buffer_get_enable_undo (buffer));

  g_assert_true (gtk_widget_grab_focus (view));
  focus_window (window);
  press (XK_End, TRUE, FALSE);
  press (XK_space, FALSE, FALSE);
  press (XK_o, FALSE, FALSE);
  press (XK_k, FALSE, FALSE);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!g_str_has_suffix (koers_project_get_rationale (project, "pyramid"), " ok"))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpstr (koers_history_get_undo_label (ui_test_history (window)), ==, "Edit rationale");

  press (XK_z, TRUE, FALSE);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_strcmp0 (koers_project_get_rationale (project, "pyramid"), before) != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  pump ();
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, before);
  }

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (field_cases); i++)
    {
      g_autofree char *signals = g_strdup_printf ("/ui/text-undo/%s/action", field_cases[i].name);
      g_autofree char *keys = g_strdup_printf ("/ui/text-undo/%s/keys", field_cases[i].name);

      g_test_add_data_func (signals, &field_cases[i], test_field_signals);
      g_test_add_data_func (keys, &field_cases[i], test_field_keys);
    }
  g_test_add_func ("/ui/text-undo/pending-edit-committed", test_pending_edit_committed);
  g_test_add_func ("/ui/text-undo/rationale/keys", test_rationale_keys);

  return g_test_run ();
}
