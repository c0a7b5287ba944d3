/* prep-progress-view.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prep-progress.h"
#include "prep-types.h"

G_BEGIN_DECLS

#define PREP_TYPE_PROGRESS_VIEW (prep_progress_view_get_type())

G_DECLARE_FINAL_TYPE (PrepProgressView, prep_progress_view, PREP, PROGRESS_VIEW, GtkWidget)

void          prep_progress_view_refresh      (PrepProgressView *self);
PrepProgress *prep_progress_view_get_progress (PrepProgressView *self);
void          prep_progress_view_set_narrow   (PrepProgressView *self,
                                               gboolean          narrow);
void          prep_progress_view_add_top_bar  (PrepProgressView *self,
                                               GtkWidget        *bar);

G_END_DECLS
