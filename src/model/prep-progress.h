/* prep-progress.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "prep-question.h"
#include "prep-review-store.h"
#include "prep-scheduler.h"

G_BEGIN_DECLS

/* A learnt card is mature from this stability on (days), as in Anki. */
#define PREP_PROGRESS_MATURE_DAYS     21.0
#define PREP_PROGRESS_HEATMAP_DAYS    365
#define PREP_PROGRESS_FORECAST_DAYS   30
/* New questions are all seen this many study days before an interview. */
#define PREP_PROGRESS_PLAN_MARGIN_DAYS 3

typedef enum
{
  PREP_PROGRESS_WEEK,
  PREP_PROGRESS_MONTH,
} PrepProgressPeriod;

#define PREP_PROGRESS_N_PERIODS 2
/* The retention of all kinds of review together. */
#define PREP_PROGRESS_ALL_KINDS PREP_REVIEW_N_KINDS

typedef struct
{
  guint  n_due;        /* due now, overdue included */
  guint  n_due_today;  /* due before today's study day ends */
  guint  n_new;        /* questions with an answer, never reviewed */
  guint  n_reviews;    /* reviews today */
  guint  streak;       /* study days in a row with a review, to today or yesterday */
  gint64 studied_ms;   /* time studied today */
} PrepProgressToday;

typedef struct
{
  char   *category_id;
  guint   n_new;
  guint   n_learning;      /* learning and relearning */
  guint   n_young;         /* learnt, stability under PREP_PROGRESS_MATURE_DAYS */
  guint   n_mature;
  double  retrievability;  /* mean of the reviewed questions now, NAN if none */
} PrepProgressCategory;

typedef struct
{
  gint64 day;        /* a study day, see prep_study_day() */
  guint  n_reviews;
  gint64 studied_ms;
} PrepProgressDay;

typedef struct
{
  guint n_reviews;   /* reviews of learnt cards */
  guint n_passed;    /* of which not graded Again */
} PrepProgressRetention;

typedef struct
{
  PrepQuestion *question;  /* a reference, dropped with the array */
  double        retrievability;
  guint         lapses;
} PrepProgressWeak;

typedef struct
{
  guint    n_new;
  guint    days_left;    /* study days before the interview day, today included */
  guint    n_days;       /* study days to see the new questions in */
  gint64   finish_day;   /* the last of them */
  guint    per_day;      /* new questions a day */
  gboolean margin_kept;  /* whether they are all seen PREP_PROGRESS_PLAN_MARGIN_DAYS before */
  gboolean reachable;    /* whether per_day is within the daily limit */
} PrepInterviewPlan;

typedef struct _PrepProgress PrepProgress;

#define PREP_TYPE_PROGRESS (prep_progress_get_type ())

GType                        prep_progress_get_type       (void) G_GNUC_CONST;
PrepProgress                *prep_progress_new            (GListModel         *questions,
                                                           const PrepCard     *cards,
                                                           GArray             *log,
                                                           gint64              now);
PrepProgress                *prep_progress_new_for_store  (PrepReviewStore    *reviews,
                                                           GListModel         *questions,
                                                           gint64              now);
PrepProgress                *prep_progress_ref            (PrepProgress       *self);
void                         prep_progress_unref          (PrepProgress       *self);
gint64                       prep_progress_get_now        (PrepProgress       *self);
gint64                       prep_progress_get_day        (PrepProgress       *self);
const PrepProgressToday     *prep_progress_get_today      (PrepProgress       *self);
GArray                      *prep_progress_get_categories (PrepProgress       *self);
GArray                      *prep_progress_get_heatmap    (PrepProgress       *self);
const guint                 *prep_progress_get_forecast   (PrepProgress       *self,
                                                           guint              *n_days);
const PrepProgressRetention *prep_progress_get_retention  (PrepProgress       *self,
                                                           PrepProgressPeriod  period,
                                                           guint               kind);
GArray                      *prep_progress_dup_weakest    (PrepProgress       *self,
                                                           guint               n);
gboolean                     prep_progress_plan_interview (gint64              interview_day,
                                                           gint64              today,
                                                           guint               n_new,
                                                           guint               daily_limit,
                                                           PrepInterviewPlan  *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrepProgress, prep_progress_unref)

G_END_DECLS
