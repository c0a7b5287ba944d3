/* prep-answer-view.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-answer-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "prep-answer-view.h"
#include "prep-renderer.h"
#include "prep-text-match.h"

/* A read-only text view showing rendered Markdown: links that open,
 * copy buttons on code blocks, find highlighting and zoom. */
struct _PrepAnswerView
{
  GtkTextView     parent_instance;

  /* Owned references */
  PrepRenderer   *renderer;
  GtkCssProvider *zoom_css;
  char           *markdown;
  GArray         *matches;     /* PrepTextMatch */

  double          zoom;
  guint           current_match;
  guint           rerender_source;
  guint           prepare_source;
  guint           prepare_step;
  guint           render_on_map : 1;
  int             rendered_width;
};

G_DEFINE_FINAL_TYPE (PrepAnswerView, prep_answer_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_MARKDOWN,
  PROP_ZOOM,
  PROP_N_MATCHES,
  PROP_CURRENT_MATCH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define IMAGE_MARGIN 48
#define FIGURES_PATH "/io/github/llmprep/LlmPrep/content/figures"

static void
copy_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  const char *code = g_object_get_data (G_OBJECT (button), PREP_RENDERER_CODE_TEXT);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), code);
  gtk_button_set_icon_name (button, "object-select-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Copied"));
}

/* The renderer leaves an anchor on each code block's header line. */
static void
add_copy_buttons (PrepAnswerView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      GtkTextChildAnchor *anchor = gtk_text_iter_get_child_anchor (&iter);
      const char *code;
      GtkWidget *button;

      if (anchor == NULL || !(code = g_object_get_data (G_OBJECT (anchor), PREP_RENDERER_CODE_TEXT)))
        continue;

      button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "copy-code");
      gtk_widget_set_tooltip_text (button, _("Copy Code"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy Code"),
                                      -1);
      g_object_set_data_full (G_OBJECT (button), PREP_RENDERER_CODE_TEXT, g_strdup (code), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (copy_clicked_cb), NULL);
      gtk_text_view_add_child_at_anchor (GTK_TEXT_VIEW (self), button, anchor);
    }
  while (gtk_text_iter_forward_char (&iter));
}

static void
render (PrepAnswerView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  g_clear_handle_id (&self->rerender_source, g_source_remove);

  if (width > IMAGE_MARGIN * 2)
    prep_renderer_set_max_image_width (self->renderer, width - IMAGE_MARGIN);
  self->rendered_width = width;
  prep_renderer_set_pango_context (self->renderer, gtk_widget_get_pango_context (GTK_WIDGET (self)));
  prep_renderer_set_dark (self->renderer, adw_style_manager_get_dark (adw_style_manager_get_default ()));

  gtk_text_buffer_set_text (buffer, "", 0);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (self->markdown != NULL)
    prep_renderer_render (self->renderer, buffer, &iter, self->markdown, -1);
  add_copy_buttons (self);

  /* Matches are offsets into the old text. */
  if (self->matches->len > 0)
    prep_answer_view_clear_find (self);
}

static gboolean
rerender_cb (gpointer user_data)
{
  PrepAnswerView *self = user_data;

  self->rerender_source = 0;
  render (self);

  return G_SOURCE_REMOVE;
}

static void
queue_rerender (PrepAnswerView *self)
{
  if (self->rerender_source == 0 && self->markdown != NULL)
    self->rerender_source = g_idle_add (rerender_cb, self);
}

/* The view is not scrollable itself: it sits in the page's scrolled
 * window, which must be moved to bring @iter into sight. */
static void
scroll_to_iter (PrepAnswerView    *self,
                const GtkTextIter *iter)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  GtkWidget *content;
  GdkRectangle rect;
  double x, y, value, page;
  int wx, wy;

  if (scroller == NULL || !(content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))))
    return;

  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), iter, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &wx, &wy);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self), content, wx, wy, &x, &y))
    return;
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* In the viewport's child, y is the absolute position on the page. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  y += value;
  if (y < value + 48)
    gtk_adjustment_set_value (adjustment, y - 48);
  else if (y + rect.height > value + page - 48)
    gtk_adjustment_set_value (adjustment, y + rect.height - page + 48);
}

static GtkTextTag *
link_tag_at (const GtkTextIter *iter,
             gboolean           starting)
{
  g_autoptr(GSList) tags = starting ? gtk_text_iter_get_toggled_tags (iter, TRUE) : gtk_text_iter_get_tags (iter);

  for (const GSList *l = tags; l; l = l->next)
    {
      if (g_object_get_data (l->data, PREP_RENDERER_LINK_TARGET) != NULL)
        return l->data;
    }

  return NULL;
}

/* Tab and Shift+Tab walk the links, as in a browser; past the last one
 * the focus moves on. */
static gboolean
move_to_link (PrepAnswerView *self,
              gboolean        backward)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter, end;
  GtkTextTag *tag;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  /* Step off the link the cursor is on, then look for the next start. */
  while ((backward ? gtk_text_iter_backward_to_tag_toggle (&iter, NULL)
                   : gtk_text_iter_forward_to_tag_toggle (&iter, NULL)))
    {
      GtkTextIter previous = iter;

      if ((tag = link_tag_at (&iter, TRUE)) == NULL)
        continue;

      /* Backwards, the toggle found may be the start of the link the
       * cursor was already on. */
      gtk_text_buffer_get_iter_at_mark (buffer, &previous, gtk_text_buffer_get_insert (buffer));
      if (backward && gtk_text_iter_equal (&iter, &previous))
        continue;

      end = iter;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      gtk_text_buffer_select_range (buffer, &iter, &end);
      scroll_to_iter (self, &iter);
      return TRUE;
    }

  return FALSE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PrepAnswerView        *self)
{
  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    return move_to_link (self, FALSE);
  if (keyval == GDK_KEY_ISO_Left_Tab)
    return move_to_link (self, TRUE);

  return FALSE;
}

static gboolean
prepare_cb (gpointer user_data)
{
  PrepAnswerView *self = user_data;

  if (prep_renderer_prepare_step (self->renderer, FIGURES_PATH, self->prepare_step++))
    return G_SOURCE_CONTINUE;

  self->prepare_source = 0;
  return G_SOURCE_REMOVE;
}

static void
prep_answer_view_map (GtkWidget *widget)
{
  PrepAnswerView *self = PREP_ANSWER_VIEW (widget);
  static gboolean prepared;

  GTK_WIDGET_CLASS (prep_answer_view_parent_class)->map (widget);

  if (self->render_on_map)
    {
      self->render_on_map = FALSE;
      g_clear_handle_id (&self->rerender_source, g_source_remove);
      self->rerender_source = g_idle_add_full (G_PRIORITY_LOW, rerender_cb, self, NULL);
    }

  /* Load the code highlighter once the window is up and idle, instead
   * of when the first answer with code is opened. */
  if (!prepared)
    {
      prepared = TRUE;
      self->prepare_source = g_idle_add_full (G_PRIORITY_LOW, prepare_cb, self, NULL);
    }
}

static void
dark_changed_cb (PrepAnswerView *self)
{
  queue_rerender (self);
}

char *
prep_answer_view_dup_link_at (PrepAnswerView    *self,
                              const GtkTextIter *iter)
{
  g_autoptr(GSList) tags = NULL;

  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), NULL);

  tags = gtk_text_iter_get_tags (iter);
  for (const GSList *l = tags; l; l = l->next)
    {
      const char *target = g_object_get_data (l->data, PREP_RENDERER_LINK_TARGET);
      if (target != NULL)
        return g_strdup (target);
    }

  return NULL;
}

static char *
link_at_coords (PrepAnswerView *self,
                double          x,
                double          y)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return NULL;

  return prep_answer_view_dup_link_at (self, &iter);
}

/**
 * prep_answer_view_activate_link:
 *
 * Opens a link the way a click does: other questions in the app, web and
 * mail links through the desktop; nothing else.
 *
 * Returns: whether the link was one that opens
 */
gboolean
prep_answer_view_activate_link (PrepAnswerView *self,
                                const char     *target)
{
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  if (g_str_has_prefix (target, "question:"))
    return gtk_widget_activate_action (GTK_WIDGET (self), "win.open-question", "s",
                                       target + strlen ("question:"));

  scheme = g_uri_parse_scheme (target);
  if (scheme != NULL &&
      (g_str_equal (scheme, "http") || g_str_equal (scheme, "https") || g_str_equal (scheme, "mailto")))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      /* Goes through the OpenURI portal inside the Flatpak sandbox. */
      gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, target, GDK_CURRENT_TIME);
      return TRUE;
    }

  return FALSE;
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   PrepAnswerView  *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autofree char *target = NULL;

  /* Releasing after selecting text is not a click on a link. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer))
    return;

  if ((target = link_at_coords (self, x, y)))
    prep_answer_view_activate_link (self, target);
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           PrepAnswerView           *self)
{
  g_autofree char *target = link_at_coords (self, x, y);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), target ? "pointer" : "text");
}

static gboolean
prep_answer_view_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip)
{
  PrepAnswerView *self = PREP_ANSWER_VIEW (widget);
  g_autofree char *target = NULL;

  if (keyboard)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      target = prep_answer_view_dup_link_at (self, &iter);
    }
  else
    target = link_at_coords (self, x, y);

  if (target == NULL)
    return GTK_WIDGET_CLASS (prep_answer_view_parent_class)->query_tooltip (widget, x, y, keyboard, tooltip);

  gtk_tooltip_set_text (tooltip, target);
  return TRUE;
}

static void
activate_link_at_cursor_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  PrepAnswerView *self = PREP_ANSWER_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autofree char *target = NULL;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if ((target = prep_answer_view_dup_link_at (self, &iter)))
    prep_answer_view_activate_link (self, target);
}

static void
prep_answer_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  PrepAnswerView *self = PREP_ANSWER_VIEW (widget);

  GTK_WIDGET_CLASS (prep_answer_view_parent_class)->size_allocate (widget, width, height, baseline);

  /* Images are scaled to the width, so a real change of width renders
   * again; small changes do not, to avoid flicker while resizing. */
  if (self->markdown != NULL && strstr (self->markdown, "![") != NULL &&
      ABS (width - self->rendered_width) > 32)
    queue_rerender (self);
}

static void
prep_answer_view_dispose (GObject *object)
{
  PrepAnswerView *self = (PrepAnswerView *)object;

  g_clear_handle_id (&self->rerender_source, g_source_remove);
  g_clear_handle_id (&self->prepare_source, g_source_remove);
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed_cb, self);
  g_clear_object (&self->renderer);
  g_clear_object (&self->zoom_css);

  G_OBJECT_CLASS (prep_answer_view_parent_class)->dispose (object);
}

static void
prep_answer_view_finalize (GObject *object)
{
  PrepAnswerView *self = (PrepAnswerView *)object;

  g_clear_pointer (&self->markdown, g_free);
  g_clear_pointer (&self->matches, g_array_unref);

  G_OBJECT_CLASS (prep_answer_view_parent_class)->finalize (object);
}

static void
prep_answer_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PrepAnswerView *self = PREP_ANSWER_VIEW (object);

  switch (prop_id)
    {
    case PROP_MARKDOWN:
      g_value_set_string (value, self->markdown);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_N_MATCHES:
      g_value_set_uint (value, self->matches->len);
      break;

    case PROP_CURRENT_MATCH:
      g_value_set_uint (value, self->current_match);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_answer_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PrepAnswerView *self = PREP_ANSWER_VIEW (object);

  switch (prop_id)
    {
    case PROP_MARKDOWN:
      prep_answer_view_set_markdown (self, g_value_get_string (value));
      break;

    case PROP_ZOOM:
      prep_answer_view_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_answer_view_class_init (PrepAnswerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prep_answer_view_dispose;
  object_class->finalize = prep_answer_view_finalize;
  object_class->get_property = prep_answer_view_get_property;
  object_class->set_property = prep_answer_view_set_property;

  widget_class->map = prep_answer_view_map;
  widget_class->query_tooltip = prep_answer_view_query_tooltip;
  widget_class->size_allocate = prep_answer_view_size_allocate;

  properties [PROP_MARKDOWN] =
    g_param_spec_string ("markdown", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.5, 3.0, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CURRENT_MATCH] =
    g_param_spec_uint ("current-match", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "answer.activate-link", NULL,
                                   activate_link_at_cursor_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "answer.activate-link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "answer.activate-link", NULL);
}

static void
prep_answer_view_init (PrepAnswerView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkEventController *motion;
  GtkEventController *keys;
  GtkGesture *click;

  self->renderer = prep_renderer_new ();
  self->matches = g_array_new (FALSE, FALSE, sizeof (PrepTextMatch));
  self->zoom = 1.0;
  self->zoom_css = gtk_css_provider_new ();

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, FALSE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_pixels_below_lines (view, 2);
  gtk_text_view_set_pixels_inside_wrap (view, 3);
  gtk_widget_add_css_class (GTK_WIDGET (self), "answer-view");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->zoom_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  G_GNUC_END_IGNORE_DEPRECATIONS

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
prep_answer_view_new (void)
{
  return g_object_new (PREP_TYPE_ANSWER_VIEW, NULL);
}

const char *
prep_answer_view_get_markdown (PrepAnswerView *self)
{
  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), NULL);

  return self->markdown;
}

void
prep_answer_view_set_markdown (PrepAnswerView *self,
                               const char     *markdown)
{
  g_return_if_fail (PREP_IS_ANSWER_VIEW (self));

  if (g_strcmp0 (self->markdown, markdown) == 0)
    return;

  g_free (self->markdown);
  self->markdown = g_strdup (markdown);

  /* Before the window is on screen (an answer restored at start-up),
   * render after its first frame: figures and the code highlighter cost
   * more than the rest of start-up. Afterwards, render at once. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    render (self);
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

      gtk_text_buffer_set_text (buffer, "", 0);
      self->render_on_map = TRUE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MARKDOWN]);
}

double
prep_answer_view_get_zoom (PrepAnswerView *self)
{
  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), 1.0);

  return self->zoom;
}

void
prep_answer_view_set_zoom (PrepAnswerView *self,
                           double          zoom)
{
  g_autofree char *css = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (PREP_IS_ANSWER_VIEW (self));

  zoom = CLAMP (zoom, 0.5, 3.0);
  if (G_APPROX_VALUE (self->zoom, zoom, 0.001))
    return;

  self->zoom = zoom;
  css = g_strdup_printf ("textview.answer-view { font-size: %s%%; }",
                         g_ascii_formatd (number, sizeof number, "%.0f", zoom * 100));
  gtk_css_provider_load_from_data (self->zoom_css, css, -1);

  /* Table columns are measured in the font: measure again. */
  queue_rerender (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
}

static GtkTextTag *
ensure_find_tag (PrepAnswerView *self,
                 const char     *name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)));
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag == NULL)
    {
      gboolean current = g_str_equal (name, "find-current");
      GdkRGBA color;

      gdk_rgba_parse (&color, current ? "rgba(245,121,0,0.7)" : "rgba(248,228,92,0.55)");
      tag = gtk_text_tag_new (name);
      g_object_set (tag, "background-rgba", &color, NULL);
      gtk_text_tag_table_add (table, tag);
      g_object_unref (tag);
    }

  return tag;
}

static void
select_match (PrepAnswerView *self,
              guint           index)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextTag *current = ensure_find_tag (self, "find-current");
  PrepTextMatch *match;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, current, &start, &end);

  if (self->matches->len == 0)
    return;

  match = &g_array_index (self->matches, PrepTextMatch, index);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, match->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, match->end);
  gtk_text_buffer_apply_tag (buffer, current, &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);
  scroll_to_iter (self, &start);

  self->current_match = index + 1;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_MATCH]);
}

/**
 * prep_answer_view_find:
 * @needle: (nullable): what to find, matched without regard to case or
 *   full-width/half-width forms
 *
 * Highlights every match and makes the first one current.
 *
 * Returns: the number of matches
 */
guint
prep_answer_view_find (PrepAnswerView *self,
                       const char     *needle)
{
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  g_autoptr(GArray) matches = NULL;
  GtkTextTag *all;
  GtkTextIter start, end;

  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), 0);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  prep_answer_view_clear_find (self);

  if (needle == NULL || needle[0] == '\0')
    return 0;

  /* The slice keeps one character per anchor or image, so that match
   * offsets are buffer offsets. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
  matches = prep_text_find_all (text, -1, needle);
  all = ensure_find_tag (self, "find-match");

  for (guint i = 0; i < matches->len; i++)
    {
      PrepTextMatch *match = &g_array_index (matches, PrepTextMatch, i);

      gtk_text_buffer_get_iter_at_offset (buffer, &start, match->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, match->end);
      gtk_text_buffer_apply_tag (buffer, all, &start, &end);
    }

  g_array_append_vals (self->matches, matches->data, matches->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_MATCHES]);
  if (self->matches->len > 0)
    select_match (self, 0);

  return self->matches->len;
}

/**
 * prep_answer_view_find_next:
 * @backward: go to the previous match instead
 *
 * Makes the next match current, wrapping around at the end.
 */
void
prep_answer_view_find_next (PrepAnswerView *self,
                            gboolean        backward)
{
  guint n;

  g_return_if_fail (PREP_IS_ANSWER_VIEW (self));

  if ((n = self->matches->len) == 0)
    return;

  /* current_match is 1-based. */
  if (backward)
    select_match (self, (self->current_match + n - 2) % n);
  else
    select_match (self, self->current_match % n);
}

void
prep_answer_view_clear_find (PrepAnswerView *self)
{
  GtkTextBuffer *buffer;
  GtkTextTagTable *table;
  GtkTextIter start, end;

  g_return_if_fail (PREP_IS_ANSWER_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  table = gtk_text_buffer_get_tag_table (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  for (guint i = 0; i < 2; i++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, i ? "find-current" : "find-match");
      if (tag != NULL)
        gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
    }

  if (self->matches->len > 0 || self->current_match > 0)
    {
      g_array_set_size (self->matches, 0);
      self->current_match = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_MATCHES]);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_MATCH]);
    }
}

guint
prep_answer_view_get_n_matches (PrepAnswerView *self)
{
  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), 0);

  return self->matches->len;
}

/**
 * prep_answer_view_get_current_match:
 *
 * Returns: the 1-based number of the current match, 0 for none
 */
guint
prep_answer_view_get_current_match (PrepAnswerView *self)
{
  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), 0);

  return self->current_match;
}

/**
 * prep_answer_view_move_to_link:
 * @backward: to the previous link
 *
 * Selects the next link after the cursor, as Tab does.
 *
 * Returns: %FALSE if there is none
 */
gboolean
prep_answer_view_move_to_link (PrepAnswerView *self,
                               gboolean        backward)
{
  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), FALSE);

  return move_to_link (self, backward);
}
