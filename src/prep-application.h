/* prep-application.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prep-types.h"

G_BEGIN_DECLS

#define PREP_TYPE_APPLICATION (prep_application_get_type())

G_DECLARE_FINAL_TYPE (PrepApplication, prep_application, PREP, APPLICATION, AdwApplication)

PrepApplication *prep_application_new               (GApplicationFlags  flags);
PrepLibrary     *prep_application_get_library       (PrepApplication   *self);
const GError    *prep_application_get_load_error    (PrepApplication   *self);
PrepUserData    *prep_application_get_user_data     (PrepApplication   *self);
const GError    *prep_application_get_user_data_error (PrepApplication *self);
PrepReviewStore *prep_application_get_reviews       (PrepApplication *self);
const GError    *prep_application_get_reviews_error (PrepApplication *self);
PrepWindow      *prep_application_get_main_window   (PrepApplication   *self);
PrepPackStore   *prep_application_get_pack_store    (PrepApplication   *self);
int              prep_validate_files                (const char * const *files,
                                                     gboolean            strict,
                                                     GString            *out,
                                                     GString            *err);

G_END_DECLS
