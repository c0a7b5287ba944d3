/* prep-render-table.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-renderer"

#include "config.h"

#include <string.h>

#include "prep-renderer-private.h"

/* A table is not laid out in the text: wrapped cells, a row height per
 * row and a scroller for wide tables need a widget. The renderer collects
 * each cell as Pango markup and leaves an anchor with the table on it. */

struct _PrepRenderTable
{
  GArray  *aligns;   /* float: xalign per column */
  GArray  *cells;    /* PrepRenderCell */
  GString *text;     /* plain text of the cell being built */
  guint    n_rows;
  guint    column;
  gboolean header;   /* of the cell being built */
};

G_DEFINE_BOXED_TYPE (PrepRenderTable, prep_render_table, prep_render_table_ref, prep_render_table_unref)

static void
clear_cell (gpointer data)
{
  PrepRenderCell *cell = data;

  g_clear_pointer (&cell->markup, g_free);
  g_clear_pointer (&cell->text, g_free);
}

static void
prep_render_table_finalize (PrepRenderTable *self)
{
  g_clear_pointer (&self->aligns, g_array_unref);
  g_clear_pointer (&self->cells, g_array_unref);
  if (self->text != NULL)
    g_string_free (self->text, TRUE);
}

PrepRenderTable *
prep_render_table_new (void)
{
  PrepRenderTable *self = g_atomic_rc_box_new0 (PrepRenderTable);

  self->aligns = g_array_new (FALSE, FALSE, sizeof (float));
  self->cells = g_array_new (FALSE, TRUE, sizeof (PrepRenderCell));
  g_array_set_clear_func (self->cells, clear_cell);

  return self;
}

PrepRenderTable *
prep_render_table_ref (PrepRenderTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
prep_render_table_unref (PrepRenderTable *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) prep_render_table_finalize);
}

guint
prep_render_table_get_n_rows (PrepRenderTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

guint
prep_render_table_get_n_columns (PrepRenderTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->aligns->len;
}

/**
 * prep_render_table_get_xalign:
 *
 * Returns: 0 for a left-aligned column, 0.5 centred, 1 right
 */
float
prep_render_table_get_xalign (PrepRenderTable *self,
                              guint            column)
{
  g_return_val_if_fail (self != NULL, 0);

  return column < self->aligns->len ? g_array_index (self->aligns, float, column) : 0;
}

guint
prep_render_table_get_n_cells (PrepRenderTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->cells->len;
}

/**
 * prep_render_table_get_cell:
 *
 * Cells come row by row, each row from its first column.
 */
const PrepRenderCell *
prep_render_table_get_cell (PrepRenderTable *self,
                            guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->cells->len, NULL);

  return &g_array_index (self->cells, PrepRenderCell, index);
}

/**
 * prep_render_table_dup_text:
 *
 * Returns: the table as plain text, a line per row, cells between " | "
 */
char *
prep_render_table_dup_text (PrepRenderTable *self)
{
  GString *str;

  g_return_val_if_fail (self != NULL, NULL);

  str = g_string_new (NULL);
  for (guint i = 0; i < self->cells->len; i++)
    {
      const PrepRenderCell *cell = &g_array_index (self->cells, PrepRenderCell, i);

      if (i > 0)
        g_string_append (str, cell->column == 0 ? "\n" : " | ");
      g_string_append (str, cell->text);
    }

  return g_string_free (str, FALSE);
}

/* Building, from the renderer's md4c callbacks */

void
_prep_render_table_enter_cell (PrepRenderState *st,
                               gboolean         header,
                               MD_ALIGN         align)
{
  PrepRenderTable *table = st->table;

  /* Callers check; md4c's events are not trusted to be balanced. */
  if (table == NULL)
    return;

  if (table->column >= table->aligns->len)
    {
      float xalign = align == MD_ALIGN_RIGHT ? 1.0f : align == MD_ALIGN_CENTER ? 0.5f : 0.0f;
      g_array_append_val (table->aligns, xalign);
    }

  if (st->cell != NULL)
    g_string_free (st->cell, TRUE);
  st->cell = g_string_new (NULL);
  if (table->text != NULL)
    g_string_free (table->text, TRUE);
  table->text = g_string_new (NULL);
  g_array_set_size (st->cell_spans, 0);
  st->pending_softbr = FALSE;

  table->header = header;
  if (table->column == 0)
    table->n_rows++;
}

static const char *
span_close (MD_SPANTYPE type)
{
  switch ((int) type)
    {
    case MD_SPAN_EM: return "</i>";
    case MD_SPAN_STRONG: return "</b>";
    case MD_SPAN_DEL: return "</s>";
    case MD_SPAN_CODE: return "</tt>";
    case MD_SPAN_U: return "</u>";
    case MD_SPAN_A: return "</a>";
    default: return NULL;
    }
}

void
_prep_render_table_leave_cell (PrepRenderState *st)
{
  PrepRenderTable *table = st->table;
  PrepRenderCell cell = { 0 };

  if (table == NULL || st->cell == NULL)
    return;

  /* Spans md4c left open (it may, on odd input) are closed here, so that
   * the markup is always well formed. */
  while (st->cell_spans->len > 0)
    {
      MD_SPANTYPE type = g_array_index (st->cell_spans, MD_SPANTYPE, st->cell_spans->len - 1);

      g_string_append (st->cell, span_close (type));
      g_array_set_size (st->cell_spans, st->cell_spans->len - 1);
    }

  cell.markup = g_string_free (g_steal_pointer (&st->cell), FALSE);
  cell.text = g_string_free (g_steal_pointer (&table->text), FALSE);
  g_strstrip (cell.text);
  cell.header = table->header;
  cell.row = table->n_rows - 1;
  cell.column = table->column++;
  g_array_append_val (table->cells, cell);
  st->pending_softbr = FALSE;
}

void
_prep_render_table_enter_row (PrepRenderState *st)
{
  if (st->table != NULL)
    st->table->column = 0;
}

static void
append_text (PrepRenderState *st,
             const char      *text,
             gssize           len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  if (st->pending_softbr)
    {
      PrepRenderTable *table = st->table;
      gunichar before = 0;

      st->pending_softbr = FALSE;
      if (table->text->len > 0)
        before = g_utf8_get_char (g_utf8_find_prev_char (table->text->str, table->text->str + table->text->len));
      if (!(before && prep_renderer_is_cjk (before) && prep_renderer_is_cjk (g_utf8_get_char (text))))
        {
          g_string_append_c (st->cell, ' ');
          g_string_append_c (table->text, ' ');
        }
    }

  g_string_append (st->cell, escaped);
  g_string_append_len (st->table->text, text, len);
}

void
_prep_render_table_cell_text (PrepRenderState *st,
                              MD_TEXTTYPE      type,
                              const char      *text,
                              gsize            size)
{
  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      append_text (st, "\xEF\xBF\xBD", 3);
      break;

    case MD_TEXT_BR:
      st->pending_softbr = FALSE;
      append_text (st, "\n", 1);
      break;

    case MD_TEXT_SOFTBR:
      st->pending_softbr = TRUE;
      break;

    case MD_TEXT_ENTITY:
      {
        g_autofree char *decoded = prep_renderer_decode_entity (text, size);
        append_text (st, decoded, -1);
      }
      break;

    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      if (size > 0)
        append_text (st, text, size);
      break;
    }
}

void
_prep_render_table_cell_span (PrepRenderState *st,
                              MD_SPANTYPE      type,
                              void            *detail,
                              gboolean         enter)
{
  GArray *open = st->cell_spans;

  if (span_close (type) == NULL)
    return;

  if (enter)
    {
      if (type == MD_SPAN_A)
        {
          g_autofree char *href = _prep_render_attribute_to_string (&((MD_SPAN_A_DETAIL *) detail)->href);
          g_autofree char *escaped = g_markup_escape_text (href, -1);

          /* Links do not nest; an inner one is shown as text. */
          for (guint i = 0; i < open->len; i++)
            if (g_array_index (open, MD_SPANTYPE, i) == MD_SPAN_A)
              return;
          g_string_append_printf (st->cell, "<a href=\"%s\">", escaped);
        }
      else
        {
          static const char *opens[] = {
            [MD_SPAN_EM] = "<i>", [MD_SPAN_STRONG] = "<b>", [MD_SPAN_DEL] = "<s>",
            [MD_SPAN_CODE] = "<tt>", [MD_SPAN_U] = "<u>",
          };
          g_string_append (st->cell, opens[type]);
        }
      g_array_append_val (open, type);
    }
  else if (open->len > 0 && g_array_index (open, MD_SPANTYPE, open->len - 1) == type)
    {
      /* A leave that does not close the innermost span (unbalanced
       * events) is ignored; the span is closed at the cell's end. */
      g_string_append (st->cell, span_close (type));
      g_array_set_size (open, open->len - 1);
    }
}

void
_prep_render_finish_table (PrepRenderState *st)
{
  g_autoptr(PrepRenderTable) table = g_steal_pointer (&st->table);
  GtkTextChildAnchor *anchor;
  GtkTextIter iter;
  int start;

  if (table == NULL || table->cells->len == 0)
    return;

  _prep_render_ensure_line_start (st);
  start = _prep_render_offset (st);
  _prep_render_get_iter (st, &iter);
  anchor = gtk_text_buffer_create_child_anchor (st->buffer, &iter);
  g_object_set_data_full (G_OBJECT (anchor), PREP_RENDERER_TABLE,
                          prep_render_table_ref (table), (GDestroyNotify) prep_render_table_unref);
  _prep_render_apply_tag_name (st, "table", start);
}
