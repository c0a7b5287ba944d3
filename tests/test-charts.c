/* test-charts.c: the charts of the Progress view, in a window at a
 * phone's width and a desktop's, in light and dark, judged from their
 * pixels: bars as tall as their values, no bars for nothing, the busiest
 * day in the strongest shade, and a heatmap used with the keyboard.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "prep-bar-chart.h"
#include "prep-chart-util.h"
#include "prep-heatmap.h"
#include "prep-stacked-bar.h"
#include "prep-test-utils.h"

#define MARGIN 12
#define N_FORECAST 30
#define N_DAYS 365
#define BUSIEST_DAY 350
#define IDLE_DAY 340

static const int widths[] = { 360, 1000 };
static const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };

/* A chart as it draws itself, over the window's background. */
typedef struct
{
  GtkWidget  *chart;
  GdkTexture *texture;
  guchar     *pixels;
  gsize       stride;
  GdkRGBA     background;
} Shot;

static const char *
scheme_name (AdwColorScheme scheme)
{
  return scheme == ADW_COLOR_SCHEME_FORCE_DARK ? "dark" : "light";
}

static void
set_scheme (AdwColorScheme scheme)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

/* A window of @width with a header bar (where prep_test_press() rests the
 * pointer) and @charts below it, as a page would hold them. */
static GtkWidget *
show_window (int         width,
             GtkWidget **charts,
             guint       n_charts)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_window_set_titlebar (GTK_WINDOW (window), adw_header_bar_new ());
  g_object_set (box, "margin-start", MARGIN, "margin-end", MARGIN, "margin-top", MARGIN,
                "margin-bottom", MARGIN, NULL);
  for (guint i = 0; i < n_charts; i++)
    gtk_box_append (GTK_BOX (box), charts[i]);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 200);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 3; i++)
    prep_test_wait_for_frame (window);

  return window;
}

/* The window fits @width, and so does each chart, by what it measures
 * and what it was given. */
static void
assert_fits (GtkWidget  *window,
             GtkWidget **charts,
             guint       n_charts,
             int         width)
{
  g_assert_cmpint (gtk_widget_get_width (window), <=, width);
  for (guint i = 0; i < n_charts; i++)
    {
      int min, nat;

      gtk_widget_measure (charts[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      g_test_message ("%s at %d px: minimum %d, natural %d, given %d×%d", G_OBJECT_TYPE_NAME (charts[i]),
                      width, min, nat, gtk_widget_get_width (charts[i]), gtk_widget_get_height (charts[i]));
      g_assert_cmpint (min, <=, width - 2 * MARGIN);
      g_assert_cmpint (gtk_widget_get_width (charts[i]), <=, width - 2 * MARGIN);
      g_assert_cmpint (gtk_widget_get_height (charts[i]), >, 0);
    }
}

/* Saves a screenshot of @window as @name, and reads the pixels of
 * @chart. The window's own rendering is not read: with client-side
 * decorations it may be scaled into its texture. */
static void
take_shot (Shot       *shot,
           GtkWidget  *window,
           GtkWidget  *chart,
           const char *name)
{
  prep_test_wait_for_frame (window);
  shot->chart = chart;
  shot->texture = prep_test_render (chart);
  shot->stride = gdk_texture_get_width (shot->texture) * 4;
  shot->pixels = g_malloc (shot->stride * gdk_texture_get_height (shot->texture));
  gdk_texture_download (shot->texture, shot->pixels, shot->stride);
  prep_chart_lookup_color (chart, "window_bg_color", 1, &shot->background);
  g_assert_cmpfloat (shot->background.alpha, ==, 1);
  if (name != NULL)
    prep_test_save_screenshot (window, name);
}

static void
clear_shot (Shot *shot)
{
  g_clear_object (&shot->texture);
  g_clear_pointer (&shot->pixels, g_free);
}

/* The colour at (@x, @y) of the chart, over the window's background. */
static GdkRGBA
pixel_at (Shot   *shot,
          double  x,
          double  y)
{
  const guchar *p;
  int px = (int) floor (x);
  int py = (int) floor (y);
  double alpha;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, gdk_texture_get_width (shot->texture));
  g_assert_cmpint (py, <, gdk_texture_get_height (shot->texture));

  /* GDK_MEMORY_DEFAULT: B, G, R, A, premultiplied. */
  p = shot->pixels + py * shot->stride + px * 4;
  alpha = p[3] / 255.;
  return (GdkRGBA) {
    p[2] / 255. + shot->background.red * (1 - alpha),
    p[1] / 255. + shot->background.green * (1 - alpha),
    p[0] / 255. + shot->background.blue * (1 - alpha),
    1,
  };
}

static double
distance (const GdkRGBA *a,
          const GdkRGBA *b)
{
  return 255 * (fabs (a->red - b->red) + fabs (a->green - b->green) + fabs (a->blue - b->blue));
}

/* @color drawn over @background. */
static GdkRGBA
over (const GdkRGBA *color,
      const GdkRGBA *background)
{
  return (GdkRGBA) {
    color->red * color->alpha + background->red * (1 - color->alpha),
    color->green * color->alpha + background->green * (1 - color->alpha),
    color->blue * color->alpha + background->blue * (1 - color->alpha),
    1,
  };
}

static void
assert_color (Shot          *shot,
              double         x,
              double         y,
              const GdkRGBA *expected,
              const char    *what)
{
  GdkRGBA want = over (expected, &shot->background);
  GdkRGBA got = pixel_at (shot, x, y);

  if (distance (&got, &want) > 24)
    g_error ("%s at %.1f,%.1f of %s is %s, not %s", what, x, y, G_OBJECT_TYPE_NAME (shot->chart),
             gdk_rgba_to_string (&got), gdk_rgba_to_string (&want));
}

static void
assert_background (Shot       *shot,
                   double      x,
                   double      y,
                   const char *what)
{
  GdkRGBA got = pixel_at (shot, x, y);

  if (distance (&got, &shot->background) > 24)
    g_error ("%s at %.1f,%.1f of %s is %s, not the background %s", what, x, y, G_OBJECT_TYPE_NAME (shot->chart),
             gdk_rgba_to_string (&got), gdk_rgba_to_string (&shot->background));
}

/* The forecast: 23 due today (with the overdue), 12 on day 3. */
static GtkWidget *
forecast_chart (void)
{
  GtkWidget *chart = prep_bar_chart_new ();
  guint values[N_FORECAST];
  char *labels[N_FORECAST] = { NULL, };

  for (guint i = 0; i < N_FORECAST; i++)
    {
      values[i] = (i * 7 + 3) % 9;
      if (i % 7 == 0)
        labels[i] = i == 0 ? g_strdup ("Today") : g_strdup_printf ("+%u", i);
    }
  values[0] = 23;
  values[3] = 12;
  prep_bar_chart_set_data (PREP_BAR_CHART (chart), values, (const char * const *) labels, N_FORECAST);
  prep_bar_chart_set_highlight_first (PREP_BAR_CHART (chart), TRUE);
  prep_bar_chart_set_summary (PREP_BAR_CHART (chart), "23 reviews due today, 142 in the next 30 days");
  for (guint i = 0; i < N_FORECAST; i++)
    g_free (labels[i]);

  return chart;
}

static void
test_nice_max (void)
{
  static const guint cases[][2] = {
    { 1, 1 }, { 5, 5 }, { 7, 8 }, { 9, 10 }, { 11, 12 }, { 14, 16 }, { 17, 20 }, { 21, 24 },
    { 23, 24 }, { 25, 30 }, { 81, 100 }, { 101, 120 }, { 1999, 2000 }, { G_MAXUINT, G_MAXUINT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint top = prep_chart_nice_max (cases[i][0]);

      g_assert_cmpuint (top, ==, cases[i][1]);
      /* The tallest bar reaches three quarters of the way up or more. */
      if (cases[i][0] > 6)
        g_assert_cmpfloat ((double) cases[i][0] / top, >=, 0.66);
    }
}

static void
test_bar_chart (void)
{
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
      {
        GtkWidget *chart = forecast_chart ();
        GtkWidget *window;
        g_autofree char *name = g_strdup_printf ("charts-bar-%d-%s.png", widths[w], scheme_name (schemes[s]));
        graphene_rect_t plot, first, fourth, other;
        GdkRGBA accent, warning;
        Shot shot = { NULL, };

        set_scheme (schemes[s]);
        window = show_window (widths[w], &chart, 1);
        assert_fits (window, &chart, 1, widths[w]);
        take_shot (&shot, window, chart, name);

        gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);
        gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             "23 reviews due today, 142 in the next 30 days");

        g_assert_cmpuint (prep_bar_chart_get_y_max (PREP_BAR_CHART (chart)), ==, 24);
        g_assert_true (prep_bar_chart_get_plot_area (PREP_BAR_CHART (chart), &plot));
        g_assert_cmpfloat (plot.size.height, >=, 60);
        prep_chart_lookup_color (chart, "accent_bg_color", 1, &accent);
        prep_chart_lookup_color (chart, "warning_bg_color", 1, &warning);

        /* The tallest bar, today's in the warning colour, reaches near
         * the top of the plot. */
        prep_bar_chart_get_bar_area (PREP_BAR_CHART (chart), 0, &first);
        g_assert_cmpfloat (first.origin.y, <=, plot.origin.y + plot.size.height * 0.1);
        g_assert_cmpfloat (first.size.width, >=, 1);
        assert_color (&shot, first.origin.x + first.size.width / 2, first.origin.y + 3,
                      &warning, "top of the tallest bar");
        assert_color (&shot, first.origin.x + first.size.width / 2,
                      plot.origin.y + plot.size.height - 2, &warning, "foot of the tallest bar");

        /* 12 of 24 reaches half way up, and no further. */
        prep_bar_chart_get_bar_area (PREP_BAR_CHART (chart), 3, &fourth);
        if (fourth.size.width >= 3)
          {
            double middle = plot.origin.y + plot.size.height / 2;
            double x = fourth.origin.x + fourth.size.width / 2;

            assert_color (&shot, x, middle + 3, &accent, "a bar of half the scale, below half way");
            assert_background (&shot, x, middle - 4, "above a bar of half the scale");
          }

        /* Between two bars, the page. */
        prep_bar_chart_get_bar_area (PREP_BAR_CHART (chart), 1, &other);
        if (other.origin.x - (first.origin.x + first.size.width) >= 2)
          assert_background (&shot, other.origin.x - 1, plot.origin.y + plot.size.height - 4,
                             "between two bars");

        clear_shot (&shot);
        gtk_window_destroy (GTK_WINDOW (window));
      }
  set_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

/* A chart of zeros draws no bar, but says so. */
static void
test_bar_chart_empty (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      GtkWidget *chart = prep_bar_chart_new ();
      GtkWidget *window;
      g_autofree char *name = g_strdup_printf ("charts-bar-empty-%s.png", scheme_name (schemes[s]));
      guint zeros[N_FORECAST] = { 0, };
      graphene_rect_t plot;
      GdkRGBA accent, warning, background;
      Shot shot = { NULL, };
      double most_different = 0;

      prep_bar_chart_set_data (PREP_BAR_CHART (chart), zeros, NULL, N_FORECAST);
      prep_bar_chart_set_highlight_first (PREP_BAR_CHART (chart), TRUE);
      prep_bar_chart_set_empty_text (PREP_BAR_CHART (chart), "Nothing due");
      set_scheme (schemes[s]);
      window = show_window (360, &chart, 1);
      assert_fits (window, &chart, 1, 360);
      take_shot (&shot, window, chart, name);

      g_assert_cmpuint (prep_bar_chart_get_y_max (PREP_BAR_CHART (chart)), ==, 0);
      g_assert_true (prep_bar_chart_get_plot_area (PREP_BAR_CHART (chart), &plot));
      prep_chart_lookup_color (chart, "accent_bg_color", 1, &accent);
      prep_chart_lookup_color (chart, "warning_bg_color", 1, &warning);
      background = shot.background;

      for (int y = plot.origin.y; y < plot.origin.y + plot.size.height - 2; y++)
        for (int x = plot.origin.x; x < plot.origin.x + plot.size.width; x++)
          {
            GdkRGBA got = pixel_at (&shot, x, y);

            g_assert_cmpfloat (distance (&got, &accent), >, 60);
            g_assert_cmpfloat (distance (&got, &warning), >, 60);
            most_different = MAX (most_different, distance (&got, &background));
          }
      /* The empty text is there. */
      g_assert_cmpfloat (most_different, >, 150);

      clear_shot (&shot);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  set_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_stacked_bar (void)
{
  static const guint values[] = { 12, 1, 200, 0, 5 };
  static const char * const labels[] = { "New", "Learning", "Young", "Suspended", "Mature" };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
      {
        GtkWidget *bar = prep_stacked_bar_new ();
        GtkWidget *window;
        g_autofree char *name = g_strdup_printf ("charts-stacked-%d-%s.png", widths[w], scheme_name (schemes[s]));
        Shot shot = { NULL, };
        double last_end = 0;

        prep_stacked_bar_set_segments (PREP_STACKED_BAR (bar), values, labels, G_N_ELEMENTS (values));
        prep_stacked_bar_set_summary (PREP_STACKED_BAR (bar), "12 new, 1 learning, 200 young, 5 mature");
        set_scheme (schemes[s]);
        window = show_window (widths[w], &bar, 1);
        assert_fits (window, &bar, 1, widths[w]);
        take_shot (&shot, window, bar, name);

        gtk_test_accessible_assert_role (bar, GTK_ACCESSIBLE_ROLE_IMG);
        gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                             "12 new, 1 learning, 200 young, 5 mature");

        for (guint i = 0; i < G_N_ELEMENTS (values); i++)
          {
            graphene_rect_t area;
            gboolean shown = prep_stacked_bar_get_segment_area (PREP_STACKED_BAR (bar), i, &area);
            GdkRGBA color;

            /* Nothing for 0; even 1 of 218 shows. */
            g_assert_cmpint (shown, ==, values[i] > 0);
            if (!shown)
              continue;
            g_assert_cmpfloat (area.size.width, >=, 3);
            g_assert_cmpfloat (area.origin.x, >=, last_end);
            last_end = area.origin.x + area.size.width;
            prep_stacked_bar_get_segment_color (PREP_STACKED_BAR (bar), i, &color);
            assert_color (&shot, area.origin.x + area.size.width / 2, area.size.height / 2,
                          &color, labels[i]);
          }
        /* The biggest takes most of the bar. */
        {
          graphene_rect_t young;

          prep_stacked_bar_get_segment_area (PREP_STACKED_BAR (bar), 2, &young);
          g_assert_cmpfloat (young.size.width, >=, gtk_widget_get_width (bar) * 0.8);
        }
        g_assert_cmpfloat (last_end, <=, gtk_widget_get_width (bar));

        clear_shot (&shot);
        gtk_window_destroy (GTK_WINDOW (window));
      }
  set_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

/* A year, today a Thursday: some days idle, the busiest with 60. */
static GtkWidget *
year_heatmap (void)
{
  GtkWidget *heatmap = prep_heatmap_new ();
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 12, 3, 12, 0, 0);
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  guint counts[N_DAYS], seconds[N_DAYS];

  for (guint i = 0; i < N_DAYS; i++)
    {
      counts[i] = g_rand_int_range (rand, 0, 10) < 4 ? 0 : (guint) g_rand_int_range (rand, 1, 40);
      seconds[i] = counts[i] * 47;
    }
  counts[BUSIEST_DAY] = 60;
  seconds[BUSIEST_DAY] = 60 * 47;
  counts[IDLE_DAY] = 0;
  counts[N_DAYS - 1] = 7;
  seconds[N_DAYS - 1] = 0;
  prep_heatmap_set_data (PREP_HEATMAP (heatmap), counts, seconds, N_DAYS, today);
  prep_heatmap_set_summary (PREP_HEATMAP (heatmap), "4,321 reviews on 219 days in the past year");

  return heatmap;
}

static GdkRGBA
day_pixel (Shot        *shot,
           PrepHeatmap *heatmap,
           guint        day)
{
  graphene_rect_t area;

  g_assert_true (prep_heatmap_get_day_area (heatmap, day, &area));
  return pixel_at (shot, area.origin.x + area.size.width / 2,
                   area.origin.y + area.size.height / 2);
}

static void
test_heatmap (void)
{
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
      {
        GtkWidget *widget = year_heatmap ();
        PrepHeatmap *heatmap = PREP_HEATMAP (widget);
        GtkWidget *window;
        g_autofree char *name = g_strdup_printf ("charts-heatmap-%d-%s.png", widths[w], scheme_name (schemes[s]));
        g_autofree char *busiest_text = NULL;
        Shot shot = { NULL, };
        GdkRGBA background, busiest, idle;
        graphene_rect_t today, first;
        guint weeks, first_day = N_DAYS;

        set_scheme (schemes[s]);
        window = show_window (widths[w], &widget, 1);
        assert_fits (window, &widget, 1, widths[w]);
        take_shot (&shot, window, widget, name);

        gtk_test_accessible_assert_role (widget, GTK_ACCESSIBLE_ROLE_IMG);
        gtk_test_accessible_assert_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             "4,321 reviews on 219 days in the past year");

        /* A year is 53 weeks when wide; narrow, the most recent that fit,
         * which are more than two months' worth. */
        weeks = prep_heatmap_get_n_visible_weeks (heatmap);
        g_test_message ("%d px: %u weeks", widths[w], weeks);
        if (widths[w] >= 1000)
          g_assert_cmpuint (weeks, ==, 53);
        else
          g_assert_cmpuint (weeks, >=, 12);

        /* Today is in the last column, on Thursday's row; the oldest day
         * shown is inside the map too. */
        g_assert_true (prep_heatmap_get_day_area (heatmap, N_DAYS - 1, &today));
        for (guint day = 0; day < N_DAYS && first_day == N_DAYS; day++)
          if (prep_heatmap_get_day_area (heatmap, day, &first))
            first_day = day;
        g_assert_cmpfloat (today.origin.x + today.size.width, <=, gtk_widget_get_width (widget));
        g_assert_cmpfloat (first.origin.x, >, 0);
        g_assert_cmpfloat (first.origin.x, <, today.origin.x);
        {
          graphene_rect_t sunday, saturday;

          /* 2026-12-03 is a Thursday: Sunday is at the top of its week,
           * the Saturday before at the bottom of the week before. */
          g_assert_true (prep_heatmap_get_day_area (heatmap, N_DAYS - 1 - 4, &sunday));
          g_assert_true (prep_heatmap_get_day_area (heatmap, N_DAYS - 1 - 5, &saturday));
          g_assert_cmpfloat (sunday.origin.x, ==, today.origin.x);
          g_assert_cmpfloat (today.origin.y, >, sunday.origin.y);
          g_assert_cmpfloat (saturday.origin.x, <, sunday.origin.x);
          g_assert_cmpfloat (saturday.origin.y, >, today.origin.y);
        }
        g_assert_cmpuint (N_DAYS - first_day, <=, weeks * 7);
        g_assert_cmpuint (N_DAYS - first_day, >, (weeks - 1) * 7);

        /* The busiest day in the strongest shade, an idle day in the
         * weakest, seen against the page. */
        background = shot.background;
        busiest = day_pixel (&shot, heatmap, BUSIEST_DAY);
        idle = day_pixel (&shot, heatmap, IDLE_DAY);
        g_assert_cmpuint (prep_heatmap_get_level (heatmap, BUSIEST_DAY), ==, PREP_HEATMAP_N_LEVELS - 1);
        g_assert_cmpuint (prep_heatmap_get_level (heatmap, IDLE_DAY), ==, 0);
        for (guint day = first_day; day < N_DAYS; day++)
          {
            GdkRGBA got = day_pixel (&shot, heatmap, day);

            g_assert_cmpfloat (distance (&got, &background), <=, distance (&busiest, &background) + 2);
            g_assert_cmpfloat (distance (&got, &background), >=, distance (&idle, &background) - 2);
            if (prep_heatmap_get_level (heatmap, day) > 0)
              g_assert_cmpfloat (distance (&got, &background), >, distance (&idle, &background) + 10);
            if (prep_heatmap_get_level (heatmap, day) < PREP_HEATMAP_N_LEVELS - 1)
              g_assert_cmpfloat (distance (&got, &background), <, distance (&busiest, &background) - 10);
          }
        g_assert_cmpfloat (distance (&idle, &background), >, 10);

        /* Its tooltip: the date and the count. */
        busiest_text = prep_heatmap_dup_day_text (heatmap, BUSIEST_DAY);
        g_test_message ("busiest: %s", busiest_text);
        g_assert_nonnull (strstr (busiest_text, "60"));
        /* 60 × 47 s is 47 minutes. */
        g_assert_nonnull (strstr (busiest_text, "47"));
        g_assert_nonnull (strstr (busiest_text, "2026"));

        clear_shot (&shot);
        gtk_window_destroy (GTK_WINDOW (window));
      }
  set_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

static void
day_activated_cb (PrepHeatmap *heatmap,
                  guint        day,
                  int         *activated)
{
  *activated = day;
}

static void
click_day (GtkWidget *window,
           GtkWidget *heatmap,
           guint      day)
{
  graphene_rect_t area;
  graphene_point_t point;
  double dx, dy;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  g_assert_true (prep_heatmap_get_day_area (PREP_HEATMAP (heatmap), day, &area));
  g_assert_true (gtk_widget_compute_point (heatmap, window,
                                           &GRAPHENE_POINT_INIT (area.origin.x + area.size.width / 2,
                                                                 area.origin.y + area.size.height / 2),
                                           &point));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &dx, &dy);
  x = g_strdup_printf ("%d", (int) (dx + point.x));
  y = g_strdup_printf ("%d", (int) (dy + point.y));

  {
    const char *args[] = { "mousemove", "--sync", x, y, "click", "1", NULL };

    prep_test_xdotool (window, args);
  }
}

static void
assert_selected (GtkWidget *heatmap,
                 int        day)
{
  g_autofree char *text = NULL;

  g_assert_cmpint (prep_heatmap_get_selected_day (PREP_HEATMAP (heatmap)), ==, day);
  text = prep_heatmap_dup_day_text (PREP_HEATMAP (heatmap), day);
  gtk_test_accessible_assert_property (heatmap, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
}

/* The arrow keys move the selected day the way they point, Enter and a
 * click activate a day, and the day is outlined. */
static void
test_heatmap_keyboard (void)
{
  GtkWidget *charts[2] = { gtk_button_new_with_label ("Before"), year_heatmap () };
  GtkWidget *heatmap = charts[1];
  GtkWidget *window;
  int activated = -1;
  const int today = N_DAYS - 1;
  graphene_rect_t area;
  GdkRGBA fg, background;
  Shot shot = { NULL, };

  if (!prep_test_have_xdotool ())
    {
      g_test_skip ("needs xdotool and an X display");
      return;
    }

  set_scheme (ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_signal_connect (heatmap, "day-activated", G_CALLBACK (day_activated_cb), &activated);
  window = show_window (1000, charts, G_N_ELEMENTS (charts));

  /* Tab from the button: today is selected. */
  gtk_widget_grab_focus (charts[0]);
  prep_test_press (window, "Tab");
  g_assert_true (gtk_widget_has_focus (heatmap));
  assert_selected (heatmap, today);

  prep_test_press (window, "Up");
  assert_selected (heatmap, today - 1);
  prep_test_press (window, "Left");
  assert_selected (heatmap, today - 8);
  prep_test_press (window, "Right Down");
  assert_selected (heatmap, today);
  /* Nothing after today. */
  prep_test_press (window, "Down Right");
  assert_selected (heatmap, today);
  prep_test_press (window, "Home");
  assert_selected (heatmap, 0);
  prep_test_press (window, "Left Up");
  assert_selected (heatmap, 0);
  prep_test_press (window, "End Left Left");
  assert_selected (heatmap, today - 14);
  g_assert_cmpint (activated, ==, -1);
  prep_test_press (window, "Return");
  g_assert_cmpint (activated, ==, today - 14);

  /* Outlined, in the text colour, just outside its square. */
  g_assert_true (prep_heatmap_get_day_area (PREP_HEATMAP (heatmap), today - 14, &area));
  take_shot (&shot, window, heatmap, "charts-heatmap-keyboard.png");
  prep_chart_get_foreground (heatmap, &fg);
  background = shot.background;
  {
    GdkRGBA ring = over (&fg, &background);
    GdkRGBA left = pixel_at (&shot, area.origin.x - 2, area.origin.y + area.size.height / 2);
    GdkRGBA right = pixel_at (&shot, area.origin.x + area.size.width + 1.5,
                              area.origin.y + area.size.height / 2);

    g_assert_cmpfloat (distance (&left, &ring), <, 60);
    g_assert_cmpfloat (distance (&right, &ring), <, 60);
  }
  clear_shot (&shot);

  /* A click selects and activates. */
  click_day (window, heatmap, BUSIEST_DAY);
  assert_selected (heatmap, BUSIEST_DAY);
  g_assert_cmpint (activated, ==, BUSIEST_DAY);
  g_assert_true (gtk_widget_has_focus (heatmap));

  /* Made narrow, the map no longer shows the first day; keys go on
   * from the first it shows. */
  prep_test_press (window, "Home");
  assert_selected (heatmap, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 200);
  for (guint i = 0; i < 3; i++)
    prep_test_wait_for_frame (window);
  g_assert_cmpint (gtk_widget_get_width (window), <=, 360);
  g_assert_false (prep_heatmap_get_day_area (PREP_HEATMAP (heatmap), 0, &area));
  prep_test_press (window, "Right");
  g_assert_true (prep_heatmap_get_day_area (PREP_HEATMAP (heatmap),
                                            prep_heatmap_get_selected_day (PREP_HEATMAP (heatmap)), &area));
  prep_test_press (window, "Home");
  g_assert_true (prep_heatmap_get_day_area (PREP_HEATMAP (heatmap),
                                            prep_heatmap_get_selected_day (PREP_HEATMAP (heatmap)), &area));
  g_assert_false (prep_heatmap_get_day_area (PREP_HEATMAP (heatmap),
                                             prep_heatmap_get_selected_day (PREP_HEATMAP (heatmap)) - 1, &area));

  gtk_window_destroy (GTK_WINDOW (window));
  set_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

/* Larger text makes larger charts, and the narrow heatmap shows fewer
 * weeks rather than growing past the page. */
static void
test_text_scale (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWidget *charts[2] = { forecast_chart (), year_heatmap () };
  GtkWidget *window;
  int dpi, bar_height, heatmap_height;
  guint weeks;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  if (dpi <= 0)
    dpi = 96 * 1024;
  set_scheme (ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = show_window (360, charts, G_N_ELEMENTS (charts));
  bar_height = gtk_widget_get_height (charts[0]);
  heatmap_height = gtk_widget_get_height (charts[1]);
  weeks = prep_heatmap_get_n_visible_weeks (PREP_HEATMAP (charts[1]));

  g_object_set (settings, "gtk-xft-dpi", dpi * 3 / 2, NULL);
  for (guint i = 0; i < 3; i++)
    prep_test_wait_for_frame (window);
  prep_test_save_screenshot (window, "charts-360-large-text.png");
  g_test_message ("at 1.5 times the text: bar chart %d → %d px high, heatmap %d → %d px, %u → %u weeks",
                  bar_height, gtk_widget_get_height (charts[0]), heatmap_height,
                  gtk_widget_get_height (charts[1]), weeks,
                  prep_heatmap_get_n_visible_weeks (PREP_HEATMAP (charts[1])));
  g_assert_cmpint (gtk_widget_get_height (charts[0]), >, bar_height * 1.3);
  g_assert_cmpint (gtk_widget_get_height (charts[1]), >, heatmap_height * 1.3);
  g_assert_cmpuint (prep_heatmap_get_n_visible_weeks (PREP_HEATMAP (charts[1])), <, weeks);
  assert_fits (window, charts, G_N_ELEMENTS (charts), 360);

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  set_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

/* All of them on one page, to look at; and without data. */
static void
test_gallery (void)
{
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
      {
        GtkWidget *charts[5] = { forecast_chart (), prep_bar_chart_new (), prep_stacked_bar_new (),
                                 year_heatmap (), prep_heatmap_new () };
        static const guint segments[] = { 40, 6, 120, 310 };
        guint zeros[7] = { 0, };
        g_autofree char *name = g_strdup_printf ("charts-%d-%s.png", widths[w], scheme_name (schemes[s]));
        GtkWidget *window;

        prep_bar_chart_set_data (PREP_BAR_CHART (charts[1]), zeros, NULL, G_N_ELEMENTS (zeros));
        prep_stacked_bar_set_segments (PREP_STACKED_BAR (charts[2]), segments, NULL, G_N_ELEMENTS (segments));
        set_scheme (schemes[s]);
        window = show_window (widths[w], charts, G_N_ELEMENTS (charts));
        assert_fits (window, charts, G_N_ELEMENTS (charts), widths[w]);
        prep_test_save_screenshot (window, name);
        gtk_window_destroy (GTK_WINDOW (window));
      }
  set_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  prep_test_init_ui (&argc, &argv);

  g_test_add_func ("/charts/nice-max", test_nice_max);
  g_test_add_func ("/charts/bar-chart", test_bar_chart);
  g_test_add_func ("/charts/bar-chart/empty", test_bar_chart_empty);
  g_test_add_func ("/charts/stacked-bar", test_stacked_bar);
  g_test_add_func ("/charts/heatmap", test_heatmap);
  g_test_add_func ("/charts/heatmap/keyboard", test_heatmap_keyboard);
  g_test_add_func ("/charts/text-scale", test_text_scale);
  g_test_add_func ("/charts/gallery", test_gallery);

  return g_test_run ();
}
