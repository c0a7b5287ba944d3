/* prep-question.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "prep-question-parts.h"

G_BEGIN_DECLS

typedef enum
{
  PREP_DIFFICULTY_BASIC,
  PREP_DIFFICULTY_INTERMEDIATE,
  PREP_DIFFICULTY_ADVANCED,
} PrepDifficulty;

typedef enum
{
  PREP_ORIGIN_SEED,
  PREP_ORIGIN_ADDED,
  PREP_ORIGIN_USER,    /* written in the app, in one of the user's packs */
} PrepOrigin;

#define PREP_TYPE_DIFFICULTY (prep_difficulty_get_type())
#define PREP_TYPE_ORIGIN     (prep_origin_get_type())
#define PREP_TYPE_QUESTION   (prep_question_get_type())

GType prep_difficulty_get_type (void) G_GNUC_CONST;
GType prep_origin_get_type     (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (PrepQuestion, prep_question, PREP, QUESTION, GObject)

const char     *prep_question_get_id               (PrepQuestion *self);
const char     *prep_question_get_category_id      (PrepQuestion *self);
const char     *prep_question_get_pack_id          (PrepQuestion *self);
PrepCategory   *prep_question_dup_category         (PrepQuestion *self);
const char     *prep_question_get_locale           (PrepQuestion *self);
gboolean        prep_question_has_locale           (PrepQuestion *self,
                                                    const char   *locale);
const char     *prep_question_get_title            (PrepQuestion *self);
PrepText       *prep_question_get_title_text       (PrepQuestion *self);
const char     *prep_question_get_short_answer     (PrepQuestion *self);
const char     *prep_question_get_detailed_answer  (PrepQuestion *self);
gboolean        prep_question_get_has_answer       (PrepQuestion *self);
PrepDifficulty  prep_question_get_difficulty       (PrepQuestion *self);
PrepOrigin      prep_question_get_origin           (PrepQuestion *self);
const char * const *prep_question_get_tags         (PrepQuestion *self);
const char     *prep_question_get_last_reviewed    (PrepQuestion *self);
GPtrArray      *prep_question_get_key_points       (PrepQuestion *self);
GPtrArray      *prep_question_get_follow_ups       (PrepQuestion *self);
GPtrArray      *prep_question_get_pitfalls         (PrepQuestion *self);
GPtrArray      *prep_question_get_quiz_items       (PrepQuestion *self);
GPtrArray      *prep_question_get_references       (PrepQuestion *self);
const char     *prep_difficulty_to_string          (PrepDifficulty difficulty);
const char     *prep_difficulty_get_label          (PrepDifficulty difficulty);

G_END_DECLS
