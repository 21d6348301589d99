/*
 * cmd_gazetteer.c — `veille gazetteer import|info|lookup`: compiles
 * GeoNames files into the index the coder maps (DATA/gazetteer.idx), says
 * what an index holds and how fast it opens, and shows the candidates for
 * a place name the way the coder will rank them.
 *
 * DATA is --data, else $VEILLE_DATA, else the folder chosen at build time
 * (VEILLE_DEFAULT_DATA): the same rule as the library's, without loading
 * a context (the dictionaries are not needed here).
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../geo/geo.h"
#include "cli.h"

#ifndef VEILLE_DEFAULT_DATA
#define VEILLE_DEFAULT_DATA "var"
#endif

/* lookup's score: a populated place outranks a region or a feature ten
 * to a hundred times its population (the region of Tombouctou, 680,000,
 * against the town, 32,000); the country a thousand times. */
#define BONUS_P 2.0
#define BONUS_CC 3.0

/* Problems printed per file; past that they are only counted. */
#define MAX_REPORTS 20

static const char usage[] =
    "Usage: veille gazetteer import [--data DIR] [-q] FILE...\n"
    "       veille gazetteer info [--data DIR]\n"
    "       veille gazetteer lookup [--country CC] [--admin1] [--data DIR]\n"
    "                               [-n N] NAME...\n"
    "\n"
    "The gazetteer is GeoNames (geonames.org, CC BY 4.0) compiled into one\n"
    "index file, DIR/gazetteer.idx, that the coder maps at start-up.\n"
    "\n"
    "  import   reads GeoNames files and writes the index (replacing the\n"
    "           old one only once the new one is complete).  FILE is a\n"
    "           main table (cities500.txt, ML.txt, allCountries.txt),\n"
    "           admin1CodesASCII.txt, admin2Codes.txt or countryInfo.txt;\n"
    "           give them all in one import.  Malformed lines are reported\n"
    "           as FILE:LINE: message and skipped.\n"
    "  info     the index's path, size, time to open it, table sizes and\n"
    "           places per country with each country's reference point.\n"
    "  lookup   the places named NAME (accents, case, ’ and spacing do not\n"
    "           matter), best first: score = log10(population + 10), + 2\n"
    "           for a populated place (class P), + 3 in --country.\n"
    "\n"
    "  --data DIR      data folder (default $VEILLE_DATA, else the built-in\n"
    "                  one)\n"
    "  --country CC    lookup: favour this country (ISO code: ML, BF, NE)\n"
    "  --admin1        lookup: NAME is a first-level region (\"Kidal\",\n"
    "                  \"Tombouctou\"): show the place that stands for it\n"
    "  -n N            lookup: show at most N candidates (default 20)\n"
    "  -q, --quiet     import: no progress and no summary\n"
    "  -h, --help      this help\n"
    "\n"
    "Exit status: 0 ok; 1 an error, a skipped line, or no place found;\n"
    "2 a usage error.\n";

typedef struct gopts {
    const char *data;
    const char *country;
    int admin1;
    long max;
    int quiet;
} gopts;

static char *index_path(const gopts *o)
{
    const char *dir = o->data;
    if (!dir) {
        const char *env = getenv("VEILLE_DATA");
        dir = env && *env ? env : VEILLE_DEFAULT_DATA;
    }
    size_t n = strlen(dir) + sizeof GAZ_INDEX_NAME + 1;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, GAZ_INDEX_NAME);
    return p;
}

/* mkdir -p of the folder that holds path. */
static int make_parent(const char *path)
{
    char *d = strdup(path);
    if (!d)
        return -1;
    char *slash = strrchr(d, '/');
    if (!slash) {
        free(d);
        return 0;
    }
    *slash = '\0';
    for (char *p = d + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(d, 0755) != 0 && errno != EEXIST) {
            free(d);
            return -1;
        }
        *p = '/';
    }
    int rc = *d && mkdir(d, 0755) != 0 && errno != EEXIST ? -1 : 0;
    free(d);
    return rc;
}

/* ---- import ---- */

typedef struct irun {
    const char *file; /* file of the last problem */
    long in_file;     /* problems in it */
    long problems;
    int progress_on;
    double last;
} irun;

static void on_problem(void *user, const char *file, long line, const char *msg)
{
    irun *r = user;
    if (r->progress_on)
        fputs("\r\033[K", stderr);
    if (!r->file || strcmp(r->file, file) != 0) {
        r->file = file;
        r->in_file = 0;
    }
    r->problems++;
    r->in_file++;
    if (r->in_file > MAX_REPORTS && line > 0) {
        if (r->in_file == MAX_REPORTS + 1)
            fprintf(stderr,
                    "veille: %s: more bad lines; only their count "
                    "will be reported\n",
                    file);
        return;
    }
    if (line > 0)
        fprintf(stderr, "%s:%ld: %s\n", file, line, msg);
    else
        fprintf(stderr, "veille: %s: %s\n", file, msg);
}

static void on_progress(void *user, const char *file, double done, double total)
{
    irun *r = user;
    if (!r->progress_on)
        return;
    double t = now_seconds();
    if (t - r->last < 0.2 && done < total)
        return;
    r->last = t;
    const char *base = strrchr(file, '/');
    fprintf(stderr, "\r\033[Kimporting %s: %.0f%%", base ? base + 1 : file,
            total > 0 ? 100.0 * done / total : 0.0);
}

static int do_import(const gopts *o, char **files, int n)
{
    if (n == 0)
        return usage_error("gazetteer", "import needs at least one FILE");
    char *path = index_path(o);
    if (!path) {
        fprintf(stderr, "veille: out of memory\n");
        return EXIT_ERR;
    }
    /* Unreadable inputs are found before anything is created. */
    for (int i = 0; i < n; i++)
        if (access(files[i], R_OK) != 0) {
            fprintf(stderr, "veille: %s: cannot read: %s\n", files[i],
                    strerror(errno));
            free(path);
            return EXIT_ERR;
        }
    if (make_parent(path) != 0) {
        fprintf(stderr, "veille: cannot create the folder of %s: %s\n", path,
                strerror(errno));
        free(path);
        return EXIT_ERR;
    }
    irun r = {NULL, 0, 0, !o->quiet && isatty(STDERR_FILENO), 0};
    gaz_import_stats st;
    gaz_import_opts io = {on_problem, on_progress, &r, &st};
    double t0 = now_seconds();
    long places =
        gaz_import_with((const char *const *)files, (size_t)n, path, &io);
    double el = now_seconds() - t0;
    if (r.progress_on)
        fputs("\r\033[K", stderr);
    if (r.in_file > MAX_REPORTS)
        fprintf(stderr, "veille: %s: %ld problems in all\n", r.file, r.in_file);
    if (places < 0) {
        fprintf(stderr, "veille: gazetteer not imported; %s is unchanged\n",
                path);
        free(path);
        return EXIT_ERR;
    }
    if (!o->quiet) {
        struct stat sb;
        double mb = stat(path, &sb) == 0 ? (double)sb.st_size / 1e6 : 0;
        fprintf(stderr,
                "veille: %s: %ld places, %ld names, %ld countries "
                "(%.1f MB) in %.2f s\n"
                "veille: %ld lines read from %d file%s, %ld skipped, %ld "
                "records merged by geonameid\n",
                path, places, st.names, st.countries, mb, el, st.lines, n,
                n == 1 ? "" : "s", st.bad_lines, st.duplicates);
    }
    if (places == 0)
        fprintf(stderr, "veille: warning: no places: give a GeoNames main "
                        "table (cities500.txt, ML.txt, …)\n");
    free(path);
    return st.bad_lines ? EXIT_ERR : EXIT_OK;
}

/* ---- info ---- */

static int do_info(const gopts *o)
{
    char *path = index_path(o);
    if (!path) {
        fprintf(stderr, "veille: out of memory\n");
        return EXIT_ERR;
    }
    buf err = BUF_INIT;
    double t0 = now_seconds();
    gaz *g = gaz_open(path, &err);
    double t1 = now_seconds();
    if (!g) {
        fprintf(stderr, "veille: %s\n", buf_cstr(&err));
        buf_free(&err);
        free(path);
        return EXIT_ERR;
    }
    /* The first lookup touches the pages of a binary search: cold-ish. */
    gaz_place p;
    size_t hits = gaz_lookup(g, "bamako", 6, &p, 1);
    double t2 = now_seconds();
    struct stat sb;
    double mb = stat(path, &sb) == 0 ? (double)sb.st_size / 1e6 : 0;
    printf("index:      %s\n", path);
    printf("size:       %.1f MB\n", mb);
    printf("open:       %.3f ms (mmap, header checked)\n", (t1 - t0) * 1e3);
    printf("1st lookup: %.3f ms (%zu for \"bamako\")\n", (t2 - t1) * 1e3, hits);
    gaz_info(g, stdout);
    printf("Data: GeoNames (geonames.org), CC BY 4.0.\n");
    gaz_close(g);
    buf_free(&err);
    free(path);
    return EXIT_OK;
}

/* ---- lookup ---- */

typedef struct cand {
    gaz_place p;
    double score;
} cand;

static int cmp_cand(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return a->p.geonameid < b->p.geonameid ? -1
                                           : a->p.geonameid > b->p.geonameid;
}

/* s left-aligned in width columns (counting characters, not bytes). */
static void put_col(const char *s, int width)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        w += (*p & 0xC0) != 0x80;
    fputs(s, stdout);
    for (; w < width; w++)
        putchar(' ');
    putchar(' ');
}

static void print_place(const gaz_place *p, double score, int with_score)
{
    char feat[16];
    if (with_score)
        printf("%6.2f  ", score);
    printf("%-9u ", p->geonameid);
    put_col(p->name, 28);
    snprintf(feat, sizeof feat, "%c.%s", p->fclass ? p->fclass : '-', p->fcode);
    put_col(feat, 8);
    put_col(*p->admin1 ? p->admin1 : "-", 18);
    put_col(*p->admin2 ? p->admin2 : "-", 22);
    printf("%-2s ", *p->cc ? p->cc : "-");
    put_col(*p->country ? p->country : "-", 14);
    printf("%9.5f %10.5f %9u\n", (double)p->lat, (double)p->lon, p->population);
}

static void print_header(int with_score)
{
    if (with_score)
        printf("%6s  ", "score");
    printf("%-9s %-28s %-8s %-18s %-22s %-17s %9s %10s %9s\n", "geonameid",
           "name", "feature", "admin1", "admin2", "country", "lat", "lon",
           "pop");
}

static int do_lookup(const gopts *o, char **words, int n)
{
    if (n == 0)
        return usage_error("gazetteer", "lookup needs a NAME");
    char cc[3] = "";
    if (o->country) {
        if (strlen(o->country) != 2)
            return usage_error("gazetteer",
                               "--country takes a two-letter ISO code, not "
                               "'%s'",
                               o->country);
        for (int i = 0; i < 2; i++) {
            char c = o->country[i];
            cc[i] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
        }
        cc[2] = '\0';
    }
    buf raw = BUF_INIT, key = BUF_INIT, err = BUF_INIT;
    for (int i = 0; i < n; i++) {
        if (i)
            buf_putc(&raw, ' ');
        buf_puts(&raw, words[i]);
    }
    int rc = EXIT_ERR;
    char *path = index_path(o);
    gaz *g = NULL;
    cand *v = NULL;
    if (!path || raw.oom || gaz_fold(raw.ptr, raw.len, &key)) {
        fprintf(stderr, "veille: out of memory\n");
        goto out;
    }
    g = gaz_open(path, &err);
    if (!g) {
        fprintf(stderr, "veille: %s\n", buf_cstr(&err));
        goto out;
    }
    if (o->admin1) {
        gaz_place p;
        if (!gaz_admin1_by_name(g, cc[0] ? cc : NULL, key.ptr, &p)) {
            fprintf(stderr, "veille: no admin1 region named '%s'%s%s\n",
                    raw.ptr, cc[0] ? " in " : "", cc);
            goto out;
        }
        print_header(0);
        print_place(&p, 0, 0);
        rc = EXIT_OK;
        goto out;
    }
    size_t total = gaz_lookup(g, key.ptr, key.len, NULL, 0);
    if (total == 0) {
        fprintf(stderr, "veille: no place named '%s' (folded: '%s')\n", raw.ptr,
                key.ptr);
        goto out;
    }
    v = calloc(total, sizeof *v);
    gaz_place *ps = calloc(total, sizeof *ps);
    if (!v || !ps) {
        free(ps);
        fprintf(stderr, "veille: out of memory\n");
        goto out;
    }
    total = gaz_lookup(g, key.ptr, key.len, ps, total);
    for (size_t i = 0; i < total; i++) {
        v[i].p = ps[i];
        v[i].score = log10((double)ps[i].population + 10.0) +
                     (ps[i].fclass == 'P' ? BONUS_P : 0.0) +
                     (cc[0] && strcmp(ps[i].cc, cc) == 0 ? BONUS_CC : 0.0);
    }
    free(ps);
    qsort(v, total, sizeof *v, cmp_cand);
    print_header(1);
    size_t show = o->max > 0 && (size_t)o->max < total ? (size_t)o->max : total;
    for (size_t i = 0; i < show; i++)
        print_place(&v[i].p, v[i].score, 1);
    if (show < total)
        printf("(%zu more; -n %zu shows all)\n", total - show, total);
    rc = EXIT_OK;
out:
    free(v);
    gaz_close(g);
    free(path);
    buf_free(&raw);
    buf_free(&key);
    buf_free(&err);
    return rc;
}

/* ---- options ---- */

/* Parses options from optind on (GNU getopt: options and operands may be
 * mixed when permute is set).  Returns -1 to go on, or an exit status. */
static int parse(int argc, char **argv, gopts *o, int permute)
{
    static const struct option opts[] = {{"data", required_argument, 0, 'D'},
                                         {"country", required_argument, 0, 'c'},
                                         {"admin1", no_argument, 0, 'a'},
                                         {"quiet", no_argument, 0, 'q'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    int c;
    while ((c = getopt_long(argc, argv, permute ? "qhn:" : "+qhn:", opts,
                            NULL)) != -1) {
        switch (c) {
        case 'D': o->data = optarg; break;
        case 'c': o->country = optarg; break;
        case 'a': o->admin1 = 1; break;
        case 'q': o->quiet = 1; break;
        case 'n': {
            char *end;
            o->max = strtol(optarg, &end, 10);
            if (*end || o->max < 1)
                return usage_error("gazetteer",
                                   "-n takes a positive number, not '%s'",
                                   optarg);
            break;
        }
        case 'h': fputs(usage, stdout); return EXIT_OK;
        default:
            return usage_error("gazetteer", "unknown or incomplete option '%s'",
                               argv[optind - 1]);
        }
    }
    return -1;
}

int cmd_gazetteer(int argc, char **argv)
{
    gopts o = {NULL, NULL, 0, 20, 0};
    optind = 1;
    opterr = 0;
    int rc = parse(argc, argv, &o, 0);
    if (rc >= 0)
        return rc;
    if (optind >= argc)
        return usage_error("gazetteer",
                           "a subcommand is missing (import, info, lookup)");
    const char *sub = argv[optind];
    /* Options may also follow the subcommand, among its operands: parse
     * again from it, with a fresh getopt (optind 0) that permutes. */
    int base = optind;
    argc -= base;
    argv += base;
    optind = 0;
    rc = parse(argc, argv, &o, 1);
    if (rc >= 0)
        return rc;
    char **rest = argv + optind;
    int nrest = argc - optind;
    if (strcmp(sub, "import") == 0)
        return do_import(&o, rest, nrest);
    if (strcmp(sub, "info") == 0) {
        if (nrest)
            return usage_error("gazetteer", "unexpected argument '%s'",
                               rest[0]);
        return do_info(&o);
    }
    if (strcmp(sub, "lookup") == 0)
        return do_lookup(&o, rest, nrest);
    return usage_error("gazetteer", "unknown subcommand '%s'", sub);
}
