/* test-text-match.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "prep-text-match.h"

static void
assert_matches (const char *haystack,
                const char *needle,
                const guint *expected,
                guint        n_expected)
{
  g_autoptr(GArray) matches = prep_text_find_all (haystack, -1, needle);

  g_assert_cmpuint (matches->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      PrepTextMatch *match = &g_array_index (matches, PrepTextMatch, i);

      g_assert_cmpuint (match->start, ==, expected[2 * i]);
      g_assert_cmpuint (match->end, ==, expected[2 * i + 1]);
    }
}

static void
test_case_and_width (void)
{
  /* Offsets are in characters of the original text. */
  assert_matches ("GPT、ＧＰＴ與 gpt", "gpt", (guint[]) { 0, 3, 4, 7, 9, 12 }, 3);
  assert_matches ("GPT、ＧＰＴ與 gpt", "ＧＰＴ", (guint[]) { 0, 3, 4, 7, 9, 12 }, 3);
  assert_matches ("Straße", "STRASSE", (guint[]) { 0, 6 }, 1);
  assert_matches ("ﬁne-tuning", "fine", (guint[]) { 0, 3 }, 1);
}

static void
test_chinese (void)
{
  /* No word boundaries: any substring matches. */
  assert_matches ("自注意力與多頭注意力", "注意", (guint[]) { 1, 3, 7, 9 }, 2);
  assert_matches ("自注意力與多頭注意力", "力與多", (guint[]) { 3, 6 }, 1);
  assert_matches ("自注意力", "注意力機制", NULL, 0);
}

static void
test_edges (void)
{
  assert_matches ("anything", "", NULL, 0);
  assert_matches ("anything", "   ", NULL, 0);
  assert_matches ("", "a", NULL, 0);
  assert_matches ("aaaa", "aa", (guint[]) { 0, 2, 2, 4 }, 2);

  /* Inside the expansion of one character is not a match: "ß" folds to
   * "ss", and "s" alone matches it once, not twice. */
  assert_matches ("ß", "s", (guint[]) { 0, 1 }, 1);
}

static void
test_fold_map (void)
{
  g_autoptr(GArray) map = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *folded = prep_text_fold ("ＡB中", -1, map);

  g_assert_cmpstr (folded, ==, "ab中");
  g_assert_cmpuint (map->len, ==, strlen ("ab中"));
  g_assert_cmpuint (g_array_index (map, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (map, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (map, guint, 2), ==, 2);
  g_assert_cmpuint (g_array_index (map, guint, 4), ==, 2);
}

static void
test_terms (void)
{
  const char *terms[] = { "softmax", "飽和", "max", NULL };
  const char *none[] = { NULL };
  g_autoptr(GArray) matches = prep_text_find_terms ("softmax 會飽和；Softmax 不飽和", -1, terms);
  g_autoptr(GArray) empty = prep_text_find_terms ("softmax", -1, none);
  const guint expected[][2] = { { 0, 7 }, { 9, 11 }, { 12, 19 }, { 21, 23 } };

  /* Every term is found, in order; "max" inside "softmax" is not counted
   * twice. */
  g_assert_cmpuint (matches->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < matches->len; i++)
    {
      g_assert_cmpuint (g_array_index (matches, PrepTextMatch, i).start, ==, expected[i][0]);
      g_assert_cmpuint (g_array_index (matches, PrepTextMatch, i).end, ==, expected[i][1]);
    }
  g_assert_cmpuint (empty->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-match/case-and-width", test_case_and_width);
  g_test_add_func ("/text-match/chinese", test_chinese);
  g_test_add_func ("/text-match/edges", test_edges);
  g_test_add_func ("/text-match/fold-map", test_fold_map);
  g_test_add_func ("/text-match/terms", test_terms);

  return g_test_run ();
}
