/* koers-roadmap-findings.c: what the placements say beyond the items,
 * and what each phase is for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-roadmap"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-roadmap-private.h"

void
_koers_finding_free (KoersFinding *finding)
{
  g_free (finding->id);
  g_strfreev (finding->models);
  g_free (finding->message);
  g_free (finding);
}

/* @models: every model the finding is about, the main one first */
static void
add_finding (GPtrArray          *findings,
             const char         *id,
             KoersSeverity       severity,
             const char * const *models,
             int                 lesson,
             char               *message)
{
  KoersFinding *finding = g_new0 (KoersFinding, 1);

  finding->id = g_strdup (id);
  finding->severity = severity;
  finding->models = g_strdupv ((char **) models);
  finding->lesson = lesson;
  finding->message = message;
  g_ptr_array_add (findings, finding);
}

static const char *
level_label (KoersLevel level)
{
  switch (level)
    {
    case KOERS_LEVEL_LOW:
      return C_("maturity", "a low");
    case KOERS_LEVEL_MIDDLE:
      return C_("maturity", "a middle");
    case KOERS_LEVEL_HIGH:
      return C_("maturity", "a high");
    case KOERS_LEVEL_ALWAYS:
    default:
      return "";
    }
}

static gboolean
all_planned (KoersBuilder *b,
             GStrv         ids)
{
  for (guint i = 0; ids[i]; i++)
    if (!g_hash_table_contains (b->by_id, ids[i]))
      return FALSE;
  return TRUE;
}

static void
add_model_findings (GPtrArray    *findings,
                    KoersBuilder *b)
{
  for (guint m = 0; m < koers_catalog_get_n_models (b->catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (b->catalog, m);
      const char *model_id = koers_model_get_id (model);
      int current = koers_model_stage_index (model, koers_project_get_current (b->project, model_id));
      int target = koers_model_stage_index (model, koers_project_get_target (b->project, model_id));
      const char *rationale = koers_project_get_rationale (b->project, model_id);
      int suggested = koers_project_suggest_stage (b->project, model_id);
      g_autofree char *id = NULL;
      g_autofree char *disagree_id = NULL;

      if (current >= 0 && target >= 0 && target < current)
        {
          id = g_strconcat ("target-below-current/", model_id, NULL);
          if (rationale != NULL && rationale[0] != '\0')
            /* TRANSLATORS: %1$s is a model, %2$s and %3$s are its stages */
            add_finding (findings, id, KOERS_SEVERITY_WARNING, (const char * const []) { model_id, NULL }, 0,
                         g_strdup_printf (_("%1$s: the Goal (%2$s) is below Now (%3$s), a deliberate step back as your rationale explains. The roadmap plans the scale-back: what to close or hand over, and how to tell your community."),
                                          koers_model_get_name (model),
                                          koers_model_get_stage (model, target)->name,
                                          koers_model_get_stage (model, current)->name));
          else
            /* TRANSLATORS: %1$s is a model, %2$s and %3$s are its stages */
            add_finding (findings, id, KOERS_SEVERITY_WARNING, (const char * const []) { model_id, NULL }, 0,
                         g_strdup_printf (_("%1$s: the Goal (%2$s) is below Now (%3$s). The roadmap plans a scale-back: what to close or hand over, and how to tell your community. If the step back is deliberate, write the reason in the rationale; if not, move the Goal."),
                                          koers_model_get_name (model),
                                          koers_model_get_stage (model, target)->name,
                                          koers_model_get_stage (model, current)->name));
        }
      else if (current < 0 && target >= 0)
        {
          id = g_strconcat ("no-current/", model_id, NULL);
          add_finding (findings, id, KOERS_SEVERITY_INFO, (const char * const []) { model_id, NULL }, 0,
                       g_strdup_printf (_("%s: Now is not placed, so the roadmap starts at the model’s first stage. Place Now to plan from where you really are."),
                                        koers_model_get_name (model)));
        }

      /* Disagreeing with the questionnaire is allowed: said, never corrected. */
      if (current >= 0 && suggested >= 0 && suggested != current)
        {
          disagree_id = g_strconcat ("answers-disagree/", model_id, NULL);
          /* TRANSLATORS: %1$s is a model, %2$s and %3$s are its stages:
           * "Social Media Pyramid: you placed Create; your answers point to Listen. …" */
          add_finding (findings, disagree_id, KOERS_SEVERITY_INFO, (const char * const []) { model_id, NULL }, 0,
                       g_strdup_printf (_("%1$s: you placed %2$s; your answers point to %3$s. Either the placement or some answers are off: phase 0 plans going over them with colleagues."),
                                        koers_model_get_name (model),
                                        koers_model_get_stage (model, current)->name,
                                        koers_model_get_stage (model, suggested)->name));
        }
    }
}

/* Where the others stand beside you: said when every other placed on a
 * model stands on one stage, away from your Now, since that is the
 * comparison management asks about ("both competitors are further"). */
static void
add_others_findings (GPtrArray    *findings,
                     KoersBuilder *b)
{
  guint n_others = koers_project_get_n_others (b->project);

  if (n_others == 0)
    return;
  for (guint m = 0; m < koers_catalog_get_n_models (b->catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (b->catalog, m);
      const char *model_id = koers_model_get_id (model);
      int current = koers_model_stage_index (model, koers_project_get_current (b->project, model_id));
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *id = NULL;
      g_autofree char *who = NULL;
      int stage = -1;
      gboolean same = TRUE;

      if (current < 0)
        continue;
      for (guint o = 0; o < n_others; o++)
        {
          const char *other_id = koers_project_get_other_id (b->project, o);
          int at = koers_model_stage_index (model, koers_project_get_other_now (b->project, other_id, model_id));

          if (at < 0)
            continue;
          same &= stage < 0 || at == stage;
          stage = at;
          g_ptr_array_add (names, (gpointer) koers_project_get_other_name (b->project, other_id));
        }
      if (names->len == 0 || !same || stage == current)
        continue;

      id = g_strconcat ("others/", model_id, NULL);
      if (names->len == 1)
        /* TRANSLATORS: %1$s is another organisation, %2$s and %4$s stages, %3$s a model:
         * "Woonbron is at Engagement on the Social Business Strategy Maturity Matrix; you are at Presence." */
        add_finding (findings, id, KOERS_SEVERITY_INFO, (const char * const []) { model_id, NULL }, 0,
                     g_strdup_printf (_("%1$s is at %2$s on the %3$s; you are at %4$s."),
                                      (const char *) g_ptr_array_index (names, 0),
                                      koers_model_get_stage (model, stage)->name,
                                      koers_model_get_name (model),
                                      koers_model_get_stage (model, current)->name));
      else if (names->len == 2)
        /* TRANSLATORS: "Both Woonbron and Havensteder are at Engagement on the …; you are at Presence." */
        add_finding (findings, id, KOERS_SEVERITY_INFO, (const char * const []) { model_id, NULL }, 0,
                     g_strdup_printf (_("Both %1$s and %2$s are at %3$s on the %4$s; you are at %5$s."),
                                      (const char *) g_ptr_array_index (names, 0),
                                      (const char *) g_ptr_array_index (names, 1),
                                      koers_model_get_stage (model, stage)->name,
                                      koers_model_get_name (model),
                                      koers_model_get_stage (model, current)->name));
      else
        /* TRANSLATORS: "All 3 other organisations you compare with are at Engagement on the …; you are at Presence." */
        add_finding (findings, id, KOERS_SEVERITY_INFO, (const char * const []) { model_id, NULL }, 0,
                     g_strdup_printf (_("All %1$u other organisations you compare with are at %2$s on the %3$s; you are at %4$s."),
                                      names->len,
                                      koers_model_get_stage (model, stage)->name,
                                      koers_model_get_name (model),
                                      koers_model_get_stage (model, current)->name));
    }
}

/* What moved since the last closed round: the placements that changed
 * and the items done since, for the progress management asks about. */
static void
add_rounds_findings (GPtrArray    *findings,
                     KoersBuilder *b)
{
  guint n_rounds = koers_project_get_n_rounds (b->project);
  guint last, n_done = 0;
  g_autoptr(GString) moved = g_string_new (NULL);
  g_auto(GStrv) item_ids = NULL;
  g_autofree char *done = NULL;
  g_autofree char *closed = NULL;

  if (n_rounds == 0)
    return;
  last = n_rounds - 1;
  for (guint m = 0; m < koers_catalog_get_n_models (b->catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (b->catalog, m);
      const char *model_id = koers_model_get_id (model);
      const KoersStage *then = koers_model_find_stage (model, koers_project_get_round_marker (b->project, last, model_id,
                                                                                             KOERS_MARKER_CURRENT));
      const KoersStage *now = koers_model_find_stage (model, koers_project_get_current (b->project, model_id));

      if (then == NULL || now == NULL || then == now)
        continue;
      if (moved->len > 0)
        g_string_append (moved, C_("list separator", ", "));
      /* TRANSLATORS: a model's move since the last round: "Pyramid Monitor → Listen" */
      g_string_append_printf (moved, C_("moved", "%1$s %2$s → %3$s"),
                              koers_model_get_short_name (model), then->name, now->name);
    }

  item_ids = koers_project_dup_item_ids (b->project);
  for (guint i = 0; item_ids[i] != NULL; i++)
    {
      KoersStatus then;

      if (koers_project_get_item_status (b->project, item_ids[i]) == KOERS_STATUS_DONE &&
          !(koers_project_get_round_item_status (b->project, last, item_ids[i], &then) && then == KOERS_STATUS_DONE))
        n_done++;
    }
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u roadmap item done", "%u roadmap items done", n_done),
                          n_done);
  closed = koers_format_iso_day (koers_project_get_round_closed (b->project, last));

  if (moved->len > 0)
    /* TRANSLATORS: "Since the round of 1 September 2026: Pyramid Monitor → Listen; 2 roadmap items done." */
    add_finding (findings, "since-last-round", KOERS_SEVERITY_INFO, (const char * const []) { "strategy-model", NULL }, 0,
                 g_strdup_printf (_("Since the round of %1$s: %2$s; %3$s."), closed, moved->str, done));
  else
    /* TRANSLATORS: "Since the round of 1 September 2026 no Now marker moved; 2 roadmap items done." */
    add_finding (findings, "since-last-round", KOERS_SEVERITY_INFO, (const char * const []) { "strategy-model", NULL }, 0,
                 g_strdup_printf (_("Since the round of %1$s no Now marker moved; %2$s."), closed, done));
}

/**
 * _koers_roadmap_add_findings:
 *
 * Evaluates the findings, warnings first. A finding whose remedy the
 * roadmap already plans (`unless-planned`) is not said.
 */
void
_koers_roadmap_add_findings (GPtrArray    *findings,
                             KoersBuilder *b,
                             KoersModel   *level_model,
                             int           level_stage)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  add_model_findings (all, b);
  add_others_findings (all, b);
  add_rounds_findings (all, b);

  for (guint i = 0; i < koers_rules_get_n_findings (b->rules); i++)
    {
      const KoersFindingRule *rule = _koers_rules_get_finding (b->rules, i);

      if (!_koers_builder_all_hold (b, rule->when))
        continue;
      if (rule->unless_planned[0] != NULL && all_planned (b, rule->unless_planned))
        continue;
      add_finding (all, rule->id, rule->severity, (const char * const *) rule->models,
                   rule->lesson, g_strdup (g_dgettext (GETTEXT_PACKAGE, rule->message)));
    }

  /* Eight quarters after phase 0: two years is as far as a plan keeps
   * management's attention. Beyond it the capacity does not fit the Goals. */
  if (b->n_quarters > 9)
    {
      g_autofree char *fte = g_strdup_printf ("%g", b->fte);

      add_finding (all, "plan-too-long", KOERS_SEVERITY_WARNING,
                   (const char * const []) { "strategy-model", NULL }, 0,
                   g_strdup_printf (_("With %s fte for social media, this plan takes %u quarters after phase 0. A plan that runs longer than two years rarely keeps management’s support: give the team more time, or set nearer Goals and plan the rest in the next round."),
                                    fte, b->n_quarters - 1));
    }

  if (level_model != NULL && b->level == KOERS_LEVEL_HIGH)
    /* TRANSLATORS: "…: the Social Media Pyramid, the lowest of your placements, places you at Create." */
    add_finding (all, "phase-0-level", KOERS_SEVERITY_INFO,
                 (const char * const []) { "strategy-model", koers_model_get_id (level_model), NULL }, 1,
                 g_strdup_printf (_("Phase 0 is pitched at a high maturity: every model you placed puts you at a high stage (the %s at %s). Preparing the organisation now means involving and equipping colleagues, not explaining the basics."),
                                  koers_model_get_name (level_model),
                                  koers_model_get_stage (level_model, level_stage)->name));
  else if (level_model != NULL)
    /* TRANSLATORS: "Phase 0 is pitched at a low maturity: the Social Media Pyramid places you at Monitor, …" */
    add_finding (all, "phase-0-level", KOERS_SEVERITY_INFO,
                 (const char * const []) { "strategy-model", koers_model_get_id (level_model), NULL }, 1,
                 g_strdup_printf (_("Phase 0 is pitched at %s maturity: the %s places you at %s, the weakest link across the models. Preparing the organisation comes first at every level."),
                                  level_label (b->level),
                                  koers_model_get_name (level_model),
                                  koers_model_get_stage (level_model, level_stage)->name));

  for (guint i = 0; i < all->len; i++)
    if (((KoersFinding *) g_ptr_array_index (all, i))->severity == KOERS_SEVERITY_WARNING)
      g_ptr_array_add (findings, g_ptr_array_index (all, i));
  for (guint i = 0; i < all->len; i++)
    if (((KoersFinding *) g_ptr_array_index (all, i))->severity != KOERS_SEVERITY_WARNING)
      g_ptr_array_add (findings, g_ptr_array_index (all, i));
}

/**
 * _koers_roadmap_name_phase:
 *
 * Names a phase by the goal that most of its items serve (most effort
 * breaks a tie), and gives that goal's definition of done. A phase that
 * goes on with the goal of the phase before says so: two quarters of one name read
 * as one quarter twice.
 */
void
_koers_roadmap_name_phase (KoersRoadmapPhase *phase,
                           KoersBuilder      *b)
{
  guint n_goals = _koers_rules_get_n_goals (b->rules);
  g_autofree guint *effort = g_new0 (guint, n_goals + 1);
  g_autofree guint *count = g_new0 (guint, n_goals + 1);
  int best = -1;
  const char *name;

  phase->effort = 0;
  for (guint i = 0; i < phase->items->len; i++)
    {
      const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);
      KoersWork *work = NULL;

      phase->effort += item->effort;
      for (guint w = 0; w < b->works->len && work == NULL; w++)
        if (((KoersWork *) g_ptr_array_index (b->works, w))->item == item)
          work = g_ptr_array_index (b->works, w);
      if (work != NULL && work->rule->goal >= 0)
        {
          effort[work->rule->goal] += item->effort;
          count[work->rule->goal]++;
        }
    }

  /* Most items first: one large programme does not name every quarter
   * it runs in. Then most effort, then the goals' order. */
  for (guint g = 0; g < n_goals; g++)
    if (count[g] > 0 && (best < 0 || count[g] > count[best] ||
                         (count[g] == count[best] && effort[g] > effort[best])))
      best = g;
  if (best < 0)
    {
      b->last_goal = -1;
      return;
    }
  name = g_dgettext (GETTEXT_PACKAGE, _koers_rules_get_goal (b->rules, best)->name);
  if (best == b->last_goal)
    /* TRANSLATORS: a phase that goes on with the goal of the one before,
     * "Respond and build relationships, continued" */
    phase->name = g_strdup_printf (C_("phase name", "%s, continued"), name);
  else
    phase->name = g_strdup (name);
  b->last_goal = best;
  phase->done = g_strdup (g_dgettext (GETTEXT_PACKAGE, _koers_rules_get_goal (b->rules, best)->done));
}
