/*
 * trie.c — the compiled matcher: one trie of every surface form, keyed by
 * folded token bytes with TRIE_SEP between tokens and TRIE_WILD after a
 * stem; and the walk over an article's tokens (see lexicon.h).
 */
#include <stdlib.h>
#include <string.h>

#include "lexicon_impl.h"

static uint32_t bnode_new(lexicon *lx, uint8_t label)
{
    if (lx->nbn == lx->cap_bn) {
        size_t nc = lx->cap_bn ? lx->cap_bn * 2 : 1024;
        bnode *n = realloc(lx->bn, nc * sizeof *n);
        if (!n)
            return 0;
        lx->bn = n;
        lx->cap_bn = nc;
    }
    bnode *b = &lx->bn[lx->nbn];
    memset(b, 0, sizeof *b);
    b->label = label;
    return (uint32_t)lx->nbn++;
}

int trie_insert(lexicon *lx, const uint8_t *key, size_t n, uint32_t entry,
                uint8_t langs)
{
    if (lx->nbn == 0 && bnode_new(lx, 0) != 0)
        return -1;
    if (lx->nbn == 0)
        return -1;
    uint32_t cur = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = lx->bn[cur].child, prev = 0;
        while (c && lx->bn[c].label < key[i]) {
            prev = c;
            c = lx->bn[c].sibling;
        }
        if (!c || lx->bn[c].label != key[i]) {
            uint32_t nn = bnode_new(lx, key[i]);
            if (!nn)
                return -1;
            lx->bn[nn].sibling = c;
            if (prev)
                lx->bn[prev].sibling = nn;
            else
                lx->bn[cur].child = nn;
            c = nn;
        }
        cur = c;
    }
    /* The same entry twice on one node: merge the languages. */
    for (uint32_t p = lx->bn[cur].pay; p; p = lx->pays[p - 1].next)
        if (lx->pays[p - 1].entry == entry) {
            lx->pays[p - 1].langs |= langs;
            return 0;
        }
    if (lx->npays == lx->cap_pays) {
        size_t nc = lx->cap_pays ? lx->cap_pays * 2 : 1024;
        tpay *np = realloc(lx->pays, nc * sizeof *np);
        if (!np)
            return -1;
        lx->pays = np;
        lx->cap_pays = nc;
    }
    tpay *p = &lx->pays[lx->npays++];
    p->entry = entry;
    p->langs = langs;
    p->next = lx->bn[cur].pay;
    lx->bn[cur].pay = (uint32_t)lx->npays;
    return 0;
}

int trie_freeze(lexicon *lx)
{
    size_t n = lx->nbn ? lx->nbn : 1;
    if (!lx->nbn && bnode_new(lx, 0) != 0)
        return -1;
    lx->tn = calloc(n, sizeof *lx->tn);
    lx->labels = malloc(n);
    lx->kid = malloc(n * sizeof *lx->kid);
    lx->fpays = malloc((lx->npays ? lx->npays : 1) * sizeof *lx->fpays);
    if (!lx->tn || !lx->labels || !lx->kid || !lx->fpays)
        return -1;
    size_t nk = 0, np = 0;
    for (size_t i = 0; i < lx->nbn; i++) {
        tnode *t = &lx->tn[i];
        t->kids = (uint32_t)nk;
        for (uint32_t c = lx->bn[i].child; c; c = lx->bn[c].sibling) {
            lx->labels[nk] = lx->bn[c].label;
            lx->kid[nk++] = c;
            t->nkids++;
        }
        t->pay = (uint32_t)np;
        for (uint32_t p = lx->bn[i].pay; p; p = lx->pays[p - 1].next) {
            lx->fpays[np++] = lx->pays[p - 1];
            t->npay++;
            t->langs |= lx->pays[p - 1].langs;
        }
    }
    memset(lx->root_kid, 0, sizeof lx->root_kid);
    for (uint32_t c = lx->bn[0].child; c; c = lx->bn[c].sibling)
        lx->root_kid[lx->bn[c].label] = c;
    free(lx->bn);
    lx->bn = NULL;
    free(lx->pays);
    lx->pays = NULL;
    return 0;
}

/* Child of node by label, or 0. */
static inline uint32_t step(const lexicon *lx, uint32_t node, uint8_t c)
{
    if (node == 0)
        return lx->root_kid[c];
    const tnode *t = &lx->tn[node];
    const uint8_t *lab = lx->labels + t->kids;
    uint32_t lo = 0, hi = t->nkids;
    if (hi <= 8) {
        for (uint32_t i = 0; i < hi; i++)
            if (lab[i] == c)
                return lx->kid[t->kids + i];
            else if (lab[i] > c)
                return 0;
        return 0;
    }
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (lab[mid] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->nkids && lab[lo] == c ? lx->kid[t->kids + lo] : 0;
}

#define MAXSTATES 8

typedef struct {
    uint32_t node;
    uint8_t wild;
} wstate;

/* Walks one token's folded bytes from each state in `in`; writes the
 * states where the token can end (the exact one last) to `out`. */
static int walk_token(const lexicon *lx, const wstate *in, int nin,
                      const uint8_t *s, size_t n, wstate *out)
{
    int nout = 0;
    for (int k = 0; k < nin; k++) {
        /* Node 0 is the root, where every walk starts; step() returns 0
         * for "no such child", as the root is nobody's child. */
        uint32_t node = in[k].node;
        size_t i = 0;
        for (; i < n; i++) {
            if (i && nout < MAXSTATES) {
                uint32_t w = step(lx, node, TRIE_WILD);
                if (w)
                    out[nout++] = (wstate){w, 1};
            }
            node = step(lx, node, s[i]);
            if (!node)
                break;
        }
        if (i < n || n == 0)
            continue;
        /* The exact state always finds room, in place of the last stem
         * if a path has more stems than MAXSTATES. */
        if (nout == MAXSTATES)
            nout--;
        out[nout++] = (wstate){node, 0};
        if (nout < MAXSTATES) {
            uint32_t w = step(lx, node, TRIE_WILD);
            if (w)
                out[nout++] = (wstate){w, 1};
        }
    }
    return nout;
}

long lex_match_doc(const lexicon *lx, const textdoc *doc, int lang, arena *a,
                   lex_match **out)
{
    size_t cap = 64, nm = 0;
    lex_match *m = arena_alloc(a, cap * sizeof *m);
    if (!m)
        return -1;
    size_t next_free = 0; /* first token not covered by a kept match */
    for (size_t i = 0; i < doc->ntok; i++) {
        if (i < next_free)
            continue;
        const token *t0 = &doc->toks[i];
        /* Cheap rejection: no form starts with this byte. */
        if (!t0->flen || !lx->root_kid[(uint8_t)tok_fold(doc, t0)[0]])
            continue;
        wstate cur[MAXSTATES], nxt[MAXSTATES];
        int ncur = 1;
        cur[0] = (wstate){0, 0};
        wstate best[MAXSTATES];
        int nbest = 0;
        size_t best_end = 0;
        for (size_t j = i; j < doc->ntok && ncur; j++) {
            const token *t = &doc->toks[j];
            /* A form does not run across sentences. */
            if (j > i && t->sent != t0->sent)
                break;
            int ne = walk_token(lx, cur, ncur,
                                (const uint8_t *)tok_fold(doc, t), t->flen,
                                nxt);
            /* Every form that ends here: exact ones and stems alike, so
             * that "arrested" as a casualty word does not hide arrest* as
             * a trigger.  The extract stage chooses among them. */
            int nb = 0;
            for (int k = 0; k < ne; k++)
                if (lx->tn[nxt[k].node].langs & lang)
                    best[nb++] = nxt[k];
            if (nb) {
                nbest = nb;
                best_end = j + 1;
            }
            ncur = 0;
            for (int k = 0; k < ne; k++) {
                uint32_t s = step(lx, nxt[k].node, TRIE_SEP);
                if (s && ncur < MAXSTATES)
                    cur[ncur++] = (wstate){s, 0};
            }
        }
        if (!best_end)
            continue;
        size_t first_here = nm;
        for (int b = 0; b < nbest; b++) {
            const tnode *tn = &lx->tn[best[b].node];
            for (uint32_t p = 0; p < tn->npay; p++) {
                const tpay *py = &lx->fpays[tn->pay + p];
                if (!(py->langs & lang))
                    continue;
                int dup = 0; /* the same entry by two forms: exact wins */
                for (size_t q = first_here; q < nm && !dup; q++)
                    if (m[q].entry == py->entry) {
                        m[q].wild &= best[b].wild;
                        dup = 1;
                    }
                if (dup)
                    continue;
                if (nm == cap) {
                    lex_match *nmv = arena_realloc(a, m, cap * sizeof *m,
                                                   cap * 2 * sizeof *m);
                    if (!nmv)
                        return -1;
                    m = nmv;
                    cap *= 2;
                }
                m[nm++] = (lex_match){(uint32_t)i, (uint32_t)(best_end - i),
                                      py->entry, lx->entries[py->entry].kind,
                                      best[b].wild};
            }
        }
        next_free = best_end;
    }
    *out = m;
    return (long)nm;
}
