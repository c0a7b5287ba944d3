/* prep-render-code.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-renderer"

#include "config.h"

#include <string.h>

#include "prep-renderer-private.h"

#define MAX_HIGHLIGHTS_PER_LINE 128
#define MAX_HIGHLIGHTED_CODE    PREP_RENDER_MAX_HIGHLIGHTED
#define MAX_HIGHLIGHTED_LINE    PREP_RENDER_MAX_HIGHLIGHTED_LINE

gboolean
_prep_render_has_long_line (const char *code)
{
  for (const char *line = code; line != NULL && *line; )
    {
      const char *end = strchr (line, '\n');
      gsize len = end ? (gsize) (end - line) : strlen (line);

      if (len > MAX_HIGHLIGHTED_LINE)
        return TRUE;
      line = end ? end + 1 : NULL;
    }

  return FALSE;
}

/* Code blocks: a header line with the language, then the code, highlighted
 * by a hidden GtkSourceBuffer whose highlighting tags are copied over.
 * The whole block carries an anonymous tag with the code as written, from
 * which the view draws the block's box and places its copy button. */

/* The language manager is made on first use: loading GtkSourceView's
 * languages costs start-up time that answers without code do not need. */
static GtkSourceLanguageManager *
ensure_languages (PrepRenderer *self)
{
  if (self->languages == NULL)
    {
      gtk_source_init ();
      self->languages = gtk_source_language_manager_get_default ();
    }

  return self->languages;
}

GtkSourceLanguage *
_prep_render_lookup_language (PrepRenderer *self,
                              const char   *lang)
{
  static const struct { const char *alias; const char *id; } aliases[] = {
    { "py", "python3" }, { "python", "python3" }, { "sh", "sh" }, { "bash", "sh" },
    { "shell", "sh" }, { "console", "sh" }, { "zsh", "sh" }, { "js", "js" },
    { "javascript", "js" }, { "ts", "typescript" }, { "yml", "yaml" }, { "c++", "cpp" },
    { "cxx", "cpp" }, { "cu", "cuda" }, { "dockerfile", "docker" }, { "md", "markdown" },
  };
  g_autofree char *lower = NULL;
  g_autofree char *guess_name = NULL;
  GtkSourceLanguage *language;

  if (lang == NULL || lang[0] == '\0' || strlen (lang) > 32)
    return NULL;

  ensure_languages (self);
  lower = g_ascii_strdown (lang, -1);
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      if (g_str_equal (lower, aliases[i].alias))
        {
          g_free (lower);
          lower = g_strdup (aliases[i].id);
          break;
        }
    }

  /* Only names: a fence's info string is the author's, not a path. */
  for (const char *p = lower; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '+' && *p != '.')
      return NULL;

  if (!(language = gtk_source_language_manager_get_language (self->languages, lower)))
    {
      guess_name = g_strdup_printf ("file.%s", lower);
      language = gtk_source_language_manager_guess_language (self->languages, guess_name, NULL);
    }

  /* Hidden languages (such as "def") are building blocks of others, not
   * meant to highlight a buffer of their own: highlighting with one
   * crashes GtkSourceView. Such code is shown plain. */
  if (language != NULL && gtk_source_language_get_hidden (language))
    return NULL;

  return language;
}

/* The highlighting engine's tags are anonymous and belong to the hidden
 * buffer; make a named equivalent in the target buffer, one per style. */
static GtkTextTag *
ensure_highlight_tag (GtkTextBuffer *buffer,
                      GtkTextTag    *source_tag)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  g_autoptr(GString) name = g_string_new ("hl:");
  g_autoptr(GdkRGBA) foreground = NULL;
  gboolean foreground_set, weight_set, style_set, underline_set;
  PangoUnderline underline;
  PangoStyle style;
  GtkTextTag *tag;
  int weight;

  g_object_get (source_tag,
                "foreground-set", &foreground_set, "foreground-rgba", &foreground,
                "weight-set", &weight_set, "weight", &weight,
                "style-set", &style_set, "style", &style,
                "underline-set", &underline_set, "underline", &underline,
                NULL);

  if (!foreground_set && !weight_set && !style_set && !underline_set)
    return NULL;

  if (foreground_set && foreground != NULL)
    {
      g_autofree char *color = gdk_rgba_to_string (foreground);
      g_string_append (name, color);
    }
  g_string_append_printf (name, ":%d:%d:%d", weight_set ? weight : 0,
                          style_set ? (int) style : -1, underline_set ? (int) underline : -1);

  if ((tag = gtk_text_tag_table_lookup (table, name->str)))
    return tag;

  tag = gtk_text_tag_new (name->str);
  if (foreground_set && foreground != NULL)
    g_object_set (tag, "foreground-rgba", foreground, NULL);
  if (weight_set)
    g_object_set (tag, "weight", weight, NULL);
  if (style_set)
    g_object_set (tag, "style", style, NULL);
  if (underline_set)
    g_object_set (tag, "underline", underline, NULL);
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);

  return tag;
}

static GtkSourceStyleScheme *
lookup_scheme (gboolean dark)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  GtkSourceStyleScheme *scheme;

  scheme = gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark" : "Adwaita");
  if (scheme == NULL)
    scheme = gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "classic-dark" : "classic");

  return scheme;
}

/* One hidden buffer per language for the whole process (the renderers all
 * run on the main thread, and highlight in one go). GtkSourceView compiles
 * a language's patterns when a buffer takes the language and frees them
 * with the last buffer that has it: a single buffer switching languages
 * compiled them again at every switch, 10 to 75 ms a language here. */
static GtkSourceBuffer *
source_buffer_for (GtkSourceLanguage *language,
                   gboolean           dark)
{
  static GHashTable *buffers;  /* language id → GtkSourceBuffer */
  GtkSourceStyleScheme *scheme = lookup_scheme (dark);
  GtkSourceBuffer *buffer;

  if (buffers == NULL)
    buffers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  if (!(buffer = g_hash_table_lookup (buffers, gtk_source_language_get_id (language))))
    {
      buffer = gtk_source_buffer_new (NULL);
      gtk_source_buffer_set_highlight_syntax (buffer, TRUE);
      gtk_source_buffer_set_language (buffer, language);
      g_hash_table_insert (buffers, g_strdup (gtk_source_language_get_id (language)), buffer);
    }

  if (gtk_source_buffer_get_style_scheme (buffer) != scheme)
    gtk_source_buffer_set_style_scheme (buffer, scheme);

  return buffer;
}

/**
 * _prep_render_prepare_language:
 * @step: which language, from 0
 *
 * Compiles the patterns of one of the languages that answers use most, and
 * highlights a sample with them, which each language otherwise does when
 * its first code block is shown (here python3 about 30 ms, sh 15 ms, yaml
 * 10 ms). JSON, in three answers, is left to its first block: it takes
 * 55 to 80 ms, more than an idle step should block input.
 *
 * Returns: whether there are more languages to prepare
 */
gboolean
_prep_render_prepare_language (PrepRenderer *self,
                               guint         step)
{
  static const struct { const char *id; const char *sample; } languages[] = {
    { "python3", "import os\nfrom a import b as c\n@dec\ndef f(x: int = 1, *args) -> str:\n"
                 "    \"\"\"Doc.\"\"\"\n    # comment\n    y = [1, 2.5, 0x1F, None, True, 'a', f\"{x}\"]\n"
                 "    return x @ y if x else lambda z: z ** 2\nclass A(B):\n    pass\n" },
    { "sh", "#!/bin/sh\n# comment\nexport A=\"$HOME\" B='x'\nfor i in 1 2; do echo \"$i\" | grep -c x; done\n"
            "if [ -f a ]; then pip install -U torch==2.5 --index-url \"$U\"; fi\n" },
    { "yaml", "# c\nkey: value\nlist:\n  - 1\n  - \"s\"\nmap: {a: true, b: null}\n" },
  };
  GtkSourceLanguage *language;

  if (step >= G_N_ELEMENTS (languages))
    return FALSE;

  language = gtk_source_language_manager_get_language (ensure_languages (self), languages[step].id);
  if (language != NULL)
    {
      GtkSourceBuffer *buffer = source_buffer_for (language, self->dark);
      GtkTextIter start, end;

      gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), languages[step].sample, -1);
      gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
      gtk_source_buffer_ensure_highlight (buffer, &start, &end);
      gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), "", 0);
    }

  return step + 1 < G_N_ELEMENTS (languages);
}

static void
highlight_code (PrepRenderState *st,
                const char      *code,
                const char      *lang,
                int              start)
{
  PrepRenderer *self = st->self;
  GtkSourceLanguage *language = _prep_render_lookup_language (self, lang);
  GtkSourceBuffer *source_buffer;
  GtkTextBuffer *source;
  GtkTextIter iter, end;
  guint n_on_line = 0;
  int line_seen = -1;

  /* Highlighting costs the highlighter's time in the length of the code
   * and of its longest line: generated or minified code is shown plain. */
  if (language == NULL || strlen (code) > MAX_HIGHLIGHTED_CODE || _prep_render_has_long_line (code))
    return;

  source_buffer = source_buffer_for (language, self->dark);
  source = GTK_TEXT_BUFFER (source_buffer);
  gtk_text_buffer_set_text (source, code, -1);
  gtk_text_buffer_get_bounds (source, &iter, &end);
  gtk_source_buffer_ensure_highlight (source_buffer, &iter, &end);

  /* The code is in the target buffer before its tags are copied. */
  _prep_render_flush (st);

  while (!gtk_text_iter_is_end (&iter))
    {
      GtkTextIter next = iter;
      GSList *tags = gtk_text_iter_get_tags (&iter);
      int line = gtk_text_iter_get_line (&iter);

      gtk_text_iter_forward_to_tag_toggle (&next, NULL);

      /* Each tag costs time in the number of tags already on its line:
       * a hostile line of thousands of tokens is left plain after the
       * first MAX_HIGHLIGHTS_PER_LINE. */
      if (line != line_seen)
        {
          line_seen = line;
          n_on_line = 0;
        }

      for (GSList *l = tags; l; l = l->next)
        {
          GtkTextTag *tag = n_on_line < MAX_HIGHLIGHTS_PER_LINE ? ensure_highlight_tag (st->buffer, l->data) : NULL;

          if (tag != NULL && ++n_on_line)
            {
              GtkTextIter a, b;

              gtk_text_buffer_get_iter_at_offset (st->buffer, &a, start + gtk_text_iter_get_offset (&iter));
              gtk_text_buffer_get_iter_at_offset (st->buffer, &b, start + gtk_text_iter_get_offset (&next));
              gtk_text_buffer_apply_tag (st->buffer, tag, &a, &b);
            }
        }

      g_slist_free (tags);
      iter = next;
    }

  gtk_text_buffer_set_text (source, "", 0);
}

void
_prep_render_finish_code_block (PrepRenderState *st)
{
  g_autofree char *code = NULL;
  GtkTextTag *box;
  int block, start;

  code = g_string_free (g_steal_pointer (&st->code), FALSE);
  if (g_str_has_suffix (code, "\n"))
    code[strlen (code) - 1] = '\0';

  /* A header line with the language; the view puts the copy button at
   * its right end. */
  block = _prep_render_offset (st);
  _prep_render_insert_raw (st, st->code_lang && st->code_lang[0] ? st->code_lang : "code", -1);
  _prep_render_insert_raw (st, "\n", 1);
  _prep_render_apply_tag_name (st, "code-header", block);

  start = _prep_render_offset (st);
  _prep_render_insert_raw (st, code, -1);
  _prep_render_apply_tag_name (st, "code-block", start);
  highlight_code (st, code, st->code_lang, start);
  _prep_render_insert_raw (st, "\n", 1);
  _prep_render_apply_tag_to_last_line (st, "code-block-end");

  box = gtk_text_buffer_create_tag (st->buffer, NULL, NULL);
  g_object_set_data_full (G_OBJECT (box), PREP_RENDERER_CODE_TEXT, g_steal_pointer (&code), g_free);
  _prep_render_apply_tag (st, box, block);

  g_clear_pointer (&st->code_lang, g_free);
}
