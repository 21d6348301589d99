/*
 * token.c — the tokenizer (segment stage, first half).
 *
 * Words keep inner hyphens (pick-up, Ould-Sidi, all-Qaïda); French elisions
 * become tokens of their own (l' d' qu' jusqu' …, with ' or ’); numbers keep
 * their thousands groups ("1 200", "1,200") and decimals ("3,5"); ordinals
 * (1er, 2e, 21st) and dates (07/11/2023) are single tokens; any other
 * non-space character is a punctuation token.  Each token's folded form is
 * appended to doc->folded.
 */
#include <string.h>
#include <utf8proc.h>

#include "text.h"

typedef struct {
    const unsigned char *s;
    size_t n;
} src;

/* Code point at i, its byte length in *k (0 at the end). */
static int32_t cp_at(src t, size_t i, int *k)
{
    if (i >= t.n) {
        *k = 0;
        return -1;
    }
    if (t.s[i] < 0x80) {
        *k = 1;
        return t.s[i];
    }
    int32_t cp;
    int l = utf8_decode(t.s + i, t.n - i, &cp);
    if (!l) {
        *k = 1;
        return 0xFFFD;
    }
    *k = l;
    return cp;
}

/* ASCII character classes by byte; 0 for the bytes of multi-byte
 * characters, which take the Unicode path.  CL_UPPER is 0x20, the bit
 * that lower-cases an ASCII capital; CL_ALPHA is the top bit, so that
 * `cl >> 7` counts letters. */
enum {
    CL_SPACE = 1,
    CL_DIGIT = 2,
    CL_LOWER = 4,
    CL_UPPER = 0x20,
    CL_ALPHA = 0x80,
};
#define CL_ALNUM (CL_ALPHA | CL_DIGIT)
#define S_ CL_SPACE
#define D_ CL_DIGIT
#define L_ (CL_ALPHA | CL_LOWER)
#define U_ (CL_ALPHA | CL_UPPER)
static const uint8_t ascii_cls[256] = {
    0,  0,  0,  0,  0,  0,  0,  0,  0,  S_, S_, S_, S_, S_, 0,  0,  /* 0x00 */
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  /* 0x10 */
    S_, 0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  /*  !"# */
    D_, D_, D_, D_, D_, D_, D_, D_, D_, D_, 0,  0,  0,  0,  0,  0,  /* 0-9 */
    0,  U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, /* @A-O */
    U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, 0,  0,  0,  0,  0,  /* P-Z */
    0,  L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, /* `a-o */
    L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, 0,  0,  0,  0,  0,  /* p-z */
};
#undef S_
#undef D_
#undef L_
#undef U_

/* The Unicode side of the classes below (c >= 0x80). */
static int uni_space(int32_t c)
{
    if (c == 0xA0 || c == 0x202F || c == 0x2007 || c == 0x200B || c == 0xFEFF)
        return 1;
    utf8proc_category_t cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
           cat == UTF8PROC_CATEGORY_ZP;
}

static int uni_alpha(int32_t c)
{
    utf8proc_category_t cat = utf8proc_category(c);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
           (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME);
}

/* Character classes of a code point (-1, the end of the text, is none). */
static inline int is_space(int32_t c)
{
    if (c < 0x80)
        return c >= 0 && (ascii_cls[c] & CL_SPACE);
    return uni_space(c);
}

static inline int is_digit(int32_t c) { return c >= '0' && c <= '9'; }

static inline int is_alpha(int32_t c)
{
    if (c < 0x80)
        return c >= 0 && (ascii_cls[c] & CL_ALPHA);
    return uni_alpha(c);
}

static inline int is_upper(int32_t c)
{
    if (c < 0x80)
        return c >= 0 && (ascii_cls[c] & CL_UPPER);
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LU;
}

static inline int is_alnum(int32_t c) { return is_digit(c) || is_alpha(c); }

static int is_apos(int32_t c) { return c == '\'' || c == 0x2019 || c == 0x2BC; }

static int is_hyphen(int32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

/* A thousands group: a group separator at i followed by exactly three
 * digits.  Returns the separator's length, 0 if none. */
static int group_sep(src t, size_t i)
{
    int k;
    int32_t c = cp_at(t, i, &k);
    if (!(c == ' ' || c == 0xA0 || c == 0x202F || c == 0x2009 || c == ','))
        return 0;
    for (int d = 0; d < 3; d++)
        if (i + (size_t)k + (size_t)d >= t.n ||
            !is_digit(t.s[i + (size_t)k + (size_t)d]))
            return 0;
    size_t after = i + (size_t)k + 3;
    int k2;
    int32_t c2 = cp_at(t, after, &k2);
    if (is_digit(c2) || (c2 >= 0 && is_alpha(c2)))
        return 0;
    /* "1,200" but not "1,2003" — and never across a comma + space. */
    return k;
}

static size_t digits(src t, size_t i)
{
    while (i < t.n && is_digit(t.s[i]))
        i++;
    return i;
}

/* dd/mm/yyyy, dd-mm-yy, dd.mm.yyyy starting at i; returns the end or 0. */
static size_t date_at(src t, size_t i)
{
    size_t a = digits(t, i);
    if (a - i < 1 || a - i > 2 || a >= t.n)
        return 0;
    unsigned char sep = t.s[a];
    if (sep != '/' && sep != '-' && sep != '.')
        return 0;
    size_t b = digits(t, a + 1);
    if (b - a - 1 < 1 || b - a - 1 > 2 || b >= t.n || t.s[b] != sep)
        return 0;
    size_t c = digits(t, b + 1);
    if (c - b - 1 != 2 && c - b - 1 != 4)
        return 0;
    if (c < t.n && is_alnum(t.s[c]))
        return 0;
    return c;
}

/* Ordinal suffixes after a number: er re e eme ème è nd st rd th ᵉ. */
static size_t ordinal_end(src t, size_t i)
{
    static const char *const suf[] = {"er", "re", "ère", "ème", "eme", "e",
                                      "è",  "nd", "st",  "rd",  "th",  "ᵉ",
                                      "ᵉʳ", "es", "èmes"};
    size_t best = 0;
    for (size_t k = 0; k < sizeof suf / sizeof *suf; k++) {
        size_t l = strlen(suf[k]);
        if (i + l <= t.n && memcmp(t.s + i, suf[k], l) == 0) {
            int kk;
            int32_t c = cp_at(t, i + l, &kk);
            if (c >= 0 && is_alnum(c))
                continue;
            if (l > best)
                best = l;
        }
    }
    return best ? i + best : 0;
}

/* French elisions, folded and without the apostrophe. */
static int is_elision(const unsigned char *s, size_t n)
{
    static const char *const el[] = {"l",     "d",       "qu",     "j",
                                     "n",     "s",       "c",      "m",
                                     "t",     "jusqu",   "lorsqu", "puisqu",
                                     "quoiqu", "presqu", "quelqu"};
    char low[8];
    if (n == 0 || n > sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 0x80)
            return 0;
        low[i] = (char)(s[i] | 32);
    }
    for (size_t k = 0; k < sizeof el / sizeof *el; k++)
        if (strlen(el[k]) == n && memcmp(low, el[k], n) == 0)
            return 1;
    return 0;
}

typedef struct {
    textdoc *doc;
    arena *a;
    size_t cap;
    uint8_t pending_flags; /* TOKF_NL / TOKF_PARA for the next token */
} tokctx;

/* Appends the folded form of an ASCII token, its lower case, to out.
 * Returns 0, having appended nothing, when a byte is not ASCII (the token
 * then goes through text_fold); 1 otherwise (out->oom tells of a failure). */
static int fold_ascii(buf *out, const unsigned char *s, size_t n)
{
    if (out->cap - out->len <= n && buf_reserve(out, n))
        return 1;
    char *o = out->ptr + out->len;
    unsigned any = 0;
    for (size_t i = 0; i < n; i++) {
        any |= s[i];
        o[i] = (char)(s[i] | (ascii_cls[s[i]] & CL_UPPER));
    }
    if (any & 0x80)
        return 0;
    out->len += n;
    out->ptr[out->len] = '\0';
    return 1;
}

/* Folded numbers drop group separators: "1 200" → "1200", and use '.'
 * for decimals: "3,5" → "3.5". */
static void fold_number(buf *out, const char *s, size_t n)
{
    size_t nd = 0;
    while (nd < n && is_digit((unsigned char)s[nd]))
        nd++;
    if (nd == n) {
        buf_put(out, s, n);
        return;
    }
    src t2 = {(const unsigned char *)s, n};
    for (size_t i = 0; i < n;) {
        int k;
        int32_t c = cp_at(t2, i, &k);
        if (is_digit(c))
            buf_putc(out, (char)c);
        else if ((c == ',' || c == '.') && !group_sep(t2, i))
            buf_putc(out, '.');
        i += (size_t)k;
    }
}

/* Appends a token (its folded form still to come: flen and hash are set
 * by the caller).  Returns NULL when out of memory. */
static inline token *tok_push(tokctx *x, size_t off, size_t end, int kind,
                       uint8_t flags)
{
    textdoc *d = x->doc;
    token *nt = arena_grow(x->a, d->toks, &x->cap, d->ntok + 1, sizeof *nt, 256);
    if (!nt)
        return NULL;
    d->toks = nt;
    token *t = &d->toks[d->ntok++];
    t->off = (uint32_t)off;
    t->len = (uint32_t)(end - off);
    t->kind = (uint8_t)kind;
    t->flags = (uint8_t)(flags | x->pending_flags);
    x->pending_flags = 0;
    t->sent = 0;
    t->foff = (uint32_t)d->folded->len;
    return t;
}

/* Appends a token and its folded form. */
static int emit(tokctx *x, size_t off, size_t end, int kind, uint8_t flags)
{
    token *t = tok_push(x, off, end, kind, flags);
    if (!t)
        return -1;
    buf *f = x->doc->folded;
    const char *s = x->doc->text + off;
    size_t n = end - off;
    if (kind == TOK_NUMBER)
        fold_number(f, s, n);
    else if (!fold_ascii(f, (const unsigned char *)s, n))
        text_fold(s, n, f, NULL, 0);
    if (f->oom)
        return -1;
    t->flen = (uint32_t)(f->len - t->foff);
    t->hash = text_hash(f->ptr + t->foff, t->flen);
    return 0;
}

/* The common word: ASCII letters and digits up to a space, an ASCII
 * punctuation mark other than a hyphen or an apostrophe, or the end.  It
 * is lower-cased and hashed into the folded buffer as it is read, and
 * emitted.  Returns its end; 0 when the word is not that simple (nothing
 * is emitted: scan_word reads it again); (size_t)-1 when out of memory. */
static size_t scan_ascii_word(tokctx *x, src t, size_t i)
{
    buf *f = x->doc->folded;
    if (f->cap - f->len <= t.n - i && buf_reserve(f, t.n - i))
        return (size_t)-1;
    char *o = f->ptr + f->len;
    uint32_t h = TEXT_HASH_SEED;
    unsigned seen = 0; /* the classes met */
    size_t j = i;
    for (; j < t.n; j++) {
        unsigned cl = ascii_cls[t.s[j]];
        if (!(cl & CL_ALNUM))
            break;
        unsigned char low = (unsigned char)(t.s[j] | (cl & CL_UPPER));
        *o++ = (char)low;
        h = text_hash_step(h, low);
        seen |= cl;
    }
    if (j == i ||
        (j < t.n && (t.s[j] >= 0x80 || t.s[j] == '-' || t.s[j] == '\'')))
        return 0;
    uint8_t fl = 0;
    if (ascii_cls[t.s[i]] & CL_UPPER)
        fl |= TOKF_CAP;
    if (!(seen & CL_LOWER)) {
        /* no small letter: upper case if it has two letters or more */
        unsigned nletters = 0;
        for (size_t q = i; q < j; q++)
            nletters += ascii_cls[t.s[q]] >> 7;
        if (nletters >= 2)
            fl |= TOKF_UPPER;
    }
    token *tk = tok_push(x, i, j, TOK_WORD, fl);
    if (!tk)
        return (size_t)-1;
    f->len += j - i;
    f->ptr[f->len] = '\0';
    tk->flen = (uint32_t)(j - i);
    tk->hash = h;
    return j;
}

/* Scans a word from i: letters and digits, inner hyphens, inner
 * apostrophes that are not elisions.  Emits the elision tokens it meets.
 * Returns the end of the last token, or (size_t)-1 when out of memory. */
static size_t scan_word(tokctx *x, src t, size_t i)
{
    size_t simple = scan_ascii_word(x, t, i);
    if (simple)
        return simple;
    size_t start = i;
    int k;
    int32_t first = cp_at(t, i, &k);
    int cap = is_upper(first);
    int all_upper = 1, nletters = 0;
    for (;;) {
        /* A run of ASCII letters and digits, the common case. */
        while (i < t.n && (ascii_cls[t.s[i]] & CL_ALNUM)) {
            uint8_t cl = ascii_cls[t.s[i]];
            nletters += (cl & CL_ALPHA) != 0;
            if (cl & CL_LOWER)
                all_upper = 0;
            i++;
        }
        int32_t c = cp_at(t, i, &k);
        if (k == 0)
            break;
        if (is_alnum(c)) {
            if (is_alpha(c)) {
                nletters++;
                if (!is_upper(c) &&
                    (c < 0x80 || utf8proc_category(c) != UTF8PROC_CATEGORY_MN))
                    all_upper = 0;
            }
            i += (size_t)k;
            continue;
        }
        int k2;
        int32_t next = cp_at(t, i + (size_t)k, &k2);
        if (is_hyphen(c) && next >= 0 && is_alnum(next)) {
            i += (size_t)k;
            continue;
        }
        if (is_apos(c) && next >= 0 && is_alpha(next)) {
            const unsigned char *part = t.s + start;
            size_t plen = i - start;
            /* N'Djamena, M'Bera: a single capital N/M before a capital is
             * part of a name, not an elision. */
            int name_like = plen == 1 && (part[0] == 'N' || part[0] == 'M') &&
                            is_upper(next);
            if (!name_like && is_elision(part, plen)) {
                if (emit(x, start, i + (size_t)k, TOK_WORD,
                         (uint8_t)(TOKF_ELISION | (cap ? TOKF_CAP : 0))))
                    return (size_t)-1;
                i += (size_t)k;
                start = i;
                first = next;
                cap = is_upper(first);
                all_upper = 1;
                nletters = 0;
                continue;
            }
            /* English possessive: Africa's → Africa + 's */
            int k3;
            int32_t after = cp_at(t, i + (size_t)k + (size_t)k2, &k3);
            if ((next == 's' || next == 'S') && (after < 0 || !is_alnum(after)))
                break;
            i += (size_t)k;
            continue;
        }
        /* "l' armée": an elision before a space is still an elision. */
        if (is_apos(c) && (next < 0 || is_space(next)) &&
            is_elision(t.s + start, i - start)) {
            if (emit(x, start, i + (size_t)k, TOK_WORD,
                     (uint8_t)(TOKF_ELISION | (cap ? TOKF_CAP : 0))))
                return (size_t)-1;
            return i + (size_t)k;
        }
        break;
    }
    uint8_t fl = 0;
    if (cap)
        fl |= TOKF_CAP;
    if (all_upper && nletters >= 2)
        fl |= TOKF_UPPER;
    if (emit(x, start, i, TOK_WORD, fl))
        return (size_t)-1;
    return i;
}

int text_tokenize(textdoc *doc, const char *text, size_t len, arena *a,
                  buf *folded)
{
    doc->text = text;
    doc->len = len;
    doc->toks = NULL;
    doc->ntok = 0;
    doc->sents = NULL;
    doc->nsent = 0;
    doc->folded = folded;
    buf_clear(folded);
    if (buf_reserve(folded, len + 16))
        return -1;
    tokctx x = {doc, a, 0, 0};
    src t = {(const unsigned char *)text, len};
    size_t i = 0;
    int newlines = 0;
    while (i < len) {
        /* ASCII spaces, the commonest character, first. */
        if (ascii_cls[t.s[i]] & CL_SPACE) {
            if (t.s[i] == '\n') {
                newlines++;
                x.pending_flags |= TOKF_NL;
                if (newlines >= 2)
                    x.pending_flags |= TOKF_PARA;
            }
            i++;
            continue;
        }
        int k;
        int32_t c = cp_at(t, i, &k);
        if (is_space(c)) {
            if (c == '\n') {
                newlines++;
                x.pending_flags |= TOKF_NL;
                if (newlines >= 2)
                    x.pending_flags |= TOKF_PARA;
            }
            i += (size_t)k;
            continue;
        }
        newlines = 0;
        if (is_digit(c)) {
            size_t e = date_at(t, i);
            if (e) {
                if (emit(&x, i, e, TOK_DATE, 0))
                    return -1;
                i = e;
                continue;
            }
            size_t j = digits(t, i);
            size_t first_group = j - i;
            for (;;) {
                int g = first_group <= 3 ? group_sep(t, j) : 0;
                if (g) {
                    j = j + (size_t)g + 3;
                    continue;
                }
                /* decimals: 3,5 3.5 (not a sentence-final period) */
                if (j + 1 < len && (t.s[j] == ',' || t.s[j] == '.') &&
                    is_digit(t.s[j + 1])) {
                    j = digits(t, j + 1);
                    first_group = 4; /* no groups after a decimal */
                    continue;
                }
                break;
            }
            int k2;
            int32_t nc = cp_at(t, j, &k2);
            if (nc >= 0 && is_alpha(nc)) {
                size_t oe = ordinal_end(t, j);
                if (oe) {
                    if (emit(&x, i, oe, TOK_ORDINAL, 0))
                        return -1;
                    i = oe;
                    continue;
                }
                size_t e2 = scan_word(&x, t, i); /* 14h30, 4x4 */
                if (e2 == (size_t)-1)
                    return -1;
                i = e2;
                continue;
            }
            if (emit(&x, i, j, TOK_NUMBER, 0))
                return -1;
            i = j;
            continue;
        }
        if (is_alpha(c)) {
            size_t e = scan_word(&x, t, i);
            if (e == (size_t)-1)
                return -1;
            i = e;
            continue;
        }
        /* English possessive 's after a word */
        if (is_apos(c) && doc->ntok && i + (size_t)k < len &&
            (t.s[i + (size_t)k] | 32) == 's') {
            int k3;
            int32_t after = cp_at(t, i + (size_t)k + 1, &k3);
            if (after < 0 || !is_alnum(after)) {
                if (emit(&x, i, i + (size_t)k + 1, TOK_WORD, 0))
                    return -1;
                i += (size_t)k + 1;
                continue;
            }
        }
        if (emit(&x, i, i + (size_t)k, TOK_PUNCT, 0))
            return -1;
        i += (size_t)k;
    }
    return 0;
}
