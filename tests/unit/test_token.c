/*
 * test_token.c — text/token.c: words with inner hyphens, French elisions
 * as tokens of their own, names that look like elisions, numbers with
 * thousands groups and decimals, ordinals, dates, English possessives,
 * punctuation, and the case flags the later stages read.
 */
#include "testutil.h"

/* Prints every token (text, folded form, kind, flags): shown only when a
 * check fails, to see at once how the text was cut. */
static void dump(const tdoc *t)
{
    for (size_t i = 0; i < t->doc.ntok; i++)
        print_message("  [%zu] \"%s\" fold=\"%s\" kind=%d flags=%d\n", i,
                      tu_tok_text(t, i), tu_tok_fold(t, i), t->doc.toks[i].kind,
                      t->doc.toks[i].flags);
}

/* The tokens of s, by original text, are exactly want[] (NULL-ended). */
static void expect_tokens(const char *s, const char *const *want)
{
    tdoc *t = tdoc_open(s);
    size_t n = 0;
    while (want[n])
        n++;
    int ok = t->doc.ntok == n;
    for (size_t i = 0; ok && i < n; i++)
        ok = strcmp(tu_tok_text(t, i), want[i]) == 0;
    if (!ok) {
        print_message("tokens of \"%s\":\n", s);
        dump(t);
        tdoc_close(t);
        fail();
        return; /* fail() is not declared noreturn */
    }
    /* Offsets are increasing and inside the text. */
    for (size_t i = 0; i < t->doc.ntok; i++) {
        const token *k = &t->doc.toks[i];
        assert_true(k->off + k->len <= strlen(s));
        if (i)
            assert_true(k->off >=
                        t->doc.toks[i - 1].off + t->doc.toks[i - 1].len);
    }
    tdoc_close(t);
}

#define TOKS(...) ((const char *const[]){__VA_ARGS__, NULL})

/* Token i of t has this text, folded form, kind. */
static void expect_tok(const tdoc *t, size_t i, const char *text,
                       const char *folded, int kind)
{
    if (i >= t->doc.ntok || strcmp(tu_tok_text(t, i), text) != 0 ||
        strcmp(tu_tok_fold(t, i), folded) != 0 || t->doc.toks[i].kind != kind) {
        print_message("want token %zu = \"%s\" fold=\"%s\" kind=%d, got:\n", i,
                      text, folded, kind);
        dump(t);
        fail();
    }
}

/* ---- elisions ---- */

static void test_elisions_split(void **state)
{
    (void)state;
    static const char *const el[] = {"l", "d", "qu",    "j",     "n",
                                     "s", "c", "jusqu", "lorsqu"};
    static const char *const apos[] = {"'", "’"};
    for (size_t a = 0; a < 2; a++)
        for (size_t e = 0; e < sizeof el / sizeof *el; e++) {
            char text[64], head[16], fhead[16];
            snprintf(head, sizeof head, "%s%s", el[e], apos[a]);
            snprintf(fhead, sizeof fhead, "%s'", el[e]);
            snprintf(text, sizeof text, "x %s%sattaque", el[e], apos[a]);
            tdoc *t = tdoc_open(text);
            assert_int_equal(t->doc.ntok, 3);
            expect_tok(t, 1, head, fhead, TOK_WORD);
            assert_true(t->doc.toks[1].flags & TOKF_ELISION);
            expect_tok(t, 2, "attaque", "attaque", TOK_WORD);
            assert_false(t->doc.toks[2].flags & TOKF_ELISION);
            tdoc_close(t);
        }
}

static void test_elisions_in_a_sentence(void **state)
{
    (void)state;
    expect_tokens("Jusqu’à l'aube, lorsqu'ils n'ont pas d'eau, c'est qu'il "
                  "s'en va.",
                  TOKS("Jusqu’", "à", "l'", "aube", ",", "lorsqu'", "ils", "n'",
                       "ont", "pas", "d'", "eau", ",", "c'", "est", "qu'", "il",
                       "s'", "en", "va", "."));
    tdoc *t = tdoc_open("L’Armée de l'Air");
    expect_tok(t, 0, "L’", "l'", TOK_WORD);
    assert_int_equal(t->doc.toks[0].flags & (TOKF_ELISION | TOKF_CAP),
                     TOKF_ELISION | TOKF_CAP);
    expect_tok(t, 1, "Armée", "armee", TOK_WORD);
    assert_true(t->doc.toks[1].flags & TOKF_CAP);
    assert_false(t->doc.toks[1].flags & TOKF_ELISION);
    expect_tok(t, 3, "l'", "l'", TOK_WORD);
    tdoc_close(t);
    /* Two elisions in a row. */
    expect_tokens("qu'l'x", TOKS("qu'", "l'", "x"));
}

static void test_names_with_apostrophes_stay_whole(void **state)
{
    (void)state;
    tdoc *t = tdoc_open("N'Djamena et N’Goutjina, puis M'Bera.");
    expect_tok(t, 0, "N'Djamena", "n'djamena", TOK_WORD);
    assert_false(t->doc.toks[0].flags & TOKF_ELISION);
    assert_true(t->doc.toks[0].flags & TOKF_CAP);
    expect_tok(t, 2, "N’Goutjina", "n'goutjina", TOK_WORD);
    expect_tok(t, 5, "M'Bera", "m'bera", TOK_WORD);
    assert_int_equal(t->doc.ntok, 7);
    tdoc_close(t);
    /* But N' before a lower-case letter is the elision of "ne". */
    t = tdoc_open("N'ayant rien");
    expect_tok(t, 0, "N'", "n'", TOK_WORD);
    assert_true(t->doc.toks[0].flags & TOKF_ELISION);
    tdoc_close(t);
    /* Other inner apostrophes are part of the word. */
    expect_tokens("aujourd'hui O'Brien", TOKS("aujourd'hui", "O'Brien"));
}

/* ---- words ---- */

static void test_hyphens_and_accents_stay_whole(void **state)
{
    (void)state;
    tdoc *t = tdoc_open("un pick-up à Anéfis, Ould-Sidi et all-Qaïda");
    expect_tok(t, 1, "pick-up", "pick-up", TOK_WORD);
    expect_tok(t, 3, "Anéfis", "anefis", TOK_WORD);
    expect_tok(t, 5, "Ould-Sidi", "ould-sidi", TOK_WORD);
    expect_tok(t, 7, "all-Qaïda", "all-qaida", TOK_WORD);
    assert_int_equal(t->doc.ntok, 8);
    tdoc_close(t);
    /* A hyphen with nothing after it is punctuation. */
    expect_tokens("Gao- Kidal", TOKS("Gao", "-", "Kidal"));
    expect_tokens("-Gao", TOKS("-", "Gao"));
    expect_tokens("G5-Sahel 4x4 14h30", TOKS("G5-Sahel", "4x4", "14h30"));
}

static void test_case_flags(void **state)
{
    (void)state;
    tdoc *t = tdoc_open("La MINUSMA et les FAMa, ÉTATS-UNIS, a G5 mali A");
    long i = tu_find_tok(t, "La");
    assert_int_equal(t->doc.toks[i].flags & (TOKF_CAP | TOKF_UPPER), TOKF_CAP);
    i = tu_find_tok(t, "MINUSMA");
    assert_int_equal(t->doc.toks[i].flags & (TOKF_CAP | TOKF_UPPER),
                     TOKF_CAP | TOKF_UPPER);
    i = tu_find_tok(t, "FAMa");
    assert_int_equal(t->doc.toks[i].flags & (TOKF_CAP | TOKF_UPPER), TOKF_CAP);
    i = tu_find_tok(t, "ÉTATS-UNIS");
    assert_true(i >= 0);
    assert_int_equal(t->doc.toks[i].flags & (TOKF_CAP | TOKF_UPPER),
                     TOKF_CAP | TOKF_UPPER);
    i = tu_find_tok(t, "a");
    assert_int_equal(t->doc.toks[i].flags & (TOKF_CAP | TOKF_UPPER), 0);
    i = tu_find_tok(t, "G5"); /* one letter: not "all upper case" */
    assert_int_equal(t->doc.toks[i].flags & (TOKF_CAP | TOKF_UPPER), TOKF_CAP);
    i = tu_find_tok(t, "mali");
    assert_int_equal(t->doc.toks[i].flags & (TOKF_CAP | TOKF_UPPER), 0);
    i = tu_find_tok(t, "A");
    assert_int_equal(t->doc.toks[i].flags & (TOKF_CAP | TOKF_UPPER), TOKF_CAP);
    tdoc_close(t);
}

static void test_line_flags(void **state)
{
    (void)state;
    tdoc *t = tdoc_open("Titre\nligne deux\r\n\r\nparagraphe\n \n\tfin x");
    assert_int_equal(t->doc.ntok, 6);
    assert_int_equal(t->doc.toks[0].flags & (TOKF_NL | TOKF_PARA), 0);
    assert_int_equal(t->doc.toks[1].flags & (TOKF_NL | TOKF_PARA), TOKF_NL);
    assert_int_equal(t->doc.toks[2].flags & (TOKF_NL | TOKF_PARA), 0);
    assert_int_equal(t->doc.toks[3].flags & (TOKF_NL | TOKF_PARA),
                     TOKF_NL | TOKF_PARA);
    /* A line holding only blanks is a blank line. */
    assert_int_equal(t->doc.toks[4].flags & (TOKF_NL | TOKF_PARA),
                     TOKF_NL | TOKF_PARA);
    assert_int_equal(t->doc.toks[5].flags & (TOKF_NL | TOKF_PARA), 0);
    tdoc_close(t);
}

/* ---- numbers, ordinals, dates ---- */

static void test_numbers(void **state)
{
    (void)state;
    tdoc *t = tdoc_open("1 200 morts, 1,200 dead, 3,5 km, 07 h, 2,5 et 3.5");
    expect_tok(t, 0, "1 200", "1200", TOK_NUMBER);
    expect_tok(t, 3, "1,200", "1200", TOK_NUMBER);
    expect_tok(t, 6, "3,5", "3.5", TOK_NUMBER);
    expect_tok(t, 9, "07", "07", TOK_NUMBER);
    expect_tok(t, 12, "2,5", "2.5", TOK_NUMBER);
    expect_tok(t, 14, "3.5", "3.5", TOK_NUMBER);
    assert_int_equal(t->doc.ntok, 15);
    tdoc_close(t);

    /* Several groups; no-break and narrow no-break spaces as groupers. */
    t = tdoc_open("1 200 000 et 12\u00A0500 et 3\u202F400");
    expect_tok(t, 0, "1 200 000", "1200000", TOK_NUMBER);
    expect_tok(t, 2, "12\u00A0500", "12500", TOK_NUMBER);
    expect_tok(t, 4, "3\u202F400", "3400", TOK_NUMBER);
    tdoc_close(t);

    /* Not groups: a year before a count, a comma and a space, four
     * digits, two digits. */
    expect_tokens("en 2023 200 soldats", TOKS("en", "2023", "200", "soldats"));
    expect_tokens("12, 300", TOKS("12", ",", "300"));
    expect_tokens("1,2003", TOKS("1,2003"));
    t = tdoc_open("1,2003");
    expect_tok(t, 0, "1,2003", "1.2003", TOK_NUMBER); /* a decimal */
    tdoc_close(t);
    expect_tokens("3 45", TOKS("3", "45"));
    /* A final period is not a decimal point. */
    expect_tokens("tués : 12.", TOKS("tués", ":", "12", "."));
}

static void test_ordinals(void **state)
{
    (void)state;
    tdoc *t = tdoc_open("le 1er mai, la 2e région, the 21st battalion, "
                        "le 3ème, la 1re, 2nd, 3rd, 4th");
    expect_tok(t, 1, "1er", "1er", TOK_ORDINAL);
    expect_tok(t, 5, "2e", "2e", TOK_ORDINAL);
    expect_tok(t, 9, "21st", "21st", TOK_ORDINAL);
    expect_tok(t, 13, "3ème", "3eme", TOK_ORDINAL);
    expect_tok(t, 16, "1re", "1re", TOK_ORDINAL);
    expect_tok(t, 18, "2nd", "2nd", TOK_ORDINAL);
    expect_tok(t, 20, "3rd", "3rd", TOK_ORDINAL);
    expect_tok(t, 22, "4th", "4th", TOK_ORDINAL);
    tdoc_close(t);
    /* A suffix followed by more letters is not an ordinal. */
    t = tdoc_open("2emx");
    assert_int_equal(t->doc.ntok, 1);
    assert_int_equal(t->doc.toks[0].kind, TOK_WORD);
    tdoc_close(t);
}

static void test_dates(void **state)
{
    (void)state;
    tdoc *t = tdoc_open("le 07/11/2023, le 7-11-23 et le 07.11.2023.");
    expect_tok(t, 1, "07/11/2023", "07/11/2023", TOK_DATE);
    expect_tok(t, 4, "7-11-23", "7-11-23", TOK_DATE);
    expect_tok(t, 7, "07.11.2023", "07.11.2023", TOK_DATE);
    expect_tok(t, 8, ".", ".", TOK_PUNCT);
    assert_int_equal(t->doc.ntok, 9);
    tdoc_close(t);
    /* Not dates: three-digit year part, a fraction, a decimal. */
    t = tdoc_open("07/11/202 1/2 3.5");
    assert_int_not_equal(t->doc.toks[0].kind, TOK_DATE);
    for (size_t i = 0; i < t->doc.ntok; i++)
        assert_int_not_equal(t->doc.toks[i].kind, TOK_DATE);
    tdoc_close(t);
}

/* ---- possessives and punctuation ---- */

static void test_english_possessive(void **state)
{
    (void)state;
    tdoc *t = tdoc_open("Africa's army and Mali’s");
    expect_tok(t, 0, "Africa", "africa", TOK_WORD);
    expect_tok(t, 1, "'s", "'s", TOK_WORD);
    expect_tok(t, 2, "army", "army", TOK_WORD);
    expect_tok(t, 4, "Mali", "mali", TOK_WORD);
    expect_tok(t, 5, "’s", "'s", TOK_WORD);
    assert_int_equal(t->doc.ntok, 6);
    tdoc_close(t);
    /* 's followed by more letters is a word of its own kind. */
    expect_tokens("don't it's", TOKS("don't", "it", "'s"));
}

static void test_punctuation(void **state)
{
    (void)state;
    tdoc *t = tdoc_open("« Gao » (Mali) : 3 tués ; « non ! » — fin…");
    expect_tokens("« Gao » (Mali) : 3 tués ; « non ! » — fin…",
                  TOKS("«", "Gao", "»", "(", "Mali", ")", ":", "3", "tués", ";",
                       "«", "non", "!", "»", "—", "fin", "…"));
    for (size_t i = 0; i < t->doc.ntok; i++) {
        const char *s = tu_tok_text(t, i);
        int word = strcmp(s, "Gao") == 0 || strcmp(s, "Mali") == 0 ||
                   strcmp(s, "tués") == 0 || strcmp(s, "non") == 0 ||
                   strcmp(s, "fin") == 0;
        if (strcmp(s, "3") == 0)
            assert_int_equal(t->doc.toks[i].kind, TOK_NUMBER);
        else
            assert_int_equal(t->doc.toks[i].kind, word ? TOK_WORD : TOK_PUNCT);
    }
    tdoc_close(t);
    /* "..." is three tokens; a lone apostrophe is punctuation. */
    expect_tokens("a... ' b", TOKS("a", ".", ".", ".", "'", "b"));
}

static void test_folded_spans_and_empty(void **state)
{
    (void)state;
    tdoc *t = tdoc_open("  ");
    assert_int_equal(t->doc.ntok, 0);
    tdoc_close(t);
    t = tdoc_open("");
    assert_int_equal(t->doc.ntok, 0);
    tdoc_close(t);
    /* Folded spans are laid end to end in the folded buffer. */
    t = tdoc_open("Ménaka ÉTÉ l’eau 1 200");
    size_t end = 0;
    for (size_t i = 0; i < t->doc.ntok; i++) {
        assert_int_equal(t->doc.toks[i].foff, end);
        end += t->doc.toks[i].flen;
    }
    assert_int_equal(end, t->folded.len);
    assert_memory_equal(t->folded.ptr, "menakaetel'eau1200", end);
    tdoc_close(t);
    /* Invalid bytes (before cleaning) do not stop the tokenizer. */
    t = tdoc_openn("ab\377cd ef", 8);
    assert_true(t->doc.ntok >= 2);
    tdoc_close(t);
}


/* ---- the hash of the folded form ---- */

/* Every token carries text_hash of its folded form, whichever path folded
 * it: ASCII words read in one pass, words with accents or ligatures,
 * elisions, hyphens, numbers that lose their separators, punctuation. */
static void test_tokens_carry_the_hash_of_their_folded_form(void **state)
{
    (void)state;
    const char *texts[] = {
        "Des frappes AÉRIENNES ont visé l'armée à Gao, près d’Anéfis.",
        "1 200 morts, 3,5 km, le 2e jour, 07/11/2023 ; un pick-up ŒUVRE "
        "Ould-Sidi N'Djamena aujourd'hui « ça » — ﬁn ½ Africa's",
        "ABC abc Abc a1 A1 14h30 4x4 qu' jusqu'", "\xc2\xad x"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        tdoc *t = tdoc_open(texts[i]);
        assert_true(t->doc.ntok > 0);
        for (size_t k = 0; k < t->doc.ntok; k++) {
            const token *tk = &t->doc.toks[k];
            if (tk->hash != text_hash(tok_fold(&t->doc, tk), tk->flen)) {
                print_message("token %zu of \"%s\": wrong hash\n", k,
                              texts[i]);
                dump(t);
                fail();
            }
        }
        tdoc_close(t);
    }
    /* The same folded form, the same hash; case and accents aside. */
    tdoc *t = tdoc_open("Armée ARMEE armee armés");
    assert_int_equal(t->doc.toks[0].hash, t->doc.toks[1].hash);
    assert_int_equal(t->doc.toks[1].hash, t->doc.toks[2].hash);
    assert_int_not_equal(t->doc.toks[2].hash, t->doc.toks[3].hash);
    tdoc_close(t);
}

/* The one-pass path for ASCII words sets the same case flags as the
 * general one: a capital first, every letter upper case (two or more),
 * digits aside. */
static void test_case_flags_of_ascii_words(void **state)
{
    (void)state;
    tdoc *t = tdoc_open("FAMA Fama fama G5 A a1 B2B UN 5G");
    static const uint8_t want[] = {
        TOKF_CAP | TOKF_UPPER, TOKF_CAP, 0, TOKF_CAP, TOKF_CAP, 0,
        TOKF_CAP | TOKF_UPPER, TOKF_CAP | TOKF_UPPER, 0};
    assert_int_equal(t->doc.ntok, sizeof want);
    for (size_t k = 0; k < sizeof want; k++)
        if ((t->doc.toks[k].flags & (TOKF_CAP | TOKF_UPPER)) != want[k]) {
            print_message("token %zu: flags %d, want %d\n", k,
                          t->doc.toks[k].flags, want[k]);
            dump(t);
            fail();
        }
    tdoc_close(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_elisions_split),
        cmocka_unit_test(test_elisions_in_a_sentence),
        cmocka_unit_test(test_names_with_apostrophes_stay_whole),
        cmocka_unit_test(test_hyphens_and_accents_stay_whole),
        cmocka_unit_test(test_case_flags),
        cmocka_unit_test(test_line_flags),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_ordinals),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_english_possessive),
        cmocka_unit_test(test_punctuation),
        cmocka_unit_test(test_folded_spans_and_empty),
        cmocka_unit_test(test_tokens_carry_the_hash_of_their_folded_form),
        cmocka_unit_test(test_case_flags_of_ascii_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
