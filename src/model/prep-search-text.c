/* prep-search-text.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-search-text"

#include "config.h"

#include <string.h>

#include "prep-question-private.h"
#include "prep-search-private.h"

/* The text the search sees: each field of a question as plain text. */

/* Markdown to plain text, for matching and snippets: good enough to read,
 * not a parser. Block markers, emphasis, code spans, link targets, table
 * pipes and code fences go; the words stay. */

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

static gunichar
char_before (const char *line,
             const char *p)
{
  return p > line ? g_utf8_get_char (g_utf8_find_prev_char (line, p)) : ' ';
}

static gunichar
char_at (const char *p,
         const char *line_end)
{
  return p < line_end ? g_utf8_get_char (p) : ' ';
}

static gboolean
is_left_flanking (gunichar before,
                  gunichar after)
{
  return !g_unichar_isspace (after) &&
         (!g_unichar_ispunct (after) || g_unichar_isspace (before) || g_unichar_ispunct (before));
}

static gboolean
is_right_flanking (gunichar before,
                   gunichar after)
{
  return !g_unichar_isspace (before) &&
         (!g_unichar_ispunct (before) || g_unichar_isspace (after) || g_unichar_ispunct (after));
}

static const char *
skip_run (const char *p,
          const char *end,
          char        c)
{
  while (p < end && *p == c)
    p++;
  return p;
}

/* What a line's closers are, found once: a search for a closer that is
 * not there would otherwise scan to the end of the line for every opener,
 * quadratic in the openers of a line (reliability review S1). */
typedef struct
{
  char        c;
  gsize       length;
  const char *end;
  const char *from;   /* no closing run at or after here, before end */
} Miss;

typedef struct
{
  const char *start;
  int        *match;  /* for "[" and "(": the offset of its closer, or -1 */
  Miss        misses[8];
  guint       n_misses;
} LineIndex;

static void
line_index_init (LineIndex  *index,
                 const char *line,
                 const char *end)
{
  g_autoptr(GArray) squares = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) rounds = g_array_new (FALSE, FALSE, sizeof (int));
  gsize n = end - line;

  index->start = line;
  index->match = g_new (int, n + 1);
  index->n_misses = 0;

  for (gsize i = 0; i < n; i++)
    {
      index->match[i] = -1;
      if (line[i] == '\\' && i + 1 < n)
        index->match[++i] = -1;
      else if (line[i] == '[')
        g_array_append_val (squares, i);
      else if (line[i] == '(')
        g_array_append_val (rounds, i);
      else if (line[i] == ']' && squares->len > 0)
        {
          index->match[g_array_index (squares, int, squares->len - 1)] = i;
          g_array_set_size (squares, squares->len - 1);
        }
      else if (line[i] == ')' && rounds->len > 0)
        {
          index->match[g_array_index (rounds, int, rounds->len - 1)] = i;
          g_array_set_size (rounds, rounds->len - 1);
        }
    }
}

static void
line_index_clear (LineIndex *index)
{
  g_clear_pointer (&index->match, g_free);
}

/* Returns: the closing run of exactly @length @c, or %NULL */
static const char *
find_closing_run_uncached (const char *line,
                           const char *line_end,
                           const char *p,
                           const char *end,
                           char        c,
                           gsize       length,
                           gboolean    emphasis)
{
  while (p < end)
    {
      const char *run_end;

      if (emphasis && *p == '\\' && p + 1 < end)
        {
          p += 2;
          continue;
        }

      if (*p != c)
        {
          p++;
          continue;
        }

      run_end = skip_run (p, end, c);
      if ((gsize) (run_end - p) == length &&
          (!emphasis ||
           (is_right_flanking (char_before (line, p), char_at (run_end, line_end)) &&
            (c != '_' || !g_unichar_isalnum (char_at (run_end, line_end))))))
        return p;
      p = run_end;
    }

  return NULL;
}

/* A search that failed from one place fails from any later one with the
 * same end: the runs it would look at are a subset. */
static const char *
find_closing_run (LineIndex  *index,
                  const char *line,
                  const char *line_end,
                  const char *p,
                  const char *end,
                  char        c,
                  gsize       length,
                  gboolean    emphasis)
{
  const char *found;
  Miss *miss;

  for (guint i = 0; i < index->n_misses; i++)
    {
      miss = &index->misses[i];
      if (miss->c == c && miss->length == length && miss->end == end && p >= miss->from)
        return NULL;
    }

  if ((found = find_closing_run_uncached (line, line_end, p, end, c, length, emphasis)) != NULL)
    return found;

  miss = &index->misses[index->n_misses < G_N_ELEMENTS (index->misses) ? index->n_misses++
                                                                         : (guint) (p - line) % G_N_ELEMENTS (index->misses)];
  *miss = (Miss) { c, length, end, p };
  return NULL;
}

/* Returns: the bracket closing the one at @p, or %NULL */
static const char *
find_closing_bracket (LineIndex  *index,
                      const char *p,
                      const char *end)
{
  int close = index->match[p - index->start];

  return close >= 0 && index->start + close < end ? index->start + close : NULL;
}

static void
strip_inline (LineIndex  *index,
              GString    *out,
              const char *line,
              const char *line_end,
              const char *p,
              const char *end,
              gboolean    table_row)
{
  while (p < end)
    {
      char c = *p;

      if (c == '\\' && p + 1 < end && g_ascii_ispunct (p[1]))
        {
          g_string_append_c (out, p[1]);
          p += 2;
        }
      else if (c == '`')
        {
          const char *run_end = skip_run (p, end, '`');
          const char *close = find_closing_run (index, line, line_end, run_end, end, '`', run_end - p, FALSE);

          if (close != NULL)
            {
              const char *a = run_end;
              const char *b = close;

              if (b - a >= 2 && a[0] == ' ' && b[-1] == ' ')
                a++, b--;
              for (; a < b; a++)
                {
                  /* In a table a pipe in code is escaped, or it would end the cell. */
                  if (table_row && a[0] == '\\' && a + 1 < b && a[1] == '|')
                    a++;
                  g_string_append_c (out, *a);
                }
              p = close + (run_end - p);
            }
          else
            {
              g_string_append_len (out, p, run_end - p);
              p = run_end;
            }
        }
      else if (c == '[' || (c == '!' && p + 1 < end && p[1] == '['))
        {
          const char *open = c == '!' ? p + 1 : p;
          const char *close = find_closing_bracket (index, open, end);
          const char *target_end = NULL;

          if (close != NULL && close + 1 < end && close[1] == '(')
            target_end = find_closing_bracket (index, close + 1, end);

          if (target_end != NULL)
            {
              strip_inline (index, out, line, line_end, open + 1, close, table_row);
              p = target_end + 1;
            }
          else
            {
              g_string_append_len (out, p, open + 1 - p);
              p = open + 1;
            }
        }
      else if (c == '*' || c == '_' || c == '~')
        {
          const char *run_end = skip_run (p, end, c);
          gsize length = run_end - p;
          gunichar before = char_before (line, p);
          const char *close = NULL;

          if (is_left_flanking (before, char_at (run_end, line_end)) &&
              (c != '_' || !g_unichar_isalnum (before)) &&
              (c != '~' || length == 2))
            close = find_closing_run (index, line, line_end, run_end, end, c, length, TRUE);

          if (close != NULL)
            {
              strip_inline (index, out, line, line_end, run_end, close, table_row);
              p = close + length;
            }
          else
            {
              g_string_append_len (out, p, length);
              p = run_end;
            }
        }
      else if (c == '|' && table_row)
        {
          g_string_append_c (out, ' ');
          p++;
        }
      else
        {
          g_string_append_c (out, c);
          p++;
        }
    }
}

/* A thematic break, a setext underline or a table's delimiter row. */
static gboolean
is_rule (const char *p,
         const char *end)
{
  gboolean table = FALSE;
  guint n = 0;
  char c = 0;

  for (; p < end; p++)
    {
      if (is_blank (*p) || *p == '\r')
        continue;
      if (*p == '|' || *p == ':')
        table = TRUE;
      else if (strchr ("-*_=", *p) != NULL && (c == 0 || c == *p))
        c = *p, n++;
      else
        return FALSE;
    }

  return table ? (c == '-') : (n >= 3 || c == '=');
}

static const char *
skip_block_markers (const char *p,
                    const char *end)
{
  for (;;)
    {
      const char *q;

      while (p < end && is_blank (*p))
        p++;

      if (p < end && *p == '>')
        {
          p++;
          continue;
        }

      if (p < end && strchr ("-*+", *p) != NULL && (p + 1 == end || is_blank (p[1])))
        {
          p++;
          continue;
        }

      for (q = p; q < end && g_ascii_isdigit (*q) && q - p < 9; q++)
        ;
      if (q > p && q < end && (*q == '.' || *q == ')') && (q + 1 == end || is_blank (q[1])))
        {
          p = q + 1;
          continue;
        }

      for (q = p; q < end && *q == '#' && q - p < 6; q++)
        ;
      if (q > p && (q == end || is_blank (*q)))
        {
          p = q;
          continue;
        }

      return p;
    }
}

static void
collapse_whitespace (GString *string)
{
  gsize to = 0;
  gboolean space = FALSE;

  for (gsize from = 0; from < string->len; from++)
    {
      char c = string->str[from];

      if (g_ascii_isspace (c))
        {
          space = to > 0;
          continue;
        }
      if (space)
        string->str[to++] = ' ';
      string->str[to++] = c;
      space = FALSE;
    }

  g_string_truncate (string, to);
}

/**
 * _prep_search_dup_plain:
 * @markdown: whether @text is Markdown
 *
 * Returns: @text as plain text on one line, whitespace runs collapsed
 */
char *
_prep_search_dup_plain (const char *text,
                        gboolean    markdown)
{
  GString *out;
  const char *next;
  char fence = 0;
  gsize fence_length = 0;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));

  if (!markdown)
    {
      g_string_append (out, text);
      collapse_whitespace (out);
      return g_string_free (out, FALSE);
    }

  for (const char *line = text; *line; line = next)
    {
      const char *eol = strchr (line, '\n');
      const char *p = line;
      gsize run;

      if (eol == NULL)
        eol = line + strlen (line);
      next = *eol ? eol + 1 : eol;

      while (p < eol && is_blank (*p))
        p++;
      run = p < eol && (*p == '`' || *p == '~') ? (gsize) (skip_run (p, eol, *p) - p) : 0;

      if (fence != 0)
        {
          if (*p == fence && run >= fence_length)
            fence = 0;
          else
            g_string_append_len (out, line, eol - line);
        }
      else if (run >= 3)
        {
          fence = *p;
          fence_length = run;
        }
      else if (!is_rule (p, eol))
        {
          LineIndex index;

          p = skip_block_markers (p, eol);
          line_index_init (&index, p, eol);
          strip_inline (&index, out, p, eol, p, eol, *p == '|');
          line_index_clear (&index);
        }

      g_string_append_c (out, '\n');
    }

  collapse_whitespace (out);

  return g_string_free (out, FALSE);
}

static void
add_part (GPtrArray  *parts,
          PrepText   *text,
          const char *locale,
          gboolean    markdown)
{
  const char *value;

  if (text != NULL && (value = prep_text_lookup (text, locale)) && *value)
    g_ptr_array_add (parts, _prep_search_dup_plain (value, markdown));
}

/**
 * _prep_search_collect_parts:
 * @first_locale: (nullable): the locale whose parts come first
 * @parts: (element-type utf8): receives the field's texts as plain text,
 *   each locale's in turn
 *
 * Notes are not part of the question: for %PREP_SEARCH_FIELD_NOTE nothing
 * is added.
 */
void
_prep_search_collect_parts (PrepQuestion    *question,
                            PrepSearchField  field,
                            const char      *first_locale,
                            GPtrArray       *parts)
{
  const char * const *known = prep_content_locales ();
  const char *locales[4] = { NULL };
  guint n = 0;

  g_return_if_fail (PREP_IS_QUESTION (question));
  g_return_if_fail (parts != NULL);

  if (prep_content_locale_is_known (first_locale))
    locales[n++] = first_locale;
  for (guint i = 0; known[i] != NULL && n < G_N_ELEMENTS (locales) - 1; i++)
    if (g_strcmp0 (known[i], first_locale) != 0)
      locales[n++] = known[i];

  _prep_question_ensure_loaded (question);

  for (guint i = 0; i < n; i++)
    {
      const char *locale = locales[i];

      if (field == PREP_SEARCH_FIELD_TITLE)
        {
          add_part (parts, question->title, locale, FALSE);
        }
      else if (field == PREP_SEARCH_FIELD_ANSWER)
        {
          add_part (parts, question->short_answer, locale, FALSE);
          add_part (parts, question->detailed_answer, locale, TRUE);
          for (guint j = 0; j < question->key_points->len; j++)
            add_part (parts, g_ptr_array_index (question->key_points, j), locale, TRUE);
          for (guint j = 0; j < question->follow_ups->len; j++)
            {
              PrepFollowUp *follow_up = g_ptr_array_index (question->follow_ups, j);

              add_part (parts, follow_up->question, locale, TRUE);
              add_part (parts, follow_up->answer, locale, TRUE);
            }
          for (guint j = 0; j < question->pitfalls->len; j++)
            add_part (parts, g_ptr_array_index (question->pitfalls, j), locale, TRUE);
        }
    }
}
