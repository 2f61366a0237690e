/* koers-diagram-renderer.h: draws a model's diagram with the markers on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One renderer for the canvas and for export: the canvas widget's snapshot
 * and the exporters both call koers_diagram_renderer_draw() on a cairo_t.
 * All coordinates are in the viewport given (width × height, logical
 * units); the art is scaled to fit with a margin and centred.
 */
#pragma once

#include "koers-model.h"
#include "koers-project.h"
#include "koers-render-types.h"
#include "koers-types.h"

G_BEGIN_DECLS

/* Another organisation on the diagram: a small marker with its name. */
typedef struct {
  const char *name;                 /* shown in full in the tooltip, shortened on the art */
  const char *stage;                /* stage id of its Now, or NULL */
} KoersDiagramOther;

typedef struct {
  KoersRenderOptions render;
  const char        *current;    /* stage id of the Now marker, or NULL */
  const char        *target;     /* stage id of the Goal marker, or NULL */
  const char        *highlight;  /* stage lit up under the pointer or a drag, or NULL */
  const char        *focus;      /* stage with keyboard focus (a visible ring), or NULL */
  const char        *selected;   /* stage chosen by a click, or NULL */
  int                hide_marker; /* -1, or the KoersMarker being dragged (drawn faded) */
  const char        *title;      /* export: a title band (organisation), or NULL for none */
  const char        *subtitle;   /* export: e.g. the model's name and the date */
  const char        *suggested;  /* stage the answers point to: a ghost Now, or NULL */
  const char        *previous;   /* the previous round's Now: faded, with a trail, or NULL */
  const KoersDiagramOther *others; /* other organisations, or NULL */
  guint              n_others;
} KoersDiagramStyle;

/* The extra marks beside Now and Goal. */
typedef enum {
  KOERS_DIAGRAM_MARK_SUGGESTED,
  KOERS_DIAGRAM_MARK_PREVIOUS,
  KOERS_DIAGRAM_MARK_OTHER,
} KoersDiagramMarkKind;

typedef struct {
  KoersDiagramMarkKind kind;
  guint                index;      /* into the style's others, for an other */
  cairo_rectangle_t    rect;       /* shape and label together, in the viewport */
} KoersDiagramMark;

/* Where a stage's words stand in the viewport, and how large they are. */
typedef struct {
  cairo_rectangle_t name;          /* the stage's name */
  cairo_rectangle_t caption;       /* its caption; zero width when left out */
  double            name_size;     /* font size, in viewport units (pixels on screen) */
  double            caption_size;  /* 0 when left out */
} KoersStageLabel;

/* What koers_diagram_renderer_draw_layers() draws: what changes when the
 * user drags or hovers, apart from what does not, so that the canvas can
 * keep the latter as one image. */
typedef enum {
  KOERS_DIAGRAM_LAYER_BASE      = 1 << 0,  /* background, art, the selected stage, words, title band */
  KOERS_DIAGRAM_LAYER_HIGHLIGHT = 1 << 1,  /* the lit stage */
  KOERS_DIAGRAM_LAYER_FOCUS     = 1 << 2,  /* the focus ring */
  KOERS_DIAGRAM_LAYER_MARKERS   = 1 << 3,  /* the markers */
  KOERS_DIAGRAM_LAYER_OVERLAY   = KOERS_DIAGRAM_LAYER_HIGHLIGHT | KOERS_DIAGRAM_LAYER_FOCUS |
                                  KOERS_DIAGRAM_LAYER_MARKERS,
} KoersDiagramLayers;

#define KOERS_TYPE_DIAGRAM_RENDERER (koers_diagram_renderer_get_type ())
G_DECLARE_FINAL_TYPE (KoersDiagramRenderer, koers_diagram_renderer, KOERS, DIAGRAM_RENDERER, GObject)

void                  koers_diagram_style_init              (KoersDiagramStyle    *style);
KoersDiagramRenderer *koers_diagram_renderer_new            (KoersModel           *model,
                                                             GError              **error);
KoersModel           *koers_diagram_renderer_get_model      (KoersDiagramRenderer *self);
void                  koers_diagram_prefetch_art            (KoersModel           *model);
void                  koers_diagram_prefetch_drop           (void);
void                  koers_diagram_renderer_draw           (KoersDiagramRenderer *self,
                                                             cairo_t              *cr,
                                                             double                width,
                                                             double                height,
                                                             const KoersDiagramStyle *style);
void                  koers_diagram_renderer_draw_layers    (KoersDiagramRenderer *self,
                                                             cairo_t              *cr,
                                                             double                width,
                                                             double                height,
                                                             const KoersDiagramStyle *style,
                                                             KoersDiagramLayers    layers);
const char           *koers_diagram_renderer_stage_at       (KoersDiagramRenderer *self,
                                                             double                width,
                                                             double                height,
                                                             const KoersDiagramStyle *style,
                                                             double                x,
                                                             double                y);
gboolean              koers_diagram_renderer_get_stage_rect (KoersDiagramRenderer *self,
                                                             double                width,
                                                             double                height,
                                                             const KoersDiagramStyle *style,
                                                             const char           *stage_id,
                                                             cairo_rectangle_t    *rect);
gboolean              koers_diagram_renderer_get_art_rect   (KoersDiagramRenderer *self,
                                                             double                width,
                                                             double                height,
                                                             const KoersDiagramStyle *style,
                                                             cairo_rectangle_t    *rect);
gboolean              koers_diagram_renderer_get_stage_label (KoersDiagramRenderer *self,
                                                             double                width,
                                                             double                height,
                                                             const KoersDiagramStyle *style,
                                                             const char           *stage_id,
                                                             KoersStageLabel      *label);
gboolean              koers_diagram_renderer_get_marker_rect (KoersDiagramRenderer *self,
                                                             double                width,
                                                             double                height,
                                                             const KoersDiagramStyle *style,
                                                             KoersMarker           marker,
                                                             cairo_rectangle_t    *rect);
KoersMarker           koers_diagram_renderer_marker_at      (KoersDiagramRenderer *self,
                                                             double                width,
                                                             double                height,
                                                             const KoersDiagramStyle *style,
                                                             double                x,
                                                             double                y,
                                                             gboolean             *found);
GArray               *koers_diagram_renderer_get_marks      (KoersDiagramRenderer *self,
                                                             double                width,
                                                             double                height,
                                                             const KoersDiagramStyle *style);
GArray               *koers_diagram_style_add_project       (KoersDiagramStyle    *style,
                                                             KoersProject         *project,
                                                             const char           *model_id,
                                                             gboolean              others);
void                  koers_render_marker                   (cairo_t              *cr,
                                                             KoersMarker           marker,
                                                             double                cx,
                                                             double                cy,
                                                             double                size,
                                                             gboolean              dark,
                                                             gboolean              faded);

G_END_DECLS
