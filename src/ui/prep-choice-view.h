/* prep-choice-view.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prep-quiz-session.h"

G_BEGIN_DECLS

#define PREP_TYPE_CHOICE_VIEW (prep_choice_view_get_type())

G_DECLARE_FINAL_TYPE (PrepChoiceView, prep_choice_view, PREP, CHOICE_VIEW, GtkWidget)

PrepQuizSession *prep_choice_view_get_session (PrepChoiceView  *self);
void             prep_choice_view_set_session (PrepChoiceView  *self,
                                               PrepQuizSession *session);

G_END_DECLS
