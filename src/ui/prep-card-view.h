/* prep-card-view.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prep-quiz-session.h"

G_BEGIN_DECLS

#define PREP_TYPE_CARD_VIEW (prep_card_view_get_type())

G_DECLARE_FINAL_TYPE (PrepCardView, prep_card_view, PREP, CARD_VIEW, GtkWidget)

PrepQuizSession *prep_card_view_get_session    (PrepCardView    *self);
void             prep_card_view_set_session    (PrepCardView    *self,
                                                PrepQuizSession *session);
guint            prep_card_view_get_time_limit (PrepCardView    *self);
void             prep_card_view_set_time_limit (PrepCardView    *self,
                                                guint            seconds);
guint            prep_card_view_get_time_left  (PrepCardView    *self);

G_END_DECLS
