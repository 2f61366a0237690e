/* koers-export-dialog-export.c: choosing the file and writing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is written by the same koers_export_roadmap(),
 * koers_export_diagram(), koers_export_deck() and koers_export_spreadsheet()
 * the command line uses, in a worker thread, on a copy of the project read
 * back from its bytes. A target that is the project itself, or not an
 * ordinary file, is refused first, as the command line refuses it.
 */
#define G_LOG_DOMAIN "koers-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-a11y.h"
#include "koers-deck.h"
#include "koers-export-dialog-private.h"
#include "koers-file-chooser.h"
#include "koers-io.h"
#include "koers-spreadsheet.h"

typedef struct {
  KoersCatalog       *catalog;
  GBytes             *project_bytes;
  char               *model_id;
  KoersExportKind     kind;
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

  if (KIND_IS_PICTURE (job->kind) && job->model_id != NULL)
    return koers_export_diagram (project, job->model_id, &job->options, job->file, error);
  else
    {
      g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);

      if (KIND_IS_DECK (job->kind))
        return koers_export_deck (project, roadmap, &job->options.render, job->options.date,
                                  job->kind == KOERS_EXPORT_KIND_ODP ? KOERS_DECK_ODP : KOERS_DECK_PPTX,
                                  job->file, error);
      if (KIND_IS_SPREADSHEET (job->kind))
        return koers_export_spreadsheet (roadmap,
                                         job->kind == KOERS_EXPORT_KIND_ODS ? KOERS_SPREADSHEET_ODS
                                                                            : KOERS_SPREADSHEET_XLSX,
                                         job->file, error);
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
  job->project_bytes = g_bytes_ref (self->project_bytes);
  job->model_id = g_strdup (self->model_id);
  job->kind = _koers_export_dialog_get_kind (self);
  job->file = g_object_ref (file);
  _koers_export_dialog_read_options (self, &job->options);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.to", !busy);
  gtk_button_set_label (self->export_button, busy ? _("Exporting…") : _("_Export…"));
  koers_a11y_name_controls (GTK_WIDGET (self->export_button));
}

static void
export_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  KoersExportDialog *self = KOERS_EXPORT_DIALOG (object);
  GError *export_error = NULL;

  set_busy (self, FALSE);
  g_task_propagate_boolean (G_TASK (result), &export_error);
  /* On success the window shows where the file went; the dialog is done. */
  if (export_done (self, g_task_get_task_data (G_TASK (result)), export_error, NULL))
    gtk_window_close (GTK_WINDOW (self));
}

/* Draws and writes in a worker thread, so the window stays responsive for
 * a large PNG or a long deck. */
static void
export_to_file (KoersExportDialog *self,
                GFile             *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autoptr(GError) error = NULL;

  /* A new try: the last one's message no longer holds. */
  _koers_export_dialog_show_error (self, NULL);
  if (!koers_file_check_export_target (file, self->project_file, &error))
    {
      _koers_export_dialog_show_error (self, error->message);
      return;
    }

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, export_finished_cb, NULL);
  g_task_set_source_tag (task, export_to_file);
  g_task_set_task_data (task, new_export_job (self, file), (GDestroyNotify) export_job_free);

  /* The drawing runs in a task of its own that knows nothing of the
   * dialog: its worker thread may drop the last reference to it, and the
   * dialog must never be finalized there. */
  worker = g_task_new (NULL, self->cancellable, export_worker_done_cb, g_object_ref (task));
  g_task_set_task_data (worker, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (worker, export_in_thread);
}

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KoersExportDialog) self = user_data;
  g_autoptr(GFile) file = NULL;

  set_busy (self, FALSE);
  file = koers_choose_export_file_finish (result, NULL);
  if (file != NULL && self->project != NULL)
    export_to_file (self, file);
}

/* export.choose: asks where, then writes there. */
static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KoersExportDialog *self = KOERS_EXPORT_DIALOG (widget);
  g_autofree char *name = NULL;

  if (self->busy)
    return;

  set_busy (self, TRUE);
  name = _koers_export_dialog_dup_suggested_name (self);
  koers_choose_export_file_async (GTK_WINDOW (self), name, self->last_folder,
                                  self->cancellable, file_chosen_cb, g_object_ref (self));
}

/* export.to(URI): writes there with the options shown, as after the file
 * chooser; the outcome is the "exported" signal or the message shown. */
static void
to_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  KoersExportDialog *self = KOERS_EXPORT_DIALOG (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  if (!self->busy)
    export_to_file (self, file);
}

/* --- private API --------------------------------------------------------- */

void
_koers_export_dialog_class_export_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "export.to", "s", to_action);
}
