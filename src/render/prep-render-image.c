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
#include <errno.h>
#ifdef __linux__
# include <sys/resource.h>
# include <sys/syscall.h>
# include <unistd.h>
#endif

#include "prep-figure-paintable.h"
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

/* Decodes a figure, at @width × @height device pixels or (-1) its natural
 * size. Touches nothing shared: the worker thread calls it too. */
static GdkPixbuf *
decode (const char *path,
        gboolean    dark,
        int         width,
        int         height)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  g_autoptr(GInputStream) stream = NULL;
  gsize size;
  const char *data;

  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  if (dark && g_str_has_suffix (path, ".svg"))
    {
      char *recolored = prep_renderer_recolor_dark (data, size);
      gsize recolored_size = strlen (recolored);

      g_bytes_unref (bytes);
      bytes = g_bytes_new_take (recolored, recolored_size);
    }

  stream = g_memory_input_stream_new_from_bytes (bytes);
  if (width > 0)
    return gdk_pixbuf_new_from_stream_at_scale (stream, width, height, TRUE, NULL, NULL);
  return gdk_pixbuf_new_from_stream (stream, NULL, NULL);
}

/* The figure for @pixels device pixels wide, from its natural-size image:
 * scaled down, or an SVG drawn again at more pixels. */
static GdkPixbuf *
fit (GdkPixbuf  *natural,
     const char *path,
     gboolean    dark,
     int         pixels)
{
  int width = gdk_pixbuf_get_width (natural);
  int height = gdk_pixbuf_get_height (natural);

  if (pixels < width)
    return gdk_pixbuf_scale_simple (natural, pixels, MAX (1, (int) ((double) height * pixels / width)),
                                    GDK_INTERP_BILINEAR);
  if (pixels > width && g_str_has_suffix (path, ".svg"))
    {
      GdkPixbuf *redrawn = decode (path, dark, pixels, MAX (1, (int) ((double) height * pixels / width)));

      if (redrawn != NULL)
        return redrawn;
    }

  return g_object_ref (natural);
}

/* The size an SVG declares on its root element (width="900"
 * height="640"), read without decoding it; FALSE if it declares none. */
static gboolean
svg_size (const char *path,
          int        *width,
          int        *height)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data, *root, *end;
  gsize size;

  if (!g_str_has_suffix (path, ".svg") || !(bytes = g_resources_lookup_data (path, 0, NULL)))
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  if (!(root = g_strstr_len (data, MIN (size, 4096), "<svg")) ||
      !(end = memchr (root, '>', size - (root - data))))
    return FALSE;

  *width = *height = 0;
  for (const char *p = root; p < end; p++)
    {
      if (p[-1] != ' ' && p[-1] != '\n' && p[-1] != '\t')
        continue;
      if (strncmp (p, "width=\"", 7) == 0)
        *width = (int) g_ascii_strtod (p + 7, NULL);
      else if (strncmp (p, "height=\"", 8) == 0)
        *height = (int) g_ascii_strtod (p + 8, NULL);
    }

  return *width > 0 && *height > 0 && *width <= 16384 && *height <= 16384;
}

/* The key of a figure's natural-size image in the cache. */
static char *
natural_key (gboolean    dark,
             const char *path)
{
  return g_strdup_printf ("%d:%s", dark, path);
}

GdkPixbuf *
_prep_render_load_natural (PrepRenderer *self,
                           const char   *path)
{
  g_autofree char *key = natural_key (self->dark, path);
  GdkPixbuf *pixbuf;

  if ((pixbuf = g_hash_table_lookup (self->images, key)))
    return g_object_ref (pixbuf);

  if (!(pixbuf = decode (path, self->dark, -1, -1)))
    return NULL;

  g_hash_table_insert (self->images, g_steal_pointer (&key), g_object_ref (pixbuf));
  return pixbuf;
}

/* The figure as the text shows it: @image (device pixels) at the display's
 * scale factor. */
static GdkPaintable *
make_paintable (PrepRenderer *self,
                GdkPixbuf    *image)
{
  g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (image);

  if (self->scale_factor > 1)
    return prep_scaled_paintable_new (texture, self->scale_factor);

  return GDK_PAINTABLE (g_steal_pointer (&texture));
}

/* Decoding in the worker thread: one figure for the text (key and
 * placeholder set), or every figure of a folder ahead of time. */
typedef struct
{
  char      *key;         /* in the textures cache, or NULL */
  char      *path;        /* or NULL with wanted */
  char     **wanted;      /* figures to decode ahead, or NULL */
  GdkPixbuf *natural;     /* given, or decoded by the worker */
  GdkPixbuf *image;       /* for key: at pixels */
  GPtrArray *paths;       /* for folder: decoded ones … */
  GPtrArray *naturals;    /* … and their images */
  int        pixels;
  int        scale_factor;
  gboolean   dark;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->key);
  g_free (job->path);
  g_strfreev (job->wanted);
  g_clear_object (&job->natural);
  g_clear_object (&job->image);
  g_clear_pointer (&job->paths, g_ptr_array_unref);
  g_clear_pointer (&job->naturals, g_ptr_array_unref);
  g_free (job);
}

static void
decode_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Job *job = data;

  if (job->wanted != NULL)
    {
      for (guint i = 0; job->wanted[i] != NULL; i++)
        {
          GdkPixbuf *natural = decode (job->wanted[i], job->dark, -1, -1);

          if (natural != NULL)
            {
              g_ptr_array_add (job->paths, g_strdup (job->wanted[i]));
              g_ptr_array_add (job->naturals, natural);
            }
        }
    }
  else
    {
      if (job->natural == NULL)
        job->natural = decode (job->path, job->dark, -1, -1);
      if (job->natural != NULL)
        job->image = fit (job->natural, job->path, job->dark, job->pixels);
    }

  g_task_return_boolean (task, TRUE);
}

static void
decode_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PrepRenderer *self = PREP_RENDERER (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(PrepFigurePaintable) placeholder = NULL;
  g_autofree char *pending_key = NULL;

  for (guint i = 0; job->paths != NULL && i < job->paths->len; i++)
    g_hash_table_insert (self->images, natural_key (job->dark, g_ptr_array_index (job->paths, i)),
                         g_object_ref (g_ptr_array_index (job->naturals, i)));

  if (job->key == NULL)
    {
      _prep_render_figure_ready (self);
      return;
    }

  g_hash_table_steal_extended (self->pending, job->key, (gpointer *) &pending_key, (gpointer *) &placeholder);
  if (job->natural != NULL)
    g_hash_table_insert (self->images, natural_key (job->dark, job->path), g_object_ref (job->natural));

  if (job->image != NULL && job->scale_factor == self->scale_factor)
    {
      g_autoptr(GdkPaintable) paintable = make_paintable (self, job->image);

      g_hash_table_insert (self->textures, g_strdup (job->key), g_object_ref (paintable));
      if (placeholder != NULL)
        prep_figure_paintable_set_image (placeholder, paintable);
      _prep_render_figure_ready (self);
    }
}

/* Figures are decoded one at a time, in a thread of their own at a lower
 * priority than the window's. In GLib's shared pool several decoded at
 * once and took both cores of a two-core machine from the main thread:
 * after a restored start, steps of 30 to 45 ms in which the main thread
 * had the processor half the time (issue 15). */
static void
decode_job (gpointer data,
            gpointer user_data)
{
  GTask *task = data;
#ifdef __linux__
  static gboolean lowered;

  /* Only this pool's one thread, its own (exclusive), gets here; on
   * Linux a thread has a priority of its own. */
  if (!lowered)
    {
      lowered = TRUE;
      if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10) != 0)
        g_debug ("Could not lower the priority of figure decoding: %s", g_strerror (errno));
    }
#endif

  decode_thread (task, g_task_get_source_object (task), g_task_get_task_data (task), NULL);
  g_object_unref (task);
}

static GThreadPool *
decode_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (decode_job, NULL, 1, TRUE, NULL));

  return pool;
}

static void
start_job (PrepRenderer *self,
           Job          *job)
{
  GTask *task = g_task_new (self, NULL, decode_done, NULL);

  job->dark = self->dark;
  job->scale_factor = self->scale_factor;
  g_task_set_task_data (task, job, job_free);
  g_thread_pool_push (decode_pool (), task, NULL);
}

/**
 * _prep_render_decode_all:
 * @folder: a resource folder of figures
 *
 * Decodes the figures of @folder in the worker thread, one after the
 * other, so that answers show them at once later: each in the variant
 * for the renderer's locale, once one is set (see
 * prep_renderer_dup_figure_path()).
 */
void
_prep_render_decode_all (PrepRenderer *self,
                         const char   *folder)
{
  g_auto(GStrv) names = g_resources_enumerate_children (folder, 0, NULL);
  g_autoptr(GStrvBuilder) wanted = g_strv_builder_new ();
  Job *job;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", folder, names[i], NULL);
      const char *dot = strchr (names[i], '.');

      /* A variant (NAME.LOCALE.svg) is decoded for its base name, when
       * it is the one the renderer's locale shows. */
      if (self->locale != NULL && dot != NULL && strchr (dot + 1, '.') != NULL)
        continue;
      if (self->locale != NULL)
        {
          g_autofree char *shown = prep_renderer_dup_figure_path (self, path);

          g_strv_builder_add (wanted, shown);
        }
      else
        {
          g_strv_builder_add (wanted, path);
        }
    }

  job = g_new0 (Job, 1);
  job->wanted = g_strv_builder_end (wanted);
  job->paths = g_ptr_array_new_with_free_func (g_free);
  job->naturals = g_ptr_array_new_with_free_func (g_object_unref);
  start_job (self, job);
}

/* The figure at most max-image-width logical pixels wide, rasterized for
 * the display's scale factor. Rasterizing an SVG with text takes tens of
 * milliseconds: an asynchronous renderer (the answer view's) gives a
 * placeholder of the final size at once and decodes in the worker thread. */
static GdkPaintable *
load_image (PrepRenderer *self,
            const char   *path)
{
  g_autofree char *key = g_strdup_printf ("%d:%d@%d:%s", self->dark, self->max_image_width,
                                          self->scale_factor, path);
  g_autofree char *nkey = natural_key (self->dark, path);
  g_autoptr(GdkPixbuf) natural = NULL;
  g_autoptr(GdkPixbuf) image = NULL;
  GdkPaintable *paintable;
  int width, height, logical, pixels, pixel_height;

  if ((paintable = g_hash_table_lookup (self->textures, key)) ||
      (paintable = g_hash_table_lookup (self->pending, key)))
    return g_object_ref (paintable);

  if ((natural = g_hash_table_lookup (self->images, nkey)))
    {
      g_object_ref (natural);
      width = gdk_pixbuf_get_width (natural);
      height = gdk_pixbuf_get_height (natural);
    }
  else if (!self->async_figures || !svg_size (path, &width, &height))
    {
      if (!(natural = _prep_render_load_natural (self, path)))
        return NULL;
      width = gdk_pixbuf_get_width (natural);
      height = gdk_pixbuf_get_height (natural);
    }

  logical = MIN (width, self->max_image_width);
  pixels = logical * self->scale_factor;

  /* A decoded figure at its natural width is shown at once; scaling one
   * down takes 10 ms or more (bilinear, 900 × 640 pixels), in the worker
   * thread as decoding does. */
  if (!self->async_figures || (natural != NULL && pixels == width))
    {
      image = fit (natural, path, self->dark, pixels);
      paintable = make_paintable (self, image);
      g_hash_table_insert (self->textures, g_steal_pointer (&key), g_object_ref (paintable));
      return paintable;
    }

  {
    Job *job = g_new0 (Job, 1);

    pixel_height = pixels == width ? height : MAX (1, (int) ((double) height * pixels / width));
    paintable = prep_figure_paintable_new (logical, (pixel_height + self->scale_factor - 1) / self->scale_factor);
    g_hash_table_insert (self->pending, g_strdup (key), g_object_ref (paintable));

    job->key = g_steal_pointer (&key);
    job->path = g_strdup (path);
    job->natural = g_steal_pointer (&natural);
    job->pixels = pixels;
    start_job (self, job);
  }

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
