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

static inline gboolean
is_cjk_ideograph (gunichar c)
{
  /* Unified ideographs: no decomposition, no case. */
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

static inline gboolean
is_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

/**
 * prep_text_fold_cache_new:
 *
 * Returns: (transfer full): a cache for prep_text_fold_append(), for
 *   folding much text: normalizing a character is slow
 */
GHashTable *
prep_text_fold_cache_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/**
 * prep_text_fold_append:
 * @cache: (nullable): from prep_text_fold_cache_new(), remembering the fold
 *   of each character
 * @char_map: (nullable): receives, for each byte appended to @folded, the
 *   index of the character of @text it came from (guint elements)
 *
 * Appends @text, valid UTF-8, in NFKC and case folded, character by
 * character (a character and the combining marks after it together).
 */
void
prep_text_fold_append (GHashTable *cache,
                       GString    *folded,
                       const char *text,
                       gssize      length,
                       GArray     *char_map)
{
  const char *end;
  guint index = 0;

  g_return_if_fail (folded != NULL);
  g_return_if_fail (text != NULL);

  if (length < 0)
    length = strlen (text);
  end = text + length;

  for (const char *p = text; p < end; )
    {
      const char *next = MIN (g_utf8_next_char (p), end);
      gsize before = folded->len;
      guint n_chars = 1;

      /* A character with combining marks after it is folded with them:
       * "e" + U+0301 and "é" fold alike, in a query as in the text. */
      while (next < end && (guchar) *next >= 0x80 && is_mark (g_utf8_get_char (next)))
        {
          next = MIN (g_utf8_next_char (next), end);
          n_chars++;
        }

      if ((guchar) *p < 0x80 && n_chars == 1)
        {
          g_string_append_c (folded, g_ascii_tolower (*p));
        }
      else
        {
          gunichar c = g_utf8_get_char (p);
          const char *value = NULL;

          if (is_cjk_ideograph (c) && n_chars == 1)
            {
              g_string_append_len (folded, p, next - p);
            }
          else if (n_chars == 1 && cache != NULL && (value = g_hash_table_lookup (cache, GUINT_TO_POINTER (c))))
            {
              g_string_append (folded, value);
            }
          else
            {
              g_autofree char *normal = g_utf8_normalize (p, next - p, G_NORMALIZE_NFKC);
              g_autofree char *casefolded = g_utf8_casefold (normal ? normal : p,
                                                             normal ? -1 : next - p);

              g_string_append (folded, casefolded);
              if (cache != NULL && n_chars == 1)
                g_hash_table_insert (cache, GUINT_TO_POINTER (c), g_steal_pointer (&casefolded));
            }
        }

      /* Every byte maps to the cluster's first character, but the last
       * to its last one, so that a match ending here covers the marks. */
      if (char_map != NULL)
        for (gsize i = before; i < folded->len; i++)
          {
            guint mapped = i + 1 == folded->len ? index + n_chars - 1 : index;
            g_array_append_val (char_map, mapped);
          }

      index += n_chars;
      p = next;
    }
}

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
  GString *folded;

  g_return_val_if_fail (text != NULL, NULL);

  folded = g_string_sized_new (length < 0 ? strlen (text) : (gsize) length);
  prep_text_fold_append (NULL, folded, text, length, char_map);

  return g_string_free (folded, FALSE);
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
  g_autofree char *folded = NULL;
  g_autofree char *stripped = NULL;
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (PrepTextMatch));
  gsize needle_len;
  const char *p;

  g_return_val_if_fail (haystack != NULL, matches);

  if (needle == NULL || (stripped = g_strstrip (g_strdup (needle)))[0] == '\0')
    return matches;

  /* Folded exactly as the text and as search terms are (reliability
   * review S2): one folding for find and search. */
  folded_needle = prep_text_fold (needle, -1, NULL);
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

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const PrepTextMatch *ma = a, *mb = b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  /* The longer of two matches at one place first. */
  return ma->end > mb->end ? -1 : ma->end < mb->end;
}

/**
 * prep_text_find_terms:
 * @terms: (nullable) (array zero-terminated=1): what to look for, each
 *   term on its own, as prep_text_find_all() does
 *
 * Returns: (transfer full) (element-type PrepTextMatch): the matches of
 *   every term, in order and not overlapping (where two overlap, the one
 *   that starts first wins)
 */
GArray *
prep_text_find_terms (const char         *haystack,
                      gssize              length,
                      const char * const *terms)
{
  GArray *all = g_array_new (FALSE, FALSE, sizeof (PrepTextMatch));
  GArray *matches;
  guint end = 0;

  g_return_val_if_fail (haystack != NULL, all);

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      g_autoptr(GArray) found = prep_text_find_all (haystack, length, terms[i]);
      g_array_append_vals (all, found->data, found->len);
    }

  if (all->len < 2)
    return all;

  g_array_sort (all, compare_matches);
  matches = g_array_sized_new (FALSE, FALSE, sizeof (PrepTextMatch), all->len);
  for (guint i = 0; i < all->len; i++)
    {
      PrepTextMatch *match = &g_array_index (all, PrepTextMatch, i);

      if (matches->len > 0 && match->start < end)
        continue;
      g_array_append_val (matches, *match);
      end = match->end;
    }
  g_array_unref (all);

  return matches;
}
