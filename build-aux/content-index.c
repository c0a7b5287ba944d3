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
 *   content-index --output index.gvariant --prefix questions/ FILE…
 *
 * The index is a GVariant of type PREP_CONTENT_INDEX_TYPE (see
 * src/model/prep-content-loader.h), which the app maps and reads without
 * parsing it: (version, [file names], [(id, category, origin, {locale:
 * title}, difficulty, [tags], has answer, file, offset, length)]).
 *
 * It checks the files' shape only: the content itself is validated by the
 * tests (llm-prep --validate --strict), and the index by the app, as any
 * content it reads. */

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "gvariant-file.h"

#define INDEX_VERSION 1
#define INDEX_ENTRY_TYPE "(sssa{ss}sasbutt)"

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

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";

  return json_node_get_string (node);
}

static gboolean
has_text (JsonObject *object,
          const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

/* What is not of the right type is left empty: the app reports it. */
static GVariant *
entry_new (JsonObject *question,
           guint       file_index,
           const Span *span)
{
  GVariantBuilder titles, tags;
  JsonNode *node;

  g_variant_builder_init (&titles, G_VARIANT_TYPE ("a{ss}"));
  node = json_object_get_member (question, "question");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) locales = json_object_get_members (object);

      for (GList *l = locales; l; l = l->next)
        g_variant_builder_add (&titles, "{ss}", (const char *) l->data, string_member (object, l->data));
    }

  g_variant_builder_init (&tags, G_VARIANT_TYPE ("as"));
  node = json_object_get_member (question, "tags");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *tag = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (tag) && json_node_get_value_type (tag) == G_TYPE_STRING)
            g_variant_builder_add (&tags, "s", json_node_get_string (tag));
        }
    }

  return g_variant_new (INDEX_ENTRY_TYPE,
                        string_member (question, "id"),
                        string_member (question, "category"),
                        string_member (question, "origin"),
                        &titles,
                        string_member (question, "difficulty"),
                        &tags,
                        has_text (question, "short_answer") || has_text (question, "detailed_answer"),
                        file_index,
                        (guint64) span->start,
                        (guint64) (span->end - span->start));
}

static gboolean
index_file (GVariantBuilder  *builder,
            const char       *path,
            guint             file_index,
            GError          **error)
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

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: question %u is not an object", path, i);
          return FALSE;
        }
      g_variant_builder_add_value (builder, entry_new (json_node_get_object (node), file_index,
                                                       &g_array_index (spans, Span, i)));
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE… — index content files");
  g_autoptr(GVariant) index = NULL;
  g_autoptr(GError) error = NULL;
  GVariantBuilder names, questions;
  g_autofree char *output = NULL;
  g_autofree char *prefix = NULL;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write the index", "FILE" },
    { "prefix", 'p', 0, G_OPTION_ARG_STRING, &prefix, "Folder of the files in the resource", "PATH/" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || output == NULL || files == NULL)
    {
      g_printerr ("content-index: %s\n", error ? error->message : "--output and files are needed");
      return EXIT_FAILURE;
    }

  g_variant_builder_init (&names, G_VARIANT_TYPE ("as"));
  for (guint i = 0; files[i]; i++)
    {
      g_autofree char *base = g_path_get_basename (files[i]);
      g_autofree char *name = g_strconcat (prefix ? prefix : "", base, NULL);

      g_variant_builder_add (&names, "s", name);
    }

  g_variant_builder_init (&questions, G_VARIANT_TYPE ("a" INDEX_ENTRY_TYPE));
  for (guint i = 0; files[i]; i++)
    {
      if (!index_file (&questions, files[i], i, &error))
        {
          g_printerr ("content-index: %s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  index = g_variant_ref_sink (g_variant_new ("(uasa" INDEX_ENTRY_TYPE ")", INDEX_VERSION, &names, &questions));
  if (!write_gvariant_file (index, output, &error))
    {
      g_printerr ("content-index: %s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
