/* test-canvas.c: placing markers by drag and drop and by keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "koers-enum-types.h"
#include "koers-marker-ref.h"
/* For the drag preview alone: GTK 4.8 cannot emit a drop target's
 * "motion" without a real drag (see _koers_model_canvas_drag_motion()). */
#include "koers-model-canvas-private.h"
#include "koers-stage-zone.h"
#include "ui-test-util.h"

typedef struct {
  KoersProject     *project;
  KoersHistory     *history;
  GtkWidget        *window;
  KoersModelCanvas *canvas;
  int               n_placed;
  int               placed_marker;
  char             *placed_stage;
} Fixture;

static void
placed_cb (KoersModelCanvas *canvas,
           KoersMarker       marker,
           const char       *stage,
           Fixture          *f)
{
  f->n_placed++;
  f->placed_marker = marker;
  g_free (f->placed_stage);
  f->placed_stage = g_strdup (stage);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *model_id = data ? data : "pyramid";

  f->project = koers_project_new (koers_catalog_get_builtin ());
  f->history = koers_history_new (f->project);
  f->canvas = KOERS_MODEL_CANVAS (koers_model_canvas_new (f->history));
  koers_model_canvas_set_model (f->canvas, koers_catalog_lookup (koers_catalog_get_builtin (), model_id));
  g_signal_connect (f->canvas, "placed", G_CALLBACK (placed_cb), f);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 560);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->canvas));
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_allocation (GTK_WIDGET (f->canvas));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->canvas), (gpointer *) &f->canvas);
  gtk_window_destroy (GTK_WINDOW (f->window));
  pump ();
  g_assert_null (f->canvas);
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->project);
  g_free (f->placed_stage);
}

static void
stage_point (Fixture    *f,
             const char *stage,
             double     *x,
             double     *y)
{
  g_assert_true (koers_model_canvas_get_stage_point (f->canvas, stage, x, y));
}

/* Drops @marker of the canvas's own model at a point, as a real drop of a
 * dragged marker does. */
static gboolean
drop_marker (KoersModelCanvas *canvas,
             KoersMarker       marker,
             double            x,
             double            y)
{
  KoersModel *model = koers_model_canvas_get_model (canvas);
  g_autoptr(KoersMarkerRef) ref = koers_marker_ref_new (koers_model_get_id (model), marker);
  GValue value = G_VALUE_INIT;
  gboolean ret = FALSE;

  g_value_init (&value, KOERS_TYPE_MARKER_REF);
  g_value_set_boxed (&value, ref);
  g_signal_emit_by_name (canvas_drop_target (canvas), "drop", &value, x, y, &ret);
  g_value_unset (&value);
  return ret;
}

/* The zone of @stage_id among the canvas's children, as a screen reader
 * finds it in the widget tree. */
static GtkWidget *
canvas_zone (KoersModelCanvas *canvas,
             const char       *stage_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (canvas));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (KOERS_IS_STAGE_ZONE (child) &&
        g_strcmp0 (koers_stage_zone_get_stage_id (KOERS_STAGE_ZONE (child)), stage_id) == 0)
      return child;
  return NULL;
}

/* The stage menu: the canvas's one popover. */
static GtkWidget *
canvas_menu (KoersModelCanvas *canvas)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (canvas));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return child;
  return NULL;
}

static void
test_marker_ref (void)
{
  g_autoptr(KoersMarkerRef) ref = koers_marker_ref_new ("pyramid", KOERS_MARKER_TARGET);
  g_autofree char *text = koers_marker_ref_to_string (ref);
  g_autoptr(KoersMarkerRef) parsed = koers_marker_ref_parse (text);
  g_autoptr(KoersMarkerRef) now = koers_marker_ref_parse ("koers-marker:maturity-matrix:current\n");
  const char *invalid[] = {
    NULL, "", "hello", "koers-marker:", "koers-marker:pyramid", "koers-marker:pyramid:",
    "koers-marker::current", "koers-marker:pyramid:middle", "koers-marker:Pyr amid:current",
  };

  g_assert_cmpstr (text, ==, "koers-marker:pyramid:target");
  g_assert_nonnull (parsed);
  g_assert_cmpstr (parsed->model_id, ==, "pyramid");
  g_assert_cmpint (parsed->marker, ==, KOERS_MARKER_TARGET);
  g_assert_nonnull (now);
  g_assert_cmpstr (now->model_id, ==, "maturity-matrix");
  g_assert_cmpint (now->marker, ==, KOERS_MARKER_CURRENT);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_null (koers_marker_ref_parse (invalid[i]));
}

static void
test_marker_ref_content (void)
{
  g_autoptr(KoersMarkerRef) ref = koers_marker_ref_new ("pyramid", KOERS_MARKER_CURRENT);
  g_autoptr(GdkContentProvider) content = koers_marker_ref_create_content (ref);
  g_autoptr(GdkContentFormats) formats = gdk_content_provider_ref_formats (content);
  g_autoptr(GError) error = NULL;
  GValue value = G_VALUE_INIT;
  const KoersMarkerRef *got;

  g_assert_true (gdk_content_formats_contain_gtype (formats, KOERS_TYPE_MARKER_REF));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8"));

  g_value_init (&value, KOERS_TYPE_MARKER_REF);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  got = g_value_get_boxed (&value);
  g_assert_cmpstr (got->model_id, ==, "pyramid");
  g_assert_cmpint (got->marker, ==, KOERS_MARKER_CURRENT);
  g_value_unset (&value);
}

static void
test_drop_places (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KoersMarkerRef) ref = koers_marker_ref_new ("pyramid", KOERS_MARKER_CURRENT);
  GValue value = G_VALUE_INIT;
  gboolean ret = FALSE;
  double x, y;

  stage_point (f, "listen", &x, &y);
  g_value_init (&value, KOERS_TYPE_MARKER_REF);
  g_value_set_boxed (&value, ref);
  g_signal_emit_by_name (canvas_drop_target (f->canvas), "drop", &value, x, y, &ret);
  g_value_unset (&value);

  g_assert_true (ret);
  g_assert_cmpstr (koers_project_get_current (f->project, "pyramid"), ==, "listen");
  g_assert_null (koers_project_get_target (f->project, "pyramid"));
  g_assert_cmpstr (koers_history_get_undo_label (f->history), ==, "Move Now marker to Listen");
  g_assert_cmpint (f->n_placed, ==, 1);
  g_assert_cmpint (f->placed_marker, ==, KOERS_MARKER_CURRENT);
  g_assert_cmpstr (f->placed_stage, ==, "listen");
  g_assert_cmpstr (koers_model_canvas_get_selected_stage (f->canvas), ==, "listen");
  {
    GSignalQuery query;

    /* The marker travels as its registered enum, for bindings too. */
    g_signal_query (g_signal_lookup ("placed", KOERS_TYPE_MODEL_CANVAS), &query);
    g_assert_cmpuint (query.n_params, ==, 2);
    g_assert_true (query.param_types[0] == KOERS_TYPE_MARKER);
  }

  /* Dropping where it already stands changes nothing. */
  g_assert_true (drop_marker (f->canvas, KOERS_MARKER_CURRENT, x, y));
  g_assert_cmpint (f->n_placed, ==, 1);
  g_assert_true (koers_history_undo (f->history));
  g_assert_false (koers_history_can_undo (f->history));
}

static void
test_drop_text (Fixture       *f,
                gconstpointer  data)
{
  double x, y;

  stage_point (f, "create", &x, &y);
  g_assert_true (drop_text (f->canvas, "koers-marker:pyramid:target", x, y));
  g_assert_cmpstr (koers_project_get_target (f->project, "pyramid"), ==, "create");
  g_assert_cmpstr (koers_history_get_undo_label (f->history), ==, "Move Goal marker to Create");
}

static void
test_drop_refused (Fixture       *f,
                   gconstpointer  data)
{
  double x, y;
  int width = gtk_widget_get_width (GTK_WIDGET (f->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (f->canvas));

  stage_point (f, "monitor", &x, &y);

  /* Not a marker, another model's marker, outside every stage. */
  g_assert_false (drop_text (f->canvas, "hello world", x, y));
  g_assert_false (drop_text (f->canvas, "koers-marker:learning-curve:current", x, y));
  g_assert_false (drop_text (f->canvas, "koers-marker:pyramid:current", 2, 2));
  g_assert_false (drop_text (f->canvas, "koers-marker:pyramid:current", width - 2, height - 2));
  g_assert_false (drop_marker (f->canvas, KOERS_MARKER_TARGET, width - 2, height - 2));

  g_assert_null (koers_project_get_current (f->project, "pyramid"));
  g_assert_null (koers_project_get_target (f->project, "pyramid"));
  g_assert_false (koers_history_can_undo (f->history));
  g_assert_cmpint (f->n_placed, ==, 0);
}

static void
test_drop_outside_keeps_marker (Fixture       *f,
                                gconstpointer  data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (f->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (f->canvas));
  double x, y;

  stage_point (f, "respond", &x, &y);
  g_assert_true (drop_marker (f->canvas, KOERS_MARKER_CURRENT, x, y));
  g_assert_false (drop_marker (f->canvas, KOERS_MARKER_CURRENT, width - 2, height - 2));
  g_assert_cmpstr (koers_project_get_current (f->project, "pyramid"), ==, "respond");
}

static void
test_drag_motion (Fixture       *f,
                  gconstpointer  data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (f->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (f->canvas));
  double x, y;

  stage_point (f, "respond", &x, &y);
  g_assert_cmpstr (_koers_model_canvas_drag_motion (f->canvas, KOERS_MARKER_TARGET, x, y), ==, "respond");
  g_assert_cmpstr (_koers_model_canvas_get_drop_stage (f->canvas), ==, "respond");
  /* The preview lives in the canvas, not in the project. */
  g_assert_null (koers_project_get_target (f->project, "pyramid"));
  pump ();

  g_assert_null (_koers_model_canvas_drag_motion (f->canvas, KOERS_MARKER_TARGET, width - 2, height - 2));
  g_assert_null (_koers_model_canvas_get_drop_stage (f->canvas));

  g_assert_cmpstr (_koers_model_canvas_drag_motion (f->canvas, KOERS_MARKER_TARGET, x, y), ==, "respond");
  _koers_model_canvas_drag_leave (f->canvas);
  g_assert_null (_koers_model_canvas_get_drop_stage (f->canvas));
  pump ();
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *zone;

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (f->canvas)));
  zone = canvas_zone (f->canvas, "monitor");
  g_assert_true (gtk_widget_is_focus (zone));
  g_assert_cmpstr (koers_model_canvas_get_selected_stage (f->canvas), ==, "monitor");

  /* Right and left follow the model's order. */
  gtk_widget_child_focus (GTK_WIDGET (f->canvas), GTK_DIR_RIGHT);
  g_assert_cmpstr (koers_model_canvas_get_selected_stage (f->canvas), ==, "listen");
  g_assert_true (gtk_widget_is_focus (canvas_zone (f->canvas, "listen")));
  gtk_widget_child_focus (GTK_WIDGET (f->canvas), GTK_DIR_LEFT);
  gtk_widget_child_focus (GTK_WIDGET (f->canvas), GTK_DIR_LEFT);
  g_assert_cmpstr (koers_model_canvas_get_selected_stage (f->canvas), ==, "monitor");

  /* Up goes to the stage drawn above: the pyramid is built bottom-up. */
  gtk_widget_child_focus (GTK_WIDGET (f->canvas), GTK_DIR_UP);
  g_assert_cmpstr (koers_model_canvas_get_selected_stage (f->canvas), ==, "listen");
  gtk_widget_child_focus (GTK_WIDGET (f->canvas), GTK_DIR_UP);
  g_assert_cmpstr (koers_model_canvas_get_selected_stage (f->canvas), ==, "respond");
  gtk_widget_child_focus (GTK_WIDGET (f->canvas), GTK_DIR_DOWN);
  g_assert_cmpstr (koers_model_canvas_get_selected_stage (f->canvas), ==, "listen");

  /* N and G are bound to these actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.place-now", NULL));
  g_assert_cmpstr (koers_project_get_current (f->project, "pyramid"), ==, "listen");
  gtk_widget_child_focus (GTK_WIDGET (f->canvas), GTK_DIR_RIGHT);
  gtk_widget_child_focus (GTK_WIDGET (f->canvas), GTK_DIR_RIGHT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.place-goal", NULL));
  g_assert_cmpstr (koers_project_get_target (f->project, "pyramid"), ==, "create");
  g_assert_cmpstr (koers_history_get_undo_label (f->history), ==, "Move Goal marker to Create");
  g_assert_cmpint (f->n_placed, ==, 2);

  /* The stage menu's remove items. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.remove-now", NULL));
  g_assert_null (koers_project_get_current (f->project, "pyramid"));
  g_assert_cmpstr (koers_history_get_undo_label (f->history), ==, "Remove Now marker");
  g_assert_cmpint (f->placed_marker, ==, KOERS_MARKER_CURRENT);
  g_assert_null (f->placed_stage);

  g_assert_true (koers_history_undo (f->history));
  g_assert_cmpstr (koers_project_get_current (f->project, "pyramid"), ==, "listen");
}

/* The ghost Now: the stage says so, and canvas.place-suggestion places
 * Now there as a key does, undoably. */
static void
test_place_suggestion (Fixture       *f,
                       gconstpointer  data)
{
  GtkAccessible *respond = GTK_ACCESSIBLE (canvas_zone (f->canvas, "respond"));
  GtkAccessible *listen = GTK_ACCESSIBLE (canvas_zone (f->canvas, "listen"));
  g_autofree char *suggested = NULL;

  g_assert_true (koers_project_set_field (f->project, KOERS_FIELD_CURRENT, "pyramid", "listen", NULL));
  g_object_set (f->canvas, "suggested-stage", "respond", NULL);
  g_object_get (f->canvas, "suggested-stage", &suggested, NULL);
  g_assert_cmpstr (suggested, ==, "respond");
  gtk_test_accessible_assert_property (respond, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Your answers point here");
  gtk_test_accessible_assert_property (listen, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Now is here");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.place-suggestion", NULL));
  g_assert_cmpstr (koers_project_get_current (f->project, "pyramid"), ==, "respond");
  g_assert_cmpint (f->n_placed, ==, 1);
  g_assert_cmpstr (koers_history_get_undo_label (f->history), ==, "Move Now marker to Respond");
  /* Now stands where the answers point: no ghost, nothing more to say. */
  gtk_test_accessible_assert_property (respond, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Now is here");

  g_assert_true (koers_history_undo (f->history));
  g_assert_cmpstr (koers_project_get_current (f->project, "pyramid"), ==, "listen");
  gtk_test_accessible_assert_property (respond, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Your answers point here");

  /* No suggestion: the action does nothing. */
  g_object_set (f->canvas, "suggested-stage", NULL, NULL);
  gtk_test_accessible_assert_property (respond, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.place-suggestion", NULL);
  g_assert_cmpstr (koers_project_get_current (f->project, "pyramid"), ==, "listen");
  g_assert_cmpint (f->n_placed, ==, 1);
}

/* What a click and a tooltip find under the ghost Now, the last round's
 * Now and another organisation: the full name of a shortened one. */
static void
test_marks_at (Fixture       *f,
               gconstpointer  data)
{
  const char *name = "Regionale Omroep Rivierenland en Omstreken, afdeling Online";
  KoersDiagramMarkKind seen[3] = { 0 };
  KoersDiagramStyle style;
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  const char *other_id;

  g_assert_true (koers_project_set_field (f->project, KOERS_FIELD_CURRENT, "pyramid", "listen", NULL));
  other_id = koers_project_add_other (f->project, name, &error);
  g_assert_no_error (error);
  key = koers_project_other_key (other_id, "pyramid");
  g_assert_true (koers_project_set_field (f->project, KOERS_FIELD_OTHER_NOW, key, "create", NULL));
  g_object_set (f->canvas, "suggested-stage", "create", NULL);

  _koers_model_canvas_fill_base_style (f->canvas, &style);
  marks = koers_diagram_renderer_get_marks (f->canvas->renderer,
                                            _koers_model_canvas_diagram_width (f->canvas),
                                            _koers_model_canvas_diagram_height (f->canvas), &style);
  g_assert_cmpuint (marks->len, ==, 2);
  for (guint i = 0; i < marks->len; i++)
    {
      const KoersDiagramMark *mark = &g_array_index (marks, KoersDiagramMark, i);
      KoersDiagramMarkKind kind;
      const char *text = _koers_model_canvas_mark_at (f->canvas, mark->rect.x + 2,
                                                      mark->rect.y + mark->rect.height / 2 + TRAY_HEIGHT,
                                                      &kind);

      g_assert_nonnull (text);
      g_assert_cmpint (kind, ==, mark->kind);
      seen[kind] = TRUE;
      if (kind == KOERS_DIAGRAM_MARK_OTHER)
        g_assert_cmpstr (text, ==, name);
    }
  g_assert_true (seen[KOERS_DIAGRAM_MARK_SUGGESTED] && seen[KOERS_DIAGRAM_MARK_OTHER]);

  /* Hidden, the other is gone from the canvas. */
  g_object_set (f->canvas, "show-others", FALSE, NULL);
  g_clear_pointer (&marks, g_array_unref);
  _koers_model_canvas_fill_base_style (f->canvas, &style);
  marks = koers_diagram_renderer_get_marks (f->canvas->renderer,
                                            _koers_model_canvas_diagram_width (f->canvas),
                                            _koers_model_canvas_diagram_height (f->canvas), &style);
  g_assert_cmpuint (marks->len, ==, 1);
  g_assert_cmpint (g_array_index (marks, KoersDiagramMark, 0).kind, ==, KOERS_DIAGRAM_MARK_SUGGESTED);
}

static void
test_menu (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *menu;

  /* Made when first asked for, not with the canvas. */
  g_assert_null (canvas_menu (f->canvas));
  koers_model_canvas_set_selected_stage (f->canvas, "respond");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.menu", NULL));
  pump ();
  menu = canvas_menu (f->canvas);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (menu));
  g_assert_true (GTK_IS_POPOVER_MENU (menu));
  gtk_popover_popdown (GTK_POPOVER (menu));
  pump ();
  g_assert_false (gtk_widget_get_visible (menu));
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  KoersModel *model = koers_catalog_lookup (koers_catalog_get_builtin (), "pyramid");
  double x, y;

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (f->canvas), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Social Media Pyramid diagram");

  for (guint i = 0; i < koers_model_get_n_stages (model); i++)
    {
      const KoersStage *stage = koers_model_get_stage (model, i);
      GtkWidget *zone = canvas_zone (f->canvas, stage->id);

      g_assert_nonnull (zone);
      g_assert_true (gtk_widget_get_focusable (zone));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (zone), GTK_ACCESSIBLE_ROLE_BUTTON);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (zone), GTK_ACCESSIBLE_PROPERTY_LABEL, stage->name);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (zone), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
    }

  stage_point (f, "listen", &x, &y);
  g_assert_true (drop_marker (f->canvas, KOERS_MARKER_CURRENT, x, y));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas_zone (f->canvas, "listen")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Now is here");
  g_assert_true (drop_marker (f->canvas, KOERS_MARKER_TARGET, x, y));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas_zone (f->canvas, "listen")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Now and Goal are here");
  stage_point (f, "create", &x, &y);
  g_assert_true (drop_marker (f->canvas, KOERS_MARKER_TARGET, x, y));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas_zone (f->canvas, "listen")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Now is here");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas_zone (f->canvas, "create")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Goal is here");

  /* An undo reaches the screen reader too. */
  g_assert_true (koers_history_undo (f->history));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas_zone (f->canvas, "create")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas_zone (f->canvas, "listen")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Now and Goal are here");
}

static void
test_zones_cover_stages (Fixture       *f,
                         gconstpointer  data)
{
  KoersModel *model = koers_model_canvas_get_model (f->canvas);

  for (guint i = 0; i < koers_model_get_n_stages (model); i++)
    {
      const KoersStage *stage = koers_model_get_stage (model, i);
      GtkWidget *zone = canvas_zone (f->canvas, stage->id);
      graphene_rect_t bounds;
      double x, y;

      g_assert_true (gtk_widget_compute_bounds (zone, GTK_WIDGET (f->canvas), &bounds));
      g_assert_cmpfloat (bounds.size.width, >, 4);
      g_assert_cmpfloat (bounds.size.height, >, 4);
      stage_point (f, stage->id, &x, &y);
      g_assert_true (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)));
    }
}

static void
test_tray (Fixture       *f,
           gconstpointer  data)
{
  double x, y, tx, ty;

  g_assert_true (tray_shows (f->canvas, KOERS_MARKER_CURRENT));
  g_assert_true (tray_shows (f->canvas, KOERS_MARKER_TARGET));
  g_assert_true (koers_model_canvas_get_tray_point (f->canvas, KOERS_MARKER_CURRENT, &tx, &ty));
  g_assert_false (marker_point (f->canvas, KOERS_MARKER_CURRENT, &x, &y));

  stage_point (f, "monitor", &x, &y);
  g_assert_true (drop_marker (f->canvas, KOERS_MARKER_CURRENT, x, y));
  g_assert_false (tray_shows (f->canvas, KOERS_MARKER_CURRENT));
  g_assert_true (tray_shows (f->canvas, KOERS_MARKER_TARGET));
  g_assert_false (koers_model_canvas_get_tray_point (f->canvas, KOERS_MARKER_CURRENT, &tx, &ty));
  g_assert_true (marker_point (f->canvas, KOERS_MARKER_CURRENT, &x, &y));
  pump ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.remove-now", NULL));
  g_assert_true (tray_shows (f->canvas, KOERS_MARKER_CURRENT));
}

static void
test_switch_model (Fixture       *f,
                   gconstpointer  data)
{
  KoersModel *curve = koers_catalog_lookup (koers_catalog_get_builtin (), "learning-curve");
  double x, y;

  koers_model_canvas_set_selected_stage (f->canvas, "listen");
  koers_model_canvas_set_model (f->canvas, curve);
  g_assert_null (koers_model_canvas_get_selected_stage (f->canvas));
  g_assert_null (canvas_zone (f->canvas, "listen"));
  g_assert_nonnull (canvas_zone (f->canvas, "tactical"));
  wait_for_allocation (GTK_WIDGET (f->canvas));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Social Media Strategy Learning Curve diagram");

  stage_point (f, "tactical", &x, &y);
  g_assert_true (drop_text (f->canvas, "koers-marker:learning-curve:current", x, y));
  g_assert_cmpstr (koers_project_get_current (f->project, "learning-curve"), ==, "tactical");
  g_assert_false (drop_text (f->canvas, "koers-marker:pyramid:current", x, y));
}

static void
test_every_model (void)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();

  /* Every stage of every model can be reached by a drop and by keyboard. */
  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      Fixture f = { 0 };

      fixture_set_up (&f, koers_model_get_id (model));
      for (guint i = 0; i < koers_model_get_n_stages (model); i++)
        {
          const KoersStage *stage = koers_model_get_stage (model, i);
          double x, y;

          if (!koers_model_canvas_get_stage_point (f.canvas, stage->id, &x, &y))
            g_error ("%s: no point of the canvas hits stage %s", koers_model_get_id (model), stage->id);
          g_assert_true (drop_marker (f.canvas, KOERS_MARKER_TARGET, x, y));
          g_assert_cmpstr (koers_project_get_target (f.project, koers_model_get_id (model)), ==, stage->id);
        }

      gtk_widget_grab_focus (GTK_WIDGET (f.canvas));
      for (guint i = 1; i < koers_model_get_n_stages (model); i++)
        gtk_widget_child_focus (GTK_WIDGET (f.canvas), GTK_DIR_RIGHT);
      g_assert_cmpstr (koers_model_canvas_get_selected_stage (f.canvas), ==,
                       koers_model_get_stage (model, koers_model_get_n_stages (model) - 1)->id);
      fixture_tear_down (&f, NULL);
    }
}

/* --- geometry in a real window ------------------------------------------ */

typedef struct {
  int      width;
  int      height;
  double   name_px;      /* the smallest a stage name may be */
  gboolean captions;     /* every caption shown, at 11 px at least */
} WindowSize;

static const WindowSize window_sizes[] = {
  { 360, 720, 12, FALSE },
  { 1100, 800, 14, TRUE },
  { 1600, 1000, 14, TRUE },
};

static gboolean
rects_meet (const graphene_rect_t   *a,
            const cairo_rectangle_t *b)
{
  return b->width > 0 &&
         a->origin.x < b->x + b->width && b->x < a->origin.x + a->size.width &&
         a->origin.y < b->y + b->height && b->y < a->origin.y + a->size.height;
}

/* Neither marker stands on the words of any stage. */
static void
assert_markers_clear (KoersModelCanvas *canvas,
                      KoersModel       *model,
                      const char       *where)
{
  for (KoersMarker m = KOERS_MARKER_CURRENT; m <= KOERS_MARKER_TARGET; m++)
    {
      graphene_rect_t marker;

      if (!koers_model_canvas_get_marker_rect (canvas, m, &marker))
        g_error ("%s: %s: marker %d is not on the diagram", koers_model_get_id (model), where, m);
      for (guint n = 0; n < koers_model_get_n_stages (model); n++)
        {
          const KoersStage *stage = koers_model_get_stage (model, n);
          KoersStageLabel label;

          g_assert_true (koers_model_canvas_get_stage_label (canvas, stage->id, &label));
          if (rects_meet (&marker, &label.name) || rects_meet (&marker, &label.caption))
            g_error ("%s: %s: marker %d at %g,%g covers the words of %s", koers_model_get_id (model),
                     where, m, marker.origin.x, marker.origin.y, stage->id);
        }
    }
}

static void
place (KoersHistory *history,
       KoersModel   *model,
       KoersMarker   marker,
       const char   *stage_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (koers_history_place (history, koers_model_get_id (model), marker, stage_id, &error));
  g_assert_no_error (error);
}

/* In the window at a phone's, the default and a large screen's size:
 * names and captions as large as they must be, markers clear of them
 * (also both on one stage, on every stage of every model), and the
 * diagram as large as its canvas lets it be. */
static void
test_geometry (gconstpointer data)
{
  const WindowSize *size = data;
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, size->width, size->height);
  KoersHistory *history = ui_test_history (window);
  KoersModelCanvas *canvas = window_canvas (window);
  KoersCatalog *catalog = koers_catalog_get_builtin ();

  for (guint i = 0; i < koers_catalog_get_n_models (catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, i);
      guint n_stages = koers_model_get_n_stages (model);

      /* Let the narrow layout settle (it follows the size in an idle)
       * before the next model is chosen. */
      for (int frame = 0; frame < 10; frame++)
        {
          pump ();
          g_usleep (2000);
        }
      graphene_rect_t art;
      double width, height;

      koers_window_select_model (window, koers_model_get_id (model));
      wait_for_allocation (GTK_WIDGET (canvas));
      g_assert_true (koers_model_canvas_get_model (canvas) == model);

      width = gtk_widget_get_width (GTK_WIDGET (canvas));
      height = gtk_widget_get_height (GTK_WIDGET (canvas));
      g_assert_true (koers_model_canvas_get_art_rect (canvas, &art));
      g_test_message ("%s in %d×%d: canvas %g×%g, art %g×%g", koers_model_get_id (model),
                      size->width, size->height, width, height, art.size.width, art.size.height);
      /* The art fills its canvas in the dimension that limits it. */
      g_assert_cmpfloat (MAX (art.size.width / width, art.size.height / height), >=, 0.8);

      for (guint n = 0; n < n_stages; n++)
        {
          const KoersStage *stage = koers_model_get_stage (model, n);
          KoersStageLabel label;

          g_assert_true (koers_model_canvas_get_stage_label (canvas, stage->id, &label));
          g_assert_cmpfloat (label.name_size, >=, size->name_px - 0.01);
          if (size->captions && stage->tagline != NULL)
            g_assert_cmpfloat (label.caption_size, >=, 11 - 0.01);
          if (label.caption_size > 0)
            g_assert_cmpfloat (label.caption_size, >=, 11 - 0.01);
        }

      for (guint n = 0; n < n_stages; n++)
        {
          const char *stage_id = koers_model_get_stage (model, n)->id;

          place (history, model, KOERS_MARKER_CURRENT, stage_id);
          place (history, model, KOERS_MARKER_TARGET, stage_id);
          assert_markers_clear (canvas, model, "shared");
          place (history, model, KOERS_MARKER_TARGET, koers_model_get_stage (model, (n + 1) % n_stages)->id);
          assert_markers_clear (canvas, model, "apart");
        }
    }
  close_window (window);
}

/* The diagram grows with the window: larger at 1600×1000 than at the
 * default size, however much of 1600×1000 the screen gives. */
static void
test_geometry_grows (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 800);
  graphene_rect_t small, large;

  g_assert_true (koers_model_canvas_get_art_rect (window_canvas (window), &small));
  close_window (window);
  window = open_window (project, NULL, 1600, 1000);
  g_assert_true (koers_model_canvas_get_art_rect (window_canvas (window), &large));
  g_test_message ("art at 1100×800: %g×%g; at 1600×1000 (window %d×%d): %g×%g",
                  small.size.width, small.size.height,
                  gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
                  large.size.width, large.size.height);
  g_assert_cmpfloat (large.size.width, >, small.size.width);
  g_assert_cmpfloat (large.size.height, >, small.size.height);
  close_window (window);
}

/* N where Now already stands does not do nothing in silence. */
static void
test_place_again_says_so (void)
{
  g_autoptr(KoersProject) project = load_example ();
  KoersWindow *window = open_window (project, NULL, 1100, 800);
  KoersModelCanvas *canvas = window_canvas (window);
  KoersHistory *history = ui_test_history (window);
  g_autofree char *undo = NULL;

  koers_window_select_model (window, "pyramid");
  wait_for_allocation (GTK_WIDGET (canvas));
  koers_model_canvas_set_selected_stage (canvas, "listen");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.place-now", NULL));
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "listen");
  undo = g_strdup (koers_history_get_undo_label (history));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.place-now", NULL));
  pump ();
  g_assert_cmpstr (ui_test_last_toast (window), ==, "Now is already on Listen");
  g_assert_cmpstr (koers_history_get_undo_label (history), ==, undo);
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "listen");
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/ui/canvas/marker-ref/text", test_marker_ref);
  g_test_add_func ("/ui/canvas/marker-ref/content", test_marker_ref_content);
  ADD ("/ui/canvas/drop/places", test_drop_places);
  ADD ("/ui/canvas/drop/text-payload", test_drop_text);
  ADD ("/ui/canvas/drop/refused", test_drop_refused);
  ADD ("/ui/canvas/drop/outside-keeps-marker", test_drop_outside_keeps_marker);
  ADD ("/ui/canvas/drag-motion", test_drag_motion);
  ADD ("/ui/canvas/keyboard", test_keyboard);
  ADD ("/ui/canvas/menu", test_menu);
  ADD ("/ui/canvas/place-suggestion", test_place_suggestion);
  ADD ("/ui/canvas/marks-at", test_marks_at);
  ADD ("/ui/canvas/accessible", test_accessible);
  ADD ("/ui/canvas/zones-cover-stages", test_zones_cover_stages);
  ADD ("/ui/canvas/tray", test_tray);
  ADD ("/ui/canvas/switch-model", test_switch_model);
  g_test_add_func ("/ui/canvas/every-model", test_every_model);
  g_test_add_data_func ("/ui/canvas/geometry/360", &window_sizes[0], test_geometry);
  g_test_add_data_func ("/ui/canvas/geometry/1100", &window_sizes[1], test_geometry);
  g_test_add_data_func ("/ui/canvas/geometry/1600", &window_sizes[2], test_geometry);
  g_test_add_func ("/ui/canvas/geometry/grows", test_geometry_grows);
  g_test_add_func ("/ui/canvas/place-again-says-so", test_place_again_says_so);

  return g_test_run ();
}
