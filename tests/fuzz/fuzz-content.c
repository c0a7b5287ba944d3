/* fuzz-content.c: libFuzzer harness for the content loader and validator.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The input is a content file, validated as `llm-prep --validate --strict`
 * does (bundled categories and ids, the renderer's Markdown check). Every
 * issue must be UTF-8 with a position inside the file, and every string of
 * an accepted question UTF-8 (reliability review C1), searchable as text.
 * Read as a user's pack, what the app would write of it reads back the same. */

#include "config.h"

#include <string.h>

#include "prep-content-loader.h"
#include "prep-json-io.h"
#include "prep-pack-store-private.h"
#include "prep-library.h"
#include "prep-question.h"
#include "prep-renderer.h"
#include "prep-search-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *
check_markdown_cb (const char *markdown,
                   guint      *line,
                   gpointer    user_data)
{
  return prep_renderer_check_markdown (user_data, markdown, line);
}

static GBytes *
resolve_self_cb (const char *file,
                 gpointer    data)
{
  return g_bytes_ref (data);
}

/* The input as an index, of itself: whatever it lists is checked, and its
 * answers are read as the app reads them. */
static void
fuzz_index (GBytes *bytes)
{
  g_autoptr(PrepContentLoader) loader = prep_content_loader_new ("zh_TW", PREP_CONTENT_FLAGS_NONE);
  GPtrArray *questions;

  g_assert_true (prep_library_add_resources_to_loader (loader, PREP_CONTENT_RESOURCE_PATH, TRUE, NULL));
  prep_content_loader_add_index (loader, "fuzz.gvariant", bytes, resolve_self_cb, bytes);
  prep_content_loader_finish (loader);

  questions = prep_content_loader_get_questions (loader);
  for (guint i = 0; i < questions->len; i++)
    {
      PrepQuestion *question = g_ptr_array_index (questions, i);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_utf8_validate (prep_question_get_title (question), -1, NULL));
      if (!_prep_content_loader_read_answer (question, bytes, "fuzz.json", 0, g_bytes_get_size (bytes), &error))
        g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

/* The input as a user's pack: if it loads, the pack the app would write
 * of it must load again as the same questions (issue 18: never write
 * what cannot be read back). */
static void
fuzz_pack (GBytes *bytes)
{
  static char **bundled_categories;
  g_autoptr(PrepContentLoader) loader = prep_content_loader_new ("zh_TW", PREP_CONTENT_FLAGS_NONE);
  g_autoptr(PrepContentLoader) again = prep_content_loader_new ("zh_TW", PREP_CONTENT_FLAGS_NONE);
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) written = NULL;
  GPtrArray *questions, *read_back;
  char *data;
  gsize length;

  if (bundled_categories == NULL)
    {
      g_autoptr(PrepLibrary) library = prep_library_new ("zh_TW");

      g_assert_true (prep_library_load_resources (library, NULL, NULL));
      bundled_categories = prep_library_dup_category_ids (library);
    }

  prep_content_loader_add_external_categories (loader, (const char * const *) bundled_categories);
  prep_content_loader_add_bytes (loader, "pack.json", bytes);
  if (!prep_content_loader_finish (loader))
    return;

  questions = prep_content_loader_get_questions (loader);
  root = _prep_pack_to_json (prep_content_loader_get_categories (loader), questions);
  node = json_node_init_object (json_node_alloc (), root);
  data = prep_json_to_data (node, PREP_PACK_PRETTY_DEPTH, &length, &error);
  g_assert_no_error (error);
  written = g_bytes_new_take (data, length);

  prep_content_loader_add_external_categories (again, (const char * const *) bundled_categories);
  prep_content_loader_add_bytes (again, "pack.json", written);
  g_assert_true (prep_content_loader_finish (again));
  read_back = prep_content_loader_get_questions (again);
  g_assert_cmpuint (read_back->len, ==, questions->len);
  for (guint i = 0; i < questions->len; i++)
    {
      g_autoptr(JsonObject) a = prep_question_to_json (g_ptr_array_index (questions, i));
      g_autoptr(JsonObject) b = prep_question_to_json (g_ptr_array_index (read_back, i));

      g_assert_true (json_object_equal (a, b));
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static PrepRenderer *renderer;
  g_autoptr(PrepContentLoader) loader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *issues, *questions;
  guint n_lines = 1;

  if (size > 1024 * 1024)
    return 0;
  if (renderer == NULL)
    renderer = prep_renderer_new ();

  for (size_t i = 0; i < size; i++)
    if (data[i] == '\n')
      n_lines++;

  loader = prep_content_loader_new ("zh_TW", PREP_CONTENT_FLAGS_STRICT);
  prep_content_loader_set_markdown_check (loader, check_markdown_cb, renderer);
  bytes = g_bytes_new (data, size);
  prep_content_loader_add_bytes (loader, "fuzz.json", bytes);
  if (prep_content_loader_get_n_categories (loader) == 0)
    g_assert_true (prep_library_add_resources_to_loader (loader, PREP_CONTENT_RESOURCE_PATH, TRUE, NULL));
  prep_content_loader_finish (loader);

  issues = prep_content_loader_get_issues (loader);
  for (guint i = 0; i < issues->len; i++)
    {
      PrepContentIssue *issue = g_ptr_array_index (issues, i);
      g_autofree char *line = prep_content_issue_to_string (issue);

      g_assert_true (g_utf8_validate (line, -1, NULL));
      g_assert_cmpuint (issue->line, <=, n_lines);
    }

  fuzz_index (bytes);
  fuzz_pack (bytes);

  questions = prep_content_loader_get_questions (loader);
  for (guint i = 0; i < questions->len; i++)
    {
      PrepQuestion *question = g_ptr_array_index (questions, i);
      const char *title = prep_question_get_title (question);
      const char *answer = prep_question_get_detailed_answer (question);

      g_assert_true (g_utf8_validate (title, -1, NULL));
      if (answer != NULL)
        {
          g_autofree char *plain = _prep_search_dup_plain (answer, TRUE);

          g_assert_true (g_utf8_validate (answer, -1, NULL));
          g_assert_true (g_utf8_validate (plain, -1, NULL));
        }
    }

  return 0;
}
