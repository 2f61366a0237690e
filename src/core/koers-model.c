/* koers-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "koers-error.h"
#include "koers-json-private.h"
#include "koers-model.h"

struct _KoersModel
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *short_name;
  char       *source;
  char       *summary;
  char       *note;
  char       *color;
  char       *diagram;
  GHashTable *labels;     /* key → translated text */
  GPtrArray  *label_keys; /* in file order */
  GPtrArray  *stages;     /* KoersStage* */
  GPtrArray  *statements; /* KoersStatement*, in file order */
  KoersSuggestionRule suggestion_rule;
};

G_DEFINE_FINAL_TYPE (KoersModel, koers_model, G_TYPE_OBJECT)

static void
koers_stage_free (KoersStage *stage)
{
  g_free (stage->id);
  g_free (stage->name);
  g_free (stage->tagline);
  g_free (stage->description);
  g_free (stage->step);
  g_free (stage);
}

static void
koers_statement_free (KoersStatement *statement)
{
  g_free (statement->id);
  g_free (statement->text);
  g_free (statement->basis);
  g_free (statement);
}

/* Texts in model files are written in English and translated through the
 * catalogue (po/data-strings.c lists them for xgettext). */
static char *
translate (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  return g_strdup (g_dgettext (GETTEXT_PACKAGE, text));
}

static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
is_valid_color (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

static void
koers_model_finalize (GObject *object)
{
  KoersModel *self = (KoersModel *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->short_name, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->diagram, g_free);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->label_keys, g_ptr_array_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->statements, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_model_parent_class)->finalize (object);
}

static void
koers_model_class_init (KoersModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koers_model_finalize;
}

static void
koers_model_init (KoersModel *self)
{
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->label_keys = g_ptr_array_new_with_free_func (g_free);
  self->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) koers_stage_free);
  self->statements = g_ptr_array_new_with_free_func ((GDestroyNotify) koers_statement_free);
}

static gboolean
parse_stage (KoersModel  *self,
             JsonNode    *node,
             guint        index,
             GError     **error)
{
  g_autofree char *path = g_strdup_printf ("stages[%u]", index);
  const char *id, *name, *tagline, *description, *step;
  gboolean gate;
  JsonObject *object;
  KoersStage *stage;

  object = _koers_json_node_get_object (node, path, error);
  if (object == NULL)
    return FALSE;

  if (!_koers_json_get_string (object, path, "id", TRUE, &id, error) ||
      !_koers_json_get_string (object, path, "name", TRUE, &name, error) ||
      !_koers_json_get_string (object, path, "tagline", FALSE, &tagline, error) ||
      !_koers_json_get_string (object, path, "description", TRUE, &description, error) ||
      !_koers_json_get_string (object, path, "step", FALSE, &step, error) ||
      !_koers_json_get_bool (object, path, "gate", &gate, error))
    return FALSE;

  if (!is_valid_id (id))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("%s.id: \"%s\" is not a valid id (use lower-case letters, digits and -)"),
                   path, id);
      return FALSE;
    }
  if (koers_model_find_stage (self, id) != NULL)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("%s.id: the stage \"%s\" appears twice"), path, id);
      return FALSE;
    }

  stage = g_new0 (KoersStage, 1);
  stage->id = g_strdup (id);
  stage->index = index;
  stage->name = translate (name);
  stage->tagline = translate (tagline);
  stage->description = translate (description);
  stage->step = g_strdup (step);
  stage->gate = gate;
  g_ptr_array_add (self->stages, stage);

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
parse_statement (KoersModel  *self,
                 JsonNode    *node,
                 guint        index,
                 GError     **error)
{
  g_autofree char *path = g_strdup_printf ("statements[%u]", index);
  const char *id, *stage_id, *text, *basis;
  const KoersStage *stage;
  JsonObject *object;
  KoersStatement *statement;

  object = _koers_json_node_get_object (node, path, error);
  if (object == NULL)
    return FALSE;

  if (!_koers_json_get_string (object, path, "id", TRUE, &id, error) ||
      !_koers_json_get_string (object, path, "stage", TRUE, &stage_id, error) ||
      !_koers_json_get_string (object, path, "text", TRUE, &text, error) ||
      !_koers_json_get_string (object, path, "basis", FALSE, &basis, error))
    return FALSE;

  if (!is_valid_id (id))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("%s.id: \"%s\" is not a valid id (use lower-case letters, digits and -)"),
                   path, id);
      return FALSE;
    }
  if (koers_model_find_statement (self, id) != NULL)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("%s.id: the statement \"%s\" appears twice"), path, id);
      return FALSE;
    }
  if ((stage = koers_model_find_stage (self, stage_id)) == NULL)
    {
      g_autofree char *list = koers_model_dup_stage_list (self);
      g_autofree char *stage_path = _koers_json_path (path, "stage");

      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_UNKNOWN_STAGE,
                   _("%s: unknown stage \"%s\" (expected one of %s)"),
                   stage_path, stage_id, list);
      return FALSE;
    }
  if (is_blank (text))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("%s.text: a statement needs a text"), path);
      return FALSE;
    }

  statement = g_new0 (KoersStatement, 1);
  statement->id = g_strdup (id);
  statement->stage_index = stage->index;
  statement->text = translate (text);
  statement->basis = (basis != NULL && *basis != '\0') ? g_strdup (basis) : NULL;
  g_ptr_array_add (self->statements, statement);

  return TRUE;
}

/* A questionnaire is optional, but when a model has one every stage gets
 * enough statements to judge it and few enough to answer in a workshop. */
static gboolean
parse_statements (KoersModel  *self,
                  JsonArray   *statements,
                  GError     **error)
{
  g_autofree guint *counts = g_new0 (guint, self->stages->len);

  for (guint i = 0; i < json_array_get_length (statements); i++)
    {
      const KoersStatement *statement;

      if (!parse_statement (self, json_array_get_element (statements, i), i, error))
        return FALSE;
      statement = g_ptr_array_index (self->statements, self->statements->len - 1);
      /* Refused here already, so that a huge list is not read to the end. */
      if (++counts[statement->stage_index] > KOERS_MODEL_MAX_STAGE_STATEMENTS)
        {
          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                       _("statements[%u].stage: the stage \"%s\" has more than %d statements"),
                       i, koers_model_get_stage (self, statement->stage_index)->id,
                       KOERS_MODEL_MAX_STAGE_STATEMENTS);
          return FALSE;
        }
    }

  for (guint s = 0; s < self->stages->len; s++)
    {
      const KoersStage *stage = g_ptr_array_index (self->stages, s);

      if (counts[s] < KOERS_MODEL_MIN_STAGE_STATEMENTS)
        {
          g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                       _("statements: the stage \"%s\" has too few statements (%u); each stage needs at least %d"),
                       stage->id, counts[s], KOERS_MODEL_MIN_STAGE_STATEMENTS);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_suggestion_rule (const char           *rule,
                       KoersSuggestionRule  *value,
                       GError              **error)
{
  if (rule == NULL || g_str_equal (rule, "in-order"))
    *value = KOERS_SUGGESTION_IN_ORDER;
  else if (g_str_equal (rule, "one-gap"))
    *value = KOERS_SUGGESTION_ONE_GAP;
  else
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("suggestion-rule: expected \"in-order\" or \"one-gap\", found \"%s\""), rule);
      return FALSE;
    }
  return TRUE;
}

/* The statements and the rule that turns answers into a suggestion; read
 * after the stages, which they refer to. */
static gboolean
parse_questionnaire (KoersModel  *self,
                     JsonObject  *object,
                     GError     **error)
{
  const char *suggestion_rule;
  JsonArray *statements;

  if (!_koers_json_get_string (object, NULL, "suggestion-rule", FALSE, &suggestion_rule, error) ||
      !parse_suggestion_rule (suggestion_rule, &self->suggestion_rule, error) ||
      !_koers_json_get_array (object, NULL, "statements", FALSE, &statements, error))
    return FALSE;

  return statements == NULL || parse_statements (self, statements, error);
}

/* Reads @bytes into @self; the caller names the file in the message. */
static gboolean
parse_model (KoersModel  *self,
             GBytes      *bytes,
             GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  const char *id, *name, *short_name, *source, *summary, *note, *color, *diagram;
  JsonObject *object;
  JsonObject *labels;
  JsonArray *stages;


  if (!(root = _koers_json_parse (bytes, error)))
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_NOT_PROJECT,
                   _("expected a model (a JSON object), found %s"),
                   _koers_json_type_name (root));
      return FALSE;
    }
  object = json_node_get_object (root);

  if (!_koers_json_check_header (object, "koers-model", 1, error) ||
      !_koers_json_get_string (object, NULL, "id", TRUE, &id, error) ||
      !_koers_json_get_string (object, NULL, "name", TRUE, &name, error) ||
      !_koers_json_get_string (object, NULL, "short-name", TRUE, &short_name, error) ||
      !_koers_json_get_string (object, NULL, "source", TRUE, &source, error) ||
      !_koers_json_get_string (object, NULL, "summary", TRUE, &summary, error) ||
      !_koers_json_get_string (object, NULL, "note", FALSE, &note, error) ||
      !_koers_json_get_string (object, NULL, "color", TRUE, &color, error) ||
      !_koers_json_get_string (object, NULL, "diagram", TRUE, &diagram, error) ||
      !_koers_json_get_object (object, NULL, "labels", FALSE, &labels, error) ||
      !_koers_json_get_array (object, NULL, "stages", TRUE, &stages, error))
    return FALSE;

  if (!is_valid_id (id))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("id: \"%s\" is not a valid id (use lower-case letters, digits and -)"), id);
      return FALSE;
    }
  if (!is_valid_color (color))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("color: expected a colour like #3584e4, found \"%s\""), color);
      return FALSE;
    }

  self->id = g_strdup (id);
  self->name = translate (name);
  self->short_name = translate (short_name);
  self->source = translate (source);
  self->summary = translate (summary);
  self->note = translate (note);
  self->color = g_strdup (color);
  self->diagram = g_strdup (diagram);

  if (labels != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (labels);

      for (const GList *l = members; l; l = l->next)
        {
          const char *key = l->data;
          const char *text;

          if (!_koers_json_get_string (labels, "labels", key, TRUE, &text, error))
            return FALSE;
          g_hash_table_insert (self->labels, g_strdup (key), translate (text));
          if (!g_ptr_array_find_with_equal_func (self->label_keys, key, g_str_equal, NULL))
            g_ptr_array_add (self->label_keys, g_strdup (key));
        }
    }

  if (json_array_get_length (stages) < 2)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("stages: a model needs at least two stages"));
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (stages); i++)
    if (!parse_stage (self, json_array_get_element (stages, i), i, error))
      return FALSE;

  if (!parse_questionnaire (self, object, error))
    return FALSE;

  return TRUE;
}

/**
 * koers_model_new_from_bytes:
 * @bytes: the JSON text of a model file
 * @filename: the file's name, for error messages
 * @error: return location for a #KOERS_FILE_ERROR
 *
 * Reads a model file (docs/model-format.md).
 *
 * Returns: (transfer full): the model, or %NULL with @error set to a message
 *   that starts with @filename and names the member.
 */
KoersModel *
koers_model_new_from_bytes (GBytes      *bytes,
                            const char  *filename,
                            GError     **error)
{
  g_autoptr(KoersModel) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  self = g_object_new (KOERS_TYPE_MODEL, NULL);
  if (!parse_model (self, bytes, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", filename);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
koers_model_get_id (KoersModel *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL (self), NULL);
  return self->id;
}

const char *
koers_model_get_name (KoersModel *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL (self), NULL);
  return self->name;
}

const char *
koers_model_get_short_name (KoersModel *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL (self), NULL);
  return self->short_name;
}

const char *
koers_model_get_source (KoersModel *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL (self), NULL);
  return self->source;
}

const char *
koers_model_get_summary (KoersModel *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL (self), NULL);
  return self->summary;
}

/**
 * koers_model_get_note:
 *
 * Returns: (nullable): a caveat to show with the model
 */
const char *
koers_model_get_note (KoersModel *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL (self), NULL);
  return self->note;
}

const char *
koers_model_get_color (KoersModel *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL (self), NULL);
  return self->color;
}

const char *
koers_model_get_diagram (KoersModel *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL (self), NULL);
  return self->diagram;
}

/**
 * koers_model_get_label:
 *
 * Returns: (nullable): the translated text for a `text-KEY` box of the diagram
 */
const char *
koers_model_get_label (KoersModel *self,
                       const char *key)
{
  g_return_val_if_fail (KOERS_IS_MODEL (self), NULL);
  return g_hash_table_lookup (self->labels, key);
}

/**
 * koers_model_dup_label_keys:
 *
 * Returns: (transfer full): the label keys, in file order
 */
GStrv
koers_model_dup_label_keys (KoersModel *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (KOERS_IS_MODEL (self), NULL);

  for (guint i = 0; i < self->label_keys->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->label_keys, i));
  return g_strv_builder_end (builder);
}

guint
koers_model_get_n_stages (KoersModel *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL (self), 0);
  return self->stages->len;
}

const KoersStage *
koers_model_get_stage (KoersModel *self,
                       guint       index)
{
  g_return_val_if_fail (KOERS_IS_MODEL (self), NULL);
  g_return_val_if_fail (index < self->stages->len, NULL);
  return g_ptr_array_index (self->stages, index);
}

/**
 * koers_model_find_stage:
 *
 * Returns: (nullable): the stage with @stage_id
 */
const KoersStage *
koers_model_find_stage (KoersModel *self,
                        const char *stage_id)
{
  g_return_val_if_fail (KOERS_IS_MODEL (self), NULL);

  if (stage_id == NULL)
    return NULL;
  for (guint i = 0; i < self->stages->len; i++)
    {
      const KoersStage *stage = g_ptr_array_index (self->stages, i);

      if (g_str_equal (stage->id, stage_id))
        return stage;
    }
  return NULL;
}

/**
 * koers_model_stage_index:
 *
 * Returns: the position of @stage_id in the model's order, or -1
 */
int
koers_model_stage_index (KoersModel *self,
                         const char *stage_id)
{
  const KoersStage *stage = koers_model_find_stage (self, stage_id);

  return stage ? (int) stage->index : -1;
}

/**
 * koers_model_dup_stage_list:
 *
 * Returns: (transfer full): "monitor, listen, respond, create", for messages
 */
char *
koers_model_dup_stage_list (KoersModel *self)
{
  GString *list = g_string_new (NULL);

  g_return_val_if_fail (KOERS_IS_MODEL (self), NULL);

  for (guint i = 0; i < self->stages->len; i++)
    {
      const KoersStage *stage = g_ptr_array_index (self->stages, i);

      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, stage->id);
    }
  return g_string_free (list, FALSE);
}

/**
 * koers_model_get_n_statements:
 *
 * Returns: the number of questionnaire statements; 0 when the model has none
 */
guint
koers_model_get_n_statements (KoersModel *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL (self), 0);
  return self->statements->len;
}

/**
 * koers_model_get_statement:
 *
 * Returns: the statement at @index, in file order (grouped by stage in the
 *   built-in models, but callers must not rely on that)
 */
const KoersStatement *
koers_model_get_statement (KoersModel *self,
                           guint       index)
{
  g_return_val_if_fail (KOERS_IS_MODEL (self), NULL);
  g_return_val_if_fail (index < self->statements->len, NULL);
  return g_ptr_array_index (self->statements, index);
}

/**
 * koers_model_find_statement:
 *
 * Returns: (nullable): the statement with @statement_id
 */
const KoersStatement *
koers_model_find_statement (KoersModel *self,
                            const char *statement_id)
{
  g_return_val_if_fail (KOERS_IS_MODEL (self), NULL);

  if (statement_id == NULL)
    return NULL;
  for (guint i = 0; i < self->statements->len; i++)
    {
      const KoersStatement *statement = g_ptr_array_index (self->statements, i);

      if (g_str_equal (statement->id, statement_id))
        return statement;
    }
  return NULL;
}

/**
 * koers_model_get_suggestion_rule:
 *
 * Returns: how answers to the statements become a suggested stage
 */
KoersSuggestionRule
koers_model_get_suggestion_rule (KoersModel *self)
{
  g_return_val_if_fail (KOERS_IS_MODEL (self), KOERS_SUGGESTION_IN_ORDER);
  return self->suggestion_rule;
}
