/*
 * xdoc.h — what the extract stage knows about the article being coded:
 * its tokens, the dictionary matches indexed by token, the publication
 * date, the focus country.  Shared by the files of extract/ (private).
 */
#ifndef VEILLE_XDOC_H
#define VEILLE_XDOC_H

#include <stdint.h>
#include <string.h>

#include "../core/internal.h"

/* Token flags set while reading the article. */
enum {
    XT_DATE = 1, /* part of a date expression: not a count */
    XT_USED = 2, /* a number already read as a count */
};

typedef struct xdoc {
    veille_coder *c;
    const veille_article *a;
    const textdoc *d;
    const lexicon *lx;
    const lex_match *m;
    size_t nm;
    int32_t *first; /* per token: its first match, or -1 */
    uint32_t *kinds; /* per token: bit k set when a match of kind k starts there */
    uint8_t *tf;    /* per token: XT_* */
    int lang;       /* LANG_FR or LANG_EN */
    long pub;       /* publication date in days since 1970-01-01, or NO_DATE */
    int pub_derived; /* pub was read from the text: no weekday counts from it */
    int pub_month;  /* only the month was published: pub is its last day */
    long anchor;    /* the text's latest full date ("le 12 septembre"), or
                     * NO_DATE: where a bare weekday counts from when the
                     * publication day is unknown */
    const lex_entry *country; /* the focus country, or NULL */
    int country_weak;         /* …named only as people's nationality
                               * ("a Chinese engineer was seized") */
    struct xplace *places;    /* every place name, in text order */
    size_t nplaces;
} xdoc;

#define NO_DATE (-2147483647L - 1)

/* Builds the per-token index.  Returns 0 or -1 (out of memory). */
int xdoc_init(xdoc *x, veille_coder *c, const veille_article *a,
              const lex_match *m, size_t nm, int lang,
              const veille_code_options *opts);

/* The first match of that kind starting at token t, or NULL.  Called for
 * nearly every token and kind: the test of the token's kinds is inline. */
const lex_match *x_at_first(const xdoc *x, size_t t, int kind);
static inline const lex_match *x_at(const xdoc *x, size_t t, int kind)
{
    if (t >= x->d->ntok || !(x->kinds[t] >> kind & 1))
        return NULL;
    return x_at_first(x, t, kind);
}
/* The index in x->m of the first match that starts in tokens [lo, hi),
 * or x->nm: a loop over one sentence's matches starts there and stops at
 * the first match starting at hi (a huge article stays linear). */
size_t x_first_match(const xdoc *x, size_t lo, size_t hi);
/* Does match m open sentence s as a heading ("Movement of forces: …",
 * "Looting: …"): among its first four tokens, followed by ':'? */
int x_heading(const xdoc *x, const sentence *s, const lex_match *m);
/* A match of that kind that ends at token t, or NULL. */
const lex_match *x_ending(const xdoc *x, size_t t, int kind);
/* Does a match of that kind end at token t? */
int x_at_end(const xdoc *x, size_t t, int kind);
/* The entry of a match. */
static inline const lex_entry *x_entry(const xdoc *x, const lex_match *m)
{
    return lex_entry_at(x->lx, m->entry);
}
/* Is e ACLED's actor for nobody named ("Unidentified Armed Group …")? */
static inline int x_unidentified(const lex_entry *e)
{
    const char *n = lex_attr_get(e, "name");
    return n && strncmp(n, "Unidentified", 12) == 0;
}
/* The ISO code of country entry c in upper case, as the gazetteer writes
 * it ("ML"); "" when c is NULL. */
static inline void x_country_cc(const lex_entry *c, char cc[3])
{
    cc[0] = c ? (char)(c->id[0] & ~32) : 0;
    cc[1] = c ? (char)(c->id[1] & ~32) : 0;
    cc[2] = 0;
}
/* Is token t's folded text s?  Inline, so that the length of a literal s
 * is known when compiling; the first byte settles most calls. */
static inline int x_is(const xdoc *x, size_t t, const char *s)
{
    if (t >= x->d->ntok)
        return 0;
    const token *k = &x->d->toks[t];
    const char *f = tok_fold(x->d, k);
    if (!k->flen || f[0] != s[0])
        return 0;
    size_t n = strlen(s);
    return k->flen == n && memcmp(f, s, n) == 0;
}
/* Is token t's folded text one of the NULL-terminated list?  list must be
 * a static array that never changes: x_in keeps, per list, a filter of
 * its words' hashes, found again by the list's address. */
int x_in(const xdoc *x, size_t t, const char *const *list);
/* Byte span of tokens [first, first+count). */
void x_span(const xdoc *x, size_t first, size_t count, uint32_t *off,
            uint32_t *len);

/* ---- numbers (numbers.c) ---- */

/* A count at token t: digits ("12", "1 200") or number words ("douze",
 * "une dizaine", "vingt-cinq", "deux cents").  Returns the value, or -1;
 * *end is the token after it. */
long x_number(const xdoc *x, size_t t, size_t limit, size_t *end);

/* Fatalities reported in sentence s: the sum of the killed counts it
 * gives, -1 when it gives none; ev_first and ev_count: the evidence.
 * crowd: the event is a protest or riot, whose cause ("against the
 * killing of two students") is not its toll. */
long x_fatalities(xdoc *x, size_t s, int crowd, uint32_t *ev_first,
                  uint32_t *ev_count);
/* The count a report's coder states for sentence s ("Unknown fatalities
 * coded as 10"), which replaces the incident's own, else -1. */
long x_coded_fatalities(xdoc *x, size_t s, uint32_t *ev_first,
                        uint32_t *ev_count);
/* The share of `toll` this event gets when the article says its coder
 * split it between events ("Fatalities split across three events"): the
 * figure given for the event's place (named by tokens [place_first,
 * place_first + place_count); count 0: no place) if any, else the toll
 * divided by the number of events (2 when unsaid), rounded up; or, for
 * a toll told over several days in its sentence, divided by the days.
 * Returns toll when the article splits nothing, or when the toll was read
 * (token `at`) from the sharing clause itself. */
long x_split_toll(const xdoc *x, long toll, size_t at, size_t place_first,
                  size_t place_count);

/* ---- dates (dates.c) ---- */

typedef struct xdate {
    long day;  /* days since 1970-01-01 */
    long end;  /* last day of a range, or NO_DATE */
    int prec;  /* ACLED's time_precision: 1 day, 2 week, 3 month */
    uint32_t first, count; /* evidence tokens */
} xdate;

/* The first date expression in tokens [from, to).  Returns 1 when found. */
int x_date(xdoc *x, size_t from, size_t to, xdate *out);
/* Civil date <-> days since 1970-01-01. */
long days_from_civil(long y, int m, int d);
void civil_from_days(long z, long *y, int *m, int *d);
/* "YYYY-MM-DD" → days, or NO_DATE. */
long parse_iso_date(const char *s, size_t n);

#endif

/* ---- actors (actors.c) ---- */

/* The article's focus country: the country most named, through country
 * names and demonyms and the actors that belong to one country. */
void x_focus_country(xdoc *x);
/* ACLED's name for actor entry e on day `day` (NO_DATE: today's era):
 * {country} and {era} filled in.  In the coder's arena. */
veille_str x_actor_name(xdoc *x, const lex_entry *e, long day);
/* The associated actor that goes with e at that date: its own name when
 * ACLED codes it under the coalition it joined (`joined`: Katiba Macina
 * under JNIM in 2018), the coalition when ACLED codes it under its own
 * name (`member_of`: JNIM beside Katiba Macina from 2020), else NULL. */
const char *x_actor_assoc(xdoc *x, const lex_entry *e, long day);
/* The associated actor that a kind of person brings (`assoc`): "Students
 * ({country})" for pupils, "Government of {country} ({era})" for a mayor;
 * ptr NULL when e has none. */
veille_str x_kind_assoc(xdoc *x, const lex_entry *e, long day);
/* ACLED's inter code of an actor entry, as written in the dictionary. */
int x_inter(const lex_entry *e);
/* The same, for this article: a state's forces are 1 in their own
 * country and 8 in another. */
int x_inter_at(const xdoc *x, const lex_entry *e);
/* Is inter code `in` an armed side's: state forces, rebels, political or
 * identity militias, external forces (1-4, 8)? */
static inline int x_armed_inter(int in)
{
    return (in >= 1 && in <= 4) || in == 8;
}

/* One mention of an actor: adjacent actor words are one mention, named
 * by the most specific ("JNIM militants" is JNIM); "JNIM or ISGS
 * militants" gives an alternative (ACLED's "A and/or B"). */
typedef struct xmention {
    const lex_match *m;   /* NULL: none */
    const lex_match *alt; /* the "or" alternative, or NULL */
    uint32_t first, count; /* the whole mention's tokens */
} xmention;

/* Roles in sentence s around the trigger match trig: actor1 (the one who
 * acts) and actor2 (the one acted upon), from shallow syntax: active "X a
 * frappé Y", passive "Y a été visé par X", nominal "frappes de X contre
 * Y", "clashes between X and Y".  Either may be empty (m NULL). */
void x_roles(const xdoc *x, size_t s, const lex_match *trig, xmention *a1,
             xmention *a2);
/* Mention m now names actor entry `id` (its words unchanged); nothing
 * when id is NULL, empty or unknown. */
void x_recast(xdoc *x, xmention *m, const char *id);
/* A generic label that stands for one movement in the focus country at
 * that date (`means.XX`: "the rebels" of Mali in 2012 are the MNLA):
 * m's entry becomes that movement's. */
void x_stands_for(xdoc *x, xmention *m, long day);

/* ---- claims (claims.c) ---- */

typedef struct xclaim {
    const char *certainty;     /* stated claimed hedged denied */
    uint32_t cert_first, cert_count; /* evidence of the certainty word */
    const lex_match *claimant; /* an actor, or NULL */
    uint32_t who_first, who_count; /* the claimant's words */
} xclaim;

/* Who says it and how sure the wording is, in sentence s. */
void x_claim(const xdoc *x, size_t s, xclaim *out);

/* ---- notes (notes.c) ---- */

/* ACLED's `notes`: one sentence that sums the event up from its fields,
 * in the article's language.  Returns 0 or -1 (out of memory). */
int x_notes(xdoc *x, veille_event *e);

/* ---- places (places.c) ---- */

typedef struct xplace {
    uint32_t first, count; /* the name's tokens */
    int prec;              /* ACLED's geo_precision: 1, 2 (near), 3 (region) */
    int has;               /* a gazetteer place was chosen */
    int hinted;            /* bracketed admin names follow it: "X (A, B)" */
    int coded;             /* the report says where it codes the event:
                              "(coded as Boni at geoprecision 2)" */
    int named;             /* a village the gazetteer lacks under that
                              spelling, named as the text says, at a place
                              spelt one or two letters away, else at
                              another place's coordinates */
    int route;             /* 1: first of "between A and B", "reliant A à
                              B"; 2: the second, which a report codes
                              only when the first is unknown */
    uint32_t part_off;     /* part_len > 0: the name is only these bytes */
    uint32_t part_len;     /* of the text ("Pama" of "Pama-Madjoari") */
    struct gaz_place *p;   /* the chosen place (in the arena) */
} xplace;

/* Reads every place name of the article and chooses, for each, the
 * gazetteer entry that fits (focus country, admin names given nearby,
 * feature class, population); refines the focus country with them.
 * Without a gazetteer, finds nothing. */
int x_places(xdoc *x);
/* The place for an event read from sentence s around token t: the
 * nearest in that sentence (one with bracketed admin names first, the
 * first of "between A and B", a region last), else NULL. */
const xplace *x_place_in(const xdoc *x, size_t s, size_t t);
/* The article's first place, or NULL. */
const xplace *x_place_first(const xdoc *x);
/* The stronghold of actor entry e in the country cc (upper case; NULL: any
 * country): the town its `stronghold` attribute names there ("NE:Agadez"),
 * found in the gazetteer.  Returns 1 and fills *out, else 0. */
int x_stronghold(xdoc *x, const lex_entry *e, const char *cc,
                 struct gaz_place *out);
/* Frees what x_places keeps in a coder across articles (its gazetteer
 * answers and near-spelling lists); NULL is fine. */
void x_geo_memo_free(struct geo_memo *m);
