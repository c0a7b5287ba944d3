/* prep-sidebar-frame.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-sidebar-frame"

#include "config.h"

#include "prep-sidebar-frame.h"

/* Gives the sidebar a steady width: a fraction of the window's, between a
 * minimum and a maximum, as AdwNavigationSplitView does (libadwaita 1.4),
 * whatever the sidebar shows. Without it the sidebar took the natural
 * width of its content, and jumped when a search or a filter showed
 * longer titles, or in another language. */

#define MIN_WIDTH 220
#define MAX_WIDTH 340
#define FRACTION  0.3

struct _PrepSidebarFrame
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  gulong     width_handler;
  gulong     maximized_handler;
};

G_DEFINE_FINAL_TYPE (PrepSidebarFrame, prep_sidebar_frame, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * prep_sidebar_frame_width_for:
 *
 * Returns: the sidebar's width in a window @window_width wide
 */
int
prep_sidebar_frame_width_for (int window_width)
{
  return CLAMP ((int) (window_width * FRACTION), MIN_WIDTH, MAX_WIDTH);
}

static int
window_width (PrepSidebarFrame *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width = 0, height = 0;

  if (GTK_IS_WINDOW (root))
    {
      /* The default size follows the window when it is resized; a
       * maximized window is as wide as its allocation. */
      gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
      if (gtk_window_is_maximized (GTK_WINDOW (root)) || width <= 0)
        width = MAX (width, gtk_widget_get_width (GTK_WIDGET (root)));
    }

  return width;
}

static void
prep_sidebar_frame_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  PrepSidebarFrame *self = PREP_SIDEBAR_FRAME (widget);
  int child_min = 0, child_nat = 0;

  if (self->child != NULL)
    gtk_widget_measure (self->child, orientation, for_size, &child_min, &child_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (child_min, MIN_WIDTH);
      *natural = MAX (*minimum, prep_sidebar_frame_width_for (window_width (self)));
    }
  else
    {
      *minimum = child_min;
      *natural = child_nat;
    }
}

static void
prep_sidebar_frame_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  PrepSidebarFrame *self = PREP_SIDEBAR_FRAME (widget);

  if (self->child != NULL)
    gtk_widget_size_allocate (self->child, &(GtkAllocation) { 0, 0, width, height }, baseline);
}

static void
window_changed_cb (PrepSidebarFrame *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
prep_sidebar_frame_root (GtkWidget *widget)
{
  PrepSidebarFrame *self = PREP_SIDEBAR_FRAME (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (prep_sidebar_frame_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  self->width_handler = g_signal_connect_swapped (root, "notify::default-width",
                                                  G_CALLBACK (window_changed_cb), self);
  self->maximized_handler = g_signal_connect_swapped (root, "notify::maximized",
                                                      G_CALLBACK (window_changed_cb), self);
}

static void
prep_sidebar_frame_unroot (GtkWidget *widget)
{
  PrepSidebarFrame *self = PREP_SIDEBAR_FRAME (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  g_clear_signal_handler (&self->width_handler, root);
  g_clear_signal_handler (&self->maximized_handler, root);

  GTK_WIDGET_CLASS (prep_sidebar_frame_parent_class)->unroot (widget);
}

static void
prep_sidebar_frame_dispose (GObject *object)
{
  PrepSidebarFrame *self = (PrepSidebarFrame *)object;

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (prep_sidebar_frame_parent_class)->dispose (object);
}

static void
prep_sidebar_frame_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PrepSidebarFrame *self = PREP_SIDEBAR_FRAME (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_sidebar_frame_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PrepSidebarFrame *self = PREP_SIDEBAR_FRAME (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      prep_sidebar_frame_set_child (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_sidebar_frame_class_init (PrepSidebarFrameClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prep_sidebar_frame_dispose;
  object_class->get_property = prep_sidebar_frame_get_property;
  object_class->set_property = prep_sidebar_frame_set_property;

  widget_class->measure = prep_sidebar_frame_measure;
  widget_class->size_allocate = prep_sidebar_frame_size_allocate;
  widget_class->root = prep_sidebar_frame_root;
  widget_class->unroot = prep_sidebar_frame_unroot;

  properties [PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "prepsidebarframe");
}

static void
prep_sidebar_frame_init (PrepSidebarFrame *self)
{
}

GtkWidget *
prep_sidebar_frame_new (void)
{
  return g_object_new (PREP_TYPE_SIDEBAR_FRAME, NULL);
}

/**
 * prep_sidebar_frame_get_child:
 *
 * Returns: (transfer none) (nullable): the sidebar
 */
GtkWidget *
prep_sidebar_frame_get_child (PrepSidebarFrame *self)
{
  g_return_val_if_fail (PREP_IS_SIDEBAR_FRAME (self), NULL);

  return self->child;
}

void
prep_sidebar_frame_set_child (PrepSidebarFrame *self,
                              GtkWidget        *child)
{
  g_return_if_fail (PREP_IS_SIDEBAR_FRAME (self));
  g_return_if_fail (!child || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHILD]);
}
