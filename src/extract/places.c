/*
 * places.c — place names in the text, resolved in the gazetteer.
 *
 * A candidate is a capitalised word or run of words that the gazetteer
 * knows (the longest: "In Tillit", "Fada N'Gourma"), after a cue (à, près
 * de, au nord de, région de, in, near, north of…) or followed by ACLED's
 * bracketed admin hint "(Ansongo, Gao)"; a name that is also a common word
 * or a country ("Ber", "Mali") needs the cue.  Among the places of that
 * name the score prefers: the article's focus country, the admin names
 * given next to it, populated places over wells and wadis (unless the text
 * says puits, oued, forêt, camp), population, and nearness to the other
 * places of the article.  Precision follows ACLED: 1 the place itself, 2
 * near it ("près de", "à 40 km de", "north of"), 3 a region or country.
 */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "../geo/geo.h"
#include "xdoc.h"

#define MAXC 16

static const char *const cue_at[] = {
    "a", "au", "aux", "dans", "en", "in", "at", "to", "from", "sur", "as",
    "vers", "de", "du", "des", "d'", "of", "entre", "between", "and", "et",
    "outside", "toward", "towards", "pres", "near", "around", "autour",
    "environs", "village", "villages", "localite", "commune", "cercle",
    "region", "province", "departement", "ville", "town", "city",
    "district", "area", "secteur", "zone", "localites", "quartier",
    "camp", "base", "puits", "oued", "foret", "massif", "axe", "route",
    "road", "via", "par", "nord", "sud", "est", "ouest", "north",
    "south", "east", "west", "northeast", "northwest", "southeast",
    "southwest", "nord-est", "nord-ouest", "sud-est", "sud-ouest",
    "north-east", "north-west", "south-east", "south-west", NULL};

/* The cues that say "a place" on their own (not "of", "and", "de"):
 * what a name known only abroad needs when the index has a region. */
static const char *const strong_at[] = {
    "a", "au", "aux", "dans", "en", "in", "at", "to", "from", "sur", "vers",
    "entre", "between", "outside", "toward", "towards", "pres", "near",
    "around", "autour", "environs", "village", "villages", "localite",
    "localites", "commune", "ville", "town", "city", NULL};

/* "Doucoumbo Commune", "Tenenkou Cercle": a unit that holds villages. */
static const char *const container_words[] = {
    "commune", "cercle", "circle", "department", "departement", "province",
    "district", NULL};

/* Is the name at [first, first + count) a commune, a cercle…, by its last
 * word or the word after it? */
static int container(const xdoc *x, size_t first, size_t count)
{
    size_t end = first + count;
    return x_in(x, end - 1, container_words) ||
           (end < x->d->ntok && x->d->toks[end].sent == x->d->toks[first].sent &&
            x_in(x, end, container_words));
}

/* A town's buildings and ways, named after it: "Niamey University". */
static const char *const buildings[] = {
    "university", "stadium", "hospital", "market", "prison", "mosque",
    "cathedral", "memorial", "bridge", "road", "highway", "station", "court",
    "palace", "school", "college", "campus", "hotel", "port", "harbour",
    "barracks", "central", NULL};

/* "in Tarkint", "à Boulkessi", "near Mandoli": what follows is where. */
static const char *const at_words[] = {"in", "at", "near", "a", "dans", "pres",
                                       "outside", NULL};

/* "the area of", "la localité de": with a cue word before them. */
static const char *const of_words[] = {"of", "de", "du", "des", "d'", NULL};

/* Words before a place that make it "near" the place (precision 2). */
static const char *const near_words[] = {
    "pres", "near", "around", "autour", "environs", "outskirts",
    "nord", "sud", "est", "ouest", "north", "south", "east", "west",
    "northeast", "northwest", "southeast", "southwest", "nord-est",
    "nord-ouest", "sud-est", "sud-ouest", "north-east", "north-west",
    "south-east", "south-west", "km", "kilometres",
    "kilometers", "kilometre", "kilometer", "miles", "area", "zone",
    "secteur", "vicinity", "alentours", NULL};

/* Words that make a well, wadi, forest or camp the right kind of place. */
static const char *const natural_words[] = {
    "puits", "oued", "foret", "forest", "well", "wadi", "camp", "mare",
    "lac", "lake", "massif", "colline", "hill", "valley", "vallee", NULL};

static const char *const region_words[] = {"region", "province", "cercle",
                                           "departement", "state", NULL};

/* Titles before a person's name: "President Mainassara", "M. Traoré". */
static const char *const titles[] = {
    "president", "minister", "ministre", "general", "gen", "colonel",
    "col", "captain", "capt", "capitaine", "commandant", "cmdt",
    "lieutenant", "lt", "sergent", "sergeant", "sgt", "imam", "cheikh",
    "sheikh", "mr", "mrs", "m", "mme", "dr", "mayor", "maire", "chef",
    "chief", "prince", "roi", "king", "senator", "depute", "abbe",
    "father", "pere", "soeur", "sister", "madame", "monsieur", NULL};

/* Names too common as words to be taken without a cue. */
static const char *const stop_names[] = {
    "police", "centre", "center", "nord", "sud", "est", "ouest", "north",
    "south", "east", "west", "etat", "state", "president", "ministre",
    "general", "colonel", "capitaine", "saint", "union", "republique",
    "armee", "force", "forces", "garde", "dieu", "allah", "islam",
    "le", "la", "les", "un", "une", "des", "the", "a", "on", "in", "at",
    "selon", "after", "apres", "since", "depuis", "monday", "tuesday",
    "court", "commune", "market", "marche", "road", "route", "valley",
    "airport", "aeroport", "hospital", "hopital", "university", "mosque",
    "church", "prison", "sea", "mer", "ocean", "desert", "gulf", "lake",
    "river", "unity", "peace", "liberty", "freedom", "victory", "africa",
    "afrique", "europe", "asia", "asie", "america", "amerique", "oceania",
    "northern", "southern", "eastern", "western", "central", "northen",
    "northeastern", "northwestern", "southeastern", "southwestern",
    "senate", "parliament", "assembly", "ministry", "palace", NULL};

/* The gazetteer's answers for names already asked about, kept by the
 * coder across articles (names repeat: Gao, Kidal, Mali): a direct-mapped
 * table, each slot the last key that hashed there. */
#define MEMO_SLOTS 8192
#define MEMO_KEY 40

struct geo_memo {
    struct {
        uint64_t h;
        uint8_t n;      /* key length, 0: empty slot */
        int8_t prefix;  /* gaz_prefix's answer */
        uint8_t nplace; /* places kept (-1 255: not looked up) */
        uint8_t total;
        char key[MEMO_KEY];
        gaz_place place[4];
        char near_cc[3];  /* the country of the near-spelling answer */
        int8_t near_ok;   /* its result; -1: not asked */
        gaz_place near;
    } s[MEMO_SLOTS];
    /* the populated places of each country, for near spellings; built
     * from index `near_of` */
    const gaz *near_of;
    gaz_near_index *near;
    unsigned near_asked; /* lookups by the slow road so far */
};

void x_geo_memo_free(struct geo_memo *m)
{
    if (!m)
        return;
    gaz_near_index_free(m->near);
    free(m);
}

/* Building the near-spelling index reads the whole gazetteer (30 ms and
 * 25 MB of pages with cities500): worth it for a stream of articles, not
 * for one.  The first lookups scan the index's names instead. */
#define NEAR_INDEX_AFTER 64

/* The near-spelling index of g, built once the slow road has been taken
 * NEAR_INDEX_AFTER times; NULL before, or when out of memory. */
static const gaz_near_index *near_index(xdoc *x, const gaz *g)
{
    struct geo_memo *m = x->c->geo_memo;
    if (!m)
        return NULL;
    if (m->near_of != g && m->near_asked++ < NEAR_INDEX_AFTER)
        return NULL;
    if (m->near_of != g) {
        gaz_near_index_free(m->near);
        m->near = gaz_near_index_new(g);
        m->near_of = m->near ? g : NULL;
    }
    return m->near;
}

static uint64_t hkey(const char *k, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)k[i]) * 1099511628211ull;
    return h;
}

/* The memo slot of a key, filled with its prefix answer (NULL when the
 * key is too long to keep, or out of memory). */
static void *memo_slot(xdoc *x, const gaz *g, const char *k, size_t n)
{
    veille_coder *c = x->c;
    if (n == 0 || n > MEMO_KEY)
        return NULL;
    if (!c->geo_memo && !(c->geo_memo = calloc(1, sizeof *c->geo_memo)))
        return NULL;
    uint64_t h = hkey(k, n);
    __typeof__(c->geo_memo->s[0]) *s = &c->geo_memo->s[h & (MEMO_SLOTS - 1)];
    if (s->n != n || s->h != h || memcmp(s->key, k, n) != 0) {
        s->h = h;
        s->n = (uint8_t)n;
        memcpy(s->key, k, n);
        s->prefix = (int8_t)gaz_prefix(g, k, n);
        s->nplace = 255;
        s->near_ok = -1;
    }
    return s;
}

/* gaz_lookup_near in country cc, or with cc "*" in each country the index
 * has in depth (the first that answers). */
static int lookup_near(xdoc *x, const gaz *g, const char *k, size_t n,
                       const char *cc, gaz_place *out)
{
    char dcc[8][3];
    size_t nd = 1;
    if (strcmp(cc, "*") != 0)
        snprintf(dcc[0], sizeof dcc[0], "%s", cc);
    else
        nd = gaz_deep_countries(g, dcc, 8);
    const gaz_near_index *ix = nd ? near_index(x, g) : NULL;
    for (size_t q = 0; q < nd; q++) {
        if (ix ? gaz_near_in(g, ix, dcc[q], k, n, out)
               : gaz_lookup_near(g, k, n, dcc[q], out))
            return 1;
    }
    return 0;
}

/* lookup_near, remembered per name for the last country asked (a scan
 * of every name with the same first two letters: worth keeping). */
static int memo_near(xdoc *x, const gaz *g, const char *k, size_t n, const char *cc,
                     gaz_place *out)
{
    __typeof__(x->c->geo_memo->s[0]) *s = memo_slot(x, g, k, n);
    if (!s)
        return lookup_near(x, g, k, n, cc, out);
    if (s->near_ok < 0 || strcmp(s->near_cc, cc) != 0) {
        s->near_ok = (int8_t)lookup_near(x, g, k, n, cc, &s->near);
        snprintf(s->near_cc, sizeof s->near_cc, "%s", cc);
    }
    if (s->near_ok)
        *out = s->near;
    return s->near_ok;
}

static int memo_prefix(xdoc *x, const gaz *g, const char *k, size_t n)
{
    __typeof__(x->c->geo_memo->s[0]) *s = memo_slot(x, g, k, n);
    return s ? s->prefix : gaz_prefix(g, k, n);
}

/* Up to max places of that name, best population first. */
static size_t memo_lookup(xdoc *x, const gaz *g, const char *k, size_t n,
                          gaz_place *out, size_t max)
{
    __typeof__(x->c->geo_memo->s[0]) *s = memo_slot(x, g, k, n);
    if (!s)
        return gaz_lookup(g, k, n, out, max);
    if (s->nplace == 255) {
        size_t t = gaz_lookup(g, k, n, out, max);
        size_t kept = t < max ? t : max;
        /* only short answers are kept: most names have one or two places */
        if (kept <= 4) {
            memcpy(s->place, out, kept * sizeof *out);
            s->nplace = (uint8_t)kept;
            s->total = (uint8_t)(t > 255 ? 255 : t);
        }
        return t;
    }
    memcpy(out, s->place, s->nplace * sizeof *out);
    return s->total;
}

static int covered(const xdoc *x, size_t t)
{
    /* inside an actor, trigger or country match: not a place */
    for (size_t j = t + 1; j-- > 0 && j + 8 > t;) {
        if (x->first[j] < 0)
            continue;
        for (size_t i = (size_t)x->first[j]; i < x->nm && x->m[i].first == j; i++) {
            const lex_match *m = &x->m[i];
            if (m->first + m->count > t &&
                (m->kind == LEX_ACTOR || m->kind == LEX_COUNTRY ||
                 m->kind == LEX_TRIGGER || m->kind == LEX_MONTH ||
                 m->kind == LEX_WEEKDAY))
                return 1;
        }
    }
    return 0;
}

/* The countries the text names ("Niger", "French"), one bit for each
 * two-letter code; built once an article, read by said(). */
#define SAID_BYTES ((26 * 26 + 7) / 8)

static int said_slot(char a, char b)
{
    a = (char)(a & ~32), b = (char)(b & ~32);
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z')
        return -1;
    return (a - 'A') * 26 + (b - 'A');
}

static void countries_said(const xdoc *x, uint8_t bits[SAID_BYTES])
{
    memset(bits, 0, SAID_BYTES);
    for (size_t i = 0; i < x->nm; i++) {
        if (x->m[i].kind != LEX_COUNTRY)
            continue;
        const char *id = x_entry(x, &x->m[i])->id;
        int k = strlen(id) == 2 ? said_slot(id[0], id[1]) : -1;
        if (k >= 0)
            bits[k / 8] |= (uint8_t)(1u << (k % 8));
    }
}

/* Does the text name the country with ISO code cc (upper case)? */
static int said(const uint8_t bits[SAID_BYTES], const char *cc)
{
    int k = cc[0] >= 'A' && cc[0] <= 'Z' && cc[1] >= 'A' && cc[1] <= 'Z'
                ? said_slot(cc[0], cc[1]) : -1;
    return k >= 0 && (bits[k / 8] >> (k % 8)) & 1;
}

/* The key of tokens [a, b): folded tokens joined with one space. */
static void key_of(const xdoc *x, size_t a, size_t b, buf *k)
{
    buf_clear(k);
    for (size_t t = a; t < b; t++) {
        const token *tk = &x->d->toks[t];
        if (t > a)
            buf_putc(k, ' ');
        buf_put(k, tok_fold(x->d, tk), tk->flen);
    }
}

/* Admin names in brackets after a place: "Kassa (Bankass, Mopti)". */
static size_t hint_tokens(const xdoc *x, size_t t, size_t hi, size_t *a,
                          size_t *b)
{
    if (t >= hi || !x_is(x, t, "("))
        return 0;
    size_t e = t + 1;
    while (e < hi && !x_is(x, e, ")") && e < t + 12)
        e++;
    if (e >= hi || !x_is(x, e, ")") || e == t + 1)
        return 0;
    /* admin names: capitalised words and commas, not an acronym or an
     * actor ("… au Mali (MINUSMA)") */
    for (size_t j = t + 1; j < e; j++) {
        const token *k = &x->d->toks[j];
        if (x_is(x, j, ","))
            continue;
        if (k->kind != TOK_WORD || !(k->flags & TOKF_CAP) ||
            ((k->flags & TOKF_UPPER) && k->flen <= 6) || x_at(x, j, LEX_ACTOR))
            return 0;
    }
    *a = t + 1;
    *b = e;
    return 1;
}

/* "Maloum-Djori [Maldjori]": when the name at t (words, hyphens and
 * apostrophes) is followed by a capitalised name in square brackets, the
 * index of that name's first token, else 0. */
static size_t acled_alias(const xdoc *x, size_t t, size_t hi)
{
    const textdoc *d = x->d;
    size_t j = t;
    while (j < hi && j < t + 6 && !x_is(x, j, "[") &&
           (d->toks[j].kind == TOK_WORD || x_is(x, j, "-") || x_is(x, j, "'")))
        j++;
    if (j == t || j + 2 >= hi || !x_is(x, j, "[") || d->toks[j + 1].kind != TOK_WORD ||
        !(d->toks[j + 1].flags & TOKF_CAP))
        return 0;
    for (size_t e = j + 2; e < hi && e < j + 8; e++) {
        if (x_is(x, e, "]"))
            return j + 1;
        if (d->toks[e].kind != TOK_WORD && !x_is(x, e, "-") && !x_is(x, e, "'"))
            return 0;
    }
    return 0;
}

/* How far apart two places are, in km. */
static double km_between(const gaz_place *a, const gaz_place *b)
{
    return gaz_km(a->lat, a->lon, b->lat, b->lon);
}

static int folded_eq(const char *name, const char *folded, size_t n, buf *tmp)
{
    buf_clear(tmp);
    if (gaz_fold(name, strlen(name), tmp))
        return 0;
    return tmp->len == n && memcmp(tmp->ptr, folded, n) == 0;
}

/* An admin name against a bracketed word: "Cercle de Bourem", "Province
 * du Soum" answer to "Bourem", "Soum". */
static int admin_eq(const char *name, const char *folded, size_t n, buf *tmp)
{
    if (folded_eq(name, folded, n, tmp))
        return 1;
    /* tmp holds the folded name */
    if (tmp->oom)
        return 0;
    /* "Northwest" for "North-West", "Nord Ouest" for "Nord-Ouest": the
     * same letters, joined another way */
    {
        size_t i = 0, j = 0;
        for (;;) {
            while (i < tmp->len && (tmp->ptr[i] == ' ' || tmp->ptr[i] == '-'))
                i++;
            while (j < n && (folded[j] == ' ' || folded[j] == '-'))
                j++;
            if (i == tmp->len || j == n || tmp->ptr[i] != folded[j])
                break;
            i++, j++;
        }
        if (i == tmp->len && j == n)
            return 1;
    }
    if (tmp->len <= n + 1)
        return 0;
    if (tmp->ptr[tmp->len - n - 1] == ' ' &&
        memcmp(tmp->ptr + tmp->len - n, folded, n) == 0)
        return 1;
    /* "Koro Cercle", "Torodi Department": the unit's word after it */
    if (tmp->ptr[n] != ' ' || memcmp(tmp->ptr, folded, n) != 0)
        return 0;
    const char *w = tmp->ptr + n + 1;
    size_t wn = tmp->len - n - 1;
    for (const char *const *u = container_words; *u; u++)
        if (strlen(*u) == wn && memcmp(*u, w, wn) == 0)
            return 1;
    return 0;
}

typedef struct cand {
    size_t first, count;
    int cue, near, natural, region, hint;
    int strong; /* after a cue that names a place by itself: "in", "à" */
    int abroad; /* known only abroad, with no strong cue: dropped */
    int coded; /* after "coded as": where the report codes its event */
    int coded_prec; /* "at geoprecision 2": 1..3, else 0 */
    int unknown; /* named in the text, placed at its bracketed admin */
    size_t ka, kb; /* unknown: the bracketed name it is placed at */
    int seat; /* an admin1 known by name only: c[0] is its seat */
    int commune; /* placed at the commune of its name (commune_seat) */
    int pending; /* named in the text after "village of", placed at
                    another place of its sentence (or of the article) */
    size_t ha, hb; /* hint tokens */
    uint32_t part_off, part_len; /* a part of a hyphened token (hyphen_part) */
    int weak; /* a road's end, a town that opens a sentence or follows a
                 first name: the place only when its sentence names no
                 other */
    size_t n;
    gaz_place c[MAXC];
} cand;

/* The folded key of the name candidate c stands for: its tokens, or the
 * part of a hyphened word it was found under (hyphen_part). */
static void cand_key(const xdoc *x, const cand *c, buf *k)
{
    if (c->part_len) {
        buf_clear(k);
        if (gaz_fold(x->d->text + c->part_off, c->part_len, k) != 0)
            k->oom = 1;
        return;
    }
    key_of(x, c->first, c->first + c->count, k);
}

/* The vote a place of a country imported in depth earns its country: one
 * ahead of a namesake abroad ("Po" in a Sahel gazetteer is Pô, Burkina
 * Faso, not Bozhou), unless a town abroad of 20,000 or more bears the
 * name as its own and the hamlet only as another spelling: "Kumbo" is
 * the town of Cameroon, not Koumbo, Burkina Faso ("Silly" is still Silli,
 * the Belgian Silly being small). */
static int deep_vote(const xdoc *x, const cand *c, size_t q, buf *k, buf *tmp)
{
    if (!c->c[q].deep)
        return 0;
    cand_key(x, c, k);
    if (k->oom || folded_eq(c->c[q].name, k->ptr, k->len, tmp))
        return 1;
    for (size_t r = 0; r < c->n; r++)
        if (!c->c[r].deep && c->c[r].population >= 20000 &&
            folded_eq(c->c[r].name, k->ptr, k->len, tmp))
            return 0;
    return 1;
}

/* "coded as Boni at geoprecision 2", "… at geo-precision 3": the
 * precision a report gives after the name that ends at token t, else 0 */
static int coded_precision(const xdoc *x, size_t t, size_t hi)
{
    const textdoc *d = x->d;
    for (size_t j = t; j < hi && j < t + 6; j++) {
        if (x_is(x, j, ")") || x_is(x, j, "."))
            break;
        if (d->toks[j].kind != TOK_NUMBER || j == t)
            continue;
        if (x_is(x, j - 1, "geoprecision") || x_is(x, j - 1, "precision") ||
            x_is(x, j - 1, "geo-precision")) {
            const char *w = tok_fold(d, &d->toks[j]);
            if (d->toks[j].flen == 1 && w[0] >= '1' && w[0] <= '3')
                return w[0] - '0';
        }
    }
    return 0;
}

/* "the axis Pama-Madjoari", "the Gao-Gossi road", "Kati-Sananfra
 * market": a hyphened word that no gazetteer knows whole, made of
 * capitalised names, the first of which it knows — a road coded, as ACLED
 * codes it, at its first end.  Leaves that name's key in k and its span in
 * the text in *off, *len; returns 0 when there is none. */
static int hyphen_part(xdoc *x, const gaz *g, size_t t, buf *k, uint32_t *off,
                       uint32_t *len)
{
    const token *tk = &x->d->toks[t];
    const char *w = x->d->text + tk->off;
    size_t n = tk->len, cut = 0;
    int parts = 1;
    for (size_t i = 1; i + 1 < n; i++)
        if (w[i] == '-') {
            if (!cut)
                cut = i;
            parts++;
            /* each part a name: "Kacham-Ouest" yes, "pick-up" no */
            if (!(w[i + 1] >= 'A' && w[i + 1] <= 'Z') && (unsigned char)w[i + 1] < 0x80)
                return 0;
        }
    /* "Ti-n-Zaouatene", "In-Ates", "Tin-Hamma": names with short parts
     * are whole */
    if (parts != 2 || cut < 4 || n - cut - 1 < 3)
        return 0;
    buf_clear(k);
    if (gaz_fold(w, cut, k) != 0 || k->oom || !(memo_prefix(x, g, k->ptr, k->len) & 1))
        return 0;
    *off = tk->off;
    *len = (uint32_t)cut;
    return 1;
}

/* Is k the name of a hamlet (a populated place under 20,000 people) of
 * the region the index holds in depth?  "Marke" is, being Marké of Niger
 * too; "Diori" is not, its best sense being Győr. */
static int hamlet_name(xdoc *x, const gaz *g, const buf *k)
{
    gaz_place top[MAXC];
    size_t n = k->oom ? 0 : memo_lookup(x, g, k->ptr, k->len, top, MAXC);
    if (!n || top[0].fclass != 'P' || top[0].population >= 20000)
        return 0;
    if (!gaz_has_deep(g))
        return 1;
    for (size_t q = 0; q < n && q < MAXC; q++)
        if (top[q].deep)
            return 1;
    return 0;
}

static cand *new_cand(xdoc *x, cand **cands, size_t nc, size_t *cap);

/* A candidate for the first part of hyphened token t (hyphen_part), not
 * "the Niger-Mali border": 1 when added, 0 when there is none, -1 when out
 * of memory. */
static int add_part(xdoc *x, const gaz *g, cand **cands, size_t *nc, size_t *cap,
                    size_t t, int cue, buf *k)
{
    static const char *const border[] = {
        "border", "borders", "frontier", "frontiere", "frontieres", "neighbourhood",
        "neighborhood", "quarter", "district", "quartier", NULL};
    uint32_t off, len;
    if ((x->d->toks[t].flags & TOKF_UPPER) ||
        (t + 1 < x->d->ntok && x_in(x, t + 1, border)) ||
        !hyphen_part(x, g, t, k, &off, &len))
        return 0;
    cand *c = new_cand(x, cands, *nc, cap);
    if (!c)
        return -1;
    c->n = memo_lookup(x, g, k->ptr, k->len, c->c, MAXC);
    if (c->n > MAXC)
        c->n = MAXC;
    if (!c->n)
        return 0;
    c->first = t;
    c->count = 1;
    c->cue = cue;
    c->part_off = off;
    c->part_len = len;
    c->weak = 1;
    (*nc)++;
    return 1;
}

/* "village of", "hamlet of", "la localité de", "le hameau de" just before
 * token t: what follows is a place even when no gazetteer knows it. */
static int village_cue(const xdoc *x, size_t t, size_t lo)
{
    static const char *const heads[] = {
        "village", "villages", "hamlet", "hamlets", "locality", "localite",
        "hameau", "hameaux", "bourgade", "campement", "secteur", "sector",
        "zone", "area", "region", "commune", "ville", "town", NULL};
    static const char *const of[] = {"of", "de", "d'", NULL};
    if (t < lo + 2)
        return 0;
    return (x_in(x, t - 1, of) && x_in(x, t - 2, heads)) ||
           (x_in(x, t - 1, heads) && t >= lo + 2 &&
            (x_is(x, t - 2, "the") || x_is(x, t - 2, "le") ||
             x_is(x, t - 2, "du") || x_is(x, t - 2, "au")));
}

/* The first token of the sentence of token t. */
static size_t sent_first(const xdoc *x, size_t t)
{
    return x->d->sents[x->d->toks[t].sent].first;
}

/* "the hamlet of Yara", "the Kano village": the text calls it a place */
static int village_named(const xdoc *x, const cand *c)
{
    static const char *const after[] = {"village", "hamlet", "town", "city",
                                        NULL};
    size_t lo = sent_first(x, c->first);
    size_t e = c->first + c->count;
    return village_cue(x, c->first, lo) ||
           (e < x->d->ntok && x_in(x, e, after));
}

/* A zeroed candidate at the end of *cands (not yet counted in *nc: the
 * caller keeps it by incrementing *nc), or NULL when out of memory. */
static cand *new_cand(xdoc *x, cand **cands, size_t nc, size_t *cap)
{
    cand *nw = arena_grow(&x->c->mem, *cands, cap, nc + 1, sizeof *nw, 16);
    if (!nw)
        return NULL;
    *cands = nw;
    cand *c = &(*cands)[nc];
    memset(c, 0, sizeof *c);
    return c;
}

/* Adds the pending candidate [t, e): a place the gazetteer lacks. */
static int add_pending(xdoc *x, cand **cands, size_t *nc, size_t *cap,
                       size_t t, size_t e)
{
    cand *c = new_cand(x, cands, *nc, cap);
    if (!c)
        return -1;
    c->first = t;
    c->count = e - t;
    c->cue = 1;
    c->pending = 1;
    (*nc)++;
    return 0;
}

/* The most populous town with the folded name k[0, n) in country cc (upper
 * case), or with cc NULL in a country the index has in depth: 1 and *out,
 * else 0. */
static int town_named(xdoc *x, const gaz *g, const char *k, size_t n, const char *cc,
                      gaz_place *out)
{
    gaz_place found[MAXC];
    size_t nf = memo_lookup(x, g, k, n, found, MAXC);
    if (nf > MAXC)
        nf = MAXC;
    for (size_t i = 0; i < nf; i++)
        if (found[i].fclass == 'P' && (cc ? !strcmp(found[i].cc, cc) : found[i].deep)) {
            *out = found[i];
            return 1;
        }
    return 0;
}

/* The town that the first bracketed name of candidate c names ("Bandiagara"
 * of "(Bandiagara, Mopti)"): 1 and *out, else 0. */
static int hint_town(xdoc *x, const gaz *g, const cand *c, buf *k, gaz_place *out)
{
    size_t q = c->ha, e = q;
    while (e < c->hb && x->d->toks[e].kind == TOK_WORD)
        e++;
    if (e == q)
        return 0;
    key_of(x, q, e, k);
    return !k->oom && town_named(x, g, k->ptr, k->len, NULL, out);
}

/* How many bracketed words of k's hint name p's admin1, 2 or 3. */
static int hint_hits(const xdoc *x, const cand *k, const gaz_place *p, buf *tmp)
{
    int n = 0;
    for (size_t t = k->ha; t < k->hb; t++) {
        const token *tk = &x->d->toks[t];
        if (tk->kind != TOK_WORD)
            continue;
        const char *f = tok_fold(x->d, tk);
        if ((p->admin1[0] && admin_eq(p->admin1, f, tk->flen, tmp)) ||
            (p->admin2[0] && admin_eq(p->admin2, f, tk->flen, tmp)) ||
            (p->admin3[0] && admin_eq(p->admin3, f, tk->flen, tmp)))
            n++;
    }
    return n;
}

/* A place people live in: a town or village (class P), or a camp
 * (S.CMP), which is how GeoNames files many villages of the Sahel's
 * herders ("Koutougou", "Férèl") */
static int lived_in(const gaz_place *p)
{
    return p->fclass == 'P' || (p->fclass == 'S' && !strcmp(p->fcode, "CMP"));
}

/* Is p, the place of unknown candidate c's one bracketed name, a plain
 * village: a populated place (or a camp) that seats no district or
 * region, where no admin unit of its country bears that name? */
static int bracket_alias(const gaz *g, const cand *c, const gaz_place *p, buf *tmp)
{
    if (!lived_in(p) || !strncmp(p->fcode, "PPLA", 4) || !strcmp(p->fcode, "PPLC"))
        return 0;
    for (size_t q = 0; q < c->n; q++)
        if (c->c[q].fclass == 'A' && !strcmp(c->c[q].cc, p->cc))
            return 0;
    gaz_place seat;
    buf_clear(tmp);
    if (gaz_fold(p->name, strlen(p->name), tmp) < 0 || !buf_cstr(tmp))
        return 0;
    return !gaz_admin1_by_name(g, p->cc, buf_cstr(tmp), &seat);
}

static double score(const xdoc *x, const cand *k, const gaz_place *p,
                    const char *focus_cc, buf *tmp)
{
    /* The seat of a district is a town even where GeoNames has no count
     * of its people: "à Bourem" is the town, not the cercle named after it */
    double pop = (double)p->population;
    if (p->fclass == 'P' && !strcmp(p->fcode, "PPLA2") && pop < 5000)
        pop = 5000;
    double s = log10(pop + 10.0);
    if (focus_cc && !strcmp(p->cc, focus_cc))
        s += 4;
    /* Its own name, not one of its alternate names ("Manga" is a town in
     * Burkina Faso, and only an old name of a town in Brazil). */
    {
        buf_clear(tmp);
        key_of(x, k->first, k->first + k->count, tmp);
        size_t kn = tmp->len;
        char key[GAZ_MAX_KEY + 1];
        if (kn <= GAZ_MAX_KEY) {
            memcpy(key, tmp->ptr, kn);
            if (folded_eq(p->name, key, kn, tmp))
                s += 2;
        }
    }
    /* Among the villages of the user's region, of no known size, the
     * seat of a commune or district */
    if (p->deep && p->population == 0 && p->fclass == 'P' && !strncmp(p->fcode, "PPLA", 4))
        s += 1;
    if (lived_in(p))
        s += 2;
    else if (p->fclass == 'A')
        s += 0.5;
    /* "région de Tombouctou": ACLED places a region's events at its seat */
    if (k->region && p->fclass == 'P' &&
        (!strcmp(p->fcode, "PPLA") || !strcmp(p->fcode, "PPLC")))
        s += 3;
    else if (!k->natural)
        s -= 3;
    if (k->natural && p->fclass != 'P')
        s += 2;
    if (k->hint) {
        s += 5 * hint_hits(x, k, p, tmp);
        /* ACLED's "X (commune, province)": X is a town or village */
        if (p->fclass == 'P')
            s += 4;
    }
    return s;
}

/* Do the word at `open` and the one at `join` make a road of the two
 * names around `join` ("between A and B", "reliant A à B", "axis A-B")? */
static int route_words(const xdoc *x, size_t open, size_t join)
{
    static const char *const opens[] = {
        "between", "entre", "reliant", "relie", "linking", "links", "axe",
        "axis", "road", "route", "from", "troncon", NULL};
    static const char *const joins[] = {"and", "et", "to", "a", "-", NULL};
    return x_in(x, open, opens) && x_in(x, join, joins) &&
           x->d->toks[open].sent == x->d->toks[join].sent;
}

/* "between Dori and Essakane", "entre Boni et Hombori", "reliant Fada
 * N'Gourma à Natiaboani": ACLED codes an incident on a road at its first
 * town, near it (precision 2). */
static void mark_routes(xdoc *x)
{
    for (size_t i = 1; i < x->nplaces; i++) {
        xplace *a = &x->places[i - 1], *b = &x->places[i];
        size_t gap = a->first + a->count;
        if (a->first == 0 || gap + 1 != b->first ||
            !route_words(x, a->first - 1, gap))
            continue;
        if (a->route == 2)
            continue; /* "from A to B and C": one pair */
        a->route = 1;
        b->route = 2;
        if (a->prec == 1)
            a->prec = 2;
    }
}

/* "in Zamfara state", "Borno State", "the state of Zamfara": a region
 * named by its admin1 name.  Returns 1 and fills *seat with the region's
 * seat when the words [t, e) (a run of capitalised words) name one; the
 * region is sought in the country the text names (`named`, upper case),
 * else, when it names none, anywhere. */
static int region_seat(xdoc *x, const gaz *g, size_t t, size_t e, size_t lo,
                       size_t hi, const char *named, buf *k, gaz_place *seat)
{
    static const char *const of_region[] = {"of", "de", "du", "d'", NULL};
    size_t re = e; /* "Zamfara State": the name is before the word */
    if (re > t + 1 && x_in(x, re - 1, region_words))
        re--;
    int region = re < e || (e < hi && x_in(x, e, region_words)) ||
                 (t >= lo + 2 && x_in(x, t - 1, of_region) && x_in(x, t - 2, region_words));
    if (!region || x_at(x, t, LEX_ACTOR) || x_at(x, t, LEX_COUNTRY))
        return 0;
    key_of(x, t, re, k);
    return !k->oom && buf_cstr(k) &&
           gaz_admin1_by_name(g, named[0] && !x->country_weak ? named : NULL,
                              buf_cstr(k), seat) &&
           seat->fclass == 'P';
}

/* Words after a name that make it some other kind of area ("Ouaka
 * prefecture", "Beni territory"): not a bare region. */
static const char *const admin_after[] = {
    "prefecture", "county", "district", "governorate", "division",
    "territory", "municipality", "department", "commune", "cercle",
    "province", "region", "state", NULL};

/* "in Borno", "in Kogi": after a cue, a bare name (the words [t, e)) that
 * is a region of a country the index has only in outline is that region
 * (*seat, its seat), when the places of that name elsewhere are only
 * hamlets of the countries it has in depth (a Malian hamlet called
 * Borno) or small towns abroad (Borno, Lombardy).  Not when a town of
 * that country bears the name ("in Kano", "à Bamako"). */
static int bare_region(xdoc *x, const gaz *g, size_t t, size_t e, size_t hi,
                       const char *named, buf *k, buf *tmp, gaz_place *seat)
{
    if (x_in(x, t, region_words) || (e < hi && x_in(x, e, admin_after)))
        return 0;
    key_of(x, t, e, k);
    if (k->oom || !buf_cstr(k) ||
        !gaz_admin1_by_name(g, named[0] ? named : NULL, buf_cstr(k), seat) ||
        seat->fclass != 'P' || seat->deep)
        return 0;
    gaz_place same[8];
    size_t n = gaz_lookup(g, k->ptr, k->len, same, 8);
    for (size_t q = 0; q < n && q < 8; q++) {
        if (!folded_eq(same[q].name, k->ptr, k->len, tmp))
            continue;
        int home = !strcmp(same[q].cc, seat->cc);
        if ((home && same[q].fclass == 'P') ||
            (!home && same[q].population >= (same[q].deep ? 1000u : 10000u)))
            return 0;
    }
    return 1;
}

#define MAX_AREAS 4
static size_t actor_areas(xdoc *x, gaz_place *out);
static int actor_town(xdoc *x, const lex_entry *e, const char *key, const char *cc,
                      gaz_place *out);

/* The first of the actors' areas in country focus (any, with no focus),
 * or NULL. */
static const gaz_place *area_in(const gaz_place *areas, size_t na, const char *focus)
{
    for (size_t a = 0; a < na; a++)
        if (!focus || !strcmp(areas[a].cc, focus))
            return &areas[a];
    return NULL;
}

/* What the rest of the article says for place p of candidate i: an admin
 * name of p given elsewhere ("in the Diffa area", "(Douentza, Mopti)"),
 * and the other places picked near it. */
static double context(const xdoc *x, const cand *cands, size_t nc,
                      const long *pick, const buf *keys, size_t i,
                      const gaz_place *p, const gaz_place *areas, size_t na,
                      buf *tmp)
{
    int admin = 0, near = 0, area = 0;
    for (size_t j = 0; j < nc; j++) {
        if (j == i || pick[j] < 0)
            continue;
        /* its own brackets were weighed by score() */
        if (cands[i].hint && cands[j].first >= cands[i].ha && cands[j].first < cands[i].hb)
            continue;
        const cand *o = &cands[j];
        const buf *kj = &keys[j];
        if (kj->len == keys[i].len && !memcmp(kj->ptr, keys[i].ptr, kj->len))
            continue; /* the same name again says nothing new */
        if (!admin && kj->len &&
            ((p->admin1[0] && admin_eq(p->admin1, kj->ptr, kj->len, tmp)) ||
             (p->admin2[0] && admin_eq(p->admin2, kj->ptr, kj->len, tmp))))
            admin = 1;
        if (!admin && o->hint && !(cands[i].hint && o->ha == cands[i].ha) &&
            hint_hits(x, o, p, tmp))
            admin = 1;
        if (!near && km_between(p, &o->c[pick[j]]) < 50)
            near = 1;
    }
    /* near the area of an actor of the article */
    for (size_t a = 0; a < na && !area; a++)
        area = km_between(p, &areas[a]) < 150;
    return 3 * admin + 2 * near + 2 * area;
}

/* Among the namesakes of a candidate in the country already picked, the
 * one the rest of the article points to ("Bosso … near Diffa" is Bosso of
 * Diffa, not of Tillabéri).  Returns 0, or -1 when out of memory. */
/* "the military detachment in Banh": a hamlet called Banh far from the
 * commune of Banh is not what the news means; the commune's point (its
 * seat, in GeoNames) is.  For each pick that is a small populated place
 * with a commune (ADM3) of the same name and country over 15 km away,
 * unless the brackets point at the hamlet. */
static int commune_seat(xdoc *x, cand *cands, size_t nc, long *pick, buf *k,
                        buf *tmp)
{
    for (size_t i = 0; i < nc; i++) {
        cand *c = &cands[i];
        if (pick[i] < 0 || c->n < 2 || c->seat || c->region || c->pending)
            continue;
        const gaz_place *p = &c->c[pick[i]];
        if (p->fclass != 'P' || p->population >= 1000)
            continue;
        if (c->hint && hint_hits(x, c, p, tmp))
            continue;
        cand_key(x, c, k);
        if (k->oom)
            return -1;
        for (size_t q = 0; q < c->n; q++) {
            const gaz_place *a = &c->c[q];
            if (a->fclass != 'A' || strncmp(a->fcode, "ADM3", 4) ||
                strcmp(a->cc, p->cc) || km_between(a, p) <= 15 ||
                !folded_eq(a->name, k->ptr, k->len, tmp))
                continue;
            pick[i] = (long)q;
            c->commune = 1;
            break;
        }
    }
    return 0;
}

static int settle_by_context(xdoc *x, cand *cands, size_t nc, long *pick,
                             const gaz_place *areas, size_t na, buf *k, buf *tmp)
{
    if (nc < 2 && !na)
        return 0;
    buf *keys = arena_alloc(&x->c->mem, nc * sizeof *keys);
    if (!keys)
        return -1;
    for (size_t i = 0; i < nc; i++) {
        keys[i].ptr = NULL;
        keys[i].len = 0;
        if (pick[i] < 0)
            continue;
        cand_key(x, &cands[i], k);
        if (k->oom)
            return -1;
        char *kp = arena_alloc(&x->c->mem, k->len + 1);
        if (!kp)
            return -1;
        memcpy(kp, k->ptr, k->len);
        kp[k->len] = 0;
        keys[i].ptr = kp;
        keys[i].len = k->len;
    }
    long *now = arena_alloc(&x->c->mem, nc * sizeof *now);
    if (!now)
        return -1;
    memcpy(now, pick, nc * sizeof *now);
    for (size_t i = 0; i < nc; i++) {
        cand *c = &cands[i];
        if (pick[i] < 0 || c->n < 2 || c->seat)
            continue;
        const gaz_place *cur = &c->c[pick[i]];
        /* a town the report's own brackets place stays where they put it;
         * a region or a well is not a town to move */
        if (!lived_in(cur) || (c->hint && hint_hits(x, c, cur, tmp)))
            continue;
        long bi = pick[i];
        double bs = -1e9;
        for (size_t q = 0; q < c->n && q < MAXC; q++) {
            const gaz_place *p = &c->c[q];
            if (strcmp(p->cc, cur->cc) != 0 || !lived_in(p))
                continue;
            double s = score(x, c, p, cur->cc, tmp) +
                       context(x, cands, nc, pick, keys, i, p, areas, na, tmp);
            if (s > bs) {
                bs = s;
                bi = (long)q;
            }
        }
        now[i] = bi;
    }
    memcpy(pick, now, nc * sizeof *now);
    return 0;
}

int x_places(xdoc *x)
{
    const gaz *g = x->c->ctx->gaz;
    x->places = NULL;
    x->nplaces = 0;
    if (!g)
        return 0;
    const textdoc *d = x->d;
    /* the country the text names (upper case), or "" */
    char named[3];
    x_country_cc(x->country, named);
    /* no country named: that of a group's stronghold ("ISWAP
     * militants raided NGouba" is in Niger), a vote of one, not two: the
     * city of Gao stays Mali's when ISWAP is said to strike it */
    int named_votes = named[0] ? 2 : 0;
    /* "a Chinese engineer was seized in Kogi State": people's
     * nationality alone does not outvote the places */
    if (x->country_weak)
        named_votes = 0;
    /* else that of a group's or people's area: "Ansar Dine took Kona"
     * is Kona of Mali, not its namesake in Burkina Faso */
    static const char *const home_keys[] = {"stronghold", "area"};
    for (size_t h = 0; h < 2 && !named[0]; h++)
        for (size_t i = 0; i < x->nm && !named[0]; i++) {
            gaz_place home;
            if (x->m[i].kind == LEX_ACTOR &&
                actor_town(x, x_entry(x, &x->m[i]), home_keys[h], NULL, &home)) {
                memcpy(named, home.cc, 3);
                named_votes = 1;
            }
        }
    buf k = BUF_INIT, tmp = BUF_INIT;
    size_t cap = 0;
    cand *cands = NULL;
    size_t nc = 0;
    size_t alias_at = (size_t)-1; /* the name in "X [Y]" */
    int alias_cue = 0;
    for (size_t si = 0; si < d->nsent; si++) {
        const sentence *s = &d->sents[si];
        size_t lo = s->first, hi = s->first + s->count;
        for (size_t t = lo; t < hi; t++) {
            const token *tk = &d->toks[t];
            if (tk->kind != TOK_WORD || !(tk->flags & TOKF_CAP) ||
                (tk->flags & TOKF_ELISION) || covered(x, t))
                continue;
            /* cheap tests first: the gazetteer is only asked about words
             * that could be taken */
            long wb = (long)t - 1;
            while (wb >= (long)lo && (x_is(x, (size_t)wb, "la") ||
                                      x_is(x, (size_t)wb, "le") ||
                                      x_is(x, (size_t)wb, "l'") ||
                                      x_is(x, (size_t)wb, "les") ||
                                      x_is(x, (size_t)wb, "the")))
                wb--;
            /* English "a" is an article, not the French "à" */
            int english_a = x->lang == LANG_EN && wb >= (long)lo && x_is(x, (size_t)wb, "a");
            int cue = wb >= (long)lo && x_in(x, (size_t)wb, cue_at) && !english_a;
            /* "Gondo [Gondogourou] (Koro, Mopti)": the name in square
             * brackets is the report's own spelling, the one it codes; it
             * takes the cue of the name it follows */
            size_t al = acled_alias(x, t, hi);
            if (al) {
                alias_at = al;
                alias_cue = cue || (wb >= (long)lo && x_in(x, (size_t)wb, strong_at)) ||
                            village_cue(x, t, lo);
                t = al - 1;
                continue;
            }
            int aliased = t == alias_at && alias_cue;
            cue |= aliased;
            /* "in", "village of", "the area of" */
            int strong = aliased || (wb >= (long)lo && x_in(x, (size_t)wb, strong_at) && !english_a);
            if (!strong && wb > (long)lo && x_in(x, (size_t)wb, of_words) &&
                x_in(x, (size_t)wb - 1, cue_at) && !x_in(x, (size_t)wb - 1, of_words))
                strong = 1;
            /* "(coded as Boni at geoprecision 2)": the report says where
             * it puts the event; a name there is a place, cue enough */
            int coded = t >= lo + 2 && x_is(x, t - 1, "as") && x_is(x, t - 2, "coded") &&
                        !(d->toks[t].flags & TOKF_UPPER);
            cue |= coded;
            /* words that name no place in a conflict report, cue or not;
             * "North-East Kidal" is Kidal, "North-East" its cue (but
             * "West Bank", "the North-West region" are names) */
            static const char *const quarters[] = {
                "north-east", "north-west", "south-east", "south-west", "nord-est",
                "nord-ouest", "sud-est", "sud-ouest", NULL};
            if (x_in(x, t, titles) ||
                (x_in(x, t, quarters) && t + 1 < hi && d->toks[t + 1].kind == TOK_WORD &&
                 (d->toks[t + 1].flags & TOKF_CAP)))
                continue;
            if (x_in(x, t, stop_names) && (t + 1 >= hi || d->toks[t + 1].kind != TOK_WORD ||
                                           !(d->toks[t + 1].flags & TOKF_CAP)))
                continue;
            /* "Timbuktu residents attacked…", "Niamey police said…": a
             * sentence may open on a town that names its people */
            int townsfolk = !cue && t == lo && t + 1 < hi &&
                            d->toks[t + 1].kind == TOK_WORD &&
                            !(d->toks[t + 1].flags & TOKF_CAP) && x_at(x, t + 1, LEX_ACTOR);
            if (!cue && t == lo && !townsfolk &&
                !(t + 1 < hi && x_is(x, t + 1, "(")) &&
                !(t + 2 < hi && x_is(x, t + 2, "(")))
                continue;
            /* the run of capitalised words from t (up to four) */
            size_t run = t + 1;
            while (run < hi && run < t + 4 && d->toks[run].kind == TOK_WORD &&
                   (d->toks[run].flags & TOKF_CAP) && !covered(x, run))
                run++;
            gaz_place seat;
            if (region_seat(x, g, t, run, lo, hi, named, &k, &seat) ||
                (strong && bare_region(x, g, t, run, hi, named, &k, &tmp, &seat))) {
                cand *c = new_cand(x, &cands, nc, &cap);
                if (!c)
                    goto oom;
                c->c[0] = seat;
                c->n = 1;
                c->first = t;
                c->count = run - t;
                c->cue = c->strong = c->region = c->seat = 1;
                nc++;
                t = run - 1;
                continue;
            }
            /* the longest run of words that names a place */
            size_t best = 0;
            for (size_t e = t + 1; e <= hi && e <= t + 5; e++) {
                if (e > t + 1 && d->toks[e - 1].kind == TOK_PUNCT)
                    break;
                key_of(x, t, e, &k);
                int pr = memo_prefix(x, g, k.ptr, k.len);
                /* "Timbuktu airport", "l'aéroport de Gao": the town, as
                 * ACLED codes it, not the airfield's own feature */
                if ((pr & 1) && !(best && (x_is(x, e - 1, "airport") ||
                                           x_is(x, e - 1, "aeroport"))))
                    best = e;
                if (!(pr & 2))
                    break;
            }
            static const char *const admin_words[] = {
                "region", "province", "state", "district", "city",
                "department", "cercle", "circle", "commune", "county",
                "town", "village", "area", "airport", "camp", NULL};
            /* After a cue, a run of names whose first only is known: a
             * village the gazetteer lacks */
            size_t known_a = 0, known_b = 0;
            size_t ra = 0, rb = 0;
            if (best && best < run && (strong || village_cue(x, t, lo)) &&
                !x_in(x, best, admin_words) && !x_in(x, best, container_words) &&
                !x_in(x, best, region_words)) {
                if (hint_tokens(x, run, hi, &ra, &rb)) {
                    /* "the village of Tin Tam (Bandiagara, Mopti)": one
                     * that runs on to the brackets, not "Tin" (placed by
                     * its brackets, below) */
                    best = 0;
                } else if (!x_in(x, best, buildings)) {
                    /* "in Winde Boki", "the village of Koulo Koura": named
                     * as the text says and placed at the hamlet of its
                     * last name, else of its first */
                    int names = !x_in(x, t, near_words);
                    for (size_t q = t; q < run && names; q++)
                        names = !(d->toks[q].flags & TOKF_UPPER) && !x_at(x, q, LEX_ACTOR) &&
                                !x_at(x, q, LEX_COUNTRY) && !x_at(x, q, LEX_MONTH) &&
                                !x_at(x, q, LEX_WEEKDAY) && !x_in(x, q, stop_names);
                    key_of(x, t, best, &k);
                    if (names && hamlet_name(x, g, &k)) {
                        key_of(x, run - 1, run, &k);
                        if (hamlet_name(x, g, &k)) {
                            known_a = run - 1;
                            known_b = run;
                        } else {
                            known_a = t;
                            known_b = best;
                        }
                        best = run;
                    }
                }
            }
            /* "Innabagargar (Takanamat, Tahoua)": a village the gazetteer
             * lacks, coded (as ACLED does) under its own name at the first
             * bracketed place it knows, geo_precision 2 */
            if (!best) {
                size_t e = run;
                int ap;
                size_t qa = 0, qb = 0;
                if (coded) {
                    /* "(coded as Gomde-Fulbe at geoprecision 2)": the
                     * name the report codes, though no gazetteer has it */
                    if (add_pending(x, &cands, &nc, &cap, t, e) < 0)
                        goto oom;
                    cands[nc - 1].coded = 1;
                    cands[nc - 1].coded_prec = coded_precision(x, e, hi);
                    t = e - 1;
                    continue;
                }
                if (!hint_tokens(x, e + (aliased && e < hi && x_is(x, e, "]")), hi, &qa, &qb)) {
                    /* "in the village of Windeboki", "la localité de
                     * Tinkarazeina": a place by what the text calls it */
                    /* "in Tarkint", "à Boulkessi": after a word that
                     * says "at a place", a name no gazetteer has */
                    int at_place = (long)t - 1 == wb && wb >= (long)lo &&
                                   x_in(x, (size_t)wb, at_words) &&
                                   (x->lang == LANG_FR || !x_is(x, (size_t)wb, "a")) &&
                                   /* "in Ouaka prefecture": a region */
                                   !(e < hi && (x_in(x, e, region_words) ||
                                                x_in(x, e, container_words) ||
                                                x_is(x, e, "prefecture")));
                    if ((village_cue(x, t, lo) || at_place || aliased) && !x_in(x, t, stop_names) &&
                        !x_at(x, t, LEX_ACTOR) && !x_at(x, t, LEX_COUNTRY) &&
                        !x_at(x, t, LEX_MONTH) && !x_at(x, t, LEX_WEEKDAY) &&
                        !(d->toks[t].flags & TOKF_UPPER)) {
                        if (add_pending(x, &cands, &nc, &cap, t, e) < 0)
                            goto oom;
                        t = e - 1;
                    } else if (e == t + 1 &&
                               (ap = add_part(x, g, &cands, &nc, &cap, t, cue, &k)) != 0) {
                        /* "the axis Pama-Madjoari": at its first end */
                        if (ap < 0)
                            goto oom;
                    } else if (!x_in(x, t, cue_at) && !x_in(x, t, stop_names) &&
                               !x_in(x, t, titles)) {
                        /* "Amadou Haya Sanogo", "Thibault Nana": a run of
                         * names that does not start with a place is a
                         * person's */
                        t = e - 1;
                    }
                    continue;
                }
                for (size_t q = qa; q < qb && !known_b; q++) {
                    if (d->toks[q].kind != TOK_WORD)
                        continue;
                    size_t qe = q + 1;
                    while (qe < qb && d->toks[qe].kind == TOK_WORD)
                        qe++;
                    key_of(x, q, qe, &k);
                    if (memo_prefix(x, g, k.ptr, k.len) & 1) {
                        known_a = q;
                        known_b = qe;
                    }
                    q = qe - 1;
                }
                if (!known_b)
                    continue;
                best = e;
            }
            size_t ha = 0, hb = 0;
            /* "Gondo [Gondogourou] (Koro, Mopti)": past the bracket */
            int hint = hint_tokens(x, best + (aliased && best < hi && x_is(x, best, "]")),
                                   hi, &ha, &hb);
            /* "Bandiagara Commune (Bandiagara, Mopti)" */
            if (!hint && best < hi && x_in(x, best, container_words))
                hint = hint_tokens(x, best + 1, hi, &ha, &hb);
            /* "Lake Chad", "Mont Hombori" missing from the gazetteer:
             * not the town called Lake */
            static const char *const feature_heads[] = {
                "lake", "lac", "mount", "mont", "river", "fleuve", "forest",
                "foret", "cape", "island", "ile", "iles", "islands", "gulf",
                "golfe", "bay", "baie", NULL};
            if (best == t + 1 && best < hi && x_in(x, t, feature_heads) &&
                d->toks[best].kind == TOK_WORD && (d->toks[best].flags & TOKF_CAP))
                continue;
            /* "President Mainassara", "Norbert Zongo", "M. Traoré": a
             * surname after a title or a first name; after a first name
             * that is also a town somewhere ("Justin Zongo"), a place only
             * when its sentence names no other */
            int after_name = !hint && t > lo && d->toks[t - 1].kind == TOK_WORD &&
                             (d->toks[t - 1].flags & TOKF_CAP) &&
                             !(d->toks[t - 1].flags & TOKF_UPPER) && t - 1 > lo &&
                             !covered(x, t - 1) && !x_in(x, t - 1, cue_at);
            if (!hint && t > lo &&
                (x_in(x, t - 1, titles) ||
                 (after_name && !memo_prefix(x, g, tok_fold(d, &d->toks[t - 1]),
                                             d->toks[t - 1].flen))))
                continue;
            /* "the death of Justin Zongo": a name followed by another
             * capitalised word that does not continue it is a person's
             * first name, not a place ("Mopti Region" still is one, and
             * so are "Niamey University", "the Bamako Memorial") */
            if (!hint && best < hi && d->toks[best].kind == TOK_WORD &&
                (d->toks[best].flags & TOKF_CAP) &&
                !(d->toks[best].flags & TOKF_UPPER) &&
                !x_in(x, best, admin_words) && !x_in(x, best, buildings) &&
                !x_at(x, best, LEX_ACTOR) &&
                !x_at(x, best, LEX_COUNTRY) && !x_at(x, best, LEX_MONTH) &&
                !x_at(x, best, LEX_WEEKDAY))
                continue;
            if (known_b)
                key_of(x, known_a, known_b, &k);
            else
                key_of(x, t, best, &k);
            int stop = x_in(x, t, stop_names) && best == t + 1;
            if (!cue && !hint && (stop || (t == lo && !(townsfolk && best == t + 1))))
                continue;
            cand *c = new_cand(x, &cands, nc, &cap);
            if (!c)
                goto oom;
            c->n = memo_lookup(x, g, k.ptr, k.len, c->c, MAXC);
            if (c->n > MAXC)
                c->n = MAXC;
            /* and only a town: "Diallo residents" is no place */
            if (!c->n || (townsfolk && !hint && c->c[0].population < 20000))
                continue;
            c->weak = (townsfolk && !hint) || after_name;
            c->first = t;
            c->count = best - t;
            c->cue = cue;
            c->hint = hint;
            c->coded = coded;
            c->strong = strong;
            if (coded)
                c->coded_prec = coded_precision(x, best, hi);
            c->unknown = known_b != 0;
            c->ka = known_a;
            c->kb = known_b;
            c->ha = ha;
            c->hb = hb;
            /* "in the Menaka region", "Soum Province": the region, coded
             * at its seat */
            if (best < hi && x_in(x, best, region_words))
                c->region = 1;
            for (long j = (long)t - 1; j >= (long)lo && j > (long)t - 6; j--) {
                if (x_in(x, (size_t)j, near_words))
                    c->near = 1;
                if (x_in(x, (size_t)j, natural_words))
                    c->natural = 1;
                if (x_in(x, (size_t)j, region_words))
                    c->region = 1;
                if (d->toks[j].kind == TOK_PUNCT && !x_is(x, (size_t)j, "'"))
                    break;
            }
            /* "au Sahel", "in the Sahara": the stretch of Africa, not
             * Burkina Faso's Sahel region, unless the text says region */
            static const char *const zones[] = {"sahel", "sahara",
                                                "maghreb", NULL};
            if (!c->region && c->count == 1 && x_in(x, t, zones))
                continue;
            /* a name that is no more than a common word needs a cue */
            if (!cue && !hint && c->c[0].population < 1000 && c->c[0].fclass != 'P')
                continue;
            nc++;
            t = best - 1;
        }
    }
    /* "between Boni and Douentza (Douentza, Mopti)": the brackets place
     * both towns of the road */
    for (size_t i = 1; i < nc; i++) {
        cand *a = &cands[i - 1], *b = &cands[i];
        size_t gap = a->first + a->count;
        if (b->hint && !a->hint && gap + 1 == b->first && a->first > 0 &&
            route_words(x, a->first - 1, gap)) {
            a->hint = 1;
            a->ha = b->ha;
            a->hb = b->hb;
        }
        /* "the village of Tile, Doucoumbo Commune (Bandiagara, Mopti)":
         * the brackets place the commune, the report codes the village */
        if (b->hint && !a->hint && gap + 1 == b->first &&
            (x_is(x, gap, ",") || x_is(x, gap, "in") || x_is(x, gap, "dans")) &&
            container(x, b->first, b->count)) {
            a->hint = 1;
            a->ha = b->ha;
            a->hb = b->hb;
            b->hint = 0;
        }
    }
    /* Focus country: a vote of the places (each votes once for every
     * country it may be in) and of the country named in the text (two):
     * "French forces" in Burkina Faso do not make the places French. */
    const char *focus = NULL;
    char fcc[3] = "";
    /* "Malian Red Cross workers", "an NGO", "the Palace of Justice":
     * when the index has a region in depth, a name it knows only abroad
     * is a place only after "in", "à"…, or in a country the text names;
     * else it neither votes nor is placed */
    if (gaz_has_deep(g)) {
        for (size_t i = 0; i < nc; i++) {
            cand *c = &cands[i];
            if (c->pending || c->strong || c->coded || c->hint)
                continue;
            int home = 0;
            for (size_t q = 0; q < c->n && !home; q++)
                home = c->c[q].deep || (named[0] && !strcmp(c->c[q].cc, named));
            c->abroad = !home;
        }
    }
    {
        /* one tally per country: a candidate counts once for each country
         * among its first four places and each imported in depth (linear
         * in the candidates) */
        struct {
            char cc[3];
            int n;
        } tally[64];
        int nt = 0, best = named_votes;
        if (named[0]) {
            memcpy(fcc, named, 3);
            focus = fcc;
        }
        for (size_t i = 0; i < nc; i++) {
            /* past the first four, the countries imported in depth: "Boni"
             * is a town of Germany, Indonesia and France before it is a
             * village of Burkina Faso, Niger or Mali; but "Gao", a city of
             * Mali, does not vote for the hamlet of Niger */
            int town = 0;
            for (size_t q = 0; q < cands[i].n; q++)
                if (cands[i].c[q].deep) {
                    town = cands[i].c[q].population >= 5000;
                    break;
                }
            for (size_t q = 0; q < cands[i].n && !cands[i].abroad; q++) {
                if (q >= 4 && (town || !cands[i].c[q].deep))
                    continue;
                const char *cc = cands[i].c[q].cc;
                int dup = 0;
                for (size_t r = 0; r < q && !dup; r++)
                    dup = !strcmp(cands[i].c[r].cc, cc);
                if (dup)
                    continue;
                int ti = 0;
                while (ti < nt && strcmp(tally[ti].cc, cc))
                    ti++;
                if (ti == nt) {
                    if (nt == 64)
                        continue;
                    memcpy(tally[nt].cc, cc, 3);
                    /* a country imported in depth is the user's region */
                    tally[nt++].n = (!strcmp(cc, named) ? named_votes : 0) +
                                    deep_vote(x, &cands[i], q, &k, &tmp);
                }
                /* a town of 20,000 people outweighs a hamlet: "the
                 * Koubaye area near Mopti" is in Mali, whatever hamlet of
                 * Burkina Faso is also called Koubaye */
                tally[ti].n += cands[i].c[q].deep && cands[i].c[q].population >= 20000;
                if (++tally[ti].n > best) {
                    best = tally[ti].n;
                    memcpy(fcc, cc, 3);
                    focus = fcc;
                }
            }
        }
        if (focus) {
            char low[3] = {(char)(fcc[0] | 32), (char)(fcc[1] | 32), 0};
            long ci = lex_find(x->lx, LEX_COUNTRY, low);
            if (ci >= 0)
                x->country = lex_entry_at(x->lx, (size_t)ci);
        }
    }
    x->places = arena_alloc(&x->c->mem, (nc ? nc : 1) * sizeof *x->places);
    long *pick = arena_alloc(&x->c->mem, (nc ? nc : 1) * sizeof *pick);
    if (!x->places || !pick)
        goto oom;
    uint8_t told[SAID_BYTES];
    countries_said(x, told);
    /* each known candidate's best place, or -1 (dropped) */
    for (size_t i = 0; i < nc; i++) {
        cand *c = &cands[i];
        pick[i] = -1;
        if (c->pending)
            continue;
        /* known only abroad (see the focus vote above) */
        if (c->abroad)
            continue;
        if (c->seat) {
            pick[i] = 0;
            continue;
        }
        size_t bi = 0;
        double bs = -1e9;
        /* "Kourou (Bandiagara, Mopti)": GeoNames seldom gives a village
         * its cercle, but the cercle's town is known; of the namesakes,
         * one near it */
        gaz_place town;
        int has_town = c->hint && c->n > 1 && hint_town(x, g, c, &k, &town);
        for (size_t q = 0; q < c->n; q++) {
            double s = score(x, c, &c->c[q], focus, &tmp);
            if (has_town && km_between(&c->c[q], &town) < 60)
                s += 3;
            if (s > bs) {
                bs = s;
                bi = q;
            }
        }
        /* "Dinangourou (Koro, Mopti)", "Gourma-Rharous (Gourma-Rharous,
         * Tombouctou)": the commune or cercle of that name scores its
         * admin names, but its town (nearby, or its seat) is what ACLED
         * codes */
        if (c->c[bi].fclass == 'A' && strncmp(c->c[bi].fcode, "ADM1", 4) != 0) {
            for (size_t q = 0; q < c->n; q++)
                if (c->c[q].fclass == 'P' && !strcmp(c->c[q].cc, c->c[bi].cc) &&
                    (km_between(&c->c[q], &c->c[bi]) < 15 ||
                     (!strncmp(c->c[q].fcode, "PPLA", 4) &&
                      !strcmp(c->c[q].admin1, c->c[bi].admin1)))) {
                    bi = q;
                    break;
                }
        }
        /* "Boni" in a report on Mali is a Malian village the gazetteer
         * lacks, not Bonn, whose old name it happens to be: abroad, only a
         * place's own name counts */
        const gaz_place *bp = &c->c[bi];
        /* "CIV", "INGO": an acronym is a place only under its own name
         * (KIDAL in a dateline is Kidal) */
        int acronym = (x->d->toks[c->first].flags & TOKF_UPPER) && c->count == 1;
        /* "authentifiée par SITE, ONG américaine": inside a sentence, a
         * word in capitals is an acronym unless "in", "à" says it is a
         * place (a dateline's KIDAL opens its sentence) */
        if (acronym && !c->strong && !c->hint && c->first != sent_first(x, c->first))
            continue;
        if ((focus && strcmp(bp->cc, focus) != 0 && !c->unknown) || acronym) {
            /* the best place whose own name it is, if any */
            cand_key(x, c, &k);
            if (k.len > GAZ_MAX_KEY || k.oom)
                continue;
            long own = -1;
            double os = -1e9;
            for (size_t q = 0; q < c->n; q++) {
                /* of the same country: "Alger" in a report on Mali is
                 * Algiers, dropped, not a town of that name in Ohio */
                if (strcmp(c->c[q].cc, bp->cc) != 0 ||
                    !folded_eq(c->c[q].name, k.ptr, k.len, &tmp))
                    continue;
                double sc = score(x, c, &c->c[q], focus, &tmp);
                if (sc > os) {
                    os = sc;
                    own = (long)q;
                }
            }
            if (own < 0)
                continue;
            bi = (size_t)own;
            /* "Kabougou (Tansarga, Tapoa)" in a report on Burkina Faso,
             * known only as a village of Mali: brackets that point
             * elsewhere name a village the index lacks */
            if (!acronym && c->hint && !c->coded && !hint_hits(x, c, &c->c[bi], &tmp)) {
                c->pending = 1;
                continue;
            }
            /* "Arab villagers", "Soumaila Cisse" in a report on Niger or
             * Mali: a name the index also knows at home (a wadi, a
             * hamlet) whose best sense is a town abroad is a word of the
             * sentence, unless a cue ("in Arab") or the text's naming
             * that country says it is one */
            int word = !acronym && focus && !c->c[bi].deep && !c->coded &&
                       (!c->hint || !hint_hits(x, c, &c->c[bi], &tmp)) &&
                       !said(told, c->c[bi].cc);
            if (word && !c->strong && !village_named(x, c))
                continue;
            /* "the village of Singa" in a report on Burkina Faso is its
             * hamlet of that name, not the city of Sudan (a namesake at
             * home that its brackets do not contradict) */
            if (word && village_cue(x, c->first, sent_first(x, c->first))) {
                long home = -1;
                double hs = -1e9;
                for (size_t q = 0; q < c->n; q++) {
                    if (strcmp(c->c[q].cc, focus) != 0 || c->c[q].fclass != 'P')
                        continue;
                    double sc = score(x, c, &c->c[q], focus, &tmp);
                    if (sc > hs) {
                        hs = sc;
                        home = (long)q;
                    }
                }
                if (home >= 0 && (!c->hint || hint_hits(x, c, &c->c[home], &tmp))) {
                    pick[i] = home;
                    continue;
                }
            }
            /* "in the area of Taba near Dialloube": after a cue, a small
             * town abroad in a report on a region the index has in depth
             * is a village of that region the index lacks */
            if (word && gaz_has_deep(g) && c->c[bi].population < 100000) {
                c->pending = 1;
                continue;
            }
        }
        pick[i] = (long)bi;
    }
    gaz_place areas[MAX_AREAS];
    size_t na = actor_areas(x, areas);
    if (settle_by_context(x, cands, nc, pick, areas, na, &k, &tmp) < 0 ||
        commune_seat(x, cands, nc, pick, &k, &tmp) < 0)
        goto oom;
    gaz_place capital;
    int has_capital = focus && gaz_country(g, focus, &capital);
    /* "the village of Daga, axis Bandiagara-Bankass", "Bissa farmers
     * clashed … in Zabre": a road's end, a town that opens a sentence or
     * follows a first name, is the place only when its sentence names no
     * other */
    for (size_t i = 0; i < nc; i++) {
        if (!cands[i].weak || pick[i] < 0)
            continue;
        size_t si = x->d->toks[cands[i].first].sent;
        for (size_t j = 0; j < nc && pick[i] >= 0; j++)
            if (j != i && !cands[j].weak && x->d->toks[cands[j].first].sent == si &&
                (pick[j] >= 0 || cands[j].pending))
                pick[i] = -1;
    }
    /* ACLED codes a village it cannot find at the nearest place it knows,
     * under that place's name, geo_precision 2 ("the village of Kpendima,
     * near Natiaboani"; "coded as Titao at geoprecision 2"): a village
     * with a known place in its sentence stands down for it */
    int *near_of = arena_alloc(&x->c->mem, (nc ? nc : 1) * sizeof *near_of);
    if (!near_of)
        goto oom;
    memset(near_of, 0, (nc ? nc : 1) * sizeof *near_of);
    for (size_t i = 0; i < nc; i++) {
        if (!cands[i].pending || cands[i].coded)
            continue;
        size_t si = x->d->toks[cands[i].first].sent;
        for (size_t j = 0; j < nc; j++)
            if (pick[j] >= 0 && x->d->toks[cands[j].first].sent == si &&
                !container(x, cands[j].first, cands[j].count) &&
                !(cands[i].hint && cands[j].first >= cands[i].ha &&
                  cands[j].first < cands[i].hb)) {
                near_of[j] = 1;
                cands[i].pending = 2; /* stands down */
            }
    }
    for (size_t i = 0; i < nc; i++) {
        cand *c = &cands[i];
        const gaz_place *chosen = NULL;
        gaz_place nearby; /* a place found under a near spelling */
        gaz_place seat;   /* a region's seat */
        int prec;
        if (c->pending == 2) {
            continue;
        } else if (c->pending) {
            /* alone in its sentence: a village of the country spelt a
             * little differently ("Ogassagou"); else named as the text
             * says, at the article's first known place, else at the
             * capital, with the precision of a region */
            cand_key(x, c, &k);
            /* no focus: the countries the index has in depth */
            int near = !k.oom && (focus || gaz_has_deep(g)) &&
                       memo_near(x, g, k.ptr, k.len, focus ? focus : "*", &nearby);
            if (near) {
                chosen = &nearby;
                prec = 2; /* likely the place, not surely */
            } else if (c->coded) {
                /* a coded name no gazetteer knows: at the known place
                 * nearest it in its sentence, else the article's first */
                size_t si = x->d->toks[c->first].sent, bd = (size_t)-1;
                for (size_t j = 0; j < nc; j++) {
                    if (pick[j] < 0)
                        continue;
                    size_t dj = cands[j].first > c->first ? cands[j].first - c->first
                                                          : c->first - cands[j].first;
                    if (x->d->toks[cands[j].first].sent != si)
                        dj += 10000;
                    if (dj < bd) {
                        bd = dj;
                        chosen = &cands[j].c[pick[j]];
                    }
                }
                /* "the commune of Kablewa (coded as Kablewa …)", ISWAP's
                 * work, no other place known: in its area */
                if (!chosen)
                    chosen = area_in(areas, na, focus);
                if (!chosen && has_capital)
                    chosen = &capital;
                if (!chosen)
                    continue;
                prec = 2;
            } else {
                /* a known place of its sentence (the commune it is in),
                 * else the article's first */
                size_t si = x->d->toks[c->first].sent;
                prec = 2;
                for (size_t j = 0; j < nc && !chosen; j++)
                    if (pick[j] >= 0 && x->d->toks[cands[j].first].sent == si)
                        chosen = &cands[j].c[pick[j]];
                if (!chosen)
                    prec = 3;
                for (size_t j = 0; j < nc && !chosen; j++)
                    if (pick[j] >= 0)
                        chosen = &cands[j].c[pick[j]];
                /* "in the village of Ngouba", ISWAP's work: in its area */
                if (!chosen)
                    chosen = area_in(areas, na, focus);
                if (!chosen && has_capital)
                    chosen = &capital;
                if (!chosen)
                    continue;
            }
        } else {
            if (pick[i] < 0)
                continue;
            chosen = &c->c[pick[i]];
            prec = c->seat ? 3 : c->unknown ? 2 : c->region || (chosen->fclass == 'A' && !c->commune) ? 3 : c->near ? 2 : 1;
            if (near_of[i] && prec == 1)
                prec = 2;
            /* "the hamlet of Kichi (Kissi)": a village the index lacks,
             * with one other name in brackets that it has as a village,
             * is that village under another spelling, and ACLED names
             * it so; a bracketed district or region ("Tassirist
             * (Menaka)") only says where the village is */
            if (c->unknown && c->ka == c->ha && c->kb == c->hb &&
                bracket_alias(g, c, chosen, &tmp)) {
                c->first = c->ka;
                c->count = c->kb - c->ka;
                prec = 1;
            }
            /* "in the Kidal region" found as the region itself (a full
             * dump has ADM1 features): coded at its seat, as ACLED does */
            if (chosen->fclass == 'A' && !strncmp(chosen->fcode, "ADM1", 4) &&
                chosen->admin1[0]) {
                buf_clear(&tmp);
                if (gaz_fold(chosen->admin1, strlen(chosen->admin1), &tmp) == 0 &&
                    buf_cstr(&tmp) && gaz_admin1_by_name(g, chosen->cc, buf_cstr(&tmp), &seat) &&
                    seat.fclass == 'P')
                    chosen = &seat;
            }
        }
        xplace *p = &x->places[x->nplaces];
        memset(p, 0, sizeof *p);
        p->first = (uint32_t)c->first;
        p->count = (uint32_t)c->count;
        /* "in Diabaly Commune": ACLED names the place, not the unit */
        if (p->count > 1 && x_in(x, c->first + c->count - 1, container_words))
            p->count--;
        p->p = arena_alloc(&x->c->mem, sizeof *p->p);
        if (!p->p)
            goto oom;
        *p->p = *chosen;
        p->has = 1;
        p->prec = prec;
        /* coded "as Fada NGourma": under the report's own spelling */
        p->named = c->pending || c->coded;
        p->hinted = c->hint;
        p->coded = c->coded;
        p->part_off = c->part_off;
        p->part_len = c->part_len;
        if (c->coded && c->coded_prec)
            p->prec = c->coded_prec;
        x->nplaces++;
    }
    mark_routes(x);
    buf_free(&k);
    buf_free(&tmp);
    return 0;
oom:
    buf_free(&k);
    buf_free(&tmp);
    return -1;
}

const xplace *x_place_in(const xdoc *x, size_t si, size_t t)
{
    const xplace *best = NULL;
    size_t bd = (size_t)-1;
    /* places are in text order: find the sentence's by bisection */
    size_t lo = 0, hi = x->nplaces;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (x->d->toks[x->places[mid].first].sent < si)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < x->nplaces; i++) {
        const xplace *p = &x->places[i];
        if (x->d->toks[p->first].sent != si)
            break;
        /* "(coded as Boni at geoprecision 2)": what it says it codes */
        if (p->coded)
            return p;
        size_t dd = p->first > t ? p->first - t : t - p->first;
        /* "X (Bankass, Mopti)": the place the report codes */
        if (p->hinted)
            dd = 0;
        /* "between Banh and Titao (Banh, Loroum)": the first; the
         * brackets place the pair */
        if (p->route == 2)
            dd += 50;
        /* a precise place beats a region in the same sentence */
        if (p->prec == 3)
            dd += 1000;
        if (dd < bd) {
            bd = dd;
            best = p;
        }
    }
    return best;
}

/* The town that attribute `key` of actor entry e names in country cc
 * (upper case; NULL: the first it names): "NE:Agadez | ML:Kidal".
 * 1 and *out, else 0. */
static int actor_town(xdoc *x, const lex_entry *e, const char *key, const char *cc,
                      gaz_place *out)
{
    const gaz *g = x->c->ctx->gaz;
    const char *v = e && g ? lex_attr_get(e, key) : NULL;
    if (!v)
        return 0;
    for (const char *s = v; *s;) {
        while (*s == ' ' || *s == '|')
            s++;
        const char *end = strchr(s, '|');
        size_t n = end ? (size_t)(end - s) : strlen(s);
        while (n && s[n - 1] == ' ')
            n--;
        if (n > 3 && s[2] == ':' && (!cc || (s[0] == cc[0] && s[1] == cc[1]))) {
            char in[3] = {s[0], s[1], 0};
            buf k = BUF_INIT;
            int found = gaz_fold(s + 3, n - 3, &k) == 0 && buf_cstr(&k) &&
                        town_named(x, g, k.ptr, k.len, in, out);
            buf_free(&k);
            if (found)
                return 1;
        }
        if (!end)
            break;
        s = end + 1;
    }
    return 0;
}

int x_stronghold(xdoc *x, const lex_entry *e, const char *cc, gaz_place *out)
{
    return actor_town(x, e, "stronghold", cc, out);
}

/* The areas the article's actors are tied to (their `stronghold` or
 * `area`): "Dogon villagers" are most likely in the Bandiagara plateau. */
static size_t actor_areas(xdoc *x, gaz_place *out)
{
    const lex_entry *seen[MAX_AREAS];
    size_t n = 0;
    for (size_t i = 0; i < x->nm && n < MAX_AREAS; i++) {
        if (x->m[i].kind != LEX_ACTOR)
            continue;
        const lex_entry *e = x_entry(x, &x->m[i]);
        int dup = 0;
        for (size_t k = 0; k < n && !dup; k++)
            dup = seen[k] == e;
        if (dup)
            continue;
        if (actor_town(x, e, "area", NULL, &out[n]) ||
            actor_town(x, e, "stronghold", NULL, &out[n]))
            seen[n++] = e;
    }
    return n;
}

const xplace *x_place_first(const xdoc *x)
{
    for (size_t i = 0; i < x->nplaces; i++)
        if (x->places[i].prec < 3)
            return &x->places[i];
    return x->nplaces ? &x->places[0] : NULL;
}
