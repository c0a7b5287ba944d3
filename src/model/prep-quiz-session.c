/* prep-quiz-session.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-quiz-session"

#include "config.h"

#include <glib/gi18n.h>

#include "prep-quiz-session.h"

/* One quiz session, without any widget: the questions chosen from the
 * start page's filters, where the user is, what they answered, and the
 * figures of the summary. Grades go to the PrepReviewStore as they are
 * given, so that closing the window mid-session loses nothing. */

typedef struct
{
  PrepQuestion *question;
  guint         quiz_index;    /* multiple choice: which item */
  guint         order[PREP_QUIZ_N_OPTIONS];
  int           chosen;        /* original option index, or -1 */
  PrepGrade     grade;         /* 0 until graded */
  guint         covered;       /* bit mask of key points */
  guint         follow_ups_shown;
  guint         repeat : 1;    /* seen again after Again */
} Item;

typedef struct
{
  guint position;
  guint covered;
  guint inserted;       /* where the Again repeat went */
  guint repeated : 1;
} UndoStep;

/* Cards shown before a card graded Again comes back. */
#define AGAIN_GAP 3

struct _PrepQuizSession
{
  GObject          parent_instance;

  PrepLibrary     *library;
  PrepReviewStore *reviews;
  PrepQuizMode     mode;
  GPtrArray       *items;       /* Item */
  GArray          *undo;        /* UndoStep */
  GHashTable      *failed;      /* question ids failed by a wrong choice */
  gint64           started;
  gint64           ended;
  gint64           shown;       /* monotonic µs the current card was shown at */
  guint            position;
  guint            revealed : 1;
  guint            finished : 1;
};

G_DEFINE_FINAL_TYPE (PrepQuizSession, prep_quiz_session, G_TYPE_OBJECT)
G_DEFINE_QUARK (prep-quiz-error-quark, prep_quiz_error)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_FINISHED,
  PROP_N_COVERED,
  PROP_POSITION,
  PROP_REVEALED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
item_free (Item *item)
{
  g_clear_object (&item->question);
  g_free (item);
}

static Item *
item_new (PrepQuestion *question,
          guint         quiz_index)
{
  Item *item = g_new0 (Item, 1);

  item->question = g_object_ref (question);
  item->quiz_index = quiz_index;
  item->chosen = -1;
  for (guint i = 0; i < PREP_QUIZ_N_OPTIONS; i++)
    item->order[i] = i;

  return item;
}

static Item *
current_item (PrepQuizSession *self)
{
  if (self->finished || self->position >= self->items->len)
    return NULL;

  return g_ptr_array_index (self->items, self->position);
}

static gboolean
category_selected (const PrepQuizOptions *options,
                   PrepQuestion          *question)
{
  if (options->category_ids == NULL || options->category_ids[0] == NULL)
    return TRUE;

  return g_strv_contains (options->category_ids, prep_question_get_category_id (question));
}

static gboolean
question_eligible (PrepQuestion          *question,
                   PrepReviewStore       *reviews,
                   PrepUserData          *user_data,
                   const PrepQuizOptions *options)
{
  const char *id = prep_question_get_id (question);
  PrepCard card;

  /* A question without its answer cannot be checked. */
  if (!prep_question_get_has_answer (question) || !category_selected (options, question))
    return FALSE;
  if (options->question_ids != NULL && !g_strv_contains (options->question_ids, id))
    return FALSE;
  if (options->mode == PREP_QUIZ_CHOICE && prep_question_get_quiz_items (question)->len == 0)
    return FALSE;

  prep_review_store_get_card (reviews, id, &card);

  switch (options->set)
    {
    case PREP_QUIZ_SET_NEW:
      return card.state == PREP_CARD_NEW;
    case PREP_QUIZ_SET_DUE:
      return prep_card_is_due (&card, prep_study_day_end (options->now));
    case PREP_QUIZ_SET_BOOKMARKED:
      return user_data != NULL && prep_user_data_get_bookmarked (user_data, id);
    case PREP_QUIZ_SET_ALL:
    default:
      return TRUE;
    }
}

static GPtrArray *
collect_questions (PrepLibrary           *library,
                   PrepReviewStore       *reviews,
                   PrepUserData          *user_data,
                   const PrepQuizOptions *options)
{
  GListModel *questions = prep_library_get_questions (library);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0, n = g_list_model_get_n_items (questions); i < n; i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);

      if (question_eligible (question, reviews, user_data, options))
        g_ptr_array_add (found, g_steal_pointer (&question));
    }

  return found;
}

static void
shuffle (GPtrArray *array,
         GRand     *rand)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer tmp = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = tmp;
    }
}

typedef struct
{
  PrepReviewStore *reviews;
  gint64           until;
} DueOrder;

/* Flashcards: what is due comes first, the most overdue first, then new
 * questions, then those not yet due. */
static int
compare_due (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  DueOrder *order = user_data;
  PrepQuestion *qa = *(PrepQuestion **) a;
  PrepQuestion *qb = *(PrepQuestion **) b;
  PrepCard ca, cb;
  int rank_a, rank_b;

  prep_review_store_get_card (order->reviews, prep_question_get_id (qa), &ca);
  prep_review_store_get_card (order->reviews, prep_question_get_id (qb), &cb);
  rank_a = prep_card_is_due (&ca, order->until) ? 0 : ca.state == PREP_CARD_NEW ? 1 : 2;
  rank_b = prep_card_is_due (&cb, order->until) ? 0 : cb.state == PREP_CARD_NEW ? 1 : 2;

  if (rank_a != rank_b)
    return rank_a - rank_b;
  if (rank_a == 0 && ca.due != cb.due)
    return ca.due < cb.due ? -1 : 1;

  return 0;
}

static void
prep_quiz_session_finalize (GObject *object)
{
  PrepQuizSession *self = (PrepQuizSession *)object;

  g_clear_object (&self->library);
  g_clear_object (&self->reviews);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_array_unref);
  g_clear_pointer (&self->failed, g_hash_table_unref);

  G_OBJECT_CLASS (prep_quiz_session_parent_class)->finalize (object);
}

static void
prep_quiz_session_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PrepQuizSession *self = PREP_QUIZ_SESSION (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, prep_quiz_session_get_can_undo (self));
      break;

    case PROP_FINISHED:
      g_value_set_boolean (value, self->finished);
      break;

    case PROP_N_COVERED:
      g_value_set_uint (value, prep_quiz_session_get_n_covered (self));
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_REVEALED:
      g_value_set_boolean (value, self->revealed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_quiz_session_class_init (PrepQuizSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prep_quiz_session_finalize;
  object_class->get_property = prep_quiz_session_get_property;

  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FINISHED] =
    g_param_spec_boolean ("finished", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_COVERED] =
    g_param_spec_uint ("n-covered", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prep_quiz_session_init (PrepQuizSession *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->undo = g_array_new (FALSE, FALSE, sizeof (UndoStep));
  self->failed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * prep_quiz_count_available:
 * @user_data: (nullable): for the bookmarked set
 *
 * Returns: how many questions the options select, before the limit
 */
guint
prep_quiz_count_available (PrepLibrary           *library,
                           PrepReviewStore       *reviews,
                           PrepUserData          *user_data,
                           const PrepQuizOptions *options)
{
  g_autoptr(GPtrArray) questions = NULL;

  g_return_val_if_fail (PREP_IS_LIBRARY (library), 0);
  g_return_val_if_fail (PREP_IS_REVIEW_STORE (reviews), 0);
  g_return_val_if_fail (options != NULL, 0);

  questions = collect_questions (library, reviews, user_data, options);
  return questions->len;
}

/**
 * prep_quiz_session_new:
 * @user_data: (nullable): for the bookmarked set
 *
 * Builds a session from the start page's choices. Questions are shuffled
 * with @options->seed; flashcards put what is due first.
 *
 * Returns: (transfer full): the session, or %NULL with
 *   %PREP_QUIZ_ERROR_EMPTY when nothing matches
 */
PrepQuizSession *
prep_quiz_session_new (PrepLibrary            *library,
                       PrepReviewStore        *reviews,
                       PrepUserData           *user_data,
                       const PrepQuizOptions  *options,
                       GError                **error)
{
  g_autoptr(PrepQuizSession) self = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GRand) rand = NULL;

  g_return_val_if_fail (PREP_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (PREP_IS_REVIEW_STORE (reviews), NULL);
  g_return_val_if_fail (user_data == NULL || PREP_IS_USER_DATA (user_data), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  questions = collect_questions (library, reviews, user_data, options);
  if (questions->len == 0)
    {
      g_set_error_literal (error, PREP_QUIZ_ERROR, PREP_QUIZ_ERROR_EMPTY,
                           _("No answered questions match these choices"));
      return NULL;
    }

  self = g_object_new (PREP_TYPE_QUIZ_SESSION, NULL);
  self->library = g_object_ref (library);
  self->reviews = g_object_ref (reviews);
  self->mode = options->mode;
  self->started = self->ended = options->now;
  self->shown = g_get_monotonic_time ();

  rand = g_rand_new_with_seed (options->seed);
  shuffle (questions, rand);

  if (options->mode == PREP_QUIZ_FLASHCARDS)
    {
      DueOrder order = { reviews, prep_study_day_end (options->now) };

      g_ptr_array_sort_with_data (questions, compare_due, &order);
    }

  if (options->mode == PREP_QUIZ_CHOICE)
    {
      /* Round robin over the questions, so that a short session covers
       * many questions rather than all items of a few. */
      for (guint round = 0, added = 1; added > 0; round++)
        {
          added = 0;
          for (guint i = 0; i < questions->len; i++)
            {
              PrepQuestion *question = g_ptr_array_index (questions, i);

              if (round < prep_question_get_quiz_items (question)->len)
                {
                  Item *item = item_new (question, round);

                  for (guint j = PREP_QUIZ_N_OPTIONS; j > 1; j--)
                    {
                      guint k = g_rand_int_range (rand, 0, j);
                      guint tmp = item->order[j - 1];

                      item->order[j - 1] = item->order[k];
                      item->order[k] = tmp;
                    }
                  g_ptr_array_add (self->items, item);
                  added++;
                }
            }
        }
    }
  else
    {
      for (guint i = 0; i < questions->len; i++)
        g_ptr_array_add (self->items, item_new (g_ptr_array_index (questions, i), 0));
    }

  if (options->max_items > 0 && self->items->len > options->max_items)
    g_ptr_array_set_size (self->items, options->max_items);

  return g_steal_pointer (&self);
}

PrepQuizMode
prep_quiz_session_get_mode (PrepQuizSession *self)
{
  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), PREP_QUIZ_FLASHCARDS);

  return self->mode;
}

PrepReviewStore *
prep_quiz_session_get_reviews (PrepQuizSession *self)
{
  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), NULL);

  return self->reviews;
}

/**
 * prep_quiz_session_get_n_items:
 *
 * Returns: how many cards the session has now; grading a flashcard Again
 *   adds it once more at the end
 */
guint
prep_quiz_session_get_n_items (PrepQuizSession *self)
{
  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), 0);

  return self->items->len;
}

guint
prep_quiz_session_get_position (PrepQuizSession *self)
{
  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), 0);

  return self->position;
}

gboolean
prep_quiz_session_get_finished (PrepQuizSession *self)
{
  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), TRUE);

  return self->finished;
}

/**
 * prep_quiz_session_get_question:
 *
 * Returns: (transfer none) (nullable): the current question
 */
PrepQuestion *
prep_quiz_session_get_question (PrepQuizSession *self)
{
  Item *item;

  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), NULL);

  item = current_item (self);
  return item ? item->question : NULL;
}

gboolean
prep_quiz_session_get_revealed (PrepQuizSession *self)
{
  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), FALSE);

  return self->revealed;
}

/**
 * prep_quiz_session_reveal:
 *
 * Shows the answer of the current flashcard or interview question.
 */
void
prep_quiz_session_reveal (PrepQuizSession *self)
{
  g_return_if_fail (PREP_IS_QUIZ_SESSION (self));

  if (self->revealed || current_item (self) == NULL)
    return;

  self->revealed = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVEALED]);
}

gboolean
prep_quiz_session_get_covered (PrepQuizSession *self,
                               guint            key_point)
{
  Item *item;

  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), FALSE);

  item = current_item (self);
  return item != NULL && key_point < 32 && (item->covered & (1u << key_point)) != 0;
}

/**
 * prep_quiz_session_set_covered:
 *
 * Ticks (or unticks) a key point the user's answer covered.
 */
void
prep_quiz_session_set_covered (PrepQuizSession *self,
                               guint            key_point,
                               gboolean         covered)
{
  Item *item;

  g_return_if_fail (PREP_IS_QUIZ_SESSION (self));

  item = current_item (self);
  if (item == NULL || key_point >= MIN (32, prep_question_get_key_points (item->question)->len))
    return;
  if (prep_quiz_session_get_covered (self, key_point) == !!covered)
    return;

  item->covered ^= 1u << key_point;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_COVERED]);
}

guint
prep_quiz_session_get_n_covered (PrepQuizSession *self)
{
  Item *item;
  guint n = 0;

  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), 0);

  item = current_item (self);
  if (item == NULL)
    return 0;

  for (guint bits = item->covered; bits != 0; bits &= bits - 1)
    n++;

  return n;
}

/**
 * prep_quiz_session_get_suggested_grade:
 *
 * Returns: the grade the ticked key points suggest: under a third Again,
 *   under two thirds Hard, else Good. Easy says the recall took no effort,
 *   which only the user knows.
 */
PrepGrade
prep_quiz_session_get_suggested_grade (PrepQuizSession *self)
{
  Item *item;
  guint n, covered;

  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), PREP_GRADE_GOOD);

  if (!(item = current_item (self)))
    return PREP_GRADE_GOOD;

  n = MIN (32, prep_question_get_key_points (item->question)->len);
  covered = prep_quiz_session_get_n_covered (self);

  if (n == 0)
    return PREP_GRADE_GOOD;
  if (3 * covered < n)
    return PREP_GRADE_AGAIN;
  if (3 * covered < 2 * n)
    return PREP_GRADE_HARD;

  return PREP_GRADE_GOOD;
}

/* How long the current card has been shown, for the review log. The
 * monotonic clock in milliseconds, not the seconds of @now callers pass:
 * a clock set forward while a card is open does not count. */
static gint64
shown_duration_ms (PrepQuizSession *self)
{
  gint64 ms = (g_get_monotonic_time () - self->shown) / 1000;

  return CLAMP (ms, 0, PREP_REVIEW_MAX_DURATION_MS);
}

static void
advance (PrepQuizSession *self,
         gint64           now)
{
  self->position++;
  self->shown = g_get_monotonic_time ();
  self->revealed = FALSE;
  self->ended = MAX (now, self->started);

  if (self->position >= self->items->len)
    {
      self->finished = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FINISHED]);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVEALED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_COVERED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_POSITION]);
}

/**
 * prep_quiz_session_grade:
 *
 * Grades the current flashcard or interview question, records the review
 * and moves on. A flashcard graded Again comes back a few cards later, as
 * a learning step does in Anki (at the end when fewer are left).
 */
void
prep_quiz_session_grade (PrepQuizSession *self,
                         PrepGrade        grade,
                         gint64           now)
{
  UndoStep step = { 0 };
  Item *item;

  g_return_if_fail (PREP_IS_QUIZ_SESSION (self));
  g_return_if_fail (grade >= PREP_GRADE_AGAIN && grade <= PREP_GRADE_EASY);
  g_return_if_fail (self->mode != PREP_QUIZ_CHOICE);

  if (!(item = current_item (self)))
    return;

  item->grade = grade;
  prep_review_store_grade_timed (self->reviews, prep_question_get_id (item->question), grade,
                                 self->mode == PREP_QUIZ_INTERVIEW ? PREP_REVIEW_INTERVIEW : PREP_REVIEW_FLASHCARD,
                                 now, shown_duration_ms (self));

  step.position = self->position;
  step.covered = item->covered;
  if (grade == PREP_GRADE_AGAIN && self->mode == PREP_QUIZ_FLASHCARDS)
    {
      Item *repeat = item_new (item->question, 0);

      repeat->repeat = TRUE;
      step.inserted = MIN (self->position + 1 + AGAIN_GAP, self->items->len);
      g_ptr_array_insert (self->items, step.inserted, repeat);
      step.repeated = TRUE;
    }
  g_array_append_val (self->undo, step);

  advance (self, now);
  if (self->undo->len == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
}

gboolean
prep_quiz_session_get_can_undo (PrepQuizSession *self)
{
  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), FALSE);

  return self->undo->len > 0;
}

/**
 * prep_quiz_session_undo:
 *
 * Takes back the last grade: its review is undone and its card is shown
 * again, answer revealed, key points as they were ticked.
 *
 * Returns: whether there was a grade to undo
 */
gboolean
prep_quiz_session_undo (PrepQuizSession *self)
{
  g_autofree char *undone = NULL;
  UndoStep step;
  Item *item;
  gboolean was_finished;

  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), FALSE);

  if (self->undo->len == 0)
    return FALSE;

  step = g_array_index (self->undo, UndoStep, self->undo->len - 1);
  g_array_set_size (self->undo, self->undo->len - 1);

  if (step.repeated)
    g_ptr_array_remove_index (self->items, step.inserted);

  item = g_ptr_array_index (self->items, step.position);
  item->grade = 0;
  item->covered = step.covered;
  undone = prep_review_store_undo (self->reviews);
  g_warn_if_fail (g_strcmp0 (undone, prep_question_get_id (item->question)) == 0);

  was_finished = self->finished;
  self->position = step.position;
  self->shown = g_get_monotonic_time ();
  self->finished = FALSE;
  self->revealed = TRUE;

  if (was_finished)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FINISHED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_POSITION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVEALED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_COVERED]);
  if (self->undo->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);

  return TRUE;
}

/**
 * prep_quiz_session_get_quiz_item:
 *
 * Returns: (transfer none) (nullable): the current multiple-choice item
 */
const PrepQuizItem *
prep_quiz_session_get_quiz_item (PrepQuizSession *self)
{
  Item *item;
  GPtrArray *items;

  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), NULL);

  if (self->mode != PREP_QUIZ_CHOICE || !(item = current_item (self)))
    return NULL;

  items = prep_question_get_quiz_items (item->question);
  return item->quiz_index < items->len ? g_ptr_array_index (items, item->quiz_index) : NULL;
}

/**
 * prep_quiz_session_get_option_index:
 * @shown: the position an option is shown at
 *
 * Returns: the index of that option in the content's quiz item
 */
guint
prep_quiz_session_get_option_index (PrepQuizSession *self,
                                    guint            shown)
{
  Item *item;

  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), shown);
  g_return_val_if_fail (shown < PREP_QUIZ_N_OPTIONS, 0);

  item = current_item (self);
  return item ? item->order[shown] : shown;
}

/**
 * prep_quiz_session_get_chosen:
 *
 * Returns: the content index of the option chosen for the current item,
 *   or -1
 */
int
prep_quiz_session_get_chosen (PrepQuizSession *self)
{
  Item *item;

  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), -1);

  item = current_item (self);
  return item ? item->chosen : -1;
}

/**
 * prep_quiz_session_choose:
 * @shown: the position of the chosen option as shown
 *
 * Answers the current multiple-choice item. The first wrong answer to a
 * question in a session counts as a failed review (Again) of it; right
 * answers do not change its schedule, since recognizing an option is
 * easier than recalling the answer.
 *
 * Returns: whether the answer is right
 */
gboolean
prep_quiz_session_choose (PrepQuizSession *self,
                          guint            shown,
                          gint64           now)
{
  const PrepQuizItem *quiz_item;
  Item *item;
  const char *id;

  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), FALSE);
  g_return_val_if_fail (shown < PREP_QUIZ_N_OPTIONS, FALSE);

  if (!(quiz_item = prep_quiz_session_get_quiz_item (self)))
    return FALSE;

  item = current_item (self);
  if (item->chosen >= 0)
    return (guint) item->chosen == quiz_item->answer;

  item->chosen = (int) item->order[shown];
  self->ended = MAX (now, self->started);
  id = prep_question_get_id (item->question);

  if ((guint) item->chosen != quiz_item->answer && !g_hash_table_contains (self->failed, id))
    {
      g_hash_table_add (self->failed, g_strdup (id));
      prep_review_store_grade_timed (self->reviews, id, PREP_GRADE_AGAIN, PREP_REVIEW_CHOICE, now,
                                     shown_duration_ms (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVEALED]);

  return (guint) item->chosen == quiz_item->answer;
}

/**
 * prep_quiz_session_next:
 *
 * Moves past an answered multiple-choice item.
 */
void
prep_quiz_session_next (PrepQuizSession *self)
{
  Item *item;

  g_return_if_fail (PREP_IS_QUIZ_SESSION (self));

  if (self->mode != PREP_QUIZ_CHOICE || !(item = current_item (self)) || item->chosen < 0)
    return;

  advance (self, self->ended);
}

guint
prep_quiz_session_get_n_follow_ups_shown (PrepQuizSession *self)
{
  Item *item;

  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), 0);

  item = current_item (self);
  return item ? item->follow_ups_shown : 0;
}

/**
 * prep_quiz_session_show_next_follow_up:
 *
 * In a mock interview, asks the next follow-up question, one at a time.
 *
 * Returns: whether there was one more
 */
gboolean
prep_quiz_session_show_next_follow_up (PrepQuizSession *self)
{
  Item *item;

  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), FALSE);

  if (!(item = current_item (self)) ||
      item->follow_ups_shown >= prep_question_get_follow_ups (item->question)->len)
    return FALSE;

  item->follow_ups_shown++;
  return TRUE;
}

/**
 * prep_quiz_session_finish:
 *
 * Ends the session early; the summary counts what was answered.
 */
void
prep_quiz_session_finish (PrepQuizSession *self,
                          gint64           now)
{
  g_return_if_fail (PREP_IS_QUIZ_SESSION (self));

  if (self->finished)
    return;

  self->ended = MAX (now, self->started);
  self->finished = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FINISHED]);
}

/* Whether the item counts in the score, and whether it was right: for
 * flashcards and interviews the first grade of each question (Again is
 * wrong), for multiple choice every answered item. */
static gboolean
item_result (PrepQuizSession *self,
             Item            *item,
             gboolean        *correct)
{
  if (self->mode == PREP_QUIZ_CHOICE)
    {
      GPtrArray *items = prep_question_get_quiz_items (item->question);
      const PrepQuizItem *quiz_item = g_ptr_array_index (items, item->quiz_index);

      *correct = item->chosen >= 0 && (guint) item->chosen == quiz_item->answer;
      return item->chosen >= 0;
    }

  *correct = item->grade > PREP_GRADE_AGAIN;
  return !item->repeat && item->grade != 0;
}

guint
prep_quiz_session_get_n_answered (PrepQuizSession *self)
{
  guint n = 0;
  gboolean correct;

  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    if (item_result (self, g_ptr_array_index (self->items, i), &correct))
      n++;

  return n;
}

guint
prep_quiz_session_get_n_correct (PrepQuizSession *self)
{
  guint n = 0;
  gboolean correct;

  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    if (item_result (self, g_ptr_array_index (self->items, i), &correct) && correct)
      n++;

  return n;
}

/**
 * prep_quiz_session_get_duration:
 *
 * Returns: seconds from the start to the last answer
 */
gint64
prep_quiz_session_get_duration (PrepQuizSession *self)
{
  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), 0);

  return self->ended - self->started;
}

/**
 * prep_quiz_session_get_category_results:
 *
 * Returns: (transfer full) (element-type PrepQuizCategoryResult): answers
 *   and right answers per category, in library order, for categories in
 *   the session
 */
GArray *
prep_quiz_session_get_category_results (PrepQuizSession *self)
{
  GListModel *categories;
  GArray *results;

  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), NULL);

  results = g_array_new (FALSE, TRUE, sizeof (PrepQuizCategoryResult));
  categories = prep_library_get_categories (self->library);

  for (guint c = 0, n = g_list_model_get_n_items (categories); c < n; c++)
    {
      g_autoptr(PrepCategory) category = g_list_model_get_item (categories, c);
      PrepQuizCategoryResult result = { category, 0, 0 };
      gboolean present = FALSE;

      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = g_ptr_array_index (self->items, i);
          gboolean correct;

          if (!g_str_equal (prep_question_get_category_id (item->question), prep_category_get_id (category)))
            continue;

          present = TRUE;
          if (item_result (self, item, &correct))
            {
              result.n_answered++;
              result.n_correct += correct;
            }
        }

      if (present)
        g_array_append_val (results, result);
    }

  return results;
}

/**
 * prep_quiz_session_get_missed:
 *
 * Returns: (transfer full): the questions answered wrong, each once, in
 *   the order they were asked
 */
GListModel *
prep_quiz_session_get_missed (PrepQuizSession *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GListStore *missed;

  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), NULL);

  missed = g_list_store_new (PREP_TYPE_QUESTION);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      gboolean correct;

      if (item_result (self, item, &correct) && !correct && g_hash_table_add (seen, item->question))
        g_list_store_append (missed, item->question);
    }

  return G_LIST_MODEL (missed);
}

/**
 * prep_quiz_session_get_questions:
 *
 * Returns: (transfer full): the session's questions, each once
 */
GListModel *
prep_quiz_session_get_questions (PrepQuizSession *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GListStore *questions;

  g_return_val_if_fail (PREP_IS_QUIZ_SESSION (self), NULL);

  questions = g_list_store_new (PREP_TYPE_QUESTION);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (g_hash_table_add (seen, item->question))
        g_list_store_append (questions, item->question);
    }

  return G_LIST_MODEL (questions);
}
