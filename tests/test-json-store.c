/* test-json-store.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "prep-json-store.h"
#include "prep-test-files.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("llm-prep-store-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "sub", "notes.json", NULL);
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
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PrepJsonStore) store = prep_json_store_new (f->path, 1);
  g_autoptr(PrepJsonStore) again = prep_json_store_new (f->path, 1);
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *note = "自注意力：QKᵀ/√dₖ ✓ — “quotes”, emoji 🧠, and \"escapes\"\n第二行";

  /* No file yet: empty, and the folder is created on save. */
  g_assert_cmpint (prep_json_store_load (store, &root, &error), ==, PREP_JSON_STORE_MISSING);
  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (root), ==, 0);

  json_object_set_string_member (root, "note", note);
  g_assert_true (prep_json_store_save (store, root, &error));
  g_assert_no_error (error);

  g_assert_cmpint (prep_json_store_load (again, &loaded, &error), ==, PREP_JSON_STORE_OK);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (loaded, "note"), ==, note);
  g_assert_cmpint (json_object_get_int_member (loaded, "schema_version"), ==, 1);
}

static void
test_corrupt_set_aside (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PrepJsonStore) store = prep_json_store_new (f->path, 1);
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  const char *bad = "{ \"schema_version\": 1, \"note\": \"cut off";

  prep_test_write_file (f->path, bad);
  g_assert_cmpint (prep_json_store_load (store, &root, &error), ==, PREP_JSON_STORE_SET_ASIDE);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, prep_json_store_get_set_aside_path (store)));
  g_assert_cmpuint (json_object_get_size (root), ==, 0);

  /* The damaged file is kept byte for byte, and a save does not touch it. */
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (prep_json_store_get_set_aside_path (store), &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, bad);
  g_assert_true (prep_json_store_save (store, root, NULL));
  g_clear_pointer (&kept, g_free);
  g_assert_true (g_file_get_contents (prep_json_store_get_set_aside_path (store), &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, bad);
}

static void
test_not_an_object (Fixture       *f,
                    gconstpointer  data)
{
  const char *cases[] = { "[1, 2]", "{\"note\": \"no version\"}", "{\"schema_version\": \"1\"}", "\xff\xfe" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PrepJsonStore) store = prep_json_store_new (f->path, 1);
      g_autoptr(JsonObject) root = NULL;
      g_autoptr(GError) error = NULL;

      prep_test_write_file (f->path, cases[i]);
      g_assert_cmpint (prep_json_store_load (store, &root, &error), ==, PREP_JSON_STORE_SET_ASIDE);
      g_assert_true (g_file_test (prep_json_store_get_set_aside_path (store), G_FILE_TEST_EXISTS));
    }
}

static void
test_newer_version (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PrepJsonStore) store = prep_json_store_new (f->path, 1);
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  const char *future = "{\"schema_version\": 7, \"note\": \"from the future\"}";

  prep_test_write_file (f->path, future);
  g_assert_cmpint (prep_json_store_load (store, &root, &error), ==, PREP_JSON_STORE_NEWER);
  g_assert_nonnull (error);
  g_assert_true (prep_json_store_get_read_only (store));

  /* Its data is still readable, and saving is refused. */
  g_assert_cmpstr (json_object_get_string_member (root, "note"), ==, "from the future");
  g_clear_error (&error);
  g_assert_false (prep_json_store_save (store, root, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_assert_true (g_file_get_contents (f->path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, future);
}

static void
test_write_failure (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (f->dir, "sub", NULL);
  g_autoptr(PrepJsonStore) store = prep_json_store_new (f->path, 1);
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(GError) error = NULL;

  /* A file where the folder should be: saving fails with a message, even
   * as root (permissions would not stop root). */
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  json_object_set_string_member (root, "note", "kept in memory");
  g_assert_false (prep_json_store_save (store, root, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (json_object_get_string_member (root, "note"), ==, "kept in memory");
}

static void
test_user_data_path (void)
{
  g_autofree char *path = prep_user_data_path ("notes.json");
  g_autofree char *expected = g_build_filename (g_get_user_config_dir (), "llm-prep", "notes.json", NULL);

  g_assert_cmpstr (path, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/json-store/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/json-store/corrupt-set-aside", Fixture, NULL, fixture_set_up, test_corrupt_set_aside, fixture_tear_down);
  g_test_add ("/json-store/not-an-object", Fixture, NULL, fixture_set_up, test_not_an_object, fixture_tear_down);
  g_test_add ("/json-store/newer-version", Fixture, NULL, fixture_set_up, test_newer_version, fixture_tear_down);
  g_test_add ("/json-store/write-failure", Fixture, NULL, fixture_set_up, test_write_failure, fixture_tear_down);
  g_test_add_func ("/json-store/user-data-path", test_user_data_path);

  return g_test_run ();
}
