/* prep-table.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-table"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "prep-label-text.h"
#include "prep-table.h"

/* A Markdown table in an answer: one wrapping, selectable label per cell,
 * laid out in columns that fit the available width. Columns share the
 * width by how much they would need unwrapped, but none gets narrower
 * than a few characters (or its longest word); when even that does not
 * fit, the table is wider than the page and its scroller scrolls. No cell
 * text is ever cut off. */
struct _PrepTable
{
  GtkWidget        parent_instance;

  PrepRenderTable *table;
  GPtrArray       *cells;         /* GtkLabel, row by row */
  int             *row_y;         /* n_rows + 1, from the last allocation */
  guint            n_rows;
  guint            n_columns;
  guint            n_header_rows;
  int              available_width;

  /* Measured a few cells a step (prep_table_measure_later()) */
  int             *step_widths;   /* the columns' widths, once known */
  guint            next_cell;     /* the next cell to measure */
  gint64           lazy_since;    /* monotonic time */
  guint            lazy : 1;      /* until all are measured */
  guint            placed : 1;    /* allocated since, so styled */
};

G_DEFINE_FINAL_TYPE (PrepTable, prep_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_AVAILABLE_WIDTH,
  N_PROPS
};

enum {
  ACTIVATE_LINK,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

#define MIN_COLUMN_TEXT "MMMMMM"
/* How long a table measured in steps waits to be first laid out. */
#define MAX_WAIT_USEC (100 * G_TIME_SPAN_MILLISECOND)

static int
min_column_width (PrepTable *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), MIN_COLUMN_TEXT);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);

  return width;
}

/* Per column, the narrowest it may be and the width of its longest cell
 * unwrapped. */
static void
measure_columns (PrepTable *self,
                 int       *mins,
                 int       *nats,
                 int       *sum_min,
                 int       *sum_nat)
{
  int floor_width = min_column_width (self);

  memset (mins, 0, sizeof (int) * self->n_columns);
  memset (nats, 0, sizeof (int) * self->n_columns);

  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (self->cells, i);
      guint column = prep_render_table_get_cell (self->table, i)->column;
      int min, nat;

      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      mins[column] = MAX (mins[column], MAX (min, MIN (nat, floor_width)));
      nats[column] = MAX (nats[column], nat);
    }

  *sum_min = *sum_nat = 0;
  for (guint c = 0; c < self->n_columns; c++)
    {
      nats[c] = MAX (nats[c], mins[c]);
      *sum_min += mins[c];
      *sum_nat += nats[c];
    }
}

static void
column_widths (PrepTable *self,
               int        width,
               int       *widths)
{
  g_autofree int *mins = g_new (int, self->n_columns);
  g_autofree int *nats = g_new (int, self->n_columns);
  int sum_min, sum_nat, extra, given = 0;
  double wanted = 0;

  measure_columns (self, mins, nats, &sum_min, &sum_nat);

  if (sum_nat <= width || sum_min >= width)
    {
      memcpy (widths, sum_nat <= width ? nats : mins, sizeof (int) * self->n_columns);
      return;
    }

  /* Share what is left over the minimums by how much more each column
   * would like: wide prose columns wrap first, short ones stay whole. */
  extra = width - sum_min;
  for (guint c = 0; c < self->n_columns; c++)
    wanted += nats[c] - mins[c];
  for (guint c = 0; c < self->n_columns; c++)
    {
      widths[c] = mins[c] + (int) (extra * (nats[c] - mins[c]) / wanted);
      given += widths[c];
    }
  widths[self->n_columns - 1] += width - given;
}

static int
layout_rows (PrepTable *self,
             const int *widths,
             int       *row_heights)
{
  int total = 0;

  memset (row_heights, 0, sizeof (int) * self->n_rows);
  for (guint i = 0; i < self->cells->len; i++)
    {
      const PrepRenderCell *cell = prep_render_table_get_cell (self->table, i);
      int height;

      gtk_widget_measure (g_ptr_array_index (self->cells, i), GTK_ORIENTATION_VERTICAL,
                          widths[cell->column], &height, NULL, NULL, NULL);
      row_heights[cell->row] = MAX (row_heights[cell->row], height);
    }

  for (guint r = 0; r < self->n_rows; r++)
    total += row_heights[r] + 1;

  return total + 1;
}

/* The width the table takes when nothing else says: what it would like,
 * within the available width, but never below its minimum. */
static int
default_width (PrepTable *self)
{
  g_autofree int *mins = g_new (int, self->n_columns);
  g_autofree int *nats = g_new (int, self->n_columns);
  int sum_min, sum_nat;

  measure_columns (self, mins, nats, &sum_min, &sum_nat);
  if (self->available_width <= 0)
    return sum_nat;

  return MAX (sum_min, MIN (sum_nat, self->available_width));
}

static int
estimated_height (PrepTable *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int line = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));

  pango_font_metrics_unref (metrics);

  return self->n_rows * (line + 1) + 1;
}

static void
prep_table_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  PrepTable *self = PREP_TABLE (widget);

  if (self->n_columns == 0)
    {
      *minimum = *natural = 0;
      return;
    }

  /* Until its cells are measured: the available width, a line a row. */
  if (self->lazy)
    {
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        *minimum = *natural = self->available_width;
      else
        *minimum = *natural = estimated_height (self);
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      g_autofree int *mins = g_new (int, self->n_columns);
      g_autofree int *nats = g_new (int, self->n_columns);
      int sum_min, sum_nat;

      measure_columns (self, mins, nats, &sum_min, &sum_nat);
      *minimum = sum_min;
      *natural = default_width (self);
    }
  else
    {
      g_autofree int *widths = g_new (int, self->n_columns);
      g_autofree int *heights = g_new (int, self->n_rows);

      /* A scroller asks for the height without a width: it is the
       * height at the width the table will get. */
      column_widths (self, for_size >= 0 ? for_size : default_width (self), widths);
      *minimum = *natural = layout_rows (self, widths, heights);
    }
}

static void
prep_table_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  PrepTable *self = PREP_TABLE (widget);
  g_autofree int *widths = NULL;
  g_autofree int *heights = NULL;
  g_autofree int *x = NULL;

  if (self->n_columns == 0)
    return;
  if (self->lazy)
    {
      self->placed = TRUE;
      return;
    }

  widths = g_new (int, self->n_columns);
  heights = g_new (int, self->n_rows);
  x = g_new (int, self->n_columns);

  column_widths (self, width, widths);
  layout_rows (self, widths, heights);

  x[0] = 0;
  for (guint c = 1; c < self->n_columns; c++)
    x[c] = x[c - 1] + widths[c - 1];

  self->row_y[0] = 1;
  for (guint r = 0; r < self->n_rows; r++)
    self->row_y[r + 1] = self->row_y[r] + heights[r] + 1;

  for (guint i = 0; i < self->cells->len; i++)
    {
      const PrepRenderCell *cell = prep_render_table_get_cell (self->table, i);

      gtk_widget_size_allocate (g_ptr_array_index (self->cells, i),
                                &(GtkAllocation) { x[cell->column], self->row_y[cell->row],
                                                   widths[cell->column], heights[cell->row] },
                                -1);
    }
}

static void
prep_table_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  PrepTable *self = PREP_TABLE (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA color, rule, header;

  /* Its cells are not laid out yet. */
  if (self->lazy)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  rule = header = color;
  rule.alpha *= 0.15;
  header.alpha *= 0.07;

  /* The header rows on a tint, a rule under every row. */
  if (self->n_header_rows > 0)
    gtk_snapshot_append_color (snapshot, &header,
                               &GRAPHENE_RECT_INIT (0, 0, width, self->row_y[self->n_header_rows]));
  for (guint r = 0; r <= self->n_rows; r++)
    gtk_snapshot_append_color (snapshot, &rule,
                               &GRAPHENE_RECT_INIT (0, self->row_y[r] - 1, width, 1));

  for (guint i = 0; i < self->cells->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->cells, i), snapshot);
}

static gboolean
activate_link_cb (GtkLabel   *label,
                  const char *uri,
                  PrepTable  *self)
{
  gboolean handled = FALSE;

  g_signal_emit (self, signals [ACTIVATE_LINK], 0, uri, &handled);

  return handled;
}

static void
prep_table_dispose (GObject *object)
{
  PrepTable *self = (PrepTable *)object;

  if (self->cells != NULL)
    for (guint i = 0; i < self->cells->len; i++)
      gtk_widget_unparent (g_ptr_array_index (self->cells, i));
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->table, prep_render_table_unref);
  g_clear_pointer (&self->step_widths, g_free);

  G_OBJECT_CLASS (prep_table_parent_class)->dispose (object);
}

static void
prep_table_finalize (GObject *object)
{
  PrepTable *self = (PrepTable *)object;

  g_clear_pointer (&self->row_y, g_free);

  G_OBJECT_CLASS (prep_table_parent_class)->finalize (object);
}

static void
prep_table_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PrepTable *self = PREP_TABLE (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE_WIDTH:
      g_value_set_int (value, self->available_width);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_table_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PrepTable *self = PREP_TABLE (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE_WIDTH:
      prep_table_set_available_width (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_table_class_init (PrepTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prep_table_dispose;
  object_class->finalize = prep_table_finalize;
  object_class->get_property = prep_table_get_property;
  object_class->set_property = prep_table_set_property;

  widget_class->measure = prep_table_measure;
  widget_class->size_allocate = prep_table_size_allocate;
  widget_class->snapshot = prep_table_snapshot;

  /**
   * PrepTable:available-width:
   *
   * The width of the page the table is on, which it fits into when its
   * columns can be narrow enough; 0 for its natural width.
   */
  properties [PROP_AVAILABLE_WIDTH] =
    g_param_spec_int ("available-width", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PrepTable::activate-link:
   * @uri: the link's target
   *
   * A link in a cell was clicked or activated from the keyboard.
   *
   * Returns: %TRUE if it was handled
   */
  signals [ACTIVATE_LINK] =
    g_signal_new ("activate-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "preptable");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TABLE);
}

static void
prep_table_init (PrepTable *self)
{
  self->cells = g_ptr_array_new ();
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

static gboolean
markup_is_valid (const char *markup)
{
  static GRegex *links;
  g_autoptr(GString) pango = NULL;
  g_autofree char *plain = NULL;

  if (strstr (markup, "<a ") == NULL)
    return pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL);

  /* Compiled once: this runs for every cell of every table (issue 15). */
  if (g_once_init_enter (&links))
    g_once_init_leave (&links, g_regex_new ("<a href=\"[^\"]*\">", G_REGEX_OPTIMIZE, 0, NULL));

  /* GtkLabel takes <a href> itself and hands the rest to Pango. */
  plain = g_regex_replace_literal (links, markup, -1, 0, "<span>", 0, NULL);
  pango = g_string_new (plain);
  g_string_replace (pango, "</a>", "</span>", 0);

  return pango_parse_markup (pango->str, -1, 0, NULL, NULL, NULL, NULL);
}

/**
 * prep_table_new:
 * @table: the cells, as the renderer found them
 */
GtkWidget *
prep_table_new (PrepRenderTable *table)
{
  PrepTable *self;

  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (PREP_TYPE_TABLE, NULL);
  self->table = prep_render_table_ref (table);
  self->n_rows = prep_render_table_get_n_rows (table);
  self->n_columns = prep_render_table_get_n_columns (table);
  self->row_y = g_new0 (int, self->n_rows + 1);

  for (guint i = 0; i < prep_render_table_get_n_cells (table); i++)
    {
      const PrepRenderCell *cell = prep_render_table_get_cell (table, i);
      GtkWidget *label;

      /* Cells are read by screen readers as cells of a table. They can
       * be selected with the pointer, but are not each a stop for Tab. */
      label = g_object_new (GTK_TYPE_LABEL,
                            "accessible-role", cell->header ? GTK_ACCESSIBLE_ROLE_COLUMN_HEADER
                                                            : GTK_ACCESSIBLE_ROLE_CELL,
                            "wrap", TRUE,
                            "wrap-mode", PANGO_WRAP_WORD_CHAR,
                            "xalign", prep_render_table_get_xalign (table, cell->column),
                            "yalign", 0.0f,
                            "selectable", TRUE,
                            "focusable", FALSE,
                            NULL);
      if (markup_is_valid (cell->markup))
        gtk_label_set_markup (GTK_LABEL (label), cell->markup);
      else
        gtk_label_set_text (GTK_LABEL (label), cell->text);
      gtk_label_set_justify (GTK_LABEL (label),
                             cell->column < self->n_columns && prep_render_table_get_xalign (table, cell->column) > 0.9f
                             ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
      prep_label_text_update (GTK_LABEL (label), NULL, G_MAXUINT);
      if (cell->header)
        {
          gtk_widget_add_css_class (label, "header");
          self->n_header_rows = MAX (self->n_header_rows, cell->row + 1);
        }
      g_signal_connect (label, "activate-link", G_CALLBACK (activate_link_cb), self);
      gtk_widget_set_parent (label, GTK_WIDGET (self));
      g_ptr_array_add (self->cells, label);
    }

  return GTK_WIDGET (self);
}

int
prep_table_get_available_width (PrepTable *self)
{
  g_return_val_if_fail (PREP_IS_TABLE (self), 0);

  return self->available_width;
}

void
prep_table_set_available_width (PrepTable *self,
                                int        width)
{
  g_return_if_fail (PREP_IS_TABLE (self));

  width = MAX (width, 0);
  if (self->available_width == width)
    return;

  self->available_width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AVAILABLE_WIDTH]);
}

/**
 * prep_table_get_cells:
 *
 * Returns: (transfer none) (element-type GtkLabel): the cells' labels,
 *   row by row
 */
GPtrArray *
prep_table_get_cells (PrepTable *self)
{
  g_return_val_if_fail (PREP_IS_TABLE (self), NULL);

  return self->cells;
}

/**
 * prep_table_get_overflows:
 *
 * Returns: whether even the narrowest columns are wider than the
 *   available width, so that the table must scroll sideways
 */
gboolean
prep_table_get_overflows (PrepTable *self)
{
  int min;

  g_return_val_if_fail (PREP_IS_TABLE (self), FALSE);

  if (self->n_columns == 0 || self->available_width <= 0)
    return FALSE;

  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min > self->available_width;
}

/**
 * prep_table_measure_later:
 *
 * Has the table measure its cells in steps, with
 * prep_table_measure_step(), instead of all at once when it is first laid
 * out: three text layouts a cell, which for a large table made one step
 * of 15 to 27 ms after a question switch (issue 15). Until then the table
 * is a row of lines high, and shows nothing: for a table below the part
 * in sight.
 */
void
prep_table_measure_later (PrepTable *self)
{
  g_return_if_fail (PREP_IS_TABLE (self));

  if (self->lazy || self->n_columns == 0)
    return;

  self->lazy = TRUE;
  self->placed = FALSE;
  self->lazy_since = g_get_monotonic_time ();
  self->next_cell = 0;
  g_clear_pointer (&self->step_widths, g_free);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * prep_table_measure_step:
 * @deadline: a monotonic time (g_get_monotonic_time()) to stop at
 *
 * Measures cells until @deadline, at least one: first their widths, then
 * their heights at the widths their columns will have. Once all are, the
 * table is laid out with them (GTK keeps each cell's sizes).
 *
 * Returns: %TRUE while cells remain to be measured
 */
gboolean
prep_table_measure_step (PrepTable *self,
                         gint64     deadline)
{
  g_return_val_if_fail (PREP_IS_TABLE (self), FALSE);

  if (!self->lazy || self->cells == NULL)
    return FALSE;

  /* Its cells are styled in the frame that first lays it out: measured
   * before, with the style they had when made, their sizes would be
   * measured again then. A table not on screen, or not laid out for a
   * while, is measured at once when it is. */
  if (!self->placed)
    {
      if (gtk_widget_get_mapped (GTK_WIDGET (self)) &&
          g_get_monotonic_time () - self->lazy_since < MAX_WAIT_USEC)
        return TRUE;

      self->lazy = FALSE;
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return FALSE;
    }

  for (;;)
    {
      guint n_cells = self->cells->len;

      if (self->next_cell < n_cells)
        {
          GtkWidget *label = g_ptr_array_index (self->cells, self->next_cell);
          int min, nat;

          gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
        }
      else if (self->next_cell == n_cells)
        {
          /* The widths the table will be laid out at, from the cells'. */
          self->step_widths = g_new (int, self->n_columns);
          column_widths (self, default_width (self), self->step_widths);
        }
      else if (self->next_cell <= 2 * n_cells)
        {
          guint i = self->next_cell - n_cells - 1;
          const PrepRenderCell *cell = prep_render_table_get_cell (self->table, i);
          int height;

          gtk_widget_measure (g_ptr_array_index (self->cells, i), GTK_ORIENTATION_VERTICAL,
                              self->step_widths[cell->column], &height, NULL, NULL, NULL);
        }
      else
        {
          self->lazy = FALSE;
          g_clear_pointer (&self->step_widths, g_free);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          return FALSE;
        }

      self->next_cell++;
      if (g_get_monotonic_time () >= deadline)
        return TRUE;
    }
}

/**
 * prep_table_get_measured:
 *
 * Returns: whether the table is laid out with its cells' sizes (not
 *   waiting for prep_table_measure_step())
 */
gboolean
prep_table_get_measured (PrepTable *self)
{
  g_return_val_if_fail (PREP_IS_TABLE (self), FALSE);

  return !self->lazy;
}
