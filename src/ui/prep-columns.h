/* prep-columns.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PREP_TYPE_COLUMNS (prep_columns_get_type())

G_DECLARE_FINAL_TYPE (PrepColumns, prep_columns, PREP, COLUMNS, GtkWidget)

GtkWidget *prep_columns_new                  (void);
guint      prep_columns_get_n_columns        (PrepColumns *self);
int        prep_columns_get_min_column_width (PrepColumns *self);
void       prep_columns_set_min_column_width (PrepColumns *self,
                                              int          width);
int        prep_columns_get_spacing          (PrepColumns *self);
void       prep_columns_set_spacing          (PrepColumns *self,
                                              int          spacing);

G_END_DECLS
