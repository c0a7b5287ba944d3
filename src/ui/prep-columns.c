/* prep-columns.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-columns"

#include "config.h"

#include "prep-columns.h"

/* Sections in one column on a narrow window and in two where both fit at
 * their minimum column width (libadwaita 1.2 has no breakpoints). In two
 * columns each section goes under the shorter one so far, in order, so
 * that a long list next to short cards leaves no hole. Children are added
 * with <child> in a template or gtk_widget_set_parent(). */

struct _PrepColumns
{
  GtkWidget parent_instance;

  int       min_column_width;
  int       spacing;
  guint     n_columns;        /* as last allocated */
};

G_DEFINE_FINAL_TYPE (PrepColumns, prep_columns, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MIN_COLUMN_WIDTH,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static guint
count_visible (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_should_layout (child);

  return n;
}

/* Two columns only where every child fits in one at its minimum width. */
static guint
columns_for_width (PrepColumns *self,
                   int          width)
{
  int narrowest = self->min_column_width;

  if (count_visible (GTK_WIDGET (self)) < 2)
    return 1;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child; child = gtk_widget_get_next_sibling (child))
    {
      int min_width;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      narrowest = MAX (narrowest, min_width);
    }

  return width >= 2 * narrowest + self->spacing ? 2 : 1;
}

/* Places the children in @n_columns of @width: each under the shorter
 * column. With @allocate, allocates them; returns the height. */
static int
lay_out (PrepColumns *self,
         int          width,
         guint        n_columns,
         gboolean     allocate)
{
  int column_width = (width - (int) (n_columns - 1) * self->spacing) / (int) n_columns;
  int heights[2] = { 0, 0 };
  gboolean started[2] = { FALSE, FALSE };

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child; child = gtk_widget_get_next_sibling (child))
    {
      guint c = 0;
      int min_width, height;

      if (!gtk_widget_should_layout (child))
        continue;

      if (n_columns == 2 && heights[1] < heights[0])
        c = 1;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, MAX (column_width, min_width), NULL, &height, NULL, NULL);

      if (started[c])
        heights[c] += self->spacing;
      if (allocate)
        {
          GtkAllocation area = {
            (int) c * (column_width + self->spacing), heights[c], MAX (column_width, min_width), height
          };

          gtk_widget_size_allocate (child, &area, -1);
        }
      heights[c] += height;
      started[c] = TRUE;
    }

  return MAX (heights[0], heights[1]);
}

static void
prep_columns_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  PrepColumns *self = PREP_COLUMNS (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat = MAX (nat, child_nat);
        }

      *minimum = min;
      *natural = count_visible (widget) > 1 ? 2 * MAX (nat, self->min_column_width) + self->spacing : nat;
    }
  else
    {
      int width = for_size;

      /* Without a width, the tallest: one column at the narrowest. */
      if (width < 0)
        prep_columns_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
      *minimum = *natural = lay_out (self, width, columns_for_width (self, width), FALSE);
    }
}

static void
prep_columns_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  PrepColumns *self = PREP_COLUMNS (widget);

  self->n_columns = columns_for_width (self, width);
  lay_out (self, width, self->n_columns, TRUE);
}

static GtkSizeRequestMode
prep_columns_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
prep_columns_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (prep_columns_parent_class)->dispose (object);
}

static void
prep_columns_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PrepColumns *self = PREP_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_MIN_COLUMN_WIDTH:
      g_value_set_int (value, self->min_column_width);
      break;

    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_columns_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PrepColumns *self = PREP_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_MIN_COLUMN_WIDTH:
      prep_columns_set_min_column_width (self, g_value_get_int (value));
      break;

    case PROP_SPACING:
      prep_columns_set_spacing (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_columns_class_init (PrepColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prep_columns_dispose;
  object_class->get_property = prep_columns_get_property;
  object_class->set_property = prep_columns_set_property;

  widget_class->measure = prep_columns_measure;
  widget_class->size_allocate = prep_columns_size_allocate;
  widget_class->get_request_mode = prep_columns_get_request_mode;

  /**
   * PrepColumns:min-column-width:
   *
   * The narrowest a column may be: two columns from twice this width.
   */
  properties [PROP_MIN_COLUMN_WIDTH] =
    g_param_spec_int ("min-column-width", NULL, NULL, 0, G_MAXINT, 360,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prep_columns_init (PrepColumns *self)
{
  self->min_column_width = 360;
  self->n_columns = 1;
}

GtkWidget *
prep_columns_new (void)
{
  return g_object_new (PREP_TYPE_COLUMNS, NULL);
}

/**
 * prep_columns_get_n_columns:
 *
 * Returns: 1 or 2, as last laid out
 */
guint
prep_columns_get_n_columns (PrepColumns *self)
{
  g_return_val_if_fail (PREP_IS_COLUMNS (self), 1);

  return self->n_columns;
}

int
prep_columns_get_min_column_width (PrepColumns *self)
{
  g_return_val_if_fail (PREP_IS_COLUMNS (self), 0);

  return self->min_column_width;
}

void
prep_columns_set_min_column_width (PrepColumns *self,
                                   int          width)
{
  g_return_if_fail (PREP_IS_COLUMNS (self));

  if (self->min_column_width == width)
    return;

  self->min_column_width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MIN_COLUMN_WIDTH]);
}

int
prep_columns_get_spacing (PrepColumns *self)
{
  g_return_val_if_fail (PREP_IS_COLUMNS (self), 0);

  return self->spacing;
}

void
prep_columns_set_spacing (PrepColumns *self,
                          int          spacing)
{
  g_return_if_fail (PREP_IS_COLUMNS (self));

  if (self->spacing == spacing)
    return;

  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SPACING]);
}
