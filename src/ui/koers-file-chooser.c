/* koers-file-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-file-chooser.h"

typedef struct {
  GtkFileChooserNative *native;
  GSource              *cancelled_source;
  gulong                response_id;
} ChooserData;

static void
chooser_data_free (ChooserData *data)
{
  if (data->cancelled_source != NULL)
    {
      g_source_destroy (data->cancelled_source);
      g_source_unref (data->cancelled_source);
    }
  g_clear_signal_handler (&data->response_id, data->native);
  g_clear_object (&data->native);
  g_free (data);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern,
            const char     *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (pattern != NULL)
    gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
add_koers_filter (GtkFileChooser *chooser)
{
  add_filter (chooser, _("Koers projects"), "*.koers", "application/x-koers");
}

/* A filter for the format an export name ends in, so the chooser shows
 * the files it would replace. */
static void
add_export_filter (GtkFileChooser *chooser,
                   const char     *suggested_name)
{
  g_autofree char *lower = g_ascii_strdown (suggested_name ? suggested_name : "", -1);

  if (g_str_has_suffix (lower, ".png"))
    add_filter (chooser, _("PNG images"), "*.png", "image/png");
  else if (g_str_has_suffix (lower, ".svg"))
    add_filter (chooser, _("SVG drawings"), "*.svg", "image/svg+xml");
  else if (g_str_has_suffix (lower, ".pdf"))
    add_filter (chooser, _("PDF documents"), "*.pdf", "application/pdf");
  else if (g_str_has_suffix (lower, ".odp"))
    add_filter (chooser, _("ODP presentations"), "*.odp", "application/vnd.oasis.opendocument.presentation");
  else if (g_str_has_suffix (lower, ".pptx"))
    add_filter (chooser, _("PPTX presentations"), "*.pptx",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation");
  else if (g_str_has_suffix (lower, ".ods"))
    add_filter (chooser, _("ODS spreadsheets"), "*.ods", "application/vnd.oasis.opendocument.spreadsheet");
  else if (g_str_has_suffix (lower, ".xlsx"))
    add_filter (chooser, _("XLSX spreadsheets"), "*.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

static void
response_cb (GtkNativeDialog *native,
             int              response,
             GTask           *task)
{
  ChooserData *data = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;

  g_assert (GTK_IS_NATIVE_DIALOG (native));

  /* Once answered, a later cancellation has nothing left to stop. */
  g_clear_signal_handler (&data->response_id, native);
  if (data->cancelled_source != NULL)
    {
      g_source_destroy (data->cancelled_source);
      g_clear_pointer (&data->cancelled_source, g_source_unref);
    }

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  gtk_native_dialog_hide (native);

  if (file != NULL)
    g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("No file was chosen"));

  /* The reference taken when the dialog was shown. */
  g_object_unref (task);
}

static gboolean
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  GTask *task = user_data;
  ChooserData *data = g_task_get_task_data (task);

  g_clear_signal_handler (&data->response_id, data->native);
  g_clear_pointer (&data->cancelled_source, g_source_unref);
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (data->native));
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("No file was chosen"));
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static void
run_chooser (GtkFileChooserNative *native,
             GCancellable         *cancellable,
             GAsyncReadyCallback   callback,
             gpointer              user_data,
             gpointer              source_tag)
{
  g_autoptr(GTask) task = NULL;
  ChooserData *data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  /* The dialog stays alive, and the task with it, until an answer. */
  data = g_new0 (ChooserData, 1);
  data->native = native;
  g_task_set_task_data (task, data, (GDestroyNotify) chooser_data_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  data->response_id = g_signal_connect (native, "response", G_CALLBACK (response_cb), g_object_ref (task));
  if (cancellable != NULL)
    {
      data->cancelled_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (data->cancelled_source, G_SOURCE_FUNC (cancelled_cb), task, NULL);
      g_source_attach (data->cancelled_source, g_task_get_context (task));
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
set_folder (GtkFileChooser *chooser,
            GFile          *folder)
{
  g_autoptr(GError) error = NULL;

  if (folder != NULL && !gtk_file_chooser_set_current_folder (chooser, folder, &error))
    g_debug ("Could not start in the last folder: %s", error->message);
}

static GFile *
finish (GAsyncResult  *result,
        gpointer       source_tag,
        GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * koers_choose_open_file_async:
 * @parent: (nullable): the window the chooser belongs to
 * @current_folder: (nullable): the folder to start in
 *
 * Asks for a Koers project to open. Closing the chooser without choosing
 * finishes with %G_IO_ERROR_CANCELLED.
 */
void
koers_choose_open_file_async (GtkWindow           *parent,
                              GFile               *current_folder,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GtkFileChooserNative *native;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (current_folder == NULL || G_IS_FILE (current_folder));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  native = gtk_file_chooser_native_new (_("Open Project"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  add_koers_filter (GTK_FILE_CHOOSER (native));
  add_filter (GTK_FILE_CHOOSER (native), _("All files"), "*", NULL);
  set_folder (GTK_FILE_CHOOSER (native), current_folder);

  run_chooser (native, cancellable, callback, user_data, koers_choose_open_file_async);
}

/**
 * koers_choose_open_file_finish:
 *
 * Returns: (transfer full): the file chosen, or %NULL with @error set
 */
GFile *
koers_choose_open_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  return finish (result, koers_choose_open_file_async, error);
}

/**
 * koers_choose_save_file_async:
 * @parent: (nullable): the window the chooser belongs to
 * @suggested_name: (nullable): a name to start from, like
 *   "Woonstichting Rivierenland.koers"
 * @current_folder: (nullable): the folder to start in
 *
 * Asks where to save a project. The chooser itself asks before
 * replacing an existing file.
 */
void
koers_choose_save_file_async (GtkWindow           *parent,
                              const char          *suggested_name,
                              GFile               *current_folder,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GtkFileChooserNative *native;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (current_folder == NULL || G_IS_FILE (current_folder));

  native = gtk_file_chooser_native_new (_("Save Project"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  add_koers_filter (GTK_FILE_CHOOSER (native));
  set_folder (GTK_FILE_CHOOSER (native), current_folder);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);

  run_chooser (native, cancellable, callback, user_data, koers_choose_save_file_async);
}

/**
 * koers_choose_save_file_finish:
 *
 * Returns: (transfer full): the file chosen, or %NULL with @error set
 */
GFile *
koers_choose_save_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  return finish (result, koers_choose_save_file_async, error);
}

/**
 * koers_choose_export_file_async:
 * @parent: (nullable): the window the chooser belongs to
 * @suggested_name: a name with the format's extension, like
 *   "Woonstichting Rivierenland roadmap.png"
 * @current_folder: (nullable): the folder to start in
 *
 * Asks where to write an export.
 */
void
koers_choose_export_file_async (GtkWindow           *parent,
                                const char          *suggested_name,
                                GFile               *current_folder,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GtkFileChooserNative *native;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (current_folder == NULL || G_IS_FILE (current_folder));

  native = gtk_file_chooser_native_new (_("Export"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  add_export_filter (GTK_FILE_CHOOSER (native), suggested_name);
  set_folder (GTK_FILE_CHOOSER (native), current_folder);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);

  run_chooser (native, cancellable, callback, user_data, koers_choose_export_file_async);
}

/**
 * koers_choose_export_file_finish:
 *
 * Returns: (transfer full): the file chosen, or %NULL with @error set
 */
GFile *
koers_choose_export_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return finish (result, koers_choose_export_file_async, error);
}
