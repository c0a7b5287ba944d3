/* prep-sidebar-row.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-sidebar-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "prep-category.h"
#include "prep-question.h"
#include "prep-label-text.h"
#include "prep-sidebar-row.h"
#include "prep-user-data.h"
#include "prep-wrap-label.h"

/* The marks after a row's title, in their order from start to end. */
typedef enum {
  MARK_PENDING,
  MARK_YOURS,
  MARK_READ,
  MARK_STAR,
  MARK_COUNT,
  N_MARKS
} Mark;

/* One row of the sidebar tree: a category with its question count, or a
 * question. */
struct _PrepSidebarRow
{
  GtkWidget  parent_instance;

  /* Template widgets */
  PrepWrapLabel *title;

  /* Made when first shown (issue 15): most rows show none of them, and a
   * category opens 20 rows or more at once. */
  GtkWidget *marks[N_MARKS];

  /* Owned references */
  GObject   *item;
  PrepUserData *user_data;
  gulong     title_handler;
  gulong     count_handler;
};

G_DEFINE_FINAL_TYPE (PrepSidebarRow, prep_sidebar_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
click_released_cb (PrepSidebarRow *self,
                   int             n_press,
                   double          x,
                   double          y)
{
  /* A click on a question opens it, which on a narrow window means
   * showing the answer page (keyboard selection only previews); a click
   * anywhere on a category opens or closes it, not just on its arrow. */
  if (PREP_IS_QUESTION (self->item))
    gtk_widget_activate_action (GTK_WIDGET (self), "sidebar.open-question", "s",
                                prep_question_get_id (PREP_QUESTION (self->item)));
  else if (PREP_IS_CATEGORY (self->item))
    gtk_widget_activate_action (GTK_WIDGET (self), "listitem.toggle-expand", NULL);
}

/* A mark's icon and its name for screen readers, also its tooltip where
 * the icon alone does not say it; the count is a label. */
static GtkWidget *
create_mark (Mark mark)
{
  static const struct {
    const char *icon_name;
    const char *label;
    gboolean    tooltip;
    const char *css_classes[3];
  } marks[] = {
    [MARK_PENDING] = { "content-loading-symbolic", N_("Answer coming in a later update"), TRUE, { "dim-label" } },
    [MARK_YOURS] = { "avatar-default-symbolic", N_("Your question"), TRUE, { "dim-label" } },
    [MARK_READ] = { "object-select-symbolic", N_("Read to the end"), TRUE, { "dim-label", "read-mark" } },
    [MARK_STAR] = { "starred-symbolic", N_("Bookmarked"), FALSE, { "bookmark-star" } },
    [MARK_COUNT] = { NULL, NULL, FALSE, { "count", "numeric" } },
  };
  GtkWidget *widget;

  if (marks[mark].icon_name == NULL)
    widget = gtk_label_new (NULL);
  else
    {
      widget = gtk_image_new_from_icon_name (marks[mark].icon_name);
      if (marks[mark].tooltip)
        gtk_widget_set_tooltip_text (widget, _(marks[mark].label));
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(marks[mark].label),
                                      -1);
    }
  gtk_widget_set_css_classes (widget, (const char **) marks[mark].css_classes);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);

  return widget;
}

/* Shows or hides a mark, making it the first time it is shown. */
static void
set_mark_visible (PrepSidebarRow *self,
                  Mark            mark,
                  gboolean        visible)
{
  if (self->marks[mark] == NULL)
    {
      GtkWidget *next = NULL;

      if (!visible)
        return;

      for (Mark later = mark + 1; later < N_MARKS && next == NULL; later++)
        next = self->marks[later];
      self->marks[mark] = create_mark (mark);
      gtk_widget_insert_before (self->marks[mark], GTK_WIDGET (self), next);
    }

  gtk_widget_set_visible (self->marks[mark], visible);
}

static gboolean
get_mark_visible (PrepSidebarRow *self,
                  Mark            mark)
{
  return self->marks[mark] != NULL && gtk_widget_get_visible (self->marks[mark]);
}

/* The star of a bookmark, and a subtle check on an answer read to its
 * end (not both: the star says more). */
static void
update_star (PrepSidebarRow *self)
{
  const char *id = PREP_IS_QUESTION (self->item) ? prep_question_get_id (PREP_QUESTION (self->item)) : NULL;
  gboolean bookmarked = id != NULL && self->user_data != NULL && prep_user_data_get_bookmarked (self->user_data, id);
  gboolean read = id != NULL && self->user_data != NULL && prep_user_data_get_read (self->user_data, id);

  set_mark_visible (self, MARK_STAR, bookmarked);
  set_mark_visible (self, MARK_READ, read && !bookmarked);
}

static void
user_data_changed_cb (PrepSidebarRow *self,
                      const char     *question_id)
{
  if (PREP_IS_QUESTION (self->item) &&
      g_strcmp0 (question_id, prep_question_get_id (PREP_QUESTION (self->item))) == 0)
    update_star (self);
}

static void
prep_sidebar_row_dispose (GObject *object)
{
  PrepSidebarRow *self = (PrepSidebarRow *)object;
  GtkWidget *child;

  prep_sidebar_row_set_user_data (self, NULL);
  g_clear_signal_handler (&self->title_handler, self->item);
  g_clear_signal_handler (&self->count_handler, self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), PREP_TYPE_SIDEBAR_ROW);
  /* The marks, made by hand, are not the template's to dispose of. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  memset (self->marks, 0, sizeof self->marks);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (prep_sidebar_row_parent_class)->dispose (object);
}

static void
prep_sidebar_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PrepSidebarRow *self = PREP_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_sidebar_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PrepSidebarRow *self = PREP_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      prep_sidebar_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The title takes what the marks after it leave. Laid out by hand rather
 * than by a GtkBox, because a box allocating a row asks the wrapping title
 * for its width at the row's height, which only a layout of its text
 * answers. The title (a PrepWrapLabel) asks for a width from its font's
 * metrics, and lays its text out once, at the width the row gives it. */
#define SPACING 6

static void
prep_sidebar_row_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  PrepSidebarRow *self = PREP_SIDEBAR_ROW (widget);
  int marks_width = 0;
  int title_min, title_nat;

  *minimum = *natural = 0;

  for (GtkWidget *child = gtk_widget_get_next_sibling (GTK_WIDGET (self->title));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
      marks_width += child_nat + SPACING;
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum += child_min + SPACING;
          *natural += child_nat + SPACING;
        }
      else
        {
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_nat, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (GTK_WIDGET (self->title), orientation, -1, &title_min, &title_nat, NULL, NULL);
      *minimum += title_min;
      *natural += title_nat;
    }
  else
    {
      if (for_size >= 0)
        for_size = MAX (for_size - marks_width, 0);
      gtk_widget_measure (GTK_WIDGET (self->title), orientation, for_size, &title_min, &title_nat, NULL, NULL);
      *minimum = MAX (*minimum, title_min);
      *natural = MAX (*natural, title_nat);
    }
}

static void
prep_sidebar_row_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  PrepSidebarRow *self = PREP_SIDEBAR_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int end = width;

  for (GtkWidget *child = gtk_widget_get_last_child (widget);
       child != NULL && child != GTK_WIDGET (self->title);
       child = gtk_widget_get_prev_sibling (child))
    {
      int child_width, child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height, NULL, NULL);
      child_height = MIN (child_height, height);
      end -= child_width;
      gtk_widget_size_allocate (child,
                                &(GtkAllocation) { rtl ? width - end - child_width : end,
                                                   (height - child_height) / 2,
                                                   child_width, child_height },
                                -1);
      end -= SPACING;
    }

  gtk_widget_size_allocate (GTK_WIDGET (self->title),
                            &(GtkAllocation) { rtl ? width - MAX (end, 0) : 0, 0, MAX (end, 0), height },
                            -1);
}

static GtkSizeRequestMode
prep_sidebar_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
prep_sidebar_row_class_init (PrepSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prep_sidebar_row_dispose;
  object_class->get_property = prep_sidebar_row_get_property;
  object_class->set_property = prep_sidebar_row_set_property;

  properties [PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = prep_sidebar_row_measure;
  widget_class->size_allocate = prep_sidebar_row_size_allocate;
  widget_class->get_request_mode = prep_sidebar_row_get_request_mode;

  g_type_ensure (PREP_TYPE_WRAP_LABEL);

  gtk_widget_class_set_css_name (widget_class, "prepsidebarrow");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/llmprep/LlmPrep/ui/prep-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PrepSidebarRow, title);
  gtk_widget_class_bind_template_callback (widget_class, click_released_cb);
}

static void
prep_sidebar_row_init (PrepSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
prep_sidebar_row_new (void)
{
  return g_object_new (PREP_TYPE_SIDEBAR_ROW, NULL);
}

/**
 * prep_sidebar_row_get_item:
 *
 * Returns: (transfer none) (nullable): the #PrepCategory or #PrepQuestion
 */
GObject *
prep_sidebar_row_get_item (PrepSidebarRow *self)
{
  g_return_val_if_fail (PREP_IS_SIDEBAR_ROW (self), NULL);

  return self->item;
}

/* A question's title is content: its Chinese is tagged so (see
 * prep-label-text.c). */
static void
set_question_title (PrepSidebarRow *self,
                    PrepQuestion   *question)
{
  const char *title = prep_question_get_title (question);
  g_autoptr(PangoAttrList) attrs = prep_label_text_dup_attributes (title, NULL, G_MAXUINT);

  prep_wrap_label_set_text (self->title, title);
  prep_wrap_label_set_attributes (self->title, attrs);
}

/* The content language changed: the item's title is in the other one. */
static void
title_changed_cb (PrepSidebarRow *self,
                  GParamSpec     *pspec,
                  GObject        *item)
{
  if (PREP_IS_CATEGORY (item))
    prep_wrap_label_set_text (self->title, prep_category_get_title (PREP_CATEGORY (item)));
  else
    set_question_title (self, PREP_QUESTION (item));
}

/* A category's title and count; the count changes as the user's packs
 * add or remove questions. */
static void
update_category (PrepSidebarRow *self)
{
  PrepCategory *category = PREP_CATEGORY (self->item);
  guint n = prep_category_get_n_questions (category);
  guint answered = prep_category_get_n_answered (category);
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;

  /* A category whose answers are not all written says how many are:
   * "3 / 6". */
  if (answered < n)
    {
      /* Translators: answered questions / all questions of a category, e.g. "3 / 6" */
      count = g_strdup_printf (_("%u / %u"), answered, n);
      /* Translators: for screen readers, e.g. "3 of 6 questions answered" */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u question answered",
                                                  "%u of %u questions answered", n), answered, n);
    }
  else
    {
      count = g_strdup_printf ("%u", n);
      /* Translators: how many questions a category has, for screen readers */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", n), n);
    }

  prep_wrap_label_set_text (self->title, prep_category_get_title (category));
  prep_wrap_label_set_attributes (self->title, NULL);
  prep_wrap_label_set_lines (self->title, 2);
  set_mark_visible (self, MARK_COUNT, TRUE);
  gtk_label_set_label (GTK_LABEL (self->marks[MARK_COUNT]), count);
  set_mark_visible (self, MARK_YOURS, FALSE);
  set_mark_visible (self, MARK_PENDING, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "pending");
  gtk_widget_add_css_class (GTK_WIDGET (self), "category");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "question");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->marks[MARK_COUNT]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

void
prep_sidebar_row_set_item (PrepSidebarRow *self,
                           GObject        *item)
{
  g_return_if_fail (PREP_IS_SIDEBAR_ROW (self));
  g_return_if_fail (!item || PREP_IS_CATEGORY (item) || PREP_IS_QUESTION (item));

  if (self->item == item)
    return;

  g_clear_signal_handler (&self->title_handler, self->item);
  g_clear_signal_handler (&self->count_handler, self->item);
  g_set_object (&self->item, item);
  if (item != NULL)
    self->title_handler = g_signal_connect_object (item, "notify::title", G_CALLBACK (title_changed_cb),
                                                   self, G_CONNECT_SWAPPED);
  if (PREP_IS_CATEGORY (item))
    self->count_handler = g_signal_connect_object (item, "notify::n-questions", G_CALLBACK (update_category),
                                                   self, G_CONNECT_SWAPPED);

  if (PREP_IS_CATEGORY (item))
    update_category (self);
  else if (PREP_IS_QUESTION (item))
    {
      gboolean pending = !prep_question_get_has_answer (PREP_QUESTION (item));

      set_question_title (self, PREP_QUESTION (item));
      /* A question whose answer is not written yet looks it. */
      set_mark_visible (self, MARK_PENDING, pending);
      if (pending)
        gtk_widget_add_css_class (GTK_WIDGET (self), "pending");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "pending");
      prep_wrap_label_set_lines (self->title, 3);
      set_mark_visible (self, MARK_COUNT, FALSE);
      /* The user's own questions, from their packs, are marked so. */
      set_mark_visible (self, MARK_YOURS, prep_question_get_pack_id (PREP_QUESTION (item)) != NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self), "question");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "category");
    }

  update_star (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ITEM]);
}

/**
 * prep_sidebar_row_set_user_data:
 * @user_data: (nullable): where bookmarks are, to show a star
 */
void
prep_sidebar_row_set_user_data (PrepSidebarRow *self,
                                PrepUserData   *user_data)
{
  g_return_if_fail (PREP_IS_SIDEBAR_ROW (self));

  if (self->user_data == user_data)
    return;

  if (self->user_data != NULL)
    g_signal_handlers_disconnect_by_func (self->user_data, user_data_changed_cb, self);
  g_set_object (&self->user_data, user_data);
  if (user_data != NULL)
    g_signal_connect_swapped (user_data, "changed", G_CALLBACK (user_data_changed_cb), self);

  update_star (self);
}

/**
 * prep_sidebar_row_get_bookmarked:
 *
 * Returns: whether the row shows a bookmark star
 */
gboolean
prep_sidebar_row_get_bookmarked (PrepSidebarRow *self)
{
  g_return_val_if_fail (PREP_IS_SIDEBAR_ROW (self), FALSE);

  return get_mark_visible (self, MARK_STAR);
}

/**
 * prep_sidebar_row_get_yours:
 *
 * Returns: whether the row shows the mark of the user's own question
 */
gboolean
prep_sidebar_row_get_yours (PrepSidebarRow *self)
{
  g_return_val_if_fail (PREP_IS_SIDEBAR_ROW (self), FALSE);

  return get_mark_visible (self, MARK_YOURS);
}

/**
 * prep_sidebar_row_get_read:
 *
 * Returns: whether the row shows the mark of an answer read to its end
 */
gboolean
prep_sidebar_row_get_read (PrepSidebarRow *self)
{
  g_return_val_if_fail (PREP_IS_SIDEBAR_ROW (self), FALSE);

  return get_mark_visible (self, MARK_READ);
}
