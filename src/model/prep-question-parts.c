/* prep-question-parts.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-question-parts"

#include "config.h"

#include "prep-question-parts.h"

PrepFollowUp *
prep_follow_up_new (void)
{
  return g_new0 (PrepFollowUp, 1);
}

void
prep_follow_up_free (PrepFollowUp *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->question, prep_text_unref);
  g_clear_pointer (&self->answer, prep_text_unref);
  g_free (self);
}

PrepQuizItem *
prep_quiz_item_new (void)
{
  return g_new0 (PrepQuizItem, 1);
}

void
prep_quiz_item_free (PrepQuizItem *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->prompt, prep_text_unref);
  g_clear_pointer (&self->explanation, prep_text_unref);
  for (guint i = 0; i < PREP_QUIZ_N_OPTIONS; i++)
    {
      g_clear_pointer (&self->options[i], prep_text_unref);
      g_clear_pointer (&self->option_explanations[i], prep_text_unref);
    }
  g_free (self);
}

PrepReference *
prep_reference_new (void)
{
  return g_new0 (PrepReference, 1);
}

void
prep_reference_free (PrepReference *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->authors);
  g_free (self->venue);
  g_free (self->arxiv);
  g_free (self->url);
  g_free (self);
}

/**
 * prep_reference_dup_link:
 *
 * Returns: (nullable): the URL of the reference, or its arXiv abstract page
 */
char *
prep_reference_dup_link (const PrepReference *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->url != NULL)
    return g_strdup (self->url);
  if (self->arxiv != NULL)
    return g_strdup_printf ("https://arxiv.org/abs/%s", self->arxiv);
  return NULL;
}
