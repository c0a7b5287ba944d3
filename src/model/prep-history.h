/* prep-history.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "prep-types.h"

G_BEGIN_DECLS

/* Where the reader is on a question's page: the line of the answer at the
 * top of the page (a character offset) and how far down that line, or,
 * with offset -1, the page's scroll position in pixels. */
typedef struct
{
  int    offset;
  double delta;
} PrepReadingPosition;

#define PREP_READING_POSITION_TOP ((PrepReadingPosition) { -1, 0 })

#define PREP_TYPE_HISTORY (prep_history_get_type())

G_DECLARE_FINAL_TYPE (PrepHistory, prep_history, PREP, HISTORY, GObject)

PrepHistory *prep_history_new              (void);
const char  *prep_history_get_current      (PrepHistory               *self);
gboolean     prep_history_get_can_go_back  (PrepHistory               *self);
gboolean     prep_history_get_can_go_forward (PrepHistory             *self);
void         prep_history_visit            (PrepHistory               *self,
                                            const char                *question_id,
                                            const PrepReadingPosition *leaving);
const char  *prep_history_go_back          (PrepHistory               *self,
                                            const PrepReadingPosition *leaving,
                                            PrepReadingPosition       *position);
const char  *prep_history_go_forward       (PrepHistory               *self,
                                            const PrepReadingPosition *leaving,
                                            PrepReadingPosition       *position);
gboolean     prep_history_lookup_position  (PrepHistory               *self,
                                            const char                *question_id,
                                            PrepReadingPosition       *position);
guint        prep_history_get_length       (PrepHistory               *self);

G_END_DECLS
