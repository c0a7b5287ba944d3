/* prep-search.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-search"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "prep-search-private.h"
#include "prep-text-match.h"

/* Search over the questions, their answers and the user's notes, in every
 * content locale, with the matching of prep_text_find_all(): NFKC, case
 * folded, and no notion of words, since Chinese has none.
 *
 * The text is folded once, when indexing: the question texts of all
 * questions back to back in one string, the answers in another, each note
 * on its own. Next to each question's text is a small bit set of the
 * hashes of its characters and pairs of characters. A term can only occur
 * where all of its characters and pairs do, so a few bit tests rule out
 * most questions; strstr() confirms the others, and one strstr() that runs
 * past a question tells the next questions where the next match is.
 * Pairs, not words, because Chinese has no spaces. */

#define MIN_FILTER_BITS 64
#define MAX_FILTER_BITS 32768

/* The question texts, or the answers, of all questions back to back, so
 * that one strstr() can serve many questions. */
typedef struct
{
  char    *text;           /* folded; every part of a question ends in "\n" */
  gsize   *starts;         /* where each question's text starts, then the end */
  guint64 *filters;
  gsize   *filter_starts;  /* where each question's filter starts, in words */
} Column;

/* A note: on its own, since notes change. */
typedef struct
{
  char    *text;           /* folded; NULL when there is no note */
  guint64 *filter;
  guint    filter_mask;    /* the number of bits in @filter, minus one */
} Slot;

typedef struct
{
  const char *text;
  gsize       length;
  guint32    *hashes;
  guint       n_hashes;
} Term;

struct _PrepSearch
{
  GObject       parent_instance;

  /* Owned references */
  PrepLibrary  *library;
  PrepUserData *user_data;
  GListModel   *questions_model;

  GHashTable   *fold_cache;
  GPtrArray    *questions;   /* PrepQuestion, in library order */
  GHashTable   *positions;   /* question id → position + 1 */
  Column        columns[PREP_SEARCH_FIELD_NOTE];
  Slot         *notes;       /* one per question */

  gulong        items_changed_id;
  gulong        user_data_changed_id;
  guint         stale : 1;
};

G_DEFINE_FINAL_TYPE (PrepSearch, prep_search, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_USER_DATA,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static inline guint32
hash_pair (gunichar a,
           gunichar b)
{
  guint32 h = (a * 0x9E3779B1u) ^ (b * 0x85EBCA77u);

  h ^= h >> 15;
  h *= 0x2C1B3C6Du;
  h ^= h >> 12;
  h *= 0x297A2D39u;
  h ^= h >> 15;

  return h;
}

/* Writes the hash of each character of @text and of each pair of adjacent
 * characters to @hashes, which has room for twice @length. A lone
 * character is paired with U+0000, which no text contains.
 *
 * Returns: the number of hashes written */
static guint
hash_text (const char *text,
           gsize       length,
           guint32    *hashes)
{
  const char *end = text + length;
  gunichar previous = 0;
  guint n = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      hashes[n++] = hash_pair (0, c);
      if (previous != 0)
        hashes[n++] = hash_pair (previous, c);
      previous = c;
    }

  return n;
}

/* Returns: how many 64-bit words the filter of @length bytes of text
 * needs. About two bits a byte keeps filters under a quarter full. */
static guint
filter_words_for (gsize length)
{
  guint n_bits = MIN_FILTER_BITS;

  if (length == 0)
    return 0;

  while (n_bits < MAX_FILTER_BITS && n_bits < length * 2)
    n_bits *= 2;

  return n_bits / 64;
}

static void
fill_filter (guint64    *filter,
             guint       n_words,
             const char *text,
             gsize       length)
{
  g_autofree guint32 *hashes = g_new (guint32, 2 * length);
  guint mask = n_words * 64 - 1;
  guint n_hashes = hash_text (text, length, hashes);

  for (guint i = 0; i < n_hashes; i++)
    filter[(hashes[i] & mask) >> 6] |= G_GUINT64_CONSTANT (1) << (hashes[i] & 63);
}

static inline gboolean
filter_may_contain (const guint64 *filter,
                    guint          mask,
                    const Term    *term)
{
  for (guint i = 0; i < term->n_hashes; i++)
    {
      guint bit = term->hashes[i] & mask;

      if ((filter[bit >> 6] & (G_GUINT64_CONSTANT (1) << (bit & 63))) == 0)
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  GString *text;
  GArray  *starts;
  GArray  *filters;
  GArray  *filter_starts;
} ColumnBuilder;

static void
column_builder_init (ColumnBuilder *builder)
{
  builder->text = g_string_new (NULL);
  builder->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  builder->filters = g_array_new (FALSE, TRUE, sizeof (guint64));
  builder->filter_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
}

static void
column_builder_add (ColumnBuilder *builder,
                    GHashTable    *fold_cache,
                    GPtrArray     *parts)
{
  gsize start = builder->text->len;
  gsize filter_start = builder->filters->len;
  guint n_words;

  for (guint i = 0; i < parts->len; i++)
    {
      prep_text_fold_append (fold_cache, builder->text, g_ptr_array_index (parts, i), -1, NULL);
      g_string_append_c (builder->text, '\n');
    }

  g_array_append_val (builder->starts, start);
  g_array_append_val (builder->filter_starts, filter_start);

  if ((n_words = filter_words_for (builder->text->len - start)) > 0)
    {
      g_array_set_size (builder->filters, filter_start + n_words);
      fill_filter (&g_array_index (builder->filters, guint64, filter_start), n_words,
                   builder->text->str + start, builder->text->len - start);
    }
}

static void
column_builder_finish (ColumnBuilder *builder,
                       Column        *column)
{
  gsize length = builder->text->len;
  gsize n_words = builder->filters->len;

  g_array_append_val (builder->starts, length);
  g_array_append_val (builder->filter_starts, n_words);

  /* Built once, kept long: give back what growing left over. */
  column->text = g_realloc (g_string_free (builder->text, FALSE), length + 1);
  column->starts = (gsize *) (gpointer) g_array_free (builder->starts, FALSE);
  column->filters = (guint64 *) (gpointer) g_array_free (builder->filters, FALSE);
  column->filter_starts = (gsize *) (gpointer) g_array_free (builder->filter_starts, FALSE);
}

static void
column_clear (Column *column)
{
  g_clear_pointer (&column->text, g_free);
  g_clear_pointer (&column->starts, g_free);
  g_clear_pointer (&column->filters, g_free);
  g_clear_pointer (&column->filter_starts, g_free);
}

static void
slot_clear (Slot *slot)
{
  g_clear_pointer (&slot->text, g_free);
  g_clear_pointer (&slot->filter, g_free);
  slot->filter_mask = 0;
}

static void
index_note (PrepSearch *self,
            guint       position)
{
  PrepQuestion *question = g_ptr_array_index (self->questions, position);
  Slot *slot = &self->notes[position];
  const char *note = NULL;

  slot_clear (slot);

  if (self->user_data != NULL)
    note = prep_user_data_get_note (self->user_data, prep_question_get_id (question));

  if (note != NULL && *note != '\0')
    {
      g_autofree char *valid = g_utf8_make_valid (note, -1);
      g_autofree char *plain = _prep_search_dup_plain (valid, FALSE);
      GString *folded = g_string_sized_new (strlen (plain));
      guint n_words;

      prep_text_fold_append (self->fold_cache, folded, plain, -1, NULL);
      if ((n_words = filter_words_for (folded->len)) > 0)
        {
          slot->filter = g_new0 (guint64, n_words);
          slot->filter_mask = n_words * 64 - 1;
          fill_filter (slot->filter, n_words, folded->str, folded->len);
          slot->text = g_string_free (folded, FALSE);
        }
      else
        {
          g_string_free (folded, TRUE);
        }
    }
}

static void
clear_index (PrepSearch *self)
{
  if (self->notes != NULL)
    {
      for (guint i = 0; i < self->questions->len; i++)
        slot_clear (&self->notes[i]);
      g_clear_pointer (&self->notes, g_free);
    }

  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    column_clear (&self->columns[i]);

  /* Replaced, not emptied: result lists still hold the old one. */
  g_hash_table_remove_all (self->positions);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  self->questions = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
rebuild (PrepSearch *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  ColumnBuilder builders[G_N_ELEMENTS (self->columns)];
  guint n;

  clear_index (self);
  self->stale = FALSE;

  n = self->questions_model ? g_list_model_get_n_items (self->questions_model) : 0;
  self->notes = g_new0 (Slot, n);
  for (guint i = 0; i < G_N_ELEMENTS (builders); i++)
    column_builder_init (&builders[i]);

  for (guint i = 0; i < n; i++)
    {
      PrepQuestion *question = g_list_model_get_item (self->questions_model, i);

      g_ptr_array_add (self->questions, question);
      g_hash_table_insert (self->positions,
                           (char *) prep_question_get_id (question),
                           GUINT_TO_POINTER (i + 1));

      for (PrepSearchField field = 0; field < G_N_ELEMENTS (builders); field++)
        {
          g_ptr_array_set_size (parts, 0);
          _prep_search_collect_parts (question, field, NULL, parts);
          column_builder_add (&builders[field], self->fold_cache, parts);
        }

      index_note (self, i);
    }

  for (guint i = 0; i < G_N_ELEMENTS (builders); i++)
    column_builder_finish (&builders[i], &self->columns[i]);
}

static void
items_changed_cb (PrepSearch *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  /* Libraries change all at once, when loaded: index again when asked. */
  self->stale = TRUE;
}

static void
user_data_changed_cb (PrepSearch   *self,
                      const char   *question_id,
                      PrepUserData *user_data)
{
  gpointer position;

  if (!self->stale && question_id != NULL &&
      (position = g_hash_table_lookup (self->positions, question_id)))
    index_note (self, GPOINTER_TO_UINT (position) - 1);
}

static GPtrArray *
split_terms (const char *query)
{
  g_autofree char *valid = g_utf8_make_valid (query, -1);
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  const char *p = valid;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      for (start = p; *p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)); )
        p = g_utf8_next_char (p);

      if (p > start)
        {
          GString *folded = g_string_new (NULL);

          prep_text_fold_append (NULL, folded, start, p - start, NULL);
          if (folded->len > 0 &&
              !g_ptr_array_find_with_equal_func (terms, folded->str, g_str_equal, NULL))
            g_ptr_array_add (terms, g_string_free (folded, FALSE));
          else
            g_string_free (folded, TRUE);
        }
    }

  return terms;
}

/* Finds which of the questions at @pending contain @term in @column, and
 * sets their @fields. Questions are in library order, so a strstr() that
 * ran past a question's end tells the following questions where the next
 * match is: the text is scanned at most once.
 *
 * Returns: how many questions are left in @pending, the others */
static guint
match_column (const Column    *column,
              const Term      *term,
              PrepSearchField  field,
              guint           *pending,
              guint            n_pending,
              gint8           *fields)
{
  gboolean scanned = FALSE;
  gsize hit = 0;
  guint kept = 0;

  for (guint i = 0; i < n_pending; i++)
    {
      guint position = pending[i];
      gsize start = column->starts[position];
      gsize filter_start = column->filter_starts[position];
      guint n_words = column->filter_starts[position + 1] - filter_start;

      if (n_words > 0 && filter_may_contain (column->filters + filter_start, n_words * 64 - 1, term))
        {
          if (!scanned || hit < start)
            {
              const char *found = strstr (column->text + start, term->text);

              hit = found ? (gsize) (found - column->text) : G_MAXSIZE;
              scanned = TRUE;
            }

          if (hit < column->starts[position + 1])
            {
              fields[position] = field;
              continue;
            }
        }

      pending[kept++] = position;
    }

  return kept;
}

static int
compare_terms_longest_first (gconstpointer a,
                             gconstpointer b)
{
  const Term *x = a;
  const Term *y = b;

  return (y->length > x->length) - (y->length < x->length);
}

static int
compare_keys (const void *a,
              const void *b)
{
  guint64 x = *(const guint64 *) a;
  guint64 y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

static void
prep_search_constructed (GObject *object)
{
  PrepSearch *self = (PrepSearch *)object;

  G_OBJECT_CLASS (prep_search_parent_class)->constructed (object);

  if (self->library != NULL)
    {
      self->questions_model = g_object_ref (prep_library_get_questions (self->library));
      self->items_changed_id = g_signal_connect_swapped (self->questions_model, "items-changed",
                                                         G_CALLBACK (items_changed_cb), self);
    }

  if (self->user_data != NULL)
    self->user_data_changed_id = g_signal_connect_swapped (self->user_data, "changed",
                                                           G_CALLBACK (user_data_changed_cb), self);

  rebuild (self);
}

static void
prep_search_dispose (GObject *object)
{
  PrepSearch *self = (PrepSearch *)object;

  if (self->questions_model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->questions_model);
  if (self->user_data != NULL)
    g_clear_signal_handler (&self->user_data_changed_id, self->user_data);

  if (self->questions != NULL)
    clear_index (self);

  g_clear_object (&self->questions_model);
  g_clear_object (&self->user_data);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (prep_search_parent_class)->dispose (object);
}

static void
prep_search_finalize (GObject *object)
{
  PrepSearch *self = (PrepSearch *)object;

  g_clear_pointer (&self->fold_cache, g_hash_table_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);

  G_OBJECT_CLASS (prep_search_parent_class)->finalize (object);
}

static void
prep_search_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PrepSearch *self = PREP_SEARCH (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_USER_DATA:
      g_value_set_object (value, self->user_data);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_search_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PrepSearch *self = PREP_SEARCH (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_USER_DATA:
      self->user_data = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_search_class_init (PrepSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = prep_search_constructed;
  object_class->dispose = prep_search_dispose;
  object_class->finalize = prep_search_finalize;
  object_class->get_property = prep_search_get_property;
  object_class->set_property = prep_search_set_property;

  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PREP_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_USER_DATA] =
    g_param_spec_object ("user-data", NULL, NULL, PREP_TYPE_USER_DATA,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prep_search_init (PrepSearch *self)
{
  self->fold_cache = prep_text_fold_cache_new ();
  self->questions = g_ptr_array_new_with_free_func (g_object_unref);
  self->positions = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * prep_search_new:
 * @user_data: (nullable): whose notes to search too
 *
 * Indexes @library at once, and again when its questions change. Notes
 * are indexed again one by one as they change.
 */
PrepSearch *
prep_search_new (PrepLibrary  *library,
                 PrepUserData *user_data)
{
  g_return_val_if_fail (PREP_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (user_data == NULL || PREP_IS_USER_DATA (user_data), NULL);

  return g_object_new (PREP_TYPE_SEARCH,
                       "library", library,
                       "user-data", user_data,
                       NULL);
}

/**
 * prep_search_split_terms:
 * @query: what the user typed
 *
 * Splits @query at white space (including U+3000, the ideographic space)
 * into terms folded as prep_text_fold() folds, without duplicates. A
 * question matches when it contains every term.
 *
 * Returns: (transfer full): the terms, empty for a blank query
 */
char **
prep_search_split_terms (const char *query)
{
  GPtrArray *terms;

  g_return_val_if_fail (query != NULL, NULL);

  terms = split_terms (query);
  g_ptr_array_add (terms, NULL);

  return (char **) g_ptr_array_free (terms, FALSE);
}

/**
 * prep_search_query:
 * @query: what the user typed, see prep_search_split_terms()
 *
 * Finds the questions containing every term of @query in their text,
 * answer or note, in any content locale. Results are ranked by the best
 * field any term matches in (question text, then answer, then note), then
 * by the sum of each term's best field, then in library order.
 *
 * Returns: (transfer full): a list of #PrepSearchResult, empty for a
 *   blank query
 */
GListModel *
prep_search_query (PrepSearch *self,
                   const char *query)
{
  g_autoptr(GPtrArray) terms = NULL;
  g_autofree Term *term_list = NULL;
  g_autofree guint32 *hashes = NULL;
  g_autofree guint8 *best = NULL;
  g_autofree guint *sums = NULL;
  g_autofree guint *candidates = NULL;
  g_autofree guint *pending = NULL;
  g_autofree gint8 *fields = NULL;
  g_autofree guint64 *keys = NULL;
  char **notes = NULL;
  const char *locale;
  gsize n_hashes = 0;
  guint n_candidates;

  g_return_val_if_fail (PREP_IS_SEARCH (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  locale = self->library ? prep_library_get_locale (self->library) : NULL;
  terms = split_terms (query);
  if (terms->len == 0)
    return G_LIST_MODEL (_prep_search_result_list_new (NULL, NULL, NULL, locale, NULL, NULL, 0));

  if (self->stale)
    rebuild (self);

  /* Every character and pair of each term: at most twice its length. */
  for (guint i = 0; i < terms->len; i++)
    n_hashes += 2 * strlen (g_ptr_array_index (terms, i));
  hashes = g_new (guint32, n_hashes);
  term_list = g_new0 (Term, terms->len);
  n_hashes = 0;

  for (guint i = 0; i < terms->len; i++)
    {
      Term *term = &term_list[i];

      term->text = g_ptr_array_index (terms, i);
      term->length = strlen (term->text);
      term->hashes = hashes + n_hashes;
      term->n_hashes = hash_text (term->text, term->length, term->hashes);
      n_hashes += term->n_hashes;
    }

  /* The longest term is usually the rarest: it leaves the fewest
   * candidates for the others. */
  qsort (term_list, terms->len, sizeof (Term), compare_terms_longest_first);

  n_candidates = self->questions->len;
  candidates = g_new (guint, n_candidates);
  pending = g_new (guint, n_candidates);
  best = g_new (guint8, n_candidates);
  sums = g_new0 (guint, n_candidates);
  fields = g_new (gint8, n_candidates);
  for (guint i = 0; i < n_candidates; i++)
    {
      candidates[i] = i;
      best[i] = PREP_SEARCH_FIELD_NOTE;
    }

  /* Each term narrows the candidates down, noting the best field it
   * matches in for each. */
  for (guint t = 0; t < terms->len && n_candidates > 0; t++)
    {
      const Term *term = &term_list[t];
      guint n_pending = n_candidates;
      guint kept = 0;

      memcpy (pending, candidates, n_candidates * sizeof (guint));
      for (guint i = 0; i < n_candidates; i++)
        fields[candidates[i]] = -1;

      for (PrepSearchField field = 0; field < G_N_ELEMENTS (self->columns); field++)
        n_pending = match_column (&self->columns[field], term, field, pending, n_pending, fields);

      for (guint i = 0; i < n_pending; i++)
        {
          const Slot *note = &self->notes[pending[i]];

          if (note->text != NULL &&
              filter_may_contain (note->filter, note->filter_mask, term) &&
              strstr (note->text, term->text) != NULL)
            fields[pending[i]] = PREP_SEARCH_FIELD_NOTE;
        }

      for (guint i = 0; i < n_candidates; i++)
        {
          guint position = candidates[i];

          if (fields[position] < 0)
            continue;

          best[position] = MIN (best[position], fields[position]);
          sums[position] += fields[position];
          candidates[kept++] = position;
        }

      n_candidates = kept;
    }

  keys = g_new (guint64, MAX (n_candidates, 1));
  for (guint i = 0; i < n_candidates; i++)
    {
      guint position = candidates[i];

      keys[i] = ((guint64) best[position] << 56) |
                ((guint64) MIN (sums[position], 0xFFFFFF) << 32) |
                position;
    }
  qsort (keys, n_candidates, sizeof (guint64), compare_keys);

  /* A note may change before its result is shown: keep the one found. */
  for (guint i = 0; i < n_candidates; i++)
    {
      PrepQuestion *question = g_ptr_array_index (self->questions, (guint32) keys[i]);

      if ((keys[i] >> 56) != PREP_SEARCH_FIELD_NOTE)
        continue;
      if (notes == NULL)
        notes = g_new0 (char *, n_candidates);
      notes[i] = g_strdup (prep_user_data_get_note (self->user_data, prep_question_get_id (question)));
    }

  return G_LIST_MODEL (_prep_search_result_list_new (self->questions, terms, self->fold_cache, locale,
                                                     g_steal_pointer (&keys), notes, n_candidates));
}

/* For the benchmark: the bytes the index holds. */
gsize
_prep_search_get_index_size (PrepSearch *self)
{
  gsize n;
  gsize size;

  g_return_val_if_fail (PREP_IS_SEARCH (self), 0);

  n = self->questions->len;
  size = n * sizeof (Slot);

  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    {
      const Column *column = &self->columns[i];

      if (column->text != NULL)
        size += column->starts[n] + 1 + 2 * (n + 1) * sizeof (gsize) +
                column->filter_starts[n] * sizeof (guint64);
    }

  for (guint i = 0; i < n; i++)
    if (self->notes[i].text != NULL)
      size += strlen (self->notes[i].text) + 1 + (self->notes[i].filter_mask + 1) / 8;

  return size;
}

/* For the benchmark: all the folded text, each part on a line. */
char *
_prep_search_dup_folded_text (PrepSearch *self,
                              gsize      *length)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (PREP_IS_SEARCH (self), NULL);

  if (self->stale)
    rebuild (self);

  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    if (self->columns[i].text != NULL)
      g_string_append (text, self->columns[i].text);

  for (guint i = 0; i < self->questions->len; i++)
    {
      if (self->notes[i].text != NULL)
        {
          g_string_append (text, self->notes[i].text);
          g_string_append_c (text, '\n');
        }
    }

  if (length != NULL)
    *length = text->len;

  return g_string_free (text, FALSE);
}
