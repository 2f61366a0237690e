/* main.c: the koers binary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "koers-application.h"
#include "koers-gtk-theme.h"
#include "koers-heap.h"
#ifdef KOERS_TEST_HOOKS
#include "koers-test-hooks.h"
#endif

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KoersApplication) app = NULL;
  const char *localedir;
  int status;

  /* Before any other thread: it sets GTK_THEME for a moment. */
  koers_gtk_theme_defer ();
  /* Before anything allocates much, and before any other thread; the
   * application's startup has it faulted in (koers_heap_populate()). */
  koers_heap_prepare ();

  setlocale (LC_ALL, "");
  /* Lets an uninstalled build (build-aux/run, the tests) find its own
   * translations. */
  localedir = g_getenv ("KOERS_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = koers_application_new ();
#ifdef KOERS_TEST_HOOKS
  koers_test_hooks_install (G_APPLICATION (app));
#endif
  status = g_application_run (G_APPLICATION (app), argc, argv);

  /* GApplication answers a command line it cannot parse with 1; the
   * command line contract says 2. It got that far only if the options
   * never reached us. */
  if (status == 1 && !koers_application_options_were_handled (app))
    return 2;
  return status;
}
