/* prep-highlight.h: code highlighting as spans of styles
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>
#include <md4c.h>

G_BEGIN_DECLS

/* Shared by the renderer and build-aux/code-highlights.c, which records
 * the highlighting of the bundled answers' code at build time so that the
 * app does not load GtkSourceView's languages to show them (issue 15). */

/* The Markdown the renderer reads (md4c's flags): the build reads the
 * bundled answers' code blocks as the renderer does. */
#define PREP_HIGHLIGHT_MD_FLAGS (MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | \
                                 MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEAUTOLINKS)

#define PREP_HIGHLIGHT_MAX_CODE     (32 * 1024) /* bytes of a highlighted code block */
#define PREP_HIGHLIGHT_MAX_LINE     1000        /* bytes of its longest line */
#define PREP_HIGHLIGHT_MAX_PER_LINE 128         /* styled spans on one line */

/* The table written at build time: (version, [(color or "", weight or 0,
 * style or -1, underline or -1)], [(key, light spans, dark spans)]) with
 * the entries sorted by key, a span being (start, end, style index) in
 * characters of the code. */
#define PREP_HIGHLIGHT_TABLE_VERSION 1
#define PREP_HIGHLIGHT_TABLE_TYPE "(ua(siii)a(aya(uuu)a(uuu)))"
#define PREP_HIGHLIGHT_KEY_LENGTH 32            /* SHA-256 */

typedef struct
{
  char *color;      /* gdk_rgba_to_string(), or NULL when not set */
  int   weight;     /* 0 when not set */
  int   style;      /* PangoStyle, or -1 when not set */
  int   underline;  /* PangoUnderline, or -1 when not set */
} PrepHighlightStyle;

typedef struct
{
  guint start;      /* characters of the code */
  guint end;
  guint style;      /* index in the styles */
} PrepHighlightSpan;

typedef struct _PrepHighlightTable PrepHighlightTable;

GtkSourceLanguage  *prep_highlight_lookup_language (GtkSourceLanguageManager *manager,
                                                    const char               *lang);
gboolean            prep_highlight_has_long_line   (const char               *code);
gboolean            prep_highlight_is_too_big      (const char               *code);
GPtrArray          *prep_highlight_styles_new      (void);
char               *prep_highlight_style_name      (const PrepHighlightStyle *style);
GArray             *prep_highlight_compute         (GtkSourceLanguage        *language,
                                                    gboolean                  dark,
                                                    const char               *code,
                                                    GPtrArray                *styles);
void                prep_highlight_key             (const char               *lang,
                                                    const char               *code,
                                                    guint8                    key[PREP_HIGHLIGHT_KEY_LENGTH]);

PrepHighlightTable *prep_highlight_table_new       (GBytes                   *bytes,
                                                    GError                  **error);
void                prep_highlight_table_free      (PrepHighlightTable       *table);
GArray             *prep_highlight_table_lookup    (PrepHighlightTable       *table,
                                                    const char               *lang,
                                                    const char               *code,
                                                    gboolean                  dark);
const PrepHighlightStyle *prep_highlight_table_get_style (PrepHighlightTable *table,
                                                          guint               index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrepHighlightTable, prep_highlight_table_free)

G_END_DECLS
