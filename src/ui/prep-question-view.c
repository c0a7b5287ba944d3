/* prep-question-view.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-question-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include <math.h>

#include "prep-answer-view.h"
#include "prep-category.h"
#include "prep-label-text.h"
#include "prep-page-layout.h"
#include "prep-question.h"
#include "prep-question-view.h"
#include "prep-renderer.h"
#include "prep-search.h"
#include "prep-user-data.h"

/* Shows one question: its metadata, then either its answer or an honest
 * note that the answer has not been written yet. The page reads like a
 * book: it scrolls from the keyboard wherever the focus is on it, find
 * covers all of it, it zooms as a whole, and it can be left and returned
 * to at the same place. */

typedef enum
{
  SOURCE_SHORT_ANSWER,
  SOURCE_ANSWER,
  SOURCE_FOLLOW_UP,
} Source;

typedef struct
{
  Source    source;
  guint     follow_up;   /* with SOURCE_FOLLOW_UP */
  guint     index;       /* among the source's own matches */
} PageMatch;

struct _PrepQuestionView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  AdwStatusPage     *error_page;

  /* The question page, NULL until ensure_page() builds it */
  GtkWidget         *page_box;
  GtkWidget         *pending_box;
  GtkLabel          *pending_title;
  GtkLabel          *pending_text;
  GtkWidget         *pending_edit_button;
  GtkScrolledWindow *scroller;
  PrepPageLayout    *page;
  GtkLabel          *category_label;
  GtkLabel          *title_label;
  GtkLabel          *difficulty_label;
  GtkLabel          *tags_label;
  GtkButton         *language_button;
  GtkLabel          *short_answer_label;
  GtkWidget         *short_answer_card;
  PrepAnswerView    *answer_view;
  GtkWidget         *follow_ups_box;
  GtkListBox        *follow_ups_list;
  GtkSearchBar      *find_bar;
  GtkEditable       *find_entry;
  GtkLabel          *find_count;
  GtkRevealer       *notes_revealer;
  GtkTextView       *notes_view;
  GtkLabel          *notes_caption;

  /* Owned references */
  PrepQuestion      *question;
  PrepUserData      *user_data;
  GSettings         *settings;
  GtkCssProvider    *zoom_css;
  char              *search_text;       /* the search that opened the page */
  char              *find_text;         /* what was found last */
  GPtrArray         *follow_up_rows;    /* AdwExpanderRow, or NULL until made */
  guint              n_follow_up_rows;  /* made so far, in order */
  guint              follow_ups_source;
  GPtrArray         *follow_up_answers; /* GtkLabel, or NULL until its row is first expanded */
  GPtrArray         *follow_up_texts;   /* const char *: each answer's text (the question's) */
  GPtrArray         *font_specimens;    /* PangoLayout not laid out yet, or NULL until collected */

  /* Find */
  GArray            *matches;           /* PageMatch */
  GArray            *short_matches;     /* PrepTextMatch */
  GPtrArray         *follow_up_matches; /* GArray of PrepTextMatch, per follow-up */
  guint              current;           /* into matches, or G_MAXUINT */

  /* A position to scroll to once the page is laid out */
  PrepReadingPosition pending;
  GtkLabel          *reveal_label;      /* or NULL: a match in the answer */
  PrepTextMatch      reveal_match;
  guint              reveal_answer_match;
  double             reveal_y;
  guint              reveal_stable;
  guint              revealing : 1;
  double             last_value;
  double             last_upper;
  guint              tick_id;
  guint              read_source;       /* checks whether the end is in sight */
  guint              pending_frames;
  guint              stable_frames;
  guint              has_pending : 1;
  guint              follow_ups_pending : 1;
  gulong             locale_handler;

  double             zoom;
};

G_DEFINE_FINAL_TYPE (PrepQuestionView, prep_question_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUESTION,
  PROP_ZOOM,
  PROP_NOTES_VISIBLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *difficulty_classes[] = {
  [PREP_DIFFICULTY_BASIC] = "basic",
  [PREP_DIFFICULTY_INTERMEDIATE] = "intermediate",
  [PREP_DIFFICULTY_ADVANCED] = "advanced",
};

static char *
format_tags (PrepQuestion *question)
{
  const char * const *tags = prep_question_get_tags (question);
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; tags[i] != NULL; i++)
    g_string_append_printf (str, "%s#%s", i ? "  " : "", tags[i]);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
append_list (GString    *markdown,
             const char *heading,
             GPtrArray  *texts,
             const char *locale)
{
  if (texts->len == 0)
    return;

  g_string_append_printf (markdown, "\n\n## %s\n\n", heading);
  for (guint i = 0; i < texts->len; i++)
    g_string_append_printf (markdown, "- %s\n", prep_text_get (g_ptr_array_index (texts, i), locale));
}

enum {
  SECTION_KEY_POINTS,
  SECTION_PITFALLS,
  SECTION_REFERENCES,
};

/* The headings of the sections the page adds to the answer: they are part
 * of the answer's text, so they are in its language, not the UI's (an
 * English answer under a Chinese UI has English headings). */
static const char *
section_title (const char *locale,
               guint       section)
{
  static const char *titles[][2] = {
    [SECTION_KEY_POINTS] = { "重點", "Key Points" },
    [SECTION_PITFALLS] = { "常見誤區", "Common Pitfalls" },
    [SECTION_REFERENCES] = { "參考資料", "References" },
  };

  return titles[section][g_strcmp0 (locale, "en") == 0 ? 1 : 0];
}

/* One document for the text view: the detailed answer, then key points,
 * pitfalls and references as sections of it, so that find and selection
 * work across all of them. */
static char *
compose_markdown (PrepQuestion *question)
{
  const char *locale = prep_question_get_locale (question);
  GPtrArray *references = prep_question_get_references (question);
  GString *markdown = g_string_new (prep_question_get_detailed_answer (question));

  append_list (markdown, section_title (locale, SECTION_KEY_POINTS), prep_question_get_key_points (question), locale);
  append_list (markdown, section_title (locale, SECTION_PITFALLS), prep_question_get_pitfalls (question), locale);

  if (references->len > 0)
    g_string_append_printf (markdown, "\n\n## %s\n\n", section_title (locale, SECTION_REFERENCES));

  for (guint i = 0; i < references->len; i++)
    {
      PrepReference *reference = g_ptr_array_index (references, i);
      g_autofree char *link = prep_reference_dup_link (reference);

      g_string_append_printf (markdown, "- [%s](%s)", reference->title, link);
      if (reference->authors != NULL)
        g_string_append_printf (markdown, " — %s", reference->authors);
      if (reference->venue != NULL)
        g_string_append_printf (markdown, ", %s", reference->venue);
      if (reference->year != 0)
        g_string_append_printf (markdown, ", %u", reference->year);
      if (reference->arxiv != NULL)
        g_string_append_printf (markdown, " (arXiv:%s)", reference->arxiv);
      g_string_append_c (markdown, '\n');
    }

  return g_string_free (markdown, FALSE);
}

/* A wrapped label without width-chars measures its least width by laying
 * out its text at width 0, one character per line, and Pango shapes the
 * rest of a run again for every line: for a paragraph of Chinese, most
 * of the time a question took to open (issue 15). At 20 characters it
 * lays out a few lines instead, and the label still fits a 360 px window.
 * The template's wrapped labels set the same. */
#define WRAP_MIN_CHARS 20

static GtkWidget *
content_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_width_chars (GTK_LABEL (label), WRAP_MIN_CHARS);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  prep_label_text_update (GTK_LABEL (label), NULL, G_MAXUINT);

  return label;
}

static void follow_up_expanded_cb (AdwExpanderRow   *row,
                                   GParamSpec       *pspec,
                                   PrepQuestionView *self);

/* The row of follow-up @i, and those above it, made now if they are
 * not yet. */
static AdwExpanderRow *
ensure_follow_up_row (PrepQuestionView *self,
                      guint             i)
{
  GPtrArray *follow_ups = self->question ? prep_question_get_follow_ups (self->question) : NULL;

  if (i >= self->follow_up_rows->len || follow_ups == NULL || i >= follow_ups->len)
    return NULL;

  while (self->n_follow_up_rows <= i)
    {
      PrepFollowUp *follow_up = g_ptr_array_index (follow_ups, self->n_follow_up_rows);
      const char *locale = prep_question_get_locale (self->question);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *title = content_label (prep_text_get (follow_up->question, locale), "follow-up-question");

      gtk_widget_set_hexpand (title, TRUE);
      gtk_widget_set_margin_top (title, 10);
      gtk_widget_set_margin_bottom (title, 10);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, prep_text_get (follow_up->question, locale),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Show the answer"),
                                      -1);
      g_signal_connect_object (row, "notify::expanded", G_CALLBACK (follow_up_expanded_cb), self, 0);
      gtk_list_box_append (self->follow_ups_list, row);
      g_ptr_array_index (self->follow_up_rows, self->n_follow_up_rows++) = row;
    }

  return g_ptr_array_index (self->follow_up_rows, i);
}

/* The answer of follow-up @i, made the first time it is needed (its row
 * expanded, or find showing a match in it): hidden labels still cost
 * their text shaping when the page is laid out, a quarter of the time a
 * question took to open (issue 15). */
static GtkLabel *
ensure_follow_up_answer (PrepQuestionView *self,
                         guint             i)
{
  GtkWidget *answer;

  if (i >= self->follow_up_answers->len)
    return NULL;
  if ((answer = g_ptr_array_index (self->follow_up_answers, i)) != NULL)
    return GTK_LABEL (answer);

  answer = content_label (g_ptr_array_index (self->follow_up_texts, i), "follow-up-answer");
  gtk_label_set_selectable (GTK_LABEL (answer), TRUE);
  gtk_widget_add_css_class (answer, "body-text");
  adw_expander_row_add_row (ensure_follow_up_row (self, i), answer);
  g_ptr_array_index (self->follow_up_answers, i) = answer;

  /* Matches of a find already running show in it at once. */
  if (i < self->follow_up_matches->len)
    prep_label_text_update (GTK_LABEL (answer), g_ptr_array_index (self->follow_up_matches, i), G_MAXUINT);

  return GTK_LABEL (answer);
}

static void
follow_up_expanded_cb (AdwExpanderRow   *row,
                       GParamSpec       *pspec,
                       PrepQuestionView *self)
{
  guint i;

  if (adw_expander_row_get_expanded (row) && g_ptr_array_find (self->follow_up_rows, row, &i))
    ensure_follow_up_answer (self, i);
}

/* One row a step after the answer is rendered, out of sight at the end
 * of the page: made together, their layout was the longest step after a
 * question opened (issue 15). */
static gboolean
add_follow_up_cb (gpointer data)
{
  PrepQuestionView *self = data;

  ensure_follow_up_row (self, self->n_follow_up_rows);
  if (self->n_follow_up_rows < self->follow_up_rows->len)
    return G_SOURCE_CONTINUE;

  self->follow_ups_source = 0;
  return G_SOURCE_REMOVE;
}

/* Follow-ups as expander rows: the answer stays hidden until asked for.
 * The question is the row's own label, so that it wraps and is tagged
 * with its language like the rest of the content. Find and the keyboard
 * make the rows they need at once. */
static void
fill_follow_ups (PrepQuestionView *self,
                 PrepQuestion     *question)
{
  GtkWidget *child;
  GPtrArray *follow_ups;

  g_clear_handle_id (&self->follow_ups_source, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->follow_ups_list))))
    gtk_list_box_remove (self->follow_ups_list, child);
  g_ptr_array_set_size (self->follow_up_rows, 0);
  g_ptr_array_set_size (self->follow_up_answers, 0);
  g_ptr_array_set_size (self->follow_up_texts, 0);
  self->n_follow_up_rows = 0;

  follow_ups = question ? prep_question_get_follow_ups (question) : NULL;
  gtk_widget_set_visible (self->follow_ups_box, follow_ups != NULL && follow_ups->len > 0);
  if (follow_ups == NULL || follow_ups->len == 0)
    return;

  g_return_if_fail (question == self->question);

  for (guint i = 0; i < follow_ups->len; i++)
    {
      PrepFollowUp *follow_up = g_ptr_array_index (follow_ups, i);

      g_ptr_array_add (self->follow_up_rows, NULL);
      g_ptr_array_add (self->follow_up_answers, NULL);
      g_ptr_array_add (self->follow_up_texts,
                       (gpointer) prep_text_get (follow_up->answer, prep_question_get_locale (question)));
    }

  self->follow_ups_source = g_idle_add (add_follow_up_cb, self);
}

/* Scrolling */

static GtkAdjustment *
vadjustment (PrepQuestionView *self)
{
  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

static void
scroll_to (PrepQuestionView *self,
           double            value)
{
  GtkAdjustment *adjustment = vadjustment (self);

  gtk_adjustment_set_value (adjustment, CLAMP (value, gtk_adjustment_get_lower (adjustment),
                                               gtk_adjustment_get_upper (adjustment) -
                                               gtk_adjustment_get_page_size (adjustment)));
}

/* Where @widget's point is on the page, independent of scrolling. */
static gboolean
page_y (PrepQuestionView *self,
        GtkWidget        *widget,
        double            y,
        double           *result)
{
  return prep_page_layout_page_point (self->page, widget, y, result);
}

/* Brings [y, y + height) of the page into sight with some context. */
static void
scroll_into_view (PrepQuestionView *self,
                  double            y,
                  double            height)
{
  GtkAdjustment *adjustment = vadjustment (self);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (y < value + 48)
    scroll_to (self, y - 48);
  else if (y + height > value + page - 48)
    scroll_to (self, y + height - page + 48);
}

/* Where the current match of find is on the page, if it is laid out. */
static gboolean
reveal_rect (PrepQuestionView *self,
             double           *y,
             double           *height)
{
  graphene_rect_t rect;

  if (self->reveal_label != NULL)
    {
      if (!gtk_widget_get_mapped (GTK_WIDGET (self->reveal_label)) ||
          gtk_widget_get_height (GTK_WIDGET (self->reveal_label)) <= 0 ||
          !prep_label_text_get_rect (self->reveal_label, &self->reveal_match, &rect) ||
          !page_y (self, GTK_WIDGET (self->reveal_label), rect.origin.y, y))
        return FALSE;

    }
  else
    {
      if (!prep_answer_view_get_rendered (self->answer_view) ||
          !prep_answer_view_get_match_rect (self->answer_view, self->reveal_answer_match, &rect) ||
          !page_y (self, GTK_WIDGET (self->answer_view), rect.origin.y, y))
        return FALSE;
    }

  *height = rect.size.height;
  return TRUE;
}

/* Brings the current match into sight; the page may still be laid out
 * after it was found (highlighting lays out its lines again), so this is
 * done each frame until the match holds still. */
static void
reveal_step (PrepQuestionView *self)
{
  double y, height;

  if (!self->revealing || !reveal_rect (self, &y, &height))
    return;

  scroll_into_view (self, y, height);
  if (fabs (y - self->reveal_y) < 1)
    self->reveal_stable++;
  else
    self->reveal_stable = 0;
  self->reveal_y = y;
  if (self->reveal_stable >= 2)
    self->revealing = FALSE;
}

/* A pending position given as a fraction of the page's scroll range (in
 * delta): the same place in the other language's text, roughly. */
#define FRACTION_OFFSET (-2)

static gboolean
answer_shown (PrepQuestionView *self)
{
  return self->question != NULL && prep_question_get_has_answer (self->question) &&
         gtk_widget_get_mapped (GTK_WIDGET (self->answer_view));
}

/* The scroll value for a reading position, or -1 while it cannot be known
 * yet (the answer is still to be rendered). */
static double
position_value (PrepQuestionView          *self,
                const PrepReadingPosition *position)
{
  double top, line_y;

  if (position->offset == FRACTION_OFFSET)
    {
      GtkAdjustment *adjustment = vadjustment (self);

      if (answer_shown (self) && !prep_answer_view_get_rendered (self->answer_view))
        return -1;
      return position->delta * (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
    }

  if (position->offset < 0)
    return position->delta;

  if (!answer_shown (self) || !prep_answer_view_get_rendered (self->answer_view) ||
      !page_y (self, GTK_WIDGET (self->answer_view), 0, &top) ||
      !prep_answer_view_get_y_at_offset (self->answer_view, position->offset, &line_y))
    return -1;

  return top + line_y + position->delta;
}

static void
stop_pending (PrepQuestionView *self)
{
  self->has_pending = FALSE;
  self->revealing = FALSE;
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->scroller), self->tick_id);
      self->tick_id = 0;
    }
}

/* The text view lays out its lines over a few frames after rendering, so
 * a position is applied each frame until it holds still; scrolling by the
 * user in between wins. */
static gboolean
pending_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  PrepQuestionView *self = user_data;
  GtkAdjustment *adjustment = vadjustment (self);
  double value = gtk_adjustment_get_value (adjustment);

  /* The value moved while the page kept its size: the user scrolled. */
  if (self->pending_frames > 0 && fabs (value - self->last_value) > 1 &&
      fabs (gtk_adjustment_get_upper (adjustment) - self->last_upper) < 1)
    {
      self->tick_id = 0;
      stop_pending (self);
      return G_SOURCE_REMOVE;
    }

  self->pending_frames++;

  if (self->has_pending)
    {
      double target = position_value (self, &self->pending);

      if (target >= 0)
        {
          double max = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

          scroll_to (self, target);
          if (fabs (gtk_adjustment_get_value (adjustment) - value) < 1 && target <= max + 1)
            self->stable_frames++;
          else
            self->stable_frames = 0;
          if (self->stable_frames >= 3)
            self->has_pending = FALSE;
        }
    }

  reveal_step (self);
  self->last_value = gtk_adjustment_get_value (adjustment);
  self->last_upper = gtk_adjustment_get_upper (adjustment);

  if ((!self->has_pending && !self->revealing) || self->pending_frames > 120)
    {
      self->tick_id = 0;
      stop_pending (self);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
start_pending (PrepQuestionView *self)
{
  self->pending_frames = 0;
  self->stable_frames = 0;
  self->last_value = gtk_adjustment_get_value (vadjustment (self));
  self->last_upper = gtk_adjustment_get_upper (vadjustment (self));
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->scroller), pending_tick_cb, self, NULL);
}

/* An answer is read once the end of its page has been in sight after it
 * was rendered: scrolled to, or there at once on a short page. Checked a
 * second after the page moved or changed size, not while it is laid out,
 * so that walking through the list with the arrow keys reads nothing. */
#define READ_CHECK_DELAY_MS 1000

static gboolean
check_read_cb (gpointer data)
{
  PrepQuestionView *self = data;
  GtkAdjustment *adjustment = vadjustment (self);
  double end = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);

  self->read_source = 0;
  if (self->user_data != NULL && answer_shown (self) && !self->has_pending &&
      prep_answer_view_get_rendered (self->answer_view) && gtk_adjustment_get_upper (adjustment) > 0 &&
      end >= gtk_adjustment_get_upper (adjustment) - 1)
    prep_user_data_set_read (self->user_data, prep_question_get_id (self->question), TRUE);

  return G_SOURCE_REMOVE;
}

static void
queue_read_check (PrepQuestionView *self)
{
  g_clear_handle_id (&self->read_source, g_source_remove);
  if (self->user_data != NULL && self->question != NULL)
    self->read_source = g_timeout_add (READ_CHECK_DELAY_MS, check_read_cb, self);
}

/* Keyboard reading: the paging keys scroll the page wherever the focus
 * is on it, except where they mean something else (editing text, moving
 * between the follow-up rows, pressing a button). */
static gboolean
page_key_pressed_cb (PrepQuestionView      *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkAdjustment *adjustment = vadjustment (self);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  gboolean reading;

  state &= gtk_accelerator_get_default_mod_mask ();

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->scroller)))
    return FALSE;
  if (GTK_IS_TEXT (focus) || (GTK_IS_TEXT_VIEW (focus) && gtk_text_view_get_editable (GTK_TEXT_VIEW (focus))) ||
      gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) != NULL)
    return FALSE;

  /* On the text itself, Space pages as in a browser; on a button it
   * presses the button. */
  reading = GTK_IS_TEXT_VIEW (focus) || GTK_IS_LABEL (focus);

  switch (keyval)
    {
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (!reading || (state & ~GDK_SHIFT_MASK) != 0)
        return FALSE;
      scroll_to (self, value + ((state & GDK_SHIFT_MASK) ? -1 : 1) * gtk_adjustment_get_page_increment (adjustment));
      break;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      if (state != 0)
        return FALSE;
      scroll_to (self, value + (keyval == GDK_KEY_Page_Down || keyval == GDK_KEY_KP_Page_Down ? 1 : -1) *
                                gtk_adjustment_get_page_increment (adjustment));
      break;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (state != 0)
        return FALSE;
      scroll_to (self, value + (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down ? 1 : -1) *
                                MAX (40, page / 12));
      break;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (state != 0 && state != GDK_CONTROL_MASK)
        return FALSE;
      scroll_to (self, keyval == GDK_KEY_Home || keyval == GDK_KEY_KP_Home ? 0 : G_MAXDOUBLE / 4);
      break;

    default:
      return FALSE;
    }

  stop_pending (self);
  return TRUE;
}

/* Moving the focus with the keyboard brings the focused widget into
 * sight; a widget taller than the page (the answer) only when it is out
 * of sight altogether, at its top. */
static void
focus_widget_cb (PrepQuestionView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkAdjustment *adjustment;
  double value, page;
  graphene_rect_t bounds;

  if (self->page_box == NULL)
    return;

  adjustment = vadjustment (self);
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->scroller)) ||
      !prep_page_layout_page_bounds (self->page, focus, &bounds))
    return;

  if (bounds.size.height > page - 96)
    {
      if (bounds.origin.y + bounds.size.height < value || bounds.origin.y > value + page)
        scroll_to (self, bounds.origin.y - 48);
    }
  else
    scroll_into_view (self, bounds.origin.y, bounds.size.height);
}

static void
prep_question_view_root (GtkWidget *widget)
{
  PrepQuestionView *self = PREP_QUESTION_VIEW (widget);

  GTK_WIDGET_CLASS (prep_question_view_parent_class)->root (widget);

  g_signal_connect_object (gtk_widget_get_root (widget), "notify::focus-widget",
                           G_CALLBACK (focus_widget_cb), self, G_CONNECT_SWAPPED);
}

static void
prep_question_view_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), focus_widget_cb, widget);

  GTK_WIDGET_CLASS (prep_question_view_parent_class)->unroot (widget);
}

/* Find, over the short answer, the answer (tables included) and the
 * follow-ups' answers, in the order of the page. */

static void
update_find_count (PrepQuestionView *self)
{
  guint n = self->matches->len;
  g_autofree char *count = NULL;
  const char *text = gtk_editable_get_text (self->find_entry);

  if (n > 0)
    /* Translators: the current match and how many there are, e.g. "3 of 12" */
    count = g_strdup_printf (_("%u of %u"), self->current == G_MAXUINT ? 0 : self->current + 1, n);
  else if (text[0] != '\0')
    count = g_strdup (_("No matches"));

  gtk_label_set_label (self->find_count, count ? count : "");
}

static GtkLabel *
match_label (PrepQuestionView *self,
             const PageMatch  *match,
             GArray          **label_matches)
{
  if (match->source == SOURCE_SHORT_ANSWER)
    {
      *label_matches = self->short_matches;
      return self->short_answer_label;
    }
  if (match->source == SOURCE_FOLLOW_UP)
    {
      *label_matches = g_ptr_array_index (self->follow_up_matches, match->follow_up);
      return ensure_follow_up_answer (self, match->follow_up);
    }

  return NULL;
}

static void
select_match (PrepQuestionView *self,
              guint             index)
{
  GArray *label_matches = NULL;
  GtkLabel *label;
  PageMatch *match;

  /* The old current match goes back to a plain highlight. */
  if (self->current < self->matches->len)
    {
      match = &g_array_index (self->matches, PageMatch, self->current);
      if ((label = match_label (self, match, &label_matches)))
        prep_label_text_update (label, label_matches, G_MAXUINT);
      else
        prep_answer_view_select_match (self->answer_view, G_MAXUINT);
    }

  self->current = index < self->matches->len ? index : G_MAXUINT;
  if (self->current == G_MAXUINT)
    return;

  match = &g_array_index (self->matches, PageMatch, index);
  self->reveal_label = NULL;
  if ((label = match_label (self, match, &label_matches)))
    {
      prep_label_text_update (label, label_matches, match->index);
      if (match->source == SOURCE_FOLLOW_UP)
        adw_expander_row_set_expanded (ensure_follow_up_row (self, match->follow_up), TRUE);
      self->reveal_label = label;
      self->reveal_match = g_array_index (label_matches, PrepTextMatch, match->index);
    }
  else
    {
      prep_answer_view_select_match (self->answer_view, match->index);
      self->reveal_answer_match = match->index;
    }

  /* Find wins over a position still to be reached. */
  self->has_pending = FALSE;
  self->revealing = TRUE;
  self->reveal_stable = 0;
  self->reveal_y = -1;
  reveal_step (self);
  start_pending (self);
}

static void
clear_find (PrepQuestionView *self)
{
  prep_answer_view_clear_find (self->answer_view);
  prep_label_text_update (self->short_answer_label, NULL, G_MAXUINT);
  for (guint i = 0; i < self->follow_up_answers->len; i++)
    if (g_ptr_array_index (self->follow_up_answers, i) != NULL)
      prep_label_text_update (g_ptr_array_index (self->follow_up_answers, i), NULL, G_MAXUINT);

  g_array_set_size (self->matches, 0);
  g_array_set_size (self->short_matches, 0);
  g_ptr_array_set_size (self->follow_up_matches, 0);
  self->current = G_MAXUINT;
}

static void
add_matches (PrepQuestionView *self,
             Source            source,
             guint             follow_up,
             guint             n)
{
  for (guint i = 0; i < n; i++)
    {
      PageMatch match = { source, follow_up, i };
      g_array_append_val (self->matches, match);
    }
}

/* What the user types is found as written, as in any editor; the words
 * of a search are found each on its own, as the search matched them. */
static guint
find_terms (PrepQuestionView *self,
            const char       *text)
{
  gboolean words = self->search_text != NULL && g_strcmp0 (text, self->search_text) == 0;
  g_auto(GStrv) terms = words ? prep_search_split_terms (text) : g_strdupv ((char *[]) { (char *) text, NULL });
  const char * const *needles = (const char * const *) terms;
  g_autoptr(GArray) found = NULL;

  clear_find (self);
  if (text != self->find_text)
    {
      g_free (self->find_text);
      self->find_text = g_strdup (text);
    }

  if (self->question == NULL || terms == NULL || terms[0] == NULL ||
      !prep_question_get_has_answer (self->question))
    return 0;

  found = prep_text_find_terms (gtk_label_get_text (self->short_answer_label), -1, needles);
  g_array_append_vals (self->short_matches, found->data, found->len);
  prep_label_text_update (self->short_answer_label, self->short_matches, G_MAXUINT);
  add_matches (self, SOURCE_SHORT_ANSWER, 0, found->len);

  add_matches (self, SOURCE_ANSWER, 0, prep_answer_view_find (self->answer_view, needles));

  for (guint i = 0; i < self->follow_up_answers->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (self->follow_up_answers, i);
      GArray *in_label = prep_text_find_terms (g_ptr_array_index (self->follow_up_texts, i), -1, needles);

      g_ptr_array_add (self->follow_up_matches, in_label);
      if (label != NULL)
        prep_label_text_update (label, in_label, G_MAXUINT);
      add_matches (self, SOURCE_FOLLOW_UP, i, in_label->len);
    }

  if (self->matches->len > 0)
    select_match (self, 0);

  return self->matches->len;
}

static void
find_changed_cb (PrepQuestionView *self)
{
  const char *text = gtk_editable_get_text (self->find_entry);

  /* The entry reports a change a moment after it was set from a search:
   * the matches are already shown, and the user may have moved on. */
  if (self->find_text != NULL && g_str_equal (text, self->find_text) && self->matches->len > 0)
    return;

  find_terms (self, text);
  update_find_count (self);
}

static void
find_next_cb (PrepQuestionView *self)
{
  guint n = self->matches->len;

  if (n > 0)
    select_match (self, self->current == G_MAXUINT ? 0 : (self->current + 1) % n);
  update_find_count (self);
}

static void
find_previous_cb (PrepQuestionView *self)
{
  guint n = self->matches->len;

  if (n > 0)
    select_match (self, self->current == G_MAXUINT ? n - 1 : (self->current + n - 1) % n);
  update_find_count (self);
}

static void
find_activate_cb (PrepQuestionView *self)
{
  find_next_cb (self);
}

static void
find_stop_cb (PrepQuestionView *self)
{
  gtk_search_bar_set_search_mode (self->find_bar, FALSE);
}

static void
search_mode_cb (PrepQuestionView *self)
{
  if (!gtk_search_bar_get_search_mode (self->find_bar))
    {
      clear_find (self);
      update_find_count (self);
    }
}

/* Rendering again (after a resize or a theme change) makes the answer's
 * matches stale: find them again, keeping the current one. */
static void
answer_rendered_cb (PrepQuestionView *self)
{
  gboolean filled = self->follow_ups_pending;

  /* The follow-ups come after the answer on the page: they are made once
   * it is rendered, not in the frame that opens the question (issue 15). */
  if (self->follow_ups_pending)
    {
      self->follow_ups_pending = FALSE;
      fill_follow_ups (self, self->question);
    }

  if ((self->matches->len > 0 || filled) && self->find_text != NULL)
    {
      guint current = self->current;

      find_terms (self, self->find_text);
      if (current < self->matches->len)
        select_match (self, current);
      update_find_count (self);
    }
}

static gboolean
find_key_pressed_cb (PrepQuestionView      *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  /* Shift+Enter goes back, as in browsers and GNOME Text Editor. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      find_previous_cb (self);
      return TRUE;
    }

  return FALSE;
}

/* Zoom: the whole page, title to follow-ups, by setting its font sizes
 * (the text at the desktop's size, libadwaita's title and caption styles
 * at theirs); the text it shows stays where it was. */
static void
update_zoom_css (PrepQuestionView *self)
{
  static const struct { const char *selector; double points; } sizes[] = {
    { ".title-2", 15 }, { ".title-3", 15 }, { ".heading", 11 }, { ".caption", 9 }, { ".caption-heading", 9 },
  };
  g_autoptr(GString) css = g_string_new (NULL);
  g_autofree char *font_name = NULL;
  PangoFontDescription *font;
  double base = 11;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (!G_APPROX_VALUE (self->zoom, 1.0, 0.001))
    {
      g_object_get (gtk_settings_get_default (), "gtk-font-name", &font_name, NULL);
      if (font_name != NULL && (font = pango_font_description_from_string (font_name)))
        {
          if (pango_font_description_get_size (font) > 0 && !pango_font_description_get_size_is_absolute (font))
            base = (double) pango_font_description_get_size (font) / PANGO_SCALE;
          pango_font_description_free (font);
        }

      g_string_append_printf (css, "prepquestionview .reading-page { font-size: %spt; }\n",
                              g_ascii_formatd (number, sizeof number, "%.2f", base * self->zoom));
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        g_string_append_printf (css, "prepquestionview .reading-page %s { font-size: %spt; }\n", sizes[i].selector,
                                g_ascii_formatd (number, sizeof number, "%.2f",
                                                 sizes[i].points * self->zoom));
    }

  gtk_css_provider_load_from_data (self->zoom_css, css->str, -1);
}

/* The editor shows the model's note; typing writes it back, and the model
 * saves it after a pause. */
static void
notes_changed_cb (PrepQuestionView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->question == NULL || self->user_data == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  prep_user_data_set_note (self->user_data, prep_question_get_id (self->question), text);
}

static void sync_notes_caption (PrepQuestionView *self);
static void ensure_page (PrepQuestionView *self);

static void
load_note (PrepQuestionView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  const char *note = NULL;

  if (self->question != NULL && self->user_data != NULL)
    note = prep_user_data_get_note (self->user_data, prep_question_get_id (self->question));

  g_signal_handlers_block_by_func (buffer, notes_changed_cb, self);
  gtk_text_buffer_set_text (buffer, note ? note : "", -1);
  g_signal_handlers_unblock_by_func (buffer, notes_changed_cb, self);

  /* A question with a note opens with it shown. */
  if (note != NULL && !gtk_revealer_get_reveal_child (self->notes_revealer))
    {
      gtk_revealer_set_reveal_child (self->notes_revealer, TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES_VISIBLE]);
    }
}

/* The button to the other content language, each language named in
 * itself as language pickers do. */
static void
update_language_button (PrepQuestionView *self)
{
  gboolean english = g_str_equal (prep_question_get_locale (self->question), "en");
  const char *tooltip = english ? _("Show in Chinese") : _("Show in English");

  gtk_button_set_label (self->language_button, english ? "中文" : "English");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->language_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->language_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->language_button),
                          prep_question_has_locale (self->question, english ? "zh_TW" : "en"));
}

static void
update (PrepQuestionView *self)
{
  PrepQuestion *question = self->question;
  g_autoptr(PrepCategory) category = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *reviewed = NULL;

  if (question != NULL)
    ensure_page (self);
  else if (self->page_box == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  stop_pending (self);
  clear_find (self);

  if (question == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  category = prep_question_dup_category (question);
  tags = format_tags (question);
  if (prep_question_get_last_reviewed (question) != NULL)
    /* Translators: %s is a date such as 2026-11-29 */
    reviewed = g_strdup_printf (_("Reviewed %s"), prep_question_get_last_reviewed (question));

  set_optional_label (self->category_label, category ? prep_category_get_title (category) : NULL);
  gtk_label_set_label (self->title_label, prep_question_get_title (question));
  prep_label_text_update (self->title_label, NULL, G_MAXUINT);
  gtk_label_set_label (self->difficulty_label,
                       prep_difficulty_get_label (prep_question_get_difficulty (question)));
  for (guint d = PREP_DIFFICULTY_BASIC; d <= PREP_DIFFICULTY_ADVANCED; d++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->difficulty_label), difficulty_classes[d]);
  gtk_widget_add_css_class (GTK_WIDGET (self->difficulty_label),
                            difficulty_classes[prep_question_get_difficulty (question)]);
  if (reviewed != NULL)
    {
      char *both = g_strconcat (tags, tags[0] ? " · " : "", reviewed, NULL);
      g_free (tags);
      tags = both;
    }
  set_optional_label (self->tags_label, tags);
  update_language_button (self);

  if (prep_question_get_has_answer (question))
    {
      g_autofree char *markdown = compose_markdown (question);
      const char *short_answer = prep_question_get_short_answer (question);

      gtk_label_set_label (self->short_answer_label, short_answer);
      prep_label_text_update (self->short_answer_label, NULL, G_MAXUINT);
      gtk_widget_set_visible (self->short_answer_card, short_answer[0] != '\0');
      /* The answer's own language: a question not written in the chosen
       * one shows its Chinese, figures included. */
      prep_answer_view_set_locale (self->answer_view,
                                   prep_question_has_locale (question, prep_question_get_locale (question))
                                   ? prep_question_get_locale (question) : PREP_CONTENT_LOCALE_DEFAULT);
      fill_follow_ups (self, NULL);
      self->follow_ups_pending = TRUE;
      prep_answer_view_set_markdown (self->answer_view, markdown);
      /* The same answer, already on show: no new rendering to wait for. */
      if (prep_answer_view_get_rendered (self->answer_view))
        answer_rendered_cb (self);
      gtk_widget_set_visible (self->pending_box, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->answer_view), TRUE);
    }
  else
    {
      /* The user's own question waits for its author, not an update. */
      gboolean users = prep_question_get_pack_id (question) != NULL;

      prep_answer_view_set_markdown (self->answer_view, NULL);

      self->follow_ups_pending = FALSE;
      fill_follow_ups (self, NULL);
      gtk_label_set_label (self->pending_title, users ? _("No Answer Yet") : _("This Answer Is Coming"));
      gtk_label_set_label (self->pending_text,
                           users ? _("Write the answer to your question in the editor (Ctrl+E), or think it "
                                     "through first and write your notes on it (Ctrl+N).")
                                 : _("The answer to this question will arrive with a later update. You can "
                                     "already think it through and write your own notes on it (Ctrl+N)."));
      gtk_widget_set_visible (self->pending_edit_button, users);
      gtk_widget_set_visible (self->short_answer_card, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->answer_view), FALSE);
      gtk_widget_set_visible (self->pending_box, TRUE);
    }

  load_note (self);

  /* A new question: finding starts over. */
  if (gtk_search_bar_get_search_mode (self->find_bar))
    find_changed_cb (self);

  gtk_stack_set_visible_child_name (self->stack, "question");
  gtk_adjustment_set_value (vadjustment (self), 0);
}

static void
prep_question_view_dispose (GObject *object)
{
  PrepQuestionView *self = (PrepQuestionView *)object;
  GtkWidget *child;

  stop_pending (self);
  g_clear_handle_id (&self->read_source, g_source_remove);
  g_clear_handle_id (&self->follow_ups_source, g_source_remove);
  if (self->zoom_css != NULL)
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (self->zoom_css));
  g_clear_object (&self->zoom_css);

  gtk_widget_dispose_template (GTK_WIDGET (self), PREP_TYPE_QUESTION_VIEW);
  /* Template children that are not bound to a field stay parented. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_signal_handler (&self->locale_handler, self->question);
  g_clear_object (&self->question);
  g_clear_object (&self->user_data);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->follow_up_rows, g_ptr_array_unref);
  g_clear_pointer (&self->follow_up_answers, g_ptr_array_unref);
  g_clear_pointer (&self->follow_up_texts, g_ptr_array_unref);
  g_clear_pointer (&self->font_specimens, g_ptr_array_unref);
  g_clear_pointer (&self->follow_up_matches, g_ptr_array_unref);

  G_OBJECT_CLASS (prep_question_view_parent_class)->dispose (object);
}

static void
prep_question_view_finalize (GObject *object)
{
  PrepQuestionView *self = (PrepQuestionView *)object;

  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->short_matches, g_array_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->find_text, g_free);

  G_OBJECT_CLASS (prep_question_view_parent_class)->finalize (object);
}

static void
prep_question_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PrepQuestionView *self = PREP_QUESTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_NOTES_VISIBLE:
      g_value_set_boolean (value, prep_question_view_get_notes_visible (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_question_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PrepQuestionView *self = PREP_QUESTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      prep_question_view_set_question (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      prep_question_view_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_NOTES_VISIBLE:
      prep_question_view_set_notes_visible (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_question_view_class_init (PrepQuestionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prep_question_view_dispose;
  object_class->finalize = prep_question_view_finalize;
  object_class->get_property = prep_question_view_get_property;
  object_class->set_property = prep_question_view_set_property;

  properties [PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, PREP_TYPE_QUESTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PrepQuestionView:zoom:
   *
   * The size of the page's text, 1.0 for the desktop's.
   */
  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.5, 3.0, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PrepQuestionView:notes-visible:
   *
   * Whether the notes editor is shown.
   */
  properties [PROP_NOTES_VISIBLE] =
    g_param_spec_boolean ("notes-visible", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->root = prep_question_view_root;
  widget_class->unroot = prep_question_view_unroot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "prepquestionview");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/llmprep/LlmPrep/ui/prep-question-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, stack);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionView, error_page);

  g_type_ensure (PREP_TYPE_ANSWER_VIEW);
  g_type_ensure (PREP_TYPE_PAGE_LAYOUT);
}

static void
prep_question_view_init (PrepQuestionView *self)
{
  self->zoom = 1.0;
  self->current = G_MAXUINT;
  self->matches = g_array_new (FALSE, FALSE, sizeof (PageMatch));
  self->short_matches = g_array_new (FALSE, FALSE, sizeof (PrepTextMatch));
  self->follow_up_matches = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->follow_up_rows = g_ptr_array_new ();
  self->follow_up_answers = g_ptr_array_new ();
  self->follow_up_texts = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->zoom_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (self->zoom_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "zoom", self, "zoom", G_SETTINGS_BIND_GET);
}

#define GET(builder, name) ((gpointer) gtk_builder_get_object (builder, name))

/* The question page is built when it is first needed (issue 15): a
 * window opened without a question (a first start) shows only the empty
 * page, and its first frame need not build, style and lay out the
 * page's hundred widgets. prep_question_view_prepare() builds it ahead,
 * once the window is idle. */
static void
ensure_page (PrepQuestionView *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  GtkEventController *keys;

  if (self->page_box != NULL)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "find_changed_cb", G_CALLBACK (find_changed_cb),
                                           "find_activate_cb", G_CALLBACK (find_activate_cb),
                                           "find_next_cb", G_CALLBACK (find_next_cb),
                                           "find_previous_cb", G_CALLBACK (find_previous_cb),
                                           "find_stop_cb", G_CALLBACK (find_stop_cb),
                                           NULL);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  /* Bundled with the program: not loading it is a programming error, as
   * for a template. */
  if (!gtk_builder_add_from_resource (builder, "/io/github/llmprep/LlmPrep/ui/prep-question-page.ui", &error))
    g_error ("The question page could not be built: %s", error->message);

  self->page_box = GET (builder, "page_box");
  self->pending_box = GET (builder, "pending_box");
  self->pending_title = GET (builder, "pending_title");
  self->pending_text = GET (builder, "pending_text");
  self->pending_edit_button = GET (builder, "pending_edit_button");
  self->scroller = GET (builder, "scroller");
  self->page = GET (builder, "page");
  self->category_label = GET (builder, "category_label");
  self->title_label = GET (builder, "title_label");
  self->difficulty_label = GET (builder, "difficulty_label");
  self->tags_label = GET (builder, "tags_label");
  self->language_button = GET (builder, "language_button");
  self->short_answer_label = GET (builder, "short_answer_label");
  self->short_answer_card = GET (builder, "short_answer_card");
  self->answer_view = GET (builder, "answer_view");
  self->follow_ups_box = GET (builder, "follow_ups_box");
  self->follow_ups_list = GET (builder, "follow_ups_list");
  self->find_bar = GET (builder, "find_bar");
  self->find_entry = GET (builder, "find_entry");
  self->find_count = GET (builder, "find_count");
  self->notes_revealer = GET (builder, "notes_revealer");
  self->notes_view = GET (builder, "notes_view");
  self->notes_caption = GET (builder, "notes_caption");

  gtk_stack_add_named (self->stack, self->page_box, "question");

  gtk_search_bar_connect_entry (self->find_bar, self->find_entry);
  g_signal_connect_swapped (self->find_bar, "notify::search-mode-enabled",
                            G_CALLBACK (search_mode_cb), self);
  g_signal_connect_swapped (self->answer_view, "rendered", G_CALLBACK (answer_rendered_cb), self);
  g_signal_connect_swapped (vadjustment (self), "value-changed", G_CALLBACK (queue_read_check), self);
  g_signal_connect_swapped (vadjustment (self), "changed", G_CALLBACK (queue_read_check), self);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (notes_changed_cb), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (find_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), keys);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (page_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), keys);

  load_note (self);
  sync_notes_caption (self);
}

/**
 * prep_question_view_prepare:
 *
 * Builds the question page now, if it is not yet, so that the first
 * question opened need not wait for it: for an idle moment after the
 * window's first frame.
 */
void
prep_question_view_prepare (PrepQuestionView *self)
{
  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  ensure_page (self);
}

static void
collect_label_fonts (GtkWidget  *widget,
                     GHashTable *seen,
                     GPtrArray  *specimens)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        {
          PangoContext *context = gtk_widget_get_pango_context (child);
          const PangoFontDescription *font = pango_context_get_font_description (context);

          if (!g_hash_table_contains (seen, font))
            {
              g_hash_table_add (seen, pango_font_description_copy (font));
              /* "Aa0 中文" */
              g_ptr_array_add (specimens, pango_layout_new (context));
              pango_layout_set_text (g_ptr_array_index (specimens, specimens->len - 1),
                                     "Aa0 \xe4\xb8\xad\xe6\x96\x87", -1);
            }
        }
      collect_label_fonts (child, seen, specimens);
    }
}

/**
 * prep_question_view_load_fonts:
 * @deadline: a monotonic time (g_get_monotonic_time()) to stop at
 *
 * Loads the fonts the question page is drawn in, as the first question
 * opened would otherwise do (fontconfig's matching, FreeType's faces: a
 * tenth of the first switch, issue 15): a few characters in the font of
 * each of the page's labels (from the style sheet) and in each font of
 * the answer. Builds the page first if it is not yet. For idle moments:
 * loads fonts until @deadline, at least one.
 *
 * Returns: %TRUE while fonts remain to be loaded
 */
gboolean
prep_question_view_load_fonts (PrepQuestionView *self,
                               gint64            deadline)
{
  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), FALSE);

  ensure_page (self);

  if (self->font_specimens == NULL)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full ((GHashFunc) pango_font_description_hash,
                                                          (GEqualFunc) pango_font_description_equal,
                                                          (GDestroyNotify) pango_font_description_free,
                                                          NULL);

      self->font_specimens = g_ptr_array_new_with_free_func (g_object_unref);
      collect_label_fonts (self->page_box, seen, self->font_specimens);
    }

  /* The labels' fonts first, then the answer's: a step does one or the
   * other. */
  if (self->font_specimens->len > 0)
    {
      prep_renderer_lay_out_specimens (self->font_specimens, deadline);
      return TRUE;
    }

  return prep_answer_view_load_fonts (self->answer_view, deadline);
}

/**
 * prep_question_view_dup_title_font:
 *
 * The font the question's title is shown in, with its size from the
 * style sheet, e.g. for loading its glyphs ahead.
 *
 * Returns: (transfer full): a font description
 */
PangoFontDescription *
prep_question_view_dup_title_font (PrepQuestionView *self)
{
  PangoContext *context;

  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), NULL);

  ensure_page (self);

  context = gtk_widget_get_pango_context (GTK_WIDGET (self->title_label));

  return pango_font_description_copy (pango_context_get_font_description (context));
}

GtkWidget *
prep_question_view_new (void)
{
  return g_object_new (PREP_TYPE_QUESTION_VIEW, NULL);
}

/**
 * prep_question_view_get_question:
 *
 * Returns: (transfer none) (nullable): the question shown
 */
PrepQuestion *
prep_question_view_get_question (PrepQuestionView *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), NULL);

  return self->question;
}

/* The question is shown in the other language: the page is filled again
 * and keeps its place, as a share of the page (the texts differ in
 * length), once the answer is rendered. */
static void
locale_changed_cb (PrepQuestionView *self)
{
  GtkAdjustment *adjustment = vadjustment (self);
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  double fraction = range > 0 ? gtk_adjustment_get_value (adjustment) / range : 0;

  update (self);

  if (fraction > 0)
    {
      self->pending = (PrepReadingPosition) { FRACTION_OFFSET, CLAMP (fraction, 0, 1) };
      self->has_pending = TRUE;
      self->revealing = FALSE;
      start_pending (self);
    }
}

void
prep_question_view_set_question (PrepQuestionView *self,
                                 PrepQuestion     *question)
{
  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));
  g_return_if_fail (!question || PREP_IS_QUESTION (question));

  if (self->question == question)
    return;

  g_clear_signal_handler (&self->locale_handler, self->question);
  g_set_object (&self->question, question);
  if (question != NULL)
    self->locale_handler = g_signal_connect_object (question, "notify::locale",
                                                    G_CALLBACK (locale_changed_cb), self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_QUESTION]);
}

/**
 * prep_question_view_show_error:
 *
 * Replaces the view with an error page, e.g. when the content is broken.
 */
void
prep_question_view_show_error (PrepQuestionView *self,
                               const char       *title,
                               const char       *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  escaped = g_markup_escape_text (message ? message : "", -1);
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

double
prep_question_view_get_zoom (PrepQuestionView *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), 1.0);

  return self->zoom;
}

void
prep_question_view_set_zoom (PrepQuestionView *self,
                             double            zoom)
{
  PrepReadingPosition position;

  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  zoom = CLAMP (zoom, 0.5, 3.0);
  if (G_APPROX_VALUE (self->zoom, zoom, 0.001))
    return;

  prep_question_view_get_position (self, &position);
  self->zoom = zoom;
  update_zoom_css (self);
  if (self->question != NULL)
    prep_question_view_set_position (self, &position);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
}

/**
 * prep_question_view_start_find:
 *
 * Shows the find bar, with the focus in it.
 */
void
prep_question_view_start_find (PrepQuestionView *self)
{
  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  ensure_page (self);

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (self->find_entry, 0, -1);
}

/**
 * prep_question_view_find:
 * @text: what to find, as written
 *
 * Finds as the find bar does, without showing it.
 *
 * Returns: the number of matches on the page
 */
guint
prep_question_view_find (PrepQuestionView *self,
                         const char       *text)
{
  guint n;

  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), 0);

  ensure_page (self);

  g_clear_pointer (&self->search_text, g_free);
  n = find_terms (self, text);
  update_find_count (self);

  return n;
}

/**
 * prep_question_view_highlight:
 *
 * Shows the find bar with @text, the matches of each of its words
 * highlighted and the first one scrolled into sight, as after a search.
 */
void
prep_question_view_highlight (PrepQuestionView *self,
                              const char       *text)
{
  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  ensure_page (self);

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_editable_set_text (self->find_entry, text);
  find_changed_cb (self);
}

/**
 * prep_question_view_find_next:
 * @backward: to the previous match
 */
void
prep_question_view_find_next (PrepQuestionView *self,
                              gboolean          backward)
{
  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  ensure_page (self);

  if (!gtk_search_bar_get_search_mode (self->find_bar))
    {
      prep_question_view_start_find (self);
      return;
    }

  if (backward)
    find_previous_cb (self);
  else
    find_next_cb (self);
}

guint
prep_question_view_get_n_matches (PrepQuestionView *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), 0);

  return self->matches->len;
}

/**
 * prep_question_view_get_current_match:
 *
 * Returns: the 1-based number of the current match, 0 for none
 */
guint
prep_question_view_get_current_match (PrepQuestionView *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), 0);

  return self->current == G_MAXUINT ? 0 : self->current + 1;
}

/**
 * prep_question_view_focus_page:
 *
 * Moves the focus to the page, where the reading keys scroll it: after
 * a question is opened from the list, say.
 */
void
prep_question_view_focus_page (PrepQuestionView *self)
{
  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  /* No question yet: nothing to focus. */
  if (self->page_box == NULL)
    return;

  if (self->question != NULL && prep_question_get_has_answer (self->question))
    gtk_widget_grab_focus (GTK_WIDGET (self->answer_view));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->scroller));
}

/**
 * prep_question_view_get_position:
 * @position: (out): where the reader is on the page
 */
void
prep_question_view_get_position (PrepQuestionView    *self,
                                 PrepReadingPosition *position)
{
  double value, top, line_y;

  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));
  g_return_if_fail (position != NULL);

  /* A position still to be reached is where the reader is going. */
  if (self->has_pending)
    {
      *position = self->pending;
      return;
    }

  if (self->page_box == NULL)
    {
      *position = (PrepReadingPosition) { -1, 0 };
      return;
    }

  value = gtk_adjustment_get_value (vadjustment (self));
  *position = (PrepReadingPosition) { -1, value };

  if (answer_shown (self) && prep_answer_view_get_rendered (self->answer_view) &&
      page_y (self, GTK_WIDGET (self->answer_view), 0, &top) && value >= top)
    {
      position->offset = prep_answer_view_get_offset_at_y (self->answer_view, value - top, &line_y);
      position->delta = value - top - line_y;
    }
}

/**
 * prep_question_view_set_position:
 *
 * Scrolls the page to @position, as soon as it is laid out.
 */
void
prep_question_view_set_position (PrepQuestionView          *self,
                                 const PrepReadingPosition *position)
{
  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));
  g_return_if_fail (position != NULL);

  ensure_page (self);

  self->pending = *position;
  self->has_pending = TRUE;
  self->revealing = FALSE;
  start_pending (self);
}

/**
 * prep_question_view_get_vadjustment:
 *
 * Returns: (transfer none): the page's vertical scrolling
 */
GtkAdjustment *
prep_question_view_get_vadjustment (PrepQuestionView *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), NULL);

  ensure_page (self);

  return vadjustment (self);
}

guint
prep_question_view_get_n_headings (PrepQuestionView *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), 0);

  if (self->question == NULL || !prep_question_get_has_answer (self->question))
    return 0;

  return prep_answer_view_get_n_headings (self->answer_view);
}

/**
 * prep_question_view_get_heading:
 * @level: (out) (optional): 1 to 3
 *
 * Returns: the text of the answer's heading number @index
 */
const char *
prep_question_view_get_heading (PrepQuestionView *self,
                                guint             index,
                                guint            *level)
{
  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), NULL);

  ensure_page (self);

  return prep_answer_view_get_heading (self->answer_view, index, level, NULL);
}

/**
 * prep_question_view_scroll_to_heading:
 *
 * Brings the heading number @index to the top of the page, with the
 * focus on the answer there.
 */
void
prep_question_view_scroll_to_heading (PrepQuestionView *self,
                                      guint             index)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  int offset;

  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  ensure_page (self);

  if (index >= prep_question_view_get_n_headings (self))
    return;

  prep_answer_view_get_heading (self->answer_view, index, NULL, &offset);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->answer_view));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (self->answer_view));
  prep_question_view_set_position (self, &(PrepReadingPosition) { offset, 0 });
}

/**
 * prep_question_view_get_answer_view:
 *
 * Returns: (transfer none): the view of the answer text
 */
PrepAnswerView *
prep_question_view_get_answer_view (PrepQuestionView *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), NULL);

  ensure_page (self);

  return self->answer_view;
}

/* The caption under the notes says whether they are saved. */
static void
sync_notes_caption (PrepQuestionView *self)
{
  gboolean read_only = self->user_data != NULL && prep_user_data_get_read_only (self->user_data);
  const char *text;

  /* Told when the page is built. */
  if (self->page_box == NULL)
    return;

  text = read_only
    ? _("Kept until you quit, not saved: your notes file is from a newer version of LLM Prep.")
    : _("Saved automatically. Markdown is fine.");

  gtk_label_set_text (self->notes_caption, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/**
 * prep_question_view_set_user_data:
 *
 * Where the notes editor reads and writes the user's notes.
 */
void
prep_question_view_set_user_data (PrepQuestionView *self,
                                  PrepUserData     *user_data)
{
  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  if (self->user_data != NULL)
    g_signal_handlers_disconnect_by_func (self->user_data, sync_notes_caption, self);
  if (g_set_object (&self->user_data, user_data) && self->page_box != NULL)
    load_note (self);
  if (self->user_data != NULL)
    g_signal_connect_object (self->user_data, "notify::read-only", G_CALLBACK (sync_notes_caption),
                             self, G_CONNECT_SWAPPED);
  sync_notes_caption (self);
}

/**
 * prep_question_view_set_notes_visible:
 *
 * Shows the notes editor with the focus in it, or hides it.
 */
void
prep_question_view_set_notes_visible (PrepQuestionView *self,
                                      gboolean          visible)
{
  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  visible = !!visible;
  if (!visible && self->page_box == NULL)
    return;

  ensure_page (self);
  if (visible == gtk_revealer_get_reveal_child (self->notes_revealer))
    return;

  gtk_revealer_set_reveal_child (self->notes_revealer, visible);
  if (visible)
    gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES_VISIBLE]);
}

/**
 * prep_question_view_toggle_notes:
 *
 * Shows the notes editor with the focus in it, or hides it.
 */
void
prep_question_view_toggle_notes (PrepQuestionView *self)
{
  g_return_if_fail (PREP_IS_QUESTION_VIEW (self));

  prep_question_view_set_notes_visible (self, !prep_question_view_get_notes_visible (self));
}

gboolean
prep_question_view_get_notes_visible (PrepQuestionView *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), FALSE);

  return self->page_box != NULL && gtk_revealer_get_reveal_child (self->notes_revealer);
}

/**
 * prep_question_view_get_notes_buffer:
 *
 * Returns: (transfer none): the notes editor's text
 */
GtkTextBuffer *
prep_question_view_get_notes_buffer (PrepQuestionView *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION_VIEW (self), NULL);

  ensure_page (self);

  return gtk_text_view_get_buffer (self->notes_view);
}
