/* prep-preferences-window.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PREP_TYPE_PREFERENCES_WINDOW (prep_preferences_window_get_type())

G_DECLARE_FINAL_TYPE (PrepPreferencesWindow, prep_preferences_window, PREP, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *prep_preferences_window_new (GtkWindow *parent);

G_END_DECLS
