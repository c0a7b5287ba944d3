/* prep-highlight.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-renderer"

#include <string.h>

#include "prep-highlight.h"

/**
 * prep_highlight_lookup_language:
 * @lang: a code block's language as its fence names it
 *
 * Returns: (transfer none) (nullable): the language that highlights it
 */
GtkSourceLanguage *
prep_highlight_lookup_language (GtkSourceLanguageManager *manager,
                                const char               *lang)
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

  if (!(language = gtk_source_language_manager_get_language (manager, lower)))
    {
      guess_name = g_strdup_printf ("file.%s", lower);
      language = gtk_source_language_manager_guess_language (manager, guess_name, NULL);
    }

  /* Hidden languages (such as "def") are building blocks of others, not
   * meant to highlight a buffer of their own: highlighting with one
   * crashes GtkSourceView. Such code is shown plain. */
  if (language != NULL && gtk_source_language_get_hidden (language))
    return NULL;

  return language;
}

gboolean
prep_highlight_has_long_line (const char *code)
{
  for (const char *line = code; line != NULL && *line; )
    {
      const char *end = strchr (line, '\n');
      gsize len = end ? (gsize) (end - line) : strlen (line);

      if (len > PREP_HIGHLIGHT_MAX_LINE)
        return TRUE;
      line = end ? end + 1 : NULL;
    }

  return FALSE;
}

/* Highlighting costs the highlighter's time in the length of the code and
 * of its longest line: generated or minified code is shown plain. */
gboolean
prep_highlight_is_too_big (const char *code)
{
  return strlen (code) > PREP_HIGHLIGHT_MAX_CODE || prep_highlight_has_long_line (code);
}

static void
style_free (gpointer data)
{
  PrepHighlightStyle *style = data;

  g_free (style->color);
  g_free (style);
}

/**
 * prep_highlight_styles_new:
 *
 * Returns: (transfer full) (element-type PrepHighlightStyle): an empty
 *   list of styles for prep_highlight_compute()
 */
GPtrArray *
prep_highlight_styles_new (void)
{
  return g_ptr_array_new_with_free_func (style_free);
}

/* The name of a style's tag in a rendered buffer: equal styles share it. */
char *
prep_highlight_style_name (const PrepHighlightStyle *style)
{
  return g_strdup_printf ("hl:%s:%d:%d:%d", style->color ? style->color : "",
                          style->weight, style->style, style->underline);
}

/* The index of the style the highlighting engine's @tag draws with, added
 * to @styles if it is new; -1 if the tag changes nothing we copy. */
static int
intern_style (GPtrArray  *styles,
              GtkTextTag *tag)
{
  g_autoptr(GdkRGBA) foreground = NULL;
  gboolean foreground_set, weight_set, style_set, underline_set;
  PrepHighlightStyle style = { NULL, 0, -1, -1 };
  g_autofree char *color = NULL;
  PangoUnderline underline;
  PangoStyle slant;
  int weight;

  g_object_get (tag,
                "foreground-set", &foreground_set, "foreground-rgba", &foreground,
                "weight-set", &weight_set, "weight", &weight,
                "style-set", &style_set, "style", &slant,
                "underline-set", &underline_set, "underline", &underline,
                NULL);

  if (foreground_set && foreground != NULL)
    style.color = color = gdk_rgba_to_string (foreground);
  if (weight_set)
    style.weight = weight;
  if (style_set)
    style.style = slant;
  if (underline_set)
    style.underline = underline;

  if (style.color == NULL && style.weight == 0 && style.style == -1 && style.underline == -1)
    return -1;

  for (guint i = 0; i < styles->len; i++)
    {
      PrepHighlightStyle *known = g_ptr_array_index (styles, i);

      if (g_strcmp0 (known->color, style.color) == 0 && known->weight == style.weight &&
          known->style == style.style && known->underline == style.underline)
        return i;
    }

  style.color = g_steal_pointer (&color);
  g_ptr_array_add (styles, g_memdup2 (&style, sizeof style));

  return styles->len - 1;
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
 * prep_highlight_compute:
 * @styles: (element-type PrepHighlightStyle): where the spans' styles go
 *
 * Highlights @code with GtkSourceView, as the light or dark Adwaita scheme
 * draws it, without more than %PREP_HIGHLIGHT_MAX_PER_LINE spans beginning
 * on a line (each tag costs time in the number of tags already on its
 * line: a hostile line of thousands of tokens is left plain after them).
 *
 * Returns: (transfer full) (element-type PrepHighlightSpan): the spans
 */
GArray *
prep_highlight_compute (GtkSourceLanguage *language,
                        gboolean           dark,
                        const char        *code,
                        GPtrArray         *styles)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (PrepHighlightSpan));
  GtkSourceBuffer *source_buffer = source_buffer_for (language, dark);
  GtkTextBuffer *source = GTK_TEXT_BUFFER (source_buffer);
  GtkTextIter iter, end;
  guint n_on_line = 0;
  int line_seen = -1;

  gtk_text_buffer_set_text (source, code, -1);
  gtk_text_buffer_get_bounds (source, &iter, &end);
  gtk_source_buffer_ensure_highlight (source_buffer, &iter, &end);

  while (!gtk_text_iter_is_end (&iter))
    {
      GtkTextIter next = iter;
      GSList *tags = gtk_text_iter_get_tags (&iter);
      int line = gtk_text_iter_get_line (&iter);

      gtk_text_iter_forward_to_tag_toggle (&next, NULL);

      if (line != line_seen)
        {
          line_seen = line;
          n_on_line = 0;
        }

      for (GSList *l = tags; l && n_on_line < PREP_HIGHLIGHT_MAX_PER_LINE; l = l->next)
        {
          int style = intern_style (styles, l->data);

          if (style >= 0)
            {
              PrepHighlightSpan span = {
                gtk_text_iter_get_offset (&iter), gtk_text_iter_get_offset (&next), style
              };

              g_array_append_val (spans, span);
              n_on_line++;
            }
        }

      g_slist_free (tags);
      iter = next;
    }

  gtk_text_buffer_set_text (source, "", 0);

  return spans;
}

/**
 * prep_highlight_key:
 *
 * The key of a code block in the table: the SHA-256 of its language as
 * written and its code.
 */
void
prep_highlight_key (const char *lang,
                    const char *code,
                    guint8      key[PREP_HIGHLIGHT_KEY_LENGTH])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize length = PREP_HIGHLIGHT_KEY_LENGTH;

  lang = lang ? lang : "";
  g_checksum_update (checksum, (const guchar *) lang, strlen (lang) + 1);
  g_checksum_update (checksum, (const guchar *) code, strlen (code));
  g_checksum_get_digest (checksum, key, &length);
}

/* The table */

struct _PrepHighlightTable
{
  GVariant  *entries;
  GPtrArray *styles;
};

/**
 * prep_highlight_table_new:
 * @bytes: a table of %PREP_HIGHLIGHT_TABLE_TYPE, as the build writes it
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error set
 *   if @bytes is not one
 */
PrepHighlightTable *
prep_highlight_table_new (GBytes  *bytes,
                          GError **error)
{
  g_autoptr(PrepHighlightTable) table = g_new0 (PrepHighlightTable, 1);
  g_autoptr(GVariant) root = NULL;
  g_autoptr(GVariant) styles = NULL;
  guint32 version;

  /* Not trusted: GVariant reads a value that is not in normal form as
   * defaults (empty arrays, zeros) instead of past its bytes, and every
   * span is checked when looked up. Checking the whole table's form
   * first cost some 5 ms of the first answer with code. */
  root = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (PREP_HIGHLIGHT_TABLE_TYPE), bytes, FALSE));

  /* Written little-endian, whatever the machine that built it. */
  if (G_BYTE_ORDER == G_BIG_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (root);

      g_variant_unref (root);
      root = swapped;
    }

  g_variant_get_child (root, 0, "u", &version);
  if (version != PREP_HIGHLIGHT_TABLE_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "code highlighting table version %u, not %u", version, PREP_HIGHLIGHT_TABLE_VERSION);
      return NULL;
    }

  table->styles = prep_highlight_styles_new ();
  styles = g_variant_get_child_value (root, 1);
  for (gsize i = 0; i < g_variant_n_children (styles); i++)
    {
      PrepHighlightStyle style;
      const char *color;
      GdkRGBA rgba;

      g_variant_get_child (styles, i, "(&siii)", &color, &style.weight, &style.style, &style.underline);
      if ((color[0] && !gdk_rgba_parse (&rgba, color)) ||
          (style.weight != 0 && (style.weight < 100 || style.weight > 1000)) ||
          style.style < -1 || style.style > PANGO_STYLE_ITALIC ||
          style.underline < -1 || style.underline > PANGO_UNDERLINE_ERROR_LINE)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "code highlighting style %zu is not one", i);
          return NULL;
        }
      style.color = color[0] ? g_strdup (color) : NULL;
      g_ptr_array_add (table->styles, g_memdup2 (&style, sizeof style));
    }

  table->entries = g_variant_get_child_value (root, 2);

  return g_steal_pointer (&table);
}

void
prep_highlight_table_free (PrepHighlightTable *table)
{
  g_clear_pointer (&table->entries, g_variant_unref);
  g_clear_pointer (&table->styles, g_ptr_array_unref);
  g_free (table);
}

static int
compare_key (GVariant     *entry,
             const guint8 *key)
{
  g_autoptr(GVariant) value = g_variant_get_child_value (entry, 0);
  gsize length;
  const guint8 *bytes = g_variant_get_fixed_array (value, &length, 1);

  if (length != PREP_HIGHLIGHT_KEY_LENGTH)
    return length < PREP_HIGHLIGHT_KEY_LENGTH ? -1 : 1;

  return memcmp (bytes, key, PREP_HIGHLIGHT_KEY_LENGTH);
}

/**
 * prep_highlight_table_lookup:
 *
 * Returns: (transfer full) (nullable) (element-type PrepHighlightSpan): the
 *   spans recorded for @code in @lang (none for code that its language
 *   leaves plain, or that has no language), or %NULL if the table does
 *   not know this code, or knows it wrongly (a span outside the code)
 */
GArray *
prep_highlight_table_lookup (PrepHighlightTable *table,
                             const char         *lang,
                             const char         *code,
                             gboolean            dark)
{
  guint8 key[PREP_HIGHLIGHT_KEY_LENGTH];
  gsize low = 0, high = g_variant_n_children (table->entries);

  prep_highlight_key (lang, code, key);

  while (low < high)
    {
      gsize middle = low + (high - low) / 2;
      g_autoptr(GVariant) entry = g_variant_get_child_value (table->entries, middle);
      int order = compare_key (entry, key);

      if (order < 0)
        low = middle + 1;
      else if (order > 0)
        high = middle;
      else
        {
          g_autoptr(GVariant) recorded = g_variant_get_child_value (entry, dark ? 2 : 1);
          gsize n_spans;
          const guint32 *values = g_variant_get_fixed_array (recorded, &n_spans, 3 * sizeof (guint32));
          glong n_chars = g_utf8_strlen (code, -1);
          GArray *spans;

          if (n_spans > (gsize) n_chars * PREP_HIGHLIGHT_MAX_PER_LINE)
            return NULL;

          spans = g_array_sized_new (FALSE, FALSE, sizeof (PrepHighlightSpan), n_spans);
          for (gsize i = 0; i < n_spans; i++)
            {
              PrepHighlightSpan span = {
                values[3 * i], values[3 * i + 1], values[3 * i + 2]
              };

              if (span.start >= span.end || span.end > (guint) n_chars || span.style >= table->styles->len)
                {
                  g_array_unref (spans);
                  return NULL;
                }
              g_array_append_val (spans, span);
            }

          return spans;
        }
    }

  return NULL;
}

const PrepHighlightStyle *
prep_highlight_table_get_style (PrepHighlightTable *table,
                                guint               index)
{
  g_return_val_if_fail (index < table->styles->len, NULL);

  return g_ptr_array_index (table->styles, index);
}
