/* prep-stacked-bar.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PREP_TYPE_STACKED_BAR (prep_stacked_bar_get_type())

G_DECLARE_FINAL_TYPE (PrepStackedBar, prep_stacked_bar, PREP, STACKED_BAR, GtkWidget)

GtkWidget  *prep_stacked_bar_new              (void);
void        prep_stacked_bar_set_segments     (PrepStackedBar     *self,
                                               const guint        *values,
                                               const char * const *labels,
                                               guint               n_segments);
guint       prep_stacked_bar_get_n_segments   (PrepStackedBar     *self);
gboolean    prep_stacked_bar_get_segment_area (PrepStackedBar     *self,
                                               guint               index,
                                               graphene_rect_t    *area);
void        prep_stacked_bar_get_segment_color (PrepStackedBar    *self,
                                               guint               index,
                                               GdkRGBA            *color);
const char *prep_stacked_bar_get_summary      (PrepStackedBar     *self);
void        prep_stacked_bar_set_summary      (PrepStackedBar     *self,
                                               const char         *summary);

G_END_DECLS
