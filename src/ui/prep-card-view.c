/* prep-card-view.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-card-view"

#include "config.h"

#include <glib/gi18n.h>

#include "prep-card-view.h"
#include "prep-label-text.h"

/* One flashcard or mock-interview question at a time: the question, then
 * (Space) the short answer and the key points to tick, and the four
 * grades with the interval each would give. In a mock interview a
 * countdown runs while the user drafts an answer, and the follow-up
 * questions come one at a time once the answer is shown.
 *
 * Keys: Space shows the answer, then gives the suggested grade; A–H tick
 * key points; 1–4 grade; N asks a follow-up; Ctrl+Z takes the last grade
 * back. Buttons do not
 * take focus on click, so that Space keeps meaning the card. */

struct _PrepCardView
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkLabel        *progress_label;
  GtkLabel        *category_label;
  GtkLabel        *timer_label;
  GtkWidget       *timer_bar;
  GtkButton       *pause_button;
  GtkLabel        *question_label;
  GtkWidget       *draft_box;
  GtkTextView     *draft_view;
  GtkWidget       *reveal_button;
  GtkLabel        *reveal_label;
  GtkShortcutLabel *reveal_shortcut;
  GtkWidget       *answer_box;
  GtkLabel        *short_answer_label;
  GtkLabel        *key_points_heading;
  GtkBox          *key_points_box;
  GtkWidget       *follow_ups_box;
  GtkBox          *follow_up_list;
  GtkWidget       *follow_up_button;
  GtkBox          *grade_bar;

  /* Owned references */
  PrepQuizSession *session;
  GSignalGroup    *question_signals; /* of the question on show */

  GtkWidget       *grade_buttons[4];
  GtkLabel        *interval_labels[4];
  guint            time_limit;
  guint            time_left;
  guint            paused : 1;
  guint            time_up : 1;
  guint            timer_source;
};

G_DEFINE_FINAL_TYPE (PrepCardView, prep_card_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_TIME_LEFT,
  PROP_TIME_LIMIT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Key points are ticked with the letters a–h (numbers are the grades). */
#define N_KEY_POINT_KEYS 8

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

static void
update_timer_label (PrepCardView *self)
{
  g_autofree char *text = NULL;

  if (self->time_up)
    text = g_strdup (_("Time’s up"));
  else if (self->paused)
    /* Translators: the countdown of a mock interview while paused, e.g. "2:31, paused" */
    text = g_strdup_printf (_("%u:%02u, paused"), self->time_left / 60, self->time_left % 60);
  else
    text = g_strdup_printf ("%u:%02u", self->time_left / 60, self->time_left % 60);

  gtk_label_set_text (self->timer_label, text);
  if (self->time_left <= 30)
    gtk_widget_add_css_class (GTK_WIDGET (self->timer_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->timer_label), "error");

  gtk_button_set_icon_name (self->pause_button, self->paused ? "media-playback-start-symbolic"
                                                             : "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button), self->paused ? _("Resume (Ctrl+P)")
                                                                             : _("Pause (Ctrl+P)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->paused ? _("Resume") : _("Pause"),
                                  -1);
}

static gboolean
timer_tick_cb (gpointer data)
{
  PrepCardView *self = data;

  if (self->time_left > 0)
    self->time_left--;
  update_timer_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIME_LEFT]);

  if (self->time_left == 0)
    {
      /* Time is up: as in an interview, the answer is what was said. */
      self->timer_source = 0;
      self->time_up = TRUE;
      update_timer_label (self);
      prep_quiz_session_reveal (self->session);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* The intervals are worked out when the answer is shown; ticking key
 * points only moves the suggestion. */
static void
update_intervals (PrepCardView *self)
{
  PrepQuestion *question = prep_quiz_session_get_question (self->session);
  PrepCard next[4];

  if (question == NULL)
    return;

  prep_review_store_preview (prep_quiz_session_get_reviews (self->session),
                             prep_question_get_id (question), now (), next);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *interval = prep_format_interval (next[i].interval);

      gtk_label_set_text (self->interval_labels[i], interval);
    }
}

static void
update_suggestion (PrepCardView *self)
{
  PrepGrade suggested = prep_quiz_session_get_suggested_grade (self->session);

  for (guint i = 0; i < 4; i++)
    {
      if (i + 1 == suggested)
        gtk_widget_add_css_class (self->grade_buttons[i], "suggested-action");
      else
        gtk_widget_remove_css_class (self->grade_buttons[i], "suggested-action");
    }
}

static void
key_point_toggled_cb (PrepCardView   *self,
                      GtkCheckButton *check)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "key-point"));

  prep_quiz_session_set_covered (self->session, index, gtk_check_button_get_active (check));
}

static void
update_key_points_heading (PrepCardView *self)
{
  PrepQuestion *question = prep_quiz_session_get_question (self->session);
  g_autofree char *text = NULL;
  guint n;

  if (question == NULL)
    return;

  n = prep_question_get_key_points (question)->len;
  /* Translators: above the key-point checklist; %u of %u are ticked */
  text = g_strdup_printf (_("Key points — tick what you covered (%u of %u)"),
                          prep_quiz_session_get_n_covered (self->session), n);
  gtk_label_set_text (self->key_points_heading, text);
  update_suggestion (self);
}

static void
show_follow_ups (PrepCardView *self)
{
  PrepQuestion *question = prep_quiz_session_get_question (self->session);
  GPtrArray *follow_ups;
  guint shown;

  remove_children (self->follow_up_list);
  if (question == NULL)
    return;

  follow_ups = prep_question_get_follow_ups (question);
  shown = prep_quiz_session_get_n_follow_ups_shown (self->session);
  for (guint i = 0; i < shown && i < follow_ups->len; i++)
    {
      const PrepFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      const char *locale = prep_question_get_locale (question);
      GtkWidget *label = gtk_label_new (prep_text_get (follow_up->question, locale));
      GtkWidget *expander = gtk_expander_new_with_mnemonic (_("_Model Answer"));
      GtkWidget *answer = gtk_label_new (prep_text_get (follow_up->answer, locale));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "title-4");
      prep_label_text_update (GTK_LABEL (label), NULL, G_MAXUINT);
      prep_label_text_update (GTK_LABEL (answer), NULL, G_MAXUINT);
      gtk_label_set_wrap (GTK_LABEL (answer), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (answer), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (answer), 0);
      gtk_label_set_selectable (GTK_LABEL (answer), TRUE);
      gtk_expander_set_child (GTK_EXPANDER (expander), answer);
      gtk_box_append (self->follow_up_list, label);
      gtk_box_append (self->follow_up_list, expander);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.follow-up", shown < follow_ups->len);
  gtk_widget_set_visible (self->follow_up_button, shown < follow_ups->len);
}

static void
sync_revealed (PrepCardView *self)
{
  gboolean revealed = self->session != NULL && prep_quiz_session_get_revealed (self->session);
  gboolean interview = self->session != NULL && prep_quiz_session_get_mode (self->session) == PREP_QUIZ_INTERVIEW;

  gtk_widget_set_visible (self->reveal_button, !revealed);
  gtk_widget_set_visible (self->answer_box, revealed);
  gtk_widget_set_visible (GTK_WIDGET (self->grade_bar), revealed);
  gtk_widget_set_visible (self->follow_ups_box, revealed && interview);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.grade", revealed);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.pause", interview && !revealed);
  /* Once the key points are shown, the clock has stopped for good. */
  gtk_widget_set_visible (GTK_WIDGET (self->pause_button), interview && !revealed);

  /* Once the key points are shown, the draft is kept as written and the
   * keys grade, tick and ask: the focus leaves it. */
  gtk_text_view_set_editable (self->draft_view, !revealed);
  gtk_text_view_set_cursor_visible (self->draft_view, !revealed);

  if (revealed)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

      g_clear_handle_id (&self->timer_source, g_source_remove);
      update_intervals (self);
      show_follow_ups (self);
      if (focus != NULL && (focus == GTK_WIDGET (self->draft_view) ||
                            gtk_widget_is_ancestor (focus, GTK_WIDGET (self->draft_view))))
        gtk_widget_grab_focus (GTK_WIDGET (self));
    }
}

/* The card's texts in the other language; the timer, the draft and the
 * ticked key points stay as they are. */
static void
locale_changed_cb (PrepCardView *self)
{
  PrepQuestion *question = self->session ? prep_quiz_session_get_question (self->session) : NULL;
  g_autoptr(PrepCategory) category = NULL;
  GPtrArray *key_points;
  guint i = 0;

  if (question == NULL)
    return;

  category = prep_question_dup_category (question);
  key_points = prep_question_get_key_points (question);

  gtk_label_set_text (self->category_label, category ? prep_category_get_title (category) : "");
  gtk_label_set_text (self->question_label, prep_question_get_title (question));
  gtk_label_set_text (self->short_answer_label, prep_question_get_short_answer (question));
  prep_label_text_update (self->question_label, NULL, G_MAXUINT);
  prep_label_text_update (self->short_answer_label, NULL, G_MAXUINT);

  /* Each key point is a check button holding its key and its label. */
  for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->key_points_box));
       check != NULL && i < key_points->len;
       check = gtk_widget_get_next_sibling (check), i++)
    {
      GtkWidget *box = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));
      GtkWidget *label = box ? gtk_widget_get_last_child (box) : NULL;

      if (GTK_IS_LABEL (label))
        {
          gtk_label_set_text (GTK_LABEL (label), prep_text_get (g_ptr_array_index (key_points, i),
                                                                prep_question_get_locale (question)));
          prep_label_text_update (GTK_LABEL (label), NULL, G_MAXUINT);
        }
    }
}

static void
show_card (PrepCardView *self)
{
  PrepQuestion *question;
  g_autoptr(PrepCategory) category = NULL;
  g_autofree char *progress = NULL;
  GPtrArray *key_points;
  gboolean interview;

  g_clear_handle_id (&self->timer_source, g_source_remove);
  remove_children (self->key_points_box);

  if (self->session == NULL || !(question = prep_quiz_session_get_question (self->session)))
    return;

  interview = prep_quiz_session_get_mode (self->session) == PREP_QUIZ_INTERVIEW;
  g_signal_group_set_target (self->question_signals, question);
  category = prep_question_dup_category (question);
  /* Translators: quiz progress, "3 / 10" */
  progress = g_strdup_printf (_("%u / %u"), prep_quiz_session_get_position (self->session) + 1,
                              prep_quiz_session_get_n_items (self->session));
  gtk_label_set_text (self->progress_label, progress);
  gtk_label_set_text (self->category_label, category ? prep_category_get_title (category) : "");
  gtk_label_set_text (self->question_label, prep_question_get_title (question));
  gtk_label_set_text (self->short_answer_label, prep_question_get_short_answer (question));
  prep_label_text_update (self->question_label, NULL, G_MAXUINT);
  prep_label_text_update (self->short_answer_label, NULL, G_MAXUINT);
  gtk_label_set_text (self->reveal_label, interview ? _("I’m Done — Show the Key Points") : _("Show Answer"));
  /* In an interview Space types into the draft. */
  gtk_shortcut_label_set_accelerator (self->reveal_shortcut, interview ? "<Control>Return" : "space");

  key_points = prep_question_get_key_points (question);
  for (guint i = 0; i < key_points->len; i++)
    {
      g_autofree char *letter = g_strdup_printf ("%c", 'a' + MIN (i, 25));
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *key = gtk_shortcut_label_new (letter);
      GtkWidget *label = gtk_label_new (prep_text_get (g_ptr_array_index (key_points, i),
                                                       prep_question_get_locale (question)));

      gtk_widget_set_valign (key, GTK_ALIGN_START);
      gtk_widget_set_hexpand (label, TRUE);
      prep_label_text_update (GTK_LABEL (label), NULL, G_MAXUINT);
      gtk_widget_set_visible (key, i < N_KEY_POINT_KEYS);
      gtk_box_append (GTK_BOX (box), key);
      gtk_box_append (GTK_BOX (box), label);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_focus_on_click (check, FALSE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), prep_quiz_session_get_covered (self->session, i));
      g_object_set_data (G_OBJECT (check), "key-point", GUINT_TO_POINTER (i));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (key_point_toggled_cb), self);
      gtk_box_append (self->key_points_box, check);
    }

  gtk_widget_set_visible (self->draft_box, interview);
  gtk_widget_set_visible (self->timer_bar, interview);
  self->paused = FALSE;
  self->time_up = FALSE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->draft_view), "", -1);

  if (interview && !prep_quiz_session_get_revealed (self->session))
    {
      self->time_left = self->time_limit;
      update_timer_label (self);
      self->timer_source = g_timeout_add_seconds (1, timer_tick_cb, self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIME_LEFT]);
    }

  update_key_points_heading (self);
  sync_revealed (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PrepCardView *self = PREP_CARD_VIEW (widget);

  if (self->session != NULL)
    prep_quiz_session_reveal (self->session);
  gtk_widget_grab_focus (widget);
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PrepCardView *self = PREP_CARD_VIEW (widget);

  if (self->session == NULL || prep_quiz_session_get_revealed (self->session) || self->time_up)
    return;

  self->paused = !self->paused;
  g_clear_handle_id (&self->timer_source, g_source_remove);
  if (!self->paused)
    self->timer_source = g_timeout_add_seconds (1, timer_tick_cb, self);
  update_timer_label (self);
}

/* Keys while the interview draft has the focus. Typing is typing; but
 * Ctrl+Enter shows the key points rather than breaking a line, Ctrl+P
 * pauses, and Ctrl+Z takes back the last grade once there is no typing
 * left to undo: no documented key is lost in the draft. */
static gboolean
draft_key_pressed_cb (PrepCardView          *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->draft_view);

  state &= gtk_accelerator_get_default_mod_mask ();
  if (state != GDK_CONTROL_MASK)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      gtk_widget_activate_action (GTK_WIDGET (self), "card.reveal", NULL);
      return TRUE;

    case GDK_KEY_p:
      gtk_widget_activate_action (GTK_WIDGET (self), "card.pause", NULL);
      return TRUE;

    case GDK_KEY_z:
      if (gtk_text_view_get_editable (self->draft_view) && gtk_text_buffer_get_can_undo (buffer))
        return FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "card.undo", NULL);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
grade_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PrepCardView *self = PREP_CARD_VIEW (widget);
  int grade = g_variant_get_int32 (parameter);

  if (self->session == NULL || !prep_quiz_session_get_revealed (self->session))
    return;

  /* 0: the suggested grade. */
  if (grade == 0)
    grade = prep_quiz_session_get_suggested_grade (self->session);
  if (grade >= PREP_GRADE_AGAIN && grade <= PREP_GRADE_EASY)
    prep_quiz_session_grade (self->session, (PrepGrade) grade, now ());
}

/* Space: show the answer, or once shown, give the suggested grade. */
static void
space_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PrepCardView *self = PREP_CARD_VIEW (widget);

  if (self->session == NULL)
    return;

  if (!prep_quiz_session_get_revealed (self->session))
    prep_quiz_session_reveal (self->session);
  else
    prep_quiz_session_grade (self->session, prep_quiz_session_get_suggested_grade (self->session), now ());
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PrepCardView *self = PREP_CARD_VIEW (widget);

  if (self->session != NULL)
    prep_quiz_session_undo (self->session);
}

static void
toggle_key_point_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PrepCardView *self = PREP_CARD_VIEW (widget);
  guint index = (guint) g_variant_get_int32 (parameter);
  guint i = 0;

  if (self->session == NULL || !prep_quiz_session_get_revealed (self->session))
    return;

  for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->key_points_box));
       check != NULL;
       check = gtk_widget_get_next_sibling (check), i++)
    {
      if (i == index)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                       !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
          break;
        }
    }
}

static void
follow_up_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PrepCardView *self = PREP_CARD_VIEW (widget);

  if (self->session != NULL && prep_quiz_session_get_revealed (self->session) &&
      prep_quiz_session_show_next_follow_up (self->session))
    show_follow_ups (self);
}

static void
open_answer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PrepCardView *self = PREP_CARD_VIEW (widget);
  PrepQuestion *question;

  if (self->session == NULL || !(question = prep_quiz_session_get_question (self->session)))
    return;

  gtk_widget_activate_action (widget, "win.open-question", "s", prep_question_get_id (question));
}

static void
session_position_cb (PrepCardView *self)
{
  if (!prep_quiz_session_get_finished (self->session))
    show_card (self);
  else
    g_clear_handle_id (&self->timer_source, g_source_remove);
}

static void
sync_undo (PrepCardView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.undo",
                                 self->session != NULL && prep_quiz_session_get_can_undo (self->session));
}

static GtkWidget *
grade_button_new (PrepCardView *self,
                  guint         index,
                  const char   *name)
{
  g_autofree char *key = g_strdup_printf ("%u", index + 1);
  /* Translators: tooltip of a grade button, e.g. "Good (key 3)" */
  g_autofree char *tooltip = g_strdup_printf (_("%s (key %u)"), name, index + 1);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *interval = gtk_label_new (NULL);
  GtkWidget *shortcut = gtk_shortcut_label_new (key);

  gtk_widget_add_css_class (interval, "caption");
  gtk_widget_add_css_class (interval, "numeric");
  gtk_widget_set_halign (shortcut, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), interval);
  gtk_box_append (GTK_BOX (box), shortcut);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_set_size_request (button, 72, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "card.grade");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) (index + 1));
  gtk_widget_add_css_class (button, "grade-button");

  self->interval_labels[index] = GTK_LABEL (interval);

  return button;
}

/* Typing goes to the draft while an interview question is open; else the
 * card itself takes the keys. */
static gboolean
prep_card_view_grab_focus (GtkWidget *widget)
{
  PrepCardView *self = PREP_CARD_VIEW (widget);

  if (self->session != NULL &&
      prep_quiz_session_get_mode (self->session) == PREP_QUIZ_INTERVIEW &&
      !prep_quiz_session_get_revealed (self->session) &&
      gtk_widget_grab_focus (GTK_WIDGET (self->draft_view)))
    return TRUE;

  return GTK_WIDGET_CLASS (prep_card_view_parent_class)->grab_focus (widget);
}

static void
prep_card_view_dispose (GObject *object)
{
  PrepCardView *self = (PrepCardView *)object;

  prep_card_view_set_session (self, NULL);
  g_clear_object (&self->question_signals);
  g_clear_handle_id (&self->timer_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PREP_TYPE_CARD_VIEW);

  G_OBJECT_CLASS (prep_card_view_parent_class)->dispose (object);
}

static void
prep_card_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PrepCardView *self = PREP_CARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_TIME_LEFT:
      g_value_set_uint (value, self->time_left);
      break;

    case PROP_TIME_LIMIT:
      g_value_set_uint (value, self->time_limit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_card_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PrepCardView *self = PREP_CARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      prep_card_view_set_session (self, g_value_get_object (value));
      break;

    case PROP_TIME_LIMIT:
      prep_card_view_set_time_limit (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_card_view_class_init (PrepCardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prep_card_view_dispose;
  object_class->get_property = prep_card_view_get_property;
  object_class->set_property = prep_card_view_set_property;

  widget_class->grab_focus = prep_card_view_grab_focus;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PREP_TYPE_QUIZ_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TIME_LEFT] =
    g_param_spec_uint ("time-left", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Seconds per mock-interview question. */
  properties [PROP_TIME_LIMIT] =
    g_param_spec_uint ("time-limit", NULL, NULL, 10, 3600, 180,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/llmprep/LlmPrep/ui/prep-card-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, category_label);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, timer_label);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, timer_bar);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, pause_button);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, question_label);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, draft_box);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, draft_view);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, reveal_label);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, reveal_shortcut);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, answer_box);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, short_answer_label);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, key_points_heading);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, key_points_box);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, follow_ups_box);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, follow_up_list);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, follow_up_button);
  gtk_widget_class_bind_template_child (widget_class, PrepCardView, grade_bar);

  gtk_widget_class_install_action (widget_class, "card.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "card.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "card.space", NULL, space_action);
  gtk_widget_class_install_action (widget_class, "card.grade", "i", grade_action);
  gtk_widget_class_install_action (widget_class, "card.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "card.follow-up", NULL, follow_up_action);
  gtk_widget_class_install_action (widget_class, "card.toggle-key-point", "i", toggle_key_point_action);
  gtk_widget_class_install_action (widget_class, "card.open-answer", NULL, open_answer_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "card.space", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "card.space", NULL);
  for (int i = 1; i <= 4; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, 0, "card.grade", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + i, 0, "card.grade", "i", i);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "card.reveal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "card.reveal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "card.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "card.pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "card.follow-up", NULL);
  for (int i = 0; i < N_KEY_POINT_KEYS; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a + i, 0, "card.toggle-key-point", "i", i);
}

static void
prep_card_view_init (PrepCardView *self)
{
  GtkEventController *keys;
  const char *names[] = {
    /* Translators: grade buttons of a flashcard */
    N_("Again"), N_("Hard"), N_("Good"), N_("Easy"),
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The card on show follows its question into the other content language. */
  self->question_signals = g_signal_group_new (PREP_TYPE_QUESTION);
  g_signal_group_connect_swapped (self->question_signals, "notify::locale", G_CALLBACK (locale_changed_cb), self);
  self->time_limit = 180;

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (draft_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->draft_view), keys);

  for (guint i = 0; i < 4; i++)
    {
      self->grade_buttons[i] = grade_button_new (self, i, _(names[i]));
      gtk_box_append (self->grade_bar, self->grade_buttons[i]);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.undo", FALSE);
}

/**
 * prep_card_view_get_session:
 *
 * Returns: (transfer none) (nullable): the session shown
 */
PrepQuizSession *
prep_card_view_get_session (PrepCardView *self)
{
  g_return_val_if_fail (PREP_IS_CARD_VIEW (self), NULL);

  return self->session;
}

void
prep_card_view_set_session (PrepCardView    *self,
                            PrepQuizSession *session)
{
  g_return_if_fail (PREP_IS_CARD_VIEW (self));
  g_return_if_fail (session == NULL || PREP_IS_QUIZ_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      g_signal_connect_swapped (session, "notify::position", G_CALLBACK (session_position_cb), self);
      g_signal_connect_swapped (session, "notify::finished", G_CALLBACK (session_position_cb), self);
      g_signal_connect_swapped (session, "notify::revealed", G_CALLBACK (sync_revealed), self);
      g_signal_connect_swapped (session, "notify::n-covered", G_CALLBACK (update_key_points_heading), self);
      g_signal_connect_swapped (session, "notify::can-undo", G_CALLBACK (sync_undo), self);
    }

  sync_undo (self);
  show_card (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

guint
prep_card_view_get_time_limit (PrepCardView *self)
{
  g_return_val_if_fail (PREP_IS_CARD_VIEW (self), 0);

  return self->time_limit;
}

void
prep_card_view_set_time_limit (PrepCardView *self,
                               guint         seconds)
{
  g_return_if_fail (PREP_IS_CARD_VIEW (self));

  seconds = CLAMP (seconds, 10, 3600);
  if (self->time_limit == seconds)
    return;

  self->time_limit = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIME_LIMIT]);
}

/**
 * prep_card_view_get_time_left:
 *
 * Returns: seconds left on the mock interview's countdown
 */
guint
prep_card_view_get_time_left (PrepCardView *self)
{
  g_return_val_if_fail (PREP_IS_CARD_VIEW (self), 0);

  return self->time_left;
}
