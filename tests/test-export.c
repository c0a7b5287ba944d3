/* test-export.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "prep-export.h"
#include "prep-test-files.h"

static void
test_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("llm-prep-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autoptr(PrepLibrary) library = prep_library_new ("zh_TW");
  g_autoptr(PrepUserData) user_data = prep_user_data_new (path);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 29, 12, 0, 0);
  g_autofree char *empty = NULL;
  g_autofree char *markdown = NULL;
  const char *kv, *llm, *note;

  g_assert_true (prep_library_load_resources (library, NULL, NULL));
  prep_user_data_load (user_data, NULL);

  empty = prep_export_notes_markdown (user_data, library, when);
  g_assert_nonnull (strstr (empty, "2026-11-29"));
  g_assert_null (strstr (empty, "###"));

  prep_user_data_set_bookmarked (user_data, "kv-cache", TRUE);
  prep_user_data_set_note (user_data, "what-is-llm", "先講 n-gram 的限制。\n\n- 再講 Transformer");
  prep_user_data_set_note (user_data, "kv-cache", "算一次 128 KiB／token");
  markdown = prep_export_notes_markdown (user_data, library, when);
  g_test_message ("%s", markdown);

  /* Library order, the bookmark starred, notes copied as written, and
   * only the questions with something of the user's. */
  llm = strstr (markdown, "### 什麼是大型語言模型");
  kv = strstr (markdown, "### ★ 什麼是 KV 快取");
  note = strstr (markdown, "先講 n-gram 的限制。\n\n- 再講 Transformer");
  g_assert_nonnull (llm);
  g_assert_nonnull (kv);
  g_assert_nonnull (note);
  g_assert_true (llm < note && note < kv);
  g_assert_nonnull (strstr (markdown, "## 基本概念與理論"));
  g_assert_nonnull (strstr (kv, "算一次 128 KiB／token"));
  g_assert_null (strstr (markdown, "BERT"));
  g_assert_null (strstr (markdown, "## 實踐應用"));

  /* In the chosen content language (issue 17). */
  prep_library_set_locale (library, "en");
  g_free (markdown);
  markdown = prep_export_notes_markdown (user_data, library, when);
  g_assert_nonnull (strstr (markdown, "## Basic Concepts and Theory"));
  g_assert_nonnull (strstr (markdown, "### ★ What is the KV cache?"));
  g_assert_nonnull (strstr (markdown, "算一次 128 KiB／token"));

  g_clear_object (&user_data);
  prep_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/markdown", test_export);

  return g_test_run ();
}
