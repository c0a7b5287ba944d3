/* prep-question-editor.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "prep-pack-store.h"

G_BEGIN_DECLS

#define PREP_TYPE_QUESTION_EDITOR (prep_question_editor_get_type())

G_DECLARE_FINAL_TYPE (PrepQuestionEditor, prep_question_editor, PREP, QUESTION_EDITOR, AdwWindow)

PrepQuestionEditor *prep_question_editor_new          (GtkWindow          *parent,
                                                       PrepPackStore      *store,
                                                       JsonObject         *question,
                                                       const char         *replaces_id);
const char         *prep_question_editor_get_draft_key (PrepQuestionEditor *self);
char               *prep_question_editor_dup_draft_path (PrepQuestionEditor *self);
char               *prep_question_editor_draft_path    (const char         *draft_key);
gboolean            prep_question_editor_save          (PrepQuestionEditor *self);
gboolean            prep_question_editor_flush_draft   (PrepQuestionEditor *self);
void                prep_question_editor_validate_now  (PrepQuestionEditor *self);
const char         *prep_question_editor_get_issue     (PrepQuestionEditor *self,
                                                        const char         *path);

G_END_DECLS
