/* test-progress-ui.c: the Progress view as a person uses it, with key
 * presses and clicks through the window system: its figures from a seeded
 * review log, quizzes started from it, the interview plan, the empty state
 * of a first start, and its layout at 360 px and on a wide window.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "prep-answer-view.h"
#include "prep-application.h"
#include "prep-columns.h"
#include "prep-heatmap.h"
#include "prep-interview-row.h"
#include "prep-library.h"
#include "prep-notice-bar.h"
#include "prep-progress-view.h"
#include "prep-quiz-session.h"
#include "prep-question-view.h"
#include "prep-quiz-view.h"
#include "prep-review-store.h"
#include "prep-sidebar-row.h"
#include "prep-user-data.h"
#include "prep-test-utils.h"
#include "prep-window.h"

#define DAY (24 * 60 * 60)

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static AdwViewStack *
view_stack (PrepWindow *window)
{
  return ADW_VIEW_STACK (prep_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
}

static PrepProgressView *
open_progress (PrepWindow *window)
{
  GtkWidget *view;

  prep_test_press (GTK_WIDGET (window), "ctrl+3");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack (window)), ==, "progress");
  view = prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_PROGRESS_VIEW);
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (view));

  return PREP_PROGRESS_VIEW (view);
}

static const char *
label_text (GtkWidget  *view,
            const char *css_class)
{
  GtkWidget *label = prep_test_find_with_class (view, css_class);

  g_assert_nonnull (label);
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
assert_label_uint (GtkWidget  *view,
                   const char *css_class,
                   guint       value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  g_assert_cmpstr (label_text (view, css_class), ==, text);
}

/* The rows of a list box, in order. */
static GPtrArray *
list_rows (GtkWidget  *view,
           const char *css_class)
{
  GtkWidget *list = prep_test_find_with_class (view, css_class);
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_true (GTK_IS_LIST_BOX (list));
  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      g_ptr_array_add (rows, child);

  return rows;
}

static GtkWidget *
find_action_button (GtkWidget  *view,
                    const char *action_name)
{
  g_autoptr(GPtrArray) buttons = prep_test_collect (view, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), action_name) == 0)
      return g_ptr_array_index (buttons, i);

  g_assert_not_reached ();
}

/* The answered questions of "basics", in the library's order. */
static GPtrArray *
basics_questions (PrepLibrary *library)
{
  PrepCategory *basics = prep_library_lookup_category (library, "basics");
  GListModel *questions = prep_category_get_questions (basics);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0, n = g_list_model_get_n_items (questions); i < n; i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);

      if (prep_question_get_has_answer (question))
        g_ptr_array_add (found, (gpointer) prep_question_get_id (question));
    }

  return found;
}

/* Eight reviews of six questions on three study days: three days ago,
 * yesterday and today, 45 s each. */
static void
seed_reviews (PrepReviewStore *reviews,
              GPtrArray       *ids)
{
  gint64 time = now ();
  gint64 today = prep_study_day_start (prep_study_day (time));
  gint64 earlier = MAX (today, time - 120);

  g_assert_cmpuint (ids->len, >=, 6);
  for (guint i = 0; i < 4; i++)
    g_assert_true (prep_review_store_grade_timed (reviews, g_ptr_array_index (ids, i), PREP_GRADE_GOOD,
                                                  PREP_REVIEW_FLASHCARD, today - 3 * DAY + 3600 + i, 45000));
  for (guint i = 4; i < 6; i++)
    g_assert_true (prep_review_store_grade_timed (reviews, g_ptr_array_index (ids, i), PREP_GRADE_AGAIN,
                                                  PREP_REVIEW_FLASHCARD, today - DAY + 3600 + i, 45000));
  g_assert_true (prep_review_store_grade_timed (reviews, g_ptr_array_index (ids, 0), PREP_GRADE_AGAIN,
                                                PREP_REVIEW_FLASHCARD, earlier, 45000));
  g_assert_true (prep_review_store_grade_timed (reviews, g_ptr_array_index (ids, 1), PREP_GRADE_GOOD,
                                                PREP_REVIEW_FLASHCARD, earlier + 1, 45000));
}

/* Whether @widget lies across the window's width, where a person sees it. */
static gboolean
within_width (GtkWidget  *widget,
              PrepWindow *window)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds))
    return FALSE;

  return bounds.origin.x >= 0 && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (GTK_WIDGET (window));
}

static void
check_layout (PrepWindow       *window,
              PrepProgressView *view,
              int               width,
              guint             n_columns,
              const char       *name)
{
  PrepColumns *columns = PREP_COLUMNS (prep_test_find_descendant (GTK_WIDGET (view), PREP_TYPE_COLUMNS));
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strdup_printf ("progress-%s-light.png", name);
  g_autofree char *dark = g_strdup_printf ("progress-%s-dark.png", name);
  g_autofree char *whole = g_strdup_printf ("progress-%s-sections.png", name);
  GtkWidget *first_section;
  graphene_rect_t first, second;

  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);

  g_assert_cmpuint (prep_columns_get_n_columns (columns), ==, n_columns);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (columns)); child; child = gtk_widget_get_next_sibling (child))
    g_assert_true (within_width (child, window));
  g_assert_true (within_width (GTK_WIDGET (columns), window));

  /* In two columns the second section is beside the first, in one under it. */
  first_section = gtk_widget_get_first_child (GTK_WIDGET (columns));
  g_assert_true (gtk_widget_compute_bounds (first_section, GTK_WIDGET (columns), &first));
  g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_next_sibling (first_section), GTK_WIDGET (columns), &second));
  if (n_columns == 2)
    g_assert_cmpfloat (second.origin.x, >=, first.origin.x + first.size.width);
  else
    g_assert_cmpfloat (second.origin.y, >=, first.origin.y + first.size.height);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_save_screenshot (GTK_WIDGET (window), light);
  /* Every section, also those scrolled out of sight (with no background
   * of its own: dark text on a transparent one). */
  prep_test_save_screenshot (GTK_WIDGET (columns), whole);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_save_screenshot (GTK_WIDGET (window), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
check_figures (PrepApplication *app,
               PrepWindow      *window)
{
  PrepLibrary *library = prep_application_get_library (app);
  PrepReviewStore *reviews = prep_application_get_reviews (app);
  g_autoptr(GPtrArray) ids = basics_questions (library);
  g_autoptr(GPtrArray) coverage = NULL;
  g_autoptr(GPtrArray) weakest = NULL;
  g_autoptr(GArray) weak = NULL;
  g_autofree char *streak = NULL;
  g_autofree char *time = NULL;
  g_autofree char *heatmap_text = NULL;
  g_autofree char *days = NULL;
  const PrepProgressToday *today;
  PrepProgressView *view;
  PrepProgress *progress;
  GArray *categories;

  seed_reviews (reviews, ids);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);

  /* Built when first shown, by Ctrl+3. */
  g_assert_null (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_PROGRESS_VIEW));
  view = open_progress (window);
  progress = prep_progress_view_get_progress (view);
  g_assert_nonnull (progress);
  today = prep_progress_get_today (progress);

  /* Today: two reviews of 45 s, on a streak of yesterday and today. */
  g_assert_cmpuint (today->n_reviews, ==, 2);
  g_assert_cmpuint (today->streak, ==, 2);
  assert_label_uint (GTK_WIDGET (view), "progress-reviews", 2);
  assert_label_uint (GTK_WIDGET (view), "progress-due", today->n_due);
  assert_label_uint (GTK_WIDGET (view), "progress-new", today->n_new);
  g_assert_cmpuint (today->n_new, ==, prep_quiz_count_available (library, reviews, NULL,
                                                                  &(PrepQuizOptions) { .set = PREP_QUIZ_SET_NEW, .now = now () }));
  streak = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", 2), 2);
  g_assert_cmpstr (label_text (GTK_WIDGET (view), "progress-streak"), ==, streak);
  time = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", 2), 2);
  g_assert_cmpstr (label_text (GTK_WIDGET (view), "progress-time"), ==, time);

  /* The heatmap's summary: eight reviews on three days. */
  days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", 3), 3);
  heatmap_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review on %s in the last year",
                                               "%u reviews on %s in the last year", 8), 8, days);
  g_assert_cmpstr (prep_heatmap_get_summary (PREP_HEATMAP (prep_test_find_descendant (GTK_WIDGET (view), PREP_TYPE_HEATMAP))),
                   ==, heatmap_text);

  /* A row per category, basics first with six questions reviewed and
   * a recall percentage; the others have none ("—"). */
  categories = prep_progress_get_categories (progress);
  coverage = list_rows (GTK_WIDGET (view), "progress-coverage");
  g_assert_cmpuint (coverage->len, ==, categories->len);
  g_assert_cmpuint (coverage->len, ==, g_list_model_get_n_items (prep_library_get_categories (library)));
  g_assert_cmpstr (g_object_get_data (g_ptr_array_index (coverage, 0), "category-id"), ==, "basics");
  g_assert_cmpstr (label_text (g_ptr_array_index (coverage, 0), "coverage-recall"), !=, "—");
  g_assert_cmpstr (label_text (g_ptr_array_index (coverage, 1), "coverage-recall"), ==, "—");
  {
    const PrepProgressCategory *basics = &g_array_index (categories, PrepProgressCategory, 0);

    g_assert_cmpuint (basics->n_learning + basics->n_young + basics->n_mature, ==, 6);
  }

  /* The weakest: the six reviewed questions, weakest first. */
  weak = prep_progress_dup_weakest (progress, 10);
  weakest = list_rows (GTK_WIDGET (view), "progress-weakest");
  g_assert_cmpuint (weakest->len, ==, 6);
  g_assert_cmpuint (weak->len, ==, 6);
  for (guint i = 0; i < weakest->len; i++)
    g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (weakest, i)), ==,
                     prep_question_get_title (g_array_index (weak, PrepProgressWeak, i).question));

  /* Grading elsewhere shows at once. */
  g_assert_true (prep_review_store_grade_timed (reviews, g_ptr_array_index (ids, 2), PREP_GRADE_GOOD,
                                                PREP_REVIEW_CHOICE, now (), 45000));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  assert_label_uint (GTK_WIDGET (view), "progress-reviews", 3);

  check_layout (window, view, 1000, 2, "wide");
  check_layout (window, view, 360, 1, "narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  prep_test_wait_for_frame (GTK_WIDGET (window));
}

static void
test_figures (void)
{
  prep_test_run_first_start (check_figures);
}

/* Quizzes and questions opened from the page, by click and by key. */
static void
check_actions (PrepApplication *app,
               PrepWindow      *window)
{
  PrepLibrary *library = prep_application_get_library (app);
  PrepReviewStore *reviews = prep_application_get_reviews (app);
  g_autoptr(GPtrArray) ids = basics_questions (library);
  g_autoptr(GPtrArray) coverage = NULL;
  g_autoptr(GPtrArray) weakest = NULL;
  g_auto(GStrv) weak_ids = NULL;
  PrepProgressView *view;
  PrepQuizView *quiz;
  PrepQuizSession *session;
  GListModel *questions;
  GtkWidget *button;
  const char *category;
  const char *title;

  seed_reviews (reviews, ids);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  view = open_progress (window);

  /* Enter on the row of the second category quizzes it. */
  coverage = list_rows (GTK_WIDGET (view), "progress-coverage");
  category = g_object_get_data (g_ptr_array_index (coverage, 1), "category-id");
  gtk_widget_grab_focus (g_ptr_array_index (coverage, 1));
  prep_test_press (GTK_WIDGET (window), "Return");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack (window)), ==, "quiz");
  quiz = PREP_QUIZ_VIEW (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_QUIZ_VIEW));
  session = prep_quiz_view_get_session (quiz);
  g_assert_nonnull (session);
  questions = prep_quiz_session_get_questions (session);
  g_assert_cmpuint (g_list_model_get_n_items (questions), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);

      g_assert_cmpstr (prep_question_get_category_id (question), ==, category);
    }
  prep_test_press (GTK_WIDGET (window), "ctrl+e");

  /* A click on a weak question opens it in the Study view. */
  view = open_progress (window);
  weakest = list_rows (GTK_WIDGET (view), "progress-weakest");
  title = adw_preferences_row_get_title (g_ptr_array_index (weakest, 2));
  {
    g_autofree char *expected = g_strdup (title);

    /* Scrolled into sight by the focus, as Tab would. */
    gtk_widget_grab_focus (g_ptr_array_index (weakest, 2));
    prep_test_wait_for_frame (GTK_WIDGET (window));
    prep_test_click (g_ptr_array_index (weakest, 2));
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack (window)), ==, "study");
    g_assert_nonnull (prep_window_get_question (window));
    g_assert_cmpstr (prep_question_get_title (prep_window_get_question (window)), ==, expected);
  }

  /* Quiz These: exactly the weakest questions. */
  view = open_progress (window);
  {
    g_autoptr(GArray) weak = prep_progress_dup_weakest (prep_progress_view_get_progress (view), 10);
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

    for (guint i = 0; i < weak->len; i++)
      g_strv_builder_add (builder, prep_question_get_id (g_array_index (weak, PrepProgressWeak, i).question));
    weak_ids = g_strv_builder_end (builder);
  }
  button = find_action_button (GTK_WIDGET (view), "progress.quiz-weakest");
  gtk_widget_grab_focus (button);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_click (button);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack (window)), ==, "quiz");
  session = prep_quiz_view_get_session (quiz);
  questions = prep_quiz_session_get_questions (session);
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, g_strv_length (weak_ids));
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);

      g_assert_true (g_strv_contains ((const char * const *) weak_ids, prep_question_get_id (question)));
    }
  prep_test_press (GTK_WIDGET (window), "ctrl+e");
}

static void
test_actions (void)
{
  prep_test_run_first_start (check_actions);
}

static GtkWidget *
find_preferences (PrepApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (prep_test_find_descendant (l->data, PREP_TYPE_INTERVIEW_ROW))
      return l->data;

  return NULL;
}

/* Preferences (Ctrl+,): a date picked from the calendar, then cleared. */
static void
check_preferences (PrepApplication *app,
                   PrepWindow      *window,
                   GSettings       *settings,
                   const char      *date)
{
  g_autoptr(GDateTime) picked = NULL;
  g_autofree char *set = NULL;
  g_autofree char *label = NULL;
  GtkWidget *preferences, *row, *button, *calendar;
  int year, month, day;

  prep_test_press (GTK_WIDGET (window), "ctrl+comma");
  preferences = find_preferences (app);
  g_assert_nonnull (preferences);
  prep_test_wait_for_frame (preferences);
  row = prep_test_find_descendant (preferences, PREP_TYPE_INTERVIEW_ROW);
  button = prep_test_find_with_class (row, "interview-date");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, _("Not Set"));
  g_assert_false (gtk_widget_get_visible (prep_test_find_with_class (row, "interview-clear")));

  /* Opening the calendar sets nothing; a day picked sets the date. */
  prep_test_click (button);
  calendar = prep_test_find_descendant (row, GTK_TYPE_CALENDAR);
  g_assert_true (gtk_widget_get_mapped (calendar));
  set = g_settings_get_string (settings, "interview-date");
  g_assert_cmpstr (set, ==, "");
  g_assert_cmpint (sscanf (date, "%d-%d-%d", &year, &month, &day), ==, 3);
  picked = g_date_time_new_local (year, month, day, 12, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), picked);
  prep_test_wait_for_frame (preferences);
  g_free (set);
  set = g_settings_get_string (settings, "interview-date");
  g_assert_cmpstr (set, ==, date);
  g_assert_false (gtk_widget_get_mapped (calendar));
  label = g_date_time_format (picked, _("%b %-d, %Y"));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, label);
  prep_test_save_screenshot (preferences, "progress-preferences.png");

  prep_test_click (prep_test_find_with_class (row, "interview-clear"));
  g_free (set);
  set = g_settings_get_string (settings, "interview-date");
  g_assert_cmpstr (set, ==, "");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

static char *
date_in (int days)
{
  return prep_study_day_to_date (prep_study_day (now ()) + days);
}

/* The interview plan, from the setting as Preferences sets it. */
static void
check_interview (PrepApplication *app,
                 PrepWindow      *window)
{
  PrepLibrary *library = prep_application_get_library (app);
  PrepReviewStore *reviews = prep_application_get_reviews (app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) ids = basics_questions (library);
  g_autofree char *in_20 = date_in (20);
  g_autofree char *in_2 = date_in (2);
  g_autofree char *past = date_in (-1);
  g_autofree char *days_left = NULL;
  g_autofree char *per_day = NULL;
  PrepInterviewPlan plan;
  guint n_new;
  PrepProgressView *view;
  GtkWidget *notice, *final_button;
  const char *plan_text;

  seed_reviews (reviews, ids);
  check_preferences (app, window, settings, in_20);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  view = open_progress (window);
  /* Copied: the figures are computed again when the date changes. */
  n_new = prep_progress_get_today (prep_progress_view_get_progress (view))->n_new;
  final_button = find_action_button (GTK_WIDGET (view), "progress.final-review");

  /* No date: what setting one does. */
  g_assert_cmpstr (label_text (GTK_WIDGET (view), "progress-plan"), ==,
                   _("Set the date of your interview: reviews are then scheduled to be due before it, "
                     "and this page says how many new questions to learn each day."));
  g_assert_cmpint (prep_review_store_get_interview_day (reviews), ==, 0);

  /* In 20 days: the store caps at that study day, and the plan spreads
   * the new questions over the 17 days before the last three. */
  g_settings_set_string (settings, "interview-date", in_20);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpint (prep_review_store_get_interview_day (reviews), ==, prep_study_day (now ()) + 20);
  g_assert_true (prep_progress_plan_interview (prep_study_day (now ()) + 20, prep_study_day (now ()),
                                               n_new, G_MAXUINT, &plan));
  g_assert_cmpuint (plan.days_left, ==, 20);
  g_assert_cmpuint (plan.per_day, ==, (n_new + 16) / 17);
  plan_text = label_text (GTK_WIDGET (view), "progress-plan");
  days_left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day left.", "%u days left.", 20), 20);
  per_day = g_strdup_printf (" %u ", plan.per_day);
  g_test_message ("plan: %s", plan_text);
  g_assert_true (g_str_has_prefix (plan_text, days_left));
  /* The number a day, between words or, in Chinese, between characters. */
  g_assert_true (strstr (plan_text, per_day) != NULL || strstr (plan_text, g_strstrip (per_day)) != NULL);
  g_assert_false (gtk_widget_get_visible (final_button));
  prep_test_save_screenshot (GTK_WIDGET (window), "progress-interview.png");

  /* The Quiz view's New offers as many as the plan asks a day. */
  prep_test_press (GTK_WIDGET (window), "ctrl+2");
  prep_test_wait_for_frame (GTK_WIDGET (window));
  {
    GtkWidget *quiz = prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_QUIZ_VIEW);
    g_autoptr(GPtrArray) combos = prep_test_collect (quiz, ADW_TYPE_COMBO_ROW);
    g_autoptr(GPtrArray) rows = prep_test_collect (quiz, ADW_TYPE_ACTION_ROW);
    GtkSpinButton *count = NULL;
    AdwComboRow *set = NULL;

    for (guint i = 0; i < combos->len; i++)
      if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (combos, i)), _("Which Questions")))
        set = g_ptr_array_index (combos, i);
    for (guint i = 0; i < rows->len; i++)
      if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), _("How Many")))
        count = GTK_SPIN_BUTTON (prep_test_find_descendant (g_ptr_array_index (rows, i), GTK_TYPE_SPIN_BUTTON));
    g_assert_nonnull (set);
    g_assert_nonnull (count);
    gtk_spin_button_set_value (count, 10);
    adw_combo_row_set_selected (set, PREP_QUIZ_SET_NEW);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (count), ==, plan.per_day);
    adw_combo_row_set_selected (set, PREP_QUIZ_SET_ALL);
  }
  prep_test_press (GTK_WIDGET (window), "ctrl+3");
  prep_test_wait_for_frame (GTK_WIDGET (window));

  /* In the last three days: the final review, of the least recalled. */
  g_settings_set_string (settings, "interview-date", in_2);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_visible (final_button));
  prep_test_click (final_button);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack (window)), ==, "quiz");
  {
    PrepQuizView *quiz = PREP_QUIZ_VIEW (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_QUIZ_VIEW));

    g_assert_cmpuint (prep_quiz_session_get_n_items (prep_quiz_view_get_session (quiz)), ==, 6);
  }
  prep_test_press (GTK_WIDGET (window), "ctrl+e");

  /* Passed: the page offers to clear it, and Clear does. */
  g_settings_set_string (settings, "interview-date", past);
  view = open_progress (window);
  notice = NULL;
  {
    g_autoptr(GPtrArray) bars = prep_test_collect (GTK_WIDGET (view), PREP_TYPE_NOTICE_BAR);

    for (guint i = 0; i < bars->len; i++)
      if (prep_notice_bar_get_text (g_ptr_array_index (bars, i)) != NULL)
        notice = g_ptr_array_index (bars, i);
  }
  g_assert_nonnull (notice);
  g_assert_cmpstr (prep_test_notice_in_sight (GTK_WIDGET (view)), ==, prep_notice_bar_get_text (PREP_NOTICE_BAR (notice)));
  prep_test_save_screenshot (GTK_WIDGET (window), "progress-interview-passed.png");
  {
    g_autoptr(GPtrArray) buttons = prep_test_collect (notice, GTK_TYPE_BUTTON);
    GtkWidget *clear = NULL;

    for (guint i = 0; i < buttons->len; i++)
      if (gtk_widget_get_mapped (g_ptr_array_index (buttons, i)))
        clear = clear ? clear : g_ptr_array_index (buttons, i);
    g_assert_nonnull (clear);
    prep_test_click (clear);
  }
  {
    g_autofree char *date = g_settings_get_string (settings, "interview-date");

    g_assert_cmpstr (date, ==, "");
  }
  g_assert_null (prep_test_notice_in_sight (GTK_WIDGET (view)));
  g_assert_cmpint (prep_review_store_get_interview_day (reviews), ==, 0);
}

static void
test_interview (void)
{
  prep_test_run_first_start (check_interview);
}

/* A start after the interview date: the window asks, in a toast, whether
 * to clear it, and its button does. */
static void
check_interview_passed (PrepApplication *app,
                        PrepWindow      *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) buttons = NULL;
  g_autofree char *date = NULL;
  GtkWidget *clear = NULL;

  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_save_screenshot (GTK_WIDGET (window), "progress-interview-passed-toast.png");
  buttons = prep_test_collect (GTK_WIDGET (window), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *label = gtk_button_get_label (g_ptr_array_index (buttons, i));

      if (label != NULL && g_str_equal (label, _("_Clear Date")) &&
          gtk_widget_get_mapped (g_ptr_array_index (buttons, i)))
        clear = g_ptr_array_index (buttons, i);
    }
  g_assert_nonnull (clear);
  prep_test_click (clear);
  date = g_settings_get_string (settings, "interview-date");
  g_assert_cmpstr (date, ==, "");
}

static void
test_interview_passed (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *past = date_in (-3);

  g_settings_set_string (settings, "interview-date", past);
  prep_test_run_first_start (check_interview_passed);
}

/* A first start: what will appear, and a way to the quiz. */
static void
check_empty (PrepApplication *app,
             PrepWindow      *window)
{
  PrepProgressView *view;
  GtkWidget *status, *button;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  view = open_progress (window);
  status = prep_test_find_with_class (GTK_WIDGET (view), "progress-empty");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, _("No Progress Yet"));
  g_assert_true (within_width (status, window));
  prep_test_save_screenshot (GTK_WIDGET (window), "progress-empty-narrow.png");

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_save_screenshot (GTK_WIDGET (window), "progress-empty.png");

  /* The focus is on the button; Enter goes to the Quiz view. */
  button = prep_test_find_with_class (status, "suggested-action");
  gtk_widget_grab_focus (button);
  prep_test_press (GTK_WIDGET (window), "Return");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack (window)), ==, "quiz");
}

static void
test_empty (void)
{
  prep_test_run_first_start (check_empty);
}

/* Reading progress: an answer scrolled to its end is read, marked in the
 * list, and the Progress page goes on with the next one. */
static void
check_reading (PrepApplication *app,
               PrepWindow      *window)
{
  PrepLibrary *library = prep_application_get_library (app);
  PrepUserData *user_data = prep_application_get_user_data (app);
  g_autoptr(GPtrArray) ids = basics_questions (library);
  g_autoptr(GPtrArray) rows = NULL;
  PrepQuestionView *page;
  PrepProgressView *view;
  GtkWidget *row;
  GtkAdjustment *adjustment;
  const char *first = g_ptr_array_index (ids, 0);
  const char *second = g_ptr_array_index (ids, 1);
  gboolean marked = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  prep_test_wait_for_frame (GTK_WIDGET (window));

  /* Opened, not yet at its end: not read. */
  g_assert_true (prep_window_open_question (window, first));
  page = PREP_QUESTION_VIEW (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_QUESTION_VIEW));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  adjustment = prep_question_view_get_vadjustment (page);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  prep_test_spin (1500);
  g_assert_false (prep_user_data_get_read (user_data, first));

  /* The page is rendered whole, follow-ups and figures included: the
   * answer's last section, then the follow-up rows made after it, then a
   * height that holds. */
  for (guint i = 0; i < 100; i++)
    {
      PrepAnswerView *answer = PREP_ANSWER_VIEW (prep_test_find_descendant (GTK_WIDGET (page), PREP_TYPE_ANSWER_VIEW));
      g_autoptr(GPtrArray) follow_ups = prep_test_collect (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW);

      if (prep_answer_view_get_rendered (answer) && follow_ups->len > 0)
        break;
      prep_test_spin (100);
    }
  for (guint i = 0, still = 0; i < 50 && still < 5; i++)
    {
      double upper = gtk_adjustment_get_upper (adjustment);

      prep_test_spin (100);
      still = fabs (gtk_adjustment_get_upper (adjustment) - upper) < 1 ? still + 1 : 0;
    }

  /* End scrolls to the end; a second after the page holds still there,
   * it is read (within 5 s on a loaded machine). */
  prep_question_view_focus_page (page);
  prep_test_press (GTK_WIDGET (window), "End");
  for (guint i = 0; i < 50 && !prep_user_data_get_read (user_data, first); i++)
    {
      /* A page that grew after End (a late relayout on a loaded machine)
       * is not at its end: End again, as a reader would. */
      if (i % 10 == 9 && gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
                         gtk_adjustment_get_upper (adjustment) - 1)
        prep_test_press (GTK_WIDGET (window), "End");
      prep_test_spin (100);
    }
  g_test_message ("value %.0f + page %.0f of %.0f", gtk_adjustment_get_value (adjustment),
                  gtk_adjustment_get_page_size (adjustment), gtk_adjustment_get_upper (adjustment));
  g_assert_true (prep_user_data_get_read (user_data, first));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  rows = prep_test_collect (GTK_WIDGET (window), PREP_TYPE_SIDEBAR_ROW);
  for (guint i = 0; i < rows->len; i++)
    marked = marked || prep_sidebar_row_get_read (g_ptr_array_index (rows, i));
  g_assert_true (marked);
  prep_test_save_screenshot (GTK_WIDGET (window), "progress-read-mark.png");

  /* Ctrl+M takes the mark back, and puts it again, without scrolling. */
  g_object_get (window, "question-read", &marked, NULL);
  g_assert_true (marked);
  prep_test_press (GTK_WIDGET (window), "ctrl+m");
  g_assert_false (prep_user_data_get_read (user_data, first));
  g_object_get (window, "question-read", &marked, NULL);
  g_assert_false (marked);
  prep_test_press (GTK_WIDGET (window), "ctrl+m");
  g_assert_true (prep_user_data_get_read (user_data, first));

  /* The page opens although nothing was graded, and continues with the
   * next question; Enter opens it. */
  view = open_progress (window);
  g_assert_true (gtk_widget_get_mapped (prep_test_find_with_class (GTK_WIDGET (view), "progress-continue")));
  row = prep_test_find_with_class (GTK_WIDGET (view), "progress-continue");
  {
    PrepQuestion *next = prep_library_lookup_question (library, second);

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, prep_question_get_title (next));
  }
  gtk_widget_grab_focus (row);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_press (GTK_WIDGET (window), "Return");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack (window)), ==, "study");
  g_assert_cmpstr (prep_question_get_id (prep_window_get_question (window)), ==, second);
}

static void
test_reading (void)
{
  prep_test_run_first_start (check_reading);
}

int
main (int   argc,
      char *argv[])
{
  prep_test_init_ui (&argc, &argv);

  g_test_add_func ("/progress-ui/empty", test_empty);
  g_test_add_func ("/progress-ui/figures", test_figures);
  g_test_add_func ("/progress-ui/actions", test_actions);
  g_test_add_func ("/progress-ui/interview", test_interview);
  g_test_add_func ("/progress-ui/interview-passed", test_interview_passed);
  g_test_add_func ("/progress-ui/reading", test_reading);

  return g_test_run ();
}
