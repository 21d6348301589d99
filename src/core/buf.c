/*
 * buf.c — growable byte buffer (see buf.h).
 */
#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* buf_reserve's slow path: grows the buffer, doubling it. */
int buf_grow(buf *b, size_t extra)
{
    if (b->oom)
        return -1;
    if (b->cap - b->len > extra)
        return 0;
    size_t need = b->len + extra + 1;
    if (need < b->len) {
        b->oom = 1;
        return -1;
    }
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap * 2 > cap ? cap * 2 : need;
    char *p = realloc(b->ptr, cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->ptr = p;
    b->cap = cap;
    return 0;
}

void buf_put_slow(buf *b, const void *p, size_t n)
{
    if (buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->ptr + b->len, p, n);
    b->len += n;
    b->ptr[b->len] = '\0';
}

void buf_puts(buf *b, const char *s) { buf_put(b, s, strlen(s)); }

void buf_vprintf(buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0 || buf_reserve(b, (size_t)n))
        return;
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

/* ---- JSON string escaping --------------------------------------------
 *
 * Output is nearly all plain text, so the escaper looks at sixteen bytes
 * at a time (SSE2, json_special16 in buf.h), else eight (one 64-bit word,
 * json_word_special): a block with no byte to escape is stored as it is;
 * only a block that holds one goes byte by byte through json_esc. */

/* What a byte becomes inside a JSON string: 0 for itself, else the
 * letter after the backslash ('u' for the \u00XX form).  \b and \f take
 * the \u form, as veille always wrote them. */
#define U4 'u', 'u', 'u', 'u'
static const unsigned char json_esc[256] = {
    U4, U4,                           /* 0x00-0x07 */
    'u', 't', 'n', 'u', 'u', 'r', 'u', 'u', /* \b \t \n \v \f \r … */
    U4, U4, U4, U4,                   /* 0x10-0x1F */
    ['"'] = '"', ['\\'] = '\\'};
#undef U4

static inline char *escape_byte(char *o, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char e = json_esc[c];
    if (!e) {
        *o++ = (char)c;
        return o;
    }
    *o++ = '\\';
    *o++ = (char)e;
    if (e == 'u') {
        memcpy(o, "00", 2);
        o[2] = hex[c >> 4];
        o[3] = hex[c & 15];
        o += 4;
    }
    return o;
}

#if defined(__SSE2__)
/* Sixteen bytes at a time, as escape_8 does eight, while sixteen are left;
 * then, when the string's last sixteen need no escape, the rest is written
 * by storing them again (see escape_8).  *done: how many bytes of s were
 * written; what is left is fewer than sixteen. */
static char *escape_16(char *o, const char *s, size_t n, size_t *done)
{
    size_t i = 0;
    while (n - i >= 16) {
        if (json_special16(s + i)) {
            for (size_t end = i + 16; i < end; i++)
                o = escape_byte(o, (unsigned char)s[i]);
        } else {
            memcpy(o, s + i, 16);
            o += 16;
            i += 16;
        }
    }
    if (i < n && !json_special16(s + n - 16)) {
        memcpy(o - (16 - (n - i)), s + n - 16, 16);
        o += n - i;
        i = n;
    }
    *done = i;
    return o;
}
#endif

/* A string of 8 bytes or more, word by word; a word that holds a byte to
 * escape goes byte by byte. */
static char *escape_8(char *o, const char *s, size_t n)
{
    size_t i = 0;
    uint64_t w;
    while (n - i >= 8) {
        memcpy(&w, s + i, 8);
        if (json_word_special(w)) {
            for (size_t end = i + 8; i < end; i++)
                o = escape_byte(o, (unsigned char)s[i]);
        } else {
            memcpy(o, &w, 8);
            o += 8;
            i += 8;
        }
    }
    if (i == n)
        return o;
    /* A tail of 1 to 7 bytes.  When the string's last eight bytes need no
     * escape, the bytes before the tail among them were copied as they are
     * and are the last ones written: storing that word again over them
     * writes the tail in one go. */
    memcpy(&w, s + n - 8, 8);
    if (!json_word_special(w)) {
        memcpy(o - (8 - (n - i)), &w, 8);
        return o + (n - i);
    }
    for (; i < n; i++)
        o = escape_byte(o, (unsigned char)s[i]);
    return o;
}

char *json_escape(char *o, const char *s, size_t n)
{
#if defined(__SSE2__)
    if (n >= 16) {
        size_t done;
        o = escape_16(o, s, n, &done);
        s += done; /* fewer than 16 bytes left: a string of their own */
        n -= done;
    }
#endif
    if (n >= 8)
        return escape_8(o, s, n);
    if (n >= 4) {
        /* Two 4-byte halves that overlap when n < 8, tested as one word. */
        uint32_t a, z;
        memcpy(&a, s, 4);
        memcpy(&z, s + n - 4, 4);
        if (!json_word_special((uint64_t)z << 32 | a)) {
            memcpy(o, &a, 4);
            memcpy(o + n - 4, &z, 4);
            return o + n;
        }
    }
    for (size_t i = 0; i < n; i++)
        o = escape_byte(o, (unsigned char)s[i]);
    return o;
}

void buf_json_str(buf *b, const char *s, size_t n)
{
    if (buf_reserve(b, JSON_ESC_MAX(n) + 2))
        return;
    char *o = b->ptr + b->len;
    *o++ = '"';
    o = json_escape(o, s, n);
    *o++ = '"';
    b->len = (size_t)(o - b->ptr);
    b->ptr[b->len] = '\0';
}

const char *buf_cstr(buf *b)
{
    if (!b->ptr) {
        if (buf_reserve(b, 0))
            return "";
        b->ptr[0] = '\0';
    }
    return b->ptr;
}

void buf_clear(buf *b)
{
    b->len = 0;
    if (b->ptr)
        b->ptr[0] = '\0';
}

void buf_free(buf *b)
{
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}
