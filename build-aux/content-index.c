/* content-index.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes the index of content files, at build time: for every question,
 * what the start path needs (id, category, title, difficulty, origin, tags,
 * whether it has an answer) and where its object is in its file (byte
 * offset and length), so that the app reads the rest of a question when it
 * is first needed instead of every answer at every start (issue 15).
 *
 *   content-index --output index.json --prefix questions/ FILE…
 *
 * It checks the files' shape only: the content itself is validated by the
 * tests (llm-prep --validate --strict), and by the app when it reads a
 * question. The index is read like any content file, by the loader. */

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#define INDEX_VERSION 1

typedef struct
{
  gsize start;
  gsize end;
} Span;

/* The spans of the elements of the top-level "questions" array: a scan of
 * the text that follows strings and nesting, for a file json-glib has
 * already parsed. */
static GArray *
scan_questions (const char *data,
                gsize       length)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autofree char *key = NULL;
  gboolean in_questions = FALSE;
  int depth = 0;
  gsize element_start = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        {
          gsize start = ++i;

          while (i < length && data[i] != '"')
            i += data[i] == '\\' ? 2 : 1;
          if (depth == 1)
            {
              g_free (key);
              key = g_strndup (data + start, i - start);
            }
          continue;
        }

      if (c == '{' || c == '[')
        {
          if (in_questions && depth == 2)
            element_start = i;
          if (depth == 1 && c == '[' && g_strcmp0 (key, "questions") == 0)
            in_questions = TRUE;
          depth++;
        }
      else if (c == '}' || c == ']')
        {
          depth--;
          if (in_questions && depth == 2)
            {
              Span span = { element_start, i + 1 };
              g_array_append_val (spans, span);
            }
          else if (in_questions && depth == 1)
            in_questions = FALSE;
        }
      else if (c == ',' && depth == 1)
        g_clear_pointer (&key, g_free);
    }

  return spans;
}

static void
copy_member (JsonBuilder *builder,
             JsonObject  *object,
             const char  *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_value (builder, json_node_copy (node));
}

static gboolean
has_text (JsonObject *object,
          const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

static gboolean
index_file (JsonBuilder  *builder,
            const char   *path,
            guint         file_index,
            GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GArray) spans = NULL;
  g_autofree char *data = NULL;
  JsonNode *root;
  JsonArray *questions;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, error) ||
      !json_parser_load_from_data (parser, data, length, error))
    return FALSE;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "questions"))
    return TRUE;
  questions = json_object_get_array_member (json_node_get_object (root), "questions");
  spans = scan_questions (data, length);

  if (questions == NULL || spans->len != json_array_get_length (questions))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: “questions” is not an array of %u objects", path, spans->len);
      return FALSE;
    }

  for (guint i = 0; i < spans->len; i++)
    {
      JsonNode *node = json_array_get_element (questions, i);
      const Span *span = &g_array_index (spans, Span, i);
      JsonObject *question;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: question %u is not an object", path, i);
          return FALSE;
        }
      question = json_node_get_object (node);

      json_builder_begin_object (builder);
      copy_member (builder, question, "id");
      copy_member (builder, question, "category");
      copy_member (builder, question, "origin");
      copy_member (builder, question, "question");
      copy_member (builder, question, "difficulty");
      copy_member (builder, question, "tags");
      json_builder_set_member_name (builder, "has_answer");
      json_builder_add_boolean_value (builder, has_text (question, "short_answer") ||
                                               has_text (question, "detailed_answer"));
      json_builder_set_member_name (builder, "file");
      json_builder_add_int_value (builder, file_index);
      json_builder_set_member_name (builder, "offset");
      json_builder_add_int_value (builder, span->start);
      json_builder_set_member_name (builder, "length");
      json_builder_add_int_value (builder, span->end - span->start);
      json_builder_end_object (builder);
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE… — index content files");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *prefix = NULL;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write the index", "FILE" },
    { "prefix", 'p', 0, G_OPTION_ARG_STRING, &prefix, "Folder of the files in the resource", "PATH/" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || output == NULL || files == NULL)
    {
      g_printerr ("content-index: %s\n", error ? error->message : "--output and files are needed");
      return EXIT_FAILURE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "index_version");
  json_builder_add_int_value (builder, INDEX_VERSION);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; files[i]; i++)
    {
      g_autofree char *base = g_path_get_basename (files[i]);
      g_autofree char *name = g_strconcat (prefix ? prefix : "", base, NULL);

      json_builder_add_string_value (builder, name);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; files[i]; i++)
    {
      if (!index_file (builder, files[i], i, &error))
        {
          g_printerr ("content-index: %s\n", error->message);
          return EXIT_FAILURE;
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  if (!json_generator_to_file (generator, output, &error))
    {
      g_printerr ("content-index: %s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
