/*
 * event.h — the event record: ACLED's fields under ACLED's names, then
 * veille's own.  The table in event.c gives each field its JSON type; the
 * comment on each field says which stage computes it.
 *
 * Values are views (veille_str) into the article's text, the dictionaries,
 * or the coder's arena: an event lives until its coder codes the next
 * article.  Numbers are kept as their text ("12"); empty means unknown.
 */
#ifndef VEILLE_CORE_EVENT_H
#define VEILLE_CORE_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "veille.h"

typedef enum event_field {
    EF_ARTICLE_ID,       /* read: the article's id */
    EF_EVENT_ID_CNTY,    /* extract/assemble.c: article id + "-" + n */
    EF_EVENT_DATE,       /* extract (issue 3): YYYY-MM-DD */
    EF_YEAR,             /* extract: from event_date */
    EF_TIME_PRECISION,   /* extract: 1 day, 2 week, 3 month */
    EF_DISORDER_TYPE,    /* extract/taxonomy.c, from the trigger's class */
    EF_EVENT_TYPE,       /* extract/taxonomy.c */
    EF_SUB_EVENT_TYPE,   /* extract/taxonomy.c */
    EF_ACTOR1,           /* extract (issue 3): canonical ACLED name */
    EF_ASSOC_ACTOR_1,
    EF_INTER1,
    EF_ACTOR2,
    EF_ASSOC_ACTOR_2,
    EF_INTER2,
    EF_INTERACTION,
    EF_CIVILIAN_TARGETING,
    EF_ISO,              /* geo (issue 4) */
    EF_REGION,
    EF_COUNTRY,
    EF_ADMIN1,
    EF_ADMIN2,
    EF_ADMIN3,
    EF_LOCATION,
    EF_LATITUDE,
    EF_LONGITUDE,
    EF_GEO_PRECISION,
    EF_SOURCE,           /* read: the article's outlet */
    EF_SOURCE_SCALE,
    EF_NOTES,            /* extract: one sentence summing the event up */
    EF_FATALITIES,       /* extract (issue 3) */
    EF_TAGS,
    EF_TIMESTAMP,
    EF_DATE_END,         /* veille: end of a date range */
    EF_PLOVER,           /* extract/taxonomy.c */
    EF_CAMEO,            /* extract/taxonomy.c */
    EF_ACTOR1_TEXT,      /* the source's own words for actor1 */
    EF_ACTOR2_TEXT,
    EF_MATERIEL,
    EF_CLAIMANT,
    EF_CERTAINTY,        /* extract/assemble.c: stated claimed hedged denied */
    EF_GEONAMEID,
    EF_LANG,             /* the language the article was coded in */
    EF_COUNT
} event_field;

typedef enum { EFT_STR, EFT_NUM } event_field_type;

typedef struct event_field_info {
    const char *name;
    event_field_type type;
    const char *key; /* "name": as it stands in JSON */
    size_t keylen;
    /* ,"name": padded with NULs, so that the JSON writer copies a fixed
     * 24 bytes (one or two moves, no memcpy call) and keeps keylen + 1 */
    char ckey[24];
} event_field_info;

extern const event_field_info event_fields[EF_COUNT];
/* Index of a field by name, or -1. */
int event_field_find(const char *name);

/* The evidence of one field: a byte span of the article's text. */
typedef struct evidence {
    uint8_t field; /* event_field */
    uint32_t off, len;
} evidence;

struct veille_event {
    veille_str v[EF_COUNT];
    const char *text;      /* the article's normalized text */
    uint32_t sent_off;     /* the event's main sentence */
    uint32_t sent_len;
    evidence *ev;          /* per-field evidence */
    uint32_t nev;
    const veille_str *sources; /* article ids that report it */
    uint32_t nsources;
    /* Internal: for ordering and merging inside an article. */
    uint32_t first_sent;
    int score;
};

#endif
