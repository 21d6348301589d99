/*
 * util.c — helpers shared by the subcommands: usage errors, progress,
 * walking input paths.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

int usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "veille%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'veille %s%s--help'.\n", cmd ? cmd : "",
            cmd ? " " : "");
    return EXIT_USAGE;
}

double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_init(progress *p, int quiet)
{
    p->on = !quiet && isatty(STDERR_FILENO);
    p->start = p->last = now_seconds();
}

void progress_update(progress *p, unsigned long articles, double bytes)
{
    if (!p->on)
        return;
    double t = now_seconds();
    if (t - p->last < 0.25)
        return;
    p->last = t;
    double el = t - p->start;
    fprintf(stderr, "\r%lu articles, %.1f MB, %.1f MB/s   ", articles,
            bytes / 1e6, el > 0 ? bytes / 1e6 / el : 0.0);
}

void progress_done(progress *p)
{
    if (p->on && p->last > p->start)
        fputs("\r\033[K", stderr);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int wanted(const char *name)
{
    static const char *const ext[] = {".jsonl", ".json", ".ndjson", ".txt"};
    size_t n = strlen(name);
    if (name[0] == '.')
        return 0;
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
        size_t m = strlen(ext[i]);
        if (n > m && strcmp(name + n - m, ext[i]) == 0)
            return 1;
    }
    return 0;
}

static int walk_dir(const char *dir, path_fn fn, void *user)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "veille: %s: cannot open folder: %s\n", dir,
                strerror(errno));
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (!wanted(de->d_name))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn)
                break;
            names = nn;
        }
        size_t l = strlen(dir) + strlen(de->d_name) + 2;
        names[n] = malloc(l);
        if (!names[n])
            break;
        snprintf(names[n], l, "%s/%s", dir, de->d_name);
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        fn(user, names[i]);
        free(names[i]);
    }
    free(names);
    return 0;
}

int for_each_input(char **paths, int n, path_fn fn, void *user)
{
    if (n == 0) {
        fn(user, NULL);
        return 0;
    }
    int bad = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 &&
            S_ISDIR(st.st_mode))
            bad += walk_dir(paths[i], fn, user);
        else
            fn(user, paths[i]);
    }
    return bad;
}

int coding_option(const char *cmd, int c, const char *arg, const char *raw,
                  veille_options *vo, veille_code_options *co)
{
    switch (c) {
    case 'l':
        if (strcmp(arg, "fr") != 0 && strcmp(arg, "en") != 0)
            return usage_error(cmd, "--lang is fr or en, not '%s'", arg);
        co->lang = arg;
        return 1;
    case 'p':
        if (strlen(arg) != 10 || arg[4] != '-' || arg[7] != '-')
            return usage_error(cmd, "--published takes YYYY-MM-DD, not '%s'",
                               arg);
        co->published = arg;
        return 1;
    case 'd': vo->dict_dir = arg; return 1;
    case 'D': vo->data_dir = arg; return 1;
    }
    return usage_error(cmd, "unknown or incomplete option '%s'", raw);
}

int open_coder(const veille_options *vo, veille_ctx **ctx,
               veille_coder **coder)
{
    if (veille_ctx_new(ctx, vo)) {
        fprintf(stderr, "veille: cannot load the dictionaries:\n%s\n",
                veille_errmsg(*ctx));
        veille_ctx_free(*ctx);
        return EXIT_ERR;
    }
    if (veille_coder_new(coder, *ctx)) {
        fprintf(stderr, "veille: out of memory\n");
        veille_ctx_free(*ctx);
        return EXIT_ERR;
    }
    return EXIT_OK;
}
