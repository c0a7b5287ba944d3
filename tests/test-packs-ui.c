/* test-packs-ui.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The user's packs in the window (issue 18): read after it opens, their
 * problems told in the notice bar, their questions in the sidebar with
 * the mark of the user's own, and the sidebar following questions saved
 * and deleted while it shows them. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "prep-application.h"
#include "prep-pack-dialogs.h"
#include "prep-pack-store.h"
#include "prep-sidebar-row.h"
#include "prep-test-files.h"
#include "prep-test-utils.h"
#include "prep-window.h"
#include "prep-window-private.h"

static const char *good_pack =
  "{ \"schema_version\": 1,\n"
  "  \"categories\": [ { \"id\": \"robotics\", \"title\": { \"zh_TW\": \"機器人題目\", \"en\": \"Robotics\" } } ],\n"
  "  \"questions\": [\n"
  "    { \"id\": \"robot-arm\", \"category\": \"robotics\", \"origin\": \"user\",\n"
  "      \"question\": { \"zh_TW\": \"機械手臂如何運作？\", \"en\": \"How does a robot arm work?\" },\n"
  "      \"difficulty\": \"basic\", \"tags\": [], \"short_answer\": { \"zh_TW\": \"用馬達。\" } }\n"
  "  ] }\n";

static const char *broken_pack = "{ \"schema_version\": 1,\n  \"questions\": [ { ] }\n";

static char *packs_dir;

/* The sidebar row showing @item, if one is made. */
static PrepSidebarRow *
find_row (PrepWindow *window,
          gpointer    item)
{
  g_autoptr(GPtrArray) rows = prep_test_collect (GTK_WIDGET (window), PREP_TYPE_SIDEBAR_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      PrepSidebarRow *row = g_ptr_array_index (rows, i);

      if (prep_sidebar_row_get_item (row) == item && gtk_widget_get_mapped (GTK_WIDGET (row)))
        return row;
    }

  return NULL;
}

static const char *
row_count (PrepSidebarRow *row)
{
  GtkWidget *label = prep_test_find_with_class (GTK_WIDGET (row), "count");

  return gtk_label_get_label (GTK_LABEL (label));
}

static JsonObject *
new_question (const char *id,
              const char *category)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("{ \"id\": \"%s\", \"category\": \"%s\", \"origin\": \"user\","
                                           "  \"question\": { \"zh_TW\": \"我的新題目 %s？\", \"en\": \"Mine?\" },"
                                           "  \"difficulty\": \"basic\", \"tags\": [] }", id, category, id);
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

static void
check_packs (PrepApplication *app,
             PrepWindow      *window)
{
  PrepPackStore *store = prep_application_get_pack_store (app);
  PrepLibrary *library = prep_application_get_library (app);
  g_autoptr(JsonObject) added = new_question ("robot-leg", "robotics");
  g_autoptr(JsonObject) in_bundled = new_question ("my-basics-question", "basics");
  g_autoptr(JsonObject) deleted = NULL;
  g_autoptr(PrepQuestion) leg = NULL;
  g_autoptr(GError) error = NULL;
  PrepCategory *robotics, *basics;
  PrepSidebarRow *row;
  g_autofree char *basics_count = NULL;
  const char *notice;

  g_assert_nonnull (store);
  for (guint i = 0; i < 100 && prep_pack_store_get_loading (store); i++)
    prep_test_spin (50);
  g_assert_false (prep_pack_store_get_loading (store));
  prep_test_spin (200);

  /* The broken pack is told, by its name and where, never its folder. */
  notice = prep_test_notice_in_sight (GTK_WIDGET (window));
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "broken.json:2:"));
  g_assert_null (strchr (notice, '/'));
  prep_test_save_screenshot (GTK_WIDGET (window), "packs-notice.png");

  /* The good pack's category is last in the sidebar, with its count. */
  robotics = prep_library_lookup_category (library, "robotics");
  g_assert_nonnull (robotics);
  row = find_row (window, robotics);
  g_assert_nonnull (row);
  g_assert_cmpstr (row_count (row), ==, "1");

  /* A question saved into it: the count follows, at once. */
  g_assert_true (prep_pack_store_save_question (store, added, NULL, &error));
  g_assert_no_error (error);
  prep_test_spin (100);
  row = find_row (window, robotics);
  g_assert_nonnull (row);
  {
    g_autofree char *expected = g_strdup_printf (_("%u / %u"), 1, 2);
    g_assert_cmpstr (row_count (row), ==, expected);
  }

  /* And into a bundled category. */
  basics = prep_library_lookup_category (library, "basics");
  basics_count = g_strdup (row_count (find_row (window, basics)));
  g_assert_true (prep_pack_store_save_question (store, in_bundled, NULL, &error));
  g_assert_no_error (error);
  prep_test_spin (100);
  g_assert_cmpstr (row_count (find_row (window, basics)), !=, basics_count);

  /* Opened, the user's question is marked as theirs; a bundled one is not. */
  g_assert_true (prep_window_open_question (window, "robot-leg"));
  prep_test_spin (300);
  row = find_row (window, prep_library_lookup_question (library, "robot-leg"));
  g_assert_nonnull (row);
  g_assert_true (prep_sidebar_row_get_yours (row));
  g_assert_true (prep_window_open_question (window, "kv-cache"));
  prep_test_spin (300);
  row = find_row (window, prep_library_lookup_question (library, "kv-cache"));
  g_assert_nonnull (row);
  g_assert_false (prep_sidebar_row_get_yours (row));

  /* Deleted while it is on show, it goes from the sidebar too. */
  leg = g_object_ref (prep_library_lookup_question (library, "robot-leg"));
  g_assert_true (prep_window_open_question (window, "robot-leg"));
  prep_test_spin (300);
  g_assert_nonnull (find_row (window, leg));
  deleted = prep_pack_store_delete_question (store, "robot-leg", &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  prep_test_spin (100);
  g_assert_cmpstr (row_count (find_row (window, robotics)), ==, "1");
  g_assert_null (find_row (window, leg));
  g_assert_null (prep_library_lookup_question (library, "robot-leg"));
}

/* The message dialog shown, if any; its heading and extra text. */
static AdwMessageDialog *
wait_for_dialog (const char *heading)
{
  for (guint n = 0; n < 200; n++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
              g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
            return ADW_MESSAGE_DIALOG (window);
        }
      prep_test_spin (50);
    }

  return NULL;
}

static const char *
dialog_list (AdwMessageDialog *dialog)
{
  GtkWidget *extra = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(GPtrArray) labels = extra ? prep_test_collect (extra, GTK_TYPE_LABEL) : NULL;

  return labels && labels->len ? gtk_label_get_label (g_ptr_array_index (labels, 0)) : NULL;
}

static void
import (PrepApplication *app,
        PrepWindow      *window,
        const char      *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  prep_pack_dialogs_import_file (GTK_WINDOW (window), prep_application_get_pack_store (app),
                                 window->toast_overlay, file);
}

static void
check_import (PrepApplication *app,
              PrepWindow      *window)
{
  g_autofree char *bad = g_build_filename (g_get_user_data_dir (), "import-bad.json", NULL);
  g_autofree char *clashing = g_build_filename (g_get_user_data_dir (), "Clashing Pack.json", NULL);
  PrepLibrary *library = prep_application_get_library (app);
  PrepPackStore *store = prep_application_get_pack_store (app);
  guint n = g_list_model_get_n_items (prep_library_get_questions (library));
  AdwMessageDialog *dialog;
  const char *list;

  for (guint i = 0; i < 100 && store && prep_pack_store_get_loading (store); i++)
    prep_test_spin (50);
  g_assert_nonnull (store);

  /* A file with problems: listed with FILE:LINE:COLUMN, nothing imported. */
  prep_test_write_file (bad, "{\n  \"schema_version\": 1,\n  \"questions\": [ oops ]\n}\n");
  import (app, window, bad);
  dialog = wait_for_dialog (_("The File Was Not Imported"));
  g_assert_nonnull (dialog);
  list = dialog_list (dialog);
  g_assert_nonnull (list);
  g_assert_true (g_str_has_prefix (list, "import-bad.json:3:"));
  /* Once the dialog has faded in: before, it draws nothing. */
  prep_test_spin (500);
  prep_test_save_screenshot (GTK_WIDGET (dialog), "packs-import-problems.png");
  adw_message_dialog_response (dialog, "close");
  prep_test_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (prep_library_get_questions (library)), ==, n);

  /* Taken ids: offered free ones, imported on consent. */
  prep_test_write_file (clashing,
                        "{ \"schema_version\": 1, \"questions\": [\n"
                        "  { \"id\": \"kv-cache\", \"category\": \"basics\", \"origin\": \"user\",\n"
                        "    \"question\": { \"zh_TW\": \"我的 KV 快取？\", \"en\": \"My KV cache?\" },\n"
                        "    \"difficulty\": \"basic\", \"tags\": [] } ] }\n");
  import (app, window, clashing);
  dialog = wait_for_dialog (_("Some IDs Are Taken"));
  g_assert_nonnull (dialog);
  list = dialog_list (dialog);
  g_assert_cmpstr (list, ==, "kv-cache → kv-cache-2");
  /* Once the dialog has faded in: before, it draws nothing. */
  prep_test_spin (500);
  prep_test_save_screenshot (GTK_WIDGET (dialog), "packs-import-clashes.png");
  adw_message_dialog_response (dialog, "rename");
  for (guint i = 0; i < 100 && !prep_library_lookup_question (library, "kv-cache-2"); i++)
    prep_test_spin (50);
  g_assert_nonnull (prep_library_lookup_question (library, "kv-cache-2"));
  g_assert_cmpstr (prep_question_get_pack_id (prep_library_lookup_question (library, "kv-cache-2")), ==, "clashing-pack");
  g_assert_null (prep_question_get_pack_id (prep_library_lookup_question (library, "kv-cache")));
  g_assert_cmpuint (g_list_model_get_n_items (prep_library_get_questions (library)), ==, n + 1);

  g_unlink (bad);
  g_unlink (clashing);
}

static void
test_import (void)
{
  prep_test_remove_tree (packs_dir);
  g_assert_cmpint (prep_test_run_app (NULL, check_import), ==, 0);
  prep_test_remove_tree (packs_dir);
}

static void
test_packs (void)
{
  g_autofree char *good = g_build_filename (packs_dir, "robots.json", NULL);
  g_autofree char *broken = g_build_filename (packs_dir, "broken.json", NULL);
  g_autofree char *broken_after = NULL;

  prep_test_remove_tree (packs_dir);
  prep_test_write_file (good, good_pack);
  prep_test_write_file (broken, broken_pack);

  g_assert_cmpint (prep_test_run_app (NULL, check_packs), ==, 0);

  /* Never written over. */
  g_assert_true (g_file_get_contents (broken, &broken_after, NULL, NULL));
  g_assert_cmpstr (broken_after, ==, broken_pack);
  prep_test_remove_tree (packs_dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  prep_test_init_ui (&argc, &argv);

  packs_dir = g_build_filename (g_get_user_data_dir (), "llm-prep", "packs", NULL);
  g_test_add_func ("/packs-ui/sidebar-and-notice", test_packs);
  g_test_add_func ("/packs-ui/import", test_import);

  status = g_test_run ();
  g_free (packs_dir);

  return status;
}
