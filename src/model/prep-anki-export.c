/* prep-anki-export.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-anki-export"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <md4c-html.h>
#include <string.h>

#include "prep-anki-export.h"
#include "prep-category.h"
#include "prep-question-private.h"

/* The file is what Anki's manual calls a text file with file headers:
 * https://docs.ankiweb.net/importing/text-files.html ("File Headers";
 * its source is src/importing/text-files.md in ankitects/anki-manual).
 * Anki reads the headers from 2.1.54 on (by default from 2.1.55); older
 * versions skip them as comments.
 *
 * - Every field is in double quotes, with its quotes doubled, so that no
 *   tab, newline, quote or '#' in a text can end a field or a row, or
 *   start a comment.
 * - #notetype:Basic presets the note type where the collection has one of
 *   that name; elsewhere Anki keeps the one chosen in its dialog.
 * - There is no #columns header: with names, Anki maps columns to the
 *   note type's fields by name (rslib/src/import_export/text/csv/
 *   metadata.rs in ankitects/anki), and a collection made in another
 *   language names the Basic type's fields otherwise, which would leave
 *   the back unmapped. Without it, the first two plain columns are the
 *   first two fields.
 * - The GUID column makes a new export update the notes of an earlier
 *   one, keeping their scheduling, instead of adding them again. The
 *   manual suggests ids of one's own go in the first field, but that is
 *   the question here; the importer takes any text as a GUID, and ours
 *   ("llm-prep:ID") are unlike the ten random characters of Anki's. It is
 *   one per question whatever the language, as the app's reviews are.
 * - Deck names are written as Anki normalizes them (rslib/src/decks/
 *   name.rs), or it would not find the deck the previous row created and
 *   would make another one. */

/* The Markdown the app's renderer reads (PREP_RENDER_MD_FLAGS): raw HTML
 * is text, which md4c-html escapes. */
#define ANKI_MD_FLAGS (MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | \
                       MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEAUTOLINKS)

#define GUID_PREFIX "llm-prep:"

/* Valid UTF-8 with LF line ends and no control characters but tab and
 * LF: nothing in a field that a reader could take for a line end. */
static char *
normalize_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
        continue;
      else
        g_string_append_c (out, c);
    }

  return g_string_free (out, FALSE);
}

/* @text must be normalized. A line break stays one. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\n': g_string_append (out, "<br>"); break;
        default: g_string_append_c (out, *p);
        }
    }
}

/* The inverse of md4c-html's escaping of text, which writes exactly these
 * four references. */
static char *
unescape_md4c (const char *html)
{
  static const struct { const char *entity; char c; } entities[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
  };
  GString *out = g_string_new (NULL);

  for (const char *p = html; *p != '\0'; p++)
    {
      gboolean found = FALSE;

      for (guint i = 0; *p == '&' && i < G_N_ELEMENTS (entities); i++)
        {
          if (g_str_has_prefix (p, entities[i].entity))
            {
              g_string_append_c (out, entities[i].c);
              p += strlen (entities[i].entity) - 1;
              found = TRUE;
              break;
            }
        }

      if (!found)
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static gboolean
has_scheme (const char *href,
            gboolean    mail)
{
  g_autofree char *scheme = g_uri_parse_scheme (href);

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 ||
          g_ascii_strcasecmp (scheme, "https") == 0 ||
          (mail && g_ascii_strcasecmp (scheme, "mailto") == 0));
}

/* Reads PREFIX VALUE '"' at *@p, VALUE being an attribute's text. */
static gboolean
read_attribute (const char **p,
                const char  *prefix,
                char       **value)
{
  const char *end;

  if (!g_str_has_prefix (*p, prefix))
    return FALSE;

  *p += strlen (prefix);
  if ((end = strchr (*p, '"')) == NULL)
    return FALSE;

  *value = g_strndup (*p, end - *p);
  *p = end + 1;

  return TRUE;
}

static gboolean
read_tag_end (const char **p)
{
  g_autofree char *title = NULL;

  if (g_str_has_prefix (*p, " title=\"") && !read_attribute (p, " title=\"", &title))
    return FALSE;

  if (**p != '>')
    return FALSE;

  (*p)++;
  return TRUE;
}

static void
append_figure (GString    *out,
               const char *alt_html)
{
  g_autofree char *alt = unescape_md4c (alt_html);
  g_autofree char *text = NULL;

  if (alt[0] == '\0')
    /* Translators: stands in an exported flashcard for a figure of the app */
    text = g_strdup (_("[Figure]"));
  else
    /* Translators: stands in an exported flashcard for a figure of the app; %s is its description */
    text = g_strdup_printf (_("[Figure: %s]"), alt);

  append_escaped (out, text);
}

static gboolean
closes_block (const char *p)
{
  static const char * const blocks[] = {
    "p", "li", "td", "th", "tr", "thead", "tbody", "table", "ul", "ol", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6",
  };

  if (!g_str_has_prefix (p, "</"))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      gsize len = strlen (blocks[i]);

      if (strncmp (p + 2, blocks[i], len) == 0 && p[2 + len] == '>')
        return TRUE;
    }

  return FALSE;
}

static void
close_links (GString *out,
             GArray  *links)
{
  for (guint i = links->len; i > 0; i--)
    {
      if (g_array_index (links, gboolean, i - 1))
        g_string_append (out, "</a>");
    }
  g_array_set_size (links, 0);
}

/* Rewrites what cannot work outside the app. md4c-html escapes all text
 * (raw HTML is off), so every '<' of its output opens a tag it wrote, in
 * a fixed form. The app's figures (resource:// images) become their
 * description, web images a link to them; links other than web and mail
 * links (question:ID, resources, javascript:…) keep only their text. */
static char *
rewrite_html (const char  *html,
              GError     **error)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (html));
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (gboolean));
  const char *p = html;

  while (*p != '\0')
    {
      if (g_str_has_prefix (p, "<a href=\""))
        {
          const char *start = p;
          g_autofree char *href = NULL;
          gboolean kept;

          if (!read_attribute (&p, "<a href=\"", &href) || !read_tag_end (&p))
            break;

          kept = has_scheme (href, TRUE);
          if (kept)
            g_string_append_len (out, start, p - start);
          g_array_append_val (links, kept);
        }
      else if (g_str_has_prefix (p, "</a>"))
        {
          /* One closed already at the end of its block is dropped. */
          if (links->len > 0 && g_array_index (links, gboolean, links->len - 1))
            g_string_append (out, "</a>");
          if (links->len > 0)
            g_array_set_size (links, links->len - 1);
          p += strlen ("</a>");
        }
      else if (links->len > 0 && closes_block (p))
        {
          /* md4c can leave a link open at the end of its block (an
           * autolink in a table cell): it ends there. */
          close_links (out, links);
          g_string_append_c (out, *p);
          p++;
        }
      else if (g_str_has_prefix (p, "<img src=\""))
        {
          g_autofree char *src = NULL;
          g_autofree char *alt = NULL;
          gboolean in_link = FALSE;

          if (!read_attribute (&p, "<img src=\"", &src) ||
              !read_attribute (&p, " alt=\"", &alt) ||
              !read_tag_end (&p))
            break;

          for (guint i = 0; i < links->len; i++)
            in_link |= g_array_index (links, gboolean, i);

          if (has_scheme (src, FALSE) && !in_link)
            g_string_append_printf (out, "<a href=\"%s\">%s</a>", src, alt[0] ? alt : src);
          else
            append_figure (out, alt);
        }
      else if (g_str_has_prefix (p, "<a ") || g_str_has_prefix (p, "<img"))
        {
          /* A form this code does not know: better no export than a
           * broken one. */
          break;
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }

  close_links (out, links);

  if (*p != '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "unexpected HTML from md4c at byte %" G_GSIZE_FORMAT, (gsize) (p - html));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
collect_html_cb (const MD_CHAR *text,
                 MD_SIZE        size,
                 void          *data)
{
  g_string_append_len (data, text, size);
}

/**
 * prep_anki_markdown_to_html:
 * @markdown: Markdown as the app reads it (CommonMark, tables, no raw HTML)
 *
 * Renders @markdown with md4c's HTML renderer, raw HTML shown as text,
 * and with the app's figures and internal links made into what works in
 * Anki (see rewrite_html()).
 *
 * Returns: (transfer full) (nullable): HTML, with LF line ends
 */
char *
prep_anki_markdown_to_html (const char  *markdown,
                            GError     **error)
{
  g_autofree char *normalized = normalize_text (markdown);
  g_autofree char *rewritten = NULL;
  g_autoptr(GString) html = g_string_new (NULL);

  if (md_html (normalized, strlen (normalized), collect_html_cb, html,
               ANKI_MD_FLAGS, MD_HTML_FLAG_SKIP_UTF8_BOM) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "md4c could not render the Markdown");
      return NULL;
    }

  /* A character reference ("&#13;") is written as the character. */
  if (!(rewritten = rewrite_html (html->str, error)))
    return NULL;

  return normalize_text (rewritten);
}

/**
 * prep_anki_text_to_html:
 * @text: plain text
 *
 * Returns: (transfer full): @text as HTML, its line breaks kept
 */
char *
prep_anki_text_to_html (const char *text)
{
  g_autofree char *normalized = normalize_text (text);
  GString *out = g_string_sized_new (strlen (normalized));

  append_escaped (out, normalized);

  return g_string_free (out, FALSE);
}

/* Anki's normalization of a part of a deck name (normalized_deck_name_component
 * in rslib/src/decks/name.rs): NFC, without ASCII control characters and
 * quotes, trimmed, "blank" if nothing is left. */
static void
append_deck_component (GString    *out,
                       const char *component)
{
  g_autofree char *nfc = g_utf8_normalize (component, -1, G_NORMALIZE_NFC);
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *start, *end;

  for (const char *p = nfc; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != 0x7f && c != '"')
        g_string_append_c (clean, c);
    }

  start = clean->str;
  end = clean->str + clean->len;
  while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);

  if (start == end)
    g_string_append (out, "blank");
  else
    g_string_append_len (out, start, end - start);
}

static char *
normalize_deck_name (const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, "::", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "::");
      append_deck_component (out, parts[i]);
    }

  return g_string_free (out, FALSE);
}

/**
 * prep_anki_deck_name:
 * @deck: (nullable): a deck name, "::" between a deck and its sub-deck;
 *   %NULL or "" for %PREP_ANKI_DEFAULT_DECK
 * @category: (nullable): a category's title, made a sub-deck of @deck
 *
 * Returns: (transfer full): the deck's name as Anki will store it, so
 *   that it finds the deck by it
 */
char *
prep_anki_deck_name (const char *deck,
                     const char *category)
{
  g_autofree char *name = NULL;

  if (deck == NULL || deck[0] == '\0')
    deck = PREP_ANKI_DEFAULT_DECK;

  name = g_utf8_make_valid (deck, -1);
  if (category != NULL)
    {
      g_autofree char *title = g_utf8_make_valid (category, -1);
      char *joined;

      /* A title is one sub-deck, whatever it says. */
      while (strstr (title, "::") != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (title, "::", -1);

          g_free (title);
          title = g_strjoinv (":", parts);
        }

      joined = g_strconcat (name, "::", title, NULL);
      g_free (name);
      name = joined;
    }

  /* Anki splits the name at "::" again: normalize until that changes
   * nothing (a part ending in ':' next to one starting with ':'). */
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *next = normalize_deck_name (name);

      if (g_str_equal (next, name))
        break;
      g_free (name);
      name = g_steal_pointer (&next);
    }

  return g_steal_pointer (&name);
}

/**
 * prep_anki_guid:
 *
 * Returns: (transfer full): the GUID of the note of @question_id
 */
char *
prep_anki_guid (const char *question_id)
{
  g_return_val_if_fail (question_id != NULL, NULL);

  return g_strconcat (GUID_PREFIX, question_id, NULL);
}

/* Anki splits tags at white space. */
static void
append_tag (GString    *tags,
            GHashTable *seen,
            const char *tag)
{
  g_autofree char *valid = g_utf8_make_valid (tag, -1);
  g_autoptr(GString) clean = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == '"')
        g_string_append_c (clean, '_');
      else
        g_string_append_unichar (clean, c);
    }

  if (clean->len == 0 || g_hash_table_contains (seen, clean->str))
    return;

  if (tags->len > 0)
    g_string_append_c (tags, ' ');
  g_string_append (tags, clean->str);
  g_hash_table_add (seen, g_string_free (g_steal_pointer (&clean), FALSE));
}

static void
append_field (GString    *row,
              const char *value)
{
  g_string_append_c (row, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  g_string_append_c (row, '"');
}

static char *
dup_back (PrepQuestion  *question,
          const char    *locale,
          GError       **error)
{
  g_autoptr(GString) back = g_string_new (NULL);
  GPtrArray *key_points = prep_question_get_key_points (question);
  const char *short_answer = prep_text_get (question->short_answer, locale);
  const char *detailed = prep_text_get (question->detailed_answer, locale);

  if (short_answer[0] != '\0')
    {
      g_autofree char *html = prep_anki_text_to_html (short_answer);

      g_string_append_printf (back, "<p>%s</p>\n", html);
    }

  if (detailed[0] != '\0')
    {
      g_autofree char *html = prep_anki_markdown_to_html (detailed, error);

      if (html == NULL)
        return NULL;
      g_string_append (back, html);
    }

  if (key_points->len > 0)
    {
      g_autofree char *label = prep_anki_text_to_html (_("Key Points"));

      g_string_append_printf (back, "<p><b>%s</b></p>\n<ul>\n", label);
      for (guint i = 0; i < key_points->len; i++)
        {
          g_autofree char *html = prep_anki_text_to_html (prep_text_get (g_ptr_array_index (key_points, i), locale));

          g_string_append_printf (back, "<li>%s</li>\n", html);
        }
      g_string_append (back, "</ul>\n");
    }

  while (back->len > 0 && back->str[back->len - 1] == '\n')
    g_string_truncate (back, back->len - 1);

  return g_string_free (g_steal_pointer (&back), FALSE);
}

/**
 * prep_anki_export:
 * @questions: (element-type PrepQuestion): the questions, in the order of
 *   the rows
 * @locale: (nullable): the content locale to write, or %NULL for each
 *   question's own
 * @deck: (nullable): the deck, "::" between a deck and its sub-deck;
 *   %NULL or "" for %PREP_ANKI_DEFAULT_DECK. Each category is a sub-deck.
 *
 * Writes @questions as a text file that Anki imports as it is, onto its
 * Basic note type: a row per question with the question (front), the
 * short answer, the detailed answer and the key points as HTML (back),
 * the question's tags and category (tags), its deck and a GUID, under
 * headers that say so. See the comment at the top of this file.
 *
 * Returns: (transfer full) (nullable): the file's text, UTF-8 with LF
 *   line ends, or %NULL with @error set
 */
char *
prep_anki_export (GPtrArray   *questions,
                  const char  *locale,
                  const char  *deck,
                  GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (questions != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (locale != NULL && !prep_content_locale_is_known (locale))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Unknown content language “%s”"), locale);
      return NULL;
    }

  g_string_append (out, "#separator:tab\n");
  g_string_append (out, "#html:true\n");
  g_string_append (out, "#notetype:Basic\n");
  g_string_append_printf (out, "#tags column:%d\n", PREP_ANKI_COLUMN_TAGS);
  g_string_append_printf (out, "#deck column:%d\n", PREP_ANKI_COLUMN_DECK);
  g_string_append_printf (out, "#guid column:%d\n", PREP_ANKI_COLUMN_GUID);

  for (guint i = 0; i < questions->len; i++)
    {
      PrepQuestion *question = g_ptr_array_index (questions, i);
      g_autoptr(PrepCategory) category = NULL;
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GString) tags = g_string_new (NULL);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *front = NULL;
      g_autofree char *back = NULL;
      g_autofree char *deck_name = NULL;
      g_autofree char *guid = NULL;
      const char *question_locale;
      const char *category_title;
      const char * const *question_tags;

      g_return_val_if_fail (PREP_IS_QUESTION (question), NULL);

      question_locale = locale != NULL ? locale : prep_question_get_locale (question);
      _prep_question_ensure_loaded (question);

      front = prep_anki_text_to_html (prep_text_get (prep_question_get_title_text (question), question_locale));
      if (!(back = dup_back (question, question_locale, &local_error)))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       /* Translators: %s is a question's id, then why */
                       _("The answer of “%s” could not be written as HTML: %s"),
                       prep_question_get_id (question), local_error->message);
          return NULL;
        }

      question_tags = prep_question_get_tags (question);
      for (guint j = 0; question_tags != NULL && question_tags[j] != NULL; j++)
        append_tag (tags, seen, question_tags[j]);
      append_tag (tags, seen, prep_question_get_category_id (question));

      category = prep_question_dup_category (question);
      if (category != NULL)
        category_title = prep_text_get (prep_category_get_title_text (category), question_locale);
      else
        category_title = prep_question_get_category_id (question);
      deck_name = prep_anki_deck_name (deck, category_title);
      guid = prep_anki_guid (prep_question_get_id (question));

      append_field (out, front);
      g_string_append_c (out, '\t');
      append_field (out, back);
      g_string_append_c (out, '\t');
      append_field (out, tags->str);
      g_string_append_c (out, '\t');
      append_field (out, deck_name);
      g_string_append_c (out, '\t');
      append_field (out, guid);
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
