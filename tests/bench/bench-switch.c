/* bench-switch.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A benchmark, not a test: it prints figures and asserts nothing.
 *
 * Question switch (issue 15): for every bundled question, the time from
 * opening it in the window (as a click in the sidebar does) to the end of
 * the first frame painted after it, and the longest main-loop iteration in
 * the 300 ms that follow (work that blocks input). The reference, measured
 * in the same run: showing the same detailed answer as plain text in a
 * fresh GtkTextView in a window of the same size, to its first frame. */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "bench-utils.h"
#include "prep-application.h"
#include "prep-library.h"
#include "prep-question.h"
#include "prep-window.h"
#include "prep-window-private.h"

static void
print_row (const char *label,
           GArray     *values,
           double      reference)
{
  double worst = prep_bench_worst (values);

  g_print ("  %-44s median %7.1f ms  worst %7.1f ms", label, prep_bench_median (values), worst);
  if (reference > 0)
    g_print ("   %5.2f x / %5.2f x the reference", prep_bench_median (values) / reference, worst / reference);
  g_print ("\n");
}

/* One switch, to its first frame: for profiling, e.g.
 *   BENCH_LIMIT=10 valgrind --tool=callgrind --toggle-collect=open_and_paint … */
G_GNUC_NO_INLINE static void
open_and_paint (PrepWindow *window,
                const char *id)
{
  prep_window_open_question (window, id);
  prep_bench_wait_for_paint (GTK_WIDGET (window));
}

/* The reference, to its first frame: the answer as plain text in a new
 * text view (--toggle-collect=show_plain for its instructions). */
G_GNUC_NO_INLINE static void
show_plain (GtkWidget  *plain_window,
            const char *answer)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), answer ? answer : "", -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (plain_window), scrolled);
  prep_bench_wait_for_paint (plain_window);
}

static gboolean
run_bench_cb (gpointer data)
{
  GApplication *app = data;
  PrepWindow *window = prep_application_get_main_window (PREP_APPLICATION (app));
  PrepLibrary *library = prep_application_get_library (PREP_APPLICATION (app));
  GListModel *all = prep_library_get_questions (library);
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) switch_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) blocked_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) plain_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *plain_window;
  guint n = g_list_model_get_n_items (all);

  /* BENCH_LIMIT=N: the first N questions only, BENCH_IDS=ID,ID…: these in
   * this order (for profiling); BENCH_VERBOSE: each question's time, the
   * longest step after it, and when it began (monotonic, as perf record
   * -k CLOCK_MONOTONIC has it). */
  if (g_getenv ("BENCH_LIMIT"))
    n = MIN (n, (guint) atoi (g_getenv ("BENCH_LIMIT")));
  if (g_getenv ("BENCH_IDS"))
    {
      g_auto(GStrv) ids = g_strsplit (g_getenv ("BENCH_IDS"), ",", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        if (prep_library_lookup_question (library, ids[i]) != NULL)
          g_ptr_array_add (questions, g_object_ref (prep_library_lookup_question (library, ids[i])));
        else
          g_printerr ("no question %s\n", ids[i]);
    }
  else
    for (guint i = 0; i < n; i++)
      g_ptr_array_add (questions, g_list_model_get_item (all, i));
  n = questions->len;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  prep_bench_wait_for_paint (GTK_WIDGET (window));
  prep_bench_iterate_for (1000);
  /* The content's glyphs are loaded in a thread after start-up, in about
   * 0.2 s here; under valgrind that takes far longer than the second
   * above, and its counts would depend on how far it got. */
  _prep_window_wait_for_glyphs (window);

  for (guint i = 0; i < n; i++)
    {
      PrepQuestion *question = g_ptr_array_index (questions, i);
      gint64 begin = g_get_monotonic_time ();
      double ms;

      open_and_paint (window, prep_question_get_id (question));
      ms = (g_get_monotonic_time () - begin) / 1000.0;
      g_array_append_val (switch_ms, ms);
      ms = prep_bench_iterate_for (300);
      g_array_append_val (blocked_ms, ms);
      if (g_getenv ("BENCH_VERBOSE"))
        g_printerr ("%-44s %6.1f ms, then steps up to %5.1f ms (from %.6f s)\n", prep_question_get_id (question),
                    g_array_index (switch_ms, double, i), ms, begin / 1e6);
    }

  /* The reference: the answer as plain text, in a new text view each time. */
  plain_window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (plain_window), 1000, 700);
  gtk_window_present (GTK_WINDOW (plain_window));
  prep_bench_wait_for_paint (plain_window);

  for (guint i = 0; i < n; i++)
    {
      PrepQuestion *question = g_ptr_array_index (questions, i);
      const char *answer = prep_question_get_detailed_answer (question);
      gint64 begin = g_get_monotonic_time ();
      double ms;

      show_plain (plain_window, answer);
      ms = (g_get_monotonic_time () - begin) / 1000.0;
      g_array_append_val (plain_ms, ms);
    }

  g_print ("question switch over the %u bundled questions (1000×700):\n", n);
  print_row ("reference: answer as plain text, new view", plain_ms, 0);
  print_row ("open the question to its first frame", switch_ms, prep_bench_median (plain_ms));
  print_row ("longest main-loop step in the next 300 ms", blocked_ms, 0);
  g_print ("  targets: switch <= 2 x the reference and <= 50 ms; steps after the frame <= 8 ms\n");

  gtk_window_destroy (GTK_WINDOW (plain_window));
  gtk_window_destroy (GTK_WINDOW (window));

  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  if (PREP_IS_WINDOW (window))
    g_idle_add (run_bench_cb, app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PrepApplication) app = NULL;
  char *args[] = { (char *) "llm-prep", NULL };

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("question switch: skipped, no display (run under xvfb-run)\n");
      return EXIT_SUCCESS;
    }

  app = prep_application_new (G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), 1, args);
}
