/* prep-chart-util.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-chart-util"

#include "config.h"

#include "prep-chart-util.h"

/* gtk_widget_get_color() is GTK 4.10's, when the build may use it. */
#if GTK_CHECK_VERSION (4, 10, 0)
# if GDK_VERSION_MAX_ALLOWED >= GDK_VERSION_4_10
#  define HAVE_WIDGET_GET_COLOR 1
# endif
#endif

/* What the charts share: colours from the theme, the accessible summary,
 * a rounded scale and text. The charts draw with GtkSnapshot only. */

/**
 * prep_chart_get_foreground:
 *
 * The text colour of @widget, which follows the light or dark style.
 */
void
prep_chart_get_foreground (GtkWidget *widget,
                           GdkRGBA   *color)
{
#ifdef HAVE_WIDGET_GET_COLOR
  gtk_widget_get_color (widget, color);
#else
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
}

/**
 * prep_chart_lookup_color:
 * @name: a colour libadwaita names, such as "accent_bg_color"
 * @alpha: what to multiply its opacity by
 *
 * A named colour of the stylesheet, so that the charts follow the accent
 * colour, the dark style and the high-contrast style, and an application
 * stylesheet can change them with `@define-color`. Without such a colour
 * (another theme) the text colour stands in for it.
 */
void
prep_chart_lookup_color (GtkWidget  *widget,
                         const char *name,
                         double      alpha,
                         GdkRGBA    *color)
{
  gboolean found;

  /* Named colours have no replacement in GTK 4.10's deprecation of
   * GtkStyleContext; they still work and libadwaita 1.2 defines them. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (!found)
    prep_chart_get_foreground (widget, color);
  color->alpha *= alpha;
}

/**
 * prep_chart_set_summary:
 * @summary: (nullable): what the chart shows, in a sentence
 *
 * What a screen reader says for the chart, which it cannot look at.
 */
void
prep_chart_set_summary (GtkWidget  *widget,
                        const char *summary)
{
  if (summary != NULL && *summary != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                    -1);
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/**
 * prep_chart_nice_max:
 *
 * Returns: the top of a scale for counts up to @value: a round number at
 *   least @value, and at most a third above it for values past 6, so
 *   that the tallest bar reaches near the top. It is even past 8, so the
 *   gridline half way up is labelled with a whole number.
 */
guint
prep_chart_nice_max (guint value)
{
  static const guint steps[] = { 10, 12, 16, 20, 24, 30, 40, 50, 60, 80 };
  guint64 scale = 1;

  if (value <= 6)
    return MAX (value, 1);
  if (value <= 8)
    return 8;

  while (TRUE)
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if (steps[i] * scale >= value)
          return (guint) MIN (steps[i] * scale, G_MAXUINT);
      scale *= 10;
      if (scale > G_MAXUINT)
        return G_MAXUINT;
    }
}

void
prep_chart_append_layout (GtkSnapshot   *snapshot,
                          PangoLayout   *layout,
                          float          x,
                          float          y,
                          const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/**
 * prep_chart_line_height:
 *
 * Returns: the height of a line of text in @widget's font, which grows
 *   with the text scale; the charts size their marks by it.
 */
int
prep_chart_line_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "0");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);

  return MAX (height, 1);
}

/* g_set_str() of GLib 2.76. */
gboolean
prep_chart_set_string (char       **string,
                       const char  *value)
{
  if (g_strcmp0 (*string, value) == 0)
    return FALSE;

  g_free (*string);
  *string = g_strdup (value);

  return TRUE;
}

/**
 * prep_chart_font_changed:
 * @font: (inout): the font the chart's text was last laid out in
 *
 * Whether a change of style changed @widget's font, so that the text
 * laid out before must be laid out again. Most changes of style do not
 * (the pointer entering the chart, focus): the layouts are kept then.
 *
 * Returns: whether the font is not @font, which it becomes
 */
gboolean
prep_chart_font_changed (GtkWidget             *widget,
                         PangoFontDescription **font)
{
  const PangoFontDescription *current;

  current = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (*font != NULL && current != NULL && pango_font_description_equal (*font, current))
    return FALSE;

  g_clear_pointer (font, pango_font_description_free);
  if (current != NULL)
    *font = pango_font_description_copy (current);

  return TRUE;
}
