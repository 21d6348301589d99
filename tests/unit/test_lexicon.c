/*
 * test_lexicon.c — lexicon/dict.c (the dictionary loader and its messages)
 * and lexicon/trie.c (the matcher).
 *
 * The loader is checked on the small fixture dictionary (tests/fixtures/
 * dict, independent of data/) and on malformed dictionaries that each test
 * writes into a scratch folder: every problem must be reported with its
 * file, its line and a message that says what is wrong.  The matcher is
 * checked through a readable rendering of its matches:
 * "[frappes aériennes]=frappe_air", a '*' after the id when a stem matched.
 */
#include "testutil.h"

#include "lexicon/classes.h"
#include "lexicon/lexicon.h"

/* ---- collecting problems ---- */

#define MAXP 16

typedef struct problems {
    int n;
    char file[MAXP][512];
    long line[MAXP];
    char msg[MAXP][512];
} problems;

static void collect(void *user, const char *file, long line, const char *msg)
{
    problems *p = user;
    if (p->n < MAXP) {
        snprintf(p->file[p->n], sizeof p->file[0], "%s", file ? file : "");
        p->line[p->n] = line;
        snprintf(p->msg[p->n], sizeof p->msg[0], "%s", msg);
    }
    p->n++;
}

static void print_problems(const problems *p)
{
    for (int i = 0; i < p->n && i < MAXP; i++)
        print_message("  %s:%ld: %s\n", p->file[i], p->line[i], p->msg[i]);
}

/* Loads text as one dictionary file; expects it to be refused with
 * exactly one problem, at line, whose message contains want. */
static void expect_one_problem(const char *text, long line, const char *want)
{
    char *dir = tmpdir_new();
    char *path = tu_write_file(dir, "dict.txt", text);
    problems p = {0};
    lexicon *lx = lex_load_file(path, collect, &p);
    int ok = lx == NULL && p.n == 1 && strcmp(p.file[0], path) == 0 &&
             p.line[0] == line && strstr(p.msg[0], want) != NULL;
    if (!ok) {
        print_message("dictionary:\n%s\nwant one problem %s:%ld: ...%s..., "
                      "got %d (%s):\n",
                      text, path, line, want, p.n, lx ? "loaded" : "refused");
        print_problems(&p);
    }
    lex_free(lx);
    free(path);
    tmpdir_free(dir);
    assert_true(ok);
}

/* Loads text as one dictionary file; expects it to be refused, every
 * problem at line, the first one's message containing want.  For lines
 * that may draw a second, consequential message (see
 * test_bad_form_reported_once). */
static void expect_problem(const char *text, long line, const char *want)
{
    char *dir = tmpdir_new();
    char *path = tu_write_file(dir, "dict.txt", text);
    problems p = {0};
    lexicon *lx = lex_load_file(path, collect, &p);
    int ok =
        lx == NULL && p.n >= 1 && p.n <= MAXP && strstr(p.msg[0], want) != NULL;
    for (int i = 0; ok && i < p.n; i++)
        ok = strcmp(p.file[i], path) == 0 && p.line[i] == line;
    if (!ok) {
        print_message("dictionary:\n%s\nwant problems at %s:%ld, the first "
                      "...%s..., got %d (%s):\n",
                      text, path, line, want, p.n, lx ? "loaded" : "refused");
        print_problems(&p);
    }
    lex_free(lx);
    free(path);
    tmpdir_free(dir);
    assert_true(ok);
}

/* Lexicons loaded by a test (load_ok, fixture) are freed by the test's
 * teardown, so that a failing assertion leaks nothing under ASan. */
static lexicon *kept[8];
static int nkept;

static lexicon *keep(lexicon *lx)
{
    assert_true(nkept < 8);
    kept[nkept++] = lx;
    return lx;
}

static int release(void **state)
{
    (void)state;
    while (nkept)
        lex_free(kept[--nkept]);
    return 0;
}

/* Loads text as one dictionary file, which must load cleanly. */
static lexicon *load_ok(const char *text)
{
    char *dir = tmpdir_new();
    char *path = tu_write_file(dir, "dict.txt", text);
    problems p = {0};
    lexicon *lx = lex_load_file(path, collect, &p);
    if (!lx || p.n) {
        print_message("dictionary:\n%s\nwas refused:\n", text);
        print_problems(&p);
    }
    free(path);
    tmpdir_free(dir);
    assert_non_null(lx);
    assert_int_equal(p.n, 0);
    return keep(lx);
}

static const lex_entry *find_id(const lexicon *lx, const char *id)
{
    for (size_t i = 0; i < lex_entry_count(lx); i++)
        if (strcmp(lex_entry_at(lx, i)->id, id) == 0)
            return lex_entry_at(lx, i);
    return NULL;
}

/* ---- the fixture dictionary ---- */

static lexicon *fixture(void)
{
    problems p = {0};
    lexicon *lx = lex_load(TU_FIXTURE_DICT, collect, &p);
    if (!lx)
        print_problems(&p);
    assert_non_null(lx);
    assert_int_equal(p.n, 0);
    return keep(lx);
}

static void test_fixture_loads_with_counts(void **state)
{
    (void)state;
    lexicon *lx = fixture();
    /* 8 triggers in triggers.txt, 2 hedges in index.txt. */
    assert_int_equal(lex_entry_count(lx), 10);
    /* 4+1+3+1+4+3+1+1 trigger forms, 2+2 hedge forms. */
    assert_int_equal(lex_form_count(lx), 22);

    const lex_entry *e = find_id(lx, "frappe_air");
    assert_non_null(e);
    assert_int_equal(e->kind, LEX_TRIGGER);
    assert_string_equal(e->cls, "air_drone_strike");
    assert_int_equal(e->langs, LANG_FR);
    assert_string_equal(lex_attr_get(e, "prec"), "8");
    assert_null(lex_attr_get(e, "cameo"));
    assert_int_equal(e->line, 2);
    assert_true(tu_contains(e->file, "tests/fixtures/dict/triggers.txt"));

    e = find_id(lx, "accuse");
    assert_non_null(e);
    assert_string_equal(lex_attr_get(e, "cameo"), "112");
    assert_string_equal(lex_attr_get(e, "prec"), "2");

    e = find_id(lx, "ied");
    assert_int_equal(e->langs, LANG_ANY);
    e = find_id(lx, "ambush");
    assert_int_equal(e->langs, LANG_EN);

    e = find_id(lx, "reportedly");
    assert_non_null(e);
    assert_int_equal(e->kind, LEX_HEDGE);
    assert_string_equal(e->cls, "hedged");
    assert_true(tu_contains(e->file, "tests/fixtures/dict/index.txt"));
}

static void test_missing_dictionary_folder(void **state)
{
    (void)state;
    problems p = {0};
    lexicon *lx = lex_load("tests/fixtures/no-such-dir", collect, &p);
    assert_null(lx);
    assert_int_equal(p.n, 1);
    assert_string_equal(p.file[0], "tests/fixtures/no-such-dir/index.txt");
    assert_int_equal(p.line[0], 0);
    assert_true(tu_contains(p.msg[0], "cannot open"));
    /* A NULL report function is allowed. */
    assert_null(lex_load("tests/fixtures/no-such-dir", NULL, NULL));
}

/* ---- the format ---- */

static void test_entries_attributes_and_comments(void **state)
{
    (void)state;
    lexicon *lx = load_ok(
        "# a comment line\n"
        "\n"
        "@kind actor   # a comment after a directive\n"
        "fama 1 fr name=\"Forces armées maliennes\" tag=\"a#b\" : FAMa ; "
        "armée malienne  # the army\n"
        "fama 1 en : Malian army\n"
        "   \t  \n"
        "@kind month\n"
        "nov 11 * : novembre ; November ; nov.\n"
        "@kind number\n"
        "dizaines 12 fr : des dizaines\n");
    assert_int_equal(lex_entry_count(lx), 3);
    assert_int_equal(lex_form_count(lx), 7);
    const lex_entry *e = find_id(lx, "fama");
    assert_non_null(e);
    assert_int_equal(e->kind, LEX_ACTOR);
    assert_int_equal(e->num, 1);
    assert_int_equal(e->langs, LANG_FR | LANG_EN); /* two lines, one entry */
    assert_int_equal(e->line, 4);                  /* where it was defined */
    assert_string_equal(lex_attr_get(e, "name"), "Forces armées maliennes");
    assert_string_equal(lex_attr_get(e, "tag"), "a#b");
    e = find_id(lx, "nov");
    assert_int_equal(e->kind, LEX_MONTH);
    assert_int_equal(e->num, 11);
    assert_int_equal(e->langs, LANG_ANY);
    e = find_id(lx, "dizaines");
    assert_int_equal(e->num, 12);
}

static void test_bom_and_crlf(void **state)
{
    (void)state;
    lexicon *lx = load_ok("\xEF\xBB\xBF@kind trigger\r\n"
                          "raid attack fr : raid ; raids\r\n");
    assert_int_equal(lex_entry_count(lx), 1);
    assert_int_equal(lex_form_count(lx), 2);
}

/* ---- every malformed line, with its message ---- */

static void test_error_no_kind(void **state)
{
    (void)state;
    expect_one_problem("# nothing yet\nraid attack fr : raid\n", 2,
                       "an entry before any @kind line");
}

static void test_error_missing_colon(void **state)
{
    (void)state;
    expect_one_problem("@kind trigger\nraid attack fr raid ; raids\n", 2,
                       "no ':' between the entry (ID CLASS LANG) and its "
                       "forms");
    expect_one_problem("@kind trigger\nraid attack : raid\n", 2,
                       "expected ID CLASS LANG before ':'");
}

static void test_error_bad_id(void **state)
{
    (void)state;
    expect_one_problem("@kind trigger\n\nRaid attack fr : raid\n", 3,
                       "bad id 'Raid': lower-case letters, digits, _ - . "
                       "only");
    expect_one_problem("@kind trigger\nraid/2 attack fr : raid\n", 2,
                       "bad id 'raid/2'");
    expect_one_problem("@kind trigger\nraidé attack fr : raid\n", 2,
                       "bad id 'raidé'");
}

static void test_error_bad_lang(void **state)
{
    (void)state;
    expect_one_problem("@kind trigger\nraid attack de : raid\n", 2,
                       "bad language 'de': fr, en or *");
    expect_one_problem("@kind trigger\nraid attack FR : raid\n", 2,
                       "bad language 'FR'");
}

static void test_error_unknown_class(void **state)
{
    (void)state;
    expect_one_problem("@kind trigger\nraid bombing fr : raid\n", 2,
                       "class 'bombing' of trigger raid: unknown event "
                       "class");
    expect_one_problem("@kind hedge\nmaybe possible en : maybe\n", 2,
                       "class 'possible' of hedge maybe: a hedge's class "
                       "is hedged, denied or claimed");
    expect_one_problem("@kind month\nnov 13 fr : novembre\n", 2,
                       "a month is 1 to 12");
    expect_one_problem("@kind weekday\nlun 0 fr : lundi\n", 2,
                       "a weekday is 1 (Monday) to 7");
    expect_one_problem("@kind number\nx 1e3 fr : mille\n", 2,
                       "a number's class is a whole number");
    expect_one_problem("@kind actor\nfama 9 fr : FAMa\n", 2,
                       "ACLED's inter code");
    expect_one_problem("@kind casualty\nmort dead fr : morts\n", 2,
                       "a casualty's class is killed");
    expect_one_problem("@kind materiel\npickup truck fr : pick-up\n", 2,
                       "unknown materiel class");
    expect_one_problem("@kind report\nselon according fr : selon\n", 2,
                       "a report's class is report or source");
}

static void test_error_bad_prec(void **state)
{
    (void)state;
    expect_one_problem("@kind trigger\nraid attack fr prec=10 : raid\n", 2,
                       "prec must be 1 to 9, not '10'");
    expect_one_problem("@kind trigger\nraid attack fr prec=0 : raid\n", 2,
                       "prec must be 1 to 9, not '0'");
    expect_one_problem("@kind trigger\nraid attack fr prec= : raid\n", 2,
                       "prec must be 1 to 9, not ''");
    expect_one_problem("@kind trigger\nraid attack fr prec=high : raid\n", 2,
                       "prec must be 1 to 9, not 'high'");
}

static void test_error_bad_attributes(void **state)
{
    (void)state;
    expect_one_problem("@kind trigger\nraid attack fr precise : raid\n", 2,
                       "'precise' is not key=value");
    expect_one_problem("@kind trigger\nraid attack fr =3 : raid\n", 2,
                       "'=3' is not key=value");
    expect_one_problem("@kind trigger\n"
                       "raid attack fr prec=3 : raid\n"
                       "raid attack en prec=4 : raid\n",
                       3, "trigger raid: prec=4 here but prec=3 before");
}

static void test_error_empty_form(void **state)
{
    (void)state;
    expect_one_problem("@kind trigger\nraid attack fr : raid ; ; raids\n", 2,
                       "an empty form between two ';'");
    expect_one_problem("@kind trigger\nraid attack fr :\n", 2,
                       "trigger raid has no form after ':'");
    expect_one_problem("@kind trigger\nraid attack fr :  # nothing\n", 2,
                       "trigger raid has no form after ':'");
    /* A form of nothing but a no-break space: no token at all. */
    expect_one_problem("@kind trigger\nraid attack fr : raid ; \xC2\xA0\n", 2,
                       "empty form");
}

static void test_error_short_stem(void **state)
{
    (void)state;
    expect_problem("@kind trigger\nraid attack fr : ra*\n", 2,
                   "form 'ra*': a stem before '*' needs at least three "
                   "letters");
    expect_problem("@kind trigger\nraid attack fr : grand ra*\n", 2,
                   "a stem before '*' needs at least three letters");
    expect_one_problem("@kind trigger\nraid attack fr : raid ; ra*\n", 2,
                       "a stem before '*' needs at least three letters");
    /* Three letters are enough, accents folded away. */
    lexicon *lx = load_ok("@kind trigger\nraid attack fr : éta*\n");
    assert_int_equal(lex_form_count(lx), 1);
}

static void test_error_star_not_at_word_end(void **state)
{
    (void)state;
    expect_problem("@kind trigger\nraid attack fr : fra*pe\n", 2,
                   "form 'fra*pe': '*' must end a word");
    expect_problem("@kind trigger\nraid attack fr : * frappe\n", 2,
                   "'*' must end a word");
    expect_problem("@kind trigger\nraid attack fr : frappe *\n", 2,
                   "'*' must end a word");
    expect_problem("@kind trigger\nraid attack fr : frappe**\n", 2,
                   "'*' must end a word");
    expect_one_problem("@kind trigger\nraid attack fr : raid ; (*\n", 2,
                       "form '(*': '*' must end a word");
}

/* A line whose only form is malformed draws one message, about that
 * form; not also "trigger raid has no form after ':'", which would be
 * false: the form is there. */
static void test_bad_form_reported_once(void **state)
{
    (void)state;
    expect_one_problem("@kind trigger\nraid attack fr : fra*pe\n", 2,
                       "form 'fra*pe': '*' must end a word");
}

/* An unterminated quote is reported as such, not as a missing ':' (the
 * colon is searched outside quotes, so an open quote hides it). */
static void test_error_unterminated_quote(void **state)
{
    (void)state;
    expect_one_problem("@kind actor\n"
                       "fama 1 fr name=\"Forces armées : FAMa ; armée\n",
                       2, "a quoted value has no closing quote");
}

static void test_error_directives(void **state)
{
    (void)state;
    expect_one_problem("@define trigger x\n", 1,
                       "expected '@kind NAME' or '@include PATH'");
    expect_one_problem("@define trigger\n", 1, "unknown directive '@define'");
    expect_one_problem("@kind\n", 1,
                       "expected '@kind NAME' or '@include PATH'");
    expect_one_problem("# kinds\n@kind weapon\n", 2,
                       "unknown kind 'weapon' (data/README.md lists them)");
}

static void test_error_missing_include(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = tu_write_file(dir, "index.txt",
                               "@kind trigger\n"
                               "raid attack fr : raid\n"
                               "@include nope.txt\n");
    problems p = {0};
    lexicon *lx = lex_load(dir, collect, &p);
    assert_null(lx);
    if (p.n != 1)
        print_problems(&p);
    assert_int_equal(p.n, 1);
    assert_string_equal(p.file[0], path);
    assert_int_equal(p.line[0], 3);
    char want[600];
    snprintf(want, sizeof want, "cannot include %s/nope.txt", dir);
    assert_true(tu_contains(p.msg[0], want));
    assert_true(tu_contains(p.msg[0], "No such file"));
    free(path);
    tmpdir_free(dir);
}

static void test_error_class_conflict(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = tu_write_file(dir, "dict.txt",
                               "@kind trigger\n"
                               "raid attack fr : raid\n"
                               "# the same id again\n"
                               "raid armed_clash en : raid\n");
    problems p = {0};
    lexicon *lx = lex_load_file(path, collect, &p);
    assert_null(lx);
    assert_int_equal(p.n, 1);
    assert_string_equal(p.file[0], path);
    assert_int_equal(p.line[0], 4);
    char want[700];
    snprintf(want, sizeof want,
             "trigger raid has class 'armed_clash' here but 'attack' at "
             "%s:2",
             path);
    assert_string_equal(p.msg[0], want);
    free(path);
    tmpdir_free(dir);
    /* The same id under another kind is another entry, no conflict. */
    lexicon *ok = load_ok("@kind trigger\nraid attack fr : raid\n"
                          "@kind materiel\nraid vehicle fr : char\n");
    assert_int_equal(lex_entry_count(ok), 2);
}

static void test_error_not_text(void **state)
{
    (void)state;
    expect_one_problem("@kind trigger\nraid attack fr : r\377aid\n", 2,
                       "invalid UTF-8");
    char *dir = tmpdir_new();
    static const char nul[] = "@kind trigger\nraid attack fr : r\0aid\n";
    char *path = tu_write_filen(dir, "dict.txt", nul, sizeof nul - 1);
    problems p = {0};
    assert_null(lex_load_file(path, collect, &p));
    assert_int_equal(p.n, 1);
    assert_int_equal(p.line[0], 2);
    assert_true(tu_contains(p.msg[0], "NUL byte"));
    free(path);
    tmpdir_free(dir);
}

static void test_every_problem_reported(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = tu_write_file(dir, "dict.txt",
                               "@kind trigger\n"
                               "Raid attack fr : raid\n" /* 2 */
                               "ok attack fr : fine\n"
                               "x attack es : x\n"           /* 4 */
                               "y attack fr : y*\n"          /* 5 */
                               "@nope\n"                     /* 6 */
                               "z attack fr prec=12 : z\n"); /* 7 */
    problems p = {0};
    assert_null(lex_load_file(path, collect, &p));
    /* Each bad line reported, in order, and no other line. */
    const long lines[] = {2, 4, 5, 6, 7};
    int k = 0, ok = p.n >= 5 && p.n <= MAXP;
    for (int i = 0; ok && i < p.n; i++) {
        ok = strcmp(p.file[i], path) == 0;
        if (k < 5 && p.line[i] == lines[k])
            k++;
        else if (k == 0 || p.line[i] != lines[k - 1])
            ok = 0;
    }
    if (!ok || k != 5)
        print_problems(&p);
    free(path);
    tmpdir_free(dir);
    assert_true(ok);
    assert_int_equal(k, 5);
}

/* ---- includes ---- */

static void test_include_loaded_once(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char sub[600];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    free(tu_write_file(dir, "a.txt",
                       "@kind trigger\nraid attack fr : raid ; raids\n"));
    free(tu_write_file(dir, "sub/b.txt",
                       "@include ../a.txt\n"
                       "@kind trigger\nfeu armed_clash fr : échange de tirs\n"
                       "@include b.txt\n")); /* itself */
    free(tu_write_file(dir, "index.txt",
                       "@kind hedge\n"
                       "@include a.txt\n"
                       "@include sub/b.txt\n"
                       "@include ./a.txt\n"
                       "@include sub/../a.txt\n"
                       "peut_etre hedged fr : peut-être\n"));
    problems p = {0};
    lexicon *lx = lex_load(dir, collect, &p);
    print_problems(&p);
    assert_non_null(lx);
    assert_int_equal(p.n, 0);
    assert_int_equal(lex_entry_count(lx), 3);
    assert_int_equal(lex_form_count(lx), 4); /* a.txt's two forms once */
    /* An included file's @kind stays in it. */
    const lex_entry *e = find_id(lx, "peut_etre");
    assert_non_null(e);
    assert_int_equal(e->kind, LEX_HEDGE);
    lex_free(lx);
    tmpdir_free(dir);
}

/* ---- classes ---- */

static void test_class_lists(void **state)
{
    (void)state;
    long num;
    assert_null(lex_check_class(LEX_TRIGGER, "air_drone_strike", &num));
    assert_non_null(lex_check_class(LEX_TRIGGER, "Air/drone strike", &num));
    assert_null(lex_check_class(LEX_RELTIME, "-1", &num));
    assert_int_equal(num, -1);
    assert_non_null(lex_check_class(LEX_RELTIME, "-32", &num));
    assert_null(lex_check_class(LEX_PLACE, "anything", &num));
    assert_int_equal(lex_kind_from_name("materiel"), LEX_MATERIEL);
    assert_int_equal(lex_kind_from_name("Trigger"), -1);
    assert_string_equal(lex_kind_name(LEX_CASUALTY), "casualty");
    assert_string_equal(lex_kind_name(99), "?");
    assert_int_equal(lex_list_index(lex_trigger_classes, "other"), 24);
}

/* ---- matching ---- */

/* The matches of text in lang, rendered "[span]=id" (a '*' after the id
 * for a stem match), separated by single spaces. */
static const char *matches(const lexicon *lx, const char *text, int lang)
{
    static char out[2048];
    tdoc *t = tdoc_open(text);
    arena a;
    arena_init(&a, 4096);
    lex_match *m = NULL;
    long n = lex_match_doc(lx, &t->doc, lang, &a, &m);
    assert_true(n >= 0);
    out[0] = '\0';
    size_t o = 0;
    for (long i = 0; i < n; i++) {
        const token *f = &t->doc.toks[m[i].first];
        const token *l = &t->doc.toks[m[i].first + m[i].count - 1];
        /* A match never leaves its sentence. */
        assert_int_equal(f->sent, l->sent);
        /* Matches are in text order and do not overlap, except entries
         * sharing one form, which share the span. */
        if (i) {
            const lex_match *p = &m[i - 1];
            assert_true(m[i].first >= p->first + p->count ||
                        (m[i].first == p->first && m[i].count == p->count));
        }
        o += (size_t)snprintf(
            out + o, sizeof out - o, "%s[%.*s]=%s%s", i ? " " : "",
            (int)(l->off + l->len - f->off), t->doc.text + f->off,
            lex_entry_at(lx, m[i].entry)->id, m[i].wild ? "*" : "");
        assert_int_equal(m[i].kind, lex_entry_at(lx, m[i].entry)->kind);
        assert_true(o < sizeof out);
    }
    arena_free(&a);
    tdoc_close(t);
    return out;
}

static void test_match_longest_wins(void **state)
{
    (void)state;
    lexicon *lx = fixture();
    assert_string_equal(
        matches(lx, "Des frappes aériennes ont visé Gao.", LANG_FR),
        "[frappes aériennes]=frappe_air");
    assert_string_equal(matches(lx, "DES FRAPPES AERIENNES", LANG_FR),
                        "[FRAPPES AERIENNES]=frappe_air");
    assert_string_equal(matches(lx, "une frappe de drone", LANG_FR),
                        "[frappe de drone]=frappe_air");
    /* The longer form is not there: the stem takes the one word. */
    assert_string_equal(matches(lx, "une frappe de mortier", LANG_FR),
                        "[frappe]=frapper*");
    assert_string_equal(matches(lx, "ils ont tendu une embuscade", LANG_FR),
                        "[tendu une embuscade]=embuscade");
}

static void test_match_stems(void **state)
{
    (void)state;
    lexicon *lx = fixture();
    assert_string_equal(
        matches(lx, "Ils ont frappé, frappaient, frappèrent et FRAPPENT.",
                LANG_FR),
        "[frappé]=frapper* [frappaient]=frapper* [frappèrent]=frapper* "
        "[FRAPPENT]=frapper*");
    /* An entry matched both by an exact form and by its stem gives one
     * match, an exact one (wild = 0): "enlèvement" is a form of its own
     * as well as an inflection of enlev*. */
    assert_string_equal(
        matches(lx, "L'enlèvement, des enlèvements ; ils ont enlevé", LANG_FR),
        "[enlèvement]=enlever [enlèvements]=enlever [enlevé]=enlever*");
    /* Stems are folded too. */
    assert_string_equal(matches(lx, "les auteurs présumés", LANG_FR),
                        "[présumés]=vraisemblablement*");
    /* A word that only begins like a stem's first letters does not. */
    assert_string_equal(matches(lx, "une frap, un frappeur", LANG_FR),
                        "[frappeur]=frapper*");
}

static void test_match_elisions(void **state)
{
    (void)state;
    lexicon *lx = load_ok("@kind actor\n"
                          "fama 1 fr : l'armée malienne\n"
                          "@kind trigger\n"
                          "assaut attack fr : d’assaut\n");
    assert_string_equal(
        matches(lx,
                "Selon l'armée malienne et L’Armée Malienne, l’ARMÉE "
                "malienne a donné l'assaut d'assaut.",
                LANG_FR),
        "[l'armée malienne]=fama [L’Armée Malienne]=fama "
        "[l’ARMÉE malienne]=fama [d'assaut]=assaut");
    /* Without the elision the form is not there. */
    assert_string_equal(matches(lx, "une armée malienne", LANG_FR), "");
}

/* data/README.md: "l' armée" and "l'armée" are the same form.  (With the
 * space, "l" must still become the elision token "l'", not a word "l"
 * and a punctuation "'".) */
static void test_match_elision_written_with_space(void **state)
{
    (void)state;
    lexicon *lx = load_ok("@kind actor\narmee 0 fr : l' armée\n");
    assert_string_equal(matches(lx, "selon l'armée", LANG_FR),
                        "[l'armée]=armee");
}

static void test_match_language_filter(void **state)
{
    (void)state;
    lexicon *lx = fixture();
    /* ambush* is English only, the air strike French only, IED both. */
    assert_string_equal(matches(lx, "Une ambush près de Gao", LANG_FR), "");
    assert_string_equal(matches(lx, "Militants ambushed a convoy", LANG_EN),
                        "[ambushed]=ambush*");
    assert_string_equal(matches(lx, "a frappe aérienne", LANG_EN), "");
    assert_string_equal(matches(lx, "an IED and two IEDs", LANG_EN),
                        "[IED]=ied [IEDs]=ied");
    assert_string_equal(matches(lx, "un IED", LANG_FR), "[IED]=ied");
    assert_string_equal(matches(lx, "reportedly, vraisemblablement", LANG_EN),
                        "[reportedly]=reportedly");
    /* A form in both languages under two lines of one entry. */
    lexicon *l2 = load_ok("@kind trigger\nraid attack fr : raid\n"
                          "raid attack en : raid\n");
    assert_string_equal(matches(l2, "raid", LANG_FR), "[raid]=raid");
    assert_string_equal(matches(l2, "raid", LANG_EN), "[raid]=raid");
    /* The longer form is English only: the French shorter one wins. */
    lexicon *l3 = load_ok("@kind trigger\nfr1 attack fr : raid\n"
                          "en1 armed_clash en : raid aérien\n");
    assert_string_equal(matches(l3, "un raid aérien", LANG_FR), "[raid]=fr1");
    assert_string_equal(matches(l3, "un raid aérien", LANG_EN),
                        "[raid aérien]=en1");
}

static void test_match_stops_at_sentence_boundary(void **state)
{
    (void)state;
    lexicon *lx = fixture();
    /* The tokens follow each other, but a blank line (and a headline's
     * line break) puts them in two sentences. */
    assert_string_equal(
        matches(lx, "Ils ont tendu\n\nune embuscade hier.", LANG_FR),
        "[embuscade]=embuscade");
    assert_string_equal(
        matches(lx, "Nouvelles frappes\nAériennes ou non", LANG_FR),
        "[frappes]=frapper*");
    assert_string_equal(
        matches(lx, "Nouvelles frappes\naériennes ici", LANG_FR),
        "[frappes\naériennes]=frappe_air");
}

static void test_match_leftmost_longest(void **state)
{
    (void)state;
    lexicon *lx =
        load_ok("@kind trigger\n"
                "tirs attack fr : tirs de\n"
                "obus shelling_artillery_missile fr : de mortier ; obus ; "
                "obus de mortier ; tir* de roquettes\n");
    /* "tirs de" starts first and takes "de": "de mortier" cannot match. */
    assert_string_equal(matches(lx, "des tirs de mortier", LANG_FR),
                        "[tirs de]=tirs");
    assert_string_equal(
        matches(lx, "des obus de mortier, puis des obus", LANG_FR),
        "[obus de mortier]=obus [obus]=obus");
    assert_string_equal(matches(lx, "un tir de mortier", LANG_FR),
                        "[de mortier]=obus");
    /* A stem inside a multi-word form. */
    assert_string_equal(matches(lx, "des tirs de roquettes", LANG_FR),
                        "[tirs de roquettes]=obus");
}

/* lexicon.h: every entry with a form of the longest length gives a
 * match, an exact form and a stem alike ("arrested" the casualty word and
 * arrest* the trigger). */
static void test_match_exact_and_stem_of_two_entries(void **state)
{
    (void)state;
    lexicon *lx = load_ok("@kind trigger\narrest arrests en : arrest*\n"
                          "@kind casualty\narrested arrested en : arrested\n");
    const char *m = matches(lx, "Police arrested five men.", LANG_EN);
    assert_int_equal(strlen(m),
                     strlen("[arrested]=arrest* [arrested]=arrested"));
    assert_true(tu_contains(m, "[arrested]=arrest*"));
    assert_true(tu_contains(m, "[arrested]=arrested"));
    /* Only the stem fits another inflection. */
    assert_string_equal(matches(lx, "they arrest people", LANG_EN),
                        "[arrest]=arrest*");
}

static void test_match_shared_form(void **state)
{
    (void)state;
    lexicon *lx = load_ok("@kind trigger\nr1 attack fr : raid\n"
                          "r2 armed_clash fr : raid\n"
                          "@kind materiel\nr3 vehicle fr : pick-up\n");
    const char *m = matches(lx, "un raid", LANG_FR);
    assert_int_equal(strlen(m), strlen("[raid]=r1 [raid]=r2"));
    assert_true(tu_contains(m, "[raid]=r1"));
    assert_true(tu_contains(m, "[raid]=r2"));
    assert_string_equal(matches(lx, "un Pick-Up, pas un pick up", LANG_FR),
                        "[Pick-Up]=r3");
    assert_string_equal(matches(lx, "", LANG_FR), "");
}


/* ---- the word table of the token trie ---- */

/* Two words with one hash (FNV-1a: text_hash("glbvs") ==
 * text_hash("yacxa"), found by trying five-letter words): each matches
 * only itself. */
static void test_match_words_sharing_a_hash(void **state)
{
    (void)state;
    assert_int_equal(text_hash("glbvs", 5), text_hash("yacxa", 5));
    lexicon *lx = load_ok("@kind trigger\nw1 attack fr : glbvs\n"
                          "w2 armed_clash fr : yacxa suite\n");
    assert_string_equal(matches(lx, "glbvs yacxa suite yacxa glbvs", LANG_FR),
                        "[glbvs]=w1 [yacxa suite]=w2 [glbvs]=w1");
    lexicon *l2 = load_ok("@kind trigger\nw1 attack fr : glbvs\n");
    assert_string_equal(matches(l2, "yacxa", LANG_FR), "");
    /* A stem and a word with one hash. */
    lexicon *l3 = load_ok("@kind trigger\nw1 attack fr : glbvs*\n"
                          "w2 armed_clash fr : yacxa\n");
    assert_string_equal(matches(l3, "yacxa glbvsxx yacxaxx", LANG_FR),
                        "[yacxa]=w2 [glbvsxx]=w1*");
}

/* Thousands of words and forms: the tables of words and edges grow many
 * times over, every form is still found, and no other. */
static void test_match_after_the_tables_grow(void **state)
{
    (void)state;
    enum { N = 3000 };
    size_t cap = (size_t)N * 64, o = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    o += (size_t)snprintf(text + o, cap - o, "@kind trigger\n");
    for (int i = 0; i < N; i++)
        o += (size_t)snprintf(text + o, cap - o,
                              "e%d attack fr : mot%d ; mot%d suite%d ; "
                              "pre%d*\n",
                              i, i, i, i % 7, i);
    lexicon *lx = load_ok(text);
    free(text);
    assert_int_equal(lex_form_count(lx), 3 * N);
    assert_string_equal(matches(lx, "mot0 mot17 suite4 mot2999 suite3 "
                                    "mot3000 suite3 mot17 suite3",
                                LANG_FR),
                        "[mot0]=e0 [mot17]=e17 [mot2999 suite3]=e2999 "
                        "[mot17 suite3]=e17");
    /* One token, four stems (pre2* pre25* pre250* pre2500*), shortest
     * first; not pre0*, which it does not begin with. */
    assert_string_equal(matches(lx, "pre2500xyz pre0 prx", LANG_FR),
                        "[pre2500xyz]=e2* [pre2500xyz]=e25* "
                        "[pre2500xyz]=e250* [pre2500xyz]=e2500* [pre0]=e0*");
}

/* Words beyond ASCII, ligatures, apostrophes and hyphens, in forms and in
 * stems: a form's words are folded as the text's are. */
static void test_match_folded_words_and_stems(void **state)
{
    (void)state;
    lexicon *lx = load_ok("@kind trigger\n"
                          "man attack fr : manœuvre militaire\n"
                          "ca armed_clash fr : contre-attaqu*\n"
                          "as attack fr : l'assaut ; jusqu'au-boutist*\n"
                          "ar arrests fr : arrêt*\n");
    assert_string_equal(
        matches(lx, "Une MANOEUVRE militaire, une Manœuvre Militaire", LANG_FR),
        "[MANOEUVRE militaire]=man [Manœuvre Militaire]=man");
    assert_string_equal(matches(lx, "les contre-attaques, la contre-attaque",
                                LANG_FR),
                        "[contre-attaques]=ca* [contre-attaque]=ca*");
    assert_string_equal(matches(lx, "contre attaques", LANG_FR), "");
    assert_string_equal(
        matches(lx, "L’ASSAUT des jusqu’au-boutistes", LANG_FR),
        "[L’ASSAUT]=as [jusqu’au-boutistes]=as*");
    assert_string_equal(matches(lx, "ARRETES, arrêtés, arret", LANG_FR),
                        "[ARRETES]=ar* [arrêtés]=ar* [arret]=ar*");
}

/* A token with several stems and its own form: every entry, stems
 * shortest first, then the word. */
static void test_match_several_stems_of_one_token(void **state)
{
    (void)state;
    lexicon *lx = load_ok("@kind trigger\n"
                          "s1 attack fr : att*\n"
                          "s2 armed_clash fr : attaq*\n"
                          "ex abduction fr : attaque\n");
    assert_string_equal(matches(lx, "attaque", LANG_FR),
                        "[attaque]=s1* [attaque]=s2* [attaque]=ex");
    assert_string_equal(matches(lx, "attaques attiser att", LANG_FR),
                        "[attaques]=s1* [attaques]=s2* [attiser]=s1* "
                        "[att]=s1*");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_fixture_loads_with_counts, release),
        cmocka_unit_test_teardown(test_missing_dictionary_folder, release),
        cmocka_unit_test_teardown(test_entries_attributes_and_comments,
                                  release),
        cmocka_unit_test_teardown(test_bom_and_crlf, release),
        cmocka_unit_test_teardown(test_error_no_kind, release),
        cmocka_unit_test_teardown(test_error_missing_colon, release),
        cmocka_unit_test_teardown(test_error_bad_id, release),
        cmocka_unit_test_teardown(test_error_bad_lang, release),
        cmocka_unit_test_teardown(test_error_unknown_class, release),
        cmocka_unit_test_teardown(test_error_bad_prec, release),
        cmocka_unit_test_teardown(test_error_bad_attributes, release),
        cmocka_unit_test_teardown(test_error_empty_form, release),
        cmocka_unit_test_teardown(test_error_short_stem, release),
        cmocka_unit_test_teardown(test_error_star_not_at_word_end, release),
        cmocka_unit_test_teardown(test_bad_form_reported_once, release),
        cmocka_unit_test_teardown(test_error_unterminated_quote, release),
        cmocka_unit_test_teardown(test_error_directives, release),
        cmocka_unit_test_teardown(test_error_missing_include, release),
        cmocka_unit_test_teardown(test_error_class_conflict, release),
        cmocka_unit_test_teardown(test_error_not_text, release),
        cmocka_unit_test_teardown(test_every_problem_reported, release),
        cmocka_unit_test_teardown(test_include_loaded_once, release),
        cmocka_unit_test_teardown(test_class_lists, release),
        cmocka_unit_test_teardown(test_match_longest_wins, release),
        cmocka_unit_test_teardown(test_match_stems, release),
        cmocka_unit_test_teardown(test_match_elisions, release),
        cmocka_unit_test_teardown(test_match_elision_written_with_space,
                                  release),
        cmocka_unit_test_teardown(test_match_language_filter, release),
        cmocka_unit_test_teardown(test_match_stops_at_sentence_boundary,
                                  release),
        cmocka_unit_test_teardown(test_match_leftmost_longest, release),
        cmocka_unit_test_teardown(test_match_exact_and_stem_of_two_entries,
                                  release),
        cmocka_unit_test_teardown(test_match_shared_form, release),
        cmocka_unit_test_teardown(test_match_words_sharing_a_hash, release),
        cmocka_unit_test_teardown(test_match_after_the_tables_grow, release),
        cmocka_unit_test_teardown(test_match_folded_words_and_stems, release),
        cmocka_unit_test_teardown(test_match_several_stems_of_one_token,
                                  release),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
