/* prep-glyph-warmer.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PREP_TYPE_GLYPH_WARMER (prep_glyph_warmer_get_type())

G_DECLARE_FINAL_TYPE (PrepGlyphWarmer, prep_glyph_warmer, PREP, GLYPH_WARMER, GObject)

PrepGlyphWarmer *prep_glyph_warmer_new            (PangoContext    *context,
                                                   int              scale_factor);
void             prep_glyph_warmer_add_text       (PrepGlyphWarmer *self,
                                                   GBytes          *text);
void             prep_glyph_warmer_add_text_in_font (PrepGlyphWarmer            *self,
                                                     GBytes                     *text,
                                                     const PangoFontDescription *font);
void             prep_glyph_warmer_start          (PrepGlyphWarmer *self);
guint            prep_glyph_warmer_wait           (PrepGlyphWarmer *self);
char            *prep_glyph_warmer_collect        (GPtrArray       *texts,
                                                   guint            max_characters,
                                                   gsize           *cjk_length);

G_END_DECLS
