/* prep-chart-util.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     prep_chart_get_foreground  (GtkWidget     *widget,
                                     GdkRGBA       *color);
void     prep_chart_lookup_color    (GtkWidget     *widget,
                                     const char    *name,
                                     double         alpha,
                                     GdkRGBA       *color);
void     prep_chart_set_summary     (GtkWidget     *widget,
                                     const char    *summary);
guint    prep_chart_nice_max        (guint          value);
void     prep_chart_append_layout   (GtkSnapshot   *snapshot,
                                     PangoLayout   *layout,
                                     float          x,
                                     float          y,
                                     const GdkRGBA *color);
int      prep_chart_line_height     (GtkWidget     *widget);
gboolean prep_chart_font_changed    (GtkWidget     *widget,
                                     PangoFontDescription **font);
gboolean prep_chart_set_string      (char         **string,
                                     const char    *value);

G_END_DECLS
