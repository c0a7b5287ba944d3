/* prep-types.h
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PrepAnswerView       PrepAnswerView;
typedef struct _PrepBarChart         PrepBarChart;
typedef struct _PrepCardView         PrepCardView;
typedef struct _PrepChoiceView       PrepChoiceView;
typedef struct _PrepApplication      PrepApplication;
typedef struct _PrepCategory         PrepCategory;
typedef struct _PrepContentLoader    PrepContentLoader;
typedef struct _PrepContentIssue     PrepContentIssue;
typedef struct _PrepFollowUp         PrepFollowUp;
typedef struct _PrepHeatmap          PrepHeatmap;
typedef struct _PrepLibrary          PrepLibrary;
typedef struct _PrepPackStore        PrepPackStore;
typedef struct _PrepProgressView     PrepProgressView;
typedef struct _PrepQuestion         PrepQuestion;
typedef struct _PrepQuestionView     PrepQuestionView;
typedef struct _PrepQuizItem         PrepQuizItem;
typedef struct _PrepQuizSession      PrepQuizSession;
typedef struct _PrepQuizSummary      PrepQuizSummary;
typedef struct _PrepQuizView         PrepQuizView;
typedef struct _PrepReference        PrepReference;
typedef struct _PrepRenderer         PrepRenderer;
typedef struct _PrepReviewStore      PrepReviewStore;
typedef struct _PrepSidebar          PrepSidebar;
typedef struct _PrepSidebarRow       PrepSidebarRow;
typedef struct _PrepStackedBar       PrepStackedBar;
typedef struct _PrepText             PrepText;
typedef struct _PrepUserData         PrepUserData;
typedef struct _PrepWindow           PrepWindow;

G_END_DECLS
