/* prep-pack-dialogs.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-pack-dialogs"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "prep-anki-export.h"
#include "prep-content-loader.h"
#include "prep-library.h"
#include "prep-pack-dialogs.h"
#include "prep-pack-io.h"

/* At most this many problems or renames are listed; the rest counted. */
#define MAX_LISTED 50

/* One import, from the file chooser to the toast. */
typedef struct
{
  GtkWindow        *parent;
  PrepPackStore    *store;
  AdwToastOverlay  *toasts;
  PrepPackImport   *import;
  GCancellable     *cancellable;
  AdwMessageDialog *progress;
  GtkProgressBar   *bar;
  char             *name;      /* the file's, for messages */
} ImportRun;

static void
import_run_free (ImportRun *run)
{
  if (run->progress != NULL)
    gtk_window_destroy (GTK_WINDOW (run->progress));
  g_clear_object (&run->parent);
  g_clear_object (&run->store);
  g_clear_object (&run->toasts);
  g_clear_object (&run->import);
  g_clear_object (&run->cancellable);
  g_free (run->name);
  g_free (run);
}

/* A list in a message dialog: selectable, scrolled when long. */
static GtkWidget *
list_widget (const char *text)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);

  return scrolled;
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *body,
            const char *list)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (list != NULL)
    adw_message_dialog_set_extra_child (dialog, list_widget (list));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fraction_cb (PrepPackImport *import,
             GParamSpec     *pspec,
             ImportRun      *run)
{
  if (run->bar != NULL)
    gtk_progress_bar_set_fraction (run->bar, prep_pack_import_get_fraction (import));
}

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ImportRun        *run)
{
  /* The dialog goes; the run ends when the thread returns. */
  run->progress = NULL;
  run->bar = NULL;
  g_cancellable_cancel (run->cancellable);
}

static void
show_progress (ImportRun  *run,
               const char *heading)
{
  if (run->progress == NULL)
    {
      run->progress = ADW_MESSAGE_DIALOG (adw_message_dialog_new (run->parent, heading, run->name));
      run->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
      adw_message_dialog_set_extra_child (run->progress, GTK_WIDGET (run->bar));
      adw_message_dialog_add_response (run->progress, "cancel", _("_Cancel"));
      g_signal_connect (run->progress, "response", G_CALLBACK (progress_response_cb), run);
      gtk_window_present (GTK_WINDOW (run->progress));
    }
  else
    adw_message_dialog_set_heading (run->progress, heading);
}

static void
hide_progress (ImportRun *run)
{
  if (run->progress != NULL)
    {
      g_signal_handlers_disconnect_by_func (run->progress, progress_response_cb, run);
      gtk_window_destroy (GTK_WINDOW (run->progress));
      run->progress = NULL;
      run->bar = NULL;
    }
}

static void
commit_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  ImportRun *run = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = prep_pack_import_get_n_questions (run->import);

  hide_progress (run);

  if (!prep_pack_import_commit_finish (run->import, result, &error))
    {
      /* Translators: %s is a file name */
      g_autofree char *body = g_strdup_printf (_("%s could not be imported."), run->name);

      show_error (run->parent, _("The File Was Not Imported"), body, error->message);
    }
  else
    {
      /* Translators: %u is a number of questions, %s a file name */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u question from %s",
                                              "Imported %u questions from %s", n), n, run->name);
      adw_toast_overlay_add_toast (run->toasts, adw_toast_new (message));
    }

  import_run_free (run);
}

static void
commit (ImportRun *run)
{
  show_progress (run, _("Saving the Questions"));
  gtk_progress_bar_pulse (run->bar);
  /* The pack is being written: that is not taken back half-way. */
  adw_message_dialog_set_response_enabled (run->progress, "cancel", FALSE);
  prep_pack_import_commit_async (run->import, NULL, commit_cb, run);
}

static void
clashes_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ImportRun        *run)
{
  if (g_strcmp0 (response, "rename") == 0)
    commit (run);
  else
    import_run_free (run);
}

static void
ask_renames (ImportRun *run)
{
  GPtrArray *clashes = prep_pack_import_get_clashes (run->import);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  for (guint i = 0; i < clashes->len && i < MAX_LISTED; i++)
    {
      PrepPackClash *clash = g_ptr_array_index (clashes, i);

      g_string_append_printf (list, "%s%s → %s", i ? "\n" : "", clash->id, clash->rename_to);
    }
  if (clashes->len > MAX_LISTED)
    /* Translators: at the end of a list; %u is how many more */
    g_string_append_printf (list, "\n%s", _("…and more"));

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %u is a number of IDs, %s a file name */
                                       "%u ID in %s is already used. It can be imported under a free one:",
                                       "%u IDs in %s are already used. They can be imported under free ones:",
                                       clashes->len),
                          clashes->len, run->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (run->parent, _("Some IDs Are Taken"), body));
  adw_message_dialog_set_extra_child (dialog, list_widget (list->str));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename All and Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (clashes_response_cb), run);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  ImportRun *run = data;
  g_autoptr(GError) error = NULL;
  gboolean ok = prep_pack_import_read_finish (run->import, result, &error);

  if (g_cancellable_is_cancelled (run->cancellable))
    {
      import_run_free (run);
      return;
    }

  hide_progress (run);

  if (!ok)
    {
      GPtrArray *issues = prep_pack_import_get_issues (run->import);
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *body = NULL;

      for (guint i = 0; i < issues->len && i < MAX_LISTED; i++)
        {
          PrepContentIssue issue = *(PrepContentIssue *) g_ptr_array_index (issues, i);
          g_autofree char *name = issue.file ? g_path_get_basename (issue.file) : NULL;
          g_autofree char *line = NULL;

          issue.file = name;
          line = prep_content_issue_to_string (&issue);
          g_string_append_printf (list, "%s%s", i ? "\n" : "", line);
        }
      if (issues->len > MAX_LISTED)
        g_string_append_printf (list, "\n%s", _("…and more"));

      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %s is a file name, %u a number of problems */
                                           "%s has %u problem, so nothing was imported:",
                                           "%s has %u problems, so nothing was imported:",
                                           issues->len),
                              run->name, issues->len);
      show_error (run->parent, _("The File Was Not Imported"), body, issues->len ? list->str : error->message);
      import_run_free (run);
      return;
    }

  if (prep_pack_import_get_clashes (run->import)->len > 0)
    ask_renames (run);
  else
    commit (run);
}

static void
import_file (ImportRun *run,
             GFile     *file)
{
  run->name = g_file_get_basename (file);
  run->import = prep_pack_import_new (run->store, file);
  run->cancellable = g_cancellable_new ();
  g_signal_connect (run->import, "notify::fraction", G_CALLBACK (fraction_cb), run);

  show_progress (run, _("Importing Questions"));
  prep_pack_import_read_async (run->import, run->cancellable, read_cb, run);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    ImportRun       *run)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file != NULL)
    import_file (run, file);
  else
    import_run_free (run);
}

static ImportRun *
import_run_new (GtkWindow       *parent,
                PrepPackStore   *store,
                AdwToastOverlay *toasts)
{
  ImportRun *run = g_new0 (ImportRun, 1);

  run->parent = g_object_ref (parent);
  run->store = g_object_ref (store);
  run->toasts = g_object_ref (toasts);

  return run;
}

/**
 * prep_pack_dialogs_import_file:
 *
 * Imports @file as prep_pack_dialogs_import() does once it is chosen.
 */
void
prep_pack_dialogs_import_file (GtkWindow       *parent,
                               PrepPackStore   *store,
                               AdwToastOverlay *toasts,
                               GFile           *file)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (PREP_IS_PACK_STORE (store));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));
  g_return_if_fail (G_IS_FILE (file));

  import_file (import_run_new (parent, store, toasts), file);
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Question packs (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");

  return filter;
}

/**
 * prep_pack_dialogs_import:
 *
 * Asks for a pack file and imports it: progress while it is read,
 * its problems if it has any (nothing is imported then), a free ID for
 * each taken one if the user agrees, and a toast when done.
 */
void
prep_pack_dialogs_import (GtkWindow       *parent,
                          PrepPackStore   *store,
                          AdwToastOverlay *toasts)
{
  g_autoptr(GtkFileFilter) filter = json_filter ();
  GtkFileChooserNative *chooser;
  ImportRun *run;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (PREP_IS_PACK_STORE (store));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));

  run = import_run_new (parent, store, toasts);

  /* Native: the portal's file chooser inside the Flatpak sandbox. */
  chooser = gtk_file_chooser_native_new (_("Import Questions"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), run);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Exporting: which questions, then which format, then where. */
typedef struct
{
  GtkWindow       *parent;
  AdwToastOverlay *toasts;
  PrepLibrary     *library;
  GPtrArray       *questions;
  GtkDropDown     *format;
  gboolean         anki;
} ExportRun;

static void
export_run_free (ExportRun *run)
{
  g_clear_object (&run->parent);
  g_clear_object (&run->toasts);
  g_clear_object (&run->library);
  g_clear_pointer (&run->questions, g_ptr_array_unref);
  g_free (run);
}

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  ExportRun *run = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    /* Translators: %s says why */
    message = g_strdup_printf (_("The questions could not be exported: %s"), error->message);
  else
    /* Translators: %u is a number of questions */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u question", "Exported %u questions",
                                            run->questions->len), run->questions->len);
  adw_toast_overlay_add_toast (run->toasts, adw_toast_new (message));
  export_run_free (run);
}

static void
export_file_cb (GtkNativeDialog *chooser,
                int              response,
                ExportRun       *run)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT ||
      !(file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    {
      g_object_unref (chooser);
      export_run_free (run);
      return;
    }
  g_object_unref (chooser);

  if (run->anki)
    {
      char *text = prep_anki_export (run->questions, prep_library_get_locale (run->library), NULL, &error);

      if (text != NULL)
        bytes = g_bytes_new_take (text, strlen (text));
    }
  else
    bytes = prep_pack_export_json (run->questions, &error);

  if (bytes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The questions could not be exported: %s"), error->message);

      adw_toast_overlay_add_toast (run->toasts, adw_toast_new (message));
      export_run_free (run);
      return;
    }

  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, export_written_cb, run);
}

static void
choose_file (ExportRun *run)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) folder = g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Questions"), run->parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     run->anki ? "llm-prep-questions.txt" : "llm-prep-questions.json");
  g_signal_connect (chooser, "response", G_CALLBACK (export_file_cb), run);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_scope_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 ExportRun        *run)
{
  PrepUserData *user_data = g_object_get_data (G_OBJECT (dialog), "user-data");
  const char *category_id = g_object_get_data (G_OBJECT (dialog), "category-id");

  run->anki = gtk_drop_down_get_selected (run->format) == 1;

  if (g_str_equal (response, "user"))
    run->questions = prep_pack_export_select (run->library, PREP_PACK_EXPORT_USER, NULL, NULL);
  else if (g_str_equal (response, "category"))
    run->questions = prep_pack_export_select (run->library, PREP_PACK_EXPORT_CATEGORY, category_id, NULL);
  else if (g_str_equal (response, "bookmarked"))
    run->questions = prep_pack_export_select (run->library, PREP_PACK_EXPORT_BOOKMARKED, NULL, user_data);
  else
    {
      export_run_free (run);
      return;
    }

  if (run->questions->len == 0)
    {
      adw_toast_overlay_add_toast (run->toasts, adw_toast_new (_("There are no such questions to export")));
      export_run_free (run);
      return;
    }

  choose_file (run);
}

/**
 * prep_pack_dialogs_export:
 * @current: (nullable): the question on show, whose category may be exported
 *
 * Asks which questions (the user's, the current category, the bookmarked
 * ones) and in which format (a question pack, or Anki's text), then where.
 */
void
prep_pack_dialogs_export (GtkWindow       *parent,
                          PrepLibrary     *library,
                          PrepUserData    *user_data,
                          PrepQuestion    *current,
                          AdwToastOverlay *toasts)
{
  g_autoptr(PrepCategory) category = current ? prep_question_dup_category (current) : NULL;
  const char * const formats[] = {
    _("Question pack (JSON)"),
    _("Anki (tab-separated text)"),
    NULL,
  };
  AdwMessageDialog *dialog;
  ExportRun *run;
  GtkWidget *format;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (PREP_IS_LIBRARY (library));

  run = g_new0 (ExportRun, 1);
  run->parent = g_object_ref (parent);
  run->toasts = g_object_ref (toasts);
  run->library = g_object_ref (library);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Export Questions"),
                                                       _("Which questions? A question pack imports back into "
                                                         "LLM Prep; Anki imports the text file as cards.")));
  format = gtk_drop_down_new_from_strings (formats);
  gtk_accessible_update_property (GTK_ACCESSIBLE (format), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Format"), -1);
  run->format = GTK_DROP_DOWN (format);
  adw_message_dialog_set_extra_child (dialog, format);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "user", _("_Your Questions"),
                                    NULL);
  if (category != NULL)
    {
      /* Translators: a button; %s is a category's title */
      g_autofree char *label = g_strdup_printf (_("Category “%s”"), prep_category_get_title (category));

      adw_message_dialog_add_response (dialog, "category", label);
      g_object_set_data_full (G_OBJECT (dialog), "category-id",
                              g_strdup (prep_category_get_id (category)), g_free);
    }
  if (user_data != NULL)
    {
      adw_message_dialog_add_response (dialog, "bookmarked", _("_Bookmarked"));
      g_object_set_data_full (G_OBJECT (dialog), "user-data", g_object_ref (user_data), g_object_unref);
    }
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (export_scope_cb), run);
  gtk_window_present (GTK_WINDOW (dialog));
}
