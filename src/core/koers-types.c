/* koers-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

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

static const char * const kind_names[] = {
  NULL, "municipality", "company", "charity", "small-business", "other"
};

/**
 * koers_organisation_kind_to_string:
 *
 * Returns: (nullable): the file form of @kind, e.g. "small-business";
 *   %NULL for %KOERS_ORGANISATION_UNKNOWN
 */
const char *
koers_organisation_kind_to_string (KoersOrganisationKind kind)
{
  g_return_val_if_fail (kind <= KOERS_ORGANISATION_OTHER, NULL);
  return kind_names[kind];
}

/**
 * koers_organisation_kind_from_string:
 * @str: (nullable): a file form; %NULL gives %KOERS_ORGANISATION_UNKNOWN
 *
 * Returns: %TRUE when @str is %NULL or a kind this build knows
 */
gboolean
koers_organisation_kind_from_string (const char            *str,
                                     KoersOrganisationKind *kind)
{
  if (str == NULL)
    {
      *kind = KOERS_ORGANISATION_UNKNOWN;
      return TRUE;
    }
  for (guint i = 1; i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (str, kind_names[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * koers_organisation_kind_get_label:
 *
 * Returns: the translated name of @kind, for people
 */
const char *
koers_organisation_kind_get_label (KoersOrganisationKind kind)
{
  switch (kind)
    {
    case KOERS_ORGANISATION_MUNICIPALITY:
      return C_("organisation kind", "Municipality");
    case KOERS_ORGANISATION_COMPANY:
      return C_("organisation kind", "Company");
    case KOERS_ORGANISATION_CHARITY:
      return C_("organisation kind", "Charity");
    case KOERS_ORGANISATION_SMALL_BUSINESS:
      return C_("organisation kind", "Small business");
    case KOERS_ORGANISATION_OTHER:
      return C_("organisation kind", "Other");
    case KOERS_ORGANISATION_UNKNOWN:
    default:
      return C_("organisation kind", "Not specified");
    }
}

/**
 * koers_parse_staff:
 * @text: the number of staff as the project stores it, e.g. "1200"
 *
 * Returns: %TRUE when @text is a whole number from 1 to %KOERS_STAFF_MAX
 */
gboolean
koers_parse_staff (const char *text,
                   guint      *staff)
{
  guint64 value;

  if (text == NULL || !g_ascii_isdigit (text[0]) || (text[0] == '0' && text[1] != '\0'))
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, KOERS_STAFF_MAX, &value, NULL))
    return FALSE;
  *staff = (guint) value;
  return TRUE;
}

/**
 * koers_parse_capacity:
 * @text: the team's capacity in fte as the project stores it, e.g. "2.4"
 *
 * Returns: %TRUE when @text is a number above 0 and at most
 *   %KOERS_CAPACITY_MAX, written with a point
 */
gboolean
koers_parse_capacity (const char *text,
                      double     *fte)
{
  char *end = NULL;
  double value;

  if (text == NULL || !(g_ascii_isdigit (text[0]) || text[0] == '.'))
    return FALSE;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(value > 0.0) || value > KOERS_CAPACITY_MAX)
    return FALSE;
  *fte = value;
  return TRUE;
}

/* Month names from our own catalogue rather than the C library's LC_TIME,
 * so a date on a slide is in the same language as the words around it
 * (LANGUAGE=nl alone gives a Dutch slide with Dutch months). */
static const char *
month_name (int month)
{
  switch (month)
    {
    case 1: return C_("month name", "January");
    case 2: return C_("month name", "February");
    case 3: return C_("month name", "March");
    case 4: return C_("month name", "April");
    case 5: return C_("month name", "May");
    case 6: return C_("month name", "June");
    case 7: return C_("month name", "July");
    case 8: return C_("month name", "August");
    case 9: return C_("month name", "September");
    case 10: return C_("month name", "October");
    case 11: return C_("month name", "November");
    case 12: return C_("month name", "December");
    default: return NULL;
    }
}

/**
 * koers_format_month:
 * @year: a year
 * @month: 1 to 12
 *
 * Returns: (transfer full) (nullable): e.g. "March 2027", in the language
 *   of the interface; %NULL for a month out of range
 */
char *
koers_format_month (int year,
                    int month)
{
  const char *name = month_name (month);

  if (name == NULL)
    return NULL;
  /* TRANSLATORS: a month and its year, e.g. "March 2027" */
  return g_strdup_printf (C_("date", "%1$s %2$d"), name, year);
}

/**
 * koers_format_day:
 * @year: a year
 * @month: 1 to 12
 * @day: 1 to 31
 *
 * Returns: (transfer full) (nullable): e.g. "23 November 2026", in the
 *   language of the interface; %NULL for a month out of range
 */
char *
koers_format_day (int year,
                  int month,
                  int day)
{
  const char *name = month_name (month);

  if (name == NULL)
    return NULL;
  /* TRANSLATORS: a day, e.g. "23 November 2026": %1$d the day, %2$s the month's name, %3$d the year */
  return g_strdup_printf (C_("date", "%1$d %2$s %3$d"), day, name, year);
}

/**
 * koers_format_iso_day:
 * @iso: (nullable): a day as the file writes it, "2026-09-01"
 *
 * The day as people read it, "1 September 2026", in the interface's
 * language. A day the file got wrong stands as it is rather than being
 * lost.
 *
 * Returns: (transfer full): the text
 */
char *
koers_format_iso_day (const char *iso)
{
  int year, month, day;
  char end;

  if (iso != NULL && sscanf (iso, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3 &&
      g_date_valid_dmy (day, month, year))
    return koers_format_day (year, month, day);
  return g_strdup (iso ? iso : "");
}
