/* koers-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-session"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "koers-session.h"

#define SETTINGS_SCHEMA_ID "io.github.koersapp.Koers"
#define KOERS_MIME_TYPE    "application/x-koers"
#define HELP_WEB_DIR       "https://github.com/koersapp/koers/blob/main/docs"

/* The recent files: GTK's manager reads its whole list (every app's
 * files, often hundreds) and watches the file when it starts, about as
 * much work as building the window. Nothing needs it before the first
 * frame, so a window starts it after its own (koers_session_start_recent());
 * until then the menu is empty and files to add wait here. */
static GMenu *recent_menu;
static gboolean recent_started;
static GPtrArray *recent_pending;

/**
 * koers_session_get_drafts:
 *
 * The drafts store of this process. `KOERS_DRAFTS_DIR` names another
 * folder than `$XDG_STATE_HOME/koers/drafts`: the tests keep their drafts
 * in a temporary folder, never in the user's.
 *
 * Returns: (transfer none): the drafts store every window writes to
 */
KoersDrafts *
koers_session_get_drafts (void)
{
  static KoersDrafts *drafts;

  if (g_once_init_enter (&drafts))
    {
      const char *dir = g_getenv ("KOERS_DRAFTS_DIR");
      KoersDrafts *store;

      if (dir != NULL && *dir != '\0')
        {
          g_autoptr(GFile) directory = g_file_new_for_path (dir);

          store = koers_drafts_new_for_directory (directory);
        }
      else
        store = koers_drafts_new ();
      g_once_init_leave (&drafts, store);
    }
  return drafts;
}

/**
 * koers_session_get_settings:
 *
 * An uninstalled build may run without its schema installed: then there
 * are no settings, and every caller works with the defaults rather than
 * letting g_settings_new() abort.
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL
 */
GSettings *
koers_session_get_settings (void)
{
  static GSettings *settings;
  static gsize checked;

  if (g_once_init_enter (&checked))
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
      if (schema != NULL)
        settings = g_settings_new_full (schema, NULL, NULL);
      else
        g_debug ("Schema %s is not installed: working with the defaults", SETTINGS_SCHEMA_ID);
      g_once_init_leave (&checked, 1);
    }
  return settings;
}

static gboolean
has_string_key (GSettings  *settings,
                const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return FALSE;
  schema_key = g_settings_schema_get_key (schema, key);
  return g_variant_type_equal (g_settings_schema_key_get_value_type (schema_key), G_VARIANT_TYPE_STRING);
}

/**
 * koers_session_dup_last_folder:
 *
 * Returns: (transfer full) (nullable): the folder a chooser last opened,
 *   saved or exported in, if it is still there
 */
GFile *
koers_session_dup_last_folder (void)
{
  GSettings *settings = koers_session_get_settings ();
  g_autofree char *text = NULL;
  g_autoptr(GFile) folder = NULL;

  if (settings == NULL || !has_string_key (settings, "last-folder"))
    return NULL;
  text = g_settings_get_string (settings, "last-folder");
  if (*text == '\0')
    return NULL;
  /* A URI, as the schema says; a path works too. */
  folder = g_file_new_for_commandline_arg (text);
  if (g_file_is_native (folder) &&
      g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    return NULL;
  return g_steal_pointer (&folder);
}

/**
 * koers_session_set_last_folder:
 * @folder: (nullable): the folder a chooser was just used in
 */
void
koers_session_set_last_folder (GFile *folder)
{
  GSettings *settings = koers_session_get_settings ();
  g_autofree char *uri = NULL;

  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  if (folder == NULL || settings == NULL || !has_string_key (settings, "last-folder"))
    return;
  uri = g_file_get_uri (folder);
  g_settings_set_string (settings, "last-folder", uri);
}

/* --- recent projects ------------------------------------------------------ */

static gboolean
is_project_info (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);
  const char *mime = gtk_recent_info_get_mime_type (info);
  g_autofree char *lower = g_ascii_strdown (uri, -1);

  return (g_strcmp0 (mime, KOERS_MIME_TYPE) == 0 || g_str_has_suffix (lower, ".koers")) &&
         gtk_recent_info_exists (info);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo * const *) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo * const *) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

/**
 * koers_session_add_recent:
 * @file: a project just opened or saved
 */
void
koers_session_add_recent (GFile *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = {
    .mime_type = (char *) KOERS_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "koers %u",
  };

  g_return_if_fail (G_IS_FILE (file));

  if (!recent_started)
    {
      if (recent_pending == NULL)
        recent_pending = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (recent_pending, g_object_ref (file));
      return;
    }

  if (data.app_name == NULL)
    data.app_name = (char *) "Koers";
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/**
 * koers_session_list_recent:
 * @max: how many at most
 *
 * Starts the recent files manager if no window has yet.
 *
 * Returns: (transfer full) (element-type GFile): the projects opened or
 *   saved last, newest first, that are still there
 */
GPtrArray *
koers_session_list_recent (guint max)
{
  GList *items;
  g_autoptr(GPtrArray) infos = g_ptr_array_new ();
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  /* Whoever asks wants the files added so far among them. */
  koers_session_start_recent ();
  items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());

  for (GList *l = items; l != NULL; l = l->next)
    if (is_project_info (l->data))
      g_ptr_array_add (infos, l->data);
  g_ptr_array_sort (infos, compare_newest_first);

  for (guint i = 0; i < infos->len && files->len < max; i++)
    g_ptr_array_add (files, g_file_new_for_uri (gtk_recent_info_get_uri (g_ptr_array_index (infos, i))));

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  return files;
}

static char *
escape_underscores (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

/**
 * koers_session_dup_recent_label:
 * @file: a project file
 *
 * Two projects of the same name in different folders must not look
 * alike: the name, then its folder, the home folder written as "~", as
 * GNOME's own apps show recent files.
 *
 * Returns: (transfer full): "plan.koers — ~/Clients/Rivierenland"
 */
char *
koers_session_dup_recent_label (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) home = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  parent = g_file_get_parent (file);
  if (parent == NULL)
    return g_steal_pointer (&name);
  home = g_file_new_for_path (g_get_home_dir ());
  if (g_file_equal (parent, home))
    folder = g_strdup ("~");
  else if (g_file_has_prefix (parent, home))
    {
      g_autofree char *relative = g_file_get_relative_path (home, parent);

      folder = g_build_filename ("~", relative, NULL);
    }
  else
    folder = g_file_get_parse_name (parent);
  /* TRANSLATORS: a recent project: its file name, then its folder */
  return g_strdup_printf (_("%s — %s"), name, folder);
}

static void
rebuild_recent_menu (void)
{
  g_autoptr(GPtrArray) files = NULL;

  if (recent_menu == NULL || !recent_started)
    return;
  files = koers_session_list_recent (KOERS_RECENT_MAX);
  g_menu_remove_all (recent_menu);
  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *text = koers_session_dup_recent_label (file);
      g_autofree char *label = escape_underscores (text);
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (uri));
      g_menu_append_item (recent_menu, item);
    }
  /* An item without an action shows greyed out: the menu says why it is
   * empty rather than being an empty popover. */
  if (files->len == 0)
    g_menu_append (recent_menu, _("No Recent Projects"), NULL);
}

/**
 * koers_session_get_recent_menu:
 *
 * One menu for every window, kept up to date with the recent files once
 * koers_session_start_recent() has been called; empty before.
 *
 * Returns: (transfer none): the last %KOERS_RECENT_MAX projects, each
 *   item activating "win.open-recent" with the file's URI
 */
GMenuModel *
koers_session_get_recent_menu (void)
{
  if (recent_menu == NULL)
    {
      recent_menu = g_menu_new ();
      rebuild_recent_menu ();
    }
  return G_MENU_MODEL (recent_menu);
}

/**
 * koers_session_start_recent:
 *
 * Starts GTK's recent files manager: adds the files opened or saved so
 * far, and fills the recent menu and keeps it up to date. A window calls
 * it after its first frame; calling it again does nothing.
 */
void
koers_session_start_recent (void)
{
  g_autoptr(GPtrArray) pending = g_steal_pointer (&recent_pending);

  if (recent_started)
    return;
  recent_started = TRUE;
  g_signal_connect (gtk_recent_manager_get_default (), "changed",
                    G_CALLBACK (rebuild_recent_menu), NULL);
  for (guint i = 0; pending != NULL && i < pending->len; i++)
    koers_session_add_recent (g_ptr_array_index (pending, i));
  rebuild_recent_menu ();
}

/* The guides docs/meson.build builds beside the English one. The web has
 * no folder to look in, so the fallback needs the list. */
static const char * const translated_guides[] = { "nl", NULL };

/* English is the guide without a language in its name: "C", "en",
 * "en_GB.UTF-8", "en@shaw". */
static gboolean
language_is_english (const char *language)
{
  if (g_str_equal (language, "C") || g_str_equal (language, "POSIX"))
    return TRUE;
  return g_str_has_prefix (language, "en") && strchr ("_.@", language[2]) != NULL;
}

/**
 * koers_session_find_help_uri:
 * @doc_dirs: folders that may hold the guides, most wanted first
 * @languages: the user's languages, most wanted first, as
 *   g_get_language_names() gives them
 *
 * Picks the guide in the first of @languages that has one: the installed
 * `user-guide.LANG.html` (`user-guide.html` for English), else the one on
 * the web. A language without a guide is passed over, so `nl_NL.UTF-8`
 * finds the guide of `nl` further down the list.
 *
 * Returns: (transfer full): a file or https URI
 */
char *
koers_session_find_help_uri (const char * const *doc_dirs,
                             const char * const *languages)
{
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *name = NULL;

      /* LANGUAGE comes from the user, but it must never name a path. */
      if (strchr (languages[i], G_DIR_SEPARATOR) != NULL || languages[i][0] == '\0')
        continue;
      if (language_is_english (languages[i]))
        name = g_strdup ("user-guide.html");
      else
        name = g_strdup_printf ("user-guide.%s.html", languages[i]);
      for (guint d = 0; doc_dirs[d] != NULL; d++)
        {
          g_autofree char *path = g_build_filename (doc_dirs[d], name, NULL);

          if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
            return g_filename_to_uri (path, NULL, NULL);
        }
    }

  /* Not installed (an uninstalled build): the same choice on the web. */
  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (language_is_english (languages[i]))
        break;
      if (g_strv_contains (translated_guides, languages[i]))
        return g_strdup_printf ("%s/user-guide.%s.md", HELP_WEB_DIR, languages[i]);
    }
  return g_strdup (HELP_WEB_DIR "/user-guide.md");
}

/**
 * koers_session_dup_help_uri:
 *
 * Returns: (transfer full): the installed user guide in the user's
 *   language (or English), or the one on the web when it is not installed
 *   (an uninstalled build)
 */
char *
koers_session_dup_help_uri (void)
{
  const char * const *system_dirs = g_get_system_data_dirs ();
  g_autoptr(GPtrArray) doc_dirs = g_ptr_array_new_with_free_func (g_free);

  /* Where this build installs it first, then wherever the system keeps
   * data (a relocated install). */
  g_ptr_array_add (doc_dirs, g_strdup (DOCDIR));
  for (guint i = 0; system_dirs[i] != NULL; i++)
    g_ptr_array_add (doc_dirs, g_build_filename (system_dirs[i], "doc", "koers", NULL));
  g_ptr_array_add (doc_dirs, NULL);

  return koers_session_find_help_uri ((const char * const *) doc_dirs->pdata,
                                      g_get_language_names ());
}
