/*
 * writer.c — the list of output formats.
 */
#include <stdlib.h>
#include <string.h>

#include "export.h"

static const writer_type *const all[] = {&writer_jsonl, &writer_table};

const writer_type *writer_find(const char *name)
{
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        if (strcmp(all[i]->name, name) == 0)
            return all[i];
    return NULL;
}

void writer_init(writer *w, const writer_type *t, FILE *out)
{
    memset(w, 0, sizeof *w);
    w->type = t;
    w->out = out;
}

void writer_free(writer *w)
{
    free(w->line);
    w->line = NULL;
}
