/* prep-text-match.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-text-match"

#include "config.h"

#include <string.h>

#include "prep-text-match.h"

/* Matching as people expect it in Chinese and English text: compatibility
 * forms folded (full-width "ＧＰＴ" is "GPT"), case folded, and no notion
 * of words, since Chinese has no spaces between them. */

/**
 * prep_text_fold:
 * @char_map: (nullable): receives, for each byte of the result, the index
 *   of the character of @text it came from (guint elements)
 *
 * Returns: @text in NFKC and case folded, character by character
 */
char *
prep_text_fold (const char *text,
                gssize      length,
                GArray     *char_map)
{
  g_autoptr(GString) folded = NULL;
  const char *end;
  guint index = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  end = text + length;
  folded = g_string_sized_new (length);

  for (const char *p = text; p < end; p = g_utf8_next_char (p), index++)
    {
      gsize before = folded->len;

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (folded, g_ascii_tolower (*p));
        }
      else
        {
          g_autofree char *normal = g_utf8_normalize (p, g_utf8_next_char (p) - p, G_NORMALIZE_NFKC);
          g_autofree char *casefolded = g_utf8_casefold (normal ? normal : p,
                                                         normal ? -1 : g_utf8_next_char (p) - p);
          g_string_append (folded, casefolded);
        }

      if (char_map != NULL)
        for (gsize i = before; i < folded->len; i++)
          g_array_append_val (char_map, index);
    }

  return g_string_free (g_steal_pointer (&folded), FALSE);
}

/**
 * prep_text_find_all:
 * @needle: what to look for; blank finds nothing
 *
 * Returns: (transfer full) (element-type PrepTextMatch): the matches, in
 *   order, not overlapping
 */
GArray *
prep_text_find_all (const char *haystack,
                    gssize      length,
                    const char *needle)
{
  g_autoptr(GArray) char_map = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *folded_needle = NULL;
  g_autofree char *normal_needle = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *stripped = NULL;
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (PrepTextMatch));
  gsize needle_len;
  const char *p;

  g_return_val_if_fail (haystack != NULL, matches);

  if (needle == NULL || (stripped = g_strstrip (g_strdup (needle)))[0] == '\0')
    return matches;

  normal_needle = g_utf8_normalize (needle, -1, G_NORMALIZE_NFKC);
  folded_needle = g_utf8_casefold (normal_needle ? normal_needle : needle, -1);
  needle_len = strlen (folded_needle);
  folded = prep_text_fold (haystack, length, char_map);

  for (p = strstr (folded, folded_needle); p != NULL; p = strstr (p + needle_len, folded_needle))
    {
      gsize first = p - folded;
      gsize last = first + needle_len - 1;
      PrepTextMatch match = {
        g_array_index (char_map, guint, first),
        g_array_index (char_map, guint, last) + 1,
      };

      /* A match must start on a character boundary of the folded text,
       * not inside the expansion of one character. */
      if (first > 0 && g_array_index (char_map, guint, first - 1) == match.start)
        continue;

      g_array_append_val (matches, match);
    }

  return matches;
}
