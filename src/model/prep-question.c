/* prep-question.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-question"

#include "config.h"

#include <glib/gi18n.h>

#include "prep-content-loader.h"
#include "prep-question-private.h"

G_DEFINE_ENUM_TYPE (PrepDifficulty, prep_difficulty,
  G_DEFINE_ENUM_VALUE (PREP_DIFFICULTY_BASIC, "basic"),
  G_DEFINE_ENUM_VALUE (PREP_DIFFICULTY_INTERMEDIATE, "intermediate"),
  G_DEFINE_ENUM_VALUE (PREP_DIFFICULTY_ADVANCED, "advanced"))

G_DEFINE_ENUM_TYPE (PrepOrigin, prep_origin,
  G_DEFINE_ENUM_VALUE (PREP_ORIGIN_SEED, "seed"),
  G_DEFINE_ENUM_VALUE (PREP_ORIGIN_ADDED, "added"),
  G_DEFINE_ENUM_VALUE (PREP_ORIGIN_USER, "user"))

G_DEFINE_FINAL_TYPE (PrepQuestion, prep_question, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CATEGORY,
  PROP_CATEGORY_ID,
  PROP_TITLE,
  PROP_SHORT_ANSWER,
  PROP_DETAILED_ANSWER,
  PROP_HAS_ANSWER,
  PROP_DIFFICULTY,
  PROP_ORIGIN,
  PROP_TAGS,
  PROP_LAST_REVIEWED,
  PROP_LOCALE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
source_free (PrepQuestionSource *source)
{
  g_bytes_unref (source->bytes);
  g_free (source->file);
  g_free (source);
}

static void
prep_question_finalize (GObject *object)
{
  PrepQuestion *self = (PrepQuestion *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->category_id, g_free);
  g_clear_pointer (&self->pack_id, g_free);
  g_weak_ref_clear (&self->category);
  g_clear_pointer (&self->title, prep_text_unref);
  g_clear_pointer (&self->short_answer, prep_text_unref);
  g_clear_pointer (&self->detailed_answer, prep_text_unref);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->last_reviewed, g_free);
  g_clear_pointer (&self->key_points, g_ptr_array_unref);
  g_clear_pointer (&self->follow_ups, g_ptr_array_unref);
  g_clear_pointer (&self->pitfalls, g_ptr_array_unref);
  g_clear_pointer (&self->quiz_items, g_ptr_array_unref);
  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_clear_pointer (&self->source, source_free);

  G_OBJECT_CLASS (prep_question_parent_class)->finalize (object);
}

static void
prep_question_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PrepQuestion *self = PREP_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CATEGORY:
      g_value_take_object (value, prep_question_dup_category (self));
      break;

    case PROP_CATEGORY_ID:
      g_value_set_string (value, self->category_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, prep_question_get_title (self));
      break;

    case PROP_SHORT_ANSWER:
      g_value_set_string (value, prep_question_get_short_answer (self));
      break;

    case PROP_DETAILED_ANSWER:
      g_value_set_string (value, prep_question_get_detailed_answer (self));
      break;

    case PROP_HAS_ANSWER:
      g_value_set_boolean (value, prep_question_get_has_answer (self));
      break;

    case PROP_DIFFICULTY:
      g_value_set_enum (value, self->difficulty);
      break;

    case PROP_ORIGIN:
      g_value_set_enum (value, self->origin);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_LOCALE:
      g_value_set_string (value, self->locale);
      break;

    case PROP_LAST_REVIEWED:
      g_value_set_string (value, prep_question_get_last_reviewed (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_question_class_init (PrepQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = prep_question_finalize;
  object_class->get_property = prep_question_get_property;

  properties [PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties [PROP_CATEGORY] =
    g_param_spec_object ("category", NULL, NULL, PREP_TYPE_CATEGORY, flags);
  properties [PROP_CATEGORY_ID] = g_param_spec_string ("category-id", NULL, NULL, NULL, flags);
  properties [PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties [PROP_SHORT_ANSWER] = g_param_spec_string ("short-answer", NULL, NULL, NULL, flags);
  properties [PROP_DETAILED_ANSWER] =
    g_param_spec_string ("detailed-answer", NULL, NULL, NULL, flags);
  properties [PROP_HAS_ANSWER] = g_param_spec_boolean ("has-answer", NULL, NULL, FALSE, flags);
  properties [PROP_DIFFICULTY] =
    g_param_spec_enum ("difficulty", NULL, NULL,
                       PREP_TYPE_DIFFICULTY, PREP_DIFFICULTY_BASIC, flags);
  properties [PROP_ORIGIN] =
    g_param_spec_enum ("origin", NULL, NULL, PREP_TYPE_ORIGIN, PREP_ORIGIN_SEED, flags);
  properties [PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties [PROP_LAST_REVIEWED] =
    g_param_spec_string ("last-reviewed", NULL, NULL, NULL, flags);
  /* The content locale its texts are shown in: it changes when the
   * library's does, and every text property is notified with it. */
  properties [PROP_LOCALE] = g_param_spec_string ("locale", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prep_question_init (PrepQuestion *self)
{
  g_weak_ref_init (&self->category, NULL);
  self->key_points = g_ptr_array_new_with_free_func ((GDestroyNotify) prep_text_unref);
  self->follow_ups = g_ptr_array_new_with_free_func ((GDestroyNotify) prep_follow_up_free);
  self->pitfalls = g_ptr_array_new_with_free_func ((GDestroyNotify) prep_text_unref);
  self->quiz_items = g_ptr_array_new_with_free_func ((GDestroyNotify) prep_quiz_item_free);
  self->references = g_ptr_array_new_with_free_func ((GDestroyNotify) prep_reference_free);
  self->tags = g_new0 (char *, 1);
}

PrepQuestion *
_prep_question_new (const char *id,
                    const char *locale)
{
  PrepQuestion *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (PREP_TYPE_QUESTION, NULL);
  self->id = g_strdup (id);
  self->locale = g_intern_string (locale ? locale : PREP_CONTENT_LOCALE_DEFAULT);

  return self;
}

void
_prep_question_set_category (PrepQuestion *self,
                             PrepCategory *category)
{
  g_return_if_fail (PREP_IS_QUESTION (self));

  g_weak_ref_set (&self->category, category);
}

void
_prep_question_set_locale (PrepQuestion *self,
                           const char   *locale)
{
  g_return_if_fail (PREP_IS_QUESTION (self));

  locale = g_intern_string (locale ? locale : PREP_CONTENT_LOCALE_DEFAULT);
  if (self->locale == locale)
    return;

  self->locale = locale;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHORT_ANSWER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DETAILED_ANSWER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOCALE]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Called by the library when it adds a question of the user's packs. */
void
_prep_question_set_pack_id (PrepQuestion *self,
                            const char   *pack_id)
{
  g_return_if_fail (PREP_IS_QUESTION (self));

  g_free (self->pack_id);
  self->pack_id = g_strdup (pack_id);
}

/* Only before the question is in a library: an import's rename. */
void
_prep_question_set_id (PrepQuestion *self,
                       const char   *id)
{
  g_return_if_fail (PREP_IS_QUESTION (self));
  g_return_if_fail (id != NULL);

  g_free (self->id);
  self->id = g_strdup (id);
}

/* Only before the question is in a library: an import's rename. */
void
_prep_question_set_category_id (PrepQuestion *self,
                                const char   *category_id)
{
  g_return_if_fail (PREP_IS_QUESTION (self));
  g_return_if_fail (category_id != NULL);

  g_free (self->category_id);
  self->category_id = g_strdup (category_id);
}

/* Called by the content loader for a question read from the index. */
void
_prep_question_set_source (PrepQuestion *self,
                           GBytes       *bytes,
                           const char   *file,
                           gsize         offset,
                           gsize         length,
                           gboolean      has_answer)
{
  PrepQuestionSource *source = g_new0 (PrepQuestionSource, 1);

  source->bytes = g_bytes_ref (bytes);
  source->file = g_strdup (file);
  source->offset = offset;
  source->length = length;
  g_clear_pointer (&self->source, source_free);
  self->source = source;
  self->indexed_has_answer = !!has_answer;
}

/**
 * _prep_question_ensure_loaded:
 *
 * Reads the answers of a question listed by the index, once. A question
 * its file does not describe as the index said keeps what it could read
 * and says why in the log: the bundled content is checked by the tests.
 */
void
_prep_question_ensure_loaded (PrepQuestion *self)
{
  PrepQuestionSource *source = g_steal_pointer (&self->source);
  g_autoptr(GError) error = NULL;

  if (source == NULL)
    return;

  if (!_prep_content_loader_read_answer (self, source->bytes, source->file,
                                         source->offset, source->length, &error))
    g_warning ("%s", error->message);

  source_free (source);
}

const char *
prep_question_get_id (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), NULL);

  return self->id;
}

const char *
prep_question_get_category_id (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), NULL);

  return self->category_id;
}

/**
 * prep_question_get_pack_id:
 *
 * Returns: (nullable): the id of the user's pack the question is in, or
 *   %NULL for a question of the bundled content
 */
const char *
prep_question_get_pack_id (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), NULL);

  return self->pack_id;
}

/**
 * prep_question_dup_category:
 *
 * Returns: (transfer full) (nullable): the category, while its library lives
 */
PrepCategory *
prep_question_dup_category (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), NULL);

  return g_weak_ref_get (&self->category);
}

const char *
prep_question_get_locale (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), NULL);

  return self->locale;
}

/**
 * prep_question_has_locale:
 *
 * Returns: whether the question's answer (its title, for a question not
 *   answered yet) is written in @locale
 */
gboolean
prep_question_has_locale (PrepQuestion *self,
                          const char   *locale)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), FALSE);

  if (self->detailed_answer != NULL)
    return prep_text_lookup (self->detailed_answer, locale) != NULL;

  return prep_text_lookup (self->title, locale) != NULL;
}

const char *
prep_question_get_title (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), NULL);

  return prep_text_get (self->title, self->locale);
}

/**
 * prep_question_get_title_text:
 *
 * Returns: (transfer none): the question in every content locale
 */
PrepText *
prep_question_get_title_text (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), NULL);

  return self->title;
}

const char *
prep_question_get_short_answer (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), NULL);

  _prep_question_ensure_loaded (self);

  return prep_text_get (self->short_answer, self->locale);
}

const char *
prep_question_get_detailed_answer (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), NULL);

  _prep_question_ensure_loaded (self);

  return prep_text_get (self->detailed_answer, self->locale);
}

/**
 * prep_question_get_has_answer:
 *
 * Returns: whether the question has an answer to show (a short or a
 *   detailed one); questions are listed before their answers are written
 */
gboolean
prep_question_get_has_answer (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), FALSE);

  if (self->source != NULL)
    return self->indexed_has_answer;

  return self->short_answer != NULL || self->detailed_answer != NULL;
}

PrepDifficulty
prep_question_get_difficulty (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), PREP_DIFFICULTY_BASIC);

  return self->difficulty;
}

PrepOrigin
prep_question_get_origin (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), PREP_ORIGIN_SEED);

  return self->origin;
}

const char * const *
prep_question_get_tags (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), NULL);

  return (const char * const *) self->tags;
}

/**
 * prep_question_get_last_reviewed:
 *
 * Returns: (nullable): an ISO 8601 date (YYYY-MM-DD)
 */
const char *
prep_question_get_last_reviewed (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), NULL);

  _prep_question_ensure_loaded (self);

  return self->last_reviewed;
}

/**
 * prep_question_get_key_points:
 *
 * Returns: (transfer none) (element-type PrepText): the key points
 */
GPtrArray *
prep_question_get_key_points (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), NULL);

  _prep_question_ensure_loaded (self);

  return self->key_points;
}

/**
 * prep_question_get_follow_ups:
 *
 * Returns: (transfer none) (element-type PrepFollowUp): follow-up questions
 */
GPtrArray *
prep_question_get_follow_ups (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), NULL);

  _prep_question_ensure_loaded (self);

  return self->follow_ups;
}

/**
 * prep_question_get_pitfalls:
 *
 * Returns: (transfer none) (element-type PrepText): common mistakes
 */
GPtrArray *
prep_question_get_pitfalls (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), NULL);

  _prep_question_ensure_loaded (self);

  return self->pitfalls;
}

/**
 * prep_question_get_quiz_items:
 *
 * Returns: (transfer none) (element-type PrepQuizItem): multiple-choice items
 */
GPtrArray *
prep_question_get_quiz_items (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), NULL);

  _prep_question_ensure_loaded (self);

  return self->quiz_items;
}

/**
 * prep_question_get_references:
 *
 * Returns: (transfer none) (element-type PrepReference): sources
 */
GPtrArray *
prep_question_get_references (PrepQuestion *self)
{
  g_return_val_if_fail (PREP_IS_QUESTION (self), NULL);

  _prep_question_ensure_loaded (self);

  return self->references;
}

/**
 * prep_difficulty_to_string:
 *
 * Returns: the difficulty as spelled in the content files
 */
const char *
prep_difficulty_to_string (PrepDifficulty difficulty)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (PREP_TYPE_DIFFICULTY);
  GEnumValue *value = g_enum_get_value (klass, difficulty);

  return value ? value->value_nick : NULL;
}

/**
 * prep_difficulty_get_label:
 *
 * Returns: the difficulty for people, translated
 */
const char *
prep_difficulty_get_label (PrepDifficulty difficulty)
{
  switch (difficulty)
    {
    case PREP_DIFFICULTY_BASIC:
      return _("Basic");
    case PREP_DIFFICULTY_INTERMEDIATE:
      return _("Intermediate");
    case PREP_DIFFICULTY_ADVANCED:
      return _("Advanced");
    default:
      g_return_val_if_reached (NULL);
    }
}
