/* prep-render-table.h: a Markdown table, as the renderer hands it on.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Object data on the child anchor that stands for a table in the buffer:
 * a PrepRenderTable, which the view shows as a widget of its own. */
#define PREP_RENDERER_TABLE "prep-table"

typedef struct _PrepRenderTable PrepRenderTable;

typedef struct
{
  char     *markup;   /* Pango markup, links as <a href> */
  char     *text;     /* the same as plain text */
  guint     row;
  guint     column;
  gboolean  header;
} PrepRenderCell;

#define PREP_TYPE_RENDER_TABLE (prep_render_table_get_type ())

GType                 prep_render_table_get_type      (void) G_GNUC_CONST;
PrepRenderTable      *prep_render_table_new           (void);
PrepRenderTable      *prep_render_table_ref           (PrepRenderTable *self);
void                  prep_render_table_unref         (PrepRenderTable *self);
guint                 prep_render_table_get_n_rows    (PrepRenderTable *self);
guint                 prep_render_table_get_n_columns (PrepRenderTable *self);
float                 prep_render_table_get_xalign    (PrepRenderTable *self,
                                                       guint            column);
guint                 prep_render_table_get_n_cells   (PrepRenderTable *self);
const PrepRenderCell *prep_render_table_get_cell      (PrepRenderTable *self,
                                                       guint            index);
char                 *prep_render_table_dup_text      (PrepRenderTable *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrepRenderTable, prep_render_table_unref)

G_END_DECLS
