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

G_END_DECLS
