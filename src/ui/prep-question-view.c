/* prep-question-view.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-question-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "prep-category.h"
#include "prep-question.h"
#include "prep-question-view.h"

/* Shows one question: its metadata, then either its answer or an honest
 * note that the answer has not been written yet. */
struct _PrepQuestionView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkStack          *answer_stack;
  GtkScrolledWindow *scroller;
  AdwStatusPage     *error_page;
  GtkLabel          *category_label;
  GtkLabel          *title_label;
  GtkLabel          *difficulty_label;
  GtkLabel          *origin_label;
  GtkLabel          *tags_label;
  GtkLabel          *reviewed_label;
  GtkLabel          *short_answer_label;
  GtkLabel          *detailed_answer_label;
  GtkWidget         *short_answer_card;
  GtkWidget         *detailed_answer_box;

  /* Owned references */
  PrepQuestion      *question;
};

G_DEFINE_FINAL_TYPE (PrepQuestionView, prep_question_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUESTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
format_tags (PrepQuestion *question)
{
  const char * const *tags = prep_question_get_tags (question);
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; tags[i] != NULL; i++)
    g_string_append_printf (str, "%s#%s", i ? "  " : "", tags[i]);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
update (PrepQuestionView *self)
{
  PrepQuestion *question = self->question;
  g_autoptr(PrepCategory) category = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *reviewed = NULL;
  const char *short_answer;
  const char *detailed_answer;

  if (question == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  category = prep_question_dup_category (question);
  tags = format_tags (question);
  if (prep_question_get_last_reviewed (question) != NULL)
    /* Translators: %s is a date such as 2026-11-29 */
    reviewed = g_strdup_printf (_("Reviewed %s"), prep_question_get_last_reviewed (question));

  set_optional_label (self->category_label, category ? prep_category_get_title (category) : NULL);
  gtk_label_set_label (self->title_label, prep_question_get_title (question));
  gtk_label_set_label (self->difficulty_label,
                       prep_difficulty_get_label (prep_question_get_difficulty (question)));
  set_optional_label (self->origin_label,
                      prep_question_get_origin (question) == PREP_ORIGIN_ADDED ?
                      _("Added basic concept") : NULL);
  set_optional_label (self->tags_label, tags);
  set_optional_label (self->reviewed_label, reviewed);

  if (prep_question_get_has_answer (question))
    {
      short_answer = prep_question_get_short_answer (question);
      detailed_answer = prep_question_get_detailed_answer (question);

      gtk_label_set_label (self->short_answer_label, short_answer);
      gtk_widget_set_visible (self->short_answer_card, short_answer[0] != '\0');
      gtk_label_set_label (self->detailed_answer_label, detailed_answer);
      gtk_widget_set_visible (self->detailed_answer_box, detailed_answer[0] != '\0');
      gtk_stack_set_visible_child_name (self->answer_stack, "answer");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->answer_stack, "pending");
    }

  gtk_stack_set_visible_child_name (self->stack, "question");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
prep_question_view_dispose (GObject *object)
{
  PrepQuestionView *self = (PrepQuestionView *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PREP_TYPE_QUESTION_VIEW);
  /* Template children that are not bound to a field stay parented. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->question);

  G_OBJECT_CLASS (prep_question_view_parent_class)->dispose (object);
}

static void
prep_question_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PrepQuestionView *self = PREP_QUESTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_question_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PrepQuestionView *self = PREP_QUESTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      prep_question_view_set_question (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_question_view_class_init (PrepQuestionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prep_question_view_dispose;
  object_class->get_property = prep_question_view_get_property;
  object_class->set_property = prep_question_view_set_property;

  properties [PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, PREP_TYPE_QUESTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "prepquestionview");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/llmprep/LlmPrep/ui/prep-question-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, stack);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, answer_stack);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, category_label);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, difficulty_label);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, origin_label);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, tags_label);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, reviewed_label);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, short_answer_label);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, detailed_answer_label);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, short_answer_card);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, detailed_answer_box);
}

static void
prep_question_view_init (PrepQuestionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
prep_question_view_new (void)
{
  return g_object_new (PREP_TYPE_QUESTION_VIEW, NULL);
}

/**
 * prep_question_view_get_question:
 *
 * Returns: (transfer none) (nullable): the question shown
 */
PrepQuestion *
prep_question_view_get_question (PrepQuestionView *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), NULL);

  return self->question;
}

void
prep_question_view_set_question (PrepQuestionView *self,
                                 PrepQuestion     *question)
{
  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));
  g_return_if_fail (!question || PREP_IS_QUESTION (question));

  if (!g_set_object (&self->question, question))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_QUESTION]);
}

/**
 * prep_question_view_show_error:
 *
 * Replaces the view with an error page, e.g. when the content is broken.
 */
void
prep_question_view_show_error (PrepQuestionView *self,
                               const char       *title,
                               const char       *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  escaped = g_markup_escape_text (message ? message : "", -1);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
}
