/* prep-quiz-summary.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-quiz-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "prep-quiz-summary.h"

/* The end of a session: the score, the time, results per category, the
 * questions missed (each opens in the Study view) and when the session's
 * questions are due again. */

struct _PrepQuizSummary
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkLabel            *title_label;
  GtkLabel            *score_label;
  GtkLabel            *detail_label;
  AdwPreferencesGroup *categories_group;
  AdwPreferencesGroup *missed_group;
  GtkLabel            *due_label;
  GtkWidget           *new_button;

  GPtrArray           *rows;  /* rows added to the groups */
};

G_DEFINE_FINAL_TYPE (PrepQuizSummary, prep_quiz_summary, GTK_TYPE_WIDGET)

/**
 * prep_quiz_format_duration:
 *
 * Returns: "4 min 12 s", "45 s"
 */
char *
prep_quiz_format_duration (gint64 seconds)
{
  seconds = MAX (seconds, 0);

  if (seconds < 60)
    /* Translators: a duration in seconds */
    return g_strdup_printf (_("%u s"), (guint) seconds);

  /* Translators: a duration in minutes and seconds */
  return g_strdup_printf (_("%u min %u s"), (guint) (seconds / 60), (guint) (seconds % 60));
}

static void
clear_rows (PrepQuizSummary *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (PrepQuizSummary     *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static char *
describe_due (PrepQuizSession *session)
{
  PrepReviewStore *reviews = prep_quiz_session_get_reviews (session);
  g_autoptr(GListModel) questions = prep_quiz_session_get_questions (session);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint today = prep_review_store_count_due (reviews, questions, prep_study_day_end (now));
  gint64 next = prep_review_store_next_due (reviews, questions, now);
  g_autofree char *when = NULL;

  if (prep_quiz_session_get_mode (session) == PREP_QUIZ_CHOICE)
    return g_strdup (_("Multiple-choice answers do not change when a question is due; flashcards and mock interviews do."));

  if (next == 0 && today == 0)
    return g_strdup (_("None of these questions is scheduled yet: a grade schedules its next review."));

  if (next == 0)
    next = now;
  when = prep_format_interval (next - now);

  if (today > 0)
    /* Translators: %u questions of the session are due again today; %s is an interval such as "10 min" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Due next: %u of these questions again today, the first in %s.",
                                         "Due next: %u of these questions again today, the first in %s.", today),
                            today, when);

  /* Translators: %s is an interval such as "3 d" */
  return g_strdup_printf (_("Due next: the first of these questions in %s."), when);
}

/* "8 of 10 right" in the words of the mode: flashcards are recalled
 * (graded Hard or better), interview questions passed, choices right. */
static char *
describe_score (PrepQuizMode mode,
                guint        correct,
                guint        answered)
{
  switch (mode)
    {
    case PREP_QUIZ_FLASHCARDS:
      /* Translators: a flashcard result; recalled means graded Hard, Good or Easy */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u recalled", "%u of %u recalled", answered),
                              correct, answered);

    case PREP_QUIZ_INTERVIEW:
      /* Translators: a mock interview result; passed means graded Hard, Good or Easy */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u passed", "%u of %u passed", answered),
                              correct, answered);

    case PREP_QUIZ_CHOICE:
    default:
      /* Translators: a multiple-choice result */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u right", "%u of %u right", answered),
                              correct, answered);
    }
}

static void
prep_quiz_summary_dispose (GObject *object)
{
  PrepQuizSummary *self = (PrepQuizSummary *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PREP_TYPE_QUIZ_SUMMARY);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (prep_quiz_summary_parent_class)->dispose (object);
}

static void
prep_quiz_summary_class_init (PrepQuizSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prep_quiz_summary_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/llmprep/LlmPrep/ui/prep-quiz-summary.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizSummary, title_label);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizSummary, score_label);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizSummary, detail_label);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizSummary, categories_group);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizSummary, missed_group);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizSummary, due_label);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizSummary, new_button);
}

static void
prep_quiz_summary_init (PrepQuizSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

void
prep_quiz_summary_set_session (PrepQuizSummary *self,
                               PrepQuizSession *session)
{
  g_autoptr(GArray) results = NULL;
  g_autoptr(GListModel) missed = NULL;
  g_autofree char *score = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *detail_and_time = NULL;
  g_autofree char *due = NULL;
  PrepQuizMode mode;
  guint answered, correct, n_missed;

  g_return_if_fail (PREP_IS_QUIZ_SUMMARY (self));

  clear_rows (self);
  if (session == NULL)
    return;

  answered = prep_quiz_session_get_n_answered (session);
  correct = prep_quiz_session_get_n_correct (session);
  duration = prep_quiz_format_duration (prep_quiz_session_get_duration (session));

  mode = prep_quiz_session_get_mode (session);
  gtk_label_set_text (self->title_label,
                      prep_quiz_session_get_position (session) >= prep_quiz_session_get_n_items (session)
                      ? _("Session Complete") : _("Session Ended"));

  if (answered > 0)
    {
      /* Translators: the score at the end of a quiz session, as a percentage; write it as your locale does ("85%", "85 %") */
      score = g_strdup_printf (_("%u%%"), (guint) (100.0 * correct / answered + 0.5));
      detail = describe_score (mode, correct, answered);
      /* Translators: the score and how long the session took, as in "8 of 10 right · 4 min 12 s" */
      detail_and_time = g_strdup_printf (_("%s · %s"), detail, duration);
    }
  else
    /* Translators: at the end of a quiz session ended before any answer */
    detail_and_time = g_strdup (_("Nothing was answered in this session, so nothing was recorded."));

  gtk_label_set_text (self->score_label, score != NULL ? score : "");
  gtk_widget_set_visible (GTK_WIDGET (self->score_label), score != NULL);
  gtk_label_set_text (self->detail_label, detail_and_time);

  results = prep_quiz_session_get_category_results (session);
  for (guint i = 0; i < results->len; i++)
    {
      PrepQuizCategoryResult *result = &g_array_index (results, PrepQuizCategoryResult, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      /* A fraction, so that the bar's colour means the same share in every row. */
      GtkWidget *level = gtk_level_bar_new_for_interval (0.0, 1.0);

      subtitle = describe_score (mode, result->n_correct, result->n_answered);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prep_category_get_title (result->category));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (level),
                               result->n_answered > 0 ? (double) result->n_correct / result->n_answered : 0.0);
      gtk_widget_set_size_request (level, 120, -1);
      gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), level);
      add_row (self, self->categories_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->categories_group), results->len > 0 && answered > 0);

  missed = prep_quiz_session_get_missed (session);
  n_missed = g_list_model_get_n_items (missed);
  for (guint i = 0; i < n_missed; i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (missed, i);
      g_autoptr(PrepCategory) category = prep_question_dup_category (question);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prep_question_get_title (question));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), category ? prep_category_get_title (category) : NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_add_css_class (row, "missed-question");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-question");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", prep_question_get_id (question));
      add_row (self, self->missed_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->missed_group), n_missed > 0);

  /* After no answer, what is due has not changed: nothing to say. */
  due = answered > 0 ? describe_due (session) : NULL;
  gtk_label_set_text (self->due_label, due != NULL ? due : "");
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), due != NULL);
}
