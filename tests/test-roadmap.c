/* test-roadmap.c: the roadmap engine (docs/roadmap-rules.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Table-driven cases for what the rules say and for the rules loader;
 * the property test and the organisation archetypes have files of their
 * own, and every roadmap built is checked with check_roadmap().
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "koers-error.h"
#include "koers-roadmap-format.h"
#include "test-roadmap-util.h"

#define current_case roadmap_test_case

/* --- table-driven cases -------------------------------------------------- */

static void
test_empty_project (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  const KoersRoadmapPhase *phase0;

  set_case ("empty project");
  check_roadmap (project, roadmap);
  g_assert_cmpuint (koers_roadmap_get_n_phases (roadmap), ==, 1);
  phase0 = koers_roadmap_get_phase (roadmap, 0);
  g_assert_cmpstr (phase0->title, ==, "Phase 0: prepare the internal organisation");
  g_assert_null (phase0->period);
  /* nothing placed: the low level, and the items for every level */
  g_assert_cmpstr (koers_roadmap_get_level_name (roadmap), ==, "low");
  g_assert_nonnull (koers_roadmap_lookup_item (roadmap, "phase-0/management-support"));
  g_assert_nonnull (koers_roadmap_lookup_item (roadmap, "phase-0/explain-social-media"));
  g_assert_null (koers_roadmap_lookup_item (roadmap, "phase-0/involve-employees"));
  g_assert_cmpuint (koers_roadmap_get_n_items (roadmap), ==, phase0->items->len);
  g_assert_cmpuint (koers_roadmap_get_findings (roadmap)->len, ==, 0);
  g_assert_cmpuint (koers_roadmap_get_orphans (roadmap)->len, ==, 0);
  g_assert_cmpstr (koers_roadmap_get_organisation (roadmap), ==, "");
}

static void
test_level (void)
{
  static const struct {
    const char *placements[4][2];
    const char *level;
    const char *has;
    const char *has_not;
  } cases[] = {
    { { { "monitor", NULL }, { NULL, NULL }, { NULL, NULL }, { NULL, NULL } }, "low", "phase-0/find-a-sponsor", "phase-0/inform-colleagues" },
    { { { "respond", NULL }, { NULL, NULL }, { NULL, NULL }, { NULL, NULL } }, "middle", "phase-0/inform-colleagues", "phase-0/find-a-sponsor" },
    { { { "create", NULL }, { "integrated", NULL }, { NULL, NULL }, { NULL, NULL } }, "high", "phase-0/training", "phase-0/internal-guideline" },
    /* the weakest link decides */
    { { { "create", NULL }, { "integrated", NULL }, { "presence", NULL }, { NULL, NULL } }, "middle", "phase-0/agree-who-answers-what", "phase-0/training" },
    { { { "create", NULL }, { "emerging", NULL }, { "converged", NULL }, { NULL, NULL } }, "low", "phase-0/list-accounts", "phase-0/ambassador-programme" },
    /* the Social Strategy Model measures progress, not maturity */
    { { { NULL, NULL }, { NULL, NULL }, { NULL, NULL }, { "evaluation", NULL } }, "low", "phase-0/explain-social-media", "phase-0/training" },
    { { { NULL, NULL }, { NULL, NULL }, { "formalized", NULL }, { "phase-0", NULL } }, "high", "phase-0/policy-known-by-all", "phase-0/list-accounts" },
    /* a target alone does not set the level */
    { { { NULL, "create" }, { NULL, NULL }, { NULL, NULL }, { NULL, NULL } }, "low", "phase-0/explain-social-media", "phase-0/training" },
  };
  const char *models[] = { "pyramid", "learning-curve", "maturity-matrix", "strategy-model" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KoersProject) project = koers_project_new (NULL);
      g_autoptr(KoersRoadmap) roadmap = NULL;

      for (guint m = 0; m < 4; m++)
        place (project, models[m], cases[i].placements[m][0], cases[i].placements[m][1]);
      roadmap = koers_roadmap_build (project, NULL);
      g_free (current_case);
      current_case = g_strdup_printf ("level case %u", i);
      check_roadmap (project, roadmap);
      g_assert_cmpstr (koers_roadmap_get_level_name (roadmap), ==, cases[i].level);
      g_assert_nonnull (koers_roadmap_lookup_item (roadmap, cases[i].has));
      g_assert_null (koers_roadmap_lookup_item (roadmap, cases[i].has_not));
    }
}

static void
assert_phase (KoersRoadmap *roadmap,
              const char   *id,
              guint         expected)
{
  guint phase = G_MAXUINT;
  const KoersRoadmapItem *item = find_item (roadmap, id, &phase, NULL);

  if (item == NULL)
    g_error ("%s is not in the roadmap", id);
  if (phase != expected)
    g_error ("%s stands in phase %u, expected %u", id, phase, expected);
}

static void
test_pyramid_steps (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(KoersRoadmap) roadmap = NULL;
  guint monitor, digest, listen, respond, create, strategy, gate;

  /* not placed yet: starts before the first stage */
  place (project, "pyramid", NULL, "create");
  roadmap = koers_roadmap_build (project, NULL);
  set_case ("pyramid to create");
  check_roadmap (project, roadmap);
  /* the strict bottom-up pyramid: each layer in a later quarter */
  find_item (roadmap, "shared/monitoring-set-up", &monitor, NULL);
  find_item (roadmap, "pyramid/weekly-digest", &digest, NULL);
  find_item (roadmap, "pyramid/read-conversations", &listen, NULL);
  find_item (roadmap, "pyramid/response-guidelines", &respond, NULL);
  find_item (roadmap, "pyramid/content-calendar", &create, NULL);
  g_assert_cmpuint (monitor, ==, 1);
  g_assert_cmpuint (digest, ==, 1);
  g_assert_cmpuint (listen, >, digest);
  g_assert_cmpuint (respond, >, listen);
  g_assert_cmpuint (create, >, respond);
  /* the shared item serves only the step taken */
  g_assert_cmpuint (koers_roadmap_lookup_item (roadmap, "shared/monitoring-set-up")->serves->len, ==, 1);
  /* publishing brings its direction, a content strategy and the gate,
   * even with only the pyramid placed (issue: content before its plan) */
  find_item (roadmap, "learning-curve/content-strategy", &strategy, NULL);
  find_item (roadmap, "strategy-model/go-no-go", &gate, NULL);
  g_assert_nonnull (koers_roadmap_lookup_item (roadmap, "shared/smart-objectives"));
  g_assert_nonnull (koers_roadmap_lookup_item (roadmap, "strategy-model/target-groups"));
  g_assert_cmpuint (gate, <, strategy);
  g_assert_cmpuint (strategy, <=, create);
  /* items of other models' steps that nothing needs are not there */
  g_assert_null (koers_roadmap_lookup_item (roadmap, "shared/team-with-one-lead"));
  g_assert_null (koers_roadmap_lookup_item (roadmap, "maturity-matrix/formal-presence"));
  /* within a phase, an item follows what it is after */
  {
    guint a, b, c;

    find_item (roadmap, "pyramid/read-conversations", NULL, &a);
    find_item (roadmap, "pyramid/response-triage", NULL, &b);
    find_item (roadmap, "pyramid/when-not-to-respond", NULL, &c);
    g_assert_cmpuint (a, <, b);
    g_assert_cmpuint (b, <, c);
  }
  /* a Goal without Now is a note */
  g_assert_nonnull (find_finding (roadmap, "no-current/pyramid"));
}

static void
test_joins_previous (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(KoersRoadmap) roadmap = NULL;

  place (project, "strategy-model", "phase-0", "evaluation");
  roadmap = koers_roadmap_build (project, NULL);
  set_case ("strategy model from phase 0");
  check_roadmap (project, roadmap);
  /* baseline, analysis, objectives, audiences and the gate that closes
   * them join: one quarter */
  assert_phase (roadmap, "strategy-model/baseline-measurement", 1);
  assert_phase (roadmap, "strategy-model/target-groups", 1);
  assert_phase (roadmap, "strategy-model/go-no-go", 1);
  /* the doing starts the quarter after the gate: channels and content */
  assert_phase (roadmap, "strategy-model/choose-channels", 2);
  assert_phase (roadmap, "strategy-model/content-and-conversation-plan", 2);
  assert_phase (roadmap, "strategy-model/assign-owners", 3);
  /* measuring and evaluating share a quarter */
  assert_phase (roadmap, "strategy-model/measure-against-baseline", 4);
  assert_phase (roadmap, "strategy-model/evaluate-with-team", 4);
  assert_phase (roadmap, "strategy-model/start-next-round", 4);
  g_assert_cmpuint (koers_roadmap_get_n_phases (roadmap), ==, 5);
}

static void
test_shared_items (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(KoersRoadmap) roadmap = NULL;
  const KoersRoadmapItem *item;
  const KoersStageRef *ref;

  /* one item, three models' first steps: generated once, serving all,
   * the first named being the primary */
  place (project, "pyramid", NULL, "monitor");
  place (project, "learning-curve", NULL, "emerging");
  place (project, "maturity-matrix", NULL, "planning");
  roadmap = koers_roadmap_build (project, NULL);
  set_case ("shared monitoring");
  check_roadmap (project, roadmap);
  item = koers_roadmap_lookup_item (roadmap, "shared/monitoring-set-up");
  g_assert_nonnull (item);
  g_assert_cmpuint (item->serves->len, ==, 3);
  ref = g_ptr_array_index (item->serves, 0);
  g_assert_cmpstr (ref->model, ==, "pyramid");
  g_assert_cmpstr (ref->stage, ==, "monitor");
  ref = g_ptr_array_index (item->serves, 2);
  g_assert_cmpstr (ref->model, ==, "maturity-matrix");
  g_assert_cmpstr (ref->stage, ==, "planning");

  /* without the pyramid step, the learning curve is the primary */
  place (project, "pyramid", NULL, NULL);
  g_clear_object (&roadmap);
  roadmap = koers_roadmap_build (project, NULL);
  item = koers_roadmap_lookup_item (roadmap, "shared/monitoring-set-up");
  g_assert_cmpuint (item->serves->len, ==, 2);
  ref = g_ptr_array_index (item->serves, 0);
  g_assert_cmpstr (ref->model, ==, "learning-curve");
}

static void
test_pushed_steps (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(KoersRoadmap) roadmap = NULL;
  guint objectives, audiences, gate, audiences_pos, gate_pos;

  /* SMART objectives serve the strategy model's objectives and the
   * learning curve's tactical stage, which comes a phase later: pushing
   * the item later pushes the strategy model's later steps too. */
  place (project, "strategy-model", "phase-0", "channels");
  place (project, "learning-curve", NULL, "tactical");
  roadmap = koers_roadmap_build (project, NULL);
  set_case ("pushed steps");
  check_roadmap (project, roadmap);
  find_item (roadmap, "shared/smart-objectives", &objectives, NULL);
  find_item (roadmap, "strategy-model/target-groups", &audiences, &audiences_pos);
  find_item (roadmap, "strategy-model/go-no-go", &gate, &gate_pos);
  g_assert_cmpuint (objectives, ==, 2);
  g_assert_cmpuint (audiences, >=, objectives);
  /* the gate closes the analysis steps: in their quarter, after them */
  g_assert_cmpuint (gate, >=, audiences);
  g_assert_cmpuint (gate_pos, >, audiences_pos);
}

static void
test_content_after_strategy (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(KoersRoadmap) roadmap = NULL;
  guint strategy, calendar, strategy_pos, calendar_pos;

  place (project, "pyramid", "respond", "create");
  place (project, "learning-curve", "emerging", "tactical");
  roadmap = koers_roadmap_build (project, NULL);
  set_case ("content after strategy");
  check_roadmap (project, roadmap);
  find_item (roadmap, "learning-curve/content-strategy", &strategy, &strategy_pos);
  find_item (roadmap, "pyramid/content-calendar", &calendar, &calendar_pos);
  g_assert_cmpuint (calendar, >=, strategy);
  g_assert_cmpuint (calendar_pos, >, strategy_pos);
  g_assert_true (g_strv_contains ((const char * const *) koers_roadmap_lookup_item (roadmap, "pyramid/content-calendar")->after,
                                  "learning-curve/content-strategy"));
  /* an after that is not in the roadmap is not listed */
  g_clear_object (&roadmap);
  place (project, "learning-curve", "tactical", "tactical");
  roadmap = koers_roadmap_build (project, NULL);
  g_assert_null (koers_roadmap_lookup_item (roadmap, "learning-curve/content-strategy"));
  g_assert_false (g_strv_contains ((const char * const *) koers_roadmap_lookup_item (roadmap, "pyramid/content-calendar")->after,
                                   "learning-curve/content-strategy"));
}

static void
test_requires (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(KoersRoadmap) roadmap = NULL;

  /* the pyramid at monitor makes the level low, which would not pick the
   * policy known by all; the staff items require it */
  place (project, "pyramid", "monitor", NULL);
  place (project, "learning-curve", "integrated", "social-business");
  roadmap = koers_roadmap_build (project, NULL);
  set_case ("requires");
  check_roadmap (project, roadmap);
  g_assert_cmpstr (koers_roadmap_get_level_name (roadmap), ==, "low");
  /* equipping staff is a programme: its milestones carry the id */
  g_assert_nonnull (koers_roadmap_lookup_item (roadmap, "learning-curve/equip-staff/pilot"));
  assert_phase (roadmap, "phase-0/policy-known-by-all", 0);
  g_assert_null (koers_roadmap_lookup_item (roadmap, "phase-0/training"));
}

static void
test_conditional_item (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(KoersRoadmap) roadmap = NULL;
  const KoersRoadmapItem *item;
  const KoersStageRef *ref;

  /* mature organisations without a written strategy: write it down */
  place (project, "learning-curve", "integrated", NULL);
  roadmap = koers_roadmap_build (project, NULL);
  set_case ("write it down");
  check_roadmap (project, roadmap);
  item = koers_roadmap_lookup_item (roadmap, "strategy-model/write-it-down");
  g_assert_nonnull (item);
  g_assert_cmpuint (item->phase, ==, 1);
  ref = g_ptr_array_index (item->serves, 0);
  g_assert_cmpstr (ref->model, ==, "strategy-model");
  g_assert_cmpstr (ref->stage, ==, "objectives");
  g_assert_cmpint (item->lesson, ==, 7);

  /* ... not when the strategy is already past the analysis */
  place (project, "strategy-model", "objectives", NULL);
  g_clear_object (&roadmap);
  roadmap = koers_roadmap_build (project, NULL);
  check_roadmap (project, roadmap);
  g_assert_null (koers_roadmap_lookup_item (roadmap, "strategy-model/write-it-down"));
}

static void
test_periods (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(KoersRoadmap) roadmap = NULL;
  g_autoptr(GError) error = NULL;

  place (project, "pyramid", NULL, "listen");
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ROADMAP_START, NULL, "2027-01", &error));
  roadmap = koers_roadmap_build (project, NULL);
  g_assert_cmpuint (koers_roadmap_get_n_phases (roadmap), ==, 3);
  g_assert_cmpstr (koers_roadmap_get_phase (roadmap, 0)->period, ==, "Q1 2027");
  g_assert_cmpstr (koers_roadmap_get_phase (roadmap, 1)->period, ==, "Q2 2027");
  g_assert_cmpstr (koers_roadmap_get_phase (roadmap, 2)->period, ==, "Q3 2027");

  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ROADMAP_START, NULL, "2027-11", &error));
  g_clear_object (&roadmap);
  roadmap = koers_roadmap_build (project, NULL);
  g_assert_cmpstr (koers_roadmap_get_phase (roadmap, 0)->period, ==, "Q4 2027");
  g_assert_cmpstr (koers_roadmap_get_phase (roadmap, 1)->period, ==, "Q1 2028");

  /* without a start: the month of modified */
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ROADMAP_START, NULL, NULL, &error));
  {
    g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 8, 23, 16, 40, 5);
    koers_project_stamp (project, when);
  }
  g_clear_object (&roadmap);
  roadmap = koers_roadmap_build (project, NULL);
  g_assert_cmpstr (koers_roadmap_get_phase (roadmap, 0)->period, ==, "Q3 2026");
  g_assert_cmpstr (koers_roadmap_get_phase (roadmap, 2)->period, ==, "Q1 2027");
  g_assert_no_error (error);
}

static void
test_woonstichting_ids (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("woonstichting.koers");
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  g_autofree char *golden_path = koers_test_data_path ("woonstichting.roadmap-ids.txt");
  g_autofree char *golden = NULL;
  GString *got = g_string_new (NULL);
  g_autofree char *got_text = NULL;
  g_autoptr(GError) error = NULL;

  set_case ("woonstichting");
  check_roadmap (project, roadmap);

  /* "PHASE ID" per line, in roadmap order: ids are stable forever, since
   * what users record is stored under them */
  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *ph = koers_roadmap_get_phase (roadmap, p);

      for (guint i = 0; i < ph->items->len; i++)
        g_string_append_printf (got, "%u %s\n", ph->index,
                                ((const KoersRoadmapItem *) g_ptr_array_index (ph->items, i))->id);
    }
  got_text = g_string_free (got, FALSE);
  g_file_get_contents (golden_path, &golden, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got_text, ==, golden);
}

static void
test_annotations (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *id = "pyramid/read-conversations";
  const KoersRoadmapItem *item;
  const KoersOrphan *orphan;

  place (project, "pyramid", "monitor", "respond");
  koers_project_set_field (project, KOERS_FIELD_ITEM_STATUS, id, "doing", &error);
  koers_project_set_field (project, KOERS_FIELD_ITEM_OWNER, id, "Anna", &error);
  koers_project_set_field (project, KOERS_FIELD_ITEM_DUE, id, "2027-Q2", &error);
  koers_project_set_field (project, KOERS_FIELD_ITEM_NOTE, id, "Start with the top 20", &error);
  g_assert_no_error (error);

  {
    g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);

    item = koers_roadmap_lookup_item (roadmap, id);
    g_assert_nonnull (item);
    g_assert_cmpint (item->status, ==, KOERS_STATUS_DOING);
    g_assert_cmpstr (item->owner, ==, "Anna");
    g_assert_cmpstr (item->due, ==, "2027-Q2");
    g_assert_cmpstr (item->note, ==, "Start with the top 20");
    g_assert_cmpuint (koers_roadmap_get_orphans (roadmap)->len, ==, 0);
  }

  /* a placement change that keeps the item keeps what was recorded */
  place (project, "pyramid", "monitor", "listen");
  {
    g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);

    item = koers_roadmap_lookup_item (roadmap, id);
    g_assert_nonnull (item);
    g_assert_cmpint (item->status, ==, KOERS_STATUS_DOING);
    g_assert_cmpstr (item->owner, ==, "Anna");
    g_assert_cmpstr (item->due, ==, "2027-Q2");
    g_assert_cmpstr (item->note, ==, "Start with the top 20");
  }

  /* one that drops it makes an orphan, with everything recorded */
  place (project, "pyramid", "listen", "respond");
  {
    g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
    const GPtrArray *orphans = koers_roadmap_get_orphans (roadmap);

    g_assert_null (koers_roadmap_lookup_item (roadmap, id));
    g_assert_cmpuint (orphans->len, ==, 1);
    orphan = g_ptr_array_index (orphans, 0);
    g_assert_cmpstr (orphan->id, ==, id);
    g_assert_true (orphan->has_status);
    g_assert_cmpint (orphan->status, ==, KOERS_STATUS_DOING);
    g_assert_cmpstr (orphan->owner, ==, "Anna");
    g_assert_cmpstr (orphan->due, ==, "2027-Q2");
    g_assert_cmpstr (orphan->note, ==, "Start with the top 20");
    /* still in the file */
    g_assert_true (koers_project_has_item_state (project, id));
  }

  /* and it comes back when the item does */
  place (project, "pyramid", NULL, "respond");
  {
    g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);

    item = koers_roadmap_lookup_item (roadmap, id);
    g_assert_nonnull (item);
    g_assert_cmpint (item->status, ==, KOERS_STATUS_DOING);
    g_assert_cmpstr (item->note, ==, "Start with the top 20");
    g_assert_cmpuint (koers_roadmap_get_orphans (roadmap)->len, ==, 0);
  }
}

static void
test_orphans_from_file (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("orphan-items.koers");
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  const GPtrArray *orphans = koers_roadmap_get_orphans (roadmap);
  const KoersOrphan *o;

  /* in file order; an orphan without a status has none */
  g_assert_cmpuint (orphans->len, ==, 3);
  o = g_ptr_array_index (orphans, 0);
  g_assert_cmpstr (o->id, ==, "retired/press-kit");
  g_assert_true (o->has_status);
  g_assert_cmpint (o->status, ==, KOERS_STATUS_DONE);
  g_assert_cmpstr (o->note, ==, "Sent to 12 papers");
  o = g_ptr_array_index (orphans, 1);
  g_assert_cmpstr (o->id, ==, "pyramid/read-conversations");
  g_assert_false (o->has_status);
  g_assert_cmpstr (o->owner, ==, "Bram");
  o = g_ptr_array_index (orphans, 2);
  g_assert_cmpstr (o->id, ==, "old/without-status");
  g_assert_false (o->has_status);
  g_assert_cmpint (koers_roadmap_lookup_item (roadmap, "phase-0/management-support")->status, ==, KOERS_STATUS_DONE);
}

static void
assert_finding (KoersRoadmap  *roadmap,
                const char    *id,
                KoersSeverity  severity,
                const char    *models)
{
  const KoersFinding *f = find_finding (roadmap, id);
  g_autofree char *got = NULL;

  if (f == NULL)
    g_error ("no finding %s", id);
  got = g_strjoinv (",", f->models);
  g_assert_cmpstr (got, ==, models);
  g_assert_cmpint (f->severity, ==, severity);
  g_assert_nonnull (f->message);
  g_assert_cmpuint (strlen (f->message), >, 20);
}

static void
test_findings (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(KoersRoadmap) roadmap = NULL;
  const KoersFinding *f;

  /* creating on the pyramid while the matrix is at planning */
  place (project, "pyramid", "create", NULL);
  place (project, "maturity-matrix", "planning", NULL);
  roadmap = koers_roadmap_build (project, NULL);
  set_case ("create before the base");
  check_roadmap (project, roadmap);
  assert_finding (roadmap, "create-before-the-base", KOERS_SEVERITY_WARNING, "pyramid,maturity-matrix");

  /* a social business whose pyramid is at monitor */
  g_clear_object (&project);
  g_clear_object (&roadmap);
  project = koers_project_new (NULL);
  place (project, "learning-curve", "social-business", NULL);
  place (project, "pyramid", "monitor", NULL);
  roadmap = koers_roadmap_build (project, NULL);
  set_case ("social business at monitor");
  check_roadmap (project, roadmap);
  assert_finding (roadmap, "social-business-without-responding", KOERS_SEVERITY_WARNING, "learning-curve,pyramid");
  /* not an error: the placement stays as the user put it */
  g_assert_cmpstr (koers_project_get_current (project, "pyramid"), ==, "monitor");
  /* mature without a written strategy names all three models */
  assert_finding (roadmap, "mature-without-written-strategy", KOERS_SEVERITY_INFO,
                  "strategy-model,learning-curve,maturity-matrix");

  /* a target below the current stage */
  g_clear_object (&project);
  g_clear_object (&roadmap);
  project = koers_project_new (NULL);
  place (project, "maturity-matrix", "strategic", "presence");
  roadmap = koers_roadmap_build (project, NULL);
  set_case ("target below current");
  check_roadmap (project, roadmap);
  assert_finding (roadmap, "target-below-current/maturity-matrix", KOERS_SEVERITY_WARNING, "maturity-matrix");
  f = find_finding (roadmap, "target-below-current/maturity-matrix");
  g_assert_nonnull (strstr (f->message, "Social Business Strategy Maturity Matrix"));
  g_assert_nonnull (strstr (f->message, "Presence"));
  g_assert_nonnull (strstr (f->message, "Strategic"));
  /* and no steps for it, back or forth */
  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *ph = koers_roadmap_get_phase (roadmap, p);

      for (guint i = 0; i < ph->items->len; i++)
        g_assert_false (serves (g_ptr_array_index (ph->items, i), "maturity-matrix", NULL));
    }

  /* consistent placements: nothing to warn about */
  g_clear_object (&project);
  g_clear_object (&roadmap);
  project = koers_project_new (NULL);
  place (project, "pyramid", "listen", "respond");
  place (project, "learning-curve", "tactical", "integrated");
  roadmap = koers_roadmap_build (project, NULL);
  set_case ("consistent");
  check_roadmap (project, roadmap);
  for (guint i = 0; i < koers_roadmap_get_findings (roadmap)->len; i++)
    g_assert_cmpint (((const KoersFinding *) g_ptr_array_index (koers_roadmap_get_findings (roadmap), i))->severity,
                     ==, KOERS_SEVERITY_INFO);
}

static void
test_findings_from_file (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("target-below-current.koers");
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);

  set_case ("target-below-current.koers");
  check_roadmap (project, roadmap);
  assert_finding (roadmap, "target-below-current/pyramid", KOERS_SEVERITY_WARNING, "pyramid");
}

static void
test_json_text (void)
{
  g_autoptr(KoersProject) project = koers_test_load_data ("valid-full.koers");
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  g_autofree char *text = roadmap_json (roadmap);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *phase0, *item;
  JsonArray *phases;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "organisation"), ==, "Gemeente Voorbeeld");
  phases = json_object_get_array_member (root, "phases");
  g_assert_cmpuint (json_array_get_length (phases), ==, koers_roadmap_get_n_phases (roadmap));
  phase0 = json_array_get_object_element (phases, 0);
  g_assert_cmpint (json_object_get_int_member (phase0, "index"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (phase0, "period"), ==, "Q1 2027");
  item = json_array_get_object_element (json_object_get_array_member (phase0, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, "phase-0/management-support");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (item, "owner"), ==, "Anna");
  g_assert_cmpstr (json_object_get_string_member (item, "model"), ==, "strategy-model");
  g_assert_cmpstr (json_object_get_string_member (item, "stage"), ==, "phase-0");
}

/* --- broken rules -------------------------------------------------------- */

#define RULES_HEAD "{ \"format\": \"koers-rules\", \"version\": 1, "
#define MATURITY "\"maturity\": { \"pyramid\": { \"monitor\": \"low\" } }, "
#define ITEM_A "{ \"id\": \"a/one\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"monitor\" } ], \"title\": \"One\", \"why\": \"Because.\" }"
#define ITEM_P0 "{ \"id\": \"phase-0/start\", \"phase-0\": \"always\", \"title\": \"Start\", \"why\": \"Because.\" }"

typedef struct {
  const char     *name;
  const char     *json;
  KoersFileError  code;
  const char     *message;
} BrokenRules;

static const BrokenRules broken_rules[] = {
  { "unknown-model",
    RULES_HEAD MATURITY "\"items\": [ { \"id\": \"a/one\", \"towards\": [ { \"model\": \"nope\", \"stage\": \"monitor\" } ], \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[0].towards[0].model: unknown model \"nope\"" },
  { "unknown-stage",
    RULES_HEAD MATURITY "\"items\": [ " ITEM_P0 ", { \"id\": \"a/one\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"shout\" } ], \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_UNKNOWN_STAGE, "broken-rules.json: items[1].towards[0].stage: unknown stage \"shout\" (expected one of monitor, listen, respond, create)" },
  { "after-missing",
    RULES_HEAD MATURITY "\"items\": [ " ITEM_P0 ", { \"id\": \"a/two\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"listen\" } ], \"after\": [ \"x/missing\" ], \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[1]: after: no item has the id \"x/missing\"" },
  { "after-cycle",
    RULES_HEAD MATURITY "\"items\": [ "
    "{ \"id\": \"a/one\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"monitor\" } ], \"after\": [ \"a/three\" ], \"title\": \"T\", \"why\": \"W\" }, "
    "{ \"id\": \"a/two\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"listen\" } ], \"after\": [ \"a/one\" ], \"title\": \"T\", \"why\": \"W\" }, "
    "{ \"id\": \"a/three\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"respond\" } ], \"after\": [ \"a/two\" ], \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[0]: the item \"a/one\" would have to come before itself (through after, sequencing or its model’s order)" },
  { "after-self",
    RULES_HEAD MATURITY "\"items\": [ " ITEM_P0 ", { \"id\": \"a/one\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"monitor\" } ], \"after\": [ \"a/one\" ], \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[1]: the item \"a/one\" would have to come before itself (through after, sequencing or its model’s order)" },
  { "requires-missing",
    RULES_HEAD MATURITY "\"items\": [ { \"id\": \"a/one\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"monitor\" } ], \"requires\": [ \"phase-0/nope\" ], \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[0]: requires: no item has the id \"phase-0/nope\"" },
  /* requires may name any item now; a sequencing rule must name tags in use */
  { "sequencing-unknown-tag",
    RULES_HEAD MATURITY "\"sequencing\": [ { \"id\": \"s\", \"before\": \"gate\", \"after\": \"doing\", \"cite\": \"C\" } ], "
    "\"items\": [ " ITEM_A " ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: sequencing[0]: no item has the tag \"gate\"" },
  { "sequencing-cycle",
    RULES_HEAD MATURITY "\"sequencing\": [ { \"id\": \"s\", \"before\": \"x\", \"after\": \"y\", \"cite\": \"C\" } ], "
    "\"items\": [ { \"id\": \"a/one\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"listen\" } ], \"tags\": [ \"x\" ], \"title\": \"T\", \"why\": \"W\" }, "
    "{ \"id\": \"a/two\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"monitor\" } ], \"tags\": [ \"y\" ], \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[0]: the item \"a/one\" would have to come before itself (through after, sequencing or its model’s order)" },
  { "unknown-goal",
    RULES_HEAD MATURITY "\"items\": [ { \"id\": \"a/one\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"monitor\" } ], \"goal\": \"fame\", \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[0]: unknown goal \"fame\"" },
  { "bad-effort",
    RULES_HEAD MATURITY "\"items\": [ { \"id\": \"a/one\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"monitor\" } ], \"effort\": 0, \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[0].effort: an effort is 1 to 1000 person-days" },
  { "unknown-effort-class",
    RULES_HEAD MATURITY "\"items\": [ { \"id\": \"a/one\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"monitor\" } ], \"effort\": \"huge\", \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[0].effort: unknown effort class \"huge\"" },
  { "unknown-kind",
    RULES_HEAD MATURITY "\"items\": [ { \"id\": \"a/one\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"monitor\" } ], \"kinds\": [ \"bakery\" ], \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[0]: unknown kind of organisation \"bakery\"" },
  { "text-variant-unknown",
    RULES_HEAD MATURITY "\"items\": [ { \"id\": \"a/one\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"monitor\" } ], \"title\": { \"default\": \"T\", \"bakery\": \"B\" }, \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[0].title: \"bakery\" is neither a kind of organisation nor a level" },
  { "one-milestone",
    RULES_HEAD MATURITY "\"items\": [ { \"id\": \"a/one\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"monitor\" } ], \"milestones\": [ { \"id\": \"m\", \"title\": \"M\", \"effort\": 2 } ], \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[0]: a programme has at least two milestones" },
  { "adds-missing",
    RULES_HEAD MATURITY "\"items\": [], \"findings\": [ { \"id\": \"f\", \"severity\": \"info\", \"models\": [ \"pyramid\" ], \"when\": [ { \"model\": \"pyramid\", \"marker\": \"current\", \"is\": \"create\" } ], \"adds\": [ \"x/y\" ], \"message\": \"M\" } ] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: findings[0]: adds: no item has the id \"x/y\"" },
  { "duplicate-id",
    RULES_HEAD MATURITY "\"items\": [ " ITEM_A ", " ITEM_A " ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[1]: the id \"a/one\" is used twice" },
  { "two-kinds",
    RULES_HEAD MATURITY "\"items\": [ { \"id\": \"a/one\", \"phase-0\": \"low\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"monitor\" } ], \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[0]: an item needs exactly one of phase-0, towards or when" },
  { "bad-level",
    RULES_HEAD MATURITY "\"items\": [ { \"id\": \"phase-0/x\", \"phase-0\": \"sometimes\", \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[0]: phase-0 must be always, low, middle or high" },
  { "missing-title",
    RULES_HEAD MATURITY "\"items\": [ { \"id\": \"phase-0/x\", \"phase-0\": \"low\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_MISSING, "broken-rules.json: items[0].title: missing; this member is required" },
  { "when-without-serves",
    RULES_HEAD MATURITY "\"items\": [ { \"id\": \"c/x\", \"when\": [ { \"model\": \"pyramid\", \"marker\": \"current\", \"is\": \"monitor\" } ], \"phase\": 1, \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[0]: an item with when needs serves" },
  { "when-bad-marker",
    RULES_HEAD MATURITY "\"items\": [ { \"id\": \"c/x\", \"when\": [ { \"model\": \"pyramid\", \"marker\": \"now\", \"is\": \"monitor\" } ], \"serves\": [ { \"model\": \"pyramid\", \"stage\": \"monitor\" } ], \"phase\": 1, \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[0].when[0]: marker must be \"current\" or \"target\"" },
  { "when-unknown-stage",
    RULES_HEAD MATURITY "\"items\": [ { \"id\": \"c/x\", \"when\": [ { \"any\": [ { \"model\": \"learning-curve\", \"marker\": \"target\", \"at-least\": \"expert\" } ] } ], \"serves\": [ { \"model\": \"pyramid\", \"stage\": \"monitor\" } ], \"phase\": 1, \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_UNKNOWN_STAGE, "broken-rules.json: items[0].when[0].any[0].at-least: unknown stage \"expert\" (expected one of emerging, tactical, integrated, social-business)" },
  { "when-phase-21",
    RULES_HEAD MATURITY "\"items\": [ { \"id\": \"c/x\", \"when\": [ { \"model\": \"pyramid\", \"marker\": \"current\", \"placed\": true } ], \"serves\": [ { \"model\": \"pyramid\", \"stage\": \"monitor\" } ], \"phase\": 21, \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[0]: an item with when needs a phase from 0 to 20" },
  { "maturity-unknown-model",
    RULES_HEAD "\"maturity\": { \"nope\": { \"monitor\": \"low\" } }, \"items\": [], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: maturity: unknown model \"nope\"" },
  { "maturity-unknown-stage",
    RULES_HEAD "\"maturity\": { \"pyramid\": { \"shout\": \"low\" } }, \"items\": [], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: maturity.pyramid: unknown stage \"shout\"" },
  { "maturity-bad-level",
    RULES_HEAD "\"maturity\": { \"pyramid\": { \"monitor\": \"always\" } }, \"items\": [], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: maturity.pyramid: a level is low, middle or high" },
  { "stages-unknown-stage",
    RULES_HEAD MATURITY "\"stages\": [ { \"model\": \"strategy-model\", \"stage\": \"nulmeting\", \"joins-previous\": true } ], \"items\": [], \"findings\": [] }",
    KOERS_FILE_ERROR_UNKNOWN_STAGE, "broken-rules.json: stages[0].stage: unknown stage \"nulmeting\" (expected one of phase-0, baseline, analysis, objectives, audiences, go-no-go, channels, content, execution, monitoring, evaluation)" },
  { "stages-joins-text",
    RULES_HEAD MATURITY "\"stages\": [ { \"model\": \"strategy-model\", \"stage\": \"baseline\", \"joins-previous\": \"yes\" } ], \"items\": [], \"findings\": [] }",
    KOERS_FILE_ERROR_TYPE, "broken-rules.json: stages[0].joins-previous: expected true or false, found text" },
  { "finding-unknown-model",
    RULES_HEAD MATURITY "\"items\": [], \"findings\": [ { \"id\": \"f\", \"severity\": \"warning\", \"models\": [ \"pyramid\", \"nope\" ], \"when\": [ { \"model\": \"pyramid\", \"marker\": \"current\", \"is\": \"create\" } ], \"message\": \"M\" } ] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: findings[0]: unknown model \"nope\"" },
  { "finding-bad-severity",
    RULES_HEAD MATURITY "\"items\": [], \"findings\": [ { \"id\": \"f\", \"severity\": \"error\", \"models\": [ \"pyramid\" ], \"when\": [ { \"model\": \"pyramid\", \"marker\": \"current\", \"is\": \"create\" } ], \"message\": \"M\" } ] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: findings[0]: severity must be info or warning" },
  { "finding-no-conditions",
    RULES_HEAD MATURITY "\"items\": [], \"findings\": [ { \"id\": \"f\", \"severity\": \"info\", \"models\": [ \"pyramid\" ], \"when\": [], \"message\": \"M\" } ] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: findings[0].when: expected at least one condition" },
  { "items-missing",
    RULES_HEAD MATURITY "\"findings\": [] }",
    KOERS_FILE_ERROR_MISSING, "broken-rules.json: items: missing; this member is required" },
  { "wrong-format",
    "{ \"format\": \"koers-project\", \"version\": 1 }",
    KOERS_FILE_ERROR_NOT_PROJECT, "broken-rules.json: format: expected \"koers-rules\", found \"koers-project\"" },
  { "lesson-out-of-range",
    RULES_HEAD MATURITY "\"items\": [ { \"id\": \"phase-0/x\", \"phase-0\": \"low\", \"lesson\": 8, \"title\": \"T\", \"why\": \"W\" } ], \"findings\": [] }",
    KOERS_FILE_ERROR_INVALID, "broken-rules.json: items[0]: lesson must be a number from 1 to 7" },
};

static void
test_rules_broken (gconstpointer data)
{
  const BrokenRules *c = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (c->json, strlen (c->json));
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersRules) rules = koers_rules_new_from_bytes (koers_catalog_get_builtin (), bytes,
                                                           "broken-rules.json", &error);

  g_assert_null (rules);
  g_assert_error (error, KOERS_FILE_ERROR, (int) c->code);
  g_assert_cmpstr (error->message, ==, c->message);
}

static void
test_rules_custom (void)
{
  static const char json[] =
    RULES_HEAD MATURITY
    "\"stages\": [ { \"model\": \"pyramid\", \"stage\": \"listen\", \"joins-previous\": true } ], "
    "\"items\": [ " ITEM_P0 ", " ITEM_A ", "
    "{ \"id\": \"a/two\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"listen\" } ], \"after\": [ \"a/one\" ], \"title\": \"Two\", \"why\": \"W\" }, "
    "{ \"id\": \"a/three\", \"towards\": [ { \"model\": \"pyramid\", \"stage\": \"respond\" } ], \"title\": \"Three\", \"why\": \"W\" } ], "
    "\"findings\": [ { \"id\": \"f/create\", \"severity\": \"warning\", \"models\": [ \"pyramid\" ], "
    "\"when\": [ { \"model\": \"pyramid\", \"marker\": \"target\", \"is\": \"respond\" } ], \"message\": \"Respond soon.\" } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersRules) rules = koers_rules_new_from_bytes (koers_catalog_get_builtin (), bytes, "custom.json", &error);
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(KoersRoadmap) roadmap = NULL;
  guint one, two, three;

  g_assert_no_error (error);
  g_assert_cmpuint (koers_rules_get_n_items (rules), ==, 4);
  g_assert_cmpuint (koers_rules_get_n_findings (rules), ==, 1);

  place (project, "pyramid", NULL, "respond");
  roadmap = koers_roadmap_build (project, rules);
  g_assert_cmpuint (koers_roadmap_get_n_items (roadmap), ==, 4);
  find_item (roadmap, "a/one", &one, NULL);
  find_item (roadmap, "a/two", &two, NULL);
  find_item (roadmap, "a/three", &three, NULL);
  /* listen joins monitor's phase; respond is the next */
  g_assert_cmpuint (one, ==, 1);
  g_assert_cmpuint (two, ==, 1);
  g_assert_cmpuint (three, ==, 2);
  g_assert_nonnull (find_finding (roadmap, "f/create"));
  g_assert_cmpstr (find_finding (roadmap, "f/create")->message, ==, "Respond soon.");
}

static void
test_rules_builtin (void)
{
  KoersRules *rules = koers_rules_get_builtin ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_nonnull (rules);
  g_assert_true (rules == koers_rules_get_builtin ());
  g_assert_cmpuint (koers_rules_get_n_items (rules), >, 30);
  g_assert_cmpuint (koers_rules_get_n_findings (rules), >, 5);

  /* every stage of every model has something to do towards it, except
   * the strategy model's phase 0, which is phase 0's own items */
  for (guint m = 0; m < 4; m++)
    {
      KoersModel *model = koers_catalog_get_model (koers_catalog_get_builtin (), m);

      for (guint s = 0; s < koers_model_get_n_stages (model); s++)
        {
          const char *stage = koers_model_get_stage (model, s)->id;
          gboolean found = FALSE;

          if (_koers_rules_stage_in_phase_0 (rules, koers_model_get_id (model), stage))
            continue;
          for (guint i = 0; i < koers_rules_get_n_items (rules); i++)
            {
              const KoersRule *rule = _koers_rules_get_item (rules, i);

              for (guint t = 0; rule->kind == KOERS_RULE_STEP && t < rule->towards->len; t++)
                {
                  KoersRuleRef *ref = g_ptr_array_index (rule->towards, t);
                  found |= g_str_equal (ref->model, koers_model_get_id (model)) && g_str_equal (ref->stage, stage);
                }
            }
          if (!found)
            g_error ("nothing moves towards %s/%s", koers_model_get_id (model), stage);
        }
    }

  /* ids of the form group/name, each once, and every phase 0 level present */
  for (guint i = 0; i < koers_rules_get_n_items (rules); i++)
    {
      const KoersRule *rule = _koers_rules_get_item (rules, i);

      g_assert_nonnull (strchr (rule->id, '/'));
      g_assert_false (g_hash_table_contains (ids, rule->id));
      g_hash_table_add (ids, rule->id);
    }
}

static gboolean
finds (KoersRoadmap *roadmap,
       const char   *id)
{
  const GPtrArray *findings = koers_roadmap_get_findings (roadmap);

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((KoersFinding *) g_ptr_array_index (findings, i))->id, id))
      return TRUE;
  return FALSE;
}

/* Goals far beyond what the team's time carries: the plan says so, in a
 * warning, instead of quietly running for years. */
static void
test_plan_too_long (void)
{
  g_autoptr(KoersProject) big = koers_project_new (NULL);
  g_autoptr(KoersProject) example = koers_test_load_data ("woonstichting.koers");
  g_autoptr(KoersRoadmap) long_plan = NULL;
  g_autoptr(KoersRoadmap) plan = koers_roadmap_build (example, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (koers_project_set_field (big, KOERS_FIELD_ORGANISATION_KIND, NULL, "municipality", &error));
  g_assert_true (koers_project_set_field (big, KOERS_FIELD_ORGANISATION_STAFF, NULL, "12000", &error));
  g_assert_true (koers_project_set_field (big, KOERS_FIELD_ORGANISATION_CAPACITY, NULL, "1", &error));
  g_assert_true (koers_project_place (big, "pyramid", KOERS_MARKER_TARGET, "create", &error));
  g_assert_true (koers_project_place (big, "learning-curve", KOERS_MARKER_TARGET, "social-business", &error));
  g_assert_true (koers_project_place (big, "maturity-matrix", KOERS_MARKER_TARGET, "converged", &error));
  g_assert_true (koers_project_place (big, "strategy-model", KOERS_MARKER_TARGET, "evaluation", &error));
  g_assert_no_error (error);
  long_plan = koers_roadmap_build (big, NULL);

  g_assert_cmpuint (koers_roadmap_get_n_phases (long_plan), >, 9);
  g_assert_true (finds (long_plan, "plan-too-long"));
  g_assert_cmpuint (koers_roadmap_get_n_phases (plan), <=, 9);
  g_assert_false (finds (plan, "plan-too-long"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/roadmap/empty-project", test_empty_project);
  g_test_add_func ("/core/roadmap/level", test_level);
  g_test_add_func ("/core/roadmap/pyramid-steps", test_pyramid_steps);
  g_test_add_func ("/core/roadmap/joins-previous", test_joins_previous);
  g_test_add_func ("/core/roadmap/shared-items", test_shared_items);
  g_test_add_func ("/core/roadmap/pushed-steps", test_pushed_steps);
  g_test_add_func ("/core/roadmap/content-after-strategy", test_content_after_strategy);
  g_test_add_func ("/core/roadmap/requires", test_requires);
  g_test_add_func ("/core/roadmap/conditional-item", test_conditional_item);
  g_test_add_func ("/core/roadmap/periods", test_periods);
  g_test_add_func ("/core/roadmap/woonstichting-ids", test_woonstichting_ids);
  g_test_add_func ("/core/roadmap/annotations", test_annotations);
  g_test_add_func ("/core/roadmap/orphans-from-file", test_orphans_from_file);
  g_test_add_func ("/core/roadmap/findings", test_findings);
  g_test_add_func ("/core/roadmap/findings-from-file", test_findings_from_file);
  g_test_add_func ("/core/roadmap/json-text", test_json_text);
  add_property_tests ();
  add_archetype_tests ();
  g_test_add_func ("/core/roadmap/findings/plan-too-long", test_plan_too_long);
  g_test_add_func ("/core/rules/builtin", test_rules_builtin);
  g_test_add_func ("/core/rules/custom", test_rules_custom);
  for (guint i = 0; i < G_N_ELEMENTS (broken_rules); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/rules/broken/%s", broken_rules[i].name);
      g_test_add_data_func (path, &broken_rules[i], test_rules_broken);
    }

  status = g_test_run ();
  g_clear_pointer (&current_case, g_free);
  return status;
}
