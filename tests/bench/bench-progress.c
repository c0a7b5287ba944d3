/* bench-progress.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A benchmark, not a test: it prints figures and asserts nothing.
 *
 * Every figure of the Progress view (prep_progress_new() and the 20
 * weakest questions) over 10,000 questions in 12 categories and 200,000
 * reviews spread over two years, generated in memory. Next to it, measured
 * in the same run: one plain pass over the same log summing the grades,
 * the least any statistic over the log costs. The budget is 50 ms.
 * Then the same log as a reviews.json: reading it, which the app does once,
 * and the figures through the store, which the view does on each change. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdlib.h>

#include "bench-utils.h"
#include "prep-progress.h"
#include "prep-question-private.h"

#define N_QUESTIONS  10000
#define N_REVIEWS    200000
#define N_CATEGORIES 12
#define LOG_DAYS     730
#define RUNS         21
#define SEED         20261203
#define DAY          (24 * 60 * 60)
#define TARGET_MS    50.0
#define LOAD_RUNS    3

static double
elapsed_ms (gint64 begin)
{
  return (g_get_monotonic_time () - begin) / 1000.0;
}

static GListModel *
make_questions (void)
{
  GListStore *questions = g_list_store_new (PREP_TYPE_QUESTION);

  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      g_autofree char *id = g_strdup_printf ("synthetic-%05u", i);
      g_autoptr(PrepQuestion) question = _prep_question_new (id, "zh_TW");

      question->category_id = g_strdup_printf ("category-%02u", i % N_CATEGORIES);
      question->short_answer = prep_text_new ();
      g_list_store_append (questions, question);
    }

  return G_LIST_MODEL (questions);
}

/* Four in five questions studied, with stabilities and due times spread
 * from long overdue to months ahead. */
static PrepCard *
make_cards (GRand  *rand,
            gint64  now)
{
  PrepCard *cards = g_new (PrepCard, N_QUESTIONS);

  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      PrepCard *card = &cards[i];
      gint64 last;

      prep_card_init_new (card);
      if (g_rand_int_range (rand, 0, 5) == 0)
        continue;

      last = now - g_rand_int_range (rand, 0, 120) * (gint64) DAY - g_rand_int_range (rand, 0, DAY);
      card->state = g_rand_int_range (rand, 0, 10) == 0 ? PREP_CARD_LEARNING : PREP_CARD_REVIEW;
      card->memory.stability = g_rand_double_range (rand, 0.5, 200);
      card->memory.difficulty = g_rand_double_range (rand, 1, 10);
      card->last_review = last;
      card->due = last + (gint64) (card->memory.stability * DAY);
      card->reps = g_rand_int_range (rand, 1, 20);
      card->lapses = g_rand_int_range (rand, 0, 4);
      card->interval = card->due - last;
    }

  return cards;
}

/* In time order, as the store appends them: about 274 reviews a day over
 * the last two years. */
static GArray *
make_log (GRand        *rand,
          GStringChunk *ids,
          gint64        now)
{
  GArray *log = g_array_sized_new (FALSE, FALSE, sizeof (PrepReviewLogEntry), N_REVIEWS);
  gint64 first = now - (gint64) LOG_DAYS * DAY;

  for (guint i = 0; i < N_REVIEWS; i++)
    {
      char id[32];
      PrepReviewLogEntry entry;

      g_snprintf (id, sizeof id, "synthetic-%05d", g_rand_int_range (rand, 0, N_QUESTIONS));
      entry.question_id = g_string_chunk_insert_const (ids, id);
      entry.time = first + (gint64) i * LOG_DAYS * DAY / N_REVIEWS;
      entry.grade = (PrepGrade) g_rand_int_range (rand, PREP_GRADE_AGAIN, PREP_GRADE_EASY + 1);
      entry.kind = (PrepReviewKind) g_rand_int_range (rand, 0, PREP_REVIEW_N_KINDS);
      entry.state = (PrepCardState) g_rand_int_range (rand, PREP_CARD_NEW, PREP_CARD_RELEARNING + 1);
      entry.duration_ms = g_rand_int_range (rand, 0, 60000);
      g_array_append_val (log, entry);
    }

  return log;
}

static double
measure_reference (GArray *log,
                   guint  *sink)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 begin = g_get_monotonic_time ();
      guint sum = 0;
      double ms;

      for (guint i = 0; i < log->len; i++)
        sum += g_array_index (log, PrepReviewLogEntry, i).grade;
      ms = elapsed_ms (begin);
      *sink += sum;
      g_array_append_val (times, ms);
    }

  return prep_bench_median (times);
}

static double
measure_progress (GListModel     *questions,
                  const PrepCard *cards,
                  GArray         *log,
                  gint64          now,
                  double         *max,
                  guint          *sink)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 begin = g_get_monotonic_time ();
      g_autoptr(PrepProgress) progress = prep_progress_new (questions, cards, log, now);
      g_autoptr(GArray) weakest = prep_progress_dup_weakest (progress, 20);
      double ms = elapsed_ms (begin);

      *sink += prep_progress_get_today (progress)->streak + weakest->len;
      g_array_append_val (times, ms);
    }

  *max = g_array_index (times, double, 0);
  for (guint i = 1; i < times->len; i++)
    *max = MAX (*max, g_array_index (times, double, i));

  return prep_bench_median (times);
}

static void
report (const char     *title,
        GListModel     *questions,
        const PrepCard *cards,
        GArray         *log,
        gint64          now)
{
  double reference, median, max;
  guint sink = 0;

  reference = measure_reference (log, &sink);
  median = measure_progress (questions, cards, log, now, &max, &sink);

  g_print ("%s:\n", title);
  g_print ("  every statistic: median %7.2f ms, max %7.2f ms (%d runs; target <= %.0f ms)\n",
           median, max, RUNS, TARGET_MS);
  g_print ("  one pass over the log summing grades: median %.3f ms\n", reference);
  g_print ("  ratio to the pass: %.1f x  (checksum %u)\n", median / MAX (reference, 0.001), sink);
}

static void
write_reviews (const char *path,
               GArray     *log)
{
  static const char * const kinds[] = { "flashcard", "choice", "interview" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "log");
  json_builder_begin_array (builder);
  for (guint i = 0; i < log->len; i++)
    {
      const PrepReviewLogEntry *entry = &g_array_index (log, PrepReviewLogEntry, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (entry->time);
      g_autofree char *time = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "question");
      json_builder_add_string_value (builder, entry->question_id);
      json_builder_set_member_name (builder, "time");
      json_builder_add_string_value (builder, time);
      json_builder_set_member_name (builder, "grade");
      json_builder_add_int_value (builder, entry->grade);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kinds[entry->kind]);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, prep_card_state_to_string (entry->state));
      json_builder_set_member_name (builder, "duration");
      json_builder_add_int_value (builder, entry->duration_ms);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  if (!json_generator_to_file (generator, path, &error))
    g_error ("cannot write %s: %s", path, error->message);
}

static void
report_store (GListModel *questions,
              GArray     *log,
              gint64      now)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-progress-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "reviews.json", NULL);
  g_autoptr(PrepReviewStore) reviews = prep_review_store_new (path);
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) figures = g_array_new (FALSE, FALSE, sizeof (double));

  write_reviews (path, log);
  for (guint run = 0; run < LOAD_RUNS; run++)
    {
      gint64 begin = g_get_monotonic_time ();
      double ms;

      prep_review_store_load (reviews, NULL);
      ms = elapsed_ms (begin);
      g_array_append_val (loads, ms);
    }
  for (guint run = 0; run < RUNS; run++)
    {
      gint64 begin = g_get_monotonic_time ();
      g_autoptr(PrepProgress) progress = prep_progress_new_for_store (reviews, questions, now);
      double ms = elapsed_ms (begin);

      g_array_append_val (figures, ms);
    }

  g_print ("through a reviews.json of %u entries (the cards all new):\n", prep_review_store_get_log (reviews)->len);
  g_print ("  loading the file: median %7.1f ms (%d runs)\n", prep_bench_median (loads), LOAD_RUNS);
  g_print ("  every statistic from the store: median %7.2f ms (%d runs)\n", prep_bench_median (figures), RUNS);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GListModel) questions = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GStringChunk) ids = NULL;
  g_autoptr(GArray) log = NULL;
  g_autofree PrepCard *cards = NULL;
  g_autoptr(GDateTime) now_time = g_date_time_new_local (2026, 11, 29, 10, 0, 0);
  gint64 now = g_date_time_to_unix (now_time);
  gint64 begin;

  setlocale (LC_ALL, "");

  begin = g_get_monotonic_time ();
  ids = g_string_chunk_new (64 * 1024);
  questions = make_questions ();
  cards = make_cards (rand, now);
  log = make_log (rand, ids, now);
  g_print ("%u questions in %u categories, %u reviews over %u days (generated in %.0f ms)\n\n",
           N_QUESTIONS, N_CATEGORIES, N_REVIEWS, LOG_DAYS, elapsed_ms (begin));

  report ("log in time order", questions, cards, log, now);

  /* A log edited by hand or merged from two devices is in no order. */
  for (guint i = log->len - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      PrepReviewLogEntry tmp = g_array_index (log, PrepReviewLogEntry, i);

      g_array_index (log, PrepReviewLogEntry, i) = g_array_index (log, PrepReviewLogEntry, j);
      g_array_index (log, PrepReviewLogEntry, j) = tmp;
    }
  g_print ("\n");
  report ("log shuffled", questions, cards, log, now);

  g_print ("\n");
  report_store (questions, log, now);

  return EXIT_SUCCESS;
}
