/* prep-sidebar-row.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "prep-types.h"

G_BEGIN_DECLS

#define PREP_TYPE_SIDEBAR_ROW (prep_sidebar_row_get_type())

G_DECLARE_FINAL_TYPE (PrepSidebarRow, prep_sidebar_row, PREP, SIDEBAR_ROW, GtkWidget)

GtkWidget *prep_sidebar_row_new      (void);
GObject   *prep_sidebar_row_get_item (PrepSidebarRow *self);
void       prep_sidebar_row_set_item (PrepSidebarRow *self,
                                      GObject        *item);
void       prep_sidebar_row_set_user_data (PrepSidebarRow *self,
                                           PrepUserData   *user_data);
gboolean   prep_sidebar_row_get_bookmarked (PrepSidebarRow *self);
gboolean   prep_sidebar_row_get_read       (PrepSidebarRow *self);
gboolean   prep_sidebar_row_get_yours      (PrepSidebarRow *self);

G_END_DECLS
