/* prep-renderer.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-renderer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "prep-renderer-private.h"

/* Markdown → GtkTextBuffer, through md4c's callbacks. Formatting is done
 * with named tags (see ensure_tags()) so that it can be tested by name;
 * each link gets an extra anonymous tag carrying its target, each table
 * one carrying its tab stops. Code blocks are highlighted by one hidden
 * GtkSourceBuffer, reused, whose highlighting tags are copied over. */

#define MAX_INDENT_DEPTH   8
#define LIST_INDENT        28
#define QUOTE_INDENT       22
#define DEFAULT_IMAGE_WIDTH 720

G_DEFINE_FINAL_TYPE (PrepRenderer, prep_renderer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DARK,
  PROP_MAX_IMAGE_WIDTH,
  PROP_SCALE_FACTOR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Zeros after the copy of a document md4c parses. */
#define MD_PADDING 16
static guint figure_ready_signal;

typedef PrepRenderState State;

/* Helpers on the insertion point */

/* Chinese runs of a flushed run (or of a slice of the buffer) get the "zh"
 * tag; past this many in one line, the rest is tagged as one range, so that
 * a hostile line cannot make thousands of toggles. */
#define MAX_ZH_RUNS        64
/* Inline tags (emphasis, links, code spans) and figures per block; past
 * this, the rest of the block's text is shown plain. No real paragraph
 * comes near it. */
#define MAX_INLINE_RANGES  PREP_RENDER_MAX_INLINE_RANGES
/* st->last_char: the last character of the run, found when asked. */
#define LAST_OF_RUN        ((gunichar) -2)

static GtkTextTag *
lookup_tag (State      *st,
            const char *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (st->buffer), name);

  /* Every name used here is made by ensure_tags(). */
  g_return_val_if_fail (tag != NULL, NULL);
  return tag;
}

static void
apply_range (State      *st,
             GtkTextTag *tag,
             int         start,
             int         end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (st->buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (st->buffer, &b, end);
  gtk_text_buffer_apply_tag (st->buffer, tag, &a, &b);
}

/* Adds a range for each run of Chinese characters of @text (whose first
 * character is at buffer offset @base) that overlaps [@start, @end); at
 * most MAX_ZH_RUNS, the last one then covering the rest. */
static void
add_chinese_runs (GArray     *out,
                  GtkTextTag *tag,
                  const char *text,
                  gsize       len,
                  int         base,
                  int         start,
                  int         end)
{
  const char *stop = text + len;
  int run_start = -1, i = 0, last_cjk_end = -1;
  guint n_runs = 0;

  for (const char *p = text; p < stop && base + i < end; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean cjk = base + i >= start && prep_renderer_is_cjk (c);

      if (cjk)
        {
          if (run_start < 0)
            run_start = base + i;
          last_cjk_end = base + i + 1;
        }
      /* Digits, spaces and punctuation between Chinese characters do not
       * end their run (they read the same in a Chinese face); a letter of
       * another script does. */
      else if (run_start >= 0 && base + i >= start && !g_unichar_isalpha (c))
        continue;
      else if (run_start >= 0 && n_runs + 1 < MAX_ZH_RUNS)
        {
          PrepRenderRange range = { tag, run_start, last_cjk_end, FALSE };

          g_array_append_val (out, range);
          n_runs++;
          run_start = -1;
        }
    }

  if (run_start >= 0)
    {
      PrepRenderRange range = { tag, run_start, last_cjk_end, FALSE };
      g_array_append_val (out, range);
    }
}

static int
compare_range_ends (gconstpointer a,
                    gconstpointer b)
{
  const PrepRenderRange *ra = a, *rb = b;

  return ra->end != rb->end ? (ra->end < rb->end ? -1 : 1) : 0;
}

static gunichar char_before (State *st);

/* Puts the pending run into the buffer at the insertion point and applies
 * the pending tags.
 *
 * GtkTextBuffer splits a text segment to tag part of it and measures both
 * halves, so tagging inside one long inserted run costs its length each
 * time. Instead the run goes in piece by piece, each piece up to the end
 * of the next range, which is tagged at once: every split then falls in
 * text inserted since the last tag, and the whole flush is linear. */
void
_prep_render_flush (State *st)
{
  g_autoptr(GArray) ranges = NULL;
  const char *cursor;
  int inserted;

  if (st->run->len == 0 && st->ranges->len == 0)
    return;

  if (st->run_base < 0)
    _prep_render_offset (st);

  ranges = g_array_sized_new (FALSE, FALSE, sizeof (PrepRenderRange), st->ranges->len + 16);

  add_chinese_runs (ranges, lookup_tag (st, "zh"), st->run->str, st->run->len,
                    st->run_base, st->run_base, st->run_base + st->run_chars);

  for (guint i = 0; i < st->ranges->len; i++)
    {
      const PrepRenderRange *range = &g_array_index (st->ranges, PrepRenderRange, i);

      if (!range->chinese_only)
        g_array_append_val (ranges, *range);
      else if (range->start >= st->run_base)
        add_chinese_runs (ranges, range->tag, st->run->str, st->run->len,
                          st->run_base, range->start, range->end);
      else
        {
          /* Began before the run, in text already in the buffer. */
          g_autofree char *slice = NULL;
          GtkTextIter a, b;
          int buffer_end = MIN (range->end, st->run_base);

          gtk_text_buffer_get_iter_at_offset (st->buffer, &a, range->start);
          gtk_text_buffer_get_iter_at_offset (st->buffer, &b, buffer_end);
          slice = gtk_text_buffer_get_slice (st->buffer, &a, &b, TRUE);
          add_chinese_runs (ranges, range->tag, slice, strlen (slice), range->start, range->start, buffer_end);
          if (range->end > st->run_base)
            add_chinese_runs (ranges, range->tag, st->run->str, st->run->len,
                              st->run_base, st->run_base, range->end);
        }
    }
  g_array_set_size (st->ranges, 0);

  /* Ranges were recorded when their span closed, nearly in order of their
   * ends already; a stable order keeps the result the same each time. */
  g_array_sort (ranges, compare_range_ends);

  cursor = st->run->str;
  inserted = st->run_base;

  for (guint i = 0; i <= ranges->len; i++)
    {
      const PrepRenderRange *range = i < ranges->len ? &g_array_index (ranges, PrepRenderRange, i) : NULL;
      int upto = range ? MIN (range->end, st->run_base + st->run_chars) : st->run_base + st->run_chars;

      if (upto > inserted)
        {
          const char *next = g_utf8_offset_to_pointer (cursor, upto - inserted);
          GtkTextIter iter;

          gtk_text_buffer_get_iter_at_mark (st->buffer, &iter, st->mark);
          gtk_text_buffer_insert (st->buffer, &iter, cursor, next - cursor);
          cursor = next;
          inserted = upto;
        }

      if (range != NULL)
        apply_range (st, range->tag, range->start, range->end);
    }

  if (st->last_char == LAST_OF_RUN)
    st->last_char = char_before (st);
  st->run_base += st->run_chars;
  st->run_chars = 0;
  g_string_truncate (st->run, 0);
}

/* The insertion point as an iterator, for callers that change the buffer
 * themselves (figures, tables): whatever is pending goes in first, and the
 * offsets are asked anew afterwards. */
void
_prep_render_get_iter (State       *st,
                       GtkTextIter *iter)
{
  _prep_render_flush (st);
  gtk_text_buffer_get_iter_at_mark (st->buffer, iter, st->mark);
  st->run_base = -1;
  st->last_char = (gunichar) -1;
}

int
_prep_render_offset (State *st)
{
  if (st->run_base < 0)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (st->buffer, &iter, st->mark);
      st->run_base = gtk_text_iter_get_offset (&iter) - st->run_chars;
    }

  return st->run_base + st->run_chars;
}

static gunichar
char_before (State *st)
{
  if (st->last_char == LAST_OF_RUN)
    st->last_char = st->run->len > 0
      ? g_utf8_get_char (g_utf8_find_prev_char (st->run->str, st->run->str + st->run->len))
      : (gunichar) -1;

  if (st->last_char == (gunichar) -1)
    {
      GtkTextIter iter;

      _prep_render_flush (st);
      gtk_text_buffer_get_iter_at_mark (st->buffer, &iter, st->mark);
      st->last_char = gtk_text_iter_backward_char (&iter) ? gtk_text_iter_get_char (&iter) : 0;
    }

  return st->last_char;
}

/* Tags [start, insertion point) at the next flush. */
void
_prep_render_apply_tag (State      *st,
                        GtkTextTag *tag,
                        int         start)
{
  PrepRenderRange range = { tag, start, _prep_render_offset (st), FALSE };

  if (range.start < range.end)
    g_array_append_val (st->ranges, range);
}

/* Like _prep_render_apply_tag() for formatting inside a block, within the
 * block's budget; @chinese_only tags only the Chinese runs of the range. */
void
_prep_render_apply_inline_tag (State      *st,
                               GtkTextTag *tag,
                               int         start,
                               gboolean    chinese_only)
{
  PrepRenderRange range = { tag, start, _prep_render_offset (st), !!chinese_only };

  if (st->inline_budget == 0 || range.start >= range.end)
    return;
  st->inline_budget--;
  g_array_append_val (st->ranges, range);
}

void
_prep_render_apply_tag_name (State      *st,
                             const char *name,
                             int         start)
{
  GtkTextTag *tag = lookup_tag (st, name);

  if (tag != NULL)
    _prep_render_apply_tag (st, tag, start);
}

/* Paragraph properties (space below, say) come from the tags on a line's
 * first character: tags the whole line that ends at the insertion point. */
void
_prep_render_apply_tag_to_last_line (State      *st,
                                     const char *name)
{
  GtkTextIter iter;

  _prep_render_flush (st);
  gtk_text_buffer_get_iter_at_mark (st->buffer, &iter, st->mark);
  if (!gtk_text_iter_backward_char (&iter))
    return;
  gtk_text_iter_set_line_offset (&iter, 0);
  _prep_render_apply_tag_name (st, name, gtk_text_iter_get_offset (&iter));
}

gboolean
prep_renderer_is_cjk (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN ||
         (c >= 0x3000 && c <= 0x303F) ||   /* CJK symbols and punctuation */
         (c >= 0x3100 && c <= 0x312F) ||   /* Bopomofo */
         (c >= 0x31A0 && c <= 0x31BF) ||
         (c >= 0xFE30 && c <= 0xFE4F) ||   /* CJK compatibility forms */
         (c >= 0xFF00 && c <= 0xFFEF);     /* Half- and full-width forms */
}

/* Adds raw text at the insertion point (to the pending run); its Chinese
 * runs are tagged with language zh-tw when it is flushed, so that fonts
 * pick Traditional glyph shapes. */
void
_prep_render_insert_raw (State      *st,
                         const char *text,
                         gssize      len)
{
  int n_chars = 0;

  if (len < 0)
    len = strlen (text);
  if (len == 0)
    return;

  /* Known before the run grows, so that it need not be asked later. */
  if (st->run_base < 0)
    _prep_render_offset (st);

  /* This is the path of every piece of text: count characters inline. */
  for (gssize i = 0; i < len; i++)
    n_chars += ((guchar) text[i] & 0xC0) != 0x80;

  g_string_append_len (st->run, text, len);
  st->run_chars += n_chars;
  st->last_char = LAST_OF_RUN;
}

/* Text in paragraphs: soft line breaks become a space, except between two
 * Chinese characters, where a space would be wrong. */
void
_prep_render_insert_text (State      *st,
                          const char *text,
                          gssize      len)
{
  if (len < 0)
    len = strlen (text);
  if (len == 0)
    return;

  if (st->pending_softbr)
    {
      gunichar before = char_before (st);

      st->pending_softbr = FALSE;
      if (!(before && prep_renderer_is_cjk (before) && prep_renderer_is_cjk (g_utf8_get_char (text))))
        _prep_render_insert_raw (st, " ", 1);
    }

  _prep_render_insert_raw (st, text, len);
}

void
_prep_render_ensure_line_start (State *st)
{
  gunichar before = char_before (st);

  st->pending_softbr = FALSE;
  if (before != 0 && before != '\n')
    _prep_render_insert_raw (st, "\n", 1);
}

char *
_prep_render_attribute_to_string (const MD_ATTRIBUTE *attr)
{
  GString *str = g_string_new (NULL);

  if (attr == NULL || attr->text == NULL)
    return g_string_free (str, FALSE);

  for (guint i = 0; attr->substr_offsets[i] < attr->size; i++)
    {
      const char *part = attr->text + attr->substr_offsets[i];
      gsize len = attr->substr_offsets[i + 1] - attr->substr_offsets[i];

      if (attr->substr_types[i] == MD_TEXT_ENTITY)
        {
          g_autofree char *decoded = prep_renderer_decode_entity (part, len);
          g_string_append (str, decoded);
        }
      else if (attr->substr_types[i] == MD_TEXT_NULLCHAR)
        g_string_append_unichar (str, 0xFFFD);
      else
        g_string_append_len (str, part, len);
    }

  return g_string_free (str, FALSE);
}

/* Entities */

static const struct {
  const char *name;
  gunichar    c;
} named_entities[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", 0x00A0 }, { "copy", 0x00A9 }, { "reg", 0x00AE }, { "trade", 0x2122 },
  { "hellip", 0x2026 }, { "mdash", 0x2014 }, { "ndash", 0x2013 }, { "lsquo", 0x2018 },
  { "rsquo", 0x2019 }, { "ldquo", 0x201C }, { "rdquo", 0x201D }, { "laquo", 0x00AB },
  { "raquo", 0x00BB }, { "times", 0x00D7 }, { "divide", 0x00F7 }, { "middot", 0x00B7 },
  { "deg", 0x00B0 }, { "plusmn", 0x00B1 }, { "micro", 0x00B5 }, { "para", 0x00B6 },
  { "sect", 0x00A7 }, { "bull", 0x2022 }, { "larr", 0x2190 }, { "rarr", 0x2192 },
  { "uarr", 0x2191 }, { "darr", 0x2193 }, { "harr", 0x2194 }, { "rArr", 0x21D2 },
  { "lArr", 0x21D0 }, { "hArr", 0x21D4 }, { "le", 0x2264 }, { "ge", 0x2265 },
  { "ne", 0x2260 }, { "asymp", 0x2248 }, { "equiv", 0x2261 }, { "infin", 0x221E },
  { "sum", 0x2211 }, { "prod", 0x220F }, { "radic", 0x221A }, { "part", 0x2202 },
  { "nabla", 0x2207 }, { "isin", 0x2208 }, { "minus", 0x2212 }, { "sup2", 0x00B2 },
  { "sup3", 0x00B3 }, { "frac12", 0x00BD }, { "frac14", 0x00BC }, { "alpha", 0x03B1 },
  { "beta", 0x03B2 }, { "gamma", 0x03B3 }, { "delta", 0x03B4 }, { "epsilon", 0x03B5 },
  { "eta", 0x03B7 }, { "theta", 0x03B8 }, { "lambda", 0x03BB }, { "mu", 0x03BC },
  { "pi", 0x03C0 }, { "sigma", 0x03C3 }, { "tau", 0x03C4 }, { "phi", 0x03C6 },
  { "omega", 0x03C9 }, { "Delta", 0x0394 }, { "Sigma", 0x03A3 }, { "Omega", 0x03A9 },
  { "euro", 0x20AC }, { "cent", 0x00A2 }, { "pound", 0x00A3 }, { "yen", 0x00A5 },
};

/* Decodes @entity into @buf (NUL-terminated); returns FALSE when it is
 * unknown or invalid. */
static gboolean
decode_entity_into (const char *entity,
                    gsize       length,
                    char        buf[8])
{
  const char *name = entity + 1;
  gsize name_len;
  gunichar c = 0;

  if (length < 3 || entity[0] != '&' || entity[length - 1] != ';' || length > 40)
    return FALSE;
  name_len = length - 2;

  if (name[0] == '#')
    {
      char digits[40];
      char *end = NULL;
      guint64 value;

      memcpy (digits, name, name_len);
      digits[name_len] = '\0';
      if (digits[1] == 'x' || digits[1] == 'X')
        value = g_ascii_strtoull (digits + 2, &end, 16);
      else
        value = g_ascii_strtoull (digits + 1, &end, 10);

      /* CommonMark: invalid code points and NUL become U+FFFD. */
      if (end == NULL || *end != '\0' || end == digits + 1)
        return FALSE;
      c = (value == 0 || value > 0x10FFFF || !g_unichar_validate (value)) ? 0xFFFD : (gunichar) value;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (named_entities); i++)
        {
          if (strncmp (named_entities[i].name, name, name_len) == 0 && named_entities[i].name[name_len] == '\0')
            {
              c = named_entities[i].c;
              break;
            }
        }

      if (c == 0)
        return FALSE;
    }

  buf[g_unichar_to_utf8 (c, buf)] = '\0';
  return TRUE;
}

/**
 * prep_renderer_decode_entity:
 * @entity: an entity as md4c reports it, e.g. "&amp;", "&#35;", "&#x4E2D;"
 *
 * Returns: the character, or @entity itself when it is unknown or invalid
 */
char *
prep_renderer_decode_entity (const char *entity,
                             gsize       length)
{
  char buf[8];

  return decode_entity_into (entity, length, buf) ? g_strdup (buf) : g_strndup (entity, length);
}

/* Tags */

static void
update_colors (PrepRenderer    *self,
               GtkTextTagTable *table)
{
  /* Tints that read on both light and dark backgrounds, and link and
   * muted colours from the GNOME palette for each. */
  const char *tint = self->dark ? "rgba(255,255,255,0.08)" : "rgba(0,0,0,0.05)";
  const char *rule = self->dark ? "rgba(255,255,255,0.2)" : "rgba(0,0,0,0.15)";
  const char *link = self->dark ? "#78aeed" : "#1c71d8";
  const char *muted = self->dark ? "rgba(255,255,255,0.7)" : "rgba(0,0,0,0.65)";
  GdkRGBA rgba;

  /* Setting a tag's colour, even to the one it has, makes the view lay
   * out again every line the tag is on: inline code and links are on
   * most lines of an answer, and an answer is rendered in sections. */
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (table), "prep-colors")) == (self->dark ? 2 : 1))
    return;
  g_object_set_data (G_OBJECT (table), "prep-colors", GINT_TO_POINTER (self->dark ? 2 : 1));

  gdk_rgba_parse (&rgba, tint);
  g_object_set (gtk_text_tag_table_lookup (table, "code"), "background-rgba", &rgba, NULL);
  gdk_rgba_parse (&rgba, rule);
  g_object_set (gtk_text_tag_table_lookup (table, "hr"), "paragraph-background-rgba", &rgba, NULL);
  gdk_rgba_parse (&rgba, link);
  g_object_set (gtk_text_tag_table_lookup (table, "link"), "foreground-rgba", &rgba, NULL);
  gdk_rgba_parse (&rgba, muted);
  g_object_set (gtk_text_tag_table_lookup (table, "code-header"), "foreground-rgba", &rgba, NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "image-caption"), "foreground-rgba", &rgba, NULL);
  for (guint d = 1; d <= MAX_INDENT_DEPTH; d++)
    {
      g_autofree char *name = g_strdup_printf ("quote-%u", d);
      g_object_set (gtk_text_tag_table_lookup (table, name), "foreground-rgba", &rgba, NULL);
    }
}

static GtkTextTag *
add_tag (GtkTextTagTable *table,
         const char      *name,
         const char      *first_property,
         ...)
{
  GtkTextTag *tag = gtk_text_tag_new (name);
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (tag), first_property, args);
  va_end (args);

  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);

  return tag;
}

/* Creates the named tags once per buffer. Later tags take precedence, so
 * the order matters: deeper indents after shallower ones.
 *
 * Body text has the line height Chinese needs to read well (see
 * PREP_RENDERER_LINE_HEIGHT); blocks are followed by the space of a
 * paragraph. Nothing is set in
 * italic: Han characters have no italic and would be slanted by force. */
static void
ensure_tags (PrepRenderer  *self,
             GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  if (gtk_text_tag_table_lookup (table, "zh") != NULL)
    return;

  add_tag (table, "zh", "language", "zh-tw", "family", PREP_RENDERER_ZH_FAMILY, NULL);
  add_tag (table, "p", "pixels-below-lines", PREP_RENDERER_BLOCK_SPACE, "line-height", PREP_RENDERER_LINE_HEIGHT, NULL);
  add_tag (table, "h1", "weight", 800, "scale", 1.6, "pixels-above-lines", 24, "pixels-below-lines", 10,
           "line-height", 1.0f, NULL);
  add_tag (table, "h2", "weight", 800, "scale", 1.35, "pixels-above-lines", 22, "pixels-below-lines", 8,
           "line-height", 1.0f, NULL);
  add_tag (table, "h3", "weight", 700, "scale", 1.15, "pixels-above-lines", 18, "pixels-below-lines", 6,
           "line-height", 1.0f, NULL);
  add_tag (table, "h4", "weight", 700, "scale", 1.0, "pixels-above-lines", 14, "pixels-below-lines", 4,
           "line-height", 1.0f, NULL);
  add_tag (table, "bold", "weight", 700, NULL);
  add_tag (table, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  /* Han characters have no italic: emphasis on them is upright and a
   * little bolder instead of slanted by force. */
  add_tag (table, "italic-zh", "style", PANGO_STYLE_NORMAL, "weight", 600, NULL);
  add_tag (table, "strike", "strikethrough", TRUE, NULL);
  add_tag (table, "code", "family", "monospace", "scale", 0.92, NULL);
  add_tag (table, "link", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  /* A rule: a one-point line with a background, between two short
   * empty lines (a background would also fill pixels above and below). */
  add_tag (table, "hr", "size-points", 1.0, "pixels-above-lines", 0, "pixels-below-lines", 0,
           "left-margin", 0, "line-height", 1.0f, NULL);
  add_tag (table, "hr-space", "size-points", 5.0, "pixels-above-lines", 0, "pixels-below-lines", 0,
           "line-height", 1.0f, NULL);

  for (guint d = 1; d <= MAX_INDENT_DEPTH; d++)
    {
      g_autofree char *list = g_strdup_printf ("list-%u", d);
      g_autofree char *quote = g_strdup_printf ("quote-%u", d);

      add_tag (table, list, "left-margin", LIST_INDENT * d, "indent", -LIST_INDENT + 8,
               "pixels-below-lines", 4, "line-height", PREP_RENDERER_LINE_HEIGHT, NULL);
      add_tag (table, quote, "left-margin", QUOTE_INDENT * d, "line-height", PREP_RENDERER_LINE_HEIGHT, NULL);
    }
  add_tag (table, "list-end", "pixels-below-lines", PREP_RENDERER_BLOCK_SPACE, NULL);

  add_tag (table, "table", "pixels-above-lines", 4, "pixels-below-lines", PREP_RENDERER_BLOCK_SPACE + 4,
           "line-height", 1.0f, NULL);
  add_tag (table, "code-header", "scale", 0.8, "pixels-above-lines", PREP_RENDERER_CODE_PADDING,
           "pixels-below-lines", 2, "left-margin", PREP_RENDERER_CODE_PADDING + 4,
           "right-margin", PREP_RENDERER_CODE_PADDING + 4, "line-height", 1.0f, NULL);
  add_tag (table, "code-block", "family", "monospace", "scale", 0.92,
           "left-margin", PREP_RENDERER_CODE_PADDING + 4, "right-margin", PREP_RENDERER_CODE_PADDING + 4,
           "pixels-below-lines", 0, "wrap-mode", GTK_WRAP_CHAR, "line-height", 1.05f, NULL);
  add_tag (table, "code-block-end", "pixels-below-lines",
           PREP_RENDERER_CODE_PADDING + PREP_RENDERER_BLOCK_SPACE + 4, NULL);
  add_tag (table, "image", "justification", GTK_JUSTIFY_CENTER, "pixels-above-lines", 8,
           "line-height", 1.0f, NULL);
  add_tag (table, "image-caption", "scale", 0.88, "justification", GTK_JUSTIFY_CENTER,
           "pixels-below-lines", PREP_RENDERER_BLOCK_SPACE + 4, "line-height", 1.1f, NULL);

  update_colors (self, table);
}

/* md4c callbacks */

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  State *st = user_data;
  Frame frame = { type, 0 };

  /* Each block flushes what the one before it left pending, and starts
   * with a new budget of inline tags. */
  _prep_render_flush (st);
  st->inline_budget = MAX_INLINE_RANGES;

  switch (type)
    {
    case MD_BLOCK_DOC:
      break;

    case MD_BLOCK_QUOTE:
      st->quote_depth++;
      _prep_render_ensure_line_start (st);
      break;

    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      st->list_depth++;
      frame.ordered = type == MD_BLOCK_OL;
      frame.number = type == MD_BLOCK_OL ? ((MD_BLOCK_OL_DETAIL *) detail)->start : 0;
      _prep_render_ensure_line_start (st);
      frame.start = _prep_render_offset (st);
      break;

    case MD_BLOCK_LI:
      {
        MD_BLOCK_LI_DETAIL *li = detail;
        Frame *list = &g_array_index (st->blocks, Frame, st->blocks->len - 1);
        static const char *bullets[] = { "•", "◦", "▪" };

        _prep_render_ensure_line_start (st);
        frame.start = _prep_render_offset (st);

        if (li->is_task)
          _prep_render_insert_raw (st, (li->task_mark == 'x' || li->task_mark == 'X') ? "☑ " : "☐ ", -1);
        else if (list->type == MD_BLOCK_OL)
          {
            g_autofree char *number = g_strdup_printf ("%u. ", list->number++);
            _prep_render_insert_raw (st, number, -1);
          }
        else
          {
            g_autofree char *bullet = g_strdup_printf ("%s ", bullets[(st->list_depth - 1) % 3]);
            _prep_render_insert_raw (st, bullet, -1);
          }
      }
      break;

    case MD_BLOCK_HR:
      {
        int space;

        _prep_render_ensure_line_start (st);
        space = _prep_render_offset (st);
        _prep_render_insert_raw (st, "\n", 1);
        _prep_render_apply_tag_name (st, "hr-space", space);
        frame.start = _prep_render_offset (st);
        _prep_render_insert_raw (st, " ", 1);
      }
      break;

    case MD_BLOCK_H:
    case MD_BLOCK_P:
      _prep_render_ensure_line_start (st);
      frame.start = _prep_render_offset (st);
      break;

    case MD_BLOCK_CODE:
      {
        MD_BLOCK_CODE_DETAIL *code = detail;

        _prep_render_ensure_line_start (st);
        frame.start = _prep_render_offset (st);
        st->code = g_string_new (NULL);
        g_clear_pointer (&st->code_lang, g_free);
        st->code_lang = _prep_render_attribute_to_string (&code->lang);
      }
      break;

    case MD_BLOCK_HTML:
      break;

    case MD_BLOCK_TABLE:
      if (st->table == NULL)
        st->table = prep_render_table_new ();
      break;

    case MD_BLOCK_TR:
      if (st->table != NULL)
        _prep_render_table_enter_row (st);
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (st->table != NULL)
        _prep_render_table_enter_cell (st, type == MD_BLOCK_TH, ((MD_BLOCK_TD_DETAIL *) detail)->align);
      break;

    default:
      break;
    }

  g_array_append_val (st->blocks, frame);

  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  State *st = user_data;
  Frame frame;

  /* md4c's events come in pairs; should one ever not, it is ignored. */
  if (st->blocks->len == 0)
    return 0;
  frame = g_array_index (st->blocks, Frame, st->blocks->len - 1);
  g_array_set_size (st->blocks, st->blocks->len - 1);

  switch (type)
    {
    case MD_BLOCK_QUOTE:
      st->quote_depth--;
      break;

    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      st->list_depth--;
      /* The space of a paragraph after the whole list. */
      if (st->list_depth == 0)
        _prep_render_apply_tag_to_last_line (st, "list-end");
      break;

    case MD_BLOCK_LI:
      {
        g_autofree char *name = g_strdup_printf ("list-%u", MIN (st->list_depth, MAX_INDENT_DEPTH));
        _prep_render_apply_tag_name (st, name, frame.start);
      }
      break;

    case MD_BLOCK_H:
      {
        guint level = MIN (((MD_BLOCK_H_DETAIL *) detail)->level, 4);
        g_autofree char *name = g_strdup_printf ("h%u", level);
        _prep_render_apply_tag_name (st, name, frame.start);
      }
      break;

    case MD_BLOCK_P:
      _prep_render_apply_tag_name (st, "p", frame.start);
      break;

    case MD_BLOCK_HR:
      {
        int space;

        _prep_render_apply_tag_name (st, "hr", frame.start);
        _prep_render_insert_raw (st, "\n", 1);
        space = _prep_render_offset (st);
        _prep_render_insert_raw (st, "\n", 1);
        _prep_render_apply_tag_name (st, "hr-space", space);
      }
      break;

    case MD_BLOCK_CODE:
      _prep_render_finish_code_block (st);
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (st->cell != NULL)
        _prep_render_table_leave_cell (st);
      break;

    case MD_BLOCK_TABLE:
      _prep_render_finish_table (st);
      break;

    default:
      break;
    }

  /* Quotes tag everything they contain, at their depth. */
  if (st->quote_depth > 0 && type != MD_BLOCK_QUOTE && type != MD_BLOCK_UL && type != MD_BLOCK_OL &&
      type != MD_BLOCK_TR && type != MD_BLOCK_TH && type != MD_BLOCK_TD && type != MD_BLOCK_LI &&
      type != MD_BLOCK_DOC && type != MD_BLOCK_THEAD && type != MD_BLOCK_TBODY)
    {
      g_autofree char *name = g_strdup_printf ("quote-%u", MIN (st->quote_depth, MAX_INDENT_DEPTH));
      _prep_render_apply_tag_name (st, name, frame.start);
    }

  _prep_render_flush (st);

  return 0;
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  State *st = user_data;
  int start;

  if (st->cell != NULL)
    {
      _prep_render_table_cell_span (st, type, detail, TRUE);
      return 0;
    }

  start = _prep_render_offset (st);
  if (st->alt != NULL)
    {
      /* Spans inside alt text are flattened. */
      if (type == MD_SPAN_IMG)
        st->image_depth++;
      return 0;
    }

  switch (type)
    {
    case MD_SPAN_A:
      g_ptr_array_add (st->links, _prep_render_attribute_to_string (&((MD_SPAN_A_DETAIL *) detail)->href));
      break;

    case MD_SPAN_IMG:
      st->alt = g_string_new (NULL);
      st->image_src = _prep_render_attribute_to_string (&((MD_SPAN_IMG_DETAIL *) detail)->src);
      st->image_depth = 1;
      break;

    default:
      break;
    }

  g_array_append_val (st->spans, start);

  return 0;
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  State *st = user_data;
  int start;

  if (st->cell != NULL)
    {
      _prep_render_table_cell_span (st, type, detail, FALSE);
      return 0;
    }

  if (st->alt != NULL && !(type == MD_SPAN_IMG && st->image_depth == 1))
    {
      if (type == MD_SPAN_IMG)
        st->image_depth--;
      return 0;
    }

  if (st->spans->len == 0)
    return 0;
  start = g_array_index (st->spans, int, st->spans->len - 1);
  g_array_set_size (st->spans, st->spans->len - 1);

  /* Past the block's budget, formatting is dropped (links' targets too). */
  if (st->inline_budget == 0 && type != MD_SPAN_IMG)
    {
      if (type == MD_SPAN_A && st->links->len > 0)
        g_free (g_ptr_array_steal_index (st->links, st->links->len - 1));
      return 0;
    }

  switch (type)
    {
    case MD_SPAN_EM:
      _prep_render_apply_inline_tag (st, lookup_tag (st, "italic"), start, FALSE);
      _prep_render_apply_inline_tag (st, lookup_tag (st, "italic-zh"), start, TRUE);
      break;

    case MD_SPAN_STRONG:
      _prep_render_apply_inline_tag (st, lookup_tag (st, "bold"), start, FALSE);
      break;

    case MD_SPAN_DEL:
      _prep_render_apply_inline_tag (st, lookup_tag (st, "strike"), start, FALSE);
      break;

    case MD_SPAN_CODE:
      _prep_render_apply_inline_tag (st, lookup_tag (st, "code"), start, FALSE);
      break;

    case MD_SPAN_A:
      if (st->links->len > 0)
      {
        g_autofree char *target = g_ptr_array_steal_index (st->links, st->links->len - 1);

        /* A link is two tags: one budget check for both. */
        if (st->inline_budget >= 2 && start < _prep_render_offset (st))
          {
            GtkTextTag *tag = gtk_text_buffer_create_tag (st->buffer, NULL, NULL);

            g_object_set_data_full (G_OBJECT (tag), PREP_RENDERER_LINK_TARGET, g_steal_pointer (&target), g_free);
            _prep_render_apply_inline_tag (st, tag, start, FALSE);
            _prep_render_apply_inline_tag (st, lookup_tag (st, "link"), start, FALSE);
          }
      }
      break;

    case MD_SPAN_IMG:
      st->image_depth = 0;
      if (st->alt != NULL)
        _prep_render_finish_image (st);
      break;

    default:
      break;
    }

  return 0;
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  State *st = user_data;

  /* md4c 0.4.8 can report text reaching past the end of the document
   * with mis-nested emphasis in links, or starting after it (found by
   * fuzz-render): it parses a copy followed by zeros (see
   * prep_renderer_render()), and nothing past the document is shown. */
  if (text >= st->doc && text <= st->doc_end + MD_PADDING)
    {
      if (text >= st->doc_end)
        return 0;
      if ((gsize) (st->doc_end - text) < size)
        size = st->doc_end - text;
    }

  if (st->code != NULL)
    {
      g_string_append_len (st->code, text, size);
      return 0;
    }

  if (st->cell != NULL)
    {
      _prep_render_table_cell_text (st, type, text, size);
      return 0;
    }

  if (st->alt != NULL)
    {
      if (type == MD_TEXT_ENTITY)
        {
          g_autofree char *decoded = prep_renderer_decode_entity (text, size);
          g_string_append (st->alt, decoded);
        }
      else if (type == MD_TEXT_BR || type == MD_TEXT_SOFTBR)
        g_string_append_c (st->alt, ' ');
      else
        g_string_append_len (st->alt, text, size);
      return 0;
    }

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      _prep_render_insert_text (st, "\xEF\xBF\xBD", 3);
      break;

    case MD_TEXT_BR:
      st->pending_softbr = FALSE;
      _prep_render_insert_raw (st, "\n", 1);
      break;

    case MD_TEXT_SOFTBR:
      st->pending_softbr = TRUE;
      break;

    case MD_TEXT_ENTITY:
      {
        char buf[8];

        if (decode_entity_into (text, size, buf))
          _prep_render_insert_text (st, buf, -1);
        else
          _prep_render_insert_text (st, text, size);
      }
      break;

    case MD_TEXT_HTML:
      /* Raw HTML is disabled; anything reported as such is shown as is. */
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_LATEXMATH:
    default:
      _prep_render_insert_text (st, text, size);
      break;
    }

  return 0;
}

/* Object */

static void
prep_renderer_finalize (GObject *object)
{
  PrepRenderer *self = (PrepRenderer *)object;

  g_clear_pointer (&self->images, g_hash_table_unref);
  g_clear_pointer (&self->textures, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (prep_renderer_parent_class)->finalize (object);
}

static void
prep_renderer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PrepRenderer *self = PREP_RENDERER (object);

  switch (prop_id)
    {
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;

    case PROP_MAX_IMAGE_WIDTH:
      g_value_set_int (value, self->max_image_width);
      break;

    case PROP_SCALE_FACTOR:
      g_value_set_int (value, self->scale_factor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_renderer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PrepRenderer *self = PREP_RENDERER (object);

  switch (prop_id)
    {
    case PROP_DARK:
      prep_renderer_set_dark (self, g_value_get_boolean (value));
      break;

    case PROP_MAX_IMAGE_WIDTH:
      prep_renderer_set_max_image_width (self, g_value_get_int (value));
      break;

    case PROP_SCALE_FACTOR:
      prep_renderer_set_scale_factor (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_renderer_class_init (PrepRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prep_renderer_finalize;
  object_class->get_property = prep_renderer_get_property;
  object_class->set_property = prep_renderer_set_property;

  properties [PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MAX_IMAGE_WIDTH] =
    g_param_spec_int ("max-image-width", NULL, NULL, 16, G_MAXINT, DEFAULT_IMAGE_WIDTH,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCALE_FACTOR] =
    g_param_spec_int ("scale-factor", NULL, NULL, 1, 16, 1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PrepRenderer::figure-ready:
   *
   * A figure decoded in the worker thread has its image: the text showing
   * it needs drawing again.
   */
  figure_ready_signal =
    g_signal_new ("figure-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
_prep_render_figure_ready (PrepRenderer *self)
{
  g_signal_emit (self, figure_ready_signal, 0);
}

static void
prep_renderer_init (PrepRenderer *self)
{
  self->max_image_width = DEFAULT_IMAGE_WIDTH;
  self->scale_factor = 1;
  self->images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->textures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

PrepRenderer *
prep_renderer_new (void)
{
  return g_object_new (PREP_TYPE_RENDERER, NULL);
}

gboolean
prep_renderer_get_dark (PrepRenderer *self)
{
  g_return_val_if_fail (PREP_IS_RENDERER (self), FALSE);

  return self->dark;
}

/**
 * prep_renderer_set_dark:
 *
 * Chooses colours and the code style scheme for a dark background. Text
 * already rendered keeps its colours: render it again.
 */
void
prep_renderer_set_dark (PrepRenderer *self,
                        gboolean      dark)
{
  g_return_if_fail (PREP_IS_RENDERER (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DARK]);
}

/**
 * prep_renderer_set_async_figures:
 * @async: whether figures not decoded yet are decoded in a worker thread
 *
 * With @async, a figure that is not decoded yet is inserted as a
 * placeholder of its final size (a #PrepFigurePaintable) and drawn when
 * the worker thread has decoded it (#PrepRenderer::figure-ready).
 */
void
prep_renderer_set_async_figures (PrepRenderer *self,
                                 gboolean      async)
{
  g_return_if_fail (PREP_IS_RENDERER (self));

  self->async_figures = !!async;
}

/**
 * prep_renderer_set_locale:
 * @locale: (nullable): the content locale of the text rendered next
 *
 * Figures are drawn with the text of @locale where the content has a
 * variant for it (see prep_renderer_dup_figure_path()).
 */
void
prep_renderer_set_locale (PrepRenderer *self,
                          const char   *locale)
{
  g_return_if_fail (PREP_IS_RENDERER (self));

  self->locale = g_intern_string (locale);
}

/**
 * prep_renderer_dup_figure_path:
 * @path: a figure's resource path, e.g. ".../figures/attention.svg"
 *
 * A figure's labels are in English; one with a variant for the renderer's
 * locale beside it (".../figures/attention.zh_TW.svg") is drawn from that.
 *
 * Returns: the resource path to draw @path from
 */
char *
prep_renderer_dup_figure_path (PrepRenderer *self,
                               const char   *path)
{
  const char *dot;
  g_autofree char *variant = NULL;

  g_return_val_if_fail (PREP_IS_RENDERER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (self->locale == NULL || g_str_equal (self->locale, "en") || !(dot = strrchr (path, '.')) ||
      strchr (dot, '/') != NULL)
    return g_strdup (path);

  variant = g_strdup_printf ("%.*s.%s%s", (int) (dot - path), path, self->locale, dot);
  if (g_resources_get_info (variant, 0, NULL, NULL, NULL))
    return g_steal_pointer (&variant);

  return g_strdup (path);
}

int
prep_renderer_get_max_image_width (PrepRenderer *self)
{
  g_return_val_if_fail (PREP_IS_RENDERER (self), 0);

  return self->max_image_width;
}

/**
 * prep_renderer_set_max_image_width:
 *
 * Wider images are scaled down to this many pixels.
 */
void
prep_renderer_set_max_image_width (PrepRenderer *self,
                                   int           width)
{
  g_return_if_fail (PREP_IS_RENDERER (self));

  width = MAX (width, 16);
  if (self->max_image_width == width)
    return;

  self->max_image_width = width;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MAX_IMAGE_WIDTH]);
}

int
prep_renderer_get_scale_factor (PrepRenderer *self)
{
  g_return_val_if_fail (PREP_IS_RENDERER (self), 1);

  return self->scale_factor;
}

/**
 * prep_renderer_set_scale_factor:
 *
 * Figures are rasterized at this many device pixels per logical pixel.
 */
void
prep_renderer_set_scale_factor (PrepRenderer *self,
                                int           scale_factor)
{
  g_return_if_fail (PREP_IS_RENDERER (self));

  scale_factor = CLAMP (scale_factor, 1, 16);
  if (self->scale_factor == scale_factor)
    return;

  self->scale_factor = scale_factor;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCALE_FACTOR]);
}

/**
 * prep_renderer_decode_figures_ahead:
 * @folder: resource folder of figures
 *
 * Starts decoding every figure of @folder in the worker thread, so that the
 * first answer with figures does not wait for them. The bundled answers'
 * code needs nothing ahead: its highlighting is read from a table made at
 * build time, and GtkSourceView is loaded for the first code the table does
 * not have (the user's own questions).
 */
void
prep_renderer_decode_figures_ahead (PrepRenderer *self,
                                    const char   *folder)
{
  g_return_if_fail (PREP_IS_RENDERER (self));
  g_return_if_fail (folder != NULL);

  _prep_render_decode_all (self, folder);
}

void
_prep_renderer_set_highlight_table (PrepRenderer *self,
                                    gboolean      use)
{
  self->highlight_table_off = !use;
}

guint
_prep_renderer_get_n_live_highlights (PrepRenderer *self)
{
  return self->n_live_highlights;
}

/* A line that opens or closes a fence: up to three spaces, then at least
 * three backticks or tildes. Returns the run's length, or 0. */
static gsize
fence_run (const char *line,
           const char *end,
           char       *fence_char)
{
  const char *p = line;
  gsize run = 0;

  while (p < end && *p == ' ' && p - line < 3)
    p++;
  if (p >= end || (*p != '`' && *p != '~'))
    return 0;

  *fence_char = *p;
  while (p + run < end && p[run] == *fence_char)
    run++;

  return run >= 3 ? run : 0;
}

/* Whether @line starts a list item: "-", "*" or "+", or up to nine digits
 * and "." or ")", then a space, a tab or the end of the line. */
static gboolean
is_list_item (const char *line,
              const char *end)
{
  const char *p = line;

  if (p < end && (*p == '-' || *p == '*' || *p == '+'))
    p++;
  else
    {
      while (p < end && g_ascii_isdigit (*p) && p - line < 9)
        p++;
      if (p == line || p >= end || (*p != '.' && *p != ')'))
        return FALSE;
      p++;
    }

  return p >= end || *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
}

/**
 * prep_renderer_section_end:
 * @markdown: a Markdown document
 * @length: its length in bytes
 * @start: where a section of it starts
 * @min_bytes: the section's least length
 *
 * Where the section starting at @start ends: at the first block that
 * starts at the top level at least @min_bytes after @start (a line at
 * column 0, after a blank line, outside fenced code, that does not start a
 * list item), or at @length. Such a line ends any paragraph, list, quote
 * or table before it (md4c continues a table through a heading line, not
 * through a blank line), so the sections of a document rendered one after
 * another give the same text and tags as the whole document rendered at
 * once: the answer view renders the first screen's worth at once and the
 * rest in later steps (issue 15).
 *
 * Returns: the offset of the next section's start
 */
gsize
prep_renderer_section_end (const char *markdown,
                           gsize       length,
                           gsize       start,
                           gsize       min_bytes)
{
  const char *end = markdown + length;
  const char *line = markdown + start;
  gsize fence = 0;
  char fence_char = 0;
  gboolean after_blank = FALSE;

  g_return_val_if_fail (markdown != NULL, length);

  while (line < end)
    {
      const char *eol = memchr (line, '\n', end - line);
      const char *next = eol ? eol + 1 : end;
      char c = 0;
      gsize run = fence_run (line, next, &c);
      gboolean blank = TRUE;

      for (const char *p = line; blank && p < next; p++)
        blank = *p == ' ' || *p == '\t' || *p == '\r' || *p == '\n';

      if (fence == 0 && after_blank && !blank && line[0] != ' ' && line[0] != '\t' &&
          !is_list_item (line, next) &&
          (gsize) (line - markdown) >= start + min_bytes && (gsize) (line - markdown) > start)
        return line - markdown;

      if (fence > 0)
        {
          const char *p = line;

          /* A closing fence: the same character, at least as many,
           * nothing but spaces after it. */
          while (p < next && *p == ' ')
            p++;
          p += run;
          while (p < next && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            p++;
          if (run >= fence && c == fence_char && p == next)
            fence = 0;
        }
      else if (run > 0)
        {
          fence = run;
          fence_char = c;
        }

      after_blank = fence == 0 && run == 0 && blank;
      line = next;
    }

  return length;
}

static void
collect_font_tag (GtkTextTag *tag,
                  gpointer    data)
{
  GPtrArray *tags = data;
  g_autoptr(PangoFontDescription) font = NULL;
  gboolean scale_set;

  g_object_get (tag, "font-desc", &font, "scale-set", &scale_set, NULL);
  if (scale_set || (font != NULL && pango_font_description_get_set_fields (font) != 0))
    g_ptr_array_add (tags, tag);
}

static int
compare_tag_priority (gconstpointer a,
                      gconstpointer b)
{
  return gtk_text_tag_get_priority (*(GtkTextTag **) a) - gtk_text_tag_get_priority (*(GtkTextTag **) b);
}

/* @font with the font properties of @tag, and @scale times its scale, as
 * GtkTextView applies them (the scale stays an attribute of the text). */
static void
apply_font_tag (PangoFontDescription *font,
                double               *scale,
                GtkTextTag           *tag)
{
  g_autoptr(PangoFontDescription) tag_font = NULL;
  gboolean scale_set;
  double tag_scale;

  g_object_get (tag, "font-desc", &tag_font, "scale-set", &scale_set, "scale", &tag_scale, NULL);
  if (tag_font != NULL)
    pango_font_description_merge (font, tag_font, TRUE);
  if (scale_set)
    *scale *= tag_scale;
}

/**
 * prep_renderer_dup_font_specimens:
 * @buffer: the buffer the renderer renders into
 * @context: the context of the view that shows @buffer
 *
 * A few characters in each font an answer is drawn in: the view's own
 * font, and that font as each tag that sets a family, weight, style or
 * size changes it, for Latin and for Chinese text. Laying them out
 * (pango_layout_get_size()) loads the fonts into the font map of
 * @context, as the first answer would otherwise do, waiting for
 * fontconfig and FreeType (issue 15). Fonts of tags that only code
 * highlighting adds are not in it.
 *
 * Returns: (transfer container) (element-type PangoLayout): the layouts,
 *   not yet laid out
 */
GPtrArray *
prep_renderer_dup_font_specimens (PrepRenderer  *self,
                                  GtkTextBuffer *buffer,
                                  PangoContext  *context)
{
  GtkTextTagTable *table;
  GtkTextTag *zh;
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *specimens = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PREP_IS_RENDERER (self), specimens);
  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), specimens);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), specimens);

  ensure_tags (self, buffer);
  table = gtk_text_buffer_get_tag_table (buffer);
  zh = gtk_text_tag_table_lookup (table, "zh");
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The body text first (no tag), then each tag's font. */
  gtk_text_tag_table_foreach (table, collect_font_tag, tags);
  g_ptr_array_sort (tags, compare_tag_priority);
  g_ptr_array_insert (tags, 0, NULL);

  for (guint i = 0; i < tags->len; i++)
    {
      GtkTextTag *tag = g_ptr_array_index (tags, i);

      if (tag == zh && zh != NULL)
        continue;

      for (guint chinese = 0; chinese <= 1; chinese++)
        {
          g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_context_get_font_description (context));
          g_autofree char *described = NULL;
          g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
          PangoLayout *layout;
          double scale = 1.0;

          /* The "zh" tag has the lowest priority: the others apply over it. */
          if (chinese && zh != NULL)
            apply_font_tag (font, &scale, zh);
          if (tag != NULL)
            apply_font_tag (font, &scale, tag);
          described = pango_font_description_to_string (font);
          if (!g_hash_table_add (seen, g_strdup_printf ("%s × %g, %s", described, scale,
                                                        chinese ? "zh" : "latin")))
            continue;

          layout = pango_layout_new (context);
          pango_layout_set_font_description (layout, font);
          if (scale != 1.0)
            pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
          if (chinese)
            {
              pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-tw")));
              /* "中文，" */
              pango_layout_set_text (layout, "\xe4\xb8\xad\xe6\x96\x87\xef\xbc\x8c", -1);
            }
          else
            pango_layout_set_text (layout, "Aa0", -1);
          pango_layout_set_attributes (layout, attrs);
          g_ptr_array_add (specimens, layout);
        }
    }

  return specimens;
}

/**
 * prep_renderer_lay_out_specimens:
 * @specimens: (element-type PangoLayout): layouts, as from
 *   prep_renderer_dup_font_specimens()
 * @deadline: a monotonic time (g_get_monotonic_time()) to stop at
 *
 * Lays out and removes specimens from the start of @specimens until
 * @deadline, at least one: for idle moments.
 *
 * Returns: %TRUE while specimens remain
 */
gboolean
prep_renderer_lay_out_specimens (GPtrArray *specimens,
                                 gint64     deadline)
{
  g_return_val_if_fail (specimens != NULL, FALSE);

  while (specimens->len > 0)
    {
      pango_layout_get_size (g_ptr_array_index (specimens, 0), NULL, NULL);
      g_ptr_array_remove_index (specimens, 0);
      if (g_get_monotonic_time () >= deadline)
        break;
    }

  return specimens->len > 0;
}

/**
 * prep_renderer_render:
 * @buffer: the buffer to render into
 * @iter: where; on return, the end of the rendered text
 * @markdown: CommonMark with GitHub tables, strikethrough, task lists and
 *   autolinks; raw HTML is not interpreted
 * @length: length of @markdown in bytes, or -1
 */
void
prep_renderer_render (PrepRenderer  *self,
                      GtkTextBuffer *buffer,
                      GtkTextIter   *iter,
                      const char    *markdown,
                      gssize         length)
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
  g_autofree char *valid = NULL;
  g_autofree char *padded = NULL;
  State st = { 0 };

  g_return_if_fail (PREP_IS_RENDERER (self));
  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));
  g_return_if_fail (iter != NULL);
  g_return_if_fail (markdown != NULL);

  if (length < 0)
    length = strlen (markdown);

  /* The buffer only takes UTF-8; content is validated on load, but
   * anything else still renders, with U+FFFD for bad bytes. */
  if (!g_utf8_validate_len (markdown, length, NULL))
    {
      valid = g_utf8_make_valid (markdown, length);
      markdown = valid;
      length = strlen (valid);
    }

  /* md4c reads, and reports, a few bytes past the end of what it is given
   * for some inputs, so what it reads there depends on memory that is not
   * the document's (fuzz-render found it, not reproducibly): it reads a
   * copy followed by zeros. A section of an answer is not followed by a
   * NUL of its own either. */
  padded = g_malloc0 (length + MD_PADDING + 1);
  memcpy (padded, markdown, length);
  markdown = padded;

  ensure_tags (self, buffer);
  update_colors (self, gtk_text_buffer_get_tag_table (buffer));

  st.self = self;
  st.doc = markdown;
  st.doc_end = markdown + length;
  st.buffer = buffer;
  st.mark = gtk_text_buffer_create_mark (buffer, NULL, iter, FALSE);
  st.run = g_string_new (NULL);
  st.run_base = gtk_text_iter_get_offset (iter);
  st.last_char = (gunichar) -1;
  st.ranges = g_array_new (FALSE, FALSE, sizeof (PrepRenderRange));
  st.inline_budget = MAX_INLINE_RANGES;
  st.blocks = g_array_new (FALSE, FALSE, sizeof (Frame));
  st.spans = g_array_new (FALSE, FALSE, sizeof (int));
  st.links = g_ptr_array_new_with_free_func (g_free);
  st.cell_spans = g_array_new (FALSE, FALSE, sizeof (MD_SPANTYPE));

  md_parse (markdown, length, &parser, &st);
  _prep_render_flush (&st);

  gtk_text_buffer_get_iter_at_mark (buffer, iter, st.mark);
  gtk_text_buffer_delete_mark (buffer, st.mark);

  if (st.code != NULL)
    g_string_free (st.code, TRUE);
  if (st.alt != NULL)
    g_string_free (st.alt, TRUE);
  g_free (st.code_lang);
  g_free (st.image_src);
  g_string_free (st.run, TRUE);
  g_array_unref (st.ranges);
  g_array_unref (st.blocks);
  g_array_unref (st.spans);
  g_ptr_array_unref (st.links);
  g_array_unref (st.cell_spans);
  if (st.cell != NULL)
    g_string_free (st.cell, TRUE);
  g_clear_pointer (&st.table, prep_render_table_unref);
}
