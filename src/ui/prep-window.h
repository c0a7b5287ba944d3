/* prep-window.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prep-types.h"

G_BEGIN_DECLS

#define PREP_TYPE_WINDOW (prep_window_get_type())

G_DECLARE_FINAL_TYPE (PrepWindow, prep_window, PREP, WINDOW, AdwApplicationWindow)

PrepWindow   *prep_window_new                   (PrepApplication *application);
gboolean      prep_window_open_question         (PrepWindow      *self,
                                                 const char      *question_id);
PrepQuestion *prep_window_get_question          (PrepWindow      *self);
gboolean      prep_window_export_notes          (PrepWindow      *self,
                                                 GFile           *file);

G_END_DECLS
