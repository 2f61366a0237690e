/* koers-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-error.h"
#include "koers-types.h"

G_DEFINE_QUARK (koers-file-error-quark, koers_file_error)

static const char * const status_names[] = { "todo", "doing", "done", "skipped" };

const char *
koers_status_to_string (KoersStatus status)
{
  g_return_val_if_fail (status <= KOERS_STATUS_SKIPPED, "todo");
  return status_names[status];
}

gboolean
koers_status_from_string (const char  *str,
                          KoersStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (str, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * koers_status_get_label:
 *
 * Returns: the translated name of @status, for people
 */
const char *
koers_status_get_label (KoersStatus status)
{
  switch (status)
    {
    case KOERS_STATUS_TODO:
      return C_("status", "To do");
    case KOERS_STATUS_DOING:
      return C_("status", "In progress");
    case KOERS_STATUS_DONE:
      return C_("status", "Done");
    case KOERS_STATUS_SKIPPED:
      return C_("status", "Skipped");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * koers_marker_get_label:
 *
 * Returns: "Now" or "Goal", translated
 */
const char *
koers_marker_get_label (KoersMarker marker)
{
  return marker == KOERS_MARKER_CURRENT ? C_("marker", "Now") : C_("marker", "Goal");
}

const char *
koers_severity_to_string (KoersSeverity severity)
{
  return severity == KOERS_SEVERITY_WARNING ? "warning" : "info";
}
