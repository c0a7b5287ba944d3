/* prep-json-store.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-json-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "prep-json-store.h"

struct _PrepJsonStore
{
  GObject  parent_instance;

  char    *path;
  char    *set_aside_path;
  int      schema_version;
  guint    read_only : 1;
};

G_DEFINE_FINAL_TYPE (PrepJsonStore, prep_json_store, G_TYPE_OBJECT)

static void
prep_json_store_finalize (GObject *object)
{
  PrepJsonStore *self = (PrepJsonStore *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->set_aside_path, g_free);

  G_OBJECT_CLASS (prep_json_store_parent_class)->finalize (object);
}

static void
prep_json_store_class_init (PrepJsonStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = prep_json_store_finalize;
}

static void
prep_json_store_init (PrepJsonStore *self)
{
}

/**
 * prep_user_data_path:
 * @basename: e.g. "notes.json"
 *
 * Returns: the file's path under `$XDG_CONFIG_HOME/llm-prep/` (inside the
 *   Flatpak, the application's own config directory)
 */
char *
prep_user_data_path (const char *basename)
{
  return g_build_filename (g_get_user_config_dir (), PACKAGE_NAME, basename, NULL);
}

PrepJsonStore *
prep_json_store_new (const char *path,
                     int         schema_version)
{
  PrepJsonStore *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (schema_version > 0, NULL);

  self = g_object_new (PREP_TYPE_JSON_STORE, NULL);
  self->path = g_strdup (path);
  self->schema_version = schema_version;

  return self;
}

const char *
prep_json_store_get_path (PrepJsonStore *self)
{
  g_return_val_if_fail (PREP_IS_JSON_STORE (self), NULL);

  return self->path;
}

/**
 * prep_json_store_get_set_aside_path:
 *
 * Returns: (nullable): where the last load moved a corrupt file
 */
const char *
prep_json_store_get_set_aside_path (PrepJsonStore *self)
{
  g_return_val_if_fail (PREP_IS_JSON_STORE (self), NULL);

  return self->set_aside_path;
}

/**
 * prep_json_store_get_read_only:
 *
 * Returns: whether saving is refused, because the file on disk is from a
 *   newer version of the application and must not be overwritten
 */
gboolean
prep_json_store_get_read_only (PrepJsonStore *self)
{
  g_return_val_if_fail (PREP_IS_JSON_STORE (self), TRUE);

  return self->read_only;
}

/* Renames a corrupt file aside, with a timestamp, so that it is kept for
 * the user (or a bug report) and the next save does not overwrite it. */
static gboolean
set_aside (PrepJsonStore  *self,
           GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;

  for (guint i = 0; ; i++)
    {
      g_free (target);
      target = i == 0 ? g_strdup_printf ("%s.corrupt-%s", self->path, stamp)
                      : g_strdup_printf ("%s.corrupt-%s-%u", self->path, stamp, i);
      if (!g_file_test (target, G_FILE_TEST_EXISTS))
        break;
    }

  if (g_rename (self->path, target) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not move the damaged file %s aside: %s"),
                   self->path, g_strerror (saved_errno));
      return FALSE;
    }

  g_clear_pointer (&self->set_aside_path, g_free);
  self->set_aside_path = g_steal_pointer (&target);
  return TRUE;
}

/**
 * prep_json_store_load:
 * @root: (out) (transfer full): the file's object, or a new empty one
 *
 * Reads the file. %PREP_JSON_STORE_SET_ASIDE and %PREP_JSON_STORE_NEWER
 * also set @error to a message for the user; %FALSE-like failures (the
 * file exists but cannot be read or moved aside) return
 * %PREP_JSON_STORE_NEWER semantics: read-only, nothing overwritten.
 */
PrepJsonStoreStatus
prep_json_store_load (PrepJsonStore  *self,
                      JsonObject    **root,
                      GError        **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  JsonNode *node;
  JsonObject *object;
  gsize length;
  gint64 version;

  g_return_val_if_fail (PREP_IS_JSON_STORE (self), PREP_JSON_STORE_NEWER);
  g_return_val_if_fail (root != NULL, PREP_JSON_STORE_NEWER);

  *root = json_object_new ();
  self->read_only = FALSE;

  if (!g_file_get_contents (self->path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return PREP_JSON_STORE_MISSING;

      /* Exists but unreadable: never risk overwriting it. */
      self->read_only = TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return PREP_JSON_STORE_NEWER;
    }

  parser = json_parser_new_immutable ();
  if (!g_utf8_validate_len (contents, length, NULL) ||
      !json_parser_load_from_data (parser, contents, length, NULL) ||
      !(node = json_parser_get_root (parser)) ||
      !JSON_NODE_HOLDS_OBJECT (node) ||
      !json_object_has_member (json_node_get_object (node), "schema_version") ||
      json_node_get_value_type (json_object_get_member (json_node_get_object (node), "schema_version")) != G_TYPE_INT64)
    {
      if (!set_aside (self, error))
        {
          self->read_only = TRUE;
          return PREP_JSON_STORE_NEWER;
        }

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s was damaged and could not be read. It was kept as %s, and a new file "
                     "was started."),
                   self->path, self->set_aside_path);
      return PREP_JSON_STORE_SET_ASIDE;
    }

  object = json_node_get_object (node);
  version = json_object_get_int_member (object, "schema_version");

  if (version > self->schema_version)
    {
      self->read_only = TRUE;
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s was written by a newer version of LLM Prep (format %d). "
                     "It is shown but not changed; update LLM Prep to edit it."),
                   self->path, (int) MIN (version, G_MAXINT));
    }

  json_object_unref (*root);
  *root = json_object_ref (object);

  return self->read_only ? PREP_JSON_STORE_NEWER : PREP_JSON_STORE_OK;
}

/**
 * prep_json_store_save:
 * @root: the data; its "schema_version" is set to the store's
 *
 * Writes the file atomically (a temporary file renamed over the old one),
 * creating the directory if needed. On failure the old file is intact.
 */
gboolean
prep_json_store_save (PrepJsonStore  *self,
                      JsonObject     *root,
                      GError        **error)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (PREP_IS_JSON_STORE (self), FALSE);
  g_return_val_if_fail (root != NULL, FALSE);

  if (self->read_only)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("%s is from a newer version of LLM Prep and is not changed"), self->path);
      return FALSE;
    }

  json_object_set_int_member (root, "schema_version", self->schema_version);

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  node = json_node_init_object (json_node_alloc (), root);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  data = json_generator_to_data (generator, &length);

  return g_file_set_contents_full (self->path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/**
 * prep_json_store_keep_unknown:
 * @known: (array zero-terminated=1): the members this version reads
 *
 * Members a later version may have added are kept, so that a save by this
 * version does not drop them.
 *
 * Returns: (transfer full) (nullable): the members of @root not in @known
 *   (nor "schema_version"), or %NULL if there are none
 */
JsonObject *
prep_json_store_keep_unknown (JsonObject         *root,
                              const char * const *known)
{
  g_autoptr(GList) members = NULL;
  JsonObject *unknown = NULL;

  g_return_val_if_fail (root != NULL, NULL);

  members = json_object_get_members (root);
  for (const GList *l = members; l; l = l->next)
    {
      if (g_str_equal (l->data, "schema_version") || g_strv_contains (known, l->data))
        continue;
      if (unknown == NULL)
        unknown = json_object_new ();
      json_object_set_member (unknown, l->data, json_object_dup_member (root, l->data));
    }

  return unknown;
}

/**
 * prep_json_store_restore_unknown:
 * @unknown: (nullable): what prep_json_store_keep_unknown() kept
 *
 * Puts the kept members back into @root before a save.
 */
void
prep_json_store_restore_unknown (JsonObject *root,
                                 JsonObject *unknown)
{
  g_autoptr(GList) members = NULL;

  g_return_if_fail (root != NULL);

  if (unknown == NULL)
    return;

  members = json_object_get_members (unknown);
  for (const GList *l = members; l; l = l->next)
    json_object_set_member (root, l->data, json_object_dup_member (unknown, l->data));
}
