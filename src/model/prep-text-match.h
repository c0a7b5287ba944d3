/* prep-text-match.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A match, in characters of the original text: [start, end). */
typedef struct
{
  guint start;
  guint end;
} PrepTextMatch;

GHashTable *prep_text_fold_cache_new (void);
void    prep_text_fold_append  (GHashTable *cache,
                                GString    *folded,
                                const char *text,
                                gssize      length,
                                GArray     *char_map);
char   *prep_text_fold         (const char *text,
                                gssize      length,
                                GArray     *char_map);
GArray *prep_text_find_all     (const char *haystack,
                                gssize      length,
                                const char *needle);
GArray *prep_text_find_terms   (const char         *haystack,
                                gssize              length,
                                const char * const *terms);

G_END_DECLS
