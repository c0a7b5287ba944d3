/* test-glyph-warmer.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "prep-glyph-warmer.h"

static GPtrArray *
texts_new (const char *first,
           ...)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  va_list args;

  va_start (args, first);
  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    g_ptr_array_add (texts, g_bytes_new (text, strlen (text)));
  va_end (args);

  return texts;
}

/* Each printable character once, Chinese first, in order of first
 * appearance; invalid UTF-8, spaces and control characters are skipped. */
static void
test_collect (void)
{
  g_autoptr(GPtrArray) texts = texts_new ("漢字 ab\n漢", "\xff\xfe" "c字\xe6\xbc" "é，\t", NULL);
  g_autofree char *all = NULL;
  g_autofree char *bounded = NULL;
  gsize cjk_length = 0;

  all = prep_glyph_warmer_collect (texts, 100, &cjk_length);
  g_assert_cmpstr (all, ==, "漢字，abcé");
  g_assert_cmpuint (cjk_length, ==, strlen ("漢字，"));
  g_assert_true (g_utf8_validate (all, -1, NULL));

  bounded = prep_glyph_warmer_collect (texts, 3, &cjk_length);
  g_assert_cmpstr (bounded, ==, "漢字a");
  g_assert_cmpuint (cjk_length, ==, strlen ("漢字"));
}

static PangoContext *
context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoFontDescription *font = pango_font_description_from_string ("Sans 12");

  pango_context_set_font_description (context, font);
  pango_font_description_free (font);

  return context;
}

/* The thread lays out and draws every character in regular and bold, and
 * says how many it warmed. */
static void
test_warm (void)
{
  g_autoptr(GObject) context = G_OBJECT (context_new ());
  PrepGlyphWarmer *warmer = prep_glyph_warmer_new (PANGO_CONTEXT (context), 2);
  g_autoptr(GBytes) text = g_bytes_new_static ("注意力機制 attention，注意", strlen ("注意力機制 attention，注意"));

  prep_glyph_warmer_add_text (warmer, text);
  prep_glyph_warmer_start (warmer);
  g_assert_cmpuint (prep_glyph_warmer_wait (warmer), ==, g_utf8_strlen ("注意力機制，atenio", -1));
  /* Waiting again is harmless. */
  g_assert_cmpuint (prep_glyph_warmer_wait (warmer), ==, 12);
  g_assert_finalize_object (warmer);
}

/* A text added in a font of its own (the question's title) is warmed in
 * that font as well, only its own characters: the count says so. */
static void
test_warm_in_font (void)
{
  g_autoptr(GObject) context = G_OBJECT (context_new ());
  PrepGlyphWarmer *warmer = prep_glyph_warmer_new (PANGO_CONTEXT (context), 1);
  g_autoptr(GBytes) text = g_bytes_new_static ("注意力 ab", strlen ("注意力 ab"));
  g_autoptr(GBytes) title = g_bytes_new_static ("標題 Title 標", strlen ("標題 Title 標"));
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans Heavy 20px");

  prep_glyph_warmer_add_text (warmer, text);
  prep_glyph_warmer_add_text_in_font (warmer, title, font);
  prep_glyph_warmer_start (warmer);
  g_assert_cmpuint (prep_glyph_warmer_wait (warmer), ==,
                    g_utf8_strlen ("注意力ab", -1) + g_utf8_strlen ("標題Title", -1));
  g_assert_finalize_object (warmer);
}

/* Disposing of the warmer stops its thread between chunks: a window
 * closed at once does not wait for the whole content, 8,192 characters in
 * two fonts (about a second here). */
static void
test_cancel (void)
{
  g_autoptr(GObject) context = G_OBJECT (context_new ());
  PrepGlyphWarmer *warmer = prep_glyph_warmer_new (PANGO_CONTEXT (context), 1);
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(GBytes) text = NULL;
  gint64 begin;

  /* Every CJK ideograph of the basic block: 20,992 characters, more than
   * are warmed (8,192). */
  for (gunichar c = 0x4E00; c <= 0x9FFF; c++)
    g_string_append_unichar (many, c);
  text = g_bytes_new (many->str, many->len);

  prep_glyph_warmer_add_text (warmer, text);
  prep_glyph_warmer_start (warmer);
  begin = g_get_monotonic_time ();
  g_object_run_dispose (G_OBJECT (warmer));
  g_test_message ("stopped in %.1f ms", (g_get_monotonic_time () - begin) / 1000.0);
  /* Stopped before the end: nothing is counted as warmed. */
  g_assert_cmpuint (prep_glyph_warmer_wait (warmer), ==, 0);
  g_assert_finalize_object (warmer);
}

/* A warmer never started is dropped cleanly. */
static void
test_not_started (void)
{
  g_autoptr(GObject) context = G_OBJECT (context_new ());
  PrepGlyphWarmer *warmer = prep_glyph_warmer_new (PANGO_CONTEXT (context), 1);

  g_assert_cmpuint (prep_glyph_warmer_wait (warmer), ==, 0);
  g_assert_finalize_object (warmer);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/glyph-warmer/collect", test_collect);
  g_test_add_func ("/glyph-warmer/warm", test_warm);
  g_test_add_func ("/glyph-warmer/warm-in-font", test_warm_in_font);
  g_test_add_func ("/glyph-warmer/cancel", test_cancel);
  g_test_add_func ("/glyph-warmer/not-started", test_not_started);

  return g_test_run ();
}
