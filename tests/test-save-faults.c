/* test-save-faults.c: saving when the disk says no
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each fault must leave the previous file byte for byte as it was, no
 * temporary file beside it, and a message that says what happened and
 * what to do.
 */
#define _GNU_SOURCE /* unshare () */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef __linux__
#include <sched.h>
#endif

#include "koers-io.h"
#include "koers-project.h"
#include "koers-test-util.h"

#define NOBODY 65534

static KoersProject *
make_project (gsize rationale_length)
{
  g_autoptr(KoersProject) project = koers_project_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *rationale = g_strnfill (rationale_length, 'x');

  koers_project_set_field (project, KOERS_FIELD_ORGANISATION_NAME, NULL, "Woonstichting Rivierenland", &error);
  g_assert_no_error (error);
  koers_project_place (project, "pyramid", KOERS_MARKER_CURRENT, "respond", &error);
  g_assert_no_error (error);
  if (rationale_length > 0)
    {
      koers_project_set_field (project, KOERS_FIELD_RATIONALE, "pyramid", rationale, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&project);
}

/* A folder with plan.koers in it, saved by Koers. */
static char *
make_saved_project (char **file_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = make_project (0);
  g_autoptr(GFile) file = NULL;
  char *dir;

  dir = g_dir_make_tmp ("koers-save-XXXXXX", &error);
  g_assert_no_error (error);
  /* Others may look in (a test may run the save as another user). */
  g_chmod (dir, 0755);

  *file_path = g_build_filename (dir, "plan.koers", NULL);
  file = g_file_new_for_path (*file_path);
  koers_project_save_to_file (project, file, NULL, &error);
  g_assert_no_error (error);
  return dir;
}

static void
assert_only_entries (const char *dir,
                     const char *first,
                     ...)
{
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  const char *name;
  va_list args;
  guint n = 0;

  va_start (args, first);
  for (name = first; name != NULL; name = va_arg (args, const char *))
    g_ptr_array_add (expected, (gpointer) name);
  va_end (args);

  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)))
    {
      gboolean known = FALSE;

      for (guint i = 0; i < expected->len; i++)
        known |= g_str_equal (name, g_ptr_array_index (expected, i));
      if (!known)
        g_error ("unexpected “%s” left in %s", name, dir);
      n++;
    }
  g_assert_cmpuint (n, ==, expected->len);
}

static void
assert_unchanged (const char *path,
                  const char *before,
                  gsize       before_len)
{
  g_autofree char *after = NULL;
  gsize after_len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (after, after_len, before, before_len);
}

/* What and what to do: every fault message points at a way out. */
static void
assert_helpful (const GError *error)
{
  g_test_message ("message: %s", error->message);
  g_assert_true (strstr (error->message, "Choose another") != NULL ||
                 strstr (error->message, "Free some space") != NULL);
  /* A sentence, with its full stop. */
  g_assert_true (g_str_has_suffix (error->message, "."));
}

/* A private project stays private: saving over a file keeps its
 * permissions instead of giving it the default ones. */
static void
test_keeps_permissions (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = make_saved_project (&path);
  g_autoptr(KoersProject) project = make_project (10);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  koers_project_save_to_file (project, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  koers_project_save_to_file (project, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  assert_only_entries (dir, "plan.koers", NULL);
  koers_test_remove_tree (dir);
}

/* Saving through a symbolic link writes the file it points to, and the
 * link stays a link. */
static void
test_through_symlink (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = make_saved_project (&path);
  g_autofree char *link = g_build_filename (dir, "link.koers", NULL);
  g_autoptr(KoersProject) project = make_project (10);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *target = NULL;
  g_autofree char *written = NULL;
  gsize written_len = 0;

  g_assert_cmpint (symlink ("plan.koers", link), ==, 0);
  koers_project_save_to_file (project, file, NULL, &error);
  g_assert_no_error (error);

  target = g_file_read_link (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (target, ==, "plan.koers");
  g_file_get_contents (path, &written, &written_len, &error);
  g_assert_no_error (error);
  /* After the save: it stamps the project. */
  expected = koers_project_to_bytes (project);
  g_assert_cmpmem (written, written_len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  assert_only_entries (dir, "plan.koers", "link.koers", NULL);
  koers_test_remove_tree (dir);
}

/* (a) The folder was removed while the project was open. */
static void
test_folder_removed (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = make_saved_project (&path);
  g_autoptr(KoersProject) project = make_project (100);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *modified = NULL;

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  modified = g_strdup (koers_project_get_modified (project));
  g_assert_false (koers_project_save_to_file (project, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, dir));
  assert_helpful (error);

  /* Nothing was created: not the folder, not a file. */
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  /* A failed save does not pretend the project was saved. */
  g_assert_cmpstr (koers_project_get_modified (project), ==, modified);
}

/* (b) A folder the user may not write in. As root, permissions do not
 * apply, so the save runs in a child that became "nobody". */
static void
test_read_only_folder (void)
{
  const char *dir = g_getenv ("KOERS_TEST_DIR");

  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (dir, "plan.koers", NULL);
      g_autoptr(KoersProject) project = make_project (100);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      if (getuid () == 0)
        {
          g_assert_cmpint (setgroups (0, NULL), ==, 0);
          g_assert_cmpint (setgid (NOBODY), ==, 0);
          g_assert_cmpint (setuid (NOBODY), ==, 0);
        }

      g_assert_false (koers_project_save_to_file (project, file, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, dir));
      assert_helpful (error);
      return;
    }
  else
    {
      g_autofree char *path = NULL;
      g_autofree char *saved = make_saved_project (&path);
      g_autofree char *before = NULL;
      gsize before_len;

      g_file_get_contents (path, &before, &before_len, NULL);
      g_assert_cmpint (g_chmod (saved, 0555), ==, 0);
      g_setenv ("KOERS_TEST_DIR", saved, TRUE);

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();

      assert_unchanged (path, before, before_len);
      assert_only_entries (saved, "plan.koers", NULL);
      koers_test_remove_tree (saved);
    }
}

/* (c) The file cannot grow: RLIMIT_FSIZE makes write() fail with EFBIG
 * half-way, the way a quota or a FAT32 stick does. */
static void
test_file_too_large (void)
{
  const char *dir = g_getenv ("KOERS_TEST_DIR");

  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (dir, "plan.koers", NULL);
      g_autoptr(KoersProject) project = make_project (64 * 1024);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 4096, 4096 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (koers_project_save_to_file (project, file, NULL, &error));
      g_assert_true (error->domain == G_IO_ERROR);
      g_assert_nonnull (strstr (error->message, "unchanged"));
      assert_helpful (error);
      return;
    }
  else
    {
      g_autofree char *path = NULL;
      g_autofree char *saved = make_saved_project (&path);
      g_autofree char *before = NULL;
      gsize before_len;

      g_file_get_contents (path, &before, &before_len, NULL);
      g_setenv ("KOERS_TEST_DIR", saved, TRUE);

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();

      assert_unchanged (path, before, before_len);
      assert_only_entries (saved, "plan.koers", NULL);
      koers_test_remove_tree (saved);
    }
}

#ifdef __linux__
/* Can this process mount a small tmpfs in a mount namespace of its own? */
static gboolean
can_mount_tmpfs (const char *where)
{
  pid_t pid = fork ();
  int status;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (unshare (CLONE_NEWNS) == 0 &&
           mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0 &&
           mount ("tmpfs", where, "tmpfs", 0, "size=64k") == 0 ? 0 : 1);
  waitpid (pid, &status, 0);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}
#endif

/* (d) A disk that is really full: a 256 KiB tmpfs, filled up. */
static void
test_disk_full (void)
{
#ifdef __linux__
  const char *dir = g_getenv ("KOERS_TEST_DIR");

  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (dir, "plan.koers", NULL);
      g_autofree char *filler = g_build_filename (dir, "filler", NULL);
      g_autoptr(KoersProject) first = make_project (0);
      g_autoptr(KoersProject) project = make_project (8 * 1024);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      gsize before_len;
      char block[4096] = { 0 };
      int fd;

      g_assert_cmpint (unshare (CLONE_NEWNS), ==, 0);
      g_assert_cmpint (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), ==, 0);
      g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", 0, "size=256k"), ==, 0);

      koers_project_save_to_file (first, file, NULL, &error);
      g_assert_no_error (error);
      g_file_get_contents (path, &before, &before_len, NULL);

      fd = g_open (filler, O_WRONLY | O_CREAT, 0644);
      g_assert_cmpint (fd, >=, 0);
      while (write (fd, block, sizeof block) > 0)
        ;
      g_assert_cmpint (errno, ==, ENOSPC);
      close (fd);

      g_assert_false (koers_project_save_to_file (project, file, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      assert_helpful (error);

      assert_unchanged (path, before, before_len);
      assert_only_entries (dir, "plan.koers", "filler", NULL);
      return;
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *mount_point = g_dir_make_tmp ("koers-full-XXXXXX", &error);

      g_assert_no_error (error);
      if (!can_mount_tmpfs (mount_point))
        {
          g_rmdir (mount_point);
          g_test_skip ("cannot mount a tmpfs here (needs root in a mount namespace)");
          return;
        }
      g_setenv ("KOERS_TEST_DIR", mount_point, TRUE);

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();

      koers_test_remove_tree (mount_point);
    }
#else
  g_test_skip ("needs Linux mount namespaces");
#endif
}

/* A save that works leaves exactly the new file, nothing beside it. */
static void
test_save_over (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = make_saved_project (&path);
  g_autoptr(KoersProject) project = make_project (100);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gsize after_len;

  g_assert_true (koers_project_save_to_file (project, file, NULL, &error));
  g_assert_no_error (error);
  bytes = koers_project_to_bytes (project);
  g_file_get_contents (path, &after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (after, after_len, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  assert_only_entries (dir, "plan.koers", NULL);
  koers_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/save/over-existing", test_save_over);
  g_test_add_func ("/core/save/keeps-permissions", test_keeps_permissions);
  g_test_add_func ("/core/save/through-symlink", test_through_symlink);
  g_test_add_func ("/core/save/folder-removed", test_folder_removed);
  g_test_add_func ("/core/save/read-only-folder", test_read_only_folder);
  g_test_add_func ("/core/save/file-too-large", test_file_too_large);
  g_test_add_func ("/core/save/disk-full", test_disk_full);

  return g_test_run ();
}
