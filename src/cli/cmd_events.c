/*
 * cmd_events.c — `veille events [filters] [--format F] [-o FILE]`: the
 * events of a store (SQLite file or PostgreSQL), filtered, written as
 * JSONL, ACLED CSV or GeoJSON through a record writer (src/export).
 *
 * Arguments are checked before anything is opened, so that a typo is a
 * usage error (exit 2) and never a half-written file.  A missing SQLite
 * file is an error, not a new empty database: store_open would create it.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../export/records.h"
#include "../store/store.h"
#include "cli.h"

static const char usage[] =
    "Usage: veille events [options]\n"
    "\n"
    "Writes the stored events that match every filter given, oldest first,\n"
    "on stdout (or FILE).\n"
    "\n"
    "  --db PATH|URI       the store: a SQLite file, or postgresql://...\n"
    "                      (default $VEILLE_DB, else ./veille.db)\n"
    "  --since DATE        events on or after DATE (YYYY-MM-DD)\n"
    "  --until DATE        events on or before DATE (YYYY-MM-DD)\n"
    "  --country C         country, exactly as stored (\"Mali\")\n"
    "  --admin1 A          first-level region, exactly (\"Gao\")\n"
    "  --type T            ACLED event type, exactly (\"Battles\")\n"
    "  --sub-type S        ACLED sub-event type, exactly (\"Armed clash\")\n"
    "  --actor A           actor or associated actor containing A (any case)\n"
    "  --source S          an outlet of any source containing S (any case)\n"
    "  --bbox W,S,E,N      events inside the box (degrees; W<=E, S<=N)\n"
    "  --format F          jsonl (default), csv (ACLED's columns first) or\n"
    "                      geojson (one FeatureCollection)\n"
    "  -o, --output FILE   write to FILE instead of stdout\n"
    "  -q, --quiet         no summary on stderr\n"
    "  -h, --help          this help\n"
    "\n"
    "Exit status: 0 ok (even when no event matches), 1 an error (no such\n"
    "database, a failed query or write), 2 a usage error.\n";

/* Is s a real calendar date YYYY-MM-DD? */
static int valid_date(const char *s)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

/* Parses W,S,E,N into f; 0 when it is not four numbers in range. */
static int parse_bbox(const char *s, store_filter *f)
{
    double v[4];
    const char *p = s;
    for (int i = 0; i < 4; i++) {
        char *end;
        errno = 0;
        v[i] = strtod(p, &end);
        if (end == p || errno || !isfinite(v[i]))
            return 0;
        if (i < 3 && *end != ',')
            return 0;
        if (i == 3 && *end != '\0')
            return 0;
        p = end + 1;
    }
    if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 ||
        v[0] > v[2] || v[1] > v[3])
        return 0;
    f->has_bbox = 1;
    f->west = v[0];
    f->south = v[1];
    f->east = v[2];
    f->north = v[3];
    return 1;
}

static int is_uri(const char *where)
{
    return strncmp(where, "postgresql://", 13) == 0 ||
           strncmp(where, "postgres://", 11) == 0;
}

typedef struct query_run {
    rec_writer *w;
    int rc; /* the writer's first failure */
} query_run;

static int put_one(void *user, const rec_event *e)
{
    query_run *q = user;
    q->rc = rec_writer_put(q->w, e);
    return q->rc != VEILLE_OK;
}

int cmd_events(int argc, char **argv)
{
    enum { O_DB = 256, O_SINCE, O_UNTIL, O_COUNTRY, O_ADMIN1, O_TYPE,
           O_SUBTYPE, O_ACTOR, O_SOURCE, O_BBOX, O_FORMAT };
    static const struct option opts[] = {
        {"db", required_argument, 0, O_DB},
        {"since", required_argument, 0, O_SINCE},
        {"until", required_argument, 0, O_UNTIL},
        {"country", required_argument, 0, O_COUNTRY},
        {"admin1", required_argument, 0, O_ADMIN1},
        {"type", required_argument, 0, O_TYPE},
        {"sub-type", required_argument, 0, O_SUBTYPE},
        {"actor", required_argument, 0, O_ACTOR},
        {"source", required_argument, 0, O_SOURCE},
        {"bbox", required_argument, 0, O_BBOX},
        {"format", required_argument, 0, O_FORMAT},
        {"output", required_argument, 0, 'o'},
        {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    store_filter f;
    memset(&f, 0, sizeof f);
    const char *db = getenv("VEILLE_DB");
    if (!db || !*db)
        db = "veille.db";
    const char *format = "jsonl", *output = NULL;
    int quiet = 0, c, li = 0;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:qh", opts, &li)) != -1) {
        const char **str = NULL;
        switch (c) {
        case O_DB: db = optarg; break;
        case O_SINCE:
        case O_UNTIL:
            if (!valid_date(optarg))
                return usage_error("events", "--%s takes a date YYYY-MM-DD, "
                                   "not '%s'", c == O_SINCE ? "since" : "until",
                                   optarg);
            *(c == O_SINCE ? &f.since : &f.until) = optarg;
            break;
        case O_COUNTRY: str = &f.country; break;
        case O_ADMIN1: str = &f.admin1; break;
        case O_TYPE: str = &f.event_type; break;
        case O_SUBTYPE: str = &f.sub_event_type; break;
        case O_ACTOR: str = &f.actor; break;
        case O_SOURCE: str = &f.source; break;
        case O_BBOX:
            if (!parse_bbox(optarg, &f))
                return usage_error("events", "--bbox takes W,S,E,N in degrees "
                                   "(-180<=W<=E<=180, -90<=S<=N<=90), not "
                                   "'%s'", optarg);
            break;
        case O_FORMAT: format = optarg; break;
        case 'o': output = optarg; break;
        case 'q': quiet = 1; break;
        case 'h': fputs(usage, stdout); return EXIT_OK;
        case ':':
            return usage_error("events", "option '%s' needs a value",
                               argv[optind - 1]);
        default:
            if (optopt && optopt < 256)
                return usage_error("events", "unknown option '-%c'", optopt);
            return usage_error("events", "unknown option '%s'",
                               argv[optind - 1]);
        }
        if (str) {
            if (!*optarg)
                return usage_error("events", "--%s needs a non-empty value",
                                   opts[li].name);
            *str = optarg;
        }
    }
    if (optind < argc)
        return usage_error("events", "unexpected argument '%s' (events "
                           "are read from the store, see --db)", argv[optind]);
    if (f.since && f.until && strcmp(f.since, f.until) > 0)
        return usage_error("events", "--since %s is after --until %s",
                           f.since, f.until);
    if (strcmp(format, "jsonl") && strcmp(format, "csv") &&
        strcmp(format, "geojson"))
        return usage_error("events", "--format is jsonl, csv or geojson, not "
                           "'%s'", format);
    if (!*db)
        return usage_error("events", "--db needs a non-empty value");

    /* store_open would create a missing SQLite file: check first. */
    if (!is_uri(db)) {
        struct stat st;
        if (stat(db, &st) != 0) {
            fprintf(stderr, "veille events: %s: %s\n", db,
                    errno == ENOENT ? "no such database"
                                    : strerror(errno));
            return EXIT_ERR;
        }
        if (S_ISDIR(st.st_mode)) {
            fprintf(stderr, "veille events: %s: is a folder, not a "
                            "database\n", db);
            return EXIT_ERR;
        }
    }
    store *s;
    char err[1024];
    if (store_open(&s, db, err, sizeof err) != VEILLE_OK) {
        fprintf(stderr, "veille events: cannot open the database: %s\n", err);
        return EXIT_ERR;
    }
    /* The output is opened once the store is, so that a bad --db leaves
     * an existing FILE as it was. */
    int to_file = output && strcmp(output, "-") != 0;
    FILE *out = to_file ? fopen(output, "w") : stdout;
    if (!out) {
        fprintf(stderr, "veille events: %s: %s\n", output, strerror(errno));
        store_close(s);
        return EXIT_ERR;
    }
    query_run q = {rec_writer_new(format, out), VEILLE_OK};
    int status = EXIT_OK;
    if (!q.w) {
        fprintf(stderr, "veille events: out of memory\n");
        status = EXIT_ERR;
        goto done;
    }
    int rc = rec_writer_begin(q.w);
    if (rc == VEILLE_OK) {
        int qrc = store_query(s, &f, put_one, &q);
        rc = q.rc;
        if (rc == VEILLE_OK && qrc != 0) {
            fprintf(stderr, "veille events: %s\n", store_errmsg(s));
            status = EXIT_ERR;
        }
    }
    if (rc == VEILLE_OK && status == EXIT_OK)
        rc = rec_writer_end(q.w);
    if (rc != VEILLE_OK) {
        fprintf(stderr, "veille events: cannot write %s: %s\n",
                to_file ? output : "the output", veille_strstatus(rc));
        status = EXIT_ERR;
    }
    if (status == EXIT_OK && !quiet)
        fprintf(stderr, "veille events: %lu event%s from %s\n",
                rec_writer_count(q.w), rec_writer_count(q.w) == 1 ? "" : "s",
                is_uri(db) ? "the PostgreSQL database" : db);
done:
    rec_writer_free(q.w);
    if (to_file) {
        if (fclose(out) != 0 && status == EXIT_OK) {
            fprintf(stderr, "veille events: cannot write %s: %s\n", output,
                    strerror(errno));
            status = EXIT_ERR;
        }
        if (status != EXIT_OK)
            unlink(output); /* no half-written file left behind */
    } else if (fflush(stdout) != 0 && status == EXIT_OK) {
        fprintf(stderr, "veille events: cannot write the output\n");
        status = EXIT_ERR;
    }
    store_close(s);
    return status;
}
