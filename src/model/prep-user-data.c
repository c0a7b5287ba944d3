/* prep-user-data.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-user-data"

#include "config.h"

#include <glib/gi18n.h>

#include "prep-json-store.h"
#include "prep-user-data.h"

/* The user's bookmarks, notes and answers read, by question id. Changes are saved
 * PREP_USER_DATA_SAVE_DELAY_MS after the last one (typing in a note makes
 * one write, not one per key), and at once by prep_user_data_flush().
 * A failed save keeps everything in memory and says why; the next change
 * or flush tries again.
 *
 * File: { "schema_version": 1,
 *         "questions": { "ID": { "bookmarked": true, "note": "…", "read": true } } }
 *
 * An answer is read once it was opened and scrolled to its end, or marked
 * read by hand; "read" is written only when true. Files without it are read by older versions,
 * which keep the member as one they do not know.
 *
 * Whatever else the file holds is kept and written back as it was: other
 * members of the root and of each entry, entries that are not objects, and
 * "bookmarked" or "note" of another type than this version writes (until
 * the user sets that question's bookmark or note). Only a "questions" that
 * is not an object makes the file damaged: then it is set aside. */

typedef struct
{
  char       *note;
  gboolean    bookmarked;
  gboolean    read;
  JsonObject *kept;      /* members of the entry this version does not read */
} Entry;

struct _PrepUserData
{
  GObject        parent_instance;

  PrepJsonStore *store;
  GHashTable    *entries;      /* id → Entry */
  JsonObject    *unknown;      /* members of the file we do not know, kept */
  JsonObject    *kept_entries; /* id → an entry that is not an object, kept */
  char          *save_error;
  guint          save_source;
  guint          n_saves;
  guint          dirty : 1;
};

G_DEFINE_FINAL_TYPE (PrepUserData, prep_user_data, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRTY,
  PROP_READ_ONLY,
  PROP_SAVE_ERROR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
entry_free (Entry *entry)
{
  g_free (entry->note);
  g_clear_pointer (&entry->kept, json_object_unref);
  g_free (entry);
}

static void
set_dirty (PrepUserData *self,
           gboolean      dirty)
{
  if (self->dirty != !!dirty)
    {
      self->dirty = !!dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DIRTY]);
    }
}

static void
set_save_error (PrepUserData *self,
                const char   *message)
{
  if (g_strcmp0 (self->save_error, message) != 0)
    {
      g_free (self->save_error);
      self->save_error = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SAVE_ERROR]);
    }
}

static JsonObject *
to_json (PrepUserData *self)
{
  JsonObject *root = json_object_new ();
  JsonObject *questions = json_object_new ();
  g_autoptr(GList) ids = g_hash_table_get_keys (self->entries);

  /* Sorted, so that the file diffs well and is stable between saves. */
  ids = g_list_sort (ids, (GCompareFunc) g_strcmp0);
  for (const GList *l = ids; l; l = l->next)
    {
      Entry *entry = g_hash_table_lookup (self->entries, l->data);
      JsonObject *object = json_object_new ();

      if (entry->kept != NULL)
        prep_json_store_restore_unknown (object, entry->kept);
      if (entry->bookmarked)
        json_object_set_boolean_member (object, "bookmarked", TRUE);
      if (entry->note != NULL)
        json_object_set_string_member (object, "note", entry->note);
      if (entry->read)
        json_object_set_boolean_member (object, "read", TRUE);
      json_object_set_object_member (questions, l->data, object);
    }

  if (self->kept_entries != NULL)
    {
      g_autoptr(GList) kept = json_object_get_members (self->kept_entries);

      for (const GList *l = kept; l; l = l->next)
        if (!json_object_has_member (questions, l->data))
          json_object_set_member (questions, l->data, json_object_dup_member (self->kept_entries, l->data));
    }

  prep_json_store_restore_unknown (root, self->unknown);
  json_object_set_object_member (root, "questions", questions);

  return root;
}

static gboolean
save_cb (gpointer user_data)
{
  PrepUserData *self = user_data;

  self->save_source = 0;
  prep_user_data_flush (self, NULL);

  return G_SOURCE_REMOVE;
}

static void
changed (PrepUserData *self,
         const char   *question_id)
{
  set_dirty (self, TRUE);

  /* Coalesce: every change restarts the delay. */
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!prep_json_store_get_read_only (self->store))
    self->save_source = g_timeout_add (PREP_USER_DATA_SAVE_DELAY_MS, save_cb, self);

  g_signal_emit (self, signals [CHANGED], 0, question_id);
}

static Entry *
ensure_entry (PrepUserData *self,
              const char   *question_id)
{
  Entry *entry = g_hash_table_lookup (self->entries, question_id);

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      g_hash_table_insert (self->entries, g_strdup (question_id), entry);
    }

  return entry;
}

static void
keep_member (Entry      *entry,
             const char *name,
             JsonNode   *node)
{
  if (entry->kept == NULL)
    entry->kept = json_object_new ();
  json_object_set_member (entry->kept, name, json_node_copy (node));
}

/* The user's own setting replaces a kept value of another type. */
static void
forget_kept (Entry      *entry,
             const char *name)
{
  if (entry->kept != NULL && json_object_has_member (entry->kept, name))
    {
      json_object_remove_member (entry->kept, name);
      if (json_object_get_size (entry->kept) == 0)
        g_clear_pointer (&entry->kept, json_object_unref);
    }
}

static void
drop_if_empty (PrepUserData *self,
               const char   *question_id,
               Entry        *entry)
{
  if (!entry->bookmarked && !entry->read && entry->note == NULL && entry->kept == NULL)
    g_hash_table_remove (self->entries, question_id);
}

static void
prep_user_data_dispose (GObject *object)
{
  PrepUserData *self = (PrepUserData *)object;

  /* Nothing typed is lost when the owner goes away without a flush. */
  if (self->dirty)
    prep_user_data_flush (self, NULL);
  g_clear_handle_id (&self->save_source, g_source_remove);

  G_OBJECT_CLASS (prep_user_data_parent_class)->dispose (object);
}

static void
prep_user_data_finalize (GObject *object)
{
  PrepUserData *self = (PrepUserData *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->unknown, json_object_unref);
  g_clear_pointer (&self->kept_entries, json_object_unref);
  g_clear_pointer (&self->save_error, g_free);

  G_OBJECT_CLASS (prep_user_data_parent_class)->finalize (object);
}

static void
prep_user_data_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PrepUserData *self = PREP_USER_DATA (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, prep_user_data_get_read_only (self));
      break;

    case PROP_SAVE_ERROR:
      g_value_set_string (value, self->save_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_user_data_class_init (PrepUserDataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = prep_user_data_dispose;
  object_class->finalize = prep_user_data_finalize;
  object_class->get_property = prep_user_data_get_property;

  properties [PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SAVE_ERROR] =
    g_param_spec_string ("save-error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PrepUserData::changed:
   * @question_id: the question whose bookmark or note changed
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
prep_user_data_init (PrepUserData *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) entry_free);
}

/**
 * prep_user_data_new:
 * @path: the file, usually prep_user_data_path ("notes.json")
 */
PrepUserData *
prep_user_data_new (const char *path)
{
  PrepUserData *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (PREP_TYPE_USER_DATA, NULL);
  self->store = prep_json_store_new (path, PREP_USER_DATA_SCHEMA_VERSION);

  return self;
}

/**
 * prep_user_data_load:
 *
 * Reads the file. A missing file is no error. A damaged file was set aside
 * and a file from a newer version makes the data read-only: both return
 * %FALSE with @error saying so, and what could be read is loaded.
 */
gboolean
prep_user_data_load (PrepUserData  *self,
                     GError       **error)
{
  g_autoptr(JsonObject) root = NULL;
  PrepJsonStoreStatus status;
  JsonNode *questions;

  g_return_val_if_fail (PREP_IS_USER_DATA (self), FALSE);

  g_hash_table_remove_all (self->entries);
  g_clear_pointer (&self->unknown, json_object_unref);
  g_clear_pointer (&self->kept_entries, json_object_unref);

  status = prep_json_store_load (self->store, &root, error);

  questions = json_object_get_member (root, "questions");
  if (questions != NULL && !JSON_NODE_HOLDS_OBJECT (questions))
    {
      g_clear_error (error);
      g_clear_pointer (&root, json_object_unref);
      status = prep_json_store_reject (self->store, _("Damaged file: “questions” is not an object"), error);
      root = json_object_new ();
      questions = NULL;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY]);

  if (questions != NULL)
    {
      JsonObject *object = json_node_get_object (questions);
      g_autoptr(GList) ids = json_object_get_members (object);

      for (const GList *l = ids; l; l = l->next)
        {
          JsonNode *node = json_object_get_member (object, l->data);
          JsonObject *fields;
          JsonNode *member;
          Entry *entry;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              if (self->kept_entries == NULL)
                self->kept_entries = json_object_new ();
              json_object_set_member (self->kept_entries, l->data, json_node_copy (node));
              continue;
            }

          fields = json_node_get_object (node);
          entry = ensure_entry (self, l->data);
          entry->kept = prep_json_store_keep_unknown (fields, (const char * const []) { "bookmarked", "note", "read", NULL });

          if ((member = json_object_get_member (fields, "bookmarked")) &&
              JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_BOOLEAN)
            entry->bookmarked = json_node_get_boolean (member);
          else if (member != NULL)
            keep_member (entry, "bookmarked", member);

          if ((member = json_object_get_member (fields, "note")) &&
              JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING &&
              g_utf8_validate (json_node_get_string (member), -1, NULL))
            entry->note = g_strdup (json_node_get_string (member));
          else if (member != NULL)
            keep_member (entry, "note", member);

          if ((member = json_object_get_member (fields, "read")) &&
              JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_BOOLEAN)
            entry->read = json_node_get_boolean (member);
          else if (member != NULL)
            keep_member (entry, "read", member);

          drop_if_empty (self, l->data, entry);
        }
    }

  self->unknown = prep_json_store_keep_unknown (root, (const char * const []) { "questions", NULL });

  set_dirty (self, FALSE);

  return status == PREP_JSON_STORE_OK || status == PREP_JSON_STORE_MISSING;
}

gboolean
prep_user_data_get_bookmarked (PrepUserData *self,
                               const char   *question_id)
{
  Entry *entry;

  g_return_val_if_fail (PREP_IS_USER_DATA (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  entry = g_hash_table_lookup (self->entries, question_id);
  return entry != NULL && entry->bookmarked;
}

void
prep_user_data_set_bookmarked (PrepUserData *self,
                               const char   *question_id,
                               gboolean      bookmarked)
{
  Entry *entry;

  g_return_if_fail (PREP_IS_USER_DATA (self));
  g_return_if_fail (question_id != NULL);

  if (prep_user_data_get_bookmarked (self, question_id) == !!bookmarked)
    return;

  entry = ensure_entry (self, question_id);
  entry->bookmarked = !!bookmarked;
  forget_kept (entry, "bookmarked");
  drop_if_empty (self, question_id, entry);
  changed (self, question_id);
}

/**
 * prep_user_data_get_read:
 *
 * Returns: whether the question's answer was read to its end
 */
gboolean
prep_user_data_get_read (PrepUserData *self,
                         const char   *question_id)
{
  Entry *entry;

  g_return_val_if_fail (PREP_IS_USER_DATA (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  entry = g_hash_table_lookup (self->entries, question_id);
  return entry != NULL && entry->read;
}

void
prep_user_data_set_read (PrepUserData *self,
                         const char   *question_id,
                         gboolean      read)
{
  Entry *entry;

  g_return_if_fail (PREP_IS_USER_DATA (self));
  g_return_if_fail (question_id != NULL);

  if (prep_user_data_get_read (self, question_id) == !!read)
    return;

  entry = ensure_entry (self, question_id);
  entry->read = !!read;
  forget_kept (entry, "read");
  drop_if_empty (self, question_id, entry);
  changed (self, question_id);
}

/**
 * prep_user_data_get_note:
 *
 * Returns: (nullable): the user's note on the question
 */
const char *
prep_user_data_get_note (PrepUserData *self,
                         const char   *question_id)
{
  Entry *entry;

  g_return_val_if_fail (PREP_IS_USER_DATA (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  entry = g_hash_table_lookup (self->entries, question_id);
  return entry ? entry->note : NULL;
}

/**
 * prep_user_data_set_note:
 * @note: (nullable): the note; %NULL or "" removes it
 */
void
prep_user_data_set_note (PrepUserData *self,
                         const char   *question_id,
                         const char   *note)
{
  Entry *entry;

  g_return_if_fail (PREP_IS_USER_DATA (self));
  g_return_if_fail (question_id != NULL);

  if (note != NULL && note[0] == '\0')
    note = NULL;
  if (g_strcmp0 (prep_user_data_get_note (self, question_id), note) == 0)
    return;

  entry = ensure_entry (self, question_id);
  g_free (entry->note);
  entry->note = g_strdup (note);
  forget_kept (entry, "note");
  drop_if_empty (self, question_id, entry);
  changed (self, question_id);
}

/**
 * prep_user_data_flush:
 *
 * Saves pending changes now, e.g. when the question changes or the window
 * closes. On failure the changes stay in memory and pending.
 */
gboolean
prep_user_data_flush (PrepUserData  *self,
                      GError       **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PREP_IS_USER_DATA (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->dirty)
    return TRUE;

  root = to_json (self);
  if (!prep_json_store_save (self->store, root, &local_error))
    {
      set_save_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->n_saves++;
  set_save_error (self, NULL);
  set_dirty (self, FALSE);

  return TRUE;
}

gboolean
prep_user_data_get_dirty (PrepUserData *self)
{
  g_return_val_if_fail (PREP_IS_USER_DATA (self), FALSE);

  return self->dirty;
}

/**
 * prep_user_data_get_store:
 *
 * Returns: (transfer none): the file's store, for what its load found
 */
PrepJsonStore *
prep_user_data_get_store (PrepUserData *self)
{
  g_return_val_if_fail (PREP_IS_USER_DATA (self), NULL);

  return self->store;
}

/**
 * prep_user_data_get_file_path:
 *
 * Returns: the file read and written
 */
const char *
prep_user_data_get_file_path (PrepUserData *self)
{
  g_return_val_if_fail (PREP_IS_USER_DATA (self), NULL);

  return prep_json_store_get_path (self->store);
}

/**
 * prep_user_data_get_set_aside_path:
 *
 * Returns: (nullable): where a damaged file found at load was kept
 */
const char *
prep_user_data_get_set_aside_path (PrepUserData *self)
{
  g_return_val_if_fail (PREP_IS_USER_DATA (self), NULL);

  return prep_json_store_get_set_aside_path (self->store);
}

/**
 * prep_user_data_get_read_only:
 *
 * Returns: whether changes cannot be saved, because the file on disk is
 *   from a newer version (changes are still kept for this session)
 */
gboolean
prep_user_data_get_read_only (PrepUserData *self)
{
  g_return_val_if_fail (PREP_IS_USER_DATA (self), TRUE);

  return prep_json_store_get_read_only (self->store);
}

/**
 * prep_user_data_get_save_error:
 *
 * Returns: (nullable): why the last save failed
 */
const char *
prep_user_data_get_save_error (PrepUserData *self)
{
  g_return_val_if_fail (PREP_IS_USER_DATA (self), NULL);

  return self->save_error;
}

/**
 * prep_user_data_get_n_saves:
 *
 * Returns: how many times the file was written, for tests of coalescing
 */
guint
prep_user_data_get_n_saves (PrepUserData *self)
{
  g_return_val_if_fail (PREP_IS_USER_DATA (self), 0);

  return self->n_saves;
}

/**
 * prep_user_data_list_ids:
 *
 * Returns: (transfer full): the questions with a bookmark, a note or read,
 *   sorted
 */
char **
prep_user_data_list_ids (PrepUserData *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GList) ids = NULL;

  g_return_val_if_fail (PREP_IS_USER_DATA (self), NULL);

  ids = g_list_sort (g_hash_table_get_keys (self->entries), (GCompareFunc) g_strcmp0);
  for (const GList *l = ids; l; l = l->next)
    g_strv_builder_add (builder, l->data);

  return g_strv_builder_end (builder);
}

/**
 * prep_user_data_find_unread:
 * @questions: a #GListModel of #PrepQuestion, e.g. the library's
 * @from_id: (nullable): the question read last, e.g. the one shown
 * @n_read: (out) (optional): how many answered questions were read
 *
 * Where to continue reading: the first answered question not read to its
 * end from @from_id on (that one included) in the order of @questions,
 * going round to the start.
 *
 * Returns: (transfer full) (nullable): that question, or %NULL when every
 *   answer was read
 */
PrepQuestion *
prep_user_data_find_unread (PrepUserData *self,
                            GListModel   *questions,
                            const char   *from_id,
                            guint        *n_read)
{
  PrepQuestion *first = NULL;
  PrepQuestion *next = NULL;
  gboolean passed = from_id == NULL;
  guint read = 0;

  g_return_val_if_fail (PREP_IS_USER_DATA (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (questions), NULL);

  for (guint i = 0, n = g_list_model_get_n_items (questions); i < n; i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);
      const char *id = prep_question_get_id (question);

      passed = passed || g_strcmp0 (id, from_id) == 0;
      if (!prep_question_get_has_answer (question))
        continue;

      if (prep_user_data_get_read (self, id))
        {
          read++;
          continue;
        }
      if (first == NULL)
        first = g_object_ref (question);
      if (passed && next == NULL)
        next = g_object_ref (question);
    }

  if (n_read != NULL)
    *n_read = read;

  if (next != NULL)
    {
      g_clear_object (&first);
      return next;
    }

  return first;
}
