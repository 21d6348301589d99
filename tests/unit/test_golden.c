/*
 * test_golden.c — the golden cases of tests/golden/ through the library
 * (the CLI runs them in tests/golden/run.sh): the articles of examples/,
 * read with veille_reader and coded with veille_code, must give exactly
 * the events of tests/golden/examples.expected.jsonl, line for line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "veille.h"

/* The files of examples/ in the order the CLI reads a folder. */
static const char *const inputs[] = {"examples/articles.jsonl",
                                     "examples/kidal-note.txt",
                                     "examples/niger-dispatch.txt"};

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)sz + 1);
    if (s && fread(s, 1, (size_t)sz, f) != (size_t)sz) {
        free(s);
        s = NULL;
    }
    if (s)
        s[sz] = '\0';
    fclose(f);
    *n = (size_t)sz;
    return s;
}

static void test_examples(void **state)
{
    (void)state;
    veille_ctx *ctx;
    veille_options o = {"data", NULL};
    assert_int_equal(veille_ctx_new(&ctx, &o), VEILLE_OK);
    veille_coder *c;
    assert_int_equal(veille_coder_new(&c, ctx), VEILLE_OK);

    char *out = NULL;
    size_t len = 0, cap = 0;
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        veille_reader *r;
        assert_int_equal(veille_reader_open(&r, inputs[i], VEILLE_FMT_AUTO),
                         VEILLE_OK);
        const veille_article *a;
        int rc;
        while ((rc = veille_reader_next(r, &a)) == 1) {
            assert_int_equal(veille_code(c, a, NULL), VEILLE_OK);
            for (size_t k = 0; k < veille_event_count(c); k++) {
                assert_int_equal(veille_event_to_json(veille_event_at(c, k),
                                                      &out, &len, &cap),
                                 VEILLE_OK);
                out[len++] = '\n';
            }
        }
        assert_int_equal(rc, 0);
        veille_reader_free(r);
    }
    size_t wn = 0;
    char *want = slurp("tests/golden/examples.expected.jsonl", &wn);
    assert_non_null(want);
    /* Compare line by line, so that a failure names the first bad line. */
    const char *p = want, *q = out ? out : "";
    const char *pe = want + wn, *qe = q + len;
    for (int line = 1; p < pe || q < qe; line++) {
        const char *pn = memchr(p, '\n', (size_t)(pe - p));
        const char *qn = memchr(q, '\n', (size_t)(qe - q));
        size_t pl = pn ? (size_t)(pn - p) : (size_t)(pe - p);
        size_t ql = qn ? (size_t)(qn - q) : (size_t)(qe - q);
        if (pl != ql || memcmp(p, q, pl) != 0)
            fail_msg("line %d differs:\n  expected %.*s\n  got      %.*s",
                     line, (int)(pl > 300 ? 300 : pl), p,
                     (int)(ql > 300 ? 300 : ql), q);
        p += pl + (pn ? 1 : 0);
        q += ql + (qn ? 1 : 0);
    }
    free(want);
    free(out);
    veille_coder_free(c);
    veille_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_examples)};
    return cmocka_run_group_tests_name("golden", tests, NULL, NULL);
}
