/* koers-model-canvas-marks.c: the marks beside Now and Goal on the canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ghost Now where the answers point, the last round's Now with its
 * trail, and the other organisations: what the canvas hands the renderer,
 * and which of them is under the pointer, for its tooltip.
 */
#define G_LOG_DOMAIN "koers-model-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "koers-model-canvas-private.h"

/**
 * _koers_model_canvas_refresh_marks:
 *
 * Reads the last round and the others from the project again: after the
 * project, the model or the show-others setting changed.
 */
void
_koers_model_canvas_refresh_marks (KoersModelCanvas *self)
{
  KoersDiagramStyle style;

  g_clear_pointer (&self->others, g_array_unref);
  self->previous = NULL;
  if (self->project == NULL || self->model == NULL)
    return;

  koers_diagram_style_init (&style);
  self->others = koers_diagram_style_add_project (&style, self->project,
                                                  koers_model_get_id (self->model),
                                                  self->show_others);
  self->previous = style.previous;
}

void
_koers_model_canvas_add_marks (KoersModelCanvas  *self,
                               KoersDiagramStyle *style)
{
  style->suggested = self->suggested;
  style->previous = self->previous;
  if (self->others != NULL)
    {
      style->others = (const KoersDiagramOther *) self->others->data;
      style->n_others = self->others->len;
    }
}

/* Returns: whether that changed anything */
gboolean
_koers_model_canvas_set_suggested (KoersModelCanvas *self,
                                   const char       *stage_id)
{
  if (g_strcmp0 (self->suggested, stage_id) == 0)
    return FALSE;
  set_string (&self->suggested, stage_id);
  _koers_model_canvas_update_markers (self);
  return TRUE;
}

gboolean
_koers_model_canvas_set_show_others (KoersModelCanvas *self,
                                     gboolean          show)
{
  if (self->show_others == !!show)
    return FALSE;
  self->show_others = !!show;
  _koers_model_canvas_refresh_marks (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

/**
 * _koers_model_canvas_mark_at:
 * @kind: (out): which kind of mark is there
 *
 * Returns: (nullable): the words for the tooltip of the mark under
 *   (@x, @y), or %NULL when there is none
 */
const char *
_koers_model_canvas_mark_at (KoersModelCanvas     *self,
                             double                x,
                             double                y,
                             KoersDiagramMarkKind *kind)
{
  KoersDiagramStyle style;
  g_autoptr(GArray) marks = NULL;

  if (self->renderer == NULL || y < TRAY_HEIGHT)
    return NULL;
  _koers_model_canvas_fill_base_style (self, &style);
  marks = koers_diagram_renderer_get_marks (self->renderer,
                                            _koers_model_canvas_diagram_width (self),
                                            _koers_model_canvas_diagram_height (self),
                                            &style);
  y -= TRAY_HEIGHT;
  for (guint i = 0; i < marks->len; i++)
    {
      const KoersDiagramMark *mark = &g_array_index (marks, KoersDiagramMark, i);

      if (x < mark->rect.x || y < mark->rect.y ||
          x >= mark->rect.x + mark->rect.width || y >= mark->rect.y + mark->rect.height)
        continue;
      *kind = mark->kind;
      switch (mark->kind)
        {
        case KOERS_DIAGRAM_MARK_SUGGESTED:
          return _("Your answers point here. Place Now here with a click.");
        case KOERS_DIAGRAM_MARK_PREVIOUS:
          return _("Now in the last round");
        case KOERS_DIAGRAM_MARK_OTHER:
        default:
          return style.others[mark->index].name;
        }
    }
  return NULL;
}
