/* prep-choice-view.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-choice-view"

#include "config.h"

#include <glib/gi18n.h>

#include "prep-choice-view.h"
#include "prep-label-text.h"

/* Multiple choice: the content's quiz items with their options shuffled.
 * Choosing (click, 1–4 or A–D) shows at once which option is right, why
 * each option is right or wrong, and the running score; Enter moves on. */

struct _PrepChoiceView
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkLabel        *progress_label;
  GtkLabel        *question_label;
  GtkLabel        *score_label;
  GtkLabel        *prompt_label;
  GtkBox          *options_box;
  GtkLabel        *feedback_label;
  GtkLabel        *explanation_label;
  GtkWidget       *next_button;
  GtkLabel        *next_label;

  /* Owned references */
  PrepQuizSession *session;
  GSignalGroup    *question_signals; /* of the question on show */

  GtkWidget       *option_buttons[PREP_QUIZ_N_OPTIONS];
  GtkLabel        *option_labels[PREP_QUIZ_N_OPTIONS];
  GtkLabel        *option_explanations[PREP_QUIZ_N_OPTIONS];
  GtkImage        *option_marks[PREP_QUIZ_N_OPTIONS];
};

G_DEFINE_FINAL_TYPE (PrepChoiceView, prep_choice_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_score (PrepChoiceView *self)
{
  /* Translators: the running score of a multiple-choice session */
  g_autofree char *score = g_strdup_printf (_("Score %u / %u"),
                                            prep_quiz_session_get_n_correct (self->session),
                                            prep_quiz_session_get_n_answered (self->session));

  gtk_label_set_text (self->score_label, score);
}

static void
show_feedback (PrepChoiceView *self)
{
  const PrepQuizItem *item = prep_quiz_session_get_quiz_item (self->session);
  PrepQuestion *question = prep_quiz_session_get_question (self->session);
  int chosen = prep_quiz_session_get_chosen (self->session);
  const char *locale;
  gboolean answered = chosen >= 0;
  gboolean last;

  if (item == NULL)
    return;

  locale = prep_question_get_locale (question);
  last = prep_quiz_session_get_position (self->session) + 1 >= prep_quiz_session_get_n_items (self->session);

  for (guint shown = 0; shown < PREP_QUIZ_N_OPTIONS; shown++)
    {
      guint index = prep_quiz_session_get_option_index (self->session, shown);
      GtkWidget *button = self->option_buttons[shown];
      PrepText *why = item->option_explanations[index];

      gtk_widget_remove_css_class (button, "choice-right");
      gtk_widget_remove_css_class (button, "choice-wrong");
      gtk_widget_remove_css_class (button, "answered");
      /* Colour is not the only sign: a tick on the right option, a
       * cross on a wrong pick. */
      gtk_widget_set_visible (GTK_WIDGET (self->option_marks[shown]), FALSE);
      if (answered)
        gtk_widget_add_css_class (button, "answered");
      if (answered && index == item->answer)
        {
          gtk_widget_add_css_class (button, "choice-right");
          gtk_image_set_from_icon_name (self->option_marks[shown], "object-select-symbolic");
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->option_marks[shown]),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Right answer"), -1);
          gtk_widget_set_visible (GTK_WIDGET (self->option_marks[shown]), TRUE);
        }
      else if (answered && (int) index == chosen)
        {
          gtk_widget_add_css_class (button, "choice-wrong");
          gtk_image_set_from_icon_name (self->option_marks[shown], "window-close-symbolic");
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->option_marks[shown]),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your answer, not right"), -1);
          gtk_widget_set_visible (GTK_WIDGET (self->option_marks[shown]), TRUE);
        }

      gtk_label_set_text (self->option_explanations[shown], why ? prep_text_get (why, locale) : "");
      prep_label_text_update (self->option_explanations[shown], NULL, G_MAXUINT);
      gtk_widget_set_visible (GTK_WIDGET (self->option_explanations[shown]), answered && why != NULL);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->feedback_label), answered);
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), answered && item->explanation != NULL);
  gtk_widget_set_visible (self->next_button, answered);
  /* Options stay sensitive once answered, so that they are not greyed
   * out over their colours: a second pick simply does nothing. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "choice.next", answered);

  if (answered)
    {
      gboolean right = (guint) chosen == item->answer;

      gtk_label_set_text (self->feedback_label, right ? _("Right") : _("Not quite"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->feedback_label), right ? "error" : "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->feedback_label), right ? "success" : "error");
      gtk_label_set_text (self->explanation_label, item->explanation ? prep_text_get (item->explanation, locale) : "");
      prep_label_text_update (self->explanation_label, NULL, G_MAXUINT);
      gtk_label_set_text (self->next_label, last ? _("See the Results") : _("Next Question"));
    }

  update_score (self);
}

static void show_item (PrepChoiceView *self);

/* The item again in the other language, the choice made kept. */
static void
locale_changed_cb (PrepChoiceView *self)
{
  show_item (self);
}

static void
show_item (PrepChoiceView *self)
{
  const PrepQuizItem *item;
  PrepQuestion *question;
  g_autofree char *progress = NULL;
  const char *locale;

  if (self->session == NULL || !(item = prep_quiz_session_get_quiz_item (self->session)))
    return;

  question = prep_quiz_session_get_question (self->session);
  g_signal_group_set_target (self->question_signals, question);
  locale = prep_question_get_locale (question);
  /* Translators: quiz progress, "3 / 10" */
  progress = g_strdup_printf (_("%u / %u"), prep_quiz_session_get_position (self->session) + 1,
                              prep_quiz_session_get_n_items (self->session));
  gtk_label_set_text (self->progress_label, progress);
  gtk_label_set_text (self->question_label, prep_question_get_title (question));
  gtk_label_set_text (self->prompt_label, prep_text_get (item->prompt, locale));
  prep_label_text_update (self->question_label, NULL, G_MAXUINT);
  prep_label_text_update (self->prompt_label, NULL, G_MAXUINT);

  for (guint shown = 0; shown < PREP_QUIZ_N_OPTIONS; shown++)
    {
      guint index = prep_quiz_session_get_option_index (self->session, shown);

      gtk_label_set_text (self->option_labels[shown], prep_text_get (item->options[index], locale));
      prep_label_text_update (self->option_labels[shown], NULL, G_MAXUINT);
    }

  show_feedback (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PrepChoiceView *self = PREP_CHOICE_VIEW (widget);
  int shown = g_variant_get_int32 (parameter);

  if (self->session == NULL || shown < 0 || shown >= PREP_QUIZ_N_OPTIONS ||
      prep_quiz_session_get_chosen (self->session) >= 0)
    return;

  prep_quiz_session_choose (self->session, (guint) shown, g_get_real_time () / G_USEC_PER_SEC);
  show_feedback (self);
  gtk_widget_grab_focus (widget);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PrepChoiceView *self = PREP_CHOICE_VIEW (widget);

  if (self->session != NULL)
    prep_quiz_session_next (self->session);
}

static void
prep_choice_view_dispose (GObject *object)
{
  PrepChoiceView *self = (PrepChoiceView *)object;

  prep_choice_view_set_session (self, NULL);
  g_clear_object (&self->question_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), PREP_TYPE_CHOICE_VIEW);

  G_OBJECT_CLASS (prep_choice_view_parent_class)->dispose (object);
}

static void
prep_choice_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PrepChoiceView *self = PREP_CHOICE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_choice_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PrepChoiceView *self = PREP_CHOICE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      prep_choice_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_choice_view_class_init (PrepChoiceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prep_choice_view_dispose;
  object_class->get_property = prep_choice_view_get_property;
  object_class->set_property = prep_choice_view_set_property;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PREP_TYPE_QUIZ_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/llmprep/LlmPrep/ui/prep-choice-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, PrepChoiceView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PrepChoiceView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PrepChoiceView, question_label);
  gtk_widget_class_bind_template_child (widget_class, PrepChoiceView, score_label);
  gtk_widget_class_bind_template_child (widget_class, PrepChoiceView, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, PrepChoiceView, options_box);
  gtk_widget_class_bind_template_child (widget_class, PrepChoiceView, feedback_label);
  gtk_widget_class_bind_template_child (widget_class, PrepChoiceView, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, PrepChoiceView, next_button);
  gtk_widget_class_bind_template_child (widget_class, PrepChoiceView, next_label);

  gtk_widget_class_install_action (widget_class, "choice.choose", "i", choose_action);
  gtk_widget_class_install_action (widget_class, "choice.next", NULL, next_action);

  for (int i = 0; i < PREP_QUIZ_N_OPTIONS; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, 0, "choice.choose", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1 + i, 0, "choice.choose", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a + i, 0, "choice.choose", "i", i);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "choice.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "choice.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "choice.next", NULL);
}

static void
prep_choice_view_init (PrepChoiceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The item on show follows its question into the other content language. */
  self->question_signals = g_signal_group_new (PREP_TYPE_QUESTION);
  g_signal_group_connect_swapped (self->question_signals, "notify::locale", G_CALLBACK (locale_changed_cb), self);

  for (guint i = 0; i < PREP_QUIZ_N_OPTIONS; i++)
    {
      g_autofree char *key = g_strdup_printf ("%c", 'A' + i);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *letter = gtk_label_new (key);
      GtkWidget *label = gtk_label_new (NULL);
      GtkWidget *why = gtk_label_new (NULL);
      GtkWidget *mark = gtk_image_new ();

      gtk_widget_add_css_class (letter, "heading");
      gtk_widget_set_valign (letter, GTK_ALIGN_START);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (why), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (why), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (why), 0);
      gtk_widget_add_css_class (why, "caption");
      gtk_widget_set_visible (why, FALSE);
      gtk_box_append (GTK_BOX (texts), label);
      gtk_box_append (GTK_BOX (texts), why);
      gtk_widget_set_hexpand (texts, TRUE);
      gtk_box_append (GTK_BOX (box), letter);
      gtk_box_append (GTK_BOX (box), texts);
      gtk_widget_set_valign (mark, GTK_ALIGN_START);
      gtk_widget_add_css_class (mark, "choice-mark");
      gtk_widget_set_visible (mark, FALSE);
      gtk_box_append (GTK_BOX (box), mark);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_focus_on_click (button, FALSE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "choice.choose");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) i);
      gtk_widget_add_css_class (button, "choice-option");
      gtk_box_append (self->options_box, button);

      self->option_buttons[i] = button;
      self->option_labels[i] = GTK_LABEL (label);
      self->option_explanations[i] = GTK_LABEL (why);
      self->option_marks[i] = GTK_IMAGE (mark);
    }
}

/**
 * prep_choice_view_get_session:
 *
 * Returns: (transfer none) (nullable): the session shown
 */
PrepQuizSession *
prep_choice_view_get_session (PrepChoiceView *self)
{
  g_return_val_if_fail (PREP_IS_CHOICE_VIEW (self), NULL);

  return self->session;
}

void
prep_choice_view_set_session (PrepChoiceView  *self,
                              PrepQuizSession *session)
{
  g_return_if_fail (PREP_IS_CHOICE_VIEW (self));
  g_return_if_fail (session == NULL || PREP_IS_QUIZ_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_swapped (session, "notify::position", G_CALLBACK (show_item), self);

  show_item (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}
