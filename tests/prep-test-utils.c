/* prep-test-utils.c: helpers shared by the UI tests.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "prep-test-utils.h"

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

void
prep_test_save_screenshot (GtkWidget  *widget,
                           const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%dx%d)", path, width, height);
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
