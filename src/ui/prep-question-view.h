/* prep-question-view.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prep-history.h"
#include "prep-types.h"

G_BEGIN_DECLS

#define PREP_TYPE_QUESTION_VIEW (prep_question_view_get_type())

G_DECLARE_FINAL_TYPE (PrepQuestionView, prep_question_view, PREP, QUESTION_VIEW, GtkWidget)

GtkWidget      *prep_question_view_new               (void);
PrepQuestion   *prep_question_view_get_question      (PrepQuestionView          *self);
void            prep_question_view_set_question      (PrepQuestionView          *self,
                                                      PrepQuestion              *question);
void            prep_question_view_show_error        (PrepQuestionView          *self,
                                                      const char                *title,
                                                      const char                *message);
PangoFontDescription *prep_question_view_dup_title_font (PrepQuestionView    *self);
void            prep_question_view_prepare           (PrepQuestionView          *self);
gboolean        prep_question_view_load_fonts        (PrepQuestionView          *self,
                                                      gint64                     deadline);
double          prep_question_view_get_zoom          (PrepQuestionView          *self);
void            prep_question_view_set_zoom          (PrepQuestionView          *self,
                                                      double                     zoom);
void            prep_question_view_start_find        (PrepQuestionView          *self);
guint           prep_question_view_find              (PrepQuestionView          *self,
                                                      const char                *text);
void            prep_question_view_highlight         (PrepQuestionView          *self,
                                                      const char                *text);
void            prep_question_view_find_next         (PrepQuestionView          *self,
                                                      gboolean                   backward);
guint           prep_question_view_get_n_matches     (PrepQuestionView          *self);
guint           prep_question_view_get_current_match (PrepQuestionView          *self);
void            prep_question_view_focus_page        (PrepQuestionView          *self);
void            prep_question_view_get_position      (PrepQuestionView          *self,
                                                      PrepReadingPosition       *position);
void            prep_question_view_set_position      (PrepQuestionView          *self,
                                                      const PrepReadingPosition *position);
GtkAdjustment  *prep_question_view_get_vadjustment   (PrepQuestionView          *self);
guint           prep_question_view_get_n_headings    (PrepQuestionView          *self);
const char     *prep_question_view_get_heading       (PrepQuestionView          *self,
                                                      guint                      index,
                                                      guint                     *level);
void            prep_question_view_scroll_to_heading (PrepQuestionView          *self,
                                                      guint                      index);
PrepAnswerView *prep_question_view_get_answer_view   (PrepQuestionView          *self);
void            prep_question_view_set_user_data     (PrepQuestionView          *self,
                                                      PrepUserData              *user_data);
void            prep_question_view_toggle_notes      (PrepQuestionView          *self);
void            prep_question_view_set_notes_visible (PrepQuestionView          *self,
                                                      gboolean                   visible);
gboolean        prep_question_view_get_notes_visible (PrepQuestionView          *self);
GtkTextBuffer  *prep_question_view_get_notes_buffer  (PrepQuestionView          *self);

G_END_DECLS
