/*
 * fuzz_geonames.c — libFuzzer target for the gazetteer importer and the
 * index reader (src/geo/).
 *
 * Each input is imported twice, into a private folder made once with
 * mkdtemp:
 *   1. as a main table named ML.txt (recognised by its name, so every
 *      line goes through the main-table parser);
 *   2. as in.txt (recognised by its columns), countryInfo.txt and
 *      admin1CodesASCII.txt together, so that the country and admin code
 *      parsers and the linking of places to them run on it.
 * When an import writes an index, it is opened and queried: the name
 * field of every line (folded), the first word of each, countries and
 * admin1 regions named in the input.
 *
 * Invariants checked (__builtin_trap() on violation): an import never
 * fails (the folder is writable, inputs are small); every report has a
 * file, a line >= 0 and a message; a fresh index opens; gaz_count equals
 * the places written; every place returned has coordinates in range, a
 * feature class that is a capital letter or none, a country code of 0 or
 * 2 capital letters and non-NULL strings; gaz_fold gives the folded
 * tokens of text_tokenize joined with one space; a name that is found is
 * also found by gaz_prefix (bit 1), and the words that start it are a
 * prefix (bit 2).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "geo/geo.h"
#include "text/text.h"

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond))                                                           \
            __builtin_trap();                                                  \
    } while (0)

enum { F_MAIN, F_IN, F_COUNTRY, F_ADMIN1, F_INDEX, NPATH };
static const char *const names[NPATH] = {"ML.txt", "in.txt", "countryInfo.txt",
                                         "admin1CodesASCII.txt",
                                         "gazetteer.idx"};
static char dir[64];
static char path[NPATH][128];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void cleanup(void)
{
    for (int i = 0; i < NPATH; i++)
        if (path[i][0])
            unlink(path[i]);
    if (dir[0])
        rmdir(dir);
}

static int setup_dir(void)
{
    if (dir[0])
        return 0;
    snprintf(dir, sizeof dir, "/tmp/veille-fuzz-geo-XXXXXX");
    if (!mkdtemp(dir)) {
        perror("fuzz_geonames: mkdtemp");
        dir[0] = '\0';
        return -1;
    }
    for (int i = 0; i < NPATH; i++)
        snprintf(path[i], sizeof path[i], "%s/%s", dir, names[i]);
    atexit(cleanup);
    return 0;
}

static int write_file(const char *p, const uint8_t *data, size_t size)
{
    FILE *fp = fopen(p, "wb");
    if (!fp)
        return -1;
    int ok = size == 0 || fwrite(data, 1, size, fp) == size;
    return fclose(fp) == 0 && ok ? 0 : -1;
}

static void on_report(void *user, const char *file, long line, const char *msg)
{
    (void)user;
    CHECK(file && *file && msg && *msg && line >= 0);
}

static void check_place(const gaz_place *p)
{
    CHECK(p->name && p->admin1 && p->admin2 && p->admin3 && p->country);
    CHECK(p->lat >= -90.0f && p->lat <= 90.0f);
    CHECK(p->lon >= -180.0f && p->lon <= 180.0f);
    CHECK(p->fclass == 0 || (p->fclass >= 'A' && p->fclass <= 'Z'));
    size_t l = strlen(p->cc);
    CHECK(l == 0 || (l == 2 && p->cc[0] >= 'A' && p->cc[0] <= 'Z' &&
                     p->cc[1] >= 'A' && p->cc[1] <= 'Z'));
    CHECK(strlen(p->fcode) <= 7);
}

/* gaz_fold(s) must be the folded tokens of s joined with one space (it
 * has a fast path of its own for plain ASCII). */
static void check_fold(const char *s, size_t n, const buf *key)
{
    arena a;
    arena_init(&a, 4096);
    buf folded = BUF_INIT, want = BUF_INIT;
    textdoc doc;
    if (text_tokenize(&doc, s, n, &a, &folded) == 0) {
        for (size_t i = 0; i < doc.ntok; i++) {
            if (doc.toks[i].flen == 0)
                continue;
            if (want.len)
                buf_putc(&want, ' ');
            buf_put(&want, tok_fold(&doc, &doc.toks[i]), doc.toks[i].flen);
        }
        if (!want.oom)
            CHECK(want.len == key->len &&
                  (want.len == 0 || memcmp(want.ptr, key->ptr, want.len) == 0));
    }
    buf_free(&want);
    buf_free(&folded);
    arena_free(&a);
}

/* Looks up the raw name s (n bytes) and checks what comes back. */
static void query(const gaz *g, const char *s, size_t n)
{
    buf key = BUF_INIT;
    if (gaz_fold(s, n, &key) == 0)
        check_fold(s, n, &key);
    if (key.oom || key.len == 0 || key.len > GAZ_MAX_KEY) {
        buf_free(&key);
        return;
    }
    gaz_place out[4];
    size_t total = gaz_lookup(g, key.ptr, key.len, out, 4);
    for (size_t i = 0; i < total && i < 4; i++)
        check_place(&out[i]);
    int pre = gaz_prefix(g, key.ptr, key.len);
    CHECK(pre >= 0 && pre <= 3);
    if (total && !memchr(key.ptr, '-', key.len))
        CHECK(pre & 1);
    const char *sp = memchr(key.ptr, ' ', key.len);
    if (total && sp && !memchr(key.ptr, '-', key.len))
        CHECK(gaz_prefix(g, key.ptr, (size_t)(sp - key.ptr)) & 2);
    gaz_place p;
    if (gaz_admin1_by_name(g, NULL, buf_cstr(&key), &p))
        check_place(&p);
    if (gaz_admin1_by_name(g, "ML", buf_cstr(&key), &p))
        check_place(&p);
    buf_free(&key);
}

/* Opens the index just written and queries it with the input's names. */
static void probe(long places, const uint8_t *data, size_t size)
{
    buf err = BUF_INIT;
    gaz *g = gaz_open(path[F_INDEX], &err);
    CHECK(g != NULL);
    buf_free(&err);
    CHECK(gaz_count(g) == (size_t)places);
    const char *s = (const char *)data;
    for (size_t start = 0; start < size;) {
        const char *nl = memchr(s + start, '\n', size - start);
        size_t end = nl ? (size_t)(nl - s) : size;
        /* Fields 1 and 2 (the id or code, then the name). */
        const char *t1 = memchr(s + start, '\t', end - start);
        if (t1) {
            size_t f2 = (size_t)(t1 - s) + 1;
            const char *t2 = memchr(s + f2, '\t', end - f2);
            size_t e2 = t2 ? (size_t)(t2 - s) : end;
            query(g, s + f2, e2 - f2);
            /* A field 1 of two letters is a country code. */
            if (t1 - (s + start) == 2) {
                char cc[3] = {s[start], s[start + 1], 0};
                gaz_place p;
                if (gaz_country(g, cc, &p))
                    check_place(&p);
            }
        }
        start = end + 1;
    }
    gaz_place p;
    if (gaz_country(g, "ML", &p))
        check_place(&p);
    FILE *null = fopen("/dev/null", "w");
    if (null) {
        gaz_info(g, null);
        fclose(null);
    }
    gaz_close(g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (setup_dir())
        return 0;
    /* 1. A main table. */
    if (write_file(path[F_MAIN], data, size))
        return 0;
    const char *one[1] = {path[F_MAIN]};
    long n = gaz_import(one, 1, path[F_INDEX], on_report, NULL);
    CHECK(n >= 0);
    probe(n, data, size);

    /* 2. By content, and as country and admin1 files. */
    if (write_file(path[F_IN], data, size) ||
        write_file(path[F_COUNTRY], data, size) ||
        write_file(path[F_ADMIN1], data, size))
        return 0;
    const char *three[3] = {path[F_IN], path[F_COUNTRY], path[F_ADMIN1]};
    n = gaz_import(three, 3, path[F_INDEX], on_report, NULL);
    CHECK(n >= 0);
    probe(n, data, size);
    return 0;
}
