/* prep-anki-export.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The deck of an export when none is given; each category is a sub-deck. */
#define PREP_ANKI_DEFAULT_DECK "LLM Prep"

/* The columns of a row, 1-based as the file's headers name them. */
#define PREP_ANKI_COLUMN_FRONT 1
#define PREP_ANKI_COLUMN_BACK  2
#define PREP_ANKI_COLUMN_TAGS  3
#define PREP_ANKI_COLUMN_DECK  4
#define PREP_ANKI_COLUMN_GUID  5
#define PREP_ANKI_N_COLUMNS    5

char *prep_anki_export            (GPtrArray   *questions,
                                   const char  *locale,
                                   const char  *deck,
                                   GError     **error);
char *prep_anki_markdown_to_html  (const char  *markdown,
                                   GError     **error);
char *prep_anki_text_to_html      (const char  *text);
char *prep_anki_deck_name         (const char  *deck,
                                   const char  *category);
char *prep_anki_guid              (const char  *question_id);

G_END_DECLS
