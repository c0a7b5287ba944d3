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
  title = find_child_of_type (row, GTK_TYPE_LABEL, TRUE);
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
  title = find_child_of_type (find_row (GTK_WIDGET (window), "self-attention"), GTK_TYPE_LABEL, TRUE);
  gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, 100000, &one_line, NULL, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (title), >, one_line);

  resize (window, 360, 600);
  adw_leaflet_navigate (ADW_LEAFLET (prep_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET)),
                        ADW_NAVIGATION_DIRECTION_BACK);
  prep_test_spin (500);
  assert_row_layout (window, "360 px");
  prep_test_save_screenshot (GTK_WIDGET (window), "layout-sidebar-row-360.png");
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

  return g_test_run ();
}
