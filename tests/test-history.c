/* test-history.c
 *
 * Copyright 2026 The LLM Prep authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "prep-history.h"

static void
test_back_and_forward (void)
{
  g_autoptr(PrepHistory) history = prep_history_new ();
  PrepReadingPosition position;
  const char *id;

  g_assert_null (prep_history_get_current (history));
  g_assert_false (prep_history_get_can_go_back (history));
  g_assert_null (prep_history_go_back (history, NULL, NULL));

  prep_history_visit (history, "a", NULL);
  prep_history_visit (history, "b", &(PrepReadingPosition) { 120, 4.5 });
  prep_history_visit (history, "c", &(PrepReadingPosition) { -1, 300 });
  /* Visiting the current question again is not a step. */
  prep_history_visit (history, "c", &(PrepReadingPosition) { 9, 9 });
  g_assert_cmpuint (prep_history_get_length (history), ==, 3);
  g_assert_true (prep_history_get_can_go_back (history));
  g_assert_false (prep_history_get_can_go_forward (history));

  /* Back returns where the reader left each page. */
  id = prep_history_go_back (history, &(PrepReadingPosition) { 42, 1 }, &position);
  g_assert_cmpstr (id, ==, "b");
  g_assert_cmpint (position.offset, ==, -1);
  g_assert_cmpfloat (position.delta, ==, 300);
  id = prep_history_go_back (history, &(PrepReadingPosition) { 77, 2 }, &position);
  g_assert_cmpstr (id, ==, "a");
  g_assert_cmpint (position.offset, ==, 120);
  g_assert_cmpfloat (position.delta, ==, 4.5);
  g_assert_false (prep_history_get_can_go_back (history));
  g_assert_null (prep_history_go_back (history, NULL, NULL));

  /* Forward, to where the reader was when going back. */
  id = prep_history_go_forward (history, NULL, &position);
  g_assert_cmpstr (id, ==, "b");
  g_assert_cmpint (position.offset, ==, 77);
  id = prep_history_go_forward (history, NULL, &position);
  g_assert_cmpstr (id, ==, "c");
  g_assert_cmpint (position.offset, ==, 42);
  g_assert_false (prep_history_get_can_go_forward (history));

  /* A new visit from the middle drops the forward entries. */
  prep_history_go_back (history, NULL, NULL);
  prep_history_visit (history, "d", NULL);
  g_assert_cmpuint (prep_history_get_length (history), ==, 3);
  g_assert_false (prep_history_get_can_go_forward (history));
  g_assert_cmpstr (prep_history_go_back (history, NULL, NULL), ==, "b");
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_positions_and_notify (void)
{
  g_autoptr(PrepHistory) history = prep_history_new ();
  PrepReadingPosition position;
  guint back = 0, forward = 0;

  g_signal_connect (history, "notify::can-go-back", G_CALLBACK (notify_cb), &back);
  g_signal_connect (history, "notify::can-go-forward", G_CALLBACK (notify_cb), &forward);

  prep_history_visit (history, "a", NULL);
  g_assert_cmpuint (back, ==, 0);
  prep_history_visit (history, "b", &(PrepReadingPosition) { 5, 0 });
  g_assert_cmpuint (back, ==, 1);
  prep_history_visit (history, "c", &(PrepReadingPosition) { 6, 0 });
  g_assert_cmpuint (back, ==, 1);
  prep_history_go_back (history, &(PrepReadingPosition) { 7, 0 }, NULL);
  g_assert_cmpuint (forward, ==, 1);

  /* Each question's place within the run, however it was left. */
  g_assert_true (prep_history_lookup_position (history, "a", &position));
  g_assert_cmpint (position.offset, ==, 5);
  g_assert_true (prep_history_lookup_position (history, "c", &position));
  g_assert_cmpint (position.offset, ==, 7);
  g_assert_false (prep_history_lookup_position (history, "z", &position));
}

static void
test_bounded (void)
{
  g_autoptr(PrepHistory) history = prep_history_new ();
  guint steps = 0;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *id = g_strdup_printf ("q-%u", i);
      prep_history_visit (history, id, NULL);
    }

  g_assert_cmpuint (prep_history_get_length (history), ==, 200);
  while (prep_history_go_back (history, NULL, NULL))
    steps++;
  g_assert_cmpuint (steps, ==, 199);
  g_assert_cmpstr (prep_history_get_current (history), ==, "q-800");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/back-and-forward", test_back_and_forward);
  g_test_add_func ("/history/positions-and-notify", test_positions_and_notify);
  g_test_add_func ("/history/bounded", test_bounded);

  return g_test_run ();
}
