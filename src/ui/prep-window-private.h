/* prep-window-private.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prep-glyph-warmer.h"
#include "prep-history.h"
#include "prep-notice-bar.h"
#include "prep-pack-store.h"
#include "prep-window.h"

G_BEGIN_DECLS

struct _PrepWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  AdwViewStack         *view_stack;
  PrepNoticeBar        *sidebar_notice;   /* shown when folded */
  PrepNoticeBar        *content_notice;
  PrepNoticeBar        *quiz_notice;      /* made with the quiz view */
  GtkWidget            *sidebar_page;
  GtkBox               *quiz_page;
  GtkMenuButton        *primary_menu_button;
  PrepQuizView         *quiz_view;  /* made when first shown */
  GtkBox               *progress_page;
  PrepProgressView     *progress_view;    /* made when first shown */
  PrepNoticeBar        *progress_notice;  /* made with the progress view */
  GtkToggleButton      *bookmark_button;
  GtkWidget            *content_page;
  AdwWindowTitle       *content_title;
  PrepSidebar          *sidebar;
  PrepQuestionView     *question_view;
  GtkWidget            *history_box;
  GtkWidget            *study_switcher;
  AdwViewSwitcherBar   *switcher_bar;
  GtkToggleButton      *notes_button;
  GtkMenuButton        *outline_button;
  GtkMenuButton        *question_menu_button;
  GtkListBox           *outline_list;
  GtkWidget            *zoom_button;   /* in the main menu, made when first shown */

  /* Owned references */
  PrepLibrary          *library;
  PrepUserData         *user_data;
  PrepReviewStore      *reviews;
  PrepPackStore        *packs;
  JsonObject           *deleted;          /* for Undo */
  GSettings            *settings;
  PrepQuestion         *question;
  PrepHistory          *history;
  char                 *notice_path;      /* what Show in Files shows */

  guint                 day_source;
  guint                 warm_source;
  PrepGlyphWarmer      *glyph_warmer;
  guint                 navigating : 1;  /* going back or forward */
  guint                 narrow : 1;      /* view switcher at the bottom */
  guint                 damaged_dismissed : 1;
  guint                 discard_unsaved : 1;
  guint                 question_read : 1;  /* as last notified */
};

void     _prep_window_class_init_actions (GtkWidgetClass *widget_class);
void     _prep_window_show_in_files      (PrepWindow     *self,
                                          const char     *path);
void     _prep_window_dismiss_notice     (PrepWindow     *self);
guint    _prep_window_wait_for_glyphs    (PrepWindow     *self);
char    *_prep_window_flush_all          (PrepWindow     *self);
void     _prep_window_add_history_shortcuts (PrepWindow *self);
gboolean _prep_window_show_question_page (PrepWindow     *self);
gboolean _prep_window_question_is_users (PrepWindow   *self,
                                          PrepQuestion *question);
void     _prep_window_go                 (PrepWindow     *self,
                                          gboolean        forward);

G_END_DECLS
