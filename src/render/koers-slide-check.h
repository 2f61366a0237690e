/* koers-slide-check.h: the slide's legibility check, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built into a library only the tests link: the app lays out and draws
 * slides, and never needs to ask whether they are legible.
 */
#pragma once

#include "koers-slide.h"

G_BEGIN_DECLS

#define KOERS_SLIDE_ERROR (koers_slide_error_quark ())

/**
 * KoersSlideError:
 * @KOERS_SLIDE_ERROR_LAYOUT: the computed layout breaks a rule of legibility
 *   (clipped, shortened, overlapping or too small, a word broken that could
 *   have stayed whole, something an item has not shown, an arrow across
 *   another card, headings no larger than what they head); the message
 *   names the first one
 */
typedef enum {
  KOERS_SLIDE_ERROR_LAYOUT,
} KoersSlideError;

gboolean    koers_slide_check              (KoersSlide  *self,
                                            GError     **error);
double      koers_slide_get_min_font_px    (KoersSlide  *self);
double      koers_slide_get_card_font_px   (KoersSlide  *self,
                                            guint        page);
void        koers_slide_count_dependencies (KoersSlide  *self,
                                            guint       *arrows,
                                            guint       *in_words);
GQuark      koers_slide_error_quark        (void);

G_END_DECLS
