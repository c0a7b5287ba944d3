/* prep-export.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "prep-library.h"
#include "prep-user-data.h"

G_BEGIN_DECLS

char *prep_export_notes_markdown (PrepUserData *user_data,
                                  PrepLibrary  *library,
                                  GDateTime    *when);

G_END_DECLS
