/* prep-renderer.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "prep-types.h"

G_BEGIN_DECLS

/* Object data set on the tag of each link, and on the child anchor that
 * stands before each code block (for its copy button). */
#define PREP_RENDERER_LINK_TARGET "prep-link-target"
#define PREP_RENDERER_CODE_TEXT   "prep-code-text"

#define PREP_TYPE_RENDERER (prep_renderer_get_type())

G_DECLARE_FINAL_TYPE (PrepRenderer, prep_renderer, PREP, RENDERER, GObject)

PrepRenderer *prep_renderer_new                 (void);
gboolean      prep_renderer_get_dark            (PrepRenderer  *self);
void          prep_renderer_set_dark            (PrepRenderer  *self,
                                                 gboolean       dark);
int           prep_renderer_get_max_image_width (PrepRenderer  *self);
void          prep_renderer_set_max_image_width (PrepRenderer  *self,
                                                 int            width);
void          prep_renderer_set_pango_context   (PrepRenderer  *self,
                                                 PangoContext  *context);
gboolean      prep_renderer_prepare_step        (PrepRenderer  *self,
                                                 const char    *figures,
                                                 guint          step);
void          prep_renderer_render              (PrepRenderer  *self,
                                                 GtkTextBuffer *buffer,
                                                 GtkTextIter   *iter,
                                                 const char    *markdown,
                                                 gssize         length);
char         *prep_renderer_decode_entity       (const char    *entity,
                                                 gsize          length);

G_END_DECLS
