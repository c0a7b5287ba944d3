/* prep-search-result.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "prep-question.h"

G_BEGIN_DECLS

/* Where a result matched, best first: results are ranked in this order. */
typedef enum
{
  PREP_SEARCH_FIELD_TITLE,
  PREP_SEARCH_FIELD_ANSWER,
  PREP_SEARCH_FIELD_NOTE,
} PrepSearchField;

#define PREP_TYPE_SEARCH_FIELD  (prep_search_field_get_type())
#define PREP_TYPE_SEARCH_RESULT (prep_search_result_get_type())

GType prep_search_field_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (PrepSearchResult, prep_search_result, PREP, SEARCH_RESULT, GObject)

PrepQuestion    *prep_search_result_get_question       (PrepSearchResult *self);
PrepSearchField  prep_search_result_get_field          (PrepSearchResult *self);
const char      *prep_search_result_get_snippet        (PrepSearchResult *self);
char            *prep_search_result_dup_snippet_markup (PrepSearchResult *self);

G_END_DECLS
