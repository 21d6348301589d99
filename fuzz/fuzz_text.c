/*
 * fuzz_text.c — libFuzzer target for the normalize and segment stages:
 * text_clean_utf8, text_nfc, text_tokenize, text_sentences,
 * text_guess_lang and text_fold (with its offset map), on any bytes.
 *
 * Invariants checked (__builtin_trap() on violation):
 *   - clean: the count returned equals the bad bytes reported, each at an
 *     offset inside the input and increasing; the output is valid UTF-8;
 *     with no bad byte it is the input itself;
 *   - nfc: valid UTF-8 in, valid UTF-8 out; NFC of NFC is the same text;
 *   - tokens: non-empty, inside the text, increasing and not overlapping;
 *     folded spans inside the folded buffer, in order;
 *   - sentences: non-empty, in order, covering every token exactly once,
 *     each token's `sent` naming its sentence, each span running from its
 *     first token's start to its last token's end;
 *   - language: "fr" or "en";
 *   - fold with a map: one map entry per folded byte, each an offset
 *     (plus base) inside the input, never decreasing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

#define CHECK(cond)                                                         \
    do {                                                                    \
        if (!(cond))                                                        \
            __builtin_trap();                                               \
    } while (0)

typedef struct {
    long n;
    size_t last;
    size_t len;
} bad_state;

static void on_bad(void *user, size_t off, unsigned byte)
{
    bad_state *st = user;
    CHECK(off < st->len);
    CHECK(byte <= 0xFF);
    CHECK(st->n == 0 || off > st->last);
    st->last = off;
    st->n++;
}

static int valid_utf8(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int k = utf8_decode(u + i, n - i, &cp);
        if (!k)
            return 0;
        i += (size_t)k;
    }
    return 1;
}

static void check_doc(const textdoc *d, const char *text, size_t len)
{
    CHECK(d->text == text && d->len == len);
    const buf *f = d->folded;
    size_t prev_end = 0, prev_fend = 0;
    for (size_t i = 0; i < d->ntok; i++) {
        const token *t = &d->toks[i];
        CHECK(t->len > 0);
        CHECK((size_t)t->off + t->len <= len);
        CHECK(t->off >= prev_end);
        CHECK(t->foff >= prev_fend);
        CHECK((size_t)t->foff + t->flen <= f->len);
        CHECK(t->kind <= TOK_PUNCT);
        prev_end = (size_t)t->off + t->len;
        prev_fend = (size_t)t->foff + t->flen;
        /* The abbreviation lookup takes any folded bytes. */
        (void)text_is_abbrev(tok_fold(d, t), t->flen);
    }
}

static void check_sentences(const textdoc *d)
{
    if (d->ntok == 0) {
        CHECK(d->nsent == 0);
        return;
    }
    CHECK(d->nsent > 0 && d->nsent <= d->ntok);
    size_t next = 0;
    for (size_t s = 0; s < d->nsent; s++) {
        const sentence *st = &d->sents[s];
        CHECK(st->count > 0);
        CHECK(st->first == next);
        CHECK((size_t)st->first + st->count <= d->ntok);
        const token *a = &d->toks[st->first];
        const token *z = &d->toks[st->first + st->count - 1];
        CHECK(st->off == a->off);
        CHECK((size_t)st->off + st->len == (size_t)z->off + z->len);
        CHECK((size_t)st->off + st->len <= d->len);
        for (size_t k = st->first; k < (size_t)st->first + st->count; k++)
            CHECK(d->toks[k].sent == s);
        next = (size_t)st->first + st->count;
    }
    CHECK(next == d->ntok);
}

static void check_fold(const char *s, size_t n, uint32_t base)
{
    buf out = BUF_INIT, map = BUF_INIT;
    text_fold(s, n, &out, &map, base);
    if (!out.oom && !map.oom) {
        CHECK(map.len == out.len * sizeof(uint32_t));
        uint32_t prev = base;
        for (size_t i = 0; i < out.len; i++) {
            uint32_t o;
            memcpy(&o, map.ptr + i * sizeof o, sizeof o);
            CHECK(o >= base && (size_t)(o - base) < n);
            CHECK(o >= prev);
            prev = o;
        }
        /* Folding is case- and accent-blind: the folded form of valid
         * text has no ASCII capital left. */
        for (size_t i = 0; i < out.len; i++)
            CHECK(!(out.ptr[i] >= 'A' && out.ptr[i] <= 'Z'));
    }
    buf_free(&out);
    buf_free(&map);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > UINT32_MAX / 8)
        return 0;
    const char *in = (const char *)data;
    arena a;
    arena_init(&a, 16 * 1024);
    buf folded = BUF_INIT;

    /* 1. UTF-8 */
    const char *clean;
    size_t clen;
    bad_state bs = {0, 0, size};
    long nbad = text_clean_utf8(in, size, &a, &clean, &clen, on_bad, &bs);
    if (nbad < 0)
        goto out;
    CHECK(nbad == bs.n);
    CHECK(nbad > 0 || (clean == in && clen == size));
    CHECK(valid_utf8(clean, clen));
    CHECK(clen <= size * 3);

    /* 2. NFC, and NFC again changes nothing */
    const char *nfc;
    size_t nlen;
    if (text_nfc(clean, clen, &a, &nfc, &nlen))
        goto out;
    CHECK(valid_utf8(nfc, nlen));
    const char *nfc2;
    size_t nlen2;
    if (text_nfc(nfc, nlen, &a, &nfc2, &nlen2))
        goto out;
    CHECK(nlen2 == nlen && memcmp(nfc2, nfc, nlen) == 0);

    /* 3–4. tokens and sentences */
    textdoc doc;
    if (text_tokenize(&doc, nfc, nlen, &a, &folded))
        goto out;
    check_doc(&doc, nfc, nlen);
    if (text_sentences(&doc, &a))
        goto out;
    check_sentences(&doc);

    /* 5. language */
    const char *lang = text_guess_lang(&doc);
    CHECK(lang && (strcmp(lang, "fr") == 0 || strcmp(lang, "en") == 0));

    /* Fold with a map: on the normalized text, and on the raw bytes (the
     * folder must also take invalid UTF-8). */
    check_fold(nfc, nlen, 0);
    check_fold(in, size, size & 1 ? 1000u : 0u);

out:
    buf_free(&folded);
    arena_free(&a);
    return 0;
}
