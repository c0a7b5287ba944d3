/* prep-library.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "prep-category.h"
#include "prep-content-loader.h"
#include "prep-question.h"

G_BEGIN_DECLS

/* Where the bundled content lives in the application's GResource. */
#define PREP_CONTENT_RESOURCE_PATH "/io/github/llmprep/LlmPrep/content"

#define PREP_TYPE_LIBRARY (prep_library_get_type())

G_DECLARE_FINAL_TYPE (PrepLibrary, prep_library, PREP, LIBRARY, GObject)

PrepLibrary  *prep_library_new               (const char    *locale);
const char   *prep_library_get_locale        (PrepLibrary   *self);
void          prep_library_set_locale        (PrepLibrary   *self,
                                              const char    *locale);
gboolean      prep_library_load_resources    (PrepLibrary   *self,
                                              const char    *resource_path,
                                              GError       **error);
gboolean      prep_library_load_loader       (PrepLibrary        *self,
                                              PrepContentLoader  *loader,
                                              GError            **error);
GListModel   *prep_library_get_categories    (PrepLibrary   *self);
GListModel   *prep_library_get_questions     (PrepLibrary   *self);
PrepCategory *prep_library_lookup_category   (PrepLibrary   *self,
                                              const char    *id);
PrepQuestion *prep_library_lookup_question   (PrepLibrary   *self,
                                              const char    *id);
gboolean      prep_library_add_user_content  (PrepLibrary   *self,
                                              const char    *pack_id,
                                              GPtrArray     *categories,
                                              GPtrArray     *questions,
                                              GError       **error);
gboolean      prep_library_replace_user_question (PrepLibrary  *self,
                                                  const char   *id,
                                                  PrepQuestion *question,
                                                  GError      **error);
gboolean      prep_library_remove_user_question (PrepLibrary  *self,
                                                 const char   *id,
                                                 GError      **error);
gboolean      prep_library_remove_user_category (PrepLibrary  *self,
                                                 const char   *id,
                                                 GError      **error);
char        **prep_library_dup_category_ids  (PrepLibrary   *self);
char        **prep_library_dup_question_ids  (PrepLibrary   *self);
char        **prep_library_list_resource_files (const char  *resource_path,
                                                GError     **error);
gboolean      prep_library_add_resources_to_loader (PrepContentLoader  *loader,
                                                    const char         *resource_path,
                                                    gboolean            categories_only,
                                                    GError            **error);

G_END_DECLS
