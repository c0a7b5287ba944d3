/* bench-render.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A benchmark, not a test: it prints figures and asserts nothing.
 *
 * Render time of the longest bundled answer and of a synthetic 200 KB
 * answer with 100 code blocks and a 50-row table, each next to the time
 * to put the same Markdown into a buffer as plain text (the floor of any
 * renderer), measured in the same run. */

#include "config.h"

#include <stdlib.h>

#include "bench-utils.h"
#include "prep-library.h"
#include "prep-renderer.h"

#define RUNS 21

static void
measure (PrepRenderer *renderer,
         const char   *label,
         const char   *markdown,
         double        target_ms)
{
  g_autoptr(GArray) render = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (double));
  double r, p, first;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
      g_autoptr(GtkTextBuffer) reference = gtk_text_buffer_new (NULL);
      GtkTextIter iter;
      gint64 begin;
      double ms;

      begin = g_get_monotonic_time ();
      gtk_text_buffer_get_start_iter (buffer, &iter);
      prep_renderer_render (renderer, buffer, &iter, markdown, -1);
      ms = (g_get_monotonic_time () - begin) / 1000.0;
      g_array_append_val (render, ms);

      begin = g_get_monotonic_time ();
      gtk_text_buffer_set_text (reference, markdown, -1);
      ms = (g_get_monotonic_time () - begin) / 1000.0;
      g_array_append_val (plain, ms);
    }

  first = g_array_index (render, double, 0);
  r = prep_bench_median (render);
  p = prep_bench_median (plain);
  g_print ("%s (%zu KiB), median of %d runs:\n", label, strlen (markdown) / 1024, RUNS);
  if (target_ms > 0)
    g_print ("  render:                  %8.2f ms  (target <= %.0f ms)\n", r, target_ms);
  else
    g_print ("  render:                  %8.2f ms  (target <= 10 x plain text)\n", r);
  g_print ("  first render:            %8.2f ms  (figures decoded)\n", first);
  g_print ("  plain text (reference):  %8.2f ms\n", p);
  g_print ("  ratio:                   %8.1f x\n", r / p);
}

static char *
synthetic_answer (void)
{
  GString *md = g_string_new ("# 合成的長解答\n\n");

  g_string_append (md, "| # | 模型 | 參數量 | 上下文 | 註記 |\n|--:|:--|--:|:-:|:--|\n");
  for (guint i = 0; i < 50; i++)
    g_string_append_printf (md, "| %u | Model-%u | %u B | %uK | **粗體** 與 `code` |\n", i, i, i * 7, 4 << (i % 6));

  for (guint i = 0; md->len < 200 * 1024; i++)
    {
      g_string_append_printf (md, "\n## 第 %u 節：注意力與 [KV 快取](question:kv-cache)\n\n", i);
      g_string_append (md, "自注意力（Self-Attention）讓每個位置依查詢與鍵的相似度，加權彙整所有位置的值向量。"
                           "The cost is *quadratic* in sequence length, which **FlashAttention** does not change; "
                           "it removes the memory traffic of the n×n matrix instead.\n\n");
      g_string_append (md, "- 第一點：`softmax(QKᵀ/√dₖ)V`\n- 第二點\n  - 巢狀項目\n\n");
      if (i < 100)
        g_string_append_printf (md, "```python\nimport torch\n\ndef block_%u(x, w):\n    # 一個註解\n"
                                    "    return torch.softmax(x @ w.T / %u ** 0.5, dim=-1)\n```\n", i, i + 1);
    }

  return g_string_free (md, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PrepRenderer) renderer = prep_renderer_new ();
  g_autoptr(PrepLibrary) library = prep_library_new ("zh_TW");
  g_autofree char *synthetic = synthetic_answer ();
  GListModel *questions;
  PrepQuestion *longest = NULL;
  gsize longest_len = 0;

  if (!prep_library_load_resources (library, NULL, NULL))
    g_error ("the bundled content does not load");

  questions = prep_library_get_questions (library);
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(PrepQuestion) question = g_list_model_get_item (questions, i);
      gsize len = strlen (prep_question_get_detailed_answer (question));

      if (len > longest_len)
        {
          longest_len = len;
          g_set_object (&longest, question);
        }
    }

  {
    gint64 begin = g_get_monotonic_time ();

    prep_renderer_decode_figures_ahead (renderer, "/io/github/llmprep/LlmPrep/content/figures");
    g_print ("starting the figures' decoding in the worker thread (when idle after start-up): %.1f ms\n",
             (g_get_monotonic_time () - begin) / 1000.0);
  }

  if (longest != NULL)
    {
      g_autofree char *label = g_strdup_printf ("longest bundled answer, %s", prep_question_get_id (longest));
      measure (renderer, label, prep_question_get_detailed_answer (longest), 16);
      g_object_unref (longest);
    }
  else
    g_print ("longest bundled answer: none yet, no question has an answer\n");

  measure (renderer, "synthetic answer, 100 code blocks and a 50-row table", synthetic, 200);

  /* Hostile paragraphs (reliability review, render-03): thousands of spans,
   * entities and script changes on one line. Target: <= 10 x plain text. */
  {
    g_autoptr(GString) spans = g_string_new (NULL);
    g_autoptr(GString) entities = g_string_new (NULL);
    g_autoptr(GString) links = g_string_new (NULL);
    g_autoptr(GString) scripts = g_string_new (NULL);
    g_autoptr(GString) code = g_string_new ("```python\n");

    while (spans->len < 64 * 1024)
      g_string_append (spans, "*a* ");
    while (entities->len < 64 * 1024)
      g_string_append (entities, "中&amp;");
    while (scripts->len < 64 * 1024)
      g_string_append (scripts, "中a");
    while (links->len < 64 * 1024)
      g_string_append (links, "[a](https://x.org) `b` ");
    while (code->len < 64 * 1024)
      g_string_append (code, "a+b*c,");
    g_string_append (code, "\n```\n");

    measure (renderer, "hostile: one paragraph of *a* spans", spans->str, 0);
    measure (renderer, "hostile: one paragraph of Chinese and entities", entities->str, 0);
    measure (renderer, "hostile: one paragraph alternating Chinese and Latin", scripts->str, 0);
    measure (renderer, "hostile: one paragraph of links and code spans", links->str, 0);
    measure (renderer, "hostile: one line of code with 40,000 tokens", code->str, 0);
  }

  return EXIT_SUCCESS;
}
