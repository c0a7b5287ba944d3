/* bench-utils.h: shared by the benchmarks.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

double   prep_bench_median               (GArray      *values);
double   prep_bench_worst                (GArray      *values);
char    *prep_bench_write_scaled_content (guint        factor,
                                          const char  *dir,
                                          GError     **error);
void     prep_bench_register_content     (void);
guint64  prep_bench_rss_kib              (void);
GtkWidget *prep_bench_find_descendant    (GtkWidget   *widget,
                                          GType        type);
void     prep_bench_wait_for_paint       (GtkWidget   *widget);
double   prep_bench_iterate_for          (guint        ms);

G_END_DECLS
