/* bench-utils.h: shared by the benchmarks.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double prep_bench_median (GArray *values);

G_END_DECLS
