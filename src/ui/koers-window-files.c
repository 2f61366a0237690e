/* koers-window-files.c: open, save, drafts and closing, so no work is lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving serialises the project on the main thread (the project is not
 * thread-safe) and writes the bytes atomically in a worker thread: the
 * previous file stays whole whatever happens. After every change settles,
 * the project also goes to the drafts store, so that a crash or a kill
 * loses at most the last two seconds; the next start offers the draft
 * back (see koers-application.c). A clean save, a discard or closing an
 * unmodified window removes the draft.
 */
#define G_LOG_DOMAIN "koers-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "koers-export-dialog.h"
#include "koers-file-chooser.h"
#include "koers-io.h"
#include "koers-session.h"
#include "koers-window-private.h"

/* How long the project must stay unchanged before a draft is written. */
#define DRAFT_DELAY_MS 2000

typedef struct {
  GFile     *file;
  GBytes    *bytes;
  GDateTime *now;
  guint64    serial;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->now, g_date_time_unref);
  g_free (data);
}

static void save_async (KoersWindow         *self,
                        gboolean             choose,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data);

/* --- helpers ------------------------------------------------------------ */

static KoersDrafts *
get_drafts (void)
{
  return koers_session_get_drafts ();
}

static const char *
organisation_or_unnamed (KoersProject *project)
{
  const char *name = koers_project_get_organisation_name (project);

  return name != NULL && *name != '\0' ? name : _("Unnamed organisation");
}

/* Keeps track of the dialog on top, for the tests and so that a second
 * close does not stack a second question. */
static void
present_dialog (KoersWindow *self,
                GtkWidget   *dialog)
{
  g_set_weak_pointer (&self->message_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_file_actions (KoersWindow *self)
{
  /* One save at a time: a second Ctrl+S while the first still writes
   * would only write the same bytes again. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", self->n_saving == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", self->n_saving == 0);
}

/* --- drafts ------------------------------------------------------------- */

static void
draft_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(KoersWindow) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (ref);
  g_free (ref);

  if (koers_drafts_save_finish (KOERS_DRAFTS (source), result, &error))
    return;

  /* Not a g_warning: a full disk is the user's news, not a programming
   * error. Said once per window, in a toast, not in a dialog every two
   * seconds. */
  g_debug ("Could not write a draft: %s", error->message);
  if (self != NULL && !self->draft_error_shown)
    {
      AdwToast *toast = adw_toast_new (_("Could not keep a safety copy of your changes: save the project to keep them"));

      self->draft_error_shown = TRUE;
      adw_toast_set_timeout (toast, 0);
      _koers_window_show_toast (self, toast);
    }
}

static void
write_draft_async (KoersWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *uri = NULL;
  GWeakRef *ref;

  if (!koers_window_get_modified (self))
    {
      koers_drafts_remove (get_drafts (), self->draft_id, NULL);
      return;
    }

  bytes = koers_project_to_bytes (self->project);
  uri = self->file != NULL ? g_file_get_uri (self->file) : NULL;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  koers_drafts_save_async (get_drafts (), self->draft_id, bytes, uri, NULL, draft_saved_cb, ref);
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  KoersWindow *self = user_data;

  self->draft_source = 0;
  write_draft_async (self);
  return G_SOURCE_REMOVE;
}

/* Called first thing on every KoersProject::changed. */
void
_koers_window_project_changed (KoersWindow *self)
{
  self->change_serial++;
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

static void
remove_draft (KoersWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (!koers_drafts_remove (get_drafts (), self->draft_id, &error))
    g_debug ("Could not remove draft %s: %s", self->draft_id, error->message);
}

/* --- saving ------------------------------------------------------------- */

/* The bytes a save writes, stamped with @now. The stamp goes on a copy:
 * should the write fail, the project must not claim a save that never
 * happened (as koers_project_save_to_file() does not). */
static GBytes *
serialise_stamped (KoersWindow *self,
                   GDateTime   *now)
{
  g_autoptr(GBytes) current = koers_project_to_bytes (self->project);
  g_autoptr(KoersProject) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = koers_project_load_from_bytes (koers_project_get_catalog (self->project), current, &error);
  if (copy == NULL)
    {
      /* Cannot happen for bytes the project wrote itself; if it does,
       * saving matters more than a timestamp. */
      g_critical ("A project cannot read its own bytes back: %s", error->message);
      koers_project_stamp (self->project, now);
      return koers_project_to_bytes (self->project);
    }
  koers_project_stamp (copy, now);
  return koers_project_to_bytes (copy);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (koers_file_write_atomic (data->file, data->bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        KoersWindow      *self)
{
  if (g_strcmp0 (response, "save-as") == 0)
    save_async (self, TRUE, NULL, NULL);
}

static void
show_save_error (KoersWindow  *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  /* TRANSLATORS: a dialog heading; %s is a file name */
  g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
  GtkWidget *dialog;

  /* The core's message says what happened and what to do. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_error_response_cb), self, 0);
  present_dialog (self, dialog);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KoersWindow *self = KOERS_WINDOW (g_task_get_source_object (task));
  SaveData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  self->n_saving--;
  update_file_actions (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The file on disk is as it was; the project stays modified. */
      show_save_error (self, data->file, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  koers_project_stamp (self->project, data->now);
  koers_window_set_file (self, data->file);
  koers_session_add_recent (data->file);

  /* Changed while the bytes were written: what is on disk is not what the
   * project holds, so it stays modified (and its draft stays). */
  if (data->serial == self->change_serial)
    {
      self->restored = FALSE;
      remove_draft (self);
      koers_history_mark_saved (self->history);
    }
  _koers_window_update_title (self);

  name = g_file_get_basename (data->file);
  /* TRANSLATORS: a toast after saving; %s is a file name */
  title = g_strdup_printf (_("Saved “%s”"), name);
  _koers_window_show_toast (self, adw_toast_new (title));

  g_task_return_boolean (task, TRUE);
}

/**
 * koers_window_save_to_file:
 * @file: where to save; becomes the window's file on success
 *
 * Saves the project to @file atomically, in a worker thread. On success
 * the project counts as saved, its draft is removed and a toast says so;
 * on failure a dialog says what happened and offers Save As, the file on
 * disk stays as it was and the project stays modified. The chooser
 * callbacks end here; so do the tests, with a file of their own.
 */
void
koers_window_save_to_file (KoersWindow         *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) write = NULL;
  SaveData *data;

  g_return_if_fail (KOERS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, koers_window_save_to_file);

  /* A text edit in progress ends here: undo after the save takes back
   * what was typed after it, not before. */
  koers_history_seal (self->history);

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->now = g_date_time_new_now_utc ();
  data->bytes = serialise_stamped (self, data->now);
  data->serial = self->change_serial;

  self->n_saving++;
  update_file_actions (self);

  /* The writing task does not hold the window: its worker thread may drop
   * the last reference to it, and a window must never be finalized
   * there. The outer task holds the window until written_cb has run. */
  write = g_task_new (NULL, cancellable, written_cb, g_steal_pointer (&task));
  g_task_set_source_tag (write, write_in_thread);
  g_task_set_task_data (write, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (write, write_in_thread);
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

/* Saves to the window's file, or asks for one first (Save As, or a
 * project never saved). Finishes with %G_IO_ERROR_CANCELLED when the
 * chooser was closed. */
static void
save_async (KoersWindow         *self,
            gboolean             choose,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *suggested = NULL;

  g_task_set_source_tag (task, save_async);

  if (!choose && self->file != NULL)
    {
      koers_window_save_to_file (self, self->file, NULL, saved_cb, g_steal_pointer (&task));
      return;
    }

  if (self->file != NULL)
    {
      suggested = g_file_get_basename (self->file);
      folder = g_file_get_parent (self->file);
    }
  else
    {
      /* TRANSLATORS: the file name Save As suggests; %s is the organisation */
      suggested = g_strdup_printf (_("%s.koers"), organisation_or_unnamed (self->project));
      g_strdelimit (suggested, "/\\", '-');
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

static void
show_open_error (KoersWindow  *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  /* TRANSLATORS: a dialog heading; %s is a file name */
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

  /* The core's message names the file, where in it and what is wrong. */
  koers_window_show_error (self, heading, error->message);
}

static KoersWindow *
find_window_for_file (KoersWindow *self,
                      GFile       *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GList *windows = app != NULL ? gtk_application_get_windows (app) : NULL;

  if (self->file != NULL && g_file_equal (self->file, file))
    return self;
  for (GList *l = windows; l != NULL; l = l->next)
    if (KOERS_IS_WINDOW (l->data) && KOERS_WINDOW (l->data)->file != NULL &&
        g_file_equal (KOERS_WINDOW (l->data)->file, file))
      return l->data;
  return NULL;
}

/* Shows @project in @self when @self holds nothing worth keeping, else in
 * a new window. */
static KoersWindow *
show_project (KoersWindow  *self,
              KoersProject *project,
              GFile        *file)
{
  KoersWindow *window;

  if (koers_window_is_untouched (self))
    {
      remove_draft (self);
      _koers_window_set_project (self, project, file);
      window = self;
    }
  else
    window = koers_window_new (gtk_window_get_application (GTK_WINDOW (self)), project, file);

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
  g_autoptr(KoersProject) project = NULL;
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

  project = koers_project_load_from_file (koers_project_get_catalog (self->project), file, NULL, &local_error);
  if (project == NULL)
    {
      show_open_error (self, file, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  koers_session_add_recent (file);
  return show_project (self, project, file);
}

/**
 * koers_window_restore_draft:
 * @draft_id: an orphaned draft, from koers_drafts_list_orphaned()
 *
 * Opens the draft as a modified project, belonging to its original file
 * if it had one: into this window when it is untouched, else in a new
 * one. The window takes the draft over (same id, written again at once
 * and locked), so a second crash still leaves it.
 *
 * Returns: (transfer none) (nullable): the window showing the draft, or
 *   %NULL with @error set
 */
KoersWindow *
koers_window_restore_draft (KoersWindow  *self,
                            const char   *draft_id,
                            GError      **error)
{
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = NULL;
  KoersWindow *window;

  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (draft_id != NULL, NULL);

  project = koers_drafts_load (get_drafts (), draft_id, &uri, error);
  if (project == NULL)
    return NULL;
  if (uri != NULL)
    file = g_file_new_for_uri (uri);

  window = show_project (self, project, file);
  g_free (window->draft_id);
  window->draft_id = g_strdup (draft_id);
  window->restored = TRUE;
  _koers_window_update_title (window);

  if (!koers_window_save_draft_now (window, &local_error))
    g_debug ("Could not take over draft %s: %s", draft_id, local_error->message);
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
    save_async (self, FALSE, close_saved_cb, NULL);
  else if (g_strcmp0 (answer->response, "discard") == 0)
    {
      remove_draft (self);
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
  GtkWidget *dialog;

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return;
    }

  /* Should Koers die while the question is open, the work is on disk. */
  if (!koers_window_save_draft_now (self, &error))
    g_debug ("%s", error->message);

  if (self->file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->file);

      /* TRANSLATORS: %s is a file name */
      body = g_strdup_printf (_("“%s” has changes that are not saved. If you close without saving, they are lost."), name);
    }
  else
    /* TRANSLATORS: %s is an organisation's name */
    body = g_strdup_printf (_("The project for “%s” was never saved. If you close without saving, it is lost."),
                            organisation_or_unnamed (self->project));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", self->file != NULL ? _("_Save") : _("_Save As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);

  self->close_dialog = ADW_MESSAGE_DIALOG (dialog);
  present_dialog (self, dialog);
}

/* GtkWindow::close-request: the close button, Ctrl+W, app.quit. */
gboolean
_koers_window_close_request (GtkWindow *window)
{
  KoersWindow *self = KOERS_WINDOW (window);
  GtkWindowClass *parent_class = g_type_class_peek_parent (G_OBJECT_GET_CLASS (self));

  if (!self->close_confirmed && koers_window_get_modified (self))
    {
      ask_before_closing (self);
      return TRUE;
    }

  if (!koers_window_get_modified (self))
    remove_draft (self);
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

  if (self->close_confirmed || !koers_window_get_modified (self))
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

/* --- export ------------------------------------------------------------- */

static void
exported_cb (KoersExportDialog *dialog,
             GFile             *file,
             KoersWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  /* TRANSLATORS: a toast after an export; %s is a file name */
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.show-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 8);
  _koers_window_show_toast (self, toast);
}

/**
 * koers_window_show_export_dialog:
 *
 * Opens the export dialog: for the roadmap on the Roadmap view, for the
 * model shown on the Assess view. A toast with an Open button follows an
 * export.
 */
void
koers_window_show_export_dialog (KoersWindow *self)
{
  const char *model_id = NULL;
  KoersExportDialog *dialog;

  g_return_if_fail (KOERS_IS_WINDOW (self));

  if (g_strcmp0 (koers_window_get_view (self), "assess") == 0)
    model_id = koers_window_get_selected_model (self);
  dialog = koers_export_dialog_new (GTK_WINDOW (self), self->project, model_id);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- actions ------------------------------------------------------------ */

static void
open_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KoersWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  file = koers_choose_open_file_finish (result, &error);
  if (file == NULL)
    return;

  folder = g_file_get_parent (file);
  koers_session_set_last_folder (folder);
  koers_window_open_file (self, file, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(GFile) folder = koers_session_dup_last_folder ();

  koers_choose_open_file_async (GTK_WINDOW (widget), folder, NULL, open_chosen_cb, g_object_ref (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  koers_window_open_file (KOERS_WINDOW (widget), file, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_async (KOERS_WINDOW (widget), FALSE, NULL, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_async (KOERS_WINDOW (widget), TRUE, NULL, NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  koers_window_show_export_dialog (KOERS_WINDOW (widget));
}

static void
show_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
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
  gboolean opened = FALSE;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) && g_value_get_boxed (value) != NULL)
    files = gdk_file_list_get_files (g_value_get_boxed (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    files = g_slist_prepend (NULL, g_value_get_object (value));
  else
    return FALSE;

  /* Every file opens; one that cannot be read says why. The first goes
   * into this window if it is untouched, the others into windows of their
   * own. */
  for (GSList *l = files; l != NULL; l = l->next)
    if (koers_window_open_file (self, l->data, NULL) != NULL)
      opened = TRUE;
  return opened;
}

/* --- logging out with unsaved changes ------------------------------------ */

/* While there are unsaved changes, the session asks before logging out
 * (GNOME lists the window), rather than ending Koers unasked. */
void
_koers_window_sync_inhibit (KoersWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gboolean modified = koers_window_get_modified (self);

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
_koers_window_class_files_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.show-file", "s", show_file_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
}

void
_koers_window_files_init (KoersWindow *self)
{
  self->draft_id = koers_drafts_new_id ();
  self->close_tasks = g_ptr_array_new_with_free_func (g_object_unref);

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
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->inhibit_cookie != 0)
    gtk_application_uninhibit (self->inhibit_app, self->inhibit_cookie);
  self->inhibit_cookie = 0;
  g_clear_object (&self->inhibit_app);
  if (self->close_tasks != NULL)
    finish_close_tasks (self, TRUE);
  g_clear_pointer (&self->close_tasks, g_ptr_array_unref);
  g_clear_weak_pointer (&self->message_dialog);
  self->close_dialog = NULL;
  self->drop_target = NULL;
  g_clear_pointer (&self->draft_id, g_free);
}

/* --- public API ---------------------------------------------------------- */

/**
 * koers_window_get_modified:
 *
 * Returns: whether the project differs from its file (or was never saved
 *   since it changed); a restored draft counts as modified
 */
gboolean
koers_window_get_modified (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), FALSE);

  return self->restored || (self->history != NULL && koers_history_get_modified (self->history));
}

/**
 * koers_window_is_untouched:
 *
 * Returns: whether the window holds a new project nobody edited: a file
 *   opened from it may take its place
 */
gboolean
koers_window_is_untouched (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), FALSE);

  return self->file == NULL && !koers_window_get_modified (self) && self->n_saving == 0 &&
         !koers_history_can_undo (self->history) && !koers_history_can_redo (self->history);
}

/**
 * koers_window_get_draft_id:
 *
 * Returns: the id of this window's draft in the drafts store
 */
const char *
koers_window_get_draft_id (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return self->draft_id;
}

/**
 * koers_window_save_draft_now:
 *
 * Writes the draft now rather than after the pause (removes it when
 * there is nothing unsaved): before a question that may take a while to
 * be answered, and for tests.
 *
 * Returns: %TRUE when the draft on disk matches the project
 */
gboolean
koers_window_save_draft_now (KoersWindow  *self,
                             GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (KOERS_IS_WINDOW (self), FALSE);

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (!koers_window_get_modified (self))
    return koers_drafts_remove (get_drafts (), self->draft_id, error);

  bytes = koers_project_to_bytes (self->project);
  uri = self->file != NULL ? g_file_get_uri (self->file) : NULL;
  return koers_drafts_save (get_drafts (), self->draft_id, bytes, uri, error);
}

/**
 * koers_window_get_message_dialog:
 *
 * Returns: (transfer none) (nullable): the question or error shown over
 *   the window last, while it is open
 */
AdwMessageDialog *
koers_window_get_message_dialog (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return self->message_dialog ? ADW_MESSAGE_DIALOG (self->message_dialog) : NULL;
}

/**
 * koers_window_get_drop_target:
 *
 * Returns: (transfer none): the target that opens files dropped on the
 *   window
 */
GtkDropTarget *
koers_window_get_drop_target (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);
  return self->drop_target;
}
