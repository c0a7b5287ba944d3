/* test-viewer.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "prep-answer-view.h"
#include "prep-page-layout.h"
#include "prep-content-loader.h"
#include "prep-library.h"
#include "prep-question-private.h"
#include "prep-question-view.h"
#include "prep-renderer.h"
#include "prep-table.h"
#include "prep-test-utils.h"

/* The answer page on its own, with a sample answer that has code, a
 * table, links, a list, a quote and an image (tests/data/good/viewer.json). */

typedef struct
{
  PrepContentLoader *loader;
  PrepQuestion      *question;
  GtkWindow         *window;
  PrepQuestionView  *view;
  PrepAnswerView    *answer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static GtkCssProvider *css;
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "good", "viewer.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  /* Not strict: the test question is in Chinese only. */
  f->loader = prep_content_loader_new ("zh_TW", PREP_CONTENT_FLAGS_NONE);
  prep_content_loader_add_external_ids (f->loader, (const char *[]) { "kv-cache", NULL });
  prep_content_loader_add_file (f->loader, file);
  prep_library_add_resources_to_loader (f->loader, PREP_CONTENT_RESOURCE_PATH, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (prep_content_loader_finish (f->loader));
  f->question = g_ptr_array_index (prep_content_loader_get_questions (f->loader), 0);

  /* The application loads its style sheet itself; this window has none. */
  if (css == NULL)
    {
      css = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (css, "/io/github/llmprep/LlmPrep/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  f->view = PREP_QUESTION_VIEW (prep_question_view_new ());
  f->window = GTK_WINDOW (adw_window_new ());
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_set_default_size (f->window, 860, 860);
  gtk_window_present (f->window);
  prep_question_view_set_question (f->view, f->question);
  f->answer = prep_question_view_get_answer_view (f->view);
  prep_test_wait_for_frame (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_pointer (&f->loader, prep_content_loader_free);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
answer_text (Fixture *f)
{
  return buffer_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->answer)));
}

static guint
count_copy_buttons (GtkWidget *widget)
{
  guint n = gtk_widget_has_css_class (widget, "copy-code") ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_copy_buttons (child);

  return n;
}

static void
test_render_page (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *text = answer_text (f);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->answer));
  g_autofree char *link = NULL;
  GtkTextIter iter;
  const char *at;

  /* The detailed answer, then key points, pitfalls and references. */
  g_assert_nonnull (strstr (text, "import torch"));
  g_assert_cmpuint (prep_answer_view_get_tables (f->answer)->len, ==, 1);
  g_assert_cmpuint (prep_table_get_cells (g_ptr_array_index (prep_answer_view_get_tables (f->answer), 0))->len, ==, 12);
  /* The added sections are headed in the answer's language (issue 17). */
  g_assert_nonnull (strstr (text, "重點"));
  g_assert_nonnull (strstr (text, "常見誤區"));
  g_assert_nonnull (strstr (text, "參考資料"));
  g_assert_nonnull (strstr (text, "Attention Is All You Need — Vaswani et al., NeurIPS, 2017 (arXiv:1706.03762)"));
  g_assert_cmpuint (count_copy_buttons (GTK_WIDGET (f->answer)), ==, 1);

  /* The link to another question carries its target. */
  at = strstr (text, "KV 快取");
  g_assert_nonnull (at);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, at) + 1);
  link = prep_answer_view_dup_link_at (f->answer, &iter);
  g_assert_cmpstr (link, ==, "question:kv-cache");

  /* Tab walks the links, Shift+Tab walks back. */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (prep_answer_view_move_to_link (f->answer, FALSE));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_clear_pointer (&link, g_free);
  link = prep_answer_view_dup_link_at (f->answer, &iter);
  g_assert_cmpstr (link, ==, "question:kv-cache");
  g_assert_true (prep_answer_view_move_to_link (f->answer, FALSE));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_clear_pointer (&link, g_free);
  link = prep_answer_view_dup_link_at (f->answer, &iter);
  g_assert_cmpstr (link, ==, "https://arxiv.org/abs/1706.03762");
  g_assert_true (prep_answer_view_move_to_link (f->answer, TRUE));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_clear_pointer (&link, g_free);
  link = prep_answer_view_dup_link_at (f->answer, &iter);
  g_assert_cmpstr (link, ==, "question:kv-cache");
  g_assert_false (prep_answer_view_move_to_link (f->answer, TRUE));

  /* Unknown schemes are shown, never opened. */
  g_assert_false (prep_answer_view_activate_link (f->answer, "file:///etc/passwd"));
  g_assert_false (prep_answer_view_activate_link (f->answer, "javascript:alert(1)"));

  prep_test_wait_for_frame (GTK_WIDGET (f->window));
  prep_test_save_screenshot (GTK_WIDGET (f->window), "viewer-light.png");

  /* The end of the page: references and the follow-up questions. */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (f->answer), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    prep_test_wait_for_frame (GTK_WIDGET (f->window));
    prep_test_save_screenshot (GTK_WIDGET (f->window), "viewer-end.png");
  }
}

static double
page_value (Fixture *f)
{
  return gtk_adjustment_get_value (prep_question_view_get_vadjustment (f->view));
}

/* Whether [y, y + height) of @widget is on the visible part of the page. */
static gboolean
in_sight (Fixture   *f,
          GtkWidget *widget,
          double     y,
          double     height)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (f->answer), GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, scroller, &GRAPHENE_POINT_INIT (0, y), &point));
  return point.y >= 0 && point.y + height <= gtk_widget_get_height (scroller);
}

/* The page may take a few frames to scroll (the text is laid out anew
 * where matches are highlighted). */
static gboolean
wait_in_sight (Fixture   *f,
               GtkWidget *widget,
               double     y,
               double     height)
{
  for (guint i = 0; i < 30; i++)
    {
      prep_test_wait_for_frame (GTK_WIDGET (f->window));
      if (in_sight (f, widget, y, height))
        return TRUE;
    }

  return FALSE;
}

static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  GtkEditable *entry;
  GtkWidget *row;
  guint n;

  prep_question_view_start_find (f->view);
  entry = GTK_EDITABLE (prep_test_find_descendant (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (entry);

  /* "gpt" finds both "GPT" and the full-width "ＧＰＴ". */
  g_assert_cmpuint (prep_question_view_find (f->view, "gpt"), ==, 2);
  g_assert_cmpuint (prep_question_view_get_current_match (f->view), ==, 1);
  prep_question_view_find_next (f->view, FALSE);
  g_assert_cmpuint (prep_question_view_get_current_match (f->view), ==, 2);
  prep_question_view_find_next (f->view, FALSE);
  g_assert_cmpuint (prep_question_view_get_current_match (f->view), ==, 1);
  prep_question_view_find_next (f->view, TRUE);
  g_assert_cmpuint (prep_question_view_get_current_match (f->view), ==, 2);

  /* Chinese substrings, no word boundaries needed. */
  g_assert_cmpuint (prep_question_view_find (f->view, "快取"), >=, 2);
  g_assert_cmpuint (prep_question_view_find (f->view, "GPT"), ==, 2);
  prep_test_wait_for_frame (GTK_WIDGET (f->window));
  prep_test_save_screenshot (GTK_WIDGET (f->window), "viewer-find.png");

  /* The whole page: the short answer (first), the body, a table's cells
   * and the follow-ups' answers. "飽和" is in the short answer and the
   * body; "MQA" only in a table cell; "變異數" in the body and in a
   * follow-up's answer, whose row opens when its match is current. */
  g_assert_cmpuint (prep_question_view_find (f->view, "飽和"), ==, 2);
  g_assert_cmpuint (prep_answer_view_get_n_matches (f->answer), ==, 1);
  g_assert_cmpuint (prep_question_view_find (f->view, "mqa"), ==, 1);
  g_assert_cmpuint (prep_answer_view_get_n_matches (f->answer), ==, 1);
  g_assert_cmpuint (prep_question_view_find (f->view, "變異數"), ==, 2);
  row = prep_test_find_descendant (GTK_WIDGET (f->view), ADW_TYPE_EXPANDER_ROW);
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  prep_question_view_find_next (f->view, FALSE);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_true (wait_in_sight (f, prep_test_find_with_class (row, "follow-up-answer"), 0, 10));
  prep_test_save_screenshot (GTK_WIDGET (f->window), "viewer-find-follow-up.png");

  /* Typed words are found as written; the words of a search, each on
   * its own. */
  g_assert_cmpuint (prep_question_view_find (f->view, "softmax 飽和"), ==, 2);
  prep_question_view_highlight (f->view, "softmax　飽和");
  n = prep_question_view_get_n_matches (f->view);
  g_assert_cmpuint (n, >, 2);
  g_assert_cmpuint (n, ==, prep_question_view_find (f->view, "softmax") + prep_question_view_find (f->view, "飽和"));

  /* The current match is scrolled into sight: the second title of the
   * paper is in the references, at the end of the page. */
  gtk_adjustment_set_value (prep_question_view_get_vadjustment (f->view), 0);
  g_assert_cmpuint (prep_question_view_find (f->view, "Attention Is All You Need"), ==, 2);
  prep_question_view_find_next (f->view, FALSE);
  for (guint i = 0; i < 30; i++)
    {
      graphene_rect_t rect;

      prep_test_wait_for_frame (GTK_WIDGET (f->window));
      g_assert_true (prep_answer_view_get_match_rect (f->answer, 1, &rect));
      if (in_sight (f, GTK_WIDGET (f->answer), rect.origin.y, rect.size.height))
        break;
      g_assert_cmpuint (i, <, 29);
    }
  g_assert_cmpfloat (page_value (f), >, 0);

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (prep_test_find_descendant (GTK_WIDGET (f->view),
                                                                             GTK_TYPE_SEARCH_BAR)), FALSE);
  g_assert_cmpuint (prep_question_view_get_n_matches (f->view), ==, 0);
  g_assert_cmpuint (prep_answer_view_get_n_matches (f->answer), ==, 0);
}

static int
label_height (GtkWidget *label)
{
  int height;

  pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (label)), NULL, &height);
  return height;
}

/* The answer's whole text, not the part of it in sight: the view
 * scrolls itself inside the page, and lays out the lines out of sight
 * in idle steps. */
static double
text_height (PrepAnswerView *answer)
{
  prep_test_spin (500);
  return gtk_adjustment_get_upper (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (answer)));
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *title = prep_test_find_with_class (GTK_WIDGET (f->view), "question-title");
  int title_height;
  double answer_height, before, after;

  /* The title and the body both grow. */
  g_assert_nonnull (title);
  title_height = label_height (title);
  answer_height = text_height (f->answer);
  before = g_settings_get_double (settings, "zoom");

  g_settings_set_double (settings, "zoom", 1.5);
  g_assert_cmpfloat_with_epsilon (prep_question_view_get_zoom (f->view), 1.5, 0.001);
  prep_test_wait_for_frame (GTK_WIDGET (f->window));
  prep_test_save_screenshot (GTK_WIDGET (f->window), "viewer-zoom.png");
  g_assert_cmpint (label_height (title), >, title_height * 1.3);
  g_assert_cmpfloat (text_height (f->answer), >, answer_height * 1.3);

  g_settings_reset (settings, "zoom");
  after = prep_question_view_get_zoom (f->view);
  g_assert_cmpfloat_with_epsilon (after, before, 0.001);
}

static void
test_dark (Fixture       *f,
           gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  prep_test_wait_for_frame (GTK_WIDGET (f->window));
  prep_test_save_screenshot (GTK_WIDGET (f->window), "viewer-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
test_scroll_to_top (Fixture       *f,
                    gconstpointer  data)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (f->answer),
                                                                             GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  gtk_adjustment_set_value (adjustment, 400);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  prep_question_view_set_question (f->view, NULL);
  prep_question_view_set_question (f->view, f->question);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

static guint
count_follow_ups (Fixture *f)
{
  g_autoptr(GPtrArray) rows = prep_test_collect (GTK_WIDGET (f->view), ADW_TYPE_EXPANDER_ROW);

  return rows->len;
}

/* The follow-ups come after the answer on the page, and are made once it
 * is rendered (issue 15): not in the frame that opens the question, and
 * still there when the same answer is shown again (a switch to a language
 * the question is not written in). */
/* The follow-up rows come after the answer, one a main-loop step, so that
 * laying them out does not make one long step (issue 15). */
static void
wait_for_follow_ups (Fixture *f,
                     guint    n)
{
  gboolean waited = FALSE;

  while (!prep_answer_view_get_rendered (f->answer))
    {
      g_main_context_iteration (NULL, TRUE);
      waited = TRUE;
    }
  if (waited)
    g_assert_cmpuint (count_follow_ups (f), <=, 1);

  for (guint i = 0; i < 200 && count_follow_ups (f) < n; i++)
    {
      guint before = count_follow_ups (f);

      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (count_follow_ups (f), <=, before + 1);
    }
  g_assert_cmpuint (count_follow_ups (f), ==, n);
}

static void
test_follow_ups_after_answer (Fixture       *f,
                              gconstpointer  data)
{
  guint n = prep_question_get_follow_ups (f->question)->len;

  g_assert_cmpuint (n, >, 1);
  wait_for_follow_ups (f, n);

  /* Until the answer is rendered (this one is a single section, rendered
   * at once), there are none. */
  prep_question_view_set_question (f->view, NULL);
  prep_question_view_set_question (f->view, f->question);
  if (!prep_answer_view_get_rendered (f->answer))
    g_assert_cmpuint (count_follow_ups (f), ==, 0);
  wait_for_follow_ups (f, n);

  /* Chinese only: in English it shows the same answer. */
  _prep_question_set_locale (f->question, "en");
  g_assert_true (prep_answer_view_get_rendered (f->answer));
  wait_for_follow_ups (f, n);
  _prep_question_set_locale (f->question, "zh_TW");
}

/* An answer view alone in a scrolled window of a window @width × @height
 * that is not shown yet: the view has no width. */
static GtkWidget *
answer_window_new (int              width,
                   int              height,
                   PrepAnswerView **answer)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  *answer = g_object_new (PREP_TYPE_ANSWER_VIEW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_EXTERNAL, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (*answer));
  gtk_window_set_child (GTK_WINDOW (window), scroller);

  return window;
}

/* Shows @window and waits for @answer's whole text and a few frames. */
static void
present_rendered (GtkWidget      *window,
                  PrepAnswerView *answer)
{
  gtk_window_present (GTK_WINDOW (window));
  while (!prep_answer_view_get_rendered (answer))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 5; i++)
    prep_test_wait_for_frame (window);
}

/* A table in a list item or a quote starts at the item's margin, and is
 * given the page's width from there, not more (the margin is read from
 * the tags, not from a layout of the table's line). */
static void
test_table_margins (void)
{
  PrepAnswerView *answer;
  GtkWidget *window = answer_window_new (800, 600, &answer);
  GPtrArray *tables;
  int previous_x = -1;

  prep_answer_view_set_markdown (answer,
                                 "Top\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                                 "- item\n\n  | c | d |\n  |---|---|\n  | 3 | 4 |\n\n"
                                 "- item\n  1. nested\n\n     | e | f |\n     |---|---|\n     | 5 | 6 |\n");
  present_rendered (window, answer);

  tables = prep_answer_view_get_tables (answer);
  g_assert_cmpuint (tables->len, ==, 3);
  for (guint i = 0; i < tables->len; i++)
    {
      PrepTable *table = g_ptr_array_index (tables, i);
      GtkWidget *box = gtk_widget_get_ancestor (GTK_WIDGET (table), GTK_TYPE_SCROLLED_WINDOW);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (box, GTK_WIDGET (answer), &bounds));
      g_test_message ("table %u at x %.0f, given %d of %d", i, bounds.origin.x,
                      prep_table_get_available_width (table), gtk_widget_get_width (GTK_WIDGET (answer)));
      /* Each deeper than the one before, each given the rest of the page. */
      g_assert_cmpint ((int) bounds.origin.x, >, previous_x);
      previous_x = bounds.origin.x;
      g_assert_cmpint (prep_table_get_available_width (table), ==,
                       gtk_widget_get_width (GTK_WIDGET (answer)) - (int) bounds.origin.x - 2);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An answer set before its view has a width (the question restored at
 * start-up, the page's first answer) is rendered once: the text before
 * its first figure at once, the figure and the rest once the view knows
 * how wide the figure may be, and not all again after the first
 * allocation (issue 15). The figure fits the view. */
static void
deleted_cb (GtkTextBuffer *buffer,
            GtkTextIter   *start,
            GtkTextIter   *end,
            guint         *n_deleted)
{
  *n_deleted += gtk_text_iter_get_offset (end) - gtk_text_iter_get_offset (start);
}

static void
test_figure_before_width (void)
{
  PrepAnswerView *answer;
  GtkWidget *window = answer_window_new (640, 600, &answer);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (answer));
  g_autofree char *text = NULL;
  guint n_deleted = 0, n_figures = 0;
  GtkTextIter iter;

  prep_answer_view_set_markdown (answer,
                                 "First paragraph.\n\n"
                                 "![A figure 900 pixels wide](resource:///io/github/llmprep/LlmPrep/content/figures/attention.svg)\n\n"
                                 "Last paragraph.\n");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (answer)), ==, 0);
  text = buffer_text (buffer);
  g_assert_nonnull (strstr (text, "First paragraph."));
  g_assert_null (strstr (text, "Last paragraph."));
  g_clear_pointer (&text, g_free);

  g_signal_connect (buffer, "delete-range", G_CALLBACK (deleted_cb), &n_deleted);
  present_rendered (window, answer);

  g_assert_cmpuint (n_deleted, ==, 0);
  text = buffer_text (buffer);
  g_assert_nonnull (strstr (text, "Last paragraph."));
  for (gtk_text_buffer_get_start_iter (buffer, &iter); !gtk_text_iter_is_end (&iter); gtk_text_iter_forward_char (&iter))
    {
      GdkPaintable *figure = gtk_text_iter_get_paintable (&iter);

      if (figure == NULL)
        continue;
      n_figures++;
      g_test_message ("figure %d px wide in a view of %d", gdk_paintable_get_intrinsic_width (figure),
                      gtk_widget_get_width (GTK_WIDGET (answer)));
      g_assert_cmpint (gdk_paintable_get_intrinsic_width (figure), <, gtk_widget_get_width (GTK_WIDGET (answer)));
      g_assert_cmpint (gdk_paintable_get_intrinsic_width (figure), >, gtk_widget_get_width (GTK_WIDGET (answer)) / 2);
    }
  g_assert_cmpuint (n_figures, ==, 1);

  g_signal_handlers_disconnect_by_func (buffer, deleted_cb, &n_deleted);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The question page's render node has one shape whatever its content
 * reaches: its parts inside a clip of the page's bounds. GtkSnapshot
 * drops a clip its content fits in, so the node changed shape when the
 * answer's text first reached below the part in sight, and GTK, which
 * cannot compare nodes of different shapes, redrew the whole page in the
 * frames after a restored start's first (issue 15). */
static gboolean
has_clip_of (GskRenderNode *node,
             int            width,
             int            height)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CLIP_NODE:
      return graphene_rect_equal (gsk_clip_node_get_clip (node), &GRAPHENE_RECT_INIT (0, 0, width, height));

    case GSK_TRANSFORM_NODE:
      return has_clip_of (gsk_transform_node_get_child (node), width, height);

    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (has_clip_of (gsk_container_node_get_child (node, i), width, height))
          return TRUE;
      return FALSE;

    default:
      return FALSE;
    }
}

static gboolean
page_has_clip (GtkWidget *page)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gtk_widget_snapshot_child (gtk_widget_get_parent (page), page, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return has_clip_of (node, gtk_widget_get_width (page), gtk_widget_get_height (page));
}

/* A 600 x 400 window scrolling a page of @header (if any) and @answer,
 * as the question page does. */
static GtkWidget *
page_window_new (GtkWidget      *header,
                 PrepAnswerView *answer,
                 GtkWidget     **page_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *page = prep_page_layout_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  if (header != NULL)
    prep_page_layout_set_header (PREP_PAGE_LAYOUT (page), header);
  prep_page_layout_set_body (PREP_PAGE_LAYOUT (page), GTK_WIDGET (answer));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), page);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  *page_out = page;

  return window;
}

static void
test_page_node_shape (void)
{
  PrepAnswerView *answer = g_object_new (PREP_TYPE_ANSWER_VIEW, NULL);
  GtkWidget *page;
  GtkWidget *window = page_window_new (gtk_label_new ("A question"), answer, &page);
  g_autoptr(GString) markdown = g_string_new (NULL);

  /* All of it in sight. */
  prep_answer_view_set_markdown (answer, "A short answer.\n");
  present_rendered (window, answer);
  g_assert_cmpint (gtk_adjustment_get_upper (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (page))), <=,
                   gtk_widget_get_height (page));
  g_assert_true (page_has_clip (page));

  /* Reaching far below. */
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (markdown, "Paragraph %u of a long answer.\n\n", i);
  prep_answer_view_set_markdown (answer, markdown->str);
  present_rendered (window, answer);
  g_assert_cmpint (gtk_adjustment_get_upper (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (page))), >,
                   2 * gtk_widget_get_height (page));
  g_assert_true (page_has_clip (page));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The answer's height in each frame, and the part of the page in sight
 * below its top. */
typedef struct
{
  GtkWidget      *page;
  PrepAnswerView *answer;
  guint           frames;
  guint           rendered_frames;
  guint           wrong;
} BodyWatch;

static int
body_in_sight (GtkWidget      *page,
               PrepAnswerView *answer)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (answer), page, &bounds));

  return gtk_widget_get_height (page) - MAX ((int) bounds.origin.y, 0);
}

static void
body_after_paint_cb (GdkFrameClock *clock,
                     BodyWatch     *watch)
{
  int in_sight = body_in_sight (watch->page, watch->answer);
  int height = gtk_widget_get_height (GTK_WIDGET (watch->answer));

  watch->frames++;
  if (prep_answer_view_get_rendered (watch->answer))
    watch->rendered_frames++;
  if (height != in_sight)
    {
      g_test_message ("frame %u: the answer is %d px high, %d px of the page in sight below its top",
                      watch->frames, height, in_sight);
      watch->wrong++;
    }
}

/* A long answer under the page's header is given the part of the page in
 * sight below its top, and that only, in its first frame and in those
 * after it, as its text is added and laid out. It was given as much as
 * its lines laid out in the first frame, then the page's height: the
 * text view's clip changed, and GTK redrew the whole answer in the frame
 * after a question was shown, 625 x 256 px at 1000 x 700 (issue 15). It
 * also laid out and drew lines below the bottom of the page. */
static void
test_body_in_sight (void)
{
  GtkWidget *header = gtk_label_new ("A question");
  PrepAnswerView *answer = g_object_new (PREP_TYPE_ANSWER_VIEW, NULL);
  GtkWidget *page;
  GtkWidget *window = page_window_new (header, answer, &page);
  g_autoptr(GString) markdown = g_string_new (NULL);
  GtkAdjustment *vadjustment;
  BodyWatch watch = { page, answer, };
  GdkFrameClock *clock;
  gulong handler;

  gtk_widget_set_size_request (header, -1, 150);

  /* Sections, so that the text is added in steps after the first frame. */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (markdown, "## Section %u\n\n"
                            "Paragraph %u of a long answer, long enough to wrap at the width of this window, "
                            "and then some more words so that it takes two lines or three.\n\n", i, i);
  prep_answer_view_set_markdown (answer, markdown->str);

  gtk_widget_realize (window);
  clock = gtk_widget_get_frame_clock (window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (body_after_paint_cb), &watch);
  gtk_window_present (GTK_WINDOW (window));
  while (!prep_answer_view_get_rendered (answer))
    g_main_context_iteration (NULL, TRUE);
  prep_test_wait_for_frame (window);
  g_signal_handler_disconnect (clock, handler);

  /* The first frame came before the whole answer was there. */
  g_assert_cmpuint (watch.rendered_frames, >, 0);
  g_assert_cmpuint (watch.frames, >, watch.rendered_frames);
  g_assert_cmpuint (watch.wrong, ==, 0);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (page));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, 4 * gtk_widget_get_height (page));

  /* Scrolled a little, and past the header: still the part in sight. */
  for (guint i = 0; i < 2; i++)
    {
      gtk_adjustment_set_value (vadjustment, i == 0 ? 60 : 600);
      prep_test_wait_for_frame (window);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (answer)), ==, body_in_sight (page, answer));
    }
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (answer)), ==, gtk_widget_get_height (page));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* After the page's first frame, the rest of a long answer is added a
 * section of about a kilobyte per main-loop step, however fast rendering
 * is: the text view lays the added lines out in the step after, at some
 * ten times the cost of rendering them. Steps bounded by the time spent
 * rendering (2.5 ms) added 3.5 to 6.8 KiB at a time, and the steps of
 * layout after them blocked input for 17 to 52 ms (issue 15). */
static void
test_render_steps (void)
{
  PrepAnswerView *answer = g_object_new (PREP_TYPE_ANSWER_VIEW, NULL);
  GtkWidget *page;
  GtkWidget *window = page_window_new (NULL, answer, &page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (answer));
  g_autoptr(GString) markdown = g_string_new (NULL);
  int chars, most = 0;
  guint steps = 0;

  gtk_window_present (GTK_WINDOW (window));
  prep_test_wait_for_frame (window);

  /* 48 KiB in paragraphs of some 250 bytes, so that a section is never
   * much more than the kilobyte it is at least. */
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (markdown, "%sParagraph %u of a long answer, long enough to wrap at the width of "
                            "this window, and then some more words so that it takes two lines or three, "
                            "or even four of them at the narrowest width a window can have here.\n\n",
                            i % 10 == 0 ? "## A heading\n\n" : "", i);
  /* The first screen's worth is rendered at once. */
  prep_answer_view_set_markdown (answer, markdown->str);
  g_assert_false (prep_answer_view_get_rendered (answer));
  chars = gtk_text_buffer_get_char_count (buffer);
  g_assert_cmpint (chars, >, 0);
  g_assert_cmpint (chars, <, 16 * 1024);
  while (!prep_answer_view_get_rendered (answer))
    {
      int now;

      g_main_context_iteration (NULL, TRUE);
      now = gtk_text_buffer_get_char_count (buffer);
      if (now > chars)
        steps++;
      most = MAX (most, now - chars);
      chars = now;
    }

  g_test_message ("%d characters in %u steps, at most %d in one", chars, steps, most);
  g_assert_cmpint (chars, >, 40 * 1024);
  g_assert_cmpint (most, <=, 1400);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The fonts answers are set in are loaded ahead, a step at a time: once
 * its time is up, a step loads one. The first long answer loads them all
 * before the rest of its text: as the text view laid out the text, fonts
 * loaded on the way made steps of 20 to 40 ms after a restored start
 * (issue 15). */
static void
test_font_steps (void)
{
  PrepAnswerView *answer = g_object_new (PREP_TYPE_ANSWER_VIEW, NULL);
  PrepAnswerView *other = g_object_ref_sink (g_object_new (PREP_TYPE_ANSWER_VIEW, NULL));
  GtkWidget *page;
  GtkWidget *window = page_window_new (NULL, answer, &page);
  g_autoptr(GString) markdown = g_string_new (NULL);
  guint steps = 1;

  while (prep_answer_view_load_fonts (other, 0))
    steps++;
  g_test_message ("%u fonts loaded in as many steps", steps);
  g_assert_cmpuint (steps, >=, 10);
  g_assert_false (prep_answer_view_load_fonts (other, 0));
  g_object_unref (other);

  gtk_window_present (GTK_WINDOW (window));
  prep_test_wait_for_frame (window);
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (markdown, "%s段落 %u：**粗體** `code` and some more words in Latin.\n\n",
                            i % 10 == 0 ? "## 標題 A heading\n\n" : "", i);
  prep_answer_view_set_markdown (answer, markdown->str);
  g_assert_false (prep_answer_view_get_rendered (answer));
  while (!prep_answer_view_get_rendered (answer))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (prep_answer_view_load_fonts (answer, 0));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
append_table (GString *markdown)
{
  g_string_append (markdown, "| 方法 Method | 記憶體 Memory | 說明 Notes |\n|---|---:|---|\n");
  for (guint r = 0; r < 30; r++)
    g_string_append_printf (markdown, "| 第 %u 種方法 method %u | %u GB | 一段較長的說明，"
                            "long enough to wrap in a narrow column of this table %u |\n", r, r, r * 3, r);
  g_string_append (markdown, "\n");
}

/* A table that comes in a later section is measured a few cells a step,
 * before any more text: laying out its cells at once (three layouts a
 * cell) made a step of 15 to 27 ms after a switch (issue 15). Once
 * measured, it is laid out exactly as a table shown at once. */
static void
test_table_steps (void)
{
  PrepAnswerView *later = g_object_new (PREP_TYPE_ANSWER_VIEW, NULL);
  PrepAnswerView *first = g_object_new (PREP_TYPE_ANSWER_VIEW, NULL);
  GtkWidget *page, *first_page;
  GtkWidget *window = page_window_new (NULL, later, &page);
  GtkWidget *first_window = page_window_new (NULL, first, &first_page);
  g_autoptr(GString) markdown = g_string_new (NULL);
  g_autoptr(GString) short_markdown = g_string_new ("Before the table.\n\n");
  PrepTable *table = NULL, *first_table;
  GPtrArray *cells, *first_cells;
  int chars_before = 0;
  guint waiting = 0;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (markdown, "Paragraph %u, before the table, with words enough to wrap.\n\n", i);
  append_table (markdown);
  g_string_append (markdown, "After the table.\n");
  append_table (short_markdown);

  gtk_window_present (GTK_WINDOW (window));
  prep_test_wait_for_frame (window);
  prep_answer_view_set_markdown (later, markdown->str);
  g_assert_cmpuint (prep_answer_view_get_tables (later)->len, ==, 0);
  while (!prep_answer_view_get_rendered (later))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (later));

      g_main_context_iteration (NULL, TRUE);
      if (table == NULL && prep_answer_view_get_tables (later)->len > 0)
        {
          table = g_ptr_array_index (prep_answer_view_get_tables (later), 0);
          chars_before = gtk_text_buffer_get_char_count (buffer);
        }
      if (table != NULL && !prep_table_get_measured (table))
        {
          waiting++;
          /* No text after the table until it is measured. */
          g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, chars_before);
        }
    }
  g_assert_nonnull (table);
  g_test_message ("the table was measured in %u steps", waiting);
  g_assert_cmpuint (waiting, >=, 2);
  g_assert_true (prep_table_get_measured (table));

  /* The same table, in the first section: measured at once. */
  gtk_window_present (GTK_WINDOW (first_window));
  prep_answer_view_set_markdown (first, short_markdown->str);
  present_rendered (first_window, first);
  first_table = g_ptr_array_index (prep_answer_view_get_tables (first), 0);
  g_assert_true (prep_table_get_measured (first_table));
  prep_test_wait_for_frame (window);
  prep_test_wait_for_frame (first_window);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (table)), ==, gtk_widget_get_width (GTK_WIDGET (first_table)));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (table)), ==, gtk_widget_get_height (GTK_WIDGET (first_table)));
  cells = prep_table_get_cells (table);
  first_cells = prep_table_get_cells (first_table);
  g_assert_cmpuint (cells->len, ==, first_cells->len);
  for (guint i = 0; i < cells->len; i++)
    {
      graphene_rect_t a, b;

      g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (cells, i), GTK_WIDGET (table), &a));
      g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (first_cells, i), GTK_WIDGET (first_table), &b));
      g_assert_true (graphene_rect_equal (&a, &b));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (first_window));

  /* An answer not on screen does not wait for its table to be laid out. */
  {
    PrepAnswerView *hidden = g_object_new (PREP_TYPE_ANSWER_VIEW, NULL);
    GtkWidget *hidden_window = page_window_new (NULL, hidden, &page);
    gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    prep_answer_view_set_markdown (hidden, markdown->str);
    while (!prep_answer_view_get_rendered (hidden) && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (prep_answer_view_get_rendered (hidden));
    g_assert_true (prep_table_get_measured (g_ptr_array_index (prep_answer_view_get_tables (hidden), 0)));
    gtk_window_destroy (GTK_WINDOW (hidden_window));
  }
}

/* The error page, shown when the content cannot be loaded, has its icon
 * only then: an icon on a page hidden in every normal start was decoded
 * (an SVG, through librsvg) before the first frame (issue 15). */
static void
test_error_page (void)
{
  GtkWidget *window = gtk_window_new ();
  PrepQuestionView *view = PREP_QUESTION_VIEW (prep_question_view_new ());
  AdwStatusPage *page;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  prep_test_wait_for_frame (window);

  page = ADW_STATUS_PAGE (prep_test_find_descendant (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (page);
  /* The first status page is the empty one, on show; the error page
   * comes after it and has no icon yet. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  for (GtkWidget *w = GTK_WIDGET (page); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (ADW_IS_STATUS_PAGE (w) && w != GTK_WIDGET (page))
      g_assert_null (adw_status_page_get_icon_name (ADW_STATUS_PAGE (w)));

  prep_question_view_show_error (view, "The Study Content Could Not Be Loaded", "line 3: <unexpected>");
  prep_test_wait_for_frame (window);
  page = NULL;
  for (GtkWidget *w = prep_test_find_descendant (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE); w; w = gtk_widget_get_next_sibling (w))
    if (ADW_IS_STATUS_PAGE (w) && gtk_widget_get_mapped (w))
      page = ADW_STATUS_PAGE (w);
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_icon_name (page), ==, "dialog-error-symbolic");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "The Study Content Could Not Be Loaded");
  g_assert_cmpstr (adw_status_page_get_description (page), ==, "line 3: &lt;unexpected&gt;");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  prep_test_init_ui (&argc, &argv);

  g_test_add ("/viewer/render-page", Fixture, NULL, fixture_set_up, test_render_page, fixture_tear_down);
  g_test_add ("/viewer/find", Fixture, NULL, fixture_set_up, test_find, fixture_tear_down);
  g_test_add ("/viewer/zoom", Fixture, NULL, fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/viewer/dark", Fixture, NULL, fixture_set_up, test_dark, fixture_tear_down);
  g_test_add ("/viewer/scroll-to-top", Fixture, NULL, fixture_set_up, test_scroll_to_top, fixture_tear_down);
  g_test_add_func ("/viewer/table-margins", test_table_margins);
  g_test_add_func ("/viewer/figure-before-width", test_figure_before_width);
  g_test_add_func ("/viewer/page-node-shape", test_page_node_shape);
  g_test_add_func ("/viewer/body-in-sight", test_body_in_sight);
  g_test_add_func ("/viewer/render-steps", test_render_steps);
  g_test_add_func ("/viewer/font-steps", test_font_steps);
  g_test_add_func ("/viewer/table-steps", test_table_steps);
  g_test_add_func ("/viewer/error-page", test_error_page);
  g_test_add ("/viewer/follow-ups-after-answer", Fixture, NULL, fixture_set_up, test_follow_ups_after_answer,
              fixture_tear_down);

  return g_test_run ();
}
