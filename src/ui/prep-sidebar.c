/* prep-sidebar.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "prep-library.h"
#include "prep-user-data.h"
#include "prep-review-store.h"
#include "prep-search.h"
#include "prep-sidebar.h"
#include "prep-sidebar-row.h"

/* The categories as a tree: each category row expands into its questions.
 * Selecting a question makes it the selected question; clicking it or
 * pressing Enter also activates it. */
struct _PrepSidebar
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkListView        *list_view;
  GtkListView        *filtered_view;
  GtkStack           *stack;
  GtkToggleButton    *due_button;
  GtkSearchEntry     *search_entry;
  GtkListView        *search_view;
  GtkWidget          *filter_bar;
  PrepSearch         *search;
  char               *query;      /* what the results on show are for */
  GtkSingleSelection *search_selection;
  GtkToggleButton    *all_button;
  GtkToggleButton    *bookmarked_button;
  GtkToggleButton    *notes_button;
  GtkLabel           *all_count;
  GtkLabel           *bookmarked_count;
  GtkLabel           *notes_count;
  GtkLabel           *due_count;
  AdwStatusPage      *empty_status;
  GtkStack           *bar_stack;
  GtkLabel           *count_label;

  /* Owned references */
  PrepLibrary        *library;
  PrepUserData       *user_data;
  PrepReviewStore    *reviews;
  gint64              due_until;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *filtered_selection;
  PrepQuestion       *selected_question;
};

G_DEFINE_FINAL_TYPE (PrepSidebar, prep_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_SELECTED_QUESTION,
  N_PROPS
};

enum {
  QUESTION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static GListModel *
create_child_model_cb (gpointer item,
                       gpointer user_data)
{
  if (PREP_IS_CATEGORY (item))
    return g_object_ref (prep_category_get_questions (PREP_CATEGORY (item)));

  return NULL;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();

  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), prep_sidebar_row_new ());
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_tree_expander_get_child (expander);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (expander, row);
  prep_sidebar_row_set_user_data (PREP_SIDEBAR_ROW (child), PREP_SIDEBAR (user_data)->user_data);
  prep_sidebar_row_set_item (PREP_SIDEBAR_ROW (child), item);

  /* Categories are headings: they expand and collapse but are never the
   * selection, so that the selection is always a question. */
  gtk_list_item_set_selectable (list_item, PREP_IS_QUESTION (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));

  gtk_tree_expander_set_list_row (expander, NULL);
  prep_sidebar_row_set_item (PREP_SIDEBAR_ROW (gtk_tree_expander_get_child (expander)), NULL);
}

static GObject *
dup_row_item (PrepSidebar *self,
              guint        position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);

  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

static void
selection_changed_cb (PrepSidebar *self)
{
  g_autoptr(GObject) item = NULL;
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  item = dup_row_item (self, position);
  if (PREP_IS_QUESTION (item))
    prep_sidebar_set_selected_question (self, PREP_QUESTION (item));
}

static void
list_activate_cb (PrepSidebar *self,
                  guint        position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;

  if (PREP_IS_CATEGORY (item))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
  else if (PREP_IS_QUESTION (item))
    {
      prep_sidebar_set_selected_question (self, PREP_QUESTION (item));
      g_signal_emit (self, signals [QUESTION_ACTIVATED], 0, item);
    }
}

/* The filtered view: a flat list of the bookmarked questions, or of those
 * with a note, from the same model. */

static gboolean
filter_match_cb (gpointer item,
                 gpointer user_data)
{
  PrepSidebar *self = user_data;
  const char *id = prep_question_get_id (PREP_QUESTION (item));

  if (gtk_toggle_button_get_active (self->due_button))
    return self->reviews != NULL && prep_review_store_is_due (self->reviews, id, self->due_until);
  if (self->user_data == NULL)
    return FALSE;
  if (gtk_toggle_button_get_active (self->bookmarked_button))
    return prep_user_data_get_bookmarked (self->user_data, id);
  if (gtk_toggle_button_get_active (self->notes_button))
    return prep_user_data_get_note (self->user_data, id) != NULL;

  /* Showing all, the tree is on screen: keep the hidden list empty, so
   * that it creates no rows (GTK 4.8 makes a widget for every item). */
  return FALSE;
}

static void
setup_flat_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, prep_sidebar_row_new ());
}

static void
bind_flat_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  PrepSidebarRow *row = PREP_SIDEBAR_ROW (gtk_list_item_get_child (list_item));

  prep_sidebar_row_set_user_data (row, PREP_SIDEBAR (user_data)->user_data);
  prep_sidebar_row_set_item (row, gtk_list_item_get_item (list_item));
}

static void
unbind_flat_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  prep_sidebar_row_set_item (PREP_SIDEBAR_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
filtered_selection_changed_cb (PrepSidebar *self)
{
  PrepQuestion *question = gtk_single_selection_get_selected_item (self->filtered_selection);

  if (question != NULL)
    prep_sidebar_set_selected_question (self, question);
}

static void
filtered_activate_cb (PrepSidebar *self,
                      guint        position)
{
  g_autoptr(PrepQuestion) question = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (question != NULL)
    {
      prep_sidebar_set_selected_question (self, question);
      g_signal_emit (self, signals [QUESTION_ACTIVATED], 0, question);
    }
}

static void
set_filter (GtkToggleButton *button,
            GtkLabel        *count,
            guint            n,
            const char      *format)
{
  g_autofree char *number = g_strdup_printf ("%u", n);
  g_autofree char *description = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  description = g_strdup_printf (format, n);
#pragma GCC diagnostic pop

  gtk_label_set_label (count, number);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

/* The list's empty state: what is missing and what to do about it. */
static void
show_empty (PrepSidebar *self,
            const char  *icon_name,
            const char  *title,
            const char  *description)
{
  adw_status_page_set_icon_name (self->empty_status, icon_name);
  adw_status_page_set_title (self->empty_status, title);
  adw_status_page_set_description (self->empty_status, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
update_filter (PrepSidebar *self)
{
  gboolean all = gtk_toggle_button_get_active (self->all_button);
  guint n_bookmarked = 0, n_notes = 0, n_due = 0;
  GListModel *questions;

  if (self->library == NULL)
    return;

  questions = prep_library_get_questions (self->library);
  self->due_until = prep_study_day_end (g_get_real_time () / G_USEC_PER_SEC);
  if (self->reviews != NULL)
    n_due = prep_review_store_count_due (self->reviews, questions, self->due_until);
  for (guint i = 0; self->user_data != NULL && i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);
      const char *id = prep_question_get_id (question);

      n_bookmarked += prep_user_data_get_bookmarked (self->user_data, id);
      n_notes += prep_user_data_get_note (self->user_data, id) != NULL;
    }

  /* Compact filters, an icon and a count each, which fit the narrowest
   * sidebar in any language; the tooltip and screen readers say what
   * each one is. */
  set_filter (self->all_button, self->all_count, g_list_model_get_n_items (questions),
              /* Translators: a filter's tooltip; %u is how many questions there are */
              g_dngettext (GETTEXT_PACKAGE, "All Questions, %u", "All Questions, %u", g_list_model_get_n_items (questions)));
  set_filter (self->bookmarked_button, self->bookmarked_count, n_bookmarked,
              /* Translators: a filter's tooltip; %u is how many questions are bookmarked */
              g_dngettext (GETTEXT_PACKAGE, "Bookmarked, %u", "Bookmarked, %u", n_bookmarked));
  set_filter (self->notes_button, self->notes_count, n_notes,
              /* Translators: a filter's tooltip; %u is how many questions have a note */
              g_dngettext (GETTEXT_PACKAGE, "With Notes, %u", "With Notes, %u", n_notes));
  set_filter (self->due_button, self->due_count, n_due,
              /* Translators: a filter's tooltip; %u is how many questions are due for review today */
              g_dngettext (GETTEXT_PACKAGE, "Due for Review Today, %u", "Due for Review Today, %u", n_due));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  /* While searching, the results stay on show. */
  if (gtk_single_selection_get_model (self->search_selection) != NULL)
    return;

  if (all)
    gtk_stack_set_visible_child_name (self->stack, "tree");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    {
      if (gtk_toggle_button_get_active (self->bookmarked_button))
        show_empty (self, "starred-symbolic", _("No Bookmarks Yet"),
                    _("Press Ctrl+D on a question to bookmark it."));
      else if (gtk_toggle_button_get_active (self->notes_button))
        show_empty (self, "document-edit-symbolic", _("No Notes Yet"),
                    _("Press Ctrl+N on a question to write one."));
      else
        show_empty (self, "alarm-symbolic", _("Nothing Due Today"),
                    _("Flashcards and mock interviews in the Quiz view (Ctrl+2) schedule reviews."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "filtered");
}

/* Search: results replace the tree while there is text in the entry. */

static void
setup_result_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);
  GtkWidget *note = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (snippet, "caption");
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_ellipsize (GTK_LABEL (note), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_add_css_class (note, "note-preview");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_box_append (GTK_BOX (box), note);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_result_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data_)
{
  PrepSearchResult *result = gtk_list_item_get_item (list_item);
  PrepQuestion *question = prep_search_result_get_question (result);
  g_autoptr(PrepCategory) category = prep_question_dup_category (question);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *meta = gtk_widget_get_next_sibling (title);
  GtkWidget *snippet = gtk_widget_get_next_sibling (meta);
  GtkWidget *note_label = gtk_widget_get_next_sibling (snippet);
  PrepUserData *user_data = PREP_SIDEBAR (user_data_)->user_data;
  const char *note = user_data ? prep_user_data_get_note (user_data, prep_question_get_id (question)) : NULL;
  g_autofree char *markup = prep_search_result_dup_snippet_markup (result);
  g_autofree char *where = NULL;
  const char *field;

  switch (prep_search_result_get_field (result))
    {
    case PREP_SEARCH_FIELD_NOTE:
      /* Translators: where a search matched */
      field = _("in your note");
      break;
    case PREP_SEARCH_FIELD_ANSWER:
      /* Translators: where a search matched */
      field = _("in the answer");
      break;
    case PREP_SEARCH_FIELD_TITLE:
    default:
      /* Translators: where a search matched */
      field = _("in the question");
      break;
    }

  /* Translators: a search result's category, then where it matched */
  where = g_strdup_printf (_("%s · %s"), category ? prep_category_get_title (category) : "", field);
  gtk_label_set_text (GTK_LABEL (meta), where);

  /* A match in the title is shown in the title, not a second time. */
  if (prep_search_result_get_field (result) == PREP_SEARCH_FIELD_TITLE &&
      g_strcmp0 (prep_search_result_get_snippet (result), prep_question_get_title (question)) == 0)
    {
      gtk_label_set_markup (GTK_LABEL (title), markup);
      gtk_widget_set_visible (snippet, FALSE);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (title), prep_question_get_title (question));
      gtk_label_set_markup (GTK_LABEL (snippet), markup);
      gtk_widget_set_visible (snippet, TRUE);
    }

  /* The user's own note, previewed when the match was elsewhere. */
  if (note != NULL && prep_search_result_get_field (result) != PREP_SEARCH_FIELD_NOTE)
    {
      g_autofree char *first_line = g_strndup (note, strcspn (note, "\n"));
      /* Translators: a preview of the user's note under a search result */
      g_autofree char *preview = g_strdup_printf (_("Note: %s"), first_line);

      gtk_label_set_text (GTK_LABEL (note_label), preview);
      gtk_widget_set_visible (note_label, TRUE);
    }
  else
    {
      gtk_widget_set_visible (note_label, FALSE);
    }
}

static void
search_changed_cb (PrepSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GListModel) results = NULL;
  g_auto(GStrv) terms = prep_search_split_terms (text);
  g_autofree char *count = NULL;
  guint n;

  /* The entry reports a change a moment after prep_sidebar_search() has
   * already searched: the results, and their selection, stay. */
  if (g_strcmp0 (text, self->query) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (text);

  gtk_stack_set_visible_child_name (self->bar_stack, terms == NULL || terms[0] == NULL ? "filters" : "count");

  if (terms == NULL || terms[0] == NULL || self->library == NULL)
    {
      gtk_single_selection_set_model (self->search_selection, NULL);
      update_filter (self);
      return;
    }

  /* The index is built on the first search, not at start-up (≈ 5 ms). */
  if (self->search == NULL)
    self->search = prep_search_new (self->library, self->user_data);

  results = prep_search_query (self->search, text);
  gtk_single_selection_set_model (self->search_selection, results);
  gtk_single_selection_set_selected (self->search_selection, GTK_INVALID_LIST_POSITION);

  n = g_list_model_get_n_items (results);
  /* Translators: how many search results there are */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", n), n);
  gtk_label_set_text (self->count_label, count);

  if (n == 0)
    {
      /* Translators: %s is what was searched for */
      g_autofree char *none = g_markup_printf_escaped (_("No question, answer or note contains “%s”."), text);

      show_empty (self, "edit-find-symbolic", _("No Results"), none);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "search");
    }
}

/* The answers are shown in the other language: the search index puts
 * that language first (its snippets), so it is built again and a search
 * on show runs again. */
/* Questions added or removed after start (the user's packs): the tree
 * and the filtered list follow their models; the counts are made here. */
static void
questions_changed_cb (PrepSidebar *self,
                      guint        position,
                      guint        removed,
                      guint        added)
{
  update_filter (self);
}

static void
library_locale_cb (PrepSidebar *self)
{
  g_clear_object (&self->search);
  if (self->query != NULL && self->query[0] != '\0')
    {
      g_clear_pointer (&self->query, g_free);
      search_changed_cb (self);
    }
}

static void
stop_search_cb (PrepSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
open_result (PrepSidebar *self,
             guint        position)
{
  GListModel *results = gtk_single_selection_get_model (self->search_selection);
  g_autoptr(PrepSearchResult) result = NULL;

  if (results == NULL || !(result = g_list_model_get_item (results, position)))
    return;

  prep_sidebar_set_selected_question (self, prep_search_result_get_question (result));
  g_signal_emit (self, signals [QUESTION_ACTIVATED], 0, prep_search_result_get_question (result));
}

static void
search_activate_cb (PrepSidebar *self)
{
  open_result (self, 0);
}

static void
search_result_activate_cb (PrepSidebar *self,
                           guint        position)
{
  open_result (self, position);
}

static void
search_selection_changed_cb (PrepSidebar *self)
{
  PrepSearchResult *result = gtk_single_selection_get_selected_item (self->search_selection);

  if (result != NULL)
    prep_sidebar_set_selected_question (self, prep_search_result_get_question (result));
}

static void
filter_toggled_cb (PrepSidebar     *self,
                   GtkToggleButton *button)
{
  /* Both the button turned off and the one turned on report; act once. */
  if (gtk_toggle_button_get_active (button))
    update_filter (self);
}

static void
user_data_changed_cb (PrepSidebar *self,
                      const char  *question_id)
{
  update_filter (self);
}

static void
open_question_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PrepSidebar *self = PREP_SIDEBAR (widget);
  PrepQuestion *question;

  if (self->library == NULL)
    return;

  question = prep_library_lookup_question (self->library, g_variant_get_string (parameter, NULL));
  if (question != NULL)
    {
      prep_sidebar_set_selected_question (self, question);
      g_signal_emit (self, signals [QUESTION_ACTIVATED], 0, question);
    }
}

/* Finds the tree position of @question, expanding its category if needed. */
static guint
find_question_position (PrepSidebar  *self,
                        PrepQuestion *question)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  const char *category_id = prep_question_get_category_id (question);

  /* From category to category, over the rows of those expanded: the
   * position is found in the number of categories, not of questions. */
  for (guint i = 0; i < n; )
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
      GListModel *children = gtk_tree_list_row_get_children (row);
      GListModel *questions;
      guint index;

      if (!PREP_IS_CATEGORY (item) ||
          g_strcmp0 (prep_category_get_id (PREP_CATEGORY (item)), category_id) != 0)
        {
          i += 1 + (gtk_tree_list_row_get_expanded (row) && children ? g_list_model_get_n_items (children) : 0);
          continue;
        }

      questions = prep_category_get_questions (PREP_CATEGORY (item));
      if (!g_list_store_find (G_LIST_STORE (questions), question, &index))
        break;

      gtk_tree_list_row_set_expanded (row, TRUE);
      return i + 1 + index;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
sync_selection (PrepSidebar *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->tree == NULL)
    return;

  if (self->selected_question != NULL)
    position = find_question_position (self, self->selected_question);

  if (position == gtk_single_selection_get_selected (self->selection))
    return;

  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static gboolean
prep_sidebar_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (PREP_SIDEBAR (widget)->list_view));
}

static void
prep_sidebar_dispose (GObject *object)
{
  PrepSidebar *self = (PrepSidebar *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PREP_TYPE_SIDEBAR);
  /* Template children that are not bound to a field stay parented. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->filtered_selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->library);
  g_clear_object (&self->user_data);
  g_clear_object (&self->reviews);
  g_clear_object (&self->search);
  g_clear_object (&self->search_selection);
  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->selected_question);

  G_OBJECT_CLASS (prep_sidebar_parent_class)->dispose (object);
}

static void
prep_sidebar_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PrepSidebar *self = PREP_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_SELECTED_QUESTION:
      g_value_set_object (value, self->selected_question);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_sidebar_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PrepSidebar *self = PREP_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      prep_sidebar_set_library (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_QUESTION:
      prep_sidebar_set_selected_question (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_sidebar_class_init (PrepSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prep_sidebar_dispose;
  object_class->get_property = prep_sidebar_get_property;
  object_class->set_property = prep_sidebar_set_property;

  widget_class->grab_focus = prep_sidebar_grab_focus;

  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PREP_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SELECTED_QUESTION] =
    g_param_spec_object ("selected-question", NULL, NULL, PREP_TYPE_QUESTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PrepSidebar::question-activated:
   *
   * The user opened a question (click or Enter), as opposed to moving the
   * selection with the keyboard.
   */
  signals [QUESTION_ACTIVATED] =
    g_signal_new ("question-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PREP_TYPE_QUESTION);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "prepsidebar");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/llmprep/LlmPrep/ui/prep-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, filtered_view);
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, due_button);
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, search_view);
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, filter_bar);
  gtk_widget_class_bind_template_callback (widget_class, setup_result_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_result_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_result_activate_cb);
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, all_button);
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, bookmarked_button);
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, notes_button);
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, all_count);
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, bookmarked_count);
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, notes_count);
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, due_count);
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, empty_status);
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, bar_stack);
  gtk_widget_class_bind_template_child (widget_class, PrepSidebar, count_label);
  gtk_widget_class_bind_template_callback (widget_class, setup_flat_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_flat_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_flat_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, filtered_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row_cb);

  gtk_widget_class_install_action (widget_class, "sidebar.open-question", "s", open_question_action);
}

static void
prep_sidebar_init (PrepSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->search_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->search_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->search_selection, TRUE);
  g_signal_connect_swapped (self->search_selection, "selection-changed",
                            G_CALLBACK (search_selection_changed_cb), self);
  gtk_list_view_set_model (self->search_view, GTK_SELECTION_MODEL (self->search_selection));

  /* Typing anywhere in the sidebar starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

/**
 * prep_sidebar_get_library:
 *
 * Returns: (transfer none) (nullable): the library shown
 */
PrepLibrary *
prep_sidebar_get_library (PrepSidebar *self)
{
  g_return_val_if_fail (PREP_IS_SIDEBAR (self), NULL);

  return self->library;
}

void
prep_sidebar_set_library (PrepSidebar *self,
                          PrepLibrary *library)
{
  g_return_if_fail (PREP_IS_SIDEBAR (self));
  g_return_if_fail (!library || PREP_IS_LIBRARY (library));

  if (self->library == library)
    return;

  if (self->library != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->library, library_locale_cb, self);
      g_signal_handlers_disconnect_by_func (prep_library_get_questions (self->library), questions_changed_cb, self);
    }
  g_set_object (&self->library, library);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  if (self->filtered_selection != NULL)
    g_signal_handlers_disconnect_by_func (self->filtered_selection, filtered_selection_changed_cb, self);
  gtk_list_view_set_model (self->list_view, NULL);
  gtk_list_view_set_model (self->filtered_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->filtered_selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  if (library != NULL)
    {
      GListModel *categories = prep_library_get_categories (library);

      /* Categories start collapsed, with their counts, except the one of
       * the selected question: a short list to choose from, and each
       * row costs start-up time (GTK 4.8 creates a widget per row). */
      self->tree = gtk_tree_list_model_new (g_object_ref (categories), FALSE, FALSE,
                                            create_child_model_cb, NULL, NULL);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_swapped (self->selection, "selection-changed",
                                G_CALLBACK (selection_changed_cb), self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

      g_clear_object (&self->search);
      g_clear_pointer (&self->query, g_free);
      g_signal_connect_object (library, "notify::locale", G_CALLBACK (library_locale_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (prep_library_get_questions (library), "items-changed",
                               G_CALLBACK (questions_changed_cb), self, G_CONNECT_SWAPPED);
      self->filter = gtk_custom_filter_new (filter_match_cb, self, NULL);
      self->filtered = gtk_filter_list_model_new (g_object_ref (prep_library_get_questions (library)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
      self->filtered_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
      gtk_single_selection_set_autoselect (self->filtered_selection, FALSE);
      gtk_single_selection_set_can_unselect (self->filtered_selection, TRUE);
      gtk_single_selection_set_selected (self->filtered_selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_swapped (self->filtered_selection, "selection-changed",
                                G_CALLBACK (filtered_selection_changed_cb), self);
      gtk_list_view_set_model (self->filtered_view, GTK_SELECTION_MODEL (self->filtered_selection));

      sync_selection (self);
      update_filter (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIBRARY]);
}

/**
 * prep_sidebar_get_selected_question:
 *
 * Returns: (transfer none) (nullable): the selected question
 */
PrepQuestion *
prep_sidebar_get_selected_question (PrepSidebar *self)
{
  g_return_val_if_fail (PREP_IS_SIDEBAR (self), NULL);

  return self->selected_question;
}

void
prep_sidebar_set_selected_question (PrepSidebar  *self,
                                    PrepQuestion *question)
{
  g_return_if_fail (PREP_IS_SIDEBAR (self));
  g_return_if_fail (!question || PREP_IS_QUESTION (question));

  if (!g_set_object (&self->selected_question, question))
    return;

  sync_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_QUESTION]);
}

/**
 * prep_sidebar_set_reviews:
 *
 * Counts and filters the questions due for review. Set it before the
 * library.
 */
void
prep_sidebar_set_reviews (PrepSidebar     *self,
                          PrepReviewStore *reviews)
{
  g_return_if_fail (PREP_IS_SIDEBAR (self));
  g_return_if_fail (self->library == NULL);

  g_set_object (&self->reviews, reviews);
}

/**
 * prep_sidebar_refresh_due:
 *
 * Counts again what is due, after a review or when a new day starts.
 */
void
prep_sidebar_refresh_due (PrepSidebar *self)
{
  g_return_if_fail (PREP_IS_SIDEBAR (self));

  update_filter (self);
}

/**
 * prep_sidebar_set_user_data:
 *
 * Shows the user's bookmarks as stars on the question rows. Set it before
 * the library: rows take it when they are bound.
 */
void
prep_sidebar_set_user_data (PrepSidebar  *self,
                            PrepUserData *user_data)
{
  g_return_if_fail (PREP_IS_SIDEBAR (self));
  g_return_if_fail (self->library == NULL);

  if (self->user_data != NULL)
    g_signal_handlers_disconnect_by_func (self->user_data, user_data_changed_cb, self);
  if (g_set_object (&self->user_data, user_data) && user_data != NULL)
    g_signal_connect_object (user_data, "changed", G_CALLBACK (user_data_changed_cb),
                             self, G_CONNECT_SWAPPED);
}

/**
 * prep_sidebar_start_search:
 *
 * Puts the focus in the search entry, its text selected (Ctrl+K).
 */
void
prep_sidebar_start_search (PrepSidebar *self)
{
  g_return_if_fail (PREP_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * prep_sidebar_get_search_text:
 *
 * Returns: what is being searched for; empty when not searching
 */
const char *
prep_sidebar_get_search_text (PrepSidebar *self)
{
  g_return_val_if_fail (PREP_IS_SIDEBAR (self), "");

  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

/**
 * prep_sidebar_search:
 *
 * Searches for @text as if it had been typed.
 */
void
prep_sidebar_search (PrepSidebar *self,
                     const char  *text)
{
  g_return_if_fail (PREP_IS_SIDEBAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  search_changed_cb (self);
}

/**
 * prep_sidebar_get_search_results:
 *
 * Returns: (transfer none) (nullable): the results on show
 */
GListModel *
prep_sidebar_get_search_results (PrepSidebar *self)
{
  g_return_val_if_fail (PREP_IS_SIDEBAR (self), NULL);

  return gtk_single_selection_get_model (self->search_selection);
}
