/*
 * json.c — one article from one JSON line.
 *
 * A strict RFC 8259 parser for the one shape veille reads: an object whose
 * members `id url source published lang title text` are strings.  Other
 * members are validated and skipped, whatever they hold.  Strings without
 * escapes are views into the line (no copy); strings with escapes are
 * decoded into the reader's arena.  Every error says what was expected at
 * which column.  (jansson, which did this before, built a tree of copies
 * and took a third of `veille code`'s time; this takes a few percent.)
 */
#include <stdio.h>
#include <string.h>

#include "read.h"

#define MAX_DEPTH 256

static const char *const field_names[VEILLE_F_COUNT_] = {
    "id", "url", "source", "published", "lang", "title", "text"};

typedef struct jp {
    const unsigned char *s;
    size_t n, i;
    arena *mem;
    buf *err;
} jp;

static int fail(jp *p, const char *what)
{
    if (p->i >= p->n)
        set_err(p->err, "malformed JSON at column %zu: %s, found the end of "
                        "the line",
                p->i + 1, what);
    else
        set_err(p->err, "malformed JSON at column %zu: %s, found '%c'",
                p->i + 1, what,
                p->s[p->i] >= 0x20 && p->s[p->i] < 0x7F ? p->s[p->i] : '?');
    return VEILLE_EPARSE;
}

static void ws(jp *p)
{
    /* every JSON whitespace byte is at most ' ': one compare for the
     * byte that ends it, which is nearly every byte asked about */
    while (p->i < p->n && p->s[p->i] <= ' ' &&
           (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' ||
            p->s[p->i] == '\r'))
        p->i++;
}

static int hex4(const unsigned char *h, unsigned *out)
{
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        unsigned c = h[k], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if ((c | 32) >= 'a' && (c | 32) <= 'f')
            d = (c | 32) - 'a' + 10;
        else
            return -1;
        v = v * 16 + d;
    }
    *out = v;
    return 0;
}

/* Moves p->i over plain string bytes: to the next '"', '\\' or control
 * byte, or the end.  Sixteen bytes at a time (SSE2), else eight (a word),
 * then one by one up to the byte that stops. */
static void skip_plain(jp *p)
{
#if defined(__SSE2__)
    while (p->n - p->i >= 16) {
        unsigned m = json_special16(p->s + p->i);
        if (m) {
            p->i += (size_t)__builtin_ctz(m);
            return;
        }
        p->i += 16;
    }
#endif
    while (p->n - p->i >= 8) {
        uint64_t w;
        memcpy(&w, p->s + p->i, 8);
        uint64_t m = json_word_special(w);
        if (m) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            /* the lowest flag is exact: on to the byte that stops */
            p->i += (size_t)__builtin_ctzll(m) / 8;
            return;
#endif
            break;
        }
        p->i += 8;
    }
    while (p->i < p->n && p->s[p->i] != '"' && p->s[p->i] != '\\' &&
           p->s[p->i] >= 0x20)
        p->i++;
}

/* A string at p->i (on the opening quote).  *out views the line, or an
 * arena copy when there were escapes (only if want). */
static int string(jp *p, veille_str *out, int want)
{
    size_t start = ++p->i;
    int escapes = 0;
    for (;;) {
        skip_plain(p);
        if (p->i >= p->n)
            return fail(p, "a string is not closed");
        unsigned char c = p->s[p->i];
        if (c == '"')
            break;
        if (c < 0x20)
            return fail(p, "a control character must be escaped in a string");
        /* an escape */
        escapes = 1;
        if (p->i + 1 >= p->n)
            return fail(p, "an escape is cut");
        unsigned char e = p->s[p->i + 1];
        if (e == 'u') {
            unsigned v;
            if (p->i + 6 > p->n || hex4(p->s + p->i + 2, &v))
                return fail(p, "\\u needs four hex digits");
            p->i += 6;
        } else if (strchr("\"\\/bfnrt", e) && e) {
            p->i += 2;
        } else {
            p->i++;
            return fail(p, "an unknown escape");
        }
    }
    size_t end = p->i++;
    if (!want)
        return 0;
    if (!escapes) {
        *out = (veille_str){(const char *)p->s + start, end - start};
        return 0;
    }
    /* Decode: the result is never longer than the source. */
    char *o = arena_alloc(p->mem, end - start + 1);
    if (!o) {
        set_err(p->err, "out of memory");
        return VEILLE_ENOMEM;
    }
    size_t k = 0;
    for (size_t i = start; i < end;) {
        unsigned char c = p->s[i];
        if (c != '\\') {
            o[k++] = (char)c;
            i++;
            continue;
        }
        unsigned char e = p->s[i + 1];
        i += 2;
        switch (e) {
        case 'b': o[k++] = '\b'; break;
        case 'f': o[k++] = '\f'; break;
        case 'n': o[k++] = '\n'; break;
        case 'r': o[k++] = '\r'; break;
        case 't': o[k++] = '\t'; break;
        case 'u': {
            unsigned v = 0xFFFD, lo;
            hex4(p->s + i, &v); /* checked while scanning */
            i += 4;
            if (v >= 0xD800 && v < 0xDC00 && i + 6 <= end &&
                p->s[i] == '\\' && p->s[i + 1] == 'u' &&
                hex4(p->s + i + 2, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000) {
                v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            } else if (v >= 0xD800 && v < 0xE000) {
                v = 0xFFFD; /* a lone surrogate */
            }
            k += (size_t)utf8_encode((int32_t)v, o + k);
            break;
        }
        default: o[k++] = (char)e; /* " \ / */
        }
    }
    o[k] = '\0';
    *out = (veille_str){o, k};
    return 0;
}

static int value(jp *p, int depth);

static int number(jp *p)
{
    size_t i = p->i;
    const unsigned char *s = p->s;
    if (i < p->n && s[i] == '-')
        i++;
    if (i < p->n && s[i] == '0')
        i++;
    else if (i < p->n && s[i] >= '1' && s[i] <= '9')
        while (i < p->n && s[i] >= '0' && s[i] <= '9')
            i++;
    else {
        p->i = i;
        return fail(p, "a digit was expected");
    }
    if (i < p->n && s[i] == '.') {
        i++;
        if (!(i < p->n && s[i] >= '0' && s[i] <= '9')) {
            p->i = i;
            return fail(p, "a digit was expected after '.'");
        }
        while (i < p->n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (i < p->n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < p->n && (s[i] == '+' || s[i] == '-'))
            i++;
        if (!(i < p->n && s[i] >= '0' && s[i] <= '9')) {
            p->i = i;
            return fail(p, "a digit was expected in the exponent");
        }
        while (i < p->n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    p->i = i;
    return 0;
}

static int literal(jp *p, const char *lit)
{
    size_t l = strlen(lit);
    if (p->n - p->i < l || memcmp(p->s + p->i, lit, l) != 0)
        return fail(p, "a value was expected");
    p->i += l;
    return 0;
}

static int container(jp *p, int depth, int obj)
{
    if (depth > MAX_DEPTH)
        return fail(p, "nested too deeply");
    p->i++;
    ws(p);
    if (p->i < p->n && p->s[p->i] == (obj ? '}' : ']')) {
        p->i++;
        return 0;
    }
    for (;;) {
        int rc;
        if (obj) {
            if (p->i >= p->n || p->s[p->i] != '"')
                return fail(p, "a member name in quotes was expected");
            if ((rc = string(p, NULL, 0)))
                return rc;
            ws(p);
            if (p->i >= p->n || p->s[p->i] != ':')
                return fail(p, "':' was expected after a member name");
            p->i++;
        }
        if ((rc = value(p, depth + 1)))
            return rc;
        ws(p);
        if (p->i < p->n && p->s[p->i] == ',') {
            p->i++;
            ws(p);
            continue;
        }
        if (p->i < p->n && p->s[p->i] == (obj ? '}' : ']')) {
            p->i++;
            return 0;
        }
        return fail(p, obj ? "',' or '}' was expected" : "',' or ']' was expected");
    }
}

static int value(jp *p, int depth)
{
    ws(p);
    if (p->i >= p->n)
        return fail(p, "a value was expected");
    switch (p->s[p->i]) {
    case '"': return string(p, NULL, 0);
    case '{': return container(p, depth, 1);
    case '[': return container(p, depth, 0);
    case 't': return literal(p, "true");
    case 'f': return literal(p, "false");
    case 'n': return literal(p, "null");
    default: return number(p);
    }
}

/* The article field a member name stands for, or -1: told apart by
 * length, then compared with one name (memcmp of a constant length). */
static int field_index(veille_str key)
{
#define IS(lit) (memcmp(key.ptr, lit, sizeof lit - 1) == 0)
    switch (key.len) {
    case 2: return IS("id") ? VEILLE_F_ID : -1;
    case 3: return IS("url") ? VEILLE_F_URL : -1;
    case 4: return IS("text") ? VEILLE_F_TEXT : IS("lang") ? VEILLE_F_LANG : -1;
    case 5: return IS("title") ? VEILLE_F_TITLE : -1;
    case 6: return IS("source") ? VEILLE_F_SOURCE : -1;
    case 9: return IS("published") ? VEILLE_F_PUBLISHED : -1;
    default: return -1;
    }
#undef IS
}

int json_parse_article(const char *line, size_t len, arena *mem,
                       veille_article *art, buf *err)
{
    jp p = {(const unsigned char *)line, len, 0, mem, err};
    for (int f = 0; f < VEILLE_F_COUNT_; f++)
        art->f[f] = (veille_str){"", 0};
    ws(&p);
    if (p.i >= p.n || p.s[p.i] != '{') {
        if (p.i < p.n && (p.s[p.i] == '[' || p.s[p.i] == '"' ||
                          p.s[p.i] == '-' ||
                          (p.s[p.i] >= '0' && p.s[p.i] <= '9') ||
                          p.s[p.i] == 't' || p.s[p.i] == 'f' ||
                          p.s[p.i] == 'n') &&
            value(&p, 0) == 0) {
            ws(&p);
            if (p.i == p.n) {
                set_err(err, "expected a JSON object with the article's "
                             "fields");
                return VEILLE_EPARSE;
            }
        }
        return fail(&p, "'{' was expected");
    }
    p.i++;
    ws(&p);
    if (p.i < p.n && p.s[p.i] == '}')
        p.i++;
    else
        for (;;) {
            int rc;
            veille_str key;
            if (p.i >= p.n || p.s[p.i] != '"')
                return fail(&p, "a member name in quotes was expected");
            if ((rc = string(&p, &key, 1)))
                return rc;
            ws(&p);
            if (p.i >= p.n || p.s[p.i] != ':')
                return fail(&p, "':' was expected after a member name");
            p.i++;
            ws(&p);
            int f = field_index(key);
            if (f >= 0 && p.i < p.n && p.s[p.i] == '"') {
                if ((rc = string(&p, &art->f[f], 1)))
                    return rc;
            } else if (f >= 0 && p.i < p.n && p.s[p.i] == 'n') {
                if ((rc = literal(&p, "null")))
                    return rc;
                art->f[f] = (veille_str){"", 0};
            } else if (f == VEILLE_F_ID && p.i < p.n &&
                       (p.s[p.i] == '-' ||
                        (p.s[p.i] >= '0' && p.s[p.i] <= '9'))) {
                size_t st = p.i;
                if ((rc = number(&p)))
                    return rc;
                art->f[f] = (veille_str){line + st, p.i - st};
            } else if (f >= 0) {
                if ((rc = value(&p, 1)))
                    return rc;
                set_err(err, "field \"%s\" must be a string",
                        field_names[f]);
                return VEILLE_EPARSE;
            } else if ((rc = value(&p, 1))) {
                return rc;
            }
            ws(&p);
            if (p.i < p.n && p.s[p.i] == ',') {
                p.i++;
                ws(&p);
                continue;
            }
            if (p.i < p.n && p.s[p.i] == '}') {
                p.i++;
                break;
            }
            return fail(&p, "',' or '}' was expected");
        }
    ws(&p);
    if (p.i != p.n)
        return fail(&p, "nothing may follow the object on its line");
    return VEILLE_OK;
}
