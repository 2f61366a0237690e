/* koers-progress-summary.c: what moved since the last closed round
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One place decides what the progress slide reports, so the picture
 * export and the deck's slide always tell the same story.
 */
#define G_LOG_DOMAIN "koers-core"

#include "config.h"

#include "koers-progress-summary.h"
#include "koers-rules.h"

/**
 * koers_progress_summary_new:
 * @project: a project
 * @roadmap: the roadmap built from @project
 *
 * Gathers each model's Now when the last round closed and today, and the
 * roadmap items done since then (done now, not done in the round).
 *
 * Returns: (transfer full) (nullable): the summary, or %NULL when the
 *   project has no closed round
 */
KoersProgressSummary *
koers_progress_summary_new (KoersProject *project,
                            KoersRoadmap *roadmap)
{
  g_autoptr(KoersProgressSummary) summary = NULL;
  g_auto(GStrv) item_ids = NULL;
  KoersCatalog *catalog;

  g_return_val_if_fail (KOERS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (KOERS_IS_ROADMAP (roadmap), NULL);

  if (koers_project_get_n_rounds (project) == 0)
    return NULL;

  summary = g_new0 (KoersProgressSummary, 1);
  summary->round = koers_project_get_n_rounds (project) - 1;
  summary->closed = koers_project_get_round_closed (project, summary->round);
  summary->models = g_array_new (FALSE, TRUE, sizeof (KoersProgressModel));
  summary->done = g_ptr_array_new_with_free_func (g_free);

  catalog = koers_project_get_catalog (project);
  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersProgressModel row;
      const char *model_id;

      row.model = koers_catalog_get_model (catalog, m);
      model_id = koers_model_get_id (row.model);
      row.then = koers_project_get_round_marker (project, summary->round, model_id, KOERS_MARKER_CURRENT);
      row.now = koers_project_get_current (project, model_id);
      if (row.then != NULL || row.now != NULL)
        g_array_append_val (summary->models, row);
    }

  item_ids = koers_project_dup_item_ids (project);
  for (guint i = 0; item_ids[i] != NULL; i++)
    {
      KoersStatus then;
      const KoersRoadmapItem *item;
      const char *title;

      if (koers_project_get_item_status (project, item_ids[i]) != KOERS_STATUS_DONE ||
          (koers_project_get_round_item_status (project, summary->round, item_ids[i], &then) &&
           then == KOERS_STATUS_DONE))
        continue;
      /* An item this roadmap no longer gives keeps the rules' title for
       * it, or its id when the rules lost it too, rather than vanishing
       * from what was achieved. */
      item = koers_roadmap_lookup_item (roadmap, item_ids[i]);
      if (item != NULL)
        title = item->title;
      else
        title = koers_rules_get_item_title (koers_rules_get_builtin (), item_ids[i]);
      g_ptr_array_add (summary->done, g_strdup (title != NULL ? title : item_ids[i]));
    }

  return g_steal_pointer (&summary);
}

/**
 * koers_progress_summary_free:
 * @summary: (nullable): a summary
 *
 * Frees @summary.
 */
void
koers_progress_summary_free (KoersProgressSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->models, g_array_unref);
  g_clear_pointer (&summary->done, g_ptr_array_unref);
  g_free (summary);
}
