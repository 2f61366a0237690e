/* koers-json-write.c: writing JSON the way people and version
 * control read it: two-space indentation, numbers in their shortest form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-json"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "koers-json-private.h"

/* The shortest text that reads back as the same double, so that 0.1 is
 * written as 0.1 and not as 0.10000000000000001; always with a point or
 * an exponent, so that it reads back as a fraction. */
void
_koers_json_format_double (char   number[G_ASCII_DTOSTR_BUF_SIZE],
                           double value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  /* A subnormal holds fewer digits than 15: 5e-324 reads back from "5e-324"
   * already. It prints with an exponent at any precision, so trying each
   * from 1 up changes nothing but the length. */
  if (value != 0.0 && fabs (value) < G_MINDOUBLE)
    {
      for (int precision = 1; precision <= 17; precision++)
        {
          g_autofree char *format = g_strdup_printf ("%%.%dg", precision);

          g_ascii_formatd (number, G_ASCII_DTOSTR_BUF_SIZE, format, value);
          if (g_ascii_strtod (number, NULL) == value)
            return;
        }
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (number, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (number, NULL) == value)
        break;
    }
  if (strpbrk (number, ".eE") == NULL)
    g_strlcat (number, ".0", G_ASCII_DTOSTR_BUF_SIZE);
}

/* The same shortest form, for a number a project stores as text (the
 * team's capacity): "2.4", "3" (no ".0": it is read back with strtod). */
char *
_koers_json_format_number (double value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  gsize len;

  _koers_json_format_double (number, value);
  len = strlen (number);
  if (len > 2 && g_str_equal (number + len - 2, ".0"))
    number[len - 2] = '\0';
  return g_strdup (number);
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

            /* JSON has no NaN or infinity; check_syntax() refuses a
             * number that would become infinite. */
            if (!isfinite (value))
              value = 0;
            _koers_json_format_double (number, value);
            g_string_append (out, number);
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
