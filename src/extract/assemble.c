/*
 * assemble.c — the assemble stage: sentences with an event trigger become
 * events.  In each sentence the most specific trigger (its `prec`) gives
 * the event class; sentences of one article with the same class describe
 * one incident and make one event, evidenced by the first of them.  An
 * article's main event comes first: the earliest, ACLED-coded before
 * political events.
 *
 * Roles, dates, places, fatalities and claimants come with issues 3–4.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "taxonomy.h"

typedef struct cand {
    const taxon *tx;
    const lex_entry *trig;
    uint32_t sent;                   /* first sentence */
    uint32_t trig_off, trig_len;     /* trigger span */
    int prec;
    const char *certainty;
    uint32_t cert_off, cert_len;
} cand;

static int entry_prec(const lex_entry *e)
{
    const char *p = lex_attr_get(e, "prec");
    return p ? p[0] - '0' : 5;
}

static veille_str vs(const char *s) { return (veille_str){s, strlen(s)}; }

/* Certainty words rank: denied over hedged over claimed over stated. */
static int cert_rank(const char *c)
{
    if (!c)
        return 0;
    if (strcmp(c, "denied") == 0)
        return 3;
    if (strcmp(c, "hedged") == 0)
        return 2;
    return 1;
}

static uint32_t span_off(const textdoc *d, const lex_match *m)
{
    return d->toks[m->first].off;
}

static uint32_t span_len(const textdoc *d, const lex_match *m)
{
    const token *l = &d->toks[m->first + m->count - 1];
    return l->off + l->len - d->toks[m->first].off;
}

static int cmp_cand(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    int pa = a->tx->event_type[0] == '\0', pb = b->tx->event_type[0] == '\0';
    if (pa != pb)
        return pa - pb; /* ACLED-coded events before political ones */
    return a->sent < b->sent ? -1 : a->sent > b->sent;
}

int extract_events(veille_coder *c, const veille_article *a,
                   const lex_match *m, size_t nm, int lang)
{
    (void)lang;
    const textdoc *d = &c->doc;
    const lexicon *lx = c->ctx->lex;
    cand *cands = arena_alloc(&c->mem, (d->nsent + 1) * sizeof *cands);
    if (!cands)
        return VEILLE_ENOMEM;
    size_t nc = 0;

    /* One pass over the matches, sentence by sentence. */
    size_t i = 0;
    while (i < nm) {
        uint32_t s = d->toks[m[i].first].sent;
        const lex_match *best = NULL;
        int best_prec = -1;
        const lex_match *hedge = NULL;
        int hedge_rank = 0;
        for (; i < nm && d->toks[m[i].first].sent == s; i++) {
            const lex_entry *e = lex_entry_at(lx, m[i].entry);
            if (m[i].kind == LEX_TRIGGER) {
                int p = entry_prec(e);
                if (p > best_prec) {
                    best = &m[i];
                    best_prec = p;
                }
            } else if (m[i].kind == LEX_HEDGE) {
                int r = cert_rank(e->cls);
                if (r > hedge_rank) {
                    hedge = &m[i];
                    hedge_rank = r;
                }
            }
        }
        if (!best)
            continue;
        const lex_entry *te = lex_entry_at(lx, best->entry);
        const taxon *tx = taxonomy_find(te->cls);
        if (!tx)
            continue;
        /* Same class as an earlier sentence: the same incident. */
        cand *same = NULL;
        for (size_t k = 0; k < nc; k++)
            if (cands[k].tx == tx)
                same = &cands[k];
        const char *cert =
            hedge ? lex_entry_at(lx, hedge->entry)->cls : "stated";
        if (same) {
            if (cert_rank(cert) > cert_rank(same->certainty) && hedge) {
                same->certainty = cert;
                same->cert_off = span_off(d, hedge);
                same->cert_len = span_len(d, hedge);
            }
            continue;
        }
        cand *k = &cands[nc++];
        k->tx = tx;
        k->trig = te;
        k->sent = s;
        k->trig_off = span_off(d, best);
        k->trig_len = span_len(d, best);
        k->prec = best_prec;
        k->certainty = cert;
        k->cert_off = hedge ? span_off(d, hedge) : 0;
        k->cert_len = hedge ? span_len(d, hedge) : 0;
    }
    qsort(cands, nc, sizeof *cands, cmp_cand);

    c->events = arena_zalloc(&c->mem, (nc ? nc : 1) * sizeof *c->events);
    veille_str *src = arena_alloc(&c->mem, sizeof *src);
    if (!c->events || !src)
        return VEILLE_ENOMEM;
    *src = a->f[VEILLE_F_ID];
    for (size_t k = 0; k < nc; k++) {
        const cand *cd = &cands[k];
        veille_event *e = &c->events[k];
        for (int f = 0; f < EF_COUNT; f++)
            e->v[f] = (veille_str){"", 0};
        e->v[EF_ARTICLE_ID] = a->f[VEILLE_F_ID];
        char idbuf[64];
        int n = snprintf(idbuf, sizeof idbuf, "-%zu", k + 1);
        size_t idlen = a->f[VEILLE_F_ID].len + (size_t)n;
        char *eid = arena_alloc(&c->mem, idlen + 1);
        if (!eid)
            return VEILLE_ENOMEM;
        memcpy(eid, a->f[VEILLE_F_ID].ptr, a->f[VEILLE_F_ID].len);
        memcpy(eid + a->f[VEILLE_F_ID].len, idbuf, (size_t)n + 1);
        e->v[EF_EVENT_ID_CNTY] = (veille_str){eid, idlen};
        e->v[EF_DISORDER_TYPE] = vs(cd->tx->disorder_type);
        e->v[EF_EVENT_TYPE] = vs(cd->tx->event_type);
        e->v[EF_SUB_EVENT_TYPE] = vs(cd->tx->sub_event_type);
        e->v[EF_PLOVER] = vs(cd->tx->plover);
        const char *cameo = lex_attr_get(cd->trig, "cameo");
        e->v[EF_CAMEO] = vs(cameo ? cameo : cd->tx->cameo);
        e->v[EF_SOURCE] = a->f[VEILLE_F_SOURCE];
        e->v[EF_CERTAINTY] = vs(cd->certainty);
        e->v[EF_LANG] = vs(c->lang);
        e->text = d->text;
        const sentence *st = &d->sents[cd->sent];
        e->sent_off = st->off;
        e->sent_len = st->len;
        e->first_sent = cd->sent;
        e->ev = arena_alloc(&c->mem, 2 * sizeof *e->ev);
        if (!e->ev)
            return VEILLE_ENOMEM;
        e->ev[e->nev++] = (evidence){EF_SUB_EVENT_TYPE, cd->trig_off,
                                     cd->trig_len};
        if (cd->cert_len)
            e->ev[e->nev++] = (evidence){EF_CERTAINTY, cd->cert_off,
                                         cd->cert_len};
        e->sources = src;
        e->nsources = 1;
    }
    c->nevents = nc;
    return VEILLE_OK;
}
