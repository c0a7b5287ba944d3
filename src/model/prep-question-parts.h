/* prep-question-parts.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "prep-text.h"

G_BEGIN_DECLS

#define PREP_QUIZ_N_OPTIONS 4

/* The immutable parts of a question. They are owned by their #PrepQuestion
 * and live exactly as long as it does. */

struct _PrepFollowUp
{
  PrepText *question;
  PrepText *answer;
};

struct _PrepQuizItem
{
  PrepText *prompt;
  PrepText *options[PREP_QUIZ_N_OPTIONS];
  PrepText *option_explanations[PREP_QUIZ_N_OPTIONS];  /* each nullable */
  PrepText *explanation;
  guint     answer;
};

struct _PrepReference
{
  char  *title;
  char  *authors;  /* nullable */
  char  *venue;    /* nullable */
  char  *arxiv;    /* nullable */
  char  *url;      /* nullable */
  guint  year;     /* 0 if unknown */
};

PrepFollowUp  *prep_follow_up_new   (void);
void           prep_follow_up_free  (PrepFollowUp  *self);
PrepQuizItem  *prep_quiz_item_new   (void);
void           prep_quiz_item_free  (PrepQuizItem  *self);
PrepReference *prep_reference_new   (void);
void           prep_reference_free  (PrepReference *self);
char          *prep_reference_dup_link (const PrepReference *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrepFollowUp, prep_follow_up_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrepQuizItem, prep_quiz_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrepReference, prep_reference_free)

G_END_DECLS
