/*
 * cmd_code.c — `veille code [options] [FILE…]`: articles in (JSONL or
 * text files, folders, stdin), events out (JSON lines on stdout).  A bad
 * article is reported on stderr with its file and line and skipped; the
 * run goes on, and the exit status says whether anything was skipped.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../export/export.h"
#include "cli.h"

static const char usage[] =
    "Usage: veille code [options] [FILE...]\n"
    "\n"
    "Reads articles and writes their events on stdout, one JSON object a\n"
    "line (an article's main event first).  FILE is a .jsonl/.json file\n"
    "(one article a line: id, url, source, published, lang, title, text),\n"
    "a text file (one article; its file name is the id), a folder of such\n"
    "files, or - for stdin (the default).\n"
    "\n"
    "  --lang fr|en        language of every article (default: the\n"
    "                      article's `lang`, else detected)\n"
    "  --published DATE    publication date (YYYY-MM-DD) for articles that\n"
    "                      have none\n"
    "  --format jsonl|table  output format (default jsonl)\n"
    "  --dict DIR          dictionaries folder (default $VEILLE_DICT, else\n"
    "                      the built-in one)\n"
    "  --data DIR          data folder (default $VEILLE_DATA, else the\n"
    "                      built-in one)\n"
    "  -q, --quiet         no progress and no warnings on stderr\n"
    "  -h, --help          this help\n"
    "\n"
    "Exit status: 0 every article coded, 1 some input skipped or an error,\n"
    "2 a usage error.\n";

typedef struct run {
    veille_coder *coder;
    veille_code_options copts;
    writer w;
    int quiet;
    unsigned long articles, events, skipped, warnings;
    double bytes;
    int failed;
    progress prog;
} run;

static void warn(run *r, const char *msg)
{
    r->warnings++;
    if (!r->quiet)
        fprintf(stderr, "veille: warning: %s\n", msg);
}

static int code_path(void *user, const char *path)
{
    run *r = user;
    veille_reader *rd;
    int rc = veille_reader_open(&rd, path, VEILLE_FMT_AUTO);
    if (rc) {
        fprintf(stderr, "veille: %s\n",
                rd ? veille_reader_errmsg(rd) : veille_strstatus(rc));
        veille_reader_free(rd);
        r->failed = 1;
        return 0;
    }
    unsigned long skipped_here = 0, read_here = 0;
    for (;;) {
        const veille_article *a;
        rc = veille_reader_next(rd, &a);
        if (rc == 0)
            break;
        if (rc < 0) {
            r->skipped++;
            skipped_here++;
            if (skipped_here <= 20)
                fprintf(stderr, "veille: %s\n", veille_reader_errmsg(rd));
            else if (skipped_here == 21)
                fprintf(stderr, "veille: %s: more bad lines; only the "
                                "count will be reported\n",
                        path ? path : "<stdin>");
            if (rc == VEILLE_EIO)
                break;
            continue;
        }
        read_here++;
        if (veille_reader_warning(rd))
            warn(r, veille_reader_warning(rd));
        veille_str text = veille_article_get(a, VEILLE_F_TEXT);
        r->bytes += (double)text.len;
        rc = veille_code(r->coder, a, &r->copts);
        if (rc) {
            fprintf(stderr, "veille: %s: %s\n", veille_article_origin(a),
                    veille_coder_errmsg(r->coder));
            r->skipped++;
            skipped_here++;
            continue;
        }
        r->articles++;
        for (size_t i = 0; i < veille_warning_count(r->coder); i++)
            warn(r, veille_warning_at(r->coder, i));
        size_t n = veille_event_count(r->coder);
        for (size_t i = 0; i < n; i++) {
            if (r->w.type->event(&r->w, veille_event_at(r->coder, i))) {
                fprintf(stderr, "veille: cannot write the output\n");
                veille_reader_free(rd);
                r->failed = 2;
                return -1;
            }
        }
        r->events += n;
        progress_update(&r->prog, r->articles, r->bytes);
    }
    if (skipped_here > 20)
        fprintf(stderr, "veille: %s: %lu articles skipped in all\n",
                path ? path : "<stdin>", skipped_here);
    if (read_here == 0 && skipped_here == 0) {
        char msg[600];
        snprintf(msg, sizeof msg, "%s: no articles", path ? path : "<stdin>");
        warn(r, msg);
    }
    veille_reader_free(rd);
    return 0;
}

int cmd_code(int argc, char **argv)
{
    static const struct option opts[] = {
        {"lang", required_argument, 0, 'l'},
        {"published", required_argument, 0, 'p'},
        {"format", required_argument, 0, 'f'},
        {"dict", required_argument, 0, 'd'},
        {"data", required_argument, 0, 'D'},
        {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    run r;
    memset(&r, 0, sizeof r);
    veille_options vo = {NULL, NULL};
    const char *format = "jsonl";
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
        switch (c) {
        case 'f': format = optarg; break;
        case 'q': r.quiet = 1; break;
        case 'h': fputs(usage, stdout); return EXIT_OK;
        default:
            if (coding_option("code", c, optarg, argv[optind - 1], &vo,
                              &r.copts) != 1)
                return EXIT_USAGE;
        }
    }
    const writer_type *wt = writer_find(format);
    if (!wt)
        return usage_error("code", "--format is jsonl or table, not '%s'",
                           format);
    veille_ctx *ctx;
    if (open_coder(&vo, &ctx, &r.coder))
        return EXIT_ERR;
    writer_init(&r.w, wt, stdout);
    progress_init(&r.prog, r.quiet);
    r.w.type->begin(&r.w);
    int bad = for_each_input(argv + optind, argc - optind, code_path, &r);
    if (r.w.type->end(&r.w) && !r.failed) {
        fprintf(stderr, "veille: cannot write the output\n");
        r.failed = 2;
    }
    progress_done(&r.prog);
    if (!r.quiet || r.skipped)
        fprintf(stderr, "veille: %lu articles coded, %lu events, %lu skipped\n",
                r.articles, r.events, r.skipped);
    writer_free(&r.w);
    veille_coder_free(r.coder);
    veille_ctx_free(ctx);
    return (r.failed || r.skipped || bad) ? EXIT_ERR : EXIT_OK;
}
