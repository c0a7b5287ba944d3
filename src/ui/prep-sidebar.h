/* prep-sidebar.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "prep-types.h"

G_BEGIN_DECLS

#define PREP_TYPE_SIDEBAR (prep_sidebar_get_type())

G_DECLARE_FINAL_TYPE (PrepSidebar, prep_sidebar, PREP, SIDEBAR, GtkWidget)

PrepLibrary  *prep_sidebar_get_library           (PrepSidebar  *self);
void          prep_sidebar_set_library           (PrepSidebar  *self,
                                                  PrepLibrary  *library);
PrepQuestion *prep_sidebar_get_selected_question (PrepSidebar  *self);
void          prep_sidebar_set_selected_question (PrepSidebar  *self,
                                                  PrepQuestion *question);
void          prep_sidebar_set_reviews           (PrepSidebar     *self,
                                                  PrepReviewStore *reviews);
void          prep_sidebar_refresh_due           (PrepSidebar  *self);
void          prep_sidebar_start_search          (PrepSidebar  *self);
const char   *prep_sidebar_get_search_text       (PrepSidebar  *self);
void          prep_sidebar_search                (PrepSidebar  *self,
                                                  const char   *text);
GListModel   *prep_sidebar_get_search_results    (PrepSidebar  *self);
void          prep_sidebar_set_user_data         (PrepSidebar  *self,
                                                  PrepUserData *user_data);

G_END_DECLS
