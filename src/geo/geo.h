/*
 * geo.h — the gazetteer (the geo stage): GeoNames files compiled once into
 * a binary index that is mmap'd, then looked up by folded place names.
 *
 *   import  gaz_import reads GeoNames main tables (cities500.txt, ML.txt,
 *           allCountries.txt…), admin1CodesASCII.txt, admin2Codes.txt and
 *           countryInfo.txt, and writes one index file (format.h);
 *   open    gaz_open maps the index and checks its header: no parsing, so
 *           opening costs the same whatever the size of the gazetteer;
 *   lookup  by folded name and by name prefix (multi-word names): a hash
 *           table of keys over a sorted name table; country and admin1
 *           centroids.
 *
 * Folded names.  A name is indexed as the folded tokens text_tokenize makes
 * of it, joined with one space: "Anéfis" → "anefis", "N'Goutjina" →
 * "n'goutjina", "Ti-n-Zaouâtene" → "ti-n-zaouatene", "Vallée de l’Azaouak"
 * → "vallee de l' azaouak" (an elision is a token of its own).  A name with
 * inner hyphens is also indexed with spaces instead ("ti n zaouatene",
 * "i n tillit"), and a query with inner hyphens that finds nothing is tried
 * again that way, so that "In-Tillit" in an article finds GeoNames' "In
 * Tillit".  GeoNames writes Tamasheq names with a detached "-n-" ("I-n-
 * Tillit", "Ti-n-Zaouâtene") where the press writes "In-Tillit", "Tin
 * Zaouatene": such names are also indexed with the "n" joined to the word
 * before it ("in-tillit", "in tillit", "tin-zaouatene", "tin zaouatene").
 * And "N'Goutjina" is one token but "N'goutjina" is the elision "n'" and
 * "goutjina": names with "n'"/"m'" starting a word are also indexed as
 * "n' goutjina".
 * gaz_fold() makes the key for a raw name.
 *
 * Indexed for each place: its name, its ASCII name, and its alternate names
 * except those that are of no use to match French or English text: empty
 * ones, URLs, names with no Latin letter once folded (other scripts, pure
 * numbers, postal codes), names of more than GAZ_MAX_KEY bytes once folded,
 * and codes of 2 to 4 upper-case ASCII letters (IATA "BKO", ICAO "GABS":
 * they would turn acronyms in the press, "ONU", "EIGS", into places) unless
 * the code is also the place's name.
 *
 * The same geonameid in several files (cities500.txt and ML.txt) is one
 * place: the record of the last file read is kept, and the names of all
 * are merged.
 *
 * Ownership: a gaz from gaz_open is freed by gaz_close; the strings of a
 * gaz_place point into the mapping and live until gaz_close.  A gaz is
 * read-only and may be shared by threads.
 */
#ifndef VEILLE_GEO_H
#define VEILLE_GEO_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../core/buf.h"

typedef struct gaz gaz;

/* The index's file name inside the data folder (veille_ctx_data_dir). */
#define GAZ_INDEX_NAME "gazetteer.idx"

/* Longest folded name indexed, in bytes (keys longer are not indexed). */
#define GAZ_MAX_KEY 255

typedef void (*gaz_report_fn)(void *user, const char *file, long line,
                              const char *msg);

/* Reads GeoNames files (any mix of main tables, admin1CodesASCII.txt,
 * admin2Codes.txt, countryInfo.txt — recognised by file name, else by
 * their columns) and writes the compiled index to out_path (a temporary
 * file in the same folder, renamed at the end).  A malformed line is
 * reported with its file and line and skipped; the import goes on.  A file
 * that cannot be read, or a failure to write, is reported (line 0) and
 * fails the import.  report may be NULL.  Returns the number of places
 * written, or -1. */
long gaz_import(const char *const *files, size_t nfiles, const char *out_path,
                gaz_report_fn report, void *user);

/* Progress during an import: bytes of the current file read so far. */
typedef void (*gaz_progress_fn)(void *user, const char *file, double done,
                                double total);

/* Figures of an import, for the command's summary. */
typedef struct gaz_import_stats {
    long lines;      /* data lines read (comments and blank lines aside) */
    long bad_lines;  /* malformed lines reported and skipped */
    long places;     /* places written */
    long duplicates; /* records merged with a same geonameid */
    long names;      /* (name, place) pairs in the index */
    long admin1, admin2, admin3, countries; /* table sizes */
} gaz_import_stats;

typedef struct gaz_import_opts {
    gaz_report_fn report;     /* problems; may be NULL */
    gaz_progress_fn progress; /* may be NULL */
    void *user;               /* passed to both */
    gaz_import_stats *stats;  /* filled when not NULL */
} gaz_import_opts;

/* gaz_import with a progress callback and figures. */
long gaz_import_with(const char *const *files, size_t nfiles,
                     const char *out_path, const gaz_import_opts *opts);

/* Maps the index; NULL with a message in err if it is absent or corrupt
 * (magic "VEILLEGZ", version, byte order, size and section bounds are
 * checked; nothing is parsed). */
gaz *gaz_open(const char *path, buf *err);
void gaz_close(gaz *g);

typedef struct gaz_place {
    uint32_t geonameid;
    float lat, lon;
    uint32_t population;
    char fclass;         /* GeoNames feature class: P, A, H, T, L, S… */
    char fcode[8];       /* feature code: PPL, PPLA, ADM1, WLL…; NUL-ended */
    char cc[3];          /* ISO country code, NUL-ended, "" if none */
    const char *name;    /* main name, inside the mapping */
    const char *admin1;  /* admin1 name ("Kidal"), "" if unknown */
    const char *admin2;  /* admin2 name, "" if unknown */
    const char *admin3;  /* admin3 name when the import had ADM3 features
                            for the code, else "" */
    const char *country; /* country name from countryInfo, "" if unknown */
    int iso_numeric;     /* from countryInfo, 0 if unknown */
    int deep;            /* its country was imported from a full dump (the
                            user's region), not only from cities500 */
} gaz_place;

/* Great-circle distance in km between two points (degrees). */
double gaz_km(double lat1, double lon1, double lat2, double lon2);

/* Appends to out the folded key of the raw name s (see the top of this
 * file): what gaz_lookup expects.  Returns 0, or -1 when out of memory. */
int gaz_fold(const char *s, size_t n, buf *out);

/* All places with that folded name.  Fills out[0..max) best population
 * first (then, of equal counts, the seat of the largest unit, populated
 * places, geonameid); returns the total count, which may be more than
 * max. */
size_t gaz_lookup(const gaz *g, const char *folded, size_t n, gaz_place *out,
                  size_t max);

/* Does any place's folded name start with these folded tokens?  1 if a
 * name equals it, 2 if it is a proper prefix of a longer name (followed by
 * a space), 3 both, 0 none.  For multi-word names: "in" → 3, "in tillit"
 * → 3, "in tillit x" → 0. */
int gaz_prefix(const gaz *g, const char *folded, size_t n);

/* A point for a country (geo_precision 3): its capital (countryInfo's
 * capital name, looked up among the country's populated places), else its
 * most populous populated place.  cc is "ML"; returns 1 and fills out, or
 * 0 when the country has no place. */
int gaz_country(const gaz *g, const char *cc, gaz_place *out);

/* Was some country imported from its full dump (gaz_place.deep)?  Then
 * the index has a region of interest, and a name found only abroad is
 * less likely a place of the report. */
int gaz_has_deep(const gaz *g);

/* The codes ("ML", NUL-ended) of up to max countries imported in depth, in
 * the index's order; returns how many were written. */
size_t gaz_deep_countries(const gaz *g, char (*cc)[3], size_t max);

/* A populated place of country cc ("ML") whose name starts with the same
 * two bytes and is one or two edits away from the folded name (two for names of 8 bytes or more; none for
 * names under 5): the closest, then the most populous.  For village names
 * that reports spell their own way ("Ogassagou", "Gourty").  Returns 1 and
 * fills *out, or 0. */
int gaz_lookup_near(const gaz *g, const char *folded, size_t n, const char *cc,
                    gaz_place *out);

/* gaz_lookup_near reads every name of the index with the query's first
 * two bytes.  A caller that asks often builds, once, the populated places
 * of every country by name (one pass over the names: a few ms, 8 bytes a
 * name) and asks gaz_near_in: same answer, a few names read instead of
 * thousands.  It belongs to the gaz it was built from and is freed
 * before it. */
typedef struct gaz_near_index gaz_near_index;
/* NULL when out of memory. */
gaz_near_index *gaz_near_index_new(const gaz *g);
void gaz_near_index_free(gaz_near_index *ix);
int gaz_near_in(const gaz *g, const gaz_near_index *ix, const char *cc,
                const char *folded, size_t n, gaz_place *out);

/* A point for an admin1 region ("région de Kidal"): the seat of the
 * admin1 (its PPLA, as ACLED codes a region-level event at the provincial
 * capital), else its most populous populated place, else its ADM1
 * feature.  The admin1 is the one whose folded name (from
 * admin1CodesASCII, or any name of its ADM1 feature: "kidal region") is
 * folded_admin1 (NUL-terminated), in country cc when cc is not NULL; when
 * several regions have that name, the one whose point is most populous.
 * Returns 1 and fills out, or 0. */
int gaz_admin1_by_name(const gaz *g, const char *cc, const char *folded_admin1,
                       gaz_place *out);

/* Number of places. */
size_t gaz_count(const gaz *g);
/* Number of (folded name, place) pairs. */
size_t gaz_name_count(const gaz *g);

/* Per-country place counts (most places first) and table sizes, for
 * `veille gazetteer info`. */
void gaz_info(const gaz *g, FILE *out);

#endif
