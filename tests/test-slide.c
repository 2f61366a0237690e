/* test-slide.c: the roadmap slide stays legible, whatever the roadmap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The slide's layout is computed; koers_slide_check() verifies what it
 * computed: nothing clipped, shortened, overlapping or too small, no word
 * broken where it could have stayed whole, every owner, due date, status,
 * model and dependency of every item shown, no arrow across another card,
 * and the title > phase heading > card title > owner line hierarchy.
 * These tests feed it roadmaps of every size from 1 to 40 items (from
 * generated rules) and roadmaps from the real rules for many placements,
 * with long Dutch titles, compounds and owner names, at the four page
 * sizes Koers is meant for, in English and in Dutch.
 *
 * The full sweep takes minutes: it runs under `-m slow`. A normal run
 * checks one of each kind of case the sweep covers (the smallest, a
 * middling and the largest generated roadmap, the audit's roadmap, a few
 * sampled projects and the largest the rules make, the sample file, and
 * all of it in Dutch), so a regression in any kind still shows.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "koers-roadmap.h"
#include "koers-rules.h"
#include "koers-slide-check.h"

typedef struct {
  double width, height;
} Size;

static const Size sizes[] = {
  { 1920, 1080 },
  { 1280, 720 },
  { 1024, 768 },
  { 842, 595 },   /* A4 landscape, in points */
};

static const char *long_owner = "Gemeentelijke Communicatieadviseur Maria van den Heuvel-Schoonhoven";
static const char *longer_owner = "Maria van der Heijden-Oudshoorn (hoofdverantwoordelijke communicatie)";

/* Titles a user would not write but a translation might: long words,
 * long sentences, short ones. */
static const char *titles[] = {
  "Stel een socialemediacommunicatiebeleidsplan op",
  "Bepaal wie reageert",
  "Organiseer kennisdelingsbijeenkomsten voor alle klantcontactmedewerkers van de gemeente",
  "Measure what your content does",
  "Meet",
  "Zet een webcaremonitoringsdashboard op voor de afdeling Publieksdienstverlening en Communicatie",
  "Agree who answers what: service, press, HR",
  "Vraag het managementteam om een zichtbare en blijvende steun voor de aanpak",
  "Kies kanalen per doelgroep",
  "Arbeidsongeschiktheidsverzekeringsmaatschappijmedewerkersopleiding",
  /* Compounds a card must keep whole: a word of about twenty letters. */
  "Schrijf reactierichtlijnen en een contentstrategie",
  "Benoem een Communicatieadviseur als hoofdverantwoordelijke",
  "Maak communitymanagement afdelingsoverstijgend",
};

static KoersProject *
load_project (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  KoersProject *project = koers_project_load_from_bytes (koers_catalog_get_builtin (), bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/* Lays @roadmap out at every size and checks each layout; adds up how
 * its dependencies are shown. */
static guint total_arrows, total_in_words;

/* Whether to run the full sweep. A child process from
 * g_test_trap_subprocess() always runs in quick mode, so the parent
 * passes `-m slow` on in the environment. */
#define SWEEP_ENV "KOERS_TEST_FULL_SWEEP"

static gboolean
full_sweep (void)
{
  return g_test_slow () || g_strcmp0 (g_getenv (SWEEP_ENV), "1") == 0;
}

/* The generated roadmaps are 1 to 40 items: every size in the full
 * sweep; otherwise 1, 14, 27 and 40. */
static guint
generated_stride (void)
{
  return full_sweep () ? 1 : 13;
}

/* How many sampled projects: @full in the full sweep, else a few. */
static guint
sampled_count (guint full)
{
  return full_sweep () ? full : MIN (full, 4);
}

static void
check_roadmap (KoersProject *project,
               KoersRoadmap *roadmap,
               const char   *what)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      KoersRenderOptions options = { s % 2 == 1, KOERS_BACKGROUND_THEME };
      guint arrows = 0, in_words = 0;
      g_autoptr(KoersSlide) slide = NULL;
      g_autoptr(GError) error = NULL;
      double least = 16.0 * MIN (sizes[s].width / 1920.0, sizes[s].height / 1080.0);

      slide = koers_slide_new (project, roadmap, sizes[s].width, sizes[s].height, &options, "23 November 2026");
      if (!koers_slide_check (slide, &error))
        g_error ("%s at %gx%g (%u items): %s", what, sizes[s].width, sizes[s].height,
                 koers_roadmap_get_n_items (roadmap), error->message);
      g_assert_cmpuint (koers_slide_get_n_pages (slide), >=, 1);
      g_assert_cmpfloat (koers_slide_get_min_font_px (slide), >=, least - 1e-6);
      koers_slide_count_dependencies (slide, &arrows, &in_words);
      total_arrows += arrows;
      total_in_words += in_words;
    }
}

/* --- generated rules: exactly N items ------------------------------------ */

typedef struct {
  const char *model;
  const char *stage;
} Step;

/* Every stage of every model a project can step towards, the strategy
 * model's phase 0 aside (that is the organisation's). */
static GArray *
all_steps (void)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (Step));

  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      for (guint s = 0; s < koers_model_get_n_stages (model); s++)
        {
          Step step = { koers_model_get_id (model), koers_model_get_stage (model, s)->id };
          if (g_str_equal (step.stage, "phase-0"))
            continue;
          g_array_append_val (steps, step);
        }
    }
  return steps;
}

/* Rules with @n items: every seventh one for phase 0, the others spread
 * over the models' stages; every fifth serving two models; every third
 * depending on an earlier one it can follow (phase 0, or an earlier stage
 * of its own model). */
static char *
generated_rules (guint n)
{
  g_autoptr(GArray) steps = all_steps ();
  g_autofree int *step_of = g_new0 (int, MAX (n, 1));
  GString *json = g_string_new ("{ \"format\": \"koers-rules\", \"version\": 1, \"maturity\": {}, "
                                "\"findings\": [], \"items\": [");

  for (guint i = 0; i < n; i++)
    {
      const char *title = titles[i % G_N_ELEMENTS (titles)];

      g_string_append_printf (json, "%s{ \"id\": \"test/item-%u\", \"title\": \"%s %u\", \"why\": \"Because.\", ",
                              i ? ", " : "", i, title, i);
      if (i % 7 == 0)
        {
          step_of[i] = -1;
          g_string_append (json, "\"phase-0\": \"always\"");
        }
      else
        {
          guint index = (i * 5) % steps->len;
          const Step *step = &g_array_index (steps, Step, index);

          step_of[i] = index;
          g_string_append_printf (json, "\"towards\": [ { \"model\": \"%s\", \"stage\": \"%s\" }",
                                  step->model, step->stage);
          if (i % 5 == 0)
            {
              const Step *other = &g_array_index (steps, Step, (index + 7) % steps->len);
              if (!g_str_equal (other->model, step->model))
                g_string_append_printf (json, ", { \"model\": \"%s\", \"stage\": \"%s\" }",
                                        other->model, other->stage);
            }
          g_string_append (json, " ]");
          if (i % 3 == 0)
            for (int j = (int) i - 1; j >= 0; j--)
              {
                const Step *earlier = step_of[j] >= 0 ? &g_array_index (steps, Step, step_of[j]) : NULL;

                /* Steps of one model stand in the order of its stages. */
                if (earlier == NULL ||
                    (g_str_equal (earlier->model, step->model) && (guint) step_of[j] <= index))
                  {
                    g_string_append_printf (json, ", \"after\": [ \"test/item-%d\" ]", j);
                    break;
                  }
              }
        }
      g_string_append (json, " }");
    }
  g_string_append (json, "] }");
  return g_string_free (json, FALSE);
}

/* The start of a project file for @name that steps every model from
 * nowhere to its last stage, up to the roadmap's items. */
static GString *
project_head (const char *name)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  GString *json = g_string_new (NULL);

  g_string_append_printf (json, "{ \"format\": \"koers-project\", \"version\": 1, "
                          "\"organisation\": { \"name\": \"%s\" }, "
                          "\"created\": \"2026-09-02T09:00:00Z\", \"modified\": \"2026-11-12T15:21:10Z\", "
                          "\"placements\": {", name);
  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      g_string_append_printf (json, "%s\"%s\": { \"target\": \"%s\" }", m ? ", " : "",
                              koers_model_get_id (model),
                              koers_model_get_stage (model, koers_model_get_n_stages (model) - 1)->id);
    }
  g_string_append (json, "}, \"roadmap\": { \"start\": \"2027-01\", \"items\": {");
  return json;
}

/* A project that steps every model from nowhere to its last stage, with
 * what a user records on every item: every status, long owners, due
 * months and quarters. */
static char *
generated_project (guint n)
{
  GString *json = project_head ("Gemeenschappelijke Regeling Veiligheidsregio "
                                "Gelderland-Midden en Omstreken");
  static const char *statuses[] = { "todo", "doing", "done", "skipped" };

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s\"test/item-%u\": { \"status\": \"%s\", \"owner\": \"%s\"%s }",
                            i ? ", " : "", i, statuses[i % 4],
                            i % 3 == 0 ? long_owner : i % 3 == 1 ? longer_owner : "Jan",
                            i % 2 == 0 ? ", \"due\": \"2027-Q3\"" : ", \"due\": \"2028-11\"");
  g_string_append (json, "} } }");
  return g_string_free (json, FALSE);
}

static void
check_generated (guint stride)
{
  for (guint n = 1; n <= 40; n += stride)
    {
      g_autofree char *rules_json = generated_rules (n);
      g_autofree char *project_json = generated_project (n);
      g_autoptr(GBytes) bytes = g_bytes_new (rules_json, strlen (rules_json));
      g_autoptr(GError) error = NULL;
      g_autoptr(KoersRules) rules = NULL;
      g_autoptr(KoersProject) project = NULL;
      g_autoptr(KoersRoadmap) roadmap = NULL;
      g_autofree char *what = g_strdup_printf ("generated roadmap of %u", n);

      rules = koers_rules_new_from_bytes (koers_catalog_get_builtin (), bytes, "generated.json", &error);
      g_assert_no_error (error);
      project = load_project (project_json);
      roadmap = koers_roadmap_build (project, rules);
      g_assert_cmpuint (koers_roadmap_get_n_items (roadmap), ==, n);
      check_roadmap (project, roadmap, what);
    }
}

/* --- the real rules, many placements ------------------------------------ */

/* Placements drawn with a fixed seed: the same set on every run. */
static char *
sampled_project (GRand *rand)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  GString *json = g_string_new ("{ \"format\": \"koers-project\", \"version\": 1, "
                                "\"organisation\": { \"name\": \"Woonstichting Rivierenland\" }, "
                                "\"created\": \"2026-09-02T09:00:00Z\", \"modified\": \"2026-11-12T15:21:10Z\", "
                                "\"placements\": {");
  gboolean first = TRUE;

  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);
      guint n = koers_model_get_n_stages (model);
      int current = g_rand_int_range (rand, -1, n);
      int target = g_rand_int_range (rand, MAX (current, 0), n);

      if (g_rand_int_range (rand, 0, 6) == 0)
        continue;  /* not placed at all */
      g_string_append_printf (json, "%s\"%s\": {", first ? "" : ", ", koers_model_get_id (model));
      if (current >= 0)
        g_string_append_printf (json, " \"current\": \"%s\"", koers_model_get_stage (model, current)->id);
      g_string_append_printf (json, "%s \"target\": \"%s\" }", current >= 0 ? "," : "",
                              koers_model_get_stage (model, target)->id);
      first = FALSE;
    }
  g_string_append_printf (json, "}, \"roadmap\": { \"start\": \"2027-01\", \"items\": {"
                          "\"phase-0/management-support\": { \"status\": \"done\", \"owner\": \"%s\" }, "
                          "\"phase-0/roadmap-owner\": { \"status\": \"doing\", \"owner\": \"%s\", \"due\": \"2027-03\" }, "
                          "\"shared/monitoring-set-up\": { \"status\": \"skipped\", \"owner\": \"%s\" }, "
                          "\"pyramid/response-triage\": { \"status\": \"doing\", \"due\": \"2027-Q2\" }, "
                          "\"strategy-model/go-no-go\": { \"owner\": \"%s\" } } } }",
                          long_owner, long_owner, long_owner, long_owner);
  return g_string_free (json, FALSE);
}

static void
check_sampled (guint n_projects)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  guint fewest = G_MAXUINT, most = 0;

  for (guint i = 0; i < n_projects; i++)
    {
      g_autofree char *json = sampled_project (rand);
      g_autoptr(KoersProject) project = load_project (json);
      g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
      g_autofree char *what = g_strdup_printf ("sampled project %u", i);

      fewest = MIN (fewest, koers_roadmap_get_n_items (roadmap));
      most = MAX (most, koers_roadmap_get_n_items (roadmap));
      check_roadmap (project, roadmap, what);
    }
  g_test_message ("sampled roadmaps of %u to %u items", fewest, most);

  /* And the largest the rules can make: every model from nowhere to the top. */
  {
    g_autofree char *json = generated_project (0);
    g_autoptr(KoersProject) project = load_project (json);
    g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);

    g_assert_cmpuint (koers_roadmap_get_n_items (roadmap), >=, 40);
    check_roadmap (project, roadmap, "the largest roadmap");
  }
}

static void
check_sample_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("KOERS_DATA_DIR"), "examples", "woonstichting.koers", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = koers_project_load_from_file (koers_catalog_get_builtin (), file, NULL, &error);
  g_autoptr(KoersRoadmap) roadmap = NULL;

  g_assert_no_error (error);
  roadmap = koers_roadmap_build (project, NULL);
  check_roadmap (project, roadmap, "woonstichting.koers");
}

/* What the audit found clipped: a long organisation name, every model
 * from nowhere to its last stage (about fifty items), long owners and a
 * due date on every item, every status. */
static void
check_audit_project (void)
{
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(KoersRoadmap) roadmap = NULL;
  g_autoptr(KoersRoadmap) bare = NULL;
  static const char *statuses[] = { "todo", "doing", "done", "skipped" };
  GString *json = project_head ("Gemeenschappelijke Regeling Veiligheidsregio Gelderland-Midden");
  g_autofree char *text = NULL;
  guint k = 0;

  text = g_strdup_printf ("%s}}}", json->str);
  project = load_project (text);
  bare = koers_roadmap_build (project, NULL);
  g_clear_object (&project);
  g_clear_pointer (&text, g_free);

  for (guint p = 0; p < koers_roadmap_get_n_phases (bare); p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (bare, p);
      for (guint i = 0; i < phase->items->len; i++, k++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);
          g_string_append_printf (json, "%s\"%s\": { \"status\": \"%s\", \"owner\": \"%s\", "
                                  "\"due\": \"%s\" }", k ? ", " : "", item->id, statuses[k % 4],
                                  k % 2 ? longer_owner : long_owner, k % 3 ? "2027-03" : "2027-Q3");
        }
    }
  g_string_append (json, "} } }");
  project = load_project (json->str);
  g_string_free (json, TRUE);
  roadmap = koers_roadmap_build (project, NULL);
  g_assert_cmpuint (koers_roadmap_get_n_items (roadmap), >=, 40);
  check_roadmap (project, roadmap, "the audit's roadmap");
}

static void
test_layout_generated (void)
{
  total_arrows = total_in_words = 0;
  check_generated (generated_stride ());
  check_audit_project ();
  /* Both ways of showing a dependency are in use, and checked. */
  g_assert_cmpuint (total_arrows, >, 0);
  g_assert_cmpuint (total_in_words, >, 0);
}

static void
test_layout_sampled (void)
{
  check_sampled (sampled_count (40));
}

/* The same in Dutch: longer words, other line breaks. In a child process,
 * so that gettext starts afresh in the other language. Every size of
 * roadmap, and fewer placements: the texts that differ are the same. */
static void
test_layout_dutch (void)
{
  if (g_test_subprocess ())
    {
      /* Without the Dutch catalogue this would test English again. */
      g_assert_cmpstr (_("not placed yet"), ==, "nog niet geplaatst");
      check_sample_file ();
      check_generated (generated_stride ());
      check_audit_project ();
      check_sampled (sampled_count (16));
      return;
    }
  g_setenv ("LANGUAGE", "nl", TRUE);
  if (full_sweep ())
    g_setenv (SWEEP_ENV, "1", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv (SWEEP_ENV);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_trap_assert_passed ();
}

/* The sample reads at a glance: one page at a slide's size. */
static void
test_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("KOERS_DATA_DIR"), "examples", "woonstichting.koers", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = koers_project_load_from_file (koers_catalog_get_builtin (), file, NULL, &error);
  g_autoptr(KoersRoadmap) roadmap = NULL;

  g_assert_no_error (error);
  roadmap = koers_roadmap_build (project, NULL);
  check_roadmap (project, roadmap, "woonstichting.koers");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      KoersRenderOptions options = { TRUE, KOERS_BACKGROUND_THEME };
      g_autoptr(KoersSlide) slide = koers_slide_new (project, roadmap, sizes[s].width, sizes[s].height,
                                                     &options, NULL);
      /* The example's plan spans six quarters: it may take a second
       * slide, never more. */
      g_assert_cmpuint (koers_slide_get_n_pages (slide), >=, 1);
      g_assert_cmpuint (koers_slide_get_n_pages (slide), <=, 2);
    }
}

/* The summary names each model's Now and Goal; a model placed nowhere
 * says so once, not "not placed → not placed". Read back from a PDF. */
static void
test_summary (void)
{
  g_autoptr(KoersProject) project = load_project ("{ \"format\": \"koers-project\", \"version\": 1, "
                                                  "\"organisation\": { \"name\": \"Gemeente Voorbeeld\" }, "
                                                  "\"created\": \"2026-09-02T09:00:00Z\", "
                                                  "\"modified\": \"2026-11-12T15:21:10Z\", "
                                                  "\"placements\": { \"pyramid\": { \"target\": \"respond\" } } }");
  g_autoptr(KoersRoadmap) roadmap = NULL;
  g_autoptr(KoersSlide) slide = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  KoersRenderOptions options = { FALSE, KOERS_BACKGROUND_WHITE };
  cairo_surface_t *surface;
  cairo_t *cr;
  int status;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  roadmap = koers_roadmap_build (project, NULL);
  slide = koers_slide_new (project, roadmap, 1920, 1080, &options, "1 January 2027");
  g_assert_true (koers_slide_check (slide, &error));
  g_assert_no_error (error);

  dir = g_dir_make_tmp ("koers-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "slide.pdf", NULL);
  surface = cairo_pdf_surface_create (path, 1920, 1080);
  cr = cairo_create (surface);
  koers_slide_draw_page (slide, cr, 0);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  {
    const char *argv[] = { pdftotext, path, "-", NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                  &out, NULL, &status, &error);
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (out, "not placed yet"));
  g_assert_nonnull (strstr (out, "not placed → Respond"));
  g_assert_null (strstr (out, "not placed → not placed"));

  g_unlink (path);
  g_rmdir (dir);
}

/* Nothing to plan still makes a page: the band and the strip. */
static void
test_empty (void)
{
  const char *rules_json = "{ \"format\": \"koers-rules\", \"version\": 1, \"maturity\": {}, "
                           "\"findings\": [], \"items\": [] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (rules_json, strlen (rules_json));
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersRules) rules = koers_rules_new_from_bytes (koers_catalog_get_builtin (), bytes, "empty.json", &error);
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(KoersRoadmap) roadmap = NULL;
  KoersRenderOptions options = { FALSE, KOERS_BACKGROUND_TRANSPARENT };
  g_autoptr(KoersSlide) slide = NULL;

  g_assert_no_error (error);
  project = koers_project_new (koers_catalog_get_builtin ());
  roadmap = koers_roadmap_build (project, rules);
  g_assert_cmpuint (koers_roadmap_get_n_items (roadmap), ==, 0);
  slide = koers_slide_new (project, roadmap, 1920, 1080, &options, "1 January 2027");
  g_assert_cmpuint (koers_slide_get_n_pages (slide), ==, 1);
  g_assert_true (koers_slide_check (slide, &error));
  g_assert_no_error (error);
}

/* The smallest size the exports accept still lays out without overlap:
 * the text shrinks with the page, the floor with it. */
static void
test_smallest (void)
{
  g_autofree char *json = generated_project (0);
  g_autoptr(KoersProject) project = load_project (json);
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  KoersRenderOptions options = { FALSE, KOERS_BACKGROUND_WHITE };
  g_autoptr(KoersSlide) slide = koers_slide_new (project, roadmap, 320, 240, &options, "1 January 2027");
  g_autoptr(GError) error = NULL;

  g_assert_true (koers_slide_check (slide, &error));
  g_assert_no_error (error);
}

static KoersRoadmap *
generated_roadmap (guint          n,
                   KoersProject **project)
{
  g_autofree char *rules_json = generated_rules (n);
  g_autofree char *project_json = generated_project (n);
  g_autoptr(GBytes) bytes = g_bytes_new (rules_json, strlen (rules_json));
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersRules) rules = koers_rules_new_from_bytes (koers_catalog_get_builtin (), bytes,
                                                            "generated.json", &error);

  g_assert_no_error (error);
  *project = load_project (project_json);
  return koers_roadmap_build (*project, rules);
}

/* Free space makes the text larger: a page of a few cards shows larger
 * titles than the fullest page of a long roadmap, and no page of either
 * goes below 16 px at 1920×1080. */
static void
test_room_to_spare (void)
{
  g_autoptr(KoersProject) few_project = NULL;
  g_autoptr(KoersProject) full_project = NULL;
  g_autoptr(KoersRoadmap) few = generated_roadmap (3, &few_project);
  g_autoptr(KoersRoadmap) full = generated_roadmap (40, &full_project);
  KoersRenderOptions options = { FALSE, KOERS_BACKGROUND_WHITE };
  g_autoptr(KoersSlide) few_slide = koers_slide_new (few_project, few, 1920, 1080, &options, "1 January 2027");
  g_autoptr(KoersSlide) full_slide = koers_slide_new (full_project, full, 1920, 1080, &options, "1 January 2027");
  double fullest = G_MAXDOUBLE;

  g_assert_true (koers_slide_check (few_slide, NULL));
  g_assert_true (koers_slide_check (full_slide, NULL));
  g_assert_cmpuint (koers_slide_get_n_pages (few_slide), ==, 1);
  for (guint p = 0; p < koers_slide_get_n_pages (full_slide); p++)
    {
      double font = koers_slide_get_card_font_px (full_slide, p);

      g_assert_cmpfloat (font, >, 16.0);
      fullest = MIN (fullest, font);
    }
  g_assert_cmpfloat (koers_slide_get_card_font_px (few_slide, 0), >, fullest);
  g_assert_cmpfloat (koers_slide_get_min_font_px (few_slide), >=, 16.0);
  g_assert_cmpfloat (koers_slide_get_min_font_px (full_slide), >=, 16.0);
}

/* Every text on a card or chip meets WCAG AA in both themes and in
 * every state (koers_slide_check() measures each text against what lies
 * under it), and no title is struck through. */
static void
test_contrast (void)
{
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(KoersRoadmap) roadmap = generated_roadmap (12, &project);

  for (int dark = 0; dark < 2; dark++)
    {
      KoersRenderOptions options = { dark, KOERS_BACKGROUND_THEME };
      g_autoptr(KoersSlide) slide = koers_slide_new (project, roadmap, 1920, 1080, &options, "1 January 2027");
      g_autoptr(GError) error = NULL;

      koers_slide_check (slide, &error);
      g_assert_no_error (error);
    }
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("KOERS_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/slide/sample", test_sample);
  g_test_add_func ("/render/slide/empty", test_empty);
  g_test_add_func ("/render/slide/summary", test_summary);
  g_test_add_func ("/render/slide/smallest", test_smallest);
  g_test_add_func ("/render/slide/room-to-spare", test_room_to_spare);
  g_test_add_func ("/render/slide/contrast", test_contrast);
  g_test_add_func ("/render/slide/layout/generated", test_layout_generated);
  g_test_add_func ("/render/slide/layout/sampled", test_layout_sampled);
  g_test_add_func ("/render/slide/layout/dutch", test_layout_dutch);

  return g_test_run ();
}
