/* koers-test-util.h: what several test suites share: test data, temporary
 * folders, the sanitizers' files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "koers-project.h"

G_BEGIN_DECLS

char         *koers_test_data_path    (const char *name);
char         *koers_test_example_path (const char *name);
KoersProject *koers_test_load_project (const char *path);
KoersProject *koers_test_load_data    (const char *name);
KoersProject *koers_test_load_example (const char *name);

/* A file in tests/data/ that loading must refuse, with the message it
 * must give (after "FILE: "); a table of them drives
 * koers_test_assert_refused(). */
typedef struct {
  const char *file;
  int         code;     /* a KoersFileError */
  const char *message;
} KoersTestRefusedFile;

void koers_test_assert_refused (gconstpointer refused_file);

char *koers_test_make_dir   (const char *prefix);
void  koers_test_remove_tree (const char *path);

GPtrArray *koers_test_parse_csv (const char  *text,
                                 char       **error);
gboolean koers_test_is_package (GBytes     *bytes,
                                const char *mimetype,
                                const char *member);
char *koers_test_share_lsan_suppressions   (void);
void  koers_test_unshare_lsan_suppressions (char *shared);

G_END_DECLS
