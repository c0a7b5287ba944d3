/* test-editor-ui.c: the question editor as a person uses it, with key
 * presses and clicks through the window system: a new question saved and
 * opened, an edit with its live preview, the validator's messages under
 * their rows, a failed save with Retry and the draft on disk, a draft
 * restored after closing without saving, and a delete undone from the
 * toast. Screenshots of the editor, light and dark, wide and narrow.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "prep-answer-view.h"
#include "prep-application.h"
#include "prep-library.h"
#include "prep-notice-bar.h"
#include "prep-pack-store.h"
#include "prep-question-editor.h"
#include "prep-sidebar-row.h"
#include "prep-test-utils.h"
#include "prep-window.h"

static char *data_home;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

/* Every test starts with no packs and no drafts. */
static void
forget_user_questions (void)
{
  g_autofree char *dir = g_build_filename (data_home, "llm-prep", NULL);

  remove_tree (dir);
}

static PrepQuestionEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (PREP_IS_QUESTION_EDITOR (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return PREP_QUESTION_EDITOR (window);
    }
  return NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* A button on screen under @widget labelled @label (with its mnemonic). */
static GtkWidget *
find_labelled_button (GtkWidget  *widget,
                      const char *label)
{
  g_autoptr(GPtrArray) buttons = prep_test_collect (widget, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (gtk_widget_get_mapped (button) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0)
        return button;
    }
  return NULL;
}

/* An entry row of the editor by its title. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  g_autoptr(GPtrArray) rows = prep_test_collect (widget, ADW_TYPE_PREFERENCES_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* The validator's messages on screen in @widget. */
static guint
count_messages (GtkWidget *widget)
{
  g_autoptr(GPtrArray) labels = prep_test_collect (widget, GTK_TYPE_LABEL);
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      n += gtk_widget_has_css_class (label, "error") && gtk_widget_get_mapped (label) &&
           gtk_label_get_text (GTK_LABEL (label))[0] != '\0';
    }
  return n;
}

/* Scrolls the editor's form until @widget is in sight, as a person would
 * before clicking it. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t point;

  /* The form's, not the text view's own. */
  while (gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW))
    scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  /* The point is where it is shown now, at the scroll position. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y -
                                        gtk_adjustment_get_page_size (adjustment) / 3);
  prep_test_wait_for_frame (widget);
}

static GtkWidget *
find_by_css_name (GtkWidget  *widget,
                  const char *name)
{
  if (g_str_equal (gtk_widget_get_css_name (widget), name) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_css_name (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static PrepSidebarRow *
find_sidebar_row (GtkWidget  *widget,
                  const char *question_id)
{
  g_autoptr(GPtrArray) rows = prep_test_collect (widget, PREP_TYPE_SIDEBAR_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      GObject *item = prep_sidebar_row_get_item (g_ptr_array_index (rows, i));

      if (PREP_IS_QUESTION (item) && g_str_equal (prep_question_get_id (PREP_QUESTION (item)), question_id))
        return g_ptr_array_index (rows, i);
    }
  return NULL;
}

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The title, and the other language's, which the schema requires too. */
static void
type_titles (PrepQuestionEditor *editor,
             const char         *title)
{
  g_autofree char *other = g_strconcat (title, " (en)", NULL);

  prep_test_type (GTK_WIDGET (editor), title);
  prep_test_press (GTK_WIDGET (editor), "Tab");
  prep_test_type (GTK_WIDGET (editor), other);
}

static PrepQuestionEditor *
open_new (PrepWindow *window)
{
  PrepQuestionEditor *editor;

  prep_test_press (GTK_WIDGET (window), "ctrl+shift+n");
  editor = find_editor ();
  g_assert_nonnull (editor);
  prep_test_wait_for_frame (GTK_WIDGET (editor));
  return editor;
}

/* A question of the user's, saved through the model. */
static void
add_user_question (PrepApplication *app,
                   const char      *id)
{
  PrepPackStore *store = prep_application_get_pack_store (app);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  json = g_strdup_printf ("{\"id\": \"%s\", \"category\": \"" PREP_PACK_DEFAULT_CATEGORY "\", "
                          "\"origin\": \"added\", \"difficulty\": \"basic\", \"tags\": [], "
                          "\"question\": {\"zh_TW\": \"我的問題\", \"en\": \"My own question\"}, "
                          "\"detailed_answer\": {\"zh_TW\": \"舊的答案。\", \"en\": \"The old answer.\"}}", id);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  g_assert_true (prep_pack_store_save_question (store, json_node_get_object (json_parser_get_root (parser)),
                                                NULL, &error));
  g_assert_no_error (error);
}

/* 1. Ctrl+Shift+N, a title, Ctrl+S: the question is in the list, opened,
 * and in the pack on disk. Save is off until there is a title. */
static void
check_new (PrepApplication *app,
           PrepWindow      *window)
{
  PrepQuestionEditor *editor = open_new (window);
  PrepPackStore *store = prep_application_get_pack_store (app);
  g_autofree char *pack = g_build_filename (prep_pack_store_get_dir (store), PREP_PACK_DEFAULT_ID ".json", NULL);
  g_autofree char *contents = NULL;
  PrepQuestion *question;

  g_assert_false (gtk_widget_is_sensitive (find_labelled_button (GTK_WIDGET (editor), _("_Save"))));
  prep_test_type (GTK_WIDGET (editor), "What is a KV cache?");
  prep_test_spin (100);
  g_assert_true (gtk_widget_is_sensitive (find_labelled_button (GTK_WIDGET (editor), _("_Save"))));
  /* One language is enough: no problem is shown for the English title. */
  prep_test_spin (400);
  g_assert_cmpuint (count_messages (GTK_WIDGET (editor)), ==, 0);
  g_assert_false (gtk_widget_has_css_class (find_row (GTK_WIDGET (editor), _("Question in English")), "error"));
  prep_test_press (GTK_WIDGET (editor), "Tab");
  prep_test_type (GTK_WIDGET (editor), "What is a KV cache? (en)");
  prep_test_spin (400);
  prep_test_save_screenshot (GTK_WIDGET (editor), "editor-new.png");
  g_assert_cmpuint (count_messages (GTK_WIDGET (editor)), ==, 0);

  prep_test_press (GTK_WIDGET (editor), "ctrl+s");
  prep_test_spin (200);
  g_assert_null (find_editor ());

  question = prep_window_get_question (window);
  g_assert_nonnull (question);
  g_assert_cmpstr (prep_question_get_title (question), ==, "What is a KV cache?");
  g_assert_true (prep_library_lookup_question (prep_application_get_library (app),
                                               prep_question_get_id (question)) == question);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_nonnull (find_sidebar_row (GTK_WIDGET (window), prep_question_get_id (question)));
  g_assert_true (g_file_get_contents (pack, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "What is a KV cache?"));
  prep_test_save_screenshot (GTK_WIDGET (window), "editor-new-saved.png");

  /* No answer yet: the page offers to write it, in the editor. */
  {
    GtkWidget *write = find_labelled_button (GTK_WIDGET (window), _("_Write the Answer"));

    g_assert_nonnull (write);
    prep_test_click (write);
    editor = find_editor ();
    g_assert_nonnull (editor);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), _("Question")))), ==,
                     "What is a KV cache?");
    gtk_window_close (GTK_WINDOW (editor));
  }
}

static void
test_new (void)
{
  forget_user_questions ();
  prep_test_run_first_start (check_new);
}

/* 2. Ctrl+E on the user's question: a heading typed in the Markdown shows
 * rendered in the preview; once saved the page has it, and the English
 * text, which the form did not show, is kept. */
static void
check_edit (PrepApplication *app,
            PrepWindow      *window)
{
  PrepQuestionEditor *editor;
  GtkWidget *source;
  GtkTextView *preview = NULL;
  g_autoptr(GPtrArray) views = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(JsonObject) saved = NULL;
  PrepQuestion *question;
  GtkTextIter iter;
  GtkTextBuffer *buffer;
  GSList *tags;
  gboolean big = FALSE;

  add_user_question (app, "my-own");
  g_assert_true (prep_window_open_question (window, "my-own"));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_press (GTK_WIDGET (window), "ctrl+e");
  editor = find_editor ();
  g_assert_nonnull (editor);
  prep_test_wait_for_frame (GTK_WIDGET (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), _("Question")))), ==,
                   "我的問題");

  source = prep_test_find_descendant (GTK_WIDGET (editor), GTK_SOURCE_TYPE_VIEW);
  g_assert_nonnull (source);
  prep_test_press (GTK_WIDGET (editor), "shift");
  scroll_to (source);
  prep_test_click (source);
  prep_test_press (GTK_WIDGET (editor), "ctrl+a BackSpace");
  prep_test_type (GTK_WIDGET (editor), "# Cache Sizes");
  prep_test_press (GTK_WIDGET (editor), "Return Return");
  prep_test_type (GTK_WIDGET (editor), "It grows with the context.");
  prep_test_spin (400);

  views = prep_test_collect (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);
  for (guint i = 0; i < views->len; i++)
    if (!GTK_SOURCE_IS_VIEW (g_ptr_array_index (views, i)) &&
        !gtk_text_view_get_editable (g_ptr_array_index (views, i)))
      preview = g_ptr_array_index (views, i);
  g_assert_nonnull (preview);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (preview)));
  shown = text_of (preview);
  g_test_message ("preview: %s", shown);
  prep_test_save_screenshot (GTK_WIDGET (editor), "editor-edit-preview.png");
  /* Rendered: the heading's text without its mark, in a larger type. */
  g_assert_true (g_str_has_prefix (shown, "Cache Sizes"));
  g_assert_nonnull (strstr (shown, "It grows with the context."));
  buffer = gtk_text_view_get_buffer (preview);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l; l = l->next)
    {
      gboolean scale_set = FALSE, weight_set = FALSE;
      double scale = 1;
      int weight = PANGO_WEIGHT_NORMAL;

      g_object_get (l->data, "scale-set", &scale_set, "scale", &scale, "weight-set", &weight_set,
                    "weight", &weight, NULL);
      big |= (scale_set && scale > 1) || (weight_set && weight >= PANGO_WEIGHT_SEMIBOLD);
    }
  g_slist_free (tags);
  g_assert_true (big);

  prep_test_press (GTK_WIDGET (editor), "ctrl+s");
  prep_test_spin (200);
  g_assert_null (find_editor ());

  question = prep_window_get_question (window);
  g_assert_nonnull (question);
  g_assert_cmpstr (prep_question_get_id (question), ==, "my-own");
  g_assert_cmpstr (prep_question_get_detailed_answer (question), ==, "# Cache Sizes\n\nIt grows with the context.");
  saved = prep_question_to_json (question);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (saved, "question"), "en"), ==,
                   "My own question");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (saved, "detailed_answer"), "en"),
                   ==, "The old answer.");
}

static void
test_edit (void)
{
  forget_user_questions ();
  prep_test_run_first_start (check_edit);
}

/* 3. The validator's words under the rows they are about: a tag with a
 * space, a multiple-choice item with no right option. Save does not
 * save then; picking the right option takes its message away. */
static void
check_validation (PrepApplication *app,
                  PrepWindow      *window)
{
  PrepQuestionEditor *editor = open_new (window);
  GtkWidget *tags_row;
  GtkWidget *add;
  g_autoptr(GPtrArray) checks = NULL;
  guint before;

  type_titles (editor, "Why does attention scale?");
  tags_row = find_row (GTK_WIDGET (editor), _("Tags, Separated by Commas"));
  g_assert_nonnull (tags_row);
  prep_test_click (tags_row);
  prep_test_type (GTK_WIDGET (editor), "attention, kv cache");
  prep_test_spin (500);
  g_assert_nonnull (prep_question_editor_get_issue (editor, "$.tags[1]"));
  g_assert_null (prep_question_editor_get_issue (editor, "$.tags[0]"));
  g_assert_true (gtk_widget_has_css_class (tags_row, "error"));
  g_assert_cmpuint (count_messages (GTK_WIDGET (editor)), ==, 1);

  {
    g_autoptr(GPtrArray) buttons = prep_test_collect (GTK_WIDGET (editor), GTK_TYPE_BUTTON);

    add = NULL;
    for (guint i = 0; i < buttons->len && add == NULL; i++)
      {
        GtkWidget *button = g_ptr_array_index (buttons, i);
        GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

        if (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING) &&
            g_str_equal (g_variant_get_string (target, NULL), "quiz"))
          add = button;
      }
  }
  g_assert_nonnull (add);
  scroll_to (add);
  prep_test_click (add);
  prep_test_type (GTK_WIDGET (editor), "Which grows with the context?");
  prep_test_spin (500);
  before = count_messages (GTK_WIDGET (editor));
  prep_test_save_screenshot (GTK_WIDGET (editor), "editor-validation.png");
  g_assert_cmpuint (before, >=, 2);

  /* Save says why it did not save, and the form stays. */
  prep_test_press (GTK_WIDGET (editor), "ctrl+s");
  prep_test_spin (200);
  g_assert_true (find_editor () == editor);
  g_assert_nonnull (prep_test_notice_in_sight (GTK_WIDGET (editor)));

  checks = prep_test_collect (GTK_WIDGET (editor), GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, ==, 4);
  scroll_to (g_ptr_array_index (checks, 1));
  prep_test_click (g_ptr_array_index (checks, 1));
  prep_test_spin (500);
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 1)));
  g_assert_cmpuint (count_messages (GTK_WIDGET (editor)), <, before);

  /* An item's trash button removes it, and its messages with it. */
  {
    GtkWidget *remove = NULL;
    g_autoptr(GPtrArray) buttons = prep_test_collect (GTK_WIDGET (editor), GTK_TYPE_BUTTON);

    for (guint i = 0; i < buttons->len && remove == NULL; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), _("Remove Multiple-Choice Item")) == 0)
        remove = g_ptr_array_index (buttons, i);
    g_assert_nonnull (remove);
    scroll_to (remove);
    prep_test_click (remove);
    prep_test_spin (500);
    g_clear_pointer (&checks, g_ptr_array_unref);
    checks = prep_test_collect (GTK_WIDGET (editor), GTK_TYPE_CHECK_BUTTON);
    g_assert_cmpuint (checks->len, ==, 0);
    g_assert_null (prep_question_editor_get_issue (editor, "$.quiz[0].answer"));
    g_assert_cmpuint (count_messages (GTK_WIDGET (editor)), ==, 1);
  }

  gtk_window_close (GTK_WINDOW (editor));
}

static void
test_validation (void)
{
  forget_user_questions ();
  prep_test_run_first_start (check_validation);
}

/* 4. A save that fails (a file where the packs folder should be) says
 * why, with Retry; the form keeps its text, and so does the draft on
 * disk. Retry once the way is clear saves and opens the question. */
static void
check_failed_save (PrepApplication *app,
                   PrepWindow      *window)
{
  PrepPackStore *store = prep_application_get_pack_store (app);
  const char *dir = prep_pack_store_get_dir (store);
  PrepQuestionEditor *editor;
  g_autofree char *draft_path = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *parent = g_path_get_dirname (dir);
  GtkWidget *retry;

  remove_tree (dir);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (dir, "in the way", -1, NULL));

  editor = open_new (window);
  draft_path = prep_question_editor_dup_draft_path (editor);
  type_titles (editor, "Saved at last");
  prep_test_press (GTK_WIDGET (editor), "ctrl+s");
  prep_test_spin (200);

  g_assert_true (find_editor () == editor);
  g_assert_nonnull (prep_test_notice_in_sight (GTK_WIDGET (editor)));
  g_test_message ("notice: %s", prep_test_notice_in_sight (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), _("Question")))), ==,
                   "Saved at last");
  g_assert_true (g_file_get_contents (draft_path, &draft, NULL, NULL));
  g_assert_nonnull (strstr (draft, "Saved at last"));
  prep_test_save_screenshot (GTK_WIDGET (editor), "editor-failed-save.png");

  g_unlink (dir);
  retry = find_labelled_button (GTK_WIDGET (editor), _("_Retry"));
  g_assert_nonnull (retry);
  prep_test_click (retry);
  prep_test_spin (200);
  g_assert_null (find_editor ());
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (prep_window_get_question (window));
  g_assert_cmpstr (prep_question_get_title (prep_window_get_question (window)), ==, "Saved at last");
}

static void
test_failed_save (void)
{
  forget_user_questions ();
  prep_test_run_first_start (check_failed_save);
}

/* 5. Closing the editor without saving keeps a draft; New Question then
 * offers it back, and Restore Draft fills the form with it. Discard
 * removes it. */
static void
check_draft (PrepApplication *app,
             PrepWindow      *window)
{
  PrepQuestionEditor *editor = open_new (window);
  g_autofree char *draft_path = prep_question_editor_dup_draft_path (editor);
  AdwMessageDialog *dialog;

  prep_test_type (GTK_WIDGET (editor), "Half written");
  prep_test_press (GTK_WIDGET (editor), "ctrl+w");
  prep_test_spin (200);
  g_assert_null (find_editor ());
  g_assert_true (g_file_test (draft_path, G_FILE_TEST_IS_REGULAR));

  editor = open_new (window);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Restore the Draft?"));
  prep_test_wait_for_frame (GTK_WIDGET (dialog));
  prep_test_save_screenshot (GTK_WIDGET (dialog), "editor-restore-dialog.png");
  prep_test_click (find_labelled_button (GTK_WIDGET (dialog), _("_Restore Draft")));
  prep_test_spin (200);
  g_assert_null (find_dialog ());
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), _("Question")))), ==,
                   "Half written");

  prep_test_press (GTK_WIDGET (editor), "ctrl+w");
  prep_test_spin (200);
  editor = open_new (window);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  prep_test_click (find_labelled_button (GTK_WIDGET (dialog), _("_Discard")));
  prep_test_spin (200);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), _("Question")))), ==, "");
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));
  gtk_window_close (GTK_WINDOW (editor));
}

static void
test_draft (void)
{
  forget_user_questions ();
  prep_test_run_first_start (check_draft);
}

/* 6. Delete from the question's menu asks first; the question is gone
 * from the library and the list, and Undo in the toast brings it back. */
static void
check_delete (PrepApplication *app,
              PrepWindow      *window)
{
  PrepLibrary *library = prep_application_get_library (app);
  g_autoptr(GPtrArray) menus = NULL;
  GtkWidget *menu_button = NULL;
  GtkWidget *toast;
  AdwMessageDialog *dialog;

  add_user_question (app, "to-delete");
  g_assert_true (prep_window_open_question (window, "to-delete"));
  prep_test_wait_for_frame (GTK_WIDGET (window));

  menus = prep_test_collect (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  for (guint i = 0; i < menus->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (menus, i)) &&
        g_strcmp0 (gtk_menu_button_get_icon_name (g_ptr_array_index (menus, i)), "view-more-symbolic") == 0)
      menu_button = g_ptr_array_index (menus, i);
  g_assert_nonnull (menu_button);
  prep_test_click (menu_button);
  /* Its item by its mnemonic: _Delete Question… */
  prep_test_press (GTK_WIDGET (window), "d");
  prep_test_spin (100);

  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Delete the Question?"));
  prep_test_click (find_labelled_button (GTK_WIDGET (dialog), _("_Delete")));
  prep_test_spin (200);

  g_assert_null (prep_library_lookup_question (library, "to-delete"));
  g_assert_null (prep_window_get_question (window));
  g_assert_null (find_sidebar_row (GTK_WIDGET (window), "to-delete"));
  toast = find_by_css_name (GTK_WIDGET (window), "toast");
  g_assert_nonnull (toast);
  prep_test_save_screenshot (GTK_WIDGET (window), "editor-deleted-toast.png");

  prep_test_click (find_labelled_button (toast, _("_Undo")));
  prep_test_spin (200);
  g_assert_nonnull (prep_library_lookup_question (library, "to-delete"));
  g_assert_nonnull (prep_window_get_question (window));
  g_assert_cmpstr (prep_question_get_id (prep_window_get_question (window)), ==, "to-delete");
}

static void
test_delete (void)
{
  forget_user_questions ();
  prep_test_run_first_start (check_delete);
}

/* 7. A bundled question is not changed: Edit offers a copy, which opens
 * in the editor as a new question with the bundled text. */
static void
check_bundled (PrepApplication *app,
               PrepWindow      *window)
{
  AdwMessageDialog *dialog;
  PrepQuestionEditor *editor;

  g_assert_true (prep_window_open_question (window, "kv-cache"));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_press (GTK_WIDGET (window), "ctrl+e");
  g_assert_null (find_editor ());
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  prep_test_click (find_labelled_button (GTK_WIDGET (dialog), _("_Copy to My Questions")));
  prep_test_spin (200);
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), _("Question")))), ==,
                   prep_question_get_title (prep_window_get_question (window)));
  gtk_window_close (GTK_WINDOW (editor));
}

static void
test_bundled (void)
{
  forget_user_questions ();
  prep_test_run_first_start (check_bundled);
}

/* 8. Screenshots, light and dark, 1280 and 360 px wide: side by side when
 * wide, the Preview button when narrow. */
static void
shoot (PrepQuestionEditor *editor,
       int                 width,
       const char         *name)
{
  GtkWidget *preview_button;

  gtk_window_set_default_size (GTK_WINDOW (editor), width, 900);
  prep_test_wait_for_frame (GTK_WIDGET (editor));
  prep_test_spin (300);
  prep_test_wait_for_frame (GTK_WIDGET (editor));
  preview_button = find_labelled_button (GTK_WIDGET (editor), _("_Preview"));
  g_test_message ("%s: %d px wide", name, gtk_widget_get_width (GTK_WIDGET (editor)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), <=, MAX (width, 360) + 2);
  /* The button only where the preview is not beside the Markdown. */
  g_assert_true ((width < 900) == (preview_button != NULL));
  prep_test_save_screenshot (GTK_WIDGET (editor), name);
}

static void
check_screenshots (PrepApplication *app,
                   PrepWindow      *window)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  PrepQuestionEditor *editor;
  GtkWidget *source;

  add_user_question (app, "screenshot");
  g_assert_true (prep_window_open_question (window, "screenshot"));
  prep_test_press (GTK_WIDGET (window), "ctrl+e");
  editor = find_editor ();
  g_assert_nonnull (editor);
  prep_test_wait_for_frame (GTK_WIDGET (editor));
  source = prep_test_find_descendant (GTK_WIDGET (editor), GTK_SOURCE_TYPE_VIEW);
  prep_test_press (GTK_WIDGET (editor), "shift");
  scroll_to (source);
  prep_test_click (source);
  prep_test_press (GTK_WIDGET (editor), "ctrl+a BackSpace");
  prep_test_type (GTK_WIDGET (editor), "## Why the cache grows");
  prep_test_press (GTK_WIDGET (editor), "Return Return");
  prep_test_type (GTK_WIDGET (editor), "* **Keys** and values of every token");
  prep_test_press (GTK_WIDGET (editor), "Return");
  prep_test_type (GTK_WIDGET (editor), "`seq_len x layers x heads`");
  prep_test_press (GTK_WIDGET (editor), "Return Return");
  prep_test_type (GTK_WIDGET (editor), "| Model | Size |");
  prep_test_press (GTK_WIDGET (editor), "Return");
  prep_test_type (GTK_WIDGET (editor), "|---|---|");
  prep_test_press (GTK_WIDGET (editor), "Return");
  prep_test_type (GTK_WIDGET (editor), "| 7B | 1 GB |");
  prep_test_spin (400);

  shoot (editor, 1280, "editor-wide-light.png");
  shoot (editor, 360, "editor-narrow-light.png");

  /* Narrow, the Preview button (Ctrl+Shift+P) swaps the Markdown for its
   * rendering, and back. */
  g_assert_true (gtk_widget_get_mapped (source));
  prep_test_press (GTK_WIDGET (editor), "ctrl+shift+p");
  g_assert_false (gtk_widget_get_mapped (source));
  g_assert_true (gtk_widget_get_mapped (prep_test_find_descendant (GTK_WIDGET (editor), PREP_TYPE_ANSWER_VIEW)));
  prep_test_save_screenshot (GTK_WIDGET (editor), "editor-narrow-preview.png");
  prep_test_press (GTK_WIDGET (editor), "ctrl+shift+p");
  g_assert_true (gtk_widget_get_mapped (source));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  shoot (editor, 360, "editor-narrow-dark.png");
  shoot (editor, 1280, "editor-wide-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* The lists' items at 360 px: a multiple-choice item and a reference. */
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 900);
  prep_test_wait_for_frame (GTK_WIDGET (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-item", "s", "references");
  prep_test_type (GTK_WIDGET (editor), "Efficient Memory Management for LLM Serving with PagedAttention");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-item", "s", "quiz");
  prep_test_type (GTK_WIDGET (editor), "What does the KV cache store?");
  prep_test_spin (500);
  prep_test_wait_for_frame (GTK_WIDGET (editor));
  prep_test_save_screenshot (GTK_WIDGET (editor), "editor-narrow-items.png");

  gtk_window_close (GTK_WINDOW (editor));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_save_screenshot (GTK_WIDGET (window), "editor-window-narrow.png");
}

static void
test_screenshots (void)
{
  forget_user_questions ();
  prep_test_run_first_start (check_screenshots);
}

int
main (int   argc,
      char *argv[])
{
  /* The tests' own packs and drafts, never the developer's. */
  data_home = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                               "editor-data-home", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  prep_test_init_ui (&argc, &argv);

  g_test_add_func ("/editor-ui/new", test_new);
  g_test_add_func ("/editor-ui/edit", test_edit);
  g_test_add_func ("/editor-ui/validation", test_validation);
  g_test_add_func ("/editor-ui/failed-save", test_failed_save);
  g_test_add_func ("/editor-ui/draft", test_draft);
  g_test_add_func ("/editor-ui/delete", test_delete);
  g_test_add_func ("/editor-ui/bundled", test_bundled);
  g_test_add_func ("/editor-ui/screenshots", test_screenshots);

  return g_test_run ();
}
