/* fuzz-search.c: libFuzzer harness for search and find.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The input is "QUERY\nNOTE": the note goes on a question, the query is run
 * over the bundled library and the note. Snippet markup must parse, find
 * matches be in range, in order and not overlap, and a query found by
 * Ctrl+F in a text be found by search in it too (one folding). */

#include "config.h"

#include <pango/pango.h>
#include <string.h>

#include "prep-library.h"
#include "prep-search-private.h"
#include "prep-search-result.h"
#include "prep-search.h"
#include "prep-text-match.h"
#include "prep-user-data.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static PrepLibrary *library;
  static PrepUserData *user_data;
  static PrepSearch *search;
  g_autofree char *input = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autofree char *plain = NULL;
  const char *query, *note;
  char *newline;
  guint n;

  if (size > 64 * 1024)
    return 0;

  if (library == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("fuzz-search-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "notes.json", NULL);

      library = prep_library_new ("zh_TW");
      g_assert_true (prep_library_load_resources (library, NULL, NULL));
      user_data = prep_user_data_new (path);
      search = prep_search_new (library, user_data);
    }

  /* The app's text is UTF-8: what is typed or loaded is made valid. */
  input = g_utf8_make_valid ((const char *) data, size);
  newline = strchr (input, '\n');
  if (newline != NULL)
    *newline = '\0';
  query = input;
  note = newline ? newline + 1 : "";

  prep_user_data_set_note (user_data, "kv-cache", note);
  results = prep_search_query (search, query);
  n = MIN (g_list_model_get_n_items (results), 12);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PrepSearchResult) result = g_list_model_get_item (results, i);
      g_autofree char *markup = prep_search_result_dup_snippet_markup (result);

      g_assert_true (markup == NULL || pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
    }

  matches = prep_text_find_all (note, -1, query);
  for (guint i = 0, last = 0; i < matches->len; i++)
    {
      const PrepTextMatch *match = &g_array_index (matches, PrepTextMatch, i);

      g_assert_cmpuint (match->start, >=, last);
      g_assert_cmpuint (match->start, <, match->end);
      g_assert_cmpuint (match->end, <=, g_utf8_strlen (note, -1));
      last = match->end;
    }

  /* Find and search fold alike: one term Ctrl+F finds, search finds. */
  {
    g_auto(GStrv) terms = prep_search_split_terms (query);

    if (matches->len > 0 && terms[0] != NULL && terms[1] == NULL && strchr (query, ' ') == NULL)
      {
        g_autofree char *folded = prep_text_fold (note, -1, NULL);

        g_assert_nonnull (strstr (folded, terms[0]));
      }
  }

  plain = _prep_search_dup_plain (note, TRUE);
  g_assert_true (g_utf8_validate (plain, -1, NULL));

  return 0;
}
