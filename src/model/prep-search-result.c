/* prep-search-result.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-search-result"

#include "config.h"

#include <string.h>

#include "prep-search-private.h"
#include "prep-text-match.h"

/* About a line of a results list: the snippet shows SNIPPET_LENGTH
 * characters, starting SNIPPET_CONTEXT characters before the first match. */
#define SNIPPET_LENGTH  100
#define SNIPPET_CONTEXT 30
#define WORD_CUT_MAX    12

typedef struct
{
  guint start;
  guint end;
} Range;

struct _PrepSearchResult
{
  GObject          parent_instance;

  /* Owned references */
  PrepQuestion    *question;
  GPtrArray       *terms;       /* the query's folded terms, shared */
  GHashTable      *fold_cache;  /* the search's, shared */
  char            *note;        /* the note when searched, for note results */

  const char      *locale;      /* interned */
  PrepSearchField  field;

  /* Made on first use, since most results are never shown. */
  char            *snippet;
  char            *snippet_markup;
};

G_DEFINE_ENUM_TYPE (PrepSearchField, prep_search_field,
  G_DEFINE_ENUM_VALUE (PREP_SEARCH_FIELD_TITLE, "title"),
  G_DEFINE_ENUM_VALUE (PREP_SEARCH_FIELD_ANSWER, "answer"),
  G_DEFINE_ENUM_VALUE (PREP_SEARCH_FIELD_NOTE, "note"))

G_DEFINE_FINAL_TYPE (PrepSearchResult, prep_search_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_QUESTION,
  PROP_FIELD,
  PROP_SNIPPET,
  PROP_SNIPPET_MARKUP,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *x = a;
  const Range *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->end > y->end) - (x->end < y->end);
}

/* Returns: (element-type Range): every match of every term in @text, in
 * characters, sorted, overlapping matches merged */
static GArray *
find_ranges (PrepSearchResult *self,
             const char       *text)
{
  g_autoptr(GArray) char_map = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) folded = g_string_new (NULL);
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  guint merged = 0;

  prep_text_fold_append (self->fold_cache, folded, text, -1, char_map);

  for (guint i = 0; i < self->terms->len; i++)
    {
      const char *term = g_ptr_array_index (self->terms, i);
      gsize length = strlen (term);

      for (const char *p = strstr (folded->str, term); p != NULL; p = strstr (p + length, term))
        {
          gsize first = p - folded->str;
          Range range = {
            g_array_index (char_map, guint, first),
            g_array_index (char_map, guint, first + length - 1) + 1,
          };

          g_array_append_val (ranges, range);
        }
    }

  g_array_sort (ranges, compare_ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      Range *range = &g_array_index (ranges, Range, i);
      Range *last = merged > 0 ? &g_array_index (ranges, Range, merged - 1) : NULL;

      if (last != NULL && range->start <= last->end)
        last->end = MAX (last->end, range->end);
      else
        g_array_index (ranges, Range, merged++) = *range;
    }
  g_array_set_size (ranges, merged);

  return ranges;
}

static inline gboolean
is_word_char (gunichar c)
{
  /* Latin words are not cut in half; other scripts may be cut anywhere. */
  return c < 0x250 && g_unichar_isalnum (c);
}

static void
append_chars (GString        *plain,
              GString        *markup,
              const gunichar *chars,
              guint           start,
              guint           end,
              gboolean        emphasis)
{
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  if (start >= end)
    return;

  text = g_ucs4_to_utf8 (chars + start, end - start, NULL, NULL, NULL);
  escaped = g_markup_escape_text (text, -1);

  g_string_append (plain, text);
  if (emphasis)
    g_string_append_printf (markup, "<b>%s</b>", escaped);
  else
    g_string_append (markup, escaped);
}

static void
ensure_snippet (PrepSearchResult *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ranges = NULL;
  g_autofree gunichar *chars = NULL;
  g_autoptr(GString) plain = NULL;
  g_autoptr(GString) markup = NULL;
  const char *text = NULL;
  guint first_start = 0;
  guint first_end = 0;
  guint start = 0;
  guint end;
  guint position;
  glong n_chars = 0;

  if (self->snippet != NULL)
    return;

  if (self->field == PREP_SEARCH_FIELD_NOTE)
    {
      if (self->note != NULL)
        g_ptr_array_add (parts, _prep_search_dup_plain (self->note, FALSE));
    }
  else
    {
      _prep_search_collect_parts (self->question, self->field, self->locale, parts);
    }

  /* The first part with a match, preferring the UI's locale. */
  for (guint i = 0; i < parts->len && text == NULL; i++)
    {
      g_clear_pointer (&ranges, g_array_unref);
      ranges = find_ranges (self, g_ptr_array_index (parts, i));
      if (ranges->len > 0)
        text = g_ptr_array_index (parts, i);
    }

  /* Should nothing match after all, the beginning of the field. */
  if (text == NULL)
    {
      g_clear_pointer (&ranges, g_array_unref);
      ranges = g_array_new (FALSE, FALSE, sizeof (Range));
      text = parts->len > 0 ? g_ptr_array_index (parts, 0) : "";
    }
  else
    {
      first_start = g_array_index (ranges, Range, 0).start;
      first_end = g_array_index (ranges, Range, 0).end;
    }

  chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  end = n_chars;

  if (n_chars > SNIPPET_LENGTH)
    {
      start = first_start > SNIPPET_CONTEXT ? first_start - SNIPPET_CONTEXT : 0;
      end = MIN ((guint) n_chars, start + SNIPPET_LENGTH);
      if (end - start < SNIPPET_LENGTH)
        start = end - SNIPPET_LENGTH;
      end = MAX (end, first_end);

      if (start > 0 && is_word_char (chars[start - 1]))
        {
          guint s = start;

          while (s < first_start && s - start < WORD_CUT_MAX && is_word_char (chars[s]))
            s++;
          if (!is_word_char (chars[s]))
            start = s;
        }
      if (end < (guint) n_chars && is_word_char (chars[end]))
        {
          guint e = end;

          while (e > first_end && end - e < WORD_CUT_MAX && is_word_char (chars[e - 1]))
            e--;
          if (e > start && !is_word_char (chars[e - 1]))
            end = e;
        }

      while (start < first_start && g_unichar_isspace (chars[start]))
        start++;
      while (end > first_end && end > start && g_unichar_isspace (chars[end - 1]))
        end--;
    }

  plain = g_string_new (start > 0 ? "…" : "");
  markup = g_string_new (plain->str);
  position = start;

  for (guint i = 0; i < ranges->len; i++)
    {
      const Range *range = &g_array_index (ranges, Range, i);
      guint match_start = CLAMP (range->start, position, end);
      guint match_end = CLAMP (range->end, match_start, end);

      append_chars (plain, markup, chars, position, match_start, FALSE);
      append_chars (plain, markup, chars, match_start, match_end, TRUE);
      position = match_end;
    }
  append_chars (plain, markup, chars, position, end, FALSE);

  if (end < (guint) n_chars)
    {
      g_string_append (plain, "…");
      g_string_append (markup, "…");
    }

  self->snippet = g_string_free (g_steal_pointer (&plain), FALSE);
  self->snippet_markup = g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
prep_search_result_finalize (GObject *object)
{
  PrepSearchResult *self = (PrepSearchResult *)object;

  g_clear_object (&self->question);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->fold_cache, g_hash_table_unref);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->snippet_markup, g_free);

  G_OBJECT_CLASS (prep_search_result_parent_class)->finalize (object);
}

static void
prep_search_result_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PrepSearchResult *self = PREP_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    case PROP_FIELD:
      g_value_set_enum (value, self->field);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, prep_search_result_get_snippet (self));
      break;

    case PROP_SNIPPET_MARKUP:
      g_value_take_string (value, prep_search_result_dup_snippet_markup (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_search_result_class_init (PrepSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = prep_search_result_finalize;
  object_class->get_property = prep_search_result_get_property;

  properties [PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, PREP_TYPE_QUESTION, flags);

  properties [PROP_FIELD] =
    g_param_spec_enum ("field", NULL, NULL,
                       PREP_TYPE_SEARCH_FIELD, PREP_SEARCH_FIELD_TITLE, flags);

  /**
   * PrepSearchResult:snippet:
   *
   * About a hundred characters of plain text around the first match in
   * the result's field, with "…" where cut.
   */
  properties [PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL, flags);

  /**
   * PrepSearchResult:snippet-markup:
   *
   * The snippet as Pango markup, the matches in bold.
   */
  properties [PROP_SNIPPET_MARKUP] =
    g_param_spec_string ("snippet-markup", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prep_search_result_init (PrepSearchResult *self)
{
}

PrepSearchResult *
_prep_search_result_new (PrepQuestion    *question,
                         PrepSearchField  field,
                         GPtrArray       *terms,
                         GHashTable      *fold_cache,
                         const char      *locale,
                         const char      *note)
{
  PrepSearchResult *self;

  g_return_val_if_fail (PREP_IS_QUESTION (question), NULL);
  g_return_val_if_fail (terms != NULL, NULL);

  self = g_object_new (PREP_TYPE_SEARCH_RESULT, NULL);
  self->question = g_object_ref (question);
  self->field = field;
  self->terms = g_ptr_array_ref (terms);
  self->fold_cache = fold_cache ? g_hash_table_ref (fold_cache) : NULL;
  self->locale = g_intern_string (locale);
  self->note = note ? g_utf8_make_valid (note, -1) : NULL;

  return self;
}

PrepQuestion *
prep_search_result_get_question (PrepSearchResult *self)
{
  g_return_val_if_fail (PREP_IS_SEARCH_RESULT (self), NULL);

  return self->question;
}

PrepSearchField
prep_search_result_get_field (PrepSearchResult *self)
{
  g_return_val_if_fail (PREP_IS_SEARCH_RESULT (self), PREP_SEARCH_FIELD_TITLE);

  return self->field;
}

/**
 * prep_search_result_get_snippet:
 *
 * Returns: the text around the first match in the result's field, plain
 */
const char *
prep_search_result_get_snippet (PrepSearchResult *self)
{
  g_return_val_if_fail (PREP_IS_SEARCH_RESULT (self), NULL);

  ensure_snippet (self);

  return self->snippet;
}

/**
 * prep_search_result_dup_snippet_markup:
 *
 * Returns: (transfer full): the snippet as Pango markup, with `<b>`
 *   around the matches
 */
char *
prep_search_result_dup_snippet_markup (PrepSearchResult *self)
{
  g_return_val_if_fail (PREP_IS_SEARCH_RESULT (self), NULL);

  ensure_snippet (self);

  return g_strdup (self->snippet_markup);
}
