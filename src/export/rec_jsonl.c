/*
 * rec_jsonl.c — stored events as JSON Lines: one object per event with
 * every field of event.h under its name, in the order `veille code`
 * writes them (numbers as JSON numbers, null when unknown), then
 * "sources": every article that reports the event (article_id, outlet,
 * url, published, claimant, certainty, fatalities, sentence, start, end).
 */
#include "rec_impl.h"

static int jsonl_begin(rec_writer *w)
{
    (void)w;
    return VEILLE_OK;
}

static int jsonl_put(rec_writer *w, const rec_event *e)
{
    buf *b = &w->line;
    buf_putc(b, '{');
    rec_json_fields(b, &w->scratch, e);
    buf_putc(b, ',');
    rec_json_sources(b, e);
    buf_put(b, "}\n", 2);
    return rec_flush_line(w);
}

static int jsonl_end(rec_writer *w)
{
    (void)w;
    return VEILLE_OK;
}

const rec_writer_type rec_writer_jsonl = {"jsonl", jsonl_begin, jsonl_put,
                                          jsonl_end};
