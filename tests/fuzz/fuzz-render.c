/* fuzz-render.c: libFuzzer harness for the Markdown renderer.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Renders the input (twice, into one buffer after some text, as the viewer
 * does on a theme change) and checks what the buffer holds, then runs the
 * validator's Markdown check on it. The first byte picks the options. */

#include "config.h"

#include <string.h>

#include "prep-renderer.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static PrepRenderer *renderer;
  g_autoptr(GtkTextBuffer) buffer = NULL;
  g_autofree char *text = NULL;
  g_autofree char *problem = NULL;
  GtkTextIter iter, start, end;
  guint8 options;
  guint line;

  if (size == 0 || size > 256 * 1024)
    return 0;

  if (renderer == NULL)
    renderer = prep_renderer_new ();

  options = data[0];
  prep_renderer_set_dark (renderer, options & 1);
  prep_renderer_set_max_image_width (renderer, options & 2 ? 16 : 720);

  buffer = gtk_text_buffer_new (NULL);
  if (options & 4)
    gtk_text_buffer_set_text (buffer, "前文 before\n", -1);

  for (guint pass = 0; pass < (options & 8 ? 2u : 1u); pass++)
    {
      gtk_text_buffer_get_end_iter (buffer, &iter);
      prep_renderer_render (renderer, buffer, &iter, (const char *) data + 1, size - 1);
      g_assert_true (gtk_text_iter_is_end (&iter));
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
  g_assert_true (g_utf8_validate (text, -1, NULL));

  /* The check takes anything the renderer takes (text, NUL-terminated). */
  {
    g_autofree char *markdown = g_utf8_make_valid ((const char *) data + 1, size - 1);

    problem = prep_renderer_check_markdown (renderer, markdown, &line);
    if (problem != NULL)
      g_assert_true (g_utf8_validate (problem, -1, NULL) && line >= 1);
  }

  return 0;
}
