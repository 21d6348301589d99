/*
 * cmd_ingest.c — `veille ingest [options] [FILE…]`: articles in, coded,
 * merged with the events already stored, kept in a database (SQLite file
 * by default, PostgreSQL by URI).  The flow itself is in src/store/ingest.c;
 * this is options, messages and the summary.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../store/ingest.h"
#include "cli.h"

static const char usage[] =
    "Usage: veille ingest [options] [FILE...]\n"
    "\n"
    "Reads articles, codes them, merges each event with the stored events\n"
    "that report the same thing (same type, within a day, same place,\n"
    "compatible actors) and stores them.  FILE is read as by 'veille code'\n"
    "(JSONL, text, a folder, or - for stdin, the default).  Articles already\n"
    "stored (same id or same title and text) are skipped, so running it\n"
    "twice, or again after an interruption, stores everything once.\n"
    "Articles that cannot be read or coded are kept in the rejects table.\n"
    "\n"
    "  --db PATH|URI       a SQLite file (default ./veille.db) or a\n"
    "                      postgresql://... address\n"
    "  --lang fr|en        language of every article (default: the\n"
    "                      article's `lang`, else detected)\n"
    "  --published DATE    publication date (YYYY-MM-DD) for articles that\n"
    "                      have none\n"
    "  --batch N           articles per transaction (default 500)\n"
    "  --dict DIR          dictionaries folder (default $VEILLE_DICT, else\n"
    "                      the built-in one)\n"
    "  --data DIR          data folder (default $VEILLE_DATA, else the\n"
    "                      built-in one)\n"
    "  -q, --quiet         no progress and no warnings on stderr\n"
    "  -h, --help          this help\n"
    "\n"
    "A summary line ends the run on stderr.  Exit status: 0 every article\n"
    "stored or already there, 1 some article rejected or an error (the\n"
    "database keeps every batch committed before it), 2 a usage error.\n";

typedef struct run {
    ingest *g;
    int quiet;
    int failed;      /* a store error: stop */
    int unreadable;  /* an input that could not be opened */
    unsigned long reported;
    progress prog;
} run;

static void on_reject(void *user, const char *msg)
{
    run *r = user;
    r->reported++;
    if (r->reported <= 20)
        fprintf(stderr, "veille: rejected: %s\n", msg);
    else if (r->reported == 21)
        fprintf(stderr, "veille: more rejects; see the rejects table\n");
}

static void on_warning(void *user, const char *msg)
{
    run *r = user;
    if (!r->quiet)
        fprintf(stderr, "veille: warning: %s\n", msg);
}

static void on_article(void *user, const ingest_stats *st)
{
    run *r = user;
    progress_update(&r->prog, st->read, st->bytes);
}

static int ingest_path(void *user, const char *path)
{
    run *r = user;
    if (r->failed)
        return -1;
    veille_reader *rd;
    int rc = veille_reader_open(&rd, path, VEILLE_FMT_AUTO);
    if (rc) {
        fprintf(stderr, "veille: %s\n",
                rd ? veille_reader_errmsg(rd) : veille_strstatus(rc));
        veille_reader_free(rd);
        r->unreadable = 1;
        return 0;
    }
    rc = ingest_reader(r->g, rd);
    veille_reader_free(rd);
    if (rc) {
        progress_done(&r->prog);
        fprintf(stderr, "veille: ingest: %s\n", ingest_errmsg(r->g));
        r->failed = 1;
        return -1;
    }
    return 0;
}

static int parse_batch(const char *s, size_t *out)
{
    char *end;
    long long n = strtoll(s, &end, 10);
    if (end == s || *end || n < 1 || n > 10000000)
        return -1;
    *out = (size_t)n;
    return 0;
}

int cmd_ingest(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'b'},
        {"lang", required_argument, 0, 'l'},
        {"published", required_argument, 0, 'p'},
        {"batch", required_argument, 0, 'n'},
        {"dict", required_argument, 0, 'd'},
        {"data", required_argument, 0, 'D'},
        {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    run r;
    memset(&r, 0, sizeof r);
    ingest_options io;
    memset(&io, 0, sizeof io);
    veille_options vo = {NULL, NULL};
    const char *db = "veille.db";
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
        switch (c) {
        case 'b':
            if (!*optarg)
                return usage_error("ingest", "--db needs a path or a URI");
            db = optarg;
            break;
        case 'n':
            if (parse_batch(optarg, &io.batch))
                return usage_error("ingest",
                                   "--batch takes a number of articles "
                                   "(1 or more), not '%s'",
                                   optarg);
            break;
        case 'q': r.quiet = 1; break;
        case 'h': fputs(usage, stdout); return EXIT_OK;
        default:
            if (coding_option("ingest", c, optarg, argv[optind - 1], &vo,
                              &io.code) != 1)
                return EXIT_USAGE;
        }
    }
    veille_ctx *ctx;
    veille_coder *coder;
    if (open_coder(&vo, &ctx, &coder))
        return EXIT_ERR;
    int rc;
    store *s;
    char err[1024];
    if ((rc = store_open(&s, db, err, sizeof err))) {
        fprintf(stderr, "veille: ingest: %s\n", err);
        veille_coder_free(coder);
        veille_ctx_free(ctx);
        return EXIT_ERR;
    }
    io.on_reject = on_reject;
    io.on_article = on_article;
    io.on_warning = on_warning;
    io.user = &r;
    if (ingest_new(&r.g, s, coder, &io)) {
        fprintf(stderr, "veille: out of memory\n");
        store_close(s);
        veille_coder_free(coder);
        veille_ctx_free(ctx);
        return EXIT_ERR;
    }
    progress_init(&r.prog, r.quiet);
    int bad = for_each_input(argv + optind, argc - optind, ingest_path, &r);
    if (!r.failed && ingest_finish(r.g)) {
        fprintf(stderr, "veille: ingest: %s\n", ingest_errmsg(r.g));
        r.failed = 1;
    }
    progress_done(&r.prog);
    const ingest_stats *st = ingest_get_stats(r.g);
    fprintf(stderr,
            "ingest: %lu articles read, %lu coded, %lu skipped (already "
            "stored), %lu rejected; %lu events new, %lu merged\n",
            st->read, st->coded, st->skipped, st->rejected, st->events_new,
            st->events_merged);
    int status = (r.failed || r.unreadable || bad || st->rejected)
                     ? EXIT_ERR
                     : EXIT_OK;
    ingest_free(r.g);
    store_close(s);
    veille_coder_free(coder);
    veille_ctx_free(ctx);
    return status;
}
