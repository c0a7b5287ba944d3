/* prep-stacked-bar.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-stacked-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "prep-chart-util.h"
#include "prep-stacked-bar.h"

/* One thin horizontal bar cut into segments by count, such as the new,
 * learning, young and mature questions of a category. It has no legend:
 * the page around it says what the colours are, and each segment has a
 * tooltip with its label and count. A segment that is not 0 is never
 * thinner than MIN_SEGMENT, so that a single learning card shows. */

struct _PrepStackedBar
{
  GtkWidget  parent_instance;

  guint     *values;
  char     **labels;            /* n_segments, each may be "" */
  guint      n_segments;
  char      *summary;
};

G_DEFINE_FINAL_TYPE (PrepStackedBar, prep_stacked_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define MIN_SEGMENT 3
#define GAP 2

/* Anki's colours for new, learning, young and mature cards, as the
 * theme names them; more segments go on with the others. */
static const struct {
  const char *name;
  double      alpha;
} palette[] = {
  { "accent_bg_color", 1.0 },
  { "warning_bg_color", 1.0 },
  { "success_bg_color", 0.5 },
  { "success_bg_color", 1.0 },
  { "destructive_bg_color", 1.0 },
  { "accent_bg_color", 0.5 },
};

static int
bar_height (GtkWidget *widget)
{
  return MAX (6, prep_chart_line_height (widget) / 2);
}

/* Where each segment starts and ends: by count, but none that is not 0
 * thinner than MIN_SEGMENT while the bar has room, which the widest
 * gives up. */
static void
segment_edges (PrepStackedBar *self,
               int             width,
               int            *starts,
               int            *ends)
{
  guint64 total = 0, sum = 0;
  int room = width - GAP * (int) (self->n_segments - 1);
  g_autofree int *widths = g_new0 (int, self->n_segments);
  int widest = -1;
  int x = 0;

  for (guint i = 0; i < self->n_segments; i++)
    total += self->values[i];

  for (guint i = 0; i < self->n_segments && total > 0; i++)
    {
      int from = (int) (room * sum / total);

      sum += self->values[i];
      widths[i] = (int) (room * sum / total) - from;
      if (self->values[i] > 0 && widths[i] < MIN_SEGMENT)
        widths[i] = MIN_SEGMENT;
      if (widest < 0 || widths[i] > widths[widest])
        widest = i;
    }

  if (widest >= 0)
    {
      int used = 0;

      for (guint i = 0; i < self->n_segments; i++)
        used += widths[i];
      widths[widest] = MAX (widths[widest] - (used - room), MIN_SEGMENT);
    }

  for (guint i = 0; i < self->n_segments; i++)
    {
      starts[i] = x;
      ends[i] = x + widths[i];
      if (widths[i] > 0)
        x = ends[i] + GAP;
    }
}

static void
prep_stacked_bar_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  PrepStackedBar *self = PREP_STACKED_BAR (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (self->n_segments, 1) * (MIN_SEGMENT + GAP);
      *natural = MAX (*minimum, 12 * bar_height (widget));
    }
  else
    {
      *minimum = *natural = bar_height (widget);
    }
}

static void
prep_stacked_bar_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  PrepStackedBar *self = PREP_STACKED_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float radius = height / 2.f;
  g_autofree int *starts = g_new (int, MAX (self->n_segments, 1));
  g_autofree int *ends = g_new (int, MAX (self->n_segments, 1));
  GskRoundedRect outline;
  gboolean empty = TRUE;
  GdkRGBA trough;

  /* A pill; an empty trough when there is nothing in it. Segments are
   * not drawn over the trough, which would change their colours. */
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);

  segment_edges (self, width, starts, ends);
  for (guint i = 0; i < self->n_segments; i++)
    empty &= ends[i] <= starts[i];
  if (empty)
    {
      prep_chart_get_foreground (widget, &trough);
      trough.alpha *= 0.1;
      gtk_snapshot_append_color (snapshot, &trough, &outline.bounds);
    }

  for (guint i = 0; i < self->n_segments; i++)
    {
      GdkRGBA color;

      if (ends[i] <= starts[i])
        continue;
      prep_stacked_bar_get_segment_color (self, i, &color);
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (starts[i], 0, ends[i] - starts[i], height));
    }

  gtk_snapshot_pop (snapshot);
}

static gboolean
query_tooltip_cb (PrepStackedBar *self,
                  int             x,
                  int             y,
                  gboolean        keyboard_mode,
                  GtkTooltip     *tooltip)
{
  g_autofree int *starts = g_new (int, MAX (self->n_segments, 1));
  g_autofree int *ends = g_new (int, MAX (self->n_segments, 1));
  g_autofree char *text = NULL;

  if (keyboard_mode || self->labels == NULL)
    return FALSE;

  segment_edges (self, gtk_widget_get_width (GTK_WIDGET (self)), starts, ends);
  for (guint i = 0; i < self->n_segments; i++)
    if (x >= starts[i] && x < ends[i] + GAP && *self->labels[i] != '\0')
      {
        /* Translators: a part of a bar, such as "Mature: 12". */
        text = g_strdup_printf (C_("stacked bar tooltip", "%s: %u"), self->labels[i], self->values[i]);
        gtk_tooltip_set_text (tooltip, text);
        gtk_tooltip_set_tip_area (tooltip,
                                  &(GdkRectangle) { starts[i], 0, ends[i] - starts[i],
                                                    gtk_widget_get_height (GTK_WIDGET (self)) });
        return TRUE;
      }

  return FALSE;
}

static void
prep_stacked_bar_finalize (GObject *object)
{
  PrepStackedBar *self = (PrepStackedBar *)object;

  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (prep_stacked_bar_parent_class)->finalize (object);
}

static void
prep_stacked_bar_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PrepStackedBar *self = PREP_STACKED_BAR (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_stacked_bar_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PrepStackedBar *self = PREP_STACKED_BAR (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      prep_stacked_bar_set_summary (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_stacked_bar_class_init (PrepStackedBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = prep_stacked_bar_finalize;
  object_class->get_property = prep_stacked_bar_get_property;
  object_class->set_property = prep_stacked_bar_set_property;

  widget_class->measure = prep_stacked_bar_measure;
  widget_class->snapshot = prep_stacked_bar_snapshot;

  /**
   * PrepStackedBar:summary:
   *
   * The bar in a sentence, for screen readers: its accessible label and
   * description.
   */
  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "prepstackedbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
prep_stacked_bar_init (PrepStackedBar *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

GtkWidget *
prep_stacked_bar_new (void)
{
  return g_object_new (PREP_TYPE_STACKED_BAR, NULL);
}

/**
 * prep_stacked_bar_set_segments:
 * @values: (array length=n_segments) (nullable): a count per segment
 * @labels: (array length=n_segments) (nullable): a name per segment, for
 *   its tooltip
 */
void
prep_stacked_bar_set_segments (PrepStackedBar     *self,
                               const guint        *values,
                               const char * const *labels,
                               guint               n_segments)
{
  g_return_if_fail (PREP_IS_STACKED_BAR (self));
  g_return_if_fail (values != NULL || n_segments == 0);

  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->labels, g_strfreev);

  self->n_segments = n_segments;
  self->values = g_memdup2 (values, sizeof (guint) * n_segments);
  if (labels != NULL)
    {
      self->labels = g_new0 (char *, n_segments + 1);
      for (guint i = 0; i < n_segments; i++)
        self->labels[i] = g_strdup (labels[i] != NULL ? labels[i] : "");
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
prep_stacked_bar_get_n_segments (PrepStackedBar *self)
{
  g_return_val_if_fail (PREP_IS_STACKED_BAR (self), 0);

  return self->n_segments;
}

/**
 * prep_stacked_bar_get_segment_area:
 * @area: (out): where segment @index is drawn, in the bar's coordinates
 *
 * Returns: whether the segment shows: it is not 0 and the bar has a size
 */
gboolean
prep_stacked_bar_get_segment_area (PrepStackedBar  *self,
                                   guint            index,
                                   graphene_rect_t *area)
{
  g_autofree int *starts = NULL;
  g_autofree int *ends = NULL;

  g_return_val_if_fail (PREP_IS_STACKED_BAR (self), FALSE);
  g_return_val_if_fail (index < self->n_segments, FALSE);

  starts = g_new (int, self->n_segments);
  ends = g_new (int, self->n_segments);
  segment_edges (self, gtk_widget_get_width (GTK_WIDGET (self)), starts, ends);
  graphene_rect_init (area, starts[index], 0, ends[index] - starts[index],
                      gtk_widget_get_height (GTK_WIDGET (self)));

  return area->size.width > 0 && area->size.height > 0;
}

/**
 * prep_stacked_bar_get_segment_color:
 * @color: (out): the colour of segment @index in the current style
 */
void
prep_stacked_bar_get_segment_color (PrepStackedBar *self,
                                    guint           index,
                                    GdkRGBA        *color)
{
  g_return_if_fail (PREP_IS_STACKED_BAR (self));

  index %= G_N_ELEMENTS (palette);
  prep_chart_lookup_color (GTK_WIDGET (self), palette[index].name, palette[index].alpha, color);
}

const char *
prep_stacked_bar_get_summary (PrepStackedBar *self)
{
  g_return_val_if_fail (PREP_IS_STACKED_BAR (self), NULL);

  return self->summary;
}

/**
 * prep_stacked_bar_set_summary:
 * @summary: (nullable): the bar in a sentence, such as "12 new, 3
 *   learning, 20 young, 5 mature"
 */
void
prep_stacked_bar_set_summary (PrepStackedBar *self,
                              const char     *summary)
{
  g_return_if_fail (PREP_IS_STACKED_BAR (self));

  if (prep_chart_set_string (&self->summary, summary))
    {
      prep_chart_set_summary (GTK_WIDGET (self), summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUMMARY]);
    }
}
