/* koers-deck-roadmap.c: the deck's roadmap slides: findings, overview, phases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * List slides fill from the top and continue on a new slide rather than
 * shrink: a phase's items stay at 24 px and more. The overview keeps its
 * density, one column a phase, down to 16 px.
 */
#define G_LOG_DOMAIN "koers-deck"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "koers-deck-private.h"
#include "koers-progress-summary.h"

/* Paragraphs of a list slide (findings, a phase's items) go onto as many
 * slides as they need; a group of paragraphs never splits. */
typedef struct {
  KoersDeck          *deck;
  KoersDeckMeasure   *measure;
  KoersDeckSlideKind  kind;
  char               *title;
  GPtrArray          *header;   /* (nullable): repeated on every slide */
  double              body_y;
  GPtrArray          *body;     /* the slide being filled */
  guint               n_slides;
} ListSlides;

static void
list_flush (ListSlides *list)
{
  KoersDeckSlide *slide;
  g_autofree char *title = NULL;

  if (list->body == NULL)
    return;

  /* TRANSLATORS: the title of a slide that continues the previous one */
  title = list->n_slides == 0 ? g_strdup (list->title) : g_strdup_printf (_("%s (continued)"), list->title);
  slide = _koers_deck_add_slide (list->deck, list->kind, title);
  _koers_deck_add_title (slide, list->measure, title, PHASE_TITLE_SIZE, 40);
  if (list->header != NULL)
    {
      GPtrArray *copy = _koers_deck_paras_new ();

      for (guint i = 0; i < list->header->len; i++)
        {
          KoersDeckPara *para = g_ptr_array_index (list->header, i);
          KoersDeckPara *dup = _koers_deck_para_new (para->space_before);

          for (guint r = 0; r < para->runs->len; r++)
            {
              KoersDeckRun *run = g_ptr_array_index (para->runs, r);
              _koers_deck_para_add (dup, run->text, run->size, run->bold, run->ink);
            }
          g_ptr_array_add (copy, dup);
        }
      _koers_deck_add_box (slide, KOERS_BOX_TEXT, MARGIN, BODY_Y, CONTENT_WIDTH, list->body_y - BODY_Y, copy);
    }
  _koers_deck_add_box (slide, KOERS_BOX_BODY, MARGIN, list->body_y, CONTENT_WIDTH, BODY_BOTTOM - list->body_y,
           g_steal_pointer (&list->body));
  list->n_slides++;
}

/* Adds @group (taken) to the slide being filled, or starts a new one. */
static void
list_add (ListSlides *list,
          GPtrArray  *group)
{
  double height = BODY_BOTTOM - list->body_y;
  guint before;

  if (list->body == NULL)
    list->body = _koers_deck_paras_new ();
  before = list->body->len;
  while (group->len > 0)
    g_ptr_array_add (list->body, g_ptr_array_steal_index (group, 0));
  g_ptr_array_unref (group);

  if (_koers_deck_fits (list->measure, list->body, CONTENT_WIDTH, height))
    return;

  if (before > 0)
    {
      /* Take the group back off and put it on a slide of its own. */
      GPtrArray *again = _koers_deck_paras_new ();

      while (list->body->len > before)
        g_ptr_array_add (again, g_ptr_array_steal_index (list->body, before));
      /* A group starting a slide has no room above it. */
      ((KoersDeckPara *) g_ptr_array_index (again, 0))->space_before = 0;
      list_flush (list);
      list_add (list, again);
      return;
    }

  /* Alone on a slide and still too long: its longest run gives way. */
  {
    KoersDeckRun *longest = NULL;

    for (guint i = 0; i < list->body->len; i++)
      {
        KoersDeckPara *para = g_ptr_array_index (list->body, i);
        for (guint r = 0; r < para->runs->len; r++)
          {
            KoersDeckRun *run = g_ptr_array_index (para->runs, r);
            if (longest == NULL || strlen (run->text) > strlen (longest->text))
              longest = run;
          }
      }
    if (longest != NULL)
      {
        g_autofree char *old = g_steal_pointer (&longest->text);
        double others;

        longest->text = g_strdup ("");
        others = _koers_deck_measure_paras (list->measure, list->body, CONTENT_WIDTH);
        g_free (longest->text);
        longest->text = _koers_deck_shorten (list->measure, old, longest->size, CONTENT_WIDTH,
                                             (height - 2 * KOERS_DECK_INSET_Y) * 0.85 - others);
      }
  }
}

static void
list_clear (ListSlides *list)
{
  g_clear_pointer (&list->title, g_free);
  g_clear_pointer (&list->header, g_ptr_array_unref);
  g_clear_pointer (&list->body, g_ptr_array_unref);
}

/* Makes @paras larger in steps while they fit, up to @max_size. */
static void
grow_to_fit (KoersDeckMeasure *measure,
             GPtrArray        *paras,
             double            width,
             double            height,
             double            max_size)
{
  for (;;)
    {
      double size = ((KoersDeckRun *) g_ptr_array_index (((KoersDeckPara *) g_ptr_array_index (paras, 0))->runs, 0))->size;
      double factor = (size + 2) / size;

      if (size + 2 > max_size)
        return;
      _koers_deck_scale_paras (paras, factor + 0.001);
      if (!_koers_deck_fits (measure, paras, width, height))
        {
          /* One step back, to the size that fitted. */
          for (guint i = 0; i < paras->len; i++)
            {
              KoersDeckPara *para = g_ptr_array_index (paras, i);

              para->space_before /= factor + 0.001;
              for (guint r = 0; r < para->runs->len; r++)
                ((KoersDeckRun *) g_ptr_array_index (para->runs, r))->size = size;
            }
          return;
        }
    }
}

void
_koers_deck_add_findings_slides (KoersDeck        *self,
                     KoersDeckMeasure *measure,
                     KoersRoadmap     *roadmap)
{
  const GPtrArray *findings = koers_roadmap_get_findings (roadmap);
  ListSlides list = { self, measure, KOERS_DECK_SLIDE_FINDINGS, g_strdup (_("Findings")), NULL, BODY_Y, NULL, 0 };

  for (guint i = 0; i < findings->len; i++)
    {
      const KoersFinding *finding = g_ptr_array_index (findings, i);
      GPtrArray *group = _koers_deck_paras_new ();
      KoersDeckPara *para = _koers_deck_add_para (group, i == 0 ? 0 : 24, NULL, 0, FALSE, KOERS_INK_TEXT);
      g_autofree char *label = g_strdup_printf ("%s: ", finding->severity == KOERS_SEVERITY_WARNING
                                                        ? C_("finding", "Warning") : C_("finding", "Note"));

      _koers_deck_para_add (para, label, 30, TRUE, KOERS_INK_TEXT);
      _koers_deck_para_add (para, finding->message, 30, FALSE, KOERS_INK_TEXT);
      list_add (&list, group);
    }
  if (findings->len == 0)
    {
      GPtrArray *group = _koers_deck_paras_new ();

      _koers_deck_add_para (group, 0, _("The models agree: Koers found nothing to point out."), 30, FALSE, KOERS_INK_TEXT);
      list_add (&list, group);
    }
  /* A few findings on one slide: larger, rather than a slide left empty. */
  if (list.n_slides == 0 && list.body != NULL)
    grow_to_fit (measure, list.body, CONTENT_WIDTH, BODY_BOTTOM - list.body_y, 40);
  list_flush (&list);
  list_clear (&list);
}

static char *
phase_heading (const KoersRoadmapPhase *phase)
{
  if (phase->name == NULL || phase->name[0] == '\0')
    return g_strdup (phase->title);
  /* TRANSLATORS: a phase's title and what it achieves, e.g. "Phase 1: Listen and set direction" */
  return g_strdup_printf (_("%s: %s"), phase->title, phase->name);
}

static const char *
status_word (KoersStatus status)
{
  return koers_status_get_label (status);
}

static double
smallest_size (GPtrArray *paras)
{
  double smallest = G_MAXDOUBLE;

  for (guint i = 0; i < paras->len; i++)
    {
      KoersDeckPara *para = g_ptr_array_index (paras, i);
      for (guint r = 0; r < para->runs->len; r++)
        smallest = MIN (smallest, ((KoersDeckRun *) g_ptr_array_index (para->runs, r))->size);
    }
  return smallest;
}

/* One column of the overview: the phase and its item titles, as small as
 * 16 px; what still does not fit is counted, and stands on the phase's
 * own slides. */
static GPtrArray *
overview_column (KoersDeckMeasure        *measure,
                 const KoersRoadmapPhase *phase,
                 double                   width,
                 double                   height,
                 double                   size)
{
  guint shown = phase->items->len;

  for (;;)
    {
      GPtrArray *paras = _koers_deck_paras_new ();

      _koers_deck_add_para (paras, 0, phase->title, size + 4, TRUE, KOERS_INK_TEXT);
      if (phase->name != NULL)
        _koers_deck_add_para (paras, 4, phase->name, size, TRUE, KOERS_INK_TEXT);
      if (phase->period != NULL)
        _koers_deck_add_para (paras, 4, phase->period, size, FALSE, KOERS_INK_MUTED);
      for (guint i = 0; i < shown; i++)
        {
          const KoersRoadmapItem *item = g_ptr_array_index (phase->items, i);
          KoersDeckPara *para = _koers_deck_add_para (paras, i == 0 ? 20 : 10, NULL, 0, FALSE, KOERS_INK_TEXT);

          if (item->status == KOERS_STATUS_DONE || item->status == KOERS_STATUS_SKIPPED)
            {
              g_autofree char *word = g_strdup_printf ("%s: ", status_word (item->status));
              _koers_deck_para_add (para, word, size, TRUE, KOERS_INK_MUTED);
            }
          _koers_deck_para_add (para, item->title, size, FALSE, KOERS_INK_TEXT);
        }
      if (shown < phase->items->len)
        {
          guint more = phase->items->len - shown;
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "and %u more on the phase’s slides",
                                                                "and %u more on the phase’s slides", more),
                                                   more);
          _koers_deck_add_para (paras, 10, text, size, FALSE, KOERS_INK_MUTED);
        }
      if (_koers_deck_shrink_to_fit (measure, paras, width, height, OVERVIEW_MIN_SIZE) || shown == 0)
        return paras;
      g_ptr_array_unref (paras);
      shown--;
    }
}

void
_koers_deck_add_overview_slides (KoersDeck        *self,
                     KoersDeckMeasure *measure,
                     KoersRoadmap     *roadmap)
{
  guint n_phases = koers_roadmap_get_n_phases (roadmap);
  const double gap = 24;
  const double height = BODY_BOTTOM - BODY_Y;

  /* Every phase side by side when they fit, else spread evenly over as
   * few slides as the widest column count allows. */
  guint n_slides = MAX (1, (n_phases + OVERVIEW_COLUMNS - 1) / OVERVIEW_COLUMNS);
  guint per_slide = MAX (1, (n_phases + n_slides - 1) / n_slides);

  for (guint first = 0; first < MAX (n_phases, 1); first += per_slide)
    {
      guint n = MIN (per_slide, n_phases - first);
      g_autofree char *title = first == 0 ? g_strdup (_("Roadmap overview"))
                                          : g_strdup_printf (_("%s (continued)"), _("Roadmap overview"));
      KoersDeckSlide *slide = _koers_deck_add_slide (self, KOERS_DECK_SLIDE_OVERVIEW, title);
      double width = (CONTENT_WIDTH - (per_slide - 1) * gap) / per_slide;
      double size;

      _koers_deck_add_title (slide, measure, title, PHASE_TITLE_SIZE, 40);
      if (n_phases == 0)
        {
          GPtrArray *paras = _koers_deck_paras_new ();

          _koers_deck_add_para (paras, 0, _("The roadmap is empty: place the organisation on a model first."),
                                30, FALSE, KOERS_INK_TEXT);
          _koers_deck_add_box (slide, KOERS_BOX_BODY, MARGIN, BODY_Y, CONTENT_WIDTH, height, paras);
          break;
        }
      /* One size for every column: the one the fullest column allows. */
      size = OVERVIEW_MAX_SIZE;
      for (guint c = 0; c < n; c++)
        {
          g_autoptr(GPtrArray) column = overview_column (measure, koers_roadmap_get_phase (roadmap, first + c),
                                                         width, height, OVERVIEW_MAX_SIZE);
          size = MIN (size, smallest_size (column));
        }
      for (guint c = 0; c < n; c++)
        {
          const KoersRoadmapPhase *phase = koers_roadmap_get_phase (roadmap, first + c);

          _koers_deck_add_box (slide, KOERS_BOX_TEXT, MARGIN + c * (width + gap), BODY_Y, width, height,
                               overview_column (measure, phase, width, height, size));
        }
    }
}

static GPtrArray *
item_paras (const KoersRoadmapItem *item,
            gboolean                first)
{
  GPtrArray *group = _koers_deck_paras_new ();
  g_autoptr(GString) meta = g_string_new (NULL);
  KoersDeckPara *para;

  para = _koers_deck_add_para (group, first ? 0 : 28, NULL, 0, FALSE, KOERS_INK_TEXT);
  /* Done and skipped say so in words, as in every other export. */
  if (item->status != KOERS_STATUS_TODO)
    {
      g_autofree char *word = g_strdup_printf ("%s: ", status_word (item->status));
      _koers_deck_para_add (para, word, PHASE_ITEM_SIZE, TRUE, KOERS_INK_MUTED);
    }
  _koers_deck_para_add (para, item->title, PHASE_ITEM_SIZE, TRUE, KOERS_INK_TEXT);

  if (item->why != NULL && item->why[0] != '\0')
    _koers_deck_add_para (group, 4, item->why, PHASE_TEXT_SIZE, FALSE, KOERS_INK_TEXT);

  /* TRANSLATORS: on a deck slide, the fields of a roadmap item are joined with " · " */
  g_string_append_printf (meta, _("Status: %s"), status_word (item->status));
  if (item->owner != NULL && item->owner[0] != '\0')
    {
      g_string_append (meta, " · ");
      g_string_append_printf (meta, _("Owner: %s"), item->owner);
    }
  if (item->due != NULL && item->due[0] != '\0')
    {
      g_string_append (meta, " · ");
      g_string_append_printf (meta, _("Due: %s"), item->due);
    }
  if (item->role != NULL && item->role[0] != '\0')
    {
      g_string_append (meta, " · ");
      g_string_append_printf (meta, _("Role: %s"), koers_roadmap_role_get_label (item->role));
    }
  _koers_deck_add_para (group, 4, meta->str, PHASE_TEXT_SIZE, FALSE, KOERS_INK_MUTED);
  return group;
}

void
_koers_deck_add_phase_slides (KoersDeck               *self,
                  KoersDeckMeasure        *measure,
                  const KoersRoadmapPhase *phase)
{
  ListSlides list = { self, measure, KOERS_DECK_SLIDE_PHASE, phase_heading (phase), _koers_deck_paras_new (), 0, NULL, 0 };
  KoersDeckPara *para = _koers_deck_add_para (list.header, 0, NULL, 0, FALSE, KOERS_INK_TEXT);
  const double header_width = CONTENT_WIDTH;
  double header_height;

  if (phase->period != NULL)
    _koers_deck_para_add (para, phase->period, 28, TRUE, KOERS_INK_TEXT);
  if (phase->done != NULL && phase->done[0] != '\0')
    {
      g_autofree char *done = g_strdup_printf (_("Done when: %s"), phase->done);
      if (phase->period != NULL)
        _koers_deck_para_add (para, " · ", 28, TRUE, KOERS_INK_TEXT);
      _koers_deck_para_add (para, done, 28, FALSE, KOERS_INK_TEXT);
    }
  if (para->runs->len == 0)
    _koers_deck_para_add (para, phase->title, 28, TRUE, KOERS_INK_TEXT);
  if (!_koers_deck_shrink_to_fit (measure, list.header, header_width, 140, PHASE_TEXT_SIZE))
    {
      KoersDeckRun *run = g_ptr_array_index (para->runs, para->runs->len - 1);
      char *old = run->text;

      run->text = _koers_deck_shorten (measure, old, run->size, header_width - 200,
                                       (140 - 2 * KOERS_DECK_INSET_Y) * 0.8);
      g_free (old);
    }
  header_height = _koers_deck_measure_paras (measure, list.header, header_width) / 0.85
                  + 2 * KOERS_DECK_INSET_Y;
  list.body_y = BODY_Y + ceil (MIN (header_height, 140));

  for (guint i = 0; i < phase->items->len; i++)
    list_add (&list, item_paras (g_ptr_array_index (phase->items, i), list.body == NULL));
  if (phase->items->len == 0)
    {
      GPtrArray *group = _koers_deck_paras_new ();
      _koers_deck_add_para (group, 0, _("Nothing to do in this phase."), PHASE_ITEM_SIZE, FALSE, KOERS_INK_TEXT);
      list_add (&list, group);
    }
  list_flush (&list);
  list_clear (&list);
}


static const char *
progress_stage_name (KoersModel *model,
                     const char *stage_id)
{
  const KoersStage *stage = stage_id ? koers_model_find_stage (model, stage_id) : NULL;

  return stage ? stage->name : C_("progress", "not placed");
}

void
_koers_deck_add_progress_slides (KoersDeck                  *self,
                                 KoersDeckMeasure           *measure,
                                 const KoersProgressSummary *summary)
{
  g_autofree char *day = koers_format_iso_day (summary->closed);
  /* TRANSLATORS: a deck slide's title; %s is the day the last round closed */
  ListSlides list = { self, measure, KOERS_DECK_SLIDE_PROGRESS, g_strdup_printf (_("Progress since %s"), day),
                      NULL, BODY_Y, NULL, 0 };
  GPtrArray *group = _koers_deck_paras_new ();

  /* TRANSLATORS: heading on the deck's progress slide: each model's Now then and now */
  _koers_deck_add_para (group, 0, C_("progress", "Now, then → now"), PHASE_TEXT_SIZE + 4, TRUE, KOERS_INK_MUTED);
  list_add (&list, group);
  for (guint m = 0; m < summary->models->len; m++)
    {
      const KoersProgressModel *row = &g_array_index (summary->models, KoersProgressModel, m);
      KoersDeckPara *para;

      group = _koers_deck_paras_new ();
      para = _koers_deck_add_para (group, 16, NULL, 0, FALSE, KOERS_INK_TEXT);
      _koers_deck_para_add (para, koers_model_get_name (row->model), PHASE_ITEM_SIZE, FALSE, KOERS_INK_MUTED);
      _koers_deck_para_add (para, ": ", PHASE_ITEM_SIZE, FALSE, KOERS_INK_MUTED);
      if (g_strcmp0 (row->then, row->now) == 0)
        {
          g_autofree char *same = g_strdup_printf (C_("progress", "%s (unchanged)"),
                                                   progress_stage_name (row->model, row->now));
          _koers_deck_para_add (para, same, PHASE_ITEM_SIZE, TRUE, KOERS_INK_TEXT);
        }
      else
        {
          _koers_deck_para_add (para, progress_stage_name (row->model, row->then), PHASE_ITEM_SIZE, TRUE,
                                KOERS_INK_TEXT);
          _koers_deck_para_add (para, " → ", PHASE_ITEM_SIZE, TRUE, KOERS_INK_TEXT);
          _koers_deck_para_add (para, progress_stage_name (row->model, row->now), PHASE_ITEM_SIZE, TRUE,
                                KOERS_INK_NOW);
        }
      list_add (&list, group);
    }

  group = _koers_deck_paras_new ();
  _koers_deck_add_para (group, 40, C_("progress", "Done since the last round"), PHASE_TEXT_SIZE + 4, TRUE,
                        KOERS_INK_MUTED);
  if (summary->done->len == 0)
    _koers_deck_add_para (group, 16, C_("progress", "No roadmap items done since then."), PHASE_ITEM_SIZE, FALSE,
                          KOERS_INK_TEXT);
  /* The heading keeps its first item with it on the same slide. */
  for (guint i = 0; i < summary->done->len; i++)
    {
      g_autofree char *line = g_strdup_printf ("✓ %s", (const char *) g_ptr_array_index (summary->done, i));

      _koers_deck_add_para (group, 16, line, PHASE_ITEM_SIZE, FALSE, KOERS_INK_TEXT);
      list_add (&list, group);
      group = _koers_deck_paras_new ();
    }
  if (group->len > 0)
    list_add (&list, group);
  else
    g_ptr_array_unref (group);
  /* A few models and items on one slide: larger, read from the back row. */
  if (list.n_slides == 0 && list.body != NULL)
    grow_to_fit (measure, list.body, CONTENT_WIDTH, BODY_BOTTOM - list.body_y, 40);
  list_flush (&list);
  list_clear (&list);
}
