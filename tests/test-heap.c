/* test-heap.c: the heap set up for a quick start (koers-heap.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case that sets the heap up runs in a subprocess of its own: the
 * settings are the whole process's.
 */
#define _GNU_SOURCE
#include "config.h"

#include <string.h>
#include <glib.h>

#include "koers-heap.h"

#ifdef __GLIBC__
#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

static long
minor_faults (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_minflt;
}

/* Whether this kernel can fault pages in on request (Linux 5.14). */
static gboolean
kernel_populates (void)
{
#ifdef MADV_POPULATE_WRITE
  gsize size = 4 * (gsize) sysconf (_SC_PAGESIZE);
  void *pages = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  gboolean ok;

  g_assert_true (pages != MAP_FAILED);
  ok = madvise (pages, size, MADV_POPULATE_WRITE) == 0;
  munmap (pages, size);
  return ok;
#else
  return FALSE;
#endif
}

/* Fresh memory handed out after the set-up costs (next to) no page
 * faults, and a buffer of a window's size comes from the heap. */
static void
test_prepared (void)
{
  if (g_test_subprocess ())
    {
      gsize mapped;
      long before;
      char *blocks[8];
      gboolean populates = kernel_populates ();

      g_assert_true (koers_heap_prepare ());

      /* Grown, not faulted in yet: that waits for koers_heap_populate(),
       * which the application calls once its early mmap()s are done. */
      before = minor_faults ();
      blocks[0] = g_malloc (1 << 20);
      memset (blocks[0], 0x5a, 1 << 20);
      g_assert_cmpint (minor_faults () - before, >, 128);
      g_free (blocks[0]);

      koers_heap_populate ();
      koers_heap_wait ();

      /* 8 × 1 MiB, written: 2,048 pages. */
      before = minor_faults ();
      for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
        {
          blocks[i] = g_malloc (1 << 20);
          memset (blocks[i], 0x5a, 1 << 20);
        }
      if (populates)
        g_assert_cmpint (minor_faults () - before, <, 64);
      for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
        g_free (blocks[i]);

      /* An image of 1100 × 760 pixels is taken from the heap, and given
       * back to it. */
      mapped = mallinfo2 ().hblkhd;
      blocks[0] = g_malloc (1100 * 760 * 4);
      g_assert_cmpuint (mallinfo2 ().hblkhd, ==, mapped);
      g_free (blocks[0]);
      return;
    }
  if (!koers_heap_supported ())
    {
      g_test_skip ("the heap is not set up in this build (a sanitizer's allocator)");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The same without the set-up: the test above can fail. */
static void
test_system (void)
{
  if (g_test_subprocess ())
    {
      long before;
      char *blocks[32];

      g_setenv ("KOERS_HEAP", "system", TRUE);
      g_assert_false (koers_heap_prepare ());
      koers_heap_populate ();
      koers_heap_wait ();

      /* 32 × 256 KiB: each its own mapping with glibc's defaults, none
       * large enough for the kernel to back with one huge page. */
      before = minor_faults ();
      for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
        {
          blocks[i] = g_malloc (256 << 10);
          memset (blocks[i], 0x5a, 256 << 10);
        }
      g_assert_cmpint (minor_faults () - before, >, 1024);
      for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
        g_free (blocks[i]);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#ifdef __GLIBC__
  g_test_add_func ("/core/heap/prepared", test_prepared);
  g_test_add_func ("/core/heap/system", test_system);
#endif
  return g_test_run ();
}
