/* prep-quiz-session.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "prep-library.h"
#include "prep-review-store.h"
#include "prep-user-data.h"

G_BEGIN_DECLS

typedef enum
{
  PREP_QUIZ_FLASHCARDS,
  PREP_QUIZ_CHOICE,
  PREP_QUIZ_INTERVIEW,
} PrepQuizMode;

typedef enum
{
  PREP_QUIZ_SET_ALL,
  PREP_QUIZ_SET_NEW,
  PREP_QUIZ_SET_DUE,
  PREP_QUIZ_SET_BOOKMARKED,
} PrepQuizSet;

typedef struct
{
  PrepQuizMode        mode;
  PrepQuizSet         set;
  const char * const *category_ids;  /* NULL or empty: all categories */
  guint               max_items;     /* 0: no limit */
  guint32             seed;
  gint64              now;
  const char * const *question_ids;  /* NULL: any question; else only these */
} PrepQuizOptions;

typedef struct
{
  PrepCategory *category;
  guint         n_answered;
  guint         n_correct;
} PrepQuizCategoryResult;

#define PREP_QUIZ_ERROR (prep_quiz_error_quark ())

typedef enum
{
  PREP_QUIZ_ERROR_EMPTY,
} PrepQuizError;

#define PREP_TYPE_QUIZ_SESSION (prep_quiz_session_get_type())

G_DECLARE_FINAL_TYPE (PrepQuizSession, prep_quiz_session, PREP, QUIZ_SESSION, GObject)

GQuark           prep_quiz_error_quark                (void);
guint            prep_quiz_count_available            (PrepLibrary            *library,
                                                       PrepReviewStore        *reviews,
                                                       PrepUserData           *user_data,
                                                       const PrepQuizOptions  *options);
PrepQuizSession *prep_quiz_session_new                (PrepLibrary            *library,
                                                       PrepReviewStore        *reviews,
                                                       PrepUserData           *user_data,
                                                       const PrepQuizOptions  *options,
                                                       GError                **error);
PrepQuizMode     prep_quiz_session_get_mode           (PrepQuizSession        *self);
PrepReviewStore *prep_quiz_session_get_reviews        (PrepQuizSession        *self);
guint            prep_quiz_session_get_n_items        (PrepQuizSession        *self);
guint            prep_quiz_session_get_position       (PrepQuizSession        *self);
gboolean         prep_quiz_session_get_finished       (PrepQuizSession        *self);
PrepQuestion    *prep_quiz_session_get_question       (PrepQuizSession        *self);
gboolean         prep_quiz_session_get_revealed       (PrepQuizSession        *self);
void             prep_quiz_session_reveal             (PrepQuizSession        *self);
gboolean         prep_quiz_session_get_covered        (PrepQuizSession        *self,
                                                       guint                   key_point);
void             prep_quiz_session_set_covered        (PrepQuizSession        *self,
                                                       guint                   key_point,
                                                       gboolean                covered);
guint            prep_quiz_session_get_n_covered      (PrepQuizSession        *self);
PrepGrade        prep_quiz_session_get_suggested_grade (PrepQuizSession       *self);
void             prep_quiz_session_grade              (PrepQuizSession        *self,
                                                       PrepGrade               grade,
                                                       gint64                  now);
gboolean         prep_quiz_session_get_can_undo       (PrepQuizSession        *self);
gboolean         prep_quiz_session_undo               (PrepQuizSession        *self);
const PrepQuizItem *prep_quiz_session_get_quiz_item   (PrepQuizSession        *self);
guint            prep_quiz_session_get_option_index   (PrepQuizSession        *self,
                                                       guint                   shown);
int              prep_quiz_session_get_chosen         (PrepQuizSession        *self);
gboolean         prep_quiz_session_choose             (PrepQuizSession        *self,
                                                       guint                   shown,
                                                       gint64                  now);
void             prep_quiz_session_next               (PrepQuizSession        *self);
guint            prep_quiz_session_get_n_follow_ups_shown (PrepQuizSession    *self);
gboolean         prep_quiz_session_show_next_follow_up (PrepQuizSession       *self);
void             prep_quiz_session_finish             (PrepQuizSession        *self,
                                                       gint64                  now);
guint            prep_quiz_session_get_n_answered     (PrepQuizSession        *self);
guint            prep_quiz_session_get_n_correct      (PrepQuizSession        *self);
gint64           prep_quiz_session_get_duration       (PrepQuizSession        *self);
GArray          *prep_quiz_session_get_category_results (PrepQuizSession      *self);
GListModel      *prep_quiz_session_get_missed         (PrepQuizSession        *self);
GListModel      *prep_quiz_session_get_questions      (PrepQuizSession        *self);

G_END_DECLS
