/* prep-heatmap.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PREP_TYPE_HEATMAP (prep_heatmap_get_type())

G_DECLARE_FINAL_TYPE (PrepHeatmap, prep_heatmap, PREP, HEATMAP, GtkWidget)

#define PREP_HEATMAP_N_LEVELS 5

GtkWidget  *prep_heatmap_new                 (void);
void        prep_heatmap_set_data            (PrepHeatmap     *self,
                                              const guint     *counts,
                                              const guint     *seconds,
                                              guint            n_days,
                                              GDateTime       *today);
guint       prep_heatmap_get_n_days          (PrepHeatmap     *self);
guint       prep_heatmap_get_level           (PrepHeatmap     *self,
                                              guint            day);
void        prep_heatmap_get_level_color     (PrepHeatmap     *self,
                                              guint            level,
                                              GdkRGBA         *color);
GDateTime  *prep_heatmap_dup_date            (PrepHeatmap     *self,
                                              guint            day);
char       *prep_heatmap_dup_day_text        (PrepHeatmap     *self,
                                              guint            day);
gboolean    prep_heatmap_get_day_area        (PrepHeatmap     *self,
                                              guint            day,
                                              graphene_rect_t *area);
guint       prep_heatmap_get_n_visible_weeks (PrepHeatmap     *self);
int         prep_heatmap_get_selected_day    (PrepHeatmap     *self);
void        prep_heatmap_set_selected_day    (PrepHeatmap     *self,
                                              int              day);
const char *prep_heatmap_get_summary         (PrepHeatmap     *self);
void        prep_heatmap_set_summary         (PrepHeatmap     *self,
                                              const char      *summary);

G_END_DECLS
