/* koers-export-dialog-export.c: choosing the file and writing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is written by the same koers_export_roadmap() and
 * koers_export_diagram() the command line uses, in a worker thread, on a
 * copy of the project read back from its bytes.
 */
#define G_LOG_DOMAIN "koers-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-a11y.h"
#include "koers-export-dialog-private.h"
#include "koers-file-chooser.h"

typedef struct {
  KoersCatalog       *catalog;
  GBytes             *project_bytes;
  char               *model_id;
  KoersExportOptions  options;
  GFile              *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->catalog);
  g_clear_pointer (&job->project_bytes, g_bytes_unref);
  g_clear_pointer (&job->model_id, g_free);
  g_clear_object (&job->file);
  g_free (job);
}

/* Runs on a copy of the project, read back from its bytes as the command
 * line reads a file: the same input as `koers --export-*`, and nothing the
 * window changes meanwhile can reach a worker thread. */
static gboolean
run_export_job (ExportJob  *job,
                GError    **error)
{
  g_autoptr(KoersProject) project = NULL;

  project = koers_project_load_from_bytes (job->catalog, job->project_bytes, error);
  if (project == NULL)
    return FALSE;

  if (job->model_id != NULL)
    return koers_export_diagram (project, job->model_id, &job->options, job->file, error);
  else
    {
      g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);

      return koers_export_roadmap (project, roadmap, &job->options, job->file, error);
    }
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (run_export_job (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Back in the main thread: hands the worker's outcome to the task that
 * holds the dialog. The job belongs to that task, which outlives the
 * worker's use of it (this callback holds a reference). */
static void
export_worker_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static ExportJob *
new_export_job (KoersExportDialog *self,
                GFile             *file)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->catalog = g_object_ref (koers_project_get_catalog (self->project));
  job->project_bytes = koers_project_to_bytes (self->project);
  job->model_id = g_strdup (self->model_id);
  job->file = g_object_ref (file);
  koers_export_dialog_get_options (self, &job->options);
  return job;
}

/* Shows the outcome: the error in the dialog, or remembers the options and
 * tells the window. Takes @error. */
static gboolean
export_done (KoersExportDialog  *self,
             ExportJob          *job,
             GError             *export_error,
             GError            **error)
{
  g_autoptr(GError) local_error = export_error;

  if (local_error != NULL)
    {
      g_autofree char *name = g_file_get_basename (job->file);
      g_autofree char *message = NULL;

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* TRANSLATORS: "“plan.png” was not exported. The disk is full. …" */
          message = g_strdup_printf (_("“%s” was not exported. %s"), name, local_error->message);
          _koers_export_dialog_show_error (self, message);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  _koers_export_dialog_show_error (self, NULL);
  g_clear_object (&self->last_folder);
  self->last_folder = g_file_get_parent (job->file);
  _koers_export_dialog_remember_options (self);
  _koers_export_dialog_exported (self, job->file);
  return TRUE;
}

static void
set_busy (KoersExportDialog *self,
          gboolean           busy)
{
  self->busy = busy;
  if (self->export_button == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
  gtk_button_set_label (self->export_button, busy ? _("Exporting…") : _("_Export…"));
  koers_a11y_name_controls (GTK_WIDGET (self->export_button));
}

static void
export_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  KoersExportDialog *self = KOERS_EXPORT_DIALOG (object);

  set_busy (self, FALSE);
  /* On success the window shows where the file went; the dialog is done. */
  if (koers_export_dialog_export_to_file_finish (self, result, NULL))
    gtk_window_close (GTK_WINDOW (self));
}

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KoersExportDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = koers_choose_export_file_finish (result, &error);
  if (file == NULL)
    {
      set_busy (self, FALSE);
      return;
    }

  koers_export_dialog_export_to_file_async (self, file, self->cancellable, export_finished_cb, NULL);
}

static void
export_clicked_cb (KoersExportDialog *self)
{
  g_autofree char *name = NULL;

  if (self->busy)
    return;

  set_busy (self, TRUE);
  name = koers_export_dialog_dup_suggested_name (self);
  koers_choose_export_file_async (GTK_WINDOW (self), name, self->last_folder,
                                  self->cancellable, file_chosen_cb, g_object_ref (self));
}

/* --- private API --------------------------------------------------------- */

void
_koers_export_dialog_class_export_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
}

/* --- public API ---------------------------------------------------------- */

/**
 * koers_export_dialog_export_to_file:
 * @file: where to write
 *
 * Writes the export with the dialog's options, as the Export button does
 * after asking for the file (there in a worker thread): on success emits #KoersExportDialog::exported
 * and remembers the options; on failure shows the message in the dialog,
 * which stays usable.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
koers_export_dialog_export_to_file (KoersExportDialog  *self,
                                    GFile              *file,
                                    GError            **error)
{
  ExportJob *job;
  GError *export_error = NULL;
  gboolean ok;

  g_return_val_if_fail (KOERS_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  job = new_export_job (self, file);
  run_export_job (job, &export_error);
  ok = export_done (self, job, export_error, error);
  export_job_free (job);
  return ok;
}

/**
 * koers_export_dialog_export_to_file_async:
 * @file: where to write
 *
 * Like koers_export_dialog_export_to_file(), drawing and writing in a
 * worker thread so the window stays responsive for a large PNG.
 */
void
koers_export_dialog_export_to_file_async (KoersExportDialog   *self,
                                          GFile               *file,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;

  g_return_if_fail (KOERS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, koers_export_dialog_export_to_file_async);
  g_task_set_task_data (task, new_export_job (self, file), (GDestroyNotify) export_job_free);

  /* The drawing runs in a task of its own that knows nothing of the
   * dialog: its worker thread may drop the last reference to it, and the
   * dialog must never be finalized there. */
  worker = g_task_new (NULL, cancellable, export_worker_done_cb, g_object_ref (task));
  g_task_set_task_data (worker, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (worker, export_in_thread);
}

gboolean
koers_export_dialog_export_to_file_finish (KoersExportDialog  *self,
                                           GAsyncResult       *result,
                                           GError            **error)
{
  GError *export_error = NULL;

  g_return_val_if_fail (KOERS_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  g_task_propagate_boolean (G_TASK (result), &export_error);
  return export_done (self, g_task_get_task_data (G_TASK (result)), export_error, error);
}
