/*
 * pg.c — the PostgreSQL backend (store_impl.h), for a team or for many
 * workers writing into one database at once.
 *
 * What keeps concurrent workers correct is the database, not this file:
 *   - the schema is migrated on open inside one transaction holding an
 *     advisory lock, so two workers opening a new database wait for each
 *     other and the second finds the work done;
 *   - articles are claimed with INSERT … ON CONFLICT DO NOTHING against the
 *     unique id and hash: a second worker inserting the same article waits
 *     for the first one's transaction and then inserts nothing;
 *   - resolution (candidates → insert/update) runs under an advisory
 *     transaction lock, released at commit or rollback.
 *
 * Every value goes to the server as a parameter (PQexecPrepared /
 * PQexecParams); SQL text is only ever built from this file's constants and
 * the field names of event.c.  Numbers the coder keeps as text are checked
 * here first, so that a malformed one is stored as NULL (unknown) instead
 * of failing the insert.
 *
 * The schema, schema/postgresql.sql, is linked in as it stands by
 * schema_postgresql.c.
 *
 * Results are the SQLite backend's (sqlite.c), row for row and byte for
 * byte: same filters (an empty filter is no filter), text compared and
 * ordered bytewise (COLLATE "C"), actor and source matched case-folded and
 * NFC-normalized, doubles read back as SQLite prints them.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "store_impl.h"

/* The embedded schema file (schema_postgresql.c), NUL-terminated. */
extern const char store_pg_schema[];

/* Advisory lock keys, one per purpose (any constants that other
 * programs sharing the database are unlikely to pick). */
#define LOCK_SCHEMA "8531488149488897"
#define LOCK_RESOLUTION "8531488149488898"

/* Sources of this many events are fetched in one query. */
#define SRC_BATCH 256

typedef struct pg {
    PGconn *conn;
    char *sel_events; /* SELECT id, every field FROM events e */
    /* Case folding for the actor and source filters: lower() under an
     * ICU (or UTF-8 libc) collation, after NFC, when the server has them. */
    char coll[64];    /* a collation name, "" for the database's */
    int utf8;         /* the database is UTF8: normalize() works */
} pg;

/* ---- errors ------------------------------------------------------------ */

/* "WHERE: what failed: PostgreSQL's message" (its trailing newline cut). */
static int fail_pg(store *s, const char *what, const PGresult *r)
{
    const pg *p = s->impl;
    const char *m = r ? PQresultErrorMessage(r) : NULL;
    if (!m || !*m)
        m = p && p->conn ? PQerrorMessage(p->conn) : "";
    if (!*m)
        m = "unknown error";
    int n = (int)strlen(m);
    while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
        n--;
    return store_fail(s, "%s: %s: %.*s", s->where, what, n, m);
}

/* Runs SQL that takes no values (BEGIN, COMMIT…); 0 or an error. */
static int exec0(store *s, const char *sql, const char *what)
{
    pg *p = s->impl;
    PGresult *r = PQexec(p->conn, sql);
    ExecStatusType st = PQresultStatus(r);
    int rc = VEILLE_OK;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        rc = fail_pg(s, what, r);
    PQclear(r);
    return rc;
}

/* Runs a prepared statement with n text values.  Returns its result, or
 * NULL with the error set. */
static PGresult *run(store *s, const char *stmt, int n,
                     const char *const *vals)
{
    pg *p = s->impl;
    PGresult *r = PQexecPrepared(p->conn, stmt, n, vals, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        fail_pg(s, stmt, r);
        PQclear(r);
        return NULL;
    }
    return r;
}

/* ---- values ------------------------------------------------------------ */

static const char *nz(const char *v) { return v ? v : ""; }

/* A result's cell, "" for NULL. */
static const char *cell(const PGresult *r, int row, int col)
{
    return PQgetisnull(r, row, col) ? "" : PQgetvalue(r, row, col);
}

/* Is field f stored as a double (else integer) when numeric? */
static int is_double(int f) { return f == EF_LATITUDE || f == EF_LONGITUDE; }

/* The parameter for a numeric column: v itself when it is a number of the
 * column's kind, an integral real rewritten into tmp, else NULL (unknown). */
static const char *num_param(const char *v, int dbl, int64_t lo, int64_t hi,
                             char tmp[32])
{
    if (!v || !*v)
        return NULL;
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    if (end == v || *end || errno || !isfinite(d))
        return NULL;
    if (dbl)
        return v;
    errno = 0;
    long long x = strtoll(v, &end, 10);
    if (!*end && !errno)
        return x >= lo && x <= hi ? v : NULL;
    if (d != floor(d) || d < (double)lo || d > (double)hi)
        return NULL;
    snprintf(tmp, 32, "%lld", (long long)d);
    return tmp;
}

static const char *field_param(int f, const char *v, char tmp[32])
{
    if (event_fields[f].type != EFT_NUM)
        return nz(v);
    if (f == EF_TIMESTAMP)
        return num_param(v, 0, INT64_MIN / 2, INT64_MAX / 2, tmp);
    return num_param(v, is_double(f), INT32_MIN, INT32_MAX, tmp);
}

/* ---- SQL built from the field table ------------------------------------ */

typedef struct sqlbuf {
    char *p;
    size_t len, cap;
    int oom;
} sqlbuf;

static void sb_add(sqlbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *q = realloc(b->p, cap);
        if (!q) {
            b->oom = 1;
            return;
        }
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n + 1);
    b->len += n;
}

static void sb_addf(sqlbuf *b, const char *fmt, long n)
{
    char tmp[64];
    snprintf(tmp, sizeof tmp, fmt, n);
    sb_add(b, tmp);
}

/* The finished string (the caller frees it), or NULL when out of memory. */
static char *sb_done(sqlbuf *b)
{
    if (b->oom || !b->p) {
        free(b->p);
        return NULL;
    }
    return b->p;
}

/* SELECT e.id, e."article_id", … FROM events e */
static char *build_select(void)
{
    sqlbuf b = {0};
    sb_add(&b, "SELECT e.id");
    for (int f = 0; f < EF_COUNT; f++) {
        sb_add(&b, ", e.\"");
        sb_add(&b, event_fields[f].name);
        sb_add(&b, "\"");
    }
    sb_add(&b, " FROM events e");
    return sb_done(&b);
}

/* INSERT INTO events (fields…, corroboration) VALUES ($1…) RETURNING id */
static char *build_insert(void)
{
    sqlbuf b = {0};
    sb_add(&b, "INSERT INTO events (");
    for (int f = 0; f < EF_COUNT; f++) {
        sb_add(&b, "\"");
        sb_add(&b, event_fields[f].name);
        sb_add(&b, "\", ");
    }
    sb_add(&b, "corroboration) VALUES (");
    for (int i = 1; i <= EF_COUNT + 1; i++)
        sb_addf(&b, i == 1 ? "$%ld" : ", $%ld", i);
    sb_add(&b, ") RETURNING id");
    return sb_done(&b);
}

/* UPDATE events SET "article_id" = $2, …, corroboration = $N WHERE id = $1 */
static char *build_update(void)
{
    sqlbuf b = {0};
    sb_add(&b, "UPDATE events SET ");
    for (int f = 0; f < EF_COUNT; f++) {
        sb_add(&b, "\"");
        sb_add(&b, event_fields[f].name);
        sb_addf(&b, "\" = $%ld, ", f + 2);
    }
    sb_addf(&b, "corroboration = $%ld WHERE id = $1", EF_COUNT + 2);
    return sb_done(&b);
}

/* ---- migrations -------------------------------------------------------- */

#define MIGRATION_MARK "-- migration "

/* The next migration of the schema text from *pos: its number, why (a
 * view up to the end of its line) and body (a view up to the next
 * migration).  0 when there is none left. */
typedef struct migration {
    long version;
    const char *why, *body;
    size_t whylen, bodylen;
} migration;

/* Does this line start a migration: "-- migration DIGITS:"? */
static int is_marker(const char *line)
{
    size_t n = strlen(MIGRATION_MARK);
    if (strncmp(line, MIGRATION_MARK, n) != 0 || !isdigit((unsigned char)line[n]))
        return 0;
    while (isdigit((unsigned char)line[n]))
        n++;
    return line[n] == ':';
}

/* The start of the next line from s (or its end). */
static const char *next_line(const char *s)
{
    const char *nl = strchr(s, '\n');
    return nl ? nl + 1 : s + strlen(s);
}

static int next_migration(const char **pos, migration *m)
{
    const char *mark = *pos;
    while (*mark && !is_marker(mark))
        mark = next_line(mark);
    if (!*mark)
        return 0;
    char *colon;
    m->version = strtol(mark + strlen(MIGRATION_MARK), &colon, 10);
    m->why = colon + 1;
    while (*m->why == ' ')
        m->why++;
    m->body = next_line(mark);
    m->whylen = (size_t)(m->body - m->why);
    while (m->whylen && (m->why[m->whylen - 1] == '\n' || m->why[m->whylen - 1] == '\r'))
        m->whylen--;
    const char *next = m->body;
    while (*next && !is_marker(next))
        next = next_line(next);
    m->bodylen = (size_t)(next - m->body);
    *pos = next;
    return 1;
}

/* Applies the migrations newer than the database's, in one transaction
 * holding the schema lock. */
static int migrate(store *s)
{
    pg *p = s->impl;
    int rc = exec0(s, "BEGIN", "migrating: begin");
    if (rc)
        return rc;
    PGresult *r = NULL;
    char *body = NULL;
    rc = exec0(s, "SELECT pg_advisory_xact_lock(" LOCK_SCHEMA ")",
               "migrating: waiting for the schema lock");
    if (rc)
        goto out;
    long have = 0;
    r = PQexec(p->conn, "SELECT to_regclass('schema_migrations') IS NOT NULL");
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        rc = fail_pg(s, "migrating: reading the schema version", r);
        goto out;
    }
    if (strcmp(PQgetvalue(r, 0, 0), "t") == 0) {
        PQclear(r);
        r = PQexec(p->conn,
                   "SELECT coalesce(max(version), 0) FROM schema_migrations");
        if (PQresultStatus(r) != PGRES_TUPLES_OK) {
            rc = fail_pg(s, "migrating: reading the schema version", r);
            goto out;
        }
        have = strtol(PQgetvalue(r, 0, 0), NULL, 10);
    }
    PQclear(r);
    r = NULL;

    const char *pos = store_pg_schema;
    migration m;
    long last = 0;
    while (next_migration(&pos, &m)) {
        last = m.version;
        if (m.version <= have)
            continue;
        body = malloc(m.bodylen + 1);
        char *why = malloc(m.whylen + 1);
        char ver[32];
        if (!body || !why) {
            free(why);
            rc = VEILLE_ENOMEM;
            store_fail(s, "%s: migrating: out of memory", s->where);
            goto out;
        }
        memcpy(body, m.body, m.bodylen);
        body[m.bodylen] = '\0';
        memcpy(why, m.why, m.whylen);
        why[m.whylen] = '\0';
        snprintf(ver, sizeof ver, "%ld", m.version);
        char what[64];
        snprintf(what, sizeof what, "migration %ld", m.version);
        rc = exec0(s, body, what);
        free(body);
        body = NULL;
        if (!rc) {
            const char *vals[2] = {ver, why};
            r = PQexecParams(p->conn,
                             "INSERT INTO schema_migrations (version, why) "
                             "VALUES ($1, $2)",
                             2, NULL, vals, NULL, NULL, 0);
            if (PQresultStatus(r) != PGRES_COMMAND_OK)
                rc = fail_pg(s, what, r);
            PQclear(r);
            r = NULL;
        }
        free(why);
        if (rc)
            goto out;
    }
    if (have > last) {
        rc = store_fail(s,
                        "%s: the database's schema (migration %ld) is newer "
                        "than this veille's (%ld): upgrade veille",
                        s->where, have, last);
        goto out;
    }
    rc = exec0(s, "COMMIT", "migrating: commit");
    return rc;
out:
    PQclear(r);
    free(body);
    PQclear(PQexec(p->conn, "ROLLBACK"));
    return rc;
}

/* ---- open and close ---------------------------------------------------- */

static void quiet(void *arg, const char *msg)
{
    (void)arg;
    (void)msg; /* NOTICEs (e.g. "relation exists") are not for the user */
}

typedef struct prepared {
    const char *name;
    const char *sql;
    int nparams;
} prepared;

static const prepared statements[] = {
    {"has_article",
     "SELECT 1 FROM articles WHERE id = $1 OR hash = $2 LIMIT 1", 2},
    {"claim_article",
     "INSERT INTO articles (id, hash, url, outlet, published, lang, title, "
     "origin, nevents) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
     "ON CONFLICT DO NOTHING",
     9},
    {"reject_id",
     "INSERT INTO rejects (article_id, origin, reason) VALUES ($1, $2, $3) "
     "ON CONFLICT (article_id) WHERE article_id IS NOT NULL DO UPDATE "
     "SET origin = excluded.origin, reason = excluded.reason, at = now()",
     3},
    /* An article whose id could not be read: known by where it was. */
    {"reject_origin",
     "INSERT INTO rejects (article_id, origin, reason) VALUES (NULL, $1, $2) "
     "ON CONFLICT (origin) WHERE article_id IS NULL DO UPDATE "
     "SET reason = excluded.reason, at = now()",
     2},
    {"lock_resolution", "SELECT pg_advisory_xact_lock(" LOCK_RESOLUTION ")",
     0},
    {"insert_source",
     "INSERT INTO event_sources (event_id, seq, article_id, outlet, url, "
     "published, claimant, certainty, fatalities, sentence, span_start, "
     "span_end) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
     12},
    {"delete_sources", "DELETE FROM event_sources WHERE event_id = $1", 1},
    {"sources_of",
     "SELECT event_id, article_id, outlet, url, published, claimant, "
     "certainty, fatalities, sentence, span_start, span_end "
     "FROM event_sources WHERE event_id = ANY ($1::bigint[]) "
     "ORDER BY event_id, seq",
     1},
    {"counts",
     "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
     "(SELECT count(*) FROM event_sources), (SELECT count(*) FROM rejects)",
     0},
};

static int prepare(store *s, const char *name, const char *sql, int n)
{
    pg *p = s->impl;
    if (!sql)
        return store_fail(s, "%s: out of memory", s->where);
    PGresult *r = PQprepare(p->conn, name, sql, n, NULL);
    int rc = VEILLE_OK;
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        char what[80];
        snprintf(what, sizeof what, "preparing %s", name);
        rc = fail_pg(s, what, r);
    }
    PQclear(r);
    return rc;
}

/* Which collation lower() folds Unicode under: ICU's root locale, else a
 * UTF-8 C locale of the C library, else the database's default. */
static int pick_folding(store *s)
{
    pg *p = s->impl;
    PGresult *r = PQexec(
        p->conn,
        "SELECT getdatabaseencoding() = 'UTF8', (SELECT collname FROM "
        "pg_collation WHERE collname IN ('und-x-icu', 'C.utf8', 'C.UTF-8') "
        "AND collencoding IN (-1, pg_char_to_encoding(getdatabaseencoding())) "
        "ORDER BY collname = 'und-x-icu' DESC, collname LIMIT 1)");
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        int rc = fail_pg(s, "reading the server's collations", r);
        PQclear(r);
        return rc;
    }
    p->utf8 = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
    snprintf(p->coll, sizeof p->coll, "%s", cell(r, 0, 1));
    PQclear(r);
    return VEILLE_OK;
}

static int open_(store *s, const char *where)
{
    pg *p = calloc(1, sizeof *p);
    if (!p)
        return store_fail(s, "%s: out of memory", s->where);
    s->impl = p;
    p->conn = PQconnectdb(where);
    if (!p->conn)
        return store_fail(s, "%s: out of memory", s->where);
    if (PQstatus(p->conn) != CONNECTION_OK)
        return fail_pg(s, "cannot connect", NULL);
    PQsetNoticeProcessor(p->conn, quiet, NULL);
    if (PQsetClientEncoding(p->conn, "UTF8") != 0)
        return fail_pg(s, "setting the client encoding to UTF8", NULL);
    /* Plan every execution for the table as it is now: a generic plan
     * made while the tables were small keeps scanning them whole as they
     * grow (the lookups by id and hash, and sources by event, went
     * quadratic over one ingest). */
    if (PQserverVersion(p->conn) >= 120000) {
        int src = exec0(s, "SET plan_cache_mode = force_custom_plan",
                        "setting plan_cache_mode");
        if (src)
            return src;
    }
    int rc = migrate(s);
    if (rc)
        return rc;
    if ((rc = pick_folding(s)))
        return rc;
    for (size_t i = 0; i < sizeof statements / sizeof *statements; i++)
        if ((rc = prepare(s, statements[i].name, statements[i].sql,
                          statements[i].nparams)))
            return rc;
    char *ins = build_insert(), *upd = build_update();
    rc = prepare(s, "insert_event", ins, EF_COUNT + 1);
    if (!rc)
        rc = prepare(s, "update_event", upd, EF_COUNT + 2);
    free(ins);
    free(upd);
    if (rc)
        return rc;
    p->sel_events = build_select();
    if (!p->sel_events)
        return store_fail(s, "%s: out of memory", s->where);
    sqlbuf b = {0};
    sb_add(&b, p->sel_events);
    sb_add(&b, " WHERE e.event_type = $1 AND e.event_date COLLATE \"C\" >= $2 "
               "AND e.event_date COLLATE \"C\" <= $3 "
               "ORDER BY e.event_date COLLATE \"C\", e.id");
    char *cand = sb_done(&b);
    rc = prepare(s, "candidates", cand, 3);
    free(cand);
    return rc;
}

static void close_(store *s)
{
    pg *p = s->impl;
    if (!p)
        return;
    if (p->conn)
        PQfinish(p->conn);
    free(p->sel_events);
    free(p);
    s->impl = NULL;
}

/* ---- transactions ------------------------------------------------------ */

static int begin_(store *s)
{
    return exec0(s, "BEGIN ISOLATION LEVEL READ COMMITTED", "begin");
}

static int commit_(store *s)
{
    pg *p = s->impl;
    PGresult *r = PQexec(p->conn, "COMMIT");
    int rc = VEILLE_OK;
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
        rc = fail_pg(s, "commit", r);
    else if (strcmp(PQcmdStatus(r), "ROLLBACK") == 0)
        /* COMMIT of a transaction in which a statement failed. */
        rc = store_fail(s, "%s: commit: the transaction was rolled back "
                           "(a statement in it had failed)",
                        s->where);
    PQclear(r);
    return rc;
}

static int rollback_(store *s) { return exec0(s, "ROLLBACK", "rollback"); }

/* ---- articles and rejects ---------------------------------------------- */

static int has_article_(store *s, const char *id, const char *hash)
{
    const char *vals[2] = {nz(id), nz(hash)};
    PGresult *r = run(s, "has_article", 2, vals);
    if (!r)
        return VEILLE_EIO;
    int yes = PQntuples(r) > 0;
    PQclear(r);
    return yes;
}

static int claim_article_(store *s, const store_article *a)
{
    char nev[32];
    snprintf(nev, sizeof nev, "%ld", a->nevents);
    const char *vals[9] = {nz(a->id),        nz(a->hash),  nz(a->url),
                           nz(a->outlet),    nz(a->published),
                           nz(a->lang),      nz(a->title), nz(a->origin),
                           nev};
    PGresult *r = run(s, "claim_article", 9, vals);
    if (!r)
        return VEILLE_EIO;
    int inserted = strcmp(PQcmdTuples(r), "1") == 0;
    PQclear(r);
    return inserted;
}

static int put_reject_(store *s, const char *article_id, const char *origin,
                       const char *reason)
{
    PGresult *r;
    if (article_id && *article_id) {
        const char *vals[3] = {article_id, nz(origin), nz(reason)};
        r = run(s, "reject_id", 3, vals);
    } else {
        const char *vals[2] = {nz(origin), nz(reason)};
        r = run(s, "reject_origin", 2, vals);
    }
    if (!r)
        return VEILLE_EIO;
    PQclear(r);
    return VEILLE_OK;
}

static int lock_resolution_(store *s)
{
    PGresult *r = run(s, "lock_resolution", 0, NULL);
    if (!r)
        return VEILLE_EIO;
    PQclear(r);
    return VEILLE_OK;
}

/* ---- events ------------------------------------------------------------ */

static int insert_sources(store *s, const rec_event *e, const char *idtxt)
{
    for (size_t i = 0; i < e->nsrc; i++) {
        const rec_source *src = &e->src[i];
        char seq[32], st[32], en[32], tmp[32];
        snprintf(seq, sizeof seq, "%zu", i);
        snprintf(st, sizeof st, "%" PRId64, src->start);
        snprintf(en, sizeof en, "%" PRId64, src->end);
        const char *vals[12] = {
            idtxt,          seq,
            nz(src->article_id), nz(src->outlet),
            nz(src->url),   nz(src->published),
            nz(src->claimant), nz(src->certainty),
            num_param(src->fatalities, 0, INT32_MIN, INT32_MAX, tmp),
            nz(src->sentence), st, en};
        PGresult *r = run(s, "insert_source", 12, vals);
        if (!r)
            return VEILLE_EIO;
        PQclear(r);
    }
    return VEILLE_OK;
}

/* Number of distinct articles among the sources (as sqlite.c counts). */
static size_t distinct_articles(const rec_event *e)
{
    size_t n = 0;
    for (size_t i = 0; i < e->nsrc; i++) {
        size_t j = 0;
        while (j < i && strcmp(nz(e->src[j].article_id), nz(e->src[i].article_id)))
            j++;
        n += j == i;
    }
    return n;
}

/* The values of an event's fields, from vals[0], then its corroboration. */
static void event_params(const rec_event *e, const char **vals,
                         char (*tmp)[32], char *corr)
{
    for (int f = 0; f < EF_COUNT; f++)
        vals[f] = field_param(f, e->f[f], tmp[f]);
    snprintf(corr, 32, "%zu", distinct_articles(e));
    vals[EF_COUNT] = corr;
}

static int insert_event_(store *s, rec_event *e)
{
    const char *vals[EF_COUNT + 1];
    char tmp[EF_COUNT][32], corr[32];
    event_params(e, vals, tmp, corr);
    PGresult *r = run(s, "insert_event", EF_COUNT + 1, vals);
    if (!r)
        return VEILLE_EIO;
    char idtxt[32];
    snprintf(idtxt, sizeof idtxt, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    e->id = strtoll(idtxt, NULL, 10);
    return insert_sources(s, e, idtxt);
}

static int update_event_(store *s, const rec_event *e)
{
    const char *vals[EF_COUNT + 2];
    char tmp[EF_COUNT][32], corr[32], idtxt[32];
    snprintf(idtxt, sizeof idtxt, "%" PRId64, e->id);
    vals[0] = idtxt;
    event_params(e, vals + 1, tmp, corr);
    PGresult *r = run(s, "update_event", EF_COUNT + 2, vals);
    if (!r)
        return VEILLE_EIO;
    int found = strcmp(PQcmdTuples(r), "1") == 0;
    PQclear(r);
    if (!found)
        return store_fail(s, "%s: update_event: no event %" PRId64,
                          s->where, e->id);
    r = run(s, "delete_sources", 1, vals);
    if (!r)
        return VEILLE_EIO;
    PQclear(r);
    return insert_sources(s, e, idtxt);
}

/* ---- reading events back ----------------------------------------------- */

/* A double column as SQLite gives it back ("%!.15g": 15 digits, and ".0"
 * after an integral value), so that both stores print the same text. */
static const char *sqlite_double(const char *v, char tmp[40])
{
    if (!*v)
        return v;
    snprintf(tmp, 40, "%.15g", strtod(v, NULL));
    if (!strpbrk(tmp, ".eEnN"))
        strcat(tmp, ".0");
    return tmp;
}

/* The first row of the sources (sorted by event_id, ids[]) of event id. */
static int first_source(const int64_t *ids, int n, int64_t id)
{
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Calls fn for rows [from, to) of ev (id, then every field), with the
 * sources from src (event_id first, ids[] its parsed event ids). */
static int emit_rows(store *s, const PGresult *ev, int from, int to,
                     const PGresult *src, const int64_t *ids, int nsrc,
                     store_event_fn fn, void *user)
{
    for (int i = from; i < to; i++) {
        rec_event rec;
        int rc = rec_init(&rec);
        if (rc)
            return store_fail(s, "%s: out of memory", s->where);
        rec.id = strtoll(PQgetvalue(ev, i, 0), NULL, 10);
        for (int f = 0; f < EF_COUNT && !rc; f++) {
            char tmp[40];
            const char *v = cell(ev, i, f + 1);
            if (event_fields[f].type == EFT_NUM && is_double(f))
                v = sqlite_double(v, tmp);
            rc = rec_set_str(&rec, (event_field)f, v);
        }
        for (int j = first_source(ids, nsrc, rec.id);
             !rc && j < nsrc && ids[j] == rec.id; j++) {
            rec_source rs = {
                .article_id = (char *)cell(src, j, 1),
                .outlet = (char *)cell(src, j, 2),
                .url = (char *)cell(src, j, 3),
                .published = (char *)cell(src, j, 4),
                .claimant = (char *)cell(src, j, 5),
                .certainty = (char *)cell(src, j, 6),
                .fatalities = (char *)cell(src, j, 7),
                .sentence = (char *)cell(src, j, 8),
                .start = strtoll(cell(src, j, 9), NULL, 10),
                .end = strtoll(cell(src, j, 10), NULL, 10),
            };
            rc = rec_add_source(&rec, &rs);
        }
        if (rc) {
            rec_free(&rec);
            return store_fail(s, "%s: out of memory", s->where);
        }
        rc = fn(user, &rec);
        rec_free(&rec);
        if (rc)
            return rc;
    }
    return VEILLE_OK;
}

/* Calls fn for every row of ev in order, fetching sources in batches.
 * The results are whole in memory, so fn may use the store meanwhile. */
static int emit(store *s, const PGresult *ev, store_event_fn fn, void *user)
{
    int n = PQntuples(ev);
    int rc = VEILLE_OK;
    for (int from = 0; from < n && !rc; from += SRC_BATCH) {
        int to = n - from > SRC_BATCH ? from + SRC_BATCH : n;
        sqlbuf arr = {0};
        sb_add(&arr, "{");
        for (int i = from; i < to; i++) {
            if (i > from)
                sb_add(&arr, ",");
            sb_add(&arr, PQgetvalue(ev, i, 0));
        }
        sb_add(&arr, "}");
        char *a = sb_done(&arr);
        if (!a)
            return store_fail(s, "%s: out of memory", s->where);
        const char *vals[1] = {a};
        PGresult *src = run(s, "sources_of", 1, vals);
        free(a);
        if (!src)
            return VEILLE_EIO;
        int nsrc = PQntuples(src);
        int64_t *ids = malloc(((size_t)nsrc + 1) * sizeof *ids);
        if (!ids) {
            PQclear(src);
            return store_fail(s, "%s: out of memory", s->where);
        }
        for (int j = 0; j < nsrc; j++)
            ids[j] = strtoll(PQgetvalue(src, j, 0), NULL, 10);
        rc = emit_rows(s, ev, from, to, src, ids, nsrc, fn, user);
        free(ids);
        PQclear(src);
    }
    return rc;
}

static int candidates_(store *s, const char *event_type, const char *date_lo,
                       const char *date_hi, store_event_fn fn, void *user)
{
    const char *vals[3] = {nz(event_type), nz(date_lo), nz(date_hi)};
    PGresult *r = run(s, "candidates", 3, vals);
    if (!r)
        return VEILLE_EIO;
    int rc = emit(s, r, fn, user);
    PQclear(r);
    return rc;
}

/* A filter's value, NULL when it is no filter (NULL or ""). */
static const char *opt(const char *v) { return v && *v ? v : NULL; }

/* A query being built: its SQL, the values of its $n, and room for the
 * bounding box's numbers as text. */
typedef struct qbuild {
    sqlbuf sql;
    const char *vals[24];
    char nums[4][40];
    int n;
} qbuild;

static void q_param(qbuild *q, const char *v)
{
    q->vals[q->n++] = v;
    sb_addf(&q->sql, "$%ld", q->n);
}

static void q_eq(qbuild *q, const char *col, const char *v)
{
    if (!(v = opt(v)))
        return;
    sb_add(&q->sql, " AND e.");
    sb_add(&q->sql, col);
    sb_add(&q->sql, " = ");
    q_param(q, v);
}

/* x case-folded, as the SQLite store's veille_fold (utf8proc: NFC, case
 * fold) as closely as the server allows: NFC then lower() under a Unicode
 * collation. */
static void q_fold(qbuild *q, const pg *p, const char *x)
{
    sb_add(&q->sql, "lower(");
    if (p->utf8)
        sb_add(&q->sql, "normalize(");
    sb_add(&q->sql, x);
    if (p->utf8)
        sb_add(&q->sql, ", NFC)");
    if (p->coll[0]) {
        sb_add(&q->sql, " COLLATE \"");
        sb_add(&q->sql, p->coll);
        sb_add(&q->sql, "\"");
    }
    sb_add(&q->sql, ")");
}

/* Case-insensitive substring test of col: the param-th value in it. */
static void q_contains(qbuild *q, const pg *p, const char *col, int param)
{
    char ph[32];
    snprintf(ph, sizeof ph, "$%d::text", param);
    sb_add(&q->sql, "strpos(");
    q_fold(q, p, col);
    sb_add(&q->sql, ", ");
    q_fold(q, p, ph);
    sb_add(&q->sql, ") > 0");
}

static const char *q_num(qbuild *q, int slot, double d)
{
    snprintf(q->nums[slot], sizeof q->nums[slot], "%.17g", d);
    return q->nums[slot];
}

static int query_(store *s, const store_filter *f, store_event_fn fn,
                  void *user)
{
    pg *p = s->impl;
    qbuild q = {0};
    sb_add(&q.sql, p->sel_events);
    sb_add(&q.sql, " WHERE true");
    if (opt(f->since)) {
        sb_add(&q.sql, " AND e.event_date COLLATE \"C\" >= ");
        q_param(&q, f->since);
    }
    if (opt(f->until)) {
        sb_add(&q.sql, " AND e.event_date COLLATE \"C\" <= ");
        q_param(&q, f->until);
    }
    q_eq(&q, "country", f->country);
    q_eq(&q, "admin1", f->admin1);
    q_eq(&q, "event_type", f->event_type);
    q_eq(&q, "sub_event_type", f->sub_event_type);
    if (opt(f->actor)) {
        q.vals[q.n++] = f->actor;
        static const char *const cols[] = {"e.actor1", "e.assoc_actor_1",
                                           "e.actor2", "e.assoc_actor_2"};
        sb_add(&q.sql, " AND (");
        for (int i = 0; i < 4; i++) {
            if (i)
                sb_add(&q.sql, " OR ");
            q_contains(&q, p, cols[i], q.n);
        }
        sb_add(&q.sql, ")");
    }
    if (opt(f->source)) {
        q.vals[q.n++] = f->source;
        sb_add(&q.sql, " AND EXISTS (SELECT 1 FROM event_sources es "
                       "WHERE es.event_id = e.id AND ");
        q_contains(&q, p, "es.outlet", q.n);
        sb_add(&q.sql, ")");
    }
    if (f->has_bbox) {
        sb_add(&q.sql, " AND e.latitude >= ");
        q_param(&q, q_num(&q, 0, f->south));
        sb_add(&q.sql, "::float8 AND e.latitude <= ");
        q_param(&q, q_num(&q, 1, f->north));
        /* West past east: the box crosses the antimeridian. */
        sb_add(&q.sql, f->west <= f->east ? "::float8 AND e.longitude >= "
                                          : "::float8 AND (e.longitude >= ");
        q_param(&q, q_num(&q, 2, f->west));
        sb_add(&q.sql, f->west <= f->east ? "::float8 AND e.longitude <= "
                                          : "::float8 OR e.longitude <= ");
        q_param(&q, q_num(&q, 3, f->east));
        sb_add(&q.sql, f->west <= f->east ? "::float8" : "::float8)");
    }
    sb_add(&q.sql, " ORDER BY e.event_date COLLATE \"C\", e.id");
    char *sql = sb_done(&q.sql);
    if (!sql)
        return store_fail(s, "%s: out of memory", s->where);
    PGresult *r = PQexecParams(p->conn, sql, q.n, NULL, q.vals, NULL, NULL, 0);
    free(sql);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        int rc = fail_pg(s, "query", r);
        PQclear(r);
        return rc;
    }
    int rc = emit(s, r, fn, user);
    PQclear(r);
    return rc;
}

static int counts_(store *s, long *articles, long *events, long *sources,
                   long *rejects)
{
    PGresult *r = run(s, "counts", 0, NULL);
    if (!r)
        return VEILLE_EIO;
    long *out[4] = {articles, events, sources, rejects};
    for (int i = 0; i < 4; i++)
        if (out[i])
            *out[i] = strtol(PQgetvalue(r, 0, i), NULL, 10);
    PQclear(r);
    return VEILLE_OK;
}

const store_ops store_pg_ops = {
    .name = "postgresql",
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
