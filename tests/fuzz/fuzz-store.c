/* fuzz-store.c: libFuzzer harness for the user files (notes.json and
 * reviews.json).
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The input is written as notes.json or reviews.json (first byte), loaded,
 * changed once and saved, then loaded again. Invariants (reliability
 * review, §3):
 * - a file set aside is kept byte for byte; a repaired one has its
 *   original copied byte for byte;
 * - what a save writes loads again, as OK, with the change in it;
 * - everything of the original the change did not touch is still there:
 *   entries and cards this version cannot read, unknown members. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "prep-json-store.h"
#include "prep-review-store.h"
#include "prep-scheduler.h"
#include "prep-user-data.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *dir;

static void
clear_dir (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
}

static char *
read_all (const char *path,
          gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

/* The root object of @text, or NULL. */
static JsonObject *
parse_root (JsonParser *parser,
            const char *text,
            gsize       length)
{
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, length, NULL) ||
      !(root = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_node_get_object (root);
}

static JsonObject *
object_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* A notes entry without what means nothing ("bookmarked": false, an empty
 * note), which a save may leave out. */
static JsonNode *
normalize_entry (JsonNode *node)
{
  JsonNode *copy = json_node_copy (node);

  if (JSON_NODE_HOLDS_OBJECT (copy))
    {
      JsonObject *object = json_node_get_object (copy);
      JsonNode *member;

      if ((member = json_object_get_member (object, "bookmarked")) && JSON_NODE_HOLDS_VALUE (member) &&
          json_node_get_value_type (member) == G_TYPE_BOOLEAN && !json_node_get_boolean (member))
        json_object_remove_member (object, "bookmarked");
      if ((member = json_object_get_member (object, "note")) && JSON_NODE_HOLDS_VALUE (member) &&
          json_node_get_value_type (member) == G_TYPE_STRING && json_node_get_string (member)[0] == '\0')
        json_object_remove_member (object, "note");
    }
  return copy;
}

/* Every member of @before not in @skip is in @after: equal, or (with
 * @normalize) equal once normalized, or left out when it meant nothing. */
static void
assert_kept (JsonObject         *before,
             JsonObject         *after,
             const char * const *skip,
             gboolean            normalize)
{
  g_autoptr(GList) members = NULL;

  if (before == NULL)
    return;
  g_assert_nonnull (after);
  members = json_object_get_members (before);
  for (const GList *l = members; l; l = l->next)
    {
      JsonNode *old = json_object_get_member (before, l->data);

      if (g_strv_contains (skip, l->data))
        continue;
      if (normalize)
        {
          g_autoptr(JsonNode) a = normalize_entry (old);

          if (JSON_NODE_HOLDS_OBJECT (a) && json_object_get_size (json_node_get_object (a)) == 0)
            continue;
          g_assert_true (json_object_has_member (after, l->data));
          {
            g_autoptr(JsonNode) b = normalize_entry (json_object_get_member (after, l->data));
            g_assert_true (json_node_equal (a, b));
          }
        }
      else
        {
          g_assert_true (json_object_has_member (after, l->data));
          g_assert_true (json_node_equal (old, json_object_get_member (after, l->data)));
        }
    }
}

static void
check_store (PrepJsonStore *store,
             const guint8  *data,
             size_t         size)
{
  PrepJsonStoreStatus status = prep_json_store_get_status (store);

  if (status == PREP_JSON_STORE_SET_ASIDE)
    {
      gsize length;
      g_autofree char *kept = read_all (prep_json_store_get_set_aside_path (store), &length);

      g_assert_cmpmem (kept, length, data, size);
    }
  if (status == PREP_JSON_STORE_REPAIRED)
    {
      gsize length;
      g_autofree char *kept = read_all (prep_json_store_get_copy_path (store), &length);

      g_assert_cmpmem (kept, length, data, size);
    }
}

static void
fuzz_notes (const guint8 *data,
            size_t        size,
            const char   *path)
{
  g_autoptr(PrepUserData) user_data = prep_user_data_new (path);
  g_autoptr(PrepUserData) again = NULL;
  g_autoptr(JsonParser) before = json_parser_new ();
  g_autoptr(JsonParser) after = json_parser_new ();
  g_autofree char *saved = NULL;
  PrepJsonStore *store = prep_user_data_get_store (user_data);
  PrepJsonStoreStatus status;
  gsize length;

  prep_user_data_load (user_data, NULL);
  check_store (store, data, size);
  status = prep_json_store_get_status (store);

  prep_user_data_set_bookmarked (user_data, "kv-cache", !prep_user_data_get_bookmarked (user_data, "kv-cache"));
  prep_user_data_set_note (user_data, "kv-cache", "fuzz note ✓");
  if (prep_user_data_get_read_only (user_data))
    {
      g_assert_false (prep_user_data_flush (user_data, NULL));
      return;
    }
  g_assert_true (prep_user_data_flush (user_data, NULL));

  again = prep_user_data_new (path);
  g_assert_true (prep_user_data_load (again, NULL));
  g_assert_cmpstr (prep_user_data_get_note (again, "kv-cache"), ==, "fuzz note ✓");

  /* Nothing else lost, unless the file was replaced or repaired. */
  if (status == PREP_JSON_STORE_OK)
    {
      JsonObject *old_root, *new_root;

      saved = read_all (path, &length);
      old_root = parse_root (before, (const char *) data, size);
      new_root = parse_root (after, saved, length);
      assert_kept (old_root, new_root, (const char * const []) { "questions", "schema_version", NULL }, FALSE);
      assert_kept (object_member (old_root, "questions"), object_member (new_root, "questions"),
                   (const char * const []) { "kv-cache", NULL }, TRUE);
    }
}

static void
fuzz_reviews (const guint8 *data,
              size_t        size,
              const char   *path)
{
  g_autoptr(PrepReviewStore) reviews = prep_review_store_new (path);
  g_autoptr(PrepReviewStore) again = NULL;
  g_autoptr(JsonParser) before = json_parser_new ();
  g_autoptr(JsonParser) after = json_parser_new ();
  g_autofree char *saved = NULL;
  PrepJsonStore *store = prep_review_store_get_store (reviews);
  PrepJsonStoreStatus status;
  PrepCard card;
  gsize length;

  prep_review_store_load (reviews, NULL);
  check_store (store, data, size);
  status = prep_json_store_get_status (store);

  if (!prep_review_store_grade (reviews, "kv-cache", PREP_GRADE_GOOD, PREP_REVIEW_FLASHCARD,
                                PREP_TIME_MIN + 86400 * 20000))
    {
      g_assert_true (prep_review_store_get_read_only (reviews));
      return;
    }

  again = prep_review_store_new (path);
  g_assert_true (prep_review_store_load (again, NULL));
  prep_review_store_get_card (again, "kv-cache", &card);
  g_assert_cmpint (card.state, !=, PREP_CARD_NEW);

  if (status == PREP_JSON_STORE_OK)
    {
      JsonObject *old_root, *new_root, *old_cards, *new_cards;

      saved = read_all (path, &length);
      old_root = parse_root (before, (const char *) data, size);
      new_root = parse_root (after, saved, length);
      assert_kept (old_root, new_root, (const char * const []) { "cards", "log", "schema_version", NULL }, FALSE);

      /* Readable cards are written anew; none is dropped. */
      old_cards = object_member (old_root, "cards");
      new_cards = object_member (new_root, "cards");
      if (old_cards != NULL)
        {
          g_autoptr(GList) ids = json_object_get_members (old_cards);

          for (const GList *l = ids; l; l = l->next)
            g_assert_true (json_object_has_member (new_cards, l->data));
        }
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *path = NULL;
  gboolean reviews;

  if (size == 0 || size > 1024 * 1024)
    return 0;

  if (dir == NULL)
    dir = g_dir_make_tmp ("fuzz-store-XXXXXX", NULL);
  clear_dir ();

  reviews = data[0] & 1;
  path = g_build_filename (dir, reviews ? "reviews.json" : "notes.json", NULL);
  g_assert_true (g_file_set_contents (path, (const char *) data + 1, size - 1, NULL));

  if (reviews)
    fuzz_reviews (data + 1, size - 1, path);
  else
    fuzz_notes (data + 1, size - 1, path);

  return 0;
}
