/* bench-utils.c: shared by the benchmarks.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-utils.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * prep_bench_median:
 * @values: (element-type double): sorted in place
 *
 * Returns: the median; medians resist the outliers of a busy machine
 */
double
prep_bench_median (GArray *values)
{
  g_return_val_if_fail (values != NULL && values->len > 0, 0);

  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}
