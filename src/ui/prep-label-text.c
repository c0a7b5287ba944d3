/* prep-label-text.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-label-text"

#include "config.h"

#include "prep-label-text.h"
#include "prep-renderer.h"

/* Chinese runs as the renderer tags them in the answer: language zh-TW
 * and a Traditional Chinese face. */
static void
add_chinese_runs (PangoAttrList *attrs,
                  const char    *text)
{
  const char *run = NULL;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gboolean cjk = *p != '\0' && prep_renderer_is_cjk (g_utf8_get_char (p));

      if (cjk && run == NULL)
        run = p;
      else if (!cjk && run != NULL)
        {
          PangoAttribute *language = pango_attr_language_new (pango_language_from_string ("zh-tw"));
          PangoAttribute *family = pango_attr_family_new (PREP_RENDERER_ZH_FAMILY);

          language->start_index = family->start_index = run - text;
          language->end_index = family->end_index = p - text;
          pango_attr_list_insert (attrs, language);
          pango_attr_list_insert (attrs, family);
          run = NULL;
        }

      if (*p == '\0')
        break;
    }
}

static void
add_background (PangoAttrList *attrs,
                const char    *spec,
                guint          start,
                guint          end)
{
  PangoAttribute *color, *alpha;
  GdkRGBA rgba;

  gdk_rgba_parse (&rgba, spec);
  color = pango_attr_background_new (rgba.red * 65535, rgba.green * 65535, rgba.blue * 65535);
  alpha = pango_attr_background_alpha_new (rgba.alpha * 65535);
  color->start_index = alpha->start_index = start;
  color->end_index = alpha->end_index = end;
  pango_attr_list_insert (attrs, color);
  pango_attr_list_insert (attrs, alpha);
}

/**
 * prep_label_text_dup_attributes:
 * @matches: (nullable) (element-type PrepTextMatch): matches of find in
 *   @text, in characters
 * @current: the index of the current match, or G_MAXUINT for none
 *
 * The attributes content text is shown with: Chinese text is tagged zh-TW
 * and set in a Traditional Chinese face, so that it has Taiwan's glyph
 * forms and centred punctuation whatever the UI language; matches are
 * highlighted as in the answer. No hyphen is inserted where a word is
 * broken: Pango 1.50 adds it after wrapping, so a line can end up wider
 * than the width it was wrapped to, and a tight table cell would cut it
 * off.
 *
 * Returns: (transfer full): the attributes of @text
 */
PangoAttrList *
prep_label_text_dup_attributes (const char *text,
                                GArray     *matches,
                                guint       current)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  g_return_val_if_fail (text != NULL, attrs);

  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  add_chinese_runs (attrs, text);

  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      const PrepTextMatch *match = &g_array_index (matches, PrepTextMatch, i);
      const char *start = g_utf8_offset_to_pointer (text, match->start);
      const char *end = g_utf8_offset_to_pointer (text, match->end);

      add_background (attrs, i == current ? PREP_FIND_CURRENT_COLOR : PREP_FIND_MATCH_COLOR,
                      start - text, end - text);
    }

  return attrs;
}

/**
 * prep_label_text_update:
 * @matches: (nullable) (element-type PrepTextMatch): matches of find in
 *   the label's text, in characters
 * @current: the index of the current match, or G_MAXUINT for none
 *
 * Sets the label's attributes, those of
 * prep_label_text_dup_attributes().
 */
void
prep_label_text_update (GtkLabel *label,
                        GArray   *matches,
                        guint     current)
{
  g_autoptr(PangoAttrList) attrs = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  attrs = prep_label_text_dup_attributes (gtk_label_get_text (label), matches, current);
  gtk_label_set_attributes (label, attrs);
}

/**
 * prep_label_text_get_rect:
 * @rect: (out): where @match is, in the label's coordinates
 *
 * Returns: %FALSE if the label has no layout yet
 */
gboolean
prep_label_text_get_rect (GtkLabel            *label,
                          const PrepTextMatch *match,
                          graphene_rect_t     *rect)
{
  const char *text = gtk_label_get_text (label);
  PangoLayout *layout = gtk_label_get_layout (label);
  PangoRectangle pos;
  int x, y;

  g_return_val_if_fail (GTK_IS_LABEL (label), FALSE);

  if (layout == NULL)
    return FALSE;

  gtk_label_get_layout_offsets (label, &x, &y);
  pango_layout_index_to_pos (layout, g_utf8_offset_to_pointer (text, match->start) - text, &pos);
  graphene_rect_init (rect, x + pos.x / PANGO_SCALE, y + pos.y / PANGO_SCALE,
                      MAX (1, pos.width / PANGO_SCALE), pos.height / PANGO_SCALE);

  return TRUE;
}
