/* test-slide-text.c: the slide's texts measured without Pango agree with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout search answers most of its text measurements from each
 * text's one-line shaping instead of laying the text out at every width
 * it tries. Every such answer must be Pango's own: the same lines and
 * the same height, or the slide would change; the width (which only a
 * chip's size depends on, and chips are never predicted) within the
 * kerning at a line's ends. These tests
 * sweep the widths of cards and headings for titles, owner lines and
 * dependency texts like those on real slides, and lay out with Pango
 * each one the prediction answered. The full sweep (finer steps, more
 * sizes) runs under `-m slow`.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "koers-roadmap.h"
#include "koers-slide-private.h"

static const char *texts[] = {
  "Write a content strategy: themes, audiences, aims",
  "Agree who answers what: service, press, HR",
  "Organiseer kennisdelingsbijeenkomsten voor alle klantcontactmedewerkers van de gemeente",
  "Measure what your content does",
  "Meet",
  "Stel een socialemediacommunicatiebeleidsplan op",
  "Phase 2: Listen and set direction, continued",
  "Gemeentelijke Communicatieadviseur Maria van den Heuvel-Schoonhoven\u00a0· due Q3 2027\u00a0· Doing",
  "Maria van der Heijden-Oudshoorn (hoofdverantwoordelijke communicatie)\u00a0· due March 2027\u00a0· Done",
  "\u25c6\u00a0Milestone\u00a0· Maria van der Heijden-Oudshoorn (hoofdverantwoordelijke communicatie)",
  "after: Name a social media manager or small team\nafter: Write response guidelines and a tone of voice",
  "Kies kanalen per doelgroep, en\u00a0daarna de vorm",
  /* Right to left, and both ways in one line. */
  "\u05de\u05e0\u05d4\u05dc \u05ea\u05e7\u05e9\u05d5\u05e8\u05ea \u05e8\u05d0\u05e9\u05d9 \u05e9\u05dc \u05d4\u05e2\u05d9\u05e8\u05d9\u05d9\u05d4",
  "Owner: \u05de\u05e0\u05d4\u05dc \u05ea\u05e7\u05e9\u05d5\u05e8\u05ea, due March 2027",
};

static KoersSlide *
new_slide (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("KOERS_DATA_DIR"), "examples", "woonstichting.koers", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersProject) project = koers_project_load_from_file (koers_catalog_get_builtin (), file, NULL, &error);
  g_autoptr(KoersRoadmap) roadmap = NULL;
  KoersRenderOptions options = { FALSE, KOERS_BACKGROUND_THEME };

  g_assert_no_error (error);
  roadmap = koers_roadmap_build (project, NULL);
  return koers_slide_new (project, roadmap, 1920, 1080, &options, "1 January 2027");
}

/* Pango's lines at @width: where each begins, after the first. */
static GArray *
pango_line_starts (PangoLayout *layout)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (int));
  GSList *lines = pango_layout_get_lines_readonly (layout);

  for (GSList *l = lines ? lines->next : NULL; l != NULL; l = l->next)
    g_array_append_val (starts, ((PangoLayoutLine *) l->data)->start_index);
  return starts;
}

static void
test_predicted_as_pango (void)
{
  g_autoptr(KoersSlide) slide = new_slide ();
  const double sizes_quick[] = { 17.0, 21.0 };
  const double sizes_full[] = { 13.0, 17.0, 21.0, 24.0, 28.0 };
  const double *sizes = g_test_slow () ? sizes_full : sizes_quick;
  guint n_sizes = g_test_slow () ? G_N_ELEMENTS (sizes_full) : G_N_ELEMENTS (sizes_quick);
  double step = g_test_slow () ? 0.37 : 3.1;
  guint asked = 0, predicted = 0;

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint s = 0; s < n_sizes; s++)
      for (int bold = 0; bold < 2; bold++)
        for (double width = 20; width < 900; width += step)
          {
            PangoWeight weight = bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;
            TextSample sample;
            g_autoptr(PangoLayout) layout = NULL;
            g_autoptr(GArray) starts = NULL;
            Rect r;

            asked++;
            if (!_koers_slide_predict_text (slide, texts[t], sizes[s], weight, width, ROLE_META, &sample))
              continue;
            predicted++;
            layout = _koers_slide_make_layout (slide, texts[t], sizes[s], weight, width, PANGO_ALIGN_LEFT, FALSE);
            _koers_slide_layout_logical (layout, &r);
            starts = pango_line_starts (layout);
            /* The lines and so the height are Pango's; the width may
             * differ by the kerning at a line's ends, which a line
             * shaped on its own loses. */
            if (sample.height != r.height || fabs (sample.logical_width - r.width) > sizes[s] / 8 ||
                sample.line_starts->len != starts->len ||
                (starts->len > 0 &&
                 memcmp (sample.line_starts->data, starts->data, starts->len * sizeof (int)) != 0) ||
                sample.broken != 0)
              g_error ("“%s” at %g px, %s, %g px wide: predicted %u lines, %g × %g; Pango %u lines, %g × %g",
                       texts[t], sizes[s], bold ? "bold" : "normal", width,
                       sample.line_starts->len + 1, sample.logical_width, sample.height,
                       starts->len + 1, r.width, r.height);
            _koers_slide_text_sample_clear (&sample);
          }
  g_test_message ("%u of %u measurements predicted", predicted, asked);
  /* Only widths within half a pixel of a break, words broken inside and
   * the texts of two fonts go to Pango: most of the sweep is predicted. */
  g_assert_cmpuint (predicted, >, asked / 2);
}

/* A text Pango must lay out is never predicted: words broken inside, an
 * empty text, a tab, one line of no width, a chip, right to left. */
static void
test_not_predicted (void)
{
  g_autoptr(KoersSlide) slide = new_slide ();
  TextSample sample;

  g_assert_false (_koers_slide_predict_text (slide, "Arbeidsongeschiktheidsverzekeringsmaatschappij", 17, PANGO_WEIGHT_BOLD,
                                             80, ROLE_CARD_TITLE, &sample));
  g_assert_false (_koers_slide_predict_text (slide, "", 17, PANGO_WEIGHT_BOLD, 200, ROLE_CARD_TITLE, &sample));
  g_assert_false (_koers_slide_predict_text (slide, "Owner\tdue", 17, PANGO_WEIGHT_NORMAL, 200, ROLE_META, &sample));
  g_assert_false (_koers_slide_predict_text (slide, "Measure", 17, PANGO_WEIGHT_NORMAL, -1, ROLE_META, &sample));
  g_assert_false (_koers_slide_predict_text (slide, "Webcare", 11, PANGO_WEIGHT_BOLD, 300, ROLE_CHIP, &sample));
  g_assert_false (_koers_slide_predict_text (slide, "\u05de\u05e0\u05d4\u05dc \u05ea\u05e7\u05e9\u05d5\u05e8\u05ea", 17,
                                             PANGO_WEIGHT_NORMAL, 60, ROLE_META, &sample));
  /* And one it may: wide enough for every word, far from a break. */
  g_assert_true (_koers_slide_predict_text (slide, "Measure what your content does", 17, PANGO_WEIGHT_NORMAL, 1000,
                                            ROLE_META, &sample));
  g_assert_cmpuint (sample.line_starts->len, ==, 0);
  _koers_slide_text_sample_clear (&sample);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/slide/text/predicted-as-pango", test_predicted_as_pango);
  g_test_add_func ("/render/slide/text/not-predicted", test_not_predicted);

  return g_test_run ();
}
