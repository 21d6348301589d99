/*
 * ingest.h — the ingest flow: articles in, coded, resolved against what
 * the store holds, stored.  Library level (the CLI's `veille ingest` is a
 * thin shell around it; a worker program would be another).
 *
 * For each article a reader gives:
 *   - its content hash (title + text); an article whose id or hash is
 *     stored already is skipped, before coding;
 *   - coded; an article the coder refuses, and a line the reader cannot
 *     read (its id then unknown), is kept in rejects with the reason and
 *     where it came from (file:line);
 *   - else, in the batch's transaction: claimed (another worker may have
 *     stored it meanwhile: then skipped), and each of its events is merged
 *     into a stored one (src/resolve) or inserted.
 * Articles are committed in batches; a killed run loses at most its open
 * batch, which the next run codes again.
 */
#ifndef VEILLE_STORE_INGEST_H
#define VEILLE_STORE_INGEST_H

#include "store.h"

#define INGEST_DEFAULT_BATCH 500

typedef struct ingest_stats {
    unsigned long read;     /* articles read, rejects of the reader included */
    unsigned long coded;    /* coded and stored */
    unsigned long skipped;  /* already stored */
    unsigned long rejected; /* kept in rejects */
    unsigned long events_new, events_merged;
    double bytes;           /* article text read */
} ingest_stats;

typedef struct ingest_options {
    veille_code_options code;
    size_t batch; /* articles per transaction; 0: INGEST_DEFAULT_BATCH */
    /* Called for each reject with its text ("origin: reason"), and after
     * each article with the stats so far (committed or not); either may
     * be NULL. */
    void (*on_reject)(void *user, const char *msg);
    void (*on_article)(void *user, const ingest_stats *st);
    void *user;
} ingest_options;

typedef struct ingest ingest;

/* The flow writes into s and codes with c; both stay the caller's. */
int ingest_new(ingest **out, store *s, veille_coder *c,
               const ingest_options *opts);
/* Ingests every article of r.  Returns VEILLE_OK, or a negative status
 * when the store failed (the open batch is then rolled back and the run
 * should stop; ingest_errmsg says why).  A reader's final I/O error is a
 * reject, not a failure. */
int ingest_reader(ingest *g, veille_reader *r);
/* Commits the open batch.  A failing commit is an error. */
int ingest_finish(ingest *g);
/* Rolls back an uncommitted batch and frees.  Accepts NULL. */
void ingest_free(ingest *g);
/* Committed work only: a batch counts once it is committed. */
const ingest_stats *ingest_get_stats(const ingest *g);
const char *ingest_errmsg(const ingest *g);

/* The hex content hash of an article (title + text), as stored in
 * articles.hash: 32 hex digits and a NUL. */
void ingest_content_hash(const veille_article *a, char out[33]);

#endif
