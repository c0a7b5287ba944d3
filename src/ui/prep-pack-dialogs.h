/* prep-pack-dialogs.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prep-pack-store.h"
#include "prep-user-data.h"

G_BEGIN_DECLS

/* The dialogs of importing and exporting question packs: the file
 * chooser (native: the portal in the Flatpak), progress, taken ids and
 * problems. The work is the model's (prep-pack-io.h). */

void prep_pack_dialogs_import (GtkWindow       *parent,
                               PrepPackStore   *store,
                               AdwToastOverlay *toasts);
void prep_pack_dialogs_import_file (GtkWindow       *parent,
                                    PrepPackStore   *store,
                                    AdwToastOverlay *toasts,
                                    GFile           *file);
void prep_pack_dialogs_export (GtkWindow       *parent,
                               PrepLibrary     *library,
                               PrepUserData    *user_data,
                               PrepQuestion    *current,
                               AdwToastOverlay *toasts);

G_END_DECLS
