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

/* Object data set on the tag of each link, and on the anonymous tag that
 * spans each code block, its header line included (for its copy button). */
#define PREP_RENDERER_LINK_TARGET "prep-link-target"
#define PREP_RENDERER_CODE_TEXT   "prep-code-text"

/* Chinese text is tagged zh-TW, and set in a Traditional Chinese face:
 * the language alone does not reach punctuation that follows a Latin word
 * (it takes the Latin run's font, and the Simplified or Japanese forms of
 * "，" and "。" under a non-Chinese UI). */
#define PREP_RENDERER_ZH_FAMILY "Noto Sans CJK TC, Source Han Sans TW, Source Han Sans TC, Noto Sans TC, sans-serif"

/* Pango's line height is a factor of the font's own line height, which
 * for Noto Sans CJK is 1.45 times its size: 1.15 gives Chinese body text
 * lines 1.67 times the font size apart (and Latin-only lines a little
 * less), the spacing Chinese needs to read well. */
#define PREP_RENDERER_LINE_HEIGHT 1.15f

/* Pixels after a block (paragraph, list, table, code, figure), and inside
 * the box the view draws behind a code block, whose last line's pixels
 * below are PREP_RENDERER_CODE_PADDING + PREP_RENDERER_CODE_GAP. */
#define PREP_RENDERER_BLOCK_SPACE  12
#define PREP_RENDERER_CODE_PADDING 10
#define PREP_RENDERER_CODE_GAP     (PREP_RENDERER_BLOCK_SPACE + 4)

/* How long a step that loads fonts ahead (prep_renderer_lay_out_specimens())
 * goes on for at most, past the first font: one takes 1 to 5 ms here. */
#define PREP_RENDERER_FONT_STEP_USEC 3000

#define PREP_TYPE_RENDERER (prep_renderer_get_type())

G_DECLARE_FINAL_TYPE (PrepRenderer, prep_renderer, PREP, RENDERER, GObject)

PrepRenderer *prep_renderer_new                 (void);
gboolean      prep_renderer_get_dark            (PrepRenderer  *self);
void          prep_renderer_set_dark            (PrepRenderer  *self,
                                                 gboolean       dark);
int           prep_renderer_get_max_image_width (PrepRenderer  *self);
void          prep_renderer_set_max_image_width (PrepRenderer  *self,
                                                 int            width);
int           prep_renderer_get_scale_factor    (PrepRenderer  *self);
void          prep_renderer_set_scale_factor    (PrepRenderer  *self,
                                                 int            scale_factor);
void          prep_renderer_set_async_figures   (PrepRenderer  *self,
                                                 gboolean       async);
void          prep_renderer_set_locale          (PrepRenderer  *self,
                                                 const char    *locale);
char         *prep_renderer_dup_figure_path     (PrepRenderer  *self,
                                                 const char    *path);
GPtrArray    *prep_renderer_dup_font_specimens (PrepRenderer *self,
                                                 GtkTextBuffer *buffer,
                                                 PangoContext  *context);
gboolean      prep_renderer_lay_out_specimens   (GPtrArray     *specimens,
                                                 gint64         deadline);
void          prep_renderer_decode_figures_ahead (PrepRenderer  *self,
                                                 const char    *folder);
char         *prep_renderer_check_markdown      (PrepRenderer  *self,
                                                 const char    *markdown,
                                                 guint         *line);
void          prep_renderer_render              (PrepRenderer  *self,
                                                 GtkTextBuffer *buffer,
                                                 GtkTextIter   *iter,
                                                 const char    *markdown,
                                                 gssize         length);
gsize         prep_renderer_section_end         (const char    *markdown,
                                                 gsize          length,
                                                 gsize          start,
                                                 gsize          min_bytes);
char         *prep_renderer_decode_entity       (const char    *entity,
                                                 gsize          length);
char         *prep_renderer_recolor_dark        (const char    *svg,
                                                 gsize          length);
gboolean      prep_renderer_is_cjk              (gunichar       c);

G_END_DECLS
