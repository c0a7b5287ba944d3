/* prep-page-layout.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PREP_TYPE_PAGE_LAYOUT (prep_page_layout_get_type())

G_DECLARE_FINAL_TYPE (PrepPageLayout, prep_page_layout, PREP, PAGE_LAYOUT, GtkWidget)

GtkWidget *prep_page_layout_new          (void);
GtkWidget *prep_page_layout_get_header   (PrepPageLayout  *self);
void       prep_page_layout_set_header   (PrepPageLayout  *self,
                                          GtkWidget       *header);
GtkWidget *prep_page_layout_get_body     (PrepPageLayout  *self);
void       prep_page_layout_set_body     (PrepPageLayout  *self,
                                          GtkWidget       *body);
GtkWidget *prep_page_layout_get_footer   (PrepPageLayout  *self);
void       prep_page_layout_set_footer   (PrepPageLayout  *self,
                                          GtkWidget       *footer);
int        prep_page_layout_get_spacing  (PrepPageLayout  *self);
void       prep_page_layout_set_spacing  (PrepPageLayout  *self,
                                          int              spacing);
gboolean   prep_page_layout_get_body_growing (PrepPageLayout *self);
void       prep_page_layout_set_body_growing (PrepPageLayout *self,
                                              gboolean        body_growing);
gboolean   prep_page_layout_page_point   (PrepPageLayout  *self,
                                          GtkWidget       *widget,
                                          double           y,
                                          double          *page_y);
gboolean   prep_page_layout_page_bounds  (PrepPageLayout  *self,
                                          GtkWidget       *widget,
                                          graphene_rect_t *bounds);

G_END_DECLS
