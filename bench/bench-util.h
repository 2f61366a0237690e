/* bench-util.h: the clock and the sort every benchmark uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain C, without GLib: bench/startup.sh compiles startup.c and
 * first-frame-preload.c on their own.
 */
#pragma once

#include <time.h>

/* Milliseconds on the monotonic clock. */
static inline double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* For qsort() and g_array_sort() of doubles, smallest first. */
static inline int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}
