/* koers-diagram-art.c: the diagram's art, loaded once and cached as pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SVG is read once: its size and, from the layers named after the
 * stages, each stage's zone, label box and marker anchor, so the art and
 * the hit-testing can never disagree. A dark variant and a bare outline
 * are made when first needed. On screen the art is kept as a surface the
 * size of the viewport; large exports draw it directly.
 */
#define G_LOG_DOMAIN "koers-diagram-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "koers-diagram-renderer-private.h"

/* The diagrams are drawn on a 1600×900 page; used when an SVG has no size. */
#define DEFAULT_ART_WIDTH  1600.0
#define DEFAULT_ART_HEIGHT 900.0

/* Past this many device pixels the art is drawn directly instead of kept
 * in memory: a 8K canvas is not worth 128 MB. */
#define MAX_CACHE_PIXELS (4096 * 4096)

/* Construction */

static gboolean
get_box (RsvgHandle              *handle,
         const char              *id,
         double                   art_width,
         double                   art_height,
         cairo_rectangle_t       *rect,
         GError                 **error)
{
  g_autofree char *layer = g_strconcat ("#", id, NULL);
  RsvgRectangle viewport = { 0, 0, art_width, art_height };
  RsvgRectangle ink, logical;

  if (!rsvg_handle_has_sub (handle, layer))
    return FALSE;
  if (!rsvg_handle_get_geometry_for_layer (handle, layer, &viewport, &ink, &logical, error))
    return FALSE;

  /* Invisible boxes have no ink: their logical box is the one drawn. */
  if (ink.width <= 0 || ink.height <= 0)
    ink = logical;
  rect->x = ink.x;
  rect->y = ink.y;
  rect->width = ink.width;
  rect->height = ink.height;
  return rect->width > 0 && rect->height > 0;
}

/* Every handle is made here, and every one draws without the group of
 * class "koers-standalone": the English words that make the art look
 * finished when the file is opened on its own. Koers writes translated,
 * fitted labels into the boxes itself, so drawing those words too would
 * double them. @stylesheet, when given, follows the rule in one sheet, so
 * that no handle escapes it, whatever else it is given. */
RsvgHandle *
_koers_diagram_load_handle (const char  *filename,
                            GBytes      *data,
                            GBytes      *stylesheet,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) css = NULL;
  RsvgHandle *handle;

  handle = rsvg_handle_new_from_data (g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                      &local_error);
  if (handle == NULL)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX,
                   "%s: %s", filename, local_error->message);
      return NULL;
    }

  /* A user stylesheet loses to the art's own <style> unless important. */
  css = g_string_new (".koers-standalone { display: none !important; }\n");
  if (stylesheet != NULL)
    g_string_append_len (css, g_bytes_get_data (stylesheet, NULL), g_bytes_get_size (stylesheet));
  if (!rsvg_handle_set_stylesheet (handle, (const guint8 *) css->str, css->len, &local_error))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX,
                   "%s: %s", stylesheet != NULL ? "theme-dark.css" : filename,
                   local_error->message);
      g_object_unref (handle);
      return NULL;
    }
  return handle;
}

/* The first diagram a window shows, parsed on a thread of its own while
 * GTK starts (koers_diagram_prefetch_art()). One at a time; taken by the
 * first renderer made for its file, on whatever thread that is. */
typedef struct {
  char       *filename;
  GBytes     *data;
  RsvgHandle *handle;    /* written by the thread, read after joining it */
} Prefetch;

static GMutex    prefetch_lock;
static GThread  *prefetch_thread;   /* set while a parse waits to be taken */
static Prefetch *prefetch_job;

static gpointer
prefetch_run (gpointer data)
{
  Prefetch *job = data;

#ifdef __linux__
  /* Second to the main thread: on one core the parse must not hold up
   * the window it is for. */
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10);
#endif
  /* An error is not kept: the renderer then parses the file again, and
   * reports it. */
  job->handle = _koers_diagram_load_handle (job->filename, job->data, NULL, NULL);
  return NULL;
}

/**
 * koers_diagram_prefetch_art:
 * @model: the model whose diagram is drawn first
 *
 * Starts parsing @model's art on a thread of its own, for the next
 * koers_diagram_renderer_new() of a model with that art to take: a window
 * calls this as it starts, so that librsvg parses while GTK starts.
 * Does nothing while an earlier parse waits to be taken.
 */
void
koers_diagram_prefetch_art (KoersModel *model)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) data = NULL;

  g_return_if_fail (KOERS_IS_MODEL (model));

  path = g_strconcat (RESOURCE_PREFIX "/diagrams/", koers_model_get_diagram (model), NULL);
  data = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (data == NULL)
    return;

  g_mutex_lock (&prefetch_lock);
  if (prefetch_thread == NULL)
    {
      prefetch_job = g_new0 (Prefetch, 1);
      prefetch_job->filename = g_strdup (koers_model_get_diagram (model));
      prefetch_job->data = g_steal_pointer (&data);
      prefetch_thread = g_thread_new ("koers-diagram", prefetch_run, prefetch_job);
    }
  g_mutex_unlock (&prefetch_lock);
}

/* Waits for the parse and takes what it made; @filename NULL takes any. */
static RsvgHandle *
take_prefetched (const char *filename)
{
  GThread *thread = NULL;
  Prefetch *job = NULL;
  RsvgHandle *handle;

  g_mutex_lock (&prefetch_lock);
  if (prefetch_thread != NULL && (filename == NULL || g_strcmp0 (prefetch_job->filename, filename) == 0))
    {
      thread = g_steal_pointer (&prefetch_thread);
      job = g_steal_pointer (&prefetch_job);
    }
  g_mutex_unlock (&prefetch_lock);
  if (thread == NULL)
    return NULL;

  g_thread_join (thread);
  handle = g_steal_pointer (&job->handle);
  g_free (job->filename);
  g_bytes_unref (job->data);
  g_free (job);
  return handle;
}

/* The handle parsed ahead for @filename, when there is one: waits for it. */
RsvgHandle *
_koers_diagram_take_prefetched (const char *filename)
{
  g_return_val_if_fail (filename != NULL, NULL);
  return take_prefetched (filename);
}

/* Whether a parse for @filename waits to be taken: tests. */
gboolean
_koers_diagram_prefetch_pending (const char *filename)
{
  gboolean pending;

  g_mutex_lock (&prefetch_lock);
  pending = prefetch_thread != NULL && g_strcmp0 (prefetch_job->filename, filename) == 0;
  g_mutex_unlock (&prefetch_lock);
  return pending;
}

/**
 * koers_diagram_prefetch_drop:
 *
 * Waits for a parse that no renderer took and lets it go: at shutdown.
 */
void
koers_diagram_prefetch_drop (void)
{
  RsvgHandle *handle = take_prefetched (NULL);

  g_clear_object (&handle);
}

void
_koers_diagram_read_art_size (KoersDiagramRenderer *self)
{
  gboolean has_width, has_height, has_viewbox;
  RsvgLength width, height;
  RsvgRectangle viewbox;
  double w, h;

  /* Geometry is asked for in SVG units, so the viewport is the view box. */
  rsvg_handle_get_intrinsic_dimensions (self->handle, &has_width, &width,
                                        &has_height, &height, &has_viewbox, &viewbox);
  if (has_viewbox && viewbox.width > 0 && viewbox.height > 0)
    {
      self->art_width = viewbox.width;
      self->art_height = viewbox.height;
    }
  else if (rsvg_handle_get_intrinsic_size_in_pixels (self->handle, &w, &h) && w > 0 && h > 0)
    {
      self->art_width = w;
      self->art_height = h;
    }
  else
    {
      self->art_width = DEFAULT_ART_WIDTH;
      self->art_height = DEFAULT_ART_HEIGHT;
    }
}

gboolean
_koers_diagram_read_geometry (KoersDiagramRenderer  *self,
                              GError               **error)
{
  g_auto(GStrv) keys = NULL;
  guint n_stages = koers_model_get_n_stages (self->model);

  for (guint i = 0; i < n_stages; i++)
    {
      StageGeometry geometry = { 0 };
      g_autofree char *label_id = NULL;
      g_autofree char *anchor_id = NULL;
      g_autoptr(GError) local_error = NULL;

      geometry.stage = koers_model_get_stage (self->model, i);
      geometry.layer = g_strconcat ("#", geometry.stage->id, NULL);

      if (!get_box (self->handle, geometry.stage->id, self->art_width, self->art_height,
                    &geometry.zone, &local_error))
        {
          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_MISSING,
                       _("%s: there is no drop zone with the id “%s” for the stage “%s”%s%s"),
                       self->filename, geometry.stage->id, geometry.stage->name,
                       local_error != NULL ? ": " : "",
                       local_error != NULL ? local_error->message : "");
          _koers_diagram_stage_geometry_clear (&geometry);
          return FALSE;
        }

      label_id = g_strconcat ("label-", geometry.stage->id, NULL);
      anchor_id = g_strconcat ("anchor-", geometry.stage->id, NULL);
      geometry.has_label = get_box (self->handle, label_id, self->art_width, self->art_height,
                                    &geometry.label, NULL);
      geometry.has_anchor = get_box (self->handle, anchor_id, self->art_width, self->art_height,
                                     &geometry.anchor, NULL);
      g_array_append_val (self->stages, geometry);
    }

  keys = koers_model_dup_label_keys (self->model);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      TextBox text = { 0 };
      g_autofree char *text_id = g_strconcat ("text-", keys[i], NULL);

      if (!get_box (self->handle, text_id, self->art_width, self->art_height, &text.box, NULL))
        {
          g_debug ("%s has no box for the label “%s”", self->filename, keys[i]);
          continue;
        }
      text.key = g_strdup (keys[i]);
      g_array_append_val (self->texts, text);
    }

  return TRUE;
}

/* The dark theme's handle is a second parse of the whole SVG: most
 * sessions never draw dark, so it is made when first needed. Without its
 * stylesheet, or with a broken one, the diagram draws in its light colours. */
RsvgHandle *
_koers_diagram_get_handle (KoersDiagramRenderer    *self,
                           const KoersDiagramStyle *style)
{
  if (!is_dark (style))
    return self->handle;

  if (self->dark_handle == NULL)
    {
      g_autoptr(GBytes) dark_css = NULL;
      g_autoptr(GError) error = NULL;

      dark_css = g_resources_lookup_data (RESOURCE_PREFIX "/diagrams/theme-dark.css",
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (dark_css != NULL)
        self->dark_handle = _koers_diagram_load_handle (self->filename, self->data, dark_css, &error);
      if (self->dark_handle == NULL)
        {
          if (error != NULL)
            g_warning ("Cannot draw %s dark: %s", self->filename, error->message);
          self->dark_handle = g_object_ref (self->handle);
        }
    }
  return self->dark_handle;
}

/* The selected stage is outlined along its real edge: a handle whose
 * stylesheet turns every zone into a bare stroke gives that edge as a mask. */
RsvgHandle *
_koers_diagram_ensure_outline_handle (KoersDiagramRenderer *self)
{
  if (self->outline_handle == NULL)
    {
      g_autoptr(GString) css = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < self->stages->len; i++)
        {
          const StageGeometry *geometry = &g_array_index (self->stages, StageGeometry, i);

          /* Attribute selectors: stage ids may start with a digit. */
          g_string_append_printf (css, "%s[id=\"%s\"], [id=\"%s\"] *",
                                  i > 0 ? ", " : "", geometry->stage->id, geometry->stage->id);
        }
      /* User stylesheets lose to the art's own classes unless important. */
      g_string_append_printf (css,
                              " { fill: none !important; stroke: #000 !important;"
                              " stroke-opacity: 1 !important; opacity: 1 !important;"
                              " stroke-dasharray: none !important;"
                              " stroke-width: %gpx !important; }",
                              OUTLINE_WIDTH);

      {
        g_autoptr(GBytes) stylesheet = g_string_free_to_bytes (g_steal_pointer (&css));

        self->outline_handle = _koers_diagram_load_handle (self->filename, self->data, stylesheet, &error);
      }
      if (self->outline_handle == NULL)
        g_warning ("Cannot outline the stages of %s: %s", self->filename, error->message);
    }
  return self->outline_handle;
}

/* Drawing */

/* Raster targets get the art from a cache; vector targets (PDF, SVG, and
 * GTK's recording surfaces) get it drawn afresh so that it stays vector. */
gboolean
_koers_diagram_get_raster_scale (cairo_t *cr,
                                 double  *device_scale)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_matrix_t matrix;
  double sx, sy;

  switch ((int) cairo_surface_get_type (target))
    {
    case CAIRO_SURFACE_TYPE_IMAGE:
    case CAIRO_SURFACE_TYPE_XLIB:
    case CAIRO_SURFACE_TYPE_XCB:
    case CAIRO_SURFACE_TYPE_WIN32:
    case CAIRO_SURFACE_TYPE_QUARTZ_IMAGE:
      break;
    default:
      return FALSE;
    }

  /* Only a uniform scale maps cached pixels one to one onto the target. */
  cairo_get_matrix (cr, &matrix);
  if (fabs (matrix.xy) > 1e-9 || fabs (matrix.yx) > 1e-9 ||
      matrix.xx <= 0 || fabs (matrix.xx - matrix.yy) > 1e-9)
    return FALSE;

  /* cairo's matrix leaves out the surface's own scale (HiDPI). */
  cairo_surface_get_device_scale (target, &sx, &sy);
  if (fabs (sx - sy) > 1e-9)
    return FALSE;

  *device_scale = matrix.xx * sx;
  return TRUE;
}

void
_koers_diagram_render_art (RsvgHandle              *handle,
                           cairo_t                 *cr,
                           const Fit               *fit,
                           double                   width,
                           double                   height,
                           const KoersDiagramStyle *style)
{
  g_autoptr(GError) error = NULL;
  RsvgRectangle viewport = _koers_diagram_fit_viewport (fit);

  koers_paint_background (cr, &style->render, width, height);
  if (!rsvg_handle_render_document (handle, cr, &viewport, &error))
    g_warning ("Cannot draw the diagram: %s", error->message);
}

void
_koers_diagram_paint_cached_art (KoersDiagramRenderer    *self,
                                 cairo_t                 *cr,
                                 RsvgHandle              *handle,
                                 const Fit               *fit,
                                 double                   width,
                                 double                   height,
                                 double                   device_scale,
                                 const KoersDiagramStyle *style)
{
  gboolean dark = is_dark (style);
  int key_w = (int) round (width * 64);
  int key_h = (int) round (height * 64);
  ArtCache *entry = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (self->art); i++)
    {
      ArtCache *candidate = &self->art[i];

      if (candidate->surface != NULL &&
          candidate->width == key_w && candidate->height == key_h &&
          candidate->device_scale == device_scale &&
          candidate->dark == dark &&
          candidate->background == style->render.background &&
          candidate->fit_x == fit->x && candidate->fit_y == fit->y &&
          candidate->fit_scale == fit->scale)
        {
          entry = candidate;
          break;
        }
    }

  if (entry == NULL)
    {
      int pixel_w = (int) ceil (width * device_scale);
      int pixel_h = (int) ceil (height * device_scale);
      cairo_format_t format;
      cairo_t *cache_cr;

      if ((gint64) pixel_w * pixel_h > MAX_CACHE_PIXELS || pixel_w <= 0 || pixel_h <= 0)
        {
          _koers_diagram_render_art (handle, cr, fit, width, height, style);
          return;
        }

      /* Replace the entry used least recently. */
      entry = &self->art[0];
      for (guint i = 1; i < G_N_ELEMENTS (self->art); i++)
        if (self->art[i].used < entry->used)
          entry = &self->art[i];
      g_clear_pointer (&entry->surface, cairo_surface_destroy);

      /* An opaque page needs no alpha, and painting it is a plain copy. */
      format = style->render.background == KOERS_BACKGROUND_TRANSPARENT
               ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;
      entry->surface = cairo_image_surface_create (format, pixel_w, pixel_h);
      cairo_surface_set_device_scale (entry->surface, device_scale, device_scale);
      cache_cr = cairo_create (entry->surface);
      _koers_diagram_render_art (handle, cache_cr, fit, width, height, style);
      cairo_destroy (cache_cr);

      entry->width = key_w;
      entry->height = key_h;
      entry->device_scale = device_scale;
      entry->dark = dark;
      entry->background = style->render.background;
      entry->fit_x = fit->x;
      entry->fit_y = fit->y;
      entry->fit_scale = fit->scale;
    }

  entry->used = g_get_monotonic_time ();

  cairo_save (cr);
  cairo_set_source_surface (cr, entry->surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}
