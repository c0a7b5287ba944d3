/* prep-sidebar-frame.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PREP_TYPE_SIDEBAR_FRAME (prep_sidebar_frame_get_type())

G_DECLARE_FINAL_TYPE (PrepSidebarFrame, prep_sidebar_frame, PREP, SIDEBAR_FRAME, GtkWidget)

GtkWidget *prep_sidebar_frame_new           (void);
GtkWidget *prep_sidebar_frame_get_child     (PrepSidebarFrame *self);
void       prep_sidebar_frame_set_child     (PrepSidebarFrame *self,
                                             GtkWidget        *child);
int        prep_sidebar_frame_width_for     (int               window_width);

G_END_DECLS
