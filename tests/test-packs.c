/* test-packs.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "prep-content-loader.h"
#include "prep-json-io.h"
#include "prep-library.h"
#include "prep-pack-io.h"
#include "prep-pack-store.h"
#include "prep-question-parts.h"
#include "prep-search.h"
#include "prep-search-result.h"
#include "prep-test-files.h"

/* A pack with its own category, a question in it with every member, and
 * a question in a bundled category. */
static const char *full_pack =
  "{\n"
  "  \"schema_version\": 1,\n"
  "  \"categories\": [\n"
  "    { \"id\": \"robotics\", \"title\": { \"zh_TW\": \"機器人\", \"en\": \"Robotics\" },\n"
  "      \"description\": { \"zh_TW\": \"說明\" } }\n"
  "  ],\n"
  "  \"questions\": [\n"
  "    {\n"
  "      \"id\": \"robot-arm\",\n"
  "      \"category\": \"robotics\",\n"
  "      \"origin\": \"user\",\n"
  "      \"question\": { \"zh_TW\": \"機械手臂？\", \"en\": \"A robot arm?\" },\n"
  "      \"difficulty\": \"advanced\",\n"
  "      \"tags\": [ \"robots\", \"arms\" ],\n"
  "      \"short_answer\": { \"zh_TW\": \"短答。\", \"en\": \"Short.\" },\n"
  "      \"detailed_answer\": { \"zh_TW\": \"## 詳答\\n\\n內容 [連結](question:what-is-llm)。\" },\n"
  "      \"key_points\": [ { \"zh_TW\": \"一\" }, { \"zh_TW\": \"二\", \"en\": \"two\" } ],\n"
  "      \"follow_ups\": [ { \"question\": { \"zh_TW\": \"追問？\" }, \"answer\": { \"zh_TW\": \"答。\" } } ],\n"
  "      \"pitfalls\": [ { \"zh_TW\": \"陷阱\" } ],\n"
  "      \"quiz\": [ { \"prompt\": { \"zh_TW\": \"選？\" },\n"
  "                  \"options\": [ { \"zh_TW\": \"A\" }, { \"zh_TW\": \"B\" }, { \"zh_TW\": \"C\" }, { \"zh_TW\": \"D\" } ],\n"
  "                  \"answer\": 2, \"explanation\": { \"zh_TW\": \"因為。\" },\n"
  "                  \"option_explanations\": [ { \"zh_TW\": \"a\" }, { \"zh_TW\": \"b\" }, { \"zh_TW\": \"c\" }, { \"zh_TW\": \"d\" } ] } ],\n"
  "      \"references\": [ { \"title\": \"Paper\", \"authors\": \"A et al.\", \"year\": 2017,\n"
  "                        \"venue\": \"NeurIPS\", \"arxiv\": \"1706.03762\", \"url\": \"https://example.org/\" } ],\n"
  "      \"last_reviewed\": \"2026-01-02\"\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"my-basic\",\n"
  "      \"category\": \"basics\",\n"
  "      \"origin\": \"added\",\n"
  "      \"question\": { \"zh_TW\": \"基本？\", \"en\": \"Basic?\" },\n"
  "      \"difficulty\": \"basic\",\n"
  "      \"tags\": []\n"
  "    }\n"
  "  ]\n"
  "}\n";

typedef struct
{
  char        *dir;
  char        *packs;
  PrepLibrary *library;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("llm-prep-packs-XXXXXX", &error);
  g_assert_no_error (error);
  f->packs = g_build_filename (f->dir, "packs", NULL);
  f->library = prep_library_new ("zh_TW");
  g_assert_true (prep_library_load_resources (f->library, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  prep_test_remove_tree (f->dir);
  /* A worker thread of a GTask drops its reference (to an import, which
   * holds the library) a moment after the task's callback has run. */
  for (guint i = 0; i < 2000 && G_OBJECT (f->library)->ref_count > 1; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
  g_assert_finalize_object (f->library);
  g_free (f->packs);
  g_free (f->dir);
}

static void
write_pack (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (f->packs, name, NULL);

  prep_test_write_file (path, contents);
}

static char *
read_pack (Fixture    *f,
           const char *name)
{
  g_autofree char *path = g_build_filename (f->packs, name, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  return contents;
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = parse (text);

  return json_object_ref (json_node_get_object (node));
}

static char *
issues_to_string (GPtrArray *issues)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < issues->len; i++)
    {
      g_autofree char *line = prep_content_issue_to_string (g_ptr_array_index (issues, i));
      g_string_append_printf (str, "%s\n", line);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static PrepPackStore *
load_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PrepPackStore *store = prep_pack_store_new (f->library, f->packs);

  g_assert_true (prep_pack_store_load (store, &error));
  g_assert_no_error (error);

  return store;
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n)
{
  (*n)++;
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(PrepPackStore) store = NULL;
  GListModel *categories = prep_library_get_categories (f->library);
  GListModel *questions = prep_library_get_questions (f->library);
  guint n_categories = g_list_model_get_n_items (categories);
  guint n_questions = g_list_model_get_n_items (questions);
  g_autoptr(PrepCategory) last = NULL;
  g_autoptr(PrepCategory) first = NULL;
  g_autoptr(PrepQuestion) after_basics = NULL;
  PrepCategory *basics = prep_library_lookup_category (f->library, "basics");
  guint n_basics = prep_category_get_n_questions (basics);
  guint changes = 0, basics_changes = 0;
  PrepQuestion *question;

  g_signal_connect (categories, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  g_signal_connect (prep_category_get_questions (basics), "items-changed", G_CALLBACK (count_changes_cb), &basics_changes);

  write_pack (f, "robots.json", full_pack);
  store = load_store (f);
  g_assert_cmpuint (prep_pack_store_get_issues (store)->len, ==, 0);

  /* The pack's category after the bundled ones, its questions in it and in
   * the bundled category it names; the lists said so. */
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, n_categories + 1);
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, n_questions + 2);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (basics_changes, ==, 1);
  last = g_list_model_get_item (categories, n_categories);
  g_assert_cmpstr (prep_category_get_id (last), ==, "robotics");
  g_assert_cmpstr (prep_category_get_pack_id (last), ==, "robots");
  g_assert_cmpuint (prep_category_get_position (last), ==, n_categories);
  first = g_list_model_get_item (categories, 0);
  g_assert_null (prep_category_get_pack_id (first));
  g_assert_cmpuint (prep_category_get_n_questions (basics), ==, n_basics + 1);

  question = prep_library_lookup_question (f->library, "robot-arm");
  g_assert_nonnull (question);
  g_assert_cmpstr (prep_question_get_pack_id (question), ==, "robots");
  g_assert_cmpint (prep_question_get_origin (question), ==, PREP_ORIGIN_USER);
  g_assert_null (prep_question_get_pack_id (prep_library_lookup_question (f->library, "what-is-llm")));

  /* The library's list is still its categories' lists one after the other. */
  after_basics = g_list_model_get_item (questions, n_basics);
  g_assert_cmpstr (prep_question_get_id (after_basics), ==, "my-basic");
  {
    g_autoptr(PrepQuestion) tail = g_list_model_get_item (questions, n_questions + 1);
    g_assert_cmpstr (prep_question_get_id (tail), ==, "robot-arm");
  }

  g_signal_handlers_disconnect_by_func (categories, count_changes_cb, &changes);
  g_signal_handlers_disconnect_by_func (prep_category_get_questions (basics), count_changes_cb, &basics_changes);
}

/* Every question and category of the pack, written from the model, is
 * what the file says. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PrepPackStore) store = NULL;
  g_autoptr(JsonNode) original = parse (full_pack);
  JsonArray *questions = json_object_get_array_member (json_node_get_object (original), "questions");
  JsonArray *categories = json_object_get_array_member (json_node_get_object (original), "categories");

  write_pack (f, "robots.json", full_pack);
  store = load_store (f);

  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonNode *expected = json_array_get_element (questions, i);
      const char *id = json_object_get_string_member (json_node_get_object (expected), "id");
      g_autoptr(JsonObject) object = prep_question_to_json (prep_library_lookup_question (f->library, id));
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

      g_assert_true (json_node_equal (node, expected));
    }
  g_assert_cmpuint (json_array_get_length (categories), ==, 1);

  /* A save rewrites the pack from the model: it still says the same, and
   * a fresh library reads it back as the same model. */
  {
    g_autoptr(JsonObject) changed = prep_question_to_json (prep_library_lookup_question (f->library, "my-basic"));
    g_autoptr(GError) error = NULL;
    g_autoptr(PrepLibrary) library = prep_library_new ("zh_TW");
    g_autoptr(PrepPackStore) again = NULL;
    g_autofree char *text = NULL;
    g_autoptr(JsonNode) written = NULL;

    json_object_set_string_member (changed, "difficulty", "intermediate");
    g_assert_true (prep_pack_store_save_question (store, changed, "my-basic", &error));
    g_assert_no_error (error);

    text = read_pack (f, "robots.json");
    written = parse (text);
    json_object_set_string_member (json_array_get_object_element (questions, 1), "difficulty", "intermediate");
    g_assert_true (json_node_equal (written, original));

    g_assert_true (prep_library_load_resources (library, NULL, &error));
    again = prep_pack_store_new (library, f->packs);
    g_assert_true (prep_pack_store_load (again, &error));
    g_assert_cmpuint (prep_pack_store_get_issues (again)->len, ==, 0);
    for (guint i = 0; i < json_array_get_length (questions); i++)
      {
        JsonNode *expected = json_array_get_element (questions, i);
        const char *id = json_object_get_string_member (json_node_get_object (expected), "id");
        g_autoptr(JsonObject) object = prep_question_to_json (prep_library_lookup_question (library, id));
        g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

        g_assert_true (json_node_equal (node, expected));
      }
    g_assert_cmpstr (prep_category_get_title (prep_library_lookup_category (library, "robotics")), ==, "機器人");
    g_assert_cmpstr (prep_category_get_description (prep_library_lookup_category (library, "robotics")), ==, "說明");
  }
}

static const char *simple_pack =
  "{ \"schema_version\": 1, \"questions\": [ { \"id\": \"%s\", \"category\": \"%s\", \"origin\": \"user\",\n"
  "  \"question\": { \"zh_TW\": \"問？\", \"en\": \"Q?\" }, \"difficulty\": \"basic\", \"tags\": [] } ] }\n";

static void
write_simple_pack (Fixture    *f,
                   const char *name,
                   const char *id,
                   const char *category)
{
  g_autofree char *text = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  text = g_strdup_printf (simple_pack, id, category);
#pragma GCC diagnostic pop

  write_pack (f, name, text);
}

/* A pack with problems is skipped, reported with where, and never written
 * over; the others load. */
static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  static const char *broken = "{ \"schema_version\": 1,\n  \"questions\": [ { \"id\": \"x\", } ]\n}\n";
  static const char *newer = "{ \"schema_version\": 2, \"questions\": [] }\n";
  g_autoptr(PrepPackStore) store = NULL;
  g_autofree char *report = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_newer = NULL;
  g_autoptr(JsonObject) question = parse_object ("{ \"id\": \"new-one\", \"category\": \"basics\", \"origin\": \"user\","
                                                 "  \"question\": { \"zh_TW\": \"新？\", \"en\": \"New?\" },"
                                                 "  \"difficulty\": \"basic\", \"tags\": [] }");
  g_autoptr(GError) error = NULL;
  GPtrArray *issues;

  write_pack (f, "broken.json", broken);
  write_pack (f, "future.json", newer);
  write_simple_pack (f, "good.json", "good-question", "basics");
  write_pack (f, "Not An Id.json", full_pack);
  store = load_store (f);

  issues = prep_pack_store_get_issues (store);
  report = issues_to_string (issues);
  g_test_message ("%s", report);
  g_assert_nonnull (strstr (report, "broken.json:2:"));
  g_assert_nonnull (strstr (report, "future.json:1:"));
  g_assert_nonnull (strstr (report, "unknown schema version 2"));
  g_assert_nonnull (strstr (report, "Not An Id.json"));
  g_assert_cmpuint (issues->len, ==, 3);
  g_assert_nonnull (prep_library_lookup_question (f->library, "good-question"));
  g_assert_null (prep_library_lookup_question (f->library, "robot-arm"));

  /* Saving goes to the default pack, never to the broken ones. */
  g_assert_true (prep_pack_store_save_question (store, question, NULL, &error));
  g_assert_no_error (error);
  after = read_pack (f, "broken.json");
  g_assert_cmpstr (after, ==, broken);
  after_newer = read_pack (f, "future.json");
  g_assert_cmpstr (after_newer, ==, newer);
}

/* A default pack that has problems is not written over by a new question. */
static void
test_corrupt_default (Fixture       *f,
                      gconstpointer  data)
{
  static const char *broken = "{ \"schema_version\": 1, \"questions\": [ 1 ] }\n";
  g_autoptr(PrepPackStore) store = NULL;
  g_autoptr(JsonObject) question = parse_object ("{ \"id\": \"new-one\", \"category\": \"my-questions\", \"origin\": \"user\","
                                                 "  \"question\": { \"zh_TW\": \"新？\", \"en\": \"New?\" },"
                                                 "  \"difficulty\": \"basic\", \"tags\": [] }");
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  guint n = g_list_model_get_n_items (prep_library_get_questions (f->library));

  write_pack (f, PREP_PACK_DEFAULT_ID ".json", broken);
  store = load_store (f);
  g_assert_cmpuint (prep_pack_store_get_issues (store)->len, ==, 1);

  g_assert_false (prep_pack_store_save_question (store, question, NULL, &error));
  g_assert_nonnull (error);
  after = read_pack (f, PREP_PACK_DEFAULT_ID ".json");
  g_assert_cmpstr (after, ==, broken);
  g_assert_cmpuint (g_list_model_get_n_items (prep_library_get_questions (f->library)), ==, n);
}

static void
test_clashes (Fixture       *f,
              gconstpointer  data)
{
  static const char *bundled_category =
    "{ \"schema_version\": 1, \"categories\": [ { \"id\": \"basics\", \"title\": { \"zh_TW\": \"基\", \"en\": \"B\" } } ] }\n";
  g_autoptr(PrepPackStore) store = NULL;
  g_autofree char *report = NULL;
  GPtrArray *issues;

  write_simple_pack (f, "a.json", "pack-question", "basics");
  write_simple_pack (f, "b.json", "pack-question", "basics");
  write_simple_pack (f, "c.json", "what-is-llm", "basics");
  write_pack (f, "d.json", bundled_category);
  write_pack (f, "robots.json", full_pack);
  write_pack (f, "robots-again.json", full_pack);
  store = load_store (f);

  issues = prep_pack_store_get_issues (store);
  report = issues_to_string (issues);
  g_test_message ("%s", report);
  /* The first of two packs wins; the second, a bundled id and a bundled
   * category are problems of their packs, with where they are. */
  g_assert_nonnull (prep_library_lookup_question (f->library, "pack-question"));
  g_assert_cmpstr (prep_question_get_pack_id (prep_library_lookup_question (f->library, "pack-question")), ==, "a");
  g_assert_nonnull (strstr (report, "b.json:1:"));
  g_assert_nonnull (strstr (report, "question id “pack-question” is taken (by the pack “a”)"));
  g_assert_nonnull (strstr (report, "question id “what-is-llm” is taken (by the bundled content)"));
  g_assert_nonnull (strstr (report, "d.json:1:"));
  g_assert_nonnull (strstr (report, "category id “basics” is taken"));
  /* robots.json comes after robots-again.json in name order: its category is taken. */
  g_assert_cmpstr (prep_question_get_pack_id (prep_library_lookup_question (f->library, "robot-arm")), ==, "robots-again");
  g_assert_nonnull (strstr (report, "robots.json:"));
  g_assert_cmpuint (issues->len, ==, 4);
  g_assert_null (prep_question_get_pack_id (prep_library_lookup_question (f->library, "what-is-llm")));
}

static JsonObject *
new_question (const char *id,
              const char *category,
              const char *title)
{
  JsonObject *object = json_object_new ();
  JsonObject *text = json_object_new ();

  json_object_set_string_member (text, "zh_TW", title);
  json_object_set_string_member (text, "en", title);
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "category", category);
  json_object_set_string_member (object, "origin", "user");
  json_object_set_object_member (object, "question", text);
  json_object_set_string_member (object, "difficulty", "basic");
  json_object_set_array_member (object, "tags", json_array_new ());

  return object;
}

/* The first question creates the default pack and its category; an edit
 * keeps its place, a delete can be undone by saving it again. */
static void
test_save_delete (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PrepPackStore) store = load_store (f);
  g_autoptr(JsonObject) first = new_question ("first", PREP_PACK_DEFAULT_CATEGORY, "First");
  g_autoptr(JsonObject) second = new_question ("second", "basics", "Second");
  g_autoptr(JsonObject) renamed = new_question ("first-renamed", PREP_PACK_DEFAULT_CATEGORY, "First again");
  g_autoptr(JsonObject) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before_delete = NULL;
  g_autofree char *after_undo = NULL;
  GListModel *questions = prep_library_get_questions (f->library);
  guint n = g_list_model_get_n_items (questions);
  PrepCategory *mine;

  g_assert_true (prep_pack_store_save_question (store, first, NULL, &error));
  g_assert_no_error (error);
  mine = prep_library_lookup_category (f->library, PREP_PACK_DEFAULT_CATEGORY);
  g_assert_nonnull (mine);
  g_assert_cmpstr (prep_category_get_title (mine), ==, "我的題目");
  g_assert_cmpstr (prep_category_get_pack_id (mine), ==, PREP_PACK_DEFAULT_ID);
  g_assert_true (prep_pack_store_save_question (store, second, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, n + 2);

  /* Renamed in place. */
  g_assert_true (prep_pack_store_save_question (store, renamed, "first", &error));
  g_assert_no_error (error);
  g_assert_null (prep_library_lookup_question (f->library, "first"));
  g_assert_nonnull (prep_library_lookup_question (f->library, "first-renamed"));
  g_assert_cmpuint (prep_category_get_n_questions (mine), ==, 1);
  {
    g_autoptr(PrepQuestion) last = g_list_model_get_item (questions, g_list_model_get_n_items (questions) - 1);
    g_assert_cmpstr (prep_question_get_id (last), ==, "first-renamed");
  }

  /* Bundled questions are not changed. */
  g_assert_false (prep_pack_store_save_question (store, second, "what-is-llm", &error));
  g_assert_error (error, PREP_CONTENT_ERROR, PREP_CONTENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (prep_pack_store_delete_question (store, "what-is-llm", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_clear_error (&error);

  before_delete = read_pack (f, PREP_PACK_DEFAULT_ID ".json");
  deleted = prep_pack_store_delete_question (store, "second", &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  g_assert_null (prep_library_lookup_question (f->library, "second"));
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, n + 1);
  {
    g_autofree char *text = read_pack (f, PREP_PACK_DEFAULT_ID ".json");
    g_assert_null (strstr (text, "\"second\""));
  }

  g_assert_true (prep_pack_store_save_question (store, deleted, NULL, &error));
  g_assert_no_error (error);
  after_undo = read_pack (f, PREP_PACK_DEFAULT_ID ".json");
  /* Undone, the pack is as it was but for the order: the question is last. */
  g_assert_nonnull (prep_library_lookup_question (f->library, "second"));
  g_assert_cmpuint (strlen (after_undo), ==, strlen (before_delete));
}

/* A save that cannot be written changes nothing, in memory or on disk. */
static void
test_save_failure (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PrepPackStore) store = NULL;
  g_autoptr(JsonObject) edited = new_question ("robot-arm", "robotics", "Changed");
  g_autoptr(JsonObject) added = new_question ("added", PREP_PACK_DEFAULT_CATEGORY, "Added");
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = g_build_filename (f->dir, "moved", NULL);
  g_autofree char *text = NULL;
  guint n;

  write_pack (f, "robots.json", full_pack);
  store = load_store (f);
  n = g_list_model_get_n_items (prep_library_get_questions (f->library));

  /* The folder is gone and a file is where it was: nothing can be written. */
  g_assert_cmpint (g_rename (f->packs, moved), ==, 0);
  prep_test_write_file (f->packs, "not a folder");

  g_assert_false (prep_pack_store_save_question (store, edited, "robot-arm", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpstr (prep_question_get_title (prep_library_lookup_question (f->library, "robot-arm")), ==, "機械手臂？");

  g_assert_false (prep_pack_store_save_question (store, added, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (prep_library_lookup_question (f->library, "added"));
  g_assert_null (prep_library_lookup_category (f->library, PREP_PACK_DEFAULT_CATEGORY));

  g_assert_null (prep_pack_store_delete_question (store, "robot-arm", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (prep_library_lookup_question (f->library, "robot-arm"));
  g_assert_cmpuint (g_list_model_get_n_items (prep_library_get_questions (f->library)), ==, n);

  g_unlink (f->packs);
  g_assert_cmpint (g_rename (moved, f->packs), ==, 0);
  text = read_pack (f, "robots.json");
  g_assert_cmpstr (text, ==, full_pack);
}

/* What the editor shows: issues relative to the question. */
static void
test_check_question (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PrepPackStore) store = NULL;
  g_autoptr(JsonObject) question = new_question ("robot-arm", "nowhere", "Q");
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(JsonObject) good = new_question ("fine", "robotics", "Q");
  g_autoptr(JsonObject) taken = new_question ("what-is-llm", "robotics", "Q");
  g_autoptr(GPtrArray) taken_issues = NULL;
  g_autofree char *report = NULL;
  JsonArray *quiz = json_array_new ();
  JsonObject *item = json_object_new ();

  write_pack (f, "robots.json", full_pack);
  store = load_store (f);

  json_object_set_int_member (item, "answer", 7);
  json_array_add_object_element (quiz, item);
  json_object_set_array_member (question, "quiz", quiz);
  issues = prep_pack_store_check_question (store, question, "robot-arm");
  report = issues_to_string (issues);
  g_test_message ("%s", report);
  g_assert_nonnull (strstr (report, "$.quiz[0].answer: answer index 7 is out of range"));
  g_assert_nonnull (strstr (report, "$.quiz[0]: missing required member “prompt”"));
  g_assert_null (strstr (report, "questions[0]"));

  {
    g_autoptr(JsonObject) lost = new_question ("lost", "nowhere", "Q");
    g_autoptr(GPtrArray) lost_issues = prep_pack_store_check_question (store, lost, NULL);
    g_autofree char *lost_report = issues_to_string (lost_issues);

    g_assert_nonnull (strstr (lost_report, "$: unknown category “nowhere”"));
  }

  none = prep_pack_store_check_question (store, good, NULL);
  g_assert_cmpuint (none->len, ==, 0);

  taken_issues = prep_pack_store_check_question (store, taken, NULL);
  g_assert_cmpuint (taken_issues->len, ==, 1);
  g_assert_cmpstr (((PrepContentIssue *) g_ptr_array_index (taken_issues, 0))->path, ==, "$.id");
}

static void
test_new_question_id (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PrepPackStore) store = load_store (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = prep_pack_store_new_question_id (store, "What is a KV-cache?");
  g_autofree char *b = prep_pack_store_new_question_id (store, "什麼是大語言模型？");
  g_autofree char *c = prep_pack_store_new_question_id (store, "what is LLM");
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;
  g_autofree char *g = NULL;
  g_autofree char *long_id = prep_pack_store_new_question_id (store, "word word word word word word word word word word "
                                                                     "word word word word word word word word word word");
  g_autoptr(JsonObject) question = NULL;

  g_assert_cmpstr (a, ==, "what-is-a-kv-cache");
  g_assert_cmpstr (b, ==, "my-question-1");
  /* Taken by the bundled content: */
  g_assert_nonnull (prep_library_lookup_question (f->library, "what-is-llm"));
  d = prep_pack_store_new_question_id (store, "What is LLM?");
  g_assert_cmpstr (d, ==, "what-is-llm-2");
  g_assert_cmpstr (c, ==, "what-is-llm-2");
  g_assert_true (prep_content_id_is_valid (long_id));
  g_assert_cmpuint (strlen (long_id), <=, PREP_PACK_SLUG_MAX);

  question = new_question (b, "basics", "Q");
  g_assert_true (prep_pack_store_save_question (store, question, NULL, &error));
  g_assert_no_error (error);
  e = prep_pack_store_new_question_id (store, "？？");
  g_assert_cmpstr (e, ==, "my-question-2");
  g = prep_pack_store_new_question_id (store, NULL);
  g_assert_cmpstr (g, ==, "my-question-2");
}

/* Text a pack may hold that is hard to write: quotes, backslashes,
 * control characters, right-to-left marks, astral characters, a "\u2028". */
static void
test_hostile_strings (Fixture       *f,
                      gconstpointer  data)
{
  static const char *hostile = "\"quoted\" \\back\\ \t tab \x01 ctl \u200f rtl 😀 \u2028 </script> %s %n";
  g_autoptr(PrepPackStore) store = load_store (f);
  g_autoptr(JsonObject) question = new_question ("hostile", "basics", hostile);
  g_autoptr(GError) error = NULL;
  g_autoptr(PrepLibrary) library = prep_library_new ("zh_TW");
  g_autoptr(PrepPackStore) again = NULL;

  g_assert_true (prep_pack_store_save_question (store, question, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (prep_library_load_resources (library, NULL, &error));
  again = prep_pack_store_new (library, f->packs);
  g_assert_true (prep_pack_store_load (again, &error));
  g_assert_cmpuint (prep_pack_store_get_issues (again)->len, ==, 0);
  g_assert_cmpstr (prep_question_get_title (prep_library_lookup_question (library, "hostile")), ==, hostile);
}

static gboolean
results_have (GListModel *results,
              const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PrepSearchResult) result = g_list_model_get_item (results, i);

      if (g_str_equal (prep_question_get_id (prep_search_result_get_question (result)), id))
        return TRUE;
    }

  return FALSE;
}

/* A search made before a question is saved finds it after, and not once
 * it is deleted. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PrepPackStore) store = load_store (f);
  g_autoptr(PrepSearch) search = prep_search_new (f->library, NULL);
  g_autoptr(JsonObject) question = new_question ("zebra-question", "basics", "Zebrafish attention");
  g_autoptr(JsonObject) deleted = NULL;
  g_autoptr(GListModel) before = prep_search_query (search, "zebrafish");
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GListModel) gone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (results_have (before, "zebra-question"));
  g_assert_true (prep_pack_store_save_question (store, question, NULL, &error));
  g_assert_no_error (error);
  after = prep_search_query (search, "zebrafish");
  g_assert_true (results_have (after, "zebra-question"));

  deleted = prep_pack_store_delete_question (store, "zebra-question", &error);
  g_assert_no_error (error);
  gone = prep_search_query (search, "zebrafish");
  g_assert_false (results_have (gone, "zebra-question"));
}

/* No folder: no packs, nothing reported, nothing created. */
static void
test_no_folder (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PrepPackStore) store = load_store (f);

  g_assert_cmpuint (prep_pack_store_get_issues (store)->len, ==, 0);
  g_assert_false (g_file_test (f->packs, G_FILE_TEST_EXISTS));
}


static PrepPackImport *
read_import (PrepPackStore *store,
             const char    *path,
             gboolean       ok)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PrepPackImport *import = prep_pack_import_new (store, file);

  if (ok)
    {
      g_assert_true (prep_pack_import_read (import, NULL, &error));
      g_assert_no_error (error);
    }
  else
    {
      g_assert_false (prep_pack_import_read (import, NULL, &error));
      g_assert_error (error, PREP_CONTENT_ERROR, PREP_CONTENT_ERROR_INVALID);
    }

  return import;
}

/* A file with problems imports nothing and says why, where. */
static void
test_import_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PrepPackStore) store = load_store (f);
  g_autofree char *bad_json = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *future = g_build_filename (f->dir, "future.json", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.json", NULL);
  g_autoptr(PrepPackImport) a = NULL;
  g_autoptr(PrepPackImport) b = NULL;
  g_autoptr(PrepPackImport) c = NULL;
  g_autofree char *report_a = NULL;
  g_autofree char *report_b = NULL;
  g_autofree char *report_c = NULL;
  g_autofree char *expected = NULL;
  guint n = g_list_model_get_n_items (prep_library_get_questions (f->library));

  prep_test_write_file (bad_json, "{\n  \"schema_version\": 1,\n  \"questions\": [ oops ]\n}\n");
  prep_test_write_file (future, "{ \"schema_version\": 7, \"questions\": [] }\n");

  a = read_import (store, bad_json, FALSE);
  report_a = issues_to_string (prep_pack_import_get_issues (a));
  g_test_message ("%s", report_a);
  expected = g_strdup_printf ("%s:3:", bad_json);
  g_assert_true (g_str_has_prefix (report_a, expected));
  g_assert_nonnull (strstr (report_a, "malformed JSON"));

  b = read_import (store, future, FALSE);
  report_b = issues_to_string (prep_pack_import_get_issues (b));
  g_assert_nonnull (strstr (report_b, "unknown schema version 7"));

  c = read_import (store, missing, FALSE);
  report_c = issues_to_string (prep_pack_import_get_issues (c));
  g_assert_nonnull (strstr (report_c, "cannot read"));

  g_assert_cmpuint (g_list_model_get_n_items (prep_library_get_questions (f->library)), ==, n);
  g_assert_false (g_file_test (f->packs, G_FILE_TEST_EXISTS));
}

static const char *clashing_pack =
  "{ \"schema_version\": 1,\n"
  "  \"categories\": [ { \"id\": \"basics\", \"title\": { \"zh_TW\": \"我的基礎\", \"en\": \"My basics\" } } ],\n"
  "  \"questions\": [\n"
  "    { \"id\": \"what-is-llm\", \"category\": \"basics\", \"origin\": \"user\",\n"
  "      \"question\": { \"zh_TW\": \"我的 LLM？\", \"en\": \"My LLM?\" }, \"difficulty\": \"basic\", \"tags\": [] },\n"
  "    { \"id\": \"what-is-llm-2\", \"category\": \"tools\", \"origin\": \"user\",\n"
  "      \"question\": { \"zh_TW\": \"另一題？\", \"en\": \"Another?\" }, \"difficulty\": \"basic\", \"tags\": [] },\n"
  "    { \"id\": \"bert-vs-gpt\", \"category\": \"tools\", \"origin\": \"user\",\n"
  "      \"question\": { \"zh_TW\": \"第三題？\", \"en\": \"Third?\" }, \"difficulty\": \"basic\", \"tags\": [] }\n"
  "  ] }\n";

static PrepPackClash *
find_clash (GPtrArray  *clashes,
            const char *id)
{
  for (guint i = 0; i < clashes->len; i++)
    if (g_str_equal (((PrepPackClash *) g_ptr_array_index (clashes, i))->id, id))
      return g_ptr_array_index (clashes, i);

  return NULL;
}

/* Taken ids are offered a free one each; the caller may choose another. */
static void
test_import_clashes (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PrepPackStore) store = load_store (f);
  g_autofree char *path = g_build_filename (f->dir, "My Pack!.json", NULL);
  g_autoptr(PrepPackImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *clashes;
  PrepCategory *category;
  PrepQuestion *question;

  prep_test_write_file (path, clashing_pack);
  import = read_import (store, path, TRUE);
  g_assert_cmpstr (prep_pack_import_get_pack_id (import), ==, "my-pack");
  g_assert_cmpuint (prep_pack_import_get_n_questions (import), ==, 3);
  g_assert_cmpuint (prep_pack_import_get_n_categories (import), ==, 1);

  clashes = prep_pack_import_get_clashes (import);
  g_assert_cmpuint (clashes->len, ==, 3);
  g_assert_cmpint (find_clash (clashes, "basics")->kind, ==, PREP_PACK_ID_CATEGORY);
  g_assert_cmpstr (find_clash (clashes, "basics")->rename_to, ==, "basics-2");
  /* "what-is-llm-2" is the file's own: the suggestion skips it. */
  g_assert_cmpstr (find_clash (clashes, "what-is-llm")->rename_to, ==, "what-is-llm-3");
  g_assert_cmpstr (find_clash (clashes, "bert-vs-gpt")->rename_to, ==, "bert-vs-gpt-2");
  g_assert_null (find_clash (clashes, "what-is-llm-2"));

  /* Malformed and taken ids are refused; a free one is taken. */
  g_assert_false (prep_pack_import_rename (import, PREP_PACK_ID_QUESTION, "what-is-llm", "Bad Id", &error));
  g_clear_error (&error);
  g_assert_false (prep_pack_import_rename (import, PREP_PACK_ID_QUESTION, "what-is-llm", "transformer-architecture", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (prep_pack_import_rename (import, PREP_PACK_ID_QUESTION, "what-is-llm", "what-is-llm-2", &error));
  g_clear_error (&error);
  g_assert_false (prep_pack_import_rename (import, PREP_PACK_ID_QUESTION, "what-is-llm", "bert-vs-gpt-2", &error));
  g_clear_error (&error);
  g_assert_true (prep_pack_import_rename (import, PREP_PACK_ID_QUESTION, "what-is-llm", "my-llm", &error));
  g_assert_no_error (error);

  g_assert_true (prep_pack_import_commit (import, &error));
  g_assert_no_error (error);

  category = prep_library_lookup_category (f->library, "basics-2");
  g_assert_nonnull (category);
  g_assert_cmpstr (prep_category_get_title (category), ==, "我的基礎");
  g_assert_cmpstr (prep_category_get_pack_id (category), ==, "my-pack");
  question = prep_library_lookup_question (f->library, "my-llm");
  g_assert_nonnull (question);
  g_assert_cmpstr (prep_question_get_category_id (question), ==, "basics-2");
  g_assert_cmpstr (prep_question_get_title (prep_library_lookup_question (f->library, "what-is-llm")), !=, "我的 LLM？");
  g_assert_nonnull (prep_library_lookup_question (f->library, "bert-vs-gpt-2"));
  g_assert_nonnull (prep_library_lookup_question (f->library, "what-is-llm-2"));

  /* The pack is on disk as it is in the library: a fresh one reads it. */
  {
    g_autoptr(PrepLibrary) library = prep_library_new ("zh_TW");
    g_autoptr(PrepPackStore) again = NULL;

    g_assert_true (prep_library_load_resources (library, NULL, &error));
    again = prep_pack_store_new (library, f->packs);
    g_assert_true (prep_pack_store_load (again, &error));
    g_assert_cmpuint (prep_pack_store_get_issues (again)->len, ==, 0);
    g_assert_cmpstr (prep_question_get_category_id (prep_library_lookup_question (library, "my-llm")), ==, "basics-2");
  }

  /* The same file again is a pack of its own, with another name. */
  {
    g_autoptr(PrepPackImport) second = read_import (store, path, TRUE);

    g_assert_cmpstr (prep_pack_import_get_pack_id (second), ==, "my-pack-2");
  }
}

static void
fraction_cb (PrepPackImport *import,
             GParamSpec     *pspec,
             double         *last)
{
  double fraction = prep_pack_import_get_fraction (import);

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  gboolean *done = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (prep_pack_import_read_finish (PREP_PACK_IMPORT (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
commit_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  gboolean *done = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (prep_pack_import_commit_finish (PREP_PACK_IMPORT (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  gboolean *done = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (prep_pack_store_load_finish (PREP_PACK_STORE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
count_loaded_cb (guint *loaded)
{
  (*loaded)++;
}

static char *
big_pack (guint n)
{
  GString *str = g_string_new ("{ \"schema_version\": 1,\n"
                               "  \"categories\": [ { \"id\": \"big\", \"title\": { \"zh_TW\": \"大\", \"en\": \"Big\" } } ],\n"
                               "  \"questions\": [\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (str, "%s    { \"id\": \"big-%u\", \"category\": \"big\", \"origin\": \"user\", "
                            "\"question\": { \"zh_TW\": \"第 %u 題？\", \"en\": \"Question %u?\" }, "
                            "\"difficulty\": \"basic\", \"tags\": [ \"big\" ], "
                            "\"short_answer\": { \"zh_TW\": \"答 %u。\" } }",
                            i ? ",\n" : "", i, i, i, i);
  g_string_append (str, "\n  ] }\n");

  return g_string_free (str, FALSE);
}

/* In a thread, with the fraction notified on the main one up to 1. */
static void
test_import_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PrepPackStore) store = load_store (f);
  g_autofree char *path = g_build_filename (f->dir, "big.json", NULL);
  g_autofree char *text = big_pack (2000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PrepPackImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  double last = 0;
  guint n = g_list_model_get_n_items (prep_library_get_questions (f->library));

  prep_test_write_file (path, text);
  import = prep_pack_import_new (store, file);
  g_signal_connect (import, "notify::fraction", G_CALLBACK (fraction_cb), &last);
  prep_pack_import_read_async (import, NULL, read_done_cb, &done);
  while (!done || last < 1)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpuint (prep_pack_import_get_clashes (import)->len, ==, 0);

  /* Written in a thread; the library changes in finish(), not before. */
  done = FALSE;
  prep_pack_import_commit_async (import, NULL, commit_done_cb, &done);
  g_assert_cmpuint (g_list_model_get_n_items (prep_library_get_questions (f->library)), ==, n);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (prep_library_get_questions (f->library)), ==, n + 2000);
  g_assert_cmpuint (prep_category_get_n_questions (prep_library_lookup_category (f->library, "big")), ==, 2000);

  /* Read back in a thread, as at start-up, into another library. */
  {
    g_autoptr(PrepLibrary) library = prep_library_new ("zh_TW");
    g_autoptr(PrepPackStore) again = NULL;
    guint loaded = 0;

    g_assert_true (prep_library_load_resources (library, NULL, &error));
    again = prep_pack_store_new (library, f->packs);
    g_signal_connect_swapped (again, "loaded", G_CALLBACK (count_loaded_cb), &loaded);
    done = FALSE;
    prep_pack_store_load_async (again, NULL, load_done_cb, &done);
    g_assert_true (prep_pack_store_get_loading (again));
    g_assert_null (prep_library_lookup_question (library, "big-0"));
    /* Saves wait for the load. */
    {
      g_autoptr(JsonObject) question = new_question ("meanwhile", "basics", "Q");

      g_assert_false (prep_pack_store_save_question (again, question, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
      g_clear_error (&error);
    }
    while (!done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (prep_pack_store_get_loading (again));
    g_assert_cmpuint (loaded, ==, 1);
    g_assert_cmpuint (prep_pack_store_get_issues (again)->len, ==, 0);
    g_assert_cmpuint (prep_category_get_n_questions (prep_library_lookup_category (library, "big")), ==, 2000);
    g_assert_cmpstr (prep_question_get_pack_id (prep_library_lookup_question (library, "big-1999")), ==, "big");
  }
}

typedef struct
{
  guint n_done;
  guint n_committed;
} Commits;

static void
commit_counted_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  Commits *commits = data;
  g_autoptr(GError) error = NULL;

  if (prep_pack_import_commit_finish (PREP_PACK_IMPORT (object), result, &error))
    commits->n_committed++;
  else
    g_assert_nonnull (error);
  commits->n_done++;
}

/* The same file imported twice at once: one pack, its file whole; the
 * other import fails and leaves no file. */
static void
test_import_twice (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PrepPackStore) store = load_store (f);
  g_autofree char *path = g_build_filename (f->dir, "twice.json", NULL);
  g_autofree char *text = big_pack (50);
  g_autoptr(PrepPackImport) first = NULL;
  g_autoptr(PrepPackImport) second = NULL;
  g_autoptr(PrepLibrary) library = prep_library_new ("zh_TW");
  g_autoptr(PrepPackStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  Commits commits = { 0, 0 };

  prep_test_write_file (path, text);
  first = read_import (store, path, TRUE);
  second = read_import (store, path, TRUE);
  g_assert_cmpstr (prep_pack_import_get_pack_id (first), ==, prep_pack_import_get_pack_id (second));

  /* Whichever is written first is added; the other's file goes again. */
  prep_pack_import_commit_async (first, NULL, commit_counted_cb, &commits);
  prep_pack_import_commit_async (second, NULL, commit_counted_cb, &commits);
  while (commits.n_done < 2)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (commits.n_committed, ==, 1);
  g_assert_nonnull (prep_question_get_pack_id (prep_library_lookup_question (f->library, "big-0")));
  g_assert_true (prep_library_load_resources (library, NULL, &error));
  again = prep_pack_store_new (library, f->packs);
  g_assert_true (prep_pack_store_load (again, &error));
  g_assert_cmpuint (prep_pack_store_get_issues (again)->len, ==, 0);
  files = prep_pack_store_get_pack_ids (again);
  g_assert_cmpuint (g_strv_length (files), ==, 1);
  g_assert_cmpuint (prep_category_get_n_questions (prep_library_lookup_category (library, "big")), ==, 50);
}

static char *
refuse_forbidden_cb (const char *markdown,
                     guint      *line,
                     gpointer    data)
{
  const char *found = strstr (markdown, "FORBIDDEN");

  if (found == NULL)
    return NULL;
  for (const char *p = markdown; p < found; p++)
    *line += *p == '\n';
  return g_strdup ("forbidden here");
}

static void
read_fails_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  gboolean *done = data;
  g_autoptr(GError) error = NULL;

  g_assert_false (prep_pack_import_read_finish (PREP_PACK_IMPORT (object), result, &error));
  g_assert_error (error, PREP_CONTENT_ERROR, PREP_CONTENT_ERROR_INVALID);
  *done = TRUE;
}

/* The answers' Markdown is checked as --validate does, on the main
 * thread after the read, and placed in the file. */
static void
test_import_markdown (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PrepPackStore) store = load_store (f);
  g_autofree char *path = g_build_filename (f->dir, "markdown.json", NULL);
  g_autofree char *text = big_pack (1200);
  g_autofree char *report = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PrepPackImport) import = NULL;
  GString *edited = g_string_new (text);
  gboolean done = FALSE;

  /* Question 1100's short answer is not Markdown; give it a detailed one. */
  g_string_replace (edited, "\"short_answer\": { \"zh_TW\": \"答 1100。\" }",
                    "\"detailed_answer\": { \"zh_TW\": \"fine\\n\\nFORBIDDEN\" }", 1);
  prep_test_write_file (path, edited->str);
  g_string_free (edited, TRUE);

  prep_pack_store_set_markdown_check (store, refuse_forbidden_cb, NULL);
  import = prep_pack_import_new (store, file);
  prep_pack_import_read_async (import, NULL, read_fails_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  report = issues_to_string (prep_pack_import_get_issues (import));
  g_test_message ("%s", report);
  expected = g_strdup_printf ("%s:1104:", path);
  g_assert_true (g_str_has_prefix (report, expected));
  g_assert_nonnull (strstr (report, "$.questions[1100].detailed_answer.zh_TW: line 3 of the text: forbidden here"));
  g_assert_cmpuint (prep_pack_import_get_issues (import)->len, ==, 1);
}

static JsonNode *
question_node (PrepLibrary *library,
               const char  *id)
{
  JsonObject *object = prep_question_to_json (prep_library_lookup_question (library, id));
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

/* Exported, imported into another library, exported again: the same
 * questions and the same bytes. */
static void
test_export_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PrepPackStore) store = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) again_questions = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PrepLibrary) library = prep_library_new ("zh_TW");
  g_autoptr(PrepPackStore) other = NULL;
  g_autoptr(PrepPackImport) import = NULL;
  g_autofree char *other_dir = g_build_filename (f->dir, "other-packs", NULL);
  g_autofree char *path = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *text = NULL;

  write_pack (f, "robots.json", full_pack);
  store = load_store (f);

  questions = prep_pack_export_select (f->library, PREP_PACK_EXPORT_USER, NULL, NULL);
  g_assert_cmpuint (questions->len, ==, 2);
  bytes = prep_pack_export_json (questions, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* The user's category is in it, the bundled one only named. */
  g_assert_nonnull (strstr (text, "\"robotics\""));
  g_assert_null (strstr (text, "基本概念與理論"));
  prep_test_write_file (path, text);

  g_assert_true (prep_library_load_resources (library, NULL, &error));
  other = prep_pack_store_new (library, other_dir);
  g_assert_true (prep_pack_store_load (other, &error));
  import = read_import (other, path, TRUE);
  g_assert_cmpuint (prep_pack_import_get_clashes (import)->len, ==, 0);
  g_assert_true (prep_pack_import_commit (import, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < questions->len; i++)
    {
      const char *id = prep_question_get_id (g_ptr_array_index (questions, i));
      g_autoptr(JsonNode) a = question_node (f->library, id);
      g_autoptr(JsonNode) b = question_node (library, id);

      g_assert_true (json_node_equal (a, b));
      g_assert_cmpstr (prep_question_get_category_id (prep_library_lookup_question (library, id)), ==,
                       prep_question_get_category_id (prep_library_lookup_question (f->library, id)));
    }
  g_assert_cmpstr (prep_category_get_description (prep_library_lookup_category (library, "robotics")), ==, "說明");

  again_questions = prep_pack_export_select (library, PREP_PACK_EXPORT_USER, NULL, NULL);
  again_bytes = prep_pack_export_json (again_questions, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, again_bytes));

  /* A category, and bookmarks: a bundled question exports too. */
  {
    g_autoptr(GPtrArray) category = prep_pack_export_select (f->library, PREP_PACK_EXPORT_CATEGORY, "robotics", NULL);
    g_autoptr(GPtrArray) basics = prep_pack_export_select (f->library, PREP_PACK_EXPORT_CATEGORY, "basics", NULL);
    g_autoptr(GBytes) basics_bytes = prep_pack_export_json (basics, &error);
    g_autoptr(PrepContentLoader) loader = prep_content_loader_new (NULL, PREP_CONTENT_FLAGS_NONE);
    g_auto(GStrv) ids = prep_library_dup_question_ids (f->library);
    g_auto(GStrv) files = prep_library_list_resource_files (PREP_CONTENT_RESOURCE_PATH, &error);
    g_autoptr(GBytes) original = g_resources_lookup_data (files[0], 0, &error);
    g_autoptr(JsonNode) original_root = parse (g_bytes_get_data (original, NULL));
    JsonArray *originals = json_object_get_array_member (json_node_get_object (original_root), "questions");
    guint n_compared = 0;

    g_assert_cmpuint (category->len, ==, 1);
    g_assert_cmpuint (basics->len, ==, prep_category_get_n_questions (prep_library_lookup_category (f->library, "basics")));

    /* The bundled questions, read from the index, export as their files
     * say, member for member. */
    for (guint i = 0; i < json_array_get_length (originals); i++)
      {
        JsonNode *expected = json_array_get_element (originals, i);
        const char *id = json_object_get_string_member (json_node_get_object (expected), "id");
        g_autoptr(JsonNode) exported = question_node (f->library, id);

        g_assert_true (json_node_equal (exported, expected));
        n_compared++;
      }
    g_assert_cmpuint (n_compared, ==, basics->len - 1);

    g_assert_true (prep_library_add_resources_to_loader (loader, PREP_CONTENT_RESOURCE_PATH, TRUE, &error));
    prep_content_loader_add_external_ids (loader, (const char * const *) ids);
    prep_content_loader_add_bytes (loader, "basics.json", basics_bytes);
    g_assert_true (prep_content_loader_finish (loader));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/packs/load", test_load);
  ADD ("/packs/round-trip", test_round_trip);
  ADD ("/packs/corrupt", test_corrupt);
  ADD ("/packs/corrupt-default", test_corrupt_default);
  ADD ("/packs/clashes", test_clashes);
  ADD ("/packs/save-delete", test_save_delete);
  ADD ("/packs/save-failure", test_save_failure);
  ADD ("/packs/check-question", test_check_question);
  ADD ("/packs/new-question-id", test_new_question_id);
  ADD ("/packs/hostile-strings", test_hostile_strings);
  ADD ("/packs/no-folder", test_no_folder);
  ADD ("/packs/search", test_search);
  ADD ("/packs/import-errors", test_import_errors);
  ADD ("/packs/import-clashes", test_import_clashes);
  ADD ("/packs/import-async", test_import_async);
  ADD ("/packs/import-markdown", test_import_markdown);
  ADD ("/packs/import-twice", test_import_twice);
  ADD ("/packs/export-import", test_export_import);
#undef ADD

  return g_test_run ();
}
