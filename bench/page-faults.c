/* page-faults.c: what a page fault costs on this machine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Touches fresh anonymous pages one by one (a page fault each), against
 * asking the kernel to fault in as many pages with one
 * madvise(MADV_POPULATE_WRITE) (Linux 5.14) and then touching them. The
 * ratio says how much src/core/koers-heap.c can save: on a machine where
 * a fault is cheap it is close to 1, on a virtual machine that traps
 * every fault it is far below.
 *
 *   bench-page-faults [PAGES] [RUNS]     (default 20000 pages, 5 runs)
 */
#define _GNU_SOURCE
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include "bench-util.h"

/* Milliseconds to touch @pages fresh pages, faulted in first if @populate. */
static double
touch (size_t pages,
       int    populate)
{
  size_t page = (size_t) sysconf (_SC_PAGESIZE);
  char *memory = mmap (NULL, pages * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  double start, end;

  if (memory == MAP_FAILED)
    {
      perror ("mmap");
      exit (1);
    }
  start = now_ms ();
#ifdef MADV_POPULATE_WRITE
  if (populate && madvise (memory, pages * page, MADV_POPULATE_WRITE) != 0)
    {
      perror ("madvise (MADV_POPULATE_WRITE)");
      exit (77);
    }
#else
  if (populate)
    exit (77);
#endif
  for (size_t i = 0; i < pages; i++)
    memory[i * page] = 1;
  end = now_ms ();
  munmap (memory, pages * page);
  return end - start;
}

int
main (int   argc,
      char *argv[])
{
  size_t pages = argc > 1 ? strtoul (argv[1], NULL, 10) : 20000;
  int runs = argc > 2 ? atoi (argv[2]) : 5;
  double *faulting, *populated;

  if (pages == 0 || runs <= 0)
    {
      fprintf (stderr, "usage: bench-page-faults [PAGES] [RUNS]\n");
      return 2;
    }
  faulting = calloc (runs, sizeof (double));
  populated = calloc (runs, sizeof (double));
  /* Taking turns, so that a machine that slows down weighs on both. */
  for (int i = 0; i < runs; i++)
    {
      faulting[i] = touch (pages, 0);
      populated[i] = touch (pages, 1);
    }
  qsort (faulting, runs, sizeof (double), compare_doubles);
  qsort (populated, runs, sizeof (double), compare_doubles);
  printf ("%zu fresh pages, median of %d runs:\n", pages, runs);
  printf ("  touched one by one (a fault each): %8.2f ms, %.2f us a page\n",
          faulting[runs / 2], faulting[runs / 2] * 1e3 / pages);
  printf ("  faulted in by one madvise first:    %8.2f ms, %.2f us a page\n",
          populated[runs / 2], populated[runs / 2] * 1e3 / pages);
  printf ("  ratio %.2f\n", populated[runs / 2] / faulting[runs / 2]);
  free (faulting);
  free (populated);
  return 0;
}
