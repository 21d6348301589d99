/*
 * trie.c — the compiled matcher: one trie of every surface form over whole
 * tokens (see lexicon_impl.h), and the walk over an article's tokens (see
 * lexicon.h).
 *
 * A token is looked up once, by the hash of its folded form that the
 * tokenizer computed, among the words of the forms; it then takes one step
 * per trie state, one hash probe, whatever its length.  A stem ("attaqu*")
 * is a word too: the prefixes of a token that may be stems are found
 * through a bit filter of stem hashes, which most prefixes fail at once.
 */
#include <stdlib.h>
#include <string.h>

#include "lexicon_impl.h"

#define NO_WORD UINT32_MAX

/* Makes room for n + 1 elements of size sz in *p (capacity *cap). */
static int grow(void **p, size_t *cap, size_t n, size_t sz, size_t first)
{
    if (n < *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : first;
    void *np = realloc(*p, nc * sz);
    if (!np)
        return -1;
    *p = np;
    *cap = nc;
    return 0;
}

/* ---- words ---- */

/* Are a[0..n) and b[0..n) the same bytes?  (Words are short: a loop
 * beats a call to memcmp.) */
static inline int same_bytes(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* Index of the word s[0..n) (hash h), or NO_WORD. */
static inline uint32_t word_find(const lexicon *lx, const char *s, size_t n,
                                 uint32_t h)
{
    size_t mask = lx->wslot_cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const struct wslot *sl = &lx->wslot[i];
        if (!sl->word)
            return NO_WORD;
        if (sl->hash != h)
            continue;
        const tword *tw = &lx->words[sl->word - 1];
        if (tw->len == n && same_bytes(tw->s, s, n))
            return sl->word - 1;
    }
}

/* Puts word index w into a slot table of cap slots. */
static void word_slot_put(struct wslot *slots, size_t cap, const tword *words,
                          uint32_t w)
{
    size_t mask = cap - 1;
    size_t i = words[w].hash & mask;
    while (slots[i].word)
        i = (i + 1) & mask;
    slots[i] = (struct wslot){words[w].hash, w + 1};
}

/* Index of the word s[0..n), added when new; NO_WORD when out of memory. */
static uint32_t word_add(lexicon *lx, const char *s, size_t n)
{
    uint32_t h = text_hash(s, n);
    uint32_t w = lx->wslot_cap ? word_find(lx, s, n, h) : NO_WORD;
    if (w != NO_WORD)
        return w;
    if ((lx->nwords + 1) * 2 > lx->wslot_cap) {
        size_t nc = lx->wslot_cap ? lx->wslot_cap * 2 : 1024;
        struct wslot *ns = calloc(nc, sizeof *ns);
        if (!ns)
            return NO_WORD;
        for (uint32_t i = 0; i < lx->nwords; i++)
            word_slot_put(ns, nc, lx->words, i);
        free(lx->wslot);
        lx->wslot = ns;
        lx->wslot_cap = nc;
    }
    if (grow((void **)&lx->words, &lx->cap_words, lx->nwords, sizeof(tword),
             1024))
        return NO_WORD;
    char *copy = arena_strndup(&lx->mem, s, n);
    if (!copy)
        return NO_WORD;
    w = (uint32_t)lx->nwords++;
    lx->words[w] = (tword){copy, (uint32_t)n, h, 0, 0};
    word_slot_put(lx->wslot, lx->wslot_cap, lx->words, w);
    return w;
}

/* ---- nodes and edges ---- */

static size_t edge_slot(uint64_t key, size_t cap)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 32) & (cap - 1);
}

/* The child of node by label, or 0. */
static inline uint32_t edge_find(const lexicon *lx, uint32_t node,
                                 uint32_t label)
{
    uint64_t key = (uint64_t)node << 32 | label;
    size_t mask = lx->edge_cap - 1;
    for (size_t i = edge_slot(key, lx->edge_cap);; i = (i + 1) & mask) {
        const tedge *e = &lx->edges[i];
        if (!e->child)
            return 0;
        if (e->key == key)
            return e->child;
    }
}

static void edge_put(tedge *edges, size_t cap, tedge e)
{
    size_t i = edge_slot(e.key, cap);
    while (edges[i].child)
        i = (i + 1) & (cap - 1);
    edges[i] = e;
}

static int node_new(lexicon *lx, uint32_t *out)
{
    if (grow((void **)&lx->tn, &lx->cap_tn, lx->ntn, sizeof(tnode), 1024))
        return -1;
    memset(&lx->tn[lx->ntn], 0, sizeof(tnode));
    *out = (uint32_t)lx->ntn++;
    return 0;
}

/* The child of node by label, made when missing; 0 when out of memory. */
static uint32_t child_of(lexicon *lx, uint32_t node, uint32_t label)
{
    if (lx->edge_cap) {
        uint32_t c = edge_find(lx, node, label);
        if (c)
            return c;
    }
    if ((lx->nedges + 1) * 2 > lx->edge_cap) {
        size_t nc = lx->edge_cap ? lx->edge_cap * 2 : 1024;
        tedge *ne = calloc(nc, sizeof *ne);
        if (!ne)
            return 0;
        for (size_t i = 0; i < lx->edge_cap; i++)
            if (lx->edges[i].child)
                edge_put(ne, nc, lx->edges[i]);
        free(lx->edges);
        lx->edges = ne;
        lx->edge_cap = nc;
    }
    uint32_t c;
    if (node_new(lx, &c))
        return 0;
    edge_put(lx->edges, lx->edge_cap,
             (tedge){(uint64_t)node << 32 | label, c});
    lx->nedges++;
    lx->tn[node].kids = 1;
    return c;
}

/* ---- building ---- */

/* Inserts a form by its key (see lexicon_impl.h): one trie step per
 * token of the key. */
int trie_insert(lexicon *lx, const uint8_t *key, size_t n, uint32_t entry,
                uint8_t langs)
{
    uint32_t cur = 0;
    if (!lx->ntn && node_new(lx, &cur))
        return -1;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && key[j] != TRIE_SEP)
            j++;
        size_t len = j - i;
        int stem = len && key[j - 1] == TRIE_WILD;
        if (stem)
            len--;
        uint32_t w = word_add(lx, (const char *)key + i, len);
        if (w == NO_WORD)
            return -1;
        if (stem) {
            lx->words[w].stem = 1;
            if (!lx->stem_min || len < lx->stem_min)
                lx->stem_min = (uint32_t)len;
            if (len > lx->stem_max)
                lx->stem_max = (uint32_t)len;
        } else {
            lx->words[w].exact = 1;
        }
        cur = child_of(lx, cur, w * 2 + (uint32_t)stem);
        if (!cur)
            return -1;
        i = j < n ? j + 1 : j;
    }
    /* The same entry twice on one node: merge the languages. */
    for (uint32_t p = lx->tn[cur].pay; p; p = lx->pays[p - 1].next)
        if (lx->pays[p - 1].entry == entry) {
            lx->pays[p - 1].langs |= langs;
            return 0;
        }
    if (grow((void **)&lx->pays, &lx->cap_pays, lx->npays, sizeof(tpay),
             1024))
        return -1;
    tpay *p = &lx->pays[lx->npays++];
    p->entry = entry;
    p->langs = langs;
    p->next = lx->tn[cur].pay;
    lx->tn[cur].pay = (uint32_t)lx->npays;
    return 0;
}

static void stem_filter_set(uint64_t *f, uint32_t h)
{
    uint32_t bit = h >> 17; /* STEM_FILTER_BITS = 2^15 */
    f[bit / 64] |= 1ull << (bit % 64);
}

static int stem_filter_has(const uint64_t *f, uint32_t h)
{
    uint32_t bit = h >> 17;
    return f[bit / 64] >> (bit % 64) & 1;
}

/* Lays each node's payloads out together, newest first (the order the
 * matcher reports them in), and fills the stem filter. */
int trie_freeze(lexicon *lx)
{
    uint32_t root;
    if (!lx->ntn && node_new(lx, &root))
        return -1;
    if (!lx->edge_cap) {
        lx->edges = calloc(1, sizeof *lx->edges);
        if (!lx->edges)
            return -1;
        lx->edge_cap = 1;
    }
    if (!lx->wslot_cap) {
        lx->wslot = calloc(1, sizeof *lx->wslot);
        if (!lx->wslot)
            return -1;
        lx->wslot_cap = 1;
    }
    lx->fpays = malloc((lx->npays ? lx->npays : 1) * sizeof *lx->fpays);
    lx->stem_filter = calloc(STEM_FILTER_BITS / 64, sizeof *lx->stem_filter);
    lx->stem_heads = calloc(STEM_FILTER_BITS / 64, sizeof *lx->stem_heads);
    if (!lx->fpays || !lx->stem_filter || !lx->stem_heads)
        return -1;
    size_t np = 0;
    for (size_t i = 0; i < lx->ntn; i++) {
        tnode *t = &lx->tn[i];
        uint32_t p = t->pay;
        t->pay = (uint32_t)np;
        for (; p; p = lx->pays[p - 1].next) {
            lx->fpays[np++] = lx->pays[p - 1];
            t->npay++;
            t->langs |= lx->pays[p - 1].langs;
        }
    }
    for (size_t w = 0; w < lx->nwords; w++)
        if (lx->words[w].stem) {
            const tword *tw = &lx->words[w];
            stem_filter_set(lx->stem_filter, tw->hash);
            stem_filter_set(lx->stem_heads, text_hash(tw->s, lx->stem_min));
        }
    free(lx->pays);
    lx->pays = NULL;
    return 0;
}

/* ---- matching ---- */

#define MAXSTATES 8
#define MAXLABELS 16

typedef struct {
    uint32_t node;
    uint8_t wild;
} wstate;

/* The labels token t can take in a form, in the order their states are
 * kept: the stems it begins with, shortest first; the word itself; the
 * word as a stem.  Writes them to lab (MAXLABELS room); returns how many. */
static int token_labels(const lexicon *lx, const textdoc *doc,
                        const token *t, uint32_t *lab)
{
    const char *f = tok_fold(doc, t);
    size_t n = t->flen;
    int nl = 0;
    if (!n)
        return 0;
    /* Stems shorter than the token: none unless some stem begins with
     * the token's first stem_min bytes. */
    if (lx->stem_max && n > lx->stem_min) {
        uint32_t h = TEXT_HASH_SEED;
        size_t k = 0;
        for (; k < lx->stem_min; k++)
            h = text_hash_step(h, (unsigned char)f[k]);
        size_t top = n - 1 < lx->stem_max ? n - 1 : lx->stem_max;
        if (stem_filter_has(lx->stem_heads, h))
            for (;;) {
                if (stem_filter_has(lx->stem_filter, h)) {
                    uint32_t w = word_find(lx, f, k, h);
                    if (w != NO_WORD && lx->words[w].stem &&
                        nl < MAXLABELS - 2)
                        lab[nl++] = w * 2 + 1;
                }
                if (k >= top)
                    break;
                h = text_hash_step(h, (unsigned char)f[k++]);
            }
    }
    uint32_t w = word_find(lx, f, n, t->hash);
    if (w != NO_WORD) {
        if (lx->words[w].exact)
            lab[nl++] = w * 2;
        if (lx->words[w].stem)
            lab[nl++] = w * 2 + 1;
    }
    return nl;
}

/* Every token's labels: those of token i are lab[first[i] .. first[i+1]).
 * In the arena; returns -1 when out of memory. */
static int doc_labels(const lexicon *lx, const textdoc *doc, arena *a,
                      uint32_t **first_out, uint32_t **lab_out)
{
    size_t cap = doc->ntok + MAXLABELS, n = 0;
    uint32_t *first = arena_alloc(a, (doc->ntok + 1) * sizeof *first);
    uint32_t *lab = arena_alloc(a, cap * sizeof *lab);
    if (!first || !lab)
        return -1;
    for (size_t i = 0; i < doc->ntok; i++) {
        uint32_t *nl = arena_grow(a, lab, &cap, n + MAXLABELS, sizeof *nl, cap);
        if (!nl)
            return -1;
        lab = nl;
        first[i] = (uint32_t)n;
        n += (size_t)token_labels(lx, doc, &doc->toks[i], lab + n);
    }
    first[doc->ntok] = (uint32_t)n;
    *first_out = first;
    *lab_out = lab;
    return 0;
}

/* Takes one token (its labels) from each state in `in`; writes the states
 * it leads to to `out`.  A stem's state is kept while there is room; the
 * word's own state always finds room, in place of the last stem's. */
static int walk_token(const lexicon *lx, const wstate *in, int nin,
                      const uint32_t *lab, int nl, wstate *out)
{
    int nout = 0;
    for (int k = 0; k < nin; k++)
        for (int l = 0; l < nl; l++) {
            uint8_t wild = lab[l] & 1;
            if (wild && nout == MAXSTATES)
                continue;
            uint32_t c = edge_find(lx, in[k].node, lab[l]);
            if (!c)
                continue;
            if (nout == MAXSTATES)
                nout--;
            out[nout++] = (wstate){c, wild};
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
    uint32_t *lfirst, *lab;
    if (doc_labels(lx, doc, a, &lfirst, &lab))
        return -1;
    size_t next_free = 0; /* first token not covered by a kept match */
    for (size_t i = 0; i < doc->ntok; i++) {
        if (i < next_free || lfirst[i] == lfirst[i + 1])
            continue; /* covered, or a token no form has */
        const token *t0 = &doc->toks[i];
        wstate cur[MAXSTATES], nxt[MAXSTATES];
        int ncur = 1;
        cur[0] = (wstate){0, 0};
        wstate best[MAXSTATES];
        int nbest = 0;
        size_t best_end = 0;
        for (size_t j = i; j < doc->ntok && ncur; j++) {
            /* A form does not run across sentences. */
            if (doc->toks[j].sent != t0->sent)
                break;
            int ne = walk_token(lx, cur, ncur, lab + lfirst[j],
                                (int)(lfirst[j + 1] - lfirst[j]), nxt);
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
            for (int k = 0; k < ne; k++)
                if (lx->tn[nxt[k].node].kids)
                    cur[ncur++] = (wstate){nxt[k].node, 0};
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
                lex_match *nmv = arena_grow(a, m, &cap, nm + 1, sizeof *nmv, cap);
                if (!nmv)
                    return -1;
                m = nmv;
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
