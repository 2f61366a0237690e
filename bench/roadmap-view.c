/* roadmap-view.c: how long the window stalls on an edit, Roadmap shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens two real windows (run it under Xvfb) on two copies of one large
 * project: the smallest roadmap of at least ITEMS items (50 by default) the
 * built-in rules make for an organisation taken to the top of every model,
 * plus ORPHANS annotations recorded on items the roadmap does not have
 * (2,000 by default, as bench/make-annotations.py writes them). One
 * window shows the Roadmap page, the other never does: that one is the
 * baseline, the same edit in the same run.
 *
 * Each edit is made on both windows in turn: Now moves to another stage,
 * an item's status changes, a letter is typed into an item's Owner field.
 * What the main thread does for it is timed in two blocks, as a user
 * feels them: the edit itself (the signal handlers it runs), then the
 * next frame, from the frame clock's ::before-paint to its ::after-paint
 * (layout, snapshot and render). The longest block is the stall; the
 * target is under 16 ms, one frame at 60 Hz. Last, the baseline window
 * shows its Roadmap page for the first time: the switch and its frame,
 * in which the page, its rows and its list of orphans are made.
 *
 *   GDK_DEBUG=gl-disable xvfb-run -a -s '-screen 0 1280x800x24' \
 *     _build/bench/bench-roadmap-view [ORPHANS [EDITS [ITEMS]]]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "koers-history.h"
#include "koers-item-row.h"
#include "koers-session.h"
#include "koers-window.h"
#include "bench-util.h"

#define WARMUP 3

typedef struct
{
  KoersWindow  *window;
  KoersHistory *history;
  guint         n_painted;
  double        frame_start;
  double        frame_ms;     /* the longest frame since it was reset */
} Side;

static double
median (double *samples,
        int     n)
{
  qsort (samples, n, sizeof (double), compare_doubles);
  return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Side          *side)
{
  side->frame_start = now_ms ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Side          *side)
{
  side->frame_ms = MAX (side->frame_ms, now_ms () - side->frame_start);
  side->n_painted++;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @side has painted a frame after the edit (or
 * nothing asked for one within 100 ms) and nothing is pending. */
static void
settle (Side *side)
{
  guint painted = side->n_painted;
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (100, timeout_cb, &timed_out);

  while (side->n_painted == painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static KoersProject *
project_to_the_top (const char *kind,
                    const char *staff,
                    const char *fte)
{
  KoersCatalog *catalog = koers_catalog_get_builtin ();
  KoersProject *project = koers_project_new (NULL);

  koers_project_set_field (project, KOERS_FIELD_ORGANISATION_NAME, NULL, "Bench", NULL);
  koers_project_set_field (project, KOERS_FIELD_ORGANISATION_KIND, NULL, kind, NULL);
  koers_project_set_field (project, KOERS_FIELD_ORGANISATION_STAFF, NULL, staff, NULL);
  koers_project_set_field (project, KOERS_FIELD_ORGANISATION_CAPACITY, NULL, fte, NULL);
  for (guint m = 0; m < koers_catalog_get_n_models (catalog); m++)
    {
      KoersModel *model = koers_catalog_get_model (catalog, m);

      koers_project_place (project, koers_model_get_id (model), KOERS_MARKER_TARGET,
                           koers_model_get_stage (model, koers_model_get_n_stages (model) - 1)->id, NULL);
    }
  return project;
}

/* The organisation whose roadmap has the fewest items from @n_items up,
 * with @orphans annotations on items it does not have. */
static KoersProject *
large_project (guint n_items,
               guint orphans)
{
  static const char * const kinds[] = { "municipality", "company", "charity", "small-business", "other" };
  static const char * const staff[] = { "20", "300", "12000" };
  static const char * const fte[] = { "1", "2", "8" };
  KoersProject *best = NULL;
  guint n_best = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint s = 0; s < G_N_ELEMENTS (staff); s++)
      for (guint f = 0; f < G_N_ELEMENTS (fte); f++)
        {
          g_autoptr(KoersProject) project = project_to_the_top (kinds[k], staff[s], fte[f]);
          g_autoptr(KoersRoadmap) roadmap = koers_roadmap_build (project, NULL);

          guint n = koers_roadmap_get_n_items (roadmap);

          if (best == NULL || (n >= n_items && (n_best < n_items || n < n_best)) ||
              (n_best < n_items && n > n_best))
            {
              n_best = n;
              g_clear_object (&best);
              best = g_steal_pointer (&project);
            }
        }

  for (guint i = 0; i < orphans; i++)
    {
      g_autofree char *id = g_strdup_printf ("item-%06u", i);
      g_autofree char *owner = g_strdup_printf ("Team %u", i % 17);
      g_autofree char *note = g_strdup_printf ("Annotation %u for the benchmark", i);

      koers_project_set_field (best, KOERS_FIELD_ITEM_OWNER, id, owner, NULL);
      koers_project_set_field (best, KOERS_FIELD_ITEM_NOTE, id, note, NULL);
    }
  return best;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The Owner field of the row of @item_id: the first entry row inside. */
static GtkEditable *
owner_field (KoersWindow *window,
             const char  *item_id)
{
  GtkWidget *view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), KOERS_TYPE_WINDOW,
                                                               "roadmap_view"));
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, view);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (ADW_IS_EXPANDER_ROW (widget) &&
          g_strcmp0 (gtk_widget_get_name (widget), item_id) == 0)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
          return GTK_EDITABLE (find_widget (widget, ADW_TYPE_ENTRY_ROW));
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  return NULL;
}

static void
open_side (Side         *side,
           KoersProject *project,
           const char   *view)
{
  g_autoptr(KoersDocument) document = koers_document_new (project, NULL, koers_session_get_drafts ());
  GdkFrameClock *clock;

  side->window = koers_window_new (NULL, document);
  side->history = koers_document_get_history (document);
  gtk_window_set_default_size (GTK_WINDOW (side->window), 1100, 760);
  koers_window_set_view (side->window, view);
  gtk_window_present (GTK_WINDOW (side->window));
  while (gtk_widget_get_width (GTK_WIDGET (side->window)) <= 0)
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (side->window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), side);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), side);
  for (int i = 0; i < 20; i++)
    settle (side);
}

typedef enum { EDIT_MOVE_NOW, EDIT_STATUS, EDIT_TYPE, N_EDITS } Edit;

static const char * const edit_names[] = { "move Now", "change a status", "type in Owner" };

/* Makes edit @kind number @i on @side; returns the edit's own block. */
static double
edit (Side       *side,
      Edit        kind,
      guint       i,
      const char *item_id,
      GtkEditable *owner)
{
  static const char * const statuses[] = { "doing", "done", "todo" };
  double t0;

  t0 = now_ms ();
  switch (kind)
    {
    case EDIT_MOVE_NOW:
      {
        KoersModel *model = koers_catalog_lookup (koers_catalog_get_builtin (), "pyramid");

        if (!koers_history_place (side->history, "pyramid", KOERS_MARKER_CURRENT,
                                  koers_model_get_stage (model, i % 2)->id, NULL))
          g_error ("Now did not move");
      }
      break;
    case EDIT_STATUS:
      if (!koers_history_set (side->history, KOERS_FIELD_ITEM_STATUS, item_id, statuses[i % 3], NULL))
        g_error ("The status did not change");
      break;
    case EDIT_TYPE:
      {
        g_autofree char *text = g_strdup_printf ("%s%c", gtk_editable_get_text (owner), 'a' + i % 26);

        gtk_editable_set_text (owner, text);
      }
      break;
    case N_EDITS:
    default:
      g_assert_not_reached ();
    }
  return now_ms () - t0;
}

int
main (int   argc,
      char *argv[])
{
  guint orphans = argc > 1 ? (guint) atoi (argv[1]) : 2000;
  int edits = argc > 2 ? atoi (argv[2]) : 21;
  guint n_items = argc > 3 ? (guint) atoi (argv[3]) : 50;
  g_autofree char *drafts = g_dir_make_tmp ("koers-bench-drafts-XXXXXX", NULL);
  g_autoptr(KoersProject) shown_project = NULL;
  g_autoptr(KoersProject) hidden_project = NULL;
  g_autoptr(KoersRoadmap) roadmap = NULL;
  const KoersRoadmapItem *item;
  Side sides[2] = { { 0 } };
  GtkEditable *owners[2];

  if (edits < 1)
    edits = 1;
  g_setenv ("KOERS_DRAFTS_DIR", drafts, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  adw_init ();

  shown_project = large_project (n_items, orphans);
  hidden_project = large_project (n_items, orphans);
  roadmap = koers_roadmap_build (shown_project, NULL);
  /* An item in phase 1: outside phase 0, in every roadmap of this run. */
  item = g_ptr_array_index (koers_roadmap_get_phase (roadmap, 1)->items, 0);
  printf ("project: %u items in %u phases, %u orphaned annotations\n",
          koers_roadmap_get_n_items (roadmap), koers_roadmap_get_n_phases (roadmap),
          koers_roadmap_get_orphans (roadmap)->len);

  open_side (&sides[0], shown_project, "roadmap");
  open_side (&sides[1], hidden_project, "assess");
  /* The baseline types into a field of its own, outside any window. */
  owners[1] = GTK_EDITABLE (g_object_ref_sink (gtk_entry_new ()));

  printf ("%-16s %-9s %10s %10s %10s %10s\n", "edit", "window", "edit med", "edit max", "frame med",
          "frame max");
  for (Edit kind = 0; kind < N_EDITS; kind++)
    {
      g_autofree double *edit_ms[2] = { g_new (double, edits), g_new (double, edits) };
      g_autofree double *frame_ms[2] = { g_new (double, edits), g_new (double, edits) };
      double worst[2][2] = { { 0 } };

      for (int i = 0; i < WARMUP + edits; i++)
        for (int s = 0; s < 2; s++)
          {
            double e;

            if (s == 0 && kind == EDIT_TYPE)
              {
                /* Found again each time: a rebuilt view has other rows. */
                owners[0] = owner_field (sides[0].window, item->id);
                if (owners[0] == NULL)
                  g_error ("The row of %s is not in the Roadmap view", item->id);
                settle (&sides[0]);
              }
            sides[s].frame_ms = 0;
            e = edit (&sides[s], kind, i, item->id, owners[s]);
            settle (&sides[s]);
            if (i < WARMUP)
              continue;
            edit_ms[s][i - WARMUP] = e;
            frame_ms[s][i - WARMUP] = sides[s].frame_ms;
            worst[s][0] = MAX (worst[s][0], e);
            worst[s][1] = MAX (worst[s][1], sides[s].frame_ms);
          }
      for (int s = 0; s < 2; s++)
        printf ("%-16s %-9s %7.2f ms %7.2f ms %7.2f ms %7.2f ms\n", edit_names[kind],
                s == 0 ? "roadmap" : "baseline", median (edit_ms[s], edits), worst[s][0],
                median (frame_ms[s], edits), worst[s][1]);
    }

  /* The baseline window has never shown its Roadmap page: the first look
   * at it makes the page, its rows and its list of orphans. */
  {
    double t0 = now_ms (), block;

    sides[1].frame_ms = 0;
    koers_window_set_view (sides[1].window, "roadmap");
    block = now_ms () - t0;
    settle (&sides[1]);
    printf ("%-16s %-9s %7.2f ms %10s %7.2f ms\n", "show Roadmap", "first", block, "", sides[1].frame_ms);
  }

  g_object_unref (owners[1]);
  for (int s = 0; s < 2; s++)
    gtk_window_destroy (GTK_WINDOW (sides[s].window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_rmdir (drafts);
  return 0;
}
