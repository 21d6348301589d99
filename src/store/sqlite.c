/*
 * sqlite.c — the SQLite backend (store_impl.h): one database file, WAL mode
 * so that readers (`veille events`, the web page) never wait for an ingest,
 * a busy timeout so that two writers take turns instead of failing.
 *
 * The schema is src/store/schema/sqlite.sql, embedded by schema_sqlite.c:
 * the text before the first "-- migration N: why" line runs at every open
 * (it only creates schema_migrations if missing); each migration newer than
 * the last one recorded runs once, all of them in one transaction.
 *
 * Values only ever reach SQL through bound parameters.  The statements
 * that name every event column are assembled once, at open, from the
 * column names of event_fields[] (constants of the program, not data).
 * Numeric fields are stored as INTEGER/REAL (NULL when empty) and read
 * back as their text, as rec_event keeps them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <utf8proc.h>

#include "store_impl.h"

/* The embedded schema file (schema_sqlite.c), NUL-terminated. */
extern const char store_sqlite_schema[];

#define BUSY_TIMEOUT_MS 30000

typedef struct sq {
    sqlite3 *db;
    char *cols; /* "article_id, event_id_cnty, …, corroboration" */
    sqlite3_stmt *has_article, *claim, *del_reject, *ins_reject;
    sqlite3_stmt *candidates, *ins_event, *upd_event, *del_sources,
        *ins_source, *get_sources;
    sqlite3_stmt *begin, *commit, *rollback;
} sq;

static sq *SQ(store *s) { return s->impl; }

/* Sets s->err from the connection's last error. */
static int fail_db(store *s, const char *what)
{
    sq *q = SQ(s);
    return store_fail(s, "%s: %s: %s", s->where, what,
                      q && q->db ? sqlite3_errmsg(q->db) : "no database");
}

/* ---- binding and reading values ------------------------------------ */

static int bind_text(sqlite3_stmt *st, int i, const char *v)
{
    return sqlite3_bind_text(st, i, v ? v : "", -1, SQLITE_STATIC);
}

/* A text or NULL when empty (the optional filters). */
static int bind_opt(sqlite3_stmt *st, int i, const char *v)
{
    if (!v || !*v)
        return sqlite3_bind_null(st, i);
    return sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

/* A number kept as text: NULL when empty, INTEGER or REAL when it reads
 * wholly as one, else the text itself (never lost). */
static int bind_num(sqlite3_stmt *st, int i, const char *v)
{
    if (!v || !*v)
        return sqlite3_bind_null(st, i);
    char *end;
    long long n = strtoll(v, &end, 10);
    if (*end == '\0')
        return sqlite3_bind_int64(st, i, n);
    double d = strtod(v, &end);
    if (*end == '\0')
        return sqlite3_bind_double(st, i, d);
    return sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

static int bind_field(sqlite3_stmt *st, int i, const rec_event *e, int f)
{
    return event_fields[f].type == EFT_NUM ? bind_num(st, i, e->f[f])
                                           : bind_text(st, i, e->f[f]);
}

/* A column as text, "" for NULL. */
static const char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

/* Number of distinct articles among the sources. */
static long distinct_articles(const rec_event *e)
{
    long n = 0;
    for (size_t i = 0; i < e->nsrc; i++) {
        size_t j = 0;
        while (j < i && strcmp(e->src[j].article_id, e->src[i].article_id))
            j++;
        n += j == i;
    }
    return n;
}

/* ---- case-insensitive matching ---------------------------------------- */

/* veille_fold(x): x case-folded (Unicode, NFC), for the actor and source
 * filters; SQLite's own lower() only knows ASCII. */
static void fold_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *t = sqlite3_value_text(argv[0]);
    if (!t) {
        sqlite3_result_null(cx);
        return;
    }
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map(
        t, sqlite3_value_bytes(argv[0]), &out,
        UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (n < 0) { /* not valid UTF-8: compare the bytes as they are */
        sqlite3_result_value(cx, argv[0]);
        return;
    }
    sqlite3_result_text(cx, (const char *)out, (int)n, free);
}

/* ---- opening --------------------------------------------------------- */

static int prep(store *s, sqlite3_stmt **st, const char *sql)
{
    if (sqlite3_prepare_v3(SQ(s)->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st,
                           NULL) != SQLITE_OK)
        return fail_db(s, "cannot prepare a statement");
    return VEILLE_OK;
}

/* Runs a statement that needs no parameters and returns no rows. */
static int run(store *s, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? VEILLE_OK : fail_db(s, what);
}

/* The next "-- migration N:" header at or after p (at a line start), or
 * NULL; *num gets N. */
static const char *next_migration(const char *p, long *num)
{
    static const char tag[] = "-- migration ";
    for (const char *l = p; l && *l;) {
        if (strncmp(l, tag, sizeof tag - 1) == 0) {
            char *end;
            long n = strtol(l + sizeof tag - 1, &end, 10);
            if (end != l + sizeof tag - 1 && *end == ':') {
                *num = n;
                return l;
            }
        }
        l = strchr(l, '\n');
        if (l)
            l++;
    }
    return NULL;
}

/* Applies the schema's migrations newer than the last one recorded, in
 * one IMMEDIATE transaction (two processes opening a new file at once
 * take turns; the second finds nothing to do). */
static int migrate(store *s)
{
    sqlite3 *db = SQ(s)->db;
    const char *schema = store_sqlite_schema;
    long num = 0;
    const char *first = next_migration(schema, &num);
    if (!first)
        return store_fail(s, "%s: the embedded schema has no migration",
                          s->where);
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return fail_db(s, "cannot start the schema migration");
    int rc = VEILLE_OK;
    char *chunk = NULL;
    sqlite3_stmt *ver = NULL, *ins = NULL;
    /* The preamble: creates schema_migrations when missing. */
    chunk = strndup(schema, (size_t)(first - schema));
    if (!chunk || sqlite3_exec(db, chunk, NULL, NULL, NULL) != SQLITE_OK) {
        rc = chunk ? fail_db(s, "cannot create schema_migrations")
                   : store_fail(s, "%s: out of memory", s->where);
        goto done;
    }
    long have = 0;
    if (sqlite3_prepare_v2(db,
                           "SELECT coalesce(max(version), 0) FROM "
                           "schema_migrations",
                           -1, &ver, NULL) != SQLITE_OK ||
        sqlite3_step(ver) != SQLITE_ROW) {
        rc = fail_db(s, "cannot read the schema version");
        goto done;
    }
    have = (long)sqlite3_column_int64(ver, 0);
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO schema_migrations (version, why, "
                           "applied_at) VALUES (?1, ?2, "
                           "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                           -1, &ins, NULL) != SQLITE_OK) {
        rc = fail_db(s, "cannot record a migration");
        goto done;
    }
    long last = 0;
    for (const char *m = first; m;) {
        long n = num;
        const char *next = next_migration(strchr(m, '\n') ? strchr(m, '\n') + 1 : "", &num);
        last = n;
        if (n <= have) {
            m = next;
            continue;
        }
        free(chunk);
        chunk = next ? strndup(m, (size_t)(next - m)) : strdup(m);
        if (!chunk) {
            rc = store_fail(s, "%s: out of memory", s->where);
            goto done;
        }
        if (sqlite3_exec(db, chunk, NULL, NULL, NULL) != SQLITE_OK) {
            rc = store_fail(s, "%s: schema migration %ld failed: %s",
                            s->where, n, sqlite3_errmsg(db));
            goto done;
        }
        /* why: the header's text after "N:" up to the end of its line */
        const char *why = strchr(m, ':') + 1;
        while (*why == ' ')
            why++;
        size_t wl = strcspn(why, "\n");
        sqlite3_bind_int64(ins, 1, n);
        sqlite3_bind_text(ins, 2, why, (int)wl, SQLITE_TRANSIENT);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            rc = fail_db(s, "cannot record a migration");
            goto done;
        }
        sqlite3_reset(ins);
        m = next;
    }
    if (have > last)
        rc = store_fail(s,
                        "%s: the database's schema (version %ld) is newer "
                        "than this veille knows (%ld)",
                        s->where, have, last);
done:
    free(chunk);
    sqlite3_finalize(ver);
    sqlite3_finalize(ins);
    if (rc == VEILLE_OK &&
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        rc = fail_db(s, "cannot commit the schema migration");
    if (rc != VEILLE_OK)
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* "a, b, c, corroboration" from event_fields[]. */
static char *column_list(void)
{
    size_t n = 32;
    for (int f = 0; f < EF_COUNT; f++)
        n += strlen(event_fields[f].name) + 2;
    char *p = malloc(n), *o = p;
    if (!p)
        return NULL;
    for (int f = 0; f < EF_COUNT; f++)
        o += sprintf(o, "%s, ", event_fields[f].name);
    strcpy(o, "corroboration");
    return p;
}

/* "?1, ?2, …, ?n" or, with names, "a = ?1, b = ?2, …". */
static char *param_list(const char *cols, int with_names)
{
    size_t cap = strlen(cols) * 2 + 8 * (EF_COUNT + 2);
    char *p = malloc(cap), *o = p;
    if (!p)
        return NULL;
    int i = 1;
    for (const char *c = cols; *c; i++) {
        size_t l = strcspn(c, ",");
        if (with_names)
            o += sprintf(o, "%s%.*s = ?%d", i > 1 ? ", " : "", (int)l, c, i);
        else
            o += sprintf(o, "%s?%d", i > 1 ? ", " : "", i);
        c += l;
        while (*c == ',' || *c == ' ')
            c++;
    }
    return p;
}

static int prepare_all(store *s)
{
    sq *q = SQ(s);
    char *vals = param_list(q->cols, 0), *sets = param_list(q->cols, 1);
    size_t cap = strlen(q->cols) * 3 + 512;
    char *sql = malloc(cap);
    int rc = VEILLE_OK;
    if (!vals || !sets || !sql) {
        rc = store_fail(s, "%s: out of memory", s->where);
        goto done;
    }
    const int last = EF_COUNT + 1; /* corroboration's parameter */
    if ((rc = prep(s, &q->begin, "BEGIN IMMEDIATE")) ||
        (rc = prep(s, &q->commit, "COMMIT")) ||
        (rc = prep(s, &q->rollback, "ROLLBACK")) ||
        (rc = prep(s, &q->has_article,
                   "SELECT 1 FROM articles WHERE id = ?1 OR hash = ?2 "
                   "LIMIT 1")) ||
        (rc = prep(s, &q->claim,
                   "INSERT INTO articles (id, hash, url, outlet, published, "
                   "lang, title, origin, nevents, ingested_at) VALUES (?1, "
                   "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                   "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
                   "ON CONFLICT DO NOTHING")) ||
        (rc = prep(s, &q->del_reject,
                   "DELETE FROM rejects WHERE (?1 IS NOT NULL AND "
                   "article_id = ?1) OR (?1 IS NULL AND article_id IS NULL "
                   "AND origin = ?2)")) ||
        (rc = prep(s, &q->ins_reject,
                   "INSERT INTO rejects (article_id, origin, reason, at) "
                   "VALUES (?1, ?2, ?3, "
                   "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")) ||
        (rc = prep(s, &q->del_sources,
                   "DELETE FROM event_sources WHERE event_id = ?1")) ||
        (rc = prep(s, &q->ins_source,
                   "INSERT INTO event_sources (event_id, seq, article_id, "
                   "outlet, url, published, claimant, certainty, "
                   "fatalities, sentence, span_start, span_end) VALUES "
                   "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")) ||
        (rc = prep(s, &q->get_sources,
                   "SELECT article_id, outlet, url, published, claimant, "
                   "certainty, fatalities, sentence, span_start, span_end "
                   "FROM event_sources WHERE event_id = ?1 ORDER BY seq")))
        goto done;
    snprintf(sql, cap, "INSERT INTO events (%s) VALUES (%s)", q->cols, vals);
    if ((rc = prep(s, &q->ins_event, sql)))
        goto done;
    snprintf(sql, cap, "UPDATE events SET %s WHERE id = ?%d", sets, last + 1);
    if ((rc = prep(s, &q->upd_event, sql)))
        goto done;
    snprintf(sql, cap,
             "SELECT id, %s FROM events WHERE event_type = ?1 AND "
             "event_date BETWEEN ?2 AND ?3 ORDER BY event_date, id",
             q->cols);
    rc = prep(s, &q->candidates, sql);
done:
    free(vals);
    free(sets);
    free(sql);
    return rc;
}

static void close_(store *s)
{
    sq *q = SQ(s);
    if (!q)
        return;
    sqlite3_stmt **all[] = {&q->has_article, &q->claim,      &q->del_reject,
                            &q->ins_reject,  &q->candidates, &q->ins_event,
                            &q->upd_event,   &q->del_sources, &q->ins_source,
                            &q->get_sources, &q->begin,      &q->commit,
                            &q->rollback};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        sqlite3_finalize(*all[i]);
    sqlite3_close(q->db);
    free(q->cols);
    free(q);
    s->impl = NULL;
}

static int open_(store *s, const char *where)
{
    sq *q = calloc(1, sizeof *q);
    if (!q)
        return store_fail(s, "%s: out of memory", s->where);
    s->impl = q;
    q->cols = column_list();
    if (!q->cols)
        return store_fail(s, "%s: out of memory", s->where);
    int rc = sqlite3_open_v2(where, &q->db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK)
        return q->db ? fail_db(s, "cannot open")
                     : store_fail(s, "%s: cannot open: out of memory",
                                  s->where);
    sqlite3_extended_result_codes(q->db, 1);
    sqlite3_busy_timeout(q->db, BUSY_TIMEOUT_MS);
    /* WAL: readers do not block the writer, a killed writer leaves the
     * file consistent; journal_mode answers the mode it got. */
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(q->db, "PRAGMA journal_mode = WAL", -1, &st,
                           NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return fail_db(s, "cannot open (is it a SQLite database?)");
    }
    int wal = strcmp(col_text(st, 0), "wal") == 0;
    sqlite3_finalize(st);
    if (!wal)
        return store_fail(s, "%s: cannot switch to WAL mode", s->where);
    if (sqlite3_exec(q->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) !=
        SQLITE_OK)
        return fail_db(s, "cannot enable foreign keys");
    if (sqlite3_create_function(q->db, "veille_fold", 1,
                                SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                fold_fn, NULL, NULL) != SQLITE_OK)
        return fail_db(s, "cannot register veille_fold");
    if ((rc = migrate(s)))
        return rc;
    return prepare_all(s);
}

/* ---- transactions ---------------------------------------------------- */

static int begin_(store *s)
{
    return run(s, SQ(s)->begin, "cannot begin a transaction");
}
static int commit_(store *s)
{
    return run(s, SQ(s)->commit, "cannot commit");
}
static int rollback_(store *s)
{
    if (sqlite3_get_autocommit(SQ(s)->db))
        return VEILLE_OK; /* SQLite already rolled back (an I/O error) */
    return run(s, SQ(s)->rollback, "cannot roll back");
}

/* ---- articles and rejects -------------------------------------------- */

static int has_article_(store *s, const char *id, const char *hash)
{
    sqlite3_stmt *st = SQ(s)->has_article;
    bind_text(st, 1, id);
    bind_text(st, 2, hash);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc == SQLITE_DONE)
        return 0;
    return fail_db(s, "cannot look an article up");
}

static int claim_article_(store *s, const store_article *a)
{
    sqlite3_stmt *st = SQ(s)->claim;
    bind_text(st, 1, a->id);
    bind_text(st, 2, a->hash);
    bind_text(st, 3, a->url);
    bind_text(st, 4, a->outlet);
    bind_text(st, 5, a->published);
    bind_text(st, 6, a->lang);
    bind_text(st, 7, a->title);
    bind_text(st, 8, a->origin);
    sqlite3_bind_int64(st, 9, a->nevents);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE)
        return fail_db(s, "cannot store an article");
    return sqlite3_changes(SQ(s)->db) > 0;
}

static int put_reject_(store *s, const char *article_id, const char *origin,
                       const char *reason)
{
    sq *q = SQ(s);
    bind_opt(q->del_reject, 1, article_id);
    bind_text(q->del_reject, 2, origin);
    int rc = sqlite3_step(q->del_reject);
    sqlite3_reset(q->del_reject);
    sqlite3_clear_bindings(q->del_reject);
    if (rc != SQLITE_DONE)
        return fail_db(s, "cannot store a reject");
    bind_opt(q->ins_reject, 1, article_id);
    bind_text(q->ins_reject, 2, origin);
    bind_text(q->ins_reject, 3, reason);
    rc = sqlite3_step(q->ins_reject);
    sqlite3_reset(q->ins_reject);
    sqlite3_clear_bindings(q->ins_reject);
    return rc == SQLITE_DONE ? VEILLE_OK : fail_db(s, "cannot store a reject");
}

static int lock_resolution_(store *s)
{
    (void)s; /* BEGIN IMMEDIATE already holds the only write lock */
    return VEILLE_OK;
}

/* ---- events ---------------------------------------------------------- */

/* Fills r (initialized) from a row "id, <event columns>, corroboration"
 * and its sources. */
static int read_event(store *s, sqlite3_stmt *row, rec_event *r)
{
    sq *q = SQ(s);
    r->id = sqlite3_column_int64(row, 0);
    for (int f = 0; f < EF_COUNT; f++)
        if (rec_set_str(r, (event_field)f, col_text(row, f + 1)))
            return store_fail(s, "%s: out of memory", s->where);
    sqlite3_stmt *st = q->get_sources;
    sqlite3_bind_int64(st, 1, r->id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rec_source src = {
            .article_id = (char *)col_text(st, 0),
            .outlet = (char *)col_text(st, 1),
            .url = (char *)col_text(st, 2),
            .published = (char *)col_text(st, 3),
            .claimant = (char *)col_text(st, 4),
            .certainty = (char *)col_text(st, 5),
            .fatalities = (char *)col_text(st, 6),
            .sentence = (char *)col_text(st, 7),
            .start = sqlite3_column_int64(st, 8),
            .end = sqlite3_column_int64(st, 9),
        };
        if (rec_add_source(r, &src)) {
            sqlite3_reset(st);
            return store_fail(s, "%s: out of memory", s->where);
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? VEILLE_OK
                             : fail_db(s, "cannot read an event's sources");
}

/* Steps through rows of events, calling fn on each; stops at fn's first
 * non-zero answer and returns it. */
static int each_event(store *s, sqlite3_stmt *st, store_event_fn fn,
                      void *user)
{
    int rc, ret = VEILLE_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rec_event r;
        if (rec_init(&r))
            return store_fail(s, "%s: out of memory", s->where);
        ret = read_event(s, st, &r);
        if (ret == VEILLE_OK)
            ret = fn(user, &r);
        rec_free(&r);
        if (ret)
            return ret;
    }
    return rc == SQLITE_DONE ? VEILLE_OK : fail_db(s, "cannot read events");
}

static int candidates_(store *s, const char *event_type, const char *date_lo,
                       const char *date_hi, store_event_fn fn, void *user)
{
    sqlite3_stmt *st = SQ(s)->candidates;
    bind_text(st, 1, event_type);
    bind_text(st, 2, date_lo);
    bind_text(st, 3, date_hi);
    int rc = each_event(s, st, fn, user);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc;
}

static int put_sources(store *s, const rec_event *e)
{
    sq *q = SQ(s);
    sqlite3_bind_int64(q->del_sources, 1, e->id);
    int rc = sqlite3_step(q->del_sources);
    sqlite3_reset(q->del_sources);
    if (rc != SQLITE_DONE)
        return fail_db(s, "cannot replace an event's sources");
    sqlite3_stmt *st = q->ins_source;
    for (size_t i = 0; i < e->nsrc; i++) {
        const rec_source *src = &e->src[i];
        sqlite3_bind_int64(st, 1, e->id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        bind_text(st, 3, src->article_id);
        bind_text(st, 4, src->outlet);
        bind_text(st, 5, src->url);
        bind_text(st, 6, src->published);
        bind_text(st, 7, src->claimant);
        bind_text(st, 8, src->certainty);
        bind_num(st, 9, src->fatalities);
        bind_text(st, 10, src->sentence);
        sqlite3_bind_int64(st, 11, src->start);
        sqlite3_bind_int64(st, 12, src->end);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return fail_db(s, "cannot store an event's source");
    }
    sqlite3_clear_bindings(st);
    return VEILLE_OK;
}

static void bind_event(sqlite3_stmt *st, const rec_event *e)
{
    for (int f = 0; f < EF_COUNT; f++)
        bind_field(st, f + 1, e, f);
    sqlite3_bind_int64(st, EF_COUNT + 1, distinct_articles(e));
}

static int insert_event_(store *s, rec_event *e)
{
    sqlite3_stmt *st = SQ(s)->ins_event;
    bind_event(st, e);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE)
        return fail_db(s, "cannot store an event");
    e->id = sqlite3_last_insert_rowid(SQ(s)->db);
    return put_sources(s, e);
}

static int update_event_(store *s, const rec_event *e)
{
    sqlite3_stmt *st = SQ(s)->upd_event;
    bind_event(st, e);
    sqlite3_bind_int64(st, EF_COUNT + 2, e->id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE)
        return fail_db(s, "cannot update an event");
    if (sqlite3_changes(SQ(s)->db) != 1)
        return store_fail(s, "%s: no event %lld to update", s->where,
                          (long long)e->id);
    return put_sources(s, e);
}

/* ---- queries --------------------------------------------------------- */

/* One statement for every combination of filters: a filter left NULL
 * turns its condition off. */
static const char query_where[] =
    " FROM events WHERE"
    " (?1 IS NULL OR event_date >= ?1)"
    " AND (?2 IS NULL OR event_date <= ?2)"
    " AND (?3 IS NULL OR country = ?3)"
    " AND (?4 IS NULL OR admin1 = ?4)"
    " AND (?5 IS NULL OR event_type = ?5)"
    " AND (?6 IS NULL OR sub_event_type = ?6)"
    " AND (?7 IS NULL OR instr(veille_fold(actor1), veille_fold(?7)) > 0"
    "      OR instr(veille_fold(actor2), veille_fold(?7)) > 0"
    "      OR instr(veille_fold(assoc_actor_1), veille_fold(?7)) > 0"
    "      OR instr(veille_fold(assoc_actor_2), veille_fold(?7)) > 0)"
    " AND (?8 IS NULL OR EXISTS (SELECT 1 FROM event_sources es"
    "      WHERE es.event_id = events.id"
    "      AND instr(veille_fold(es.outlet), veille_fold(?8)) > 0))"
    " AND (?9 IS NULL OR (latitude BETWEEN ?10 AND ?12 AND"
    "      CASE WHEN ?9 <= ?11 THEN longitude BETWEEN ?9 AND ?11"
    "      ELSE longitude >= ?9 OR longitude <= ?11 END))"
    " ORDER BY event_date, id";

static int query_(store *s, const store_filter *f, store_event_fn fn,
                  void *user)
{
    sq *q = SQ(s);
    size_t cap = strlen(q->cols) + sizeof query_where + 32;
    char *sql = malloc(cap);
    if (!sql)
        return store_fail(s, "%s: out of memory", s->where);
    snprintf(sql, cap, "SELECT id, %s%s", q->cols, query_where);
    /* Prepared per call (not cached): fn may itself query the store. */
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(q->db, sql, -1, &st, NULL);
    free(sql);
    if (rc != SQLITE_OK)
        return fail_db(s, "cannot prepare the query");
    bind_opt(st, 1, f->since);
    bind_opt(st, 2, f->until);
    bind_opt(st, 3, f->country);
    bind_opt(st, 4, f->admin1);
    bind_opt(st, 5, f->event_type);
    bind_opt(st, 6, f->sub_event_type);
    bind_opt(st, 7, f->actor);
    bind_opt(st, 8, f->source);
    if (f->has_bbox) {
        sqlite3_bind_double(st, 9, f->west);
        sqlite3_bind_double(st, 10, f->south);
        sqlite3_bind_double(st, 11, f->east);
        sqlite3_bind_double(st, 12, f->north);
    }
    rc = each_event(s, st, fn, user);
    sqlite3_finalize(st);
    return rc;
}

static int counts_(store *s, long *articles, long *events, long *sources,
                   long *rejects)
{
    static const char *const sql[] = {
        "SELECT count(*) FROM articles", "SELECT count(*) FROM events",
        "SELECT count(*) FROM event_sources", "SELECT count(*) FROM rejects"};
    long *out[] = {articles, events, sources, rejects};
    for (int i = 0; i < 4; i++) {
        if (!out[i])
            continue;
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(SQ(s)->db, sql[i], -1, &st, NULL) !=
                SQLITE_OK ||
            sqlite3_step(st) != SQLITE_ROW) {
            sqlite3_finalize(st);
            return fail_db(s, "cannot count");
        }
        *out[i] = (long)sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    return VEILLE_OK;
}

const store_ops store_sqlite_ops = {
    .name = "sqlite",
    .open = open_,
    .close = close_,
    .begin = begin_,
    .commit = commit_,
    .rollback = rollback_,
    .has_article = has_article_,
    .claim_article = claim_article_,
    .put_reject = put_reject_,
    .lock_resolution = lock_resolution_,
    .candidates = candidates_,
    .insert_event = insert_event_,
    .update_event = update_event_,
    .query = query_,
    .counts = counts_,
};
