/* prep-wrap-label.h: a short text wrapped to a few lines, for list rows
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PREP_TYPE_WRAP_LABEL (prep_wrap_label_get_type())

G_DECLARE_FINAL_TYPE (PrepWrapLabel, prep_wrap_label, PREP, WRAP_LABEL, GtkWidget)

GtkWidget   *prep_wrap_label_new            (void);
const char  *prep_wrap_label_get_text       (PrepWrapLabel *self);
void         prep_wrap_label_set_text       (PrepWrapLabel *self,
                                             const char    *text);
void         prep_wrap_label_set_attributes (PrepWrapLabel *self,
                                             PangoAttrList *attrs);
int          prep_wrap_label_get_lines      (PrepWrapLabel *self);
void         prep_wrap_label_set_lines      (PrepWrapLabel *self,
                                             int            lines);

guint        _prep_wrap_label_get_n_layouts (PrepWrapLabel *self);

G_END_DECLS
