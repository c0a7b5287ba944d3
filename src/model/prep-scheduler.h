/* prep-scheduler.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "prep-fsrs.h"

G_BEGIN_DECLS

/* Cards over FSRS: learning steps in minutes for new and lapsed cards,
 * whole days once a card is learnt. Days are study days that start at
 * PREP_DAY_ROLLOVER_HOUR local time (so a review at 1 a.m. belongs to the
 * evening before), as in Anki. Times are Unix seconds. No GTK. */

#define PREP_DAY_ROLLOVER_HOUR 4

/* The times the app reads and schedules: 1971-01-01 to 9998-12-31 UTC,
 * a day inside the range GDateTime handles in any time zone. */
#define PREP_TIME_MIN ((gint64) 31536000)
#define PREP_TIME_MAX ((gint64) 253370678400)

typedef enum
{
  PREP_CARD_NEW,
  PREP_CARD_LEARNING,
  PREP_CARD_REVIEW,
  PREP_CARD_RELEARNING,
} PrepCardState;

typedef struct
{
  PrepCardState   state;
  guint           step;         /* learning or relearning step */
  PrepMemoryState memory;
  gint64          due;          /* 0 for a new card */
  gint64          last_review;  /* 0 for a new card */
  guint           reps;
  guint           lapses;
  gint64          interval;     /* seconds scheduled by the last review */
} PrepCard;

void         prep_card_init_new          (PrepCard             *card);
const char  *prep_card_state_to_string   (PrepCardState         state);
gboolean     prep_card_state_from_string (const char           *string,
                                          PrepCardState        *state);
gboolean     prep_card_is_due            (const PrepCard       *card,
                                          gint64                until);

gint64       prep_study_day              (gint64                time);
gint64       prep_study_day_start        (gint64                day);
gint64       prep_study_day_end          (gint64                time);
gint64       prep_study_day_from_date    (const char           *date);
char        *prep_study_day_to_date      (gint64                day);

void         prep_scheduler_preview      (const PrepFsrsParams *params,
                                          const PrepCard       *card,
                                          gint64                now,
                                          PrepCard              next[4]);
void         prep_scheduler_review       (const PrepFsrsParams *params,
                                          const PrepCard       *card,
                                          gint64                now,
                                          PrepGrade             grade,
                                          PrepCard             *next);
gint64       prep_scheduler_cap          (gint64                now,
                                          gint64                interview_day);
void         prep_scheduler_preview_before (const PrepFsrsParams *params,
                                            const PrepCard       *card,
                                            gint64                now,
                                            gint64                interview_day,
                                            PrepCard              next[4]);
void         prep_scheduler_review_before (const PrepFsrsParams *params,
                                           const PrepCard       *card,
                                           gint64                now,
                                           PrepGrade             grade,
                                           gint64                interview_day,
                                           PrepCard             *next);
char        *prep_format_interval        (gint64                seconds);

G_END_DECLS
