/* prep-pack-store-private.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "prep-content-loader.h"
#include "prep-pack-store.h"

G_BEGIN_DECLS

/* A pack is a content file: no larger than one may be. */
#define PREP_PACK_MAX_FILE     ((gsize) 64 * 1024 * 1024)
/* Packs are written with every member on its own line, as the bundled
 * content is, so that LINE:COLUMN of an issue points at it. */
#define PREP_PACK_PRETTY_DEPTH 16

PrepContentMarkdownCheck _prep_pack_store_get_markdown_check (PrepPackStore *self,
                                                              gpointer      *data);
PrepContentLoader *_prep_pack_store_new_loader (PrepPackStore    *self,
                                                PrepContentFlags  flags,
                                                const char       *extra_category);
gboolean           _prep_pack_store_check_new_pack (PrepPackStore *self,
                                                    const char    *id,
                                                    GPtrArray     *categories,
                                                    GPtrArray     *questions,
                                                    GError       **error);
void               _prep_pack_store_release_pack_id (PrepPackStore *self,
                                                     const char    *id);
char              *_prep_pack_store_pack_path  (PrepPackStore    *self,
                                                const char       *id);
gboolean           _prep_pack_store_write_pack (const char       *path,
                                                GPtrArray        *categories,
                                                GPtrArray        *questions,
                                                GError          **error);
gboolean           _prep_pack_store_adopt_pack (PrepPackStore    *self,
                                                const char       *id,
                                                GPtrArray        *categories,
                                                GPtrArray        *questions,
                                                GError          **error);
gboolean           _prep_pack_store_add_pack   (PrepPackStore    *self,
                                                const char       *id,
                                                GPtrArray        *categories,
                                                GPtrArray        *questions,
                                                GError          **error);
JsonObject        *_prep_category_to_json      (PrepCategory     *category);
JsonObject        *_prep_pack_to_json          (GPtrArray        *categories,
                                                GPtrArray        *questions);

G_END_DECLS
