/* prep-search-result-list.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-search-result-list"

#include "config.h"

#include "prep-search-private.h"

/* The ranked results of one query. A common word can match thousands of
 * questions, and a list shows a screenful: results are made when asked
 * for, and kept, so that the same position is always the same object. */
struct _PrepSearchResultList
{
  GObject            parent_instance;

  /* Owned references */
  GPtrArray         *questions;   /* the search's, in library order */
  GPtrArray         *terms;
  GHashTable        *fold_cache;

  const char        *locale;      /* interned */
  guint64           *keys;        /* field << 56 | position, ranked */
  char             **notes;       /* by rank, for note results; nullable */
  PrepSearchResult **items;       /* by rank, made on first use */
  guint              n_items;
};

static GType
prep_search_result_list_get_item_type (GListModel *model)
{
  return PREP_TYPE_SEARCH_RESULT;
}

static guint
prep_search_result_list_get_n_items (GListModel *model)
{
  return PREP_SEARCH_RESULT_LIST (model)->n_items;
}

static gpointer
prep_search_result_list_get_item (GListModel *model,
                                  guint       position)
{
  PrepSearchResultList *self = PREP_SEARCH_RESULT_LIST (model);

  if (position >= self->n_items)
    return NULL;

  if (self->items[position] == NULL)
    {
      guint64 key = self->keys[position];
      PrepQuestion *question = g_ptr_array_index (self->questions, (guint32) key);

      self->items[position] = _prep_search_result_new (question, key >> 56, self->terms,
                                                       self->fold_cache, self->locale,
                                                       self->notes ? self->notes[position] : NULL);
    }

  return g_object_ref (self->items[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = prep_search_result_list_get_item_type;
  iface->get_n_items = prep_search_result_list_get_n_items;
  iface->get_item = prep_search_result_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (PrepSearchResultList, prep_search_result_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
prep_search_result_list_finalize (GObject *object)
{
  PrepSearchResultList *self = (PrepSearchResultList *)object;

  for (guint i = 0; i < self->n_items; i++)
    {
      g_clear_object (&self->items[i]);
      if (self->notes != NULL)
        g_clear_pointer (&self->notes[i], g_free);
    }
  g_clear_pointer (&self->items, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->keys, g_free);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->fold_cache, g_hash_table_unref);

  G_OBJECT_CLASS (prep_search_result_list_parent_class)->finalize (object);
}

static void
prep_search_result_list_class_init (PrepSearchResultListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prep_search_result_list_finalize;
}

static void
prep_search_result_list_init (PrepSearchResultList *self)
{
}

/**
 * _prep_search_result_list_new:
 * @questions: (nullable): the questions @keys refer to
 * @keys: (transfer full) (nullable): each result's field in the top
 *   byte, its position in @questions in the low 32 bits, ranked
 * @notes: (transfer full) (nullable): the note of each note result, by rank
 */
PrepSearchResultList *
_prep_search_result_list_new (GPtrArray   *questions,
                              GPtrArray   *terms,
                              GHashTable  *fold_cache,
                              const char  *locale,
                              guint64     *keys,
                              char       **notes,
                              guint        n_items)
{
  PrepSearchResultList *self;

  g_return_val_if_fail (n_items == 0 || (questions != NULL && keys != NULL && terms != NULL), NULL);

  self = g_object_new (PREP_TYPE_SEARCH_RESULT_LIST, NULL);
  self->questions = questions ? g_ptr_array_ref (questions) : NULL;
  self->terms = terms ? g_ptr_array_ref (terms) : NULL;
  self->fold_cache = fold_cache ? g_hash_table_ref (fold_cache) : NULL;
  self->locale = g_intern_string (locale);
  self->keys = keys;
  self->notes = notes;
  self->n_items = n_items;
  self->items = g_new0 (PrepSearchResult *, n_items);

  return self;
}
