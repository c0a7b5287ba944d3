/* prep-pack-io.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-pack-io"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "prep-category-private.h"
#include "prep-content-loader.h"
#include "prep-json-io.h"
#include "prep-pack-io.h"
#include "prep-pack-store-private.h"
#include "prep-question-parts.h"
#include "prep-question-private.h"

/* What is read in the thread touches only what the import owns: the file,
 * a copy of the library's ids taken on the main thread, and the objects
 * the loader makes. The library is changed by commit(), on the main
 * thread, as one items-changed per list. */
struct _PrepPackImport
{
  GObject       parent_instance;

  /* Owned references */
  PrepPackStore *store;
  GFile         *file;
  char          *pack_id;
  GStrv          category_ids;   /* the library's, when created */
  GStrv          question_ids;
  GMainContext  *context;        /* where "fraction" is notified */
  GPtrArray     *issues;         /* PrepContentIssue */
  GPtrArray     *clashes;        /* PrepPackClash */
  GPtrArray     *categories;     /* PrepCategory the file defines */
  GPtrArray     *questions;      /* PrepQuestion */
  GBytes        *bytes;          /* the file, to place issues found later */
  guint          markdown_next;  /* the next question whose Markdown is checked */

  int            permille;       /* atomic: how far the read is */
  guint          notify_source;  /* atomic: a notify is scheduled */
  guint          read : 1;
  guint          committed : 1;
};

G_DEFINE_FINAL_TYPE (PrepPackImport, prep_pack_import, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gpointer
ref_copy (gconstpointer object,
          gpointer      data)
{
  return g_object_ref ((gpointer) object);
}

static void
clash_free (PrepPackClash *clash)
{
  g_free (clash->id);
  g_free (clash->rename_to);
  g_free (clash);
}

static void
prep_pack_import_finalize (GObject *object)
{
  PrepPackImport *self = (PrepPackImport *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_pointer (&self->pack_id, g_free);
  g_clear_pointer (&self->category_ids, g_strfreev);
  g_clear_pointer (&self->question_ids, g_strfreev);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->issues, g_ptr_array_unref);
  g_clear_pointer (&self->clashes, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (prep_pack_import_parent_class)->finalize (object);
}

static void
prep_pack_import_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PrepPackImport *self = PREP_PACK_IMPORT (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, prep_pack_import_get_fraction (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_pack_import_class_init (PrepPackImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prep_pack_import_finalize;
  object_class->get_property = prep_pack_import_get_property;

  /* How far the read is, from 0 to 1; notified on the thread that made
   * the import. */
  properties [PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prep_pack_import_init (PrepPackImport *self)
{
  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) prep_content_issue_free);
  self->clashes = g_ptr_array_new_with_free_func ((GDestroyNotify) clash_free);
  self->categories = g_ptr_array_new_with_free_func (g_object_unref);
  self->questions = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * prep_pack_import_new:
 * @store: the packs the file becomes one of
 * @file: a content file
 *
 * Call on the thread that uses the library.
 */
PrepPackImport *
prep_pack_import_new (PrepPackStore *store,
                      GFile         *file)
{
  PrepLibrary *library;
  PrepPackImport *self;
  g_autofree char *basename = NULL;
  g_autofree char *slug = NULL;
  char *dot;

  g_return_val_if_fail (PREP_IS_PACK_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  library = prep_pack_store_get_library (store);
  self = g_object_new (PREP_TYPE_PACK_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  self->category_ids = prep_library_dup_category_ids (library);
  self->question_ids = prep_library_dup_question_ids (library);
  self->context = g_main_context_ref_thread_default ();

  /* The pack is named after the file: "LLM Questions.json" → "llm-questions". */
  basename = g_file_get_basename (file);
  if (basename != NULL && (dot = strrchr (basename, '.')) && dot != basename)
    *dot = '\0';
  slug = prep_pack_slug (basename);
  self->pack_id = prep_pack_store_new_id (store, slug, "pack", PREP_PACK_ID_PACK);

  return self;
}

GFile *
prep_pack_import_get_file (PrepPackImport *self)
{
  g_return_val_if_fail (PREP_IS_PACK_IMPORT (self), NULL);

  return self->file;
}

/**
 * prep_pack_import_get_pack_id:
 *
 * Returns: the id the pack will have, made from the file's name
 */
const char *
prep_pack_import_get_pack_id (PrepPackImport *self)
{
  g_return_val_if_fail (PREP_IS_PACK_IMPORT (self), NULL);

  return self->pack_id;
}

double
prep_pack_import_get_fraction (PrepPackImport *self)
{
  g_return_val_if_fail (PREP_IS_PACK_IMPORT (self), 0);

  return g_atomic_int_get (&self->permille) / 1000.0;
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static gboolean
notify_fraction_cb (gpointer data)
{
  g_autoptr(PrepPackImport) self = g_weak_ref_get (data);

  if (self != NULL)
    {
      g_atomic_int_set (&self->notify_source, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FRACTION]);
    }

  return G_SOURCE_REMOVE;
}

static void
set_fraction (PrepPackImport *self,
              double          fraction)
{
  g_atomic_int_set (&self->permille, (int) CLAMP (fraction * 1000, 0, 1000));

  /* At most one notify waits in the main loop, however fast the thread. */
  if (g_atomic_int_compare_and_exchange (&self->notify_source, 0, 1))
    {
      GSource *source = g_idle_source_new ();
      GWeakRef *ref = g_new0 (GWeakRef, 1);

      /* Weak: an import read without a main loop is not kept alive. */
      g_weak_ref_init (ref, self);
      g_source_set_callback (source, notify_fraction_cb, ref, (GDestroyNotify) weak_ref_free);
      g_source_set_static_name (source, "[prep] pack import progress");
      g_source_attach (source, self->context);
      g_source_unref (source);
    }
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer data)
{
  /* Reading the file and parsing it are the first tenth. */
  set_fraction (data, 0.1 + 0.85 * (total ? (double) done / total : 1));
}

static GHashTable *
set_of (GStrv ids)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids[i]; i++)
    g_hash_table_add (set, ids[i]);

  return set;
}

/* The first of "ID-2", "ID-3"… that is in neither set; then taken. */
static char *
free_id (const char *id,
         GHashTable *taken,
         GHashTable *also_taken)
{
  for (guint n = 2; ; n++)
    {
      g_autofree char *stem = g_strndup (id, PREP_PACK_SLUG_MAX);
      char *candidate;

      /* Never ending in a hyphen, whatever the cut. */
      while (stem[0] && stem[strlen (stem) - 1] == '-')
        stem[strlen (stem) - 1] = '\0';
      candidate = g_strdup_printf ("%s-%u", stem, n);
      if (!g_hash_table_contains (taken, candidate) && !g_hash_table_contains (also_taken, candidate))
        {
          g_hash_table_add (taken, candidate);
          return g_strdup (candidate);
        }
      g_free (candidate);
    }
}

static void
add_clash (PrepPackImport *self,
           PrepPackIdKind  kind,
           const char     *id,
           GHashTable     *taken,
           GHashTable     *library_ids)
{
  PrepPackClash *clash = g_new0 (PrepPackClash, 1);

  clash->kind = kind;
  clash->id = g_strdup (id);
  clash->rename_to = free_id (id, taken, library_ids);
  g_ptr_array_add (self->clashes, clash);
}

/**
 * prep_pack_import_read:
 *
 * Reads and checks the file, in any thread; then get_issues() says what
 * is wrong with it, and get_clashes() which of its ids are taken.
 *
 * Returns: %FALSE if the file had issues (@error summarises them) or
 *   the read was cancelled
 */
gboolean
prep_pack_import_read (PrepPackImport  *self,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(PrepContentLoader) loader = NULL;
  g_autoptr(GHashTable) library_categories = NULL;
  g_autoptr(GHashTable) library_questions = NULL;
  g_autoptr(GHashTable) taken = NULL;
  GPtrArray *issues;

  g_return_val_if_fail (PREP_IS_PACK_IMPORT (self), FALSE);
  g_return_val_if_fail (!self->read, FALSE);

  self->read = TRUE;
  set_fraction (self, 0);

  /* Same rules as a pack of the store, but a category or question id
   * that is taken is for the user to rename, not an issue. */
  loader = prep_content_loader_new (NULL, PREP_CONTENT_FLAGS_KEEP_CLASHES);
  prep_content_loader_add_external_categories (loader, (const char * const *) self->category_ids);
  prep_content_loader_add_external_ids (loader, (const char * const *) self->question_ids);
  prep_content_loader_set_progress (loader, progress_cb, self);

  /* Read here rather than by the loader: the bytes place the problems
   * of the Markdown check, made later on the main thread. */
  {
    g_autoptr(GError) read_error = NULL;
    g_autofree char *name = g_file_get_path (self->file);

    if (name == NULL)
      name = g_file_get_uri (self->file);
    if (g_file_is_native (self->file))
      self->bytes = prep_json_read_file (name, PREP_PACK_MAX_FILE, &read_error);
    else
      self->bytes = g_file_load_bytes (self->file, cancellable, NULL, &read_error);

    if (self->bytes == NULL)
      prep_content_loader_add_file (loader, self->file);
    else
      prep_content_loader_add_bytes (loader, name, self->bytes);
  }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  prep_content_loader_finish (loader);

  issues = prep_content_loader_get_issues (loader);
  for (guint i = 0; i < issues->len; i++)
    {
      const PrepContentIssue *issue = g_ptr_array_index (issues, i);
      PrepContentIssue *copy = g_new0 (PrepContentIssue, 1);

      copy->file = g_strdup (issue->file);
      copy->path = g_strdup (issue->path);
      copy->message = g_strdup (issue->message);
      copy->line = issue->line;
      copy->column = issue->column;
      g_ptr_array_add (self->issues, copy);
    }
  if (!prep_content_loader_propagate_issues (loader, error))
    return FALSE;

  g_ptr_array_extend (self->categories, prep_content_loader_get_categories (loader), ref_copy, NULL);
  g_ptr_array_extend (self->questions, prep_content_loader_get_questions (loader), ref_copy, NULL);

  /* Taken: the library's ids and the file's own, so that a suggested id
   * is free of both. */
  library_categories = set_of (self->category_ids);
  library_questions = set_of (self->question_ids);
  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->categories->len; i++)
    g_hash_table_add (taken, g_strdup (prep_category_get_id (g_ptr_array_index (self->categories, i))));
  for (guint i = 0; i < self->questions->len; i++)
    g_hash_table_add (taken, g_strdup (prep_question_get_id (g_ptr_array_index (self->questions, i))));

  for (guint i = 0; i < self->categories->len; i++)
    {
      const char *id = prep_category_get_id (g_ptr_array_index (self->categories, i));

      if (g_hash_table_contains (library_categories, id))
        add_clash (self, PREP_PACK_ID_CATEGORY, id, taken, library_categories);
    }
  for (guint i = 0; i < self->questions->len; i++)
    {
      const char *id = prep_question_get_id (g_ptr_array_index (self->questions, i));

      if (g_hash_table_contains (library_questions, id))
        add_clash (self, PREP_PACK_ID_QUESTION, id, taken, library_questions);
    }

  set_fraction (self, 1);

  return TRUE;
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (prep_pack_import_read (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The Markdown check is the renderer's, which lives on the main thread:
 * there, a few hundred questions at a time (10,000 answers take about
 * 90 ms), so that the window keeps drawing. */
#define MARKDOWN_CHUNK 500

static gboolean
check_markdown_cb (gpointer data)
{
  GTask *task = data;
  PrepPackImport *self = g_task_get_source_object (task);
  gpointer check_data = NULL;
  PrepContentMarkdownCheck check = _prep_pack_store_get_markdown_check (self->store, &check_data);
  const char * const *locales = prep_content_locales ();
  g_autofree char *file = g_file_get_path (self->file);
  guint end = MIN (self->markdown_next + MARKDOWN_CHUNK, self->questions->len);

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  for (; check != NULL && self->markdown_next < end; self->markdown_next++)
    {
      PrepQuestion *question = g_ptr_array_index (self->questions, self->markdown_next);

      for (guint i = 0; question->detailed_answer && locales[i]; i++)
        {
          const char *markdown = prep_text_lookup (question->detailed_answer, locales[i]);
          g_autofree char *problem = NULL;
          guint line = 1;

          if (markdown != NULL && (problem = check (markdown, &line, check_data)))
            {
              PrepContentIssue *issue = g_new0 (PrepContentIssue, 1);
              gsize size, offset;
              const char *bytes = self->bytes ? g_bytes_get_data (self->bytes, &size) : NULL;

              issue->file = g_strdup (file ? file : "");
              issue->path = g_strdup_printf ("$.questions[%u].detailed_answer.%s", self->markdown_next, locales[i]);
              issue->message = g_strdup_printf ("line %u of the text: %s", line, problem);
              if (bytes != NULL && prep_json_locate (bytes, size, issue->path, &offset))
                prep_json_offset_to_position (bytes, size, offset, &issue->line, &issue->column);
              g_ptr_array_add (self->issues, issue);
            }
        }
    }

  if (check != NULL && self->markdown_next < self->questions->len)
    return G_SOURCE_CONTINUE;

  if (self->issues->len > 0)
    g_task_return_new_error (task, PREP_CONTENT_ERROR, PREP_CONTENT_ERROR_INVALID,
                             "%u problem(s) in the content", self->issues->len);
  else
    g_task_return_boolean (task, TRUE);

  return G_SOURCE_REMOVE;
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;
  GSource *source;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, check_markdown_cb, g_object_ref (task), g_object_unref);
  g_source_set_static_name (source, "[prep] pack import Markdown check");
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

/**
 * prep_pack_import_read_async:
 *
 * prep_pack_import_read() in a thread, "fraction" notified meanwhile;
 * then, on the calling thread, the answers' Markdown through the store's
 * check (prep_pack_store_set_markdown_check()), as --validate does.
 */
void
prep_pack_import_read_async (PrepPackImport      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) thread_task = NULL;

  g_return_if_fail (PREP_IS_PACK_IMPORT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, prep_pack_import_read_async);
  thread_task = g_task_new (self, cancellable, read_done_cb, task);
  g_task_run_in_thread (thread_task, read_thread);
}

gboolean
prep_pack_import_read_finish (PrepPackImport  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (PREP_IS_PACK_IMPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * prep_pack_import_get_issues:
 *
 * Returns: (transfer none) (element-type PrepContentIssue): what is wrong
 *   with the file, with FILE:LINE:COLUMN where known
 */
GPtrArray *
prep_pack_import_get_issues (PrepPackImport *self)
{
  g_return_val_if_fail (PREP_IS_PACK_IMPORT (self), NULL);

  return self->issues;
}

/**
 * prep_pack_import_get_clashes:
 *
 * Returns: (transfer none) (element-type PrepPackClash): the file's ids
 *   that are taken, each with the id it will be renamed to
 */
GPtrArray *
prep_pack_import_get_clashes (PrepPackImport *self)
{
  g_return_val_if_fail (PREP_IS_PACK_IMPORT (self), NULL);

  return self->clashes;
}

guint
prep_pack_import_get_n_questions (PrepPackImport *self)
{
  g_return_val_if_fail (PREP_IS_PACK_IMPORT (self), 0);

  return self->questions->len;
}

guint
prep_pack_import_get_n_categories (PrepPackImport *self)
{
  g_return_val_if_fail (PREP_IS_PACK_IMPORT (self), 0);

  return self->categories->len;
}

/**
 * prep_pack_import_rename:
 * @id: a clashing id of the file
 * @rename_to: the id it gets instead of the suggested one
 *
 * Returns: %FALSE if @rename_to is malformed or taken
 */
gboolean
prep_pack_import_rename (PrepPackImport  *self,
                         PrepPackIdKind   kind,
                         const char      *id,
                         const char      *rename_to,
                         GError         **error)
{
  PrepPackClash *found = NULL;
  GStrv library_ids;

  g_return_val_if_fail (PREP_IS_PACK_IMPORT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (rename_to != NULL, FALSE);

  for (guint i = 0; i < self->clashes->len; i++)
    {
      PrepPackClash *clash = g_ptr_array_index (self->clashes, i);

      if (clash->kind == kind && g_str_equal (clash->id, id))
        found = clash;
      else if (clash->kind == kind && g_str_equal (clash->rename_to, rename_to))
        goto taken;
    }
  g_return_val_if_fail (found != NULL, FALSE);

  if (!prep_content_id_is_valid (rename_to))
    {
      g_set_error (error, PREP_CONTENT_ERROR, PREP_CONTENT_ERROR_INVALID,
                   _("“%s” is not an ID: use 1–64 lowercase ASCII letters, digits and single hyphens"),
                   rename_to);
      return FALSE;
    }

  library_ids = kind == PREP_PACK_ID_CATEGORY ? self->category_ids : self->question_ids;
  if (g_strv_contains ((const char * const *) library_ids, rename_to))
    goto taken;
  if (kind == PREP_PACK_ID_CATEGORY)
    {
      for (guint i = 0; i < self->categories->len; i++)
        if (g_str_equal (prep_category_get_id (g_ptr_array_index (self->categories, i)), rename_to))
          goto taken;
    }
  else
    {
      for (guint i = 0; i < self->questions->len; i++)
        if (g_str_equal (prep_question_get_id (g_ptr_array_index (self->questions, i)), rename_to))
          goto taken;
    }

  g_free (found->rename_to);
  found->rename_to = g_strdup (rename_to);
  return TRUE;

taken:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("The ID “%s” is taken"), rename_to);
  return FALSE;
}

static void
repick_pack_id (PrepPackImport *self)
{
  char *id = prep_pack_store_new_id (self->store, self->pack_id, "pack", PREP_PACK_ID_PACK);

  g_free (self->pack_id);
  self->pack_id = id;
}

/* Gives the clashing ids their new names, or back the old ones: on
 * objects no one else sees yet. */
static void
apply_renames (PrepPackImport *self,
               gboolean        forward)
{
  for (guint i = 0; i < self->clashes->len; i++)
    {
      PrepPackClash *clash = g_ptr_array_index (self->clashes, i);
      const char *from = forward ? clash->id : clash->rename_to;
      const char *to = forward ? clash->rename_to : clash->id;

      if (clash->kind == PREP_PACK_ID_CATEGORY)
        {
          for (guint j = 0; j < self->categories->len; j++)
            {
              PrepCategory *category = g_ptr_array_index (self->categories, j);
              GListModel *questions = prep_category_get_questions (category);

              if (!g_str_equal (prep_category_get_id (category), from))
                continue;
              _prep_category_set_id (category, to);
              for (guint k = 0; k < g_list_model_get_n_items (questions); k++)
                {
                  g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, k);
                  _prep_question_set_category_id (question, to);
                }
            }
        }
      else
        {
          for (guint j = 0; j < self->questions->len; j++)
            {
              PrepQuestion *question = g_ptr_array_index (self->questions, j);

              if (g_str_equal (prep_question_get_id (question), from))
                _prep_question_set_id (question, to);
            }
        }
    }
}

/**
 * prep_pack_import_commit:
 *
 * Renames the clashing ids as get_clashes() says, writes the pack and
 * adds it to the library, all on the library's thread, after a read
 * without issues. On failure nothing changed. For a large pack, see
 * commit_async(), which writes in a thread.
 */
gboolean
prep_pack_import_commit (PrepPackImport  *self,
                         GError         **error)
{
  g_return_val_if_fail (PREP_IS_PACK_IMPORT (self), FALSE);
  g_return_val_if_fail (self->read && self->issues->len == 0, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  /* Another import may have taken the name meanwhile. */
  repick_pack_id (self);
  apply_renames (self, TRUE);
  if (!_prep_pack_store_add_pack (self->store, self->pack_id, self->categories, self->questions, error))
    {
      apply_renames (self, FALSE);
      return FALSE;
    }

  self->committed = TRUE;
  return TRUE;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PrepPackImport *self = source_object;
  GError *error = NULL;

  if (_prep_pack_store_write_pack (task_data, self->categories, self->questions, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * prep_pack_import_commit_async:
 *
 * Like commit(), with the pack made and written in a thread (for 10,000
 * questions, most of the time); the library is changed in finish().
 */
void
prep_pack_import_commit_async (PrepPackImport      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PREP_IS_PACK_IMPORT (self));
  g_return_if_fail (self->read && self->issues->len == 0);
  g_return_if_fail (!self->committed);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, prep_pack_import_commit_async);

  repick_pack_id (self);
  apply_renames (self, TRUE);
  if (!_prep_pack_store_check_new_pack (self->store, self->pack_id, self->categories, self->questions, &error))
    {
      apply_renames (self, FALSE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* No second commit while this one writes. */
  self->committed = TRUE;
  g_task_set_task_data (task, _prep_pack_store_pack_path (self->store, self->pack_id), g_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
prep_pack_import_commit_finish (PrepPackImport  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (PREP_IS_PACK_IMPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  /* Refused before the thread: nothing to undo. */
  if (!self->committed)
    return g_task_propagate_boolean (G_TASK (result), error);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      _prep_pack_store_release_pack_id (self->store, self->pack_id);
      apply_renames (self, FALSE);
      self->committed = FALSE;
      return FALSE;
    }

  if (!_prep_pack_store_adopt_pack (self->store, self->pack_id, self->categories, self->questions, error))
    {
      apply_renames (self, FALSE);
      self->committed = FALSE;
      return FALSE;
    }

  return TRUE;
}

/**
 * prep_pack_export_select:
 * @category_id: (nullable): for %PREP_PACK_EXPORT_CATEGORY
 * @user_data: (nullable): for %PREP_PACK_EXPORT_BOOKMARKED
 *
 * Returns: (transfer full) (element-type PrepQuestion): the questions, in
 *   the library's order
 */
GPtrArray *
prep_pack_export_select (PrepLibrary         *library,
                         PrepPackExportScope  scope,
                         const char          *category_id,
                         PrepUserData        *user_data)
{
  GPtrArray *questions = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;

  g_return_val_if_fail (PREP_IS_LIBRARY (library), questions);

  if (scope == PREP_PACK_EXPORT_CATEGORY)
    {
      PrepCategory *category = prep_library_lookup_category (library, category_id);

      if (category == NULL)
        return questions;
      model = prep_category_get_questions (category);
    }
  else
    model = prep_library_get_questions (library);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (model, i);
      gboolean wanted;

      switch (scope)
        {
        case PREP_PACK_EXPORT_USER:
          wanted = prep_question_get_pack_id (question) != NULL;
          break;
        case PREP_PACK_EXPORT_BOOKMARKED:
          wanted = user_data != NULL && prep_user_data_get_bookmarked (user_data, prep_question_get_id (question));
          break;
        case PREP_PACK_EXPORT_CATEGORY:
        default:
          wanted = TRUE;
          break;
        }

      if (wanted)
        g_ptr_array_add (questions, g_steal_pointer (&question));
    }

  return questions;
}

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  guint pa = prep_category_get_position (*(PrepCategory * const *) a);
  guint pb = prep_category_get_position (*(PrepCategory * const *) b);

  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

/**
 * prep_pack_export_json:
 * @questions: (element-type PrepQuestion): what to export
 *
 * A pack file of @questions with the user's categories they are in; the
 * bundled categories are named only. Imported, it gives the same
 * questions; exported again, the same bytes.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 *   if the data would not read back
 */
GBytes *
prep_pack_export_json (GPtrArray  *questions,
                       GError    **error)
{
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (questions != NULL, NULL);

  for (guint i = 0; i < questions->len; i++)
    {
      g_autoptr(PrepCategory) category = prep_question_dup_category (g_ptr_array_index (questions, i));

      if (category != NULL && prep_category_get_pack_id (category) != NULL &&
          !g_ptr_array_find (categories, category, NULL))
        g_ptr_array_add (categories, g_steal_pointer (&category));
    }
  g_ptr_array_sort (categories, compare_position);

  root = _prep_pack_to_json (categories, questions);
  node = json_node_init_object (json_node_alloc (), root);
  if (!(data = prep_json_to_data (node, PREP_PACK_PRETTY_DEPTH, &length, error)))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&data), length);
}
