/* koers-deck-private.h: the deck's content, shared by its writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deck is a list of slides, each a list of boxes placed on a
 * 1920 × 1080 grid (a 16:9 slide at 1080p, so one unit is one pixel on
 * a projector). The content model decides what goes where and measures
 * every text with Pango before placing it; the ODP and PPTX writers only
 * translate boxes into their format, so both formats show the same slides.
 */
#pragma once

#include <pango/pango.h>

#include "koers-deck.h"
#include "koers-package.h"
#include "koers-progress-summary.h"

G_BEGIN_DECLS

#define KOERS_DECK_WIDTH   1920.0
#define KOERS_DECK_HEIGHT  1080.0
/* Inner margins of every text box, written into both formats. */
#define KOERS_DECK_INSET_X 14.0
#define KOERS_DECK_INSET_Y 7.0
/* The one font Koers measures with and declares in the files. */
#define KOERS_DECK_FONT    "DejaVu Sans"

typedef struct _KoersDeckMeasure KoersDeckMeasure;

typedef enum {
  KOERS_INK_TEXT,
  KOERS_INK_MUTED,
  KOERS_INK_NOW,
  KOERS_INK_GOAL,
} KoersInk;

typedef struct {
  char     *text;
  double    size;    /* px at 1080p */
  gboolean  bold;
  KoersInk  ink;
} KoersDeckRun;

typedef struct {
  GPtrArray *runs;           /* (element-type KoersDeckRun) */
  double     space_before;   /* px */
} KoersDeckPara;

typedef enum {
  KOERS_BOX_TITLE,           /* the slide's title placeholder */
  KOERS_BOX_SUBTITLE,        /* the title slide's subtitle placeholder */
  KOERS_BOX_BODY,            /* the content placeholder */
  KOERS_BOX_TEXT,            /* a plain text box */
  KOERS_BOX_PICTURE,
} KoersDeckBoxKind;

typedef struct {
  KoersDeckBoxKind  kind;
  double            x, y, width, height;  /* px */
  GPtrArray        *paras;   /* (element-type KoersDeckPara); text boxes */
  guint             picture; /* index into the deck's pictures */
  char             *description; /* a picture's alternative text */
} KoersDeckBox;

typedef enum {
  KOERS_DECK_SLIDE_TITLE,
  KOERS_DECK_SLIDE_MODEL,
  KOERS_DECK_SLIDE_FINDINGS,
  KOERS_DECK_SLIDE_OVERVIEW,
  KOERS_DECK_SLIDE_PHASE,
  KOERS_DECK_SLIDE_PROGRESS,
} KoersDeckSlideKind;

typedef struct {
  KoersDeckSlideKind  kind;
  char               *name;   /* the slide's name in the file's outline */
  GPtrArray          *boxes;  /* (element-type KoersDeckBox) */
} KoersDeckSlide;

typedef struct {
  GBytes *svg;
  GBytes *png;
  guint   png_width, png_height;
} KoersDeckPicture;

struct _KoersDeck
{
  GObject                 parent_instance;

  GPtrArray              *slides;    /* (element-type KoersDeckSlide) */
  GPtrArray              *pictures;  /* (element-type KoersDeckPicture) */
  char                   *title;     /* the document's title */
  char                   *language;  /* "nl" or "en" */
  char                   *country;   /* "NL" or "GB" */
  gboolean                dark;
  const KoersPalette     *palette;
  double                  min_phase_text; /* the smallest text on a phase or progress slide */
};

#define MARGIN        96.0
#define CONTENT_WIDTH (KOERS_DECK_WIDTH - 2 * MARGIN)
#define TITLE_Y       40.0
#define TITLE_HEIGHT  150.0
#define BODY_Y        200.0
#define BODY_BOTTOM   1040.0

/* Phase and progress slides: nothing under 24 px (12 pt) at 1080p. */
#define PHASE_TITLE_SIZE 52.0
#define PHASE_ITEM_SIZE  30.0
#define PHASE_TEXT_SIZE  24.0
/* The overview keeps a phase in one column down to this size. */
#define OVERVIEW_MAX_SIZE 24.0
#define OVERVIEW_MIN_SIZE 16.0
#define OVERVIEW_COLUMNS  6

/* Building blocks (koers-deck.c) */
GPtrArray      *_koers_deck_paras_new     (void);
KoersDeckPara  *_koers_deck_add_para      (GPtrArray          *paras,
                                           double              space_before,
                                           const char         *text,
                                           double              size,
                                           gboolean            bold,
                                           KoersInk            ink);
KoersDeckSlide *_koers_deck_add_slide     (KoersDeck          *self,
                                           KoersDeckSlideKind  kind,
                                           const char         *name);
KoersDeckBox   *_koers_deck_add_box       (KoersDeckSlide     *slide,
                                           KoersDeckBoxKind    kind,
                                           double              x,
                                           double              y,
                                           double              width,
                                           double              height,
                                           GPtrArray          *paras);
gboolean        _koers_deck_shrink_to_fit (KoersDeckMeasure   *measure,
                                           GPtrArray          *paras,
                                           double              width,
                                           double              height,
                                           double              min_size);
void            _koers_deck_add_title     (KoersDeckSlide     *slide,
                                           KoersDeckMeasure   *measure,
                                           const char         *text,
                                           double              size,
                                           double              min_size);
KoersDeckPara  *_koers_deck_para_new      (double          space_before);
void            _koers_deck_para_add      (KoersDeckPara  *para,
                                           const char     *text,
                                           double          size,
                                           gboolean        bold,
                                           KoersInk        ink);
void            _koers_deck_para_free     (KoersDeckPara  *para);
const KoersColor *_koers_deck_ink_color   (KoersDeck      *self,
                                           KoersInk        ink);
void            _koers_deck_color_hex     (const KoersColor *color,
                                           char            hex[7]);

/* Measuring with Pango (koers-deck-text.c) */

KoersDeckMeasure *_koers_deck_measure_new   (void);
void              _koers_deck_measure_free  (KoersDeckMeasure *measure);
double            _koers_deck_measure_paras (KoersDeckMeasure *measure,
                                             GPtrArray        *paras,
                                             double            box_width);
gboolean          _koers_deck_fits          (KoersDeckMeasure *measure,
                                             GPtrArray        *paras,
                                             double            box_width,
                                             double            box_height);
void              _koers_deck_scale_paras   (GPtrArray        *paras,
                                             double            factor);
char             *_koers_deck_shorten       (KoersDeckMeasure *measure,
                                             const char       *text,
                                             double            size,
                                             double            box_width,
                                             double            max_height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersDeckMeasure, _koers_deck_measure_free)

/* The roadmap's slides (koers-deck-roadmap.c) */
void    _koers_deck_add_findings_slides (KoersDeck        *self,
                                         KoersDeckMeasure *measure,
                                         KoersRoadmap     *roadmap);
void    _koers_deck_add_overview_slides (KoersDeck        *self,
                                         KoersDeckMeasure *measure,
                                         KoersRoadmap     *roadmap);
void    _koers_deck_add_phase_slides    (KoersDeck               *self,
                                         KoersDeckMeasure        *measure,
                                         const KoersRoadmapPhase *phase);
void    _koers_deck_add_progress_slides (KoersDeck                  *self,
                                         KoersDeckMeasure           *measure,
                                         const KoersProgressSummary *summary);

/* The writers (koers-deck-odp.c, koers-deck-pptx.c) */
GBytes *_koers_deck_write_odp  (KoersDeck  *self,
                                GError    **error);
GBytes *_koers_deck_write_pptx (KoersDeck  *self,
                                GError    **error);


G_END_DECLS
