/* prep-progress.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-progress"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "prep-fsrs.h"
#include "prep-progress.h"

/* The figures of the Progress view, computed once for a "now" from the
 * cards, the review log and the questions; widgets only draw them.
 *
 * Days are study days (prep_study_day()). Finding a review's day with
 * GDateTime for each of 200,000 log entries would take most of the time
 * budget, so the starts of the days of interest (the heatmap's year, the
 * forecast's month) are computed once and entries are placed among them by
 * binary search; only a streak longer than the heatmap looks further back,
 * one day at a time. */

#define DAY (24 * 60 * 60)

/* Study days of the heatmap and the forecast: first_day … today + 30. */
#define N_DAYS (PREP_PROGRESS_HEATMAP_DAYS + PREP_PROGRESS_FORECAST_DAYS)

struct _PrepProgress
{
  gatomicrefcount        ref_count;

  gint64                 now;
  gint64                 today;
  gint64                 first_day;             /* of the heatmap */
  gint64                 starts[N_DAYS + 1];    /* of first_day … */

  PrepProgressToday      summary;
  GArray                *categories;            /* PrepProgressCategory */
  GArray                *heatmap;               /* PrepProgressDay */
  guint                  forecast[PREP_PROGRESS_FORECAST_DAYS];
  PrepProgressRetention  retention[PREP_PROGRESS_N_PERIODS][PREP_REVIEW_N_KINDS + 1];

  /* Owned references */
  GPtrArray             *questions;             /* PrepQuestion */
  GArray                *weak;                  /* WeakItem, reviewed questions, weakest first */
};

typedef struct
{
  guint  index;     /* into questions */
  double retrievability;
  guint  lapses;
} WeakItem;

G_DEFINE_BOXED_TYPE (PrepProgress, prep_progress, prep_progress_ref, prep_progress_unref)

static void
category_clear (PrepProgressCategory *category)
{
  g_clear_pointer (&category->category_id, g_free);
}

/* The same time as prep_study_day_start() for the day of @date, with one
 * GDateTime rather than several. */
static gint64
date_start (const GDate *date)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                      g_date_get_day (date), PREP_DAY_ROLLOVER_HOUR, 0, 0);

  return start ? g_date_time_to_unix (start) : prep_study_day_start (g_date_get_julian (date));
}

static void
compute_starts (PrepProgress *self)
{
  g_autoptr(GDate) date = NULL;

  /* prep_study_day() keeps today within years 1971 to 9998. */
  self->first_day = self->today - (PREP_PROGRESS_HEATMAP_DAYS - 1);
  date = g_date_new_julian ((guint32) self->first_day);

  for (guint i = 0; i <= N_DAYS; i++)
    {
      self->starts[i] = date_start (date);
      g_date_add_days (date, 1);
    }
}

/* The day of @time relative to first_day: -1 before it, N_DAYS from the
 * end of the last day on. Days are 24 hours but for changes of the UTC
 * offset: a guess and a step or two find the day. */
static int
day_index (PrepProgress *self,
           gint64        time)
{
  gint64 i;

  if (time < self->starts[0])
    return -1;
  if (time >= self->starts[N_DAYS])
    return N_DAYS;

  i = MIN ((time - self->starts[0]) / DAY, N_DAYS - 1);
  while (i > 0 && time < self->starts[i])
    i--;
  while (time >= self->starts[i + 1])
    i++;

  return (int) i;
}

static double
retrievability (const PrepCard *card,
                gint64          now)
{
  return prep_fsrs_retrievability (MAX (now - card->last_review, 0) / (double) DAY, card->memory.stability);
}

static void
add_card (PrepProgress   *self,
          guint           index,
          PrepQuestion   *question,
          const PrepCard *card,
          GHashTable     *category_index,
          double         *sums)
{
  const char *category_id = prep_question_get_category_id (question);
  PrepProgressCategory *category;
  WeakItem item;
  gpointer found;
  guint c;
  int day;

  if (category_id == NULL)
    category_id = "";
  if (g_hash_table_lookup_extended (category_index, category_id, NULL, &found))
    {
      c = GPOINTER_TO_UINT (found);
    }
  else
    {
      PrepProgressCategory added = { g_strdup (category_id), 0, 0, 0, 0, NAN };

      c = self->categories->len;
      g_array_append_val (self->categories, added);
      g_hash_table_insert (category_index, (gpointer) category_id, GUINT_TO_POINTER (c));
    }
  category = &g_array_index (self->categories, PrepProgressCategory, c);

  if (card->state == PREP_CARD_NEW)
    {
      category->n_new++;
      if (prep_question_get_has_answer (question))
        self->summary.n_new++;
      return;
    }

  switch (card->state)
    {
    case PREP_CARD_LEARNING:
    case PREP_CARD_RELEARNING:
      category->n_learning++;
      break;

    case PREP_CARD_REVIEW:
    default:
      if (card->memory.stability >= PREP_PROGRESS_MATURE_DAYS)
        category->n_mature++;
      else
        category->n_young++;
      break;
    }

  item = (WeakItem) { index, retrievability (card, self->now), card->lapses };
  g_array_append_val (self->weak, item);
  sums[c] += item.retrievability;

  if (card->due <= self->now)
    self->summary.n_due++;

  /* Overdue cards are due on day 0 of the forecast. */
  day = day_index (self, card->due) - (int) (PREP_PROGRESS_HEATMAP_DAYS - 1);
  if (day < PREP_PROGRESS_FORECAST_DAYS)
    self->forecast[MAX (day, 0)]++;
}

static void
add_cards (PrepProgress   *self,
           const PrepCard *cards)
{
  g_autoptr(GHashTable) category_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree double *sums = g_new0 (double, self->questions->len + 1);

  for (guint i = 0; i < self->questions->len; i++)
    add_card (self, i, g_ptr_array_index (self->questions, i), &cards[i], category_index, sums);

  for (guint c = 0; c < self->categories->len; c++)
    {
      PrepProgressCategory *category = &g_array_index (self->categories, PrepProgressCategory, c);
      guint reviewed = category->n_learning + category->n_young + category->n_mature;

      if (reviewed > 0)
        category->retrievability = sums[c] / reviewed;
    }

  self->summary.n_due_today = self->forecast[0];
}

/* The streak goes on past the heatmap's first day. Older reviews are
 * first placed by a guess of their day (days back from first_day, 24 hours
 * each), which is off by at most one where the UTC offset changes: a day
 * whose guesses and their neighbours saw no review had none for sure, and
 * the streak ends before it. Only up to there are days found exactly. */
static guint
older_streak (PrepProgress *self,
              GArray       *log)
{
  g_autofree guint8 *guessed = NULL;
  g_autofree guint8 *exact = NULL;
  g_autofree gint64 *ends = NULL;
  g_autoptr(GDate) date = NULL;
  gint64 oldest = self->starts[0], bound;
  guint n_guesses, streak = 0;

  /* Times out of the range the app reads count as its first day. */
  for (guint i = 0; i < log->len; i++)
    oldest = MIN (oldest, MAX (g_array_index (log, PrepReviewLogEntry, i).time, PREP_TIME_MIN));
  if (oldest >= self->starts[0])
    return 0;

  /* Day k back is first_day - 1 - k; guesses go from 0 to n_guesses - 1. */
  n_guesses = (guint) ((self->starts[0] - 1 - oldest) / DAY) + 1;
  guessed = g_new0 (guint8, n_guesses + 2);
  for (guint i = 0; i < log->len; i++)
    {
      gint64 time = MAX (g_array_index (log, PrepReviewLogEntry, i).time, PREP_TIME_MIN);

      if (time < self->starts[0])
        guessed[(self->starts[0] - 1 - time) / DAY] = 1;
    }

  for (bound = 0; bound < n_guesses; bound++)
    if (!guessed[bound] && !guessed[bound + 1] && (bound == 0 || !guessed[bound - 1]))
      break;

  /* ends[k] is the end of day k back, i.e. the start of day k - 1 back. */
  ends = g_new (gint64, bound + 2);
  exact = g_new0 (guint8, bound + 1);
  date = g_date_new_julian ((guint32) self->first_day);
  ends[0] = self->starts[0];
  for (gint64 k = 1; k <= bound + 1; k++)
    {
      g_date_subtract_days (date, 1);
      ends[k] = date_start (date);
    }

  for (guint i = 0; i < log->len; i++)
    {
      gint64 time = MAX (g_array_index (log, PrepReviewLogEntry, i).time, PREP_TIME_MIN);
      gint64 k;

      if (time >= self->starts[0])
        continue;

      k = (self->starts[0] - 1 - time) / DAY;
      if (k > bound + 1)
        continue;
      /* Day k back is [ends[k + 1], ends[k]). */
      while (k > 0 && time >= ends[k])
        k--;
      while (k <= bound && time < ends[k + 1])
        k++;
      if (k <= bound)
        exact[k] = 1;
    }

  while (streak <= bound && exact[streak])
    streak++;

  return streak;
}

static void
add_log (PrepProgress *self,
         GArray       *log)
{
  const int week_from = PREP_PROGRESS_HEATMAP_DAYS - 7;
  const int month_from = PREP_PROGRESS_HEATMAP_DAYS - 30;
  int today_index = PREP_PROGRESS_HEATMAP_DAYS - 1;
  int streak_from;

  g_array_set_size (self->heatmap, PREP_PROGRESS_HEATMAP_DAYS);
  for (guint i = 0; i < PREP_PROGRESS_HEATMAP_DAYS; i++)
    g_array_index (self->heatmap, PrepProgressDay, i).day = self->first_day + i;

  for (guint i = 0; i < log->len; i++)
    {
      const PrepReviewLogEntry *entry = &g_array_index (log, PrepReviewLogEntry, i);
      int index = day_index (self, entry->time);
      PrepProgressDay *day;
      gboolean passed;

      /* Reviews in the future (a clock set back) are nowhere. */
      if (index < 0 || index > today_index)
        continue;

      day = &g_array_index (self->heatmap, PrepProgressDay, index);
      day->n_reviews++;
      day->studied_ms += CLAMP (entry->duration_ms, 0, PREP_REVIEW_MAX_DURATION_MS);

      /* True retention: reviews of learnt cards only; learning steps are
       * minutes apart and say little of memory. */
      if (entry->state != PREP_CARD_REVIEW || index < month_from || entry->kind > PREP_REVIEW_INTERVIEW)
        continue;

      passed = entry->grade != PREP_GRADE_AGAIN;
      for (guint p = 0; p < PREP_PROGRESS_N_PERIODS; p++)
        {
          if (p == PREP_PROGRESS_WEEK && index < week_from)
            continue;
          self->retention[p][entry->kind].n_reviews++;
          self->retention[p][entry->kind].n_passed += passed;
          self->retention[p][PREP_PROGRESS_ALL_KINDS].n_reviews++;
          self->retention[p][PREP_PROGRESS_ALL_KINDS].n_passed += passed;
        }
    }

  self->summary.n_reviews = g_array_index (self->heatmap, PrepProgressDay, today_index).n_reviews;
  self->summary.studied_ms = g_array_index (self->heatmap, PrepProgressDay, today_index).studied_ms;

  /* A day without reviews yet does not end the streak before it ends. */
  streak_from = today_index;
  if (self->summary.n_reviews == 0)
    streak_from--;
  for (int i = streak_from; i >= 0 && g_array_index (self->heatmap, PrepProgressDay, i).n_reviews > 0; i--)
    self->summary.streak++;
  if (streak_from >= 0 && self->summary.streak == (guint) streak_from + 1)
    self->summary.streak += older_streak (self, log);
}

/* Lowest retrievability first; then more lapses; then by id, so that the
 * order does not depend on the library's. */
static int
compare_weak (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const WeakItem *x = a, *y = b;
  GPtrArray *questions = data;

  if (x->retrievability != y->retrievability)
    return x->retrievability < y->retrievability ? -1 : 1;
  if (x->lapses != y->lapses)
    return x->lapses > y->lapses ? -1 : 1;

  return strcmp (prep_question_get_id (g_ptr_array_index (questions, x->index)),
                 prep_question_get_id (g_ptr_array_index (questions, y->index)));
}

static void
weak_clear (PrepProgressWeak *weak)
{
  g_clear_object (&weak->question);
}

/**
 * prep_progress_new:
 * @questions: a #GListModel of #PrepQuestion, e.g. the library's
 * @cards: (array): the card of each question, in the same order
 * @log: (element-type PrepReviewLogEntry): reviews, in any order
 * @now: the time the figures are for
 *
 * Computes every figure of the Progress view.
 *
 * Returns: (transfer full): the figures
 */
PrepProgress *
prep_progress_new (GListModel     *questions,
                   const PrepCard *cards,
                   GArray         *log,
                   gint64          now)
{
  g_autoptr(PrepProgress) self = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (questions), NULL);
  g_return_val_if_fail (log != NULL, NULL);
  g_return_val_if_fail (g_array_get_element_size (log) == sizeof (PrepReviewLogEntry), NULL);

  n = g_list_model_get_n_items (questions);
  g_return_val_if_fail (cards != NULL || n == 0, NULL);

  self = g_new0 (PrepProgress, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->now = now;
  self->today = prep_study_day (now);
  self->categories = g_array_new (FALSE, FALSE, sizeof (PrepProgressCategory));
  g_array_set_clear_func (self->categories, (GDestroyNotify) category_clear);
  self->heatmap = g_array_new (FALSE, TRUE, sizeof (PrepProgressDay));
  self->questions = g_ptr_array_new_full (n, g_object_unref);
  self->weak = g_array_new (FALSE, FALSE, sizeof (WeakItem));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->questions, g_list_model_get_item (questions, i));

  compute_starts (self);
  add_cards (self, cards);
  add_log (self, log);
  g_array_sort_with_data (self->weak, compare_weak, self->questions);

  return g_steal_pointer (&self);
}

/**
 * prep_progress_new_for_store:
 * @questions: a #GListModel of #PrepQuestion
 *
 * Computes the figures from the cards and log of @reviews.
 *
 * Returns: (transfer full): the figures
 */
PrepProgress *
prep_progress_new_for_store (PrepReviewStore *reviews,
                             GListModel      *questions,
                             gint64           now)
{
  g_autofree PrepCard *cards = NULL;
  guint n;

  g_return_val_if_fail (PREP_IS_REVIEW_STORE (reviews), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (questions), NULL);

  n = g_list_model_get_n_items (questions);
  cards = g_new (PrepCard, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);

      prep_review_store_get_card (reviews, prep_question_get_id (question), &cards[i]);
    }

  return prep_progress_new (questions, cards, prep_review_store_get_log (reviews), now);
}

PrepProgress *
prep_progress_ref (PrepProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
prep_progress_unref (PrepProgress *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->categories, g_array_unref);
  g_clear_pointer (&self->heatmap, g_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->weak, g_array_unref);
  g_free (self);
}

gint64
prep_progress_get_now (PrepProgress *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->now;
}

/**
 * prep_progress_get_day:
 *
 * Returns: today's study day
 */
gint64
prep_progress_get_day (PrepProgress *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->today;
}

const PrepProgressToday *
prep_progress_get_today (PrepProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->summary;
}

/**
 * prep_progress_get_categories:
 *
 * Returns: (transfer none) (element-type PrepProgressCategory): each
 *   category of the questions, in the order of its first question
 */
GArray *
prep_progress_get_categories (PrepProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->categories;
}

/**
 * prep_progress_get_heatmap:
 *
 * Returns: (transfer none) (element-type PrepProgressDay): the last
 *   PREP_PROGRESS_HEATMAP_DAYS study days, today last
 */
GArray *
prep_progress_get_heatmap (PrepProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->heatmap;
}

/**
 * prep_progress_get_forecast:
 * @n_days: (out): PREP_PROGRESS_FORECAST_DAYS
 *
 * Returns: (array length=n_days): the reviews due on each study day from
 *   today on; today's count includes every overdue card
 */
const guint *
prep_progress_get_forecast (PrepProgress *self,
                            guint        *n_days)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_days != NULL)
    *n_days = PREP_PROGRESS_FORECAST_DAYS;

  return self->forecast;
}

/**
 * prep_progress_get_retention:
 * @period: the last 7 or 30 study days, today included
 * @kind: a #PrepReviewKind, or PREP_PROGRESS_ALL_KINDS
 *
 * True retention: of the reviews of learnt cards (not new, learning or
 * relearning), those not graded Again.
 *
 * Returns: the number of such reviews and of those passed
 */
const PrepProgressRetention *
prep_progress_get_retention (PrepProgress       *self,
                             PrepProgressPeriod  period,
                             guint               kind)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (period < PREP_PROGRESS_N_PERIODS, NULL);
  g_return_val_if_fail (kind <= PREP_PROGRESS_ALL_KINDS, NULL);

  return &self->retention[period][kind];
}

/**
 * prep_progress_dup_weakest:
 * @n: how many at most
 *
 * Returns: (transfer full) (element-type PrepProgressWeak): the reviewed
 *   questions least likely to be recalled now, weakest first; ties go to
 *   the question with more lapses, then by id
 */
GArray *
prep_progress_dup_weakest (PrepProgress *self,
                           guint         n)
{
  GArray *weakest;

  g_return_val_if_fail (self != NULL, NULL);

  n = MIN (n, self->weak->len);
  weakest = g_array_sized_new (FALSE, FALSE, sizeof (PrepProgressWeak), n);
  g_array_set_clear_func (weakest, (GDestroyNotify) weak_clear);

  for (guint i = 0; i < n; i++)
    {
      const WeakItem *item = &g_array_index (self->weak, WeakItem, i);
      PrepProgressWeak weak = {
        g_object_ref (g_ptr_array_index (self->questions, item->index)),
        item->retrievability,
        item->lapses,
      };

      g_array_append_val (weakest, weak);
    }

  return weakest;
}

/**
 * prep_progress_plan_interview:
 * @interview_day: the study day of the interview
 * @today: today's study day
 * @n_new: questions with an answer not yet studied
 * @daily_limit: the new questions a day the user is ready for
 * @plan: (out caller-allocates): the plan
 *
 * Plans the new questions so that each is seen at least
 * PREP_PROGRESS_PLAN_MARGIN_DAYS study days before the interview, leaving
 * those days for reviews: they are spread evenly (rounding up) over the
 * days from today to that margin. With fewer days left than that, all are
 * for today and the margin is not kept. No new questions need no days.
 *
 * Returns: %FALSE if the interview day has passed (the plan is then
 *   empty), %TRUE otherwise, on the interview day too
 */
gboolean
prep_progress_plan_interview (gint64             interview_day,
                              gint64             today,
                              guint              n_new,
                              guint              daily_limit,
                              PrepInterviewPlan *plan)
{
  gint64 days_left, n_days;

  g_return_val_if_fail (plan != NULL, FALSE);

  *plan = (PrepInterviewPlan) { .n_new = n_new };

  if (interview_day < today)
    {
      plan->reachable = n_new == 0;
      return FALSE;
    }

  days_left = interview_day - today;
  n_days = MAX (days_left - PREP_PROGRESS_PLAN_MARGIN_DAYS, 1);

  plan->days_left = (guint) MIN (days_left, G_MAXUINT);
  plan->margin_kept = days_left > PREP_PROGRESS_PLAN_MARGIN_DAYS;
  if (n_new > 0)
    {
      plan->per_day = (guint) (((guint64) n_new + n_days - 1) / n_days);
      plan->n_days = (guint) (((guint64) n_new + plan->per_day - 1) / plan->per_day);
      plan->finish_day = today + plan->n_days - 1;
    }
  else
    {
      plan->finish_day = today;
    }
  plan->reachable = plan->per_day <= daily_limit;

  return TRUE;
}
