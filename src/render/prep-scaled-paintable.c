/* prep-scaled-paintable.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-renderer"

#include "config.h"

#include "prep-scaled-paintable.h"

/* A texture drawn at 1/scale of its pixel size: a figure rasterized for a
 * HiDPI display keeps its logical size in the text but all its pixels. */
struct _PrepScaledPaintable
{
  GObject     parent_instance;

  GdkTexture *texture;
  int         scale_factor;
};

static void paintable_iface_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PrepScaledPaintable, prep_scaled_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, paintable_iface_init))

static void
prep_scaled_paintable_snapshot (GdkPaintable *paintable,
                                GdkSnapshot  *snapshot,
                                double        width,
                                double        height)
{
  PrepScaledPaintable *self = PREP_SCALED_PAINTABLE (paintable);

  gdk_paintable_snapshot (GDK_PAINTABLE (self->texture), snapshot, width, height);
}

static int
prep_scaled_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  PrepScaledPaintable *self = PREP_SCALED_PAINTABLE (paintable);

  return (gdk_texture_get_width (self->texture) + self->scale_factor - 1) / self->scale_factor;
}

static int
prep_scaled_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  PrepScaledPaintable *self = PREP_SCALED_PAINTABLE (paintable);

  return (gdk_texture_get_height (self->texture) + self->scale_factor - 1) / self->scale_factor;
}

static GdkPaintableFlags
prep_scaled_paintable_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static void
paintable_iface_init (GdkPaintableInterface *iface)
{
  iface->snapshot = prep_scaled_paintable_snapshot;
  iface->get_intrinsic_width = prep_scaled_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = prep_scaled_paintable_get_intrinsic_height;
  iface->get_flags = prep_scaled_paintable_get_flags;
}

static void
prep_scaled_paintable_dispose (GObject *object)
{
  PrepScaledPaintable *self = (PrepScaledPaintable *)object;

  g_clear_object (&self->texture);

  G_OBJECT_CLASS (prep_scaled_paintable_parent_class)->dispose (object);
}

static void
prep_scaled_paintable_class_init (PrepScaledPaintableClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = prep_scaled_paintable_dispose;
}

static void
prep_scaled_paintable_init (PrepScaledPaintable *self)
{
  self->scale_factor = 1;
}

/**
 * prep_scaled_paintable_new:
 * @scale_factor: device pixels per logical pixel, 1 or more
 */
GdkPaintable *
prep_scaled_paintable_new (GdkTexture *texture,
                           int         scale_factor)
{
  PrepScaledPaintable *self;

  g_return_val_if_fail (GDK_IS_TEXTURE (texture), NULL);

  self = g_object_new (PREP_TYPE_SCALED_PAINTABLE, NULL);
  self->texture = g_object_ref (texture);
  self->scale_factor = MAX (scale_factor, 1);

  return GDK_PAINTABLE (self);
}

/**
 * prep_scaled_paintable_get_texture:
 *
 * Returns: (transfer none): the texture, at device pixels
 */
GdkTexture *
prep_scaled_paintable_get_texture (PrepScaledPaintable *self)
{
  g_return_val_if_fail (PREP_IS_SCALED_PAINTABLE (self), NULL);

  return self->texture;
}
