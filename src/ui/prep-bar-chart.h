/* prep-bar-chart.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PREP_TYPE_BAR_CHART (prep_bar_chart_get_type())

G_DECLARE_FINAL_TYPE (PrepBarChart, prep_bar_chart, PREP, BAR_CHART, GtkWidget)

GtkWidget  *prep_bar_chart_new                 (void);
void        prep_bar_chart_set_data            (PrepBarChart       *self,
                                                const guint        *values,
                                                const char * const *labels,
                                                guint               n_values);
guint       prep_bar_chart_get_n_values        (PrepBarChart       *self);
guint       prep_bar_chart_get_value           (PrepBarChart       *self,
                                                guint               index);
guint       prep_bar_chart_get_y_max           (PrepBarChart       *self);
gboolean    prep_bar_chart_get_plot_area       (PrepBarChart       *self,
                                                graphene_rect_t    *area);
gboolean    prep_bar_chart_get_bar_area        (PrepBarChart       *self,
                                                guint               index,
                                                graphene_rect_t    *area);
const char *prep_bar_chart_get_summary         (PrepBarChart       *self);
void        prep_bar_chart_set_summary         (PrepBarChart       *self,
                                                const char         *summary);
const char *prep_bar_chart_get_empty_text      (PrepBarChart       *self);
void        prep_bar_chart_set_empty_text      (PrepBarChart       *self,
                                                const char         *empty_text);
gboolean    prep_bar_chart_get_highlight_first (PrepBarChart       *self);
void        prep_bar_chart_set_highlight_first (PrepBarChart       *self,
                                                gboolean            highlight_first);

G_END_DECLS
