/* koers-test-util.h: temporary folders and a CSV reader for the test suites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *koers_test_make_dir   (const char *prefix);
void  koers_test_remove_tree (const char *path);

GPtrArray *koers_test_parse_csv (const char  *text,
                                 char       **error);

G_END_DECLS
