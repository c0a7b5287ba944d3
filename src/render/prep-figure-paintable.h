/* prep-figure-paintable.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PREP_TYPE_FIGURE_PAINTABLE (prep_figure_paintable_get_type())

G_DECLARE_FINAL_TYPE (PrepFigurePaintable, prep_figure_paintable, PREP, FIGURE_PAINTABLE, GObject)

GdkPaintable *prep_figure_paintable_new       (int                  width,
                                               int                  height);
GdkPaintable *prep_figure_paintable_get_image (PrepFigurePaintable *self);
void          prep_figure_paintable_set_image (PrepFigurePaintable *self,
                                               GdkPaintable        *image);

G_END_DECLS
