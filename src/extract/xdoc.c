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
        }
    }
    if (x->pub == NO_DATE && opts && opts->published)
        x->pub = parse_iso_date(opts->published, strlen(opts->published));
    if (x->pub == NO_DATE)
        x->pub = url_date(a->f[VEILLE_F_URL]);
    return 0;
}

_Static_assert(LEX_KIND_COUNT <= 32, "a token's kinds fit in 32 bits");

const lex_match *x_at(const xdoc *x, size_t t, int kind)
{
    if (t >= x->d->ntok || !(x->kinds[t] >> kind & 1))
        return NULL;
    for (size_t i = (size_t)x->first[t]; i < x->nm && x->m[i].first == t; i++)
        if (x->m[i].kind == kind)
            return &x->m[i];
    return NULL;
}

int x_at_end(const xdoc *x, size_t t, int kind)
{
    for (size_t j = t + 1; j-- > 0 && j + 6 > t;) {
        const lex_match *m = x_at(x, j, kind);
        if (m && m->first + m->count == t + 1)
            return 1;
    }
    return 0;
}

int x_is(const xdoc *x, size_t t, const char *s)
{
    if (t >= x->d->ntok)
        return 0;
    const token *k = &x->d->toks[t];
    /* the first byte settles most comparisons without a strlen */
    if (!k->flen || tok_fold(x->d, k)[0] != s[0])
        return 0;
    size_t n = strlen(s);
    return k->flen == n && memcmp(tok_fold(x->d, k), s, n) == 0;
}

int x_in(const xdoc *x, size_t t, const char *const *list)
{
    if (t >= x->d->ntok)
        return 0;
    const token *k = &x->d->toks[t];
    if (!k->flen)
        return 0;
    const char *f = tok_fold(x->d, k);
    /* one pass of first-byte tests: lists are short, most words fail */
    for (; *list; list++) {
        const char *s = *list;
        if (s[0] == f[0] && strncmp(s, f, k->flen) == 0 && !s[k->flen])
            return 1;
    }
    return 0;
}

void x_span(const xdoc *x, size_t first, size_t count, uint32_t *off,
            uint32_t *len)
{
    const token *a = &x->d->toks[first];
    const token *b = &x->d->toks[first + (count ? count : 1) - 1];
    *off = a->off;
    *len = b->off + b->len - a->off;
}
