/* koers-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "koers-error.h"
#include "koers-json-private.h"

static void
offset_to_line_column (const char *data,
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
 * ourselves, outside strings, before handing the text over. */
static gboolean
check_depth (const char  *data,
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

              offset_to_line_column (data, i, &line, &column);
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

static void
set_syntax_error (const char  *data,
                  GError      *parse_error,
                  GError     **error)
{
  int line = 0, column = 0, consumed = 0;
  const char *message = parse_error->message;

  /* json-glib says "<data>:LINE:COLUMN: Parse error: WHAT"; keep its
   * position and wording but drop the prefix that means nothing to users. */
  if (sscanf (message, "<data>:%d:%d: %n", &line, &column, &consumed) >= 2 && consumed > 0)
    {
      const char *what = message + consumed;
      const char *colon = strstr (what, ": ");

      if (colon != NULL && g_str_has_prefix (what, "Parse error"))
        what = colon + 2;
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX,
                   _("%d:%d: not valid JSON: %s"), line, column, what);
    }
  else
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX,
                   _("not valid JSON: %s"), message);
    }
}

/* A JSON escape can spell a lone UTF-16 surrogate ("\\udc80"), which
 * json-glib turns into bytes that are not UTF-8. Such a string could never
 * be written back as valid text, so refuse it here, naming where it is. */
static gboolean
check_strings (JsonNode    *node,
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
            if (!check_strings (json_object_get_member (object, l->data), child, error))
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

            if (!check_strings (json_array_get_element (array, i), child, error))
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

/**
 * _koers_json_parse:
 *
 * Parses @bytes as JSON after checking the size limit, UTF-8 and the
 * nesting depth. All of these are checked before the parser sees the data.
 */
JsonNode *
_koers_json_parse (GBytes  *bytes,
                   GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *data;
  const char *end = NULL;
  gsize len = 0;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);

  /* Some editors on Windows start UTF-8 files with a byte order mark. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  if (len > KOERS_MAX_FILE_SIZE)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_TOO_LARGE,
                   _("the file is %.1f MiB; Koers files are at most %u MiB"),
                   len / (1024.0 * 1024.0), (guint) (KOERS_MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (len == 0 || data == NULL)
    {
      /* Where: the first line and column, as for every syntax error. */
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX,
                   "1:1: %s", _("the file is empty"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, len, &end))
    {
      guint line, column;

      offset_to_line_column (data, end - data, &line, &column);
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_NOT_UTF8,
                   _("%u:%u: the file is not UTF-8 text"), line, column);
      return NULL;
    }

  if (!check_depth (data, len, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &parse_error))
    {
      set_syntax_error (data, parse_error, error);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      guint line, column;

      /* Only white space: where the text ends. */
      offset_to_line_column (data, len, &line, &column);
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX,
                   "%u:%u: %s", line, column, _("the file is empty"));
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (!check_strings (root, "", error))
    return NULL;

  return g_steal_pointer (&root);
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
  offset_to_line_column (data, offset, line, column);
}

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
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_TYPE,
                   _("version: expected a whole number, found %s"),
                   _koers_json_type_name (version));
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

static void
write_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     depth);

static void
write_indent (GString *out,
              guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     depth)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append_c (out, '{');
        for (const GList *l = members; l; l = l->next)
          {
            write_indent (out, depth + 1);
            write_string (out, l->data);
            g_string_append (out, ": ");
            write_node (out, json_object_get_member (object, l->data), depth + 1);
            if (l->next)
              g_string_append_c (out, ',');
          }
        write_indent (out, depth);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint len = json_array_get_length (array);

        if (len == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < len; i++)
          {
            write_indent (out, depth + 1);
            write_node (out, json_array_get_element (array, i), depth + 1);
            if (i + 1 < len)
              g_string_append_c (out, ',');
          }
        write_indent (out, depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
        default:
          {
            double value = json_node_get_double (node);

            /* JSON has no NaN or infinity; the parser never makes them. */
            if (!isfinite (value))
              value = 0;
            g_ascii_dtostr (number, sizeof number, value);
            g_string_append (out, number);
            /* Keep a number that was written as a fraction one. */
            if (strpbrk (number, ".eE") == NULL)
              g_string_append (out, ".0");
          }
          break;
        }
      break;
    }
}

/* Written by hand rather than with JsonGenerator, for the layout people
 * expect in version control: two-space indentation, "key": value, one
 * member a line, and a final newline. */
GBytes *
_koers_json_to_bytes (JsonNode *root)
{
  GString *out = g_string_new (NULL);

  write_node (out, root, 0);
  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (out);
}
