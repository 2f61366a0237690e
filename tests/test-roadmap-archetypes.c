/* test-roadmap-archetypes.c: roadmaps for organisations as they come
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Eight organisations a strategist meets, each checked on the rules of
 * the planner (what must and must not be in its plan, and in which
 * order), never on snapshot text.
 */
#include "config.h"

#include <string.h>

#include "test-roadmap-util.h"

typedef struct {
  const char *name;
  const char *kind, *staff, *capacity;
  const char *placements[4][2];   /* pyramid, learning curve, maturity matrix, strategy model */
  const char *rationale;          /* for the pyramid, or NULL */
  const char *level;
  const char *has[8];
  const char *has_not[8];
  const char *findings[4];
  const char *before[4][2];       /* each pair: the first comes first */
  void      (*extra) (KoersProject *project, KoersRoadmap *roadmap);
} Archetype;

static guint
phase_of (KoersRoadmap *roadmap,
          const char   *id)
{
  guint phase = G_MAXUINT;

  CHECK (find_item (roadmap, id, &phase, NULL) != NULL, "%s is not in the roadmap", id);
  return phase;
}

static guint
position_of (KoersRoadmap *roadmap,
             const char   *id)
{
  guint position = G_MAXUINT;

  CHECK (find_item (roadmap, id, NULL, &position) != NULL, "%s is not in the roadmap", id);
  return position;
}

static void
check_municipality (KoersProject *project,
                    KoersRoadmap *roadmap)
{
  const KoersRoadmapItem *gate = koers_roadmap_lookup_item (roadmap, "strategy-model/go-no-go");

  /* 1.2 fte: 18 person-days a quarter, so no more than a handful of items */
  CHECK (koers_roadmap_get_quarter_capacity (roadmap) == 18, "capacity %u", koers_roadmap_get_quarter_capacity (roadmap));
  CHECK (strstr (gate->why, "viable") == NULL, "the gate asks whether a policy is viable");
  CHECK (strstr (gate->why, "alderman") != NULL, "the gate does not speak to a municipality: %s", gate->why);
}

static void
check_bank (KoersProject *project,
            KoersRoadmap *roadmap)
{
  const KoersRoadmapItem *gate = koers_roadmap_lookup_item (roadmap, "strategy-model/go-no-go");
  const KoersRoadmapItem *pilot = koers_roadmap_lookup_item (roadmap, "learning-curve/equip-staff/pilot");
  const KoersRoadmapItem *everyone = koers_roadmap_lookup_item (roadmap, "learning-curve/equip-staff/everyone");

  CHECK (gate && strstr (gate->why, "compliance") != NULL, "the gate does not speak to a bank");
  CHECK (gate->milestone, "the gate is not a milestone");
  /* equipping 12,000 staff is a programme over several quarters */
  CHECK (pilot && everyone && pilot->n_parts >= 3 && everyone->phase > pilot->phase, "equipping staff is not a programme");
  CHECK (g_str_equal (pilot->role, "hr"), "equipping staff is for %s", pilot->role);
  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *ph = koers_roadmap_get_phase (roadmap, p);

      for (guint i = 0; i < ph->items->len; i++)
        CHECK (strstr (((const KoersRoadmapItem *) g_ptr_array_index (ph->items, i))->why, "only listens") == NULL,
               "a bank is told what an organisation that only listens can do");
    }
}

static void
check_small_business (KoersProject *project,
                      KoersRoadmap *roadmap)
{
  /* no capacity given: half an fte */
  CHECK (koers_roadmap_get_capacity (roadmap) == 0.5, "capacity %g", koers_roadmap_get_capacity (roadmap));
  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *ph = koers_roadmap_get_phase (roadmap, p);

      for (guint i = 0; i < ph->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (ph->items, i);

          CHECK (strstr (item->title, "sponsor") == NULL, "a bakery is told to %s", item->title);
        }
    }
  CHECK (strstr (koers_roadmap_lookup_item (roadmap, "strategy-model/go-no-go")->why, "alone") != NULL,
         "the owner of a small business decides alone");
}

static void
check_scale_back (KoersProject *project,
                  KoersRoadmap *roadmap)
{
  const KoersFinding *f = find_finding (roadmap, "target-below-current/pyramid");

  CHECK (f != NULL, "no finding on the Goal below Now");
  CHECK (strstr (f->message, "write the reason") == NULL, "asks for a rationale that is written");
}

static void
check_top (KoersProject *project,
           KoersRoadmap *roadmap)
{
  const KoersFinding *f = find_finding (roadmap, "phase-0-level");

  CHECK (f && strstr (f->message, "weakest") == NULL, "a weakest link where everything is high");
  CHECK (koers_roadmap_get_n_phases (roadmap) >= 2, "nothing to do at the top");
}

static void
check_contradiction (KoersProject *project,
                     KoersRoadmap *roadmap)
{
  /* phase 0 follows the lower placement, and begins with the review */
  CHECK (phase_of (roadmap, "phase-0/review-placements") == 0, "the review is not in phase 0");
  CHECK (koers_roadmap_lookup_item (roadmap, "strategy-model/write-it-down") == NULL,
         "writing down a strategy together with explaining social media");
}

static const Archetype archetypes[] = {
  { "small municipality starting out", "municipality", "300", "1.2",
    { { "monitor", "respond" }, { "emerging", "tactical" }, { "planning", "presence" }, { "phase-0", "execution" } },
    NULL, "low",
    { "phase-0/explain-social-media", "phase-0/find-a-sponsor", "strategy-model/go-no-go", "learning-curve/content-strategy" },
    { "phase-0/training", "strategy-model/write-it-down" },
    { NULL },
    { { "shared/smart-objectives", "strategy-model/go-no-go" }, { "strategy-model/go-no-go", "strategy-model/choose-channels" },
      { "strategy-model/go-no-go", "maturity-matrix/formal-presence" }, { "pyramid/response-triage", "pyramid/response-guidelines" } },
    check_municipality },
  { "mid-size housing corporation", "other", "250", "2",
    { { "respond", "create" }, { "tactical", "integrated" }, { "presence", "engagement" }, { "objectives", "monitoring" } },
    NULL, "middle",
    { "maturity-matrix/executive-sponsor", "shared/governance-and-policy", "strategy-model/go-no-go", "pyramid/content-calendar" },
    { "phase-0/explain-social-media", "learning-curve/content-strategy" },
    { NULL },
    { { "strategy-model/go-no-go", "pyramid/content-calendar" }, { "maturity-matrix/executive-sponsor", "shared/governance-and-policy" },
      { "shared/social-customer-support", "maturity-matrix/community-management" }, { NULL, NULL } },
    NULL },
  { "large bank, formalized to converged", "company", "12000", "8",
    { { "respond", "create" }, { "integrated", "social-business" }, { "formalized", "converged" }, { "audiences", "evaluation" } },
    NULL, "middle",
    { "strategy-model/go-no-go", "maturity-matrix/social-in-processes/review", "phase-0/policy-known-by-all" },
    { "phase-0/explain-social-media", "strategy-model/write-it-down", "phase-0/internal-guideline", "maturity-matrix/executive-sponsor" },
    { NULL },
    { { "strategy-model/go-no-go", "learning-curve/equip-staff/pilot" }, { "strategy-model/go-no-go", "pyramid/content-calendar" },
      { NULL, NULL } },
    check_bank },
  { "charity that publishes daily and never monitors", "charity", "60", "1",
    { { "create", "create" }, { "emerging", "tactical" }, { "planning", "presence" }, { NULL, NULL } },
    NULL, "low",
    { "shared/monitoring-set-up", "pyramid/read-conversations", "phase-0/review-placements", "phase-0/explain-social-media" },
    { "strategy-model/write-it-down" },
    { "create-before-the-base", "inside-out-before-tactical" },
    { { "shared/monitoring-set-up", "maturity-matrix/formal-presence" }, { NULL, NULL } },
    check_contradiction },
  { "one-model small business", "small-business", "4", NULL,
    { { "monitor", "create" }, { NULL, NULL }, { NULL, NULL }, { NULL, NULL } },
    NULL, "low",
    { "phase-0/owner-makes-time", "shared/smart-objectives", "strategy-model/target-groups", "learning-curve/content-strategy",
      "strategy-model/go-no-go" },
    { "phase-0/find-a-sponsor", "phase-0/management-support", "maturity-matrix/executive-sponsor" },
    { NULL },
    { { "strategy-model/go-no-go", "learning-curve/content-strategy" }, { "pyramid/response-guidelines", "pyramid/content-calendar" } },
    check_small_business },
  { "deliberate scale-back", "company", "800", "3",
    { { "create", "respond" }, { "tactical", "tactical" }, { "engagement", "presence" }, { NULL, NULL } },
    "We stop publishing and only answer questions from now on.", "middle",
    { "scale-back/close-or-hand-over", "scale-back/tell-the-community" },
    { NULL },
    { "target-below-current/pyramid", "target-below-current/maturity-matrix" },
    { { NULL, NULL } },
    check_scale_back },
  { "top everywhere", "company", "5000", "6",
    { { "create", "create" }, { "social-business", "social-business" }, { "converged", "converged" }, { "evaluation", "evaluation" } },
    NULL, "high",
    { "next-round/new-baseline", "next-round/renew-objectives", "next-round/hub-not-bottleneck", "next-round/onboard-colleagues" },
    { "phase-0/ambassador-programme", "phase-0/training", "phase-0/policy-known-by-all", "phase-0/explain-social-media" },
    { NULL },
    { { NULL, NULL } },
    check_top },
  { "social business with the pyramid at monitor", "company", "2000", "4",
    { { "monitor", "create" }, { "social-business", "social-business" }, { "strategic", "converged" }, { NULL, NULL } },
    NULL, "low",
    { "phase-0/review-placements", "pyramid/response-guidelines", "pyramid/content-calendar" },
    { "strategy-model/write-it-down" },
    { "social-business-without-responding" },
    { { "pyramid/read-conversations", "pyramid/response-guidelines" }, { "pyramid/response-guidelines", "pyramid/content-calendar" } },
    check_contradiction },
};

static void
test_archetype (gconstpointer data)
{
  const Archetype *a = data;
  static const char * const models[] = { "pyramid", "learning-curve", "maturity-matrix", "strategy-model" };
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(KoersRoadmap) roadmap = NULL;
  g_autoptr(GError) error = NULL;

  set_case (a->name);
  set_organisation (project, a->kind, a->staff, a->capacity);
  for (guint m = 0; m < 4; m++)
    place (project, models[m], a->placements[m][0], a->placements[m][1]);
  if (a->rationale)
    g_assert_true (koers_project_set_field (project, KOERS_FIELD_RATIONALE, "pyramid", a->rationale, &error));
  g_assert_no_error (error);

  roadmap = koers_roadmap_build (project, NULL);
  check_roadmap (project, roadmap);

  CHECK (g_str_equal (koers_roadmap_get_level_name (roadmap), a->level), "level %s", koers_roadmap_get_level_name (roadmap));
  for (guint i = 0; i < G_N_ELEMENTS (a->has) && a->has[i]; i++)
    CHECK (koers_roadmap_lookup_item (roadmap, a->has[i]) != NULL, "%s is missing", a->has[i]);
  for (guint i = 0; i < G_N_ELEMENTS (a->has_not) && a->has_not[i]; i++)
    CHECK (koers_roadmap_lookup_item (roadmap, a->has_not[i]) == NULL, "%s is there", a->has_not[i]);
  for (guint i = 0; i < G_N_ELEMENTS (a->findings) && a->findings[i]; i++)
    CHECK (find_finding (roadmap, a->findings[i]) != NULL, "finding %s is missing", a->findings[i]);
  for (guint i = 0; i < G_N_ELEMENTS (a->before) && a->before[i][0]; i++)
    CHECK (position_of (roadmap, a->before[i][0]) < position_of (roadmap, a->before[i][1]),
           "%s does not come before %s", a->before[i][0], a->before[i][1]);
  if (a->extra)
    a->extra (project, roadmap);
}

void
add_archetype_tests (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (archetypes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/roadmap/archetype/%u", i + 1);

      g_test_add_data_func (path, &archetypes[i], test_archetype);
    }
}
