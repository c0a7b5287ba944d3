/* prep-export.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prep-export"

#include "config.h"

#include <glib/gi18n.h>

#include "prep-export.h"

/**
 * prep_export_notes_markdown:
 * @when: the export's date, printed in the heading
 *
 * Writes every bookmarked question and every note as one Markdown
 * document, by category in library order, with the questions' text so
 * that it reads on its own. Notes are copied as written.
 *
 * Returns: (transfer full): the document
 */
char *
prep_export_notes_markdown (PrepUserData *user_data,
                            PrepLibrary  *library,
                            GDateTime    *when)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *exported = NULL;
  GListModel *categories;
  guint n_written = 0;

  g_return_val_if_fail (PREP_IS_USER_DATA (user_data), NULL);
  g_return_val_if_fail (PREP_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (when != NULL, NULL);

  date = g_date_time_format (when, "%Y-%m-%d");
  g_string_append_printf (out, "# %s\n\n", _("LLM Prep: Bookmarks and Notes"));
  /* Translators: %s is a date such as 2026-11-29 */
  exported = g_strdup_printf (_("Exported on %s"), date);
  g_string_append_printf (out, "_%s_\n", exported);

  categories = prep_library_get_categories (library);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(PrepCategory) category = g_list_model_get_item (categories, i);
      GListModel *questions = prep_category_get_questions (category);
      gboolean heading = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, j);
          const char *id = prep_question_get_id (question);
          const char *note = prep_user_data_get_note (user_data, id);
          gboolean bookmarked = prep_user_data_get_bookmarked (user_data, id);

          if (note == NULL && !bookmarked)
            continue;

          if (!heading)
            {
              g_string_append_printf (out, "\n## %s\n", prep_category_get_title (category));
              heading = TRUE;
            }

          g_string_append_printf (out, "\n### %s%s\n\n", bookmarked ? "★ " : "",
                                  prep_question_get_title (question));
          g_string_append_printf (out, "`%s`\n", id);
          if (note != NULL)
            g_string_append_printf (out, "\n%s\n", note);
          n_written++;
        }
    }

  if (n_written == 0)
    g_string_append_printf (out, "\n%s\n", _("No bookmarks or notes yet."));

  return g_string_free (g_steal_pointer (&out), FALSE);
}
