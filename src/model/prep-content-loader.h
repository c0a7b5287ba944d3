/* prep-content-loader.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "prep-types.h"

G_BEGIN_DECLS

/* The content schema version this build reads and writes. */
#define PREP_CONTENT_SCHEMA_VERSION 1
/* The index of content files this build reads (build-aux/content-index.c):
 * (version, [file], [(id, category, origin, {locale: title}, difficulty,
 * [tag], has answer, file, offset, length)]), little-endian. */
#define PREP_CONTENT_INDEX_VERSION    1
#define PREP_CONTENT_INDEX_ENTRY_TYPE "(sssa{ss}sasbutt)"
#define PREP_CONTENT_INDEX_TYPE       "(uasa" PREP_CONTENT_INDEX_ENTRY_TYPE ")"

typedef enum
{
  PREP_CONTENT_FLAGS_NONE   = 0,
  /* Require complete answers (short and detailed answer, key points,
   * follow-ups, pitfalls, quiz, references, review date). */
  PREP_CONTENT_FLAGS_STRICT = 1 << 0,
  /* Categories the files define with the id of an external one (see
   * prep_content_loader_add_external_categories()) are not issues: the
   * caller renames them (an import does). */
  PREP_CONTENT_FLAGS_KEEP_CLASHES = 1 << 1,
} PrepContentFlags;

struct _PrepContentIssue
{
  char  *file;
  char  *path;     /* JSON path, e.g. "$.questions[2].quiz[0].answer" */
  char  *message;
  guint  line;     /* 1-based, 0 when unknown */
  guint  column;   /* 1-based, 0 when unknown */
};

#define PREP_CONTENT_ERROR (prep_content_error_quark ())

typedef enum
{
  PREP_CONTENT_ERROR_INVALID,
} PrepContentError;

/* Returns why @markdown would not show as written (and on which line of
 * it), or %NULL. */
typedef char *(*PrepContentMarkdownCheck) (const char *markdown,
                                           guint      *line,
                                           gpointer    data);

/* Called now and then while the questions of a file are read: @done of
 * @total (in any thread the loader is used in). */
typedef void (*PrepContentProgress) (guint    done,
                                     guint    total,
                                     gpointer data);

/* Returns the bytes of a file an index names, or %NULL. */
typedef GBytes *(*PrepContentResolve) (const char *file,
                                       gpointer    data);

GQuark             prep_content_error_quark             (void);
gboolean           prep_content_id_is_valid             (const char        *id);

void               prep_content_issue_free              (PrepContentIssue  *issue);
char              *prep_content_issue_to_string         (const PrepContentIssue *issue);

PrepContentLoader *prep_content_loader_new              (const char        *locale,
                                                         PrepContentFlags   flags);
void               prep_content_loader_free             (PrepContentLoader *self);
gboolean           prep_content_loader_add_bytes        (PrepContentLoader *self,
                                                         const char        *name,
                                                         GBytes            *bytes);
gboolean           prep_content_loader_add_file         (PrepContentLoader *self,
                                                         GFile             *file);
gboolean           prep_content_loader_add_index        (PrepContentLoader  *self,
                                                         const char         *name,
                                                         GBytes             *index,
                                                         PrepContentResolve  resolve,
                                                         gpointer            data);
gboolean           _prep_content_loader_read_answer     (PrepQuestion       *question,
                                                         GBytes             *bytes,
                                                         const char         *file,
                                                         gsize               offset,
                                                         gsize               length,
                                                         GError            **error);
guint              prep_content_loader_get_n_categories (PrepContentLoader *self);
void               prep_content_loader_add_external_ids (PrepContentLoader  *self,
                                                         const char * const *ids);
void               prep_content_loader_add_external_categories (PrepContentLoader  *self,
                                                                const char * const *ids);
void               prep_content_loader_set_progress     (PrepContentLoader   *self,
                                                         PrepContentProgress  progress,
                                                         gpointer             data);
void               prep_content_loader_set_markdown_check (PrepContentLoader        *self,
                                                           PrepContentMarkdownCheck  check,
                                                           gpointer                  data);
gboolean           prep_content_loader_finish           (PrepContentLoader *self);
GPtrArray         *prep_content_loader_get_issues       (PrepContentLoader *self);
GPtrArray         *prep_content_loader_get_categories   (PrepContentLoader *self);
GPtrArray         *prep_content_loader_get_questions    (PrepContentLoader *self);
gboolean           prep_content_loader_propagate_issues (PrepContentLoader *self,
                                                         GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrepContentLoader, prep_content_loader_free)

G_END_DECLS
