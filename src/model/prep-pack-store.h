/* prep-pack-store.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "prep-library.h"

G_BEGIN_DECLS

/* The user's question packs: one content file (resources/content/SCHEMA.md)
 * per pack under $XDG_DATA_HOME/llm-prep/packs/, named PACK-ID.json. Their
 * categories and questions are added to the library, after the bundled
 * ones; a pack's question may name a bundled category. A pack that does
 * not validate is not loaded, is reported, and is never written over.
 * Writes are atomic. The editor's questions go to the pack
 * PREP_PACK_DEFAULT_ID, whose category PREP_PACK_DEFAULT_CATEGORY is
 * created with it. */
#define PREP_PACK_DEFAULT_ID       "my-questions"
#define PREP_PACK_DEFAULT_CATEGORY "my-questions"

#define PREP_TYPE_PACK_STORE (prep_pack_store_get_type())

G_DECLARE_FINAL_TYPE (PrepPackStore, prep_pack_store, PREP, PACK_STORE, GObject)

/* @dir: the packs folder, %NULL for $XDG_DATA_HOME/llm-prep/packs. */
PrepPackStore *prep_pack_store_new             (PrepLibrary    *library,
                                                const char     *dir);
PrepLibrary   *prep_pack_store_get_library     (PrepPackStore  *self);
const char    *prep_pack_store_get_dir         (PrepPackStore  *self);

/* Reads every pack. Packs with problems are skipped and listed by
 * get_issues() (PrepContentIssue, with file:line:col where known). */
gboolean       prep_pack_store_load            (PrepPackStore  *self,
                                                GError        **error);
GPtrArray     *prep_pack_store_get_issues      (PrepPackStore  *self);

/* What the validator says of @question (a question object of the schema)
 * if it were saved, as PrepContentIssue with JSON paths relative to the
 * question ("$.question", "$.quiz[0].answer"…). Same rules as --validate,
 * not strict. @replaces_id: the id of the question being edited, or %NULL
 * for a new one (its id must then be free). */
GPtrArray     *prep_pack_store_check_question  (PrepPackStore  *self,
                                                JsonObject     *question,
                                                const char     *replaces_id);

/* Adds @question to PREP_PACK_DEFAULT_ID (or, when @replaces_id is a user
 * question, replaces it in its own pack, possibly with a new id) and
 * writes the pack. On failure nothing changes, in memory or on disk. */
gboolean       prep_pack_store_save_question   (PrepPackStore  *self,
                                                JsonObject     *question,
                                                const char     *replaces_id,
                                                GError        **error);

/* Removes a user question and writes its pack. Returns its object (for
 * undo: save_question() it again), or %NULL with @error set. */
JsonObject    *prep_pack_store_delete_question (PrepPackStore  *self,
                                                const char     *id,
                                                GError        **error);

/* A free question id made from @title ("kv-cache", "my-question-2"…). */
char          *prep_pack_store_new_question_id (PrepPackStore  *self,
                                                const char     *title);

/* What an id is wanted for: it must be free among those. */
typedef enum
{
  PREP_PACK_ID_QUESTION,
  PREP_PACK_ID_CATEGORY,
  PREP_PACK_ID_PACK,
} PrepPackIdKind;

/* Ids are at most 64 characters; a slug leaves room for a "-NN" suffix. */
#define PREP_PACK_SLUG_MAX 48

void           prep_pack_store_set_markdown_check (PrepPackStore            *self,
                                                   PrepContentMarkdownCheck  check,
                                                   gpointer                  data);
char         **prep_pack_store_get_pack_ids    (PrepPackStore  *self);
void           prep_pack_store_load_async      (PrepPackStore       *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       prep_pack_store_load_finish     (PrepPackStore  *self,
                                                GAsyncResult   *result,
                                                GError        **error);
gboolean       prep_pack_store_get_loading     (PrepPackStore  *self);
char          *prep_pack_store_new_id          (PrepPackStore  *self,
                                                const char     *base,
                                                const char     *fallback,
                                                PrepPackIdKind  kind);
char          *prep_pack_slug                  (const char     *text);

/* @question as an object of the schema, every locale and member it has. */
JsonObject    *prep_question_to_json           (PrepQuestion   *question);

G_END_DECLS
