/* bench-util.h: the clock and the sort every benchmark uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain C, without GLib: bench/startup.sh compiles startup.c and
 * first-frame-preload.c on their own.
 */
#pragma once

#include <stdlib.h>
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

/* The sample at fraction @p of the way from the smallest to the largest
 * of @n (sorts @samples): 0.5 is the median, 1.0 the largest. */
static inline double
percentile_of (double       *samples,
               unsigned int  n,
               double        p)
{
  unsigned int i = (unsigned int) (p * (n - 1) + 0.5);

  qsort (samples, n, sizeof (double), compare_doubles);
  return samples[i < n - 1 ? i : n - 1];
}
