/*
 * lexicon_impl.h — the lexicon's insides, shared by the loader (dict.c)
 * and the trie (trie.c).  Private to lexicon/.
 */
#ifndef VEILLE_LEXICON_IMPL_H
#define VEILLE_LEXICON_IMPL_H

#include "lexicon.h"

/* Trie labels: bytes of folded tokens, plus two of our own. */
#define TRIE_SEP 0x20  /* between two tokens of a form */
#define TRIE_WILD 0x01 /* "any rest of this token" after a stem */

/* A node while building: children in a sibling list. */
typedef struct bnode {
    uint32_t child, sibling; /* 0 = none (node 0 is the root) */
    uint32_t pay;            /* first payload + 1, 0 = none */
    uint8_t label;
} bnode;

/* The frozen trie: a node's children are contiguous and sorted. */
typedef struct tnode {
    uint32_t kids;  /* index of the first child in labels[]/kid[] */
    uint32_t pay;   /* first payload in pays[] */
    uint16_t nkids;
    uint16_t npay;
    uint8_t langs;  /* LANG_* of its payloads, to reject a node at once */
} tnode;

typedef struct tpay {
    uint32_t entry;
    uint8_t langs;
    uint32_t next; /* while building: next payload + 1 */
} tpay;

struct lexicon {
    arena mem; /* strings and attributes */
    lex_entry *entries;
    size_t nentries, cap_entries;
    uint32_t *index; /* open-addressing table of entry indices + 1 */
    size_t index_cap;
    size_t nforms;
    /* building */
    bnode *bn;
    size_t nbn, cap_bn;
    tpay *pays;
    size_t npays, cap_pays;
    /* frozen */
    tnode *tn;
    uint8_t *labels;
    uint32_t *kid;
    uint32_t root_kid[256]; /* root's children by byte, node index or 0 */
    tpay *fpays;
    /* outlets: folded names (in mem) and their entries, looked up by the
     * article's `source`, never matched in text */
    struct lex_outlet {
        const char *key;
        size_t len;
        uint32_t entry;
    } *outlets;
    size_t noutlets, cap_outlets;
    /* loading */
    char **files; /* files loaded (real paths), for include-once */
    size_t nfiles, cap_files;
    int errors;
    lex_report_fn report;
    void *user;
};

int trie_insert(lexicon *lx, const uint8_t *key, size_t n, uint32_t entry,
                uint8_t langs);
int trie_freeze(lexicon *lx);

#endif
