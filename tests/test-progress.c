/* test-progress.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The figures of the Progress view from fixed cards, review logs and a
 * fixed "now", in Europe/Berlin so that summer time starts on 29 March
 * 2026 and ends on 25 October 2026. */

#include "config.h"

#include <math.h>
#include <time.h>

#include "prep-progress.h"
#include "prep-question-private.h"
#include "prep-test-files.h"

#define MINUTE 60
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

static void
add_question (GListStore *questions,
              const char *id,
              const char *category_id,
              gboolean    answered)
{
  g_autoptr(PrepQuestion) question = _prep_question_new (id, "zh_TW");

  question->category_id = g_strdup (category_id);
  if (answered)
    question->short_answer = prep_text_new ();
  g_list_store_append (questions, question);
}

static void
add_review (GArray         *log,
            const char     *question_id,
            gint64          time,
            PrepGrade       grade,
            PrepReviewKind  kind,
            PrepCardState   state,
            gint64          duration_ms)
{
  PrepReviewLogEntry entry = { question_id, time, grade, kind, state, duration_ms };

  g_array_append_val (log, entry);
}

static GArray *
new_log (void)
{
  return g_array_new (FALSE, FALSE, sizeof (PrepReviewLogEntry));
}

/* A learnt card last reviewed at @last_review. */
static PrepCard
review_card (double stability,
             gint64 last_review,
             gint64 due,
             guint  lapses)
{
  return (PrepCard) {
    .state = PREP_CARD_REVIEW,
    .memory = { stability, 5.0 },
    .due = due,
    .last_review = last_review,
    .reps = 3,
    .lapses = lapses,
    .interval = due - last_review,
  };
}

static PrepProgress *
progress_for_log (GArray *log,
                  gint64  now)
{
  g_autoptr(GListStore) questions = g_list_store_new (PREP_TYPE_QUESTION);

  return prep_progress_new (G_LIST_MODEL (questions), NULL, log, now);
}

/* Each review is in the heatmap on the day prep_study_day() gives, the
 * slow reference the binary search must agree with. */
static void
assert_heatmap_matches_reference (PrepProgress *progress,
                                  GArray       *log)
{
  GArray *heatmap = prep_progress_get_heatmap (progress);
  gint64 first = g_array_index (heatmap, PrepProgressDay, 0).day;
  g_autofree guint *counts = g_new0 (guint, heatmap->len);

  for (guint i = 0; i < log->len; i++)
    {
      gint64 day = prep_study_day (g_array_index (log, PrepReviewLogEntry, i).time);

      if (day >= first && day <= prep_progress_get_day (progress))
        counts[day - first]++;
    }
  for (guint i = 0; i < heatmap->len; i++)
    {
      g_assert_cmpint (g_array_index (heatmap, PrepProgressDay, i).day, ==, first + i);
      g_assert_cmpuint (g_array_index (heatmap, PrepProgressDay, i).n_reviews, ==, counts[i]);
    }
}

static guint
reviews_on (PrepProgress *progress,
            gint64        time)
{
  GArray *heatmap = prep_progress_get_heatmap (progress);
  gint64 index = prep_study_day (time) - g_array_index (heatmap, PrepProgressDay, 0).day;

  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (index, <, heatmap->len);

  return g_array_index (heatmap, PrepProgressDay, index).n_reviews;
}

static void
test_streak_rollover (void)
{
  g_autoptr(GArray) log = new_log ();
  g_autoptr(PrepProgress) progress = NULL;
  g_autoptr(PrepProgress) longer = NULL;
  g_autoptr(PrepProgress) next_day = NULL;
  g_autoptr(PrepProgress) broken = NULL;
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);

  add_review (log, "a", prep_test_local_time (2026, 11, 26, 3, 59), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  add_review (log, "a", prep_test_local_time (2026, 11, 27, 20, 0), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  /* 1:30 a.m. is still the study day of the 28th. */
  add_review (log, "a", prep_test_local_time (2026, 11, 29, 1, 30), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  add_review (log, "a", prep_test_local_time (2026, 11, 29, 9, 0), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);

  /* 29, 28, 27; the 26th had none (3:59 a.m. was the 25th's). */
  progress = progress_for_log (log, now);
  g_assert_cmpuint (prep_progress_get_today (progress)->streak, ==, 3);
  g_assert_cmpuint (prep_progress_get_today (progress)->n_reviews, ==, 1);
  g_assert_cmpuint (reviews_on (progress, prep_test_local_time (2026, 11, 28, 12, 0)), ==, 1);
  g_assert_cmpuint (reviews_on (progress, prep_test_local_time (2026, 11, 25, 12, 0)), ==, 1);
  g_assert_cmpuint (reviews_on (progress, prep_test_local_time (2026, 11, 26, 12, 0)), ==, 0);
  assert_heatmap_matches_reference (progress, log);

  /* 4:00 sharp starts the 26th, which joins the 25th to the streak. */
  add_review (log, "a", prep_test_local_time (2026, 11, 26, 4, 0), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  longer = progress_for_log (log, now);
  g_assert_cmpuint (prep_progress_get_today (longer)->streak, ==, 5);

  /* Nothing yet today, at 3 a.m. or at noon the next day: yesterday's
   * streak still counts; not after a day without reviews. */
  next_day = progress_for_log (log, prep_test_local_time (2026, 11, 30, 12, 0));
  g_assert_cmpuint (prep_progress_get_today (next_day)->streak, ==, 5);
  g_assert_cmpuint (prep_progress_get_today (next_day)->n_reviews, ==, 0);
  broken = progress_for_log (log, prep_test_local_time (2026, 12, 1, 12, 0));
  g_assert_cmpuint (prep_progress_get_today (broken)->streak, ==, 0);
}

static void
test_streak_long (void)
{
  g_autoptr(GArray) log = new_log ();
  g_autoptr(PrepProgress) progress = NULL;
  g_autoptr(PrepProgress) gap = NULL;
  g_autoptr(PrepProgress) joined = NULL;
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  gint64 today = prep_study_day (now);

  /* 400 days in a row, longer than the heatmap, across both changes of
   * summer time. */
  for (int i = 399; i >= 0; i--)
    {
      add_review (log, "a", now - (gint64) i * DAY - (i % 7) * HOUR, PREP_GRADE_GOOD,
                  PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
      /* Half past three the next morning is the same study day. */
      if (i % 5 == 0 && i > 0)
        add_review (log, "b", prep_study_day_start (prep_study_day (now) - i + 1) - 30 * MINUTE,
                    PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
    }

  progress = progress_for_log (log, now);
  g_assert_cmpuint (prep_progress_get_today (progress)->streak, ==, 400);
  assert_heatmap_matches_reference (progress, log);

  /* A day without reviews 380 days ago ends it there, at 4 a.m. sharp
   * on both sides; older days and times out of range change nothing. */
  g_array_set_size (log, 0);
  for (gint64 day = today - 379; day <= today; day++)
    add_review (log, "a", prep_study_day_start (day), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  add_review (log, "a", prep_study_day_start (today - 380) - 1, PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  add_review (log, "a", prep_study_day_start (today - 390), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  add_review (log, "a", 0, PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  add_review (log, "a", G_MININT64, PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  add_review (log, "a", G_MAXINT64, PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  gap = progress_for_log (log, now);
  g_assert_cmpuint (prep_progress_get_today (gap)->streak, ==, 380);

  /* The day before the gap: one more. */
  add_review (log, "a", prep_study_day_start (today - 380), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  joined = progress_for_log (log, now);
  g_assert_cmpuint (prep_progress_get_today (joined)->streak, ==, 382);
}

static void
test_streak_dst (void)
{
  g_autoptr(GArray) spring = new_log ();
  g_autoptr(GArray) autumn = new_log ();
  g_autoptr(PrepProgress) march = NULL;
  g_autoptr(PrepProgress) october = NULL;

  /* 29 March: 2:00 becomes 3:00; 3:30 is before the day's start. */
  add_review (spring, "a", prep_test_local_time (2026, 3, 28, 22, 0), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  add_review (spring, "a", prep_test_local_time (2026, 3, 29, 3, 30), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  add_review (spring, "a", prep_test_local_time (2026, 3, 29, 4, 0), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  add_review (spring, "a", prep_test_local_time (2026, 3, 30, 4, 30), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  march = progress_for_log (spring, prep_test_local_time (2026, 3, 30, 10, 0));
  g_assert_cmpuint (prep_progress_get_today (march)->streak, ==, 3);
  g_assert_cmpuint (reviews_on (march, prep_test_local_time (2026, 3, 28, 12, 0)), ==, 2);
  g_assert_cmpuint (reviews_on (march, prep_test_local_time (2026, 3, 29, 12, 0)), ==, 1);
  g_assert_cmpuint (prep_progress_get_today (march)->n_reviews, ==, 1);
  assert_heatmap_matches_reference (march, spring);

  /* 25 October: 3:00 becomes 2:00 again, a 25-hour study day. */
  add_review (autumn, "a", prep_test_local_time (2026, 10, 24, 12, 0), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  add_review (autumn, "a", prep_test_local_time (2026, 10, 25, 3, 30), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  add_review (autumn, "a", prep_test_local_time (2026, 10, 25, 4, 0), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  add_review (autumn, "a", prep_test_local_time (2026, 10, 26, 3, 59), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  october = progress_for_log (autumn, prep_test_local_time (2026, 10, 26, 9, 0));
  /* Nothing on the 26th yet: 25 and 24. */
  g_assert_cmpuint (prep_progress_get_today (october)->streak, ==, 2);
  g_assert_cmpuint (prep_progress_get_today (october)->n_reviews, ==, 0);
  g_assert_cmpuint (reviews_on (october, prep_test_local_time (2026, 10, 24, 12, 0)), ==, 2);
  g_assert_cmpuint (reviews_on (october, prep_test_local_time (2026, 10, 25, 12, 0)), ==, 2);
  assert_heatmap_matches_reference (october, autumn);
}

static void
test_heatmap (void)
{
  g_autoptr(GArray) log = new_log ();
  g_autoptr(PrepProgress) progress = NULL;
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  gint64 today = prep_study_day (now);
  GArray *heatmap;

  add_review (log, "a", prep_study_day_start (today - 365), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 1000);
  add_review (log, "a", prep_study_day_start (today - 364), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 7000);
  add_review (log, "a", prep_study_day_start (today - 1) - 1, PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 500);
  add_review (log, "a", now - HOUR, PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 1000);
  add_review (log, "b", now - 2 * HOUR, PREP_GRADE_AGAIN, PREP_REVIEW_CHOICE, PREP_CARD_NEW, 2000);
  /* The reviews arrive as the store reads them; an array from elsewhere
   * is bounded again. */
  add_review (log, "c", now, PREP_GRADE_GOOD, PREP_REVIEW_INTERVIEW, PREP_CARD_NEW, 10 * 60 * 1000);
  /* Later today is still today; tomorrow, a clock set back, is nowhere. */
  add_review (log, "d", prep_study_day_start (today + 1) - 1, PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  add_review (log, "d", prep_study_day_start (today + 1), PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 9000);

  progress = progress_for_log (log, now);
  heatmap = prep_progress_get_heatmap (progress);
  g_assert_cmpuint (heatmap->len, ==, PREP_PROGRESS_HEATMAP_DAYS);
  g_assert_cmpint (g_array_index (heatmap, PrepProgressDay, 0).day, ==, today - 364);
  g_assert_cmpint (g_array_index (heatmap, PrepProgressDay, 364).day, ==, today);

  g_assert_cmpuint (g_array_index (heatmap, PrepProgressDay, 0).n_reviews, ==, 1);
  g_assert_cmpint (g_array_index (heatmap, PrepProgressDay, 0).studied_ms, ==, 7000);
  g_assert_cmpuint (g_array_index (heatmap, PrepProgressDay, 362).n_reviews, ==, 1);
  g_assert_cmpint (g_array_index (heatmap, PrepProgressDay, 362).studied_ms, ==, 500);
  g_assert_cmpuint (g_array_index (heatmap, PrepProgressDay, 363).n_reviews, ==, 0);
  g_assert_cmpuint (g_array_index (heatmap, PrepProgressDay, 364).n_reviews, ==, 4);
  g_assert_cmpint (g_array_index (heatmap, PrepProgressDay, 364).studied_ms, ==, 1000 + 2000 + PREP_REVIEW_MAX_DURATION_MS);

  g_assert_cmpuint (prep_progress_get_today (progress)->n_reviews, ==, 4);
  g_assert_cmpint (prep_progress_get_today (progress)->studied_ms, ==, 1000 + 2000 + PREP_REVIEW_MAX_DURATION_MS);
  g_assert_cmpuint (prep_progress_get_today (progress)->streak, ==, 1);
  assert_heatmap_matches_reference (progress, log);
}

static void
test_forecast (void)
{
  g_autoptr(GListStore) questions = g_list_store_new (PREP_TYPE_QUESTION);
  g_autoptr(GArray) log = new_log ();
  g_autoptr(PrepProgress) progress = NULL;
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  gint64 today = prep_study_day (now);
  gint64 last = now - 30 * DAY;
  const guint *forecast;
  guint n_days, total = 0;
  PrepCard cards[9];

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      g_autofree char *id = g_strdup_printf ("q%u", i);

      add_question (questions, id, "basics", TRUE);
    }
  cards[0] = review_card (10, last, now - 10 * DAY, 0);                         /* overdue */
  cards[1] = review_card (10, last, now - MINUTE, 0);                           /* due now */
  cards[2] = review_card (10, last, prep_test_local_time (2026, 11, 30, 3, 59), 0);       /* tonight */
  cards[3] = review_card (10, last, prep_test_local_time (2026, 11, 30, 4, 0), 0);        /* tomorrow */
  cards[4] = review_card (10, last, prep_study_day_start (today + 29), 0);      /* last day */
  cards[5] = review_card (10, last, prep_study_day_start (today + 30), 0);      /* beyond */
  cards[6] = (PrepCard) { .state = PREP_CARD_LEARNING, .memory = { 1, 5 }, .due = now + 10 * MINUTE,
                          .last_review = now, .reps = 1 };
  prep_card_init_new (&cards[7]);
  prep_card_init_new (&cards[8]);

  progress = prep_progress_new (G_LIST_MODEL (questions), cards, log, now);
  forecast = prep_progress_get_forecast (progress, &n_days);
  g_assert_cmpuint (n_days, ==, PREP_PROGRESS_FORECAST_DAYS);
  g_assert_cmpuint (forecast[0], ==, 4);
  g_assert_cmpuint (forecast[1], ==, 1);
  g_assert_cmpuint (forecast[29], ==, 1);
  for (guint i = 0; i < n_days; i++)
    total += forecast[i];
  g_assert_cmpuint (total, ==, 6);

  g_assert_cmpuint (prep_progress_get_today (progress)->n_due, ==, 2);
  g_assert_cmpuint (prep_progress_get_today (progress)->n_due_today, ==, 4);
  g_assert_cmpuint (prep_progress_get_today (progress)->n_new, ==, 2);
}

static void
test_retention (void)
{
  g_autoptr(GArray) log = new_log ();
  g_autoptr(PrepProgress) progress = NULL;
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  gint64 today = prep_study_day (now);
  const PrepProgressRetention *r;

  /* This week: flashcards 2 of 3 passed (Hard passes, Again does not). */
  add_review (log, "a", now - HOUR, PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_REVIEW, 0);
  add_review (log, "b", now - DAY, PREP_GRADE_HARD, PREP_REVIEW_FLASHCARD, PREP_CARD_REVIEW, 0);
  add_review (log, "c", prep_study_day_start (today - 6), PREP_GRADE_AGAIN, PREP_REVIEW_FLASHCARD, PREP_CARD_REVIEW, 0);
  /* Choice: 0 of 1. Interview: 1 of 1. */
  add_review (log, "d", now - 2 * DAY, PREP_GRADE_AGAIN, PREP_REVIEW_CHOICE, PREP_CARD_REVIEW, 0);
  add_review (log, "e", now - 3 * DAY, PREP_GRADE_EASY, PREP_REVIEW_INTERVIEW, PREP_CARD_REVIEW, 0);
  /* Not learnt yet: not counted, whatever the grade. */
  add_review (log, "f", now - HOUR, PREP_GRADE_AGAIN, PREP_REVIEW_FLASHCARD, PREP_CARD_NEW, 0);
  add_review (log, "f", now - HOUR, PREP_GRADE_AGAIN, PREP_REVIEW_FLASHCARD, PREP_CARD_LEARNING, 0);
  add_review (log, "g", now - HOUR, PREP_GRADE_GOOD, PREP_REVIEW_CHOICE, PREP_CARD_RELEARNING, 0);
  /* Earlier this month: flashcards 1 more of 2, choice 1 of 1. */
  add_review (log, "h", prep_study_day_start (today - 6) - 1, PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, PREP_CARD_REVIEW, 0);
  add_review (log, "i", prep_study_day_start (today - 29), PREP_GRADE_AGAIN, PREP_REVIEW_FLASHCARD, PREP_CARD_REVIEW, 0);
  add_review (log, "j", now - 20 * DAY, PREP_GRADE_GOOD, PREP_REVIEW_CHOICE, PREP_CARD_REVIEW, 0);
  /* Too old, and in the future. */
  add_review (log, "k", prep_study_day_start (today - 29) - 1, PREP_GRADE_AGAIN, PREP_REVIEW_FLASHCARD, PREP_CARD_REVIEW, 0);
  add_review (log, "l", now + 2 * DAY, PREP_GRADE_AGAIN, PREP_REVIEW_FLASHCARD, PREP_CARD_REVIEW, 0);

  progress = progress_for_log (log, now);

  r = prep_progress_get_retention (progress, PREP_PROGRESS_WEEK, PREP_REVIEW_FLASHCARD);
  g_assert_cmpuint (r->n_reviews, ==, 3);
  g_assert_cmpuint (r->n_passed, ==, 2);
  r = prep_progress_get_retention (progress, PREP_PROGRESS_WEEK, PREP_REVIEW_CHOICE);
  g_assert_cmpuint (r->n_reviews, ==, 1);
  g_assert_cmpuint (r->n_passed, ==, 0);
  r = prep_progress_get_retention (progress, PREP_PROGRESS_WEEK, PREP_REVIEW_INTERVIEW);
  g_assert_cmpuint (r->n_reviews, ==, 1);
  g_assert_cmpuint (r->n_passed, ==, 1);
  r = prep_progress_get_retention (progress, PREP_PROGRESS_WEEK, PREP_PROGRESS_ALL_KINDS);
  g_assert_cmpuint (r->n_reviews, ==, 5);
  g_assert_cmpuint (r->n_passed, ==, 3);

  r = prep_progress_get_retention (progress, PREP_PROGRESS_MONTH, PREP_REVIEW_FLASHCARD);
  g_assert_cmpuint (r->n_reviews, ==, 5);
  g_assert_cmpuint (r->n_passed, ==, 3);
  r = prep_progress_get_retention (progress, PREP_PROGRESS_MONTH, PREP_REVIEW_CHOICE);
  g_assert_cmpuint (r->n_reviews, ==, 2);
  g_assert_cmpuint (r->n_passed, ==, 1);
  r = prep_progress_get_retention (progress, PREP_PROGRESS_MONTH, PREP_PROGRESS_ALL_KINDS);
  g_assert_cmpuint (r->n_reviews, ==, 8);
  g_assert_cmpuint (r->n_passed, ==, 5);
}

static void
test_weakest (void)
{
  g_autoptr(GListStore) questions = g_list_store_new (PREP_TYPE_QUESTION);
  g_autoptr(GArray) log = new_log ();
  g_autoptr(PrepProgress) progress = NULL;
  g_autoptr(GArray) weakest = NULL;
  g_autoptr(GArray) all = NULL;
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  const char *ids[] = { "new", "strong", "tie-b", "tie-a", "lapsed", "weakest" };
  const char *expected[] = { "weakest", "lapsed", "tie-a", "tie-b", "strong" };
  PrepCard cards[6];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    add_question (questions, ids[i], "basics", TRUE);
  prep_card_init_new (&cards[0]);
  cards[1] = review_card (100, now - 10 * DAY, now + 90 * DAY, 0);
  cards[2] = review_card (5, now - 10 * DAY, now, 1);
  cards[3] = review_card (5, now - 10 * DAY, now, 1);
  cards[4] = review_card (5, now - 10 * DAY, now, 2);
  cards[5] = review_card (2, now - 10 * DAY, now, 0);

  progress = prep_progress_new (G_LIST_MODEL (questions), cards, log, now);
  weakest = prep_progress_dup_weakest (progress, 3);
  g_assert_cmpuint (weakest->len, ==, 3);
  for (guint i = 0; i < weakest->len; i++)
    g_assert_cmpstr (prep_question_get_id (g_array_index (weakest, PrepProgressWeak, i).question), ==, expected[i]);
  g_assert_cmpfloat_with_epsilon (g_array_index (weakest, PrepProgressWeak, 0).retrievability,
                                  prep_fsrs_retrievability (10, 2), 1e-12);
  g_assert_cmpuint (g_array_index (weakest, PrepProgressWeak, 1).lapses, ==, 2);

  /* Never the new question, even when more are asked for. */
  all = prep_progress_dup_weakest (progress, 100);
  g_assert_cmpuint (all->len, ==, 5);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (prep_question_get_id (g_array_index (all, PrepProgressWeak, i).question), ==, expected[i]);
}

static void
test_coverage (void)
{
  g_autoptr(GListStore) questions = g_list_store_new (PREP_TYPE_QUESTION);
  g_autoptr(GArray) log = new_log ();
  g_autoptr(PrepProgress) progress = NULL;
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  PrepProgressCategory *basics, *agents;
  PrepCard cards[8];
  GArray *categories;

  add_question (questions, "b1", "basics", TRUE);
  add_question (questions, "b2", "basics", TRUE);
  add_question (questions, "b3", "basics", TRUE);
  add_question (questions, "b4", "basics", TRUE);
  add_question (questions, "b5", "basics", TRUE);
  add_question (questions, "a1", "agents", TRUE);
  add_question (questions, "a2", "agents", FALSE);
  add_question (questions, "b6", "basics", FALSE);

  /* Exactly 21 days is mature, just under is young. */
  cards[0] = review_card (21, now - 3 * DAY, now + 18 * DAY, 0);
  cards[1] = review_card (20.999, now - 2 * DAY, now + 18 * DAY, 0);
  cards[2] = (PrepCard) { .state = PREP_CARD_LEARNING, .memory = { 1.2, 6 }, .due = now,
                          .last_review = now - HOUR, .reps = 1 };
  cards[3] = (PrepCard) { .state = PREP_CARD_RELEARNING, .memory = { 0.5, 8 }, .due = now,
                          .last_review = now - 2 * HOUR, .reps = 5, .lapses = 1 };
  prep_card_init_new (&cards[4]);
  prep_card_init_new (&cards[5]);
  prep_card_init_new (&cards[6]);
  prep_card_init_new (&cards[7]);

  progress = prep_progress_new (G_LIST_MODEL (questions), cards, log, now);
  categories = prep_progress_get_categories (progress);
  g_assert_cmpuint (categories->len, ==, 2);
  basics = &g_array_index (categories, PrepProgressCategory, 0);
  agents = &g_array_index (categories, PrepProgressCategory, 1);

  g_assert_cmpstr (basics->category_id, ==, "basics");
  g_assert_cmpuint (basics->n_new, ==, 2);
  g_assert_cmpuint (basics->n_learning, ==, 2);
  g_assert_cmpuint (basics->n_young, ==, 1);
  g_assert_cmpuint (basics->n_mature, ==, 1);
  g_assert_cmpfloat_with_epsilon (basics->retrievability,
                                  (prep_fsrs_retrievability (3, 21) + prep_fsrs_retrievability (2, 20.999) +
                                   prep_fsrs_retrievability (1.0 / 24, 1.2) +
                                   prep_fsrs_retrievability (2.0 / 24, 0.5)) / 4, 1e-12);

  g_assert_cmpstr (agents->category_id, ==, "agents");
  g_assert_cmpuint (agents->n_new, ==, 2);
  g_assert_cmpuint (agents->n_learning + agents->n_young + agents->n_mature, ==, 0);
  g_assert_true (isnan (agents->retrievability));

  /* New and available: answered questions only (b5, a1). */
  g_assert_cmpuint (prep_progress_get_today (progress)->n_new, ==, 2);
}

static void
test_plan (void)
{
  gint64 today = 2461009;
  PrepInterviewPlan plan;

  /* 20 days left, 17 to see new questions in: 40 → 3 a day, 14 days. */
  g_assert_true (prep_progress_plan_interview (today + 20, today, 40, 10, &plan));
  g_assert_cmpuint (plan.days_left, ==, 20);
  g_assert_cmpuint (plan.per_day, ==, 3);
  g_assert_cmpuint (plan.n_days, ==, 14);
  g_assert_cmpint (plan.finish_day, ==, today + 13);
  g_assert_true (plan.margin_kept);
  g_assert_true (plan.reachable);

  /* Even: 34 over 17 days, 2 a day; a limit of 1 cannot make it. */
  g_assert_true (prep_progress_plan_interview (today + 20, today, 34, 1, &plan));
  g_assert_cmpuint (plan.per_day, ==, 2);
  g_assert_cmpuint (plan.n_days, ==, 17);
  g_assert_cmpint (plan.finish_day, ==, today + 16);
  g_assert_false (plan.reachable);
  /* The limit itself is reachable. */
  g_assert_true (prep_progress_plan_interview (today + 20, today, 34, 2, &plan));
  g_assert_true (plan.reachable);

  /* At least one a day: 2 questions over 17 days take 2 days. */
  g_assert_true (prep_progress_plan_interview (today + 20, today, 2, 5, &plan));
  g_assert_cmpuint (plan.per_day, ==, 1);
  g_assert_cmpuint (plan.n_days, ==, 2);

  /* Margin: with exactly 4 days left, one day for new questions. */
  g_assert_true (prep_progress_plan_interview (today + 4, today, 9, 20, &plan));
  g_assert_cmpuint (plan.per_day, ==, 9);
  g_assert_true (plan.margin_kept);
  /* 3 days left: the margin cannot be kept; all today. */
  g_assert_true (prep_progress_plan_interview (today + 3, today, 9, 20, &plan));
  g_assert_cmpuint (plan.per_day, ==, 9);
  g_assert_false (plan.margin_kept);
  g_assert_cmpint (plan.finish_day, ==, today);

  /* The interview is today. */
  g_assert_true (prep_progress_plan_interview (today, today, 7, 5, &plan));
  g_assert_cmpuint (plan.days_left, ==, 0);
  g_assert_cmpuint (plan.per_day, ==, 7);
  g_assert_false (plan.reachable);
  g_assert_false (plan.margin_kept);

  /* Passed: no plan. */
  g_assert_false (prep_progress_plan_interview (today - 1, today, 7, 5, &plan));
  g_assert_cmpuint (plan.per_day, ==, 0);
  g_assert_false (plan.reachable);
  g_assert_false (prep_progress_plan_interview (today - 1, today, 0, 5, &plan));
  g_assert_true (plan.reachable);

  /* Nothing new: nothing to do, whatever the limit. */
  g_assert_true (prep_progress_plan_interview (today + 20, today, 0, 0, &plan));
  g_assert_cmpuint (plan.per_day, ==, 0);
  g_assert_cmpuint (plan.n_days, ==, 0);
  g_assert_true (plan.reachable);

  /* A limit of 0 reaches nothing new. */
  g_assert_true (prep_progress_plan_interview (today + 20, today, 1, 0, &plan));
  g_assert_false (plan.reachable);

  /* Large numbers do not overflow. */
  g_assert_true (prep_progress_plan_interview (today + 4, today, G_MAXUINT, G_MAXUINT, &plan));
  g_assert_cmpuint (plan.per_day, ==, G_MAXUINT);
  g_assert_true (plan.reachable);
}

static void
test_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("llm-prep-progress-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "reviews.json", NULL);
  g_autoptr(PrepReviewStore) reviews = prep_review_store_new (path);
  g_autoptr(GListStore) questions = g_list_store_new (PREP_TYPE_QUESTION);
  g_autoptr(PrepProgress) progress = NULL;
  g_autoptr(PrepProgress) graded = NULL;
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  PrepProgressCategory *category;

  /* Today in Berlin: 09:00 = 08:00Z. Durations: 1.5 s, missing, of the
   * wrong type, negative, huge. */
  prep_test_write_file (path,
    "{\"schema_version\": 1, \"cards\": {"
    "\"kv-cache\": {\"state\": \"review\", \"step\": 0, \"stability\": 30, \"difficulty\": 5,"
    " \"due\": \"2026-12-20T03:00:00Z\", \"last_review\": \"2026-11-29T08:00:00Z\", \"reps\": 3,"
    " \"lapses\": 0, \"interval\": 1814400}},"
    "\"log\": ["
    "{\"question\": \"kv-cache\", \"time\": \"2026-11-29T08:00:00Z\", \"grade\": 3, \"kind\": \"flashcard\","
    " \"state\": \"review\", \"duration\": 1500},"
    "{\"question\": \"kv-cache\", \"time\": \"2026-11-29T08:01:00Z\", \"grade\": 3, \"state\": \"review\"},"
    "{\"question\": \"kv-cache\", \"time\": \"2026-11-29T08:02:00Z\", \"grade\": 1, \"duration\": \"9000\"},"
    "{\"question\": \"kv-cache\", \"time\": \"2026-11-29T08:03:00Z\", \"grade\": 3, \"duration\": -9000},"
    "{\"question\": \"kv-cache\", \"time\": \"2026-11-29T08:04:00Z\", \"grade\": 3, \"duration\": 100000000000},"
    "{\"question\": \"kv-cache\", \"time\": \"2026-11-29T08:05:00Z\", \"grade\": \"3\", \"duration\": 4000}"
    "]}");
  prep_review_store_load (reviews, NULL);
  add_question (questions, "kv-cache", "basics", TRUE);
  add_question (questions, "rope", "basics", TRUE);

  progress = prep_progress_new_for_store (reviews, G_LIST_MODEL (questions), now);
  g_assert_cmpuint (prep_progress_get_today (progress)->n_reviews, ==, 5);
  g_assert_cmpint (prep_progress_get_today (progress)->studied_ms, ==, 1500 + PREP_REVIEW_MAX_DURATION_MS);
  g_assert_cmpuint (prep_progress_get_retention (progress, PREP_PROGRESS_WEEK, PREP_PROGRESS_ALL_KINDS)->n_reviews, ==, 2);
  category = &g_array_index (prep_progress_get_categories (progress), PrepProgressCategory, 0);
  g_assert_cmpuint (category->n_mature, ==, 1);
  g_assert_cmpuint (category->n_new, ==, 1);

  /* A review recorded with its length counts at once. */
  prep_review_store_grade_timed (reviews, "rope", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD, now, 2500);
  graded = prep_progress_new_for_store (reviews, G_LIST_MODEL (questions), now);
  g_assert_cmpuint (prep_progress_get_today (graded)->n_reviews, ==, 6);
  g_assert_cmpint (prep_progress_get_today (graded)->studied_ms, ==, 4000 + PREP_REVIEW_MAX_DURATION_MS);
  category = &g_array_index (prep_progress_get_categories (graded), PrepProgressCategory, 0);
  g_assert_cmpuint (category->n_learning, ==, 1);
  g_assert_cmpuint (category->n_new, ==, 0);

  prep_test_remove_tree (dir);
}

static void
test_study_day_summer_time (void)
{
  /* Europe/Berlin: summer time starts at 2:00 on 29 March 2026 and ends at
   * 3:00 on 25 October 2026. A study day starts at 4:00 on the clock. */
  const struct { int month, day, hour, minute, study_month, study_day; } cases[] = {
    { 3, 29, 1, 59, 3, 28 },
    { 3, 29, 3, 30, 3, 28 },
    { 3, 29, 3, 59, 3, 28 },
    { 3, 29, 4, 0, 3, 29 },
    { 3, 29, 4, 30, 3, 29 },
    { 10, 25, 2, 30, 10, 24 },
    { 10, 25, 3, 30, 10, 24 },
    { 10, 25, 4, 0, 10, 25 },
    { 10, 26, 3, 59, 10, 25 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) expected = g_date_new_dmy (cases[i].study_day, cases[i].study_month, 2026);
      gint64 time = prep_test_local_time (2026, cases[i].month, cases[i].day, cases[i].hour, cases[i].minute);

      g_assert_cmpint (prep_study_day (time), ==, g_date_get_julian (expected));
    }

  /* A day's start is in that day, the second before it in the one before. */
  for (gint64 day = prep_study_day (prep_test_local_time (2026, 3, 27, 12, 0));
       day < prep_study_day (prep_test_local_time (2026, 3, 31, 12, 0)); day++)
    {
      g_assert_cmpint (prep_study_day (prep_study_day_start (day)), ==, day);
      g_assert_cmpint (prep_study_day (prep_study_day_start (day) - 1), ==, day - 1);
    }
  for (gint64 day = prep_study_day (prep_test_local_time (2026, 10, 23, 12, 0));
       day < prep_study_day (prep_test_local_time (2026, 10, 27, 12, 0)); day++)
    {
      g_assert_cmpint (prep_study_day (prep_study_day_start (day)), ==, day);
      g_assert_cmpint (prep_study_day (prep_study_day_start (day) - 1), ==, day - 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/progress/study-day-summer-time", test_study_day_summer_time);
  g_test_add_func ("/progress/streak/rollover", test_streak_rollover);
  g_test_add_func ("/progress/streak/long", test_streak_long);
  g_test_add_func ("/progress/streak/dst", test_streak_dst);
  g_test_add_func ("/progress/heatmap", test_heatmap);
  g_test_add_func ("/progress/forecast", test_forecast);
  g_test_add_func ("/progress/retention", test_retention);
  g_test_add_func ("/progress/weakest", test_weakest);
  g_test_add_func ("/progress/coverage", test_coverage);
  g_test_add_func ("/progress/plan", test_plan);
  g_test_add_func ("/progress/store", test_store);

  return g_test_run ();
}
