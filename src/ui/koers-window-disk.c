/* koers-window-disk.c: when another program changes the open file, or a
 * killed save left a copy beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document watches its file and checks it before each save
 * (koers-document-disk.c); the window asks what to do: reload, save a
 * copy, overwrite, or open what an interrupted save left.
 */
#define G_LOG_DOMAIN "koers-window"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-session.h"
#include "koers-window-private.h"

/* --- changed by another program ----------------------------------------- */

static void
reloaded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KoersWindow) self = user_data;
  g_autoptr(KoersDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = koers_document_get_file (self->document);

  document = koers_document_load_finish (result, &error);
  if (document == NULL)
    {
      if (file != NULL)
        _koers_window_show_open_error (self, file, error);
      return;
    }

  /* What was unsaved is what the user chose to drop. */
  koers_document_discard_draft (self->document);
  _koers_window_set_document (self, document);
  _koers_window_show_toast (self, adw_toast_new (_("Reloaded the file as it is on disk")));
}

/**
 * koers_window_reload:
 *
 * Reads the window's file again, without blocking, and shows it in place
 * of the document: the unsaved changes are dropped. Does nothing for a
 * project never saved.
 */
void
koers_window_reload (KoersWindow *self)
{
  GFile *file;

  g_return_if_fail (KOERS_IS_WINDOW (self));

  file = koers_document_get_file (self->document);
  if (file == NULL)
    return;
  koers_document_load_async (koers_project_get_catalog (koers_document_get_project (self->document)),
                             file, koers_session_get_drafts (), NULL, reloaded_cb, g_object_ref (self));
}

static void
changed_on_disk_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             KoersWindow      *self)
{
  GFile *file = koers_document_get_file (self->document);

  if (self->disk_dialog == dialog)
    self->disk_dialog = NULL;

  if (g_strcmp0 (response, "reload") == 0)
    koers_window_reload (self);
  else if (g_strcmp0 (response, "save-as") == 0)
    _koers_window_save_async (self, TRUE, NULL, NULL);
  else if (g_strcmp0 (response, "overwrite") == 0 && file != NULL)
    _koers_window_save_to_file_full (self, file, KOERS_SAVE_FLAGS_OVERWRITE, NULL, NULL, NULL);
}

/* Another program changed the file. Without local changes there is only
 * the reload to offer; with them, and before a save would replace the
 * other program's work, the user chooses: a copy, the file's version, or
 * theirs. */
void
_koers_window_show_changed_on_disk (KoersWindow *self)
{
  GFile *file = koers_document_get_file (self->document);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  gboolean modified = koers_document_get_modified (self->document);
  AdwMessageDialog *dialog;

  if (file == NULL)
    return;
  if (self->disk_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->disk_dialog));
      return;
    }

  name = g_file_get_basename (file);
  if (modified)
    /* TRANSLATORS: %s is a file name */
    body = g_strdup_printf (_("Another program changed “%s” since you opened it. Saving now would replace those changes with yours."),
                            name);
  else
    /* TRANSLATORS: %s is a file name */
    body = g_strdup_printf (_("Another program changed “%s”. Reload it to see those changes?"), name);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), body));
  if (modified)
    {
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "save-as", _("Save a _Copy…"),
                                        "reload", _("_Reload and Lose Mine"),
                                        "overwrite", _("_Overwrite"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "save-as");
    }
  else
    {
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Keep This Version"),
                                        "reload", _("_Reload"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "reload");
    }
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (changed_on_disk_response_cb), self, 0);

  self->disk_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

/* KoersDocument::notify::changed-on-disk: with unsaved changes, the
 * question waits for the save (the user may yet reload or Save As); a
 * toast says it now. */
void
_koers_window_changed_on_disk (KoersWindow *self)
{
  if (!koers_document_get_changed_on_disk (self->document))
    return;
  if (koers_document_get_modified (self->document))
    _koers_window_show_toast (self, adw_toast_new (_("Another program changed this file; saving will ask what to keep")));
  else
    _koers_window_show_changed_on_disk (self);
}

/* --- what an interrupted save left ---------------------------------------- */

typedef struct {
  KoersWindow *self;
  GFile       *leftover;
} LeftoverAnswer;

static void
leftover_answer_free (gpointer data,
                      GClosure *closure)
{
  LeftoverAnswer *answer = data;

  g_object_unref (answer->self);
  g_object_unref (answer->leftover);
  g_free (answer);
}

static void
leftover_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      LeftoverAnswer   *answer)
{
  KoersWindow *self = answer->self;
  GFile *file = koers_document_get_file (self->document);
  g_autoptr(KoersDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") == 0)
    {
      if (!g_file_delete (answer->leftover, NULL, &error))
        g_debug ("%s", error->message);
      return;
    }
  if (g_strcmp0 (response, "open") != 0 || file == NULL)
    return;

  document = koers_document_restore_leftover (answer->leftover, file, koers_session_get_drafts (), &error);
  if (document == NULL)
    {
      _koers_window_show_open_error (self, answer->leftover, error);
      return;
    }
  if (!koers_document_get_modified (self->document))
    _koers_window_set_document (self, document);
  else
    gtk_window_present (GTK_WINDOW (koers_window_new (gtk_window_get_application (GTK_WINDOW (self)), document)));
}

/**
 * koers_window_offer_leftovers:
 *
 * Looks for what an interrupted save of the window's file left beside
 * it (see koers_document_collect_leftovers()) and offers the first that
 * holds changes the file does not: open them as unsaved changes, or
 * delete the copy.
 */
void
koers_window_offer_leftovers (KoersWindow *self)
{
  GFile *file = koers_document_get_file (self->document);
  g_autoptr(GPtrArray) leftovers = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  LeftoverAnswer *answer;
  GtkWidget *dialog;

  g_return_if_fail (KOERS_IS_WINDOW (self));

  if (file == NULL)
    return;
  leftovers = koers_document_collect_leftovers (file, NULL);
  if (leftovers->len == 0)
    return;

  name = g_file_get_basename (file);
  /* TRANSLATORS: %s is a file name */
  body = g_strdup_printf (_("Saving “%s” was interrupted earlier. The unfinished copy holds changes that the file does not. Open them as unsaved changes?"),
                          name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Unsaved Changes Found"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "delete", _("_Delete Them"),
                                    "open", _("_Open Them"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");

  answer = g_new0 (LeftoverAnswer, 1);
  answer->self = g_object_ref (self);
  answer->leftover = g_object_ref (g_ptr_array_index (leftovers, 0));
  g_signal_connect_data (dialog, "response", G_CALLBACK (leftover_response_cb), answer, leftover_answer_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
