/* bench-search.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A benchmark, not a test: it prints figures and asserts nothing.
 *
 * Index build time and query latency of the search, over the bundled
 * content and over a synthetic pack of 10,000 questions shaped like the
 * bundled ones. A query's time is the time to the ranked list of results;
 * the snippets of the first 50, what a list shows, are timed apart. Next
 * to each query, a bare strstr() finding every occurrence of its terms in
 * the same folded text, measured in the same run: a search without an
 * index scans at least that much. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "bench-utils.h"
#include "prep-library.h"
#include "prep-search-private.h"

#define QUERY_RUNS     101
#define BIG_QUERY_RUNS 21
#define BUILD_RUNS     11
#define BIG_BUILD_RUNS 3
#define N_SNIPPETS     50
#define N_SYNTHETIC    10000
#define SEED           20260101
#define N_TOPICS       12

static const char *queries[] = {
  "注意力",
  "快取",
  "位置編碼",
  "kv cache",
  "rope",
  "lora 微調",
  "注意力 記憶體 頻寬",
  "FlashAttention",
  "頭",
  "量子糾纏",
  "的",
};

static const char *chinese_words[] = {
  "注意力", "自注意力", "多頭注意力", "快取", "記憶體", "頻寬", "解碼", "預填", "位置編碼",
  "旋轉位置編碼", "詞嵌入", "向量", "矩陣", "乘法", "梯度", "反向傳播", "最佳化", "學習率",
  "正規化", "層正規化", "殘差連接", "前饋網路", "激活函數", "損失函數", "交叉熵", "困惑度",
  "取樣", "溫度", "束搜尋", "貪婪解碼", "推測解碼", "量化", "蒸餾", "剪枝", "微調", "預訓練",
  "指令微調", "對齊", "偏好", "獎勵模型", "強化學習", "策略", "資料集", "標註", "分詞", "詞表",
  "子詞", "上下文", "視窗", "長度", "序列", "批次", "吞吐量", "延遲", "平行", "張量平行",
  "管線平行", "資料平行", "分散式", "通訊", "顯示卡", "算力", "精度", "浮點數", "混合精度",
  "檢查點", "模型", "參數", "權重", "偏差", "幻覺", "評估", "基準測試", "提示詞", "少樣本",
  "零樣本", "思維鏈", "推理", "檢索", "增強生成", "知識庫", "向量資料庫", "相似度", "餘弦",
  "嵌入", "編碼器", "解碼器", "架構", "變體", "稀疏", "專家混合", "路由", "負載平衡", "部署",
  "服務", "監控", "安全", "隱私", "偏見", "公平性", "可解釋性", "穩定性", "數值", "溢位",
  "收斂", "過擬合", "泛化", "資料增強", "早停", "正則化", "丟棄法", "權重衰減", "頭", "層",
  "步驟", "階段", "瓶頸", "成本", "效能", "生成", "語言", "文字", "多模態", "語音", "翻譯",
  "摘要", "分類", "問答", "對話", "代理", "工具呼叫", "函式", "程式碼",
};

static const char *connectors[] = {
  "的", "與", "是", "在", "會", "讓", "可以", "因為", "所以", "但是", "而且", "如果", "需要",
  "透過", "減少", "增加", "提升", "降低", "計算", "使用", "比較", "影響", "決定", "依賴", "包含",
};

static const char *english_words[] = {
  "KV cache", "FlashAttention", "RoPE", "ALiBi", "softmax", "LayerNorm", "RMSNorm", "GELU",
  "SwiGLU", "LoRA", "QLoRA", "PEFT", "RLHF", "DPO", "PPO", "GRPO", "MoE", "GQA", "MQA", "MLA",
  "BF16", "FP8", "INT4", "GPTQ", "AWQ", "vLLM", "PagedAttention", "TensorRT", "ONNX",
  "DeepSpeed", "ZeRO", "FSDP", "NCCL", "CUDA", "Transformer", "BERT", "GPT", "Llama",
  "tokenizer", "BPE", "SentencePiece", "embedding", "attention", "decoder", "encoder",
  "perplexity", "beam search", "top-p", "temperature", "throughput", "latency", "batch",
  "prefill", "decode", "HBM", "GEMM", "roofline",
};

/* Each question is about two topics: most of its words come from them,
 * the rest from anywhere, so that a word is in some questions, not all. */
typedef struct
{
  GRand *rand;
  guint  topics[2];
} Writer;

static const char *
draw (Writer      *writer,
      const char **words,
      guint        n_words)
{
  guint topic = writer->topics[g_rand_int_range (writer->rand, 0, 2)];
  guint n_in_topic = (n_words - topic + N_TOPICS - 1) / N_TOPICS;

  if (g_rand_double (writer->rand) < 0.15)
    return words[g_rand_int_range (writer->rand, 0, n_words)];

  return words[topic + N_TOPICS * g_rand_int_range (writer->rand, 0, n_in_topic)];
}

#define DRAW(writer, words) draw ((writer), (words), G_N_ELEMENTS (words))

static void
append_sentence (GString  *out,
                 Writer   *writer,
                 gboolean  markdown)
{
  GRand *rand = writer->rand;
  guint n = g_rand_int_range (rand, 6, 14);

  for (guint i = 0; i < n; i++)
    {
      double kind = g_rand_double (rand);

      if (kind < 0.6)
        {
          g_string_append (out, DRAW (writer, chinese_words));
        }
      else if (kind < 0.82)
        {
          g_string_append (out, connectors[g_rand_int_range (rand, 0, G_N_ELEMENTS (connectors))]);
        }
      else
        {
          const char *word = DRAW (writer, english_words);

          if (markdown && g_rand_double (rand) < 0.15)
            g_string_append_printf (out, " `%s` ", word);
          else if (markdown && g_rand_double (rand) < 0.1)
            g_string_append_printf (out, " **%s** ", word);
          else
            g_string_append_printf (out, " %s ", word);
        }
      if (i == n / 2)
        g_string_append (out, "，");
    }
  g_string_append (out, "。");
}

static char *
make_text (Writer *writer,
           guint   min_chars)
{
  GString *out = g_string_new (NULL);

  while ((guint) g_utf8_strlen (out->str, -1) < min_chars)
    append_sentence (out, writer, FALSE);

  return g_string_free (out, FALSE);
}

static char *
make_detailed_answer (Writer *writer)
{
  GString *out = g_string_new (NULL);
  guint target = g_rand_int_range (writer->rand, 1500, 2001);

  for (guint section = 0; (guint) g_utf8_strlen (out->str, -1) < target; section++)
    {
      g_string_append_printf (out, "## %s與%s\n\n",
                              DRAW (writer, chinese_words), DRAW (writer, chinese_words));
      for (guint i = 0; i < 4; i++)
        append_sentence (out, writer, TRUE);
      g_string_append (out, "\n\n");

      if (section % 2 == 1)
        {
          for (guint i = 0; i < 3; i++)
            {
              g_string_append_printf (out, "- **%s**：", DRAW (writer, chinese_words));
              append_sentence (out, writer, TRUE);
              g_string_append_c (out, '\n');
            }
          g_string_append_c (out, '\n');
        }
      if (section == 2)
        {
          g_string_append (out, "| 項目 | 說明 |\n|---|---|\n");
          for (guint i = 0; i < 3; i++)
            {
              g_string_append_printf (out, "| %s | ", DRAW (writer, english_words));
              append_sentence (out, writer, FALSE);
              g_string_append (out, " |\n");
            }
          g_string_append_c (out, '\n');
        }
      if (section == 3)
        g_string_append (out, "```python\nscores = q @ k.T / d ** 0.5\nprobs = softmax(scores)\n```\n\n");
    }

  return g_string_free (out, FALSE);
}

static void
add_localized (JsonBuilder *builder,
               const char  *member,
               const char  *zh,
               const char  *en)
{
  if (member != NULL)
    json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "zh_TW");
  json_builder_add_string_value (builder, zh);
  if (en != NULL)
    {
      json_builder_set_member_name (builder, "en");
      json_builder_add_string_value (builder, en);
    }
  json_builder_end_object (builder);
}

static void
add_texts (JsonBuilder *builder,
           Writer      *writer,
           const char  *member,
           guint        n,
           guint        n_chars)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = make_text (writer, n_chars);

      add_localized (builder, NULL, text, NULL);
    }
  json_builder_end_array (builder);
}

/* Titles of about 30 characters, a 200-character short answer, a detailed
 * answer of 1,500 to 2,000 characters with headings, lists, a table and
 * code, five key points, two follow-ups and two pitfalls, all in Chinese
 * mixed with English terms; the title in English too. */
static GBytes *
make_synthetic_pack (guint n_questions)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  Writer writer = { rand, { 0, 0 } };
  gsize length;
  char *json;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "synthetic");
  add_localized (builder, "title", "合成題庫", "Synthetic");
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_questions; i++)
    {
      g_autofree char *id = g_strdup_printf ("synthetic-%05u", i);
      g_autofree char *title = NULL;
      g_autofree char *title_en = NULL;
      g_autofree char *short_answer = NULL;
      g_autofree char *detailed = NULL;

      writer.topics[0] = g_rand_int_range (rand, 0, N_TOPICS);
      writer.topics[1] = g_rand_int_range (rand, 0, N_TOPICS);
      title = g_strdup_printf ("什麼是%s？它與%s和%s有什麼不同，為什麼%s%s？",
                               DRAW (&writer, chinese_words), DRAW (&writer, chinese_words),
                               DRAW (&writer, english_words), DRAW (&writer, chinese_words),
                               connectors[g_rand_int_range (rand, 0, G_N_ELEMENTS (connectors))]);
      title_en = g_strdup_printf ("What is %s, and how does it differ from %s and %s?",
                                  DRAW (&writer, english_words), DRAW (&writer, english_words),
                                  DRAW (&writer, english_words));
      short_answer = make_text (&writer, 200);
      detailed = make_detailed_answer (&writer);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, "synthetic");
      json_builder_set_member_name (builder, "origin");
      json_builder_add_string_value (builder, "added");
      json_builder_set_member_name (builder, "difficulty");
      json_builder_add_string_value (builder, "intermediate");
      json_builder_set_member_name (builder, "tags");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
      add_localized (builder, "question", title, title_en);
      add_localized (builder, "short_answer", short_answer, NULL);
      add_localized (builder, "detailed_answer", detailed, NULL);
      add_texts (builder, &writer, "key_points", 5, 50);
      add_texts (builder, &writer, "pitfalls", 2, 50);

      json_builder_set_member_name (builder, "follow_ups");
      json_builder_begin_array (builder);
      for (guint j = 0; j < 2; j++)
        {
          g_autofree char *question = make_text (&writer, 25);
          g_autofree char *answer = make_text (&writer, 100);

          json_builder_begin_object (builder);
          add_localized (builder, "question", question, NULL);
          add_localized (builder, "answer", answer, NULL);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &length);

  return g_bytes_new_take (json, length);
}

static double
elapsed_ms (gint64 begin)
{
  return (g_get_monotonic_time () - begin) / 1000.0;
}

static double
median_and_max (GArray *values,
                double *max)
{
  double median = prep_bench_median (values);

  *max = g_array_index (values, double, values->len - 1);
  return median;
}

static PrepSearch *
measure_build (PrepLibrary *library,
               guint        runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  PrepSearch *search = NULL;
  double median, max;

  for (guint run = 0; run < runs; run++)
    {
      gint64 begin = g_get_monotonic_time ();
      double ms;

      g_clear_object (&search);
      search = prep_search_new (library, NULL);
      ms = elapsed_ms (begin);
      g_array_append_val (times, ms);
    }

  median = median_and_max (times, &max);
  g_print ("  index build:  median %8.1f ms, max %8.1f ms (%u runs); index %.1f MiB\n",
           median, max, runs,
           _prep_search_get_index_size (search) / (1024.0 * 1024.0));

  return search;
}

/* The floor without an index: every occurrence of every term, found by
 * strstr() over all the folded text. */
static double
reference_scan (const char *folded,
                const char *query,
                guint      *n_found)
{
  g_auto(GStrv) terms = prep_search_split_terms (query);
  gint64 begin = g_get_monotonic_time ();
  guint found = 0;

  for (guint i = 0; terms[i] != NULL; i++)
    {
      gsize length = strlen (terms[i]);

      for (const char *p = strstr (folded, terms[i]); p != NULL; p = strstr (p + length, terms[i]))
        found++;
    }

  *n_found = found;
  return elapsed_ms (begin);
}

static void
measure_queries (PrepSearch *search,
                 guint       runs,
                 double      target_ms)
{
  g_autofree char *folded = NULL;
  g_autoptr(GListModel) first = NULL;
  double worst_median = 0;
  double worst_max = 0;
  double sum_ratio = 0;
  gint64 begin;

  /* The first query is the first to read what the build wrote: apart,
   * since it is paid once, at a cost that depends on the machine. */
  begin = g_get_monotonic_time ();
  first = prep_search_query (search, queries[0]);
  g_print ("  first query after the build: %.3f ms\n", elapsed_ms (begin));
  folded = _prep_search_dup_folded_text (search, NULL);
  g_clear_object (&first);
  first = prep_search_query (search, queries[0]);

  g_print ("  %-22s %7s %9s %9s %11s %9s %7s\n",
           "query", "results", "median", "max", "50 snippets", "strstr", "ratio");

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) snippet_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) reference_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *label = g_strdup_printf ("“%s”", queries[q]);
      guint n_results = 0;
      guint n_found = 0;
      double median, max, snippets, reference;
      int pad;

      for (guint run = 0; run < runs; run++)
        {
          g_autoptr(GListModel) results = NULL;
          double ms;

          begin = g_get_monotonic_time ();
          results = prep_search_query (search, queries[q]);
          ms = elapsed_ms (begin);
          g_array_append_val (times, ms);
          n_results = g_list_model_get_n_items (results);

          /* What a results list shows first. */
          begin = g_get_monotonic_time ();
          for (guint i = 0; i < MIN (n_results, N_SNIPPETS); i++)
            {
              g_autoptr(PrepSearchResult) result = g_list_model_get_item (results, i);
              g_autofree char *markup = prep_search_result_dup_snippet_markup (result);
            }
          ms = elapsed_ms (begin);
          g_array_append_val (snippet_times, ms);

          if (run < 5)
            {
              ms = reference_scan (folded, queries[q], &n_found);
              g_array_append_val (reference_times, ms);
            }
        }

      median = median_and_max (times, &max);
      snippets = prep_bench_median (snippet_times);
      reference = prep_bench_median (reference_times);
      worst_median = MAX (worst_median, median);
      worst_max = MAX (worst_max, max);
      sum_ratio += median / reference;

      /* Pad by characters, not bytes, for the Chinese queries. */
      pad = 22 - (int) g_utf8_strlen (label, -1) - (int) (strlen (label) - g_utf8_strlen (label, -1)) / 2;
      g_print ("  %s%*s %7u %6.3f ms %6.3f ms %8.3f ms %6.3f ms %6.2f x\n",
               label, MAX (pad, 0), "", n_results, median, max, snippets, reference, median / reference);
    }

  g_print ("  worst median %.3f ms, worst max %.3f ms (target <= %.0f ms); mean ratio to strstr %.2f x\n",
           worst_median, worst_max, target_ms, sum_ratio / G_N_ELEMENTS (queries));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PrepLibrary) bundled = prep_library_new ("zh_TW");
  g_autoptr(PrepLibrary) synthetic = prep_library_new ("zh_TW");
  g_autoptr(PrepContentLoader) loader = NULL;
  g_autoptr(PrepSearch) search = NULL;
  g_autoptr(GBytes) pack = NULL;
  g_autoptr(GError) error = NULL;
  gint64 begin;
  double generate_ms;

  setlocale (LC_ALL, "");

  if (!prep_library_load_resources (bundled, NULL, &error))
    g_error ("the bundled content does not load: %s", error->message);

  g_print ("bundled content, %u questions, median of %d runs per query:\n",
           g_list_model_get_n_items (prep_library_get_questions (bundled)), QUERY_RUNS);
  search = measure_build (bundled, BUILD_RUNS);
  measure_queries (search, QUERY_RUNS, 2);
  g_clear_object (&search);

  begin = g_get_monotonic_time ();
  pack = make_synthetic_pack (N_SYNTHETIC);
  generate_ms = elapsed_ms (begin);

  begin = g_get_monotonic_time ();
  loader = prep_content_loader_new ("zh_TW", PREP_CONTENT_FLAGS_NONE);
  prep_content_loader_add_bytes (loader, "synthetic.json", pack);
  if (!prep_library_load_loader (synthetic, loader, &error))
    g_error ("the synthetic pack does not load: %s", error->message);

  g_print ("\nsynthetic pack, %u questions, %.1f MiB of JSON (generated in %.0f ms, loaded in %.0f ms), "
           "median of %d runs per query:\n",
           N_SYNTHETIC, g_bytes_get_size (pack) / (1024.0 * 1024.0), generate_ms, elapsed_ms (begin),
           BIG_QUERY_RUNS);
  g_clear_pointer (&loader, prep_content_loader_free);
  search = measure_build (synthetic, BIG_BUILD_RUNS);
  measure_queries (search, BIG_QUERY_RUNS, 16);

  return EXIT_SUCCESS;
}
