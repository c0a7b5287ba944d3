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
 *    bare AdwApplicationWindow, alternately, and measures from spawn to the
 *    window's first painted frame. Both children are the same binary, so
 *    they pay the same dynamic linking; the ratio is what the app adds.
 */

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "prep-application.h"
#include "bench-utils.h"
#include "prep-library.h"

#define LOAD_RUNS  200
#define FRAME_RUNS 15

static gint64 spawn_time;

static void
after_paint_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  g_print ("%.3f\n", (g_get_monotonic_time () - spawn_time) / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  g_application_quit (app);
}

static void
window_realize_cb (GtkWidget    *window,
                   GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), app);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), app);
}

static void
bare_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_child (const char *mode)
{
  g_autoptr(GtkApplication) app = NULL;
  char *argv[] = { (char *) "llm-prep", NULL };

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

static double
time_child (const char *self,
            const char *mode)
{
  g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  const char *argv[] = { self, "--child", mode, start, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("child %s failed: %s", mode, error->message);

  return g_ascii_strtod (out, NULL);
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

static void
bench_first_frame (const char *self)
{
  static const char *modes[] = { "bare", "app", "restored" };
  static const char *labels[] = {
    "bare AdwApplicationWindow (reference)",
    "LLM Prep, first start",
    "LLM Prep, last question restored",
  };
  GArray *times[G_N_ELEMENTS (modes)];
  double reference = 0;

  /* One warm-up each, so that none pays for a cold page cache; then the
   * modes alternate, so that machine noise hits them alike. */
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      times[m] = g_array_new (FALSE, FALSE, sizeof (double));
      time_child (self, modes[m]);
    }

  for (guint run = 0; run < FRAME_RUNS; run++)
    for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
      {
        double ms = time_child (self, modes[m]);
        g_array_append_val (times[m], ms);
      }

  g_print ("time to first frame, spawn to first painted frame, median of %d runs:\n", FRAME_RUNS);
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      double ms = prep_bench_median (times[m]);

      if (m == 0)
        reference = ms;
      /* Issue 15: a fresh start within 15 % of the reference, a restored
       * one (the last question shown again) within 25 %. */
      g_print ("  %-40s %7.1f ms  %5.2f x%s\n", labels[m], ms, ms / reference,
               m == 0 ? "" : m == 1 ? "  (target <= 1.15 x)" : "  (target <= 1.25 x)");
      g_array_unref (times[m]);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    {
      spawn_time = g_ascii_strtoll (argv[3], NULL, 10);
      return run_child (argv[2]);
    }

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  bench_content_load ();
  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    bench_first_frame (argv[0]);
  else
    g_print ("time to first frame: skipped, no display (run under xvfb-run)\n");

  return EXIT_SUCCESS;
}
