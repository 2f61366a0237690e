/* test-deck.c: the ODP and PPTX decks and the spreadsheets, read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without LibreOffice: the packages are opened with libgsf's zip reader
 * and their XML with libxml2, and checked for the parts each format
 * needs, the slides, the text and the geometry. test-office.sh opens the
 * same files in LibreOffice.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "koers-deck.h"
#include "koers-spreadsheet.h"

/* libgsf 1.14 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

#define DATE "23 November 2026"
#define ODP_WIDTH_CM  33.867
#define ODP_HEIGHT_CM 19.05

static KoersProject *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KoersProject *project = koers_project_load_from_file (koers_catalog_get_builtin (), file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static KoersProject *
load_test_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  return load_path (path);
}

static KoersProject *
load_from_json (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  KoersProject *project = koers_project_load_from_bytes (koers_catalog_get_builtin (), bytes, &error);

  g_assert_no_error (error);
  return project;
}

/* Every model from nowhere to the top: the longest roadmap there is. */
static KoersProject *
load_large (void)
{
  return load_from_json (
    "{ \"format\": \"koers-project\", \"version\": 1, "
    "\"organisation\": { \"name\": \"Gemeente Westerkwartier\" }, "
    "\"placements\": { \"pyramid\": { \"target\": \"create\" }, "
    "\"learning-curve\": { \"target\": \"social-business\" }, "
    "\"maturity-matrix\": { \"target\": \"converged\" }, "
    "\"strategy-model\": { \"target\": \"evaluation\" } }, "
    "\"roadmap\": { \"start\": \"2027-01\", \"items\": {} } }");
}

static GBytes *
deck_bytes (KoersProject    *project,
            KoersDeckFormat  format,
            gboolean         dark,
            guint           *n_slides)
{
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  KoersRenderOptions options = { dark, KOERS_BACKGROUND_THEME };
  g_autoptr(KoersDeck) deck = koers_deck_new (project, roadmap, &options, DATE);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = koers_deck_to_bytes (deck, format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  if (n_slides)
    *n_slides = koers_deck_get_n_slides (deck);
  return bytes;
}

/* --- reading a package ---------------------------------------------------- */

static GsfInfile *
open_zip (GBytes *bytes)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_memory_new (data, len, FALSE);
  GsfInfile *zip = gsf_infile_zip_new (input, &error);

  g_assert_no_error (error);
  g_assert_nonnull (zip);
  g_object_unref (input);
  return zip;
}

/* A part's bytes, or NULL when the package has no such part. */
static GBytes *
read_part (GsfInfile  *zip,
           const char *path)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  GsfInput *input = g_object_ref (GSF_INPUT (zip));
  GBytes *bytes = NULL;

  for (guint i = 0; names[i] && input; i++)
    {
      GsfInput *child = GSF_IS_INFILE (input) && gsf_infile_num_children (GSF_INFILE (input)) >= 0
                        ? gsf_infile_child_by_name (GSF_INFILE (input), names[i]) : NULL;
      g_object_unref (input);
      input = child;
    }
  if (input != NULL)
    {
      gsf_off_t size = gsf_input_size (input);
      const guint8 *data = size > 0 ? gsf_input_read (input, size, NULL) : (const guint8 *) "";

      g_assert_nonnull (data);
      bytes = g_bytes_new (data, size);
      g_object_unref (input);
    }
  return bytes;
}

static xmlDoc *
read_xml (GsfInfile  *zip,
          const char *path)
{
  g_autoptr(GBytes) bytes = read_part (zip, path);
  gsize len;
  const char *data;
  xmlDoc *doc;

  if (bytes == NULL)
    g_error ("the package has no %s", path);
  data = g_bytes_get_data (bytes, &len);
  doc = xmlReadMemory (data, len, path, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (doc == NULL)
    g_error ("%s is not well-formed XML", path);
  return doc;
}

static xmlXPathObject *
xpath (xmlDoc     *doc,
       const char *expression)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  static const char *ns[][2] = {
    { "office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
    { "style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
    { "text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
    { "draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" },
    { "svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
    { "fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
    { "presentation", "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" },
    { "table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
    { "manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" },
    { "a", "http://schemas.openxmlformats.org/drawingml/2006/main" },
    { "p", "http://schemas.openxmlformats.org/presentationml/2006/main" },
    { "r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships" },
    { "rel", "http://schemas.openxmlformats.org/package/2006/relationships" },
    { "ct", "http://schemas.openxmlformats.org/package/2006/content-types" },
    { "s", "http://schemas.openxmlformats.org/spreadsheetml/2006/main" },
  };
  xmlXPathObject *result;

  for (guint i = 0; i < G_N_ELEMENTS (ns); i++)
    xmlXPathRegisterNs (context, (const xmlChar *) ns[i][0], (const xmlChar *) ns[i][1]);
  result = xmlXPathEvalExpression ((const xmlChar *) expression, context);
  g_assert_nonnull (result);
  xmlXPathFreeContext (context);
  return result;
}

static guint
count (xmlDoc     *doc,
       const char *expression)
{
  xmlXPathObject *result = xpath (doc, expression);
  guint n = result->nodesetval ? result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  return n;
}

static char *
attribute (xmlNode    *node,
           const char *name,
           const char *ns)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) ns);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
all_text (xmlDoc *doc)
{
  xmlChar *text = xmlNodeGetContent (xmlDocGetRootElement (doc));
  char *copy = g_strdup ((const char *) text);

  xmlFree (text);
  return copy;
}

static void
assert_roadmap_text (KoersProject *project,
                     const char   *text)
{
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);

  g_assert_nonnull (strstr (text, koers_project_get_organisation_name (project)));
  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (roadmap, p);

      for (guint i = 0; i < phase->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);
          if (strstr (text, item->title) == NULL)
            g_error ("the deck does not show the item “%s”", item->title);
        }
    }
}

/* --- ODP ------------------------------------------------------------------ */

static void
assert_odp_geometry (xmlDoc *content)
{
  xmlXPathObject *frames = xpath (content, "//draw:page/draw:frame");
  const char *svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";

  g_assert_cmpint (frames->nodesetval->nodeNr, >, 0);
  for (int i = 0; i < frames->nodesetval->nodeNr; i++)
    {
      xmlNode *frame = frames->nodesetval->nodeTab[i];
      g_autofree char *x = attribute (frame, "x", svg);
      g_autofree char *y = attribute (frame, "y", svg);
      g_autofree char *w = attribute (frame, "width", svg);
      g_autofree char *h = attribute (frame, "height", svg);

      g_assert_true (g_str_has_suffix (x, "cm") && g_str_has_suffix (w, "cm"));
      g_assert_cmpfloat (g_ascii_strtod (x, NULL), >=, 0);
      g_assert_cmpfloat (g_ascii_strtod (y, NULL), >=, 0);
      g_assert_cmpfloat (g_ascii_strtod (w, NULL), >, 0);
      g_assert_cmpfloat (g_ascii_strtod (h, NULL), >, 0);
      g_assert_cmpfloat (g_ascii_strtod (x, NULL) + g_ascii_strtod (w, NULL), <=, ODP_WIDTH_CM + 0.001);
      g_assert_cmpfloat (g_ascii_strtod (y, NULL) + g_ascii_strtod (h, NULL), <=, ODP_HEIGHT_CM + 0.001);
    }
  xmlXPathFreeObject (frames);
}

static void
check_odp (KoersProject *project,
           gboolean      dark)
{
  guint n_slides;
  g_autoptr(GBytes) bytes = deck_bytes (project, KOERS_DECK_ODP, dark, &n_slides);
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  static const char mime[] = "application/vnd.oasis.opendocument.presentation";
  g_autoptr(GsfInfile) zip = NULL;
  xmlDoc *content, *styles, *manifest, *meta;
  g_autofree char *text = NULL;
  g_autofree char *page_colour = NULL;

  /* mimetype first, stored: the local header's method is 0 and the
   * name and the type follow it uncompressed. */
  g_assert_cmpuint (len, >, 38 + sizeof mime);
  g_assert_cmpmem (data, 4, "PK\003\004", 4);
  g_assert_cmpuint (data[8] | data[9] << 8, ==, 0);
  g_assert_cmpmem (data + 30, 8, "mimetype", 8);
  g_assert_cmpuint (data[28] | data[29] << 8, ==, 0);
  g_assert_cmpmem (data + 38, sizeof mime - 1, mime, sizeof mime - 1);

  zip = open_zip (bytes);
  content = read_xml (zip, "content.xml");
  styles = read_xml (zip, "styles.xml");
  manifest = read_xml (zip, "META-INF/manifest.xml");
  meta = read_xml (zip, "meta.xml");

  g_assert_cmpuint (count (content, "//draw:page"), ==, n_slides);
  g_assert_cmpuint (count (content, "//draw:page[1]/draw:frame[@presentation:class='title']"), ==, 1);
  /* Every slide but the title slide has its title placeholder. */
  g_assert_cmpuint (count (content, "//draw:page/draw:frame[@presentation:class='title']"), ==, n_slides);
  g_assert_cmpuint (count (styles, "//style:font-face[@style:name='DejaVu Sans']"), ==, 1);
  g_assert_cmpuint (count (styles, "//style:default-style/style:text-properties[@fo:language='en']"), ==, 1);
  g_assert_cmpuint (count (manifest, "//manifest:file-entry[@manifest:full-path='content.xml']"), ==, 1);
  g_assert_cmpuint (count (meta, "//*[local-name()='language' and text()='en-GB']"), ==, 1);

  /* Each diagram as SVG with a PNG fallback, both in the package. */
  g_assert_cmpuint (count (content, "//draw:frame/draw:image[1][@draw:mime-type='image/svg+xml']"), ==, 4);
  g_assert_cmpuint (count (content, "//draw:frame/draw:image[2][@draw:mime-type='image/png']"), ==, 4);
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *svg = g_strdup_printf ("Pictures/diagram%u.svg", i);
      g_autofree char *png = g_strdup_printf ("Pictures/diagram%u.png", i);
      g_autoptr(GBytes) svg_bytes = read_part (zip, svg);
      g_autoptr(GBytes) png_bytes = read_part (zip, png);

      g_assert_nonnull (svg_bytes);
      g_assert_nonnull (png_bytes);
      g_assert_cmpmem (g_bytes_get_data (png_bytes, NULL), 4, "\x89PNG", 4);
    }

  text = all_text (content);
  assert_roadmap_text (project, text);
  g_assert_nonnull (strstr (text, "Social media roadmap"));
  assert_odp_geometry (content);

  page_colour = g_strdup (dark ? "#1E1E1E" : "#FFFFFF");
  {
    g_autofree char *query = g_strdup_printf ("//style:drawing-page-properties[@draw:fill-color='%s']", page_colour);
    g_assert_cmpuint (count (styles, query), ==, 1);
  }

  xmlFreeDoc (content);
  xmlFreeDoc (styles);
  xmlFreeDoc (manifest);
  xmlFreeDoc (meta);
}

static void
test_odp (void)
{
  g_autoptr(KoersProject) project = load_test_data ("deck.koers");

  check_odp (project, FALSE);
  check_odp (project, TRUE);
}

/* --- PPTX ----------------------------------------------------------------- */

static void
assert_pptx_geometry (xmlDoc *slide,
                      gint64  width,
                      gint64  height)
{
  xmlXPathObject *xfrms = xpath (slide, "//p:spPr/a:xfrm | //p:pic/p:spPr/a:xfrm");

  g_assert_cmpint (xfrms->nodesetval->nodeNr, >, 0);
  for (int i = 0; i < xfrms->nodesetval->nodeNr; i++)
    {
      xmlNode *off = NULL, *ext = NULL;

      for (xmlNode *n = xfrms->nodesetval->nodeTab[i]->children; n; n = n->next)
        {
          if (xmlStrEqual (n->name, (const xmlChar *) "off"))
            off = n;
          else if (xmlStrEqual (n->name, (const xmlChar *) "ext"))
            ext = n;
        }
      g_assert_nonnull (off);
      g_assert_nonnull (ext);
      {
        g_autofree char *x = attribute (off, "x", NULL);
        g_autofree char *y = attribute (off, "y", NULL);
        g_autofree char *cx = attribute (ext, "cx", NULL);
        g_autofree char *cy = attribute (ext, "cy", NULL);

        g_assert_cmpint (atoll (x), >=, 0);
        g_assert_cmpint (atoll (y), >=, 0);
        g_assert_cmpint (atoll (cx), >, 0);
        g_assert_cmpint (atoll (x) + atoll (cx), <=, width);
        g_assert_cmpint (atoll (y) + atoll (cy), <=, height);
      }
    }
  xmlXPathFreeObject (xfrms);
}

static void
check_pptx (KoersProject *project,
            gboolean      dark)
{
  guint n_slides;
  g_autoptr(GBytes) bytes = deck_bytes (project, KOERS_DECK_PPTX, dark, &n_slides);
  g_autoptr(GsfInfile) zip = open_zip (bytes);
  g_autoptr(GString) text = g_string_new (NULL);
  static const char *parts[] = {
    "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "ppt/_rels/presentation.xml.rels",
    "ppt/presProps.xml", "ppt/viewProps.xml", "ppt/tableStyles.xml",
    "ppt/slideMasters/_rels/slideMaster1.xml.rels", "ppt/slideLayouts/slideLayout1.xml",
    "ppt/slideLayouts/slideLayout2.xml", "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
    "ppt/theme/theme1.xml",
  };
  xmlDoc *types = read_xml (zip, "[Content_Types].xml");
  xmlDoc *presentation = read_xml (zip, "ppt/presentation.xml");
  xmlDoc *master = read_xml (zip, "ppt/slideMasters/slideMaster1.xml");
  xmlDoc *rels = read_xml (zip, "ppt/_rels/presentation.xml.rels");
  gint64 width, height;
  guint pictures = 0;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    xmlFreeDoc (read_xml (zip, parts[i]));

  g_assert_cmpuint (count (presentation, "//p:sldIdLst/p:sldId"), ==, n_slides);
  g_assert_cmpuint (count (types, "//ct:Override[@ContentType='application/vnd.openxmlformats-officedocument.presentationml.slide+xml']"),
                    ==, n_slides);
  g_assert_cmpuint (count (types, "//ct:Default[@Extension='svg']"), ==, 1);
  g_assert_cmpuint (count (rels, "//rel:Relationship[contains(@Type, '/slide')]"), ==, n_slides + 1);
  g_assert_cmpuint (count (master, "//p:ph[@type='title']"), ==, 1);
  g_assert_cmpuint (count (master, "//a:latin[@typeface='DejaVu Sans']"), >, 0);
  {
    g_autofree char *query = g_strdup_printf ("//p:bg//a:srgbClr[@val='%s']", dark ? "1E1E1E" : "FFFFFF");
    g_assert_cmpuint (count (master, query), ==, 1);
  }

  {
    xmlXPathObject *size = xpath (presentation, "//p:sldSz");
    g_autofree char *cx = attribute (size->nodesetval->nodeTab[0], "cx", NULL);
    g_autofree char *cy = attribute (size->nodesetval->nodeTab[0], "cy", NULL);

    width = atoll (cx);
    height = atoll (cy);
    g_assert_cmpint (width, ==, 12192000);
    g_assert_cmpint (height, ==, 6858000);
    xmlXPathFreeObject (size);
  }

  for (guint s = 1; s <= n_slides; s++)
    {
      g_autofree char *path = g_strdup_printf ("ppt/slides/slide%u.xml", s);
      g_autofree char *rels_path = g_strdup_printf ("ppt/slides/_rels/slide%u.xml.rels", s);
      xmlDoc *slide = read_xml (zip, path);
      xmlDoc *slide_rels = read_xml (zip, rels_path);
      g_autofree char *slide_text = all_text (slide);
      xmlXPathObject *targets;

      /* A real title placeholder on every slide; runs say their language. */
      g_assert_cmpuint (count (slide, s == 1 ? "//p:ph[@type='ctrTitle']" : "//p:ph[@type='title']"), ==, 1);
      g_assert_cmpuint (count (slide, "//a:rPr[not(@lang='en-GB')]"), ==, 0);
      assert_pptx_geometry (slide, width, height);
      g_string_append (text, slide_text);

      /* Every picture has its PNG and its SVG in the package. */
      pictures += count (slide, "//p:pic");
      targets = xpath (slide_rels, "//rel:Relationship[contains(@Type, '/image')]/@Target");
      for (int i = 0; targets->nodesetval && i < targets->nodesetval->nodeNr; i++)
        {
          xmlChar *target = xmlNodeGetContent (targets->nodesetval->nodeTab[i]);
          g_autofree char *part = g_strconcat ("ppt/", (const char *) target + 3, NULL);
          g_autoptr(GBytes) image = read_part (zip, part);

          g_assert_true (g_str_has_prefix ((const char *) target, "../media/"));
          g_assert_nonnull (image);
          xmlFree (target);
        }
      xmlXPathFreeObject (targets);
      xmlFreeDoc (slide);
      xmlFreeDoc (slide_rels);
    }
  g_assert_cmpuint (pictures, ==, 4);

  assert_roadmap_text (project, text->str);
  xmlFreeDoc (types);
  xmlFreeDoc (presentation);
  xmlFreeDoc (master);
  xmlFreeDoc (rels);
}

static void
test_pptx (void)
{
  g_autoptr(KoersProject) project = load_test_data ("deck.koers");

  check_pptx (project, FALSE);
  check_pptx (project, TRUE);
}

/* --- content -------------------------------------------------------------- */

static void
test_slides (void)
{
  g_autoptr(KoersProject) project = load_test_data ("deck.koers");
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  KoersRenderOptions options = { FALSE, KOERS_BACKGROUND_THEME };
  g_autoptr(KoersDeck) deck = koers_deck_new (project, roadmap, &options, DATE);
  guint n_phases = koers_roadmap_get_n_phases (roadmap);

  /* Title, four models, findings, an overview, at least a slide a phase. */
  g_assert_cmpuint (koers_deck_get_n_slides (deck), >=, 1 + 4 + 1 + 1 + n_phases);
  g_assert_cmpstr (koers_deck_get_language (deck), ==, "en");
  g_assert_cmpfloat (koers_deck_get_min_phase_text (deck), >=, 24);
}

/* A roadmap that cannot fit a slide a phase continues on more slides at
 * the same size, and a long name and rationale stay inside their boxes. */
static void
test_long (void)
{
  g_autoptr(KoersProject) project = load_large ();
  g_autoptr(KoersProject) wordy = NULL;
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  KoersRenderOptions options = { FALSE, KOERS_BACKGROUND_THEME };
  g_autoptr(KoersDeck) deck = koers_deck_new (project, roadmap, &options, DATE);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) rationale = g_string_new (NULL);

  g_assert_cmpuint (koers_roadmap_get_n_items (roadmap), >=, 40);
  g_assert_cmpuint (koers_deck_get_n_slides (deck), >, 1 + 4 + 1 + 1 + koers_roadmap_get_n_phases (roadmap));
  g_assert_cmpfloat (koers_deck_get_min_phase_text (deck), >=, 24);
  check_odp (project, FALSE);
  check_pptx (project, FALSE);

  for (guint i = 0; i < 12; i++)
    g_string_append (name, "Samenwerkingsverband ");
  for (guint i = 0; i < 300; i++)
    g_string_append (rationale, "Een lange toelichting. ");
  g_string_printf (json,
                   "{ \"format\": \"koers-project\", \"version\": 1, "
                   "\"organisation\": { \"name\": \"%s\" }, "
                   "\"placements\": { \"pyramid\": { \"current\": \"listen\", \"target\": \"create\", "
                   "\"rationale\": \"%s\" } } }", name->str, rationale->str);
  wordy = load_from_json (json->str);
  {
    g_autoptr(GBytes) odp = deck_bytes (wordy, KOERS_DECK_ODP, FALSE, NULL);
    g_autoptr(GBytes) pptx = deck_bytes (wordy, KOERS_DECK_PPTX, FALSE, NULL);
    g_autoptr(GsfInfile) zip = open_zip (odp);
    xmlDoc *content = read_xml (zip, "content.xml");

    assert_odp_geometry (content);
    xmlFreeDoc (content);
  }
}

/* --- progress since the last round ---------------------------------------- */

#define PROGRESS_TITLE "Progress since 1 September 2026"

/* Each model then → now and the item done since the round, as text in
 * both formats, on a slide of its own after the findings. */
static void
assert_progress_text (const char *text)
{
  const char *findings = strstr (text, "Findings");
  const char *progress = strstr (text, PROGRESS_TITLE);

  g_assert_nonnull (findings);
  g_assert_nonnull (progress);
  g_assert_true (findings < progress);
  g_assert_nonnull (strstr (progress, "Social Media Pyramid: Listen → Respond"));
  g_assert_nonnull (strstr (progress, "Social Business Strategy Maturity Matrix: Presence → Engagement"));
  g_assert_nonnull (strstr (progress, "not placed → "));
  g_assert_nonnull (strstr (progress, "(unchanged)"));
  g_assert_nonnull (strstr (progress, "Done since the last round"));
  g_assert_nonnull (strstr (progress, "✓ Secure support from management"));
  /* An item done before the round closed is no news. */
  g_assert_null (strstr (progress, "No roadmap items done since then."));
}

static void
test_progress (void)
{
  g_autoptr(KoersProject) project = load_test_data ("deck-rounds.koers");
  g_autoptr(KoersProject) without = load_test_data ("deck.koers");
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  KoersRenderOptions options = { FALSE, KOERS_BACKGROUND_THEME };
  g_autoptr(KoersDeck) deck = koers_deck_new (project, roadmap, &options, DATE);
  g_autoptr(KoersRoadmap) roadmap_without = koers_roadmap_build (without, NULL);
  g_autoptr(KoersDeck) deck_without = koers_deck_new (without, roadmap_without, &options, DATE);
  guint n_slides, n_progress = 0;

  /* Exactly one slide more than the same project without a round. */
  g_assert_cmpuint (koers_deck_get_n_slides (deck), ==, koers_deck_get_n_slides (deck_without) + 1);
  g_assert_cmpfloat (koers_deck_get_min_phase_text (deck), >=, 24);

  {
    g_autoptr(GBytes) bytes = deck_bytes (project, KOERS_DECK_ODP, FALSE, NULL);
    g_autoptr(GsfInfile) zip = open_zip (bytes);
    xmlDoc *content = read_xml (zip, "content.xml");
    g_autofree char *text = all_text (content);

    assert_progress_text (text);
    assert_odp_geometry (content);
    xmlFreeDoc (content);
  }
  {
    g_autoptr(GBytes) bytes = deck_bytes (project, KOERS_DECK_PPTX, FALSE, &n_slides);
    g_autoptr(GsfInfile) zip = open_zip (bytes);
    g_autoptr(GString) text = g_string_new (NULL);

    for (guint s = 1; s <= n_slides; s++)
      {
        g_autofree char *path = g_strdup_printf ("ppt/slides/slide%u.xml", s);
        xmlDoc *slide = read_xml (zip, path);
        g_autofree char *slide_text = all_text (slide);
        xmlXPathObject *sizes;

        g_string_append (text, slide_text);
        if (strstr (slide_text, PROGRESS_TITLE) == NULL)
          {
            xmlFreeDoc (slide);
            continue;
          }
        /* Native text, no picture; nothing under 12 pt (24 px at 1080p). */
        n_progress++;
        g_assert_cmpuint (count (slide, "//p:pic"), ==, 0);
        g_assert_cmpuint (count (slide, "//p:ph[@type='title']"), ==, 1);
        sizes = xpath (slide, "//a:rPr/@sz");
        g_assert_nonnull (sizes->nodesetval);
        g_assert_cmpint (sizes->nodesetval->nodeNr, >, 0);
        for (int i = 0; i < sizes->nodesetval->nodeNr; i++)
          {
            xmlChar *sz = xmlNodeGetContent (sizes->nodesetval->nodeTab[i]);

            g_assert_cmpint (atoi ((const char *) sz), >=, 1200);
            xmlFree (sz);
          }
        xmlXPathFreeObject (sizes);
        assert_pptx_geometry (slide, 12192000, 6858000);
        xmlFreeDoc (slide);
      }
    g_assert_cmpuint (n_progress, ==, 1);
    assert_progress_text (text->str);
  }

  /* Without a closed round there is nothing to compare with. */
  {
    g_autoptr(GBytes) bytes = deck_bytes (without, KOERS_DECK_ODP, FALSE, NULL);
    g_autoptr(GsfInfile) zip = open_zip (bytes);
    xmlDoc *content = read_xml (zip, "content.xml");
    g_autofree char *text = all_text (content);

    g_assert_null (strstr (text, "Progress since"));
    xmlFreeDoc (content);
  }
}

/* Control characters cannot stand in XML: the packages stay well-formed
 * (and libgsf, which warns about them, never sees one). */
static void
test_control_characters (void)
{
  g_autoptr(KoersProject) project = load_from_json (
    "{ \"format\": \"koers-project\", \"version\": 1, "
    "\"organisation\": { \"name\": \"A\\u0001B <&> \\\"q\\\" \\t x\" }, "
    "\"placements\": { \"pyramid\": { \"current\": \"listen\", \"target\": \"create\", "
    "\"rationale\": \"r\\u0002s\" } } }");
  g_autoptr(GBytes) odp = deck_bytes (project, KOERS_DECK_ODP, FALSE, NULL);
  g_autoptr(GBytes) pptx = deck_bytes (project, KOERS_DECK_PPTX, FALSE, NULL);
  g_autoptr(GsfInfile) odp_zip = open_zip (odp);
  g_autoptr(GsfInfile) pptx_zip = open_zip (pptx);
  xmlDoc *content = read_xml (odp_zip, "content.xml");
  g_autofree char *text = all_text (content);

  g_assert_nonnull (strstr (text, "A B <&> \"q\""));
  xmlFreeDoc (content);
  xmlFreeDoc (read_xml (odp_zip, "meta.xml"));
  xmlFreeDoc (read_xml (pptx_zip, "docProps/core.xml"));
  xmlFreeDoc (read_xml (pptx_zip, "ppt/slides/slide1.xml"));
  xmlFreeDoc (read_xml (pptx_zip, "ppt/slides/slide2.xml"));
}

static void
test_format_from_filename (void)
{
  KoersDeckFormat format = KOERS_DECK_PPTX;
  KoersSpreadsheetFormat sheet = KOERS_SPREADSHEET_XLSX;

  g_assert_true (koers_deck_format_from_filename ("a.odp", &format));
  g_assert_cmpint (format, ==, KOERS_DECK_ODP);
  g_assert_true (koers_deck_format_from_filename ("dir/Deck.PPTX", &format));
  g_assert_cmpint (format, ==, KOERS_DECK_PPTX);
  g_assert_false (koers_deck_format_from_filename (".odp", &format));
  g_assert_false (koers_deck_format_from_filename ("dir/.pptx", &format));
  g_assert_false (koers_deck_format_from_filename ("deck.ppt", &format));
  g_assert_false (koers_deck_format_from_filename ("deck", &format));
  g_assert_false (koers_deck_format_from_filename (NULL, &format));

  g_assert_true (koers_spreadsheet_format_from_filename ("r.ods", &sheet));
  g_assert_cmpint (sheet, ==, KOERS_SPREADSHEET_ODS);
  g_assert_true (koers_spreadsheet_format_from_filename ("r.XLSX", &sheet));
  g_assert_cmpint (sheet, ==, KOERS_SPREADSHEET_XLSX);
  g_assert_false (koers_spreadsheet_format_from_filename ("r.xls", &sheet));
  g_assert_false (koers_spreadsheet_format_from_filename ("x/.ods", &sheet));
}

/* --- spreadsheets --------------------------------------------------------- */

static void
test_spreadsheets (void)
{
  g_autoptr(KoersProject) project = load_test_data ("deck.koers");
  g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);
  guint n_items = koers_roadmap_get_n_items (roadmap);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ods = koers_spreadsheet_to_bytes (roadmap, KOERS_SPREADSHEET_ODS, &error);
  g_autoptr(GBytes) xlsx = NULL;
  g_autoptr(GsfInfile) ods_zip = NULL;
  g_autoptr(GsfInfile) xlsx_zip = NULL;
  xmlDoc *doc;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  ods_zip = open_zip (ods);
  doc = read_xml (ods_zip, "content.xml");
  g_assert_cmpuint (count (doc, "//table:table-row"), ==, n_items + 1);
  /* the CSV's fifteen columns, the plan's six included */
  g_assert_cmpuint (count (doc, "//table:table-header-rows/table:table-row/table:table-cell"), ==, 15);
  g_assert_cmpuint (count (doc, "//table:table-cell[@office:value-type='date' and @office:date-value='2027-02-01']"), ==, 1);
  /* the phase and the effort are numbers */
  g_assert_cmpuint (count (doc, "//table:table-cell[@office:value-type='float']"), ==, 2 * n_items);
  text = all_text (doc);
  g_assert_nonnull (strstr (text, "José Müller"));
  g_assert_nonnull (strstr (text, "2027-Q1"));
  xmlFreeDoc (doc);

  xlsx = koers_spreadsheet_to_bytes (roadmap, KOERS_SPREADSHEET_XLSX, &error);
  g_assert_no_error (error);
  xlsx_zip = open_zip (xlsx);
  xmlFreeDoc (read_xml (xlsx_zip, "[Content_Types].xml"));
  xmlFreeDoc (read_xml (xlsx_zip, "xl/workbook.xml"));
  xmlFreeDoc (read_xml (xlsx_zip, "xl/styles.xml"));
  doc = read_xml (xlsx_zip, "xl/worksheets/sheet1.xml");
  g_assert_cmpuint (count (doc, "//s:row"), ==, n_items + 1);
  /* 1 February 2027 is day 46419 counted from 30 December 1899. */
  g_assert_cmpuint (count (doc, "//s:c[@s='2']/s:v[text()='46419']"), ==, 1);
  g_clear_pointer (&text, g_free);
  text = all_text (doc);
  g_assert_nonnull (strstr (text, "Anouk de Vries-Öztürk"));
  xmlFreeDoc (doc);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("KOERS_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/deck/format-from-filename", test_format_from_filename);
  g_test_add_func ("/render/deck/slides", test_slides);
  g_test_add_func ("/render/deck/odp", test_odp);
  g_test_add_func ("/render/deck/pptx", test_pptx);
  g_test_add_func ("/render/deck/long", test_long);
  g_test_add_func ("/render/deck/progress", test_progress);
  g_test_add_func ("/render/deck/control-characters", test_control_characters);
  g_test_add_func ("/render/deck/spreadsheets", test_spreadsheets);

  return g_test_run ();
}
