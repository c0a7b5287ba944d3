/* prep-fsrs.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-fsrs"

#include "config.h"

#include <math.h>

#include "prep-fsrs.h"

/* The forgetting curve R(t, S) = (1 + FACTOR · t / S) ^ DECAY, with FACTOR
 * chosen so that R(S, S) = 0.9: FACTOR = 0.9 ^ (1 / DECAY) − 1 = 19/81. */
#define DECAY  (-0.5)
#define FACTOR (19.0 / 81.0)

/* FSRS-5's published default weights w0…w18. */
static const double default_weights[PREP_FSRS_N_WEIGHTS] = {
  0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192,
  1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
};

void
prep_fsrs_params_init_default (PrepFsrsParams *params)
{
  g_return_if_fail (params != NULL);

  for (guint i = 0; i < PREP_FSRS_N_WEIGHTS; i++)
    params->w[i] = default_weights[i];
  params->desired_retention = 0.9;
  params->maximum_interval = 36500;
}

static double
clamp_difficulty (double difficulty)
{
  return CLAMP (difficulty, 1.0, 10.0);
}

/**
 * prep_fsrs_retrievability:
 *
 * Returns: the probability of recall @elapsed_days after the last review
 */
double
prep_fsrs_retrievability (double elapsed_days,
                          double stability)
{
  if (stability <= 0)
    return 0;

  return pow (1 + FACTOR * MAX (elapsed_days, 0) / stability, DECAY);
}

/**
 * prep_fsrs_interval:
 *
 * Returns: the days until retrievability falls to the desired retention,
 *   I(r, S) = S / FACTOR · (r ^ (1 / DECAY) − 1), unrounded
 */
double
prep_fsrs_interval (const PrepFsrsParams *params,
                    double                stability)
{
  g_return_val_if_fail (params != NULL, 0);

  return stability / FACTOR * (pow (params->desired_retention, 1 / DECAY) - 1);
}

/**
 * prep_fsrs_interval_days:
 *
 * Returns: the interval rounded to whole days, at least 1 and at most the
 *   maximum interval
 */
guint
prep_fsrs_interval_days (const PrepFsrsParams *params,
                         double                stability)
{
  double days;

  g_return_val_if_fail (params != NULL, 1);

  days = round (prep_fsrs_interval (params, stability));
  return (guint) CLAMP (days, 1, params->maximum_interval);
}

double
prep_fsrs_initial_stability (const PrepFsrsParams *params,
                             PrepGrade             grade)
{
  g_return_val_if_fail (params != NULL, 0);
  g_return_val_if_fail (grade >= PREP_GRADE_AGAIN && grade <= PREP_GRADE_EASY, 0);

  return MAX (params->w[grade - 1], 0.1);
}

/* D0(G) = w4 − e^(w5 · (G − 1)) + 1 */
double
prep_fsrs_initial_difficulty (const PrepFsrsParams *params,
                              PrepGrade             grade)
{
  g_return_val_if_fail (params != NULL, 5);

  return clamp_difficulty (params->w[4] - exp (params->w[5] * ((int) grade - 1)) + 1);
}

/* ΔD = −w6 · (G − 3), damped linearly as D nears 10, then reverted towards
 * D0(Easy) by w7: D' = w7 · D0(4) + (1 − w7) · (D + ΔD · (10 − D) / 9). */
double
prep_fsrs_next_difficulty (const PrepFsrsParams *params,
                           double                difficulty,
                           PrepGrade             grade)
{
  double delta, damped, target;

  g_return_val_if_fail (params != NULL, difficulty);

  delta = -params->w[6] * ((int) grade - 3);
  damped = difficulty + delta * (10 - difficulty) / 9;
  target = params->w[4] - exp (params->w[5] * 3) + 1;

  return clamp_difficulty (params->w[7] * target + (1 - params->w[7]) * damped);
}

/* S'r = S · (1 + e^w8 · (11 − D) · S^−w9 · (e^(w10 · (1 − R)) − 1)
 *            · w15 (if Hard) · w16 (if Easy)) */
double
prep_fsrs_recall_stability (const PrepFsrsParams *params,
                            double                difficulty,
                            double                stability,
                            double                retrievability,
                            PrepGrade             grade)
{
  double hard, easy;

  g_return_val_if_fail (params != NULL, stability);

  hard = grade == PREP_GRADE_HARD ? params->w[15] : 1;
  easy = grade == PREP_GRADE_EASY ? params->w[16] : 1;

  return stability * (1 + exp (params->w[8]) * (11 - difficulty) * pow (stability, -params->w[9]) *
                      (exp (params->w[10] * (1 - retrievability)) - 1) * hard * easy);
}

/* S'f = w11 · D^−w12 · ((S + 1)^w13 − 1) · e^(w14 · (1 − R)), never more
 * than the stability a same-day Again would leave, S / e^(w17 · w18). */
double
prep_fsrs_forget_stability (const PrepFsrsParams *params,
                            double                difficulty,
                            double                stability,
                            double                retrievability)
{
  double forget, ceiling;

  g_return_val_if_fail (params != NULL, stability);

  forget = params->w[11] * pow (difficulty, -params->w[12]) *
           (pow (stability + 1, params->w[13]) - 1) *
           exp (params->w[14] * (1 - retrievability));
  ceiling = stability / exp (params->w[17] * params->w[18]);

  return MAX (MIN (forget, ceiling), 0.01);
}

/* Reviews on the same day: S' = S · e^(w17 · (G − 3 + w18)). */
double
prep_fsrs_short_term_stability (const PrepFsrsParams *params,
                                double                stability,
                                PrepGrade             grade)
{
  g_return_val_if_fail (params != NULL, stability);

  return stability * exp (params->w[17] * ((int) grade - 3 + params->w[18]));
}

/**
 * prep_fsrs_review:
 * @state: the memory state before the review; stability 0 for a new card
 * @elapsed_days: days since the last review (fractional; < 1 counts as
 *   the same day)
 * @next: (out caller-allocates): the state after the review
 *
 * Applies one graded review.
 */
void
prep_fsrs_review (const PrepFsrsParams  *params,
                  const PrepMemoryState *state,
                  double                 elapsed_days,
                  PrepGrade              grade,
                  PrepMemoryState       *next)
{
  double r;

  g_return_if_fail (params != NULL);
  g_return_if_fail (state != NULL);
  g_return_if_fail (next != NULL);
  g_return_if_fail (grade >= PREP_GRADE_AGAIN && grade <= PREP_GRADE_EASY);

  if (state->stability <= 0)
    {
      next->stability = prep_fsrs_initial_stability (params, grade);
      next->difficulty = prep_fsrs_initial_difficulty (params, grade);
    }
  else
    {
      next->difficulty = prep_fsrs_next_difficulty (params, state->difficulty, grade);

      if (elapsed_days < 1)
        next->stability = prep_fsrs_short_term_stability (params, state->stability, grade);
      else
        {
          r = prep_fsrs_retrievability (elapsed_days, state->stability);
          if (grade == PREP_GRADE_AGAIN)
            next->stability = prep_fsrs_forget_stability (params, state->difficulty, state->stability, r);
          else
            next->stability = prep_fsrs_recall_stability (params, state->difficulty, state->stability, r, grade);
        }
    }

  /* Stability has no bound of its own: same-day Easy reviews multiply it
   * by e^0.858 each, and ~830 of them overflow to infinity. Like the
   * reference implementations, keep it within a hundred years. */
  next->stability = CLAMP (next->stability, PREP_FSRS_MIN_STABILITY, PREP_FSRS_MAX_STABILITY);
  next->difficulty = clamp_difficulty (next->difficulty);
}
