/*
 * test_coder.c — the library end to end (core/ctx.c, extract/coder.c,
 * extract/assemble.c, core/event.c) with the fixture dictionary
 * tests/fixtures/dict: an article in, events out, with the right ACLED
 * types, certainty, and evidence spans that point at the right bytes of
 * the text; warnings for empty and broken articles; the JSON form.
 */
#include "testutil.h"

#include <jansson.h>

#include "veille.h"

/* ---- set-up: one context for the whole group ---- */

static int setup(void **state)
{
    veille_options o = {TU_FIXTURE_DICT, "tests/fixtures/no-gazetteer"};
    veille_ctx *ctx = NULL;
    int rc = veille_ctx_new(&ctx, &o);
    if (rc != VEILLE_OK) {
        print_error("veille_ctx_new: %s\n", veille_errmsg(ctx));
        veille_ctx_free(ctx);
        return -1;
    }
    *state = ctx;
    return 0;
}

static int teardown(void **state)
{
    veille_ctx_free(*state);
    return 0;
}

typedef struct coded {
    veille_article *a;
    veille_coder *c;
} coded;

/* Codes one article made of (field, value) pairs, NULL-ended. */
static coded code_opts(const veille_ctx *ctx, const veille_code_options *o, ...)
{
    coded k;
    assert_int_equal(veille_article_new(&k.a), VEILLE_OK);
    va_list ap;
    va_start(ap, o);
    for (;;) {
        int f = va_arg(ap, int);
        if (f < 0)
            break;
        const char *v = va_arg(ap, const char *);
        assert_int_equal(veille_article_set(k.a, (veille_field)f, v, strlen(v)),
                         VEILLE_OK);
    }
    va_end(ap);
    assert_int_equal(veille_coder_new(&k.c, ctx), VEILLE_OK);
    assert_int_equal(veille_code(k.c, k.a, o), VEILLE_OK);
    return k;
}

#define CODE(ctx, ...) code_opts((ctx), NULL, __VA_ARGS__, -1)

static void coded_free(coded *k)
{
    veille_coder_free(k->c);
    veille_article_free(k->a);
}

/* A field as a C string (static ring). */
static const char *fs(const veille_event *e, const char *field)
{
    static char ring[4][1024];
    static int k;
    char *o = ring[k++ & 3];
    veille_str s = veille_event_str(e, field);
    assert_true(s.len < 1024);
    if (s.len)
        memcpy(o, s.ptr, s.len);
    o[s.len] = '\0';
    return o;
}

/* The normalized text an event's offsets refer to. */
static const char *event_text(const veille_event *e)
{
    size_t off;
    veille_str s = veille_event_sentence(e, &off);
    return s.ptr - off;
}

/* Field's evidence is want, at the offset where want sits in text
 * (after the first occurrence of `after`, when not NULL). */
static void expect_evidence(const veille_event *e, const char *field,
                            const char *want, const char *text,
                            const char *after)
{
    veille_str ev = {NULL, 0};
    size_t off = 0;
    assert_int_equal(veille_event_evidence(e, field, &ev, &off), 1);
    size_t from = after ? tu_offset_of(text, after) : 0;
    size_t at = from + tu_offset_of(text + from, want);
    if (off != at || ev.len != strlen(want) ||
        memcmp(ev.ptr, want, ev.len) != 0)
        print_message("%s evidence: \"%.*s\" at %zu, want \"%s\" at %zu\n",
                      field, (int)ev.len, ev.ptr, off, want, at);
    assert_int_equal(off, at);
    assert_int_equal(ev.len, strlen(want));
    assert_memory_equal(ev.ptr, want, ev.len);
    /* The view is the text itself at that offset. */
    assert_ptr_equal(ev.ptr, event_text(e) + off);
}

static void expect_sentence(const veille_event *e, const char *want,
                            const char *text)
{
    size_t off;
    veille_str s = veille_event_sentence(e, &off);
    assert_int_equal(s.len, strlen(want));
    assert_memory_equal(s.ptr, want, s.len);
    assert_int_equal(off, tu_offset_of(text, want));
}

/* ---- context ---- */

static void test_ctx_loaded(void **state)
{
    const veille_ctx *ctx = *state;
    assert_string_equal(veille_ctx_dict_dir(ctx), TU_FIXTURE_DICT);
    assert_string_equal(veille_ctx_data_dir(ctx), "tests/fixtures/no-gazetteer");
    assert_int_equal(veille_ctx_entry_count(ctx), 10);
    assert_int_equal(veille_ctx_form_count(ctx), 22);
    assert_string_equal(veille_errmsg(ctx), "");
}

static void test_ctx_missing_folder(void **state)
{
    (void)state;
    veille_options o = {"tests/fixtures/no-such-dict", NULL};
    veille_ctx *ctx = NULL;
    int rc = veille_ctx_new(&ctx, &o);
    assert_true(rc < 0);
    assert_non_null(ctx);
    const char *msg = veille_errmsg(ctx);
    assert_true(tu_contains(msg, "tests/fixtures/no-such-dict/index.txt"));
    assert_true(tu_contains(msg, "cannot open"));
    /* A coder cannot be made from it. */
    veille_coder *c = (veille_coder *)1;
    assert_int_equal(veille_coder_new(&c, ctx), VEILLE_EINVAL);
    assert_null(c);
    veille_ctx_free(ctx);
    veille_ctx_free(NULL);
    assert_string_equal(veille_strstatus(VEILLE_EPARSE), "malformed input");
}

static void report_count(void *user, const char *file, long line,
                         const char *msg)
{
    (void)file;
    (void)msg;
    assert_true(line > 0);
    (*(int *)user)++;
}

static void test_dict_check(void **state)
{
    (void)state;
    int n = 0;
    assert_int_equal(veille_dict_check(TU_FIXTURE_DICT, report_count, &n), 0);
    assert_int_equal(n, 0);
    char *dir = tmpdir_new();
    free(tu_write_file(dir, "index.txt",
                       "@kind trigger\nraid bombing fr : raid\n"
                       "Raid attack fr : raid\n"));
    assert_int_equal(veille_dict_check(dir, report_count, &n), 2);
    assert_int_equal(n, 2);
    tmpdir_free(dir);
}

/* ---- coding ---- */

static const char *const FR1 =
    "Des frappes aériennes ont vraisemblablement visé un dépôt près de "
    "Léré mardi. Le lendemain, des hommes armés ont tendu une embuscade à "
    "une patrouille. Le gouvernement accuse les rebelles.";

static void test_code_french_article(void **state)
{
    coded k = CODE(*state, VEILLE_F_ID, "t1", VEILLE_F_LANG, "fr",
                   VEILLE_F_SOURCE, "Le Journal", VEILLE_F_TEXT, FR1);
    assert_int_equal(veille_warning_count(k.c), 0);
    assert_string_equal(veille_coded_lang(k.c), "fr");
    assert_int_equal(veille_event_count(k.c), 3);

    const veille_event *e = veille_event_at(k.c, 0);
    assert_string_equal(fs(e, "article_id"), "t1");
    assert_string_equal(fs(e, "event_id_cnty"), "t1-1");
    assert_string_equal(fs(e, "disorder_type"), "Political violence");
    assert_string_equal(fs(e, "event_type"), "Explosions/Remote violence");
    assert_string_equal(fs(e, "sub_event_type"), "Air/drone strike");
    assert_string_equal(fs(e, "certainty"), "hedged");
    assert_string_equal(fs(e, "source"), "Le Journal");
    assert_string_equal(fs(e, "lang"), "fr");
    assert_string_equal(fs(e, "plover"), "FIGHT");
    assert_string_equal(fs(e, "cameo"), "195");
    assert_string_equal(fs(e, "no_such_field"), "");
    expect_sentence(e,
                    "Des frappes aériennes ont vraisemblablement visé un "
                    "dépôt près de Léré mardi.",
                    FR1);
    expect_evidence(e, "sub_event_type", "frappes aériennes", FR1, NULL);
    expect_evidence(e, "certainty", "vraisemblablement", FR1, NULL);
    assert_int_equal(veille_event_evidence(e, "fatalities", NULL, NULL), 0);
    assert_int_equal(veille_event_evidence(e, "bogus", NULL, NULL), 0);

    e = veille_event_at(k.c, 1);
    assert_string_equal(fs(e, "event_id_cnty"), "t1-2");
    assert_string_equal(fs(e, "event_type"), "Battles");
    assert_string_equal(fs(e, "sub_event_type"), "Armed clash");
    assert_string_equal(fs(e, "certainty"), "stated");
    expect_evidence(e, "sub_event_type", "tendu une embuscade", FR1, NULL);
    assert_int_equal(veille_event_evidence(e, "certainty", NULL, NULL), 0);
    expect_sentence(e,
                    "Le lendemain, des hommes armés ont tendu une "
                    "embuscade à une patrouille.",
                    FR1);

    /* A political event, outside ACLED's types, comes last. */
    e = veille_event_at(k.c, 2);
    assert_string_equal(fs(e, "event_type"), "");
    assert_string_equal(fs(e, "sub_event_type"), "");
    assert_string_equal(fs(e, "plover"), "ACCUSE");
    assert_string_equal(fs(e, "cameo"), "112"); /* the entry's cameo= */
    expect_evidence(e, "sub_event_type", "accuse", FR1, NULL);

    assert_null(veille_event_at(k.c, 3));
    coded_free(&k);
}

static void test_acled_events_before_political(void **state)
{
    const char *text = "Le ministre accuse les groupes armés. Un IED a "
                       "explosé au passage d'un convoi.";
    coded k = CODE(*state, VEILLE_F_ID, "p1", VEILLE_F_TEXT, text);
    assert_int_equal(veille_event_count(k.c), 2);
    const veille_event *e = veille_event_at(k.c, 0);
    assert_string_equal(fs(e, "sub_event_type"),
                        "Remote explosive/landmine/IED");
    assert_string_equal(fs(e, "event_id_cnty"), "p1-1");
    expect_evidence(e, "sub_event_type", "IED", text, NULL);
    e = veille_event_at(k.c, 1);
    assert_string_equal(fs(e, "plover"), "ACCUSE");
    assert_string_equal(fs(e, "event_id_cnty"), "p1-2");
    coded_free(&k);
}

static void test_most_specific_trigger_wins(void **state)
{
    /* frappes aériennes (prec 8) over frapp* (prec 3); embuscade (6)
     * over pick-up (1): one event a sentence. */
    const char *text = "Les frappes aériennes ont frappé le camp.\n\n"
                       "Un pick-up est tombé dans une embuscade.";
    coded k = CODE(*state, VEILLE_F_ID, "s1", VEILLE_F_TEXT, text);
    assert_int_equal(veille_event_count(k.c), 2);
    const veille_event *e = veille_event_at(k.c, 0);
    assert_string_equal(fs(e, "sub_event_type"), "Air/drone strike");
    expect_evidence(e, "sub_event_type", "frappes aériennes", text, NULL);
    e = veille_event_at(k.c, 1);
    assert_string_equal(fs(e, "sub_event_type"), "Armed clash");
    expect_evidence(e, "sub_event_type", "embuscade", text, NULL);
    coded_free(&k);
}

static void test_same_class_one_event(void **state)
{
    /* Two sentences about one ambush: one event, evidenced by the first;
     * the hedge of the second makes it hedged. */
    const char *text = "Une embuscade a visé un convoi près de Gao. Les "
                       "auteurs présumés de l'embuscade ont fui.";
    coded k = CODE(*state, VEILLE_F_ID, "m1", VEILLE_F_TEXT, text);
    assert_int_equal(veille_event_count(k.c), 1);
    const veille_event *e = veille_event_at(k.c, 0);
    assert_string_equal(fs(e, "sub_event_type"), "Armed clash");
    expect_sentence(e, "Une embuscade a visé un convoi près de Gao.", text);
    expect_evidence(e, "sub_event_type", "embuscade", text, NULL);
    assert_string_equal(fs(e, "certainty"), "hedged");
    expect_evidence(e, "certainty", "présumés", text, NULL);
    coded_free(&k);
}

static void test_code_english_article(void **state)
{
    const char *text = "Militants ambushed an army convoy near the border on "
                       "Monday, reportedly killing several soldiers.";
    /* The article says it is English. */
    coded k = CODE(*state, VEILLE_F_ID, "en1", VEILLE_F_LANG, "en-GB",
                   VEILLE_F_TEXT, text);
    assert_string_equal(veille_coded_lang(k.c), "en");
    assert_int_equal(veille_event_count(k.c), 1);
    const veille_event *e = veille_event_at(k.c, 0);
    assert_string_equal(fs(e, "sub_event_type"), "Armed clash");
    assert_string_equal(fs(e, "certainty"), "hedged");
    assert_string_equal(fs(e, "lang"), "en");
    expect_evidence(e, "sub_event_type", "ambushed", text, NULL);
    expect_evidence(e, "certainty", "reportedly", text, NULL);
    coded_free(&k);
    /* The language guessed from the text. */
    k = CODE(*state, VEILLE_F_ID, "en2", VEILLE_F_TEXT, text);
    assert_string_equal(veille_coded_lang(k.c), "en");
    assert_int_equal(veille_event_count(k.c), 1);
    coded_free(&k);
}

static void test_lang_option_overrides(void **state)
{
    /* French text, coded as English: French-only forms do not apply, the
     * IED form (both languages) does. */
    const char *text = "Des frappes aériennes ont visé le camp. Un IED a "
                       "explosé sur la route.";
    veille_code_options o = {"en", NULL};
    coded k = code_opts(*state, &o, VEILLE_F_ID, "o1", VEILLE_F_LANG, "fr",
                        VEILLE_F_TEXT, text, -1);
    assert_string_equal(veille_coded_lang(k.c), "en");
    assert_int_equal(veille_event_count(k.c), 1);
    assert_string_equal(fs(veille_event_at(k.c, 0), "sub_event_type"),
                        "Remote explosive/landmine/IED");
    assert_string_equal(fs(veille_event_at(k.c, 0), "lang"), "en");
    coded_free(&k);
    /* Without the option: the article's own language. */
    k = CODE(*state, VEILLE_F_ID, "o2", VEILLE_F_LANG, "fr", VEILLE_F_TEXT,
             text);
    assert_string_equal(veille_coded_lang(k.c), "fr");
    assert_int_equal(veille_event_count(k.c), 2);
    assert_string_equal(fs(veille_event_at(k.c, 0), "sub_event_type"),
                        "Air/drone strike");
    coded_free(&k);
}

static void test_empty_article(void **state)
{
    coded k = CODE(*state, VEILLE_F_ID, "vide", VEILLE_F_TEXT, "");
    assert_int_equal(veille_event_count(k.c), 0);
    assert_int_equal(veille_warning_count(k.c), 1);
    assert_true(tu_contains(veille_warning_at(k.c, 0), "article vide"));
    assert_true(tu_contains(veille_warning_at(k.c, 0), "no text"));
    assert_null(veille_warning_at(k.c, 1));
    assert_null(veille_event_at(k.c, 0));
    coded_free(&k);
    /* Only blanks: nothing to code, no event. */
    k = CODE(*state, VEILLE_F_ID, "blanc", VEILLE_F_TEXT, " \n\n\t ");
    assert_int_equal(veille_event_count(k.c), 0);
    coded_free(&k);
    /* No text but a title: the title is coded. */
    k = CODE(*state, VEILLE_F_ID, "titre", VEILLE_F_TITLE,
             "Embuscade meurtrière près de Tessit");
    assert_int_equal(veille_warning_count(k.c), 0);
    assert_int_equal(veille_event_count(k.c), 1);
    coded_free(&k);
}

static void test_invalid_utf8_warning(void **state)
{
    const char *text = "Bilan\xFF : des frappes aériennes ont visé Gao.";
    coded k = CODE(*state, VEILLE_F_ID, "bad1", VEILLE_F_TEXT, text);
    assert_int_equal(veille_warning_count(k.c), 1);
    const char *w = veille_warning_at(k.c, 0);
    assert_true(tu_contains(w, "article bad1"));
    assert_true(tu_contains(w, "0xFF"));
    assert_true(tu_contains(w, "offset 5"));
    /* Still coded, on the cleaned text: offsets count U+FFFD's 3 bytes. */
    assert_int_equal(veille_event_count(k.c), 1);
    const veille_event *e = veille_event_at(k.c, 0);
    const char *clean = "Bilan\xEF\xBF\xBD : des frappes aériennes ont visé "
                        "Gao.";
    assert_memory_equal(event_text(e), clean, strlen(clean));
    expect_evidence(e, "sub_event_type", "frappes aériennes", clean, NULL);
    coded_free(&k);

    /* Many bad bytes: five named, then a count. */
    k = CODE(*state, VEILLE_F_ID, "bad2", VEILLE_F_TEXT,
             "a\x80 b\x81 c\x82 d\x83 e\x84 f\x85 g\x86 embuscade");
    assert_int_equal(veille_warning_count(k.c), 6);
    assert_true(tu_contains(veille_warning_at(k.c, 0), "offset 1"));
    assert_true(tu_contains(veille_warning_at(k.c, 4), "0x84"));
    assert_true(tu_contains(veille_warning_at(k.c, 5), "7 invalid UTF-8"));
    assert_int_equal(veille_event_count(k.c), 1);
    coded_free(&k);
}

static void test_decomposed_input_is_normalized(void **state)
{
    /* e + U+0301: evidence is given in the NFC text. */
    const char *text = "Des frappes ae\xCC\x81riennes ont visé Gao.";
    coded k = CODE(*state, VEILLE_F_ID, "nfc", VEILLE_F_TEXT, text);
    assert_int_equal(veille_event_count(k.c), 1);
    const veille_event *e = veille_event_at(k.c, 0);
    const char *nfc = "Des frappes aériennes ont visé Gao.";
    assert_memory_equal(event_text(e), nfc, strlen(nfc));
    expect_evidence(e, "sub_event_type", "frappes aériennes", nfc, NULL);
    coded_free(&k);
}

static void test_coder_reused(void **state)
{
    coded k = CODE(*state, VEILLE_F_ID, "r1", VEILLE_F_TEXT, FR1);
    assert_int_equal(veille_event_count(k.c), 3);
    veille_article *b;
    assert_int_equal(veille_article_new(&b), VEILLE_OK);
    assert_int_equal(veille_article_set(b, VEILLE_F_ID, "r2", 2), VEILLE_OK);
    const char *calm = "Le marché a rouvert dans le calme.";
    assert_int_equal(veille_article_set(b, VEILLE_F_TEXT, calm, strlen(calm)),
                     VEILLE_OK);
    assert_int_equal(veille_code(k.c, b, NULL), VEILLE_OK);
    assert_int_equal(veille_event_count(k.c), 0);
    assert_int_equal(veille_warning_count(k.c), 0);
    /* And back to the first: the same events again. */
    assert_int_equal(veille_code(k.c, k.a, NULL), VEILLE_OK);
    assert_int_equal(veille_event_count(k.c), 3);
    assert_string_equal(fs(veille_event_at(k.c, 2), "event_id_cnty"), "r1-3");
    veille_article_free(b);
    coded_free(&k);
}

/* ---- JSON ---- */

/* ACLED's 31 columns, in ACLED's order. */
static const char acled_fields[] =
    "event_id_cnty event_date year time_precision disorder_type event_type "
    "sub_event_type actor1 assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 "
    "interaction civilian_targeting iso region country admin1 admin2 admin3 "
    "location latitude longitude geo_precision source source_scale notes "
    "fatalities tags timestamp";

static void test_event_to_json(void **state)
{
    coded k = CODE(*state, VEILLE_F_ID, "j\"1", VEILLE_F_SOURCE,
                   "Radio \"Kledu\"", VEILLE_F_TEXT, FR1);
    assert_int_equal(veille_event_count(k.c), 3);
    char *out = NULL;
    size_t len = 0, cap = 0;
    assert_int_equal(
        veille_event_to_json(veille_event_at(k.c, 0), &out, &len, &cap),
        VEILLE_OK);
    assert_non_null(out);
    assert_int_equal(strlen(out), len);
    json_error_t je;
    json_t *o = json_loadb(out, len, 0, &je);
    if (!o)
        print_message("%s\n%s\n", je.text, out);
    assert_non_null(o);
    assert_true(json_is_object(o));
    char names[sizeof acled_fields];
    memcpy(names, acled_fields, sizeof names);
    int nnames = 0;
    for (char *sv, *f = strtok_r(names, " ", &sv); f;
         f = strtok_r(NULL, " ", &sv), nnames++) {
        if (!json_object_get(o, f))
            print_message("no \"%s\" in %s\n", f, out);
        assert_non_null(json_object_get(o, f));
    }
    assert_int_equal(nnames, 31);
    assert_string_equal(json_string_value(json_object_get(o, "event_id_cnty")),
                        "j\"1-1");
    assert_string_equal(json_string_value(json_object_get(o, "source")),
                        "Radio \"Kledu\"");
    assert_string_equal(json_string_value(json_object_get(o, "sub_event_type")),
                        "Air/drone strike");
    assert_string_equal(json_string_value(json_object_get(o, "certainty")),
                        "hedged");
    /* Unknown numbers are null, unknown strings empty; a violent event
     * that reports no deaths has ACLED's 0 fatalities. */
    assert_int_equal(json_integer_value(json_object_get(o, "fatalities")), 0);
    assert_true(json_is_null(json_object_get(o, "latitude")));
    assert_string_equal(json_string_value(json_object_get(o, "actor1")), "");
    /* Sources and evidence. */
    json_t *src = json_object_get(o, "sources");
    assert_true(json_is_array(src));
    assert_int_equal(json_array_size(src), 1);
    assert_string_equal(json_string_value(json_array_get(src, 0)), "j\"1");
    json_t *ev = json_object_get(o, "evidence");
    assert_true(json_is_object(ev));
    json_t *sub = json_object_get(ev, "sub_event_type");
    assert_non_null(sub);
    assert_string_equal(json_string_value(json_object_get(sub, "text")),
                        "frappes aériennes");
    size_t at = tu_offset_of(FR1, "frappes aériennes");
    assert_int_equal(json_integer_value(json_object_get(sub, "start")), at);
    assert_int_equal(json_integer_value(json_object_get(sub, "end")),
                     at + strlen("frappes aériennes"));
    json_t *sent = json_object_get(ev, "sentence");
    assert_int_equal(json_integer_value(json_object_get(sent, "start")), 0);
    assert_non_null(json_object_get(ev, "certainty"));
    json_decref(o);

    /* A second event appends to the same buffer. */
    size_t first = len;
    assert_int_equal(
        veille_event_to_json(veille_event_at(k.c, 1), &out, &len, &cap),
        VEILLE_OK);
    assert_true(len > first);
    assert_true(cap > len);
    json_t *o2 = json_loadb(out + first, len - first, 0, &je);
    assert_non_null(o2);
    assert_string_equal(json_string_value(json_object_get(o2, "event_type")),
                        "Battles");
    assert_null(json_object_get(json_object_get(o2, "evidence"), "certainty"));
    json_decref(o2);
    free(out);
    coded_free(&k);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ctx_loaded),
        cmocka_unit_test(test_ctx_missing_folder),
        cmocka_unit_test(test_dict_check),
        cmocka_unit_test(test_code_french_article),
        cmocka_unit_test(test_acled_events_before_political),
        cmocka_unit_test(test_most_specific_trigger_wins),
        cmocka_unit_test(test_same_class_one_event),
        cmocka_unit_test(test_code_english_article),
        cmocka_unit_test(test_lang_option_overrides),
        cmocka_unit_test(test_empty_article),
        cmocka_unit_test(test_invalid_utf8_warning),
        cmocka_unit_test(test_decomposed_input_is_normalized),
        cmocka_unit_test(test_coder_reused),
        cmocka_unit_test(test_event_to_json),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
