/*
 * rec_impl.h — what the record writers (rec_csv.c, rec_geojson.c,
 * rec_jsonl.c) share with rec_writer.c: the writer handle, the table of
 * functions each format fills in, and helpers that append one piece of a
 * line to the writer's reusable buffer.  Private to src/export.
 */
#ifndef VEILLE_EXPORT_REC_IMPL_H
#define VEILLE_EXPORT_REC_IMPL_H

#include "../core/buf.h"
#include "records.h"

typedef struct rec_writer_type {
    const char *name;
    /* Each builds its text in w->line and hands it to rec_flush_line. */
    int (*begin)(rec_writer *w);
    int (*put)(rec_writer *w, const rec_event *e);
    int (*end)(rec_writer *w);
} rec_writer_type;

struct rec_writer {
    const rec_writer_type *type;
    FILE *out;
    buf line;            /* reused for every record: no malloc per field */
    buf scratch;         /* reused too: a value built before it is quoted */
    unsigned long count; /* records written */
    int begun, ended;    /* put and end begin first when the caller did not */
};

extern const rec_writer_type rec_writer_csv;
extern const rec_writer_type rec_writer_geojson;
extern const rec_writer_type rec_writer_jsonl;

/* Writes w->line to w->out and empties it: VEILLE_ENOMEM when building the
 * line ran out of memory, VEILLE_EIO when the write failed. */
int rec_flush_line(rec_writer *w);

/* Is s a number as JSON writes it (-?int frac? exp?)?  Numeric fields
 * whose text is not are written as JSON strings, so that the output stays
 * valid JSON and nothing is lost. */
int rec_json_number_ok(const char *s);

/* Appends s[0..n) as a JSON string, with its quotes: quote, backslash and
 * control characters escaped, valid UTF-8 as it is, a byte that is not
 * valid UTF-8 as \ufffd (strict JSON readers refuse such bytes). */
void rec_json_str(buf *b, const char *s, size_t n);

/* Appends "key":value for every field of the record in event.h's order
 * (the order of `veille code`), comma-separated, without braces.  Numeric
 * fields are JSON numbers, null when empty; `source` is the joined outlets
 * (rec_put_outlets, built in scratch). */
void rec_json_fields(buf *b, buf *scratch, const rec_event *e);
/* Appends "sources":[{…},…]. */
void rec_json_sources(buf *b, const rec_event *e);

/* Appends the distinct non-empty outlets of the event's sources in order,
 * joined by "; " (ACLED's `source` of an event several outlets report);
 * the `source` field itself when no source names an outlet. */
void rec_put_outlets(buf *b, const rec_event *e);

#endif
