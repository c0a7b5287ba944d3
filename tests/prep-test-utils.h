/* prep-test-utils.h: helpers shared by the UI tests.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       prep_test_init_ui       (int         *argc,
                                    char      ***argv);
void       prep_test_wait_for_frame (GtkWidget  *widget);
void       prep_test_save_screenshot (GtkWidget *widget,
                                      const char *name);
GtkWidget *prep_test_find_descendant (GtkWidget *widget,
                                      GType      type);

G_END_DECLS
