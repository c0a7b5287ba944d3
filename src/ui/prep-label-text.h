/* prep-label-text.h: content text in labels: its language, and the
 * matches of find.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "prep-text-match.h"

G_BEGIN_DECLS

/* Find's highlights, in the answer and in labels alike. */
#define PREP_FIND_MATCH_COLOR   "rgba(248,228,92,0.55)"
#define PREP_FIND_CURRENT_COLOR "rgba(245,121,0,0.7)"

PangoAttrList *prep_label_text_dup_attributes (const char *text,
                                               GArray     *matches,
                                               guint       current);

void     prep_label_text_update    (GtkLabel            *label,
                                    GArray              *matches,
                                    guint                current);
gboolean prep_label_text_get_rect  (GtkLabel            *label,
                                    const PrepTextMatch *match,
                                    graphene_rect_t     *rect);

G_END_DECLS
