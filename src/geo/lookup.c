/*
 * lookup.c — queries over a mapped index: places by folded name (the key
 * table, a hash table, gives the run of the sorted name table with that
 * key, whose entries are already in the order gaz_lookup returns them),
 * name prefixes for multi-word names (the key table again), and the
 * points that stand for a country or an admin1 region.
 *
 * A query with inner hyphens that finds nothing is tried again with
 * spaces ("in-tillit" → "in tillit"): the importer indexed both forms of
 * hyphenated names, so this finds GeoNames' "In Tillit" too.
 */
#include "geoint.h"

void gz_fill_place(const gaz *g, uint32_t i, gaz_place *out)
{
    const unsigned char *r = gz_rec(g, GZ_S_PLACES, i);
    memset(out, 0, sizeof *out);
    out->geonameid = gz_le32(r);
    out->lat = gz_f32(r + 4);
    out->lon = gz_f32(r + 8);
    out->population = gz_le32(r + 12);
    out->name = gz_str(g, gz_le32(r + 16));
    uint32_t a1 = gz_le32(r + 20), a2 = gz_le32(r + 24), a3 = gz_le32(r + 28);
    out->admin1 = a1 < g->n[GZ_S_ADMIN1]
                      ? gz_str(g, gz_le32(gz_rec(g, GZ_S_ADMIN1, a1) + 4))
                      : "";
    out->admin2 = a2 < g->n[GZ_S_ADMIN2]
                      ? gz_str(g, gz_le32(gz_rec(g, GZ_S_ADMIN2, a2) + 4))
                      : "";
    out->admin3 = a3 < g->n[GZ_S_ADMIN3]
                      ? gz_str(g, gz_le32(gz_rec(g, GZ_S_ADMIN3, a3) + 4))
                      : "";
    memcpy(out->fcode, r + 32, 7);
    out->fcode[7] = '\0';
    memcpy(out->cc, r + 40, 2);
    out->cc[2] = '\0';
    out->fclass = (char)r[42];
    uint32_t c = gz_le32(r + 44);
    out->country = "";
    if (c < g->n[GZ_S_COUNTRIES]) {
        const unsigned char *cr = gz_rec(g, GZ_S_COUNTRIES, c);
        out->country = gz_str(g, gz_le32(cr + 12));
        out->iso_numeric = (int)gz_le32(cr + 8);
        out->deep = gz_country_deep(cr);
    }
}

/* Orders the NUL-terminated s against the n bytes of q followed by tail
 * (tail 0: q itself; tail ' ': q as the first word(s) of a longer name,
 * where every s that starts with "q " compares equal). */
static int cmp_key(const unsigned char *s, const unsigned char *q, size_t n,
                   int tail)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != q[i])
            return s[i] < q[i] ? -1 : 1;
    }
    if (tail == 0)
        return s[n] == '\0' ? 0 : 1;
    return s[n] == tail ? 0 : s[n] < tail ? -1 : 1;
}

static const unsigned char *name_key(const gaz *g, uint32_t i)
{
    return (const unsigned char *)gz_str(g, gz_le32(gz_rec(g, GZ_S_NAMES, i)));
}

/* The key table's slot for the n bytes of q (format.h), or NULL when no
 * name has that key or starts with it and a space.  Each slot's key is
 * checked against the name entry it points to, so that a corrupt table
 * gives no answer rather than a wrong one; the probes stop after a full
 * turn even in a table with no empty slot. */
static const unsigned char *find_key(const gaz *g, const char *q, size_t n)
{
    uint32_t nslots = g->n[GZ_S_KEYS];
    if (nslots == 0)
        return NULL;
    uint64_t h = gz_key_hash(q, n);
    uint32_t tag = gz_key_tag(h);
    uint32_t i = gz_key_slot(h, nslots);
    for (uint32_t probes = 0; probes < nslots; probes++) {
        const unsigned char *r = gz_rec(g, GZ_S_KEYS, i);
        uint32_t info = gz_le32(r + 4);
        if (info == 0)
            return NULL;
        uint32_t name = gz_le32(r);
        if ((info & GZ_KEY_TAG) == tag && name < g->n[GZ_S_NAMES] &&
            cmp_key(name_key(g, name), (const unsigned char *)q, n,
                    (info & GZ_KEY_EXACT) ? 0 : ' ') == 0)
            return r;
        if (++i == nslots)
            i = 0;
    }
    return NULL;
}

/* [*lo, *hi): the name entries whose key is the n bytes of q: from the
 * key's first entry, those with the same key offset. */
static void range(const gaz *g, const char *q, size_t n, uint32_t *lo,
                  uint32_t *hi)
{
    const unsigned char *r = find_key(g, q, n);
    *lo = *hi = 0;
    if (!r || !(gz_le32(r + 4) & GZ_KEY_EXACT))
        return;
    uint32_t first = gz_le32(r), end = first + 1;
    uint32_t key = gz_le32(gz_rec(g, GZ_S_NAMES, first));
    while (end < g->n[GZ_S_NAMES] && gz_le32(gz_rec(g, GZ_S_NAMES, end)) == key)
        end++;
    *lo = first;
    *hi = end;
}

static int usable(const char *q, size_t n)
{
    return q && n > 0 && n <= GAZ_MAX_KEY && !memchr(q, '\0', n);
}

static size_t lookup_exact(const gaz *g, const char *q, size_t n,
                           gaz_place *out, size_t max)
{
    uint32_t lo, hi;
    range(g, q, n, &lo, &hi);
    size_t k = 0;
    for (uint32_t i = lo; i < hi; i++) {
        uint32_t p = gz_le32(gz_rec(g, GZ_S_NAMES, i) + 4);
        if (p >= g->n[GZ_S_PLACES])
            continue;
        if (k < max)
            gz_fill_place(g, p, &out[k]);
        k++;
    }
    return k;
}

size_t gaz_lookup(const gaz *g, const char *folded, size_t n, gaz_place *out,
                  size_t max)
{
    if (!g || !usable(folded, n))
        return 0;
    size_t k = lookup_exact(g, folded, n, out, max);
    char var[GAZ_MAX_KEY];
    if (k == 0 && unhyphen(folded, n, var))
        k = lookup_exact(g, var, n, out, max);
    return k;
}

static int prefix_exact(const gaz *g, const char *q, size_t n)
{
    const unsigned char *r = find_key(g, q, n);
    uint32_t info = r ? gz_le32(r + 4) : 0;
    return ((info & GZ_KEY_EXACT) ? 1 : 0) | ((info & GZ_KEY_PREFIX) ? 2 : 0);
}

int gaz_prefix(const gaz *g, const char *folded, size_t n)
{
    if (!g || !usable(folded, n))
        return 0;
    int r = prefix_exact(g, folded, n);
    char var[GAZ_MAX_KEY];
    if (r == 0 && unhyphen(folded, n, var))
        r = prefix_exact(g, var, n);
    return r;
}

int gaz_country(const gaz *g, const char *cc, gaz_place *out)
{
    if (!g || !cc || !cc[0] || !cc[1] || cc[2])
        return 0;
    uint32_t lo = 0, hi = g->n[GZ_S_COUNTRIES];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (memcmp(gz_rec(g, GZ_S_COUNTRIES, mid), cc, 2) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= g->n[GZ_S_COUNTRIES] ||
        memcmp(gz_rec(g, GZ_S_COUNTRIES, lo), cc, 2) != 0)
        return 0;
    uint32_t best = gz_le32(gz_rec(g, GZ_S_COUNTRIES, lo) + 20);
    if (best >= g->n[GZ_S_PLACES])
        return 0;
    gz_fill_place(g, best, out);
    return 1;
}

/* Best place of admin1 a (GZ_NONE if none). */
static uint32_t admin1_best(const gaz *g, uint32_t a)
{
    if (a >= g->n[GZ_S_ADMIN1])
        return GZ_NONE;
    uint32_t b = gz_le32(gz_rec(g, GZ_S_ADMIN1, a) + 12);
    return b < g->n[GZ_S_PLACES] ? b : GZ_NONE;
}

static uint32_t place_pop(const gaz *g, uint32_t p)
{
    return gz_le32(gz_rec(g, GZ_S_PLACES, p) + 12);
}

/* Keeps in *best the admin1 whose best place is the most populous. */
static void consider(const gaz *g, uint32_t a, uint32_t *best)
{
    uint32_t p = admin1_best(g, a);
    if (p == GZ_NONE)
        return;
    if (*best == GZ_NONE ||
        place_pop(g, p) > place_pop(g, admin1_best(g, *best)))
        *best = a;
}

static int cc_ok(const unsigned char *rec_cc, const char *cc)
{
    return !cc || memcmp(rec_cc, cc, 2) == 0;
}

/* Admin1 by the folded names of admin1CodesASCII. */
static void admin1_by_table(const gaz *g, const char *cc, const char *q,
                            size_t n, uint32_t *best)
{
    const unsigned char *uq = (const unsigned char *)q;
    uint32_t lo = 0, hi = g->n[GZ_S_ADMIN1];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        const unsigned char *s = (const unsigned char *)gz_str(
            g, gz_le32(gz_rec(g, GZ_S_ADMIN1, mid) + 8));
        if (cmp_key(s, uq, n, 0) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (uint32_t a = lo; a < g->n[GZ_S_ADMIN1]; a++) {
        const unsigned char *r = gz_rec(g, GZ_S_ADMIN1, a);
        if (cmp_key((const unsigned char *)gz_str(g, gz_le32(r + 8)), uq, n,
                    0) != 0)
            break;
        if (cc_ok(r + 20, cc))
            consider(g, a, best);
    }
}

/* Admin1 by any name of its ADM1 feature ("Région de Kidal", "Timbuktu
 * Region"). */
static void admin1_by_feature(const gaz *g, const char *cc, const char *q,
                              size_t n, uint32_t *best)
{
    uint32_t lo, hi;
    range(g, q, n, &lo, &hi);
    for (uint32_t i = lo; i < hi; i++) {
        uint32_t p = gz_le32(gz_rec(g, GZ_S_NAMES, i) + 4);
        if (p >= g->n[GZ_S_PLACES])
            continue;
        const unsigned char *r = gz_rec(g, GZ_S_PLACES, p);
        if (memcmp(r + 32, "ADM1", 5) == 0 && cc_ok(r + 40, cc))
            consider(g, gz_le32(r + 20), best);
    }
}

int gaz_admin1_by_name(const gaz *g, const char *cc, const char *folded_admin1,
                       gaz_place *out)
{
    if (!g || !folded_admin1)
        return 0;
    if (cc && (!cc[0] || !cc[1] || cc[2]))
        return 0;
    size_t n = strlen(folded_admin1);
    if (!usable(folded_admin1, n))
        return 0;
    char var[GAZ_MAX_KEY];
    int hy = unhyphen(folded_admin1, n, var) > 0;
    uint32_t best = GZ_NONE;
    admin1_by_table(g, cc, folded_admin1, n, &best);
    if (best == GZ_NONE && hy)
        admin1_by_table(g, cc, var, n, &best);
    if (best == GZ_NONE)
        admin1_by_feature(g, cc, folded_admin1, n, &best);
    if (best == GZ_NONE && hy)
        admin1_by_feature(g, cc, var, n, &best);
    if (best == GZ_NONE)
        return 0;
    gz_fill_place(g, admin1_best(g, best), out);
    return 1;
}
