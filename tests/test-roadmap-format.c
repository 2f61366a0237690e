/* test-roadmap-format.c: what the planner adds to a roadmap reaches the
 * Markdown, CSV and JSON text
 *
 * The planner's members are filled by hand here, so that the formats are
 * tested on known values whatever the engine makes of a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "koers-roadmap-format.h"
#include "koers-roadmap.h"
#include "koers-test-util.h"

static void
set_text (char       **slot,
          const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

typedef struct {
  KoersProject      *project;
  KoersRoadmap      *roadmap;
  KoersRoadmapPhase *phase;      /* the first phase after phase 0 */
  KoersRoadmapItem  *first;      /* its first item: a milestone */
  KoersRoadmapItem  *second;     /* its second: a programme's part, after @first */
  KoersRoadmapItem  *bare;       /* phase 0's first: every planner member empty */
} Plan;

/* The roadmap the engine makes of a full project, with the planner's
 * members of a few items and a phase set by hand. */
static void
plan_setup (Plan          *plan,
            gconstpointer  data)
{
  KoersRoadmapPhase *phase0;

  (void) data;
  plan->project = koers_test_load_data ("valid-full.koers");
  plan->roadmap = koers_roadmap_build (plan->project, NULL);
  g_assert_cmpuint (koers_roadmap_get_n_phases (plan->roadmap), >=, 2);

  phase0 = (KoersRoadmapPhase *) koers_roadmap_get_phase (plan->roadmap, 0);
  plan->phase = (KoersRoadmapPhase *) koers_roadmap_get_phase (plan->roadmap, 1);
  g_assert_cmpuint (phase0->items->len, >=, 1);
  g_assert_cmpuint (plan->phase->items->len, >=, 2);
  g_assert_nonnull (plan->phase->period);

  plan->bare = g_ptr_array_index (phase0->items, 0);
  set_text (&plan->bare->role, NULL);
  plan->bare->effort = 0;
  set_text (&plan->bare->result, NULL);
  plan->bare->milestone = FALSE;
  set_text (&plan->bare->programme, NULL);
  g_clear_pointer (&plan->bare->after, g_strfreev);
  plan->bare->after = g_new0 (char *, 1);
  set_text (&phase0->name, NULL);
  set_text (&phase0->done, NULL);
  phase0->effort = 0;

  set_text (&plan->phase->name, "Listen, and set direction");
  set_text (&plan->phase->done, "Management has decided, on the record");
  plan->phase->effort = 17;

  plan->first = g_ptr_array_index (plan->phase->items, 0);
  set_text (&plan->first->role, "management");
  plan->first->effort = 2;
  set_text (&plan->first->result, "A decision, \"go\" or \"no go\"");
  plan->first->milestone = TRUE;

  plan->second = g_ptr_array_index (plan->phase->items, 1);
  set_text (&plan->second->role, "service");
  plan->second->effort = 15;
  set_text (&plan->second->result, "Response time under 2 hours");
  set_text (&plan->second->programme, "pyramid/respond-programme");
  plan->second->part = 2;
  plan->second->n_parts = 3;
  g_strfreev (plan->second->after);
  plan->second->after = g_new0 (char *, 2);
  plan->second->after[0] = g_strdup (plan->first->id);
}

static void
plan_teardown (Plan          *plan,
               gconstpointer  data)
{
  (void) data;
  g_clear_object (&plan->roadmap);
  g_clear_object (&plan->project);
}

static char *
md_line_of (const char *text,
            const char *id)
{
  g_autofree char *needle = g_strdup_printf ("(`%s`)\n", id);
  const char *at = strstr (text, needle);
  const char *start;

  g_assert_nonnull (at);
  for (start = at; start > text && start[-1] != '\n'; start--)
    ;
  return g_strndup (start, at + strlen (needle) - start);
}

/* The lines below an item's list line, up to the next item or section. */
static char *
md_details_of (const char *text,
               const char *id)
{
  g_autofree char *needle = g_strdup_printf ("(`%s`)\n", id);
  const char *start = strstr (text, needle);
  const char *end;

  g_assert_nonnull (start);
  start += strlen (needle);
  for (end = start; g_str_has_prefix (end, "  - "); end = strchr (end, '\n') + 1)
    ;
  return g_strndup (start, end - start);
}

static void
test_markdown (Plan          *plan,
               gconstpointer  data)
{
  g_autofree char *text = koers_roadmap_to_text (plan->roadmap, koers_project_get_catalog (plan->project), KOERS_ROADMAP_FORMAT_MARKDOWN);
  g_autofree char *heading = g_strdup_printf ("\n## %s — Listen, and set direction (%s)\n\n",
                                              plan->phase->title, plan->phase->period);
  g_autofree char *first_line = md_line_of (text, plan->first->id);
  g_autofree char *milestone = g_strdup_printf ("- **Milestone, %s:** ", plan->phase->period);
  g_autofree char *first = md_details_of (text, plan->first->id);
  g_autofree char *second = md_details_of (text, plan->second->id);
  g_autofree char *bare = md_details_of (text, plan->bare->id);
  g_autofree char *bare_line = md_line_of (text, plan->bare->id);
  g_autofree char *second_line = md_line_of (text, plan->second->id);
  g_autofree char *capacity = NULL;
  g_autofree char *phase_effort = NULL;
  g_autofree char *second_expected = NULL;

  (void) data;
  g_assert_nonnull (strstr (text, heading));

  /* The phase's effort against what the team has, and when it is done.
   * Until the planner sets a capacity, the effort stands alone and the
   * plan claims no capacity. */
  if (koers_roadmap_get_quarter_capacity (plan->roadmap) > 0)
    phase_effort = g_strdup_printf ("Effort: 17 person-days of %u person-days  \nDone when: Management has decided, on the record\n",
                                    koers_roadmap_get_quarter_capacity (plan->roadmap));
  else
    phase_effort = g_strdup ("Effort: 17 person-days  \nDone when: Management has decided, on the record\n");
  g_assert_nonnull (strstr (text, phase_effort));

  /* The capacity the plan assumes, under the title. */
  if (koers_roadmap_get_capacity (plan->roadmap) > 0)
    {
      capacity = g_strdup_printf ("\n\nPlanned for a team of %g fte: at most %u person-days a quarter.\n",
                                  koers_roadmap_get_capacity (plan->roadmap),
                                  koers_roadmap_get_quarter_capacity (plan->roadmap));
      g_assert_nonnull (strstr (text, capacity));
    }
  else
    g_assert_null (strstr (text, "Planned for a team"));

  /* The gate is a dated milestone. */
  g_assert_true (g_str_has_prefix (first_line, milestone));
  g_assert_true (g_str_has_prefix (first, "  - Why: "));
  g_assert_nonnull (strstr (first, "\n  - Role: Management · Effort: 2 person-days\n"));
  g_assert_nonnull (strstr (first, "\n  - Result: A decision, \"go\" or \"no go\"\n"));
  g_assert_null (strstr (first, "After:"));

  /* "After" names the item it waits for by its title. */
  second_expected = g_strdup_printf ("  - Role: Service and webcare · Effort: 15 person-days · Part 2 of 3\n"
                                     "  - After: %s\n"
                                     "  - Result: Response time under 2 hours\n",
                                     plan->first->title);
  g_assert_nonnull (strstr (second, second_expected));
  g_assert_null (strstr (second_line, "Milestone"));

  /* What the plan does not know is left out, not shown empty. */
  g_assert_null (strstr (bare, "Role:"));
  g_assert_null (strstr (bare, "Effort:"));
  g_assert_null (strstr (bare, "After:"));
  g_assert_null (strstr (bare, "Result:"));
  g_assert_null (strstr (bare_line, "Milestone"));
}

static void
test_csv (Plan          *plan,
          gconstpointer  data)
{
  g_autofree char *text = koers_roadmap_to_text (plan->roadmap, koers_project_get_catalog (plan->project), KOERS_ROADMAP_FORMAT_CSV);
  g_autofree char *error = NULL;
  g_autoptr(GPtrArray) records = koers_test_parse_csv (text, &error);
  gboolean found_first = FALSE, found_second = FALSE, found_bare = FALSE;

  (void) data;
  g_assert_null (error);
  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, ==, koers_roadmap_get_n_items (plan->roadmap) + 1);

  for (guint r = 1; r < records->len; r++)
    {
      GPtrArray *record = g_ptr_array_index (records, r);
      const char *id = g_ptr_array_index (record, 1);

      g_assert_cmpuint (record->len, ==, 15);
      if (g_str_equal (id, plan->first->id))
        {
          found_first = TRUE;
          g_assert_cmpstr (g_ptr_array_index (record, 9), ==, plan->phase->period);
          g_assert_cmpstr (g_ptr_array_index (record, 10), ==, "Listen, and set direction");
          g_assert_cmpstr (g_ptr_array_index (record, 11), ==, plan->first->why);
          g_assert_cmpstr (g_ptr_array_index (record, 12), ==, "management");
          g_assert_cmpstr (g_ptr_array_index (record, 13), ==, "2");
        }
      else if (g_str_equal (id, plan->second->id))
        {
          found_second = TRUE;
          g_assert_cmpstr (g_ptr_array_index (record, 12), ==, "service");
          g_assert_cmpstr (g_ptr_array_index (record, 13), ==, "15");
          g_assert_cmpstr (g_ptr_array_index (record, 14), ==, plan->first->id);
        }
      else if (g_str_equal (id, plan->bare->id))
        {
          found_bare = TRUE;
          g_assert_cmpstr (g_ptr_array_index (record, 0), ==, "0");
          g_assert_cmpstr (g_ptr_array_index (record, 10), ==, "");
          g_assert_cmpstr (g_ptr_array_index (record, 12), ==, "");
          g_assert_cmpstr (g_ptr_array_index (record, 13), ==, "0");
          g_assert_cmpstr (g_ptr_array_index (record, 14), ==, "");
        }
    }
  g_assert_true (found_first);
  g_assert_true (found_second);
  g_assert_true (found_bare);
}

static JsonObject *
find_item (JsonArray  *phases,
           const char *id)
{
  for (guint p = 0; p < json_array_get_length (phases); p++)
    {
      JsonArray *items = json_object_get_array_member (json_array_get_object_element (phases, p), "items");

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);

          if (g_str_equal (json_object_get_string_member (item, "id"), id))
            return item;
        }
    }
  g_assert_not_reached ();
}

static void
test_json (Plan          *plan,
           gconstpointer  data)
{
  g_autofree char *text = koers_roadmap_to_text (plan->roadmap, koers_project_get_catalog (plan->project), KOERS_ROADMAP_FORMAT_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *capacity, *phase0, *phase1, *first, *second, *bare;
  JsonArray *phases, *after;

  (void) data;
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  capacity = json_object_get_object_member (root, "capacity");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (capacity, "fte"),
                                  koers_roadmap_get_capacity (plan->roadmap), 1e-9);
  g_assert_cmpint (json_object_get_int_member (capacity, "quarter"), ==,
                   koers_roadmap_get_quarter_capacity (plan->roadmap));

  phases = json_object_get_array_member (root, "phases");
  phase0 = json_array_get_object_element (phases, 0);
  phase1 = json_array_get_object_element (phases, 1);
  g_assert_true (json_object_get_null_member (phase0, "name"));
  g_assert_true (json_object_get_null_member (phase0, "done"));
  g_assert_cmpint (json_object_get_int_member (phase0, "effort"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (phase1, "name"), ==, "Listen, and set direction");
  g_assert_cmpstr (json_object_get_string_member (phase1, "done"), ==, "Management has decided, on the record");
  g_assert_cmpint (json_object_get_int_member (phase1, "effort"), ==, 17);

  first = find_item (phases, plan->first->id);
  g_assert_cmpstr (json_object_get_string_member (first, "role"), ==, "management");
  g_assert_cmpint (json_object_get_int_member (first, "effort"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (first, "result"), ==, "A decision, \"go\" or \"no go\"");
  g_assert_true (json_object_get_boolean_member (first, "milestone"));
  g_assert_true (json_object_get_null_member (first, "programme"));
  g_assert_true (json_object_get_null_member (first, "part"));
  g_assert_true (json_object_get_null_member (first, "n_parts"));

  second = find_item (phases, plan->second->id);
  g_assert_false (json_object_get_boolean_member (second, "milestone"));
  g_assert_cmpstr (json_object_get_string_member (second, "programme"), ==, "pyramid/respond-programme");
  g_assert_cmpint (json_object_get_int_member (second, "part"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (second, "n_parts"), ==, 3);
  after = json_object_get_array_member (second, "after");
  g_assert_cmpuint (json_array_get_length (after), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (after, 0), ==, plan->first->id);

  bare = find_item (phases, plan->bare->id);
  g_assert_true (json_object_get_null_member (bare, "role"));
  g_assert_cmpint (json_object_get_int_member (bare, "effort"), ==, 0);
  g_assert_true (json_object_get_null_member (bare, "result"));
  g_assert_false (json_object_get_boolean_member (bare, "milestone"));
}

/* The words the roadmap view shows: one line per item, one per phase. */
static void
test_describe (Plan          *plan,
               gconstpointer  data)
{
  g_autofree char *first = koers_roadmap_describe_item_plan (plan->roadmap, plan->first);
  g_autofree char *second = koers_roadmap_describe_item_plan (plan->roadmap, plan->second);
  g_autofree char *bare = koers_roadmap_describe_item_plan (plan->roadmap, plan->bare);
  g_autofree char *first_expected = g_strdup_printf ("Milestone, %s · Management · 2 person-days", plan->phase->period);
  g_autofree char *second_expected = g_strdup_printf ("Service and webcare · 15 person-days · part 2 of 3 · after %s",
                                                      plan->first->title);
  g_autofree char *effort = koers_roadmap_describe_phase_effort (plan->roadmap, plan->phase);
  g_autofree char *effort0 = koers_roadmap_describe_phase_effort (plan->roadmap, koers_roadmap_get_phase (plan->roadmap, 0));
  g_autofree char *one = koers_format_person_days (1);
  g_autofree char *effort_expected = NULL;

  (void) data;
  g_assert_cmpstr (first, ==, first_expected);
  g_assert_cmpstr (second, ==, second_expected);
  g_assert_null (bare);

  if (koers_roadmap_get_quarter_capacity (plan->roadmap) > 0)
    effort_expected = g_strdup_printf ("17 of %u person-days", koers_roadmap_get_quarter_capacity (plan->roadmap));
  else
    effort_expected = g_strdup ("17 person-days");
  g_assert_cmpstr (effort, ==, effort_expected);
  g_assert_null (effort0);
  g_assert_cmpstr (one, ==, "1 person-day");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/roadmap-format/markdown", Plan, NULL, plan_setup, test_markdown, plan_teardown);
  g_test_add ("/core/roadmap-format/csv", Plan, NULL, plan_setup, test_csv, plan_teardown);
  g_test_add ("/core/roadmap-format/json", Plan, NULL, plan_setup, test_json, plan_teardown);
  g_test_add ("/core/roadmap-format/describe", Plan, NULL, plan_setup, test_describe, plan_teardown);

  return g_test_run ();
}
