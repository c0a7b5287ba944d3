/* prep-json-io.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What every JSON file the app reads goes through before json-glib sees it,
 * and what every file it writes is made by. json-glib 1.6 parses and
 * writes recursively with no depth limit (deep nesting overflows the
 * stack), decodes unpaired surrogate escapes into invalid UTF-8, cuts
 * strings at \u0000, wraps integers beyond 64 bits and writes infinite
 * numbers as "inf.0", which no parser reads back. */

/* Deeper than any file the app writes or reads by far (content: 6 levels,
 * user data: 4), and far from where json-glib's recursion fails. */
#define PREP_JSON_MAX_DEPTH 64

typedef enum
{
  PREP_JSON_REPAIRED_NONE    = 0,
  PREP_JSON_REPAIRED_TEXT    = 1 << 0,   /* \u0000 or unpaired surrogate escapes → U+FFFD */
  PREP_JSON_REPAIRED_NUMBERS = 1 << 1,   /* numbers beyond 64-bit integers or doubles clamped */
} PrepJsonRepairs;

typedef enum
{
  PREP_JSON_ERROR_UTF8,       /* the bytes are not UTF-8 */
  PREP_JSON_ERROR_DEPTH,      /* nested deeper than allowed */
  PREP_JSON_ERROR_TEXT,       /* an escape that cannot be kept (when not repairing) */
  PREP_JSON_ERROR_NUMBER,     /* a number that cannot be kept (when not repairing) */
  PREP_JSON_ERROR_WRITE,      /* a value that cannot be written as JSON */
  PREP_JSON_ERROR_NOT_REGULAR, /* not a regular file */
  PREP_JSON_ERROR_TOO_LARGE,
} PrepJsonError;

#define PREP_JSON_ERROR (prep_json_error_quark ())

GQuark      prep_json_error_quark       (void);
gboolean    prep_json_check             (const char       *data,
                                         gsize             length,
                                         guint             max_depth,
                                         char            **repaired,
                                         gsize            *repaired_length,
                                         PrepJsonRepairs  *repairs,
                                         gsize            *error_offset,
                                         GError          **error);
void        prep_json_offset_to_position (const char      *data,
                                          gsize            length,
                                          gsize            offset,
                                          guint           *line,
                                          guint           *column);
gboolean    prep_json_locate            (const char       *data,
                                         gsize             length,
                                         const char       *path,
                                         gsize            *offset);
char       *prep_json_to_data           (JsonNode         *root,
                                         guint             pretty_depth,
                                         gsize            *length,
                                         GError          **error);
GBytes     *prep_json_read_file         (const char       *path,
                                         gsize             max_size,
                                         GError          **error);
char       *prep_json_resolve_links     (const char       *path);

G_END_DECLS
