/* test-quiz-ui.c: the quiz as a person uses it, with key presses through
 * the window system: the start page, every documented key of a mock
 * interview with the focus in the draft, and the multiple-choice feedback
 * read from the rendered pixels.
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
#include "prep-card-view.h"
#include "prep-choice-view.h"
#include "prep-library.h"
#include "prep-quiz-session.h"
#include "prep-quiz-view.h"
#include "prep-review-store.h"
#include "prep-search-result.h"
#include "prep-sidebar.h"
#include "prep-test-utils.h"
#include "prep-window.h"

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static PrepQuizView *
open_quiz (PrepWindow *window)
{
  GtkWidget *quiz;

  prep_test_press (GTK_WIDGET (window), "ctrl+2");
  quiz = prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_QUIZ_VIEW);
  g_assert_nonnull (quiz);
  g_assert_true (gtk_widget_get_mapped (quiz));

  return PREP_QUIZ_VIEW (quiz);
}

static GtkWidget *
focus (PrepWindow *window)
{
  return gtk_window_get_focus (GTK_WINDOW (window));
}

static char *
draft_text (GtkTextView *draft)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (draft);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Whether @widget is wholly inside the window, where a person sees it. */
static gboolean
in_sight (GtkWidget  *widget,
          PrepWindow *window)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds))
    return FALSE;

  return bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (GTK_WIDGET (window)) &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (window));
}

/* Start page (review m4, m10): a positive status, Start always in sight,
 * and messages that say what to do when nothing matches. */
static void
check_start_page (PrepApplication *app,
                  PrepWindow      *window)
{
  PrepLibrary *library = prep_application_get_library (app);
  PrepReviewStore *reviews = prep_application_get_reviews (app);
  PrepQuizOptions new_options = { .set = PREP_QUIZ_SET_NEW, .now = now () };
  g_autofree char *status = NULL;
  GtkWidget *start, *match, *title;
  AdwComboRow *set_row;
  GPtrArray *checks;
  PrepQuizView *quiz;
  guint n_new;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  quiz = open_quiz (window);
  start = prep_test_find_with_class (GTK_WIDGET (quiz), "quiz-start");
  match = prep_test_find_with_class (GTK_WIDGET (quiz), "quiz-match");
  title = prep_test_find_with_class (GTK_WIDGET (quiz), "quiz-status");

  /* A first start leads with what is ready, not with what is not due. */
  n_new = prep_quiz_count_available (library, reviews, NULL, &new_options);
  g_assert_cmpuint (n_new, >, 0);
  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u New Question Ready", "%u New Questions Ready", n_new), n_new);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, status);

  /* Start is in sight with seven categories listed, and has the focus. */
  g_assert_true (in_sight (start, window));
  g_assert_true (focus (window) == start);
  prep_test_save_screenshot (GTK_WIDGET (window), "quiz-start.png");

  /* So in a phone-sized window. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 294);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (in_sight (start, window));
  prep_test_save_screenshot (GTK_WIDGET (window), "quiz-start-360.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  prep_test_wait_for_frame (GTK_WIDGET (window));

  /* Nothing due: the message says so, not "no questions match". */
  set_row = ADW_COMBO_ROW (prep_test_find_descendant (GTK_WIDGET (quiz), ADW_TYPE_COMBO_ROW));
  adw_combo_row_set_selected (set_row, PREP_QUIZ_SET_DUE);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (match)), ==,
                   _("Nothing is due yet: questions are scheduled once you grade them as flashcards or in a mock interview"));
  g_assert_false (gtk_widget_get_sensitive (start));
  adw_combo_row_set_selected (set_row, PREP_QUIZ_SET_ALL);
  g_assert_true (gtk_widget_get_sensitive (start));

  /* No category ticked: say to pick one. */
  checks = prep_test_collect (prep_test_find_with_class (GTK_WIDGET (quiz), "quiz-categories"),
                              GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, ==, g_list_model_get_n_items (prep_library_get_categories (library)));
  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (checks, i), FALSE);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (match)), ==, _("Pick at least one category"));
  g_assert_false (gtk_widget_get_sensitive (start));
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
  g_assert_true (gtk_widget_get_sensitive (start));
  g_ptr_array_unref (checks);

  /* Enter on Start starts. */
  gtk_widget_grab_focus (start);
  prep_test_press (GTK_WIDGET (window), "Return");
  g_assert_nonnull (prep_quiz_view_get_session (quiz));

  /* Ending before any answer says that nothing was recorded. */
  prep_test_press (GTK_WIDGET (window), "ctrl+e");
  g_assert_true (prep_quiz_session_get_finished (prep_quiz_view_get_session (quiz)));
  g_assert_nonnull (prep_test_find_with_class (GTK_WIDGET (quiz), "quiz-summary-detail"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (prep_test_find_with_class (GTK_WIDGET (quiz), "quiz-summary-detail"))),
                   ==, _("Nothing was answered in this session, so nothing was recorded."));
  prep_test_save_screenshot (GTK_WIDGET (window), "quiz-summary-empty.png");
}

static void
test_start_page (void)
{
  prep_test_run_first_start (check_start_page);
}

/* Runs the main loop until the countdown has shown the key points, or 20 s. */
static gboolean
wait_for_time_up (PrepQuizSession *session)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!prep_quiz_session_get_revealed (session) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  return prep_quiz_session_get_revealed (session);
}

/* Mock interview (review M1, m6): with the focus in the draft, letters,
 * digits and Space are typing; Ctrl+Enter shows the key points, Ctrl+P
 * pauses, Ctrl+Z undoes typing then the last grade, Ctrl+E ends. Once
 * the key points are shown (by the key or the clock), the focus has left
 * the draft and A–H, N and 1–4 do what the shortcuts window says. No key
 * is lost, and no grade. */
static void
check_interview_keys (PrepApplication *app,
                      PrepWindow      *window)
{
  PrepReviewStore *reviews = prep_application_get_reviews (app);
  PrepQuizOptions options = { PREP_QUIZ_INTERVIEW, PREP_QUIZ_SET_ALL, NULL, 3, 3, now () };
  g_autofree char *text = NULL;
  PrepQuizSession *session;
  PrepCardView *card;
  GtkTextView *draft;
  GtkLabel *timer;
  PrepQuizView *quiz;
  guint time_left;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  quiz = open_quiz (window);
  g_assert_true (prep_quiz_view_start (quiz, &options, NULL));
  session = prep_quiz_view_get_session (quiz);
  card = PREP_CARD_VIEW (prep_test_find_descendant (GTK_WIDGET (quiz), PREP_TYPE_CARD_VIEW));
  timer = GTK_LABEL (prep_test_find_with_class (GTK_WIDGET (card), "quiz-timer"));
  g_assert_cmpuint (prep_card_view_get_time_limit (card), ==, 3 * 60);

  /* The draft has the focus; keys that are shortcuts elsewhere are text. */
  g_assert_true (GTK_IS_TEXT_VIEW (focus (window)));
  draft = GTK_TEXT_VIEW (focus (window));
  prep_test_type (GTK_WIDGET (window), "KV cache 1 2 3 a b n");
  text = draft_text (draft);
  g_assert_cmpstr (text, ==, "KV cache 1 2 3 a b n");
  g_clear_pointer (&text, g_free);
  g_assert_false (prep_quiz_session_get_revealed (session));
  g_assert_cmpuint (prep_review_store_get_n_log_entries (reviews), ==, 0);

  /* The countdown is in sight above the card. */
  g_assert_true (in_sight (GTK_WIDGET (timer), window));

  /* Ctrl+P pauses: the clock stands still and says so; again resumes. */
  prep_test_press (GTK_WIDGET (window), "ctrl+p");
  time_left = prep_card_view_get_time_left (card);
  g_free (text);
  text = g_strdup_printf (_("%u:%02u, paused"), time_left / 60, time_left % 60);
  g_assert_cmpstr (gtk_label_get_text (timer), ==, text);
  g_clear_pointer (&text, g_free);
  prep_test_spin (2200);
  g_assert_cmpuint (prep_card_view_get_time_left (card), ==, time_left);
  prep_test_press (GTK_WIDGET (window), "ctrl+p");
  prep_test_spin (2200);
  g_assert_cmpuint (prep_card_view_get_time_left (card), <, time_left);
  g_assert_true (focus (window) == GTK_WIDGET (draft));

  /* Ctrl+Enter shows the key points and breaks no line. */
  prep_test_press (GTK_WIDGET (window), "ctrl+Return");
  g_assert_true (prep_quiz_session_get_revealed (session));
  text = draft_text (draft);
  g_assert_cmpstr (text, ==, "KV cache 1 2 3 a b n");
  g_clear_pointer (&text, g_free);
  g_assert_false (focus (window) == GTK_WIDGET (draft));
  g_assert_false (gtk_text_view_get_editable (draft));

  /* Now the keys tick, ask and grade. */
  prep_test_press (GTK_WIDGET (window), "a b");
  g_assert_cmpuint (prep_quiz_session_get_n_covered (session), ==, 2);
  prep_test_press (GTK_WIDGET (window), "n");
  g_assert_cmpuint (prep_quiz_session_get_n_follow_ups_shown (session), ==, 1);
  prep_test_save_screenshot (GTK_WIDGET (window), "quiz-interview-revealed.png");
  prep_test_press (GTK_WIDGET (window), "3");
  g_assert_cmpuint (prep_quiz_session_get_position (session), ==, 1);
  g_assert_cmpuint (prep_review_store_get_n_log_entries (reviews), ==, 1);
  text = draft_text (draft);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  /* The next question: the draft has the focus again, empty. Ctrl+Z
   * there takes the last grade back, and the answer is graded again. */
  g_assert_true (focus (window) == GTK_WIDGET (draft));
  g_assert_true (gtk_text_view_get_editable (draft));
  prep_test_press (GTK_WIDGET (window), "ctrl+z");
  g_assert_cmpuint (prep_quiz_session_get_position (session), ==, 0);
  g_assert_cmpuint (prep_review_store_get_n_log_entries (reviews), ==, 0);
  g_assert_true (prep_quiz_session_get_revealed (session));
  g_assert_false (focus (window) == GTK_WIDGET (draft));
  prep_test_press (GTK_WIDGET (window), "4");
  g_assert_cmpuint (prep_quiz_session_get_position (session), ==, 1);
  g_assert_cmpuint (prep_review_store_get_n_log_entries (reviews), ==, 1);

  /* With typing in the draft, Ctrl+Z undoes the typing first. */
  g_assert_true (focus (window) == GTK_WIDGET (draft));
  prep_test_type (GTK_WIDGET (window), "x");
  prep_test_press (GTK_WIDGET (window), "ctrl+z");
  text = draft_text (draft);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (prep_quiz_session_get_position (session), ==, 1);
  g_assert_cmpuint (prep_review_store_get_n_log_entries (reviews), ==, 1);

  /* The clock runs out on the last question while the user types: the
   * key points are shown, "Time's up" is in sight, and the focus has
   * left the draft, so that 2 grades Hard instead of typing "2". */
  prep_card_view_set_time_limit (card, 10);
  prep_test_type (GTK_WIDGET (window), "y");
  prep_test_press (GTK_WIDGET (window), "1");
  text = draft_text (draft);
  g_assert_cmpstr (text, ==, "y1");
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (prep_quiz_session_get_position (session), ==, 1);
  prep_test_press (GTK_WIDGET (window), "ctrl+Return 2");
  g_assert_cmpuint (prep_quiz_session_get_position (session), ==, 2);
  g_assert_cmpuint (prep_review_store_get_n_log_entries (reviews), ==, 2);
  g_assert_cmpuint (prep_card_view_get_time_left (card), >=, 9);
  g_assert_cmpuint (prep_card_view_get_time_left (card), <=, 10);
  prep_test_type (GTK_WIDGET (window), "z");
  g_assert_true (wait_for_time_up (session));
  g_assert_cmpstr (gtk_label_get_text (timer), ==, _("Time’s up"));
  g_assert_true (in_sight (GTK_WIDGET (timer), window));
  g_assert_false (focus (window) == GTK_WIDGET (draft));
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prep_test_save_screenshot (GTK_WIDGET (window), "quiz-interview-time-up.png");
  prep_test_press (GTK_WIDGET (window), "2");
  text = draft_text (draft);
  g_assert_cmpstr (text, ==, "z");
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (prep_review_store_get_n_log_entries (reviews), ==, 3);
  g_assert_true (prep_quiz_session_get_finished (session));
  g_assert_cmpuint (prep_quiz_session_get_n_answered (session), ==, 3);
  prep_test_save_screenshot (GTK_WIDGET (window), "quiz-interview-summary.png");

  /* Ctrl+E ends a session with the focus in the draft. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (quiz), "quiz.new-session", NULL));
  options.now = now ();
  g_assert_true (prep_quiz_view_start (quiz, &options, NULL));
  session = prep_quiz_view_get_session (quiz);
  g_assert_true (focus (window) == GTK_WIDGET (draft));
  prep_test_press (GTK_WIDGET (window), "ctrl+e");
  g_assert_true (prep_quiz_session_get_finished (session));
  text = draft_text (draft);
  g_assert_cmpstr (text, ==, "");
}

static void
test_interview_keys (void)
{
  prep_test_run_first_start (check_interview_keys);
}

/* WCAG 2 relative luminance of an sRGB colour. */
static double
luminance (const guchar *pixel)
{
  double c[3];

  for (guint i = 0; i < 3; i++)
    {
      double v = pixel[i] / 255.0;

      c[i] = v <= 0.04045 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
    }

  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double
contrast (double a,
          double b)
{
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/* The contrast of the text in @label as drawn in @pixels (RGBA, of
 * @window): the background is the colour most of the label's area has,
 * the text the pixel that stands out most from it (a glyph's stem, drawn
 * at full colour). */
static double
label_contrast (GtkWidget    *label,
                GtkWidget    *window,
                const guchar *pixels,
                gsize         stride)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  graphene_rect_t bounds;
  guint32 background = 0;
  guint best = 0;
  double background_luminance, most = 1.0;
  int x0, y0, x1, y1;

  g_assert_true (gtk_widget_compute_bounds (label, window, &bounds));
  x0 = (int) ceil (bounds.origin.x);
  y0 = (int) ceil (bounds.origin.y);
  x1 = (int) floor (bounds.origin.x + bounds.size.width);
  y1 = (int) floor (bounds.origin.y + bounds.size.height);
  g_assert_cmpint (x1 - x0, >, 4);
  g_assert_cmpint (y1 - y0, >, 4);

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        const guchar *p = pixels + y * stride + x * 4;
        guint32 key = p[0] << 16 | p[1] << 8 | p[2];
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (key))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (key), GUINT_TO_POINTER (n));
        if (n > best)
          {
            best = n;
            background = key;
          }
      }

  {
    guchar rgb[3] = { background >> 16, (background >> 8) & 0xff, background & 0xff };
    background_luminance = luminance (rgb);
  }

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      most = MAX (most, contrast (luminance (pixels + y * stride + x * 4), background_luminance));

  return most;
}

/* Multiple choice (review M5): once answered, every option and every
 * explanation reads at 4.5:1 or more in light and dark, and the right and
 * the chosen wrong option carry a mark, not only a colour. */
static void
measure_choice (PrepWindow   *window,
                PrepQuizView *quiz,
                const char   *scheme)
{
  PrepChoiceView *view = PREP_CHOICE_VIEW (prep_test_find_descendant (GTK_WIDGET (quiz), PREP_TYPE_CHOICE_VIEW));
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GPtrArray) options = g_ptr_array_new ();
  g_autofree guchar *pixels = NULL;
  g_autofree char *shot = g_strdup_printf ("quiz-choice-%s.png", scheme);
  gsize stride;
  guint marks = 0;

  prep_test_wait_for_frame (GTK_WIDGET (window));
  texture = prep_test_render (GTK_WIDGET (window));
  stride = gdk_texture_get_width (texture) * 4;
  pixels = g_malloc (stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, pixels, stride);
  prep_test_save_screenshot (GTK_WIDGET (window), shot);

  for (GtkWidget *option = prep_test_find_with_class (GTK_WIDGET (view), "choice-option");
       option != NULL; option = gtk_widget_get_next_sibling (option))
    {
      GtkWidget *box = gtk_button_get_child (GTK_BUTTON (option));

      if (!gtk_widget_has_css_class (option, "choice-option") || !gtk_widget_get_visible (option))
        continue;

      g_assert_true (gtk_widget_get_sensitive (option));
      g_assert_false (gtk_widget_get_state_flags (option) & GTK_STATE_FLAG_INSENSITIVE);

      for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
        {
          if (GTK_IS_IMAGE (child) && gtk_widget_get_visible (child))
            marks++;
          if (GTK_IS_BOX (child))
            for (GtkWidget *label = gtk_widget_get_first_child (child); label; label = gtk_widget_get_next_sibling (label))
              if (GTK_IS_LABEL (label) && gtk_widget_get_visible (label))
                {
                  double ratio = label_contrast (label, GTK_WIDGET (window), pixels, stride);
                  g_autofree char *start = g_utf8_substring (gtk_label_get_text (GTK_LABEL (label)), 0, 12);

                  g_test_message ("%s, %s%s: %.2f:1 \"%s…\"", scheme,
                                  gtk_widget_has_css_class (option, "choice-right") ? "right option" :
                                  gtk_widget_has_css_class (option, "choice-wrong") ? "wrong option" : "other option",
                                  gtk_widget_has_css_class (label, "caption") ? " explanation" : "",
                                  ratio, start);
                  g_assert_cmpfloat (ratio, >=, 4.5);
                }
        }
      g_ptr_array_add (options, option);
    }

  g_assert_cmpuint (options->len, ==, PREP_QUIZ_N_OPTIONS);
  /* A tick on the right option and a cross on the wrong one chosen. */
  g_assert_cmpuint (marks, ==, 2);
}

static void
check_choice_contrast (PrepApplication *app,
                       PrepWindow      *window)
{
  const char *basics[] = { "basics", NULL };
  PrepQuizOptions options = { PREP_QUIZ_CHOICE, PREP_QUIZ_SET_ALL, basics, 2, 11, now () };
  AdwStyleManager *style = adw_style_manager_get_default ();
  PrepQuizSession *session;
  PrepQuizView *quiz;
  guint right;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
  quiz = open_quiz (window);
  g_assert_true (prep_quiz_view_start (quiz, &options, NULL));
  session = prep_quiz_view_get_session (quiz);
  right = prep_test_right_option (session);

  /* A wrong answer, by its letter: the right one is then shown too. */
  prep_test_press (GTK_WIDGET (window), right == 0 ? "b" : "a");
  g_assert_cmpint (prep_quiz_session_get_chosen (session), >=, 0);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  measure_choice (window, quiz, "light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  measure_choice (window, quiz, "dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_choice_contrast (void)
{
  prep_test_run_first_start (check_choice_contrast);
}

static gboolean
has_chinese (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= 0x4E00 && g_utf8_get_char (p) <= 0x9FFF)
      return TRUE;

  return FALSE;
}

static char *
answer_text (PrepWindow *window)
{
  PrepAnswerView *answer = PREP_ANSWER_VIEW (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_ANSWER_VIEW));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (answer));
  GtkTextIter start, end;

  while (!prep_answer_view_get_rendered (answer))
    g_main_context_iteration (NULL, TRUE);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The content language (issue 17): Ctrl+Shift+L, or the button on the
 * page, shows the answer, the window title and the quiz in English, and
 * again in Chinese; the choice is the preference, kept. */
static void
check_content_language (PrepApplication *app,
                        PrepWindow      *window)
{
  const char *basics[] = { "basics", NULL };
  PrepQuizOptions options = { PREP_QUIZ_CHOICE, PREP_QUIZ_SET_ALL, basics, 2, 11, now () };
  g_autoptr(GSettings) settings = g_settings_new ("io.github.llmprep.LlmPrep");
  PrepLibrary *library = prep_application_get_library (app);
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  g_autofree char *zh_prompt = NULL;
  PrepQuizView *quiz;
  GtkWidget *choice, *button;
  GtkLabel *prompt;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  prep_window_open_question (window, "kv-cache");
  zh = answer_text (window);
  g_assert_true (has_chinese (zh));
  g_assert_true (has_chinese (gtk_window_get_title (GTK_WINDOW (window))));
  button = prep_test_find_with_class (GTK_WIDGET (window), "language-button");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "English");
  prep_test_save_screenshot (GTK_WIDGET (window), "language-zh.png");

  /* The shortcut: the same page in English, the preference set. */
  prep_test_press (GTK_WIDGET (window), "ctrl+shift+l");
  en = answer_text (window);
  g_assert_cmpstr (prep_library_get_locale (library), ==, "en");
  g_assert_false (has_chinese (gtk_window_get_title (GTK_WINDOW (window))));
  g_assert_cmpstr (en, !=, zh);
  g_assert_nonnull (strstr (en, "KV cache"));
  /* The sections the page adds are headed in English too. */
  g_assert_nonnull (strstr (en, "Key Points"));
  g_assert_nonnull (strstr (en, "References"));
  g_assert_null (strstr (en, "參考資料"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "中文");
  {
    g_autofree char *setting = g_settings_get_string (settings, "content-language");
    g_assert_cmpstr (setting, ==, "en");
  }
  prep_test_save_screenshot (GTK_WIDGET (window), "language-en.png");

  /* A quiz item in English, then in Chinese when the preference (here
   * set as the Preferences window would) changes. */
  quiz = open_quiz (window);
  g_assert_true (prep_quiz_view_start (quiz, &options, NULL));
  choice = prep_test_find_descendant (GTK_WIDGET (quiz), PREP_TYPE_CHOICE_VIEW);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  prompt = GTK_LABEL (prep_test_find_with_class (choice, "choice-prompt"));
  g_assert_nonnull (prompt);
  g_assert_false (has_chinese (gtk_label_get_text (prompt)));
  prep_test_save_screenshot (GTK_WIDGET (window), "language-quiz-en.png");

  g_settings_set_string (settings, "content-language", "zh_TW");
  prep_test_wait_for_frame (GTK_WIDGET (window));
  zh_prompt = g_strdup (gtk_label_get_text (prompt));
  g_assert_true (has_chinese (zh_prompt));
  prep_test_save_screenshot (GTK_WIDGET (window), "language-quiz-zh.png");

  /* Back on the page, the button goes the other way again. */
  prep_test_press (GTK_WIDGET (window), "ctrl+1");
  prep_test_click (button);
  g_free (en);
  en = answer_text (window);
  g_assert_false (has_chinese (gtk_window_get_title (GTK_WINDOW (window))));

  /* A search on show runs again: its snippets are in the new language. */
  {
    PrepSidebar *sidebar = PREP_SIDEBAR (prep_test_find_descendant (GTK_WIDGET (window), PREP_TYPE_SIDEBAR));
    GListModel *results;
    g_autoptr(PrepSearchResult) first = NULL;
    g_autoptr(PrepSearchResult) again = NULL;

    g_settings_set_string (settings, "content-language", "zh_TW");
    prep_sidebar_search (sidebar, "self-attention");
    results = prep_sidebar_get_search_results (sidebar);
    g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
    first = g_list_model_get_item (results, 0);
    g_assert_true (has_chinese (prep_search_result_get_snippet (first)));

    g_settings_set_string (settings, "content-language", "en");
    results = prep_sidebar_get_search_results (sidebar);
    g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
    again = g_list_model_get_item (results, 0);
    g_assert_false (has_chinese (prep_search_result_get_snippet (again)));
    prep_sidebar_search (sidebar, "");
  }

  g_settings_reset (settings, "content-language");
}

static void
test_content_language (void)
{
  prep_test_run_first_start (check_content_language);
}

int
main (int   argc,
      char *argv[])
{
  prep_test_init_ui (&argc, &argv);

  g_test_add_func ("/quiz-ui/start-page", test_start_page);
  g_test_add_func ("/quiz-ui/interview-keys", test_interview_keys);
  g_test_add_func ("/quiz-ui/choice-contrast", test_choice_contrast);
  g_test_add_func ("/quiz-ui/content-language", test_content_language);

  return g_test_run ();
}
