/* koers-progress-summary.h: what moved since the last closed round
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "koers-roadmap.h"

G_BEGIN_DECLS

/**
 * KoersProgressModel:
 * @model: the model
 * @then: (nullable): the Now stage's id when the round closed
 * @now: (nullable): the Now stage's id today
 */
typedef struct {
  KoersModel *model;
  const char *then;
  const char *now;
} KoersProgressModel;

/**
 * KoersProgressSummary:
 * @round: the index of the last closed round
 * @closed: the date the round closed
 * @models: (element-type KoersProgressModel): the models placed then or
 *   now, in the catalog's order
 * @done: (element-type utf8): the titles of the items done since the
 *   round, in the project's order
 *
 * The models and stage ids are borrowed from the project: free the
 * summary before the project changes.
 */
typedef struct {
  guint       round;
  const char *closed;
  GArray     *models;
  GPtrArray  *done;
} KoersProgressSummary;

KoersProgressSummary *koers_progress_summary_new  (KoersProject         *project,
                                                   KoersRoadmap         *roadmap);
void                  koers_progress_summary_free (KoersProgressSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersProgressSummary, koers_progress_summary_free)

G_END_DECLS
