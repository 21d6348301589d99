/*
 * info.c — gaz_info: what an index holds, for `veille gazetteer info`:
 * the sizes of its tables, then places per country, most first.
 */
#include <stdlib.h>

#include "geoint.h"

typedef struct ccount {
    uint32_t country, nplaces;
} ccount;

static int cmp_ccount(const void *x, const void *y)
{
    const ccount *a = x, *b = y;
    if (a->nplaces != b->nplaces)
        return a->nplaces > b->nplaces ? -1 : 1;
    return a->country < b->country ? -1 : a->country > b->country;
}

void gaz_info(const gaz *g, FILE *out)
{
    fprintf(out, "places:     %u\n", g->n[GZ_S_PLACES]);
    fprintf(out, "names:      %u\n", g->n[GZ_S_NAMES]);
    fprintf(out, "admin1:     %u\n", g->n[GZ_S_ADMIN1]);
    fprintf(out, "admin2:     %u\n", g->n[GZ_S_ADMIN2]);
    fprintf(out, "admin3:     %u\n", g->n[GZ_S_ADMIN3]);
    uint32_t nc = g->n[GZ_S_COUNTRIES];
    ccount *v = malloc((nc ? nc : 1) * sizeof *v);
    if (!v)
        return;
    size_t k = 0;
    for (uint32_t c = 0; c < nc; c++) {
        uint32_t np = gz_le32(gz_rec(g, GZ_S_COUNTRIES, c) + 24);
        if (np) {
            v[k].country = c;
            v[k].nplaces = np;
            k++;
        }
    }
    qsort(v, k, sizeof *v, cmp_ccount);
    fprintf(out, "countries:  %zu with places\n", k);
    if (k)
        fprintf(out, "  cc  %-32s %8s  %-5s %s\n", "country", "places", "depth",
                "reference point (capital)");
    for (size_t i = 0; i < k; i++) {
        const unsigned char *r = gz_rec(g, GZ_S_COUNTRIES, v[i].country);
        const char *name = gz_str(g, gz_le32(r + 12));
        uint32_t best = gz_le32(r + 20);
        gaz_place p;
        int have = best < g->n[GZ_S_PLACES];
        if (have)
            gz_fill_place(g, best, &p);
        /* "full": a whole country dump was imported; its places win
         * over namesakes abroad when the text names no country */
        int deep = gz_country_deep(r);
        fprintf(out, "  %.2s  %-32s %8u  %-5s %s\n", (const char *)r,
                *name ? name : "?", v[i].nplaces, deep ? "full" : "towns",
                have ? p.name : "");
    }
    free(v);
}
