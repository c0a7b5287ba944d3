/* code-highlights.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes the table of the bundled answers' code highlighting, at build
 * time: for every code block in any string of the content files, its
 * highlighting in the light and the dark scheme, as GtkSourceView draws it
 * (src/render/prep-highlight.c, which the renderer uses too). The renderer
 * looks a block up there first, so the app neither loads GtkSourceView's
 * languages nor compiles their patterns (10 to 80 ms a language) to show
 * the bundled answers (issue 15).
 *
 *   code-highlights --output highlight.gvariant FILE…
 *
 * GtkSourceView highlights a buffer without a display, so this runs where
 * the build runs. Blocks without a language, or in one GtkSourceView does
 * not know, are recorded with no spans, so that the app does not load the
 * languages to find that out. renderer/bundled-highlights checks that the
 * renderer finds every bundled block here, highlighted as GtkSourceView
 * would. */

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "gvariant-file.h"

#include "prep-highlight.h"

typedef struct
{
  guint8  key[PREP_HIGHLIGHT_KEY_LENGTH];
  GArray *light;
  GArray *dark;
} Entry;

typedef struct
{
  GtkSourceLanguageManager *languages;
  GPtrArray                *styles;   /* PrepHighlightStyle */
  GHashTable               *entries;  /* key (as a GBytes) → Entry */
  GString                  *code;     /* inside a code block */
  char                     *lang;
} Table;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  /* A code block seen before is dropped before it is highlighted. */
  g_clear_pointer (&entry->light, g_array_unref);
  g_clear_pointer (&entry->dark, g_array_unref);
  g_free (entry);
}

/* The fence's info string, as the renderer reads it. */
static char *
attribute_to_string (const MD_ATTRIBUTE *attr)
{
  GString *str = g_string_new (NULL);

  if (attr == NULL || attr->text == NULL)
    return g_string_free (str, FALSE);

  for (guint i = 0; attr->substr_offsets[i] < attr->size; i++)
    {
      if (attr->substr_types[i] == MD_TEXT_NULLCHAR)
        g_string_append_unichar (str, 0xFFFD);
      else
        g_string_append_len (str, attr->text + attr->substr_offsets[i],
                             attr->substr_offsets[i + 1] - attr->substr_offsets[i]);
    }

  return g_string_free (str, FALSE);
}

static void
record (Table      *table,
        const char *lang,
        const char *code)
{
  Entry *entry = g_new0 (Entry, 1);
  GtkSourceLanguage *language;
  GBytes *key;

  prep_highlight_key (lang, code, entry->key);
  key = g_bytes_new (entry->key, sizeof entry->key);
  if (g_hash_table_contains (table->entries, key))
    {
      g_bytes_unref (key);
      entry_free (entry);
      return;
    }

  if ((language = prep_highlight_lookup_language (table->languages, lang)))
    {
      entry->light = prep_highlight_compute (language, FALSE, code, table->styles);
      entry->dark = prep_highlight_compute (language, TRUE, code, table->styles);
    }
  else
    {
      entry->light = g_array_new (FALSE, FALSE, sizeof (PrepHighlightSpan));
      entry->dark = g_array_new (FALSE, FALSE, sizeof (PrepHighlightSpan));
    }

  g_hash_table_insert (table->entries, key, entry);
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Table *table = user_data;

  if (type == MD_BLOCK_CODE)
    {
      MD_BLOCK_CODE_DETAIL *code = detail;

      table->code = g_string_new (NULL);
      g_free (table->lang);
      table->lang = attribute_to_string (&code->lang);
    }

  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail G_GNUC_UNUSED,
                void         *user_data)
{
  Table *table = user_data;

  if (type == MD_BLOCK_CODE && table->code != NULL)
    {
      g_autofree char *code = g_string_free (g_steal_pointer (&table->code), FALSE);

      if (g_str_has_suffix (code, "\n"))
        code[strlen (code) - 1] = '\0';
      if (!prep_highlight_is_too_big (code))
        record (table, table->lang, code);
      g_clear_pointer (&table->lang, g_free);
    }

  return 0;
}

static int
span_cb (MD_SPANTYPE  type G_GNUC_UNUSED,
         void        *detail G_GNUC_UNUSED,
         void        *user_data G_GNUC_UNUSED)
{
  return 0;
}

static int
text_cb (MD_TEXTTYPE   type G_GNUC_UNUSED,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  Table *table = user_data;

  if (table->code != NULL)
    g_string_append_len (table->code, text, size);

  return 0;
}

/* Every string of the file may be Markdown: reading one that is not costs
 * nothing but a few entries the app never looks up. */
static void
scan_node (Table    *table,
           JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, NULL, &member))
        scan_node (table, member);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        scan_node (table, json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      MD_PARSER parser = {
        .flags = PREP_HIGHLIGHT_MD_FLAGS,
        .enter_block = enter_block_cb,
        .leave_block = leave_block_cb,
        .enter_span = span_cb,
        .leave_span = span_cb,
        .text = text_cb,
      };

      md_parse (text, strlen (text), &parser, table);
      if (table->code != NULL)
        g_string_free (g_steal_pointer (&table->code), TRUE);
      g_clear_pointer (&table->lang, g_free);
    }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = *(Entry * const *) a;
  const Entry *y = *(Entry * const *) b;

  return memcmp (x->key, y->key, PREP_HIGHLIGHT_KEY_LENGTH);
}

static GVariant *
spans_to_variant (GArray *spans)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(uuu)"));
  for (guint i = 0; i < spans->len; i++)
    {
      const PrepHighlightSpan *span = &g_array_index (spans, PrepHighlightSpan, i);

      g_variant_builder_add (&builder, "(uuu)", span->start, span->end, span->style);
    }

  return g_variant_builder_end (&builder);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE… — highlight the content's code");
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  GVariantBuilder styles, entries;
  GHashTableIter iter;
  gpointer value;
  Table table = { 0 };
  GOptionEntry options[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write the table", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || output == NULL || files == NULL)
    {
      g_printerr ("code-highlights: %s\n", error ? error->message : "--output and files are needed");
      return EXIT_FAILURE;
    }

  gtk_source_init ();
  table.languages = gtk_source_language_manager_get_default ();
  table.styles = prep_highlight_styles_new ();
  table.entries = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                         (GDestroyNotify) g_bytes_unref, entry_free);

  for (guint i = 0; files[i]; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!json_parser_load_from_mapped_file (parser, files[i], &error))
        {
          g_printerr ("code-highlights: %s: %s\n", files[i], error->message);
          return EXIT_FAILURE;
        }
      scan_node (&table, json_parser_get_root (parser));
    }

  g_variant_builder_init (&styles, G_VARIANT_TYPE ("a(siii)"));
  for (guint i = 0; i < table.styles->len; i++)
    {
      const PrepHighlightStyle *style = g_ptr_array_index (table.styles, i);

      g_variant_builder_add (&styles, "(siii)", style->color ? style->color : "",
                             style->weight, style->style, style->underline);
    }

  g_hash_table_iter_init (&iter, table.entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, compare_entries);

  g_variant_builder_init (&entries, G_VARIANT_TYPE ("a(aya(uuu)a(uuu))"));
  for (guint i = 0; i < sorted->len; i++)
    {
      Entry *entry = g_ptr_array_index (sorted, i);

      g_variant_builder_add (&entries, "(@ay@a(uuu)@a(uuu))",
                             g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, entry->key,
                                                        PREP_HIGHLIGHT_KEY_LENGTH, 1),
                             spans_to_variant (entry->light), spans_to_variant (entry->dark));
    }

  variant = g_variant_ref_sink (g_variant_new ("(u@a(siii)@a(aya(uuu)a(uuu)))", PREP_HIGHLIGHT_TABLE_VERSION,
                                               g_variant_builder_end (&styles),
                                               g_variant_builder_end (&entries)));
  if (!write_gvariant_file (variant, output, &error))
    {
      g_printerr ("code-highlights: %s\n", error->message);
      return EXIT_FAILURE;
    }

  g_hash_table_unref (table.entries);
  g_ptr_array_unref (table.styles);

  return EXIT_SUCCESS;
}
