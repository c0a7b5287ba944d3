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

  return g_test_run ();
}
