/* koers-heap.h: the process's heap, set up for a quick start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean koers_heap_supported (void);
gboolean koers_heap_prepare   (void);
void     koers_heap_populate  (void);
void     koers_heap_wait      (void);

G_END_DECLS
