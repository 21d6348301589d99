/*
 * test_store_pg.c — the PostgreSQL store (src/store/pg.c) against a real
 * server: open, migrate and reopen; claiming an article twice, and from two
 * connections at once; the resolution lock; insert, update, candidates and
 * every query filter; rejects; counts; error messages.
 *
 * Needs a server: $VEILLE_TEST_PG, a postgresql:// URI whose user may
 * create schemas.  tests/pg/run.sh starts a throwaway one
 * (scripts/pg-test-server) and sets it; without it (a plain `make test`
 * run by tests/run-unit.sh) every test is skipped, with a message.
 *
 * Each test works in a schema of its own, made new (the URI gets
 * options=-csearch_path=…), so every test migrates a fresh database and the
 * tests do not see each other's rows.  Concurrency tests fork: the child
 * opens its own connection, never touches the parent's, and reports by its
 * exit status (_exit, so that nothing of the parent's is cleaned up twice).
 */
#include "testutil.h"

#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "store/store_impl.h"

static const char *server; /* $VEILLE_TEST_PG */
static PGconn *admin;      /* for set-up and looking behind the store */

#define NEED_SERVER()                                                          \
    do {                                                                       \
        if (!server)                                                           \
            skip();                                                            \
    } while (0)

/* ---- helpers ----------------------------------------------------------- */

/* Runs SQL on the admin connection; fails the test on error. */
static void admin_exec(const char *sql)
{
    PGresult *r = PQexec(admin, sql);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        fail_msg("%s: %s", sql, PQresultErrorMessage(r));
    PQclear(r);
}

/* The first cell of a query as a long (-1 for NULL). */
static long admin_long(const char *sql)
{
    PGresult *r = PQexec(admin, sql);
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) < 1)
        fail_msg("%s: %s", sql, PQresultErrorMessage(r));
    long v = PQgetisnull(r, 0, 0) ? -1 : strtol(PQgetvalue(r, 0, 0), NULL, 10);
    PQclear(r);
    return v;
}

/* The first cell of a query as text, into out. */
static void admin_text(const char *sql, char *out, size_t cap)
{
    PGresult *r = PQexec(admin, sql);
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) < 1)
        fail_msg("%s: %s", sql, PQresultErrorMessage(r));
    snprintf(out, cap, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
}

/* A new, empty schema and the URI that makes it the store's. */
static void fresh(const char *schema, char *uri, size_t cap)
{
    char sql[256];
    snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE", schema);
    admin_exec(sql);
    snprintf(sql, sizeof sql, "CREATE SCHEMA %s", schema);
    admin_exec(sql);
    snprintf(uri, cap, "%s%soptions=-csearch_path%%3D%s", server,
             strchr(server, '?') ? "&" : "?", schema);
}

static store *open_ok(const char *uri)
{
    char err[512] = "";
    store *s = NULL;
    int rc = store_open(&s, uri, err, sizeof err);
    if (rc != VEILLE_OK)
        fail_msg("store_open: %s", err);
    assert_non_null(s);
    assert_string_equal(s->ops->name, "postgresql");
    return s;
}

#define OK(call)                                                               \
    do {                                                                       \
        int rc_ = (call);                                                      \
        if (rc_ != VEILLE_OK)                                                  \
            fail_msg("%s: %d: %s", #call, rc_, store_errmsg(s));               \
    } while (0)

/* How many "-- migration N:" lines the schema file has. */
static long migrations_in_file(void)
{
    FILE *f = fopen("src/store/schema/postgresql.sql", "r");
    assert_non_null(f);
    char line[512];
    long n = 0;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "-- migration ", 13) == 0 &&
            line[13] >= '0' && line[13] <= '9' && strchr(line, ':'))
            n++;
    fclose(f);
    return n;
}

static store_article article(const char *id, const char *hash)
{
    return (store_article){.id = id,
                           .hash = hash,
                           .url = "https://example.org/a",
                           .outlet = "RFI",
                           .published = "2024-03-02",
                           .lang = "fr",
                           .title = "Un titre",
                           .origin = "examples/articles.jsonl:1",
                           .nevents = 1};
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Waits for a child; returns its exit status (-1 when it did not exit). */
static int wait_child(pid_t pid)
{
    int st = 0;
    if (waitpid(pid, &st, 0) != pid)
        return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Is the child still running (blocked) after ms? */
static int still_running(pid_t pid, long ms)
{
    sleep_ms(ms);
    int st;
    return waitpid(pid, &st, WNOHANG) == 0;
}

/* ---- open and migrate -------------------------------------------------- */

static void test_open_migrate_reopen(void **state)
{
    (void)state;
    NEED_SERVER();
    char uri[1024];
    fresh("t_open", uri, sizeof uri);
    long want = migrations_in_file();
    assert_true(want >= 1);

    store *s = open_ok(uri);
    assert_int_equal(admin_long("SELECT count(*) FROM t_open.schema_migrations"), want);
    assert_int_equal(admin_long("SELECT max(version) FROM t_open.schema_migrations"), want);
    long a = -1, e = -1, src = -1, rej = -1;
    OK(s->ops->counts(s, &a, &e, &src, &rej));
    assert_int_equal(a + e + src + rej, 0);
    store_close(s);

    /* Reopening applies nothing again and keeps what is there. */
    admin_exec("INSERT INTO t_open.rejects (article_id, reason) VALUES ('x', 'kept')");
    s = open_ok(uri);
    assert_int_equal(admin_long("SELECT count(*) FROM t_open.schema_migrations"), want);
    OK(s->ops->counts(s, NULL, NULL, NULL, &rej));
    assert_int_equal(rej, 1);
    store_close(s);

    /* The events table has one column per field of event.h, in order,
     * under the same names, and the tables are documented. */
    PGresult *r = PQexec(admin,
                         "SELECT column_name FROM information_schema.columns "
                         "WHERE table_schema = 't_open' AND table_name = 'events' "
                         "ORDER BY ordinal_position");
    assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
    assert_int_equal(PQntuples(r), EF_COUNT + 2); /* id, fields, corroboration */
    assert_string_equal(PQgetvalue(r, 0, 0), "id");
    for (int f = 0; f < EF_COUNT; f++)
        assert_string_equal(PQgetvalue(r, f + 1, 0), event_fields[f].name);
    assert_string_equal(PQgetvalue(r, EF_COUNT + 1, 0), "corroboration");
    PQclear(r);
    assert_int_equal(admin_long("SELECT count(*) FROM pg_description d "
                                "JOIN pg_class c ON c.oid = d.objoid "
                                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                "WHERE n.nspname = 't_open' AND d.objsubid = 0 "
                                "AND c.relkind = 'r'"),
                     5);
    assert_int_equal(admin_long("SELECT count(*) FROM pg_attribute a "
                                "JOIN pg_class c ON c.oid = a.attrelid "
                                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                "WHERE n.nspname = 't_open' AND c.relkind = 'r' "
                                "AND a.attnum > 0 AND NOT a.attisdropped "
                                "AND col_description(c.oid, a.attnum) IS NULL"),
                     0);
}

/* Both stores have the same tables and columns, in the same order: the
 * SQLite store is made in a scratch folder and read with PRAGMA. */
static void test_same_columns_as_sqlite(void **state)
{
    (void)state;
    NEED_SERVER();
    char uri[1024];
    fresh("t_cols", uri, sizeof uri);
    store *s = open_ok(uri);
    store_close(s);
    char *dir = tmpdir_new();
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/veille.db", dir);
    char err[512];
    s = NULL;
    if (store_open(&s, path, err, sizeof err) != VEILLE_OK)
        fail_msg("%s", err);
    store_close(s);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    static const char *const tables[] = {"schema_migrations", "articles",
                                         "events", "event_sources", "rejects"};
    for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
        char sql[256], lite[2048] = "", pgc[2048] = "";
        snprintf(sql, sizeof sql, "PRAGMA table_info(%s)", tables[t]);
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
        while (sqlite3_step(st) == SQLITE_ROW) {
            size_t n = strlen(lite);
            snprintf(lite + n, sizeof lite - n, "%s ",
                     (const char *)sqlite3_column_text(st, 1));
        }
        sqlite3_finalize(st);
        snprintf(sql, sizeof sql,
                 "SELECT string_agg(column_name, ' ' ORDER BY ordinal_position) "
                 "|| ' ' FROM information_schema.columns WHERE "
                 "table_schema = 't_cols' AND table_name = '%s'",
                 tables[t]);
        admin_text(sql, pgc, sizeof pgc);
        assert_string_not_equal(lite, "");
        assert_string_equal(pgc, lite);
    }
    sqlite3_close(db);
    tmpdir_free(dir);
}

/* Four processes open a new database at the same moment: every open
 * succeeds and the migrations are applied once. */
static void test_concurrent_open(void **state)
{
    (void)state;
    NEED_SERVER();
    char uri[1024];
    fresh("t_conc_open", uri, sizeof uri);
    int go[2];
    assert_int_equal(pipe(go), 0);
    pid_t kids[4];
    for (int i = 0; i < 4; i++) {
        kids[i] = fork();
        assert_true(kids[i] >= 0);
        if (kids[i] == 0) {
            close(go[1]);
            char c;
            (void)!read(go[0], &c, 1); /* returns at EOF: all start at once */
            char err[512];
            store *s = NULL;
            int rc = store_open(&s, uri, err, sizeof err);
            if (rc != VEILLE_OK)
                fprintf(stderr, "child: %s\n", err);
            store_close(s);
            _exit(rc == VEILLE_OK ? 0 : 1);
        }
    }
    close(go[0]);
    sleep_ms(100);
    close(go[1]);
    for (int i = 0; i < 4; i++)
        assert_int_equal(wait_child(kids[i]), 0);
    assert_int_equal(admin_long("SELECT count(*) FROM t_conc_open.schema_migrations"),
                     migrations_in_file());
}

/* ---- articles ---------------------------------------------------------- */

static void test_claim_twice(void **state)
{
    (void)state;
    NEED_SERVER();
    char uri[1024];
    fresh("t_claim", uri, sizeof uri);
    store *s = open_ok(uri);
    store_article a = article("a1", "h1");
    store_article same_id = article("a1", "h9");
    store_article same_hash = article("a9", "h1");
    store_article b = article("b1", "h2");
    store_article c = article("c1", "h3");

    assert_int_equal(s->ops->has_article(s, "a1", "h1"), 0);
    OK(s->ops->begin(s));
    assert_int_equal(s->ops->claim_article(s, &a), 1);
    OK(s->ops->commit(s));

    OK(s->ops->begin(s));
    assert_int_equal(s->ops->claim_article(s, &a), 0);
    assert_int_equal(s->ops->claim_article(s, &same_id), 0);
    assert_int_equal(s->ops->claim_article(s, &same_hash), 0);
    assert_int_equal(s->ops->claim_article(s, &b), 1);
    assert_int_equal(s->ops->claim_article(s, &b), 0); /* same transaction */
    OK(s->ops->commit(s));

    /* A rolled-back claim leaves nothing. */
    OK(s->ops->begin(s));
    assert_int_equal(s->ops->claim_article(s, &c), 1);
    OK(s->ops->rollback(s));

    assert_int_equal(s->ops->has_article(s, "a1", "zz"), 1);
    assert_int_equal(s->ops->has_article(s, "zz", "h2"), 1);
    assert_int_equal(s->ops->has_article(s, "c1", "h3"), 0);
    long n = 0;
    OK(s->ops->counts(s, &n, NULL, NULL, NULL));
    assert_int_equal(n, 2);

    /* Every column is kept. */
    char t[256];
    admin_text("SELECT concat_ws('|', id, hash, url, outlet, published, lang, "
               "title, origin, nevents, ingested_at IS NOT NULL) "
               "FROM t_claim.articles WHERE id = 'a1'",
               t, sizeof t);
    assert_string_equal(t, "a1|h1|https://example.org/a|RFI|2024-03-02|fr|"
                           "Un titre|examples/articles.jsonl:1|1|t");
    store_close(s);
}

/* Child of the concurrency tests: opens its own connection, begins, claims
 * `id`, commits; exits 10 + claim's answer (20 on error). */
static void claim_in_child(const char *uri, const char *id, const char *hash)
{
    char err[512];
    store *s = NULL;
    if (store_open(&s, uri, err, sizeof err) != VEILLE_OK) {
        fprintf(stderr, "child: %s\n", err);
        _exit(20);
    }
    store_article a = article(id, hash);
    int got = -1;
    if (s->ops->begin(s) == VEILLE_OK)
        got = s->ops->claim_article(s, &a);
    if (got < 0 || s->ops->commit(s) != VEILLE_OK) {
        fprintf(stderr, "child: %s\n", store_errmsg(s));
        _exit(20);
    }
    store_close(s);
    _exit(10 + got);
}

/* Two connections claim one article: the second waits for the first's
 * transaction and gets 0 when it commits, 1 when it rolls back. */
static void test_concurrent_claim(void **state)
{
    (void)state;
    NEED_SERVER();
    char uri[1024];
    fresh("t_conc_claim", uri, sizeof uri);
    store *s = open_ok(uri);

    store_article a = article("a1", "h1");
    OK(s->ops->begin(s));
    assert_int_equal(s->ops->claim_article(s, &a), 1);
    pid_t kid = fork();
    assert_true(kid >= 0);
    if (kid == 0)
        claim_in_child(uri, "a1", "h1");
    assert_true(still_running(kid, 300)); /* it waits for our commit */
    OK(s->ops->commit(s));
    assert_int_equal(wait_child(kid), 10); /* and then inserts nothing */

    /* Same content under another id: the hash decides. */
    store_article b = article("b1", "h2");
    OK(s->ops->begin(s));
    assert_int_equal(s->ops->claim_article(s, &b), 1);
    kid = fork();
    assert_true(kid >= 0);
    if (kid == 0)
        claim_in_child(uri, "b2", "h2");
    assert_true(still_running(kid, 300));
    OK(s->ops->commit(s));
    assert_int_equal(wait_child(kid), 10);

    /* The first rolls back: the second's claim goes through. */
    store_article c = article("c1", "h3");
    OK(s->ops->begin(s));
    assert_int_equal(s->ops->claim_article(s, &c), 1);
    kid = fork();
    assert_true(kid >= 0);
    if (kid == 0)
        claim_in_child(uri, "c1", "h3");
    assert_true(still_running(kid, 300));
    OK(s->ops->rollback(s));
    assert_int_equal(wait_child(kid), 11);

    long n = 0;
    OK(s->ops->counts(s, &n, NULL, NULL, NULL));
    assert_int_equal(n, 3);
    store_close(s);
}

/* lock_resolution: a second worker waits until the first commits. */
static void test_lock_resolution(void **state)
{
    (void)state;
    NEED_SERVER();
    char uri[1024];
    fresh("t_lock", uri, sizeof uri);
    store *s = open_ok(uri);
    OK(s->ops->begin(s));
    OK(s->ops->lock_resolution(s));
    pid_t kid = fork();
    assert_true(kid >= 0);
    if (kid == 0) {
        char err[512];
        store *t = NULL;
        if (store_open(&t, uri, err, sizeof err) != VEILLE_OK)
            _exit(20);
        int ok = t->ops->begin(t) == VEILLE_OK &&
                 t->ops->lock_resolution(t) == VEILLE_OK &&
                 t->ops->commit(t) == VEILLE_OK;
        store_close(t);
        _exit(ok ? 0 : 21);
    }
    assert_true(still_running(kid, 300));
    OK(s->ops->commit(s));
    assert_int_equal(wait_child(kid), 0);

    /* Released at rollback too. */
    OK(s->ops->begin(s));
    OK(s->ops->lock_resolution(s));
    OK(s->ops->rollback(s));
    OK(s->ops->begin(s));
    OK(s->ops->lock_resolution(s));
    OK(s->ops->commit(s));
    store_close(s);
}

/* ---- events ------------------------------------------------------------ */

typedef struct ev_spec {
    const char *tag; /* kept in event_id_cnty, to name it in assertions */
    const char *date, *type, *sub, *country, *admin1;
    const char *actor1, *assoc1, *actor2, *assoc2;
    const char *lat, *lon, *fatalities, *notes;
    const char *outlets[3];
} ev_spec;

static const ev_spec specs[] = {
    {"E1", "2024-03-01", "Battles", "Armed clash", "Mali", "Mopti", "JNIM", "",
     "Military Forces of Mali (2021-)", "", "14.5", "-4.2", "3",
     "Clashes near Mopti.", {"RFI", "Le Monde"}},
    {"E2", "2024-03-05", "Violence against civilians", "Attack", "Burkina Faso",
     "Sahel", "Unidentified Armed Group (Burkina Faso)", "", "Civilians (Burkina Faso)",
     "Women (Burkina Faso); Forces Armées", "14", "-0.1", "12", "An attack.",
     {"Jeune Afrique"}},
    {"E3", "2024-02-20", "Battles", "Armed clash", "Mali", "Gao", "ISSP",
     "Wagner Group", "", "", "", "", "", "Fighting near Gao.", {"AFP"}},
    {"E4", "2024-03-01", "Protests", "Peaceful protest", "Senegal", "Dakar",
     "Protesters (Senegal)", "", "", "", "14.7", "-17.4", "0",
     "O'Brien said \"no\"; DROP TABLE events; -- $1 %s \\", {"rfi.fr"}},
};

static void make_record(rec_event *r, const ev_spec *sp)
{
    assert_int_equal(rec_init(r), 0);
    assert_int_equal(rec_set_str(r, EF_ARTICLE_ID, sp->tag), 0);
    assert_int_equal(rec_set_str(r, EF_EVENT_ID_CNTY, sp->tag), 0);
    assert_int_equal(rec_set_str(r, EF_EVENT_DATE, sp->date), 0);
    assert_int_equal(rec_set(r, EF_YEAR, sp->date, 4), 0);
    assert_int_equal(rec_set_str(r, EF_TIME_PRECISION, "1"), 0);
    assert_int_equal(rec_set_str(r, EF_EVENT_TYPE, sp->type), 0);
    assert_int_equal(rec_set_str(r, EF_SUB_EVENT_TYPE, sp->sub), 0);
    assert_int_equal(rec_set_str(r, EF_COUNTRY, sp->country), 0);
    assert_int_equal(rec_set_str(r, EF_ADMIN1, sp->admin1), 0);
    assert_int_equal(rec_set_str(r, EF_ACTOR1, sp->actor1), 0);
    assert_int_equal(rec_set_str(r, EF_ASSOC_ACTOR_1, sp->assoc1), 0);
    assert_int_equal(rec_set_str(r, EF_ACTOR2, sp->actor2), 0);
    assert_int_equal(rec_set_str(r, EF_ASSOC_ACTOR_2, sp->assoc2), 0);
    assert_int_equal(rec_set_str(r, EF_LATITUDE, sp->lat), 0);
    assert_int_equal(rec_set_str(r, EF_LONGITUDE, sp->lon), 0);
    assert_int_equal(rec_set_str(r, EF_FATALITIES, sp->fatalities), 0);
    assert_int_equal(rec_set_str(r, EF_NOTES, sp->notes), 0);
    assert_int_equal(rec_set_str(r, EF_SOURCE, sp->outlets[0]), 0);
    assert_int_equal(rec_set_str(r, EF_TIMESTAMP, "1709251200"), 0);
    assert_int_equal(rec_set_str(r, EF_GEONAMEID, "2453347"), 0);
    assert_int_equal(rec_set_str(r, EF_LANG, "fr"), 0);
    for (int i = 0; i < 3 && sp->outlets[i]; i++) {
        char aid[32];
        snprintf(aid, sizeof aid, "%s-a%d", sp->tag, i);
        rec_source src = {.article_id = aid,
                          .outlet = (char *)sp->outlets[i],
                          .url = "https://example.org/x",
                          .published = "2024-03-02",
                          .claimant = i ? "the army" : "",
                          .certainty = i ? "claimed" : "stated",
                          .fatalities = i ? "" : (char *)sp->fatalities,
                          .sentence = (char *)sp->notes,
                          .start = 10 * i,
                          .end = 10 * i + 5};
        assert_int_equal(rec_add_source(r, &src), 0);
    }
}

/* Collects the tags (event_id_cnty) of the events a query gives. */
typedef struct seen {
    char tags[256];
    int n, stop_after;
    rec_event copy; /* the event tagged `want`, fields and sources */
    const char *want;
    int found;
} seen;

static int collect(void *user, const rec_event *e)
{
    seen *w = user;
    size_t len = strlen(w->tags);
    snprintf(w->tags + len, sizeof w->tags - len, "%s%s", len ? "," : "",
             e->f[EF_EVENT_ID_CNTY]);
    assert_true(e->id > 0);
    if (w->want && strcmp(e->f[EF_EVENT_ID_CNTY], w->want) == 0) {
        assert_int_equal(rec_init(&w->copy), 0);
        for (int f = 0; f < EF_COUNT; f++)
            assert_int_equal(rec_set_str(&w->copy, (event_field)f, e->f[f]), 0);
        for (size_t i = 0; i < e->nsrc; i++)
            assert_int_equal(rec_add_source(&w->copy, &e->src[i]), 0);
        w->copy.id = e->id;
        w->found = 1;
    }
    w->n++;
    return w->stop_after && w->n >= w->stop_after ? 7 : 0;
}

static const char *run_query(store *s, const store_filter *f, seen *w)
{
    memset(w, 0, sizeof *w);
    OK(store_query(s, f, collect, w));
    return w->tags;
}

static void test_events(void **state)
{
    (void)state;
    NEED_SERVER();
    char uri[1024];
    fresh("t_events", uri, sizeof uri);
    store *s = open_ok(uri);
    int64_t ids[4];
    OK(s->ops->begin(s));
    OK(s->ops->lock_resolution(s));
    for (int i = 0; i < 4; i++) {
        rec_event r;
        make_record(&r, &specs[i]);
        OK(s->ops->insert_event(s, &r));
        ids[i] = r.id;
        assert_true(r.id > 0);
        rec_free(&r);
    }
    OK(s->ops->commit(s));
    assert_true(ids[0] < ids[1] && ids[1] < ids[2] && ids[2] < ids[3]);

    long ne = 0, ns = 0;
    OK(s->ops->counts(s, NULL, &ne, &ns, NULL));
    assert_int_equal(ne, 4);
    assert_int_equal(ns, 5);

    seen w;
    store_filter f = {0};
    /* (event_date, id) order; every filter. */
    assert_string_equal(run_query(s, NULL, &w), "E3,E1,E4,E2");
    f = (store_filter){.since = "2024-03-01"};
    assert_string_equal(run_query(s, &f, &w), "E1,E4,E2");
    f = (store_filter){.until = "2024-03-01"};
    assert_string_equal(run_query(s, &f, &w), "E3,E1,E4");
    f = (store_filter){.since = "2024-03-05", .until = "2024-03-05"};
    assert_string_equal(run_query(s, &f, &w), "E2");
    f = (store_filter){.country = "Mali"};
    assert_string_equal(run_query(s, &f, &w), "E3,E1");
    f = (store_filter){.country = "mali"}; /* exact */
    assert_string_equal(run_query(s, &f, &w), "");
    f = (store_filter){.admin1 = "Gao"};
    assert_string_equal(run_query(s, &f, &w), "E3");
    f = (store_filter){.event_type = "Battles"};
    assert_string_equal(run_query(s, &f, &w), "E3,E1");
    f = (store_filter){.sub_event_type = "Peaceful protest"};
    assert_string_equal(run_query(s, &f, &w), "E4");
    f = (store_filter){.actor = "jnim"};
    assert_string_equal(run_query(s, &f, &w), "E1");
    f = (store_filter){.actor = "WAGNER"}; /* associated actor 1 */
    assert_string_equal(run_query(s, &f, &w), "E3");
    f = (store_filter){.actor = "military forces"}; /* actor2 */
    assert_string_equal(run_query(s, &f, &w), "E1");
    f = (store_filter){.actor = "women"}; /* associated actor 2 */
    assert_string_equal(run_query(s, &f, &w), "E2");
    f = (store_filter){.actor = "(burkina"};
    assert_string_equal(run_query(s, &f, &w), "E2");
    f = (store_filter){.actor = "%"}; /* a substring, not a pattern */
    assert_string_equal(run_query(s, &f, &w), "");
    f = (store_filter){.actor = "FORCES ARMÉES"}; /* Unicode case */
    assert_string_equal(run_query(s, &f, &w), "E2");
    f = (store_filter){.actor = "arme\xcc\x81" "es"}; /* e + combining acute */
    assert_string_equal(run_query(s, &f, &w), "E2");
    f = (store_filter){.country = "", .actor = "", .source = "", .since = ""};
    assert_string_equal(run_query(s, &f, &w), "E3,E1,E4,E2"); /* "" is no filter */
    f = (store_filter){.source = "rfi"};
    assert_string_equal(run_query(s, &f, &w), "E1,E4");
    f = (store_filter){.source = "MONDE"}; /* the second source of E1 */
    assert_string_equal(run_query(s, &f, &w), "E1");
    f = (store_filter){.has_bbox = 1, .west = -5, .south = 13, .east = 0, .north = 15};
    assert_string_equal(run_query(s, &f, &w), "E1,E2");
    f = (store_filter){.has_bbox = 1, .west = -20, .south = 14.6, .east = 20, .north = 90};
    assert_string_equal(run_query(s, &f, &w), "E4");
    /* West past east: across the antimeridian, i.e. outside [-10, -1]. */
    f = (store_filter){.has_bbox = 1, .west = -1, .south = -90, .east = -10, .north = 90};
    assert_string_equal(run_query(s, &f, &w), "E4,E2");
    f = (store_filter){.country = "Mali", .since = "2024-03-01"};
    assert_string_equal(run_query(s, &f, &w), "E1");
    f = (store_filter){.country = "Mali", .actor = "isSP", .source = "afp",
                       .event_type = "Battles", .sub_event_type = "Armed clash",
                       .admin1 = "Gao", .until = "2024-02-20"};
    assert_string_equal(run_query(s, &f, &w), "E3");

    /* fn's non-zero answer stops the query and is returned. */
    memset(&w, 0, sizeof w);
    w.stop_after = 2;
    assert_int_equal(store_query(s, NULL, collect, &w), 7);
    assert_string_equal(w.tags, "E3,E1");

    /* Every field and source comes back as it went in. */
    memset(&w, 0, sizeof w);
    w.want = "E1";
    OK(store_query(s, NULL, collect, &w));
    assert_true(w.found);
    rec_event want;
    make_record(&want, &specs[0]);
    for (int i = 0; i < EF_COUNT; i++)
        assert_string_equal(w.copy.f[i], want.f[i]);
    assert_int_equal(w.copy.id, ids[0]);
    assert_int_equal(w.copy.nsrc, 2);
    for (size_t i = 0; i < 2; i++) {
        assert_string_equal(w.copy.src[i].article_id, want.src[i].article_id);
        assert_string_equal(w.copy.src[i].outlet, want.src[i].outlet);
        assert_string_equal(w.copy.src[i].url, want.src[i].url);
        assert_string_equal(w.copy.src[i].published, want.src[i].published);
        assert_string_equal(w.copy.src[i].claimant, want.src[i].claimant);
        assert_string_equal(w.copy.src[i].certainty, want.src[i].certainty);
        assert_string_equal(w.copy.src[i].fatalities, want.src[i].fatalities);
        assert_string_equal(w.copy.src[i].sentence, want.src[i].sentence);
        assert_int_equal(w.copy.src[i].start, want.src[i].start);
        assert_int_equal(w.copy.src[i].end, want.src[i].end);
    }
    rec_free(&want);
    rec_free(&w.copy);
    /* Quotes and SQL in values are values; unknown numbers stay unknown. */
    memset(&w, 0, sizeof w);
    w.want = "E4";
    OK(store_query(s, NULL, collect, &w));
    assert_string_equal(w.copy.f[EF_NOTES], specs[3].notes);
    assert_string_equal(w.copy.f[EF_LATITUDE], "14.7");
    assert_string_equal(w.copy.f[EF_FATALITIES], "0");
    rec_free(&w.copy);
    /* An integral double reads back as SQLite prints it. */
    memset(&w, 0, sizeof w);
    w.want = "E2";
    OK(store_query(s, NULL, collect, &w));
    assert_string_equal(w.copy.f[EF_LATITUDE], "14.0");
    assert_string_equal(w.copy.f[EF_LONGITUDE], "-0.1");
    assert_string_equal(w.copy.f[EF_TIMESTAMP], "1709251200");
    rec_free(&w.copy);
    assert_int_equal(admin_long("SELECT corroboration FROM t_events.events "
                                "WHERE event_id_cnty = 'E1'"),
                     2);
    memset(&w, 0, sizeof w);
    w.want = "E3";
    OK(store_query(s, NULL, collect, &w));
    assert_string_equal(w.copy.f[EF_LATITUDE], "");
    assert_string_equal(w.copy.f[EF_FATALITIES], "");
    assert_string_equal(w.copy.f[EF_INTER1], "");
    assert_string_equal(w.copy.f[EF_ASSOC_ACTOR_1], "Wagner Group");
    rec_free(&w.copy);
    assert_int_equal(admin_long("SELECT count(*) FROM t_events.events"), 4);
    assert_int_equal(admin_long("SELECT fatalities FROM t_events.events "
                                "WHERE event_id_cnty = 'E2'"),
                     12);

    /* Candidates: same type, date within the window, with sources. */
    OK(s->ops->begin(s));
    OK(s->ops->lock_resolution(s));
    memset(&w, 0, sizeof w);
    OK(s->ops->candidates(s, "Battles", "2024-02-25", "2024-03-02", collect, &w));
    assert_string_equal(w.tags, "E1");
    memset(&w, 0, sizeof w);
    w.want = "E3";
    OK(s->ops->candidates(s, "Battles", "2024-02-01", "2024-03-31", collect, &w));
    assert_string_equal(w.tags, "E3,E1");
    assert_int_equal(w.copy.nsrc, 1);
    assert_string_equal(w.copy.src[0].outlet, "AFP");

    /* Update: new fields, sources replaced. */
    assert_int_equal(rec_set_str(&w.copy, EF_ADMIN1, "Ménaka"), 0);
    assert_int_equal(rec_set_str(&w.copy, EF_FATALITIES, "5"), 0);
    assert_int_equal(rec_set_str(&w.copy, EF_LATITUDE, "15.9"), 0);
    for (size_t i = 0; i < w.copy.nsrc; i++)
        rec_source_free(&w.copy.src[i]);
    w.copy.nsrc = 0;
    rec_source ns1 = {.article_id = "r1", .outlet = "Reuters", .fatalities = "5",
                      .sentence = "Five were killed.", .start = 3, .end = 20};
    rec_source ns2 = {.article_id = "r2", .outlet = "AP", .start = 1, .end = 2};
    assert_int_equal(rec_add_source(&w.copy, &ns1), 0);
    assert_int_equal(rec_add_source(&w.copy, &ns2), 0);
    OK(s->ops->update_event(s, &w.copy));
    rec_free(&w.copy);
    memset(&w, 0, sizeof w);
    OK(s->ops->candidates(s, "", "2024-01-01", "2024-12-31", collect, &w));
    assert_string_equal(w.tags, ""); /* no event has an empty type */
    OK(s->ops->commit(s));

    memset(&w, 0, sizeof w);
    w.want = "E3";
    f = (store_filter){.admin1 = "Ménaka"};
    OK(store_query(s, &f, collect, &w));
    assert_string_equal(w.tags, "E3");
    assert_string_equal(w.copy.f[EF_FATALITIES], "5");
    assert_string_equal(w.copy.f[EF_LATITUDE], "15.9");
    assert_int_equal(w.copy.id, ids[2]);
    assert_int_equal(w.copy.nsrc, 2);
    assert_string_equal(w.copy.src[0].outlet, "Reuters");
    assert_string_equal(w.copy.src[0].fatalities, "5");
    assert_string_equal(w.copy.src[1].outlet, "AP");
    assert_string_equal(w.copy.src[1].url, "");
    assert_int_equal(w.copy.src[0].start, 3);
    assert_int_equal(w.copy.src[0].end, 20);

    /* Updating an event that is not there is an error. */
    w.copy.id = ids[3] + 1000;
    OK(s->ops->begin(s));
    assert_true(s->ops->update_event(s, &w.copy) < 0);
    assert_true(tu_contains(store_errmsg(s), "127.0.0.1"));
    OK(s->ops->rollback(s));
    rec_free(&w.copy);

    f = (store_filter){.source = "afp"};
    assert_string_equal(run_query(s, &f, &w), "");
    OK(s->ops->counts(s, NULL, &ne, &ns, NULL));
    assert_int_equal(ne, 4);
    assert_int_equal(ns, 6);
    assert_int_equal(admin_long("SELECT corroboration FROM t_events.events "
                                "WHERE event_id_cnty = 'E3'"),
                     2);
    store_close(s);
}

/* ---- rejects, counts, errors ------------------------------------------- */

static void test_rejects(void **state)
{
    (void)state;
    NEED_SERVER();
    char uri[1024];
    fresh("t_rejects", uri, sizeof uri);
    store *s = open_ok(uri);
    OK(s->ops->begin(s));
    OK(s->ops->put_reject(s, "a1", "in.jsonl:1", "too big"));
    OK(s->ops->put_reject(s, "b1", "in.jsonl:2", "no text"));
    OK(s->ops->commit(s));
    OK(s->ops->begin(s));
    OK(s->ops->put_reject(s, "a1", "in.jsonl:7", "bad JSON"));
    /* No id (the line could not be read): known by its origin. */
    OK(s->ops->put_reject(s, NULL, "in.jsonl:9", "not JSON"));
    OK(s->ops->put_reject(s, "", "in.jsonl:9", "still not JSON"));
    OK(s->ops->put_reject(s, NULL, "in.jsonl:10", "not JSON"));
    OK(s->ops->commit(s));
    long a = -1, e = -1, src = -1, rej = -1;
    OK(s->ops->counts(s, &a, &e, &src, &rej));
    assert_int_equal(rej, 4);
    assert_int_equal(a + e + src, 0);
    char t[128];
    admin_text("SELECT origin || '|' || reason FROM t_rejects.rejects "
               "WHERE article_id = 'a1'",
               t, sizeof t);
    assert_string_equal(t, "in.jsonl:7|bad JSON");
    admin_text("SELECT reason FROM t_rejects.rejects "
               "WHERE article_id IS NULL AND origin = 'in.jsonl:9'",
               t, sizeof t);
    assert_string_equal(t, "still not JSON");
    store_close(s);
}

static void test_errors(void **state)
{
    (void)state;
    NEED_SERVER();
    /* Nobody listens on port 1: the message names the database, without
     * its password, and says what PostgreSQL said. */
    char err[512] = "";
    store *s = NULL;
    int rc = store_open(&s, "postgresql://veille:secret@127.0.0.1:1/veille",
                        err, sizeof err);
    assert_true(rc < 0);
    assert_null(s);
    assert_true(tu_contains(err, "postgresql://veille:***@127.0.0.1:1/veille"));
    assert_null(strstr(err, "secret"));
    assert_true(tu_contains(err, "connect"));

    /* A statement that fails names the database and the server's reason,
     * and the transaction it was in cannot be committed. */
    char uri[1024];
    fresh("t_errors", uri, sizeof uri);
    s = open_ok(uri);
    OK(s->ops->begin(s));
    assert_true(s->ops->put_reject(s, "bad\xff", "x", "y") < 0);
    assert_true(tu_contains(store_errmsg(s), "127.0.0.1"));
    assert_true(tu_contains(store_errmsg(s), "UTF8"));
    assert_true(s->ops->commit(s) < 0);
    assert_true(tu_contains(store_errmsg(s), "rolled back"));
    /* The connection is usable again. */
    OK(s->ops->begin(s));
    OK(s->ops->put_reject(s, "good", "x", "y"));
    OK(s->ops->commit(s));
    long rej = 0;
    OK(s->ops->counts(s, NULL, NULL, NULL, &rej));
    assert_int_equal(rej, 1);
    store_close(s);

    /* A database whose schema is newer than this program's. */
    fresh("t_newer", uri, sizeof uri);
    s = open_ok(uri);
    store_close(s);
    admin_exec("INSERT INTO t_newer.schema_migrations (version, why) "
               "VALUES (9999, 'from the future')");
    s = NULL;
    rc = store_open(&s, uri, err, sizeof err);
    assert_true(rc < 0);
    assert_true(tu_contains(err, "newer"));
}

/* ---- main -------------------------------------------------------------- */

static void quiet(void *arg, const char *msg)
{
    (void)arg;
    (void)msg;
}

static int group_setup(void **state)
{
    (void)state;
    server = getenv("VEILLE_TEST_PG");
    if (server && !*server)
        server = NULL;
    if (!server) {
        printf("test_store_pg: skipped: VEILLE_TEST_PG is not set "
               "(tests/pg/run.sh starts a server and sets it)\n");
        return 0;
    }
    admin = PQconnectdb(server);
    if (PQstatus(admin) != CONNECTION_OK) {
        fprintf(stderr, "test_store_pg: %s: %s", server, PQerrorMessage(admin));
        return -1;
    }
    PQsetNoticeProcessor(admin, quiet, NULL); /* DROP SCHEMA's notices */
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    if (admin)
        PQfinish(admin);
    admin = NULL;
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_open_migrate_reopen),
        cmocka_unit_test(test_same_columns_as_sqlite),
        cmocka_unit_test(test_concurrent_open),
        cmocka_unit_test(test_claim_twice),
        cmocka_unit_test(test_concurrent_claim),
        cmocka_unit_test(test_lock_resolution),
        cmocka_unit_test(test_events),
        cmocka_unit_test(test_rejects),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
