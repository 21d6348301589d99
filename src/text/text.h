/*
 * text.h — the normalize and segment stages.
 *
 * An article's text goes through, in order:
 *   1. text_clean_utf8: invalid bytes become U+FFFD, each one reported;
 *   2. text_nfc: Unicode NFC (a copy only when the text is not NFC already);
 *   3. text_tokenize: tokens with a folded form (case and accents removed)
 *      for matching, each keeping its byte span in the normalized text;
 *   4. text_sentences: sentence spans over the tokens;
 *   5. text_guess_lang: "fr" or "en" when the article does not say.
 * Offsets are byte offsets into the normalized text, the text that evidence
 * spans refer to (for well-formed NFC input, the input itself).
 */
#ifndef VEILLE_TEXT_H
#define VEILLE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/buf.h"

/* ---- UTF-8 ---- */

/* Decodes one code point at s (n bytes left).  Returns its length in bytes
 * (1–4), or 0 when the bytes there are not valid UTF-8 (overlong forms,
 * surrogates and code points past U+10FFFF are invalid). */
int utf8_decode(const unsigned char *s, size_t n, int32_t *cp);
/* Encodes cp into out (4 bytes room); returns the length. */
int utf8_encode(int32_t cp, char *out);

/* Called for each invalid byte: its offset in the input and its value. */
typedef void (*text_badbyte_fn)(void *user, size_t offset, unsigned byte);

/* Returns the number of invalid bytes.  When there are none, *out = s and
 * nothing is copied; otherwise *out is a copy in the arena where each
 * invalid byte became U+FFFD.  Returns -1 when out of memory. */
long text_clean_utf8(const char *s, size_t n, arena *a, const char **out,
                     size_t *out_len, text_badbyte_fn bad, void *user);

/* NFC.  *out = s when s is already NFC (the common case, checked without
 * allocating); otherwise a copy in the arena.  s must be valid UTF-8.
 * Returns 0, or -1 when out of memory. */
int text_nfc(const char *s, size_t n, arena *a, const char **out,
             size_t *out_len);

/* Appends the folded form of s (lower case, no accents, compatibility
 * forms, ’ → ', œ → oe) to out.  If map is not NULL, map->ptr receives one
 * uint32_t per folded byte: the offset (base + i) of the original byte it
 * came from, so that a span of the folded text maps back to the original. */
void text_fold(const char *s, size_t n, buf *out, buf *map, uint32_t base);

/* ---- tokens ---- */

typedef enum tok_kind {
    TOK_WORD,    /* letters, digits, inner hyphens: FAMa, pick-up, G5 */
    TOK_NUMBER,  /* 7, 1 200, 1,200, 3,5 */
    TOK_ORDINAL, /* 1er, 2e, 3ème, 21st */
    TOK_DATE,    /* 07/11/2023, 7-11-23 */
    TOK_PUNCT,   /* one punctuation or symbol character */
} tok_kind;

enum {
    TOKF_CAP = 1,     /* first letter upper case */
    TOKF_UPPER = 2,   /* every letter upper case, two letters or more */
    TOKF_ELISION = 4, /* a French elision: l' d' qu' jusqu' … */
    TOKF_NL = 8,      /* a line break before this token */
    TOKF_PARA = 16,   /* a blank line before this token */
};

typedef struct token {
    uint32_t off, len;   /* span in the normalized text */
    uint32_t foff, flen; /* span in the folded buffer */
    uint32_t hash;       /* text_hash of the folded form */
    uint8_t kind;        /* tok_kind */
    uint8_t flags;       /* TOKF_* */
    uint32_t sent;       /* index of its sentence */
} token;

typedef struct sentence {
    uint32_t off, len;     /* span in the normalized text */
    uint32_t first, count; /* its tokens */
} sentence;

/* A segmented text: tokens and sentences in the arena, folded forms in
 * `folded` (owned by the caller, cleared here). */
typedef struct textdoc {
    const char *text;
    size_t len;
    token *toks;
    size_t ntok;
    sentence *sents;
    size_t nsent;
    buf *folded;
} textdoc;

/* Tokenizes text into doc (tokens, folded forms).  Returns 0 or -1 (out of
 * memory). */
int text_tokenize(textdoc *doc, const char *text, size_t len, arena *a,
                  buf *folded);
/* Cuts doc's tokens into sentences (sets tok->sent). */
int text_sentences(textdoc *doc, arena *a);

/* The hash of a folded form (FNV-1a, 32 bits).  Every token carries the
 * hash of its folded form, so that the lexicon and the extract stage can
 * look a token up, or reject a comparison, without reading its bytes.
 * text_hash_step extends a hash by one byte: the hashes of a token's
 * prefixes (its possible stems) come on the way to the whole. */
#define TEXT_HASH_SEED 2166136261u

static inline uint32_t text_hash_step(uint32_t h, unsigned char b)
{
    return (h ^ b) * 16777619u;
}

static inline uint32_t text_hash(const char *s, size_t n)
{
    uint32_t h = TEXT_HASH_SEED;
    for (size_t i = 0; i < n; i++)
        h = text_hash_step(h, (unsigned char)s[i]);
    return h;
}

/* Folded token text. */
static inline const char *tok_fold(const textdoc *d, const token *t)
{
    return d->folded->ptr + t->foff;
}

/* Is the folded word one of the abbreviations that do not end a sentence
 * (m, mme, gen, col, lt, dr, no, …)? */
int text_is_abbrev(const char *folded, size_t n);

/* "fr" or "en" from the tokens' folded forms (French when unsure). */
const char *text_guess_lang(const textdoc *doc);

#endif
