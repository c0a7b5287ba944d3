/* prep-search.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "prep-library.h"
#include "prep-search-result.h"
#include "prep-user-data.h"

G_BEGIN_DECLS

#define PREP_TYPE_SEARCH (prep_search_get_type())

G_DECLARE_FINAL_TYPE (PrepSearch, prep_search, PREP, SEARCH, GObject)

PrepSearch  *prep_search_new          (PrepLibrary  *library,
                                       PrepUserData *user_data);
GListModel  *prep_search_query        (PrepSearch   *self,
                                       const char   *query);
char       **prep_search_split_terms  (const char   *query);

G_END_DECLS
