/* prep-table.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "prep-render-table.h"

G_BEGIN_DECLS

#define PREP_TYPE_TABLE (prep_table_get_type())

G_DECLARE_FINAL_TYPE (PrepTable, prep_table, PREP, TABLE, GtkWidget)

GtkWidget *prep_table_new                 (PrepRenderTable *table);
int        prep_table_get_available_width (PrepTable       *self);
void       prep_table_set_available_width (PrepTable       *self,
                                           int              width);
GPtrArray *prep_table_get_cells           (PrepTable       *self);
gboolean   prep_table_get_overflows       (PrepTable       *self);
void       prep_table_measure_later       (PrepTable       *self);
gboolean   prep_table_measure_step        (PrepTable       *self,
                                           gint64           deadline);
gboolean   prep_table_get_measured        (PrepTable       *self);

G_END_DECLS
