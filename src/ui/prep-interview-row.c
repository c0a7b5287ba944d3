/* prep-interview-row.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-interview-row"

#include "config.h"

#include <glib/gi18n.h>

#include "prep-interview-row.h"
#include "prep-scheduler.h"

/* The interview date, in Preferences and on the Progress page: a button
 * with the date that opens a calendar, and one that clears it. Both edit
 * the interview-date setting, which the application applies to the
 * review store; the row only shows and sets the key. */

struct _PrepInterviewRow
{
  AdwActionRow    parent_instance;

  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  GtkWidget      *clear_button;

  /* Owned references */
  GSettings      *settings;

  gboolean        selecting;  /* the calendar is shown the date, not picked */
};

G_DEFINE_FINAL_TYPE (PrepInterviewRow, prep_interview_row, ADW_TYPE_ACTION_ROW)

static GDateTime *
dup_setting (PrepInterviewRow *self)
{
  g_autofree char *text = g_settings_get_string (self->settings, "interview-date");
  gint64 day = prep_study_day_from_date (text);
  g_autoptr(GDate) date = NULL;

  if (day == 0)
    return NULL;

  date = g_date_new_julian ((guint32) day);
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
}

static void
setting_changed_cb (PrepInterviewRow *self)
{
  g_autoptr(GDateTime) date = dup_setting (self);
  g_autofree char *label = NULL;

  if (date != NULL)
    /* Translators: the interview date on its button, see g_date_time_format(), e.g. "Dec 24, 2026" */
    label = g_date_time_format (date, _("%b %-d, %Y"));

  gtk_menu_button_set_label (self->date_button, label != NULL ? label : _("Not Set"));
  gtk_widget_set_visible (self->clear_button, date != NULL);
}

/* The calendar opens on the date set, or on today. */
static void
popover_show_cb (PrepInterviewRow *self)
{
  g_autoptr(GDateTime) date = dup_setting (self);

  if (date == NULL)
    date = g_date_time_new_now_local ();
  self->selecting = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->selecting = FALSE;
}

static void
day_selected_cb (PrepInterviewRow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  if (self->selecting)
    return;

  g_settings_set_string (self->settings, "interview-date", text);
  gtk_menu_button_popdown (self->date_button);
}

static void
clear_cb (PrepInterviewRow *self)
{
  g_settings_set_string (self->settings, "interview-date", "");
  gtk_widget_grab_focus (GTK_WIDGET (self->date_button));
}

static void
prep_interview_row_dispose (GObject *object)
{
  PrepInterviewRow *self = (PrepInterviewRow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (prep_interview_row_parent_class)->dispose (object);
}

static void
prep_interview_row_class_init (PrepInterviewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = prep_interview_row_dispose;
}

static void
prep_interview_row_init (PrepInterviewRow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Interview _Date"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self), TRUE);

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  g_signal_connect_object (popover, "show", G_CALLBACK (popover_show_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self, G_CONNECT_SWAPPED);

  self->date_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->date_button, popover);
  gtk_menu_button_set_always_show_arrow (self->date_button, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_button), _("Pick the Interview Date"));
  gtk_widget_add_css_class (GTK_WIDGET (self->date_button), "interview-date");

  self->clear_button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_tooltip_text (self->clear_button, _("Clear Interview Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clear Interview Date"), -1);
  gtk_widget_add_css_class (self->clear_button, "flat");
  gtk_widget_add_css_class (self->clear_button, "interview-clear");
  g_signal_connect_object (self->clear_button, "clicked", G_CALLBACK (clear_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->date_button));
  gtk_box_append (GTK_BOX (box), self->clear_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->date_button));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::interview-date", G_CALLBACK (setting_changed_cb),
                           self, G_CONNECT_SWAPPED);
  setting_changed_cb (self);
}

GtkWidget *
prep_interview_row_new (void)
{
  return g_object_new (PREP_TYPE_INTERVIEW_ROW, NULL);
}
