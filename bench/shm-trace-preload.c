/* shm-trace-preload.c: when cairo makes and drops shared memory with X
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loaded with LD_PRELOAD into a GTK 4 program on X11 that draws with the
 * cairo renderer (bench-canvas, Koers), it writes a line to stderr for
 * every System V shared-memory segment the process makes (shmget), maps
 * (shmat) and unmaps (shmdt), with CLOCK_MONOTONIC in milliseconds: the
 * clock bench-canvas's BENCH_FRAME_LOG uses, so the two line up.
 *
 * cairo's X11 backend copies each frame's image into such a segment for
 * the X server. It hands out parts of a pool eight times the largest
 * image asked for so far, and drops a pool the moment nothing in it is
 * used; the next image then needs a new pool, and its first use of each
 * page is a page fault. docs/performance-canvas.md shows what that costs
 * a drag.
 *
 * Build: cc -shared -fPIC -O2 -o shm-trace.so bench/shm-trace-preload.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <sys/shm.h>

#include "bench-util.h"

int
shmget (key_t  key,
        size_t size,
        int    flags)
{
  static int (*real) (key_t, size_t, int);
  int id;

  if (real == NULL)
    real = (int (*) (key_t, size_t, int)) dlsym (RTLD_NEXT, "shmget");
  id = real (key, size, flags);
  fprintf (stderr, "%.1f ms: shmget %zu bytes (%.1f MiB): segment %d\n",
           now_ms (), size, size / 1048576.0, id);
  return id;
}

void *
shmat (int         id,
       const void *address,
       int         flags)
{
  static void *(*real) (int, const void *, int);
  void *mapped;

  if (real == NULL)
    real = (void *(*) (int, const void *, int)) dlsym (RTLD_NEXT, "shmat");
  mapped = real (id, address, flags);
  fprintf (stderr, "%.1f ms: shmat segment %d at %p\n", now_ms (), id, mapped);
  return mapped;
}

int
shmdt (const void *address)
{
  static int (*real) (const void *);

  if (real == NULL)
    real = (int (*) (const void *)) dlsym (RTLD_NEXT, "shmdt");
  fprintf (stderr, "%.1f ms: shmdt %p\n", now_ms (), address);
  return real (address);
}
