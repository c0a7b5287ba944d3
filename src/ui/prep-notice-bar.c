/* prep-notice-bar.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-notice-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "prep-notice-bar.h"

/* A lasting notice under a header bar, as AdwBanner does in libadwaita
 * 1.3: a sentence, a button that does something about it, and for
 * notices that can be put away, a close button. It stays until the
 * window takes it away: unlike a toast, it cannot be missed. */

struct _PrepNoticeBar
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *label;
  GtkButton   *button;
  GtkButton   *close_button;
};

G_DEFINE_FINAL_TYPE (PrepNoticeBar, prep_notice_bar, GTK_TYPE_WIDGET)

static void
prep_notice_bar_dispose (GObject *object)
{
  PrepNoticeBar *self = (PrepNoticeBar *)object;

  g_clear_pointer ((GtkWidget **) &self->revealer, gtk_widget_unparent);

  G_OBJECT_CLASS (prep_notice_bar_parent_class)->dispose (object);
}

static void
prep_notice_bar_class_init (PrepNoticeBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prep_notice_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "prepnoticebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
prep_notice_bar_init (PrepNoticeBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);

  self->button = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_use_underline (self->button, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);

  self->close_button = GTK_BUTTON (gtk_button_new_from_icon_name ("window-close-symbolic"));
  gtk_widget_set_valign (GTK_WIDGET (self->close_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->close_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->close_button), "circular");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->close_button), _("Dismiss"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->close_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dismiss"), -1);

  gtk_widget_add_css_class (box, "notice-bar");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->button));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->close_button));
  gtk_revealer_set_child (self->revealer, box);
}

GtkWidget *
prep_notice_bar_new (void)
{
  return g_object_new (PREP_TYPE_NOTICE_BAR, NULL);
}

/**
 * prep_notice_bar_get_text:
 *
 * Returns: (nullable): the notice shown, or %NULL
 */
const char *
prep_notice_bar_get_text (PrepNoticeBar *self)
{
  g_return_val_if_fail (PREP_IS_NOTICE_BAR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->revealer))
    return NULL;

  return gtk_label_get_text (self->label);
}

/**
 * prep_notice_bar_set_notice:
 * @text: (nullable): the notice, or %NULL to hide the bar
 * @button_label: (nullable): with a mnemonic, or %NULL for no button
 * @action_name: (nullable): what the button does, a detailed action name
 * @dismiss_action_name: (nullable): what the close button does, or %NULL
 *   for a notice that stays while it is true
 */
void
prep_notice_bar_set_notice (PrepNoticeBar *self,
                            const char    *text,
                            const char    *button_label,
                            const char    *action_name,
                            const char    *dismiss_action_name)
{
  g_return_if_fail (PREP_IS_NOTICE_BAR (self));

  if (text != NULL)
    gtk_label_set_text (self->label, text);
  if (button_label != NULL)
    gtk_button_set_label (self->button, button_label);
  /* "win.show-in-files('/path')" names an action and its target. The
   * target goes first: an action with a parameter and no target warns. */
  {
    g_autofree char *name = NULL;
    g_autoptr(GVariant) target = NULL;

    if (action_name != NULL && !g_action_parse_detailed_name (action_name, &name, &target, NULL))
      g_critical ("malformed action “%s”", action_name);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), NULL);
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->button), target);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), name);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->button), button_label != NULL && action_name != NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->close_button), dismiss_action_name);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), dismiss_action_name != NULL);

  gtk_revealer_set_reveal_child (self->revealer, text != NULL);
}
