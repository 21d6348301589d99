/*
 * cli.h — the veille command: shared helpers of the subcommands.
 */
#ifndef VEILLE_CLI_H
#define VEILLE_CLI_H

#include <stdio.h>

#include "veille.h"

/* Exit codes, documented in --help and README.md. */
enum { EXIT_OK = 0, EXIT_ERR = 1, EXIT_USAGE = 2 };

int cmd_code(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_gazetteer(int argc, char **argv);
int cmd_ingest(int argc, char **argv);

/* Prints "veille: msg" to stderr, then a hint to run --help; returns
 * EXIT_USAGE. */
int usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Progress on stderr, at most a few times a second, only when stderr is a
 * terminal and not silenced. */
typedef struct progress {
    int on;
    double last;
    double start;
} progress;

void progress_init(progress *p, int quiet);
void progress_update(progress *p, unsigned long articles, double bytes);
void progress_done(progress *p);
double now_seconds(void);

/* The options `code` and `ingest` share: --lang (l), --published (p),
 * --dict (d), --data (D).  Returns 1 when c is one of them (kept in vo and
 * co); else says on stderr what is wrong (a bad value, or `raw`, the
 * option as typed, unknown or incomplete) and returns EXIT_USAGE. */
int coding_option(const char *cmd, int c, const char *arg, const char *raw,
                  veille_options *vo, veille_code_options *co);

/* Loads the dictionaries and makes a coder; on failure says why on stderr
 * and returns EXIT_ERR with nothing left to free. */
int open_coder(const veille_options *vo, veille_ctx **ctx,
               veille_coder **coder);

/* Calls fn for each input path: a file, or the files of a directory
 * (sorted; .jsonl .json .ndjson .txt), or NULL for standard input when
 * there is none.  Returns the number of paths that could not be listed. */
typedef int (*path_fn)(void *user, const char *path);
int for_each_input(char **paths, int n, path_fn fn, void *user);

#endif
