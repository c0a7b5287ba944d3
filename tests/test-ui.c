/* test-ui.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "prep-answer-view.h"
#include "prep-application.h"
#include "prep-library.h"
#include "prep-preferences-window.h"
#include "prep-question-view.h"
#include "prep-quiz-summary.h"
#include "prep-quiz-view.h"
#include "prep-review-store.h"
#include "prep-search.h"
#include "prep-json-store.h"
#include "prep-sidebar.h"
#include "prep-sidebar-row.h"
#include "prep-user-data.h"
#include "prep-notice-bar.h"
#include "prep-test-utils.h"
#include "prep-window.h"

static void       press_keys      (GtkWidget  *window,
                                   const char *keys);

#define run_app prep_test_run_app

static void
check_first_start (PrepApplication *app,
                   PrepWindow      *window)
{
  GtkListView *list = GTK_LIST_VIEW (prep_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (list));
  PrepQuestionView *view = PREP_QUESTION_VIEW (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_QUESTION_VIEW));

  /* The seven categories, collapsed, and no question yet. */
  g_assert_null (prep_window_get_question (window));
  g_assert_null (prep_question_view_get_question (view));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 7);
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-first-start.png");

  /* Enter on a category opens it, and again closes it. */
  g_signal_emit_by_name (list, "activate", 1);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 7 + 6);
  g_signal_emit_by_name (list, "activate", 1);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 7);

  /* Enter on a question opens it. */
  g_signal_emit_by_name (list, "activate", 0);
  g_signal_emit_by_name (list, "activate", 1);
  g_assert_cmpstr (prep_question_get_id (prep_window_get_question (window)), ==, "what-is-llm");
}

static void
test_first_start (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "last-question");
  g_assert_cmpint (run_app (NULL, check_first_start), ==, 0);
}

static void
test_translated (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);

  if (messages == NULL || !g_str_has_prefix (messages, "zh_TW"))
    {
      g_test_skip ("the zh_TW locale is not installed");
      return;
    }

  g_assert_cmpstr (_("Short Answer"), ==, "簡答");
  g_assert_cmpstr (prep_difficulty_get_label (PREP_DIFFICULTY_ADVANCED), ==, "進階");
}

static void
check_open (PrepApplication *app,
            PrepWindow      *window)
{
  PrepQuestion *question = prep_window_get_question (window);
  PrepSidebar *sidebar = PREP_SIDEBAR (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_SIDEBAR));
  PrepQuestionView *view = PREP_QUESTION_VIEW (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_QUESTION_VIEW));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = g_settings_get_string (settings, "last-question");

  g_assert_nonnull (question);
  g_assert_cmpstr (prep_question_get_id (question), ==, "kv-cache");
  g_assert_true (prep_sidebar_get_selected_question (sidebar) == question);
  g_assert_true (prep_question_view_get_question (view) == question);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)),
                                   prep_question_get_title (question)));
  g_assert_cmpstr (last, ==, "kv-cache");

  prep_test_save_screenshot (GTK_WIDGET (window), "ui-open.png");
}

static void
test_open (void)
{
  const char *args[] = { "--open", "kv-cache", NULL };

  g_assert_cmpint (run_app (args, check_open), ==, 0);
}

static void
check_select (PrepApplication *app,
              PrepWindow      *window)
{
  GtkWidget *sidebar = prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_SIDEBAR);
  PrepAnswerView *answer;
  PrepQuestion *question;

  /* What a click on a sidebar row does. */
  g_assert_true (gtk_widget_activate_action (sidebar, "sidebar.open-question", "s", "bert-vs-gpt"));
  prep_test_wait_for_frame (GTK_WIDGET (window));

  question = prep_window_get_question (window);
  g_assert_nonnull (question);
  g_assert_cmpstr (prep_question_get_id (question), ==, "bert-vs-gpt");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "BERT 和 GPT"));

  /* And the model drives the sidebar too. */
  g_object_set (window, "question",
                prep_library_lookup_question (prep_application_get_library (app), "scaling-laws"),
                NULL);
  g_assert_cmpstr (prep_question_get_id (prep_sidebar_get_selected_question (PREP_SIDEBAR (sidebar))),
                   ==, "scaling-laws");
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-select.png");

  /* The list's selected row is the question's, in the category right
   * after an expanded one and in the last, past the rows of the
   * categories expanded above them. */
  for (guint i = 0; i < 3; i++)
    {
      const char *ids[] = { "hugging-face-transformers-experience", "model-serving-frameworks", "kv-cache" };
      const char *id = ids[i];
      g_autoptr(GPtrArray) lists = prep_test_collect (sidebar, GTK_TYPE_LIST_VIEW);
      g_autoptr(GObject) item = NULL;

      g_object_set (window, "question", prep_library_lookup_question (prep_application_get_library (app), id), NULL);
      for (guint j = 0; j < lists->len && item == NULL; j++)
        {
          GtkListView *list = g_ptr_array_index (lists, j);
          GtkSelectionModel *model = gtk_list_view_get_model (list);
          gpointer selected;

          if (gtk_widget_get_mapped (GTK_WIDGET (list)) && GTK_IS_SINGLE_SELECTION (model) &&
              GTK_IS_TREE_LIST_ROW (selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model))))
            item = gtk_tree_list_row_get_item (selected);
        }
      g_assert_true (PREP_IS_QUESTION (item));
      g_assert_cmpstr (prep_question_get_id (PREP_QUESTION (item)), ==, id);
    }

  /* A question: link in an answer opens that question in the window. */
  answer = PREP_ANSWER_VIEW (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_ANSWER_VIEW));
  g_assert_true (prep_answer_view_activate_link (answer, "question:kv-cache"));
  g_assert_cmpstr (prep_question_get_id (prep_window_get_question (window)), ==, "kv-cache");
}

static void
test_select (void)
{
  g_assert_cmpint (run_app (NULL, check_select), ==, 0);
}

static void
check_restore (PrepApplication *app,
               PrepWindow      *window)
{
  PrepQuestion *question = prep_window_get_question (window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  int width, height;

  g_assert_nonnull (question);
  g_assert_cmpstr (prep_question_get_id (question), ==, "transformer-architecture");

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 640);

  /* Closing saves the size for next time. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
check_restore_none (PrepApplication *app,
                    PrepWindow      *window)
{
  g_assert_null (prep_window_get_question (window));
}

static void
test_restore (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "last-question", "transformer-architecture");
  g_settings_set_int (settings, "window-width", 820);
  g_settings_set_int (settings, "window-height", 640);
  g_assert_cmpint (run_app (NULL, check_restore), ==, 0);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");

  /* A question that no longer exists is ignored, not an error. */
  g_settings_set_string (settings, "last-question", "removed-question");
  g_assert_cmpint (run_app (NULL, check_restore_none), ==, 0);
}

static void
check_narrow (PrepApplication *app,
              PrepWindow      *window)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (prep_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  GtkWidget *sidebar = prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_SIDEBAR);
  GtkWidget *view = prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_QUESTION_VIEW);

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_is_ancestor (sidebar, adw_leaflet_get_visible_child (leaflet)));
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-narrow-sidebar.png");

  g_assert_true (gtk_widget_activate_action (sidebar, "sidebar.open-question", "s", "self-attention"));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (gtk_widget_is_ancestor (view, adw_leaflet_get_visible_child (leaflet)));
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-narrow-question.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (gtk_widget_is_ancestor (sidebar, adw_leaflet_get_visible_child (leaflet)));

  /* Widening unfolds it again, with the question still shown. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (prep_question_get_id (prep_window_get_question (window)), ==, "self-attention");
}

static void
test_narrow (void)
{
  g_assert_cmpint (run_app (NULL, check_narrow), ==, 0);
}

static PrepSidebarRow *
find_row_for (GtkWidget  *widget,
              const char *question_id)
{
  if (PREP_IS_SIDEBAR_ROW (widget))
    {
      GObject *item = prep_sidebar_row_get_item (PREP_SIDEBAR_ROW (widget));

      if (PREP_IS_QUESTION (item) && g_str_equal (prep_question_get_id (PREP_QUESTION (item)), question_id))
        return PREP_SIDEBAR_ROW (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      PrepSidebarRow *row = find_row_for (child, question_id);
      if (row != NULL)
        return row;
    }

  return NULL;
}

/* The count a filter button's tooltip gives, as in "Bookmarked, 3". */
static guint
filter_count (GtkWidget *button)
{
  const char *tooltip = gtk_widget_get_tooltip_text (button);
  const char *digits = tooltip + strlen (tooltip);

  while (digits > tooltip && !g_ascii_isdigit (digits[-1]))
    digits--;
  while (digits > tooltip && g_ascii_isdigit (digits[-1]))
    digits--;
  g_assert_true (g_ascii_isdigit (*digits));

  return (guint) g_ascii_strtoull (digits, NULL, 10);
}

static void
check_bookmark (PrepApplication *app,
                PrepWindow      *window)
{
  PrepUserData *user_data = prep_application_get_user_data (app);
  PrepSidebarRow *row = find_row_for (GTK_WIDGET (window), "kv-cache");

  g_assert_false (prep_user_data_get_bookmarked (user_data, "kv-cache"));
  g_assert_nonnull (row);
  g_assert_false (prep_sidebar_row_get_bookmarked (row));

  /* Ctrl+D's action: the model changes, and the sidebar shows a star. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-bookmark", NULL));
  g_assert_true (prep_user_data_get_bookmarked (user_data, "kv-cache"));
  g_assert_true (prep_sidebar_row_get_bookmarked (row));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-bookmark.png");

  /* The Bookmarks filter lists exactly the bookmarked question. */
  {
    GtkWidget *sidebar = prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_SIDEBAR);
    GtkStack *stack = GTK_STACK (prep_test_find_with_class (sidebar, "sidebar-pages"));
    GtkWidget *filtered = gtk_widget_get_first_child (gtk_stack_get_child_by_name (stack, "filtered"));
    GtkWidget *buttons[3];
    GListModel *rows;
    guint n = 0;

    for (GtkWidget *child = gtk_widget_get_first_child (prep_test_find_with_class (sidebar, "filter-bar"));
         child && n < 3; child = gtk_widget_get_next_sibling (child))
      buttons[n++] = child;
    g_assert_cmpuint (n, ==, 3);

    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (buttons[1]), TRUE);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "filtered");
    rows = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (filtered)));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
    g_assert_cmpuint (filter_count (buttons[1]), ==, 1);
    prep_test_wait_for_frame (GTK_WIDGET (window));
    prep_test_save_screenshot (GTK_WIDGET (window), "ui-filter-bookmarks.png");

    /* No notes yet: the Notes filter says how to write one. */
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (buttons[2]), TRUE);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (buttons[0]), TRUE);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "tree");
  }

  /* Closing saves at once, without waiting for the delay. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (prep_user_data_get_dirty (user_data));
}

static void
check_bookmark_kept (PrepApplication *app,
                     PrepWindow      *window)
{
  PrepSidebarRow *row = find_row_for (GTK_WIDGET (window), "kv-cache");

  g_assert_true (prep_user_data_get_bookmarked (prep_application_get_user_data (app), "kv-cache"));
  g_assert_true (prep_sidebar_row_get_bookmarked (row));

  /* And off again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-bookmark", NULL));
  g_assert_false (prep_sidebar_row_get_bookmarked (row));
}

static void
test_bookmark (void)
{
  const char *args[] = { "--open", "kv-cache", NULL };
  g_autofree char *path = prep_user_data_path ("notes.json");

  g_unlink (path);
  g_assert_cmpint (run_app (args, check_bookmark), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A new run finds it again. */
  g_assert_cmpint (run_app (args, check_bookmark_kept), ==, 0);
}

static const char *typed_note = "先講 prefill 與 decode 的差別，再算 Llama 3 8B 的 KV 快取：128 KiB／token。";

static void
check_note (PrepApplication *app,
            PrepWindow      *window)
{
  PrepQuestionView *view = PREP_QUESTION_VIEW (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_QUESTION_VIEW));
  PrepUserData *user_data = prep_application_get_user_data (app);

  /* Ctrl+N's action shows the editor; typing goes to the model. */
  g_assert_false (prep_question_view_get_notes_visible (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-notes", NULL));
  g_assert_true (prep_question_view_get_notes_visible (view));
  gtk_text_buffer_set_text (prep_question_view_get_notes_buffer (view), typed_note, -1);
  g_assert_cmpstr (prep_user_data_get_note (user_data, "kv-cache"), ==, typed_note);
  g_assert_true (prep_user_data_get_dirty (user_data));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-note.png");

  /* Switching question saves at once and empties the editor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-question", "s", "what-is-llm"));
  g_assert_false (prep_user_data_get_dirty (user_data));
  g_assert_cmpint (gtk_text_buffer_get_char_count (prep_question_view_get_notes_buffer (view)), ==, 0);
}

static void
check_note_kept (PrepApplication *app,
                 PrepWindow      *window)
{
  PrepQuestionView *view = PREP_QUESTION_VIEW (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_QUESTION_VIEW));
  GtkTextBuffer *buffer = prep_question_view_get_notes_buffer (view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  /* A question with a note opens with its note shown. */
  g_assert_true (prep_question_view_get_notes_visible (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, typed_note);
}

static void
check_retry (PrepApplication *app,
             PrepWindow      *window)
{
  PrepUserData *user_data = prep_application_get_user_data (app);
  g_autofree char *path = prep_user_data_path ("notes.json");
  g_autofree char *folder = g_path_get_dirname (path);

  /* The folder cannot be written (a file is in its way, which stops root
   * too): the note is kept, pending, and the error is offered for retry. */
  g_unlink (path);
  {
    g_autofree char *reviews = prep_user_data_path ("reviews.json");

    g_unlink (reviews);
  }
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  g_assert_true (g_file_set_contents (folder, "in the way", -1, NULL));
  prep_user_data_set_note (user_data, "kv-cache", "written on a full disk");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-question", "s", "what-is-llm"));
  g_assert_true (prep_user_data_get_dirty (user_data));
  g_assert_nonnull (prep_user_data_get_save_error (user_data));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-save-error.png");

  g_unlink (folder);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.retry-save", NULL));
  g_assert_false (prep_user_data_get_dirty (user_data));
  g_assert_null (prep_user_data_get_save_error (user_data));
  g_assert_cmpstr (prep_user_data_get_note (user_data, "kv-cache"), ==, "written on a full disk");
}

static void
check_export (PrepApplication *app,
              PrepWindow      *window)
{
  g_autofree char *dir = g_dir_make_tmp ("llm-prep-export-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "notes.md", NULL);
  g_autofree char *written = NULL;
  GtkWidget *chooser = NULL;

  prep_user_data_set_note (prep_application_get_user_data (app), "kv-cache", "exported note");

  /* Without a portal, the native chooser is a GTK dialog in this process:
   * answer it as a user would. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-notes", NULL));
  for (guint tries = 0; chooser == NULL && tries < 100; tries++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      g_main_context_iteration (NULL, FALSE);
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
          if (GTK_IS_FILE_CHOOSER (toplevel))
            chooser = GTK_WIDGET (toplevel);
        }
    }
  g_assert_nonnull (chooser);

  /* Cancelling closes it and writes nothing. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  /* What the chooser's Export does with the file picked. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (target);
    g_assert_true (prep_window_export_notes (window, file));
  }
  g_assert_true (g_file_get_contents (target, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "exported note"));
  g_assert_nonnull (strstr (written, "KV"));

  g_unlink (target);
  g_rmdir (dir);
}

static void
test_note (void)
{
  const char *args[] = { "--open", "kv-cache", NULL };
  g_autofree char *path = prep_user_data_path ("notes.json");

  g_unlink (path);
  g_assert_cmpint (run_app (args, check_note), ==, 0);
  g_assert_cmpint (run_app (args, check_note_kept), ==, 0);
  g_assert_cmpint (run_app (args, check_retry), ==, 0);
  g_assert_cmpint (run_app (args, check_export), ==, 0);
}

static void
check_shortcuts (PrepApplication *app,
                 PrepWindow      *window)
{
  g_autofree char **quit = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  GtkShortcutsWindow *overlay = NULL;
  guint toplevels;

  g_assert_cmpstr (quit[0], ==, "<Control>q");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));

  /* Built on first use, by Ctrl+? itself. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  press_keys (GTK_WIDGET (window), "<Control>question");
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  prep_test_wait_for_frame (GTK_WIDGET (overlay));
  prep_test_save_screenshot (GTK_WIDGET (overlay), "ui-shortcuts.png");
  gtk_window_close (GTK_WINDOW (overlay));

  /* About: the app's credits and both licences. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  toplevels = g_list_model_get_n_items (gtk_window_get_toplevels ());
  for (guint i = 0; i < toplevels; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (ADW_IS_ABOUT_WINDOW (toplevel))
        {
          AdwAboutWindow *about = ADW_ABOUT_WINDOW (toplevel);

          g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
          g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
          prep_test_wait_for_frame (GTK_WIDGET (about));
          prep_test_save_screenshot (GTK_WIDGET (about), "ui-about.png");
          gtk_window_destroy (GTK_WINDOW (about));
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_shortcuts (void)
{
  g_assert_cmpint (run_app (NULL, check_shortcuts), ==, 0);
}

/* A key press as the focused widget would get it: the first shortcut for
 * the key on the focus widget or one of its ancestors is activated, so
 * the key bindings are tested, not only the actions behind them. */
static void
press_key (GtkWidget       *window,
           guint            keyval,
           GdkModifierType  modifiers)
{
  GtkWidget *widget = gtk_window_get_focus (GTK_WINDOW (window));

  prep_test_wait_for_frame (window);
  for (widget = widget ? widget : window; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;

          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
                  gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
                  gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                gtk_shortcut_get_arguments (shortcut)))
                {
                  /* A button activated from the keyboard clicks a
                   * moment later, after showing itself pressed. */
                  if (GTK_IS_BUTTON (widget))
                    {
                      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 3;

                      while (g_get_monotonic_time () < until)
                        g_main_context_iteration (NULL, FALSE);
                    }
                  prep_test_wait_for_frame (window);
                  return;
                }
            }
        }
    }

  g_error ("No shortcut for %s", gtk_accelerator_name (keyval, modifiers));
}

static void
press_keys (GtkWidget  *window,
            const char *keys)
{
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);

  for (guint i = 0; names[i]; i++)
    {
      GdkModifierType modifiers;
      guint keyval;

      g_assert_true (gtk_accelerator_parse (names[i], &keyval, &modifiers));
      press_key (window, keyval, modifiers);
    }
}

static const char *
current_id (PrepQuizSession *session)
{
  return prep_question_get_id (prep_quiz_session_get_question (session));
}

static GtkWidget *
sidebar_button (PrepWindow *window,
                guint       index)
{
  GtkWidget *sidebar = prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_SIDEBAR);
  GtkWidget *child = gtk_widget_get_first_child (prep_test_find_with_class (sidebar, "filter-bar"));

  for (guint i = 0; i < index && child; i++)
    child = gtk_widget_get_next_sibling (child);

  return child;
}

static void
check_quiz (PrepApplication *app,
            PrepWindow      *window)
{
  PrepQuizView *quiz = NULL;
  AdwViewStack *stack = ADW_VIEW_STACK (prep_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  PrepReviewStore *reviews = prep_application_get_reviews (app);
  g_autofree char *first = NULL;
  PrepQuizSession *session;
  PrepCard card;
  guint n_items;

  g_assert_nonnull (reviews);
  g_assert_cmpuint (prep_review_store_get_n_log_entries (reviews), ==, 0);
  gtk_window_present (GTK_WINDOW (window));

  /* The Quiz view is made when first shown: Ctrl+2 shows its start page,
   * with the Start button focused. */
  g_assert_null (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_QUIZ_VIEW));
  press_keys (GTK_WIDGET (window), "<Control>2");
  quiz = PREP_QUIZ_VIEW (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_QUIZ_VIEW));
  g_assert_nonnull (quiz);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "quiz");
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-quiz-start.png");

  /* Enter starts ten flashcards; Space shows the answer. */
  press_keys (GTK_WIDGET (window), "Return");
  session = prep_quiz_view_get_session (quiz);
  g_assert_nonnull (session);
  g_assert_cmpint (prep_quiz_session_get_mode (session), ==, PREP_QUIZ_FLASHCARDS);
  g_assert_cmpuint (prep_quiz_session_get_n_items (session), ==, 10);
  g_assert_false (prep_quiz_session_get_revealed (session));
  first = g_strdup (current_id (session));
  press_keys (GTK_WIDGET (window), "space");
  g_assert_true (prep_quiz_session_get_revealed (session));

  /* A–D tick four key points (of three to six, as the content has):
   * at least two thirds, so Good is suggested. */
  press_keys (GTK_WIDGET (window), "a b c d");
  g_assert_cmpuint (prep_quiz_session_get_n_covered (session), ==,
                    MIN (4, prep_question_get_key_points (prep_quiz_session_get_question (session))->len));
  g_assert_cmpint (prep_quiz_session_get_suggested_grade (session), ==, PREP_GRADE_GOOD);
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-quiz-flashcard.png");

  /* Space gives the suggested grade: the card moves to its second step. */
  press_keys (GTK_WIDGET (window), "space");
  g_assert_cmpuint (prep_quiz_session_get_position (session), ==, 1);
  prep_review_store_get_card (reviews, first, &card);
  g_assert_cmpint (card.state, ==, PREP_CARD_LEARNING);
  g_assert_cmpuint (card.step, ==, 1);

  /* 1 is Again, and Ctrl+Z takes it back. */
  n_items = prep_quiz_session_get_n_items (session);
  press_keys (GTK_WIDGET (window), "space 1");
  g_assert_cmpuint (prep_quiz_session_get_position (session), ==, 2);
  g_assert_cmpuint (prep_quiz_session_get_n_items (session), ==, n_items + 1);
  press_keys (GTK_WIDGET (window), "<Control>z");
  g_assert_cmpuint (prep_quiz_session_get_position (session), ==, 1);
  g_assert_cmpuint (prep_quiz_session_get_n_items (session), ==, n_items);
  g_assert_true (prep_quiz_session_get_revealed (session));
  g_assert_cmpuint (prep_review_store_get_n_log_entries (reviews), ==, 1);

  /* 4 is Easy: graduated at once. */
  press_keys (GTK_WIDGET (window), "4");
  g_assert_cmpuint (prep_review_store_get_n_log_entries (reviews), ==, 2);

  /* Ctrl+E ends early and shows the summary of the two answered cards. */
  press_keys (GTK_WIDGET (window), "<Control>e");
  g_assert_true (prep_quiz_session_get_finished (session));
  g_assert_cmpuint (prep_quiz_session_get_n_answered (session), ==, 2);
  g_assert_cmpuint (prep_quiz_session_get_n_correct (session), ==, 2);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-quiz-summary.png");

  /* The sidebar counts the card in learning as due today. */
  g_assert_cmpuint (filter_count (sidebar_button (window, 3)), ==, 1);

  /* Multiple choice: 1 picks the first option shown, Enter moves on. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (quiz), "quiz.new-session", NULL));
  {
    const char *basics[] = { "basics", NULL };
    PrepQuizOptions options = { PREP_QUIZ_CHOICE, PREP_QUIZ_SET_ALL, basics, 3, 7, g_get_real_time () / G_USEC_PER_SEC };
    g_autoptr(GError) error = NULL;
    guint right;

    g_assert_true (prep_quiz_view_start (quiz, &options, &error));
    g_assert_no_error (error);
    session = prep_quiz_view_get_session (quiz);
    right = prep_test_right_option (session);

    /* A wrong answer first (a failed review), to see the explanations. */
    press_keys (GTK_WIDGET (window), right == 0 ? "2" : "1");
    g_assert_cmpint (prep_quiz_session_get_chosen (session), >=, 0);
    g_assert_cmpuint (prep_quiz_session_get_n_correct (session), ==, 0);
    g_assert_cmpuint (prep_review_store_get_n_log_entries (reviews), ==, 3);
    prep_test_wait_for_frame (GTK_WIDGET (window));
    prep_test_save_screenshot (GTK_WIDGET (window), "ui-quiz-choice.png");
    press_keys (GTK_WIDGET (window), "Return");
    g_assert_cmpuint (prep_quiz_session_get_position (session), ==, 1);

    /* The summary lists the missed question; activating it opens it in
     * the Study view. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (quiz), "quiz.end", NULL));
    prep_test_wait_for_frame (GTK_WIDGET (window));
    {
      GtkWidget *summary = prep_test_find_descendant (GTK_WIDGET (quiz), PREP_TYPE_QUIZ_SUMMARY);
      GtkWidget *missed = prep_test_find_with_class (summary, "missed-question");
      g_autoptr(GListModel) wrong = prep_quiz_session_get_missed (session);
      g_autoptr(PrepQuestion) question = g_list_model_get_item (wrong, 0);

      g_assert_nonnull (missed);
      g_signal_emit_by_name (missed, "activate");
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "study");
      g_assert_true (prep_window_get_question (window) == question);
      press_keys (GTK_WIDGET (window), "<Control>2");
    }
  }

  /* Mock interview: type a draft, Ctrl+Enter for the key points, N for
   * the first follow-up question. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (quiz), "quiz.new-session", NULL));
  {
    PrepQuizOptions options = { PREP_QUIZ_INTERVIEW, PREP_QUIZ_SET_ALL, NULL, 2, 3, g_get_real_time () / G_USEC_PER_SEC };

    g_assert_true (prep_quiz_view_start (quiz, &options, NULL));
    session = prep_quiz_view_get_session (quiz);
    /* Typing into the draft: its keys are text, not shortcuts. */
    g_assert_true (GTK_IS_TEXT_VIEW (gtk_window_get_focus (GTK_WINDOW (window))));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_window_get_focus (GTK_WINDOW (window)))),
                              "先講 KV cache 省下的重算，再估記憶體。", -1);
    g_assert_false (prep_quiz_session_get_revealed (session));
    press_keys (GTK_WIDGET (window), "<Control>Return");
    g_assert_true (prep_quiz_session_get_revealed (session));
    press_keys (GTK_WIDGET (window), "n");
    g_assert_cmpuint (prep_quiz_session_get_n_follow_ups_shown (session), ==, 1);
    prep_test_wait_for_frame (GTK_WIDGET (window));
    prep_test_save_screenshot (GTK_WIDGET (window), "ui-quiz-interview.png");

    /* On a phone-sized window too. */
    gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
    prep_test_wait_for_frame (GTK_WIDGET (window));
    {
      g_autofree char *layout = NULL;
      int min;

      /* The quiz itself needs no more than the window's minimum width,
       * with GNOME's default title buttons (Xvfb's default adds two). */
      g_object_get (gtk_settings_get_default (), "gtk-decoration-layout", &layout, NULL);
      g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);
      prep_test_wait_for_frame (GTK_WIDGET (window));
      gtk_widget_measure (GTK_WIDGET (quiz), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_assert_cmpint (min, <=, 360);
      prep_test_save_screenshot (GTK_WIDGET (window), "ui-quiz-narrow.png");
      g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layout, NULL);
    }
    gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  }

  /* Ctrl+1 is back to studying. */
  press_keys (GTK_WIDGET (window), "<Control>1");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "study");
}

static void
check_quiz_kept (PrepApplication *app,
                 PrepWindow      *window)
{
  PrepReviewStore *reviews = prep_application_get_reviews (app);
  GtkWidget *due = sidebar_button (window, 3);

  PrepLibrary *library = prep_application_get_library (app);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint n_due;

  /* After a restart: the reviews, and the due count in the sidebar (two
   * cards in learning, or one if the multiple-choice miss was the card
   * graded Good, since the flashcards were shuffled at random). */
  g_assert_cmpuint (prep_review_store_get_n_log_entries (reviews), ==, 3);
  n_due = prep_review_store_count_due (reviews, prep_library_get_questions (library), prep_study_day_end (now));
  g_assert_cmpuint (n_due, >=, 1);
  g_assert_cmpuint (n_due, <=, 2);
  g_assert_cmpuint (filter_count (due), ==, n_due);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (due), TRUE);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-quiz-due.png");
}

static void
check_search (PrepApplication *app,
              PrepWindow      *window)
{
  PrepSidebar *sidebar = PREP_SIDEBAR (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_SIDEBAR));
  PrepQuestionView *view = PREP_QUESTION_VIEW (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_QUESTION_VIEW));
  PrepAnswerView *answer = prep_question_view_get_answer_view (view);
  GtkWidget *entry = prep_test_find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(PrepSearchResult) first = NULL;
  GListModel *results;

  /* Ctrl+K puts the focus in the search entry. */
  press_keys (GTK_WIDGET (window), "<Control>k");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), entry) ||
                 gtk_window_get_focus (GTK_WINDOW (window)) == entry);

  /* Two terms, Chinese and full-width Latin: both must match. The note
   * is previewed under its result. */
  prep_user_data_set_note (prep_application_get_user_data (app), "kv-cache", "面試時先算 Llama 3 8B 的 KV 大小\n第二行");
  prep_sidebar_search (sidebar, "快取 ＫＶ");
  results = prep_sidebar_get_search_results (sidebar);
  g_assert_nonnull (results);
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  first = g_list_model_get_item (results, 0);
  g_assert_cmpstr (prep_question_get_id (prep_search_result_get_question (first)), ==, "kv-cache");
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-search.png");

  /* Walking to another result shows it, highlighted too. */
  {
    GtkStack *stack = GTK_STACK (prep_test_find_with_class (GTK_WIDGET (sidebar), "sidebar-pages"));
    GtkWidget *scrolled = gtk_stack_get_child_by_name (stack, "search");
    GtkListView *list = GTK_LIST_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)));
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
    g_autoptr(PrepSearchResult) second = g_list_model_get_item (results, 1);

    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "search");
    gtk_single_selection_set_selected (selection, 1);
    g_assert_true (prep_window_get_question (window) == prep_search_result_get_question (second));
    g_assert_cmpuint (prep_answer_view_get_n_matches (answer), >, 0);
  }

  /* Enter opens the first result with the matches highlighted. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (prep_question_get_id (prep_window_get_question (window)), ==, "kv-cache");
  g_assert_cmpuint (prep_answer_view_get_n_matches (answer), >, 0);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-search-open.png");

  /* The count is where the filters were (review m9); a title match is
   * not repeated as a snippet; nothing found is a status page. */
  {
    GtkWidget *count = prep_test_find_with_class (GTK_WIDGET (sidebar), "search-count");
    GtkStack *stack = GTK_STACK (prep_test_find_with_class (GTK_WIDGET (sidebar), "sidebar-pages"));
    guint n = g_list_model_get_n_items (results);
    g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", n), n);
    g_autoptr(PrepSearchResult) title_match = NULL;
    GListModel *title_results;
    GtkWidget *status;

    g_assert_true (gtk_widget_get_mapped (count));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, expected);

    prep_sidebar_search (sidebar, "KV 快取");
    title_results = prep_sidebar_get_search_results (sidebar);
    title_match = g_list_model_get_item (title_results, 0);
    g_assert_cmpint (prep_search_result_get_field (title_match), ==, PREP_SEARCH_FIELD_TITLE);
    prep_test_wait_for_frame (GTK_WIDGET (window));
    prep_test_save_screenshot (GTK_WIDGET (window), "ui-search-title.png");
    {
      GtkWidget *scrolled = gtk_stack_get_child_by_name (stack, "search");
      GtkWidget *list = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
      /* The first row's box: title, where, snippet, note. */
      GtkWidget *row = gtk_widget_get_first_child (list);
      GtkWidget *box = gtk_widget_get_first_child (row);
      GtkWidget *title = gtk_widget_get_first_child (box);
      GtkWidget *snippet = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (title));

      g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (title)), "<b>"));
      g_assert_false (gtk_widget_get_visible (snippet));
    }

    prep_sidebar_search (sidebar, "<zzqx&>");
    prep_test_wait_for_frame (GTK_WIDGET (window));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
    status = gtk_stack_get_visible_child (stack);
    g_assert_true (ADW_IS_STATUS_PAGE (status));
    g_assert_true (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), "&lt;zzqx&amp;&gt;") != NULL);
    g_free (expected);
    expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", 0), 0u);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, expected);
    prep_test_save_screenshot (GTK_WIDGET (window), "ui-search-none.png");
  }

  /* Escape clears it: the tree is back. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (prep_sidebar_get_search_text (sidebar), ==, "");
  g_assert_null (prep_sidebar_get_search_results (sidebar));
  prep_user_data_set_note (prep_application_get_user_data (app), "kv-cache", NULL);
}

static void
check_preferences (PrepApplication *app,
                   PrepWindow      *window)
{
  PrepReviewStore *reviews = prep_application_get_reviews (app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *preferences = NULL;
  GtkSpinButton *retention;

  /* Ctrl+comma opens them; the retention row changes the scheduler. */
  g_assert_cmpfloat_with_epsilon (prep_review_store_get_desired_retention (reviews), 0.9, 1e-9);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (PREP_IS_PREFERENCES_WINDOW (l->data))
      preferences = l->data;
  g_assert_nonnull (preferences);
  prep_test_wait_for_frame (preferences);
  retention = GTK_SPIN_BUTTON (prep_test_find_descendant (preferences, GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpfloat (gtk_spin_button_get_value (retention), ==, 90);
  /* A percentage, written as the locale does (review p1). */
  {
    g_autofree char *percent = g_strdup_printf (_("%u%%"), 90u);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (retention)), ==, percent);
  }
  gtk_spin_button_set_value (retention, 85);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "desired-retention"), 0.85, 1e-9);
  g_assert_cmpfloat_with_epsilon (prep_review_store_get_desired_retention (reviews), 0.85, 1e-9);
  prep_test_wait_for_frame (preferences);
  prep_test_save_screenshot (preferences, "ui-preferences.png");

  /* The answer language row sets the preference, which the library
   * follows at once (issue 17). */
  {
    AdwComboRow *language = ADW_COMBO_ROW (prep_test_find_descendant (preferences, ADW_TYPE_COMBO_ROW));
    PrepLibrary *library = prep_application_get_library (app);
    g_autofree char *setting = NULL;

    g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 0);
    g_assert_cmpstr (prep_library_get_locale (library), ==, "zh_TW");
    adw_combo_row_set_selected (language, 2);
    setting = g_settings_get_string (settings, "content-language");
    g_assert_cmpstr (setting, ==, "en");
    g_assert_cmpstr (prep_library_get_locale (library), ==, "en");
    g_settings_reset (settings, "content-language");
    g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 0);
    g_assert_cmpstr (prep_library_get_locale (library), ==, "zh_TW");
  }

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "desired-retention");
  g_assert_cmpfloat_with_epsilon (prep_review_store_get_desired_retention (reviews), 0.9, 1e-9);
}

static void
check_read_only (PrepApplication *app,
                 PrepWindow      *window)
{
  GtkWidget *caption;

  /* The newer file is shown, said to be read-only, and left alone. */
  g_assert_true (prep_user_data_get_read_only (prep_application_get_user_data (app)));
  g_assert_cmpstr (prep_user_data_get_note (prep_application_get_user_data (app), "kv-cache"), ==, "from v9");
  prep_test_wait_for_frame (GTK_WIDGET (window));

  /* In a lasting notice under the header bar, in the Quiz view too,
   * without a path; the notes do not claim to be saved (review m8). */
  g_assert_nonnull (prep_test_notice_in_sight (GTK_WIDGET (window)));
  g_assert_null (strchr (prep_test_notice_in_sight (GTK_WIDGET (window)), '/'));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-notes", NULL));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  caption = prep_test_find_with_class (GTK_WIDGET (window), "notes-caption");
  g_assert_nonnull (caption);
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (caption)), _("Saved automatically")));
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-read-only.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-quiz", NULL));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_nonnull (prep_test_notice_in_sight (GTK_WIDGET (window)));
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-read-only-quiz.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-study", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-bookmark", NULL));
}

static void
test_read_only (void)
{
  const char *args[] = { "--open", "kv-cache", NULL };
  const char *future = "{\"schema_version\": 9, \"questions\": {\"kv-cache\": {\"note\": \"from v9\"}}}";
  g_autofree char *path = prep_user_data_path ("notes.json");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *after = NULL;

  g_mkdir_with_parents (folder, 0700);
  g_assert_true (g_file_set_contents (path, future, -1, NULL));
  g_assert_cmpint (run_app (args, check_read_only), ==, 0);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, future);
  g_unlink (path);
}

/* A damaged file is set aside and said so in a notice that stays until
 * dismissed, in the folded layout too, with Show in Files (review m8). */
static void
check_damaged (PrepApplication *app,
               PrepWindow      *window)
{
  const char *aside = prep_user_data_get_set_aside_path (prep_application_get_user_data (app));
  const char *text;

  g_assert_nonnull (aside);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  text = prep_test_notice_in_sight (GTK_WIDGET (window));
  g_assert_cmpstr (text, ==, _("Your bookmarks and notes could not be read, so a new file was started. "
                               "The damaged file was kept."));
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-damaged.png");

  /* A phone-sized window starts in the list: the notice is there. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpstr (prep_test_notice_in_sight (GTK_WIDGET (window)), ==, text);
  prep_test_save_screenshot (GTK_WIDGET (window), "ui-damaged-narrow.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  prep_test_wait_for_frame (GTK_WIDGET (window));

  /* Still there a while later, then dismissed. */
  g_assert_cmpstr (prep_test_notice_in_sight (GTK_WIDGET (window)), ==, text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-notice", NULL));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_null (prep_test_notice_in_sight (GTK_WIDGET (window)));
}

static void
test_damaged (void)
{
  g_autofree char *path = prep_user_data_path ("notes.json");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_mkdir_with_parents (folder, 0700);
  g_assert_true (g_file_set_contents (path, "{\"schema_version\": 1, \"questions\": {", -1, NULL));
  g_assert_cmpint (run_app (NULL, check_damaged), ==, 0);

  /* The damaged file is kept beside the new one. */
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, "notes.json.corrupt-"))
      {
        g_autofree char *aside = g_build_filename (folder, name, NULL);

        g_unlink (aside);
      }
  g_unlink (path);
}

static void
test_preferences (void)
{
  g_assert_cmpint (run_app (NULL, check_preferences), ==, 0);
}

static void
test_search (void)
{
  g_assert_cmpint (run_app (NULL, check_search), ==, 0);
}

static void
test_quiz (void)
{
  g_autofree char *path = prep_user_data_path ("reviews.json");

  g_unlink (path);
  g_assert_cmpint (run_app (NULL, check_quiz), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_app (NULL, check_quiz_kept), ==, 0);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  prep_test_init_ui (&argc, &argv);

  /* Each run starts without the bookmarks and notes of the last one. */
  {
    g_autofree char *notes = prep_user_data_path ("notes.json");
    g_unlink (notes);
  }

  g_test_add_func ("/ui/translated", test_translated);
  g_test_add_func ("/ui/first-start", test_first_start);
  g_test_add_func ("/ui/open", test_open);
  g_test_add_func ("/ui/select", test_select);
  g_test_add_func ("/ui/restore", test_restore);
  g_test_add_func ("/ui/narrow", test_narrow);
  g_test_add_func ("/ui/shortcuts", test_shortcuts);
  g_test_add_func ("/ui/bookmark", test_bookmark);
  g_test_add_func ("/ui/note", test_note);
  g_test_add_func ("/ui/quiz", test_quiz);
  g_test_add_func ("/ui/search", test_search);
  g_test_add_func ("/ui/preferences", test_preferences);
  g_test_add_func ("/ui/read-only", test_read_only);
  g_test_add_func ("/ui/damaged", test_damaged);

  return g_test_run ();
}
