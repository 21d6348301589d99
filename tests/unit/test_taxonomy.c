/*
 * test_taxonomy.c — extract/taxonomy.c against lexicon/classes.c and
 * ACLED's codebook: every trigger class the dictionaries accept has a
 * taxonomy row (and no row is unreachable), and ACLED's 25 sub-event types
 * are there exactly once, spelled to the letter, under the right event
 * type and disorder type.
 */
#include "testutil.h"

#include "extract/taxonomy.h"
#include "lexicon/classes.h"

static size_t nrows(void)
{
    size_t n = 0;
    while (taxonomy[n].code)
        n++;
    return n;
}

static void test_every_trigger_class_has_a_row(void **state)
{
    (void)state;
    size_t nclasses = 0;
    for (size_t i = 0; lex_trigger_classes[i]; i++, nclasses++) {
        const taxon *t = taxonomy_find(lex_trigger_classes[i]);
        if (!t)
            print_message("no taxonomy row for class %s\n",
                          lex_trigger_classes[i]);
        assert_non_null(t);
        assert_string_equal(t->code, lex_trigger_classes[i]);
    }
    /* And every row is a class the dictionaries accept. */
    for (size_t i = 0; taxonomy[i].code; i++)
        assert_true(lex_list_index(lex_trigger_classes, taxonomy[i].code) >= 0);
    assert_int_equal(nrows(), nclasses);
    assert_int_equal(nclasses, 33); /* 25 ACLED, 7 political, not_conflict */
    assert_null(taxonomy_find("bombing"));
    assert_null(taxonomy_find(""));
    assert_null(taxonomy_find("Armed clash"));
}

static void test_codes_unique(void **state)
{
    (void)state;
    for (size_t i = 0; taxonomy[i].code; i++)
        for (size_t j = i + 1; taxonomy[j].code; j++)
            assert_string_not_equal(taxonomy[i].code, taxonomy[j].code);
}

/* ACLED's codebook: sub-event type, event type, disorder type. */
static const struct {
    const char *sub, *type, *disorder;
} acled[] = {
    {"Armed clash", "Battles", "Political violence"},
    {"Government regains territory", "Battles", "Political violence"},
    {"Non-state actor overtakes territory", "Battles", "Political violence"},
    {"Chemical weapon", "Explosions/Remote violence", "Political violence"},
    {"Air/drone strike", "Explosions/Remote violence", "Political violence"},
    {"Suicide bomb", "Explosions/Remote violence", "Political violence"},
    {"Shelling/artillery/missile attack", "Explosions/Remote violence",
     "Political violence"},
    {"Remote explosive/landmine/IED", "Explosions/Remote violence",
     "Political violence"},
    {"Grenade", "Explosions/Remote violence", "Political violence"},
    {"Sexual violence", "Violence against civilians", "Political violence"},
    {"Attack", "Violence against civilians", "Political violence"},
    {"Abduction/forced disappearance", "Violence against civilians",
     "Political violence"},
    {"Peaceful protest", "Protests", "Demonstrations"},
    {"Protest with intervention", "Protests", "Demonstrations"},
    {"Excessive force against protesters", "Protests",
     "Political violence; Demonstrations"},
    {"Violent demonstration", "Riots", "Demonstrations"},
    {"Mob violence", "Riots", "Political violence"},
    {"Agreement", "Strategic developments", "Strategic developments"},
    {"Arrests", "Strategic developments", "Strategic developments"},
    {"Change to group/activity", "Strategic developments",
     "Strategic developments"},
    {"Disrupted weapons use", "Strategic developments",
     "Strategic developments"},
    {"Headquarters or base established", "Strategic developments",
     "Strategic developments"},
    {"Looting/property destruction", "Strategic developments",
     "Strategic developments"},
    {"Non-violent transfer of territory", "Strategic developments",
     "Strategic developments"},
    {"Other", "Strategic developments", "Strategic developments"},
};

static void test_acled_sub_event_types_exactly_once(void **state)
{
    (void)state;
    assert_int_equal(sizeof acled / sizeof *acled, 25);
    for (size_t k = 0; k < 25; k++) {
        int found = 0;
        for (size_t i = 0; taxonomy[i].code; i++) {
            if (strcmp(taxonomy[i].sub_event_type, acled[k].sub) != 0)
                continue;
            found++;
            assert_string_equal(taxonomy[i].event_type, acled[k].type);
            assert_string_equal(taxonomy[i].disorder_type, acled[k].disorder);
        }
        if (found != 1)
            print_message("\"%s\" found %d times\n", acled[k].sub, found);
        assert_int_equal(found, 1);
    }
    /* Every non-empty sub-event type is one of ACLED's. */
    size_t coded = 0;
    for (size_t i = 0; taxonomy[i].code; i++) {
        if (!taxonomy[i].sub_event_type[0])
            continue;
        coded++;
        int known = 0;
        for (size_t k = 0; k < 25; k++)
            known |= strcmp(taxonomy[i].sub_event_type, acled[k].sub) == 0;
        assert_true(known);
    }
    assert_int_equal(coded, 25);
}

static void test_event_types_and_disorder_types(void **state)
{
    (void)state;
    static const char *const types[] = {"Battles",
                                        "Explosions/Remote violence",
                                        "Violence against civilians",
                                        "Protests",
                                        "Riots",
                                        "Strategic developments"};
    static const char *const disorders[] = {
        "Political violence", "Demonstrations",
        "Political violence; Demonstrations", "Strategic developments"};
    for (size_t i = 0; taxonomy[i].code; i++) {
        const taxon *t = &taxonomy[i];
        if (!t->event_type[0])
            continue;
        int ok = 0;
        for (size_t k = 0; k < 6; k++)
            ok |= strcmp(t->event_type, types[k]) == 0;
        assert_true(ok);
        ok = 0;
        for (size_t k = 0; k < 4; k++)
            ok |= strcmp(t->disorder_type, disorders[k]) == 0;
        assert_true(ok);
    }
    /* Each event type is used. */
    for (size_t k = 0; k < 6; k++) {
        int used = 0;
        for (size_t i = 0; taxonomy[i].code; i++)
            used |= strcmp(taxonomy[i].event_type, types[k]) == 0;
        assert_true(used);
    }
}

static void test_spot_rows(void **state)
{
    (void)state;
    const taxon *t = taxonomy_find("air_drone_strike");
    assert_string_equal(t->sub_event_type, "Air/drone strike");
    assert_string_equal(t->event_type, "Explosions/Remote violence");
    t = taxonomy_find("remote_explosive");
    assert_string_equal(t->sub_event_type, "Remote explosive/landmine/IED");
    t = taxonomy_find("excessive_force_protesters");
    assert_string_equal(t->disorder_type, "Political violence; Demonstrations");
    t = taxonomy_find("mob_violence");
    assert_string_equal(t->disorder_type, "Political violence");
    assert_string_equal(t->event_type, "Riots");
    t = taxonomy_find("violent_demonstration");
    assert_string_equal(t->disorder_type, "Demonstrations");
    t = taxonomy_find("other");
    assert_string_equal(t->sub_event_type, "Other");
    assert_string_equal(t->event_type, "Strategic developments");
}

static void test_political_events_outside_acled(void **state)
{
    (void)state;
    size_t npol = 0;
    for (size_t i = 0; taxonomy[i].code; i++) {
        const taxon *t = &taxonomy[i];
        if (strcmp(t->code, "not_conflict") == 0) {
            /* no event at all: every field empty */
            assert_string_equal(t->event_type, "");
            assert_string_equal(t->plover, "");
            continue;
        }
        int pol = strncmp(t->code, "pol_", 4) == 0;
        npol += pol;
        /* Political events have no ACLED fields; ACLED ones have all. */
        assert_int_equal(t->event_type[0] == '\0', pol);
        assert_int_equal(t->sub_event_type[0] == '\0', pol);
        assert_int_equal(t->disorder_type[0] == '\0', pol);
        /* Every row has a PLOVER event and a CAMEO code of digits. */
        assert_true(t->plover[0] != '\0');
        assert_true(t->cameo[0] != '\0');
        for (const char *c = t->cameo; *c; c++)
            assert_true(*c >= '0' && *c <= '9');
        for (const char *c = t->plover; *c; c++)
            assert_true(*c >= 'A' && *c <= 'Z');
    }
    assert_int_equal(npol, 7);
    assert_string_equal(taxonomy_find("pol_accuse")->cameo, "112");
    assert_string_equal(taxonomy_find("pol_accuse")->plover, "ACCUSE");
    assert_string_equal(taxonomy_find("pol_threaten")->plover, "THREATEN");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_trigger_class_has_a_row),
        cmocka_unit_test(test_codes_unique),
        cmocka_unit_test(test_acled_sub_event_types_exactly_once),
        cmocka_unit_test(test_event_types_and_disorder_types),
        cmocka_unit_test(test_spot_rows),
        cmocka_unit_test(test_political_events_outside_acled),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
