/*
 * pg.c — the PostgreSQL backend.  PLACEHOLDER: replaced by the real backend in
 * the next commits; until then opening a PostgreSQL store is an error.
 */
#include "store_impl.h"

static int open_(store *s, const char *where)
{
    return store_fail(s, "%s: the PostgreSQL store is not built yet", where);
}
static void close_(store *s) { (void)s; }

const store_ops store_pg_ops = {
    .name = "postgresql",
    .open = open_,
    .close = close_,
};
