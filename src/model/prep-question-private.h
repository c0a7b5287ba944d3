/* prep-question-private.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "prep-category.h"
#include "prep-question.h"

G_BEGIN_DECLS

/* The content loader fills the fields directly; after loading a question
 * is immutable. */
struct _PrepQuestion
{
  GObject         parent_instance;

  char           *id;
  char           *category_id;
  GWeakRef        category;
  const char     *locale;

  PrepText       *title;
  PrepText       *short_answer;
  PrepText       *detailed_answer;
  char          **tags;
  char           *last_reviewed;

  /* Element types: PrepText, PrepFollowUp, PrepText, PrepQuizItem,
   * PrepReference. Never NULL, possibly empty. */
  GPtrArray      *key_points;
  GPtrArray      *follow_ups;
  GPtrArray      *pitfalls;
  GPtrArray      *quiz_items;
  GPtrArray      *references;

  PrepDifficulty  difficulty;
  PrepOrigin      origin;
};

PrepQuestion *_prep_question_new          (const char   *id,
                                           const char   *locale);
void          _prep_question_set_category (PrepQuestion *self,
                                           PrepCategory *category);
void          _prep_question_set_locale   (PrepQuestion *self,
                                           const char   *locale);

G_END_DECLS
