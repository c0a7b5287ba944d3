/* prep-text.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "prep-types.h"

G_BEGIN_DECLS

/* The locale every localized content string must have, and the one used
 * when the UI locale has no translation. */
#define PREP_CONTENT_LOCALE_DEFAULT "zh_TW"

#define PREP_TYPE_TEXT (prep_text_get_type ())

GType        prep_text_get_type             (void) G_GNUC_CONST;
PrepText    *prep_text_new                  (void);
PrepText    *prep_text_ref                  (PrepText   *self);
void         prep_text_unref                (PrepText   *self);
void         prep_text_set                  (PrepText   *self,
                                             const char *locale,
                                             const char *value);
const char  *prep_text_get                  (PrepText   *self,
                                             const char *locale);
gboolean     prep_text_is_empty             (PrepText   *self);
const char  *prep_text_lookup               (PrepText   *self,
                                             const char *locale);
gboolean     prep_content_locale_is_known   (const char *locale);
const char * const *prep_content_locales    (void);
const char  *prep_content_locale_for_languages (const char * const *languages);
const char  *prep_content_locale_for_setting   (const char *setting);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrepText, prep_text_unref)

G_END_DECLS
