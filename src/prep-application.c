/* prep-application.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-application"

#include "config.h"

#include <glib/gi18n.h>

#include "prep-application.h"
#include "prep-renderer.h"
#include "prep-preferences-window.h"
#include "prep-review-store.h"
#include "prep-json-store.h"
#include "prep-library.h"
#include "prep-pack-store.h"
#include "prep-user-data.h"
#include "prep-window.h"

struct _PrepApplication
{
  AdwApplication  parent_instance;

  /* Owned references */
  PrepLibrary    *library;
  GThread        *library_thread; /* loading it, until joined */
  PrepUserData   *user_data;
  GError         *load_error;
  GError         *user_data_error;
  PrepReviewStore *reviews;
  GError         *reviews_error;
  PrepPackStore  *packs;
  PrepRenderer   *pack_renderer;  /* checks the packs' Markdown */
  GSettings      *settings;

  guint           present_source;
};

G_DEFINE_FINAL_TYPE (PrepApplication, prep_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "open", 'o', 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the question with this ID"), N_("QUESTION_ID") },
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check content files and exit; without files, check the bundled content"), NULL },
  { "strict", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --validate, also require complete answers"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

static void
list_bundled_ids (char ***question_ids,
                  char ***category_ids)
{
  g_autoptr(PrepLibrary) library = prep_library_new (NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) categories_builder = g_strv_builder_new ();
  GListModel *questions;
  GListModel *categories;

  if (prep_library_load_resources (library, NULL, NULL))
    {
      questions = prep_library_get_questions (library);
      for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
        {
          g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);
          g_strv_builder_add (builder, prep_question_get_id (question));
        }
      categories = prep_library_get_categories (library);
      for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
        {
          g_autoptr(PrepCategory) category = g_list_model_get_item (categories, i);
          g_strv_builder_add (categories_builder, prep_category_get_id (category));
        }
    }

  *question_ids = g_strv_builder_end (builder);
  *category_ids = g_strv_builder_end (categories_builder);
}

/* Whether @loader's files define every one of @ids: then they are the
 * bundled content's own, not a pack. */
static gboolean
defines_all (PrepContentLoader  *loader,
             const char * const *ids)
{
  GPtrArray *categories = prep_content_loader_get_categories (loader);

  for (guint i = 0; ids[i]; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < categories->len && !found; j++)
        found = g_str_equal (prep_category_get_id (g_ptr_array_index (categories, j)), ids[i]);
      if (!found)
        return FALSE;
    }

  return TRUE;
}

static char *
check_markdown_cb (const char *markdown,
                   guint      *line,
                   gpointer    data)
{
  return prep_renderer_check_markdown (data, markdown, line);
}

/**
 * prep_validate_files:
 * @files: (nullable): content files; %NULL or empty checks the bundled content
 * @out: receives the summary
 * @err: receives one line per problem
 *
 * Runs the content validator the way `llm-prep --validate` does. Files
 * that define no categories are checked against the bundled ones; files
 * that define some (a user's pack) against those and the bundled ones,
 * whose ids they must not take, unless they define all the bundled
 * categories (the bundled content's own files).
 *
 * Returns: the exit status: 0 when every file is valid, 1 otherwise
 */
int
prep_validate_files (const char * const *files,
                     gboolean            strict,
                     GString            *out,
                     GString            *err)
{
  g_autoptr(PrepContentLoader) loader = NULL;
  g_autoptr(PrepRenderer) renderer = prep_renderer_new ();
  g_autoptr(GError) error = NULL;
  PrepContentFlags flags = strict ? PREP_CONTENT_FLAGS_STRICT : PREP_CONTENT_FLAGS_NONE;
  g_auto(GStrv) bundled_ids = NULL;
  g_auto(GStrv) bundled_categories = NULL;
  GPtrArray *issues;
  guint n_files = files ? g_strv_length ((char **) files) : 0;

  loader = prep_content_loader_new (NULL, flags);
  /* What the viewer could not show as written is a problem too. */
  prep_content_loader_set_markdown_check (loader, check_markdown_cb, renderer);

  if (n_files == 0)
    {
      if (!prep_library_add_resources_to_loader (loader, PREP_CONTENT_RESOURCE_PATH, FALSE, &error))
        {
          g_string_append_printf (err, "%s\n", error->message);
          return 1;
        }
    }
  else
    {
      for (guint i = 0; i < n_files; i++)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
          prep_content_loader_add_file (loader, file);
        }

      if (prep_content_loader_get_n_categories (loader) == 0 &&
          !prep_library_add_resources_to_loader (loader, PREP_CONTENT_RESOURCE_PATH, TRUE, &error))
        {
          g_string_append_printf (err, "%s\n", error->message);
          return 1;
        }

      /* Links may point to any bundled question, and a pack's questions
       * may be in a bundled category. */
      list_bundled_ids (&bundled_ids, &bundled_categories);
      prep_content_loader_add_external_ids (loader, (const char * const *) bundled_ids);
      if (!defines_all (loader, (const char * const *) bundled_categories))
        prep_content_loader_add_external_categories (loader, (const char * const *) bundled_categories);
    }

  prep_content_loader_finish (loader);
  issues = prep_content_loader_get_issues (loader);

  for (guint i = 0; i < issues->len; i++)
    {
      g_autofree char *line = prep_content_issue_to_string (g_ptr_array_index (issues, i));
      g_string_append_printf (err, "%s\n", line);
    }

  if (issues->len > 0)
    {
      g_string_append_printf (err, "%u problem(s) found\n", issues->len);
      return 1;
    }

  g_string_append_printf (out, "%u categories and %u questions are valid%s\n",
                          prep_content_loader_get_categories (loader)->len,
                          prep_content_loader_get_questions (loader)->len,
                          strict ? " (strict)" : "");
  return 0;
}

static void
load_library (PrepApplication *self)
{
  self->library = prep_library_new (prep_content_locale_for_languages (NULL));
  if (!prep_library_load_resources (self->library, NULL, &self->load_error))
    g_printerr ("%s\n", self->load_error->message);
}

static gpointer
load_library_thread (gpointer data)
{
  load_library (data);

  return NULL;
}

/* The bundled content is parsed in a thread started first thing at
 * start-up, while GTK, libadwaita and the user's files start up on the
 * main one (issue 15): on two cores, its 40 ms are off the way to the
 * first frame. Nothing touches the library before the thread is joined. */
static void
start_library (PrepApplication *self)
{
  if (self->library == NULL && self->library_thread == NULL)
    self->library_thread = g_thread_new ("llm-prep-content", load_library_thread, self);
}

/* Waits for the thread loading the bundled content, if it runs. */
static void
join_library (PrepApplication *self)
{
  if (self->library_thread != NULL)
    g_thread_join (g_steal_pointer (&self->library_thread));
}

/* The bundled content, loaded once: by --open's check of its ID, or at
 * start-up. */
static PrepLibrary *
ensure_library (PrepApplication *self)
{
  join_library (self);
  if (self->library == NULL)
    load_library (self);

  return self->library;
}

static char *
check_pack_markdown_cb (const char *markdown,
                        guint      *line,
                        gpointer    data)
{
  PrepApplication *self = data;

  if (self->pack_renderer == NULL)
    self->pack_renderer = prep_renderer_new ();

  return prep_renderer_check_markdown (self->pack_renderer, markdown, line);
}

static void
packs_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!prep_pack_store_load_finish (PREP_PACK_STORE (object), result, &error))
    g_printerr ("%s\n", error->message);
}

/* The user's packs, after the bundled content: without a packs folder
 * this is one failed open. With one, they are read in a thread and their
 * questions appear when read, so that a large pack does not hold up the
 * window (issue 18); --open of one of them reads them at once. A pack
 * with problems is reported by the window and left as it is. */
static void
load_packs (PrepApplication *self,
            gboolean         now)
{
  g_autoptr(GError) error = NULL;

  if (self->load_error != NULL || self->packs != NULL)
    return;

  self->packs = prep_pack_store_new (self->library, NULL);
  /* What is saved (by the editor) is checked as --validate does, by a
   * renderer made when first needed. */
  prep_pack_store_set_markdown_check (self->packs, check_pack_markdown_cb, self);
  if (!g_file_test (prep_pack_store_get_dir (self->packs), G_FILE_TEST_IS_DIR))
    return;

  if (now)
    {
      if (!prep_pack_store_load (self->packs, &error))
        g_printerr ("%s\n", error->message);
    }
  else
    prep_pack_store_load_async (self->packs, NULL, packs_loaded_cb, NULL);
}

static int
prep_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  const char *question_id = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "validate"))
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);
      g_autofree const char **files = NULL;
      int status;

      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
      status = prep_validate_files (files, g_variant_dict_contains (options, "strict"), out, err);
      g_print ("%s", out->str);
      g_printerr ("%s", err->str);
      return status;
    }

  /* Check the ID here, in the launching process, so that a typo is
   * reported on the terminal and exits 1 without opening a window. */
  if (g_variant_dict_lookup (options, "open", "&s", &question_id))
    {
      /* Loaded once: this process is usually the one that shows it. */
      PrepLibrary *library = ensure_library (PREP_APPLICATION (app));

      /* It may be one of the user's questions. */
      if (prep_library_lookup_question (library, question_id) == NULL)
        load_packs (PREP_APPLICATION (app), TRUE);

      if (prep_application_get_load_error (PREP_APPLICATION (app)) == NULL &&
          prep_library_lookup_question (library, question_id) == NULL)
        {
          g_printerr (_("There is no question with the ID “%s”\n"), question_id);
          return 1;
        }
    }

  if (g_variant_dict_contains (options, "strict"))
    {
      g_printerr (_("--strict is only valid with --validate\n"));
      return 1;
    }

  return G_APPLICATION_CLASS (prep_application_parent_class)->handle_local_options (app, options);
}

static gboolean
present_later_cb (gpointer data)
{
  PrepApplication *self = data;
  PrepWindow *window = prep_application_get_main_window (self);

  self->present_source = 0;
  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (self));

  return G_SOURCE_REMOVE;
}

/* The window is first shown from the main loop, once it has handled what
 * start-up left for it at a higher priority. GTK and libadwaita add their
 * icons to the icon theme at start-up, and the theme's change is handled
 * in an idle at GTK_PRIORITY_RESIZE - 2 (gtkicontheme.c), which the first
 * frame came before: every widget was then styled, laid out and drawn
 * again, the whole window in one step of 20 to 30 ms after its first
 * frame (issue 15). Handled before the window is shown, it costs nothing.
 * Later, or with the window up, it is presented at once. */
static void
present_window (PrepApplication *self,
                PrepWindow      *window)
{
  if (self->present_source != 0)
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  g_application_hold (G_APPLICATION (self));
  self->present_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 9, present_later_cb, self, NULL);
}

static PrepWindow *
ensure_window (PrepApplication *self)
{
  PrepWindow *window = prep_application_get_main_window (self);

  if (window == NULL)
    window = prep_window_new (self);

  return window;
}

static int
prep_application_command_line (GApplication            *app,
                               GApplicationCommandLine *command_line)
{
  PrepApplication *self = PREP_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **files = NULL;
  const char *question_id = NULL;
  PrepWindow *window;
  int status = 0;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  if (files != NULL && files[0] != NULL)
    {
      g_application_command_line_printerr (command_line,
                                           _("Unexpected argument “%s”; did you mean --validate?\n"),
                                           files[0]);
      return 1;
    }

  window = ensure_window (self);

  if (g_variant_dict_lookup (options, "open", "&s", &question_id))
    {
      if (!prep_window_open_question (window, question_id))
        {
          g_application_command_line_printerr (command_line,
                                               _("There is no question with the ID “%s”\n"),
                                               question_id);
          status = 1;
        }
    }

  present_window (self, window);

  return status;
}

static void
prep_application_activate (GApplication *app)
{
  present_window (PREP_APPLICATION (app), ensure_window (PREP_APPLICATION (app)));
}

/* The content language follows its setting at once: every view shows
 * the library's texts, which notify the change. */
static void
content_language_changed_cb (PrepApplication *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "content-language");

  prep_library_set_locale (self->library, prep_content_locale_for_setting (setting));
}

/* The interview date is a preference; the review store caps intervals
 * to the study day it names. */
static void
interview_date_changed_cb (PrepApplication *self)
{
  g_autofree char *date = g_settings_get_string (self->settings, "interview-date");

  prep_review_store_set_interview_day (self->reviews, prep_study_day_from_date (date));
}

static void
prep_application_startup (GApplication *app)
{
  PrepApplication *self = PREP_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  start_library (self);
  G_APPLICATION_CLASS (prep_application_parent_class)->startup (app);

  /* Selectable text (the short answer, the follow-ups' answers) is not
   * selected whole when the focus reaches it: the page is read, not edited. */
  g_object_set (gtk_settings_get_default (), "gtk-label-select-on-focus", FALSE, NULL);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  /* Bookmarks and notes; a damaged or newer file is reported by the window. */
  {
    g_autofree char *path = prep_user_data_path ("notes.json");

    self->user_data = prep_user_data_new (path);
    prep_user_data_load (self->user_data, &self->user_data_error);
  }

  /* What the quiz has scheduled, with the desired retention preference. */
  {
    g_autofree char *path = prep_user_data_path ("reviews.json");

    self->reviews = prep_review_store_new (path);
    prep_review_store_load (self->reviews, &self->reviews_error);
    self->settings = g_settings_new (APP_ID);
    g_settings_bind (self->settings, "desired-retention", self->reviews, "desired-retention", G_SETTINGS_BIND_GET);
    g_signal_connect_object (self->settings, "changed::interview-date",
                             G_CALLBACK (interview_date_changed_cb), self, G_CONNECT_SWAPPED);
    interview_date_changed_cb (self);
  }

  ensure_library (self);
  load_packs (self, FALSE);
  g_signal_connect_object (self->settings, "changed::content-language",
                           G_CALLBACK (content_language_changed_cb), self, G_CONNECT_SWAPPED);
  content_language_changed_cb (self);
}

static void
prep_application_shutdown (GApplication *app)
{
  PrepApplication *self = PREP_APPLICATION (app);
  g_autoptr(GError) notes_error = NULL;
  g_autoptr(GError) reviews_error = NULL;

  /* Quit before the window was shown. */
  if (self->present_source != 0)
    {
      g_clear_handle_id (&self->present_source, g_source_remove);
      g_application_release (app);
    }

  /* The windows asked about anything that could not be saved; this is
   * for a quit without a window (e.g. a remote instance's). */
  if (self->user_data != NULL && !prep_user_data_flush (self->user_data, &notes_error))
    g_printerr ("%s\n", notes_error->message);
  if (self->reviews != NULL && !prep_review_store_flush (self->reviews, &reviews_error))
    g_printerr ("%s\n", reviews_error->message);

  G_APPLICATION_CLASS (prep_application_parent_class)->shutdown (app);
}

static void
prep_application_dispose (GObject *object)
{
  PrepApplication *self = (PrepApplication *)object;

  join_library (self);
  g_clear_object (&self->library);
  g_clear_object (&self->user_data);
  g_clear_error (&self->load_error);
  g_clear_error (&self->user_data_error);
  g_clear_object (&self->reviews);
  g_clear_error (&self->reviews_error);
  g_clear_object (&self->packs);
  g_clear_object (&self->pack_renderer);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (prep_application_parent_class)->dispose (object);
}

static void
prep_application_class_init (PrepApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = prep_application_dispose;

  app_class->activate = prep_application_activate;
  app_class->command_line = prep_application_command_line;
  app_class->handle_local_options = prep_application_handle_local_options;
  app_class->startup = prep_application_startup;
  app_class->shutdown = prep_application_shutdown;
}

static void
prep_application_about_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  static const char *developers[] = { "The LLM Prep authors", NULL };
  PrepApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("LLM Prep"),
                        "developer-name", _("The LLM Prep authors"),
                        "version", PACKAGE_VERSION,
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_WEBSITE "/issues",
                        "comments", _("Study the questions asked in interviews about large "
                                      "language models, with detailed answers, flashcards "
                                      "and mock interviews."),
                        "copyright", "© 2026 The LLM Prep authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: Replace "translator-credits" with your name(s) */
                        "translator-credits", _("translator-credits"),
                        NULL);

  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Study Content"),
                                      "© 2026 The LLM Prep authors",
                                      GTK_LICENSE_CUSTOM,
                                      _("The questions, answers and figures are licensed under "
                                        "the <a href=\"https://creativecommons.org/licenses/by-sa/4.0/\">"
                                        "Creative Commons Attribution-ShareAlike 4.0 International</a> "
                                        "licence."));

  gtk_window_present (GTK_WINDOW (about));
}

static void
prep_application_quit_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  PrepApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close the windows rather than quitting outright, so that they save
   * their state on the way out. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  /* A window that could not save asks first, and stays until answered;
   * the application quits when the last window goes. */
  if (gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
    g_application_quit (G_APPLICATION (self));
}

static void
prep_application_preferences_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  PrepApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = prep_preferences_window_new (window);

  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

/* Importing a pack: in the window, which shows the progress. */
static void
prep_application_import_pack_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  PrepWindow *window = ensure_window (user_data);

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-pack", NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", prep_application_quit_action },
  { "import-pack", prep_application_import_pack_action },
  { "preferences", prep_application_preferences_action },
  { "about", prep_application_about_action },
};

static void
prep_application_init (PrepApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Study for technical interviews about large language models."));
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}

/**
 * prep_application_new:
 * @flags: extra flags, e.g. %G_APPLICATION_NON_UNIQUE in tests
 */
PrepApplication *
prep_application_new (GApplicationFlags flags)
{
  return g_object_new (PREP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | flags,
                       "resource-base-path", "/io/github/llmprep/LlmPrep",
                       NULL);
}

/**
 * prep_application_get_library:
 *
 * Returns: (transfer none): the shared model, after startup
 */
PrepLibrary *
prep_application_get_library (PrepApplication *self)
{
  g_return_val_if_fail (PREP_IS_APPLICATION (self), NULL);

  join_library (self);

  return self->library;
}

/**
 * prep_application_get_user_data:
 *
 * Returns: (transfer none): the user's bookmarks and notes, after startup
 */
PrepUserData *
prep_application_get_user_data (PrepApplication *self)
{
  g_return_val_if_fail (PREP_IS_APPLICATION (self), NULL);

  return self->user_data;
}

/**
 * prep_application_get_user_data_error:
 *
 * Returns: (nullable): what went wrong reading the user's data at startup
 */
const GError *
prep_application_get_user_data_error (PrepApplication *self)
{
  g_return_val_if_fail (PREP_IS_APPLICATION (self), NULL);

  return self->user_data_error;
}

/**
 * prep_application_get_load_error:
 *
 * Returns: (nullable): why the bundled content could not be loaded
 */
const GError *
prep_application_get_load_error (PrepApplication *self)
{
  g_return_val_if_fail (PREP_IS_APPLICATION (self), NULL);

  join_library (self);

  return self->load_error;
}

/**
 * prep_application_get_main_window:
 *
 * Returns: (transfer none) (nullable): the application's window
 */
PrepWindow *
prep_application_get_main_window (PrepApplication *self)
{
  g_return_val_if_fail (PREP_IS_APPLICATION (self), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (PREP_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

/**
 * prep_application_get_reviews:
 *
 * Returns: (transfer none) (nullable): the quiz's review state, after startup
 */
PrepReviewStore *
prep_application_get_reviews (PrepApplication *self)
{
  g_return_val_if_fail (PREP_IS_APPLICATION (self), NULL);

  return self->reviews;
}

/**
 * prep_application_get_reviews_error:
 *
 * Returns: (nullable): why the review file could not be used as it was
 */
const GError *
prep_application_get_reviews_error (PrepApplication *self)
{
  g_return_val_if_fail (PREP_IS_APPLICATION (self), NULL);

  return self->reviews_error;
}

/**
 * prep_application_get_pack_store:
 *
 * Returns: (transfer none) (nullable): the user's question packs, after
 *   startup (%NULL if the bundled content could not be loaded)
 */
PrepPackStore *
prep_application_get_pack_store (PrepApplication *self)
{
  g_return_val_if_fail (PREP_IS_APPLICATION (self), NULL);

  return self->packs;
}
