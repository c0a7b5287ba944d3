/* prep-review-store.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-review-store"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "prep-json-store.h"
#include "prep-question.h"
#include "prep-review-store.h"

/* What the user has learnt: one card per question and a log of every
 * review. Reviews are few and precious, so each one is written at once
 * (atomically, through PrepJsonStore) rather than debounced; a failed
 * write keeps everything in memory, says why and is retried by the next
 * review or flush.
 *
 * File: { "schema_version": 1,
 *         "cards": { "ID": { "state": "review", "step": 0, "stability": 3.2,
 *                            "difficulty": 5.1, "due": "2026-12-02T20:00:00Z",
 *                            "last_review": "…", "reps": 2, "lapses": 0,
 *                            "interval": 259200 } },
 *         "log": [ { "question": "ID", "time": "…", "grade": 3, "kind": "flashcard",
 *                    "state": "new", "elapsed_days": 0, "stability": 3.2,
 *                    "difficulty": 5.1, "due": "…", "duration": 8200 } ] }
 *
 * "duration" (milliseconds the card was shown, at most
 * PREP_REVIEW_MAX_DURATION_MS) is optional: logs written before it read
 * as reviews of unknown length.
 *
 * A card this version cannot read (another state, a value out of range) is
 * kept as it was and written back, until the question is reviewed again;
 * the log and unknown members are kept too. */

typedef struct
{
  char     *question_id;
  PrepCard  before;
  gboolean  had_card;
  gboolean  logged;      /* whether get_log() shows the review */
} UndoStep;

struct _PrepReviewStore
{
  GObject         parent_instance;

  PrepJsonStore  *store;
  PrepFsrsParams  params;
  GHashTable     *cards;      /* id → PrepCard */
  JsonArray      *log;
  GArray         *entries;    /* PrepReviewLogEntry, the readable part of log */
  GStringChunk   *ids;        /* question ids of entries */
  gint64          interview_day;
  JsonObject     *unknown;    /* members of the file we do not know, kept */
  JsonObject     *kept_cards; /* id → a card this version cannot read, kept as it was */
  GArray         *undo;       /* UndoStep, this session only */
  char           *save_error;
  guint           dirty : 1;
};

G_DEFINE_FINAL_TYPE (PrepReviewStore, prep_review_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_DESIRED_RETENTION,
  PROP_INTERVIEW_DAY,
  PROP_READ_ONLY,
  PROP_SAVE_ERROR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static const char * const kind_names[] = { "flashcard", "choice", "interview" };

static void
undo_step_clear (UndoStep *step)
{
  g_clear_pointer (&step->question_id, g_free);
}

/* ISO 8601 in UTC, always with a four-digit year (GLib's "%Y" does not
 * pad, and "999-…" would not read back). */
static char *
time_to_string (gint64 time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (CLAMP (time, PREP_TIME_MIN, PREP_TIME_MAX));
  int year, month, day;

  g_date_time_get_ymd (utc, &year, &month, &day);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                          g_date_time_get_hour (utc), g_date_time_get_minute (utc),
                          g_date_time_get_second (utc));
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* An integer member, or @fallback when absent; FALSE when present but not
 * an integer. */
static gboolean
int_member (JsonObject *object,
            const char *member,
            gint64      fallback,
            gint64     *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      *value = fallback;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
time_from_member (JsonObject *object,
                  const char *member,
                  gint64     *time)
{
  const char *string = string_member (object, member);
  g_autoptr(GDateTime) parsed = NULL;

  if (string == NULL || !(parsed = g_date_time_new_from_iso8601 (string, NULL)))
    return FALSE;

  /* Times the scheduler could have written; others are not trusted. */
  *time = g_date_time_to_unix (parsed);
  return *time >= PREP_TIME_MIN && *time <= PREP_TIME_MAX;
}

static double
double_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NAN;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_DOUBLE:
    case G_TYPE_INT64:
      return json_node_get_double (node);
    default:
      return NAN;
    }
}

/* A card read back must be one the scheduler could have made; anything
 * else is skipped (and reported in the log domain), not trusted. */
static gboolean
card_from_json (JsonObject *object,
                PrepCard   *card)
{
  const char *state = string_member (object, "state");
  double stability = double_member (object, "stability");
  double difficulty = double_member (object, "difficulty");
  gint64 step, reps, lapses, interval;

  prep_card_init_new (card);

  if (!prep_card_state_from_string (state, &card->state) || card->state == PREP_CARD_NEW)
    return FALSE;
  if (!isfinite (stability) || stability <= 0 || stability > PREP_FSRS_MAX_STABILITY ||
      !isfinite (difficulty) || difficulty < 1 || difficulty > 10)
    return FALSE;
  if (!time_from_member (object, "due", &card->due) ||
      !time_from_member (object, "last_review", &card->last_review))
    return FALSE;
  if (!int_member (object, "step", 0, &step) || !int_member (object, "reps", 1, &reps) ||
      !int_member (object, "lapses", 0, &lapses) || !int_member (object, "interval", 0, &interval))
    return FALSE;

  card->memory.stability = MAX (stability, PREP_FSRS_MIN_STABILITY);
  card->memory.difficulty = difficulty;
  card->step = (guint) CLAMP (step, 0, 16);
  card->reps = (guint) CLAMP (reps, 0, G_MAXINT);
  card->lapses = (guint) CLAMP (lapses, 0, G_MAXINT);
  card->interval = CLAMP (interval, 0, PREP_TIME_MAX);

  return TRUE;
}

/* A log entry read back, or FALSE for one this version cannot read: a
 * member of the wrong type or out of range. Missing "kind" and "state"
 * (never written so) read as a flashcard review of a new card, which no
 * retention figure counts; a missing or bad "duration" as unknown. */
static gboolean
log_entry_from_json (JsonNode           *node,
                     GStringChunk       *ids,
                     PrepReviewLogEntry *entry)
{
  JsonObject *object;
  const char *question, *kind;
  gint64 grade, duration;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);

  if (!(question = string_member (object, "question")) || question[0] == '\0')
    return FALSE;
  if (!time_from_member (object, "time", &entry->time))
    return FALSE;
  if (!int_member (object, "grade", 0, &grade) || grade < PREP_GRADE_AGAIN || grade > PREP_GRADE_EASY)
    return FALSE;
  entry->grade = (PrepGrade) grade;

  entry->kind = PREP_REVIEW_FLASHCARD;
  if (json_object_has_member (object, "kind"))
    {
      guint i;

      kind = string_member (object, "kind");
      for (i = 0; i < G_N_ELEMENTS (kind_names); i++)
        if (g_strcmp0 (kind, kind_names[i]) == 0)
          break;
      if (i == G_N_ELEMENTS (kind_names))
        return FALSE;
      entry->kind = (PrepReviewKind) i;
    }

  entry->state = PREP_CARD_NEW;
  if (json_object_has_member (object, "state") &&
      !prep_card_state_from_string (string_member (object, "state"), &entry->state))
    return FALSE;

  if (!int_member (object, "duration", 0, &duration) || duration < 0)
    duration = 0;
  entry->duration_ms = MIN (duration, PREP_REVIEW_MAX_DURATION_MS);

  entry->question_id = g_string_chunk_insert_const (ids, question);

  return TRUE;
}

static JsonNode *
card_to_json (const PrepCard *card)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *due = time_to_string (card->due);
  g_autofree char *last = time_to_string (card->last_review);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, prep_card_state_to_string (card->state));
  json_builder_set_member_name (builder, "step");
  json_builder_add_int_value (builder, card->step);
  json_builder_set_member_name (builder, "stability");
  json_builder_add_double_value (builder, card->memory.stability);
  json_builder_set_member_name (builder, "difficulty");
  json_builder_add_double_value (builder, card->memory.difficulty);
  json_builder_set_member_name (builder, "due");
  json_builder_add_string_value (builder, due);
  json_builder_set_member_name (builder, "last_review");
  json_builder_add_string_value (builder, last);
  json_builder_set_member_name (builder, "reps");
  json_builder_add_int_value (builder, card->reps);
  json_builder_set_member_name (builder, "lapses");
  json_builder_add_int_value (builder, card->lapses);
  json_builder_set_member_name (builder, "interval");
  json_builder_add_int_value (builder, card->interval);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonObject *
to_json (PrepReviewStore *self)
{
  g_autoptr(GList) ids = NULL;
  JsonObject *root = json_object_new ();
  JsonObject *cards = json_object_new ();

  prep_json_store_restore_unknown (root, self->unknown);

  ids = g_list_sort (g_hash_table_get_keys (self->cards), (GCompareFunc) g_strcmp0);
  for (const GList *l = ids; l; l = l->next)
    json_object_set_member (cards, l->data, card_to_json (g_hash_table_lookup (self->cards, l->data)));

  if (self->kept_cards != NULL)
    {
      g_autoptr(GList) kept = json_object_get_members (self->kept_cards);

      for (const GList *l = kept; l; l = l->next)
        if (!json_object_has_member (cards, l->data))
          json_object_set_member (cards, l->data, json_object_dup_member (self->kept_cards, l->data));
    }

  json_object_set_object_member (root, "cards", cards);
  json_object_set_array_member (root, "log", json_array_ref (self->log));

  return root;
}

static void
set_save_error (PrepReviewStore *self,
                const char      *message)
{
  if (g_strcmp0 (self->save_error, message) == 0)
    return;

  g_free (self->save_error);
  self->save_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SAVE_ERROR]);
}

/* Returns: whether the entry is in the read log too. */
static gboolean
append_log (PrepReviewStore *self,
            const char      *question_id,
            const PrepCard  *before,
            const PrepCard  *after,
            PrepGrade        grade,
            PrepReviewKind   kind,
            gint64           now,
            gint64           duration_ms)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonNode *node;
  PrepReviewLogEntry entry;
  g_autofree char *time = time_to_string (now);
  g_autofree char *due = time_to_string (after->due);
  gint64 elapsed = 0;

  if (before->state != PREP_CARD_NEW)
    elapsed = MAX (prep_study_day (now) - prep_study_day (before->last_review), 0);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "question");
  json_builder_add_string_value (builder, question_id);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, time);
  json_builder_set_member_name (builder, "grade");
  json_builder_add_int_value (builder, grade);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind_names[kind]);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, prep_card_state_to_string (before->state));
  json_builder_set_member_name (builder, "elapsed_days");
  json_builder_add_int_value (builder, elapsed);
  json_builder_set_member_name (builder, "stability");
  json_builder_add_double_value (builder, after->memory.stability);
  json_builder_set_member_name (builder, "difficulty");
  json_builder_add_double_value (builder, after->memory.difficulty);
  json_builder_set_member_name (builder, "due");
  json_builder_add_string_value (builder, due);
  if (duration_ms >= 0)
    {
      json_builder_set_member_name (builder, "duration");
      json_builder_add_int_value (builder, MIN (duration_ms, PREP_REVIEW_MAX_DURATION_MS));
    }
  json_builder_end_object (builder);

  /* Always readable but for an empty question id. */
  node = json_builder_get_root (builder);
  json_array_add_element (self->log, node);
  if (!log_entry_from_json (node, self->ids, &entry))
    return FALSE;

  g_array_append_val (self->entries, entry);
  return TRUE;
}

static gboolean
save (PrepReviewStore *self,
      GError         **error)
{
  g_autoptr(JsonObject) root = to_json (self);
  g_autoptr(GError) local_error = NULL;

  if (!prep_json_store_save (self->store, root, &local_error))
    {
      self->dirty = TRUE;
      set_save_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->dirty = FALSE;
  set_save_error (self, NULL);

  return TRUE;
}

static void
prep_review_store_finalize (GObject *object)
{
  PrepReviewStore *self = (PrepReviewStore *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->log, json_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->ids, g_string_chunk_free);
  g_clear_pointer (&self->unknown, json_object_unref);
  g_clear_pointer (&self->kept_cards, json_object_unref);
  g_clear_pointer (&self->undo, g_array_unref);
  g_clear_pointer (&self->save_error, g_free);

  G_OBJECT_CLASS (prep_review_store_parent_class)->finalize (object);
}

static void
prep_review_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PrepReviewStore *self = PREP_REVIEW_STORE (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, prep_review_store_can_undo (self));
      break;

    case PROP_DESIRED_RETENTION:
      g_value_set_double (value, self->params.desired_retention);
      break;

    case PROP_INTERVIEW_DAY:
      g_value_set_int64 (value, self->interview_day);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, prep_review_store_get_read_only (self));
      break;

    case PROP_SAVE_ERROR:
      g_value_set_string (value, self->save_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_review_store_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PrepReviewStore *self = PREP_REVIEW_STORE (object);

  switch (prop_id)
    {
    case PROP_DESIRED_RETENTION:
      prep_review_store_set_desired_retention (self, g_value_get_double (value));
      break;

    case PROP_INTERVIEW_DAY:
      prep_review_store_set_interview_day (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_review_store_class_init (PrepReviewStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prep_review_store_finalize;
  object_class->get_property = prep_review_store_get_property;
  object_class->set_property = prep_review_store_set_property;

  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The probability of recall the intervals aim for. */
  properties [PROP_DESIRED_RETENTION] =
    g_param_spec_double ("desired-retention", NULL, NULL, 0.7, 0.97, 0.9,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The study day of the user's interview, or 0: no review is scheduled
   * after the day before it. */
  properties [PROP_INTERVIEW_DAY] =
    g_param_spec_int64 ("interview-day", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SAVE_ERROR] =
    g_param_spec_string ("save-error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PrepReviewStore::changed:
   * @question_id: (nullable): the question reviewed, or %NULL when all may
   *   have changed (loading, a new desired retention)
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
prep_review_store_init (PrepReviewStore *self)
{
  prep_fsrs_params_init_default (&self->params);
  self->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->log = json_array_new ();
  self->entries = g_array_new (FALSE, FALSE, sizeof (PrepReviewLogEntry));
  self->ids = g_string_chunk_new (4096);
  self->undo = g_array_new (FALSE, FALSE, sizeof (UndoStep));
  g_array_set_clear_func (self->undo, (GDestroyNotify) undo_step_clear);
}

/**
 * prep_review_store_new:
 * @path: the file, usually prep_user_data_path ("reviews.json")
 */
PrepReviewStore *
prep_review_store_new (const char *path)
{
  PrepReviewStore *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (PREP_TYPE_REVIEW_STORE, NULL);
  self->store = prep_json_store_new (path, PREP_REVIEW_STORE_SCHEMA_VERSION);

  return self;
}

/**
 * prep_review_store_load:
 *
 * Reads the file. A missing file is no error. A damaged file was set aside
 * and a file from a newer version makes the store read-only: both return
 * %FALSE with @error saying so, and what could be read is loaded.
 */
gboolean
prep_review_store_load (PrepReviewStore  *self,
                        GError          **error)
{
  g_autoptr(JsonObject) root = NULL;
  PrepJsonStoreStatus status;
  JsonNode *node;

  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), FALSE);

  g_hash_table_remove_all (self->cards);
  g_clear_pointer (&self->log, json_array_unref);
  g_clear_pointer (&self->unknown, json_object_unref);
  g_clear_pointer (&self->kept_cards, json_object_unref);
  g_array_set_size (self->undo, 0);
  g_array_set_size (self->entries, 0);
  g_string_chunk_clear (self->ids);
  self->log = json_array_new ();

  status = prep_json_store_load (self->store, &root, error);

  /* Containers of another type cannot be kept apart from what this
   * version writes in their place: the file is damaged. */
  if (((node = json_object_get_member (root, "cards")) && !JSON_NODE_HOLDS_OBJECT (node)) ||
      ((node = json_object_get_member (root, "log")) && !JSON_NODE_HOLDS_ARRAY (node)))
    {
      g_clear_error (error);
      g_clear_pointer (&root, json_object_unref);
      status = prep_json_store_reject (self->store, _("Damaged file: “cards” or “log” has the wrong type"), error);
      root = json_object_new ();
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY]);

  if ((node = json_object_get_member (root, "cards")) && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *cards = json_node_get_object (node);
      g_autoptr(GList) ids = json_object_get_members (cards);

      for (const GList *l = ids; l; l = l->next)
        {
          JsonNode *card_node = json_object_get_member (cards, l->data);
          PrepCard card;

          if (JSON_NODE_HOLDS_OBJECT (card_node) && card_from_json (json_node_get_object (card_node), &card))
            g_hash_table_insert (self->cards, g_strdup (l->data), g_memdup2 (&card, sizeof card));
          else
            {
              if (self->kept_cards == NULL)
                self->kept_cards = json_object_new ();
              json_object_set_member (self->kept_cards, l->data, json_node_copy (card_node));
            }
        }
    }

  if ((node = json_object_get_member (root, "log")) && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *log = json_node_get_array (node);

      /* A copy: the parsed file is immutable, and reviews are added. */
      for (guint i = 0, n = json_array_get_length (log); i < n; i++)
        {
          JsonNode *element = json_array_get_element (log, i);
          PrepReviewLogEntry entry;

          if (log_entry_from_json (element, self->ids, &entry))
            g_array_append_val (self->entries, entry);
          json_array_add_element (self->log, json_node_copy (element));
        }
    }

  self->unknown = prep_json_store_keep_unknown (root, (const char * const []) { "cards", "log", NULL });

  self->dirty = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  g_signal_emit (self, signals [CHANGED], 0, NULL);

  return status == PREP_JSON_STORE_OK || status == PREP_JSON_STORE_MISSING;
}

const PrepFsrsParams *
prep_review_store_get_params (PrepReviewStore *self)
{
  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), NULL);

  return &self->params;
}

double
prep_review_store_get_desired_retention (PrepReviewStore *self)
{
  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), 0.9);

  return self->params.desired_retention;
}

/**
 * prep_review_store_set_desired_retention:
 *
 * Sets the probability of recall that future intervals aim for; intervals
 * already scheduled stay as they are.
 */
void
prep_review_store_set_desired_retention (PrepReviewStore *self,
                                         double           retention)
{
  g_return_if_fail (PREP_IS_REVIEW_STORE (self));

  retention = CLAMP (retention, 0.7, 0.97);
  if (fabs (self->params.desired_retention - retention) < 1e-9)
    return;

  self->params.desired_retention = retention;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESIRED_RETENTION]);
  g_signal_emit (self, signals [CHANGED], 0, NULL);
}

/**
 * prep_review_store_get_card:
 * @card: (out caller-allocates): the question's card; a new card if the
 *   question was never reviewed
 */
void
prep_review_store_get_card (PrepReviewStore *self,
                            const char      *question_id,
                            PrepCard        *card)
{
  const PrepCard *found;

  g_return_if_fail (PREP_IS_REVIEW_STORE (self));
  g_return_if_fail (question_id != NULL);
  g_return_if_fail (card != NULL);

  if ((found = g_hash_table_lookup (self->cards, question_id)))
    *card = *found;
  else
    prep_card_init_new (card);
}

/**
 * prep_review_store_preview:
 * @next: (out caller-allocates): the card after Again, Hard, Good, Easy
 */
void
prep_review_store_preview (PrepReviewStore *self,
                           const char      *question_id,
                           gint64           now,
                           PrepCard         next[4])
{
  PrepCard card;

  g_return_if_fail (PREP_IS_REVIEW_STORE (self));

  prep_review_store_get_card (self, question_id, &card);
  prep_scheduler_preview_before (&self->params, &card, now, self->interview_day, next);
}

/**
 * prep_review_store_grade:
 *
 * Records a review of @question_id at @now, of unknown length, and saves.
 *
 * Returns: whether it was saved; if not, it is kept in memory and the
 *   save-error property says why
 */
gboolean
prep_review_store_grade (PrepReviewStore *self,
                         const char      *question_id,
                         PrepGrade        grade,
                         PrepReviewKind   kind,
                         gint64           now)
{
  return prep_review_store_grade_timed (self, question_id, grade, kind, now, -1);
}

/**
 * prep_review_store_grade_timed:
 * @duration_ms: how long the card was shown, or -1 if unknown; at most
 *   PREP_REVIEW_MAX_DURATION_MS counts
 *
 * Records a review of @question_id at @now and saves, as
 * prep_review_store_grade() does, with its length.
 */
gboolean
prep_review_store_grade_timed (PrepReviewStore *self,
                               const char      *question_id,
                               PrepGrade        grade,
                               PrepReviewKind   kind,
                               gint64           now,
                               gint64           duration_ms)
{
  UndoStep step = { 0 };
  PrepCard before, after;

  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);
  g_return_val_if_fail (grade >= PREP_GRADE_AGAIN && grade <= PREP_GRADE_EASY, FALSE);
  g_return_val_if_fail (kind <= PREP_REVIEW_INTERVIEW, FALSE);

  step.had_card = g_hash_table_contains (self->cards, question_id);
  prep_review_store_get_card (self, question_id, &before);
  prep_scheduler_review_before (&self->params, &before, now, grade, self->interview_day, &after);

  g_hash_table_insert (self->cards, g_strdup (question_id), g_memdup2 (&after, sizeof after));

  step.question_id = g_strdup (question_id);
  step.before = before;
  step.logged = append_log (self, question_id, &before, &after, grade, kind, now, duration_ms);
  g_array_append_val (self->undo, step);

  if (self->undo->len == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  g_signal_emit (self, signals [CHANGED], 0, question_id);

  return save (self, NULL);
}

gboolean
prep_review_store_can_undo (PrepReviewStore *self)
{
  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), FALSE);

  return self->undo->len > 0;
}

/**
 * prep_review_store_undo:
 *
 * Takes back the last review of this session: the card is as it was and
 * the review leaves the log.
 *
 * Returns: (transfer full) (nullable): the question whose review was undone
 */
char *
prep_review_store_undo (PrepReviewStore *self)
{
  UndoStep *step;
  char *question_id;

  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), NULL);

  if (self->undo->len == 0)
    return NULL;

  step = &g_array_index (self->undo, UndoStep, self->undo->len - 1);
  question_id = g_steal_pointer (&step->question_id);

  if (step->had_card)
    g_hash_table_insert (self->cards, g_strdup (question_id), g_memdup2 (&step->before, sizeof step->before));
  else
    g_hash_table_remove (self->cards, question_id);

  /* The last entry is the one this session's review appended. */
  if (json_array_get_length (self->log) > 0)
    json_array_remove_element (self->log, json_array_get_length (self->log) - 1);
  if (step->logged && self->entries->len > 0)
    g_array_set_size (self->entries, self->entries->len - 1);

  g_array_set_size (self->undo, self->undo->len - 1);

  if (self->undo->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  g_signal_emit (self, signals [CHANGED], 0, question_id);
  save (self, NULL);

  return question_id;
}

/**
 * prep_review_store_is_due:
 *
 * Returns: whether the question was studied and is due before @until
 */
gboolean
prep_review_store_is_due (PrepReviewStore *self,
                          const char      *question_id,
                          gint64           until)
{
  const PrepCard *card;

  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), FALSE);

  card = g_hash_table_lookup (self->cards, question_id);
  return card != NULL && prep_card_is_due (card, until);
}

/**
 * prep_review_store_count_due:
 * @questions: a #GListModel of #PrepQuestion
 *
 * Returns: how many of @questions are due before @until
 */
guint
prep_review_store_count_due (PrepReviewStore *self,
                             GListModel      *questions,
                             gint64           until)
{
  guint n = 0;

  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (questions), 0);

  for (guint i = 0, len = g_list_model_get_n_items (questions); i < len; i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);

      if (prep_review_store_is_due (self, prep_question_get_id (question), until))
        n++;
    }

  return n;
}

/**
 * prep_review_store_next_due:
 *
 * Returns: the earliest due time after @after among @questions, or 0
 */
gint64
prep_review_store_next_due (PrepReviewStore *self,
                            GListModel      *questions,
                            gint64           after)
{
  gint64 next = 0;

  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (questions), 0);

  for (guint i = 0, len = g_list_model_get_n_items (questions); i < len; i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);
      const PrepCard *card = g_hash_table_lookup (self->cards, prep_question_get_id (question));

      if (card != NULL && card->due > after && (next == 0 || card->due < next))
        next = card->due;
    }

  return next;
}

guint
prep_review_store_get_n_log_entries (PrepReviewStore *self)
{
  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), 0);

  return json_array_get_length (self->log);
}

/**
 * prep_review_store_get_log:
 *
 * The reviews of the log that this version can read, oldest first (in the
 * order they were recorded); entries of another shape are left out.
 *
 * Returns: (transfer none) (element-type PrepReviewLogEntry): the log, to
 *   read only, valid until the store changes
 */
GArray *
prep_review_store_get_log (PrepReviewStore *self)
{
  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), NULL);

  return self->entries;
}

/**
 * prep_review_store_get_interview_day:
 *
 * Returns: the study day of the interview (see prep_study_day()), or 0
 */
gint64
prep_review_store_get_interview_day (PrepReviewStore *self)
{
  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), 0);

  return self->interview_day;
}

/**
 * prep_review_store_set_interview_day:
 * @day: a study day, or 0 for none
 *
 * Caps the intervals of reviews from now on so that every card is due by
 * the day before the interview (see prep_scheduler_review_before()). The
 * day is not saved in the review file: it is a preference.
 */
void
prep_review_store_set_interview_day (PrepReviewStore *self,
                                     gint64           day)
{
  g_return_if_fail (PREP_IS_REVIEW_STORE (self));

  day = MAX (day, 0);
  if (self->interview_day == day)
    return;

  self->interview_day = day;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INTERVIEW_DAY]);
  g_signal_emit (self, signals [CHANGED], 0, NULL);
}

/**
 * prep_review_store_get_file_path:
 *
 * Returns: the file read and written
 */
const char *
prep_review_store_get_file_path (PrepReviewStore *self)
{
  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), NULL);

  return prep_json_store_get_path (self->store);
}

/**
 * prep_review_store_get_set_aside_path:
 *
 * Returns: (nullable): where a damaged file found at load was kept
 */
const char *
prep_review_store_get_set_aside_path (PrepReviewStore *self)
{
  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), NULL);

  return prep_json_store_get_set_aside_path (self->store);
}

/**
 * prep_review_store_get_store:
 *
 * Returns: (transfer none): the file's store, for what its load found
 */
PrepJsonStore *
prep_review_store_get_store (PrepReviewStore *self)
{
  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), NULL);

  return self->store;
}

/**
 * prep_review_store_flush:
 *
 * Writes what a failed save left in memory, e.g. on retry or at quit.
 */
gboolean
prep_review_store_flush (PrepReviewStore  *self,
                         GError          **error)
{
  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), FALSE);

  if (!self->dirty)
    return TRUE;

  return save (self, error);
}

gboolean
prep_review_store_get_read_only (PrepReviewStore *self)
{
  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), TRUE);

  return prep_json_store_get_read_only (self->store);
}

/**
 * prep_review_store_get_save_error:
 *
 * Returns: (nullable): why the last save failed
 */
const char *
prep_review_store_get_save_error (PrepReviewStore *self)
{
  g_return_val_if_fail (PREP_IS_REVIEW_STORE (self), NULL);

  return self->save_error;
}
