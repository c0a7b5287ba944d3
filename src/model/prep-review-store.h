/* prep-review-store.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "prep-json-store.h"
#include "prep-scheduler.h"

G_BEGIN_DECLS

#define PREP_REVIEW_STORE_SCHEMA_VERSION 1

typedef enum
{
  PREP_REVIEW_FLASHCARD,
  PREP_REVIEW_CHOICE,
  PREP_REVIEW_INTERVIEW,
} PrepReviewKind;

#define PREP_REVIEW_N_KINDS 3

/* The longest time one review counts for: a card left open overnight is
 * not hours of study. */
#define PREP_REVIEW_MAX_DURATION_MS ((gint64) 5 * 60 * 1000)

/* One review read back from the log. @question_id is owned by the store
 * and lives as long as it does. */
typedef struct
{
  const char     *question_id;
  gint64          time;
  PrepGrade       grade;
  PrepReviewKind  kind;
  PrepCardState   state;        /* the card's state before the review */
  gint64          duration_ms;  /* 0 when unknown */
} PrepReviewLogEntry;

#define PREP_TYPE_REVIEW_STORE (prep_review_store_get_type())

G_DECLARE_FINAL_TYPE (PrepReviewStore, prep_review_store, PREP, REVIEW_STORE, GObject)

PrepReviewStore *prep_review_store_new                (const char       *path);
gboolean         prep_review_store_load               (PrepReviewStore  *self,
                                                       GError          **error);
const PrepFsrsParams *prep_review_store_get_params    (PrepReviewStore  *self);
double           prep_review_store_get_desired_retention (PrepReviewStore *self);
void             prep_review_store_set_desired_retention (PrepReviewStore *self,
                                                          double           retention);
void             prep_review_store_get_card           (PrepReviewStore  *self,
                                                       const char       *question_id,
                                                       PrepCard         *card);
void             prep_review_store_preview            (PrepReviewStore  *self,
                                                       const char       *question_id,
                                                       gint64            now,
                                                       PrepCard          next[4]);
gboolean         prep_review_store_grade              (PrepReviewStore  *self,
                                                       const char       *question_id,
                                                       PrepGrade         grade,
                                                       PrepReviewKind    kind,
                                                       gint64            now);
gboolean         prep_review_store_grade_timed        (PrepReviewStore  *self,
                                                       const char       *question_id,
                                                       PrepGrade         grade,
                                                       PrepReviewKind    kind,
                                                       gint64            now,
                                                       gint64            duration_ms);
gboolean         prep_review_store_can_undo           (PrepReviewStore  *self);
char            *prep_review_store_undo               (PrepReviewStore  *self);
gboolean         prep_review_store_is_due             (PrepReviewStore  *self,
                                                       const char       *question_id,
                                                       gint64            until);
guint            prep_review_store_count_due          (PrepReviewStore  *self,
                                                       GListModel       *questions,
                                                       gint64            until);
gint64           prep_review_store_next_due           (PrepReviewStore  *self,
                                                       GListModel       *questions,
                                                       gint64            after);
guint            prep_review_store_get_n_log_entries  (PrepReviewStore  *self);
GArray          *prep_review_store_get_log            (PrepReviewStore  *self);
gint64           prep_review_store_get_interview_day  (PrepReviewStore  *self);
void             prep_review_store_set_interview_day  (PrepReviewStore  *self,
                                                       gint64            day);
gboolean         prep_review_store_flush              (PrepReviewStore  *self,
                                                       GError          **error);
const char      *prep_review_store_get_file_path      (PrepReviewStore  *self);
PrepJsonStore   *prep_review_store_get_store          (PrepReviewStore  *self);
const char      *prep_review_store_get_set_aside_path (PrepReviewStore  *self);
gboolean         prep_review_store_get_read_only      (PrepReviewStore  *self);
const char      *prep_review_store_get_save_error     (PrepReviewStore  *self);

G_END_DECLS
