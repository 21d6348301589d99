/*
 * build.c — turns what import.c read into the tables of the index, in the
 * order the reader needs them (format.h):
 *
 *   1. places with one geonameid become one (the last read wins; the names
 *      of all are kept), sorted by geonameid;
 *   2. admin codes get their names (a code file before an ADM feature, the
 *      last read before an earlier one); only codes some place uses are
 *      kept; admin1 is sorted by folded name for gaz_admin1_by_name; a
 *      place with no admin1 takes its nearest neighbour's (2b);
 *   3. countries: countryInfo's, and any country code of a place that
 *      countryInfo lacks, sorted by code;
 *   4. names: duplicates dropped, sorted by key bytes, then population;
 *   5. the "best place" of each admin1 and country: its seat (PPLA,
 *      PPLC), else its most populous populated place (P), else its own
 *      ADM1/PCLI feature; for a country, countryInfo's capital first;
 *   6. the key table: a hash table of the distinct keys of the sorted
 *      names and of their word prefixes, pointing into the name table.
 *
 * Sorting works on pool ids: strings are compared once, to rank the
 * distinct keys, and every later comparison is between integers.
 */
#include <stdlib.h>

#include "geoint.h"

/* ---- 1. places ---- */

static int cmp_place_order(const void *x, const void *y, void *ctx)
{
    const bplace *v = ctx;
    const bplace *a = &v[*(const uint32_t *)x], *b = &v[*(const uint32_t *)y];
    if (a->geonameid != b->geonameid)
        return a->geonameid < b->geonameid ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int dedupe_places(builder *b)
{
    size_t n = b->places.n;
    uint32_t *order = malloc((n ? n : 1) * sizeof *order);
    uint32_t *map = malloc((n ? n : 1) * sizeof *map);
    bplace *kept = malloc((n ? n : 1) * sizeof *kept);
    if (!order || !map || !kept) {
        free(order);
        free(map);
        free(kept);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = (uint32_t)i;
    qsort_r(order, n, sizeof *order, cmp_place_order, b->places.v);
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && b->places.v[order[j + 1]].geonameid ==
                                b->places.v[order[i]].geonameid)
            j++;
        kept[k] = b->places.v[order[j]]; /* the last read */
        for (size_t t = i; t <= j; t++)
            map[order[t]] = (uint32_t)k;
        k++;
        i = j + 1;
    }
    for (size_t i = 0; i < b->names.n; i++)
        b->names.v[i].place = map[b->names.v[i].place];
    b->st.duplicates = (long)(n - k);
    free(b->places.v);
    b->places.v = kept;
    b->places.n = k;
    b->places.cap = n ? n : 1;
    free(order);
    free(map);
    return 0;
}

/* ---- 2. admin codes ---- */

static int cmp_code(const void *x, const void *y)
{
    const bcode *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    if (a->prio != b->prio)
        return a->prio > b->prio ? -1 : 1;
    return a->seq > b->seq ? -1 : a->seq < b->seq;
}

static int cmp_admin1(const void *x, const void *y, void *ctx)
{
    const spool *p = ctx;
    const bcode *a = x, *b = y;
    int c = strcmp(spool_str(p, a->fold), spool_str(p, b->fold));
    return c ? c : strcmp(spool_str(p, a->key), spool_str(p, b->key));
}

/* Index of key in the sorted, unique codes v[0..n), or GZ_NONE. */
static uint32_t find_code(const bcode *v, size_t n, uint32_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && v[lo].key == key ? (uint32_t)lo : GZ_NONE;
}

static int resolve_level(builder *b, int level)
{
    bcode *v = b->codes[level].v;
    size_t n = b->codes[level].n;
    if (n)
        qsort(v, n, sizeof *v, cmp_code);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || v[u - 1].key != v[i].key)
            v[u++] = v[i];
    /* Which codes places use; nplaces counts them. */
    for (size_t i = 0; i < u; i++)
        v[i].nplaces = 0;
    for (size_t i = 0; i < b->places.n; i++) {
        bplace *p = &b->places.v[i];
        uint32_t k = p->akey[level] ? find_code(v, u, p->akey[level]) : GZ_NONE;
        p->out_admin[level] = k;
        if (k != GZ_NONE)
            v[k].nplaces++;
    }
    uint32_t *map = malloc((u ? u : 1) * sizeof *map);
    if (!map)
        return -1;
    size_t m = 0;
    for (size_t i = 0; i < u; i++) {
        map[i] = v[i].nplaces ? (uint32_t)m : GZ_NONE;
        if (v[i].nplaces) {
            v[m] = v[i];
            v[m].seq = (uint32_t)m; /* now: position before sorting */
            v[m].best = GZ_NONE;
            m++;
        }
    }
    b->codes[level].n = m;
    int rc = 0;
    if (level == 0) {
        /* Sorted by folded name; map old positions to new ones. */
        for (size_t i = 0; i < m && rc == 0; i++) {
            const char *name = spool_str(&b->pool, v[i].name);
            buf_clear(&b->key);
            if (folder_fold(&b->fold, name, strlen(name), &b->key) ||
                (v[i].fold = spool_intern(&b->pool, b->key.ptr, b->key.len)) ==
                    SPOOL_FAIL)
                rc = -1;
        }
        if (rc == 0 && m)
            qsort_r(v, m, sizeof *v, cmp_admin1, &b->pool);
        uint32_t *pos = malloc((m ? m : 1) * sizeof *pos);
        if (!pos)
            rc = -1;
        for (size_t i = 0; rc == 0 && i < m; i++)
            pos[v[i].seq] = (uint32_t)i;
        for (size_t i = 0; rc == 0 && i < u; i++)
            if (map[i] != GZ_NONE)
                map[i] = pos[map[i]];
        free(pos);
    }
    for (size_t i = 0; rc == 0 && i < b->places.n; i++) {
        bplace *p = &b->places.v[i];
        if (p->out_admin[level] != GZ_NONE)
            p->out_admin[level] = map[p->out_admin[level]];
    }
    free(map);
    return rc;
}

/* ---- 2b. places without an admin1 ---- */

/* Some GeoNames rows give no admin1 code ("BF.00": Solle, Kabonga, added
 * by hand with a point only).  Such a place takes the admin1 and admin2 of
 * the nearest place of its country that has them, within 60 km: a report
 * coded there is in that province.  Places are bucketed in cells of half
 * a degree (55 km) by country; a place looks at its cell and the eight
 * around it. */
enum { FILL_KM = 60 };

static uint64_t cell_key(const bplace *p, int dy, int dx)
{
    int s = (p->cc[0] - 'A') * 26 + (p->cc[1] - 'A');
    long cy = (long)((p->lat + 90.0f) * 2.0f) + dy;
    long cx = (long)((p->lon + 180.0f) * 2.0f) + dx;
    if (cx < 0)
        cx += 720;
    if (cx >= 720)
        cx -= 720;
    return ((uint64_t)s << 32) | ((uint64_t)(cy & 0xffff) << 16) | (uint64_t)(cx & 0xffff);
}

typedef struct donor {
    uint64_t key;
    uint32_t place;
} donor;

static int cmp_donor(const void *x, const void *y)
{
    const donor *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->place < b->place ? -1 : a->place > b->place;
}

/* A place of a country, not an administrative unit (a country's own
 * feature has no admin1, and no neighbour's either). */
static int country_place(const bplace *p)
{
    return p->fclass != 'A' && p->cc[0] >= 'A' && p->cc[0] <= 'Z' &&
           p->cc[1] >= 'A' && p->cc[1] <= 'Z';
}

/* Index of the first donor in the sorted d[0..nd) whose key is >= key. */
static size_t first_donor(const donor *d, size_t nd, uint64_t key)
{
    size_t lo = 0, hi = nd;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The donor place nearest p (of v), within FILL_KM, in p's cell and the
 * eight around it; GZ_NONE when there is none. */
static uint32_t nearest_donor(const donor *d, size_t nd, const bplace *v,
                              const bplace *p)
{
    double best = FILL_KM;
    uint32_t got = GZ_NONE;
    for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++) {
            uint64_t key = cell_key(p, dy, dx);
            for (size_t j = first_donor(d, nd, key); j < nd && d[j].key == key; j++) {
                const bplace *q = &v[d[j].place];
                double km = gaz_km(p->lat, p->lon, q->lat, q->lon);
                if (km < best) {
                    best = km;
                    got = d[j].place;
                }
            }
        }
    return got;
}

static int fill_admins(builder *b)
{
    size_t n = b->places.n, nd = 0, nr = 0;
    bplace *v = b->places.v;
    for (size_t i = 0; i < n; i++) {
        if (!country_place(&v[i]))
            continue;
        if (v[i].out_admin[0] != GZ_NONE)
            nd++;
        else
            nr++;
    }
    if (!nr || !nd)
        return 0;
    donor *d = malloc(nd * sizeof *d);
    if (!d)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (country_place(&v[i]) && v[i].out_admin[0] != GZ_NONE)
            d[k++] = (donor){cell_key(&v[i], 0, 0), (uint32_t)i};
    qsort(d, nd, sizeof *d, cmp_donor);
    for (size_t i = 0; i < n; i++) {
        bplace *p = &v[i];
        if (!country_place(p) || p->out_admin[0] != GZ_NONE)
            continue;
        uint32_t got = nearest_donor(d, nd, v, p);
        if (got != GZ_NONE) {
            p->out_admin[0] = v[got].out_admin[0];
            if (p->out_admin[1] == GZ_NONE)
                p->out_admin[1] = v[got].out_admin[1];
        }
    }
    free(d);
    return 0;
}

/* ---- 3. countries ---- */

static int cc_slot(const char *cc)
{
    if (cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z')
        return -1;
    return (cc[0] - 'A') * 26 + (cc[1] - 'A');
}

static int resolve_countries(builder *b)
{
    enum { NSLOT = 26 * 26 };
    int32_t slot[NSLOT];
    for (int i = 0; i < NSLOT; i++)
        slot[i] = -1;
    /* countryInfo rows: the last one of a code wins. */
    for (size_t i = 0; i < b->countries.n; i++) {
        int s = cc_slot(b->countries.v[i].iso);
        if (s >= 0)
            slot[s] = (int32_t)i;
    }
    /* Codes of places that countryInfo does not know. */
    int used[NSLOT] = {0};
    for (size_t i = 0; i < b->places.n; i++) {
        int s = cc_slot(b->places.v[i].cc);
        if (s >= 0)
            used[s] = 1;
    }
    size_t nout = 0;
    for (int s = 0; s < NSLOT; s++)
        nout += slot[s] >= 0 || used[s];
    bcountry *out = calloc(nout ? nout : 1, sizeof *out);
    if (!out)
        return -1;
    uint32_t index[NSLOT];
    size_t k = 0;
    for (int s = 0; s < NSLOT; s++) {
        index[s] = GZ_NONE;
        if (slot[s] < 0 && !used[s])
            continue;
        if (slot[s] >= 0) {
            out[k] = b->countries.v[slot[s]];
        } else {
            out[k].iso[0] = (char)('A' + s / 26);
            out[k].iso[1] = (char)('A' + s % 26);
        }
        out[k].best = GZ_NONE;
        out[k].nplaces = 0;
        out[k].nfeatures = 0;
        index[s] = (uint32_t)k++;
    }
    for (size_t i = 0; i < b->places.n; i++) {
        bplace *p = &b->places.v[i];
        int s = cc_slot(p->cc);
        p->out_country = s >= 0 ? index[s] : GZ_NONE;
        if (s >= 0) {
            out[index[s]].nplaces++;
            if (p->fclass != 'P' && p->fclass != 'A')
                out[index[s]].nfeatures++;
        }
    }
    free(b->countries.v);
    b->countries.v = out;
    b->countries.n = b->countries.cap = nout;
    return 0;
}

/* ---- 4. names ---- */

static int cmp_name_ids(const void *x, const void *y)
{
    const bname *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->place < b->place ? -1 : a->place > b->place;
}

static int cmp_key_str(const void *x, const void *y, void *ctx)
{
    const spool *p = ctx;
    return strcmp(spool_str(p, *(const uint32_t *)x),
                  spool_str(p, *(const uint32_t *)y));
}

/* Of places with no count of people, the seat of a larger unit first:
 * 0 for a capital or a region's seat, 1 for a district's, 2 for a
 * commune's, 3 for other places. */
static int seat_rank(const bplace *p)
{
    if (p->fclass != 'P' || strncmp(p->fcode, "PPL", 3) != 0)
        return 3;
    if (!strcmp(p->fcode, "PPLC") || !strcmp(p->fcode, "PPLA"))
        return 0;
    if (!strcmp(p->fcode, "PPLA2"))
        return 1;
    return !strncmp(p->fcode, "PPLA", 4) ? 2 : 3;
}

typedef struct name_ctx {
    const uint32_t *rank;
    const bplace *places;
} name_ctx;

static int cmp_name_final(const void *x, const void *y, void *ctx)
{
    const name_ctx *c = ctx;
    const bname *a = x, *b = y;
    if (c->rank[a->key] != c->rank[b->key])
        return c->rank[a->key] < c->rank[b->key] ? -1 : 1;
    const bplace *pa = &c->places[a->place], *pb = &c->places[b->place];
    if (pa->pop != pb->pop)
        return pa->pop > pb->pop ? -1 : 1;
    int sa = seat_rank(pa), sb = seat_rank(pb);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    int ppa = pa->fclass == 'P', ppb = pb->fclass == 'P';
    if (ppa != ppb)
        return ppa ? -1 : 1;
    return a->place < b->place ? -1 : a->place > b->place;
}

static int sort_names(builder *b)
{
    bname *v = b->names.v;
    size_t n = b->names.n;
    if (n == 0)
        return 0;
    qsort(v, n, sizeof *v, cmp_name_ids);
    size_t u = 0, nkeys = 0;
    for (size_t i = 0; i < n; i++) {
        if (u && v[u - 1].key == v[i].key && v[u - 1].place == v[i].place)
            continue;
        nkeys += u == 0 || v[u - 1].key != v[i].key;
        v[u++] = v[i];
    }
    b->names.n = n = u;
    uint32_t *keys = malloc(nkeys * sizeof *keys);
    uint32_t *rank = malloc((size_t)b->pool.n * sizeof *rank);
    if (!keys || !rank) {
        free(keys);
        free(rank);
        return -1;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || v[i - 1].key != v[i].key)
            keys[k++] = v[i].key;
    qsort_r(keys, nkeys, sizeof *keys, cmp_key_str, &b->pool);
    for (size_t i = 0; i < nkeys; i++)
        rank[keys[i]] = (uint32_t)i;
    name_ctx c = {rank, b->places.v};
    qsort_r(v, n, sizeof *v, cmp_name_final, &c);
    free(keys);
    free(rank);
    return 0;
}

/* ---- 5. best places ---- */

/* How well a place stands for its admin1 region (admin1 set) or its
 * country: the seat (PPLA, or PPLC for the capital's region; PPLC for a
 * country) — the "provincial capital" ACLED codes a region-level event
 * at — then any populated place, then the region's own feature (ADM1,
 * PCLI), then anything. */
static int region_rank(const bplace *p, int admin1)
{
    if (p->fclass == 'P') {
        if (strcmp(p->fcode, "PPLC") == 0 ||
            (admin1 && strcmp(p->fcode, "PPLA") == 0))
            return 3;
        return 2;
    }
    return strcmp(p->fcode, admin1 ? "ADM1" : "PCLI") == 0;
}

/* Is place a a better point for a region than place b (b may be
 * GZ_NONE)?  Rank, then population, then the lower geonameid. */
static int better(const bplace *v, uint32_t a, uint32_t b, int admin1)
{
    if (b == GZ_NONE)
        return 1;
    const bplace *pa = &v[a], *pb = &v[b];
    int ra = region_rank(pa, admin1), rb = region_rank(pb, admin1);
    if (ra != rb)
        return ra > rb;
    if (pa->pop != pb->pop)
        return pa->pop > pb->pop;
    return a < b;
}

static int best_places(builder *b)
{
    bplace *pl = b->places.v;
    bcode *a1 = b->codes[0].v;
    bcountry *co = b->countries.v;
    for (size_t i = 0; i < b->places.n; i++) {
        uint32_t k = pl[i].out_admin[0];
        if (k != GZ_NONE && better(pl, (uint32_t)i, a1[k].best, 1))
            a1[k].best = (uint32_t)i;
        k = pl[i].out_country;
        if (k != GZ_NONE && better(pl, (uint32_t)i, co[k].best, 0))
            co[k].best = (uint32_t)i;
    }
    /* Capitals: countryInfo's capital name among the country's populated
     * places, the most populous of that name. */
    uint32_t *cap_key =
        malloc((b->countries.n ? b->countries.n : 1) * sizeof *cap_key);
    uint32_t *cap_best =
        malloc((b->countries.n ? b->countries.n : 1) * sizeof *cap_best);
    if (!cap_key || !cap_best) {
        free(cap_key);
        free(cap_best);
        return -1;
    }
    for (size_t c = 0; c < b->countries.n; c++) {
        cap_key[c] = SPOOL_FAIL;
        cap_best[c] = GZ_NONE;
        const char *cap = spool_str(&b->pool, co[c].capital);
        if (!*cap)
            continue;
        buf_clear(&b->key);
        if (folder_fold(&b->fold, cap, strlen(cap), &b->key)) {
            free(cap_key);
            free(cap_best);
            return -1;
        }
        cap_key[c] = spool_find(&b->pool, b->key.ptr, b->key.len);
    }
    for (size_t i = 0; i < b->names.n; i++) {
        const bname *nm = &b->names.v[i];
        const bplace *p = &pl[nm->place];
        uint32_t c = p->out_country;
        if (c == GZ_NONE || p->fclass != 'P' || cap_key[c] != nm->key)
            continue;
        if (cap_best[c] == GZ_NONE || p->pop > pl[cap_best[c]].pop)
            cap_best[c] = nm->place;
    }
    for (size_t c = 0; c < b->countries.n; c++)
        if (cap_best[c] != GZ_NONE)
            co[c].best = cap_best[c];
    free(cap_key);
    free(cap_best);
    return 0;
}

/* ---- 6. the key table ---- */

/* Does slot k hold the n bytes of s (see format.h: a key ends where its
 * name's key ends, a mere prefix where a space follows)? */
static int slot_is(const builder *b, const bkey *k, const char *s, size_t n)
{
    const char *key = spool_str(&b->pool, b->names.v[k->name].key);
    return strncmp(key, s, n) == 0 &&
           key[n] == ((k->info & GZ_KEY_EXACT) ? '\0' : ' ');
}

/* Adds the n bytes of s to the key table with flag (GZ_KEY_EXACT: the key
 * of names from name on; GZ_KEY_PREFIX: a prefix of the key of name). */
static void put_key(builder *b, const char *s, size_t n, uint32_t name,
                    uint32_t flag)
{
    uint64_t h = gz_key_hash(s, n);
    uint32_t tag = gz_key_tag(h);
    for (uint32_t i = gz_key_slot(h, b->nslots);;
         i = i + 1 == b->nslots ? 0 : i + 1) {
        bkey *k = &b->keys[i];
        if (k->info == 0) {
            *k = (bkey){name, tag | flag};
            return;
        }
        if ((k->info & GZ_KEY_TAG) == tag && slot_is(b, k, s, n)) {
            if (flag == GZ_KEY_EXACT) /* the key, once seen as a prefix */
                k->name = name;
            k->info |= flag;
            return;
        }
    }
}

/* Bytes a and b have in common at their start. */
static size_t common(const char *a, const char *b)
{
    size_t i = 0;
    while (a[i] && a[i] == b[i])
        i++;
    return i;
}

/* How many slots: the distinct keys and the distinct prefixes (a prefix
 * of a key is new unless the key before it in sorted order, which shares
 * every key that starts with the prefix and a space, has it too), some
 * counted twice, and half as many more to stay empty. */
static size_t key_slots(const builder *b)
{
    const bname *v = b->names.v;
    size_t most = 0;
    const char *prev = "";
    for (size_t i = 0; i < b->names.n; i++) {
        if (i > 0 && v[i - 1].key == v[i].key)
            continue;
        const char *k = spool_str(&b->pool, v[i].key);
        size_t shared = common(prev, k);
        most++;
        for (const char *sp = strchr(k, ' '); sp; sp = strchr(sp + 1, ' '))
            most += (size_t)(sp - k) >= shared;
        prev = k;
    }
    return most + most / 2 + 1;
}

static int build_keys(builder *b)
{
    const bname *v = b->names.v;
    size_t n = b->names.n, nslots = key_slots(b);
    if (nslots > UINT32_MAX / 2)
        return -1;
    b->nslots = (uint32_t)nslots;
    b->keys = calloc(nslots, sizeof *b->keys);
    if (!b->keys)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && v[i - 1].key == v[i].key)
            continue;
        const char *k = spool_str(&b->pool, v[i].key);
        put_key(b, k, strlen(k), (uint32_t)i, GZ_KEY_EXACT);
        for (const char *sp = strchr(k, ' '); sp; sp = strchr(sp + 1, ' '))
            put_key(b, k, (size_t)(sp - k), (uint32_t)i, GZ_KEY_PREFIX);
    }
    return 0;
}

int build_index(builder *b)
{
    int rc = dedupe_places(b);
    for (int level = 0; level < 3 && rc == 0; level++)
        rc = resolve_level(b, level);
    if (rc == 0)
        rc = fill_admins(b);
    if (rc == 0)
        rc = resolve_countries(b);
    if (rc == 0)
        rc = sort_names(b);
    if (rc == 0)
        rc = best_places(b);
    if (rc == 0)
        rc = build_keys(b);
    if (rc) {
        breport(b, "gazetteer", 0, "out of memory while building the index");
        return -1;
    }
    b->st.places = (long)b->places.n;
    b->st.names = (long)b->names.n;
    b->st.admin1 = (long)b->codes[0].n;
    b->st.admin2 = (long)b->codes[1].n;
    b->st.admin3 = (long)b->codes[2].n;
    b->st.countries = (long)b->countries.n;
    return 0;
}
