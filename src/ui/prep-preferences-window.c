/* prep-preferences-window.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "prep-interview-row.h"
#include "prep-preferences-window.h"

/* The preferences, each bound to its GSettings key: the rest of the app
 * follows the keys, not this window. */

struct _PrepPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkAdjustment        *retention_adjustment;
  GtkAdjustment        *minutes_adjustment;

  /* Owned references */
  GSettings            *settings;
  AdwComboRow          *language_row;
};

G_DEFINE_FINAL_TYPE (PrepPreferencesWindow, prep_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The key holds a probability, the row shows a percentage. */
static gboolean
retention_get_mapping (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100);
  return TRUE;
}

/* The content-language setting, as the row's position: Automatic,
 * Chinese, English. */
static const char *language_values[] = { "auto", "zh_TW", "en" };

static gboolean
language_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *setting = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (language_values); i++)
    if (g_str_equal (setting, language_values[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
language_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (language_values[i < G_N_ELEMENTS (language_values) ? i : 0]);
}

static GVariant *
retention_set_mapping (const GValue       *value,
                       const GVariantType *expected_type,
                       gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100);
}

/* The percentage as the locale writes it: "90%", "90 %". */
static gboolean
retention_output_cb (GtkSpinButton *spin)
{
  /* Translators: the desired retention, a percentage; write it as your locale does ("90%", "90 %") */
  g_autofree char *text = g_strdup_printf (_("%u%%"), (guint) gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

/* Reads back what was typed: the number, with or without its sign. */
static int
retention_input_cb (GtkSpinButton *spin,
                    double        *new_value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  double value;

  while (*text != '\0' && !g_ascii_isdigit (*text))
    text++;
  value = g_ascii_strtod (text, &end);
  if (end == text)
    return GTK_INPUT_ERROR;

  *new_value = value;
  return TRUE;
}

static void
prep_preferences_window_dispose (GObject *object)
{
  PrepPreferencesWindow *self = (PrepPreferencesWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (prep_preferences_window_parent_class)->dispose (object);
}

static void
prep_preferences_window_class_init (PrepPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prep_preferences_window_dispose;

  g_type_ensure (PREP_TYPE_INTERVIEW_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/llmprep/LlmPrep/ui/prep-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PrepPreferencesWindow, retention_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PrepPreferencesWindow, minutes_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PrepPreferencesWindow, language_row);
  gtk_widget_class_bind_template_callback (widget_class, retention_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, retention_input_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
prep_preferences_window_init (PrepPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "desired-retention", self->retention_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, retention_get_mapping, retention_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "interview-minutes", self->minutes_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "content-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_get_mapping, language_set_mapping,
                                NULL, NULL);
}

GtkWidget *
prep_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (PREP_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
