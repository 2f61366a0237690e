/* koers-deck-odp.c: the deck as an OpenDocument presentation (.odp)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A package as ODF 1.3 wants it: `mimetype` first and stored, then the
 * manifest, styles (the page, the master with its title and outline
 * placeholders, the one font, the language), content and metadata.
 * Diagrams are SVG with a PNG beside them for readers without SVG.
 */
#define G_LOG_DOMAIN "koers-deck"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koers-deck-private.h"

#define NS_OFFICE       "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE        "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT         "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_DRAW         "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_FO           "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG          "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_PRESENTATION "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
#define NS_META         "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_MANIFEST     "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
#define NS_XLINK        "http://www.w3.org/1999/xlink"
#define NS_DC           "http://purl.org/dc/elements/1.1/"

#define MIME_ODP "application/vnd.oasis.opendocument.presentation"

/* The page is 33.867 cm wide, as a 13.333 inch 16:9 slide, so that the
 * same deck has the same size in both formats. */
#define CM_PER_PX (33.867 / KOERS_DECK_WIDTH)

static void
add_cm (GsfXMLOut  *xml,
        const char *id,
        double      px)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *value = g_strconcat (g_ascii_formatd (buf, sizeof buf, "%.3f", px * CM_PER_PX), "cm", NULL);

  gsf_xml_out_add_cstr_unchecked (xml, id, value);
}

static void
add_pt (GsfXMLOut  *xml,
        const char *id,
        double      px)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  /* 1080 px are 7.5 inches, 540 pt: a point is two pixels. */
  g_autofree char *value = g_strconcat (g_ascii_formatd (buf, sizeof buf, "%.1f", px / 2), "pt", NULL);

  gsf_xml_out_add_cstr_unchecked (xml, id, value);
}

static void
add_color (GsfXMLOut        *xml,
           const char       *id,
           const KoersColor *color)
{
  char hex[7];
  g_autofree char *value = NULL;

  _koers_deck_color_hex (color, hex);
  value = g_strconcat ("#", hex, NULL);
  gsf_xml_out_add_cstr_unchecked (xml, id, value);
}

static void
add_namespaces (GsfXMLOut *xml)
{
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:office", NS_OFFICE);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:style", NS_STYLE);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:text", NS_TEXT);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:draw", NS_DRAW);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:fo", NS_FO);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:svg", NS_SVG);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:xlink", NS_XLINK);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:presentation", NS_PRESENTATION);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:meta", NS_META);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:dc", NS_DC);
  gsf_xml_out_add_cstr_unchecked (xml, "office:version", "1.3");
}

static void
add_language (KoersDeck *self,
              GsfXMLOut *xml)
{
  gsf_xml_out_add_cstr_unchecked (xml, "fo:language", self->language);
  gsf_xml_out_add_cstr_unchecked (xml, "fo:country", self->country);
}

/* Frames keep the size Koers measured: no growing, no shrinking. */
static void
add_frame_properties (GsfXMLOut *xml)
{
  gsf_xml_out_start_element (xml, "style:graphic-properties");
  gsf_xml_out_add_cstr_unchecked (xml, "draw:stroke", "none");
  gsf_xml_out_add_cstr_unchecked (xml, "draw:fill", "none");
  gsf_xml_out_add_cstr_unchecked (xml, "draw:auto-grow-height", "false");
  gsf_xml_out_add_cstr_unchecked (xml, "draw:auto-grow-width", "false");
  gsf_xml_out_add_cstr_unchecked (xml, "draw:fit-to-size", "false");
  gsf_xml_out_add_cstr_unchecked (xml, "style:shrink-to-fit", "false");
  gsf_xml_out_add_cstr_unchecked (xml, "draw:textarea-vertical-align", "top");
  add_cm (xml, "fo:padding-left", KOERS_DECK_INSET_X);
  add_cm (xml, "fo:padding-right", KOERS_DECK_INSET_X);
  add_cm (xml, "fo:padding-top", KOERS_DECK_INSET_Y);
  add_cm (xml, "fo:padding-bottom", KOERS_DECK_INSET_Y);
  gsf_xml_out_add_cstr_unchecked (xml, "fo:wrap-option", "wrap");
  gsf_xml_out_end_element (xml);
}

/* --- styles.xml ----------------------------------------------------------- */

static void
write_presentation_style (KoersDeck  *self,
                          GsfXMLOut  *xml,
                          const char *name,
                          double      size,
                          gboolean    bold)
{
  gsf_xml_out_start_element (xml, "style:style");
  gsf_xml_out_add_cstr_unchecked (xml, "style:name", name);
  gsf_xml_out_add_cstr_unchecked (xml, "style:family", "presentation");
  add_frame_properties (xml);
  gsf_xml_out_start_element (xml, "style:paragraph-properties");
  gsf_xml_out_add_cstr_unchecked (xml, "fo:margin-left", "0cm");
  gsf_xml_out_add_cstr_unchecked (xml, "fo:text-indent", "0cm");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "style:text-properties");
  gsf_xml_out_add_cstr_unchecked (xml, "style:font-name", KOERS_DECK_FONT);
  add_pt (xml, "fo:font-size", size);
  gsf_xml_out_add_cstr_unchecked (xml, "fo:font-weight", bold ? "bold" : "normal");
  add_color (xml, "fo:color", &self->palette->ink);
  add_language (self, xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
write_placeholder (GsfXMLOut  *xml,
                   const char *class,
                   const char *style,
                   double      x,
                   double      y,
                   double      width,
                   double      height)
{
  gsf_xml_out_start_element (xml, "draw:frame");
  gsf_xml_out_add_cstr_unchecked (xml, "presentation:style-name", style);
  gsf_xml_out_add_cstr_unchecked (xml, "draw:layer", "backgroundobjects");
  add_cm (xml, "svg:x", x);
  add_cm (xml, "svg:y", y);
  add_cm (xml, "svg:width", width);
  add_cm (xml, "svg:height", height);
  gsf_xml_out_add_cstr_unchecked (xml, "presentation:class", class);
  gsf_xml_out_add_cstr_unchecked (xml, "presentation:placeholder", "true");
  gsf_xml_out_simple_element (xml, "draw:text-box", NULL);
  gsf_xml_out_end_element (xml);
}

static void
write_styles (KoersDeck    *self,
              KoersPackage *package)
{
  GsfXMLOut *xml = _koers_package_begin_xml (package, "styles.xml");

  gsf_xml_out_start_element (xml, "office:document-styles");
  add_namespaces (xml);

  /* Declared, or Impress falls back to a serif face. */
  gsf_xml_out_start_element (xml, "office:font-face-decls");
  gsf_xml_out_start_element (xml, "style:font-face");
  gsf_xml_out_add_cstr_unchecked (xml, "style:name", KOERS_DECK_FONT);
  gsf_xml_out_add_cstr_unchecked (xml, "svg:font-family", "'" KOERS_DECK_FONT "'");
  gsf_xml_out_add_cstr_unchecked (xml, "style:font-family-generic", "swiss");
  gsf_xml_out_add_cstr_unchecked (xml, "style:font-pitch", "variable");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);

  gsf_xml_out_start_element (xml, "office:styles");
  gsf_xml_out_start_element (xml, "style:default-style");
  gsf_xml_out_add_cstr_unchecked (xml, "style:family", "graphic");
  gsf_xml_out_start_element (xml, "style:text-properties");
  gsf_xml_out_add_cstr_unchecked (xml, "style:font-name", KOERS_DECK_FONT);
  add_pt (xml, "fo:font-size", 36);
  add_color (xml, "fo:color", &self->palette->ink);
  add_language (self, xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  write_presentation_style (self, xml, "Default-title", 52, TRUE);
  write_presentation_style (self, xml, "Default-subtitle", 48, FALSE);
  write_presentation_style (self, xml, "Default-outline1", 30, FALSE);
  write_presentation_style (self, xml, "Default-notes", 24, FALSE);
  gsf_xml_out_end_element (xml); /* office:styles */

  gsf_xml_out_start_element (xml, "office:automatic-styles");
  gsf_xml_out_start_element (xml, "style:page-layout");
  gsf_xml_out_add_cstr_unchecked (xml, "style:name", "PM1");
  gsf_xml_out_start_element (xml, "style:page-layout-properties");
  gsf_xml_out_add_cstr_unchecked (xml, "fo:margin-top", "0cm");
  gsf_xml_out_add_cstr_unchecked (xml, "fo:margin-bottom", "0cm");
  gsf_xml_out_add_cstr_unchecked (xml, "fo:margin-left", "0cm");
  gsf_xml_out_add_cstr_unchecked (xml, "fo:margin-right", "0cm");
  add_cm (xml, "fo:page-width", KOERS_DECK_WIDTH);
  add_cm (xml, "fo:page-height", KOERS_DECK_HEIGHT);
  gsf_xml_out_add_cstr_unchecked (xml, "style:print-orientation", "landscape");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  /* The theme's page colour, light or dark. */
  gsf_xml_out_start_element (xml, "style:style");
  gsf_xml_out_add_cstr_unchecked (xml, "style:name", "Mdp1");
  gsf_xml_out_add_cstr_unchecked (xml, "style:family", "drawing-page");
  gsf_xml_out_start_element (xml, "style:drawing-page-properties");
  gsf_xml_out_add_cstr_unchecked (xml, "draw:background-size", "full");
  gsf_xml_out_add_cstr_unchecked (xml, "draw:fill", "solid");
  add_color (xml, "draw:fill-color", &self->palette->page);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml); /* office:automatic-styles */

  gsf_xml_out_start_element (xml, "office:master-styles");
  gsf_xml_out_start_element (xml, "style:master-page");
  gsf_xml_out_add_cstr_unchecked (xml, "style:name", "Default");
  gsf_xml_out_add_cstr_unchecked (xml, "style:page-layout-name", "PM1");
  gsf_xml_out_add_cstr_unchecked (xml, "draw:style-name", "Mdp1");
  write_placeholder (xml, "title", "Default-title", 96, 40, KOERS_DECK_WIDTH - 192, 150);
  write_placeholder (xml, "outline", "Default-outline1", 96, 200, KOERS_DECK_WIDTH - 192, 840);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);

  gsf_xml_out_end_element (xml); /* office:document-styles */
  _koers_package_end_xml (package, xml);
}

/* --- content.xml ---------------------------------------------------------- */

/* Automatic styles, one per look used, named in order of first use. */
typedef struct {
  GHashTable *text;   /* "size|bold|ink" → "T<n>" */
  GHashTable *para;   /* "space" → "P<n>" */
} Styles;

static char *
text_key (const KoersDeckRun *run)
{
  return g_strdup_printf ("%d|%d|%d", (int) run->size, run->bold, run->ink);
}

static char *
para_key (const KoersDeckPara *para)
{
  return g_strdup_printf ("%d", (int) para->space_before);
}

static void
collect_styles (KoersDeck *self,
                Styles    *styles)
{
  for (guint s = 0; s < self->slides->len; s++)
    {
      KoersDeckSlide *slide = g_ptr_array_index (self->slides, s);

      for (guint b = 0; b < slide->boxes->len; b++)
        {
          KoersDeckBox *box = g_ptr_array_index (slide->boxes, b);

          for (guint p = 0; box->paras && p < box->paras->len; p++)
            {
              KoersDeckPara *para = g_ptr_array_index (box->paras, p);
              char *key = para_key (para);

              if (!g_hash_table_contains (styles->para, key))
                g_hash_table_insert (styles->para, key,
                                     g_strdup_printf ("P%u", g_hash_table_size (styles->para) + 1));
              else
                g_free (key);
              for (guint r = 0; r < para->runs->len; r++)
                {
                  key = text_key (g_ptr_array_index (para->runs, r));
                  if (!g_hash_table_contains (styles->text, key))
                    g_hash_table_insert (styles->text, key,
                                         g_strdup_printf ("T%u", g_hash_table_size (styles->text) + 1));
                  else
                    g_free (key);
                }
            }
        }
    }
}

static void
write_automatic_styles (KoersDeck *self,
                        GsfXMLOut *xml,
                        Styles    *styles)
{
  GHashTableIter iter;
  gpointer key, name;
  g_autoptr(GList) keys = NULL;

  gsf_xml_out_start_element (xml, "office:automatic-styles");

  gsf_xml_out_start_element (xml, "style:style");
  gsf_xml_out_add_cstr_unchecked (xml, "style:name", "gr1");
  gsf_xml_out_add_cstr_unchecked (xml, "style:family", "graphic");
  add_frame_properties (xml);
  gsf_xml_out_end_element (xml);
  for (guint i = 0; i < 3; i++)
    {
      static const char *names[] = { "pr1", "pr2", "pr3" };
      static const char *parents[] = { "Default-title", "Default-subtitle", "Default-outline1" };

      gsf_xml_out_start_element (xml, "style:style");
      gsf_xml_out_add_cstr_unchecked (xml, "style:name", names[i]);
      gsf_xml_out_add_cstr_unchecked (xml, "style:family", "presentation");
      gsf_xml_out_add_cstr_unchecked (xml, "style:parent-style-name", parents[i]);
      add_frame_properties (xml);
      gsf_xml_out_end_element (xml);
    }

  /* Sorted by name, so that the same deck gives the same bytes. */
  keys = g_hash_table_get_keys (styles->para);
  keys = g_list_sort (keys, (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l; l = l->next)
    {
      gsf_xml_out_start_element (xml, "style:style");
      gsf_xml_out_add_cstr_unchecked (xml, "style:name", g_hash_table_lookup (styles->para, l->data));
      gsf_xml_out_add_cstr_unchecked (xml, "style:family", "paragraph");
      gsf_xml_out_start_element (xml, "style:paragraph-properties");
      add_cm (xml, "fo:margin-top", atoi (l->data));
      gsf_xml_out_add_cstr_unchecked (xml, "fo:margin-bottom", "0cm");
      gsf_xml_out_add_cstr_unchecked (xml, "fo:margin-left", "0cm");
      gsf_xml_out_add_cstr_unchecked (xml, "fo:text-indent", "0cm");
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
    }

  g_hash_table_iter_init (&iter, styles->text);
  while (g_hash_table_iter_next (&iter, &key, &name))
    {
      int size, bold, ink;

      if (sscanf (key, "%d|%d|%d", &size, &bold, &ink) != 3)
        g_assert_not_reached ();
      gsf_xml_out_start_element (xml, "style:style");
      gsf_xml_out_add_cstr_unchecked (xml, "style:name", name);
      gsf_xml_out_add_cstr_unchecked (xml, "style:family", "text");
      gsf_xml_out_start_element (xml, "style:text-properties");
      gsf_xml_out_add_cstr_unchecked (xml, "style:font-name", KOERS_DECK_FONT);
      add_pt (xml, "fo:font-size", size);
      gsf_xml_out_add_cstr_unchecked (xml, "fo:font-weight", bold ? "bold" : "normal");
      add_color (xml, "fo:color", _koers_deck_ink_color (self, ink));
      add_language (self, xml);
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
    }

  gsf_xml_out_end_element (xml);
}

static void
write_paras (GsfXMLOut *xml,
             GPtrArray *paras,
             Styles    *styles)
{
  gsf_xml_out_start_element (xml, "draw:text-box");
  for (guint p = 0; p < paras->len; p++)
    {
      KoersDeckPara *para = g_ptr_array_index (paras, p);
      g_autofree char *pkey = para_key (para);

      gsf_xml_out_start_element (xml, "text:p");
      gsf_xml_out_add_cstr_unchecked (xml, "text:style-name",
                                      p == 0 ? g_hash_table_lookup (styles->para, "0")
                                             : g_hash_table_lookup (styles->para, pkey));
      for (guint r = 0; r < para->runs->len; r++)
        {
          KoersDeckRun *run = g_ptr_array_index (para->runs, r);
          g_autofree char *tkey = text_key (run);
          g_auto(GStrv) lines = g_strsplit (run->text, "\n", -1);

          for (guint i = 0; lines[i]; i++)
            {
              if (i > 0)
                gsf_xml_out_simple_element (xml, "text:line-break", NULL);
              if (lines[i][0] == '\0')
                continue;
              gsf_xml_out_start_element (xml, "text:span");
              gsf_xml_out_add_cstr_unchecked (xml, "text:style-name", g_hash_table_lookup (styles->text, tkey));
              gsf_xml_out_add_cstr (xml, NULL, lines[i]);
              gsf_xml_out_end_element (xml);
            }
        }
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
}

static void
write_geometry (GsfXMLOut          *xml,
                const KoersDeckBox *box)
{
  add_cm (xml, "svg:x", box->x);
  add_cm (xml, "svg:y", box->y);
  add_cm (xml, "svg:width", box->width);
  add_cm (xml, "svg:height", box->height);
}

static void
write_box (GsfXMLOut          *xml,
           const KoersDeckBox *box,
           Styles             *styles)
{
  static const char *classes[] = { "title", "subtitle", "outline" };
  static const char *pstyles[] = { "pr1", "pr2", "pr3" };

  gsf_xml_out_start_element (xml, "draw:frame");
  if (box->kind == KOERS_BOX_PICTURE || box->kind == KOERS_BOX_TEXT)
    {
      gsf_xml_out_add_cstr_unchecked (xml, "draw:style-name", "gr1");
      gsf_xml_out_add_cstr_unchecked (xml, "draw:layer", "layout");
      write_geometry (xml, box);
    }
  else
    {
      gsf_xml_out_add_cstr_unchecked (xml, "presentation:style-name", pstyles[box->kind]);
      gsf_xml_out_add_cstr_unchecked (xml, "draw:layer", "layout");
      write_geometry (xml, box);
      gsf_xml_out_add_cstr_unchecked (xml, "presentation:class", classes[box->kind]);
      gsf_xml_out_add_cstr_unchecked (xml, "presentation:user-transformed", "true");
    }

  if (box->kind == KOERS_BOX_PICTURE)
    {
      g_autofree char *svg = g_strdup_printf ("Pictures/diagram%u.svg", box->picture + 1);
      g_autofree char *png = g_strdup_printf ("Pictures/diagram%u.png", box->picture + 1);
      const char *hrefs[] = { svg, png };
      const char *types[] = { "image/svg+xml", "image/png" };

      /* The first image a reader can show wins: SVG, else the PNG. */
      for (guint i = 0; i < G_N_ELEMENTS (hrefs); i++)
        {
          gsf_xml_out_start_element (xml, "draw:image");
          gsf_xml_out_add_cstr_unchecked (xml, "xlink:href", hrefs[i]);
          gsf_xml_out_add_cstr_unchecked (xml, "xlink:type", "simple");
          gsf_xml_out_add_cstr_unchecked (xml, "xlink:show", "embed");
          gsf_xml_out_add_cstr_unchecked (xml, "xlink:actuate", "onLoad");
          gsf_xml_out_add_cstr_unchecked (xml, "draw:mime-type", types[i]);
          gsf_xml_out_end_element (xml);
        }
      if (box->description != NULL)
        gsf_xml_out_simple_element (xml, "svg:desc", box->description);
    }
  else
    write_paras (xml, box->paras, styles);

  gsf_xml_out_end_element (xml);
}

static void
write_content (KoersDeck    *self,
               KoersPackage *package)
{
  GsfXMLOut *xml = _koers_package_begin_xml (package, "content.xml");
  Styles styles = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
  };

  /* The first paragraph of a box never has room above it. */
  g_hash_table_insert (styles.para, g_strdup ("0"), g_strdup ("P0"));
  collect_styles (self, &styles);

  gsf_xml_out_start_element (xml, "office:document-content");
  add_namespaces (xml);
  write_automatic_styles (self, xml, &styles);

  gsf_xml_out_start_element (xml, "office:body");
  gsf_xml_out_start_element (xml, "office:presentation");
  for (guint s = 0; s < self->slides->len; s++)
    {
      KoersDeckSlide *slide = g_ptr_array_index (self->slides, s);
      g_autofree char *name = g_strdup_printf ("page%u", s + 1);

      gsf_xml_out_start_element (xml, "draw:page");
      gsf_xml_out_add_cstr_unchecked (xml, "draw:name", name);
      gsf_xml_out_add_cstr_unchecked (xml, "draw:master-page-name", "Default");
      for (guint b = 0; b < slide->boxes->len; b++)
        write_box (xml, g_ptr_array_index (slide->boxes, b), &styles);
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);

  _koers_package_end_xml (package, xml);
  g_hash_table_unref (styles.text);
  g_hash_table_unref (styles.para);
}

/* --- the rest of the package ---------------------------------------------- */

static void
write_meta (KoersDeck    *self,
            KoersPackage *package)
{
  GsfXMLOut *xml = _koers_package_begin_xml (package, "meta.xml");
  g_autofree char *language = g_strdup_printf ("%s-%s", self->language, self->country);

  gsf_xml_out_start_element (xml, "office:document-meta");
  add_namespaces (xml);
  gsf_xml_out_start_element (xml, "office:meta");
  gsf_xml_out_simple_element (xml, "meta:generator", "Koers/" PACKAGE_VERSION);
  gsf_xml_out_simple_element (xml, "dc:title", self->title);
  gsf_xml_out_simple_element (xml, "dc:language", language);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  _koers_package_end_xml (package, xml);
}

static void
manifest_entry (GsfXMLOut  *xml,
                const char *path,
                const char *type)
{
  gsf_xml_out_start_element (xml, "manifest:file-entry");
  gsf_xml_out_add_cstr_unchecked (xml, "manifest:full-path", path);
  if (g_str_equal (path, "/"))
    gsf_xml_out_add_cstr_unchecked (xml, "manifest:version", "1.3");
  gsf_xml_out_add_cstr_unchecked (xml, "manifest:media-type", type);
  gsf_xml_out_end_element (xml);
}

static void
write_manifest (KoersDeck    *self,
                KoersPackage *package)
{
  GsfXMLOut *xml = _koers_package_begin_xml (package, "META-INF/manifest.xml");

  gsf_xml_out_start_element (xml, "manifest:manifest");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:manifest", NS_MANIFEST);
  gsf_xml_out_add_cstr_unchecked (xml, "manifest:version", "1.3");
  manifest_entry (xml, "/", MIME_ODP);
  manifest_entry (xml, "content.xml", "text/xml");
  manifest_entry (xml, "styles.xml", "text/xml");
  manifest_entry (xml, "meta.xml", "text/xml");
  for (guint i = 0; i < self->pictures->len; i++)
    {
      g_autofree char *svg = g_strdup_printf ("Pictures/diagram%u.svg", i + 1);
      g_autofree char *png = g_strdup_printf ("Pictures/diagram%u.png", i + 1);

      manifest_entry (xml, svg, "image/svg+xml");
      manifest_entry (xml, png, "image/png");
    }
  gsf_xml_out_end_element (xml);
  _koers_package_end_xml (package, xml);
}

/**
 * _koers_deck_write_odp:
 * @self: the deck
 * @error: a #KOERS_EXPORT_ERROR
 *
 * Returns: (transfer full): the .odp file's bytes, or %NULL with @error set
 */
GBytes *
_koers_deck_write_odp (KoersDeck  *self,
                       GError    **error)
{
  g_autoptr(KoersPackage) package = _koers_package_new ();
  g_autoptr(GBytes) mimetype = g_bytes_new_static (MIME_ODP, strlen (MIME_ODP));

  /* First and stored: readers find the type at a fixed offset. */
  _koers_package_add_bytes (package, "mimetype", mimetype, TRUE);
  write_manifest (self, package);
  write_styles (self, package);
  write_content (self, package);
  write_meta (self, package);
  for (guint i = 0; i < self->pictures->len; i++)
    {
      KoersDeckPicture *picture = g_ptr_array_index (self->pictures, i);
      g_autofree char *svg = g_strdup_printf ("Pictures/diagram%u.svg", i + 1);
      g_autofree char *png = g_strdup_printf ("Pictures/diagram%u.png", i + 1);

      _koers_package_add_bytes (package, svg, picture->svg, FALSE);
      /* PNG is compressed already. */
      _koers_package_add_bytes (package, png, picture->png, TRUE);
    }
  return _koers_package_finish (package, error);
}
