/* koers-model-canvas-private.h: the canvas's parts, shared by
 * koers-model-canvas.c (the type and its geometry),
 * koers-model-canvas-draw.c (the diagram's cached base and its overlay),
 * koers-model-canvas-tray.c (the strip of markers not placed yet),
 * koers-model-canvas-dnd.c (drag and drop), koers-model-canvas-actions.c
 * (the stage menu, clicks and keys) and koers-model-canvas-a11y.c (the
 * stage zones that keyboard focus and screen readers use)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "koers-diagram-renderer.h"
#include "koers-marker-ref.h"
#include "koers-model-canvas.h"
#include "koers-stage-zone.h"

G_BEGIN_DECLS

/* The strip above the diagram where unplaced markers wait. */
#define TRAY_HEIGHT   44.0
#define TRAY_PADDING  12.0
#define TRAY_GLYPH    22.0

struct _KoersModelCanvas
{
  GtkWidget             parent_instance;

  KoersHistory         *history;
  KoersProject         *project;
  gulong                changed_id;

  KoersModel           *model;
  KoersDiagramRenderer *renderer;
  GHashTable           *renderers;      /* KoersModel* → KoersDiagramRenderer*, shown before */
  char                 *error_message;

  GPtrArray            *zones;          /* KoersStageZone*, in the model's order */
  char                 *selected;       /* stage id, or NULL */
  char                 *hover;          /* stage under the pointer outside a drag */
  char                 *drop_stage;     /* stage under the pointer in a drag */
  int                   source_marker;  /* marker dragged from this canvas, or -1 */
  int                   hover_marker;   /* marker of a drag over this canvas, or -1 */

  GtkDropTarget        *drop_target;
  GtkWidget            *menu;
  GtkRoot              *root;
  gulong                focus_visible_id;
  int                   max_height;     /* of the diagram, without the tray */

  /* The marks beside Now and Goal (koers-model-canvas-marks.c). */
  char                 *suggested;      /* stage the answers point to, or NULL */
  gboolean              show_others;
  const char           *previous;       /* the last round's Now: the project's string */
  GArray               *others;         /* KoersDiagramOther, into the project's strings */

  /* The art, the selected stage and the words, drawn once per size,
   * scale, theme and selection; hover, focus and markers go on top. */
  GskRenderNode        *base_node;
  cairo_surface_t      *base_surface;   /* what base_node paints */
  int                   base_key[5];    /* width, height, scale, dark, theme */
  char                 *base_selected;
  guint                 theme_serial;   /* counts theme and font changes */
  guint                 n_base_builds;  /* how often the base was drawn: tests */
  /* The overlay's parts drawn before, at the base's size and scale: the
   * lit stage, the focus ring and the markers, as small images, so that
   * a drag frame paints kept pixels (koers-model-canvas-draw.c). */
  GHashTable           *kept_parts;     /* key → KeptPart */
  gsize                 kept_bytes;     /* their pixels' size */
  guint                 warm_id;        /* timeout making each stage's lit image */
  GskRenderNode        *tray_glyphs[2]; /* each marker in the tray, as last drawn */
  double                tray_glyph_keys[2][8];
  /* The tray's measures, kept between frames: every frame of a drag
   * snapshots the tray, and measuring both markers and shaping the hint
   * anew was half of such a frame's work (koers-model-canvas-tray.c). */
  cairo_rectangle_t     tray_extents[2];
  gboolean              tray_measured;
  PangoLayout          *tray_hint;
  gboolean              tray_hint_any;  /* which of the two hints it says */
  guint                 n_tray_measures; /* how often the tray was measured: tests */
};

static inline void
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

/* koers-model-canvas-marks.c: the ghost Now, the last round and the others */
void            _koers_model_canvas_refresh_marks       (KoersModelCanvas  *self);
void            _koers_model_canvas_add_marks           (KoersModelCanvas  *self,
                                                         KoersDiagramStyle *style);
gboolean        _koers_model_canvas_set_suggested       (KoersModelCanvas  *self,
                                                         const char        *stage_id);
gboolean        _koers_model_canvas_set_show_others     (KoersModelCanvas  *self,
                                                         gboolean           show);
const char     *_koers_model_canvas_mark_at             (KoersModelCanvas  *self,
                                                         double             x,
                                                         double             y,
                                                         KoersDiagramMarkKind *kind);

/* koers-model-canvas.c: state and geometry, in the canvas's coordinates */
gboolean        _koers_model_canvas_is_dark             (void);
const char     *_koers_model_canvas_get_marker_stage    (KoersModelCanvas  *self,
                                                         KoersMarker        marker);
double          _koers_model_canvas_diagram_width       (KoersModelCanvas  *self);
double          _koers_model_canvas_diagram_height      (KoersModelCanvas  *self);
void            _koers_model_canvas_fill_base_style     (KoersModelCanvas  *self,
                                                         KoersDiagramStyle *style);
const char     *_koers_model_canvas_stage_at            (KoersModelCanvas  *self,
                                                         double             x,
                                                         double             y);
gboolean        _koers_model_canvas_get_stage_rect      (KoersModelCanvas  *self,
                                                         const char        *stage_id,
                                                         graphene_rect_t   *rect);
gboolean        _koers_model_canvas_marker_at           (KoersModelCanvas  *self,
                                                         double             x,
                                                         double             y,
                                                         KoersMarker       *marker);
void            _koers_model_canvas_measure_marker      (KoersMarker        marker,
                                                         double             size,
                                                         cairo_rectangle_t *extents);
void            _koers_model_canvas_select_stage        (KoersModelCanvas  *self,
                                                         const char        *stage_id,
                                                         gboolean           focus);
int             _koers_model_canvas_dragged_marker      (KoersModelCanvas  *self);
PangoLayout    *_koers_model_canvas_create_layout       (KoersModelCanvas  *self,
                                                         const char        *text,
                                                         gboolean           bold);
GdkRGBA         _koers_model_canvas_get_foreground      (KoersModelCanvas  *self);

/* koers-model-canvas-draw.c */
void            _koers_model_canvas_drop_base           (KoersModelCanvas  *self);
void            _koers_model_canvas_theme_changed       (KoersModelCanvas  *self);
void            _koers_model_canvas_snapshot_diagram    (KoersModelCanvas  *self,
                                                         GtkSnapshot       *snapshot,
                                                         double             width,
                                                         double             height);

/* koers-model-canvas-tray.c */
gboolean        _koers_model_canvas_tray_marker_at      (KoersModelCanvas  *self,
                                                         double             x,
                                                         double             y,
                                                         KoersMarker       *marker);
void            _koers_model_canvas_snapshot_tray       (KoersModelCanvas  *self,
                                                         GtkSnapshot       *snapshot);

/* koers-model-canvas-dnd.c */
/* What a drag over the canvas shows, callable without a real drag: the one
 * internal entry point for it, since on GTK 4.8 a drop target's "enter"
 * and "motion" cannot be emitted without a GdkDrop, which only a real
 * drag makes (the tests and bench/canvas.c use it; build-aux/screenshot
 * makes a real drag with xdotool). Coordinates are the canvas's. */
const char     *_koers_model_canvas_drag_motion         (KoersModelCanvas  *self,
                                                         int                marker,
                                                         double             x,
                                                         double             y);
void            _koers_model_canvas_drag_leave          (KoersModelCanvas  *self);
const char     *_koers_model_canvas_get_drop_stage      (KoersModelCanvas  *self);
void            _koers_model_canvas_init_dnd            (KoersModelCanvas  *self);
void            _koers_model_canvas_clear_drag_preview  (KoersModelCanvas  *self);

/* koers-model-canvas-actions.c */
void            _koers_model_canvas_tell                (KoersModelCanvas  *self,
                                                         const char        *text);
void            _koers_model_canvas_class_actions_init  (GtkWidgetClass    *widget_class);
void            _koers_model_canvas_init_actions        (KoersModelCanvas  *self);
GtkWidget      *_koers_model_canvas_ensure_menu         (KoersModelCanvas  *self);
gboolean        _koers_model_canvas_menu_is_open        (KoersModelCanvas  *self);
void            _koers_model_canvas_update_actions      (KoersModelCanvas  *self);
void            _koers_model_canvas_move_cursor         (KoersModelCanvas  *self,
                                                         GtkDirectionType   direction);

/* koers-model-canvas-a11y.c */
void            _koers_model_canvas_class_a11y_init     (GtkWidgetClass    *widget_class);
void            _koers_model_canvas_add_zones           (KoersModelCanvas  *self);
void            _koers_model_canvas_remove_zones        (KoersModelCanvas  *self);
KoersStageZone *_koers_model_canvas_focused_zone        (KoersModelCanvas  *self);
KoersStageZone *_koers_model_canvas_find_zone           (KoersModelCanvas  *self,
                                                         const char        *stage_id);
int             _koers_model_canvas_zone_position       (KoersModelCanvas  *self,
                                                         const char        *stage_id);
void            _koers_model_canvas_update_markers      (KoersModelCanvas  *self);

G_END_DECLS
