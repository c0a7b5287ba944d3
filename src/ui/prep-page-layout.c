/* prep-page-layout.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-page-layout"

#include "config.h"

#include <math.h>

#include "prep-page-layout.h"

/* A page that scrolls as one: a header, a body that is itself scrollable
 * (the answer's text view), and a footer, one under the other, in a
 * column no wider than a reading width, as AdwClamp makes it.
 *
 * Why not a box in a viewport: a GtkTextView that is not scrolled itself
 * is as tall as its text, so it lays out every line when it is allocated
 * and draws every line at every frame, and each step of its own idle
 * validation makes the whole page allocate again (issue 15). Here the
 * body is given at most the height of the window and its own scroll
 * offset, so it lays out and draws only the lines in sight; the page's
 * scroll range is the header's height, the body's text height and the
 * footer's height.
 *
 * The body gets no vertical margins (they would stay put while its text
 * scrolls): spacing between the parts is the layout's own. Scrolling the
 * body by itself (its text view keeping a line in place while lines above
 * it are laid out, or following a selection) moves the page with it. */

struct _PrepPageLayout
{
  GtkWidget            parent_instance;

  GtkWidget           *header;
  GtkWidget           *body;
  GtkWidget           *footer;

  /* The page's, from the scrolled window */
  GtkAdjustment       *hadjustment;
  GtkAdjustment       *vadjustment;
  GtkScrollablePolicy  hscroll_policy;
  GtkScrollablePolicy  vscroll_policy;

  /* The body's own, owned */
  GtkAdjustment       *body_hadjustment;
  GtkAdjustment       *body_vadjustment;

  int                  maximum_size;
  int                  tightening_threshold;
  int                  spacing;

  /* As last allocated */
  int                  body_y;        /* top of the body in sight */
  int                  body_top;      /* on the page */
  int                  body_extent;   /* the body's whole height */
  double               body_value;
  double               pending_value; /* the page's, or -1 */
  guint                allocating : 1;
  guint                body_growing : 1;
};

static void scrollable_iface_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PrepPageLayout, prep_page_layout, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, scrollable_iface_init))

enum {
  PROP_0,
  PROP_HEADER,
  PROP_BODY,
  PROP_FOOTER,
  PROP_MAXIMUM_SIZE,
  PROP_TIGHTENING_THRESHOLD,
  PROP_SPACING,
  PROP_BODY_GROWING,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties [N_PROPS];

static gboolean
shown (GtkWidget *child)
{
  return child != NULL && gtk_widget_should_layout (child);
}

/* The column's width in @width, as AdwClamp works it out: the full width
 * up to the tightening threshold, then growing more slowly up to the
 * maximum. */
static int
column_width (PrepPageLayout *self,
              int             width)
{
  GtkWidget *children[] = { self->header, self->body, self->footer };
  int min = 0, lower, max, upper;
  double progress;

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      int child_min = 0;

      if (!shown (children[i]))
        continue;
      gtk_widget_measure (children[i], GTK_ORIENTATION_HORIZONTAL, -1, &child_min, NULL, NULL, NULL);
      min = MAX (min, child_min);
    }

  lower = MAX (MIN (self->tightening_threshold, self->maximum_size), min);
  max = MAX (lower, self->maximum_size);
  upper = lower + 3 * (max - lower); /* the tangent of ease-out-cubic at 0 */

  if (width <= lower)
    return MAX (width, min);
  if (width >= upper)
    return max;

  progress = (double) (width - lower) / (upper - lower);
  progress = 1 - pow (1 - progress, 3);

  return lower + progress * (max - lower);
}

static int
child_height (GtkWidget *child,
              int        width)
{
  int nat = 0;

  if (!shown (child))
    return 0;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &nat, NULL, NULL);

  return nat;
}

typedef struct
{
  int width;   /* of the column */
  int header;
  int body;    /* the body's whole text */
  int footer;
  int total;
} Heights;

static void
measure_page (PrepPageLayout *self,
              int             width,
              Heights        *heights)
{
  guint n = 0;

  heights->width = width;
  heights->header = child_height (self->header, width);
  heights->body = child_height (self->body, width);
  heights->footer = child_height (self->footer, width);
  n = shown (self->header) + shown (self->body) + shown (self->footer);
  heights->total = heights->header + heights->body + heights->footer + self->spacing * MAX ((int) n - 1, 0);
}

static void
prep_page_layout_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  PrepPageLayout *self = PREP_PAGE_LAYOUT (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      GtkWidget *children[] = { self->header, self->body, self->footer };
      int min = 0, nat = 0;

      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        {
          int child_min = 0, child_nat = 0;

          if (!shown (children[i]))
            continue;
          gtk_widget_measure (children[i], orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat = MAX (nat, child_nat);
        }

      *minimum = min;
      *natural = MAX (min, MIN (nat, MAX (self->maximum_size, min)));
    }
  else
    {
      Heights heights;

      /* Without a width, at the reading width, not the narrowest: wrapped
       * text is tallest there and nobody uses that height. */
      measure_page (self, column_width (self, for_size >= 0 ? for_size : self->maximum_size), &heights);
      *minimum = *natural = heights.total;
    }
}

static void
place (GtkWidget *child,
       int        x,
       int        y,
       int        width,
       int        height)
{
  if (shown (child))
    gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
prep_page_layout_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  PrepPageLayout *self = PREP_PAGE_LAYOUT (widget);
  Heights heights;
  int x, body_height, body_top, footer_top, max_body_value;
  int reach;  /* from the body's top to the bottom of the part in sight */
  double value, body_value;

  measure_page (self, column_width (self, width), &heights);
  x = (width - heights.width) / 2;

  body_top = shown (self->header) ? heights.header + self->spacing : 0;

  /* A text view lays out the lines in sight when it is allocated, not
   * when it is measured: text set before the view had this width (the
   * page's first answer, the question restored at start-up) measures
   * a line or none. Given the room in sight first, it lays those lines
   * out, and the frame shows them instead of the next one. */
  reach = height - (body_top - (int) gtk_adjustment_get_value (self->vadjustment));
  if (shown (self->body) && heights.body < reach)
    {
      int body = heights.body;

      self->allocating = TRUE;
      place (self->body, x, body_top, heights.width, MAX (MIN (reach, height), 1));
      self->allocating = FALSE;
      heights.body = child_height (self->body, heights.width);
      heights.total += heights.body - body;
    }
  footer_top = body_top + (shown (self->body) ? heights.body + self->spacing : 0);

  value = self->pending_value >= 0 ? self->pending_value : gtk_adjustment_get_value (self->vadjustment);
  self->pending_value = -1;
  value = CLAMP (value, 0, MAX (heights.total - height, 0));

  /* The body is given the part of the page in sight below its top, no
   * more: what is below its allocation is the body's own to scroll to.
   * Taller, it would lay out and draw lines nobody sees. A body whose
   * text is shorter than that gets its text's height, unless its text is
   * still growing: its size (and its clip) then stays the same from one
   * frame to the next as lines are added, and the footer, placed after
   * its text, is drawn over the empty part. GTK cannot compare render
   * nodes whose clip changed: it redrew the whole answer in sight when
   * its clip grew by 3 px with a line added, and when it grew from the
   * lines of the first frame to the page's height (issue 15). */
  body_height = MAX (height - MAX (body_top - (int) floor (value), 0), 1);
  if (!self->body_growing)
    body_height = MIN (heights.body, body_height);
  max_body_value = MAX (heights.body - body_height, 0);

  self->allocating = TRUE;

  gtk_adjustment_configure (self->vadjustment, value, 0, MAX (heights.total, height),
                            height * 0.1, height * 0.9, height);
  gtk_adjustment_configure (self->hadjustment, 0, 0, width, width * 0.1, width * 0.9, width);

  /* The body's offset is what of it has scrolled out of sight above. */
  body_value = CLAMP (value - body_top, 0, max_body_value);
  gtk_adjustment_configure (self->body_vadjustment, body_value, 0, MAX (heights.body, body_height),
                            body_height * 0.1, body_height * 0.9, body_height);

  place (self->header, x, -value, heights.width, heights.header);
  place (self->body, x, body_top + body_value - value, heights.width, body_height);
  place (self->footer, x, footer_top - value, heights.width, heights.footer);

  /* The body may have kept a line in place as it was allocated. */
  self->body_value = gtk_adjustment_get_value (self->body_vadjustment);
  self->body_top = body_top;
  self->body_extent = heights.body;
  self->body_y = body_top + self->body_value - value;
  if (fabs (self->body_value - body_value) >= 1)
    place (self->body, x, self->body_y, heights.width, body_height);

  self->allocating = FALSE;
}

/* Only the parts in sight: a part out of sight (the follow-ups under a
 * long answer, the header scrolled past) would lay its labels out for
 * nothing at every frame.
 *
 * They are drawn inside a clip of the page's own bounds, always there.
 * GtkSnapshot leaves a clip out while what it holds fits in it, so the
 * page's render node changed shape the moment the answer's text reached
 * below the part in sight, as it does in the frames after the first one
 * (issue 15). GTK cannot compare nodes of different shapes and redrew
 * the whole page then, 650 x 620 px, instead of the lines added. */
static void
prep_page_layout_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkSnapshot *parts = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_compute_bounds (child, widget, &bounds) ||
          bounds.origin.y >= height || bounds.origin.y + bounds.size.height <= 0)
        continue;

      gtk_widget_snapshot_child (widget, child, parts);
    }

  node = gtk_snapshot_free_to_node (parts);
  if (node != NULL)
    {
      g_autoptr(GskRenderNode) clip = gsk_clip_node_new (node, &GRAPHENE_RECT_INIT (0, 0, width, height));

      gtk_snapshot_append_node (snapshot, clip);
    }
}

static void
page_value_changed_cb (PrepPageLayout *self)
{
  if (!self->allocating)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The body scrolled itself: the page moves with it, so that what was in
 * sight stays where it was. */
static void
body_value_changed_cb (PrepPageLayout *self)
{
  double body_value = gtk_adjustment_get_value (self->body_vadjustment);

  if (self->allocating || fabs (body_value - self->body_value) < 0.5)
    return;

  self->pending_value = self->body_top + body_value - self->body_y;
  self->body_value = body_value;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (PrepPageLayout  *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adjustment,
                gboolean         vertical)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, page_value_changed_cb, self);
  g_set_object (slot, adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (page_value_changed_cb), self);

  g_object_notify (G_OBJECT (self), vertical ? "vadjustment" : "hadjustment");
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_child (PrepPageLayout  *self,
           GtkWidget      **slot,
           GtkWidget       *child,
           guint            prop)
{
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (*slot == child)
    return;

  g_clear_pointer (slot, gtk_widget_unparent);

  if (child != NULL)
    {
      GtkWidget *sibling = NULL;

      *slot = child;
      /* In the order of the page, for focus and accessibility. */
      if (slot == &self->header)
        sibling = NULL;
      else if (slot == &self->body)
        sibling = self->header;
      else
        sibling = self->body ? self->body : self->header;
      gtk_widget_insert_after (child, GTK_WIDGET (self), sibling);

      if (slot == &self->body)
        {
          g_return_if_fail (GTK_IS_SCROLLABLE (child));
          g_object_set (child,
                        "hadjustment", self->body_hadjustment,
                        "vadjustment", self->body_vadjustment,
                        NULL);
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [prop]);
}

static void
prep_page_layout_dispose (GObject *object)
{
  PrepPageLayout *self = PREP_PAGE_LAYOUT (object);

  g_clear_pointer (&self->header, gtk_widget_unparent);
  g_clear_pointer (&self->body, gtk_widget_unparent);
  g_clear_pointer (&self->footer, gtk_widget_unparent);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, page_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, page_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->body_hadjustment);
  g_clear_object (&self->body_vadjustment);

  G_OBJECT_CLASS (prep_page_layout_parent_class)->dispose (object);
}

static void
prep_page_layout_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PrepPageLayout *self = PREP_PAGE_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_HEADER:
      g_value_set_object (value, self->header);
      break;

    case PROP_BODY:
      g_value_set_object (value, self->body);
      break;

    case PROP_FOOTER:
      g_value_set_object (value, self->footer);
      break;

    case PROP_MAXIMUM_SIZE:
      g_value_set_int (value, self->maximum_size);
      break;

    case PROP_TIGHTENING_THRESHOLD:
      g_value_set_int (value, self->tightening_threshold);
      break;

    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    case PROP_BODY_GROWING:
      g_value_set_boolean (value, self->body_growing);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_page_layout_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PrepPageLayout *self = PREP_PAGE_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_HEADER:
      prep_page_layout_set_header (self, g_value_get_object (value));
      break;

    case PROP_BODY:
      prep_page_layout_set_body (self, g_value_get_object (value));
      break;

    case PROP_FOOTER:
      prep_page_layout_set_footer (self, g_value_get_object (value));
      break;

    case PROP_MAXIMUM_SIZE:
      self->maximum_size = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    case PROP_TIGHTENING_THRESHOLD:
      self->tightening_threshold = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    case PROP_SPACING:
      prep_page_layout_set_spacing (self, g_value_get_int (value));
      break;

    case PROP_BODY_GROWING:
      prep_page_layout_set_body_growing (self, g_value_get_boolean (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value), FALSE);
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value), TRUE);
      break;

    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (GtkScrollablePolicy) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (GtkScrollablePolicy) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scrollable_iface_init (GtkScrollableInterface *iface)
{
}

static void
prep_page_layout_class_init (PrepPageLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prep_page_layout_dispose;
  object_class->get_property = prep_page_layout_get_property;
  object_class->set_property = prep_page_layout_set_property;

  widget_class->measure = prep_page_layout_measure;
  widget_class->size_allocate = prep_page_layout_size_allocate;
  widget_class->snapshot = prep_page_layout_snapshot;

  properties [PROP_HEADER] =
    g_param_spec_object ("header", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_BODY] =
    g_param_spec_object ("body", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FOOTER] =
    g_param_spec_object ("footer", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MAXIMUM_SIZE] =
    g_param_spec_int ("maximum-size", NULL, NULL,
                      0, G_MAXINT, 600,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TIGHTENING_THRESHOLD] =
    g_param_spec_int ("tightening-threshold", NULL, NULL,
                      0, G_MAXINT, 400,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Whether the body's text is still being added (an answer being
   * rendered): the body then keeps the part of the page in sight below
   * its top, however short its text is so far. */
  properties [PROP_BODY_GROWING] =
    g_param_spec_boolean ("body-growing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "pagelayout");
}

static void
prep_page_layout_init (PrepPageLayout *self)
{
  self->maximum_size = 600;
  self->tightening_threshold = 400;
  self->pending_value = -1;
  self->body_hadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  self->body_vadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  g_signal_connect_swapped (self->body_vadjustment, "value-changed", G_CALLBACK (body_value_changed_cb), self);

  set_adjustment (self, &self->hadjustment, NULL, FALSE);
  set_adjustment (self, &self->vadjustment, NULL, TRUE);

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
prep_page_layout_new (void)
{
  return g_object_new (PREP_TYPE_PAGE_LAYOUT, NULL);
}

GtkWidget *
prep_page_layout_get_header (PrepPageLayout *self)
{
  g_return_val_if_fail (PREP_IS_PAGE_LAYOUT (self), NULL);

  return self->header;
}

void
prep_page_layout_set_header (PrepPageLayout *self,
                             GtkWidget      *header)
{
  g_return_if_fail (PREP_IS_PAGE_LAYOUT (self));

  set_child (self, &self->header, header, PROP_HEADER);
}

GtkWidget *
prep_page_layout_get_body (PrepPageLayout *self)
{
  g_return_val_if_fail (PREP_IS_PAGE_LAYOUT (self), NULL);

  return self->body;
}

/**
 * prep_page_layout_set_body:
 * @body: (nullable): a #GtkScrollable widget, the page's long part
 */
void
prep_page_layout_set_body (PrepPageLayout *self,
                           GtkWidget      *body)
{
  g_return_if_fail (PREP_IS_PAGE_LAYOUT (self));
  g_return_if_fail (body == NULL || GTK_IS_SCROLLABLE (body));

  set_child (self, &self->body, body, PROP_BODY);
}

GtkWidget *
prep_page_layout_get_footer (PrepPageLayout *self)
{
  g_return_val_if_fail (PREP_IS_PAGE_LAYOUT (self), NULL);

  return self->footer;
}

void
prep_page_layout_set_footer (PrepPageLayout *self,
                             GtkWidget      *footer)
{
  g_return_if_fail (PREP_IS_PAGE_LAYOUT (self));

  set_child (self, &self->footer, footer, PROP_FOOTER);
}

int
prep_page_layout_get_spacing (PrepPageLayout *self)
{
  g_return_val_if_fail (PREP_IS_PAGE_LAYOUT (self), 0);

  return self->spacing;
}

void
prep_page_layout_set_spacing (PrepPageLayout *self,
                              int             spacing)
{
  g_return_if_fail (PREP_IS_PAGE_LAYOUT (self));

  if (self->spacing == spacing)
    return;

  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SPACING]);
}

gboolean
prep_page_layout_get_body_growing (PrepPageLayout *self)
{
  g_return_val_if_fail (PREP_IS_PAGE_LAYOUT (self), FALSE);

  return self->body_growing;
}

void
prep_page_layout_set_body_growing (PrepPageLayout *self,
                                   gboolean        body_growing)
{
  g_return_if_fail (PREP_IS_PAGE_LAYOUT (self));

  body_growing = !!body_growing;
  if (self->body_growing == body_growing)
    return;

  self->body_growing = body_growing;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BODY_GROWING]);
}

/**
 * prep_page_layout_page_point:
 * @widget: a widget on the page
 * @y: a height in @widget
 * @page_y: (out): where it is on the page, whatever the scroll offset
 *
 * Returns: whether @widget is on the page and allocated
 */
gboolean
prep_page_layout_page_point (PrepPageLayout *self,
                             GtkWidget      *widget,
                             double          y,
                             double         *page_y)
{
  graphene_point_t point;

  g_return_val_if_fail (PREP_IS_PAGE_LAYOUT (self), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (0, y), &point))
    return FALSE;

  *page_y = point.y + gtk_adjustment_get_value (self->vadjustment);
  return TRUE;
}

/**
 * prep_page_layout_page_bounds:
 * @bounds: (out): @widget's bounds on the page, whatever the scroll offset;
 *   for the body, all of it, not only the part in sight
 */
gboolean
prep_page_layout_page_bounds (PrepPageLayout  *self,
                              GtkWidget       *widget,
                              graphene_rect_t *bounds)
{
  g_return_val_if_fail (PREP_IS_PAGE_LAYOUT (self), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!gtk_widget_compute_bounds (widget, GTK_WIDGET (self), bounds))
    return FALSE;

  /* The body's allocation is only the part in sight. */
  if (widget == self->body)
    {
      bounds->origin.y = self->body_top;
      bounds->size.height = self->body_extent;
      return TRUE;
    }

  bounds->origin.y += gtk_adjustment_get_value (self->vadjustment);
  return TRUE;
}
