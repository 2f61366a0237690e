/* koers-deck.h: the project as an editable presentation (ODP or PPTX)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "koers-project.h"
#include "koers-render-types.h"
#include "koers-roadmap.h"

G_BEGIN_DECLS

typedef enum {
  KOERS_DECK_ODP,
  KOERS_DECK_PPTX,
} KoersDeckFormat;

#define KOERS_TYPE_DECK (koers_deck_get_type ())
G_DECLARE_FINAL_TYPE (KoersDeck, koers_deck, KOERS, DECK, GObject)

gboolean    koers_deck_format_from_filename (const char               *filename,
                                             KoersDeckFormat          *format);
KoersDeck  *koers_deck_new                  (KoersProject             *project,
                                             KoersRoadmap             *roadmap,
                                             const KoersRenderOptions *options,
                                             const char               *date);
guint       koers_deck_get_n_slides         (KoersDeck                *self);
const char *koers_deck_get_language         (KoersDeck                *self);
double      koers_deck_get_min_phase_text   (KoersDeck                *self);
GBytes     *koers_deck_to_bytes             (KoersDeck                *self,
                                             KoersDeckFormat           format,
                                             GError                  **error);
gboolean    koers_export_deck               (KoersProject             *project,
                                             KoersRoadmap             *roadmap,
                                             const KoersRenderOptions *options,
                                             const char               *date,
                                             KoersDeckFormat           format,
                                             GFile                    *file,
                                             GError                  **error);

G_END_DECLS
