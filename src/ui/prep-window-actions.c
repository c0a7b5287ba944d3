/* prep-window-actions.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "prep-application.h"
#include "prep-library.h"
#include "prep-pack-dialogs.h"
#include "prep-pack-store.h"
#include "prep-question-editor.h"
#include "prep-question-view.h"
#include "prep-sidebar.h"
#include "prep-text.h"
#include "prep-user-data.h"
#include "prep-window-private.h"

/* The window's actions and their shortcuts (listed in the shortcuts
 * window, resources/ui/prep-shortcuts-window.ui). */

/* The shortcuts window is built on first use rather than with the window
 * (as GtkApplication would do with gtk/help-overlay.ui): with all its
 * shortcut labels it cost ≈ 60 ms of the first frame. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource ("/io/github/llmprep/LlmPrep/ui/prep-shortcuts-window.ui");
      gtk_application_window_set_help_overlay (window,
                                               GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }

  gtk_widget_activate_action (widget, "win.show-help-overlay", NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "study");
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar_page));
  prep_sidebar_start_search (self->sidebar);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);

  /* "win.show-study" shows "study", and so on. */
  adw_view_stack_set_visible_child_name (self->view_stack, action_name + strlen ("win.show-"));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    PrepWindow      *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))))
    prep_window_export_notes (self, file);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);
  GtkFileChooserNative *dialog;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) folder = g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());

  if (self->user_data == NULL || self->library == NULL)
    return;

  /* Native: the portal's file chooser inside the Flatpak sandbox. In the
   * Documents folder, with a name any file system and mail client takes. */
  dialog = gtk_file_chooser_native_new (_("Export Notes"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "llm-prep-notes.md");
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The user's question packs: import is also an app action (app.import-pack). */
static void
import_pack_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  PrepPackStore *packs = PREP_IS_APPLICATION (app) ? prep_application_get_pack_store (PREP_APPLICATION (app)) : NULL;

  if (packs != NULL)
    prep_pack_dialogs_import (GTK_WINDOW (self), packs, self->toast_overlay);
}

static void
export_pack_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);

  if (self->library != NULL)
    prep_pack_dialogs_export (GTK_WINDOW (self), self->library, self->user_data, self->question,
                              self->toast_overlay);
}

typedef struct
{
  PrepWindow *window;
  char       *uri;
} ShowInFiles;

static void
show_in_files_free (ShowInFiles *data)
{
  g_clear_object (&data->window);
  g_free (data->uri);
  g_free (data);
}

static void
launch_folder_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ShowInFiles *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not open the folder: %s"), error->message);

      adw_toast_overlay_add_toast (data->window->toast_overlay, adw_toast_new (message));
    }

  show_in_files_free (data);
}

/* The file manager shows the file selected (FileManager1, as Files and
 * most file managers implement it); failing that, its folder opens. In
 * the Flatpak, which talks to no D-Bus name, the folder opens through
 * the OpenURI portal. */
static void
show_items_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ShowInFiles *data = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *folder_uri = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply != NULL)
    {
      show_in_files_free (data);
      return;
    }

  g_debug ("FileManager1.ShowItems: %s", error->message);
  file = g_file_new_for_uri (data->uri);
  folder = g_file_get_parent (file);
  folder_uri = g_file_get_uri (folder != NULL ? folder : file);
  g_app_info_launch_default_for_uri_async (folder_uri, NULL, NULL, launch_folder_cb, data);
}

void
_prep_window_show_in_files (PrepWindow *self,
                            const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  /* The application's own connection, if it is on the session bus. */
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GDBusConnection *bus = application ? g_application_get_dbus_connection (G_APPLICATION (application)) : NULL;
  g_autoptr(GVariantBuilder) uris = g_variant_builder_new (G_VARIANT_TYPE ("as"));
  ShowInFiles *data = g_new0 (ShowInFiles, 1);

  data->window = g_object_ref (self);
  data->uri = g_file_get_uri (file);

  if (bus == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *folder_uri = g_file_get_uri (folder != NULL ? folder : file);

      g_app_info_launch_default_for_uri_async (folder_uri, NULL, NULL, launch_folder_cb, data);
      return;
    }

  g_variant_builder_add (uris, "s", data->uri);
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, 5000, NULL, show_items_cb, data);
}

static void
show_in_files_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _prep_window_show_in_files (PREP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
dismiss_notice_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _prep_window_dismiss_notice (PREP_WINDOW (widget));
}

static void
retry_save_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);

  g_free (_prep_window_flush_all (self));
}

/* Actions on the question bring its page forward on a narrow window. */
gboolean
_prep_window_show_question_page (PrepWindow *self)
{
  if (self->question == NULL)
    return FALSE;

  adw_leaflet_set_visible_child (self->leaflet, self->content_page);
  return TRUE;
}

static void
clear_interview_date_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);

  g_settings_set_string (self->settings, "interview-date", "");
}

static void
toggle_bookmark_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);

  gtk_toggle_button_set_active (self->bookmark_button,
                                !gtk_toggle_button_get_active (self->bookmark_button));
}

/* Ctrl+Shift+L, or the language button on the question page: answers in
 * the other content language. It is the content-language preference that
 * changes, so the choice is kept; the application applies it to the
 * library, which every view shows. */
static void
toggle_content_language_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);
  const char *locale = self->library ? prep_library_get_locale (self->library) : PREP_CONTENT_LOCALE_DEFAULT;

  g_settings_set_string (self->settings, "content-language", g_str_equal (locale, "en") ? "zh_TW" : "en");
}

/* Alt+←: back in the history of questions; where there is none, from the
 * question to the list on a narrow window. */
static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);
  gboolean studying = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "study") == 0;

  if (studying && prep_history_get_can_go_back (self->history) &&
      (!adw_leaflet_get_folded (self->leaflet) ||
       adw_leaflet_get_visible_child (self->leaflet) == self->content_page))
    {
      _prep_window_go (self, FALSE);
      return;
    }

  if (adw_leaflet_get_folded (self->leaflet))
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
    }
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _prep_window_go (PREP_WINDOW (widget), g_str_equal (action_name, "win.history-forward"));
}

static void
show_outline_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);

  if (_prep_window_show_question_page (self) && gtk_widget_get_visible (GTK_WIDGET (self->outline_button)))
    gtk_menu_button_popup (self->outline_button);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);

  if (!_prep_window_show_question_page (self))
    return;

  if (g_str_equal (action_name, "win.find"))
    prep_question_view_start_find (self->question_view);
  else
    prep_question_view_find_next (self->question_view, g_str_equal (action_name, "win.find-previous"));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);
  double zoom = g_settings_get_double (self->settings, "zoom");

  /* Steps of 10 %, as in GNOME Text Editor. */
  if (g_str_equal (action_name, "win.zoom-in"))
    zoom = MIN (zoom + 0.1, 3.0);
  else if (g_str_equal (action_name, "win.zoom-out"))
    zoom = MAX (zoom - 0.1, 0.5);
  else
    zoom = 1.0;

  g_settings_set_double (self->settings, "zoom", round (zoom * 10) / 10);
}

static void
open_question_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  prep_window_open_question (PREP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The question editor is a window of its own, one at a time per question
 * (and one for a new question, whose draft is "new"): asking again brings
 * it forward. */
static void
open_editor (PrepWindow *self,
             JsonObject *question,
             const char *replaces_id,
             gboolean    copy)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  const char *key = replaces_id ? replaces_id : "new";
  PrepQuestionEditor *editor;

  if (self->packs == NULL)
    return;

  for (GList *l = application ? gtk_application_get_windows (application) : NULL; l; l = l->next)
    if (PREP_IS_QUESTION_EDITOR (l->data) &&
        g_str_equal (prep_question_editor_get_draft_key (l->data), key))
      {
        if (copy)
          adw_toast_overlay_add_toast (self->toast_overlay,
                                       adw_toast_new (_("Save or close the new question first")));
        gtk_window_present (l->data);
        return;
      }

  editor = prep_question_editor_new (GTK_WINDOW (self), self->packs, question, replaces_id);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (editor), TRUE);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_question_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_editor (PREP_WINDOW (widget), NULL, NULL, FALSE);
}

/* A copy of a bundled question, to change as the user's own: new until
 * it is saved, when it gets an id of its own. */
static void
copy_question_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);
  g_autoptr(JsonObject) copy = NULL;

  if (self->question == NULL)
    return;

  copy = prep_question_to_json (self->question);
  if (json_object_has_member (copy, "id"))
    json_object_remove_member (copy, "id");
  open_editor (self, copy, NULL, TRUE);
}

static void
bundled_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PrepWindow       *self)
{
  if (g_str_equal (response, "copy"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.copy-question", NULL);
}

/* The bundled questions are read-only: editing one offers a copy. */
static void
edit_question_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);
  AdwMessageDialog *dialog;
  g_autoptr(JsonObject) question = NULL;

  if (self->question == NULL)
    return;

  if (_prep_window_question_is_users (self, self->question))
    {
      question = prep_question_to_json (self->question);
      open_editor (self, question, prep_question_get_id (self->question), FALSE);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("This Question Comes with LLM Prep"),
                                                       _("The questions that come with the app cannot be changed. "
                                                         "Copy it to My Questions to make it your own; "
                                                         "the original stays as it is.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "copy", _("_Copy to My Questions"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "copy");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (bundled_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PrepWindow       *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  JsonObject *deleted;
  AdwToast *toast;

  if (!g_str_equal (response, "delete") || self->question == NULL || self->packs == NULL)
    return;

  id = g_strdup (prep_question_get_id (self->question));
  if (!(deleted = prep_pack_store_delete_question (self->packs, id, &error)))
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The question could not be deleted: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
      return;
    }

  g_clear_pointer (&self->deleted, json_object_unref);
  self->deleted = deleted;
  g_object_set (self, "question", NULL, NULL);

  toast = adw_toast_new (_("Question deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_question_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (self->question == NULL || !_prep_window_question_is_users (self, self->question))
    return;

  /* Translators: %s is the question's title */
  body = g_strdup_printf (_("“%s” will be deleted from My Questions. Your notes on it and its review history are kept."),
                          prep_question_get_title (self->question));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete the Question?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Undo in the toast: the deleted question saved again, as it was. */
static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PrepWindow *self = PREP_WINDOW (widget);
  g_autoptr(JsonObject) question = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;

  if (question == NULL || self->packs == NULL)
    return;

  if (!prep_pack_store_save_question (self->packs, question, NULL, &error))
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The question could not be restored: %s"), error->message);

      self->deleted = g_steal_pointer (&question);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
      return;
    }

  prep_window_open_question (self, json_object_get_string_member (question, "id"));
}

/**
 * _prep_window_add_history_shortcuts:
 *
 * Alt+← and Alt+→ (and the Back and Forward keys), in the capture phase:
 * the leaflet would otherwise take Alt+← for itself even when unfolded,
 * where it does nothing visible.
 */
void
_prep_window_add_history_shortcuts (PrepWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const struct { guint key; GdkModifierType mods; const char *action; } shortcuts[] = {
    { GDK_KEY_Left, GDK_ALT_MASK, "win.go-back" },
    { GDK_KEY_Back, 0, "win.go-back" },
    { GDK_KEY_Right, GDK_ALT_MASK, "win.history-forward" },
    { GDK_KEY_Forward, 0, "win.history-forward" },
  };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].key, shortcuts[i].mods),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
_prep_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.history-back", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.history-forward", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.show-outline", NULL, show_outline_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-shortcuts", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-study", NULL, show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-quiz", NULL, show_view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.show-study", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.show-quiz", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-progress", NULL, show_view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.show-progress", NULL);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.open-question", "s", open_question_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-bookmark", NULL, toggle_bookmark_action);
  gtk_widget_class_install_action (widget_class, "win.clear-interview-date", NULL, clear_interview_date_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-content-language", NULL,
                                   toggle_content_language_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.toggle-content-language", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-notes", "notes-visible");
  gtk_widget_class_install_property_action (widget_class, "win.question-read", "question-read");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.question-read", NULL);
  gtk_widget_class_install_action (widget_class, "win.retry-save", NULL, retry_save_action);
  gtk_widget_class_install_action (widget_class, "win.export-notes", NULL, export_notes_action);
  gtk_widget_class_install_action (widget_class, "win.import-pack", NULL, import_pack_action);
  gtk_widget_class_install_action (widget_class, "win.export-pack", NULL, export_pack_action);
  gtk_widget_class_install_action (widget_class, "win.show-in-files", "s", show_in_files_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-notice", NULL, dismiss_notice_action);
  gtk_widget_class_install_action (widget_class, "win.new-question", NULL, new_question_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-question", NULL);
  gtk_widget_class_install_action (widget_class, "win.edit-question", NULL, edit_question_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-question", NULL);
  gtk_widget_class_install_action (widget_class, "win.copy-question", NULL, copy_question_action);
  gtk_widget_class_install_action (widget_class, "win.delete-question", NULL, delete_question_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.toggle-notes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.toggle-bookmark", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, 0, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-outline", NULL);
}
