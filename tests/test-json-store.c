/* test-json-store.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <float.h>
#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <string.h>

#include "prep-json-io.h"
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
  {
    g_autofree char *aside = g_path_get_basename (prep_json_store_get_set_aside_path (store));

    /* The reason first, then the name it was kept as (no folder). */
    g_assert_true (g_str_has_prefix (error->message, "Damaged file"));
    g_assert_nonnull (strstr (error->message, aside));
    g_assert_null (strstr (error->message, f->dir));
  }
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

static char *
read_file (const char *path,
           gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static GString *
nested (guint       depth,
        const char *inner)
{
  GString *s = g_string_new ("{\"schema_version\": 1, \"extra\": ");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  g_string_append (s, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append (s, "}");
  return s;
}

/* Reliability review U1: 100,000 levels crashed json-glib (at every start,
 * since the file stayed). It is now damaged, set aside byte for byte. */
static void
test_deep_nesting (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) deep = nested (100000, "1");
  g_autoptr(GString) over = nested (PREP_JSON_MAX_DEPTH, "[1]");

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PrepJsonStore) store = prep_json_store_new (f->path, 1);
      g_autoptr(JsonObject) root = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *kept = NULL;
      GString *text = i == 0 ? deep : over;
      gsize length;

      prep_test_write_file (f->path, text->str);
      g_assert_cmpint (prep_json_store_load (store, &root, &error), ==, PREP_JSON_STORE_SET_ASIDE);
      g_assert_nonnull (strstr (error->message, "nested deeper than 64 levels"));
      g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
      kept = read_file (prep_json_store_get_set_aside_path (store), &length);
      g_assert_cmpmem (kept, length, text->str, text->len);
    }

  /* One level less (the root is one) loads, and saves compact. */
  {
    g_autoptr(PrepJsonStore) store = prep_json_store_new (f->path, 1);
    g_autoptr(JsonObject) root = NULL;
    g_autoptr(GString) wide = nested (PREP_JSON_MAX_DEPTH - 1, "1");
    g_autofree char *saved = NULL;
    gsize length;

    /* Reliability review U1c: pretty-printing made a 20 KB file 200 MB.
     * A deep member with 10,000 elements stays within a few times its size. */
    g_string_truncate (wide, wide->len - PREP_JSON_MAX_DEPTH);
    for (guint i = 0; i < 10000; i++)
      g_string_append (wide, ",1");
    for (guint i = 0; i < PREP_JSON_MAX_DEPTH - 1; i++)
      g_string_append_c (wide, ']');
    g_string_append_c (wide, '}');

    prep_test_write_file (f->path, wide->str);
    g_assert_cmpint (prep_json_store_load (store, &root, NULL), ==, PREP_JSON_STORE_OK);
    g_assert_true (prep_json_store_save (store, root, NULL));
    saved = read_file (f->path, &length);
    g_assert_cmpuint (length, <=, 3 * wide->len);
  }
}

/* Reliability review U2, U3, U4, U16: what json-glib cannot keep exactly
 * is replaced, after a copy of the original was made; the result saves and
 * reads back. */
static void
test_repaired (Fixture       *f,
               gconstpointer  data)
{
  const struct {
    const char      *text;
    PrepJsonRepairs  what;
  } cases[] = {
    { "{\"schema_version\": 1, \"sync\": {\"threshold\": 1e999, \"low\": -1e400}}", PREP_JSON_REPAIRED_NUMBERS },
    { "{\"schema_version\": 1, \"note\": \"emoji half \\ud83d here\", \"low\": \"\\udc00\"}", PREP_JSON_REPAIRED_TEXT },
    { "{\"schema_version\": 1, \"note\": \"first part\\u0000second part that is lost\"}", PREP_JSON_REPAIRED_TEXT },
    { "{\"schema_version\": 1, \"device_id\": 18446744073709551615, \"n\": -12345678901234567890}",
      PREP_JSON_REPAIRED_NUMBERS },
    /* "\u" without four hex digits (found by fuzz-store). */
    { "{\"schema_version\": 1, \"qu:estions\": {\"note\": \"half \\ud8$d here\"}}", PREP_JSON_REPAIRED_TEXT },
    /* Octal escapes, which json-glib reads as bytes that need not be
     * UTF-8, "\0" ending the text (found by fuzz-store). */
    { "{\"schema_version\": 1, \"qu0ections\": {\"note\": \"byte \\300 and \\7777, nul \\0 kept\"}}",
      PREP_JSON_REPAIRED_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PrepJsonStore) store = prep_json_store_new (f->path, 1);
      g_autoptr(PrepJsonStore) again = prep_json_store_new (f->path, 1);
      g_autoptr(JsonObject) root = NULL;
      g_autoptr(JsonObject) reloaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *copy = NULL;
      g_autofree char *saved = NULL;
      gsize length;

      prep_test_write_file (f->path, cases[i].text);
      g_assert_cmpint (prep_json_store_load (store, &root, &error), ==, PREP_JSON_STORE_REPAIRED);
      g_test_message ("%s", error->message);
      g_assert_false (prep_json_store_get_read_only (store));
      copy = read_file (prep_json_store_get_copy_path (store), &length);
      g_assert_cmpstr (copy, ==, cases[i].text);

      g_assert_true (prep_json_store_save (store, root, NULL));
      saved = read_file (f->path, &length);
      g_assert_true (g_utf8_validate (saved, length, NULL));
      g_assert_null (strstr (saved, "inf"));
      g_assert_cmpint (prep_json_store_load (again, &reloaded, NULL), ==, PREP_JSON_STORE_OK);

      if (i == 0)
        g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (reloaded, "sync"), "threshold"),
                           ==, DBL_MAX);
      if (i == 1)
        g_assert_cmpstr (json_object_get_string_member (reloaded, "note"), ==, "emoji half \xef\xbf\xbd here");
      if (i == 2)
        g_assert_cmpstr (json_object_get_string_member (reloaded, "note"), ==,
                         "first part\xef\xbf\xbdsecond part that is lost");
      if (i == 3)
        g_assert_cmpint (json_object_get_int_member (reloaded, "device_id"), ==, G_MAXINT64);
      if (i == 5)
        g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (reloaded, "qu0ections"), "note"),
                         ==, "byte \xef\xbf\xbd and \xef\xbf\xbd" "7, nul \xef\xbf\xbd kept");
      g_unlink (prep_json_store_get_copy_path (store));
    }

  /* A version beyond 64 bits is newer, not -1 (older). */
  {
    g_autoptr(PrepJsonStore) store = prep_json_store_new (f->path, 1);
    g_autoptr(JsonObject) root = NULL;

    prep_test_write_file (f->path, "{\"schema_version\": 99999999999999999999}");
    g_assert_cmpint (prep_json_store_load (store, &root, NULL), ==, PREP_JSON_STORE_NEWER);
    g_assert_true (prep_json_store_get_read_only (store));
  }
}

/* Never write what cannot be read back: the old file stays. */
static void
test_unwritable_values (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PrepJsonStore) store = prep_json_store_new (f->path, 1);
  g_autoptr(JsonObject) root = json_object_new ();
  g_autofree char *after = NULL;
  const char *before = "{\"schema_version\": 1}";

  prep_test_write_file (f->path, before);
  {
    g_autoptr(JsonObject) loaded = NULL;
    g_assert_cmpint (prep_json_store_load (store, &loaded, NULL), ==, PREP_JSON_STORE_OK);
  }

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;

      g_clear_pointer (&root, json_object_unref);
      root = json_object_new ();
      if (i == 0)
        json_object_set_double_member (root, "stability", INFINITY);
      else if (i == 1)
        json_object_set_double_member (root, "stability", NAN);
      else
        json_object_set_string_member (root, "note", "bad \xed\xa0\x80 bytes");
      g_assert_false (prep_json_store_save (store, root, &error));
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_suffix (error->message, "(notes.json)"));
      g_free (after);
      after = read_file (f->path, NULL);
      g_assert_cmpstr (after, ==, before);
    }
}

/* Reliability review U14, U11: a FIFO or a folder at the file's place is
 * refused at once, read-only, with the reason. */
static void
test_not_regular (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PrepJsonStore) store = prep_json_store_new (f->path, 1);
      g_autoptr(JsonObject) root = NULL;
      g_autoptr(GError) error = NULL;

      if (i == 0)
        g_assert_cmpint (mkfifo (f->path, 0600), ==, 0);
      else
        g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);

      g_assert_cmpint (prep_json_store_load (store, &root, &error), ==, PREP_JSON_STORE_UNREADABLE);
      g_assert_true (prep_json_store_get_read_only (store));
      g_assert_cmpstr (error->message, ==, "Not a regular file (notes.json)");
      g_assert_false (prep_json_store_save (store, root, NULL));
      g_assert_cmpint (g_remove (f->path), ==, 0);
    }
}

/* Reliability review U15: a symlinked file (dotfiles) stays a link, and
 * its target is what is saved. */
static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *target = g_build_filename (f->dir, "dotfiles-notes.json", NULL);
  g_autoptr(PrepJsonStore) store = prep_json_store_new (f->path, 1);
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *link = NULL;
  g_autofree char *saved = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  prep_test_write_file (target, "{\"schema_version\": 1}");
  g_assert_cmpint (symlink ("../dotfiles-notes.json", f->path), ==, 0);

  g_assert_cmpint (prep_json_store_load (store, &root, NULL), ==, PREP_JSON_STORE_OK);
  json_object_set_string_member (root, "note", "through the link");
  g_assert_true (prep_json_store_save (store, root, NULL));

  link = g_file_read_link (f->path, NULL);
  g_assert_cmpstr (link, ==, "../dotfiles-notes.json");
  saved = read_file (target, NULL);
  g_assert_nonnull (strstr (saved, "through the link"));
}

/* Damaged, and the folder does not let it be moved aside: read-only with
 * that reason, never "newer version" (reliability review U11). */
static void
test_damaged_in_read_only_folder (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autoptr(PrepJsonStore) store = prep_json_store_new (f->path, 1);
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root may rename in a read-only folder");
      return;
    }

  prep_test_write_file (f->path, "{ damaged");
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  g_assert_cmpint (prep_json_store_load (store, &root, &error), ==, PREP_JSON_STORE_UNREADABLE);
  g_assert_true (g_str_has_prefix (error->message, "The file is damaged, and could not be moved aside"));
  g_assert_true (prep_json_store_get_read_only (store));
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
}

/* The validator's positions: a path is found at its value. */
static void
test_locate (void)
{
  const char *text = "{\n  \"a\": [1, {\"b\": \"x\\\"]\", \"c\": [[], {}, 3]}],\n  \"d\": {\"e\": null}\n}";
  const struct { const char *path; const char *at; } cases[] = {
    { "$", "{\n" }, { "$.a", "[1," }, { "$.a[0]", "1," }, { "$.a[1]", "{\"b\"" }, { "$.a[1].b", "\"x" },
    { "$.a[1].c", "[[]" }, { "$.a[1].c[2]", "3]" }, { "$.a[1].c[1]", "{}, 3" }, { "$.d.e", "null" },
  };
  gsize offset;
  guint line, column;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (prep_json_locate (text, strlen (text), cases[i].path, &offset));
      g_assert_true (g_str_has_prefix (text + offset, cases[i].at));
    }
  g_assert_false (prep_json_locate (text, strlen (text), "$.a[2]", &offset));
  /* An empty GBytes has no data pointer (found by fuzz-content). */
  g_assert_true (prep_json_check (NULL, 0, PREP_JSON_MAX_DEPTH, NULL, NULL, NULL, NULL, NULL));
  g_assert_false (prep_json_locate (text, strlen (text), "$.z", &offset));

  g_assert_true (prep_json_locate (text, strlen (text), "$.d.e", &offset));
  prep_json_offset_to_position (text, strlen (text), offset, &line, &column);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 14);
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
  g_test_add ("/json-store/deep-nesting", Fixture, NULL, fixture_set_up, test_deep_nesting, fixture_tear_down);
  g_test_add ("/json-store/repaired", Fixture, NULL, fixture_set_up, test_repaired, fixture_tear_down);
  g_test_add ("/json-store/unwritable-values", Fixture, NULL, fixture_set_up, test_unwritable_values, fixture_tear_down);
  g_test_add ("/json-store/not-regular", Fixture, NULL, fixture_set_up, test_not_regular, fixture_tear_down);
  g_test_add ("/json-store/symlink", Fixture, NULL, fixture_set_up, test_symlink, fixture_tear_down);
  g_test_add ("/json-store/damaged-in-read-only-folder", Fixture, NULL, fixture_set_up,
              test_damaged_in_read_only_folder, fixture_tear_down);
  g_test_add_func ("/json-store/locate", test_locate);

  return g_test_run ();
}
