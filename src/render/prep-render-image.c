/* prep-render-image.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-renderer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "prep-renderer-private.h"
#include "prep-scaled-paintable.h"

/* Figures are decoded once, at their natural size (rasterizing an SVG
 * with text takes a good fraction of a second), and scaled down per width
 * from that: answers are rendered again on every question switch, zoom,
 * theme change and resize. In the dark style, the figures' colours (all
 * from one palette, see CONTENT.md) are swapped for dark ones before
 * decoding, so that no figure is a bright panel on a dark page. */

static const struct {
  const char *light;
  const char *dark;
} dark_palette[] = {
  /* Panels and boxes */
  { "fafafa", "2b2b2b" }, { "ffffff", "383838" }, { "f6f5f4", "313131" }, { "f3f2f1", "2f2f2f" },
  { "deddda", "4f4f4f" }, { "c0bfbc", "5e5c64" },
  /* Light accent fills become deep ones */
  { "99c1f1", "1c4f8c" }, { "62a0ea", "3584e4" }, { "8ff0a4", "1d6b3b" }, { "f9f06b", "6b5d12" },
  { "ffbe6f", "7a4512" }, { "dc8add", "5d2c6e" },
  /* Text and strokes become light */
  { "241f31", "f6f5f4" }, { "000000", "f6f5f4" }, { "3d3846", "deddda" }, { "5e5c64", "c0bfbc" },
  { "1a5fb4", "99c1f1" }, { "26a269", "8ff0a4" }, { "9c6e03", "f9f06b" }, { "c64600", "ffbe6f" },
  { "813d9c", "dc8add" },
};

/**
 * prep_renderer_recolor_dark:
 * @svg: an SVG document's text
 *
 * Returns: @svg with the figure palette's colours swapped for their dark
 *   counterparts, all in one pass
 */
char *
prep_renderer_recolor_dark (const char *svg,
                            gsize       length)
{
  GString *out = g_string_sized_new (length);
  const char *p = svg, *end = svg + length;

  while (p < end)
    {
      const char *hash = memchr (p, '#', end - p);

      if (hash == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }

      g_string_append_len (out, p, hash - p + 1);
      p = hash + 1;

      if (end - p >= 6)
        {
          for (guint i = 0; i < G_N_ELEMENTS (dark_palette); i++)
            {
              if (g_ascii_strncasecmp (p, dark_palette[i].light, 6) == 0 &&
                  (end - p == 6 || !g_ascii_isxdigit (p[6])))
                {
                  g_string_append (out, dark_palette[i].dark);
                  p += 6;
                  break;
                }
            }
        }
    }

  return g_string_free (out, FALSE);
}

static GdkPixbuf *
decode (PrepRenderer *self,
        const char   *path,
        int           width,
        int           height)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  g_autoptr(GInputStream) stream = NULL;
  gsize size;
  const char *data;

  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  if (self->dark && g_str_has_suffix (path, ".svg"))
    {
      char *dark = prep_renderer_recolor_dark (data, size);
      gsize dark_size = strlen (dark);

      g_bytes_unref (bytes);
      bytes = g_bytes_new_take (dark, dark_size);
    }

  stream = g_memory_input_stream_new_from_bytes (bytes);
  if (width > 0)
    return gdk_pixbuf_new_from_stream_at_scale (stream, width, height, TRUE, NULL, NULL);
  return gdk_pixbuf_new_from_stream (stream, NULL, NULL);
}

GdkPixbuf *
_prep_render_load_natural (PrepRenderer *self,
                           const char   *path)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", self->dark, path);
  GdkPixbuf *pixbuf;

  if ((pixbuf = g_hash_table_lookup (self->images, key)))
    return g_object_ref (pixbuf);

  if (!(pixbuf = decode (self, path, -1, -1)))
    return NULL;

  g_hash_table_insert (self->images, g_steal_pointer (&key), g_object_ref (pixbuf));
  return pixbuf;
}

/* The figure at most max-image-width logical pixels wide, rasterized for
 * the display's scale factor. */
static GdkPaintable *
load_image (PrepRenderer *self,
            const char   *path)
{
  g_autofree char *key = g_strdup_printf ("%d:%d@%d:%s", self->dark, self->max_image_width,
                                          self->scale_factor, path);
  g_autoptr(GdkPixbuf) natural = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GdkPaintable *paintable;
  int width, height, logical, pixels;

  if ((paintable = g_hash_table_lookup (self->textures, key)))
    return g_object_ref (paintable);

  if (!(natural = _prep_render_load_natural (self, path)))
    return NULL;

  width = gdk_pixbuf_get_width (natural);
  height = gdk_pixbuf_get_height (natural);
  logical = MIN (width, self->max_image_width);
  pixels = logical * self->scale_factor;

  if (pixels < width)
    scaled = gdk_pixbuf_scale_simple (natural, pixels, MAX (1, (int) ((double) height * pixels / width)),
                                      GDK_INTERP_BILINEAR);
  else if (pixels > width && g_str_has_suffix (path, ".svg"))
    /* Vector figures are drawn again at the device's pixels. */
    scaled = decode (self, path, pixels, MAX (1, (int) ((double) height * pixels / width)));

  texture = gdk_texture_new_for_pixbuf (scaled ? scaled : natural);
  if (self->scale_factor > 1)
    paintable = prep_scaled_paintable_new (texture, self->scale_factor);
  else
    paintable = GDK_PAINTABLE (g_object_ref (texture));

  g_hash_table_insert (self->textures, g_steal_pointer (&key), g_object_ref (paintable));

  return paintable;
}

void
_prep_render_finish_image (PrepRenderState *st)
{
  PrepRenderer *self = st->self;
  g_autofree char *alt = g_string_free (g_steal_pointer (&st->alt), FALSE);
  g_autofree char *src = g_steal_pointer (&st->image_src);
  int caption;

  if (g_str_has_prefix (src, "resource://"))
    {
      g_autoptr(GdkPaintable) paintable = NULL;

      /* A figure counts against the block's budget like a tag: each one
       * is an insertion into the buffer's line. */
      if (st->inline_budget > 0)
        {
          g_autofree char *path = prep_renderer_dup_figure_path (self, src + strlen ("resource://"));

          st->inline_budget--;
          paintable = load_image (self, path);
        }

      if (paintable != NULL)
        {
          GtkTextIter iter;

          _prep_render_ensure_line_start (st);
          _prep_render_get_iter (st, &iter);
          gtk_text_buffer_insert_paintable (st->buffer, &iter, paintable);
          _prep_render_apply_tag_name (st, "image", _prep_render_offset (st) - 1);
          _prep_render_insert_raw (st, "\n", 1);
        }
    }

  /* The alt text is shown as a caption: for everyone, and for screen
   * readers, which cannot read the picture. Remote images are never
   * fetched; their caption links to them instead. */
  caption = _prep_render_offset (st);
  _prep_render_insert_text (st, alt[0] ? alt : _("Image"), -1);
  if (!g_str_has_prefix (src, "resource://") && src[0] != '\0')
    {
      GtkTextTag *tag = gtk_text_buffer_create_tag (st->buffer, NULL, NULL);

      g_object_set_data_full (G_OBJECT (tag), PREP_RENDERER_LINK_TARGET, g_strdup (src), g_free);
      _prep_render_apply_inline_tag (st, tag, caption, FALSE);
      _prep_render_apply_inline_tag (st, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (st->buffer), "link"),
                                     caption, FALSE);
    }
  _prep_render_apply_inline_tag (st, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (st->buffer), "image-caption"),
                                 caption, FALSE);
}
