/* prep-interview-row.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PREP_TYPE_INTERVIEW_ROW (prep_interview_row_get_type())

G_DECLARE_FINAL_TYPE (PrepInterviewRow, prep_interview_row, PREP, INTERVIEW_ROW, AdwActionRow)

GtkWidget *prep_interview_row_new (void);

G_END_DECLS
