/* bench-progress-view.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A benchmark, not a test: it prints figures and asserts nothing.
 *
 * The Progress view (issue 16) over the bundled content 200 times over
 * (10,200 questions) and a review log of 200,000 reviews: the time from
 * showing the view to its first frame; a refresh (every statistic computed
 * again, as after a review) to its frame; and a redraw of the page. The
 * reference, measured in the same run: a redraw of a window of the same
 * size holding one label. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-utils.h"
#include "prep-test-files.h"
#include "prep-application.h"
#include "prep-library.h"
#include "prep-progress-view.h"
#include "prep-question.h"
#include "prep-window.h"

#define SCALE      200
#define N_REVIEWS  200000
#define LOG_DAYS   730
#define RUNS       15
#define TARGET_MS  16.0

/* From @before, which changes what is shown, to the frame that shows it. */
static double
paint_ms (GtkWidget *widget,
          void     (*before) (GtkWidget *widget))
{
  gint64 begin = g_get_monotonic_time ();

  before (widget);
  prep_bench_wait_for_paint (widget);

  return (g_get_monotonic_time () - begin) / 1000.0;
}

static void
nothing (GtkWidget *widget)
{
}

static void
show_progress (GtkWidget *widget)
{
  gtk_widget_activate_action (widget, "win.show-progress", NULL);
}

static void
refresh (GtkWidget *widget)
{
  PrepProgressView *view = g_object_get_data (G_OBJECT (widget), "progress-view");

  prep_progress_view_refresh (view);
}

static void
print_row (const char *label,
           GArray     *values,
           double      reference)
{
  double median = prep_bench_median (values);

  g_print ("  %-44s median %7.2f ms  worst %7.2f ms", label, median,
           g_array_index (values, double, values->len - 1));
  if (reference > 0)
    g_print ("   %5.2f x the reference", median / reference);
  g_print ("\n");
}

static gboolean
run_bench_cb (gpointer data)
{
  GApplication *app = data;
  PrepWindow *window = prep_application_get_main_window (PREP_APPLICATION (app));
  g_autoptr(GArray) refreshes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redraws = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *plain_window;
  PrepProgressView *view;
  double first;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  prep_bench_wait_for_paint (GTK_WIDGET (window));
  first = paint_ms (GTK_WIDGET (window), show_progress);

  view = PREP_PROGRESS_VIEW (prep_bench_find_descendant (GTK_WIDGET (window), PREP_TYPE_PROGRESS_VIEW));
  g_object_set_data (G_OBJECT (window), "progress-view", view);

  /* The frame clock paces frames asked for back to back at the display's
   * rate: each measured frame comes after a pause, so that none waits. */
  for (guint i = 0; i < RUNS; i++)
    {
      double ms;

      prep_bench_iterate_for (50);
      ms = paint_ms (GTK_WIDGET (window), refresh);
      g_array_append_val (refreshes, ms);
      prep_bench_iterate_for (50);
      ms = paint_ms (GTK_WIDGET (window), nothing);
      g_array_append_val (redraws, ms);
    }

  plain_window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (plain_window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (plain_window), gtk_label_new ("Progress"));
  gtk_window_present (GTK_WINDOW (plain_window));
  prep_bench_wait_for_paint (plain_window);
  for (guint i = 0; i < RUNS; i++)
    {
      double ms;

      prep_bench_iterate_for (50);
      ms = paint_ms (plain_window, nothing);
      g_array_append_val (plain, ms);
    }

  g_print ("the Progress view, content %u times over (%u questions), %u reviews, 1000×700:\n",
           SCALE, g_list_model_get_n_items (prep_library_get_questions (prep_application_get_library (PREP_APPLICATION (app)))),
           N_REVIEWS);
  g_print ("  %-44s %7.2f ms\n", "shown to its first frame", first);
  print_row ("reference: redraw of a window with a label", plain, 0);
  print_row ("refresh (statistics again) to its frame", refreshes, prep_bench_median (plain));
  print_row ("redraw of the page", redraws, prep_bench_median (plain));
  g_print ("  target: a redraw <= %.0f ms\n", TARGET_MS);

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

/* A review log over the questions' ids, two years long, as the review
 * store writes it. */
static void
write_reviews (const char *path)
{
  static const char * const kinds[] = { "flashcard", "choice", "interview" };
  g_autoptr(PrepLibrary) library = prep_library_new ("zh_TW");
  g_autoptr(GString) json = g_string_new ("{\"schema_version\": 1, \"log\": [");
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GListModel *questions;
  guint n;

  if (!prep_library_load_resources (library, NULL, &error))
    g_error ("content: %s", error->message);
  questions = prep_library_get_questions (library);
  n = g_list_model_get_n_items (questions);

  for (guint i = 0; i < N_REVIEWS; i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, g_rand_int_range (rand, 0, n));
      gint64 time = now - (gint64) (N_REVIEWS - i) * LOG_DAYS * 86400 / N_REVIEWS;
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
      g_autofree char *stamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

      g_string_append_printf (json, "%s{\"question\": \"%s\", \"time\": \"%s\", \"grade\": %d, "
                              "\"kind\": \"%s\", \"state\": \"review\", \"duration\": %d}",
                              i ? "," : "", prep_question_get_id (question), stamp,
                              g_rand_int_range (rand, 1, 5), kinds[i % 3], g_rand_int_range (rand, 2000, 60000));
    }
  g_string_append (json, "]}");

  if (!g_file_set_contents (path, json->str, json->len, &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PrepApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;
  g_autofree char *content_dir = NULL;
  g_autofree char *config_dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *reviews = NULL;
  char *args[] = { (char *) "llm-prep", NULL };
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("progress view: skipped, no display (run under xvfb-run)\n");
      return EXIT_SUCCESS;
    }

  /* The content, then the log over it, in a configuration of its own. */
  content_dir = g_dir_make_tmp ("bench-progress-view-XXXXXX", NULL);
  if (!(content = prep_bench_write_scaled_content (SCALE, content_dir, &error)))
    g_error ("scaled content: %s", error->message);
  g_setenv ("BENCH_CONTENT_RESOURCE", content, TRUE);
  prep_bench_register_content ();

  config_dir = g_build_filename (content_dir, "config", NULL);
  folder = g_build_filename (config_dir, "llm-prep", NULL);
  g_mkdir_with_parents (folder, 0700);
  reviews = g_build_filename (folder, "reviews.json", NULL);
  write_reviews (reviews);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);

  app = prep_application_new (G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 1, args);

  prep_test_remove_tree (content_dir);

  return status;
}
