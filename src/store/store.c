/*
 * store.c — opening a store: the backend is chosen by the address
 * (postgresql:// or postgres:// → PostgreSQL, anything else is a SQLite
 * file), then every call goes through its table of functions.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_impl.h"

static int is_pg_uri(const char *where)
{
    return strncmp(where, "postgresql://", 13) == 0 ||
           strncmp(where, "postgres://", 11) == 0;
}

/* The address for messages: a URI's password (user:secret@) becomes
 * user:***@. */
static void redact(char *dst, size_t cap, const char *where)
{
    snprintf(dst, cap, "%s", where);
    char *scheme = strstr(dst, "://");
    if (!scheme)
        return;
    char *auth = scheme + 3;
    char *at = strchr(auth, '@');
    char *colon = strchr(auth, ':');
    if (at && colon && colon < at) {
        char rest[256];
        snprintf(rest, sizeof rest, "%s", at);
        snprintf(colon, cap - (size_t)(colon - dst), ":***%s", rest);
    }
}

int store_fail(store *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
    return VEILLE_EIO;
}

int store_open(store **out, const char *where, char *err, size_t errlen)
{
    *out = NULL;
    if (!where || !*where) {
        snprintf(err, errlen, "no database given");
        return VEILLE_EINVAL;
    }
    store *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "%s: out of memory", where);
        return VEILLE_ENOMEM;
    }
    s->ops = is_pg_uri(where) ? &store_pg_ops : &store_sqlite_ops;
    redact(s->where, sizeof s->where, where);
    int rc = s->ops->open(s, where);
    if (rc != VEILLE_OK) {
        snprintf(err, errlen, "%s", s->err[0] ? s->err : veille_strstatus(rc));
        s->ops->close(s);
        free(s);
        return rc;
    }
    *out = s;
    return VEILLE_OK;
}

void store_close(store *s)
{
    if (!s)
        return;
    s->ops->close(s);
    free(s);
}

const char *store_errmsg(const store *s) { return s ? s->err : "no store"; }

int store_query(store *s, const store_filter *f, store_event_fn fn,
                void *user)
{
    static const store_filter none;
    return s->ops->query(s, f ? f : &none, fn, user);
}
