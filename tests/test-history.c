/* test-history.c: undo and redo of every edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "koers-error.h"
#include "koers-history.h"
#include "koers-test-util.h"

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

static void
test_place_labels (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-minimal.koers");
  g_autoptr(KoersHistory) history = koers_history_new (project);
  g_autoptr(GError) error = NULL;

  g_assert_false (koers_history_can_undo (history));
  g_assert_false (koers_history_can_redo (history));
  g_assert_null (koers_history_get_undo_label (history));
  g_assert_null (koers_history_get_redo_label (history));
  g_assert_true (koers_history_get_project (history) == project);

  g_assert_true (koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "listen", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "listen");
  g_assert_true (koers_history_can_undo (history));
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Move Now marker to Listen");

  g_assert_true (koers_history_place (history, "pyramid", KOERS_MARKER_TARGET, "create", &error));
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Move Goal marker to Create");
  g_assert_true (koers_history_place (history, "pyramid", KOERS_MARKER_TARGET, NULL, &error));
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Remove Goal marker");
  g_assert_null (koers_project_get_target (project, "pyramid"));

  /* undo: back to Create, and what redo would do is named */
  g_assert_true (koers_history_undo (history));
  g_assert_cmpstr (koers_project_get_target (project, "pyramid"), ==, "create");
  g_assert_cmpstr (koers_history_get_redo_label (history), ==, "Remove Goal marker");
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Move Goal marker to Create");
  g_assert_true (koers_history_can_redo (history));

  g_assert_true (koers_history_undo (history));
  g_assert_null (koers_project_get_target (project, "pyramid"));
  g_assert_cmpstr (koers_history_get_redo_label (history), ==, "Move Goal marker to Create");
  g_assert_true (koers_history_undo (history));
  g_assert_null (koers_project_get_current (project, "pyramid"));
  g_assert_false (koers_history_can_undo (history));
  g_assert_false (koers_history_undo (history));
  g_assert_cmpstr (koers_history_get_redo_label (history), ==, "Move Now marker to Listen");

  /* "Remove Now marker" too */
  g_assert_true (koers_history_redo (history));
  g_assert_true (koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, NULL, &error));
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Remove Now marker");
}

static void
test_redo (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-minimal.koers");
  g_autoptr(KoersHistory) history = koers_history_new (project);
  g_autoptr(GError) error = NULL;

  koers_history_place (history, "learning-curve", KOERS_MARKER_CURRENT, "emerging", &error);
  koers_history_place (history, "learning-curve", KOERS_MARKER_CURRENT, "tactical", &error);
  koers_history_place (history, "learning-curve", KOERS_MARKER_CURRENT, "integrated", &error);
  g_assert_no_error (error);

  g_assert_true (koers_history_undo (history));
  g_assert_true (koers_history_undo (history));
  g_assert_cmpstr (koers_project_get_current (project, "learning-curve"), ==, "emerging");

  g_assert_true (koers_history_redo (history));
  g_assert_cmpstr (koers_project_get_current (project, "learning-curve"), ==, "tactical");
  g_assert_true (koers_history_redo (history));
  g_assert_cmpstr (koers_project_get_current (project, "learning-curve"), ==, "integrated");
  g_assert_false (koers_history_can_redo (history));
  g_assert_false (koers_history_redo (history));
  g_assert_cmpstr (koers_project_get_current (project, "learning-curve"), ==, "integrated");
}

static void
test_new_command_clears_redo (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-minimal.koers");
  g_autoptr(KoersHistory) history = koers_history_new (project);
  g_autoptr(GError) error = NULL;

  koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error);
  koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "listen", &error);
  g_assert_true (koers_history_undo (history));
  g_assert_true (koers_history_can_redo (history));

  koers_history_place (history, "pyramid", KOERS_MARKER_TARGET, "respond", &error);
  g_assert_no_error (error);
  g_assert_false (koers_history_can_redo (history));
  g_assert_null (koers_history_get_redo_label (history));
  g_assert_false (koers_history_redo (history));
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "monitor");

  /* the history is now monitor, then the target */
  g_assert_true (koers_history_undo (history));
  g_assert_null (koers_project_get_target (project, "pyramid"));
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "monitor");
  g_assert_true (koers_history_undo (history));
  g_assert_null (koers_project_get_current (project, "pyramid"));
  g_assert_false (koers_history_can_undo (history));
}

static void
test_no_op_and_invalid (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-full.koers");
  g_autoptr(KoersHistory) history = koers_history_new (project);
  g_autoptr(GError) error = NULL;

  /* setting what is already there records nothing */
  g_assert_true (koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "listen", &error));
  g_assert_true (koers_history_set (history, KOERS_FIELD_ORGANISATION_NAME, NULL, "Gemeente Voorbeeld", &error));
  g_assert_no_error (error);
  g_assert_false (koers_history_can_undo (history));
  g_assert_false (koers_history_get_modified (history));

  /* an invalid value is refused, records nothing and changes nothing */
  g_assert_false (koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "shout", &error));
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_UNKNOWN_STAGE);
  g_clear_error (&error);
  g_assert_false (koers_history_set (history, KOERS_FIELD_ITEM_DUE, "phase-0/training", "soon", &error));
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (koers_history_can_undo (history));
  g_assert_false (koers_history_get_modified (history));
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "listen");
}

static void
test_text_merge (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-minimal.koers");
  g_autoptr(KoersHistory) history = koers_history_new (project);
  g_autoptr(GError) error = NULL;
  const char * const typing[] = { "W", "We", "We l", "We listen", NULL };

  for (guint i = 0; typing[i]; i++)
    g_assert_true (koers_history_set (history, KOERS_FIELD_RATIONALE, "pyramid", typing[i], &error));
  g_assert_no_error (error);
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, "Edit rationale");

  /* one undo takes back the whole edit */
  g_assert_true (koers_history_undo (history));
  g_assert_null (koers_project_get_rationale (project, "pyramid"));
  g_assert_false (koers_history_can_undo (history));
  g_assert_true (koers_history_redo (history));
  g_assert_cmpstr (koers_project_get_rationale (project, "pyramid"), ==, "We listen");

  /* after seal, the next keystroke is a new command */
  koers_history_seal (history);
  g_assert_true (koers_history_set (history, KOERS_FIELD_RATIONALE, "pyramid", "We listen daily", &error));
  g_assert_true (koers_history_set (history, KOERS_FIELD_RATIONALE, "pyramid", "We listen daily.", &error));
  g_assert_true (koers_history_undo (history));
  g_assert_cmpstr (koers_project_get_rationale (project, "pyramid"), ==, "We listen");
  g_assert_true (koers_history_undo (history));
  g_assert_null (koers_project_get_rationale (project, "pyramid"));
  g_assert_false (koers_history_can_undo (history));
}

static void
test_text_merge_boundaries (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-minimal.koers");
  g_autoptr(KoersHistory) history = koers_history_new (project);
  g_autoptr(GError) error = NULL;

  /* another key, another field or a non-text edit starts a new command */
  koers_history_set (history, KOERS_FIELD_RATIONALE, "pyramid", "a", &error);
  koers_history_set (history, KOERS_FIELD_RATIONALE, "learning-curve", "b", &error);
  koers_history_set (history, KOERS_FIELD_ORGANISATION_DESCRIPTION, NULL, "c", &error);
  koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error);
  koers_history_set (history, KOERS_FIELD_ORGANISATION_DESCRIPTION, NULL, "cd", &error);
  koers_history_set (history, KOERS_FIELD_ITEM_NOTE, "phase-0/training", "n", &error);
  koers_history_set (history, KOERS_FIELD_ITEM_NOTE, "phase-0/training", "no", &error);
  koers_history_set (history, KOERS_FIELD_ITEM_NOTE, "phase-0/roadmap-owner", "x", &error);
  g_assert_no_error (error);

  g_assert_true (koers_history_undo (history));   /* note on roadmap-owner */
  g_assert_null (koers_project_get_item_note (project, "phase-0/roadmap-owner"));
  g_assert_cmpstr (koers_project_get_item_note (project, "phase-0/training"), ==, "no");
  g_assert_true (koers_history_undo (history));   /* "n", "no" merged */
  g_assert_null (koers_project_get_item_note (project, "phase-0/training"));
  g_assert_true (koers_history_undo (history));   /* "cd" after the placement */
  g_assert_cmpstr (koers_project_get_organisation_description (project), ==, "c");
  g_assert_true (koers_history_undo (history));   /* the placement */
  g_assert_null (koers_project_get_current (project, "pyramid"));
  g_assert_true (koers_history_undo (history));
  g_assert_null (koers_project_get_organisation_description (project));
  g_assert_true (koers_history_undo (history));
  g_assert_null (koers_project_get_rationale (project, "learning-curve"));
  g_assert_cmpstr (koers_project_get_rationale (project, "pyramid"), ==, "a");
  g_assert_true (koers_history_undo (history));
  g_assert_false (koers_history_can_undo (history));

  /* placements never merge, even one after the other */
  koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error);
  koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "listen", &error);
  g_assert_true (koers_history_undo (history));
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "monitor");
}

static void
test_text_after_undo (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-minimal.koers");
  g_autoptr(KoersHistory) history = koers_history_new (project);
  g_autoptr(GError) error = NULL;

  koers_history_set (history, KOERS_FIELD_ORGANISATION_NAME, NULL, "Minimal B", &error);
  koers_history_set (history, KOERS_FIELD_ORGANISATION_NAME, NULL, "Minimal BV", &error);
  koers_history_seal (history);
  koers_history_set (history, KOERS_FIELD_ORGANISATION_NAME, NULL, "Minimal BV!", &error);
  g_assert_true (koers_history_undo (history));
  /* typing right after an undo does not merge into the command before */
  koers_history_set (history, KOERS_FIELD_ORGANISATION_NAME, NULL, "Minimal BV.", &error);
  g_assert_no_error (error);
  g_assert_false (koers_history_can_redo (history));
  g_assert_true (koers_history_undo (history));
  g_assert_cmpstr (koers_project_get_organisation_name (project), ==, "Minimal BV");
  g_assert_true (koers_history_undo (history));
  g_assert_cmpstr (koers_project_get_organisation_name (project), ==, "Minimal");
  g_assert_cmpstr (koers_history_get_redo_label (history), ==, "Rename organisation");
}

static void
test_modified (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-minimal.koers");
  g_autoptr(KoersHistory) history = koers_history_new (project);
  g_autoptr(GError) error = NULL;

  /* a fresh history counts as saved */
  g_assert_false (koers_history_get_modified (history));

  koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error);
  g_assert_true (koers_history_get_modified (history));
  koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "listen", &error);
  koers_history_mark_saved (history);
  g_assert_false (koers_history_get_modified (history));

  /* undo past the save point and back */
  g_assert_true (koers_history_undo (history));
  g_assert_true (koers_history_get_modified (history));
  g_assert_true (koers_history_redo (history));
  g_assert_false (koers_history_get_modified (history));

  /* undo to the start: modified; redo all: saved again */
  koers_history_undo (history);
  koers_history_undo (history);
  g_assert_true (koers_history_get_modified (history));
  koers_history_redo (history);
  g_assert_true (koers_history_get_modified (history));
  koers_history_redo (history);
  g_assert_false (koers_history_get_modified (history));

  /* a new command after undoing past the save point: the saved state can
   * no longer be reached, so the project stays modified whatever the depth */
  koers_history_undo (history);
  koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "respond", &error);
  g_assert_no_error (error);
  g_assert_true (koers_history_get_modified (history));
  koers_history_undo (history);
  g_assert_true (koers_history_get_modified (history));
  koers_history_redo (history);
  g_assert_true (koers_history_get_modified (history));
  koers_history_undo (history);
  koers_history_undo (history);
  g_assert_true (koers_history_get_modified (history));
  koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "listen", &error);
  g_assert_true (koers_history_get_modified (history));

  /* saving makes it clean again */
  koers_history_mark_saved (history);
  g_assert_false (koers_history_get_modified (history));
}

static void
test_modified_text_after_save (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-minimal.koers");
  g_autoptr(KoersHistory) history = koers_history_new (project);
  g_autoptr(GError) error = NULL;

  koers_history_set (history, KOERS_FIELD_RATIONALE, "pyramid", "Draft", &error);
  koers_history_mark_saved (history);
  /* the edit after saving does not merge into the saved command, so
   * undoing it comes back to exactly what was saved */
  koers_history_set (history, KOERS_FIELD_RATIONALE, "pyramid", "Draft two", &error);
  g_assert_no_error (error);
  g_assert_true (koers_history_get_modified (history));
  g_assert_true (koers_history_undo (history));
  g_assert_cmpstr (koers_project_get_rationale (project, "pyramid"), ==, "Draft");
  g_assert_false (koers_history_get_modified (history));
}

typedef struct {
  guint can_undo;
  guint modified;
  guint undo_label;
} Notifies;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Notifies   *n)
{
  if (g_str_equal (pspec->name, "can-undo"))
    n->can_undo++;
  else if (g_str_equal (pspec->name, "modified"))
    n->modified++;
  else if (g_str_equal (pspec->name, "undo-label"))
    n->undo_label++;
}

static void
test_properties (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-minimal.koers");
  g_autoptr(KoersHistory) history = koers_history_new (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gboolean can_undo = FALSE, modified = FALSE;
  Notifies n = { 0 };

  g_signal_connect (history, "notify", G_CALLBACK (on_notify), &n);
  koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error);
  g_assert_cmpuint (n.can_undo, >=, 1);
  g_assert_cmpuint (n.modified, >=, 1);
  g_assert_cmpuint (n.undo_label, >=, 1);
  g_object_get (history, "can-undo", &can_undo, "modified", &modified, "undo-label", &label, NULL);
  g_assert_true (can_undo);
  g_assert_true (modified);
  g_assert_cmpstr (label, ==, "Move Now marker to Monitor");
}

typedef struct {
  KoersField   field;
  const char  *key;
  const char  *value;
  const char  *label;
} FieldEdit;

static const FieldEdit field_edits[] = {
  { KOERS_FIELD_ORGANISATION_NAME, NULL, "Andere naam", "Rename organisation" },
  { KOERS_FIELD_ORGANISATION_DESCRIPTION, NULL, "Nieuwe beschrijving", "Edit organisation description" },
  { KOERS_FIELD_CURRENT, "maturity-matrix", "presence", "Move Now marker to Presence" },
  { KOERS_FIELD_TARGET, "maturity-matrix", "converged", "Move Goal marker to Converged" },
  { KOERS_FIELD_RATIONALE, "maturity-matrix", "Omdat.\nTwee regels.", "Edit rationale" },
  { KOERS_FIELD_ASSESSED, "maturity-matrix", "2026-12-01", "Change assessment date" },
  { KOERS_FIELD_ROADMAP_START, NULL, "2027-04", "Change roadmap start" },
  { KOERS_FIELD_ITEM_STATUS, "phase-0/management-support", "skipped", "Change status" },
  { KOERS_FIELD_ITEM_OWNER, "phase-0/management-support", "Chris", "Change owner" },
  { KOERS_FIELD_ITEM_DUE, "phase-0/management-support", "2027-Q2", "Change due date" },
  { KOERS_FIELD_ITEM_NOTE, "phase-0/management-support", "Nieuwe notitie", "Edit note" },
  /* on an item nobody recorded anything on yet */
  { KOERS_FIELD_ITEM_STATUS, "phase-0/training", "doing", "Change status" },
  { KOERS_FIELD_ITEM_OWNER, "phase-0/training", "Dana", "Change owner" },
  { KOERS_FIELD_ITEM_DUE, "phase-0/training", "2027-05", "Change due date" },
  { KOERS_FIELD_ITEM_NOTE, "phase-0/training", "Eerste notitie", "Edit note" },
  /* clearing */
  { KOERS_FIELD_ORGANISATION_DESCRIPTION, NULL, NULL, "Edit organisation description" },
  { KOERS_FIELD_CURRENT, "pyramid", NULL, "Remove Now marker" },
  { KOERS_FIELD_TARGET, "pyramid", NULL, "Remove Goal marker" },
  { KOERS_FIELD_RATIONALE, "pyramid", NULL, "Edit rationale" },
  { KOERS_FIELD_ASSESSED, "pyramid", NULL, "Change assessment date" },
  { KOERS_FIELD_ROADMAP_START, NULL, NULL, "Change roadmap start" },
  { KOERS_FIELD_ITEM_STATUS, "phase-0/management-support", NULL, "Change status" },
  { KOERS_FIELD_ITEM_OWNER, "phase-0/management-support", NULL, "Change owner" },
  { KOERS_FIELD_ITEM_DUE, "phase-0/management-support", NULL, "Change due date" },
  { KOERS_FIELD_ITEM_NOTE, "phase-0/management-support", NULL, "Edit note" },
};

static void
check_field_round_trip (const char      *file,
                        const FieldEdit *e)
{
  g_autoptr(KoersProject) project = koers_test_load_data (file);
  g_autoptr(KoersHistory) history = koers_history_new (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = koers_project_to_bytes (project);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autofree char *old_value = g_strdup (koers_project_get_field (project, e->field, e->key));

  g_test_message ("%s: field %d, key %s, %s → %s", file, e->field, e->key, old_value, e->value);
  if (g_strcmp0 (old_value, e->value) == 0)
    return;

  g_assert_true (koers_history_set (history, e->field, e->key, e->value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (koers_project_get_field (project, e->field, e->key), ==, e->value);
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, e->label);
  after = koers_project_to_bytes (project);

  /* undo restores the old value and the whole file, byte for byte */
  g_assert_true (koers_history_undo (history));
  g_assert_cmpstr (koers_project_get_field (project, e->field, e->key), ==, old_value);
  undone = koers_project_to_bytes (project);
  assert_same_bytes (before, undone);
  g_assert_false (koers_history_get_modified (history));
  g_assert_cmpstr (koers_history_get_redo_label (history), ==, e->label);

  /* redo does it again */
  g_assert_true (koers_history_redo (history));
  g_assert_cmpstr (koers_project_get_field (project, e->field, e->key), ==, e->value);
  redone = koers_project_to_bytes (project);
  assert_same_bytes (after, redone);
  g_assert_true (koers_history_get_modified (history));
}

static void
test_every_field (void)
{
  guint tested = 0;

  for (guint i = 0; i < G_N_ELEMENTS (field_edits); i++)
    {
      check_field_round_trip ("valid-full.koers", &field_edits[i]);
      check_field_round_trip ("valid-minimal.koers", &field_edits[i]);
      tested++;
    }

  /* every KoersField has at least one edit in the table */
  for (int f = KOERS_FIELD_ORGANISATION_NAME; f <= KOERS_FIELD_ITEM_NOTE; f++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (field_edits); i++)
        found |= (int) field_edits[i].field == f;
      g_assert_true (found);
    }
  g_assert_cmpuint (tested, ==, G_N_ELEMENTS (field_edits));
}

static void
count_changed (KoersProject *project,
               int           field,
               const char   *key,
               guint        *count)
{
  (*count)++;
}

static void
test_changed_once (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-minimal.koers");
  g_autoptr(KoersHistory) history = koers_history_new (project);
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_signal_connect (project, "changed", G_CALLBACK (count_changed), &count);

  koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error);
  g_assert_cmpuint (count, ==, 1);
  koers_history_place (history, "pyramid", KOERS_MARKER_CURRENT, "monitor", &error);
  g_assert_cmpuint (count, ==, 1);
  koers_history_undo (history);
  g_assert_cmpuint (count, ==, 2);
  koers_history_redo (history);
  g_assert_cmpuint (count, ==, 3);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/history/place-labels", test_place_labels);
  g_test_add_func ("/core/history/redo", test_redo);
  g_test_add_func ("/core/history/new-command-clears-redo", test_new_command_clears_redo);
  g_test_add_func ("/core/history/no-op-and-invalid", test_no_op_and_invalid);
  g_test_add_func ("/core/history/text-merge", test_text_merge);
  g_test_add_func ("/core/history/text-merge-boundaries", test_text_merge_boundaries);
  g_test_add_func ("/core/history/text-after-undo", test_text_after_undo);
  g_test_add_func ("/core/history/modified", test_modified);
  g_test_add_func ("/core/history/modified-text-after-save", test_modified_text_after_save);
  g_test_add_func ("/core/history/properties", test_properties);
  g_test_add_func ("/core/history/every-field", test_every_field);
  g_test_add_func ("/core/history/changed-once", test_changed_once);

  return g_test_run ();
}
