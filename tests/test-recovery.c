/* test-recovery.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a person sees and does when their files are damaged, unreadable or
 * cannot be written (reliability review 2026-12): the app starts, says so
 * in a notice that stays, loses nothing, and asks before dropping what it
 * could not save. Driven with real keys and clicks under Xvfb. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "prep-application.h"
#include "prep-json-store.h"
#include "prep-notice-bar.h"
#include "prep-review-store.h"
#include "prep-test-utils.h"
#include "prep-user-data.h"
#include "prep-window.h"

static char *notes_path;
static char *reviews_path;
static char *folder;

static const char *
notice_text (PrepWindow *window)
{
  return prep_test_notice_in_sight (GTK_WIDGET (window));
}

/* A button on screen under @widget with action @action, or labelled
 * @label (with its mnemonic). */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = prep_test_collect (widget, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (gtk_widget_get_mapped (button) &&
          (action == NULL || g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), action) == 0) &&
          (label == NULL || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0))
        return button;
    }
  return NULL;
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  return find_button (widget, action, NULL);
}

static GtkWidget *
find_labelled_button (GtkWidget  *widget,
                      const char *label)
{
  return find_button (widget, NULL, label);
}

/* The message dialog over the main window, if one is shown. */
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

/* The translated text of @format up to its first %s. */
static char *
prefix_of (const char *format)
{
  const char *translated = _(format);
  const char *conversion = strstr (translated, "%s");

  return g_strndup (translated, conversion ? (gsize) (conversion - translated) : strlen (translated));
}

static void
remove_user_files (void)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (g_file_test (folder, G_FILE_TEST_IS_REGULAR))
    g_unlink (folder);
  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }
}

/* The folder of the user files cannot be created: a file is in its way,
 * which stops root too. */
static void
block_folder (void)
{
  remove_user_files ();
  g_rmdir (folder);
  g_assert_true (g_file_set_contents (folder, "in the way", -1, NULL));
}

static void
unblock_folder (void)
{
  g_assert_cmpint (g_unlink (folder), ==, 0);
}

/* 1. A notes.json nested 100,000 deep crashed the app at every start
 * (U1). It starts, the file is set aside byte for byte, a notice says so
 * with Show in Files on the kept file, and a click dismisses it. */
static GString *deep;

static void
check_deep_nesting (PrepApplication *app,
                    PrepWindow      *window)
{
  PrepUserData *user_data = prep_application_get_user_data (app);
  const char *aside = prep_user_data_get_set_aside_path (user_data);
  g_autofree char *kept = NULL;
  GtkWidget *show, *dismiss;
  GVariant *target;
  gsize length;

  g_assert_nonnull (aside);
  g_assert_true (g_file_get_contents (aside, &kept, &length, NULL));
  g_assert_cmpmem (kept, length, deep->str, deep->len);

  g_assert_cmpstr (notice_text (window), ==, _("Your bookmarks and notes could not be read, so a new file was started. "
                                               "The damaged file was kept."));
  show = find_action_button (GTK_WIDGET (window), "win.show-in-files");
  g_assert_nonnull (show);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (show));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, aside);
  prep_test_save_screenshot (GTK_WIDGET (window), "recovery-damaged.png");

  /* The app works: a bookmark is saved to the new file. */
  g_assert_true (prep_window_open_question (window, "kv-cache"));
  prep_test_press (GTK_WIDGET (window), "ctrl+d");
  g_assert_true (prep_user_data_get_bookmarked (user_data, "kv-cache"));

  dismiss = find_action_button (GTK_WIDGET (window), "win.dismiss-notice");
  g_assert_nonnull (dismiss);
  prep_test_click (dismiss);
  prep_test_spin (400);
  g_assert_null (notice_text (window));
}

static void
test_deep_nesting (void)
{
  deep = g_string_new ("{\"schema_version\": 1, \"questions\": {}, \"extra\": ");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');

  remove_user_files ();
  g_mkdir_with_parents (folder, 0700);
  g_assert_true (g_file_set_contents (notes_path, deep->str, deep->len, NULL));
  g_assert_cmpint (prep_test_run_app (NULL, check_deep_nesting), ==, 0);

  /* The bookmark went to a new file. */
  {
    g_autofree char *saved = NULL;

    g_assert_true (g_file_get_contents (notes_path, &saved, NULL, NULL));
    g_assert_nonnull (strstr (saved, "kv-cache"));
  }
  g_string_free (deep, TRUE);
  remove_user_files ();
}

/* 2. notes.json is a folder (or unreadable): said so with the reason, never
 * as "a newer version", and nothing is written over it (U11). */
static void
check_unreadable (PrepApplication *app,
                  PrepWindow      *window)
{
  const char *text = notice_text (window);
  g_autofree char *reason = g_strdup_printf (_("Not a regular file (%s)"), "notes.json");
  g_autofree char *start = prefix_of ("Your notes and bookmarks could not be read: %s. The file is not changed; "
                                      "changes are kept until you quit.");

  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, start));
  g_assert_nonnull (strstr (text, reason));
  g_assert_null (strchr (text, '/'));
  g_assert_nonnull (find_action_button (GTK_WIDGET (window), "win.show-in-files"));
  prep_test_save_screenshot (GTK_WIDGET (window), "recovery-unreadable.png");

  /* A bookmark works for the session; no save error is claimed. */
  g_assert_true (prep_window_open_question (window, "kv-cache"));
  prep_test_press (GTK_WIDGET (window), "ctrl+d");
  prep_test_spin (800);
  g_assert_true (prep_user_data_get_bookmarked (prep_application_get_user_data (app), "kv-cache"));
  g_assert_cmpstr (notice_text (window), ==, text);
}

static void
test_unreadable (void)
{
  remove_user_files ();
  g_assert_cmpint (g_mkdir_with_parents (notes_path, 0700), ==, 0);
  g_assert_cmpint (prep_test_run_app (NULL, check_unreadable), ==, 0);
  g_assert_true (g_file_test (notes_path, G_FILE_TEST_IS_DIR));
  remove_user_files ();
}

/* 3. Saves that fail, of notes and of grades (U10), are told in a notice
 * with Retry; a click on Retry saves both once the disk allows it. */
static void
check_save_retry (PrepApplication *app,
                  PrepWindow      *window)
{
  PrepUserData *user_data = prep_application_get_user_data (app);
  PrepReviewStore *reviews = prep_application_get_reviews (app);
  g_autofree char *notes = NULL;
  g_autofree char *grades = NULL;
  GtkWidget *retry;
  const char *text;
  g_autofree char *notes_failed = prefix_of ("Your notes and bookmarks could not be saved: %s. "
                                             "They are kept while LLM Prep is open.");
  g_autofree char *both_failed = prefix_of ("Your notes, bookmarks and grades could not be saved: %s. "
                                            "They are kept while LLM Prep is open.");

  g_assert_null (notice_text (window));
  block_folder ();

  g_assert_true (prep_window_open_question (window, "kv-cache"));
  prep_test_press (GTK_WIDGET (window), "ctrl+d");
  prep_test_spin (800);   /* past the notes' save delay */
  text = notice_text (window);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, notes_failed));
  g_assert_null (strchr (text, '/'));

  /* A grade that cannot be saved is told too, not lost in silence. */
  g_assert_false (prep_review_store_grade (reviews, "kv-cache", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD,
                                           g_get_real_time () / G_USEC_PER_SEC));
  g_assert_true (g_str_has_prefix (notice_text (window), both_failed));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_save_screenshot (GTK_WIDGET (window), "recovery-save-failed.png");

  retry = find_action_button (GTK_WIDGET (window), "win.retry-save");
  g_assert_nonnull (retry);
  unblock_folder ();
  prep_test_click (retry);
  prep_test_spin (200);
  g_assert_null (notice_text (window));
  g_assert_false (prep_user_data_get_dirty (user_data));
  g_assert_true (g_file_get_contents (notes_path, &notes, NULL, NULL));
  g_assert_nonnull (strstr (notes, "kv-cache"));
  g_assert_true (g_file_get_contents (reviews_path, &grades, NULL, NULL));
  g_assert_nonnull (strstr (grades, "kv-cache"));
}

static void
test_save_retry (void)
{
  remove_user_files ();
  g_assert_cmpint (prep_test_run_app (NULL, check_save_retry), ==, 0);
  remove_user_files ();
}

/* 4. Closing with changes that cannot be saved asks first (U13): Cancel
 * keeps the window; Retry once the disk allows it saves and closes. */
static void
check_close_retry (PrepApplication *app,
                   PrepWindow      *window)
{
  AdwMessageDialog *dialog;
  g_autofree char *notes = NULL;

  block_folder ();
  g_assert_true (prep_window_open_question (window, "kv-cache"));
  prep_test_press (GTK_WIDGET (window), "ctrl+d ctrl+q");

  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Changes Could Not Be Saved"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  prep_test_wait_for_frame (GTK_WIDGET (dialog));
  prep_test_save_screenshot (GTK_WIDGET (dialog), "recovery-close-dialog.png");

  prep_test_click (find_labelled_button (GTK_WIDGET (dialog), _("_Cancel")));
  prep_test_spin (200);
  g_assert_null (find_dialog ());
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  prep_test_press (GTK_WIDGET (window), "ctrl+q");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  unblock_folder ();
  prep_test_click (find_labelled_button (GTK_WIDGET (dialog), _("_Retry")));
  prep_test_spin (200);
  g_assert_null (prep_application_get_main_window (app));
  g_assert_true (g_file_get_contents (notes_path, &notes, NULL, NULL));
  g_assert_nonnull (strstr (notes, "kv-cache"));
}

/* …and Close Without Saving closes, writing nothing. */
static void
check_close_discard (PrepApplication *app,
                     PrepWindow      *window)
{
  AdwMessageDialog *dialog;

  block_folder ();
  g_assert_true (prep_window_open_question (window, "kv-cache"));
  prep_test_press (GTK_WIDGET (window), "ctrl+d ctrl+q");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  prep_test_click (find_labelled_button (GTK_WIDGET (dialog), _("Close _Without Saving")));
  prep_test_spin (200);
  g_assert_null (prep_application_get_main_window (app));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_REGULAR));
}

static void
test_close_unsaved (void)
{
  remove_user_files ();
  g_assert_cmpint (prep_test_run_app (NULL, check_close_retry), ==, 0);
  remove_user_files ();
  g_assert_cmpint (prep_test_run_app (NULL, check_close_discard), ==, 0);
  remove_user_files ();
}

/* 5. A note with half an emoji (what Python's json.dumps writes for a cut
 * string) or a NUL: the file is repaired, the original kept, a notice
 * says so with Show in Files on the kept original, and the note reads
 * with "�" in place, nothing after it lost (U3, U4). */
static void
check_repaired (PrepApplication *app,
                PrepWindow      *window)
{
  PrepUserData *user_data = prep_application_get_user_data (app);
  PrepJsonStore *store = prep_user_data_get_store (user_data);
  GtkWidget *show;
  GVariant *target;

  g_assert_cmpint (prep_json_store_get_status (store), ==, PREP_JSON_STORE_REPAIRED);
  g_assert_cmpstr (notice_text (window), ==,
                   _("Some characters or numbers in your notes could not be read exactly and were replaced. "
                     "The original file was kept."));
  show = find_action_button (GTK_WIDGET (window), "win.show-in-files");
  g_assert_nonnull (show);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (show));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, prep_json_store_get_copy_path (store));
  g_assert_cmpstr (prep_user_data_get_note (user_data, "kv-cache"), ==,
                   "emoji half \xef\xbf\xbd here, and \xef\xbf\xbd after a NUL");

  g_assert_true (prep_window_open_question (window, "kv-cache"));
  prep_test_save_screenshot (GTK_WIDGET (window), "recovery-repaired.png");
}

static void
test_repaired (void)
{
  const char *text = "{\"schema_version\": 1, \"questions\": {\"kv-cache\": "
                     "{\"note\": \"emoji half \\ud83d here, and \\u0000 after a NUL\"}}}";

  remove_user_files ();
  g_mkdir_with_parents (folder, 0700);
  g_assert_true (g_file_set_contents (notes_path, text, -1, NULL));
  g_assert_cmpint (prep_test_run_app (NULL, check_repaired), ==, 0);
  remove_user_files ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  prep_test_init_ui (&argc, &argv);

  notes_path = prep_user_data_path ("notes.json");
  reviews_path = prep_user_data_path ("reviews.json");
  folder = g_path_get_dirname (notes_path);

  if (!prep_test_have_xdotool ())
    {
      g_test_skip ("needs xdotool and an X display");
      return g_test_run ();
    }

  g_test_add_func ("/recovery/deep-nesting", test_deep_nesting);
  g_test_add_func ("/recovery/unreadable", test_unreadable);
  g_test_add_func ("/recovery/save-retry", test_save_retry);
  g_test_add_func ("/recovery/close-unsaved", test_close_unsaved);
  g_test_add_func ("/recovery/repaired", test_repaired);

  status = g_test_run ();

  g_free (notes_path);
  g_free (reviews_path);
  g_free (folder);

  return status;
}
