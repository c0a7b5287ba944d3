/* test-text.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "prep-text.h"

static void
test_locale_for_languages (void)
{
  const struct {
    const char *languages[4];
    const char *expected;
  } cases[] = {
    { { "zh_TW.UTF-8", "zh_TW", "zh", NULL }, "zh_TW" },
    { { "zh_HK", "zh", NULL }, "zh_TW" },
    { { "zh_CN.UTF-8", "zh_CN", "zh", NULL }, "zh_TW" },
    { { "en_US.UTF-8", "en_US", "en", NULL }, "en" },
    { { "en", NULL }, "en" },
    { { "de_DE", "de", "en", NULL }, "en" },
    { { "de_DE", "de", "C", NULL }, "zh_TW" },
    { { "C", NULL }, "zh_TW" },
    { { "eo", NULL }, "zh_TW" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (prep_content_locale_for_languages (cases[i].languages), ==, cases[i].expected);
}

static void
test_fallback (void)
{
  g_autoptr(PrepText) text = prep_text_new ();

  g_assert_cmpstr (prep_text_get (text, "en"), ==, "");
  g_assert_null (prep_text_lookup (text, "en"));

  prep_text_set (text, "zh_TW", "什麼是自注意力？");
  g_assert_cmpstr (prep_text_get (text, "en"), ==, "什麼是自注意力？");
  g_assert_cmpstr (prep_text_get (text, "zh_TW"), ==, "什麼是自注意力？");
  g_assert_null (prep_text_lookup (text, "en"));

  prep_text_set (text, "en", "What is self-attention?");
  g_assert_cmpstr (prep_text_get (text, "en"), ==, "What is self-attention?");
  g_assert_cmpstr (prep_text_get (text, "zh_TW"), ==, "什麼是自注意力？");

  /* Unknown locales fall back too, instead of returning nothing. */
  g_assert_cmpstr (prep_text_get (text, "fr"), ==, "什麼是自注意力？");
  g_assert_cmpstr (prep_text_get (NULL, "en"), ==, "");
}

static void
test_known_locales (void)
{
  g_assert_true (prep_content_locale_is_known ("zh_TW"));
  g_assert_true (prep_content_locale_is_known ("en"));
  g_assert_false (prep_content_locale_is_known ("zh_CN"));
  g_assert_false (prep_content_locale_is_known ("zh-TW"));
  g_assert_false (prep_content_locale_is_known (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/locale-for-languages", test_locale_for_languages);
  g_test_add_func ("/text/fallback", test_fallback);
  g_test_add_func ("/text/known-locales", test_known_locales);

  return g_test_run ();
}
