/* koers-deck-pptx.c: the deck as an Office Open XML presentation (.pptx)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The smallest package PowerPoint opens without offering a repair: content
 * types, relationships, the presentation, one master with a title and a
 * body placeholder, two layouts (title slide; title and content), a
 * theme, the slides and the document properties. Titles and bodies are
 * real placeholders, so "Reset slide" and the outline view work. Diagrams
 * are PNG with the SVG as Office 2016's svgBlip extension: vector where
 * the reader knows SVG, sharp pixels elsewhere.
 */
#define G_LOG_DOMAIN "koers-deck"

#include "config.h"

#include <math.h>
#include <string.h>

#include "koers-deck-private.h"

#define NS_A     "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_R     "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_P     "http://schemas.openxmlformats.org/presentationml/2006/main"
#define NS_RELS  "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_TYPES "http://schemas.openxmlformats.org/package/2006/content-types"
#define NS_ASVG  "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
#define REL      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define PML      "application/vnd.openxmlformats-officedocument.presentationml."
#define SVG_BLIP_URI "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"

/* 12192000 × 6858000 EMU is PowerPoint's 16:9 slide: a pixel at 1080p is
 * 6350 EMU, and a point is two pixels. */
#define EMU_PER_PX 6350

static void
add_emu (GsfXMLOut  *xml,
         const char *id,
         double      px)
{
  gsf_xml_out_add_int (xml, id, (int) round (px * EMU_PER_PX));
}

static void
add_srgb (GsfXMLOut        *xml,
          const KoersColor *color)
{
  char hex[7];

  _koers_deck_color_hex (color, hex);
  gsf_xml_out_start_element (xml, "a:solidFill");
  gsf_xml_out_start_element (xml, "a:srgbClr");
  gsf_xml_out_add_cstr_unchecked (xml, "val", hex);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
add_pml_namespaces (GsfXMLOut *xml)
{
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:a", NS_A);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:r", NS_R);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:p", NS_P);
}

static char *
lang_tag (KoersDeck *self)
{
  return g_strdup_printf ("%s-%s", self->language, self->country);
}

/* --- relationships and content types ------------------------------------- */

typedef struct {
  const char *id;
  const char *type;    /* after REL, or a full URI */
  const char *target;
} Rel;

static void
write_rels (KoersPackage *package,
            const char   *path,
            const Rel    *rels,
            guint         n_rels)
{
  GsfXMLOut *xml = _koers_package_begin_xml (package, path);

  gsf_xml_out_start_element (xml, "Relationships");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns", NS_RELS);
  for (guint i = 0; i < n_rels; i++)
    {
      g_autofree char *type = strstr (rels[i].type, "://") ? g_strdup (rels[i].type)
                                                          : g_strconcat (REL, rels[i].type, NULL);

      gsf_xml_out_start_element (xml, "Relationship");
      gsf_xml_out_add_cstr_unchecked (xml, "Id", rels[i].id);
      gsf_xml_out_add_cstr_unchecked (xml, "Type", type);
      gsf_xml_out_add_cstr_unchecked (xml, "Target", rels[i].target);
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
  _koers_package_end_xml (package, xml);
}

static void
content_type (GsfXMLOut  *xml,
              const char *element,
              const char *key,
              const char *value,
              const char *type)
{
  gsf_xml_out_start_element (xml, element);
  gsf_xml_out_add_cstr_unchecked (xml, key, value);
  gsf_xml_out_add_cstr_unchecked (xml, "ContentType", type);
  gsf_xml_out_end_element (xml);
}

static void
write_content_types (KoersDeck    *self,
                     KoersPackage *package)
{
  GsfXMLOut *xml = _koers_package_begin_xml (package, "[Content_Types].xml");

  gsf_xml_out_start_element (xml, "Types");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns", NS_TYPES);
  content_type (xml, "Default", "Extension", "rels", "application/vnd.openxmlformats-package.relationships+xml");
  content_type (xml, "Default", "Extension", "xml", "application/xml");
  content_type (xml, "Default", "Extension", "png", "image/png");
  content_type (xml, "Default", "Extension", "svg", "image/svg+xml");
  content_type (xml, "Override", "PartName", "/ppt/presentation.xml", PML "presentation.main+xml");
  content_type (xml, "Override", "PartName", "/ppt/presProps.xml", PML "presProps+xml");
  content_type (xml, "Override", "PartName", "/ppt/viewProps.xml", PML "viewProps+xml");
  content_type (xml, "Override", "PartName", "/ppt/tableStyles.xml", PML "tableStyles+xml");
  content_type (xml, "Override", "PartName", "/ppt/slideMasters/slideMaster1.xml", PML "slideMaster+xml");
  content_type (xml, "Override", "PartName", "/ppt/slideLayouts/slideLayout1.xml", PML "slideLayout+xml");
  content_type (xml, "Override", "PartName", "/ppt/slideLayouts/slideLayout2.xml", PML "slideLayout+xml");
  content_type (xml, "Override", "PartName", "/ppt/theme/theme1.xml",
                "application/vnd.openxmlformats-officedocument.theme+xml");
  content_type (xml, "Override", "PartName", "/docProps/core.xml",
                "application/vnd.openxmlformats-package.core-properties+xml");
  content_type (xml, "Override", "PartName", "/docProps/app.xml",
                "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  for (guint i = 0; i < self->slides->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("/ppt/slides/slide%u.xml", i + 1);
      content_type (xml, "Override", "PartName", name, PML "slide+xml");
    }
  gsf_xml_out_end_element (xml);
  _koers_package_end_xml (package, xml);
}

/* --- text ----------------------------------------------------------------- */

static void
write_body_pr (GsfXMLOut  *xml,
               const char *anchor)
{
  gsf_xml_out_start_element (xml, "a:bodyPr");
  gsf_xml_out_add_cstr_unchecked (xml, "wrap", "square");
  add_emu (xml, "lIns", KOERS_DECK_INSET_X);
  add_emu (xml, "tIns", KOERS_DECK_INSET_Y);
  add_emu (xml, "rIns", KOERS_DECK_INSET_X);
  add_emu (xml, "bIns", KOERS_DECK_INSET_Y);
  gsf_xml_out_add_cstr_unchecked (xml, "anchor", anchor);
  gsf_xml_out_add_cstr_unchecked (xml, "anchorCtr", "0");
  /* Koers measured the text; the reader must not shrink or grow it. */
  gsf_xml_out_simple_element (xml, "a:noAutofit", NULL);
  gsf_xml_out_end_element (xml);
}

static void
write_run_properties (KoersDeck          *self,
                      GsfXMLOut          *xml,
                      const char         *element,
                      const KoersDeckRun *run)
{
  g_autofree char *lang = lang_tag (self);

  gsf_xml_out_start_element (xml, element);
  gsf_xml_out_add_cstr_unchecked (xml, "lang", lang);
  gsf_xml_out_add_int (xml, "sz", (int) round (run->size * 50));
  gsf_xml_out_add_cstr_unchecked (xml, "b", run->bold ? "1" : "0");
  gsf_xml_out_add_cstr_unchecked (xml, "dirty", "0");
  add_srgb (xml, _koers_deck_ink_color (self, run->ink));
  gsf_xml_out_start_element (xml, "a:latin");
  gsf_xml_out_add_cstr_unchecked (xml, "typeface", KOERS_DECK_FONT);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
write_text_body (KoersDeck  *self,
                 GsfXMLOut  *xml,
                 GPtrArray  *paras,
                 const char *anchor)
{
  gsf_xml_out_start_element (xml, "p:txBody");
  write_body_pr (xml, anchor);
  gsf_xml_out_simple_element (xml, "a:lstStyle", NULL);
  for (guint p = 0; p < paras->len; p++)
    {
      KoersDeckPara *para = g_ptr_array_index (paras, p);

      gsf_xml_out_start_element (xml, "a:p");
      gsf_xml_out_start_element (xml, "a:pPr");
      gsf_xml_out_add_cstr_unchecked (xml, "marL", "0");
      gsf_xml_out_add_cstr_unchecked (xml, "indent", "0");
      gsf_xml_out_start_element (xml, "a:spcBef");
      gsf_xml_out_start_element (xml, "a:spcPts");
      gsf_xml_out_add_int (xml, "val", p == 0 ? 0 : (int) round (para->space_before * 50));
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
      gsf_xml_out_simple_element (xml, "a:buNone", NULL);
      gsf_xml_out_end_element (xml);

      for (guint r = 0; r < para->runs->len; r++)
        {
          KoersDeckRun *run = g_ptr_array_index (para->runs, r);
          g_auto(GStrv) lines = g_strsplit (run->text, "\n", -1);

          for (guint i = 0; lines[i]; i++)
            {
              if (i > 0)
                {
                  gsf_xml_out_start_element (xml, "a:br");
                  write_run_properties (self, xml, "a:rPr", run);
                  gsf_xml_out_end_element (xml);
                }
              if (lines[i][0] == '\0')
                continue;
              gsf_xml_out_start_element (xml, "a:r");
              write_run_properties (self, xml, "a:rPr", run);
              gsf_xml_out_simple_element (xml, "a:t", lines[i]);
              gsf_xml_out_end_element (xml);
            }
        }
      if (para->runs->len > 0)
        write_run_properties (self, xml, "a:endParaRPr", g_ptr_array_index (para->runs, 0));
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
}

/* --- shapes --------------------------------------------------------------- */

static void
write_xfrm (GsfXMLOut *xml,
            double     x,
            double     y,
            double     width,
            double     height)
{
  gsf_xml_out_start_element (xml, "a:xfrm");
  gsf_xml_out_start_element (xml, "a:off");
  add_emu (xml, "x", x);
  add_emu (xml, "y", y);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "a:ext");
  add_emu (xml, "cx", width);
  add_emu (xml, "cy", height);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
write_rect_geometry (GsfXMLOut *xml)
{
  gsf_xml_out_start_element (xml, "a:prstGeom");
  gsf_xml_out_add_cstr_unchecked (xml, "prst", "rect");
  gsf_xml_out_simple_element (xml, "a:avLst", NULL);
  gsf_xml_out_end_element (xml);
}

/* A placeholder (@ph_type, @ph_idx; either may be NULL) or, with neither,
 * a plain text box. */
static void
write_shape (KoersDeck  *self,
             GsfXMLOut  *xml,
             guint       id,
             const char *name,
             const char *ph_type,
             const char *ph_idx,
             double      x,
             double      y,
             double      width,
             double      height,
             GPtrArray  *paras)
{
  gboolean placeholder = ph_type != NULL || ph_idx != NULL;

  gsf_xml_out_start_element (xml, "p:sp");
  gsf_xml_out_start_element (xml, "p:nvSpPr");
  gsf_xml_out_start_element (xml, "p:cNvPr");
  gsf_xml_out_add_uint (xml, "id", id);
  gsf_xml_out_add_cstr (xml, "name", name);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "p:cNvSpPr");
  if (placeholder)
    {
      gsf_xml_out_start_element (xml, "a:spLocks");
      gsf_xml_out_add_cstr_unchecked (xml, "noGrp", "1");
      gsf_xml_out_end_element (xml);
    }
  else
    gsf_xml_out_add_cstr_unchecked (xml, "txBox", "1");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "p:nvPr");
  if (placeholder)
    {
      gsf_xml_out_start_element (xml, "p:ph");
      if (ph_type != NULL)
        gsf_xml_out_add_cstr_unchecked (xml, "type", ph_type);
      if (ph_idx != NULL)
        gsf_xml_out_add_cstr_unchecked (xml, "idx", ph_idx);
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml); /* p:nvSpPr */

  gsf_xml_out_start_element (xml, "p:spPr");
  write_xfrm (xml, x, y, width, height);
  write_rect_geometry (xml);
  gsf_xml_out_simple_element (xml, "a:noFill", NULL);
  gsf_xml_out_end_element (xml);

  if (paras != NULL)
    write_text_body (self, xml, paras, "t");
  else
    {
      /* A master's or layout's placeholder: empty, with its look. */
      gsf_xml_out_start_element (xml, "p:txBody");
      write_body_pr (xml, "t");
      gsf_xml_out_simple_element (xml, "a:lstStyle", NULL);
      gsf_xml_out_start_element (xml, "a:p");
      gsf_xml_out_simple_element (xml, "a:endParaRPr", NULL);
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml); /* p:sp */
}

static void
write_picture (GsfXMLOut          *xml,
               guint               id,
               const KoersDeckBox *box,
               const char         *png_rel,
               const char         *svg_rel)
{
  g_autofree char *name = g_strdup_printf ("Diagram %u", id);

  gsf_xml_out_start_element (xml, "p:pic");
  gsf_xml_out_start_element (xml, "p:nvPicPr");
  gsf_xml_out_start_element (xml, "p:cNvPr");
  gsf_xml_out_add_uint (xml, "id", id);
  gsf_xml_out_add_cstr (xml, "name", name);
  if (box->description != NULL)
    gsf_xml_out_add_cstr (xml, "descr", box->description);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "p:cNvPicPr");
  gsf_xml_out_start_element (xml, "a:picLocks");
  gsf_xml_out_add_cstr_unchecked (xml, "noChangeAspect", "1");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_simple_element (xml, "p:nvPr", NULL);
  gsf_xml_out_end_element (xml);

  gsf_xml_out_start_element (xml, "p:blipFill");
  gsf_xml_out_start_element (xml, "a:blip");
  gsf_xml_out_add_cstr_unchecked (xml, "r:embed", png_rel);
  gsf_xml_out_start_element (xml, "a:extLst");
  gsf_xml_out_start_element (xml, "a:ext");
  gsf_xml_out_add_cstr_unchecked (xml, "uri", SVG_BLIP_URI);
  gsf_xml_out_start_element (xml, "asvg:svgBlip");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:asvg", NS_ASVG);
  gsf_xml_out_add_cstr_unchecked (xml, "r:embed", svg_rel);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml); /* a:blip */
  gsf_xml_out_start_element (xml, "a:stretch");
  gsf_xml_out_simple_element (xml, "a:fillRect", NULL);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml); /* p:blipFill */

  gsf_xml_out_start_element (xml, "p:spPr");
  write_xfrm (xml, box->x, box->y, box->width, box->height);
  write_rect_geometry (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml); /* p:pic */
}

static void
begin_sp_tree (GsfXMLOut *xml)
{
  gsf_xml_out_start_element (xml, "p:spTree");
  gsf_xml_out_start_element (xml, "p:nvGrpSpPr");
  gsf_xml_out_start_element (xml, "p:cNvPr");
  gsf_xml_out_add_cstr_unchecked (xml, "id", "1");
  gsf_xml_out_add_cstr_unchecked (xml, "name", "");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_simple_element (xml, "p:cNvGrpSpPr", NULL);
  gsf_xml_out_simple_element (xml, "p:nvPr", NULL);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "p:grpSpPr");
  gsf_xml_out_start_element (xml, "a:xfrm");
  for (guint i = 0; i < 2; i++)
    {
      gsf_xml_out_start_element (xml, i == 0 ? "a:off" : "a:chOff");
      gsf_xml_out_add_cstr_unchecked (xml, "x", "0");
      gsf_xml_out_add_cstr_unchecked (xml, "y", "0");
      gsf_xml_out_end_element (xml);
      gsf_xml_out_start_element (xml, i == 0 ? "a:ext" : "a:chExt");
      gsf_xml_out_add_cstr_unchecked (xml, "cx", "0");
      gsf_xml_out_add_cstr_unchecked (xml, "cy", "0");
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

/* --- slides --------------------------------------------------------------- */

static void
write_slide (KoersDeck      *self,
             KoersPackage   *package,
             guint           index,
             KoersDeckSlide *slide)
{
  g_autofree char *path = g_strdup_printf ("ppt/slides/slide%u.xml", index + 1);
  g_autofree char *rels_path = g_strdup_printf ("ppt/slides/_rels/slide%u.xml.rels", index + 1);
  g_autoptr(GArray) rels = g_array_new (FALSE, TRUE, sizeof (Rel));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  gboolean title_slide = slide->kind == KOERS_DECK_SLIDE_TITLE;
  GsfXMLOut *xml = _koers_package_begin_xml (package, path);
  Rel layout = { "rId1", "slideLayout", title_slide ? "../slideLayouts/slideLayout1.xml"
                                                    : "../slideLayouts/slideLayout2.xml" };
  guint id = 2;
  gboolean have_body = FALSE;

  g_array_append_val (rels, layout);

  gsf_xml_out_start_element (xml, "p:sld");
  add_pml_namespaces (xml);
  gsf_xml_out_start_element (xml, "p:cSld");
  gsf_xml_out_add_cstr (xml, "name", slide->name);
  begin_sp_tree (xml);

  for (guint b = 0; b < slide->boxes->len; b++)
    {
      KoersDeckBox *box = g_ptr_array_index (slide->boxes, b);
      g_autofree char *name = NULL;

      switch (box->kind)
        {
        case KOERS_BOX_TITLE:
          write_shape (self, xml, id, "Title", title_slide ? "ctrTitle" : "title", NULL,
                       box->x, box->y, box->width, box->height, box->paras);
          break;
        case KOERS_BOX_SUBTITLE:
          write_shape (self, xml, id, "Subtitle", "subTitle", "1",
                       box->x, box->y, box->width, box->height, box->paras);
          break;
        case KOERS_BOX_BODY:
          /* A layout has one body placeholder; a second body is a text box. */
          write_shape (self, xml, id, have_body ? "Text" : "Content", NULL, have_body ? NULL : "1",
                       box->x, box->y, box->width, box->height, box->paras);
          have_body = TRUE;
          break;
        case KOERS_BOX_TEXT:
          name = g_strdup_printf ("Text %u", id);
          write_shape (self, xml, id, name, NULL, NULL,
                       box->x, box->y, box->width, box->height, box->paras);
          break;
        case KOERS_BOX_PICTURE:
          {
            char *png_rel = g_strdup_printf ("rId%u", rels->len + 1);
            char *svg_rel = g_strdup_printf ("rId%u", rels->len + 2);
            char *png = g_strdup_printf ("../media/diagram%u.png", box->picture + 1);
            char *svg = g_strdup_printf ("../media/diagram%u.svg", box->picture + 1);
            Rel image_png = { png_rel, "image", png };
            Rel image_svg = { svg_rel, "image", svg };

            g_ptr_array_add (strings, png_rel);
            g_ptr_array_add (strings, svg_rel);
            g_ptr_array_add (strings, png);
            g_ptr_array_add (strings, svg);
            g_array_append_val (rels, image_png);
            g_array_append_val (rels, image_svg);
            write_picture (xml, id, box, png_rel, svg_rel);
          }
          break;
        default:
          g_assert_not_reached ();
        }
      id++;
    }

  gsf_xml_out_end_element (xml); /* p:spTree */
  gsf_xml_out_end_element (xml); /* p:cSld */
  gsf_xml_out_start_element (xml, "p:clrMapOvr");
  gsf_xml_out_simple_element (xml, "a:masterClrMapping", NULL);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml); /* p:sld */
  _koers_package_end_xml (package, xml);

  write_rels (package, rels_path, (const Rel *) rels->data, rels->len);
}

/* --- master, layouts, theme ----------------------------------------------- */

static void
write_text_style (KoersDeck  *self,
                  GsfXMLOut  *xml,
                  const char *element,
                  double      size,
                  gboolean    bold)
{
  KoersDeckRun look = { NULL, size, bold, KOERS_INK_TEXT };

  gsf_xml_out_start_element (xml, element);
  gsf_xml_out_start_element (xml, "a:lvl1pPr");
  gsf_xml_out_add_cstr_unchecked (xml, "marL", "0");
  gsf_xml_out_add_cstr_unchecked (xml, "indent", "0");
  gsf_xml_out_simple_element (xml, "a:buNone", NULL);
  write_run_properties (self, xml, "a:defRPr", &look);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
write_master (KoersDeck    *self,
              KoersPackage *package)
{
  GsfXMLOut *xml = _koers_package_begin_xml (package, "ppt/slideMasters/slideMaster1.xml");
  static const char *keys[] = { "bg1", "tx1", "bg2", "tx2", "accent1", "accent2", "accent3",
                                "accent4", "accent5", "accent6", "hlink", "folHlink" };
  const double width = KOERS_DECK_WIDTH - 192;
  const Rel rels[] = {
    { "rId1", "slideLayout", "../slideLayouts/slideLayout1.xml" },
    { "rId2", "slideLayout", "../slideLayouts/slideLayout2.xml" },
    { "rId3", "theme", "../theme/theme1.xml" },
  };

  gsf_xml_out_start_element (xml, "p:sldMaster");
  add_pml_namespaces (xml);
  gsf_xml_out_start_element (xml, "p:cSld");
  /* The theme's page colour, light or dark. */
  gsf_xml_out_start_element (xml, "p:bg");
  gsf_xml_out_start_element (xml, "p:bgPr");
  add_srgb (xml, &self->palette->page);
  gsf_xml_out_simple_element (xml, "a:effectLst", NULL);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  begin_sp_tree (xml);
  write_shape (self, xml, 2, "Title", "title", NULL, 96, 40, width, 150, NULL);
  write_shape (self, xml, 3, "Content", "body", "1", 96, 200, width, 840, NULL);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);

  /* New text a user types reads on the page: dark ink on light, or the reverse. */
  gsf_xml_out_start_element (xml, "p:clrMap");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *value = keys[i];

      if (g_str_equal (keys[i], "bg1"))
        value = self->dark ? "dk1" : "lt1";
      else if (g_str_equal (keys[i], "tx1"))
        value = self->dark ? "lt1" : "dk1";
      else if (g_str_equal (keys[i], "bg2"))
        value = self->dark ? "dk2" : "lt2";
      else if (g_str_equal (keys[i], "tx2"))
        value = self->dark ? "lt2" : "dk2";
      gsf_xml_out_add_cstr_unchecked (xml, keys[i], value);
    }
  gsf_xml_out_end_element (xml);

  gsf_xml_out_start_element (xml, "p:sldLayoutIdLst");
  for (guint i = 0; i < 2; i++)
    {
      gsf_xml_out_start_element (xml, "p:sldLayoutId");
      gsf_xml_out_add_uint (xml, "id", 2147483649u + i);
      gsf_xml_out_add_cstr_unchecked (xml, "r:id", rels[i].id);
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);

  gsf_xml_out_start_element (xml, "p:txStyles");
  write_text_style (self, xml, "p:titleStyle", 52, TRUE);
  write_text_style (self, xml, "p:bodyStyle", 30, FALSE);
  write_text_style (self, xml, "p:otherStyle", 24, FALSE);
  gsf_xml_out_end_element (xml);

  gsf_xml_out_end_element (xml); /* p:sldMaster */
  _koers_package_end_xml (package, xml);
  write_rels (package, "ppt/slideMasters/_rels/slideMaster1.xml.rels", rels, G_N_ELEMENTS (rels));
}

static void
write_layout (KoersDeck    *self,
              KoersPackage *package,
              guint         number)
{
  g_autofree char *path = g_strdup_printf ("ppt/slideLayouts/slideLayout%u.xml", number);
  g_autofree char *rels_path = g_strdup_printf ("ppt/slideLayouts/_rels/slideLayout%u.xml.rels", number);
  const Rel rels[] = { { "rId1", "slideMaster", "../slideMasters/slideMaster1.xml" } };
  GsfXMLOut *xml = _koers_package_begin_xml (package, path);
  const double width = KOERS_DECK_WIDTH - 192;
  gboolean title = number == 1;

  gsf_xml_out_start_element (xml, "p:sldLayout");
  add_pml_namespaces (xml);
  gsf_xml_out_add_cstr_unchecked (xml, "type", title ? "title" : "obj");
  gsf_xml_out_add_cstr_unchecked (xml, "preserve", "1");
  gsf_xml_out_start_element (xml, "p:cSld");
  gsf_xml_out_add_cstr_unchecked (xml, "name", title ? "Title Slide" : "Title and Content");
  begin_sp_tree (xml);
  if (title)
    {
      write_shape (self, xml, 2, "Title", "ctrTitle", NULL, 160, 220, KOERS_DECK_WIDTH - 320, 380, NULL);
      write_shape (self, xml, 3, "Subtitle", "subTitle", "1", 160, 630, KOERS_DECK_WIDTH - 320, 240, NULL);
    }
  else
    {
      write_shape (self, xml, 2, "Title", "title", NULL, 96, 40, width, 150, NULL);
      write_shape (self, xml, 3, "Content", NULL, "1", 96, 200, width, 840, NULL);
    }
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "p:clrMapOvr");
  gsf_xml_out_simple_element (xml, "a:masterClrMapping", NULL);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  _koers_package_end_xml (package, xml);
  write_rels (package, rels_path, rels, G_N_ELEMENTS (rels));
}

static void
theme_color (GsfXMLOut  *xml,
             const char *element,
             const char *hex)
{
  gsf_xml_out_start_element (xml, element);
  gsf_xml_out_start_element (xml, "a:srgbClr");
  gsf_xml_out_add_cstr_unchecked (xml, "val", hex);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
theme_font (GsfXMLOut  *xml,
            const char *element)
{
  static const char *scripts[] = { "a:latin", "a:ea", "a:cs" };

  gsf_xml_out_start_element (xml, element);
  for (guint i = 0; i < G_N_ELEMENTS (scripts); i++)
    {
      gsf_xml_out_start_element (xml, scripts[i]);
      gsf_xml_out_add_cstr_unchecked (xml, "typeface", i == 0 ? KOERS_DECK_FONT : "");
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
}

/* The format wants exactly three of each style; plain ones will do. */
static void
theme_styles (GsfXMLOut  *xml,
              const char *list,
              const char *kind)
{
  gsf_xml_out_start_element (xml, list);
  for (guint i = 0; i < 3; i++)
    {
      if (g_str_equal (kind, "effect"))
        {
          gsf_xml_out_start_element (xml, "a:effectStyle");
          gsf_xml_out_simple_element (xml, "a:effectLst", NULL);
          gsf_xml_out_end_element (xml);
          continue;
        }
      if (g_str_equal (kind, "line"))
        {
          gsf_xml_out_start_element (xml, "a:ln");
          gsf_xml_out_add_uint (xml, "w", 6350 * (i + 1));
        }
      gsf_xml_out_start_element (xml, "a:solidFill");
      gsf_xml_out_start_element (xml, "a:schemeClr");
      gsf_xml_out_add_cstr_unchecked (xml, "val", "phClr");
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
      if (g_str_equal (kind, "line"))
        gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
}

static void
write_theme (KoersDeck    *self,
             KoersPackage *package)
{
  GsfXMLOut *xml = _koers_package_begin_xml (package, "ppt/theme/theme1.xml");
  const KoersPalette *light = koers_palette_get (FALSE);
  const KoersPalette *dark = koers_palette_get (TRUE);
  char dk1[7], lt1[7], dk2[7], lt2[7], now[7], goal[7];

  _koers_deck_color_hex (&light->ink, dk1);
  _koers_deck_color_hex (&light->page, lt1);
  _koers_deck_color_hex (&dark->page, dk2);
  _koers_deck_color_hex (&light->card, lt2);
  _koers_deck_color_hex (&self->palette->now, now);
  _koers_deck_color_hex (&self->palette->goal, goal);

  gsf_xml_out_start_element (xml, "a:theme");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:a", NS_A);
  gsf_xml_out_add_cstr_unchecked (xml, "name", "Koers");
  gsf_xml_out_start_element (xml, "a:themeElements");

  gsf_xml_out_start_element (xml, "a:clrScheme");
  gsf_xml_out_add_cstr_unchecked (xml, "name", "Koers");
  theme_color (xml, "a:dk1", dk1);
  theme_color (xml, "a:lt1", lt1);
  theme_color (xml, "a:dk2", dk2);
  theme_color (xml, "a:lt2", lt2);
  theme_color (xml, "a:accent1", now);
  theme_color (xml, "a:accent2", goal);
  theme_color (xml, "a:accent3", "2EC27E");
  theme_color (xml, "a:accent4", "9141AC");
  theme_color (xml, "a:accent5", "C01C28");
  theme_color (xml, "a:accent6", "865E3C");
  theme_color (xml, "a:hlink", now);
  theme_color (xml, "a:folHlink", "813D9C");
  gsf_xml_out_end_element (xml);

  gsf_xml_out_start_element (xml, "a:fontScheme");
  gsf_xml_out_add_cstr_unchecked (xml, "name", "Koers");
  theme_font (xml, "a:majorFont");
  theme_font (xml, "a:minorFont");
  gsf_xml_out_end_element (xml);

  gsf_xml_out_start_element (xml, "a:fmtScheme");
  gsf_xml_out_add_cstr_unchecked (xml, "name", "Koers");
  theme_styles (xml, "a:fillStyleLst", "fill");
  theme_styles (xml, "a:lnStyleLst", "line");
  theme_styles (xml, "a:effectStyleLst", "effect");
  theme_styles (xml, "a:bgFillStyleLst", "fill");
  gsf_xml_out_end_element (xml);

  gsf_xml_out_end_element (xml); /* a:themeElements */
  gsf_xml_out_simple_element (xml, "a:objectDefaults", NULL);
  gsf_xml_out_simple_element (xml, "a:extraClrSchemeLst", NULL);
  gsf_xml_out_end_element (xml);
  _koers_package_end_xml (package, xml);
}

/* --- the presentation and the package ------------------------------------- */

static void
write_presentation (KoersDeck    *self,
                    KoersPackage *package)
{
  GsfXMLOut *xml = _koers_package_begin_xml (package, "ppt/presentation.xml");
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rels = g_array_new (FALSE, TRUE, sizeof (Rel));
  const Rel fixed[] = {
    { "rId1", "slideMaster", "slideMasters/slideMaster1.xml" },
    { "rId2", "theme", "theme/theme1.xml" },
    { "rId3", "presProps", "presProps.xml" },
    { "rId4", "viewProps", "viewProps.xml" },
    { "rId5", "tableStyles", "tableStyles.xml" },
  };

  g_array_append_vals (rels, fixed, G_N_ELEMENTS (fixed));

  gsf_xml_out_start_element (xml, "p:presentation");
  add_pml_namespaces (xml);
  gsf_xml_out_start_element (xml, "p:sldMasterIdLst");
  gsf_xml_out_start_element (xml, "p:sldMasterId");
  gsf_xml_out_add_uint (xml, "id", 2147483648u);
  gsf_xml_out_add_cstr_unchecked (xml, "r:id", "rId1");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);

  gsf_xml_out_start_element (xml, "p:sldIdLst");
  for (guint i = 0; i < self->slides->len; i++)
    {
      char *rel_id = g_strdup_printf ("rId%u", 10 + i);
      char *target = g_strdup_printf ("slides/slide%u.xml", i + 1);
      Rel rel = { rel_id, "slide", target };

      g_ptr_array_add (strings, rel_id);
      g_ptr_array_add (strings, target);
      g_array_append_val (rels, rel);
      gsf_xml_out_start_element (xml, "p:sldId");
      gsf_xml_out_add_uint (xml, "id", 256 + i);
      gsf_xml_out_add_cstr_unchecked (xml, "r:id", rel_id);
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);

  gsf_xml_out_start_element (xml, "p:sldSz");
  add_emu (xml, "cx", KOERS_DECK_WIDTH);
  add_emu (xml, "cy", KOERS_DECK_HEIGHT);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "p:notesSz");
  gsf_xml_out_add_cstr_unchecked (xml, "cx", "6858000");
  gsf_xml_out_add_cstr_unchecked (xml, "cy", "9144000");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  _koers_package_end_xml (package, xml);

  write_rels (package, "ppt/_rels/presentation.xml.rels", (const Rel *) rels->data, rels->len);

  xml = _koers_package_begin_xml (package, "ppt/presProps.xml");
  gsf_xml_out_start_element (xml, "p:presentationPr");
  add_pml_namespaces (xml);
  gsf_xml_out_end_element (xml);
  _koers_package_end_xml (package, xml);

  xml = _koers_package_begin_xml (package, "ppt/viewProps.xml");
  gsf_xml_out_start_element (xml, "p:viewPr");
  add_pml_namespaces (xml);
  gsf_xml_out_end_element (xml);
  _koers_package_end_xml (package, xml);

  xml = _koers_package_begin_xml (package, "ppt/tableStyles.xml");
  gsf_xml_out_start_element (xml, "a:tblStyleLst");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:a", NS_A);
  /* Office's own "Medium Style 2 - Accent 1", which every reader knows. */
  gsf_xml_out_add_cstr_unchecked (xml, "def", "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}");
  gsf_xml_out_end_element (xml);
  _koers_package_end_xml (package, xml);
}

static void
write_doc_props (KoersDeck    *self,
                 KoersPackage *package)
{
  GsfXMLOut *xml = _koers_package_begin_xml (package, "docProps/core.xml");
  g_autofree char *lang = lang_tag (self);

  gsf_xml_out_start_element (xml, "cp:coreProperties");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:cp",
                                  "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  gsf_xml_out_simple_element (xml, "dc:title", self->title);
  gsf_xml_out_simple_element (xml, "dc:language", lang);
  gsf_xml_out_end_element (xml);
  _koers_package_end_xml (package, xml);

  xml = _koers_package_begin_xml (package, "docProps/app.xml");
  gsf_xml_out_start_element (xml, "Properties");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns",
                                  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  gsf_xml_out_simple_element (xml, "Application", "Koers");
  gsf_xml_out_simple_int_element (xml, "Slides", self->slides->len);
  gsf_xml_out_end_element (xml);
  _koers_package_end_xml (package, xml);
}

/**
 * _koers_deck_write_pptx:
 * @self: the deck
 * @error: a #KOERS_EXPORT_ERROR
 *
 * Returns: (transfer full): the .pptx file's bytes, or %NULL with @error set
 */
GBytes *
_koers_deck_write_pptx (KoersDeck  *self,
                        GError    **error)
{
  g_autoptr(KoersPackage) package = _koers_package_new ();
  const Rel root[] = {
    { "rId1", "officeDocument", "ppt/presentation.xml" },
    { "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      "docProps/core.xml" },
    { "rId3", "extended-properties", "docProps/app.xml" },
  };

  write_content_types (self, package);
  write_rels (package, "_rels/.rels", root, G_N_ELEMENTS (root));
  write_doc_props (self, package);
  write_presentation (self, package);
  write_master (self, package);
  write_layout (self, package, 1);
  write_layout (self, package, 2);
  write_theme (self, package);
  for (guint i = 0; i < self->slides->len; i++)
    write_slide (self, package, i, g_ptr_array_index (self->slides, i));
  for (guint i = 0; i < self->pictures->len; i++)
    {
      KoersDeckPicture *picture = g_ptr_array_index (self->pictures, i);
      g_autofree char *png = g_strdup_printf ("ppt/media/diagram%u.png", i + 1);
      g_autofree char *svg = g_strdup_printf ("ppt/media/diagram%u.svg", i + 1);

      _koers_package_add_bytes (package, png, picture->png, TRUE);
      _koers_package_add_bytes (package, svg, picture->svg, FALSE);
    }
  return _koers_package_finish (package, error);
}
