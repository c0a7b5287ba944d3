/* render-dump.c: prints how a Markdown file renders, in the format of the
 * renderer corpus, the .expected files). A tool for writing
 * expectations, which must then be checked by hand. */

#include "config.h"

#include <stdio.h>

#include "prep-render-table.h"
#include "prep-renderer.h"

static gboolean
is_interesting (GtkTextTag *tag)
{
  g_autofree char *name = NULL;

  g_object_get (tag, "name", &name, NULL);
  return name == NULL ? g_object_get_data (G_OBJECT (tag), PREP_RENDERER_LINK_TARGET) != NULL
                      : !g_str_equal (name, "zh");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PrepRenderer) renderer = prep_renderer_new ();
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autofree char *markdown = NULL;
  g_autofree char *text = NULL;
  GtkTextIter iter, start, end;
  gsize len;

  if (argc != 2 || !g_file_get_contents (argv[1], &markdown, &len, NULL))
    return 1;

  gtk_text_buffer_get_end_iter (buffer, &iter);
  prep_renderer_render (renderer, buffer, &iter, markdown, len);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
  printf ("--- text\n%s\n--- tags\n", text);

  for (iter = start; !gtk_text_iter_is_end (&iter); gtk_text_iter_forward_char (&iter))
    {
      GSList *tags = gtk_text_iter_get_toggled_tags (&iter, TRUE);

      for (GSList *l = tags; l; l = l->next)
        {
          GtkTextTag *tag = l->data;
          GtkTextIter tag_end = iter;
          g_autofree char *name = NULL;
          const char *target;

          if (!is_interesting (tag))
            continue;
          gtk_text_iter_forward_to_tag_toggle (&tag_end, tag);
          g_object_get (tag, "name", &name, NULL);
          target = g_object_get_data (G_OBJECT (tag), PREP_RENDERER_LINK_TARGET);
          if (target != NULL)
            printf ("target %d %d %s\n", gtk_text_iter_get_offset (&iter), gtk_text_iter_get_offset (&tag_end), target);
          else
            printf ("%s %d %d\n", name, gtk_text_iter_get_offset (&iter), gtk_text_iter_get_offset (&tag_end));
        }
      g_slist_free (tags);
    }

  /* Tables are anchors in the text: their cells follow. */
  for (iter = start; !gtk_text_iter_is_end (&iter); gtk_text_iter_forward_char (&iter))
    {
      GtkTextChildAnchor *anchor = gtk_text_iter_get_child_anchor (&iter);
      PrepRenderTable *table = anchor ? g_object_get_data (G_OBJECT (anchor), PREP_RENDERER_TABLE) : NULL;

      if (table != NULL)
        {
          g_autofree char *cells = prep_render_table_dup_text (table);
          printf ("--- table %d\n%s\n", gtk_text_iter_get_offset (&iter), cells);
        }
    }

  return 0;
}
