/* koers-json-private.h: reading JSON safely, with errors users understand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#include "koers-error.h"

/* Takes @value. */
typedef void (*KoersJsonSink) (const char *name,
                               JsonNode   *value,
                               gpointer    user_data);

typedef struct {
  const char *name;
  const char *text;
} KoersJsonText;

/* @members: an object's members, all of them text, in the file's order */
typedef void (*KoersJsonTextSink) (const char          *name,
                                   const KoersJsonText *members,
                                   guint                n_members,
                                   gpointer             user_data);

JsonNode   *_koers_json_parse          (GBytes      *bytes,
                                        GError     **error);
JsonNode   *_koers_json_parse_sinking  (GBytes              *bytes,
                                        const char * const  *sink_path,
                                        KoersJsonSink        sink,
                                        KoersJsonTextSink    text_sink,
                                        gpointer             sink_data,
                                        gboolean            *sunk,
                                        GError             **error);
void        _koers_json_offset_to_line_column (const char *data,
                                               gsize       offset,
                                               guint      *line,
                                               guint      *column);
gboolean    _koers_json_check_depth    (const char  *data,
                                        gsize        len,
                                        GError     **error);
gboolean    _koers_json_check_strings  (JsonNode    *node,
                                        const char  *path,
                                        GError     **error);
void        _koers_json_value_position (GBytes      *bytes,
                                        guint       *line,
                                        guint       *column);
char       *_koers_json_path           (const char  *parent,
                                        const char  *member);
gboolean    _koers_json_get_string     (JsonObject  *object,
                                        const char  *parent,
                                        const char  *member,
                                        gboolean     required,
                                        const char **value,
                                        GError     **error);
gboolean    _koers_json_get_object     (JsonObject  *object,
                                        const char  *parent,
                                        const char  *member,
                                        gboolean     required,
                                        JsonObject **value,
                                        GError     **error);
gboolean    _koers_json_get_array      (JsonObject  *object,
                                        const char  *parent,
                                        const char  *member,
                                        gboolean     required,
                                        JsonArray  **value,
                                        GError     **error);
gboolean    _koers_json_get_bool       (JsonObject  *object,
                                        const char  *parent,
                                        const char  *member,
                                        gboolean    *value,
                                        GError     **error);
gboolean    _koers_json_check_header   (JsonObject  *root,
                                        const char  *format,
                                        gint64       max_version,
                                        GError     **error);
const char *_koers_json_type_name      (JsonNode    *node);
JsonObject *_koers_json_node_get_object (JsonNode   *node,
                                         const char *path,
                                         GError    **error);
GBytes     *_koers_json_to_bytes       (JsonNode    *root);
char       *_koers_json_format_number  (double       value);
void        _koers_json_format_double  (char         number[G_ASCII_DTOSTR_BUF_SIZE],
                                        double       value);

G_END_DECLS
