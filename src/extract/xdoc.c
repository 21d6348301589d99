/*
 * xdoc.c — the extract stage's view of an article (see xdoc.h).
 */
#include <limits.h>
#include <string.h>

#include "xdoc.h"

/* A publication date in an article's address, as news sites write it:
 * /2023/11/08/ or 2023-11-08. */
static long url_date(veille_str u)
{
    for (size_t i = 0; i + 10 <= u.len; i++) {
        const char *s = u.ptr + i;
        if (!(s[0] == '1' || s[0] == '2') || (i && s[-1] >= '0' && s[-1] <= '9'))
            continue;
        char sep = s[4];
        if ((sep != '/' && sep != '-') || s[7] != sep)
            continue;
        char iso[10] = {s[0], s[1], s[2], s[3], '-', s[5], s[6], '-', s[8], s[9]};
        if (i + 10 < u.len && u.ptr[i + 10] >= '0' && u.ptr[i + 10] <= '9')
            continue;
        long d = parse_iso_date(iso, 10);
        if (d != NO_DATE)
            return d;
    }
    return NO_DATE;
}

int xdoc_init(xdoc *x, veille_coder *c, const veille_article *a,
              const lex_match *m, size_t nm, int lang,
              const veille_code_options *opts)
{
    memset(x, 0, sizeof *x);
    x->c = c;
    x->a = a;
    x->d = &c->doc;
    x->lx = c->ctx->lex;
    x->m = m;
    x->nm = nm;
    x->lang = lang;
    size_t n = x->d->ntok ? x->d->ntok : 1;
    x->first = arena_alloc(&c->mem, n * sizeof *x->first);
    x->tf = arena_zalloc(&c->mem, n);
    x->kinds = arena_zalloc(&c->mem, n * sizeof *x->kinds);
    if (!x->first || !x->tf || !x->kinds)
        return -1;
    for (size_t i = 0; i < x->d->ntok; i++)
        x->first[i] = -1;
    for (size_t i = nm; i-- > 0;) {
        x->first[m[i].first] = (int32_t)i;
        x->kinds[m[i].first] |= 1u << m[i].kind;
    }
    veille_str p = a->f[VEILLE_F_PUBLISHED];
    x->pub = parse_iso_date(p.ptr, p.len);
    x->pub_month = 0;
    x->anchor = NO_DATE;
    /* "2023-10": published some day that month; its last day bounds the
     * dates the article can speak of */
    if (x->pub == NO_DATE && p.len == 7 && p.ptr[4] == '-') {
        char iso[11];
        memcpy(iso, p.ptr, 7);
        memcpy(iso + 7, "-01", 4);
        long first = parse_iso_date(iso, 10);
        if (first != NO_DATE) {
            long y;
            int mo, dd;
            civil_from_days(first + 31, &y, &mo, &dd);
            x->pub = first + 31 - dd; /* the month's last day */
            x->pub_month = 1;
        }
    }
    if (x->pub == NO_DATE && opts && opts->published)
        x->pub = parse_iso_date(opts->published, strlen(opts->published));
    if (x->pub == NO_DATE)
        x->pub = url_date(a->f[VEILLE_F_URL]);
    return 0;
}

_Static_assert(LEX_KIND_COUNT <= 32, "a token's kinds fit in 32 bits");

const lex_match *x_at_first(const xdoc *x, size_t t, int kind)
{
    for (size_t i = (size_t)x->first[t]; i < x->nm && x->m[i].first == t; i++)
        if (x->m[i].kind == kind)
            return &x->m[i];
    return NULL;
}

size_t x_first_match(const xdoc *x, size_t lo, size_t hi)
{
    for (size_t t = lo; t < hi; t++)
        if (x->first[t] >= 0)
            return (size_t)x->first[t];
    return x->nm;
}

int x_heading(const xdoc *x, const sentence *s, const lex_match *m)
{
    size_t after = m->first + m->count;
    return m->first < s->first + 4 && after < s->first + s->count &&
           x_is(x, after, ":");
}

const lex_match *x_ending(const xdoc *x, size_t t, int kind)
{
    for (size_t j = t + 1; j-- > 0 && j + 6 > t;) {
        const lex_match *m = x_at(x, j, kind);
        if (m && m->first + m->count == t + 1)
            return m;
    }
    return NULL;
}

int x_at_end(const xdoc *x, size_t t, int kind)
{
    return x_ending(x, t, kind) != NULL;
}

/* ---- word lists ---- */

/* A word list's filter: two bits per word, chosen by the word's hash
 * (text_hash, as its tokens carry).  A token whose two bits are not both
 * set is in no list; the others are compared word by word. */
#define XLIST_BITS 1024
#define XLIST_SLOTS 256 /* lists remembered, a power of two */
#define XLIST_PROBES 8

typedef struct xlist {
    const char *const *list; /* NULL: a free slot */
    const char *head;        /* list[0] when it was read, to check */
    uint64_t bits[XLIST_BITS / 64];
} xlist;

/* Per thread, as the coder is: the filters of the lists seen so far. */
static _Thread_local xlist xlists[XLIST_SLOTS];

static inline unsigned xlist_bit(uint32_t h, int which)
{
    return (which ? h >> 16 : h) % XLIST_BITS;
}

static void xlist_build(xlist *l, const char *const *list)
{
    memset(l->bits, 0, sizeof l->bits);
    for (const char *const *w = list; *w; w++) {
        uint32_t h = text_hash(*w, strlen(*w));
        for (int k = 0; k < 2; k++) {
            unsigned b = xlist_bit(h, k);
            l->bits[b / 64] |= 1ull << (b % 64);
        }
    }
    l->list = list;
    l->head = list[0];
}

/* The filter of list, made the first time; NULL when the table is full
 * around its place (the caller then compares every word). */
static const xlist *xlist_find(const char *const *list, size_t i)
{
    for (int k = 0; k < XLIST_PROBES; k++) {
        xlist *l = &xlists[(i + (size_t)k) % XLIST_SLOTS];
        if (l->list == list && l->head == list[0])
            return l;
        if (!l->list || l->list == list) {
            xlist_build(l, list);
            return l;
        }
    }
    return NULL;
}

/* The same, the list found at its first place without a call. */
static inline const xlist *xlist_of(const char *const *list)
{
    size_t i = (size_t)((uintptr_t)list >> 3) % XLIST_SLOTS;
    const xlist *l = &xlists[i];
    if (l->list == list && l->head == list[0])
        return l;
    return xlist_find(list, i);
}

static inline int xlist_may_have(const xlist *l, uint32_t h)
{
    unsigned b0 = xlist_bit(h, 0), b1 = xlist_bit(h, 1);
    return (l->bits[b0 / 64] >> (b0 % 64) & 1) &&
           (l->bits[b1 / 64] >> (b1 % 64) & 1);
}

/* Is the folded token f[0..n) a word of list?  Word by word. */
static int in_list(const char *f, size_t n, const char *const *list)
{
    for (; *list; list++) {
        const char *s = *list;
        if (s[0] == f[0] && strncmp(s, f, n) == 0 && !s[n])
            return 1;
    }
    return 0;
}

int x_in(const xdoc *x, size_t t, const char *const *list)
{
    if (t >= x->d->ntok)
        return 0;
    const token *k = &x->d->toks[t];
    if (!k->flen)
        return 0;
    const xlist *l = xlist_of(list);
    if (l && !xlist_may_have(l, k->hash))
        return 0;
    return in_list(tok_fold(x->d, k), k->flen, list);
}

void x_span(const xdoc *x, size_t first, size_t count, uint32_t *off,
            uint32_t *len)
{
    const token *a = &x->d->toks[first];
    const token *b = &x->d->toks[first + (count ? count : 1) - 1];
    *off = a->off;
    *len = b->off + b->len - a->off;
}
