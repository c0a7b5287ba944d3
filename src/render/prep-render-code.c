/* prep-render-code.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-renderer"

#include "config.h"

#include <string.h>

#include "prep-highlight.h"
#include "prep-renderer-private.h"

/* Code blocks: a header line with the language, then the code, highlighted
 * from the table of the bundled answers' code that the build writes
 * (build-aux/code-highlights.c), or else by GtkSourceView (prep-highlight.c),
 * whose styles become tags of the buffer. The whole block carries an
 * anonymous tag with the code as written, from which the view draws the
 * block's box and places its copy button. */

#define HIGHLIGHT_TABLE_PATH "/io/github/llmprep/LlmPrep/content/highlight.gvariant"

/* The language manager is made on first use: loading GtkSourceView's
 * languages costs time (about 20 ms here) that the bundled answers do not
 * need, their code being in the table. */
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
  if (lang == NULL || lang[0] == '\0' || strlen (lang) > 32)
    return NULL;

  return prep_highlight_lookup_language (ensure_languages (self), lang);
}

/* The table of the bundled code's highlighting, read once for the process;
 * %NULL when the resource is missing or not a table (then GtkSourceView
 * highlights everything, as it does the user's own code). */
static PrepHighlightTable *
highlight_table (void)
{
  static PrepHighlightTable *table;
  static gboolean tried;

  if (!tried)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      tried = TRUE;
      if (!(bytes = g_resources_lookup_data (HIGHLIGHT_TABLE_PATH, 0, &error)) ||
          !(table = prep_highlight_table_new (bytes, &error)))
        g_warning ("Code highlighting table: %s", error->message);
    }

  return table;
}

/* The tag of a style in the target buffer, one per style. */
static GtkTextTag *
ensure_style_tag (GtkTextBuffer            *buffer,
                  const PrepHighlightStyle *style)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  g_autofree char *name = prep_highlight_style_name (style);
  GtkTextTag *tag;

  if ((tag = gtk_text_tag_table_lookup (table, name)))
    return tag;

  tag = gtk_text_tag_new (name);
  if (style->color != NULL)
    g_object_set (tag, "foreground", style->color, NULL);
  if (style->weight != 0)
    g_object_set (tag, "weight", style->weight, NULL);
  if (style->style >= 0)
    g_object_set (tag, "style", style->style, NULL);
  if (style->underline >= 0)
    g_object_set (tag, "underline", style->underline, NULL);
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);

  return tag;
}

static void
highlight_code (PrepRenderState *st,
                const char      *code,
                const char      *lang,
                int              start)
{
  PrepRenderer *self = st->self;
  PrepHighlightTable *table = self->highlight_table_off ? NULL : highlight_table ();
  g_autoptr(GPtrArray) styles = NULL;
  g_autoptr(GArray) spans = NULL;

  if (prep_highlight_is_too_big (code))
    return;

  if (table == NULL || !(spans = prep_highlight_table_lookup (table, lang, code, self->dark)))
    {
      GtkSourceLanguage *language = _prep_render_lookup_language (self, lang);

      self->n_live_highlights++;
      if (language == NULL)
        return;
      styles = prep_highlight_styles_new ();
      spans = prep_highlight_compute (language, self->dark, code, styles);
    }

  /* The code is in the target buffer before its tags are applied. */
  _prep_render_flush (st);

  for (guint i = 0; i < spans->len; i++)
    {
      const PrepHighlightSpan *span = &g_array_index (spans, PrepHighlightSpan, i);
      const PrepHighlightStyle *style = styles ? g_ptr_array_index (styles, span->style)
                                               : prep_highlight_table_get_style (table, span->style);
      GtkTextIter a, b;

      gtk_text_buffer_get_iter_at_offset (st->buffer, &a, start + span->start);
      gtk_text_buffer_get_iter_at_offset (st->buffer, &b, start + span->end);
      gtk_text_buffer_apply_tag (st->buffer, ensure_style_tag (st->buffer, style), &a, &b);
    }
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
