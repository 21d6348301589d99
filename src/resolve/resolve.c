/*
 * resolve.c — one event reported by several articles becomes one record
 * (rules in resolve.h).  Nothing here touches the store: the ingest flow
 * brings the candidates and writes the merged record back.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "resolve.h"
#include "../geo/geo.h"

/* ---- dates ----------------------------------------------------------- */

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, long *m, long *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

/* "YYYY-MM-DD" (what follows is ignored) → days; -1 when not a date. */
static int parse_ymd(const char *s, long *days)
{
    if (!s)
        return -1;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return -1;
        } else if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
    }
    long y = strtol(s, NULL, 10), m = strtol(s + 5, NULL, 10),
         d = strtol(s + 8, NULL, 10);
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    *days = days_from_civil(y, m, d);
    return 0;
}

int resolve_date_add(const char *ymd, int days, char out[11])
{
    long z;
    if (parse_ymd(ymd, &z))
        return -1;
    long y, m, d;
    civil_from_days(z + days, &y, &m, &d);
    if (y < 0 || y > 9999)
        return -1;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = out[7] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
    return 0;
}

long resolve_date_diff(const char *a, const char *b, int *ok)
{
    long za, zb;
    *ok = parse_ymd(a, &za) == 0 && parse_ymd(b, &zb) == 0;
    return *ok ? zb - za : 0;
}

/* ---- places ---------------------------------------------------------- */

/* Unicode case-insensitive equality (NFC, case folded). */
static int same_text(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return 1;
    if (strcasecmp(a, b) == 0)
        return 1;
    const int opt = UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE |
                    UTF8PROC_NULLTERM;
    utf8proc_uint8_t *fa = NULL, *fb = NULL;
    int eq = utf8proc_map((const utf8proc_uint8_t *)a, 0, &fa, opt) >= 0 &&
             utf8proc_map((const utf8proc_uint8_t *)b, 0, &fb, opt) >= 0 &&
             strcmp((const char *)fa, (const char *)fb) == 0;
    free(fa);
    free(fb);
    return eq;
}

static int has_coords(const rec_event *e)
{
    return *e->f[EF_LATITUDE] && *e->f[EF_LONGITUDE];
}

/* 0 not the same place; else how sure: 3 same geonameid, 2 same name,
 * 1 within RESOLVE_KM. */
static int same_place(const rec_event *c, const rec_event *n)
{
    if (*c->f[EF_GEONAMEID] && strcmp(c->f[EF_GEONAMEID], n->f[EF_GEONAMEID]) == 0)
        return 3;
    if (*c->f[EF_LOCATION] && *n->f[EF_LOCATION] &&
        same_text(c->f[EF_LOCATION], n->f[EF_LOCATION]))
        return 2;
    if (has_coords(c) && has_coords(n) &&
        gaz_km(rec_double(c, EF_LATITUDE, 0), rec_double(c, EF_LONGITUDE, 0),
                   rec_double(n, EF_LATITUDE, 0),
                   rec_double(n, EF_LONGITUDE, 0)) <= RESOLVE_KM)
        return 1;
    return 0;
}

/* ---- actors ---------------------------------------------------------- */

int resolve_actor_unknown(const char *actor)
{
    return !actor || !*actor || strncasecmp(actor, "Unidentified", 12) == 0;
}

/* 0 incompatible, 1 one side unknown, 2 the same actor. */
static int actor_fit(const char *a, const char *b)
{
    int ua = resolve_actor_unknown(a), ub = resolve_actor_unknown(b);
    if (!ua && !ub)
        return same_text(a, b) ? 2 : 0;
    if (ua && ub && *a && *b && same_text(a, b))
        return 2; /* the same "Unidentified Armed Group (Mali)" */
    return 1;
}

/* How n's actors fit c's: 0 not at all, else 1 + the fit; *swapped says
 * that n's actor1 is c's actor2. */
static int actors_fit(const rec_event *c, const rec_event *n, int *swapped)
{
    int s1 = actor_fit(c->f[EF_ACTOR1], n->f[EF_ACTOR1]);
    int s2 = actor_fit(c->f[EF_ACTOR2], n->f[EF_ACTOR2]);
    int straight = s1 && s2 ? s1 + s2 : 0;
    int x1 = actor_fit(c->f[EF_ACTOR1], n->f[EF_ACTOR2]);
    int x2 = actor_fit(c->f[EF_ACTOR2], n->f[EF_ACTOR1]);
    int crossed = x1 && x2 ? x1 + x2 : 0;
    *swapped = crossed > straight;
    return straight > crossed ? straight : crossed;
}

/* ---- matching -------------------------------------------------------- */

static int has_article(const rec_event *e, const char *article_id)
{
    for (size_t i = 0; i < e->nsrc; i++)
        if (strcmp(e->src[i].article_id, article_id) == 0)
            return 1;
    return 0;
}

int resolve_match(const rec_event *c, const rec_event *n)
{
    if (strcmp(c->f[EF_EVENT_TYPE], n->f[EF_EVENT_TYPE]) != 0)
        return 0;
    int ok;
    long dd = resolve_date_diff(c->f[EF_EVENT_DATE], n->f[EF_EVENT_DATE], &ok);
    if (ok ? labs(dd) > 1
           : strcmp(c->f[EF_EVENT_DATE], n->f[EF_EVENT_DATE]) != 0)
        return 0;
    int place = same_place(c, n);
    if (!place)
        return 0;
    int swapped, actors = actors_fit(c, n, &swapped);
    if (!actors)
        return 0;
    for (size_t i = 0; i < n->nsrc; i++)
        if (has_article(c, n->src[i].article_id))
            return 0;
    if (has_article(c, n->f[EF_ARTICLE_ID]))
        return 0;
    int score = 1 + place * 4 + actors * 2 + (dd == 0) * 3;
    if (strcmp(c->f[EF_SUB_EVENT_TYPE], n->f[EF_SUB_EVENT_TYPE]) == 0)
        score += 1;
    return score;
}

long resolve_best(const rec_event *cand, size_t ncand, const rec_event *n)
{
    long best = -1;
    int best_score = 0;
    for (size_t i = 0; i < ncand; i++) {
        int sc = resolve_match(&cand[i], n);
        if (sc > best_score) {
            best_score = sc;
            best = (long)i;
        }
    }
    return best;
}

/* ---- merging --------------------------------------------------------- */

static int copy_field(rec_event *c, const rec_event *n, event_field f)
{
    return rec_set_str(c, f, n->f[f]);
}

/* Copies n's fields fs[0..k) into c's fields fd[0..k). */
static int copy_fields(rec_event *c, const event_field *fd, const rec_event *n,
                       const event_field *fs, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (rec_set_str(c, fd[i], n->f[fs[i]]))
            return VEILLE_ENOMEM;
    return VEILLE_OK;
}

/* ACLED's interaction code from the two inter codes (lower first; one
 * actor alone: its code then 0). */
static int set_interaction(rec_event *c)
{
    long a = rec_long(c, EF_INTER1), b = rec_long(c, EF_INTER2);
    if (!a && !b)
        return VEILLE_OK;
    long lo = a && b ? (a < b ? a : b) : (a ? a : b);
    long hi = a && b ? (a < b ? b : a) : 0;
    char tmp[24];
    snprintf(tmp, sizeof tmp, "%ld", lo * 10 + hi);
    return rec_set_str(c, EF_INTERACTION, tmp);
}

static int merge_actors(rec_event *c, const rec_event *n)
{
    static const event_field side1[] = {EF_ACTOR1, EF_ASSOC_ACTOR_1, EF_INTER1,
                                        EF_ACTOR1_TEXT};
    static const event_field side2[] = {EF_ACTOR2, EF_ASSOC_ACTOR_2, EF_INTER2,
                                        EF_ACTOR2_TEXT};
    int swapped;
    if (!actors_fit(c, n, &swapped))
        return VEILLE_OK; /* not asked to merge these; keep c's */
    const event_field *n1 = swapped ? side2 : side1;
    const event_field *n2 = swapped ? side1 : side2;
    int changed = 0, rc = VEILLE_OK;
    if (resolve_actor_unknown(c->f[EF_ACTOR1]) &&
        !resolve_actor_unknown(n->f[n1[0]])) {
        rc = copy_fields(c, side1, n, n1, 4);
        changed = 1;
    } else if (!*c->f[EF_ACTOR1] && *n->f[n1[0]]) {
        rc = copy_fields(c, side1, n, n1, 4);
        changed = 1;
    }
    if (rc == VEILLE_OK && (resolve_actor_unknown(c->f[EF_ACTOR2]) &&
                            !resolve_actor_unknown(n->f[n2[0]]))) {
        rc = copy_fields(c, side2, n, n2, 4);
        changed = 1;
    } else if (rc == VEILLE_OK && !*c->f[EF_ACTOR2] && *n->f[n2[0]]) {
        rc = copy_fields(c, side2, n, n2, 4);
        changed = 1;
    }
    if (rc == VEILLE_OK && changed)
        rc = set_interaction(c);
    return rc;
}

static int merge_date(rec_event *c, const rec_event *n)
{
    static const event_field date[] = {EF_EVENT_DATE, EF_YEAR,
                                       EF_TIME_PRECISION};
    int ok;
    long dd = resolve_date_diff(c->f[EF_EVENT_DATE], n->f[EF_EVENT_DATE], &ok);
    long pc = rec_long(c, EF_TIME_PRECISION), pn = rec_long(n, EF_TIME_PRECISION);
    int take;
    if (!ok)
        take = !*c->f[EF_EVENT_DATE] && *n->f[EF_EVENT_DATE];
    else if (pc && pn && pc != pn)
        take = pn < pc;      /* the more precise date */
    else
        take = dd < 0 || (dd == 0 && pn && (!pc || pn < pc));
    if (take && copy_fields(c, date, n, date, 3))
        return VEILLE_ENOMEM;
    /* The later end of a range, when there is one. */
    const char *ec = c->f[EF_DATE_END], *en = n->f[EF_DATE_END];
    if (*en && (!*ec || strcmp(en, ec) > 0) &&
        strcmp(en, c->f[EF_EVENT_DATE]) > 0)
        return copy_field(c, n, EF_DATE_END);
    return VEILLE_OK;
}

static int merge_place(rec_event *c, const rec_event *n)
{
    static const event_field place[] = {
        EF_ISO,      EF_REGION,   EF_COUNTRY,  EF_ADMIN1,        EF_ADMIN2,
        EF_ADMIN3,   EF_LOCATION, EF_LATITUDE, EF_LONGITUDE, EF_GEO_PRECISION,
        EF_GEONAMEID};
    long pc = rec_long(c, EF_GEO_PRECISION), pn = rec_long(n, EF_GEO_PRECISION);
    int take = (pn && (!pc || pn < pc)) ||
               (!*c->f[EF_LOCATION] && !has_coords(c) && *n->f[EF_LOCATION]);
    if (take)
        return copy_fields(c, place, n, place, sizeof place / sizeof *place);
    return VEILLE_OK;
}

/* "a; b" + outlet, when the outlet is not already listed. */
static int merge_outlets(rec_event *c, const char *outlet)
{
    if (!outlet || !*outlet)
        return VEILLE_OK;
    const char *have = c->f[EF_SOURCE];
    size_t ol = strlen(outlet);
    for (const char *p = have; *p;) {
        size_t l = strcspn(p, ";");
        const char *q = p + l;
        while (l && p[l - 1] == ' ')
            l--;
        if (l == ol && memcmp(p, outlet, ol) == 0)
            return VEILLE_OK;
        p = *q ? q + 1 : q;
        while (*p == ' ')
            p++;
    }
    size_t hl = strlen(have);
    char *s = malloc(hl + ol + 3);
    if (!s)
        return VEILLE_ENOMEM;
    snprintf(s, hl + ol + 3, "%s%s%s", have, hl ? "; " : "", outlet);
    int rc = rec_set_str(c, EF_SOURCE, s);
    free(s);
    return rc;
}

/* The lowest figure among the sources' (empty ones do not count). */
static int merge_fatalities(rec_event *c)
{
    long best = -1;
    for (size_t i = 0; i < c->nsrc; i++) {
        const char *f = c->src[i].fatalities;
        char *end;
        if (!f || !*f)
            continue;
        long v = strtol(f, &end, 10);
        if (*end || v < 0)
            continue;
        if (best < 0 || v < best)
            best = v;
    }
    if (best < 0)
        return VEILLE_OK;
    char tmp[24];
    snprintf(tmp, sizeof tmp, "%ld", best);
    return rec_set_str(c, EF_FATALITIES, tmp);
}

int resolve_merge(rec_event *c, const rec_event *n)
{
    int rc = VEILLE_OK;
    for (size_t i = 0; rc == VEILLE_OK && i < n->nsrc; i++)
        if (!has_article(c, n->src[i].article_id))
            rc = rec_add_source(c, &n->src[i]);
    if (rc == VEILLE_OK)
        rc = merge_date(c, n);
    if (rc == VEILLE_OK)
        rc = merge_place(c, n);
    if (rc == VEILLE_OK)
        rc = merge_actors(c, n);
    for (size_t i = 0; rc == VEILLE_OK && i < n->nsrc; i++)
        rc = merge_outlets(c, n->src[i].outlet);
    if (rc == VEILLE_OK && !n->nsrc)
        rc = merge_outlets(c, n->f[EF_SOURCE]);
    if (rc == VEILLE_OK)
        rc = merge_fatalities(c);
    /* Whatever c still lacks, n may know. */
    for (int f = 0; rc == VEILLE_OK && f < EF_COUNT; f++)
        if (!*c->f[f] && *n->f[f] && f != EF_DATE_END)
            rc = copy_field(c, n, (event_field)f);
    return rc;
}
