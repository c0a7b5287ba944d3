/* prep-window.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-window"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "prep-application.h"
#include "prep-export.h"
#include "prep-glyph-warmer.h"
#include "prep-library.h"
#include "prep-pack-store.h"
#include "prep-user-data.h"
#include "prep-progress-view.h"
#include "prep-question.h"
#include "prep-question-view.h"
#include "prep-quiz-view.h"
#include "prep-renderer.h"
#include "prep-review-store.h"
#include "prep-search.h"
#include "prep-sidebar.h"
#include "prep-sidebar-frame.h"
#include "prep-window.h"
#include "prep-window-private.h"

G_DEFINE_FINAL_TYPE (PrepWindow, prep_window, ADW_TYPE_APPLICATION_WINDOW)

#define NARROW_WIDTH 600

enum {
  PROP_0,
  PROP_USER_DATA,
  PROP_LIBRARY,
  PROP_REVIEWS,
  PROP_PACKS,
  PROP_QUESTION,
  PROP_NOTES_VISIBLE,
  PROP_QUESTION_READ,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
bookmark_toggled_cb (PrepWindow *self)
{
  if (self->question != NULL && self->user_data != NULL)
    prep_user_data_set_bookmarked (self->user_data, prep_question_get_id (self->question),
                                   gtk_toggle_button_get_active (self->bookmark_button));
}

static gboolean
question_read (PrepWindow *self)
{
  return self->question != NULL && self->user_data != NULL &&
         prep_user_data_get_read (self->user_data, prep_question_get_id (self->question));
}

/**
 * _prep_window_question_is_users:
 *
 * Returns: whether @question is one of the user's (in a pack), which they
 *   may change and delete, rather than bundled
 */
gboolean
_prep_window_question_is_users (PrepWindow   *self,
                                PrepQuestion *question)
{
  return self->packs != NULL && question != NULL && prep_question_get_pack_id (question) != NULL;
}

/* Edit changes the user's question, or offers a copy of a bundled one. */
static void
sync_edit_actions (PrepWindow *self)
{
  gboolean studying = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "study") == 0;
  gboolean editable = self->packs != NULL && self->question != NULL && studying;
  gboolean users = editable && _prep_window_question_is_users (self, self->question);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-question", self->packs != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-question", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-question", editable && !users);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-question", users);
  gtk_widget_set_visible (GTK_WIDGET (self->question_menu_button), editable);
}

/* The star button shows the model's state and never holds its own; the
 * question actions are enabled only while a question is shown. */
static void
sync_question_controls (PrepWindow *self)
{
  gboolean studying = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "study") == 0;
  gboolean bookmarked = FALSE;

  if (self->question != NULL && self->user_data != NULL)
    bookmarked = prep_user_data_get_bookmarked (self->user_data, prep_question_get_id (self->question));

  g_signal_handlers_block_by_func (self->bookmark_button, bookmark_toggled_cb, self);
  gtk_toggle_button_set_active (self->bookmark_button, bookmarked);
  g_signal_handlers_unblock_by_func (self->bookmark_button, bookmark_toggled_cb, self);

  gtk_button_set_icon_name (GTK_BUTTON (self->bookmark_button),
                            bookmarked ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->bookmark_button),
                               bookmarked ? _("Remove Bookmark") : _("Bookmark Question"));
  /* Buttons that would do nothing without a question are not shown. */
  gtk_widget_set_visible (GTK_WIDGET (self->bookmark_button), self->question != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_button),
                          self->question != NULL && !adw_leaflet_get_folded (self->leaflet));
  gtk_widget_set_visible (GTK_WIDGET (self->outline_button),
                          self->question != NULL && prep_question_get_has_answer (self->question));
  gtk_widget_set_visible (self->history_box, self->question != NULL && !adw_leaflet_get_folded (self->leaflet));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-bookmark", self->question != NULL && studying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-notes", self->question != NULL && studying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.question-read", self->question != NULL && studying);
  sync_edit_actions (self);

  if (self->question_read != question_read (self))
    {
      self->question_read = question_read (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_QUESTION_READ]);
    }
}

/* Due counts change with reviews and when a new study day starts: the
 * window wakes up at the day's end (and when it becomes active, in case
 * the machine slept through it). */
static gboolean day_changed_cb (gpointer data);

static void
schedule_day_change (PrepWindow *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 wait = prep_study_day_end (now) - now + 1;

  g_clear_handle_id (&self->day_source, g_source_remove);
  g_clear_handle_id (&self->warm_source, g_source_remove);
  g_clear_object (&self->glyph_warmer);
  self->day_source = g_timeout_add_seconds ((guint) CLAMP (wait, 1, 24 * 60 * 60), day_changed_cb, self);
}

static void
refresh_due (PrepWindow *self)
{
  if (self->quiz_view != NULL)
    prep_quiz_view_refresh_due (self->quiz_view);
  if (self->progress_view != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->progress_view)))
    prep_progress_view_refresh (self->progress_view);
  prep_sidebar_refresh_due (self->sidebar);
}

static gboolean
day_changed_cb (gpointer data)
{
  PrepWindow *self = data;

  self->day_source = 0;
  refresh_due (self);
  schedule_day_change (self);

  return G_SOURCE_REMOVE;
}

static void
active_changed_cb (PrepWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    {
      refresh_due (self);
      schedule_day_change (self);
    }
}

/* The Quiz view is built the first time it is shown: most starts are for
 * studying, and the first frame should not wait for it. */
static void sync_notice (PrepWindow *self);

/* The main menu without the page's zoom, which is for reading. */
static GMenu *
dup_view_menu (PrepWindow *self)
{
  GMenuModel *primary = gtk_menu_button_get_menu_model (self->primary_menu_button);
  GMenu *menu = g_menu_new ();

  for (int i = 1; i < g_menu_model_get_n_items (primary); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (primary, i, G_MENU_LINK_SECTION);

      if (section != NULL)
        g_menu_append_section (menu, NULL, section);
    }

  return menu;
}

/* The Quiz and Progress views are built on first use, on their page, with
 * the model and the window's view switcher and menu. */
static gpointer
add_view (PrepWindow *self,
          GType       type,
          GtkBox     *page)
{
  g_autoptr(GMenu) menu = dup_view_menu (self);
  GtkWidget *view = g_object_new (type,
                                  "vexpand", TRUE,
                                  "stack", self->view_stack,
                                  "menu-model", menu,
                                  "library", self->library,
                                  "reviews", self->reviews,
                                  "user-data", self->user_data,
                                  "narrow", self->narrow,
                                  NULL);

  gtk_box_append (page, view);

  return view;
}

static void
ensure_quiz_view (PrepWindow *self)
{
  if (self->quiz_view != NULL)
    return;

  self->quiz_view = add_view (self, PREP_TYPE_QUIZ_VIEW, self->quiz_page);

  self->quiz_notice = PREP_NOTICE_BAR (prep_notice_bar_new ());
  prep_quiz_view_add_top_bar (self->quiz_view, GTK_WIDGET (self->quiz_notice));
  sync_notice (self);
}

/* A quiz asked for on the Progress page: of a category, of the weakest
 * questions. It replaces a session under way, whose grades are saved. */
static void
start_quiz_cb (PrepWindow            *self,
               const PrepQuizOptions *options)
{
  g_autoptr(GError) error = NULL;

  ensure_quiz_view (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "quiz");
  if (!prep_quiz_view_start (self->quiz_view, options, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* Built on first use, like the Quiz view. */
static void
ensure_progress_view (PrepWindow *self)
{
  if (self->progress_view != NULL)
    return;

  self->progress_view = add_view (self, PREP_TYPE_PROGRESS_VIEW, self->progress_page);
  g_signal_connect_object (self->progress_view, "start-quiz", G_CALLBACK (start_quiz_cb),
                           self, G_CONNECT_SWAPPED);

  self->progress_notice = PREP_NOTICE_BAR (prep_notice_bar_new ());
  prep_progress_view_add_top_bar (self->progress_view, GTK_WIDGET (self->progress_notice));
  sync_notice (self);
}

static void
view_changed_cb (PrepWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean studying = g_strcmp0 (name, "study") == 0;
  gboolean progress = g_strcmp0 (name, "progress") == 0;

  if (progress)
    ensure_progress_view (self);
  else if (!studying)
    ensure_quiz_view (self);

  /* The Study view's find and zoom act on an answer the user cannot see
   * while quizzing. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", studying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-next", studying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-previous", studying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", studying);
  sync_question_controls (self);

  if (studying)
    gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
  else if (progress)
    gtk_widget_grab_focus (GTK_WIDGET (self->progress_view));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->quiz_view));
}

static void
set_notice (PrepWindow    *self,
            PrepNoticeBar *bar,
            const char    *text,
            const char    *button,
            const char    *action,
            const char    *dismiss)
{
  g_autofree char *show = NULL;

  if (bar == NULL)
    return;

  if (action == NULL && self->notice_path != NULL)
    {
      g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new_string (self->notice_path));
      g_autofree char *printed = g_variant_print (target, FALSE);

      show = g_strdup_printf ("win.show-in-files(%s)", printed);
      action = show;
      button = _("_Show in Files");
    }

  prep_notice_bar_set_notice (bar, text, button, action, dismiss);
}

static PrepJsonStore *
notes_store (PrepWindow *self)
{
  return self->user_data ? prep_user_data_get_store (self->user_data) : NULL;
}

static PrepJsonStore *
reviews_store (PrepWindow *self)
{
  return self->reviews ? prep_review_store_get_store (self->reviews) : NULL;
}

/* The problems of the user's packs found at start-up, if any. */
static GPtrArray *
pack_issues (PrepWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  PrepPackStore *packs = PREP_IS_APPLICATION (app) ? prep_application_get_pack_store (PREP_APPLICATION (app)) : NULL;
  GPtrArray *issues = packs ? prep_pack_store_get_issues (packs) : NULL;

  return issues && issues->len > 0 ? issues : NULL;
}

/* "FILE:LINE:COLUMN: PATH: MESSAGE" of an issue, with the file's name
 * only. */
static char *
describe_pack_issue (const PrepContentIssue *issue)
{
  g_autofree char *name = issue->file ? g_path_get_basename (issue->file) : NULL;
  PrepContentIssue copy = *issue;

  copy.file = name;
  return prep_content_issue_to_string (&copy);
}

static gboolean
has_status (PrepJsonStore       *store,
            PrepJsonStoreStatus  status)
{
  return store != NULL && prep_json_store_get_status (store) == status;
}

/* A lasting notice under the header bars, never a folder in its text, in
 * order of urgency:
 * 1. changes that could not be saved (with Retry): they are only in memory;
 * 2. a damaged file set aside, or one repaired with its original kept, at
 *    start-up (until dismissed; Show in Files shows the kept file);
 * 3. a file that is not written while this lasts: unreadable (with why) or
 *    from a newer version.
 * In the folded layout the list has it too, so that it is seen at start. */
static void
sync_notice (PrepWindow *self)
{
  PrepJsonStore *notes = notes_store (self);
  PrepJsonStore *reviews = reviews_store (self);
  /* A read-only file refuses every save; its own notice says so. */
  const char *notes_error = self->user_data && !prep_user_data_get_read_only (self->user_data)
                              ? prep_user_data_get_save_error (self->user_data) : NULL;
  const char *reviews_error = self->reviews && !prep_review_store_get_read_only (self->reviews)
                                ? prep_review_store_get_save_error (self->reviews) : NULL;
  g_autofree char *text = NULL;
  const char *button = NULL;
  const char *action = NULL;
  const char *dismiss = NULL;
  const char *path = NULL;
  GPtrArray *issues;

  if (notes_error != NULL || reviews_error != NULL)
    {
      /* Translators: %s says why, and ends with the file's name */
      if (notes_error != NULL && reviews_error != NULL)
        text = g_strdup_printf (_("Your notes, bookmarks and grades could not be saved: %s. "
                                  "They are kept while LLM Prep is open."), notes_error);
      else if (notes_error != NULL)
        text = g_strdup_printf (_("Your notes and bookmarks could not be saved: %s. "
                                  "They are kept while LLM Prep is open."), notes_error);
      else
        text = g_strdup_printf (_("Your grades could not be saved: %s. "
                                  "They are kept while LLM Prep is open."), reviews_error);
      button = _("_Retry");
      action = "win.retry-save";
    }
  else if (!self->damaged_dismissed &&
           (has_status (notes, PREP_JSON_STORE_SET_ASIDE) || has_status (reviews, PREP_JSON_STORE_SET_ASIDE)))
    {
      gboolean n = has_status (notes, PREP_JSON_STORE_SET_ASIDE);
      gboolean r = has_status (reviews, PREP_JSON_STORE_SET_ASIDE);

      if (n && r)
        text = g_strdup (_("Your bookmarks, notes and review history could not be read, so new files were started. "
                           "The damaged files were kept."));
      else if (n)
        text = g_strdup (_("Your bookmarks and notes could not be read, so a new file was started. "
                           "The damaged file was kept."));
      else
        text = g_strdup (_("Your review history could not be read, so a new one was started. "
                           "The damaged file was kept."));
      path = prep_json_store_get_set_aside_path (n ? notes : reviews);
      dismiss = "win.dismiss-notice";
    }
  else if (!self->damaged_dismissed &&
           (has_status (notes, PREP_JSON_STORE_REPAIRED) || has_status (reviews, PREP_JSON_STORE_REPAIRED)))
    {
      gboolean n = has_status (notes, PREP_JSON_STORE_REPAIRED);

      text = g_strdup (n ? _("Some characters or numbers in your notes could not be read exactly and were "
                             "replaced. The original file was kept.")
                         : _("Some characters or numbers in your review history could not be read exactly and "
                             "were replaced. The original file was kept."));
      path = prep_json_store_get_copy_path (n ? notes : reviews);
      dismiss = "win.dismiss-notice";
    }
  else if (!self->damaged_dismissed && (issues = pack_issues (self)))
    {
      const PrepContentIssue *first = g_ptr_array_index (issues, 0);
      g_autofree char *where = describe_pack_issue (first);
      g_autoptr(GHashTable) files = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < issues->len; i++)
        g_hash_table_add (files, ((PrepContentIssue *) g_ptr_array_index (issues, i))->file);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %u is a number of files; %s is the first problem, as FILE:LINE:COLUMN: WHERE: WHAT */
                                           "%u of your question packs has problems, so it was not loaded and is not changed. %s",
                                           "%u of your question packs have problems, so they were not loaded and are not changed. The first: %s",
                                           g_hash_table_size (files)),
                              g_hash_table_size (files), where);
      path = first->file;
      dismiss = "win.dismiss-notice";
    }
  else if (has_status (notes, PREP_JSON_STORE_UNREADABLE) || has_status (reviews, PREP_JSON_STORE_UNREADABLE))
    {
      gboolean n = has_status (notes, PREP_JSON_STORE_UNREADABLE);
      PrepJsonStore *store = n ? notes : reviews;

      /* Translators: %s says why, and ends with the file's name */
      text = g_strdup_printf (n ? _("Your notes and bookmarks could not be read: %s. The file is not changed; "
                                    "changes are kept until you quit.")
                                : _("Your review history could not be read: %s. The file is not changed; "
                                    "grades are kept until you quit."),
                              prep_json_store_get_message (store));
      path = prep_json_store_get_path (store);
    }
  else if (has_status (notes, PREP_JSON_STORE_NEWER) && has_status (reviews, PREP_JSON_STORE_NEWER))
    {
      text = g_strdup (_("Your notes, bookmarks and reviews were saved by a newer version of LLM Prep. "
                         "Changes are kept until you quit but not saved; update LLM Prep to keep them."));
      path = prep_json_store_get_path (notes);
    }
  else if (has_status (notes, PREP_JSON_STORE_NEWER))
    {
      text = g_strdup (_("Your notes and bookmarks were saved by a newer version of LLM Prep. "
                         "Changes are kept until you quit but not saved; update LLM Prep to keep them."));
      path = prep_json_store_get_path (notes);
    }
  else if (has_status (reviews, PREP_JSON_STORE_NEWER))
    {
      text = g_strdup (_("Your reviews were saved by a newer version of LLM Prep. "
                         "Grades are kept until you quit but not saved; update LLM Prep to keep them."));
      path = prep_json_store_get_path (reviews);
    }

  g_free (self->notice_path);
  self->notice_path = g_strdup (path);

  set_notice (self, self->content_notice, text, button, action, dismiss);
  set_notice (self, self->quiz_notice, text, button, action, dismiss);
  set_notice (self, self->progress_notice, text, button, action, dismiss);
  set_notice (self, self->sidebar_notice,
              adw_leaflet_get_folded (self->leaflet) ? text : NULL, button, action, dismiss);
}

void
_prep_window_dismiss_notice (PrepWindow *self)
{
  self->damaged_dismissed = TRUE;
  sync_notice (self);
}

static void
user_data_changed_cb (PrepWindow *self,
                      const char *question_id)
{
  if (self->question != NULL && g_strcmp0 (question_id, prep_question_get_id (self->question)) == 0)
    sync_question_controls (self);
}

/**
 * prep_window_export_notes:
 * @file: where to write
 *
 * Writes the bookmarks and notes as Markdown to @file and says how it went
 * in a toast.
 *
 * Returns: whether the file was written
 */
gboolean
prep_window_export_notes (PrepWindow *self,
                          GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *markdown = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  gboolean ok;

  g_return_val_if_fail (PREP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  markdown = prep_export_notes_markdown (self->user_data, self->library, now);
  name = g_file_get_basename (file);
  ok = g_file_replace_contents (file, markdown, strlen (markdown), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error);

  if (ok)
    {
      g_autofree char *path = g_file_get_path (file);

      /* Translators: %s is the name of the file written */
      message = g_strdup_printf (_("Notes exported to %s"), name);
      toast = adw_toast_new (message);
      if (path != NULL)
        {
          adw_toast_set_button_label (toast, _("_Show in Files"));
          adw_toast_set_action_name (toast, "win.show-in-files");
          adw_toast_set_action_target_value (toast, g_variant_new_string (path));
        }
    }
  else
    {
      /* Translators: the first %s is the file's name, the second why it failed */
      message = g_strdup_printf (_("Could not export to %s: %s"), name, error->message);
      toast = adw_toast_new (message);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  return ok;
}

static void highlight_search (PrepWindow *self);

/* The window's titles name the question and its category, in the
 * content language. */
static void
update_titles (PrepWindow *self)
{
  g_autoptr(PrepCategory) category = self->question ? prep_question_dup_category (self->question) : NULL;
  g_autofree char *title = NULL;

  if (self->question != NULL)
    /* Translators: the window title, the question then the application name */
    title = g_strdup_printf (_("%s – LLM Prep"), prep_question_get_title (self->question));

  adw_window_title_set_title (self->content_title, category ? prep_category_get_title (category) : "");
  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("LLM Prep"));
}

static void
prep_window_set_question (PrepWindow   *self,
                          PrepQuestion *question)
{
  PrepReadingPosition leaving, position;
  gboolean was_shown = self->question != NULL;
  gboolean restore = FALSE;

  g_assert (PREP_IS_WINDOW (self));
  g_assert (!question || PREP_IS_QUESTION (question));

  if (self->question == question)
    return;

  /* Where the reader leaves the page, for Back and for coming back. */
  if (was_shown)
    prep_question_view_get_position (self->question_view, &leaving);
  g_set_object (&self->question, question);

  /* Changes so far are saved now rather than after the delay. */
  if (self->user_data != NULL)
    prep_user_data_flush (self->user_data, NULL);

  if (question != NULL)
    {
      g_settings_set_string (self->settings, "last-question", prep_question_get_id (question));

      if (!self->navigating)
        {
          prep_history_visit (self->history, prep_question_get_id (question), was_shown ? &leaving : NULL);
          restore = prep_history_lookup_position (self->history, prep_question_get_id (question), &position);
        }
    }

  update_titles (self);
  sync_question_controls (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_QUESTION]);

  /* A question read before in this run opens where the reader left it. */
  if (restore)
    prep_question_view_set_position (self->question_view, &position);
  highlight_search (self);
}

/**
 * _prep_window_go:
 * @forward: forward, rather than back
 *
 * Goes back or forward in the history of questions, to where the reader
 * was on that question's page.
 */
void
_prep_window_go (PrepWindow *self,
                 gboolean    forward)
{
  PrepReadingPosition leaving = PREP_READING_POSITION_TOP, position;
  PrepQuestion *question = NULL;
  const char *id;

  if (self->question != NULL)
    prep_question_view_get_position (self->question_view, &leaving);

  id = forward ? prep_history_go_forward (self->history, &leaving, &position)
               : prep_history_go_back (self->history, &leaving, &position);
  if (id == NULL || self->library == NULL || !(question = prep_library_lookup_question (self->library, id)))
    return;

  self->navigating = TRUE;
  prep_window_set_question (self, question);
  self->navigating = FALSE;

  adw_view_stack_set_visible_child_name (self->view_stack, "study");
  adw_leaflet_set_visible_child (self->leaflet, self->content_page);
  prep_question_view_set_position (self->question_view, &position);
}

/* Opening a question from the list (Enter, or a click) moves the focus to
 * its page, where the reading keys scroll it. */
static void
sidebar_question_activated_cb (PrepWindow   *self,
                               PrepQuestion *question)
{
  g_assert (PREP_IS_WINDOW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->content_page);
  prep_question_view_focus_page (self->question_view);
}

/* A question opened while searching (clicked, or walked to with the
 * arrow keys in the results) shows the matches of every word of the
 * search highlighted. */
static void
highlight_search (PrepWindow *self)
{
  const char *text;
  g_auto(GStrv) terms = NULL;

  if (self->question == NULL)
    return;

  text = prep_sidebar_get_search_text (self->sidebar);
  terms = prep_search_split_terms (text);
  if (terms != NULL && terms[0] != NULL)
    prep_question_view_highlight (self->question_view, text);
}

static void
leaflet_folded_cb (PrepWindow *self)
{
  gboolean folded;

  g_assert (PREP_IS_WINDOW (self));

  /* Back and Forward where there is room; Alt+← and Alt+→ always. The
   * notes button too: folded, Notes is in the question menu (and Ctrl+N),
   * so that the header bar fits a 360 px window. */
  folded = adw_leaflet_get_folded (self->leaflet);
  gtk_widget_set_visible (self->history_box, !folded && self->question != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_button), !folded && self->question != NULL);
  sync_notice (self);
}

static void
history_changed_cb (PrepWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.history-back",
                                 prep_history_get_can_go_back (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.history-forward",
                                 prep_history_get_can_go_forward (self->history));
}

/* Mouse buttons 8 and 9, the back and forward buttons of many mice. */
static void
mouse_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  PrepWindow      *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button != 8 && button != 9)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  _prep_window_go (self, button == 9);
}

/* The outline of the answer: its headings, listed when the popover opens. */
static void
outline_show_cb (PrepWindow *self)
{
  GtkWidget *child;
  guint n = prep_question_view_get_n_headings (self->question_view);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outline_list))))
    gtk_list_box_remove (self->outline_list, child);

  for (guint i = 0; i < n; i++)
    {
      guint level;
      const char *text = prep_question_view_get_heading (self->question_view, i, &level);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
      gtk_widget_set_margin_start (label, 6 + 18 * (MAX (level, 2) - 2));
      if (level <= 2)
        gtk_widget_add_css_class (label, "heading");
      gtk_list_box_append (self->outline_list, label);
    }

  if (n == 0)
    {
      GtkWidget *label = gtk_label_new (_("This answer has no sections"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->outline_list, label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (label)), FALSE);
    }
}

static void
outline_row_activated_cb (PrepWindow    *self,
                          GtkListBoxRow *row)
{
  gtk_menu_button_popdown (self->outline_button);
  prep_question_view_scroll_to_heading (self->question_view, gtk_list_box_row_get_index (row));
}

/* Zoom in the main menu, as in GNOME Text Editor: − 100% +. */
static void
zoom_changed_cb (PrepWindow *self)
{
  g_autofree char *label = NULL;
  int percent = (int) round (g_settings_get_double (self->settings, "zoom") * 100);

  /* Translators: the zoom level of the page, e.g. "120%" */
  label = g_strdup_printf (_("%d%%"), percent);
  gtk_button_set_label (GTK_BUTTON (self->zoom_button), label);
}

static GtkWidget *
zoom_button_new (const char *icon_name,
                 const char *action_name,
                 const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");

  return button;
}

/* Made when the menu first opens, like the menu itself. */
static void
add_zoom_to_menu (PrepWindow *self)
{
  GtkWidget *box;
  GtkPopover *popover = gtk_menu_button_get_popover (self->primary_menu_button);

  if (self->zoom_button != NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->zoom_button = gtk_button_new ();
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->zoom_button), "win.zoom-reset");
  gtk_widget_set_tooltip_text (self->zoom_button, _("Reset Zoom"));
  gtk_widget_add_css_class (self->zoom_button, "flat");
  gtk_widget_add_css_class (self->zoom_button, "numeric");
  gtk_widget_set_hexpand (self->zoom_button, TRUE);

  gtk_widget_add_css_class (box, "zoom-box");
  gtk_box_append (GTK_BOX (box), zoom_button_new ("zoom-out-symbolic", "win.zoom-out", _("Zoom Out")));
  gtk_box_append (GTK_BOX (box), self->zoom_button);
  gtk_box_append (GTK_BOX (box), zoom_button_new ("zoom-in-symbolic", "win.zoom-in", _("Zoom In")));
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), box, "zoom");

  g_signal_connect_object (self->settings, "changed::zoom", G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);
  zoom_changed_cb (self);
}

static void
notes_visible_cb (PrepWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES_VISIBLE]);
}

/* Narrow windows have the view switcher in a bar at the bottom, in both
 * views; wide ones at the top left of the header. The width is the
 * leaflet's folding width: sidebar, separator and a 360 px page. */
static void
update_narrow (PrepWindow *self)
{
  int width = 0, height = 0;
  gboolean narrow;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (gtk_window_is_maximized (GTK_WINDOW (self)) || width <= 0)
    width = MAX (width, gtk_widget_get_width (GTK_WIDGET (self)));
  narrow = width < NARROW_WIDTH;

  if (self->narrow == narrow && gtk_widget_get_visible (self->study_switcher) == !narrow)
    return;

  self->narrow = narrow;
  gtk_widget_set_visible (self->study_switcher, !narrow);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
  if (self->quiz_view != NULL)
    prep_quiz_view_set_narrow (self->quiz_view, narrow);
  if (self->progress_view != NULL)
    prep_progress_view_set_narrow (self->progress_view, narrow);
}

/* Saves what is pending in both stores (not the read-only ones, which
 * said so when they were loaded), e.g. on Retry or at close. Returns the
 * first error's message; the notice bar follows the stores' errors. */
char *
_prep_window_flush_all (PrepWindow *self)
{
  g_autoptr(GError) notes_error = NULL;
  g_autoptr(GError) reviews_error = NULL;

  if (self->user_data != NULL && !prep_user_data_get_read_only (self->user_data))
    prep_user_data_flush (self->user_data, &notes_error);
  if (self->reviews != NULL && !prep_review_store_get_read_only (self->reviews))
    prep_review_store_flush (self->reviews, &reviews_error);

  if (notes_error != NULL)
    return g_strdup (notes_error->message);
  if (reviews_error != NULL)
    return g_strdup (reviews_error->message);
  return NULL;
}

static void close_unsaved_response_cb (AdwMessageDialog *dialog,
                                       const char       *response,
                                       PrepWindow       *self);

static void
ask_before_discarding (PrepWindow *self,
                       const char *message)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  /* Translators: %s says why, e.g. "No space left on device (notes.json)" */
  body = g_strdup_printf (_("%s.\n\nIf you close LLM Prep now, your latest notes, bookmarks or grades are lost."),
                          message);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Changes Could Not Be Saved"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("Close _Without Saving"),
                                    "retry", _("_Retry"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "retry", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "retry");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* After the dialog's response is over: closing the window destroys the
 * dialog, which must not happen while it emits. */
static gboolean
close_later_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_unsaved_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           PrepWindow       *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->discard_unsaved = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_later_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "retry"))
    {
      g_autofree char *message = _prep_window_flush_all (self);

      if (message == NULL)
        g_idle_add_full (G_PRIORITY_DEFAULT, close_later_cb, g_object_ref (self), g_object_unref);
      else
        ask_before_discarding (self, message);
    }
}

static gboolean
prep_window_close_request (GtkWindow *window)
{
  PrepWindow *self = PREP_WINDOW (window);
  g_autofree char *message = NULL;
  int width, height;

  /* What could not be saved is never dropped without asking
   * (reliability review U13). */
  if (!self->discard_unsaved && (message = _prep_window_flush_all (self)) != NULL)
    {
      ask_before_discarding (self, message);
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (prep_window_parent_class)->close_request (window);
}

/* Once the interview is over, the app asks, once a start, whether to
 * clear its date; nothing else changes (a passed date caps nothing). */
static void
offer_to_clear_interview (PrepWindow *self)
{
  g_autofree char *date = g_settings_get_string (self->settings, "interview-date");
  gint64 day = prep_study_day_from_date (date);
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  AdwToast *toast;
  int year, month, mday;

  if (day == 0 || day >= prep_study_day (g_get_real_time () / G_USEC_PER_SEC) ||
      sscanf (date, "%4d-%2d-%2d", &year, &month, &mday) != 3 ||
      !(when = g_date_time_new_local (year, month, mday, 12, 0, 0)))
    return;

  /* Translators: a date format (see g_date_time_format), as in "December 19" */
  shown = g_date_time_format (when, _("%B %-d"));
  /* Translators: %s is a date such as "December 19" */
  text = g_strdup_printf (_("Your interview date, %s, has passed"), shown);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Clear Date"));
  adw_toast_set_action_name (toast, "win.clear-interview-date");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Once the window is shown and idle, the glyphs of the content's
 * characters are loaded in a thread, so that the pages opened later need
 * not wait for FreeType (issue 15). The question on show goes first.
 * Started before the first frame, the thread slowed it down by competing
 * for the processor with the window and the display server. */
static gboolean
warm_glyphs_cb (gpointer data)
{
  PrepWindow *self = data;
  g_auto(GStrv) files = prep_library_list_resource_files (PREP_CONTENT_RESOURCE_PATH, NULL);

  self->warm_source = 0;
  self->glyph_warmer = prep_glyph_warmer_new (gtk_widget_get_pango_context (GTK_WIDGET (self)),
                                              gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  if (self->question != NULL)
    {
      char *text = g_strconcat (prep_question_get_title (self->question), "\n",
                                prep_question_get_detailed_answer (self->question), NULL);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

      prep_glyph_warmer_add_text (self->glyph_warmer, bytes);
    }
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (files[i], 0, NULL);

      if (bytes != NULL)
        prep_glyph_warmer_add_text (self->glyph_warmer, bytes);
    }
  /* The titles, large and heavy on the question page, in their font. */
  if (self->library != NULL)
    {
      GListModel *questions = prep_library_get_questions (self->library);
      g_autoptr(PangoFontDescription) font = prep_question_view_dup_title_font (self->question_view);
      g_autoptr(GString) titles = g_string_new (NULL);
      g_autoptr(GBytes) bytes = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
        {
          g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);

          g_string_append (titles, prep_question_get_title (question));
        }
      bytes = g_string_free_to_bytes (g_steal_pointer (&titles));
      prep_glyph_warmer_add_text_in_font (self->glyph_warmer, bytes, font);
    }
  prep_glyph_warmer_start (self->glyph_warmer);

  return G_SOURCE_REMOVE;
}

/* For benchmarks and tests: the page's fonts and the glyphs are loaded
 * now if they are not yet (under valgrind the thread takes seconds);
 * returns how many characters were. */
guint
_prep_window_wait_for_glyphs (PrepWindow *self)
{
  g_return_val_if_fail (PREP_IS_WINDOW (self), 0);

  if (self->warm_source != 0)
    {
      g_clear_handle_id (&self->warm_source, g_source_remove);
      while (prep_question_view_load_fonts (self->question_view, 0))
        ;
      warm_glyphs_cb (self);
    }

  return self->glyph_warmer != NULL ? prep_glyph_warmer_wait (self->glyph_warmer) : 0;
}

/* The fonts the page is drawn in are loaded in the main thread's font
 * map, a few milliseconds at a time; then the glyphs, in a thread. */
static gboolean
load_fonts_cb (gpointer data)
{
  PrepWindow *self = data;

  if (prep_question_view_load_fonts (self->question_view, g_get_monotonic_time () + PREP_RENDERER_FONT_STEP_USEC))
    return G_SOURCE_CONTINUE;

  self->warm_source = g_idle_add_full (G_PRIORITY_LOW, warm_glyphs_cb, self, NULL);

  return G_SOURCE_REMOVE;
}

/* The question page, not in a first start's first frame, is built in the
 * first idle moment after it, so that the first question opened need not
 * wait for it; its fonts are loaded in the next steps, then its glyphs. */
static gboolean
prepare_page_cb (gpointer data)
{
  PrepWindow *self = data;

  prep_question_view_prepare (self->question_view);
  self->warm_source = g_idle_add_full (G_PRIORITY_LOW, load_fonts_cb, self, NULL);

  return G_SOURCE_REMOVE;
}

static gboolean
first_frame_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  PrepWindow *self = PREP_WINDOW (widget);

  if (self->warm_source == 0 && self->glyph_warmer == NULL)
    self->warm_source = g_idle_add_full (G_PRIORITY_LOW, prepare_page_cb, self, NULL);

  return G_SOURCE_REMOVE;
}

static void
prep_window_constructed (GObject *object)
{
  PrepWindow *self = (PrepWindow *)object;
  g_autofree char *last = NULL;

  G_OBJECT_CLASS (prep_window_parent_class)->constructed (object);

  if (self->user_data != NULL)
    {
      g_signal_connect_object (self->user_data, "changed", G_CALLBACK (user_data_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->user_data, "notify::save-error", G_CALLBACK (sync_notice),
                               self, G_CONNECT_SWAPPED);
      prep_sidebar_set_user_data (self->sidebar, self->user_data);
      prep_question_view_set_user_data (self->question_view, self->user_data);
    }

  prep_sidebar_set_reviews (self->sidebar, self->reviews);
  prep_sidebar_set_library (self->sidebar, self->library);
  if (self->library != NULL)
    g_signal_connect_object (self->library, "notify::locale", G_CALLBACK (update_titles),
                             self, G_CONNECT_SWAPPED);
  if (self->reviews != NULL)
    g_signal_connect_object (self->reviews, "changed", G_CALLBACK (prep_sidebar_refresh_due),
                             self->sidebar, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
  if (self->user_data != NULL)
    g_signal_connect_object (self->user_data, "notify::read-only", G_CALLBACK (sync_notice),
                             self, G_CONNECT_SWAPPED);
  if (self->reviews != NULL)
    {
      g_signal_connect_object (self->reviews, "notify::read-only", G_CALLBACK (sync_notice),
                               self, G_CONNECT_SWAPPED);
      /* A grade that could not be saved is told at once (reliability
       * review U10), like a note. */
      g_signal_connect_object (self->reviews, "notify::save-error", G_CALLBACK (sync_notice),
                               self, G_CONNECT_SWAPPED);
    }
  sync_notice (self);
  schedule_day_change (self);
  offer_to_clear_interview (self);

  gtk_widget_add_tick_callback (GTK_WIDGET (self), first_frame_cb, NULL, NULL);

  /* Start in the list, not in the first selectable label of the answer. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->sidebar));

  last = g_settings_get_string (self->settings, "last-question");
  if (self->library != NULL && last[0] != '\0')
    prep_window_set_question (self, prep_library_lookup_question (self->library, last));
}

static void
prep_window_dispose (GObject *object)
{
  PrepWindow *self = (PrepWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PREP_TYPE_WINDOW);

  g_clear_handle_id (&self->day_source, g_source_remove);
  g_clear_object (&self->question);
  g_clear_object (&self->history);
  g_clear_pointer (&self->notice_path, g_free);
  g_clear_object (&self->library);
  g_clear_object (&self->user_data);
  g_clear_object (&self->reviews);
  g_clear_object (&self->packs);
  g_clear_pointer (&self->deleted, json_object_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (prep_window_parent_class)->dispose (object);
}

static void
prep_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PrepWindow *self = PREP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_USER_DATA:
      g_value_set_object (value, self->user_data);
      break;

    case PROP_REVIEWS:
      g_value_set_object (value, self->reviews);
      break;

    case PROP_PACKS:
      g_value_set_object (value, self->packs);
      break;

    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    case PROP_NOTES_VISIBLE:
      g_value_set_boolean (value, self->question_view != NULL &&
                                  prep_question_view_get_notes_visible (self->question_view));
      break;

    case PROP_QUESTION_READ:
      g_value_set_boolean (value, question_read (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PrepWindow *self = PREP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_USER_DATA:
      self->user_data = g_value_dup_object (value);
      break;

    case PROP_REVIEWS:
      self->reviews = g_value_dup_object (value);
      break;

    case PROP_PACKS:
      self->packs = g_value_dup_object (value);
      break;

    case PROP_QUESTION:
      prep_window_set_question (self, g_value_get_object (value));
      break;

    case PROP_NOTES_VISIBLE:
      /* On a narrow window, the notes come with the question's page. */
      if (self->question_view != NULL &&
          (!g_value_get_boolean (value) || _prep_window_show_question_page (self)))
        prep_question_view_set_notes_visible (self->question_view, g_value_get_boolean (value));
      break;

    case PROP_QUESTION_READ:
      if (self->question != NULL && self->user_data != NULL)
        prep_user_data_set_read (self->user_data, prep_question_get_id (self->question),
                                 g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_window_class_init (PrepWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = prep_window_constructed;
  object_class->dispose = prep_window_dispose;
  object_class->get_property = prep_window_get_property;
  object_class->set_property = prep_window_set_property;

  window_class->close_request = prep_window_close_request;

  /**
   * PrepWindow:library:
   *
   * The shared model the window shows.
   */
  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PREP_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * PrepWindow:user-data:
   *
   * The user's bookmarks and notes.
   */
  properties [PROP_USER_DATA] =
    g_param_spec_object ("user-data", NULL, NULL, PREP_TYPE_USER_DATA,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * PrepWindow:reviews:
   *
   * The review state of the quiz and the due counts.
   */
  properties [PROP_REVIEWS] =
    g_param_spec_object ("reviews", NULL, NULL, PREP_TYPE_REVIEW_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * PrepWindow:packs:
   *
   * The user's question packs, where the editor saves.
   */
  properties [PROP_PACKS] =
    g_param_spec_object ("packs", NULL, NULL, PREP_TYPE_PACK_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * PrepWindow:question:
   *
   * The question on show; the sidebar and the question view follow it.
   */
  properties [PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, PREP_TYPE_QUESTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PrepWindow:notes-visible:
   *
   * Whether the notes of the question are shown; the notes button and
   * Ctrl+N toggle it.
   */
  properties [PROP_NOTES_VISIBLE] =
    g_param_spec_boolean ("notes-visible", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /**
   * PrepWindow:question-read:
   *
   * Whether the question shown is marked read: reading its answer to the
   * end marks it, and Mark as Read (Ctrl+M) marks it or takes the mark
   * back, both in the user data.
   */
  properties [PROP_QUESTION_READ] =
    g_param_spec_boolean ("question-read", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PREP_TYPE_SIDEBAR);
  g_type_ensure (PREP_TYPE_SIDEBAR_FRAME);
  g_type_ensure (PREP_TYPE_QUESTION_VIEW);
  g_type_ensure (PREP_TYPE_QUIZ_VIEW);
  g_type_ensure (PREP_TYPE_PROGRESS_VIEW);
  g_type_ensure (PREP_TYPE_NOTICE_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/llmprep/LlmPrep/ui/prep-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, sidebar_notice);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, content_notice);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, sidebar_page);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, quiz_page);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, progress_page);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, primary_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, bookmark_button);
  gtk_widget_class_bind_template_callback (widget_class, bookmark_toggled_cb);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, question_view);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_question_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, history_box);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, study_switcher);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, notes_button);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, outline_button);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, question_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PrepWindow, outline_list);
  gtk_widget_class_bind_template_callback (widget_class, outline_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, outline_row_activated_cb);

  _prep_window_class_init_actions (widget_class);


}

static void
prep_window_init (PrepWindow *self)
{
  GtkGesture *mouse;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->history = prep_history_new ();
  g_signal_connect_object (self->history, "notify", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  history_changed_cb (self);
  g_signal_connect_object (gtk_menu_button_get_popover (self->primary_menu_button), "show",
                           G_CALLBACK (add_zoom_to_menu), self, G_CONNECT_SWAPPED);
  _prep_window_add_history_shortcuts (self);

  mouse = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (mouse), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (mouse), GTK_PHASE_CAPTURE);
  g_signal_connect (mouse, "pressed", G_CALLBACK (mouse_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (mouse));

  g_object_bind_property (self, "question", self->question_view, "question", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->question_view, "notify::notes-visible", G_CALLBACK (notes_visible_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (update_narrow), NULL);
  g_signal_connect (self, "notify::maximized", G_CALLBACK (update_narrow), NULL);
  g_object_bind_property (self, "question", self->sidebar, "selected-question",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  leaflet_folded_cb (self);
  update_narrow (self);
}

PrepWindow *
prep_window_new (PrepApplication *application)
{
  const GError *error = prep_application_get_load_error (application);
  PrepWindow *self;

  self = g_object_new (PREP_TYPE_WINDOW,
                       "application", application,
                       "user-data", prep_application_get_user_data (application),
                       "library", prep_application_get_library (application),
                       "reviews", prep_application_get_reviews (application),
                       "packs", prep_application_get_pack_store (application),
                       NULL);

  sync_question_controls (self);

  /* The user's packs are read after the window opens (the application
   * is set after constructed()); problems in them are told when known. */
  if (prep_application_get_pack_store (application) != NULL)
    g_signal_connect_object (prep_application_get_pack_store (application), "loaded",
                             G_CALLBACK (sync_notice), self, G_CONNECT_SWAPPED);

  /* Damaged and newer files are told in the notice bar (sync_notice). */
  sync_notice (self);

  if (error != NULL)
    prep_question_view_show_error (self->question_view,
                                   _("The Study Content Could Not Be Loaded"),
                                   error->message);

  return self;
}

/**
 * prep_window_get_question:
 *
 * Returns: (transfer none) (nullable): the question on show
 */
PrepQuestion *
prep_window_get_question (PrepWindow *self)
{
  g_return_val_if_fail (PREP_IS_WINDOW (self), NULL);

  return self->question;
}

/**
 * prep_window_open_question:
 *
 * Shows the question with @question_id, as if the user had picked it.
 *
 * Returns: %FALSE if there is no such question
 */
gboolean
prep_window_open_question (PrepWindow *self,
                           const char *question_id)
{
  PrepQuestion *question;

  g_return_val_if_fail (PREP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  if (self->library == NULL ||
      !(question = prep_library_lookup_question (self->library, question_id)))
    return FALSE;

  prep_window_set_question (self, question);
  adw_view_stack_set_visible_child_name (self->view_stack, "study");
  adw_leaflet_set_visible_child (self->leaflet, self->content_page);

  return TRUE;
}
