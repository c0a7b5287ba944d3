/* prep-category-private.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "prep-category.h"

G_BEGIN_DECLS

void _prep_category_set_position (PrepCategory *self,
                                  guint         position);
void _prep_category_add_question (PrepCategory *self,
                                  PrepQuestion *question);
void _prep_category_set_locale   (PrepCategory *self,
                                  const char   *locale);
void _prep_category_set_id       (PrepCategory *self,
                                  const char   *id);
void _prep_category_set_pack_id  (PrepCategory *self,
                                  const char   *pack_id);
void _prep_category_splice_questions (PrepCategory  *self,
                                      guint          position,
                                      guint          n_removals,
                                      PrepQuestion **additions,
                                      guint          n_additions);
PrepText *_prep_category_get_title_text       (PrepCategory *self);
PrepText *_prep_category_get_description_text (PrepCategory *self);

G_END_DECLS
