/* prep-quiz-view.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-quiz-view"

#include "config.h"

#include <glib/gi18n.h>

#include "prep-card-view.h"
#include "prep-progress.h"
#include "prep-choice-view.h"
#include "prep-quiz-summary.h"
#include "prep-quiz-view.h"

/* The Quiz view: a start page with the session's choices and what is due,
 * then the session (flashcards and mock interviews in a PrepCardView,
 * multiple choice in a PrepChoiceView), then its summary. */

struct _PrepQuizView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  AdwHeaderBar      *header_bar;
  AdwViewSwitcher   *switcher;
  GtkMenuButton     *menu_button;
  GtkWidget         *end_button;
  GtkStack          *stack;
  GtkLabel          *due_label;
  GtkLabel          *due_detail_label;
  GtkCheckButton    *flashcards_check;
  GtkCheckButton    *choice_check;
  GtkCheckButton    *interview_check;
  AdwComboRow       *set_row;
  GtkSpinButton     *count_spin;
  GtkSpinButton     *time_spin;
  AdwPreferencesGroup *categories_group;
  GtkLabel          *match_label;
  GtkWidget         *start_button;
  PrepCardView      *card_view;
  PrepChoiceView    *choice_view;
  PrepQuizSummary   *summary;

  /* Owned references */
  PrepLibrary       *library;
  PrepReviewStore   *reviews;
  PrepUserData      *user_data;
  PrepQuizSession   *session;
  GPtrArray         *category_checks;  /* GtkCheckButton, data "category-id" */
  GSettings         *settings;

  PrepQuizSet        last_set;
};

G_DEFINE_FINAL_TYPE (PrepQuizView, prep_quiz_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_MENU_MODEL,
  PROP_REVIEWS,
  PROP_SESSION,
  PROP_STACK,
  PROP_USER_DATA,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static PrepQuizMode
selected_mode (PrepQuizView *self)
{
  if (gtk_check_button_get_active (self->choice_check))
    return PREP_QUIZ_CHOICE;
  if (gtk_check_button_get_active (self->interview_check))
    return PREP_QUIZ_INTERVIEW;

  return PREP_QUIZ_FLASHCARDS;
}

/* The start page's choices; @categories holds the ids it points into. */
static void
read_options (PrepQuizView    *self,
              PrepQuizOptions *options,
              GPtrArray       *categories)
{
  for (guint i = 0; i < self->category_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->category_checks, i);

      if (gtk_check_button_get_active (check))
        g_ptr_array_add (categories, g_object_get_data (G_OBJECT (check), "category-id"));
    }
  /* None ticked selects none, not all: a sentinel no category has. */
  if (categories->len == 0)
    g_ptr_array_add (categories, (gpointer) "");
  g_ptr_array_add (categories, NULL);

  *options = (PrepQuizOptions) {
    .mode = selected_mode (self),
    .set = (PrepQuizSet) adw_combo_row_get_selected (self->set_row),
    .category_ids = (const char * const *) categories->pdata,
    .max_items = (guint) gtk_spin_button_get_value_as_int (self->count_spin),
    .seed = g_random_int (),
    .now = now (),
  };
}

/* The day of the next review after today, as "December 19", or NULL. */
static char *
dup_next_review_date (PrepQuizView *self)
{
  GListModel *questions = prep_library_get_questions (self->library);
  gint64 next = prep_review_store_next_due (self->reviews, questions, prep_study_day_end (now ()) - 1);
  g_autoptr(GDateTime) when = NULL;

  if (next <= 0 || !(when = g_date_time_new_from_unix_local (next)))
    return NULL;

  /* Translators: a date format (see g_date_time_format) for the next review, as in "December 19" */
  return g_date_time_format (when, _("%B %-d"));
}

/* Why no question matches, in words that say what to do. */
static char *
dup_no_match_text (PrepQuizView          *self,
                   const PrepQuizOptions *options)
{
  g_autofree char *date = NULL;

  if (options->category_ids[0] != NULL && options->category_ids[0][0] == '\0')
    return g_strdup (_("Pick at least one category"));

  switch (options->set)
    {
    case PREP_QUIZ_SET_DUE:
      date = dup_next_review_date (self);
      if (date != NULL)
        /* Translators: %s is a date such as "December 19" */
        return g_strdup_printf (_("Nothing is due in these categories today; the next review is on %s"), date);
      return g_strdup (_("Nothing is due yet: questions are scheduled once you grade them as flashcards or in a mock interview"));

    case PREP_QUIZ_SET_NEW:
      return g_strdup (_("You have studied every question in these categories; pick All or Due for Review"));

    case PREP_QUIZ_SET_BOOKMARKED:
      return g_strdup (_("No bookmarked question in these categories; bookmark one in the Study view with Ctrl+D"));

    case PREP_QUIZ_SET_ALL:
    default:
      if (options->mode == PREP_QUIZ_CHOICE)
        return g_strdup (_("These categories have no multiple-choice questions yet"));
      return g_strdup (_("These categories have no answered questions yet"));
    }
}

/* New questions a day to have seen them all before the interview, or 0
 * when no interview date is set (see prep_progress_plan_interview()). */
static guint
planned_new_per_day (PrepQuizView *self)
{
  gint64 interview_day = prep_review_store_get_interview_day (self->reviews);
  gint64 time = now ();
  PrepQuizOptions new_options = { .set = PREP_QUIZ_SET_NEW, .now = time };
  PrepInterviewPlan plan;
  guint n_new;

  if (interview_day <= 0)
    return 0;

  n_new = prep_quiz_count_available (self->library, self->reviews, NULL, &new_options);
  if (!prep_progress_plan_interview (interview_day, prep_study_day (time), n_new, G_MAXUINT, &plan))
    return 0;

  return plan.per_day;
}

static void
options_changed_cb (PrepQuizView *self)
{
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  g_autofree char *text = NULL;
  PrepQuizOptions options;
  guint n;

  if (self->library == NULL || self->reviews == NULL)
    return;

  /* Choosing New offers first as many as the interview plan asks a day. */
  if ((PrepQuizSet) adw_combo_row_get_selected (self->set_row) != self->last_set)
    {
      self->last_set = (PrepQuizSet) adw_combo_row_get_selected (self->set_row);
      if (self->last_set == PREP_QUIZ_SET_NEW)
        {
          guint per_day = planned_new_per_day (self);

          /* Setting the value comes back here, with the set unchanged. */
          if (per_day > 0)
            gtk_spin_button_set_value (self->count_spin, per_day);
        }
    }

  read_options (self, &options, categories);
  n = prep_quiz_count_available (self->library, self->reviews, self->user_data, &options);

  if (n == 0)
    text = dup_no_match_text (self, &options);
  else
    {
      guint asked = MIN (n, options.max_items);

      if (options.mode == PREP_QUIZ_CHOICE)
        /* Translators: on the quiz start page, next to Start; the second %u is how many match */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Multiple-choice questions from %u of %u matching questions",
                                             "Multiple-choice questions from %u of %u matching questions", n),
                                asked, n);
      else
        /* Translators: on the quiz start page, next to Start; the second %u is how many match */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u matching question",
                                             "%u of %u matching questions", n),
                                asked, n);
    }

  gtk_label_set_text (self->match_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->match_label), n == 0 ? "dim-label" : "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->match_label), n == 0 ? "warning" : "dim-label");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.start", n > 0);
}

void
prep_quiz_view_refresh_due (PrepQuizView *self)
{
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *date = NULL;
  GListModel *questions;
  gint64 time = now ();
  PrepQuizOptions all_options = { .set = PREP_QUIZ_SET_ALL, .now = time };
  PrepQuizOptions new_options = { .set = PREP_QUIZ_SET_NEW, .now = time };
  guint n_due, n_new;

  g_return_if_fail (PREP_IS_QUIZ_VIEW (self));

  if (self->library == NULL || self->reviews == NULL)
    return;

  questions = prep_library_get_questions (self->library);
  n_due = prep_review_store_count_due (self->reviews, questions, prep_study_day_end (time));
  n_new = prep_quiz_count_available (self->library, self->reviews, NULL, &new_options);
  date = dup_next_review_date (self);

  /* Lead with what can be done now: due cards, then new questions. */
  if (n_due > 0)
    {
      /* Translators: the quiz start page's heading */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Card Due Today", "%u Cards Due Today", n_due), n_due);
      if (n_new > 0)
        /* Translators: under "3 Cards Due Today" */
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u new question to learn",
                                               "and %u new questions to learn", n_new), n_new);
    }
  else if (n_new > 0)
    {
      guint per_day = planned_new_per_day (self);

      /* Translators: the quiz start page's heading */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u New Question Ready",
                                            "%u New Questions Ready", n_new), n_new);
      if (per_day > 0)
        /* Translators: under "12 New Questions Ready", when an interview date is set */
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Learn %u a day to see them all before your interview",
                                               "Learn %u a day to see them all before your interview", per_day),
                                  per_day);
      else if (date != NULL)
        /* Translators: %s is a date such as "December 19" */
        detail = g_strdup_printf (_("No review due today; the next is on %s"), date);
      else
        detail = g_strdup (_("Grade each one to schedule its reviews"));
    }
  else if (prep_quiz_count_available (self->library, self->reviews, NULL, &all_options) > 0)
    {
      title = g_strdup (_("All Caught Up"));
      if (date != NULL)
        /* Translators: %s is a date such as "December 19" */
        detail = g_strdup_printf (_("Next review on %s; you can still practise any question"), date);
      else
        detail = g_strdup (_("You can still practise any question"));
    }
  else
    {
      title = g_strdup (_("No Answers to Practise Yet"));
      detail = g_strdup (_("Questions come to the quiz once their answers are written"));
    }

  gtk_label_set_text (self->due_label, title);
  gtk_label_set_text (self->due_detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->due_detail_label), detail != NULL);
  options_changed_cb (self);
}

static void
rebuild_categories (PrepQuizView *self)
{
  GListModel *categories;

  for (guint i = 0; i < self->category_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->category_checks, i);

      adw_preferences_group_remove (self->categories_group, gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW));
    }
  g_ptr_array_set_size (self->category_checks, 0);

  if (self->library == NULL)
    return;

  categories = prep_library_get_categories (self->library);
  for (guint i = 0, n = g_list_model_get_n_items (categories); i < n; i++)
    {
      g_autoptr(PrepCategory) category = g_list_model_get_item (categories, i);
      GListModel *questions = prep_category_get_questions (category);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      guint answered = 0;

      for (guint j = 0, m = g_list_model_get_n_items (questions); j < m; j++)
        {
          g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, j);

          answered += prep_question_get_has_answer (question);
        }

      if (answered > 0)
        /* Translators: under a category on the quiz start page */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answered question",
                                                 "%u answered questions", answered), answered);
      else
        subtitle = g_strdup (_("Answers not written yet"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prep_category_get_title (category));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), answered > 0);
      gtk_widget_set_sensitive (row, answered > 0);
      g_object_set_data_full (G_OBJECT (check), "category-id",
                              g_strdup (prep_category_get_id (category)), g_free);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (options_changed_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->categories_group, row);
      g_ptr_array_add (self->category_checks, check);
    }
}

static void
session_finished_cb (PrepQuizView    *self,
                     GParamSpec      *pspec,
                     PrepQuizSession *session)
{
  if (!prep_quiz_session_get_finished (session))
    return;

  prep_quiz_summary_set_session (self->summary, session);
  gtk_widget_set_visible (self->end_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_widget_grab_focus (GTK_WIDGET (self->summary));
}

static void
set_session (PrepQuizView    *self,
             PrepQuizSession *session)
{
  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, session_finished_cb, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "notify::finished", G_CALLBACK (session_finished_cb),
                             self, G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PrepQuizView *self = PREP_QUIZ_VIEW (widget);
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  PrepQuizOptions options;

  read_options (self, &options, categories);
  if (!prep_quiz_view_start (self, &options, &error))
    gtk_label_set_text (self->match_label, error->message);
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PrepQuizView *self = PREP_QUIZ_VIEW (widget);

  if (self->session != NULL)
    prep_quiz_session_finish (self->session, now ());
}

static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PrepQuizView *self = PREP_QUIZ_VIEW (widget);

  prep_card_view_set_session (self->card_view, NULL);
  prep_choice_view_set_session (self->choice_view, NULL);
  prep_quiz_summary_set_session (self->summary, NULL);
  set_session (self, NULL);
  gtk_widget_set_visible (self->end_button, FALSE);
  prep_quiz_view_refresh_due (self);
  gtk_stack_set_visible_child_name (self->stack, "start");
  gtk_widget_grab_focus (self->start_button);
}

static void
reviews_changed_cb (PrepQuizView *self)
{
  /* During a session the start page is hidden; it is refreshed on return. */
  if (self->session == NULL)
    prep_quiz_view_refresh_due (self);
}

/* Focus goes where the keyboard is needed: Start, or the session. */
static gboolean
prep_quiz_view_grab_focus (GtkWidget *widget)
{
  PrepQuizView *self = PREP_QUIZ_VIEW (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "card") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->card_view));
  if (g_strcmp0 (page, "choice") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->choice_view));
  if (g_strcmp0 (page, "summary") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->summary));

  return gtk_widget_grab_focus (self->start_button);
}

static void
prep_quiz_view_dispose (GObject *object)
{
  PrepQuizView *self = (PrepQuizView *)object;

  set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PREP_TYPE_QUIZ_VIEW);
  g_clear_pointer (&self->category_checks, g_ptr_array_unref);
  g_clear_object (&self->library);
  g_clear_object (&self->reviews);
  g_clear_object (&self->user_data);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (prep_quiz_view_parent_class)->dispose (object);
}

static void
prep_quiz_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PrepQuizView *self = PREP_QUIZ_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_MENU_MODEL:
      g_value_set_object (value, gtk_menu_button_get_menu_model (self->menu_button));
      break;

    case PROP_REVIEWS:
      g_value_set_object (value, self->reviews);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_STACK:
      g_value_set_object (value, adw_view_switcher_get_stack (self->switcher));
      break;

    case PROP_NARROW:
      g_value_set_boolean (value, !gtk_widget_get_visible (GTK_WIDGET (self->switcher)));
      break;

    case PROP_USER_DATA:
      g_value_set_object (value, self->user_data);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_quiz_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PrepQuizView *self = PREP_QUIZ_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_set_object (&self->library, g_value_get_object (value));
      rebuild_categories (self);
      prep_quiz_view_refresh_due (self);
      break;

    case PROP_MENU_MODEL:
      gtk_menu_button_set_menu_model (self->menu_button, g_value_get_object (value));
      break;

    case PROP_REVIEWS:
      if (self->reviews != NULL)
        g_signal_handlers_disconnect_by_func (self->reviews, reviews_changed_cb, self);
      g_set_object (&self->reviews, g_value_get_object (value));
      if (self->reviews != NULL)
        g_signal_connect_object (self->reviews, "changed", G_CALLBACK (reviews_changed_cb),
                                 self, G_CONNECT_SWAPPED);
      prep_quiz_view_refresh_due (self);
      break;

    case PROP_STACK:
      adw_view_switcher_set_stack (self->switcher, g_value_get_object (value));
      break;

    case PROP_NARROW:
      prep_quiz_view_set_narrow (self, g_value_get_boolean (value));
      break;

    case PROP_USER_DATA:
      if (self->user_data != NULL)
        g_signal_handlers_disconnect_by_func (self->user_data, options_changed_cb, self);
      g_set_object (&self->user_data, g_value_get_object (value));
      if (self->user_data != NULL)
        g_signal_connect_object (self->user_data, "changed", G_CALLBACK (options_changed_cb),
                                 self, G_CONNECT_SWAPPED);
      options_changed_cb (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_quiz_view_class_init (PrepQuizViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prep_quiz_view_dispose;
  object_class->get_property = prep_quiz_view_get_property;
  object_class->set_property = prep_quiz_view_set_property;

  widget_class->grab_focus = prep_quiz_view_grab_focus;

  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PREP_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MENU_MODEL] =
    g_param_spec_object ("menu-model", NULL, NULL, G_TYPE_MENU_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_REVIEWS] =
    g_param_spec_object ("reviews", NULL, NULL, PREP_TYPE_REVIEW_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PREP_TYPE_QUIZ_SESSION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The window's view stack, for the view switcher in this header bar. */
  properties [PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, ADW_TYPE_VIEW_STACK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * PrepQuizView:narrow:
   *
   * Whether the window is narrow: the view switcher is then in the
   * window's bottom bar, not in this header bar.
   */
  properties [PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_USER_DATA] =
    g_param_spec_object ("user-data", NULL, NULL, PREP_TYPE_USER_DATA,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/llmprep/LlmPrep/ui/prep-quiz-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, switcher);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, end_button);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, stack);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, due_label);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, due_detail_label);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, flashcards_check);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, choice_check);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, interview_check);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, set_row);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, count_spin);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, time_spin);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, categories_group);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, match_label);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, start_button);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, card_view);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, choice_view);
  gtk_widget_class_bind_template_child (widget_class, PrepQuizView, summary);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);

  gtk_widget_class_install_action (widget_class, "quiz.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "quiz.end", NULL, end_action);
  gtk_widget_class_install_action (widget_class, "quiz.new-session", NULL, new_session_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "quiz.end", NULL);

  g_type_ensure (PREP_TYPE_CARD_VIEW);
  g_type_ensure (PREP_TYPE_CHOICE_VIEW);
  g_type_ensure (PREP_TYPE_QUIZ_SUMMARY);
}

static void
prep_quiz_view_init (PrepQuizView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->category_checks = g_ptr_array_new ();

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "interview-minutes",
                   gtk_spin_button_get_adjustment (self->time_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * prep_quiz_view_get_session:
 *
 * Returns: (transfer none) (nullable): the session under way
 */
PrepQuizSession *
prep_quiz_view_get_session (PrepQuizView *self)
{
  g_return_val_if_fail (PREP_IS_QUIZ_VIEW (self), NULL);

  return self->session;
}

/**
 * prep_quiz_view_start:
 *
 * Starts a session, as the Start button does with the page's choices.
 */
gboolean
prep_quiz_view_start (PrepQuizView           *self,
                      const PrepQuizOptions  *options,
                      GError                **error)
{
  g_autoptr(PrepQuizSession) session = NULL;

  g_return_val_if_fail (PREP_IS_QUIZ_VIEW (self), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  session = prep_quiz_session_new (self->library, self->reviews, self->user_data, options, error);
  if (session == NULL)
    return FALSE;

  set_session (self, session);
  gtk_widget_set_visible (self->end_button, TRUE);

  if (options->mode == PREP_QUIZ_CHOICE)
    {
      prep_choice_view_set_session (self->choice_view, session);
      gtk_stack_set_visible_child_name (self->stack, "choice");
      gtk_widget_grab_focus (GTK_WIDGET (self->choice_view));
    }
  else
    {
      prep_card_view_set_time_limit (self->card_view,
                                     60 * (guint) gtk_spin_button_get_value_as_int (self->time_spin));
      prep_card_view_set_session (self->card_view, session);
      gtk_stack_set_visible_child_name (self->stack, "card");
      gtk_widget_grab_focus (GTK_WIDGET (self->card_view));
    }

  return TRUE;
}

void
prep_quiz_view_set_narrow (PrepQuizView *self,
                           gboolean      narrow)
{
  g_return_if_fail (PREP_IS_QUIZ_VIEW (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->switcher)) == !narrow)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->switcher), !narrow);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NARROW]);
}

/**
 * prep_quiz_view_add_top_bar:
 * @bar: a widget to show under the header bar, such as a notice
 */
void
prep_quiz_view_add_top_bar (PrepQuizView *self,
                            GtkWidget    *bar)
{
  g_return_if_fail (PREP_IS_QUIZ_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (bar));

  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->header_bar))),
                              bar, GTK_WIDGET (self->header_bar));
}
