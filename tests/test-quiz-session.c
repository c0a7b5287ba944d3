/* test-quiz-session.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Quiz sessions without a window: choosing questions, grading, undo and
 * the summary, over the bundled content restricted to category "basics"
 * (20 answered questions), plus one question of "basics" whose answer is
 * not written (tests/data/good/minimal.json). */

#include "config.h"

#include "prep-quiz-session.h"
#include "prep-test-files.h"

typedef struct
{
  char            *dir;
  PrepLibrary     *library;
  PrepReviewStore *reviews;
  PrepUserData    *user_data;
  gint64           now;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *reviews = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 29, 10, 0, 0);
  g_autofree char *minimal = g_build_filename (TEST_DATA_DIR, "good", "minimal.json", NULL);
  g_autoptr(GFile) pending = g_file_new_for_path (minimal);
  PrepContentLoader *loader;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("llm-prep-quiz-XXXXXX", NULL);
  reviews = g_build_filename (f->dir, "reviews.json", NULL);
  notes = g_build_filename (f->dir, "notes.json", NULL);
  f->library = prep_library_new ("zh_TW");
  loader = prep_content_loader_new ("zh_TW", PREP_CONTENT_FLAGS_NONE);
  g_assert_true (prep_library_add_resources_to_loader (loader, PREP_CONTENT_RESOURCE_PATH, FALSE, &error));
  g_assert_no_error (error);
  prep_content_loader_add_file (loader, pending);
  g_assert_true (prep_library_load_loader (f->library, loader, &error));
  g_assert_no_error (error);
  prep_content_loader_free (loader);
  f->reviews = prep_review_store_new (reviews);
  prep_review_store_load (f->reviews, NULL);
  f->user_data = prep_user_data_new (notes);
  prep_user_data_load (f->user_data, NULL);
  f->now = g_date_time_to_unix (now);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->user_data);
  g_assert_finalize_object (f->reviews);
  g_assert_finalize_object (f->library);
  prep_test_remove_tree (f->dir);
  g_free (f->dir);
}

static PrepQuizSession *
start (Fixture            *f,
       PrepQuizMode        mode,
       PrepQuizSet         set,
       const char * const *categories,
       guint               max_items)
{
  PrepQuizOptions options = { mode, set, categories, max_items, 42, f->now };
  g_autoptr(GError) error = NULL;
  PrepQuizSession *session;

  session = prep_quiz_session_new (f->library, f->reviews, f->user_data, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);

  return session;
}

static const char *basics[] = { "basics", NULL };

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  PrepQuizOptions options = { PREP_QUIZ_FLASHCARDS, PREP_QUIZ_SET_DUE, basics, 0, 1, f->now };
  g_autoptr(PrepQuizSession) all = start (f, PREP_QUIZ_FLASHCARDS, PREP_QUIZ_SET_ALL, basics, 0);
  g_autoptr(PrepQuizSession) limited = start (f, PREP_QUIZ_FLASHCARDS, PREP_QUIZ_SET_ALL, basics, 5);
  g_autoptr(PrepQuizSession) everything = start (f, PREP_QUIZ_FLASHCARDS, PREP_QUIZ_SET_ALL, NULL, 0);
  GListModel *questions = prep_library_get_questions (f->library);
  g_autoptr(PrepQuizSession) bookmarked = NULL;
  g_autoptr(PrepQuizSession) fresh = NULL;
  g_autoptr(PrepQuizSession) empty = NULL;
  g_autoptr(GError) error = NULL;
  guint answered = 0;

  /* Only questions with answers can be quizzed: the 20 of "basics", not
   * the one whose answer is not written. */
  g_assert_cmpuint (prep_quiz_session_get_n_items (all), ==, 20);
  g_assert_cmpuint (prep_quiz_session_get_n_items (limited), ==, 5);
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);
      answered += prep_question_get_has_answer (question);
    }
  g_assert_nonnull (prep_library_lookup_question (f->library, "test-question"));
  g_assert_cmpuint (prep_quiz_session_get_n_items (everything), ==, answered);

  /* Nothing due: nothing to quiz, and an error says so. */
  g_assert_cmpuint (prep_quiz_count_available (f->library, f->reviews, f->user_data, &options), ==, 0);
  empty = prep_quiz_session_new (f->library, f->reviews, f->user_data, &options, &error);
  g_assert_null (empty);
  g_assert_error (error, PREP_QUIZ_ERROR, PREP_QUIZ_ERROR_EMPTY);

  /* Bookmarked, and bookmarks of unanswered questions do not count. */
  prep_user_data_set_bookmarked (f->user_data, "kv-cache", TRUE);
  prep_user_data_set_bookmarked (f->user_data, "self-attention", TRUE);
  prep_user_data_set_bookmarked (f->user_data, "test-question", TRUE);
  bookmarked = start (f, PREP_QUIZ_FLASHCARDS, PREP_QUIZ_SET_BOOKMARKED, NULL, 0);
  g_assert_cmpuint (prep_quiz_session_get_n_items (bookmarked), ==, 2);

  /* New excludes what was reviewed. */
  prep_review_store_grade (f->reviews, "kv-cache", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, f->now);
  fresh = start (f, PREP_QUIZ_FLASHCARDS, PREP_QUIZ_SET_NEW, basics, 0);
  g_assert_cmpuint (prep_quiz_session_get_n_items (fresh), ==, 19);
  for (guint i = 0; i < 19; i++)
    {
      g_assert_cmpstr (prep_question_get_id (prep_quiz_session_get_question (fresh)), !=, "kv-cache");
      prep_quiz_session_grade (fresh, PREP_GRADE_GOOD, f->now + 60);
    }
  g_assert_true (prep_quiz_session_get_finished (fresh));
}

/* A list of questions, as the Progress view's weakest: only those, in any
 * mode, and still only those with an answer. */
static void
test_question_ids (Fixture       *f,
                   gconstpointer  data)
{
  static const char *ids[] = { "kv-cache", "self-attention", "test-question", "no-such-question", NULL };
  PrepQuizOptions options = { PREP_QUIZ_FLASHCARDS, PREP_QUIZ_SET_ALL, NULL, 0, 3, f->now, ids };
  g_autoptr(PrepQuizSession) session = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (prep_quiz_count_available (f->library, f->reviews, NULL, &options), ==, 2);
  session = prep_quiz_session_new (f->library, f->reviews, NULL, &options, NULL);
  g_assert_nonnull (session);
  g_assert_cmpuint (prep_quiz_session_get_n_items (session), ==, 2);
  while (!prep_quiz_session_get_finished (session))
    {
      g_hash_table_add (seen, (gpointer) prep_question_get_id (prep_quiz_session_get_question (session)));
      prep_quiz_session_grade (session, PREP_GRADE_GOOD, f->now + 60);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 2);
  g_assert_true (g_hash_table_contains (seen, "kv-cache"));
  g_assert_true (g_hash_table_contains (seen, "self-attention"));

  /* With a category that has none of them: nothing. */
  {
    static const char *other[] = { "deployment", NULL };

    options.category_ids = other;
    g_assert_cmpuint (prep_quiz_count_available (f->library, f->reviews, NULL, &options), ==, 0);
  }
}

static void
test_due_first (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PrepQuizSession) due = NULL;
  g_autoptr(PrepQuizSession) all = NULL;

  /* Two cards in learning (due in minutes, so today), one graduated. */
  prep_review_store_grade (f->reviews, "positional-encoding", PREP_GRADE_AGAIN, PREP_REVIEW_FLASHCARD, f->now - 120);
  prep_review_store_grade (f->reviews, "kv-cache", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, f->now - 300);
  prep_review_store_grade (f->reviews, "bert-vs-gpt", PREP_GRADE_EASY, PREP_REVIEW_FLASHCARD, f->now);

  due = start (f, PREP_QUIZ_FLASHCARDS, PREP_QUIZ_SET_DUE, basics, 0);
  g_assert_cmpuint (prep_quiz_session_get_n_items (due), ==, 2);
  /* rope was due at now − 60, kv-cache at now + 300: most overdue first. */
  g_assert_cmpstr (prep_question_get_id (prep_quiz_session_get_question (due)), ==, "positional-encoding");

  all = start (f, PREP_QUIZ_FLASHCARDS, PREP_QUIZ_SET_ALL, basics, 0);
  g_assert_cmpstr (prep_question_get_id (prep_quiz_session_get_question (all)), ==, "positional-encoding");
  prep_quiz_session_grade (all, PREP_GRADE_GOOD, f->now);
  g_assert_cmpstr (prep_question_get_id (prep_quiz_session_get_question (all)), ==, "kv-cache");
  prep_quiz_session_grade (all, PREP_GRADE_GOOD, f->now);
  /* The graduated card comes last. */
  while (prep_quiz_session_get_position (all) < prep_quiz_session_get_n_items (all) - 1)
    prep_quiz_session_grade (all, PREP_GRADE_GOOD, f->now);
  g_assert_cmpstr (prep_question_get_id (prep_quiz_session_get_question (all)), ==, "bert-vs-gpt");
}

static void
test_seeded_order (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PrepQuizSession) a = start (f, PREP_QUIZ_INTERVIEW, PREP_QUIZ_SET_ALL, basics, 0);
  g_autoptr(PrepQuizSession) b = start (f, PREP_QUIZ_INTERVIEW, PREP_QUIZ_SET_ALL, basics, 0);
  g_autoptr(GListModel) questions = prep_quiz_session_get_questions (a);
  GListModel *library = prep_library_get_questions (f->library);
  gboolean same_as_library = TRUE;

  /* Same seed, same order; and it is shuffled. */
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);
      g_autoptr(PrepQuestion) in_library = g_list_model_get_item (library, i);

      g_assert_true (prep_quiz_session_get_question (a) == prep_quiz_session_get_question (b));
      g_assert_true (prep_quiz_session_get_question (a) == question);
      same_as_library &= question == in_library;
      prep_quiz_session_grade (a, PREP_GRADE_GOOD, f->now);
      prep_quiz_session_grade (b, PREP_GRADE_GOOD, f->now);
    }
  g_assert_false (same_as_library);
}

static void
test_flashcard_grading (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PrepQuizSession) session = start (f, PREP_QUIZ_FLASHCARDS, PREP_QUIZ_SET_ALL, NULL, 3);
  PrepQuestion *first = prep_quiz_session_get_question (session);
  guint n_points = prep_question_get_key_points (first)->len;
  PrepCard card;

  g_assert_cmpuint (n_points, >=, 5);
  g_assert_false (prep_quiz_session_get_revealed (session));
  prep_quiz_session_reveal (session);
  g_assert_true (prep_quiz_session_get_revealed (session));

  /* Ticked key points suggest the grade. */
  g_assert_cmpint (prep_quiz_session_get_suggested_grade (session), ==, PREP_GRADE_AGAIN);
  prep_quiz_session_set_covered (session, 0, TRUE);
  prep_quiz_session_set_covered (session, 1, TRUE);
  g_assert_cmpint (prep_quiz_session_get_suggested_grade (session), ==, PREP_GRADE_HARD);
  for (guint i = 0; i < n_points; i++)
    prep_quiz_session_set_covered (session, i, TRUE);
  g_assert_cmpuint (prep_quiz_session_get_n_covered (session), ==, n_points);
  g_assert_cmpint (prep_quiz_session_get_suggested_grade (session), ==, PREP_GRADE_GOOD);
  prep_quiz_session_set_covered (session, 0, FALSE);
  g_assert_cmpuint (prep_quiz_session_get_n_covered (session), ==, n_points - 1);
  prep_quiz_session_set_covered (session, 99, TRUE);
  g_assert_cmpuint (prep_quiz_session_get_n_covered (session), ==, n_points - 1);

  prep_quiz_session_grade (session, PREP_GRADE_GOOD, f->now + 30);
  prep_review_store_get_card (f->reviews, prep_question_get_id (first), &card);
  g_assert_cmpint (card.state, ==, PREP_CARD_LEARNING);
  g_assert_cmpuint (prep_quiz_session_get_position (session), ==, 1);
  g_assert_false (prep_quiz_session_get_revealed (session));
  g_assert_cmpuint (prep_quiz_session_get_n_covered (session), ==, 0);

  /* Again: the card comes back at the end. */
  prep_quiz_session_reveal (session);
  prep_quiz_session_grade (session, PREP_GRADE_AGAIN, f->now + 60);
  g_assert_cmpuint (prep_quiz_session_get_n_items (session), ==, 4);
  prep_quiz_session_grade (session, PREP_GRADE_EASY, f->now + 90);
  g_assert_false (prep_quiz_session_get_finished (session));
  prep_quiz_session_grade (session, PREP_GRADE_GOOD, f->now + 150);
  g_assert_true (prep_quiz_session_get_finished (session));
  g_assert_null (prep_quiz_session_get_question (session));

  /* The repeat does not count twice: 3 answered, the Again one missed. */
  g_assert_cmpuint (prep_quiz_session_get_n_answered (session), ==, 3);
  g_assert_cmpuint (prep_quiz_session_get_n_correct (session), ==, 2);
  g_assert_cmpint (prep_quiz_session_get_duration (session), ==, 150);
  g_assert_cmpuint (prep_review_store_get_n_log_entries (f->reviews), ==, 4);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(PrepQuizSession) session = start (f, PREP_QUIZ_FLASHCARDS, PREP_QUIZ_SET_ALL, NULL, 2);
  PrepQuestion *first = prep_quiz_session_get_question (session);
  PrepQuestion *second;
  PrepCard card;

  g_assert_false (prep_quiz_session_get_can_undo (session));
  g_assert_false (prep_quiz_session_undo (session));

  prep_quiz_session_reveal (session);
  prep_quiz_session_set_covered (session, 2, TRUE);
  prep_quiz_session_grade (session, PREP_GRADE_AGAIN, f->now);
  g_assert_cmpuint (prep_quiz_session_get_n_items (session), ==, 3);
  second = prep_quiz_session_get_question (session);
  prep_quiz_session_grade (session, PREP_GRADE_GOOD, f->now);

  /* Undo the second grade, then the first: back on the first card,
   * answer shown, key point still ticked, no repeat, card new again. */
  g_assert_true (prep_quiz_session_undo (session));
  g_assert_true (prep_quiz_session_get_question (session) == second);
  prep_review_store_get_card (f->reviews, prep_question_get_id (second), &card);
  g_assert_cmpint (card.state, ==, PREP_CARD_NEW);
  g_assert_true (prep_quiz_session_undo (session));
  g_assert_true (prep_quiz_session_get_question (session) == first);
  g_assert_true (prep_quiz_session_get_revealed (session));
  g_assert_true (prep_quiz_session_get_covered (session, 2));
  g_assert_cmpuint (prep_quiz_session_get_n_items (session), ==, 2);
  prep_review_store_get_card (f->reviews, prep_question_get_id (first), &card);
  g_assert_cmpint (card.state, ==, PREP_CARD_NEW);
  g_assert_cmpuint (prep_review_store_get_n_log_entries (f->reviews), ==, 0);
  g_assert_false (prep_quiz_session_get_can_undo (session));

  /* Undo after the end reopens the session. */
  prep_quiz_session_grade (session, PREP_GRADE_GOOD, f->now);
  prep_quiz_session_grade (session, PREP_GRADE_GOOD, f->now);
  g_assert_true (prep_quiz_session_get_finished (session));
  g_assert_true (prep_quiz_session_undo (session));
  g_assert_false (prep_quiz_session_get_finished (session));
  g_assert_cmpuint (prep_quiz_session_get_position (session), ==, 1);
}

static void
test_multiple_choice (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PrepQuizSession) session = start (f, PREP_QUIZ_CHOICE, PREP_QUIZ_SET_ALL, basics, 0);
  g_autoptr(GHashTable) first_round = g_hash_table_new (NULL, NULL);
  g_autoptr(GListModel) missed = NULL;
  g_autoptr(GArray) results = NULL;
  gboolean shuffled = FALSE;
  PrepQuestion *wrong_question = NULL;
  guint n_right = 0;
  PrepCard card;

  /* 20 questions × 3 items, round robin: the first 20 are all different. */
  g_assert_cmpuint (prep_quiz_session_get_n_items (session), ==, 60);

  for (guint i = 0; !prep_quiz_session_get_finished (session); i++)
    {
      const PrepQuizItem *item = prep_quiz_session_get_quiz_item (session);
      PrepQuestion *question = prep_quiz_session_get_question (session);
      gboolean seen[PREP_QUIZ_N_OPTIONS] = { FALSE };
      guint right_shown = 0;

      g_assert_nonnull (item);
      if (i < 20)
        g_assert_true (g_hash_table_add (first_round, question));

      for (guint shown = 0; shown < PREP_QUIZ_N_OPTIONS; shown++)
        {
          guint index = prep_quiz_session_get_option_index (session, shown);

          g_assert_cmpuint (index, <, PREP_QUIZ_N_OPTIONS);
          g_assert_false (seen[index]);
          seen[index] = TRUE;
          shuffled |= index != shown;
          if (index == item->answer)
            right_shown = shown;
        }

      g_assert_cmpint (prep_quiz_session_get_chosen (session), ==, -1);
      /* Wrong on items 0 and 20 (the same question twice), right else. */
      if (i == 0 || question == wrong_question)
        {
          wrong_question = question;
          g_assert_false (prep_quiz_session_choose (session, (right_shown + 1) % PREP_QUIZ_N_OPTIONS, f->now + i));
          /* A second click changes nothing. */
          g_assert_false (prep_quiz_session_choose (session, right_shown, f->now + i));
        }
      else
        {
          g_assert_true (prep_quiz_session_choose (session, right_shown, f->now + i));
          n_right++;
        }
      g_assert_cmpint (prep_quiz_session_get_chosen (session), >=, 0);
      prep_quiz_session_next (session);
    }
  g_assert_true (shuffled);

  g_assert_cmpuint (prep_quiz_session_get_n_answered (session), ==, 60);
  g_assert_cmpuint (prep_quiz_session_get_n_correct (session), ==, n_right);
  g_assert_cmpuint (n_right, ==, 57);
  missed = prep_quiz_session_get_missed (session);
  g_assert_cmpuint (g_list_model_get_n_items (missed), ==, 1);

  /* One failed review for the question, however many items were wrong. */
  g_assert_cmpuint (prep_review_store_get_n_log_entries (f->reviews), ==, 1);
  prep_review_store_get_card (f->reviews, prep_question_get_id (wrong_question), &card);
  g_assert_cmpint (card.state, ==, PREP_CARD_LEARNING);

  results = prep_quiz_session_get_category_results (session);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (prep_category_get_id (g_array_index (results, PrepQuizCategoryResult, 0).category), ==, "basics");
  g_assert_cmpuint (g_array_index (results, PrepQuizCategoryResult, 0).n_answered, ==, 60);
  g_assert_cmpuint (g_array_index (results, PrepQuizCategoryResult, 0).n_correct, ==, 57);
}

static void
test_interview (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PrepQuizSession) session = start (f, PREP_QUIZ_INTERVIEW, PREP_QUIZ_SET_ALL, NULL, 2);
  g_autoptr(GListModel) missed = NULL;
  PrepQuestion *question = prep_quiz_session_get_question (session);
  guint n_follow_ups = prep_question_get_follow_ups (question)->len;

  g_assert_cmpuint (n_follow_ups, >=, 2);
  g_assert_cmpuint (prep_quiz_session_get_n_follow_ups_shown (session), ==, 0);
  for (guint i = 1; i <= n_follow_ups; i++)
    {
      g_assert_true (prep_quiz_session_show_next_follow_up (session));
      g_assert_cmpuint (prep_quiz_session_get_n_follow_ups_shown (session), ==, i);
    }
  g_assert_false (prep_quiz_session_show_next_follow_up (session));

  /* Interviews do not repeat a missed question; it is in the summary. */
  prep_quiz_session_reveal (session);
  prep_quiz_session_grade (session, PREP_GRADE_AGAIN, f->now + 200);
  g_assert_cmpuint (prep_quiz_session_get_n_items (session), ==, 2);
  g_assert_cmpuint (prep_quiz_session_get_n_follow_ups_shown (session), ==, 0);

  /* Ending early counts what was answered. */
  prep_quiz_session_finish (session, f->now + 300);
  g_assert_true (prep_quiz_session_get_finished (session));
  g_assert_cmpuint (prep_quiz_session_get_n_answered (session), ==, 1);
  g_assert_cmpuint (prep_quiz_session_get_n_correct (session), ==, 0);
  g_assert_cmpint (prep_quiz_session_get_duration (session), ==, 300);
  missed = prep_quiz_session_get_missed (session);
  g_assert_cmpuint (g_list_model_get_n_items (missed), ==, 1);
}

/* A card graded Again comes back a few cards later in the same session,
 * as Anki's learning steps do; undo takes the repeat back. */
static void
test_again_comes_back (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PrepQuizSession) session = start (f, PREP_QUIZ_FLASHCARDS, PREP_QUIZ_SET_ALL, basics, 8);
  PrepQuestion *failed = prep_quiz_session_get_question (session);

  g_assert_cmpuint (prep_quiz_session_get_n_items (session), ==, 8);
  prep_quiz_session_reveal (session);
  prep_quiz_session_grade (session, PREP_GRADE_AGAIN, f->now);
  g_assert_cmpuint (prep_quiz_session_get_n_items (session), ==, 9);

  for (guint i = 1; i <= 3; i++)
    {
      g_assert_true (prep_quiz_session_get_question (session) != failed);
      prep_quiz_session_reveal (session);
      prep_quiz_session_grade (session, PREP_GRADE_GOOD, f->now + 60 * i);
    }
  g_assert_true (prep_quiz_session_get_question (session) == failed);

  /* Taking back the grades up to the Again removes the repeat too. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (prep_quiz_session_undo (session));
  g_assert_true (prep_quiz_session_get_question (session) == failed);
  g_assert_cmpuint (prep_quiz_session_get_n_items (session), ==, 8);
}

static gint64
last_duration (Fixture *f)
{
  GArray *log = prep_review_store_get_log (f->reviews);

  g_assert_cmpuint (log->len, >, 0);
  return g_array_index (log, PrepReviewLogEntry, log->len - 1).duration_ms;
}

static void
test_durations (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PrepQuizSession) cards = NULL;
  g_autoptr(PrepQuizSession) choice = NULL;
  gint64 begin = g_get_monotonic_time ();
  gint64 ms;

  /* The first card has been shown since the session started (the clock
   * read before, so that a busy machine cannot put the start first). */
  cards = start (f, PREP_QUIZ_FLASHCARDS, PREP_QUIZ_SET_ALL, basics, 0);
  g_usleep (30 * 1000);
  prep_quiz_session_grade (cards, PREP_GRADE_GOOD, f->now + 3600);
  ms = last_duration (f);
  g_assert_cmpint (ms, >=, 30);
  g_assert_cmpint (ms, <=, (g_get_monotonic_time () - begin) / 1000);

  /* The next from the moment it is shown, not the first's 30 ms, nor the
   * hour that the callers' times say. */
  begin = g_get_monotonic_time ();
  prep_quiz_session_grade (cards, PREP_GRADE_GOOD, f->now + 3600);
  g_usleep (20 * 1000);
  prep_quiz_session_grade (cards, PREP_GRADE_AGAIN, f->now + 7200);
  ms = last_duration (f);
  g_assert_cmpint (ms, >=, 20);
  g_assert_cmpint (ms, <=, (g_get_monotonic_time () - begin) / 1000);

  /* A wrong choice is a review with its length too. */
  choice = start (f, PREP_QUIZ_CHOICE, PREP_QUIZ_SET_ALL, basics, 0);
  g_usleep (20 * 1000);
  for (guint shown = 0; shown < PREP_QUIZ_N_OPTIONS; shown++)
    if (prep_quiz_session_get_option_index (choice, shown) != prep_quiz_session_get_quiz_item (choice)->answer)
      {
        g_assert_false (prep_quiz_session_choose (choice, shown, f->now));
        break;
      }
  g_assert_cmpint (g_array_index (prep_review_store_get_log (f->reviews), PrepReviewLogEntry,
                                  prep_review_store_get_log (f->reviews)->len - 1).kind, ==, PREP_REVIEW_CHOICE);
  g_assert_cmpint (last_duration (f), >=, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/quiz-session/again-comes-back", Fixture, NULL, fixture_set_up, test_again_comes_back, fixture_tear_down);
  g_test_add ("/quiz-session/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/quiz-session/question-ids", Fixture, NULL, fixture_set_up, test_question_ids, fixture_tear_down);
  g_test_add ("/quiz-session/due-first", Fixture, NULL, fixture_set_up, test_due_first, fixture_tear_down);
  g_test_add ("/quiz-session/seeded-order", Fixture, NULL, fixture_set_up, test_seeded_order, fixture_tear_down);
  g_test_add ("/quiz-session/flashcard-grading", Fixture, NULL, fixture_set_up, test_flashcard_grading, fixture_tear_down);
  g_test_add ("/quiz-session/undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/quiz-session/multiple-choice", Fixture, NULL, fixture_set_up, test_multiple_choice, fixture_tear_down);
  g_test_add ("/quiz-session/interview", Fixture, NULL, fixture_set_up, test_interview, fixture_tear_down);
  g_test_add ("/quiz-session/durations", Fixture, NULL, fixture_set_up, test_durations, fixture_tear_down);

  return g_test_run ();
}
