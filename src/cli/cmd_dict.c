/*
 * cmd_dict.c — `veille dict check [--dict DIR]`: every dictionary problem
 * with file and line.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: veille dict check [--dict DIR]\n"
    "\n"
    "Loads every dictionary file reachable from DIR/index.txt and prints\n"
    "each problem as FILE:LINE: message.  Exit status 0 when all are well\n"
    "formed, 1 otherwise.\n"
    "\n"
    "  --dict DIR   dictionaries (default: $VEILLE_DICT, else the built-in\n"
    "               folder)\n"
    "  -q, --quiet  print problems only\n"
    "  -h, --help   this help\n";

static void report(void *user, const char *file, long line, const char *msg)
{
    (void)user;
    if (line > 0)
        fprintf(stderr, "%s:%ld: %s\n", file, line, msg);
    else
        fprintf(stderr, "%s: %s\n", file, msg);
}

int cmd_dict(int argc, char **argv)
{
    static const struct option opts[] = {{"dict", required_argument, 0, 'd'},
                                         {"quiet", no_argument, 0, 'q'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *dir = NULL;
    int quiet = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+qh", opts, NULL)) != -1) {
        switch (c) {
        case 'd': dir = optarg; break;
        case 'q': quiet = 1; break;
        case 'h': fputs(usage, stdout); return EXIT_OK;
        default:
            return usage_error("dict", "unknown or incomplete option '%s'",
                               argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return usage_error("dict", "a subcommand is missing (check)");
    if (strcmp(argv[optind], "check") != 0)
        return usage_error("dict", "unknown subcommand '%s'", argv[optind]);
    /* Options may also follow the subcommand. */
    optind++;
    while ((c = getopt_long(argc, argv, "+qh", opts, NULL)) != -1) {
        switch (c) {
        case 'd': dir = optarg; break;
        case 'q': quiet = 1; break;
        case 'h': fputs(usage, stdout); return EXIT_OK;
        default:
            return usage_error("dict", "unknown or incomplete option '%s'",
                               argv[optind - 1]);
        }
    }
    if (optind < argc)
        return usage_error("dict", "unexpected argument '%s'", argv[optind]);
    veille_ctx *probe = NULL;
    veille_options o = {dir, NULL};
    /* Resolve the folder the same way the coder does. */
    if (!dir) {
        const char *env = getenv("VEILLE_DICT");
        dir = env && *env ? env : NULL;
    }
    if (!dir) {
        veille_ctx_new(&probe, &o);
        dir = probe ? veille_ctx_dict_dir(probe) : "data";
    }
    int n = veille_dict_check(dir, report, NULL);
    if (n == 0 && !quiet) {
        veille_ctx *ctx = NULL;
        veille_options o2 = {dir, NULL};
        if (veille_ctx_new(&ctx, &o2) == VEILLE_OK)
            printf("%s: %zu entries, %zu forms, no problems\n", dir,
                   veille_ctx_entry_count(ctx), veille_ctx_form_count(ctx));
        veille_ctx_free(ctx);
    } else if (n > 0) {
        fprintf(stderr, "%s: %d problem%s\n", dir, n, n == 1 ? "" : "s");
    }
    veille_ctx_free(probe);
    return n == 0 ? EXIT_OK : EXIT_ERR;
}
