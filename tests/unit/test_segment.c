/*
 * test_segment.c — text/segment.c: where sentences end in French and
 * English news text.  Abbreviations and initials do not end a sentence;
 * closing quotes go with the sentence they close; a headline without a
 * final period ends at its line break; a blank line always ends one.
 */
#include "testutil.h"

/* The sentences of s are exactly want[] (NULL-ended), by their text. */
static void expect_sentences(const char *s, const char *const *want)
{
    tdoc *t = tdoc_open(s);
    size_t n = 0;
    while (want[n])
        n++;
    int ok = t->doc.nsent == n;
    for (size_t i = 0; ok && i < n; i++)
        ok = strcmp(tu_sent_text(t, i), want[i]) == 0;
    if (!ok) {
        print_message("sentences of \"%s\" (%zu, want %zu):\n", s, t->doc.nsent,
                      n);
        for (size_t i = 0; i < t->doc.nsent; i++)
            print_message("  [%zu] \"%s\"\n", i, tu_sent_text(t, i));
        tdoc_close(t);
        fail();
        return; /* fail() is not declared noreturn */
    }
    /* Every token belongs to the sentence that covers it, and the
     * sentences tile the tokens in order. */
    size_t next = 0;
    for (size_t i = 0; i < t->doc.nsent; i++) {
        const sentence *se = &t->doc.sents[i];
        assert_int_equal(se->first, next);
        assert_true(se->count > 0);
        for (size_t k = se->first; k < se->first + se->count; k++)
            assert_int_equal(t->doc.toks[k].sent, i);
        next = se->first + se->count;
    }
    assert_int_equal(next, t->doc.ntok);
    tdoc_close(t);
}

#define SENTS(...) ((const char *const[]){__VA_ARGS__, NULL})

static void test_simple_french_and_english(void **state)
{
    (void)state;
    expect_sentences("Des tirs ont été entendus à Gao. La population a fui ! "
                     "Qui a tiré ? Personne ne le sait.",
                     SENTS("Des tirs ont été entendus à Gao.",
                           "La population a fui !", "Qui a tiré ?",
                           "Personne ne le sait."));
    expect_sentences("Gunmen raided a village. Two people died.",
                     SENTS("Gunmen raided a village.", "Two people died."));
    /* One sentence without final punctuation. */
    expect_sentences("un seul fragment", SENTS("un seul fragment"));
    /* A period before a lower-case word ends nothing. */
    expect_sentences("Le bilan. provisoire est lourd.",
                     SENTS("Le bilan. provisoire est lourd."));
}

static void test_titles_do_not_end_sentences(void **state)
{
    (void)state;
    expect_sentences("M. Diallo a rencontré le Gén. Traoré hier. Le Col. "
                     "Goïta était absent.",
                     SENTS("M. Diallo a rencontré le Gén. Traoré hier.",
                           "Le Col. Goïta était absent."));
    expect_sentences(
        "Lt. Smith met Dr. Jones in Gao. They left at noon.",
        SENTS("Lt. Smith met Dr. Jones in Gao.", "They left at noon."));
    expect_sentences("Mme. Koné et Mr. Brown sont arrivés.",
                     SENTS("Mme. Koné et Mr. Brown sont arrivés."));
}

static void test_etc(void **state)
{
    (void)state;
    /* "etc." before a capital ends the sentence, before a lower-case word
     * it does not. */
    expect_sentences("Ils ont saisi des fusils, des motos, etc. Le bilan "
                     "reste inconnu.",
                     SENTS("Ils ont saisi des fusils, des motos, etc.",
                           "Le bilan reste inconnu."));
    expect_sentences("Ils ont saisi des fusils, etc. dans la zone.",
                     SENTS("Ils ont saisi des fusils, etc. dans la zone."));
}

static void test_acronyms_initials_numbers(void **state)
{
    (void)state;
    expect_sentences(
        "The U.N. said troops left Kidal. Others stayed.",
        SENTS("The U.N. said troops left Kidal.", "Others stayed."));
    expect_sentences("J. R. Smith reported it. Nobody else did.",
                     SENTS("J. R. Smith reported it.", "Nobody else did."));
    expect_sentences("Camp No. 5 was shelled. Nobody was hurt.",
                     SENTS("Camp No. 5 was shelled.", "Nobody was hurt."));
    expect_sentences(
        "The convoy stopped 3.5 km from Tessit. It turned back.",
        SENTS("The convoy stopped 3.5 km from Tessit.", "It turned back."));
    expect_sentences(
        "Le convoi s'est arrêté à 3,5 km. Il est reparti.",
        SENTS("Le convoi s'est arrêté à 3,5 km.", "Il est reparti."));
    /* A sentence may start with a number or a date. */
    expect_sentences("Ils ont fui. 12 corps ont été retrouvés.",
                     SENTS("Ils ont fui.", "12 corps ont été retrouvés."));
}

static void test_quotes(void **state)
{
    (void)state;
    /* The period inside the guillemets ends the sentence after ». */
    expect_sentences("Le porte-parole a dit : « Nous avons repoussé "
                     "l'attaque. » Le calme est revenu.",
                     SENTS("Le porte-parole a dit : « Nous avons repoussé "
                           "l'attaque. »",
                           "Le calme est revenu."));
    /* With no-break spaces inside the guillemets, as typeset French has. */
    expect_sentences("Il a dit\u00A0: «\u00A0C'est fini.\u00A0» "
                     "Puis il est parti.",
                     SENTS("Il a dit\u00A0: «\u00A0C'est fini.\u00A0»",
                           "Puis il est parti."));
    /* A quote that closes and goes on after a comma is one sentence. */
    expect_sentences("« C'est fini. », a-t-il dit.",
                     SENTS("« C'est fini. », a-t-il dit."));
    expect_sentences("He said \"we won.\" Then he left.",
                     SENTS("He said \"we won.\"", "Then he left."));
    /* A quote that opens the next sentence. */
    expect_sentences(
        "Il a parlé. « Nous resterons », a-t-il ajouté.",
        SENTS("Il a parlé.", "« Nous resterons », a-t-il ajouté."));
}

static void test_ellipsis(void **state)
{
    (void)state;
    expect_sentences("Ils ont fui… Les autres sont restés.",
                     SENTS("Ils ont fui…", "Les autres sont restés."));
}

static void test_headlines_and_paragraphs(void **state)
{
    (void)state;
    /* A headline without a final period, then a blank line. */
    expect_sentences("Attaque meurtrière près de Ménaka\n\nDes hommes armés "
                     "ont ouvert le feu. Trois civils sont morts.",
                     SENTS("Attaque meurtrière près de Ménaka",
                           "Des hommes armés ont ouvert le feu.",
                           "Trois civils sont morts."));
    /* A headline on a line of its own, then a capital. */
    expect_sentences(
        "Bamako : un camp visé\nUn camp militaire a été visé.",
        SENTS("Bamako : un camp visé", "Un camp militaire a été visé."));
    /* A blank line ends a sentence even before a lower-case word. */
    expect_sentences(
        "premier paragraphe sans point\n\nsecond paragraphe.",
        SENTS("premier paragraphe sans point", "second paragraphe."));
    /* CRLF paragraphs. */
    expect_sentences("Titre\r\n\r\nTexte.", SENTS("Titre", "Texte."));
    /* A line wrapped after a comma, or in the middle of lower-case words,
     * does not end the sentence. */
    expect_sentences("Les assaillants, venus de\nla frontière,\nMopti et "
                     "Gao, ont fui.",
                     SENTS("Les assaillants, venus de\nla frontière,\nMopti et "
                           "Gao, ont fui."));
    /* Several blank lines make no empty sentences. */
    expect_sentences("\n\nUn.\n\n\n\nDeux.\n\n", SENTS("Un.", "Deux."));
}

/* A lower-case one-letter word before a period is no initial: the French
 * hour symbol in "vers 5 h." ends the sentence. */
static void test_lowercase_letter_is_not_an_initial(void **state)
{
    (void)state;
    expect_sentences(
        "Ils sont arrivés vers 5 h. Les habitants ont fui.",
        SENTS("Ils sont arrivés vers 5 h.", "Les habitants ont fui."));
}

static void test_abbrev_list(void **state)
{
    (void)state;
    assert_true(text_is_abbrev("gen", 3));
    assert_true(text_is_abbrev("col", 3));
    assert_true(text_is_abbrev("lt", 2));
    assert_true(text_is_abbrev("dr", 2));
    assert_true(text_is_abbrev("no", 2));
    assert_true(text_is_abbrev("mme", 3));
    assert_true(text_is_abbrev("sept", 4));
    assert_false(text_is_abbrev("gao", 3));
    assert_false(text_is_abbrev("", 0));
    assert_false(text_is_abbrev("ge", 2));          /* a prefix only */
    assert_false(text_is_abbrev("general", 7));     /* not a prefix match */
    assert_false(text_is_abbrev("lieutenant", 10)); /* too long to be one */
    assert_true(text_is_abbrev("genxx", 3));        /* n bytes are read */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simple_french_and_english),
        cmocka_unit_test(test_titles_do_not_end_sentences),
        cmocka_unit_test(test_etc),
        cmocka_unit_test(test_acronyms_initials_numbers),
        cmocka_unit_test(test_quotes),
        cmocka_unit_test(test_ellipsis),
        cmocka_unit_test(test_headlines_and_paragraphs),
        cmocka_unit_test(test_lowercase_letter_is_not_an_initial),
        cmocka_unit_test(test_abbrev_list),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
