/* prep-library.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-library"

#include "config.h"

#include <gio/gio.h>

#include "prep-library.h"
#include "prep-category-private.h"
#include "prep-question-private.h"

#define CATEGORIES_FILE "categories.json"
#define INDEX_FILE      "index.gvariant"
#define QUESTIONS_DIR   "questions"

/* The one shared model of the application: every pane binds to the
 * categories and questions held here. */
struct _PrepLibrary
{
  GObject     parent_instance;

  const char *locale;
  GListStore *categories;
  GListStore *questions;
  GHashTable *categories_by_id;  /* borrowed values */
  GHashTable *questions_by_id;   /* borrowed values */
};

G_DEFINE_FINAL_TYPE (PrepLibrary, prep_library, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOCALE,
  PROP_CATEGORIES,
  PROP_QUESTIONS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
prep_library_finalize (GObject *object)
{
  PrepLibrary *self = (PrepLibrary *)object;

  g_clear_pointer (&self->categories_by_id, g_hash_table_unref);
  g_clear_pointer (&self->questions_by_id, g_hash_table_unref);
  g_clear_object (&self->categories);
  g_clear_object (&self->questions);

  G_OBJECT_CLASS (prep_library_parent_class)->finalize (object);
}

static void
prep_library_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PrepLibrary *self = PREP_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_LOCALE:
      g_value_set_string (value, self->locale);
      break;

    case PROP_CATEGORIES:
      g_value_set_object (value, self->categories);
      break;

    case PROP_QUESTIONS:
      g_value_set_object (value, self->questions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_library_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PrepLibrary *self = PREP_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_LOCALE:
      prep_library_set_locale (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_library_class_init (PrepLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prep_library_finalize;
  object_class->get_property = prep_library_get_property;
  object_class->set_property = prep_library_set_property;

  properties [PROP_LOCALE] =
    g_param_spec_string ("locale", NULL, NULL, PREP_CONTENT_LOCALE_DEFAULT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_CATEGORIES] =
    g_param_spec_object ("categories", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_QUESTIONS] =
    g_param_spec_object ("questions", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prep_library_init (PrepLibrary *self)
{
  self->categories = g_list_store_new (PREP_TYPE_CATEGORY);
  self->questions = g_list_store_new (PREP_TYPE_QUESTION);
  self->categories_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->questions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * prep_library_new:
 * @locale: (nullable): the content locale to show, e.g. "zh_TW" or "en"
 */
PrepLibrary *
prep_library_new (const char *locale)
{
  return g_object_new (PREP_TYPE_LIBRARY, "locale", locale, NULL);
}

const char *
prep_library_get_locale (PrepLibrary *self)
{
  g_return_val_if_fail (PREP_IS_LIBRARY (self), NULL);

  return self->locale;
}

/**
 * prep_library_set_locale:
 * @locale: (nullable): a content locale; unknown ones and %NULL mean the
 *   default
 *
 * Shows every category and question in @locale from now on: each notifies
 * its text properties (and questions their "locale"), so that every view
 * bound to them shows the other language at once.
 */
void
prep_library_set_locale (PrepLibrary *self,
                         const char  *locale)
{
  g_return_if_fail (PREP_IS_LIBRARY (self));

  if (!prep_content_locale_is_known (locale))
    locale = PREP_CONTENT_LOCALE_DEFAULT;
  locale = g_intern_string (locale);
  if (self->locale == locale)
    return;

  self->locale = locale;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->categories)); i++)
    {
      g_autoptr(PrepCategory) category = g_list_model_get_item (G_LIST_MODEL (self->categories), i);
      _prep_category_set_locale (category, locale);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->questions)); i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (G_LIST_MODEL (self->questions), i);
      _prep_question_set_locale (question, locale);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOCALE]);
}

static int
compare_strv_elements (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/**
 * prep_library_list_resource_files:
 *
 * Returns: (transfer full): the question files under @resource_path,
 *   sorted, as full resource paths
 */
char **
prep_library_list_resource_files (const char  *resource_path,
                                  GError     **error)
{
  g_autofree char *dir = g_build_path ("/", resource_path, QUESTIONS_DIR, NULL);
  g_auto(GStrv) children = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  if (!(children = g_resources_enumerate_children (dir, 0, error)))
    return NULL;

  g_qsort_with_data (children, g_strv_length (children), sizeof (char *),
                     compare_strv_elements, NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; children[i]; i++)
    {
      if (g_str_has_suffix (children[i], ".json"))
        {
          g_autofree char *path = g_build_path ("/", dir, children[i], NULL);
          g_strv_builder_add (builder, path);
        }
    }

  return g_strv_builder_end (builder);
}

static gboolean
add_resource (PrepContentLoader  *loader,
              const char         *path,
              GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  if (!(bytes = g_resources_lookup_data (path, 0, error)))
    return FALSE;

  name = g_strconcat ("resource://", path, NULL);
  prep_content_loader_add_bytes (loader, name, bytes);

  return TRUE;
}

/**
 * prep_library_add_resources_to_loader:
 * @categories_only: add only the categories file
 *
 * Feeds the bundled content files to @loader. Issues in them are the
 * loader's; @error is set only when a resource is missing.
 */
gboolean
prep_library_add_resources_to_loader (PrepContentLoader  *loader,
                                      const char         *resource_path,
                                      gboolean            categories_only,
                                      GError            **error)
{
  g_autofree char *categories = g_build_path ("/", resource_path, CATEGORIES_FILE, NULL);
  g_auto(GStrv) files = NULL;

  if (!add_resource (loader, categories, error))
    return FALSE;

  if (categories_only)
    return TRUE;

  if (!(files = prep_library_list_resource_files (resource_path, error)))
    return FALSE;

  for (guint i = 0; files[i]; i++)
    {
      if (!add_resource (loader, files[i], error))
        return FALSE;
    }

  return TRUE;
}

/**
 * prep_library_load_loader:
 * @loader: a loader that has been given every content file
 *
 * Finishes @loader and, if the content had no issues, replaces the
 * library's content with it. On error the library is left unchanged.
 */
gboolean
prep_library_load_loader (PrepLibrary        *self,
                          PrepContentLoader  *loader,
                          GError            **error)
{
  GPtrArray *categories;
  GPtrArray *questions;

  g_return_val_if_fail (PREP_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (loader != NULL, FALSE);

  prep_content_loader_finish (loader);
  if (!prep_content_loader_propagate_issues (loader, error))
    return FALSE;

  categories = prep_content_loader_get_categories (loader);
  questions = prep_content_loader_get_questions (loader);

  g_hash_table_remove_all (self->categories_by_id);
  g_hash_table_remove_all (self->questions_by_id);

  for (guint i = 0; i < categories->len; i++)
    {
      PrepCategory *category = g_ptr_array_index (categories, i);
      g_hash_table_insert (self->categories_by_id, (char *) prep_category_get_id (category), category);
    }

  for (guint i = 0; i < questions->len; i++)
    {
      PrepQuestion *question = g_ptr_array_index (questions, i);
      g_hash_table_insert (self->questions_by_id, (char *) prep_question_get_id (question), question);
    }

  /* Questions in category order, so that "all questions" reads like the sidebar. */
  g_list_store_remove_all (self->questions);
  for (guint i = 0; i < categories->len; i++)
    {
      GListModel *model = prep_category_get_questions (g_ptr_array_index (categories, i));
      guint n = g_list_model_get_n_items (model);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(PrepQuestion) question = g_list_model_get_item (model, j);
          g_list_store_append (self->questions, question);
        }
    }

  g_list_store_splice (self->categories, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->categories)),
                       categories->pdata, categories->len);

  return TRUE;
}

static GBytes *
resolve_resource_cb (const char *file,
                     gpointer    data)
{
  g_autofree char *path = g_build_path ("/", (const char *) data, file, NULL);

  return g_resources_lookup_data (path, 0, NULL);
}

/**
 * prep_library_load_resources:
 * @resource_path: (nullable): where the content lives, by default
 *   %PREP_CONTENT_RESOURCE_PATH
 *
 * Loads the bundled content: `categories.json`, then every JSON file
 * under `questions/` in name order.
 */
gboolean
prep_library_load_resources (PrepLibrary  *self,
                             const char   *resource_path,
                             GError      **error)
{
  g_autoptr(PrepContentLoader) loader = NULL;
  g_autoptr(GBytes) index = NULL;
  g_autofree char *index_path = NULL;

  g_return_val_if_fail (PREP_IS_LIBRARY (self), FALSE);

  if (resource_path == NULL)
    resource_path = PREP_CONTENT_RESOURCE_PATH;

  loader = prep_content_loader_new (self->locale, PREP_CONTENT_FLAGS_NONE);
  index_path = g_build_path ("/", resource_path, INDEX_FILE, NULL);

  /* With an index, only the questions' heads are read now and each
   * question's answers when first needed: the start-up does not grow with
   * the content (issue 15). Without one, every file is read. */
  if ((index = g_resources_lookup_data (index_path, 0, NULL)))
    {
      g_autofree char *name = g_strconcat ("resource://", index_path, NULL);

      if (!prep_library_add_resources_to_loader (loader, resource_path, TRUE, error))
        return FALSE;
      prep_content_loader_add_index (loader, name, index, resolve_resource_cb, (gpointer) resource_path);
    }
  else if (!prep_library_add_resources_to_loader (loader, resource_path, FALSE, error))
    return FALSE;

  return prep_library_load_loader (self, loader, error);
}

/**
 * prep_library_get_categories:
 *
 * Returns: (transfer none): a #GListModel of #PrepCategory
 */
GListModel *
prep_library_get_categories (PrepLibrary *self)
{
  g_return_val_if_fail (PREP_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->categories);
}

/**
 * prep_library_get_questions:
 *
 * Returns: (transfer none): a #GListModel of every #PrepQuestion
 */
GListModel *
prep_library_get_questions (PrepLibrary *self)
{
  g_return_val_if_fail (PREP_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->questions);
}

/**
 * prep_library_lookup_category:
 *
 * Returns: (transfer none) (nullable): the category with @id
 */
PrepCategory *
prep_library_lookup_category (PrepLibrary *self,
                              const char  *id)
{
  g_return_val_if_fail (PREP_IS_LIBRARY (self), NULL);

  return id ? g_hash_table_lookup (self->categories_by_id, id) : NULL;
}

/**
 * prep_library_lookup_question:
 *
 * Returns: (transfer none) (nullable): the question with @id
 */
PrepQuestion *
prep_library_lookup_question (PrepLibrary *self,
                              const char  *id)
{
  g_return_val_if_fail (PREP_IS_LIBRARY (self), NULL);

  return id ? g_hash_table_lookup (self->questions_by_id, id) : NULL;
}

/* The user's packs, added and changed while the app runs. The library's
 * list of questions is always its categories' lists one after the other,
 * in category order, so that a question's place in it is found from the
 * categories. Every change is an items-changed of the lists it touches:
 * the sidebar, search, quiz and progress follow. */

static guint
category_offset (PrepLibrary  *self,
                 PrepCategory *category)
{
  guint position = prep_category_get_position (category);
  guint offset = 0;

  for (guint i = 0; i < position; i++)
    {
      g_autoptr(PrepCategory) before = g_list_model_get_item (G_LIST_MODEL (self->categories), i);
      offset += prep_category_get_n_questions (before);
    }

  return offset;
}

static gboolean
find_in_category (PrepCategory *category,
                  PrepQuestion *question,
                  guint        *index)
{
  return g_list_store_find (G_LIST_STORE (prep_category_get_questions (category)), question, index);
}

static PrepQuestion *
lookup_user_question (PrepLibrary  *self,
                      const char   *id,
                      GError      **error)
{
  PrepQuestion *question = prep_library_lookup_question (self, id);

  if (question == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "There is no question “%s”", id);
      return NULL;
    }

  if (prep_question_get_pack_id (question) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   "The question “%s” is part of the bundled content, which is not changed", id);
      return NULL;
    }

  return question;
}

static int
compare_position_desc (gconstpointer a,
                       gconstpointer b)
{
  guint pa = prep_category_get_position (*(PrepCategory * const *) a);
  guint pb = prep_category_get_position (*(PrepCategory * const *) b);

  return pa < pb ? 1 : pa > pb ? -1 : 0;
}

/**
 * prep_library_add_user_content:
 * @pack_id: the pack they come from
 * @categories: (element-type PrepCategory): new categories, with the
 *   questions the content loader placed in them
 * @questions: (element-type PrepQuestion): every question of the pack,
 *   those of @categories and those naming a category of the library
 *
 * Adds the categories after the library's, and the questions to their
 * categories. Ids must be free; on error nothing is added.
 */
gboolean
prep_library_add_user_content (PrepLibrary  *self,
                               const char   *pack_id,
                               GPtrArray    *categories,
                               GPtrArray    *questions,
                               GError      **error)
{
  g_autoptr(GHashTable) new_categories = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) new_questions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) into_existing = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) appended = g_ptr_array_new ();
  g_autoptr(GPtrArray) touched = NULL;
  guint n_categories;

  g_return_val_if_fail (PREP_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (pack_id != NULL, FALSE);
  g_return_val_if_fail (categories != NULL, FALSE);
  g_return_val_if_fail (questions != NULL, FALSE);

  for (guint i = 0; i < categories->len; i++)
    {
      PrepCategory *category = g_ptr_array_index (categories, i);
      const char *id = prep_category_get_id (category);

      if (g_hash_table_contains (self->categories_by_id, id) || !g_hash_table_add (new_categories, (char *) id))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "The category id “%s” is taken", id);
          return FALSE;
        }
    }

  for (guint i = 0; i < questions->len; i++)
    {
      PrepQuestion *question = g_ptr_array_index (questions, i);
      const char *id = prep_question_get_id (question);
      const char *category_id = prep_question_get_category_id (question);

      if (g_hash_table_contains (self->questions_by_id, id) || !g_hash_table_add (new_questions, (char *) id))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "The question id “%s” is taken", id);
          return FALSE;
        }
      if (!g_hash_table_contains (new_categories, category_id) &&
          !g_hash_table_contains (self->categories_by_id, category_id))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "The question “%s” is in the unknown category “%s”", id, category_id);
          return FALSE;
        }
    }

  /* Nothing can fail from here on. */
  n_categories = g_list_model_get_n_items (G_LIST_MODEL (self->categories));
  for (guint i = 0; i < categories->len; i++)
    {
      PrepCategory *category = g_ptr_array_index (categories, i);

      _prep_category_set_pack_id (category, pack_id);
      _prep_category_set_locale (category, self->locale);
      _prep_category_set_position (category, n_categories + i);
      g_hash_table_insert (self->categories_by_id, (char *) prep_category_get_id (category), category);
    }

  for (guint i = 0; i < questions->len; i++)
    {
      PrepQuestion *question = g_ptr_array_index (questions, i);
      const char *category_id = prep_question_get_category_id (question);

      _prep_question_set_pack_id (question, pack_id);
      _prep_question_set_locale (question, self->locale);
      g_hash_table_insert (self->questions_by_id, (char *) prep_question_get_id (question), question);

      if (g_hash_table_contains (new_categories, category_id))
        {
          g_autoptr(PrepCategory) placed = prep_question_dup_category (question);

          /* The loader placed the questions of the categories it read;
           * a question made otherwise goes last in its new category. */
          if (placed == NULL || g_strcmp0 (prep_category_get_id (placed), category_id) != 0)
            {
              for (guint j = 0; j < categories->len; j++)
                {
                  PrepCategory *category = g_ptr_array_index (categories, j);

                  if (g_str_equal (prep_category_get_id (category), category_id))
                    {
                      _prep_question_set_category (question, category);
                      _prep_category_add_question (category, question);
                      break;
                    }
                }
            }
        }
      else
        {
          PrepCategory *category = g_hash_table_lookup (self->categories_by_id, category_id);
          GPtrArray *list = g_hash_table_lookup (into_existing, category);

          if (list == NULL)
            g_hash_table_insert (into_existing, category, (list = g_ptr_array_new ()));
          g_ptr_array_add (list, question);
          _prep_question_set_category (question, category);
        }
    }

  /* Into the library's categories, from the last one up, so that the
   * places of those before do not move. */
  touched = g_ptr_array_new ();
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, into_existing);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (touched, key);
  }
  g_ptr_array_sort (touched, compare_position_desc);
  for (guint i = 0; i < touched->len; i++)
    {
      PrepCategory *category = g_ptr_array_index (touched, i);
      GPtrArray *list = g_hash_table_lookup (into_existing, category);
      guint n = prep_category_get_n_questions (category);
      guint offset = category_offset (self, category);

      _prep_category_splice_questions (category, n, 0, (PrepQuestion **) list->pdata, list->len);
      g_list_store_splice (self->questions, offset + n, 0, list->pdata, list->len);
    }

  /* The new categories come last, with their questions. */
  for (guint i = 0; i < categories->len; i++)
    {
      GListModel *model = prep_category_get_questions (g_ptr_array_index (categories, i));

      for (guint j = 0, n = g_list_model_get_n_items (model); j < n; j++)
        g_ptr_array_add (appended, g_list_model_get_item (model, j));
    }
  g_ptr_array_set_free_func (appended, g_object_unref);
  g_list_store_splice (self->questions, g_list_model_get_n_items (G_LIST_MODEL (self->questions)), 0,
                       appended->pdata, appended->len);
  g_list_store_splice (self->categories, n_categories, 0, categories->pdata, categories->len);

  return TRUE;
}

/**
 * prep_library_replace_user_question:
 * @id: a question of the user's packs
 * @question: what replaces it, possibly with another id or category
 *
 * In the same category it keeps its place; in another it goes last.
 */
gboolean
prep_library_replace_user_question (PrepLibrary   *self,
                                    const char    *id,
                                    PrepQuestion  *question,
                                    GError       **error)
{
  g_autoptr(PrepCategory) old_category = NULL;
  g_autofree char *pack_id = NULL;
  PrepCategory *category;
  PrepQuestion *old;
  guint index;

  g_return_val_if_fail (PREP_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (PREP_IS_QUESTION (question), FALSE);

  if (!(old = lookup_user_question (self, id, error)))
    return FALSE;

  if (g_strcmp0 (id, prep_question_get_id (question)) != 0 &&
      g_hash_table_contains (self->questions_by_id, prep_question_get_id (question)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "The question id “%s” is taken",
                   prep_question_get_id (question));
      return FALSE;
    }

  if (!(category = g_hash_table_lookup (self->categories_by_id, prep_question_get_category_id (question))))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "There is no category “%s”",
                   prep_question_get_category_id (question));
      return FALSE;
    }

  old_category = prep_question_dup_category (old);
  if (old_category != category)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      /* Checked above: neither can fail. */
      pack_id = g_strdup (prep_question_get_pack_id (old));
      g_ptr_array_add (one, question);
      return prep_library_remove_user_question (self, id, error) &&
             prep_library_add_user_content (self, pack_id, none, one, error);
    }

  if (!find_in_category (category, old, &index))
    g_return_val_if_reached (FALSE);

  _prep_question_set_pack_id (question, prep_question_get_pack_id (old));
  _prep_question_set_locale (question, self->locale);
  _prep_question_set_category (question, category);

  g_object_ref (old);
  g_hash_table_remove (self->questions_by_id, id);
  g_hash_table_insert (self->questions_by_id, (char *) prep_question_get_id (question), question);
  _prep_category_splice_questions (category, index, 1, &question, 1);
  g_list_store_splice (self->questions, category_offset (self, category) + index, 1, (gpointer *) &question, 1);
  g_object_unref (old);

  return TRUE;
}

/**
 * prep_library_remove_user_question:
 * @id: a question of the user's packs
 */
gboolean
prep_library_remove_user_question (PrepLibrary  *self,
                                   const char   *id,
                                   GError      **error)
{
  g_autoptr(PrepCategory) category = NULL;
  PrepQuestion *question;
  guint index;

  g_return_val_if_fail (PREP_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(question = lookup_user_question (self, id, error)))
    return FALSE;

  category = prep_question_dup_category (question);
  if (category == NULL || !find_in_category (category, question, &index))
    g_return_val_if_reached (FALSE);

  /* The hash table's key is the question's id: kept alive to the end. */
  g_object_ref (question);
  g_hash_table_remove (self->questions_by_id, id);
  g_list_store_remove (self->questions, category_offset (self, category) + index);
  _prep_category_splice_questions (category, index, 1, NULL, 0);
  g_object_unref (question);

  return TRUE;
}

/**
 * prep_library_remove_user_category:
 * @id: a category of the user's packs
 *
 * Removes it and its questions.
 */
gboolean
prep_library_remove_user_category (PrepLibrary  *self,
                                   const char   *id,
                                   GError      **error)
{
  g_autoptr(PrepCategory) category = NULL;
  PrepCategory *found;
  guint position, n, offset;

  g_return_val_if_fail (PREP_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(found = g_hash_table_lookup (self->categories_by_id, id)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "There is no category “%s”", id);
      return FALSE;
    }
  if (prep_category_get_pack_id (found) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   "The category “%s” is part of the bundled content, which is not changed", id);
      return FALSE;
    }

  category = g_object_ref (found);
  position = prep_category_get_position (category);
  n = prep_category_get_n_questions (category);
  offset = category_offset (self, category);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (prep_category_get_questions (category), i);
      g_hash_table_remove (self->questions_by_id, prep_question_get_id (question));
    }
  g_list_store_splice (self->questions, offset, n, NULL, 0);
  g_hash_table_remove (self->categories_by_id, id);
  g_list_store_remove (self->categories, position);

  for (guint i = position; i < g_list_model_get_n_items (G_LIST_MODEL (self->categories)); i++)
    {
      g_autoptr(PrepCategory) after = g_list_model_get_item (G_LIST_MODEL (self->categories), i);
      _prep_category_set_position (after, i);
    }

  return TRUE;
}

static char **
dup_keys (GHashTable *table)
{
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (table, NULL);

  return g_strdupv ((char **) keys);
}

/**
 * prep_library_dup_category_ids:
 *
 * Returns: (transfer full): the ids of every category, in no order (for
 *   a thread that checks a pack against them)
 */
char **
prep_library_dup_category_ids (PrepLibrary *self)
{
  g_return_val_if_fail (PREP_IS_LIBRARY (self), NULL);

  return dup_keys (self->categories_by_id);
}

/**
 * prep_library_dup_question_ids:
 *
 * Returns: (transfer full): the ids of every question, in no order
 */
char **
prep_library_dup_question_ids (PrepLibrary *self)
{
  g_return_val_if_fail (PREP_IS_LIBRARY (self), NULL);

  return dup_keys (self->questions_by_id);
}
