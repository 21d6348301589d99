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

/* First name index whose key's first two bytes are >= (b0, b1). */
static uint32_t first_with(const gaz *g, unsigned b0, unsigned b1)
{
    uint32_t lo = 0, hi = g->n[GZ_S_NAMES];
    unsigned want = b0 << 8 | b1;
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

int gaz_lookup_near(const gaz *g, const char *folded, size_t n, const char *cc,
                    gaz_place *out)
{
    if (!g || !folded || n < 5 || n > GAZ_MAX_KEY || !cc || !cc[0] || !cc[1])
        return 0;
    const unsigned char *q = (const unsigned char *)folded;
    int max = n >= 8 ? 2 : 1;
    /* variants keep their first two letters (Ogassagou, Ogossagou): only
     * the names that start with them are read */
    uint32_t lo = first_with(g, q[0], q[1]);
    unsigned next = ((unsigned)q[0] << 8 | q[1]) + 1;
    uint32_t hi = next > 0xFFFF ? g->n[GZ_S_NAMES] : first_with(g, next >> 8, next & 0xFF);
    int best_d = max + 1;
    uint32_t best_p = 0, best_pop = 0;
    for (uint32_t i = lo; i < hi; i++) {
        const unsigned char *rec = gz_rec(g, GZ_S_NAMES, i);
        uint32_t p = gz_le32(rec + 4);
        if (p >= g->n[GZ_S_PLACES])
            continue;
        const unsigned char *pr = gz_rec(g, GZ_S_PLACES, p);
        if (pr[42] != 'P' || pr[40] != (unsigned char)cc[0] ||
            pr[41] != (unsigned char)cc[1])
            continue;
        const unsigned char *k = (const unsigned char *)gz_str(g, gz_le32(rec));
        int d = edits(q, n, k, strlen((const char *)k), best_d < max ? best_d : max);
        if (d == 0)
            continue; /* the exact name: gaz_lookup's answer, not ours */
        uint32_t pop = gz_le32(pr + 12);
        if (d < best_d || (d == best_d && pop > best_pop)) {
            best_d = d;
            best_p = p;
            best_pop = pop;
        }
    }
    if (best_d > max)
        return 0;
    gz_fill_place(g, best_p, out);
    return 1;
}
