/* test-library.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "prep-content-loader.h"
#include "prep-library.h"
#include "prep-question-parts.h"
#include "prep-question-private.h"

static const struct {
  const char *id;
  const char *title;
  guint       n_questions;
} expected_categories[] = {
  { "basics", "基本概念與理論", 20 },
  { "applications", "實踐應用", 6 },
  { "training", "模型訓練與微調", 5 },
  { "challenges", "技術挑戰", 5 },
  { "research", "前沿研究", 5 },
  { "tools", "工具與框架", 5 },
  { "deployment", "部署與生產環境", 5 },
};

static PrepLibrary *
load_library (const char *locale)
{
  g_autoptr(PrepLibrary) library = prep_library_new (locale);
  g_autoptr(GError) error = NULL;

  g_assert_true (prep_library_load_resources (library, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&library);
}

static void
test_categories (void)
{
  PrepLibrary *library = load_library ("zh_TW");
  GListModel *categories = prep_library_get_categories (library);

  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, G_N_ELEMENTS (expected_categories));
  g_assert_true (g_list_model_get_item_type (categories) == PREP_TYPE_CATEGORY);

  for (guint i = 0; i < G_N_ELEMENTS (expected_categories); i++)
    {
      g_autoptr(PrepCategory) category = g_list_model_get_item (categories, i);
      GListModel *questions = prep_category_get_questions (category);
      guint n_questions = 0;

      g_assert_cmpstr (prep_category_get_id (category), ==, expected_categories[i].id);
      g_assert_cmpstr (prep_category_get_title (category), ==, expected_categories[i].title);
      g_assert_cmpuint (prep_category_get_position (category), ==, i);
      g_assert_cmpuint (prep_category_get_n_questions (category), ==, expected_categories[i].n_questions);
      g_object_get (category, "n-questions", &n_questions, NULL);
      g_assert_cmpuint (n_questions, ==, expected_categories[i].n_questions);
      g_assert_true (prep_library_lookup_category (library, expected_categories[i].id) == category);

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, j);
          g_autoptr(PrepCategory) back = prep_question_dup_category (question);

          g_assert_true (back == category);
          g_assert_cmpstr (prep_question_get_category_id (question), ==, expected_categories[i].id);
        }
    }

  g_assert_finalize_object (library);
}

static void
test_questions (void)
{
  PrepLibrary *library = load_library ("zh_TW");
  GListModel *questions = prep_library_get_questions (library);
  guint n_seed = 0;
  guint n_added = 0;

  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 51);

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);
      PrepText *title = prep_question_get_title_text (question);

      g_assert_true (prep_library_lookup_question (library, prep_question_get_id (question)) == question);
      g_assert_nonnull (prep_text_lookup (title, "zh_TW"));
      g_assert_nonnull (prep_text_lookup (title, "en"));
      g_assert_cmpuint (g_strv_length ((char **) prep_question_get_tags (question)), >, 0);

      if (prep_question_get_origin (question) == PREP_ORIGIN_SEED)
        n_seed++;
      else
        n_added++;
    }

  /* The user's 37 questions and the 14 added basic concepts. */
  g_assert_cmpuint (n_seed, ==, 37);
  g_assert_cmpuint (n_added, ==, 14);

  g_assert_null (prep_library_lookup_question (library, "no-such-question"));
  g_assert_null (prep_library_lookup_question (library, NULL));
  g_assert_null (prep_library_lookup_category (library, "robotics"));

  g_assert_finalize_object (library);
}

static void
test_seed_wording (void)
{
  g_autoptr(PrepLibrary) library = load_library ("zh_TW");
  PrepQuestion *question;

  /* Seed questions keep the user's wording, markup removed. */
  question = prep_library_lookup_question (library, "self-attention");
  g_assert_nonnull (question);
  g_assert_cmpstr (prep_question_get_title (question), ==,
                   "什麼是自注意力機制（Self-Attention），它如何影響語言模型的性能？");
  g_assert_cmpuint (prep_question_get_origin (question), ==, PREP_ORIGIN_SEED);

  question = prep_library_lookup_question (library, "kv-cache");
  g_assert_nonnull (question);
  g_assert_cmpuint (prep_question_get_origin (question), ==, PREP_ORIGIN_ADDED);
  g_assert_cmpstr (prep_question_get_category_id (question), ==, "basics");
}

static void
test_locale (void)
{
  g_autoptr(PrepLibrary) zh = load_library ("zh_TW");
  g_autoptr(PrepLibrary) en = load_library ("en");
  PrepQuestion *question = prep_library_lookup_question (en, "self-attention");
  PrepCategory *category = prep_library_lookup_category (en, "basics");
  g_autofree char *title = NULL;

  g_assert_cmpstr (prep_library_get_locale (en), ==, "en");
  g_assert_cmpstr (prep_category_get_title (category), ==, "Basic Concepts and Theory");
  g_object_get (question, "title", &title, NULL);
  g_assert_cmpstr (title, ==, prep_question_get_title (question));
  g_assert_true (g_str_is_ascii (title));
  g_assert_cmpstr (prep_question_get_title (prep_library_lookup_question (zh, "self-attention")), !=, title);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* Switching the content language (issue 17): every text follows, and
 * views learn of it from the properties they show. */
static void
test_switch_locale (void)
{
  g_autoptr(PrepLibrary) library = load_library ("zh_TW");
  PrepQuestion *question = prep_library_lookup_question (library, "kv-cache");
  PrepCategory *category = prep_library_lookup_category (library, "basics");
  g_autofree char *zh_answer = g_strdup (prep_question_get_detailed_answer (question));
  guint title_notified = 0, locale_notified = 0, category_notified = 0, library_notified = 0;

  g_signal_connect (question, "notify::title", G_CALLBACK (count_cb), &title_notified);
  g_signal_connect (question, "notify::locale", G_CALLBACK (count_cb), &locale_notified);
  g_signal_connect (category, "notify::title", G_CALLBACK (count_cb), &category_notified);
  g_signal_connect (library, "notify::locale", G_CALLBACK (count_cb), &library_notified);

  prep_library_set_locale (library, "en");
  g_assert_cmpstr (prep_library_get_locale (library), ==, "en");
  g_assert_cmpstr (prep_question_get_locale (question), ==, "en");
  g_assert_cmpstr (prep_category_get_title (category), ==, "Basic Concepts and Theory");
  g_assert_true (g_str_is_ascii (prep_question_get_title (question)));
  g_assert_cmpstr (prep_question_get_detailed_answer (question), !=, zh_answer);
  g_assert_cmpuint (title_notified, ==, 1);
  g_assert_cmpuint (locale_notified, ==, 1);
  g_assert_cmpuint (category_notified, ==, 1);
  g_assert_cmpuint (library_notified, ==, 1);

  /* The same locale again changes nothing; an unknown one is the default. */
  prep_library_set_locale (library, "en");
  g_assert_cmpuint (library_notified, ==, 1);
  prep_library_set_locale (library, "fr");
  g_assert_cmpstr (prep_library_get_locale (library), ==, "zh_TW");
  g_assert_cmpstr (prep_question_get_detailed_answer (question), ==, zh_answer);
  g_assert_cmpuint (locale_notified, ==, 2);
}

static void
test_missing_resource (void)
{
  g_autoptr(PrepLibrary) library = prep_library_new ("zh_TW");
  g_autoptr(GError) error = NULL;

  g_assert_false (prep_library_load_resources (library, "/io/github/llmprep/LlmPrep/nowhere", &error));
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
  g_assert_cmpuint (g_list_model_get_n_items (prep_library_get_questions (library)), ==, 0);
}

static void
test_bad_content_keeps_library (void)
{
  g_autoptr(PrepLibrary) library = load_library ("zh_TW");
  g_autoptr(PrepContentLoader) loader = prep_content_loader_new ("zh_TW", 0);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{\"schema_version\": 9}", 21);
  g_autoptr(GError) error = NULL;

  prep_content_loader_add_bytes (loader, "future.json", bytes);
  g_assert_false (prep_library_load_loader (library, loader, &error));
  g_assert_error (error, PREP_CONTENT_ERROR, PREP_CONTENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "future.json:1:20: $.schema_version: unknown schema version 9"));

  /* A failed reload leaves what was loaded before. */
  g_assert_cmpuint (g_list_model_get_n_items (prep_library_get_questions (library)), ==, 51);
}

static void
assert_same_text (PrepText *a,
                  PrepText *b)
{
  const char * const *locales = prep_content_locales ();

  g_assert_true ((a == NULL) == (b == NULL));
  for (guint i = 0; a != NULL && locales[i]; i++)
    g_assert_cmpstr (prep_text_lookup (a, locales[i]), ==, prep_text_lookup (b, locales[i]));
}

static void
assert_same_texts (GPtrArray *a,
                   GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    assert_same_text (g_ptr_array_index (a, i), g_ptr_array_index (b, i));
}

/* The start path reads the bundled index (issue 15): the same library as
 * reading every file, with each question's answers read only when first
 * asked for. */
static void
test_index (void)
{
  g_autoptr(PrepLibrary) indexed = load_library ("zh_TW");
  g_autoptr(PrepLibrary) full = prep_library_new ("zh_TW");
  g_autoptr(PrepContentLoader) loader = prep_content_loader_new ("zh_TW", PREP_CONTENT_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  GListModel *a, *b;

  g_assert_true (prep_library_add_resources_to_loader (loader, PREP_CONTENT_RESOURCE_PATH, FALSE, &error));
  g_assert_true (prep_library_load_loader (full, loader, &error));
  g_assert_no_error (error);

  a = prep_library_get_questions (indexed);
  b = prep_library_get_questions (full);
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  g_assert_cmpuint (g_list_model_get_n_items (a), >, 0);

  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(PrepQuestion) x = g_list_model_get_item (a, i);
      g_autoptr(PrepQuestion) y = g_list_model_get_item (b, i);
      g_autoptr(PrepCategory) category = prep_question_dup_category (x);

      /* What lists show is there without reading the answers. */
      g_assert_nonnull (x->source);
      g_assert_null (y->source);
      g_assert_cmpstr (prep_question_get_id (x), ==, prep_question_get_id (y));
      g_assert_cmpstr (prep_question_get_category_id (x), ==, prep_question_get_category_id (y));
      g_assert_nonnull (category);
      assert_same_text (prep_question_get_title_text (x), prep_question_get_title_text (y));
      g_assert_cmpint (prep_question_get_difficulty (x), ==, prep_question_get_difficulty (y));
      g_assert_cmpint (prep_question_get_origin (x), ==, prep_question_get_origin (y));
      g_assert_true (g_strv_equal (prep_question_get_tags (x), prep_question_get_tags (y)));
      g_assert_cmpint (prep_question_get_has_answer (x), ==, prep_question_get_has_answer (y));
      g_assert_nonnull (x->source);

      /* The answers, read now. */
      g_assert_cmpstr (prep_question_get_detailed_answer (x), ==, prep_question_get_detailed_answer (y));
      g_assert_null (x->source);
      assert_same_text (x->short_answer, y->short_answer);
      assert_same_text (x->detailed_answer, y->detailed_answer);
      g_assert_cmpstr (prep_question_get_last_reviewed (x), ==, prep_question_get_last_reviewed (y));
      assert_same_texts (prep_question_get_key_points (x), prep_question_get_key_points (y));
      assert_same_texts (prep_question_get_pitfalls (x), prep_question_get_pitfalls (y));
      g_assert_cmpuint (prep_question_get_follow_ups (x)->len, ==, prep_question_get_follow_ups (y)->len);
      for (guint j = 0; j < prep_question_get_follow_ups (x)->len; j++)
        {
          PrepFollowUp *f = g_ptr_array_index (prep_question_get_follow_ups (x), j);
          PrepFollowUp *g = g_ptr_array_index (prep_question_get_follow_ups (y), j);

          assert_same_text (f->question, g->question);
          assert_same_text (f->answer, g->answer);
        }
      g_assert_cmpuint (prep_question_get_quiz_items (x)->len, ==, prep_question_get_quiz_items (y)->len);
      for (guint j = 0; j < prep_question_get_quiz_items (x)->len; j++)
        {
          PrepQuizItem *p = g_ptr_array_index (prep_question_get_quiz_items (x), j);
          PrepQuizItem *q = g_ptr_array_index (prep_question_get_quiz_items (y), j);

          assert_same_text (p->prompt, q->prompt);
          assert_same_text (p->explanation, q->explanation);
          g_assert_cmpuint (p->answer, ==, q->answer);
        }
      g_assert_cmpuint (prep_question_get_references (x)->len, ==, prep_question_get_references (y)->len);
      g_assert_cmpint (prep_question_get_has_answer (x), ==, prep_question_get_has_answer (y));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/categories", test_categories);
  g_test_add_func ("/library/index", test_index);
  g_test_add_func ("/library/questions", test_questions);
  g_test_add_func ("/library/seed-wording", test_seed_wording);
  g_test_add_func ("/library/locale", test_locale);
  g_test_add_func ("/library/switch-locale", test_switch_locale);
  g_test_add_func ("/library/missing-resource", test_missing_resource);
  g_test_add_func ("/library/bad-content-keeps-library", test_bad_content_keeps_library);

  return g_test_run ();
}
