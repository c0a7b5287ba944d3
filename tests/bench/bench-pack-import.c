/* bench-pack-import.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A benchmark, not a test: it prints figures and asserts nothing.
 *
 * Importing a pack of 10,000 questions with answers (issue 18): the read
 * and check, which run in a thread, and the commit (the pack written and
 * added to the library, with a search index listening), which runs on
 * the main thread and is what could hold the window still. Next to them,
 * measured in the same run, a bare json-glib parse of the same file: no
 * import can take less. Then the start-up cost of the packs: no folder,
 * and the folder with that pack in it. */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "bench-utils.h"
#include "prep-library.h"
#include "prep-pack-io.h"
#include "prep-pack-store.h"
#include "prep-search.h"
#include "prep-test-files.h"

#define N_QUESTIONS 10000
#define RUNS        5

static double
elapsed_ms (gint64 begin)
{
  return (g_get_monotonic_time () - begin) / 1000.0;
}

static char *
make_pack (guint n)
{
  GString *str = g_string_new ("{\n  \"schema_version\": 1,\n  \"categories\": [\n"
                               "    { \"id\": \"bench\", \"title\": { \"zh_TW\": \"大量題目\", \"en\": \"Many questions\" } }\n"
                               "  ],\n  \"questions\": [\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (str,
                            "%s    {\n"
                            "      \"id\": \"bench-%u\", \"category\": \"%s\", \"origin\": \"user\",\n"
                            "      \"question\": { \"zh_TW\": \"第 %u 題：注意力機制的 KV 快取如何影響記憶體頻寬？\", "
                            "\"en\": \"Question %u: how does the KV cache of attention affect memory bandwidth?\" },\n"
                            "      \"difficulty\": \"intermediate\", \"tags\": [ \"attention\", \"kv-cache\" ],\n"
                            "      \"short_answer\": { \"zh_TW\": \"解碼時每一步都要讀取整個 KV 快取，因此記憶體頻寬是瓶頸。\", "
                            "\"en\": \"Each decoding step reads the whole KV cache, so memory bandwidth is the bottleneck.\" },\n"
                            "      \"detailed_answer\": { \"zh_TW\": \"## 重點\\n\\n解碼是**記憶體受限**的：每產生一個詞元，"
                            "都要把所有層的 K 與 V 從記憶體讀出。\\n\\n| 項目 | 大小 |\\n|---|---|\\n| 每層 | 2 × 頭數 × 維度 |\\n\\n"
                            "```python\\nkv = 2 * layers * heads * dim * seq * bytes\\n```\\n\" },\n"
                            "      \"key_points\": [ { \"zh_TW\": \"記憶體受限\" }, { \"zh_TW\": \"GQA 減少 KV\" }, { \"zh_TW\": \"量化\" } ],\n"
                            "      \"quiz\": [ { \"prompt\": { \"zh_TW\": \"解碼的瓶頸？\" }, \"options\": [ { \"zh_TW\": \"算力\" }, "
                            "{ \"zh_TW\": \"頻寬\" }, { \"zh_TW\": \"磁碟\" }, { \"zh_TW\": \"網路\" } ], \"answer\": 1, "
                            "\"explanation\": { \"zh_TW\": \"每步讀取整個快取。\" } } ],\n"
                            "      \"references\": [ { \"title\": \"Attention Is All You Need\", \"arxiv\": \"1706.03762\" } ]\n"
                            "    }",
                            i ? ",\n" : "", i, i % 10 == 0 ? "basics" : "bench", i, i);
  g_string_append (str, "\n  ]\n}\n");

  return g_string_free (str, FALSE);
}

typedef struct
{
  gboolean done;
  double   adopt_ms;
  double   longest;   /* the longest gap between two ticks */
  gint64   last_tick;
} CommitRun;

/* A tick every 5 ms, as a frame clock would ask: how late it comes is how
 * long the main thread was busy. */
static gboolean
tick_cb (gpointer data)
{
  CommitRun *run = data;
  gint64 now = g_get_monotonic_time ();

  run->longest = MAX (run->longest, (now - run->last_tick) / 1000.0);
  run->last_tick = now;

  return G_SOURCE_CONTINUE;
}

static void
commit_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  CommitRun *run = data;
  g_autoptr(GError) error = NULL;
  gint64 begin = g_get_monotonic_time ();

  if (!prep_pack_import_commit_finish (PREP_PACK_IMPORT (object), result, &error))
    g_error ("%s", error->message);
  run->adopt_ms = elapsed_ms (begin);
  run->done = TRUE;
}

static PrepLibrary *
bundled_library (void)
{
  g_autoptr(PrepLibrary) library = prep_library_new ("zh_TW");
  g_autoptr(GError) error = NULL;

  if (!prep_library_load_resources (library, NULL, &error))
    g_error ("the bundled content does not load: %s", error->message);

  return g_steal_pointer (&library);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) parse_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) read_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) commit_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) adopt_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stall_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *packs = NULL;
  g_autofree char *missing = NULL;
  double parse, read, commit, adopt, stall, load, empty;

  setlocale (LC_ALL, "");

  dir = g_dir_make_tmp ("llm-prep-bench-packs-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.json", NULL);
  text = make_pack (N_QUESTIONS);
  prep_test_write_file (path, text);
  missing = g_build_filename (dir, "no-such-folder", NULL);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(PrepLibrary) library = bundled_library ();
      g_autoptr(PrepSearch) search = prep_search_new (library, NULL);
      g_autoptr(PrepPackStore) store = NULL;
      g_autoptr(PrepPackImport) import = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (path);
      gint64 begin;
      double ms;

      g_free (packs);
      packs = g_build_filename (dir, "packs", NULL);
      prep_test_remove_tree (packs);
      store = prep_pack_store_new (library, packs);
      if (!prep_pack_store_load (store, &error))
        g_error ("%s", error->message);

      /* The reference: json-glib alone, on the same bytes. */
      begin = g_get_monotonic_time ();
      if (!json_parser_load_from_data (parser, text, -1, &error))
        g_error ("%s", error->message);
      ms = elapsed_ms (begin);
      g_array_append_val (parse_times, ms);

      import = prep_pack_import_new (store, file);
      begin = g_get_monotonic_time ();
      if (!prep_pack_import_read (import, NULL, &error))
        g_error ("%s", error->message);
      ms = elapsed_ms (begin);
      g_array_append_val (read_times, ms);

      /* A search index listens to the library, as the window's does. */
      g_object_unref (prep_search_query (search, "注意力"));
      {
        CommitRun commit_run = { 0, };
        gint64 start = g_get_monotonic_time ();
        guint tick;

        /* The main loop runs while the thread writes. */
        commit_run.last_tick = start;
        tick = g_timeout_add (5, tick_cb, &commit_run);
        prep_pack_import_commit_async (import, NULL, commit_done_cb, &commit_run);
        while (!commit_run.done)
          g_main_context_iteration (NULL, TRUE);
        ms = elapsed_ms (start);
        g_source_remove (tick);
        g_array_append_val (commit_times, ms);
        g_array_append_val (adopt_times, commit_run.adopt_ms);
        g_array_append_val (stall_times, commit_run.longest);
      }

      /* Start-up: the packs folder with this pack, and no folder. */
      {
        g_autoptr(PrepLibrary) fresh = bundled_library ();
        g_autoptr(PrepPackStore) again = prep_pack_store_new (fresh, packs);
        g_autoptr(PrepPackStore) none = NULL;

        begin = g_get_monotonic_time ();
        if (!prep_pack_store_load (again, &error) || prep_pack_store_get_issues (again)->len > 0)
          g_error ("the imported pack does not load again");
        ms = elapsed_ms (begin);
        g_array_append_val (load_times, ms);

        begin = g_get_monotonic_time ();
        none = prep_pack_store_new (fresh, missing);
        prep_pack_store_load (none, NULL);
        ms = elapsed_ms (begin);
        g_array_append_val (empty_times, ms);
      }
    }

  parse = prep_bench_median (parse_times);
  read = prep_bench_median (read_times);
  commit = prep_bench_median (commit_times);
  adopt = prep_bench_median (adopt_times);
  stall = prep_bench_median (stall_times);
  load = prep_bench_median (load_times);
  empty = prep_bench_median (empty_times);

  g_print ("pack import, %u questions, %.1f MiB of JSON, median of %d runs:\n",
           N_QUESTIONS, strlen (text) / (1024.0 * 1024.0), RUNS);
  g_print ("  json-glib parse alone (reference): %8.1f ms\n", parse);
  g_print ("  read and check (in a thread):      %8.1f ms  %5.2f x the reference\n", read, read / parse);
  g_print ("  commit, written in a thread:        %8.1f ms  %5.2f x\n", commit, commit / parse);
  g_print ("    of which on the main thread (added to the library, the search told): %6.1f ms  %5.2f x\n",
           adopt, adopt / parse);
  g_print ("    longest wait of a 5 ms tick on the main loop meanwhile: %6.1f ms\n", stall);
  g_print ("  the pack read at start-up (in a thread since, the window not waiting): %8.1f ms  %5.2f x\n",
           load, load / parse);
  g_print ("  start-up without a packs folder:      %8.3f ms\n", empty);

  prep_test_remove_tree (dir);

  return EXIT_SUCCESS;
}
