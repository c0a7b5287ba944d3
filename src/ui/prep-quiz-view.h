/* prep-quiz-view.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prep-types.h"
#include "prep-quiz-session.h"

G_BEGIN_DECLS

#define PREP_TYPE_QUIZ_VIEW (prep_quiz_view_get_type())

G_DECLARE_FINAL_TYPE (PrepQuizView, prep_quiz_view, PREP, QUIZ_VIEW, GtkWidget)

PrepQuizSession *prep_quiz_view_get_session  (PrepQuizView          *self);
gboolean         prep_quiz_view_start        (PrepQuizView          *self,
                                              const PrepQuizOptions *options,
                                              GError               **error);
void             prep_quiz_view_refresh_due  (PrepQuizView          *self);

void             prep_quiz_view_set_narrow   (PrepQuizView          *self,
                                              gboolean               narrow);

void             prep_quiz_view_add_top_bar  (PrepQuizView          *self,
                                              GtkWidget             *bar);

G_END_DECLS
