/* prep-notice-bar.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PREP_TYPE_NOTICE_BAR (prep_notice_bar_get_type())

G_DECLARE_FINAL_TYPE (PrepNoticeBar, prep_notice_bar, PREP, NOTICE_BAR, GtkWidget)

GtkWidget  *prep_notice_bar_new        (void);
const char *prep_notice_bar_get_text   (PrepNoticeBar *self);
void        prep_notice_bar_set_notice (PrepNoticeBar *self,
                                        const char    *text,
                                        const char    *button_label,
                                        const char    *action_name,
                                        const char    *dismiss_action_name);

G_END_DECLS
