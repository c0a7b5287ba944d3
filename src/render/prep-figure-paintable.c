/* prep-figure-paintable.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-renderer"

#include "config.h"

#include "prep-figure-paintable.h"

/* A figure still being decoded (in a worker thread, see
 * prep-render-image.c): it takes its final size in the text at once, so
 * that nothing moves when it arrives, and draws nothing until it has its
 * image. */
struct _PrepFigurePaintable
{
  GObject       parent_instance;

  GdkPaintable *image;
  int           width;
  int           height;
};

static void paintable_iface_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PrepFigurePaintable, prep_figure_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, paintable_iface_init))

static void
prep_figure_paintable_snapshot (GdkPaintable *paintable,
                                GdkSnapshot  *snapshot,
                                double        width,
                                double        height)
{
  PrepFigurePaintable *self = PREP_FIGURE_PAINTABLE (paintable);

  if (self->image != NULL)
    gdk_paintable_snapshot (self->image, snapshot, width, height);
}

static int
prep_figure_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  return PREP_FIGURE_PAINTABLE (paintable)->width;
}

static int
prep_figure_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  return PREP_FIGURE_PAINTABLE (paintable)->height;
}

/* The contents change once, when the image arrives. */
static GdkPaintableFlags
prep_figure_paintable_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE;
}

static void
paintable_iface_init (GdkPaintableInterface *iface)
{
  iface->snapshot = prep_figure_paintable_snapshot;
  iface->get_intrinsic_width = prep_figure_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = prep_figure_paintable_get_intrinsic_height;
  iface->get_flags = prep_figure_paintable_get_flags;
}

static void
prep_figure_paintable_dispose (GObject *object)
{
  PrepFigurePaintable *self = (PrepFigurePaintable *)object;

  g_clear_object (&self->image);

  G_OBJECT_CLASS (prep_figure_paintable_parent_class)->dispose (object);
}

static void
prep_figure_paintable_class_init (PrepFigurePaintableClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = prep_figure_paintable_dispose;
}

static void
prep_figure_paintable_init (PrepFigurePaintable *self)
{
}

/**
 * prep_figure_paintable_new:
 * @width: the figure's width in the text, in logical pixels
 * @height: its height
 */
GdkPaintable *
prep_figure_paintable_new (int width,
                           int height)
{
  PrepFigurePaintable *self = g_object_new (PREP_TYPE_FIGURE_PAINTABLE, NULL);

  self->width = MAX (width, 1);
  self->height = MAX (height, 1);

  return GDK_PAINTABLE (self);
}

/**
 * prep_figure_paintable_get_image:
 *
 * Returns: (transfer none) (nullable): the decoded figure, once it is
 */
GdkPaintable *
prep_figure_paintable_get_image (PrepFigurePaintable *self)
{
  g_return_val_if_fail (PREP_IS_FIGURE_PAINTABLE (self), NULL);

  return self->image;
}

/**
 * prep_figure_paintable_set_image:
 * @image: the decoded figure, drawn at the paintable's size
 */
void
prep_figure_paintable_set_image (PrepFigurePaintable *self,
                                 GdkPaintable        *image)
{
  g_return_if_fail (PREP_IS_FIGURE_PAINTABLE (self));
  g_return_if_fail (GDK_IS_PAINTABLE (image));

  if (!g_set_object (&self->image, image))
    return;

  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
}
