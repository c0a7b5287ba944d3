/* prep-test-files.c: temporary files and times for the unit tests.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "prep-test-files.h"

/* Writes @contents to @path, creating its folder. */
void
prep_test_write_file (const char *path,
                      const char *contents)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

/* Removes @path and everything below it. */
void
prep_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        prep_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The Unix time of a local date and time, in the tests' time zone. */
gint64
prep_test_local_time (int year,
                      int month,
                      int day,
                      int hour,
                      int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}
