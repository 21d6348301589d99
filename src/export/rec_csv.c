/*
 * rec_csv.c — events as CSV that reads like an ACLED export: ACLED's 31
 * columns first, under ACLED's names and in ACLED's order, so that
 * analysts' scripts work unchanged; then veille's own fields (event.h's
 * order); then three columns from the event's sources:
 *
 *   corroboration    how many articles report the event
 *   source_articles  their article ids, joined by "; "
 *   source_outlets   their outlets, one per article, in the same order
 *
 * ACLED's `source` of an event several outlets report is the distinct
 * outlets joined by "; ", as ACLED writes it.
 *
 * RFC 4180 quoting: a field that holds a comma, a double quote, CR or LF
 * is quoted, its quotes doubled; line breaks inside notes stay inside the
 * quotes.  Records end with LF (not RFC 4180's CRLF): like the rest of
 * veille's output and the Unix tools it is piped to; every CSV reader in
 * use (Python's csv, pandas, R, spreadsheets) accepts both.  No byte-order
 * mark.  Empty means unknown, numbers included.
 */
#include <string.h>

#include "rec_impl.h"

/* Appends s[0..n) as one CSV field. */
static void csv_field(buf *b, const char *s, size_t n)
{
    int quote = 0;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!quote) {
        buf_put(b, s, n);
        return;
    }
    buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '"') {
            buf_put(b, s + run, i + 1 - run); /* up to and with the quote */
            buf_putc(b, '"');
            run = i + 1;
        }
    buf_put(b, s + run, n - run);
    buf_putc(b, '"');
}

static void csv_str(buf *b, const char *s)
{
    csv_field(b, s ? s : "", s ? strlen(s) : 0);
}

/* Is f one of ACLED's columns (written first)? */
static int is_acled(int f)
{
    for (size_t i = 0; i < acled_ncolumns; i++)
        if ((int)acled_columns[i] == f)
            return 1;
    return 0;
}

static const char *const source_columns[] = {"corroboration",
                                             "source_articles",
                                             "source_outlets"};

static int csv_begin(rec_writer *w)
{
    buf *b = &w->line;
    for (size_t i = 0; i < acled_ncolumns; i++) {
        if (i)
            buf_putc(b, ',');
        buf_puts(b, event_fields[acled_columns[i]].name);
    }
    for (int f = 0; f < EF_COUNT; f++)
        if (!is_acled(f)) {
            buf_putc(b, ',');
            buf_puts(b, event_fields[f].name);
        }
    for (size_t i = 0; i < sizeof source_columns / sizeof *source_columns;
         i++) {
        buf_putc(b, ',');
        buf_puts(b, source_columns[i]);
    }
    buf_putc(b, '\n');
    return rec_flush_line(w);
}

/* One member of every source, joined by "; ", into scratch. */
static void join_sources(buf *scratch, const rec_event *e, int outlet)
{
    buf_clear(scratch);
    for (size_t i = 0; i < e->nsrc; i++) {
        const char *s = outlet ? e->src[i].outlet : e->src[i].article_id;
        if (i)
            buf_put(scratch, "; ", 2);
        if (s)
            buf_puts(scratch, s);
    }
}

static void csv_scratch(rec_writer *w)
{
    if (w->scratch.oom)
        w->line.oom = 1;
    else
        csv_field(&w->line, w->scratch.ptr ? w->scratch.ptr : "",
                  w->scratch.len);
}

static int csv_put(rec_writer *w, const rec_event *e)
{
    buf *b = &w->line;
    for (size_t i = 0; i < acled_ncolumns; i++) {
        event_field f = acled_columns[i];
        if (i)
            buf_putc(b, ',');
        if (f == EF_SOURCE) {
            buf_clear(&w->scratch);
            rec_put_outlets(&w->scratch, e);
            csv_scratch(w);
        } else
            csv_str(b, e->f[f]);
    }
    for (int f = 0; f < EF_COUNT; f++)
        if (!is_acled(f)) {
            buf_putc(b, ',');
            csv_str(b, e->f[f]);
        }
    char n[24];
    int k = snprintf(n, sizeof n, ",%zu,", e->nsrc);
    buf_put(b, n, (size_t)k);
    join_sources(&w->scratch, e, 0);
    csv_scratch(w);
    buf_putc(b, ',');
    join_sources(&w->scratch, e, 1);
    csv_scratch(w);
    buf_putc(b, '\n');
    return rec_flush_line(w);
}

static int csv_end(rec_writer *w)
{
    (void)w;
    return VEILLE_OK;
}

const rec_writer_type rec_writer_csv = {"csv", csv_begin, csv_put, csv_end};
