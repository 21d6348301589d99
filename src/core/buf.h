/*
 * buf.h — an owning, growable byte buffer (the counterpart of veille_str,
 * which only views).  Used to build output lines and error messages.
 */
#ifndef VEILLE_CORE_BUF_H
#define VEILLE_CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct buf {
    char *ptr; /* NUL-terminated when len > 0 or after buf_cstr() */
    size_t len;
    size_t cap;
    int oom; /* set once an allocation failed; later appends do nothing */
} buf;

#define BUF_INIT {NULL, 0, 0, 0}

int buf_grow(buf *b, size_t extra);
void buf_put_slow(buf *b, const void *p, size_t n);

/* Makes room for extra more bytes and a NUL: 0, or -1 when out of memory
 * (oom is then set).  Inline while there is room, which is nearly always
 * (the tokenizer reserves for every token). */
static inline int buf_reserve(buf *b, size_t extra)
{
    if (b->cap - b->len > extra && !b->oom)
        return 0;
    return buf_grow(b, extra);
}

/* Appends n bytes; inline while they fit, which is nearly always. */
static inline void buf_put(buf *b, const void *p, size_t n)
{
    if (b->cap - b->len > n && !b->oom) {
        memcpy(b->ptr + b->len, p, n);
        b->len += n;
        b->ptr[b->len] = '\0';
    } else {
        buf_put_slow(b, p, n);
    }
}

static inline void buf_putc(buf *b, char c) { buf_put(b, &c, 1); }
void buf_puts(buf *b, const char *s);
void buf_printf(buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(buf *b, const char *fmt, va_list ap);
/* Appends s as the contents of a JSON string, with the quotes. */
void buf_json_str(buf *b, const char *s, size_t n);
/* Writes the n bytes of s to o escaped for the inside of a JSON string
 * (no quotes): '"', '\\' and the control bytes are escaped, every other
 * byte (UTF-8 included) is copied.  o must have room for JSON_ESC_MAX(n)
 * bytes.  Returns the end of what was written.  buf_json_str and the event
 * writer (event.c), which reserves once per event, share it. */
char *json_escape(char *o, const char *s, size_t n);
#define JSON_ESC_MAX(n) ((n) * 6) /* every byte a \u00XX */

/* Non-zero when one of the eight bytes of w (any byte order) is below
 * 0x20, '"' or '\\': the bytes a JSON string escapes, and those that
 * stop the reader's scan of one.  The classic "has a byte less than 0x20"
 * test on w and "has a zero byte" tests on w ^ '"' and w ^ '\\', sharing
 * their last step (the three words have the same high bits, as '"' and
 * '\\' are ASCII).  Exact as to whether there is such a byte, not as to
 * which: a caller that needs to know looks at the eight bytes. */
static inline uint64_t json_word_special(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull;
    uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
    return ((w - ones * 0x20) | (q - ones) | (b - ones)) & ~w &
           (ones * 0x80);
}
#if defined(__SSE2__)
#include <emmintrin.h>
/* Sixteen bytes at a time where SSE2 is there (every x86-64): bit i of
 * the result is set when byte i of p[0..16) is below 0x20, '"' or
 * '\\'. */
static inline unsigned json_special16(const void *p)
{
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
    __m128i q = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    __m128i b = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(ctl, _mm_or_si128(q, b)));
}
#endif
const char *buf_cstr(buf *b);
void buf_clear(buf *b);
void buf_free(buf *b);

#endif
