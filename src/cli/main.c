/*
 * main.c — `veille COMMAND [options] [FILE…]`: dispatch to a subcommand.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: veille COMMAND [options] [FILE...]\n"
    "\n"
    "veille turns news reports about armed conflict (French and English)\n"
    "into dated, sourced event records with ACLED's fields.\n"
    "\n"
    "Commands:\n"
    "  code        read articles, write their events as JSON lines\n"
    "  dict check  check every dictionary file, with file and line\n"
    "  events      the stored events, filtered, as JSONL, ACLED CSV or GeoJSON\n"
    "  gazetteer   import GeoNames files, show the index, look up a place\n"
    "  ingest      code articles, merge and store their events (veille.db)\n"
    "\n"
    "Options:\n"
    "  -h, --help     this help; 'veille COMMAND --help' for a command's\n"
    "  -V, --version  the version\n"
    "\n"
    "Exit status: 0 ok, 1 an error or a skipped input, 2 a usage error.\n"
    "Environment: VEILLE_DICT (dictionaries), VEILLE_DATA (data folder).\n";

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error(NULL, "a command is missing");
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
        strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("veille %s\n", VEILLE_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "code") == 0)
        return cmd_code(argc - 1, argv + 1);
    if (strcmp(cmd, "dict") == 0)
        return cmd_dict(argc - 1, argv + 1);
    if (strcmp(cmd, "events") == 0)
        return cmd_events(argc - 1, argv + 1);
    if (strcmp(cmd, "gazetteer") == 0)
        return cmd_gazetteer(argc - 1, argv + 1);
    if (strcmp(cmd, "ingest") == 0)
        return cmd_ingest(argc - 1, argv + 1);
    return usage_error(NULL, "unknown command '%s'", cmd);
}
