/* test-organisation.c: the organisation's kind, size and team capacity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "koers-error.h"
#include "koers-project.h"

static KoersProject *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return koers_project_load_from_bytes (NULL, bytes, error);
}

static char *
project_with (const char *members)
{
  return g_strdup_printf ("{\n  \"format\": \"koers-project\",\n  \"version\": 1,\n"
                          "  \"organisation\": {\n    \"name\": \"Voorbeeld\"%s%s\n  }\n}\n",
                          members[0] ? ",\n    " : "", members);
}

static void
test_round_trip (void)
{
  g_autofree char *text = project_with ("\"kind\": \"municipality\",\n    \"staff\": 1200,\n    \"capacity\": 2.4");
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = load_text (text, &error);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(KoersProject) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (koers_project_get_organisation_kind (project), ==, KOERS_ORGANISATION_MUNICIPALITY);
  g_assert_cmpuint (koers_project_get_organisation_staff (project), ==, 1200);
  g_assert_cmpfloat (koers_project_get_organisation_capacity (project), ==, 2.4);
  g_assert_cmpstr (koers_project_get_field (project, KOERS_FIELD_ORGANISATION_CAPACITY, NULL), ==, "2.4");

  written = koers_project_to_bytes (project);
  g_assert_nonnull (strstr (g_bytes_get_data (written, NULL), "\"kind\" : \"municipality\"") ?:
                    strstr (g_bytes_get_data (written, NULL), "\"kind\": \"municipality\""));
  again = koers_project_load_from_bytes (NULL, written, &error);
  g_assert_no_error (error);
  g_assert_cmpint (koers_project_get_organisation_kind (again), ==, KOERS_ORGANISATION_MUNICIPALITY);
  g_assert_cmpuint (koers_project_get_organisation_staff (again), ==, 1200);
  g_assert_cmpfloat (koers_project_get_organisation_capacity (again), ==, 2.4);
}

/* A whole number of fte is written as people write it, and the order of
 * the members follows the format's table. */
static void
test_written_form (void)
{
  g_autofree char *text = project_with ("\"capacity\": 3,\n    \"staff\": 4,\n    \"kind\": \"small-business\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = load_text (text, &error);
  g_autoptr(GBytes) written = NULL;
  const char *data;

  g_assert_no_error (error);
  written = koers_project_to_bytes (project);
  data = g_bytes_get_data (written, NULL);
  g_assert_nonnull (strstr (data, "\"capacity\": 3\n"));
  g_assert_true (strstr (data, "\"kind\"") < strstr (data, "\"staff\""));
  g_assert_true (strstr (data, "\"staff\"") < strstr (data, "\"capacity\""));
}

static void
test_missing_means_unknown (void)
{
  g_autofree char *text = project_with ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = load_text (text, &error);
  g_autoptr(GBytes) written = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (koers_project_get_organisation_kind (project), ==, KOERS_ORGANISATION_UNKNOWN);
  g_assert_cmpuint (koers_project_get_organisation_staff (project), ==, 0);
  g_assert_cmpfloat (koers_project_get_organisation_capacity (project), ==, 0);
  written = koers_project_to_bytes (project);
  g_assert_null (strstr (g_bytes_get_data (written, NULL), "kind"));
  g_assert_null (strstr (g_bytes_get_data (written, NULL), "staff"));
  g_assert_null (strstr (g_bytes_get_data (written, NULL), "capacity"));
}

static void
test_refused (void)
{
  static const struct { const char *members; const char *path; } cases[] = {
    { "\"kind\": \"bakery\"", "organisation.kind" },
    { "\"kind\": 3", "organisation.kind" },
    { "\"staff\": 0", "organisation.staff" },
    { "\"staff\": -5", "organisation.staff" },
    { "\"staff\": 12.5", "organisation.staff" },
    { "\"staff\": \"12\"", "organisation.staff" },
    { "\"staff\": 99999999999", "organisation.staff" },
    { "\"capacity\": 0", "organisation.capacity" },
    { "\"capacity\": -1.5", "organisation.capacity" },
    { "\"capacity\": 1e9", "organisation.capacity" },
    { "\"capacity\": \"2,4\"", "organisation.capacity" },
    { "\"capacity\": true", "organisation.capacity" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = project_with (cases[i].members);
      g_autoptr(GError) error = NULL;
      g_autoptr(KoersProject) project = load_text (text, &error);

      g_test_message ("%s", cases[i].members);
      g_assert_null (project);
      g_assert_nonnull (error);
      g_assert_true (error->domain == KOERS_FILE_ERROR);
      g_assert_true (g_str_has_prefix (error->message, cases[i].path));
    }
}

static void
test_null_is_absent (void)
{
  g_autofree char *text = project_with ("\"kind\": null,\n    \"staff\": null,\n    \"capacity\": null");
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = load_text (text, &error);

  g_assert_no_error (error);
  g_assert_cmpint (koers_project_get_organisation_kind (project), ==, KOERS_ORGANISATION_UNKNOWN);
  g_assert_cmpuint (koers_project_get_organisation_staff (project), ==, 0);
}

static void
test_set_field (void)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_KIND, NULL, "charity", &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_project_get_organisation_kind (project), ==, KOERS_ORGANISATION_CHARITY);

  g_assert_false (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_KIND, NULL, "bakery", &error));
  g_assert_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (koers_project_get_organisation_kind (project), ==, KOERS_ORGANISATION_CHARITY);

  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_STAFF, NULL, "45", &error));
  g_assert_cmpuint (koers_project_get_organisation_staff (project), ==, 45);
  g_assert_false (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_STAFF, NULL, "045", &error));
  g_clear_error (&error);
  g_assert_false (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_STAFF, NULL, "lots", &error));
  g_clear_error (&error);
  g_assert_cmpuint (koers_project_get_organisation_staff (project), ==, 45);

  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_CAPACITY, NULL, "0.50", &error));
  g_assert_cmpstr (koers_project_get_field (project, KOERS_FIELD_ORGANISATION_CAPACITY, NULL), ==, "0.5");
  g_assert_false (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_CAPACITY, NULL, "0", &error));
  g_clear_error (&error);
  g_assert_false (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_CAPACITY, NULL, "nan", &error));
  g_clear_error (&error);
  g_assert_false (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_CAPACITY, NULL, "2,5", &error));
  g_clear_error (&error);

  /* empty text clears, as for every other field */
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_CAPACITY, NULL, "", &error));
  g_assert_cmpfloat (koers_project_get_organisation_capacity (project), ==, 0);
  g_assert_true (koers_project_set_field (project, KOERS_FIELD_ORGANISATION_KIND, NULL, NULL, &error));
  g_assert_cmpint (koers_project_get_organisation_kind (project), ==, KOERS_ORGANISATION_UNKNOWN);
}

static void
test_labels (void)
{
  for (KoersOrganisationKind k = KOERS_ORGANISATION_UNKNOWN; k <= KOERS_ORGANISATION_OTHER; k++)
    {
      KoersOrganisationKind back = KOERS_ORGANISATION_OTHER + 1;

      g_assert_true (koers_organisation_kind_from_string (koers_organisation_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
      g_assert_cmpstr (koers_organisation_kind_get_label (k), !=, "");
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/organisation/round-trip", test_round_trip);
  g_test_add_func ("/core/organisation/written-form", test_written_form);
  g_test_add_func ("/core/organisation/missing-means-unknown", test_missing_means_unknown);
  g_test_add_func ("/core/organisation/refused", test_refused);
  g_test_add_func ("/core/organisation/null-is-absent", test_null_is_absent);
  g_test_add_func ("/core/organisation/set-field", test_set_field);
  g_test_add_func ("/core/organisation/labels", test_labels);

  return g_test_run ();
}
