/* test-scheduler.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Cards over FSRS-5, against values computed independently from the
 * published formulas (a separate Python transcription, kept in the
 * comments) with the default weights and desired retention 0.9. */

#include "config.h"

#include <math.h>

#include "prep-scheduler.h"
#include "prep-test-files.h"

#define MINUTE 60
#define DAY    (24 * 60 * 60)

static PrepFsrsParams params;

static void
review (PrepCard  *card,
        gint64     now,
        PrepGrade  grade)
{
  PrepCard next;

  prep_scheduler_review (&params, card, now, grade, &next);
  *card = next;
}

static void
test_new_card_grades (void)
{
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  PrepCard card, next[4];

  prep_card_init_new (&card);
  prep_scheduler_preview (&params, &card, now, next);

  /* Again: first learning step, 1 min; S0 = w0, D0(1) = w4. */
  g_assert_cmpint (next[0].state, ==, PREP_CARD_LEARNING);
  g_assert_cmpint (next[0].due - now, ==, 1 * MINUTE);
  g_assert_cmpfloat_with_epsilon (next[0].memory.stability, 0.40255, 1e-9);
  g_assert_cmpfloat_with_epsilon (next[0].memory.difficulty, 7.1949, 1e-6);
  /* Hard: between the two steps, 5.5 min; S0 = w1, D0(2) = 6.488305. */
  g_assert_cmpint (next[1].state, ==, PREP_CARD_LEARNING);
  g_assert_cmpint (next[1].due - now, ==, 330);
  g_assert_cmpfloat_with_epsilon (next[1].memory.stability, 1.18385, 1e-9);
  g_assert_cmpfloat_with_epsilon (next[1].memory.difficulty, 6.488305, 1e-6);
  /* Good: second step, 10 min. */
  g_assert_cmpint (next[2].state, ==, PREP_CARD_LEARNING);
  g_assert_cmpuint (next[2].step, ==, 1);
  g_assert_cmpint (next[2].due - now, ==, 10 * MINUTE);
  /* Easy: graduates; S0 = w3 = 15.69 days, rounded to 16. */
  g_assert_cmpint (next[3].state, ==, PREP_CARD_REVIEW);
  g_assert_cmpint (next[3].interval, ==, 16 * DAY);
  g_assert_cmpint (next[3].due, ==, prep_test_local_time (2026, 12, 15, 4, 0));

  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpuint (next[i].reps, ==, 1);
      g_assert_cmpint (next[i].last_review, ==, now);
    }
}

static void
test_graduate_same_day (void)
{
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  PrepCard card;

  prep_card_init_new (&card);
  review (&card, now, PREP_GRADE_GOOD);
  review (&card, now + 10 * MINUTE, PREP_GRADE_GOOD);

  /* Same day: S = w2 · e^(w17 · w18) = 4.466858, I = S at r = 0.9, 4 d;
   * D = D0(3) with mean reversion = 5.272968. */
  g_assert_cmpint (card.state, ==, PREP_CARD_REVIEW);
  g_assert_cmpfloat_with_epsilon (card.memory.stability, 4.466858, 1e-5);
  g_assert_cmpfloat_with_epsilon (card.memory.difficulty, 5.272968, 1e-5);
  g_assert_cmpint (card.interval, ==, 4 * DAY);
  g_assert_cmpint (card.due, ==, prep_test_local_time (2026, 12, 3, 4, 0));
  g_assert_cmpuint (card.reps, ==, 2);
}

static void
test_review_each_grade (void)
{
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  gint64 later = prep_test_local_time (2026, 12, 3, 9, 0);
  PrepCard card, next[4];

  prep_card_init_new (&card);
  review (&card, now, PREP_GRADE_GOOD);
  review (&card, now + 10 * MINUTE, PREP_GRADE_GOOD);
  prep_scheduler_preview (&params, &card, later, next);

  /* 4 days later, R = 0.909071. */
  g_assert_cmpint (next[0].state, ==, PREP_CARD_RELEARNING);
  g_assert_cmpfloat_with_epsilon (next[0].memory.stability, 1.297630, 1e-5);
  g_assert_cmpfloat_with_epsilon (next[0].memory.difficulty, 6.790568, 1e-5);
  g_assert_cmpint (next[0].due - later, ==, 10 * MINUTE);
  g_assert_cmpuint (next[0].lapses, ==, 1);

  g_assert_cmpfloat_with_epsilon (next[1].memory.stability, 6.724082, 1e-5);
  g_assert_cmpfloat_with_epsilon (next[1].memory.difficulty, 6.027056, 1e-5);
  g_assert_cmpint (next[1].interval, ==, 7 * DAY);

  g_assert_cmpfloat_with_epsilon (next[2].memory.stability, 14.217284, 1e-5);
  g_assert_cmpfloat_with_epsilon (next[2].memory.difficulty, 5.263545, 1e-5);
  g_assert_cmpint (next[2].interval, ==, 14 * DAY);
  g_assert_cmpint (next[2].due, ==, prep_test_local_time (2026, 12, 17, 4, 0));

  g_assert_cmpfloat_with_epsilon (next[3].memory.stability, 33.618682, 1e-5);
  g_assert_cmpfloat_with_epsilon (next[3].memory.difficulty, 4.500034, 1e-5);
  g_assert_cmpint (next[3].interval, ==, 34 * DAY);
}

static void
test_lapse_and_relearn (void)
{
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  gint64 later = prep_test_local_time (2026, 12, 3, 9, 0);
  PrepCard card;

  prep_card_init_new (&card);
  review (&card, now, PREP_GRADE_GOOD);
  review (&card, now + 10 * MINUTE, PREP_GRADE_GOOD);
  review (&card, later, PREP_GRADE_AGAIN);
  g_assert_cmpint (card.state, ==, PREP_CARD_RELEARNING);
  g_assert_cmpuint (card.lapses, ==, 1);

  /* Good on the same day: S = 1.297630 · e^(w17 · w18) = 1.826767, 2 d. */
  review (&card, later + 10 * MINUTE, PREP_GRADE_GOOD);
  g_assert_cmpint (card.state, ==, PREP_CARD_REVIEW);
  g_assert_cmpfloat_with_epsilon (card.memory.stability, 1.826767, 1e-5);
  g_assert_cmpfloat_with_epsilon (card.memory.difficulty, 6.774164, 1e-5);
  g_assert_cmpint (card.interval, ==, 2 * DAY);
  g_assert_cmpuint (card.lapses, ==, 1);
  g_assert_cmpuint (card.reps, ==, 4);
}

static void
test_long_gap (void)
{
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  gint64 much_later = prep_test_local_time (2027, 3, 13, 20, 0);  /* 104 study days */
  PrepCard card, next[4];

  prep_card_init_new (&card);
  review (&card, now, PREP_GRADE_GOOD);
  review (&card, now + 10 * MINUTE, PREP_GRADE_GOOD);
  prep_scheduler_preview (&params, &card, much_later, next);

  /* R = 0.393404: a late recall grows stability far more (90.39 d). */
  g_assert_cmpfloat_with_epsilon (next[2].memory.stability, 90.386875, 1e-4);
  g_assert_cmpint (next[2].interval, ==, 90 * DAY);
  /* A lapse is capped at S / e^(w17 · w18) = w2 = 3.173. */
  g_assert_cmpfloat_with_epsilon (next[0].memory.stability, 3.173, 1e-5);
}

static void
test_interval_order (void)
{
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  PrepCard card = {
    .state = PREP_CARD_REVIEW,
    .memory = { 0.5, 9.5 },
    .last_review = prep_test_local_time (2026, 11, 28, 10, 0),
    .due = prep_test_local_time (2026, 11, 29, 4, 0),
    .reps = 3,
  };
  PrepCard next[4];

  /* Tiny stability: all three raw intervals round to 1 day; they are
   * spread so that each button means something. */
  prep_scheduler_preview (&params, &card, now, next);
  g_assert_cmpint (next[1].interval, ==, 1 * DAY);
  g_assert_cmpint (next[2].interval, ==, 2 * DAY);
  g_assert_cmpint (next[3].interval, ==, 3 * DAY);
}

static void
test_desired_retention (void)
{
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  PrepFsrsParams lower = params;
  PrepCard card, next[4];

  lower.desired_retention = 0.8;
  prep_card_init_new (&card);
  review (&card, now, PREP_GRADE_GOOD);

  /* S = 4.466858 at r = 0.8: I = S / (19/81) · (0.8^-2 − 1) = 10.71 d. */
  prep_scheduler_preview (&lower, &card, now + 10 * MINUTE, next);
  g_assert_cmpint (next[2].interval, ==, 11 * DAY);
}

static void
test_study_day_rollover (void)
{
  gint64 evening = prep_test_local_time (2026, 11, 29, 23, 30);
  gint64 small_hours = prep_test_local_time (2026, 11, 30, 3, 30);
  gint64 morning = prep_test_local_time (2026, 11, 30, 4, 0);
  PrepCard card, next[4];

  g_assert_cmpint (prep_study_day (evening), ==, prep_study_day (small_hours));
  g_assert_cmpint (prep_study_day (morning), ==, prep_study_day (evening) + 1);
  g_assert_cmpint (prep_study_day_end (evening), ==, morning);
  g_assert_cmpint (prep_study_day_start (prep_study_day (small_hours)), ==, prep_test_local_time (2026, 11, 29, 4, 0));

  /* Reviewed at 03:30 it is still the same study day: short-term formula
   * (4.466858), not a recall after one day. */
  prep_card_init_new (&card);
  review (&card, evening, PREP_GRADE_GOOD);
  prep_scheduler_preview (&params, &card, small_hours, next);
  g_assert_cmpfloat_with_epsilon (next[2].memory.stability, 4.466858, 1e-5);
  g_assert_cmpint (next[2].due, ==, prep_test_local_time (2026, 12, 3, 4, 0));
}

static void
test_due (void)
{
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  PrepCard card;

  prep_card_init_new (&card);
  g_assert_false (prep_card_is_due (&card, G_MAXINT64));
  review (&card, now, PREP_GRADE_EASY);
  g_assert_false (prep_card_is_due (&card, prep_study_day_end (now)));
  g_assert_false (prep_card_is_due (&card, prep_test_local_time (2026, 12, 15, 4, 0)));
  g_assert_true (prep_card_is_due (&card, prep_test_local_time (2026, 12, 15, 4, 1)));
  /* At 3 a.m. on the 15th it is still the study day of the 14th. */
  g_assert_false (prep_card_is_due (&card, prep_study_day_end (prep_test_local_time (2026, 12, 15, 3, 0))));
  g_assert_true (prep_card_is_due (&card, prep_study_day_end (prep_test_local_time (2026, 12, 15, 4, 0))));
}

static void
test_format_interval (void)
{
  const struct { gint64 seconds; const char *text; } cases[] = {
    { 20, "1 min" },
    { 60, "1 min" },
    { 330, "6 min" },
    { 600, "10 min" },
    { 3 * 3600, "3 h" },
    { 1 * DAY, "1 d" },
    { 16 * DAY, "16 d" },
    { 45 * DAY, "1.5 mo" },
    { 800 * DAY, "2.2 y" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = prep_format_interval (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_state_names (void)
{
  PrepCardState state;

  for (PrepCardState s = PREP_CARD_NEW; s <= PREP_CARD_RELEARNING; s++)
    {
      g_assert_true (prep_card_state_from_string (prep_card_state_to_string (s), &state));
      g_assert_cmpint (state, ==, s);
    }
  g_assert_false (prep_card_state_from_string ("graduated", &state));
  g_assert_false (prep_card_state_from_string (NULL, &state));
}

/* Reliability review U9: times from a file may be anything (year 1, the
 * far future): days are still defined, in order, and a preview of a card
 * reviewed in year 1 is sane (valgrind saw uninitialised reads). */
static void
test_extreme_times (void)
{
  const gint64 times[] = { G_MININT64, -62135596800 /* 0001-01-01 */, -1, 0, 253402300799, G_MAXINT64 };
  PrepFsrsParams defaults;
  gint64 previous = G_MININT64;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      gint64 day = prep_study_day (times[i]);

      g_assert_cmpint (day, >=, previous);
      g_assert_cmpint (day, >=, prep_study_day (PREP_TIME_MIN));
      g_assert_cmpint (day, <=, prep_study_day (PREP_TIME_MAX));
      g_assert_cmpint (prep_study_day_start (day), >, 0);
      previous = day;
    }

  prep_fsrs_params_init_default (&defaults);
  {
    PrepCard card, next;

    prep_card_init_new (&card);
    card.state = PREP_CARD_REVIEW;
    card.memory.stability = 12.5;
    card.memory.difficulty = 5;
    card.last_review = -62135596800;
    card.due = 1764700000;
    prep_scheduler_review (&defaults, &card, 1764700000, PREP_GRADE_GOOD, &next);
    g_assert_true (isfinite (next.memory.stability));
    g_assert_cmpfloat (next.memory.stability, <=, PREP_FSRS_MAX_STABILITY);
    g_assert_cmpint (next.due, >, 1764700000);
  }
}

/* A learnt card with a long interval, reviewed Good at @now. */
static void
learnt_card (PrepCard *card,
             gint64    now)
{
  prep_card_init_new (card);
  review (card, now - 40 * DAY, PREP_GRADE_EASY);
  review (card, now - 24 * DAY, PREP_GRADE_EASY);
}

static void
test_cap_long_interval (void)
{
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  gint64 today = prep_study_day (now);
  gint64 interview = today + 10;
  PrepCard card, free_next[4], capped[4], single;

  learnt_card (&card, now);
  prep_scheduler_preview (&params, &card, now, free_next);
  prep_scheduler_preview_before (&params, &card, now, interview, capped);

  /* Without a cap, Good and Easy go well past the interview. */
  g_assert_cmpint (prep_study_day (free_next[PREP_GRADE_GOOD - 1].due), >, interview);
  g_assert_cmpint (prep_study_day (free_next[PREP_GRADE_EASY - 1].due), >, interview);

  /* With it, they are due at the start of the day before the interview:
   * 4 a.m. on 8 December, 9 days on. */
  g_assert_cmpint (prep_scheduler_cap (now, interview), ==, prep_test_local_time (2026, 12, 8, 4, 0));
  for (guint i = PREP_GRADE_HARD; i <= PREP_GRADE_EASY; i++)
    {
      g_assert_cmpint (capped[i - 1].due, <=, prep_test_local_time (2026, 12, 8, 4, 0));
      g_assert_cmpint (capped[i - 1].state, ==, PREP_CARD_REVIEW);
      /* Only the due time is capped, not what FSRS learnt. */
      g_assert_cmpfloat (capped[i - 1].memory.stability, ==, free_next[i - 1].memory.stability);
    }
  g_assert_cmpint (capped[PREP_GRADE_EASY - 1].due, ==, prep_test_local_time (2026, 12, 8, 4, 0));
  g_assert_cmpint (capped[PREP_GRADE_EASY - 1].interval, ==, 9 * DAY);

  /* Review and preview agree. */
  prep_scheduler_review_before (&params, &card, now, PREP_GRADE_GOOD, interview, &single);
  g_assert_cmpint (single.due, ==, capped[PREP_GRADE_GOOD - 1].due);
}

static void
test_cap_learning_steps (void)
{
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  gint64 interview = prep_study_day (now) + 1;
  PrepCard card, free_next[4], capped[4];

  /* The interview is tomorrow: the cap is the start of tomorrow (never
   * earlier than the next study day), and steps in minutes fall before it. */
  prep_card_init_new (&card);
  prep_scheduler_preview (&params, &card, now, free_next);
  prep_scheduler_preview_before (&params, &card, now, interview, capped);
  g_assert_cmpint (prep_scheduler_cap (now, interview), ==, prep_test_local_time (2026, 11, 30, 4, 0));
  for (guint i = PREP_GRADE_AGAIN; i <= PREP_GRADE_GOOD; i++)
    {
      g_assert_cmpint (capped[i - 1].state, ==, PREP_CARD_LEARNING);
      g_assert_cmpint (capped[i - 1].due, ==, free_next[i - 1].due);
      g_assert_cmpint (capped[i - 1].interval, ==, free_next[i - 1].interval);
    }
  /* Easy graduates: 16 days, capped to tomorrow morning. */
  g_assert_cmpint (free_next[PREP_GRADE_EASY - 1].due, ==, prep_test_local_time (2026, 12, 15, 4, 0));
  g_assert_cmpint (capped[PREP_GRADE_EASY - 1].due, ==, prep_test_local_time (2026, 11, 30, 4, 0));
  g_assert_cmpint (capped[PREP_GRADE_EASY - 1].interval, ==, 1 * DAY);

  /* A relearning step of a lapsed card is not moved either. */
  learnt_card (&card, now);
  prep_scheduler_preview_before (&params, &card, now, interview, capped);
  g_assert_cmpint (capped[PREP_GRADE_AGAIN - 1].state, ==, PREP_CARD_RELEARNING);
  g_assert_cmpint (capped[PREP_GRADE_AGAIN - 1].due - now, ==, 10 * MINUTE);
}

static void
test_cap_none_or_past (void)
{
  gint64 now = prep_test_local_time (2026, 11, 29, 10, 0);
  gint64 today = prep_study_day (now);
  const gint64 days[] = { 0, -5, today - 30, today - 1, today };
  PrepCard card, free_next[4], capped[4];

  learnt_card (&card, now);
  prep_scheduler_preview (&params, &card, now, free_next);

  /* No interview, a nonsense day, an interview past or today: no cap at
   * all, rather than cards due in the past. */
  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    {
      g_assert_cmpint (prep_scheduler_cap (now, days[d]), ==, 0);
      prep_scheduler_preview_before (&params, &card, now, days[d], capped);
      for (guint i = 0; i < 4; i++)
        {
          g_assert_cmpint (capped[i].due, ==, free_next[i].due);
          g_assert_cmpint (capped[i].interval, ==, free_next[i].interval);
          g_assert_cmpint (capped[i].due, >, now);
        }
    }

  /* An interview far away caps nothing. */
  prep_scheduler_preview_before (&params, &card, now, today + 3650, capped);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (capped[i].due, ==, free_next[i].due);
}

static void
test_cap_before_rollover (void)
{
  /* At 1:30 a.m. it is still yesterday's study day: with the interview
   * two study days on, the cap is 4 a.m. on the study day after today,
   * i.e. later this morning's calendar date. */
  gint64 now = prep_test_local_time (2026, 11, 30, 1, 30);
  gint64 interview = prep_study_day (now) + 2;
  PrepCard card, capped[4];

  g_assert_cmpint (prep_study_day (now), ==, prep_study_day (prep_test_local_time (2026, 11, 29, 12, 0)));
  learnt_card (&card, now);
  prep_scheduler_preview_before (&params, &card, now, interview, capped);
  g_assert_cmpint (capped[PREP_GRADE_GOOD - 1].due, ==, prep_test_local_time (2026, 11, 30, 4, 0));
  g_assert_cmpint (capped[PREP_GRADE_GOOD - 1].due, >, now);
}

/* The interview date setting: a calendar date names the study day that
 * starts at 4 a.m. on it. */
static void
test_date_strings (void)
{
  gint64 day = prep_study_day (prep_test_local_time (2026, 12, 24, 9, 0));
  g_autofree char *text = prep_study_day_to_date (day);
  g_autofree char *none = prep_study_day_to_date (0);

  g_assert_cmpint (prep_study_day_from_date ("2026-12-24"), ==, day);
  g_assert_cmpint (prep_study_day_from_date ("2026-12-24"), ==, prep_study_day (prep_test_local_time (2026, 12, 25, 3, 59)));
  g_assert_cmpstr (text, ==, "2026-12-24");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpint (prep_study_day_from_date (""), ==, 0);
  g_assert_cmpint (prep_study_day_from_date (NULL), ==, 0);
  g_assert_cmpint (prep_study_day_from_date ("2026-02-30"), ==, 0);
  g_assert_cmpint (prep_study_day_from_date ("2026-12-24x"), ==, 0);
  g_assert_cmpint (prep_study_day_from_date ("26-12-24"), ==, 0);
  g_assert_cmpint (prep_study_day_from_date ("tomorrow"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* A zone with no daylight saving and far from UTC, so that mixing up
   * local and UTC days shows. */
  g_setenv ("TZ", "Asia/Taipei", TRUE);
  g_test_init (&argc, &argv, NULL);
  prep_fsrs_params_init_default (&params);

  g_test_add_func ("/scheduler/new-card-grades", test_new_card_grades);
  g_test_add_func ("/scheduler/graduate-same-day", test_graduate_same_day);
  g_test_add_func ("/scheduler/review-each-grade", test_review_each_grade);
  g_test_add_func ("/scheduler/lapse-and-relearn", test_lapse_and_relearn);
  g_test_add_func ("/scheduler/long-gap", test_long_gap);
  g_test_add_func ("/scheduler/interval-order", test_interval_order);
  g_test_add_func ("/scheduler/desired-retention", test_desired_retention);
  g_test_add_func ("/scheduler/study-day-rollover", test_study_day_rollover);
  g_test_add_func ("/scheduler/due", test_due);
  g_test_add_func ("/scheduler/format-interval", test_format_interval);
  g_test_add_func ("/scheduler/date-strings", test_date_strings);
  g_test_add_func ("/scheduler/state-names", test_state_names);
  g_test_add_func ("/scheduler/extreme-times", test_extreme_times);
  g_test_add_func ("/scheduler/cap/long-interval", test_cap_long_interval);
  g_test_add_func ("/scheduler/cap/learning-steps", test_cap_learning_steps);
  g_test_add_func ("/scheduler/cap/none-or-past", test_cap_none_or_past);
  g_test_add_func ("/scheduler/cap/before-rollover", test_cap_before_rollover);

  return g_test_run ();
}
