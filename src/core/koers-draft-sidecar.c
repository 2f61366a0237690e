/* koers-draft-sidecar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidecar is JSON:
 *   {"uri": …, "saved": …, "stamp": …, "pid": …, "boot": …, "start": …}
 * "uri" is null for a project never saved; "saved" is ISO 8601 in UTC;
 * "stamp" is the original file's etag, or time and size; "boot" is the
 * kernel's boot id and "start" the writing process's start time in clock
 * ticks since boot (field 22 of /proc/PID/stat).
 */
#define G_LOG_DOMAIN "koers-drafts"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "koers-draft-sidecar.h"
#include "koers-error.h"

/* --- the process that owns a draft -------------------------------------- */

static char *
read_trimmed (const char *path)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  return g_strstrip (g_steal_pointer (&text));
}

/* The boot id tells a draft of an earlier boot apart, whatever its pid. */
static const char *
get_boot_id (void)
{
  static char *boot_id = NULL;

  if (g_once_init_enter (&boot_id))
    {
      char *id = read_trimmed ("/proc/sys/kernel/random/boot_id");

      g_once_init_leave (&boot_id, id != NULL ? id : g_strdup (""));
    }
  return boot_id;
}

/* Field 22 of /proc/PID/stat, the start time in clock ticks since boot: a
 * pid reused by another process has another start time. Also reports a
 * zombie, which kill(pid, 0) still finds. */
static char *
get_process_start (gint64    pid,
                   gboolean *zombie)
{
  g_autofree char *path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/stat", pid);
  g_autofree char *stat = read_trimmed (path);
  g_auto(GStrv) fields = NULL;
  const char *after_comm;

  if (zombie != NULL)
    *zombie = FALSE;
  if (stat == NULL || !(after_comm = strrchr (stat, ')')) || after_comm[1] == '\0')
    return NULL;

  /* After "pid (comm)": field 3 (state) is fields[0], field 22 is fields[19]. */
  fields = g_strsplit (after_comm + 2, " ", 21);
  if (g_strv_length (fields) < 21)
    return NULL;
  if (zombie != NULL)
    *zombie = fields[0][0] == 'Z' || fields[0][0] == 'X';
  return g_strdup (fields[19]);
}

/**
 * koers_draft_sidecar_owner_is_gone:
 *
 * Whether the process that wrote the draft has ended: it ran in another
 * boot, or its pid is gone, a zombie, or another process's now.
 */
gboolean
koers_draft_sidecar_owner_is_gone (const KoersDraftSidecar *sidecar)
{
  gint64 pid = sidecar->info.pid;
  const char *boot = sidecar->boot;
  const char *start = sidecar->start;
  g_autofree char *now_start = NULL;
  gboolean zombie = FALSE;

  if (boot != NULL && *boot != '\0' && *get_boot_id () != '\0' &&
      !g_str_equal (boot, get_boot_id ()))
    return TRUE;

  if (pid == (gint64) getpid ())
    return FALSE;

  if (pid <= 0 || pid > G_MAXINT)
    return TRUE;

  if (kill ((pid_t) pid, 0) == -1 && errno == ESRCH)
    return TRUE;

  now_start = get_process_start (pid, &zombie);
  if (zombie)
    return TRUE;
  if (start != NULL && now_start != NULL && !g_str_equal (start, now_start))
    return TRUE;

  return FALSE;
}

/* --- the file ------------------------------------------------------------ */

/**
 * koers_draft_sidecar_to_bytes:
 * @uri: (nullable): the file the draft belongs to
 * @stamp: (nullable): the file's stamp as the document last saw it
 *
 * Returns: (transfer full): the sidecar of a draft this process writes now
 */
GBytes *
koers_draft_sidecar_to_bytes (const char *uri,
                              const char *stamp)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *start = get_process_start (getpid (), NULL);
  char *text;
  gsize len;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uri");
  if (uri != NULL)
    json_builder_add_string_value (builder, uri);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "saved");
  json_builder_add_string_value (builder, saved);
  if (stamp != NULL)
    json_builder_add_string_value (json_builder_set_member_name (builder, "stamp"), stamp);
  json_builder_set_member_name (builder, "pid");
  json_builder_add_int_value (builder, getpid ());
  json_builder_set_member_name (builder, "boot");
  json_builder_add_string_value (builder, get_boot_id ());
  if (start != NULL)
    {
      json_builder_set_member_name (builder, "start");
      json_builder_add_string_value (builder, start);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &len);
  return g_bytes_new_take (text, len);
}

void
koers_draft_sidecar_clear (KoersDraftSidecar *sidecar)
{
  g_clear_pointer (&sidecar->info.id, g_free);
  g_clear_pointer (&sidecar->info.uri, g_free);
  g_clear_pointer (&sidecar->info.saved, g_free);
  g_clear_pointer (&sidecar->info.stamp, g_free);
  g_clear_pointer (&sidecar->boot, g_free);
  g_clear_pointer (&sidecar->start, g_free);
}

static const char *
get_optional_string (JsonObject *object,
                     const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* json-glib 1.6 turns an escape such as "\300" into a byte that is not
 * UTF-8; such a sidecar was not written by Koers, and its text must not
 * reach a dialog. */
static gboolean
strings_are_text (JsonObject *object)
{
  static const char * const members[] = { "uri", "saved", "stamp", "boot", "start" };

  for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *value = get_optional_string (object, members[i]);

      if (value != NULL && !g_utf8_validate (value, -1, NULL))
        return FALSE;
    }
  return TRUE;
}

/* Always FALSE, so that a caller can return it. */
static gboolean
set_damaged (GError **error)
{
  g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_NOT_PROJECT,
               _("The details of this safety copy are damaged, so Koers cannot tell which file it belongs to."));
  return FALSE;
}

/**
 * koers_draft_sidecar_parse:
 * @sidecar: an empty sidecar to fill
 * @draft_id: the draft the sidecar is of
 * @bytes: the sidecar file's contents
 *
 * Returns: %TRUE, or %FALSE with @error saying that the details are
 *   damaged, when they are not what Koers writes
 */
gboolean
koers_draft_sidecar_parse (KoersDraftSidecar  *sidecar,
                           const char         *draft_id,
                           GBytes             *bytes,
                           GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  JsonNode *pid;
  const char *uri;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), NULL) ||
      !(root = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_OBJECT (root))
    return set_damaged (error);

  object = json_node_get_object (root);
  pid = json_object_get_member (object, "pid");
  if (pid == NULL || json_node_get_value_type (pid) != G_TYPE_INT64 ||
      get_optional_string (object, "saved") == NULL || !strings_are_text (object))
    return set_damaged (error);
  /* Koers writes the file's URI; anything else names no file. */
  uri = get_optional_string (object, "uri");
  if (uri != NULL && !g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL))
    return set_damaged (error);

  sidecar->info.id = g_strdup (draft_id);
  sidecar->info.uri = g_strdup (uri);
  sidecar->info.saved = g_strdup (get_optional_string (object, "saved"));
  sidecar->info.stamp = g_strdup (get_optional_string (object, "stamp"));
  sidecar->info.pid = json_node_get_int (pid);
  sidecar->boot = g_strdup (get_optional_string (object, "boot"));
  sidecar->start = g_strdup (get_optional_string (object, "start"));
  return TRUE;
}
