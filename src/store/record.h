/*
 * record.h — an event as the store keeps it: every field as an owned,
 * NUL-terminated string (ACLED's names, then veille's), and the list of
 * sources that report it.
 *
 * A record outlives the coder that produced it (unlike veille_event, which
 * is a view into the coder's memory): resolution, the store backends and
 * the exporters all work on records.
 */
#ifndef VEILLE_STORE_RECORD_H
#define VEILLE_STORE_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "veille.h"
#include "../core/event.h"

/* One article that reports the event, with what it says of it. */
typedef struct rec_source {
    char *article_id;
    char *outlet;     /* the article's `source` field */
    char *url;
    char *published;  /* YYYY-MM-DD */
    char *claimant;   /* who says it, in this article */
    char *certainty;  /* stated claimed hedged denied */
    char *fatalities; /* this article's figure, "" when it gives none */
    char *sentence;   /* the evidence sentence */
    int64_t start, end; /* its byte span in the article's normalized text */
} rec_source;

typedef struct rec_event {
    int64_t id;           /* the store's id, 0 before it is stored */
    char *f[EF_COUNT];    /* never NULL once made: "" when unknown */
    rec_source *src;
    size_t nsrc, capsrc;
} rec_event;

/* An empty record: every field "". */
int rec_init(rec_event *r);
/* Frees what the record owns and leaves it empty (rec_init again to reuse). */
void rec_free(rec_event *r);
/* Sets one field (copies s[0..len)). */
int rec_set(rec_event *r, event_field f, const char *s, size_t len);
int rec_set_str(rec_event *r, event_field f, const char *s);
/* The field as a number (0 when empty or not a number). */
long rec_long(const rec_event *r, event_field f);
double rec_double(const rec_event *r, event_field f, double if_empty);
/* Appends a copy of s (any NULL member stands for ""). */
int rec_add_source(rec_event *r, const rec_source *s);
/* A record from a coded event and the article it came from (one source). */
int rec_from_event(rec_event *r, const veille_event *e,
                   const veille_article *a);
void rec_source_free(rec_source *s);

#endif
