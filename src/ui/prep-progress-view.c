/* prep-progress-view.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-progress-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "prep-bar-chart.h"
#include "prep-columns.h"
#include "prep-heatmap.h"
#include "prep-interview-row.h"
#include "prep-library.h"
#include "prep-notice-bar.h"
#include "prep-progress-view.h"
#include "prep-quiz-session.h"
#include "prep-review-store.h"
#include "prep-stacked-bar.h"
#include "prep-user-data.h"

/* The Progress view: today's figures, the coverage of each category, a
 * year of reviews, the next month's forecast, true retention, the
 * weakest questions and the interview plan. Every number comes from a
 * PrepProgress computed from the review store (in milliseconds), again
 * whenever the reviews, the content language or the day change and
 * whenever the view is shown; the widgets here only lay it out. */

#define N_WEAKEST 10
/* Questions of the final review, the lowest recall probability first. */
#define N_FINAL_REVIEW 20
/* A category's quiz: due questions first, as many as a usual session. */
#define N_CATEGORY_QUIZ 20
#define FINAL_DAYS 3

struct _PrepProgressView
{
  GtkWidget             parent_instance;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  AdwViewSwitcher      *switcher;
  GtkMenuButton        *menu_button;
  PrepNoticeBar        *interview_notice;
  GtkStack             *stack;
  PrepColumns          *columns;
  AdwActionRow         *due_row;
  GtkLabel             *due_label;
  GtkLabel             *new_label;
  GtkLabel             *reviews_label;
  GtkLabel             *streak_label;
  GtkLabel             *time_label;
  GtkLabel             *plan_label;
  GtkWidget            *final_review_button;
  GtkListBox           *coverage_list;
  AdwPreferencesGroup  *forecast_group;
  PrepBarChart         *forecast_chart;
  AdwPreferencesGroup  *retention_group;
  GtkGrid              *retention_grid;
  AdwPreferencesGroup  *activity_group;
  PrepHeatmap          *heatmap;
  GtkListBox           *weakest_list;
  AdwPreferencesGroup  *reading_group;
  AdwActionRow         *continue_row;

  /* Owned references */
  PrepLibrary          *library;
  PrepReviewStore      *reviews;
  PrepUserData         *user_data;
  GSettings            *settings;
  PrepProgress         *progress;
  GStrv                 weakest_ids;

  guint                 n_read;
};

G_DEFINE_FINAL_TYPE (PrepProgressView, prep_progress_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_MENU_MODEL,
  PROP_REVIEWS,
  PROP_STACK,
  PROP_NARROW,
  PROP_USER_DATA,
  N_PROPS
};

enum {
  START_QUIZ,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
set_label_uint (GtkLabel *label,
                guint     value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  gtk_label_set_text (label, text);
}

static char *
dup_percent (double fraction)
{
  if (isnan (fraction))
    /* Translators: in place of a percentage when there is nothing to count */
    return g_strdup (_("—"));

  /* Translators: the desired retention, a percentage; write it as your locale does ("90%", "90 %") */
  return g_strdup_printf (_("%u%%"), (guint) lround (fraction * 100));
}

/* Minutes under an hour, then hours and minutes. */
static char *
dup_duration (gint64 ms)
{
  guint minutes = (guint) ((ms + 30 * 1000) / (60 * 1000));
  guint hours = minutes / 60;

  minutes %= 60;
  if (hours == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", minutes), minutes);
  if (minutes == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", hours), hours);

  /* Translators: time studied, e.g. "1 hour 5 min" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour %u min", "%u hours %u min", hours),
                          hours, minutes);
}

static GDateTime *
dup_day_date (gint64 day)
{
  g_autoptr(GDate) date = g_date_new_julian ((guint32) CLAMP (day, 1, G_MAXUINT32));

  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
}

static char *
dup_day_text (gint64 day)
{
  g_autoptr(GDateTime) date = dup_day_date (day);

  /* Translators: a date in the interview plan, see g_date_time_format(), e.g. "December 19" */
  return g_date_time_format (date, _("%B %-d"));
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static void
start_quiz (PrepProgressView   *self,
            const char * const *category_ids,
            const char * const *question_ids,
            guint               max_items)
{
  PrepQuizOptions options = {
    .mode = PREP_QUIZ_FLASHCARDS,
    .set = PREP_QUIZ_SET_ALL,
    .category_ids = category_ids,
    .question_ids = question_ids,
    .max_items = max_items,
    .seed = g_random_int (),
    .now = now (),
  };

  g_signal_emit (self, signals [START_QUIZ], 0, &options);
}

static void
update_today (PrepProgressView *self)
{
  const PrepProgressToday *today = prep_progress_get_today (self->progress);
  g_autofree char *later = NULL;
  g_autofree char *streak = NULL;
  g_autofree char *time = NULL;

  set_label_uint (self->due_label, today->n_due);
  set_label_uint (self->new_label, today->n_new);
  set_label_uint (self->reviews_label, today->n_reviews);

  if (today->n_due_today > today->n_due)
    {
      guint n = today->n_due_today - today->n_due;

      later = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more due later today",
                                            "%u more due later today", n), n);
    }
  adw_action_row_set_subtitle (self->due_row, later != NULL ? later : "");

  streak = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", today->streak), today->streak);
  gtk_label_set_text (self->streak_label, streak);

  time = dup_duration (today->studied_ms);
  gtk_label_set_text (self->time_label, time);
}

static char *
dup_plan_text (PrepProgressView *self,
               gint64            interview_day,
               gboolean         *final_days)
{
  const PrepProgressToday *today = prep_progress_get_today (self->progress);
  gint64 day = prep_progress_get_day (self->progress);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  PrepInterviewPlan plan;

  *final_days = FALSE;
  if (interview_day == 0)
    return g_strdup (_("Set the date of your interview: reviews are then scheduled to be due before it, "
                       "and this page says how many new questions to learn each day."));

  if (!prep_progress_plan_interview (interview_day, day, today->n_new, G_MAXUINT, &plan))
    return g_strdup (_("The interview date has passed."));

  *final_days = plan.days_left <= FINAL_DAYS;
  if (plan.days_left == 0)
    return g_strdup (_("Your interview is today. Good luck!"));

  first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day left.", "%u days left.", plan.days_left),
                           plan.days_left);
  if (plan.n_new == 0)
    second = g_strdup (_("Every answered question has been studied: keep up with the reviews as they come due."));
  else if (!plan.margin_kept)
    second = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Learn the %u new question today; the days left are for reviews.",
                                           "Learn the %u new questions today; the days left are for reviews.",
                                           plan.n_new),
                              plan.n_new);
  else
    {
      g_autofree char *finish = dup_day_text (plan.finish_day);

      /* Translators: %u are a number of questions a day and the number of new questions, %s a date such as "December 19" */
      second = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Learn %u new question a day to have seen all %u by %s, leaving the last days for reviews.",
                                             "Learn %u new questions a day to have seen all %u by %s, leaving the last days for reviews.",
                                             plan.per_day),
                                plan.per_day, plan.n_new, finish);
    }

  /* Translators: two sentences one after the other; Chinese joins them without a space */
  return g_strdup_printf (_("%s %s"), first, second);
}

static void
update_interview (PrepProgressView *self)
{
  g_autofree char *date = g_settings_get_string (self->settings, "interview-date");
  gint64 interview_day = prep_study_day_from_date (date);
  gint64 day = prep_study_day (now ());
  g_autofree char *plan = NULL;
  gboolean final_days = FALSE;

  if (interview_day != 0 && interview_day < day)
    {
      g_autofree char *when = dup_day_text (interview_day);
      /* Translators: %s is a date such as "December 19" */
      g_autofree char *text = g_strdup_printf (_("Your interview date, %s, has passed."), when);

      prep_notice_bar_set_notice (self->interview_notice, text, _("_Clear Date"),
                                  "progress.clear-interview-date", NULL);
    }
  else
    {
      prep_notice_bar_set_notice (self->interview_notice, NULL, NULL, NULL, NULL);
    }

  if (self->progress == NULL)
    return;

  plan = dup_plan_text (self, interview_day, &final_days);
  gtk_label_set_text (self->plan_label, plan);
  gtk_widget_set_visible (self->final_review_button, final_days && self->weakest_ids != NULL &&
                                                     self->weakest_ids[0] != NULL);
}

static GtkWidget *
coverage_row_new (PrepProgressView           *self,
                  const PrepProgressCategory *category)
{
  const char *labels[] = {
    C_("card state", "New"), C_("card state", "Learning"), C_("card state", "Young"), C_("card state", "Mature"),
  };
  guint values[] = { category->n_new, category->n_learning, category->n_young, category->n_mature };
  PrepCategory *found = self->library ? prep_library_lookup_category (self->library, category->category_id) : NULL;
  const char *title = found ? prep_category_get_title (found) : category->category_id;
  g_autofree char *percent = dup_percent (category->retrievability);
  g_autofree char *counts = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *percent_label = gtk_label_new (percent);
  GtkWidget *bar = prep_stacked_bar_new ();
  GtkWidget *counts_label;

  /* Translators: under a category's bar: new, learning, young and mature questions */
  counts = g_strdup_printf (_("%u new · %u learning · %u young · %u mature"),
                            category->n_new, category->n_learning, category->n_young, category->n_mature);
  counts_label = gtk_label_new (counts);

  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_widget_add_css_class (percent_label, "numeric");
  gtk_widget_add_css_class (percent_label, "coverage-recall");
  /* Translators: the tooltip of a category's average recall probability */
  gtk_widget_set_tooltip_text (percent_label, _("Average probability of recalling its reviewed questions now"));
  gtk_box_append (GTK_BOX (top), title_label);
  gtk_box_append (GTK_BOX (top), percent_label);

  prep_stacked_bar_set_segments (PREP_STACKED_BAR (bar), values, labels, G_N_ELEMENTS (values));
  /* Translators: what a screen reader says of a category's bar: the counts, then the recall */
  summary = g_strdup_printf (_("%s; average recall %s"), counts, percent);
  prep_stacked_bar_set_summary (PREP_STACKED_BAR (bar), summary);

  gtk_label_set_xalign (GTK_LABEL (counts_label), 0);
  gtk_label_set_wrap (GTK_LABEL (counts_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (counts_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (counts_label, "caption");
  gtk_widget_add_css_class (counts_label, "dim-label");

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), counts_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: %s is a category; the tooltip of its row on the Progress page */
  tooltip = g_strdup_printf (_("Quiz %s"), title);
  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
  g_object_set_data_full (G_OBJECT (row), "category-id", g_strdup (category->category_id), g_free);

  return row;
}

static void
update_coverage (PrepProgressView *self)
{
  GArray *categories = prep_progress_get_categories (self->progress);

  remove_rows (self->coverage_list);
  for (guint i = 0; i < categories->len; i++)
    gtk_list_box_append (self->coverage_list,
                         coverage_row_new (self, &g_array_index (categories, PrepProgressCategory, i)));
}

static void
coverage_row_activated_cb (PrepProgressView *self,
                           GtkListBoxRow    *row)
{
  const char *ids[] = { g_object_get_data (G_OBJECT (row), "category-id"), NULL };

  if (ids[0] != NULL)
    start_quiz (self, ids, NULL, N_CATEGORY_QUIZ);
}

static void
update_forecast (PrepProgressView *self)
{
  guint n_days = 0;
  const guint *forecast = prep_progress_get_forecast (self->progress, &n_days);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  gint64 day = prep_progress_get_day (self->progress);
  guint week = 0;

  for (guint i = 0; i < n_days; i++)
    {
      if (i == 0)
        g_ptr_array_add (labels, g_strdup (C_("forecast", "Today")));
      else
        {
          g_autoptr(GDateTime) date = dup_day_date (day + i);

          /* Translators: a day under the forecast's bars, see g_date_time_format(), e.g. "12/19" */
          g_ptr_array_add (labels, g_date_time_format (date, _("%-m/%-d")));
        }
      if (i < 7)
        week += forecast[i];
    }
  g_ptr_array_add (labels, NULL);

  prep_bar_chart_set_data (self->forecast_chart, forecast, (const char * const *) labels->pdata, n_days);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review due in the next 7 days",
                                          "%u reviews due in the next 7 days", week), week);
  prep_bar_chart_set_summary (self->forecast_chart, summary);
  prep_bar_chart_set_empty_text (self->forecast_chart, _("No reviews due in the next 30 days"));
  adw_preferences_group_set_description (self->forecast_group, summary);
}

static GtkWidget *
grid_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
retention_cell (const PrepProgressRetention *retention,
                guint                        kind,
                PrepProgressPeriod           period)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  double fraction = retention->n_reviews > 0 ? retention->n_passed / (double) retention->n_reviews : NAN;
  g_autofree char *percent = dup_percent (fraction);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review", "%u reviews",
                                                         retention->n_reviews), retention->n_reviews);
  g_autofree char *name = g_strdup_printf ("retention-%u-%u", kind, period);
  GtkWidget *value = grid_label (percent, "numeric");

  gtk_widget_add_css_class (value, "heading");
  gtk_widget_add_css_class (value, name);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), grid_label (count, "caption"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "dim-label");
  gtk_widget_set_hexpand (box, TRUE);

  return box;
}

static void
update_retention (PrepProgressView *self)
{
  const char *kinds[] = { _("Flashcards"), _("Multiple Choice"), _("Mock Interview"), C_("retention", "All") };
  g_autofree char *desired = dup_percent (prep_review_store_get_desired_retention (self->reviews));
  g_autofree char *description = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->retention_grid))))
    gtk_grid_remove (self->retention_grid, child);

  gtk_grid_attach (self->retention_grid, grid_label (_("Last 7 Days"), "caption-heading"), 1, 0, 1, 1);
  gtk_grid_attach (self->retention_grid, grid_label (_("Last 30 Days"), "caption-heading"), 2, 0, 1, 1);
  for (guint kind = 0; kind <= PREP_PROGRESS_ALL_KINDS; kind++)
    {
      gtk_grid_attach (self->retention_grid, grid_label (kinds[kind], kind == PREP_PROGRESS_ALL_KINDS ? "heading" : NULL),
                       0, (int) kind + 1, 1, 1);
      for (guint period = 0; period < PREP_PROGRESS_N_PERIODS; period++)
        gtk_grid_attach (self->retention_grid,
                         retention_cell (prep_progress_get_retention (self->progress, period, kind), kind, period),
                         (int) period + 1, (int) kind + 1, 1, 1);
    }

  /* Translators: %s is the desired retention, e.g. "90%" */
  description = g_strdup_printf (_("Reviews of learnt questions recalled, against your desired retention of %s"),
                                 desired);
  adw_preferences_group_set_description (self->retention_group, description);
}

static void
update_heatmap (PrepProgressView *self)
{
  GArray *days = prep_progress_get_heatmap (self->progress);
  g_autofree guint *counts = g_new0 (guint, MAX (days->len, 1));
  g_autofree guint *seconds = g_new0 (guint, MAX (days->len, 1));
  g_autoptr(GDateTime) today = dup_day_date (prep_progress_get_day (self->progress));
  g_autofree char *summary = NULL;
  guint total = 0, active = 0;

  for (guint i = 0; i < days->len; i++)
    {
      const PrepProgressDay *day = &g_array_index (days, PrepProgressDay, i);

      counts[i] = day->n_reviews;
      seconds[i] = (guint) MIN (day->studied_ms / 1000, G_MAXUINT);
      total += day->n_reviews;
      active += day->n_reviews > 0;
    }

  prep_heatmap_set_data (self->heatmap, counts, seconds, days->len, today);
  if (total == 0)
    summary = g_strdup (_("No reviews in the last year"));
  else
    {
      g_autofree char *on_days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", active), active);

      /* Translators: %u is a number of reviews, %s a number of days such as "37 days" */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review on %s in the last year",
                                              "%u reviews on %s in the last year", total),
                                 total, on_days);
    }
  prep_heatmap_set_summary (self->heatmap, summary);
  adw_preferences_group_set_description (self->activity_group, summary);
}

static void
update_weakest (PrepProgressView *self)
{
  g_autoptr(GArray) weakest = prep_progress_dup_weakest (self->progress, N_WEAKEST);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  remove_rows (self->weakest_list);
  for (guint i = 0; i < weakest->len; i++)
    {
      const PrepProgressWeak *weak = &g_array_index (weakest, PrepProgressWeak, i);
      const char *id = prep_question_get_id (weak->question);
      g_autofree char *recall = dup_percent (weak->retrievability);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      if (weak->lapses == 0)
        /* Translators: under a weak question: its recall probability now */
        subtitle = g_strdup_printf (_("Recall %s"), recall);
      else
        /* Translators: under a weak question: its recall probability now, then how often it was forgotten */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Recall %s · forgotten %u time",
                                                 "Recall %s · forgotten %u times", weak->lapses),
                                    recall, weak->lapses);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prep_question_get_title (weak->question));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-question");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id);
      gtk_widget_set_tooltip_text (row, _("Open in the Study view"));
      gtk_list_box_append (self->weakest_list, row);
      g_strv_builder_add (ids, id);
    }

  g_clear_pointer (&self->weakest_ids, g_strfreev);
  self->weakest_ids = g_strv_builder_end (ids);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.quiz-weakest", weakest->len > 0);
}

/* Answers read to their end, and where to go on from the question
 * opened last (see prep_user_data_find_unread()). */
static void
update_reading (PrepProgressView *self)
{
  GListModel *questions = prep_library_get_questions (self->library);
  g_autofree char *last = g_settings_get_string (self->settings, "last-question");
  g_autoptr(PrepQuestion) next = NULL;
  g_autofree char *description = NULL;
  guint n_answered = 0;

  self->n_read = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->reading_group), self->user_data != NULL);
  if (self->user_data == NULL)
    return;

  for (guint i = 0, n = g_list_model_get_n_items (questions); i < n; i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);

      n_answered += prep_question_get_has_answer (question);
    }

  next = prep_user_data_find_unread (self->user_data, questions, last[0] != '\0' ? last : NULL, &self->n_read);
  if (next == NULL)
    description = g_strdup (_("Every answer has been read to its end"));
  else
    /* Translators: on the Progress page; an answer is read once scrolled to its end */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u answer read to its end",
                                                "%u of %u answers read to their end", n_answered),
                                   self->n_read, n_answered);
  adw_preferences_group_set_description (self->reading_group, description);

  gtk_widget_set_visible (GTK_WIDGET (self->continue_row), next != NULL);
  if (next != NULL)
    {
      adw_action_row_set_subtitle (self->continue_row, prep_question_get_title (next));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->continue_row), "s", prep_question_get_id (next));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->continue_row), "win.open-question");
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->continue_row), NULL);
    }
}

static gboolean
have_reviews (PrepProgressView *self)
{
  return prep_review_store_get_n_log_entries (self->reviews) > 0 ||
         (self->weakest_ids != NULL && self->weakest_ids[0] != NULL) || self->n_read > 0;
}

/**
 * prep_progress_view_refresh:
 *
 * Computes the figures again, for now, and shows them.
 */
void
prep_progress_view_refresh (PrepProgressView *self)
{
  g_return_if_fail (PREP_IS_PROGRESS_VIEW (self));

  if (self->library == NULL || self->reviews == NULL)
    return;

  g_clear_pointer (&self->progress, prep_progress_unref);
  self->progress = prep_progress_new_for_store (self->reviews, prep_library_get_questions (self->library), now ());

  update_weakest (self);
  update_today (self);
  update_interview (self);
  update_coverage (self);
  update_forecast (self);
  update_retention (self);
  update_heatmap (self);
  update_reading (self);

  gtk_stack_set_visible_child_name (self->stack, have_reviews (self) ? "progress" : "empty");
}

/* Cheap, but only worth it when seen: a hidden view computes when shown. */
static void
changed_cb (PrepProgressView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    prep_progress_view_refresh (self);
}

static void
quiz_weakest_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PrepProgressView *self = PREP_PROGRESS_VIEW (widget);

  if (self->weakest_ids != NULL && self->weakest_ids[0] != NULL)
    start_quiz (self, NULL, (const char * const *) self->weakest_ids, 0);
}

static void
final_review_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PrepProgressView *self = PREP_PROGRESS_VIEW (widget);
  g_autoptr(GArray) weakest = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  if (self->progress == NULL)
    return;

  weakest = prep_progress_dup_weakest (self->progress, N_FINAL_REVIEW);
  for (guint i = 0; i < weakest->len; i++)
    g_strv_builder_add (builder, prep_question_get_id (g_array_index (weakest, PrepProgressWeak, i).question));
  ids = g_strv_builder_end (builder);
  if (ids[0] != NULL)
    start_quiz (self, NULL, (const char * const *) ids, 0);
}

static void
clear_interview_date_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  PrepProgressView *self = PREP_PROGRESS_VIEW (widget);

  g_settings_set_string (self->settings, "interview-date", "");
}

static void
prep_progress_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (prep_progress_view_parent_class)->map (widget);

  prep_progress_view_refresh (PREP_PROGRESS_VIEW (widget));
}

static gboolean
prep_progress_view_grab_focus (GtkWidget *widget)
{
  PrepProgressView *self = PREP_PROGRESS_VIEW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  return gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
prep_progress_view_dispose (GObject *object)
{
  PrepProgressView *self = (PrepProgressView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PREP_TYPE_PROGRESS_VIEW);

  g_clear_pointer (&self->progress, prep_progress_unref);
  g_clear_pointer (&self->weakest_ids, g_strfreev);
  g_clear_object (&self->library);
  g_clear_object (&self->reviews);
  g_clear_object (&self->user_data);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (prep_progress_view_parent_class)->dispose (object);
}

static void
prep_progress_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PrepProgressView *self = PREP_PROGRESS_VIEW (object);

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
prep_progress_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PrepProgressView *self = PREP_PROGRESS_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      if (self->library != NULL)
        g_signal_handlers_disconnect_by_func (self->library, changed_cb, self);
      g_set_object (&self->library, g_value_get_object (value));
      /* Category and question titles are in the content language. */
      if (self->library != NULL)
        g_signal_connect_object (self->library, "notify::locale", G_CALLBACK (changed_cb),
                                 self, G_CONNECT_SWAPPED);
      changed_cb (self);
      break;

    case PROP_MENU_MODEL:
      gtk_menu_button_set_menu_model (self->menu_button, g_value_get_object (value));
      break;

    case PROP_REVIEWS:
      if (self->reviews != NULL)
        g_signal_handlers_disconnect_by_func (self->reviews, changed_cb, self);
      g_set_object (&self->reviews, g_value_get_object (value));
      if (self->reviews != NULL)
        {
          g_signal_connect_object (self->reviews, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (self->reviews, "notify::desired-retention", G_CALLBACK (changed_cb),
                                   self, G_CONNECT_SWAPPED);
        }
      changed_cb (self);
      break;

    case PROP_STACK:
      adw_view_switcher_set_stack (self->switcher, g_value_get_object (value));
      break;

    case PROP_NARROW:
      prep_progress_view_set_narrow (self, g_value_get_boolean (value));
      break;

    case PROP_USER_DATA:
      if (self->user_data != NULL)
        g_signal_handlers_disconnect_by_func (self->user_data, changed_cb, self);
      g_set_object (&self->user_data, g_value_get_object (value));
      if (self->user_data != NULL)
        g_signal_connect_object (self->user_data, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
      changed_cb (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_progress_view_class_init (PrepProgressViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prep_progress_view_dispose;
  object_class->get_property = prep_progress_view_get_property;
  object_class->set_property = prep_progress_view_set_property;

  widget_class->map = prep_progress_view_map;
  widget_class->grab_focus = prep_progress_view_grab_focus;

  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PREP_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MENU_MODEL] =
    g_param_spec_object ("menu-model", NULL, NULL, G_TYPE_MENU_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_REVIEWS] =
    g_param_spec_object ("reviews", NULL, NULL, PREP_TYPE_REVIEW_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The window's view stack, for the view switcher in this header bar. */
  properties [PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, ADW_TYPE_VIEW_STACK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * PrepProgressView:narrow:
   *
   * Whether the window is narrow: the view switcher is then in the
   * window's bottom bar, not in this header bar.
   */
  properties [PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Answers read, for the Reading section. */
  properties [PROP_USER_DATA] =
    g_param_spec_object ("user-data", NULL, NULL, PREP_TYPE_USER_DATA,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PrepProgressView::start-quiz:
   * @options: (type gpointer): the #PrepQuizOptions, valid during the emission
   *
   * Asks for a quiz: of a category, of the weakest questions, or the final
   * review. The window shows the Quiz view and starts it.
   */
  signals [START_QUIZ] =
    g_signal_new ("start-quiz", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  g_type_ensure (PREP_TYPE_BAR_CHART);
  g_type_ensure (PREP_TYPE_COLUMNS);
  g_type_ensure (PREP_TYPE_HEATMAP);
  g_type_ensure (PREP_TYPE_INTERVIEW_ROW);
  g_type_ensure (PREP_TYPE_NOTICE_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/llmprep/LlmPrep/ui/prep-progress-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, switcher);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, interview_notice);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, stack);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, columns);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, due_row);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, due_label);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, new_label);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, reviews_label);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, streak_label);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, time_label);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, plan_label);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, final_review_button);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, coverage_list);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, forecast_group);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, forecast_chart);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, retention_group);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, retention_grid);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, activity_group);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, heatmap);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, weakest_list);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, reading_group);
  gtk_widget_class_bind_template_child (widget_class, PrepProgressView, continue_row);
  gtk_widget_class_bind_template_callback (widget_class, coverage_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "progress.quiz-weakest", NULL, quiz_weakest_action);
  gtk_widget_class_install_action (widget_class, "progress.final-review", NULL, final_review_action);
  gtk_widget_class_install_action (widget_class, "progress.clear-interview-date", NULL,
                                   clear_interview_date_action);
}

static void
prep_progress_view_init (PrepProgressView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::interview-date", G_CALLBACK (update_interview),
                           self, G_CONNECT_SWAPPED);
  update_interview (self);
}

/**
 * prep_progress_view_get_progress:
 *
 * Returns: (transfer none) (nullable): the figures shown
 */
PrepProgress *
prep_progress_view_get_progress (PrepProgressView *self)
{
  g_return_val_if_fail (PREP_IS_PROGRESS_VIEW (self), NULL);

  return self->progress;
}

void
prep_progress_view_set_narrow (PrepProgressView *self,
                               gboolean          narrow)
{
  g_return_if_fail (PREP_IS_PROGRESS_VIEW (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->switcher)) == !narrow)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->switcher), !narrow);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NARROW]);
}

/**
 * prep_progress_view_add_top_bar:
 * @bar: a widget to show under the header bar, such as a notice
 */
void
prep_progress_view_add_top_bar (PrepProgressView *self,
                                GtkWidget        *bar)
{
  g_return_if_fail (PREP_IS_PROGRESS_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (bar));

  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->header_bar))),
                              bar, GTK_WIDGET (self->header_bar));
}
