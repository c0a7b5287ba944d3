/* fuzz-anki.c: libFuzzer harness for the Anki export.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The input is a question's title, short answer, detailed answer (as
 * Markdown), key point, tags, category and deck at once. The export must
 * succeed and be one row of five quoted fields, with no tag in the front,
 * no image and no link but web and mail links in the back, and a deck
 * name Anki keeps as it is. */

#include "config.h"

#include <string.h>

#include "prep-anki-export.h"
#include "prep-question-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Returns the fields of the one row after the headers, strictly quoted. */
static GPtrArray *
read_row (const char *text)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  /* The headers. */
  while (*p == '#')
    p = strchr (p, '\n') + 1;

  for (;;)
    {
      GString *field = g_string_new (NULL);

      g_assert_cmpint (*p, ==, '"');
      for (p++; !(p[0] == '"' && p[1] != '"'); p++)
        {
          g_assert_cmpint (*p, !=, '\0');
          g_assert_cmpint (*p, !=, '\r');
          if (*p == '"')
            p++;
          g_string_append_c (field, *p);
        }
      g_ptr_array_add (fields, g_string_free (field, FALSE));
      p++;

      if (*p == '\n')
        break;
      g_assert_cmpint (*p, ==, '\t');
      p++;
    }

  g_assert_cmpint (p[1], ==, '\0');

  return fields;
}

static void
check_links (const char *html)
{
  g_assert_null (strstr (html, "<img"));

  for (const char *p = html; (p = strstr (p, "href=\"")) != NULL; p++)
    {
      const char *href = p + strlen ("href=\"");

      g_assert_true (g_ascii_strncasecmp (href, "http:", 5) == 0 ||
                     g_ascii_strncasecmp (href, "https:", 6) == 0 ||
                     g_ascii_strncasecmp (href, "mailto:", 7) == 0);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(PrepQuestion) question = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *input = NULL;
  g_autofree char *text = NULL;
  g_autofree char *deck = NULL;
  g_autofree char *again = NULL;
  const char *front;

  if (size > 64 * 1024)
    return 0;

  input = g_strndup ((const char *) data, size);

  question = _prep_question_new ("fuzz-question", "zh_TW");
  question->category_id = g_strdup (input);
  question->title = prep_text_new ();
  prep_text_set (question->title, "zh_TW", input);
  question->short_answer = prep_text_ref (question->title);
  question->detailed_answer = prep_text_ref (question->title);
  g_strfreev (question->tags);
  question->tags = g_strsplit (input, ",", 4);
  g_ptr_array_add (question->key_points, prep_text_ref (question->title));

  questions = g_ptr_array_new ();
  g_ptr_array_add (questions, question);
  text = prep_anki_export (questions, NULL, input, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));

  row = read_row (text);
  g_assert_cmpuint (row->len, ==, PREP_ANKI_N_COLUMNS);

  front = g_ptr_array_index (row, PREP_ANKI_COLUMN_FRONT - 1);
  for (const char *p = front; (p = strchr (p, '<')) != NULL; p++)
    g_assert_true (g_str_has_prefix (p, "<br>"));
  g_assert_null (strchr (front, '"'));

  check_links (g_ptr_array_index (row, PREP_ANKI_COLUMN_BACK - 1));

  /* The detailed answer alone: the short answer and key point in the
   * back are text, which may say anything. */
  {
    g_autofree char *html = prep_anki_markdown_to_html (input, &error);

    g_assert_no_error (error);
    check_links (html);
  }

  /* The deck is as Anki normalizes it: it would find it again. */
  deck = g_strdup (g_ptr_array_index (row, PREP_ANKI_COLUMN_DECK - 1));
  again = prep_anki_deck_name (deck, NULL);
  g_assert_cmpstr (again, ==, deck);
  g_assert_null (strchr (deck, '"'));
  g_assert_null (strchr (deck, '\n'));
  g_assert_null (strchr (deck, '\t'));

  return 0;
}
