/* koers-heap.c: the process's heap, set up for a quick start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page fault is a trap into the kernel, and on a virtual machine a trap
 * is dear: 11–14 µs for each fresh page on the development machine
 * (bench/page-faults.c), where asking the kernel to fault in as many
 * pages with one madvise() costs 0.8–8 µs a page, less whenever the host
 * has the memory at hand. Done by a helper thread, that work leaves the
 * main thread altogether. Virtual desktops are what many of our users
 * work on. Koers' start to its first frame touched
 * about 5,800 fresh pages: 1,500 in the heap, 2,000 in images (the
 * diagram's, and those GTK and cairo fill for a frame and free), 800 in
 * the X server's shared memory and the rest in the libraries' files.
 *
 * With glibc's allocator, koers_heap_prepare() therefore, first thing in
 * main():
 *
 *  - takes buffers of up to 32 MiB from the heap, not from a fresh
 *    mapping each time, and keeps up to 64 MiB of free heap before giving
 *    it back. glibc moves its own thresholds there once a process has
 *    freed a buffer that large; a drawing app does so from its first
 *    frame on, so it starts there;
 *  - grows the heap 16 MiB at a time;
 *  - grows it once now.
 *
 * koers_heap_populate() then has a helper thread fault that step in with
 * MADV_POPULATE_WRITE (Linux 5.14 and later; older kernels refuse, and
 * nothing else changes). The kernel holds the process's memory map for
 * the whole call, so that the main thread's own mmap() waits for it: the
 * locale's files, a thread's stack. The application therefore starts the
 * helper just before libadwaita parses its style sheet, some 20 ms of
 * work that maps nothing, and not first thing in main(), where it held
 * the main thread up for 6–8 ms (docs/performance.md).
 *
 * The cost is memory: a window holds about 7 MiB more (48.5 MiB against
 * 55.3 MiB resident, docs/performance.md). KOERS_HEAP=system leaves glibc's
 * defaults alone, to compare. Under AddressSanitizer, which brings its own
 * allocator, nothing is done.
 */
#include "config.h"

#include "koers-heap.h"

#if defined(__has_feature)
# if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#  define KOERS_HEAP_SANITIZED 1
# endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
# define KOERS_HEAP_SANITIZED 1
#endif

#if defined(__GLIBC__) && !defined(KOERS_HEAP_SANITIZED)
# if __GLIBC_PREREQ(2, 33)
#  define KOERS_HEAP_TUNED 1
# endif
#endif

#ifdef KOERS_HEAP_TUNED
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#define KOERS_HEAP_STEP (16 << 20)
#define KOERS_HEAP_MMAP_THRESHOLD (32 << 20)
#define KOERS_HEAP_TRIM_THRESHOLD (64 << 20)

static GThread *populating;
static char *populate_start;
static gsize populate_length;

static gpointer
populate (gpointer data)
{
#ifdef MADV_POPULATE_WRITE
  /* The pages are only faulted in, never written: malloc may hand them
   * out meanwhile. A range the heap no longer covers just ends the call. */
  madvise (populate_start, populate_length, MADV_POPULATE_WRITE);
#endif
  return NULL;
}
#endif

/**
 * koers_heap_supported:
 *
 * Returns: whether koers_heap_prepare() can do anything in this build:
 *   glibc's allocator, and no sanitizer's
 */
gboolean
koers_heap_supported (void)
{
#ifdef KOERS_HEAP_TUNED
  return TRUE;
#else
  return FALSE;
#endif
}

/**
 * koers_heap_prepare:
 *
 * Sets the allocator up and grows the heap, as the file's comment says.
 * Call it first thing in main(), before any other thread exists; then
 * koers_heap_populate().
 *
 * Returns: whether anything was changed (glibc, no sanitizer, and
 *   KOERS_HEAP is not "system")
 */
gboolean
koers_heap_prepare (void)
{
#ifdef KOERS_HEAP_TUNED
  void * volatile grow;
  char *end;
  gsize arena;
  gsize page;

  if (g_strcmp0 (g_getenv ("KOERS_HEAP"), "system") == 0)
    return FALSE;

  if (!mallopt (M_MMAP_THRESHOLD, KOERS_HEAP_MMAP_THRESHOLD) ||
      !mallopt (M_TRIM_THRESHOLD, KOERS_HEAP_TRIM_THRESHOLD) ||
      !mallopt (M_TOP_PAD, KOERS_HEAP_STEP))
    return FALSE;

  /* One block larger than what is left at the top makes the heap grow by
   * a step now. Volatile, or the compiler drops a malloc() that is only
   * freed. */
  grow = malloc (mallinfo2 ().keepcost + 65536);
  free (grow);

  end = sbrk (0);
  arena = mallinfo2 ().arena;
  page = (gsize) sysconf (_SC_PAGESIZE);
  if (end == (char *) -1 || arena == 0 || arena > (guintptr) end)
    return TRUE;

  /* The heap is [end - arena, end) while it is one piece; if it is not,
   * madvise() fails on what is not mapped, and that is all. */
  populate_start = (char *) (((guintptr) (end - arena) + page - 1) & ~(guintptr) (page - 1));
  if (populate_start >= end)
    return TRUE;
  populate_length = (gsize) (end - populate_start);
  return TRUE;
#else
  return FALSE;
#endif
}

/**
 * koers_heap_populate:
 *
 * Starts the helper that faults in the heap koers_heap_prepare() grew,
 * once; does nothing when it grew nothing. Call it before a stretch of
 * work that allocates much and maps nothing.
 */
void
koers_heap_populate (void)
{
#ifdef KOERS_HEAP_TUNED
  static gboolean started;

  if (populate_length > 0 && !started)
    {
      started = TRUE;
      populating = g_thread_try_new ("koers-heap", populate, NULL, NULL);
    }
#endif
}

/**
 * koers_heap_wait:
 *
 * Waits until the helper that koers_heap_populate() started is done. The
 * app never needs to; the tests do.
 */
void
koers_heap_wait (void)
{
#ifdef KOERS_HEAP_TUNED
  if (populating != NULL)
    g_thread_join (g_steal_pointer (&populating));
#endif
}
