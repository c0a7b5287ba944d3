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
#include <string.h>

#include "prep-json-io.h"
#include "prep-json-store.h"

struct _PrepJsonStore
{
  GObject  parent_instance;

  char    *path;
  char    *set_aside_path;
  char    *copy_path;       /* the original of a repaired file */
  char    *message;         /* what the last load found, for the user */
  int      schema_version;
  guint    pretty_depth;
  PrepJsonStoreStatus status;
  guint    read_only : 1;
};

/* User files larger than this are refused rather than read into memory. */
#define MAX_FILE_SIZE ((gsize) 512 * 1024 * 1024)
/* Members of the root and of its containers get a line each. */
#define PRETTY_DEPTH 2

G_DEFINE_FINAL_TYPE (PrepJsonStore, prep_json_store, G_TYPE_OBJECT)

static void
prep_json_store_finalize (GObject *object)
{
  PrepJsonStore *self = (PrepJsonStore *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->set_aside_path, g_free);
  g_clear_pointer (&self->copy_path, g_free);
  g_clear_pointer (&self->message, g_free);

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
  self->pretty_depth = PRETTY_DEPTH;

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

/* A name next to the file that does not exist yet: "notes.json.KIND-STAMP". */
static char *
sibling_path (PrepJsonStore *self,
              const char    *kind)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *target = NULL;

  for (guint i = 0; ; i++)
    {
      g_free (target);
      target = i == 0 ? g_strdup_printf ("%s.%s-%s", self->path, kind, stamp)
                      : g_strdup_printf ("%s.%s-%s-%u", self->path, kind, stamp, i);
      if (!g_file_test (target, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
        return target;
    }
}

/* Renames a corrupt file aside, with a timestamp, so that it is kept for
 * the user (or a bug report) and the next save does not overwrite it. */
static gboolean
set_aside (PrepJsonStore  *self,
           GError        **error)
{
  g_autofree char *target = sibling_path (self, "corrupt");

  if (g_rename (self->path, target) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_path_get_basename (self->path);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: the first %s says why, the second is a file name */
                   _("The file is damaged, and could not be moved aside: %s (%s)"),
                   g_strerror (saved_errno), name);
      return FALSE;
    }

  g_clear_pointer (&self->set_aside_path, g_free);
  self->set_aside_path = g_steal_pointer (&target);
  return TRUE;
}

static PrepJsonStoreStatus
finish (PrepJsonStore       *self,
        PrepJsonStoreStatus  status)
{
  self->status = status;
  self->read_only = status == PREP_JSON_STORE_NEWER || status == PREP_JSON_STORE_UNREADABLE;
  return status;
}

/**
 * reject_file:
 * @reason: why, for the user, e.g. "“questions” is not an object"
 *
 * For a file that parsed but whose content cannot be used as it is: sets
 * it aside as damaged, like a file that does not parse.
 *
 * Returns: %PREP_JSON_STORE_SET_ASIDE, or %PREP_JSON_STORE_UNREADABLE if
 *   it could not be moved (then the store is read-only)
 */
static PrepJsonStoreStatus
reject_file (PrepJsonStore  *self,
             const char     *reason,
             GError        **error)
{
  g_autofree char *aside = NULL;

  if (!set_aside (self, error))
    return finish (self, PREP_JSON_STORE_UNREADABLE);

  aside = g_path_get_basename (self->set_aside_path);
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
               /* Translators: the first %s says what is wrong; the second is a file name */
               _("%s. The file was kept as %s and a new one was started."), reason, aside);

  return finish (self, PREP_JSON_STORE_SET_ASIDE);
}

/**
 * load_file:
 * @root: (out) (transfer full): the file's object, or a new empty one
 *
 * Reads the file, never following it into a FIFO or device, and never
 * handing json-glib text it would crash on or decode wrongly.
 *
 * - %PREP_JSON_STORE_SET_ASIDE: damaged (not JSON, not UTF-8, too deep, no
 *   schema version): renamed aside, and @root is empty;
 * - %PREP_JSON_STORE_REPAIRED: escapes or numbers json-glib cannot keep
 *   were replaced; the original was copied aside first;
 * - %PREP_JSON_STORE_NEWER: from a newer version: read-only;
 * - %PREP_JSON_STORE_UNREADABLE: cannot be read or moved aside: read-only,
 *   and @root is empty.
 *
 * All of them set @error to a message for the user that starts with the
 * reason and ends with the file's name.
 */
static PrepJsonStoreStatus
load_file (PrepJsonStore  *self,
           JsonObject    **root,
           GError        **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *repaired = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;
  PrepJsonRepairs repairs = 0;
  const char *data;
  gsize length, repaired_length = 0, offset = 0;
  JsonNode *node = NULL;
  JsonObject *object;
  JsonNode *version_node;
  gint64 version;

  *root = json_object_new ();
  g_clear_pointer (&self->set_aside_path, g_free);
  g_clear_pointer (&self->copy_path, g_free);
  name = g_path_get_basename (self->path);

  if (!(bytes = prep_json_read_file (self->path, MAX_FILE_SIZE, &local_error)))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return finish (self, PREP_JSON_STORE_MISSING);

      /* Exists but cannot be read: never risk overwriting it. */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return finish (self, PREP_JSON_STORE_UNREADABLE);
    }

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  if (!prep_json_check (data, length, PREP_JSON_MAX_DEPTH, &repaired, &repaired_length, &repairs,
                        &offset, &local_error))
    {
      guint line, column;

      prep_json_offset_to_position (data, length, offset, &line, &column);
      /* Translators: a reason, e.g. "invalid UTF-8", then where */
      reason = g_strdup_printf (_("Damaged file: %s at line %u, column %u"), local_error->message, line, column);
    }
  else
    {
      if (repaired != NULL)
        {
          data = repaired;
          length = repaired_length;
        }

      parser = json_parser_new_immutable ();
      if (!json_parser_load_from_data (parser, data, length, &local_error))
        {
          /* json-glib quotes the bad text, which may not be UTF-8. */
          g_autofree char *valid = g_utf8_make_valid (local_error->message, -1);

          reason = g_strdup_printf (_("Damaged file: %s"), valid);
        }
      else if (!(node = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_OBJECT (node))
        reason = g_strdup (_("Damaged file: not a JSON object"));
      else if (!(version_node = json_object_get_member (json_node_get_object (node), "schema_version")) ||
               !JSON_NODE_HOLDS_VALUE (version_node) ||
               json_node_get_value_type (version_node) != G_TYPE_INT64)
        reason = g_strdup (_("Damaged file: no format version"));
    }

  if (reason != NULL)
    return reject_file (self, reason, error);

  object = json_node_get_object (node);
  version = json_object_get_int_member (object, "schema_version");

  json_object_unref (*root);
  *root = json_object_ref (object);

  if (version > self->schema_version)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   /* Translators: %d is a format number, %s a file name */
                   _("Written by a newer version of LLM Prep (format %d), so it is shown but not changed (%s)"),
                   (int) MIN (version, G_MAXINT), name);
      return finish (self, PREP_JSON_STORE_NEWER);
    }

  if (repairs != 0)
    {
      g_autofree char *copy = sibling_path (self, "original");
      g_autofree char *copy_name = g_path_get_basename (copy);
      g_autoptr(GError) copy_error = NULL;
      const char *what = (repairs & PREP_JSON_REPAIRED_TEXT) && (repairs & PREP_JSON_REPAIRED_NUMBERS)
                           ? _("Some characters and numbers could not be read exactly")
                           : (repairs & PREP_JSON_REPAIRED_TEXT)
                               ? _("Some characters could not be read and were replaced by “�”")
                               : _("Some numbers were too large to keep exactly");
      gconstpointer original = g_bytes_get_data (bytes, &length);

      /* The original stays as it was, before anything is written. */
      if (!g_file_set_contents_full (copy, original, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &copy_error))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       /* Translators: the first %s says what was wrong, the second why no copy could be made */
                       _("%s, and no copy of the original could be kept (%s), so nothing is changed (%s)"),
                       what, copy_error->message, name);
          return finish (self, PREP_JSON_STORE_UNREADABLE);
        }

      self->copy_path = g_steal_pointer (&copy);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   /* Translators: the first %s says what was replaced, the second is a file name */
                   _("%s. The original file was kept as %s."), what, copy_name);
      return finish (self, PREP_JSON_STORE_REPAIRED);
    }

  return finish (self, PREP_JSON_STORE_OK);
}

static PrepJsonStoreStatus
remember (PrepJsonStore        *self,
          PrepJsonStoreStatus   status,
          GError               *local_error,
          GError              **error)
{
  g_clear_pointer (&self->message, g_free);
  if (local_error != NULL)
    {
      self->message = g_strdup (local_error->message);
      g_propagate_error (error, local_error);
    }
  return status;
}

PrepJsonStoreStatus
prep_json_store_reject (PrepJsonStore  *self,
                        const char     *reason,
                        GError        **error)
{
  GError *local_error = NULL;
  PrepJsonStoreStatus status;

  g_return_val_if_fail (PREP_IS_JSON_STORE (self), PREP_JSON_STORE_UNREADABLE);
  g_return_val_if_fail (reason != NULL, PREP_JSON_STORE_UNREADABLE);

  status = reject_file (self, reason, &local_error);
  return remember (self, status, local_error, error);
}

PrepJsonStoreStatus
prep_json_store_load (PrepJsonStore  *self,
                      JsonObject    **root,
                      GError        **error)
{
  GError *local_error = NULL;
  PrepJsonStoreStatus status;

  g_return_val_if_fail (PREP_IS_JSON_STORE (self), PREP_JSON_STORE_UNREADABLE);
  g_return_val_if_fail (root != NULL, PREP_JSON_STORE_UNREADABLE);

  status = load_file (self, root, &local_error);
  return remember (self, status, local_error, error);
}

/**
 * prep_json_store_get_message:
 *
 * Returns: (nullable): what the last load reported, for the user
 */
const char *
prep_json_store_get_message (PrepJsonStore *self)
{
  g_return_val_if_fail (PREP_IS_JSON_STORE (self), NULL);

  return self->message;
}

/**
 * prep_json_store_get_status:
 *
 * Returns: what the last load found
 */
PrepJsonStoreStatus
prep_json_store_get_status (PrepJsonStore *self)
{
  g_return_val_if_fail (PREP_IS_JSON_STORE (self), PREP_JSON_STORE_UNREADABLE);

  return self->status;
}

/**
 * prep_json_store_get_copy_path:
 *
 * Returns: (nullable): where the original of a repaired file was kept
 */
const char *
prep_json_store_get_copy_path (PrepJsonStore *self)
{
  g_return_val_if_fail (PREP_IS_JSON_STORE (self), NULL);

  return self->copy_path;
}

/**
 * prep_json_store_set_pretty_depth:
 * @depth: how deep containers get a line per member (by default 2)
 *
 * Files that people edit by hand (question packs) are written with every
 * member on its own line, so that a validator's LINE:COLUMN points at it.
 */
void
prep_json_store_set_pretty_depth (PrepJsonStore *self,
                                  guint          depth)
{
  g_return_if_fail (PREP_IS_JSON_STORE (self));

  self->pretty_depth = depth;
}

/**
 * prep_json_store_save:
 * @root: the data; its "schema_version" is set to the store's
 *
 * Writes the file atomically (a temporary file renamed over the old one),
 * creating the directory if needed; through a symbolic link, the link's
 * target is replaced. What is written is checked to read back first. On
 * failure the old file is intact, and @error starts with the reason.
 */
gboolean
prep_json_store_save (PrepJsonStore  *self,
                      JsonObject     *root,
                      GError        **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (PREP_IS_JSON_STORE (self), FALSE);
  g_return_val_if_fail (root != NULL, FALSE);

  name = g_path_get_basename (self->path);

  if (self->read_only)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("The file is kept as it is and not changed (%s)"), name);
      return FALSE;
    }

  json_object_set_int_member (root, "schema_version", self->schema_version);

  node = json_node_init_object (json_node_alloc (), root);
  if (!(data = prep_json_to_data (node, self->pretty_depth, &length, &local_error)))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s (%s)", local_error->message, name);
      return FALSE;
    }

  target = prep_json_resolve_links (self->path);
  dir = g_path_get_dirname (target);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *dir_name = g_path_get_basename (dir);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: the first %s says why, the second is a folder's name */
                   _("%s (could not create the folder %s)"), g_strerror (saved_errno), dir_name);
      return FALSE;
    }

  if (!g_file_set_contents_full (target, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      /* GLib's message starts with the path; the reason is what matters. */
      int code = local_error->domain == G_FILE_ERROR ? local_error->code : G_FILE_ERROR_FAILED;
      const char *why = local_error->message;
      const char *colon = strrchr (why, ':');

      if (colon != NULL && colon[1] == ' ')
        why = colon + 2;
      g_set_error (error, G_FILE_ERROR, code, "%s (%s)", why, name);
      return FALSE;
    }

  return TRUE;
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
