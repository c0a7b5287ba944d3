/* prep-glyph-warmer.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-glyph-warmer"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#ifdef __linux__
# include <errno.h>
# include <sys/resource.h>
# include <sys/syscall.h>
# include <unistd.h>
#endif

#include "prep-glyph-warmer.h"
#include "prep-renderer.h"

/* Loads the glyphs of the content's characters into cairo's glyph cache, in
 * a thread of its own at a low priority, so that the first question page
 * and each new answer do not wait for FreeType. A Chinese face has
 * thousands of glyphs, each loaded and rasterised the first time it is
 * shown: on the first question switch that was about a quarter of the
 * instructions to its frame (issue 15).
 *
 * The thread lays the characters out in a font map of its own (Pango's
 * objects are not shared between threads) with the window's resolution,
 * font options and font, and draws them into an image surface. cairo
 * shares its scaled fonts, and their glyph caches, between every font map
 * that asks for the same face, size and options, so the window's text
 * finds its glyphs ready. */

/* Each character once; content with more (a hostile or huge pack) is
 * warmed up to this many, which covers the Chinese in common use. */
#define MAX_CHARACTERS 8192
/* Characters laid out and drawn at a time: the cairo font's lock is held
 * for a run of them, so runs are short to keep the window from waiting. */
#define CHUNK_CHARACTERS 32
/* Wide and tall enough for a chunk at 64 px a character: glyphs outside
 * the surface would not be rasterised. */
#define SURFACE_WIDTH  2048
#define SURFACE_HEIGHT 128

struct _PrepGlyphWarmer
{
  GObject               parent_instance;

  /* Owned references */
  PangoFontDescription *font;
  PangoLanguage        *language;
  cairo_font_options_t *options;
  GPtrArray            *texts;
  GPtrArray            *styled;  /* of Styled */
  GThread              *thread;

  double                resolution;
  int                   scale_factor;
  int                   cancelled;
  guint                 n_warmed;
};

/* A text warmed in a font of its own. */
typedef struct
{
  GBytes               *text;
  PangoFontDescription *font;
} Styled;

G_DEFINE_FINAL_TYPE (PrepGlyphWarmer, prep_glyph_warmer, G_TYPE_OBJECT)

static void
styled_free (Styled *styled)
{
  g_bytes_unref (styled->text);
  pango_font_description_free (styled->font);
  g_free (styled);
}

static void
lower_priority (void)
{
#ifdef __linux__
  /* On Linux a thread has a nice value of its own. */
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10) != 0)
    g_debug ("Could not lower the priority of glyph loading: %s", g_strerror (errno));
#endif
}

/* Lays out and draws @text, @length bytes, a chunk of characters at a
 * time; Chinese in the face the reader uses for it. */
static gboolean
warm_run (PrepGlyphWarmer *self,
          cairo_t         *cr,
          PangoLayout     *layout,
          const char      *text,
          gsize            length,
          gboolean         cjk)
{
  const char *end = text + length;

  while (text < end)
    {
      const char *chunk_end = text;
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      if (g_atomic_int_get (&self->cancelled))
        return FALSE;

      for (guint i = 0; i < CHUNK_CHARACTERS && chunk_end < end; i++)
        chunk_end = g_utf8_next_char (chunk_end);

      if (cjk)
        {
          pango_attr_list_insert (attrs, pango_attr_family_new (PREP_RENDERER_ZH_FAMILY));
          pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-tw")));
        }
      pango_layout_set_attributes (layout, attrs);
      pango_layout_set_text (layout, text, chunk_end - text);
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, layout);

      text = chunk_end;
    }

  return TRUE;
}

/* @text's characters, Chinese first (@cjk_length bytes), in @font. */
static gboolean
warm_in_font (PrepGlyphWarmer            *self,
              cairo_t                    *cr,
              PangoContext               *context,
              const PangoFontDescription *font,
              const char                 *text,
              gsize                       cjk_length)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);

  return warm_run (self, cr, layout, text, cjk_length, TRUE) &&
         warm_run (self, cr, layout, text + cjk_length, strlen (text) - cjk_length, FALSE);
}

static gpointer
warm_thread (gpointer data)
{
  PrepGlyphWarmer *self = data;
  static const PangoWeight weights[] = { PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_BOLD };
  g_autoptr(PangoFontMap) font_map = NULL;
  PangoContext *context;
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gsize cjk_length = 0;
  guint n_warmed;
  gboolean done = TRUE;

  lower_priority ();

  text = prep_glyph_warmer_collect (self->texts, MAX_CHARACTERS, &cjk_length);
  n_warmed = g_utf8_strlen (text, -1);

  if (g_atomic_int_get (&self->cancelled))
    return NULL;

  font_map = pango_cairo_font_map_new ();
  context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (context, self->resolution);
  pango_cairo_context_set_font_options (context, self->options);
  pango_context_set_language (context, self->language);

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8,
                                        SURFACE_WIDTH * self->scale_factor,
                                        SURFACE_HEIGHT * self->scale_factor);
  cairo_surface_set_device_scale (surface, self->scale_factor, self->scale_factor);
  cr = cairo_create (surface);

  /* Regular and bold (headings in the sidebar and the answer, strong
   * text) at the window's size. */
  for (guint i = 0; i < G_N_ELEMENTS (weights) && done; i++)
    {
      g_autoptr(PangoFontDescription) font = pango_font_description_copy (self->font);

      pango_font_description_set_weight (font, weights[i]);
      done = warm_in_font (self, cr, context, font, text, cjk_length);
    }

  /* Texts in a font of their own (the question's title): only their
   * characters, so that the glyph cache, which cairo bounds for all fonts
   * together, keeps the others. */
  for (guint i = 0; i < self->styled->len && done; i++)
    {
      Styled *styled = g_ptr_array_index (self->styled, i);
      g_autoptr(GPtrArray) texts = g_ptr_array_new ();
      g_autofree char *characters = NULL;
      gsize styled_cjk = 0;

      g_ptr_array_add (texts, styled->text);
      characters = prep_glyph_warmer_collect (texts, MAX_CHARACTERS, &styled_cjk);
      done = warm_in_font (self, cr, context, styled->font, characters, styled_cjk);
      n_warmed += g_utf8_strlen (characters, -1);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_object_unref (context);

  if (done)
    self->n_warmed = n_warmed;

  return NULL;
}

static void
prep_glyph_warmer_dispose (GObject *object)
{
  PrepGlyphWarmer *self = (PrepGlyphWarmer *)object;

  if (self->thread != NULL)
    {
      g_atomic_int_set (&self->cancelled, TRUE);
      g_clear_pointer (&self->thread, g_thread_join);
    }

  G_OBJECT_CLASS (prep_glyph_warmer_parent_class)->dispose (object);
}

static void
prep_glyph_warmer_finalize (GObject *object)
{
  PrepGlyphWarmer *self = (PrepGlyphWarmer *)object;

  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->options, cairo_font_options_destroy);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->styled, g_ptr_array_unref);

  G_OBJECT_CLASS (prep_glyph_warmer_parent_class)->finalize (object);
}

static void
prep_glyph_warmer_class_init (PrepGlyphWarmerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = prep_glyph_warmer_dispose;
  object_class->finalize = prep_glyph_warmer_finalize;
}

static void
prep_glyph_warmer_init (PrepGlyphWarmer *self)
{
  self->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  self->styled = g_ptr_array_new_with_free_func ((GDestroyNotify) styled_free);
  self->scale_factor = 1;
}

/**
 * prep_glyph_warmer_new:
 * @context: the context the text will be shown with: its font, language,
 *   resolution and font options are used
 * @scale_factor: the window's scale factor
 */
PrepGlyphWarmer *
prep_glyph_warmer_new (PangoContext *context,
                       int           scale_factor)
{
  PrepGlyphWarmer *self;
  const cairo_font_options_t *options;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  self = g_object_new (PREP_TYPE_GLYPH_WARMER, NULL);
  self->font = pango_font_description_copy (pango_context_get_font_description (context));
  self->language = pango_context_get_language (context);
  self->resolution = pango_cairo_context_get_resolution (context);
  if (self->resolution <= 0)
    self->resolution = 96;
  options = pango_cairo_context_get_font_options (context);
  self->options = options != NULL ? cairo_font_options_copy (options) : cairo_font_options_create ();
  self->scale_factor = CLAMP (scale_factor, 1, 16);

  return self;
}

/**
 * prep_glyph_warmer_add_text:
 * @text: UTF-8 text (e.g. a content file) whose characters to warm;
 *   invalid sequences are skipped
 *
 * Call before prep_glyph_warmer_start().
 */
void
prep_glyph_warmer_add_text (PrepGlyphWarmer *self,
                            GBytes          *text)
{
  g_return_if_fail (PREP_IS_GLYPH_WARMER (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (self->thread == NULL);

  g_ptr_array_add (self->texts, g_bytes_ref (text));
}

/**
 * prep_glyph_warmer_add_text_in_font:
 * @text: UTF-8 text whose characters to warm in @font as well
 * @font: a font as a widget shows it (e.g. a title's), with its size
 *
 * Call before prep_glyph_warmer_start().
 */
void
prep_glyph_warmer_add_text_in_font (PrepGlyphWarmer            *self,
                                    GBytes                     *text,
                                    const PangoFontDescription *font)
{
  Styled *styled;

  g_return_if_fail (PREP_IS_GLYPH_WARMER (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (font != NULL);
  g_return_if_fail (self->thread == NULL);

  styled = g_new0 (Styled, 1);
  styled->text = g_bytes_ref (text);
  styled->font = pango_font_description_copy (font);
  g_ptr_array_add (self->styled, styled);
}

/**
 * prep_glyph_warmer_start:
 *
 * Starts loading the glyphs in a thread. Disposing of @self stops it.
 */
void
prep_glyph_warmer_start (PrepGlyphWarmer *self)
{
  g_return_if_fail (PREP_IS_GLYPH_WARMER (self));
  g_return_if_fail (self->thread == NULL);

  self->thread = g_thread_new ("prep-glyphs", warm_thread, self);
}

/**
 * prep_glyph_warmer_wait:
 *
 * Waits for the thread to finish.
 *
 * Returns: how many characters were warmed: those of the texts (each in
 *   regular and bold) and those added in a font of their own
 */
guint
prep_glyph_warmer_wait (PrepGlyphWarmer *self)
{
  g_return_val_if_fail (PREP_IS_GLYPH_WARMER (self), 0);

  g_clear_pointer (&self->thread, g_thread_join);

  return self->n_warmed;
}

/**
 * prep_glyph_warmer_collect:
 * @texts: (element-type GBytes): UTF-8 texts
 * @max_characters: how many characters at most
 * @cjk_length: (out): the length in bytes of the Chinese characters,
 *   which come first
 *
 * The printable characters of @texts, each once, in order of first
 * appearance: the Chinese ones (as the renderer tags them) first, then
 * the others. Invalid UTF-8 is skipped.
 *
 * Returns: (transfer full): the characters
 */
char *
prep_glyph_warmer_collect (GPtrArray *texts,
                           guint      max_characters,
                           gsize     *cjk_length)
{
  g_autofree guint8 *seen = g_malloc0 ((0x10FFFF >> 3) + 1);
  g_autoptr(GString) cjk = g_string_new (NULL);
  g_autoptr(GString) other = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (texts != NULL, NULL);
  g_return_val_if_fail (cjk_length != NULL, NULL);

  for (guint i = 0; i < texts->len && n < max_characters; i++)
    {
      gsize size;
      const char *p = g_bytes_get_data (g_ptr_array_index (texts, i), &size);
      const char *end = p + size;

      while (p < end && n < max_characters)
        {
          gunichar c = g_utf8_get_char_validated (p, end - p);

          if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0)
            {
              p++;
              continue;
            }

          p = g_utf8_next_char (p);
          if ((seen[c >> 3] & (1 << (c & 7))) || !g_unichar_isgraph (c))
            continue;

          seen[c >> 3] |= 1 << (c & 7);
          g_string_append_unichar (prep_renderer_is_cjk (c) ? cjk : other, c);
          n++;
        }
    }

  *cjk_length = cjk->len;
  g_string_append_len (cjk, other->str, other->len);

  return g_string_free (g_steal_pointer (&cjk), FALSE);
}
