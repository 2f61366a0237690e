/* koers-draft-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-drafts"

#include "config.h"

#include "koers-draft-info.h"

G_DEFINE_BOXED_TYPE (KoersDraftInfo, koers_draft_info, koers_draft_info_copy, koers_draft_info_free)

/**
 * koers_draft_info_copy:
 *
 * Returns: (transfer full): a copy of @info
 */
KoersDraftInfo *
koers_draft_info_copy (const KoersDraftInfo *info)
{
  KoersDraftInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_new0 (KoersDraftInfo, 1);
  copy->id = g_strdup (info->id);
  copy->uri = g_strdup (info->uri);
  copy->saved = g_strdup (info->saved);
  copy->pid = info->pid;
  copy->stamp = g_strdup (info->stamp);
  return copy;
}

/**
 * koers_draft_info_free:
 *
 * Frees @info and what it holds.
 */
void
koers_draft_info_free (KoersDraftInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->uri);
  g_free (info->saved);
  g_free (info->stamp);
  g_free (info);
}
