/*
 * jsonl.c — events as JSON Lines: one object per event, ACLED's fields
 * first, then veille's, `sources` and `evidence` last.
 */
#include "export.h"

static int jsonl_begin(writer *w)
{
    (void)w;
    return 0;
}

static int jsonl_event(writer *w, const veille_event *e)
{
    w->len = 0;
    if (veille_event_to_json(e, &w->line, &w->len, &w->cap))
        return -1;
    w->line[w->len++] = '\n'; /* to_json leaves room for a NUL */
    w->count++;
    return fwrite(w->line, 1, w->len, w->out) == w->len ? 0 : -1;
}

static int jsonl_end(writer *w) { return fflush(w->out) ? -1 : 0; }

const writer_type writer_jsonl = {"jsonl", jsonl_begin, jsonl_event,
                                  jsonl_end};
