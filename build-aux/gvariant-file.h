/* gvariant-file.h: shared by the build's tools.
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* Writes @value to @path little-endian, whatever the machine that builds
 * it: the app reads the file in place, byteswapping on big-endian ones. */
static inline gboolean
write_gvariant_file (GVariant    *value,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GVariant) written = G_BYTE_ORDER == G_BIG_ENDIAN ? g_variant_byteswap (value) : g_variant_ref (value);
  g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (written);

  return g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}
