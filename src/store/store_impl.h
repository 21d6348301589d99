/*
 * store_impl.h — what a storage backend provides (sqlite.c, pg.c), and the
 * handle they share.  Private to src/store, src/resolve and the ingest
 * code; programs use store.h.
 *
 * Schema: one SQL file per backend (schema/sqlite.sql, schema/postgresql.sql),
 * cut into numbered migrations ("-- migration N: why" lines); a backend
 * records the last migration applied and applies the newer ones on open,
 * in one transaction.  Tables: articles, events, event_sources, rejects
 * (and schema_migrations).
 */
#ifndef VEILLE_STORE_IMPL_H
#define VEILLE_STORE_IMPL_H

#include "store.h"

/* An article as stored (views; NUL-terminated). */
typedef struct store_article {
    const char *id;
    const char *hash;      /* hex content hash of title + text */
    const char *url, *outlet, *published, *lang, *title;
    const char *origin;    /* "file.jsonl:12" */
    long nevents;          /* events coded from it */
} store_article;

typedef struct store_ops {
    const char *name; /* "sqlite", "postgresql" */
    /* Connects/opens and migrates.  Sets s->impl. */
    int (*open)(store *s, const char *where);
    void (*close)(store *s);

    /* One write transaction (ingest batches articles in one).  SQLite:
     * BEGIN IMMEDIATE.  PostgreSQL: READ COMMITTED. */
    int (*begin)(store *s);
    int (*commit)(store *s);
    int (*rollback)(store *s);

    /* Is an article with this id or this hash stored?  1 yes, 0 no.
     * (Asked before coding, to skip known articles cheaply.) */
    int (*has_article)(store *s, const char *id, const char *hash);
    /* Inside a transaction: inserts the article.  Returns 1 when inserted,
     * 0 when an article with the same id or hash exists (committed by
     * anyone, or inserted by another transaction that then commits: the
     * unique constraints decide, so that two workers never store the same
     * article twice). */
    int (*claim_article)(store *s, const store_article *a);
    /* Inside a transaction: keeps an article that could not be coded,
     * with the reason.  A second reject of the same id replaces the
     * first. */
    int (*put_reject)(store *s, const char *article_id, const char *origin,
                      const char *reason);

    /* Inside a transaction, before candidates/insert/update: serializes
     * resolution among workers until commit (PostgreSQL: an advisory
     * transaction lock; SQLite: nothing, BEGIN IMMEDIATE already does). */
    int (*lock_resolution)(store *s);
    /* Stored events with this event_type (exact; "" matches "") and
     * event_date within [date_lo, date_hi], with their sources: the
     * candidates a new event may merge into. */
    int (*candidates)(store *s, const char *event_type, const char *date_lo,
                      const char *date_hi, store_event_fn fn, void *user);
    /* Inserts an event and its sources; sets e->id. */
    int (*insert_event)(store *s, rec_event *e);
    /* Rewrites a stored event's fields and replaces its sources by
     * e->src (e->id says which). */
    int (*update_event)(store *s, const rec_event *e);

    /* store_query (store.h). */
    int (*query)(store *s, const store_filter *f, store_event_fn fn,
                 void *user);
    /* Counts, for summaries and tests: articles, events, sources,
     * rejects (NULL pointers are skipped). */
    int (*counts)(store *s, long *articles, long *events, long *sources,
                  long *rejects);
} store_ops;

struct store {
    const store_ops *ops;
    void *impl;
    char where[256]; /* path or URI with any password removed, for messages */
    char err[1024];
};

extern const store_ops store_sqlite_ops;
extern const store_ops store_pg_ops;

/* Sets s->err (printf-style); returns VEILLE_EIO for convenience. */
int store_fail(store *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
