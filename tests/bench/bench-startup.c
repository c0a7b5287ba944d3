/* bench-startup.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A benchmark, not a test: it prints figures and asserts nothing.
 *
 * 1. Content load: building the library from the GResource, next to a
 *    bare json-glib parse of the same files (the floor any loader pays).
 * 2. Time to first frame: this program re-runs itself as the app and as a
 *    bare AdwApplicationWindow with a header bar and a text view (the
 *    reference), alternately, and measures from spawn to the window's first
 *    painted frame. Both children are the same binary, so they pay the same
 *    dynamic linking; the ratio is what the app adds. In the first runs the
 *    child then measures the longest main-loop iteration in the two seconds
 *    after that frame (work that blocks input), and its resident memory.
 * 3. With --scale N (opt-in, slow): the same for the app with the bundled
 *    content N times over, registered over the bundled resource.
 */

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "prep-application.h"
#include "bench-utils.h"
#include "prep-test-files.h"
#include "prep-library.h"

#define LOAD_RUNS  200
#define FRAME_RUNS 15
#define IDLE_RUNS  5
#define IDLE_MS    2000

static gint64 spawn_time;
static gboolean measure_idle;
static double first_frame_ms;

/* The longest main-loop iteration in the IDLE_MS after the first frame. */
static gboolean
measure_idle_cb (gpointer data)
{
  GApplication *app = data;
  /* BENCH_IDLE_MS: a longer window, e.g. for valgrind. */
  guint window = g_getenv ("BENCH_IDLE_MS") ? (guint) g_ascii_strtoull (g_getenv ("BENCH_IDLE_MS"), NULL, 10) : IDLE_MS;
  double longest = prep_bench_iterate_for (window);

  g_print ("%.3f %.3f %" G_GUINT64_FORMAT "\n", first_frame_ms, longest, prep_bench_rss_kib ());
  g_application_quit (app);

  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  first_frame_ms = (g_get_monotonic_time () - spawn_time) / 1000.0;
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  if (measure_idle)
    g_idle_add_full (G_PRIORITY_HIGH, measure_idle_cb, app, NULL);
  else
    {
      g_print ("%.3f 0 %" G_GUINT64_FORMAT "\n", first_frame_ms, prep_bench_rss_kib ());
      g_application_quit (app);
    }
}

/* BENCH_TRACE: when each frame is drawn, and when the icon theme changes
 * (it had every widget styled, laid out and drawn again after the first
 * frame, issue 15), beside the long main-loop steps. */
static void
trace_cb (GObject    *object,
          const char *what)
{
  g_printerr ("%s at %.6f s\n", what, g_get_monotonic_time () / 1e6);
}

static void
window_realize_cb (GtkWidget    *window,
                   GApplication *app)
{
  if (g_getenv ("BENCH_TRACE"))
    g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                      G_CALLBACK (trace_cb), (gpointer) "frame drawn");
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), app);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), app);
  if (g_getenv ("BENCH_TRACE"))
    g_signal_connect (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window))),
                      "changed", G_CALLBACK (trace_cb), (gpointer) "icon theme changed");
}

static void
bare_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), gtk_text_view_new ());
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_child (const char *mode)
{
  g_autoptr(GtkApplication) app = NULL;
  char *argv[] = { (char *) "llm-prep", NULL };

  prep_bench_register_content ();

  if (g_str_equal (mode, "restored"))
    {
      /* A returning user: the last question (of the largest category,
       * 20 questions) is opened and its category expanded. */
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_settings_set_string (settings, "last-question", "self-attention");
    }

  if (!g_str_equal (mode, "bare"))
    app = GTK_APPLICATION (prep_application_new (G_APPLICATION_NON_UNIQUE));
  else
    {
      app = GTK_APPLICATION (adw_application_new ("io.github.llmprep.Bench", G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
    }

  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}

typedef struct
{
  double  frame_ms;
  double  idle_ms;   /* longest iteration after the frame, 0 if not measured */
  guint64 rss_kib;
} ChildResult;

static ChildResult
time_child (const char *self,
            const char *mode,
            const char *content,
            gboolean    idle)
{
  g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  const char *argv[] = { self, "--child", mode, start, idle ? "idle" : "frame", NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "BENCH_CONTENT_RESOURCE", content ? content : "", TRUE);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  ChildResult result = { 0, };
  char *end;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("child %s failed: %s", mode, error->message);

  result.frame_ms = g_ascii_strtod (out, &end);
  result.idle_ms = g_ascii_strtod (end, &end);
  result.rss_kib = g_ascii_strtoull (end, NULL, 10);

  return result;
}

static void
bench_content_load (void)
{
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) parses = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) files = prep_library_list_resource_files (PREP_CONTENT_RESOURCE_PATH, NULL);
  double load, parse;
  gsize bytes = 0;

  for (guint i = 0; files[i]; i++)
    {
      g_autoptr(GBytes) data = g_resources_lookup_data (files[i], 0, NULL);
      bytes += g_bytes_get_size (data);
    }

  for (guint run = 0; run < LOAD_RUNS; run++)
    {
      gint64 begin = g_get_monotonic_time ();
      g_autoptr(PrepLibrary) library = prep_library_new ("zh_TW");
      double ms;

      if (!prep_library_load_resources (library, NULL, NULL))
        g_error ("the bundled content does not load");
      ms = (g_get_monotonic_time () - begin) / 1000.0;
      g_array_append_val (loads, ms);

      begin = g_get_monotonic_time ();
      for (guint i = 0; files[i]; i++)
        {
          g_autoptr(GBytes) data = g_resources_lookup_data (files[i], 0, NULL);
          g_autoptr(JsonParser) parser = json_parser_new_immutable ();

          json_parser_load_from_data (parser, g_bytes_get_data (data, NULL), g_bytes_get_size (data), NULL);
        }
      ms = (g_get_monotonic_time () - begin) / 1000.0;
      g_array_append_val (parses, ms);
    }

  load = prep_bench_median (loads);
  parse = prep_bench_median (parses);
  g_print ("content load (%u questions, %" G_GSIZE_FORMAT " KiB of question JSON), median of %d runs:\n",
           51, bytes / 1024, LOAD_RUNS);
  g_print ("  library load:        %8.3f ms  (target <= 10 ms)\n", load);
  g_print ("  bare json-glib parse: %7.3f ms  (reference)\n", parse);
  g_print ("  ratio:               %8.2f x\n", load / parse);
}

typedef struct
{
  const char *mode;
  const char *label;
  const char *target;
  gboolean    scaled;
  GArray     *frames;
  GArray     *idles;
  GArray     *rss;
} Row;

static void
bench_first_frame (const char *self,
                   guint       scale)
{
  Row rows[] = {
    { "bare", "bare window + header bar + text view", "reference", FALSE },
    { "app", "LLM Prep, first start", "target <= 1.15 x", FALSE },
    { "restored", "LLM Prep, last question restored", "target <= 1.25 x", FALSE },
    { "app", NULL, "within 10 % of 1 x", TRUE },
    { "restored", NULL, "within 10 % of 1 x", TRUE },
  };
  guint n_rows = scale > 1 ? G_N_ELEMENTS (rows) : 3;
  g_autofree char *tmp = NULL;
  g_autofree char *content = NULL;
  double reference = 0;

  if (scale > 1)
    {
      g_autoptr(GError) error = NULL;
      gint64 begin = g_get_monotonic_time ();

      if (!(tmp = g_dir_make_tmp ("bench-startup-XXXXXX", &error)) ||
          !(content = prep_bench_write_scaled_content (scale, tmp, &error)))
        g_error ("scaled content: %s", error->message);
      g_print ("content %u times over written in %.1f s\n", scale,
               (g_get_monotonic_time () - begin) / 1e6);
      rows[3].label = g_strdup_printf ("  - first start, content %u x", scale);
      rows[4].label = g_strdup_printf ("  - restored, content %u x", scale);
    }

  /* One warm-up each, so that none pays for a cold page cache; then the
   * modes alternate, so that machine noise hits them alike. */
  for (guint m = 0; m < n_rows; m++)
    {
      rows[m].frames = g_array_new (FALSE, FALSE, sizeof (double));
      rows[m].idles = g_array_new (FALSE, FALSE, sizeof (double));
      rows[m].rss = g_array_new (FALSE, FALSE, sizeof (double));
      time_child (self, rows[m].mode, rows[m].scaled ? content : NULL, FALSE);
    }

  for (guint run = 0; run < FRAME_RUNS; run++)
    for (guint m = 0; m < n_rows; m++)
      {
        ChildResult result = time_child (self, rows[m].mode, rows[m].scaled ? content : NULL,
                                         run < IDLE_RUNS);
        double rss = result.rss_kib / 1024.0;

        g_array_append_val (rows[m].frames, result.frame_ms);
        g_array_append_val (rows[m].rss, rss);
        if (run < IDLE_RUNS)
          g_array_append_val (rows[m].idles, result.idle_ms);
      }

  g_print ("time to first frame, spawn to first painted frame, median of %d runs;\n"
           "longest main-loop step in the %d ms after it, median and worst of %d runs (target <= 16 ms);\n"
           "resident memory after it:\n", FRAME_RUNS, IDLE_MS, IDLE_RUNS);
  for (guint m = 0; m < n_rows; m++)
    {
      double ms = prep_bench_median (rows[m].frames);
      double idle = prep_bench_median (rows[m].idles);
      double worst = g_array_index (rows[m].idles, double, rows[m].idles->len - 1);
      double base = m >= 3 ? g_array_index (rows[m - 2].frames, double, FRAME_RUNS / 2) : reference;

      if (m == 0)
        reference = base = ms;
      /* Issue 15: a fresh start within 15 % of the reference, a restored
       * one (the last question shown again) within 25 %; with more content,
       * within 10 % of the same start with the bundled content. */
      g_print ("  %-40s %7.1f ms  %5.2f x  (%s)   step %5.1f / %5.1f ms   %6.1f MiB\n",
               rows[m].label, ms, ms / base, rows[m].target, idle, worst, prep_bench_median (rows[m].rss));
    }
  for (guint m = 0; m < n_rows; m++)
    {
      g_array_unref (rows[m].frames);
      g_array_unref (rows[m].idles);
      g_array_unref (rows[m].rss);
    }

  if (scale > 1)
    {
      prep_test_remove_tree (tmp);
      g_free ((char *) rows[3].label);
      g_free ((char *) rows[4].label);
    }
}

int
main (int   argc,
      char *argv[])
{
  guint scale = 1;

  if (argc == 5 && g_str_equal (argv[1], "--child"))
    {
      spawn_time = g_ascii_strtoll (argv[3], NULL, 10);
      measure_idle = g_str_equal (argv[4], "idle");
      return run_child (argv[2]);
    }

  if (argc == 3 && g_str_equal (argv[1], "--scale"))
    scale = CLAMP (atoi (argv[2]), 1, 1000);

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  bench_content_load ();
  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    bench_first_frame (argv[0], scale);
  else
    g_print ("time to first frame: skipped, no display (run under xvfb-run)\n");

  return EXIT_SUCCESS;
}
