/*
 * fuzzy.c — a place by a name spelled a little differently from every name
 * the gazetteer holds: "Ogassagou" for Ogossagou, "Gourty" for Gourti.
 *
 * Reports transliterate village names freely.  When a name after "the
 * village of" is nowhere in the index, the places of the article's country
 * whose names start with the same two letters and differ by at most one or two
 * edits (an insertion, a deletion, a substitution or two letters swapped)
 * are the candidates; the closest wins, then the most populous.  Only
 * populated places count: a well or a hill one letter away is no village.
 */
#include <stdlib.h>
#include <string.h>

#include "geoint.h"

/* Edit distance of a and b (optimal string alignment: a swap of two
 * neighbours is one edit), or max + 1 as soon as it must exceed max. */
static int edits(const unsigned char *a, size_t na, const unsigned char *b,
                 size_t nb, int max)
{
    if (na > GAZ_MAX_KEY || nb > GAZ_MAX_KEY)
        return max + 1;
    if ((na > nb ? na - nb : nb - na) > (size_t)max)
        return max + 1;
    int rows[3][GAZ_MAX_KEY + 1];
    int *pp = rows[0], *p = rows[1], *c = rows[2];
    for (size_t j = 0; j <= nb; j++)
        p[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        c[0] = (int)i;
        int low = c[0];
        for (size_t j = 1; j <= nb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = p[j - 1] + cost;
            if (p[j] + 1 < v)
                v = p[j] + 1;
            if (c[j - 1] + 1 < v)
                v = c[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                pp[j - 2] + 1 < v)
                v = pp[j - 2] + 1;
            c[j] = v;
            if (v < low)
                low = v;
        }
        if (low > max)
            return max + 1;
        int *t = pp;
        pp = p;
        p = c;
        c = t;
    }
    return p[nb];
}

/* Is place record pr a populated place (class P) of country cc[0..1]? */
static int populated_in(const unsigned char *pr, unsigned char c0,
                        unsigned char c1)
{
    return pr[42] == 'P' && pr[40] == c0 && pr[41] == c1;
}

/* The best near spelling seen so far of query q (n bytes): fewest edits,
 * then most populous; d > max while there is none. */
typedef struct near_best {
    const unsigned char *q;
    size_t n;
    int max, d;
    uint32_t p, pop;
} near_best;

static void near_start(near_best *b, const char *folded, size_t n)
{
    b->q = (const unsigned char *)folded;
    b->n = n;
    b->max = n >= 8 ? 2 : 1;
    b->d = b->max + 1;
    b->p = b->pop = 0;
}

/* Weighs name k (klen bytes) of place p; the place is read only when the
 * name is near enough to count. */
static void near_weigh(near_best *b, const gaz *g, const unsigned char *k,
                       size_t klen, uint32_t p)
{
    int d = edits(b->q, b->n, k, klen, b->d < b->max ? b->d : b->max);
    if (d == 0 || d > b->max)
        return; /* the exact name is gaz_lookup's answer, not ours */
    uint32_t pop = gz_le32(gz_rec(g, GZ_S_PLACES, p) + 12);
    if (d < b->d || (d == b->d && pop > b->pop)) {
        b->d = d;
        b->p = p;
        b->pop = pop;
    }
}

static int near_answer(const gaz *g, const near_best *b, gaz_place *out)
{
    if (b->d > b->max)
        return 0;
    gz_fill_place(g, b->p, out);
    return 1;
}

/* One name of the list: its record in the names section, its key's
 * length and first two bytes (read here so that a lookup touches the
 * mapping only for names that can be near). */
typedef struct near_name {
    uint32_t rec;
    uint8_t len, b0, b1;
} near_name;

/* Countries by their two letters: "ML" is ('M' - 'A') * 26 + ('L' - 'A'). */
#define NCC (26 * 26)

struct gaz_near_index {
    size_t start[NCC + 1]; /* country c's names: v[start[c]] .. v[start[c + 1]] */
    near_name *v;          /* within a country, in the index's name order */
};

static int cc_slot(unsigned char a, unsigned char b)
{
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z')
        return -1;
    return (a - 'A') * 26 + (b - 'A');
}

/* The country slot of name record i when it names a populated place with
 * a usable key (its length in *len, its first bytes in k0, k1), else -1. */
static int near_slot(const gaz *g, uint32_t i, size_t *len, unsigned char *k0,
                     unsigned char *k1)
{
    const unsigned char *rec = gz_rec(g, GZ_S_NAMES, i);
    uint32_t p = gz_le32(rec + 4);
    if (p >= g->n[GZ_S_PLACES])
        return -1;
    const unsigned char *pr = gz_rec(g, GZ_S_PLACES, p);
    if (pr[42] != 'P')
        return -1;
    int c = cc_slot(pr[40], pr[41]);
    if (c < 0)
        return -1;
    const unsigned char *k = (const unsigned char *)gz_str(g, gz_le32(rec));
    *len = strlen((const char *)k);
    if (*len < 2 || *len > GAZ_MAX_KEY)
        return -1;
    *k0 = k[0];
    *k1 = k[1];
    return c;
}

gaz_near_index *gaz_near_index_new(const gaz *g)
{
    if (!g)
        return NULL;
    gaz_near_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return NULL;
    size_t len;
    unsigned char k0, k1;
    /* count per country, then place each name after its country's */
    for (uint32_t i = 0; i < g->n[GZ_S_NAMES]; i++) {
        int c = near_slot(g, i, &len, &k0, &k1);
        if (c >= 0)
            ix->start[c + 1]++;
    }
    for (size_t c = 0; c < NCC; c++)
        ix->start[c + 1] += ix->start[c];
    ix->v = malloc((ix->start[NCC] ? ix->start[NCC] : 1) * sizeof *ix->v);
    size_t *fill = malloc(NCC * sizeof *fill);
    if (!ix->v || !fill) {
        free(fill);
        gaz_near_index_free(ix);
        return NULL;
    }
    memcpy(fill, ix->start, NCC * sizeof *fill);
    for (uint32_t i = 0; i < g->n[GZ_S_NAMES]; i++) {
        int c = near_slot(g, i, &len, &k0, &k1);
        if (c >= 0)
            ix->v[fill[c]++] = (near_name){i, (uint8_t)len, k0, k1};
    }
    free(fill);
    return ix;
}

void gaz_near_index_free(gaz_near_index *ix)
{
    if (!ix)
        return;
    free(ix->v);
    free(ix);
}

/* First entry in v[lo..hi) whose first two bytes are >= want (b0 << 8 |
 * b1). */
static size_t first_with(const near_name *v, size_t lo, size_t hi, unsigned want)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        unsigned have = (unsigned)v[mid].b0 << 8 | v[mid].b1;
        if (have < want)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int gaz_near_in(const gaz *g, const gaz_near_index *ix, const char *cc,
                const char *folded, size_t n, gaz_place *out)
{
    if (!g || !ix || !folded || n < 5 || n > GAZ_MAX_KEY || !cc)
        return 0;
    int c = cc_slot((unsigned char)cc[0], cc[0] ? (unsigned char)cc[1] : 0);
    if (c < 0)
        return 0;
    size_t end = ix->start[c + 1];
    near_best best;
    near_start(&best, folded, n);
    /* variants keep their first two letters (Ogassagou, Ogossagou): only
     * the names that start with them are read */
    unsigned want = (unsigned)best.q[0] << 8 | best.q[1];
    for (size_t i = first_with(ix->v, ix->start[c], end, want); i < end; i++) {
        const near_name *e = &ix->v[i];
        if (((unsigned)e->b0 << 8 | e->b1) != want)
            break;
        if ((e->len > n ? e->len - n : n - e->len) > (size_t)best.max)
            continue;
        const unsigned char *rec = gz_rec(g, GZ_S_NAMES, e->rec);
        near_weigh(&best, g, (const unsigned char *)gz_str(g, gz_le32(rec)),
                   e->len, gz_le32(rec + 4));
    }
    return near_answer(g, &best, out);
}

/* First name record whose key's first two bytes are >= want (b0 << 8 |
 * b1). */
static uint32_t first_name_with(const gaz *g, unsigned want)
{
    uint32_t lo = 0, hi = g->n[GZ_S_NAMES];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        const unsigned char *k = (const unsigned char *)gz_str(
            g, gz_le32(gz_rec(g, GZ_S_NAMES, mid)));
        unsigned have = (unsigned)k[0] << 8 | (k[0] ? k[1] : 0);
        if (have < want)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The slow road: every name of the index with the same first two bytes,
 * its place read to know its country. */
int gaz_lookup_near(const gaz *g, const char *folded, size_t n, const char *cc,
                    gaz_place *out)
{
    if (!g || !folded || n < 5 || n > GAZ_MAX_KEY || !cc || !cc[0] || !cc[1])
        return 0;
    near_best best;
    near_start(&best, folded, n);
    unsigned want = (unsigned)best.q[0] << 8 | best.q[1];
    uint32_t lo = first_name_with(g, want);
    uint32_t hi = want == 0xFFFF ? g->n[GZ_S_NAMES] : first_name_with(g, want + 1);
    for (uint32_t i = lo; i < hi; i++) {
        const unsigned char *rec = gz_rec(g, GZ_S_NAMES, i);
        uint32_t p = gz_le32(rec + 4);
        if (p >= g->n[GZ_S_PLACES] ||
            !populated_in(gz_rec(g, GZ_S_PLACES, p), (unsigned char)cc[0],
                          (unsigned char)cc[1]))
            continue;
        const unsigned char *k = (const unsigned char *)gz_str(g, gz_le32(rec));
        near_weigh(&best, g, k, strlen((const char *)k), p);
    }
    return near_answer(g, &best, out);
}
