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
const char *prep_answer_view_get_markdown      (PrepAnswerView     *self);
void        prep_answer_view_set_locale        (PrepAnswerView     *self,
                                                const char         *locale);
void        prep_answer_view_set_markdown      (PrepAnswerView     *self,
                                                const char         *markdown);
gboolean    prep_answer_view_get_rendered      (PrepAnswerView     *self);
void        prep_answer_view_rerender          (PrepAnswerView     *self);
guint       prep_answer_view_find              (PrepAnswerView     *self,
                                                const char * const *terms);
void        prep_answer_view_select_match      (PrepAnswerView     *self,
                                                guint               index);
void        prep_answer_view_clear_find        (PrepAnswerView     *self);
guint       prep_answer_view_get_n_matches     (PrepAnswerView     *self);
gboolean    prep_answer_view_get_match_rect    (PrepAnswerView     *self,
                                                guint               index,
                                                graphene_rect_t    *rect);
char       *prep_answer_view_dup_link_at       (PrepAnswerView     *self,
                                                const GtkTextIter  *iter);
gboolean    prep_answer_view_activate_link     (PrepAnswerView     *self,
                                                const char         *target);
gboolean    prep_answer_view_move_to_link      (PrepAnswerView     *self,
                                                gboolean            backward);
guint       prep_answer_view_get_n_headings    (PrepAnswerView     *self);
const char *prep_answer_view_get_heading       (PrepAnswerView     *self,
                                                guint               index,
                                                guint              *level,
                                                int                *offset);
int         prep_answer_view_get_offset_at_y   (PrepAnswerView     *self,
                                                double              y,
                                                double             *line_y);
gboolean    prep_answer_view_get_y_at_offset   (PrepAnswerView     *self,
                                                int                 offset,
                                                double             *y);
GPtrArray  *prep_answer_view_get_tables        (PrepAnswerView     *self);
gboolean    prep_answer_view_load_fonts        (PrepAnswerView     *self,
                                                gint64              deadline);

G_END_DECLS
