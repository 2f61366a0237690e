/* test-help.c: F1 opens the user guide in the user's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The guides live in a temporary folder; LANGUAGE says which one the user
 * reads. No window is needed.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "koers-session.h"
#include "koers-test-util.h"

#define WEB "https://github.com/koersapp/koers/blob/main/docs/"

static char *data_dir;

static char *
guide_uri (const char *name)
{
  g_autofree char *path = g_build_filename (data_dir, "doc", "koers", name, NULL);

  return g_filename_to_uri (path, NULL, NULL);
}

/* What F1 opens when LANGUAGE is @language and the guides are in @dir. */
static char *
pick (const char *dir,
      const char *language)
{
  const char *dirs[] = { dir, NULL };

  g_setenv ("LANGUAGE", language, TRUE);
  return koers_session_find_help_uri (dirs, g_get_language_names ());
}

static void
test_installed (void)
{
  g_autofree char *dir = g_build_filename (data_dir, "doc", "koers", NULL);
  g_autofree char *english = guide_uri ("user-guide.html");
  g_autofree char *dutch = guide_uri ("user-guide.nl.html");
  struct { const char *language; const char *expected; } cases[] = {
    { "nl", dutch },
    { "nl_NL.UTF-8", dutch },
    { "nl_BE", dutch },
    { "de", english },
    { "de_DE:nl", dutch },      /* German has no guide, Dutch comes next */
    { "en_GB:nl", english },    /* English is wanted before Dutch */
    { "C", english },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *uri = pick (dir, cases[i].language);

      g_test_message ("LANGUAGE=%s", cases[i].language);
      g_assert_cmpstr (uri, ==, cases[i].expected);
    }
}

static void
test_not_installed (void)
{
  g_autofree char *empty = koers_test_make_dir ("koers-help-empty");
  struct { const char *language; const char *expected; } cases[] = {
    { "nl_NL.UTF-8", WEB "user-guide.nl.md" },
    { "de", WEB "user-guide.md" },
    { "en:nl", WEB "user-guide.md" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *uri = pick (empty, cases[i].language);

      g_test_message ("LANGUAGE=%s", cases[i].language);
      g_assert_cmpstr (uri, ==, cases[i].expected);
    }
  koers_test_remove_tree (empty);
}

/* A language is a name, never a way out of the folder. */
static void
test_language_is_no_path (void)
{
  g_autofree char *dir = g_build_filename (data_dir, "doc", "koers", NULL);
  g_autofree char *english = guide_uri ("user-guide.html");
  const char *dirs[] = { dir, NULL };
  const char *languages[] = { "x/y", "", "C", NULL };
  g_autofree char *uri = koers_session_find_help_uri (dirs, languages);

  g_assert_cmpstr (uri, ==, english);
}

/* The real F1 looks in the system's data folders as well. */
static void
test_session (void)
{
  g_autofree char *uri = NULL;

  g_setenv ("LANGUAGE", "nl", TRUE);
  uri = koers_session_dup_help_uri ();
  g_assert_true (g_str_has_prefix (uri, "file:///"));
  g_assert_true (g_str_has_suffix (uri, "/doc/koers/user-guide.nl.html"));
  g_clear_pointer (&uri, g_free);

  g_setenv ("LANGUAGE", "de", TRUE);
  uri = koers_session_dup_help_uri ();
  g_assert_true (g_str_has_prefix (uri, "file:///"));
  g_assert_true (g_str_has_suffix (uri, "/doc/koers/user-guide.html"));
}

static void
write_guide (const char *name)
{
  g_autofree char *path = g_build_filename (data_dir, "doc", "koers", name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "<!DOCTYPE html>\n", -1, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *doc_dir = NULL;
  g_autofree char *odd_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Before anything asks GLib for the system's data folders. */
  data_dir = koers_test_make_dir ("koers-help");
  g_setenv ("XDG_DATA_DIRS", data_dir, TRUE);
  doc_dir = g_build_filename (data_dir, "doc", "koers", NULL);
  g_assert_cmpint (g_mkdir_with_parents (doc_dir, 0700), ==, 0);
  write_guide ("user-guide.html");
  write_guide ("user-guide.nl.html");
  /* What "x/y" would reach if it were taken as a name. */
  odd_dir = g_build_filename (doc_dir, "user-guide.x", NULL);
  g_assert_cmpint (g_mkdir_with_parents (odd_dir, 0700), ==, 0);
  write_guide ("user-guide.x/y.html");

  g_test_add_func ("/help/installed", test_installed);
  g_test_add_func ("/help/not-installed", test_not_installed);
  g_test_add_func ("/help/language-is-no-path", test_language_is_no_path);
  g_test_add_func ("/help/session", test_session);
  status = g_test_run ();
  koers_test_remove_tree (data_dir);
  g_clear_pointer (&data_dir, g_free);
  return status;
}
