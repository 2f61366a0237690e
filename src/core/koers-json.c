/* koers-json.c: the strict JSON reader: RFC 8259 only, with errors that say
 * where, in words a social media manager understands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-json"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "koers-error.h"
#include "koers-io.h"
#include "koers-json-private.h"

/* --- the strict scanner ---------------------------------------------------
 *
 * json-glib accepts more than JSON (comments, 'single quotes', 0x10, 01,
 * .5, "\x", line breaks inside text, a second value after the first) and
 * quietly changes what it cannot hold: an integer beyond 64 bits wraps, a
 * number beyond a double becomes infinity, "\u0000" cuts the text short,
 * and of a member that appears twice in an object only the last is kept.
 * A file that loads is written back on save, so each of these would lose
 * or change data. This scanner reads the whole text once, as RFC 8259
 * JSON, refuses all of the above with a message of our own that names
 * line:column, and builds json-glib's tree as it goes: json-glib's own
 * parser would read the text a second time, through GScanner, for a tree
 * that is the same (integers as int, other numbers as double).
 *
 * It keeps its own stack, no deeper than KOERS_MAX_DEPTH, which
 * check_depth() has enforced already. */

/* What is wrong, in "LINE:COLUMN: not valid JSON: WHAT". */
typedef enum {
  M_VALUE,
  M_NAME,
  M_COLON,
  M_COMMA_OBJECT,
  M_COMMA_LIST,
  M_TRAILING_COMMA,
  M_COMMENT,
  M_AFTER_END,
  M_UNCLOSED_TEXT,
  M_LINE_BREAK,
  M_CONTROL,
  M_ESCAPE,
  M_NUMBER,
  M_WORD,
  M_SINGLE_QUOTE,
  M_END,
} SyntaxMessage;

static const char * const syntax_messages[] = {
  [M_VALUE] = N_("expected a value: text in double quotes, a number, true, false, null, an object or a list"),
  [M_NAME] = N_("expected a member name in double quotes"),
  [M_COLON] = N_("expected a colon (:) after the member name"),
  [M_COMMA_OBJECT] = N_("expected a comma (,) or the end of the object (})"),
  [M_COMMA_LIST] = N_("expected a comma (,) or the end of the list (])"),
  [M_TRAILING_COMMA] = N_("a comma (,) may not come right before } or ]"),
  [M_COMMENT] = N_("comments are not allowed in JSON"),
  [M_AFTER_END] = N_("there is more after the end of the data; a Koers file holds a single JSON object"),
  [M_UNCLOSED_TEXT] = N_("the text that starts here is not closed with a double quote (\")"),
  [M_LINE_BREAK] = N_("text cannot run on to the next line: close it with a double quote (\") or write the line break as \\n"),
  [M_CONTROL] = N_("text may not hold a control character such as a tab; write it as an escape, such as \\t"),
  [M_ESCAPE] = N_("not a valid escape; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u and four hexadecimal digits"),
  [M_NUMBER] = N_("not a valid number"),
  [M_WORD] = N_("unexpected word; text must be in double quotes, and true, false and null in lower case"),
  [M_SINGLE_QUOTE] = N_("text must be in double quotes (\"), not single quotes (')"),
  [M_END] = N_("the file ends too early; something is missing at the end, such as } or ]"),
};

typedef struct {
  gboolean is_object;
  guint    index;   /* a list: the element being read */
  gsize    name;    /* an object: the offset of the current member name's quote */
} Frame;

/* The most members an object of texts is kept flat with: an annotation
 * has four. */
#define FLAT_MAX 8

typedef struct {
  const char  *data;
  gsize        len;
  gsize        pos;
  guint        depth;
  Frame        frames[KOERS_MAX_DEPTH];
  /* per level: the object or list being read, not yet in its parent */
  JsonNode    *nodes[KOERS_MAX_DEPTH];
  /* per level: the current member name, unescaped; kept for reuse */
  GString     *names[KOERS_MAX_DEPTH];
  GString     *text;            /* the text value being read, unescaped */
  JsonNode    *root;
  gboolean     unicode_escape;  /* a \u escape anywhere: see _koers_json_check_strings() */
  GError     **error;

  /* The object whose members go to the sink, not into the tree: its
   * path from the top, and its level once it is being read. */
  const char * const *sink_path;
  guint               sink_len;
  int                 sink_level;
  KoersJsonSink       sink;
  KoersJsonTextSink   text_sink;
  gpointer            sink_data;
  GHashTable         *sink_names;  /* the names it had, for duplicates */

  /* A member of the sink's object that is an object of a few texts is
   * kept here, flat, and given to text_sink: no tree for it at all.
   * Anything else in it turns it into a JsonObject (materialise()). */
  gboolean            flat;
  guint               n_flat;
  GString            *flat_names[FLAT_MAX];
  GString            *flat_texts[FLAT_MAX];
} Scanner;

static gboolean
syntax_error (Scanner       *s,
              gsize          offset,
              SyntaxMessage  what)
{
  guint line, column;

  _koers_json_offset_to_line_column (s->data, offset, &line, &column);
  g_set_error (s->error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX,
               _("%d:%d: not valid JSON: %s"), (int) line, (int) column,
               _(syntax_messages[what]));
  return FALSE;
}

static gunichar
hex4 (const char *p)
{
  gunichar c = 0;

  for (guint i = 0; i < 4; i++)
    c = (c << 4) | g_ascii_xdigit_value (p[i]);
  return c;
}

/* Text or a member name as json-glib would have it: escapes resolved,
 * surrogate pairs joined, into @out (emptied first). @p and @len are what
 * stands between the quotes, which scan_string() has checked already. */
static void
unescape_into (GString    *out,
               const char *p,
               gsize       len,
               gboolean    has_escape)
{
  g_string_truncate (out, 0);
  if (!has_escape)
    {
      g_string_append_len (out, p, len);
      return;
    }
  for (gsize i = 0; i < len; i++)
    {
      gunichar c;

      if (p[i] != '\\')
        {
          g_string_append_c (out, p[i]);
          continue;
        }
      switch (p[++i])
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          c = hex4 (p + i + 1);
          i += 4;
          if (c >= 0xD800 && c < 0xDC00 && i + 6 < len && p[i + 1] == '\\' && p[i + 2] == 'u')
            {
              gunichar low = hex4 (p + i + 3);

              if (low >= 0xDC00 && low < 0xE000)
                {
                  c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                  i += 6;
                }
            }
          /* A lone surrogate gives bytes that are not UTF-8;
           * _koers_json_check_strings() refuses those after parsing. */
          g_string_append_unichar (out, c);
          break;
        default:   /* \" \\ \/ */
          g_string_append_c (out, p[i]);
          break;
        }
    }
}

/* The name whose quote is at @offset, unescaped and fit to print. */
static char *
name_at (Scanner *s,
         gsize    offset)
{
  gsize end = offset + 1;
  g_autoptr(GString) name = g_string_new (NULL);

  while (s->data[end] != '"')
    end += s->data[end] == '\\' ? 2 : 1;
  unescape_into (name, s->data + offset + 1, end - offset - 1, TRUE);
  return g_utf8_make_valid (name->str, name->len);
}

/* The member path of what the first @levels frames are reading, like
 * "placements.pyramid" or "x-list[2]"; "" for the top level. Only made
 * for a message, so the scan itself never builds a path. */
static char *
scanner_path (Scanner *s,
              guint    levels)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < levels; i++)
    {
      if (s->frames[i].is_object)
        {
          g_autofree char *name = name_at (s, s->frames[i].name);

          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, name);
        }
      else
        {
          g_string_append_printf (path, "[%u]", s->frames[i].index);
        }
    }
  return g_string_free (path, FALSE);
}

static gboolean
skip_space (Scanner *s)
{
  while (s->pos < s->len)
    {
      switch (s->data[s->pos])
        {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
          s->pos++;
          break;
        case '/':
          if (s->pos + 1 < s->len && (s->data[s->pos + 1] == '/' || s->data[s->pos + 1] == '*'))
            return syntax_error (s, s->pos, M_COMMENT);
          return TRUE;
        default:
          return TRUE;
        }
    }
  return TRUE;
}

/* Reads the text whose quote is at s->pos, up to after its closing quote. */
static gboolean
scan_string (Scanner  *s,
             gboolean *has_escape)
{
  gsize start = s->pos;

  *has_escape = FALSE;
  s->pos++;
  for (;;)
    {
      guchar c;

      if (s->pos >= s->len)
        return syntax_error (s, start, M_UNCLOSED_TEXT);
      c = s->data[s->pos];
      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      if (c == '\n' || c == '\r')
        return syntax_error (s, s->pos, M_LINE_BREAK);
      if (c < 0x20)
        return syntax_error (s, s->pos, M_CONTROL);
      if (c != '\\')
        {
          s->pos++;
          continue;
        }

      *has_escape = TRUE;
      if (s->pos + 1 >= s->len)
        return syntax_error (s, start, M_UNCLOSED_TEXT);
      switch (s->data[s->pos + 1])
        {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
          s->pos += 2;
          break;
        case 'u':
          for (guint i = 2; i < 6; i++)
            if (s->pos + i >= s->len || !g_ascii_isxdigit (s->data[s->pos + i]))
              return syntax_error (s, s->pos, M_ESCAPE);
          if (hex4 (s->data + s->pos + 2) == 0)
            {
              guint line, column;

              /* json-glib would end the text there, dropping the rest. */
              _koers_json_offset_to_line_column (s->data, s->pos, &line, &column);
              g_set_error (s->error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                           _("%u:%u: the text holds \\u0000, a character Koers cannot keep"),
                           line, column);
              return FALSE;
            }
          s->pos += 6;
          s->unicode_escape = TRUE;
          break;
        default:
          return syntax_error (s, s->pos, M_ESCAPE);
        }
    }
}

static gboolean
number_error (Scanner  *s,
              gsize     offset,
              gboolean  too_small)
{
  g_autofree char *path = scanner_path (s, s->depth);
  const char *where = *path ? path : _("the top level");
  guint line, column;

  _koers_json_offset_to_line_column (s->data, offset, &line, &column);
  if (too_small)
    g_set_error (s->error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                 _("%u:%u: %s: the number is too close to zero for Koers to keep exactly"),
                 line, column, where);
  else
    /* TRANSLATORS: "3:14: version: the number is too large for Koers to keep exactly" */
    g_set_error (s->error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                 _("%u:%u: %s: the number is too large for Koers to keep exactly"),
                 line, column, where);
  return FALSE;
}

/* Reads a number as RFC 8259 writes it into @node, as json-glib would
 * (an integer as int, anything with a fraction or exponent as double),
 * and refuses one that json-glib cannot hold: an integer beyond 64 bits,
 * or a value beyond a double. */
static gboolean
scan_number (Scanner   *s,
             JsonNode **node)
{
  gsize start = s->pos;
  gboolean integer = TRUE;
  gboolean exponent = FALSE;
  gboolean nonzero = FALSE;
  char buffer[64];
  g_autofree char *copy = NULL;
  const char *text;
  gsize n;

  if (s->data[s->pos] == '-')
    s->pos++;
  if (s->pos < s->len && s->data[s->pos] == '0')
    {
      s->pos++;
    }
  else if (s->pos < s->len && s->data[s->pos] >= '1' && s->data[s->pos] <= '9')
    {
      nonzero = TRUE;
      while (s->pos < s->len && g_ascii_isdigit (s->data[s->pos]))
        s->pos++;
    }
  else
    {
      return syntax_error (s, start, M_NUMBER);
    }

  if (s->pos < s->len && s->data[s->pos] == '.')
    {
      integer = FALSE;
      s->pos++;
      if (s->pos >= s->len || !g_ascii_isdigit (s->data[s->pos]))
        return syntax_error (s, start, M_NUMBER);
      while (s->pos < s->len && g_ascii_isdigit (s->data[s->pos]))
        nonzero |= s->data[s->pos++] != '0';
    }
  if (s->pos < s->len && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      integer = FALSE;
      exponent = TRUE;
      s->pos++;
      if (s->pos < s->len && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      if (s->pos >= s->len || !g_ascii_isdigit (s->data[s->pos]))
        return syntax_error (s, start, M_NUMBER);
      while (s->pos < s->len && g_ascii_isdigit (s->data[s->pos]))
        s->pos++;
    }
  /* 01, 0x10, 1.2.3, 12abc */
  if (s->pos < s->len && (g_ascii_isalnum (s->data[s->pos]) || s->data[s->pos] == '.'))
    return syntax_error (s, start, M_NUMBER);

  n = s->pos - start;
  if (integer)
    {
      gsize digits = n - (s->data[start] == '-');
      gint64 value = 0;

      /* 9223372036854775807 has 19 digits; without leading zeros a longer
       * one is out of range, and the copy below stays small. */
      if (digits <= 19)
        {
          memcpy (buffer, s->data + start, n);
          buffer[n] = '\0';
          errno = 0;
          value = g_ascii_strtoll (buffer, NULL, 10);
        }
      if (digits > 19 || errno == ERANGE)
        return number_error (s, start, FALSE);
      *node = json_node_init_int (json_node_alloc (), value);
    }
  else
    {
      double value;

      if (n < sizeof buffer)
        {
          memcpy (buffer, s->data + start, n);
          buffer[n] = '\0';
          text = buffer;
        }
      else
        {
          text = copy = g_strndup (s->data + start, n);
        }
      value = g_ascii_strtod (text, NULL);
      /* Without an exponent, only a number of more than 300 characters
       * can go beyond a double (1e308) or below its smallest (5e-324). */
      if ((exponent || n > 300) && isinf (value))
        return number_error (s, start, FALSE);
      if ((exponent || n > 300) && value == 0 && nonzero)
        return number_error (s, start, TRUE);
      *node = json_node_init_double (json_node_alloc (), value);
    }
  return TRUE;
}

static gboolean
scan_word (Scanner   *s,
           JsonNode **node)
{
  gsize start = s->pos;
  gsize n;

  while (s->pos < s->len && (g_ascii_isalnum (s->data[s->pos]) || s->data[s->pos] == '_'))
    s->pos++;
  n = s->pos - start;
  if (n == 4 && memcmp (s->data + start, "true", 4) == 0)
    *node = json_node_init_boolean (json_node_alloc (), TRUE);
  else if (n == 5 && memcmp (s->data + start, "false", 5) == 0)
    *node = json_node_init_boolean (json_node_alloc (), FALSE);
  else if (n == 4 && memcmp (s->data + start, "null", 4) == 0)
    *node = json_node_init_null (json_node_alloc ());
  else
    return syntax_error (s, start, M_WORD);
  return TRUE;
}

static gboolean
flat_has_name (Scanner    *s,
               const char *name)
{
  for (guint i = 0; i < s->n_flat; i++)
    if (strcmp (s->flat_names[i]->str, name) == 0)
      return TRUE;
  return FALSE;
}

/* Turns the flat object being read into a JsonObject holding what it
 * read so far, to go on as with any other object. */
static void
materialise (Scanner *s)
{
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < s->n_flat; i++)
    json_object_set_string_member (object, s->flat_names[i]->str, s->flat_texts[i]->str);
  s->nodes[s->depth - 1] = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  s->flat = FALSE;
}

/* Records the name whose quote is at @offset in the innermost object,
 * refusing it when the object has it already. Names are compared after
 * their escapes are resolved, as json-glib compares them: "a" and "\u0061"
 * are the same member. */
static gboolean
add_name (Scanner  *s,
          gsize     offset,
          gboolean  has_escape)
{
  guint level = s->depth - 1;

  s->frames[level].name = offset;
  if (s->names[level] == NULL)
    s->names[level] = g_string_sized_new (32);
  unescape_into (s->names[level], s->data + offset + 1, s->pos - offset - 2, has_escape);

  if (s->flat ? flat_has_name (s, s->names[level]->str)
      : (int) level == s->sink_level
      ? !g_hash_table_add (s->sink_names, g_strdup (s->names[level]->str))
      : json_object_has_member (json_node_get_object (s->nodes[level]), s->names[level]->str))
    {
      g_autofree char *path = scanner_path (s, level);
      g_autofree char *shown = name_at (s, offset);
      guint line, column;

      _koers_json_offset_to_line_column (s->data, offset, &line, &column);
      /* TRANSLATORS: "14:7: the member "pyramid" appears twice in placements" */
      g_set_error (s->error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_DUPLICATE,
                   _("%u:%u: the member \"%s\" appears twice in %s"),
                   line, column, shown, *path ? path : _("the top level"));
      return FALSE;
    }
  return TRUE;
}

/* Puts a value that is read whole into what holds it: the object or list
 * one level up, or the top. Takes @node. */
static void
attach (Scanner  *s,
        JsonNode *node)
{
  JsonNode *parent;

  if (s->depth == 0)
    {
      s->root = node;
      return;
    }
  if ((int) s->depth - 1 == s->sink_level)
    {
      s->sink (s->names[s->depth - 1]->str, node, s->sink_data);
      return;
    }
  parent = s->nodes[s->depth - 1];
  if (s->frames[s->depth - 1].is_object)
    json_object_set_member (json_node_get_object (parent), s->names[s->depth - 1]->str, node);
  else
    json_array_add_element (json_node_get_array (parent), node);
}

/* Ends the object or list of the deepest level, which is then whole. */
static void
pop (Scanner *s)
{
  JsonNode *node = g_steal_pointer (&s->nodes[--s->depth]);

  if (s->flat)
    {
      KoersJsonText members[FLAT_MAX];

      for (guint i = 0; i < s->n_flat; i++)
        {
          members[i].name = s->flat_names[i]->str;
          members[i].text = s->flat_texts[i]->str;
        }
      s->flat = FALSE;
      s->text_sink (s->names[s->depth - 1]->str, members, s->n_flat, s->sink_data);
      return;
    }
  if ((int) s->depth == s->sink_level)
    s->sink_level = -1;
  attach (s, node);
}

/* Whether the object opening at the current depth is the sink's. */
static gboolean
at_sink_path (Scanner *s)
{
  if (s->sink == NULL || s->depth != s->sink_len)
    return FALSE;
  for (guint i = 0; i < s->depth; i++)
    if (!s->frames[i].is_object || strcmp (s->names[i]->str, s->sink_path[i]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
scan (Scanner *s)
{
  enum { VALUE, NAME, AFTER } state = VALUE;
  gboolean after_comma = FALSE;
  gsize comma = 0;

  for (;;)
    {
      gboolean has_escape;
      JsonNode *value = NULL;
      Frame *frame;
      char c;

      if (!skip_space (s))
        return FALSE;

      switch (state)
        {
        case VALUE:
          if (s->pos >= s->len)
            {
              guint line, column;

              if (s->depth > 0)
                return syntax_error (s, s->pos, M_END);
              /* Only white space: where the text ends. */
              _koers_json_offset_to_line_column (s->data, s->pos, &line, &column);
              g_set_error (s->error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_SYNTAX,
                           "%u:%u: %s", line, column, _("the file is empty"));
              return FALSE;
            }
          c = s->data[s->pos];
          if (s->flat && (c != '"' || s->n_flat == FLAT_MAX))
            materialise (s);
          if (c == '{' || c == '[')
            {
              if (s->depth == KOERS_MAX_DEPTH)
                {
                  guint line, column;

                  _koers_json_offset_to_line_column (s->data, s->pos, &line, &column);
                  g_set_error (s->error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_TOO_DEEP,
                               _("%u:%u: the data is nested more than %u levels deep; this is not a file Koers wrote"),
                               line, column, (guint) KOERS_MAX_DEPTH);
                  return FALSE;
                }
              frame = &s->frames[s->depth];
              frame->is_object = c == '{';
              frame->index = 0;
              frame->name = 0;
              if (frame->is_object)
                {
                  JsonObject *object;

                  if (s->text_sink != NULL && s->sink_level >= 0 &&
                      s->depth == (guint) s->sink_level + 1)
                    {
                      s->flat = TRUE;
                      s->n_flat = 0;
                      object = NULL;
                    }
                  else
                    {
                      object = json_object_new ();
                    }
                  if (at_sink_path (s))
                    s->sink_level = s->depth;
                  if (object != NULL)
                    {
                      s->nodes[s->depth] = json_node_init_object (json_node_alloc (), object);
                      json_object_unref (object);
                    }
                }
              else
                {
                  JsonArray *array = json_array_new ();

                  s->nodes[s->depth] = json_node_init_array (json_node_alloc (), array);
                  json_array_unref (array);
                }
              s->depth++;
              s->pos++;
              after_comma = FALSE;
              if (!skip_space (s))
                return FALSE;
              if (s->pos < s->len && s->data[s->pos] == (c == '{' ? '}' : ']'))
                {
                  s->pos++;
                  pop (s);
                  state = AFTER;
                }
              else
                {
                  state = frame->is_object ? NAME : VALUE;
                }
              continue;
            }
          if (c == '"')
            {
              gsize start = s->pos;

              if (!scan_string (s, &has_escape))
                return FALSE;
              if (s->flat)
                {
                  guint i = s->n_flat++;

                  if (s->flat_names[i] == NULL)
                    {
                      s->flat_names[i] = g_string_sized_new (16);
                      s->flat_texts[i] = g_string_sized_new (64);
                    }
                  g_string_assign (s->flat_names[i], s->names[s->depth - 1]->str);
                  unescape_into (s->flat_texts[i], s->data + start + 1, s->pos - start - 2, has_escape);
                  state = AFTER;
                  break;
                }
              unescape_into (s->text, s->data + start + 1, s->pos - start - 2, has_escape);
              value = json_node_init_string (json_node_alloc (), s->text->str);
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (s, &value))
                return FALSE;
            }
          else if (c == '+' || c == '.')
            return syntax_error (s, s->pos, M_NUMBER);
          else if (g_ascii_isalpha (c))
            {
              if (!scan_word (s, &value))
                return FALSE;
            }
          else if (c == '\'')
            return syntax_error (s, s->pos, M_SINGLE_QUOTE);
          else if (after_comma && (c == ']' || c == '}'))
            return syntax_error (s, comma, M_TRAILING_COMMA);
          else
            return syntax_error (s, s->pos, M_VALUE);
          attach (s, value);
          state = AFTER;
          break;

        case NAME:
          if (s->pos >= s->len)
            return syntax_error (s, s->pos, M_END);
          c = s->data[s->pos];
          if (c == '"')
            {
              gsize start = s->pos;

              if (!scan_string (s, &has_escape) ||
                  !add_name (s, start, has_escape) ||
                  !skip_space (s))
                return FALSE;
              if (s->pos >= s->len)
                return syntax_error (s, s->pos, M_END);
              if (s->data[s->pos] != ':')
                return syntax_error (s, s->pos, M_COLON);
              s->pos++;
              after_comma = FALSE;
              state = VALUE;
            }
          else if (after_comma && c == '}')
            return syntax_error (s, comma, M_TRAILING_COMMA);
          else if (c == '\'')
            return syntax_error (s, s->pos, M_SINGLE_QUOTE);
          else
            return syntax_error (s, s->pos, M_NAME);
          break;

        case AFTER:
        default:
          after_comma = FALSE;
          if (s->depth == 0)
            {
              if (s->pos < s->len)
                return syntax_error (s, s->pos, M_AFTER_END);
              return TRUE;
            }
          if (s->pos >= s->len)
            return syntax_error (s, s->pos, M_END);
          frame = &s->frames[s->depth - 1];
          c = s->data[s->pos];
          if (c == ',')
            {
              comma = s->pos++;
              after_comma = TRUE;
              if (frame->is_object)
                {
                  state = NAME;
                }
              else
                {
                  frame->index++;
                  state = VALUE;
                }
            }
          else if (c == (frame->is_object ? '}' : ']'))
            {
              s->pos++;
              pop (s);
            }
          else
            {
              return syntax_error (s, s->pos, frame->is_object ? M_COMMA_OBJECT : M_COMMA_LIST);
            }
          break;
        }
    }
}

/* Reads @data into a tree, or refuses it. @unicode_escape: set to
 * whether any text holds a \u escape, the only way to spell bytes that are
 * not UTF-8 in text that is. */
static JsonNode *
scan_tree (const char          *data,
           gsize                len,
           const char * const  *sink_path,
           KoersJsonSink        sink,
           KoersJsonTextSink    text_sink,
           gpointer             sink_data,
           gboolean            *unicode_escape,
           GError             **error)
{
  Scanner *s = g_new0 (Scanner, 1);
  JsonNode *root = NULL;

  s->data = data;
  s->len = len;
  s->error = error;
  s->text = g_string_sized_new (64);
  s->sink_level = -1;
  if (sink != NULL)
    {
      s->sink_path = sink_path;
      s->sink_len = g_strv_length ((char **) sink_path);
      s->sink = sink;
      s->text_sink = text_sink;
      s->sink_data = sink_data;
      s->sink_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  if (scan (s))
    root = g_steal_pointer (&s->root);
  *unicode_escape = s->unicode_escape;

  /* After an error: the unfinished objects and lists, each holding what
   * it had read. */
  for (guint i = 0; i < s->depth; i++)
    g_clear_pointer (&s->nodes[i], json_node_unref);
  g_clear_pointer (&s->root, json_node_unref);
  for (guint i = 0; i < KOERS_MAX_DEPTH; i++)
    if (s->names[i] != NULL)
      g_string_free (s->names[i], TRUE);
  g_string_free (s->text, TRUE);
  g_clear_pointer (&s->sink_names, g_hash_table_unref);
  for (guint i = 0; i < FLAT_MAX; i++)
    if (s->flat_names[i] != NULL)
      {
        g_string_free (s->flat_names[i], TRUE);
        g_string_free (s->flat_texts[i], TRUE);
      }
  g_free (s);

  /* Not sealed: the readers only read it, and sealing would walk the
   * whole tree once more. */
  return root;
}

/**
 * _koers_json_parse:
 *
 * Parses @bytes as JSON after checking the size limit, UTF-8 and the
 * nesting limit; scan_tree() then reads it as strict JSON, refusing what
 * json-glib could not hold without changing it, into json-glib's tree.
 */
JsonNode *
_koers_json_parse (GBytes  *bytes,
                   GError **error)
{
  return _koers_json_parse_sinking (bytes, NULL, NULL, NULL, NULL, NULL, error);
}

/**
 * _koers_json_parse_sinking:
 * @sink_path: (nullable): member names from the top to an object
 * @sink: (nullable): receives each member of that object, taking its value
 * @text_sink: (nullable): receives instead each member whose value is an
 *   object of a few texts, as their names and texts
 * @sunk: (out) (optional): whether the sinks got the members
 *
 * As _koers_json_parse(), handing each member of the object at
 * @sink_path to @sink as soon as it is read, in the file's order, instead
 * of keeping it in the tree (the object stays, empty). Each value is
 * then freed before the next is read, which matters for an object with
 * 100,000 members. Text with a \u escape must be checked for lone
 * surrogates across the whole tree: it is read again without the sink,
 * and @sunk is %FALSE; the caller then forgets what @sink got.
 */
JsonNode *
_koers_json_parse_sinking (GBytes              *bytes,
                           const char * const  *sink_path,
                           KoersJsonSink        sink,
                           KoersJsonTextSink    text_sink,
                           gpointer             sink_data,
                           gboolean            *sunk,
                           GError             **error)
{
  g_autoptr(JsonNode) root = NULL;
  const char *data;
  const char *end = NULL;
  gsize len = 0;
  gboolean unicode_escape = FALSE;

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
      koers_file_set_too_large_error (error, len, KOERS_MAX_FILE_SIZE);
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

      _koers_json_offset_to_line_column (data, end - data, &line, &column);
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_NOT_UTF8,
                   _("%u:%u: the file is not UTF-8 text"), line, column);
      return NULL;
    }

  if (!_koers_json_check_depth (data, len, error))
    return NULL;
  if (sunk != NULL)
    *sunk = FALSE;
  root = scan_tree (data, len, sink_path, sink, text_sink, sink_data, &unicode_escape, error);
  if (root == NULL)
    return NULL;
  if (sink != NULL && unicode_escape)
    {
      g_clear_pointer (&root, json_node_unref);
      root = scan_tree (data, len, NULL, NULL, NULL, NULL, &unicode_escape, error);
      if (root == NULL)
        return NULL;
    }
  else if (sunk != NULL)
    {
      *sunk = sink != NULL;
    }

  /* The data is UTF-8 throughout, so only a \u escape can have made
   * text that is not: without one, walking the whole tree (a path for
   * every member) would find nothing. */
  if (unicode_escape && !_koers_json_check_strings (root, "", error))
    return NULL;

  return g_steal_pointer (&root);
}
