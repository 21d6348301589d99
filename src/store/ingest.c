/*
 * ingest.c — the ingest flow (ingest.h): read → skip known → code →
 * claim → resolve → store, in batches of articles per transaction.
 *
 * Counts are kept per batch and added to the totals when the batch
 * commits, so that the summary never counts work a failed commit lost.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/internal.h"
#include "../resolve/resolve.h"
#include "ingest.h"
#include "store_impl.h"

struct ingest {
    store *s;
    veille_coder *coder;
    ingest_options o;
    int in_tx;        /* a batch transaction is open */
    size_t in_batch;  /* articles handled in it */
    ingest_stats done;    /* committed */
    ingest_stats pending; /* in the open batch (or since the last commit) */
    rec_event *cand;      /* candidates of the event being resolved */
    size_t ncand, capcand;
    char err[1200];
};

/* ---- small helpers --------------------------------------------------- */

static int fail(ingest *g, int rc, const char *what)
{
    snprintf(g->err, sizeof g->err, "%s: %s", what,
             g->s->err[0] ? g->s->err : veille_strstatus(rc));
    return rc < 0 ? rc : VEILLE_EIO;
}

static void add_stats(ingest_stats *to, const ingest_stats *from)
{
    to->read += from->read;
    to->coded += from->coded;
    to->skipped += from->skipped;
    to->rejected += from->rejected;
    to->events_new += from->events_new;
    to->events_merged += from->events_merged;
    to->bytes += from->bytes;
}

/* Totals so far, the open batch included (for progress). */
static void notify(ingest *g)
{
    if (!g->o.on_article)
        return;
    ingest_stats all = g->done;
    add_stats(&all, &g->pending);
    g->o.on_article(g->o.user, &all);
}

/* A view as a NUL-terminated copy (NULL when out of memory). */
static char *dupv(veille_str v)
{
    return strndup(v.ptr ? v.ptr : "", v.ptr ? v.len : 0);
}

void ingest_content_hash(const veille_article *a, char out[33])
{
    veille_str t = veille_article_get(a, VEILLE_F_TITLE);
    veille_str x = veille_article_get(a, VEILLE_F_TEXT);
    /* Two FNV-1a passes from different bases: 128 bits, so that distinct
     * texts do not collide in any realistic archive. */
    uint64_t h[2] = {HASH64_INIT, HASH64_INIT ^ 0x9e3779b97f4a7c15ull};
    for (int i = 0; i < 2; i++) {
        h[i] = hash64(t.ptr, t.len, h[i]);
        h[i] = hash64("\n", 1, h[i]);
        h[i] = hash64(x.ptr, x.len, h[i]);
    }
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h[0],
             (unsigned long long)h[1]);
}

/* ---- transactions ---------------------------------------------------- */

static int ensure_tx(ingest *g)
{
    if (g->in_tx)
        return VEILLE_OK;
    int rc = g->s->ops->begin(g->s);
    if (rc)
        return fail(g, rc, "cannot start a batch");
    g->in_tx = 1;
    g->in_batch = 0;
    return VEILLE_OK;
}

static int commit(ingest *g)
{
    if (g->in_tx) {
        g->in_tx = 0;
        int rc = g->s->ops->commit(g->s);
        if (rc) {
            g->s->ops->rollback(g->s);
            memset(&g->pending, 0, sizeof g->pending);
            return fail(g, rc, "cannot commit a batch");
        }
    }
    add_stats(&g->done, &g->pending);
    memset(&g->pending, 0, sizeof g->pending);
    return VEILLE_OK;
}

/* After an article: commits when the batch is full. */
static int batch_step(ingest *g)
{
    if (g->in_tx && ++g->in_batch >= g->o.batch)
        return commit(g);
    return VEILLE_OK;
}

/* ---- rejects --------------------------------------------------------- */

static int reject(ingest *g, const char *article_id, const char *origin,
                  const char *reason)
{
    int rc = ensure_tx(g);
    if (rc)
        return rc;
    rc = g->s->ops->put_reject(g->s, article_id, origin, reason);
    if (rc)
        return fail(g, rc, "cannot store a reject");
    g->pending.rejected++;
    if (g->o.on_reject) {
        char msg[1400];
        snprintf(msg, sizeof msg, "%s%s%s: %s", origin,
                 article_id ? " article " : "", article_id ? article_id : "",
                 reason);
        g->o.on_reject(g->o.user, msg);
    }
    return batch_step(g);
}

/* A reader's message is "name:line: reason" (or "name: reason"): the
 * origin is what comes before the reason. */
static void split_reader_error(const char *msg, char *origin, size_t cap,
                               const char **reason)
{
    const char *p = msg, *cut = NULL;
    /* the first ":DIGITS: " closes a file:line origin */
    while ((p = strchr(p, ':')) != NULL) {
        const char *d = p + 1;
        while (*d >= '0' && *d <= '9')
            d++;
        if (d > p + 1 && d[0] == ':' && d[1] == ' ') {
            cut = d;
            break;
        }
        p++;
    }
    if (!cut)
        cut = strstr(msg, ": ");
    if (!cut) {
        snprintf(origin, cap, "%s", "");
        *reason = msg;
        return;
    }
    snprintf(origin, cap, "%.*s", (int)(cut - msg), msg);
    *reason = cut + 2;
}

/* ---- resolution ------------------------------------------------------ */

static void clear_candidates(ingest *g)
{
    for (size_t i = 0; i < g->ncand; i++)
        rec_free(&g->cand[i]);
    g->ncand = 0;
}

/* store_event_fn: keeps a copy of each candidate. */
static int keep_candidate(void *user, const rec_event *e)
{
    ingest *g = user;
    if (g->ncand == g->capcand) {
        size_t cap = g->capcand ? g->capcand * 2 : 8;
        rec_event *p = realloc(g->cand, cap * sizeof *p);
        if (!p)
            return VEILLE_ENOMEM;
        g->cand = p;
        g->capcand = cap;
    }
    rec_event *c = &g->cand[g->ncand];
    int rc = rec_init(c);
    for (int f = 0; rc == VEILLE_OK && f < EF_COUNT; f++)
        rc = rec_set_str(c, (event_field)f, e->f[f]);
    for (size_t i = 0; rc == VEILLE_OK && i < e->nsrc; i++)
        rc = rec_add_source(c, &e->src[i]);
    if (rc) {
        rec_free(c);
        return VEILLE_ENOMEM;
    }
    c->id = e->id;
    g->ncand++;
    return VEILLE_OK;
}

/* Stores one coded event: merged into the best stored candidate, or new. */
static int store_event(ingest *g, const veille_event *e,
                       const veille_article *a)
{
    rec_event r;
    int rc = rec_from_event(&r, e, a);
    if (rc)
        return fail(g, rc, "cannot copy an event");
    /* The coder writes 0 when the text gives no toll; the source's own
     * figure is then "none", so that it does not lower a merged toll. */
    if (!veille_event_evidence(e, "fatalities", NULL, NULL) &&
        r.nsrc == 1 && strcmp(r.src[0].fatalities, "0") == 0)
        r.src[0].fatalities[0] = '\0';
    char lo[11], hi[11];
    const char *date = r.f[EF_EVENT_DATE];
    if (resolve_date_add(date, -1, lo) || resolve_date_add(date, 1, hi)) {
        snprintf(lo, sizeof lo, "%.10s", date);
        snprintf(hi, sizeof hi, "%.10s", date);
    }
    clear_candidates(g);
    rc = g->s->ops->candidates(g->s, r.f[EF_EVENT_TYPE], lo, hi,
                               keep_candidate, g);
    if (rc) {
        rc = fail(g, rc, "cannot read candidate events");
        goto done;
    }
    long best = resolve_best(g->cand, g->ncand, &r);
    if (best >= 0) {
        rec_event *c = &g->cand[best];
        rc = resolve_merge(c, &r);
        if (rc == VEILLE_OK)
            rc = g->s->ops->update_event(g->s, c);
        if (rc) {
            rc = fail(g, rc, "cannot merge an event");
            goto done;
        }
        g->pending.events_merged++;
    } else {
        rc = g->s->ops->insert_event(g->s, &r);
        if (rc) {
            rc = fail(g, rc, "cannot store an event");
            goto done;
        }
        g->pending.events_new++;
    }
done:
    clear_candidates(g);
    rec_free(&r);
    return rc;
}

/* ---- articles -------------------------------------------------------- */

/* Codes and stores one article (already known not to be stored). */
static int store_article_(ingest *g, const veille_article *a,
                          const char *hash)
{
    store *s = g->s;
    char *id = dupv(veille_article_get(a, VEILLE_F_ID));
    if (!id)
        return fail(g, VEILLE_ENOMEM, "out of memory");
    int rc = veille_code(g->coder, a, &g->o.code);
    if (rc) {
        rc = reject(g, id, veille_article_origin(a),
                    veille_coder_errmsg(g->coder));
        free(id);
        return rc;
    }
    char *url = dupv(veille_article_get(a, VEILLE_F_URL));
    char *outlet = dupv(veille_article_get(a, VEILLE_F_SOURCE));
    char *pub = dupv(veille_article_get(a, VEILLE_F_PUBLISHED));
    char *title = dupv(veille_article_get(a, VEILLE_F_TITLE));
    size_t n = veille_event_count(g->coder);
    store_article sa = {
        .id = id,
        .hash = hash,
        .url = url,
        .outlet = outlet,
        .published = pub,
        .lang = veille_coded_lang(g->coder),
        .title = title,
        .origin = veille_article_origin(a),
        .nevents = (long)n,
    };
    if (!url || !outlet || !pub || !title) {
        rc = fail(g, VEILLE_ENOMEM, "out of memory");
        goto done;
    }
    if (!sa.lang)
        sa.lang = "";
    if ((rc = ensure_tx(g)))
        goto done;
    rc = s->ops->claim_article(s, &sa);
    if (rc < 0) {
        rc = fail(g, rc, "cannot store an article");
        goto done;
    }
    if (rc == 0) { /* stored meanwhile by someone else */
        g->pending.skipped++;
        rc = batch_step(g);
        goto done;
    }
    if ((rc = s->ops->lock_resolution(s))) {
        rc = fail(g, rc, "cannot lock resolution");
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        if ((rc = store_event(g, veille_event_at(g->coder, i), a)))
            goto done;
    g->pending.coded++;
    rc = batch_step(g);
done:
    free(id);
    free(url);
    free(outlet);
    free(pub);
    free(title);
    return rc;
}

static int one_article(ingest *g, const veille_article *a)
{
    char hash[33];
    ingest_content_hash(a, hash);
    g->pending.bytes += (double)veille_article_get(a, VEILLE_F_TEXT).len;
    char *id = dupv(veille_article_get(a, VEILLE_F_ID));
    if (!id)
        return fail(g, VEILLE_ENOMEM, "out of memory");
    int known = g->s->ops->has_article(g->s, id, hash);
    free(id);
    if (known < 0)
        return fail(g, known, "cannot look an article up");
    if (known) {
        g->pending.skipped++;
        return VEILLE_OK;
    }
    return store_article_(g, a, hash);
}

/* ---- the flow -------------------------------------------------------- */

int ingest_new(ingest **out, store *s, veille_coder *c,
               const ingest_options *opts)
{
    *out = NULL;
    ingest *g = calloc(1, sizeof *g);
    if (!g)
        return VEILLE_ENOMEM;
    g->s = s;
    g->coder = c;
    if (opts)
        g->o = *opts;
    if (!g->o.batch)
        g->o.batch = INGEST_DEFAULT_BATCH;
    *out = g;
    return VEILLE_OK;
}

int ingest_reader(ingest *g, veille_reader *r)
{
    for (;;) {
        const veille_article *a;
        int rc = veille_reader_next(r, &a);
        if (rc == 0)
            return VEILLE_OK;
        g->pending.read++;
        if (rc < 0) {
            char origin[600];
            const char *reason;
            split_reader_error(veille_reader_errmsg(r), origin, sizeof origin,
                               &reason);
            int src = reject(g, NULL, origin, reason);
            if (src)
                return src;
            if (rc == VEILLE_EIO)
                return VEILLE_OK; /* the reader cannot go on */
            notify(g);
            continue;
        }
        if ((rc = one_article(g, a)))
            return rc;
        notify(g);
    }
}

int ingest_finish(ingest *g) { return commit(g); }

void ingest_free(ingest *g)
{
    if (!g)
        return;
    if (g->in_tx)
        g->s->ops->rollback(g->s);
    clear_candidates(g);
    free(g->cand);
    free(g);
}

const ingest_stats *ingest_get_stats(const ingest *g) { return &g->done; }

const char *ingest_errmsg(const ingest *g) { return g->err; }
