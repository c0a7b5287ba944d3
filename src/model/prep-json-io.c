/* prep-json-io.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-json-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "prep-json-io.h"

G_DEFINE_QUARK (prep-json-error-quark, prep_json_error)

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The code unit of a \uXXXX escape at @p (pointing at the backslash), or
 * -1 when it is not one. */
static int
escape_unit (const char *p,
             const char *end)
{
  int value = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;

  for (guint i = 2; i < 6; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return -1;
      value = value * 16 + h;
    }

  return value;
}

typedef struct
{
  const char      *data;
  GString         *out;       /* NULL until the first repair */
  gsize            copied;    /* data[0, copied) is in out */
  PrepJsonRepairs  repairs;
} Repairer;

static void
repair (Repairer        *r,
        gsize            start,
        gsize            end,
        const char      *replacement,
        PrepJsonRepairs  kind)
{
  if (r->out == NULL)
    r->out = g_string_sized_new (end + 64);
  g_string_append_len (r->out, r->data + r->copied, start - r->copied);
  g_string_append (r->out, replacement);
  r->copied = end;
  r->repairs |= kind;
}

/* Whether the integer literal @digits (no sign, no leading zeros beyond
 * one) is more than @limit, both as decimal strings. */
static gboolean
exceeds (const char *digits,
         gsize       len,
         const char *limit)
{
  gsize limit_len = strlen (limit);

  while (len > 1 && digits[0] == '0')
    digits++, len--;
  if (len != limit_len)
    return len > limit_len;
  return memcmp (digits, limit, len) > 0;
}

/**
 * prep_json_check:
 * @max_depth: the deepest nesting of arrays and objects allowed
 * @repaired: (out) (optional) (transfer full): when not %NULL, escapes and
 *   numbers json-glib cannot keep are repaired into a copy set here (or
 *   %NULL when nothing needed a repair); when %NULL, they are errors
 * @repairs: (out) (optional): what was repaired
 * @error_offset: (out) (optional): the byte where the problem is
 *
 * Checks JSON text before json-glib parses it: valid UTF-8, nesting no
 * deeper than @max_depth, and nothing json-glib would decode wrongly.
 * Does not check the grammar; json-glib does that afterwards.
 *
 * Returns: %TRUE if json-glib can be given the data (or the repaired copy)
 */
gboolean
prep_json_check (const char       *data,
                 gsize             length,
                 guint             max_depth,
                 char            **repaired,
                 gsize            *repaired_length,
                 PrepJsonRepairs  *repairs,
                 gsize            *error_offset,
                 GError          **error)
{
  Repairer r = { NULL, NULL, 0, 0 };
  const char *end;
  const char *invalid;
  const char *p;
  guint depth = 0;

  /* An empty GBytes has no data at all. */
  if (data == NULL || length == 0)
    data = "", length = 0;
  r.data = data;
  end = data + length;
  p = data;

  if (repaired != NULL)
    *repaired = NULL;
  if (repaired_length != NULL)
    *repaired_length = 0;
  if (repairs != NULL)
    *repairs = 0;

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      if (error_offset != NULL)
        *error_offset = invalid - data;
      g_set_error (error, PREP_JSON_ERROR, PREP_JSON_ERROR_UTF8,
                   "invalid UTF-8 (byte 0x%02x)", (guchar) *invalid);
      return FALSE;
    }

#define FAIL(where, code, ...) G_STMT_START {                        \
    if (error_offset != NULL)                                        \
      *error_offset = (where) - data;                                \
    g_set_error (error, PREP_JSON_ERROR, code, __VA_ARGS__);         \
    if (r.out != NULL)                                               \
      g_string_free (r.out, TRUE);                                   \
    return FALSE;                                                    \
  } G_STMT_END

  while (p < end)
    {
      char c = *p;

      if (c == '"')
        {
          for (p++; p < end && *p != '"'; )
            {
              int unit, low;

              if (*p != '\\')
                {
                  p++;
                  continue;
                }

              if ((unit = escape_unit (p, end)) < 0)
                {
                  /* "\u" without four hex digits: json-glib takes it and
                   * decodes it to bytes that are not UTF-8 (found by
                   * fuzz-store and fuzz-content). */
                  if (end - p >= 2 && p[1] == 'u')
                    {
                      if (repaired == NULL)
                        FAIL (p, PREP_JSON_ERROR_TEXT, "a \\u escape without four hexadecimal digits");
                      repair (&r, p - data, p + 2 - data, "\\ufffd", PREP_JSON_REPAIRED_TEXT);
                    }
                  /* "\300": json-glib's scanner reads up to three octal
                   * digits as one byte, which need not be UTF-8, and "\0"
                   * ends the text there (found by fuzz-store). JSON has no
                   * such escape. */
                  else if (end - p >= 2 && p[1] >= '0' && p[1] <= '7')
                    {
                      const char *digits_end = p + 2;

                      while (digits_end < end && digits_end < p + 4 && *digits_end >= '0' && *digits_end <= '7')
                        digits_end++;
                      if (repaired == NULL)
                        FAIL (p, PREP_JSON_ERROR_TEXT, "the escape \\%.*s is not JSON",
                              (int) (digits_end - p - 1), p + 1);
                      repair (&r, p - data, digits_end - data, "\\ufffd", PREP_JSON_REPAIRED_TEXT);
                      p = digits_end;
                      continue;
                    }
                  /* Any other escape (or a broken one, for json-glib to
                   * report): two bytes. */
                  p += MIN (2, end - p);
                  continue;
                }

              if (unit >= 0xD800 && unit <= 0xDBFF &&
                  (low = escape_unit (p + 6, end)) >= 0xDC00 && low <= 0xDFFF)
                {
                  p += 12;
                  continue;
                }

              if (unit == 0 || (unit >= 0xD800 && unit <= 0xDFFF))
                {
                  if (repaired == NULL)
                    FAIL (p, PREP_JSON_ERROR_TEXT,
                          unit == 0 ? "the escape \\u0000 (a NUL character) is not allowed in text"
                                    : "the escape \\u%04x is half of a surrogate pair: it encodes no character",
                          unit);
                  repair (&r, p - data, p + 6 - data, "\\ufffd", PREP_JSON_REPAIRED_TEXT);
                }
              p += 6;
            }
          if (p < end)
            p++;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            FAIL (p, PREP_JSON_ERROR_DEPTH, "nested deeper than %u levels", max_depth);
          p++;
        }
      else if (c == ']' || c == '}')
        {
          if (depth > 0)
            depth--;
          p++;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          const char *start = p;
          gboolean negative = c == '-';
          gboolean integer = TRUE;
          const char *digits;

          if (negative)
            p++;
          digits = p;
          while (p < end && (g_ascii_isdigit (*p) || *p == '.' || *p == 'e' || *p == 'E' ||
                             *p == '+' || *p == '-'))
            {
              if (!g_ascii_isdigit (*p))
                integer = FALSE;
              p++;
            }

          if (integer && p > digits &&
              exceeds (digits, p - digits, negative ? "9223372036854775808" : "9223372036854775807"))
            {
              if (repaired == NULL)
                FAIL (start, PREP_JSON_ERROR_NUMBER, "the integer %.*s is out of range",
                      (int) MIN (p - start, 40), start);
              repair (&r, start - data, p - data,
                      negative ? "-9223372036854775808" : "9223372036854775807", PREP_JSON_REPAIRED_NUMBERS);
            }
          else if (!integer)
            {
              g_autofree char *token = g_strndup (start, p - start);
              double value = g_ascii_strtod (token, NULL);

              if (isinf (value))
                {
                  if (repaired == NULL)
                    FAIL (start, PREP_JSON_ERROR_NUMBER, "the number %.*s is out of range",
                          (int) MIN (p - start, 40), start);
                  repair (&r, start - data, p - data,
                          negative ? "-1.7976931348623157e308" : "1.7976931348623157e308",
                          PREP_JSON_REPAIRED_NUMBERS);
                }
            }
        }
      else
        p++;
    }

#undef FAIL

  if (r.out != NULL)
    {
      g_string_append_len (r.out, data + r.copied, length - r.copied);
      if (repaired_length != NULL)
        *repaired_length = r.out->len;
      *repaired = g_string_free (r.out, FALSE);
    }
  if (repairs != NULL)
    *repairs = r.repairs;

  return TRUE;
}

/**
 * prep_json_offset_to_position:
 * @line: (out): 1-based
 * @column: (out): 1-based, in characters
 *
 * Where byte @offset of @data is, as an editor counts it.
 */
void
prep_json_offset_to_position (const char *data,
                              gsize       length,
                              gsize       offset,
                              guint      *line,
                              guint      *column)
{
  const char *end = data + MIN (offset, length);

  *line = 1;
  *column = 1;
  for (const char *p = data; p < end; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        (*column)++;
    }
}

/* Locating a JSON path ("$.questions[3].title.en") in the text. */

typedef struct
{
  gboolean is_array;
  guint    index;
  gsize    path_len;   /* length of the path up to this container */
} Level;

/* Skips whitespace; returns the next byte's pointer. */
static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

static const char *
skip_string (const char *p,
             const char *end)
{
  for (p++; p < end && *p != '"'; p++)
    if (*p == '\\')
      p++;
  return MIN (p + 1, end);
}

/* At a member's name: adds ".name" to @path and returns where its value
 * starts. */
static const char *
append_member (GString    *path,
               const char *p,
               const char *end)
{
  const char *key = p;

  p = skip_string (p, end);
  g_string_append_c (path, '.');
  g_string_append_len (path, key + 1, MAX (p - key - 2, 0));
  p = skip_space (p, end);
  if (p < end && *p == ':')
    p = skip_space (p + 1, end);
  return p;
}

/**
 * prep_json_locate:
 * @path: a path as the content validator writes them: "$", then ".member"
 *   and "[index]" steps
 * @offset: (out): where the value at @path starts
 *
 * Returns: whether @path was found in @data, which must be valid JSON
 *   (checked with prep_json_check())
 */
gboolean
prep_json_locate (const char *data,
                  gsize       length,
                  const char *path,
                  gsize      *offset)
{
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (Level));
  g_autoptr(GString) current = g_string_new ("$");
  const char *end = data + length;
  const char *p = skip_space (data, end);

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (offset != NULL, FALSE);

  while (p < end)
    {
      /* At the start of a value whose path is current. */
      if (g_str_equal (current->str, path))
        {
          *offset = p - data;
          return TRUE;
        }

      if (*p == '{' || *p == '[')
        {
          Level level = { *p == '[', 0, current->len };

          g_array_append_val (levels, level);
          p = skip_space (p + 1, end);
          if (p < end && (*p == '}' || *p == ']'))
            {
              g_array_set_size (levels, levels->len - 1);
              p++;
            }
          else if (level.is_array)
            {
              g_string_append (current, "[0]");
              continue;
            }
          else
            {
              p = append_member (current, p, end);
              continue;
            }
        }
      else if (*p == '"')
        p = skip_string (p, end);
      else
        while (p < end && *p != ',' && *p != ']' && *p != '}' && *p != ' ' && *p != '\n' &&
               *p != '\t' && *p != '\r')
          p++;

      /* After a value: the next member or element, or the container's end. */
      for (;;)
        {
          Level *level;

          p = skip_space (p, end);
          if (p >= end || levels->len == 0)
            return FALSE;

          level = &g_array_index (levels, Level, levels->len - 1);
          g_string_truncate (current, level->path_len);

          if (*p == ',')
            {
              p = skip_space (p + 1, end);
              if (level->is_array)
                g_string_append_printf (current, "[%u]", ++level->index);
              else
                p = append_member (current, p, end);
              break;
            }
          if (*p == ']' || *p == '}')
            {
              g_array_set_size (levels, levels->len - 1);
              p++;
              if (levels->len == 0)
                return FALSE;
              continue;
            }
          return FALSE;
        }
    }

  return FALSE;
}

/* Writing */

static void
append_string (GString    *out,
               const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20 || c == 0x7F)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
newline (GString *out,
         guint    depth,
         guint    pretty_depth)
{
  if (depth <= pretty_depth)
    {
      g_string_append_c (out, '\n');
      for (guint i = 0; i < depth; i++)
        g_string_append (out, "  ");
    }
}

static gboolean
write_node (GString   *out,
            JsonNode  *node,
            guint      depth,
            guint      pretty_depth,
            GError   **error)
{
  if (depth > PREP_JSON_MAX_DEPTH)
    {
      g_set_error (error, PREP_JSON_ERROR, PREP_JSON_ERROR_WRITE,
                   _("The data is nested deeper than %u levels"), PREP_JSON_MAX_DEPTH);
      return FALSE;
    }

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        g_string_append_c (out, '{');
        for (const GList *l = members; l; l = l->next)
          {
            if (!g_utf8_validate (l->data, -1, NULL))
              {
                g_set_error (error, PREP_JSON_ERROR, PREP_JSON_ERROR_WRITE,
                             _("A member name is not valid UTF-8 text"));
                return FALSE;
              }
            newline (out, depth + 1, pretty_depth);
            append_string (out, l->data);
            g_string_append (out, ": ");
            if (!write_node (out, json_object_get_member (object, l->data), depth + 1, pretty_depth, error))
              return FALSE;
            if (l->next != NULL)
              g_string_append (out, depth + 1 <= pretty_depth ? "," : ", ");
          }
        if (members != NULL)
          newline (out, depth, pretty_depth);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            newline (out, depth + 1, pretty_depth);
            if (!write_node (out, json_array_get_element (array, i), depth + 1, pretty_depth, error))
              return FALSE;
            if (i + 1 < n)
              g_string_append (out, depth + 1 <= pretty_depth ? "," : ", ");
          }
        if (n > 0)
          newline (out, depth, pretty_depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          {
            const char *s = json_node_get_string (node);

            if (s == NULL || !g_utf8_validate (s, -1, NULL))
              {
                g_set_error (error, PREP_JSON_ERROR, PREP_JSON_ERROR_WRITE,
                             _("A text is not valid UTF-8"));
                return FALSE;
              }
            append_string (out, s);
          }
          break;

        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;

        case G_TYPE_DOUBLE:
          {
            double value = json_node_get_double (node);
            char buf[G_ASCII_DTOSTR_BUF_SIZE];

            if (!isfinite (value))
              {
                g_set_error (error, PREP_JSON_ERROR, PREP_JSON_ERROR_WRITE,
                             _("A number is infinite or not a number, which JSON cannot hold"));
                return FALSE;
              }
            g_ascii_dtostr (buf, sizeof buf, value);
            g_string_append (out, buf);
            /* Read back as a double, not an integer. */
            if (strpbrk (buf, ".eE") == NULL)
              g_string_append (out, ".0");
          }
          break;

        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;

        default:
          g_set_error (error, PREP_JSON_ERROR, PREP_JSON_ERROR_WRITE,
                       _("A value of type %s cannot be written as JSON"),
                       g_type_name (json_node_get_value_type (node)));
          return FALSE;
        }
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/**
 * prep_json_to_data:
 * @pretty_depth: containers up to this depth have one member per line;
 *   deeper ones are written on one line, so that the size of the output
 *   stays proportional to the data whatever its nesting
 *
 * Writes @root as JSON, then checks that the text reads back: nothing is
 * returned that prep_json_check() and json-glib would not take again.
 *
 * Returns: (transfer full) (nullable): the text, ending in a newline
 */
char *
prep_json_to_data (JsonNode  *root,
                   guint      pretty_depth,
                   gsize     *length,
                   GError   **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (root != NULL, NULL);

  if (!write_node (out, root, 0, pretty_depth, error))
    return NULL;
  g_string_append_c (out, '\n');

  parser = json_parser_new_immutable ();
  if (!prep_json_check (out->str, out->len, PREP_JSON_MAX_DEPTH, NULL, NULL, NULL, NULL, &local_error) ||
      !json_parser_load_from_data (parser, out->str, out->len, &local_error))
    {
      g_set_error (error, PREP_JSON_ERROR, PREP_JSON_ERROR_WRITE,
                   _("The data would not read back (%s)"), local_error->message);
      return NULL;
    }

  if (length != NULL)
    *length = out->len;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * prep_json_read_file:
 * @max_size: larger files are refused
 *
 * Reads a regular file whole. Anything else (a directory, a FIFO, a
 * device) is refused without blocking on it.
 *
 * Returns: (transfer full) (nullable): the contents; on failure @error is
 *   set, with %G_FILE_ERROR_NOENT for a missing file
 */
GBytes *
prep_json_read_file (const char  *path,
                     gsize        max_size,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  struct stat st;
  gsize size = 0, capacity;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s (%s)", g_strerror (saved_errno), name);
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, PREP_JSON_ERROR, PREP_JSON_ERROR_NOT_REGULAR,
                   _("Not a regular file (%s)"), name);
      close (fd);
      return NULL;
    }

  if ((guint64) st.st_size > max_size)
    {
      g_set_error (error, PREP_JSON_ERROR, PREP_JSON_ERROR_TOO_LARGE,
                   _("The file is larger than %lu MB (%s)"), (gulong) (max_size / (1024 * 1024)), name);
      close (fd);
      return NULL;
    }

  /* The size may change while reading: read to the end, within the cap. */
  capacity = (gsize) st.st_size + 1;
  contents = g_malloc (capacity);
  for (;;)
    {
      gssize n;

      if (size == capacity)
        {
          if (capacity > max_size)
            {
              g_set_error (error, PREP_JSON_ERROR, PREP_JSON_ERROR_TOO_LARGE,
                           _("The file is larger than %lu MB (%s)"),
                           (gulong) (max_size / (1024 * 1024)), name);
              close (fd);
              return NULL;
            }
          capacity = capacity * 2;
          contents = g_realloc (contents, capacity);
        }

      n = read (fd, contents + size, capacity - size);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "%s (%s)", g_strerror (saved_errno), name);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      size += n;
    }

  close (fd);

  return g_bytes_new_take (g_steal_pointer (&contents), size);
}

/**
 * prep_json_resolve_links:
 *
 * Follows symbolic links from @path (even to a target that does not exist
 * yet), so that a save replaces the file the link points to, not the link.
 *
 * Returns: (transfer full): the path to write
 */
char *
prep_json_resolve_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  g_return_val_if_fail (path != NULL, NULL);

  for (guint i = 0; i < 16; i++)
    {
      g_autofree char *target = NULL;
      struct stat st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      if (!(target = g_file_read_link (current, NULL)))
        return g_steal_pointer (&current);

      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          g_autofree char *joined = g_build_filename (dir, target, NULL);

          g_free (target);
          target = g_steal_pointer (&joined);
        }

      g_free (current);
      current = g_steal_pointer (&target);
    }

  /* A loop of links: write the first one, as before. */
  return g_strdup (path);
}
