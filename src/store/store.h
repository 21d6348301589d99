/*
 * store.h — where events are kept: a SQLite file (default, ./veille.db) or
 * a PostgreSQL database (postgresql://… or postgres://…).  Same schema,
 * same results; the backend is chosen by the address given to store_open.
 *
 * This header is the contract between the store and its users (ingest,
 * `veille events`, the web page).  Backends implement it in sqlite.c and
 * pg.c; resolution of events across articles lives in src/resolve/.
 */
#ifndef VEILLE_STORE_H
#define VEILLE_STORE_H

#include <stddef.h>

#include "record.h"

typedef struct store store;

/* Opens (creating and migrating when needed) the store at `where`: a file
 * path, or a postgresql:// / postgres:// URI.  On failure returns a
 * negative veille_status and writes a message naming `where` into err. */
int store_open(store **out, const char *where, char *err, size_t errlen);
void store_close(store *s);
/* The last error's text (names the database and what failed). */
const char *store_errmsg(const store *s);

/* Filters of `veille events`; NULL / 0 means no filter.  Dates are
 * YYYY-MM-DD and inclusive; strings match exactly, except actor (either
 * actor or associated actor, case-insensitive substring) and source
 * (outlet of any of the event's sources, case-insensitive substring). */
typedef struct store_filter {
    const char *since, *until;
    const char *country, *admin1;
    const char *event_type, *sub_event_type;
    const char *actor, *source;
    int has_bbox;
    double west, south, east, north;
} store_filter;

/* Calls fn for each stored event matching f, in (event_date, id) order,
 * with its sources filled in.  fn returns 0 to go on, non-zero to stop
 * (that value is then returned).  The record is valid during the call. */
typedef int (*store_event_fn)(void *user, const rec_event *e);
int store_query(store *s, const store_filter *f, store_event_fn fn,
                void *user);

#endif
