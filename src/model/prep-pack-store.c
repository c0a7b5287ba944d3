/* prep-pack-store.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-pack-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "prep-category-private.h"
#include "prep-json-io.h"
#include "prep-json-store.h"
#include "prep-pack-store-private.h"
#include "prep-question-private.h"

/* A pack as it is on disk: what a rewrite writes back, from the model. */
typedef struct
{
  char      *id;
  char      *path;
  GPtrArray *categories;  /* PrepCategory the pack defines, in file order */
  GPtrArray *questions;   /* PrepQuestion, in file order */
} Pack;

struct _PrepPackStore
{
  GObject      parent_instance;

  /* Owned references */
  PrepLibrary *library;
  char        *dir;
  GPtrArray   *issues;     /* PrepContentIssue */
  GHashTable  *packs;      /* id → Pack */
  GPtrArray   *order;      /* Pack, borrowed, in load order */
  GHashTable  *reserved;   /* ids of new packs being written */
  PrepContentMarkdownCheck markdown_check;
  gpointer     markdown_check_data;
  guint        loading : 1;
};

G_DEFINE_FINAL_TYPE (PrepPackStore, prep_pack_store, G_TYPE_OBJECT)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gpointer
ref_copy (gconstpointer object,
          gpointer      data)
{
  return g_object_ref ((gpointer) object);
}

static void
pack_free (Pack *pack)
{
  if (pack == NULL)
    return;

  g_free (pack->id);
  g_free (pack->path);
  g_ptr_array_unref (pack->categories);
  g_ptr_array_unref (pack->questions);
  g_free (pack);
}

static Pack *
pack_new (PrepPackStore *self,
          const char    *id)
{
  Pack *pack = g_new0 (Pack, 1);
  g_autofree char *basename = g_strconcat (id, ".json", NULL);

  pack->id = g_strdup (id);
  pack->path = g_build_filename (self->dir, basename, NULL);
  pack->categories = g_ptr_array_new_with_free_func (g_object_unref);
  pack->questions = g_ptr_array_new_with_free_func (g_object_unref);

  return pack;
}

static void
prep_pack_store_finalize (GObject *object)
{
  PrepPackStore *self = (PrepPackStore *)object;

  g_clear_object (&self->library);
  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->issues, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->packs, g_hash_table_unref);
  g_clear_pointer (&self->reserved, g_hash_table_unref);

  G_OBJECT_CLASS (prep_pack_store_parent_class)->finalize (object);
}

static void
prep_pack_store_class_init (PrepPackStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = prep_pack_store_finalize;

  /* After a load: the packs are in the library, get_issues() says which
   * were not. */
  signals [LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
prep_pack_store_init (PrepPackStore *self)
{
  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) prep_content_issue_free);
  self->packs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) pack_free);
  self->order = g_ptr_array_new ();
  self->reserved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * prep_pack_store_new:
 * @library: the library the packs' questions go to, its bundled content
 *   loaded
 * @dir: (nullable): the packs folder, %NULL for the user's
 */
PrepPackStore *
prep_pack_store_new (PrepLibrary *library,
                     const char  *dir)
{
  PrepPackStore *self;

  g_return_val_if_fail (PREP_IS_LIBRARY (library), NULL);

  self = g_object_new (PREP_TYPE_PACK_STORE, NULL);
  self->library = g_object_ref (library);
  self->dir = dir ? g_strdup (dir) : g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, "packs", NULL);

  return self;
}

PrepLibrary *
prep_pack_store_get_library (PrepPackStore *self)
{
  g_return_val_if_fail (PREP_IS_PACK_STORE (self), NULL);

  return self->library;
}

const char *
prep_pack_store_get_dir (PrepPackStore *self)
{
  g_return_val_if_fail (PREP_IS_PACK_STORE (self), NULL);

  return self->dir;
}

/**
 * prep_pack_store_set_markdown_check:
 *
 * Makes the packs' answers go through @check, as `llm-prep --validate`
 * does (see prep_content_loader_set_markdown_check()).
 */
void
prep_pack_store_set_markdown_check (PrepPackStore            *self,
                                    PrepContentMarkdownCheck  check,
                                    gpointer                  data)
{
  g_return_if_fail (PREP_IS_PACK_STORE (self));

  self->markdown_check = check;
  self->markdown_check_data = data;
}

/**
 * _prep_pack_store_get_markdown_check:
 *
 * Returns: the Markdown check set, if any (for the library's thread)
 */
PrepContentMarkdownCheck
_prep_pack_store_get_markdown_check (PrepPackStore *self,
                                     gpointer      *data)
{
  g_return_val_if_fail (PREP_IS_PACK_STORE (self), NULL);

  *data = self->markdown_check_data;
  return self->markdown_check;
}

G_GNUC_PRINTF (5, 6)
static PrepContentIssue *
issue_new (const char *file,
           const char *path,
           guint       line,
           guint       column,
           const char *format,
           ...)
{
  PrepContentIssue *issue = g_new0 (PrepContentIssue, 1);
  va_list args;

  va_start (args, format);
  issue->file = g_strdup (file);
  issue->path = g_strdup (path);
  issue->line = line;
  issue->column = column;
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);

  return issue;
}

static PrepContentIssue *
issue_copy (const PrepContentIssue *issue)
{
  PrepContentIssue *copy = g_new0 (PrepContentIssue, 1);

  copy->file = g_strdup (issue->file);
  copy->path = g_strdup (issue->path);
  copy->line = issue->line;
  copy->column = issue->column;
  copy->message = g_strdup (issue->message);

  return copy;
}

/**
 * _prep_pack_store_new_loader:
 *
 * A loader for a pack: its questions may name any category of the
 * library, and link to any of its questions.
 */
PrepContentLoader *
_prep_pack_store_new_loader (PrepPackStore    *self,
                             PrepContentFlags  flags,
                             const char       *extra_category)
{
  PrepContentLoader *loader = prep_content_loader_new (prep_library_get_locale (self->library), flags);
  g_auto(GStrv) categories = prep_library_dup_category_ids (self->library);
  g_auto(GStrv) questions = prep_library_dup_question_ids (self->library);

  prep_content_loader_add_external_categories (loader, (const char * const *) categories);
  if (extra_category != NULL)
    prep_content_loader_add_external_categories (loader, (const char * const[]) { extra_category, NULL });
  prep_content_loader_add_external_ids (loader, (const char * const *) questions);
  if (self->markdown_check != NULL)
    prep_content_loader_set_markdown_check (loader, self->markdown_check, self->markdown_check_data);

  return loader;
}

/* Where a path is in @bytes, for an issue found after the loader. */
static void
locate (GBytes     *bytes,
        const char *path,
        guint      *line,
        guint      *column)
{
  gsize size, offset;
  const char *data = g_bytes_get_data (bytes, &size);

  *line = *column = 0;
  if (data != NULL && prep_json_locate (data, size, path, &offset))
    prep_json_offset_to_position (data, size, offset, line, column);
}

/* Who has @id already: the bundled content or a pack. */
static char *
describe_owner (const char *pack_id)
{
  return pack_id ? g_strdup_printf ("the pack “%s”", pack_id) : g_strdup ("the bundled content");
}

/* A load of the packs folder: what the thread needs, copied from the
 * library on the main thread, and what it found. */
typedef struct
{
  char       *dir;
  GHashTable *categories;  /* id → NULL: the library's and the packs' read so far */
  GHashTable *questions;   /* id → owner's pack id, "" for the bundled content */
  GPtrArray  *issues;      /* PrepContentIssue */
  GPtrArray  *packs;       /* Pack, read and checked, not in the library yet */
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_free (job->dir);
  g_hash_table_unref (job->categories);
  g_hash_table_unref (job->questions);
  g_ptr_array_unref (job->issues);
  g_ptr_array_unref (job->packs);
  g_free (job);
}

static LoadJob *
load_job_new (PrepPackStore *self)
{
  LoadJob *job = g_new0 (LoadJob, 1);
  GListModel *questions = prep_library_get_questions (self->library);
  g_auto(GStrv) categories = prep_library_dup_category_ids (self->library);

  job->dir = g_strdup (self->dir);
  job->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->questions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) prep_content_issue_free);
  job->packs = g_ptr_array_new_with_free_func ((GDestroyNotify) pack_free);

  for (guint i = 0; categories[i]; i++)
    g_hash_table_add (job->categories, g_strdup (categories[i]));
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);
      const char *owner = prep_question_get_pack_id (question);

      g_hash_table_insert (job->questions, g_strdup (prep_question_get_id (question)), g_strdup (owner ? owner : ""));
    }

  return job;
}

static char **
keys_of (GHashTable *table)
{
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (table, NULL);

  return g_strdupv ((char **) keys);
}

/* Reads and checks one pack, in any thread: only @job is touched. */
static void
load_job_read (LoadJob                  *job,
               const char               *name,
               const char               *locale,
               PrepContentMarkdownCheck  markdown_check,
               gpointer                  markdown_check_data)
{
  g_autofree char *path = g_build_filename (job->dir, name, NULL);
  g_autofree char *id = g_strndup (name, strlen (name) - strlen (".json"));
  g_autoptr(PrepContentLoader) loader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clashes = g_ptr_array_new_with_free_func ((GDestroyNotify) prep_content_issue_free);
  g_auto(GStrv) category_ids = NULL;
  g_auto(GStrv) question_ids = NULL;
  GPtrArray *categories, *questions;
  Pack *pack;

  if (!prep_content_id_is_valid (id))
    {
      g_ptr_array_add (job->issues,
                       issue_new (path, NULL, 0, 0,
                                  "a pack's file is named PACK-ID.json, with an id of 1–64 lowercase ASCII "
                                  "letters, digits and single hyphens"));
      return;
    }

  /* Regular files only, and no larger than a content file may be. */
  if (!(bytes = prep_json_read_file (path, PREP_PACK_MAX_FILE, &error)))
    {
      g_ptr_array_add (job->issues, issue_new (path, NULL, 0, 0, "cannot read: %s", error->message));
      return;
    }

  loader = prep_content_loader_new (locale, PREP_CONTENT_FLAGS_NONE);
  category_ids = keys_of (job->categories);
  question_ids = keys_of (job->questions);
  prep_content_loader_add_external_categories (loader, (const char * const *) category_ids);
  prep_content_loader_add_external_ids (loader, (const char * const *) question_ids);
  if (markdown_check != NULL)
    prep_content_loader_set_markdown_check (loader, markdown_check, markdown_check_data);
  prep_content_loader_add_bytes (loader, path, bytes);
  if (!prep_content_loader_finish (loader))
    {
      GPtrArray *issues = prep_content_loader_get_issues (loader);

      for (guint i = 0; i < issues->len; i++)
        g_ptr_array_add (job->issues, issue_copy (g_ptr_array_index (issues, i)));
      return;
    }

  categories = prep_content_loader_get_categories (loader);
  questions = prep_content_loader_get_questions (loader);

  /* Without issues, every question was placed, in file order. */
  for (guint i = 0; i < questions->len; i++)
    {
      PrepQuestion *question = g_ptr_array_index (questions, i);
      const char *other = g_hash_table_lookup (job->questions, prep_question_get_id (question));

      if (other != NULL)
        {
          g_autofree char *owner = describe_owner (other[0] ? other : NULL);
          g_autofree char *json_path = g_strdup_printf ("$.questions[%u].id", i);
          guint line, column;

          locate (bytes, json_path, &line, &column);
          g_ptr_array_add (clashes, issue_new (path, json_path, line, column,
                                               "question id “%s” is taken (by %s): a pack's questions "
                                               "need ids of their own",
                                               prep_question_get_id (question), owner));
        }
    }

  if (clashes->len > 0)
    {
      g_ptr_array_extend_and_steal (job->issues, g_steal_pointer (&clashes));
      return;
    }

  for (guint i = 0; i < categories->len; i++)
    g_hash_table_add (job->categories, g_strdup (prep_category_get_id (g_ptr_array_index (categories, i))));
  for (guint i = 0; i < questions->len; i++)
    g_hash_table_insert (job->questions, g_strdup (prep_question_get_id (g_ptr_array_index (questions, i))),
                         g_strdup (id));

  pack = g_new0 (Pack, 1);
  pack->id = g_steal_pointer (&id);
  pack->path = g_steal_pointer (&path);
  pack->categories = g_ptr_array_copy (categories, ref_copy, NULL);
  g_ptr_array_set_free_func (pack->categories, g_object_unref);
  pack->questions = g_ptr_array_copy (questions, ref_copy, NULL);
  g_ptr_array_set_free_func (pack->questions, g_object_unref);
  g_ptr_array_add (job->packs, pack);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every pack of the folder, in name order. Returns FALSE with @error if
 * the folder exists but cannot be read. */
static gboolean
load_job_run (LoadJob                  *job,
              const char               *locale,
              PrepContentMarkdownCheck  markdown_check,
              gpointer                  markdown_check_data,
              GError                  **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* No folder, no packs: the usual case costs one failed open. */
  if (!(dir = g_dir_open (job->dir, 0, &local_error)))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)))
    {
      /* The json store's temporary files start with a dot. */
      if (g_str_has_suffix (name, ".json") && name[0] != '.')
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    load_job_read (job, g_ptr_array_index (names, i), locale, markdown_check, markdown_check_data);

  return TRUE;
}

/* On the main thread: the packs the job read go into the library. */
static void
load_job_adopt (PrepPackStore *self,
                LoadJob       *job)
{
  g_ptr_array_set_size (self->issues, 0);
  g_ptr_array_extend_and_steal (self->issues, g_steal_pointer (&job->issues));
  job->issues = g_ptr_array_new ();

  for (guint i = 0; i < job->packs->len; i++)
    {
      Pack *pack = g_ptr_array_index (job->packs, i);
      g_autoptr(GError) error = NULL;

      /* The library may have changed while the thread read. */
      if (g_hash_table_contains (self->packs, pack->id) ||
          !prep_library_add_user_content (self->library, pack->id, pack->categories, pack->questions, &error))
        {
          g_ptr_array_add (self->issues, issue_new (pack->path, NULL, 0, 0, "%s",
                                                    error ? error->message : "loaded already"));
          continue;
        }

      g_hash_table_insert (self->packs, pack->id, pack);
      g_ptr_array_add (self->order, pack);
      job->packs->pdata[i] = NULL;
    }

  g_signal_emit (self, signals [LOADED], 0);
}

/**
 * prep_pack_store_load:
 *
 * Reads every pack of the folder, in name order, and adds them to the
 * library. A folder that does not exist has no packs; one that cannot be
 * read sets @error. Packs with problems are skipped: get_issues().
 *
 * Returns: %FALSE if the folder could not be read
 */
gboolean
prep_pack_store_load (PrepPackStore  *self,
                      GError        **error)
{
  LoadJob *job;
  gboolean ok;

  g_return_val_if_fail (PREP_IS_PACK_STORE (self), FALSE);
  g_return_val_if_fail (!self->loading, FALSE);

  /* No folder, no packs: the usual case costs one stat(). */
  if (!g_file_test (self->dir, G_FILE_TEST_EXISTS))
    {
      g_ptr_array_set_size (self->issues, 0);
      g_signal_emit (self, signals [LOADED], 0);
      return TRUE;
    }

  job = load_job_new (self);
  ok = load_job_run (job, prep_library_get_locale (self->library),
                     self->markdown_check, self->markdown_check_data, error);
  load_job_adopt (self, job);
  load_job_free (job);

  return ok;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PrepPackStore *self = source_object;
  GError *error = NULL;

  /* No Markdown check here: the renderer's is for its own thread. */
  if (load_job_run (task_data, prep_library_get_locale (self->library), NULL, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * prep_pack_store_load_async:
 *
 * prep_pack_store_load() with the reading and checking in a thread, so
 * that a large pack does not hold up the start: the packs' questions
 * appear when done (as items-changed of the library's lists), and
 * "loaded" is emitted. Meanwhile saves are refused. The Markdown check
 * is not made (it needs the renderer's thread).
 */
void
prep_pack_store_load_async (PrepPackStore       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PREP_IS_PACK_STORE (self));
  g_return_if_fail (!self->loading);

  self->loading = TRUE;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, prep_pack_store_load_async);
  g_task_set_task_data (task, load_job_new (self), (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
prep_pack_store_load_finish (PrepPackStore  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (PREP_IS_PACK_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  self->loading = FALSE;
  load_job_adopt (self, g_task_get_task_data (G_TASK (result)));

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * prep_pack_store_get_loading:
 *
 * Returns: whether a load_async() has not finished
 */
gboolean
prep_pack_store_get_loading (PrepPackStore *self)
{
  g_return_val_if_fail (PREP_IS_PACK_STORE (self), FALSE);

  return self->loading;
}

/**
 * prep_pack_store_get_issues:
 *
 * Returns: (transfer none) (element-type PrepContentIssue): the problems
 *   of the packs that the last load skipped
 */
GPtrArray *
prep_pack_store_get_issues (PrepPackStore *self)
{
  g_return_val_if_fail (PREP_IS_PACK_STORE (self), NULL);

  return self->issues;
}

/**
 * prep_pack_store_get_pack_ids:
 *
 * Returns: (transfer full): the ids of the packs loaded, in load order
 */
char **
prep_pack_store_get_pack_ids (PrepPackStore *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PREP_IS_PACK_STORE (self), NULL);

  for (guint i = 0; i < self->order->len; i++)
    g_strv_builder_add (builder, ((Pack *) g_ptr_array_index (self->order, i))->id);

  return g_strv_builder_end (builder);
}

/* JSON of the model, in the schema's order. */

static JsonNode *
text_to_node (PrepText *text)
{
  const char * const *locales = prep_content_locales ();
  JsonObject *object = json_object_new ();

  for (guint i = 0; locales[i]; i++)
    {
      const char *value = prep_text_lookup (text, locales[i]);

      if (value != NULL)
        json_object_set_string_member (object, locales[i], value);
    }

  return json_node_init_object (json_node_alloc (), object);
}

static void
set_text (JsonObject *object,
          const char *member,
          PrepText   *text)
{
  if (text != NULL)
    json_object_set_member (object, member, text_to_node (text));
}

static void
set_text_array (JsonObject *object,
                const char *member,
                GPtrArray  *texts)
{
  JsonArray *array;

  if (texts->len == 0)
    return;

  array = json_array_sized_new (texts->len);
  for (guint i = 0; i < texts->len; i++)
    json_array_add_element (array, text_to_node (g_ptr_array_index (texts, i)));
  json_object_set_array_member (object, member, array);
}

static JsonArray *
options_to_array (PrepText **texts)
{
  JsonArray *array = json_array_sized_new (PREP_QUIZ_N_OPTIONS);

  for (guint i = 0; i < PREP_QUIZ_N_OPTIONS; i++)
    json_array_add_element (array, text_to_node (texts[i]));

  return array;
}

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev ? ev->value_nick : NULL;
}

/**
 * prep_question_to_json:
 *
 * Returns: (transfer full): @question as an object of the content schema,
 *   with every locale and member it has, in the schema's order: the
 *   loader reads it back as the same question
 */
JsonObject *
prep_question_to_json (PrepQuestion *question)
{
  JsonObject *object;
  JsonArray *tags;
  GPtrArray *list;

  g_return_val_if_fail (PREP_IS_QUESTION (question), NULL);

  _prep_question_ensure_loaded (question);

  object = json_object_new ();
  json_object_set_string_member (object, "id", question->id);
  json_object_set_string_member (object, "category", question->category_id);
  json_object_set_string_member (object, "origin", enum_nick (PREP_TYPE_ORIGIN, question->origin));
  set_text (object, "question", question->title);
  json_object_set_string_member (object, "difficulty", enum_nick (PREP_TYPE_DIFFICULTY, question->difficulty));

  tags = json_array_new ();
  for (guint i = 0; question->tags[i]; i++)
    json_array_add_string_element (tags, question->tags[i]);
  json_object_set_array_member (object, "tags", tags);

  set_text (object, "short_answer", question->short_answer);
  set_text (object, "detailed_answer", question->detailed_answer);
  set_text_array (object, "key_points", question->key_points);

  list = question->follow_ups;
  if (list->len > 0)
    {
      JsonArray *array = json_array_sized_new (list->len);

      for (guint i = 0; i < list->len; i++)
        {
          PrepFollowUp *follow_up = g_ptr_array_index (list, i);
          JsonObject *item = json_object_new ();

          set_text (item, "question", follow_up->question);
          set_text (item, "answer", follow_up->answer);
          json_array_add_object_element (array, item);
        }
      json_object_set_array_member (object, "follow_ups", array);
    }

  set_text_array (object, "pitfalls", question->pitfalls);

  list = question->quiz_items;
  if (list->len > 0)
    {
      JsonArray *array = json_array_sized_new (list->len);

      for (guint i = 0; i < list->len; i++)
        {
          PrepQuizItem *quiz = g_ptr_array_index (list, i);
          JsonObject *item = json_object_new ();

          set_text (item, "prompt", quiz->prompt);
          json_object_set_array_member (item, "options", options_to_array (quiz->options));
          json_object_set_int_member (item, "answer", quiz->answer);
          set_text (item, "explanation", quiz->explanation);
          if (quiz->option_explanations[0] != NULL)
            json_object_set_array_member (item, "option_explanations", options_to_array (quiz->option_explanations));
          json_array_add_object_element (array, item);
        }
      json_object_set_array_member (object, "quiz", array);
    }

  list = question->references;
  if (list->len > 0)
    {
      JsonArray *array = json_array_sized_new (list->len);

      for (guint i = 0; i < list->len; i++)
        {
          PrepReference *reference = g_ptr_array_index (list, i);
          JsonObject *item = json_object_new ();

          json_object_set_string_member (item, "title", reference->title);
          if (reference->authors)
            json_object_set_string_member (item, "authors", reference->authors);
          if (reference->year)
            json_object_set_int_member (item, "year", reference->year);
          if (reference->venue)
            json_object_set_string_member (item, "venue", reference->venue);
          if (reference->arxiv)
            json_object_set_string_member (item, "arxiv", reference->arxiv);
          if (reference->url)
            json_object_set_string_member (item, "url", reference->url);
          json_array_add_object_element (array, item);
        }
      json_object_set_array_member (object, "references", array);
    }

  if (question->last_reviewed != NULL)
    json_object_set_string_member (object, "last_reviewed", question->last_reviewed);

  return object;
}

/**
 * _prep_category_to_json:
 *
 * Returns: (transfer full): @category as an object of the content schema
 */
JsonObject *
_prep_category_to_json (PrepCategory *category)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", prep_category_get_id (category));
  set_text (object, "title", _prep_category_get_title_text (category));
  set_text (object, "description", _prep_category_get_description_text (category));

  return object;
}

/**
 * _prep_pack_to_json:
 * @categories: (element-type PrepCategory): those the pack defines
 * @questions: (element-type PrepQuestion)
 *
 * Returns: (transfer full): a content file of them
 */
JsonObject *
_prep_pack_to_json (GPtrArray *categories,
                    GPtrArray *questions)
{
  JsonObject *root = json_object_new ();
  JsonArray *array;

  json_object_set_int_member (root, "schema_version", PREP_CONTENT_SCHEMA_VERSION);

  if (categories->len > 0)
    {
      array = json_array_sized_new (categories->len);
      for (guint i = 0; i < categories->len; i++)
        json_array_add_object_element (array, _prep_category_to_json (g_ptr_array_index (categories, i)));
      json_object_set_array_member (root, "categories", array);
    }

  array = json_array_sized_new (questions->len);
  for (guint i = 0; i < questions->len; i++)
    json_array_add_object_element (array, prep_question_to_json (g_ptr_array_index (questions, i)));
  json_object_set_array_member (root, "questions", array);

  return root;
}

/* Writes a pack's file atomically, as the user's other files are. */
static gboolean
write_pack (const char  *path,
            GPtrArray   *categories,
            GPtrArray   *questions,
            GError     **error)
{
  g_autoptr(PrepJsonStore) store = prep_json_store_new (path, PREP_CONTENT_SCHEMA_VERSION);
  g_autoptr(JsonObject) root = _prep_pack_to_json (categories, questions);

  prep_json_store_set_pretty_depth (store, PREP_PACK_PRETTY_DEPTH);

  return prep_json_store_save (store, root, error);
}

/* The pack a new question goes to, and whether it must be created. */
static Pack *
default_pack (PrepPackStore *self)
{
  return g_hash_table_lookup (self->packs, PREP_PACK_DEFAULT_ID);
}

static PrepCategory *
new_default_category (PrepPackStore *self)
{
  g_autoptr(PrepText) title = prep_text_new ();

  prep_text_set (title, "zh_TW", "我的題目");
  prep_text_set (title, "en", "My Questions");

  return prep_category_new (PREP_PACK_DEFAULT_CATEGORY, title, NULL, prep_library_get_locale (self->library));
}

/* Reads @object as the loader would, with the issues relative to it.
 * Returns the question if it has none. */
static PrepQuestion *
build_question (PrepPackStore  *self,
                JsonObject     *object,
                const char     *replaces_id,
                GPtrArray      *issues)
{
  g_autoptr(PrepContentLoader) loader = NULL;
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  PrepQuestion *replaced = NULL;
  const char *extra_category = NULL;
  const char *prefix = "$.questions[0]";
  const char *id;
  JsonArray *array = json_array_new ();
  GPtrArray *loader_issues;
  gsize length;

  if (replaces_id != NULL)
    {
      replaced = prep_library_lookup_question (self->library, replaces_id);

      if (replaced == NULL || prep_question_get_pack_id (replaced) == NULL)
        {
          g_ptr_array_add (issues, issue_new (NULL, "$", 0, 0,
                                              replaced ? "the question “%s” is part of the bundled content, which is not changed"
                                                       : "there is no question “%s” to replace",
                                              replaces_id));
          json_array_unref (array);
          return NULL;
        }
    }

  /* The default pack's category comes with its first question. */
  if (default_pack (self) == NULL &&
      (replaced == NULL || g_strcmp0 (prep_question_get_pack_id (replaced), PREP_PACK_DEFAULT_ID) == 0))
    extra_category = PREP_PACK_DEFAULT_CATEGORY;

  json_object_set_int_member (root, "schema_version", PREP_CONTENT_SCHEMA_VERSION);
  json_array_add_object_element (array, json_object_ref (object));
  json_object_set_array_member (root, "questions", array);
  node = json_node_init_object (json_node_alloc (), root);

  if (!(data = prep_json_to_data (node, 0, &length, &error)))
    {
      g_ptr_array_add (issues, issue_new (NULL, "$", 0, 0, "%s", error->message));
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);

  loader = _prep_pack_store_new_loader (self, PREP_CONTENT_FLAGS_NONE, extra_category);
  prep_content_loader_add_bytes (loader, "question", bytes);
  prep_content_loader_finish (loader);

  loader_issues = prep_content_loader_get_issues (loader);
  for (guint i = 0; i < loader_issues->len; i++)
    {
      PrepContentIssue *issue = issue_copy (g_ptr_array_index (loader_issues, i));

      /* Relative to the question: "$.questions[0].quiz" is "$.quiz". */
      if (issue->path != NULL && g_str_has_prefix (issue->path, prefix))
        {
          char *path = g_strconcat ("$", issue->path + strlen (prefix), NULL);

          g_free (issue->path);
          issue->path = path;
        }
      g_clear_pointer (&issue->file, g_free);
      issue->line = issue->column = 0;
      g_ptr_array_add (issues, issue);
    }

  if (loader_issues->len > 0)
    return NULL;

  if (prep_content_loader_get_questions (loader)->len != 1)
    g_return_val_if_reached (NULL);

  id = json_object_get_string_member (object, "id");
  if (g_strcmp0 (id, replaces_id) != 0 && prep_library_lookup_question (self->library, id) != NULL)
    {
      g_autofree char *owner = describe_owner (prep_question_get_pack_id (prep_library_lookup_question (self->library, id)));

      g_ptr_array_add (issues, issue_new (NULL, "$.id", 0, 0, "the id “%s” is taken (by %s)", id, owner));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (prep_content_loader_get_questions (loader), 0));
}

/**
 * prep_pack_store_check_question:
 *
 * Returns: (transfer full) (element-type PrepContentIssue): the issues,
 *   empty if @question can be saved
 */
GPtrArray *
prep_pack_store_check_question (PrepPackStore *self,
                                JsonObject    *question,
                                const char    *replaces_id)
{
  g_autoptr(PrepQuestion) built = NULL;
  GPtrArray *issues;

  g_return_val_if_fail (PREP_IS_PACK_STORE (self), NULL);
  g_return_val_if_fail (question != NULL, NULL);

  issues = g_ptr_array_new_with_free_func ((GDestroyNotify) prep_content_issue_free);
  built = build_question (self, question, replaces_id, issues);

  return issues;
}

static gboolean
propagate_issues (GPtrArray  *issues,
                  GError    **error)
{
  g_autoptr(GString) message = NULL;

  if (issues->len == 0)
    return TRUE;

  message = g_string_new (_("The question has problems:"));
  for (guint i = 0; i < issues->len; i++)
    {
      const PrepContentIssue *issue = g_ptr_array_index (issues, i);
      g_string_append_printf (message, "\n%s: %s", issue->path ? issue->path : "$", issue->message);
    }
  g_set_error_literal (error, PREP_CONTENT_ERROR, PREP_CONTENT_ERROR_INVALID, message->str);

  return FALSE;
}

static guint
find_question (Pack         *pack,
               PrepQuestion *question)
{
  guint index = G_MAXUINT;

  g_ptr_array_find (pack->questions, question, &index);

  return index;
}

/**
 * prep_pack_store_save_question:
 *
 * Returns: whether it was saved; if not, @error says why and nothing
 *   changed
 */
gboolean
prep_pack_store_save_question (PrepPackStore  *self,
                               JsonObject     *question,
                               const char     *replaces_id,
                               GError        **error)
{
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) prep_content_issue_free);
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(PrepQuestion) built = NULL;
  g_autoptr(PrepCategory) new_category = NULL;
  Pack *pack = NULL;
  Pack *created = NULL;
  guint index = G_MAXUINT;

  g_return_val_if_fail (PREP_IS_PACK_STORE (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  if (self->loading)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("Your question packs are still being read"));
      return FALSE;
    }

  if (!(built = build_question (self, question, replaces_id, issues)))
    return propagate_issues (issues, error);

  if (replaces_id != NULL)
    {
      PrepQuestion *old = prep_library_lookup_question (self->library, replaces_id);

      pack = g_hash_table_lookup (self->packs, prep_question_get_pack_id (old));
      g_return_val_if_fail (pack != NULL, FALSE);
      index = find_question (pack, old);
      g_return_val_if_fail (index != G_MAXUINT, FALSE);
    }
  else if (!(pack = default_pack (self)))
    {
      /* A default pack that is on disk but was not loaded has problems:
       * it is never written over. */
      created = pack_new (self, PREP_PACK_DEFAULT_ID);
      if (g_file_test (created->path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
        {
          g_autofree char *name = g_path_get_basename (created->path);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       /* Translators: %s is a file name */
                       _("Your questions’ file %s has problems, so it is not changed: correct or move it first"),
                       name);
          pack_free (created);
          return FALSE;
        }
      new_category = new_default_category (self);
      g_ptr_array_add (created->categories, g_object_ref (new_category));
      pack = created;
    }

  questions = g_ptr_array_copy (pack->questions, ref_copy, NULL);
  g_ptr_array_set_free_func (questions, g_object_unref);
  if (index != G_MAXUINT)
    {
      g_object_unref (questions->pdata[index]);
      questions->pdata[index] = g_object_ref (built);
    }
  else
    g_ptr_array_add (questions, g_object_ref (built));

  if (!write_pack (pack->path, pack->categories, questions, error))
    {
      g_clear_pointer (&created, pack_free);
      return FALSE;
    }

  /* Written: the model follows. None of this can fail, it was checked. */
  if (created != NULL)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, built);
      if (!prep_library_add_user_content (self->library, created->id, created->categories, one, error))
        g_return_val_if_reached (FALSE);
      g_hash_table_insert (self->packs, created->id, created);
      g_ptr_array_add (self->order, created);
    }
  else if (replaces_id != NULL)
    {
      if (!prep_library_replace_user_question (self->library, replaces_id, built, error))
        g_return_val_if_reached (FALSE);
    }
  else
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      g_ptr_array_add (one, built);
      if (!prep_library_add_user_content (self->library, pack->id, none, one, error))
        g_return_val_if_reached (FALSE);
    }

  g_ptr_array_unref (pack->questions);
  pack->questions = g_steal_pointer (&questions);

  return TRUE;
}

/**
 * prep_pack_store_delete_question:
 *
 * Returns: (transfer full) (nullable): the question as it was, to save
 *   again for an undo
 */
JsonObject *
prep_pack_store_delete_question (PrepPackStore  *self,
                                 const char     *id,
                                 GError        **error)
{
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(JsonObject) object = NULL;
  PrepQuestion *question;
  Pack *pack;
  guint index;

  g_return_val_if_fail (PREP_IS_PACK_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (self->loading)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("Your question packs are still being read"));
      return NULL;
    }

  if (!(question = prep_library_lookup_question (self->library, id)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no question with the ID “%s”"), id);
      return NULL;
    }
  if (!(pack = g_hash_table_lookup (self->packs, prep_question_get_pack_id (question) ?: "")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("The question “%s” is part of the bundled content, which is not changed"), id);
      return NULL;
    }
  index = find_question (pack, question);
  g_return_val_if_fail (index != G_MAXUINT, NULL);

  object = prep_question_to_json (question);
  questions = g_ptr_array_copy (pack->questions, ref_copy, NULL);
  g_ptr_array_set_free_func (questions, g_object_unref);
  g_ptr_array_remove_index (questions, index);

  if (!write_pack (pack->path, pack->categories, questions, error))
    return NULL;

  if (!prep_library_remove_user_question (self->library, id, error))
    g_return_val_if_reached (NULL);

  g_ptr_array_unref (pack->questions);
  pack->questions = g_steal_pointer (&questions);

  return g_steal_pointer (&object);
}

/* Whether @id is neither a question nor a category (nor a pack). */
static gboolean
id_is_free (PrepPackStore *self,
            const char    *id,
            PrepPackIdKind kind)
{
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  switch (kind)
    {
    case PREP_PACK_ID_QUESTION:
      return prep_library_lookup_question (self->library, id) == NULL;
    case PREP_PACK_ID_CATEGORY:
      return prep_library_lookup_category (self->library, id) == NULL;
    case PREP_PACK_ID_PACK:
      file = g_strconcat (id, ".json", NULL);
      path = g_build_filename (self->dir, file, NULL);
      return !g_hash_table_contains (self->packs, id) && !g_hash_table_contains (self->reserved, id) &&
             !g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * prep_pack_slug:
 * @text: (nullable): e.g. a question's title
 *
 * Returns: (transfer full) (nullable): an id of the ASCII words of @text
 *   ("What is a KV cache?" → "what-is-a-kv-cache"), short enough to take a
 *   "-NN" suffix, or %NULL if it has none
 */
char *
prep_pack_slug (const char *text)
{
  g_autoptr(GString) slug = g_string_new (NULL);
  gboolean in_word = FALSE;

  for (const char *p = text ? text : ""; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (!in_word && slug->len > 0)
            {
              /* Words stop at the length an id can take, with room for "-NNNN". */
              if (slug->len + 2 > PREP_PACK_SLUG_MAX)
                break;
              g_string_append_c (slug, '-');
            }
          if (slug->len >= PREP_PACK_SLUG_MAX)
            break;
          g_string_append_c (slug, g_ascii_tolower (*p));
          in_word = TRUE;
        }
      else
        in_word = FALSE;
    }

  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  return slug->len > 0 ? g_string_free (g_steal_pointer (&slug), FALSE) : NULL;
}

/**
 * prep_pack_store_new_id:
 * @base: (nullable): a wanted id, or %NULL
 * @fallback: the stem when @base is %NULL, e.g. "my-question"
 *
 * Returns: (transfer full): @base if free, else the first free of
 *   "BASE-2", "BASE-3"… (or "FALLBACK-1", "FALLBACK-2"…)
 */
char *
prep_pack_store_new_id (PrepPackStore  *self,
                        const char     *base,
                        const char     *fallback,
                        PrepPackIdKind  kind)
{
  g_return_val_if_fail (PREP_IS_PACK_STORE (self), NULL);
  g_return_val_if_fail (fallback != NULL, NULL);

  if (base != NULL && prep_content_id_is_valid (base) && id_is_free (self, base, kind))
    return g_strdup (base);

  for (guint n = base ? 2 : 1; ; n++)
    {
      g_autofree char *stem = g_strndup (base ? base : fallback, PREP_PACK_SLUG_MAX);
      g_autofree char *id = g_strdup_printf ("%s-%u", stem, n);

      if (prep_content_id_is_valid (id) && id_is_free (self, id, kind))
        return g_steal_pointer (&id);
    }
}

/**
 * prep_pack_store_new_question_id:
 * @title: (nullable): the question, in any language
 *
 * Returns: (transfer full): a free id, of the title's ASCII words if it
 *   has some ("kv-cache", "kv-cache-2"), else "my-question-N"
 */
char *
prep_pack_store_new_question_id (PrepPackStore *self,
                                 const char    *title)
{
  g_autofree char *slug = prep_pack_slug (title);

  g_return_val_if_fail (PREP_IS_PACK_STORE (self), NULL);

  return prep_pack_store_new_id (self, slug, "my-question", PREP_PACK_ID_QUESTION);
}

/**
 * _prep_pack_store_check_new_pack:
 * @id: the new pack's id
 * @categories: (element-type PrepCategory): the categories it defines
 * @questions: (element-type PrepQuestion): all of its questions
 *
 * On the main thread, before a new pack is written: are its ids free?
 * If so, the pack's id is reserved until _prep_pack_store_adopt_pack()
 * or _prep_pack_store_release_pack_id(): two imports never write one
 * file.
 */
gboolean
_prep_pack_store_check_new_pack (PrepPackStore  *self,
                                 const char     *id,
                                 GPtrArray      *categories,
                                 GPtrArray      *questions,
                                 GError        **error)
{
  g_return_val_if_fail (PREP_IS_PACK_STORE (self), FALSE);

  if (self->loading)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("Your question packs are still being read"));
      return FALSE;
    }

  if (!prep_content_id_is_valid (id) || !id_is_free (self, id, PREP_PACK_ID_PACK))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("There is already a pack “%s”"), id);
      return FALSE;
    }

  for (guint i = 0; i < categories->len; i++)
    if (!id_is_free (self, prep_category_get_id (g_ptr_array_index (categories, i)), PREP_PACK_ID_CATEGORY))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("The category ID “%s” is taken"),
                     prep_category_get_id (g_ptr_array_index (categories, i)));
        return FALSE;
      }
  for (guint i = 0; i < questions->len; i++)
    if (!id_is_free (self, prep_question_get_id (g_ptr_array_index (questions, i)), PREP_PACK_ID_QUESTION))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("The question ID “%s” is taken"),
                     prep_question_get_id (g_ptr_array_index (questions, i)));
        return FALSE;
      }

  g_hash_table_add (self->reserved, g_strdup (id));
  return TRUE;
}

/**
 * _prep_pack_store_release_pack_id:
 *
 * For a new pack that was not written after all.
 */
void
_prep_pack_store_release_pack_id (PrepPackStore *self,
                                  const char    *id)
{
  g_return_if_fail (PREP_IS_PACK_STORE (self));

  g_hash_table_remove (self->reserved, id);
}

/**
 * _prep_pack_store_pack_path:
 *
 * Returns: (transfer full): where the pack @id is written
 */
char *
_prep_pack_store_pack_path (PrepPackStore *self,
                            const char    *id)
{
  g_autofree char *basename = g_strconcat (id, ".json", NULL);

  g_return_val_if_fail (PREP_IS_PACK_STORE (self), NULL);

  return g_build_filename (self->dir, basename, NULL);
}

/**
 * _prep_pack_store_write_pack:
 *
 * Writes a pack's file atomically; in any thread, for objects no other
 * thread uses.
 */
gboolean
_prep_pack_store_write_pack (const char  *path,
                             GPtrArray   *categories,
                             GPtrArray   *questions,
                             GError     **error)
{
  return write_pack (path, categories, questions, error);
}

/**
 * _prep_pack_store_adopt_pack:
 *
 * On the main thread, after _prep_pack_store_write_pack(): adds the new
 * pack to the library. On failure its file is removed again.
 */
gboolean
_prep_pack_store_adopt_pack (PrepPackStore  *self,
                             const char     *id,
                             GPtrArray      *categories,
                             GPtrArray      *questions,
                             GError        **error)
{
  Pack *pack;

  g_return_val_if_fail (PREP_IS_PACK_STORE (self), FALSE);

  g_hash_table_remove (self->reserved, id);
  pack = pack_new (self, id);
  if (g_hash_table_contains (self->packs, id) ||
      !prep_library_add_user_content (self->library, id, categories, questions, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("There is already a pack “%s”"), id);
      /* Not half known: the file goes with it. */
      g_unlink (pack->path);
      pack_free (pack);
      return FALSE;
    }

  g_ptr_array_extend (pack->categories, categories, ref_copy, NULL);
  g_ptr_array_extend (pack->questions, questions, ref_copy, NULL);
  g_hash_table_insert (self->packs, pack->id, pack);
  g_ptr_array_add (self->order, pack);

  return TRUE;
}

/**
 * _prep_pack_store_add_pack:
 *
 * Checks, writes and adopts a new pack, on the main thread. On failure
 * nothing changed.
 */
gboolean
_prep_pack_store_add_pack (PrepPackStore  *self,
                           const char     *id,
                           GPtrArray      *categories,
                           GPtrArray      *questions,
                           GError        **error)
{
  g_autofree char *path = NULL;

  if (!_prep_pack_store_check_new_pack (self, id, categories, questions, error))
    return FALSE;

  path = _prep_pack_store_pack_path (self, id);
  if (!write_pack (path, categories, questions, error))
    {
      _prep_pack_store_release_pack_id (self, id);
      return FALSE;
    }

  return _prep_pack_store_adopt_pack (self, id, categories, questions, error);
}
