/* prep-scaled-paintable.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PREP_TYPE_SCALED_PAINTABLE (prep_scaled_paintable_get_type())

G_DECLARE_FINAL_TYPE (PrepScaledPaintable, prep_scaled_paintable, PREP, SCALED_PAINTABLE, GObject)

GdkPaintable *prep_scaled_paintable_new         (GdkTexture          *texture,
                                                 int                  scale_factor);
GdkTexture   *prep_scaled_paintable_get_texture (PrepScaledPaintable *self);

G_END_DECLS
