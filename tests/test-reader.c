/* test-reader.c: the answer page as a reader, driven as a person would,
 * with key presses and clicks through the window system.
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

#include "prep-answer-view.h"
#include "prep-application.h"
#include "prep-library.h"
#include "prep-question-view.h"
#include "prep-sidebar.h"
#include "prep-table.h"
#include "prep-question-parts.h"
#include "prep-question.h"
#include "prep-test-utils.h"
#include "prep-window.h"

static PrepQuestionView *
question_view (PrepWindow *window)
{
  return PREP_QUESTION_VIEW (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_QUESTION_VIEW));
}

static double
page_value (PrepWindow *window)
{
  return gtk_adjustment_get_value (prep_question_view_get_vadjustment (question_view (window)));
}

static double
page_end (PrepWindow *window)
{
  GtkAdjustment *adjustment = prep_question_view_get_vadjustment (question_view (window));

  return gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
}

/* A page returned to is laid out over a few frames before it is at its
 * place again: the same line of the answer at the top, as far into it.
 * (Its pixel offset may differ: a figure above it may be scaled to a
 * slightly different width.) */
static gboolean
wait_for_position (PrepWindow                *window,
                   const PrepReadingPosition *expected)
{
  PrepReadingPosition position;

  for (guint i = 0; i < 40; i++)
    {
      prep_question_view_get_position (question_view (window), &position);
      if (position.offset == expected->offset && fabs (position.delta - expected->delta) < 2)
        return TRUE;
      prep_test_wait_for_frame (GTK_WIDGET (window));
    }

  g_test_message ("at offset %d + %.1f, expected %d + %.1f", position.offset, position.delta,
                  expected->offset, expected->delta);
  return FALSE;
}

static const char *
current_id (PrepWindow *window)
{
  PrepQuestion *question = prep_window_get_question (window);

  return question ? prep_question_get_id (question) : NULL;
}

/* Opening from the list leaves the focus on the page, where the reading
 * keys scroll it (review B1, M6). */
static void
check_keys (PrepApplication *app,
            PrepWindow      *window)
{
  GtkWidget *answer = GTK_WIDGET (prep_question_view_get_answer_view (question_view (window)));
  GtkWidget *focus;
  double value;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  prep_test_press (GTK_WIDGET (window), "ctrl+k");
  prep_test_type (GTK_WIDGET (window), "KV Cache");
  prep_test_press (GTK_WIDGET (window), "Return");
  g_assert_cmpstr (current_id (window), ==, "kv-cache");

  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (focus == answer);
  g_assert_true (gtk_widget_get_state_flags (answer) & GTK_STATE_FLAG_FOCUS_VISIBLE);
  prep_test_save_screenshot (GTK_WIDGET (window), "reader-opened.png");

  /* A search opens with its matches highlighted; Escape in the page is
   * not needed to read on. */
  g_assert_cmpfloat (page_value (window), <, 400);
  gtk_adjustment_set_value (prep_question_view_get_vadjustment (question_view (window)), 0);
  prep_test_wait_for_frame (GTK_WIDGET (window));

  prep_test_press (GTK_WIDGET (window), "Page_Down");
  g_assert_cmpfloat (page_value (window), >, 300);
  value = page_value (window);
  prep_test_press (GTK_WIDGET (window), "space");
  g_assert_cmpfloat (page_value (window), >, value + 300);
  value = page_value (window);
  prep_test_press (GTK_WIDGET (window), "shift+space");
  g_assert_cmpfloat (page_value (window), <, value - 300);
  value = page_value (window);
  prep_test_press (GTK_WIDGET (window), "Down Down");
  g_assert_cmpfloat (page_value (window), >, value + 40);
  value = page_value (window);
  prep_test_press (GTK_WIDGET (window), "Up");
  g_assert_cmpfloat (page_value (window), <, value);
  prep_test_press (GTK_WIDGET (window), "ctrl+End");
  g_assert_cmpfloat (fabs (page_value (window) - page_end (window)), <, 1);
  prep_test_save_screenshot (GTK_WIDGET (window), "reader-end.png");
  prep_test_press (GTK_WIDGET (window), "Home");
  g_assert_cmpfloat (page_value (window), ==, 0);
  prep_test_press (GTK_WIDGET (window), "End");
  g_assert_cmpfloat (fabs (page_value (window) - page_end (window)), <, 1);
  prep_test_press (GTK_WIDGET (window), "ctrl+Home Page_Down Page_Up");
  g_assert_cmpfloat (page_value (window), ==, 0);

  /* The focus stayed on the page all along. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == answer);
}

static void
test_keys (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (!prep_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  g_settings_reset (settings, "last-question");
  g_assert_cmpint (prep_test_run_app (NULL, check_keys), ==, 0);
}

/* Whether [rect] of @texture shows something: more than 2 % of its pixels
 * differ from its top left one (the background). */
static gboolean
has_ink (GdkTexture            *texture,
         const graphene_rect_t *rect)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);
  int x0 = MAX ((int) rect->origin.x, 0), y0 = MAX ((int) rect->origin.y, 0);
  int x1 = MIN ((int) (rect->origin.x + rect->size.width), width);
  int y1 = MIN ((int) (rect->origin.y + rect->size.height), height);
  guint differ = 0, total = 0;
  guint32 background;

  g_assert_cmpint (x1, >, x0);
  g_assert_cmpint (y1, >, y0);
  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  background = pixels[y0 * width + x0];
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++, total++)
      differ += pixels[y * width + x] != background;

  return differ > total / 50;
}

/* The page scrolls as one, the answer's text view scrolling itself inside
 * it: the view is never taller than the part of the page in sight, so it
 * lays out and draws only that (issue 15). Reading on with Page Down from
 * the title to the follow-ups moves the page a page at a time, never
 * back, with text in sight each time, the follow-ups at the end; Home
 * brings the title back. */
static void
check_page_in_sight (PrepApplication *app,
                     PrepWindow      *window)
{
  PrepQuestionView *view = question_view (window);
  GtkWidget *answer = GTK_WIDGET (prep_question_view_get_answer_view (view));
  GtkAdjustment *adjustment = prep_question_view_get_vadjustment (view);
  GtkWidget *scroller = gtk_widget_get_ancestor (answer, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *title = prep_test_find_with_class (GTK_WIDGET (view), "question-title");
  GtkWidget *follow_ups = prep_test_find_with_class (GTK_WIDGET (view), "boxed-list");
  PrepReadingPosition position;
  graphene_rect_t page, bounds, answer_bounds;
  int last_offset = -1;
  double value = 0, page_size;
  guint presses = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_assert_true (prep_window_open_question (window, "kv-cache"));
  prep_question_view_focus_page (view);
  prep_test_spin (500);
  g_assert_true (gtk_widget_compute_bounds (scroller, GTK_WIDGET (window), &page));

  page_size = gtk_adjustment_get_page_size (adjustment);
  g_assert_cmpfloat (page_end (window), >, 4 * page_size);
  g_assert_cmpint (gtk_widget_get_height (answer), <=, page_size);

  while (page_value (window) < page_end (window) - 1)
    {
      g_autoptr(GdkTexture) texture = NULL;

      g_assert_cmpuint (presses++, <, 100);
      prep_test_press (GTK_WIDGET (window), "Page_Down");
      g_assert_cmpfloat (page_value (window), >, value);
      g_assert_cmpfloat (page_value (window), <=, value + gtk_adjustment_get_page_increment (adjustment) + 1);
      value = page_value (window);

      g_assert_cmpint (gtk_widget_get_height (answer), <=, page_size);
      prep_question_view_get_position (view, &position);
      if (position.offset >= 0)
        {
          g_assert_cmpint (position.offset, >=, last_offset);
          last_offset = position.offset;
        }

      texture = prep_test_render (GTK_WIDGET (window));
      g_assert_true (has_ink (texture, &page));
    }
  g_assert_cmpint (last_offset, >, 0);
  prep_test_save_screenshot (GTK_WIDGET (window), "reader-page-end.png");

  /* The follow-ups are at the end, in sight and drawn, right under the
   * answer's last line (their heading between). */
  g_assert_nonnull (follow_ups);
  g_assert_true (gtk_widget_compute_bounds (follow_ups, GTK_WIDGET (window), &bounds));
  g_assert_true (gtk_widget_compute_bounds (answer, GTK_WIDGET (window), &answer_bounds));
  g_test_message ("answer ends at %.0f, follow-ups start at %.0f", answer_bounds.origin.y + answer_bounds.size.height,
                  bounds.origin.y);
  g_assert_cmpfloat (bounds.origin.y - (answer_bounds.origin.y + answer_bounds.size.height), <, 150);
  g_assert_cmpfloat (bounds.origin.y, >=, page.origin.y);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, page.origin.y + page.size.height + 1);
  {
    g_autoptr(GdkTexture) texture = prep_test_render (GTK_WIDGET (window));

    g_assert_true (has_ink (texture, &bounds));
  }

  prep_test_press (GTK_WIDGET (window), "Home");
  g_assert_cmpfloat (page_value (window), ==, 0);
  g_assert_true (gtk_widget_compute_bounds (title, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, page.origin.y);
  {
    g_autoptr(GdkTexture) texture = prep_test_render (GTK_WIDGET (window));

    g_assert_true (has_ink (texture, &bounds));
  }
}

static void
test_page_in_sight (void)
{
  if (!prep_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  g_assert_cmpint (prep_test_run_app (NULL, check_page_in_sight), ==, 0);
}

/* Following a link, then Back and Forward, with the keyboard and the
 * mouse's side buttons: each page comes back where it was left (M7). */
static void
check_history (PrepApplication *app,
               PrepWindow      *window)
{
  PrepQuestionView *view = question_view (window);
  GtkWidget *answer = GTK_WIDGET (prep_question_view_get_answer_view (view));
  const char *args_back[] = { "click", "8", NULL };
  const char *args_forward[] = { "click", "9", NULL };
  g_autofree char *linked = NULL;
  PrepReadingPosition left, linked_left;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_assert_true (prep_window_open_question (window, "kv-cache"));
  prep_question_view_focus_page (view);
  g_assert_cmpfloat (page_value (window), ==, 0);
  prep_test_press (GTK_WIDGET (window), "Page_Down Page_Down");
  g_assert_cmpfloat (page_value (window), >, 300);
  g_assert_cmpfloat (page_value (window), <, page_end (window));

  /* Tab selects the next link from the part in sight, Enter follows it. */
  prep_test_press (GTK_WIDGET (window), "Tab");
  prep_question_view_get_position (view, &left);
  prep_test_press (GTK_WIDGET (window), "Return");
  g_assert_cmpstr (current_id (window), !=, "kv-cache");
  linked = g_strdup (current_id (window));
  g_assert_cmpfloat (page_value (window), ==, 0);
  prep_test_save_screenshot (GTK_WIDGET (window), "reader-linked.png");

  prep_test_press (GTK_WIDGET (window), "Page_Down");
  prep_question_view_get_position (view, &linked_left);

  prep_test_press (GTK_WIDGET (window), "alt+Left");
  g_assert_cmpstr (current_id (window), ==, "kv-cache");
  g_assert_true (wait_for_position (window, &left));
  prep_test_save_screenshot (GTK_WIDGET (window), "reader-back.png");

  prep_test_press (GTK_WIDGET (window), "alt+Right");
  g_assert_cmpstr (current_id (window), ==, linked);
  g_assert_true (wait_for_position (window, &linked_left));

  /* The mouse's back and forward buttons. */
  prep_test_xdotool (GTK_WIDGET (window), args_back);
  g_assert_cmpstr (current_id (window), ==, "kv-cache");
  prep_test_xdotool (GTK_WIDGET (window), args_forward);
  g_assert_cmpstr (current_id (window), ==, linked);

  /* A question opened from the list again opens where it was left. */
  g_assert_true (prep_window_open_question (window, "kv-cache"));
  g_assert_true (wait_for_position (window, &left));

  /* Back and Forward are in the header where there is room. */
  g_assert_true (gtk_widget_is_visible (prep_test_find_with_class (GTK_WIDGET (window), "history-buttons")));
  g_assert_true (gtk_widget_get_focusable (answer));
}

static void
test_history (void)
{
  if (!prep_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  g_assert_cmpint (prep_test_run_app (NULL, check_history), ==, 0);
}

/* Find covers the whole page: the short answer first (m2). */
static void
check_find (PrepApplication *app,
            PrepWindow      *window)
{
  PrepQuestionView *view = question_view (window);
  PrepAnswerView *answer = prep_question_view_get_answer_view (view);
  GtkLabel *count;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_assert_true (prep_window_open_question (window, "kv-cache"));
  prep_test_wait_for_frame (GTK_WIDGET (window));

  prep_test_press (GTK_WIDGET (window), "ctrl+f");
  prep_test_type (GTK_WIDGET (window), "GQA");
  for (guint i = 0; i < 20 && prep_question_view_get_n_matches (view) == 0; i++)
    prep_test_wait_for_frame (GTK_WIDGET (window));

  /* The short answer has "GQA" once; the body, key points and follow-ups
   * more. */
  g_assert_cmpuint (prep_question_view_get_n_matches (view), >, prep_answer_view_get_n_matches (answer));
  g_assert_cmpuint (prep_question_view_get_current_match (view), ==, 1);
  count = GTK_LABEL (prep_test_find_with_class (GTK_WIDGET (view), "numeric"));
  g_assert_nonnull (strstr (gtk_label_get_text (count), "1"));
  prep_test_save_screenshot (GTK_WIDGET (window), "reader-find.png");

  /* Enter goes through every match and wraps round. */
  for (guint i = 1; i < prep_question_view_get_n_matches (view); i++)
    prep_test_press (GTK_WIDGET (window), "Return");
  g_assert_cmpuint (prep_question_view_get_current_match (view), ==, prep_question_view_get_n_matches (view));
  prep_test_press (GTK_WIDGET (window), "Return");
  g_assert_cmpuint (prep_question_view_get_current_match (view), ==, 1);
}

static void
test_find (void)
{
  if (!prep_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  g_assert_cmpint (prep_test_run_app (NULL, check_find), ==, 0);
}

/* No cell of any table of any answer is cut off, at the narrowest window
 * and at a wide one (M2): every cell's text fits its cell, every table
 * fits the page or scrolls sideways. */
static guint
check_tables_fit (PrepWindow *window,
                  const char *id)
{
  PrepAnswerView *answer = prep_question_view_get_answer_view (question_view (window));
  GPtrArray *tables = prep_answer_view_get_tables (answer);
  int page_width = gtk_widget_get_width (GTK_WIDGET (answer));

  for (guint t = 0; t < tables->len; t++)
    {
      PrepTable *table = g_ptr_array_index (tables, t);
      GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (table), GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
      GPtrArray *cells = prep_table_get_cells (table);
      graphene_rect_t bounds;

      /* The table's box is on the page. */
      g_assert_true (gtk_widget_compute_bounds (scroller, GTK_WIDGET (answer), &bounds));
      if (bounds.origin.x + bounds.size.width > page_width + 1)
        g_error ("%s: table %u is %.0f px wide at %.0f on a page of %d", id, t, bounds.size.width,
                 bounds.origin.x, page_width);

      /* What does not fit in it scrolls. */
      if (gtk_widget_get_width (GTK_WIDGET (table)) > gtk_widget_get_width (scroller))
        g_assert_cmpfloat (gtk_adjustment_get_upper (h), >, gtk_adjustment_get_page_size (h));

      for (guint c = 0; c < cells->len; c++)
        {
          GtkLabel *label = g_ptr_array_index (cells, c);
          PangoLayout *layout = gtk_label_get_layout (label);
          int width, height, x, y;

          gtk_label_get_layout_offsets (label, &x, &y);
          pango_layout_get_pixel_size (layout, &width, &height);
          if (x < 0 || y < 0 || x + width > gtk_widget_get_width (GTK_WIDGET (label)) + 1 ||
              y + height > gtk_widget_get_height (GTK_WIDGET (label)) + 1)
            g_error ("%s: table %u, cell %u (\"%s\") needs %d×%d at %d,%d but has %d×%d", id, t, c,
                     gtk_label_get_text (label), width, height, x, y,
                     gtk_widget_get_width (GTK_WIDGET (label)), gtk_widget_get_height (GTK_WIDGET (label)));
        }
    }

  return tables->len;
}

/* A page with a table keeps its column's width. The answer took its
 * widest table's width as its minimum, the column grew to it, the table
 * was given the wider answer, and so on: the text was wrapped again in
 * the frames after the first (627, 650, then 652 px at 1000 x 700) and
 * its tables laid out at each width (issue 15). */
static void
check_table_keeps_column (PrepWindow *window)
{
  GtkWidget *answer;
  int first;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (prep_window_open_question (window, "what-is-llm"));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  answer = GTK_WIDGET (prep_question_view_get_answer_view (question_view (window)));
  first = gtk_widget_get_width (answer);
  for (guint i = 0; i < 10; i++)
    prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_spin (300);
  g_test_message ("what-is-llm: answer %d px wide in its first frame, %d px later, in a page of %d", first,
                  gtk_widget_get_width (answer), gtk_widget_get_width (gtk_widget_get_parent (answer)));
  g_assert_cmpuint (prep_answer_view_get_tables (PREP_ANSWER_VIEW (answer))->len, >, 0);
  g_assert_cmpint (gtk_widget_get_width (answer), ==, first);
  /* Narrower than the page, as AdwClamp would have it at this width. */
  g_assert_cmpint (first + 36, <, gtk_widget_get_width (gtk_widget_get_parent (answer)) - 12);
}

static void
check_tables (PrepApplication *app,
              PrepWindow      *window)
{
  GListModel *questions = prep_library_get_questions (prep_application_get_library (app));
  const int widths[] = { 1400, 360 };
  guint n_tables = 0;

  check_table_keeps_column (window);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 800);
      prep_test_wait_for_frame (GTK_WIDGET (window));

      for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
        {
          g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);
          const char *id = prep_question_get_id (question);

          if (!prep_question_get_has_answer (question) ||
              strstr (prep_question_get_detailed_answer (question), "\n|") == NULL)
            continue;

          g_assert_true (prep_window_open_question (window, id));
          prep_test_wait_for_frame (GTK_WIDGET (window));
          n_tables += check_tables_fit (window, id);
        }

      g_test_message ("window %d px wide (%d): page %d px", widths[w], gtk_widget_get_width (GTK_WIDGET (window)),
                      gtk_widget_get_width (GTK_WIDGET (prep_question_view_get_answer_view (question_view (window)))));
    }

  g_assert_true (prep_window_open_question (window, "kv-cache"));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_question_view_scroll_to_heading (question_view (window), 1);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_save_screenshot (GTK_WIDGET (window), "reader-table-narrow.png");
  g_assert_cmpuint (n_tables, >, 10);
}

static void
test_tables (void)
{
  g_assert_cmpint (prep_test_run_app (NULL, check_tables), ==, 0);
}

/* Zoom scales the whole page and keeps the place (m1). */
static void
check_zoom (PrepApplication *app,
            PrepWindow      *window)
{
  PrepQuestionView *view = question_view (window);
  GtkWidget *title = prep_test_find_with_class (GTK_WIDGET (view), "question-title");
  GtkWidget *short_answer = prep_test_find_with_class (GTK_WIDGET (view), "short-answer");
  PrepReadingPosition before, after;
  int title_height, short_height;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_assert_true (prep_window_open_question (window, "kv-cache"));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  title_height = gtk_widget_get_height (title);
  short_height = gtk_widget_get_height (short_answer);

  prep_question_view_scroll_to_heading (view, 3);
  for (guint i = 0; i < 10; i++)
    prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_question_view_get_position (view, &before);

  prep_test_press (GTK_WIDGET (window), "ctrl+plus ctrl+plus");
  for (guint i = 0; i < 10; i++)
    prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 1.2, 0.001);
  prep_test_save_screenshot (GTK_WIDGET (window), "reader-zoom.png");
  g_assert_cmpint (gtk_widget_get_height (title), >, title_height * 1.1);
  g_assert_cmpint (gtk_widget_get_height (short_answer), >, short_height * 1.1);

  /* The same line of the answer is at the top. */
  prep_question_view_get_position (view, &after);
  g_assert_cmpint (after.offset, ==, before.offset);
  prep_test_save_screenshot (GTK_WIDGET (window), "reader-zoom.png");

  prep_test_press (GTK_WIDGET (window), "ctrl+0");
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 1.0, 0.001);
}

static void
test_zoom (void)
{
  if (!prep_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  g_assert_cmpint (prep_test_run_app (NULL, check_zoom), ==, 0);
}

/* Typography: Chinese body text 1.6 times its size apart or more (p3), a
 * label that gets the focus does not select its text (M6). */
static void
check_typography (PrepApplication *app,
                  PrepWindow      *window)
{
  PrepQuestionView *view = question_view (window);
  GtkTextView *answer = GTK_TEXT_VIEW (prep_question_view_get_answer_view (view));
  GtkLabel *short_answer = GTK_LABEL (prep_test_find_with_class (GTK_WIDGET (view), "body-text"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (answer);
  PangoFontDescription *font;
  PangoLayoutIter *iter;
  GtkTextIter at;
  GdkRectangle first, second;
  double size;
  int start, end, top, bottom;

  g_assert_true (prep_window_open_question (window, "kv-cache"));
  prep_test_wait_for_frame (GTK_WIDGET (window));

  font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (answer)));
  size = pango_font_description_get_size (font) / (double) PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (font))
    size = size * 96 / 72;

  /* Two lines of the first paragraph, which wraps. */
  gtk_text_buffer_get_start_iter (buffer, &at);
  gtk_text_iter_forward_line (&at);
  gtk_text_view_get_iter_location (answer, &at, &first);
  gtk_text_view_forward_display_line (answer, &at);
  gtk_text_view_get_iter_location (answer, &at, &second);
  g_test_message ("body: font %.1f px, lines %d px apart", size, second.y - first.y);
  g_assert_cmpfloat ((second.y - first.y) / size, >=, 1.6);

  /* The short answer's lines too. */
  iter = pango_layout_get_iter (gtk_label_get_layout (short_answer));
  pango_layout_iter_get_line_yrange (iter, &start, &end);
  pango_layout_iter_next_line (iter);
  pango_layout_iter_get_line_yrange (iter, &top, &bottom);
  pango_layout_iter_free (iter);
  g_assert_cmpfloat ((top - start) / (double) PANGO_SCALE / size, >=, 1.6);

  gtk_widget_grab_focus (GTK_WIDGET (short_answer));
  g_assert_false (gtk_label_get_selection_bounds (short_answer, NULL, NULL));

  /* Chinese is set as Taiwan's, whatever the UI language, punctuation
   * after a Latin word included (M8): "token，" */
  {
    const char *text = gtk_label_get_text (short_answer);
    const char *comma = strstr (text, "token，");
    PangoAttrIterator *attrs;
    gboolean tagged = FALSE;

    g_assert_nonnull (comma);
    comma += strlen ("token");
    attrs = pango_attr_list_get_iterator (gtk_label_get_attributes (short_answer));
    do
      {
        int from, to;
        PangoAttribute *language, *family;

        pango_attr_iterator_range (attrs, &from, &to);
        language = pango_attr_iterator_get (attrs, PANGO_ATTR_LANGUAGE);
        family = pango_attr_iterator_get (attrs, PANGO_ATTR_FAMILY);
        if (from <= comma - text && comma - text < to && language != NULL && family != NULL)
          tagged = g_str_equal (pango_language_to_string (((PangoAttrLanguage *) language)->value), "zh-tw") &&
                   strstr (((PangoAttrString *) family)->value, "TC") != NULL;
      }
    while (pango_attr_iterator_next (attrs));
    pango_attr_iterator_destroy (attrs);
    g_assert_true (tagged);
  }
}

static void
test_typography (void)
{
  g_assert_cmpint (prep_test_run_app (NULL, check_typography), ==, 0);
}

static guint
count_with_class (GtkWidget  *widget,
                  const char *css_class)
{
  guint n = gtk_widget_has_css_class (widget, css_class) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_with_class (child, css_class);
  return n;
}

/* Follow-up answers are made when first shown (issue 15: hidden labels
 * cost a quarter of a question's opening), by a click on their row or
 * by find reaching a match in them. */
static void
check_follow_ups (PrepApplication *app,
                  PrepWindow      *window)
{
  PrepQuestionView *view = question_view (window);
  PrepQuestion *question;
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *follow_ups;
  GtkWidget *first;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_assert_true (prep_window_open_question (window, "kv-cache"));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  question = prep_window_get_question (window);
  follow_ups = prep_question_get_follow_ups (question);

  rows = prep_test_collect (GTK_WIDGET (view), ADW_TYPE_EXPANDER_ROW);
  g_assert_cmpuint (rows->len, ==, follow_ups->len);
  g_assert_cmpuint (count_with_class (GTK_WIDGET (view), "follow-up-answer"), ==, 0);

  /* A click on the first row shows its answer. */
  first = g_ptr_array_index (rows, 0);
  /* The header row inside the expander takes the focus (scrolled to it),
   * and Space opens it, as for a person tabbing to it. */
  g_assert_true (gtk_widget_grab_focus (prep_test_find_descendant (first, ADW_TYPE_ACTION_ROW)));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_press (GTK_WIDGET (window), "space");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (first)));
  g_assert_cmpuint (count_with_class (GTK_WIDGET (view), "follow-up-answer"), ==, 1);
  {
    GtkWidget *label = prep_test_find_with_class (first, "follow-up-answer");
    PrepFollowUp *follow_up = g_ptr_array_index (follow_ups, 0);

    g_assert_nonnull (label);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                     prep_text_get (follow_up->answer, prep_question_get_locale (question)));
  }

  /* Find reaches a word only the fourth answer has: its row opens. */
  prep_test_press (GTK_WIDGET (window), "ctrl+f");
  prep_test_type (GTK_WIDGET (window), "Flash-Decoding");
  for (guint i = 0; i < 20 && prep_question_view_get_n_matches (view) == 0; i++)
    prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpuint (prep_question_view_get_n_matches (view), ==, 1);
  g_assert_true (adw_expander_row_get_expanded (g_ptr_array_index (rows, 3)));
  g_assert_nonnull (prep_test_find_with_class (g_ptr_array_index (rows, 3), "follow-up-answer"));
  prep_test_save_screenshot (GTK_WIDGET (window), "reader-follow-up-find.png");
}

static void
test_follow_ups (void)
{
  if (!prep_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  g_assert_cmpint (prep_test_run_app (NULL, check_follow_ups), ==, 0);
}

/* The question restored at start-up is in the window's first frame: its
 * answer's beginning is drawn, not only the header (issue 15). Until the
 * answer was rendered at once and the page gave an answer laid out at no
 * width the room in sight, the first frame had the short answer and a
 * blank page under it, and the text came one or more frames later. */
typedef struct
{
  GdkTexture      *texture;   /* the window, as its first frame drew it */
  graphene_rect_t  answer;    /* the answer view's part in sight then */
  gboolean         has_page;  /* whether the question page was built */
  guint            frames;    /* with the answer, until it was rendered */
  guint            wrong;     /* of those, with the answer not as tall as
                               * the part of the page in sight */
  guint            restyled;  /* changes of icon theme after the first frame */
} FirstFrame;

static FirstFrame first_frame;

static void
first_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  GtkWidget *answer = prep_test_find_descendant (window, PREP_TYPE_ANSWER_VIEW);
  GtkWidget *page = answer ? gtk_widget_get_ancestor (answer, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  graphene_rect_t bounds, in_sight;

  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, window);
  first_frame.texture = prep_test_render (window);
  g_object_set_data (G_OBJECT (window), "first-frame-painted", GINT_TO_POINTER (TRUE));
  first_frame.has_page = answer != NULL;
  if (answer != NULL &&
      gtk_widget_compute_bounds (answer, window, &bounds) &&
      gtk_widget_compute_bounds (page, window, &in_sight) &&
      graphene_rect_intersection (&bounds, &in_sight, &first_frame.answer))
    return;
  first_frame.answer = GRAPHENE_RECT_INIT (0, 0, 0, 0);
}

/* The answer's height in each frame until it is rendered: the part of
 * the page in sight below its top, however little text it had so far.
 * It had as much as its text, 291 px of 294 in the first frame of a
 * restored start: its clip grew by 3 px as the text was added, and GTK
 * redrew the whole answer in sight in the next frame (issue 15). */
static void
growing_paint_cb (GdkFrameClock *clock,
                  GtkWidget     *window)
{
  GtkWidget *answer = prep_test_find_descendant (window, PREP_TYPE_ANSWER_VIEW);
  GtkWidget *page = answer ? gtk_widget_get_ancestor (answer, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  graphene_rect_t bounds;
  int in_sight;

  if (answer == NULL || !gtk_widget_get_mapped (answer))
    return;

  g_assert_true (gtk_widget_compute_bounds (answer, page, &bounds));
  in_sight = gtk_widget_get_height (page) - MAX ((int) bounds.origin.y, 0);
  first_frame.frames++;
  if (gtk_widget_get_height (answer) != in_sight)
    {
      g_test_message ("frame %u: the answer is %d px high, %d px of the page in sight below its top",
                      first_frame.frames, gtk_widget_get_height (answer), in_sight);
      first_frame.wrong++;
    }

  if (prep_answer_view_get_rendered (PREP_ANSWER_VIEW (answer)))
    g_signal_handlers_disconnect_by_func (clock, growing_paint_cb, window);
}

/* GTK and libadwaita add their icons at start-up, and the change of icon
 * theme that follows has every widget styled again. Handled after the
 * first frame, it had the whole window laid out and drawn again: 20 to
 * 30 ms here (issue 15). */
static void
icon_theme_changed_cb (GtkIconTheme *theme,
                       GtkWidget    *window)
{
  if (g_object_get_data (G_OBJECT (window), "first-frame-painted"))
    first_frame.restyled++;
}

static gboolean
window_realized_hook (GSignalInvocationHint *hint,
                      guint                  n_values,
                      const GValue          *values,
                      gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (PREP_IS_WINDOW (widget))
    {
      g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                        G_CALLBACK (first_paint_cb), widget);
      g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                        G_CALLBACK (growing_paint_cb), widget);
      g_signal_connect_object (gtk_icon_theme_get_for_display (gtk_widget_get_display (widget)), "changed",
                               G_CALLBACK (icon_theme_changed_cb), widget, 0);
      return FALSE;
    }

  return TRUE;
}

/* The next app window's first frame is kept in first_frame. The hook is
 * removed by itself once the window is realized. The class is made
 * first, for its signals, when a test runs alone. */
static void
watch_first_frame (void)
{
  g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
  first_frame.frames = first_frame.wrong = first_frame.restyled = 0;
  g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                              window_realized_hook, NULL, NULL);
}

static void
check_restored_first_frame (PrepApplication *app,
                            PrepWindow      *window)
{
  g_assert_nonnull (first_frame.texture);
  g_test_message ("answer in the first frame: %.0f,%.0f %.0fx%.0f",
                  first_frame.answer.origin.x, first_frame.answer.origin.y,
                  first_frame.answer.size.width, first_frame.answer.size.height);
  gdk_texture_save_to_png (first_frame.texture, g_test_get_filename (G_TEST_BUILT, "reader-restored-first-frame.png", NULL));

  /* Below the header and the short answer, the rest of the window. */
  g_assert_cmpfloat (first_frame.answer.size.height, >=, 150);
  g_assert_true (has_ink (first_frame.texture, &first_frame.answer));
  g_clear_object (&first_frame.texture);

  /* The answer came in more than one frame, and kept its size. */
  g_test_message ("%u frames until the answer was rendered", first_frame.frames);
  g_assert_cmpuint (first_frame.frames, >, 1);
  g_assert_cmpuint (first_frame.wrong, ==, 0);

  /* Nothing made every widget styled again after the first frame. */
  prep_test_spin (300);
  g_assert_cmpuint (first_frame.restyled, ==, 0);
}

static void
test_restored_first_frame (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "last-question", "self-attention");
  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 700);
  watch_first_frame ();
  g_assert_cmpint (prep_test_run_app (NULL, check_restored_first_frame), ==, 0);
  g_settings_reset (settings, "last-question");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* A first start (no question to restore) shows the empty page: its first
 * frame does not wait for the question page to be built (issue 15). The
 * page is built in the first idle moment after it, and the first question
 * opened shows at once. */
static void
check_fresh_first_frame (PrepApplication *app,
                         PrepWindow      *window)
{
  GtkWidget *answer;

  g_assert_nonnull (first_frame.texture);
  gdk_texture_save_to_png (first_frame.texture, g_test_get_filename (G_TEST_BUILT, "reader-fresh-first-frame.png", NULL));
  g_assert_false (first_frame.has_page);
  g_clear_object (&first_frame.texture);

  /* Built ahead, in an idle moment after the first frame; nothing made
   * every widget styled again. */
  prep_test_spin (500);
  g_assert_cmpuint (first_frame.restyled, ==, 0);
  answer = prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_ANSWER_VIEW);
  g_assert_nonnull (answer);
  g_assert_false (gtk_widget_get_mapped (answer));

  g_assert_true (prep_window_open_question (window, "what-is-llm"));
  prep_test_spin (300);
  g_assert_true (gtk_widget_get_mapped (answer));
  g_assert_cmpint (gtk_widget_get_height (answer), >, 100);
  g_assert_true (prep_window_open_question (window, "self-attention"));
  prep_test_spin (300);
  g_assert_true (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_ANSWER_VIEW) == answer);
}

static void
test_fresh_first_frame (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "last-question");
  watch_first_frame ();
  g_assert_cmpint (prep_test_run_app (NULL, check_fresh_first_frame), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  prep_test_init_ui (&argc, &argv);

  g_test_add_func ("/reader/keys", test_keys);
  g_test_add_func ("/reader/page-in-sight", test_page_in_sight);
  g_test_add_func ("/reader/history", test_history);
  g_test_add_func ("/reader/find", test_find);
  g_test_add_func ("/reader/follow-ups", test_follow_ups);
  g_test_add_func ("/reader/tables", test_tables);
  g_test_add_func ("/reader/zoom", test_zoom);
  g_test_add_func ("/reader/typography", test_typography);
  g_test_add_func ("/reader/restored-first-frame", test_restored_first_frame);
  g_test_add_func ("/reader/fresh-first-frame", test_fresh_first_frame);

  return g_test_run ();
}
