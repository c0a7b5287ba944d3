/* prep-answer-view.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "prep-types.h"

G_BEGIN_DECLS

#define PREP_TYPE_ANSWER_VIEW (prep_answer_view_get_type())

G_DECLARE_FINAL_TYPE (PrepAnswerView, prep_answer_view, PREP, ANSWER_VIEW, GtkTextView)

GtkWidget  *prep_answer_view_new               (void);
const char *prep_answer_view_get_markdown      (PrepAnswerView *self);
void        prep_answer_view_set_markdown      (PrepAnswerView *self,
                                                const char     *markdown);
double      prep_answer_view_get_zoom          (PrepAnswerView *self);
void        prep_answer_view_set_zoom          (PrepAnswerView *self,
                                                double          zoom);
guint       prep_answer_view_find              (PrepAnswerView *self,
                                                const char     *needle);
void        prep_answer_view_find_next         (PrepAnswerView *self,
                                                gboolean        backward);
void        prep_answer_view_clear_find        (PrepAnswerView *self);
guint       prep_answer_view_get_n_matches     (PrepAnswerView *self);
guint       prep_answer_view_get_current_match (PrepAnswerView *self);
char       *prep_answer_view_dup_link_at       (PrepAnswerView *self,
                                                const GtkTextIter *iter);
gboolean    prep_answer_view_activate_link     (PrepAnswerView *self,
                                                const char     *target);
gboolean    prep_answer_view_move_to_link      (PrepAnswerView *self,
                                                gboolean        backward);

G_END_DECLS
