/* koers-slide.h: the roadmap laid out as presentation slides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is computed from the roadmap and the page size: phases as
 * columns from phase 0, one swimlane per model (and the organisation's lane
 * for phase 0), cards in the cells. When one slide cannot hold everything
 * legibly, the layout continues on further pages.
 */
#pragma once

#include "koers-project.h"
#include "koers-render-types.h"
#include "koers-roadmap.h"

G_BEGIN_DECLS

#define KOERS_TYPE_SLIDE (koers_slide_get_type ())
G_DECLARE_FINAL_TYPE (KoersSlide, koers_slide, KOERS, SLIDE, GObject)

KoersSlide *koers_slide_new          (KoersProject             *project,
                                      KoersRoadmap             *roadmap,
                                      double                    width,
                                      double                    height,
                                      const KoersRenderOptions *options,
                                      const char               *date);
guint       koers_slide_get_n_pages  (KoersSlide               *self);
void        koers_slide_draw_page    (KoersSlide               *self,
                                      cairo_t                  *cr,
                                      guint                     page);
void        koers_slide_get_size     (KoersSlide               *self,
                                      double                   *width,
                                      double                   *height);
char       *koers_slide_format_date  (GDateTime                *dt);

G_END_DECLS
