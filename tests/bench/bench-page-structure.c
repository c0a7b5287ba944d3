/* bench-page-structure.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A benchmark, not a test: it prints figures and asserts nothing.
 *
 * Page structure (issue 15): the question page was a GtkTextView inside a
 * box inside a scrolled window. A text view that is not itself scrollable
 * lays out all its lines when it is allocated, and draws all of them at
 * every frame, so the steps after a question's first frame were long.
 * This measures, for every bundled answer rendered whole, three
 * structures with the same header (title and short answer labels):
 *
 *   - in a box: header and text view in a box in a scrolled window (as it was);
 *   - scrollable: one scrollable text view, the header anchored at its top;
 *   - page layout: PrepPageLayout, the header above a text view that
 *     scrolls itself, the page scrolling as one (as it is now).
 *
 * For each: the time from showing the page to its first painted frame, and
 * the longest main-loop step in the 300 ms after it. */

#include "config.h"

#include <adwaita.h>

#include "bench-utils.h"
#include "prep-library.h"
#include "prep-page-layout.h"
#include "prep-question.h"
#include "prep-renderer.h"

#define HEADER_WIDTH 900

enum {
  STRUCTURE_IN_A_BOX,
  STRUCTURE_SCROLLABLE,
  STRUCTURE_PAGE_LAYOUT,
  N_STRUCTURES
};

static const char *structure_names[] = { "in a box", "scrollable", "page layout" };

static GtkWidget *
header_new (PrepQuestion *question)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  const char *texts[] = { prep_question_get_title (question), prep_question_get_short_answer (question) };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GtkWidget *label = gtk_label_new (texts[i]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 20);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      if (i == 0)
        gtk_widget_add_css_class (label, "title-2");
      gtk_box_append (GTK_BOX (box), label);
    }

  return box;
}

static void
show_page (GtkWidget    *window,
           PrepRenderer *renderer,
           PrepQuestion *question,
           guint         structure,
           double       *frame_ms,
           double       *step_ms)
{
  gint64 begin = g_get_monotonic_time ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter iter;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);

  if (structure == STRUCTURE_PAGE_LAYOUT)
    {
      GtkWidget *page = prep_page_layout_new ();

      g_object_set (page, "maximum-size", 760, "tightening-threshold", 560, "spacing", 18, NULL);
      prep_page_layout_set_header (PREP_PAGE_LAYOUT (page), header_new (question));
      prep_page_layout_set_body (PREP_PAGE_LAYOUT (page), view);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), page);
    }
  else if (structure == STRUCTURE_SCROLLABLE)
    {
      GtkWidget *header = header_new (question);
      GtkTextChildAnchor *anchor;

      gtk_text_buffer_get_start_iter (buffer, &iter);
      anchor = gtk_text_buffer_create_child_anchor (buffer, &iter);
      gtk_text_buffer_insert (buffer, &iter, "\n", 1);
      gtk_widget_set_size_request (header, HEADER_WIDTH, -1);
      gtk_text_view_add_child_at_anchor (GTK_TEXT_VIEW (view), header, anchor);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
    }
  else
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

      gtk_box_append (GTK_BOX (box), header_new (question));
      gtk_box_append (GTK_BOX (box), view);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
    }

  gtk_text_buffer_get_end_iter (buffer, &iter);
  prep_renderer_render (renderer, buffer, &iter, prep_question_get_detailed_answer (question), -1);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  prep_bench_wait_for_paint (window);
  *frame_ms = (g_get_monotonic_time () - begin) / 1000.0;
  *step_ms = prep_bench_iterate_for (300);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PrepLibrary) library = NULL;
  g_autoptr(PrepRenderer) renderer = NULL;
  GListModel *questions;
  GtkWidget *window;
  guint n;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("page structure: skipped, no display (run under xvfb-run)\n");
      return EXIT_SUCCESS;
    }

  adw_init ();
  prep_bench_register_content ();
  library = prep_library_new ("zh_TW");
  if (!prep_library_load_resources (library, NULL, NULL))
    return EXIT_FAILURE;
  questions = prep_library_get_questions (library);
  n = g_list_model_get_n_items (questions);
  renderer = prep_renderer_new ();

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  prep_bench_wait_for_paint (window);

  g_print ("page structure, every bundled answer rendered whole (1000×700):\n");
  for (guint pass = 0; pass <= N_STRUCTURES; pass++)
    {
      g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) step_ms = g_array_new (FALSE, FALSE, sizeof (double));
      guint structure = pass == 0 ? STRUCTURE_IN_A_BOX : pass - 1;

      /* The first pass warms the font caches for all. */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);
          double frame, step;

          show_page (window, renderer, question, structure, &frame, &step);
          g_array_append_val (frame_ms, frame);
          g_array_append_val (step_ms, step);
        }

      if (pass > 0)
        g_print ("  %-12s first frame median %6.1f ms, worst %6.1f; longest step after it median %6.1f ms, worst %6.1f\n",
                 structure_names[structure], prep_bench_median (frame_ms), prep_bench_worst (frame_ms),
                 prep_bench_median (step_ms), prep_bench_worst (step_ms));
    }

  gtk_window_destroy (GTK_WINDOW (window));

  return EXIT_SUCCESS;
}
