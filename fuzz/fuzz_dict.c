/*
 * fuzz_dict.c — libFuzzer target for the dictionary loader (the format of
 * data/README.md): the input is written as a file and loaded with
 * lex_load_file; when it loads, the matcher runs over a fixed French and
 * English text and over the input itself.
 *
 * The file lives in a private folder made once with mkdtemp, next to a
 * second small dictionary (other.txt) that includes the input back, so
 * that `@include other.txt` exercises nesting and include-once.  An input
 * that names a path with '/' in an @include line is skipped: it could
 * reach /dev/zero or a FIFO and hang the run, which says nothing about the
 * loader.
 *
 * Invariants checked (__builtin_trap() on violation): a dictionary that
 * fails to load reported at least one problem, every report has a file and
 * a message; matches lie inside the document, in order, without overlap
 * (entries sharing one form give matches on the same span), each naming
 * an existing entry of the match's kind and language.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexicon/lexicon.h"
#include "text/text.h"

#define CHECK(cond)                                                         \
    do {                                                                    \
        if (!(cond))                                                        \
            __builtin_trap();                                               \
    } while (0)

static char dir[64];
static char in_path[96];
static char other_path[96];

static const char other_dict[] =
    "# included by the fuzz input, and including it back\n"
    "@kind trigger\n"
    "embuscade armed_clash fr prec=6 : embuscade ; tendu une embuscade\n"
    "ambush armed_clash en : ambush*\n"
    "@include in.txt\n"
    "@kind hedge\n"
    "reportedly hedged en : reportedly ; allegedly\n";

static const char fixed_text[] =
    "Une patrouille des FAMa est tombée dans une embuscade le 7 novembre "
    "2023 près d'Ansongo. Des frappes aériennes ont visé Kidal hier ; "
    "« 1 200 personnes » ont fui, selon l'ONU.\n\n"
    "Gunmen reportedly ambushed an army convoy near Bosso on 07/11/2023. "
    "About 20 attackers were killed, the army's statement said.";

static void cleanup(void)
{
    if (in_path[0])
        unlink(in_path);
    if (other_path[0])
        unlink(other_path);
    if (dir[0])
        rmdir(dir);
}

static int setup_dir(void)
{
    if (dir[0])
        return 0;
    snprintf(dir, sizeof dir, "/tmp/veille-fuzz-dict-XXXXXX");
    if (!mkdtemp(dir)) {
        perror("fuzz_dict: mkdtemp");
        dir[0] = '\0';
        return -1;
    }
    snprintf(in_path, sizeof in_path, "%s/in.txt", dir);
    snprintf(other_path, sizeof other_path, "%s/other.txt", dir);
    FILE *fp = fopen(other_path, "wb");
    if (!fp)
        return -1;
    fputs(other_dict, fp);
    fclose(fp);
    atexit(cleanup);
    return 0;
}

/* Does any line with "include" in it also hold a '/'? */
static int includes_a_path(const uint8_t *d, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && d[i] != '\n')
            continue;
        const uint8_t *l = d + start;
        size_t ln = i - start;
        if (memchr(l, '/', ln) && memmem(l, ln, "include", 7))
            return 1;
        start = i + 1;
    }
    return 0;
}

typedef struct {
    int n;
} report_state;

static void on_problem(void *user, const char *file, long line,
                       const char *msg)
{
    report_state *st = user;
    CHECK(file && msg && *msg);
    CHECK(line >= 0);
    st->n++;
}

static void match_text(const lexicon *lx, const char *text, size_t len)
{
    arena a;
    arena_init(&a, 16 * 1024);
    buf folded = BUF_INIT;
    const char *clean, *nfc;
    size_t clen, nlen;
    if (text_clean_utf8(text, len, &a, &clean, &clen, NULL, NULL) < 0 ||
        text_nfc(clean, clen, &a, &nfc, &nlen))
        goto out;
    textdoc doc;
    if (text_tokenize(&doc, nfc, nlen, &a, &folded) ||
        text_sentences(&doc, &a))
        goto out;
    size_t nentries = lex_entry_count(lx);
    for (int lang = LANG_FR; lang <= LANG_EN; lang++) {
        lex_match *m = NULL;
        long nm = lex_match_doc(lx, &doc, lang, &a, &m);
        if (nm < 0)
            goto out;
        size_t prev_first = 0, prev_end = 0;
        for (long i = 0; i < nm; i++) {
            const lex_match *x = &m[i];
            CHECK(x->count > 0);
            CHECK((size_t)x->first + x->count <= doc.ntok);
            CHECK(x->entry < nentries);
            const lex_entry *e = lex_entry_at(lx, x->entry);
            CHECK(e->kind == x->kind && x->kind < LEX_KIND_COUNT);
            CHECK(e->langs & lang);
            CHECK(x->wild <= 1);
            /* A form never runs across sentences. */
            CHECK(doc.toks[x->first].sent ==
                  doc.toks[x->first + x->count - 1].sent);
            if (i > 0) {
                int same = x->first == prev_first &&
                           (size_t)x->first + x->count == prev_end;
                CHECK(same || x->first >= prev_end);
            }
            prev_first = x->first;
            prev_end = (size_t)x->first + x->count;
        }
    }
out:
    buf_free(&folded);
    arena_free(&a);
}

static void walk_entries(const lexicon *lx)
{
    size_t n = lex_entry_count(lx);
    for (size_t i = 0; i < n; i++) {
        const lex_entry *e = lex_entry_at(lx, i);
        CHECK(e->id && *e->id && e->cls && e->file);
        CHECK(e->kind < LEX_KIND_COUNT);
        CHECK(e->langs >= 1 && e->langs <= LANG_ANY);
        CHECK(lex_kind_name(e->kind) != NULL);
        const char *p = lex_attr_get(e, "prec");
        CHECK(!p || (p[0] >= '1' && p[0] <= '9' && p[1] == '\0'));
        for (size_t k = 0; k < e->nattr; k++)
            CHECK(e->attrs[k].key && e->attrs[k].value);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (includes_a_path(data, size) || setup_dir())
        return 0;
    FILE *fp = fopen(in_path, "wb");
    if (!fp)
        return 0;
    int ok = size == 0 || fwrite(data, 1, size, fp) == size;
    if (fclose(fp) != 0 || !ok)
        return 0;

    report_state st = {0};
    lexicon *lx = lex_load_file(in_path, on_problem, &st);
    if (!lx) {
        CHECK(st.n > 0); /* refused, so something was reported */
        return 0;
    }
    CHECK(st.n == 0);
    /* Every entry line needs a form: at least one form per entry. */
    CHECK(lex_form_count(lx) >= lex_entry_count(lx));
    walk_entries(lx);
    match_text(lx, fixed_text, sizeof fixed_text - 1);
    match_text(lx, (const char *)data, size);
    lex_free(lx);
    return 0;
}
