/* koers-test-util.h: temporary folders for the test suites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *koers_test_make_dir   (const char *prefix);
void  koers_test_remove_tree (const char *path);

char *koers_test_share_lsan_suppressions   (void);
void  koers_test_unshare_lsan_suppressions (char *shared);

G_END_DECLS
