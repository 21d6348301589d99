/*
 * resolve.h — resolution across articles: is a newly coded event one that
 * the store already holds (reported by another article), and if so, what
 * the merged event is.  Pure functions on rec_event: the ingest flow
 * (src/store/ingest.c) asks the store for candidates (same event_type,
 * event_date ±1 day), picks the best with resolve_best and merges with
 * resolve_merge.
 *
 * Same event, all of:
 *   - same event_type;
 *   - event_date within one day;
 *   - same place: same geonameid, or the same location name (case
 *     ignored), or both with coordinates within RESOLVE_KM;
 *   - compatible actors: each side equal (case ignored) or unknown on one
 *     side (empty or ACLED's "Unidentified …"), actor1/actor2 either way
 *     round;
 *   - and the stored event has no source from the newcomer's article (the
 *     coder already kept an article's events apart).
 */
#ifndef VEILLE_RESOLVE_H
#define VEILLE_RESOLVE_H

#include "../store/record.h"

#define RESOLVE_KM 10.0

/* How well newcomer n matches stored event c: 0 not the same event, else
 * a score (higher is closer: same place id, same date, same actors…). */
int resolve_match(const rec_event *c, const rec_event *n);

/* The index of the best match for n among cand[0..ncand) (the first of
 * equals, so callers pass candidates in a stable order), or -1. */
long resolve_best(const rec_event *cand, size_t ncand, const rec_event *n);

/* Merges newcomer n into c (c->id is kept):
 *   - n's sources are appended, except an article already among c's;
 *   - fatalities: ACLED's conservative figure, the lowest figure any
 *     source gives ("" figures — no figure — do not count); each source
 *     keeps its own;
 *   - date: the more precise of the two (lower time_precision), else the
 *     earlier; year and time_precision follow it; the later date_end;
 *   - place: the more precise one (lower geo_precision) wins whole;
 *   - an unknown actor (empty, "Unidentified …") is replaced by the
 *     other's named one, with its inter code; interaction follows;
 *   - source: the outlets, "; "-separated, each once;
 *   - any other field still empty is taken from n. */
int resolve_merge(rec_event *c, const rec_event *n);

/* Helpers, exposed for the ingest flow and the tests. */
/* ymd + days into out ("YYYY-MM-DD"); -1 when ymd is not a date. */
int resolve_date_add(const char *ymd, int days, char out[11]);
/* Days from a to b (b - a); 0 and *ok = 0 when either is not a date. */
long resolve_date_diff(const char *a, const char *b, int *ok);
/* An actor that names nobody: "" or ACLED's "Unidentified …". */
int resolve_actor_unknown(const char *actor);

#endif
