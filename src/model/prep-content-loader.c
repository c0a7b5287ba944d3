/* prep-content-loader.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-content-loader"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "prep-category-private.h"
#include "prep-content-loader.h"
#include "prep-json-io.h"
#include "prep-question-private.h"

#define MAX_ID_LENGTH 64
#define MAX_ISSUES_IN_ERROR 10

/* The loader turns content files into model objects and, on the way,
 * validates them. Every problem becomes a PrepContentIssue naming the file
 * and the JSON path, so that one run of `llm-prep --validate` reports all
 * of them instead of stopping at the first. */
struct _PrepContentLoader
{
  const char       *locale;
  PrepContentFlags  flags;
  GPtrArray        *issues;
  GPtrArray        *categories;
  GPtrArray        *questions;
  GPtrArray        *pending;      /* Pending: questions not yet placed */
  GHashTable       *category_ids; /* id → PrepCategory (borrowed) */
  GHashTable       *question_ids; /* id → "file: path" of first definition */
  GHashTable       *external_ids; /* questions defined elsewhere, for links */
  GHashTable       *external_categories; /* categories defined elsewhere (a pack's bundled ones) */
  GHashTable       *category_sources;    /* id → "FILE\nPATH" of its definition */
  PrepContentProgress progress;
  gpointer          progress_data;
  guint             progress_done;
  guint             progress_total;
  GHashTable       *sources;      /* file name → GBytes, to place issues */
  PrepContentMarkdownCheck markdown_check;
  gpointer          markdown_check_data;
  guint             finished : 1;
};

#define MAX_CONTENT_FILE ((gsize) 64 * 1024 * 1024)

typedef struct
{
  PrepQuestion *question;
  char         *file;
  char         *path;
} Pending;

typedef struct
{
  PrepContentLoader *loader;
  const char        *file;
  GString           *path;
} Ctx;

G_DEFINE_QUARK (prep-content-error-quark, prep_content_error)

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->question);
  g_free (pending->file);
  g_free (pending->path);
  g_free (pending);
}

void
prep_content_issue_free (PrepContentIssue *issue)
{
  if (issue == NULL)
    return;

  g_free (issue->file);
  g_free (issue->path);
  g_free (issue->message);
  g_free (issue);
}

/**
 * prep_content_issue_to_string:
 *
 * Returns: the issue as "FILE[:LINE:COLUMN]: PATH: MESSAGE", the way
 *   compilers report errors, so that editors can jump to it
 */
char *
prep_content_issue_to_string (const PrepContentIssue *issue)
{
  g_autoptr(GString) str = g_string_new (issue->file);

  if (issue->line > 0)
    g_string_append_printf (str, ":%u:%u", issue->line, issue->column);
  if (issue->path != NULL && issue->path[0] != '\0')
    g_string_append_printf (str, ": %s", issue->path);
  g_string_append_printf (str, ": %s", issue->message);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
add_issue (PrepContentLoader *self,
           const char        *file,
           const char        *path,
           guint              line,
           guint              column,
           char              *message)
{
  PrepContentIssue *issue = g_new0 (PrepContentIssue, 1);

  /* Paths and messages quote the file's own names and text: whatever
   * json-glib made of them, the issue is UTF-8. */
  issue->file = g_strdup (file);
  issue->path = path ? g_utf8_make_valid (path, -1) : NULL;
  issue->line = line;
  issue->column = column;
  issue->message = g_utf8_make_valid (message, -1);
  g_free (message);

  g_ptr_array_add (self->issues, issue);
}

G_GNUC_PRINTF (2, 3)
static void
ctx_error (Ctx        *ctx,
           const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  add_issue (ctx->loader, ctx->file, ctx->path->str, 0, 0, g_strdup_vprintf (format, args));
  va_end (args);
}

static gsize
ctx_push_member (Ctx        *ctx,
                 const char *member)
{
  gsize len = ctx->path->len;

  g_string_append_printf (ctx->path, ".%s", member);
  return len;
}

static gsize
ctx_push_index (Ctx   *ctx,
                guint  index)
{
  gsize len = ctx->path->len;

  g_string_append_printf (ctx->path, "[%u]", index);
  return len;
}

static void
ctx_pop (Ctx   *ctx,
         gsize  len)
{
  g_string_truncate (ctx->path, len);
}

static const char *
node_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_INT64:
      return "an integer";
    case G_TYPE_DOUBLE:
      return "a number";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    default:
      return "a value";
    }
}

static gboolean
is_blank (const char *str)
{
  for (; *str; str++)
    {
      if (!g_ascii_isspace (*str))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_valid_id (const char *id)
{
  gboolean after_hyphen = TRUE;
  gsize len = 0;

  for (const char *c = id; *c; c++, len++)
    {
      if (g_ascii_islower (*c) || g_ascii_isdigit (*c))
        after_hyphen = FALSE;
      else if (*c == '-' && !after_hyphen)
        after_hyphen = TRUE;
      else
        return FALSE;
    }

  return len > 0 && len <= MAX_ID_LENGTH && !after_hyphen;
}

/**
 * prep_content_id_is_valid:
 *
 * Returns: whether @id is a category, question or tag id of the schema
 */
gboolean
prep_content_id_is_valid (const char *id)
{
  return id != NULL && is_valid_id (id);
}

/* Reports members that the schema does not know, which catches typos such
 * as "short_anwser" that would otherwise silently drop content. */
static void
check_members (Ctx                *ctx,
               JsonObject         *object,
               const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l; l = l->next)
    {
      const char *name = l->data;

      if (!g_strv_contains (known, name))
        {
          gsize len = ctx_push_member (ctx, name);
          ctx_error (ctx, "unknown member “%s”", name);
          ctx_pop (ctx, len);
        }
    }
}

static JsonNode *
get_member (Ctx        *ctx,
            JsonObject *object,
            const char *member,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && required)
    ctx_error (ctx, "missing required member “%s”", member);

  return node;
}

static const char *
read_string (Ctx        *ctx,
             JsonObject *object,
             const char *member,
             gboolean    required)
{
  JsonNode *node = get_member (ctx, object, member, required);
  const char *value;
  gsize len;

  if (node == NULL)
    return NULL;

  len = ctx_push_member (ctx, member);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      ctx_error (ctx, "expected a string, found %s", node_type_name (node));
      ctx_pop (ctx, len);
      return NULL;
    }

  value = json_node_get_string (node);
  if (is_blank (value))
    {
      ctx_error (ctx, "must not be empty");
      value = NULL;
    }

  ctx_pop (ctx, len);

  return value;
}

static const char *
read_id (Ctx        *ctx,
         JsonObject *object,
         const char *member)
{
  const char *id = read_string (ctx, object, member, TRUE);

  if (id != NULL && !is_valid_id (id))
    {
      gsize len = ctx_push_member (ctx, member);
      ctx_error (ctx, "malformed id “%s”: use 1–%d lowercase ASCII letters, digits and "
                 "single hyphens, not at either end", id, MAX_ID_LENGTH);
      ctx_pop (ctx, len);
      return NULL;
    }

  return id;
}

/* Reads a localized string from @node, which is an object keyed by content
 * locale. Strict checking requires every content locale: the bundled
 * content is complete in both languages, so the lists in them (key points,
 * follow-ups, quiz items, options) are the same length. Otherwise one
 * locale is enough: a user writes in their own language. The path must
 * already point at @node. */
static PrepText *
parse_text (Ctx      *ctx,
            JsonNode *node)
{
  g_autoptr(PrepText) text = NULL;
  g_autoptr(GList) members = NULL;
  const char * const *locales = prep_content_locales ();
  JsonObject *object;
  gboolean ok = TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ctx_error (ctx, "expected an object keyed by locale (\"zh_TW\", \"en\"), found %s",
                 node_type_name (node));
      return NULL;
    }

  object = json_node_get_object (node);
  text = prep_text_new ();
  members = json_object_get_members (object);

  for (const GList *l = members; l; l = l->next)
    {
      const char *locale = l->data;
      JsonNode *value = json_object_get_member (object, locale);
      gsize len = ctx_push_member (ctx, locale);

      if (!prep_content_locale_is_known (locale))
        {
          ctx_error (ctx, "unknown locale “%s” (expected one of: zh_TW, en)", locale);
          ok = FALSE;
        }
      else if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        {
          ctx_error (ctx, "expected a string, found %s", node_type_name (value));
          ok = FALSE;
        }
      else if (is_blank (json_node_get_string (value)))
        {
          ctx_error (ctx, "must not be empty");
          ok = FALSE;
        }
      else
        {
          prep_text_set (text, locale, json_node_get_string (value));
        }

      ctx_pop (ctx, len);
    }

  /* Strict checking (the bundled content) asks for every locale; a
   * user's own text may be in any one of them. */
  if (ctx->loader->flags & PREP_CONTENT_FLAGS_STRICT)
    {
      for (guint i = 0; locales[i] != NULL; i++)
        {
          if (!json_object_has_member (object, locales[i]))
            {
              ctx_error (ctx, "missing locale “%s”", locales[i]);
              ok = FALSE;
            }
        }
    }
  else if (ok && prep_text_is_empty (text))
    {
      ctx_error (ctx, "needs a text in one of the locales zh_TW, en");
      ok = FALSE;
    }

  return ok ? g_steal_pointer (&text) : NULL;
}

/* Markdown the viewer would not show as written is an issue, with the
 * line of the text where it is (see prep_content_loader_set_markdown_check()). */
static void
check_markdown (Ctx        *ctx,
                PrepText   *text,
                const char *member)
{
  const char * const *locales = prep_content_locales ();
  PrepContentLoader *self = ctx->loader;

  if (text == NULL || self->markdown_check == NULL)
    return;

  for (guint i = 0; locales[i]; i++)
    {
      const char *markdown = prep_text_get (text, locales[i]);
      g_autofree char *problem = NULL;
      guint line = 1;

      if (markdown != NULL && (problem = self->markdown_check (markdown, &line, self->markdown_check_data)))
        {
          gsize len = ctx_push_member (ctx, member);
          gsize len2 = ctx_push_member (ctx, locales[i]);

          ctx_error (ctx, "line %u of the text: %s", line, problem);
          ctx_pop (ctx, len2);
          ctx_pop (ctx, len);
        }
    }
}

static PrepText *
read_text (Ctx        *ctx,
           JsonObject *object,
           const char *member,
           gboolean    required)
{
  JsonNode *node = get_member (ctx, object, member, required);
  PrepText *text;
  gsize len;

  if (node == NULL)
    return NULL;

  len = ctx_push_member (ctx, member);
  text = parse_text (ctx, node);
  ctx_pop (ctx, len);

  return text;
}

/* Calls @func for each element of the array @member. Returns the number of
 * elements, or -1 when the member is absent or not an array. */
static int
foreach_element (Ctx        *ctx,
                 JsonObject *object,
                 const char *member,
                 gboolean    required,
                 void      (*func) (Ctx *ctx, JsonNode *node, gpointer data),
                 gpointer    data)
{
  JsonNode *node = get_member (ctx, object, member, required);
  JsonArray *array;
  gsize len;
  guint n;

  if (node == NULL)
    return -1;

  len = ctx_push_member (ctx, member);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      ctx_error (ctx, "expected an array, found %s", node_type_name (node));
      ctx_pop (ctx, len);
      return -1;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      gsize ilen = ctx_push_index (ctx, i);
      func (ctx, json_array_get_element (array, i), data);
      ctx_pop (ctx, ilen);
    }

  ctx_pop (ctx, len);

  return n;
}

static void
check_count (Ctx        *ctx,
             const char *member,
             int         n,
             int         min,
             int         max)
{
  gsize len;

  if (n < 0 || (n >= min && (max < 0 || n <= max)))
    return;

  len = ctx_push_member (ctx, member);
  if (max < 0)
    ctx_error (ctx, "has %d item(s), needs at least %d", n, min);
  else
    ctx_error (ctx, "has %d item(s), needs %d to %d", n, min, max);
  ctx_pop (ctx, len);
}

static void
text_element_cb (Ctx      *ctx,
                 JsonNode *node,
                 gpointer  data)
{
  GPtrArray *texts = data;
  PrepText *text = parse_text (ctx, node);

  if (text != NULL)
    g_ptr_array_add (texts, text);
}

static void
tag_element_cb (Ctx      *ctx,
                JsonNode *node,
                gpointer  data)
{
  GPtrArray *tags = data;
  const char *tag;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      ctx_error (ctx, "expected a string, found %s", node_type_name (node));
      return;
    }

  tag = json_node_get_string (node);
  if (!is_valid_id (tag))
    ctx_error (ctx, "malformed tag “%s”: use lowercase ASCII letters, digits and hyphens", tag);
  else if (g_ptr_array_find_with_equal_func (tags, tag, g_str_equal, NULL))
    ctx_error (ctx, "duplicate tag “%s”", tag);
  else
    g_ptr_array_add (tags, g_strdup (tag));
}

static void
follow_up_element_cb (Ctx      *ctx,
                      JsonNode *node,
                      gpointer  data)
{
  static const char * const known[] = { "question", "answer", NULL };
  GPtrArray *follow_ups = data;
  g_autoptr(PrepFollowUp) follow_up = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ctx_error (ctx, "expected an object, found %s", node_type_name (node));
      return;
    }

  object = json_node_get_object (node);
  check_members (ctx, object, known);

  follow_up = prep_follow_up_new ();
  follow_up->question = read_text (ctx, object, "question", TRUE);
  follow_up->answer = read_text (ctx, object, "answer", TRUE);

  if (follow_up->question != NULL && follow_up->answer != NULL)
    g_ptr_array_add (follow_ups, g_steal_pointer (&follow_up));
}

static gboolean
read_option_texts (Ctx        *ctx,
                   JsonObject *object,
                   const char *member,
                   gboolean    required,
                   PrepText  **texts)
{
  JsonNode *node = get_member (ctx, object, member, required);
  gboolean ok = TRUE;
  JsonArray *array;
  gsize len;
  guint n;

  if (node == NULL)
    return !required;

  len = ctx_push_member (ctx, member);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      ctx_error (ctx, "expected an array of %d localized strings, found %s",
                 PREP_QUIZ_N_OPTIONS, node_type_name (node));
      ctx_pop (ctx, len);
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  if (n == 0)
    {
      ctx_error (ctx, "must not be empty: a quiz item needs exactly %d options",
                 PREP_QUIZ_N_OPTIONS);
      ok = FALSE;
    }
  else if (n != PREP_QUIZ_N_OPTIONS)
    {
      ctx_error (ctx, "has %u item(s), needs exactly %d", n, PREP_QUIZ_N_OPTIONS);
      ok = FALSE;
    }

  for (guint i = 0; i < n && i < PREP_QUIZ_N_OPTIONS; i++)
    {
      gsize ilen = ctx_push_index (ctx, i);

      if (!(texts[i] = parse_text (ctx, json_array_get_element (array, i))))
        ok = FALSE;
      ctx_pop (ctx, ilen);
    }

  ctx_pop (ctx, len);

  return ok;
}

static void
quiz_element_cb (Ctx      *ctx,
                 JsonNode *node,
                 gpointer  data)
{
  static const char * const known[] = {
    "prompt", "options", "answer", "explanation", "option_explanations", NULL
  };
  gboolean strict = (ctx->loader->flags & PREP_CONTENT_FLAGS_STRICT) != 0;
  GPtrArray *items = data;
  g_autoptr(PrepQuizItem) item = NULL;
  JsonObject *object;
  JsonNode *answer;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ctx_error (ctx, "expected an object, found %s", node_type_name (node));
      return;
    }

  object = json_node_get_object (node);
  check_members (ctx, object, known);

  item = prep_quiz_item_new ();
  item->prompt = read_text (ctx, object, "prompt", TRUE);
  item->explanation = read_text (ctx, object, "explanation", TRUE);
  ok = read_option_texts (ctx, object, "options", TRUE, item->options);
  ok &= read_option_texts (ctx, object, "option_explanations", strict, item->option_explanations);

  if ((answer = get_member (ctx, object, "answer", TRUE)))
    {
      gsize len = ctx_push_member (ctx, "answer");

      if (!JSON_NODE_HOLDS_VALUE (answer) || json_node_get_value_type (answer) != G_TYPE_INT64)
        {
          ctx_error (ctx, "expected the 0-based index of the correct option, found %s",
                     node_type_name (answer));
          ok = FALSE;
        }
      else if (json_node_get_int (answer) < 0 || json_node_get_int (answer) >= PREP_QUIZ_N_OPTIONS)
        {
          ctx_error (ctx, "answer index %" G_GINT64_FORMAT " is out of range: "
                     "options are numbered 0 to %d",
                     json_node_get_int (answer), PREP_QUIZ_N_OPTIONS - 1);
          ok = FALSE;
        }
      else
        {
          item->answer = json_node_get_int (answer);
        }

      ctx_pop (ctx, len);
    }
  else
    {
      ok = FALSE;
    }

  if (ok && item->prompt != NULL && item->explanation != NULL)
    g_ptr_array_add (items, g_steal_pointer (&item));
}

static gboolean
is_arxiv_id (const char *id)
{
  /* New-style identifiers: YYMM.NNNN or YYMM.NNNNN, optional version
   * (by hand: compiling a regex for every reference cost start-up time). */
  const char *p = id;
  guint n = 0;

  for (; n < 4 && g_ascii_isdigit (*p); p++)
    n++;
  if (n != 4 || *p++ != '.')
    return FALSE;
  for (n = 0; g_ascii_isdigit (*p); p++)
    n++;
  if (n != 4 && n != 5)
    return FALSE;
  if (*p == 'v')
    {
      if (!g_ascii_isdigit (*++p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

static void
reference_element_cb (Ctx      *ctx,
                      JsonNode *node,
                      gpointer  data)
{
  static const char * const known[] = {
    "title", "authors", "year", "venue", "arxiv", "url", NULL
  };
  GPtrArray *references = data;
  g_autoptr(PrepReference) reference = NULL;
  JsonObject *object;
  JsonNode *year;
  const char *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ctx_error (ctx, "expected an object, found %s", node_type_name (node));
      return;
    }

  object = json_node_get_object (node);
  check_members (ctx, object, known);

  reference = prep_reference_new ();
  reference->title = g_strdup (read_string (ctx, object, "title", TRUE));
  reference->authors = g_strdup (read_string (ctx, object, "authors", FALSE));
  reference->venue = g_strdup (read_string (ctx, object, "venue", FALSE));

  if ((value = read_string (ctx, object, "arxiv", FALSE)))
    {
      if (is_arxiv_id (value))
        reference->arxiv = g_strdup (value);
      else
        {
          gsize len = ctx_push_member (ctx, "arxiv");
          ctx_error (ctx, "malformed arXiv id “%s” (expected e.g. 1706.03762)", value);
          ctx_pop (ctx, len);
        }
    }

  if ((value = read_string (ctx, object, "url", FALSE)))
    {
      if (g_str_has_prefix (value, "https://") || g_str_has_prefix (value, "http://"))
        reference->url = g_strdup (value);
      else
        {
          gsize len = ctx_push_member (ctx, "url");
          ctx_error (ctx, "malformed URL “%s”: only http and https links are allowed", value);
          ctx_pop (ctx, len);
        }
    }

  if ((year = get_member (ctx, object, "year", FALSE)))
    {
      gsize len = ctx_push_member (ctx, "year");

      if (!JSON_NODE_HOLDS_VALUE (year) || json_node_get_value_type (year) != G_TYPE_INT64 ||
          json_node_get_int (year) < 1900 || json_node_get_int (year) > 2100)
        ctx_error (ctx, "expected a year between 1900 and 2100");
      else
        reference->year = json_node_get_int (year);

      ctx_pop (ctx, len);
    }

  if (reference->arxiv == NULL && reference->url == NULL &&
      !json_object_has_member (object, "arxiv") && !json_object_has_member (object, "url"))
    ctx_error (ctx, "a reference needs an “arxiv” id or a “url”");

  if (reference->title != NULL)
    g_ptr_array_add (references, g_steal_pointer (&reference));
}

static gboolean
read_enum (Ctx        *ctx,
           JsonObject *object,
           const char *member,
           GType       type,
           int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  const char *nick = read_string (ctx, object, member, TRUE);
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;

  if (!(ev = g_enum_get_value_by_nick (klass, nick)))
    {
      g_autoptr(GString) names = g_string_new (NULL);
      gsize len = ctx_push_member (ctx, member);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "", klass->values[i].value_nick);
      ctx_error (ctx, "unknown value “%s” (expected one of: %s)", nick, names->str);
      ctx_pop (ctx, len);
      return FALSE;
    }

  *value = ev->value;
  return TRUE;
}

static void
read_date (Ctx        *ctx,
           JsonObject *object,
           const char *member,
           gboolean    required,
           char      **out)
{
  const char *value = read_string (ctx, object, member, required);
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (value == NULL)
    return;

  iso = g_strdup_printf ("%sT00:00:00Z", value);
  if (strlen (value) != 10 || !(dt = g_date_time_new_from_iso8601 (iso, NULL)))
    {
      gsize len = ctx_push_member (ctx, member);
      ctx_error (ctx, "malformed date “%s” (expected YYYY-MM-DD)", value);
      ctx_pop (ctx, len);
      return;
    }

  *out = g_strdup (value);
}

/* Records that @id is defined at @file and @path, in a file or an index.
 *
 * Returns: where it was defined first if it already was, else %NULL */
static const char *
claim_question_id (PrepContentLoader *self,
                   const char        *id,
                   const char        *file,
                   const char        *path)
{
  const char *first = g_hash_table_lookup (self->question_ids, id);

  if (first == NULL)
    g_hash_table_insert (self->question_ids, g_strdup (id), g_strdup_printf ("%s: %s", file, path));

  return first;
}

/* What a question is listed by, in a content file or in the index: a new
 * question with its id (made unique), category, title, difficulty, origin
 * and tags. */
static PrepQuestion *
read_question_head (Ctx        *ctx,
                    JsonObject *object,
                    const char *id)
{
  PrepContentLoader *self = ctx->loader;
  g_autoptr(GPtrArray) tags = NULL;
  PrepQuestion *question;
  const char *first;
  int difficulty = 0;
  int origin = 0;

  if (id != NULL && (first = claim_question_id (self, id, ctx->file, ctx->path->str)))
    {
      gsize len = ctx_push_member (ctx, "id");
      ctx_error (ctx, "duplicate question id “%s” (first defined at %s)", id, first);
      ctx_pop (ctx, len);
      id = NULL;
    }

  question = _prep_question_new (id ? id : "invalid", self->locale);
  question->category_id = g_strdup (read_id (ctx, object, "category"));
  question->title = read_text (ctx, object, "question", TRUE);
  read_enum (ctx, object, "difficulty", PREP_TYPE_DIFFICULTY, &difficulty);
  read_enum (ctx, object, "origin", PREP_TYPE_ORIGIN, &origin);
  question->difficulty = difficulty;
  question->origin = origin;

  /* The bundled content (checked strictly) is never the user's. */
  if (origin == PREP_ORIGIN_USER && (self->flags & PREP_CONTENT_FLAGS_STRICT))
    {
      gsize len = ctx_push_member (ctx, "origin");
      ctx_error (ctx, "origin “user” is for the user's own questions, not the bundled content");
      ctx_pop (ctx, len);
    }

  tags = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  foreach_element (ctx, object, "tags", TRUE, tag_element_cb, tags);
  g_strfreev (question->tags);
  question->tags = (char **) g_ptr_array_steal (tags, NULL);

  return question;
}

/* The rest of a question: its answers, read with the file or, for an
 * indexed question, when they are first needed. */
static void
read_answer (Ctx          *ctx,
             JsonObject   *object,
             PrepQuestion *question)
{
  gboolean strict = (ctx->loader->flags & PREP_CONTENT_FLAGS_STRICT) != 0;
  int n;

  question->short_answer = read_text (ctx, object, "short_answer", strict);
  question->detailed_answer = read_text (ctx, object, "detailed_answer", strict);
  check_markdown (ctx, question->detailed_answer, "detailed_answer");
  read_date (ctx, object, "last_reviewed", strict, &question->last_reviewed);

  n = foreach_element (ctx, object, "key_points", strict, text_element_cb, question->key_points);
  if (strict)
    check_count (ctx, "key_points", n, 3, 6);
  n = foreach_element (ctx, object, "follow_ups", strict, follow_up_element_cb, question->follow_ups);
  if (strict)
    check_count (ctx, "follow_ups", n, 2, 4);
  n = foreach_element (ctx, object, "pitfalls", strict, text_element_cb, question->pitfalls);
  if (strict)
    check_count (ctx, "pitfalls", n, 1, -1);
  n = foreach_element (ctx, object, "quiz", strict, quiz_element_cb, question->quiz_items);
  if (strict)
    check_count (ctx, "quiz", n, 2, -1);
  n = foreach_element (ctx, object, "references", strict, reference_element_cb, question->references);
  if (strict)
    check_count (ctx, "references", n, 1, -1);
}

static void
question_element_cb (Ctx      *ctx,
                     JsonNode *node,
                     gpointer  data)
{
  static const char * const known[] = {
    "id", "category", "origin", "question", "difficulty", "tags", "short_answer",
    "detailed_answer", "key_points", "follow_ups", "pitfalls", "quiz", "references",
    "last_reviewed", NULL
  };
  PrepContentLoader *self = ctx->loader;
  g_autoptr(PrepQuestion) question = NULL;
  guint n_issues = self->issues->len;
  const char *id;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ctx_error (ctx, "expected a question object, found %s", node_type_name (node));
      return;
    }

  object = json_node_get_object (node);
  check_members (ctx, object, known);

  if (self->progress != NULL && (++self->progress_done % 256) == 0)
    self->progress (self->progress_done, self->progress_total, self->progress_data);

  id = read_id (ctx, object, "id");
  question = read_question_head (ctx, object, id);

  read_answer (ctx, object, question);

  if (self->issues->len == n_issues)
    {
      Pending *pending = g_new0 (Pending, 1);

      pending->question = g_steal_pointer (&question);
      pending->file = g_strdup (ctx->file);
      pending->path = g_strdup (ctx->path->str);
      g_ptr_array_add (self->pending, pending);
    }
}

static void
category_element_cb (Ctx      *ctx,
                     JsonNode *node,
                     gpointer  data)
{
  static const char * const known[] = { "id", "title", "description", NULL };
  PrepContentLoader *self = ctx->loader;
  g_autoptr(PrepText) title = NULL;
  g_autoptr(PrepText) description = NULL;
  g_autoptr(PrepCategory) category = NULL;
  guint n_issues = self->issues->len;
  JsonObject *object;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ctx_error (ctx, "expected a category object, found %s", node_type_name (node));
      return;
    }

  object = json_node_get_object (node);
  check_members (ctx, object, known);

  id = read_id (ctx, object, "id");
  title = read_text (ctx, object, "title", TRUE);
  description = read_text (ctx, object, "description", FALSE);

  if (id != NULL && g_hash_table_contains (self->category_ids, id))
    {
      gsize len = ctx_push_member (ctx, "id");
      ctx_error (ctx, "duplicate category id “%s”", id);
      ctx_pop (ctx, len);
    }

  if (self->issues->len != n_issues)
    return;

  category = prep_category_new (id, title, description, self->locale);
  _prep_category_set_position (category, self->categories->len);
  g_hash_table_insert (self->category_sources, g_strdup (id), g_strdup_printf ("%s\n%s.id", ctx->file, ctx->path->str));
  g_hash_table_insert (self->category_ids, g_strdup (id), category);
  g_ptr_array_add (self->categories, g_steal_pointer (&category));
}

static void
add_parse_error (PrepContentLoader *self,
                 const char        *name,
                 const GError      *error)
{
  const char *message = error->message;
  guint line = 0;
  guint column = 0;
  int consumed = 0;

  /* json-glib reports "<data>:LINE:COLUMN: Parse error: …"; keep the
   * position but name the real file. Translated, the colons may be
   * others ("<data>：2：18：解析錯誤：" in zh_TW): any short separator. */
  if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    message += consumed;
  else if (g_str_has_prefix (message, "<data>"))
    {
      const char *p = message + strlen ("<data>");
      guint numbers[2] = { 0, 0 };
      guint n = 0;

      for (; n < 2; n++)
        {
          const char *start = p;
          char *end;

          while (*p && !g_ascii_isdigit (*p) && p - start < 4)
            p++;
          if (!g_ascii_isdigit (*p))
            break;
          numbers[n] = (guint) MIN (g_ascii_strtoull (p, &end, 10), G_MAXUINT);
          p = end;
        }

      if (n == 2)
        {
          line = numbers[0];
          column = numbers[1];
          /* The separator after the column: ":" and a space, or "：". */
          if (*p == ':')
            p++;
          else if (g_str_has_prefix (p, "："))
            p += strlen ("：");
          while (*p == ' ')
            p++;
          message = p;
        }
    }

  /* json-glib quotes the bad string, which may not be UTF-8 (a broken
   * \u escape): the issue's text always is (found by fuzz-content). */
  {
    g_autofree char *valid = g_utf8_make_valid (message, -1);

    add_issue (self, name, NULL, line, column, g_strdup_printf ("malformed JSON: %s", valid));
  }
}

/* Parses @data, after one pass over the bytes for UTF-8 and what
 * json-glib would crash on (deep nesting) or decode wrongly (half surrogate
 * pairs, \u0000, numbers past 64 bits); what is wrong becomes an issue. */
static JsonParser *
parse_checked (PrepContentLoader *self,
               const char        *name,
               const char        *data,
               gsize              size)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  gsize offset = 0;

  if (!prep_json_check (data, size, PREP_JSON_MAX_DEPTH, NULL, NULL, NULL, &offset, &error))
    {
      guint line, column;

      prep_json_offset_to_position (data, size, offset, &line, &column);
      if (g_error_matches (error, PREP_JSON_ERROR, PREP_JSON_ERROR_UTF8))
        add_issue (self, name, NULL, line, column,
                   g_strdup_printf ("invalid UTF-8 (byte 0x%02x at offset %" G_GSIZE_FORMAT "): "
                                    "content files must be UTF-8 encoded", (guchar) data[offset], offset));
      else
        add_issue (self, name, NULL, line, column, g_strdup (error->message));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, &error))
    {
      add_parse_error (self, name, error);
      return NULL;
    }

  return g_steal_pointer (&parser);
}

/**
 * prep_content_loader_add_bytes:
 * @name: the file name to use in issues
 *
 * Parses and validates one content file.
 *
 * Returns: %TRUE if the file had no issues
 */
gboolean
prep_content_loader_add_bytes (PrepContentLoader *self,
                               const char        *name,
                               GBytes            *bytes)
{
  static const char * const known[] = { "schema_version", "categories", "questions", NULL };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GString) path = NULL;
  guint n_issues;
  const char *data;
  JsonObject *root;
  JsonNode *version;
  gsize size;
  Ctx ctx;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  n_issues = self->issues->len;
  data = g_bytes_get_data (bytes, &size);
  if (data == NULL)
    data = "";

  g_hash_table_replace (self->sources, g_strdup (name), g_bytes_ref (bytes));

  if (!(parser = parse_checked (self, name, data, size)))
    return FALSE;

  path = g_string_new ("$");
  ctx = (Ctx) { self, name, path };

  if (json_parser_get_root (parser) == NULL)
    {
      ctx_error (&ctx, "the file is empty: expected a JSON object with “schema_version”");
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      ctx_error (&ctx, "expected a JSON object with “schema_version”, found %s",
                 node_type_name (json_parser_get_root (parser)));
      return FALSE;
    }

  root = json_node_get_object (json_parser_get_root (parser));

  if (!(version = get_member (&ctx, root, "schema_version", TRUE)))
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      ctx_push_member (&ctx, "schema_version");
      ctx_error (&ctx, "expected an integer, found %s", node_type_name (version));
      return FALSE;
    }

  if (json_node_get_int (version) != PREP_CONTENT_SCHEMA_VERSION)
    {
      ctx_push_member (&ctx, "schema_version");
      ctx_error (&ctx, "unknown schema version %" G_GINT64_FORMAT
                 " (this version of LLM Prep reads version %d)",
                 json_node_get_int (version), PREP_CONTENT_SCHEMA_VERSION);
      return FALSE;
    }

  check_members (&ctx, root, known);

  if (!json_object_has_member (root, "categories") && !json_object_has_member (root, "questions"))
    ctx_error (&ctx, "a content file needs “categories”, “questions” or both");

  foreach_element (&ctx, root, "categories", FALSE, category_element_cb, NULL);

  {
    JsonNode *questions = json_object_get_member (root, "questions");

    self->progress_done = 0;
    self->progress_total = questions && JSON_NODE_HOLDS_ARRAY (questions)
                             ? json_array_get_length (json_node_get_array (questions)) : 0;
  }
  foreach_element (&ctx, root, "questions", FALSE, question_element_cb, NULL);
  if (self->progress != NULL)
    self->progress (self->progress_total, self->progress_total, self->progress_data);

  return self->issues->len == n_issues;
}

/* Reading the index (build-aux/content-index.c): the questions' heads,
 * with where the rest of each is in its file. The index is not trusted:
 * GVariant reads malformed data as defaults, and every entry is checked as
 * a content file's question head would be. */
G_GNUC_PRINTF (4, 5)
static void
index_error (PrepContentLoader *self,
             const char        *name,
             const char        *path,
             const char        *format,
             ...)
{
  va_list args;

  va_start (args, format);
  add_issue (self, name, path, 0, 0, g_strdup_vprintf (format, args));
  va_end (args);
}

/* A string in a (trusted) tuple or dictionary entry; it lives as long as
 * the index's bytes. */
static const char *
child_string (GVariant *container,
              gsize     index)
{
  g_autoptr(GVariant) child = g_variant_get_child_value (container, index);

  return g_variant_get_string (child, NULL);
}

static PrepText *
index_title (PrepContentLoader *self,
             const char        *name,
             const char        *path,
             GVariant          *titles)
{
  g_autoptr(PrepText) text = prep_text_new ();
  const char * const *locales = prep_content_locales ();
  gboolean ok = TRUE;

  for (gsize i = 0, n = g_variant_n_children (titles); i < n; i++)
    {
      g_autoptr(GVariant) pair = g_variant_get_child_value (titles, i);
      const char *locale = child_string (pair, 0);
      const char *value = child_string (pair, 1);

      if (!prep_content_locale_is_known (locale))
        index_error (self, name, path, "question: unknown locale “%s”", locale);
      else if (is_blank (value))
        index_error (self, name, path, "question.%s: must not be empty", locale);
      else
        {
          prep_text_set (text, locale, value);
          continue;
        }
      ok = FALSE;
    }

  for (guint i = 0; ok && locales[i] != NULL; i++)
    {
      if (prep_text_lookup (text, locales[i]) == NULL)
        {
          index_error (self, name, path, "question: missing locale “%s”", locales[i]);
          ok = FALSE;
        }
    }

  return ok ? g_steal_pointer (&text) : NULL;
}

static gboolean
index_enum (PrepContentLoader *self,
            const char        *name,
            const char        *path,
            const char        *member,
            GType              type,
            const char        *nick,
            int               *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value_by_nick (klass, nick);

  if (ev == NULL)
    {
      index_error (self, name, path, "%s: unknown value “%s”", member, nick);
      return FALSE;
    }

  *value = ev->value;
  return TRUE;
}

/* One entry: (id, category, origin, {locale: title}, difficulty, [tags],
 * has answer, file, offset, length). */
static void
add_index_entry (PrepContentLoader *self,
                 const char        *name,
                 guint              position,
                 GVariant          *entry,
                 GPtrArray         *files,
                 GPtrArray         *names)
{
  g_autofree char *path = g_strdup_printf ("$.questions[%u]", position);
  g_autoptr(GVariant) titles = g_variant_get_child_value (entry, 3);
  g_autoptr(GVariant) tag_array = g_variant_get_child_value (entry, 5);
  g_autoptr(GVariant) has_answer = g_variant_get_child_value (entry, 6);
  g_autoptr(GVariant) file_index = g_variant_get_child_value (entry, 7);
  g_autoptr(GVariant) offset_value = g_variant_get_child_value (entry, 8);
  g_autoptr(GVariant) length_value = g_variant_get_child_value (entry, 9);
  g_autoptr(PrepQuestion) question = NULL;
  g_autofree const char **tags = g_variant_get_strv (tag_array, NULL);
  const char *id = child_string (entry, 0);
  const char *category = child_string (entry, 1);
  const char *origin = child_string (entry, 2);
  const char *difficulty = child_string (entry, 4);
  guint32 file = g_variant_get_uint32 (file_index);
  guint64 offset = g_variant_get_uint64 (offset_value);
  guint64 length = g_variant_get_uint64 (length_value);
  guint n_issues = self->issues->len;
  int difficulty_value = 0, origin_value = 0;
  GBytes *bytes = NULL;
  const char *first;

  /* Field by field: a format string is parsed at every call, which for
   * thousands of entries is most of the time. */

  if (!is_valid_id (id))
    index_error (self, name, path, "id: malformed id “%s”", id);
  else if ((first = claim_question_id (self, id, name, path)))
    index_error (self, name, path, "id: duplicate question id “%s” (first defined at %s)", id, first);

  if (!is_valid_id (category))
    index_error (self, name, path, "category: malformed id “%s”", category);

  if (file >= files->len)
    index_error (self, name, path, "file: “files” has no file %u", file);
  else if (!(bytes = g_ptr_array_index (files, file)))
    index_error (self, name, path, "file: its file “%s” is missing", (char *) g_ptr_array_index (names, file));
  else if (offset > g_bytes_get_size (bytes) || length > g_bytes_get_size (bytes) - offset)
    index_error (self, name, path, "offset and length are past the end of “%s”",
                 (char *) g_ptr_array_index (names, file));

  question = _prep_question_new (id, self->locale);
  question->category_id = g_strdup (category);
  question->title = index_title (self, name, path, titles);
  index_enum (self, name, path, "difficulty", PREP_TYPE_DIFFICULTY, difficulty, &difficulty_value);
  if (index_enum (self, name, path, "origin", PREP_TYPE_ORIGIN, origin, &origin_value) &&
      origin_value == PREP_ORIGIN_USER)
    index_error (self, name, path, "origin: “user” is for the user's own questions, not the bundled content");
  question->difficulty = difficulty_value;
  question->origin = origin_value;
  g_strfreev (question->tags);
  question->tags = g_strdupv ((char **) tags);

  /* What is at the offset is checked when it is read: reading even its
   * first byte now would bring every page of the files into memory. */
  if (self->issues->len == n_issues)
    {
      Pending *pending = g_new0 (Pending, 1);

      _prep_question_set_source (question, bytes, g_ptr_array_index (names, file), offset, length,
                                 g_variant_get_boolean (has_answer));
      pending->question = g_steal_pointer (&question);
      pending->file = g_strdup (name);
      pending->path = g_steal_pointer (&path);
      g_ptr_array_add (self->pending, pending);
    }
}

/**
 * prep_content_loader_add_index:
 * @name: the index's name, for messages
 * @index: the index, as build-aux/content-index.c writes it
 * @resolve: returns the bytes of a file the index names, or %NULL
 *
 * Adds the questions of an index in place of their files: each has its
 * head (what lists and filters show) at once and reads its answers from
 * its file when they are first asked for. The index is checked as the
 * heads in a content file are; the answers when they are read, so the
 * files should be ones the tests validate.
 *
 * Returns: %TRUE if the index had no issues
 */
gboolean
prep_content_loader_add_index (PrepContentLoader  *self,
                               const char         *name,
                               GBytes             *index,
                               PrepContentResolve  resolve,
                               gpointer            data)
{
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) names = NULL;
  g_autoptr(GVariant) entries = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) file_names = NULL;
  guint n_issues;
  guint32 version;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (index != NULL, FALSE);
  g_return_val_if_fail (resolve != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  n_issues = self->issues->len;

  /* Checked once, whole, then read as trusted: cheaper than GVariant's
   * checks of untrusted data at every access. */
  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (PREP_CONTENT_INDEX_TYPE), index, FALSE));
  if (!g_variant_is_normal_form (variant))
    {
      index_error (self, name, "$", "the index is damaged (not a GVariant of type %s in normal form)",
                   PREP_CONTENT_INDEX_TYPE);
      return FALSE;
    }
  g_variant_unref (variant);
  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (PREP_CONTENT_INDEX_TYPE), index, TRUE));

  if (G_BYTE_ORDER == G_BIG_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (variant);

      g_variant_unref (variant);
      variant = swapped;
    }

  names = g_variant_get_child_value (variant, 1);
  entries = g_variant_get_child_value (variant, 2);
  g_variant_get_child (variant, 0, "u", &version);
  if (version != PREP_CONTENT_INDEX_VERSION)
    {
      index_error (self, name, "$", "unknown index version %u (this version of LLM Prep reads version %d)",
                   version, PREP_CONTENT_INDEX_VERSION);
      return FALSE;
    }

  files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  file_names = g_ptr_array_new_with_free_func (g_free);
  for (gsize i = 0, n = g_variant_n_children (names); i < n; i++)
    {
      const char *file = child_string (names, i);

      g_ptr_array_add (files, *file ? resolve (file, data) : NULL);
      g_ptr_array_add (file_names, g_strdup (file));
    }

  for (gsize i = 0, n = g_variant_n_children (entries); i < n; i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (entries, i);

      add_index_entry (self, name, i, entry, files, file_names);
    }

  return self->issues->len == n_issues;
}

/**
 * _prep_content_loader_read_answer:
 * @question: a question from prep_content_loader_add_index()
 * @bytes: its file
 *
 * Reads the rest of @question from its object in @bytes, as
 * prep_content_loader_add_bytes() would have.
 *
 * Returns: whether it was read without issues; if not, @question keeps
 *   what could be read, and @error says what was wrong
 */
gboolean
_prep_content_loader_read_answer (PrepQuestion  *question,
                                  GBytes        *bytes,
                                  const char    *file,
                                  gsize          offset,
                                  gsize          length,
                                  GError       **error)
{
  g_autoptr(PrepContentLoader) self = prep_content_loader_new (NULL, PREP_CONTENT_FLAGS_NONE);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GString) path = NULL;
  g_autofree char *name = g_strdup_printf ("%s (question “%s”)", file, question->id);
  const char *data;
  gsize size;
  Ctx ctx;

  data = g_bytes_get_data (bytes, &size);
  path = g_string_new ("$");
  ctx = (Ctx) { self, name, path };

  if (data == NULL || offset > size || length > size - offset)
    ctx_error (&ctx, "offset and length are past the end of the file");
  else if ((parser = parse_checked (self, name, data + offset, length)) &&
           (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))))
    ctx_error (&ctx, "expected a question object");
  else if (parser != NULL)
    {
      JsonObject *object = json_node_get_object (json_parser_get_root (parser));
      const char *id = json_object_get_string_member_with_default (object, "id", "");

      if (g_strcmp0 (id, question->id) != 0)
        ctx_error (&ctx, "the object there is question “%s”", id);
      else
        read_answer (&ctx, object, question);
    }

  return prep_content_loader_propagate_issues (self, error);
}

/**
 * prep_content_loader_add_file:
 *
 * Like prep_content_loader_add_bytes() for a file; a file that cannot be
 * read is an issue too.
 */
gboolean
prep_content_loader_add_file (PrepContentLoader *self,
                              GFile             *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_path (file);
  if (name == NULL)
    name = g_file_get_uri (file);

  /* Local files: regular files only (never blocking on a FIFO), within a
   * size no content file comes near. */
  if (g_file_is_native (file))
    bytes = prep_json_read_file (name, MAX_CONTENT_FILE, &error);
  else
    bytes = g_file_load_bytes (file, NULL, NULL, &error);

  if (bytes == NULL)
    {
      add_issue (self, name, NULL, 0, 0, g_strdup_printf ("cannot read: %s", error->message));
      return FALSE;
    }

  return prep_content_loader_add_bytes (self, name, bytes);
}

guint
prep_content_loader_get_n_categories (PrepContentLoader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->categories->len;
}

/* Checks the links of one Markdown text: question:ID links must name a
 * question, resource:// links and images a file in the GResource. */
static void
check_links (PrepContentLoader *self,
             Pending           *pending,
             PrepText          *text,
             const char        *member)
{
  const char * const *locales = prep_content_locales ();

  for (guint i = 0; text != NULL && locales[i]; i++)
    {
      const char *markdown = prep_text_lookup (text, locales[i]);

      for (const char *p = markdown; p && (p = strstr (p, "](")); p += 2)
        {
          const char *target = p + 2;
          gsize len = strcspn (target, ") \t\n");
          g_autofree char *link = g_strndup (target, len);

          if (g_str_has_prefix (link, "question:"))
            {
              const char *id = link + strlen ("question:");

              if (!g_hash_table_contains (self->question_ids, id) &&
                  !g_hash_table_contains (self->external_ids, id))
                add_issue (self, pending->file, pending->path, 0, 0,
                           g_strdup_printf ("%s.%s links to unknown question “%s”", member, locales[i], id));
            }
          else if (g_str_has_prefix (link, "resource://"))
            {
              if (!g_resources_get_info (link + strlen ("resource://"), 0, NULL, NULL, NULL))
                add_issue (self, pending->file, pending->path, 0, 0,
                           g_strdup_printf ("%s.%s links to missing resource “%s”", member, locales[i], link));
            }
        }
    }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * prep_content_loader_add_external_categories:
 * @ids: ids of categories defined outside the files given to this loader
 *
 * Lets questions name them (a pack's question may be in a bundled
 * category); such questions are not placed in a category by the loader,
 * but the library does. A category that the files define with one of
 * these ids is an issue, unless %PREP_CONTENT_FLAGS_KEEP_CLASHES.
 */
void
prep_content_loader_add_external_categories (PrepContentLoader  *self,
                                             const char * const *ids)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->finished);

  for (guint i = 0; ids != NULL && ids[i]; i++)
    g_hash_table_add (self->external_categories, g_strdup (ids[i]));
}

/**
 * prep_content_loader_set_progress:
 * @progress: (nullable): called every few hundred questions of a file
 *
 * For a file of thousands of questions read in a thread: how far it is.
 */
void
prep_content_loader_set_progress (PrepContentLoader   *self,
                                  PrepContentProgress  progress,
                                  gpointer             data)
{
  g_return_if_fail (self != NULL);

  self->progress = progress;
  self->progress_data = data;
}

/**
 * prep_content_loader_add_external_ids:
 * @ids: ids of questions defined outside the files given to this loader
 *
 * Lets `question:` links point to them, e.g. when one category's file is
 * validated on its own.
 */
void
prep_content_loader_add_external_ids (PrepContentLoader  *self,
                                      const char * const *ids)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; ids != NULL && ids[i]; i++)
    g_hash_table_add (self->external_ids, g_strdup (ids[i]));
}

/**
 * prep_content_loader_finish:
 *
 * Places every question in its category. Call once, after the last file.
 *
 * Returns: %TRUE if no file had issues
 */
gboolean
prep_content_loader_finish (PrepContentLoader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  self->finished = TRUE;

  /* A pack's categories have ids of their own: a question naming one
   * must not find two. */
  if (!(self->flags & PREP_CONTENT_FLAGS_KEEP_CLASHES))
    {
      for (guint i = 0; i < self->categories->len; i++)
        {
          const char *id = prep_category_get_id (g_ptr_array_index (self->categories, i));
          const char *source = g_hash_table_lookup (self->category_sources, id);
          const char *newline = source ? strchr (source, '\n') : NULL;

          if (newline != NULL && g_hash_table_contains (self->external_categories, id))
            {
              g_autofree char *file = g_strndup (source, newline - source);

              add_issue (self, file, newline + 1, 0, 0,
                         g_strdup_printf ("category id “%s” is taken (a bundled category, or one of "
                                          "another pack): a pack's categories need ids of their own", id));
            }
        }
    }

  for (guint i = 0; i < self->pending->len; i++)
    {
      Pending *pending = g_ptr_array_index (self->pending, i);
      PrepQuestion *question = pending->question;
      PrepCategory *category = g_hash_table_lookup (self->category_ids, question->category_id);
      guint n_issues;

      if (category == NULL && g_hash_table_contains (self->external_categories, question->category_id))
        {
          /* Its category is the library's: the library places it. */
          n_issues = self->issues->len;
          check_links (self, pending, question->detailed_answer, "detailed_answer");
          check_links (self, pending, question->short_answer, "short_answer");
          if (self->issues->len == n_issues)
            g_ptr_array_add (self->questions, g_object_ref (question));
          continue;
        }

      if (category == NULL)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint j = 0; j < self->categories->len; j++)
            g_string_append_printf (known, "%s%s", j ? ", " : "",
                                    prep_category_get_id (g_ptr_array_index (self->categories, j)));
          if (g_hash_table_size (self->external_categories) > 0)
            {
              g_autofree const char **ids = (const char **) g_hash_table_get_keys_as_array (self->external_categories, NULL);
              guint n = g_strv_length ((char **) ids);

              g_qsort_with_data (ids, n, sizeof (char *), (GCompareDataFunc) compare_ids, NULL);
              for (guint j = 0; j < n; j++)
                g_string_append_printf (known, "%s%s", known->len ? ", " : "", ids[j]);
            }
          add_issue (self, pending->file, pending->path, 0, 0,
                     g_strdup_printf ("unknown category “%s” (known: %s)",
                                      question->category_id, known->len ? known->str : "none"));
          continue;
        }

      n_issues = self->issues->len;
      check_links (self, pending, question->detailed_answer, "detailed_answer");
      check_links (self, pending, question->short_answer, "short_answer");
      if (self->issues->len != n_issues)
        continue;

      _prep_question_set_category (question, category);
      _prep_category_add_question (category, question);
      g_ptr_array_add (self->questions, g_object_ref (question));
    }

  g_ptr_array_set_size (self->pending, 0);

  /* Where each issue is, for an editor: found from its path. */
  for (guint i = 0; i < self->issues->len; i++)
    {
      PrepContentIssue *issue = g_ptr_array_index (self->issues, i);
      GBytes *source;
      gsize offset;

      if (issue->line == 0 && issue->path != NULL && issue->file != NULL &&
          (source = g_hash_table_lookup (self->sources, issue->file)))
        {
          gsize size;
          const char *data = g_bytes_get_data (source, &size);

          if (data == NULL)
            data = "";

          if (prep_json_locate (data, size, issue->path, &offset))
            prep_json_offset_to_position (data, size, offset, &issue->line, &issue->column);
        }
    }
  g_hash_table_remove_all (self->sources);

  return self->issues->len == 0;
}

/**
 * prep_content_loader_set_markdown_check:
 * @check: returns why a Markdown text would not show as written, or %NULL
 *
 * Makes every detailed answer go through @check, e.g. the renderer's, so
 * that the validator rejects what the viewer could not show.
 */
void
prep_content_loader_set_markdown_check (PrepContentLoader        *self,
                                        PrepContentMarkdownCheck  check,
                                        gpointer                  data)
{
  g_return_if_fail (self != NULL);

  self->markdown_check = check;
  self->markdown_check_data = data;
}

/**
 * prep_content_loader_get_issues:
 *
 * Returns: (transfer none) (element-type PrepContentIssue): every problem found
 */
GPtrArray *
prep_content_loader_get_issues (PrepContentLoader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->issues;
}

/**
 * prep_content_loader_get_categories:
 *
 * Returns: (transfer none) (element-type PrepCategory): in content order
 */
GPtrArray *
prep_content_loader_get_categories (PrepContentLoader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->categories;
}

/**
 * prep_content_loader_get_questions:
 *
 * Returns: (transfer none) (element-type PrepQuestion): placed questions,
 *   after prep_content_loader_finish()
 */
GPtrArray *
prep_content_loader_get_questions (PrepContentLoader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->questions;
}

/**
 * prep_content_loader_propagate_issues:
 *
 * Returns: %FALSE with @error set to a summary of the issues, if any
 */
gboolean
prep_content_loader_propagate_issues (PrepContentLoader  *self,
                                      GError            **error)
{
  g_autoptr(GString) message = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->issues->len == 0)
    return TRUE;

  message = g_string_new (NULL);
  g_string_append_printf (message, "%u problem(s) in the content:", self->issues->len);

  for (guint i = 0; i < self->issues->len && i < MAX_ISSUES_IN_ERROR; i++)
    {
      g_autofree char *line = prep_content_issue_to_string (g_ptr_array_index (self->issues, i));
      g_string_append_printf (message, "\n%s", line);
    }

  if (self->issues->len > MAX_ISSUES_IN_ERROR)
    g_string_append_printf (message, "\n…and %u more", self->issues->len - MAX_ISSUES_IN_ERROR);

  g_set_error_literal (error, PREP_CONTENT_ERROR, PREP_CONTENT_ERROR_INVALID, message->str);

  return FALSE;
}

PrepContentLoader *
prep_content_loader_new (const char       *locale,
                         PrepContentFlags  flags)
{
  PrepContentLoader *self = g_new0 (PrepContentLoader, 1);

  self->locale = g_intern_string (locale ? locale : PREP_CONTENT_LOCALE_DEFAULT);
  self->flags = flags;
  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) prep_content_issue_free);
  self->categories = g_ptr_array_new_with_free_func (g_object_unref);
  self->questions = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  self->category_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->question_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->external_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->external_categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->category_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);

  return self;
}

void
prep_content_loader_free (PrepContentLoader *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->issues, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->category_ids, g_hash_table_unref);
  g_clear_pointer (&self->question_ids, g_hash_table_unref);
  g_clear_pointer (&self->external_ids, g_hash_table_unref);
  g_clear_pointer (&self->external_categories, g_hash_table_unref);
  g_clear_pointer (&self->category_sources, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_free (self);
}
