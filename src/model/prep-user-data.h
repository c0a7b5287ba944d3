/* prep-user-data.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include <gio/gio.h>

#include "prep-json-store.h"
#include "prep-question.h"

G_BEGIN_DECLS

#define PREP_USER_DATA_SCHEMA_VERSION 1
#define PREP_USER_DATA_SAVE_DELAY_MS  500

#define PREP_TYPE_USER_DATA (prep_user_data_get_type())

G_DECLARE_FINAL_TYPE (PrepUserData, prep_user_data, PREP, USER_DATA, GObject)

PrepUserData *prep_user_data_new             (const char    *path);
gboolean      prep_user_data_load            (PrepUserData  *self,
                                              GError       **error);
gboolean      prep_user_data_get_bookmarked  (PrepUserData  *self,
                                              const char    *question_id);
void          prep_user_data_set_bookmarked  (PrepUserData  *self,
                                              const char    *question_id,
                                              gboolean       bookmarked);
gboolean      prep_user_data_get_read        (PrepUserData  *self,
                                              const char    *question_id);
void          prep_user_data_set_read        (PrepUserData  *self,
                                              const char    *question_id,
                                              gboolean       read);
const char   *prep_user_data_get_note        (PrepUserData  *self,
                                              const char    *question_id);
void          prep_user_data_set_note        (PrepUserData  *self,
                                              const char    *question_id,
                                              const char    *note);
gboolean      prep_user_data_flush           (PrepUserData  *self,
                                              GError       **error);
gboolean      prep_user_data_get_dirty       (PrepUserData  *self);
const char   *prep_user_data_get_file_path   (PrepUserData  *self);
PrepJsonStore *prep_user_data_get_store      (PrepUserData  *self);
const char   *prep_user_data_get_set_aside_path (PrepUserData *self);
gboolean      prep_user_data_get_read_only   (PrepUserData  *self);
const char   *prep_user_data_get_save_error  (PrepUserData  *self);
guint         prep_user_data_get_n_saves     (PrepUserData  *self);
char        **prep_user_data_list_ids        (PrepUserData  *self);
PrepQuestion *prep_user_data_find_unread     (PrepUserData  *self,
                                              GListModel    *questions,
                                              const char    *from_id,
                                              guint         *n_read);

G_END_DECLS
