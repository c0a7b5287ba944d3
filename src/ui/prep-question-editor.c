/* prep-question-editor.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-question-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "prep-answer-view.h"
#include "prep-json-store.h"
#include "prep-library.h"
#include "prep-notice-bar.h"
#include "prep-question-editor.h"

/* A form for one question of the user's: a new one, or one of theirs to
 * change. It edits the text of one content locale, the library's, and
 * keeps the other locales' text and every member it does not show (it
 * changes a copy of the question's JSON object). The validator's words
 * are shown under the row they are about as the user types; the form is
 * kept as a draft file while it is open, so that neither a crash nor a
 * failed save loses it. */

/* The answer and its preview side by side from this width of the window
 * (two columns of about 430 px); below it a Preview button swaps them. */
#define WIDE_WIDTH       900
#define CHECK_DELAY_MS   300
#define PREVIEW_DELAY_MS 200
#define DRAFT_DELAY_MS   500
#define DRAFT_VERSION    1
#define N_OPTIONS        4

typedef enum
{
  KIND_KEY_POINT,
  KIND_PITFALL,
  KIND_FOLLOW_UP,
  KIND_QUIZ,
  KIND_REFERENCE,
  N_KINDS
} Kind;

/* The members of the lists, in the order of the kinds. */
static const char * const kind_members[N_KINDS] = {
  "key_points", "pitfalls", "follow_ups", "quiz", "references",
};

/* A place the validator may point at: a row, and the label under it. */
typedef struct
{
  GtkWidget *row;         /* nullable: a message with no row of its own */
  GtkWidget *error_widget;
  GtkLabel  *label;
} Field;

/* The quiz item's fields: its prompt, the four options, the answer (a
 * message under the options), the explanation and the options' own. */
enum {
  QUIZ_PROMPT = 0,
  QUIZ_OPTION = 1,
  QUIZ_ANSWER = QUIZ_OPTION + N_OPTIONS,
  QUIZ_EXPLANATION,
  QUIZ_OPTION_EXPLANATION,
  QUIZ_N_FIELDS = QUIZ_OPTION_EXPLANATION + N_OPTIONS,
};

enum {
  REF_TITLE,
  REF_AUTHORS,
  REF_YEAR,
  REF_VENUE,
  REF_ARXIV,
  REF_URL,
  REF_N_FIELDS,
};

#define MAX_FIELDS QUIZ_N_FIELDS

typedef struct
{
  PrepQuestionEditor *editor;
  Kind                kind;
  GtkWidget          *list;        /* its boxed list, in the section */
  JsonObject         *base;        /* as it was (nullable): other locales are kept */
  Field               fields[MAX_FIELDS];
  guint               n_fields;
  GtkCheckButton     *correct[N_OPTIONS];
  int                 json_index;  /* as last built; -1 when left out */
} Item;

struct _PrepQuestionEditor
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *save_button;
  PrepNoticeBar     *notice;
  GtkScrolledWindow *scroller;
  GtkLabel          *general_error;
  GtkListBox        *general_list;
  GtkWidget         *short_answer_frame;
  GtkTextView       *short_answer_view;
  GtkLabel          *short_answer_error;
  GtkToggleButton   *preview_button;
  GtkWidget         *answer_box;
  GtkWidget         *source_frame;
  GtkWidget         *preview_frame;
  GtkSourceView     *source_view;
  PrepAnswerView    *preview_view;
  GtkWidget         *preview_placeholder;
  GtkLabel          *detailed_answer_error;
  GtkBox            *items_box[N_KINDS];
  GtkLabel          *section_error[N_KINDS];

  /* Made in code */
  AdwEntryRow       *title_row;
  AdwEntryRow       *other_title_row;
  AdwComboRow       *category_row;
  AdwComboRow       *difficulty_row;
  AdwEntryRow       *tags_row;
  Field              title_field;
  Field              other_title_field;
  Field              category_field;
  Field              difficulty_field;
  Field              tags_field;
  Field              short_answer_field;
  Field              detailed_answer_field;
  Field              section_field[N_KINDS];
  Field              general_field;

  /* Owned references */
  PrepPackStore     *store;
  PrepJsonStore     *draft;
  JsonObject        *base;         /* the question as opened */
  char              *replaces_id;
  char              *locale;
  char              *other_locale;   /* the title is required in both */
  char              *draft_key;
  GPtrArray         *items[N_KINDS];
  GPtrArray         *category_ids;
  GHashTable        *issues;       /* path → message shown */

  guint              check_source;
  guint              preview_source;
  guint              draft_source;
  guint              loading : 1;       /* filling the form: no changes */
  guint              dirty : 1;         /* changed since the draft was written */
  guint              draft_pending : 1; /* asking whether to restore a draft */
  guint              saved : 1;
  guint              wide : 1;
  guint              show_preview : 1;
};

G_DEFINE_FINAL_TYPE (PrepQuestionEditor, prep_question_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_PREVIEW,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void changed (PrepQuestionEditor *self);

/* Localized text */

static const char *
localized (JsonObject *object,
           const char *member,
           const char *locale)
{
  JsonNode *node;
  JsonObject *text;

  if (object == NULL || !(node = json_object_get_member (object, member)) || !JSON_NODE_HOLDS_OBJECT (node))
    return "";
  text = json_node_get_object (node);
  node = json_object_get_member (text, locale);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, member)) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static JsonObject *
object_element (JsonObject *object,
                const char *member,
                guint       index)
{
  JsonNode *node;
  JsonArray *array;

  if (object == NULL || !(node = json_object_get_member (object, member)) || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  if (index >= json_array_get_length (array))
    return NULL;
  node = json_array_get_element (array, index);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* A deep copy, so that the form never changes what it was given. */
static JsonObject *
copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) copy = NULL;

  if (object == NULL)
    return json_object_new ();

  node = json_node_init_object (json_node_alloc (), object);
  copy = json_node_copy (node);
  return json_object_ref (json_node_get_object (copy));
}

/* @text in @locale, over the other locales of @base (a localized text
 * object, nullable). */
static JsonNode *
localized_node (JsonObject *base,
                const char *locale,
                const char *text)
{
  JsonObject *object = copy_object (base);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (stripped[0] != '\0')
    json_object_set_string_member (object, locale, stripped);
  else if (json_object_has_member (object, locale))
    json_object_remove_member (object, locale);

  return json_node_init_object (json_node_alloc (), object);
}

static JsonObject *
localized_base (JsonObject *object,
                const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Sets @member of @object to @text in @locale; an optional member left
 * with no text in any locale is removed. */
static void
set_localized (JsonObject *object,
               const char *member,
               const char *locale,
               const char *text,
               gboolean    required)
{
  JsonNode *node = localized_node (localized_base (object, member), locale, text);

  if (!required && json_object_get_size (json_node_get_object (node)) == 0)
    {
      json_node_unref (node);
      if (json_object_has_member (object, member))
        json_object_remove_member (object, member);
      return;
    }

  json_object_set_member (object, member, node);
}

static void
set_string (JsonObject *object,
            const char *member,
            const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (stripped[0] != '\0')
    json_object_set_string_member (object, member, stripped);
  else if (json_object_has_member (object, member))
    json_object_remove_member (object, member);
}

static char *
text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static const char *
entry_text (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Fields */

static GtkWidget *
error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

/* @row in @list, with a row under it for the validator's message, shown
 * only when there is one. */
static void
field_init_in_list (Field      *field,
                    GtkListBox *list,
                    GtkWidget  *row)
{
  GtkWidget *error_row = gtk_list_box_row_new ();
  GtkWidget *label = error_label_new ();

  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_widget_set_focusable (error_row, FALSE);
  gtk_widget_add_css_class (error_row, "error-row");
  gtk_widget_set_visible (error_row, FALSE);

  if (row != NULL)
    gtk_list_box_append (list, row);
  gtk_list_box_append (list, error_row);

  field->row = row;
  field->error_widget = error_row;
  field->label = GTK_LABEL (label);
}

static void
field_init (Field     *field,
            GtkWidget *row,
            GtkLabel  *label)
{
  field->row = row;
  field->error_widget = GTK_WIDGET (label);
  field->label = label;
}

static void
field_set_message (Field      *field,
                   const char *message)
{
  gtk_label_set_text (field->label, message ? message : "");
  gtk_widget_set_visible (field->error_widget, message != NULL);
  if (field->row != NULL)
    {
      if (message != NULL)
        gtk_widget_add_css_class (field->row, "error");
      else
        gtk_widget_remove_css_class (field->row, "error");
    }
  if (message != NULL && field->row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else if (field->row != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Items of the lists */

static void
item_free (Item *item)
{
  g_clear_pointer (&item->base, json_object_unref);
  g_free (item);
}

static void
entry_changed_cb (PrepQuestionEditor *self)
{
  changed (self);
}

static GtkWidget *
entry_row_new (PrepQuestionEditor *self,
               const char         *title,
               const char         *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static void
item_add_entry (Item       *item,
                guint       field,
                const char *title,
                const char *text)
{
  GtkWidget *row = entry_row_new (item->editor, title, text);

  field_init_in_list (&item->fields[field], GTK_LIST_BOX (item->list), row);
  item->n_fields = MAX (item->n_fields, field + 1);
}

static void
remove_clicked_cb (GtkButton *button,
                   Item      *item)
{
  PrepQuestionEditor *self = item->editor;
  GPtrArray *items = self->items[item->kind];
  GtkWidget *focus_next = NULL;
  guint index;

  if (!g_ptr_array_find (items, item, &index))
    return;

  /* The focus goes to the next item's first row, or the previous one's,
   * rather than back to the top of the window. */
  if (index + 1 < items->len)
    focus_next = ((Item *) g_ptr_array_index (items, index + 1))->fields[0].row;
  else if (index > 0)
    focus_next = ((Item *) g_ptr_array_index (items, index - 1))->fields[0].row;

  gtk_box_remove (self->items_box[item->kind], item->list);
  g_ptr_array_remove_index (items, index);
  if (focus_next != NULL)
    gtk_widget_grab_focus (focus_next);
  changed (self);
}

static const char *
remove_label (Kind kind)
{
  switch (kind)
    {
    case KIND_KEY_POINT:
      return _("Remove Key Point");
    case KIND_PITFALL:
      return _("Remove Pitfall");
    case KIND_FOLLOW_UP:
      return _("Remove Follow-Up");
    case KIND_QUIZ:
      return _("Remove Multiple-Choice Item");
    case KIND_REFERENCE:
    case N_KINDS:
    default:
      return _("Remove Reference");
    }
}

static void
correct_toggled_cb (PrepQuestionEditor *self)
{
  changed (self);
}

static Item *
item_new (PrepQuestionEditor *self,
          Kind                kind,
          JsonObject         *base)
{
  const char *locale = self->locale;
  Item *item = g_new0 (Item, 1);
  GtkWidget *remove;

  item->editor = self;
  item->kind = kind;
  item->base = base ? json_object_ref (base) : NULL;
  item->json_index = -1;
  item->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (item->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (item->list, "boxed-list");

  switch (kind)
    {
    case KIND_KEY_POINT:
    case KIND_PITFALL:
      {
        /* A list of localized text: the item is the text itself. */
        const char *text = "";
        JsonNode *node;

        if (base != NULL && (node = json_object_get_member (base, locale)) &&
            json_node_get_value_type (node) == G_TYPE_STRING)
          text = json_node_get_string (node);
        item_add_entry (item, 0, kind == KIND_KEY_POINT ? _("Key Point") : _("Pitfall"), text);
      }
      break;

    case KIND_FOLLOW_UP:
      item_add_entry (item, 0, _("Follow-Up Question"), localized (base, "question", locale));
      item_add_entry (item, 1, _("Answer"), localized (base, "answer", locale));
      break;

    case KIND_QUIZ:
      {
        GtkCheckButton *group = NULL;
        JsonNode *answer = base ? json_object_get_member (base, "answer") : NULL;
        gint64 right = answer && json_node_get_value_type (answer) == G_TYPE_INT64 ? json_node_get_int (answer) : -1;

        item_add_entry (item, QUIZ_PROMPT, C_("multiple choice", "Question"), localized (base, "prompt", locale));
        for (guint i = 0; i < N_OPTIONS; i++)
          {
            JsonObject *option = object_element (base, "options", i);
            g_autofree char *title = NULL;
            g_autofree char *right_label = NULL;
            GtkWidget *check = gtk_check_button_new ();
            const char *text = "";
            JsonNode *node;

            if (option != NULL && (node = json_object_get_member (option, locale)) &&
                json_node_get_value_type (node) == G_TYPE_STRING)
              text = json_node_get_string (node);

            /* Translators: %c is the option's letter, A to D */
            title = g_strdup_printf (_("Option %c"), 'A' + i);
            /* Translators: a check button's accessible name; %c is the option's letter */
            right_label = g_strdup_printf (_("Option %c Is the Right Answer"), 'A' + i);
            item_add_entry (item, QUIZ_OPTION + i, title, text);

            gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
            gtk_widget_set_tooltip_text (check, _("The Right Answer"));
            gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, right_label, -1);
            if (group != NULL)
              gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
            else
              group = GTK_CHECK_BUTTON (check);
            gtk_check_button_set_active (GTK_CHECK_BUTTON (check), right == i);
            g_signal_connect_object (check, "toggled", G_CALLBACK (correct_toggled_cb), self, G_CONNECT_SWAPPED);
            adw_entry_row_add_prefix (ADW_ENTRY_ROW (item->fields[QUIZ_OPTION + i].row), check);
            item->correct[i] = GTK_CHECK_BUTTON (check);
          }
        field_init_in_list (&item->fields[QUIZ_ANSWER], GTK_LIST_BOX (item->list), NULL);
        item_add_entry (item, QUIZ_EXPLANATION, _("Why the Right Answer Is Right"),
                        localized (base, "explanation", locale));
        for (guint i = 0; i < N_OPTIONS; i++)
          {
            JsonObject *explanation = object_element (base, "option_explanations", i);
            g_autofree char *title = NULL;
            const char *text = "";
            JsonNode *node;

            if (explanation != NULL && (node = json_object_get_member (explanation, locale)) &&
                json_node_get_value_type (node) == G_TYPE_STRING)
              text = json_node_get_string (node);
            /* Translators: %c is the option's letter, A to D */
            title = g_strdup_printf (_("About Option %c"), 'A' + i);
            item_add_entry (item, QUIZ_OPTION_EXPLANATION + i, title, text);
          }
      }
      break;

    case KIND_REFERENCE:
      {
        JsonNode *year = base ? json_object_get_member (base, "year") : NULL;
        g_autofree char *year_text = NULL;

        if (year != NULL && json_node_get_value_type (year) == G_TYPE_INT64)
          year_text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (year));
        else if (year != NULL && json_node_get_value_type (year) == G_TYPE_STRING)
          year_text = g_strdup (json_node_get_string (year));

        item_add_entry (item, REF_TITLE, _("Title"), string_member (base, "title"));
        item_add_entry (item, REF_AUTHORS, _("Authors"), string_member (base, "authors"));
        item_add_entry (item, REF_YEAR, _("Year"), year_text);
        gtk_editable_set_max_width_chars (GTK_EDITABLE (item->fields[REF_YEAR].row), 4);
        item_add_entry (item, REF_VENUE, _("Venue"), string_member (base, "venue"));
        item_add_entry (item, REF_ARXIV, _("arXiv Id"), string_member (base, "arxiv"));
        item_add_entry (item, REF_URL, _("Web Address"), string_member (base, "url"));
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (item->fields[REF_YEAR].row), GTK_INPUT_PURPOSE_DIGITS);
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (item->fields[REF_URL].row), GTK_INPUT_PURPOSE_URL);
      }
      break;

    case N_KINDS:
    default:
      g_assert_not_reached ();
    }

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label (kind), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), item);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (item->fields[0].row), remove);

  return item;
}

static Item *
append_item (PrepQuestionEditor *self,
             Kind                kind,
             JsonObject         *base)
{
  Item *item = item_new (self, kind, base);

  g_ptr_array_add (self->items[kind], item);
  gtk_box_append (self->items_box[kind], item->list);
  return item;
}

static gboolean
item_is_blank (Item *item)
{
  if (item->base != NULL)
    return FALSE;

  for (guint i = 0; i < item->n_fields; i++)
    if (item->fields[i].row != NULL && entry_text (item->fields[i].row)[0] != '\0')
      return FALSE;
  for (guint i = 0; i < N_OPTIONS; i++)
    if (item->correct[i] != NULL && gtk_check_button_get_active (item->correct[i]))
      return FALSE;
  return TRUE;
}

static JsonNode *
item_to_json (Item       *item,
              const char *locale)
{
  JsonObject *object;

  if (item->kind == KIND_KEY_POINT || item->kind == KIND_PITFALL)
    return localized_node (item->base, locale, entry_text (item->fields[0].row));

  object = copy_object (item->base);

  switch (item->kind)
    {
    case KIND_FOLLOW_UP:
      set_localized (object, "question", locale, entry_text (item->fields[0].row), TRUE);
      set_localized (object, "answer", locale, entry_text (item->fields[1].row), TRUE);
      break;

    case KIND_QUIZ:
      {
        JsonArray *options = json_array_new ();
        JsonArray *explanations = json_array_new ();
        gboolean any_explanation = localized_base (item->base, "option_explanations") != NULL ||
                                   (item->base && json_object_has_member (item->base, "option_explanations"));
        int right = -1;

        set_localized (object, "prompt", locale, entry_text (item->fields[QUIZ_PROMPT].row), TRUE);
        for (guint i = 0; i < N_OPTIONS; i++)
          {
            const char *why = entry_text (item->fields[QUIZ_OPTION_EXPLANATION + i].row);

            json_array_add_element (options, localized_node (object_element (item->base, "options", i), locale,
                                                             entry_text (item->fields[QUIZ_OPTION + i].row)));
            json_array_add_element (explanations,
                                    localized_node (object_element (item->base, "option_explanations", i),
                                                    locale, why));
            any_explanation |= why[0] != '\0';
            if (gtk_check_button_get_active (item->correct[i]))
              right = (int) i;
          }
        json_object_set_array_member (object, "options", options);
        if (any_explanation)
          json_object_set_array_member (object, "option_explanations", explanations);
        else
          {
            json_array_unref (explanations);
            if (json_object_has_member (object, "option_explanations"))
              json_object_remove_member (object, "option_explanations");
          }
        if (right >= 0)
          json_object_set_int_member (object, "answer", right);
        else if (json_object_has_member (object, "answer"))
          json_object_remove_member (object, "answer");
        set_localized (object, "explanation", locale, entry_text (item->fields[QUIZ_EXPLANATION].row), TRUE);
      }
      break;

    case KIND_REFERENCE:
      {
        g_autofree char *year = g_strstrip (g_strdup (entry_text (item->fields[REF_YEAR].row)));
        char *end = NULL;
        gint64 value;

        set_string (object, "title", entry_text (item->fields[REF_TITLE].row));
        set_string (object, "authors", entry_text (item->fields[REF_AUTHORS].row));
        set_string (object, "venue", entry_text (item->fields[REF_VENUE].row));
        set_string (object, "arxiv", entry_text (item->fields[REF_ARXIV].row));
        set_string (object, "url", entry_text (item->fields[REF_URL].row));
        /* A year that is not a number is kept as written, for the
         * validator to say so under it. */
        value = g_ascii_strtoll (year, &end, 10);
        if (year[0] == '\0')
          {
            if (json_object_has_member (object, "year"))
              json_object_remove_member (object, "year");
          }
        else if (end != NULL && *end == '\0')
          json_object_set_int_member (object, "year", value);
        else
          json_object_set_string_member (object, "year", year);
      }
      break;

    case KIND_KEY_POINT:
    case KIND_PITFALL:
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }

  return json_node_init_object (json_node_alloc (), object);
}

/* The form as a question object */

static const char *
selected_id (AdwComboRow *row,
             GPtrArray   *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < ids->len ? g_ptr_array_index (ids, selected) : "";
}

static char **
split_tags (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) commas = g_string_new (text);
  g_auto(GStrv) parts = NULL;

  /* Commas, also the Chinese ones; a space inside a tag is the
   * validator's to point out, not ours to split at. */
  g_string_replace (commas, "，", ",", 0);
  g_string_replace (commas, "、", ",", 0);
  parts = g_strsplit (commas->str, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static const char *
title_text (PrepQuestionEditor *self)
{
  return entry_text (GTK_WIDGET (self->title_row));
}

static gboolean
has_title (PrepQuestionEditor *self)
{
  return !is_blank (title_text (self));
}

/* The question as the form has it: the object it was opened with, the
 * edited locale's text and the form's members replaced. @with_id: give a
 * new question its id (a free one, from its title). */
static JsonObject *
build_question (PrepQuestionEditor *self,
                gboolean            with_id)
{
  JsonObject *object = copy_object (self->base);
  g_autofree char *short_answer = text_view_dup_text (self->short_answer_view);
  g_autofree char *detailed = text_view_dup_text (GTK_TEXT_VIEW (self->source_view));
  g_auto(GStrv) tags = split_tags (entry_text (GTK_WIDGET (self->tags_row)));
  JsonArray *tag_array = json_array_new ();

  if (self->replaces_id != NULL)
    json_object_set_string_member (object, "id", self->replaces_id);
  else if (with_id && self->store != NULL)
    {
      g_autofree char *id = prep_pack_store_new_question_id (self->store, title_text (self));

      json_object_set_string_member (object, "id", id);
    }
  else if (json_object_has_member (object, "id"))
    json_object_remove_member (object, "id");

  json_object_set_string_member (object, "category", selected_id (self->category_row, self->category_ids));
  /* Written in the app, whatever a copied question's origin was. */
  if (self->replaces_id == NULL || !json_object_has_member (object, "origin"))
    json_object_set_string_member (object, "origin", "user");
  set_localized (object, "question", self->locale, title_text (self), TRUE);
  set_localized (object, "question", self->other_locale,
                 entry_text (GTK_WIDGET (self->other_title_row)), TRUE);
  json_object_set_string_member (object, "difficulty",
                                 prep_difficulty_to_string (adw_combo_row_get_selected (self->difficulty_row)));
  for (guint i = 0; tags[i]; i++)
    json_array_add_string_element (tag_array, tags[i]);
  json_object_set_array_member (object, "tags", tag_array);
  set_localized (object, "short_answer", self->locale, short_answer, FALSE);
  /* Markdown keeps its spaces; only an answer of nothing but spaces is
   * none. */
  if (is_blank (detailed))
    set_localized (object, "detailed_answer", self->locale, "", FALSE);
  else
    {
      JsonNode *node = localized_node (localized_base (object, "detailed_answer"), self->locale, "");

      json_object_set_string_member (json_node_get_object (node), self->locale, detailed);
      json_object_set_member (object, "detailed_answer", node);
    }

  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      JsonArray *array = json_array_new ();
      GPtrArray *items = self->items[kind];

      for (guint i = 0; i < items->len; i++)
        {
          Item *item = g_ptr_array_index (items, i);

          /* A row added and left empty is not part of the question. */
          if (item_is_blank (item))
            {
              item->json_index = -1;
              continue;
            }
          item->json_index = (int) json_array_get_length (array);
          json_array_add_element (array, item_to_json (item, self->locale));
        }

      if (json_array_get_length (array) > 0)
        json_object_set_array_member (object, kind_members[kind], array);
      else
        {
          json_array_unref (array);
          if (json_object_has_member (object, kind_members[kind]))
            json_object_remove_member (object, kind_members[kind]);
        }
    }

  return object;
}

/* The validator's messages, under their rows */

static void
add_item_paths (GHashTable *fields,
                Item       *item)
{
  static const char * const quiz_paths[QUIZ_N_FIELDS] = {
    "prompt", "options[0]", "options[1]", "options[2]", "options[3]", "answer", "explanation",
    "option_explanations[0]", "option_explanations[1]", "option_explanations[2]", "option_explanations[3]",
  };
  static const char * const reference_paths[REF_N_FIELDS] = {
    "title", "authors", "year", "venue", "arxiv", "url",
  };
  g_autofree char *prefix = NULL;

  if (item->json_index < 0)
    return;

  prefix = g_strdup_printf ("$.%s[%d]", kind_members[item->kind], item->json_index);
  g_hash_table_insert (fields, g_strdup (prefix), &item->fields[0]);

  switch (item->kind)
    {
    case KIND_FOLLOW_UP:
      g_hash_table_insert (fields, g_strconcat (prefix, ".question", NULL), &item->fields[0]);
      g_hash_table_insert (fields, g_strconcat (prefix, ".answer", NULL), &item->fields[1]);
      break;

    case KIND_QUIZ:
      for (guint i = 0; i < QUIZ_N_FIELDS; i++)
        g_hash_table_insert (fields, g_strconcat (prefix, ".", quiz_paths[i], NULL), &item->fields[i]);
      g_hash_table_insert (fields, g_strconcat (prefix, ".options", NULL), &item->fields[QUIZ_ANSWER]);
      g_hash_table_insert (fields, g_strconcat (prefix, ".option_explanations", NULL),
                           &item->fields[QUIZ_OPTION_EXPLANATION]);
      break;

    case KIND_REFERENCE:
      for (guint i = 0; i < REF_N_FIELDS; i++)
        g_hash_table_insert (fields, g_strconcat (prefix, ".", reference_paths[i], NULL), &item->fields[i]);
      break;

    case KIND_KEY_POINT:
    case KIND_PITFALL:
    case N_KINDS:
    default:
      break;
    }
}

/* The field a JSON path is about: the path itself, or the nearest of its
 * ancestors that has a row ("$.question.zh_TW" is the title's). */
static Field *
lookup_field (GHashTable *fields,
              const char *path)
{
  g_autofree char *p = g_strdup (path);

  for (;;)
    {
      Field *field = g_hash_table_lookup (fields, p);
      char *cut;

      if (field != NULL)
        return field;

      cut = MAX (strrchr (p, '.'), strrchr (p, '['));
      if (cut == NULL || cut == p + 1)
        return NULL;
      *cut = '\0';
    }
}

static GPtrArray *
all_fields (PrepQuestionEditor *self)
{
  GPtrArray *fields = g_ptr_array_new ();

  g_ptr_array_add (fields, &self->general_field);
  g_ptr_array_add (fields, &self->title_field);
  g_ptr_array_add (fields, &self->other_title_field);
  g_ptr_array_add (fields, &self->category_field);
  g_ptr_array_add (fields, &self->difficulty_field);
  g_ptr_array_add (fields, &self->tags_field);
  g_ptr_array_add (fields, &self->short_answer_field);
  g_ptr_array_add (fields, &self->detailed_answer_field);
  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      g_ptr_array_add (fields, &self->section_field[kind]);
      for (guint i = 0; i < self->items[kind]->len; i++)
        {
          Item *item = g_ptr_array_index (self->items[kind], i);

          for (guint f = 0; f < item->n_fields; f++)
            g_ptr_array_add (fields, &item->fields[f]);
        }
    }

  return fields;
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* Shows @issues (PrepContentIssue) under their rows. Returns the first
 * field with a message, in the form's order. */
static Field *
show_issues (PrepQuestionEditor *self,
             GPtrArray          *issues)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) messages = g_hash_table_new_full (NULL, NULL, NULL, string_free);
  g_autoptr(GPtrArray) every = all_fields (self);
  Field *first = NULL;

  g_hash_table_insert (fields, g_strdup ("$"), &self->general_field);
  g_hash_table_insert (fields, g_strdup ("$.id"), &self->title_field);
  g_hash_table_insert (fields, g_strdup ("$.question"), &self->title_field);
  g_hash_table_insert (fields, g_strdup_printf ("$.question.%s", self->other_locale), &self->other_title_field);
  g_hash_table_insert (fields, g_strdup ("$.category"), &self->category_field);
  g_hash_table_insert (fields, g_strdup ("$.difficulty"), &self->difficulty_field);
  g_hash_table_insert (fields, g_strdup ("$.tags"), &self->tags_field);
  g_hash_table_insert (fields, g_strdup ("$.short_answer"), &self->short_answer_field);
  g_hash_table_insert (fields, g_strdup ("$.detailed_answer"), &self->detailed_answer_field);
  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      g_hash_table_insert (fields, g_strconcat ("$.", kind_members[kind], NULL), &self->section_field[kind]);
      for (guint i = 0; i < self->items[kind]->len; i++)
        add_item_paths (fields, g_ptr_array_index (self->items[kind], i));
    }

  g_hash_table_remove_all (self->issues);

  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      PrepContentIssue *issue = g_ptr_array_index (issues, i);
      const char *path = issue->path ? issue->path : "$";
      Field *field = lookup_field (fields, path);
      const char *open = strstr (issue->message, "“");
      const char *close = open ? strstr (open, "”") : NULL;
      GString *text;

      /* "missing required member “answer”" of "$.quiz[0]" is about the
       * answer's row (the options' check buttons), if there is one. */
      if (close != NULL && g_str_has_prefix (issue->message, "missing"))
        {
          g_autofree char *member = g_strndup (open + strlen ("“"), close - open - strlen ("“"));
          g_autofree char *member_path = g_strconcat (path, ".", member, NULL);
          Field *member_field = g_hash_table_lookup (fields, member_path);

          if (member_field != NULL)
            field = member_field;
        }

      /* The schema wants the title in both languages: the validator's
       * "missing locale “en”" is about the other title's row. */
      if (field == &self->title_field && g_str_equal (path, "$.question"))
        {
          g_autofree char *quoted = g_strdup_printf ("“%s”", self->other_locale);

          if (strstr (issue->message, quoted) != NULL)
            field = &self->other_title_field;
        }
      /* No title yet is said by the Save button, not in red. */
      if (field == &self->title_field && !has_title (self))
        continue;
      if (field == NULL)
        field = &self->general_field;

      if ((text = g_hash_table_lookup (messages, field)))
        g_string_append_c (text, '\n');
      else
        g_hash_table_insert (messages, field, (text = g_string_new (NULL)));
      g_string_append (text, issue->message);
      g_hash_table_insert (self->issues, g_strdup (path), g_strdup (issue->message));
    }

  for (guint i = 0; i < every->len; i++)
    {
      Field *field = g_ptr_array_index (every, i);
      GString *text = g_hash_table_lookup (messages, field);

      field_set_message (field, text ? text->str : NULL);
      if (text != NULL && first == NULL)
        first = field;
    }

  return first;
}

static GPtrArray *
check (PrepQuestionEditor *self,
       JsonObject         *question)
{
  if (self->store == NULL)
    return g_ptr_array_new ();

  return prep_pack_store_check_question (self->store, question, self->replaces_id);
}

static gboolean
check_cb (gpointer data)
{
  PrepQuestionEditor *self = data;
  g_autoptr(JsonObject) question = NULL;
  g_autoptr(GPtrArray) issues = NULL;

  self->check_source = 0;
  question = build_question (self, TRUE);
  issues = check (self, question);
  show_issues (self, issues);

  return G_SOURCE_REMOVE;
}

/* The preview */

/* The page's own answer view: tables, code and figures as they will be
 * shown, light or dark. */
static void
render_preview (PrepQuestionEditor *self)
{
  g_autofree char *markdown = text_view_dup_text (GTK_TEXT_VIEW (self->source_view));

  gtk_widget_set_visible (self->preview_placeholder, is_blank (markdown));
  prep_answer_view_set_markdown (self->preview_view, markdown);
}

static gboolean
preview_cb (gpointer data)
{
  PrepQuestionEditor *self = data;

  self->preview_source = 0;
  render_preview (self);
  return G_SOURCE_REMOVE;
}

static void
source_changed_cb (PrepQuestionEditor *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_cb, self);
  changed (self);
}

static void
update_style_scheme (PrepQuestionEditor *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleScheme *scheme;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));

  scheme = gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark" : "Adwaita");
  if (scheme == NULL)
    scheme = gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "classic-dark" : "classic");
  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (buffer), scheme);
}

/* Side by side when wide; one or the other, by the Preview button, when
 * narrow. */
static void
sync_answer_layout (PrepQuestionEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->preview_button), !self->wide);
  gtk_widget_set_visible (self->source_frame, self->wide || !self->show_preview);
  gtk_widget_set_visible (self->preview_frame, self->wide || self->show_preview);
}

static void
update_wide (PrepQuestionEditor *self)
{
  int width = 0, height = 0;
  gboolean wide;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (gtk_window_is_maximized (GTK_WINDOW (self)) || width <= 0)
    width = MAX (width, gtk_widget_get_width (GTK_WIDGET (self)));
  wide = width >= WIDE_WIDTH;

  if (self->wide == wide && gtk_widget_get_visible (GTK_WIDGET (self->preview_button)) == !wide)
    return;

  self->wide = wide;
  sync_answer_layout (self);
}

/* The draft */

/**
 * prep_question_editor_draft_path:
 * @draft_key: a question's id, or "new"
 *
 * Returns: where the draft of the form for @draft_key is kept, under
 *   `$XDG_DATA_HOME/llm-prep/drafts/`
 */
char *
prep_question_editor_draft_path (const char *draft_key)
{
  g_autofree char *name = g_strconcat (draft_key, ".json", NULL);

  g_return_val_if_fail (draft_key != NULL, NULL);

  return g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, "drafts", name, NULL);
}

static gboolean
write_draft (PrepQuestionEditor *self,
             GError            **error)
{
  g_autoptr(JsonObject) root = json_object_new ();

  json_object_set_string_member (root, "locale", self->locale);
  if (self->replaces_id != NULL)
    json_object_set_string_member (root, "replaces", self->replaces_id);
  json_object_set_int_member (root, "saved", g_get_real_time () / G_USEC_PER_SEC);
  json_object_set_object_member (root, "question", build_question (self, FALSE));

  if (!prep_json_store_save (self->draft, root, error))
    return FALSE;

  self->dirty = FALSE;
  return TRUE;
}

static gboolean
draft_cb (gpointer data)
{
  PrepQuestionEditor *self = data;
  g_autoptr(GError) error = NULL;

  self->draft_source = 0;
  if (!write_draft (self, &error))
    g_warning ("Could not keep the draft: %s", error->message);

  return G_SOURCE_REMOVE;
}

/**
 * prep_question_editor_flush_draft:
 *
 * Writes the draft now if the form changed since it was last written.
 *
 * Returns: whether the draft is on disk as the form has it
 */
gboolean
prep_question_editor_flush_draft (PrepQuestionEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PREP_IS_QUESTION_EDITOR (self), FALSE);

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (!self->dirty || self->saved || self->draft_pending)
    return !self->dirty;

  if (!write_draft (self, &error))
    {
      g_warning ("Could not keep the draft: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

static void
remove_draft (PrepQuestionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (prep_json_store_get_path (self->draft));

  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->dirty = FALSE;
  if (!g_file_delete (file, NULL, &error) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not remove the draft: %s", error->message);
}

static void
sync_save (PrepQuestionEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", has_title (self) && !self->draft_pending);
  gtk_widget_set_tooltip_text (self->save_button,
                               has_title (self) ? _("Save Question (Ctrl+S)") : _("A question needs a title"));
}

static void
changed (PrepQuestionEditor *self)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
  sync_save (self);

  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
  if (!self->draft_pending)
    {
      g_clear_handle_id (&self->draft_source, g_source_remove);
      self->draft_source = g_timeout_add (DRAFT_DELAY_MS, draft_cb, self);
    }
}

/* Filling the form */

static void
fill_categories (PrepQuestionEditor *self,
                 const char         *current)
{
  PrepLibrary *library = self->store ? prep_pack_store_get_library (self->store) : NULL;
  GListModel *categories = library ? prep_library_get_categories (library) : NULL;
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint selected = 0;
  gboolean have_default = FALSE;

  g_ptr_array_set_size (self->category_ids, 0);
  for (guint i = 0; categories && i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(PrepCategory) category = g_list_model_get_item (categories, i);

      g_ptr_array_add (self->category_ids, g_strdup (prep_category_get_id (category)));
      gtk_string_list_append (titles, prep_category_get_title (category));
      have_default |= g_str_equal (prep_category_get_id (category), PREP_PACK_DEFAULT_CATEGORY);
    }

  /* The user's own category, made with their first question. */
  if (!have_default)
    {
      g_ptr_array_add (self->category_ids, g_strdup (PREP_PACK_DEFAULT_CATEGORY));
      gtk_string_list_append (titles, _("My Questions"));
    }
  if (current[0] != '\0' && !g_ptr_array_find_with_equal_func (self->category_ids, current, g_str_equal, NULL))
    {
      g_ptr_array_add (self->category_ids, g_strdup (current));
      gtk_string_list_append (titles, current);
    }

  if (!g_ptr_array_find_with_equal_func (self->category_ids, current[0] ? current : PREP_PACK_DEFAULT_CATEGORY,
                                         g_str_equal, &selected))
    selected = 0;

  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->category_row, selected);
}

static void
clear_items (PrepQuestionEditor *self)
{
  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      while (self->items[kind]->len > 0)
        {
          Item *item = g_ptr_array_index (self->items[kind], self->items[kind]->len - 1);

          gtk_box_remove (self->items_box[kind], item->list);
          g_ptr_array_remove_index (self->items[kind], self->items[kind]->len - 1);
        }
    }
}

static void
fill_form (PrepQuestionEditor *self,
           JsonObject         *question)
{
  const char *difficulty = string_member (question, "difficulty");
  JsonNode *tags = json_object_get_member (question, "tags");
  g_autoptr(GString) tag_text = g_string_new (NULL);
  GtkTextBuffer *buffer;

  self->loading = TRUE;

  g_clear_pointer (&self->base, json_object_unref);
  self->base = copy_object (question);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), localized (question, "question", self->locale));
  gtk_editable_set_text (GTK_EDITABLE (self->other_title_row),
                         localized (question, "question", self->other_locale));
  fill_categories (self, string_member (question, "category"));
  adw_combo_row_set_selected (self->difficulty_row,
                              g_str_equal (difficulty, "basic") ? PREP_DIFFICULTY_BASIC
                              : g_str_equal (difficulty, "advanced") ? PREP_DIFFICULTY_ADVANCED
                              : PREP_DIFFICULTY_INTERMEDIATE);

  if (tags != NULL && JSON_NODE_HOLDS_ARRAY (tags))
    {
      JsonArray *array = json_node_get_array (tags);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *tag = json_array_get_element (array, i);

          if (json_node_get_value_type (tag) != G_TYPE_STRING)
            continue;
          if (tag_text->len > 0)
            g_string_append (tag_text, ", ");
          g_string_append (tag_text, json_node_get_string (tag));
        }
    }
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tag_text->str);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->short_answer_view),
                            localized (question, "short_answer", self->locale), -1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, localized (question, "detailed_answer", self->locale), -1);
  gtk_text_buffer_end_irreversible_action (buffer);

  clear_items (self);
  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      JsonNode *node = json_object_get_member (question, kind_members[kind]);
      JsonArray *array;

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        continue;
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          append_item (self, kind, JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL);
        }
    }

  self->loading = FALSE;
  g_clear_handle_id (&self->preview_source, g_source_remove);
  render_preview (self);
  sync_save (self);
}

static void
restore_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     PrepQuestionEditor *self)
{
  self->draft_pending = FALSE;

  if (g_str_equal (response, "discard"))
    remove_draft (self);
  else
    {
      g_autoptr(JsonObject) root = NULL;
      g_autoptr(GError) error = NULL;
      JsonNode *question;

      if (prep_json_store_load (self->draft, &root, &error) == PREP_JSON_STORE_OK && root != NULL &&
          (question = json_object_get_member (root, "question")) && JSON_NODE_HOLDS_OBJECT (question))
        {
          fill_form (self, json_node_get_object (question));
          /* Restored, not yet saved: still a draft. */
          self->dirty = TRUE;
        }
      else
        prep_notice_bar_set_notice (self->notice,
                                    error ? error->message : _("The draft could not be read."),
                                    NULL, NULL, "editor.dismiss-notice");
    }

  sync_save (self);
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/* A draft left by a crash, or by closing the form without saving. */
static void
offer_draft (PrepQuestionEditor *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (prep_json_store_get_path (self->draft));
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return;

  modified = g_file_info_get_modification_date_time (info);
  if (modified != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (modified);

      /* Translators: a date and time format (see g_date_time_format) */
      when = g_date_time_format (local, _("%B %-d, %H:%M"));
    }
  /* Translators: %s is a date and time such as "December 3, 21:40" */
  body = when ? g_strdup_printf (_("Changes from %s were not saved. Restore them to go on where you left off."), when)
              : g_strdup (_("Changes to this question were not saved. Restore them to go on where you left off."));

  self->draft_pending = TRUE;
  sync_save (self);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Restore the Draft?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore Draft"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  /* Escape loses nothing. */
  adw_message_dialog_set_close_response (dialog, "restore");
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
offer_draft_cb (gpointer data)
{
  offer_draft (data);
  return G_SOURCE_REMOVE;
}

/* Once the editor is on screen, so that the question is over it. */
static void
map_cb (PrepQuestionEditor *self)
{
  g_signal_handlers_disconnect_by_func (self, map_cb, NULL);
  g_idle_add_full (G_PRIORITY_LOW, offer_draft_cb, g_object_ref (self), g_object_unref);
}

/* Actions */

static gboolean
destroy_later_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/**
 * prep_question_editor_save:
 *
 * Checks the form and saves it to the user's pack, as Save does; on
 * success the draft is removed, the main window opens the question and
 * the editor closes. Problems are shown under their rows, a failed save
 * in a notice with Retry; the form and its draft stay.
 *
 * Returns: whether the question was saved
 */
gboolean
prep_question_editor_save (PrepQuestionEditor *self)
{
  g_autoptr(JsonObject) question = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  const char *id;
  Field *first;

  g_return_val_if_fail (PREP_IS_QUESTION_EDITOR (self), FALSE);

  if (!has_title (self) || self->saved || self->store == NULL)
    return FALSE;

  g_clear_handle_id (&self->check_source, g_source_remove);
  question = build_question (self, TRUE);
  issues = check (self, question);
  if ((first = show_issues (self, issues)) != NULL)
    {
      prep_notice_bar_set_notice (self->notice, _("The question was not saved: see the problems marked below."),
                                  NULL, NULL, "editor.dismiss-notice");
      gtk_widget_grab_focus (first->row ? first->row : first->error_widget);
      return FALSE;
    }

  if (!prep_pack_store_save_question (self->store, question, self->replaces_id, &error))
    {
      g_autofree char *text = NULL;

      self->dirty = TRUE;
      prep_question_editor_flush_draft (self);
      /* Translators: %s says why */
      text = g_strdup_printf (_("The question could not be saved: %s. It stays here and in a draft."),
                              error->message);
      prep_notice_bar_set_notice (self->notice, text, _("_Retry"), "editor.save", NULL);
      return FALSE;
    }

  self->saved = TRUE;
  remove_draft (self);
  prep_notice_bar_set_notice (self->notice, NULL, NULL, NULL, NULL);

  id = json_object_get_string_member (question, "id");
  if ((parent = gtk_window_get_transient_for (GTK_WINDOW (self))))
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-question", "s", id);

  /* Not from inside the action that got here. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_later_cb, g_object_ref (self), g_object_unref);

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  prep_question_editor_save (PREP_QUESTION_EDITOR (widget));
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PrepQuestionEditor *self = PREP_QUESTION_EDITOR (widget);
  const char *member = g_variant_get_string (parameter, NULL);

  for (guint kind = 0; kind < N_KINDS; kind++)
    if (g_str_equal (member, kind_members[kind]))
      {
        Item *item = append_item (self, kind, NULL);

        gtk_widget_grab_focus (item->fields[0].row);
        changed (self);
        return;
      }
}

static void
dismiss_notice_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  prep_notice_bar_set_notice (PREP_QUESTION_EDITOR (widget)->notice, NULL, NULL, NULL, NULL);
}

/* Closing keeps the draft, if there are changes: the next New Question
 * or Edit offers it back. */
static gboolean
prep_question_editor_close_request (GtkWindow *window)
{
  PrepQuestionEditor *self = PREP_QUESTION_EDITOR (window);

  if (!self->saved)
    prep_question_editor_flush_draft (self);

  return GTK_WINDOW_CLASS (prep_question_editor_parent_class)->close_request (window);
}

/* GObject */

static void
prep_question_editor_dispose (GObject *object)
{
  PrepQuestionEditor *self = (PrepQuestionEditor *)object;

  if (!self->saved && self->draft != NULL && self->items[0] != NULL)
    prep_question_editor_flush_draft (self);

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  for (guint kind = 0; kind < N_KINDS; kind++)
    g_clear_pointer (&self->items[kind], g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PREP_TYPE_QUESTION_EDITOR);

  g_clear_object (&self->store);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->base, json_object_unref);

  G_OBJECT_CLASS (prep_question_editor_parent_class)->dispose (object);
}

static void
prep_question_editor_finalize (GObject *object)
{
  PrepQuestionEditor *self = (PrepQuestionEditor *)object;

  g_free (self->replaces_id);
  g_free (self->locale);
  g_free (self->other_locale);
  g_free (self->draft_key);
  g_clear_pointer (&self->category_ids, g_ptr_array_unref);
  g_clear_pointer (&self->issues, g_hash_table_unref);

  G_OBJECT_CLASS (prep_question_editor_parent_class)->finalize (object);
}

static void
prep_question_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PrepQuestionEditor *self = PREP_QUESTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SHOW_PREVIEW:
      g_value_set_boolean (value, self->show_preview);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_question_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PrepQuestionEditor *self = PREP_QUESTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SHOW_PREVIEW:
      if (self->show_preview != g_value_get_boolean (value))
        {
          self->show_preview = g_value_get_boolean (value);
          sync_answer_layout (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_question_editor_class_init (PrepQuestionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = prep_question_editor_dispose;
  object_class->finalize = prep_question_editor_finalize;
  object_class->get_property = prep_question_editor_get_property;
  object_class->set_property = prep_question_editor_set_property;
  window_class->close_request = prep_question_editor_close_request;

  /**
   * PrepQuestionEditor:show-preview:
   *
   * Whether the narrow layout shows the rendered answer instead of its
   * Markdown (the wide one shows both).
   */
  properties [PROP_SHOW_PREVIEW] =
    g_param_spec_boolean ("show-preview", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (PREP_TYPE_ANSWER_VIEW);
  g_type_ensure (PREP_TYPE_NOTICE_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/llmprep/LlmPrep/ui/prep-question-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, notice);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, general_list);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, short_answer_frame);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, short_answer_view);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, short_answer_error);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, preview_button);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, answer_box);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, source_frame);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, preview_frame);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, source_view);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, preview_view);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, preview_placeholder);
  gtk_widget_class_bind_template_child (widget_class, PrepQuestionEditor, detailed_answer_error);
  gtk_widget_class_bind_template_child_full (widget_class, "key_points_items", FALSE,
                                             G_STRUCT_OFFSET (PrepQuestionEditor, items_box[KIND_KEY_POINT]));
  gtk_widget_class_bind_template_child_full (widget_class, "pitfalls_items", FALSE,
                                             G_STRUCT_OFFSET (PrepQuestionEditor, items_box[KIND_PITFALL]));
  gtk_widget_class_bind_template_child_full (widget_class, "follow_ups_items", FALSE,
                                             G_STRUCT_OFFSET (PrepQuestionEditor, items_box[KIND_FOLLOW_UP]));
  gtk_widget_class_bind_template_child_full (widget_class, "quiz_items", FALSE,
                                             G_STRUCT_OFFSET (PrepQuestionEditor, items_box[KIND_QUIZ]));
  gtk_widget_class_bind_template_child_full (widget_class, "references_items", FALSE,
                                             G_STRUCT_OFFSET (PrepQuestionEditor, items_box[KIND_REFERENCE]));
  gtk_widget_class_bind_template_child_full (widget_class, "key_points_error", FALSE,
                                             G_STRUCT_OFFSET (PrepQuestionEditor, section_error[KIND_KEY_POINT]));
  gtk_widget_class_bind_template_child_full (widget_class, "pitfalls_error", FALSE,
                                             G_STRUCT_OFFSET (PrepQuestionEditor, section_error[KIND_PITFALL]));
  gtk_widget_class_bind_template_child_full (widget_class, "follow_ups_error", FALSE,
                                             G_STRUCT_OFFSET (PrepQuestionEditor, section_error[KIND_FOLLOW_UP]));
  gtk_widget_class_bind_template_child_full (widget_class, "quiz_error", FALSE,
                                             G_STRUCT_OFFSET (PrepQuestionEditor, section_error[KIND_QUIZ]));
  gtk_widget_class_bind_template_child_full (widget_class, "references_error", FALSE,
                                             G_STRUCT_OFFSET (PrepQuestionEditor, section_error[KIND_REFERENCE]));

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-item", "s", add_item_action);
  gtk_widget_class_install_action (widget_class, "editor.dismiss-notice", NULL, dismiss_notice_action);
  gtk_widget_class_install_property_action (widget_class, "editor.preview", "show-preview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
prep_question_editor_init (PrepQuestionEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkTextBuffer *buffer;
  g_autoptr(GtkStringList) difficulties = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "question-editor");

  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      self->items[kind] = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
      field_init (&self->section_field[kind], NULL, self->section_error[kind]);
    }
  self->category_ids = g_ptr_array_new_with_free_func (g_free);
  self->issues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->title_row = ADW_ENTRY_ROW (entry_row_new (self, _("Question"), NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "title-row");
  field_init_in_list (&self->title_field, self->general_list, GTK_WIDGET (self->title_row));

  self->other_title_row = ADW_ENTRY_ROW (entry_row_new (self, "", NULL));
  field_init_in_list (&self->other_title_field, self->general_list, GTK_WIDGET (self->other_title_row));

  self->category_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), _("Category"));
  g_signal_connect_object (self->category_row, "notify::selected", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
  field_init_in_list (&self->category_field, self->general_list, GTK_WIDGET (self->category_row));

  for (guint i = PREP_DIFFICULTY_BASIC; i <= PREP_DIFFICULTY_ADVANCED; i++)
    gtk_string_list_append (difficulties, prep_difficulty_get_label (i));
  self->difficulty_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->difficulty_row), _("Difficulty"));
  adw_combo_row_set_model (self->difficulty_row, G_LIST_MODEL (difficulties));
  adw_combo_row_set_selected (self->difficulty_row, PREP_DIFFICULTY_INTERMEDIATE);
  g_signal_connect_object (self->difficulty_row, "notify::selected", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
  field_init_in_list (&self->difficulty_field, self->general_list, GTK_WIDGET (self->difficulty_row));

  self->tags_row = ADW_ENTRY_ROW (entry_row_new (self, _("Tags, Separated by Commas"), NULL));
  field_init_in_list (&self->tags_field, self->general_list, GTK_WIDGET (self->tags_row));

  field_init (&self->general_field, NULL, self->general_error);
  field_init (&self->short_answer_field, self->short_answer_frame, self->short_answer_error);
  field_init (&self->detailed_answer_field, self->source_frame, self->detailed_answer_error);

  g_signal_connect_object (gtk_text_view_get_buffer (self->short_answer_view), "changed",
                           G_CALLBACK (changed), self, G_CONNECT_SWAPPED);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
  gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (buffer),
                                  gtk_source_language_manager_get_language (languages, "markdown"));
  gtk_source_buffer_set_highlight_syntax (GTK_SOURCE_BUFFER (buffer), TRUE);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (source_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);

  g_signal_connect (self, "notify::default-width", G_CALLBACK (update_wide), NULL);
  g_signal_connect (self, "notify::maximized", G_CALLBACK (update_wide), NULL);
  update_wide (self);
}

/**
 * prep_question_editor_new:
 * @parent: the main window, which opens the question once saved
 * @store: where the question is saved
 * @question: (nullable): the question to change or to start from (a copy
 *   of a bundled one), as an object of the content schema
 * @replaces_id: (nullable): the id of the user's question being changed;
 *   %NULL for a new one
 *
 * Returns: (transfer none): the editor, not yet shown; if a draft of the
 *   same question is on disk, showing it asks whether to restore it
 */
PrepQuestionEditor *
prep_question_editor_new (GtkWindow     *parent,
                          PrepPackStore *store,
                          JsonObject    *question,
                          const char    *replaces_id)
{
  PrepQuestionEditor *self;
  PrepLibrary *library;
  g_autoptr(JsonObject) empty = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (!store || PREP_IS_PACK_STORE (store), NULL);

  self = g_object_new (PREP_TYPE_QUESTION_EDITOR,
                       "transient-for", parent,
                       "modal", FALSE,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = store ? g_object_ref (store) : NULL;
  library = store ? prep_pack_store_get_library (store) : NULL;
  self->locale = g_strdup (library ? prep_library_get_locale (library) : PREP_CONTENT_LOCALE_DEFAULT);
  self->other_locale = g_strdup (g_str_equal (self->locale, "en") ? "zh_TW" : "en");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->other_title_row),
                                 g_str_equal (self->other_locale, "en") ? _("Question in English")
                                                                        : _("Question in Chinese (Taiwan)"));
  self->replaces_id = g_strdup (replaces_id);
  self->draft_key = g_strdup (replaces_id ? replaces_id : "new");
  path = prep_question_editor_draft_path (self->draft_key);
  self->draft = prep_json_store_new (path, DRAFT_VERSION);

  prep_answer_view_set_locale (self->preview_view, self->locale);
  update_style_scheme (self);

  adw_window_title_set_title (self->window_title, replaces_id ? _("Edit Question") : _("New Question"));
  adw_window_title_set_subtitle (self->window_title,
                                 g_str_equal (self->locale, "en") ? _("In English")
                                                                  : _("In Chinese (Taiwan)"));
  gtk_window_set_title (GTK_WINDOW (self), replaces_id ? _("Edit Question") : _("New Question"));

  if (question == NULL)
    question = empty = json_object_new ();
  fill_form (self, question);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  else
    {
      /* A copy of a bundled question is new until saved. */
      self->check_source = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return self;
}

const char *
prep_question_editor_get_draft_key (PrepQuestionEditor *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION_EDITOR (self), NULL);

  return self->draft_key;
}

char *
prep_question_editor_dup_draft_path (PrepQuestionEditor *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION_EDITOR (self), NULL);

  return g_strdup (prep_json_store_get_path (self->draft));
}

/**
 * prep_question_editor_validate_now:
 *
 * Checks the form at once rather than after the pause in typing.
 */
void
prep_question_editor_validate_now (PrepQuestionEditor *self)
{
  g_return_if_fail (PREP_IS_QUESTION_EDITOR (self));

  g_clear_handle_id (&self->check_source, g_source_remove);
  check_cb (self);
}

/**
 * prep_question_editor_get_issue:
 * @path: a JSON path in the question, e.g. "$.tags[0]"
 *
 * Returns: (nullable): the validator's message about @path shown in the
 *   form, as last checked
 */
const char *
prep_question_editor_get_issue (PrepQuestionEditor *self,
                                const char         *path)
{
  g_return_val_if_fail (PREP_IS_QUESTION_EDITOR (self), NULL);

  return g_hash_table_lookup (self->issues, path);
}
