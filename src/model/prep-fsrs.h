/* prep-fsrs.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* FSRS-5 (Free Spaced Repetition Scheduler), from the published formulas
 * of open-spaced-repetition's "The Algorithm": a memory model with
 * difficulty D ∈ [1, 10], stability S (days until recall probability falls
 * to 90 %) and retrievability R. Plain arithmetic, no GTK. */

#define PREP_FSRS_N_WEIGHTS 19
/* Bounds of a card's stability, in days. */
#define PREP_FSRS_MIN_STABILITY 0.01
#define PREP_FSRS_MAX_STABILITY 36500.0

typedef enum
{
  PREP_GRADE_AGAIN = 1,
  PREP_GRADE_HARD  = 2,
  PREP_GRADE_GOOD  = 3,
  PREP_GRADE_EASY  = 4,
} PrepGrade;

typedef struct
{
  double w[PREP_FSRS_N_WEIGHTS];
  double desired_retention;   /* (0, 1), 0.9 by default */
  double maximum_interval;    /* days */
} PrepFsrsParams;

typedef struct
{
  double stability;   /* days; 0 for a card never reviewed */
  double difficulty;  /* [1, 10] */
} PrepMemoryState;

void    prep_fsrs_params_init_default  (PrepFsrsParams        *params);
double  prep_fsrs_retrievability       (double                 elapsed_days,
                                        double                 stability);
double  prep_fsrs_interval             (const PrepFsrsParams  *params,
                                        double                 stability);
guint   prep_fsrs_interval_days        (const PrepFsrsParams  *params,
                                        double                 stability);
double  prep_fsrs_initial_stability    (const PrepFsrsParams  *params,
                                        PrepGrade              grade);
double  prep_fsrs_initial_difficulty   (const PrepFsrsParams  *params,
                                        PrepGrade              grade);
double  prep_fsrs_next_difficulty      (const PrepFsrsParams  *params,
                                        double                 difficulty,
                                        PrepGrade              grade);
double  prep_fsrs_recall_stability     (const PrepFsrsParams  *params,
                                        double                 difficulty,
                                        double                 stability,
                                        double                 retrievability,
                                        PrepGrade              grade);
double  prep_fsrs_forget_stability     (const PrepFsrsParams  *params,
                                        double                 difficulty,
                                        double                 stability,
                                        double                 retrievability);
double  prep_fsrs_short_term_stability (const PrepFsrsParams  *params,
                                        double                 stability,
                                        PrepGrade              grade);
void    prep_fsrs_review               (const PrepFsrsParams  *params,
                                        const PrepMemoryState *state,
                                        double                 elapsed_days,
                                        PrepGrade              grade,
                                        PrepMemoryState       *next);

G_END_DECLS
