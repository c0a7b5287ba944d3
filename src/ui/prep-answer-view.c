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
#include "prep-label-text.h"
#include "prep-render-table.h"
#include "prep-renderer.h"
#include "prep-table.h"
#include "prep-text-match.h"

/* A read-only text view showing rendered Markdown: links that open, code
 * blocks in boxes with a copy button, tables as widgets of their own, find
 * highlighting, and the positions the page needs to scroll to a line.
 *
 * The view is the body of the question page's PrepPageLayout: it is
 * given no more than the page's height and scrolls itself, the page's
 * scroll offset following (see prep-page-layout.c). Positions it reports
 * are in its widget's coordinates, which the page converts. */

typedef struct
{
  int        start;
  int        end;
  GtkWidget *button;
} CodeBox;

typedef struct
{
  int        offset;
  guint      level;
  char      *title;
} Heading;

typedef struct
{
  GtkLabel  *label;     /* a table cell's, or NULL for the text */
  guint      start;     /* characters */
  guint      end;
  guint      in_label;  /* the index among the label's own matches */
} Match;

struct _PrepAnswerView
{
  GtkTextView     parent_instance;

  /* Owned references */
  PrepRenderer   *renderer;
  char           *markdown;
  GArray         *code_boxes;    /* CodeBox */
  GPtrArray      *copy_buttons;  /* GtkButton, shown or kept for later */
  GArray         *headings;      /* Heading */
  GPtrArray      *tables;        /* PrepTable, in the order of the text */
  GPtrArray      *pending_tables; /* PrepTable (owned), to measure before more text */
  GArray         *table_offsets; /* int: where each table is in the text */
  GArray         *matches;       /* Match */
  GHashTable     *label_matches; /* GtkLabel → GArray of PrepTextMatch */
  GPtrArray      *font_specimens; /* PangoLayout not laid out yet, or NULL until made */

  guint           current_match; /* index, or G_MAXUINT */
  guint           rerender_source;
  guint           continue_source;
  gsize           rendered_bytes; /* of markdown, rendered so far */
  guint           prepare_source;
  guint           rendered : 1;
  int             rendered_width;
  int             figure_limit;   /* the widest a figure could be rendered */
  int             widest_figure;  /* of those rendered, 0 if none */
};

G_DEFINE_FINAL_TYPE (PrepAnswerView, prep_answer_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_MARKDOWN,
  PROP_N_MATCHES,
  PROP_GROWING,
  N_PROPS
};

enum {
  RENDERED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

#define IMAGE_MARGIN 48
#define CODE_RADIUS  8
#define FIGURES_PATH "/io/github/llmprep/LlmPrep/content/figures"

/* An answer is rendered a section at a time (see
 * prep_renderer_section_end()): about a screen's worth before the page's
 * first frame, the rest a section of a kilobyte or so per main-loop step
 * after it, so that opening a question does not wait for text nobody
 * sees yet (issue 15).
 *
 * A step's text, not the time it takes to render, is what bounds it: the
 * text view lays out the lines added in an idle of its own, right after
 * ours, and that costs some 7 µs a byte of Chinese here, ten times the
 * rendering. Steps of 2.5 ms of rendering added 3.5 to 6.8 KiB at a time,
 * and the text view then blocked input for 17 to 52 ms. */
#define FIRST_SECTION_BYTES 3072   /* before the window has a size */
#define BYTES_PER_PIXEL     3
#define LATER_SECTION_BYTES 1024
/* A step that measures a table's cells goes on for this long at most. */
#define TABLE_STEP_USEC     4000

static void
clear_heading (gpointer data)
{
  g_free (((Heading *) data)->title);
}

static void
copy_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  const char *code = g_object_get_data (G_OBJECT (button), PREP_RENDERER_CODE_TEXT);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), code);
  gtk_button_set_icon_name (button, "object-select-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Copied"));
}

static gboolean
table_link_cb (PrepTable      *table,
               const char     *uri,
               PrepAnswerView *self)
{
  prep_answer_view_activate_link (self, uri);

  /* Whatever it was, GtkLabel must not open it itself. */
  return TRUE;
}

static GtkScrolledWindow *get_page (PrepAnswerView *self,
                                    double         *top,
                                    double         *height);

/* The page's width for a table that starts at @iter. It is worked out
 * from the page's scroller, not from the view's own width: a table as
 * wide as the view sets the view's minimum width, which must follow the
 * window when it is made narrower, not hold it. The page is centred in
 * the scroller, so the view has as much room on its right as on its
 * left. */
/* Where a table's line starts: the left margin of its list item or quote,
 * read from the tags (the one of highest priority wins, as in the layout)
 * rather than from the layout, which would lay the line out for it, and a
 * table's line measures the table. A list item's hanging indent is for
 * its marker's line only. */
static int
margin_at (PrepAnswerView    *self,
           const GtkTextIter *iter)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);
  int margin = gtk_text_view_get_left_margin (GTK_TEXT_VIEW (self));

  /* In increasing priority. */
  for (const GSList *l = tags; l; l = l->next)
    {
      gboolean margin_set;
      int tag_margin;

      g_object_get (l->data, "left-margin-set", &margin_set, "left-margin", &tag_margin, NULL);
      if (margin_set)
        margin = tag_margin;
    }

  return margin;
}

static int
available_width (PrepAnswerView *self,
                 GtkTextIter    *iter,
                 int             width)
{
  GtkScrolledWindow *page = get_page (self, NULL, NULL);
  graphene_point_t origin;
  int indent = 0;

  if (iter != NULL)
    indent = margin_at (self, iter);

  if (page != NULL &&
      gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (page), &GRAPHENE_POINT_INIT (0, 0), &origin) &&
      gtk_widget_get_width (GTK_WIDGET (page)) > 0)
    width = gtk_widget_get_width (GTK_WIDGET (page)) - 2 * MAX (origin.x, 0);

  return MAX (width - indent - 2, 120);
}

static gboolean
is_object_char (gunichar c,
                gpointer user_data)
{
  return c == 0xFFFC; /* what the buffer has for a child or a paintable */
}

/* After rendering a section (from character @from on): the code boxes
 * and their copy buttons, a widget for each table, and the headings for
 * the outline, and the widest figure. Only tag toggles and embedded
 * objects are visited. */
static void
collect_blocks (PrepAnswerView *self,
                int             from)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, from);
  for (;;)
    {
      GtkTextIter toggle, object;
      GtkTextChildAnchor *anchor = gtk_text_iter_get_child_anchor (&iter);
      g_autoptr(GSList) toggled = gtk_text_iter_get_toggled_tags (&iter, TRUE);
      GdkPaintable *figure = gtk_text_iter_get_paintable (&iter);
      PrepRenderTable *data;

      if (figure != NULL)
        self->widest_figure = MAX (self->widest_figure, gdk_paintable_get_intrinsic_width (figure));
      if (anchor != NULL && (data = g_object_get_data (G_OBJECT (anchor), PREP_RENDERER_TABLE)))
        {
          GtkWidget *scroller = gtk_scrolled_window_new ();
          GtkWidget *widget = prep_table_new (data);

          gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
          gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
          gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), widget);
          gtk_widget_add_css_class (scroller, "answer-table");
          g_signal_connect_object (widget, "activate-link", G_CALLBACK (table_link_cb), self, 0);
          gtk_text_view_add_child_at_anchor (GTK_TEXT_VIEW (self), scroller, anchor);
          g_ptr_array_add (self->tables, widget);
          g_array_append_vals (self->table_offsets, &(int) { gtk_text_iter_get_offset (&iter) }, 1);
        }

      for (const GSList *l = toggled; l; l = l->next)
        {
          const char *code = g_object_get_data (l->data, PREP_RENDERER_CODE_TEXT);
          g_autofree char *name = NULL;

          if (code != NULL)
            {
              GtkTextIter end = iter;
              CodeBox box = { gtk_text_iter_get_offset (&iter), 0, NULL };

              gtk_text_iter_forward_to_tag_toggle (&end, l->data);
              box.end = gtk_text_iter_get_offset (&end);
              if (self->code_boxes->len < self->copy_buttons->len)
                box.button = g_ptr_array_index (self->copy_buttons, self->code_boxes->len);
              else
                {
                  box.button = gtk_button_new ();
                  gtk_widget_add_css_class (box.button, "flat");
                  gtk_widget_add_css_class (box.button, "copy-code");
                  gtk_accessible_update_property (GTK_ACCESSIBLE (box.button),
                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy Code"),
                                                  -1);
                  g_signal_connect (box.button, "clicked", G_CALLBACK (copy_clicked_cb), NULL);
                  gtk_text_view_add_overlay (GTK_TEXT_VIEW (self), box.button, 0, 0);
                  g_ptr_array_add (self->copy_buttons, box.button);
                }
              gtk_button_set_icon_name (GTK_BUTTON (box.button), "edit-copy-symbolic");
              gtk_widget_set_tooltip_text (box.button, _("Copy Code"));
              g_object_set_data_full (G_OBJECT (box.button), PREP_RENDERER_CODE_TEXT, g_strdup (code), g_free);
              gtk_widget_set_visible (box.button, TRUE);
              g_array_append_val (self->code_boxes, box);
              continue;
            }

          g_object_get (l->data, "name", &name, NULL);
          if (name != NULL && name[0] == 'h' && name[1] >= '1' && name[1] <= '3' && name[2] == '\0')
            {
              GtkTextIter end = iter;
              Heading heading = { gtk_text_iter_get_offset (&iter), name[1] - '0', NULL };

              gtk_text_iter_forward_to_tag_toggle (&end, gtk_text_tag_table_lookup (table, name));
              heading.title = g_strstrip (gtk_text_iter_get_text (&iter, &end));
              g_array_append_val (self->headings, heading);
            }
        }

      /* On to the next toggle or embedded object, whichever is first. */
      if (gtk_text_iter_is_end (&iter))
        break;
      toggle = iter;
      gtk_text_iter_forward_to_tag_toggle (&toggle, NULL);
      object = iter;
      if (gtk_text_iter_forward_find_char (&object, is_object_char, NULL, &toggle))
        iter = object;
      else
        iter = toggle;
    }
}

/* Overlays and anchored children are placed by the view; their positions
 * depend on the layout, which is known after allocation. */
static void
place_blocks (PrepAnswerView *self,
              int             width)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  for (guint i = 0; i < self->code_boxes->len; i++)
    {
      CodeBox *box = &g_array_index (self->code_boxes, CodeBox, i);
      GtkTextIter iter;
      int y, height, button_width;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, box->start);
      gtk_text_view_get_line_yrange (view, &iter, &y, &height);
      gtk_widget_measure (box->button, GTK_ORIENTATION_HORIZONTAL, -1, &button_width, NULL, NULL, NULL);
      gtk_text_view_move_overlay (view, box->button, MAX (0, width - button_width - 6), y + 4);
    }

  for (guint i = 0; i < self->tables->len; i++)
    {
      PrepTable *table = g_ptr_array_index (self->tables, i);
      GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (table), GTK_TYPE_SCROLLED_WINDOW);
      GtkTextIter iter;
      int available;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_array_index (self->table_offsets, int, i));
      available = available_width (self, &iter, width);
      if (prep_table_get_available_width (table) != available)
        {
          prep_table_set_available_width (table, available);
          gtk_widget_set_size_request (scroller, available, -1);
        }
    }
}

static void
clear_blocks (PrepAnswerView *self)
{
  /* Overlays cannot be taken out of a text view in GTK 4.8: the copy
   * buttons are kept, hidden, for the next code blocks. */
  for (guint i = 0; i < self->copy_buttons->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->copy_buttons, i), FALSE);
  g_array_set_size (self->code_boxes, 0);
  g_array_set_size (self->headings, 0);
  g_ptr_array_set_size (self->tables, 0);
  g_ptr_array_set_size (self->pending_tables, 0);
  g_array_set_size (self->table_offsets, 0);
  self->widest_figure = 0;
}

/* Renders the next section, at least @min_bytes of the Markdown and at
 * most up to @max_end (a section's end). */
static void
render_section (PrepAnswerView *self,
                gsize           min_bytes,
                gsize           max_end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gsize length = strlen (self->markdown);
  gsize end = MIN (prep_renderer_section_end (self->markdown, length, self->rendered_bytes, min_bytes), max_end);
  GtkTextIter iter;
  int from;

  if (end <= self->rendered_bytes)
    return;

  gtk_text_buffer_get_end_iter (buffer, &iter);
  from = gtk_text_iter_get_offset (&iter);
  prep_renderer_render (self->renderer, buffer, &iter, self->markdown + self->rendered_bytes,
                        end - self->rendered_bytes);
  self->rendered_bytes = end;
  collect_blocks (self, from);
}

static gboolean
is_growing (PrepAnswerView *self)
{
  return self->markdown != NULL && !self->rendered;
}

static void
set_rendered (PrepAnswerView *self,
              gboolean        rendered)
{
  gboolean growing = is_growing (self);

  self->rendered = rendered;
  if (growing != is_growing (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GROWING]);
}

static void
finish_render (PrepAnswerView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  place_blocks (self, gtk_widget_get_width (GTK_WIDGET (self)));
  set_rendered (self, self->markdown != NULL);

  g_signal_emit (self, signals [RENDERED], 0);
}

/* About a screen of text: a line of Chinese or English is some 90 bytes in
 * 22 pixels, and the page's header and short answer take a quarter of the
 * window or more. Fewer bytes than that would show an empty end of the
 * page for a frame; more are laid out for nothing before the frame. */
static gsize
first_section_bytes (PrepAnswerView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int height = root != NULL ? gtk_widget_get_height (GTK_WIDGET (root)) : 0;

  if (height <= 0)
    return FIRST_SECTION_BYTES;

  return CLAMP (height * BYTES_PER_PIXEL, LATER_SECTION_BYTES, 4 * FIRST_SECTION_BYTES);
}

/* How far the Markdown may be rendered now: all of it, but for a view
 * without a width yet only the sections before the first figure. Such a
 * view does not know how wide its figures may be, and rendering them at
 * a guess would mean rendering the answer again once it knows. */
static gsize
renderable_end (PrepAnswerView *self)
{
  const char *markdown = self->markdown;
  const char *figure = strstr (markdown, "![");
  gsize length = strlen (markdown);
  gsize end = 0, next;

  if (self->rendered_width > 0 || figure == NULL)
    return length;

  while ((next = prep_renderer_section_end (markdown, length, end, 1)) > end &&
         next <= (gsize) (figure - markdown))
    end = next;

  return end;
}

static gboolean
continue_render_cb (gpointer user_data)
{
  PrepAnswerView *self = user_data;
  gsize length = strlen (self->markdown);
  gsize max_end = renderable_end (self);
  guint n_tables;

  /* The fonts the rest may use are loaded first, a step each, if no
   * answer did yet: loading them as the text is laid out made steps of
   * 20–40 ms after a restored start (issue 15). */
  if (self->font_specimens == NULL || self->font_specimens->len > 0)
    {
      prep_answer_view_load_fonts (self, g_get_monotonic_time () + PREP_RENDERER_FONT_STEP_USEC);
      return G_SOURCE_CONTINUE;
    }

  /* A table the last section added is measured a few cells a step
   * before any more text (see prep_table_measure_later()). */
  if (self->pending_tables->len > 0)
    {
      if (!prep_table_measure_step (g_ptr_array_index (self->pending_tables, 0),
                                    g_get_monotonic_time () + TABLE_STEP_USEC))
        g_ptr_array_remove_index (self->pending_tables, 0);
      return G_SOURCE_CONTINUE;
    }

  if (self->rendered_bytes >= length)
    {
      self->continue_source = 0;
      finish_render (self);
      return G_SOURCE_REMOVE;
    }

  /* Figures wait for the view's width: its allocation goes on. */
  if (self->rendered_bytes >= max_end)
    {
      self->continue_source = 0;
      return G_SOURCE_REMOVE;
    }

  n_tables = self->tables->len;
  render_section (self, LATER_SECTION_BYTES, max_end);
  for (guint i = n_tables; i < self->tables->len; i++)
    {
      PrepTable *table = g_ptr_array_index (self->tables, i);

      prep_table_measure_later (table);
      g_ptr_array_add (self->pending_tables, g_object_ref (table));
    }

  if (self->rendered_bytes < length || self->pending_tables->len > 0)
    {
      place_blocks (self, gtk_widget_get_width (GTK_WIDGET (self)));
      return G_SOURCE_CONTINUE;
    }

  self->continue_source = 0;
  finish_render (self);

  return G_SOURCE_REMOVE;
}

static void
render (PrepAnswerView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  g_clear_handle_id (&self->rerender_source, g_source_remove);
  g_clear_handle_id (&self->continue_source, g_source_remove);
  set_rendered (self, FALSE);
  self->rendered_bytes = 0;

  /* Matches are offsets into the old text. */
  prep_answer_view_clear_find (self);
  clear_blocks (self);

  if (width > IMAGE_MARGIN * 2)
    prep_renderer_set_max_image_width (self->renderer, width - IMAGE_MARGIN);
  self->rendered_width = width;
  self->figure_limit = prep_renderer_get_max_image_width (self->renderer);
  prep_renderer_set_dark (self->renderer, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  prep_renderer_set_scale_factor (self->renderer, gtk_widget_get_scale_factor (GTK_WIDGET (self)));

  gtk_text_buffer_set_text (buffer, "", 0);
  if (self->markdown != NULL)
    {
      render_section (self, first_section_bytes (self), renderable_end (self));
      if (self->rendered_bytes < strlen (self->markdown))
        {
          GtkTextIter iter;

          gtk_text_buffer_get_start_iter (buffer, &iter);
          gtk_text_buffer_place_cursor (buffer, &iter);
          place_blocks (self, width);
          self->continue_source = g_idle_add (continue_render_cb, self);
          return;
        }
    }

  finish_render (self);
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

/* The scrolled window of the page, and where its visible part is in the
 * view's own coordinates. */
static GtkScrolledWindow *
get_page (PrepAnswerView *self,
          double         *top,
          double         *height)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  GtkWidget *content;
  graphene_point_t origin;

  if (scroller == NULL || !(content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))))
    return NULL;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  if (!gtk_widget_compute_point (GTK_WIDGET (self), content, &GRAPHENE_POINT_INIT (0, 0), &origin))
    return NULL;

  /* The scrolled window's child (the page layout, or a viewport) is
   * where the part in sight starts: the view's origin there is how far
   * below the top of the part in sight the view starts. */
  if (top != NULL)
    *top = -origin.y;
  if (height != NULL)
    *height = gtk_adjustment_get_page_size (adjustment);

  return GTK_SCROLLED_WINDOW (scroller);
}

/* Scrolls the page so that [y, y + height) of the view is in sight,
 * with some context around it. */
static void
scroll_to_range (PrepAnswerView *self,
                 double          y,
                 double          height)
{
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  double top, page, value;

  if (!(scroller = get_page (self, &top, &page)))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  value = gtk_adjustment_get_value (adjustment);
  if (y < top + 48)
    gtk_adjustment_set_value (adjustment, value - (top + 48 - y));
  else if (y + height > top + page - 48)
    gtk_adjustment_set_value (adjustment, value + (y + height - (top + page - 48)));
}

static void
scroll_to_iter (PrepAnswerView    *self,
                const GtkTextIter *iter)
{
  GdkRectangle rect;
  int wx, wy;

  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), iter, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &wx, &wy);
  scroll_to_range (self, wy, rect.height);
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

/* Tab and Shift+Tab walk the links, as in a browser: from the cursor if
 * it is in sight, else from the part of the page in sight; past the last
 * one the focus moves on. */
static gboolean
move_to_link (PrepAnswerView *self,
              gboolean        backward)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter, end, cursor;
  GtkTextTag *tag;
  double top, height;
  GdkRectangle rect;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  iter = cursor;

  gtk_text_view_get_iter_location (view, &cursor, &rect);
  if (get_page (self, &top, &height) != NULL)
    {
      int buffer_top;

      /* The page's part in sight, in the buffer's coordinates: the view
       * may be scrolled itself. */
      gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, top, NULL, &buffer_top);
      if (rect.y + rect.height < buffer_top || rect.y > buffer_top + height)
        {
          gtk_text_view_get_iter_at_location (view, &iter, 0, backward ? buffer_top + height : MAX (buffer_top, 0));
          if (backward)
            gtk_text_iter_forward_to_line_end (&iter);
          else
            gtk_text_iter_set_line_offset (&iter, 0);
          cursor = iter;
          /* The link at that place itself counts. */
          if (!backward && link_tag_at (&iter, TRUE) != NULL && gtk_text_iter_backward_char (&iter))
            cursor = iter;
        }
    }

  /* Step off the link the cursor is on, then look for the next start. */
  while ((backward ? gtk_text_iter_backward_to_tag_toggle (&iter, NULL)
                   : gtk_text_iter_forward_to_tag_toggle (&iter, NULL)))
    {
      if ((tag = link_tag_at (&iter, TRUE)) == NULL)
        continue;

      /* Backwards, the toggle found may be the start of the link the
       * cursor was already on. */
      if (backward && gtk_text_iter_equal (&iter, &cursor))
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

  prep_renderer_decode_figures_ahead (self->renderer, FIGURES_PATH);
  self->prepare_source = 0;

  return G_SOURCE_REMOVE;
}

static void
prep_answer_view_map (GtkWidget *widget)
{
  PrepAnswerView *self = PREP_ANSWER_VIEW (widget);
  static gboolean prepared;

  GTK_WIDGET_CLASS (prep_answer_view_parent_class)->map (widget);

  /* Start decoding the figures once the window is up and idle, instead
   * of when the first answer with figures is opened. */
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

/* The boxes behind code blocks: one width for all, the text inset. */
static void
prep_answer_view_snapshot_layer (GtkTextView      *view,
                                 GtkTextViewLayer  layer,
                                 GtkSnapshot      *snapshot)
{
  PrepAnswerView *self = PREP_ANSWER_VIEW (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRGBA tint;
  GdkRectangle visible;
  int width = gtk_widget_get_width (GTK_WIDGET (view));

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT || self->code_boxes->len == 0)
    return;

  gdk_rgba_parse (&tint, prep_renderer_get_dark (self->renderer) ? "rgba(255,255,255,0.07)" : "rgba(0,0,0,0.045)");
  gtk_text_view_get_visible_rect (view, &visible);

  for (guint i = 0; i < self->code_boxes->len; i++)
    {
      CodeBox *box = &g_array_index (self->code_boxes, CodeBox, i);
      GtkTextIter start, end;
      int top, bottom, y, height;
      GskRoundedRect rounded;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, box->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, MAX (box->start, box->end - 1));
      gtk_text_view_get_line_yrange (view, &start, &top, &height);
      gtk_text_view_get_line_yrange (view, &end, &y, &height);
      bottom = y + height - PREP_RENDERER_CODE_GAP;

      if (bottom < visible.y || top > visible.y + visible.height || bottom <= top)
        continue;

      gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (0, top, width, bottom - top), CODE_RADIUS);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &tint, &rounded.bounds);
      gtk_snapshot_pop (snapshot);
    }
}

/* GtkTextView adds the height of its tallest child (a table, a copy
 * button) to the height of its text, although the text's lines already
 * make room for them: the page would end in a gap as tall as the tallest
 * table. The height is the text's, margins included. */
static void
prep_answer_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  GtkTextIter end;
  int y, height;

  /* Also for its side effect: a child whose size changed lays its line
   * out again. */
  GTK_WIDGET_CLASS (prep_answer_view_parent_class)->measure (widget, orientation, for_size, minimum, natural,
                                                             minimum_baseline, natural_baseline);
  /* Its minimum width is its margins, not its widest table's as
   * GtkTextView would have it. A table is given the view's width
   * (place_blocks()) and scrolls sideways within it: taking its width as
   * the view's minimum made the page's column grow to it, which gave the
   * table more, and so on, frame after frame. An answer with a table was
   * wrapped again two frames after it was first shown, 627, then 650,
   * then 652 px wide at 1000 x 700, its tables laid out at each width
   * (issue 15). */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = gtk_text_view_get_left_margin (view) + gtk_text_view_get_right_margin (view);
      *natural = MAX (*natural, *minimum);
      return;
    }

  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &end);
  gtk_text_view_get_line_yrange (view, &end, &y, &height);
  *minimum = *natural = y + height + gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);
}

/* The figures are as wide as the view allows or their own width, if
 * less. At a new width, the answer is rendered again only if one of
 * those already rendered would change: not for a view that had no width
 * yet (the question restored at start-up, the page's first answer) and
 * whose figures are narrower than both widths. Later sections take the
 * new width. */
static void
update_figure_width (PrepAnswerView *self,
                     int             width)
{
  int limit = width > IMAGE_MARGIN * 2 ? width - IMAGE_MARGIN : self->figure_limit;

  if (self->widest_figure > limit ||
      (self->widest_figure >= self->figure_limit && limit != self->figure_limit))
    {
      queue_rerender (self);
      return;
    }

  prep_renderer_set_max_image_width (self->renderer, limit);
  self->figure_limit = limit;
  self->rendered_width = width;

  /* The sections from the first figure on waited for this width. */
  if (self->continue_source == 0 && !self->rendered && self->rendered_bytes < strlen (self->markdown))
    self->continue_source = g_idle_add (continue_render_cb, self);
}

static void
prep_answer_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  PrepAnswerView *self = PREP_ANSWER_VIEW (widget);

  /* Before the view allocates its children, with the layout as it was
   * last validated: a later change of the layout allocates again. */
  place_blocks (self, width);

  GTK_WIDGET_CLASS (prep_answer_view_parent_class)->size_allocate (widget, width, height, baseline);

  /* Figures are scaled to the width, so a real change of width renders
   * again; small changes do not, to avoid flicker while resizing. */
  if (self->markdown != NULL && strstr (self->markdown, "![") != NULL &&
      ABS (width - self->rendered_width) > 32)
    update_figure_width (self, width);
}

static void
scale_factor_cb (PrepAnswerView *self)
{
  if (gtk_widget_get_scale_factor (GTK_WIDGET (self)) != prep_renderer_get_scale_factor (self->renderer))
    queue_rerender (self);
}

static void
prep_answer_view_dispose (GObject *object)
{
  PrepAnswerView *self = (PrepAnswerView *)object;

  g_clear_handle_id (&self->rerender_source, g_source_remove);
  g_clear_handle_id (&self->continue_source, g_source_remove);
  g_clear_handle_id (&self->prepare_source, g_source_remove);
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed_cb, self);
  g_clear_pointer (&self->label_matches, g_hash_table_unref);
  g_clear_pointer (&self->font_specimens, g_ptr_array_unref);
  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (prep_answer_view_parent_class)->dispose (object);
}

static void
prep_answer_view_finalize (GObject *object)
{
  PrepAnswerView *self = (PrepAnswerView *)object;

  g_clear_pointer (&self->markdown, g_free);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->code_boxes, g_array_unref);
  g_clear_pointer (&self->copy_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->pending_tables, g_ptr_array_unref);
  g_clear_pointer (&self->table_offsets, g_array_unref);

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

    case PROP_N_MATCHES:
      g_value_set_uint (value, self->matches->len);
      break;

    case PROP_GROWING:
      g_value_set_boolean (value, is_growing (self));
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_answer_view_class_init (PrepAnswerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = prep_answer_view_dispose;
  object_class->finalize = prep_answer_view_finalize;
  object_class->get_property = prep_answer_view_get_property;
  object_class->set_property = prep_answer_view_set_property;

  widget_class->map = prep_answer_view_map;
  widget_class->query_tooltip = prep_answer_view_query_tooltip;
  widget_class->measure = prep_answer_view_measure;
  widget_class->size_allocate = prep_answer_view_size_allocate;

  text_view_class->snapshot_layer = prep_answer_view_snapshot_layer;

  properties [PROP_MARKDOWN] =
    g_param_spec_string ("markdown", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether the text is still being added, a section at a time, until
   * the whole Markdown is there. */
  properties [PROP_GROWING] =
    g_param_spec_boolean ("growing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PrepAnswerView::rendered:
   *
   * The text was rendered (again): positions, headings and tables are
   * new.
   */
  signals [RENDERED] =
    g_signal_new ("rendered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

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

  /* Figures are decoded in a worker thread, and drawn when they arrive. */
  self->renderer = prep_renderer_new ();
  prep_renderer_set_async_figures (self->renderer, TRUE);
  g_signal_connect_object (self->renderer, "figure-ready", G_CALLBACK (gtk_widget_queue_draw),
                           self, G_CONNECT_SWAPPED);
  self->matches = g_array_new (FALSE, FALSE, sizeof (Match));
  self->label_matches = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  self->code_boxes = g_array_new (FALSE, FALSE, sizeof (CodeBox));
  self->copy_buttons = g_ptr_array_new ();
  self->headings = g_array_new (FALSE, FALSE, sizeof (Heading));
  g_array_set_clear_func (self->headings, clear_heading);
  self->tables = g_ptr_array_new ();
  self->pending_tables = g_ptr_array_new_with_free_func (g_object_unref);
  self->table_offsets = g_array_new (FALSE, FALSE, sizeof (int));
  self->current_match = G_MAXUINT;

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, FALSE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self), "answer-view");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

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
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_cb), NULL);
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
  gboolean growing;

  g_return_if_fail (PREP_IS_ANSWER_VIEW (self));

  if (g_strcmp0 (self->markdown, markdown) == 0)
    return;

  growing = is_growing (self);
  g_object_freeze_notify (G_OBJECT (self));

  g_free (self->markdown);
  self->markdown = g_strdup (markdown);

  /* At once, also before the view is on screen (the question restored
   * at start-up, the page's first answer), so that their first frame
   * shows the answer's beginning (issue 15): figures are decoded in a
   * thread and the bundled code's highlighting is read from a table,
   * and the rest of the text comes in later steps. */
  render (self);

  if (growing != is_growing (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GROWING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MARKDOWN]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * prep_answer_view_set_locale:
 * @locale: (nullable): the content locale of the Markdown set next
 *
 * Figures are drawn with their labels in @locale where they can be.
 */
void
prep_answer_view_set_locale (PrepAnswerView *self,
                             const char     *locale)
{
  g_return_if_fail (PREP_IS_ANSWER_VIEW (self));

  prep_renderer_set_locale (self->renderer, locale);
}

/**
 * prep_answer_view_get_rendered:
 *
 * Returns: whether the text on show is the current Markdown's; it is not
 *   yet just after start-up, nor while a new rendering is queued
 */
gboolean
prep_answer_view_get_rendered (PrepAnswerView *self)
{
  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), FALSE);

  return self->rendered && self->rerender_source == 0 && self->continue_source == 0;
}

/**
 * prep_answer_view_rerender:
 *
 * Renders again soon, e.g. after the font size changed.
 */
void
prep_answer_view_rerender (PrepAnswerView *self)
{
  g_return_if_fail (PREP_IS_ANSWER_VIEW (self));

  queue_rerender (self);
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

      gdk_rgba_parse (&color, current ? PREP_FIND_CURRENT_COLOR : PREP_FIND_MATCH_COLOR);
      tag = gtk_text_tag_new (name);
      g_object_set (tag, "background-rgba", &color, NULL);
      gtk_text_tag_table_add (table, tag);
      g_object_unref (tag);
    }

  return tag;
}

static void
append_label_matches (PrepAnswerView     *self,
                      GtkLabel           *label,
                      const char * const *terms)
{
  GArray *found = prep_text_find_terms (gtk_label_get_text (label), -1, terms);

  for (guint i = 0; i < found->len; i++)
    {
      PrepTextMatch *m = &g_array_index (found, PrepTextMatch, i);
      Match match = { label, m->start, m->end, i };

      g_array_append_val (self->matches, match);
    }

  if (found->len > 0)
    {
      prep_label_text_update (label, found, G_MAXUINT);
      g_hash_table_insert (self->label_matches, label, found);
    }
  else
    g_array_unref (found);
}

/**
 * prep_answer_view_find:
 * @terms: (array zero-terminated=1): what to find, each term on its own,
 *   matched without regard to case or full-width/half-width forms
 *
 * Highlights every match, in the text and in the tables' cells; none is
 * current yet.
 *
 * Returns: the number of matches
 */
guint
prep_answer_view_find (PrepAnswerView     *self,
                       const char * const *terms)
{
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  g_autoptr(GArray) found = NULL;
  GtkTextTag *all;
  GtkTextIter start, end;
  guint table = 0;

  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), 0);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  prep_answer_view_clear_find (self);

  if (terms == NULL || terms[0] == NULL)
    return 0;

  /* The slice keeps one character per anchor or image, so that match
   * offsets are buffer offsets. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
  found = prep_text_find_terms (text, -1, terms);
  all = ensure_find_tag (self, "find-match");

  for (guint i = 0; i <= found->len; i++)
    {
      PrepTextMatch *m = i < found->len ? &g_array_index (found, PrepTextMatch, i) : NULL;
      guint limit = m ? m->start : G_MAXUINT;

      /* The tables before this match come first, in document order. */
      for (; table < self->tables->len && g_array_index (self->table_offsets, int, table) < (gint64) limit; table++)
        {
          GPtrArray *cells = prep_table_get_cells (g_ptr_array_index (self->tables, table));

          for (guint c = 0; c < cells->len; c++)
            append_label_matches (self, g_ptr_array_index (cells, c), terms);
        }

      if (m == NULL)
        break;

      {
        Match match = { NULL, m->start, m->end, 0 };

        gtk_text_buffer_get_iter_at_offset (buffer, &start, m->start);
        gtk_text_buffer_get_iter_at_offset (buffer, &end, m->end);
        gtk_text_buffer_apply_tag (buffer, all, &start, &end);
        g_array_append_val (self->matches, match);
      }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_MATCHES]);

  return self->matches->len;
}

static void
update_label (PrepAnswerView *self,
              GtkLabel       *label)
{
  GArray *found = g_hash_table_lookup (self->label_matches, label);
  guint current = G_MAXUINT;

  if (self->current_match < self->matches->len)
    {
      Match *match = &g_array_index (self->matches, Match, self->current_match);
      if (match->label == label)
        current = match->in_label;
    }

  prep_label_text_update (label, found, current);
}

/**
 * prep_answer_view_select_match:
 * @index: the match to make current, or G_MAXUINT for none
 *
 * Marks a match as the current one and scrolls the page to it.
 */
void
prep_answer_view_select_match (PrepAnswerView *self,
                               guint           index)
{
  GtkTextBuffer *buffer;
  GtkTextTag *current;
  GtkLabel *previous = NULL;
  GtkTextIter start, end;
  graphene_rect_t rect;
  Match *match;

  g_return_if_fail (PREP_IS_ANSWER_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  current = ensure_find_tag (self, "find-current");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, current, &start, &end);

  if (self->current_match < self->matches->len)
    previous = g_array_index (self->matches, Match, self->current_match).label;
  self->current_match = index < self->matches->len ? index : G_MAXUINT;
  if (previous != NULL)
    update_label (self, previous);

  if (self->current_match == G_MAXUINT)
    return;

  match = &g_array_index (self->matches, Match, index);
  if (match->label != NULL)
    update_label (self, match->label);
  else
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &start, match->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, match->end);
      gtk_text_buffer_apply_tag (buffer, current, &start, &end);
      gtk_text_buffer_place_cursor (buffer, &start);
    }

  if (prep_answer_view_get_match_rect (self, index, &rect))
    scroll_to_range (self, rect.origin.y, rect.size.height);
}

/**
 * prep_answer_view_get_match_rect:
 * @rect: (out): where the match is, in the view's coordinates
 *
 * Also scrolls a table sideways to bring a match in a cell into sight.
 */
gboolean
prep_answer_view_get_match_rect (PrepAnswerView  *self,
                                 guint            index,
                                 graphene_rect_t *rect)
{
  Match *match;

  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), FALSE);

  if (index >= self->matches->len)
    return FALSE;

  match = &g_array_index (self->matches, Match, index);
  if (match->label != NULL)
    {
      PrepTextMatch m = { match->start, match->end };
      GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (match->label), GTK_TYPE_SCROLLED_WINDOW);
      graphene_rect_t in_label;

      if (!prep_label_text_get_rect (match->label, &m, &in_label))
        return FALSE;

      /* A wide table scrolls sideways to the cell. */
      if (scroller != NULL && gtk_widget_is_ancestor (scroller, GTK_WIDGET (self)))
        {
          GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
          graphene_point_t in_table;

          if (gtk_widget_compute_point (GTK_WIDGET (match->label),
                                        gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                        &in_label.origin, &in_table))
            {
              double value = gtk_adjustment_get_value (h), page = gtk_adjustment_get_page_size (h);
              double x = in_table.x + value;

              if (x < value || x + in_label.size.width > value + page)
                gtk_adjustment_set_value (h, x - page / 3);
            }
        }

      return gtk_widget_compute_bounds (GTK_WIDGET (match->label), GTK_WIDGET (self), rect) &&
             (graphene_rect_init (rect, rect->origin.x + in_label.origin.x, rect->origin.y + in_label.origin.y,
                                  in_label.size.width, in_label.size.height), TRUE);
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
      GtkTextIter iter;
      GdkRectangle location;
      int wx, wy;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, match->start);
      gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, &location);
      gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                             location.x, location.y, &wx, &wy);
      graphene_rect_init (rect, wx, wy, MAX (location.width, 1), location.height);
      return TRUE;
    }
}

void
prep_answer_view_clear_find (PrepAnswerView *self)
{
  GtkTextBuffer *buffer;
  GtkTextTagTable *table;
  GtkTextIter start, end;
  GHashTableIter iter;
  gpointer label;

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

  g_hash_table_iter_init (&iter, self->label_matches);
  while (g_hash_table_iter_next (&iter, &label, NULL))
    prep_label_text_update (label, NULL, G_MAXUINT);
  g_hash_table_remove_all (self->label_matches);

  self->current_match = G_MAXUINT;
  if (self->matches->len > 0)
    {
      g_array_set_size (self->matches, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_MATCHES]);
    }
}

guint
prep_answer_view_get_n_matches (PrepAnswerView *self)
{
  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), 0);

  return self->matches->len;
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

guint
prep_answer_view_get_n_headings (PrepAnswerView *self)
{
  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), 0);

  return self->headings->len;
}

/**
 * prep_answer_view_get_heading:
 * @level: (out) (optional): 1 to 3
 * @offset: (out) (optional): where it is in the text
 *
 * Returns: the heading's text
 */
const char *
prep_answer_view_get_heading (PrepAnswerView *self,
                              guint           index,
                              guint          *level,
                              int            *offset)
{
  Heading *heading;

  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), NULL);
  g_return_val_if_fail (index < self->headings->len, NULL);

  heading = &g_array_index (self->headings, Heading, index);
  if (level != NULL)
    *level = heading->level;
  if (offset != NULL)
    *offset = heading->offset;

  return heading->title;
}

/**
 * prep_answer_view_get_offset_at_y:
 * @y: a position in the view's coordinates
 * @line_y: (out) (optional): the top of that line, in the same
 *
 * Returns: the offset of the first character of the line at @y
 */
int
prep_answer_view_get_offset_at_y (PrepAnswerView *self,
                                  double          y,
                                  double         *line_y)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  int bx, by, top;

  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), 0);

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, y, &bx, &by);
  gtk_text_view_get_line_at_y (view, &iter, MAX (by, 0), &top);
  if (line_y != NULL)
    {
      int wx, wy;

      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, top, &wx, &wy);
      *line_y = wy;
    }

  return gtk_text_iter_get_offset (&iter);
}

/**
 * prep_answer_view_get_y_at_offset:
 * @y: (out) (optional): the top of the line with the character at
 *   @offset, in the view's coordinates
 *
 * Returns: %FALSE if there is no such character
 */
gboolean
prep_answer_view_get_y_at_offset (PrepAnswerView *self,
                                  int             offset,
                                  double         *y)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  int top, height, wx, wy;

  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (view);
  if (offset < 0 || offset > gtk_text_buffer_get_char_count (buffer))
    return FALSE;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_view_get_line_yrange (view, &iter, &top, &height);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, top, &wx, &wy);
  if (y != NULL)
    *y = wy;

  return TRUE;
}

/**
 * prep_answer_view_get_tables:
 *
 * Returns: (transfer none) (element-type PrepTable): the tables, in the
 *   order of the text
 */
GPtrArray *
prep_answer_view_get_tables (PrepAnswerView *self)
{
  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), NULL);

  return self->tables;
}

/**
 * prep_answer_view_load_fonts:
 * @deadline: a monotonic time (g_get_monotonic_time()) to stop at
 *
 * Loads the fonts answers are drawn in (see
 * prep_renderer_dup_font_specimens()) into the view's font map, as the
 * first answer that uses each would otherwise do in the middle of its
 * layout: until @deadline, at least one. Done once; for idle moments.
 *
 * Returns: %TRUE while fonts remain to be loaded
 */
gboolean
prep_answer_view_load_fonts (PrepAnswerView *self,
                             gint64          deadline)
{
  g_return_val_if_fail (PREP_IS_ANSWER_VIEW (self), FALSE);

  if (self->font_specimens == NULL)
    self->font_specimens = prep_renderer_dup_font_specimens (self->renderer,
                                                             gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)),
                                                             gtk_widget_get_pango_context (GTK_WIDGET (self)));

  return prep_renderer_lay_out_specimens (self->font_specimens, deadline);
}
