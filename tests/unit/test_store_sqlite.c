/*
 * test_store_sqlite.c — store/sqlite.c through store_impl.h: a new file is
 * migrated, an article is claimed once, events go in, are rewritten and
 * come back through every filter, a reopened file is not migrated again.
 */
#include "testutil.h"

#include <sqlite3.h>

#include "store/store_impl.h"

typedef struct fixture {
    char *dir;
    char *path;
    store *s;
} fixture;

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    fx->dir = tmpdir_new();
    assert_true(asprintf(&fx->path, "%s/v.db", fx->dir) > 0);
    char err[512];
    int rc = store_open(&fx->s, fx->path, err, sizeof err);
    if (rc)
        print_message("store_open: %s\n", err);
    assert_int_equal(rc, 0);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    store_close(fx->s);
    tmpdir_free(fx->dir);
    free(fx->path);
    free(fx);
    return 0;
}

static long count_sql(const char *path, const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
                     SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long n = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

static store_article art(const char *id, const char *hash)
{
    store_article a = {.id = id, .hash = hash, .url = "https://x/1",
                       .outlet = "Sahel Wire", .published = "2023-11-08",
                       .lang = "fr", .title = "t", .origin = "f.jsonl:1",
                       .nevents = 1};
    return a;
}

static void mk(rec_event *e, const char *art_id, const char *date,
               const char *country, const char *a1, const char *outlet,
               const char *lat, const char *lon)
{
    assert_int_equal(rec_init(e), 0);
    rec_set_str(e, EF_ARTICLE_ID, art_id);
    rec_set_str(e, EF_EVENT_DATE, date);
    rec_set_str(e, EF_YEAR, "2023");
    rec_set_str(e, EF_EVENT_TYPE, "Battles");
    rec_set_str(e, EF_SUB_EVENT_TYPE, "Armed clash");
    rec_set_str(e, EF_COUNTRY, country);
    rec_set_str(e, EF_ADMIN1, "Gao");
    rec_set_str(e, EF_ACTOR1, a1);
    rec_set_str(e, EF_ASSOC_ACTOR_2, "Fulani Ethnic Militia (Mali)");
    rec_set_str(e, EF_LATITUDE, lat);
    rec_set_str(e, EF_LONGITUDE, lon);
    rec_set_str(e, EF_FATALITIES, "3");
    rec_set_str(e, EF_NOTES, "Une note ; avec ' et \" dedans.");
    rec_source s = {.article_id = (char *)art_id, .outlet = (char *)outlet,
                    .fatalities = "3", .sentence = "Une phrase.",
                    .start = 4, .end = 15};
    assert_int_equal(rec_add_source(e, &s), 0);
}

static void test_migrated_once(void **state)
{
    fixture *fx = *state;
    assert_int_equal(count_sql(fx->path, "SELECT count(*) FROM schema_migrations"), 1);
    /* events has one column per event field, in event.h's order */
    sqlite3 *db;
    assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA table_info(events)", -1,
                                        &st, NULL), SQLITE_OK);
    int i = -1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 1);
        const char *type = (const char *)sqlite3_column_text(st, 2);
        if (i >= 0 && i < EF_COUNT) {
            assert_string_equal(name, event_fields[i].name);
            if (event_fields[i].type == EFT_STR)
                assert_string_equal(type, "TEXT");
            else
                assert_true(strcmp(type, "INTEGER") == 0 ||
                            strcmp(type, "REAL") == 0);
        }
        i++;
    }
    assert_int_equal(i, EF_COUNT + 1); /* + corroboration */
    sqlite3_finalize(st);
    sqlite3_close(db);
    /* reopening does not migrate again */
    store_close(fx->s);
    char err[512];
    assert_int_equal(store_open(&fx->s, fx->path, err, sizeof err), 0);
    assert_int_equal(count_sql(fx->path, "SELECT count(*) FROM schema_migrations"), 1);
    assert_string_equal(fx->s->ops->name, "sqlite");
}

static void test_claim_twice(void **state)
{
    fixture *fx = *state;
    store *s = fx->s;
    assert_int_equal(s->ops->has_article(s, "a1", "h1"), 0);
    assert_int_equal(s->ops->begin(s), 0);
    store_article a = art("a1", "h1");
    assert_int_equal(s->ops->claim_article(s, &a), 1);
    assert_int_equal(s->ops->claim_article(s, &a), 0);
    store_article same_text = art("a2", "h1");
    assert_int_equal(s->ops->claim_article(s, &same_text), 0);
    assert_int_equal(s->ops->commit(s), 0);
    assert_int_equal(s->ops->has_article(s, "a1", "zz"), 1);
    assert_int_equal(s->ops->has_article(s, "zz", "h1"), 1);
    long n;
    assert_int_equal(s->ops->counts(s, &n, NULL, NULL, NULL), 0);
    assert_int_equal(n, 1);
    /* a rolled-back claim leaves nothing */
    assert_int_equal(s->ops->begin(s), 0);
    store_article b = art("b1", "h2");
    assert_int_equal(s->ops->claim_article(s, &b), 1);
    assert_int_equal(s->ops->rollback(s), 0);
    assert_int_equal(s->ops->has_article(s, "b1", "h2"), 0);
}

static void test_rejects_replace(void **state)
{
    fixture *fx = *state;
    store *s = fx->s;
    assert_int_equal(s->ops->begin(s), 0);
    assert_int_equal(s->ops->put_reject(s, "a9", "f.jsonl:3", "too big"), 0);
    assert_int_equal(s->ops->put_reject(s, "a9", "f.jsonl:3", "still too big"), 0);
    assert_int_equal(s->ops->put_reject(s, NULL, "f.jsonl:4", "malformed"), 0);
    assert_int_equal(s->ops->put_reject(s, NULL, "f.jsonl:4", "malformed"), 0);
    assert_int_equal(s->ops->put_reject(s, NULL, "f.jsonl:5", "malformed"), 0);
    assert_int_equal(s->ops->commit(s), 0);
    long n;
    assert_int_equal(s->ops->counts(s, NULL, NULL, NULL, &n), 0);
    assert_int_equal(n, 3);
    assert_int_equal(count_sql(fx->path, "SELECT count(*) FROM rejects WHERE "
                                         "reason = 'still too big'"), 1);
}

typedef struct seen {
    long n;
    rec_event last;
    int64_t ids[16];
} seen;

static int collect(void *user, const rec_event *e)
{
    seen *sn = user;
    if (sn->n < 16)
        sn->ids[sn->n] = e->id;
    sn->n++;
    rec_free(&sn->last);
    rec_init(&sn->last);
    for (int f = 0; f < EF_COUNT; f++)
        rec_set_str(&sn->last, (event_field)f, e->f[f]);
    for (size_t i = 0; i < e->nsrc; i++)
        rec_add_source(&sn->last, &e->src[i]);
    sn->last.id = e->id;
    return 0;
}

static long query_n(store *s, const store_filter *f)
{
    seen sn = {0};
    rec_init(&sn.last);
    assert_int_equal(store_query(s, f, collect, &sn), 0);
    rec_free(&sn.last);
    return sn.n;
}

static void test_events_insert_update_query(void **state)
{
    fixture *fx = *state;
    store *s = fx->s;
    rec_event e1, e2, e3;
    mk(&e1, "a1", "2023-11-07", "Mali", "Military Forces of Mali (2021-)",
       "Le Courrier du Sahel", "15.6597", "0.5022");
    mk(&e2, "a2", "2023-11-05", "Mali", "JNIM: Group for Support of Islam",
       "Sahel Wire", "16.27", "-0.04");
    mk(&e3, "a3", "2023-12-01", "Niger", "Forces Armées Nigériennes",
       "Niamey Actu", "", "");
    rec_set_str(&e3, EF_FATALITIES, "");
    assert_int_equal(s->ops->begin(s), 0);
    assert_int_equal(s->ops->insert_event(s, &e1), 0);
    assert_int_equal(s->ops->insert_event(s, &e2), 0);
    assert_int_equal(s->ops->insert_event(s, &e3), 0);
    assert_true(e1.id > 0 && e2.id > e1.id && e3.id > e2.id);
    /* a second source and a lower toll */
    rec_source more = {.article_id = "b7", .outlet = "Radio Kledu",
                       .fatalities = "", .sentence = "Autre."};
    assert_int_equal(rec_add_source(&e1, &more), 0);
    rec_set_str(&e1, EF_FATALITIES, "2");
    assert_int_equal(s->ops->update_event(s, &e1), 0);
    assert_int_equal(s->ops->commit(s), 0);

    long ev, src;
    assert_int_equal(s->ops->counts(s, NULL, &ev, &src, NULL), 0);
    assert_int_equal(ev, 3);
    assert_int_equal(src, 4);
    assert_int_equal(count_sql(fx->path, "SELECT corroboration FROM events "
                                         "WHERE article_id = 'a1'"), 2);
    assert_int_equal(count_sql(fx->path, "SELECT count(*) FROM events WHERE "
                                         "typeof(latitude) = 'real' AND "
                                         "typeof(fatalities) = 'integer'"), 2);
    assert_int_equal(count_sql(fx->path, "SELECT count(*) FROM events WHERE "
                                         "fatalities IS NULL"), 1);

    /* everything, in date order, sources filled */
    store_filter f = {0};
    seen sn = {0};
    rec_init(&sn.last);
    assert_int_equal(store_query(s, &f, collect, &sn), 0);
    assert_int_equal(sn.n, 3);
    assert_int_equal(sn.ids[0], e2.id);
    assert_int_equal(sn.ids[1], e1.id);
    assert_int_equal(sn.ids[2], e3.id);
    assert_int_equal(sn.last.nsrc, 1);
    assert_string_equal(sn.last.f[EF_FATALITIES], "");
    assert_string_equal(sn.last.f[EF_NOTES], "Une note ; avec ' et \" dedans.");
    rec_free(&sn.last);
    f.since = "2023-11-06";
    f.until = "2023-11-30";
    rec_init(&sn.last);
    sn.n = 0;
    assert_int_equal(store_query(s, &f, collect, &sn), 0);
    assert_int_equal(sn.n, 1);
    assert_int_equal(sn.last.nsrc, 2);
    assert_string_equal(sn.last.src[1].outlet, "Radio Kledu");
    assert_string_equal(sn.last.src[0].sentence, "Une phrase.");
    assert_int_equal(sn.last.src[0].start, 4);
    assert_int_equal(sn.last.src[0].end, 15);
    assert_string_equal(sn.last.f[EF_FATALITIES], "2");
    rec_free(&sn.last);

    store_filter g = {.country = "Mali"};
    assert_int_equal(query_n(s, &g), 2);
    g = (store_filter){.country = "mali"};
    assert_int_equal(query_n(s, &g), 0); /* exact */
    g = (store_filter){.admin1 = "Gao", .event_type = "Battles",
                       .sub_event_type = "Armed clash"};
    assert_int_equal(query_n(s, &g), 3);
    g = (store_filter){.actor = "jnim"};
    assert_int_equal(query_n(s, &g), 1);
    g = (store_filter){.actor = "ARMÉES NIGÉR"}; /* beyond ASCII */
    assert_int_equal(query_n(s, &g), 1);
    g = (store_filter){.actor = "fulani"};       /* associated actors */
    assert_int_equal(query_n(s, &g), 3);
    g = (store_filter){.source = "kledu"};       /* any source's outlet */
    assert_int_equal(query_n(s, &g), 1);
    g = (store_filter){.source = "'; DROP TABLE events; --"};
    assert_int_equal(query_n(s, &g), 0);
    g = (store_filter){.has_bbox = 1, .west = 0, .south = 15, .east = 1,
                       .north = 16};
    assert_int_equal(query_n(s, &g), 1);
    g = (store_filter){.has_bbox = 1, .west = -1, .south = 15, .east = 1,
                       .north = 17};
    assert_int_equal(query_n(s, &g), 2);

    /* candidates: same type, dates inclusive */
    seen c = {0};
    rec_init(&c.last);
    assert_int_equal(s->ops->candidates(s, "Battles", "2023-11-06",
                                        "2023-11-08", collect, &c), 0);
    assert_int_equal(c.n, 1);
    assert_int_equal(c.last.id, e1.id);
    assert_int_equal(c.last.nsrc, 2);
    rec_free(&c.last);
    c.n = 0;
    rec_init(&c.last);
    assert_int_equal(s->ops->candidates(s, "Protests", "2023-11-01",
                                        "2023-11-30", collect, &c), 0);
    assert_int_equal(c.n, 0);
    rec_free(&c.last);

    /* reopen: the same events */
    store_close(fx->s);
    char err[512];
    assert_int_equal(store_open(&fx->s, fx->path, err, sizeof err), 0);
    f = (store_filter){0};
    assert_int_equal(query_n(fx->s, &f), 3);
    rec_free(&e1);
    rec_free(&e2);
    rec_free(&e3);
}

static void test_open_errors(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *bad = tu_write_file(dir, "not.db", "this is not a database, at all, "
                                             "not even close to one........");
    store *s;
    char err[512];
    assert_int_not_equal(store_open(&s, bad, err, sizeof err), 0);
    assert_null(s);
    assert_true(tu_contains(err, "not.db"));
    char *missing;
    assert_true(asprintf(&missing, "%s/no/such/dir/v.db", dir) > 0);
    assert_int_not_equal(store_open(&s, missing, err, sizeof err), 0);
    assert_true(tu_contains(err, "no/such/dir"));
    free(missing);
    free(bad);
    tmpdir_free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_migrated_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_claim_twice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rejects_replace, setup, teardown),
        cmocka_unit_test_setup_teardown(test_events_insert_update_query,
                                        setup, teardown),
        cmocka_unit_test(test_open_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
