/* koers-render-types.h: options and colours shared by every drawing Koers makes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KOERS_BACKGROUND_THEME,        /* the theme's page colour */
  KOERS_BACKGROUND_WHITE,
  KOERS_BACKGROUND_TRANSPARENT,
} KoersBackground;

typedef struct {
  gboolean        dark;
  KoersBackground background;
} KoersRenderOptions;

typedef struct {
  double red, green, blue, alpha;
} KoersColor;

/* The GNOME palette, chosen to read on white and on near-black. */
typedef struct {
  KoersColor page;         /* the theme's page: white, or #1e1e1e */
  KoersColor ink;          /* body text */
  KoersColor ink_muted;    /* secondary text */
  KoersColor line;         /* rules, arrows, borders */
  KoersColor card;         /* card fill */
  KoersColor card_border;
  KoersColor now;          /* the Now marker: blue 3 */
  KoersColor goal;         /* the Goal marker: orange 3 */
  KoersColor highlight;    /* a stage under the pointer */
  KoersColor focus;        /* the keyboard focus ring */
  KoersColor warning;
} KoersPalette;

gboolean            koers_background_from_string (const char               *name,
                                                  KoersBackground          *background);
const KoersPalette *koers_palette_get            (gboolean                  dark);
const KoersPalette *koers_palette_for            (const KoersRenderOptions *options);
gboolean            koers_color_parse            (const char               *hex,
                                                  KoersColor               *color);
void                koers_set_source_color       (cairo_t                  *cr,
                                                  const KoersColor         *color);
void                koers_paint_background       (cairo_t                  *cr,
                                                  const KoersRenderOptions *options,
                                                  double                    width,
                                                  double                    height);

G_END_DECLS
