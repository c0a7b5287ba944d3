/* test-layout.c: the window at the sizes people use, down to GNOME's
 * mobile minimum of 360×294, in the language of the environment (the test
 * runs once in Traditional Chinese and once in English).
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "prep-application.h"
#include "prep-question-view.h"
#include "prep-quiz-view.h"
#include "prep-sidebar.h"
#include "prep-sidebar-frame.h"
#include "prep-sidebar-row.h"
#include "prep-question.h"
#include "prep-user-data.h"
#include <math.h>
#include "prep-test-utils.h"
#include "prep-window.h"
#include "prep-wrap-label.h"

static const char *
language (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);

  return messages != NULL && g_str_has_prefix (messages, "zh") ? "zh" : "en";
}

static char *
shot_name (const char *what)
{
  return g_strdup_printf ("layout-%s-%s.png", what, language ());
}

static void
resize (PrepWindow *window,
        int         width,
        int         height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  for (guint i = 0; i < 3; i++)
    prep_test_wait_for_frame (GTK_WIDGET (window));
}

/* Every widget on show lies within the window; what may scroll sideways
 * (a wide table) is not looked into. */
static void
assert_within (GtkWidget  *widget,
               GtkWidget  *content,
               const char *where)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0 || GTK_IS_SCROLLBAR (widget))
    return;

  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkPolicyType policy;

      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (widget), &policy, NULL);
      if (policy == GTK_POLICY_AUTOMATIC || policy == GTK_POLICY_ALWAYS)
        return;
    }

  if (gtk_widget_compute_bounds (widget, content, &bounds) &&
      (bounds.origin.x < -1 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (content) + 1))
    g_error ("%s: %s%s%s is at x %.0f, %.0f px wide, in a window %d px wide", where,
             G_OBJECT_TYPE_NAME (widget), GTK_IS_LABEL (widget) ? " " : "",
             GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "",
             bounds.origin.x, bounds.size.width, gtk_widget_get_width (content));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_within (child, content, where);
}

static void
check_narrow (PrepApplication *app,
              PrepWindow      *window)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (prep_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  GtkWidget *bar = prep_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
  g_autofree char *sidebar_shot = shot_name ("360-sidebar");
  g_autofree char *page_shot = shot_name ("360-page");
  g_autofree char *quiz_shot = shot_name ("360-quiz");
  int min_width, min_height;
  GtkWidget *content;

  /* GNOME's smallest: the window takes it. */
  resize (window, 360, 294);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 294);
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, min_width, &min_height, NULL, NULL, NULL);
  g_test_message ("window's minimum: %d×%d", min_width, min_height);
  g_assert_cmpint (min_width, <=, 360);
  g_assert_cmpint (min_height, <=, 294);
  g_assert_cmpint (gtk_widget_get_width (content), <=, 360);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  assert_within (content, content, "sidebar at 360 px");
  prep_test_save_screenshot (GTK_WIDGET (window), sidebar_shot);

  /* A question's page, with a table. */
  g_assert_true (prep_window_open_question (window, "kv-cache"));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  assert_within (content, content, "question at 360 px");
  /* Nothing on the page, not its hidden find bar either, keeps the
   * window wider. */
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 360);
  prep_test_save_screenshot (GTK_WIDGET (window), page_shot);

  /* The Quiz view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-quiz", NULL));
  for (guint i = 0; i < 3; i++)
    prep_test_wait_for_frame (GTK_WIDGET (window));
  assert_within (content, content, "quiz at 360 px");
  prep_test_save_screenshot (GTK_WIDGET (window), quiz_shot);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-study", NULL));
}

static void
test_narrow (void)
{
  g_assert_cmpint (prep_test_run_app (NULL, check_narrow), ==, 0);
}

static int
sidebar_width (PrepWindow *window)
{
  return gtk_widget_get_width (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_SIDEBAR_FRAME));
}

/* The sidebar keeps its width whatever it shows (M4), and the default
 * window has room for it and the page side by side. */
static void
check_sidebar (PrepApplication *app,
               PrepWindow      *window)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (prep_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  PrepSidebar *sidebar = PREP_SIDEBAR (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_SIDEBAR));
  GtkWidget *bar = prep_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
  GtkEditable *entry = GTK_EDITABLE (prep_test_find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_SEARCH_ENTRY));
  g_autofree char *shot = shot_name ("1000-search");
  int width;

  resize (window, 1000, 700);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  width = sidebar_width (window);
  g_assert_cmpint (width, ==, prep_sidebar_frame_width_for (1000));

  /* Results with long titles and snippets. */
  prep_sidebar_start_search (sidebar);
  gtk_editable_set_text (entry, "transformer");
  for (guint i = 0; i < 5; i++)
    prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpint (sidebar_width (window), ==, width);
  prep_test_save_screenshot (GTK_WIDGET (window), shot);

  gtk_editable_set_text (entry, "");
  prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpint (sidebar_width (window), ==, width);

  /* A fraction of a wider window, up to a maximum. */
  resize (window, 1280, 800);
  g_assert_cmpint (sidebar_width (window), ==, prep_sidebar_frame_width_for (1280));
  g_assert_cmpint (sidebar_width (window), <=, 340);
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *question_id)
{
  if (PREP_IS_SIDEBAR_ROW (widget) && gtk_widget_get_mapped (widget))
    {
      g_autoptr(GObject) item = NULL;

      g_object_get (widget, "item", &item, NULL);
      if (PREP_IS_QUESTION (item) && g_str_equal (prep_question_get_id (PREP_QUESTION (item)), question_id))
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, question_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_child_of_type (GtkWidget *row,
                    GType      type,
                    gboolean   visible)
{
  for (GtkWidget *child = gtk_widget_get_first_child (row); child; child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_visible (child) == visible)
      return child;

  return NULL;
}

/* A sidebar row lays itself out: the title takes what the bookmark star
 * leaves, wraps within it, and is never cut; the star sits at the end,
 * centred on the title. */
static void
assert_row_layout (PrepWindow *window,
                   const char *where)
{
  GtkWidget *row = find_row (GTK_WIDGET (window), "self-attention");
  GtkWidget *title, *star;
  graphene_rect_t title_bounds, star_bounds;
  int needed;

  g_assert_nonnull (row);
  title = find_child_of_type (row, PREP_TYPE_WRAP_LABEL, TRUE);
  star = gtk_widget_get_last_child (row);
  while (star != NULL && !(GTK_IS_IMAGE (star) && gtk_widget_get_visible (star)))
    star = gtk_widget_get_prev_sibling (star);
  g_assert_nonnull (title);
  g_assert_nonnull (star);
  g_assert_true (gtk_widget_compute_bounds (title, row, &title_bounds));
  g_assert_true (gtk_widget_compute_bounds (star, row, &star_bounds));
  g_test_message ("%s: row %d×%d, title %.0f+%.0f×%.0f, star %.0f+%.0f×%.0f", where,
                  gtk_widget_get_width (row), gtk_widget_get_height (row),
                  title_bounds.origin.x, title_bounds.size.width, title_bounds.size.height,
                  star_bounds.origin.x, star_bounds.size.width, star_bounds.size.height);

  g_assert_cmpfloat (title_bounds.origin.x, ==, 0);
  g_assert_cmpfloat (star_bounds.size.width, >, 0);
  g_assert_cmpfloat (fabs (star_bounds.origin.x + star_bounds.size.width - gtk_widget_get_width (row)), <=, 1);
  g_assert_cmpfloat (title_bounds.origin.x + title_bounds.size.width + 6, <=, star_bounds.origin.x + 0.5);
  g_assert_cmpfloat (fabs ((star_bounds.origin.y + star_bounds.size.height / 2) -
                           (title_bounds.origin.y + title_bounds.size.height / 2)), <=, 1);
  gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, (int) title_bounds.size.width, &needed, NULL, NULL, NULL);
  g_assert_cmpfloat (title_bounds.size.height, >=, needed);
}

/* Rows make their marks when they first show them: a row holds no
 * hidden icon or count, so opening a category of 20 questions builds and
 * styles 20 titles, not 120 widgets (issue 15). Returns the rows seen. */
static guint
assert_no_hidden_marks (GtkWidget *widget)
{
  guint n = 0;

  if (PREP_IS_SIDEBAR_ROW (widget))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        if (!gtk_widget_get_visible (child))
          g_error ("a sidebar row holds a hidden %s", G_OBJECT_TYPE_NAME (child));
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += assert_no_hidden_marks (child);

  return n;
}

static void
check_sidebar_row (PrepApplication *app,
                   PrepWindow      *window)
{
  GtkWidget *title;
  int one_line;

  prep_user_data_set_bookmarked (prep_application_get_user_data (app), "self-attention", TRUE);
  g_assert_true (prep_window_open_question (window, "self-attention"));
  resize (window, 1000, 700);
  assert_row_layout (window, "1000 px");
  g_assert_cmpuint (assert_no_hidden_marks (GTK_WIDGET (window)), >=, 20);

  /* The long title wraps rather than being cut. */
  title = find_child_of_type (find_row (GTK_WIDGET (window), "self-attention"), PREP_TYPE_WRAP_LABEL, TRUE);
  gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, 100000, &one_line, NULL, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (title), >, one_line);

  resize (window, 360, 600);
  adw_leaflet_navigate (ADW_LEAFLET (prep_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET)),
                        ADW_NAVIGATION_DIRECTION_BACK);
  prep_test_spin (500);
  assert_row_layout (window, "360 px");
  prep_test_save_screenshot (GTK_WIDGET (window), "layout-sidebar-row-360.png");
}

/* The row of @question_id, shown or not. */
static GtkWidget *
find_any_row (GtkWidget  *widget,
              const char *question_id)
{
  if (PREP_IS_SIDEBAR_ROW (widget))
    {
      GObject *item = prep_sidebar_row_get_item (PREP_SIDEBAR_ROW (widget));

      return PREP_IS_QUESTION (item) && g_str_equal (prep_question_get_id (PREP_QUESTION (item)), question_id)
             ? widget : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_any_row (child, question_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Opening a category lays each new row's title out once, at the width
 * the row gives it: measured, allocated and drawn from the same layout
 * (a wrapping GtkLabel laid it out three times; issue 15). */
static void
check_sidebar_titles_once (PrepApplication *app,
                           PrepWindow      *window)
{
  static const char * const deployment[] = {
    "high-concurrency-deployment", "production-security-and-stability", "llm-api-services",
    "model-serving-frameworks", "monitoring-and-maintenance",
  };
  guint n_drawn = 0;

  resize (window, 1000, 700);
  g_assert_null (find_any_row (GTK_WIDGET (window), deployment[0]));
  g_assert_true (prep_window_open_question (window, "model-serving-frameworks"));
  for (guint i = 0; i < 3; i++)
    prep_test_wait_for_frame (GTK_WIDGET (window));

  for (guint i = 0; i < G_N_ELEMENTS (deployment); i++)
    {
      GtkWidget *row = find_any_row (GTK_WIDGET (window), deployment[i]);
      GtkWidget *title;
      guint n;

      g_assert_nonnull (row);
      title = find_child_of_type (row, PREP_TYPE_WRAP_LABEL, TRUE);
      g_assert_nonnull (title);
      n = _prep_wrap_label_get_n_layouts (PREP_WRAP_LABEL (title));
      g_test_message ("%s: %s, %d px wide, laid out %u times", deployment[i],
                      gtk_widget_get_mapped (row) ? "shown" : "not shown", gtk_widget_get_width (title), n);
      if (gtk_widget_get_mapped (row))
        {
          g_assert_cmpuint (n, ==, 1);
          n_drawn++;
        }
      else
        g_assert_cmpuint (n, <=, 1);
    }
  g_assert_cmpuint (n_drawn, >=, 1);
  g_assert_true (gtk_widget_get_mapped (find_any_row (GTK_WIDGET (window), "model-serving-frameworks")));
}

static void
test_sidebar_titles_once (void)
{
  g_assert_cmpint (prep_test_run_app (NULL, check_sidebar_titles_once), ==, 0);
}

/* The lines a text takes at a width, as Pango lays it out with the same
 * font, wrapping and ellipsis. */
static int
reference_height (GtkWidget  *label,
                  const char *text,
                  int         width,
                  int         lines,
                  int        *n_lines)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, text);
  int height;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -lines);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);
  *n_lines = pango_layout_get_line_count (layout);

  return height;
}

static void
test_wrap_label (void)
{
  const char *text = "什麼是 KV 快取（KV Cache）？預填（Prefill）與解碼（Decode）階段有什麼不同，"
                     "為什麼 LLM 的解碼階段受限於記憶體頻寬？";
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  PrepWrapLabel *label = PREP_WRAP_LABEL (prep_wrap_label_new ());
  int one_line, height, expected, n_lines, min_width, nat_width, big_one_line;
  guint n;

  gtk_css_provider_load_from_data (provider, "label.big { font-size: 200%; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  prep_wrap_label_set_text (label, text);
  prep_wrap_label_set_lines (label, 3);
  gtk_widget_set_valign (GTK_WIDGET (label), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (label));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 240, 300);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 3; i++)
    prep_test_wait_for_frame (window);

  /* Its accessible name is its text; its width is asked from its font,
   * not from the text's length. */
  g_assert_cmpstr (prep_wrap_label_get_text (label), ==, text);
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
  g_assert_cmpint (min_width, >, 0);
  g_assert_cmpint (min_width, <, 240);
  g_assert_cmpint (nat_width, ==, min_width);

  /* As tall as the text laid out at its width: three lines, the last
   * ellipsized, and drawn from the layout it was measured with. */
  expected = reference_height (GTK_WIDGET (label), text, gtk_widget_get_width (GTK_WIDGET (label)), 3, &n_lines);
  g_assert_cmpint (n_lines, ==, 3);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (label)), ==, expected);
  n = _prep_wrap_label_get_n_layouts (label);
  gtk_widget_queue_draw (GTK_WIDGET (label));
  prep_test_wait_for_frame (window);
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (GTK_WIDGET (label)),
                      &height, NULL, NULL, NULL);
  g_assert_cmpint (height, ==, expected);
  g_assert_cmpuint (_prep_wrap_label_get_n_layouts (label), ==, n);
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_VERTICAL, 100000, &one_line, NULL, NULL, NULL);
  g_assert_cmpint (one_line, <, expected);
  g_assert_cmpint (one_line, ==, reference_height (GTK_WIDGET (label), text, 100000, 3, &n_lines));
  g_assert_cmpint (n_lines, ==, 1);

  /* Two lines at most. */
  prep_wrap_label_set_lines (label, 2);
  prep_test_wait_for_frame (window);
  prep_test_wait_for_frame (window);
  expected = reference_height (GTK_WIDGET (label), text, gtk_widget_get_width (GTK_WIDGET (label)), 2, &n_lines);
  g_assert_cmpint (n_lines, ==, 2);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (label)), ==, expected);

  /* A bigger font from the style: measured and laid out again. */
  n = _prep_wrap_label_get_n_layouts (label);
  height = gtk_widget_get_height (GTK_WIDGET (label));
  gtk_widget_add_css_class (GTK_WIDGET (label), "big");
  prep_test_wait_for_frame (window);
  prep_test_wait_for_frame (window);
  g_assert_cmpuint (_prep_wrap_label_get_n_layouts (label), >, n);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (label)), >, height);
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_VERTICAL, 100000, &big_one_line, NULL, NULL, NULL);
  g_assert_cmpint (big_one_line, >, one_line);

  /* A short text takes a line. */
  prep_wrap_label_set_text (label, "KV");
  prep_test_wait_for_frame (window);
  prep_test_wait_for_frame (window);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (label)), ==,
                   reference_height (GTK_WIDGET (label), "KV", gtk_widget_get_width (GTK_WIDGET (label)), 2, &n_lines));
  g_assert_cmpint (n_lines, ==, 1);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_sidebar_row (void)
{
  g_assert_cmpint (prep_test_run_app (NULL, check_sidebar_row), ==, 0);
}

static void
test_sidebar (void)
{
  g_assert_cmpint (prep_test_run_app (NULL, check_sidebar), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  prep_test_init_ui (&argc, &argv);

  g_test_add_func ("/layout/narrow", test_narrow);
  g_test_add_func ("/layout/sidebar", test_sidebar);
  g_test_add_func ("/layout/sidebar-row", test_sidebar_row);
  g_test_add_func ("/layout/sidebar-titles-once", test_sidebar_titles_once);
  g_test_add_func ("/layout/wrap-label", test_wrap_label);

  return g_test_run ();
}
