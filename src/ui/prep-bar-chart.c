/* prep-bar-chart.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-bar-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "prep-bar-chart.h"
#include "prep-chart-util.h"

/* Vertical bars for a series of counts, such as the reviews due on each
 * of the next 30 days. The scale goes up to a round number with its
 * gridlines labelled; the caller's labels go under the bars they name,
 * and those that would touch the one before are left out, so a narrow
 * chart shows fewer. The first bar can take the warning colour: the
 * reviews due today include the overdue ones. */

struct _PrepBarChart
{
  GtkWidget             parent_instance;

  guint                *values;
  char                **labels;         /* n_values, each may be "" */
  guint                 n_values;
  guint                 y_max;          /* 0 when every value is */
  char                 *summary;
  char                 *empty_text;
  gboolean              highlight_first;

  /* Made when first needed, dropped when the data or the font changes */
  GPtrArray            *label_layouts;  /* PangoLayout or NULL, per value */
  PangoLayout          *grid_layouts[2]; /* y_max, y_max / 2 */
  PangoLayout          *empty_layout;
  PangoFontDescription *font;
  int                   line_height;
};

G_DEFINE_FINAL_TYPE (PrepBarChart, prep_bar_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SUMMARY,
  PROP_EMPTY_TEXT,
  PROP_HIGHLIGHT_FIRST,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define LABEL_SPACING 4
#define MIN_BAR_PITCH 3
#define NATURAL_BAR_PITCH 16

/* For arrays of layouts with holes. */
static void
free_layout (gpointer layout)
{
  if (layout != NULL)
    g_object_unref (layout);
}

static void
drop_layouts (PrepBarChart *self)
{
  g_clear_pointer (&self->label_layouts, g_ptr_array_unref);
  g_clear_object (&self->grid_layouts[0]);
  g_clear_object (&self->grid_layouts[1]);
  g_clear_object (&self->empty_layout);
  self->line_height = 0;
}

static void
ensure_layouts (PrepBarChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->label_layouts != NULL)
    return;

  self->line_height = prep_chart_line_height (widget);
  self->label_layouts = g_ptr_array_new_full (self->n_values, free_layout);
  for (guint i = 0; i < self->n_values; i++)
    {
      const char *label = self->labels != NULL ? self->labels[i] : NULL;

      g_ptr_array_add (self->label_layouts,
                       label != NULL && *label != '\0' ? gtk_widget_create_pango_layout (widget, label) : NULL);
    }

  if (self->y_max > 0)
    {
      g_autofree char *top = g_strdup_printf ("%u", self->y_max);

      self->grid_layouts[0] = gtk_widget_create_pango_layout (widget, top);
      if (self->y_max % 2 == 0)
        {
          g_autofree char *half = g_strdup_printf ("%u", self->y_max / 2);

          self->grid_layouts[1] = gtk_widget_create_pango_layout (widget, half);
        }
    }

  self->empty_layout = gtk_widget_create_pango_layout (widget,
                                                       self->empty_text != NULL ? self->empty_text
                                                                                : _("Nothing to show"));
  pango_layout_set_alignment (self->empty_layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (self->empty_layout, PANGO_WRAP_WORD_CHAR);
}

/* The room left of the plot for the scale's labels. */
static int
gutter_width (PrepBarChart *self)
{
  int width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->grid_layouts); i++)
    if (self->grid_layouts[i] != NULL)
      {
        int w;

        pango_layout_get_pixel_size (self->grid_layouts[i], &w, NULL);
        width = MAX (width, w);
      }

  return width > 0 ? width + LABEL_SPACING * 2 : 0;
}

static void
plot_area (PrepBarChart    *self,
           int              width,
           int              height,
           graphene_rect_t *area)
{
  int gutter = gutter_width (self);
  int top = self->line_height / 2;
  int bottom = self->line_height + LABEL_SPACING;

  graphene_rect_init (area, gutter, top, MAX (width - gutter, 0), MAX (height - top - bottom, 0));
}

static void
bar_area (PrepBarChart          *self,
          const graphene_rect_t *plot,
          guint                  index,
          graphene_rect_t       *area)
{
  float pitch = plot->size.width / MAX (self->n_values, 1);
  float bar_width = MAX (1, floorf (pitch * 0.7f));
  float height = 0;

  if (self->y_max > 0 && self->values[index] > 0)
    height = MAX (2, roundf (plot->size.height * self->values[index] / self->y_max));

  graphene_rect_init (area,
                      roundf (plot->origin.x + pitch * index + (pitch - bar_width) / 2),
                      plot->origin.y + plot->size.height - height,
                      bar_width, height);
}

static void
prep_bar_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  PrepBarChart *self = PREP_BAR_CHART (widget);
  guint n = MAX (self->n_values, 1);

  ensure_layouts (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int gutter = gutter_width (self);

      *minimum = gutter + n * MIN_BAR_PITCH;
      *natural = gutter + n * NATURAL_BAR_PITCH;
    }
  else
    {
      /* The plot grows with the text, as its labels do. */
      int text = self->line_height / 2 + self->line_height + LABEL_SPACING;

      *minimum = text + 4 * self->line_height;
      *natural = text + 8 * self->line_height;
    }
}

static void
draw_gridline (GtkSnapshot           *snapshot,
               PangoLayout           *layout,
               const graphene_rect_t *plot,
               float                  y,
               const GdkRGBA         *rule,
               const GdkRGBA         *text)
{
  gtk_snapshot_append_color (snapshot, rule,
                             &GRAPHENE_RECT_INIT (plot->origin.x, y, plot->size.width, 1));
  if (layout != NULL)
    {
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      prep_chart_append_layout (snapshot, layout, plot->origin.x - LABEL_SPACING - w, y - h / 2, text);
    }
}

static void
prep_bar_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  PrepBarChart *self = PREP_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg, dim, rule, baseline, bar, first;
  graphene_rect_t plot;
  float bottom, last_right = -G_MAXFLOAT;

  ensure_layouts (self);
  plot_area (self, width, height, &plot);
  bottom = plot.origin.y + plot.size.height;

  prep_chart_get_foreground (widget, &fg);
  dim = rule = baseline = fg;
  dim.alpha *= 0.7;
  rule.alpha *= 0.12;
  baseline.alpha *= 0.3;
  prep_chart_lookup_color (widget, "accent_bg_color", 1.0, &bar);
  prep_chart_lookup_color (widget, self->highlight_first ? "warning_bg_color" : "accent_bg_color", 1.0, &first);

  if (self->y_max > 0)
    {
      draw_gridline (snapshot, self->grid_layouts[0], &plot, plot.origin.y, &rule, &dim);
      if (self->grid_layouts[1] != NULL)
        draw_gridline (snapshot, self->grid_layouts[1], &plot,
                       roundf (plot.origin.y + plot.size.height / 2), &rule, &dim);
    }
  gtk_snapshot_append_color (snapshot, &baseline,
                             &GRAPHENE_RECT_INIT (plot.origin.x, bottom - 1, plot.size.width, 1));

  for (guint i = 0; i < self->n_values && self->y_max > 0; i++)
    {
      graphene_rect_t area;
      GskRoundedRect rounded;
      float radius;

      bar_area (self, &plot, i, &area);
      if (area.size.height <= 0)
        continue;

      /* Rounded at the top only: the bars stand on the baseline. */
      radius = MIN (3, MIN (area.size.width / 2, area.size.height));
      gsk_rounded_rect_init (&rounded, &area,
                             &GRAPHENE_SIZE_INIT (radius, radius), &GRAPHENE_SIZE_INIT (radius, radius),
                             &GRAPHENE_SIZE_INIT (0, 0), &GRAPHENE_SIZE_INIT (0, 0));
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, i == 0 ? &first : &bar, &area);
      gtk_snapshot_pop (snapshot);
    }

  for (guint i = 0; i < self->n_values; i++)
    {
      PangoLayout *layout = g_ptr_array_index (self->label_layouts, i);
      graphene_rect_t area;
      float x;
      int w;

      if (layout == NULL)
        continue;

      bar_area (self, &plot, i, &area);
      pango_layout_get_pixel_size (layout, &w, NULL);
      x = CLAMP (area.origin.x + area.size.width / 2 - w / 2.f, 0, MAX (width - w, 0));
      if (x < last_right + LABEL_SPACING * 2)
        continue;
      prep_chart_append_layout (snapshot, layout, roundf (x), bottom + LABEL_SPACING, &dim);
      last_right = x + w;
    }

  if (self->y_max == 0)
    {
      int h;

      pango_layout_set_width (self->empty_layout, plot.size.width * PANGO_SCALE);
      pango_layout_get_pixel_size (self->empty_layout, NULL, &h);
      prep_chart_append_layout (snapshot, self->empty_layout,
                                plot.origin.x, roundf (plot.origin.y + (plot.size.height - h) / 2), &dim);
    }
}

static void
prep_bar_chart_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (prep_bar_chart_parent_class)->css_changed (widget, change);

  /* Colours are looked up as the chart is drawn; GTK queues the resize
   * when the font changed. */
  if (prep_chart_font_changed (widget, &PREP_BAR_CHART (widget)->font))
    drop_layouts (PREP_BAR_CHART (widget));
  gtk_widget_queue_draw (widget);
}

static void
prep_bar_chart_system_setting_changed (GtkWidget        *widget,
                                       GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (prep_bar_chart_parent_class)->system_setting_changed (widget, setting);

  /* The text scale (DPI) or the font. */
  drop_layouts (PREP_BAR_CHART (widget));
}

static void
prep_bar_chart_finalize (GObject *object)
{
  PrepBarChart *self = (PrepBarChart *)object;

  drop_layouts (self);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->empty_text, g_free);

  G_OBJECT_CLASS (prep_bar_chart_parent_class)->finalize (object);
}

static void
prep_bar_chart_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PrepBarChart *self = PREP_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_EMPTY_TEXT:
      g_value_set_string (value, self->empty_text);
      break;

    case PROP_HIGHLIGHT_FIRST:
      g_value_set_boolean (value, self->highlight_first);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_bar_chart_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PrepBarChart *self = PREP_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      prep_bar_chart_set_summary (self, g_value_get_string (value));
      break;

    case PROP_EMPTY_TEXT:
      prep_bar_chart_set_empty_text (self, g_value_get_string (value));
      break;

    case PROP_HIGHLIGHT_FIRST:
      prep_bar_chart_set_highlight_first (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_bar_chart_class_init (PrepBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = prep_bar_chart_finalize;
  object_class->get_property = prep_bar_chart_get_property;
  object_class->set_property = prep_bar_chart_set_property;

  widget_class->measure = prep_bar_chart_measure;
  widget_class->snapshot = prep_bar_chart_snapshot;
  widget_class->css_changed = prep_bar_chart_css_changed;
  widget_class->system_setting_changed = prep_bar_chart_system_setting_changed;

  /**
   * PrepBarChart:summary:
   *
   * The chart in a sentence, for screen readers: its accessible label
   * and description.
   */
  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PrepBarChart:empty-text:
   *
   * What the chart says when every value is 0, or %NULL for a general
   * "Nothing to show".
   */
  properties [PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PrepBarChart:highlight-first:
   *
   * Whether the first bar is in the warning colour, as for reviews that
   * are due today because they are overdue.
   */
  properties [PROP_HIGHLIGHT_FIRST] =
    g_param_spec_boolean ("highlight-first", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "prepbarchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
prep_bar_chart_init (PrepBarChart *self)
{
}

GtkWidget *
prep_bar_chart_new (void)
{
  return g_object_new (PREP_TYPE_BAR_CHART, NULL);
}

/**
 * prep_bar_chart_set_data:
 * @values: (array length=n_values) (nullable): a count per bar
 * @labels: (array length=n_values) (nullable): what to write under each
 *   bar, %NULL or "" for nothing
 *
 * Shows @values; a chart of only zeros shows its empty text instead.
 */
void
prep_bar_chart_set_data (PrepBarChart       *self,
                         const guint        *values,
                         const char * const *labels,
                         guint               n_values)
{
  guint max = 0;

  g_return_if_fail (PREP_IS_BAR_CHART (self));
  g_return_if_fail (values != NULL || n_values == 0);

  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->labels, g_strfreev);

  self->n_values = n_values;
  self->values = g_memdup2 (values, sizeof (guint) * n_values);
  if (labels != NULL)
    {
      self->labels = g_new0 (char *, n_values + 1);
      for (guint i = 0; i < n_values; i++)
        self->labels[i] = g_strdup (labels[i] != NULL ? labels[i] : "");
    }

  for (guint i = 0; i < n_values; i++)
    max = MAX (max, values[i]);
  self->y_max = max > 0 ? prep_chart_nice_max (max) : 0;

  drop_layouts (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
prep_bar_chart_get_n_values (PrepBarChart *self)
{
  g_return_val_if_fail (PREP_IS_BAR_CHART (self), 0);

  return self->n_values;
}

guint
prep_bar_chart_get_value (PrepBarChart *self,
                          guint         index)
{
  g_return_val_if_fail (PREP_IS_BAR_CHART (self), 0);
  g_return_val_if_fail (index < self->n_values, 0);

  return self->values[index];
}

/**
 * prep_bar_chart_get_y_max:
 *
 * Returns: the value at the top of the scale, 0 when every value is 0
 */
guint
prep_bar_chart_get_y_max (PrepBarChart *self)
{
  g_return_val_if_fail (PREP_IS_BAR_CHART (self), 0);

  return self->y_max;
}

/**
 * prep_bar_chart_get_plot_area:
 * @area: (out): where the bars go, in the chart's coordinates; its top
 *   is the top of the scale, its bottom the baseline
 *
 * Returns: whether the chart has a size yet
 */
gboolean
prep_bar_chart_get_plot_area (PrepBarChart    *self,
                              graphene_rect_t *area)
{
  g_return_val_if_fail (PREP_IS_BAR_CHART (self), FALSE);

  ensure_layouts (self);
  plot_area (self, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)), area);

  return area->size.width > 0 && area->size.height > 0;
}

/**
 * prep_bar_chart_get_bar_area:
 * @area: (out): the bar of value @index, in the chart's coordinates: no
 *   higher than the baseline for 0
 *
 * Returns: whether the chart has a size yet
 */
gboolean
prep_bar_chart_get_bar_area (PrepBarChart    *self,
                             guint            index,
                             graphene_rect_t *area)
{
  graphene_rect_t plot;
  gboolean sized;

  g_return_val_if_fail (PREP_IS_BAR_CHART (self), FALSE);
  g_return_val_if_fail (index < self->n_values, FALSE);

  sized = prep_bar_chart_get_plot_area (self, &plot);
  bar_area (self, &plot, index, area);

  return sized;
}

const char *
prep_bar_chart_get_summary (PrepBarChart *self)
{
  g_return_val_if_fail (PREP_IS_BAR_CHART (self), NULL);

  return self->summary;
}

/**
 * prep_bar_chart_set_summary:
 * @summary: (nullable): the chart in a sentence, such as "14 reviews due
 *   in the next 7 days"
 */
void
prep_bar_chart_set_summary (PrepBarChart *self,
                            const char   *summary)
{
  g_return_if_fail (PREP_IS_BAR_CHART (self));

  if (prep_chart_set_string (&self->summary, summary))
    {
      prep_chart_set_summary (GTK_WIDGET (self), summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUMMARY]);
    }
}

const char *
prep_bar_chart_get_empty_text (PrepBarChart *self)
{
  g_return_val_if_fail (PREP_IS_BAR_CHART (self), NULL);

  return self->empty_text;
}

void
prep_bar_chart_set_empty_text (PrepBarChart *self,
                               const char   *empty_text)
{
  g_return_if_fail (PREP_IS_BAR_CHART (self));

  if (prep_chart_set_string (&self->empty_text, empty_text))
    {
      drop_layouts (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMPTY_TEXT]);
    }
}

gboolean
prep_bar_chart_get_highlight_first (PrepBarChart *self)
{
  g_return_val_if_fail (PREP_IS_BAR_CHART (self), FALSE);

  return self->highlight_first;
}

void
prep_bar_chart_set_highlight_first (PrepBarChart *self,
                                    gboolean      highlight_first)
{
  g_return_if_fail (PREP_IS_BAR_CHART (self));

  highlight_first = !!highlight_first;
  if (self->highlight_first == highlight_first)
    return;

  self->highlight_first = highlight_first;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HIGHLIGHT_FIRST]);
}
