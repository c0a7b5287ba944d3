/* prep-category.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-category"

#include "config.h"

#include "prep-category-private.h"
#include "prep-question.h"

struct _PrepCategory
{
  GObject     parent_instance;

  char       *id;
  char       *pack_id;  /* the user's pack that defines it, NULL when bundled */
  PrepText   *title;
  PrepText   *description;
  const char *locale;
  GListStore *questions;
  guint       position;
};

G_DEFINE_FINAL_TYPE (PrepCategory, prep_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_POSITION,
  PROP_QUESTIONS,
  PROP_N_QUESTIONS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
prep_category_finalize (GObject *object)
{
  PrepCategory *self = (PrepCategory *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->pack_id, g_free);
  g_clear_pointer (&self->title, prep_text_unref);
  g_clear_pointer (&self->description, prep_text_unref);
  g_clear_object (&self->questions);

  G_OBJECT_CLASS (prep_category_parent_class)->finalize (object);
}

static void
prep_category_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PrepCategory *self = PREP_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, prep_category_get_title (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, prep_category_get_description (self));
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_QUESTIONS:
      g_value_set_object (value, self->questions);
      break;

    case PROP_N_QUESTIONS:
      g_value_set_uint (value, prep_category_get_n_questions (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_category_class_init (PrepCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prep_category_finalize;
  object_class->get_property = prep_category_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_QUESTIONS] =
    g_param_spec_object ("questions", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_QUESTIONS] =
    g_param_spec_uint ("n-questions", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prep_category_init (PrepCategory *self)
{
  self->questions = g_list_store_new (PREP_TYPE_QUESTION);
}

PrepCategory *
prep_category_new (const char *id,
                   PrepText   *title,
                   PrepText   *description,
                   const char *locale)
{
  PrepCategory *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (PREP_TYPE_CATEGORY, NULL);
  self->id = g_strdup (id);
  self->title = prep_text_ref (title);
  self->description = description ? prep_text_ref (description) : NULL;
  self->locale = g_intern_string (locale);

  return self;
}

const char *
prep_category_get_id (PrepCategory *self)
{
  g_return_val_if_fail (PREP_IS_CATEGORY (self), NULL);

  return self->id;
}

void
_prep_category_set_locale (PrepCategory *self,
                           const char   *locale)
{
  g_return_if_fail (PREP_IS_CATEGORY (self));

  locale = g_intern_string (locale);
  if (self->locale == locale)
    return;

  self->locale = locale;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

const char *
prep_category_get_title (PrepCategory *self)
{
  g_return_val_if_fail (PREP_IS_CATEGORY (self), NULL);

  return prep_text_get (self->title, self->locale);
}

/**
 * prep_category_get_title_text:
 *
 * Returns: (transfer none): the title in every content locale
 */
PrepText *
prep_category_get_title_text (PrepCategory *self)
{
  g_return_val_if_fail (PREP_IS_CATEGORY (self), NULL);

  return self->title;
}

const char *
prep_category_get_description (PrepCategory *self)
{
  g_return_val_if_fail (PREP_IS_CATEGORY (self), NULL);

  return prep_text_get (self->description, self->locale);
}

/**
 * prep_category_get_position:
 *
 * Returns: the category's 0-based place in the library's order
 */
guint
prep_category_get_position (PrepCategory *self)
{
  g_return_val_if_fail (PREP_IS_CATEGORY (self), 0);

  return self->position;
}

/**
 * prep_category_get_questions:
 *
 * Returns: (transfer none): a #GListModel of #PrepQuestion, in content order
 */
GListModel *
prep_category_get_questions (PrepCategory *self)
{
  g_return_val_if_fail (PREP_IS_CATEGORY (self), NULL);

  return G_LIST_MODEL (self->questions);
}

guint
prep_category_get_n_questions (PrepCategory *self)
{
  g_return_val_if_fail (PREP_IS_CATEGORY (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->questions));
}

/**
 * prep_category_get_n_answered:
 *
 * Returns: how many of the category's questions have an answer written
 */
guint
prep_category_get_n_answered (PrepCategory *self)
{
  guint n = 0;

  g_return_val_if_fail (PREP_IS_CATEGORY (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->questions)); i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (G_LIST_MODEL (self->questions), i);
      n += prep_question_get_has_answer (question);
    }

  return n;
}

void
_prep_category_set_position (PrepCategory *self,
                             guint         position)
{
  g_return_if_fail (PREP_IS_CATEGORY (self));

  if (self->position != position)
    {
      self->position = position;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_POSITION]);
    }
}

void
_prep_category_add_question (PrepCategory *self,
                             PrepQuestion *question)
{
  g_return_if_fail (PREP_IS_CATEGORY (self));
  g_return_if_fail (PREP_IS_QUESTION (question));

  g_list_store_append (self->questions, question);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_QUESTIONS]);
}

/* Adds and removes questions in one change of the model, so that a pack of
 * thousands is one items-changed, not thousands. */
void
_prep_category_splice_questions (PrepCategory  *self,
                                 guint          position,
                                 guint          n_removals,
                                 PrepQuestion **additions,
                                 guint          n_additions)
{
  g_return_if_fail (PREP_IS_CATEGORY (self));

  g_list_store_splice (self->questions, position, n_removals, (gpointer *) additions, n_additions);
  if (n_removals != n_additions)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_QUESTIONS]);
}

/* Only before the category is in a library: an import's rename. */
void
_prep_category_set_id (PrepCategory *self,
                       const char   *id)
{
  g_return_if_fail (PREP_IS_CATEGORY (self));
  g_return_if_fail (id != NULL);

  g_free (self->id);
  self->id = g_strdup (id);
}

void
_prep_category_set_pack_id (PrepCategory *self,
                            const char   *pack_id)
{
  g_return_if_fail (PREP_IS_CATEGORY (self));

  g_free (self->pack_id);
  self->pack_id = g_strdup (pack_id);
}

/**
 * prep_category_get_pack_id:
 *
 * Returns: (nullable): the id of the user's pack that defines the
 *   category, or %NULL for a bundled one
 */
const char *
prep_category_get_pack_id (PrepCategory *self)
{
  g_return_val_if_fail (PREP_IS_CATEGORY (self), NULL);

  return self->pack_id;
}

PrepText *
_prep_category_get_title_text (PrepCategory *self)
{
  g_return_val_if_fail (PREP_IS_CATEGORY (self), NULL);

  return self->title;
}

PrepText *
_prep_category_get_description_text (PrepCategory *self)
{
  g_return_val_if_fail (PREP_IS_CATEGORY (self), NULL);

  return self->description;
}
