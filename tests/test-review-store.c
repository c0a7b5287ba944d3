/* test-review-store.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "prep-fsrs.h"
#include "prep-library.h"
#include "prep-review-store.h"
#include "prep-test-files.h"

#define MINUTE 60
#define DAY    (24 * 60 * 60)

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("llm-prep-reviews-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "llm-prep", "reviews.json", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  prep_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
assert_cards_equal (const PrepCard *a,
                    const PrepCard *b)
{
  g_assert_cmpint (a->state, ==, b->state);
  g_assert_cmpuint (a->step, ==, b->step);
  g_assert_cmpfloat_with_epsilon (a->memory.stability, b->memory.stability, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->memory.difficulty, b->memory.difficulty, 1e-9);
  g_assert_cmpint (a->due, ==, b->due);
  g_assert_cmpint (a->last_review, ==, b->last_review);
  g_assert_cmpuint (a->reps, ==, b->reps);
  g_assert_cmpuint (a->lapses, ==, b->lapses);
  g_assert_cmpint (a->interval, ==, b->interval);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  PrepReviewStore *store = prep_review_store_new (f->path);
  PrepReviewStore *again = prep_review_store_new (f->path);
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  g_autoptr(GError) error = NULL;
  PrepCard kv, kv_again, sa, sa_again;

  g_assert_true (prep_review_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_true (prep_review_store_grade (store, "kv-cache", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, now));
  g_assert_true (prep_review_store_grade (store, "kv-cache", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, now + 600));
  g_assert_true (prep_review_store_grade (store, "self-attention", PREP_GRADE_AGAIN, PREP_REVIEW_CHOICE, now + 700));
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));

  g_assert_true (prep_review_store_load (again, &error));
  g_assert_no_error (error);
  prep_review_store_get_card (store, "kv-cache", &kv);
  prep_review_store_get_card (again, "kv-cache", &kv_again);
  prep_review_store_get_card (store, "self-attention", &sa);
  prep_review_store_get_card (again, "self-attention", &sa_again);
  assert_cards_equal (&kv, &kv_again);
  assert_cards_equal (&sa, &sa_again);
  g_assert_cmpint (kv_again.state, ==, PREP_CARD_REVIEW);
  g_assert_cmpint (sa_again.state, ==, PREP_CARD_LEARNING);
  g_assert_cmpuint (prep_review_store_get_n_log_entries (again), ==, 3);

  /* Undo is for this session only; a reloaded store has none. */
  g_assert_true (prep_review_store_can_undo (store));
  g_assert_false (prep_review_store_can_undo (again));

  g_assert_finalize_object (store);
  g_assert_finalize_object (again);
}

static void
test_log_contents (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PrepReviewStore) store = prep_review_store_new (f->path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  JsonObject *root, *entry;
  JsonArray *log;

  prep_review_store_load (store, NULL);
  prep_review_store_grade (store, "kv-cache", PREP_GRADE_EASY, PREP_REVIEW_INTERVIEW, now);

  g_assert_true (json_parser_load_from_file (parser, f->path, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "schema_version"), ==, PREP_REVIEW_STORE_SCHEMA_VERSION);
  log = json_object_get_array_member (root, "log");
  g_assert_cmpuint (json_array_get_length (log), ==, 1);
  entry = json_array_get_object_element (log, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "question"), ==, "kv-cache");
  g_assert_cmpint (json_object_get_int_member (entry, "grade"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (entry, "kind"), ==, "interview");
  g_assert_cmpstr (json_object_get_string_member (entry, "state"), ==, "new");
  g_assert_cmpstr (json_object_get_string_member (entry, "time"), ==, "2026-11-29T02:00:00Z");
  /* Easy on a new card: 16 days, due at the start of that study day. */
  g_assert_cmpstr (json_object_get_string_member (entry, "due"), ==, "2026-12-14T20:00:00Z");
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(PrepReviewStore) store = prep_review_store_new (f->path);
  g_autoptr(PrepReviewStore) reread = prep_review_store_new (f->path);
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  PrepCard before, after;

  prep_review_store_load (store, NULL);
  prep_review_store_grade (store, "kv-cache", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, now);
  prep_review_store_get_card (store, "kv-cache", &before);
  prep_review_store_grade (store, "kv-cache", PREP_GRADE_EASY, PREP_REVIEW_FLASHCARD, now + 600);
  prep_review_store_get_card (store, "kv-cache", &after);
  g_assert_cmpint (after.state, ==, PREP_CARD_REVIEW);

  first = prep_review_store_undo (store);
  g_assert_cmpstr (first, ==, "kv-cache");
  prep_review_store_get_card (store, "kv-cache", &after);
  assert_cards_equal (&before, &after);
  g_assert_cmpuint (prep_review_store_get_n_log_entries (store), ==, 1);

  second = prep_review_store_undo (store);
  g_assert_cmpstr (second, ==, "kv-cache");
  prep_review_store_get_card (store, "kv-cache", &after);
  g_assert_cmpint (after.state, ==, PREP_CARD_NEW);
  g_assert_false (prep_review_store_can_undo (store));
  g_assert_null (prep_review_store_undo (store));

  /* The file follows. */
  prep_review_store_load (reread, NULL);
  prep_review_store_get_card (reread, "kv-cache", &after);
  g_assert_cmpint (after.state, ==, PREP_CARD_NEW);
  g_assert_cmpuint (prep_review_store_get_n_log_entries (reread), ==, 0);
}

static void
test_due_across_days (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PrepLibrary) library = prep_library_new ("zh_TW");
  g_autoptr(PrepReviewStore) store = prep_review_store_new (f->path);
  g_autoptr(PrepReviewStore) restarted = prep_review_store_new (f->path);
  g_autoptr(GError) error = NULL;
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  GListModel *questions;

  g_assert_true (prep_library_load_resources (library, PREP_CONTENT_RESOURCE_PATH, &error));
  g_assert_no_error (error);
  questions = prep_library_get_questions (library);
  prep_review_store_load (store, NULL);

  /* kv-cache graduates with 4 days; self-attention stays in learning (due
   * in 10 minutes, so due today); transformer-architecture is Easy, 16 d. */
  prep_review_store_grade (store, "kv-cache", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, now);
  prep_review_store_grade (store, "kv-cache", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, now + 600);
  prep_review_store_grade (store, "self-attention", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, now);
  prep_review_store_grade (store, "transformer-architecture", PREP_GRADE_EASY, PREP_REVIEW_FLASHCARD, now);

  g_assert_cmpuint (prep_review_store_count_due (store, questions, now), ==, 0);
  g_assert_cmpuint (prep_review_store_count_due (store, questions, prep_study_day_end (now)), ==, 1);

  /* After a restart, on later days. */
  prep_review_store_load (restarted, NULL);
  g_assert_cmpuint (prep_review_store_count_due (restarted, questions, prep_study_day_end (now)), ==, 1);
  g_assert_cmpuint (prep_review_store_count_due (restarted, questions,
                                                 prep_study_day_end (prep_test_local_time (2026, 12, 3, 3, 59))), ==, 1);
  g_assert_cmpuint (prep_review_store_count_due (restarted, questions,
                                                 prep_study_day_end (prep_test_local_time (2026, 12, 3, 4, 0))), ==, 2);
  g_assert_cmpuint (prep_review_store_count_due (restarted, questions,
                                                 prep_study_day_end (prep_test_local_time (2026, 12, 15, 9, 0))), ==, 3);
  g_assert_cmpint (prep_review_store_next_due (restarted, questions, now + 600),
                   ==, prep_test_local_time (2026, 12, 3, 4, 0));
  g_assert_true (prep_review_store_is_due (restarted, "self-attention", now + 601));
  g_assert_false (prep_review_store_is_due (restarted, "not-a-question", G_MAXINT64));
}

static void
test_desired_retention (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PrepReviewStore) store = prep_review_store_new (f->path);
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  PrepCard high[4], low[4];

  prep_review_store_load (store, NULL);
  prep_review_store_grade (store, "kv-cache", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, now);
  prep_review_store_preview (store, "kv-cache", now + 600, high);
  g_object_set (store, "desired-retention", 0.8, NULL);
  g_assert_cmpfloat (prep_review_store_get_desired_retention (store), ==, 0.8);
  prep_review_store_preview (store, "kv-cache", now + 600, low);
  g_assert_cmpint (high[2].interval, ==, 4 * DAY);
  g_assert_cmpint (low[2].interval, ==, 11 * DAY);

  prep_review_store_set_desired_retention (store, 0.5);
  g_assert_cmpfloat (prep_review_store_get_desired_retention (store), ==, 0.7);
}

static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PrepReviewStore) store = prep_review_store_new (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *folder = g_path_get_dirname (f->path);
  const char *garbage = "{\"schema_version\": 1, \"cards\": {\"kv-cache\": {\"state\": ";
  gboolean kept = FALSE;
  const char *name;
  PrepCard card;

  prep_test_write_file (f->path, garbage);
  g_assert_false (prep_review_store_load (store, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, ".corrupt-"));

  /* The damaged file is kept aside, byte for byte. */
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    {
      if (g_str_has_prefix (name, "reviews.json.corrupt-"))
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autofree char *contents = NULL;

          g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
          g_assert_cmpstr (contents, ==, garbage);
          kept = TRUE;
        }
    }
  g_assert_true (kept);

  g_assert_true (prep_review_store_grade (store, "kv-cache", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD,
                                          prep_test_local_time (2026, 11, 29, 10, 0)));
  prep_review_store_get_card (store, "kv-cache", &card);
  g_assert_cmpint (card.state, ==, PREP_CARD_LEARNING);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Reliability review U6, U7, U9, U17: cards this version cannot read
 * (a future state, float drift, a date without a zone, a year before 1000,
 * a member of the wrong type) are kept as they were, through a save. */
static void
test_unreadable_cards_kept (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PrepReviewStore) store = prep_review_store_new (f->path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *saved = NULL;
  const char *kept[][2] = {
    { "self-attention", "{\"state\": \"review\", \"step\": 0, \"stability\": 210.7, \"difficulty\": 10.000001, "
                        "\"due\": \"2026-12-02T20:00:00Z\", \"last_review\": \"2026-05-01T02:00:00Z\", \"reps\": 14, "
                        "\"lapses\": 2, \"interval\": 18000000}" },
    { "bert-vs-gpt", "{\"state\": \"suspended\", \"step\": 0, \"stability\": 90.2, \"difficulty\": 4, "
                     "\"due\": \"2026-09-02T20:00:00Z\", \"last_review\": \"2026-05-01T02:00:00Z\", \"reps\": 9}" },
    { "kv-cache", "{\"state\": \"review\", \"stability\": 12.0, \"difficulty\": 4, \"due\": \"2026-06-02 20:00:00\", "
                  "\"last_review\": \"2026-05-01T02:00:00Z\", \"reps\": 5}" },
    { "mha-mqa-gqa", "{\"state\": \"review\", \"stability\": 12.5, \"difficulty\": 5, \"due\": \"0999-12-02T20:00:00Z\", "
                     "\"last_review\": \"2026-05-01T02:00:00Z\", \"reps\": 6}" },
    { "scaling-laws", "{\"state\": \"review\", \"stability\": 12.5, \"difficulty\": 5, \"due\": \"2026-12-02T20:00:00Z\", "
                      "\"last_review\": \"0001-01-01T00:00:00Z\", \"reps\": 6}" },
    { "bert-vs-gpt-2", "{\"state\": \"review\", \"stability\": 3, \"difficulty\": 5, \"due\": \"2026-12-02T20:00:00Z\", "
                       "\"last_review\": \"2026-11-01T00:00:00Z\", \"reps\": {\"n\": 6}, \"step\": [1]}" },
    { "rlhf-dpo-grpo", "\"a bare string\"" },
  };
  g_autoptr(GString) file = g_string_new ("{\"schema_version\": 1, \"cards\": {"
                                          "\"what-is-llm\": {\"state\": \"review\", \"step\": 0, \"stability\": 4.5, "
                                          "\"difficulty\": 5, \"due\": \"2026-05-20T20:00:00Z\", "
                                          "\"last_review\": \"2026-05-16T02:00:00Z\", \"reps\": 2, \"lapses\": 0, "
                                          "\"interval\": 345600}");
  JsonObject *cards;
  PrepCard card;

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    g_string_append_printf (file, ", \"%s\": %s", kept[i][0], kept[i][1]);
  g_string_append (file, "}, \"log\": []}");
  prep_test_write_file (f->path, file->str);

  /* No warning, no critical (the tests make both fatal). */
  g_assert_true (prep_review_store_load (store, NULL));
  prep_review_store_get_card (store, "what-is-llm", &card);
  g_assert_cmpint (card.state, ==, PREP_CARD_REVIEW);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      prep_review_store_get_card (store, kept[i][0], &card);
      g_assert_cmpint (card.state, ==, PREP_CARD_NEW);
    }

  /* A review of the good card saves the file: the others are still there. */
  g_assert_true (prep_review_store_grade (store, "what-is-llm", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD,
                                          prep_test_local_time (2026, 11, 29, 10, 0)));
  g_assert_true (g_file_get_contents (f->path, &saved, NULL, NULL));
  g_assert_true (json_parser_load_from_data (parser, saved, -1, NULL));
  cards = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "cards");
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autoptr(JsonParser) original = json_parser_new ();

      g_assert_true (json_parser_load_from_data (original, kept[i][1], -1, NULL));
      g_assert_true (json_node_equal (json_parser_get_root (original), json_object_get_member (cards, kept[i][0])));
    }

  /* Reviewing a kept card's question starts it anew, and replaces it. */
  g_assert_true (prep_review_store_grade (store, "bert-vs-gpt", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD,
                                          prep_test_local_time (2026, 11, 29, 10, 5)));
  prep_review_store_get_card (store, "bert-vs-gpt", &card);
  g_assert_cmpint (card.state, ==, PREP_CARD_LEARNING);
}

/* Reliability review U8: same-day Easy reviews multiplied stability until
 * it was infinite and the file unreadable. It stays finite, within bounds,
 * and the file reads back. */
static void
test_stability_bounded (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PrepReviewStore) store = prep_review_store_new (f->path);
  g_autoptr(PrepReviewStore) again = prep_review_store_new (f->path);
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  PrepCard card;

  /* Each same-day Easy multiplies stability by e^0.858 ≈ 2.36. */
  prep_test_write_file (f->path,
                        "{\"schema_version\": 1, \"cards\": {\"kv-cache\": {\"state\": \"review\", \"stability\": 36000, "
                        "\"difficulty\": 1, \"due\": \"2026-12-02T20:00:00Z\", \"last_review\": \"2026-11-29T01:00:00Z\"}}}");
  g_assert_true (prep_review_store_load (store, NULL));
  for (guint i = 0; i < 5; i++)
    g_assert_true (prep_review_store_grade (store, "kv-cache", PREP_GRADE_EASY, PREP_REVIEW_FLASHCARD, now + i));
  prep_review_store_get_card (store, "kv-cache", &card);
  g_assert_true (isfinite (card.memory.stability));
  g_assert_cmpfloat (card.memory.stability, <=, PREP_FSRS_MAX_STABILITY);

  g_assert_true (prep_review_store_load (again, NULL));
  prep_review_store_get_card (again, "kv-cache", &card);
  g_assert_cmpint (card.state, ==, PREP_CARD_REVIEW);
  g_assert_cmpuint (prep_review_store_get_n_log_entries (again), ==, 5);
  g_assert_cmpfloat (card.memory.stability, ==, PREP_FSRS_MAX_STABILITY);
}

/* Reliability review U10: the grade stays, and the error is told, when the
 * file cannot be written; a flush writes it once it can. */
static void
test_grade_save_failure (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PrepReviewStore) store = prep_review_store_new (f->path);
  g_autofree char *folder = g_path_get_dirname (f->path);
  guint notified = 0;
  PrepCard card;

  g_assert_true (prep_review_store_load (store, NULL));
  g_signal_connect (store, "notify::save-error", G_CALLBACK (count_notify), &notified);

  /* A file where the folder should be stops even root. */
  g_assert_true (g_file_set_contents (folder, "in the way", -1, NULL));
  g_assert_false (prep_review_store_grade (store, "kv-cache", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD,
                                           prep_test_local_time (2026, 11, 29, 10, 0)));
  g_assert_nonnull (prep_review_store_get_save_error (store));
  g_assert_cmpuint (notified, ==, 1);
  prep_review_store_get_card (store, "kv-cache", &card);
  g_assert_cmpint (card.state, ==, PREP_CARD_LEARNING);

  g_assert_cmpint (g_unlink (folder), ==, 0);
  g_assert_true (prep_review_store_flush (store, NULL));
  g_assert_null (prep_review_store_get_save_error (store));
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
}

static void
test_newer_version (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PrepReviewStore) store = prep_review_store_new (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  const char *future = "{\"schema_version\": 2, \"cards\": {}, \"log\": [], \"fsrs\": {\"version\": 7}}";
  PrepCard card;

  prep_test_write_file (f->path, future);
  g_assert_false (prep_review_store_load (store, &error));
  g_assert_nonnull (error);
  g_assert_true (prep_review_store_get_read_only (store));

  /* Reviews work for this session but the file is not touched. */
  g_assert_false (prep_review_store_grade (store, "kv-cache", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD,
                                           prep_test_local_time (2026, 11, 29, 10, 0)));
  g_assert_nonnull (prep_review_store_get_save_error (store));
  prep_review_store_get_card (store, "kv-cache", &card);
  g_assert_cmpint (card.state, ==, PREP_CARD_LEARNING);
  g_assert_true (g_file_get_contents (f->path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, future);
}

static void
test_write_failure (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autoptr(PrepReviewStore) store = prep_review_store_new (f->path);
  g_autoptr(PrepReviewStore) reread = prep_review_store_new (f->path);
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  PrepCard card;

  prep_review_store_load (store, NULL);

  /* A file where the folder should be: the review stays in memory. */
  g_assert_true (g_file_set_contents (folder, "blocker", -1, NULL));
  g_assert_false (prep_review_store_grade (store, "kv-cache", PREP_GRADE_EASY, PREP_REVIEW_FLASHCARD, now));
  g_assert_nonnull (prep_review_store_get_save_error (store));

  g_unlink (folder);
  g_assert_true (prep_review_store_flush (store, NULL));
  g_assert_null (prep_review_store_get_save_error (store));
  prep_review_store_load (reread, NULL);
  prep_review_store_get_card (reread, "kv-cache", &card);
  g_assert_cmpint (card.state, ==, PREP_CARD_REVIEW);
}

static void
test_keeps_unknown_members (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PrepReviewStore) store = prep_review_store_new (f->path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  prep_test_write_file (f->path, "{\"schema_version\": 1, \"cards\": {}, \"log\": [{\"question\": \"old\"}],"
                                 " \"sync\": {\"device\": \"laptop\"}}");
  g_assert_true (prep_review_store_load (store, NULL));
  prep_review_store_grade (store, "kv-cache", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD,
                           prep_test_local_time (2026, 11, 29, 10, 0));

  g_assert_true (json_parser_load_from_file (parser, f->path, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "sync"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "log")), ==, 2);
}

static void
test_duration_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  PrepReviewStore *store = prep_review_store_new (f->path);
  PrepReviewStore *again = prep_review_store_new (f->path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  GArray *log;
  JsonArray *file_log;
  JsonObject *root;

  prep_review_store_load (store, NULL);
  g_assert_true (prep_review_store_grade_timed (store, "kv-cache", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD,
                                                now, 8200));
  g_assert_true (prep_review_store_grade (store, "kv-cache", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, now + 600));
  /* A card left open for an hour counts five minutes. */
  g_assert_true (prep_review_store_grade_timed (store, "rope", PREP_GRADE_AGAIN, PREP_REVIEW_INTERVIEW,
                                                now + 700, 3600 * 1000));

  g_assert_true (json_parser_load_from_file (parser, f->path, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  file_log = json_object_get_array_member (root, "log");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (file_log, 0), "duration"), ==, 8200);
  /* Unknown lengths are not written at all. */
  g_assert_false (json_object_has_member (json_array_get_object_element (file_log, 1), "duration"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (file_log, 2), "duration"),
                   ==, PREP_REVIEW_MAX_DURATION_MS);

  prep_review_store_load (again, NULL);
  log = prep_review_store_get_log (again);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpstr (g_array_index (log, PrepReviewLogEntry, 0).question_id, ==, "kv-cache");
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 0).time, ==, now);
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 0).grade, ==, PREP_GRADE_GOOD);
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 0).kind, ==, PREP_REVIEW_FLASHCARD);
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 0).state, ==, PREP_CARD_NEW);
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 0).duration_ms, ==, 8200);
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 1).state, ==, PREP_CARD_LEARNING);
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 1).duration_ms, ==, 0);
  g_assert_cmpstr (g_array_index (log, PrepReviewLogEntry, 2).question_id, ==, "rope");
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 2).kind, ==, PREP_REVIEW_INTERVIEW);
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 2).grade, ==, PREP_GRADE_AGAIN);
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 2).duration_ms, ==, PREP_REVIEW_MAX_DURATION_MS);

  /* The read log follows grades and undo in memory too. */
  g_assert_cmpuint (prep_review_store_get_log (store)->len, ==, 3);
  g_free (prep_review_store_undo (store));
  g_assert_cmpuint (prep_review_store_get_log (store)->len, ==, 2);
  g_assert_cmpstr (g_array_index (prep_review_store_get_log (store), PrepReviewLogEntry, 1).question_id,
                   ==, "kv-cache");

  /* An empty id is recorded but not read back; undoing it leaves the read
   * log as it was. */
  g_assert_true (prep_review_store_grade (store, "", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, now + 800));
  g_assert_cmpuint (prep_review_store_get_log (store)->len, ==, 2);
  g_assert_cmpuint (prep_review_store_get_n_log_entries (store), ==, 3);
  g_free (prep_review_store_undo (store));
  g_assert_cmpuint (prep_review_store_get_log (store)->len, ==, 2);
  g_assert_cmpuint (prep_review_store_get_n_log_entries (store), ==, 2);

  g_assert_finalize_object (store);
  g_assert_finalize_object (again);
}

static void
test_log_hostile (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PrepReviewStore) store = prep_review_store_new (f->path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  GArray *log;

  prep_test_write_file (f->path,
    "{\"schema_version\": 1, \"cards\": {}, \"log\": ["
    /* 0: good, with a duration */
    "{\"question\": \"a\", \"time\": \"2026-11-29T02:00:00Z\", \"grade\": 3, \"kind\": \"choice\","
    " \"state\": \"review\", \"duration\": 1500},"
    /* Skipped: wrong types, out of range, missing what is needed. */
    "{\"question\": 7, \"time\": \"2026-11-29T02:00:00Z\", \"grade\": 3},"
    "{\"question\": \"\", \"time\": \"2026-11-29T02:00:00Z\", \"grade\": 3},"
    "{\"question\": \"b\", \"time\": 1764381600, \"grade\": 3},"
    "{\"question\": \"b\", \"time\": \"yesterday\", \"grade\": 3},"
    "{\"question\": \"b\", \"time\": \"0001-01-01T00:00:00Z\", \"grade\": 3},"
    "{\"question\": \"b\", \"time\": \"9999-12-31T23:59:59Z\", \"grade\": 3},"
    "{\"question\": \"b\", \"time\": \"2026-11-29T02:00:00Z\", \"grade\": \"3\"},"
    "{\"question\": \"b\", \"time\": \"2026-11-29T02:00:00Z\", \"grade\": 3.5},"
    "{\"question\": \"b\", \"time\": \"2026-11-29T02:00:00Z\", \"grade\": 0},"
    "{\"question\": \"b\", \"time\": \"2026-11-29T02:00:00Z\", \"grade\": 5},"
    "{\"question\": \"b\", \"time\": \"2026-11-29T02:00:00Z\"},"
    "{\"question\": \"b\", \"time\": \"2026-11-29T02:00:00Z\", \"grade\": 3, \"kind\": \"essay\"},"
    "{\"question\": \"b\", \"time\": \"2026-11-29T02:00:00Z\", \"grade\": 3, \"kind\": [1]},"
    "{\"question\": \"b\", \"time\": \"2026-11-29T02:00:00Z\", \"grade\": 3, \"state\": \"mastered\"},"
    "{\"question\": \"b\", \"time\": \"2026-11-29T02:00:00Z\", \"grade\": 3, \"state\": null},"
    "[\"question\", \"b\"], \"b\", 3, null, {},"
    /* 1: a duration of the wrong type or sign reads as unknown */
    "{\"question\": \"c\", \"time\": \"2026-11-29T03:00:00Z\", \"grade\": 1, \"duration\": \"long\"},"
    /* 2 */
    "{\"question\": \"d\", \"time\": \"2026-11-29T03:00:00Z\", \"grade\": 2, \"duration\": -40},"
    /* 3: and a huge one as the longest review */
    "{\"question\": \"e\", \"time\": \"2026-11-29T03:00:00Z\", \"grade\": 4, \"duration\": 9223372036854775807},"
    /* 4 */
    "{\"question\": \"f\", \"time\": \"2026-11-29T03:00:00Z\", \"grade\": 4, \"duration\": 1.5e300}"
    "]}");
  prep_review_store_load (store, NULL);
  log = prep_review_store_get_log (store);

  g_assert_cmpuint (log->len, ==, 5);
  g_assert_cmpstr (g_array_index (log, PrepReviewLogEntry, 0).question_id, ==, "a");
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 0).kind, ==, PREP_REVIEW_CHOICE);
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 0).state, ==, PREP_CARD_REVIEW);
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 0).duration_ms, ==, 1500);
  g_assert_cmpstr (g_array_index (log, PrepReviewLogEntry, 1).question_id, ==, "c");
  /* Without kind and state: a flashcard review of a new card. */
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 1).kind, ==, PREP_REVIEW_FLASHCARD);
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 1).state, ==, PREP_CARD_NEW);
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 1).duration_ms, ==, 0);
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 2).duration_ms, ==, 0);
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 3).duration_ms, ==, PREP_REVIEW_MAX_DURATION_MS);
  g_assert_cmpint (g_array_index (log, PrepReviewLogEntry, 4).duration_ms, ==, 0);

  /* Every entry, readable or not, is written back. */
  g_assert_cmpuint (prep_review_store_get_n_log_entries (store), ==, 25);
  prep_review_store_grade (store, "g", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, prep_test_local_time (2026, 11, 29, 12, 0));
  g_assert_cmpuint (prep_review_store_get_log (store)->len, ==, 6);
  g_assert_true (json_parser_load_from_file (parser, f->path, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "log")), ==, 26);
}

static void
count_cb (PrepReviewStore *store,
          const char      *question_id,
          guint           *count)
{
  (*count)++;
}

static void
test_interview_day (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PrepReviewStore) store = prep_review_store_new (f->path);
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  guint changed = 0;
  PrepCard card, next[4];

  prep_review_store_load (store, NULL);
  g_signal_connect (store, "changed", G_CALLBACK (count_cb), &changed);
  prep_review_store_set_interview_day (store, prep_study_day (now) + 3);
  prep_review_store_set_interview_day (store, prep_study_day (now) + 3);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (prep_review_store_get_interview_day (store), ==, prep_study_day (now) + 3);

  /* Easy on a new card would be 16 days; it is due the day before. */
  prep_review_store_preview (store, "kv-cache", now, next);
  g_assert_cmpint (next[PREP_GRADE_EASY - 1].due, ==, prep_test_local_time (2026, 12, 1, 4, 0));
  prep_review_store_grade (store, "kv-cache", PREP_GRADE_EASY, PREP_REVIEW_FLASHCARD, now);
  prep_review_store_get_card (store, "kv-cache", &card);
  g_assert_cmpint (card.due, ==, prep_test_local_time (2026, 12, 1, 4, 0));
  g_assert_cmpuint (changed, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Taipei", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/review-store/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/review-store/log-contents", Fixture, NULL, fixture_set_up, test_log_contents, fixture_tear_down);
  g_test_add ("/review-store/undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/review-store/due-across-days", Fixture, NULL, fixture_set_up, test_due_across_days, fixture_tear_down);
  g_test_add ("/review-store/desired-retention", Fixture, NULL, fixture_set_up, test_desired_retention, fixture_tear_down);
  g_test_add ("/review-store/corrupt", Fixture, NULL, fixture_set_up, test_corrupt, fixture_tear_down);
  g_test_add ("/review-store/unreadable-cards-kept", Fixture, NULL, fixture_set_up, test_unreadable_cards_kept, fixture_tear_down);
  g_test_add ("/review-store/stability-bounded", Fixture, NULL, fixture_set_up, test_stability_bounded, fixture_tear_down);
  g_test_add ("/review-store/grade-save-failure", Fixture, NULL, fixture_set_up, test_grade_save_failure, fixture_tear_down);
  g_test_add ("/review-store/newer-version", Fixture, NULL, fixture_set_up, test_newer_version, fixture_tear_down);
  g_test_add ("/review-store/write-failure", Fixture, NULL, fixture_set_up, test_write_failure, fixture_tear_down);
  g_test_add ("/review-store/keeps-unknown-members", Fixture, NULL, fixture_set_up, test_keeps_unknown_members, fixture_tear_down);
  g_test_add ("/review-store/duration-round-trip", Fixture, NULL, fixture_set_up, test_duration_round_trip, fixture_tear_down);
  g_test_add ("/review-store/log-hostile", Fixture, NULL, fixture_set_up, test_log_hostile, fixture_tear_down);
  g_test_add ("/review-store/interview-day", Fixture, NULL, fixture_set_up, test_interview_day, fixture_tear_down);

  return g_test_run ();
}
