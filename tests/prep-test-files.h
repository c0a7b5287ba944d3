/* prep-test-files.h: temporary files and times for the unit tests.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void prep_test_write_file  (const char *path,
                            const char *contents);
void prep_test_remove_tree (const char *path);
gint64 prep_test_local_time (int         year,
                             int         month,
                             int         day,
                             int         hour,
                             int         minute);

G_END_DECLS
