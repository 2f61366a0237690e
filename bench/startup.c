/* startup.c: time from spawning a GTK 4 app to its first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   startup -p first-frame.so [-n RUNS] [-t TIMEOUT_MS] -- COMMAND [ARGS…]
 *
 * Spawns COMMAND with first-frame.so (bench/first-frame-preload.c)
 * preloaded, which writes the CLOCK_MONOTONIC time of the app's first
 * GdkFrameClock::after-paint that followed a real GdkSurface::render. The
 * same clock taken just before fork() gives spawn → first frame, measured
 * the same way for any GTK 4 app, without changing it.
 *
 * Why not from the X side: XDamage on a new top-level reports damage
 * before GTK has painted anything (the server and GDK clear the window
 * when it is mapped and configured); an app killed at that "first damage"
 * had not yet emitted a single after-paint. Polling tools (xdotool search
 * --sync, every 0.5 s) are far too coarse.
 *
 * Prints one line per run and the median, in milliseconds. Each run's
 * process is stopped (SIGTERM, then SIGKILL) before the next starts.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "bench-util.h"

static void
stop (pid_t pid)
{
  int status;

  kill (pid, SIGTERM);
  for (int i = 0; i < 200; i++)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        return;
      usleep (10000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
}

static int
read_time (const char *path,
           double     *ms)
{
  FILE *file = fopen (path, "r");
  int ok;

  if (file == NULL)
    return 0;
  ok = fscanf (file, "%lf", ms) == 1;
  fclose (file);
  return ok;
}

/* Returns the milliseconds to the first frame, or a negative number. */
static double
run_once (char      **command,
          const char *preload,
          const char *report,
          int         timeout_ms)
{
  double start, painted;
  pid_t pid;
  int status;

  unlink (report);
  start = now_ms ();
  pid = fork ();
  if (pid == 0)
    {
      setenv ("LD_PRELOAD", preload, 1);
      setenv ("BENCH_FIRST_FRAME_FILE", report, 1);
      execvp (command[0], command);
      fprintf (stderr, "startup: cannot run %s: %s\n", command[0], strerror (errno));
      _exit (127);
    }

  while (now_ms () - start < timeout_ms)
    {
      if (read_time (report, &painted))
        {
          stop (pid);
          return painted - start;
        }
      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          fprintf (stderr, "startup: %s exited before drawing\n", command[0]);
          return -1;
        }
      usleep (500);
    }

  stop (pid);
  return -1;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 10, timeout_ms = 20000, opt, n_ok = 0;
  const char *preload = NULL;
  char report[] = "/tmp/startup-frame-XXXXXX";
  double *times;
  int fd;

  while ((opt = getopt (argc, argv, "p:n:t:")) != -1)
    {
      if (opt == 'p')
        preload = optarg;
      else if (opt == 'n')
        runs = atoi (optarg);
      else if (opt == 't')
        timeout_ms = atoi (optarg);
      else
        goto usage;
    }
  if (optind >= argc || runs < 1 || preload == NULL)
    goto usage;

  fd = mkstemp (report);
  if (fd < 0)
    {
      perror ("startup");
      return 1;
    }
  close (fd);

  times = calloc (runs, sizeof *times);
  for (int i = 0; i < runs; i++)
    {
      double ms = run_once (&argv[optind], preload, report, timeout_ms);

      if (ms < 0)
        printf ("run %d: no frame\n", i + 1);
      else
        {
          printf ("run %d: %.1f ms\n", i + 1, ms);
          times[n_ok++] = ms;
        }
      fflush (stdout);
      usleep (200000);
    }
  unlink (report);

  if (n_ok == 0)
    return 1;
  qsort (times, n_ok, sizeof *times, compare_doubles);
  printf ("median: %.1f ms (%d of %d runs drew)\n",
          n_ok % 2 ? times[n_ok / 2] : (times[n_ok / 2 - 1] + times[n_ok / 2]) / 2,
          n_ok, runs);
  free (times);
  return n_ok == runs ? 0 : 1;

usage:
  fprintf (stderr, "usage: startup -p first-frame.so [-n RUNS] [-t TIMEOUT_MS] -- COMMAND [ARGS…]\n");
  return 2;
}
