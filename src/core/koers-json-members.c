/* koers-json-members.c: typed access to the members of a parsed
 * file, and the checks around the strict scanner (nesting, positions,
 * text), with errors that say where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-json"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-error.h"
#include "koers-json-private.h"

char *
_koers_json_path (const char *parent,
                  const char *member)
{
  if (parent == NULL || *parent == '\0')
    return g_strdup (member);
  return g_strconcat (parent, ".", member, NULL);
}

const char *
_koers_json_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("text");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

/*
 * _koers_json_node_get_object:
 * @path: where @node is, for the message
 *
 * Returns: (transfer none) (nullable): @node's object, or %NULL with
 *   @error set to "PATH: expected an object, found …"
 */
JsonObject *
_koers_json_node_get_object (JsonNode    *node,
                             const char  *path,
                             GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_TYPE,
                   _("%s: expected %s, found %s"), path, _("an object"),
                   _koers_json_type_name (node));
      return NULL;
    }
  return json_node_get_object (node);
}

static void
set_type_error (const char  *parent,
                const char  *member,
                const char  *expected,
                JsonNode    *node,
                GError     **error)
{
  g_autofree char *path = _koers_json_path (parent, member);

  /* TRANSLATORS: "placements.pyramid: expected an object, found text" */
  g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_TYPE,
               _("%s: expected %s, found %s"), path, expected,
               _koers_json_type_name (node));
}

typedef enum {
  WANT_STRING,
  WANT_OBJECT,
  WANT_ARRAY,
} Want;

/* Finds @member and checks its type. Returns FALSE with @error set when it
 * is required and absent or has another type; *node is NULL when absent. */
static gboolean
get_typed (JsonObject  *object,
           const char  *parent,
           const char  *member,
           gboolean     required,
           Want         want,
           JsonNode   **node,
           GError     **error)
{
  gboolean ok;

  *node = json_object_get_member (object, member);
  if (*node == NULL)
    {
      if (required)
        {
          g_autofree char *path = _koers_json_path (parent, member);

          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_MISSING,
                       _("%s: missing; this member is required"), path);
          return FALSE;
        }
      return TRUE;
    }

  switch (want)
    {
    case WANT_OBJECT:
      ok = JSON_NODE_HOLDS_OBJECT (*node);
      break;
    case WANT_ARRAY:
      ok = JSON_NODE_HOLDS_ARRAY (*node);
      break;
    case WANT_STRING:
    default:
      ok = JSON_NODE_HOLDS_VALUE (*node) && json_node_get_value_type (*node) == G_TYPE_STRING;
      break;
    }

  if (!ok)
    {
      static const char * const names[] = { N_("text"), N_("an object"), N_("a list") };

      set_type_error (parent, member, _(names[want]), *node, error);
      *node = NULL;
      return FALSE;
    }
  return TRUE;
}

gboolean
_koers_json_get_string (JsonObject  *object,
                        const char  *parent,
                        const char  *member,
                        gboolean     required,
                        const char **value,
                        GError     **error)
{
  JsonNode *node;
  gboolean ok = get_typed (object, parent, member, required, WANT_STRING, &node, error);

  *value = node ? json_node_get_string (node) : NULL;
  return ok;
}

gboolean
_koers_json_get_object (JsonObject  *object,
                        const char  *parent,
                        const char  *member,
                        gboolean     required,
                        JsonObject **value,
                        GError     **error)
{
  JsonNode *node;
  gboolean ok = get_typed (object, parent, member, required, WANT_OBJECT, &node, error);

  *value = node ? json_node_get_object (node) : NULL;
  return ok;
}

gboolean
_koers_json_get_array (JsonObject  *object,
                       const char  *parent,
                       const char  *member,
                       gboolean     required,
                       JsonArray  **value,
                       GError     **error)
{
  JsonNode *node;
  gboolean ok = get_typed (object, parent, member, required, WANT_ARRAY, &node, error);

  *value = node ? json_node_get_array (node) : NULL;
  return ok;
}

gboolean
_koers_json_get_bool (JsonObject  *object,
                      const char  *parent,
                      const char  *member,
                      gboolean    *value,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      set_type_error (parent, member, _("true or false"), node, error);
      return FALSE;
    }
  *value = json_node_get_boolean (node);
  return TRUE;
}

/* Checks "format" and "version" of a Koers JSON document. */
gboolean
_koers_json_check_header (JsonObject  *root,
                          const char  *format,
                          gint64       max_version,
                          GError     **error)
{
  const char *found = NULL;
  JsonNode *version;
  gint64 v;

  if (!_koers_json_get_string (root, NULL, "format", FALSE, &found, error))
    return FALSE;
  if (g_strcmp0 (found, format) != 0)
    {
      if (found == NULL)
        g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_NOT_PROJECT,
                     _("format: missing; expected \"%s\""), format);
      else
        g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_NOT_PROJECT,
                     _("format: expected \"%s\", found \"%s\""), format, found);
      return FALSE;
    }

  version = json_object_get_member (root, "version");
  if (version == NULL)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_MISSING,
                   _("version: missing; expected %d"), (int) max_version);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];
      const char *what = _koers_json_type_name (version);

      /* Say which number: "found 1.5" tells more than "found a number". */
      if (JSON_NODE_HOLDS_VALUE (version) && json_node_get_value_type (version) == G_TYPE_DOUBLE)
        {
          _koers_json_format_double (number, json_node_get_double (version));
          what = number;
        }
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_TYPE,
                   _("version: expected a whole number, found %s"), what);
      return FALSE;
    }
  v = json_node_get_int (version);
  if (v > max_version)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_VERSION,
                   _("version: this file was written by a newer Koers (format version %d); this version reads format version %d. Update Koers to open it"),
                   (int) MIN (v, G_MAXINT), (int) max_version);
      return FALSE;
    }
  if (v < 1)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("version: expected %d, found %d"), (int) max_version, (int) MAX (v, G_MININT));
      return FALSE;
    }
  return TRUE;
}

/**
 * _koers_json_check_strings:
 *
 * A JSON escape can spell a lone UTF-16 surrogate ("\\udc80"), which
 * json-glib turns into bytes that are not UTF-8. Such a string could never
 * be written back as valid text, so refuse it here, naming where it is.
 */
gboolean
_koers_json_check_strings (JsonNode    *node,
                           const char  *path,
                           GError     **error)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        for (const GList *l = members; l; l = l->next)
          {
            g_autofree char *child = NULL;

            if (!g_utf8_validate (l->data, -1, NULL))
              {
                g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_NOT_UTF8,
                             _("%s: a member name holds an escape that is not a valid character"),
                             *path ? path : _("the top level"));
                return FALSE;
              }
            child = _koers_json_path (path, l->data);
            if (!_koers_json_check_strings (json_object_get_member (object, l->data), child, error))
              return FALSE;
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);

            if (!_koers_json_check_strings (json_array_get_element (array, i), child, error))
              return FALSE;
          }
      }
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING &&
          !g_utf8_validate (json_node_get_string (node), -1, NULL))
        {
          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_NOT_UTF8,
                       _("%s: the text holds an escape that is not a valid character (a lone \\u surrogate)"),
                       path);
          return FALSE;
        }
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }

  return TRUE;
}

/* The line and column, counted from 1 in characters, of @offset. */
void
_koers_json_offset_to_line_column (const char *data,
                                   gsize       offset,
                                   guint      *line,
                                   guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        {
          (*column)++;
        }
    }
}

/* json-glib's parser recurses once per nesting level, so a hostile file of
 * a few hundred thousand '[' would overflow the stack. Count the depth
 * ourselves, outside strings, before anything else reads the text: a file
 * nested too deep is refused as that, whatever else is wrong with it. */
gboolean
_koers_json_check_depth (const char  *data,
                         gsize        len,
                         GError     **error)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > KOERS_MAX_DEPTH)
            {
              guint line, column;

              _koers_json_offset_to_line_column (data, i, &line, &column);
              g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_TOO_DEEP,
                           _("%u:%u: the data is nested more than %u levels deep; this is not a file Koers wrote"),
                           line, column, (guint) KOERS_MAX_DEPTH);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
}

/**
 * _koers_json_value_position:
 *
 * Finds where the JSON value in @bytes starts (its first character that is
 * not white space), for messages about the document as a whole.
 */
void
_koers_json_value_position (GBytes *bytes,
                            guint  *line,
                            guint  *column)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  gsize offset = 0;

  if (data == NULL)
    {
      *line = *column = 1;
      return;
    }
  while (offset < len && (data[offset] == ' ' || data[offset] == '\t' ||
                          data[offset] == '\r' || data[offset] == '\n'))
    offset++;
  _koers_json_offset_to_line_column (data, offset, line, column);
}
