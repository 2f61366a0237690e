/* koers-project-answers.c: the answers to the models' statements, with
 * the evidence noted beside them: editing, reading and writing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-project"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "koers-error.h"
#include "koers-json-private.h"
#include "koers-project-private.h"

static void
answer_free (Answer *a)
{
  g_free (a->note);
  g_clear_pointer (&a->extra, json_object_unref);
  g_free (a);
}

static ModelAnswers *
model_answers_new (void)
{
  ModelAnswers *ma = g_new0 (ModelAnswers, 1);

  ma->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) answer_free);
  ma->unknown = json_object_new ();
  return ma;
}

void
_koers_model_answers_free (ModelAnswers *ma)
{
  g_clear_pointer (&ma->by_id, g_hash_table_unref);
  g_clear_pointer (&ma->unknown, json_object_unref);
  g_free (ma);
}

static gboolean
answer_is_empty (Answer *a)
{
  return a->answer == KOERS_ANSWER_NONE && a->note == NULL &&
         json_object_get_size (a->extra) == 0;
}

static Answer *
lookup_answer (KoersProject *self,
               const char   *model_id,
               const char   *statement_id)
{
  ModelAnswers *ma;

  if (model_id == NULL || statement_id == NULL)
    return NULL;
  ma = g_hash_table_lookup (self->answers, model_id);
  return ma ? g_hash_table_lookup (ma->by_id, statement_id) : NULL;
}

/**
 * koers_project_answer_key:
 *
 * The key of an answer's fields (%KOERS_FIELD_ANSWER,
 * %KOERS_FIELD_ANSWER_NOTE) in koers_project_set_field() and the history.
 * Model and statement ids hold no `/`, so the key is unambiguous.
 *
 * Returns: (transfer full): `MODEL/STATEMENT`
 */
char *
koers_project_answer_key (const char *model_id,
                          const char *statement_id)
{
  g_return_val_if_fail (model_id != NULL && statement_id != NULL, NULL);
  return g_strconcat (model_id, "/", statement_id, NULL);
}

/* Splits an answer key and checks that model and statement exist. */
static gboolean
parse_key (KoersProject          *self,
           const char            *key,
           KoersModel           **model,
           char                 **statement_id,
           GError               **error)
{
  const char *slash = key ? strchr (key, '/') : NULL;
  g_autofree char *model_id = NULL;

  if (slash == NULL)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("An answer needs a model and a statement"));
      return FALSE;
    }
  model_id = g_strndup (key, slash - key);
  *model = koers_catalog_lookup (self->catalog, model_id);
  if (*model == NULL)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("There is no model “%s”"), model_id);
      return FALSE;
    }
  if (koers_model_find_statement (*model, slash + 1) == NULL)
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("The %s has no statement “%s”"),
                   koers_model_get_name (*model), slash + 1);
      return FALSE;
    }
  *statement_id = g_strdup (slash + 1);
  return TRUE;
}

const char *
_koers_project_get_answer_field (KoersProject *self,
                                 KoersField    field,
                                 const char   *key)
{
  const char *slash = key ? strchr (key, '/') : NULL;
  g_autofree char *model_id = NULL;
  Answer *a;

  if (slash == NULL)
    return NULL;
  model_id = g_strndup (key, slash - key);
  a = lookup_answer (self, model_id, slash + 1);
  if (a == NULL)
    return NULL;
  return field == KOERS_FIELD_ANSWER ? koers_answer_to_string (a->answer) : a->note;
}

gboolean
_koers_project_set_answer_field (KoersProject  *self,
                                 KoersField     field,
                                 const char    *key,
                                 const char    *value,
                                 gboolean      *changed,
                                 GError       **error)
{
  g_autofree char *statement_id = NULL;
  KoersAnswer answer = KOERS_ANSWER_NONE;
  KoersModel *model;
  const char *model_id;
  ModelAnswers *ma;
  Answer *a;

  *changed = FALSE;
  if (!parse_key (self, key, &model, &statement_id, error))
    return FALSE;
  if (field == KOERS_FIELD_ANSWER && value != NULL && !koers_answer_from_string (value, &answer))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("unknown answer \"%s\" (expected one of yes, partly, no, dont-know)"), value);
      return FALSE;
    }

  model_id = koers_model_get_id (model);
  ma = g_hash_table_lookup (self->answers, model_id);
  if (ma == NULL)
    {
      ma = model_answers_new ();
      g_hash_table_insert (self->answers, g_strdup (model_id), ma);
    }
  a = g_hash_table_lookup (ma->by_id, statement_id);
  if (a == NULL)
    {
      a = g_new0 (Answer, 1);
      a->extra = json_object_new ();
      g_hash_table_insert (ma->by_id, g_strdup (statement_id), a);
    }

  if (field == KOERS_FIELD_ANSWER)
    {
      *changed = a->answer != answer;
      a->answer = answer;
    }
  else if (g_strcmp0 (a->note, value) != 0)
    {
      g_free (a->note);
      a->note = g_strdup (value);
      *changed = TRUE;
    }

  /* Nothing recorded is no answer: clearing the last of it (or undoing
   * the first) leaves the file as it was. */
  if (answer_is_empty (a))
    g_hash_table_remove (ma->by_id, statement_id);
  if (g_hash_table_size (ma->by_id) == 0 && json_object_get_size (ma->unknown) == 0)
    g_hash_table_remove (self->answers, model_id);
  return TRUE;
}

/**
 * koers_project_get_answer:
 *
 * Returns: the answer to a statement, %KOERS_ANSWER_NONE when unanswered
 */
KoersAnswer
koers_project_get_answer (KoersProject *self,
                          const char   *model_id,
                          const char   *statement_id)
{
  Answer *a;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), KOERS_ANSWER_NONE);
  a = lookup_answer (self, model_id, statement_id);
  return a ? a->answer : KOERS_ANSWER_NONE;
}

/**
 * koers_project_get_answer_note:
 *
 * Returns: (nullable): the evidence noted with an answer (a link, a
 *   document, a name)
 */
const char *
koers_project_get_answer_note (KoersProject *self,
                               const char   *model_id,
                               const char   *statement_id)
{
  Answer *a;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);
  a = lookup_answer (self, model_id, statement_id);
  return a ? a->note : NULL;
}

/**
 * koers_project_set_answer:
 * @answer: the answer; %KOERS_ANSWER_NONE takes it back
 *
 * Answers one of a model's statements, through koers_project_set_field()
 * (%KOERS_FIELD_ANSWER). For an undoable edit use koers_history_set() with
 * koers_project_answer_key().
 *
 * Returns: %FALSE when the model or statement does not exist
 */
gboolean
koers_project_set_answer (KoersProject  *self,
                          const char    *model_id,
                          const char    *statement_id,
                          KoersAnswer    answer,
                          GError       **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (answer <= KOERS_ANSWER_DONT_KNOW, FALSE);

  key = koers_project_answer_key (model_id ? model_id : "", statement_id ? statement_id : "");
  return koers_project_set_field (self, KOERS_FIELD_ANSWER, key,
                                  koers_answer_to_string (answer), error);
}

/**
 * koers_project_set_answer_note:
 * @note: (nullable): the evidence; %NULL or empty removes it
 *
 * Like koers_project_set_answer(), for the note beside the answer.
 *
 * Returns: %FALSE when the model or statement does not exist
 */
gboolean
koers_project_set_answer_note (KoersProject  *self,
                               const char    *model_id,
                               const char    *statement_id,
                               const char    *note,
                               GError       **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), FALSE);

  key = koers_project_answer_key (model_id ? model_id : "", statement_id ? statement_id : "");
  return koers_project_set_field (self, KOERS_FIELD_ANSWER_NOTE, key, note, error);
}

/**
 * koers_project_dup_answers:
 *
 * The answers to a model's statements in the form the assessment takes
 * (koers_assessment_suggest()).
 *
 * Returns: (transfer full): statement id → GINT_TO_POINTER (#KoersAnswer),
 *   unanswered statements left out
 */
GHashTable *
koers_project_dup_answers (KoersProject *self,
                           const char   *model_id)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ModelAnswers *ma;
  GHashTableIter iter;
  gpointer id, value;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), table);

  ma = model_id ? g_hash_table_lookup (self->answers, model_id) : NULL;
  if (ma == NULL)
    return table;
  g_hash_table_iter_init (&iter, ma->by_id);
  while (g_hash_table_iter_next (&iter, &id, &value))
    if (((Answer *) value)->answer != KOERS_ANSWER_NONE)
      g_hash_table_insert (table, g_strdup (id), GINT_TO_POINTER (((Answer *) value)->answer));
  return table;
}

/**
 * koers_project_has_answers:
 *
 * Returns: whether at least one of the model's statements is answered
 */
gboolean
koers_project_has_answers (KoersProject *self,
                           const char   *model_id)
{
  g_autoptr(GHashTable) table = koers_project_dup_answers (self, model_id);

  return g_hash_table_size (table) > 0;
}

/**
 * koers_project_suggest_stage:
 *
 * The stage the answers suggest for Now, by the model's rule
 * (docs/assessment.md).
 *
 * Returns: the stage's index, or -1 when there is nothing to go on
 */
int
koers_project_suggest_stage (KoersProject *self,
                             const char   *model_id)
{
  g_autoptr(GHashTable) table = NULL;
  KoersModel *model;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), -1);

  model = model_id ? koers_catalog_lookup (self->catalog, model_id) : NULL;
  if (model == NULL)
    return -1;
  table = koers_project_dup_answers (self, model_id);
  return koers_assessment_suggest (model, table);
}

/* --- reading and writing --------------------------------------------------- */

static gboolean
read_answer (const char  *path,
             JsonNode    *node,
             Answer     **out,
             GError     **error)
{
  static const char * const known[] = { "answer", "note", NULL };
  g_autofree char *answer_path = g_strconcat (path, ".answer", NULL);
  const char *word, *note;
  KoersAnswer answer = KOERS_ANSWER_NONE;
  JsonObject *object;
  Answer *a;

  object = _koers_json_node_get_object (node, path, error);
  if (object == NULL)
    return FALSE;
  if (!_koers_project_get_optional_string (object, path, "answer", &word, error) ||
      !_koers_project_get_optional_string (object, path, "note", &note, error))
    return FALSE;
  if (word != NULL && !koers_answer_from_string (word, &answer))
    {
      g_set_error (error, KOERS_FILE_ERROR, KOERS_FILE_ERROR_INVALID,
                   _("%s: unknown answer \"%s\" (expected one of yes, partly, no, dont-know)"),
                   answer_path, word);
      return FALSE;
    }

  a = g_new0 (Answer, 1);
  a->answer = answer;
  a->note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  a->extra = _koers_project_copy_unknown (object, known);
  *out = a;
  return TRUE;
}

static gboolean
read_model_answers (KoersProject  *self,
                    KoersModel    *model,
                    JsonNode      *node,
                    GError       **error)
{
  const char *model_id = koers_model_get_id (model);
  g_autofree char *path = g_strconcat ("answers.", model_id, NULL);
  g_autoptr(GList) members = NULL;
  ModelAnswers *ma;
  JsonObject *object;

  object = _koers_json_node_get_object (node, path, error);
  if (object == NULL)
    return FALSE;

  ma = model_answers_new ();
  g_hash_table_replace (self->answers, g_strdup (model_id), ma);

  members = json_object_get_members (object);
  for (const GList *l = members; l; l = l->next)
    {
      const char *statement_id = l->data;
      JsonNode *member = json_object_get_member (object, statement_id);
      g_autofree char *member_path = g_strconcat (path, ".", statement_id, NULL);
      Answer *a = NULL;

      /* Checked even when the statement is unknown: it still claims to
       * be an answer, and a broken one is refused like any other. */
      if (!read_answer (member_path, member, &a, error))
        return FALSE;

      if (koers_model_find_statement (model, statement_id) == NULL)
        {
          /* A statement a later model version dropped, or a newer one
           * added: the user's evidence is kept, not scored. */
          answer_free (a);
          json_object_set_member (ma->unknown, statement_id, json_node_copy (member));
          g_ptr_array_add (self->warnings,
                           g_strdup_printf (_("%s: a statement this version of the %s does not have; kept as it is"),
                                            member_path, koers_model_get_name (model)));
          continue;
        }
      if (answer_is_empty (a))
        {
          answer_free (a);
          continue;
        }
      g_hash_table_replace (ma->by_id, g_strdup (statement_id), a);
    }

  if (g_hash_table_size (ma->by_id) == 0 && json_object_get_size (ma->unknown) == 0)
    g_hash_table_remove (self->answers, model_id);
  return TRUE;
}

/* answers: model id → statement id → { answer, note }. docs/file-format.md */
gboolean
_koers_project_read_answers (KoersProject  *self,
                             JsonObject    *answers,
                             GError       **error)
{
  return _koers_project_read_by_model (self, answers, "answers", self->unknown_answers, read_model_answers, error);
}

/* Models in the catalog's order and statements in the model's order, so
 * that files diff well; %NULL when there is nothing to write. */
JsonObject *
_koers_project_write_answers (KoersProject *self)
{
  g_autoptr(JsonObject) answers = json_object_new ();

  for (guint i = 0; i < koers_catalog_get_n_models (self->catalog); i++)
    {
      KoersModel *model = koers_catalog_get_model (self->catalog, i);
      ModelAnswers *ma = g_hash_table_lookup (self->answers, koers_model_get_id (model));
      JsonObject *object;

      if (ma == NULL)
        continue;
      object = json_object_new ();
      for (guint s = 0; s < koers_model_get_n_statements (model); s++)
        {
          const char *statement_id = koers_model_get_statement (model, s)->id;
          Answer *a = g_hash_table_lookup (ma->by_id, statement_id);
          JsonObject *member;

          if (a == NULL)
            continue;
          member = json_object_new ();
          if (a->answer != KOERS_ANSWER_NONE)
            json_object_set_string_member (member, "answer", koers_answer_to_string (a->answer));
          if (a->note != NULL)
            json_object_set_string_member (member, "note", a->note);
          _koers_project_merge_extra (member, a->extra);
          json_object_set_object_member (object, statement_id, member);
        }
      _koers_project_merge_extra (object, ma->unknown);
      json_object_set_object_member (answers, koers_model_get_id (model), object);
    }
  _koers_project_merge_extra (answers, self->unknown_answers);

  if (json_object_get_size (answers) == 0)
    return NULL;
  return g_steal_pointer (&answers);
}

static const char *
answer_label (KoersAnswer answer)
{
  switch (answer)
    {
    case KOERS_ANSWER_YES:
      return C_("answer", "Yes");
    case KOERS_ANSWER_PARTLY:
      return C_("answer", "Partly");
    case KOERS_ANSWER_NO:
      return C_("answer", "No");
    case KOERS_ANSWER_DONT_KNOW:
      return C_("answer", "Don’t know");
    case KOERS_ANSWER_NONE:
    default:
      return "";
    }
}

/**
 * koers_project_dup_answers_draft:
 *
 * A first draft of the model's rationale from its answers: where they
 * point, then per stage each answered statement with its evidence. The
 * user edits it; nothing here writes it into the project.
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL when no
 *   statement is answered
 */
char *
koers_project_dup_answers_draft (KoersProject *self,
                                 const char   *model_id)
{
  g_autoptr(GString) text = NULL;
  KoersModel *model;
  int suggested, last_stage = -1;

  g_return_val_if_fail (KOERS_IS_PROJECT (self), NULL);

  model = model_id ? koers_catalog_lookup (self->catalog, model_id) : NULL;
  if (model == NULL || !koers_project_has_answers (self, model_id))
    return NULL;

  text = g_string_new (NULL);
  suggested = koers_project_suggest_stage (self, model_id);
  if (suggested >= 0)
    /* TRANSLATORS: the first line of a rationale drafted from the
     * questionnaire; %s is a stage */
    g_string_append_printf (text, _("Our answers to the questionnaire point to %s."),
                            koers_model_get_stage (model, suggested)->name);
  else
    g_string_append (text, _("Our answers to the questionnaire do not point to a stage yet."));

  for (guint i = 0; i < koers_model_get_n_statements (model); i++)
    {
      const KoersStatement *st = koers_model_get_statement (model, i);
      Answer *a = lookup_answer (self, model_id, st->id);

      if (a == NULL || a->answer == KOERS_ANSWER_NONE)
        continue;
      if ((int) st->stage_index != last_stage)
        {
          g_string_append_printf (text, "\n\n%s",
                                  koers_model_get_stage (model, st->stage_index)->name);
          last_stage = st->stage_index;
        }
      /* TRANSLATORS: one answer in a drafted rationale: "- Yes: We have a monitoring tool…" */
      g_string_append_printf (text, _("\n- %s: %s"), answer_label (a->answer), st->text);
      if (a->note != NULL)
        /* TRANSLATORS: the evidence noted with an answer, after it */
        g_string_append_printf (text, _(" (evidence: %s)"), a->note);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
