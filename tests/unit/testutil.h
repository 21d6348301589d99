/*
 * testutil.h — helpers shared by the cmocka unit tests (tests/unit/).
 *
 * The tests run from the repository root, so fixtures are plain relative
 * paths ("tests/fixtures/dict").  Everything here is static inline so
 * that each test executable stays one translation unit.
 *
 *   tdoc        an article text tokenized and cut into sentences, with its
 *               own arena and folded buffer (tdoc_open / tdoc_close);
 *   tmpdir_*    a scratch folder for files a test writes (dictionaries,
 *               JSONL inputs), removed with everything in it;
 *   tu_*        small string helpers for assertions.
 */
#ifndef VEILLE_TESTUTIL_H
#define VEILLE_TESTUTIL_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text/text.h"

#define TU_FIXTURE_DICT "tests/fixtures/dict"

/* ---- tokenized documents ---- */

typedef struct tdoc {
    arena mem;
    buf folded;
    textdoc doc;
} tdoc;

/* Tokenizes and segments the first n bytes of s (which must outlive the
 * tdoc).  Fails the test when out of memory. */
static inline tdoc *tdoc_openn(const char *s, size_t n)
{
    tdoc *t = calloc(1, sizeof *t);
    assert_non_null(t);
    arena_init(&t->mem, 4096);
    t->folded = (buf)BUF_INIT;
    assert_int_equal(text_tokenize(&t->doc, s, n, &t->mem, &t->folded), 0);
    assert_int_equal(text_sentences(&t->doc, &t->mem), 0);
    return t;
}

static inline tdoc *tdoc_open(const char *s)
{
    return tdoc_openn(s, strlen(s));
}

static inline void tdoc_close(tdoc *t)
{
    if (!t)
        return;
    arena_free(&t->mem);
    buf_free(&t->folded);
    free(t);
}

/* Token i's original text, NUL-terminated in a static ring of buffers
 * (enough for a few in one assertion). */
static inline const char *tu_tok_text(const tdoc *t, size_t i)
{
    static char ring[4][512];
    static int k;
    char *o = ring[k++ & 3];
    assert_true(i < t->doc.ntok);
    const token *tk = &t->doc.toks[i];
    size_t n = tk->len < 511 ? tk->len : 511;
    memcpy(o, t->doc.text + tk->off, n);
    o[n] = '\0';
    return o;
}

/* Token i's folded form, NUL-terminated (same ring discipline). */
static inline const char *tu_tok_fold(const tdoc *t, size_t i)
{
    static char ring[4][512];
    static int k;
    char *o = ring[k++ & 3];
    assert_true(i < t->doc.ntok);
    const token *tk = &t->doc.toks[i];
    size_t n = tk->flen < 511 ? tk->flen : 511;
    memcpy(o, tok_fold(&t->doc, tk), n);
    o[n] = '\0';
    return o;
}

/* Sentence i's text, NUL-terminated (same ring discipline). */
static inline const char *tu_sent_text(const tdoc *t, size_t i)
{
    static char ring[4][1024];
    static int k;
    char *o = ring[k++ & 3];
    assert_true(i < t->doc.nsent);
    const sentence *s = &t->doc.sents[i];
    size_t n = s->len < 1023 ? s->len : 1023;
    memcpy(o, t->doc.text + s->off, n);
    o[n] = '\0';
    return o;
}

/* Index of the first token whose original text is w, or -1. */
static inline long tu_find_tok(const tdoc *t, const char *w)
{
    size_t n = strlen(w);
    for (size_t i = 0; i < t->doc.ntok; i++) {
        const token *tk = &t->doc.toks[i];
        if (tk->len == n && memcmp(t->doc.text + tk->off, w, n) == 0)
            return (long)i;
    }
    return -1;
}

/* ---- strings ---- */

/* Does s contain sub?  Prints both when not, to make failures readable. */
static inline int tu_contains(const char *s, const char *sub)
{
    if (s && sub && strstr(s, sub))
        return 1;
    print_message("expected \"%s\" to contain \"%s\"\n", s ? s : "(null)",
                  sub ? sub : "(null)");
    return 0;
}

/* Byte offset of the first occurrence of sub in s; fails when absent. */
static inline size_t tu_offset_of(const char *s, const char *sub)
{
    const char *p = strstr(s, sub);
    assert_non_null(p);
    return (size_t)(p - s);
}

/* ---- scratch folders and files ---- */

static inline char *tmpdir_new(void)
{
    char *d = strdup("/tmp/veille-unit-XXXXXX");
    assert_non_null(d);
    assert_non_null(mkdtemp(d));
    return d;
}

static inline int tu_rm_one(const char *path, const struct stat *sb, int flag,
                            struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

/* Removes the folder and everything in it, and frees the name. */
static inline void tmpdir_free(char *dir)
{
    if (!dir)
        return;
    nftw(dir, tu_rm_one, 16, FTW_DEPTH | FTW_PHYS);
    free(dir);
}

/* Writes n bytes to dir/name (creating it); returns the full path, which
 * the caller frees. */
static inline char *tu_write_filen(const char *dir, const char *name,
                                   const char *data, size_t n)
{
    char *path = NULL;
    assert_true(asprintf(&path, "%s/%s", dir, name) > 0);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    if (n)
        assert_int_equal(fwrite(data, 1, n, fp), n);
    assert_int_equal(fclose(fp), 0);
    return path;
}

static inline char *tu_write_file(const char *dir, const char *name,
                                  const char *text)
{
    return tu_write_filen(dir, name, text, strlen(text));
}

#endif
