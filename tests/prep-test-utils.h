/* prep-test-utils.h: helpers shared by the UI tests.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "prep-types.h"

G_BEGIN_DECLS

typedef void (*PrepTestCheck) (PrepApplication *app,
                               PrepWindow      *window);

int        prep_test_run_app       (const char * const *args,
                                    PrepTestCheck       check);
void       prep_test_run_first_start (PrepTestCheck     check);

void       prep_test_init_ui       (int         *argc,
                                    char      ***argv);
void       prep_test_wait_for_frame (GtkWidget  *widget);
void       prep_test_spin          (guint        ms);
GdkTexture *prep_test_render       (GtkWidget  *widget);
void       prep_test_save_screenshot (GtkWidget *widget,
                                      const char *name);
GtkWidget *prep_test_find_descendant (GtkWidget *widget,
                                      GType      type);
GtkWidget *prep_test_find_with_class (GtkWidget  *widget,
                                      const char *css_class);
GPtrArray  *prep_test_collect      (GtkWidget  *widget,
                                    GType       type);
const char *prep_test_notice_in_sight (GtkWidget *widget);
gboolean   prep_test_have_xdotool  (void);
void       prep_test_xdotool       (GtkWidget          *window,
                                    const char * const *args);
void       prep_test_press         (GtkWidget  *window,
                                    const char *keys);
void       prep_test_click         (GtkWidget  *target);
void       prep_test_type          (GtkWidget  *window,
                                    const char *text);

guint      prep_test_right_option  (PrepQuizSession *session);

G_END_DECLS
