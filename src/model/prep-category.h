/* prep-category.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "prep-text.h"

G_BEGIN_DECLS

#define PREP_TYPE_CATEGORY (prep_category_get_type())

G_DECLARE_FINAL_TYPE (PrepCategory, prep_category, PREP, CATEGORY, GObject)

PrepCategory *prep_category_new             (const char   *id,
                                             PrepText     *title,
                                             PrepText     *description,
                                             const char   *locale);
const char   *prep_category_get_id          (PrepCategory *self);
const char   *prep_category_get_pack_id     (PrepCategory *self);
const char   *prep_category_get_title       (PrepCategory *self);
PrepText     *prep_category_get_title_text  (PrepCategory *self);
const char   *prep_category_get_description (PrepCategory *self);
guint         prep_category_get_position    (PrepCategory *self);
GListModel   *prep_category_get_questions   (PrepCategory *self);
guint         prep_category_get_n_questions (PrepCategory *self);
guint         prep_category_get_n_answered  (PrepCategory *self);

G_END_DECLS
