/* prep-quiz-summary.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prep-quiz-session.h"

G_BEGIN_DECLS

#define PREP_TYPE_QUIZ_SUMMARY (prep_quiz_summary_get_type())

G_DECLARE_FINAL_TYPE (PrepQuizSummary, prep_quiz_summary, PREP, QUIZ_SUMMARY, GtkWidget)

void  prep_quiz_summary_set_session  (PrepQuizSummary *self,
                                      PrepQuizSession *session);
char *prep_quiz_format_duration      (gint64           seconds);

G_END_DECLS
