/* prep-history.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-history"

#include "config.h"

#include "prep-history.h"

/* The questions visited, for Back and Forward as in a browser, and where
 * the reader was on each question's page within this run. Visiting a
 * question from anywhere but Back and Forward drops the forward entries.
 * The list keeps the last MAX_ENTRIES visits. */

#define MAX_ENTRIES 200

typedef struct
{
  char                *question_id;
  PrepReadingPosition  position;
} Entry;

struct _PrepHistory
{
  GObject     parent_instance;

  GArray     *entries;    /* Entry */
  GHashTable *positions;  /* question id → PrepReadingPosition */
  guint       current;    /* index into entries, if any */
};

G_DEFINE_FINAL_TYPE (PrepHistory, prep_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
clear_entry (gpointer data)
{
  g_free (((Entry *) data)->question_id);
}

static Entry *
current_entry (PrepHistory *self)
{
  return self->entries->len > 0 ? &g_array_index (self->entries, Entry, self->current) : NULL;
}

static void
remember (PrepHistory               *self,
          const PrepReadingPosition *leaving)
{
  Entry *entry = current_entry (self);

  if (entry == NULL || leaving == NULL)
    return;

  entry->position = *leaving;
  g_hash_table_insert (self->positions, g_strdup (entry->question_id),
                       g_memdup2 (leaving, sizeof *leaving));
}

static void
notify_moves (PrepHistory *self,
              gboolean     could_go_back,
              gboolean     could_go_forward)
{
  if (could_go_back != prep_history_get_can_go_back (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_GO_BACK]);
  if (could_go_forward != prep_history_get_can_go_forward (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_GO_FORWARD]);
}

static void
prep_history_finalize (GObject *object)
{
  PrepHistory *self = (PrepHistory *)object;

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (prep_history_parent_class)->finalize (object);
}

static void
prep_history_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PrepHistory *self = PREP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, prep_history_get_can_go_back (self));
      break;

    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, prep_history_get_can_go_forward (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prep_history_class_init (PrepHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = prep_history_finalize;
  object_class->get_property = prep_history_get_property;

  properties [PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prep_history_init (PrepHistory *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, clear_entry);
  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

PrepHistory *
prep_history_new (void)
{
  return g_object_new (PREP_TYPE_HISTORY, NULL);
}

/**
 * prep_history_get_current:
 *
 * Returns: (nullable): the question visited last
 */
const char *
prep_history_get_current (PrepHistory *self)
{
  Entry *entry;

  g_return_val_if_fail (PREP_IS_HISTORY (self), NULL);

  entry = current_entry (self);
  return entry ? entry->question_id : NULL;
}

gboolean
prep_history_get_can_go_back (PrepHistory *self)
{
  g_return_val_if_fail (PREP_IS_HISTORY (self), FALSE);

  return self->entries->len > 0 && self->current > 0;
}

gboolean
prep_history_get_can_go_forward (PrepHistory *self)
{
  g_return_val_if_fail (PREP_IS_HISTORY (self), FALSE);

  return self->entries->len > 0 && self->current + 1 < self->entries->len;
}

/**
 * prep_history_visit:
 * @leaving: (nullable): where the reader was on the question left
 *
 * Records that @question_id is shown now, and how the reader left the
 * question before it. Visiting the question already current does nothing.
 */
void
prep_history_visit (PrepHistory               *self,
                    const char                *question_id,
                    const PrepReadingPosition *leaving)
{
  gboolean could_go_back, could_go_forward;
  Entry entry = { NULL, PREP_READING_POSITION_TOP };

  g_return_if_fail (PREP_IS_HISTORY (self));
  g_return_if_fail (question_id != NULL);

  if (g_strcmp0 (prep_history_get_current (self), question_id) == 0)
    return;

  could_go_back = prep_history_get_can_go_back (self);
  could_go_forward = prep_history_get_can_go_forward (self);
  remember (self, leaving);

  if (self->entries->len > 0)
    g_array_set_size (self->entries, self->current + 1);
  entry.question_id = g_strdup (question_id);
  g_array_append_val (self->entries, entry);
  if (self->entries->len > MAX_ENTRIES)
    g_array_remove_index (self->entries, 0);
  self->current = self->entries->len - 1;

  notify_moves (self, could_go_back, could_go_forward);
}

static const char *
go (PrepHistory               *self,
    int                        step,
    const PrepReadingPosition *leaving,
    PrepReadingPosition       *position)
{
  gboolean could_go_back = prep_history_get_can_go_back (self);
  gboolean could_go_forward = prep_history_get_can_go_forward (self);
  Entry *entry;

  if (step < 0 ? !could_go_back : !could_go_forward)
    return NULL;

  remember (self, leaving);
  self->current += step;
  entry = current_entry (self);
  if (position != NULL)
    *position = entry->position;

  notify_moves (self, could_go_back, could_go_forward);

  return entry->question_id;
}

/**
 * prep_history_go_back:
 * @leaving: (nullable): where the reader is on the current question
 * @position: (out) (optional): where the reader was on the question
 *   returned to
 *
 * Returns: (nullable): the question to show, or %NULL if there is none
 *   before
 */
const char *
prep_history_go_back (PrepHistory               *self,
                      const PrepReadingPosition *leaving,
                      PrepReadingPosition       *position)
{
  g_return_val_if_fail (PREP_IS_HISTORY (self), NULL);

  return go (self, -1, leaving, position);
}

/**
 * prep_history_go_forward:
 *
 * As prep_history_go_back(), the other way.
 */
const char *
prep_history_go_forward (PrepHistory               *self,
                         const PrepReadingPosition *leaving,
                         PrepReadingPosition       *position)
{
  g_return_val_if_fail (PREP_IS_HISTORY (self), NULL);

  return go (self, 1, leaving, position);
}

/**
 * prep_history_lookup_position:
 * @position: (out): where the reader last left @question_id
 *
 * Returns: whether @question_id was read before in this run
 */
gboolean
prep_history_lookup_position (PrepHistory         *self,
                              const char          *question_id,
                              PrepReadingPosition *position)
{
  PrepReadingPosition *found;

  g_return_val_if_fail (PREP_IS_HISTORY (self), FALSE);

  if (question_id == NULL || !(found = g_hash_table_lookup (self->positions, question_id)))
    return FALSE;

  *position = *found;
  return TRUE;
}

guint
prep_history_get_length (PrepHistory *self)
{
  g_return_val_if_fail (PREP_IS_HISTORY (self), 0);

  return self->entries->len;
}
