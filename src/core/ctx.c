/*
 * ctx.c — the context: where data lives, and the dictionaries loaded once
 * and shared read-only by every coder.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <stdio.h>
#include <unistd.h>

#include "../geo/geo.h"
#include "internal.h"

#ifndef VEILLE_DEFAULT_DICT
#define VEILLE_DEFAULT_DICT "data"
#endif
#ifndef VEILLE_DEFAULT_DATA
#define VEILLE_DEFAULT_DATA "var"
#endif

void set_err(buf *b, const char *fmt, ...)
{
    buf_clear(b);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

uint64_t hash64(const void *p, size_t n, uint64_t h)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 1099511628211ull;
    return h;
}

const char *veille_strstatus(int status)
{
    switch (status) {
    case VEILLE_OK: return "ok";
    case VEILLE_ENOMEM: return "out of memory";
    case VEILLE_EIO: return "input/output error";
    case VEILLE_EPARSE: return "malformed input";
    case VEILLE_EINVAL: return "invalid argument";
    case VEILLE_ETOOBIG: return "input too large";
    }
    return "unknown status";
}

/* First of: the option, the environment variable, the default. */
static char *pick_dir(const char *opt, const char *env, const char *def)
{
    const char *v = opt && *opt ? opt : NULL;
    if (!v) {
        const char *e = getenv(env);
        v = e && *e ? e : def;
    }
    return strdup(v);
}

static void lex_report(void *user, const char *file, long line,
                       const char *msg)
{
    buf *b = user;
    if (b->len)
        buf_putc(b, '\n');
    if (line > 0)
        buf_printf(b, "%s:%ld: %s", file, line, msg);
    else
        buf_printf(b, "%s: %s", file, msg);
}

/* The generic actors, by the ACLED name their entries give. */
static void find_defaults(veille_ctx *ctx)
{
    static const struct {
        const char *name;
        size_t off;
    } want[] = {
        {"Unidentified Armed Group ({country})",
         offsetof(veille_ctx, act_unidentified)},
        {"Civilians ({country})", offsetof(veille_ctx, act_civilians)},
        {"Protesters ({country})", offsetof(veille_ctx, act_protesters)},
        {"Rioters ({country})", offsetof(veille_ctx, act_rioters)},
        {"Police Forces of {country} ({era})", offsetof(veille_ctx, act_police)},
        {"Unidentified Communal Militia ({country})",
         offsetof(veille_ctx, act_communal)},
        {"Military Forces of {country} ({era})",
         offsetof(veille_ctx, act_military)},
    };
    for (size_t i = 0; i < lex_entry_count(ctx->lex); i++) {
        const lex_entry *e = lex_entry_at(ctx->lex, i);
        const char *n = e->kind == LEX_ACTOR ? lex_attr_get(e, "name") : NULL;
        if (!n || lex_attr_get(e, "country"))
            continue;
        for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
            const lex_entry **slot =
                (const lex_entry **)((char *)ctx + want[k].off);
            if (!*slot && strcmp(n, want[k].name) == 0)
                *slot = e;
        }
    }
}

int veille_ctx_new(veille_ctx **out, const veille_options *opts)
{
    *out = NULL;
    veille_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return VEILLE_ENOMEM;
    *out = ctx;
    ctx->dict_dir = pick_dir(opts ? opts->dict_dir : NULL, "VEILLE_DICT",
                             VEILLE_DEFAULT_DICT);
    ctx->data_dir = pick_dir(opts ? opts->data_dir : NULL, "VEILLE_DATA",
                             VEILLE_DEFAULT_DATA);
    if (!ctx->dict_dir || !ctx->data_dir) {
        set_err(&ctx->err, "out of memory");
        return VEILLE_ENOMEM;
    }
    ctx->lex = lex_load(ctx->dict_dir, lex_report, &ctx->err);
    if (!ctx->lex)
        return VEILLE_EPARSE;
    find_defaults(ctx);
    /* The gazetteer is optional: without it, events have no place. */
    char path[4096];
    snprintf(path, sizeof path, "%s/gazetteer.idx", ctx->data_dir);
    if (access(path, R_OK) == 0) {
        buf gerr = BUF_INIT;
        ctx->gaz = gaz_open(path, &gerr);
        if (!ctx->gaz) {
            set_err(&ctx->err, "%s", buf_cstr(&gerr));
            buf_free(&gerr);
            return VEILLE_EPARSE;
        }
        buf_free(&gerr);
    }
    return VEILLE_OK;
}

void veille_ctx_free(veille_ctx *ctx)
{
    if (!ctx)
        return;
    lex_free(ctx->lex);
    gaz_close(ctx->gaz);
    free(ctx->dict_dir);
    free(ctx->data_dir);
    buf_free(&ctx->err);
    free(ctx);
}

const char *veille_errmsg(const veille_ctx *ctx)
{
    if (!ctx)
        return "out of memory";
    return ctx->err.len ? ctx->err.ptr : "";
}

const char *veille_ctx_dict_dir(const veille_ctx *ctx) { return ctx->dict_dir; }
const char *veille_ctx_data_dir(const veille_ctx *ctx) { return ctx->data_dir; }

size_t veille_ctx_entry_count(const veille_ctx *ctx)
{
    return ctx->lex ? lex_entry_count(ctx->lex) : 0;
}

size_t veille_ctx_form_count(const veille_ctx *ctx)
{
    return ctx->lex ? lex_form_count(ctx->lex) : 0;
}

typedef struct {
    veille_report_fn fn;
    void *user;
    int n;
} check_state;

static void check_report(void *user, const char *file, long line,
                         const char *msg)
{
    check_state *st = user;
    st->n++;
    if (st->fn)
        st->fn(st->user, file, line, msg);
}

int veille_dict_check(const char *dir, veille_report_fn report, void *user)
{
    check_state st = {report, user, 0};
    lexicon *lx = lex_load(dir, check_report, &st);
    lex_free(lx);
    return st.n;
}
