/* prep-json-store.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One user data file (bookmarks and notes, review state…) under the user
 * config dir, as a JSON object with a "schema_version" member. It never
 * loses data: writes are atomic, a file that cannot be parsed is renamed
 * aside and reported, and a file from a newer version is left untouched
 * and the store becomes read-only. */

#define PREP_TYPE_JSON_STORE (prep_json_store_get_type())

G_DECLARE_FINAL_TYPE (PrepJsonStore, prep_json_store, PREP, JSON_STORE, GObject)

typedef enum
{
  PREP_JSON_STORE_OK,
  PREP_JSON_STORE_MISSING,      /* no file yet: starts empty */
  PREP_JSON_STORE_SET_ASIDE,    /* was corrupt: renamed, starts empty */
  PREP_JSON_STORE_NEWER,        /* newer schema: read-only */
  PREP_JSON_STORE_UNREADABLE,   /* cannot be read, or damaged and cannot be moved: read-only, empty */
  PREP_JSON_STORE_REPAIRED,     /* text or numbers replaced; the original copied aside */
} PrepJsonStoreStatus;

PrepJsonStore       *prep_json_store_new                (const char     *path,
                                                         int             schema_version);
const char          *prep_json_store_get_path           (PrepJsonStore  *self);
PrepJsonStoreStatus  prep_json_store_load               (PrepJsonStore  *self,
                                                         JsonObject    **root,
                                                         GError        **error);
PrepJsonStoreStatus  prep_json_store_reject             (PrepJsonStore  *self,
                                                         const char     *reason,
                                                         GError        **error);
PrepJsonStoreStatus  prep_json_store_get_status         (PrepJsonStore  *self);
const char          *prep_json_store_get_message        (PrepJsonStore  *self);
const char          *prep_json_store_get_set_aside_path (PrepJsonStore  *self);
const char          *prep_json_store_get_copy_path      (PrepJsonStore  *self);
gboolean             prep_json_store_get_read_only      (PrepJsonStore  *self);
void                 prep_json_store_set_pretty_depth   (PrepJsonStore  *self,
                                                         guint           depth);
gboolean             prep_json_store_save               (PrepJsonStore  *self,
                                                         JsonObject     *root,
                                                         GError        **error);
char                *prep_user_data_path                (const char     *basename);
JsonObject          *prep_json_store_keep_unknown       (JsonObject     *root,
                                                         const char * const *known);
void                 prep_json_store_restore_unknown    (JsonObject     *root,
                                                         JsonObject     *unknown);

G_END_DECLS
