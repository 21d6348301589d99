/*
 * utf8.c — the normalize stage: UTF-8 validation with replacement, NFC, and
 * the folded form used for matching (see text.h).
 */
#include <stdatomic.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"

int utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    if (c < 0xC2)
        return 0; /* continuation byte or overlong 2-byte lead */
    if (c < 0xE0) {
        if (n < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        *cp = (int32_t)(((c & 0x1F) << 6) | (s[1] & 0x3F));
        return 2;
    }
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0)
            return 0; /* overlong */
        if (c == 0xED && s[1] >= 0xA0)
            return 0; /* surrogate */
        *cp = (int32_t)(((c & 0x0F) << 12) | ((s[1] & 0x3Fu) << 6) |
                        (s[2] & 0x3F));
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90)
            return 0; /* overlong */
        if (c == 0xF4 && s[1] >= 0x90)
            return 0; /* past U+10FFFF */
        *cp = (int32_t)(((c & 0x07) << 18) | ((s[1] & 0x3Fu) << 12) |
                        ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3F));
        return 4;
    }
    return 0;
}

int utf8_encode(int32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Length of the valid prefix of s; stops at the first invalid byte. */
static size_t valid_prefix(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* ASCII eight bytes at a time. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (!k)
            return i;
        i += (size_t)k;
    }
    return n;
}

long text_clean_utf8(const char *s, size_t n, arena *a, const char **out,
                     size_t *out_len, text_badbyte_fn bad, void *user)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = valid_prefix(u, n);
    if (i == n) {
        *out = s;
        *out_len = n;
        return 0;
    }
    /* At most 3 output bytes per input byte. */
    if (n > (SIZE_MAX - 1) / 3)
        return -1;
    char *o = arena_alloc(a, n * 3 + 1);
    if (!o)
        return -1;
    memcpy(o, s, i);
    size_t olen = i;
    long nbad = 0;
    while (i < n) {
        int32_t cp;
        int k = utf8_decode(u + i, n - i, &cp);
        if (k) {
            memcpy(o + olen, s + i, (size_t)k);
            olen += (size_t)k;
            i += (size_t)k;
            continue;
        }
        if (bad)
            bad(user, i, u[i]);
        nbad++;
        olen += (size_t)utf8_encode(0xFFFD, o + olen);
        i++;
    }
    o[olen] = '\0';
    *out = o;
    *out_len = olen;
    return nbad;
}

/* Could this code point change under NFC (a combining mark, a character
 * that composes with a neighbour, or one NFC replaces)?  Everything below
 * U+0300 is stable, so French and English text is checked at memory speed. */
static int nfc_sensitive(int32_t cp)
{
    if (cp < 0x300)
        return 0;
    if (cp >= 0x1100 && cp < 0x1200)
        return 1; /* conjoining Hangul jamo */
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->combining_class || p->comb_index != UINT16_MAX || p->comp_exclusion)
        return 1;
    if (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0)
        return 1; /* canonical singleton/decomposition */
    return 0;
}

int text_nfc(const char *s, size_t n, arena *a, const char **out,
             size_t *out_len)
{
    const unsigned char *u = (const unsigned char *)s;
    int need = 0;
    for (size_t i = 0; i < n;) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        int k = utf8_decode(u + i, n - i, &cp);
        if (!k) {
            i++;
            continue;
        }
        if (nfc_sensitive(cp)) {
            need = 1;
            break;
        }
        i += (size_t)k;
    }
    if (!need) {
        *out = s;
        *out_len = n;
        return 0;
    }
    utf8proc_uint8_t *r = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s,
                                      (utf8proc_ssize_t)n, &r,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (m < 0) {
        /* Cannot happen on valid UTF-8 short of memory: keep the text. */
        *out = s;
        *out_len = n;
        return m == UTF8PROC_ERROR_NOMEM ? -1 : 0;
    }
    char *c = arena_strndup(a, (const char *)r, (size_t)m);
    free(r);
    if (!c)
        return -1;
    *out = c;
    *out_len = (size_t)m;
    return 0;
}

#define FOLD_OPTS                                                           \
    (UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |             \
     UTF8PROC_LUMP | UTF8PROC_DECOMPOSE | UTF8PROC_IGNORE)

/* The folded form of one code point, as UTF-8 in out (64 bytes room);
 * returns its length in bytes (0: the character folds to nothing). */
static int fold_cp(int32_t cp, char *out)
{
    utf8proc_int32_t dec[16];
    utf8proc_ssize_t nd;
    int last = 0;
    if (cp == 0x152 || cp == 0x153) { /* Œ œ */
        dec[0] = 'o';
        dec[1] = 'e';
        nd = 2;
    } else if (cp == 0xC6 || cp == 0xE6) { /* Æ æ */
        dec[0] = 'a';
        dec[1] = 'e';
        nd = 2;
    } else if (cp == 0x2BC || cp == 0x2018 || cp == 0x2019 || cp == 0x2032 ||
               cp == 0x60 || cp == 0xB4) {
        dec[0] = '\'';
        nd = 1;
    } else {
        nd = utf8proc_decompose_char(cp, dec, 16, FOLD_OPTS, &last);
        if (nd < 0 || nd > 16) {
            dec[0] = cp;
            nd = 1;
        }
    }
    int len = 0;
    for (utf8proc_ssize_t j = 0; j < nd; j++)
        len += utf8_encode(dec[j], out + len);
    return len;
}

/* Folded forms of the code points below U+0800 (accented letters) and of
 * U+2000–U+20FF (quotes, dashes), made by fold_cp the first time each is
 * met in the process: the bytes from bit 8 up, the length in bits 0–6, bit
 * 7 set once known.  Threads that meet a character together store the
 * same word; a relaxed atomic keeps that well defined. */
#define MEMO_LOW 0x800
#define MEMO_PUNCT 0x2000
static _Atomic uint64_t fold_memo[MEMO_LOW + 0x100];

/* The memo's slot for cp, or NULL when it has none. */
static _Atomic uint64_t *memo_slot(int32_t cp)
{
    if (cp >= 0 && cp < MEMO_LOW)
        return &fold_memo[cp];
    if (cp >= MEMO_PUNCT && cp < MEMO_PUNCT + 0x100)
        return &fold_memo[MEMO_LOW + (cp - MEMO_PUNCT)];
    return NULL;
}

/* fold_cp through the memo. */
static int fold_cp_memo(int32_t cp, char *out)
{
    _Atomic uint64_t *slot = memo_slot(cp);
    if (!slot)
        return fold_cp(cp, out);
    uint64_t v = atomic_load_explicit(slot, memory_order_relaxed);
    if (v & 0x80) {
        int len = (int)(v & 0x7F);
        for (int i = 0; i < len; i++)
            out[i] = (char)(v >> (8 * (i + 1)));
        return len;
    }
    int len = fold_cp(cp, out);
    if (len <= 7) {
        v = 0x80 | (uint64_t)len;
        for (int i = 0; i < len; i++)
            v |= (uint64_t)(unsigned char)out[i] << (8 * (i + 1));
        atomic_store_explicit(slot, v, memory_order_relaxed);
    }
    return len;
}

void text_fold(const char *s, size_t n, buf *out, buf *map, uint32_t base)
{
    const unsigned char *u = (const unsigned char *)s;
    if (buf_reserve(out, n + 8))
        return;
    for (size_t i = 0; i < n;) {
        unsigned c = u[i];
        if (c < 0x80 && !map) {
            /* ASCII run: lower-cased straight into the buffer. */
            if (buf_reserve(out, n - i))
                return;
            char *o = out->ptr + out->len;
            size_t j = i;
            for (; j < n && u[j] < 0x80; j++)
                *o++ = (char)(u[j] >= 'A' && u[j] <= 'Z' ? u[j] + 32 : u[j]);
            out->len += j - i;
            out->ptr[out->len] = '\0';
            i = j;
            continue;
        }
        if (c < 0x80) {
            char f = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            buf_putc(out, f);
            uint32_t off = base + (uint32_t)i;
            buf_put(map, &off, sizeof off);
            i++;
            continue;
        }
        int32_t cp;
        int k = utf8_decode(u + i, n - i, &cp);
        if (!k) {
            cp = 0xFFFD;
            k = 1;
        }
        char enc[64];
        int el = fold_cp_memo(cp, enc);
        buf_put(out, enc, (size_t)el);
        if (map) {
            uint32_t off = base + (uint32_t)i;
            for (int q = 0; q < el; q++)
                buf_put(map, &off, sizeof off);
        }
        i += (size_t)k;
    }
}
