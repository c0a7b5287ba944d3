/* prep-heatmap.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-heatmap"

#include "config.h"

#include <glib/gi18n.h>

#include "prep-chart-util.h"
#include "prep-heatmap.h"

/* A year of reviews as a calendar: a column per week, Sunday at the top,
 * today in the last column, each day a square in one of five shades of
 * the accent colour. Months are named above their first full week, three
 * weekdays on the left, and a legend runs from "Less" to "More" below.
 *
 * Narrow, it shows the most recent weeks that fit, whole: at 360 px about
 * five months, and never fewer than MIN_WEEKS, which decide its minimum
 * width. Its squares grow with the text.
 *
 * It is one focus stop. The arrow keys move a selected day the way they
 * point: up and down a day, left and right a week; Home goes to the first
 * day shown, End to today. Enter or a click activates the day. The
 * selected day's text (its date, reviews and time) is the tooltip and the
 * accessible description, so a screen reader reads the day as it moves. */

struct _PrepHeatmap
{
  GtkWidget             parent_instance;

  guint                *counts;
  guint                *seconds;        /* nullable */
  guint8               *levels;
  guint                 n_days;
  GDateTime            *today;
  guint                 n_weeks;        /* columns the days fill */
  guint                 today_row;      /* 0 for Sunday */
  int                   selected;       /* a day, or -1 */
  char                 *summary;

  /* Made when first needed, dropped when the data or the font changes */
  gboolean              have_layouts;
  PangoLayout          *weekday_layouts[7];     /* NULL but for 3 rows */
  GPtrArray            *month_layouts;          /* per column, nullable */
  PangoLayout          *less_layout;
  PangoLayout          *more_layout;
  PangoFontDescription *font;
  int                   cell;
  int                   gap;
  int                   gutter;
  int                   top;
  int                   legend_height;
};

G_DEFINE_FINAL_TYPE (PrepHeatmap, prep_heatmap, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SUMMARY,
  PROP_SELECTED_DAY,
  N_PROPS
};

enum {
  DAY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

#define LABEL_SPACING 4
#define MIN_WEEKS 8

/* The opacity of the accent colour at each level but the first, which
 * is a neutral grey: a day without reviews does not look like a few. */
static const double level_alpha[PREP_HEATMAP_N_LEVELS] = { 0.1, 0.35, 0.55, 0.78, 1.0 };

/* For arrays of layouts with holes. */
static void
free_layout (gpointer layout)
{
  if (layout != NULL)
    g_object_unref (layout);
}

static void
drop_layouts (PrepHeatmap *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->weekday_layouts); i++)
    g_clear_object (&self->weekday_layouts[i]);
  g_clear_pointer (&self->month_layouts, g_ptr_array_unref);
  g_clear_object (&self->less_layout);
  g_clear_object (&self->more_layout);
  self->have_layouts = FALSE;
}

/* Where day 0 (the oldest) is, counting cells down the columns from the
 * top of the first. */
static int
first_position (PrepHeatmap *self)
{
  return (int) (self->n_weeks - 1) * 7 + self->today_row - (int) (self->n_days - 1);
}

static GDateTime *
date_of_position (PrepHeatmap *self,
                  int          position)
{
  int back = (int) (self->n_weeks - 1) * 7 + self->today_row - position;

  return g_date_time_add_days (self->today, -back);
}

static void
ensure_layouts (PrepHeatmap *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int line_height, label_width = 0, less_height, more_height;

  if (self->have_layouts)
    return;

  line_height = prep_chart_line_height (widget);
  self->cell = MAX (8, (int) (line_height * 0.62 + 0.5));
  self->gap = MAX (2, self->cell / 5);

  /* Monday, Wednesday and Friday, as 2023-01-02 and the days after. */
  for (guint row = 1; row < 7; row += 2)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2023, 1, 1 + row, 0, 0, 0);
      /* Translators: a weekday beside the calendar of reviews, in the
       * format of g_date_time_format(); %a is the abbreviated weekday. */
      g_autofree char *text = g_date_time_format (date, C_("heatmap weekday", "%a"));
      int w;

      self->weekday_layouts[row] = gtk_widget_create_pango_layout (widget, text);
      pango_layout_get_pixel_size (self->weekday_layouts[row], &w, NULL);
      label_width = MAX (label_width, w);
    }
  self->gutter = label_width + LABEL_SPACING * 2;
  self->top = line_height + LABEL_SPACING;

  /* A month is named over the column of its first Sunday. */
  self->month_layouts = g_ptr_array_new_full (self->n_weeks, free_layout);
  for (guint column = 0; column < self->n_weeks; column++)
    {
      g_autoptr(GDateTime) date = date_of_position (self, column * 7);
      PangoLayout *layout = NULL;

      if (g_date_time_get_day_of_month (date) <= 7)
        {
          /* Translators: a month over the calendar of reviews, in the
           * format of g_date_time_format(); %b is the abbreviated month. */
          g_autofree char *text = g_date_time_format (date, C_("heatmap month", "%b"));

          layout = gtk_widget_create_pango_layout (widget, text);
        }
      g_ptr_array_add (self->month_layouts, layout);
    }

  self->less_layout = gtk_widget_create_pango_layout (widget, C_("heatmap legend", "Less"));
  self->more_layout = gtk_widget_create_pango_layout (widget, C_("heatmap legend", "More"));
  pango_layout_get_pixel_size (self->less_layout, NULL, &less_height);
  pango_layout_get_pixel_size (self->more_layout, NULL, &more_height);
  self->legend_height = LABEL_SPACING * 2 + MAX (MAX (less_height, more_height), self->cell);

  self->have_layouts = TRUE;
}

static int
pitch (PrepHeatmap *self)
{
  return self->cell + self->gap;
}

static int
legend_width (PrepHeatmap *self)
{
  int less, more;

  pango_layout_get_pixel_size (self->less_layout, &less, NULL);
  pango_layout_get_pixel_size (self->more_layout, &more, NULL);

  return less + more + 2 * LABEL_SPACING + PREP_HEATMAP_N_LEVELS * pitch (self) - self->gap;
}

static int
grid_width (PrepHeatmap *self,
            guint        n_weeks)
{
  return n_weeks > 0 ? self->gutter + (int) n_weeks * pitch (self) - self->gap : 0;
}

static guint
visible_weeks (PrepHeatmap *self,
               int          width)
{
  int fit = (width - self->gutter + self->gap) / pitch (self);

  return CLAMP (fit, 0, (int) self->n_weeks);
}

/* The first day shown at @width. */
static int
first_visible_day (PrepHeatmap *self,
                   int          width)
{
  guint first_week = self->n_weeks - visible_weeks (self, width);

  return MAX ((int) first_week * 7 - first_position (self), 0);
}

static gboolean
day_area (PrepHeatmap     *self,
          int              width,
          guint            day,
          graphene_rect_t *area)
{
  int position = first_position (self) + day;
  int column = position / 7 - (int) (self->n_weeks - visible_weeks (self, width));
  int row = position % 7;

  graphene_rect_init (area, self->gutter + column * pitch (self), self->top + row * pitch (self),
                      self->cell, self->cell);

  return column >= 0;
}

static int
day_at (PrepHeatmap *self,
        double       x,
        double       y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int column = (int) floor ((x - self->gutter) / pitch (self));
  int row = (int) floor ((y - self->top) / pitch (self));
  guint shown = visible_weeks (self, width);
  int day;

  if (column < 0 || column >= (int) shown || row < 0 || row >= 7)
    return -1;

  day = ((int) (self->n_weeks - shown) + column) * 7 + row - first_position (self);

  return day >= 0 && day < (int) self->n_days ? day : -1;
}

static void
update_description (PrepHeatmap *self)
{
  g_autofree char *text = NULL;

  if (self->selected >= 0)
    text = prep_heatmap_dup_day_text (self, self->selected);

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else if (self->summary != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
prep_heatmap_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  PrepHeatmap *self = PREP_HEATMAP (widget);

  ensure_layouts (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (grid_width (self, MIN (self->n_weeks, MIN_WEEKS)), legend_width (self));
      *natural = MAX (grid_width (self, self->n_weeks), legend_width (self));
    }
  else
    {
      *minimum = *natural = self->top + 7 * pitch (self) - self->gap + self->legend_height;
    }
}

static void
append_cell (GtkSnapshot           *snapshot,
             const graphene_rect_t *area,
             const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, area, area->size.width / 5);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, area);
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_labels (PrepHeatmap   *self,
                 GtkSnapshot   *snapshot,
                 guint          shown,
                 const GdkRGBA *color)
{
  guint first_week = self->n_weeks - shown;
  float last_right = -G_MAXFLOAT;
  int w, h;

  for (guint row = 0; row < 7; row++)
    if (self->weekday_layouts[row] != NULL)
      {
        pango_layout_get_pixel_size (self->weekday_layouts[row], &w, &h);
        prep_chart_append_layout (snapshot, self->weekday_layouts[row],
                                  self->gutter - LABEL_SPACING - w,
                                  self->top + row * pitch (self) + (self->cell - h) / 2, color);
      }

  for (guint column = first_week; column < self->n_weeks; column++)
    {
      PangoLayout *layout = g_ptr_array_index (self->month_layouts, column);
      float x = self->gutter + (column - first_week) * pitch (self);

      /* The first week shown is named too, unless its month is named
       * right after it. */
      if (column == first_week && layout == NULL)
        {
          gboolean named_soon = FALSE;

          for (guint next = column + 1; next < MIN (column + 3, self->n_weeks); next++)
            named_soon |= g_ptr_array_index (self->month_layouts, next) != NULL;
          for (guint back = column; back > 0 && !named_soon && layout == NULL; back--)
            layout = g_ptr_array_index (self->month_layouts, back - 1);
        }
      if (layout == NULL)
        continue;

      pango_layout_get_pixel_size (layout, &w, NULL);
      if (x < last_right + LABEL_SPACING * 2 || x + w > grid_width (self, shown))
        continue;
      prep_chart_append_layout (snapshot, layout, x, 0, color);
      last_right = x + w;
    }
}

static void
snapshot_legend (PrepHeatmap   *self,
                 GtkSnapshot   *snapshot,
                 guint          shown,
                 const GdkRGBA *text,
                 const GdkRGBA *levels)
{
  int right = MAX (grid_width (self, shown), legend_width (self));
  int y = self->top + 7 * pitch (self) - self->gap + LABEL_SPACING * 2;
  int line = self->legend_height - LABEL_SPACING * 2;
  int x = right - legend_width (self);
  int w, h;

  pango_layout_get_pixel_size (self->less_layout, &w, &h);
  prep_chart_append_layout (snapshot, self->less_layout, x, y + (line - h) / 2, text);
  x += w + LABEL_SPACING;

  for (guint level = 0; level < PREP_HEATMAP_N_LEVELS; level++)
    {
      append_cell (snapshot, &GRAPHENE_RECT_INIT (x, y + (line - self->cell) / 2, self->cell, self->cell),
                   &levels[level]);
      x += pitch (self);
    }

  pango_layout_get_pixel_size (self->more_layout, &w, &h);
  prep_chart_append_layout (snapshot, self->more_layout, x - self->gap + LABEL_SPACING, y + (line - h) / 2, text);
}

static void
prep_heatmap_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  PrepHeatmap *self = PREP_HEATMAP (widget);
  int width = gtk_widget_get_width (widget);
  guint shown;
  GdkRGBA fg, dim, levels[PREP_HEATMAP_N_LEVELS];

  ensure_layouts (self);
  shown = visible_weeks (self, width);

  prep_chart_get_foreground (widget, &fg);
  dim = fg;
  dim.alpha *= 0.7;
  for (guint level = 0; level < PREP_HEATMAP_N_LEVELS; level++)
    prep_heatmap_get_level_color (self, level, &levels[level]);

  snapshot_labels (self, snapshot, shown, &dim);

  /* The days: a few hundred nodes of one kind, no text. */
  for (int day = first_visible_day (self, width); day < (int) self->n_days; day++)
    {
      graphene_rect_t area;

      day_area (self, width, day, &area);
      append_cell (snapshot, &area, &levels[self->levels[day]]);
    }

  if (self->selected >= 0)
    {
      graphene_rect_t area;

      if (day_area (self, width, self->selected, &area))
        {
          gboolean focused = gtk_widget_has_focus (widget);
          float line = focused ? 2 : 1;
          GskRoundedRect outline;
          GdkRGBA ring = fg;

          if (!focused)
            ring.alpha *= 0.5;
          graphene_rect_inset (&area, -line - 1, -line - 1);
          gsk_rounded_rect_init_from_rect (&outline, &area, area.size.width / 5);
          gtk_snapshot_append_border (snapshot, &outline,
                                      (float[4]) { line, line, line, line },
                                      (GdkRGBA[4]) { ring, ring, ring, ring });
        }
    }

  snapshot_legend (self, snapshot, shown, &dim, levels);
}

static void
prep_heatmap_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  PrepHeatmap *self = PREP_HEATMAP (widget);

  GTK_WIDGET_CLASS (prep_heatmap_parent_class)->css_changed (widget, change);

  /* Colours are looked up as the map is drawn; the text is laid out
   * again only when the font changed (GTK queues the resize then). */
  if (prep_chart_font_changed (widget, &self->font))
    drop_layouts (self);
  gtk_widget_queue_draw (widget);
}

static void
prep_heatmap_system_setting_changed (GtkWidget        *widget,
                                     GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (prep_heatmap_parent_class)->system_setting_changed (widget, setting);

  /* The text scale (DPI) or the font. */
  drop_layouts (PREP_HEATMAP (widget));
}

static void
select_day (PrepHeatmap *self,
            int          day)
{
  int first = first_visible_day (self, gtk_widget_get_width (GTK_WIDGET (self)));

  /* Days scrolled out of a narrow map are not chosen. */
  if (day < first || day >= (int) self->n_days)
    return;

  prep_heatmap_set_selected_day (self, day);
}

static gboolean
move_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  PrepHeatmap *self = PREP_HEATMAP (widget);
  int delta = g_variant_get_int32 (args);
  int first = first_visible_day (self, gtk_widget_get_width (widget));

  if (self->n_days == 0)
    return FALSE;

  if (self->selected < 0)
    select_day (self, self->n_days - 1);
  else if (delta == G_MININT32 || self->selected < first)
    /* Home, or a day the map no longer shows since it was made
     * narrower: keys move from the first day shown. */
    select_day (self, first);
  else if (delta == G_MAXINT32)
    select_day (self, self->n_days - 1);
  else
    select_day (self, self->selected + delta);

  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  PrepHeatmap *self = PREP_HEATMAP (widget);

  if (self->selected < 0)
    return FALSE;

  g_signal_emit (self, signals [DAY_ACTIVATED], 0, (guint) self->selected);

  return TRUE;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            PrepHeatmap     *self)
{
  int day = day_at (self, x, y);

  if (day < 0)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  prep_heatmap_set_selected_day (self, day);
  g_signal_emit (self, signals [DAY_ACTIVATED], 0, (guint) day);
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                PrepHeatmap             *self)
{
  /* Today, for a start; the outline thickens to show the focus. */
  if (self->selected < 0 && self->n_days > 0)
    prep_heatmap_set_selected_day (self, self->n_days - 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
query_tooltip_cb (PrepHeatmap *self,
                  int          x,
                  int          y,
                  gboolean     keyboard_mode,
                  GtkTooltip  *tooltip)
{
  int day = keyboard_mode ? self->selected : day_at (self, x, y);
  g_autofree char *text = NULL;
  graphene_rect_t area;

  if (day < 0)
    return FALSE;

  text = prep_heatmap_dup_day_text (self, day);
  gtk_tooltip_set_text (tooltip, text);
  day_area (self, gtk_widget_get_width (GTK_WIDGET (self)), day, &area);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { area.origin.x, area.origin.y,
                                                       area.size.width, area.size.height });

  return TRUE;
}

static void
prep_heatmap_finalize (GObject *object)
{
  PrepHeatmap *self = (PrepHeatmap *)object;

  drop_layouts (self);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->counts, g_free);
  g_clear_pointer (&self->seconds, g_free);
  g_clear_pointer (&self->levels, g_free);
  g_clear_pointer (&self->today, g_date_time_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (prep_heatmap_parent_class)->finalize (object);
}

static void
prep_heatmap_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PrepHeatmap *self = PREP_HEATMAP (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_SELECTED_DAY:
      g_value_set_int (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_heatmap_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PrepHeatmap *self = PREP_HEATMAP (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      prep_heatmap_set_summary (self, g_value_get_string (value));
      break;

    case PROP_SELECTED_DAY:
      prep_heatmap_set_selected_day (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           keypad_keyval,
                  int             delta)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, move_cb, "i", delta);
  gtk_widget_class_add_binding (widget_class, keypad_keyval, 0, move_cb, "i", delta);
}

static void
prep_heatmap_class_init (PrepHeatmapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = prep_heatmap_finalize;
  object_class->get_property = prep_heatmap_get_property;
  object_class->set_property = prep_heatmap_set_property;

  widget_class->measure = prep_heatmap_measure;
  widget_class->snapshot = prep_heatmap_snapshot;
  widget_class->css_changed = prep_heatmap_css_changed;
  widget_class->system_setting_changed = prep_heatmap_system_setting_changed;

  /**
   * PrepHeatmap:summary:
   *
   * The year in a sentence, for screen readers: the map's accessible
   * label, and its description while no day is selected.
   */
  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PrepHeatmap:selected-day:
   *
   * The day outlined, as an index into the data (the last is today), or
   * -1 for none.
   */
  properties [PROP_SELECTED_DAY] =
    g_param_spec_int ("selected-day", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PrepHeatmap::day-activated:
   * @day: the day, as an index into the data
   *
   * A day was clicked, or Enter pressed on it.
   */
  signals [DAY_ACTIVATED] =
    g_signal_new ("day-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, -1);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 1);
  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -7);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 7);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, G_MININT32);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, G_MAXINT32);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Enter, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, activate_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "prepheatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
prep_heatmap_init (PrepHeatmap *self)
{
  GtkEventController *controller;

  self->selected = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect (controller, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
prep_heatmap_new (void)
{
  return g_object_new (PREP_TYPE_HEATMAP, NULL);
}

/**
 * prep_heatmap_set_data:
 * @counts: (array length=n_days) (nullable): reviews per day, the last
 *   today's
 * @seconds: (array length=n_days) (nullable): time studied per day
 * @n_days: how many days, up to 53 weeks' worth being shown
 * @today: the local date of the last day, for the dates and weekdays
 *
 * Shows @counts; the selected day, which would not be the same day,
 * is cleared.
 */
void
prep_heatmap_set_data (PrepHeatmap *self,
                       const guint *counts,
                       const guint *seconds,
                       guint        n_days,
                       GDateTime   *today)
{
  guint max = 0;

  g_return_if_fail (PREP_IS_HEATMAP (self));
  g_return_if_fail (counts != NULL || n_days == 0);
  g_return_if_fail (today != NULL);

  /* More than a year is not a calendar anyone reads at once. */
  if (n_days > 53 * 7)
    {
      counts += n_days - 53 * 7;
      if (seconds != NULL)
        seconds += n_days - 53 * 7;
      n_days = 53 * 7;
    }

  g_clear_pointer (&self->counts, g_free);
  g_clear_pointer (&self->seconds, g_free);
  g_clear_pointer (&self->levels, g_free);
  g_clear_pointer (&self->today, g_date_time_unref);

  self->n_days = n_days;
  self->counts = g_memdup2 (counts, sizeof (guint) * n_days);
  self->seconds = seconds != NULL ? g_memdup2 (seconds, sizeof (guint) * n_days) : NULL;
  self->today = g_date_time_ref (today);
  self->today_row = g_date_time_get_day_of_week (today) % 7;
  self->n_weeks = n_days > 0 ? (MAX ((int) n_days - 1 - (int) self->today_row, 0) + 6) / 7 + 1 : 0;

  /* Four shades, each for a quarter of the busiest day's count. */
  for (guint i = 0; i < n_days; i++)
    max = MAX (max, counts[i]);
  self->levels = g_new0 (guint8, MAX (n_days, 1));
  for (guint i = 0; i < n_days; i++)
    if (counts[i] > 0)
      self->levels[i] = (guint8) CLAMP ((counts[i] * 4 + max - 1) / max, 1, PREP_HEATMAP_N_LEVELS - 1);

  drop_layouts (self);
  prep_heatmap_set_selected_day (self, -1);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
prep_heatmap_get_n_days (PrepHeatmap *self)
{
  g_return_val_if_fail (PREP_IS_HEATMAP (self), 0);

  return self->n_days;
}

/**
 * prep_heatmap_get_level:
 *
 * Returns: the shade of @day, from 0 for no reviews to
 *   %PREP_HEATMAP_N_LEVELS - 1 for the most
 */
guint
prep_heatmap_get_level (PrepHeatmap *self,
                        guint        day)
{
  g_return_val_if_fail (PREP_IS_HEATMAP (self), 0);
  g_return_val_if_fail (day < self->n_days, 0);

  return self->levels[day];
}

/**
 * prep_heatmap_get_level_color:
 * @color: (out): the colour of @level in the current style
 */
void
prep_heatmap_get_level_color (PrepHeatmap *self,
                              guint        level,
                              GdkRGBA     *color)
{
  g_return_if_fail (PREP_IS_HEATMAP (self));
  g_return_if_fail (level < PREP_HEATMAP_N_LEVELS);

  if (level == 0)
    {
      prep_chart_get_foreground (GTK_WIDGET (self), color);
      color->alpha *= level_alpha[0];
    }
  else
    {
      prep_chart_lookup_color (GTK_WIDGET (self), "accent_bg_color", level_alpha[level], color);
    }
}

/**
 * prep_heatmap_dup_date:
 *
 * Returns: (transfer full): the date of @day
 */
GDateTime *
prep_heatmap_dup_date (PrepHeatmap *self,
                       guint        day)
{
  g_return_val_if_fail (PREP_IS_HEATMAP (self), NULL);
  g_return_val_if_fail (day < self->n_days, NULL);

  return g_date_time_add_days (self->today, -(int) (self->n_days - 1 - day));
}

/**
 * prep_heatmap_dup_day_text:
 *
 * Returns: (transfer full): @day's date, reviews and time studied, as its
 *   tooltip and the screen reader say them
 */
char *
prep_heatmap_dup_day_text (PrepHeatmap *self,
                           guint        day)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *reviews = NULL;
  guint count, minutes;

  g_return_val_if_fail (PREP_IS_HEATMAP (self), NULL);
  g_return_val_if_fail (day < self->n_days, NULL);

  date = prep_heatmap_dup_date (self, day);
  /* Translators: a day in the calendar of reviews, in the format of
   * g_date_time_format(): %A weekday, %B month, %-d day, %Y year. */
  date_text = g_date_time_format (date, C_("heatmap day", "%A, %B %-d, %Y"));

  count = self->counts[day];
  if (count == 0)
    return g_strdup_printf ("%s\n%s", date_text, _("No reviews"));

  reviews = g_strdup_printf (ngettext ("%u review", "%u reviews", count), count);
  minutes = self->seconds != NULL ? (self->seconds[day] + 59) / 60 : 0;
  if (minutes > 0)
    {
      g_autofree char *time = g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes);

      /* Translators: reviews and the time they took, such as "12
       * reviews, 9 minutes". */
      return g_strdup_printf (C_("heatmap day", "%s\n%s, %s"), date_text, reviews, time);
    }

  return g_strdup_printf ("%s\n%s", date_text, reviews);
}

/**
 * prep_heatmap_get_day_area:
 * @area: (out): where @day is drawn, in the map's coordinates
 *
 * Returns: whether @day is shown: the map is wide enough for its week
 */
gboolean
prep_heatmap_get_day_area (PrepHeatmap     *self,
                           guint            day,
                           graphene_rect_t *area)
{
  g_return_val_if_fail (PREP_IS_HEATMAP (self), FALSE);
  g_return_val_if_fail (day < self->n_days, FALSE);

  ensure_layouts (self);

  return day_area (self, gtk_widget_get_width (GTK_WIDGET (self)), day, area);
}

/**
 * prep_heatmap_get_n_visible_weeks:
 *
 * Returns: how many weeks fit the map's width, the most recent
 */
guint
prep_heatmap_get_n_visible_weeks (PrepHeatmap *self)
{
  g_return_val_if_fail (PREP_IS_HEATMAP (self), 0);

  ensure_layouts (self);

  return visible_weeks (self, gtk_widget_get_width (GTK_WIDGET (self)));
}

int
prep_heatmap_get_selected_day (PrepHeatmap *self)
{
  g_return_val_if_fail (PREP_IS_HEATMAP (self), -1);

  return self->selected;
}

/**
 * prep_heatmap_set_selected_day:
 * @day: a day, as an index into the data, or -1 for none
 */
void
prep_heatmap_set_selected_day (PrepHeatmap *self,
                               int          day)
{
  g_return_if_fail (PREP_IS_HEATMAP (self));

  if (day < -1 || day >= (int) self->n_days)
    day = -1;
  if (self->selected == day)
    return;

  self->selected = day;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_DAY]);
}

const char *
prep_heatmap_get_summary (PrepHeatmap *self)
{
  g_return_val_if_fail (PREP_IS_HEATMAP (self), NULL);

  return self->summary;
}

/**
 * prep_heatmap_set_summary:
 * @summary: (nullable): the year in a sentence, such as "1,204 reviews
 *   on 87 days in the past year"
 */
void
prep_heatmap_set_summary (PrepHeatmap *self,
                          const char  *summary)
{
  g_return_if_fail (PREP_IS_HEATMAP (self));

  if (prep_chart_set_string (&self->summary, summary))
    {
      prep_chart_set_summary (GTK_WIDGET (self), summary);
      update_description (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUMMARY]);
    }
}
