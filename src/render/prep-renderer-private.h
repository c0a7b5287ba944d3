/* prep-renderer-private.h: what the pieces of the renderer share.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>
#include <md4c.h>

#include "prep-highlight.h"
#include "prep-render-table.h"
#include "prep-renderer.h"

G_BEGIN_DECLS

/* Limits of what the renderer formats; prep_renderer_check_markdown()
 * reports content that goes past them. */
#define PREP_RENDER_MAX_INLINE_RANGES   128      /* inline tags and figures per block */
#define PREP_RENDER_MAX_HIGHLIGHTED     PREP_HIGHLIGHT_MAX_CODE /* bytes of a highlighted code block */
#define PREP_RENDER_MAX_HIGHLIGHTED_LINE PREP_HIGHLIGHT_MAX_LINE /* bytes of its longest line */

/* The Markdown the renderer reads, and the validator with it. */
#define PREP_RENDER_MD_FLAGS PREP_HIGHLIGHT_MD_FLAGS

struct _PrepRenderer
{
  GObject                   parent_instance;

  GtkSourceLanguageManager *languages;
  GHashTable               *images;       /* "dark:path" → GdkPixbuf, natural size */
  GHashTable               *textures;     /* "dark:WIDTH@SCALE:path" → GdkPaintable */
  int                       max_image_width;
  int                       scale_factor;
  const char               *locale;       /* interned; figures' variant, or NULL */
  GHashTable               *pending;      /* texture key → PrepFigurePaintable being decoded */
  guint                     n_live_highlights; /* code blocks not found in the table */
  guint                     dark : 1;
  guint                     async_figures : 1;
  guint                     highlight_table_off : 1;
};

typedef struct
{
  MD_BLOCKTYPE type;
  int          start;
  /* Lists */
  guint        ordered : 1;
  guint        number;
} Frame;

/* A tag to apply to [start, end) at the next flush. */
typedef struct
{
  GtkTextTag *tag;
  int         start;
  int         end;
  guint       chinese_only : 1;
} PrepRenderRange;

typedef struct
{
  PrepRenderer    *self;
  const char      *doc;          /* the Markdown being rendered, and its end */
  const char      *doc_end;
  GtkTextBuffer   *buffer;
  GtkTextMark     *mark;         /* the insertion point: where the run goes */
  /* Inline text is collected in a run and its tags in ranges, and both go
   * into the buffer at once when a block ends (a flush): GtkTextBuffer's
   * cost per insertion or tag grows with the segments of the line, so
   * doing it span by span would be quadratic in the spans of a paragraph. */
  GString         *run;
  int              run_base;     /* buffer offset of the run's start; -1: ask the buffer */
  int              run_chars;
  gunichar         last_char;    /* before the insertion point; (gunichar) -1: ask the buffer */
  GArray          *ranges;       /* PrepRenderRange */
  guint            inline_budget; /* inline tags and figures left in this block */
  GArray          *blocks;       /* Frame */
  GArray          *spans;        /* int: start offsets */
  GPtrArray       *links;        /* char *: targets of open links */
  GString         *code;         /* inside a code block */
  char            *code_lang;
  GString         *alt;          /* inside an image */
  char            *image_src;
  guint            image_depth;
  PrepRenderTable *table;        /* inside a table */
  GString         *cell;         /* inside a table cell: Pango markup */
  GArray          *cell_spans;   /* MD_SPANTYPE open in the cell */
  guint            list_depth;
  guint            quote_depth;
  guint            pending_softbr : 1;
} PrepRenderState;

/* prep-renderer.c */
void        _prep_render_flush             (PrepRenderState *st);
void        _prep_render_apply_inline_tag  (PrepRenderState *st,
                                            GtkTextTag      *tag,
                                            int              start,
                                            gboolean         chinese_only);
void        _prep_render_get_iter          (PrepRenderState *st,
                                            GtkTextIter     *iter);
int         _prep_render_offset            (PrepRenderState *st);
void        _prep_render_apply_tag         (PrepRenderState *st,
                                            GtkTextTag      *tag,
                                            int              start);
void        _prep_render_apply_tag_name    (PrepRenderState *st,
                                            const char      *name,
                                            int              start);
void        _prep_render_insert_raw        (PrepRenderState *st,
                                            const char      *text,
                                            gssize           len);
void        _prep_render_insert_text       (PrepRenderState *st,
                                            const char      *text,
                                            gssize           len);
void        _prep_render_ensure_line_start (PrepRenderState *st);
void        _prep_render_apply_tag_to_last_line (PrepRenderState *st,
                                                 const char      *name);
char       *_prep_render_attribute_to_string (const MD_ATTRIBUTE *attr);

/* prep-render-code.c */
GtkSourceLanguage *_prep_render_lookup_language   (PrepRenderer    *self,
                                                   const char      *lang);
void               _prep_render_finish_code_block (PrepRenderState *st);

/* For tests: whether the table of the bundled code's highlighting is
 * used, and how many code blocks were looked up in GtkSourceView since
 * the renderer was made. */
void               _prep_renderer_set_highlight_table (PrepRenderer *self,
                                                       gboolean      use);
guint              _prep_renderer_get_n_live_highlights (PrepRenderer *self);

/* prep-render-table.c */
void        _prep_render_table_enter_cell  (PrepRenderState *st,
                                            gboolean         header,
                                            MD_ALIGN         align);
void        _prep_render_table_leave_cell  (PrepRenderState *st);
void        _prep_render_table_enter_row   (PrepRenderState *st);
void        _prep_render_table_cell_text   (PrepRenderState *st,
                                            MD_TEXTTYPE      type,
                                            const char      *text,
                                            gsize            size);
void        _prep_render_table_cell_span   (PrepRenderState *st,
                                            MD_SPANTYPE      type,
                                            void            *detail,
                                            gboolean         enter);
void        _prep_render_finish_table      (PrepRenderState *st);

/* prep-render-image.c */
void        _prep_render_decode_all        (PrepRenderer    *self,
                                            const char      *folder);
void        _prep_render_figure_ready      (PrepRenderer    *self);
GdkPixbuf  *_prep_render_load_natural      (PrepRenderer    *self,
                                            const char      *path);
void        _prep_render_finish_image      (PrepRenderState *st);

G_END_DECLS
