/* koers-window-files.c: open, save, closing and dropped files, so no work is lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document (koers-document.c) saves, keeps drafts and knows whether
 * there are unsaved changes; the window asks where to save, says what
 * happened and asks before it closes on unsaved changes. The next start
 * offers a draft left by a crash back (see koers-application.c).
 */
#define G_LOG_DOMAIN "koers-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "koers-file-chooser.h"
#include "koers-session.h"
#include "koers-window-private.h"

/* --- helpers ------------------------------------------------------------ */

static const char *
organisation_or_unnamed (KoersProject *project)
{
  const char *name = koers_project_get_organisation_name (project);

  return name != NULL && *name != '\0' ? name : _("Unnamed organisation");
}

/* --- saving ------------------------------------------------------------- */


static void
save_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        KoersWindow      *self)
{
  if (g_strcmp0 (response, "save-as") == 0)
    _koers_window_save_async (self, TRUE, NULL, NULL);
}

static void
show_save_error (KoersWindow  *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* The file's name goes in the body, which wraps between words: in the
   * heading a long name broke in the middle. The core's message says what
   * happened and what to do.
   * TRANSLATORS: %s is a file name, then the reason, a full sentence */
  body = g_strdup_printf (_("“%s” was not saved. %s"), name, error->message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save the Project"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
document_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KoersWindow *self = KOERS_WINDOW (g_task_get_source_object (task));
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!koers_document_save_finish (KOERS_DOCUMENT (source), result, &error))
    {
      /* The file on disk is as it was; the project stays modified.
       * Another program's changes are the user's choice to make. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        _koers_window_show_changed_on_disk (self);
      else
        show_save_error (self, file, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  koers_session_add_recent (file);
  _koers_window_update_title (self);

  name = g_file_get_basename (file);
  /* TRANSLATORS: a toast after saving; %s is a file name */
  title = g_strdup_printf (_("Saved “%s”"), name);
  _koers_window_show_toast (self, adw_toast_new (title));

  g_task_return_boolean (task, TRUE);
}

/**
 * koers_window_save_to_file:
 * @file: where to save; becomes the document's file on success
 *
 * Saves the document to @file (see koers_document_save_async()). On
 * success a toast says so; on failure a dialog says what happened and
 * offers Save As. The chooser callbacks end here; so do the tests, with
 * a file of their own.
 */
void
koers_window_save_to_file (KoersWindow         *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  _koers_window_save_to_file_full (self, file, KOERS_SAVE_FLAGS_NONE, cancellable, callback, user_data);
}

/* As koers_window_save_to_file(), with @flags: Overwrite in the
 * changed-on-disk question comes here. */
void
_koers_window_save_to_file_full (KoersWindow         *self,
                                 GFile               *file,
                                 KoersSaveFlags       flags,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KOERS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, koers_window_save_to_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  koers_document_save_full_async (self->document, file, flags, cancellable, document_saved_cb, g_steal_pointer (&task));
}

/**
 * koers_window_save_to_file_finish:
 *
 * Returns: %TRUE when the project was written
 */
gboolean
koers_window_save_to_file_finish (KoersWindow   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (koers_window_save_to_file_finish (KOERS_WINDOW (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* A name typed without ".koers" gets it, unless that would replace a file
 * the chooser did not ask about. */
static GFile *
with_extension (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autofree char *named = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) renamed = NULL;

  if (g_str_has_suffix (lower, ".koers") || strchr (name, '.') != NULL ||
      (parent = g_file_get_parent (file)) == NULL)
    return g_object_ref (file);

  named = g_strconcat (name, ".koers", NULL);
  renamed = g_file_get_child (parent, named);
  if (g_file_query_exists (renamed, NULL))
    return g_object_ref (file);
  return g_steal_pointer (&renamed);
}

static void
save_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KoersWindow *self = g_task_get_source_object (task);
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  GError *error = NULL;

  chosen = koers_choose_save_file_finish (result, &error);
  if (chosen == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  file = with_extension (chosen);
  folder = g_file_get_parent (file);
  koers_session_set_last_folder (folder);
  koers_window_save_to_file (self, file, NULL, saved_cb, g_steal_pointer (&task));
}

/* Saves to the document's file, or asks for one first (Save As, or a
 * project never saved). Finishes with %G_IO_ERROR_CANCELLED when the
 * chooser was closed. */
void
_koers_window_save_async (KoersWindow         *self,
                          gboolean             choose,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *suggested = NULL;
  GFile *current = koers_document_get_file (self->document);

  g_task_set_source_tag (task, _koers_window_save_async);

  if (!choose && current != NULL)
    {
      koers_window_save_to_file (self, current, NULL, saved_cb, g_steal_pointer (&task));
      return;
    }

  if (current != NULL)
    {
      suggested = g_file_get_basename (current);
      folder = g_file_get_parent (current);
    }
  else
    {
      const char *name = koers_project_get_organisation_name (koers_document_get_project (self->document));

      /* Without a name the chooser's field stays empty and asks for one:
       * "Unnamed organisation.koers" would only be renamed later. */
      if (name != NULL && *name != '\0')
        {
          /* TRANSLATORS: the file name Save As suggests; %s is the organisation */
          suggested = g_strdup_printf (_("%s.koers"), name);
          g_strdelimit (suggested, "/\\", '-');
        }
      folder = koers_session_dup_last_folder ();
    }
  koers_choose_save_file_async (GTK_WINDOW (self), suggested, folder, NULL,
                                save_chosen_cb, g_steal_pointer (&task));
}

static gboolean
save_finish (KoersWindow   *self,
             GAsyncResult  *result,
             GError       **error)
{
  g_assert (g_task_is_valid (result, self));
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- opening ------------------------------------------------------------ */

void
_koers_window_show_open_error (KoersWindow  *self,
                               GFile        *file,
                               const GError *error)
{
  g_autofree char *body = NULL;
  gsize len = strlen (error->message);

  /* As for saving, the name is in the body, where it wraps between words:
   * the core's message starts with it ("plan.koers: 3:13: …"). Its
   * reasons are clauses; as the body they are a sentence, with a full
   * stop. */
  if (len > 0 && strchr (".?!", error->message[len - 1]) == NULL)
    body = g_strconcat (error->message, ".", NULL);
  else
    body = g_strdup (error->message);
  koers_window_show_error (self, _("Could Not Open the Project"), body);
}

/**
 * koers_window_shows_file:
 * @file: a .koers file
 *
 * Whether @self shows @file, or is reading it to show it: one file is one
 * document, in one window, so whoever opens @file again presents @self.
 *
 * Returns: %TRUE when @file is, or is about to be, shown in @self
 */
gboolean
koers_window_shows_file (KoersWindow *self,
                         GFile       *file)
{
  GFile *own;

  g_return_val_if_fail (KOERS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  own = koers_document_get_file (self->document);
  if (own != NULL && g_file_equal (own, file))
    return TRUE;
  for (guint i = 0; self->loading_files != NULL && i < self->loading_files->len; i++)
    if (g_file_equal (g_ptr_array_index (self->loading_files, i), file))
      return TRUE;
  return FALSE;
}

static KoersWindow *
find_window_for_file (KoersWindow *self,
                      GFile       *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GList *windows = app != NULL ? gtk_application_get_windows (app) : NULL;

  if (koers_window_shows_file (self, file))
    return self;
  for (GList *l = windows; l != NULL; l = l->next)
    if (KOERS_IS_WINDOW (l->data) && koers_window_shows_file (l->data, file))
      return l->data;
  return NULL;
}

/* While the window waits for the file it is to show, it says so and
 * takes no clicks on its empty project: an edit made there would send
 * the file to another window. (Not insensitive: that would take the
 * keyboard focus from under the entry that has it.) */
gboolean
_koers_window_is_loading (KoersWindow *self)
{
  return self->loading_files != NULL && self->loading_files->len > 0 &&
         koers_document_is_untouched (self->document);
}

/**
 * koers_window_get_loading:
 *
 * Returns: whether @self is still reading the file it is to show, with
 *   nothing of its own shown meanwhile
 */
gboolean
koers_window_get_loading (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), FALSE);

  return _koers_window_is_loading (self);
}

static void
sync_loading (KoersWindow *self)
{
  gtk_widget_set_can_target (self->view_stack, !_koers_window_is_loading (self));
  _koers_window_update_title (self);
}

/* Shows @document in @self when @self holds nothing worth keeping, else
 * in a new window. */
static KoersWindow *
show_document (KoersWindow   *self,
               KoersDocument *document)
{
  KoersWindow *window;

  if (koers_document_is_untouched (self->document))
    {
      koers_document_discard_draft (self->document);
      _koers_window_set_document (self, document);
      window = self;
    }
  else
    window = koers_window_new (gtk_window_get_application (GTK_WINDOW (self)), document);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/**
 * koers_window_open_file:
 * @file: a .koers file
 *
 * Opens @file: into this window when it holds an untouched new project,
 * else in a new window; a window that has @file open already is just
 * shown. A file that cannot be read changes nothing: a dialog over this
 * window shows what is wrong with it, where.
 *
 * Returns: (transfer none) (nullable): the window showing @file, or
 *   %NULL with @error set
 */
KoersWindow *
koers_window_open_file (KoersWindow  *self,
                        GFile        *file,
                        GError      **error)
{
  g_autoptr(KoersDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  KoersWindow *window;

  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  window = find_window_for_file (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  document = koers_document_load (koers_project_get_catalog (koers_document_get_project (self->document)),
                                  file, koers_session_get_drafts (), NULL, &local_error);
  if (document == NULL)
    {
      _koers_window_show_open_error (self, file, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  koers_session_add_recent (file);
  window = show_document (self, document);
  koers_window_offer_leftovers (window);
  return window;
}

static void
open_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KoersWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(KoersDocument) document = NULL;
  GError *error = NULL;
  KoersWindow *window;

  document = koers_document_load_take (KOERS_DOCUMENT_LOAD (source), &error);
  if (self->loading_files == NULL)
    {
      /* The window closed while the file was read. */
      g_clear_error (&error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The window closed before the file was opened"));
      return;
    }
  g_ptr_array_remove (self->loading_files, file);
  sync_loading (self);

  if (document == NULL)
    {
      _koers_window_show_open_error (self, file, error);
      g_task_return_error (task, error);
      return;
    }

  /* Opened elsewhere while it was read (a draft of it restored, say):
   * one file, one window. */
  window = find_window_for_file (self, file);
  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
  else
    {
      koers_session_add_recent (file);
      window = show_document (self, document);
      koers_window_offer_leftovers (window);
    }
  g_task_return_pointer (task, g_object_ref (window), g_object_unref);
}

/**
 * koers_window_open_file_async:
 * @file: a .koers file
 *
 * As koers_window_open_file(), reading @file on a worker thread: a slow
 * network share never freezes the window. Choosing a file in Open, the
 * recent files, files dropped on the window and those given to the
 * application come here. While an untouched window waits for the file,
 * its title says so and its project cannot be edited; a window that
 * asks for the same file meanwhile is shown this one.
 */
void
koers_window_open_file_async (KoersWindow         *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(KoersDocumentLoad) load = NULL;
  KoersWindow *window;

  g_return_if_fail (KOERS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  window = find_window_for_file (self, file);
  if (window != NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, koers_window_open_file_async);
      gtk_window_present (GTK_WINDOW (window));
      g_task_return_pointer (task, g_object_ref (window), g_object_unref);
      return;
    }

  load = koers_document_load_start (koers_project_get_catalog (koers_document_get_project (self->document)),
                                    file, koers_session_get_drafts (),
                                    cancellable != NULL ? cancellable : self->load_cancellable);
  koers_window_open_load_async (self, load, cancellable, callback, user_data);
}

/**
 * koers_window_open_load_async:
 * @load: a read of a file already under way, or ended; nobody else may
 *   take its result
 *
 * As koers_window_open_file_async(), for a file whose read was started
 * before: the application starts reading the files it is given before
 * it builds a window, and hands the window those not read by then.
 * Finish with koers_window_open_file_finish().
 */
void
koers_window_open_load_async (KoersWindow         *self,
                              KoersDocumentLoad   *load,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GFile *file;

  g_return_if_fail (KOERS_IS_WINDOW (self));
  g_return_if_fail (KOERS_IS_DOCUMENT_LOAD (load));

  file = koers_document_load_get_file (load);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, koers_window_open_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  g_ptr_array_add (self->loading_files, g_object_ref (file));
  sync_loading (self);
  koers_document_load_when_done (load, open_loaded_cb, g_steal_pointer (&task));
}

/* How long a new window waits for its file before it shows without it:
 * well under a frame, and longer than a local file takes to read. */
#define OPEN_WAIT_US (5 * G_TIME_SPAN_MILLISECOND)

/**
 * koers_window_new_for_load:
 * @application: (nullable): the application, or %NULL (tests)
 * @load: a read of a .koers file, started before; nobody else may take
 *   its result
 *
 * A new window for the file @load reads, presented. When the read has
 * ended within a few milliseconds, the window is built with the project
 * in it, so that its very first frame shows the file; else it comes at
 * once, saying it is opening the file, and shows the project when it is
 * read. A file that cannot be read leaves a new project and a dialog that
 * says why.
 *
 * Returns: (transfer none): the window, owned by GTK
 */
KoersWindow *
koers_window_new_for_load (GtkApplication    *application,
                           KoersDocumentLoad *load)
{
  g_autoptr(KoersDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file;
  KoersWindow *window;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (KOERS_IS_DOCUMENT_LOAD (load), NULL);

  file = koers_document_load_get_file (load);
  if (!koers_document_load_wait (load, OPEN_WAIT_US))
    {
      window = koers_window_new (application, NULL);
      gtk_window_present (GTK_WINDOW (window));
      koers_window_open_load_async (window, load, NULL, NULL, NULL);
      return window;
    }

  document = koers_document_load_take (load, &error);
  window = koers_window_new (application, document);
  gtk_window_present (GTK_WINDOW (window));
  if (document == NULL)
    {
      _koers_window_show_open_error (window, file, error);
      return window;
    }
  koers_session_add_recent (file);
  koers_window_offer_leftovers (window);
  return window;
}

/**
 * koers_window_open_file_finish:
 *
 * Returns: (transfer full) (nullable): the window showing the file, or
 *   %NULL with @error set
 */
KoersWindow *
koers_window_open_file_finish (KoersWindow   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * koers_window_restore_draft:
 * @draft_id: an orphaned draft, from koers_drafts_list_orphaned()
 *
 * Opens the draft (see koers_document_restore_draft()) into this window
 * when it is untouched, else in a new one. A draft of a file that a
 * window shows already goes into that window, as long as it has no
 * unsaved changes of its own; with them, the draft is refused and kept,
 * rather than a second window showing the same file.
 *
 * Returns: (transfer none) (nullable): the window showing the draft, or
 *   %NULL with @error set
 */
KoersWindow *
koers_window_restore_draft (KoersWindow  *self,
                            const char   *draft_id,
                            GError      **error)
{
  KoersDrafts *drafts = koers_session_get_drafts ();
  g_autoptr(KoersDocument) document = NULL;
  g_autoptr(KoersDraftInfo) info = NULL;
  KoersWindow *window = NULL;

  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (draft_id != NULL, NULL);

  info = koers_drafts_get_info (drafts, draft_id);
  if (info != NULL && info->uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (info->uri);

      window = find_window_for_file (self, file);
      if (window != NULL && koers_document_get_modified (window->document))
        {
          g_autofree char *name = g_file_get_basename (file);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       /* TRANSLATORS: %s is a file name */
                       _("“%s” is open already, with changes that are not saved yet. "
                         "The unsaved work from before is kept: save or close “%s”, "
                         "and Koers offers it again at its next start."),
                       name, name);
          gtk_window_present (GTK_WINDOW (window));
          return NULL;
        }
    }

  document = koers_document_restore_draft (drafts, draft_id, error);
  if (document == NULL)
    return NULL;
  if (window == NULL)
    return show_document (self, document);

  /* The file as it was saved, open with no changes (or still being
   * read): the draft takes its place, in its window. */
  koers_document_discard_draft (window->document);
  _koers_window_set_document (window, document);
  sync_loading (window);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* --- closing ------------------------------------------------------------ */

static void
finish_close_tasks (KoersWindow *self,
                    gboolean     closed)
{
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&self->close_tasks);

  self->close_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    g_task_return_boolean (g_ptr_array_index (tasks, i), closed);
}

static void
close_now (KoersWindow *self)
{
  self->close_confirmed = TRUE;
  finish_close_tasks (self, TRUE);
  gtk_window_close (GTK_WINDOW (self));
}

static void
close_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  KoersWindow *self = KOERS_WINDOW (source);
  g_autoptr(GError) error = NULL;

  /* A failed save showed its dialog; a closed chooser means not now. */
  if (save_finish (self, result, &error))
    close_now (self);
  else
    finish_close_tasks (self, FALSE);
}

typedef struct {
  KoersWindow *self;
  GtkWindow   *dialog;
  char        *response;
} CloseAnswer;

static void
close_answer_free (CloseAnswer *answer)
{
  g_clear_object (&answer->dialog);
  g_object_unref (answer->self);
  g_free (answer->response);
  g_free (answer);
}

static gboolean
close_answer_cb (gpointer data)
{
  CloseAnswer *answer = data;
  KoersWindow *self = answer->self;

  /* A click closed the dialog already; a response emitted some other way
   * (a test) did not. Either way it goes before its parent may: a dialog
   * outliving its transient parent trips over it when it goes. */
  gtk_window_destroy (answer->dialog);
  g_clear_object (&answer->dialog);

  if (g_strcmp0 (answer->response, "save") == 0)
    _koers_window_save_async (self, FALSE, close_saved_cb, NULL);
  else if (g_strcmp0 (answer->response, "discard") == 0)
    {
      koers_document_discard_draft (self->document);
      close_now (self);
    }
  else
    finish_close_tasks (self, FALSE);

  return G_SOURCE_REMOVE;
}

/* The answer is acted on once the dialog's signal is over: closing the
 * window inside it would finalize the dialog's parent under its feet. */
static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   KoersWindow      *self)
{
  CloseAnswer *answer;

  if (self->close_dialog != dialog)
    return;
  self->close_dialog = NULL;

  answer = g_new0 (CloseAnswer, 1);
  answer->self = g_object_ref (self);
  answer->dialog = g_object_ref (GTK_WINDOW (dialog));
  answer->response = g_strdup (response);
  g_idle_add_full (G_PRIORITY_DEFAULT, close_answer_cb, answer, (GDestroyNotify) close_answer_free);
}

static void
ask_before_closing (KoersWindow *self)
{
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = koers_document_get_file (self->document);
  GtkWidget *dialog;

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return;
    }

  /* Should Koers die while the question is open, the work is on disk. */
  if (!koers_document_save_draft_now (self->document, &error))
    g_debug ("%s", error->message);

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      /* TRANSLATORS: %s is a file name */
      body = g_strdup_printf (_("“%s” has changes that are not saved. If you close without saving, they are lost."), name);
    }
  else
    /* TRANSLATORS: %s is an organisation's name */
    body = g_strdup_printf (_("The project for “%s” was never saved. If you close without saving, it is lost."),
                            organisation_or_unnamed (koers_document_get_project (self->document)));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", file != NULL ? _("_Save") : _("_Save As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);

  self->close_dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GtkWindow::close-request: the close button, Ctrl+W, app.quit. */
gboolean
_koers_window_close_request (GtkWindow *window)
{
  KoersWindow *self = KOERS_WINDOW (window);
  GtkWindowClass *parent_class = g_type_class_peek_parent (G_OBJECT_GET_CLASS (self));

  if (!self->close_confirmed && koers_document_get_modified (self->document))
    {
      ask_before_closing (self);
      return TRUE;
    }

  if (!koers_document_get_modified (self->document))
    koers_document_discard_draft (self->document);
  return parent_class->close_request (window);
}

/**
 * koers_window_request_close:
 *
 * Closes the window, asking first when there are unsaved changes (Save,
 * Discard, Cancel). Finishes when the question is answered: %TRUE when
 * the window closed.
 */
void
koers_window_request_close (KoersWindow         *self,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KOERS_IS_WINDOW (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, koers_window_request_close);

  if (self->close_confirmed || !koers_document_get_modified (self->document))
    {
      g_task_return_boolean (task, TRUE);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  g_ptr_array_add (self->close_tasks, g_steal_pointer (&task));
  gtk_window_present (GTK_WINDOW (self));
  ask_before_closing (self);
}

gboolean
koers_window_request_close_finish (KoersWindow  *self,
                                   GAsyncResult *result)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), NULL);
}

/* --- dropping files on the window --------------------------------------- */

static gboolean
drop_cb (KoersWindow   *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  /* The list only: the files belong to @value. */
  g_autoptr(GSList) files = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) && g_value_get_boxed (value) != NULL)
    files = gdk_file_list_get_files (g_value_get_boxed (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    files = g_slist_prepend (NULL, g_value_get_object (value));
  else
    return FALSE;

  /* Every file opens, read on a worker: a file on a slow share or a
   * FIFO never freezes the window. One that cannot be read says why. The
   * first goes into this window if it is untouched, the others into
   * windows of their own. */
  for (GSList *l = files; l != NULL; l = l->next)
    koers_window_open_file_async (self, l->data, NULL, NULL, NULL);
  return files != NULL;
}

/* --- logging out with unsaved changes ------------------------------------ */

/* While there are unsaved changes, the session asks before logging out
 * (GNOME lists the window), rather than ending Koers unasked. */
/* While there are unsaved changes, the session asks before logging out
 * (GNOME lists the window), rather than ending Koers unasked. */
void
_koers_window_sync_inhibit (KoersWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gboolean modified = koers_document_get_modified (self->document);

  if (modified && self->inhibit_cookie == 0 && app != NULL)
    {
      self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self), GTK_APPLICATION_INHIBIT_LOGOUT,
                                                      _("There are unsaved changes"));
      if (self->inhibit_cookie != 0)
        g_set_object (&self->inhibit_app, app);
    }
  else if (!modified && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (self->inhibit_app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
      g_clear_object (&self->inhibit_app);
    }
}

/* --- init and dispose ---------------------------------------------------- */

void
_koers_window_files_init (KoersWindow *self)
{
  self->close_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->loading_files = g_ptr_array_new_with_free_func (g_object_unref);
  self->load_cancellable = g_cancellable_new ();

  /* Files dropped anywhere on the window. In the capture phase, so that a
   * file dropped on the diagram opens rather than reaching the canvas's
   * own target; that one takes markers, which offer no file and so pass
   * this one by. */
  self->drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (self->drop_target, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->drop_target), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (self->drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));
}

void
_koers_window_files_dispose (KoersWindow *self)
{
  if (self->inhibit_cookie != 0)
    gtk_application_uninhibit (self->inhibit_app, self->inhibit_cookie);
  self->inhibit_cookie = 0;
  g_clear_object (&self->inhibit_app);
  if (self->close_tasks != NULL)
    finish_close_tasks (self, TRUE);
  g_clear_pointer (&self->close_tasks, g_ptr_array_unref);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->loading_files, g_ptr_array_unref);
  self->close_dialog = NULL;
  self->disk_dialog = NULL;
  self->drop_target = NULL;
}
