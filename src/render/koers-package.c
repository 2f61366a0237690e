/* koers-package.c: a zip package (ODF or OOXML) written in memory with libgsf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parts are named by their full path; the folders they need are made on
 * the way and closed at the end, after their contents, as libgsf wants.
 * One part is open at a time: the zip is written as a stream.
 */
#define G_LOG_DOMAIN "koers-package"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <string.h>

#include "koers-export.h"
#include "koers-package.h"

struct _KoersPackage
{
  GsfOutput  *sink;
  GsfOutfile *root;
  GHashTable *folders;   /* path → GsfOutfile */
  GPtrArray  *order;     /* folders in the order they were made */
  GsfOutput  *part;      /* the part being written, if any */
};

/**
 * _koers_package_new:
 *
 * Returns: (transfer full): an empty package
 */
KoersPackage *
_koers_package_new (void)
{
  KoersPackage *package = g_new0 (KoersPackage, 1);

  package->sink = gsf_output_memory_new ();
  /* Cannot fail on a memory sink. */
  package->root = gsf_outfile_zip_new (package->sink, NULL);
  package->folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  package->order = g_ptr_array_new_with_free_func (g_object_unref);
  return package;
}

static GsfOutfile *
folder_for (KoersPackage *package,
            const char   *path,
            const char  **name)
{
  const char *slash = strrchr (path, '/');
  g_autofree char *dir = NULL;
  GsfOutfile *parent, *folder;
  const char *dir_name;

  *name = slash ? slash + 1 : path;
  if (slash == NULL)
    return package->root;

  dir = g_strndup (path, slash - path);
  folder = g_hash_table_lookup (package->folders, dir);
  if (folder != NULL)
    return folder;

  parent = folder_for (package, dir, &dir_name);
  folder = GSF_OUTFILE (gsf_outfile_new_child (parent, dir_name, TRUE));
  g_hash_table_insert (package->folders, g_steal_pointer (&dir), folder);
  g_ptr_array_add (package->order, folder);
  return folder;
}

static GsfOutput *
open_part (KoersPackage *package,
           const char   *path,
           gboolean      stored)
{
  const char *name;
  GsfOutfile *folder;

  g_assert (package->part == NULL);

  folder = folder_for (package, path, &name);
  if (stored)
    package->part = gsf_outfile_new_child_full (folder, name, FALSE,
                                                "compression-level", GSF_ZIP_STORED,
                                                NULL);
  else
    package->part = gsf_outfile_new_child (folder, name, FALSE);
  return package->part;
}

static void
close_part (KoersPackage *package)
{
  gsf_output_close (package->part);
  g_clear_object (&package->part);
}

/**
 * _koers_package_begin_xml:
 * @package: the package
 * @path: the part's path, e.g. "ppt/slides/slide1.xml"
 *
 * Starts an XML part; end it with _koers_package_end_xml() before the
 * next part.
 *
 * Returns: (transfer full): the writer, with the XML declaration written
 */
GsfXMLOut *
_koers_package_begin_xml (KoersPackage *package,
                          const char   *path)
{
  GsfXMLOut *xml = gsf_xml_out_new (open_part (package, path, FALSE));

  /* Smaller and quicker; nobody reads these by hand. */
  gsf_xml_out_set_pretty_print (xml, FALSE);
  return xml;
}

/**
 * _koers_package_end_xml:
 * @package: the package
 * @xml: (transfer full): the writer _koers_package_begin_xml() gave
 */
void
_koers_package_end_xml (KoersPackage *package,
                        GsfXMLOut    *xml)
{
  g_object_unref (xml);
  close_part (package);
}

/**
 * _koers_package_add_bytes:
 * @package: the package
 * @path: the part's path
 * @bytes: its content
 * @stored: %TRUE to store it uncompressed (ODF's mimetype must be)
 */
void
_koers_package_add_bytes (KoersPackage *package,
                          const char   *path,
                          GBytes       *bytes,
                          gboolean      stored)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  gsf_output_write (open_part (package, path, stored), size, data);
  close_part (package);
}

/**
 * _koers_package_finish:
 * @package: the package
 * @error: a #KOERS_EXPORT_ERROR
 *
 * Closes every folder and the zip.
 *
 * Returns: (transfer full): the package's bytes, or %NULL with @error set
 */
GBytes *
_koers_package_finish (KoersPackage  *package,
                       GError       **error)
{
  const GError *zip_error;
  gsize size;

  g_return_val_if_fail (package->part == NULL, NULL);

  for (guint i = package->order->len; i > 0; i--)
    gsf_output_close (g_ptr_array_index (package->order, i - 1));
  gsf_output_close (GSF_OUTPUT (package->root));

  zip_error = gsf_output_error (GSF_OUTPUT (package->root));
  if (zip_error == NULL)
    zip_error = gsf_output_error (package->sink);
  if (zip_error != NULL)
    {
      g_set_error (error, KOERS_EXPORT_ERROR, KOERS_EXPORT_ERROR_FAILED,
                   _("could not pack the file: %s"), zip_error->message);
      return NULL;
    }

  gsf_output_close (package->sink);
  size = gsf_output_size (package->sink);
  return g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (package->sink)), size);
}

/**
 * _koers_package_free:
 * @package: (transfer full): the package
 */
void
_koers_package_free (KoersPackage *package)
{
  if (package == NULL)
    return;
  if (package->part != NULL)
    close_part (package);
  g_ptr_array_unref (package->order);
  g_hash_table_unref (package->folders);
  g_clear_object (&package->root);
  g_clear_object (&package->sink);
  g_free (package);
}
