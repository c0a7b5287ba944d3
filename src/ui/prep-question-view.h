/* prep-question-view.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "prep-types.h"

G_BEGIN_DECLS

#define PREP_TYPE_QUESTION_VIEW (prep_question_view_get_type())

G_DECLARE_FINAL_TYPE (PrepQuestionView, prep_question_view, PREP, QUESTION_VIEW, GtkWidget)

GtkWidget    *prep_question_view_new          (void);
PrepQuestion *prep_question_view_get_question (PrepQuestionView *self);
void          prep_question_view_set_question (PrepQuestionView *self,
                                               PrepQuestion     *question);
void          prep_question_view_show_error   (PrepQuestionView *self,
                                               const char       *title,
                                               const char       *message);
void          prep_question_view_start_find   (PrepQuestionView *self);
void          prep_question_view_highlight    (PrepQuestionView *self,
                                               const char       *text);
void          prep_question_view_find_next    (PrepQuestionView *self,
                                               gboolean          backward);
PrepAnswerView *prep_question_view_get_answer_view (PrepQuestionView *self);
void          prep_question_view_set_user_data (PrepQuestionView *self,
                                                PrepUserData     *user_data);
void          prep_question_view_toggle_notes  (PrepQuestionView *self);
gboolean      prep_question_view_get_notes_visible (PrepQuestionView *self);
GtkTextBuffer *prep_question_view_get_notes_buffer (PrepQuestionView *self);

G_END_DECLS
