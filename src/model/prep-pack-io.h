/* prep-pack-io.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "prep-pack-store.h"
#include "prep-user-data.h"

G_BEGIN_DECLS

/* Importing a pack file: read and checked (in a thread, with progress),
 * its ids that clash with the library's offered a free one each, then
 * written as a new pack of the store and added to the library. Exporting
 * questions as a pack file that imports back as the same questions. */

#define PREP_TYPE_PACK_IMPORT (prep_pack_import_get_type())

G_DECLARE_FINAL_TYPE (PrepPackImport, prep_pack_import, PREP, PACK_IMPORT, GObject)

/* An id of the file that is taken in the library. */
typedef struct
{
  PrepPackIdKind  kind;       /* PREP_PACK_ID_QUESTION or PREP_PACK_ID_CATEGORY */
  char           *id;         /* as in the file */
  char           *rename_to;  /* a free id: suggested, or set by prep_pack_import_rename() */
} PrepPackClash;

typedef enum
{
  PREP_PACK_EXPORT_USER,        /* every question of the user's packs */
  PREP_PACK_EXPORT_CATEGORY,    /* the questions of one category */
  PREP_PACK_EXPORT_BOOKMARKED,  /* the bookmarked questions */
} PrepPackExportScope;

PrepPackImport *prep_pack_import_new          (PrepPackStore        *store,
                                               GFile                *file);
GFile          *prep_pack_import_get_file     (PrepPackImport       *self);
const char     *prep_pack_import_get_pack_id  (PrepPackImport       *self);
double          prep_pack_import_get_fraction (PrepPackImport       *self);
gboolean        prep_pack_import_read         (PrepPackImport       *self,
                                               GCancellable         *cancellable,
                                               GError              **error);
void            prep_pack_import_read_async   (PrepPackImport       *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean        prep_pack_import_read_finish  (PrepPackImport       *self,
                                               GAsyncResult         *result,
                                               GError              **error);
GPtrArray      *prep_pack_import_get_issues   (PrepPackImport       *self);
GPtrArray      *prep_pack_import_get_clashes  (PrepPackImport       *self);
guint           prep_pack_import_get_n_questions  (PrepPackImport   *self);
guint           prep_pack_import_get_n_categories (PrepPackImport   *self);
gboolean        prep_pack_import_rename       (PrepPackImport       *self,
                                               PrepPackIdKind        kind,
                                               const char           *id,
                                               const char           *rename_to,
                                               GError              **error);
gboolean        prep_pack_import_commit       (PrepPackImport       *self,
                                               GError              **error);
void            prep_pack_import_commit_async (PrepPackImport       *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean        prep_pack_import_commit_finish (PrepPackImport      *self,
                                                GAsyncResult        *result,
                                                GError             **error);

GPtrArray      *prep_pack_export_select       (PrepLibrary          *library,
                                               PrepPackExportScope   scope,
                                               const char           *category_id,
                                               PrepUserData         *user_data);
GBytes         *prep_pack_export_json         (GPtrArray            *questions,
                                               GError              **error);

G_END_DECLS
