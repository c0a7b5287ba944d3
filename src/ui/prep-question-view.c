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

#include "prep-answer-view.h"
#include "prep-category.h"
#include "prep-question.h"
#include "prep-question-view.h"
#include "prep-user-data.h"

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
  GtkWidget         *short_answer_card;
  PrepAnswerView    *answer_view;
  GtkWidget         *follow_ups_box;
  GtkListBox        *follow_ups_list;
  GtkSearchBar      *find_bar;
  GtkEditable       *find_entry;
  GtkLabel          *find_count;
  GtkRevealer       *notes_revealer;
  GtkTextView       *notes_view;

  /* Owned references */
  PrepQuestion      *question;
  PrepUserData      *user_data;
  GSettings         *settings;
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
append_list (GString    *markdown,
             const char *heading,
             GPtrArray  *texts,
             const char *locale)
{
  if (texts->len == 0)
    return;

  g_string_append_printf (markdown, "\n\n## %s\n\n", heading);
  for (guint i = 0; i < texts->len; i++)
    g_string_append_printf (markdown, "- %s\n", prep_text_get (g_ptr_array_index (texts, i), locale));
}

/* One document for the text view: the detailed answer, then key points,
 * pitfalls and references as sections of it, so that find and selection
 * work across all of them. */
static char *
compose_markdown (PrepQuestion *question)
{
  const char *locale = prep_question_get_locale (question);
  GPtrArray *references = prep_question_get_references (question);
  GString *markdown = g_string_new (prep_question_get_detailed_answer (question));

  append_list (markdown, _("Key Points"), prep_question_get_key_points (question), locale);
  append_list (markdown, _("Common Pitfalls"), prep_question_get_pitfalls (question), locale);

  if (references->len > 0)
    g_string_append_printf (markdown, "\n\n## %s\n\n", _("References"));

  for (guint i = 0; i < references->len; i++)
    {
      PrepReference *reference = g_ptr_array_index (references, i);
      g_autofree char *link = prep_reference_dup_link (reference);

      g_string_append_printf (markdown, "- [%s](%s)", reference->title, link);
      if (reference->authors != NULL)
        g_string_append_printf (markdown, " — %s", reference->authors);
      if (reference->venue != NULL)
        g_string_append_printf (markdown, ", %s", reference->venue);
      if (reference->year != 0)
        g_string_append_printf (markdown, ", %u", reference->year);
      if (reference->arxiv != NULL)
        g_string_append_printf (markdown, " (arXiv:%s)", reference->arxiv);
      g_string_append_c (markdown, '\n');
    }

  return g_string_free (markdown, FALSE);
}

/* Follow-ups as expander rows: the answer stays hidden until asked for. */
static void
fill_follow_ups (PrepQuestionView *self,
                 PrepQuestion     *question)
{
  GtkWidget *child;
  GPtrArray *follow_ups;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->follow_ups_list))))
    gtk_list_box_remove (self->follow_ups_list, child);

  follow_ups = question ? prep_question_get_follow_ups (question) : NULL;
  gtk_widget_set_visible (self->follow_ups_box, follow_ups != NULL && follow_ups->len > 0);
  if (follow_ups == NULL)
    return;

  for (guint i = 0; i < follow_ups->len; i++)
    {
      PrepFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      const char *locale = prep_question_get_locale (question);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *answer = gtk_label_new (prep_text_get (follow_up->answer, locale));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prep_text_get (follow_up->question, locale));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _("Show the answer"));
      gtk_label_set_wrap (GTK_LABEL (answer), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (answer), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (answer), 0);
      gtk_label_set_selectable (GTK_LABEL (answer), TRUE);
      gtk_widget_add_css_class (answer, "follow-up-answer");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), answer);
      gtk_list_box_append (self->follow_ups_list, row);
    }
}

static void
update_find_count (PrepQuestionView *self)
{
  guint n = prep_answer_view_get_n_matches (self->answer_view);
  g_autofree char *count = NULL;
  const char *text = gtk_editable_get_text (self->find_entry);

  if (n > 0)
    /* Translators: the current match and how many there are, e.g. "3 of 12" */
    count = g_strdup_printf (_("%u of %u"), prep_answer_view_get_current_match (self->answer_view), n);
  else if (text[0] != '\0')
    count = g_strdup (_("No matches"));

  gtk_label_set_label (self->find_count, count ? count : "");
}

static void
find_changed_cb (PrepQuestionView *self)
{
  prep_answer_view_find (self->answer_view, gtk_editable_get_text (self->find_entry));
  update_find_count (self);
}

static void
find_next_cb (PrepQuestionView *self)
{
  prep_answer_view_find_next (self->answer_view, FALSE);
  update_find_count (self);
}

static void
find_previous_cb (PrepQuestionView *self)
{
  prep_answer_view_find_next (self->answer_view, TRUE);
  update_find_count (self);
}

static void
find_activate_cb (PrepQuestionView *self)
{
  find_next_cb (self);
}

static void
find_stop_cb (PrepQuestionView *self)
{
  gtk_search_bar_set_search_mode (self->find_bar, FALSE);
}

static void
search_mode_cb (PrepQuestionView *self)
{
  if (!gtk_search_bar_get_search_mode (self->find_bar))
    {
      prep_answer_view_clear_find (self->answer_view);
      update_find_count (self);
    }
}

static gboolean
find_key_pressed_cb (PrepQuestionView      *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  /* Shift+Enter goes back, as in browsers and GNOME Text Editor. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      find_previous_cb (self);
      return TRUE;
    }

  return FALSE;
}

/* The editor shows the model's note; typing writes it back, and the model
 * saves it after a pause. */
static void
notes_changed_cb (PrepQuestionView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->question == NULL || self->user_data == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  prep_user_data_set_note (self->user_data, prep_question_get_id (self->question), text);
}

static void
load_note (PrepQuestionView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  const char *note = NULL;

  if (self->question != NULL && self->user_data != NULL)
    note = prep_user_data_get_note (self->user_data, prep_question_get_id (self->question));

  g_signal_handlers_block_by_func (buffer, notes_changed_cb, self);
  gtk_text_buffer_set_text (buffer, note ? note : "", -1);
  g_signal_handlers_unblock_by_func (buffer, notes_changed_cb, self);

  /* A question with a note opens with it shown. */
  if (note != NULL)
    gtk_revealer_set_reveal_child (self->notes_revealer, TRUE);
}

static void
update (PrepQuestionView *self)
{
  PrepQuestion *question = self->question;
  g_autoptr(PrepCategory) category = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *reviewed = NULL;

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
      g_autofree char *markdown = compose_markdown (question);
      const char *short_answer = prep_question_get_short_answer (question);

      gtk_label_set_label (self->short_answer_label, short_answer);
      gtk_widget_set_visible (self->short_answer_card, short_answer[0] != '\0');
      prep_answer_view_set_markdown (self->answer_view, markdown);
      fill_follow_ups (self, question);
      gtk_stack_set_visible_child_name (self->answer_stack, "answer");
    }
  else
    {
      prep_answer_view_set_markdown (self->answer_view, NULL);
      fill_follow_ups (self, NULL);
      gtk_stack_set_visible_child_name (self->answer_stack, "pending");
    }

  load_note (self);

  /* A new question: finding starts over. */
  if (gtk_search_bar_get_search_mode (self->find_bar))
    find_changed_cb (self);

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
  g_clear_object (&self->user_data);
  g_clear_object (&self->settings);

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
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, short_answer_card);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, answer_view);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, follow_ups_box);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, follow_ups_list);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, find_bar);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, find_entry);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, find_count);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, notes_revealer);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, find_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_stop_cb);

  g_type_ensure (PREP_TYPE_ANSWER_VIEW);
}

static void
prep_question_view_init (PrepQuestionView *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "zoom", self->answer_view, "zoom", G_SETTINGS_BIND_GET);

  gtk_search_bar_connect_entry (self->find_bar, self->find_entry);
  g_signal_connect_swapped (self->find_bar, "notify::search-mode-enabled",
                            G_CALLBACK (search_mode_cb), self);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (notes_changed_cb), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (find_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), keys);
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

/**
 * prep_question_view_start_find:
 *
 * Shows the find bar, with the focus in it.
 */
void
prep_question_view_start_find (PrepQuestionView *self)
{
  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (self->find_entry, 0, -1);
}

/**
 * prep_question_view_highlight:
 *
 * Shows the find bar with @text, its matches highlighted and the first
 * one scrolled into sight, as after a search.
 */
void
prep_question_view_highlight (PrepQuestionView *self,
                              const char       *text)
{
  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_editable_set_text (self->find_entry, text);
  find_changed_cb (self);
}

/**
 * prep_question_view_find_next:
 * @backward: to the previous match
 */
void
prep_question_view_find_next (PrepQuestionView *self,
                              gboolean          backward)
{
  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  if (!gtk_search_bar_get_search_mode (self->find_bar))
    {
      prep_question_view_start_find (self);
      return;
    }

  if (backward)
    find_previous_cb (self);
  else
    find_next_cb (self);
}

/**
 * prep_question_view_get_answer_view:
 *
 * Returns: (transfer none): the view of the answer text
 */
PrepAnswerView *
prep_question_view_get_answer_view (PrepQuestionView *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), NULL);

  return self->answer_view;
}

/**
 * prep_question_view_set_user_data:
 *
 * Where the notes editor reads and writes the user's notes.
 */
void
prep_question_view_set_user_data (PrepQuestionView *self,
                                  PrepUserData     *user_data)
{
  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  if (g_set_object (&self->user_data, user_data))
    load_note (self);
}

/**
 * prep_question_view_toggle_notes:
 *
 * Shows the notes editor with the focus in it, or hides it.
 */
void
prep_question_view_toggle_notes (PrepQuestionView *self)
{
  gboolean reveal;

  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  reveal = !gtk_revealer_get_reveal_child (self->notes_revealer);
  gtk_revealer_set_reveal_child (self->notes_revealer, reveal);
  if (reveal)
    gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
}

gboolean
prep_question_view_get_notes_visible (PrepQuestionView *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->notes_revealer);
}

/**
 * prep_question_view_get_notes_buffer:
 *
 * Returns: (transfer none): the notes editor's text
 */
GtkTextBuffer *
prep_question_view_get_notes_buffer (PrepQuestionView *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), NULL);

  return gtk_text_view_get_buffer (self->notes_view);
}
