/*
 * fuzz_code.c — libFuzzer target for the whole coder through the public
 * API: one veille_ctx loaded once from the test dictionary, then for each
 * input an article (veille_article_new/set), veille_code, and every event
 * out as JSON.
 *
 * The dictionary is tests/fixtures/dict, relative to the repository root
 * (fuzz/run.sh runs from there); when that is not found, the path is tried
 * relative to the binary (build/fuzz/fuzz_code → ../../tests/fixtures/dict).
 * The test dictionary holds only triggers and hedges, so a second context
 * is loaded from the project's data/ (numbers, months, casualties, actors…
 * that the date, number and actor readers need) when it loads; if it does
 * not, only the test dictionary is used and a note says so.
 *
 * The input is the article's text.  Its length picks the rest, so that a
 * crash replays from the input alone: size % 4 says whether the article's
 * `lang` is absent, "fr" or "en", or the options override it with "en";
 * odd lengths also set a title (the text's first line), a source and a
 * publication date; bit 2 of the length picks data/ over the test
 * dictionary.
 *
 * Invariants checked (__builtin_trap() on violation): veille_code succeeds
 * on any text under the size limit; the coded language is fr or en; each
 * event's JSON is one valid JSON object (RFC 8259, UTF-8 — checked by a
 * small validator here, independent of the library's own parser) with an
 * "evidence" member; its sentence and evidence spans have the offsets they
 * claim and lie in the same text.
 */
#include <libgen.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "veille.h"

#define CHECK(cond)                                                         \
    do {                                                                    \
        if (!(cond))                                                        \
            __builtin_trap();                                               \
    } while (0)

/* [0]: tests/fixtures/dict, always; [1]: the project's data/, when it
 * loads (it is edited by hand and may be broken for a while). */
static veille_ctx *ctx[2];
static veille_coder *coder[2];
static int nctx;
static char *json;
static size_t json_cap;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void cleanup(void)
{
    for (int i = 0; i < nctx; i++) {
        veille_coder_free(coder[i]);
        veille_ctx_free(ctx[i]);
    }
    free(json);
}

/* Loads dict (relative to the repository root, or else to the binary in
 * build/fuzz/) as context number nctx. */
static int try_load(const char *dict, const char *self)
{
    char path[PATH_MAX + 64];
    char index[PATH_MAX + 80];
    snprintf(path, sizeof path, "%s", dict);
    snprintf(index, sizeof index, "%s/index.txt", path);
    if (access(index, R_OK) != 0) {
        char tmp[PATH_MAX];
        snprintf(tmp, sizeof tmp, "%s", self);
        snprintf(path, sizeof path, "%s/../../%s", dirname(tmp), dict);
    }
    veille_options o = {path, NULL};
    veille_ctx *c = NULL;
    int rc = veille_ctx_new(&c, &o);
    if (rc == VEILLE_OK && veille_coder_new(&coder[nctx], c) == VEILLE_OK) {
        ctx[nctx++] = c;
        return 0;
    }
    fprintf(stderr, "fuzz_code: cannot load %s: %s\n", path,
            veille_errmsg(c));
    veille_ctx_free(c);
    return -1;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *self = *argc > 0 && (*argv)[0] ? (*argv)[0] : ".";
    if (try_load("tests/fixtures/dict", self)) {
        fprintf(stderr, "fuzz_code: run from the repository root\n");
        abort();
    }
    if (try_load("data", self))
        fprintf(stderr, "fuzz_code: data/ does not load: fuzzing with "
                        "tests/fixtures/dict only\n");
    atexit(cleanup);
    return 0;
}

/* Reads every byte of a view, so that ASan checks its bounds. */
static volatile unsigned sink;
static void touch(veille_str s)
{
    CHECK(!s.len || s.ptr);
    for (size_t i = 0; i < s.len; i++)
        sink += (unsigned char)s.ptr[i];
}

/* ---- a strict JSON validator (RFC 8259 with UTF-8), for the oracle ---- */

typedef struct {
    const unsigned char *s;
    size_t n, i;
    int depth;
} jv;

static void jv_ws(jv *v)
{
    while (v->i < v->n && (v->s[v->i] == ' ' || v->s[v->i] == '\t' ||
                           v->s[v->i] == '\n' || v->s[v->i] == '\r'))
        v->i++;
}

/* One UTF-8 sequence at v->i (well-formed: no overlong form, surrogate,
 * or code point past U+10FFFF). */
static int jv_utf8(jv *v)
{
    const unsigned char *s = v->s + v->i;
    size_t left = v->n - v->i;
    unsigned c = s[0];
    size_t k;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        k = 1;
    else if (c >= 0xC2 && c <= 0xDF)
        k = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        k = 3;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else
        return -1;
    if (left < k)
        return -1;
    for (size_t j = 1; j < k; j++) {
        unsigned b = s[j];
        if (j == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF))
            return -1;
    }
    v->i += k;
    return 0;
}

static int jv_string(jv *v)
{
    v->i++; /* the opening quote */
    for (;;) {
        if (v->i >= v->n)
            return -1;
        unsigned c = v->s[v->i];
        if (c == '"') {
            v->i++;
            return 0;
        }
        if (c < 0x20)
            return -1;
        if (c == '\\') {
            if (v->i + 1 >= v->n)
                return -1;
            unsigned e = v->s[v->i + 1];
            if (e == 'u') {
                if (v->i + 6 > v->n)
                    return -1;
                for (int k = 2; k < 6; k++) {
                    unsigned h = v->s[v->i + (size_t)k];
                    if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') ||
                          (h >= 'A' && h <= 'F')))
                        return -1;
                }
                v->i += 6;
            } else if (e && strchr("\"\\/bfnrt", (int)e)) {
                v->i += 2;
            } else {
                return -1;
            }
            continue;
        }
        if (jv_utf8(v))
            return -1;
    }
}

static int jv_value(jv *v);

static int jv_container(jv *v, char close)
{
    if (++v->depth > 64)
        return -1;
    v->i++;
    jv_ws(v);
    if (v->i < v->n && v->s[v->i] == (unsigned char)close) {
        v->i++;
        v->depth--;
        return 0;
    }
    for (;;) {
        jv_ws(v);
        if (close == '}') {
            if (v->i >= v->n || v->s[v->i] != '"' || jv_string(v))
                return -1;
            jv_ws(v);
            if (v->i >= v->n || v->s[v->i] != ':')
                return -1;
            v->i++;
        }
        if (jv_value(v))
            return -1;
        jv_ws(v);
        if (v->i < v->n && v->s[v->i] == ',') {
            v->i++;
            continue;
        }
        if (v->i < v->n && v->s[v->i] == (unsigned char)close) {
            v->i++;
            v->depth--;
            return 0;
        }
        return -1;
    }
}

static int jv_digits(jv *v)
{
    size_t st = v->i;
    while (v->i < v->n && v->s[v->i] >= '0' && v->s[v->i] <= '9')
        v->i++;
    return v->i > st ? 0 : -1;
}

static int jv_number(jv *v)
{
    if (v->i < v->n && v->s[v->i] == '-')
        v->i++;
    if (v->i < v->n && v->s[v->i] == '0')
        v->i++;
    else if (v->i >= v->n || v->s[v->i] < '1' || v->s[v->i] > '9' ||
             jv_digits(v))
        return -1;
    if (v->i < v->n && v->s[v->i] == '.') {
        v->i++;
        if (jv_digits(v))
            return -1;
    }
    if (v->i < v->n && (v->s[v->i] == 'e' || v->s[v->i] == 'E')) {
        v->i++;
        if (v->i < v->n && (v->s[v->i] == '+' || v->s[v->i] == '-'))
            v->i++;
        if (jv_digits(v))
            return -1;
    }
    return 0;
}

static int jv_lit(jv *v, const char *lit)
{
    size_t l = strlen(lit);
    if (v->n - v->i < l || memcmp(v->s + v->i, lit, l) != 0)
        return -1;
    v->i += l;
    return 0;
}

static int jv_value(jv *v)
{
    jv_ws(v);
    if (v->i >= v->n)
        return -1;
    switch (v->s[v->i]) {
    case '{': return jv_container(v, '}');
    case '[': return jv_container(v, ']');
    case '"': return jv_string(v);
    case 't': return jv_lit(v, "true");
    case 'f': return jv_lit(v, "false");
    case 'n': return jv_lit(v, "null");
    default: return jv_number(v);
    }
}

/* Is s one JSON object and nothing else?  Returns the column of the first
 * error (1-based), or 0. */
static size_t json_object_check(const char *s, size_t n)
{
    jv v = {(const unsigned char *)s, n, 0, 0};
    jv_ws(&v);
    if (v.i >= n || s[v.i] != '{' || jv_value(&v))
        return v.i + 1;
    jv_ws(&v);
    return v.i == n ? 0 : v.i + 1;
}

static const char *const evidence_fields[] = {
    "sub_event_type", "certainty", "event_date", "actor1", "actor2",
    "location",       "fatalities", "claimant",  "notes"};

static void check_event(const veille_event *e)
{
    size_t soff = 0;
    veille_str sent = veille_event_sentence(e, &soff);
    touch(sent);
    /* The sentence is a span of the normalized text: text = ptr - off. */
    const char *text = sent.ptr - soff;
    for (size_t i = 0; i < sizeof evidence_fields / sizeof *evidence_fields;
         i++) {
        veille_str ev;
        size_t off = 0;
        if (!veille_event_evidence(e, evidence_fields[i], &ev, &off))
            continue;
        CHECK(ev.ptr == text + off);
        touch(ev);
    }
    touch(veille_event_str(e, "article_id"));
    touch(veille_event_str(e, "event_id_cnty"));
    touch(veille_event_str(e, "sub_event_type"));
    (void)veille_event_int(e, "fatalities");
    (void)veille_event_int(e, "year");
    CHECK(veille_event_str(e, "no such field").len == 0);

    size_t len = 0;
    CHECK(veille_event_to_json(e, &json, &len, &json_cap) == VEILLE_OK);
    size_t col = json_object_check(json, len);
    if (col) {
        fprintf(stderr, "fuzz_code: invalid JSON at column %zu: %.*s\n", col,
                (int)(len > 2000 ? 2000 : len), json);
        __builtin_trap();
    }
    CHECK(memmem(json, len, "\"evidence\":{", 12) != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    veille_article *a;
    if (veille_article_new(&a))
        return 0;
    const char *text = (const char *)data;
    int mode = (int)(size % 4);
    veille_code_options opts = {NULL, NULL};
    if (veille_article_set(a, VEILLE_F_ID, "fuzz", 4) ||
        veille_article_set(a, VEILLE_F_TEXT, text, size))
        goto out;
    if (mode == 1)
        veille_article_set(a, VEILLE_F_LANG, "fr", 2);
    else if (mode == 2)
        veille_article_set(a, VEILLE_F_LANG, "en", 2);
    else if (mode == 3) {
        veille_article_set(a, VEILLE_F_LANG, "fr", 2);
        opts.lang = "en";
    }
    if (size & 1) {
        const char *nl = memchr(text, '\n', size);
        size_t tlen = nl ? (size_t)(nl - text) : size;
        veille_article_set(a, VEILLE_F_TITLE, text, tlen);
        veille_article_set(a, VEILLE_F_SOURCE, "Le Fuzz \"quotidien\"", 19);
        veille_article_set(a, VEILLE_F_PUBLISHED, "2023-11-08", 10);
        opts.published = "2023-11-09";
    }

    /* Every other length step codes with the real dictionaries. */
    veille_coder *c = coder[nctx > 1 ? (size >> 2) & 1 : 0];
    int rc = veille_code(c, a, &opts);
    CHECK(rc == VEILLE_OK);
    const char *lang = veille_coded_lang(c);
    CHECK(lang && (strcmp(lang, "fr") == 0 || strcmp(lang, "en") == 0));
    if (opts.lang)
        CHECK(strcmp(lang, opts.lang) == 0);
    for (size_t i = 0; i < veille_warning_count(c); i++) {
        const char *w = veille_warning_at(c, i);
        CHECK(w != NULL);
        sink += (unsigned)strlen(w);
    }
    size_t n = veille_event_count(c);
    for (size_t i = 0; i < n; i++) {
        const veille_event *e = veille_event_at(c, i);
        CHECK(e != NULL);
        check_event(e);
    }
    CHECK(veille_event_at(c, n) == NULL);
out:
    veille_article_free(a);
    return 0;
}
