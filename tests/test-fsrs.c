/* test-fsrs.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "prep-fsrs.h"

/* Expected values were computed independently from the published FSRS-5
 * formulas, in Python (double precision), not with this code. */

#define assert_close(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9 * MAX (1.0, fabs ((double) (b))))

static PrepFsrsParams params;

static void
test_initial_state (void)
{
  const double d0[] = { 7.1949, 6.488305268471453, 5.282434422319005, 3.2245015893713678 };

  /* S0(G) = w[G-1]; D0(G) = w4 − e^(w5·(G−1)) + 1. */
  assert_close (prep_fsrs_initial_stability (&params, PREP_GRADE_AGAIN), 0.40255);
  assert_close (prep_fsrs_initial_stability (&params, PREP_GRADE_HARD), 1.18385);
  assert_close (prep_fsrs_initial_stability (&params, PREP_GRADE_GOOD), 3.173);
  assert_close (prep_fsrs_initial_stability (&params, PREP_GRADE_EASY), 15.69105);
  for (PrepGrade g = PREP_GRADE_AGAIN; g <= PREP_GRADE_EASY; g++)
    assert_close (prep_fsrs_initial_difficulty (&params, g), d0[g - 1]);
}

static void
test_retrievability (void)
{
  /* Stability is, by definition, when R falls to 90 %. */
  assert_close (prep_fsrs_retrievability (10, 10), 0.9);
  assert_close (prep_fsrs_retrievability (30, 10), 0.7661308776828738);
  assert_close (prep_fsrs_retrievability (0, 10), 1.0);
  g_assert_cmpfloat (prep_fsrs_retrievability (5, 0), ==, 0);
}

static void
test_interval (void)
{
  PrepFsrsParams p = params;

  /* At the default retention of 0.9 the interval is the stability. */
  assert_close (prep_fsrs_interval (&p, 10), 10);
  p.desired_retention = 0.8;
  assert_close (prep_fsrs_interval (&p, 10), 23.980263157894733);
  g_assert_cmpuint (prep_fsrs_interval_days (&p, 10), ==, 24);
  p.desired_retention = 0.95;
  assert_close (prep_fsrs_interval (&p, 10), 4.6056276425134905);
  g_assert_cmpuint (prep_fsrs_interval_days (&p, 10), ==, 5);
}

static void
test_interval_rounding (void)
{
  /* Whole days, at least one, at most the maximum interval. */
  g_assert_cmpuint (prep_fsrs_interval_days (&params, 3.4), ==, 3);
  g_assert_cmpuint (prep_fsrs_interval_days (&params, 3.6), ==, 4);
  g_assert_cmpuint (prep_fsrs_interval_days (&params, 0.2), ==, 1);
  g_assert_cmpuint (prep_fsrs_interval_days (&params, 1e7), ==, 36500);
}

static void
test_good_then_each_grade (void)
{
  /* A new card graded Good, reviewed 3 days later. */
  PrepMemoryState first = { 0, 0 }, after_good, next;

  prep_fsrs_review (&params, &first, 0, PREP_GRADE_GOOD, &after_good);
  assert_close (after_good.stability, 3.173);
  assert_close (after_good.difficulty, 5.282434422319005);

  prep_fsrs_review (&params, &after_good, 3, PREP_GRADE_GOOD, &next);
  assert_close (next.stability, 10.73892584613159);
  assert_close (next.difficulty, 5.272967931287446);

  prep_fsrs_review (&params, &after_good, 3, PREP_GRADE_HARD, &next);
  assert_close (next.stability, 4.924511833379462);
  assert_close (next.difficulty, 6.0349502556102195);

  prep_fsrs_review (&params, &after_good, 3, PREP_GRADE_EASY, &next);
  assert_close (next.stability, 25.79360509476422);
  assert_close (next.difficulty, 4.510985606964673);
}

static void
test_lapse (void)
{
  PrepMemoryState state = { 10, 5 }, next;

  /* Forgotten when due (R = 0.9). */
  prep_fsrs_review (&params, &state, 10, PREP_GRADE_AGAIN, &next);
  assert_close (next.stability, 2.107696257677866);
  assert_close (next.difficulty, 6.607035107311108);
  g_assert_cmpfloat (next.stability, <, state.stability);
}

static void
test_forget_ceiling (void)
{
  /* A lapse never leaves more stability than a same-day Again would. */
  assert_close (prep_fsrs_forget_stability (&params, 1, 0.5, prep_fsrs_retrievability (5, 0.5)),
                0.35517134799010497);
}

static void
test_long_gap (void)
{
  PrepMemoryState state = { 3, 6 }, next;

  /* Recalled after 100 days with S = 3: low R, so a large gain. */
  assert_close (prep_fsrs_retrievability (100, 3), 0.3367379403987119);
  prep_fsrs_review (&params, &state, 100, PREP_GRADE_GOOD, &next);
  assert_close (next.stability, 62.63918655219182);
}

static void
test_same_day (void)
{
  PrepMemoryState state = { 5, 5 }, next;

  /* Under a day since the last review: S · e^(w17 · (G − 3 + w18)). */
  prep_fsrs_review (&params, &state, 0.2, PREP_GRADE_AGAIN, &next);
  assert_close (next.stability, 2.5051426209675416);
  prep_fsrs_review (&params, &state, 0.2, PREP_GRADE_GOOD, &next);
  assert_close (next.stability, 7.038856073687706);
  prep_fsrs_review (&params, &state, 0.5, PREP_GRADE_EASY, &next);
  assert_close (next.stability, 11.79877446800273);
}

static void
test_difficulty_bounds (void)
{
  /* Linear damping slows growth near 10; the result stays in [1, 10]. */
  assert_close (prep_fsrs_next_difficulty (&params, 9.5, PREP_GRADE_AGAIN), 9.632652947311108);
  assert_close (prep_fsrs_next_difficulty (&params, 1.2, PREP_GRADE_EASY), 1.0);
  for (double d = 1; d <= 10; d += 0.5)
    for (PrepGrade g = PREP_GRADE_AGAIN; g <= PREP_GRADE_EASY; g++)
      {
        double next = prep_fsrs_next_difficulty (&params, d, g);
        g_assert_cmpfloat (next, >=, 1);
        g_assert_cmpfloat (next, <=, 10);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  prep_fsrs_params_init_default (&params);

  g_test_add_func ("/fsrs/initial-state", test_initial_state);
  g_test_add_func ("/fsrs/retrievability", test_retrievability);
  g_test_add_func ("/fsrs/interval", test_interval);
  g_test_add_func ("/fsrs/interval-rounding", test_interval_rounding);
  g_test_add_func ("/fsrs/good-then-each-grade", test_good_then_each_grade);
  g_test_add_func ("/fsrs/lapse", test_lapse);
  g_test_add_func ("/fsrs/forget-ceiling", test_forget_ceiling);
  g_test_add_func ("/fsrs/long-gap", test_long_gap);
  g_test_add_func ("/fsrs/same-day", test_same_day);
  g_test_add_func ("/fsrs/difficulty-bounds", test_difficulty_bounds);

  return g_test_run ();
}
