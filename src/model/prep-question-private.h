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

/* Where an indexed question's object is: read when first needed. */
typedef struct
{
  GBytes *bytes;   /* the whole content file */
  char   *file;    /* its name, for messages */
  gsize   offset;
  gsize   length;
} PrepQuestionSource;

/* The content loader fills the fields directly; after loading a question
 * is immutable. A question from the index (see build-aux/content-index.c)
 * has its id, category, title, difficulty, origin and tags, and a source
 * for the rest, which _prep_question_ensure_loaded() reads: every getter
 * of the rest calls it. Only the thread that uses the library may. */
struct _PrepQuestion
{
  GObject         parent_instance;

  char           *id;
  char           *category_id;
  char           *pack_id;      /* the user's pack it is in, NULL when bundled */
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

  PrepQuestionSource *source;
  gboolean            indexed_has_answer;
};

PrepQuestion *_prep_question_new          (const char   *id,
                                           const char   *locale);
void          _prep_question_set_category (PrepQuestion *self,
                                           PrepCategory *category);
void          _prep_question_set_locale   (PrepQuestion *self,
                                           const char   *locale);
void          _prep_question_set_pack_id  (PrepQuestion *self,
                                           const char   *pack_id);
void          _prep_question_set_id       (PrepQuestion *self,
                                           const char   *id);
void          _prep_question_set_category_id (PrepQuestion *self,
                                              const char   *category_id);
void          _prep_question_set_source   (PrepQuestion *self,
                                           GBytes       *bytes,
                                           const char   *file,
                                           gsize         offset,
                                           gsize         length,
                                           gboolean      has_answer);
void          _prep_question_ensure_loaded (PrepQuestion *self);

G_END_DECLS
