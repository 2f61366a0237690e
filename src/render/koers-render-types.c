/* koers-render-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "koers-render-types.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

static const KoersPalette light = {
  .page = RGB (0xffffff),
  .ink = RGB (0x241f31),
  .ink_muted = RGB (0x5e5c64),
  .line = RGB (0x9a9996),
  .card = RGB (0xf6f5f4),
  .card_border = RGB (0xdeddda),
  .now = RGB (0x1c71d8),
  .goal = RGB (0xe66100),
  .highlight = RGBA (0x3584e4, 0.28),
  .focus = RGB (0x1c71d8),
  .warning = RGB (0x9c6e03),
};

static const KoersPalette dark = {
  .page = RGB (0x1e1e1e),
  .ink = RGB (0xffffff),
  .ink_muted = RGB (0xc0bfbc),
  .line = RGB (0x77767b),
  .card = RGB (0x303030),
  .card_border = RGB (0x4a4a4a),
  .now = RGB (0x62a0ea),
  .goal = RGB (0xffa348),
  .highlight = RGBA (0x62a0ea, 0.32),
  .focus = RGB (0x99c1f1),
  .warning = RGB (0xf8e45c),
};

gboolean
koers_background_from_string (const char      *name,
                              KoersBackground *background)
{
  if (g_strcmp0 (name, "theme") == 0)
    *background = KOERS_BACKGROUND_THEME;
  else if (g_strcmp0 (name, "white") == 0)
    *background = KOERS_BACKGROUND_WHITE;
  else if (g_strcmp0 (name, "transparent") == 0)
    *background = KOERS_BACKGROUND_TRANSPARENT;
  else
    return FALSE;
  return TRUE;
}

const KoersPalette *
koers_palette_get (gboolean is_dark)
{
  return is_dark ? &dark : &light;
}

/* A white page always gets the light palette: dark ink on white, whatever
 * the theme, so that "white background" never means white on white. */
const KoersPalette *
koers_palette_for (const KoersRenderOptions *options)
{
  if (options->background == KOERS_BACKGROUND_WHITE)
    return &light;
  return options->dark ? &dark : &light;
}

gboolean
koers_color_parse (const char *hex,
                   KoersColor *color)
{
  guint value = 0;

  if (hex == NULL || hex[0] != '#' || strlen (hex) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (hex[i]))
        return FALSE;
      value = value * 16 + g_ascii_xdigit_value (hex[i]);
    }
  color->red = (value >> 16 & 0xff) / 255.0;
  color->green = (value >> 8 & 0xff) / 255.0;
  color->blue = (value & 0xff) / 255.0;
  color->alpha = 1.0;
  return TRUE;
}

void
koers_set_source_color (cairo_t          *cr,
                        const KoersColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* The page behind a drawing: the theme's page colour, white, or nothing. */
void
koers_paint_background (cairo_t                  *cr,
                        const KoersRenderOptions *options,
                        double                    width,
                        double                    height)
{
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  switch (options->background)
    {
    case KOERS_BACKGROUND_WHITE:
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
      break;
    case KOERS_BACKGROUND_TRANSPARENT:
      cairo_new_path (cr);
      break;
    case KOERS_BACKGROUND_THEME:
    default:
      koers_set_source_color (cr, &koers_palette_for (options)->page);
      cairo_fill (cr);
      break;
    }
  cairo_restore (cr);
}
