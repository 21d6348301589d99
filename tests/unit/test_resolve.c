/*
 * test_resolve.c — resolve/resolve.c: when two reports are one event, and
 * what the merged record keeps (sources, lowest toll, date, place,
 * actors, outlets).
 */
#include "testutil.h"

#include "geo/geo.h"
#include "resolve/resolve.h"

/* An event of article `art` with the fields most rules look at. */
static void mk(rec_event *e, const char *art, const char *type,
               const char *date, const char *loc, const char *gid,
               const char *a1, const char *a2, const char *fat)
{
    assert_int_equal(rec_init(e), 0);
    rec_set_str(e, EF_ARTICLE_ID, art);
    rec_set_str(e, EF_EVENT_TYPE, type);
    rec_set_str(e, EF_EVENT_DATE, date);
    rec_set_str(e, EF_YEAR, "2023");
    rec_set_str(e, EF_TIME_PRECISION, "1");
    rec_set_str(e, EF_LOCATION, loc);
    rec_set_str(e, EF_GEONAMEID, gid);
    rec_set_str(e, EF_ACTOR1, a1);
    rec_set_str(e, EF_ACTOR2, a2);
    rec_set_str(e, EF_FATALITIES, fat);
    rec_set_str(e, EF_SOURCE, art);
    rec_source s = {.article_id = (char *)art, .outlet = (char *)art,
                    .fatalities = (char *)fat};
    assert_int_equal(rec_add_source(e, &s), 0);
}

static const char *FAMA = "Military Forces of Mali (2021-)";
static const char *UAG = "Unidentified Armed Group (Mali)";
static const char *JNIM = "JNIM: Group for Support of Islam and Muslims";

static void test_dates(void **state)
{
    (void)state;
    char out[11];
    assert_int_equal(resolve_date_add("2023-12-31", 1, out), 0);
    assert_string_equal(out, "2024-01-01");
    assert_int_equal(resolve_date_add("2024-03-01", -1, out), 0);
    assert_string_equal(out, "2024-02-29");
    assert_int_equal(resolve_date_add("2023-03-01", -1, out), 0);
    assert_string_equal(out, "2023-02-28");
    assert_int_equal(resolve_date_add("", 1, out), -1);
    assert_int_equal(resolve_date_add("2023-1-01", 1, out), -1);
    int ok;
    assert_int_equal(resolve_date_diff("2023-11-07", "2023-11-08", &ok), 1);
    assert_true(ok);
    resolve_date_diff("2023-11-07", "hier", &ok);
    assert_false(ok);
}

static void test_km(void **state)
{
    (void)state;
    assert_true(gaz_km(15.0, 0.5, 15.0, 0.5) < 1e-9);
    /* Bamako – Ségou, about 205 km */
    double d = gaz_km(12.65, -8.0, 13.4317, -6.2157);
    assert_true(d > 195 && d < 215);
    /* 0.05° of latitude is about 5.6 km */
    d = gaz_km(15.0, 0.5, 15.05, 0.5);
    assert_true(d > 5 && d < 6);
}

static void test_unknown_actors(void **state)
{
    (void)state;
    assert_true(resolve_actor_unknown(""));
    assert_true(resolve_actor_unknown(UAG));
    assert_true(resolve_actor_unknown("unidentified armed group (Niger)"));
    assert_false(resolve_actor_unknown(FAMA));
}

static void test_same_event_matches(void **state)
{
    (void)state;
    rec_event a, b;
    mk(&a, "a1", "Battles", "2023-11-07", "Ansongo", "2461003", FAMA, UAG, "18");
    mk(&b, "b1", "Battles", "2023-11-08", "ansongo", "", FAMA, JNIM, "14");
    assert_true(resolve_match(&a, &b) > 0);
    /* actors swapped */
    rec_set_str(&b, EF_ACTOR1, JNIM);
    rec_set_str(&b, EF_ACTOR2, FAMA);
    assert_true(resolve_match(&a, &b) > 0);
    rec_free(&a);
    rec_free(&b);
}

static void test_different_events_do_not_match(void **state)
{
    (void)state;
    rec_event a, b;
    mk(&a, "a1", "Battles", "2023-11-07", "Ansongo", "2461003", FAMA, UAG, "18");
    /* another type */
    mk(&b, "b1", "Protests", "2023-11-07", "Ansongo", "2461003", FAMA, UAG, "");
    assert_int_equal(resolve_match(&a, &b), 0);
    rec_free(&b);
    /* two days apart */
    mk(&b, "b1", "Battles", "2023-11-09", "Ansongo", "2461003", FAMA, UAG, "");
    assert_int_equal(resolve_match(&a, &b), 0);
    rec_free(&b);
    /* another place, far away */
    mk(&b, "b1", "Battles", "2023-11-07", "Gao", "2457163", FAMA, UAG, "");
    rec_set_str(&a, EF_LATITUDE, "15.6597");
    rec_set_str(&a, EF_LONGITUDE, "0.5022");
    rec_set_str(&b, EF_LATITUDE, "16.2666");
    rec_set_str(&b, EF_LONGITUDE, "-0.0400");
    assert_int_equal(resolve_match(&a, &b), 0);
    rec_free(&b);
    /* two named, different actors on the same side */
    mk(&b, "b1", "Battles", "2023-11-07", "Ansongo", "2461003",
       "Wagner Group", JNIM, "");
    assert_int_equal(resolve_match(&a, &b), 0);
    rec_free(&b);
    /* an event of the same article is another event (the coder said so) */
    mk(&b, "a1", "Battles", "2023-11-07", "Ansongo", "2461003", FAMA, UAG, "");
    assert_int_equal(resolve_match(&a, &b), 0);
    rec_free(&b);
    rec_free(&a);
}

static void test_place_by_distance(void **state)
{
    (void)state;
    rec_event a, b;
    mk(&a, "a1", "Battles", "2023-11-07", "Ansongo", "", FAMA, UAG, "");
    mk(&b, "b1", "Battles", "2023-11-07", "Ansongo Cercle", "", FAMA, UAG, "");
    assert_int_equal(resolve_match(&a, &b), 0); /* no coordinates: no */
    rec_set_str(&a, EF_LATITUDE, "15.6597");
    rec_set_str(&a, EF_LONGITUDE, "0.5022");
    rec_set_str(&b, EF_LATITUDE, "15.70");
    rec_set_str(&b, EF_LONGITUDE, "0.52");
    assert_true(resolve_match(&a, &b) > 0); /* about 5 km */
    rec_free(&a);
    rec_free(&b);
}

static void test_best_prefers_closer(void **state)
{
    (void)state;
    rec_event c[2], n;
    mk(&c[0], "a1", "Battles", "2023-11-06", "Ansongo", "2461003", FAMA, UAG, "");
    mk(&c[1], "a2", "Battles", "2023-11-07", "Ansongo", "2461003", FAMA, JNIM, "");
    mk(&n, "b1", "Battles", "2023-11-07", "Ansongo", "2461003", FAMA, JNIM, "");
    assert_int_equal(resolve_best(c, 2, &n), 1);
    assert_int_equal(resolve_best(c, 0, &n), -1);
    rec_free(&c[0]);
    rec_free(&c[1]);
    rec_free(&n);
}

static void test_merge(void **state)
{
    (void)state;
    rec_event a, b;
    mk(&a, "a1", "Battles", "2023-11-08", "Ansongo", "2461003", FAMA, UAG, "18");
    rec_set_str(&a, EF_INTER1, "1");
    rec_set_str(&a, EF_INTER2, "3");
    rec_set_str(&a, EF_INTERACTION, "13");
    mk(&b, "b1", "Battles", "2023-11-07", "Ansongo", "2461003", JNIM, FAMA, "14");
    rec_set_str(&b, EF_INTER1, "2");
    rec_set_str(&b, EF_INTER2, "1");
    rec_set_str(&b, EF_ADMIN1, "Gao");
    rec_set_str(&b, EF_DATE_END, "2023-11-08");
    assert_true(resolve_match(&a, &b) > 0);
    assert_int_equal(resolve_merge(&a, &b), 0);
    assert_int_equal(a.nsrc, 2);
    assert_string_equal(a.src[1].article_id, "b1");
    assert_string_equal(a.f[EF_FATALITIES], "14");      /* the lowest */
    assert_string_equal(a.src[0].fatalities, "18");     /* kept per source */
    assert_string_equal(a.f[EF_EVENT_DATE], "2023-11-07"); /* the earlier */
    assert_string_equal(a.f[EF_DATE_END], "2023-11-08");
    assert_string_equal(a.f[EF_ACTOR1], FAMA);          /* orientation kept */
    assert_string_equal(a.f[EF_ACTOR2], JNIM);          /* named, not unidentified */
    assert_string_equal(a.f[EF_INTER2], "2");
    assert_string_equal(a.f[EF_INTERACTION], "12");
    assert_string_equal(a.f[EF_ADMIN1], "Gao");         /* filled */
    assert_string_equal(a.f[EF_SOURCE], "a1; b1");
    assert_string_equal(a.f[EF_ARTICLE_ID], "a1");      /* the first reporter */
    /* the same article again adds nothing */
    assert_int_equal(resolve_merge(&a, &b), 0);
    assert_int_equal(a.nsrc, 2);
    assert_string_equal(a.f[EF_SOURCE], "a1; b1");
    rec_free(&a);
    rec_free(&b);
}

static void test_merge_toll_ignores_missing_figures(void **state)
{
    (void)state;
    rec_event a, b;
    mk(&a, "a1", "Battles", "2023-11-07", "Ansongo", "2461003", FAMA, UAG, "18");
    mk(&b, "b1", "Battles", "2023-11-07", "Ansongo", "2461003", FAMA, UAG, "");
    assert_int_equal(resolve_merge(&a, &b), 0);
    assert_string_equal(a.f[EF_FATALITIES], "18");
    rec_free(&a);
    rec_free(&b);
}

static void test_merge_prefers_precise_date(void **state)
{
    (void)state;
    rec_event a, b;
    /* a: no date in the text, the day before publication, a week's
     * precision; b: the day itself, one day later */
    mk(&a, "a1", "Battles", "2023-11-06", "Ansongo", "2461003", FAMA, UAG, "");
    rec_set_str(&a, EF_TIME_PRECISION, "2");
    mk(&b, "b1", "Battles", "2023-11-07", "Ansongo", "2461003", FAMA, UAG, "");
    assert_int_equal(resolve_merge(&a, &b), 0);
    assert_string_equal(a.f[EF_EVENT_DATE], "2023-11-07");
    assert_string_equal(a.f[EF_TIME_PRECISION], "1");
    rec_free(&a);
    rec_free(&b);
}

static void test_merge_more_precise_place(void **state)
{
    (void)state;
    rec_event a, b;
    mk(&a, "a1", "Battles", "2023-11-07", "Gao", "2457161", FAMA, UAG, "");
    rec_set_str(&a, EF_GEO_PRECISION, "3");
    rec_set_str(&a, EF_LATITUDE, "16.27");
    rec_set_str(&a, EF_LONGITUDE, "-0.04");
    mk(&b, "b1", "Battles", "2023-11-07", "Gao", "2457163", FAMA, UAG, "");
    rec_set_str(&b, EF_GEO_PRECISION, "1");
    rec_set_str(&b, EF_LATITUDE, "16.2717");
    rec_set_str(&b, EF_LONGITUDE, "-0.0447");
    assert_true(resolve_match(&a, &b) > 0);
    assert_int_equal(resolve_merge(&a, &b), 0);
    assert_string_equal(a.f[EF_GEONAMEID], "2457163");
    assert_string_equal(a.f[EF_GEO_PRECISION], "1");
    assert_string_equal(a.f[EF_LATITUDE], "16.2717");
    rec_free(&a);
    rec_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_km),
        cmocka_unit_test(test_unknown_actors),
        cmocka_unit_test(test_same_event_matches),
        cmocka_unit_test(test_different_events_do_not_match),
        cmocka_unit_test(test_place_by_distance),
        cmocka_unit_test(test_best_prefers_closer),
        cmocka_unit_test(test_merge),
        cmocka_unit_test(test_merge_toll_ignores_missing_figures),
        cmocka_unit_test(test_merge_prefers_precise_date),
        cmocka_unit_test(test_merge_more_precise_place),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
