/*
 * test_lang.c — text/lang.c: French or English from function words, for
 * articles that do not say which.  French wins when unsure.
 */
#include "testutil.h"

static const char *guess(const char *s)
{
    tdoc *t = tdoc_open(s);
    const char *l = text_guess_lang(&t->doc);
    tdoc_close(t);
    return l;
}

static void test_french_paragraph(void **state)
{
    (void)state;
    assert_string_equal(
        guess("Des hommes armés ont attaqué dans la nuit de lundi à mardi "
              "un poste de la gendarmerie près de la frontière. Selon une "
              "source locale, les assaillants sont repartis avec des motos "
              "et l'armée a lancé une opération de ratissage."),
        "fr");
    assert_string_equal(guess("Les FAMa ont repris le contrôle de la ville."),
                        "fr");
}

static void test_english_paragraph(void **state)
{
    (void)state;
    assert_string_equal(
        guess("Gunmen attacked a police post near the border on Monday "
              "night, a local official said. The attackers fled on "
              "motorbikes and the army has launched a search operation in "
              "the area, according to residents who spoke to reporters."),
        "en");
    assert_string_equal(guess("The army said it had retaken the town."), "en");
}

static void test_french_with_some_english_stays_french(void **state)
{
    (void)state;
    assert_string_equal(
        guess("Le porte-parole de la mission a cité un rapport intitulé "
              "« The State of the Sahel », publié par un centre de "
              "recherche. Selon lui, les casques bleus sont restés dans "
              "leur base et la situation est restée calme pendant la "
              "journée."),
        "fr");
    /* English names and a quoted English phrase in French reporting. */
    assert_string_equal(
        guess("Selon The New Humanitarian, « the road was closed » depuis "
              "trois jours et les convois de vivres sont bloqués à l'entrée "
              "de la ville."),
        "fr");
}

static void test_english_with_some_french_stays_english(void **state)
{
    (void)state;
    assert_string_equal(
        guess("The spokesman of the Forces Armées Maliennes said that the "
              "convoy had been attacked near the town of Léré, and that "
              "the soldiers were able to push back the assailants."),
        "en");
}

static void test_unsure_is_french(void **state)
{
    (void)state;
    assert_string_equal(guess(""), "fr");
    assert_string_equal(guess("Kidal Gao Tombouctou 12 ."), "fr");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_french_paragraph),
        cmocka_unit_test(test_english_paragraph),
        cmocka_unit_test(test_french_with_some_english_stays_french),
        cmocka_unit_test(test_english_with_some_french_stays_english),
        cmocka_unit_test(test_unsure_is_french),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
