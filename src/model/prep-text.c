/* prep-text.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-text"

#include "config.h"

#include <string.h>

#include "prep-text.h"

/* A localized content string: one value per content locale. There are only
 * two content locales, so a tiny fixed array beats a hash table. */
struct _PrepText
{
  char *values[2];
};

static const char * const content_locales[] = { "zh_TW", "en", NULL };

G_DEFINE_BOXED_TYPE (PrepText, prep_text, prep_text_ref, prep_text_unref)

static int
locale_index (const char *locale)
{
  for (guint i = 0; content_locales[i] != NULL; i++)
    {
      if (g_strcmp0 (content_locales[i], locale) == 0)
        return i;
    }

  return -1;
}

const char * const *
prep_content_locales (void)
{
  return content_locales;
}

gboolean
prep_content_locale_is_known (const char *locale)
{
  return locale_index (locale) >= 0;
}

/**
 * prep_content_locale_for_languages:
 * @languages: (nullable): language names in order of preference, as
 *   returned by g_get_language_names(); %NULL for the process's own
 *
 * Picks the content locale for a UI language list. Any Chinese variant
 * gets Traditional Chinese (the only Chinese content), English gets
 * English, and everything else falls back to %PREP_CONTENT_LOCALE_DEFAULT.
 */
const char *
prep_content_locale_for_languages (const char * const *languages)
{
  if (languages == NULL)
    languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char *lang = languages[i];

      if (g_str_has_prefix (lang, "zh"))
        return "zh_TW";
      if (g_str_equal (lang, "en") || g_str_has_prefix (lang, "en_") || g_str_has_prefix (lang, "en."))
        return "en";
    }

  return PREP_CONTENT_LOCALE_DEFAULT;
}

/**
 * prep_content_locale_for_setting:
 * @setting: (nullable): the content-language setting: a content locale,
 *   or "auto"
 *
 * Returns: the content locale to show: @setting if it is a known locale,
 *   otherwise the one for the UI language (see
 *   prep_content_locale_for_languages())
 */
const char *
prep_content_locale_for_setting (const char *setting)
{
  if (prep_content_locale_is_known (setting))
    return content_locales[locale_index (setting)];

  return prep_content_locale_for_languages (NULL);
}

PrepText *
prep_text_new (void)
{
  return g_atomic_rc_box_new0 (PrepText);
}

static void
prep_text_clear (PrepText *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->values); i++)
    g_clear_pointer (&self->values[i], g_free);
}

PrepText *
prep_text_ref (PrepText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
prep_text_unref (PrepText *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) prep_text_clear);
}

void
prep_text_set (PrepText   *self,
               const char *locale,
               const char *value)
{
  int idx;

  g_return_if_fail (self != NULL);

  idx = locale_index (locale);
  g_return_if_fail (idx >= 0);

  g_free (self->values[idx]);
  self->values[idx] = g_strdup (value);
}

/**
 * prep_text_lookup:
 *
 * Returns: (nullable): the value for exactly @locale, without fallback
 */
const char *
prep_text_lookup (PrepText   *self,
                  const char *locale)
{
  int idx;

  g_return_val_if_fail (self != NULL, NULL);

  idx = locale_index (locale);
  return idx >= 0 ? self->values[idx] : NULL;
}

/**
 * prep_text_get:
 *
 * Returns: the value for @locale, or the default locale's value when
 *   @locale has none, or any other (a user's text may be in one locale
 *   only); "" only for an empty text
 */
const char *
prep_text_get (PrepText   *self,
               const char *locale)
{
  const char *value;

  if (self == NULL)
    return "";

  if ((value = prep_text_lookup (self, locale)))
    return value;

  if ((value = prep_text_lookup (self, PREP_CONTENT_LOCALE_DEFAULT)))
    return value;

  for (guint i = 0; i < G_N_ELEMENTS (self->values); i++)
    if (self->values[i] != NULL)
      return self->values[i];

  return "";
}

/**
 * prep_text_is_empty:
 *
 * Returns: whether @self has a value in no locale
 */
gboolean
prep_text_is_empty (PrepText *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (self->values); i++)
    if (self->values[i] != NULL)
      return FALSE;

  return TRUE;
}
