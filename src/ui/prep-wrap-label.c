/* prep-wrap-label.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-wrap-label"

#include "config.h"

#include "prep-chart-util.h"
#include "prep-wrap-label.h"

/* The width it asks for, in average characters of its font. */
#define MIN_CHARS 10

/* A short text, wrapped at word or character boundaries to at most a few
 * lines and ellipsized after the last, that lays its text out once for
 * each width it is given (issue 15).
 *
 * A wrapping GtkLabel in a list row lays its text out three times before
 * it is first drawn: GTK asks any widget measured for a height at a width
 * for its width first, and a wrapping label answers that with its text
 * laid out at no width and at every width; then at the width. Pango breaks
 * Chinese lines by shaping them again and again, so a three-line title is
 * some 0.4 M instructions a layout here, and a list in GTK 4.8 makes a row
 * for every item of a category as it opens.
 *
 * This widget asks for the width of ten average characters and takes the
 * rest of what it is given (it is the parent's to share out); its height
 * at a width comes from its one layout, kept at that width, which it then
 * draws. Its CSS name is "label", so that the theme's and the
 * application's style of labels applies; its font comes from its Pango
 * context, its colour from its style (as the charts take theirs). */
struct _PrepWrapLabel
{
  GtkWidget      parent_instance;

  char          *text;
  PangoAttrList *attrs;
  int            lines;

  PangoLayout   *layout;
  guint          layout_serial;   /* the layout's serial when last laid out */
  guint          n_layouts;

  /* From the font's metrics, while the Pango context is the same. */
  guint          metrics_serial;
  int            char_width;
  int            line_height;
};

G_DEFINE_FINAL_TYPE (PrepWrapLabel, prep_wrap_label, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LINES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_alignment (PrepWrapLabel *self)
{
  /* As a label aligned to the start: the right in a right-to-left UI. */
  if (self->layout != NULL)
    pango_layout_set_alignment (self->layout,
                                gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
}

static PangoLayout *
ensure_layout (PrepWrapLabel *self)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (self->layout, -self->lines);
      pango_layout_set_attributes (self->layout, self->attrs);
      update_alignment (self);
    }

  return self->layout;
}

/* The text laid out at @width (in pixels), its logical size in @rect. A
 * layout whose text, attributes, width and Pango context are as when it
 * was last laid out keeps its lines. */
static void
lay_out (PrepWrapLabel  *self,
         int             width,
         PangoRectangle *rect)
{
  PangoLayout *layout = ensure_layout (self);
  guint serial;

  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  serial = pango_layout_get_serial (layout);
  if (serial != self->layout_serial)
    {
      self->layout_serial = serial;
      self->n_layouts++;
    }
  pango_layout_get_pixel_extents (layout, NULL, rect);
}

static void
update_metrics (PrepWrapLabel *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics;

  if (self->metrics_serial == pango_context_get_serial (context))
    return;

  metrics = pango_context_get_metrics (context, NULL, NULL);
  self->char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                          pango_font_metrics_get_approximate_digit_width (metrics));
  self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
  self->metrics_serial = pango_context_get_serial (context);
  pango_font_metrics_unref (metrics);
}

static void
prep_wrap_label_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  PrepWrapLabel *self = PREP_WRAP_LABEL (widget);

  update_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = PANGO_PIXELS_CEIL (self->char_width * MIN_CHARS);
  else if (for_size < 0)
    /* No width given: a line, as the text at its natural width. */
    *minimum = *natural = self->line_height;
  else
    {
      PangoRectangle rect;

      lay_out (self, for_size, &rect);
      *minimum = *natural = rect.height;
    }
}

static void
prep_wrap_label_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  PrepWrapLabel *self = PREP_WRAP_LABEL (widget);

  /* Measured at this width, it keeps its lines. */
  if (self->layout != NULL)
    pango_layout_set_width (self->layout, MAX (width, 1) * PANGO_SCALE);
}

static void
prep_wrap_label_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PrepWrapLabel *self = PREP_WRAP_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle rect;
  GdkRGBA color;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;

  lay_out (self, width, &rect);

  prep_chart_get_foreground (widget, &color);

  /* Centred in its height, as a label is. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, MAX (0, (height - rect.height) / 2) - rect.y));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
prep_wrap_label_direction_changed (GtkWidget        *widget,
                                   GtkTextDirection  previous_direction)
{
  update_alignment (PREP_WRAP_LABEL (widget));

  GTK_WIDGET_CLASS (prep_wrap_label_parent_class)->direction_changed (widget, previous_direction);
}

static GtkSizeRequestMode
prep_wrap_label_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
prep_wrap_label_finalize (GObject *object)
{
  PrepWrapLabel *self = (PrepWrapLabel *)object;

  g_clear_object (&self->layout);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (prep_wrap_label_parent_class)->finalize (object);
}

static void
prep_wrap_label_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PrepWrapLabel *self = PREP_WRAP_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_LINES:
      g_value_set_int (value, self->lines);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_wrap_label_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PrepWrapLabel *self = PREP_WRAP_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      prep_wrap_label_set_text (self, g_value_get_string (value));
      break;

    case PROP_LINES:
      prep_wrap_label_set_lines (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_wrap_label_class_init (PrepWrapLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = prep_wrap_label_finalize;
  object_class->get_property = prep_wrap_label_get_property;
  object_class->set_property = prep_wrap_label_set_property;

  widget_class->measure = prep_wrap_label_measure;
  widget_class->size_allocate = prep_wrap_label_size_allocate;
  widget_class->snapshot = prep_wrap_label_snapshot;
  widget_class->direction_changed = prep_wrap_label_direction_changed;
  widget_class->get_request_mode = prep_wrap_label_get_request_mode;

  /**
   * PrepWrapLabel:text:
   *
   * The text, without markup.
   */
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PrepWrapLabel:lines:
   *
   * How many lines the text may take; it is ellipsized after the last.
   */
  properties [PROP_LINES] =
    g_param_spec_int ("lines", NULL, NULL, 1, G_MAXINT, 1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
prep_wrap_label_init (PrepWrapLabel *self)
{
  self->lines = 1;
}

GtkWidget *
prep_wrap_label_new (void)
{
  return g_object_new (PREP_TYPE_WRAP_LABEL, NULL);
}

const char *
prep_wrap_label_get_text (PrepWrapLabel *self)
{
  g_return_val_if_fail (PREP_IS_WRAP_LABEL (self), NULL);

  return self->text ? self->text : "";
}

void
prep_wrap_label_set_text (PrepWrapLabel *self,
                          const char    *text)
{
  g_return_if_fail (PREP_IS_WRAP_LABEL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  self->n_layouts = 0;

  if (self->layout != NULL)
    pango_layout_set_text (self->layout, self->text ? self->text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->text ? self->text : "",
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
}

/**
 * prep_wrap_label_set_attributes:
 * @attrs: (nullable): the text's attributes, such as its language
 */
void
prep_wrap_label_set_attributes (PrepWrapLabel *self,
                                PangoAttrList *attrs)
{
  g_return_if_fail (PREP_IS_WRAP_LABEL (self));

  if (self->attrs == attrs)
    return;

  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  self->attrs = attrs ? pango_attr_list_ref (attrs) : NULL;
  if (self->layout != NULL)
    pango_layout_set_attributes (self->layout, self->attrs);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
prep_wrap_label_get_lines (PrepWrapLabel *self)
{
  g_return_val_if_fail (PREP_IS_WRAP_LABEL (self), 1);

  return self->lines;
}

void
prep_wrap_label_set_lines (PrepWrapLabel *self,
                           int            lines)
{
  g_return_if_fail (PREP_IS_WRAP_LABEL (self));
  g_return_if_fail (lines >= 1);

  if (self->lines == lines)
    return;

  self->lines = lines;
  if (self->layout != NULL)
    pango_layout_set_height (self->layout, -lines);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LINES]);
}

/* For the tests: how many times the text was laid out since it was set. */
guint
_prep_wrap_label_get_n_layouts (PrepWrapLabel *self)
{
  g_return_val_if_fail (PREP_IS_WRAP_LABEL (self), 0);

  return self->n_layouts;
}
