/* prep-render-check.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-renderer"

#include "config.h"

#include <string.h>

#include "prep-renderer-private.h"

/* What the content validator asks of Markdown: that the renderer shows it
 * as written. The renderer takes anything (it never aborts and stays
 * linear), but past its limits it drops formatting or highlighting, and
 * md4c 0.4.8 mis-nests some spans; content that would meet either is
 * rejected with the line where it happens. */

#define MAX_MARKDOWN (256 * 1024)

typedef struct
{
  PrepRenderer *self;
  const char   *markdown;
  gsize         length;
  const char   *last;        /* the last position md4c reported */
  char         *problem;
  const char   *where;
  guint         spans;       /* open spans */
  guint         budget;      /* inline tags left in the block */
  GString      *code;        /* inside a code block: its text */
  const char   *code_start;
} Check;

static void
fail (Check      *check,
      const char *where,
      char       *problem)
{
  if (check->problem != NULL)
    {
      g_free (problem);
      return;
    }
  check->problem = problem;
  check->where = where;
}

static void
note_position (Check      *check,
               const char *p)
{
  if (p >= check->markdown && p <= check->markdown + check->length)
    check->last = p;
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Check *check = user_data;

  check->budget = PREP_RENDER_MAX_INLINE_RANGES;

  if (type == MD_BLOCK_CODE)
    {
      MD_BLOCK_CODE_DETAIL *code = detail;
      g_autofree char *lang = _prep_render_attribute_to_string (&code->lang);

      note_position (check, code->lang.text);
      check->code = g_string_new (NULL);
      check->code_start = check->last;
      if (lang[0] != '\0' && g_ascii_strcasecmp (lang, "text") != 0 &&
          _prep_render_lookup_language (check->self, lang) == NULL)
        fail (check, check->last,
              g_strdup_printf ("unknown code language “%s”: it would be shown without highlighting "
                               "(use a language GtkSourceView knows, or “text”)", lang));
    }

  return 0;
}

/* Code the renderer would leave plain for its size. */
static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Check *check = user_data;

  if (type == MD_BLOCK_CODE && check->code != NULL)
    {
      if (check->code->len > PREP_RENDER_MAX_HIGHLIGHTED)
        fail (check, check->code_start, g_strdup_printf ("a code block longer than %u KB would not be highlighted",
                                                         PREP_RENDER_MAX_HIGHLIGHTED / 1024));
      else if (prep_highlight_has_long_line (check->code->str))
        fail (check, check->code_start, g_strdup_printf ("a code block with a line longer than %u bytes would "
                                                         "not be highlighted", PREP_RENDER_MAX_HIGHLIGHTED_LINE));
      g_string_free (g_steal_pointer (&check->code), TRUE);
    }

  return 0;
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Check *check = user_data;
  /* As many as the renderer spends on each: emphasis and links are two
   * tags, a figure up to four (picture, caption, link, style). */
  guint cost = type == MD_SPAN_EM || type == MD_SPAN_A ? 2 : type == MD_SPAN_IMG ? 4 : 1;

  check->spans++;
  if (check->budget < cost)
    fail (check, check->last,
          g_strdup_printf ("more than %u formatting marks in one paragraph: the rest would be shown plain",
                           PREP_RENDER_MAX_INLINE_RANGES / 2));
  else
    check->budget -= cost;

  return 0;
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Check *check = user_data;

  /* md4c 0.4.8 closes spans it never opened for a "*" in a link's
   * destination (mity/md4c#277): the renderer ignores the event, and the
   * text then does not show as written. */
  if (check->spans == 0)
    fail (check, check->last,
          g_strdup ("the Markdown parser mis-nests emphasis here (a “*” or “_” inside a link?): "
                    "escape it as \\* or \\_"));
  else
    check->spans--;

  return 0;
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  Check *check = user_data;

  note_position (check, text);
  if (check->code != NULL)
    g_string_append_len (check->code, text, size);
  return 0;
}

/**
 * prep_renderer_check_markdown:
 * @line: (out): the line of @markdown where the problem is (1-based)
 *
 * Checks that the renderer would show @markdown as written: no span md4c
 * mis-nests, no paragraph past the renderer's budget of formatting, no
 * code in an unknown language or too long to highlight, at most 256 KB.
 *
 * Returns: (transfer full) (nullable): the first problem, or %NULL
 */
char *
prep_renderer_check_markdown (PrepRenderer *self,
                              const char   *markdown,
                              guint        *line)
{
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = PREP_RENDER_MD_FLAGS,
    .enter_block = enter_block_cb,
    .leave_block = leave_block_cb,
    .enter_span = enter_span_cb,
    .leave_span = leave_span_cb,
    .text = text_cb,
  };
  Check check = { self, markdown, 0, markdown, NULL, NULL, 0, PREP_RENDER_MAX_INLINE_RANGES, NULL, NULL };

  g_return_val_if_fail (PREP_IS_RENDERER (self), NULL);
  g_return_val_if_fail (markdown != NULL, NULL);
  g_return_val_if_fail (line != NULL, NULL);

  check.length = strlen (markdown);
  *line = 1;

  if (check.length > MAX_MARKDOWN)
    return g_strdup_printf ("longer than %u KB", MAX_MARKDOWN / 1024);

  md_parse (markdown, check.length, &parser, &check);
  if (check.code != NULL)
    g_string_free (check.code, TRUE);

  if (check.problem != NULL)
    for (const char *p = markdown; p < check.where; p++)
      if (*p == '\n')
        (*line)++;

  return check.problem;
}
