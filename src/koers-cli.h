/* koers-cli.h: the headless commands of the koers binary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KOERS_CLI_CONTINUE (-1)

void koers_cli_add_options (GApplication *application);
int  koers_cli_run         (GVariantDict *options);

G_END_DECLS
