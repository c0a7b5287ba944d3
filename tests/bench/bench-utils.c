/* bench-utils.c: shared by the benchmarks.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <time.h>

#include "bench-utils.h"
#include "prep-library.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * prep_bench_median:
 * @values: (element-type double): sorted in place
 *
 * Returns: the median; medians resist the outliers of a busy machine
 */
double
prep_bench_median (GArray *values)
{
  g_return_val_if_fail (values != NULL && values->len > 0, 0);

  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* Every bundled question again @factor - 1 times, with ids and titles
 * made unique, as one category file each. */
static GBytes *
scale_questions (GBytes  *bytes,
                 guint    factor,
                 GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) out = g_string_new ("{\"schema_version\":1,\"questions\":[");
  JsonArray *questions;
  guint n;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;

  questions = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "questions");
  n = json_array_get_length (questions);

  /* Each copy is the original with its id and title changed, written out;
   * json_node_copy() would share the objects. */
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (questions, i);
      JsonObject *question = json_node_get_object (node);
      JsonObject *title = json_object_get_object_member (question, "question");
      g_autofree char *id = g_strdup (json_object_get_string_member (question, "id"));
      g_autoptr(GList) members = json_object_get_members (title);
      g_autoptr(GPtrArray) locales = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

      /* Copied: setting a member frees the name the list points to. */
      for (GList *l = members; l; l = l->next)
        {
          g_ptr_array_add (locales, g_strdup (l->data));
          g_ptr_array_add (titles, g_strdup (json_object_get_string_member (title, l->data)));
        }

      for (guint copy = 1; copy <= factor; copy++)
        {
          g_autofree char *text = NULL;

          if (copy > 1)
            {
              g_autofree char *copy_id = g_strdup_printf ("%s-copy-%u", id, copy);

              json_object_set_string_member (question, "id", copy_id);
              for (guint j = 0; j < locales->len; j++)
                {
                  g_autofree char *copy_title = g_strdup_printf ("%s (%u)", (char *) titles->pdata[j], copy);
                  json_object_set_string_member (title, locales->pdata[j], copy_title);
                }
            }

          text = json_to_string (node, FALSE);
          if (i > 0 || copy > 1)
            g_string_append_c (out, ',');
          g_string_append (out, text);
        }
    }
  g_string_append (out, "]}");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/**
 * prep_bench_write_scaled_content:
 * @factor: how many times the bundled questions are in it
 * @dir: a folder for the files
 *
 * Writes a GResource file that holds the bundled content @factor times
 * over, at the bundled content's own paths: registered after the app's
 * resources, it is what the app loads.
 *
 * Returns: (transfer full): the resource file's path, or %NULL
 */
char *
prep_bench_write_scaled_content (guint        factor,
                                 const char  *dir,
                                 GError     **error)
{
  g_auto(GStrv) files = prep_library_list_resource_files (PREP_CONTENT_RESOURCE_PATH, error);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gresources>\n");
  g_autofree char *xml_path = g_build_filename (dir, "scaled.gresource.xml", NULL);
  g_autofree char *target = g_build_filename (dir, "scaled.gresource", NULL);
  g_autofree char *target_arg = g_strconcat ("--target=", target, NULL);
  g_autofree char *sourcedir_arg = g_strconcat ("--sourcedir=", dir, NULL);
  const char *argv[] = { "glib-compile-resources", target_arg, sourcedir_arg, xml_path, NULL };
  int status;

  g_autoptr(GPtrArray) index_argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *index_path = g_build_filename (dir, "index.gvariant", NULL);

  if (files == NULL)
    return NULL;

  /* The index of the scaled files, by the tool the build uses. */
  g_ptr_array_add (index_argv, g_strdup (CONTENT_INDEX));
  g_ptr_array_add (index_argv, g_strdup ("--prefix=questions/"));
  g_ptr_array_add (index_argv, g_strconcat ("--output=", index_path, NULL));

  g_string_append_printf (xml, "  <gresource prefix=\"%s\">\n", PREP_CONTENT_RESOURCE_PATH);
  g_string_append (xml, "    <file alias=\"index.gvariant\">index.gvariant</file>\n");
  for (guint i = 0; files[i]; i++)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (files[i], 0, error);
      g_autoptr(GBytes) scaled = NULL;
      g_autofree char *base = g_path_get_basename (files[i]);
      g_autofree char *path = g_build_filename (dir, base, NULL);

      if (bytes == NULL || !(scaled = scale_questions (bytes, factor, error)) ||
          !g_file_set_contents (path, g_bytes_get_data (scaled, NULL), g_bytes_get_size (scaled), error))
        return NULL;
      g_string_append_printf (xml, "    <file alias=\"questions/%s\">%s</file>\n", base, base);
      g_ptr_array_add (index_argv, g_steal_pointer (&path));
    }
  g_string_append (xml, "  </gresource>\n</gresources>\n");
  g_ptr_array_add (index_argv, NULL);

  if (!g_spawn_sync (NULL, (char **) index_argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                     &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return NULL;

  if (!g_file_set_contents (xml_path, xml->str, xml->len, error) ||
      !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return NULL;

  return g_steal_pointer (&target);
}

/**
 * prep_bench_register_content:
 *
 * Registers the resource file named by $BENCH_CONTENT_RESOURCE, if any, so
 * that it overrides the bundled content (the last registered resource is
 * looked up first).
 */
void
prep_bench_register_content (void)
{
  const char *path = g_getenv ("BENCH_CONTENT_RESOURCE");
  g_autoptr(GError) error = NULL;
  GResource *resource;

  if (path == NULL || *path == '\0')
    return;

  /* The app's own resources register themselves on the first lookup,
   * ahead of any registered before: look something up first. */
  g_strfreev (g_resources_enumerate_children (PREP_CONTENT_RESOURCE_PATH, 0, NULL));
  if (!(resource = g_resource_load (path, &error)))
    g_error ("%s: %s", path, error->message);
  g_resources_register (resource);
}

/**
 * prep_bench_rss_kib:
 *
 * Returns: this process's resident memory in KiB, 0 if unknown
 */
guint64
prep_bench_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, "VmRSS:")))
    return 0;

  return g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

/**
 * prep_bench_find_descendant:
 *
 * Returns: (transfer none) (nullable): the first widget of @type under
 *   @widget, depth first
 */
GtkWidget *
prep_bench_find_descendant (GtkWidget *widget,
                            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = prep_bench_find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/**
 * prep_bench_wait_for_paint:
 *
 * Queues a redraw of @widget and iterates the main loop until its next
 * frame has been painted.
 */
void
prep_bench_wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);

  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

/* The largest of @values (doubles), or 0. */
double
prep_bench_worst (GArray *values)
{
  double worst = 0;

  for (guint i = 0; i < values->len; i++)
    worst = MAX (worst, g_array_index (values, double, i));

  return worst;
}

/* The calling thread's processor time, in microseconds. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;

  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/**
 * prep_bench_iterate_for:
 *
 * Runs the main loop for @ms milliseconds. With BENCH_TRACE set, prints
 * every iteration longer than 5 ms, with the processor time the calling
 * thread had in it and its start and end on the
 * monotonic clock, to find it in a profile recorded on the same clock
 * (perf record -k CLOCK_MONOTONIC --call-graph dwarf; perf script --time
 * START,END).
 *
 * Returns: the longest single iteration, in milliseconds: work that
 *   blocked input
 */
double
prep_bench_iterate_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;
  gboolean trace = g_getenv ("BENCH_TRACE") != NULL;
  double longest = 0;

  while (g_get_monotonic_time () < until)
    {
      gint64 begin = g_get_monotonic_time ();
      /* A system call, not the vDSO: only when tracing. */
      gint64 cpu_begin = trace ? thread_cpu_us () : 0;

      if (g_main_context_iteration (NULL, FALSE))
        {
          gint64 end = g_get_monotonic_time ();

          longest = MAX (longest, (end - begin) / 1000.0);
          if (trace && end - begin > 5000)
            g_printerr ("step %.1f ms (main thread on a processor %.1f ms), %.6f to %.6f s\n",
                        (end - begin) / 1000.0, (thread_cpu_us () - cpu_begin) / 1000.0,
                        begin / 1e6, end / 1e6);
        }
      else
        g_usleep (500);
    }

  return longest;
}
