/*
 * geoint.h — what the files of src/geo/ share and nobody else sees: the
 * name folder, the importer's string pool, the GeoNames line parsers, and
 * the builder that import.c fills, build.c sorts and links, and write.c
 * writes.
 */
#ifndef VEILLE_GEO_INT_H
#define VEILLE_GEO_INT_H

#include <stdint.h>

#include "../core/internal.h"
#include "../text/text.h"
#include "format.h"
#include "geo.h"

/* ---- folding (fold.c) ---- */

/* Reusable state for folding many names (the importer folds millions). */
typedef struct folder {
    arena mem; /* tokens of one name, reset for the next */
    buf tok;   /* their folded forms */
} folder;

void folder_init(folder *f);
void folder_free(folder *f);
/* Appends the folded key of s to out (see geo.h); 0, or -1 out of
 * memory. */
int folder_fold(folder *f, const char *s, size_t n, buf *out);
/* Copies s to out (n bytes) with inner hyphens turned into spaces;
 * returns how many were turned. */
size_t unhyphen(const char *s, size_t n, char *out);
/* Copies s to out with each inner "-n-" joined to the word before it
 * ("ti-n-zaouatene" → "tin-zaouatene"); returns the new length, or 0 when
 * there was none (out is then unspecified). */
size_t join_n(const char *s, size_t n, char *out);
/* Copies s to out with a word-initial Tamasheq "i-n-"/"ti-n-" ("of")
 * written as the press also writes it: run into the name (drop 0:
 * "i-n-tillit" → "intillit", "ti-n-ama" → "tinama") or, for "i-n-",
 * cut to its prenasal (drop 1: "ntillit").  Returns the new length, or 0
 * when the name has no such opening. */
size_t tamasheq_in(const char *s, size_t n, int drop, char *out);
/* Copies s to out with "n'"/"m'" at the start of a word followed by a
 * space, as the tokenizer cuts an elision; returns the new length (at
 * most 2n), or 0 when there was none. */
size_t split_elision(const char *s, size_t n, char *out);
/* Copies s to out with the prenasal "n"/"m" that starts a word before a
 * consonant written another way: sep '\'' or ' ' puts it there
 * ("nguigmi" → "n'guigmi", "n guigmi"), sep 0 takes an apostrophe or a
 * space there away ("n'guigmi", "n guigmi" → "nguigmi").  Returns the new
 * length (at most 2n), or 0 when there was none. */
size_t prenasal(const char *s, size_t n, char sep, char *out);

/* ---- string pool with interning (pool.c) ---- */

#define SPOOL_FAIL 0xFFFFFFFFu

/* Strings stored once each, by id; id 0 is "".  The text stays below
 * 4 GiB so that the index can use 32-bit offsets. */
typedef struct spool {
    buf text;       /* the strings, each NUL-terminated */
    uint32_t *offs; /* offs[id]: offset of string id in text */
    uint32_t n, cap;
    uint32_t *slots; /* open addressing: id + 1, 0 when empty */
    uint32_t nslots; /* a power of two */
} spool;

int spool_init(spool *p);
void spool_free(spool *p);
/* Id of s (n bytes, no NUL inside), added if new; SPOOL_FAIL when out of
 * memory or past 4 GiB. */
uint32_t spool_intern(spool *p, const char *s, size_t n);
/* Id of s, or SPOOL_FAIL when it is not in the pool. */
uint32_t spool_find(const spool *p, const char *s, size_t n);

static inline const char *spool_str(const spool *p, uint32_t id)
{
    return p->text.ptr + p->offs[id];
}

/* ---- GeoNames lines (parse.c) ---- */

typedef enum gfile_kind {
    GF_UNKNOWN,
    GF_MAIN,    /* geoname table: cities500.txt, ML.txt, allCountries.txt */
    GF_ADMIN1,  /* admin1CodesASCII.txt */
    GF_ADMIN2,  /* admin2Codes.txt */
    GF_COUNTRY, /* countryInfo.txt */
} gfile_kind;

const char *gfile_kind_name(gfile_kind k);
/* By the file's base name; GF_UNKNOWN when the name says nothing. */
gfile_kind gfile_kind_by_name(const char *path);
/* By the fields of a data line; GF_UNKNOWN when no shape fits. */
gfile_kind gfile_kind_by_fields(char *const *f, size_t nf);

#define GEONAMES_FIELDS 19

/* Cuts line at its tabs, in place; f receives up to max fields.  Returns
 * the number of fields in the line (which may be more than max). */
size_t split_tabs(char *line, char **f, size_t max);

/* A row of a main table, fields pointing into the line. */
typedef struct grow {
    uint32_t geonameid;
    const char *name, *asciiname, *altnames;
    double lat, lon;
    char fclass;
    const char *fcode, *cc, *admin[3];
    uint32_t population; /* capped at UINT32_MAX */
} grow;

/* Returns NULL when the row is well formed, else what is wrong. */
const char *parse_main(char *const *f, size_t nf, grow *out);
/* admin1CodesASCII / admin2Codes: code ("ML.10", "ML.10.7701465"), name. */
const char *parse_code(char *const *f, size_t nf, int level, const char **code,
                       const char **name);

typedef struct gcountry_row {
    const char *iso, *iso3, *name, *capital;
    int isonum;
} gcountry_row;

const char *parse_country(char *const *f, size_t nf, gcountry_row *out);

/* Is the alternate name a of no use for matching (URL, airport code…)?
 * name and asciiname are the place's own, which a code may equal. */
int alt_skipped(const char *a, size_t n, const char *name,
                const char *asciiname);
/* Does the folded key hold a Latin letter? */
int key_has_letter(const char *k, size_t n);

/* ---- the builder (import.c, build.c, write.c) ---- */

/* A place as read. */
typedef struct bplace {
    uint32_t geonameid;
    float lat, lon;
    uint32_t pop;
    uint32_t name;         /* pool id */
    uint32_t akey[3];      /* pool ids of "ML.10", "ML.10.x", "ML.10.x.y"; 0 */
    uint32_t seq;          /* order read: of one geonameid, the last wins */
    uint32_t out_admin[3]; /* after build: admin table indexes, GZ_NONE */
    uint32_t out_country;  /* after build: country index, GZ_NONE */
    char fcode[8];
    char cc[2];
    char fclass;
} bplace;

/* A folded name of a place: pool id of the key, place index. */
typedef struct bname {
    uint32_t key;
    uint32_t place;
} bname;

/* An admin code's name; from the code files (prio 2) or from an ADM1/2/3
 * feature of a main table (prio 1). */
typedef struct bcode {
    uint32_t key, name, prio, seq;
    uint32_t fold;          /* admin1: pool id of the folded name */
    uint32_t best, nplaces; /* admin1: after build */
} bcode;

typedef struct bcountry {
    char iso[2], iso3[3];
    int isonum;
    uint32_t name, capital; /* pool ids */
    uint32_t best, nplaces; /* after build */
    uint32_t nfeatures;     /* after build: places that are not towns or
                               admin areas (wells, wadis, hills) */
    uint32_t seq;
} bcountry;

/* A slot of the key table, as in the file (format.h): first name entry,
 * and tag and flags; info 0 when empty. */
typedef struct bkey {
    uint32_t name, info;
} bkey;

/* A growable array of T: ARR(T) name; */
#define GARR(T)                                                                \
    struct {                                                                   \
        T *v;                                                                  \
        size_t n, cap;                                                         \
    }

typedef struct builder {
    spool pool;
    GARR(bplace) places;
    GARR(bname) names;
    GARR(bcode) codes[3]; /* admin1, admin2, admin3 */
    GARR(bcountry) countries;
    bkey *keys;      /* the key table, after build */
    uint32_t nslots; /* its size */
    folder fold;
    buf tmp, key;
    gaz_import_stats st;
    const gaz_import_opts *o;
} builder;

/* Makes room for one more element; 0 or -1. */
int garr_grow(void **v, size_t *cap, size_t n, size_t size);
#define GARR_PUSH(a)                                                           \
    (garr_grow((void **)&(a).v, &(a).cap, (a).n, sizeof *(a).v)                \
         ? NULL                                                                \
         : &(a).v[(a).n++])

/* Reports a problem through the import's callback (printf-style). */
void breport(builder *b, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Dedupes places, links admin and country tables, sorts the names, finds
 * the best places, makes the key table.  0, or -1 out of memory
 * (reported). */
int build_index(builder *b);
/* Writes the built index to path through a temporary file.  0 or -1
 * (reported). */
int write_index(builder *b, const char *path);

/* ---- the mapped index (open.c, lookup.c, info.c) ---- */

struct gaz {
    void *map;
    size_t size;
    const unsigned char *sec[GZ_NSECT]; /* start of each section */
    uint32_t n[GZ_NSECT];               /* records (bytes for strings) */
    int deep;                           /* some country has GZ_COUNTRY_DEEP */
};

/* String at offset off of the pool; "" for an offset out of bounds (a
 * corrupt index gives wrong answers, never a read outside the mapping:
 * open.c checked that the pool ends with a NUL). */
static inline const char *gz_str(const gaz *g, uint32_t off)
{
    return off < g->n[GZ_S_STRINGS] ? (const char *)g->sec[GZ_S_STRINGS] + off
                                    : (const char *)g->sec[GZ_S_STRINGS];
}

static inline const unsigned char *gz_rec(const gaz *g, int s, uint32_t i)
{
    return g->sec[s] + (size_t)i * gz_record_size(s);
}

/* Was the country of record cr (the countries section) imported in depth? */
static inline int gz_country_deep(const unsigned char *cr)
{
    return (gz_le32(cr + 28) & GZ_COUNTRY_DEEP) != 0;
}

/* Fills out from place i (which must be < n[GZ_S_PLACES]). */
void gz_fill_place(const gaz *g, uint32_t i, gaz_place *out);

#endif
