/* koers-export-dialog-preview.c: the page as it will be exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laying out a long roadmap takes a third of a second: it happens in a
 * worker thread, on a copy of the project read back from its bytes, while
 * the dialog shows a spinner. The worker draws every page with
 * koers_export_layout_render_image(), the function a PNG export encodes,
 * at scale 1: the preview is the exported page, pixel for pixel. A layout
 * never leaves the thread that made it (its Pango context belongs to that
 * thread's font map), so a job lays out and draws in one go, and a job
 * whose options went stale is cancelled and its result dropped.
 */
#define G_LOG_DOMAIN "koers-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-export-dialog-private.h"
#include "koers-export-layout.h"

typedef struct {
  KoersCatalog       *catalog;
  GBytes             *project_bytes;
  char               *model_id;
  KoersExportOptions  options;
} PreviewJob;

typedef struct {
  int        width;
  int        height;
  gsize      stride;
  GPtrArray *pages;    /* GBytes, cairo's ARGB32 */
} PreviewResult;

static void
preview_job_free (PreviewJob *job)
{
  g_clear_object (&job->catalog);
  g_clear_pointer (&job->project_bytes, g_bytes_unref);
  g_clear_pointer (&job->model_id, g_free);
  g_free (job);
}

static void
preview_result_free (PreviewResult *result)
{
  g_clear_pointer (&result->pages, g_ptr_array_unref);
  g_free (result);
}

static void
destroy_surface (gpointer data)
{
  cairo_surface_destroy (data);
}

static PreviewResult *
run_preview_job (PreviewJob    *job,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(KoersProject) project = NULL;
  g_autoptr(KoersExportLayout) layout = NULL;
  PreviewResult *result;
  guint n_pages;

  project = koers_project_load_from_bytes (job->catalog, job->project_bytes, error);
  if (project == NULL)
    return NULL;

  /* A diagram never needs the roadmap. */
  if (job->model_id != NULL)
    {
      layout = koers_export_layout_new_diagram (project, job->model_id, &job->options, error);
      if (layout == NULL)
        return NULL;
    }
  else
    {
      g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      layout = koers_export_layout_new_roadmap (project, roadmap, &job->options);
    }

  n_pages = koers_export_layout_get_n_pages (layout);
  result = g_new0 (PreviewResult, 1);
  result->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < n_pages; i++)
    {
      cairo_surface_t *surface;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !(surface = koers_export_layout_render_image (layout, i, 1, error)))
        {
          preview_result_free (result);
          return NULL;
        }
      result->width = cairo_image_surface_get_width (surface);
      result->height = cairo_image_surface_get_height (surface);
      result->stride = cairo_image_surface_get_stride (surface);
      g_ptr_array_add (result->pages,
                       g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                                   result->stride * result->height,
                                                   destroy_surface, surface));
    }
  return result;
}

static void
preview_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  PreviewResult *result = run_preview_job (task_data, cancellable, &error);

  if (result != NULL)
    g_task_return_pointer (task, result, (GDestroyNotify) preview_result_free);
  else
    g_task_return_error (task, error);
}

/* Shows the page the page row chooses, once the worker drew it. */
static void
show_page (KoersExportDialog *self)
{
  guint page = _koers_export_dialog_get_preview_page (self) - 1;
  GdkTexture *texture;

  if (self->page_textures == NULL || page >= self->page_textures->len)
    return;

  texture = g_ptr_array_index (self->page_textures, page);
  gtk_aspect_frame_set_ratio (self->preview_frame,
                              (double) gdk_texture_get_width (texture) / gdk_texture_get_height (texture));
  gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
  if (adw_combo_row_get_selected (self->background_row) == KOERS_BACKGROUND_TRANSPARENT)
    gtk_widget_add_css_class (GTK_WIDGET (self->preview_picture), "transparent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->preview_picture), "transparent");
  gtk_stack_set_visible_child_name (self->preview_stack, "page");
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *async_result,
                 gpointer      user_data)
{
  g_autoptr(KoersExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  PreviewResult *result;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);
  /* Stale: other options (or a closed dialog) asked for another job. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (async_result))))
    {
      g_clear_pointer (&result, preview_result_free);
      return;
    }
  g_clear_object (&self->preview_cancellable);

  if (result == NULL)
    {
      adw_status_page_set_icon_name (self->document_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->document_page, _("No Preview"));
      adw_status_page_set_description (self->document_page, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "document");
      return;
    }

  g_clear_pointer (&self->page_textures, g_ptr_array_unref);
  self->page_textures = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < result->pages->len; i++)
    g_ptr_array_add (self->page_textures,
                     gdk_memory_texture_new (result->width, result->height, GDK_MEMORY_DEFAULT,
                                             g_ptr_array_index (result->pages, i), result->stride));
  self->n_pages = result->pages->len;
  preview_result_free (result);

  _koers_export_dialog_update_pages (self);
  show_page (self);
}

static void
start_job (KoersExportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  PreviewJob *job;

  _koers_export_dialog_stop_preview (self);
  g_clear_pointer (&self->page_textures, g_ptr_array_unref);
  gtk_picture_set_paintable (self->preview_picture, NULL);
  gtk_stack_set_visible_child_name (self->preview_stack, "loading");

  job = g_new0 (PreviewJob, 1);
  job->catalog = g_object_ref (koers_project_get_catalog (self->project));
  job->project_bytes = g_bytes_ref (self->project_bytes);
  job->model_id = g_strdup (self->model_id);
  _koers_export_dialog_read_options (self, &job->options);

  self->preview_cancellable = g_cancellable_new ();
  /* The task holds no dialog as its source: a worker may drop the last
   * reference to the task, and the dialog must never be finalized there.
   * The callback's reference is released in the main thread. */
  task = g_task_new (NULL, self->preview_cancellable, preview_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) preview_job_free);
  g_task_run_in_thread (task, preview_in_thread);
}

/* --- private API --------------------------------------------------------- */

/**
 * _koers_export_dialog_update_preview:
 * @layout: whether the options that change the layout changed (what, size,
 *   theme, background)
 *
 * A presentation or a spreadsheet shows what it holds, with no layout at
 * all; a picture starts a job when its layout changed, or shows the page
 * already drawn.
 */
void
_koers_export_dialog_update_preview (KoersExportDialog *self,
                                     gboolean           layout)
{
  KoersExportKind kind = _koers_export_dialog_get_kind (self);

  if (KIND_IS_PICTURE (kind))
    {
      if (layout || self->page_textures == NULL)
        start_job (self);
      else
        show_page (self);
      return;
    }

  _koers_export_dialog_stop_preview (self);
  g_clear_pointer (&self->page_textures, g_ptr_array_unref);
  gtk_picture_set_paintable (self->preview_picture, NULL);
  if (KIND_IS_DECK (kind))
    {
      adw_status_page_set_icon_name (self->document_page, "x-office-presentation-symbolic");
      adw_status_page_set_title (self->document_page, _("An Editable Presentation"));
      adw_status_page_set_description (self->document_page,
                                       _("A title slide, one slide for each placed model with its diagram, "
                                         "the findings, the roadmap overview and one slide for each phase. "
                                         "Every text can be changed in Impress or PowerPoint."));
    }
  else
    {
      adw_status_page_set_icon_name (self->document_page, "x-office-spreadsheet-symbolic");
      adw_status_page_set_title (self->document_page, _("The Roadmap as a Spreadsheet"));
      adw_status_page_set_description (self->document_page,
                                       _("One row for each item, with its phase, model, stage, status, owner, "
                                         "due date and note: the columns of the CSV export."));
    }
  gtk_stack_set_visible_child_name (self->preview_stack, "document");
}

/* Cancels the running job, if any: options changed or the dialog closes. */
void
_koers_export_dialog_stop_preview (KoersExportDialog *self)
{
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
}
