/* test-user-data.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "prep-question-private.h"
#include "prep-test-files.h"
#include "prep-user-data.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static const char *note = "自注意力：softmax(QKᵀ/√dₖ)V — 記得講 √dₖ 的理由 ✓\n第二行：ＧＰＴ、“引號”、\"escape\"、emoji 🧠、tab\t。";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("llm-prep-userdata-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "llm-prep", "notes.json", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  prep_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
wait_until_saved (PrepUserData *data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (prep_user_data_get_dirty (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  PrepUserData *user = prep_user_data_new (f->path);
  PrepUserData *again = prep_user_data_new (f->path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;

  g_assert_true (prep_user_data_load (user, &error));
  g_assert_no_error (error);
  prep_user_data_set_bookmarked (user, "kv-cache", TRUE);
  prep_user_data_set_note (user, "self-attention", note);
  g_assert_true (prep_user_data_get_dirty (user));
  g_assert_true (prep_user_data_flush (user, &error));
  g_assert_no_error (error);
  g_assert_false (prep_user_data_get_dirty (user));

  g_assert_true (prep_user_data_load (again, &error));
  g_assert_true (prep_user_data_get_bookmarked (again, "kv-cache"));
  g_assert_false (prep_user_data_get_bookmarked (again, "self-attention"));
  g_assert_cmpstr (prep_user_data_get_note (again, "self-attention"), ==, note);
  g_assert_null (prep_user_data_get_note (again, "kv-cache"));
  ids = prep_user_data_list_ids (again);
  g_assert_cmpstrv (ids, ((const char *[]) { "kv-cache", "self-attention", NULL }));

  g_assert_finalize_object (user);
  g_assert_finalize_object (again);
}

/* Answers read: saved as "read": true beside the bookmark and note,
 * cleared without a trace. */
static void
test_read (Fixture       *f,
           gconstpointer  data)
{
  PrepUserData *user = prep_user_data_new (f->path);
  PrepUserData *again = prep_user_data_new (f->path);
  g_autofree char *contents = NULL;
  g_auto(GStrv) ids = NULL;

  g_assert_true (prep_user_data_load (user, NULL));
  prep_user_data_set_bookmarked (user, "kv-cache", TRUE);
  prep_user_data_set_read (user, "kv-cache", TRUE);
  prep_user_data_set_read (user, "self-attention", TRUE);
  prep_user_data_set_read (user, "tokenization", TRUE);
  prep_user_data_set_read (user, "tokenization", FALSE);
  g_assert_true (prep_user_data_flush (user, NULL));
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"read\""));
  g_assert_null (strstr (contents, "tokenization"));

  g_assert_true (prep_user_data_load (again, NULL));
  g_assert_true (prep_user_data_get_read (again, "kv-cache"));
  g_assert_true (prep_user_data_get_bookmarked (again, "kv-cache"));
  g_assert_true (prep_user_data_get_read (again, "self-attention"));
  g_assert_false (prep_user_data_get_bookmarked (again, "self-attention"));
  g_assert_false (prep_user_data_get_read (again, "tokenization"));
  ids = prep_user_data_list_ids (again);
  g_assert_cmpstrv (ids, ((const char *[]) { "kv-cache", "self-attention", NULL }));

  g_assert_finalize_object (user);
  g_assert_finalize_object (again);
}

static void
add_question (GListStore *questions,
              const char *id,
              gboolean    answered)
{
  g_autoptr(PrepQuestion) question = _prep_question_new (id, "zh_TW");

  if (answered)
    question->short_answer = prep_text_new ();
  g_list_store_append (questions, question);
}

/* Continue reading: from the question shown on, the first answered one
 * not read, going round; none when all are read. */
static void
test_find_unread (Fixture       *f,
                  gconstpointer  data)
{
  PrepUserData *user = prep_user_data_new (f->path);
  g_autoptr(GListStore) questions = g_list_store_new (PREP_TYPE_QUESTION);
  PrepQuestion *found;
  guint n_read = 99;

  prep_user_data_load (user, NULL);
  add_question (questions, "a", TRUE);
  add_question (questions, "b", TRUE);
  add_question (questions, "pending", FALSE);
  add_question (questions, "c", TRUE);
  add_question (questions, "d", TRUE);

  found = prep_user_data_find_unread (user, G_LIST_MODEL (questions), NULL, &n_read);
  g_assert_cmpstr (prep_question_get_id (found), ==, "a");
  g_assert_cmpuint (n_read, ==, 0);
  g_object_unref (found);

  prep_user_data_set_read (user, "a", TRUE);
  prep_user_data_set_read (user, "c", TRUE);
  found = prep_user_data_find_unread (user, G_LIST_MODEL (questions), "c", &n_read);
  g_assert_cmpstr (prep_question_get_id (found), ==, "d");
  g_assert_cmpuint (n_read, ==, 2);
  g_object_unref (found);

  /* The one shown, if it is not read yet; an unanswered one is skipped. */
  found = prep_user_data_find_unread (user, G_LIST_MODEL (questions), "b", NULL);
  g_assert_cmpstr (prep_question_get_id (found), ==, "b");
  g_object_unref (found);
  found = prep_user_data_find_unread (user, G_LIST_MODEL (questions), "pending", NULL);
  g_assert_cmpstr (prep_question_get_id (found), ==, "d");
  g_object_unref (found);

  /* Round to the start. */
  prep_user_data_set_read (user, "d", TRUE);
  found = prep_user_data_find_unread (user, G_LIST_MODEL (questions), "d", &n_read);
  g_assert_cmpstr (prep_question_get_id (found), ==, "b");
  g_assert_cmpuint (n_read, ==, 3);
  g_object_unref (found);

  prep_user_data_set_read (user, "b", TRUE);
  g_assert_null (prep_user_data_find_unread (user, G_LIST_MODEL (questions), "a", &n_read));
  g_assert_cmpuint (n_read, ==, 4);

  g_assert_true (prep_user_data_flush (user, NULL));
  g_assert_finalize_object (user);
}

static void
test_debounce (Fixture       *f,
               gconstpointer  data)
{
  PrepUserData *user = prep_user_data_new (f->path);
  g_autoptr(GString) typed = g_string_new (NULL);

  prep_user_data_load (user, NULL);

  /* Typing a note: one change per key, one write after the pause. */
  for (const char *p = note; *p; p = g_utf8_next_char (p))
    {
      g_string_append_len (typed, p, g_utf8_next_char (p) - p);
      prep_user_data_set_note (user, "self-attention", typed->str);
    }
  g_assert_cmpuint (prep_user_data_get_n_saves (user), ==, 0);
  wait_until_saved (user);
  g_assert_cmpuint (prep_user_data_get_n_saves (user), ==, 1);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));

  /* Nothing changed, nothing written. */
  prep_user_data_set_note (user, "self-attention", note);
  g_assert_true (prep_user_data_flush (user, NULL));
  g_assert_cmpuint (prep_user_data_get_n_saves (user), ==, 1);

  g_assert_finalize_object (user);
}

static void
test_flush_on_dispose (Fixture       *f,
                       gconstpointer  data)
{
  PrepUserData *user = prep_user_data_new (f->path);
  g_autoptr(PrepUserData) again = prep_user_data_new (f->path);

  prep_user_data_load (user, NULL);
  prep_user_data_set_note (user, "kv-cache", "written before quitting");
  g_assert_finalize_object (user);

  prep_user_data_load (again, NULL);
  g_assert_cmpstr (prep_user_data_get_note (again, "kv-cache"), ==, "written before quitting");
}

static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PrepUserData) user = prep_user_data_new (f->path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;

  prep_test_write_file (f->path, "{\"schema_version\": 1, \"questions\": {\"kv-cache\": ");
  g_assert_false (prep_user_data_load (user, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, ".corrupt-"));
  ids = prep_user_data_list_ids (user);
  g_assert_null (ids[0]);

  /* Work goes on in a new file. */
  prep_user_data_set_bookmarked (user, "kv-cache", TRUE);
  g_assert_true (prep_user_data_flush (user, NULL));
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_newer_version (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PrepUserData) user = prep_user_data_new (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  const char *future = "{\"schema_version\": 2, \"questions\": {\"kv-cache\": {\"note\": \"from v2\"}}}";

  prep_test_write_file (f->path, future);
  g_assert_false (prep_user_data_load (user, &error));
  g_assert_nonnull (error);
  g_assert_true (prep_user_data_get_read_only (user));
  g_assert_cmpstr (prep_user_data_get_note (user, "kv-cache"), ==, "from v2");

  /* Edits stay in memory for the session; the file is never overwritten. */
  prep_user_data_set_note (user, "kv-cache", "edited");
  g_assert_cmpstr (prep_user_data_get_note (user, "kv-cache"), ==, "edited");
  g_clear_error (&error);
  g_assert_false (prep_user_data_flush (user, &error));
  g_assert_nonnull (prep_user_data_get_save_error (user));
  g_assert_true (g_file_get_contents (f->path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, future);
}

static void
test_write_failure (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autoptr(PrepUserData) user = prep_user_data_new (f->path);
  g_autoptr(GError) error = NULL;

  prep_user_data_load (user, NULL);

  /* Unwritable (a file where the folder should be, which stops root too):
   * the note stays, pending, with the reason. */
  g_assert_true (g_file_set_contents (folder, "blocker", -1, NULL));
  prep_user_data_set_note (user, "kv-cache", note);
  g_assert_false (prep_user_data_flush (user, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (prep_user_data_get_save_error (user));
  g_assert_true (prep_user_data_get_dirty (user));
  g_assert_cmpstr (prep_user_data_get_note (user, "kv-cache"), ==, note);

  /* Retry once the disk is writable again. */
  g_unlink (folder);
  g_assert_true (prep_user_data_flush (user, NULL));
  g_assert_null (prep_user_data_get_save_error (user));
  g_assert_false (prep_user_data_get_dirty (user));
}

static void
test_keeps_unknown_members (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PrepUserData) user = prep_user_data_new (f->path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  prep_test_write_file (f->path, "{\"schema_version\": 1, \"questions\": {}, \"export\": {\"last\": \"x.md\"}}");
  g_assert_true (prep_user_data_load (user, NULL));
  prep_user_data_set_bookmarked (user, "kv-cache", TRUE);
  g_assert_true (prep_user_data_flush (user, NULL));

  g_assert_true (json_parser_load_from_file (parser, f->path, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "export"));
  g_assert_cmpint (json_object_get_int_member (root, "schema_version"), ==, 1);
}

static void
count_cb (PrepUserData *user,
          const char   *question_id,
          guint        *count)
{
  (*count)++;
}

static void
test_clearing (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PrepUserData) user = prep_user_data_new (f->path);
  g_auto(GStrv) ids = NULL;
  guint changes = 0;

  prep_user_data_load (user, NULL);
  g_signal_connect (user, "changed", G_CALLBACK (count_cb), &changes);

  /* A question with neither bookmark nor note is not kept; setting the
   * same value again is not a change. */
  prep_user_data_set_bookmarked (user, "a", TRUE);
  prep_user_data_set_bookmarked (user, "a", TRUE);
  prep_user_data_set_note (user, "a", "x");
  prep_user_data_set_note (user, "a", "");
  prep_user_data_set_bookmarked (user, "a", FALSE);
  g_assert_cmpuint (changes, ==, 4);
  ids = prep_user_data_list_ids (user);
  g_assert_null (ids[0]);
}

/* Reliability review U5: entries of another shape, and unknown members of
 * an entry, were dropped at the next save. They are kept. */
static void
test_keeps_odd_entries (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PrepUserData) user_data = prep_user_data_new (f->path);
  g_autoptr(JsonParser) before = json_parser_new ();
  g_autoptr(JsonParser) after = json_parser_new ();
  g_autofree char *saved = NULL;
  const char *text = "{\"schema_version\": 1, \"questions\": {"
                     "\"self-attention\": \"a note written as a bare string\", "
                     "\"bert-vs-gpt\": {\"note\": 12345, \"bookmarked\": \"yes\"}, "
                     "\"transformer-architecture\": {\"note\": [\"line one\", \"line two\"]}, "
                     "\"pretraining-and-fine-tuning\": {\"note\": \"kept\", \"bookmarked\": true, \"color\": \"red\"}}}";
  JsonObject *questions_before, *questions_after;
  g_autoptr(GList) ids = NULL;

  prep_test_write_file (f->path, text);
  g_assert_true (prep_user_data_load (user_data, NULL));
  g_assert_cmpstr (prep_user_data_get_note (user_data, "pretraining-and-fine-tuning"), ==, "kept");
  g_assert_true (prep_user_data_get_bookmarked (user_data, "pretraining-and-fine-tuning"));
  g_assert_null (prep_user_data_get_note (user_data, "transformer-architecture"));

  /* An unrelated change saves the file: everything else is as it was. */
  prep_user_data_set_bookmarked (user_data, "kv-cache", TRUE);
  g_assert_true (prep_user_data_flush (user_data, NULL));
  g_assert_true (g_file_get_contents (f->path, &saved, NULL, NULL));
  g_assert_true (json_parser_load_from_data (before, text, -1, NULL));
  g_assert_true (json_parser_load_from_data (after, saved, -1, NULL));
  questions_before = json_object_get_object_member (json_node_get_object (json_parser_get_root (before)), "questions");
  questions_after = json_object_get_object_member (json_node_get_object (json_parser_get_root (after)), "questions");
  ids = json_object_get_members (questions_before);
  for (const GList *l = ids; l; l = l->next)
    g_assert_true (json_node_equal (json_object_get_member (questions_before, l->data),
                                    json_object_get_member (questions_after, l->data)));
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (questions_after, "kv-cache"),
                                                 "bookmarked"));

  /* The user's own note replaces a kept value of another type. */
  prep_user_data_set_note (user_data, "bert-vs-gpt", "typed");
  g_assert_true (prep_user_data_flush (user_data, NULL));
  g_assert_cmpstr (prep_user_data_get_note (user_data, "bert-vs-gpt"), ==, "typed");
}

/* Reliability review U5 (questions as an array): nothing can be kept apart
 * from it, so the file is set aside as damaged, byte for byte. */
static void
test_questions_not_an_object (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(PrepUserData) user_data = prep_user_data_new (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  const char *text = "{\"schema_version\": 1, \"questions\": [{\"id\": \"self-attention\", \"note\": \"in an array\"}]}";
  PrepJsonStore *store = prep_user_data_get_store (user_data);

  prep_test_write_file (f->path, text);
  g_assert_false (prep_user_data_load (user_data, &error));
  g_assert_cmpint (prep_json_store_get_status (store), ==, PREP_JSON_STORE_SET_ASIDE);
  g_assert_true (g_str_has_prefix (error->message, "Damaged file: “questions” is not an object"));
  g_assert_true (g_file_get_contents (prep_user_data_get_set_aside_path (user_data), &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, text);
  g_assert_false (prep_user_data_get_read_only (user_data));
}

/* Reliability review U3, U4: a half surrogate pair or a NUL in a note are
 * replaced (the original file copied aside first), and nothing after them
 * is lost. */
static void
test_repaired_note (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PrepUserData) user_data = prep_user_data_new (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  const char *text = "{\"schema_version\": 1, \"questions\": {"
                     "\"kv-cache\": {\"note\": \"emoji half \\ud83d here\"}, "
                     "\"self-attention\": {\"note\": \"first part\\u0000second part\"}}}";
  PrepJsonStore *store = prep_user_data_get_store (user_data);

  prep_test_write_file (f->path, text);
  g_assert_false (prep_user_data_load (user_data, &error));
  g_assert_cmpint (prep_json_store_get_status (store), ==, PREP_JSON_STORE_REPAIRED);
  g_assert_cmpstr (prep_user_data_get_note (user_data, "kv-cache"), ==, "emoji half \xef\xbf\xbd here");
  g_assert_cmpstr (prep_user_data_get_note (user_data, "self-attention"), ==, "first part\xef\xbf\xbdsecond part");
  g_assert_true (g_file_get_contents (prep_json_store_get_copy_path (store), &copy, NULL, NULL));
  g_assert_cmpstr (copy, ==, text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/user-data/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/user-data/read", Fixture, NULL, fixture_set_up, test_read, fixture_tear_down);
  g_test_add ("/user-data/find-unread", Fixture, NULL, fixture_set_up, test_find_unread, fixture_tear_down);
  g_test_add ("/user-data/debounce", Fixture, NULL, fixture_set_up, test_debounce, fixture_tear_down);
  g_test_add ("/user-data/flush-on-dispose", Fixture, NULL, fixture_set_up, test_flush_on_dispose, fixture_tear_down);
  g_test_add ("/user-data/corrupt", Fixture, NULL, fixture_set_up, test_corrupt, fixture_tear_down);
  g_test_add ("/user-data/newer-version", Fixture, NULL, fixture_set_up, test_newer_version, fixture_tear_down);
  g_test_add ("/user-data/write-failure", Fixture, NULL, fixture_set_up, test_write_failure, fixture_tear_down);
  g_test_add ("/user-data/keeps-unknown-members", Fixture, NULL, fixture_set_up, test_keeps_unknown_members, fixture_tear_down);
  g_test_add ("/user-data/clearing", Fixture, NULL, fixture_set_up, test_clearing, fixture_tear_down);
  g_test_add ("/user-data/keeps-odd-entries", Fixture, NULL, fixture_set_up, test_keeps_odd_entries, fixture_tear_down);
  g_test_add ("/user-data/questions-not-an-object", Fixture, NULL, fixture_set_up, test_questions_not_an_object,
              fixture_tear_down);
  g_test_add ("/user-data/repaired-note", Fixture, NULL, fixture_set_up, test_repaired_note, fixture_tear_down);

  return g_test_run ();
}
