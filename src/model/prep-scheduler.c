/* prep-scheduler.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-scheduler"

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>
#include <string.h>

#include "prep-scheduler.h"

#define MINUTE 60
#define DAY    (24 * 60 * 60)

/* Anki's default steps: a new card is seen again after 1 and 10 minutes
 * before it graduates to days; a forgotten one after 10 minutes. */
static const gint64 learning_steps[] = { 1 * MINUTE, 10 * MINUTE };
static const gint64 relearning_steps[] = { 10 * MINUTE };

static const char * const state_names[] = { "new", "learning", "review", "relearning" };

void
prep_card_init_new (PrepCard *card)
{
  g_return_if_fail (card != NULL);

  *card = (PrepCard) { .state = PREP_CARD_NEW };
}

const char *
prep_card_state_to_string (PrepCardState state)
{
  g_return_val_if_fail (state <= PREP_CARD_RELEARNING, "new");

  return state_names[state];
}

gboolean
prep_card_state_from_string (const char    *string,
                             PrepCardState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    {
      if (g_strcmp0 (string, state_names[i]) == 0)
        {
          *state = (PrepCardState) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * prep_card_is_due:
 * @until: a time, e.g. now or the end of today's study day
 *
 * Returns: whether the card has been studied and is due before @until;
 *   new cards are never due
 */
gboolean
prep_card_is_due (const PrepCard *card,
                  gint64          until)
{
  g_return_val_if_fail (card != NULL, FALSE);

  return card->state != PREP_CARD_NEW && card->due < until;
}

/**
 * prep_study_day:
 *
 * Returns: the number of the study day @time falls in, counted in local
 *   time with days starting at PREP_DAY_ROLLOVER_HOUR
 */
gint64
prep_study_day (gint64 time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDate) date = NULL;
  int year, month, day;

  /* Times from files may be anything GDateTime takes (year 1 to 9999):
   * days are counted within a range where every step below is defined. */
  local = g_date_time_new_from_unix_local (CLAMP (time, PREP_TIME_MIN, PREP_TIME_MAX));
  g_date_time_get_ymd (local, &year, &month, &day);
  date = g_date_new_dmy (day, month, year);

  /* By the clock on the wall, not four hours of elapsed time: on the days
   * summer time starts or ends, those are three or five hours. */
  if (g_date_time_get_hour (local) < PREP_DAY_ROLLOVER_HOUR)
    g_date_subtract_days (date, 1);

  return g_date_get_julian (date);
}

/**
 * prep_study_day_start:
 *
 * Returns: the time study day @day starts
 */
gint64
prep_study_day_start (gint64 day)
{
  g_autoptr(GDate) date = g_date_new_julian ((guint32) CLAMP (day, prep_study_day (PREP_TIME_MIN),
                                                               prep_study_day (PREP_TIME_MAX)));
  g_autoptr(GDateTime) start = NULL;

  start = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                                 PREP_DAY_ROLLOVER_HOUR, 0, 0);

  return g_date_time_to_unix (start);
}

/**
 * prep_study_day_end:
 *
 * Returns: the time the study day of @time ends: what is due before then
 *   is due today
 */
gint64
prep_study_day_end (gint64 time)
{
  return prep_study_day_start (prep_study_day (time) + 1);
}

static void
after_review (const PrepCard *card,
              gint64          now,
              PrepCard       *next)
{
  next->last_review = now;
  next->reps = card->reps + 1;
  next->lapses = card->lapses;
}

static void
schedule_step (PrepCard      *next,
               PrepCardState  state,
               guint          step,
               gint64         seconds,
               gint64         now)
{
  next->state = state;
  next->step = step;
  next->interval = seconds;
  next->due = now + seconds;
}

static void
schedule_days (PrepCard *next,
               guint     days,
               gint64    now)
{
  next->state = PREP_CARD_REVIEW;
  next->step = 0;
  next->interval = (gint64) days * DAY;
  next->due = prep_study_day_start (prep_study_day (now) + days);
}

/* Steps for new and lapsed cards: Again restarts them, Hard repeats the
 * step (between the first two on the first step, as Anki does), Good moves
 * on and graduates after the last one, Easy graduates at once. */
static void
preview_steps (const PrepFsrsParams *params,
               const PrepCard       *card,
               gint64                now,
               const gint64         *steps,
               guint                 n_steps,
               PrepCardState         state,
               PrepCard              next[4])
{
  guint step = MIN (card->step, n_steps - 1);
  guint good_days = 0;

  schedule_step (&next[PREP_GRADE_AGAIN - 1], state, 0, steps[0], now);

  if (step == 0 && n_steps > 1)
    schedule_step (&next[PREP_GRADE_HARD - 1], state, 0, (steps[0] + steps[1]) / 2, now);
  else
    schedule_step (&next[PREP_GRADE_HARD - 1], state, step, steps[step], now);

  if (step + 1 < n_steps)
    {
      schedule_step (&next[PREP_GRADE_GOOD - 1], state, step + 1, steps[step + 1], now);
    }
  else
    {
      good_days = prep_fsrs_interval_days (params, next[PREP_GRADE_GOOD - 1].memory.stability);
      schedule_days (&next[PREP_GRADE_GOOD - 1], good_days, now);
    }

  schedule_days (&next[PREP_GRADE_EASY - 1],
                 MAX (prep_fsrs_interval_days (params, next[PREP_GRADE_EASY - 1].memory.stability),
                      good_days + 1),
                 now);
}

/* Learnt cards: Again starts relearning; the other grades get days from
 * their new stability, kept in order so that Hard ≤ Good < Easy. */
static void
preview_review (const PrepFsrsParams *params,
                gint64                now,
                PrepCard              next[4])
{
  guint hard, good, easy;

  schedule_step (&next[PREP_GRADE_AGAIN - 1], PREP_CARD_RELEARNING, 0, relearning_steps[0], now);
  next[PREP_GRADE_AGAIN - 1].lapses++;

  hard = prep_fsrs_interval_days (params, next[PREP_GRADE_HARD - 1].memory.stability);
  good = prep_fsrs_interval_days (params, next[PREP_GRADE_GOOD - 1].memory.stability);
  easy = prep_fsrs_interval_days (params, next[PREP_GRADE_EASY - 1].memory.stability);
  hard = MIN (hard, good);
  good = MAX (good, hard + 1);
  easy = MAX (easy, good + 1);

  schedule_days (&next[PREP_GRADE_HARD - 1], hard, now);
  schedule_days (&next[PREP_GRADE_GOOD - 1], good, now);
  schedule_days (&next[PREP_GRADE_EASY - 1], easy, now);
}

/**
 * prep_scheduler_cap:
 * @interview_day: the study day of an interview, or 0 for none
 *
 * The latest a review at @now may be scheduled so that the card is seen
 * again before the interview: the start of the study day before it, but
 * never before the next study day, since a review always moves a card on.
 * With the interview tomorrow, that is the start of the interview day.
 *
 * Returns: the latest due time, or 0 for no cap (no interview, or an
 *   interview today or past: scheduling for a passed date would make cards
 *   due in the past)
 */
gint64
prep_scheduler_cap (gint64 now,
                    gint64 interview_day)
{
  gint64 today;

  if (interview_day <= 0)
    return 0;

  today = prep_study_day (now);
  if (interview_day <= today)
    return 0;

  return prep_study_day_start (MAX (interview_day - 1, today + 1));
}

static void
cap_due (PrepCard *next,
         gint64    now,
         gint64    cap)
{
  if (cap == 0 || next->due <= cap)
    return;

  next->due = cap;
  if (next->state == PREP_CARD_REVIEW)
    next->interval = (prep_study_day (cap) - prep_study_day (now)) * DAY;
  else
    next->interval = MAX (cap - now, 0);
}

/**
 * prep_scheduler_preview:
 * @next: (out caller-allocates): the card after Again, Hard, Good and
 *   Easy, in that order
 *
 * Computes what each grade would do to @card reviewed at @now, for the
 * intervals shown on the grade buttons.
 */
void
prep_scheduler_preview (const PrepFsrsParams *params,
                        const PrepCard       *card,
                        gint64                now,
                        PrepCard              next[4])
{
  prep_scheduler_preview_before (params, card, now, 0, next);
}

/**
 * prep_scheduler_preview_before:
 * @interview_day: the study day of an interview, or 0 for none
 * @next: (out caller-allocates): the card after Again, Hard, Good and
 *   Easy, in that order
 *
 * As prep_scheduler_preview(), with every due time capped by
 * prep_scheduler_cap(): steps in minutes that fall before the cap are
 * unchanged, longer intervals end on the cap. Memory states are not
 * changed by the cap.
 */
void
prep_scheduler_preview_before (const PrepFsrsParams *params,
                               const PrepCard       *card,
                               gint64                now,
                               gint64                interview_day,
                               PrepCard              next[4])
{
  double elapsed = 0;
  gint64 cap;

  g_return_if_fail (params != NULL);
  g_return_if_fail (card != NULL);

  /* Whole study days, as FSRS is fitted on: a review late tonight and one
   * early tomorrow morning are a day apart. */
  if (card->state != PREP_CARD_NEW)
    elapsed = MAX (prep_study_day (now) - prep_study_day (card->last_review), 0);

  for (guint i = 0; i < 4; i++)
    {
      PrepMemoryState memory = card->memory;

      if (card->state == PREP_CARD_NEW)
        memory.stability = 0;

      next[i] = *card;
      prep_fsrs_review (params, &memory, elapsed, (PrepGrade) (i + 1), &next[i].memory);
      after_review (card, now, &next[i]);
    }

  switch (card->state)
    {
    case PREP_CARD_NEW:
    case PREP_CARD_LEARNING:
      preview_steps (params, card, now, learning_steps, G_N_ELEMENTS (learning_steps),
                     PREP_CARD_LEARNING, next);
      break;

    case PREP_CARD_RELEARNING:
      preview_steps (params, card, now, relearning_steps, G_N_ELEMENTS (relearning_steps),
                     PREP_CARD_RELEARNING, next);
      break;

    case PREP_CARD_REVIEW:
    default:
      preview_review (params, now, next);
      break;
    }

  cap = prep_scheduler_cap (now, interview_day);
  for (guint i = 0; i < 4; i++)
    cap_due (&next[i], now, cap);
}

/**
 * prep_scheduler_review:
 * @next: (out caller-allocates): the card after the review
 */
void
prep_scheduler_review (const PrepFsrsParams *params,
                       const PrepCard       *card,
                       gint64                now,
                       PrepGrade             grade,
                       PrepCard             *next)
{
  prep_scheduler_review_before (params, card, now, grade, 0, next);
}

/**
 * prep_scheduler_review_before:
 * @interview_day: the study day of an interview, or 0 for none
 * @next: (out caller-allocates): the card after the review
 *
 * As prep_scheduler_review(), with the due time capped as
 * prep_scheduler_preview_before() does.
 */
void
prep_scheduler_review_before (const PrepFsrsParams *params,
                              const PrepCard       *card,
                              gint64                now,
                              PrepGrade             grade,
                              gint64                interview_day,
                              PrepCard             *next)
{
  PrepCard all[4];

  g_return_if_fail (grade >= PREP_GRADE_AGAIN && grade <= PREP_GRADE_EASY);
  g_return_if_fail (next != NULL);

  prep_scheduler_preview_before (params, card, now, interview_day, all);
  *next = all[grade - 1];
}

/**
 * prep_study_day_from_date:
 * @date: (nullable): a calendar date as "YYYY-MM-DD", e.g. the interview
 *   date setting
 *
 * A date names a whole study day: the one that starts at
 * PREP_DAY_ROLLOVER_HOUR on that date, so the day prep_study_day() gives
 * for any time from then to 4 a.m. the next morning.
 *
 * Returns: the study day, or 0 if @date is empty or not a valid date
 */
gint64
prep_study_day_from_date (const char *date)
{
  guint year, month, day;
  char end;

  if (date == NULL || sscanf (date, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      strlen (date) != 10 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) ||
      year < 1971 || year > 9998)
    return 0;

  {
    g_autoptr(GDate) parsed = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);

    return g_date_get_julian (parsed);
  }
}

/**
 * prep_study_day_to_date:
 *
 * Returns: (transfer full): @day as "YYYY-MM-DD", or "" for none
 */
char *
prep_study_day_to_date (gint64 day)
{
  g_autoptr(GDate) date = NULL;

  if (day <= 0 || day > G_MAXUINT32 || !g_date_valid_julian ((guint32) day))
    return g_strdup ("");

  date = g_date_new_julian ((guint32) day);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/**
 * prep_format_interval:
 *
 * Returns: a short interval for a grade button: "10 min", "3 d", "1.5 mo"
 */
char *
prep_format_interval (gint64 seconds)
{
  double days = seconds / (double) DAY;

  if (seconds < 60 * MINUTE)
    {
      guint minutes = MAX (1, (guint) ((seconds + MINUTE / 2) / MINUTE));
      /* Translators: an interval on a grade button, keep it short */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min", "%u min", minutes), minutes);
    }
  if (seconds < DAY)
    {
      guint hours = (guint) ((seconds + 30 * MINUTE) / (60 * MINUTE));
      /* Translators: an interval on a grade button, keep it short */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u h", "%u h", hours), hours);
    }
  if (days < 30.5)
    {
      guint whole = (guint) (days + 0.5);
      /* Translators: an interval on a grade button ("3 d" = three days), keep it short */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u d", "%u d", whole), whole);
    }
  if (days < 365)
    /* Translators: an interval in months on a grade button, keep it short */
    return g_strdup_printf (_("%.1f mo"), days / 30.4375);

  /* Translators: an interval in years on a grade button, keep it short */
  return g_strdup_printf (_("%.1f y"), days / 365.25);
}
