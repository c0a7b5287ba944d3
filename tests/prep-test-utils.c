/* prep-test-utils.c: helpers shared by the UI tests.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "prep-application.h"
#include "prep-notice-bar.h"
#include "prep-quiz-session.h"
#include "prep-test-utils.h"
#include "prep-window.h"

void
prep_test_init_ui (int    *argc,
                   char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* The UI in Traditional Chinese, from the translation just built, when
   * the machine has the zh_TW locale (make check installs it).
   * gtk_test_init() forces en_US, so take the environment's again. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILD_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Screenshots of finished states, not of transitions; the page's
   * labels as the application sets them. */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-label-select-on-focus", FALSE,
                NULL);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

void
prep_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gulong handler;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (widget);

  /* Frames, each followed by the idle work it caused (such as rendering
   * an answer again at the width it was given), until a frame causes no
   * more work: the widget is then laid out and drawn in its final state. */
  for (guint i = 0; i < 10; i++)
    {
      gboolean painted = FALSE;
      gboolean busy = FALSE;

      handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
      gtk_widget_queue_draw (widget);
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (clock, handler);

      while (g_main_context_iteration (NULL, FALSE))
        busy = TRUE;

      if (!busy && i > 0)
        break;
    }
}

/* The widget as it is drawn on screen, at its size. */
GdkTexture *
prep_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

void
prep_test_save_screenshot (GtkWidget  *widget,
                           const char *name)
{
  g_autoptr(GdkTexture) texture = prep_test_render (widget);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%dx%d)", path,
                  gdk_texture_get_width (texture), gdk_texture_get_height (texture));
}

GtkWidget *
prep_test_find_descendant (GtkWidget *widget,
                           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = prep_test_find_descendant (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
prep_test_find_with_class (GtkWidget  *widget,
                           const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = prep_test_find_with_class (child, css_class);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Real input, through the window system: xdotool sends key and button
 * events to the X server (XTEST), which delivers them to the window under
 * the pointer, as it does a person's. */

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/**
 * prep_test_collect:
 *
 * Returns: (transfer container): @widget and its descendants of @type, in
 *   tree order
 */
GPtrArray *
prep_test_collect (GtkWidget *widget,
                   GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (widget, type, found);
  return found;
}

/**
 * prep_test_notice_in_sight:
 *
 * Returns: (nullable): the text of the notice bar shown under @widget
 */
const char *
prep_test_notice_in_sight (GtkWidget *widget)
{
  const char *text;

  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (PREP_IS_NOTICE_BAR (widget) && (text = prep_notice_bar_get_text (PREP_NOTICE_BAR (widget))))
    return text;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if ((text = prep_test_notice_in_sight (child)))
      return text;
  return NULL;
}

gboolean
prep_test_have_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  return path != NULL && g_getenv ("DISPLAY") != NULL;
}

static void
child_done_cb (GPid     pid,
               int      status,
               gpointer data)
{
  *(int *) data = status;
  g_spawn_close_pid (pid);
}

void
prep_test_xdotool (GtkWidget          *window,
                   const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *held = window;
  int status = -1;
  gint64 until;
  GPid pid;

  g_object_add_weak_pointer (G_OBJECT (held), (gpointer *) &held);
  g_ptr_array_add (argv, (char *) "xdotool");
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  /* Asynchronously: the window must go on handling its events. */
  g_assert_true (g_spawn_async (NULL, (char **) argv->pdata, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_child_watch_add (pid, child_done_cb, &status);
  while (status == -1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* The events the server sent, then the frames they cause. */
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 10;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  /* A click may have closed it (a dialog's button). */
  if (held != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (held), (gpointer *) &held);
      if (gtk_widget_get_mapped (held))
        prep_test_wait_for_frame (held);
    }
}

static void
pointer_on (GtkWidget *window)
{
  /* Without a window manager the window is at the origin; its title is
   * a place where the pointer changes nothing. */
  const char *args[] = { "mousemove", "300", "30", NULL };

  prep_test_xdotool (window, args);
}

/**
 * prep_test_press:
 * @keys: key names as xdotool takes them, separated by spaces, e.g.
 *   "Page_Down ctrl+End alt+Left"
 */
void
prep_test_press (GtkWidget  *window,
                 const char *keys)
{
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);

  pointer_on (window);
  for (guint i = 0; names[i]; i++)
    {
      const char *args[] = { "key", "--clearmodifiers", names[i], NULL };
      prep_test_xdotool (window, args);
    }
}

/**
 * prep_test_click:
 * @target: a widget on screen, in a toplevel window
 *
 * Moves the pointer to the middle of @target and clicks the first button,
 * through the window system. Without a window manager every toplevel is
 * at the screen's origin, so the position is its place in its window.
 */
void
prep_test_click (GtkWidget *target)
{
  GtkNative *native = gtk_widget_get_native (target);
  graphene_rect_t bounds;
  double dx, dy;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  g_assert_nonnull (native);
  g_assert_true (gtk_widget_compute_bounds (target, GTK_WIDGET (native), &bounds));
  gtk_native_get_surface_transform (native, &dx, &dy);
  x = g_strdup_printf ("%d", (int) (dx + bounds.origin.x + bounds.size.width / 2));
  y = g_strdup_printf ("%d", (int) (dy + bounds.origin.y + bounds.size.height / 2));

  {
    const char *args[] = { "mousemove", "--sync", x, y, "click", "1", NULL };

    prep_test_xdotool (GTK_WIDGET (native), args);
  }
}

void
prep_test_type (GtkWidget  *window,
                const char *text)
{
  const char *args[] = { "type", "--delay", "30", text, NULL };

  pointer_on (window);
  prep_test_xdotool (window, args);
}

typedef struct
{
  PrepApplication *app;
  PrepTestCheck    check;
} Run;

static gboolean
run_check_cb (gpointer data)
{
  Run *run = data;
  PrepWindow *window = prep_application_get_main_window (run->app);

  g_assert_nonnull (window);
  prep_test_wait_for_frame (GTK_WIDGET (window));
  run->check (run->app, window);

  /* The check may have closed it already. */
  if ((window = prep_application_get_main_window (run->app)))
    gtk_window_destroy (GTK_WINDOW (window));
  g_application_quit (G_APPLICATION (run->app));

  return G_SOURCE_REMOVE;
}

/**
 * prep_test_run_app:
 *
 * Runs the application with @args as its command line, calls @check once
 * its window is on screen, and returns the exit status.
 */
int
prep_test_run_app (const char * const *args,
                   PrepTestCheck       check)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  Run run = { NULL, check };
  int status;

  g_ptr_array_add (argv, (char *) "llm-prep");
  for (guint i = 0; args != NULL && args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  run.app = prep_application_new (G_APPLICATION_NON_UNIQUE);
  g_idle_add (run_check_cb, &run);
  status = g_application_run (G_APPLICATION (run.app), argv->len - 1, (char **) argv->pdata);
  g_assert_finalize_object (run.app);

  return status;
}

/**
 * prep_test_run_first_start:
 *
 * Runs the app as on a first start (no reviews, notes or bookmarks) with
 * @check, which drives it through xdotool; the test is skipped without it.
 */
void
prep_test_run_first_start (PrepTestCheck check)
{
  const char *names[] = { "reviews.json", "notes.json", NULL };

  if (!prep_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_build_filename (g_get_user_config_dir (), "llm-prep", names[i], NULL);

      g_unlink (path);
    }

  g_assert_cmpint (prep_test_run_app (NULL, check), ==, 0);
}

/* Runs the main loop for @ms milliseconds, as time passes for a person. */
void
prep_test_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* Where the current multiple-choice item's right option is shown. */
guint
prep_test_right_option (PrepQuizSession *session)
{
  const PrepQuizItem *item = prep_quiz_session_get_quiz_item (session);

  for (guint shown = 0; shown < PREP_QUIZ_N_OPTIONS; shown++)
    if (prep_quiz_session_get_option_index (session, shown) == item->answer)
      return shown;

  g_assert_not_reached ();
}
