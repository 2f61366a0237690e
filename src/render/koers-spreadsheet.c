/* koers-spreadsheet.c: the roadmap as a spreadsheet (ODS or XLSX)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same columns as `koers --roadmap --format=csv`, one row per item,
 * but typed: the phase is a number, a due month a date shown as
 * YYYY-MM (a quarter stays text), and the header row is bold and
 * frozen. Unlike CSV, a spreadsheet says its own encoding, so Dutch
 * names open intact in Calc and Excel without an import dialog.
 */
#define G_LOG_DOMAIN "koers-spreadsheet"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "koers-io.h"
#include "koers-package.h"
#include "koers-spreadsheet.h"

#define N_COLUMNS 15

static const char *columns[N_COLUMNS] = {
  "phase", "id", "title", "model", "stage", "status", "owner", "due", "note",
  "quarter", "phase name", "why", "role", "effort", "after",
};

typedef enum {
  CELL_EMPTY,
  CELL_TEXT,
  CELL_NUMBER,
  CELL_MONTH,
} CellType;

typedef struct {
  CellType  type;
  char     *text;    /* as the CSV writes it */
  guint     number;
  int       year, month;
} Cell;

static void
cell_clear (Cell *cell)
{
  g_free (cell->text);
}

/* XML 1.0 cannot hold control characters other than tab and line ends. */
static char *
clean (const char *text)
{
  char *out = g_strdup (text);

  for (char *p = out; *p; p++)
    if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t' && *p != '\r')
      *p = ' ';
  return out;
}

static void
set_text (Cell       *cell,
          const char *text)
{
  cell->type = text && text[0] ? CELL_TEXT : CELL_EMPTY;
  cell->text = text ? clean (text) : g_strdup ("");
}

static void
item_cells (const KoersRoadmapPhase *phase,
            const KoersRoadmapItem  *item,
            Cell                     cells[N_COLUMNS])
{
  const KoersStageRef *primary = g_ptr_array_index (item->serves, 0);

  memset (cells, 0, sizeof (Cell) * N_COLUMNS);
  cells[0].type = CELL_NUMBER;
  cells[0].number = phase->index;
  cells[0].text = g_strdup_printf ("%u", phase->index);
  set_text (&cells[1], item->id);
  set_text (&cells[2], item->title);
  set_text (&cells[3], primary->model);
  set_text (&cells[4], primary->stage);
  set_text (&cells[5], koers_status_to_string (item->status));
  set_text (&cells[6], item->owner);
  set_text (&cells[7], item->due);
  /* A month is a date a spreadsheet can sort and filter; a quarter is not. */
  if (koers_is_valid_month (item->due))
    {
      cells[7].type = CELL_MONTH;
      cells[7].year = atoi (item->due);
      cells[7].month = atoi (item->due + 5);
    }
  set_text (&cells[8], item->note);
  set_text (&cells[9], phase->period);
  set_text (&cells[10], phase->name);
  set_text (&cells[11], item->why);
  set_text (&cells[12], item->role);
  cells[13].type = CELL_NUMBER;
  cells[13].number = item->effort;
  cells[13].text = g_strdup_printf ("%u", item->effort);
  if (item->after != NULL && item->after[0] != NULL)
    {
      g_autofree char *after = g_strjoinv (";", item->after);

      set_text (&cells[14], after);
    }
  else
    set_text (&cells[14], NULL);
}

/* --- ODS ------------------------------------------------------------------ */

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define MIME_ODS  "application/vnd.oasis.opendocument.spreadsheet"

static void
ods_namespaces (GsfXMLOut *xml)
{
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:office", NS_OFFICE);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:number", "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0");
  gsf_xml_out_add_cstr_unchecked (xml, "office:version", "1.3");
}

static void
ods_text (GsfXMLOut  *xml,
          const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    gsf_xml_out_simple_element (xml, "text:p", lines[i]);
}

static void
ods_cell (GsfXMLOut  *xml,
          const Cell *cell,
          const char *style)
{
  gsf_xml_out_start_element (xml, "table:table-cell");
  if (style != NULL)
    gsf_xml_out_add_cstr_unchecked (xml, "table:style-name", style);
  switch (cell->type)
    {
    case CELL_NUMBER:
      gsf_xml_out_add_cstr_unchecked (xml, "office:value-type", "float");
      gsf_xml_out_add_uint (xml, "office:value", cell->number);
      break;
    case CELL_MONTH:
      {
        g_autofree char *date = g_strdup_printf ("%04d-%02d-01", cell->year, cell->month);

        gsf_xml_out_add_cstr_unchecked (xml, "table:style-name", "ce2");
        gsf_xml_out_add_cstr_unchecked (xml, "office:value-type", "date");
        gsf_xml_out_add_cstr_unchecked (xml, "office:date-value", date);
      }
      break;
    case CELL_TEXT:
      gsf_xml_out_add_cstr_unchecked (xml, "office:value-type", "string");
      break;
    case CELL_EMPTY:
    default:
      break;
    }
  if (cell->type != CELL_EMPTY)
    ods_text (xml, cell->text);
  gsf_xml_out_end_element (xml);
}

static void
ods_content (KoersRoadmap *roadmap,
             KoersPackage *package)
{
  GsfXMLOut *xml = _koers_package_begin_xml (package, "content.xml");

  gsf_xml_out_start_element (xml, "office:document-content");
  ods_namespaces (xml);

  gsf_xml_out_start_element (xml, "office:automatic-styles");
  gsf_xml_out_start_element (xml, "number:date-style");
  gsf_xml_out_add_cstr_unchecked (xml, "style:name", "N1");
  gsf_xml_out_start_element (xml, "number:year");
  gsf_xml_out_add_cstr_unchecked (xml, "number:style", "long");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_simple_element (xml, "number:text", "-");
  gsf_xml_out_start_element (xml, "number:month");
  gsf_xml_out_add_cstr_unchecked (xml, "number:style", "long");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "style:style");
  gsf_xml_out_add_cstr_unchecked (xml, "style:name", "ce1");
  gsf_xml_out_add_cstr_unchecked (xml, "style:family", "table-cell");
  gsf_xml_out_start_element (xml, "style:text-properties");
  gsf_xml_out_add_cstr_unchecked (xml, "fo:font-weight", "bold");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "style:style");
  gsf_xml_out_add_cstr_unchecked (xml, "style:name", "ce2");
  gsf_xml_out_add_cstr_unchecked (xml, "style:family", "table-cell");
  gsf_xml_out_add_cstr_unchecked (xml, "style:data-style-name", "N1");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);

  gsf_xml_out_start_element (xml, "office:body");
  gsf_xml_out_start_element (xml, "office:spreadsheet");
  gsf_xml_out_start_element (xml, "table:table");
  gsf_xml_out_add_cstr_unchecked (xml, "table:name", "Roadmap");
  gsf_xml_out_start_element (xml, "table:table-column");
  gsf_xml_out_add_uint (xml, "table:number-columns-repeated", N_COLUMNS);
  gsf_xml_out_end_element (xml);

  gsf_xml_out_start_element (xml, "table:table-header-rows");
  gsf_xml_out_start_element (xml, "table:table-row");
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      Cell header = { CELL_TEXT, (char *) columns[c], 0, 0, 0 };
      ods_cell (xml, &header, "ce1");
    }
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);

  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (roadmap, p);

      for (guint i = 0; i < phase->items->len; i++)
        {
          Cell cells[N_COLUMNS];

          item_cells (phase, g_ptr_array_index (phase->items, i), cells);
          gsf_xml_out_start_element (xml, "table:table-row");
          for (guint c = 0; c < N_COLUMNS; c++)
            {
              ods_cell (xml, &cells[c], NULL);
              cell_clear (&cells[c]);
            }
          gsf_xml_out_end_element (xml);
        }
    }

  gsf_xml_out_end_element (xml); /* table:table */
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  _koers_package_end_xml (package, xml);
}

static GBytes *
write_ods (KoersRoadmap  *roadmap,
           GError       **error)
{
  g_autoptr(KoersPackage) package = _koers_package_new ();
  g_autoptr(GBytes) mimetype = g_bytes_new_static (MIME_ODS, strlen (MIME_ODS));
  GsfXMLOut *xml;

  _koers_package_add_bytes (package, "mimetype", mimetype, TRUE);

  xml = _koers_package_begin_xml (package, "META-INF/manifest.xml");
  gsf_xml_out_start_element (xml, "manifest:manifest");
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
  gsf_xml_out_add_cstr_unchecked (xml, "manifest:version", "1.3");
  for (guint i = 0; i < 2; i++)
    {
      gsf_xml_out_start_element (xml, "manifest:file-entry");
      gsf_xml_out_add_cstr_unchecked (xml, "manifest:full-path", i == 0 ? "/" : "content.xml");
      if (i == 0)
        gsf_xml_out_add_cstr_unchecked (xml, "manifest:version", "1.3");
      gsf_xml_out_add_cstr_unchecked (xml, "manifest:media-type", i == 0 ? MIME_ODS : "text/xml");
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
  _koers_package_end_xml (package, xml);

  ods_content (roadmap, package);
  return _koers_package_finish (package, error);
}

/* --- XLSX ----------------------------------------------------------------- */

#define NS_SML  "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_R    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define SML     "application/vnd.openxmlformats-officedocument.spreadsheetml."
#define REL     "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static void
xlsx_part (KoersPackage *package,
           const char   *path,
           const char   *root,
           void        (*body) (GsfXMLOut *xml, gpointer data),
           gpointer      data)
{
  GsfXMLOut *xml = _koers_package_begin_xml (package, path);

  gsf_xml_out_start_element (xml, root);
  body (xml, data);
  gsf_xml_out_end_element (xml);
  _koers_package_end_xml (package, xml);
}

static void
relationship (GsfXMLOut  *xml,
              const char *id,
              const char *type,
              const char *target)
{
  gsf_xml_out_start_element (xml, "Relationship");
  gsf_xml_out_add_cstr_unchecked (xml, "Id", id);
  gsf_xml_out_add_cstr_unchecked (xml, "Type", type);
  gsf_xml_out_add_cstr_unchecked (xml, "Target", target);
  gsf_xml_out_end_element (xml);
}

static void
override (GsfXMLOut  *xml,
          const char *part,
          const char *type)
{
  gsf_xml_out_start_element (xml, "Override");
  gsf_xml_out_add_cstr_unchecked (xml, "PartName", part);
  gsf_xml_out_add_cstr_unchecked (xml, "ContentType", type);
  gsf_xml_out_end_element (xml);
}

static void
content_types_body (GsfXMLOut *xml,
                    gpointer   data)
{
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  gsf_xml_out_start_element (xml, "Default");
  gsf_xml_out_add_cstr_unchecked (xml, "Extension", "rels");
  gsf_xml_out_add_cstr_unchecked (xml, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "Default");
  gsf_xml_out_add_cstr_unchecked (xml, "Extension", "xml");
  gsf_xml_out_add_cstr_unchecked (xml, "ContentType", "application/xml");
  gsf_xml_out_end_element (xml);
  override (xml, "/xl/workbook.xml", SML "sheet.main+xml");
  override (xml, "/xl/worksheets/sheet1.xml", SML "worksheet+xml");
  override (xml, "/xl/styles.xml", SML "styles+xml");
}

static void
root_rels_body (GsfXMLOut *xml,
                gpointer   data)
{
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
  relationship (xml, "rId1", REL "officeDocument", "xl/workbook.xml");
}

static void
workbook_rels_body (GsfXMLOut *xml,
                    gpointer   data)
{
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
  relationship (xml, "rId1", REL "worksheet", "worksheets/sheet1.xml");
  relationship (xml, "rId2", REL "styles", "styles.xml");
}

static void
workbook_body (GsfXMLOut *xml,
               gpointer   data)
{
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns", NS_SML);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:r", NS_R);
  gsf_xml_out_start_element (xml, "sheets");
  gsf_xml_out_start_element (xml, "sheet");
  gsf_xml_out_add_cstr_unchecked (xml, "name", "Roadmap");
  gsf_xml_out_add_cstr_unchecked (xml, "sheetId", "1");
  gsf_xml_out_add_cstr_unchecked (xml, "r:id", "rId1");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
count_list (GsfXMLOut  *xml,
            const char *list,
            const char *item,
            guint       n,
            void      (*fill) (GsfXMLOut *xml, guint i))
{
  gsf_xml_out_start_element (xml, list);
  gsf_xml_out_add_uint (xml, "count", n);
  for (guint i = 0; i < n; i++)
    {
      gsf_xml_out_start_element (xml, item);
      if (fill)
        fill (xml, i);
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
}

static void
fill_font (GsfXMLOut *xml,
           guint      i)
{
  if (i == 1)
    gsf_xml_out_simple_element (xml, "b", NULL);
  gsf_xml_out_start_element (xml, "sz");
  gsf_xml_out_add_cstr_unchecked (xml, "val", "11");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "name");
  gsf_xml_out_add_cstr_unchecked (xml, "val", "Calibri");
  gsf_xml_out_end_element (xml);
}

/* Excel wants the first two fills to be these. */
static void
fill_fill (GsfXMLOut *xml,
           guint      i)
{
  gsf_xml_out_start_element (xml, "patternFill");
  gsf_xml_out_add_cstr_unchecked (xml, "patternType", i == 0 ? "none" : "gray125");
  gsf_xml_out_end_element (xml);
}

static void
fill_border (GsfXMLOut *xml,
             guint      i)
{
  static const char *sides[] = { "left", "right", "top", "bottom", "diagonal" };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    gsf_xml_out_simple_element (xml, sides[s], NULL);
}

static void
fill_style_xf (GsfXMLOut *xml,
               guint      i)
{
  gsf_xml_out_add_cstr_unchecked (xml, "numFmtId", "0");
  gsf_xml_out_add_cstr_unchecked (xml, "fontId", "0");
  gsf_xml_out_add_cstr_unchecked (xml, "fillId", "0");
  gsf_xml_out_add_cstr_unchecked (xml, "borderId", "0");
}

/* 0: plain; 1: the bold header; 2: a month as YYYY-MM. */
static void
fill_cell_xf (GsfXMLOut *xml,
              guint      i)
{
  gsf_xml_out_add_cstr_unchecked (xml, "numFmtId", i == 2 ? "164" : "0");
  gsf_xml_out_add_cstr_unchecked (xml, "fontId", i == 1 ? "1" : "0");
  gsf_xml_out_add_cstr_unchecked (xml, "fillId", "0");
  gsf_xml_out_add_cstr_unchecked (xml, "borderId", "0");
  gsf_xml_out_add_cstr_unchecked (xml, "xfId", "0");
  if (i == 1)
    gsf_xml_out_add_cstr_unchecked (xml, "applyFont", "1");
  if (i == 2)
    gsf_xml_out_add_cstr_unchecked (xml, "applyNumberFormat", "1");
}

static void
fill_cell_style (GsfXMLOut *xml,
                 guint      i)
{
  gsf_xml_out_add_cstr_unchecked (xml, "name", "Normal");
  gsf_xml_out_add_cstr_unchecked (xml, "xfId", "0");
  gsf_xml_out_add_cstr_unchecked (xml, "builtinId", "0");
}

static void
styles_body (GsfXMLOut *xml,
             gpointer   data)
{
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns", NS_SML);
  gsf_xml_out_start_element (xml, "numFmts");
  gsf_xml_out_add_cstr_unchecked (xml, "count", "1");
  gsf_xml_out_start_element (xml, "numFmt");
  gsf_xml_out_add_cstr_unchecked (xml, "numFmtId", "164");
  gsf_xml_out_add_cstr_unchecked (xml, "formatCode", "yyyy\\-mm");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  count_list (xml, "fonts", "font", 2, fill_font);
  count_list (xml, "fills", "fill", 2, fill_fill);
  count_list (xml, "borders", "border", 1, fill_border);
  count_list (xml, "cellStyleXfs", "xf", 1, fill_style_xf);
  count_list (xml, "cellXfs", "xf", 3, fill_cell_xf);
  count_list (xml, "cellStyles", "cellStyle", 1, fill_cell_style);
}

static void
xlsx_cell (GsfXMLOut  *xml,
           guint       row,
           guint       column,
           const Cell *cell,
           gboolean    header)
{
  g_autofree char *ref = g_strdup_printf ("%c%u", 'A' + column, row);

  if (cell->type == CELL_EMPTY)
    return;
  gsf_xml_out_start_element (xml, "c");
  gsf_xml_out_add_cstr_unchecked (xml, "r", ref);
  if (header)
    gsf_xml_out_add_cstr_unchecked (xml, "s", "1");
  switch (cell->type)
    {
    case CELL_NUMBER:
      gsf_xml_out_simple_int_element (xml, "v", cell->number);
      break;
    case CELL_MONTH:
      {
        /* Days since 30 December 1899, as spreadsheets count. */
        g_autoptr(GDateTime) epoch = g_date_time_new_utc (1899, 12, 30, 0, 0, 0);
        g_autoptr(GDateTime) date = g_date_time_new_utc (cell->year, cell->month, 1, 0, 0, 0);

        gsf_xml_out_add_cstr_unchecked (xml, "s", "2");
        gsf_xml_out_simple_int_element (xml, "v", (int) (g_date_time_difference (date, epoch) / G_TIME_SPAN_DAY));
      }
      break;
    case CELL_TEXT:
    default:
      gsf_xml_out_add_cstr_unchecked (xml, "t", "inlineStr");
      gsf_xml_out_start_element (xml, "is");
      gsf_xml_out_start_element (xml, "t");
      gsf_xml_out_add_cstr_unchecked (xml, "xml:space", "preserve");
      gsf_xml_out_add_cstr (xml, NULL, cell->text);
      gsf_xml_out_end_element (xml);
      gsf_xml_out_end_element (xml);
      break;
    }
  gsf_xml_out_end_element (xml);
}

static void
sheet_body (GsfXMLOut *xml,
            gpointer   data)
{
  KoersRoadmap *roadmap = data;
  guint row = 1;

  gsf_xml_out_add_cstr_unchecked (xml, "xmlns", NS_SML);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:r", NS_R);

  /* The header stays in view while scrolling. */
  gsf_xml_out_start_element (xml, "sheetViews");
  gsf_xml_out_start_element (xml, "sheetView");
  gsf_xml_out_add_cstr_unchecked (xml, "workbookViewId", "0");
  gsf_xml_out_start_element (xml, "pane");
  gsf_xml_out_add_cstr_unchecked (xml, "ySplit", "1");
  gsf_xml_out_add_cstr_unchecked (xml, "topLeftCell", "A2");
  gsf_xml_out_add_cstr_unchecked (xml, "activePane", "bottomLeft");
  gsf_xml_out_add_cstr_unchecked (xml, "state", "frozen");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);

  gsf_xml_out_start_element (xml, "sheetData");
  gsf_xml_out_start_element (xml, "row");
  gsf_xml_out_add_uint (xml, "r", row);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      Cell header = { CELL_TEXT, (char *) columns[c], 0, 0, 0 };
      xlsx_cell (xml, row, c, &header, TRUE);
    }
  gsf_xml_out_end_element (xml);

  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (roadmap, p);

      for (guint i = 0; i < phase->items->len; i++)
        {
          Cell cells[N_COLUMNS];

          row++;
          item_cells (phase, g_ptr_array_index (phase->items, i), cells);
          gsf_xml_out_start_element (xml, "row");
          gsf_xml_out_add_uint (xml, "r", row);
          for (guint c = 0; c < N_COLUMNS; c++)
            {
              xlsx_cell (xml, row, c, &cells[c], FALSE);
              cell_clear (&cells[c]);
            }
          gsf_xml_out_end_element (xml);
        }
    }
  gsf_xml_out_end_element (xml);
}

static GBytes *
write_xlsx (KoersRoadmap  *roadmap,
            GError       **error)
{
  g_autoptr(KoersPackage) package = _koers_package_new ();

  xlsx_part (package, "[Content_Types].xml", "Types", content_types_body, NULL);
  xlsx_part (package, "_rels/.rels", "Relationships", root_rels_body, NULL);
  xlsx_part (package, "xl/workbook.xml", "workbook", workbook_body, NULL);
  xlsx_part (package, "xl/_rels/workbook.xml.rels", "Relationships", workbook_rels_body, NULL);
  xlsx_part (package, "xl/styles.xml", "styleSheet", styles_body, NULL);
  xlsx_part (package, "xl/worksheets/sheet1.xml", "worksheet", sheet_body, roadmap);
  return _koers_package_finish (package, error);
}

/* --- public --------------------------------------------------------------- */

/**
 * koers_spreadsheet_format_from_filename:
 * @filename: a file name or path
 * @format: (out): the format its extension names
 *
 * Returns: whether @filename ends in .ods or .xlsx, in any case
 */
gboolean
koers_spreadsheet_format_from_filename (const char             *filename,
                                        KoersSpreadsheetFormat *format)
{
  const char *dot = koers_filename_get_extension (filename);

  g_return_val_if_fail (format != NULL, FALSE);

  if (dot == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".ods") == 0)
    *format = KOERS_SPREADSHEET_ODS;
  else if (g_ascii_strcasecmp (dot, ".xlsx") == 0)
    *format = KOERS_SPREADSHEET_XLSX;
  else
    return FALSE;
  return TRUE;
}

/**
 * koers_spreadsheet_to_bytes:
 * @roadmap: the roadmap
 * @format: ODS or XLSX
 * @error: a #KOERS_EXPORT_ERROR
 *
 * One sheet, "Roadmap", with the CSV's columns and one row per item.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
koers_spreadsheet_to_bytes (KoersRoadmap            *roadmap,
                            KoersSpreadsheetFormat   format,
                            GError                 **error)
{
  g_return_val_if_fail (KOERS_IS_ROADMAP (roadmap), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format == KOERS_SPREADSHEET_XLSX)
    return write_xlsx (roadmap, error);
  return write_ods (roadmap, error);
}

/**
 * koers_export_spreadsheet:
 * @roadmap: the roadmap
 * @format: ODS or XLSX
 * @file: where to write
 * @error: a #KOERS_EXPORT_ERROR or a #G_IO_ERROR
 *
 * Writes the spreadsheet to @file, whole or not at all.
 *
 * Returns: whether the file was written
 */
gboolean
koers_export_spreadsheet (KoersRoadmap            *roadmap,
                          KoersSpreadsheetFormat   format,
                          GFile                   *file,
                          GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = koers_spreadsheet_to_bytes (roadmap, format, error);
  if (bytes == NULL)
    return FALSE;
  return koers_file_write_atomic (file, bytes, NULL, error);
}
