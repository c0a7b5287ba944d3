/* prep-search-private.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "prep-search.h"

G_BEGIN_DECLS

#define PREP_TYPE_SEARCH_RESULT_LIST (prep_search_result_list_get_type())

G_DECLARE_FINAL_TYPE (PrepSearchResultList, prep_search_result_list, PREP, SEARCH_RESULT_LIST, GObject)

char             *_prep_search_dup_plain     (const char      *text,
                                              gboolean         markdown);
void              _prep_search_collect_parts (PrepQuestion    *question,
                                              PrepSearchField  field,
                                              const char      *first_locale,
                                              GPtrArray       *parts);
PrepSearchResult *_prep_search_result_new    (PrepQuestion    *question,
                                              PrepSearchField  field,
                                              GPtrArray       *terms,
                                              GHashTable      *fold_cache,
                                              const char      *locale,
                                              const char      *note);
PrepSearchResultList *_prep_search_result_list_new (GPtrArray   *questions,
                                                    GPtrArray   *terms,
                                                    GHashTable  *fold_cache,
                                                    const char  *locale,
                                                    guint64     *keys,
                                                    char       **notes,
                                                    guint        n_items);
gsize             _prep_search_get_index_size (PrepSearch     *self);
char             *_prep_search_dup_folded_text (PrepSearch    *self,
                                                gsize         *length);

G_END_DECLS
