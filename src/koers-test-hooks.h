/* koers-test-hooks.h: hooks for the tests, in koers-test only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void koers_test_hooks_install (GApplication *app);

G_END_DECLS
