/* koers-roadmap-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "koers-roadmap-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "koers-json-private.h"
#include "koers-roadmap-format.h"

gboolean
koers_roadmap_format_from_string (const char         *name,
                                  KoersRoadmapFormat *format)
{
  if (g_strcmp0 (name, "markdown") == 0)
    *format = KOERS_ROADMAP_FORMAT_MARKDOWN;
  else if (g_strcmp0 (name, "json") == 0)
    *format = KOERS_ROADMAP_FORMAT_JSON;
  else if (g_strcmp0 (name, "csv") == 0)
    *format = KOERS_ROADMAP_FORMAT_CSV;
  else
    return FALSE;
  return TRUE;
}

static const char *
model_name (KoersCatalog *catalog,
            const char   *model_id)
{
  KoersModel *model = koers_catalog_lookup (catalog, model_id);
  return model ? koers_model_get_name (model) : model_id;
}

static const char *
stage_name (KoersCatalog *catalog,
            const char   *model_id,
            const char   *stage_id)
{
  KoersModel *model = koers_catalog_lookup (catalog, model_id);
  const KoersStage *stage = model ? koers_model_find_stage (model, stage_id) : NULL;
  return stage ? stage->name : stage_id;
}

/* --- what the planner adds, in words ------------------------------------- */

/**
 * koers_format_person_days:
 * @days: an effort
 *
 * Returns: (transfer full): "3 person-days", translated
 */
char *
koers_format_person_days (guint days)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person-day", "%u person-days", days), days);
}

/**
 * koers_roadmap_describe_phase_effort:
 * @roadmap: the roadmap @phase belongs to, for the team's capacity
 * @phase: a phase
 *
 * Returns: (transfer full) (nullable): "17 of 120 person-days" (the
 *   phase's effort against what the team has in a quarter), "17
 *   person-days" when the capacity is unknown, %NULL when the effort is
 */
char *
koers_roadmap_describe_phase_effort (KoersRoadmap            *roadmap,
                                     const KoersRoadmapPhase *phase)
{
  guint capacity;

  g_return_val_if_fail (KOERS_IS_ROADMAP (roadmap), NULL);
  g_return_val_if_fail (phase != NULL, NULL);

  if (phase->effort == 0)
    return NULL;
  capacity = koers_roadmap_get_quarter_capacity (roadmap);
  if (capacity == 0)
    return koers_format_person_days (phase->effort);
  /* TRANSLATORS: a phase's work against the team's time in its quarter,
   * "17 of 120 person-days" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u person-day", "%u of %u person-days", capacity),
                          phase->effort, capacity);
}

/**
 * koers_roadmap_describe_item_plan:
 * @roadmap: the roadmap @item belongs to, for its quarter and the titles
 *   of what it comes after
 * @item: an item
 *
 * What the plan says about an item besides its title, in one line: a
 * milestone's quarter, the role that carries it, its effort, and what it
 * comes after, e.g. "Milestone, Q2 2027 · Management · 2 person-days" or
 * "Communication · 5 person-days · after Write response guidelines".
 * What the plan does not know is left out.
 *
 * Returns: (transfer full) (nullable): the line, or %NULL when the plan
 *   says nothing more
 */
char *
koers_roadmap_describe_item_plan (KoersRoadmap           *roadmap,
                                  const KoersRoadmapItem *item)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  const KoersRoadmapPhase *phase;

  g_return_val_if_fail (KOERS_IS_ROADMAP (roadmap), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  if (item->milestone)
    {
      phase = item->phase < koers_roadmap_get_n_phases (roadmap)
              ? koers_roadmap_get_phase (roadmap, item->phase) : NULL;
      if (phase != NULL && phase->period != NULL)
        /* TRANSLATORS: a dated milestone such as the go/no-go gate; %s is its quarter */
        g_ptr_array_add (parts, g_strdup_printf (_("Milestone, %s"), phase->period));
      else
        g_ptr_array_add (parts, g_strdup (_("Milestone")));
    }
  if (item->role != NULL && *item->role != '\0')
    g_ptr_array_add (parts, g_strdup (koers_roadmap_role_get_label (item->role)));
  if (item->effort > 0)
    g_ptr_array_add (parts, koers_format_person_days (item->effort));
  if (item->n_parts > 1)
    /* TRANSLATORS: one milestone of a programme spread over quarters */
    g_ptr_array_add (parts, g_strdup_printf (_("part %u of %u"), item->part, item->n_parts));

  for (guint a = 0; item->after != NULL && item->after[a] != NULL; a++)
    {
      const KoersRoadmapItem *before = koers_roadmap_lookup_item (roadmap, item->after[a]);

      if (before != NULL)
        g_ptr_array_add (titles, before->title);
    }
  if (titles->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (titles, NULL);
      /* TRANSLATORS: the separator between the titles an item comes after */
      joined = g_strjoinv (_("; "), (char **) titles->pdata);
      /* TRANSLATORS: %s lists the titles of the items that come first */
      g_ptr_array_add (parts, g_strdup_printf (_("after %s"), joined));
    }

  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: the separator between the parts of an item's plan */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/* --- Markdown ------------------------------------------------------------ */

/* Text from users goes into Markdown; keep it from starting a heading or a
 * list and from breaking the line. */
static void
append_md_text (GString    *out,
                const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '\n' || *p == '\r')
        g_string_append_c (out, ' ');
      else if (strchr ("\\`*_[]<>#|", *p))
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else
        g_string_append_c (out, *p);
    }
}

/* An id as a code span. Backslashes do not escape inside one, so the
 * fence is a run of backticks longer than any run in @text (CommonMark),
 * with a space inside each end when @text starts or ends with a backtick
 * or a space, which the renderer takes off again (one on each side). A line break would end
 * the list item, and inside a code span it reads as a space anyway. */
static void
append_md_code (GString    *out,
                const char *text)
{
  guint longest = 0, run = 0;
  gsize len = strlen (text);
  gboolean all_spaces = TRUE;
  gboolean pad;

  for (const char *p = text; *p; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
      all_spaces &= *p == ' ';
    }
  /* Only spaces are kept as they are; "``" alone would be no span. */
  pad = len == 0 ||
        (!all_spaces && (text[0] == '`' || text[len - 1] == '`' ||
                         text[0] == ' ' || text[len - 1] == ' '));

  for (guint i = 0; i <= longest; i++)
    g_string_append_c (out, '`');
  if (pad)
    g_string_append_c (out, ' ');
  for (const char *p = text; *p; p++)
    g_string_append_c (out, *p == '\n' || *p == '\r' ? ' ' : *p);
  if (pad)
    g_string_append_c (out, ' ');
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (out, '`');
}

static void
append_state_md (GString    *out,
                 gboolean    show_status,
                 KoersStatus status,
                 const char *owner,
                 const char *due,
                 const char *note)
{
  if (show_status)
    g_string_append_printf (out, " · %s: %s", C_("item", "status"), koers_status_get_label (status));
  if (owner)
    {
      g_string_append_printf (out, " · %s: ", C_("item", "owner"));
      append_md_text (out, owner);
    }
  if (due)
    g_string_append_printf (out, " · %s: %s", C_("item", "due"), due);
  if (note)
    {
      g_string_append_printf (out, " · %s: ", C_("item", "note"));
      append_md_text (out, note);
    }
}

/* The titles of what an item waits for: a reader of the plan knows the
 * items by title, not by id. An id the roadmap does not hold (it cannot,
 * but a stale one must not crash) is shown as it is. */
static void
append_md_after (GString          *out,
                 KoersRoadmap     *roadmap,
                 const char * const *after)
{
  for (guint a = 0; after[a]; a++)
    {
      const KoersRoadmapItem *dep = koers_roadmap_lookup_item (roadmap, after[a]);

      if (a > 0)
        g_string_append (out, "; ");
      append_md_text (out, dep ? dep->title : after[a]);
    }
}

/* The details under an item: why, who, how much, after what, and the
 * result to measure; each only where the plan knows it. */
static void
append_md_details (GString                *out,
                   KoersRoadmap           *roadmap,
                   const KoersRoadmapItem *item)
{
  gboolean has_after = item->after != NULL && item->after[0] != NULL;

  if (item->why && *item->why)
    {
      g_string_append_printf (out, "  - %s: ", C_("item", "Why"));
      append_md_text (out, item->why);
      g_string_append_c (out, '\n');
    }
  if ((item->role && *item->role) || item->effort > 0 || item->n_parts > 1)
    {
      const char *sep = "";

      g_string_append (out, "  - ");
      if (item->role && *item->role)
        {
          g_string_append_printf (out, "%s: %s", C_("item", "Role"),
                                  koers_roadmap_role_get_label (item->role));
          sep = " · ";
        }
      if (item->effort > 0)
        {
          g_autofree char *effort = koers_format_person_days (item->effort);

          g_string_append_printf (out, "%s%s: %s", sep, C_("item", "Effort"), effort);
          sep = " · ";
        }
      if (item->n_parts > 1)
        {
          g_string_append (out, sep);
          /* TRANSLATORS: one milestone of a programme spread over quarters */
          g_string_append_printf (out, _("Part %u of %u"), item->part, item->n_parts);
        }
      g_string_append_c (out, '\n');
    }
  if (has_after)
    {
      g_string_append_printf (out, "  - %s: ", C_("item", "After"));
      append_md_after (out, roadmap, (const char * const *) item->after);
      g_string_append_c (out, '\n');
    }
  if (item->result && *item->result)
    {
      g_string_append_printf (out, "  - %s: ", C_("item", "Result"));
      append_md_text (out, item->result);
      g_string_append_c (out, '\n');
    }
}

static void
append_md_capacity (GString      *out,
                    KoersRoadmap *roadmap)
{
  double fte = koers_roadmap_get_capacity (roadmap);
  guint days = koers_roadmap_get_quarter_capacity (roadmap);
  g_autofree char *effort = NULL;

  if (fte <= 0)
    return;
  effort = koers_format_person_days (days);
  g_string_append_c (out, '\n');
  /* TRANSLATORS: "Planned for a team of 2.4 fte: at most 120 person-days a quarter." */
  g_string_append_printf (out, _("Planned for a team of %g fte: at most %s a quarter."), fte, effort);
  g_string_append_c (out, '\n');
}

static char *
to_markdown (KoersRoadmap *roadmap,
             KoersCatalog *catalog)
{
  GString *out = g_string_new ("# ");
  const GPtrArray *findings = koers_roadmap_get_findings (roadmap);
  const GPtrArray *orphans = koers_roadmap_get_orphans (roadmap);

  append_md_text (out, koers_roadmap_get_organisation (roadmap));
  g_string_append_printf (out, ": %s\n", _("social media roadmap"));
  append_md_capacity (out, roadmap);

  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (roadmap, p);

      g_string_append_printf (out, "\n## %s", phase->title);
      /* A dash, not a colon: phase 0's title holds one already. */
      if (phase->name && *phase->name)
        {
          g_string_append (out, " — ");
          append_md_text (out, phase->name);
        }
      if (phase->period)
        g_string_append_printf (out, " (%s)", phase->period);
      g_string_append (out, "\n\n");

      if (phase->effort > 0)
        {
          g_autofree char *effort = koers_format_person_days (phase->effort);
          guint capacity = koers_roadmap_get_quarter_capacity (roadmap);

          if (capacity > 0)
            {
              g_autofree char *available = koers_format_person_days (capacity);

              /* TRANSLATORS: "Effort: 30 person-days of 120 person-days"; the
               * second is what the team has in a quarter */
              g_string_append_printf (out, _("Effort: %s of %s"), effort, available);
            }
          else
            g_string_append_printf (out, _("Effort: %s"), effort);
          /* Two spaces: a Markdown line break before the definition of done. */
          g_string_append (out, "  \n");
        }
      if (phase->done && *phase->done)
        {
          g_string_append_printf (out, "%s: ", C_("phase", "Done when"));
          append_md_text (out, phase->done);
          g_string_append (out, "\n");
        }
      if (phase->effort > 0 || (phase->done && *phase->done))
        g_string_append_c (out, '\n');

      if (phase->items->len == 0)
        g_string_append_printf (out, "%s\n", _("Nothing to do in this phase."));

      for (guint i = 0; i < phase->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);

          /* Done and skipped are said in words after the title, as on
           * the slide and in the deck: plain CommonMark has no strike
           * through, and shows "~~" as it is. */
          g_string_append (out, "- ");
          if (item->milestone)
            {
              /* A go/no-go gate is a dated moment, not work. */
              if (phase->period)
                g_string_append_printf (out, "**%s, %s:** ", _("Milestone"), phase->period);
              else
                g_string_append_printf (out, "**%s:** ", _("Milestone"));
            }
          append_md_text (out, item->title);
          g_string_append (out, " — ");
          for (guint s = 0; s < item->serves->len; s++)
            {
              const KoersStageRef *ref = g_ptr_array_index (item->serves, s);

              if (s > 0)
                g_string_append (out, "; ");
              /* TRANSLATORS: "Social Media Pyramid: Listen" */
              g_string_append_printf (out, _("%s: %s"), model_name (catalog, ref->model),
                                      stage_name (catalog, ref->model, ref->stage));
            }
          append_state_md (out, item->status != KOERS_STATUS_TODO, item->status,
                           item->owner, item->due, item->note);
          g_string_append (out, " (");
          append_md_code (out, item->id);
          g_string_append (out, ")\n");
          append_md_details (out, roadmap, item);
        }
    }

  if (findings->len > 0)
    {
      g_string_append_printf (out, "\n## %s\n\n", _("Findings"));
      for (guint i = 0; i < findings->len; i++)
        {
          const KoersFinding *f = g_ptr_array_index (findings, i);

          g_string_append_printf (out, "- **%s:** %s\n",
                                  f->severity == KOERS_SEVERITY_WARNING ? C_("finding", "Warning") : C_("finding", "Note"),
                                  f->message);
        }
    }

  if (orphans->len > 0)
    {
      g_string_append_printf (out, "\n## %s\n\n%s\n\n", _("Orphaned items"),
                              _("These items are no longer in the roadmap, but what was recorded on them is kept."));
      for (guint i = 0; i < orphans->len; i++)
        {
          const KoersOrphan *o = g_ptr_array_index (orphans, i);

          g_string_append (out, "- ");
          append_md_code (out, o->id);
          append_state_md (out, o->has_status, o->status, o->owner, o->due, o->note);
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}

/* --- CSV ----------------------------------------------------------------- */

/**
 * koers_csv_append_field:
 *
 * Appends @field quoted as RFC 4180 asks: in double quotes when it holds a
 * comma, a quote or a line break, with quotes doubled.
 */
void
koers_csv_append_field (GString    *line,
                        const char *field)
{
  if (field == NULL)
    return;
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (line, field);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static char *
to_csv (KoersRoadmap *roadmap)
{
  /* Columns are only ever appended: imports set up on the first nine keep
   * working. */
  GString *out = g_string_new ("phase,id,title,model,stage,status,owner,due,note,"
                               "quarter,phase name,why,role,effort,after\r\n");

  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (roadmap, p);

      for (guint i = 0; i < phase->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);
          const KoersStageRef *primary = g_ptr_array_index (item->serves, 0);

          g_string_append_printf (out, "%u,", phase->index);
          koers_csv_append_field (out, item->id);
          g_string_append_c (out, ',');
          koers_csv_append_field (out, item->title);
          g_string_append_c (out, ',');
          koers_csv_append_field (out, primary->model);
          g_string_append_c (out, ',');
          koers_csv_append_field (out, primary->stage);
          g_string_append_c (out, ',');
          koers_csv_append_field (out, koers_status_to_string (item->status));
          g_string_append_c (out, ',');
          koers_csv_append_field (out, item->owner);
          g_string_append_c (out, ',');
          koers_csv_append_field (out, item->due);
          g_string_append_c (out, ',');
          koers_csv_append_field (out, item->note);
          g_string_append_c (out, ',');
          koers_csv_append_field (out, phase->period);
          g_string_append_c (out, ',');
          koers_csv_append_field (out, phase->name);
          g_string_append_c (out, ',');
          koers_csv_append_field (out, item->why);
          g_string_append_c (out, ',');
          koers_csv_append_field (out, item->role);
          g_string_append_printf (out, ",%u,", item->effort);
          if (item->after != NULL)
            {
              g_autofree char *after = g_strjoinv (";", item->after);

              koers_csv_append_field (out, after);
            }
          g_string_append (out, "\r\n");
        }
    }

  return g_string_free (out, FALSE);
}

/* --- JSON ---------------------------------------------------------------- */

static void
add_nullable (JsonBuilder *builder,
              const char  *member,
              const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_uint (JsonBuilder *builder,
          const char  *member,
          guint        value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static char *
to_json (KoersRoadmap *roadmap)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const GPtrArray *findings = koers_roadmap_get_findings (roadmap);
  const GPtrArray *orphans = koers_roadmap_get_orphans (roadmap);

  json_builder_begin_object (builder);
  add_nullable (builder, "organisation", koers_roadmap_get_organisation (roadmap));
  json_builder_set_member_name (builder, "capacity");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fte");
  json_builder_add_double_value (builder, koers_roadmap_get_capacity (roadmap));
  add_uint (builder, "quarter", koers_roadmap_get_quarter_capacity (roadmap));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "phases");
  json_builder_begin_array (builder);
  for (guint p = 0; p < koers_roadmap_get_n_phases (roadmap); p++)
    {
      const KoersRoadmapPhase *phase = koers_roadmap_get_phase (roadmap, p);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "index");
      json_builder_add_int_value (builder, phase->index);
      add_nullable (builder, "title", phase->title);
      add_nullable (builder, "name", phase->name);
      add_nullable (builder, "period", phase->period);
      add_nullable (builder, "done", phase->done);
      add_uint (builder, "effort", phase->effort);
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint i = 0; i < phase->items->len; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);
          const KoersStageRef *primary = g_ptr_array_index (item->serves, 0);

          json_builder_begin_object (builder);
          add_nullable (builder, "id", item->id);
          add_nullable (builder, "title", item->title);
          add_nullable (builder, "why", item->why);
          add_nullable (builder, "model", primary->model);
          add_nullable (builder, "stage", primary->stage);
          json_builder_set_member_name (builder, "serves");
          json_builder_begin_array (builder);
          for (guint s = 0; s < item->serves->len; s++)
            {
              const KoersStageRef *ref = g_ptr_array_index (item->serves, s);

              json_builder_begin_object (builder);
              add_nullable (builder, "model", ref->model);
              add_nullable (builder, "stage", ref->stage);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "after");
          json_builder_begin_array (builder);
          for (guint a = 0; item->after[a]; a++)
            json_builder_add_string_value (builder, item->after[a]);
          json_builder_end_array (builder);
          add_nullable (builder, "role", item->role);
          add_uint (builder, "effort", item->effort);
          add_nullable (builder, "result", item->result);
          json_builder_set_member_name (builder, "milestone");
          json_builder_add_boolean_value (builder, item->milestone);
          add_nullable (builder, "programme", item->programme);
          json_builder_set_member_name (builder, "part");
          if (item->programme)
            json_builder_add_int_value (builder, item->part);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "n_parts");
          if (item->programme)
            json_builder_add_int_value (builder, item->n_parts);
          else
            json_builder_add_null_value (builder);
          add_nullable (builder, "status", koers_status_to_string (item->status));
          add_nullable (builder, "owner", item->owner);
          add_nullable (builder, "due", item->due);
          add_nullable (builder, "note", item->note);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "orphaned");
  json_builder_begin_array (builder);
  for (guint i = 0; i < orphans->len; i++)
    {
      const KoersOrphan *o = g_ptr_array_index (orphans, i);

      json_builder_begin_object (builder);
      add_nullable (builder, "id", o->id);
      add_nullable (builder, "status", o->has_status ? koers_status_to_string (o->status) : NULL);
      add_nullable (builder, "owner", o->owner);
      add_nullable (builder, "due", o->due);
      add_nullable (builder, "note", o->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->len; i++)
    {
      const KoersFinding *f = g_ptr_array_index (findings, i);

      json_builder_begin_object (builder);
      add_nullable (builder, "id", f->id);
      add_nullable (builder, "severity", koers_severity_to_string (f->severity));
      json_builder_set_member_name (builder, "models");
      json_builder_begin_array (builder);
      for (guint m = 0; f->models[m]; m++)
        json_builder_add_string_value (builder, f->models[m]);
      json_builder_end_array (builder);
      add_nullable (builder, "message", f->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  bytes = _koers_json_to_bytes (root);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/**
 * koers_roadmap_to_text:
 *
 * Returns: (transfer full): the roadmap in @format (`spec/cli.md`)
 */
char *
koers_roadmap_to_text (KoersRoadmap       *roadmap,
                       KoersCatalog       *catalog,
                       KoersRoadmapFormat  format)
{
  char *text;

  g_return_val_if_fail (KOERS_IS_ROADMAP (roadmap), NULL);

  switch (format)
    {
    case KOERS_ROADMAP_FORMAT_JSON:
      text = to_json (roadmap);
      break;
    case KOERS_ROADMAP_FORMAT_CSV:
      text = to_csv (roadmap);
      break;
    case KOERS_ROADMAP_FORMAT_MARKDOWN:
    default:
      text = to_markdown (roadmap, catalog);
      break;
    }
  return koers_strip_soft_hyphens (text);
}

/**
 * koers_strip_soft_hyphens:
 * @text: (transfer full): UTF-8 text
 *
 * Translations may mark where a long compound may break on a slide or in
 * a narrow window ("content\u00ADkalender"). Text for scripts, planning
 * tools and terminals must not carry the invisible mark: a search for
 * the word would not find it.
 *
 * Returns: (transfer full): @text, without soft hyphens
 */
char *
koers_strip_soft_hyphens (char *text)
{
  char *out;

  if (text == NULL || strstr (text, "\xC2\xAD") == NULL)
    return text;
  out = text;
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xAD)
        {
          p++;
          continue;
        }
      *out++ = *p;
    }
  *out = '\0';
  return text;
}
