/* test-anki-export.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Anki export against golden files (tests/data/anki/NAME.LOCALE.txt,
 * from NAME.json), and every row of it, and of the bundled content, read
 * back by Anki's rules. To write the golden files again after a change
 * that is meant: PREP_TEST_UPDATE_GOLDEN=1 meson test test-anki-export,
 * then read the difference. */

#include "config.h"

#include <string.h>

#include "prep-anki-export.h"
#include "prep-content-loader.h"
#include "prep-library.h"
#include "prep-question.h"

static const char * const headers[] = {
  "#separator:tab",
  "#html:true",
  "#notetype:Basic",
  "#tags column:3",
  "#deck column:4",
  "#guid column:5",
  NULL
};

/* Reads @text as Anki does (the csv crate, as rslib sets it up: tab
 * separated, '#' lines comments, fields in double quotes with quotes
 * doubled), but strictly: a quote in an unquoted field, anything but a
 * separator after a closing quote, a CR or a last line without its LF is
 * an error rather than a guess. Returns the rows, each a GStrv. */
static GPtrArray *
parse_anki (const char  *text,
            GPtrArray  **comments,
            GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not UTF-8");
      return NULL;
    }

  while (*p != '\0')
    {
      g_autoptr(GPtrArray) fields = NULL;
      gboolean end = FALSE;

      if (*p == '#')
        {
          const char *nl = strchr (p, '\n');

          if (nl == NULL)
            break;
          g_ptr_array_add (lines, g_strndup (p, nl - p));
          p = nl + 1;
          continue;
        }

      fields = g_ptr_array_new_with_free_func (g_free);
      while (!end)
        {
          g_autoptr(GString) field = g_string_new (NULL);

          if (*p == '"')
            {
              for (p++; ; p++)
                {
                  if (*p == '\0')
                    {
                      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                   "row %u: a quoted field is not closed", rows->len + 1);
                      return NULL;
                    }
                  if (*p == '"' && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p++;
                    }
                  else if (*p == '"')
                    {
                      p++;
                      break;
                    }
                  else if (*p == '\r')
                    {
                      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                   "row %u: CR in a field", rows->len + 1);
                      return NULL;
                    }
                  else
                    g_string_append_c (field, *p);
                }
            }
          else
            {
              for (; *p != '\t' && *p != '\n' && *p != '\0'; p++)
                {
                  if (*p == '"' || *p == '\r')
                    {
                      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                   "row %u: a quote or CR in an unquoted field", rows->len + 1);
                      return NULL;
                    }
                  g_string_append_c (field, *p);
                }
            }

          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));

          if (*p == '\t')
            p++;
          else if (*p == '\n')
            {
              p++;
              end = TRUE;
            }
          else
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "row %u, field %u: %s", rows->len + 1, fields->len,
                           *p ? "text after a closing quote" : "no LF at the end");
              return NULL;
            }
        }

      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (g_steal_pointer (&fields), FALSE));
    }

  if (*p != '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no LF at the end");
      return NULL;
    }

  if (comments != NULL)
    *comments = g_steal_pointer (&lines);

  return g_steal_pointer (&rows);
}

/* What the exporter promises of a title: its text, with LF line ends and
 * no other control characters than tab. */
static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else if (((guchar) *p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7f)
        continue;
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* Reads a front back as text: it may hold only these references and
 * line breaks, and no tag. */
static char *
front_to_text (const char *html)
{
  static const struct { const char *html; char c; } refs[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&#39;", '\'' }, { "<br>", '\n' },
  };
  GString *out = g_string_new (NULL);

  for (const char *p = html; *p; p++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
        {
          if (g_str_has_prefix (p, refs[i].html))
            {
              g_string_append_c (out, refs[i].c);
              p += strlen (refs[i].html) - 1;
              found = TRUE;
              break;
            }
        }

      if (!found)
        {
          g_assert_cmpint (*p, !=, '<');
          g_assert_cmpint (*p, !=, '>');
          g_assert_cmpint (*p, !=, '"');
          g_assert_cmpint (*p, !=, '&');
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

/* Every row of an export of @questions: five fields; the front is the
 * title; tags, deck and GUID as Anki will read them; nothing in the back
 * that cannot work in Anki. Returns FALSE with @error on the first
 * problem, so that a test can show the check catches one. */
static gboolean
check_export (const char  *text,
              GPtrArray   *questions,
              const char  *locale,
              GError     **error)
{
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) rows = parse_anki (text, &comments, error);

  if (rows == NULL)
    return FALSE;

  if (comments->len != g_strv_length ((char **) headers))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%u comment lines", comments->len);
      return FALSE;
    }
  for (guint i = 0; i < comments->len; i++)
    g_assert_cmpstr (g_ptr_array_index (comments, i), ==, headers[i]);

  if (rows->len != questions->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%u rows for %u questions", rows->len, questions->len);
      return FALSE;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      PrepQuestion *question = g_ptr_array_index (questions, i);
      const char *row_locale = locale ? locale : prep_question_get_locale (question);
      g_autofree char *title = normalize (prep_text_get (prep_question_get_title_text (question), row_locale));
      g_autofree char *front = NULL;
      g_autofree char *guid = prep_anki_guid (prep_question_get_id (question));
      g_autofree char *prefix = g_strconcat (PREP_ANKI_DEFAULT_DECK, "::", NULL);
      g_auto(GStrv) tags = NULL;
      const char *back;

      if (g_strv_length (row) != PREP_ANKI_N_COLUMNS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "row %u (%s) has %u fields",
                       i + 1, prep_question_get_id (question), g_strv_length (row));
          return FALSE;
        }

      front = front_to_text (row[PREP_ANKI_COLUMN_FRONT - 1]);
      if (!g_str_equal (front, title))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "row %u: front “%s”, not “%s”", i + 1, front, title);
          return FALSE;
        }

      back = row[PREP_ANKI_COLUMN_BACK - 1];
      g_assert_null (strstr (back, "<img"));
      g_assert_null (strstr (back, "<script"));
      g_assert_null (strstr (back, "href=\"question:"));
      g_assert_null (strstr (back, "href=\"javascript:"));
      g_assert_null (strstr (back, "resource://"));

      /* Tags are split at white space, the category among them. */
      g_assert_null (strstr (row[PREP_ANKI_COLUMN_TAGS - 1], "  "));
      tags = g_strsplit (row[PREP_ANKI_COLUMN_TAGS - 1], " ", -1);
      g_assert_true (g_strv_contains ((const char * const *) tags, prep_question_get_category_id (question)));
      for (const char * const *t = prep_question_get_tags (question); t && *t; t++)
        g_assert_true (g_strv_contains ((const char * const *) tags, *t));

      g_assert_true (g_str_has_prefix (row[PREP_ANKI_COLUMN_DECK - 1], prefix));
      g_assert_cmpstr (row[PREP_ANKI_COLUMN_GUID - 1], ==, guid);
    }

  return TRUE;
}

static GPtrArray *
list_questions (PrepLibrary *library)
{
  GListModel *model = prep_library_get_questions (library);
  GPtrArray *questions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (questions, g_list_model_get_item (model, i));

  return questions;
}

static PrepLibrary *
load_file (const char *name,
           const char *locale)
{
  g_autofree char *json = g_strdup_printf ("%s.json", name);
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "anki", json, NULL);
  g_autoptr(PrepContentLoader) loader = prep_content_loader_new (locale, PREP_CONTENT_FLAGS_NONE);
  g_autoptr(PrepLibrary) library = prep_library_new (locale);
  g_autoptr(GError) error = NULL;

  if (!prep_content_loader_add_file (loader, file))
    {
      GPtrArray *issues = prep_content_loader_get_issues (loader);

      for (guint i = 0; i < issues->len; i++)
        {
          g_autofree char *issue = prep_content_issue_to_string (g_ptr_array_index (issues, i));

          g_test_message ("%s", issue);
        }
      g_assert_not_reached ();
    }
  g_assert_true (prep_library_load_loader (library, loader, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&library);
}

static void
assert_golden (const char *text,
               const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "anki", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (g_getenv ("PREP_TEST_UPDATE_GOLDEN"), "1") == 0)
    {
      g_assert_true (g_file_set_contents (path, text, -1, &error));
      g_test_message ("wrote %s", path);
      return;
    }

  g_assert_true (g_file_get_contents (path, &expected, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_golden (void)
{
  g_autoptr(PrepLibrary) library = load_file ("hostile", "zh_TW");
  g_autoptr(GPtrArray) questions = list_questions (library);
  g_autoptr(GError) error = NULL;
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  g_autofree char *own = NULL;

  g_assert_cmpuint (questions->len, ==, 4);

  zh = prep_anki_export (questions, "zh_TW", NULL, &error);
  g_assert_no_error (error);
  assert_golden (zh, "hostile.zh_TW.txt");
  g_assert_true (check_export (zh, questions, "zh_TW", &error));
  g_assert_no_error (error);

  en = prep_anki_export (questions, "en", "", &error);
  g_assert_no_error (error);
  assert_golden (en, "hostile.en.txt");
  g_assert_true (check_export (en, questions, "en", &error));
  g_assert_no_error (error);

  /* Without a locale, each question's own: the library's. */
  prep_library_set_locale (library, "en");
  own = prep_anki_export (questions, NULL, PREP_ANKI_DEFAULT_DECK, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (own, ==, en);
  g_assert_true (check_export (own, questions, NULL, &error));
  g_assert_no_error (error);
}

/* What the golden files show, said in words. */
static void
test_rewrites (void)
{
  g_autoptr(GError) error = NULL;
  struct {
    const char *markdown;
    const char *html;
  } cases[] = {
    { "<script>alert(1)</script> & \"x\"", "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</p>\n" },
    { "![A \"figure\" & <b>](resource:///io/github/llmprep/LlmPrep/content/figures/attention.svg)",
      "<p>[Figure: A &quot;figure&quot; &amp; &lt;b&gt;]</p>\n" },
    { "![](resource:///io/github/llmprep/LlmPrep/content/figures/attention.svg)", "<p>[Figure]</p>\n" },
    { "![Chart](https://example.com/c.png?a=1&b=2)",
      "<p><a href=\"https://example.com/c.png?a=1&amp;b=2\">Chart</a></p>\n" },
    { "![Local](figures/x.png)", "<p>[Figure: Local]</p>\n" },
    { "[kv *cache*](question:kv-cache)", "<p>kv <em>cache</em></p>\n" },
    { "[x](javascript:alert(1)) [y](JavaScript:alert(1)) [z](data:text/html,x) [r](page.html)",
      "<p>x y z r</p>\n" },
    { "[web](https://example.com \"T\") <mailto:a@example.com>",
      "<p><a href=\"https://example.com\" title=\"T\">web</a> <a href=\"mailto:a@example.com\">mailto:a@example.com</a></p>\n" },
    { "[![Fig](https://example.com/f.png)](https://example.com)",
      "<p><a href=\"https://example.com\">[Figure: Fig]</a></p>\n" },
    { "[![Fig](https://example.com/f.png)](question:kv-cache)",
      "<p><a href=\"https://example.com/f.png\">Fig</a></p>\n" },
    { "a\r\nb\rc\x01", "<p>a\nb\nc</p>\n" },
    { "a&#13;b&#x1;c&#0;d", "<p>a\nbc\xef\xbf\xbd" "d</p>\n" },
    /* md4c 0.4.8 leaves this autolink open at the end of its cell (found
     * by fuzz-anki): it is closed there. */
    { "| a |\n|---|\n| https://example.com/x| |",
      "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
      "<td><a href=\"https://example.com/x%7C\">https://example.com/x</a></td>\n"
      "</tr>\n</tbody>\n</table>\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = prep_anki_markdown_to_html (cases[i].markdown, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (html, ==, cases[i].html);
    }
}

static void
test_deck_names (void)
{
  struct {
    const char *deck;
    const char *category;
    const char *name;
  } cases[] = {
    { NULL, "Basics", "LLM Prep::Basics" },
    { "", "Basics", "LLM Prep::Basics" },
    { "  My \"Deck\"\t:: Sub ", " A :: B ", "My Deck::Sub::A : B" },
    { "a:", ":b", "a::blank::b" },
    { "a:", "b", "a:::b" },
    { "x::::y", "\t", "x::blank::y::blank" },
    { "Deck", "e\xcc\x81", "Deck::\xc3\xa9" },
    { "Deck", NULL, "Deck" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = prep_anki_deck_name (cases[i].deck, cases[i].category);
      g_autofree char *again = prep_anki_deck_name (name, NULL);

      g_assert_cmpstr (name, ==, cases[i].name);
      /* What Anki would make of it is what it is. */
      g_assert_cmpstr (again, ==, name);
    }
}

static void
test_bad_locale (void)
{
  g_autoptr(GPtrArray) questions = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = prep_anki_export (questions, "fr", NULL, &error);

  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  g_clear_error (&error);
  g_free (text);
  text = prep_anki_export (questions, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (text, "#guid column:5\n"));
}

/* The checks above would see a broken escape: a row written without
 * quoting, or with a quote not doubled, does not read back as it was. */
static void
test_check_guards (void)
{
  g_autoptr(PrepLibrary) library = load_file ("hostile", "zh_TW");
  g_autoptr(GPtrArray) questions = list_questions (library);
  g_autoptr(GPtrArray) first = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *header = g_strjoinv ("\n", (char **) headers);
  g_autofree char *title = prep_anki_text_to_html (prep_text_get (prep_question_get_title_text (g_ptr_array_index (questions, 0)), "en"));
  g_autofree char *guid = prep_anki_guid ("hostile-title");
  g_autofree char *unquoted = NULL;
  g_autofree char *undoubled = NULL;
  g_autofree char *raw = NULL;

  g_ptr_array_add (first, g_ptr_array_index (questions, 0));
  text = prep_anki_export (first, "en", NULL, &error);
  g_assert_true (check_export (text, first, "en", &error));

  unquoted = g_strdup_printf ("%s\n%s\tback\thostile\tLLM Prep::x\t%s\n", header, title, guid);
  g_assert_false (check_export (unquoted, first, "en", &error));
  g_test_message ("unquoted: %s", error->message);
  g_clear_error (&error);

  undoubled = g_strdup_printf ("%s\n\"%s\"\t\"say \"hi\"\"\t\"hostile\"\t\"LLM Prep::x\"\t\"%s\"\n", header, title, guid);
  g_assert_false (check_export (undoubled, first, "en", &error));
  g_test_message ("quotes not doubled: %s", error->message);
  g_clear_error (&error);

  /* A title with its tab and line break as they are, unescaped. */
  raw = g_strdup_printf ("%s\n\"%s\"\t\"back\"\t\"hostile\"\t\"LLM Prep::x\"\t\"%s\"\n", header,
                         prep_text_get (prep_question_get_title_text (g_ptr_array_index (questions, 0)), "en"), guid);
  g_assert_false (check_export (raw, first, "en", &error));
  g_test_message ("raw title: %s", error->message);
}

/* Every bundled question, in both languages: a row each, none broken. */
static void
test_bundled (void)
{
  g_autoptr(PrepLibrary) library = prep_library_new ("zh_TW");
  g_autoptr(GPtrArray) questions = NULL;
  const char * const locales[] = { "zh_TW", "en" };

  g_assert_true (prep_library_load_resources (library, NULL, NULL));
  questions = list_questions (library);
  g_assert_cmpuint (questions->len, >, 50);

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = prep_anki_export (questions, locales[i], NULL, &error);

      g_assert_no_error (error);
      g_assert_true (check_export (text, questions, locales[i], &error));
      g_assert_no_error (error);
      /* The bundled figures are there as their descriptions. */
      g_assert_nonnull (strstr (text, "[Figure: "));
      g_test_message ("%s: %u rows, %" G_GSIZE_FORMAT " bytes", locales[i], questions->len, strlen (text));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/anki-export/golden", test_golden);
  g_test_add_func ("/anki-export/rewrites", test_rewrites);
  g_test_add_func ("/anki-export/deck-names", test_deck_names);
  g_test_add_func ("/anki-export/bad-locale", test_bad_locale);
  g_test_add_func ("/anki-export/check-guards", test_check_guards);
  g_test_add_func ("/anki-export/bundled", test_bundled);

  return g_test_run ();
}
