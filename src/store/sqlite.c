/*
 * sqlite.c — the SQLite backend.  PLACEHOLDER: replaced by the real backend in
 * the next commits; until then opening a SQLite store is an error.
 */
#include "store_impl.h"

static int open_(store *s, const char *where)
{
    return store_fail(s, "%s: the SQLite store is not built yet", where);
}
static void close_(store *s) { (void)s; }

const store_ops store_sqlite_ops = {
    .name = "sqlite",
    .open = open_,
    .close = close_,
};
