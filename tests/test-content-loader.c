/* test-content-loader.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "prep-content-loader.h"
#include "prep-library.h"
#include "prep-question.h"
#include "prep-question-private.h"

typedef struct
{
  const char       *file;
  PrepContentFlags  flags;
  guint             n_issues;
  const char       *path;     /* of the first issue */
  const char       *message;  /* a substring of it */
  guint             line;
  guint             column;
} BadCase;

/* Each bad file is wrong in one way, and must be reported in exactly that
 * way: the right JSON path and a message that says what is wrong. */
static const BadCase bad_cases[] = {
  { "malformed-json.json", 0, 1, NULL, "malformed JSON: Parse error: unexpected character `,', expected character `]'", 4, 28 },
  { "invalid-utf8.json", 0, 1, NULL, "invalid UTF-8 (byte 0xe9", 4, 17 },
  { "empty.json", 0, 1, "$", "the file is empty: expected a JSON object with “schema_version”" },
  { "not-an-object.json", 0, 1, "$", "expected a JSON object with “schema_version”, found an array", 1, 1 },
  { "unknown-schema-version.json", 0, 1, "$.schema_version", "unknown schema version 2 (this version of LLM Prep reads version 1)", 2, 21 },
  { "missing-schema-version.json", 0, 1, "$", "missing required member “schema_version”", 1, 1 },
  { "duplicate-id.json", 0, 1, "$.questions[1].id", "duplicate question id “test-question” (first defined at ", 18, 13 },
  { "malformed-id.json", 0, 1, "$.questions[0].id", "malformed id “Self_Attention”", 5, 13 },
  { "unknown-category.json", 0, 1, "$.questions[0]", "unknown category “robotics” (known: basics, applications,", 4, 5 },
  { "missing-question.json", 0, 1, "$.questions[0]", "missing required member “question”", 4, 5 },
  { "missing-locale.json", 0, 1, "$.questions[0].question", "needs a text in one of the locales zh_TW, en", 8, 19 },
  { "unknown-locale.json", 0, 1, "$.questions[0].question.zh_CN", "unknown locale “zh_CN”", 11, 18 },
  { "empty-string.json", 0, 1, "$.questions[0].question.zh_TW", "must not be empty", 9, 18 },
  { "unknown-member.json", 0, 1, "$.questions[0].short_anwser", "unknown member “short_anwser”", 16, 23 },
  { "bad-difficulty.json", 0, 1, "$.questions[0].difficulty", "unknown value “hard” (expected one of: basic, intermediate, advanced)", 12, 21 },
  { "bad-date.json", 0, 1, "$.questions[0].last_reviewed", "malformed date “2026-13-01”", 16, 24 },
  { "bad-reference.json", 0, 1, "$.questions[0].references[0].arxiv", "malformed arXiv id “attention”", 19, 20 },
  { "quiz-answer-out-of-range.json", 0, 1, "$.questions[0].quiz[1].answer", "answer index 4 is out of range: options are numbered 0 to 3", 113, 21 },
  { "quiz-empty-options.json", 0, 1, "$.questions[0].quiz[0].options", "must not be empty: a quiz item needs exactly 4 options", 62, 22 },
  { "quiz-three-options.json", 0, 1, "$.questions[0].quiz[0].options", "has 3 item(s), needs exactly 4", 62, 22 },
  { "quiz-answer-not-index.json", 0, 1, "$.questions[0].quiz[0].answer", "expected the 0-based index of the correct option, found a string", 76, 21 },
  { "tags-not-array.json", 0, 1, "$.questions[0].tags", "expected an array, found a string", 13, 15 },
  { "broken-links.json", 0, 2, "$.questions[0]", "detailed_answer.zh_TW links to unknown question “no-such-question”", 4, 5 },
};

static PrepContentLoader *
load_with_bundled_categories (const char * const *names,
                              const char         *dir,
                              PrepContentFlags    flags)
{
  g_autoptr(PrepContentLoader) loader = prep_content_loader_new ("zh_TW", flags);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_build_filename (TEST_DATA_DIR, dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      prep_content_loader_add_file (loader, file);
    }

  if (prep_content_loader_get_n_categories (loader) == 0)
    {
      prep_library_add_resources_to_loader (loader, PREP_CONTENT_RESOURCE_PATH, TRUE, &error);
      g_assert_no_error (error);
    }

  prep_content_loader_finish (loader);

  return g_steal_pointer (&loader);
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *bad = data;
  const char *names[] = { bad->file, NULL };
  g_autoptr(PrepContentLoader) loader = load_with_bundled_categories (names, "bad", bad->flags);
  GPtrArray *issues = prep_content_loader_get_issues (loader);
  PrepContentIssue *issue;

  for (guint i = 0; i < issues->len; i++)
    {
      g_autofree char *line = prep_content_issue_to_string (g_ptr_array_index (issues, i));
      g_test_message ("%s", line);
    }

  g_assert_cmpuint (issues->len, ==, bad->n_issues);

  issue = g_ptr_array_index (issues, 0);
  g_assert_true (g_str_has_suffix (issue->file, bad->file));
  g_assert_cmpstr (issue->path, ==, bad->path);
  g_assert_nonnull (strstr (issue->message, bad->message));
  g_assert_cmpuint (issue->line, ==, bad->line);
  g_assert_cmpuint (issue->column, ==, bad->column);

  /* An invalid question never reaches the model; of two with the same id,
   * the first is kept. */
  g_assert_cmpuint (prep_content_loader_get_questions (loader)->len, ==,
                    g_str_equal (bad->file, "duplicate-id.json") ? 1 : 0);
}

static void
test_issue_to_string (void)
{
  PrepContentIssue with_position = { (char *) "a.json", NULL, (char *) "malformed JSON: x", 3, 7 };
  PrepContentIssue with_path = { (char *) "b.json", (char *) "$.questions[0].id", (char *) "bad", 0, 0 };
  g_autofree char *a = prep_content_issue_to_string (&with_position);
  g_autofree char *b = prep_content_issue_to_string (&with_path);

  g_assert_cmpstr (a, ==, "a.json:3:7: malformed JSON: x");
  g_assert_cmpstr (b, ==, "b.json: $.questions[0].id: bad");
}

static void
test_good_minimal (void)
{
  const char *names[] = { "minimal.json", NULL };
  g_autoptr(PrepContentLoader) loader = load_with_bundled_categories (names, "good", 0);
  PrepQuestion *question;

  g_assert_cmpuint (prep_content_loader_get_issues (loader)->len, ==, 0);
  g_assert_cmpuint (prep_content_loader_get_questions (loader)->len, ==, 1);

  question = g_ptr_array_index (prep_content_loader_get_questions (loader), 0);
  g_assert_cmpstr (prep_question_get_id (question), ==, "test-question");
  g_assert_cmpstr (prep_question_get_category_id (question), ==, "basics");
  g_assert_cmpstr (prep_question_get_title (question), ==, "測試用的問題？");
  g_assert_false (prep_question_get_has_answer (question));
  g_assert_cmpuint (prep_question_get_difficulty (question), ==, PREP_DIFFICULTY_BASIC);
  g_assert_cmpuint (prep_question_get_origin (question), ==, PREP_ORIGIN_ADDED);
  g_assert_cmpstrv (prep_question_get_tags (question), ((const char *[]) { "test", NULL }));
}

static void
test_strict (void)
{
  const char *minimal[] = { "minimal.json", NULL };
  const char *complete[] = { "complete.json", NULL };
  g_autoptr(PrepContentLoader) lax = load_with_bundled_categories (minimal, "good", PREP_CONTENT_FLAGS_STRICT);
  g_autoptr(PrepContentLoader) full = load_with_bundled_categories (complete, "good", PREP_CONTENT_FLAGS_STRICT);
  GPtrArray *issues = prep_content_loader_get_issues (lax);
  const char *missing[] = {
    "short_answer", "detailed_answer", "last_reviewed", "key_points",
    "follow_ups", "pitfalls", "quiz", "references",
  };
  PrepQuestion *question;
  PrepQuizItem *item;

  /* The minimal question lacks every answer field, each reported. */
  g_assert_cmpuint (issues->len, ==, G_N_ELEMENTS (missing));
  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      PrepContentIssue *issue = g_ptr_array_index (issues, i);
      g_autofree char *expected = g_strdup_printf ("missing required member “%s”", missing[i]);

      g_assert_cmpstr (issue->path, ==, "$.questions[0]");
      g_assert_cmpstr (issue->message, ==, expected);
    }

  g_assert_cmpuint (prep_content_loader_get_issues (full)->len, ==, 0);
  question = g_ptr_array_index (prep_content_loader_get_questions (full), 0);
  g_assert_true (prep_question_get_has_answer (question));
  g_assert_cmpuint (prep_question_get_key_points (question)->len, ==, 3);
  g_assert_cmpuint (prep_question_get_follow_ups (question)->len, ==, 2);
  g_assert_cmpuint (prep_question_get_quiz_items (question)->len, ==, 2);
  item = g_ptr_array_index (prep_question_get_quiz_items (question), 0);
  g_assert_cmpuint (item->answer, ==, 2);
  g_assert_cmpstr (prep_text_get (item->options[2], "zh_TW"), ==, "丙");
  g_assert_cmpstr (prep_question_get_last_reviewed (question), ==, "2026-11-29");
}

/* A user writes in their own language: outside strict checking one
 * locale is enough, and every locale's reader sees it. */
static void
test_one_language (void)
{
  const char *names[] = { "english-only.json", NULL };
  g_autoptr(PrepContentLoader) lax = load_with_bundled_categories (names, "good", 0);
  g_autoptr(PrepContentLoader) strict = load_with_bundled_categories (names, "good", PREP_CONTENT_FLAGS_STRICT);
  PrepQuestion *question;
  GPtrArray *issues;

  g_assert_cmpuint (prep_content_loader_get_issues (lax)->len, ==, 0);
  question = g_ptr_array_index (prep_content_loader_get_questions (lax), 0);
  g_assert_cmpstr (prep_question_get_locale (question), ==, "zh_TW");
  g_assert_cmpstr (prep_question_get_title (question), ==, "What did my last interviewer ask about KV caches?");
  g_assert_cmpstr (prep_question_get_short_answer (question), ==, "How its size grows with batch and context.");
  g_assert_false (prep_question_has_locale (question, "zh_TW"));

  /* The bundled content is held to both. */
  issues = prep_content_loader_get_issues (strict);
  g_assert_cmpuint (issues->len, >, 0);
  g_assert_cmpstr (((PrepContentIssue *) g_ptr_array_index (issues, 0))->message, ==, "missing locale “zh_TW”");
}

/* Strict checking wants every text in both languages (issue 17); the
 * same file passes the ordinary check, which needs one. */
static void
test_strict_both_languages (void)
{
  const char *names[] = { "chinese-only.json", NULL };
  g_autoptr(PrepContentLoader) lax = load_with_bundled_categories (names, "good", 0);
  g_autoptr(PrepContentLoader) strict = load_with_bundled_categories (names, "good", PREP_CONTENT_FLAGS_STRICT);
  GPtrArray *issues = prep_content_loader_get_issues (strict);
  g_autoptr(GString) paths = g_string_new (NULL);

  g_assert_cmpuint (prep_content_loader_get_issues (lax)->len, ==, 0);
  g_assert_cmpuint (prep_content_loader_get_questions (lax)->len, ==, 1);

  /* Every text without English is named: 1 detailed answer, 3 key
   * points, 2 × 2 follow-up texts, 1 pitfall, 2 × (1 prompt, 4 options,
   * 1 explanation, 4 option explanations). */
  g_assert_cmpuint (issues->len, ==, 1 + 3 + 4 + 1 + 2 * 10);
  for (guint i = 0; i < issues->len; i++)
    {
      PrepContentIssue *issue = g_ptr_array_index (issues, i);

      g_assert_cmpstr (issue->message, ==, "missing locale “en”");
      g_string_append_printf (paths, "%s\n", issue->path);
    }
  g_assert_nonnull (strstr (paths->str, "$.questions[0].detailed_answer\n"));
  g_assert_nonnull (strstr (paths->str, "$.questions[0].key_points[2]\n"));
  g_assert_nonnull (strstr (paths->str, "$.questions[0].follow_ups[1].answer\n"));
  g_assert_nonnull (strstr (paths->str, "$.questions[0].quiz[1].options[3]\n"));
  g_assert_nonnull (strstr (paths->str, "$.questions[0].quiz[0].option_explanations[0]\n"));
  g_assert_cmpuint (prep_content_loader_get_questions (strict)->len, ==, 0);
}

static void
test_duplicate_across_files (void)
{
  const char *names[] = { "minimal.json", "complete.json", NULL };
  g_autoptr(PrepContentLoader) loader = load_with_bundled_categories (names, "good", 0);
  GPtrArray *issues = prep_content_loader_get_issues (loader);
  PrepContentIssue *issue;

  g_assert_cmpuint (issues->len, ==, 1);
  issue = g_ptr_array_index (issues, 0);
  g_assert_true (g_str_has_suffix (issue->file, "complete.json"));
  g_assert_cmpstr (issue->path, ==, "$.questions[0].id");
  g_assert_nonnull (strstr (issue->message, "minimal.json: $.questions[0]"));
}

static void
test_categories_in_file (void)
{
  const char *names[] = { "categories.json", NULL };
  g_autoptr(PrepContentLoader) loader = load_with_bundled_categories (names, "good", 0);
  PrepQuestion *question;

  /* A file with its own categories is checked against those alone. */
  g_assert_cmpuint (prep_content_loader_get_issues (loader)->len, ==, 0);
  g_assert_cmpuint (prep_content_loader_get_n_categories (loader), ==, 1);
  question = g_ptr_array_index (prep_content_loader_get_questions (loader), 0);
  g_assert_cmpstr (prep_question_get_category_id (question), ==, "robotics");
}

static void
test_propagate (void)
{
  const char *names[] = { "duplicate-id.json", NULL };
  g_autoptr(PrepContentLoader) loader = load_with_bundled_categories (names, "bad", 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (prep_content_loader_propagate_issues (loader, &error));
  g_assert_error (error, PREP_CONTENT_ERROR, PREP_CONTENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1 problem(s) in the content:"));
  g_assert_nonnull (strstr (error->message, "duplicate-id.json:18:13: $.questions[1].id: duplicate"));
}

static void
test_hostile_sizes (void)
{
  g_autoptr(PrepContentLoader) loader = prep_content_loader_new ("zh_TW", 0);
  g_autoptr(GString) json = g_string_new ("{\"schema_version\": 1, \"questions\": [");
  g_autoptr(GBytes) bytes = NULL;

  /* A 1 MB question text and deep nesting inside an unknown member must
   * neither crash nor hang the validator. */
  g_string_append (json, "{\"id\": \"long\", \"category\": \"x\", \"origin\": \"seed\","
                         " \"difficulty\": \"basic\", \"tags\": [], \"question\": {\"zh_TW\": \"");
  for (guint i = 0; i < 1024 * 1024 / 3; i++)
    g_string_append (json, "長");
  g_string_append (json, "\", \"en\": \"x\"}, \"deep\": ");
  for (guint i = 0; i < 1000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 1000; i++)
    g_string_append_c (json, ']');
  g_string_append (json, "}]}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  g_assert_false (prep_content_loader_add_bytes (loader, "hostile.json", bytes));
  prep_content_loader_finish (loader);

  /* The unknown member, then the unknown category. */
  g_assert_cmpuint (prep_content_loader_get_issues (loader)->len, ==, 1);
}

/* Found by fuzz-content: json-glib's message quoted a string with a broken
 * \u escape as invalid UTF-8; the issue is always UTF-8. */
static void
test_broken_escape_message (void)
{
  g_autoptr(PrepContentLoader) loader = prep_content_loader_new ("zh_TW", 0);
  const char text[] = "[\n  {\n    \"id\": \"test-que\\ud83\"kv-ca\"kv-cache\"on\",\n  tion\":  ateg\\ud83d\\uf  e0  \"en\": \n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  GPtrArray *issues;

  g_assert_false (prep_content_loader_add_bytes (loader, "broken.json", bytes));
  issues = prep_content_loader_get_issues (loader);
  g_assert_cmpuint (issues->len, ==, 1);
  {
    g_autofree char *line = prep_content_issue_to_string (g_ptr_array_index (issues, 0));
    g_assert_true (g_utf8_validate (line, -1, NULL));
    g_assert_true (g_str_has_prefix (line, "broken.json:3:"));
  }
}

/* Found by fuzz-store: json-glib reads "\300" as a byte that is not
 * UTF-8. In content it is an error, at its place. */
static void
test_octal_escape (void)
{
  g_autoptr(PrepContentLoader) loader = prep_content_loader_new ("zh_TW", 0);
  const char text[] = "{\"schema_version\": 1,\n \"questions\": [{\"id\": \"a\\300b\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  GPtrArray *issues;

  g_assert_false (prep_content_loader_add_bytes (loader, "octal.json", bytes));
  issues = prep_content_loader_get_issues (loader);
  g_assert_cmpuint (issues->len, ==, 1);
  {
    g_autofree char *line = prep_content_issue_to_string (g_ptr_array_index (issues, 0));

    g_test_message ("%s", line);
    g_assert_true (g_str_has_prefix (line, "octal.json:2:"));
    g_assert_nonnull (strstr (line, "the escape \\300 is not JSON"));
  }
}

/* A content file of two questions, and indexes of it: the index gives the
 * heads, the file the answers when first asked for. */
static const char index_file[] =
  "{\"schema_version\": 1, \"questions\": ["
  "{\"id\": \"one\", \"category\": \"basics\", \"question\": {\"zh_TW\": \"一？\", \"en\": \"One?\"},"
  " \"difficulty\": \"basic\", \"tags\": [\"a\"], \"short_answer\": {\"zh_TW\": \"短。\", \"en\": \"Short.\"}},"
  "{\"id\": \"two\", \"category\": \"basics\", \"question\": {\"zh_TW\": \"二？\", \"en\": \"Two?\"},"
  " \"difficulty\": \"advanced\", \"tags\": [\"b\"]}]}";

static GBytes *
resolve_cb (const char *file,
            gpointer    data)
{
  return g_str_equal (file, "questions/x.json") ? g_bytes_new_static (index_file, strlen (index_file)) : NULL;
}

/* An index entry: (id, category, origin, {locale: title}, difficulty,
 * [tags], has answer, file, offset, length). */
typedef struct
{
  const char *id;
  const char *category;
  const char *origin;
  const char *zh_title;
  const char *en_title;
  const char *difficulty;
  guint32     file;
  guint64     offset;
  guint64     length;
} Entry;

static Entry
one_entry (void)
{
  const char *one = strstr (index_file, "{\"id\": \"one\"");
  const char *two = strstr (index_file, ",{\"id\": \"two\"");

  return (Entry) { "one", "basics", "seed", "一？", "One?", "basic", 0, one - index_file, two - one };
}

static GBytes *
index_bytes (guint32      version,
             const char **files,
             const Entry *entry)
{
  g_autoptr(GVariant) index = NULL;
  GVariantBuilder names, entries, titles, tags;

  g_variant_builder_init (&names, G_VARIANT_TYPE ("as"));
  for (guint i = 0; files[i]; i++)
    g_variant_builder_add (&names, "s", files[i]);

  g_variant_builder_init (&titles, G_VARIANT_TYPE ("a{ss}"));
  if (entry->zh_title)
    g_variant_builder_add (&titles, "{ss}", "zh_TW", entry->zh_title);
  if (entry->en_title)
    g_variant_builder_add (&titles, "{ss}", "en", entry->en_title);
  g_variant_builder_init (&tags, G_VARIANT_TYPE ("as"));
  g_variant_builder_add (&tags, "s", "a");

  g_variant_builder_init (&entries, G_VARIANT_TYPE ("a" PREP_CONTENT_INDEX_ENTRY_TYPE));
  g_variant_builder_add (&entries, PREP_CONTENT_INDEX_ENTRY_TYPE, entry->id, entry->category, entry->origin,
                         &titles, entry->difficulty, &tags, TRUE, entry->file, entry->offset, entry->length);

  index = g_variant_ref_sink (g_variant_new ("(uasa" PREP_CONTENT_INDEX_ENTRY_TYPE ")", version, &names, &entries));
  if (G_BYTE_ORDER == G_BIG_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (index);

      g_variant_unref (index);
      index = swapped;
    }

  return g_variant_get_data_as_bytes (index);
}

static PrepContentLoader *
load_index (GBytes *bytes)
{
  PrepContentLoader *loader = prep_content_loader_new ("zh_TW", PREP_CONTENT_FLAGS_NONE);
  g_autoptr(GError) error = NULL;

  g_assert_true (prep_library_add_resources_to_loader (loader, PREP_CONTENT_RESOURCE_PATH, TRUE, &error));
  prep_content_loader_add_index (loader, "index.gvariant", bytes, resolve_cb, NULL);
  prep_content_loader_finish (loader);

  return loader;
}

static const char *good_files[] = { "questions/x.json", NULL };

static void
test_index_good (void)
{
  Entry entry = one_entry ();
  g_autoptr(GBytes) bytes = index_bytes (PREP_CONTENT_INDEX_VERSION, good_files, &entry);
  g_autoptr(PrepContentLoader) loader = load_index (bytes);
  PrepQuestion *question;

  g_assert_cmpuint (prep_content_loader_get_issues (loader)->len, ==, 0);
  g_assert_cmpuint (prep_content_loader_get_questions (loader)->len, ==, 1);
  question = g_ptr_array_index (prep_content_loader_get_questions (loader), 0);
  g_assert_cmpstr (prep_question_get_title (question), ==, "一？");
  g_assert_cmpstrv (prep_question_get_tags (question), ((const char *[]) { "a", NULL }));
  g_assert_true (prep_question_get_has_answer (question));
  g_assert_nonnull (question->source);
  g_assert_cmpstr (prep_question_get_short_answer (question), ==, "短。");
  g_assert_null (question->source);
  g_assert_cmpstr (prep_question_get_detailed_answer (question), ==, "");
  g_assert_null (question->detailed_answer);
}

/* Each broken index is reported, and lists nothing it cannot back. */
static void
test_index_bad (void)
{
  const char *missing_files[] = { "questions/none.json", NULL };
  const Entry one = one_entry ();
  const struct { guint32 version; const char **files; Entry entry; const char *message; } cases[] = {
    { 2, good_files, one, "unknown index version 2" },
    { 1, missing_files, one, "its file “questions/none.json” is missing" },
    { 1, good_files, { "One", "basics", "seed", "一？", "One?", "basic", 0, 0, 2 }, "malformed id “One”" },
    { 1, good_files, { "one", "", "seed", "一？", "One?", "basic", 0, 0, 2 }, "category: malformed id" },
    { 1, good_files, { "one", "basics", "seed", "一？", NULL, "basic", 0, 0, 2 }, "missing locale “en”" },
    { 1, good_files, { "one", "basics", "seed", " ", "One?", "basic", 0, 0, 2 }, "must not be empty" },
    { 1, good_files, { "one", "basics", "seed", "一？", "One?", "hard", 0, 0, 2 }, "difficulty: unknown value “hard”" },
    { 1, good_files, { "one", "basics", "", "一？", "One?", "basic", 0, 0, 2 }, "origin: unknown value" },
    { 1, good_files, { "one", "basics", "seed", "一？", "One?", "basic", 3, 0, 2 }, "“files” has no file 3" },
    { 1, good_files, { "one", "basics", "seed", "一？", "One?", "basic", 0, 99999, 2 }, "past the end" },
    { 1, good_files, { "one", "basics", "seed", "一？", "One?", "basic", 0, 1, G_MAXUINT64 }, "past the end" },
    { 1, good_files, { "one", "robotics", "seed", "一？", "One?", "basic", 0, 0, 2 }, "unknown category “robotics”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = index_bytes (cases[i].version, cases[i].files, &cases[i].entry);
      g_autoptr(PrepContentLoader) loader = load_index (bytes);
      GPtrArray *issues = prep_content_loader_get_issues (loader);
      g_autofree char *first = NULL;

      g_assert_cmpuint (issues->len, >=, 1);
      first = prep_content_issue_to_string (g_ptr_array_index (issues, 0));
      g_test_message ("%s", first);
      g_assert_nonnull (strstr (first, cases[i].message));
      g_assert_cmpuint (prep_content_loader_get_questions (loader)->len, ==, 0);
    }
}

/* Bytes that are no index at all (truncated, of another type) read as an
 * empty one of version 0: reported, nothing listed, nothing crashes. */
static void
test_index_garbage (void)
{
  static const char *garbage[] = { "", "{\"index_version\": 1}", "\x01\x00\x00\x00\xff\xff\xff\xff" };

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (garbage[i], strlen (garbage[i]));
      g_autoptr(PrepContentLoader) loader = load_index (bytes);

      g_assert_cmpuint (prep_content_loader_get_issues (loader)->len, >=, 1);
      g_assert_cmpuint (prep_content_loader_get_questions (loader)->len, ==, 0);
    }
}

/* An index that points at another question than it names: the answers
 * are not taken from it. */
static void
test_index_wrong_object (void)
{
  const char *two = strstr (index_file, "{\"id\": \"two\"");
  Entry entry = one_entry ();
  g_autoptr(GBytes) index = index_bytes (PREP_CONTENT_INDEX_VERSION, good_files, &entry);
  g_autoptr(PrepContentLoader) loader = load_index (index);
  g_autoptr(GBytes) bytes = g_bytes_new_static (index_file, strlen (index_file));
  g_autoptr(GError) error = NULL;
  PrepQuestion *question = g_ptr_array_index (prep_content_loader_get_questions (loader), 0);

  g_assert_false (_prep_content_loader_read_answer (question, bytes, "x.json", two - index_file,
                                                    strlen (two) - 2, &error));
  g_assert_error (error, PREP_CONTENT_ERROR, PREP_CONTENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "the object there is question “two”"));
  g_clear_error (&error);

  g_assert_false (_prep_content_loader_read_answer (question, bytes, "x.json", 10, strlen (index_file), &error));
  g_assert_nonnull (strstr (error->message, "past the end"));
  g_clear_error (&error);

  g_assert_false (_prep_content_loader_read_answer (question, bytes, "x.json", 1, 5, &error));
  g_assert_nonnull (strstr (error->message, "malformed JSON"));
  g_assert_null (question->short_answer);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/content-loader/bad/%s", bad_cases[i].file);
      g_test_add_data_func (path, &bad_cases[i], test_bad_file);
    }

  g_test_add_func ("/content-loader/issue-to-string", test_issue_to_string);
  g_test_add_func ("/content-loader/good/minimal", test_good_minimal);
  g_test_add_func ("/content-loader/strict", test_strict);
  g_test_add_func ("/content-loader/strict-both-languages", test_strict_both_languages);
  g_test_add_func ("/content-loader/one-language", test_one_language);
  g_test_add_func ("/content-loader/duplicate-across-files", test_duplicate_across_files);
  g_test_add_func ("/content-loader/categories-in-file", test_categories_in_file);
  g_test_add_func ("/content-loader/propagate", test_propagate);
  g_test_add_func ("/content-loader/hostile-sizes", test_hostile_sizes);
  g_test_add_func ("/content-loader/broken-escape-message", test_broken_escape_message);
  g_test_add_func ("/content-loader/octal-escape", test_octal_escape);
  g_test_add_func ("/content-loader/index/good", test_index_good);
  g_test_add_func ("/content-loader/index/bad", test_index_bad);
  g_test_add_func ("/content-loader/index/garbage", test_index_garbage);
  g_test_add_func ("/content-loader/index/wrong-object", test_index_wrong_object);

  return g_test_run ();
}
