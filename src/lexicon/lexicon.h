/*
 * lexicon.h — the recognize stage's dictionaries and matcher.
 *
 * Dictionary files (format in data/README.md) load into a lexicon: entries
 * (canonical id, kind, class, languages, attributes) and their surface
 * forms, compiled into one trie over folded token sequences.  The matcher
 * walks an article's tokens once and reports, at each token, the longest
 * form that starts there; a form's word ending in '*' matches any token
 * that begins with it.  No pattern is tried token by token.
 */
#ifndef VEILLE_LEXICON_H
#define VEILLE_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/buf.h"
#include "../text/text.h"

typedef enum lex_kind {
    LEX_TRIGGER,
    LEX_ACTOR,
    LEX_HEDGE,
    LEX_REPORT,
    LEX_CASUALTY,
    LEX_NUMBER,
    LEX_MONTH,
    LEX_WEEKDAY,
    LEX_RELTIME,
    LEX_MATERIEL,
    LEX_PLACE,
    LEX_COUNTRY,
    LEX_OUTLET,  /* a news outlet; CLASS its home country; not in the trie */
    LEX_KIND_COUNT
} lex_kind;

enum { LANG_FR = 1, LANG_EN = 2, LANG_ANY = 3 };

typedef struct lex_attr {
    const char *key, *value;
} lex_attr;

typedef struct lex_entry {
    const char *id;    /* canonical id */
    const char *cls;   /* class, as written */
    long num;          /* class as a number where it is one, else 0 */
    uint8_t kind;      /* lex_kind */
    uint8_t langs;     /* LANG_* of all its lines */
    uint16_t nattr;
    lex_attr *attrs;
    const char *file;  /* where it was first defined, for messages */
    long line;
} lex_entry;

typedef struct lexicon lexicon;

/* Called for each problem: file, line (0 when none), message. */
typedef void (*lex_report_fn)(void *user, const char *file, long line,
                              const char *msg);

/* Loads index.txt under dir (every file it includes).  Every malformed
 * line is reported; returns NULL on any problem (or out of memory, which
 * is reported too). */
lexicon *lex_load(const char *dir, lex_report_fn report, void *user);
/* Loads one file (and what it includes) — for tests and tools. */
lexicon *lex_load_file(const char *path, lex_report_fn report, void *user);
void lex_free(lexicon *lx);

size_t lex_entry_count(const lexicon *lx);
size_t lex_form_count(const lexicon *lx);
const lex_entry *lex_entry_at(const lexicon *lx, size_t i);
const char *lex_attr_get(const lex_entry *e, const char *key);
/* Index of the entry of that kind and id, or -1. */
long lex_find(const lexicon *lx, int kind, const char *id);
/* The outlet entry whose name is the raw string s[0..n) ("Sidwaya",
 * "L'Observateur Paalga"), compared as forms are (case and accents aside),
 * or NULL.  a and fold are scratch space. */
const lex_entry *lex_find_outlet(const lexicon *lx, const char *s, size_t n,
                                 arena *a, buf *fold, buf *key);
const char *lex_kind_name(int kind);

/* One recognized form: tokens [first, first+count) of the document. */
typedef struct lex_match {
    uint32_t first, count;
    uint32_t entry; /* index of the entry */
    uint8_t kind;
    uint8_t wild;   /* the form used a '*' stem */
} lex_match;

/* Finds, for every token, the longest form that starts there and applies
 * to lang (LANG_FR/LANG_EN), then keeps the leftmost-longest matches that
 * do not overlap.  Every entry with a form of that length gives a match
 * (an exact form and a stem alike: "arrested" the casualty word and
 * arrest* the trigger), in the order of the trie; the extract stage
 * chooses among them.  Results go to an arena array in *out.  Returns the number of
 * matches, or -1 when out of memory. */
long lex_match_doc(const lexicon *lx, const textdoc *doc, int lang, arena *a,
                   lex_match **out);

#endif
